/**
 * Input checks shared by the astronomy functions. They throw `RangeError` with a message
 * that names the argument, so elements can show it instead of failing deep inside a search.
 */
import type { Site, Target } from './types.js';

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Returns the site with a numeric elevation, or throws a RangeError naming the bad field. */
export function checkSite(site: Site, name = 'site'): Required<Site> {
  if (site === null || typeof site !== 'object') {
    throw new RangeError(`${name} must be an object {latitude, longitude, elevation?}.`);
  }
  const { latitude, longitude, elevation = 0 } = site;
  if (!isFiniteNumber(latitude) || latitude < -90 || latitude > 90) {
    throw new RangeError(`${name}.latitude must be a number from -90 to 90 degrees (got ${String(latitude)}).`);
  }
  if (!isFiniteNumber(longitude) || longitude < -180 || longitude > 180) {
    throw new RangeError(`${name}.longitude must be a number from -180 to 180 degrees, east positive (got ${String(longitude)}).`);
  }
  if (!isFiniteNumber(elevation)) {
    throw new RangeError(`${name}.elevation must be a finite number of metres (got ${String(elevation)}).`);
  }
  return { latitude, longitude, elevation };
}

/** Checks a target; right ascension is normalised into [0, 360). */
export function checkTarget(target: Target, name = 'target'): Required<Target> {
  if (target === null || typeof target !== 'object') {
    throw new RangeError(`${name} must be an object {ra, dec, pmRa?, pmDec?} in degrees.`);
  }
  const { ra, dec, pmRa = 0, pmDec = 0 } = target;
  if (!isFiniteNumber(ra)) {
    throw new RangeError(`${name}.ra must be a finite number of degrees (got ${String(ra)}).`);
  }
  if (!isFiniteNumber(dec) || dec < -90 || dec > 90) {
    throw new RangeError(`${name}.dec must be a number from -90 to 90 degrees (got ${String(dec)}).`);
  }
  if (!isFiniteNumber(pmRa) || !isFiniteNumber(pmDec)) {
    throw new RangeError(`${name}.pmRa and ${name}.pmDec must be finite numbers of mas/yr when given.`);
  }
  return { ra: ((ra % 360) + 360) % 360, dec, pmRa, pmDec };
}

/** Checks that a value is a valid Date and returns its epoch milliseconds. */
export function checkTime(time: Date, name = 'time'): number {
  const ms = time instanceof Date ? time.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${name} must be a valid Date (got ${String(time)}).`);
  }
  return ms;
}

/** Checks an interval [from, to); returns the two instants in milliseconds. */
export function checkInterval(from: Date, to: Date): [number, number] {
  return [checkTime(from, 'from'), checkTime(to, 'to')];
}

export function checkAltitude(altitude: number, name = 'altitude'): number {
  if (!isFiniteNumber(altitude) || altitude < -90 || altitude > 90) {
    throw new RangeError(`${name} must be a number from -90 to 90 degrees (got ${String(altitude)}).`);
  }
  return altitude;
}
