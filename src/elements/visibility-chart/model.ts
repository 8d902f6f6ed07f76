/**
 * The night a chart shows, from `src/astro` and nothing else (pure, no DOM): the night's summary and the interval to
 * draw. Each target's events, windows and the crosshair readout are computed by `track.ts`, in the lazily loaded part.
 */
import { nightSummary, type NightSummary, type Site } from '../../astro/index.js';

const HOUR_MS = 3_600_000;
const FIVE_MINUTES_MS = 300_000;

export type ChartRange = 'night' | '24h';

/** A site with the IANA zone its local times are shown in. */
export interface ChartSite extends Site {
  elevation: number;
  timeZone: string;
}

export interface NightFrame {
  /** The night's date, local to the site. */
  date: string;
  range: ChartRange;
  summary: NightSummary;
  /** The drawn interval: sunset − 1 h to sunrise + 1 h, or local noon to noon (24 h, and nights without sunset or sunrise). */
  from: Date;
  to: Date;
}

/** The night of `date` at the site and the interval to draw. Throws RangeError on bad input (shown by the element). */
export function nightFrame(site: ChartSite, date: string, range: ChartRange): NightFrame {
  const summary = nightSummary(site, date, { timeZone: site.timeZone });
  let from = summary.from.getTime();
  let to = summary.to.getTime();
  if (range === 'night') {
    // The first sunset, then the first sunrise after it (a short polar day can put a sunrise before the sunset).
    const sunset = summary.sunEvents.find((e) => e.kind === 'sunset')?.time.getTime();
    const sunrise = summary.sunEvents.find((e) => e.kind === 'sunrise' && (sunset === undefined || e.time.getTime() > sunset))?.time.getTime();
    if (sunset !== undefined) from = Math.max(from, sunset - HOUR_MS);
    if (sunrise !== undefined) to = Math.min(to, sunrise + HOUR_MS);
    // Whole five minutes at both ends, so samples, CSV rows and the cursor fall on round times.
    from = Math.floor(from / FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
    to = Math.ceil(to / FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
    if (to - from < HOUR_MS) {
      from = summary.from.getTime();
      to = summary.to.getTime();
    }
  }
  return { date, range, summary, from: new Date(from), to: new Date(to) };
}

