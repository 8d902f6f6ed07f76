import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { horizontal, sunEvents, type Site } from '../../../src/astro/index.js';
import { assertMatchesTable, readUsnoTable } from './usno-table.js';

const MINUTE = 60_000;
/** USNO prints whole minutes (±30 s); one more minute is left for the computation. */
const TABLE_TOLERANCE_S = 60;

const near = (actual: Date | undefined, expectedIso: string, toleranceS: number, label: string): void => {
  assert.ok(actual, `${label}: no event computed`);
  const error = Math.abs(actual.getTime() - Date.parse(expectedIso)) / 1000;
  assert.ok(error <= toleranceS, `${label}: expected ${expectedIso}, got ${actual.toISOString()} (${error.toFixed(1)} s off)`);
};

/** Sunrises and sunsets against a whole USNO year, day by day (UT dates). */
function checkSunTable(file: string, site: Site): void {
  let worst = 0;
  for (const day of readUsnoTable(file, 2019)) {
    const dayStart = Date.parse(`${day.date}T00:00:00Z`);
    const events = sunEvents(site, new Date(dayStart - 2 * MINUTE), new Date(dayStart + 1440 * MINUTE + 2 * MINUTE));
    const rises = events.filter((e) => e.kind === 'sunrise').map((e) => e.time);
    const sets = events.filter((e) => e.kind === 'sunset').map((e) => e.time);
    worst = Math.max(worst, assertMatchesTable(`${file} ${day.date} rise`, day.rises, rises, dayStart, TABLE_TOLERANCE_S));
    worst = Math.max(worst, assertMatchesTable(`${file} ${day.date} set`, day.sets, sets, dayStart, TABLE_TOLERANCE_S));
    if (day.state) {
      // '****' / '----': no rise or set, and the Sun is on the side the table says all day.
      assert.equal(rises.length + sets.length, 0, `${file} ${day.date}: polar day/night has no events`);
      const noon = horizontal('sun', site, new Date(dayStart + 720 * MINUTE)).altitude;
      if (day.state === 'above') assert.ok(noon > -0.8333, `${day.date}: Sun should stay up`);
      else assert.ok(noon < -0.8333, `${day.date}: Sun should stay down`);
    }
  }
  // Every day of the year within the USNO rounding: report how close the worst one is.
  assert.ok(worst <= TABLE_TOLERANCE_S);
}

