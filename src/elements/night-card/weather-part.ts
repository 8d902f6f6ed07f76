/**
 * The weather half of `<arc-night-card>`, loaded on demand (a separate chunk): the forecast request, the observing
 * score and the weather UI. A card with `weather="none"` never loads it, and the night facts render without
 * waiting for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { LocalizeController } from '../../controllers/localize.js';
import { nightWeather as enWeather } from '../../i18n/en.js';
import type { night as enNight } from '../../i18n/en.js';
import type { Forecast, ForecastHour, WeatherCondition } from '../../api/records.js';
import { toArcError } from '../../api/errors.js';
import type { Interval } from '../../astro/types.js';
import {
  DEFAULT_SCORE_WEIGHTS,
  SCORE_FACTORS,
  bestWindow,
  checkScoreWeights,
  dewPointSpread,
  nightScore,
  parseScoreWeights,
  scoreHour,
  scoreHours,
  seeingFromUpperWind,
  type HourScore,
  type ScoreFactor,
  type ScoreWeights,
  type ScoredConditions,
} from '../../api/observing-score.js';
import { formatHour, formatPercent, formatSpeed, formatTemperature, formatTemperatureDelta } from './format.js';
import { rating } from './night-model.js';
import type { CurrentView, NightView, WeatherContext, WeatherView } from './types.js';

export { fetchForecast } from '../../api/weather.js';
export { weatherStyles } from './weather-part.styles.js';

const HOUR_MS = 3_600_000;
/** Dew-point spread (°C) under which the card warns of dew. */
const DEW_WARNING = 2.5;

type WeatherStrings = LocalizeController<typeof enWeather>;
const strings = new WeakMap<WeatherContext['host'], WeatherStrings>();

/** The weather strings for a card (a controller added to the card the first time, so a language change re-renders). */
function stringsFor(host: WeatherContext['host']): WeatherStrings {
  let s = strings.get(host);
  if (!s) strings.set(host, (s = new LocalizeController(host, 'nightWeather', enWeather)));
  return s;
}

const FACTOR_KEYS: Record<ScoreFactor, keyof typeof enWeather> = {
  cloud: 'factorCloud',
  precipitation: 'factorPrecipitation',
  humidity: 'factorHumidity',
  wind: 'factorWind',
};

const BAND_KEYS = { civil: 'bandCivil', nautical: 'bandNautical', astronomical: 'bandAstronomical' } as const satisfies Record<
  string,
  keyof typeof enNight
>;

/** Weights from the `score-weights` property: the defaults and a message (in the card's language) when invalid. */
export function resolveWeights(host: WeatherContext['host'], input: string | Partial<ScoreWeights> | null): { weights: ScoreWeights; error: string | null } {
  try {
    const weights = typeof input === 'string' || input == null ? parseScoreWeights(input) : checkScoreWeights(input);
    return { weights, error: null };
  } catch (err) {
    return { weights: { ...DEFAULT_SCORE_WEIGHTS }, error: stringsFor(host).t('invalidWeights', { reason: toArcError(err).message }) };
  }
}

/** Whether an hour-centred sample overlaps a window. */
function overlaps(time: Date, window: Interval): boolean {
  const t = time.getTime();
  return t + HOUR_MS / 2 > window.from.getTime() && t - HOUR_MS / 2 < window.to.getTime();
}

/** Score a forecast over the night: hourly scores around the timeline, the night's score and best window. */
export function scoreForecast(forecast: Forecast, night: NightView, weights: ScoreWeights, key: string): WeatherView {
  const { range, scoring } = night;
  const hours = forecast.hours.filter((h) => h.time.getTime() > range.from.getTime() - HOUR_MS && h.time.getTime() < range.to.getTime() + HOUR_MS);
  const scores = scoreHours(hours, weights);
  const upper = hours.filter((h) => h.windSpeed250hPa !== null && overlaps(h.time, scoring)).map((h) => h.windSpeed250hPa as number);
  return {
    key,
    source: forecast,
    hours,
    scores,
    night: nightScore(scores, scoring),
    best: bestWindow(scores, scoring),
    upperWind: upper.length ? upper.reduce((a, b) => a + b, 0) / upper.length : null,
  };
}

