/**
 * The lean astronomy core against the full astronomy-engine it replaces: positions, sidereal
 * time, refraction, illumination and events must come out as astronomy-engine's `Equator`,
 * `Horizon`, `SiderealTime`, `Illumination`, `SearchAltitude`, `SearchRiseSet` and
 * `SearchHourAngle` give them. (Tests may import all of astronomy-engine; src/astro may not.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Body,
  DefineStar,
  Equator,
  HelioVector,
  Horizon,
  Illumination,
  MakeTime,
  Observer,
  SearchAltitude,
  SearchHourAngle,
  SearchRiseSet,
  SiderealTime,
} from 'astronomy-engine';
import {
  angularSeparation,
  apparentPlace,
  horizontal,
  localSiderealTime,
  moonEvents,
  moonIllumination,
  properMotionPosition,
  sunEvents,
  targetEvents,
  type Site,
  type Target,
} from '../../../src/astro/index.js';
import { maxAltitudeRate, moonLimbAltitude } from '../../../src/astro/events.js';
import { siteFrame, sight, sunOfDate } from '../../../src/astro/ephemeris.js';
import { earthPosition } from '../../../src/astro/sun-vsop.js';

const DAY = 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): (min: number, max: number) => number {
  let state = seed >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + (((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min);
  };
}

interface Case {
  site: Required<Site>;
  time: Date;
  star: Required<Target>;
}

function cases(seed: number, count: number): Case[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => ({
    site: { latitude: rnd(-90, 90), longitude: rnd(-180, 180), elevation: rnd(0, 5000) },
    time: new Date(Date.UTC(1900, 0, 1) + rnd(0, 200 * 365.25) * DAY),
    star: { ra: rnd(0, 360), dec: rnd(-90, 90), pmRa: rnd(-2000, 2000), pmDec: rnd(-2000, 2000) },
  }));
}

/** astronomy-engine's body for 'sun', 'moon' or a star (loaded into Star1 with its proper motion at `time`). */
function engineBody(body: 'sun' | 'moon' | Target, time: Date): Body {
  if (body === 'sun') return Body.Sun;
  if (body === 'moon') return Body.Moon;
  const { ra, dec } = properMotionPosition(body, time);
  DefineStar(Body.Star1, ra / 15 >= 24 ? 0 : ra / 15, dec, 1e6);
  return Body.Star1;
}

const arcsecBetween = (a: { altitude: number; azimuth: number }, b: { altitude: number; azimuth: number }): number =>
  angularSeparation({ ra: a.azimuth, dec: a.altitude }, { ra: b.azimuth, dec: b.altitude }) * 3600;

describe('the lean ephemeris against astronomy-engine', () => {
  it('computes the Earth’s VSOP87 position exactly as astronomy-engine does', () => {
    const rnd = random(1);
    for (let i = 0; i < 500; i++) {
      const time = MakeTime(new Date(Date.UTC(1700, 0, 1) + rnd(0, 600 * 365.25) * DAY));
      const expected = HelioVector(Body.Earth, time);
      const [x, y, z] = earthPosition(time.tt);
      assert.ok(Math.hypot(x - expected.x, y - expected.y, z - expected.z) < 1e-15, time.date.toISOString());
    }
  });

  it('gives the Sun, the Moon and stars where Equator + Horizon put them, to 0.001″, 1900–2100, anywhere', () => {
    let worst = 0;
    for (const { site, time, star } of cases(2, 400)) {
      const observer = new Observer(site.latitude, site.longitude, site.elevation);
      for (const body of ['sun', 'moon', star] as const) {
        const equ = Equator(engineBody(body, time), time, observer, true, true);
        for (const refraction of [false, true]) {
          const expected = Horizon(time, observer, equ.ra, equ.dec, refraction ? 'normal' : undefined);
          const error = arcsecBetween(horizontal(body, site, time, { refraction }), expected);
          worst = Math.max(worst, error);
          assert.ok(error < 0.001, `${JSON.stringify(body)} from ${JSON.stringify(site)} at ${time.toISOString()}: ${error}″`);
        }
        const place = apparentPlace(body, site, time);
        assert.ok(angularSeparation(place, { ra: equ.ra * 15, dec: equ.dec }) * 3600 < 0.001);
        if (body !== star) assert.ok(Math.abs(place.distanceAu / equ.dist - 1) < 1e-9);
      }
    }
    assert.ok(worst > 0, 'the comparison ran');
  });

  it('gives astronomy-engine’s apparent sidereal time', () => {
    for (const { site, time } of cases(3, 300)) {
      const expected = (((SiderealTime(time) + site.longitude / 15) % 24) + 24) % 24;
      let error = Math.abs(localSiderealTime(site.longitude, time) - expected);
      error = Math.min(error, 24 - error);
      assert.ok(error * 3600 < 1e-6, `${time.toISOString()}: ${error * 3600} s`);
    }
  });

  it('gives the Moon’s illuminated fraction within 1e-4 of astronomy-engine’s (it uses the apparent Sun, as Meeus does)', () => {
    for (const { time } of cases(4, 300)) {
      assert.ok(Math.abs(moonIllumination(time) - Illumination(Body.Moon, time).phase_fraction) < 1e-4, time.toISOString());
    }
  });
});

