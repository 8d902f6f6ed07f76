/**
 * Locale- and zone-aware formatting for the night card, through `Intl` only. Formatters are cached: building an
 * `Intl.DateTimeFormat` costs far more than using one, and a render formats dozens of times.
 */

export type Units = 'metric' | 'imperial';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/**
 * The clock-time options used for every event time (tests format the same way). 24-hour in every language, as
 * observing logs, almanacs and the other elements of the kit write times: a night runs across midnight.
 */
export const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** `21:14` in the site's zone. */
export function formatTime(time: Date, locale: string, timeZone: string): string {
  return cached(`t|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { ...TIME_OPTIONS, timeZone })).format(time);
}

/** Hour label for ticks: `21:00`. */
export function formatHour(time: Date, locale: string, timeZone: string): string {
  return cached(`h|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { ...TIME_OPTIONS, timeZone })).format(time);
}

/** `Saturday 21 March 2026` for an ISO date (formatted at noon UTC so no zone can move it to another day). */
export function formatNightDate(isoDate: string, locale: string, long = true): string {
  const options: Intl.DateTimeFormatOptions = long
    ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return cached(`d|${locale}|${long}`, () => new Intl.DateTimeFormat(locale, options)).format(new Date(`${isoDate}T12:00:00Z`));
}

/** `UTC−3`, `UTC+5:30`, `UTC` for an offset in minutes. */
export function formatOffset(minutes: number): string {
  if (!minutes) return 'UTC';
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${minutes < 0 ? '−' : '+'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

function unit(locale: string, unitName: string, digits = 0): Intl.NumberFormat {
  return cached(
    `u|${locale}|${unitName}|${digits}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: unitName, unitDisplay: 'short', maximumFractionDigits: digits }),
  );
}

export function formatPercent(value: number, locale: string): string {
  return unit(locale, 'percent').format(Math.round(value));
}

export function formatTemperature(celsius: number, units: Units, locale: string): string {
  return units === 'imperial' ? unit(locale, 'fahrenheit').format((celsius * 9) / 5 + 32) : unit(locale, 'celsius').format(celsius);
}

/** A temperature difference (dew-point spread): no offset in Fahrenheit, one decimal when small. */
export function formatTemperatureDelta(celsius: number, units: Units, locale: string): string {
  const value = units === 'imperial' ? (celsius * 9) / 5 : celsius;
  return unit(locale, units === 'imperial' ? 'fahrenheit' : 'celsius', Math.abs(value) < 10 ? 1 : 0).format(value);
}

/** Wind from m/s: m/s in metric (as observatories quote it), mph in imperial. */
export function formatSpeed(metresPerSecond: number, units: Units, locale: string): string {
  return units === 'imperial'
    ? unit(locale, 'mile-per-hour').format(metresPerSecond / 0.44704)
    : unit(locale, 'meter-per-second').format(metresPerSecond);
}

/** Site elevation: metres or feet. */
export function formatElevation(metres: number, units: Units, locale: string): string {
  return units === 'imperial' ? unit(locale, 'foot').format(metres / 0.3048) : unit(locale, 'meter').format(metres);
}

/** `24.626° S 70.403° W` */
export function formatCoordinates(latitude: number, longitude: number, locale: string): string {
  const n = cached(`c|${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }));
  return `${n.format(Math.abs(latitude))}° ${latitude >= 0 ? 'N' : 'S'} ${n.format(Math.abs(longitude))}° ${longitude >= 0 ? 'E' : 'W'}`;
}
