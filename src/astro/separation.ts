/**
 * Apparent places and angular separations (the chart's readout and the Moon distance), in a module of their own
 * so that elements which only draw curves do not carry them.
 */
import { DEG } from './units.js';
import { sight, siteFrame } from './ephemeris.js';
import { ephemerisOf, type BodyName } from './positions.js';
import type { RaDec, Site, Target } from './types.js';
import { checkTime } from './validate.js';

/**
 * Apparent topocentric right ascension and declination of date (true equator and
 * equinox), in degrees, with aberration, as astronomy-engine's `Equator` computes it.
 */
export function apparentPlace(body: BodyName | Target, site: Site, time: Date): RaDec & { distanceAu: number } {
  const ms = checkTime(time);
  const frame = siteFrame(site);
  const [x, y, z] = sight(ephemerisOf(body, time), frame, ms).vector;
  const ra = Math.atan2(y, x) / DEG;
  return { ra: ra < 0 ? ra + 360 : ra, dec: Math.atan2(z, Math.hypot(x, y)) / DEG, distanceAu: Math.hypot(x, y, z) };
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
