/**
 * HEALPix NESTED cells and HiPS tiles for the imagery layer (Górski et al. 2005; IVOA HiPS 1.0). Pure, no DOM.
 * A HiPS tile N of order K covers the cells at order K + log2(width) whose NESTED index shifted right by
 * 2·log2(width) is N. Inside the tile image, row = local ix (South→East), column = local iy (South→West): the
 * top-left pixel is the cell's South vertex. Indices are kept apart (face, tile, pixel) so orders up to 29 stay
 * exact in 32-bit bit operations.
 */

/** Spread the low 16 bits of `v` to the even bit positions. */
export function spreadBits(v: number): number {
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

export interface FaceXY {
  face: number;
  ix: number;
  iy: number;
}

/** Face and in-face coordinates of the cell containing (z = sin δ, φ in radians) at `nside` (a power of two). */
export function angToXyf(nside: number, z: number, phi: number, out: FaceXY = { face: 0, ix: 0, iy: 0 }): FaceXY {
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
    out.face = ifp === ifm ? ifp | 4 : ifp < ifm ? ifp : ifm + 8;
    out.ix = jm & (nside - 1);
    out.iy = nside - (jp & (nside - 1)) - 1;
    return out;
  }
  const ntt = Math.min(3, Math.floor(tt));
  const tp = tt - ntt;
  const tmp = nside * Math.sqrt(3 * (1 - za));
  const jp = Math.min(nside - 1, Math.floor(tp * tmp));
  const jm = Math.min(nside - 1, Math.floor((1 - tp) * tmp));
  if (z >= 0) {
    out.face = ntt;
    out.ix = nside - jm - 1;
    out.iy = nside - jp - 1;
  } else {
    out.face = ntt + 8;
    out.ix = jp;
    out.iy = jm;
  }
  return out;
}

/** The HiPS tile and image pixel showing (z, φ) at `order` for tiles 2^`tileBits` px wide. */
export function tilePixel(order: number, tileBits: number, z: number, phi: number, scratch?: FaceXY): { npix: number; column: number; row: number } {
  const nside = 2 ** (order + tileBits);
  const { face, ix, iy } = angToXyf(nside, z, phi, scratch);
  const mask = (1 << tileBits) - 1;
  const tile = spreadBits(ix >>> tileBits) | (spreadBits(iy >>> tileBits) << 1);
  return { npix: face * 4 ** order + tile, column: iy & mask, row: ix & mask };
}

/** A survey's `properties` file (`key = value` lines, `#` comments) as a map. */
export function parseHipsProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    out.set(t.slice(0, eq).trim(), t.slice(eq + 1).trim());
  }
  return out;
}

export interface HipsSurvey {
  base: string;
  maxOrder: number;
  minOrder: number;
  tileWidth: number;
  /** File extension of the tiles to load: `png` or `jpg`. */
  format: 'png' | 'jpg';
  frame: 'equatorial' | 'galactic';
  title: string | null;
  copyright: string | null;
  copyrightUrl: string | null;
}

/** The survey described by a `properties` file, or a message saying what is unusable. */
export function surveyFromProperties(base: string, props: Map<string, string>): HipsSurvey | string {
  const maxOrder = Number(props.get('hips_order'));
  if (!Number.isInteger(maxOrder) || maxOrder < 0 || maxOrder > 20) return `its properties give no usable hips_order (“${props.get('hips_order') ?? ''}”)`;
  const tileWidth = Number(props.get('hips_tile_width') ?? 512);
  if (!Number.isInteger(tileWidth) || tileWidth < 8 || tileWidth > 4096 || (tileWidth & (tileWidth - 1)) !== 0)
    return `its hips_tile_width “${props.get('hips_tile_width')}” is not a power of two`;
  const formats = (props.get('hips_tile_format') ?? 'jpeg').toLowerCase().split(/\s+/);
  const format = formats.includes('png') ? 'png' : formats.some((f) => f === 'jpeg' || f === 'jpg') ? 'jpg' : null;
  if (!format) return `it offers no PNG or JPEG tiles (hips_tile_format “${props.get('hips_tile_format')}”)`;
  const frameText = (props.get('hips_frame') ?? props.get('coordsys') ?? 'equatorial').toLowerCase();
  const frame = frameText.startsWith('gal') || frameText === 'g' ? 'galactic' : frameText.startsWith('equ') || frameText === 'c' ? 'equatorial' : null;
  if (!frame) return `its frame “${frameText}” is not supported (equatorial or galactic)`;
  const minOrder = Math.min(maxOrder, Math.max(0, Number(props.get('hips_order_min')) || 0));
  const url = props.get('obs_copyright_url') ?? null;
  return {
    base,
    maxOrder,
    minOrder,
    tileWidth,
    format,
    frame,
    title: props.get('obs_title') ?? null,
    copyright: props.get('obs_copyright') ?? null,
    copyrightUrl: url && /^https?:\/\//i.test(url) ? url : null,
  };
}

/** URL of tile `npix` at `order`: `{base}/Norder{K}/Dir{D}/Npix{N}.{ext}` with D = ⌊N / 10000⌋ · 10000. */
export function tileUrl(survey: Pick<HipsSurvey, 'base' | 'format'>, order: number, npix: number): string {
  return `${survey.base}/Norder${order}/Dir${Math.floor(npix / 10000) * 10000}/Npix${npix}.${survey.format}`;
}

/** Angular size (degrees) of one tile pixel at `order`. */
export const pixelSizeAt = (order: number, tileWidth: number): number => 58.6323 / (2 ** order * tileWidth);

/** The lowest order whose pixels are no larger than a screen pixel (capped by the survey's range). */
export function orderForScale(pxPerDegree: number, survey: Pick<HipsSurvey, 'tileWidth' | 'maxOrder' | 'minOrder'>): number {
  const need = Math.ceil(Math.log2((58.6323 * pxPerDegree) / survey.tileWidth));
  return Math.max(survey.minOrder, Math.min(survey.maxOrder, need));
}
