/**
 * The few scales and tick rules the chart needs, written out instead of pulling in d3-scale:
 * a linear map, the altitude/airmass vertical scale, and hour ticks on the local, UTC and sidereal clocks.
 * Pure functions of numbers; no DOM.
 */
import { airmass } from '../../astro/airmass.js';

export interface LinearScale {
  (value: number): number;
  invert(pixel: number): number;
}

/** Maps [d0, d1] linearly onto [r0, r1] (no clamping). */
export function linearScale(d0: number, d1: number, r0: number, r1: number): LinearScale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as LinearScale;
  scale.invert = (p: number) => (k === 0 ? d0 : d0 + (p - r0) / k);
  return scale;
}

export type YAxisMode = 'altitude' | 'airmass';

/** Airmass values labelled on the airmass axis. */
export const AIRMASS_TICKS = [1, 1.2, 1.5, 2, 3] as const;
/** Bottom of the airmass-mode plot (≈19.3° altitude), as astroplan and Staralt draw it. */
export const AIRMASS_FLOOR = 3;

/** The altitude (degrees) at which the airmass formula gives `x` (bisection: the formula is monotonic above the horizon). */
export function altitudeForAirmass(x: number): number {
  if (!(x > 1)) return 90;
  let lo = 0;
  let hi = 90;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (airmass(mid) > x) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Vertical position of an altitude. In `altitude` mode the plot is linear from 0° (bottom) to 90° (top);
 * in `airmass` mode it is linear in airmass from 1 (top) to 3 (bottom). Values below the plot are mapped
 * below its bottom edge (not clamped), so a clip path hides them without drawing a line along the edge.
 */
export function verticalScale(mode: YAxisMode, top: number, bottom: number): (altitude: number) => number {
  if (mode === 'airmass') {
    const y = linearScale(1, AIRMASS_FLOOR, top, bottom);
    const below = bottom + (bottom - top) * 0.25;
    return (alt) => {
      if (!(alt > 0)) return below;
      return Math.min(y(airmass(alt)), below);
    };
  }
  const y = linearScale(0, 90, bottom, top);
  return (alt) => y(Math.max(alt, -30));
}

/** Altitude gridlines and labels for each mode and height. */
export function altitudeTicks(plotHeight: number): number[] {
  return plotHeight >= 220 ? [0, 15, 30, 45, 60, 75, 90] : [0, 30, 60, 90];
}

/** Altitudes labelled on the secondary (altitude) axis in airmass mode, all above the airmass-3 floor. */
export const ALTITUDE_TICKS_IN_AIRMASS_MODE = [20, 30, 45, 60, 90] as const;

const HOUR_MS = 3_600_000;
/** Tick spacings tried in order, in hours. */
const HOUR_STEPS = [1, 2, 3, 4, 6, 12];

/** The smallest hour spacing that leaves at least `minGap` pixels between ticks. */
export function hourStep(durationMs: number, plotWidth: number, minGap: number): number {
  const hours = durationMs / HOUR_MS;
  for (const step of HOUR_STEPS) if ((plotWidth / hours) * step >= minGap) return step;
  return 24;
}

/**
 * Instants in [from, to] where a clock reads a whole multiple of `step` hours. `offsetMinutes(ms)` gives the
 * clock's offset from UTC at an instant (0 for UTC, the zone's offset for local time), so daylight-saving
 * changes and half-hour zones land right: candidates are every quarter hour, kept when the clock reads hh:00.
 */
export function clockTicks(fromMs: number, toMs: number, step: number, offsetMinutes: (ms: number) => number): number[] {
  const ticks: number[] = [];
  const quarter = HOUR_MS / 4;
  for (let t = Math.ceil(fromMs / quarter) * quarter; t <= toMs; t += quarter) {
    const wall = t + offsetMinutes(t) * 60_000;
    const minutes = Math.round(wall / 60_000);
    if (minutes % 60 !== 0) continue;
    const hour = (((minutes / 60) % 24) + 24) % 24;
    if (hour % step === 0) ticks.push(t);
  }
  return ticks;
}

/** Sidereal hours run faster than solar ones by this ratio. */
const SIDEREAL_RATE = 1.00273790935;

/**
 * Instants in [from, to] where local sidereal time is a whole multiple of `step` hours, from the sidereal time
 * at `from` (hours). Sidereal time advances uniformly to within a second over a night, so a linear step suffices.
 */
export function siderealTicks(fromMs: number, toMs: number, step: number, lstAtFrom: number): number[] {
  const ticks: number[] = [];
  const first = Math.ceil(lstAtFrom / step - 1e-9) * step;
  for (let h = first; ; h += step) {
    const t = fromMs + ((h - lstAtFrom) / SIDEREAL_RATE) * HOUR_MS;
    if (t > toMs) break;
    ticks.push(t);
  }
  return ticks;
}

/** The sample step (minutes) for a plot width: about one sample per two pixels, at least one minute, snapped to a round value. */
export function sampleStepMinutes(durationMs: number, plotWidth: number): number {
  const samples = Math.max(2, plotWidth / 2);
  const raw = durationMs / 60_000 / samples;
  for (const step of [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]) if (step >= raw) return step;
  return 30;
}
