import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moonEvents, moonIllumination, moonPhase, moonPhases, horizontal, type Site } from '../../../src/astro/index.js';
import { assertMatchesTable, readUsnoTable } from './usno-table.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

const near = (actual: Date | undefined, expectedIso: string, toleranceS: number, label: string): void => {
  assert.ok(actual, `${label}: nothing computed`);
  const error = Math.abs(actual.getTime() - Date.parse(expectedIso)) / 1000;
  assert.ok(error <= toleranceS, `${label}: expected ${expectedIso}, got ${actual.toISOString()} (${error.toFixed(1)} s off)`);
};

function checkMoonTable(file: string, site: Site): void {
  for (const day of readUsnoTable(file, 2019)) {
    const dayStart = Date.parse(`${day.date}T00:00:00Z`);
    const events = moonEvents(site, new Date(dayStart - 2 * MINUTE), new Date(dayStart + DAY + 2 * MINUTE));
    const rises = events.filter((e) => e.kind === 'moonrise').map((e) => e.time);
    const sets = events.filter((e) => e.kind === 'moonset').map((e) => e.time);
    assertMatchesTable(`${file} ${day.date} moonrise`, day.rises, rises, dayStart, 60);
    assertMatchesTable(`${file} ${day.date} moonset`, day.sets, sets, dayStart, 60);
    if (day.state) {
      const inside = [...rises, ...sets].filter((t) => t.getTime() > dayStart + MINUTE && t.getTime() < dayStart + DAY - MINUTE);
      assert.equal(inside.length, 0, `${file} ${day.date}: no events when the Moon stays ${day.state}`);
      const altitude = horizontal('moon', site, new Date(dayStart + DAY / 2)).altitude;
      assert.ok(day.state === 'above' ? altitude > -1 : altitude < 0, `${day.date}: Moon should stay ${day.state} (altitude ${altitude.toFixed(2)}°)`);
    }
  }
}

describe('moonEvents', () => {
  it('matches every moonrise and moonset of the USNO 2019 table at 29° N, 81° W', () => {
    checkMoonTable('usno-moon-2019-W081-N29.txt', { latitude: 29, longitude: -81 });
  });

  it('matches the USNO 2019 table at 80° N, where the Moon stays up or down for days', () => {
    checkMoonTable('usno-moon-2019-E000-N80.txt', { latitude: 80, longitude: 0 });
  });

  it('follows the USNO convention of a sea-level horizon whatever the site’s height', () => {
    const sea = moonEvents({ latitude: 29, longitude: -81 }, new Date('2019-01-01T00:00Z'), new Date('2019-01-03T00:00Z'));
    const high = moonEvents({ latitude: 29, longitude: -81, elevation: 3000 }, new Date('2019-01-01T00:00Z'), new Date('2019-01-03T00:00Z'));
    assert.deepEqual(high.map((e) => e.kind), sea.map((e) => e.kind));
    high.forEach((event, i) => assert.ok(Math.abs(event.time.getTime() - sea[i].time.getTime()) < 1000));
  });

  it('rejects an invalid interval', () => {
    assert.throws(() => moonEvents({ latitude: 0, longitude: 0 }, new Date('x'), new Date()), RangeError);
  });
});

