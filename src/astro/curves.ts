/**
 * Altitude/azimuth curves for a chart: many samples of many bodies, computed on a fast
 * path that agrees with `horizontal()` to well under an arcsecond.
 *
 * - Every hour (a node), the geocentric apparent position of date of the Sun, the Moon and
 *   each target (proper motion, light time, aberration, precession, nutation), and the
 *   slowly varying difference between apparent sidereal time and the Earth rotation angle
 *   (precession in right ascension plus the equation of the equinoxes).
 * - At each sample, all of them interpolated with a 4-point (cubic) Lagrange polynomial —
 *   under 0.001″ for the Moon, the fastest — and the Earth rotation angle computed exactly;
 *   the site's own position is subtracted at every sample, so the Moon's ~1° diurnal
 *   parallax is exact rather than interpolated. Positions are interpolated, never altitudes.
 * - Then plain trigonometry, exactly as astronomy-engine's `Horizon` (geodetic latitude,
 *   azimuth from north through east, no refraction).
 */
import { DEG, MS_PER_MINUTE } from './units.js';
import { earthRotationAngle, horizon, moonOfDate, siderealOffset, siteFrame, starOfDate, sunOfDate, timeAt, utDays } from './ephemeris.js';
import { moonIllumination } from './moon.js';
import { properMotionPosition } from './positions.js';
import type { HorizontalPosition, Site, Target } from './types.js';
import { checkInterval, checkTarget, reject } from './validate.js';

/** Node spacing. */
const NODE_MS = 60 * MS_PER_MINUTE;
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
    if (typeof value !== 'number' || !Number.isFinite(value)) reject(name, 'a finite number of degrees', value);
  }
  const d = dec * DEG;
  const site = { longitude: 0, sinLat: Math.sin(latitude * DEG), cosLat: Math.cos(latitude * DEG), axial: 0, polar: 0 };
  const theta = localSiderealDegrees * DEG;
  return horizon(Math.cos(d) * Math.cos(ra * DEG), Math.cos(d) * Math.sin(ra * DEG), Math.sin(d), site, Math.cos(theta), Math.sin(theta));
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
    reject('stepMinutes', 'a positive number of minutes', stepMinutes);
  }
  if (!Array.isArray(targets)) throw new RangeError('targets must be an array of {ra, dec} targets.');
  const checkedTargets = targets.map((target, index) => checkTarget(target, `targets[${index}]`));
  const frame = siteFrame(site);
  const stepMs = stepMinutes * MS_PER_MINUTE;
  const n = Math.floor((toMs - fromMs) / stepMs + 1e-9) + 1;
  if (n > MAX_SAMPLES) {
    throw new RangeError(`altitudeCurves would need ${n} samples; use a longer step or a shorter window (at most ${MAX_SAMPLES}).`);
  }

  // Node i is at fromMs + (i − 1)·NODE_MS, so every sample has two nodes on each side. Per node:
  // x, y, z of each body (Sun, Moon, targets), then sidereal time minus rotation angle.
  const bodies = checkedTargets.length + 2;
  const dim = 3 * bodies + 1;
  const count = Math.floor((toMs - fromMs) / NODE_MS) + 4;
  const nodes = new Float64Array(count * dim);
  for (let i = 0; i < count; i++) {
    const ms = fromMs + (i - 1) * NODE_MS;
    const time = timeAt(ms);
    const stars = checkedTargets.map((target) => starOfDate(properMotionPosition(target, new Date(ms))));
    [sunOfDate, moonOfDate, ...stars].forEach((ephemeris, b) => nodes.set(ephemeris(time), i * dim + 3 * b));
    nodes[i * dim + dim - 1] = siderealOffset(time);
  }

  const times = new Float64Array(n);
  const series = Array.from({ length: bodies }, () => ({ altitude: new Float64Array(n), azimuth: new Float64Array(n) }));
  const altitudes = series.map((s) => s.altitude);
  const azimuths = series.map((s) => s.azimuth);
  const value = new Float64Array(dim);
  const { sinLat, cosLat, axial, polar } = frame;
  for (let j = 0; j < n; j++) {
    const ms = j === n - 1 && Math.abs(fromMs + j * stepMs - toMs) < 1 ? toMs : fromMs + j * stepMs;
    times[j] = ms;
    // 4-point Lagrange weights at u ∈ [0, 1) between nodes k and k + 1.
    const x = (ms - fromMs) / NODE_MS + 1;
    const k = Math.min(Math.floor(x), count - 3);
    const u = x - k;
    // (Scalars, not an array: this runs once per sample and allocations here cost garbage collections.)
    const w0 = (-u * (u - 1) * (u - 2)) / 6;
    const w1 = ((u + 1) * (u - 1) * (u - 2)) / 2;
    const w2 = (-(u + 1) * u * (u - 2)) / 2;
    const w3 = ((u + 1) * u * (u - 1)) / 6;
    const base = (k - 1) * dim;
    for (let c = 0; c < dim; c++) {
      value[c] = w0 * nodes[base + c] + w1 * nodes[base + dim + c] + w2 * nodes[base + 2 * dim + c] + w3 * nodes[base + 3 * dim + c];
    }
    const theta = (earthRotationAngle(utDays(ms)) + value[dim - 1] + frame.longitude) * DEG;
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    const siteX = axial * cos;
    const siteY = axial * sin;
    // `horizon()` of ./ephemeris.ts written out: this loop runs (targets + 2) × samples times.
    for (let b = 0, o = 0; b < bodies; b++, o += 3) {
      const x = value[o] - siteX;
      const y = value[o + 1] - siteY;
      const z = value[o + 2] - polar;
      const meridian = x * cos + y * sin;
      const east = y * cos - x * sin;
      const up = cosLat * meridian + sinLat * z;
      const north = cosLat * z - sinLat * meridian;
      altitudes[b][j] = 90 - Math.atan2(Math.sqrt(north * north + east * east), up) / DEG;
      const azimuth = north || east ? Math.atan2(east, north) / DEG : 0;
      azimuths[b][j] = azimuth < 0 ? azimuth + 360 : azimuth;
    }
  }

  const middle = new Date((fromMs + toMs) / 2);
  return {
    times,
    sun: series[0],
    moon: { ...series[1], illumination: moonIllumination(middle) },
    targets: series.slice(2),
  };
}
