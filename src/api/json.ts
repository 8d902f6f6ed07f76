/**
 * Tolerant JSON field readers shared by the client and every parser: a bad field becomes null, '' or [],
 * never an exception. Kept apart from the record parsers so the client's chunk does not carry them.
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v == 'object' && v !== null && !Array.isArray(v);

/** The value if it is an object, else an empty one (for optional nested records). */
export const obj = (v: unknown): Json => (isObject(v) ? v : {});

/** Trimmed text; numbers become text; anything else ''. */
export const text = (v: unknown): string => (typeof v == 'string' ? v.trim() : typeof v == 'number' && isFinite(v) ? '' + v : '');

export const textOrNull = (v: unknown): string | null => text(v) || null;

/** A finite number (numeric strings accepted), else null. */
export const num = (v: unknown): number | null => {
  const n = typeof v == 'string' && v.trim() ? +v : v;
  return typeof n == 'number' && isFinite(n) ? n : null;
};

/** A number with |n| ≤ limit, else null. */
export const within = (v: unknown, limit: number): number | null => {
  const n = num(v);
  return n !== null && Math.abs(n) <= limit ? n : null;
};

/** An ISO 8601 date-time (what DRF sends); other strings are not trusted to Date's lenient parser. */
export const date = (v: unknown): Date | null => {
  const s = text(v);
  const d = /^\d{4}-\d\d-\d\d/.test(s) ? new Date(s) : null;
  return d && !isNaN(+d) ? d : null;
};

/** Non-empty trimmed strings of an array, or of a comma/semicolon-separated string. */
export const texts = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(text) : text(v).split(/[,;]/).map((s) => s.trim())).filter(Boolean);

export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** A UUID, lower-cased, else null. */
export const uuid = (v: unknown): string | null => {
  const s = text(v).toLowerCase();
  return isUuid(s) ? s : null;
};

