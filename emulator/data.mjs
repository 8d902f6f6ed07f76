// @ts-check
// Seed data: observing sites, telescopes, instruments, astronomical objects and organisations,
// loaded once from ./data/*.json, indexed, and shaped as the API's records.
import { readFileSync } from 'node:fs';

const DATA_DIR = new URL('./data/', import.meta.url);

/** @param {string} file */
function readJson(file) {
  return JSON.parse(readFileSync(new URL(file, DATA_DIR), 'utf8'));
}

/**
 * @typedef {{longitude: number, latitude: number, height: number}} Coordinates
 * @typedef {{uuid: string, name: string, IAUCode: string, coordinates: Coordinates,
 *   address: {time_zone_id: string, country: string, continent: string} & Record<string, unknown>,
 *   telescopes: string[]} & Record<string, unknown>} Site
 * @typedef {{uuid: string, name: string, acronym: string, alias: string, observing_site: string,
 *   instruments: string[], mirrors: {diameter: number|null}[]} & Record<string, unknown>} Telescope
 * @typedef {{uuid: string, name: string, acronym: string, telescope: string|null, satellite: string|null,
 *   satellite_name?: string} & Record<string, unknown>} Instrument
 * @typedef {{name: string, aliases: string[], object_types: string[], right_ascension: number,
 *   declination: number, proper_motion?: {right_ascension: number, declination: number},
 *   parallax?: number, magnitude_v?: number, spectral_type?: string,
 *   coordinates_key?: 'ICRS_coordinates'|'coordinates'}} CatalogueObject
 * @typedef {{subdomain: string, name: string, short_name: string, homepage_url: string, country: string,
 *   observing_sites: string[]}} Organisation
 */

/**
 * Lookup key for object names: case-, space-, punctuation- and accent-insensitive
 * (`M 42`, `m42`, `M-42` and `Orion Nebula`/`orion  nebula` compare equal; `Liège` = `Liege`).
 * @param {string} name
 */
export function nameKey(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}*+]/gu, '');
}

/** Everything the emulator serves that does not change while it runs. */
export function loadData() {
  /** @type {Site[]} */
  const sites = readJson('observing-sites.json');
  /** @type {Telescope[]} */
  const telescopesRaw = readJson('telescopes.json');
  /** @type {Instrument[]} */
  const instruments = readJson('instruments.json');
  /** @type {CatalogueObject[]} */
  const objects = readJson('objects.json');
  /** @type {Organisation[]} */
  const organisations = readJson('organisations.json');
  /** @type {Record<string, {acronym: string, alias: string}>} */
  const telescopeAliases = readJson('telescope-aliases.json');

  /** @type {Map<string, string[]>} telescope uuid -> instrument uuids */
  const instrumentsByTelescope = new Map();
  for (const instrument of instruments) {
    if (!instrument.telescope) continue;
    const list = instrumentsByTelescope.get(instrument.telescope) ?? [];
    list.push(instrument.uuid);
    instrumentsByTelescope.set(instrument.telescope, list);
  }

  // The seed telescopes have no instruments, acronyms or aliases: add ours when serving.
  /** @type {Telescope[]} */
  const telescopes = telescopesRaw.map((telescope) => ({
    ...telescope,
    acronym: telescopeAliases[telescope.uuid]?.acronym ?? telescope.acronym,
    alias: telescopeAliases[telescope.uuid]?.alias ?? telescope.alias,
    instruments: instrumentsByTelescope.get(telescope.uuid) ?? [],
  }));

  const siteByUuid = new Map(sites.map((s) => [s.uuid, s]));
  const telescopeByUuid = new Map(telescopes.map((t) => [t.uuid, t]));
  const instrumentByUuid = new Map(instruments.map((i) => [i.uuid, i]));
  /** @type {Map<string, Telescope>} lower-cased alias -> telescope */
  const telescopeByAlias = new Map();
  for (const t of telescopes) if (t.alias) telescopeByAlias.set(t.alias.toLowerCase(), t);

  /** @type {Map<string, CatalogueObject[]>} name key -> objects answering to it */
  const objectsByKey = new Map();
  for (const object of objects) {
    const keys = new Set([object.name, ...object.aliases].map(nameKey));
    for (const key of keys) {
      const list = objectsByKey.get(key) ?? [];
      list.push(object);
      objectsByKey.set(key, list);
    }
  }

  const organisationBySubdomain = new Map(organisations.map((o) => [o.subdomain, o]));
  /** @type {Map<string, string>} site uuid -> organisation subdomain */
  const organisationOfSite = new Map();
  for (const organisation of organisations) {
    for (const siteUuid of organisation.observing_sites) organisationOfSite.set(siteUuid, organisation.subdomain);
  }

  return {
    sites,
    telescopes,
    instruments,
    objects,
    organisations,
    siteByUuid,
    telescopeByUuid,
    instrumentByUuid,
    organisationBySubdomain,
    organisationOfSite,
    /**
     * Resolve a telescope by UUID or alias (case-insensitive).
     * @param {string} key
     */
    findTelescope(key) {
      return telescopeByUuid.get(key.toLowerCase()) ?? telescopeByAlias.get(key.toLowerCase());
    },
    /**
     * All catalogue objects answering to a name (name or alias). Several means ambiguous.
     * @param {string} name
     * @returns {CatalogueObject[]}
     */
    findObjects(name) {
      const key = nameKey(name);
      return key ? objectsByKey.get(key) ?? [] : [];
    },
  };
}

