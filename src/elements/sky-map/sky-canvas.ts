/**
 * Paints the static sky (Milky Way, grid, ecliptic, constellation boundaries and lines, stars, names) into one
 * 256 px canvas tile of the map. Tiles are drawn once per zoom level and cached by Leaflet's GridLayer, so panning
 * only moves bitmaps. Everything that crosses a tile edge (star discs, labels) is drawn by each tile it touches at
 * the same world position, so the pieces join.
 */
import type { ConstellationLabel } from '../../generated/sky-data.js';
import { copiesWithin, gridSteps, lngOf, raOf, type LayerName } from './sky-geometry.js';
import { forStarsInBox, type SkyCatalog, type SkyPath } from './sky-catalog.js';

export interface SkyPalette {
  background: string;
  grid: string;
  gridLabel: string;
  lines: string;
  boundaries: string;
  names: string;
  starNames: string;
  ecliptic: string;
  /** `r,g,b` of the Milky Way glow. */
  milkyWay: [number, number, number];
  /** One colour for every star (night theme), or null for colours by B−V. */
  starMono: string | null;
  horizon: string;
  horizonLine: string;
  meridian: string;
  font: string;
}

/** The part of the map one tile shows: left longitude, top latitude, pixels per degree, CSS size. */
export interface TileView {
  lng0: number;
  lat1: number;
  scale: number;
  width: number;
  height: number;
}

/** Star disc radius in CSS pixels for a magnitude at a scale (px per degree). */
export function starRadius(mag: number, scale: number): number {
  const grow = 1 + 0.12 * Math.max(0, Math.min(8, Math.log2(scale) - 2));
  return Math.max(0.55, (0.45 + 0.42 * Math.max(0, 6.6 - mag)) * grow);
}

/** Star colour for a B−V index: blue-white through white to orange-red (Ballesteros 2012 temperatures, simplified). */
export function starColor(bv: number): string {
  if (!Number.isFinite(bv)) return 'rgb(255,255,255)';
  const t = Math.max(-0.4, Math.min(2, bv));
  const r = t < 0.3 ? 170 + (t + 0.4) * 120 : 255;
  const g = t < 0.3 ? 195 + (t + 0.4) * 85 : Math.max(150, 255 - (t - 0.3) * 70);
  const b = t < 0.3 ? 255 : Math.max(90, 255 - (t - 0.3) * 120);
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}

/** B−V bins of 0.2 from −0.4 to 2.0 (and one for unknown, white): star colours drawn in a handful of fills. */
const BIN_COLORS: string[] = [...Array.from({ length: 12 }, (_, k) => starColor(-0.4 + 0.2 * k + 0.1)), starColor(NaN)];
const binCache = new WeakMap<SkyCatalog, Uint8Array>();

function colorBins(cat: SkyCatalog): Uint8Array {
  let bins = binCache.get(cat);
  if (!bins) {
    bins = new Uint8Array(cat.count);
    for (let i = 0; i < cat.count; i++) {
      const bv = cat.bv[i];
      bins[i] = Number.isFinite(bv) ? Math.max(0, Math.min(11, Math.floor((bv + 0.4) / 0.2))) : 12;
    }
    binCache.set(cat, bins);
  }
  return bins;
}

/** Smallest rank of constellation name shown at a scale (1 = major constellations only). */
export const nameRankAt = (scale: number): number => (scale < 1.4 ? 0 : scale < 2 ? 1 : scale < 4 ? 2 : 3);

/** Faintest named star labelled at a scale, or -Infinity for none. */
export const starNameLimitAt = (scale: number): number => (scale < 6 ? -Infinity : scale < 12 ? 1.6 : scale < 24 ? 2.6 : 3.6);

const MW_ALPHA = [0, 0.06, 0.1, 0.14, 0.19, 0.25];

/** An RGBA image of the Milky Way for a palette, one pixel per raster cell, columns by map longitude. */
export function milkyWayImage(cat: SkyCatalog, rgb: [number, number, number]): ImageData {
  const { mwCols: cols, mwRows: rows } = cat;
  const img = new ImageData(cols, rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // Column c of the image covers longitudes [c·step, (c+1)·step], i.e. RA column cols − 1 − c.
      const level = cat.milkyWay[r * cols + (cols - 1 - c)];
      const k = (r * cols + c) * 4;
      img.data[k] = rgb[0];
      img.data[k + 1] = rgb[1];
      img.data[k + 2] = rgb[2];
      img.data[k + 3] = Math.round(MW_ALPHA[level] * 255);
    }
  }
  return img;
}

