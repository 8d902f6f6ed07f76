/**
 * Altitude/azimuth curves for a chart: many samples of many bodies, computed on a fast
 * path that agrees with `horizontal()` to well under an arcsecond.
 *
 * - Stars: the apparent place of date (proper motion, precession, nutation, annual
 *   aberration) through astronomy-engine's `Equator` once a day (at least at both ends)
 *   and linearly interpolated — it moves by under 0.5″ a day and almost uniformly.
 * - Sun and Moon: astronomy-engine's geocentric position of date at coarse nodes,
 *   interpolated with a 4-point (cubic) Lagrange polynomial; the site's own position is
 *   subtracted at every sample, so the Moon's ~1° diurnal parallax is exact rather than
 *   interpolated. Positions are interpolated, never altitudes.
 * - Earth rotation: the Earth rotation angle is exact at every sample; the slowly varying
 *   difference between it and apparent sidereal time (precession in right ascension plus
 *   the equation of the equinoxes) is interpolated from the nodes.
 * - Then plain trigonometry, exactly as astronomy-engine's `Horizon` (geodetic latitude,
 *   azimuth from north through east, no refraction).
 */
import { Body, Equator, Illumination, SiderealTime, type Observer } from 'astronomy-engine';
import { defineTargetStar, observerFor } from './positions.js';
import type { HorizontalPosition, Site, Target } from './types.js';
import { checkInterval, checkSite, checkTarget } from './validate.js';

const DEG = Math.PI / 180;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const J2000_MS = Date.UTC(2000, 0, 1, 12);

/** astronomy-engine's Earth model (WGS 84-like), so the site vector matches `Equator`'s. */
const EARTH_FLATTENING = 0.996647180302104;
const EARTH_EQUATORIAL_RADIUS_KM = 6378.1366;
const KM_PER_AU = 1.4959787069098932e8;

/** Node spacing for the Moon's geocentric position; cubic interpolation keeps the error below 0.001″. */
const MOON_NODE_MS = 60 * MS_PER_MINUTE;
/** Node spacing for the Sun's position and the sidereal-time correction. */
const SUN_NODE_MS = 120 * MS_PER_MINUTE;
/** Node spacing for stars' apparent places (linear interpolation). */
const STAR_NODE_MS = MS_PER_DAY;
/** Refuse requests that would allocate unreasonable arrays. */
export const MAX_SAMPLES = 200_000;

export interface HorizontalSeries {
  /** Geometric altitude, degrees, one per sample. */
  altitude: Float64Array;
  /** Azimuth from north through east, degrees, one per sample. */
  azimuth: Float64Array;
}

export interface AltitudeCurves {
  /** Sample instants, epoch milliseconds: from, from + step, … up to and including `to` when it falls on a step. */
  times: Float64Array;
  sun: HorizontalSeries;
  moon: HorizontalSeries & { /** Illuminated fraction at the middle of the window. */ illumination: number };
  /** One series per target, in the order given. */
  targets: HorizontalSeries[];
}

/** Uniformly spaced samples of a vector-valued function of time. */
interface NodeSeries {
  startMs: number;
  stepMs: number;
  count: number;
  dim: number;
  values: Float64Array;
}

function sampleNodes(startMs: number, stepMs: number, count: number, dim: number, fill: (ms: number, out: Float64Array, offset: number) => void): NodeSeries {
  const values = new Float64Array(count * dim);
  for (let i = 0; i < count; i++) fill(startMs + i * stepMs, values, i * dim);
  return { startMs, stepMs, count, dim, values };
}

/** Nodes covering [fromMs − step, toMs + 2·step] so every sample has two nodes on each side. */
function cubicNodes(fromMs: number, toMs: number, stepMs: number, dim: number, fill: (ms: number, out: Float64Array, offset: number) => void): NodeSeries {
  const count = Math.floor((toMs - fromMs) / stepMs) + 4;
  return sampleNodes(fromMs - stepMs, stepMs, count, dim, fill);
}

/** 4-point Lagrange interpolation on a uniform grid, written into out[0…dim). */
function interpolateCubic(series: NodeSeries, ms: number, out: Float64Array): void {
  const { startMs, stepMs, count, dim, values } = series;
  const x = (ms - startMs) / stepMs;
  const i = Math.min(Math.max(Math.floor(x), 1), count - 3);
  const u = x - i;
  const wm = (-u * (u - 1) * (u - 2)) / 6;
  const w0 = ((u + 1) * (u - 1) * (u - 2)) / 2;
  const w1 = (-(u + 1) * u * (u - 2)) / 2;
  const w2 = ((u + 1) * u * (u - 1)) / 6;
  const base = (i - 1) * dim;
  for (let k = 0; k < dim; k++) {
    out[k] =
      wm * values[base + k] + w0 * values[base + dim + k] + w1 * values[base + 2 * dim + k] + w2 * values[base + 3 * dim + k];
  }
}

