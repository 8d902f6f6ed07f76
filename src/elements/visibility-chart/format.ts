/**
 * Text for times, sidereal times and numbers, in the reader's language and the site's time zone.
 * One instance per (locale, zone): Intl formatters are costly to create and cheap to use.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Sidereal time in hours as `HH:MM` (or `HH:MM:SS`), wrapping at 24 h. */
export function formatHours(hours: number, seconds = false): string {
  if (!Number.isFinite(hours)) return '';
  const total = Math.round((((hours % 24) + 24) % 24) * (seconds ? 3600 : 60));
  const perHour = seconds ? 3600 : 60;
  const h = Math.floor(total / perHour) % 24;
  const m = seconds ? Math.floor((total % 3600) / 60) : total % 60;
  return seconds ? `${pad2(h)}:${pad2(m)}:${pad2(total % 60)}` : `${pad2(h)}:${pad2(m)}`;
}

export class SiteFormats {
  private readonly local: Intl.DateTimeFormat;
  private readonly utc: Intl.DateTimeFormat;
  private readonly isoLocal: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly integer: Intl.NumberFormat;
  private readonly oneDecimal: Intl.NumberFormat;
  private readonly twoDecimals: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;
  private readonly tick: Intl.NumberFormat;

  constructor(
    readonly locale: string,
    readonly timeZone: string,
  ) {
    // Astronomers read a 24-hour clock; it also keeps axis labels short in every language.
    const hm = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    this.local = new Intl.DateTimeFormat(locale, { ...hm, timeZone });
    this.utc = new Intl.DateTimeFormat(locale, { ...hm, timeZone: 'UTC' });
    this.isoLocal = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    this.day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    this.tick = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  }

  /** Site-local wall-clock time, `22:15`. */
  time(ms: number): string {
    return this.local.format(ms);
  }

  utcTime(ms: number): string {
    return this.utc.format(ms);
  }

  /** Site-local `YYYY-MM-DD HH:MM:SS`, language-independent (for CSV). */
  isoLocalTime(ms: number): string {
    const p: Record<string, string> = {};
    for (const part of this.isoLocal.formatToParts(ms)) p[part.type] = part.value;
    return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
  }

  /** A calendar date given as `YYYY-MM-DD` (a night's date), e.g. `Sat, 21 Mar 2026`. */
  nightDate(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    return this.day.format(Date.UTC(y, m - 1, d, 12));
  }

  degrees(value: number): string {
    return `${this.integer.format(value)}°`;
  }

  hours(value: number): string {
    return this.oneDecimal.format(value);
  }

  airmass(value: number): string {
    return this.twoDecimals.format(value);
  }

  /** An airmass axis label: `1`, `1.2`. */
  airmassTick(value: number): string {
    return this.tick.format(value);
  }

  percentage(fraction: number): string {
    return this.percent.format(fraction);
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

/** `UTC+5:30`, `UTC−3`, `UTC` from an offset in minutes (typographic minus). */
export function offsetLabel(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${pad2(m)}` : ''}`;
}
