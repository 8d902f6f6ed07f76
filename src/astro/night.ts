/**
 * One night at a site: twilights, darkness, the Moon, as the night card and the chart
 * need them.
 */
import { Body, Equator, Horizon, SearchHourAngle } from 'astronomy-engine';
import { HORIZON_REFRACTION, SUNRISE_ALTITUDE, moonEvents, sunEvents } from './events.js';
import { moonPhase } from './moon.js';
import { horizontal, observerFor } from './positions.js';
import { addDays, isValidTimeZone, nightWindow, parseDateString, zonedTime } from './time.js';
import type {
  DarknessBand,
  DarknessKind,
  Interval,
  MoonEvent,
  MoonPhaseInfo,
  Site,
  SunEvent,
  SunEventKind,
} from './types.js';
import { checkInterval, checkSite } from './validate.js';

const MS_PER_HOUR = 3_600_000;
/** The Moon's equatorial radius as astronomy-engine uses it for moonrise, AU. */
const MOON_RADIUS_AU = 1738.1 / 1.4959787069098932e8;

/** The band the Sun's geometric altitude (degrees) puts the sky in. */
export function darknessKind(sunAltitude: number): DarknessKind {
  if (sunAltitude >= SUNRISE_ALTITUDE) return 'day';
  if (sunAltitude >= -6) return 'civil';
  if (sunAltitude >= -12) return 'nautical';
  if (sunAltitude >= -18) return 'astronomical';
  return 'night';
}

/** The band the sky enters at each solar event. */
const BAND_AFTER: Record<SunEventKind, DarknessKind> = {
  'astronomical-dawn': 'astronomical',
  'nautical-dawn': 'nautical',
  'civil-dawn': 'civil',
  sunrise: 'day',
  sunset: 'civil',
  'civil-dusk': 'nautical',
  'nautical-dusk': 'astronomical',
  'astronomical-dusk': 'night',
};

function bandsFrom(initial: DarknessKind, events: readonly SunEvent[], fromMs: number, toMs: number): DarknessBand[] {
  const bands: DarknessBand[] = [];
  let kind = initial;
  let start = fromMs;
  const close = (end: number): void => {
    if (end <= start) return;
    const last = bands[bands.length - 1];
    if (last && last.kind === kind) last.to = new Date(end);
    else bands.push({ kind, from: new Date(start), to: new Date(end) });
    start = end;
  };
  for (const event of events) {
    const ms = event.time.getTime();
    if (ms < fromMs || ms >= toMs) continue;
    close(ms);
    kind = BAND_AFTER[event.kind];
  }
  close(toMs);
  return bands;
}

/**
 * Contiguous Sun-altitude bands covering [from, to): day (≥ -0.8333°), civil (≥ -6°),
 * nautical (≥ -12°), astronomical (≥ -18°) and night (below -18°).
 */
export function darknessBands(site: Site, from: Date, to: Date): DarknessBand[] {
  const [fromMs, toMs] = checkInterval(from, to);
  const initial = darknessKind(horizontal('sun', site, from).altitude);
  return bandsFrom(initial, sunEvents(site, from, to), fromMs, toMs);
}

/** Is the Moon's upper limb above the refracted sea-level horizon (the moonrise criterion)? */
function moonIsUp(site: Site, time: Date): boolean {
  const observer = observerFor(site, { seaLevel: true });
  const equ = Equator(Body.Moon, time, observer, true, true);
  const altitude = Horizon(time, observer, equ.ra, equ.dec).altitude;
  return altitude + Math.asin(MOON_RADIUS_AU / equ.dist) * (180 / Math.PI) > -HORIZON_REFRACTION;
}

function intervalsWhere(up: boolean, events: readonly MoonEvent[], fromMs: number, toMs: number): Interval[] {
  const intervals: Interval[] = [];
  let state = up;
  let start = fromMs;
  for (const event of events) {
    const ms = event.time.getTime();
    if (state && event.kind === 'moonset') intervals.push({ from: new Date(start), to: new Date(ms) });
    if (event.kind === 'moonrise') start = ms;
    state = event.kind === 'moonrise';
  }
  if (state && start < toMs) intervals.push({ from: new Date(start), to: new Date(toMs) });
  return intervals.filter((interval) => interval.to.getTime() > interval.from.getTime());
}

/** The parts of `intervals` not covered by `remove` (both sorted, non-overlapping). */
function subtract(intervals: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const interval of intervals) {
    let start = interval.from.getTime();
    const end = interval.to.getTime();
    for (const cut of remove) {
      const cutFrom = cut.from.getTime();
      const cutTo = cut.to.getTime();
      if (cutTo <= start || cutFrom >= end) continue;
      if (cutFrom > start) result.push({ from: new Date(start), to: new Date(cutFrom) });
      start = Math.max(start, cutTo);
      if (start >= end) break;
    }
    if (start < end) result.push({ from: new Date(start), to: new Date(end) });
  }
  return result;
}