/** Days since J2000.0 in UT, as astronomy-engine's `MakeTime(Date).ut`. */
const utDays = (ms: number): number => (ms - J2000_MS) / MS_PER_DAY;

/** Earth rotation angle in degrees, the same expression astronomy-engine uses. */
function earthRotationAngle(ut: number): number {
  const theta = 360 * ((0.779057273264 + 0.00273781191135448 * ut + (ut % 1)) % 1);
  return theta < 0 ? theta + 360 : theta;
}

/** Site position in the equator-and-equinox-of-date frame, AU, for a local sidereal angle θ. */
interface SiteGeometry {
  sinLat: number;
  cosLat: number;
  /** Distance from the Earth's axis, AU. */
  axial: number;
  /** Height above the equatorial plane, AU. */
  polar: number;
}

function siteGeometry(observer: Observer): SiteGeometry {
  const phi = observer.latitude * DEG;
  const sinLat = Math.sin(phi);
  const cosLat = Math.cos(phi);
  const c = 1 / Math.hypot(cosLat, EARTH_FLATTENING * sinLat);
  const s = EARTH_FLATTENING * EARTH_FLATTENING * c;
  const heightKm = observer.height / 1000;
  return {
    sinLat,
    cosLat,
    axial: ((EARTH_EQUATORIAL_RADIUS_KM * c + heightKm) * cosLat) / KM_PER_AU,
    polar: ((EARTH_EQUATORIAL_RADIUS_KM * s + heightKm) * sinLat) / KM_PER_AU,
  };
}

/**
 * Writes altitude and azimuth of direction (x, y, z) — equator of date, any length —
 * for local sidereal angle θ (given as cos/sin) into the series at index j.
 */
function toHorizontal(
  x: number,
  y: number,
  z: number,
  cosTheta: number,
  sinTheta: number,
  site: SiteGeometry,
  series: HorizontalSeries,
  j: number,
): void {
  const meridian = x * cosTheta + y * sinTheta;
  const east = -x * sinTheta + y * cosTheta;
  const up = site.cosLat * meridian + site.sinLat * z;
  const north = -site.sinLat * meridian + site.cosLat * z;
  const west = -east;
  const ground = Math.sqrt(north * north + west * west);
  series.altitude[j] = 90 - Math.atan2(ground, up) / DEG;
  let azimuth = ground > 0 ? -Math.atan2(west, north) / DEG : 0;
  if (azimuth < 0) azimuth += 360;
  series.azimuth[j] = azimuth;
}

/**
 * Altitude and azimuth (from north through east) of an {ra, dec} of date seen from
 * geodetic `latitude` when the local apparent sidereal time is `localSiderealDegrees`
 * (hours × 15): the plain trigonometry of the fast path, no refraction.
 */
