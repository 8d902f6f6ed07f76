// @ts-check
// A synthetic HiPS survey (IVOA Hierarchical Progressive Surveys) for the sky map's imagery layer, rendered from the
// same star catalogue as the map's vector stars (XHIP to V 6 via d3-celestial), so tests can check the imagery end
// to end offline: `/hips/dss-synthetic/properties` and `/hips/dss-synthetic/Norder{0..3}/Dir{D}/Npix{N}.png`.
//
// Tiles follow the HiPS convention for pixel orientation in an image: HEALPix NESTED, tile N of order K covers the
// cells at order K + log2(width) whose index shifted right by 2·log2(width) is N; inside the tile, image row = local
// ix (South→East) and image column = local iy (South→West), so the top-left pixel is the cell's South vertex.
import { deflateSync } from 'node:zlib';
import { readStarCatalogue } from '../scripts/generate-sky-data.mjs';

export const SURVEY_ID = 'dss-synthetic';
export const TILE_WIDTH = 256;
export const MAX_ORDER = 3;
const DEG = Math.PI / 180;

export const PROPERTIES = [
  ['creator_did', 'ivo://arcsecond-widgets.emulator/P/dss-synthetic'],
  ['obs_title', 'Synthetic DSS (arcsecond-widgets emulator)'],
  ['obs_description', 'Stars to V 6 rendered from the XHIP catalogue for offline tests of the sky map imagery layer'],
  ['obs_copyright', 'Synthetic sky © arcsecond-widgets emulator, from XHIP via d3-celestial'],
  ['obs_copyright_url', 'https://github.com/ofrohn/d3-celestial'],
  ['hips_version', '1.4'],
  ['hips_release_date', '2026-01-01T00:00Z'],
  ['hips_status', 'public master unclonable'],
  ['hips_frame', 'equatorial'],
  ['hips_order', String(MAX_ORDER)],
  ['hips_order_min', '0'],
  ['hips_tile_width', String(TILE_WIDTH)],
  ['hips_tile_format', 'png'],
  ['dataproduct_type', 'image'],
  ['client_category', 'Image/Optical/Synthetic'],
]
  .map(([k, v]) => `${k.padEnd(20)} = ${v}`)
  .join('\n')
  .concat('\n');

// ---------------------------------------------------------------------------------------------------------------
// HEALPix, NESTED scheme (Górski et al. 2005; after healpix_base's loc2pix / pix2loc). Bit operations stay within
// 32 bits for nside ≤ 2^15, far beyond the emulator's 2^11.

const JRLL = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4];
const JPLL = [1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7];