export interface SkyDrawContext {
  catalog: SkyCatalog;
  layers: ReadonlySet<LayerName>;
  palette: SkyPalette;
  /** Language for constellation names: `la` (Latin, the IAU names) or a UI language d3-celestial covers. */
  nameLang: keyof ConstellationLabel['names'];
  /** The Milky Way image (see `milkyWayImage`) as a drawable source. */
  milkyWay: CanvasImageSource | null;
}

/** Draw one tile. `ctx` is already scaled so that one unit is one CSS pixel. */
export function drawSkyTile(ctx: CanvasRenderingContext2D, view: TileView, sky: SkyDrawContext): void {
  const { layers, palette, catalog: cat } = sky;
  const { lng0, lat1, scale, width, height } = view;
  const lng1 = lng0 + width / scale;
  const lat0 = lat1 - height / scale;
  const x = (lng: number) => (lng - lng0) * scale;
  const y = (lat: number) => (lat1 - lat) * scale;

  if (layers.has('milky-way') && sky.milkyWay) drawMilkyWay(ctx, view, cat, sky.milkyWay);

  if (layers.has('grid')) {
    const steps = gridSteps(scale);
    ctx.strokeStyle = palette.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    // 360° is a whole number of RA steps, so RA lines fall on multiples of the step in longitude too.
    for (let j = Math.ceil(lng0 / steps.ra); j * steps.ra <= lng1; j++) {
      const px = Math.round(x(j * steps.ra)) + 0.5;
      ctx.moveTo(px, Math.max(0, y(90)));
      ctx.lineTo(px, Math.min(height, y(-90)));
    }
    for (let dec = Math.ceil(Math.max(-90, lat0) / steps.dec) * steps.dec; dec <= Math.min(90, lat1); dec += steps.dec) {
      if (Math.abs(dec) >= 90) continue;
      const py = Math.round(y(dec)) + 0.5;
      ctx.moveTo(0, py);
      ctx.lineTo(width, py);
    }
    ctx.stroke();
    // The celestial equator, a little stronger.
    if (lat0 <= 0 && lat1 >= 0) {
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(0, y(0));
      ctx.lineTo(width, y(0));
      ctx.stroke();
    }
  }

  if (layers.has('ecliptic')) {
    ctx.strokeStyle = palette.ecliptic;
    ctx.lineWidth = 1.25;
    ctx.setLineDash([6, 4]);
    strokePaths(ctx, [cat.ecliptic], view, x, y);
    ctx.setLineDash([]);
  }
  if (layers.has('boundaries')) {
    ctx.strokeStyle = palette.boundaries;
    ctx.lineWidth = 1;
    ctx.setLineDash([2, 3]);
    strokePaths(ctx, cat.boundaries, view, x, y);
    ctx.setLineDash([]);
  }
  if (layers.has('constellations')) {
    ctx.strokeStyle = palette.lines;
    ctx.lineWidth = scale < 4 ? 1 : 1.4;
    strokePaths(ctx, cat.lines, view, x, y);
  }

  if (layers.has('stars')) {
    const margin = starRadius(-1.5, scale) / scale;
    const bins = colorBins(cat);
    const dim = scale < 1.5 ? 5.5 : 99;
    // One path per colour bin: a few fills per tile instead of one per star.
    const byBin: number[][] = Array.from({ length: BIN_COLORS.length }, () => []);
    const [raFrom, raTo] = raRange(lng0 - margin, lng1 + margin);
    forStarsInBox(cat, raFrom, raTo, lat0 - margin, lat1 + margin, (i) => {
      if (cat.mag[i] <= dim) byBin[palette.starMono ? 0 : bins[i]].push(i);
    });
    byBin.forEach((stars, bin) => {
      if (!stars.length) return;
      ctx.fillStyle = palette.starMono ?? BIN_COLORS[bin];
      ctx.beginPath();
      for (const i of stars) {
        const r = starRadius(cat.mag[i], scale);
        const py = y(cat.dec[i]);
        for (const lng of copiesWithin(lngOf(cat.ra[i]), lng0 - margin, lng1 + margin)) {
          const px = x(lng);
          ctx.moveTo(px + r, py);
          ctx.arc(px, py, r, 0, 2 * Math.PI);
        }
      }
      ctx.fill();
    });
  }

  if (layers.has('names')) {
    drawConstellationNames(ctx, view, sky, x, y);
    drawStarNames(ctx, view, sky, x, y);
  }
}

