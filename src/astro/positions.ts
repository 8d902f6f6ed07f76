/**
 * Positions through astronomy-engine's full computation: apparent topocentric places
 * (light time, aberration, precession, nutation) and horizontal coordinates.
 */
import { Body, DefineStar, Equator, Horizon, Observer, SiderealTime } from 'astronomy-engine';
import type { HorizontalPosition, RaDec, Site, Target } from './types.js';
import { checkSite, checkTarget, checkTime } from './validate.js';

const DEG = Math.PI / 180;
const MAS_TO_RAD = DEG / 3_600_000;
const MS_PER_JULIAN_YEAR = 365.25 * 86_400_000;
const J2000_MS = Date.UTC(2000, 0, 1, 12);

/**
 * Distance given to astronomy-engine for a fixed star. The library models a star as a
 * point at a fixed heliocentric distance; a million light years makes annual and diurnal
 * parallax vanish (< 1e-5″) while keeping its aberration correction exact.
 */
const STAR_DISTANCE_LY = 1e6;

/** The slot astronomy-engine reserves for user-defined stars; redefined before each use. */
export const STAR_SLOT = Body.Star1;

export type BodyName = 'sun' | 'moon';

/** An astronomy-engine observer for the site (elevation in metres). */
export function observerFor(site: Site, { seaLevel = false } = {}): Observer {
  const { latitude, longitude, elevation } = checkSite(site);
  return new Observer(latitude, longitude, seaLevel ? 0 : elevation);
}

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

/** Loads a target into astronomy-engine's star slot (proper motion applied at `time`). */
export function defineTargetStar(target: Target, time: Date): Body {
  const { ra, dec } = properMotionPosition(target, time);
  DefineStar(STAR_SLOT, ra / 15 >= 24 ? 0 : ra / 15, dec, STAR_DISTANCE_LY);
  return STAR_SLOT;
}

function resolveBody(body: BodyName | Target, time: Date): Body {
  if (body === 'sun') return Body.Sun;
  if (body === 'moon') return Body.Moon;
  if (typeof body === 'string') {
    throw new RangeError(`Unknown body ${JSON.stringify(body)}: expected 'sun', 'moon' or a target {ra, dec}.`);
  }
  return defineTargetStar(body, time);
}

/**
 * Apparent topocentric right ascension and declination of date (true equator and
 * equinox), in degrees, as astronomy-engine computes it with aberration.
 */
export function apparentPlace(body: BodyName | Target, site: Site, time: Date): RaDec & { distanceAu: number } {
  checkTime(time);
  const observer = observerFor(site);
  const equ = Equator(resolveBody(body, time), time, observer, true, true);
  return { ra: equ.ra * 15, dec: equ.dec, distanceAu: equ.dist };
}

/**
 * Altitude and azimuth (from north through east) of the Sun, the Moon or a target, with
 * astronomy-engine's full computation: `Equator(…, ofdate = true, aberration = true)` then
 * `Horizon`. Geometric (airless) altitude unless `refraction` is true, in which case
 * astronomy-engine's standard ('normal') refraction is added.
 */
export function horizontal(
  body: BodyName | Target,
  site: Site,
  time: Date,
  { refraction = false }: { refraction?: boolean } = {},
): HorizontalPosition {
  checkTime(time);
  const observer = observerFor(site);
  const equ = Equator(resolveBody(body, time), time, observer, true, true);
  const hor = Horizon(time, observer, equ.ra, equ.dec, refraction ? 'normal' : undefined);
  return { altitude: hor.altitude, azimuth: hor.azimuth };
}

/**
 * Local apparent sidereal time in hours, 0…24: Greenwich apparent sidereal time (IAU 2006
 * precession, IAU 2000B nutation, UT1 taken as UTC) plus the east longitude.
 */
export function localSiderealTime(longitude: number, time: Date): number {
  if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw new RangeError(`longitude must be a number from -180 to 180 degrees, east positive (got ${String(longitude)}).`);
  }
  checkTime(time);
  const hours = (SiderealTime(time) + longitude / 15) % 24;
  return hours < 0 ? hours + 24 : hours;
}

/** Great-circle angle between two {ra, dec} positions in degrees (0…180), stable at all angles. */
export function angularSeparation(a: RaDec, b: RaDec): number {
  for (const [name, p] of [['a', a], ['b', b]] as const) {
    if (!p || !Number.isFinite(p.ra) || !Number.isFinite(p.dec)) {
      throw new RangeError(`${name} must be {ra, dec} in degrees.`);
    }
  }
  const a1 = a.ra * DEG;
  const d1 = a.dec * DEG;
  const a2 = b.ra * DEG;
  const d2 = b.dec * DEG;
  const dA = a2 - a1;
  // Vincenty's formula: atan2 of the cross and dot products of the two unit vectors.
  const x = Math.cos(d2) * Math.sin(dA);
  const y = Math.cos(d1) * Math.sin(d2) - Math.sin(d1) * Math.cos(d2) * Math.cos(dA);
  const dot = Math.sin(d1) * Math.sin(d2) + Math.cos(d1) * Math.cos(d2) * Math.cos(dA);
  return Math.atan2(Math.hypot(x, y), dot) / DEG;
}

/**
 * Angle between a target and the Moon's centre as seen from the site (both apparent
 * places of date, so the Moon's ~1° topocentric parallax is included), in degrees.
 */
export function moonSeparation(target: Target, site: Site, time: Date): number {
  const moon = apparentPlace('moon', site, time);
  const star = apparentPlace(target, site, time);
  return angularSeparation(moon, star);
}
