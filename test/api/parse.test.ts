import { expect } from '@open-wc/testing';
import { ArcApiError } from '../../src/api/errors.js';
import { parseActivity, parseActivityPage, parsePage, safeHttpUrl } from '../../src/api/parse.js';
import { parseInstrument, parseObject, parseSite, parseSitePage, parseTelescope, parseWeather } from '../../src/api/lookups.js';
import { parseForecast } from '../../src/api/weather.js';

/** The error a call throws (fails the test if it does not throw). */
function thrown(call: () => unknown): ArcApiError {
  try {
    call();
  } catch (e) {
    expect(e).to.be.instanceOf(ArcApiError);
    return e as ArcApiError;
  }
  throw new Error('expected an ArcApiError');
}

/** An activity shaped like the OpenAPI `Activity` schema. */
const activityJson = () => ({
  id: 4242,
  creation_date: '2024-03-01T22:15:03.123456Z',
  date: '2024-03-01T22:00:00Z',
  links: [
    { title: 'ESO archive', url: 'https://archive.eso.org/dataset/ABC' },
    { title: 'Bad', url: 'javascript:alert(1)' },
    { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
    { title: 'Relative', url: '/relative/path' },
    { title: 'FTP', url: 'ftp://example.org/file' },
    { title: '', url: 'http://example.org/page' },
    'not an object',
  ],
  title: '  Observation of M42  ',
  content: 'FORS2 imaging',
  label: 'ESO',
  profile: 'jdoe',
  satellite: '',
  observing_site: 'F3C5A4EA-300D-5B2F-A345-3EC3BD1046E0',
  telescope: '0ee186f9-9b5f-5dbe-8ff4-7740e3ce504b',
  instrument: null,
  programme: {
    identifier: '0104.C-0123(A)',
    investigators_list: 'Smith, Jones',
    investigators: [{ url: 'x', first_name: 'Ada', last_name: 'Lovelace' }, { url: 'y', first_name: 'Carl', middle_name: 'F.', last_name: 'Gauss' }],
    title: 'Star formation',
    abstract: 'We observe.',
    abstract_url: 'https://eso.org/abstract',
    full_details_url: 'javascript:void(0)',
  },
  programme_type: 'Normal',
  target_name: 'M42',
  coordinates: { right_ascension: 83.822083, declination: -5.391111, epoch: 2000 },
  organisation: 'eso',
  collaboration: null,
});

describe('parseActivity', () => {
  it('reads every field of a schema-shaped record', () => {
    const a = parseActivity(activityJson());
    expect(a.id).to.equal(4242);
    expect(a.creationDate?.toISOString()).to.equal('2024-03-01T22:15:03.123Z');
    expect(a.date?.toISOString()).to.equal('2024-03-01T22:00:00.000Z');
    expect(a.title).to.equal('Observation of M42');
    expect(a.content).to.equal('FORS2 imaging');
    expect(a.label).to.equal('ESO');
    expect(a.profile).to.equal('jdoe');
    expect(a.satellite).to.equal(null);
    expect(a.siteUuid).to.equal('f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0');
    expect(a.telescopeUuid).to.equal('0ee186f9-9b5f-5dbe-8ff4-7740e3ce504b');
    expect(a.instrumentUuid).to.equal(null);
    expect(a.programme).to.deep.equal({
      identifier: '0104.C-0123(A)',
      title: 'Star formation',
      investigators: ['Ada Lovelace', 'Carl F. Gauss'],
      abstract: 'We observe.',
      abstractUrl: 'https://eso.org/abstract',
      fullDetailsUrl: null,
    });
    expect(a.programmeType).to.equal('Normal');
    expect(a.targetName).to.equal('M42');
    expect(a.coordinates).to.deep.equal({ ra: 83.822083, dec: -5.391111 });
    expect(a.organisation).to.equal('eso');
  });

  it('keeps only http(s) links and titles untitled ones by host', () => {
    expect(parseActivity(activityJson()).links).to.deep.equal([
      { title: 'ESO archive', url: 'https://archive.eso.org/dataset/ABC' },
      { title: 'example.org', url: 'http://example.org/page' },
    ]);
  });

  it('falls back to investigators_list when there are no person records', () => {
    const json = activityJson();
    json.programme.investigators = [];
    expect(parseActivity(json).programme?.investigators).to.deep.equal(['Smith', 'Jones']);
  });

  it('turns garbage fields into null or empty values instead of throwing', () => {
    const a = parseActivity({
      id: '17',
      creation_date: 'yesterday',
      date: 12,
      links: 'https://example.org',
      title: { x: 1 },
      content: null,
      label: 42,
      profile: ['a'],
      satellite: '   ',
      observing_site: 'not-a-uuid',
      telescope: 7,
      instrument: {},
      programme: 'P1',
      programme_type: null,
      target_name: undefined,
      coordinates: { right_ascension: 'abc', declination: 12 },
      organisation: false,
    });
    expect(a).to.deep.equal({
      id: 17,
      creationDate: null,
      date: null,
      title: '',
      content: '',
      label: '42',
      profile: null,
      satellite: null,
      siteUuid: null,
      telescopeUuid: null,
      instrumentUuid: null,
      programme: null,
      programmeType: null,
      targetName: null,
      coordinates: null,
      organisation: null,
      links: [],
    });
  });

  it('rejects out-of-range coordinates and empty programmes', () => {
    const json: Record<string, unknown> = { id: 1, coordinates: { right_ascension: 400, declination: 10 }, programme: { identifier: '', investigators: [] } };
    const a = parseActivity(json);
    expect(a.coordinates).to.equal(null);
    expect(a.programme).to.equal(null);
    expect(parseActivity({ id: 1, coordinates: { right_ascension: 10, declination: -91 } }).coordinates).to.equal(null);
  });

  it('rejects bodies that are not an activity', () => {
    for (const bad of [null, 'activity', 42, [activityJson()], {}, { id: 'x' }]) {
      expect(thrown(() => parseActivity(bad)).code, JSON.stringify(bad)).to.equal('invalid-response');
    }
  });
});

describe('parsePage', () => {
  it('parses a DRF page, dropping records it cannot parse', () => {
    const page = parseActivityPage({
      count: 300,
      next: 'https://api.arcsecond.io/activities/?page=3&page_size=2',
      previous: 'javascript:alert(1)',
      results: [activityJson(), { title: 'no id' }, 'junk', { ...activityJson(), id: 4241 }],
    });
    expect(page.count).to.equal(300);
    expect(page.next).to.equal('https://api.arcsecond.io/activities/?page=3&page_size=2');
    expect(page.previous).to.equal(null);
    expect(page.results.map((a) => a.id)).to.deep.equal([4242, 4241]);
  });

  it('counts the results when count is missing', () => {
    expect(parsePage({ results: [1, 2, 3] }, (x) => x).count).to.equal(3);
  });

  it('rejects a page without a results array', () => {
    for (const bad of [{ count: 1 }, { results: 'x' }, [], null, 'page']) {
      expect(thrown(() => parseActivityPage(bad)).code).to.equal('invalid-response');
    }
  });
});

describe('safeHttpUrl', () => {
  it('accepts only absolute http and https URLs', () => {
    expect(safeHttpUrl(' https://example.org/a?b=c ')).to.equal('https://example.org/a?b=c');
    expect(safeHttpUrl('HTTP://EXAMPLE.org')).to.equal('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', '/path', 'ftp://x.org', 'mailto:a@b.c', '', null, 42, {}]) {
      expect(safeHttpUrl(bad), String(bad)).to.equal(null);
    }
  });
});

