// @ts-check
// Generated observing activities: a reproducible history of the 12 hours before start, then live
// ones. A ground activity happens only at a site where it is astronomical night-ish (Sun below -12°)
// with its target above 30°; space activities name a satellite and observe anything.
import { randomFor } from './prng.mjs';
import {
  MIN_TARGET_ALTITUDE,
  NIGHT_SUN_ALTITUDE,
  airmassOf,
  preciseAltitudes,
  skyAt,
  sunAltitudeFast,
  targetAltitudeFast,
} from './sky.mjs';

const HISTORY_COUNT = 300;
const HISTORY_SPAN_MS = 12 * 3_600_000;
const FIRST_ID = 140_001;
/** Kept in memory at most; the oldest go first. */
const MAX_ACTIVITIES = 20_000;
// Margins for the fast screen, which ignores precession (see sky.mjs).
const SCREEN_SUN = NIGHT_SUN_ALTITUDE - 0.5;
const SCREEN_TARGET = MIN_TARGET_ALTITUDE + 1.5;
const CONFIRM_SUN = NIGHT_SUN_ALTITUDE - 0.1;
const CONFIRM_TARGET = MIN_TARGET_ALTITUDE + 0.1;

/** Satellites of the space feed and their share of space activities. */
const SATELLITES = /** @type {const} */ ([
  ['Swift', 0.35],
  ['HST', 0.25],
  ['JWST', 0.2],
  ['XMM-Newton', 0.1],
  ['Chandra', 0.1],
]);

