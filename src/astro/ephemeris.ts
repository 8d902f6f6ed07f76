/**
 * Apparent topocentric places of the Sun, the Moon and fixed stars, built the lean way:
 * astronomy-engine's own `Equator(body, time, observer, ofdate = true, aberration = true)`
 * and `Horizon` pipeline rebuilt from its small exported pieces (`GeoMoon`, `MakeTime` for
 * ΔT, `Rotation_EQJ_EQD` for precession and nutation, `e_tilt`), its sidereal-time formula
 * and the Earth's VSOP87 series in ./sun-vsop.ts. Nothing here reaches astronomy-engine's
 * table of every planet (and Pluto's), which any of its Sun functions would bundle whole.
 * Agrees with `Equator` + `Horizon` to a few microarcseconds (test/node/astro/ephemeris.test.ts).
 */
import { GeoMoon, MakeTime, Rotation_EQJ_EQD, e_tilt, type AstroTime } from 'astronomy-engine';
import { earthPosition, type Vector3 } from './sun-vsop.js';
import type { HorizontalPosition, RaDec, Site } from './types.js';
import { DEG, J2000_MS, MS_PER_DAY } from './units.js';
import { checkSite } from './validate.js';

export type { Vector3 };

/** Speed of light in AU per day (astronomy-engine's C_AUDAY). */
const LIGHT_AU_PER_DAY = 173.1446326846693;
export const KM_PER_AU = 1.4959787069098932e8;
/** The Earth model astronomy-engine uses for observers: polar-to-equatorial radius ratio, equatorial radius. */
const EARTH_FLATTENING = 0.996647180302104;
const EARTH_RADIUS_KM = 6378.1366;
/**
 * A star's distance as astronomy-engine is given it (a million light years): annual and
 * diurnal parallax vanish (< 1e-5″) and `distanceAu` of a star keeps its former value.
 */
const STAR_DISTANCE_AU = 1e6 * 63241.07708807546;

/** Days of UT from J2000.0 (UTC taken for UT1, as astronomy-engine does) at an epoch millisecond. */
export const utDays = (ms: number): number => (ms - J2000_MS) / MS_PER_DAY;
/** astronomy-engine's time (UT and TT in days from J2000.0) at an epoch millisecond. */
export const timeAt = (ms: number): AstroTime => MakeTime(utDays(ms));

/** Geocentric apparent position, true equator and equinox of date, AU, as a function of time. */
export type Ephemeris = (time: AstroTime) => Vector3;

/**
 * Remembers the last value computed for a time: the curves ask for every body at the same
 * instant, and precession–nutation and the Earth's velocity are the same for all of them.
 */
function lastFor<T>(compute: (time: AstroTime) => T): (time: AstroTime) => T {
  let last: { time: AstroTime; value: T } | undefined;
  return (time) => (last?.time === time ? last : (last = { time, value: compute(time) })).value;
}

const precessionNutation = lastFor((time) => Rotation_EQJ_EQD(time).rot);

/** J2000 mean equator (EQJ) → true equator and equinox of date: precession, then nutation. */
function ofDate(v: Vector3, time: AstroTime): Vector3 {
  const r = precessionNutation(time);
  return [0, 1, 2].map((i) => r[0][i] * v[0] + r[1][i] * v[1] + r[2][i] * v[2]) as Vector3;
}

/**
 * The Sun (astronomy-engine's `GeoVector(Sun, t, true)`): minus the Earth's heliocentric
 * position at the instant the light left, so light time and annual aberration both come
 * out of the same backdating.
 */
function geocentricSun(time: AstroTime): Vector3 {
  // Two iterations settle the light time to ~1e-14 day, where astronomy-engine stops too.
  let earth = earthPosition(time.tt);
  for (let i = 0; i < 2; i++) earth = earthPosition(MakeTime(time.ut - Math.hypot(...earth) / LIGHT_AU_PER_DAY).tt);
  return [-earth[0], -earth[1], -earth[2]];
}

export const sunOfDate: Ephemeris = (time) => ofDate(geocentricSun(time), time);

/** The Moon: astronomy-engine's lunar theory, without light time, as its `Equator` does. */
export const moonOfDate: Ephemeris = (time) => {
  const moon = GeoMoon(time);
  return ofDate([moon.x, moon.y, moon.z], time);
};

/**
 * The Earth's heliocentric velocity over c (EQJ): a central difference over ±0.01 day
 * (relative error 5e-9, so 1e-7″ of aberration).
 */
const earthVelocityOverC = lastFor((time) => {
  const before = earthPosition(time.tt - 0.01);
  return earthPosition(time.tt + 0.01).map((after, i) => (after - before[i]) / (0.02 * LIGHT_AU_PER_DAY));
});

/**
 * A fixed star at an ICRS/J2000 place (proper motion already applied). Annual aberration
 * adds the Earth's heliocentric velocity over c, as astronomy-engine does.
 */
export function starOfDate({ ra, dec }: RaDec): Ephemeris {
  const cosDec = Math.cos(dec * DEG);
  const direction = [cosDec * Math.cos(ra * DEG), cosDec * Math.sin(ra * DEG), Math.sin(dec * DEG)];
  return (time) => {
    const velocity = earthVelocityOverC(time);
    return ofDate(direction.map((u, i) => STAR_DISTANCE_AU * (u + velocity[i])) as Vector3, time);
  };
}

