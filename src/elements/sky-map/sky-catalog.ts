/**
 * The star catalogue and constellation data decoded from the generated asset into typed arrays, with a spatial
 * index (2° cells) for drawing tiles and finding the star under the pointer. Pure, no DOM.
 */
import type { ConstellationLabel, PackedStars } from '../../generated/sky-data.js';
import { eclipticPoints, lngOf, pathBounds, separation, unwrapPath } from './sky-geometry.js';

const CELL = 2;
const COLS = 360 / CELL;
const ROWS = 180 / CELL;

export interface SkyPath {
  /** Continuous `[lng, lat, …]` in map coordinates. */
  points: Float64Array;
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

export interface SkyCatalog {
  count: number;
  ra: Float64Array;
  dec: Float64Array;
  mag: Float32Array;
  /** B−V, NaN when unknown. */
  bv: Float32Array;
  hip: Int32Array;
  /** Index: star ids of cell c are `cellItems[cellStart[c] … cellStart[c + 1])`, each cell sorted by magnitude. */
  cellStart: Int32Array;
  cellItems: Int32Array;
  names: Record<string, [string, string]>;
  lines: SkyPath[];
  boundaries: SkyPath[];
  ecliptic: SkyPath;
  constellations: ConstellationLabel[];
  /** Milky Way levels 0–5, `mwCols × mwRows`, rows from Dec +90, columns from RA 0. */
  milkyWay: Uint8Array;
  mwCols: number;
  mwRows: number;
  attribution: string;
}

export interface SkyDataModule {
  attribution: string;
  stars: PackedStars;
  starNames: Record<string, [string, string]>;
  lines: number[][];
  boundaries: number[][];
  constellations: ConstellationLabel[];
  milkyWay: { step: number; cols: number; rows: number; rle: string };
}

const cellOf = (ra: number, dec: number): number => {
  const c = Math.min(COLS - 1, Math.floor(ra / CELL));
  const r = Math.min(ROWS - 1, Math.max(0, Math.floor((dec + 90) / CELL)));
  return r * COLS + c;
};

function toPath(points: Float64Array): SkyPath {
  return { points, ...pathBounds(points) };
}

/** Decode the generated module's data. */
export function decodeCatalog(data: SkyDataModule): SkyCatalog {
  const p = data.stars;
  const n = p.count;
  const ra = new Float64Array(n);
  const dec = new Float64Array(n);
  const mag = new Float32Array(n);
  const bv = new Float32Array(n);
  const hip = new Int32Array(n);
  let raAcc = 0;
  let hipAcc = 0;
  for (let i = 0; i < n; i++) {
    raAcc += p.ra[i];
    hipAcc += p.hip[i];
    ra[i] = raAcc / 1e4;
    dec[i] = p.dec[i] / 1e4;
    mag[i] = p.mag[i] / 100;
    bv[i] = p.bv[i] === 999 ? NaN : p.bv[i] / 100;
    hip[i] = hipAcc;
  }
  // Counting sort into cells, brightest first inside each cell.
  const cellStart = new Int32Array(COLS * ROWS + 1);
  const cells = new Int32Array(n);
  for (let i = 0; i < n; i++) cellStart[(cells[i] = cellOf(ra[i], dec[i])) + 1]++;
  for (let c = 0; c < COLS * ROWS; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, COLS * ROWS);
  const byMag = Array.from({ length: n }, (_, i) => i).sort((a, b) => mag[a] - mag[b]);
  const cellItems = new Int32Array(n);
  for (const i of byMag) cellItems[fill[cells[i]]++] = i;

  const mw = data.milkyWay;
  const milkyWay = new Uint8Array(mw.cols * mw.rows);
  mw.rle.split(';').forEach((row, r) => {
    const runs = row.split(',').map(Number);
    let c = 0;
    for (let k = 0; k + 1 < runs.length; k += 2) {
      milkyWay.fill(runs[k], r * mw.cols + c, r * mw.cols + Math.min(mw.cols, c + runs[k + 1]));
      c += runs[k + 1];
    }
  });

  return {
    count: n,
    ra,
    dec,
    mag,
    bv,
    hip,
    cellStart,
    cellItems,
    names: data.starNames,
    lines: data.lines.map((l) => toPath(unwrapPath(l, { greatCircle: true, step: 1 }))),
    boundaries: data.boundaries.map((l) => toPath(unwrapPath(l))),
    ecliptic: toPath(unwrapPath(eclipticPoints(1))),
    constellations: data.constellations,
    milkyWay,
    mwCols: mw.cols,
    mwRows: mw.rows,
    attribution: data.attribution,
  };
}

/**
 * Call `visit(i)` for every star in an RA/Dec box. `raFrom`…`raTo` runs eastward and may cross 0h
 * (raFrom > raTo); a span of 360° or more means every RA.
 */
export function forStarsInBox(cat: SkyCatalog, raFrom: number, raTo: number, decMin: number, decMax: number, visit: (i: number) => void): void {
  const r0 = Math.max(0, Math.floor((Math.max(-90, decMin) + 90) / CELL));
  const r1 = Math.min(ROWS - 1, Math.floor((Math.min(90, decMax) + 90) / CELL));
  const span = raTo - raFrom;
  const all = span >= 360 || span <= -360;
  const from = ((raFrom % 360) + 360) % 360;
  const to = ((raTo % 360) + 360) % 360;
  const c0 = Math.floor(from / CELL);
  const c1 = Math.floor(to / CELL);
  const wraps = !all && from > to;
  for (let r = r0; r <= r1; r++) {
    const visitCell = (c: number) => {
      for (let k = cat.cellStart[r * COLS + c], end = cat.cellStart[r * COLS + c + 1]; k < end; k++) {
        const i = cat.cellItems[k];
        const d = cat.dec[i];
        if (d < decMin || d > decMax) continue;
        const a = cat.ra[i];
        if (!all && (wraps ? a < from && a > to : a < from || a > to)) continue;
        visit(i);
      }
    };
    if (all) for (let c = 0; c < COLS; c++) visitCell(c);
    else if (wraps) {
      for (let c = c0; c < COLS; c++) visitCell(c);
      for (let c = 0; c <= c1; c++) visitCell(c);
    } else for (let c = c0; c <= c1; c++) visitCell(c);
  }
}

/** The brightest-looking star within `radius` degrees of a position (ties go to the nearer), or -1. */
export function starNear(cat: SkyCatalog, ra: number, dec: number, radius: number): number {
  let best = -1;
  let bestScore = Infinity;
  const cosDec = Math.max(0.01, Math.cos((dec * Math.PI) / 180));
  const dRa = Math.min(180, radius / cosDec);
  forStarsInBox(cat, ra - dRa, ra + dRa, dec - radius, dec + radius, (i) => {
    const d = separation(ra, dec, cat.ra[i], cat.dec[i]);
    if (d > radius) return;
    // Prefer what the eye picks: distance in units of the radius, minus a bonus for brightness.
    const score = d / radius + cat.mag[i] * 0.08;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** Display name of star `i`: proper name, designation, else its HIP number. */
export function starLabel(cat: SkyCatalog, i: number): string {
  const [proper, desig] = cat.names[cat.hip[i]] ?? ['', ''];
  if (proper && desig) return `${proper} (${desig})`;
  return proper || desig || `HIP ${cat.hip[i]}`;
}

export { lngOf };
