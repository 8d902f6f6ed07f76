/**
 * HiPS imagery reprojected onto the map's plate carrée: for each screen pixel of a map tile, the RA/Dec → HEALPix
 * cell → survey tile and pixel, sampled from decoded tiles kept in a small LRU. Tiles are fetched with CORS so their
 * pixels can be read; a survey without CORS fails here, and the map stays vector-only.
 */
import { ArcApiError } from '../../api/errors.js';
import { tilePixel, parseHipsProperties, surveyFromProperties, tileUrl, orderForScale, type FaceXY, type HipsSurvey } from './healpix.js';
import { raOf } from './sky-geometry.js';
import type { TileView } from './sky-canvas.js';

const DEG = Math.PI / 180;
/** Decoded survey tiles kept, by total pixels (≈ 64 tiles of 512 px, 256 of 256 px). */
const CACHE_PIXELS = 64 * 512 * 512;

/** J2000 equatorial → galactic rotation (IAU 1958 pole and origin, as HiPS galactic surveys use). */
const EQ_TO_GAL = [
  [-0.0548755604, -0.8734370902, -0.4838350155],
  [0.4941094279, -0.44482963, 0.7469822445],
  [-0.867666149, -0.1980763734, 0.4559837762],
];

/** Load and check a survey's `properties`. */
export async function loadSurvey(base: string, signal: AbortSignal): Promise<HipsSurvey> {
  let res: Response;
  try {
    res = await fetch(`${base}/properties`, { signal, mode: 'cors', credentials: 'omit' });
  } catch (err) {
    if (signal.aborted) throw new ArcApiError('aborted', 'The request was cancelled.');
    throw new ArcApiError('network', `The survey ${base} could not be reached (offline, or it does not allow cross-origin requests).`, { cause: err });
  }
  if (!res.ok) throw new ArcApiError(res.status === 404 ? 'not-found' : 'server', `The survey ${base} answered HTTP ${res.status} for its properties file.`);
  const survey = surveyFromProperties(base, parseHipsProperties(await res.text()));
  if (typeof survey === 'string') throw new ArcApiError('invalid-response', `The survey ${base} cannot be shown: ${survey}.`);
  return survey;
}

interface DecodedTile {
  data: Uint8ClampedArray;
  width: number;
}

export class HipsSource {
  private cache = new Map<string, Promise<DecodedTile | null>>();
  private cachedPixels = 0;
  private scratchCanvas: OffscreenCanvas | HTMLCanvasElement | null = null;
  /** Tiles that loaded / failed since the survey was set. */
  loaded = 0;
  failed = 0;

  constructor(readonly survey: HipsSurvey) {}

  /** Decoded pixels of one survey tile (null when it failed), shared by every map tile that needs it. */
  private tile(order: number, npix: number): Promise<DecodedTile | null> {
    const key = `${order}/${npix}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const p = this.fetchTile(order, npix);
    this.cache.set(key, p);
    p.then((t) => {
      if (!t) {
        // Forget failures so a later view retries (the survey may come back).
        this.cache.delete(key);
        return;
      }
      this.cachedPixels += t.width * t.width;
      for (const [k, v] of this.cache) {
        if (this.cachedPixels <= CACHE_PIXELS) break;
        this.cache.delete(k);
        v.then((old) => (this.cachedPixels -= old ? old.width * old.width : 0));
      }
    });
    return p;
  }

  private async fetchTile(order: number, npix: number): Promise<DecodedTile | null> {
    try {
      const res = await fetch(tileUrl(this.survey, order, npix), { mode: 'cors', credentials: 'omit' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const bitmap = await createImageBitmap(await res.blob());
      const w = bitmap.width;
      const canvas = this.canvas(w);
      const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
      if (!ctx) throw new Error('no 2D context');
      ctx.clearRect(0, 0, w, w);
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      const data = ctx.getImageData(0, 0, w, w).data;
      this.loaded++;
      return { data, width: w };
    } catch {
      this.failed++;
      return null;
    }
  }

  private canvas(w: number): OffscreenCanvas | HTMLCanvasElement {
    if (!this.scratchCanvas || this.scratchCanvas.width !== w) {
      if (typeof OffscreenCanvas !== 'undefined') this.scratchCanvas = new OffscreenCanvas(w, w);
      else {
        const c = document.createElement('canvas');
        c.width = c.height = w;
        this.scratchCanvas = c;
      }
    }
    return this.scratchCanvas;
  }

  /**
   * Paint the survey into a map tile canvas of `view.width × view.height` pixels. Resolves to the number of survey
   * tiles that failed (0 when everything drew), or -1 when aborted.
   */
  async render(canvas: HTMLCanvasElement, view: TileView, signal: AbortSignal): Promise<number> {
    const { width, height, scale } = view;
    const survey = this.survey;
    const order = orderForScale(scale, survey);
    const bits = Math.log2(survey.tileWidth);
    const n = width * height;
    const tileOf = new Int32Array(n).fill(-1);
    const offsetOf = new Int32Array(n);
    const needed = new Map<number, number>();
    const scratch: FaceXY = { face: 0, ix: 0, iy: 0 };
    const galactic = survey.frame === 'galactic';
    for (let row = 0; row < height; row++) {
      const dec = view.lat1 - (row + 0.5) / scale;
      if (dec > 90 || dec < -90) continue;
      const sd = Math.sin(dec * DEG);
      const cd = Math.cos(dec * DEG);
      for (let col = 0; col < width; col++) {
        const ra = raOf(view.lng0 + (col + 0.5) / scale) * DEG;
        let z = sd;
        let phi = ra;
        if (galactic) {
          const x = cd * Math.cos(ra);
          const y = cd * Math.sin(ra);
          const gx = EQ_TO_GAL[0][0] * x + EQ_TO_GAL[0][1] * y + EQ_TO_GAL[0][2] * sd;
          const gy = EQ_TO_GAL[1][0] * x + EQ_TO_GAL[1][1] * y + EQ_TO_GAL[1][2] * sd;
          z = EQ_TO_GAL[2][0] * x + EQ_TO_GAL[2][1] * y + EQ_TO_GAL[2][2] * sd;
          phi = Math.atan2(gy, gx);
        }
        const t = tilePixel(order, bits, z, phi, scratch);
        const k = row * width + col;
        tileOf[k] = t.npix;
        offsetOf[k] = t.row * survey.tileWidth + t.column;
        needed.set(t.npix, 0);
      }
    }
    const tiles = new Map<number, DecodedTile | null>();
    await Promise.all([...needed.keys()].map(async (npix) => tiles.set(npix, await this.tile(order, npix))));
    if (signal.aborted) return -1;
    const ctx = canvas.getContext('2d');
    if (!ctx) return needed.size;
    const out = ctx.createImageData(width, height);
    const px = out.data;
    for (let k = 0; k < n; k++) {
      const npix = tileOf[k];
      if (npix < 0) continue;
      const tile = tiles.get(npix);
      if (!tile) continue;
      const s = offsetOf[k] * 4;
      const d = k * 4;
      px[d] = tile.data[s];
      px[d + 1] = tile.data[s + 1];
      px[d + 2] = tile.data[s + 2];
      px[d + 3] = 255;
    }
    ctx.putImageData(out, 0, 0);
    let failures = 0;
    for (const t of tiles.values()) if (!t) failures++;
    return failures;
  }
}