const FIRST_NAMES = ['Amara', 'Bruno', 'Chen', 'Dagny', 'Elif', 'Farid', 'Giulia', 'Hana', 'Ines', 'Jonas', 'Kavya', 'Lucía', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Rafael', 'Sofía', 'Tomás', 'Yuki', 'Zanele', 'Émilie', 'Søren', 'Thandiwe'];
const LAST_NAMES = ['Okafor', 'Bianchi', 'Wang', 'Lindqvist', 'Yılmaz', 'Haddad', 'Rossi', 'Novak', 'García', 'Berg', 'Iyer', 'Fernández', 'Silva', 'Kowalski', 'Nakamura', 'Dlamini', 'Moreau', 'Müller', 'Andersen', 'Mokoena', "O'Neill", 'Petrov', 'Ramírez', 'Schäfer'];

/** Programme titles by the kind of target (first matching object type wins). */
const TITLES = /** @type {[RegExp, string[]][]} */ ([
  [/Planet host/, ['Transmission spectroscopy of the atmosphere of {t} b', 'Radial-velocity monitoring of {t} to refine its planetary system', 'Searching for additional transiting companions around {t}', 'Stellar activity and its imprint on exoplanet detection: {t}']],
  [/Planetary Nebula/, ['Kinematics and chemistry of the planetary nebula {t}', 'Mapping shocks and ionisation structure in {t}']],
  [/HII Region|Emission Nebula|Dark Cloud/, ['Feedback from massive stars in {t}', 'Star formation at the edge of {t}', 'Resolved spectroscopy of ionised gas in {t}']],
  [/Globular Cluster|Open Cluster/, ['Multiple stellar populations in {t}', 'Proper motions and binaries in {t}', 'Variable stars in {t}']],
  [/Galaxy/, ['Gas kinematics in the disc of {t}', 'The stellar halo of {t}', 'Star-forming regions across {t}', 'Nuclear activity and outflows in {t}']],
  [/Black hole|X-ray binary|Pulsar|Quasar|Supernova|Radio source/, ['Multi-wavelength monitoring of {t}', 'Timing and spectral state changes of {t}', 'Target of opportunity follow-up of {t}']],
  [/./, ['Asteroseismology and fundamental parameters of {t}', 'High-resolution spectroscopy of {t}', 'Interferometric and spectroscopic study of {t}', 'Long-term monitoring of {t}']],
]);

/**
 * @typedef {import('./data.mjs').EmulatorData} EmulatorData
 * @typedef {import('./data.mjs').CatalogueObject} CatalogueObject
 * @typedef {import('./data.mjs').Site} Site
 * @typedef {import('./data.mjs').Telescope} Telescope
 * @typedef {import('./data.mjs').Instrument} Instrument
 * @typedef {import('./prng.mjs').Random} Random
 * @typedef {Record<string, any> & {id: number, creation_date: string}} Activity
 */

/**
 * The activity store: generated history plus live and pushed activities, newest first.
 * @param {{data: EmulatorData, seed: number, startMs: number}} options
 */
export function createActivities({ data, seed, startMs }) {
  const groundTelescopes = data.telescopes.filter((t) => t.instruments.length > 0);
  /** @type {Map<string, Instrument[]>} */
  const instrumentsOfSatellite = new Map();
  for (const instrument of data.instruments) {
    if (!instrument.satellite_name) continue;
    const list = instrumentsOfSatellite.get(instrument.satellite_name) ?? [];
    list.push(instrument);
    instrumentsOfSatellite.set(instrument.satellite_name, list);
  }

  /** @type {Activity[]} newest first */
  const list = [];
  let nextId = FIRST_ID;
  let liveCount = 0;
  let pushCount = 0;

  /**
   * A ground setting at this instant: a telescope at a dark site and a target high there.
   * @param {Random} random @param {Date} date
   */
  function groundSetting(random, date) {
    const sky = skyAt(date);
    // Weighted shuffle (Efraimidis-Spirakis): large telescopes report more often.
    const order = groundTelescopes
      .map((telescope) => ({ telescope, key: -Math.log(1 - random.next()) / telescopeWeight(telescope) }))
      .sort((a, b) => a.key - b.key);
    const targets = random.shuffled(data.objects);
    for (const { telescope } of order) {
      const site = data.siteByUuid.get(telescope.observing_site);
      if (!site) continue;
      const place = site.coordinates;
      if (sunAltitudeFast(sky, place) > SCREEN_SUN) continue;
      for (const object of targets) {
        if (targetAltitudeFast(sky, place, object.right_ascension, object.declination) < SCREEN_TARGET) continue;
        const precise = preciseAltitudes(date, place, object.right_ascension, object.declination);
        if (precise.sun < CONFIRM_SUN && precise.target > CONFIRM_TARGET) {
          return { telescope, site, object, altitude: precise.target };
        }
        break; // this site failed the confirmation; try another telescope
      }
    }
    return null;
  }

  /**
   * One complete, plausible activity.
   * @param {Random} random @param {number} id @param {number} creationMs
   * @returns {Activity}
   */
  function build(random, id, creationMs) {
    const dateMs = creationMs - Math.round(random.range(3, 50) * 60_000);
    const date = new Date(dateMs);
    const ground = random.chance(0.8) ? groundSetting(random, date) : null;
    /** @type {Activity} */
    let activity;
    if (ground) {
      const instrument = /** @type {Instrument} */ (data.instrumentByUuid.get(random.pick(ground.telescope.instruments)));
      const organisation = data.organisationOfSite.get(ground.site.uuid) ?? '';
      const programme = groundProgramme(random, ground.telescope, organisation, ground.object, date);
      activity = {
        id,
        creation_date: new Date(creationMs).toISOString(),
        date: date.toISOString(),
        links: links(random, programme, instrument),
        title: title(random, ground.object, instrument, ground.telescope),
        content: content(random, ground.altitude),
        label: programme.label,
        profile: profile(random),
        satellite: '',
        observing_site: ground.site.uuid,
        telescope: ground.telescope.uuid,
        instrument: instrument.uuid,
        programme: programme.record,
        programme_type: programme.type,
        target_name: targetName(random, ground.object),
        coordinates: coordinatesOf(ground.object),
        organisation,
        collaboration: null,
      };
    } else {
      const satellite = random.weighted(SATELLITES, ([, share]) => share)[0];
      const instrument = random.pick(/** @type {Instrument[]} */ (instrumentsOfSatellite.get(satellite)));
      const object = random.pick(data.objects);
      const programme = spaceProgramme(random, satellite, object, date);
      activity = {
        id,
        creation_date: new Date(creationMs).toISOString(),
        date: date.toISOString(),
        links: links(random, programme, instrument),
        title: title(random, object, instrument, null, satellite),
        content: content(random, null),
        label: programme.label,
        profile: profile(random),
        satellite,
        observing_site: null,
        telescope: null,
        instrument: instrument.uuid,
        programme: programme.record,
        programme_type: programme.type,
        target_name: targetName(random, object),
        coordinates: coordinatesOf(object),
        organisation: '',
        collaboration: null,
      };
    }
    return activity;
  }

  /** @param {Activity} activity */
  function insert(activity) {
    // The service orders by creation date, newest first: a pushed activity with an older creation_date (tests
    // backdate some) goes where that date puts it: before older ones and, being newer, before any of the same date.
    const created = Date.parse(activity.creation_date);
    let at = 0;
    while (at < list.length && Date.parse(list[at].creation_date) > created) at++;
    list.splice(at, 0, activity);
    if (list.length > MAX_ACTIVITIES) list.length = MAX_ACTIVITIES;
  }

  // The history: creation instants spread over the 12 hours before start, ids increasing with time.
  const timeline = randomFor(seed, 'history');
  const instants = Array.from({ length: HISTORY_COUNT }, () => startMs - Math.round(timeline.range(0, HISTORY_SPAN_MS)));
  instants.sort((a, b) => a - b);
  instants.forEach((ms, i) => insert(build(randomFor(seed, 'activity', i), nextId++, ms)));

  return {
    /** Newest first. @returns {readonly Activity[]} */
    all: () => list,
    /** @param {string} organisation */
    ofOrganisation: (organisation) => list.filter((a) => a.organisation === organisation),
    /** @param {number} id */
    byId: (id) => list.find((a) => a.id === id),
    /**
     * The next live activity, created at `nowMs` and inserted at the head.
     * @param {number} nowMs
     */
    createLive(nowMs) {
      const activity = build(randomFor(seed, 'live', liveCount++), nextId++, nowMs);
      insert(activity);
      return activity;
    },
    /**
     * A generated activity overridden by the given fields (which may be anything, even hostile),
     * created at `nowMs` with a new id unless the fields say otherwise.
     * @param {Record<string, unknown>} fields @param {number} nowMs
     */
    push(fields, nowMs) {
      const activity = { ...build(randomFor(seed, 'push', pushCount++), nextId++, nowMs), ...fields };
      insert(/** @type {Activity} */ (activity));
      return /** @type {Activity} */ (activity);
    },
  };
}

/** @typedef {ReturnType<typeof createActivities>} ActivityStore */

/** Larger mirrors, more activity (square root so small telescopes still appear). @param {Telescope} t */
function telescopeWeight(t) {
  const diameter = Math.max(...t.mirrors.map((m) => m.diameter ?? 0), 500);
  return Math.sqrt(diameter / 1000);
}

/** @param {CatalogueObject} object */
function coordinatesOf(object) {
  return { right_ascension: object.right_ascension, declination: object.declination, epoch: 2000 };
}

/** Mostly the catalogue name, sometimes an alias as observers type it. @param {Random} random @param {CatalogueObject} object */
function targetName(random, object) {
  const aliases = object.aliases.filter((a) => /^[\x20-\x7e]+$/.test(a));
  return aliases.length > 0 && random.chance(0.2) ? random.pick(aliases) : object.name;
}

/** @param {Random} random */
function person(random) {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { url: '', first_name: first, middle_name: '', initials: [`${first[0]}.`], last_name: last };
}

/** @param {Random} random */
function profile(random) {
  if (!random.chance(0.15)) return '';
  return `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}`.normalize('NFKD').replace(/[^A-Za-z.]/g, '').toLowerCase();
}

/** @param {Random} random @param {CatalogueObject} object */
function programmeTitle(random, object) {
  const types = object.object_types.join(' ');
  const entry = TITLES.find(([pattern]) => pattern.test(types)) ?? TITLES[TITLES.length - 1];
  return random.pick(entry[1]).replace('{t}', object.name);
}

/**
 * @param {Random} random @param {CatalogueObject} object @param {string} identifier
 * @param {string} abstractUrl @param {string} detailsUrl
 */
function programmeRecord(random, object, identifier, abstractUrl, detailsUrl) {
  const investigators = Array.from({ length: random.int(0, 3) }, () => person(random));
  const title = random.chance(0.05) ? '' : programmeTitle(random, object);
  return {
    identifier,
    investigators_list: investigators.map((p) => `${p.last_name}, ${p.initials[0]}`).join('; '),
    investigators,
    title,
    abstract: title && random.chance(0.7) ? `${title}. We request time to observe ${object.name} (${object.object_types[0].toLowerCase()}) and combine the data with archival observations.` : '',
    abstract_url: abstractUrl,
    full_details_url: detailsUrl,
  };
}

/** Semester letter and year (A: February-July, B: August-January). @param {Date} date */
function semester(date) {
  const month = date.getUTCMonth();
  const year = date.getUTCFullYear();
  if (month === 0) return { year: year - 1, letter: 'B' };
  return { year, letter: month <= 6 ? 'A' : 'B' };
}

/**
 * @param {Random} random @param {Telescope} telescope @param {string} organisation
 * @param {CatalogueObject} object @param {Date} date
 */
function groundProgramme(random, telescope, organisation, object, date) {
  const { year, letter } = semester(date);
  const yy = String(year).slice(2);
  const name = telescope.name;
  /** @type {string} */ let identifier;
  let abstractUrl = '';
  let detailsUrl = '';
  let label = 'observatory-feed';
  let type = random.pick(['Normal', 'Normal', 'Normal', 'Large', 'Target of Opportunity', "Director's Discretionary Time"]);
  if (organisation === 'eso') {
    // ESO periods are six months long, P110 starting in October 2022.
    const period = 110 + Math.floor((date.getUTCFullYear() * 12 + date.getUTCMonth() - (2022 * 12 + 9)) / 6);
    const code = Array.from({ length: 2 }, () => random.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])).join('');
    identifier = `${period}.${random.int(20, 29)}${code}.${String(random.int(1, 12)).padStart(3, '0')}`;
    abstractUrl = `https://archive.eso.org/wdb/wdb/eso/abstract/query?progid=${identifier}`;
    detailsUrl = `https://archive.eso.org/wdb/wdb/eso/sched_rep_arc/query?progid=${identifier}`;
    label = 'eso-archive';
    type = random.pick(['Normal', 'Normal', 'Normal', 'Large', 'Target of Opportunity', 'Guaranteed Time Observations', 'Calibration', "Director's Discretionary Time"]);
  } else if (name.startsWith('Gemini')) {
    const site = name === 'Gemini South' ? 'GS' : 'GN';
    const kind = random.pick(['Q', 'Q', 'Q', 'LP', 'FT', 'DD']);
    identifier = `${site}-${year}${letter}-${kind}-${random.int(101, 350)}`;
    abstractUrl = `https://archive.gemini.edu/programinfo/${identifier}`;
    detailsUrl = abstractUrl;
    label = 'gemini-archive';
    type = { Q: 'Queue', LP: 'Large Program', FT: 'Fast Turnaround', DD: "Director's Time" }[kind] ?? 'Queue';
  } else if (name.startsWith('W. M. Keck')) {
    identifier = `${year}${letter}_${random.pick(['C', 'U', 'N', 'H', 'Y'])}${String(random.int(1, 399)).padStart(3, '0')}`;
    label = 'keck-archive';
  } else if (name === 'Subaru Telescope') {
    identifier = `S${yy}${letter}-${String(random.int(1, 150)).padStart(3, '0')}`;
  } else if (name.startsWith('Canada-France')) {
    identifier = `${yy}${letter}${random.pick(['F', 'C', 'H', 'T'])}${String(random.int(1, 99)).padStart(2, '0')}`;
  } else if (name === 'South African Large Telescope') {
    identifier = `${year}-${letter === 'A' ? 1 : 2}-SCI-${String(random.int(1, 60)).padStart(3, '0')}`;
  } else if (organisation === 'noirlab') {
    identifier = `${year}${letter}-${random.int(100000, 999999)}`;
    label = 'noirlab-archive';
  } else {
    identifier = `${year}${letter}-${String(random.int(1, 120)).padStart(3, '0')}`;
  }
  return { record: programmeRecord(random, object, identifier, abstractUrl, detailsUrl), type, label };
}

