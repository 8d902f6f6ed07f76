/**
 * Sexagesimal formatting of equatorial coordinates, shared by every element. Kept apart from the target parser
 * (targets.ts re-exports it) so an element that only shows coordinates does not carry the parser.
 */
const pad = (n: number, decimals = 0) => n.toFixed(decimals).padStart(decimals ? 3 + decimals : 2, '0');

/** Sexagesimal triple of `value` (in hours or degrees), rounded once at the last shown digit so 59.96 s carries. */
function sexagesimal(value: number, decimals: number): [number, number, string] {
  const scale = 10 ** decimals;
  const t = Math.round(value * 3600 * scale);
  return [Math.floor(t / (3600 * scale)), Math.floor(t / (60 * scale)) % 60, pad((t % (60 * scale)) / scale, decimals)];
}

/** Right ascension in degrees as `05h 35m 17.3s` ('' for a non-finite value). */
export function formatRA(deg: number, decimals = 1): string {
  if (!Number.isFinite(deg)) return '';
  const [h, m, s] = sexagesimal((((deg % 360) + 360) % 360) / 15, decimals);
  return `${pad(h % 24)}h ${pad(m)}m ${s}s`;
}

/** Declination in degrees as `−05° 23′ 28″` (typographic minus, `+` for the north; '' for a non-finite value). */
export function formatDec(deg: number, decimals = 0): string {
  if (!Number.isFinite(deg)) return '';
  const [d, m, s] = sexagesimal(Math.abs(deg), decimals);
  const zero = d === 0 && m === 0 && Number(s) === 0;
  return `${deg < 0 && !zero ? '−' : '+'}${pad(d)}° ${pad(m)}′ ${s}″`;
}
