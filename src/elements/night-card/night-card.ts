import { adoptStyles, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { ArcElement } from '../arc-element.js';
import { hostStyles, messageStyles } from '../../styles/host.js';
import { nightCardStyles } from './night-card.styles.js';
import { ClockController } from '../../controllers/clock.js';
import { LocalizeController } from '../../controllers/localize.js';
import { SiteController, type ResolvedSite } from '../../controllers/site.js';
import { nightContext, type NightSlice, type ObservingWindow } from '../../context/keys.js';
import { common as enCommon, night as enNight } from '../../i18n/en.js';
import { nightSummary, type NightSummary } from '../../astro/night.js';
import { addDays, localDateString, nightDate, parseDateString, zoneOffsetMinutes } from '../../astro/time.js';
import type { DarknessKind, MoonPhaseName } from '../../astro/types.js';
import type { Forecast, WeatherCondition } from '../../api/records.js';
import { ArcApiError, toArcError } from '../../api/errors.js';
import type { ScoreWeights } from '../../api/observing-score.js';
import {
  clip,
  darkSpan,
  forecastCovers,
  hourTicks,
  hoursMinutes,
  moonUpIntervals,
  percentAlong,
  rating,
  scoringWindow,
  timelineRange,
} from './night-model.js';
import { litOnRight, litPath } from './moon-disc.js';
import { WidthController } from './width.js';
import { formatCoordinates, formatElevation, formatHour, formatNightDate, formatOffset, formatPercent, formatTime, type Units } from './format.js';
import type { CurrentView, NightView, WeatherContext, WeatherMode, WeatherState, WeatherView } from './types.js';

/** The Open-Meteo forecast API (the default `weather-api`). The same value as api/weather.ts's, not imported from
 * there so that the forecast client stays in the lazily loaded weather part. */
const OPEN_METEO = 'https://api.open-meteo.com';

type WeatherPart = typeof import('./weather-part.js');
/** The weather half of the card, loaded once per page on first need (a failed load is tried again next time). */
let weatherPart: Promise<WeatherPart> | null = null;
const loadWeatherPart = () =>
  (weatherPart ??= import('./weather-part.js').catch((err: unknown) => {
    weatherPart = null;
    throw err;
  }));

export type { WeatherMode };

/**
 * Recent nights by site and date, shared by the cards of a page: a night summary costs tens of milliseconds, and
 * several cards (or a card that reconnects) often show the same night.
 */
const nights = new Map<string, NightSummary>();
const NIGHT_CACHE_SIZE = 16;

function cachedNightSummary(key: string, site: ResolvedSite, date: string): NightSummary {
  let summary = nights.get(key);
  if (!summary) {
    summary = nightSummary(site, date, { timeZone: site.timeZone });
    nights.set(key, summary);
    if (nights.size > NIGHT_CACHE_SIZE) nights.delete(nights.keys().next().value!);
  }
  return summary;
}
export type NightCardLayout = 'compact' | 'full';

const WEATHER_MODES: readonly WeatherMode[] = ['auto', 'arcsecond', 'open-meteo', 'none'];
const UNITS: readonly Units[] = ['metric', 'imperial'];
const LAYOUTS: readonly NightCardLayout[] = ['compact', 'full'];
/** Below this width (px) the card switches to the compact layout when `layout` is not set. */
const COMPACT_BELOW = 520;
const HOUR_MS = 3_600_000;
/** Transient failures are worth a retry button; input errors are not. */
const RETRYABLE = new Set(['network', 'timeout', 'server', 'throttled', 'invalid-response']);

const PHASE_KEYS: Record<MoonPhaseName, keyof typeof enNight> = {
  new: 'phaseNew',
  'waxing-crescent': 'phaseWaxingCrescent',
  'first-quarter': 'phaseFirstQuarter',
  'waxing-gibbous': 'phaseWaxingGibbous',
  full: 'phaseFull',
  'waning-gibbous': 'phaseWaningGibbous',
  'last-quarter': 'phaseLastQuarter',
  'waning-crescent': 'phaseWaningCrescent',
};

const BAND_KEYS: Record<DarknessKind, keyof typeof enNight> = {
  day: 'bandDay',
  civil: 'bandCivil',
  nautical: 'bandNautical',
  astronomical: 'bandAstronomical',
  night: 'bandNight',
};

/**
 * When is it dark tonight, and will it be clear? Twilights, darkness and the Moon for one site and night, computed
 * locally (always available), with the hourly forecast, an observing score and the night's best window fetched
 * from Open-Meteo (or Arcsecond's current conditions). The weather failing never hides the night facts.
 *
 * The observing score (0–100 per hour and for the night) is a weighted geometric mean of cloud, precipitation,
 * humidity and wind factors; its formula is documented in `src/api/observing-score.ts` and in the card itself.
 *
 * @summary Night card: twilights, Moon, weather and observing score for one site.
 * @tag arc-night-card
 *
 * @csspart card - The card container.
 * @csspart header - Site name, night date and time zone.
 * @csspart timeline - The night strip: darkness bands, Moon, cloud, score, hour ticks.
 * @csspart facts - A definition list of night facts (each section has one).
 * @csspart moon - The drawn Moon (SVG).
 * @csspart score - The observing score block.
 * @csspart hourly - The hourly forecast table.
 * @csspart message - Error and notice messages.
 * @csspart retry - Retry buttons.
 * @csspart attribution - The forecast attribution line.
 * @csspart skeleton - Loading placeholders.
 *
 * @cssprop --arc-night-card-bg - Card background. Default: the theme background.
 * @cssprop --arc-night-card-text - Text colour.
 * @cssprop --arc-night-card-muted - Secondary text colour.
 * @cssprop --arc-night-card-border - Border colour.
 * @cssprop --arc-night-card-accent - Accent (links, now marker).
 * @cssprop --arc-night-card-radius - Corner radius.
 * @cssprop --arc-night-card-padding - Inner padding.
 * @cssprop --arc-night-card-day - Timeline colour for daylight.
 * @cssprop --arc-night-card-civil - Timeline colour for civil twilight.
 * @cssprop --arc-night-card-nautical - Timeline colour for nautical twilight.
 * @cssprop --arc-night-card-astronomical - Timeline colour for astronomical twilight.
 * @cssprop --arc-night-card-night - Timeline colour for astronomical night.
 * @cssprop --arc-night-card-moon-up - Colour of the Moon-up bars.
 * @cssprop --arc-night-card-moon-lit - Lit part of the drawn Moon.
 * @cssprop --arc-night-card-moon-dark - Dark part of the drawn Moon.
 * @cssprop --arc-night-card-cloud - Colour of the cloud-cover track.
 * @cssprop --arc-night-card-good - Colour of good scores.
 * @cssprop --arc-night-card-fair - Colour of fair scores.
 * @cssprop --arc-night-card-poor - Colour of poor scores.
 *
 * @fires arc-load - The night was computed (`detail.kind: 'night'`) or weather arrived (`detail.kind: 'forecast' | 'current'`).
 * @fires arc-error - Bad input (site, coordinates, date, time zone, score weights, options) or a failed request; `detail: {code, message, cause}`.
 */
export class ArcNightCard extends ArcElement {
  static override styles = [hostStyles, messageStyles, nightCardStyles];

  /** Weather source: `auto` (Arcsecond's current conditions for an API site plus the Open-Meteo forecast), `arcsecond` (current conditions only), `open-meteo` (forecast only) or `none`. */
  @property() weather: WeatherMode = 'auto';
  /** Base URL of the Open-Meteo-compatible forecast service (`/v1/forecast` is appended). */
  @property({ attribute: 'weather-api' }) weatherApi: string = OPEN_METEO;
  /** `metric` (°C, m/s, m) or `imperial` (°F, mph, ft). */
  @property() units: Units = 'metric';
  /** `compact` (darkness window, Moon, score) or `full`; unset, the card picks by its own width (compact below 520 px). */
  @property({ reflect: true }) layout: NightCardLayout | null = null;
  /**
   * Observing-score weights, as text (`cloud:0.5 precipitation:0.2 humidity:0.15 wind:0.15`) or an object; only
   * ratios matter and unnamed factors keep their default. Invalid weights are reported and the defaults kept.
   */
  @property({ attribute: 'score-weights' }) scoreWeights: string | Partial<ScoreWeights> | null = null;

  @consume({ context: nightContext, subscribe: true })
  protected nightSlice?: NightSlice;

  private readonly localize = new LocalizeController(this, 'night', enNight);
  private readonly localizeCommon = new LocalizeController(this, 'common', enCommon);
  private readonly clock = new ClockController(this, 60_000);
  private readonly resize = new WidthController(this);
  private readonly siteController = new SiteController(this, {
    invalidLatitude: (value) => this.localizeCommon.t('invalidLatitude', { value }),
    invalidLongitude: (value) => this.localizeCommon.t('invalidLongitude', { value }),
    invalidElevation: (value) => this.localizeCommon.t('invalidElevation', { value }),
    invalidTimeZone: (value) => this.localizeCommon.t('invalidTimeZone', { value }),
    noSite: () => this.localizeCommon.t('noSite'),
  });

  private nightView: NightView | null = null;
  /** Input errors of the night itself (date, now, computation); the site's own errors live in the SiteController. */
  private nightError: ArcApiError | null = null;
  private weatherView: WeatherView | null = null;
  /** The weather part once loaded (a lazily imported chunk), or the reason it could not load. */
  private weatherModule: WeatherPart | null = null;
  private partError: ArcApiError | null = null;
  private weights: ScoreWeights | null = null;
  /** Problems with options that fall back to a default: shown as messages, reported once each. */
  private optionErrors: string[] = [];
  private reported = new Set<string>();
  private loadedNightKey = '';
  private publishedKey = '';
  private weatherStylesAdopted = false;

  private readonly forecastTask = new Task(this, {
    args: () => this.forecastArgs(),
    task: async ([wanted, base, latitude, longitude, timeZone, date], { signal }) => {
      if (!wanted) return null;
      try {
        const { fetchForecast } = await this.weatherPart();
        const forecast = await fetchForecast({ base, latitude, longitude, timeZone, startDate: date, endDate: addDays(date, 1), signal });
        this.reportLoad({ kind: 'forecast', date, hours: forecast.hours.length });
        return forecast;
      } catch (err) {
        throw this.reportError(err);
      }
    },
  });

  private readonly currentTask = new Task(this, {
    args: () => this.currentArgs(),
    task: async ([uuid, apiBase], { signal }) => {
      if (!uuid) return null;
      try {
        const record = await (await this.loadClient()).weather(uuid, signal);
        this.reportLoad({ kind: 'current', site: uuid, api: apiBase });
        return record;
      } catch (err) {
        throw this.reportError(err);
      }
    },
  });

  /** The night's best observing window from the forecast score, or null (no forecast yet, or no good hours). Also published to an enclosing `<arc-provider>`. */
  get bestWindow(): ObservingWindow | null {
    const best = this.weatherView?.best;
    return best ? { from: best.from, to: best.to, score: best.score } : null;
  }

  /** The night being shown (as computed by `nightSummary`), or null while loading or on error. */
  get night(): NightSummary | null {
    return this.nightView?.summary ?? null;
  }

  /** The layout in force: the attribute, else by the element's own width. */
  get layoutInForce(): NightCardLayout {
    if (this.layout && LAYOUTS.includes(this.layout)) return this.layout;
    return this.resize.width > 0 && this.resize.width < COMPACT_BELOW ? 'compact' : 'full';
  }

  private get weatherMode(): WeatherMode {
    return WEATHER_MODES.includes(this.weather) ? this.weather : 'auto';
  }

  private get unitsInForce(): Units {
    return UNITS.includes(this.units) ? this.units : 'metric';
  }

  private get wantsForecast(): boolean {
    return this.weatherMode === 'auto' || this.weatherMode === 'open-meteo';
  }

  private get wantsCurrent(): boolean {
    return this.weatherMode === 'auto' || this.weatherMode === 'arcsecond';
  }

  /** Whether the night shown is the current (or coming) night at the site. */
  private get isTonight(): boolean {
    const v = this.nightView;
    return !!v && v.date === nightDate(this.clock.now(), v.site, v.site.timeZone);
  }

  /** Whether a forecast service can answer for the night shown. */
  private get forecastInRange(): boolean {
    const v = this.nightView;
    return !!v && forecastCovers(v.date, localDateString(this.clock.now(), v.site.timeZone));
  }

  private forecastArgs(): [boolean, string, number, number, string, string] {
    const v = this.nightView;
    const wanted = !!v && this.wantsForecast && this.forecastInRange;
    return [wanted, this.weatherApi || OPEN_METEO, v?.site.latitude ?? 0, v?.site.longitude ?? 0, v?.site.timeZone ?? 'UTC', v?.date ?? ''];
  }

  private currentArgs(): [string | null, string] {
    const v = this.nightView;
    return [v && this.wantsCurrent && this.isTonight ? v.site.uuid : null, this.apiBase];
  }

  /** Load the weather part once; the card re-renders when it arrives. */
  private weatherPart(): Promise<WeatherPart> {
    const loading = loadWeatherPart();
    if (!this.weatherModule && !this.partError) {
      loading.then(
        (part) => {
          this.weatherModule = part;
          this.requestUpdate();
        },
        (err) => {
          this.partError = this.reportError(err);
          this.requestUpdate();
        },
      );
    }
    return loading;
  }

  /** Retry what failed: the site lookup, or the weather requests. */
  retry(): void {
    if (this.siteController.error) {
      this.siteController.retry();
      return;
    }
    if (this.partError) {
      this.partError = null;
      this.requestUpdate();
    }
    if (this.forecastTask.status === TaskStatus.ERROR) void this.forecastTask.run();
    if (this.currentTask.status === TaskStatus.ERROR) void this.currentTask.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A request aborted by an earlier disconnect left its task in error: fetch again.
    for (const task of [this.forecastTask, this.currentTask]) {
      if (task.status === TaskStatus.ERROR && toArcError(task.error).code === 'aborted') void task.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forecastTask.abort();
    this.currentTask.abort();
    if (this.publishedKey) {
      this.nightSlice?.publishBestWindow(null);
      this.publishedKey = '';
    }
  }

  private reportOnce(key: string, error: ArcApiError): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.reportError(error);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.weatherMode !== 'none' && !this.weatherModule) void this.weatherPart().catch(() => {});
    this.checkOptions();
    this.updateNight();
    this.updateWeather();
  }

  private checkOptions(): void {
    const t = this.localize;
    const problems: string[] = [];
    const option = <T extends string>(name: string, value: T | null, allowed: readonly T[], fallback: T) => {
      if (value != null && !(allowed as readonly string[]).includes(value)) {
        problems.push(t.t('invalidOption', { name, value, allowed: allowed.join(', '), fallback }));
      }
    };
    option('weather', this.weather, WEATHER_MODES, 'auto');
    option('units', this.units, UNITS, 'metric');
    option('layout', this.layout, LAYOUTS, this.layoutInForce);
    // Weights matter only with weather; they are checked by the weather part once it has loaded.
    if (this.weatherModule && this.weatherMode !== 'none') {
      const { weights, error } = this.weatherModule.resolveWeights(this, this.scoreWeights);
      this.weights = weights;
      if (error) problems.push(error);
    }
    for (const message of problems) this.reportOnce(`option|${message}`, new ArcApiError('invalid-input', message));
    this.optionErrors = problems;
  }

  private updateNight(): void {
    const site = this.siteController.value;
    this.nightError = null;
    if (!site) {
      this.nightView = null;
      return;
    }
    const common = this.localizeCommon;
    const rawNow = this.nowInForce;
    const rawDate = this.dateInForce?.trim();
    let date: string | null = null;
    if (rawNow && !this.frozenNow()) {
      this.nightError = new ArcApiError('invalid-input', common.t('invalidNow', { value: rawNow }));
    } else if (rawDate) {
      try {
        parseDateString(rawDate);
        date = rawDate;
      } catch {
        this.nightError = new ArcApiError('invalid-input', common.t('invalidDate', { value: rawDate }));
      }
    } else {
      date = nightDate(this.clock.now(), site, site.timeZone);
    }
    if (this.nightError || !date) {
      this.nightView = null;
      this.reportOnce(`night|${this.nightError!.message}`, this.nightError!);
      return;
    }
    const key = JSON.stringify([site.latitude, site.longitude, site.elevation, site.timeZone, date]);
    if (this.nightView?.key === key) {
      this.nightView.site = site;
      return;
    }
    try {
      const summary = cachedNightSummary(key, site, date);
      const range = timelineRange(summary);
      this.nightView = { key, site, date, summary, range, scoring: scoringWindow(summary, range), moonUp: moonUpIntervals(summary) };
    } catch (err) {
      this.nightView = null;
      this.nightError = toArcError(err);
      this.reportOnce(`night|${key}|${this.nightError.message}`, this.nightError);
    }
  }

  private updateWeather(): void {
    const v = this.nightView;
    const forecast = this.forecastTask.status === TaskStatus.COMPLETE ? (this.forecastTask.value as Forecast | null) : null;
    if (!v || !forecast || !this.weatherModule || !this.weights) {
      // Keep what was shown while the same night's forecast is fetched again.
      if (!(v && this.forecastTask.status === TaskStatus.PENDING && this.weatherView?.key.startsWith(v.key))) this.weatherView = null;
      return;
    }
    const key = `${v.key}|${JSON.stringify(this.weights)}`;
    if (this.weatherView?.key === key && this.weatherView.source === forecast) return;
    this.weatherView = this.weatherModule.scoreForecast(forecast, v, this.weights, key);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The weather part brings its own styles: add them to this card's once the part has loaded.
    if (this.weatherModule && !this.weatherStylesAdopted && this.shadowRoot) {
      adoptStyles(this.shadowRoot, [...ArcNightCard.elementStyles, this.weatherModule.weatherStyles]);
      this.weatherStylesAdopted = true;
    }
    const v = this.nightView;
    if (v && v.key !== this.loadedNightKey) {
      this.loadedNightKey = v.key;
      this.reportLoad({ kind: 'night', date: v.date, site: v.site.name });
    }
    const best = this.bestWindow;
    const bestKey = best ? `${best.from.getTime()}|${best.to.getTime()}|${best.score}` : '';
    if (bestKey !== this.publishedKey) {
      this.publishedKey = bestKey;
      this.nightSlice?.publishBestWindow(best);
    }
  }

  // ───────────────────────────── weather state ─────────────────────────────

  private currentView(): CurrentView | null {
    if (!this.weatherModule || !this.weights || !this.isTonight) return null;
    const record = this.currentTask.status === TaskStatus.COMPLETE ? (this.currentTask.value as WeatherCondition | null) : null;
    const forecast = this.forecastTask.status === TaskStatus.COMPLETE ? (this.forecastTask.value as Forecast | null) : null;
    return this.weatherModule.currentConditions(record, forecast, this.weights);
  }

  /** What the weather part can show: loading, an error, a notice, or data. */
  private weatherState(current: CurrentView | null): WeatherState {
    const v = this.nightView!;
    if (this.weatherMode === 'arcsecond' && !v.site.uuid) return { kind: 'notice', key: 'arcsecondNeedsSite' };
    if (this.wantsForecast) {
      if (!this.forecastInRange) return this.weatherMode === 'auto' && current ? { kind: 'ready' } : { kind: 'notice', key: 'noForecastForDate' };
      if (this.forecastTask.status === TaskStatus.ERROR) return { kind: 'error', error: toArcError(this.forecastTask.error) };
      return this.weatherView ? { kind: 'ready' } : { kind: 'loading' };
    }
    if (!this.isTonight) return { kind: 'notice', key: 'noForecastForDate' };
    if (this.currentTask.status === TaskStatus.ERROR) return { kind: 'error', error: toArcError(this.currentTask.error) };
    return current ? { kind: 'ready' } : { kind: 'loading' };
  }

  /** Everything the weather part renders from, or null while it is loading. */
  private weatherContext(): WeatherContext | null {
    if (!this.weatherModule || !this.weights || !this.nightView) return null;
    const current = this.currentView();
    return {
      host: this,
      night: this.nightView,
      weather: this.weatherView,
      current,
      state: this.weatherState(current),
      mode: this.weatherMode,
      units: this.unitsInForce,
      locale: this.localize.locale,
      weights: this.weights,
      currentError:
        this.weatherMode === 'auto' && this.currentTask.status === TaskStatus.ERROR ? toArcError(this.currentTask.error) : null,
      time: (t) => this.time(t),
      timeText: (t) => this.timeText(t),
      retry: () => this.retry(),
      retryLabel: this.localizeCommon.t('retry'),
    };
  }

  // ───────────────────────────── rendering ─────────────────────────────

  private time(t: Date | null): TemplateResult | string {
    const v = this.nightView;
    if (!t || !v) return html`<span class="none">${this.localize.t('none')}</span>`;
    return html`<time datetime=${t.toISOString()}>${formatTime(t, this.localize.locale, v.site.timeZone)}</time>`;
  }

  private timeText(t: Date): string {
    return formatTime(t, this.localize.locale, this.nightView!.site.timeZone);
  }

  private duration(hours: number): string {
    const { h, m } = hoursMinutes(hours);
    const n = new Intl.NumberFormat(this.localize.locale);
    return this.localize.t('duration', { h: n.format(h), m: n.format(m) });
  }

  protected override render() {
    const compact = this.layoutInForce === 'compact';
    return html`<article part="card" class="card ${compact ? 'compact' : 'full'}" aria-labelledby="title" aria-busy=${this.siteController.pending ? 'true' : 'false'}>
      ${this.renderHeader(compact)} ${this.optionErrors.map((m) => this.renderMessage(m, 'error'))} ${this.renderBody(compact)}
    </article>`;
  }

  private renderHeader(compact: boolean) {
    const t = this.localize;
    const site = this.siteController.value;
    const v = this.nightView;
    const locale = t.locale;
    let zone: TemplateResult | typeof nothing = nothing;
    if (v) {
      const mid = new Date((v.range.from.getTime() + v.range.to.getTime()) / 2);
      zone = v.site.derivedOffset
        ? html`<p class="zone derived">${this.localizeCommon.t('offsetFromLongitude', { offset: v.site.derivedOffset })}</p>`
        : html`<p class="zone">${t.t('timesIn', { zone: `${v.site.timeZone} (${formatOffset(zoneOffsetMinutes(v.site.timeZone, mid))})` })}</p>`;
    }
    return html`<header part="header" class="header">
      <h2 id="title" class="title">
        ${site?.name ?? (this.siteController.pending ? html`<span class="skeleton line" part="skeleton"></span>` : (this.site ?? ''))}
      </h2>
      ${v
        ? html`<p class="subtitle">
            ${t.t('nightOf', { date: formatNightDate(v.date, locale, !compact) })}
            ${compact
              ? nothing
              : html`<span class="coords">· ${formatCoordinates(v.site.latitude, v.site.longitude, locale)} · ${formatElevation(v.site.elevation, this.unitsInForce, locale)}</span>`}
          </p>`
        : nothing}
      ${zone}
    </header>`;
  }

  private renderMessage(text: string, kind: 'error' | 'info', retry = false) {
    return html`<div part="message" class="arc-message" data-kind=${kind} role=${kind === 'error' ? 'alert' : 'status'}>
      <span>${text}</span>
      ${retry ? html`<button part="retry" type="button" @click=${() => this.retry()}>${this.localizeCommon.t('retry')}</button>` : nothing}
    </div>`;
  }

  private renderBody(compact: boolean) {
    const siteError = this.siteController.error;
    if (siteError) {
      const message =
        siteError.code === 'not-found' && this.siteSpec.site ? this.localizeCommon.t('siteNotFound', { site: this.siteSpec.site }) : siteError.message;
      return this.renderMessage(message, 'error', RETRYABLE.has(siteError.code));
    }
    if (this.nightError) return this.renderMessage(this.nightError.message, 'error');
    if (!this.nightView) return this.renderSkeleton(compact);
    const weather = this.weatherMode === 'none' ? null : this.weatherContext();
    return compact ? this.renderCompact(weather) : this.renderFull(weather);
  }

  private renderSkeleton(compact: boolean) {
    return html`<div class="skeleton-body" part="skeleton" role="status">
      <span class="visually-hidden">${this.localize.t('loadingSite')}</span>
      <div class="skeleton strip" aria-hidden="true"></div>
      <div class="skeleton-grid ${compact ? 'one' : ''}" aria-hidden="true">
        ${(compact ? [0, 1] : [0, 1, 2]).map(
          () => html`<div class="skeleton-col"><span class="skeleton line"></span><span class="skeleton line short"></span><span class="skeleton line"></span></div>`,
        )}
      </div>
    </div>`;
  }

  /** The weather code itself could not load (offline, a blocked chunk): say so, with a retry. */
  private renderPartError() {
    return this.renderMessage(this.partError!.message, 'error', true);
  }

  private renderWeatherSkeleton(compact: boolean) {
    const label = html`<span class="visually-hidden">${this.localize.t('weatherLoading')}</span>`;
    if (compact) return html`<span class="skeleton line short" part="skeleton" role="status">${label}</span>`;
    return html`<div class="skeleton-col" part="skeleton" role="status">
      ${label}
      <span class="skeleton badge-skeleton" aria-hidden="true"></span>
      <span class="skeleton line" aria-hidden="true"></span><span class="skeleton line short" aria-hidden="true"></span>
    </div>`;
  }

  // ── compact ──

  private renderCompact(weather: WeatherContext | null) {
    const t = this.localize;
    const s = this.nightView!.summary;
    const span = darkSpan(s);
    const part = this.weatherModule;
    const ready = weather && weather.state.kind !== 'loading';
    return html`
      ${this.renderTimeline(true)}
      <dl part="facts" class="facts compact-facts">
        <div class="fact">
          <dt>${t.t('darkness')}</dt>
          <dd>
            ${span
              ? html`${this.time(span.from)}–${this.time(span.to)} <span class="muted">· ${this.duration(s.darkHours)}</span>`
              : html`<strong class="polar">${this.polarSunText() ?? t.t('noAstronomicalDarkness')}</strong>`}
          </dd>
        </div>
        <div class="fact">
          <dt>${t.t('moon')}</dt>
          <dd class="moon-line">
            ${this.renderMoonDisc(28)}
            <span>
              ${t.t(PHASE_KEYS[s.moon.name])}, ${formatPercent(s.moon.illumination * 100, t.locale)}<br />
              <span class="muted">${this.moonRiseSetLine()}</span>
            </span>
          </dd>
        </div>
        ${this.weatherMode === 'none'
          ? nothing
          : html`<div class="fact">
              <dt>${t.t('score')}</dt>
              <dd>${this.partError ? this.renderPartError() : ready && part ? part.renderScoreCompact(weather) : this.renderWeatherSkeleton(true)}</dd>
            </div>`}
      </dl>
      ${weather && part
        ? html`${part.renderHourlyTable(weather, t, true)}
          ${part.renderAttribution(weather, weather.weather === null && weather.state.kind === 'ready')}`
        : nothing}
    `;
  }

  private moonRiseSetLine(): string {
    const t = this.localize;
    const s = this.nightView!.summary;
    if (s.moonNeverUp) return t.t('moonDoesNotRise');
    if (s.moonAlwaysUp) return t.t('moonDoesNotSet');
    const parts: string[] = [];
    if (s.moonrise) parts.push(`${t.t('moonrise')} ${this.timeText(s.moonrise)}`);
    if (s.moonset) parts.push(`${t.t('moonset')} ${this.timeText(s.moonset)}`);
    return parts.join(' · ');
  }

  // ── full ──

  private renderFull(weather: WeatherContext | null) {
    const t = this.localize;
    const part = this.weatherModule;
    const showsWeather = weather && part && weather.state.kind !== 'loading';
    return html`
      ${this.renderTimeline(false)}
      <div class="columns">
        ${this.renderSunSection()} ${this.renderMoonSection()}
        ${this.weatherMode === 'none'
          ? nothing
          : html`<section class="section weather" role="group" aria-labelledby="weather-title">
              <h3 id="weather-title">${t.t('score')}</h3>
              ${this.partError ? this.renderPartError() : showsWeather ? part.renderWeatherSection(weather, t) : this.renderWeatherSkeleton(false)}
            </section>`}
      </div>
      ${weather && part
        ? html`${part.renderHourlyTable(weather, t, false)}
            <footer class="footer">
              ${part.renderAttribution(weather, weather.current !== null)}
              ${weather.weather || weather.current ? part.renderHow(weather) : nothing}
            </footer>`
        : nothing}
    `;
  }

  private polarSunText(): string | null {
    const s = this.nightView!.summary;
    if (s.polar === 'midnight-sun') return this.localize.t('sunDoesNotSet');
    if (s.polar === 'polar-night') return this.localize.t('sunDoesNotRise');
    return null;
  }

  private renderSunSection() {
    const t = this.localize;
    const s = this.nightView!.summary;
    const polar = this.polarSunText();
    const rows: [keyof typeof enNight, Date | null][] = [
      ['sunset', s.sunset],
      ['civilDusk', s.civilDusk],
      ['nauticalDusk', s.nauticalDusk],
      ['astronomicalDusk', s.astronomicalDusk],
      ['astronomicalDawn', s.astronomicalDawn],
      ['nauticalDawn', s.nauticalDawn],
      ['civilDawn', s.civilDawn],
      ['sunrise', s.sunrise],
    ];
    return html`<section class="section sun" role="group" aria-labelledby="sun-title">
      <h3 id="sun-title">${t.t('sunAndTwilight')}</h3>
      ${polar ? html`<p class="polar">${polar}</p>` : nothing}
      ${s.noAstronomicalDarkness && s.polar !== 'midnight-sun' ? html`<p class="polar">${t.t('noAstronomicalDarkness')}</p>` : nothing}
      <dl part="facts" class="facts">
        ${rows.map(([key, time]) => html`<div class="fact" data-event=${key}><dt>${t.t(key)}</dt><dd>${this.time(time)}</dd></div>`)}
        <div class="fact strong" data-event="darkness">
          <dt>${t.t('darkness')}</dt>
          <dd>${s.darkHours > 0 ? this.duration(s.darkHours) : html`<span class="none">${t.t('none')}</span>`}</dd>
        </div>
      </dl>
    </section>`;
  }

  private renderMoonDisc(size: number) {
    const t = this.localize;
    const v = this.nightView!;
    const moon = v.summary.moon;
    const right = litOnRight(moon.waxing, v.site.latitude);
    const r = size / 2 - 1;
    const label = t.t('moonImage', {
      phase: t.t(PHASE_KEYS[moon.name]),
      percent: formatPercent(moon.illumination * 100, t.locale),
      side: t.t(right ? 'sideRight' : 'sideLeft'),
    });
    const path = litPath(moon.illumination, right, r);
    return html`<svg part="moon" class="moon-disc" width=${size} height=${size} viewBox="0 0 ${size} ${size}" role="img" aria-label=${label} data-lit=${right ? 'right' : 'left'} data-fraction=${moon.illumination.toFixed(3)}>
      <g transform="translate(1 1)">
        <circle class="moon-dark" cx=${r} cy=${r} r=${r}></circle>
        ${path ? svg`<path class="moon-lit" d=${path}></path>` : nothing}
        <circle class="moon-rim" cx=${r} cy=${r} r=${r}></circle>
      </g>
    </svg>`;
  }

  private renderMoonSection() {
    const t = this.localize;
    const s = this.nightView!.summary;
    const phase = t.t(PHASE_KEYS[s.moon.name]);
    const lit = formatPercent(s.moon.illumination * 100, t.locale);
    return html`<section class="section moon" role="group" aria-labelledby="moon-title">
      <h3 id="moon-title">${t.t('moon')}</h3>
      <div class="moon-head">
        ${this.renderMoonDisc(56)}
        <div>
          <div class="moon-name">${phase}</div>
          <div class="muted">${lit}</div>
        </div>
      </div>
      ${s.moonNeverUp ? html`<p class="polar">${t.t('moonDoesNotRise')}</p>` : nothing}
      ${s.moonAlwaysUp ? html`<p class="polar">${t.t('moonDoesNotSet')}</p>` : nothing}
      <dl part="facts" class="facts">
        <div class="fact"><dt>${t.t('moonPhase')}</dt><dd>${phase}</dd></div>
        <div class="fact"><dt>${t.t('illumination')}</dt><dd>${lit}</dd></div>
        <div class="fact" data-event="moonrise"><dt>${t.t('moonrise')}</dt><dd>${this.time(s.moonrise)}</dd></div>
        <div class="fact" data-event="moonset"><dt>${t.t('moonset')}</dt><dd>${this.time(s.moonset)}</dd></div>
        <div class="fact strong" data-event="moon-free"><dt>${t.t('moonFreeDark')}</dt><dd>${this.duration(s.moonFreeDarkHours)}</dd></div>
      </dl>
    </section>`;
  }

  // ── timeline ──

  private renderTimeline(compact: boolean) {
    const t = this.localize;
    const v = this.nightView!;
    const { range, site } = v;
    const locale = t.locale;
    const bands = clip(v.summary.bands, range);
    const moonUp = clip(v.moonUp, range);
    const now = this.clock.now();
    const showNow = this.isTonight && now >= range.from && now <= range.to;
    const w = this.weatherView;
    const pos = (d: Date | number) => percentAlong(d, range);
    const span = (from: Date | number, to: Date | number) => `left:${pos(from)}%;width:${pos(to) - pos(from)}%`;
    const hours = (range.to.getTime() - range.from.getTime()) / HOUR_MS;
    // Track width: the card's width less padding and (full layout) the row-label column.
    const trackPx = Math.max(120, (this.resize.width || (compact ? 280 : 800)) - (compact ? 26 : 100));
    const ticks = hourTicks(range, (d) => zoneOffsetMinutes(site.timeZone, d));
    // Labels about 6.5 px per character at the strip's font size, plus a gap; those that would stick out are left out.
    const labelPx = Math.max(2, ...ticks.slice(0, 3).map((d) => formatHour(d, locale, site.timeZone).length)) * 6.5 + 12;
    const step = [1, 2, 3, 4, 6, 12].find((n) => (n * trackPx) / Math.max(1, hours) >= labelPx) ?? 12;
    const edge = (labelPx / 2 / trackPx) * 100;
    const labelled = ticks.filter((d) => {
      const localHour = Math.round((d.getTime() / HOUR_MS + zoneOffsetMinutes(site.timeZone, d) / 60) % 24 + 24) % 24;
      return localHour % step === 0 && pos(d) >= edge && pos(d) <= 100 - edge;
    });
    const hourCell = (time: Date) => span(time.getTime() - HOUR_MS / 2, time.getTime() + HOUR_MS / 2);
    const row = (cls: string, label: keyof typeof enNight, content: unknown) =>
      html`<div class="row ${cls}">${compact ? nothing : html`<span class="row-label">${t.t(label)}</span>`}<div class="track">${content}</div></div>`;
    return html`<figure class="timeline-figure">
      <div part="timeline" class="timeline" aria-hidden="true">
        ${row(
          'sky',
          'rowSky',
          html`${bands.map((b) => html`<span class="band ${b.kind}" style=${span(b.from, b.to)}></span>`)}
          ${w?.best ? html`<span class="best-mark" style=${span(w.best.from, w.best.to)}></span>` : nothing}`,
        )}
        ${row('moon-row', 'rowMoon', moonUp.map((m) => html`<span class="moon-up" style=${span(m.from, m.to)}></span>`))}
        ${w && !compact
          ? row(
              'cloud-row',
              'rowCloud',
              w.hours.map((h) =>
                h.cloudCover === null ? nothing : html`<span class="cloud" style="${hourCell(h.time)};opacity:${(0.08 + (0.92 * h.cloudCover) / 100).toFixed(2)}"></span>`,
              ),
            )
          : nothing}
        ${w
          ? row(
              'score-row',
              'rowScore',
              w.scores.map((h) =>
                h.score === null ? nothing : html`<span class="bar ${rating(h.score)}" style="${hourCell(h.time)};height:${Math.max(6, h.score)}%"></span>`,
              ),
            )
          : nothing}
        <div class="row ticks">
          ${compact ? nothing : html`<span class="row-label"></span>`}
          <div class="track">${labelled.map((d) => html`<span class="tick" style="left:${pos(d)}%">${formatHour(d, locale, site.timeZone)}</span>`)}</div>
        </div>
        ${showNow ? html`<div class="now-layer"><div class="track"><span class="now" style="left:${pos(now)}%"></span></div></div>` : nothing}
      </div>
      <figcaption class="visually-hidden">
        ${t.t('timeline')}
        <ul>
          ${bands.map((b) => html`<li>${t.t('bandItem', { band: t.t(BAND_KEYS[b.kind]), from: this.timeText(b.from), to: this.timeText(b.to) })}</li>`)}
          ${moonUp.map((m) => html`<li>${t.t('moonUpItem', { from: this.timeText(m.from), to: this.timeText(m.to) })}</li>`)}
          ${showNow ? html`<li>${t.t('nowItem', { time: this.timeText(now) })}</li>` : nothing}
        </ul>
      </figcaption>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'arc-night-card': ArcNightCard;
  }
}
