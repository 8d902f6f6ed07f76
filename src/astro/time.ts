/**
 * Time-zone helpers built on `Intl` only (no astronomy, no DOM): the UTC offset of an IANA
 * zone at an instant, wall-clock ↔ instant conversion with deterministic DST handling, and
 * the "night" a site is in.
 */
import type { Interval, Site } from './types.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './units.js';
import { checkLongitude, checkTime } from './validate.js';


const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^(\d{2}):(\d{2})$/;

/** One formatter per zone: creating an Intl.DateTimeFormat is far slower than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const numeric = 'numeric';
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: numeric,
      month: numeric,
      day: numeric,
      hour: numeric,
      minute: numeric,
      second: numeric,
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `tz` is an IANA zone name (or alias such as 'UTC') this runtime knows. */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** Throws a RangeError unless `timeZone` is an IANA zone this runtime knows. */
export function checkZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "Europe/Paris".`);
  }
}

/**
 * Wall-clock readings are handled as "wall milliseconds": the epoch milliseconds the reading
 * would be if the zone were UTC. This one is built from its fields (years below 100 kept as such).
 */
function wallMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute));
  date.setUTCFullYear(year);
  return date.getTime();
}

/** Offset of the zone's clocks from UTC at an instant, ms (read to the whole second, as Intl gives it). */
function offsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const fields: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(whole)) fields[type] = value;
  const year = Number(fields.year);
  const wall = wallMs(/^B/.test(fields.era) ? 1 - year : year, +fields.month, +fields.day, +fields.hour, +fields.minute);
  return wall + 1000 * +fields.second - whole;
}

/**
 * Offset of the zone's wall clock from UTC at an instant, in minutes (east positive):
 * 60 for Paris in winter, -240 for New York in summer. Historic local-mean-time offsets
 * come out fractional.
 */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  checkZone(timeZone);
  return offsetMs(timeZone, checkTime(instant, 'instant')) / MS_PER_MINUTE;
}

/** 'YYYY-MM-DD' of a wall time. */
function formatDate(wall: number): string {
  const date = new Date(wall);
  const year = date.getUTCFullYear();
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The calendar date ('YYYY-MM-DD') that the zone's clocks show at the instant. */
export function localDateString(instant: Date, timeZone: string): string {
  checkZone(timeZone);
  const ms = checkTime(instant, 'instant');
  return formatDate(ms + offsetMs(timeZone, ms));
}

/** Parses 'YYYY-MM-DD' (a real calendar date) into its parts, or throws a RangeError. */
export function parseDateString(date: string): { year: number; month: number; day: number } {
  const [, year, month, day] = (typeof date === 'string' && DATE_PATTERN.exec(date)) || [];
  // A real date survives the round trip through Date unchanged (2023-02-29 does not).
  if (year && formatDate(wallMs(+year, +month, +day)) === date) return { year: +year, month: +month, day: +day };
  throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected a calendar date written YYYY-MM-DD.`);
}

const dateWallMs = (date: string, hour?: number, minute?: number): number => {
  const { year, month, day } = parseDateString(date);
  return wallMs(year, month, day, hour, minute);
};

/** The date `days` calendar days after `date` (negative goes back), as 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const wall = dateWallMs(date);
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number (got ${String(days)}).`);
  return formatDate(wall + days * MS_PER_DAY);
}

/**
 * The instant at which the zone's clocks read `time` ('HH:MM', 00:00–23:59) on `date`.
 *
 * Daylight-saving transitions are resolved like Temporal's 'compatible' disambiguation:
 * a reading skipped by a spring-forward gap is moved forward by the gap (02:30 on the
 * night Paris jumps from 02:00 to 03:00 gives 03:30 CEST); a reading that happens twice
 * in a fall-back overlap gives the earlier instant.
 */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  parseDateString(date);
  const [, hour, minute] = (typeof time === 'string' && CLOCK_PATTERN.exec(time)) || [];
  if (!hour || +hour > 23 || +minute > 59) {
    throw new RangeError(`Invalid time ${JSON.stringify(time)}: expected a wall-clock time written HH:MM (00:00–23:59).`);
  }
  checkZone(timeZone);
  const wall = dateWallMs(date, +hour, +minute);
  // Offsets in force a day either side bracket any single transition near this reading.
  const before = offsetMs(timeZone, wall - MS_PER_DAY);
  const after = offsetMs(timeZone, wall + MS_PER_DAY);
  const readings = [wall - before, wall - after].filter((instant) => instant + offsetMs(timeZone, instant) === wall);
  // Earliest reading first; none in a gap: keep the offset from before the jump, which lands after it.
  return new Date(readings.length ? Math.min(...readings) : wall - before);
}

/**
 * The date ('YYYY-MM-DD', local to the site) of the night that is current or coming at
 * `now`: the local date of `now` minus 12 hours, so the night "of the 5th" runs from noon
 * on the 5th to noon on the 6th. Without a zone, local mean solar time at the site's
 * longitude stands in for the civil clock.
 */
export function nightDate(now: Date, site: Pick<Site, 'longitude'> & Partial<Site>, timeZone?: string): string {
  const ms = checkTime(now, 'now') - 12 * MS_PER_HOUR;
  return timeZone !== undefined ? localDateString(new Date(ms), timeZone) : formatDate(ms + meanSolarOffsetMs(site));
}

/**
 * The window of the night of `date`: local noon on that date to local noon the next day
 * (23 or 25 hours long on daylight-saving nights). Without a zone, mean solar noon at the
 * site's longitude.
 */
export function nightWindow(date: string, site: Pick<Site, 'longitude'> & Partial<Site>, timeZone?: string): Interval {
  if (timeZone !== undefined) {
    return { from: zonedTime(date, '12:00', timeZone), to: zonedTime(addDays(date, 1), '12:00', timeZone) };
  }
  const from = dateWallMs(date, 12) - meanSolarOffsetMs(site);
  return { from: new Date(from), to: new Date(from + MS_PER_DAY) };
}

/** Local mean time minus UTC at a longitude (4 minutes per degree east). */
function meanSolarOffsetMs(site: Pick<Site, 'longitude'>): number {
  return (checkLongitude(site?.longitude, 'site.longitude') / 15) * MS_PER_HOUR;
}
