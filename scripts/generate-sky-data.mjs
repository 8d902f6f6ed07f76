#!/usr/bin/env node
// Build step for <arc-sky-map>: converts d3-celestial's GeoJSON (BSD-3-Clause) into one compact ES module loaded
// lazily when a map connects, and wraps Leaflet's CSS as a module the element adopts into its shadow root.
//   node scripts/generate-sky-data.mjs        → src/generated/sky-data.js (+ .d.ts), src/generated/leaflet-css.js (+ .d.ts)
// The emulator's synthetic HiPS survey reads the same star catalogue through `readStarCatalogue()` below.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** d3-celestial's data folder (a dev dependency: only this build step and the emulator read it). */
export function celestialDataDir() {
  return join(dirname(require.resolve('d3-celestial/package.json')), 'data');
}

const readJson = (file) => JSON.parse(readFileSync(join(celestialDataDir(), file), 'utf8'));

/** GeoJSON longitude (RA mapped to −180…180, not mirrored) → RA in [0, 360). */
const lonToRa = (lon) => {
  const ra = (lon + 360) % 360;
  return ra >= 360 ? 0 : ra;
};

/** Round to `d` decimals without float noise in the output text. */
const round = (x, d) => Number(x.toFixed(d));

/**
 * Stars to V 6 (XHIP through d3-celestial's stars.6.json), sorted by RA: `{ hip, ra, dec, mag, bv }` with
 * RA/Dec in degrees (J2000, 1e-4° as in the source), V magnitude and B−V (null when unknown).
 */
export function readStarCatalogue() {
  const { features } = readJson('stars.6.json');
  const stars = [];
  for (const f of features) {
    const [lon, lat] = f.geometry?.coordinates ?? [];
    const mag = Number(f.properties?.mag);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || !Number.isFinite(mag)) continue;
    const bvText = f.properties?.bv;
    const bv = bvText === '' || bvText == null || !Number.isFinite(Number(bvText)) ? null : Number(bvText);
    stars.push({ hip: Number(f.id) || 0, ra: round(lonToRa(lon), 4), dec: round(lat, 4), mag, bv });
  }
  stars.sort((a, b) => a.ra - b.ra || a.dec - b.dec);
  return stars;
}

/** Stars as parallel integer columns: RA as deltas of 1e-4°, Dec in 1e-4°, magnitude and B−V in 1/100 (B−V 999 = unknown), HIP as deltas. */
function packStars(stars) {
  const ra = [];
  const dec = [];
  const mag = [];
  const bv = [];
  const hip = [];
  let prevRa = 0;
  let prevHip = 0;
  for (const s of stars) {
    const r = Math.round(s.ra * 1e4);
    ra.push(r - prevRa);
    prevRa = r;
    dec.push(Math.round(s.dec * 1e4));
    mag.push(Math.round(s.mag * 100));
    bv.push(s.bv == null ? 999 : Math.round(s.bv * 100));
    hip.push(s.hip - prevHip);
    prevHip = s.hip;
  }
  return { count: stars.length, ra, dec, mag, bv, hip };
}

/** Polylines as flat `[ra, dec, ra, dec, …]` arrays in degrees (RA 0…360; the map unwraps across 0h itself). */
function multiLines(features, decimals) {
  const lines = [];
  for (const f of features) {
    const g = f.geometry;
    const parts = g?.type === 'MultiLineString' ? g.coordinates : g?.type === 'LineString' ? [g.coordinates] : [];
    for (const part of parts) {
      const flat = [];
      for (const [lon, lat] of part) flat.push(round(lonToRa(lon), decimals), round(lat, decimals));
      if (flat.length >= 4) lines.push(flat);
    }
  }
  return lines;
}

/** Constellation label points and names (Latin, plus the kit's UI languages where d3-celestial has them). */
function constellationNames() {
  const { features } = readJson('constellations.json');
  return features.map((f) => {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    return {
      id: f.id,
      ra: round(lonToRa(lon), 2),
      dec: round(lat, 2),
      rank: Number(p.rank) || 3,
      names: { la: p.name, fr: p.fr || p.name, es: p.es || p.name, de: p.de || p.name, zh: p.zh || p.name },
    };
  });
}

