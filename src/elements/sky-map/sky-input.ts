/**
 * The sky map's attributes as page authors write them: `center`, `fov`, `survey` and `layers`, parsed and checked
 * with clear messages. Small and pure: part of the element's entry (the geometry lives with the lazy engine).
 */
import { ArcApiError } from '../../api/errors.js';
import { looksLikeCoordinates, parseCoordinates } from '../../api/targets.js';

/** A parsed `center`: coordinates now, a name to resolve through the API, or the site's zenith at the map's time. */
export type CenterSpec = { kind: 'coordinates'; ra: number; dec: number } | { kind: 'name'; name: string } | { kind: 'zenith' };

/** Parse the `center` attribute: `"ra dec"` in any form `parseCoordinates` takes, else a name to resolve. */
export function parseCenter(text: string): CenterSpec {
  const t = text.trim();
  if (!t) throw new ArcApiError('invalid-input', 'The center is empty: give “ra dec” (e.g. “83.82 −5.39”) or an object name.');
  if (/^zenith$/i.test(t)) return { kind: 'zenith' };
  if (looksLikeCoordinates(t)) {
    const { ra, dec } = parseCoordinates(t);
    return { kind: 'coordinates', ra, dec };
  }
  if (t.length > 100) throw new ArcApiError('invalid-input', 'The center name is too long.');
  return { kind: 'name', name: t };
}

/** Largest field of view: the whole sky's width. Smallest: one arcminute. */
export const MAX_FOV = 360;
export const MIN_FOV = 1 / 60;

/** Validate a field of view in degrees; returns a clear error for anything unusable. */
export function checkFov(fov: number | null): ArcApiError | null {
  if (fov === null) return null;
  if (!Number.isFinite(fov) || fov < MIN_FOV || fov > MAX_FOV)
    return new ArcApiError('invalid-input', `The field of view must be a number of degrees from 1/60 (one arcminute) to 360 (got “${fov}”).`);
  return null;
}

/** The HiPS base URL to use, or an error: http(s) only, trailing slashes removed. */
export function normaliseSurvey(text: string): { url: string } | { error: ArcApiError } {
  const t = text.trim();
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return { error: new ArcApiError('invalid-input', `The survey “${t}” is not a URL: give a HiPS base such as https://alasky.cds.unistra.fr/DSS/DSSColor.`) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: new ArcApiError('invalid-input', `The survey “${t}” must be an http(s) URL.`) };
  return { url: url.href.replace(/\/+$/, '') };
}

/** Every layer the map can show, in drawing order. */
export const LAYER_NAMES = ['imagery', 'milky-way', 'grid', 'ecliptic', 'boundaries', 'constellations', 'names', 'stars', 'horizon', 'planets', 'targets', 'live'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];
export const DEFAULT_LAYERS: readonly LayerName[] = ['milky-way', 'grid', 'ecliptic', 'boundaries', 'constellations', 'names', 'stars', 'horizon', 'planets', 'targets', 'live'];

/** Parse the `layers` attribute (names separated by spaces or commas); unknown names are returned apart. */
export function parseLayers(text: string): { layers: Set<LayerName>; unknown: string[] } {
  const layers = new Set<LayerName>();
  const unknown: string[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const name = word.toLowerCase();
    if ((LAYER_NAMES as readonly string[]).includes(name)) layers.add(name as LayerName);
    else unknown.push(word);
  }
  return { layers, unknown };
}