const hoursIn = (intervals: readonly Interval[]): number =>
  intervals.reduce((sum, interval) => sum + (interval.to.getTime() - interval.from.getTime()), 0) / MS_PER_HOUR;

export interface NightSummary {
  /** The night's date, local to the site (the evening it starts). */
  date: string;
  /** Local noon on `date`; the window runs to local noon the next day. */
  from: Date;
  to: Date;
  sunset: Date | null;
  civilDusk: Date | null;
  nauticalDusk: Date | null;
  astronomicalDusk: Date | null;
  astronomicalDawn: Date | null;
  nauticalDawn: Date | null;
  civilDawn: Date | null;
  sunrise: Date | null;
  sunEvents: SunEvent[];
  moonEvents: MoonEvent[];
  /** First moonrise and moonset in the window, or null. */
  moonrise: Date | null;
  moonset: Date | null;
  bands: DarknessBand[];
  /** Astronomical night (Sun below -18°). */
  darkIntervals: Interval[];
  darkHours: number;
  /** Astronomical night with the Moon below the horizon. */
  moonFreeDarkIntervals: Interval[];
  moonFreeDarkHours: number;
  /** Phase at local midnight. */
  moon: MoonPhaseInfo;
  /** 'midnight-sun' if the Sun never sets in the window, 'polar-night' if it never rises. */
  polar: null | 'midnight-sun' | 'polar-night';
  noAstronomicalDarkness: boolean;
  moonAlwaysUp: boolean;
  moonNeverUp: boolean;
  /** Solar antitransit (the Sun's lower culmination) in the window, or null. */
  midnight: Date | null;
}

/**
 * Everything about the night of `date` (local to the site) from local noon to the next
 * local noon, in the site's IANA `timeZone` or, without one, in local mean solar time.
 * Throws a RangeError for an invalid date, site or time zone.
 */
export function nightSummary(site: Site, date: string, { timeZone }: { timeZone?: string } = {}): NightSummary {
  parseDateString(date);
  checkSite(site);
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "America/Santiago".`);
  }
  const { from, to } = nightWindow(date, site, timeZone);
  const fromMs = from.getTime();
  const toMs = to.getTime();

  const solar = sunEvents(site, from, to);
  const lunar = moonEvents(site, from, to);
  const first = (kind: string, events: ReadonlyArray<{ kind: string; time: Date }>): Date | null =>
    events.find((event) => event.kind === kind)?.time ?? null;

  const sunAltitudeAtStart = horizontal('sun', site, from).altitude;
  const bands = bandsFrom(darknessKind(sunAltitudeAtStart), solar, fromMs, toMs);
  const darkIntervals: Interval[] = bands.filter((band) => band.kind === 'night').map(({ from: f, to: t }) => ({ from: f, to: t }));

  const moonUpAtStart = moonIsUp(site, from);
  const moonUp = intervalsWhere(moonUpAtStart, lunar, fromMs, toMs);
  const moonFreeDarkIntervals = subtract(darkIntervals, moonUp);

  const sunUpAtStart = sunAltitudeAtStart >= SUNRISE_ALTITUDE;
  const hasSunset = solar.some((event) => event.kind === 'sunset');
  const hasSunrise = solar.some((event) => event.kind === 'sunrise');
  const polar = sunUpAtStart && !hasSunset ? 'midnight-sun' : !sunUpAtStart && !hasSunrise ? 'polar-night' : null;

  const localMidnight = timeZone !== undefined ? zonedTime(addDays(date, 1), '00:00', timeZone) : new Date(fromMs + 12 * MS_PER_HOUR);
  const antitransit = SearchHourAngle(Body.Sun, observerFor(site), 12, from, 1).time.date;

  return {
    date,
    from,
    to,
    sunset: first('sunset', solar),
    civilDusk: first('civil-dusk', solar),
    nauticalDusk: first('nautical-dusk', solar),
    astronomicalDusk: first('astronomical-dusk', solar),
    astronomicalDawn: first('astronomical-dawn', solar),
    nauticalDawn: first('nautical-dawn', solar),
    civilDawn: first('civil-dawn', solar),
    sunrise: first('sunrise', solar),
    sunEvents: solar,
    moonEvents: lunar,
    moonrise: first('moonrise', lunar),
    moonset: first('moonset', lunar),
    bands,
    darkIntervals,
    darkHours: hoursIn(darkIntervals),
    moonFreeDarkIntervals,
    moonFreeDarkHours: hoursIn(moonFreeDarkIntervals),
    moon: moonPhase(localMidnight),
    polar,
    noAstronomicalDarkness: darkIntervals.length === 0,
    moonAlwaysUp: lunar.length === 0 && moonUpAtStart,
    moonNeverUp: lunar.length === 0 && !moonUpAtStart,
    midnight: antitransit.getTime() < toMs ? antitransit : null,
  };
}