const siteJson = () => ({
  uuid: 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0',
  name: 'Cerro Paranal Observatory',
  nickname: 'Cerro Paranal',
  alternate_names: 'Paranal; VLT ,  ESO Paranal',
  IAUCode: '309',
  acronym: '',
  homepage_url: 'http://www.eso.org/paranal',
  coordinates: { longitude: -70.4045, latitude: -24.6275, height: 2635 },
  address: { country: 'Chile', continent: 'South America', time_zone_id: 'America/Santiago', zip_code: null },
  telescopes: ['a02e087c-507d-5d45-bcab-6420f439499c'],
  images: [],
});

describe('parseSite', () => {
  it('reads a schema-shaped site', () => {
    expect(parseSite(siteJson())).to.deep.equal({
      uuid: 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0',
      name: 'Cerro Paranal Observatory',
      nickname: 'Cerro Paranal',
      alternateNames: ['Paranal', 'VLT', 'ESO Paranal'],
      iauCode: '309',
      acronym: null,
      homepageUrl: 'http://www.eso.org/paranal',
      latitude: -24.6275,
      longitude: -70.4045,
      elevation: 2635,
      timeZone: 'America/Santiago',
      country: 'Chile',
      continent: 'South America',
      telescopes: ['a02e087c-507d-5d45-bcab-6420f439499c'],
    });
  });

  it('normalises 0–360 longitudes and drops bad values', () => {
    const s = parseSite({
      ...siteJson(),
      homepage_url: 'javascript:alert(1)',
      coordinates: { longitude: 289.5955, latitude: 95, height: 'high' },
      address: { time_zone_id: 'Mars/Olympus_Mons' },
      telescopes: 'nope',
    });
    expect(s.longitude).to.be.closeTo(-70.4045, 1e-9);
    expect(s.latitude).to.equal(null);
    expect(s.elevation).to.equal(null);
    expect(s.homepageUrl).to.equal(null);
    expect(s.timeZone).to.equal(null);
    expect(s.country).to.equal(null);
    expect(s.telescopes).to.deep.equal(['nope']);
  });

  it('rejects a site without a UUID, and pages drop such sites', () => {
    expect(thrown(() => parseSite({ name: 'Nowhere' })).code).to.equal('invalid-response');
    expect(parseSitePage({ count: 2, next: null, previous: null, results: [siteJson(), { name: 'x' }] }).results).to.have.length(1);
  });
});

