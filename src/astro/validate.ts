/**
 * Input checks shared by the astronomy functions. They throw `RangeError` with a message
 * that names the argument, so elements can show it instead of failing deep inside a search.
 */
import type { Site, Target } from './types.js';

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Throws "`name` must be `expected` (got `value`)." as a RangeError. */
export function reject(name: string, expected: string, value: unknown): never {
  throw new RangeError(`${name} must be ${expected} (got ${String(value)}).`);
}

/** A finite number of degrees within ±limit, or a RangeError. */
function degrees(value: unknown, name: string, limit: number, note = ''): number {
  if (!isFiniteNumber(value) || Math.abs(value) > limit) reject(name, `a number from -${limit} to ${limit} degrees${note}`, value);
  return value as number;
}

export const checkLongitude = (longitude: unknown, name = 'longitude'): number => degrees(longitude, name, 180, ', east positive');

export const checkAltitude = (altitude: number, name = 'altitude'): number => degrees(altitude, name, 90);

/** Returns the site with a numeric elevation, or throws a RangeError naming the bad field. */
export function checkSite(site: Site, name = 'site'): Required<Site> {
  if (site === null || typeof site !== 'object') {
    throw new RangeError(`${name} must be an object {latitude, longitude, elevation?}.`);
  }
  const { latitude, longitude, elevation = 0 } = site;
  degrees(latitude, `${name}.latitude`, 90);
  checkLongitude(longitude, `${name}.longitude`);
  if (!isFiniteNumber(elevation)) reject(`${name}.elevation`, 'a finite number of metres', elevation);
  return { latitude, longitude, elevation };
}

/** Checks a target; right ascension is normalised into [0, 360). */
export function checkTarget(target: Target, name = 'target'): Required<Target> {
  if (target === null || typeof target !== 'object') {
    throw new RangeError(`${name} must be an object {ra, dec, pmRa?, pmDec?} in degrees.`);
  }
  const { ra, dec, pmRa = 0, pmDec = 0 } = target;
  if (!isFiniteNumber(ra)) reject(`${name}.ra`, 'a finite number of degrees', ra);
  degrees(dec, `${name}.dec`, 90);
  if (!isFiniteNumber(pmRa) || !isFiniteNumber(pmDec)) {
    throw new RangeError(`${name}.pmRa and ${name}.pmDec must be finite numbers of mas/yr when given.`);
  }
  return { ra: ((ra % 360) + 360) % 360, dec, pmRa, pmDec };
}

/** Checks that a value is a valid Date and returns its epoch milliseconds. */
export function checkTime(time: Date, name = 'time'): number {
  const ms = time instanceof Date ? time.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) reject(name, 'a valid Date', time);
  return ms;
}

/** Checks an interval [from, to); returns the two instants in milliseconds. */
export function checkInterval(from: Date, to: Date): [number, number] {
  return [checkTime(from, 'from'), checkTime(to, 'to')];
}
