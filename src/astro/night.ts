/**
 * One night at a site: twilights, darkness, the Moon, as the night card and the chart
 * need them.
 */
import { siteFrame, sunOfDate } from './ephemeris.js';
import { SUNRISE_ALTITUDE, SUN_EVENT_ALTITUDES, hourAngleEvents, moonEvents, moonLimbAltitude, sunEvents } from './events.js';
import { moonPhase } from './moon.js';
import { horizontal } from './positions.js';
import { addDays, checkZone, nightWindow, parseDateString, zonedTime } from './time.js';
import type {
  DarknessBand,
  DarknessKind,
  Interval,
  MoonEvent,
  MoonPhaseInfo,
  Site,
  SunEvent,
} from './types.js';
import { MS_PER_HOUR } from './units.js';
import { checkInterval, checkSite } from './validate.js';

/** The band the Sun's geometric altitude (degrees) puts the sky in. */
export function darknessKind(sunAltitude: number): DarknessKind {
  if (sunAltitude >= SUNRISE_ALTITUDE) return 'day';
  if (sunAltitude >= -6) return 'civil';
  if (sunAltitude >= -12) return 'nautical';
  if (sunAltitude >= -18) return 'astronomical';
  return 'night';
}

/** The band the sky enters at a solar event: the one just above (dawn) or below (dusk) its altitude. */
function bandAfter(kind: string): DarknessKind {
  const event = SUN_EVENT_ALTITUDES.find((e) => e.kind === kind)!;
  return darknessKind(event.altitude + event.direction / 10);
}

/**
 * [fromMs, toMs) cut at each event (those outside are ignored) into intervals labelled with
 * the state the last event led to (`state` before the first), neighbours with the same
 * label merged.
 */
function timeline<State extends string>(
  state: State,
  events: ReadonlyArray<{ kind: string; time: Date }>,
  next: (kind: string) => State,
  fromMs: number,
  toMs: number,
): Array<{ kind: State; from: Date; to: Date }> {
  const intervals: Array<{ kind: State; from: Date; to: Date }> = [];
  let start = fromMs;
  const close = (end: number): void => {
    if (end <= start) return;
    const last = intervals[intervals.length - 1];
    if (last?.kind === state) last.to = new Date(end);
    else intervals.push({ kind: state, from: new Date(start), to: new Date(end) });
    start = end;
  };
  for (const { kind, time } of events) {
    const ms = time.getTime();
    if (ms < fromMs || ms >= toMs) continue;
    close(ms);
    state = next(kind);
  }
  close(toMs);
  return intervals;
}

const bandsFrom = (initial: DarknessKind, events: readonly SunEvent[], fromMs: number, toMs: number): DarknessBand[] =>
  timeline(initial, events, bandAfter, fromMs, toMs);

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
  return moonLimbAltitude(siteFrame(site, true), time.getTime()) > 0;
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
  if (timeZone !== undefined) checkZone(timeZone);
  const { from, to } = nightWindow(date, site, timeZone);
  const fromMs = from.getTime();
  const toMs = to.getTime();

  const solar = sunEvents(site, from, to);
  const lunar = moonEvents(site, from, to);
  // sunset, civilDusk, … sunrise, moonrise, moonset: the first event of each kind, or null.
  const firsts = Object.fromEntries(
    [...SUN_EVENT_ALTITUDES.map(({ kind }) => kind), 'moonrise', 'moonset'].map((kind) => [
      kind.replace(/-./g, (dash) => dash[1].toUpperCase()),
      [...solar, ...lunar].find((event) => event.kind === kind)?.time ?? null,
    ]),
  );

  const sunAltitudeAtStart = horizontal('sun', site, from).altitude;
  const bands = bandsFrom(darknessKind(sunAltitudeAtStart), solar, fromMs, toMs);
  const darkIntervals: Interval[] = bands.filter((band) => band.kind === 'night').map(({ from: f, to: t }) => ({ from: f, to: t }));

  const moonUpAtStart = moonIsUp(site, from);
  const moonDown = timeline(moonUpAtStart ? 'up' : 'down', lunar, (kind) => (kind === 'moonrise' ? 'up' : 'down'), fromMs, toMs).filter(
    ({ kind }) => kind === 'down',
  );
  // Dark and moonless: each dark interval intersected with each moon-down one.
  const moonFreeDarkIntervals = darkIntervals
    .flatMap((dark) => moonDown.map((down) => ({ from: new Date(Math.max(+dark.from, +down.from)), to: new Date(Math.min(+dark.to, +down.to)) })))
    .filter((interval) => interval.to > interval.from);

  const sunUpAtStart = sunAltitudeAtStart >= SUNRISE_ALTITUDE;
  const polar = sunUpAtStart && !firsts.sunset ? 'midnight-sun' : !sunUpAtStart && !firsts.sunrise ? 'polar-night' : null;

  const localMidnight = timeZone !== undefined ? zonedTime(addDays(date, 1), '00:00', timeZone) : new Date(fromMs + 12 * MS_PER_HOUR);
  const [antitransit] = hourAngleEvents(sunOfDate, siteFrame(site), fromMs, toMs, 180);

  return {
    date,
    from,
    to,
    ...firsts,
    sunEvents: solar,
    moonEvents: lunar,
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
    midnight: antitransit !== undefined ? new Date(antitransit) : null,
  } as NightSummary;
}
