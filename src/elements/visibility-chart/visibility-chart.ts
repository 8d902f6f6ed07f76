import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ArcApiError, isTransient } from '../../api/errors.js';
import { altitudeCurves, localSiderealTime, nightDate, zoneOffsetMinutes } from '../../astro/index.js';
import { ClockController } from '../../controllers/clock.js';
import { LocalizeController } from '../../controllers/localize.js';
import { ResizeController, type SizeClass } from '../../controllers/resize.js';
import { SiteController, type SiteMessages } from '../../controllers/site.js';
import { TargetsController, type TargetInput } from '../../controllers/targets.js';
import { chart as chartStrings, common as commonStrings } from '../../i18n/en.js';
import { ArcElement } from '../arc-element.js';
import { offsetLabel, siteFormats } from './format.js';
import { nightFrame, type ChartRange, type ChartSite } from './model.js';
import { paletteSlot, safeColour } from './palette.js';
import { renderPlot, ROW_HEIGHT, seriesClass, seriesStyle, type TimeAxis } from './plot.js';
import { clockTicks, hourStep, linearScale, sampleStepMinutes, siderealTicks, verticalScale, type YAxisMode } from './scales.js';
import type { LegendEntry, Message, View } from './types.js';
import { styles } from './visibility-chart.styles.js';

type PartModule = typeof import('./interaction.js');

/**
 * The interactive part (crosshair, readout, events and windows, table, exports) is a chunk of its own: the first
 * paint is the complete static chart without it, and it is imported as soon as a chart connects, so it is there a
 * frame or two later. Loaded once per page; a failed load is tried again by the next chart that connects.
 */
let partModule: PartModule | null = null;
let partLoading: Promise<PartModule> | null = null;
const loadPart = () =>
  (partLoading ??= import('./interaction.js').then(
    (module) => (partModule = module),
    (err: unknown) => {
      partLoading = null;
      throw err;
    },
  ));

const MINUTE = 60_000;
const DEFAULT_MIN_ALTITUDE = 30;
/** Width of the host from which the legend moves beside the chart. */
const WIDE = 760;
const NARROW = 420;

let instances = 0;

/**
 * When can each target be observed tonight? Altitude curves of the targets over the night at a site, with
 * twilight bands, the Moon, an altitude limit, airmass, local/UTC/sidereal time axes, a live "now" marker,
 * rise/transit/set marks and each target's observable window. A crosshair (pointer or keyboard) reads out time,
 * altitude, azimuth, airmass and Moon separation; the chart exports PNG, SVG and CSV. Targets come from the
 * `targets` attribute or property or from `<arc-target>` children (names resolved through the API).
 *
 * The first paint is the complete static chart (curves, bands, Moon, limit, axes, legend, "now", title and
 * description); the interactive part (crosshair, marks and windows, table, exports) loads right after it as a
 * separate chunk: `ready` resolves once it is in.
 *
 * @summary Target visibility chart for one night at an observing site.
 * @tag arc-visibility-chart
 *
 * @slot caption - Extra text under the chart (a credit, a note about the targets).
 *
 * @csspart base - The whole widget.
 * @csspart header - Title, time-zone line and toolbar.
 * @csspart title - The title (site and night).
 * @csspart subtitle - The time-zone and night-condition line.
 * @csspart toolbar - The export buttons.
 * @csspart message - Loading, warning and error messages (per target where one target is concerned).
 * @csspart plot - The box around the chart and its cursor.
 * @csspart chart - The SVG chart.
 * @csspart cursor - The focusable time cursor over the plot (a slider).
 * @csspart readout - The crosshair's time line (local, UTC, sidereal).
 * @csspart legend - The list of targets.
 * @csspart legend-item - One target's button in the legend (highlights and selects it).
 * @csspart table - The `<details>` with the table of events and windows.
 *
 * @cssprop --arc-visibility-chart-bg - Background.
 * @cssprop --arc-visibility-chart-text - Text colour.
 * @cssprop --arc-visibility-chart-muted - Axis labels and secondary text.
 * @cssprop --arc-visibility-chart-grid - Grid lines.
 * @cssprop --arc-visibility-chart-series-1 - Colour of the first target (through `--arc-visibility-chart-series-8`; they repeat with other dashes).
 * @cssprop --arc-visibility-chart-series-2 - Colour of the second target.
 * @cssprop --arc-visibility-chart-series-3 - Colour of the third target.
 * @cssprop --arc-visibility-chart-series-4 - Colour of the fourth target.
 * @cssprop --arc-visibility-chart-series-5 - Colour of the fifth target.
 * @cssprop --arc-visibility-chart-series-6 - Colour of the sixth target.
 * @cssprop --arc-visibility-chart-series-7 - Colour of the seventh target.
 * @cssprop --arc-visibility-chart-series-8 - Colour of the eighth target.
 * @cssprop --arc-visibility-chart-moon - The Moon's curve.
 * @cssprop --arc-visibility-chart-day - Daytime band.
 * @cssprop --arc-visibility-chart-civil - Civil twilight band.
 * @cssprop --arc-visibility-chart-nautical - Nautical twilight band.
 * @cssprop --arc-visibility-chart-astronomical - Astronomical twilight band.
 * @cssprop --arc-visibility-chart-night - Astronomical night band.
 * @cssprop --arc-visibility-chart-band-opacity - Opacity of the bands behind the curves (the strip on top is opaque).
 * @cssprop --arc-visibility-chart-limit - The altitude-limit line and the shade below it.
 * @cssprop --arc-visibility-chart-now - The "now" marker.
 * @cssprop --arc-visibility-chart-best - The best-window bracket.
 * @cssprop --arc-visibility-chart-selected - The curve of a target added by the shared selection.
 *
 * @fires arc-select - A legend entry was chosen: `detail.target = {name, ra, dec}`, `detail.source = 'arc-visibility-chart'`.
 * @fires arc-load - The chart is complete for a night (curves, events, windows) with every target settled; `detail = {date, targets}`.
 * @fires arc-error - A site, target, date or option could not be used, or an export failed; the message is shown too.
 */
