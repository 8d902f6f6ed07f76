/**
 * Observing score: how good an hour of forecast weather is for night-time astronomy, 0 (hopeless) to 100
 * (clear, dry, calm). Pure, no DOM; inputs are the `ForecastHour` records of `weather.ts` (percentages 0–100,
 * °C, m/s) or anything with the same fields.
 *
 * ## Formula
 * Each factor is first scored from 0 (observing impossible) to 1 (no harm):
 *
 * - **cloud** = 1 − obstruction. With the three layers known, obstruction = 1 − (1 − low)(1 − mid)(1 − ½·high):
 *   layers overlap at random, and high cloud (mostly thin cirrus) blocks about half as much as low or mid cloud.
 *   Without layers, obstruction = total cover. Total cover counts thin cirrus fully, so layers are preferred.
 * - **precipitation** = 1 − probability.
 * - **humidity** = min(RH part, dew part): RH part falls linearly from 1 at 70 % to 0 at 98 %; dew part rises
 *   linearly from 0 at a dew-point spread (temperature − dew point) of 1 °C to 1 at 5 °C. Optics dew up and haze
 *   grows as the spread closes. The dew point is derived from temperature and RH (Magnus) when not given.
 * - **wind** = min(sustained part, gust part): sustained 10 m wind falls linearly from 1 at 5 m/s to 0 at
 *   15 m/s (most domes close around 15 m/s); gusts from 1 at 10 m/s to 0 at 20 m/s (telescope shake).
 *
 * The hour's score is a weighted geometric mean, 100 · Π sᵢ^(wᵢ / max w): the heaviest factor counts linearly,
 * lighter ones soften, and any factor at 0 (overcast, certain rain, fog, a closing wind) makes the hour 0.
 * Only the ratios of the weights matter; a weight of 0 leaves a factor out. Default weights:
 * cloud 0.5, precipitation 0.2, humidity 0.15, wind 0.15. A factor with no data is left out and named in
 * `missing`; an hour with no cloud data has no score (`null`): without clouds there is nothing to say.
 *
 * The **night score** is the mean of the hourly scores weighted by each hour's overlap with the night window
 * (each forecast value stands for the hour centred on its time). The **best window** is the longest run of
 * consecutive scored hours, inside the night window, that all score at least `minScore` and within `tolerance`
 * points of the night's best hour (earliest on ties); its score is its own overlap-weighted mean.
 */
import { ArcApiError } from './errors.js';

export const SCORE_FACTORS = ['cloud', 'precipitation', 'humidity', 'wind'] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];

export type ScoreWeights = Record<ScoreFactor, number>;

export const DEFAULT_SCORE_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  cloud: 0.5,
  precipitation: 0.2,
  humidity: 0.15,
  wind: 0.15,
});

/** The forecast fields the score reads (a `ForecastHour` fits). Percentages 0–100, °C, m/s. */
export interface ScoredConditions {
  cloudCover?: number | null;
  cloudLow?: number | null;
  cloudMid?: number | null;
  cloudHigh?: number | null;
  precipitationProbability?: number | null;
  humidity?: number | null;
  dewPoint?: number | null;
  temperature?: number | null;
  windSpeed?: number | null;
  windGusts?: number | null;
}

/** Each factor's own score, 0…1, or null when its inputs are missing. */
export type FactorScores = Record<ScoreFactor, number | null>;

export interface HourScore {
  time: Date;
  /** 0–100, rounded to an integer; null without cloud data or with every weight of the known factors at 0. */
  score: number | null;
  factors: FactorScores;
  /** The known factor with the lowest score among those weighted (what limits this hour), or null. */
  limiting: ScoreFactor | null;
  /** Factors left out for want of data. */
  missing: ScoreFactor[];
}

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface ScoredWindow extends TimeWindow {
  /** Overlap-weighted mean score of the window, 0–100 (integer). */
  score: number;
}