/** @typedef {ReturnType<typeof loadData>} EmulatorData */

/**
 * The `AstronomicalObject` record for a catalogue entry. Most use `equatorial_coordinates`;
 * the entries marked `coordinates_key` use one of the historical key names instead.
 * @param {CatalogueObject} object
 */
export function objectRecord(object) {
  const ra = object.right_ascension;
  const dec = object.declination;
  /** @type {Record<string, unknown>} */
  const record = {
    name: object.name,
    source: 'Simbad',
  };
  if (object.coordinates_key === 'ICRS_coordinates') {
    record.ICRS_coordinates = { right_ascension: ra, declination: dec };
  } else if (object.coordinates_key === 'coordinates') {
    record.coordinates = { right_ascension: ra, declination: dec, right_ascension_units: 'degrees' };
  } else {
    record.equatorial_coordinates = { right_ascension: ra, declination: dec, epoch: 2000 };
  }
  if (object.spectral_type) record.spectral_type = { id: idOf(object.name, 'sp'), value: object.spectral_type };
  if (object.proper_motion) {
    record.proper_motion = {
      id: idOf(object.name, 'pm'),
      value_right_ascension: object.proper_motion.right_ascension,
      value_declination: object.proper_motion.declination,
      value_right_ascension_unit: 'mas/yr',
      value_declination_unit: 'mas/yr',
    };
  }
  if (object.parallax !== undefined) {
    record.parallax = { id: idOf(object.name, 'plx'), value: object.parallax, unit: 'mas' };
  }
  record.aliases = object.aliases.map((name) => ({ name, vizier_catalogue_url: null, ned_associated_object_type: '' }));
  record.object_types = object.object_types;
  record.fluxes =
    object.magnitude_v === undefined ? [] : [{ name: 'V', value: object.magnitude_v, unit: 'mag', system: 'Vega' }];
  record.planets = [];
  return record;
}

/** The `AstronomicalCoordinates` of a catalogue entry (always the modern shape). */
export function objectCoordinates(/** @type {CatalogueObject} */ object) {
  return { right_ascension: object.right_ascension, declination: object.declination, epoch: 2000 };
}

/** Small stable integer ids for nested records (DRF primary keys). */
function idOf(/** @type {string} */ name, /** @type {string} */ kind) {
  let h = 7;
  for (const c of `${kind}:${name}`) h = (h * 31 + c.charCodeAt(0)) % 900000;
  return 100000 + h;
}