/** Spread the low 16 bits of `v` to the even bit positions. @param {number} v */
function spread(v) {
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

/** Inverse of `spread`: gather the even bits of `v`. @param {number} v */
function compress(v) {
  v &= 0x55555555;
  v = (v | (v >>> 1)) & 0x33333333;
  v = (v | (v >>> 2)) & 0x0f0f0f0f;
  v = (v | (v >>> 4)) & 0x00ff00ff;
  v = (v | (v >>> 8)) & 0x0000ffff;
  return v;
}

/**
 * Face and in-face coordinates of the NESTED cell containing (z = sin δ, φ = α in radians) at `nside`.
 * @param {number} nside @param {number} z @param {number} phi
 */
export function angToXyf(nside, z, phi) {
  const za = Math.abs(z);
  let tt = (phi / (Math.PI / 2)) % 4;
  if (tt < 0) tt += 4;
  if (za <= 2 / 3) {
    const t1 = nside * (0.5 + tt);
    const t2 = nside * (z * 0.75);
    const jp = Math.floor(t1 - t2);
    const jm = Math.floor(t1 + t2);
    const ifp = Math.floor(jp / nside);
    const ifm = Math.floor(jm / nside);
    const face = ifp === ifm ? ifp | 4 : ifp < ifm ? ifp : ifm + 8;
    return { face, ix: jm & (nside - 1), iy: nside - (jp & (nside - 1)) - 1 };
  }
  const ntt = Math.min(3, Math.floor(tt));
  const tp = tt - ntt;
  const tmp = nside * Math.sqrt(3 * (1 - za));
  const jp = Math.min(nside - 1, Math.floor(tp * tmp));
  const jm = Math.min(nside - 1, Math.floor((1 - tp) * tmp));
  return z >= 0 ? { face: ntt, ix: nside - jm - 1, iy: nside - jp - 1 } : { face: ntt + 8, ix: jp, iy: jm };
}

/** NESTED index of the cell containing RA/Dec (degrees) at `nside`. @param {number} nside @param {number} ra @param {number} dec */
export function ang2pixNest(nside, ra, dec) {
  const { face, ix, iy } = angToXyf(nside, Math.sin(dec * DEG), ra * DEG);
  return face * nside * nside + (spread(ix) | (spread(iy) << 1));
}

/** Face and in-face coordinates of NESTED index `ipix`. @param {number} nside @param {number} ipix */
export function nestToXyf(nside, ipix) {
  const npface = nside * nside;
  const face = Math.floor(ipix / npface);
  const p = ipix - face * npface;
  return { face, ix: compress(p), iy: compress(p >>> 1) };
}

/**
 * Centre of the cell (face, ix, iy) at `nside` as z = sin δ and φ in radians [0, 2π).
 * @param {number} nside @param {number} face @param {number} ix @param {number} iy
 */
export function xyfToAng(nside, face, ix, iy) {
  const jr = JRLL[face] * nside - ix - iy - 1;
  let nr;
  let z;
  let kshift;
  if (jr < nside) {
    nr = jr;
    z = 1 - (nr * nr) / (3 * nside * nside);
    kshift = 0;
  } else if (jr > 3 * nside) {
    nr = 4 * nside - jr;
    z = (nr * nr) / (3 * nside * nside) - 1;
    kshift = 0;
  } else {
    nr = nside;
    z = ((2 * nside - jr) * 2) / (3 * nside);
    kshift = (jr - nside) & 1;
  }
  let jp = (JPLL[face] * nr + ix - iy + 1 + kshift) / 2;
  if (jp > 4 * nside) jp -= 4 * nside;
  if (jp < 1) jp += 4 * nside;
  const phi = (jp - (kshift + 1) * 0.5) * (Math.PI / 2 / nr);
  return { z, phi };
}

/** Centre of NESTED cell `ipix` as RA/Dec in degrees. @param {number} nside @param {number} ipix */
export function pix2angNest(nside, ipix) {
  const { face, ix, iy } = nestToXyf(nside, ipix);
  const { z, phi } = xyfToAng(nside, face, ix, iy);
  return { ra: (((phi / DEG) % 360) + 360) % 360, dec: Math.asin(Math.max(-1, Math.min(1, z))) / DEG };
}

/**
 * The tile (order, npix) and image pixel (column, row) that show RA/Dec, for tiles `width` px wide.
 * @param {number} order @param {number} ra @param {number} dec @param {number} [width]
 */
export function tilePixelFor(order, ra, dec, width = TILE_WIDTH) {
  const bits = Math.log2(width);
  const nside = 2 ** (order + bits);
  const { face, ix, iy } = angToXyf(nside, Math.sin(dec * DEG), ra * DEG);
  const tileIndex = spread(ix >>> bits) | (spread(iy >>> bits) << 1);
  return { order, npix: face * 4 ** order + tileIndex, column: iy & (width - 1), row: ix & (width - 1) };
}

// ---------------------------------------------------------------------------------------------------------------
// PNG (RGB, 8 bits, no interlace), enough for tiles: signature, IHDR, one IDAT through node:zlib, IEND.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** @param {Uint8Array} bytes */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Uint8Array} data */
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encode `rgb` (width·height·3 bytes, rows top to bottom) as a PNG.
 * @param {number} width @param {number} height @param {Uint8Array} rgb
 */
export function encodePng(width, height, rgb) {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new RangeError(`bad PNG size ${width}×${height}`);
  if (rgb.length !== width * height * 3) throw new RangeError(`expected ${width * height * 3} RGB bytes, got ${rgb.length}`);
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgb.buffer, rgb.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: each star a Gaussian of a size fixed in tile pixels (so it shows at every order), brightness and
// width by magnitude, colour by B−V; evaluated at every pixel centre, so the brightest pixel is the one whose
// cell contains the star.

/** Approximate star colour (0–1 RGB) for a B−V index; white when unknown. @param {number | null} bv */
export function bvToRgb(bv) {
  if (bv == null || !Number.isFinite(bv)) return [1, 1, 1];
  const t = Math.max(-0.4, Math.min(2, bv));
  // Blue-white for hot stars, through white (B−V ≈ 0.3) to orange-red for cool ones.
  const r = t < 0.3 ? 0.62 + (t + 0.4) * 0.54 : 1;
  const g = t < 0.3 ? 0.75 + (t + 0.4) * 0.36 : Math.max(0.45, 1 - (t - 0.3) * 0.32);
  const b = t < 0.3 ? 1 : Math.max(0.25, 1 - (t - 0.3) * 0.5);
  return [r, g, b];
}

/** @type {{x: Float64Array, y: Float64Array, z: Float64Array, mag: Float64Array, color: number[][], count: number} | null} */
let catalogue = null;

function stars() {
  if (catalogue) return catalogue;
  const list = readStarCatalogue();
  const n = list.length;
  /** @type {{x: Float64Array, y: Float64Array, z: Float64Array, mag: Float64Array, color: number[][], count: number}} */
  const c = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), mag: new Float64Array(n), color: [], count: n };
  list.forEach((s, i) => {
    const a = s.ra * DEG;
    const d = s.dec * DEG;
    c.x[i] = Math.cos(d) * Math.cos(a);
    c.y[i] = Math.cos(d) * Math.sin(a);
    c.z[i] = Math.sin(d);
    c.mag[i] = s.mag;
    c.color.push(bvToRgb(s.bv));
  });
  return (catalogue = c);
}