export interface BestWindowOptions {
  /** Lowest hourly score a best window may contain. Default 40. */
  minScore?: number;
  /** How far below the night's best hour an hour may score and still belong to the window. Default 10. */
  tolerance?: number;
}

const HOUR_MS = 3_600_000;

/** Thresholds of the factor ramps (documented in the module comment). */
export const SCORE_THRESHOLDS = Object.freeze({
  highCloudOpacity: 0.5,
  humidityGood: 70,
  humidityBad: 98,
  spreadBad: 1,
  spreadGood: 5,
  windGood: 5,
  windBad: 15,
  gustGood: 10,
  gustBad: 20,
});

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const fraction = (percent: number) => clamp01(percent / 100);
/** 1 at or below `good`, 0 at or above `bad`, linear between (works for `good > bad` too). */
const ramp = (value: number, good: number, bad: number) => clamp01((bad - value) / (bad - good));

/** Dew point (°C) from temperature (°C) and relative humidity (%) by the Magnus formula (Alduchov & Eskridge 1996). */
export function dewPointFromHumidity(temperature: number, humidity: number): number | null {
  if (!finite(temperature) || !finite(humidity) || humidity <= 0) return null;
  const a = 17.625;
  const b = 243.04;
  const gamma = Math.log(Math.min(humidity, 100) / 100) + (a * temperature) / (b + temperature);
  return (b * gamma) / (a - gamma);
}

/** Temperature minus dew point in °C (the dew point derived from RH when not given), or null. */
export function dewPointSpread(h: ScoredConditions): number | null {
  if (!finite(h.temperature)) return null;
  const dew = finite(h.dewPoint) ? h.dewPoint : finite(h.humidity) ? dewPointFromHumidity(h.temperature, h.humidity) : null;
  return dew === null ? null : Math.max(0, h.temperature - dew);
}

/** Sky fraction (0…1) blocked by cloud: from the layers when all three are known, else the total, else null. */
export function cloudObstruction(h: ScoredConditions): number | null {
  if (finite(h.cloudLow) && finite(h.cloudMid) && finite(h.cloudHigh)) {
    const clear =
      (1 - fraction(h.cloudLow)) * (1 - fraction(h.cloudMid)) * (1 - SCORE_THRESHOLDS.highCloudOpacity * fraction(h.cloudHigh));
    return clamp01(1 - clear);
  }
  return finite(h.cloudCover) ? fraction(h.cloudCover) : null;
}

/** The four factor scores of one hour, each 0…1 or null when its data is missing. */
export function factorScores(h: ScoredConditions): FactorScores {
  const t = SCORE_THRESHOLDS;
  const obstruction = cloudObstruction(h);

  const spread = dewPointSpread(h);
  const humidityParts = [
    finite(h.humidity) ? ramp(h.humidity, t.humidityGood, t.humidityBad) : null,
    spread === null ? null : ramp(spread, t.spreadGood, t.spreadBad),
  ].filter(finite);

  const windParts = [
    finite(h.windSpeed) ? ramp(h.windSpeed, t.windGood, t.windBad) : null,
    finite(h.windGusts) ? ramp(h.windGusts, t.gustGood, t.gustBad) : null,
  ].filter(finite);

  return {
    cloud: obstruction === null ? null : 1 - obstruction,
    precipitation: finite(h.precipitationProbability) ? 1 - fraction(h.precipitationProbability) : null,
    humidity: humidityParts.length ? Math.min(...humidityParts) : null,
    wind: windParts.length ? Math.min(...windParts) : null,
  };
}

