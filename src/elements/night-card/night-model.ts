/**
 * What the night card shows, derived from a `NightSummary` (src/astro) and a scored forecast: the span of the
 * timeline strip, the window the weather is scored over, the Moon-up intervals. Plain interval logic on top of
 * the astronomy module's results; no astronomy, no DOM.
 */
import type { DarknessKind, Interval, MoonEvent } from '../../astro/types.js';
import type { NightSummary } from '../../astro/night.js';

const HOUR_MS = 3_600_000;

/** How much the timeline extends before sunset and after sunrise. */
export const TIMELINE_MARGIN_MS = HOUR_MS;

/** The strip runs from one hour before sunset to one hour after sunrise; without either, the whole noon-to-noon window. */
export function timelineRange(night: NightSummary): Interval {
  const from = night.sunset ? Math.max(night.from.getTime(), night.sunset.getTime() - TIMELINE_MARGIN_MS) : night.from.getTime();
  const sunriseAfter = night.sunrise && (!night.sunset || night.sunrise > night.sunset) ? night.sunrise : null;
  const to = sunriseAfter ? Math.min(night.to.getTime(), sunriseAfter.getTime() + TIMELINE_MARGIN_MS) : night.to.getTime();
  return { from: new Date(from), to: new Date(to) };
}

/** How dark the scored window is: astronomical night, else the darkest twilight reached, else daylight. */
export type ScoringDarkness = Exclude<DarknessKind, 'day'> | 'day';

const DARKEST_FIRST: DarknessKind[] = ['night', 'astronomical', 'nautical', 'civil', 'day'];

/**
 * The window the weather is scored over: from the first to the last band of the darkest kind the night reaches
 * (astronomical night on most nights; a twilight on bright summer nights), clipped to the timeline. With no
 * darkness at all (midnight sun) it is the whole timeline.
 */
export function scoringWindow(night: NightSummary, range: Interval = timelineRange(night)): Interval & { darkness: ScoringDarkness } {
  for (const kind of DARKEST_FIRST) {
    const bands = night.bands.filter((b) => b.kind === kind);
    if (!bands.length || kind === 'day') continue;
    const from = Math.max(bands[0].from.getTime(), range.from.getTime());
    const to = Math.min(bands[bands.length - 1].to.getTime(), range.to.getTime());
    if (to > from) return { from: new Date(from), to: new Date(to), darkness: kind };
  }
  return { ...range, darkness: 'day' };
}

/**
 * Intervals of [from, to) with the Moon above the horizon, from the night's moonrise/moonset events. Whether the
 * Moon was up at `from` follows from the first event (a moonset first means it was up) or, with no event, from
 * the summary's `moonAlwaysUp`.
 */
export function moonUpIntervals(night: Pick<NightSummary, 'moonEvents' | 'moonAlwaysUp' | 'from' | 'to'>): Interval[] {
  const events: MoonEvent[] = [...night.moonEvents].sort((a, b) => a.time.getTime() - b.time.getTime());
  let up = events.length ? events[0].kind === 'moonset' : night.moonAlwaysUp;
  let start = night.from.getTime();
  const out: Interval[] = [];
  for (const e of events) {
    const t = e.time.getTime();
    if (e.kind === 'moonset' && up) out.push({ from: new Date(start), to: new Date(t) });
    if (e.kind === 'moonrise' && !up) start = t;
    up = e.kind === 'moonrise';
  }
  if (up) out.push({ from: new Date(start), to: new Date(night.to.getTime()) });
  return out.filter((i) => i.to.getTime() > i.from.getTime());
}

/** Intervals clipped to `range` (empty ones dropped). */
export function clip<T extends Interval>(intervals: readonly T[], range: Interval): T[] {
  return intervals
    .map((i) => ({
      ...i,
      from: new Date(Math.max(i.from.getTime(), range.from.getTime())),
      to: new Date(Math.min(i.to.getTime(), range.to.getTime())),
    }))
    .filter((i) => i.to.getTime() > i.from.getTime());
}

/** The first `from` and last `to` of the astronomical night, or null when there is none. */
export function darkSpan(night: NightSummary): Interval | null {
  const d = night.darkIntervals;
  return d.length ? { from: d[0].from, to: d[d.length - 1].to } : null;
}

/** Whole hours and minutes of a duration in hours (rounded to the minute). */
export function hoursMinutes(hours: number): { h: number; m: number } {
  const minutes = Math.max(0, Math.round(hours * 60));
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether a forecast service can answer for the night of `date`, seen from `today` (both ISO dates local to the
 * site): Open-Meteo serves up to 92 past days and 16 days ahead (the night also needs its morning).
 */
export function forecastCovers(date: string, today: string): boolean {
  const ahead = daysBetween(today, date);
  return ahead >= -92 && ahead <= 14;
}

/** Position of an instant along a range, 0…100 (percent), clamped. */
export function percentAlong(time: Date | number, range: Interval): number {
  const t = typeof time === 'number' ? time : time.getTime();
  const span = range.to.getTime() - range.from.getTime();
  if (span <= 0) return 0;
  return Math.min(100, Math.max(0, ((t - range.from.getTime()) / span) * 100));
}

/** The whole hours (UTC instants) in a range whose local minute is 0, in the given zone's wall clock. */
export function hourTicks(range: Interval, offsetMinutesAt: (t: Date) => number): Date[] {
  const ticks: Date[] = [];
  // Start at the first UTC quarter hour; zones with 30/45-minute offsets land on local whole hours there.
  const quarter = 15 * 60_000;
  for (let t = Math.ceil(range.from.getTime() / quarter) * quarter; t <= range.to.getTime(); t += quarter) {
    const local = t + offsetMinutesAt(new Date(t)) * 60_000;
    if (((local % HOUR_MS) + HOUR_MS) % HOUR_MS === 0) ticks.push(new Date(t));
  }
  return ticks;
}

export type Rating = 'good' | 'fair' | 'poor';

/** Score bands for colour and words: good from 70, fair from 40. */
export function rating(score: number): Rating {
  return score >= 70 ? 'good' : score >= 40 ? 'fair' : 'poor';
}