describe('parseObject', () => {
  const base = { name: 'M42', aliases: [{ name: 'NGC 1976' }, { name: ' Orion Nebula ' }, 'Great Orion Nebula', {}], object_types: ['HII Region', 3] };

  it('reads equatorial_coordinates', () => {
    const o = parseObject({ ...base, equatorial_coordinates: { right_ascension: 83.822083, declination: -5.391111, epoch: 2000 } });
    expect(o).to.deep.equal({
      name: 'M42',
      ra: 83.822083,
      dec: -5.391111,
      epoch: 2000,
      pmRa: null,
      pmDec: null,
      aliases: ['NGC 1976', 'Orion Nebula', 'Great Orion Nebula'],
      types: ['HII Region', '3'],
    });
  });

  it('reads the historical ICRS_coordinates key', () => {
    const o = parseObject({ name: 'Vega', ICRS_coordinates: { right_ascension: 279.234733, declination: 38.783689 } });
    expect([o.ra, o.dec, o.epoch]).to.deep.equal([279.234733, 38.783689, null]);
  });

  it('reads the historical coordinates key in degrees or hours', () => {
    const deg = parseObject({ name: 'Betelgeuse', coordinates: { right_ascension: 88.792938, declination: 7.407064, right_ascension_units: 'degrees' } });
    expect([deg.ra, deg.dec]).to.deep.equal([88.792938, 7.407064]);
    const hours = parseObject({ name: 'Betelgeuse', coordinates: { right_ascension: 5.919529, declination: 7.407064, right_ascension_units: 'hours' } });
    expect(hours.ra).to.be.closeTo(88.792935, 1e-6);
  });

  it('prefers equatorial_coordinates when several keys are present', () => {
    const o = parseObject({
      name: 'X',
      coordinates: { right_ascension: 1, declination: 1 },
      equatorial_coordinates: { right_ascension: 2, declination: 2 },
    });
    expect(o.ra).to.equal(2);
  });

  it('reads proper motion in mas/yr and converts arcsec/yr', () => {
    const mas = parseObject({ name: 'Sirius', proper_motion: { value_right_ascension: -546.01, value_declination: -1223.07, value_right_ascension_unit: 'mas/yr' } });
    expect([mas.pmRa, mas.pmDec]).to.deep.equal([-546.01, -1223.07]);
    const arcsec = parseObject({ name: 'Sirius', proper_motion: { value_right_ascension: -0.546, value_declination: 'x', value_right_ascension_unit: 'arcsec/yr' } });
    expect(arcsec.pmRa).to.be.closeTo(-546, 1e-9);
    expect(arcsec.pmDec).to.equal(null);
  });

  it('gives null coordinates when none are usable, and rejects non-objects', () => {
    const o = parseObject({ name: 'X', equatorial_coordinates: { right_ascension: null, declination: 3 } });
    expect([o.ra, o.dec]).to.deep.equal([null, null]);
    expect(thrown(() => parseObject(['M42'])).code).to.equal('invalid-response');
  });
});

describe('parseTelescope and parseInstrument', () => {
  it('reads a telescope with mirrors and the first usable horizon mask', () => {
    const t = parseTelescope({
      uuid: 'a02e087c-507d-5d45-bcab-6420f439499c',
      name: 'UT1 Antu',
      acronym: 'UT1',
      alias: 'antu',
      observing_site: 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0',
      coordinates: { longitude: -70.40498, latitude: -24.62743, height: 2635.43 },
      instruments: ['i1', '', 'i2'],
      mirrors: [{ pk: 1, diameter: 8200 }, { pk: 2, diameter: null }, 'x'],
      horizon_masks: [{ azimuth_values: [0, 90], altitude_values: [5] }, { azimuth_values: [0, 180, 360], altitude_values: [10, 12, 10] }],
      mounting: 'Altazimuth',
      optical_design: 'Ritchey-Chretien',
    });
    expect(t.name).to.equal('UT1 Antu');
    expect(t.siteUuid).to.equal('f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0');
    expect(t.elevation).to.equal(2635.43);
    expect(t.instruments).to.deep.equal(['i1', 'i2']);
    expect(t.mirrorDiameters).to.deep.equal([8200]);
    expect(t.horizonMask).to.deep.equal({ azimuth: [0, 180, 360], altitude: [10, 12, 10] });
  });

  it('reads an instrument and drops an unsafe archive URL', () => {
    const i = parseInstrument({ uuid: 'u', name: 'FORS2', acronym: '', telescope: null, archive: { name: 'ESO', portal_url: 'javascript:x' } });
    expect(i).to.deep.equal({ uuid: 'u', name: 'FORS2', acronym: null, telescopeUuid: null, satellite: null, archive: { name: 'ESO', portalUrl: null } });
  });
});

