import { expect } from '@open-wc/testing';
import { emulator } from '../helpers/emulator.js';
import { ArcClient, getClient } from '../../src/api/client.js';
import { ArcApiError } from '../../src/api/errors.js';
import { findSite } from '../../src/api/lookups.js';
import { resolveTargets } from '../../src/api/targets.js';
import { fetchForecast } from '../../src/api/weather.js';
import type { ObservingSite } from '../../src/api/records.js';

const PARANAL = 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0';
const LIEGE = '9c9a20a1-00e9-58e5-8873-467ba42daa3c';

/** A fresh client (own cache) with short retry delays so the suite stays fast. */
const client = (options: Partial<ConstructorParameters<typeof ArcClient>[0]> = {}) =>
  new ArcClient({ api: emulator.url(), backoffBase: 20, backoffMax: 100, timeout: 5000, ...options });

async function rejection(promise: Promise<unknown>): Promise<ArcApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(ArcApiError);
    return e as ArcApiError;
  }
  throw new Error('expected the promise to reject');
}

const requests = async (pathAndQuery: string) => (await emulator.stats()).requests[pathAndQuery] ?? 0;

describe('ArcClient against the emulator', () => {
  beforeEach(() => emulator.reset());

  describe('retry and errors', () => {
    it('retries a 503 twice and then succeeds', async () => {
      await emulator.fault({ match: '/objects/M42/', status: 503, times: 2 });
      const m42 = await client().object('M42');
      expect(m42.ra).to.be.closeTo(83.822083, 1e-6);
      expect(await requests('/objects/M42/')).to.equal(3);
    });

    it('gives up after its retries with a server error that names the status', async () => {
      await emulator.fault({ match: '/objects/M42/', status: 503 });
      const e = await rejection(client({ retries: 1 }).object('M42'));
      expect(e.code).to.equal('server');
      expect(e.status).to.equal(503);
      expect(e.message).to.contain('HTTP 503');
      expect(await requests('/objects/M42/')).to.equal(2);
    });

    it('waits for Retry-After (seconds) on 429, then succeeds', async () => {
      await emulator.fault({ match: '/objects/M31/', status: 429, headers: { 'Retry-After': '1' }, times: 1 });
      const started = performance.now();
      const m31 = await client({ backoffBase: 1, backoffMax: 1 }).object('M31');
      expect(performance.now() - started).to.be.at.least(990);
      expect(m31.name).to.equal('M31');
      expect(await requests('/objects/M31/')).to.equal(2);
    });

    it('reads Retry-After as an HTTP date', async () => {
      const at = new Date(Date.now() + 2000).toUTCString();
      await emulator.fault({ match: '/objects/M31/', status: 503, headers: { 'Retry-After': at }, times: 1 });
      const started = performance.now();
      await client({ backoffBase: 1, backoffMax: 1 }).object('M31');
      // The date has whole seconds: the wait is between 1 and 2 s.
      expect(performance.now() - started).to.be.at.least(900);
    });

    it('fails at once with throttled and retryAfter when the wait is too long', async () => {
      await emulator.fault({ match: '/objects/M31/', status: 429, headers: { 'Retry-After': '120' } });
      const started = performance.now();
      const e = await rejection(client().object('M31'));
      expect(performance.now() - started).to.be.below(1000);
      expect(e.code).to.equal('throttled');
      expect(e.retryAfter).to.equal(120);
      expect(e.message).to.contain('120 s');
      expect(await requests('/objects/M31/')).to.equal(1);
    });

    it('times out a hung request', async () => {
      await emulator.fault({ match: '/objects/M13/', hang: true });
      const started = performance.now();
      const e = await rejection(client({ timeout: 300 }).object('M13'));
      expect(e.code).to.equal('timeout');
      expect(performance.now() - started).to.be.within(250, 2000);
      expect(e.message).to.contain('0.3 s');
    });

    it('maps 404 to not-found with a message naming the object, and remembers it', async () => {
      const c = client();
      const e = await rejection(c.object('Nope'));
      expect(e.code).to.equal('not-found');
      expect(e.status).to.equal(404);
      expect(e.message).to.equal('Object “Nope” not found.');
      expect((await rejection(c.object('Nope'))).code).to.equal('not-found');
      expect(await requests('/objects/Nope/')).to.equal(1);
    });

    it('maps 401 to unauthorized without retrying', async () => {
      await emulator.fault({ match: '/objects/M42/', status: 401 });
      const e = await rejection(client().object('M42'));
      expect(e.code).to.equal('unauthorized');
      expect(await requests('/objects/M42/')).to.equal(1);
    });

    it('maps an ambiguous name (300 Multiple Choices) to invalid-input', async () => {
      const e = await rejection(client().object('Pinwheel'));
      expect(e.code).to.equal('invalid-input');
      expect(e.message).to.contain('ambiguous');
      expect(e.message).to.contain('Pinwheel');
    });

    it('maps malformed JSON and a wrong shape to invalid-response', async () => {
      await emulator.fault({ match: '/activities/', malformed: true, times: 1 });
      const c = client();
      expect((await rejection(c.activitiesPage())).code).to.equal('invalid-response');
      await emulator.fault({ match: '/activities/', body: { count: 3, next: null }, status: 200, times: 1 });
      const e = await rejection(c.activitiesPage());
      expect(e.code).to.equal('invalid-response');
      expect(e.url).to.contain('/activities/');
    });

    it('maps an unreachable server to network after its retries', async () => {
      const c = new ArcClient({ api: 'http://127.0.0.1:9', retries: 1, backoffBase: 10 });
      const e = await rejection(c.activitiesPage());
      expect(e.code).to.equal('network');
      expect(e.message).to.contain('127.0.0.1:9');
    });

    it('rejects bad configuration and input with invalid-input instead of throwing', async () => {
      expect((await rejection(new ArcClient({ api: 'javascript:alert(1)' }).activitiesPage())).code).to.equal('invalid-input');
      expect((await rejection(new ArcClient({ api: emulator.url(), organisation: '../x' }).activitiesPage())).code).to.equal('invalid-input');
      expect((await rejection(client().object('  '))).code).to.equal('invalid-input');
      expect((await rejection(client().site('paranal'))).code).to.equal('invalid-input');
    });
  });

  describe('de-duplication and caching', () => {
    it('sends ten concurrent identical GETs once', async () => {
      const c = client();
      const pages = await Promise.all(Array.from({ length: 10 }, () => c.activitiesPage({ page: 1, pageSize: 5 })));
      expect(await requests('/activities/?page=1&page_size=5')).to.equal(1);
      for (const p of pages) expect(p).to.deep.equal(pages[0]);
      expect(pages[0].results).to.have.length(5);
    });

    it('lets one caller abort without aborting the request for the other', async () => {
      await emulator.latency(300);
      const c = client();
      const leaving = new AbortController();
      const first = c.object('M57', leaving.signal);
      const second = c.object('M57');
      setTimeout(() => leaving.abort(), 50);
      expect((await rejection(first)).code).to.equal('aborted');
      const m57 = await second;
      expect([m57.ra, m57.dec]).to.deep.equal([283.396163, 33.029175]);
      expect(await requests('/objects/M57/')).to.equal(1);
    });

    it('aborts the shared request when every caller has left, so a later call fetches afresh', async () => {
      await emulator.latency(300);
      const c = client();
      const a = new AbortController();
      const b = new AbortController();
      const first = c.object('M1', a.signal);
      const second = c.object('M1', b.signal);
      // Leave once the request is on the wire (the emulator holds it for 300 ms).
      await new Promise((r) => setTimeout(r, 100));
      a.abort();
      b.abort();
      expect((await rejection(first)).code).to.equal('aborted');
      expect((await rejection(second)).code).to.equal('aborted');
      await emulator.latency(0);
      expect((await c.object('M1')).name).to.equal('M1');
      expect(await requests('/objects/M1/')).to.equal(2);
    });

    it('rejects at once for an already aborted signal', async () => {
      const ctrl = new AbortController();
      ctrl.abort();
      expect((await rejection(client().object('M42', ctrl.signal))).code).to.equal('aborted');
      expect(await requests('/objects/M42/')).to.equal(0);
    });

    it('caches records for their TTL but never activity pages', async () => {
      const c = client();
      await c.object('M42');
      await c.object('M42');
      expect(await requests('/objects/M42/')).to.equal(1);
      await c.activitiesPage({ pageSize: 3 });
      await c.activitiesPage({ pageSize: 3 });
      expect(await requests('/activities/?page=1&page_size=3')).to.equal(2);
    });

    it('shares one client per base and organisation, whatever the trailing slashes', () => {
      const url = emulator.url();
      expect(getClient(url)).to.equal(getClient(`${url}//`));
      expect(getClient(url, 'eso')).to.equal(getClient(`${url}/`, 'eso'));
      expect(getClient(url, 'eso')).to.not.equal(getClient(url));
      expect(getClient(`${url}/`).api).to.equal(url);
    });
  });

  describe('activities', () => {
    it('follows next across pages, newest first, up to maxPages', async () => {
      const seen: number[] = [];
      const created: number[] = [];
      for await (const a of client().activities({ pageSize: 7, maxPages: 3 })) {
        seen.push(a.id);
        created.push(a.creationDate!.getTime());
      }
      expect(seen).to.have.length(21);
      expect(new Set(seen).size).to.equal(21);
      expect(created).to.deep.equal([...created].sort((x, y) => y - x));
      const stats = await emulator.stats();
      expect(stats.requests['/activities/?page=1&page_size=7']).to.equal(1);
      expect(stats.requests['/activities/?page=2&page_size=7']).to.equal(1);
      expect(stats.requests['/activities/?page=3&page_size=7']).to.equal(1);
      expect(stats.requests['/activities/?page=4&page_size=7']).to.equal(undefined);
    });

    it('does not follow a next link to another origin', async () => {
      const page = { count: 2, next: 'https://evil.example/activities/?page=2', previous: null, results: [{ id: 1 }, { id: 2 }] };
      await emulator.fault({ match: '/activities/', body: page, status: 200 });
      const ids: number[] = [];
      for await (const a of client().activities({ pageSize: 2 })) ids.push(a.id);
      expect(ids).to.deep.equal([1, 2]);
    });

    it('uses the organisation route for an organisation client', async () => {
      const page = await client({ organisation: 'eso' }).activitiesPage({ pageSize: 4 });
      expect(page.results.every((a) => a.organisation === 'eso')).to.equal(true);
      expect(await requests('/eso/activities/?page=1&page_size=4')).to.equal(1);
    });
  });

  describe('sites', () => {
    it('loads every site once and serves later lookups from that list', async () => {
      const c = client();
      const sites = await c.sites();
      expect(sites).to.have.length(98);
      await c.sites();
      expect(await requests('/observingsites/?page=1&page_size=100')).to.equal(1);
      const paranal = await c.site(PARANAL);
      expect(paranal.name).to.equal('Cerro Paranal Observatory');
      expect((await emulator.stats()).paths[`/observingsites/${PARANAL}/`]).to.equal(undefined);
    });

    it('fetches a site by UUID directly when the list is not loaded, once per UUID', async () => {
      const c = client();
      const [a, b] = await Promise.all([c.site(PARANAL), c.site(PARANAL.toUpperCase())]);
      expect(a).to.deep.equal(b);
      expect(a.timeZone).to.equal('America/Santiago');
      expect(a.latitude).to.be.closeTo(-24.6, 0.1);
      expect(await requests(`/observingsites/${PARANAL}/`)).to.equal(1);
    });

    it('resolves a site by name, IAU code, nickname, accent-free name, case and UUID', async () => {
      const c = client();
      const uuidOf = async (q: string) => (await c.resolveSite(q)).uuid;
      expect(await uuidOf('Cerro Paranal Observatory')).to.equal(PARANAL);
      expect(await uuidOf('309')).to.equal(PARANAL);
      expect(await uuidOf('Cerro Paranal')).to.equal(PARANAL);
      expect(await uuidOf('  cerro   PARANAL observatory ')).to.equal(PARANAL);
      expect(await uuidOf('Liege Observatory')).to.equal(LIEGE);
      expect(await uuidOf('LIÈGE')).to.equal(LIEGE);
      expect(await uuidOf(PARANAL)).to.equal(PARANAL);
    });

    it('resolves a unique part of a name (“Paranal”), and names the candidates when a part is ambiguous', async () => {
      const c = client();
      expect((await c.resolveSite('Paranal')).uuid).to.equal(PARANAL);
      expect((await c.resolveSite('roque de los muchachos')).name).to.equal('Roque de los Muchachos Observatory');
      const e = await rejection(c.resolveSite('Observatory'));
      expect(e.code).to.equal('invalid-input');
      expect(e.message).to.match(/matches \d+ observing sites \(“/);
      // Parts of words do not count: “Paran” is not “Paranal”.
      expect((await rejection(c.resolveSite('Paran'))).code).to.equal('not-found');
    });

    it('says which site was not found, and refuses an empty query', async () => {
      const e = await rejection(client().resolveSite('Atlantis Observatory'));
      expect(e.code).to.equal('not-found');
      expect(e.message).to.contain('“Atlantis Observatory”');
      expect((await rejection(client().resolveSite('   '))).code).to.equal('invalid-input');
      expect((await rejection(client().site('00000000-0000-4000-8000-000000000000'))).code).to.equal('not-found');
    });

    it('matches alternate names from the comma/semicolon list', () => {
      const site = { uuid: 'u', name: 'Very Large Telescope', alternateNames: ['VLT', 'Paranal'], iauCode: null, nickname: null, acronym: null } as unknown as ObservingSite;
      expect(findSite([site], 'vlt')).to.equal(site);
      expect(findSite([site], 'paranal')).to.equal(site);
      expect(findSite([site], 'Parana')).to.equal(undefined);
    });
  });

  describe('objects, telescopes, instruments, weather', () => {
    it('reads all three coordinate keys the service has used', async () => {
      const c = client();
      const [m42, vega, betelgeuse, sirius] = await Promise.all(['M42', 'Vega', 'Betelgeuse', 'Sirius'].map((n) => c.object(n)));
      expect([m42.ra, m42.dec, m42.epoch]).to.deep.equal([83.822083, -5.391111, 2000]);
      expect([vega.ra, vega.dec]).to.deep.equal([279.234733, 38.783689]);
      expect([betelgeuse.ra, betelgeuse.dec]).to.deep.equal([88.792938, 7.407064]);
      expect([sirius.pmRa, sirius.pmDec]).to.deep.equal([-546.01, -1223.07]);
      expect(sirius.aliases).to.include('HIP 32349');
    });

    it('URL-encodes names', async () => {
      const ngc = await client().object('NGC 253');
      expect(ngc.name).to.equal('NGC 253');
      expect(await requests('/objects/NGC%20253/')).to.equal(1);
    });

    it('resolves a target list concurrently, each unknown name its own error', async () => {
      const results = await resolveTargets(client(), 'M42; Nope; 83.82 -5.39; Pinwheel; Vega');
      expect(results.map((r) => (r.ok ? r.target.name : r.error.code))).to.deep.equal(['M42', 'not-found', '83.82 -5.39', 'invalid-input', 'Vega']);
      const vega = results[4];
      expect(vega.ok && vega.target).to.deep.equal({ name: 'Vega', ra: 279.234733, dec: 38.783689, pmRa: 200.94, pmDec: 286.23 });
    });

    it('rejects resolveTargets when its signal aborts', async () => {
      await emulator.latency(300);
      const ctrl = new AbortController();
      const pending = resolveTargets(client(), 'M42; M31', ctrl.signal);
      ctrl.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
    });

    it('looks up telescopes by UUID and alias, and instruments', async () => {
      const c = client();
      const ut1 = await c.telescope('vlt-ut1');
      expect(ut1.acronym).to.equal('UT1');
      expect(await c.telescope(ut1.uuid)).to.deep.equal(ut1);
      expect((await rejection(c.telescope('no-such-telescope'))).message).to.equal('Telescope “no-such-telescope” not found.');
      if (ut1.instruments.length) expect((await c.instrument(ut1.instruments[0])).uuid).to.equal(ut1.instruments[0]);
    });

    it('reads a site weather record', async () => {
      const w = await client().weather(PARANAL);
      expect(w.siteUuid).to.equal(PARANAL);
      expect(w.date).to.be.instanceOf(Date);
      expect(w.temperature === null || typeof w.temperature === 'number').to.equal(true);
    });

    it('fetches a forecast in m/s with unambiguous instants, and caches it', async () => {
      const request = { base: emulator.url(), latitude: -24.6275, longitude: -70.4045, client: client() };
      const f = await fetchForecast(request);
      expect(f.hours.length).to.be.at.least(24);
      expect(f.hours[1].time.getTime() - f.hours[0].time.getTime()).to.equal(3_600_000);
      expect(f.hours.some((h) => h.cloudCover !== null)).to.equal(true);
      expect(f.hours.some((h) => h.windSpeed250hPa !== null)).to.equal(true);
      expect(f.timeZone).to.equal('America/Santiago');
      await fetchForecast(request);
      const stats = await emulator.stats();
      const calls = Object.entries(stats.requests).filter(([k]) => k.startsWith('/v1/forecast'));
      expect(calls).to.have.length(1);
      const [query, count] = calls[0];
      expect(count).to.equal(1);
      for (const part of ['wind_speed_unit=ms', 'timezone=auto', 'timeformat=unixtime', 'wind_speed_250hPa', 'cloud_cover_low']) expect(query).to.contain(part);
    });

    it('rejects bad forecast input before any request, and reports the service reason', async () => {
      const e = await rejection(fetchForecast({ base: emulator.url(), latitude: 95, longitude: 0 }));
      expect(e.code).to.equal('invalid-input');
      expect((await rejection(fetchForecast({ base: emulator.url(), latitude: 0, longitude: 0, startDate: '2024-13-45' }))).code).to.equal('invalid-input');
      expect((await emulator.stats()).total).to.equal(0);
      await emulator.fault({ match: '/v1/forecast', status: 400, body: { error: true, reason: 'Cannot initialize WeatherVariable from invalid String value foo.' } });
      const refused = await rejection(fetchForecast({ base: emulator.url(), latitude: 1, longitude: 2, client: client() }));
      expect(refused.code).to.equal('invalid-input');
      expect(refused.message).to.contain('Cannot initialize WeatherVariable');
    });
  });
});
