/**
 * Records looked up by id or name (observing sites, telescopes, instruments, named objects, site weather),
 * the site search behind `site="Paranal"`, and reading activities across pages. The `ArcClient` methods of
 * the same names load this module on first use, so an element that only shows the live feed does not carry it.
 */
import { ArcApiError } from './errors.js';
import { RECORD_TTL, type ArcClient } from './client.js';
import {
  date,
  expectObject,
  invalidResponse,
  isObject,
  isUuid,
  num,
  obj,
  parseActivityPage,
  parsePage,
  raDec,
  safeHttpUrl,
  text,
  textOrNull,
  texts,
  uuid,
  within,
} from './parse.js';
import type { Activity, AstronomicalObject, Instrument, ObservingSite, Page, Telescope, WeatherCondition } from './records.js';

const invalid = (message: string) => new ArcApiError('invalid-input', message);

const zones = new Map<string, boolean>();
/** The IANA zone if this runtime's Intl knows it (an unknown zone would throw later, inside Intl). */
export function timeZoneOrNull(v: unknown): string | null {
  const zone = text(v);
  if (zone && !zones.has(zone)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      zones.set(zone, true);
    } catch {
      zones.set(zone, false);
    }
  }
  return zones.get(zone) ? zone : null;
}

/** `{latitude, longitude, height}`: longitude east-positive normalised to -180…180 (some sources use 0…360). */
function place(v: unknown) {
  const c = obj(v);
  const lon = within(c.longitude, 360);
  return {
    latitude: within(c.latitude, 90),
    longitude: lon === null ? null : lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon,
    elevation: within(c.height, 1e4),
  };
}

export function parseSite(json: unknown): ObservingSite {
  const o = expectObject(json, 'the observing site');
  const id = uuid(o.uuid);
  if (!id) throw invalidResponse('The server sent an observing site without a UUID.');
  const a = obj(o.address);
  return {
    uuid: id,
    name: text(o.name),
    nickname: textOrNull(o.nickname),
    alternateNames: texts(o.alternate_names),
    iauCode: textOrNull(o.IAUCode),
    acronym: textOrNull(o.acronym),
    homepageUrl: safeHttpUrl(o.homepage_url),
    ...place(o.coordinates),
    timeZone: timeZoneOrNull(a.time_zone_id),
    country: textOrNull(a.country),
    continent: textOrNull(a.continent),
    telescopes: texts(o.telescopes),
  };
}

export const parseSitePage = (json: unknown): Page<ObservingSite> => parsePage(json, parseSite);

const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map(num).filter((n): n is number => n !== null) : []);

export function parseTelescope(json: unknown): Telescope {
  const o = expectObject(json, 'the telescope');
  let horizonMask: Telescope['horizonMask'] = null;
  for (const m of Array.isArray(o.horizon_masks) ? o.horizon_masks.map(obj) : []) {
    const azimuth = numbers(m.azimuth_values);
    const altitude = numbers(m.altitude_values);
    if (!horizonMask && azimuth.length > 1 && azimuth.length == altitude.length) horizonMask = { azimuth, altitude };
  }
  return {
    uuid: text(o.uuid),
    name: text(o.name),
    acronym: textOrNull(o.acronym),
    alias: textOrNull(o.alias),
    siteUuid: uuid(o.observing_site),
    ...place(o.coordinates),
    instruments: texts(o.instruments),
    mounting: textOrNull(o.mounting),
    opticalDesign: textOrNull(o.optical_design),
    mirrorDiameters: numbers(Array.isArray(o.mirrors) ? o.mirrors.map((m) => obj(m).diameter) : []).filter((d) => d > 0),
    horizonMask,
  };
}

export function parseInstrument(json: unknown): Instrument {
  const o = expectObject(json, 'the instrument');
  const a = o.archive;
  return {
    uuid: text(o.uuid),
    name: text(o.name),
    acronym: textOrNull(o.acronym),
    telescopeUuid: uuid(o.telescope),
    satellite: textOrNull(o.satellite),
    archive: isObject(a) ? { name: textOrNull(a.name), portalUrl: safeHttpUrl(a.portal_url) } : null,
  };
}

