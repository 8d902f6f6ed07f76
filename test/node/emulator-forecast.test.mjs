// The emulator's Open-Meteo-shaped /v1/forecast: shape, units, time axis, consistency, errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';

const NOW = '2026-03-20T03:07:00Z';
const ALL = [
  'temperature_2m', 'relative_humidity_2m', 'dew_point_2m', 'cloud_cover', 'cloud_cover_low', 'cloud_cover_mid',
  'cloud_cover_high', 'precipitation_probability', 'precipitation', 'wind_speed_10m', 'wind_direction_10m',
  'wind_gusts_10m', 'visibility', 'wind_speed_250hPa', 'weather_code', 'is_day',
];

describe('/v1/forecast', () => {
  let emulator;
  const get = async (query) => {
    const res = await fetch(`${emulator.url}/v1/forecast?${query}`);
    return { status: res.status, body: await res.json() };
  };
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 3, rate: 0, now: NOW });
  });
  after(() => emulator.close());

  test('answers the Open-Meteo shape with only the requested variables', async () => {
    const { status, body } = await get('latitude=52.52&longitude=13.41&hourly=temperature_2m,cloud_cover&current=temperature_2m,is_day');
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), [
      'latitude', 'longitude', 'generationtime_ms', 'utc_offset_seconds', 'timezone', 'timezone_abbreviation',
      'elevation', 'current_units', 'current', 'hourly_units', 'hourly',
    ]);
    assert.ok(Math.abs(body.latitude - 52.52) < 0.05 && Math.abs(body.longitude - 13.41) < 0.05);
    assert.equal(body.timezone, 'GMT');
    assert.equal(body.timezone_abbreviation, 'GMT');
    assert.equal(body.utc_offset_seconds, 0);
    assert.deepEqual(Object.keys(body.hourly), ['time', 'temperature_2m', 'cloud_cover']);
    assert.deepEqual(body.hourly_units, { time: 'iso8601', temperature_2m: '°C', cloud_cover: '%' });
    assert.deepEqual(body.current_units, { time: 'iso8601', interval: 'seconds', temperature_2m: '°C', is_day: '' });
    assert.deepEqual(Object.keys(body.current), ['time', 'interval', 'temperature_2m', 'is_day']);
    assert.equal(body.current.time, '2026-03-20T03:00');
    assert.equal(body.current.interval, 900);
    assert.equal(body.current.is_day, 0, '03:00 UTC is night in Berlin');
    // Default: 7 days of hours from local midnight.
    assert.equal(body.hourly.time.length, 168);
    assert.equal(body.hourly.time[0], '2026-03-20T00:00');
    assert.equal(body.hourly.time[167], '2026-03-26T23:00');
    assert.equal(typeof body.generationtime_ms, 'number');
  });

  test('every supported variable: arrays as long as time, values consistent', async () => {
    const { status, body } = await get(`latitude=51.5&longitude=-0.1&hourly=${ALL.join(',')}&forecast_days=16&past_days=2`);
    assert.equal(status, 200);
    const h = body.hourly;
    assert.equal(h.time.length, 18 * 24);
    for (const name of ALL) assert.equal(h[name].length, h.time.length, name);
    assert.deepEqual(body.hourly_units.weather_code, 'wmo code');
    assert.deepEqual(body.hourly_units.wind_speed_250hPa, 'km/h');
    for (let i = 0; i < h.time.length; i++) {
      assert.ok(h.dew_point_2m[i] <= h.temperature_2m[i], `dew point above temperature at ${h.time[i]}`);
      const layers = [h.cloud_cover_low[i], h.cloud_cover_mid[i], h.cloud_cover_high[i]];
      assert.ok(h.cloud_cover[i] >= Math.max(...layers), `total cover below a layer at ${h.time[i]}`);
      assert.ok(h.cloud_cover[i] <= Math.min(100, layers[0] + layers[1] + layers[2]), `total cover above the sum at ${h.time[i]}`);
      assert.ok(h.wind_gusts_10m[i] >= h.wind_speed_10m[i]);
      assert.ok(h.relative_humidity_2m[i] >= 0 && h.relative_humidity_2m[i] <= 100);
      assert.ok(h.wind_direction_10m[i] >= 0 && h.wind_direction_10m[i] < 360);
      assert.ok([0, 1].includes(h.is_day[i]));
      assert.ok(h.precipitation[i] === 0 || h.precipitation_probability[i] >= 30, 'rain with a low probability');
      assert.ok(h.visibility[i] > 0);
      assert.ok([0, 1, 2, 3, 45, 53, 61, 63, 65, 71, 73, 75, 95].includes(h.weather_code[i]), `code ${h.weather_code[i]}`);
    }
  });

  test('clouds come in fronts that persist for hours, not white noise', async () => {
    const { body } = await get('latitude=51.5&longitude=-0.1&hourly=cloud_cover&forecast_days=16');
    const c = body.hourly.cloud_cover;
    const meanStep = c.slice(1).reduce((sum, v, i) => sum + Math.abs(v - c[i]), 0) / (c.length - 1);
    const mean = c.reduce((a, b) => a + b, 0) / c.length;
    const spread = c.reduce((sum, v) => sum + Math.abs(v - mean), 0) / c.length;
    assert.ok(spread > 10, 'the cover changes over two weeks');
    assert.ok(meanStep < spread / 2, `hour-to-hour change ${meanStep.toFixed(1)} vs spread ${spread.toFixed(1)}`);
  });

  test('temperature follows the local solar day, and desert summits are drier than maritime cities', async () => {
    const paranal = (await get('latitude=-24.6272&longitude=-70.4042&hourly=temperature_2m,relative_humidity_2m,cloud_cover&timezone=auto&forecast_days=16')).body;
    assert.equal(paranal.timezone, 'America/Santiago');
    assert.equal(paranal.elevation, 2635, 'height of the seed site nearby');
    // Mean by local hour over 16 days: afternoon warmer than pre-dawn.
    const byHour = (series) => Array.from({ length: 24 }, (_, hour) => {
      const values = series.filter((_, i) => i % 24 === hour);
      return values.reduce((a, b) => a + b, 0) / values.length;
    });
    const temp = byHour(paranal.hourly.temperature_2m);
    assert.ok(temp[15] - temp[5] > 3, `diurnal range ${temp[15] - temp[5]}`);
    const london = (await get('latitude=51.5&longitude=-0.1&hourly=relative_humidity_2m,cloud_cover&forecast_days=16')).body;
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(mean(paranal.hourly.cloud_cover) < mean(london.hourly.cloud_cover));
    assert.ok(mean(paranal.hourly.relative_humidity_2m) < mean(london.hourly.relative_humidity_2m));
  });

  test('time zones: IANA names, auto near a site, GMT far from any', async () => {
    const tokyo = (await get('latitude=35.7&longitude=139.7&hourly=temperature_2m&timezone=Asia/Tokyo&forecast_days=1')).body;
    assert.equal(tokyo.utc_offset_seconds, 9 * 3600);
    assert.equal(tokyo.timezone_abbreviation.length > 0, true);
    assert.equal(tokyo.hourly.time[0], '2026-03-20T00:00');
    assert.equal(tokyo.hourly.time.length, 24);
    const ocean = (await get('latitude=-45&longitude=-140&hourly=temperature_2m&timezone=auto&forecast_days=1')).body;
    assert.equal(ocean.timezone, 'GMT');
    const kona = (await get('latitude=19.82&longitude=-155.47&hourly=is_day&timezone=auto&forecast_days=1')).body;
    assert.equal(kona.timezone, 'Pacific/Honolulu');
    assert.equal(kona.utc_offset_seconds, -10 * 3600);
    // Local solar noon is daytime, local midnight is not.
    assert.equal(kona.hourly.is_day[0], 0);
    assert.equal(kona.hourly.is_day[12], 1);
  });

  test('units: fahrenheit, wind units, unixtime', async () => {
    const base = 'latitude=-30.24&longitude=-70.74&hourly=temperature_2m,wind_speed_10m&forecast_days=1';
    const metric = (await get(base)).body;
    const imperial = (await get(`${base}&temperature_unit=fahrenheit&wind_speed_unit=mph`)).body;
    assert.equal(imperial.hourly_units.temperature_2m, '°F');
    assert.equal(imperial.hourly_units.wind_speed_10m, 'mp/h');
    for (let i = 0; i < 24; i++) {
      assert.ok(Math.abs(imperial.hourly.temperature_2m[i] - (metric.hourly.temperature_2m[i] * 9) / 5 - 32) < 0.11);
      assert.ok(Math.abs(imperial.hourly.wind_speed_10m[i] - metric.hourly.wind_speed_10m[i] / 1.609344) < 0.11);
    }
    assert.equal((await get(`${base}&wind_speed_unit=ms`)).body.hourly_units.wind_speed_10m, 'm/s');
    assert.equal((await get(`${base}&wind_speed_unit=kn`)).body.hourly_units.wind_speed_10m, 'kn');
    const unix = (await get(`${base}&timeformat=unixtime&current=temperature_2m`)).body;
    assert.equal(unix.hourly_units.time, 'unixtime');
    assert.equal(unix.hourly.time[0], Date.parse('2026-03-20T00:00:00Z') / 1000);
    assert.equal(unix.current.time, Date.parse('2026-03-20T03:00:00Z') / 1000);
  });

  test('start_date/end_date and past_days choose the days', async () => {
    const range = (await get('latitude=1&longitude=2&hourly=temperature_2m&start_date=2026-03-18&end_date=2026-03-22')).body;
    assert.equal(range.hourly.time.length, 5 * 24);
    assert.equal(range.hourly.time[0], '2026-03-18T00:00');
    const past = (await get('latitude=1&longitude=2&hourly=temperature_2m&past_days=2&forecast_days=1')).body;
    assert.equal(past.hourly.time[0], '2026-03-18T00:00');
    assert.equal(past.hourly.time.length, 72);
    // Overlapping requests agree hour by hour.
    const i = range.hourly.time.indexOf('2026-03-19T05:00');
    const j = past.hourly.time.indexOf('2026-03-19T05:00');
    assert.equal(range.hourly.temperature_2m[i], past.hourly.temperature_2m[j]);
  });

  test('several locations answer an array', async () => {
    const { status, body } = await get('latitude=1,2&longitude=3,4&hourly=temperature_2m&forecast_days=1');
    assert.equal(status, 200);
    assert.ok(Array.isArray(body));
    assert.equal(body.length, 2);
    assert.equal(body[1].latitude, 2);
  });

  test('bad parameters answer 400 {error, reason}', async () => {
    const cases = [
      ['longitude=2', /latitude/],
      ['latitude=91&longitude=2', /Latitude must be in range of -90 to 90/],
      ['latitude=1&longitude=181', /Longitude must be in range/],
      ['latitude=abc&longitude=2', /Float/],
      ['latitude=1&longitude=2&hourly=temperature_2m,tempearture', /invalid String value tempearture for key hourly/],
      ['latitude=1&longitude=2&current=foo', /for key current/],
      ['latitude=1&longitude=2&forecast_days=17', /Forecast days is invalid/],
      ['latitude=1&longitude=2&past_days=93', /Past days is invalid/],
      ['latitude=1&longitude=2&timezone=Mars/Olympus', /timezone/i],
      ['latitude=1&longitude=2&wind_speed_unit=furlongs', /WindspeedUnit/],
      ['latitude=1&longitude=2&temperature_unit=kelvin', /TemperatureUnit/],
      ['latitude=1&longitude=2&timeformat=rfc', /Timeformat/],
      ['latitude=1&longitude=2&start_date=2026-03-20', /start_date/],
      ['latitude=1&longitude=2&start_date=2026-02-30&end_date=2026-03-02', /date format/],
      ['latitude=1&longitude=2&start_date=2026-03-22&end_date=2026-03-20', /End-date/],
      ['latitude=1&longitude=2&start_date=2030-01-01&end_date=2030-01-02', /out of allowed range/],
      ['latitude=1,2&longitude=3', /same number/],
    ];
    for (const [query, reason] of cases) {
      const { status, body } = await get(query);
      assert.equal(status, 400, query);
      assert.equal(body.error, true, query);
      assert.match(body.reason, reason, query);
    }
  });
});