describe('sunEvents', () => {
  it('matches Skyfield’s documented Bluffton sunrise and sunset (USNO definition, -0.8333°)', () => {
    // rhodesmill.org/skyfield/almanac.html "Sunrise and Sunset": Bluffton, Ohio (40.8939 N,
    // 83.8917 W), 2018-09-12: sunrise 11:13:13Z, sunset 23:49:38Z.
    const bluffton = { latitude: 40.8939, longitude: -83.8917 };
    const events = sunEvents(bluffton, new Date('2018-09-12T04:00Z'), new Date('2018-09-13T04:00Z'));
    near(events.find((e) => e.kind === 'sunrise')?.time, '2018-09-12T11:13:13Z', 5, 'sunrise');
    near(events.find((e) => e.kind === 'sunset')?.time, '2018-09-12T23:49:38Z', 5, 'sunset');
  });

  it('matches Skyfield’s documented Bluffton twilights, in time order', () => {
    // rhodesmill.org/skyfield/almanac.html "Twilight": Bluffton, 2019-11-08 05:00Z → 2019-11-09 05:00Z.
    const bluffton = { latitude: 40.8939, longitude: -83.8917 };
    const expected: Array<[string, string]> = [
      ['astronomical-dawn', '2019-11-08T10:40:19Z'],
      ['nautical-dawn', '2019-11-08T11:12:31Z'],
      ['civil-dawn', '2019-11-08T11:45:18Z'],
      ['sunrise', '2019-11-08T12:14:15Z'],
      ['sunset', '2019-11-08T22:23:52Z'],
      ['civil-dusk', '2019-11-08T22:52:48Z'],
      ['nautical-dusk', '2019-11-08T23:25:34Z'],
      ['astronomical-dusk', '2019-11-08T23:57:44Z'],
    ];
    const events = sunEvents(bluffton, new Date('2019-11-08T05:00Z'), new Date('2019-11-09T05:00Z'));
    assert.deepEqual(events.map((e) => e.kind), expected.map(([kind]) => kind));
    events.forEach((event, i) => near(event.time, expected[i][1], 5, event.kind));
  });

  it('matches every sunrise and sunset of the USNO 2019 table at 29° N, 81° W (northern)', () => {
    checkSunTable('usno-sun-2019-W081-N29.txt', { latitude: 29, longitude: -81 });
  });

  it('matches every sunrise and sunset of the USNO 2019 table at 60° S, 150° W (southern)', () => {
    checkSunTable('usno-sun-2019-W150-S60.txt', { latitude: -60, longitude: -150 });
  });

  it('matches the USNO 2019 table at 80° N: polar night, midnight sun and the days between', () => {
    checkSunTable('usno-sun-2019-E000-N80.txt', { latitude: 80, longitude: 0 });
  });

  it('finds Singapore’s earliest and latest sunrises near the equator', () => {
    // Helmer Aslaksen (NUS), "Which Day Does the Sun Rise Earliest in Singapore?"
    // (math.nus.edu.sg/aslaksen/calendar/sunrise.html): earliest sunrise 6:46 a.m. on
    // November 1, latest 7:17 a.m. on February 9 (UTC+8); earliest sunset 6:50 p.m. on
    // November 5, latest 7:21 p.m. on February 13. Near these extremes the time changes by
    // seconds a day, so the year does not matter.
    const singapore = { latitude: 1.2833, longitude: 103.85 };
    const day = (date: string) => sunEvents(singapore, new Date(`${date}T00:00+08:00`), new Date(`${date}T23:59+08:00`));
    near(day('2019-11-01').find((e) => e.kind === 'sunrise')?.time, '2019-11-01T06:46:00+08:00', 60, 'earliest sunrise');
    near(day('2019-02-09').find((e) => e.kind === 'sunrise')?.time, '2019-02-09T07:17:00+08:00', 60, 'latest sunrise');
    near(day('2019-11-05').find((e) => e.kind === 'sunset')?.time, '2019-11-05T18:50:00+08:00', 60, 'earliest sunset');
    near(day('2019-02-13').find((e) => e.kind === 'sunset')?.time, '2019-02-13T19:21:00+08:00', 60, 'latest sunset');
  });

  it('ignores the site’s height, as the almanac convention does', () => {
    const sea = sunEvents({ latitude: -24.6272, longitude: -70.4042 }, new Date('2024-03-10T12:00Z'), new Date('2024-03-11T12:00Z'));
    const high = sunEvents({ latitude: -24.6272, longitude: -70.4042, elevation: 2635 }, new Date('2024-03-10T12:00Z'), new Date('2024-03-11T12:00Z'));
    assert.equal(high.length, sea.length);
    high.forEach((event, i) => assert.ok(Math.abs(event.time.getTime() - sea[i].time.getTime()) < 2000, event.kind));
  });

  it('returns only events in [from, to)', () => {
    const site = { latitude: 29, longitude: -81 };
    // USNO: sunrise 2019-01-01 12:18 UT. A window that ends just before it excludes it,
    // one that starts just after excludes it too.
    const all = sunEvents(site, new Date('2019-01-01T00:00Z'), new Date('2019-01-02T00:00Z'));
    const sunrise = all.find((e) => e.kind === 'sunrise')!.time;
    assert.ok(!sunEvents(site, new Date('2019-01-01T00:00Z'), sunrise).some((e) => e.kind === 'sunrise'));
    assert.ok(sunEvents(site, sunrise, new Date('2019-01-02T00:00Z')).some((e) => e.kind === 'sunrise'));
    assert.ok(!sunEvents(site, new Date(sunrise.getTime() + 1), new Date('2019-01-02T00:00Z')).some((e) => e.kind === 'sunrise'));
    assert.deepEqual(sunEvents(site, sunrise, sunrise), []);
  });

  it('finds every event over a multi-day window', () => {
    const events = sunEvents({ latitude: 29, longitude: -81 }, new Date('2019-01-01T00:00Z'), new Date('2019-01-08T00:00Z'));
    assert.equal(events.filter((e) => e.kind === 'sunrise').length, 7);
    assert.equal(events.filter((e) => e.kind === 'astronomical-dusk').length, 7);
    for (let i = 1; i < events.length; i++) assert.ok(events[i].time >= events[i - 1].time, 'time-ordered');
  });

  it('rejects bad input with a RangeError', () => {
    const from = new Date('2019-01-01T00:00Z');
    const to = new Date('2019-01-02T00:00Z');
    assert.throws(() => sunEvents({ latitude: 91, longitude: 0 }, from, to), /latitude/);
    assert.throws(() => sunEvents({ latitude: 0, longitude: 181 }, from, to), RangeError);
    assert.throws(() => sunEvents({ latitude: 0, longitude: 0 }, new Date('nope'), to), /from must be a valid Date/);
    assert.throws(() => sunEvents(null as never, from, to), RangeError);
  });
});
