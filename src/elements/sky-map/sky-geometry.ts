/**
 * The sky map's plane: plate carrée through Leaflet's `L.CRS.Simple` with `latlng = [dec, 360 − ra]`, so RA grows
 * to the left (east left, as the sky is seen from inside) and zoom z means 2^z pixels per degree. Longitudes are
 * not wrapped: the map pans round the sky forever and each drawing picks the copy (lng + 360·k) nearest the view.
 * Pure functions, no DOM: the element uses the small parsers here; the lazy engine uses the rest.
 */
export type { LayerName } from './sky-input.js';

const DEG = Math.PI / 180;

/** Map longitude of an RA (degrees), in (0, 360]. */
export const lngOf = (ra: number): number => 360 - (((ra % 360) + 360) % 360);

/** RA in [0, 360) of a map longitude (any copy). */
export const raOf = (lng: number): number => {
  const ra = (((360 - lng) % 360) + 360) % 360;
  return ra >= 360 ? 0 : ra;
};

/** The copy of `lng` (± 360·k) nearest `ref`. */
export const wrapNear = (lng: number, ref: number): number => lng + 360 * Math.round((ref - lng) / 360);

/** Every copy of `lng` (± 360·k) within [lo, hi]. */
export function copiesWithin(lng: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil((lo - lng) / 360); lng + 360 * k <= hi; k++) out.push(lng + 360 * k);
  return out;
}

/** Pixels per degree at a zoom, and back. */
export const scaleAt = (zoom: number): number => 2 ** zoom;
export const zoomForScale = (pxPerDegree: number): number => Math.log2(pxPerDegree);

/**
 * A polyline given as flat `[ra, dec, …]` as one continuous path in map coordinates `[lng, lat, …]`: every step
 * takes the shorter way round, so a segment crossing 0h/24h stays short instead of spanning the map; with
 * `greatCircle`, segments longer than `step` degrees are subdivided along their great circle (a straight
 * line on the plate carrée bows wrongly near the poles).
 */
export function unwrapPath(flat: ArrayLike<number>, { greatCircle = false, step = 1 } = {}): Float64Array {
  const out: number[] = [];
  let prevLng = NaN;
  const push = (ra: number, dec: number) => {
    let lng = lngOf(ra);
    if (Number.isFinite(prevLng)) lng = wrapNear(lng, prevLng);
    out.push(lng, dec);
    prevLng = lng;
  };
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const ra = flat[i];
    const dec = flat[i + 1];
    if (i > 0 && greatCircle) {
      const ra0 = flat[i - 2];
      const dec0 = flat[i - 1];
      const n = Math.ceil(separation(ra0, dec0, ra, dec) / step);
      for (let k = 1; k < n; k++) {
        const p = interpolateGreatCircle(ra0, dec0, ra, dec, k / n);
        push(p.ra, p.dec);
      }
    }
    push(ra, dec);
  }
  return Float64Array.from(out);
}

/** Bounding box of a path in map coordinates. */
export function pathBounds(path: ArrayLike<number>): { minLng: number; maxLng: number; minLat: number; maxLat: number } {
  let minLng = Infinity;
  let maxLng = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i + 1 < path.length; i += 2) {
    minLng = Math.min(minLng, path[i]);
    maxLng = Math.max(maxLng, path[i]);
    minLat = Math.min(minLat, path[i + 1]);
    maxLat = Math.max(maxLat, path[i + 1]);
  }
  return { minLng, maxLng, minLat, maxLat };
}

/** Great-circle angle between two positions, degrees. */
export function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const a = Math.sin(((dec2 - dec1) * DEG) / 2) ** 2 + Math.cos(dec1 * DEG) * Math.cos(dec2 * DEG) * Math.sin(((ra2 - ra1) * DEG) / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(a)))) / DEG;
}

/** The point a fraction `t` of the way along the great circle from one position to another. */
export function interpolateGreatCircle(ra1: number, dec1: number, ra2: number, dec2: number, t: number): { ra: number; dec: number } {
  const v1 = vector(ra1, dec1);
  const v2 = vector(ra2, dec2);
  const omega = Math.acos(Math.max(-1, Math.min(1, v1[0] * v2[0] + v1[1] * v2[1] + v1[2] * v2[2])));
  if (omega < 1e-12) return { ra: ra1, dec: dec1 };
  const a = Math.sin((1 - t) * omega) / Math.sin(omega);
  const b = Math.sin(t * omega) / Math.sin(omega);
  const x = a * v1[0] + b * v2[0];
  const y = a * v1[1] + b * v2[1];
  const z = a * v1[2] + b * v2[2];
  return { ra: ((Math.atan2(y, x) / DEG) + 360) % 360, dec: Math.atan2(z, Math.hypot(x, y)) / DEG };
}

function vector(ra: number, dec: number): [number, number, number] {
  const c = Math.cos(dec * DEG);
  return [c * Math.cos(ra * DEG), c * Math.sin(ra * DEG), Math.sin(dec * DEG)];
}

/** The ecliptic (J2000, obliquity 23.4393°) as flat `[ra, dec, …]` every `step` degrees of longitude, closed. */
export function eclipticPoints(step = 1): number[] {
  const eps = 23.4392911 * DEG;
  const out: number[] = [];
  for (let l = 0; l <= 360; l += step) {
    const lam = l * DEG;
    const ra = Math.atan2(Math.sin(lam) * Math.cos(eps), Math.cos(lam)) / DEG;
    const dec = Math.asin(Math.sin(eps) * Math.sin(lam)) / DEG;
    out.push((ra + 360) % 360, dec);
  }
  return out;
}

/** Grid spacing (degrees) for RA and Dec lines about `targetPx` apart at a scale; RA steps follow hours and minutes. */
export function gridSteps(pxPerDegree: number, targetPx = 110): { ra: number; dec: number } {
  const want = targetPx / pxPerDegree;
  const raSteps = [90, 45, 30, 15, 7.5, 5, 2.5, 1.25, 0.5, 0.25, 0.125, 1 / 12, 1 / 24, 1 / 48, 1 / 120, 1 / 240];
  const decSteps = [45, 30, 20, 10, 5, 2, 1, 0.5, 1 / 4, 1 / 6, 1 / 12, 1 / 30, 1 / 60, 1 / 120];
  const pick = (steps: number[]) => steps.reduce((best, s) => (Math.abs(Math.log(s / want)) < Math.abs(Math.log(best / want)) ? s : best));
  return { ra: pick(raSteps), dec: pick(decSteps) };
}

/** Zoom that shows `fov` degrees across `widthPx`. */
export const zoomForFov = (fov: number, widthPx: number): number => Math.log2(Math.max(1, widthPx) / fov);

