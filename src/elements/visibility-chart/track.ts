/**
 * Per target, what the chart adds once its interactive part has loaded: rise/transit/set, the observable windows
 * (above the altitude limit during astronomical night), the best altitude, and the crosshair's exact readout.
 * Pure (no DOM), from `src/astro` only. These searches cost more than the sampled curves, so the first paint
 * goes without them and they follow on the next frame.
 */
import {
  airmass,
  horizontal,
  localSiderealTime,
  moonSeparation,
  targetEvents,
  type HorizontalPosition,
  type Interval,
  type Target,
  type TargetEvent,
} from '../../astro/index.js';
import type { ChartSite, NightFrame } from './model.js';

const HOUR_MS = 3_600_000;

export interface TargetTrack {
  key: string;
  /** Rises and sets through 0° (geometric) and upper transits, inside the frame. */
  events: TargetEvent[];
  /** Above the altitude limit during astronomical night. */
  windows: Interval[];
  windowHours: number;
  /** Highest point during astronomical night (or during the frame when the night has none). */
  best: { time: Date; altitude: number };
}

/** Intervals where a body is above a limit, from its crossings and its state at the start. */
function intervalsAbove(aboveAtStart: boolean, crossings: readonly TargetEvent[], fromMs: number, toMs: number): Interval[] {
  const out: Interval[] = [];
  let start: number | null = aboveAtStart ? fromMs : null;
  for (const e of crossings) {
    const t = e.time.getTime();
    if (e.kind === 'rise' && start === null) start = t;
    else if (e.kind === 'set' && start !== null) {
      if (t > start) out.push({ from: new Date(start), to: new Date(t) });
      start = null;
    }
  }
  if (start !== null && toMs > start) out.push({ from: new Date(start), to: new Date(toMs) });
  return out;
}

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a)
    for (const y of b) {
      const from = Math.max(x.from.getTime(), y.from.getTime());
      const to = Math.min(x.to.getTime(), y.to.getTime());
      if (to > from) out.push({ from: new Date(from), to: new Date(to) });
    }
  return out.sort((p, q) => p.from.getTime() - q.from.getTime());
}

const hoursIn = (intervals: readonly Interval[]) => intervals.reduce((s, i) => s + i.to.getTime() - i.from.getTime(), 0) / HOUR_MS;

/**
 * Events, observable windows and the best altitude of one target over the frame. Crossing times come from
 * `targetEvents` (searched, not read off the samples), so the table does not change with the chart's width.
 */
export function targetTrack(key: string, target: Target, site: ChartSite, frame: NightFrame, minAltitude: number): TargetTrack {
  const { from, to, summary } = frame;
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const events = targetEvents(target, site, from, to);
  const crossings = targetEvents(target, site, from, to, { altitude: minAltitude }).filter((e) => e.kind !== 'transit');
  const above = intervalsAbove(horizontal(target, site, from).altitude >= minAltitude, crossings, fromMs, toMs);
  const dark = summary.darkIntervals
    .map((i) => ({ from: new Date(Math.max(i.from.getTime(), fromMs)), to: new Date(Math.min(i.to.getTime(), toMs)) }))
    .filter((i) => i.to > i.from);
  const windows = intersect(above, dark);

  // The highest point in darkness is at a transit inside it or at one of its edges.
  const spans = dark.length ? dark : [{ from, to }];
  let best = { time: spans[0].from, altitude: -Infinity };
  const consider = (time: Date, altitude: number) => {
    if (altitude > best.altitude) best = { time, altitude };
  };
  for (const span of spans) {
    consider(span.from, horizontal(target, site, span.from).altitude);
    consider(span.to, horizontal(target, site, span.to).altitude);
    for (const e of events) {
      if (e.kind === 'transit' && e.altitude !== undefined && e.time >= span.from && e.time <= span.to) consider(e.time, e.altitude);
    }
  }
  return { key, events, windows, windowHours: hoursIn(windows), best };
}

export interface TargetReadout extends HorizontalPosition {
  key: string;
  /** Kasten & Young airmass; Infinity below the horizon. */
  airmass: number;
  /** Degrees from the Moon's centre. */
  moonSeparation: number;
}

export interface Readout {
  time: Date;
  /** Local apparent sidereal time, hours. */
  lst: number;
  moon: HorizontalPosition;
  targets: TargetReadout[];
}

/** Exact positions at one instant (the full computation of `horizontal`, not the sampled curves). */
export function readoutAt(time: Date, site: ChartSite, targets: readonly { key: string; target: Target }[]): Readout {
  return {
    time,
    lst: localSiderealTime(site.longitude, time),
    moon: horizontal('moon', site, time),
    targets: targets.map(({ key, target }) => {
      const position = horizontal(target, site, time);
      return { key, ...position, airmass: airmass(position.altitude), moonSeparation: moonSeparation(target, site, time) };
    }),
  };
}