/** Current conditions: Arcsecond's record for the site when there is one, else the forecast's current block. */
export function currentConditions(record: WeatherCondition | null, forecast: Forecast | null, weights: ScoreWeights): CurrentView | null {
  if (record) {
    const conditions: ScoredConditions = {
      cloudCover: record.cloudCover,
      precipitationProbability: record.precipitationProbability,
      humidity: record.relativeHumidity,
      dewPoint: record.dewPoint,
      temperature: record.temperature,
      windSpeed: record.windSpeed,
    };
    return {
      source: 'arcsecond',
      sourceName: record.source ? `Arcsecond (${record.source})` : 'Arcsecond',
      time: record.date,
      conditions,
      seeing: record.seeing,
      score: scoreHour({ ...conditions, time: record.date ?? new Date(0) }, weights).score,
    };
  }
  const c = forecast?.current;
  if (!c) return null;
  return { source: 'open-meteo', sourceName: 'Open-Meteo', time: c.time, conditions: c, seeing: null, score: scoreHour(c, weights).score };
}

/** The factor that most limits the scored hours inside the window (summed loss), or null when none matters. */
function mostLimiting(scores: readonly HourScore[], window: Interval): ScoreFactor | null {
  const damage = new Map<ScoreFactor, number>();
  for (const s of scores) {
    if (!s.limiting || s.score === null || !overlaps(s.time, window)) continue;
    damage.set(s.limiting, (damage.get(s.limiting) ?? 0) + 1 - (s.factors[s.limiting] ?? 1));
  }
  let worst: ScoreFactor | null = null;
  for (const [f, d] of damage) if (d > 0.05 && (worst === null || d > damage.get(worst)!)) worst = f;
  return worst;
}

function badge(w: WeatherStrings, locale: string, score: number | null, label: string) {
  if (score === null) {
    return html`<span class="badge none"><span class="badge-label">${label}</span><span class="badge-value">–</span><span class="visually-hidden">${w.t('noScore')}</span></span>`;
  }
  const r = rating(score);
  return html`<span class="badge ${r}" data-score=${score}>
    <span class="badge-label">${label}</span>
    <span class="badge-value">${new Intl.NumberFormat(locale).format(score)}</span>
    <span class="badge-rating">${w.t(r === 'good' ? 'scoreGood' : r === 'fair' ? 'scoreFair' : 'scorePoor')}</span>
  </span>`;
}

function errorMessage(c: WeatherContext, w: WeatherStrings, message: string) {
  return html`<div part="message" class="arc-message weather-error" data-kind="error" role="alert">
    <span><span class="arc-message__title">${w.t('weatherUnavailable')}</span><br />${message}</span>
    <button part="retry" type="button" @click=${c.retry}>${c.retryLabel}</button>
  </div>`;
}

/** A state other than ready, rendered; null when ready. */
function stateBlock(c: WeatherContext, w: WeatherStrings): TemplateResult | null {
  if (c.state.kind === 'error') return errorMessage(c, w, c.state.error.message);
  if (c.state.kind === 'notice') return html`<p class="muted notice" part="message" role="status">${w.t(c.state.key)}</p>`;
  return null;
}

/** Compact layout: the night's score (or the current one) and the best window. */
export function renderScoreCompact(c: WeatherContext) {
  const w = stringsFor(c.host);
  const other = stateBlock(c, w);
  if (other) return other;
  const v = c.weather;
  return html`<div part="score" class="score-compact">
    ${v ? badge(w, c.locale, v.night, w.t('nightScore')) : badge(w, c.locale, c.current?.score ?? null, w.t('scoreNow'))}
    ${v
      ? html`<span class="best">${v.best ? html`${w.t('bestWindow')}: ${c.time(v.best.from)}–${c.time(v.best.to)}` : w.t('noBestWindow')}</span>`
      : nothing}
  </div>`;
}

