// The emulator's REST routes: pagination, errors, CORS, objects, organisations, determinism,
// plausibility of the generated activities, and every record type against the OpenAPI excerpt.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { Body, DefineStar, Equator, Horizon, Observer } from 'astronomy-engine';
import { startEmulator } from '../../emulator/server.mjs';

const NOW = '2026-03-20T03:00:00Z';

/** GET with an optional fixed Host header; returns status, headers and raw text. */
function rawGet(base, path, { headers = {}, method = 'GET' } = {}) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function getJson(base, path) {
  const res = await fetch(new URL(path, base));
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Every page of a paginated route, following `next`. */
async function allPages(base, path) {
  const results = [];
  let next = new URL(path, base).href;
  let pages = 0;
  while (next) {
    const { status, body } = await getJson(base, next);
    assert.equal(status, 200);
    results.push(...body.results);
    next = body.next;
    pages += 1;
    assert.ok(pages < 200, 'pagination never ends');
  }
  return { results, pages };
}

// --- a small OpenAPI 3.0 validator (types, required, nullable, enum, $ref, allOf/oneOf, formats) ---
const openapi = JSON.parse(readFileSync(new URL('../../emulator/data/arcsecond-openapi-excerpt.json', import.meta.url), 'utf8'));
const schemas = {
  ...openapi.schemas,
  // Referenced by the excerpt but not included in it.
  BlankEnum: { enum: [''] },
  PaginatedTelescopeListCreateList: {
    type: 'object',
    required: ['count', 'results'],
    properties: {
      count: { type: 'integer' },
      next: { type: 'string', nullable: true, format: 'uri' },
      previous: { type: 'string', nullable: true, format: 'uri' },
      results: { type: 'array', items: { $ref: '#/components/schemas/TelescopeListCreate' } },
    },
  },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function validate(value, schema, path = '$') {
  const errors = [];
  const check = (v, s, p) => {
    if (s.$ref) {
      const name = s.$ref.replace('#/components/schemas/', '');
      assert.ok(schemas[name], `unknown schema ${name}`);
      return check(v, schemas[name], p);
    }
    if (v === null) {
      if (!s.nullable && !(s.enum && s.enum.includes(null))) errors.push(`${p}: null but not nullable`);
      return;
    }
    if (s.allOf) s.allOf.forEach((sub) => check(v, sub, p));
    if (s.oneOf) {
      const passing = s.oneOf.filter((sub) => validate(v, sub, p).length === 0);
      if (passing.length !== 1) errors.push(`${p}: matches ${passing.length} of oneOf`);
    }
    if (s.enum && !s.enum.includes(v)) errors.push(`${p}: ${JSON.stringify(v)} not in ${s.enum.join('|')}`);
    switch (s.type) {
      case 'object':
        if (typeof v !== 'object' || Array.isArray(v)) return errors.push(`${p}: not an object`);
        for (const key of s.required ?? []) if (!(key in v)) errors.push(`${p}: missing ${key}`);
        for (const [key, sub] of Object.entries(s.properties ?? {})) if (key in v) check(v[key], sub, `${p}.${key}`);
        return;
      case 'array':
        if (!Array.isArray(v)) return errors.push(`${p}: not an array`);
        v.forEach((item, i) => check(item, s.items ?? {}, `${p}[${i}]`));
        return;
      case 'string':
        if (typeof v !== 'string') return errors.push(`${p}: not a string`);
        if (s.maxLength !== undefined && v.length > s.maxLength) errors.push(`${p}: longer than ${s.maxLength}`);
        if (s.format === 'uuid' && !UUID.test(v)) errors.push(`${p}: not a uuid: ${v}`);
        if (s.format === 'date-time' && !(Number.isFinite(Date.parse(v)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(v))) errors.push(`${p}: not a date-time: ${v}`);
        if (s.format === 'uri' && v !== '' && !URL.canParse(v)) errors.push(`${p}: not a URI: ${v}`);
        return;
      case 'integer':
        if (!Number.isInteger(v)) errors.push(`${p}: not an integer`);
        else if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum)) errors.push(`${p}: out of range`);
        return;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${p}: not a number`);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') errors.push(`${p}: not a boolean`);
        return;
      default:
        return;
    }
  };
  check(value, schema, path);
  return errors;
}

function assertValid(value, schemaName) {
  const errors = validate(value, { $ref: `#/components/schemas/${schemaName}` });
  assert.deepEqual(errors, [], `${schemaName}: ${errors.slice(0, 5).join('; ')}`);
}

describe('emulator REST API', () => {
  let emulator;
  let base;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 1, rate: 0, now: NOW });
    base = emulator.url;
  });
  after(() => emulator.close());

  test('the url has no trailing slash and the port is the bound one', () => {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(base, `http://127.0.0.1:${emulator.port}`);
    assert.notEqual(emulator.port, 0);
  });

  describe('pagination', () => {
    test('observing sites: default page size 20, absolute next on the request host, previous null', async () => {
      const { status, body } = await getJson(base, '/observingsites/');
      assert.equal(status, 200);
      assert.equal(body.count, 98);
      assert.equal(body.results.length, 20);
      assert.equal(body.previous, null);
      assert.equal(body.next, `${base}/observingsites/?page=2`);
    });

    test('following next visits every record once', async () => {
      const { results, pages } = await allPages(base, '/observingsites/?page_size=30');
      assert.equal(pages, 4);
      assert.equal(results.length, 98);
      assert.equal(new Set(results.map((s) => s.uuid)).size, 98);
    });

    test('page_size is capped at 100 and other query parameters are kept in the links', async () => {
      const { body } = await getJson(base, '/telescopes/?page_size=500&format=json');
      assert.equal(body.results.length, 100);
      assert.equal(body.count, 178);
      assert.equal(body.next, `${base}/telescopes/?format=json&page=2&page_size=500`);
      const second = await getJson(base, body.next);
      assert.equal(second.body.results.length, 78);
      assert.equal(second.body.next, null);
      assert.equal(second.body.previous, `${base}/telescopes/?format=json&page_size=500`);
    });

    test('links are built from the Host the client used', async () => {
      const res = await rawGet(base, '/activities/?page_size=5', { headers: { host: 'api.example.test:8443' } });
      assert.equal(JSON.parse(res.text).next, 'http://api.example.test:8443/activities/?page=2&page_size=5');
    });

    test('out-of-range or malformed pages answer 404 Invalid page', async () => {
      for (const page of ['0', '6', 'abc', '-1']) {
        const { status, body } = await getJson(base, `/observingsites/?page=${page}`);
        assert.equal(status, 404, `page=${page}`);
        assert.deepEqual(body, { detail: 'Invalid page.' });
      }
      assert.equal((await getJson(base, '/observingsites/?page=5')).status, 200);
    });

    test('activities are newest first with ids increasing with time', async () => {
      const { results } = await allPages(base, '/activities/?page_size=100');
      assert.equal(results.length, 300);
      for (let i = 1; i < results.length; i++) {
        assert.ok(results[i - 1].creation_date >= results[i].creation_date, 'sorted by creation_date, newest first');
        assert.ok(results[i - 1].id > results[i].id, 'ids increase with time');
      }
      const first = Date.parse(results.at(-1).creation_date);
      const last = Date.parse(results[0].creation_date);
      assert.ok(last <= Date.parse(NOW) && first >= Date.parse(NOW) - 12 * 3600_000, 'history covers the 12 h before start');
    });
  });

  describe('errors', () => {
    test('unknown routes and records answer 404 Not found.', async () => {
      for (const path of ['/nope/', '/activities/999999999/', '/activities/abc/', '/observingsites/not-a-uuid/',
        '/observingsites/00000000-0000-0000-0000-000000000000/', '/instruments/00000000-0000-0000-0000-000000000000/',
        '/telescopes/no-such-telescope/', '/organisations/nobody/', '/nobody/activities/', '/objects/No Such Object 12345/']) {
        const { status, body } = await getJson(base, path);
        assert.equal(status, 404, path);
        assert.deepEqual(body, { detail: 'Not found.' }, path);
      }
    });

    test('other methods on API routes answer 405 with DRF wording', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await fetch(`${base}/activities/`, { method, body: method === 'DELETE' ? undefined : '{}' });
        assert.equal(res.status, 405);
        assert.deepEqual(await res.json(), { detail: `Method "${method}" not allowed.` });
      }
      const res = await fetch(`${base}/objects/M42/`, { method: 'POST', body: '{}' });
      assert.equal(res.status, 405);
    });

    test('a GET without the trailing slash is redirected like Django does; unknown paths are not', async () => {
      const res = await fetch(`${base}/activities?page=2`, { redirect: 'manual' });
      assert.equal(res.status, 301);
      assert.equal(res.headers.get('location'), '/activities/?page=2');
      assert.equal((await fetch(`${base}/activities?page=2`)).status, 200);
      assert.equal((await fetch(`${base}/nothing`, { redirect: 'manual' })).status, 404);
    });

    test('an ambiguous object name answers 300 with the choices', async () => {
      const { status, body } = await getJson(base, '/objects/Omega/');
      assert.equal(status, 300);
      assert.deepEqual(body.choices.sort(), ['M17', 'NGC 5139']);
      assert.equal(typeof body.detail, 'string');
      assert.equal((await getJson(base, '/objects/pinwheel/')).status, 300);
    });

    test('HiPS: the synthetic survey is served, an unknown survey is a 404 that says where to look', async () => {
      const known = await fetch(`${base}/hips/dss-synthetic/properties`);
      assert.equal(known.status, 200);
      assert.match(await known.text(), /hips_order\s*=\s*3/);
      const unknown = await fetch(`${base}/hips/DSS2/properties`);
      assert.equal(unknown.status, 404);
      assert.match(await unknown.text(), /dss-synthetic/);
    });
  });

  describe('CORS', () => {
    test('every answer allows any origin and exposes Retry-After', async () => {
      for (const path of ['/activities/', '/nope/', '/objects/Omega/', '/v1/forecast?latitude=1&longitude=2', '/v1/forecast']) {
        const res = await fetch(`${base}${path}`);
        assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
        assert.equal(res.headers.get('access-control-expose-headers'), 'Retry-After', path);
      }
    });

    test('preflight answers 204 with the allowed headers, and is not counted', async () => {
      await fetch(`${base}/__emulator/reset`, { method: 'POST' });
      const res = await fetch(`${base}/activities/`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-arcsecond-api-authorization' },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const allowed = res.headers.get('access-control-allow-headers').toLowerCase().split(/,\s*/);
      for (const h of ['accept', 'content-type', 'x-arcsecond-api-authorization']) assert.ok(allowed.includes(h), h);
      const stats = await (await fetch(`${base}/__emulator/stats`)).json();
      assert.equal(stats.total, 0);
    });
  });

  describe('objects', () => {
    test('lookup ignores case, spaces, punctuation and accents, on names and aliases', async () => {
      const variants = ['M42', 'm42', 'M 42', 'm-42', 'Orion Nebula', 'orion  nebula', 'NGC 1976', 'ngc1976', 'Óríon Nébula'];
      for (const name of variants) {
        const { status, body } = await getJson(base, `/objects/${encodeURIComponent(name)}/`);
        assert.equal(status, 200, name);
        assert.equal(body.name, 'M42', name);
      }
      assert.equal((await getJson(base, `/objects/${encodeURIComponent("barnards star")}/`)).body.name, "Barnard's Star");
      assert.equal((await getJson(base, `/objects/${encodeURIComponent('α CMa')}/`)).body.name, 'Sirius');
    });

    test('coordinates route gives J2000 degrees', async () => {
      const { body } = await getJson(base, '/objects/M42/coordinates/');
      assert.deepEqual(body, { right_ascension: 83.822083, declination: -5.391111, epoch: 2000 });
    });

    test('catalogue positions match published J2000 values to 1 arcsecond', async () => {
      // SIMBAD ICRS J2000: Sirius 06 45 08.917 -16 42 58.02; M31 00 42 44.330 +41 16 07.50; Proxima 14 29 42.946 -62 40 46.16.
      const expected = { Sirius: [101.287154, -16.716117], M31: [10.684708, 41.26875], 'Proxima Cen': [217.428942, -62.679489] };
      for (const [name, [ra, dec]] of Object.entries(expected)) {
        const { body } = await getJson(base, `/objects/${encodeURIComponent(name)}/coordinates/`);
        const sep = Math.hypot((body.right_ascension - ra) * Math.cos((dec * Math.PI) / 180), body.declination - dec) * 3600;
        assert.ok(sep < 1, `${name} off by ${sep.toFixed(2)}″`);
      }
    });

    test('stars carry proper motion (mas/yr) and parallax; the list covers all RA hours and both hemispheres', async () => {
      const { body } = await getJson(base, '/objects/');
      assert.ok(body.length >= 100);
      const sirius = body.find((o) => o.name === 'Sirius');
      assert.equal(sirius.proper_motion.value_declination, -1223.07);
      assert.equal(sirius.proper_motion.value_right_ascension_unit, 'mas/yr');
      assert.equal(sirius.parallax.value, 379.21);
      const raOf = (o) => (o.equatorial_coordinates ?? o.ICRS_coordinates ?? o.coordinates).right_ascension;
      const decOf = (o) => (o.equatorial_coordinates ?? o.ICRS_coordinates ?? o.coordinates).declination;
      assert.equal(new Set(body.map((o) => Math.floor(raOf(o) / 15))).size, 24);
      assert.ok(body.filter((o) => decOf(o) < 0).length > 30);
      assert.ok(body.filter((o) => decOf(o) > 0).length > 30);
    });

    test('a few objects use the historical coordinate keys', async () => {
      const icrs = (await getJson(base, '/objects/M13/')).body;
      assert.ok(icrs.ICRS_coordinates && !icrs.equatorial_coordinates);
      const legacy = (await getJson(base, '/objects/M57/')).body;
      assert.equal(legacy.coordinates.right_ascension_units, 'degrees');
      assert.ok(!legacy.equatorial_coordinates);
      assert.ok((await getJson(base, '/objects/NGC 253/')).body.equatorial_coordinates);
    });
  });

  describe('sites, telescopes, instruments, organisations', () => {
    test('telescopes by uuid or alias carry their instruments', async () => {
      const ut4 = (await getJson(base, '/telescopes/VLT-UT4/')).body;
      assert.equal(ut4.name, 'Unit Telescope 4 (Yepun)');
      const same = (await getJson(base, `/telescopes/${ut4.uuid}/`)).body;
      assert.deepEqual(same, ut4);
      const instruments = await Promise.all(ut4.instruments.map(async (uuid) => (await getJson(base, `/instruments/${uuid}/`)).body));
      assert.deepEqual(instruments.map((i) => i.acronym).sort(), ['ERIS', 'HAWK-I', 'MUSE']);
      for (const instrument of instruments) assert.equal(instrument.telescope, ut4.uuid);
    });

    test('space instruments have a satellite and no telescope', async () => {
      const { body } = await getJson(base, '/instruments/');
      assert.ok(Array.isArray(body));
      const space = body.filter((i) => i.telescope === null);
      assert.ok(space.length >= 15);
      for (const i of space) assert.match(i.satellite, UUID);
      assert.ok(space.some((i) => i.acronym === 'NIRCam'));
      assert.ok(!('satellite_name' in body[0]), 'no private fields');
    });

    test('site telescopes route lists the site telescopes', async () => {
      const paranal = 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0';
      const site = (await getJson(base, `/observingsites/${paranal}/`)).body;
      const { body } = await getJson(base, `/observingsites/${paranal}/telescopes/`);
      assert.equal(body.count, site.telescopes.length);
      assert.deepEqual(body.results.map((t) => t.uuid), site.telescopes);
    });

    test('organisations and their scoped routes', async () => {
      const eso = (await getJson(base, '/organisations/eso/')).body;
      assert.equal(eso.subdomain, 'eso');
      assert.equal(eso.name, 'European Southern Observatory');
      const sites = (await getJson(base, '/eso/observingsites/')).body;
      assert.deepEqual(sites.map((s) => s.name).sort(), ['Cerro Armazones Observatory', 'Cerro Paranal Observatory', 'La Silla Observatory', 'Llano de Chajnantor Observatory']);
      const telescopes = (await getJson(base, '/eso/telescopes/')).body;
      assert.ok(telescopes.some((t) => t.alias === 'vlt-ut1'));
      const { results } = await allPages(base, '/eso/activities/?page_size=100');
      assert.ok(results.length > 0);
      for (const a of results) {
        assert.equal(a.organisation, 'eso');
        assert.ok(eso.observing_sites.includes(a.observing_site));
      }
    });

    test('site weather is deterministic within the hour and physically consistent', async () => {
      const paranal = 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0';
      const a = (await getJson(base, `/observingsites/${paranal}/weather/`)).body;
      const b = (await getJson(base, `/observingsites/${paranal}/weather/`)).body;
      assert.deepEqual(a, b);
      assert.equal(a.observing_site, paranal);
      assert.equal(a.date, '2026-03-20T03:00:00.000Z');
      assert.ok(a.dew_point <= a.temperature);
      assert.ok(a.relative_humidity >= 0 && a.relative_humidity <= 100);
      assert.ok(a.pressure > 700 && a.pressure < 780, `pressure at 2635 m: ${a.pressure}`);
      assert.match(a.icon, /night|cloudy|rain|snow|fog|wind/);
    });
  });

  describe('generated activities', () => {
    let activities;
    let sites;
    let telescopes;
    let instruments;
    before(async () => {
      activities = (await allPages(base, '/activities/?page_size=100')).results;
      sites = new Map((await allPages(base, '/observingsites/?page_size=100')).results.map((s) => [s.uuid, s]));
      telescopes = new Map((await allPages(base, '/telescopes/?page_size=100')).results.map((t) => [t.uuid, t]));
      instruments = new Map((await getJson(base, '/instruments/')).body.map((i) => [i.uuid, i]));
    });

    test('ground activities happen at night with their target above 30° (checked independently)', () => {
      const ground = activities.filter((a) => a.observing_site);
      assert.ok(ground.length > 150, `${ground.length} ground activities`);
      for (const a of ground) {
        const site = sites.get(a.observing_site);
        const observer = new Observer(site.coordinates.latitude, site.coordinates.longitude, site.coordinates.height);
        const date = new Date(a.date);
        const sunEq = Equator(Body.Sun, date, observer, true, true);
        const sunAltitude = Horizon(date, observer, sunEq.ra, sunEq.dec, 'normal').altitude;
        assert.ok(sunAltitude < -12, `activity ${a.id} at ${site.name}: Sun at ${sunAltitude.toFixed(2)}°`);
        DefineStar(Body.Star2, a.coordinates.right_ascension / 15, a.coordinates.declination, 1000);
        const targetEq = Equator(Body.Star2, date, observer, true, true);
        const altitude = Horizon(date, observer, targetEq.ra, targetEq.dec).altitude;
        assert.ok(altitude > 30, `activity ${a.id} (${a.target_name}) at ${site.name}: ${altitude.toFixed(2)}°`);
        assert.ok(Date.parse(a.date) <= Date.parse(a.creation_date), 'observed before it was reported');
      }
    });

    test('site, telescope and instrument are consistent; space activities name a satellite', () => {
      let space = 0;
      for (const a of activities) {
        const instrument = instruments.get(a.instrument);
        assert.ok(instrument, `activity ${a.id}: unknown instrument`);
        if (a.satellite) {
          space += 1;
          assert.equal(a.observing_site, null);
          assert.equal(a.telescope, null);
          assert.equal(instrument.telescope, null);
          assert.ok(['Swift', 'HST', 'JWST', 'XMM-Newton', 'Chandra'].includes(a.satellite));
          assert.equal(a.organisation, '');
        } else {
          assert.equal(a.satellite, '');
          assert.equal(telescopes.get(a.telescope).observing_site, a.observing_site);
          assert.equal(instrument.telescope, a.telescope);
        }
        assert.equal(a.coordinates.epoch, 2000);
        assert.equal(a.collaboration, null);
      }
      assert.ok(space > 30 && space < 100, `${space} space activities of ${activities.length}`);
    });

    test('text fields vary and some are empty, as in the real feed', () => {
      assert.ok(activities.some((a) => a.title === ''));
      assert.ok(activities.some((a) => a.links.length === 0));
      assert.ok(activities.some((a) => a.content === null || a.content === ''));
      assert.ok(new Set(activities.map((a) => a.title)).size > 100);
      assert.ok(activities.some((a) => /^\d{3}\.\d{2}[A-Z]{2}\.\d{3}$/.test(a.programme.identifier)), 'ESO-style programme ids');
      assert.ok(activities.some((a) => /^(GO|SNAP|GTO|DD|ERS)-\d+$/.test(a.programme.identifier)), 'STScI-style programme ids');
    });

    test('activity detail route returns the same record', async () => {
      const a = activities[17];
      assert.deepEqual((await getJson(base, `/activities/${a.id}/`)).body, a);
    });
  });

  describe('records validate against the OpenAPI excerpt', () => {
    test('paginated lists and details', async () => {
      assertValid((await getJson(base, '/activities/?page_size=100')).body, 'PaginatedActivityList');
      assertValid((await getJson(base, '/activities/?page_size=100&page=3')).body, 'PaginatedActivityList');
      assertValid((await getJson(base, '/observingsites/?page_size=100')).body, 'PaginatedObservingSiteListCreateList');
      assertValid((await getJson(base, '/telescopes/?page_size=100')).body, 'PaginatedTelescopeListCreateList');
      assertValid((await getJson(base, '/telescopes/?page_size=100&page=2')).body, 'PaginatedTelescopeListCreateList');
      const paranal = 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0';
      assertValid((await getJson(base, `/observingsites/${paranal}/`)).body, 'ObservingSiteUpdate');
      assertValid((await getJson(base, `/observingsites/${paranal}/telescopes/`)).body, 'PaginatedTelescopeListCreateList');
      assertValid((await getJson(base, `/observingsites/${paranal}/weather/`)).body, 'WeatherCondition');
      assertValid((await getJson(base, '/telescopes/gemini-south/')).body, 'TelescopeUpdate');
    });

    test('plain arrays and objects', async () => {
      for (const instrument of (await getJson(base, '/instruments/')).body) assertValid(instrument, 'Instrument');
      for (const object of (await getJson(base, '/objects/')).body) assertValid(object, 'AstronomicalObject');
      for (const site of (await getJson(base, '/eso/observingsites/')).body) assertValid(site, 'ObservingSiteListCreate');
      for (const telescope of (await getJson(base, '/noirlab/telescopes/')).body) assertValid(telescope, 'TelescopeListCreate');
      assertValid((await getJson(base, '/objects/Sirius/coordinates/')).body, 'AstronomicalCoordinates');
      assertValid((await getJson(base, '/eso/activities/')).body, 'PaginatedActivityList');
    });

    test('the validator itself rejects wrong records', () => {
      assert.notDeepEqual(validate({ id: 'x', creation_date: 'yesterday' }, { $ref: '#/components/schemas/Activity' }), []);
      assert.notDeepEqual(validate({ id: 1 }, { $ref: '#/components/schemas/Activity' }), [], 'missing creation_date');
      assert.notDeepEqual(validate({ id: 1, creation_date: '2026-01-01T00:00:00Z', observing_site: 'Paranal' }, { $ref: '#/components/schemas/Activity' }), []);
      assert.notDeepEqual(validate({ uuid: 'x', archive: {} }, { $ref: '#/components/schemas/Instrument' }), []);
      assert.deepEqual(validate({ id: 1, creation_date: '2026-01-01T00:00:00Z', telescope: null }, { $ref: '#/components/schemas/Activity' }), []);
    });
  });
});