/** Checks a complete weight set: finite, non-negative, not all zero. Throws `invalid-input` naming the problem. */
export function checkScoreWeights(weights: Partial<ScoreWeights>): ScoreWeights {
  if (weights === null || typeof weights !== 'object') {
    throw new ArcApiError('invalid-input', 'Score weights must be an object such as {cloud: 0.5, precipitation: 0.2, humidity: 0.15, wind: 0.15}.');
  }
  const unknown = Object.keys(weights).filter((k) => !(SCORE_FACTORS as readonly string[]).includes(k));
  if (unknown.length) {
    throw new ArcApiError('invalid-input', `Unknown score factor “${unknown[0]}”: use ${SCORE_FACTORS.join(', ')}.`);
  }
  const full = { ...DEFAULT_SCORE_WEIGHTS, ...weights } as ScoreWeights;
  for (const f of SCORE_FACTORS) {
    const w = full[f];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new ArcApiError('invalid-input', `The weight of “${f}” must be a number ≥ 0 (got “${String(w)}”).`);
    }
  }
  if (SCORE_FACTORS.every((f) => full[f] === 0)) {
    throw new ArcApiError('invalid-input', 'At least one score weight must be above 0.');
  }
  return full;
}

/**
 * Weights from text such as `cloud:0.5 precipitation:0.2 humidity:0.15 wind:0.15` (`:` or `=`, separated by
 * spaces, commas or semicolons). Factors not named keep their default weight. Throws `invalid-input` with a message
 * that says what is wrong; an empty text gives the defaults.
 */
export function parseScoreWeights(text: string | null | undefined): ScoreWeights {
  const source = String(text ?? '').trim();
  if (!source) return { ...DEFAULT_SCORE_WEIGHTS };
  const weights: Partial<Record<string, number>> = {};
  // `cloud : 0.5` is one item: glue spaces around the separator before splitting on spaces.
  for (const item of source.replace(/\s*([:=])\s*/g, '$1').split(/[\s,;]+/).filter(Boolean)) {
    const m = /^([a-z-]+)\s*[:=]\s*(.*)$/i.exec(item);
    if (!m) {
      throw new ArcApiError(
        'invalid-input',
        `Could not read “${item}” in the score weights: write factor:weight, e.g. “cloud:0.5 precipitation:0.2 humidity:0.15 wind:0.15”.`,
      );
    }
    const name = m[1].toLowerCase();
    const value = m[2].trim() === '' ? Number.NaN : Number(m[2]);
    if (!(SCORE_FACTORS as readonly string[]).includes(name)) {
      throw new ArcApiError('invalid-input', `Unknown score factor “${m[1]}”: use ${SCORE_FACTORS.join(', ')}.`);
    }
    if (name in weights) throw new ArcApiError('invalid-input', `The score factor “${name}” is given twice.`);
    if (!Number.isFinite(value) || value < 0) {
      throw new ArcApiError('invalid-input', `The weight of “${name}” must be a number ≥ 0 (got “${m[2]}”).`);
    }
    weights[name] = value;
  }
  return checkScoreWeights(weights as Partial<ScoreWeights>);
}

/** Score one hour (see the module comment for the formula). */
export function scoreHour(h: ScoredConditions & { time: Date }, weights: Readonly<ScoreWeights> = DEFAULT_SCORE_WEIGHTS): HourScore {
  const factors = factorScores(h);
  const missing = SCORE_FACTORS.filter((f) => factors[f] === null);
  const heaviest = Math.max(...SCORE_FACTORS.map((f) => weights[f]));
  let score: number | null = null;
  let limiting: ScoreFactor | null = null;
  if (factors.cloud !== null && heaviest > 0) {
    let product = 1;
    let used = 0;
    for (const f of SCORE_FACTORS) {
      const s = factors[f];
      const w = weights[f];
      if (s === null || w <= 0) continue;
      used++;
      product *= s ** (w / heaviest);
      if (limiting === null || s < (factors[limiting] as number)) limiting = f;
    }
    score = used ? Math.round(100 * product) : null;
  }
  return { time: h.time, score, factors, limiting, missing };
}

/** Score every hour of a forecast. */
export function scoreHours(hours: readonly (ScoredConditions & { time: Date })[], weights: Readonly<ScoreWeights> = DEFAULT_SCORE_WEIGHTS): HourScore[] {
  return hours.map((h) => scoreHour(h, weights));
}

