// @ts-check
// Where things are in the sky of a site, for generating plausible activities.
// A fast screen (plain spherical trigonometry on J2000 coordinates, with safety margins) picks
// candidates; astronomy-engine then confirms the chosen one with apparent coordinates of date.
import { Body, DefineStar, Equator, Horizon, Observer, SiderealTime } from 'astronomy-engine';

const DEG = Math.PI / 180;

/** Thresholds the generated ground activities satisfy (what the API's real feed implies). */
export const NIGHT_SUN_ALTITUDE = -12;
export const MIN_TARGET_ALTITUDE = 30;

/**
 * Altitude in degrees from equatorial coordinates and local sidereal angle, no refraction.
 * @param {number} raDeg @param {number} decDeg @param {number} latitudeDeg @param {number} localSiderealDeg
 */
export function altitudeOf(raDeg, decDeg, latitudeDeg, localSiderealDeg) {
  const hourAngle = (localSiderealDeg - raDeg) * DEG;
  const lat = latitudeDeg * DEG;
  const dec = decDeg * DEG;
  return Math.asin(Math.sin(lat) * Math.sin(dec) + Math.cos(lat) * Math.cos(dec) * Math.cos(hourAngle)) / DEG;
}

/**
 * What is shared by all sites at one instant: the Sun's apparent place and Greenwich sidereal angle.
 * @param {Date} date
 */
export function skyAt(date) {
  const sun = Equator(Body.Sun, date, new Observer(0, 0, 0), true, true);
  return { date, sunRa: sun.ra * 15, sunDec: sun.dec, greenwichSiderealDeg: SiderealTime(date) * 15 };
}

/**
 * Fast screen of the Sun's altitude at a site (about 0.01° from the full computation).
 * @param {ReturnType<typeof skyAt>} sky @param {{latitude: number, longitude: number}} site
 */
export function sunAltitudeFast(sky, site) {
  return altitudeOf(sky.sunRa, sky.sunDec, site.latitude, sky.greenwichSiderealDeg + site.longitude);
}

/**
 * Fast screen of a J2000 target's altitude: ignores precession (up to ~0.4° in this century),
 * so callers keep a margin and confirm with {@link preciseAltitudes}.
 * @param {ReturnType<typeof skyAt>} sky @param {{latitude: number, longitude: number}} site
 * @param {number} raDeg @param {number} decDeg
 */
export function targetAltitudeFast(sky, site, raDeg, decDeg) {
  return altitudeOf(raDeg, decDeg, site.latitude, sky.greenwichSiderealDeg + site.longitude);
}

/**
 * Geometric altitudes of the Sun and of a J2000 target at a site, from apparent coordinates of date.
 * @param {Date} date @param {{latitude: number, longitude: number, height: number}} site
 * @param {number} raDeg @param {number} decDeg
 */
export function preciseAltitudes(date, site, raDeg, decDeg) {
  const observer = new Observer(site.latitude, site.longitude, site.height);
  const sunEq = Equator(Body.Sun, date, observer, true, true);
  const sun = Horizon(date, observer, sunEq.ra, sunEq.dec).altitude;
  DefineStar(Body.Star1, raDeg / 15, decDeg, 1000);
  const targetEq = Equator(Body.Star1, date, observer, true, true);
  const target = Horizon(date, observer, targetEq.ra, targetEq.dec).altitude;
  return { sun, target };
}

/** Plane-parallel airmass from altitude, for activity notes only. @param {number} altitudeDeg */
export function airmassOf(altitudeDeg) {
  return 1 / Math.sin(Math.max(altitudeDeg, 1) * DEG);
}
