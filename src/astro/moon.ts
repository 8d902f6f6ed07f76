/**
 * Lunar phase: illuminated fraction, the principal phases and a named phase for display.
 */
import { MS_PER_DAY } from './units.js';
import { eclipticLongitude, moonOfDate, sunOfDate, timeAt, wrap180 } from './ephemeris.js';
import { findCrossings } from './search.js';
import type { MoonPhaseEvent, MoonPhaseInfo, MoonPhaseName, PrincipalPhase } from './types.js';
import { checkInterval, checkTime } from './validate.js';

/** Mean synodic rate of the Moon's elongation, degrees per day (360 / 29.530589). */
const MEAN_ELONGATION_RATE = 360 / 29.530589;
/** Half-width, in days, of the bracket searched around a predicted new Moon. */
const BRACKET_DAYS = 3;
/** Upper bound of the elongation's rate, degrees per day (it stays within 10–16). */
const MAX_ELONGATION_RATE = 18;

const PRINCIPAL: readonly PrincipalPhase[] = ['new', 'first-quarter', 'full', 'last-quarter'];

/**
 * A principal phase name is given when the phase angle is within this many degrees of
 * 0/90/180/270: the Moon's mean motion in half a day, so "full" names the night whose
 * reference instant lies within about 12 hours of the full-Moon instant.
 */
export const PRINCIPAL_PHASE_HALF_WIDTH = MEAN_ELONGATION_RATE / 2;

const wrap360 = (degrees: number): number => wrap180(degrees - 180) + 180;

/**
 * Moon minus Sun apparent geocentric ecliptic longitude (true equinox of date), 0…360°, at
 * an epoch millisecond. The Sun's place includes its aberration, which astronomy-engine's
 * own MoonPhase leaves out (that would put quarter instants ~40 s late).
 */
function elongation(ms: number): number {
  const time = timeAt(ms);
  return wrap360(eclipticLongitude(moonOfDate(time), time) - eclipticLongitude(sunOfDate(time), time));
}

/** Fraction of the Moon's disc that is lit, 0…1, seen from the Earth's centre. */
export function moonIllumination(time: Date): number {
  const t = timeAt(checkTime(time));
  const moon = moonOfDate(t);
  const toSun = sunOfDate(t).map((s, i) => s - moon[i]);
  // The phase angle (Sun–Moon–Earth) has cosine −moon·toSun / (|moon| |toSun|).
  const dot = moon.reduce((sum, m, i) => sum + m * toSun[i], 0);
  return (1 - dot / (Math.hypot(...moon) * Math.hypot(...toSun))) / 2;
}

/** Instants in [fromMs, toMs) when the elongation passes a multiple of 90° (a multiple of 360° when `newOnly`). */
function phaseInstants(fromMs: number, toMs: number, newOnly = false): number[] {
  const period = newOnly ? 360 : 90;
  // Zero at each phase and rising through it; the jump half-way between phases is a falling crossing, skipped.
  const offset = (ms: number): number => ((elongation(ms) + period / 2) % period) - period / 2;
  return findCrossings(offset, fromMs, toMs, MAX_ELONGATION_RATE, { stepMs: MS_PER_DAY, direction: 1 }).map(({ ms }) => ms);
}

/** New Moon, first quarter, full Moon and last quarter instants in [from, to), in order. */
export function moonPhases(from: Date, to: Date): MoonPhaseEvent[] {
  const [fromMs, toMs] = checkInterval(from, to);
  return phaseInstants(fromMs, toMs).map((ms) => ({ phase: PRINCIPAL[Math.round(elongation(ms) / 90) % 4], time: new Date(ms) }));
}

function phaseName(phaseAngle: number): MoonPhaseName {
  const nearest = Math.round(phaseAngle / 90) % 4;
  if (Math.abs(wrap180(phaseAngle - nearest * 90)) < PRINCIPAL_PHASE_HALF_WIDTH) return PRINCIPAL[nearest];
  if (phaseAngle < 90) return 'waxing-crescent';
  if (phaseAngle < 180) return 'waxing-gibbous';
  if (phaseAngle < 270) return 'waning-gibbous';
  return 'waning-crescent';
}

/**
 * The Moon's phase at an instant: illuminated fraction, phase angle (Moon–Sun ecliptic
 * elongation, 0…360°), waxing or waning, a display name (the principal phases within about
 * half a day of their instant, otherwise crescent/gibbous), and the age in days since the
 * previous new Moon.
 */
export function moonPhase(time: Date): MoonPhaseInfo {
  const ms = checkTime(time);
  const phaseAngle = elongation(ms);
  const guess = ms - (phaseAngle / MEAN_ELONGATION_RATE) * MS_PER_DAY;
  const [newMoon] = phaseInstants(guess - BRACKET_DAYS * MS_PER_DAY, guess + BRACKET_DAYS * MS_PER_DAY, true);
  const age = newMoon !== undefined ? Math.max(0, (ms - newMoon) / MS_PER_DAY) : phaseAngle / MEAN_ELONGATION_RATE;
  return {
    illumination: moonIllumination(time),
    phaseAngle,
    waxing: phaseAngle < 180,
    name: phaseName(phaseAngle),
    age,
  };
}