/** Proper motion in mas/yr; the API states a unit per component (`mas/yr` usual; arcsec/yr converted). */
function masPerYear(value: unknown, unit: unknown): number | null {
  const n = num(value);
  return n !== null && /^(arc)?sec|^as\b|^"/i.test(text(unit)) ? n * 1000 : n;
}

/** `/objects/{name}/` → record. Coordinates from `equatorial_coordinates`, else the older `ICRS_coordinates` or `coordinates`. */
export function parseObject(json: unknown): AstronomicalObject {
  const o = expectObject(json, 'the object');
  const c = raDec(o.equatorial_coordinates) ?? raDec(o.ICRS_coordinates) ?? raDec(o.coordinates);
  const pm = obj(o.proper_motion);
  return {
    name: text(o.name),
    ra: c?.ra ?? null,
    dec: c?.dec ?? null,
    epoch: c?.epoch ?? null,
    pmRa: masPerYear(pm.value_right_ascension, pm.value_right_ascension_unit),
    pmDec: masPerYear(pm.value_declination, pm.value_declination_unit),
    aliases: Array.isArray(o.aliases) ? texts(o.aliases.map((a) => obj(a).name ?? a)) : [],
    types: Array.isArray(o.object_types) ? texts(o.object_types) : [],
  };
}

const WEATHER_NUMBERS = [
  'wind_direction', 'wind_speed', 'seeing', 'relative_humidity', 'temperature', 'apparent_temperature', 'dew_point',
  'precipitation_intensity', 'precipitation_probability', 'pressure', 'cloud_cover', 'uv_index', 'visibility', 'ozone',
];

/** `/observingsites/{uuid}/weather/` → record; every number nullable. */
export function parseWeather(json: unknown): WeatherCondition {
  const o = expectObject(json, 'the weather record');
  const w: Record<string, unknown> = {
    date: date(o.date),
    comment: textOrNull(o.comment),
    icon: textOrNull(o.icon),
    source: textOrNull(o.source),
    siteUuid: uuid(o.observing_site),
  };
  for (const k of WEATHER_NUMBERS) w[k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())] = num(o[k]);
  return w as unknown as WeatherCondition;
}

/** `{route}{id}/`, cached 6 h; `label` names it in messages (“Telescope “x” not found.”). */
function record<T>(client: ArcClient, route: string, what: string, id: string, parse: (json: unknown) => T, signal?: AbortSignal | null) {
  const key = text(id);
  if (!key) return Promise.reject(invalid(`No ${what.toLowerCase()} given.`));
  return client.get(`${route}${encodeURIComponent(key)}/`, { signal, ttl: RECORD_TTL, parse, label: `${what} “${key}”` });
}

export const telescope = (client: ArcClient, uuidOrAlias: string, signal?: AbortSignal | null): Promise<Telescope> =>
  record(client, '/telescopes/', 'Telescope', uuidOrAlias, parseTelescope, signal);

export const instrument = (client: ArcClient, uuid: string, signal?: AbortSignal | null): Promise<Instrument> =>
  record(client, '/instruments/', 'Instrument', uuid, parseInstrument, signal);

/** Unknown name → `not-found`; a name matching several objects (HTTP 300) → `invalid-input`. */
export const object = (client: ArcClient, name: string, signal?: AbortSignal | null): Promise<AstronomicalObject> =>
  record(client, '/objects/', 'Object', name, parseObject, signal);

/** A UUID as the API writes it (lower case), or an `invalid-input` error. */
function siteUuid(v: string): string {
  const id = text(v).toLowerCase();
  if (!isUuid(id)) throw invalid(`“${v}” is not an observing site UUID.`);
  return id;
}

/** From the loaded site list when there is one, else `/observingsites/{uuid}/` (cached). */
export async function site(client: ArcClient, uuid: string, signal?: AbortSignal | null): Promise<ObservingSite> {
  const id = siteUuid(uuid);
  const list = client.siteList;
  const listed = list && list.expires > Date.now() && list.sites.find((s) => s.uuid == id);
  return listed || client.get(`/observingsites/${id}/`, { signal, ttl: RECORD_TTL, parse: parseSite, label: `Observing site ${id}` });
}

