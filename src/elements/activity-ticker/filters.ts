/**
 * The ticker's client-side filters (the API documents no list filters). Pure and DOM-free: the element
 * resolves site/telescope/instrument references to UUIDs through the client, then matches with `matches`.
 * Reading `near` needs the coordinate parser, so it lives in near.ts, loaded only when that attribute is set.
 */
import type { Activity } from '../../api/records.js';

/** A cone on the sky: centre (ICRS degrees) and radius in degrees. */
export interface Cone {
  ra: number;
  dec: number;
  radius: number;
}

/** Filters with references already resolved; a null field does not filter. */
export interface ActivityFilter {
  siteUuid?: string | null;
  telescopeUuid?: string | null;
  instrumentUuid?: string | null;
  /** Satellite name, compared case- and accent-insensitively. */
  satellite?: string | null;
  /** Programme identifier prefix, case-insensitive. */
  programme?: string | null;
  /** Text the target name must contain, case- and accent-insensitive. */
  target?: string | null;
  near?: Cone | null;
  /** Organisation subdomain; live activities of other organisations are dropped. */
  organisation?: string | null;
}

const DEG = Math.PI / 180;

/**
 * Case- and accent-insensitive form for matching. The API layer's `fold` lives in its lazily loaded lookups
 * module; importing it would pull that module into the ticker's first chunk, so this one line is repeated.
 */
const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Whether a position lies within the cone (cosine of the separation against cosine of the radius). */
export function inCone(cone: Cone, ra: number, dec: number): boolean {
  const cos =
    Math.sin(cone.dec * DEG) * Math.sin(dec * DEG) + Math.cos(cone.dec * DEG) * Math.cos(dec * DEG) * Math.cos((ra - cone.ra) * DEG);
  return cos >= Math.cos(cone.radius * DEG) - 1e-12;
}

/** Whether one activity passes every filter that is set. */
export function matches(a: Activity, f: ActivityFilter): boolean {
  const has = (want: string | null | undefined, value: string | null | undefined, how: (v: string, w: string) => boolean) =>
    !want || (!!value && how(fold(value), fold(want)));
  const equal = (v: string, w: string) => v === w;
  return (
    (!f.siteUuid || a.siteUuid === f.siteUuid) &&
    (!f.telescopeUuid || a.telescopeUuid === f.telescopeUuid) &&
    (!f.instrumentUuid || a.instrumentUuid === f.instrumentUuid) &&
    has(f.satellite, a.satellite, equal) &&
    has(f.organisation, a.organisation, equal) &&
    has(f.programme, a.programme?.identifier, (v, w) => v.startsWith(w)) &&
    has(f.target, a.targetName, (v, w) => v.includes(w)) &&
    (!f.near || (!!a.coordinates && inCone(f.near, a.coordinates.ra, a.coordinates.dec)))
  );
}

/** Whether any filter is set (the snapshot then reads further back). */
export const isFiltering = (f: ActivityFilter): boolean => Object.values(f).some((v) => v != null && v !== '');
