import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { altitudeCurves, angularSeparation, horizontal, moonIllumination, type Site, type Target } from '../../../src/astro/index.js';

/** Great-circle distance between two horizontal directions, arcseconds. */
const arcsec = (alt1: number, az1: number, alt2: number, az2: number): number =>
  angularSeparation({ ra: az1, dec: alt1 }, { ra: az2, dec: alt2 }) * 3600;

const TARGETS: Target[] = [
  { ra: 83.82208, dec: -5.39111 }, // M42
  { ra: 13.1866, dec: -72.8286 }, // NGC 292 (SMC), circumpolar at Paranal
  { ra: 269.45207, dec: 4.69336, pmRa: -798.58, pmDec: 10328.12 }, // Barnard's star
  { ra: 217.42894, dec: -62.67949, pmRa: -3781.306, pmDec: 769.766 }, // Proxima Centauri
  { ra: 37.95456, dec: 89.26411 }, // Polaris, never up at Paranal
  { ra: 0.0001, dec: -0.0001 }, // right at 0h
];

/** Largest disagreement with horizontal() over every sample, per kind of body, arcsec. */
function maxErrors(targets: Target[], site: Site, from: Date, to: Date, step: number) {
  const curves = altitudeCurves(targets, site, from, to, step);
  const worst = { sun: 0, moon: 0, stars: 0 };
  curves.times.forEach((ms, j) => {
    const time = new Date(ms);
    const sun = horizontal('sun', site, time);
    const moon = horizontal('moon', site, time);
    worst.sun = Math.max(worst.sun, arcsec(sun.altitude, sun.azimuth, curves.sun.altitude[j], curves.sun.azimuth[j]));
    worst.moon = Math.max(worst.moon, arcsec(moon.altitude, moon.azimuth, curves.moon.altitude[j], curves.moon.azimuth[j]));
    targets.forEach((target, k) => {
      const h = horizontal(target, site, time);
      worst.stars = Math.max(worst.stars, arcsec(h.altitude, h.azimuth, curves.targets[k].altitude[j], curves.targets[k].azimuth[j]));
    });
  });
  return { curves, worst };
}

describe('altitudeCurves', () => {
  it('agrees with horizontal() within 1″ for stars, Sun and Moon across a night at Paranal', () => {
    const paranal = { latitude: -24.6272, longitude: -70.4042, elevation: 2635 };
    const { curves, worst } = maxErrors(TARGETS, paranal, new Date('2024-03-20T22:00Z'), new Date('2024-03-21T11:00Z'), 1);
    assert.equal(curves.times.length, 13 * 60 + 1);
    assert.ok(worst.stars < 1, `stars ${worst.stars}″`);
    assert.ok(worst.sun < 1, `Sun ${worst.sun}″`);
    assert.ok(worst.moon < 1, `Moon ${worst.moon}″`);
  });

  it('stays within 1″ at the pole, on the date line and over several days', () => {
    for (const [site, from, to, step] of [
      [{ latitude: 90, longitude: 0 }, '2030-06-01T00:00Z', '2030-06-04T00:00Z', 13],
      [{ latitude: -89.99, longitude: 139, elevation: 2800 }, '1990-01-01T00:00Z', '1990-01-02T00:00Z', 7],
      [{ latitude: -18.1416, longitude: 178.4419 }, '2050-12-31T06:00Z', '2051-01-01T06:00Z', 5],
    ] as const) {
      const { worst } = maxErrors(TARGETS, site, new Date(from), new Date(to), step);
      assert.ok(Math.max(worst.sun, worst.moon, worst.stars) < 1, `${JSON.stringify(site)}: ${JSON.stringify(worst)}`);
    }
  });

  it('samples from `from` every step, including `to` when it falls on one', () => {
    const site = { latitude: 10, longitude: 10 };
    const from = new Date('2024-01-01T00:00Z');
    const curves = altitudeCurves([], site, from, new Date('2024-01-01T01:00Z'), 15);
    assert.deepEqual([...curves.times].map((t) => (t - from.getTime()) / 60_000), [0, 15, 30, 45, 60]);
    const uneven = altitudeCurves([], site, from, new Date('2024-01-01T01:10Z'), 15);
    assert.equal(uneven.times.length, 5);
    const single = altitudeCurves([{ ra: 1, dec: 2 }], site, from, from, 5);
    assert.equal(single.times.length, 1);
    assert.ok(single.targets[0].altitude instanceof Float64Array);
    assert.deepEqual(altitudeCurves([], site, from, from, 5).targets, []);
  });

  it('gives the Moon’s illuminated fraction at the middle of the window', () => {
    const from = new Date('2024-03-20T22:00Z');
    const to = new Date('2024-03-21T10:00Z');
    const curves = altitudeCurves([], { latitude: 0, longitude: 0 }, from, to, 10);
    assert.equal(curves.moon.illumination, moonIllumination(new Date('2024-03-21T04:00Z')));
  });

  it('rejects bad arguments with a RangeError', () => {
    const site = { latitude: 10, longitude: 10 };
    const from = new Date('2024-01-01T00:00Z');
    const to = new Date('2024-01-02T00:00Z');
    assert.throws(() => altitudeCurves([], site, from, to, 0), /stepMinutes/);
    assert.throws(() => altitudeCurves([], site, from, to, Number.NaN), /stepMinutes/);
    assert.throws(() => altitudeCurves([], site, to, from, 5), /before/);
    assert.throws(() => altitudeCurves([{ ra: 1, dec: 100 }], site, from, to, 5), /targets\[0\]\.dec/);
    assert.throws(() => altitudeCurves('M42' as never, site, from, to, 5), /array/);
    assert.throws(() => altitudeCurves([], site, from, new Date('2030-01-01T00:00Z'), 0.01), /samples/);
    assert.throws(() => altitudeCurves([], { latitude: 0, longitude: 200 }, from, to, 5), /longitude/);
  });
});