/** Ecliptic longitude of date (true equinox and obliquity) of an of-date vector, degrees 0…360. */
export function eclipticLongitude([x, y, z]: Vector3, time: AstroTime): number {
  const obliquity = e_tilt(time).tobl * DEG;
  const longitude = Math.atan2(y * Math.cos(obliquity) + z * Math.sin(obliquity), x) / DEG;
  return longitude < 0 ? longitude + 360 : longitude;
}

/** Earth rotation angle, degrees 0…360, at `ut` days from J2000.0 (astronomy-engine's expression). */
export function earthRotationAngle(ut: number): number {
  const theta = 360 * ((0.779057273264 + 0.00273781191135448 * ut + (ut % 1)) % 1);
  return theta < 0 ? theta + 360 : theta;
}

/**
 * Greenwich apparent sidereal time minus the Earth rotation angle, degrees: accumulated
 * precession in right ascension (IAU 2006) plus the equation of the equinoxes, as in
 * astronomy-engine's `SiderealTime`. It changes by under 0.01″ an hour.
 */
export function siderealOffset(time: AstroTime): number {
  const t = time.tt / 36525;
  const precession = ((((-0.0000000368 * t - 0.000029956) * t - 0.00000044) * t + 1.3915817) * t + 4612.156534) * t;
  return (15 * e_tilt(time).ee + 0.014506 + precession) / 3600;
}

/** Wraps an angle into [-180, 180) degrees. */
export const wrap180 = (degrees: number): number => degrees - 360 * Math.round(degrees / 360);

/** A site reduced to what the sightings need. */
export interface SiteFrame {
  longitude: number;
  sinLat: number;
  cosLat: number;
  /** Distance from the Earth's axis and height above the equator plane, AU. */
  axial: number;
  polar: number;
}

/** Checks the site (RangeError naming the bad field) and precomputes its geometry (geodetic, astronomy-engine's Earth). */
export function siteFrame(site: Site, seaLevel = false): SiteFrame {
  const { latitude, longitude, elevation } = checkSite(site);
  const sinLat = Math.sin(latitude * DEG);
  const cosLat = Math.cos(latitude * DEG);
  const c = EARTH_RADIUS_KM / Math.hypot(cosLat, EARTH_FLATTENING * sinLat);
  const height = seaLevel ? 0 : elevation / 1000;
  return {
    longitude,
    sinLat,
    cosLat,
    axial: ((c + height) * cosLat) / KM_PER_AU,
    polar: ((EARTH_FLATTENING * EARTH_FLATTENING * c + height) * sinLat) / KM_PER_AU,
  };
}

/**
 * Altitude and azimuth (from north through east, degrees) of a topocentric vector of date
 * (x, y, z) seen from the site when its local apparent sidereal angle has cosine `cos` and
 * sine `sin`: astronomy-engine's `Horizon` without refraction. Written into `out` when
 * given: the curves call this for every sample of every body, so it takes plain numbers
 * and allocates nothing.
 */
export function horizon(
  x: number,
  y: number,
  z: number,
  site: SiteFrame,
  cos: number,
  sin: number,
  out: HorizontalPosition = { altitude: 0, azimuth: 0 },
): HorizontalPosition {
  const meridian = x * cos + y * sin;
  const east = y * cos - x * sin;
  const up = site.cosLat * meridian + site.sinLat * z;
  const north = site.cosLat * z - site.sinLat * meridian;
  const azimuth = north || east ? Math.atan2(east, north) / DEG : 0;
  // Math.sqrt, not Math.hypot, which is slow.
  out.altitude = 90 - Math.atan2(Math.sqrt(north * north + east * east), up) / DEG;
  out.azimuth = azimuth < 0 ? azimuth + 360 : azimuth;
  return out;
}

/** Local apparent sidereal angle, radians: Greenwich apparent sidereal time plus east longitude. */
export const localSiderealAngle = (time: AstroTime, longitude: number): number =>
  (earthRotationAngle(time.ut) + siderealOffset(time) + longitude) * DEG;

export interface Sighting extends HorizontalPosition {
  /** Topocentric apparent position of date, AU. */
  vector: Vector3;
  /** Local apparent sidereal angle, radians. */
  theta: number;
}

/** Where a body is seen from a site at an instant: geometric altitude, azimuth and the topocentric vector. */
export function sight(ephemeris: Ephemeris, site: SiteFrame, ms: number): Sighting {
  const time = timeAt(ms);
  const theta = localSiderealAngle(time, site.longitude);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const [x, y, z] = ephemeris(time);
  const vector: Vector3 = [x - site.axial * cos, y - site.axial * sin, z - site.polar];
  return { ...horizon(...vector, site, cos, sin), vector, theta };
}

/** Hour angle of a sighting minus `offset`, degrees in [-180, 180): 0 at upper transit when offset is 0. */
export const hourAngle = ({ vector, theta }: Sighting, offset = 0): number => wrap180((theta - Math.atan2(vector[1], vector[0])) / DEG - offset);
