/**
 * Lunar phase: illuminated fraction, the principal phases and a named phase for display.
 */
import { Body, EclipticGeoMoon, Illumination, MakeTime, Search, SunPosition } from 'astronomy-engine';
import type { MoonPhaseEvent, MoonPhaseInfo, MoonPhaseName, PrincipalPhase } from './types.js';
import { checkInterval, checkTime } from './validate.js';

const MS_PER_DAY = 86_400_000;
/** Mean synodic rate of the Moon's elongation, degrees per day (360 / 29.530589). */
const MEAN_ELONGATION_RATE = 360 / 29.530589;
/** Half-width, in days, of the bracket searched around a predicted phase instant. */
const BRACKET_DAYS = 3;

const PRINCIPAL: readonly PrincipalPhase[] = ['new', 'first-quarter', 'full', 'last-quarter'];

/**
 * A principal phase name is given when the phase angle is within this many degrees of
 * 0/90/180/270: the Moon's mean motion in half a day, so "full" names the night whose
 * reference instant lies within about 12 hours of the full-Moon instant.
 */
export const PRINCIPAL_PHASE_HALF_WIDTH = MEAN_ELONGATION_RATE / 2;

const wrap360 = (degrees: number): number => ((degrees % 360) + 360) % 360;
const wrap180 = (degrees: number): number => wrap360(degrees + 180) - 180;

/**
 * Moon minus Sun apparent geocentric ecliptic longitude (true equinox of date), 0…360°.
 * SunPosition includes the aberration that astronomy-engine's own MoonPhase leaves out,
 * which would put quarter instants ~40 s late.
 */
function elongation(time: Date): number {
  return wrap360(EclipticGeoMoon(time).lon - SunPosition(time).elon);
}

/** Fraction of the Moon's disc that is lit, 0…1, seen from the Earth's centre. */
export function moonIllumination(time: Date): number {
  checkTime(time);
  return Illumination(Body.Moon, time).phase_fraction;
}

/** The instant near `guessMs` when the elongation equals `target` degrees, or null. */
function solveElongation(target: number, guessMs: number): Date | null {
  const f = (t: { date: Date }): number => wrap180(elongation(t.date) - target);
  const found = Search(f, MakeTime(new Date(guessMs - BRACKET_DAYS * MS_PER_DAY)), MakeTime(new Date(guessMs + BRACKET_DAYS * MS_PER_DAY)), {
    dt_tolerance_seconds: 0.1,
  });
  return found ? found.date : null;
}

/** New Moon, first quarter, full Moon and last quarter instants in [from, to), in order. */
export function moonPhases(from: Date, to: Date): MoonPhaseEvent[] {
  const [fromMs, toMs] = checkInterval(from, to);
  const events: MoonPhaseEvent[] = [];
  let startMs = fromMs;
  while (startMs < toMs) {
    const current = elongation(new Date(startMs));
    // The next multiple of 90° at or after the current elongation (it only ever increases).
    const quarter = Math.ceil(current / 90);
    const ahead = quarter * 90 - current;
    const target = (quarter * 90) % 360;
    const time = solveElongation(target, startMs + (ahead / MEAN_ELONGATION_RATE) * MS_PER_DAY);
    if (!time) break; // cannot happen with a 6-day bracket; guards against an endless loop
    const ms = time.getTime();
    if (ms >= toMs) break;
    if (ms >= fromMs) events.push({ phase: PRINCIPAL[quarter % 4], time });
    startMs = Math.max(ms, startMs) + 60_000;
  }
  return events;
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
  const phaseAngle = elongation(time);
  const newMoon = solveElongation(0, ms - (phaseAngle / MEAN_ELONGATION_RATE) * MS_PER_DAY);
  const age = newMoon ? Math.max(0, (ms - newMoon.getTime()) / MS_PER_DAY) : phaseAngle / MEAN_ELONGATION_RATE;
  return {
    illumination: Illumination(Body.Moon, time).phase_fraction,
    phaseAngle,
    waxing: phaseAngle < 180,
    name: phaseName(phaseAngle),
    age,
  };
}
