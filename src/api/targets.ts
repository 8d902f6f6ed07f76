/**
 * Targets as page authors write them (`M42; NGC 253; 83.82 -5.39`): parsing and name resolution, plus (re-exported
 * from format.ts) the sexagesimal formatting every element shares. Pure; the only I/O goes through the client passed in.
 */
import { ArcApiError, toArcError } from './errors.js';
import type { ArcClient } from './client.js';

export { formatDec, formatRA } from './format.js';

export interface EquatorialCoordinates {
  /** Degrees, 0 ≤ ra < 360. */
  ra: number;
  /** Degrees, -90…90. */
  dec: number;
}

export type TargetSpec =
  | { input: string; kind: 'coordinates'; ra: number; dec: number; /** From the `label: ra dec` / `label = ra dec` form. */ name?: string }
  | { input: string; kind: 'name'; name: string }
  | { input: string; kind: 'invalid'; error: ArcApiError };

export interface ResolvedTarget {
  name: string;
  ra: number;
  dec: number;
  /** mas/yr, when the resolver knows them. */
  pmRa?: number;
  pmDec?: number;
}

export type TargetResult = { ok: true; input: string; target: ResolvedTarget } | { ok: false; input: string; error: ArcApiError };

const invalid = (message: string) => new ArcApiError('invalid-input', message);

/** Typographic minus, primes and double primes as plain ASCII. */
const plain = (s: string) =>
  s.replace(/[−–—]/g, '-').replace(/[′’]/g, "'").replace(/[″”]|''/g, '"').trim();

