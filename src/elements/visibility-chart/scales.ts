/**
 * The few scales and tick rules the chart needs, written out instead of pulling in d3-scale:
 * a linear map, the altitude/airmass vertical scale, and hour ticks on the local, UTC and sidereal clocks.
 * Pure functions of numbers; no DOM.
 */
import { airmass } from '../../astro/airmass.js';

/** Maps [d0, d1] linearly onto [r0, r1] (no clamping). */
export const linearScale =
  (d0: number, d1: number, r0: number, r1: number) =>
  (value: number): number =>
    d1 === d0 ? r0 : r0 + ((value - d0) * (r1 - r0)) / (d1 - d0);

export type YAxisMode = 'altitude' | 'airmass';

/** Airmass values labelled on the airmass axis; the last is the bottom of the airmass-mode plot (≈19.3° altitude), as astroplan and Staralt draw it. */
export const AIRMASS_TICKS = [1, 1.2, 1.5, 2, 3];

/** Altitudes labelled on the secondary (altitude) axis in airmass mode, all above the airmass-3 floor. */
export const ALTITUDE_TICKS_IN_AIRMASS_MODE = [20, 30, 45, 60, 90];

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
    const y = linearScale(1, 3, top, bottom);
    const below = bottom + (bottom - top) / 4;
    return (alt) => (alt > 0 ? Math.min(y(airmass(alt)), below) : below);
  }
  const y = linearScale(0, 90, bottom, top);
  return (alt) => y(Math.max(alt, -30));
}

const HOUR_MS = 3_600_000;

/** The smallest hour spacing (1, 2, 3, 4, 6, 12, else 24) that leaves at least `minGap` pixels between ticks. */
export const hourStep = (durationMs: number, plotWidth: number, minGap: number): number =>
  [1, 2, 3, 4, 6, 12].find((step) => ((plotWidth * HOUR_MS) / durationMs) * step >= minGap) ?? 24;

/**
 * Instants in [from, to] where a clock reads a whole multiple of `step` hours. `offsetMinutes(ms)` gives the
 * clock's offset from UTC at an instant (0 for UTC, the zone's offset for local time), so daylight-saving
 * changes and half-hour zones land right: candidates are every quarter hour, kept when the clock reads hh:00.
 */
export function clockTicks(fromMs: number, toMs: number, step: number, offsetMinutes: (ms: number) => number): number[] {
  const ticks: number[] = [];
  const quarter = HOUR_MS / 4;
  for (let t = Math.ceil(fromMs / quarter) * quarter; t <= toMs; t += quarter) {
    const minutes = Math.round(t / 60_000 + offsetMinutes(t));
    const hour = (((minutes / 60) % 24) + 24) % 24;
    if (minutes % 60 === 0 && hour % step === 0) ticks.push(t);
  }
  return ticks;
}

/**
 * Instants in [from, to] where local sidereal time is a whole multiple of `step` hours, from the sidereal time
 * at `from` (hours). Sidereal hours run faster than solar ones by 1.00273790935, uniformly to within a second
 * over a night, so a linear step suffices.
 */
export function siderealTicks(fromMs: number, toMs: number, step: number, lstAtFrom: number): number[] {
  const ticks: number[] = [];
  for (let h = Math.ceil(lstAtFrom / step - 1e-9) * step; ; h += step) {
    const t = fromMs + ((h - lstAtFrom) / 1.00273790935) * HOUR_MS;
    if (t > toMs) return ticks;
    ticks.push(t);
  }
}

/** The sample step (minutes) for a plot width: about one sample per two pixels, at least one minute, snapped to a round value. */
export const sampleStepMinutes = (durationMs: number, plotWidth: number): number =>
  [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].find((step) => step >= durationMs / 60_000 / Math.max(2, plotWidth / 2)) ?? 30;