/** Proper names (e.g. Betelgeuse) and Bayer/Flamsteed designations (e.g. α Ori) of the brighter stars, by HIP number. */
function starNames(stars, { properToMag = 3.5, designationToMag = 4.5 } = {}) {
  const names = readJson('starnames.json');
  const byHip = new Map(stars.map((s) => [s.hip, s]));
  const out = {};
  for (const [hipText, n] of Object.entries(names)) {
    const star = byHip.get(Number(hipText));
    if (!star) continue;
    const proper = star.mag <= properToMag && n.name ? n.name : '';
    const desig = star.mag <= designationToMag && n.desig && n.c ? `${n.desig} ${n.c}` : '';
    if (proper || desig) out[hipText] = [proper, desig];
  }
  return out;
}

/**
 * The Milky Way as a raster of brightness levels 0–5 (d3-celestial's five nested outlines ol1…ol5), `step` degrees
 * per cell, columns by RA from 0°, rows by Dec from +90° down. Filled by scanning each RA meridian from the north
 * pole and toggling at every outline crossing (even–odd, holes included), which needs no spherical polygon
 * orientation; the pole itself lies outside every outline (galactic latitude +27°).
 * Encoded as run lengths per row: `level,count,level,count,…` rows joined by `;`.
 */
function milkyWayRaster(step = 0.5) {
  const { features } = readJson('mw.json');
  const cols = Math.round(360 / step);
  const rows = Math.round(180 / step);
  const grid = new Uint8Array(cols * rows);
  for (const f of features) {
    const level = Number(String(f.id).replace(/\D/g, '')) || 1;
    const crossings = Array.from({ length: cols }, () => []);
    const polys = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
    for (const poly of polys) {
      for (const ring of poly) {
        for (let i = 0; i < ring.length; i++) {
          const [lonA, latA] = ring[i];
          const [lonB0, latB] = ring[(i + 1) % ring.length];
          let a = lonToRa(lonA);
          let b = lonToRa(lonB0);
          if (b - a > 180) b -= 360;
          else if (a - b > 180) b += 360;
          if (a === b) continue;
          // Column centres c with RA = (c + 0.5)·step strictly between a and b (half-open so shared vertices count once).
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const first = Math.ceil(lo / step - 0.5);
          for (let c = first; (c + 0.5) * step < hi; c++) {
            const x = (c + 0.5) * step;
            if (x < lo) continue;
            const t = (x - a) / (b - a);
            const lat = latA + t * (latB - latA);
            crossings[((c % cols) + cols) % cols].push(lat);
          }
        }
      }
    }
    for (let c = 0; c < cols; c++) {
      const lats = crossings[c].sort((p, q) => q - p);
      let inside = false;
      let k = 0;
      for (let r = 0; r < rows; r++) {
        const dec = 90 - (r + 0.5) * step;
        while (k < lats.length && lats[k] > dec) {
          inside = !inside;
          k++;
        }
        if (inside && grid[r * cols + c] < level) grid[r * cols + c] = level;
      }
    }
  }
  const encodedRows = [];
  for (let r = 0; r < rows; r++) {
    const runs = [];
    let value = grid[r * cols];
    let count = 0;
    for (let c = 0; c < cols; c++) {
      const v = grid[r * cols + c];
      if (v === value) count++;
      else {
        runs.push(value, count);
        value = v;
        count = 1;
      }
    }
    runs.push(value, count);
    encodedRows.push(runs.join(','));
  }
  return { step, cols, rows, grid, rle: encodedRows.join(';') };
}

export const ATTRIBUTION =
  'Stars: XHIP (Anderson & Francis 2012); lines: IAU/Sky & Telescope; boundaries: Davenhall & Leggett (1989); Milky Way: J. R. Vieira — data from d3-celestial by Olaf Frohn (BSD-3-Clause)';

