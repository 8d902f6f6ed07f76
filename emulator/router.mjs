// @ts-check
// The Arcsecond API routes: resolve a path to a handler, with DRF's answers for what goes wrong
// (404 {"detail": "Not found."}, 405 for other methods, 300 for an ambiguous object name).
import { objectCoordinates, objectRecord } from './data.mjs';
import { HttpError, paginate } from './http.mjs';
import { siteWeather } from './weather.mjs';

/**
 * @typedef {import('./data.mjs').EmulatorData} EmulatorData
 * @typedef {import('./activities.mjs').ActivityStore} ActivityStore
 * @typedef {{data: EmulatorData, activities: ActivityStore, seed: number, clock: () => number}} RouteContext
 * @typedef {(url: URL) => unknown} Handler  returns the JSON body of a 200 answer, or throws HttpError
 */

const NOT_FOUND = 'Not found.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The handler for a path, or null when no route has that shape.
 * Every route ends with a slash (as the real service's do).
 * @param {string} pathname
 * @param {RouteContext} ctx
 * @returns {Handler | null}
 */
export function resolveRoute(pathname, ctx) {
  if (!pathname.endsWith('/')) return null;
  /** @type {string[]} */
  let parts;
  try {
    parts = pathname.slice(1, -1).split('/').map(decodeURIComponent);
  } catch {
    return null; // malformed percent-encoding
  }
  if (parts.some((p) => p === '')) return null;
  const { data, activities } = ctx;
  const [first, second, third] = parts;

  switch (first) {
    case 'observingsites':
      if (parts.length === 1) return (url) => paginate(data.sites, url);
      if (parts.length === 2) return () => site(ctx, second);
      if (parts.length === 3 && third === 'weather') return () => siteWeather(site(ctx, second), ctx.seed, ctx.clock());
      if (parts.length === 3 && third === 'telescopes') {
        return (url) => paginate(site(ctx, second).telescopes.map((uuid) => data.telescopeByUuid.get(uuid)), url);
      }
      return null;
    case 'telescopes':
      if (parts.length === 1) return (url) => paginate(data.telescopes, url);
      if (parts.length === 2) return () => found(data.findTelescope(second));
      return null;
    case 'instruments':
      if (parts.length === 1) return () => data.instruments.map(instrumentRecord);
      if (parts.length === 2) return () => instrumentRecord(found(data.instrumentByUuid.get(second.toLowerCase())));
      return null;
    case 'objects':
      if (parts.length === 1) return () => data.objects.map(objectRecord);
      if (parts.length === 2) return () => objectRecord(object(ctx, second));
      if (parts.length === 3 && third === 'coordinates') return () => objectCoordinates(object(ctx, second));
      return null;
    case 'activities':
      if (parts.length === 1) return (url) => paginate(activities.all(), url);
      if (parts.length === 2) {
        return () => found(/^\d+$/.test(second) ? activities.byId(Number(second)) : undefined);
      }
      return null;
    case 'organisations':
      if (parts.length === 2) return () => organisationRecord(found(data.organisationBySubdomain.get(second)));
      return null;
    default:
      break;
  }
  // Organisation portals: /<subdomain>/activities/, /<subdomain>/observingsites/, /<subdomain>/telescopes/.
  if (parts.length === 2 && ['activities', 'observingsites', 'telescopes'].includes(second)) {
    return (url) => {
      const organisation = found(data.organisationBySubdomain.get(first));
      if (second === 'activities') return paginate(activities.ofOrganisation(organisation.subdomain), url);
      const sites = organisation.observing_sites.map((uuid) => found(data.siteByUuid.get(uuid)));
      if (second === 'observingsites') return sites;
      return sites.flatMap((s) => s.telescopes.map((uuid) => data.telescopeByUuid.get(uuid)));
    };
  }
  return null;
}

/**
 * @template T
 * @param {T | undefined | null} value
 * @returns {T}
 */
function found(value) {
  if (value === undefined || value === null) throw new HttpError(404, NOT_FOUND);
  return value;
}

/** @param {RouteContext} ctx @param {string} uuid */
function site(ctx, uuid) {
  if (!UUID.test(uuid)) throw new HttpError(404, NOT_FOUND);
  return found(ctx.data.siteByUuid.get(uuid.toLowerCase()));
}

/**
 * One object by name or alias. Several matches answer 300 Multiple Choices, as the old service did.
 * @param {RouteContext} ctx @param {string} name
 */
function object(ctx, name) {
  const matches = ctx.data.findObjects(name);
  if (matches.length === 0) throw new HttpError(404, NOT_FOUND);
  if (matches.length > 1) {
    throw new HttpError(300, `Multiple objects match the name "${name}".`, { choices: matches.map((m) => m.name) });
  }
  return matches[0];
}

/** The `Instrument` record (without our generator's private fields). @param {import('./data.mjs').Instrument} instrument */
function instrumentRecord(instrument) {
  const { satellite_name: _satelliteName, ...record } = instrument;
  return record;
}

/** @param {import('./data.mjs').Organisation} organisation */
function organisationRecord(organisation) {
  return {
    subdomain: organisation.subdomain,
    name: organisation.name,
    short_name: organisation.short_name,
    homepage_url: organisation.homepage_url,
    country: organisation.country,
    observing_sites: organisation.observing_sites,
  };
}
