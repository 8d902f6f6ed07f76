/**
 * Tolerant parsing helpers and the parsers the activity feed needs (the other records' parsers live
 * beside their fetchers, in modules the client loads on first use). A bad field becomes
 * null/''/[]; only a body of the wrong shape (not an object, a page without `results`, an activity
 * without an id) throws `ArcApiError('invalid-response')`.
 */
import { ArcApiError } from './errors.js';
import type { Activity, ActivityLink, Page } from './records.js';

export * from './json.js';
import { isObject, text, textOrNull, num, within, date, texts, uuid, obj, type Json } from './json.js';

export const invalidResponse = (message: string) => new ArcApiError('invalid-response', message);

/** The URL, normalised, if it is absolute http(s); anything else (javascript:, data:, relative, garbage) null. */
export function safeHttpUrl(s: unknown): string | null {
  try {
    const url = new URL(text(s));
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The value as an object, or an `invalid-response` error naming what was expected. */
export function expectObject(v: unknown, what: string): Json {
  if (!isObject(v)) throw invalidResponse(`The server sent an unexpected answer: ${what} is not an object.`);
  return v;
}

/** RA/Dec in degrees from `{right_ascension, declination}`; RA in hours when `right_ascension_units` says so. */
export function raDec(v: unknown): { ra: number; dec: number; epoch: number | null } | null {
  if (!isObject(v)) return null;
  const hours = /^h/i.test(text(v.right_ascension_units));
  const ra = within(v.right_ascension, hours ? 24 : 360);
  const dec = within(v.declination, 90);
  if (ra === null || ra < 0 || dec === null) return null;
  return { ra: (hours ? ra * 15 : ra) % 360, dec, epoch: num(v.epoch) };
}

/** A DRF page; each item goes through `item`, and items that cannot be parsed at all are dropped. */
export function parsePage<T>(json: unknown, item: (v: unknown) => T): Page<T> {
  const o = expectObject(json, 'the page');
  if (!Array.isArray(o.results)) throw invalidResponse('The server sent a page without a results list.');
  const results: T[] = [];
  for (const r of o.results) {
    try {
      results.push(item(r));
    } catch {
      // One broken record must not hide the others.
    }
  }
  return { count: num(o.count) ?? results.length, next: safeHttpUrl(o.next), previous: safeHttpUrl(o.previous), results };
}

const personName = (p: unknown): string =>
  isObject(p) ? [p.first_name, p.middle_name, p.last_name].map(text).filter(Boolean).join(' ') : text(p);

function parseLinks(v: unknown): ActivityLink[] {
  const links: ActivityLink[] = [];
  for (const l of Array.isArray(v) ? v : []) {
    const url = safeHttpUrl(isObject(l) ? l.url : l);
    if (url) links.push({ title: text(obj(l).title) || new URL(url).hostname, url });
  }
  return links;
}

export function parseActivity(json: unknown): Activity {
  const o = expectObject(json, 'the activity');
  const id = num(o.id);
  if (id === null) throw invalidResponse('The server sent an activity without an id.');
  let programme: Activity['programme'] = null;
  const p = o.programme;
  if (isObject(p)) {
    const people = Array.isArray(p.investigators) ? p.investigators.map(personName).filter(Boolean) : [];
    const investigators = people.length ? people : texts(p.investigators_list);
    const identifier = textOrNull(p.identifier);
    const title = textOrNull(p.title);
    const abstract = textOrNull(p.abstract);
    if (identifier || title || abstract || investigators.length)
      programme = { identifier, title, investigators, abstract, abstractUrl: safeHttpUrl(p.abstract_url), fullDetailsUrl: safeHttpUrl(p.full_details_url) };
  }
  const c = raDec(o.coordinates);
  return {
    id,
    creationDate: date(o.creation_date),
    date: date(o.date),
    title: text(o.title),
    content: text(o.content),
    label: text(o.label),
    profile: textOrNull(o.profile),
    satellite: textOrNull(o.satellite),
    siteUuid: uuid(o.observing_site),
    telescopeUuid: uuid(o.telescope),
    instrumentUuid: uuid(o.instrument),
    programme,
    programmeType: textOrNull(o.programme_type),
    targetName: textOrNull(o.target_name),
    coordinates: c && { ra: c.ra, dec: c.dec },
    organisation: textOrNull(o.organisation),
    links: parseLinks(o.links),
  };
}

export const parseActivityPage = (json: unknown): Page<Activity> => parsePage(json, parseActivity);