describe('determinism', () => {
  test('same seed and now give byte-identical answers; another seed differs', async () => {
    const [a, b, c] = await Promise.all([
      startEmulator({ port: 0, seed: 42, rate: 0, now: NOW }),
      startEmulator({ port: 0, seed: 42, rate: 0, now: new Date(NOW) }),
      startEmulator({ port: 0, seed: 43, rate: 0, now: Date.parse(NOW) }),
    ]);
    try {
      const host = { host: 'api.test' };
      const paths = [
        '/activities/?page_size=100',
        '/activities/?page_size=100&page=3',
        '/v1/forecast?latitude=-24.6&longitude=-70.4&hourly=temperature_2m,cloud_cover,wind_speed_250hPa&current=temperature_2m&timezone=auto',
        '/observingsites/f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0/weather/',
      ];
      for (const path of paths) {
        const [ra, rb, rc] = await Promise.all([a, b, c].map((e) => rawGet(e.url, path, { headers: host })));
        assert.equal(ra.status, 200, path);
        assert.equal(ra.text, rb.text, `${path} differs between identical emulators`);
        assert.notEqual(ra.text, rc.text, `${path} does not depend on the seed`);
      }
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  test('without now, history ends at the real start time', async () => {
    const before = Date.now();
    const e = await startEmulator({ port: 0, rate: 0 });
    try {
      const newest = (await getJson(e.url, '/activities/?page_size=1')).body.results[0];
      assert.ok(Date.parse(newest.creation_date) <= Date.now());
      assert.ok(Date.parse(newest.creation_date) > before - 12 * 3600_000);
    } finally {
      await e.close();
    }
  });

  test('bad options fail clearly', async () => {
    await assert.rejects(startEmulator({ now: 'not a date' }), /now must be/);
    await assert.rejects(startEmulator({ port: -1 }), /port must be/);
    await assert.rejects(startEmulator({ rate: -2 }), /rate must be/);
    await assert.rejects(startEmulator({ seed: 1.5 }), /seed must be/);
  });

  test('start-up is fast', async () => {
    // CPU time rather than wall time: the machine may be shared. Target ~300 ms; the bound catches regressions.
    const cpu0 = process.cpuUsage();
    const e = await startEmulator({ port: 0, rate: 0, seed: 9 });
    const cpu = process.cpuUsage(cpu0);
    await e.close();
    const ms = (cpu.user + cpu.system) / 1000;
    assert.ok(ms < 1000, `start-up used ${ms.toFixed(0)} ms of CPU`);
  });
});
