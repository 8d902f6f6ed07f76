/**
 * Reading the ticker's `near` attribute. Apart from filters.ts because it needs the coordinate parser, which
 * the ticker loads only when `near` is set.
 */
import { ArcApiError } from '../../api/errors.js';
import { parseCoordinates } from '../../api/targets.js';
import type { Cone } from './filters.js';

/**
 * `near="ra dec radius"`: the last number is the radius in degrees (0 < r ≤ 180), the rest is any
 * coordinate form `parseCoordinates` reads (decimal degrees or sexagesimal). Throws `invalid-input`.
 */
export function parseNear(text: string): Cone {
  const raw = String(text ?? '').trim();
  const m = /^(.*\S)[\s,]+(\d+(?:\.\d*)?|\.\d+)$/.exec(raw);
  const radius = Number(m?.[2]);
  // The element shows its own localised message; this one is for direct callers.
  if (!m || !(radius > 0 && radius <= 180)) throw new ArcApiError('invalid-input', `near must be “ra dec radius”, radius in (0, 180] degrees (got “${raw}”).`);
  return { ...parseCoordinates(m[1]), radius };
}