const COORDINATE_CHARS = /^[\s\d+\-.:,hdms°'"]+$/i;

/** Starts like a number and uses only characters coordinates use (so `M42` or `3C 273` are names). */
export const looksLikeCoordinates = (s: string): boolean => {
  const t = plain(s);
  return /^[+-]?[\d.]/.test(t) && COORDINATE_CHARS.test(t);
};

/** One coordinate: [sign, value in its own unit, whether the text marks/implies hours]. */
function angle(part: string, isRa: boolean, bad: () => ArcApiError): { value: number; hours: boolean; negative: boolean } {
  const s = part.trim();
  const negative = s.startsWith('-');
  const body = s.replace(/^[+-]\s*/, '');
  const fields = body.split(/[\s:hdms°'"]+/i).filter(Boolean);
  if (
    !fields.length ||
    fields.length > 3 ||
    /[+-]/.test(body) ||
    (!isRa && /h/i.test(body)) ||
    fields.some((f, i) => !/^(\d+(\.\d*)?|\.\d+)$/.test(f) || (i < fields.length - 1 && f.includes('.')))
  )
    throw bad();
  const [whole, minutes = 0, seconds = 0] = fields.map(Number);
  if (minutes >= 60 || seconds >= 60) throw invalid(`Minutes and seconds must be below 60 in “${s}”.`);
  // Sexagesimal RA is in hours unless marked as degrees; a single number is degrees unless marked `h`.
  const hours = isRa && (fields.length > 1 ? !/[d°]/i.test(body) : /h/i.test(body));
  return { value: whole + minutes / 60 + seconds / 3600, hours, negative };
}

/**
 * RA and Dec from text: decimal degrees `83.82 -5.39`, sexagesimal `05:35:17.3 -05:23:28` (RA in hours),
 * `05h35m17s -05d23m28s`, `5 35 17 -5 23 28`, or the two separated by a comma. Returns degrees;
 * throws `ArcApiError('invalid-input')` with a message saying what is wrong.
 */
export function parseCoordinates(text: string): EquatorialCoordinates {
  const raw = String(text ?? '').trim();
  if (!raw) throw invalid('No coordinates given.');
  const bad = () =>
    invalid(`Could not read “${raw}” as coordinates: give RA and Dec, e.g. “83.82 -5.39” (degrees) or “05:35:17.3 -05:23:28” (RA in hours).`);
  // A sign glued to the RA (`83.8-5.4`) also starts the Dec.
  const t = plain(raw).replace(/([^\s,+-])([+-])/g, '$1 $2');
  if (!COORDINATE_CHARS.test(t)) throw bad();
  let parts: string[];
  if (t.includes(',')) parts = t.split(',');
  else {
    const tokens = t.split(/\s+/);
    let split = tokens.findIndex((tok, i) => i > 0 && /^[+-]/.test(tok));
    if (split < 0) {
      if (tokens.length % 2) throw bad();
      split = tokens.length / 2;
    }
    parts = [tokens.slice(0, split).join(' '), tokens.slice(split).join(' ')];
  }
  if (parts.length !== 2) throw bad();

  const r = angle(parts[0], true, bad);
  if (r.negative) throw invalid(`RA cannot be negative (“${parts[0].trim()}”).`);
  if (r.value > (r.hours ? 24 : 360))
    throw invalid(`RA “${parts[0].trim()}” is out of range: ${r.hours ? '0–24 h' : '0–360°'}.`);
  const d = angle(parts[1], false, bad);
  if (d.value > 90) throw invalid(`Dec “${parts[1].trim()}” is out of range: −90° to +90°.`);
  return { ra: (r.hours ? r.value * 15 : r.value) % 360, dec: d.negative ? -d.value : d.value };
}

/** One item of a target list: coordinates, `label: coordinates` / `label = coordinates`, or a name to resolve. */
export function parseTarget(text: string): TargetSpec {
  const input = String(text ?? '').trim();
  // A label needs a character coordinates never use, so `05:35:17 -05:23:28` is not read as label `05`.
  const labelled = /^([^=:]*[^\s\d+\-−.:,hdms°'"′″][^=:]*?)\s*[=:]\s*(.+)$/i.exec(input);
  const name = labelled && looksLikeCoordinates(labelled[2]) ? labelled[1].trim() : undefined;
  const coords = name ? labelled![2] : input;
  if (!looksLikeCoordinates(coords)) return input ? { input, kind: 'name', name: input } : { input, kind: 'invalid', error: invalid('Empty target.') };
  try {
    return { input, kind: 'coordinates', ...parseCoordinates(coords), ...(name ? { name } : {}) };
  } catch (e) {
    return { input, kind: 'invalid', error: toArcError(e) };
  }
}

/** `M42; NGC 253; 83.82 -5.39` → one spec per `;`-separated item (empty items skipped). */
export function parseTargetList(text: string): TargetSpec[] {
  return String(text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseTarget);
}

/**
 * Coordinates for every spec, names resolved concurrently through `client.object` (cached and de-duplicated
 * there). Each failure is that item's own error; rejects only when `signal` aborts.
 */
export async function resolveTargets(
  client: Pick<ArcClient, 'object'>,
  specs: TargetSpec[] | string,
  signal?: AbortSignal | null,
): Promise<TargetResult[]> {
  const list = typeof specs === 'string' ? parseTargetList(specs) : specs;
  const results = await Promise.all(
    list.map(async (s): Promise<TargetResult> => {
      const { input } = s;
      if (s.kind === 'invalid') return { ok: false, input, error: s.error };
      if (s.kind === 'coordinates') return { ok: true, input, target: { name: s.name ?? input, ra: s.ra, dec: s.dec } };
      try {
        const o = await client.object(s.name, signal);
        if (o.ra === null || o.dec === null) throw new ArcApiError('invalid-response', `No coordinates are known for “${s.name}”.`);
        const target: ResolvedTarget = { name: s.name, ra: o.ra, dec: o.dec };
        if (o.pmRa !== null) target.pmRa = o.pmRa;
        if (o.pmDec !== null) target.pmDec = o.pmDec;
        return { ok: true, input, target };
      } catch (e) {
        return { ok: false, input, error: toArcError(e) };
      }
    }),
  );
  if (signal?.aborted) throw new ArcApiError('aborted', 'The request was cancelled.');
  return results;
}
