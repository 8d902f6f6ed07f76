/**
 * Rise, set, twilight and transit searches over an interval [from, to).
 *
 * Conventions (those of the U.S. Naval Observatory's almanac tables):
 * - sunrise/sunset: the Sun's centre at -0.8333° geometric altitude (34′ of standard
 *   refraction plus a 16′ semidiameter), with no dip or refraction change for the site's
 *   height; twilights at -6°, -12°, -18°;
 * - moonrise/moonset: the upper limb, topocentric, 34′ of standard refraction at sea level.
 *
 * A site where an event does not happen in the interval (polar day or night, a
 * circumpolar target) simply gets no event.
 */
import { DEG } from './units.js';
import { KM_PER_AU, hourAngle, moonOfDate, sight, siteFrame, sunOfDate, type Ephemeris, type SiteFrame } from './ephemeris.js';
import { findCrossings } from './search.js';
import type { MoonEvent, Site, SunEvent, SunEventKind } from './types.js';
import { checkInterval } from './validate.js';

/** Sun-centre altitudes (degrees) that define each solar event, and the crossing direction. */
export const SUN_EVENT_ALTITUDES: ReadonlyArray<{ kind: SunEventKind; altitude: number; direction: 1 | -1 }> = [
  { kind: 'astronomical-dawn', altitude: -18, direction: 1 },
  { kind: 'nautical-dawn', altitude: -12, direction: 1 },
  { kind: 'civil-dawn', altitude: -6, direction: 1 },
  { kind: 'sunrise', altitude: -0.8333, direction: 1 },
  { kind: 'sunset', altitude: -0.8333, direction: -1 },
  { kind: 'civil-dusk', altitude: -6, direction: -1 },
  { kind: 'nautical-dusk', altitude: -12, direction: -1 },
  { kind: 'astronomical-dusk', altitude: -18, direction: -1 },
];

/** Standard refraction at the horizon used by the almanac conventions, degrees. */
export const HORIZON_REFRACTION = 34 / 60;
/** Geometric altitude of the Sun's centre at sunrise and sunset, degrees. */
export const SUNRISE_ALTITUDE = -0.8333;
/** The Moon's equatorial radius as astronomy-engine uses it for moonrise, AU. */
const MOON_RADIUS_AU = 1738.1 / KM_PER_AU;

/**
 * Upper bound of an altitude's rate of change, degrees per day, with a 10 % margin: the hour
 * angle grows by at most 361°/day and the declination changes by at most `declinationRate`
 * (the Sun 0.5°/day, the Moon 8.2°/day topocentric, as astronomy-engine bounds them).
 */
export const maxAltitudeRate = (site: SiteFrame, declinationRate: number): number => 1.1 * (361 * site.cosLat + declinationRate);
/** Upper bound of an hour angle's rate, degrees per day. */
const MAX_HOUR_ANGLE_RATE = 1.1 * 361;

/** Caches a function of epoch milliseconds for one search: the grids of several thresholds coincide. */
function remember(f: (ms: number) => number): (ms: number) => number {
  const values = new Map<number, number>();
  return (ms) => {
    let value = values.get(ms);
    if (value === undefined) values.set(ms, (value = f(ms)));
    return value;
  };
}

export const byTime = <T extends { time: Date }>(a: T, b: T): number => a.time.getTime() - b.time.getTime();

/** Sunrise, sunset and the three twilights (dawn and dusk) in [from, to), in time order. */
export function sunEvents(site: Site, from: Date, to: Date): SunEvent[] {
  const [fromMs, toMs] = checkInterval(from, to);
  const frame = siteFrame(site);
  const altitude = remember((ms) => sight(sunOfDate, frame, ms).altitude);
  const events: SunEvent[] = [];
  for (const { kind, altitude: threshold, direction } of SUN_EVENT_ALTITUDES) {
    for (const { ms } of findCrossings((ms) => altitude(ms) - threshold, fromMs, toMs, maxAltitudeRate(frame, 0.5), { direction })) {
      events.push({ kind, time: new Date(ms) });
    }
  }
  // Stable sort keeps dawn-to-dusk order for events that coincide to the millisecond.
  return events.sort(byTime);
}

/** Altitude of the Moon's upper limb above the refracted horizon (the moonrise criterion), degrees: positive when up. */
export function moonLimbAltitude(frame: SiteFrame, ms: number): number {
  const { altitude, vector } = sight(moonOfDate, frame, ms);
  return altitude + Math.asin(MOON_RADIUS_AU / Math.hypot(...vector)) / DEG + HORIZON_REFRACTION;
}

/**
 * Moonrise and moonset in [from, to), in time order. The site is taken at sea level, as
 * the almanac does: its height would only scale the refraction, not move the horizon.
 */
export function moonEvents(site: Site, from: Date, to: Date): MoonEvent[] {
  const [fromMs, toMs] = checkInterval(from, to);
  const frame = siteFrame(site, true);
  return findCrossings((ms) => moonLimbAltitude(frame, ms), fromMs, toMs, maxAltitudeRate(frame, 8.2)).map(({ ms, rising }) => ({
    kind: rising ? 'moonrise' : 'moonset',
    time: new Date(ms),
  }));
}

/** Every instant in [from, to) at which a body's topocentric hour angle is `hourAngleDegrees` (0: upper transit, 180: lower). */
export function hourAngleEvents(ephemeris: Ephemeris, frame: SiteFrame, fromMs: number, toMs: number, hourAngleDegrees: number): number[] {
  const f = (ms: number): number => hourAngle(sight(ephemeris, frame, ms), hourAngleDegrees);
  return findCrossings(f, fromMs, toMs, MAX_HOUR_ANGLE_RATE, { direction: 1 }).map(({ ms }) => ms);
}