/** The RA range (eastward from, to) seen between two longitudes; the whole circle when they span 360° or more. */
export function raRange(lngLeft: number, lngRight: number): [number, number] {
  if (lngRight - lngLeft >= 360) return [0, 360];
  return [raOf(lngRight), raOf(lngLeft)];
}

function strokePaths(ctx: CanvasRenderingContext2D, paths: SkyPath[], view: TileView, x: (lng: number) => number, y: (lat: number) => number) {
  const pad = 2 / view.scale;
  const lng1 = view.lng0 + view.width / view.scale;
  const lat0 = view.lat1 - view.height / view.scale;
  ctx.beginPath();
  for (const p of paths) {
    if (p.maxLat < lat0 - pad || p.minLat > view.lat1 + pad) continue;
    for (let k = Math.ceil((view.lng0 - pad - p.maxLng) / 360); p.minLng + 360 * k <= lng1 + pad; k++) {
      const off = 360 * k;
      const pts = p.points;
      ctx.moveTo(x(pts[0] + off), y(pts[1]));
      for (let i = 2; i < pts.length; i += 2) ctx.lineTo(x(pts[i] + off), y(pts[i + 1]));
    }
  }
  ctx.stroke();
}

function drawMilkyWay(ctx: CanvasRenderingContext2D, view: TileView, cat: SkyCatalog, image: CanvasImageSource) {
  const step = 360 / cat.mwCols;
  const lng1 = view.lng0 + view.width / view.scale;
  const lat0 = view.lat1 - view.height / view.scale;
  const sy0 = Math.max(0, Math.floor((90 - view.lat1) / step) - 1);
  const sy1 = Math.min(cat.mwRows, Math.ceil((90 - lat0) / step) + 1);
  if (sy1 <= sy0) return;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  for (let k = Math.floor(view.lng0 / 360); 360 * k < lng1; k++) {
    const a = Math.max(view.lng0, 360 * k);
    const b = Math.min(lng1, 360 * (k + 1));
    if (b <= a) continue;
    const sx0 = Math.max(0, Math.floor((a - 360 * k) / step) - 1);
    const sx1 = Math.min(cat.mwCols, Math.ceil((b - 360 * k) / step) + 1);
    ctx.drawImage(
      image,
      sx0,
      sy0,
      sx1 - sx0,
      sy1 - sy0,
      (360 * k + sx0 * step - view.lng0) * view.scale,
      (view.lat1 - (90 - sy0 * step)) * view.scale,
      (sx1 - sx0) * step * view.scale,
      (sy1 - sy0) * step * view.scale,
    );
  }
}

function drawConstellationNames(ctx: CanvasRenderingContext2D, view: TileView, sky: SkyDrawContext, x: (lng: number) => number, y: (lat: number) => number) {
  const maxRank = nameRankAt(view.scale);
  const size = view.scale < 3 ? 10 : view.scale < 10 ? 12 : 14;
  ctx.font = `${size}px ${sky.palette.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = sky.palette.names;
  const lng1 = view.lng0 + view.width / view.scale;
  for (const c of sky.catalog.constellations) {
    if (c.rank > maxRank) continue;
    const label = c.names[sky.nameLang] || c.names.la;
    const half = (ctx.measureText(label).width / 2 + 2) / view.scale;
    const py = y(c.dec);
    if (py < -size || py > view.height + size) continue;
    for (const lng of copiesWithin(lngOf(c.ra), view.lng0 - half, lng1 + half)) ctx.fillText(label, x(lng), py);
  }
}

function drawStarNames(ctx: CanvasRenderingContext2D, view: TileView, sky: SkyDrawContext, x: (lng: number) => number, y: (lat: number) => number) {
  const limit = starNameLimitAt(view.scale);
  if (limit === -Infinity || !sky.layers.has('stars')) return;
  const cat = sky.catalog;
  ctx.font = `11px ${sky.palette.font}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = sky.palette.starNames;
  const lng1 = view.lng0 + view.width / view.scale;
  const lat0 = view.lat1 - view.height / view.scale;
  const reach = 160 / view.scale;
  const [raFrom, raTo] = raRange(view.lng0 - reach, lng1 + reach);
  forStarsInBox(cat, raFrom, raTo, lat0 - reach, view.lat1 + reach, (i) => {
    if (cat.mag[i] > limit) return;
    const proper = cat.names[cat.hip[i]]?.[0];
    if (!proper) return;
    const r = starRadius(cat.mag[i], view.scale);
    for (const lng of copiesWithin(lngOf(cat.ra[i]), view.lng0 - reach, lng1 + reach)) ctx.fillText(proper, x(lng) + r + 3, y(cat.dec[i]));
  });
}
