/**
 * Rise, set and transit of a fixed target: in a module of their own, since only the chart's interactive part
 * (marks, windows, the events table) needs them.
 */
import { sight, siteFrame, starOfDate } from './ephemeris.js';
import { byTime, hourAngleEvents, maxAltitudeRate } from './events.js';
import { properMotionPosition } from './positions.js';
import { findCrossings } from './search.js';
import type { Site, Target, TargetEvent } from './types.js';
import { checkAltitude, checkInterval, checkTarget } from './validate.js';

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
  const frame = siteFrame(site);
  checkAltitude(altitude, 'options.altitude');
  const star = starOfDate(properMotionPosition(target, from));
  const events: TargetEvent[] = findCrossings((ms) => sight(star, frame, ms).altitude - altitude, fromMs, toMs, maxAltitudeRate(frame, 0.01)).map(
    ({ ms, rising }) => ({ kind: rising ? 'rise' : 'set', time: new Date(ms) }),
  );
  for (const ms of hourAngleEvents(star, frame, fromMs, toMs, 0)) {
    events.push({ kind: 'transit', time: new Date(ms), altitude: sight(star, frame, ms).altitude });
  }
  return events.sort(byTime);
}