/** Latest weather record of a site, cached 10 min. */
export async function weather(client: ArcClient, uuid: string, signal?: AbortSignal | null): Promise<WeatherCondition> {
  const id = siteUuid(uuid);
  return client.get(`/observingsites/${id}/weather/`, { signal, ttl: 6e5, parse: parseWeather, label: `Weather for site ${id}` });
}

/** Pages of 100 read at most (the real list is a few hundred sites). */
const MAX_SITE_PAGES = 20;

/** `Fôo-Bär  X` → `foo-bar x`: for case- and accent-insensitive matching. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** All pages of `/observingsites/`, remembered on the client for 6 h; each page is fetched once however many callers. */
export async function loadSites(client: ArcClient, signal?: AbortSignal | null): Promise<ObservingSite[]> {
  const known = client.siteList;
  if (known && known.expires > Date.now()) return known.sites;
  const sites: ObservingSite[] = [];
  for (let page = 1; page <= MAX_SITE_PAGES; page++) {
    // By page number rather than `next`: through a proxy, `next` may name the upstream host.
    const p = await client.get('/observingsites/', { signal, query: { page, page_size: 100 }, ttl: RECORD_TTL, parse: parseSitePage });
    sites.push(...p.results);
    if (!p.next) break;
  }
  client.siteList = { sites, expires: Date.now() + RECORD_TTL };
  return sites;
}

/** The first site whose IAU code, name, nickname, acronym or an alternate name equals the query, folded. */
export function findSite(sites: ObservingSite[], query: string): ObservingSite | undefined {
  const wanted = fold(query);
  return sites.find((s) => [s.iauCode, s.name, s.nickname, s.acronym, ...s.alternateNames].some((k) => k && fold(k) == wanted));
}

/**
 * Sites whose name, nickname or an alternate name contains the query as whole words (`Paranal`, `roque de los`,
 * `Mauna`), for a query that names no site exactly. Words are compared folded (case and accents ignored).
 */
export function sitesContaining(sites: ObservingSite[], query: string): ObservingSite[] {
  const wanted = ` ${fold(query).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  if (wanted.trim().length < 3) return [];
  const words = (k: string) => ` ${fold(k).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  return sites.filter((s) => [s.name, s.nickname, ...s.alternateNames].some((k) => k && words(k).includes(wanted)));
}

export async function resolveSite(client: ArcClient, query: string, signal?: AbortSignal | null): Promise<ObservingSite> {
  const q = text(query);
  if (!q) throw invalid('No observing site given: use its UUID, IAU code or name.');
  if (isUuid(q)) return client.site(q, signal);
  const sites = await loadSites(client, signal);
  const found = findSite(sites, q);
  if (found) return found;
  // No exact name: a part of one, when it points to a single site (“Paranal”, “Roque de los Muchachos”).
  const partial = sitesContaining(sites, q);
  if (partial.length == 1) return partial[0];
  if (partial.length > 1) {
    const names = partial.slice(0, 4).map((s) => `“${s.name}”`).join(', ') + (partial.length > 4 ? ', …' : '');
    throw invalid(`“${q}” matches ${partial.length} observing sites (${names}). Use the full name, the nickname or the IAU code.`);
  }
  throw new ArcApiError('not-found', `No observing site matches “${q}”. Use its UUID, IAU code or name.`);
}

/** Activities newest first across pages, following `next` (on the base's origin only), at most `maxPages`. */
export async function* activities(
  client: ArcClient,
  { pageSize = 20, maxPages = 10, signal }: { pageSize?: number; maxPages?: number; signal?: AbortSignal | null } = {},
): AsyncGenerator<Activity> {
  const seen = new Set<number>();
  let page = await client.activitiesPage({ pageSize, signal });
  for (let n = 1; ; n++) {
    for (const a of page.results) {
      // Page contents shift when activities arrive between two requests: skip what was already given.
      if (!seen.has(a.id)) yield a;
      seen.add(a.id);
    }
    if (!page.next || n >= maxPages || new URL(page.next).origin != new URL(client.api).origin) return;
    page = await client.get(page.next, { signal, parse: parseActivityPage });
  }
}