export class ArcVisibilityChart extends ArcElement {
  static override styles = styles;

  /** Targets: `;`-separated names or coordinates (`M42; NGC 253; 83.82 -5.39; 05:35:17 -05:23:28`), or (as a property) an array of names or `{name, ra, dec, label, color}`. `<arc-target>` children are added. */
  @property() targets: string | TargetInput[] | null = null;
  /** `night` (default): sunset − 1 h to sunrise + 1 h; `24h`: local noon to noon. */
  @property() range: string = 'night';
  /** Altitude limit in degrees (default 30): a line, the zone below shaded, and the observable windows above it. */
  @property({ attribute: 'min-altitude' }) minAltitude: number | string | null = DEFAULT_MIN_ALTITUDE;
  /** Vertical scale: `altitude` (default, airmass marked beside it) or `airmass` (1 at the top to 3, altitude beside it). */
  @property({ attribute: 'y-axis' }) yAxis: string = 'altitude';
  /** Main time axis: `local` (default, the site's zone), `utc` or `lst` (local sidereal time); the others are shown beneath on wider charts. */
  @property({ attribute: 'time-axis' }) timeAxis: string = 'local';

  private readonly strings = new LocalizeController(this, 'chart', chartStrings);
  private readonly common = new LocalizeController(this, 'common', commonStrings);
  private readonly clock = new ClockController(this, MINUTE);
  private readonly resize = new ResizeController(this, { medium: NARROW, wide: WIDE });
  private readonly siteCtl = new SiteController(
    this,
    Object.fromEntries(
      (['invalidLatitude', 'invalidLongitude', 'invalidElevation', 'invalidTimeZone', 'noSite'] as const).map((key) => [
        key,
        (value: unknown) => this.common.t(key, { value }),
      ]),
    ) as unknown as SiteMessages,
  );
  private readonly targetsCtl = new TargetsController(this);

  private readonly uid = `arc-vc-${++instances}`;
  private view!: View;
  private interactive: InstanceType<PartModule['ChartInteraction']> | null = null;
  /** Night frame and curves, each kept while its inputs are unchanged (a clock tick or pointer move redraws only). */
  private memos: Record<string, [key: string, value: unknown]> = {};
  private reported = new Set<string>();

