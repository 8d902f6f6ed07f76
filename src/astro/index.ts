/**
 * Pure astronomy for the widgets (Node and browsers, no DOM), on astronomy-engine.
 * All times are `Date` instants, angles degrees, sites {latitude, longitude, elevation?}
 * with east-positive longitude, targets ICRS J2000 {ra, dec, pmRa?, pmDec?}.
 */
export type {
  Site,
  Target,
  RaDec,
  HorizontalPosition,
  SunEventKind,
  SunEvent,
  MoonEventKind,
  MoonEvent,
  TargetEventKind,
  TargetEvent,
  PrincipalPhase,
  MoonPhaseEvent,
  MoonPhaseName,
  MoonPhaseInfo,
  DarknessKind,
  DarknessBand,
  Interval,
} from './types.js';
export { sunEvents, moonEvents, SUN_EVENT_ALTITUDES } from './events.js';
export { targetEvents } from './target-events.js';
export { horizontal, properMotionPosition, localSiderealTime, type BodyName } from './positions.js';
export { apparentPlace, angularSeparation, moonSeparation } from './separation.js';
export { moonIllumination, moonPhases, moonPhase } from './moon.js';
export { airmass } from './airmass.js';
export { darknessBands, darknessKind, nightSummary, type NightSummary } from './night.js';
export { altitudeCurves, equatorialToHorizontal, MAX_SAMPLES, type AltitudeCurves, type HorizontalSeries } from './curves.js';
export {
  zoneOffsetMinutes,
  isValidTimeZone,
  localDateString,
  zonedTime,
  nightDate,
  nightWindow,
  addDays,
  parseDateString,
} from './time.js';