/** @param {Random} random @param {string} satellite @param {CatalogueObject} object @param {Date} date */
function spaceProgramme(random, satellite, object, date) {
  /** @type {string} */ let identifier;
  let abstractUrl = '';
  /** @type {string} */ let type;
  let label = 'mission-schedule';
  if (satellite === 'HST' || satellite === 'JWST') {
    const kind = random.pick(satellite === 'HST' ? ['GO', 'GO', 'SNAP', 'GTO', 'DD'] : ['GO', 'GO', 'GTO', 'DD', 'ERS']);
    const number = satellite === 'HST' ? random.int(16800, 18200) : random.int(1000, 8999);
    identifier = `${kind}-${number}`;
    abstractUrl =
      satellite === 'HST'
        ? `https://www.stsci.edu/cgi-bin/get-proposal-info?id=${number}&observatory=HST`
        : `https://www.stsci.edu/jwst/science-execution/program-information?id=${number}`;
    type = { GO: 'General Observer', SNAP: 'Snapshot', GTO: 'Guaranteed Time Observer', DD: "Director's Discretionary", ERS: 'Early Release Science' }[kind] ?? 'General Observer';
    label = 'mast';
  } else if (satellite === 'Swift') {
    const too = random.chance(0.6);
    identifier = too ? `ToO-${random.int(20000, 23999)}` : `GI-${random.int(2200000, 2299999)}`;
    type = too ? 'Target of Opportunity' : 'Guest Investigator';
    label = 'swift-schedule';
  } else if (satellite === 'XMM-Newton') {
    identifier = String(random.int(90000, 96999)).padStart(6, '0') + String(random.int(1, 9)).padStart(2, '0');
    type = random.pick(['Guest Observer', 'Target of Opportunity', 'Calibration']);
  } else {
    const cycle = date.getUTCFullYear() - 1999;
    identifier = `${cycle}${random.int(100000, 999999)}`;
    type = random.pick(['General Observer', 'Target of Opportunity', 'Director’s Discretionary Time']);
  }
  return { record: programmeRecord(random, object, identifier, abstractUrl, abstractUrl), type, label };
}