describe('parseWeather', () => {
  it('reads numbers, keeps nulls and drops garbage', () => {
    const w = parseWeather({
      id: 1,
      date: '2024-03-01T12:00:00Z',
      icon: 'clear-night',
      temperature: 12.5,
      relative_humidity: '40',
      wind_speed: 'windy',
      cloud_cover: null,
      observing_site: 'f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0',
    });
    expect(w.date?.toISOString()).to.equal('2024-03-01T12:00:00.000Z');
    expect(w.icon).to.equal('clear-night');
    expect(w.temperature).to.equal(12.5);
    expect(w.relativeHumidity).to.equal(40);
    expect(w.windSpeed).to.equal(null);
    expect(w.cloudCover).to.equal(null);
    expect(w.uvIndex).to.equal(null);
    expect(w.siteUuid).to.equal('f3c5a4ea-300d-5b2f-a345-3ec3bd1046e0');
  });
});

describe('parseForecast', () => {
  const forecast = () => ({
    latitude: -24.625,
    longitude: -70.375,
    elevation: 2635,
    timezone: 'America/Santiago',
    utc_offset_seconds: -10800,
    current_units: { wind_speed_10m: 'm/s' },
    current: { time: 1709330400, cloud_cover: 5, wind_speed_10m: 3.5, temperature_2m: 12 },
    hourly_units: { wind_speed_10m: 'm/s', wind_gusts_10m: 'm/s', wind_speed_250hPa: 'm/s' },
    hourly: {
      time: [1709330400, 1709334000, 'garbage'],
      cloud_cover: [5, 80, 1],
      cloud_cover_low: [0, 60, 1],
      relative_humidity_2m: [20, null, 1],
      wind_speed_10m: [3.5, 'x', 1],
      wind_speed_250hPa: [30, 45, 1],
    },
  });

  it('reads unix-time hours as instants with their values', () => {
    const f = parseForecast(forecast());
    expect(f.timeZone).to.equal('America/Santiago');
    expect(f.utcOffsetSeconds).to.equal(-10800);
    expect(f.hours).to.have.length(2);
    expect(f.hours[0].time.toISOString()).to.equal('2024-03-01T22:00:00.000Z');
    expect(f.hours[0].cloudCover).to.equal(5);
    expect(f.hours[1].cloudLow).to.equal(60);
    expect(f.hours[1].humidity).to.equal(null);
    expect(f.hours[1].windSpeed).to.equal(null);
    expect(f.hours[1].windSpeed250hPa).to.equal(45);
    expect(f.hours[0].visibility).to.equal(null);
    expect(f.current?.time.toISOString()).to.equal('2024-03-01T22:00:00.000Z');
    expect(f.current?.windSpeed).to.equal(3.5);
  });

  it('reads ISO local times in the answer zone and converts km/h to m/s', () => {
    const json = forecast();
    (json.hourly as Record<string, unknown>).time = ['2024-03-01T19:00', '2024-03-01T20:00'];
    json.hourly_units.wind_speed_10m = 'km/h';
    const f = parseForecast(json);
    expect(f.hours[0].time.toISOString()).to.equal('2024-03-01T22:00:00.000Z');
    expect(f.hours[0].windSpeed).to.be.closeTo(3.5 / 3.6, 1e-9);
  });

  it('turns an Open-Meteo error body into invalid-input with its reason', () => {
    const e = thrown(() => parseForecast({ error: true, reason: 'Latitude must be in range of -90 to 90°.' }));
    expect(e.code).to.equal('invalid-input');
    expect(e.message).to.contain('Latitude must be in range');
  });

  it('rejects a forecast without hourly data', () => {
    expect(thrown(() => parseForecast({ latitude: 1 })).code).to.equal('invalid-response');
    expect(thrown(() => parseForecast('forecast')).code).to.equal('invalid-response');
  });
});
