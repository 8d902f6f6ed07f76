/**
 * The one root finder behind every event search: all the sign changes of a function of time
 * in [from, to), to the millisecond.
 *
 * The function is sampled on a coarse grid. Between two samples it can only dip across zero
 * and back if it has time to, given an upper bound on its rate of change; wherever it might,
 * the interval is bisected (astronomy-engine's rise/set search prunes the same way), so grazing
 * rises and sets near the poles are not stepped over; each sign change is bisected down to
 * the millisecond. An event is reported at the first millisecond with the new sign, so the
 * same event has the same instant whatever window finds it, and an event at exactly `from`
 * belongs to [from, to).
 */
import { MS_PER_DAY, MS_PER_HOUR } from './units.js';

export interface Crossing {
  /** First epoch millisecond at which the function has its new sign. */
  ms: number;
  /** True when the function goes from negative to zero or positive. */
  rising: boolean;
}

export interface CrossingOptions {
  /** Grid step, ms; an hour unless given. */
  stepMs?: number;
  /** Only rising (1) or only falling (-1) crossings; jumps of a wrapped angle are skipped this way unrefined. */
  direction?: 1 | -1;
}

/** Crossing pairs closer than this are not looked for (a second of refraction noise; astronomy-engine's limit too). */
const MIN_PAIR_MS = 1000;

/**
 * Every crossing of zero by `f` (a function of epoch milliseconds) in [fromMs, toMs), in time
 * order. `maxRatePerDay` must bound |df/dt| in f's units per day: the pruning relies on it.
 */
export function findCrossings(
  f: (ms: number) => number,
  fromMs: number,
  toMs: number,
  maxRatePerDay: number,
  { stepMs = MS_PER_HOUR, direction }: CrossingOptions = {},
): Crossing[] {
  const found: Crossing[] = [];
  if (!(toMs > fromMs)) return found;
  const rate = maxRatePerDay / MS_PER_DAY;
  const scan = (a: number, fa: number, b: number, fb: number): void => {
    const rising = fb >= 0;
    const crossing = fa < 0 === rising && (!direction || direction > 0 === rising);
    const width = b - a;
    // Reaching zero from fa and getting on to fb takes at least (|fa| + |fb|) / rate: if there
    // is no more time than that, the signs at the ends tell everything. Split otherwise, and
    // around a crossing down to the millisecond: by regula falsi once within a second, where
    // these functions are straight enough for it to land within a millisecond or two (and
    // where, were one not, each step would still gain a millisecond).
    if ((width > MIN_PAIR_MS && Math.abs(fa) + Math.abs(fb) < rate * width) || (crossing && width > 1)) {
      const middle = width > MIN_PAIR_MS ? Math.floor(a + width / 2) : Math.min(Math.max(Math.round(a + (fa / (fa - fb)) * width), a + 1), b - 1);
      const fm = f(middle);
      scan(a, fa, middle, fm);
      scan(middle, fm, b, fb);
    } else if (crossing) {
      found.push({ ms: b, rising });
    }
  };
  // Start a millisecond early so that a crossing at exactly fromMs is seen.
  let a = fromMs - 1;
  let fa = f(a);
  while (a < toMs - 1) {
    const b = Math.min(a + stepMs, toMs - 1);
    const fb = f(b);
    scan(a, fa, b, fb);
    a = b;
    fa = fb;
  }
  return found;
}