/**
 * @param {Random} random @param {CatalogueObject} object @param {Instrument} instrument
 * @param {Telescope|null} telescope @param {string} [satellite]
 */
function title(random, object, instrument, telescope, satellite) {
  const where = telescope ? telescope.acronym || telescope.name : satellite ?? '';
  const variants = [
    `${instrument.acronym} observation of ${object.name}`,
    `${object.name} observed with ${where}/${instrument.acronym}`,
    `New ${instrument.acronym} data: ${object.name}`,
    `${where} ${instrument.acronym} — ${object.name}`,
    '',
  ];
  return random.chance(0.12) ? '' : random.pick(variants.slice(0, 4));
}

/** @param {Random} random @param {number|null} altitude */
function content(random, altitude) {
  const roll = random.next();
  if (roll < 0.05) return null;
  if (roll < 0.15) return '';
  const exposures = random.int(1, 12);
  const seconds = random.pick([30, 60, 120, 300, 600, 900, 1200, 1800]);
  const parts = [`${exposures} × ${seconds} s exposure${exposures > 1 ? 's' : ''}`];
  if (altitude !== null) {
    parts.push(`airmass ${airmassOf(altitude).toFixed(2)}`);
    parts.push(`seeing ${random.range(0.45, 1.6).toFixed(2)}″`);
  }
  return `${parts.join(', ')}.`;
}

/**
 * Archive and programme links; sometimes none, as in the real feed.
 * @param {Random} random @param {{record: {identifier: string, abstract_url: string}}} programme @param {Instrument} instrument
 */
function links(random, programme, instrument) {
  if (random.chance(0.25)) return [];
  const out = [];
  const portal = /** @type {{portal_url?: string, name?: string}} */ (instrument.archive ?? {});
  if (portal.portal_url) out.push({ title: portal.name || 'Archive', url: portal.portal_url });
  if (programme.record.abstract_url) out.push({ title: `Programme ${programme.record.identifier}`, url: programme.record.abstract_url });
  return out;
}
