/**
 * Time-zone helpers built on `Intl` only (no astronomy, no DOM): the UTC offset of an IANA
 * zone at an instant, wall-clock ↔ instant conversion with deterministic DST handling, and
 * the "night" a site is in.
 */
import type { Interval, Site } from './types.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^(\d{2}):(\d{2})$/;

/** One formatter per zone: creating an Intl.DateTimeFormat is far slower than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
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

function checkZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "Europe/Paris".`);
  }
}

function checkInstant(instant: Date, name: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date (got ${String(instant)}).`);
  return ms;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(timeZone: string, ms: number): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** Milliseconds of a wall-clock reading taken as if it were UTC (years below 100 kept as such). */
function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}

function offsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClock(timeZone, whole);
  return wallMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * Offset of the zone's wall clock from UTC at an instant, in minutes (east positive):
 * 60 for Paris in winter, -240 for New York in summer. Historic local-mean-time offsets
 * come out fractional.
 */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  checkZone(timeZone);
  return offsetMs(timeZone, checkInstant(instant, 'instant')) / MS_PER_MINUTE;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatDate(year: number, month: number, day: number): string {
  return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month)}-${pad(day)}`;
}

/** The calendar date ('YYYY-MM-DD') that the zone's clocks show at the instant. */
export function localDateString(instant: Date, timeZone: string): string {
  checkZone(timeZone);
  const w = wallClock(timeZone, checkInstant(instant, 'instant'));
  return formatDate(w.year, w.month, w.day);
}

/** Parses 'YYYY-MM-DD' (a real calendar date) into its parts, or throws a RangeError. */
export function parseDateString(date: string): { year: number; month: number; day: number } {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const check = new Date(wallMs(year, month, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected a calendar date written YYYY-MM-DD.`);
}

/** The date `days` calendar days after `date` (negative goes back), as 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDateString(date);
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number (got ${String(days)}).`);
  const shifted = new Date(wallMs(year, month, day) + days * MS_PER_DAY);
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
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
  const { year, month, day } = parseDateString(date);
  const clock = typeof time === 'string' ? CLOCK_PATTERN.exec(time) : null;
  const hour = clock ? Number(clock[1]) : Number.NaN;
  const minute = clock ? Number(clock[2]) : Number.NaN;
  if (!clock || hour > 23 || minute > 59) {
    throw new RangeError(`Invalid time ${JSON.stringify(time)}: expected a wall-clock time written HH:MM (00:00–23:59).`);
  }
  checkZone(timeZone);
  const wall = wallMs(year, month, day, hour, minute);
  // Offsets in force a day either side bracket any single transition near this reading.
  const before = offsetMs(timeZone, wall - MS_PER_DAY);
  const after = offsetMs(timeZone, wall + MS_PER_DAY);
  const candidates = [...new Set([wall - before, wall - after])]
    .filter((instant) => instant + offsetMs(timeZone, instant) === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  // In a gap: keep the offset from before the jump, which lands after it.
  return new Date(wall - before);
}

/**
 * The date ('YYYY-MM-DD', local to the site) of the night that is current or coming at
 * `now`: the local date of `now` minus 12 hours, so the night "of the 5th" runs from noon
 * on the 5th to noon on the 6th. Without a zone, local mean solar time at the site's
 * longitude stands in for the civil clock.
 */
export function nightDate(now: Date, site: Pick<Site, 'longitude'> & Partial<Site>, timeZone?: string): string {
  const ms = checkInstant(now, 'now') - 12 * MS_PER_HOUR;
  if (timeZone !== undefined) return localDateString(new Date(ms), timeZone);
  const solar = new Date(ms + meanSolarOffsetMs(site));
  return formatDate(solar.getUTCFullYear(), solar.getUTCMonth() + 1, solar.getUTCDate());
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
  const { year, month, day } = parseDateString(date);
  const from = wallMs(year, month, day, 12) - meanSolarOffsetMs(site);
  return { from: new Date(from), to: new Date(from + MS_PER_DAY) };
}

/** Local mean time minus UTC at a longitude (4 minutes per degree east). */
function meanSolarOffsetMs(site: Pick<Site, 'longitude'>): number {
  const longitude = site?.longitude;
  if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw new RangeError(`site.longitude must be a number from -180 to 180 degrees, east positive (got ${String(longitude)}).`);
  }
  return (longitude / 15) * MS_PER_HOUR;
}