describe('moonPhases', () => {
  it('matches Skyfield’s documented phases of September 2018', () => {
    // rhodesmill.org/skyfield/almanac.html "Phases of the Moon" (DE421):
    // Last Quarter 2018-09-03T02:37:24Z, New Moon 2018-09-09T18:01:28Z.
    const phases = moonPhases(new Date('2018-09-01T00:00Z'), new Date('2018-09-10T00:00Z'));
    assert.deepEqual(phases.map((p) => p.phase), ['last-quarter', 'new']);
    near(phases[0].time, '2018-09-03T02:37:24Z', 60, 'last quarter');
    near(phases[1].time, '2018-09-09T18:01:28Z', 60, 'new Moon');
  });

  it('matches Meeus’ Example 49.a new Moon of February 1977', () => {
    // J. Meeus, Astronomical Algorithms (2nd ed.), Example 49.a: JDE 2443192.65118 =
    // 1977 Feb 18, 3h37m42s TD; with ΔT = 48 s that is 03:36:54 UT.
    const phases = moonPhases(new Date('1977-02-14T00:00Z'), new Date('1977-02-20T00:00Z'));
    assert.equal(phases.length, 1);
    assert.equal(phases[0].phase, 'new');
    near(phases[0].time, '1977-02-18T03:36:54Z', 60, 'new Moon');
  });

  it('lists the four phases in order, about a week apart, over a year', () => {
    const phases = moonPhases(new Date('2024-01-01T00:00Z'), new Date('2025-01-01T00:00Z'));
    assert.ok(phases.length >= 49 && phases.length <= 50, `${phases.length} phases in 2024`);
    const order = ['new', 'first-quarter', 'full', 'last-quarter'];
    for (let i = 1; i < phases.length; i++) {
      assert.equal(order.indexOf(phases[i].phase), (order.indexOf(phases[i - 1].phase) + 1) % 4);
      const days = (phases[i].time.getTime() - phases[i - 1].time.getTime()) / DAY;
      assert.ok(days > 5.5 && days < 8.5, `gap of ${days.toFixed(2)} days`);
    }
    assert.equal(phases.filter((p) => p.phase === 'full').length, 12);
  });

  it('keeps to [from, to)', () => {
    const [newMoon] = moonPhases(new Date('2018-09-08T00:00Z'), new Date('2018-09-10T00:00Z'));
    const ms = newMoon.time.getTime();
    assert.equal(moonPhases(new Date(ms - 1000), new Date(ms + DAY))[0]?.phase, 'new');
    assert.equal(moonPhases(new Date(ms + 1000), new Date(ms + DAY)).length, 0);
    assert.equal(moonPhases(new Date(ms - DAY), new Date(ms - 1000)).length, 0);
  });
});

describe('moonIllumination and moonPhase', () => {
  it('matches Meeus’ Example 48.a illuminated fraction', () => {
    // Meeus, Example 48.a: 1992 April 12, 0h TD (23:59:01 UT on April 11 with ΔT = 59 s): k = 0.6786.
    assert.ok(Math.abs(moonIllumination(new Date('1992-04-11T23:59:01Z')) - 0.6786) < 0.001);
  });

  it('names the phase, says waxing or waning and counts the age from the new Moon', () => {
    const newMoon = Date.parse('2018-09-09T18:01:28Z'); // Skyfield, as above
    const atNew = moonPhase(new Date(newMoon + 2 * 3_600_000));
    assert.equal(atNew.name, 'new');
    assert.ok(atNew.age > 0.07 && atNew.age < 0.1, `age ${atNew.age}`);
    assert.ok(atNew.illumination < 0.01);

    const crescent = moonPhase(new Date(newMoon + 3 * DAY));
    assert.equal(crescent.name, 'waxing-crescent');
    assert.equal(crescent.waxing, true);
    assert.ok(Math.abs(crescent.age - 3) < 0.001, `age ${crescent.age}`);

    const lastQuarter = moonPhase(new Date('2018-09-03T02:37:24Z')); // Skyfield, as above
    assert.equal(lastQuarter.name, 'last-quarter');
    assert.equal(lastQuarter.waxing, false);
    assert.ok(Math.abs(lastQuarter.phaseAngle - 270) < 0.01, `phase angle ${lastQuarter.phaseAngle}`);
    assert.ok(Math.abs(lastQuarter.illumination - 0.5) < 0.02);

    const gibbous = moonPhase(new Date(newMoon - 10 * DAY));
    assert.equal(gibbous.name, 'waning-gibbous');
  });

  it('uses the principal names only within about half a day of the phase instant', () => {
    const full = moonPhases(new Date('2024-01-20T00:00Z'), new Date('2024-01-30T00:00Z')).find((p) => p.phase === 'full')!;
    assert.equal(moonPhase(new Date(full.time.getTime() + 6 * 3_600_000)).name, 'full');
    assert.equal(moonPhase(new Date(full.time.getTime() - 6 * 3_600_000)).name, 'full');
    assert.equal(moonPhase(new Date(full.time.getTime() - 20 * 3_600_000)).name, 'waxing-gibbous');
    assert.equal(moonPhase(new Date(full.time.getTime() + 20 * 3_600_000)).name, 'waning-gibbous');
    assert.ok(moonPhase(full.time).illumination > 0.99);
  });

  it('rejects an invalid Date', () => {
    assert.throws(() => moonIllumination(new Date(Number.NaN)), RangeError);
    assert.throws(() => moonPhase('2024-01-01' as never), RangeError);
  });
});