function renderCurrent(c: WeatherContext, w: WeatherStrings, current: CurrentView) {
  const { locale, units } = c;
  const x = current.conditions;
  const spread = dewPointSpread(x);
  const rows: [string, unknown][] = [];
  if (x.temperature != null) rows.push([w.t('temperature'), formatTemperature(x.temperature, units, locale)]);
  if (x.cloudCover != null) rows.push([w.t('cloudCover'), formatPercent(x.cloudCover, locale)]);
  if (x.humidity != null) rows.push([w.t('humidity'), formatPercent(x.humidity, locale)]);
  if (spread != null) {
    rows.push([
      w.t('dewSpread'),
      html`${formatTemperatureDelta(spread, units, locale)}${spread < DEW_WARNING ? html` <span class="warn">(${w.t('dewRisk')})</span>` : nothing}`,
    ]);
  }
  if (x.windSpeed != null) {
    const speed = formatSpeed(x.windSpeed, units, locale);
    rows.push([w.t('wind'), x.windGusts != null ? w.t('windWithGusts', { speed, gusts: formatSpeed(x.windGusts, units, locale) }) : speed]);
  }
  if (current.seeing != null) rows.push([w.t('seeingReported'), `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(current.seeing)}″`]);
  return html`<div class="current" data-source=${current.source}>
    <h4>${w.t('currentConditions')}</h4>
    <dl part="facts" class="facts">${rows.map(([k, val]) => html`<div class="fact"><dt>${k}</dt><dd>${val}</dd></div>`)}</dl>
    ${current.time ? html`<p class="small muted">${w.t('reportedBy', { source: current.sourceName, time: c.timeText(current.time) })}</p>` : nothing}
  </div>`;
}

/** Full layout: the score block, best window, seeing estimate and current conditions. */
export function renderWeatherSection(c: WeatherContext, nightStrings: LocalizeController<typeof enNight>) {
  const w = stringsFor(c.host);
  const current = c.current;
  const other = stateBlock(c, w);
  if (other) return html`${other} ${c.state.kind === 'error' && current ? renderCurrent(c, w, current) : nothing}`;
  const v = c.weather;
  const darkness = c.night.scoring.darkness;
  const scoredOver =
    darkness === 'night'
      ? w.t('scoredOverNight')
      : darkness === 'day'
        ? w.t('scoredOverDay')
        : w.t('scoredOverTwilight', { band: nightStrings.t(BAND_KEYS[darkness]) });
  const limiting = v ? mostLimiting(v.scores, c.night.scoring) : null;
  const seeing = v ? seeingFromUpperWind(v.upperWind) : null;
  return html`
    <div part="score" class="score">
      ${v ? badge(w, c.locale, v.night, w.t('nightScore')) : nothing}
      ${current && current.score !== null ? badge(w, c.locale, current.score, w.t('scoreNow')) : nothing}
    </div>
    ${v
      ? html`<dl part="facts" class="facts">
            <div class="fact strong stacked" data-event="best-window">
              <dt>${w.t('bestWindow')}</dt>
              <dd>
                ${v.best
                  ? html`${c.time(v.best.from)}–${c.time(v.best.to)}
                      <span class="muted best-score">${w.t('scoreValue', { score: v.best.score })}</span>`
                  : html`<span class="none">${w.t('noBestWindow')}</span>`}
              </dd>
            </div>
            ${limiting ? html`<div class="fact"><dt>${w.t('limitedBy')}</dt><dd>${w.t(FACTOR_KEYS[limiting])}</dd></div>` : nothing}
            ${seeing
              ? html`<div class="fact" data-event="seeing">
                  <dt>${w.t('seeingEstimate')}</dt>
                  <dd>${w.t(seeing === 'good' ? 'seeingGood' : seeing === 'fair' ? 'seeingFair' : 'seeingPoor')}</dd>
                </div>`
              : nothing}
          </dl>
          <p class="small muted">${scoredOver}</p>
          ${seeing ? html`<p class="small muted">${w.t('seeingEstimateNote', { speed: formatSpeed(v.upperWind!, c.units, c.locale) })}</p>` : nothing}`
      : nothing}
    ${current ? renderCurrent(c, w, current) : nothing}
    ${c.currentError ? html`<p class="small muted" role="status">${w.t('currentUnavailable', { reason: c.currentError.message })}</p>` : nothing}
  `;
}