  /** Resolves once the interactive part (crosshair, marks and windows, table, exports) has loaded and the chart has rendered with it. */
  get ready(): Promise<void> {
    return loadPart().then(() => {
      this.attachPart();
      return this.updateComplete.then(() => undefined);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (partModule) this.attachPart();
    // Without the part the chart stays a complete static one; the next chart to connect tries the import again.
    else loadPart().then(() => this.attachPart(), (err: unknown) => this.reportError(err));
    // Moved in the page: finish any work left when it was taken out.
    if (this.hasUpdated) this.requestUpdate();
  }

  private attachPart() {
    if (this.interactive || !partModule) return;
    this.interactive = new partModule.ChartInteraction(this, this.strings);
    this.requestUpdate();
  }

  // ————————————————————————————————————————————— public methods (the interactive part must have loaded: see `ready`)

  /** The chart as CSV: one row per 5 minutes (or `stepMinutes`) over the night shown, computed by `altitudeCurves`. */
  toCSV(stepMinutes = 5): string {
    return this.loadedPart().csv(stepMinutes);
  }

  /** The chart as a standalone SVG document (colours and fonts inlined, with a legend). */
  toSVG(): string {
    return this.loadedPart().svg();
  }

  /** The chart as a PNG image at twice its size on screen. */
  async toPNG(): Promise<Blob> {
    await this.ready;
    return this.loadedPart().png();
  }

  private loadedPart() {
    if (!this.interactive || !this.view.plot) throw new Error(this.strings.t('nothingToExport'));
    return this.interactive;
  }

  // ————————————————————————————————————————————— computing the view

  /** One Retry for everything that failed for a reason that may pass: the site and the targets. */
  private retryFailed = () => {
    this.siteCtl.retry();
    this.targetsCtl.retry();
  };

  protected override update(changed: PropertyValues): void {
    // The interactive part gets each view: it computes the events and windows (the missing ones on the next frame)
    // and the crosshair's readout, and fires `arc-load` once a night is complete.
    this.view = this.computeView();
    this.interactive?.sync(this.view);
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const messages = this.view.messages;
    for (const m of messages) {
      if (m.report && !this.reported.has(m.key)) {
        this.reported.add(m.key);
        this.reportError(m.report);
      }
    }
    // Forget reports whose cause went away, so the same mistake made again is reported again.
    for (const key of this.reported) if (!messages.some((m) => m.key === key)) this.reported.delete(key);
  }

  /** A value computed once per input key, or the error computing it threw. */
  private memo<T>(slot: string, key: string, compute: () => T): T | Error {
    const hit = this.memos[slot];
    if (hit?.[0] !== key) {
      let value: T | Error;
      try {
        value = compute();
      } catch (err) {
        value = err instanceof Error ? err : new Error(String(err));
      }
      this.memos[slot] = [key, value];
      return value;
    }
    return hit[1] as T | Error;
  }

  private computeView(): View {
    const s = this.strings;
    const common = this.common;
    const messages: Message[] = [];
    const warn = (key: string, text: string, kind: Message['kind'] = 'warning') =>
      messages.push({ key, kind, text, report: new ArcApiError('invalid-input', text) });
    const option = <T extends string>(value: string, allowed: T[], key: string, text: 'invalidRange' | 'invalidYAxis' | 'invalidTimeAxis'): T => {
      const v = (value ?? '').trim().toLowerCase() as T;
      if (!v || allowed.includes(v)) return v || allowed[0];
      warn(key, s.t(text, { value }));
      return allowed[0];
    };
    const range = option<ChartRange>(this.range, ['night', '24h'], 'range', 'invalidRange');
    const yMode = option<YAxisMode>(this.yAxis, ['altitude', 'airmass'], 'y-axis', 'invalidYAxis');
    const timeAxis = option<TimeAxis>(this.timeAxis, ['local', 'utc', 'lst'], 'time-axis', 'invalidTimeAxis');
    let minAltitude = this.minAltitude === null || this.minAltitude === '' ? DEFAULT_MIN_ALTITUDE : Number(this.minAltitude);
    if (!(minAltitude >= 0 && minAltitude < 90)) {
      warn('min-altitude', s.t('invalidMinAltitude', { value: this.minAltitude }));
      minAltitude = DEFAULT_MIN_ALTITUDE;
    }
    if (this.nowInForce && !this.frozenNow()) warn('now', common.t('invalidNow', { value: this.nowInForce }));

    const hostWidth = this.resize.width || Math.round(this.getBoundingClientRect().width) || 640;
    const size: SizeClass = hostWidth >= WIDE ? 'wide' : hostWidth >= NARROW ? 'medium' : 'narrow';
    const legend = this.legendEntries();
    // The shared selection's target, drawn while selected when it is not one of the chart's own.
    this.interactive?.follow(legend);
    const now = this.clock.now();
    const view: View = { messages, size, legend, drawn: legend.filter((e) => e.target), minAltitude, now: now.getTime(), resolving: this.targetsCtl.pending };

    const siteError = this.siteCtl.error;
    if (siteError) {
      const named = this.siteSpec.site;
      messages.push({
        key: 'site',
        kind: 'error',
        text: siteError.code === 'not-found' && named ? common.t('siteNotFound', { site: named }) : siteError.message,
        retry: isTransient(siteError.code) ? this.retryFailed : undefined,
      });
    }
    // The controller has fired arc-error for each target it could not use already.
    const codes = new Map(this.targetsCtl.entries.map((t) => [t.key, t.error?.code]));
    for (const e of legend) {
      if (e.error) messages.push({ key: `target:${e.key}`, kind: 'error', text: s.t('targetError', { target: e.label, message: e.error }), retry: isTransient(codes.get(e.key)) ? this.retryFailed : undefined });
    }
    const resolved = this.siteCtl.value;
    if (!resolved) {
      if (this.siteCtl.pending) messages.push({ key: 'loading', kind: 'info', text: common.t('loading') });
      return view;
    }
    const site: ChartSite = { latitude: resolved.latitude, longitude: resolved.longitude, elevation: resolved.elevation, timeZone: resolved.timeZone };
    view.formats = siteFormats(s.locale, site.timeZone);
    view.site = site;
    view.siteName = resolved.name;

    // Night: the one asked for, else the current or coming one at the site.
    const date = this.dateInForce;
    const night = date ?? nightDate(now, site, site.timeZone);
    const frameKey = (view.frameKey = JSON.stringify([site, night, range]));
    const frame = this.memo('frame', frameKey, () => nightFrame(site, night, range));
    if (frame instanceof Error) {
      const text =
        date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || /date/i.test(frame.message))
          ? common.t('invalidDate', { value: date })
          : s.t('computeFailed', { message: frame.message });
      warn(`frame:${frameKey}`, text, 'error');
      return view;
    }
    view.frame = frame;
    const fromMs = frame.from.getTime();
    const toMs = frame.to.getTime();
    const sm = frame.summary;
    view.zoneText = resolved.derivedOffset
      ? common.t('offsetFromLongitude', { offset: resolved.derivedOffset })
      : s.t('zone', { zone: site.timeZone, offset: offsetLabel(zoneOffsetMinutes(site.timeZone, new Date((fromMs + toMs) / 2))) });
    const polar = sm.polar ? s.t(sm.polar === 'polar-night' ? 'polarNight' : 'midnightSun') : null;
    if (polar || sm.noAstronomicalDarkness) messages.push({ key: 'night', kind: 'info', text: polar ?? s.t('noDarkness') });
    if (!legend.length) messages.push({ key: 'no-targets', kind: 'info', text: s.t('noTargets') });

    // Layout, from the plot box's width as the interactive part measures it; until then (and on the first paint) the
    // host's, less the padding and the legend column beside it.
    const drawn = view.drawn;
    const narrow = size === 'narrow';
    const width = this.interactive?.plotWidth || Math.max(200, hostWidth - (narrow ? 16 : 24) - (size === 'wide' ? 272 : 0));
    const left = narrow ? 30 : 46;
    const right = width - (narrow ? 30 : 44);
    const top = 30;
    const bottom = top + Math.round(Math.min(Math.max(width * 0.42, 170), 340));
    const laneHeight = narrow ? 5 : 8;
    const axisTop = bottom + 12 + drawn.length * (laneHeight + 3);
    const rows: TimeAxis[] = narrow ? [timeAxis] : [timeAxis, ...(['local', 'utc', 'lst'] as const).filter((a) => a !== timeAxis)];

    // Curves, sampled about every two pixels of the plot.
    const step = sampleStepMinutes(toMs - fromMs, right - left);
    const targets = drawn.map((d) => d.target!);
    const curves = this.memo('curves', JSON.stringify([frameKey, step, targets]), () => altitudeCurves(targets, site, frame.from, frame.to, step));
    if (curves instanceof Error) {
      warn(`curves:${frameKey}`, s.t('computeFailed', { message: curves.message }), 'error');
      return view;
    }
    view.curves = curves;

    // Hour ticks on the main clock; one zone offset for the whole night unless it spans a daylight-saving change.
    const hours = hourStep(toMs - fromMs, right - left, narrow ? 40 : 52);
    const [startOffset, endOffset] = [frame.from, frame.to].map((t) => zoneOffsetMinutes(site.timeZone, t));
    const zoneOffset = startOffset === endOffset ? () => startOffset : (ms: number) => zoneOffsetMinutes(site.timeZone, new Date(ms));
    view.plot = {
      width,
      height: axisTop + rows.length * ROW_HEIGHT + 6,
      left,
      right,
      top,
      bottom,
      laneTop: bottom + 6,
      laneHeight,
      laneGap: 3,
      axisTop,
      rows,
      x: linearScale(fromMs, toMs, left, right),
      y: verticalScale(yMode, top, bottom),
      fromMs,
      toMs,
      yMode,
      ticks:
        timeAxis === 'lst'
          ? siderealTicks(fromMs, toMs, hours, localSiderealTime(site.longitude, frame.from))
          : clockTicks(fromMs, toMs, hours, timeAxis === 'utc' ? () => 0 : zoneOffset),
      curves,
      series: drawn,
      highlight: this.interactive?.highlight ?? null,
      uid: this.uid,
    };
    return view;
  }

  /** Legend entries: every target as given (resolved, pending or failed), in the order given. */
  private legendEntries(): LegendEntry[] {
    return this.targetsCtl.entries.map((e, index) => ({
      key: e.key,
      label: e.label,
      status: e.status,
      error: e.error?.message ?? null,
      target: e.status === 'ok' ? e.target : null,
      ...paletteSlot(index),
      customColour: safeColour(e.color),
      temporary: false,
    }));
  }

  // ————————————————————————————————————————————— rendering

  protected override render() {
    const v = this.view;
    const s = this.strings;
    const part = this.interactive;
    const plot = v.plot;
    const subtitle = [v.frame ? s.t('night', { date: v.formats!.nightDate(v.frame.date) }) : '', v.zoneText].filter(Boolean).join(' · ');
    const messages = v.messages;
    return html`<div part="base" class="base ${v.size}">
      <div part="header" class="header">
        <div class="titles">
          ${v.siteName ? html`<p part="title" class="title">${v.siteName}</p>` : nothing}
          ${subtitle ? html`<p part="subtitle" class="subtitle">${subtitle}</p>` : nothing}
        </div>
        ${part?.toolbar(!!plot)}
      </div>
      ${messages.length
        ? html`<div class="messages">
            ${messages.map(
              (m) => html`<div part="message" class="arc-message" data-kind=${m.kind} role=${m.kind === 'info' ? 'status' : 'alert'}>
                <span>${m.text}</span>
                ${m.retry ? html`<button type="button" @click=${m.retry}>${this.common.t('retry')}</button>` : nothing}
              </div>`,
            )}
          </div>`
        : nothing}
      <div class="layout">
        <div class="plot-box" part="plot">
          ${plot
            ? html`<div class="svg-wrap">${renderPlot(v, s, part)}${part?.cursor()}</div>
                ${part?.readoutLine() ?? html`<p class="hint"></p>`}`
            : nothing}
        </div>
        ${v.legend.length
          ? html`<ul part="legend" class="legend" aria-label=${s.t('legend')}>
              ${v.legend.map((e) => {
                const ok = e.status === 'ok';
                const content = html`<svg class="swatch" viewBox="0 0 28 10" aria-hidden="true">
                    <line class="curve ${ok ? seriesClass(e) : 'muted'} ${e.temporary ? 'temporary' : ''}" style=${ok ? seriesStyle(e) : ''} x1="1" x2="27" y1="5" y2="5"></line>
                  </svg>
                  <span class="name">${e.label}${e.temporary ? html` <span class="tag">${s.t('selected')}</span>` : nothing}</span>
                  <span class="detail"
                    >${e.status === 'error' ? html`<span class="error-text">${e.error}</span>` : ok ? (part?.legendDetail(e) ?? '') : s.t('resolving')}</span
                  >`;
                return html`<li class="entry ${e.status}">
                  ${ok
                    ? html`<button type="button" part="legend-item" class="legend-item" aria-pressed=${part?.highlight === e.key} @click=${() => part?.select(e)}>
                        ${content}
                      </button>`
                    : html`<div part="legend-item" class="legend-item">${content}</div>`}
                </li>`;
              })}
            </ul>`
          : nothing}
      </div>
      ${plot ? part?.table() : nothing}
      <div class="caption"><slot name="caption"></slot></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'arc-visibility-chart': ArcVisibilityChart;
  }
}