const BACKGROUND = [5, 7, 14];

/** Gaussian width (tile pixels) and peak (0–255) for a magnitude. @param {number} mag */
export function starProfile(mag) {
  const m = Math.max(-1.5, Math.min(6.5, mag));
  return { sigma: 0.75 + 0.3 * (6.5 - m), peak: Math.min(255, 90 + 32 * (6.5 - m)) };
}

/**
 * RGB pixels (TILE_WIDTH² · 3 bytes) of tile `npix` at `order`.
 * @param {number} order @param {number} npix
 */
export function renderTile(order, npix) {
  const W = TILE_WIDTH;
  const nsideTile = 2 ** order;
  const nside = nsideTile * W;
  const face = Math.floor(npix / (nsideTile * nsideTile));
  const inFace = npix - face * nsideTile * nsideTile;
  const tx = compress(inFace) * W;
  const ty = compress(inFace >>> 1) * W;

  // Unit vectors of every pixel centre.
  const px = new Float64Array(W * W);
  const py = new Float64Array(W * W);
  const pz = new Float64Array(W * W);
  for (let row = 0; row < W; row++) {
    for (let col = 0; col < W; col++) {
      const { z, phi } = xyfToAng(nside, face, tx + row, ty + col);
      const r = Math.sqrt(Math.max(0, 1 - z * z));
      const k = row * W + col;
      px[k] = r * Math.cos(phi);
      py[k] = r * Math.sin(phi);
      pz[k] = z;
    }
  }
  // Candidate stars: within the tile's radius around its centre pixel, plus the widest profile.
  const pixelSize = Math.sqrt((4 * Math.PI) / (12 * nside * nside));
  const centre = (W / 2) * W + W / 2;
  let radius = 0;
  for (const k of [0, W - 1, (W - 1) * W, W * W - 1]) {
    const dot = px[k] * px[centre] + py[k] * py[centre] + pz[k] * pz[centre];
    radius = Math.max(radius, Math.acos(Math.min(1, dot)));
  }
  const cat = stars();
  const reach = 5 * starProfile(-1.5).sigma * pixelSize;
  const cosLimit = Math.cos(Math.min(Math.PI, radius * 1.05 + reach));
  const near = [];
  for (let i = 0; i < cat.count; i++) {
    if (cat.x[i] * px[centre] + cat.y[i] * py[centre] + cat.z[i] * pz[centre] >= cosLimit) near.push(i);
  }

  /** @type {number[]} */
  const border = [];
  for (let j = 0; j < W; j++) border.push(j, (W - 1) * W + j, j * W, j * W + W - 1);
  /** Whether a star reaches any edge pixel of the tile. @param {number} sx @param {number} sy @param {number} sz @param {number} cut */
  const nearBorder = (sx, sy, sz, cut) => border.some((k) => sx * px[k] + sy * py[k] + sz * pz[k] >= cut);

  const acc = new Float32Array(W * W * 3);
  for (const i of near) {
    const { sigma, peak } = starProfile(cat.mag[i]);
    const sigmaRad = sigma * pixelSize;
    const cut = Math.cos(4 * sigmaRad);
    const inv2s2 = 1 / (2 * sigmaRad * sigmaRad);
    const [cr, cg, cb] = cat.color[i];
    const sx = cat.x[i];
    const sy = cat.y[i];
    const sz = cat.z[i];
    // A star in this face touches a window around its own cell (twice the profile: cells are not square near
    // the face corners); one in a neighbouring face may still reach over the edge, so scan the whole tile then.
    const cell = angToXyf(nside, sz, Math.atan2(sy, sx));
    if (cell.face !== face && !nearBorder(sx, sy, sz, cut)) continue;
    let r0 = 0;
    let r1 = W - 1;
    let c0 = 0;
    let c1 = W - 1;
    if (cell.face === face) {
      const reachPx = Math.ceil(8 * sigma) + 1;
      r0 = Math.max(0, cell.ix - tx - reachPx);
      r1 = Math.min(W - 1, cell.ix - tx + reachPx);
      c0 = Math.max(0, cell.iy - ty - reachPx);
      c1 = Math.min(W - 1, cell.iy - ty + reachPx);
    }
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const k = row * W + col;
        const dot = sx * px[k] + sy * py[k] + sz * pz[k];
        if (dot < cut) continue;
        const d2 = 2 * (1 - dot); // chord² ≈ angle² for small angles
        const v = peak * Math.exp(-d2 * inv2s2);
        acc[k * 3] += v * cr;
        acc[k * 3 + 1] += v * cg;
        acc[k * 3 + 2] += v * cb;
      }
    }
  }
  const rgb = new Uint8Array(W * W * 3);
  for (let k = 0; k < W * W; k++) {
    for (let c = 0; c < 3; c++) rgb[k * 3 + c] = Math.min(255, Math.round(BACKGROUND[c] + acc[k * 3 + c]));
  }
  return rgb;
}

