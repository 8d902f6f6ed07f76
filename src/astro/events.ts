/**
 * Rise, set, twilight and transit searches over an interval [from, to).
 *
 * Conventions (those of the U.S. Naval Observatory's almanac tables):
 * - sunrise/sunset: the Sun's centre at -0.8333° geometric altitude (34′ of standard
 *   refraction plus a 16′ semidiameter), with no dip or refraction change for the site's
 *   height; twilights at -6°, -12°, -18°;
 * - moonrise/moonset: the upper limb, topocentric, 34′ of standard refraction at sea level.
 *
 * A site where an event does not happen in the interval (polar day or night, a
 * circumpolar target) simply gets no event.
 */
import { Body, Equator, Horizon, SearchAltitude, SearchHourAngle, SearchRiseSet, type Observer } from 'astronomy-engine';
import { defineTargetStar, observerFor } from './positions.js';
import type { MoonEvent, Site, SunEvent, SunEventKind, Target, TargetEvent } from './types.js';
import { checkAltitude, checkInterval, checkSite, checkTarget } from './validate.js';

const MS_PER_DAY = 86_400_000;
/** Restart a search this long after a found event so the same crossing is not found again. */
const RESTART_MS = 1_000;

/** Sun-centre altitudes (degrees) that define each solar event, and the crossing direction. */
export const SUN_EVENT_ALTITUDES: ReadonlyArray<{ kind: SunEventKind; altitude: number; direction: 1 | -1 }> = [
  { kind: 'astronomical-dawn', altitude: -18, direction: 1 },
  { kind: 'nautical-dawn', altitude: -12, direction: 1 },
  { kind: 'civil-dawn', altitude: -6, direction: 1 },
  { kind: 'sunrise', altitude: -0.8333, direction: 1 },
  { kind: 'sunset', altitude: -0.8333, direction: -1 },
  { kind: 'civil-dusk', altitude: -6, direction: -1 },
  { kind: 'nautical-dusk', altitude: -12, direction: -1 },
  { kind: 'astronomical-dusk', altitude: -18, direction: -1 },
];

/** Standard refraction at the horizon used by the almanac conventions, degrees. */
export const HORIZON_REFRACTION = 34 / 60;
/** Geometric altitude of the Sun's centre at sunrise and sunset, degrees. */
export const SUNRISE_ALTITUDE = -0.8333;

type Finder = (start: Date, limitDays: number) => Date | null;

/** Every instant a finder returns in [fromMs, toMs), restarting after each hit. */
function collect(finder: Finder, fromMs: number, toMs: number): Date[] {
  const found: Date[] = [];
  let start = fromMs;
  while (start < toMs) {
    const hit = finder(new Date(start), (toMs - start) / MS_PER_DAY);
    if (!hit) break;
    const ms = hit.getTime();
    if (ms >= toMs) break;
    if (ms >= fromMs) found.push(hit);
    start = Math.max(ms, start) + RESTART_MS;
  }
  return found;
}

const byTime = <T extends { time: Date }>(a: T, b: T): number => a.time.getTime() - b.time.getTime();

/** Sunrise, sunset and the three twilights (dawn and dusk) in [from, to), in time order. */
export function sunEvents(site: Site, from: Date, to: Date): SunEvent[] {
  const [fromMs, toMs] = checkInterval(from, to);
  const observer = observerFor(site);
  const events: SunEvent[] = [];
  for (const { kind, altitude, direction } of SUN_EVENT_ALTITUDES) {
    const finder: Finder = (start, days) => SearchAltitude(Body.Sun, observer, direction, start, days, altitude)?.date ?? null;
    for (const time of collect(finder, fromMs, toMs)) events.push({ kind, time });
  }
  // Stable sort keeps dawn-to-dusk order for events that coincide to the millisecond.
  return events.sort(byTime);
}

/**
 * Moonrise and moonset in [from, to), in time order. The site is taken at sea level, as
 * the almanac does: its height would only scale the refraction, not move the horizon.
 */
export function moonEvents(site: Site, from: Date, to: Date): MoonEvent[] {
  const [fromMs, toMs] = checkInterval(from, to);
  const observer = observerFor(site, { seaLevel: true });
  const events: MoonEvent[] = [];
  for (const direction of [1, -1] as const) {
    const finder: Finder = (start, days) => SearchRiseSet(Body.Moon, observer, direction, start, days)?.date ?? null;
    for (const time of collect(finder, fromMs, toMs)) events.push({ kind: direction === 1 ? 'moonrise' : 'moonset', time });
  }
  return events.sort(byTime);
}

/** Geometric altitude of the body loaded in the star slot (or any body), no refraction. */
function geometricAltitude(body: Body, observer: Observer, time: Date): number {
  const equ = Equator(body, time, observer, true, true);
  return Horizon(time, observer, equ.ra, equ.dec).altitude;
}

/**
 * Rises and sets of a target through a geometric altitude (default 0°: the centre on the
 * airless horizon; pass -0.5667 for the refracted horizon, or e.g. 30 for "above 30°"),
 * and its upper transits with their geometric altitude (also when below the horizon), in
 * [from, to) and in time order. Proper motion is applied once, at the epoch of `from`.
 */
export function targetEvents(
  target: Target,
  site: Site,
  from: Date,
  to: Date,
  { altitude = 0 }: { altitude?: number } = {},
): TargetEvent[] {
  const [fromMs, toMs] = checkInterval(from, to);
  checkTarget(target);
  checkSite(site);
  checkAltitude(altitude, 'options.altitude');
  const observer = observerFor(site);
  const events: TargetEvent[] = [];
  // The star slot is global to astronomy-engine; define it right before the synchronous searches.
  const star = defineTargetStar(target, from);
  for (const direction of [1, -1] as const) {
    const finder: Finder = (start, days) => SearchAltitude(star, observer, direction, start, days, altitude)?.date ?? null;
    for (const time of collect(finder, fromMs, toMs)) events.push({ kind: direction === 1 ? 'rise' : 'set', time });
  }
  const transitFinder: Finder = (start) => SearchHourAngle(star, observer, 0, start, 1).time.date;
  for (const time of collect(transitFinder, fromMs, toMs)) {
    events.push({ kind: 'transit', time, altitude: geometricAltitude(star, observer, time) });
  }
  return events.sort(byTime);
}