describe('the event searches against astronomy-engine’s', () => {
  /** Every instant a search returns in [from, to), restarting after each hit, as the former implementation did. */
  function collect(search: (start: Date, days: number) => Date | null, from: Date, to: Date): Date[] {
    const found: Date[] = [];
    let start = from.getTime();
    for (;;) {
      const hit = search(new Date(start), (to.getTime() - start) / DAY);
      if (!hit || hit >= to) return found;
      found.push(hit);
      start = hit.getTime() + 1000;
    }
  }
  const sameInstants = (label: string, actual: Date[], expected: Date[]): void => {
    assert.equal(actual.length, expected.length, `${label}: ${actual.map((d) => d.toISOString())} vs ${expected.map((d) => d.toISOString())}`);
    actual.forEach((time, i) => assert.ok(Math.abs(time.getTime() - expected[i].getTime()) < 200, `${label}: ${time.toISOString()} vs ${expected[i].toISOString()}`));
  };

  it('finds the same sunrises, sunsets and twilights, also near the poles', () => {
    const rnd = random(5);
    for (let i = 0; i < 40; i++) {
      const site = { latitude: i % 2 ? rnd(60, 89) * Math.sign(rnd(-1, 1)) : rnd(-60, 60), longitude: rnd(-180, 180), elevation: rnd(0, 3000) };
      const from = new Date(Date.UTC(2000, 0, 1) + rnd(0, 50 * 365.25) * DAY);
      const to = new Date(from.getTime() + 2 * DAY);
      const observer = new Observer(site.latitude, site.longitude, site.elevation);
      const events = sunEvents(site, from, to);
      for (const [altitude, direction, kind] of [[-0.8333, 1, 'sunrise'], [-0.8333, -1, 'sunset'], [-18, 1, 'astronomical-dawn'], [-6, -1, 'civil-dusk']] as const) {
        const expected = collect((start, days) => SearchAltitude(Body.Sun, observer, direction, start, days, altitude)?.date ?? null, from, to);
        sameInstants(`${kind} at ${JSON.stringify(site)} from ${from.toISOString()}`, events.filter((e) => e.kind === kind).map((e) => e.time), expected);
      }
    }
  });

  it('finds the same moonrises and moonsets, also near the poles', () => {
    const rnd = random(6);
    for (let i = 0; i < 40; i++) {
      const site = { latitude: i % 2 ? rnd(60, 89) * Math.sign(rnd(-1, 1)) : rnd(-60, 60), longitude: rnd(-180, 180) };
      const from = new Date(Date.UTC(2000, 0, 1) + rnd(0, 50 * 365.25) * DAY);
      const to = new Date(from.getTime() + 3 * DAY);
      const observer = new Observer(site.latitude, site.longitude, 0);
      const events = moonEvents(site, from, to);
      for (const direction of [1, -1] as const) {
        const expected = collect((start, days) => SearchRiseSet(Body.Moon, observer, direction, start, days)?.date ?? null, from, to);
        const kind = direction === 1 ? 'moonrise' : 'moonset';
        sameInstants(`${kind} at ${JSON.stringify(site)} from ${from.toISOString()}`, events.filter((e) => e.kind === kind).map((e) => e.time), expected);
      }
    }
  });

  it('finds the same target rises, sets and transits, with the transit altitude', () => {
    const rnd = random(7);
    for (let i = 0; i < 40; i++) {
      const site = { latitude: rnd(-80, 80), longitude: rnd(-180, 180), elevation: rnd(0, 3000) };
      const target = { ra: rnd(0, 360), dec: rnd(-90, 90), pmRa: rnd(-1000, 1000), pmDec: rnd(-1000, 1000) };
      const altitude = i % 2 ? 0 : rnd(-5, 50);
      const from = new Date(Date.UTC(2000, 0, 1) + rnd(0, 50 * 365.25) * DAY);
      const to = new Date(from.getTime() + 2 * DAY);
      const observer = new Observer(site.latitude, site.longitude, site.elevation);
      const events = targetEvents(target, site, from, to, { altitude });
      const star = engineBody(target, from);
      for (const direction of [1, -1] as const) {
        const expected = collect((start, days) => SearchAltitude(star, observer, direction, start, days, altitude)?.date ?? null, from, to);
        const kind = direction === 1 ? 'rise' : 'set';
        sameInstants(`${kind} of ${JSON.stringify(target)} at ${JSON.stringify(site)}`, events.filter((e) => e.kind === kind).map((e) => e.time), expected);
      }
      const transits = events.filter((e) => e.kind === 'transit');
      const expected = collect((start) => SearchHourAngle(star, observer, 0, start, 1).time.date, from, to);
      sameInstants(`transits of ${JSON.stringify(target)}`, transits.map((e) => e.time), expected);
      for (const transit of transits) {
        const equ = Equator(star, transit.time, observer, true, true);
        assert.ok(Math.abs(transit.altitude! - Horizon(transit.time, observer, equ.ra, equ.dec).altitude) < 1e-6);
      }
    }
  });

  it('bounds the Sun’s and the Moon’s altitude rates, which the searches rely on to skip intervals', () => {
    // Sampled every 6 minutes over a lunar month: the steepest altitude change must stay
    // under the bound at every latitude, including the pole.
    for (const latitude of [0, 30, 60, 80, 89.9, -45]) {
      const sun = siteFrame({ latitude, longitude: 10 });
      const moon = siteFrame({ latitude, longitude: 10 }, true);
      const start = Date.UTC(2024, 0, 1);
      const step = 6 * 60_000;
      let previousSun = sight(sunOfDate, sun, start).altitude;
      let previousMoon = moonLimbAltitude(moon, start);
      let steepestSun = 0;
      let steepestMoon = 0;
      for (let ms = start + step; ms < start + 30 * DAY; ms += step) {
        const sunAltitude = sight(sunOfDate, sun, ms).altitude;
        const moonAltitude = moonLimbAltitude(moon, ms);
        steepestSun = Math.max(steepestSun, (Math.abs(sunAltitude - previousSun) * DAY) / step);
        steepestMoon = Math.max(steepestMoon, (Math.abs(moonAltitude - previousMoon) * DAY) / step);
        previousSun = sunAltitude;
        previousMoon = moonAltitude;
      }
      assert.ok(steepestSun < maxAltitudeRate(sun, 0.5), `Sun at ${latitude}°: ${steepestSun}°/day`);
      assert.ok(steepestMoon < maxAltitudeRate(moon, 8.2), `Moon at ${latitude}°: ${steepestMoon}°/day`);
    }
  });
});