/** Everything the sky map draws from catalogues, ready to serialise. */
export function buildSkyData() {
  const stars = readStarCatalogue();
  const milkyWay = milkyWayRaster(0.5);
  return {
    attribution: ATTRIBUTION,
    stars: packStars(stars),
    starNames: starNames(stars),
    lines: multiLines(readJson('constellations.lines.json').features, 4),
    boundaries: multiLines(readJson('constellations.borders.json').features, 4),
    constellations: constellationNames(),
    milkyWay: { step: milkyWay.step, cols: milkyWay.cols, rows: milkyWay.rows, rle: milkyWay.rle },
    _milkyWayGrid: milkyWay.grid,
  };
}

const DATA_TYPES = `// Generated by scripts/generate-sky-data.mjs — do not edit.
/** Parallel integer columns; see scripts/generate-sky-data.mjs for the encoding. */
export interface PackedStars {
  count: number;
  /** RA deltas in 1e-4° (stars sorted by RA). */
  ra: number[];
  /** Dec in 1e-4°. */
  dec: number[];
  /** V magnitude × 100. */
  mag: number[];
  /** B−V × 100; 999 when unknown. */
  bv: number[];
  /** Hipparcos number deltas. */
  hip: number[];
}
export interface ConstellationLabel {
  id: string;
  ra: number;
  dec: number;
  rank: number;
  names: { la: string; fr: string; es: string; de: string; zh: string };
}
export declare const attribution: string;
export declare const stars: PackedStars;
/** HIP number → [proper name, designation]; either may be ''. */
export declare const starNames: Record<string, [string, string]>;
/** Constellation stick figures: flat [ra, dec, …] degrees. */
export declare const lines: number[][];
/** Constellation boundary segments: flat [ra, dec, …] degrees. */
export declare const boundaries: number[][];
export declare const constellations: ConstellationLabel[];
/** Milky Way brightness levels 0–5, run-length encoded rows (Dec +90 → −90), columns from RA 0. */
export declare const milkyWay: { step: number; cols: number; rows: number; rle: string };
`;

const CSS_TYPES = `// Generated by scripts/generate-sky-data.mjs — do not edit.
/** Leaflet 1.9's stylesheet, adopted into each sky map's shadow root. */
declare const css: string;
export default css;
`;

function main() {
  const out = join(root, 'src', 'generated');
  mkdirSync(out, { recursive: true });
  const data = buildSkyData();
  const header = '// Generated by scripts/generate-sky-data.mjs from d3-celestial 0.7.35 data (BSD-3-Clause) — do not edit.\n';
  const body = ['attribution', 'stars', 'starNames', 'lines', 'boundaries', 'constellations', 'milkyWay']
    .map((k) => `export const ${k} = ${JSON.stringify(data[k])};\n`)
    .join('');
  const js = header + body;
  writeFileSync(join(out, 'sky-data.js'), js);
  writeFileSync(join(out, 'sky-data.d.ts'), DATA_TYPES);

  const leafletCss = readFileSync(join(dirname(require.resolve('leaflet/package.json')), 'dist', 'leaflet.css'), 'utf8')
    // Images resolve against the page, not the package: the sky map uses none of them (no default icons, own layer control).
    .replace(/url\([^)]*\)/g, 'none');
  writeFileSync(join(out, 'leaflet-css.js'), `// Generated from leaflet/dist/leaflet.css (BSD-2-Clause) — do not edit.\nexport default ${JSON.stringify(leafletCss)};\n`);
  writeFileSync(join(out, 'leaflet-css.d.ts'), CSS_TYPES);

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `generate-sky-data: ${data.stars.count} stars, ${data.lines.length} lines, ${data.boundaries.length} boundary segments, ` +
      `${data.constellations.length} constellations → src/generated/sky-data.js ${kb(js.length)} (${kb(gzipSync(js).length)} gzipped)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