/** Milliseconds of the hour centred on `time` that fall inside `window`. */
function overlap(time: Date, window: TimeWindow): number {
  const start = Math.max(time.getTime() - HOUR_MS / 2, window.from.getTime());
  const end = Math.min(time.getTime() + HOUR_MS / 2, window.to.getTime());
  return Math.max(0, end - start);
}

function checkWindow(window: TimeWindow): void {
  const from = window?.from?.getTime?.();
  const to = window?.to?.getTime?.();
  if (!Number.isFinite(from) || !Number.isFinite(to) || to! <= from!) {
    throw new ArcApiError('invalid-input', 'The night window must have a valid start before its end.');
  }
}

function weightedMean(hours: readonly HourScore[], window: TimeWindow): number | null {
  let sum = 0;
  let weight = 0;
  for (const h of hours) {
    if (h.score === null) continue;
    const w = overlap(h.time, window);
    sum += h.score * w;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

/** Overlap-weighted mean score (0–100, integer) of the hours inside `window`; null when no scored hour overlaps it. */
export function nightScore(hours: readonly HourScore[], window: TimeWindow): number | null {
  checkWindow(window);
  const mean = weightedMean(hours, window);
  return mean === null ? null : Math.round(mean);
}

/**
 * The best observing window inside `window` (see the module comment), clipped to it; null when no hour inside
 * scores at least `minScore`.
 */
export function bestWindow(hours: readonly HourScore[], window: TimeWindow, options: BestWindowOptions = {}): ScoredWindow | null {
  checkWindow(window);
  const { minScore = 40, tolerance = 10 } = options;
  const inside = hours
    .filter((h) => overlap(h.time, window) > 0)
    .sort((a, b) => a.time.getTime() - b.time.getTime());
  const top = Math.max(-1, ...inside.map((h) => h.score ?? -1));
  if (top < minScore) return null;
  const threshold = Math.max(minScore, top - tolerance);

  let best: { start: number; end: number } | null = null;
  let runStart = -1;
  for (let i = 0; i <= inside.length; i++) {
    const h = inside[i];
    // A gap of more than an hour between forecast hours breaks a run.
    const contiguous = i > 0 && h && h.time.getTime() - inside[i - 1].time.getTime() <= HOUR_MS;
    const good = h && h.score !== null && h.score >= threshold;
    if (runStart >= 0 && (!good || !contiguous)) {
      const span = (j: number) => inside[j].time.getTime();
      const length = span(i - 1) - span(runStart);
      if (!best || length > span(best.end) - span(best.start)) best = { start: runStart, end: i - 1 };
      runStart = -1;
    }
    if (good && runStart < 0) runStart = i;
  }
  if (!best) return null;
  const from = new Date(Math.max(inside[best.start].time.getTime() - HOUR_MS / 2, window.from.getTime()));
  const to = new Date(Math.min(inside[best.end].time.getTime() + HOUR_MS / 2, window.to.getTime()));
  const score = weightedMean(inside.slice(best.start, best.end + 1), { from, to });
  return { from, to, score: Math.round(score ?? 0) };
}

/** Seeing indicator from the 250 hPa (jet-stream) wind in m/s: a rough estimate, not a measurement. */
export type SeeingIndicator = 'good' | 'fair' | 'poor';

/**
 * A coarse seeing indicator from the upper-air wind: strong jet-stream winds bring turbulence aloft. Under
 * 20 m/s → good, 20–35 m/s → fair, above → poor. An estimate: it ignores ground-layer and dome seeing.
 */
export function seeingFromUpperWind(windSpeed250hPa: number | null | undefined): SeeingIndicator | null {
  if (!finite(windSpeed250hPa) || windSpeed250hPa < 0) return null;
  if (windSpeed250hPa < 20) return 'good';
  if (windSpeed250hPa <= 35) return 'fair';
  return 'poor';
}