/** Encoded tiles, rendered on first request (at most 12 + 48 + 192 + 768). @type {Map<string, Buffer>} */
const tileCache = new Map();

/** The PNG for a tile, or null when (order, npix) is outside the survey. @param {number} order @param {number} npix */
export function tilePng(order, npix) {
  if (!Number.isInteger(order) || order < 0 || order > MAX_ORDER) return null;
  if (!Number.isInteger(npix) || npix < 0 || npix >= 12 * 4 ** order) return null;
  const key = `${order}/${npix}`;
  let png = tileCache.get(key);
  if (!png) tileCache.set(key, (png = encodePng(TILE_WIDTH, TILE_WIDTH, renderTile(order, npix))));
  return png;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status @param {string} type @param {string | Buffer} body @param {Record<string, string>} [extra]
 */
function send(req, res, status, type, body, extra = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': status === 200 ? 'public, max-age=86400' : 'no-store',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const TILE_PATH = /^Norder(\d+)\/Dir(\d+)\/Npix(\d+)\.(png|jpg|jpeg|fits)$/;

/**
 * Serve the survey under `/hips/` (the router calls this for every path there).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @returns {Promise<boolean>} true: answered here (every path under /hips/ is, with a 404 saying why when unknown)
 */
export async function handleHips(req, res, url) {
  const text = 'text/plain; charset=utf-8';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, text, 'Method not allowed.\n', { Allow: 'GET, HEAD' });
    return true;
  }
  const rest = url.pathname.replace(/^\/hips\/?/, '');
  const [survey, ...parts] = rest.split('/');
  const path = parts.join('/');
  if (survey !== SURVEY_ID) {
    send(req, res, 404, text, `No HiPS survey “${survey}” here; try /hips/${SURVEY_ID}/properties.\n`);
    return true;
  }
  if (path === 'properties') {
    send(req, res, 200, text, PROPERTIES);
    return true;
  }
  const m = TILE_PATH.exec(path);
  if (m) {
    const order = Number(m[1]);
    const dir = Number(m[2]);
    const npix = Number(m[3]);
    const png = m[4] === 'png' && dir === Math.floor(npix / 10000) * 10000 ? tilePng(order, npix) : null;
    if (png) send(req, res, 200, 'image/png', png);
    else send(req, res, 404, text, `No tile ${path} (orders 0–${MAX_ORDER}, PNG only).\n`);
    return true;
  }
  send(req, res, 404, text, `Not part of the survey: ${path || '(index)'}.\n`);
  return true;
}
