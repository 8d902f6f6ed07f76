/** Shapes shared by the night card and its lazily loaded weather part (types only: no runtime code). */
import type { TemplateResult } from 'lit';
import type { ResolvedSite } from '../../controllers/site.js';
import type { LocalizeHost } from '../../controllers/localize.js';
import type { NightSummary } from '../../astro/night.js';
import type { Interval } from '../../astro/types.js';
import type { ForecastHour } from '../../api/records.js';
import type { ArcApiError } from '../../api/errors.js';
import type { HourScore, ScoredConditions, ScoreWeights } from '../../api/observing-score.js';
import type { ScoringDarkness } from './night-model.js';
import type { Units } from './format.js';

export type WeatherMode = 'auto' | 'arcsecond' | 'open-meteo' | 'none';

/** The night as computed for the site and date in force. */
export interface NightView {
  key: string;
  site: ResolvedSite;
  date: string;
  summary: NightSummary;
  /** The timeline's span: an hour before sunset to an hour after sunrise. */
  range: Interval;
  /** The window the weather is scored over. */
  scoring: Interval & { darkness: ScoringDarkness };
  moonUp: Interval[];
}

/** The forecast scored for the night. */
export interface WeatherView {
  /** Night key and weights the scores were computed for. */
  key: string;
  /** The forecast answer they were computed from (a new answer rescores). */
  source: object;
  /** Forecast hours around the timeline, in time order, with their scores (same indexes). */
  hours: ForecastHour[];
  scores: HourScore[];
  night: number | null;
  best: { from: Date; to: Date; score: number } | null;
  /** Mean 250 hPa wind (m/s) over the scored hours, for the seeing estimate. */
  upperWind: number | null;
}

/** Conditions "now", from Arcsecond's site record or the forecast's current block. */
export interface CurrentView {
  source: 'arcsecond' | 'open-meteo';
  sourceName: string;
  time: Date | null;
  conditions: ScoredConditions;
  /** Seeing in arcseconds as the record reports it (Arcsecond only). */
  seeing: number | null;
  score: number | null;
}

export type WeatherState =
  | { kind: 'loading' }
  | { kind: 'error'; error: ArcApiError }
  | { kind: 'notice'; key: 'noForecastForDate' | 'arcsecondNeedsSite' }
  | { kind: 'ready' };

/** What the weather part needs from the card to render. */
export interface WeatherContext {
  host: LocalizeHost;
  night: NightView;
  weather: WeatherView | null;
  current: CurrentView | null;
  state: WeatherState;
  mode: WeatherMode;
  units: Units;
  locale: string;
  weights: ScoreWeights;
  /** The Arcsecond current conditions failed while the forecast is shown (auto mode). */
  currentError: ArcApiError | null;
  time: (t: Date | null) => TemplateResult | string;
  timeText: (t: Date) => string;
  retry: () => void;
  retryLabel: string;
}