/** The hourly forecast as a table: visible in the full layout, for screen readers only in the compact one. */
export function renderHourlyTable(c: WeatherContext, nightStrings: LocalizeController<typeof enNight>, hidden: boolean) {
  const w = stringsFor(c.host);
  const v = c.weather;
  if (!v) return nothing;
  const { locale, units } = c;
  const { range, site } = c.night;
  const shown = v.hours.map((h, i) => ({ h, s: v.scores[i] })).filter(({ h }) => h.time >= range.from && h.time <= range.to);
  if (!shown.length) return nothing;
  const pct = (x: number | null) => (x === null ? '–' : formatPercent(x, locale));
  const rows: [string, string, (h: ForecastHour, s: HourScore) => unknown][] = [
    ['score', nightStrings.t('rowScore'), (_h, s) => (s.score === null ? '–' : html`<span class="chip ${rating(s.score)}">${s.score}</span>`)],
    ['cloud', w.t('cloudCover'), (h) => pct(h.cloudCover)],
    ['low', w.t('cloudLow'), (h) => pct(h.cloudLow)],
    ['mid', w.t('cloudMid'), (h) => pct(h.cloudMid)],
    ['high', w.t('cloudHigh'), (h) => pct(h.cloudHigh)],
    ['precipitation', w.t('precipitation'), (h) => pct(h.precipitationProbability)],
    ['humidity', w.t('humidity'), (h) => pct(h.humidity)],
    [
      'dew',
      w.t('dewSpread'),
      (h) => {
        const spread = dewPointSpread(h);
        return spread === null ? '–' : html`<span class=${spread < DEW_WARNING ? 'warn' : ''}>${formatTemperatureDelta(spread, units, locale)}</span>`;
      },
    ],
    ['wind', w.t('wind'), (h) => (h.windSpeed === null ? '–' : formatSpeed(h.windSpeed, units, locale))],
    ['gusts', w.t('gusts'), (h) => (h.windGusts === null ? '–' : formatSpeed(h.windGusts, units, locale))],
    ['temperature', w.t('temperature'), (h) => (h.temperature === null ? '–' : formatTemperature(h.temperature, units, locale))],
  ];
  const table = html`<table part="hourly" class="hourly">
    <thead>
      <tr>
        <th scope="col">${w.t('hour')}</th>
        ${shown.map(({ h }) => html`<th scope="col"><time datetime=${h.time.toISOString()}>${formatHour(h.time, locale, site.timeZone)}</time></th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([key, label, cell]) => html`<tr data-row=${key}>
          <th scope="row">${label}</th>
          ${shown.map(({ h, s }) => html`<td>${cell(h, s)}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
  // Compact: the table stays as the strip's text equivalent, for screen readers only (no scroll region to focus).
  // Groups, not landmarks: a page with several cards would otherwise hold several landmarks of the same name.
  if (hidden) return html`<section class="visually-hidden" role="group" aria-labelledby="hourly-title"><h3 id="hourly-title">${w.t('hourly')}</h3>${table}</section>`;
  return html`<section class="hourly-section" role="group" aria-labelledby="hourly-title">
    <h3 id="hourly-title" class="hourly-title">${w.t('hourly')}</h3>
    <div class="table-scroll" tabindex="0" role="group" aria-label=${w.t('hourlyScroll')}>${table}</div>
  </section>`;
}

/** Credit each source whose data is on screen. */
export function renderAttribution(c: WeatherContext, currentShown: boolean) {
  const w = stringsFor(c.host);
  const forecast = c.weather !== null || (currentShown && c.current?.source === 'open-meteo');
  const arcsecond = currentShown && c.current?.source === 'arcsecond';
  if (!forecast && !arcsecond) return nothing;
  return html`<p part="attribution" class="attribution">
    ${forecast ? html`<a href="https://open-meteo.com/" target="_blank" rel="noopener noreferrer">${w.t('attribution')}</a>` : nothing}
    ${forecast && arcsecond ? html`<span aria-hidden="true"> · </span>` : nothing}
    ${arcsecond ? html`<span>${w.t('arcsecondSource')}</span>` : nothing}
  </p>`;
}

/** The score's formula and the weights in force, behind a disclosure. */
export function renderHow(c: WeatherContext) {
  const w = stringsFor(c.host);
  const n = new Intl.NumberFormat(c.locale, { maximumFractionDigits: 3 });
  const weights = Object.fromEntries(SCORE_FACTORS.map((f) => [f, n.format(c.weights[f])]));
  return html`<details class="how">
    <summary>${w.t('howScore')}</summary>
    <p>${w.t('scoreFormula')}</p>
    <p>${w.t('weightsInForce', weights)}</p>
  </details>`;
}
