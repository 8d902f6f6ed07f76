/**
 * Relative optical air mass, Kasten & Young (1989):
 *
 *     X = 1 / (sin h + 0.50572 · (h + 6.07995°)^-1.6364)
 *
 * with h the apparent (refracted) altitude in degrees. F. Kasten and A. T. Young,
 * "Revised optical air mass tables and approximation formula", Applied Optics 28 (22),
 * 4735–4738 (1989). It follows their ISO 1972 standard-atmosphere table to better than
 * 0.5 % everywhere above the horizon, and gives 1 at the zenith and about 37.9 at h = 0.
 *
 * Returns `Infinity` for an object below the horizon (h < 0: no line of sight through the
 * atmosphere) and `NaN` for anything that is not a finite number (null, undefined, NaN, ±Infinity).
 * Altitudes above 90° are taken as 90°.
 */
export function airmass(altitude: number): number {
  if (typeof altitude !== 'number' || !Number.isFinite(altitude)) return Number.NaN;
  if (altitude < 0) return Number.POSITIVE_INFINITY;
  const h = Math.min(altitude, 90);
  return 1 / (Math.sin((h * Math.PI) / 180) + 0.50572 * Math.pow(h + 6.07995, -1.6364));
}
