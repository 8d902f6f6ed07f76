import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apparentPlace, horizontal, targetEvents } from '../../../src/astro/index.js';

const bluffton = { latitude: 40.8939, longitude: -83.8917 };
const hms = (h: number, m: number, s: number): number => (h + m / 60 + s / 3600) * 15;

describe('targetEvents', () => {
  it('matches Skyfield’s documented rising and setting of the Galactic Centre', () => {
    // rhodesmill.org/skyfield/almanac.html "When a right ascension and declination rises
    // and sets": 17h45m40.04s −29°00′28.1″ seen from Bluffton on 2020-02-01, with Skyfield's
    // standard 34′ refraction: rises 10:29:00Z, sets 18:45:46Z.
    const galacticCentre = { ra: hms(17, 45, 40.04), dec: -(29 + 28.1 / 3600) };
    const events = targetEvents(galacticCentre, bluffton, new Date('2020-02-01T00:00Z'), new Date('2020-02-02T00:00Z'), { altitude: -34 / 60 });
    assert.deepEqual(events.map((e) => e.kind), ['rise', 'transit', 'set']);
    assert.ok(Math.abs(events[0].time.getTime() - Date.parse('2020-02-01T10:29:00Z')) < 5000, events[0].time.toISOString());
    assert.ok(Math.abs(events[2].time.getTime() - Date.parse('2020-02-01T18:45:46Z')) < 5000, events[2].time.toISOString());
  });

  it('gives transits with their geometric altitude, 90° − |φ − δ|', () => {
    const galacticCentre = { ra: hms(17, 45, 40.04), dec: -(29 + 28.1 / 3600) };
    const [transit] = targetEvents(galacticCentre, bluffton, new Date('2020-02-01T00:00Z'), new Date('2020-02-02T00:00Z')).filter((e) => e.kind === 'transit');
    const place = apparentPlace(galacticCentre, bluffton, transit.time);
    assert.ok(Math.abs(transit.altitude! - (90 - Math.abs(bluffton.latitude - place.dec))) < 1 / 3600);
    assert.ok(Math.abs(horizontal(galacticCentre, bluffton, transit.time).azimuth - 180) < 0.01);
  });

  it('finds rises and sets through a chosen altitude', () => {
    const m42 = { ra: 83.82208, dec: -5.39111 };
    const from = new Date('2024-01-10T00:00Z');
    const to = new Date('2024-01-11T00:00Z');
    const above30 = targetEvents(m42, bluffton, from, to, { altitude: 30 });
    for (const event of above30.filter((e) => e.kind !== 'transit')) {
      assert.ok(Math.abs(horizontal(m42, bluffton, event.time).altitude - 30) < 1e-4, event.kind);
    }
    const horizon = targetEvents(m42, bluffton, from, to);
    const rise = horizon.find((e) => e.kind === 'rise')!;
    const set = horizon.find((e) => e.kind === 'set')!;
    assert.ok(Math.abs(horizontal(m42, bluffton, rise.time).altitude) < 1e-4);
    assert.ok(Math.abs(horizontal(m42, bluffton, set.time).altitude) < 1e-4);
    assert.ok(horizontal(m42, bluffton, new Date(rise.time.getTime() + 60_000)).altitude > 0, 'rising after the rise');
  });

  it('has only transits for circumpolar and never-rising targets', () => {
    const from = new Date('2024-01-10T00:00Z');
    const to = new Date('2024-01-13T00:00Z');
    const polaris = targetEvents({ ra: 37.95, dec: 89.264 }, bluffton, from, to);
    assert.deepEqual([...new Set(polaris.map((e) => e.kind))], ['transit']);
    assert.equal(polaris.length, 3);
    assert.ok(polaris.every((e) => e.altitude! > 40));
    const southPole = targetEvents({ ra: 0, dec: -85 }, bluffton, from, to);
    assert.deepEqual([...new Set(southPole.map((e) => e.kind))], ['transit']);
    assert.ok(southPole.every((e) => e.altitude! < 0));
  });

  it('applies proper motion at the epoch of `from`', () => {
    // Barnard's star moves 10.3″ a year north: by 2100 its transit altitude seen from the
    // equator differs from the J2000 position's by about 17′.
    const barnard = { ra: 269.45207, dec: 4.69336, pmRa: -798.58, pmDec: 10328.12 };
    const still = { ra: barnard.ra, dec: barnard.dec };
    const equator = { latitude: 0, longitude: 0 };
    const window: [Date, Date] = [new Date('2100-01-01T00:00Z'), new Date('2100-01-02T00:00Z')];
    const moving = targetEvents(barnard, equator, ...window).find((e) => e.kind === 'transit')!;
    const fixed = targetEvents(still, equator, ...window).find((e) => e.kind === 'transit')!;
    const shift = (fixed.altitude! - moving.altitude!) * 60;
    assert.ok(Math.abs(shift - (100 * 10.328) / 60) < 0.2, `${shift}′`);
  });

  it('rejects bad targets and altitudes', () => {
    const from = new Date('2024-01-10T00:00Z');
    const to = new Date('2024-01-11T00:00Z');
    assert.throws(() => targetEvents({ ra: 10, dec: -91 }, bluffton, from, to), /dec/);
    assert.throws(() => targetEvents({ ra: 10, dec: 0 }, bluffton, from, to, { altitude: 95 }), /altitude/);
    assert.throws(() => targetEvents({ ra: 10, dec: 0, pmRa: Number.NaN }, bluffton, from, to), /pmRa/);
    assert.deepEqual(targetEvents({ ra: 10, dec: 0 }, bluffton, to, from), []);
  });
});
