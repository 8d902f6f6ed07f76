/**
 * Text for times, sidereal times and numbers, in the reader's language and the site's time zone.
 * One instance per (locale, zone), shared by every chart on the page: Intl formatters are costly to create and
 * cheap to use.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Sidereal time in hours as `HH:MM` (or `HH:MM:SS`), wrapping at 24 h. */
export function formatHours(hours: number, seconds = false): string {
  if (!Number.isFinite(hours)) return '';
  const perHour = seconds ? 3600 : 60;
  const total = Math.round((((hours % 24) + 24) % 24) * perHour) % (24 * perHour);
  const text = `${pad2(Math.floor(total / perHour))}:${pad2(Math.floor(total / (perHour / 60)) % 60)}`;
  return seconds ? `${text}:${pad2(total % 60)}` : text;
}

/** `UTC+5:30`, `UTC−3`, `UTC` from an offset in minutes (typographic minus). */
export function offsetLabel(minutes: number): string {
  if (!Number.isFinite(minutes) || !minutes) return 'UTC';
  const abs = Math.abs(Math.round(minutes));
  return `UTC${minutes > 0 ? '+' : '−'}${Math.floor(abs / 60)}${abs % 60 ? `:${pad2(abs % 60)}` : ''}`;
}

export class SiteFormats {
  private readonly local: Intl.DateTimeFormat;
  private readonly utc: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly numbers = new Map<string, Intl.NumberFormat>();

  constructor(
    readonly locale: string,
    readonly timeZone: string,
  ) {
    // Astronomers read a 24-hour clock; it also keeps axis labels short in every language.
    const hm = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    this.local = new Intl.DateTimeFormat(locale, { ...hm, timeZone });
    this.utc = new Intl.DateTimeFormat(locale, { ...hm, timeZone: 'UTC' });
    this.day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }

  /** Site-local wall-clock time, `22:15`. */
  time(ms: number): string {
    return this.local.format(ms);
  }

  utcTime(ms: number): string {
    return this.utc.format(ms);
  }

  /** A calendar date given as `YYYY-MM-DD` (a night's date, already checked), e.g. `Sat, 21 Mar 2026`. */
  nightDate(date: string): string {
    return this.day.format(new Date(`${date}T12:00Z`));
  }

  /** A number with `min` to `max` decimals (`percent`: a fraction as a percentage). */
  number(value: number, min = 0, max = min, percent = false): string {
    const key = `${min} ${max} ${percent}`;
    let format = this.numbers.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, { minimumFractionDigits: min, maximumFractionDigits: max, style: percent ? 'percent' : 'decimal' });
      this.numbers.set(key, format);
    }
    return format.format(value);
  }

  degrees(value: number): string {
    return `${this.number(value)}°`;
  }

  percentage(fraction: number): string {
    return this.number(fraction, 0, 0, true);
  }
}

/** Formatters are immutable and slow to create: one set per language and zone, shared by every chart on the page. */
const shared = new Map<string, SiteFormats>();

export function siteFormats(locale: string, timeZone: string): SiteFormats {
  const key = `${locale}|${timeZone}`;
  let formats = shared.get(key);
  if (!formats) {
    if (shared.size > 32) shared.clear();
    shared.set(key, (formats = new SiteFormats(locale, timeZone)));
  }
  return formats;
}
