/**
 * Positions: apparent topocentric places (light time, aberration, precession, nutation) and
 * horizontal coordinates, through ./ephemeris.ts, which reproduces astronomy-engine's full
 * `Equator` + `Horizon` computation.
 */
import { DEG, J2000_MS, MS_PER_DAY } from './units.js';
import { localSiderealAngle, moonOfDate, sight, siteFrame, starOfDate, sunOfDate, timeAt, type Ephemeris } from './ephemeris.js';
import type { HorizontalPosition, RaDec, Site, Target } from './types.js';
import { checkLongitude, checkTarget, checkTime } from './validate.js';

const MAS_TO_RAD = DEG / 3_600_000;
const MS_PER_JULIAN_YEAR = 365.25 * MS_PER_DAY;

export type BodyName = 'sun' | 'moon';

/**
 * ICRS position of a target at an instant, with its proper motion applied as a space
 * motion: the unit vector moves along the tangent plane and is renormalised, which stays
 * exact near the poles where adding μα* ÷ cos δ to α would not. Radial velocity (and so
 * perspective acceleration, ≈0.2″ over 20 years for Barnard's star) is not modelled.
 */
export function properMotionPosition(target: Target, time: Date): RaDec {
  const { ra, dec, pmRa, pmDec } = checkTarget(target);
  if (pmRa === 0 && pmDec === 0) return { ra, dec };
  const years = (checkTime(time) - J2000_MS) / MS_PER_JULIAN_YEAR;
  const a = ra * DEG;
  const d = dec * DEG;
  const sa = Math.sin(a);
  const ca = Math.cos(a);
  const sd = Math.sin(d);
  const cd = Math.cos(d);
  const muA = pmRa * MAS_TO_RAD * years;
  const muD = pmDec * MAS_TO_RAD * years;
  // p + μα*·t·ê_α + μδ·t·ê_δ
  const x = cd * ca - muA * sa - muD * sd * ca;
  const y = cd * sa + muA * ca - muD * sd * sa;
  const z = sd + muD * cd;
  const raOut = Math.atan2(y, x) / DEG;
  return { ra: (raOut + 360) % 360, dec: Math.atan2(z, Math.hypot(x, y)) / DEG };
}

/** The ephemeris of the Sun, the Moon or a target (its proper motion applied at `epoch`). */
export function ephemerisOf(body: BodyName | Target, epoch: Date): Ephemeris {
  if (body === 'sun') return sunOfDate;
  if (body === 'moon') return moonOfDate;
  if (typeof body === 'string') {
    throw new RangeError(`Unknown body ${JSON.stringify(body)}: expected 'sun', 'moon' or a target {ra, dec}.`);
  }
  return starOfDate(properMotionPosition(body, epoch));
}

/**
 * astronomy-engine's 'normal' refraction, degrees to add to a geometric altitude:
 * Saemundsson's formula as JPL Horizons applies it (clamped 1° below the horizon), tapered
 * to nothing at the nadir.
 */
function standardRefraction(altitude: number): number {
  const h = Math.max(altitude, -1);
  const refraction = 1.02 / Math.tan((h + 10.3 / (h + 5.11)) * DEG) / 60;
  return altitude < -1 ? (refraction * (altitude + 90)) / 89 : refraction;
}

/**
 * Altitude and azimuth (from north through east) of the Sun, the Moon or a target, as
 * astronomy-engine's `Equator(…, ofdate = true, aberration = true)` then `Horizon` give
 * them. Geometric (airless) altitude unless `refraction` is true, in which case
 * astronomy-engine's standard ('normal') refraction is added.
 */
export function horizontal(
  body: BodyName | Target,
  site: Site,
  time: Date,
  { refraction = false }: { refraction?: boolean } = {},
): HorizontalPosition {
  const ms = checkTime(time);
  const frame = siteFrame(site);
  const { altitude, azimuth } = sight(ephemerisOf(body, time), frame, ms);
  return { altitude: refraction ? altitude + standardRefraction(altitude) : altitude, azimuth };
}

/**
 * Local apparent sidereal time in hours, 0…24: Greenwich apparent sidereal time (IAU 2006
 * precession, IAU 2000B nutation, UT1 taken as UTC) plus the east longitude.
 */
export function localSiderealTime(longitude: number, time: Date): number {
  checkLongitude(longitude);
  const hours = (localSiderealAngle(timeAt(checkTime(time)), longitude) / DEG / 15) % 24;
  return hours < 0 ? hours + 24 : hours;
}