export function equatorialToHorizontal(
  ra: number,
  dec: number,
  latitude: number,
  localSiderealDegrees: number,
): HorizontalPosition {
  for (const [name, value] of [['ra', ra], ['dec', dec], ['latitude', latitude], ['localSiderealDegrees', localSiderealDegrees]] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of degrees.`);
  }
  const a = ra * DEG;
  const d = dec * DEG;
  const theta = localSiderealDegrees * DEG;
  const geometry: SiteGeometry = { sinLat: Math.sin(latitude * DEG), cosLat: Math.cos(latitude * DEG), axial: 0, polar: 0 };
  const out = newSeries(1);
  toHorizontal(Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d), Math.cos(theta), Math.sin(theta), geometry, out, 0);
  return { altitude: out.altitude[0], azimuth: out.azimuth[0] };
}

function newSeries(n: number): HorizontalSeries {
  return { altitude: new Float64Array(n), azimuth: new Float64Array(n) };
}

/**
 * Altitude and azimuth of the Sun, the Moon and each target every `stepMinutes` from
 * `from` to `to` (inclusive when `to` falls on a step), geometric (no refraction) like
 * `horizontal()`'s default, which it matches to better than 1″.
 */
export function altitudeCurves(targets: readonly Target[], site: Site, from: Date, to: Date, stepMinutes: number): AltitudeCurves {
  const [fromMs, toMs] = checkInterval(from, to);
  if (toMs < fromMs) throw new RangeError('to must not be before from.');
  if (typeof stepMinutes !== 'number' || !Number.isFinite(stepMinutes) || stepMinutes <= 0) {
    throw new RangeError(`stepMinutes must be a positive number of minutes (got ${String(stepMinutes)}).`);
  }
  if (!Array.isArray(targets)) throw new RangeError('targets must be an array of {ra, dec} targets.');
  const checkedTargets = targets.map((target, index) => checkTarget(target, `targets[${index}]`));
  checkSite(site);
  const stepMs = stepMinutes * MS_PER_MINUTE;
  const n = Math.floor((toMs - fromMs) / stepMs + 1e-9) + 1;
  if (n > MAX_SAMPLES) {
    throw new RangeError(`altitudeCurves would need ${n} samples; use a longer step or a shorter window (at most ${MAX_SAMPLES}).`);
  }

  const observer = observerFor(site);
  const geometry = siteGeometry(observer);
  const longitude = observer.longitude;

  /** Geocentric position of date = topocentric `Equator` vector + the site's vector. */
  const geocentricOfDate = (body: Body) => (ms: number, out: Float64Array, offset: number) => {
    const date = new Date(ms);
    const vec = Equator(body, date, observer, true, true).vec;
    const theta = (15 * SiderealTime(date) + longitude) * DEG;
    out[offset] = vec.x + geometry.axial * Math.cos(theta);
    out[offset + 1] = vec.y + geometry.axial * Math.sin(theta);
    out[offset + 2] = vec.z + geometry.polar;
  };
  const moonNodes = cubicNodes(fromMs, toMs, MOON_NODE_MS, 3, geocentricOfDate(Body.Moon));
  const sunNodes = cubicNodes(fromMs, toMs, SUN_NODE_MS, 3, geocentricOfDate(Body.Sun));
  const siderealNodes = cubicNodes(fromMs, toMs, SUN_NODE_MS, 1, (ms, out, offset) => {
    const gast = 15 * SiderealTime(new Date(ms));
    out[offset] = (((gast - earthRotationAngle(utDays(ms)) + 540) % 360) + 360) % 360 - 180;
  });
  // The star slot is global to astronomy-engine: each target is defined and used at once.
  const starNodeCount = Math.ceil((toMs - fromMs) / STAR_NODE_MS) + 1;
  const starStep = starNodeCount > 1 ? (toMs - fromMs) / (starNodeCount - 1) : MS_PER_DAY;
  const starNodes = checkedTargets.map((target) =>
    sampleNodes(fromMs, starStep, Math.max(starNodeCount, 2), 3, (ms, out, offset) => {
      const date = new Date(ms);
      const vec = Equator(defineTargetStar(target, date), date, observer, true, true).vec;
      const length = Math.hypot(vec.x, vec.y, vec.z);
      out[offset] = vec.x / length;
      out[offset + 1] = vec.y / length;
      out[offset + 2] = vec.z / length;
    }),
  );

  const starValues = starNodes.map((series) => series.values);
  const starStepMs = starNodes.length > 0 ? starNodes[0].stepMs : MS_PER_DAY;
  const starSegments = starNodes.length > 0 ? starNodes[0].count - 1 : 1;

  const times = new Float64Array(n);
  const sun = newSeries(n);
  const moonSeries = newSeries(n);
  const targetSeries = checkedTargets.map(() => newSeries(n));
  const vector = new Float64Array(3);
  const correction = new Float64Array(1);

  for (let j = 0; j < n; j++) {
    const ms = j === n - 1 && Math.abs(fromMs + j * stepMs - toMs) < 1 ? toMs : fromMs + j * stepMs;
    times[j] = ms;
    interpolateCubic(siderealNodes, ms, correction);
    const theta = (earthRotationAngle(utDays(ms)) + correction[0] + longitude) * DEG;
    const cosTheta = Math.cos(theta);
    const sinTheta = Math.sin(theta);
    const siteX = geometry.axial * cosTheta;
    const siteY = geometry.axial * sinTheta;

    interpolateCubic(moonNodes, ms, vector);
    toHorizontal(vector[0] - siteX, vector[1] - siteY, vector[2] - geometry.polar, cosTheta, sinTheta, geometry, moonSeries, j);
    interpolateCubic(sunNodes, ms, vector);
    toHorizontal(vector[0] - siteX, vector[1] - siteY, vector[2] - geometry.polar, cosTheta, sinTheta, geometry, sun, j);
    // All stars share one node grid: find the segment once per sample.
    const position = (ms - fromMs) / starStepMs;
    const segment = Math.min(Math.max(Math.floor(position), 0), starSegments - 1);
    const u = position - segment;
    const base = segment * 3;
    for (let t = 0; t < starValues.length; t++) {
      const v = starValues[t];
      const x = v[base] + u * (v[base + 3] - v[base]);
      const y = v[base + 1] + u * (v[base + 4] - v[base + 1]);
      const z = v[base + 2] + u * (v[base + 5] - v[base + 2]);
      toHorizontal(x, y, z, cosTheta, sinTheta, geometry, targetSeries[t], j);
    }
  }

  const middle = new Date((fromMs + toMs) / 2);
  return {
    times,
    sun,
    moon: { ...moonSeries, illumination: Illumination(Body.Moon, middle).phase_fraction },
    targets: targetSeries,
  };
}
