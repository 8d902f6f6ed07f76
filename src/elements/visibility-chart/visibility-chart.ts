import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ArcApiError } from '../../api/errors.js';
import { localSiderealTime, nightDate, zoneOffsetMinutes, type AltitudeCurves, type Interval, type TargetEvent } from '../../astro/index.js';
import { nightContext, selectionContext, type NightSlice, type Selection, type SelectionSlice } from '../../context/keys.js';
import { ClockController } from '../../controllers/clock.js';
import { LocalizeController } from '../../controllers/localize.js';
import { ResizeController, type SizeClass } from '../../controllers/resize.js';
import { SiteController } from '../../controllers/site.js';
import { TargetsController, type ResolvedTarget, type TargetEntry, type TargetInput } from '../../controllers/targets.js';
import { ArcSelectEvent, type SelectedTarget } from '../../events.js';
import { chart as chartStrings, common as commonStrings } from '../../i18n/en.js';
import { ArcElement } from '../arc-element.js';
import { curvesToCsv, saveBlob, standaloneSvg, svgToPng } from './exporters.js';
import { formatHours, offsetLabel, siteFormats, type SiteFormats } from './format.js';
import { frameCurves, nightFrame, readoutAt, targetTrack, type ChartRange, type ChartSite, type NightFrame, type Readout, type TargetTrack } from './model.js';
import { safeColour, seriesStyle } from './palette.js';
import { renderPlot, type AxisTick, type PlotModel, type PlotSeries, type TimeAxis } from './plot.js';
import {
  AIRMASS_TICKS,
  ALTITUDE_TICKS_IN_AIRMASS_MODE,
  altitudeForAirmass,
  altitudeTicks,
  clockTicks,
  hourStep,
  linearScale,
  sampleStepMinutes,
  siderealTicks,
  verticalScale,
  type YAxisMode,
} from './scales.js';
import { styles } from './visibility-chart.styles.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DEFAULT_MIN_ALTITUDE = 30;
/** Width of the host from which the legend moves beside the chart. */
const WIDE = 760;
const NARROW = 420;

type Key = string;

interface Message {
  key: string;
  kind: 'error' | 'warning' | 'info';
  text: string;
  /** Fire `arc-error` for it (errors the controllers have not already reported). */
  report?: ArcApiError;
  retry?: () => void;
}

/** One line of the legend: a target as given, whatever its state. */
interface LegendEntry {
  key: Key;
  label: string;
  status: TargetEntry['status'];
  error: string | null;
  target: ResolvedTarget | null;
  colour: number;
  dash: number;
  customColour: string | null;
  temporary: boolean;
}

/** Targets whose events and windows are still to be computed for the night shown. */
interface TrackJob {
  site: ChartSite;
  frame: NightFrame;
  minAltitude: number;
  targets: { entryKey: Key; key: string; target: ResolvedTarget }[];
}

interface View {
  messages: Message[];
  formats: SiteFormats | null;
  site: ChartSite | null;
  siteName: string;
  zoneText: string;
  frame: NightFrame | null;
  legend: LegendEntry[];
  tracks: Map<Key, TargetTrack>;
  curves: AltitudeCurves | null;
  drawn: LegendEntry[];
  plot: PlotModel | null;
  readout: Readout | null;
  size: SizeClass;
}

const EMPTY_VIEW: View = {
  messages: [],
  formats: null,
  site: null,
  siteName: '',
  zoneText: '',
  frame: null,
  legend: [],
  tracks: new Map(),
  curves: null,
  drawn: [],
  plot: null,
  readout: null,
  size: 'narrow',
};

/** A value computed once per input key. */
class Memo<T> {
  private key: string | null = null;
  private value!: T;
  get(key: string, compute: () => T): T {
    if (key !== this.key) {
      this.value = compute();
      this.key = key;
    }
    return this.value;
  }
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '');

let instances = 0;

/**
 * When can each target be observed tonight? Altitude curves of the targets over the night at a site, with
 * twilight bands, the Moon, an altitude limit, airmass, local/UTC/sidereal time axes, a live "now" marker,
 * rise/transit/set marks and each target's observable window. A crosshair (pointer or keyboard) reads out time,
 * altitude, azimuth, airmass and Moon separation; the chart exports PNG, SVG and CSV. Targets come from the
 * `targets` attribute or property or from `<arc-target>` children (names resolved through the API).
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

  @consume({ context: selectionContext, subscribe: true })
  protected selectionSlice?: SelectionSlice;
  @consume({ context: nightContext, subscribe: true })
  protected nightSlice?: NightSlice;

  /** Crosshair time (ms), or null when hidden. */
  @state() private cursorMs: number | null = null;
  /** Key of the highlighted target (legend click or shared selection). */
  @state() private highlightKey: Key | null = null;
  @state() private plotBoxWidth = 0;
  @state() private exportError: string | null = null;
  /** The table is built only while its <details> is open. */
  @state() private tableOpen = false;

  private readonly strings = new LocalizeController(this, 'chart', chartStrings);
  private readonly commonStrings = new LocalizeController(this, 'common', commonStrings);
  private readonly clock = new ClockController(this, MINUTE);
  private readonly resize = new ResizeController(this, { medium: NARROW, wide: WIDE });
  private readonly siteCtl = new SiteController(this, {
    invalidLatitude: (value) => this.commonStrings.t('invalidLatitude', { value }),
    invalidLongitude: (value) => this.commonStrings.t('invalidLongitude', { value }),
    invalidElevation: (value) => this.commonStrings.t('invalidElevation', { value }),
    invalidTimeZone: (value) => this.commonStrings.t('invalidTimeZone', { value }),
    noSite: () => this.commonStrings.t('noSite'),
  });
  private readonly targetsCtl = new TargetsController(this);

  private readonly uid = `arc-vc-${++instances}`;
  private view: View = EMPTY_VIEW;
  private readonly frameMemo = new Memo<{ frame: NightFrame | null; error: unknown }>();
  private readonly curvesMemo = new Memo<{ curves: AltitudeCurves | null; error: unknown }>();
  private readonly readoutMemo = new Memo<Readout | null>();
  private tracks = new Map<Key, { key: string; track: TargetTrack | null }>();
  private trackJob: TrackJob | null = null;
  private trackFrame = 0;
  private lastSelection: Selection | null = null;
  private reported = new Set<string>();
  private loadedKey = '';
  private pendingLoad: Record<string, unknown> | null = null;
  private plotObserver: ResizeObserver | null = null;
  private plotFrame = 0;
  private pointerInside = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      // Moved in the page: measure again and finish any work left when it was taken out.
      this.observePlot();
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.plotObserver?.disconnect();
    this.plotObserver = null;
    cancelAnimationFrame(this.plotFrame);
    cancelAnimationFrame(this.trackFrame);
    this.trackFrame = 0;
  }

  protected override firstUpdated(): void {
    this.observePlot();
  }

  /** The plot box's own width decides the SVG's size (the legend may sit beside it). */
  private observePlot() {
    const box = this.renderRoot.querySelector<HTMLElement>('.plot-box');
    if (!box || typeof ResizeObserver === 'undefined') return;
    this.plotObserver?.disconnect();
    this.plotObserver = new ResizeObserver((entries) => {
      const width = Math.round(entries[entries.length - 1].contentRect.width);
      if (width <= 0 || width === this.plotBoxWidth) return;
      // Resize on the next frame: re-rendering inside the observer's delivery would change the host's height
      // in the same frame (a "ResizeObserver loop").
      cancelAnimationFrame(this.plotFrame);
      this.plotFrame = requestAnimationFrame(() => (this.plotBoxWidth = width));
    });
    this.plotObserver.observe(box);
  }

  // ————————————————————————————————————————————— public methods

  /** The chart as CSV: one row per 5 minutes (or `stepMinutes`) over the night shown, computed by `altitudeCurves`. */
  toCSV(stepMinutes = 5): string {
    const { site, frame, formats, drawn } = this.view;
    if (!site || !frame || !formats) throw new Error(this.strings.t('nothingToExport'));
    const curves = frameCurves(drawn.map((d) => d.target!), site, frame, stepMinutes);
    return curvesToCsv(curves, drawn.map((d) => d.label), site.longitude, formats);
  }

  /** The chart as a standalone SVG document (colours and fonts inlined, with a legend). */
  toSVG(): string {
    const live = this.renderRoot.querySelector<SVGSVGElement>('svg[part="chart"]');
    if (!live) throw new Error(this.strings.t('nothingToExport'));
    const base = this.renderRoot.querySelector('.base');
    const background = base ? getComputedStyle(base).backgroundColor : '';
    return standaloneSvg(live, background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff');
  }

  /** The chart as a PNG image at twice its size on screen. */
  async toPNG(): Promise<Blob> {
    return svgToPng(this.toSVG(), 2);
  }

  // ————————————————————————————————————————————— computing the view

  protected override update(changed: PropertyValues): void {
    this.view = this.computeView();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const m of this.view.messages) {
      if (m.report && !this.reported.has(m.key)) {
        this.reported.add(m.key);
        this.reportError(m.report);
      }
    }
    // Forget reports whose cause went away, so the same mistake made again is reported again.
    for (const key of this.reported) if (!this.view.messages.some((m) => m.key === key)) this.reported.delete(key);
    if (this.pendingLoad) {
      const detail = this.pendingLoad;
      this.pendingLoad = null;
      this.reportLoad(detail);
    }
    if (this.trackJob && !this.trackFrame) this.trackFrame = requestAnimationFrame(() => this.computeTracks());
  }

  /** Events and observable windows of the targets the last render was missing. */
  private computeTracks() {
    this.trackFrame = 0;
    const job = this.trackJob;
    if (!job || !this.isConnected) return;
    this.trackJob = null;
    for (const { entryKey, key, target } of job.targets) {
      let track: TargetTrack | null = null;
      try {
        track = targetTrack(entryKey, target, job.site, job.frame, job.minAltitude);
      } catch {
        // A target the astronomy rejects keeps its curve; it just has no marks or window.
      }
      this.tracks.set(entryKey, { key, track });
    }
    this.requestUpdate();
  }

  private option<T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T, message: string, messages: Message[], key: string): T {
    const v = (value ?? '').trim().toLowerCase();
    if (!v) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    messages.push({ key, kind: 'warning', text: message, report: new ArcApiError('invalid-input', message) });
    return fallback;
  }

  private computeView(): View {
    const s = this.strings;
    const messages: Message[] = [];
    const range = this.option<ChartRange>(this.range, ['night', '24h'], 'night', s.t('invalidRange', { value: this.range }), messages, 'range');
    const yMode = this.option<YAxisMode>(this.yAxis, ['altitude', 'airmass'], 'altitude', s.t('invalidYAxis', { value: this.yAxis }), messages, 'y-axis');
    const timeAxis = this.option<TimeAxis>(this.timeAxis, ['local', 'utc', 'lst'], 'local', s.t('invalidTimeAxis', { value: this.timeAxis }), messages, 'time-axis');
    let minAltitude = this.minAltitude === null || this.minAltitude === '' ? DEFAULT_MIN_ALTITUDE : Number(this.minAltitude);
    if (!Number.isFinite(minAltitude) || minAltitude < 0 || minAltitude >= 90) {
      const text = s.t('invalidMinAltitude', { value: this.minAltitude });
      messages.push({ key: 'min-altitude', kind: 'warning', text, report: new ArcApiError('invalid-input', text) });
      minAltitude = DEFAULT_MIN_ALTITUDE;
    }
    if (this.nowInForce && !this.frozenNow()) {
      const text = this.commonStrings.t('invalidNow', { value: this.nowInForce });
      messages.push({ key: 'now', kind: 'warning', text, report: new ArcApiError('invalid-input', text) });
    }

    const hostWidth = this.resize.width || Math.round(this.getBoundingClientRect().width) || 640;
    const size: SizeClass = hostWidth >= WIDE ? 'wide' : hostWidth >= NARROW ? 'medium' : 'narrow';
    const view: View = { ...EMPTY_VIEW, messages, size, tracks: new Map() };

    // Site.
    if (this.siteCtl.error) {
      const err = this.siteCtl.error;
      const spec = this.siteSpec;
      const text = err.code === 'not-found' && spec.site ? this.commonStrings.t('siteNotFound', { site: spec.site }) : err.message;
      const transient = ['network', 'timeout', 'server', 'throttled'].includes(err.code);
      messages.push({ key: 'site', kind: 'error', text, retry: transient ? () => this.siteCtl.retry() : undefined });
    }
    const resolved = this.siteCtl.value;
    view.legend = this.legendEntries();
    this.addTargetMessages(view.legend, messages);
    if (!resolved) {
      if (this.siteCtl.pending) messages.push({ key: 'loading', kind: 'info', text: this.commonStrings.t('loading') });
      return view;
    }
    const site: ChartSite = { latitude: resolved.latitude, longitude: resolved.longitude, elevation: resolved.elevation, timeZone: resolved.timeZone };
    view.site = site;
    view.siteName = resolved.name;
    const locale = this.strings.locale;
    view.formats = siteFormats(locale, site.timeZone);

    // Night.
    const now = this.clock.now();
    const date = this.dateInForce ?? safe(() => nightDate(now, site, site.timeZone));
    const frameKey = JSON.stringify([site, date, range]);
    const { frame, error } = this.frameMemo.get(frameKey, () => {
      try {
        return { frame: nightFrame(site, date ?? '', range), error: null };
      } catch (e) {
        return { frame: null, error: e };
      }
    });
    if (!frame) {
      const text = this.dateInForce && !/^\d{4}-\d{2}-\d{2}$/.test(this.dateInForce) ? this.commonStrings.t('invalidDate', { value: this.dateInForce }) : describeError(error, this.dateInForce, this.commonStrings, s);
      messages.push({ key: `frame:${frameKey}`, kind: 'error', text, report: new ArcApiError('invalid-input', text) });
      return view;
    }
    view.frame = frame;
    const middle = new Date((frame.from.getTime() + frame.to.getTime()) / 2);
    view.zoneText = resolved.derivedOffset
      ? this.commonStrings.t('offsetFromLongitude', { offset: resolved.derivedOffset })
      : s.t('zone', { zone: site.timeZone, offset: offsetLabel(zoneOffsetMinutes(site.timeZone, middle)) });
    if (frame.summary.polar === 'polar-night') messages.push({ key: 'polar', kind: 'info', text: s.t('polarNight') });
    else if (frame.summary.polar === 'midnight-sun') messages.push({ key: 'polar', kind: 'info', text: s.t('midnightSun') });
    else if (frame.summary.noAstronomicalDarkness) messages.push({ key: 'dark', kind: 'info', text: s.t('noDarkness') });
    if (!view.legend.length) messages.push({ key: 'no-targets', kind: 'info', text: s.t('noTargets') });

    // Curves.
    const drawn = (view.drawn = view.legend.filter((e) => e.target));
    const plotWidth = this.plotWidthFor(hostWidth, size);
    const layout = this.layoutFor(plotWidth, size, drawn.length, timeAxis);
    const durationMs = frame.to.getTime() - frame.from.getTime();
    const step = sampleStepMinutes(durationMs, layout.right - layout.left);
    const curvesKey = JSON.stringify([frameKey, step, drawn.map((d) => [d.target!.ra, d.target!.dec, d.target!.pmRa ?? 0, d.target!.pmDec ?? 0])]);
    const computed = this.curvesMemo.get(curvesKey, () => {
      try {
        return { curves: frameCurves(drawn.map((d) => d.target!), site, frame, step), error: null };
      } catch (e) {
        return { curves: null, error: e };
      }
    });
    if (!computed.curves) {
      const text = s.t('computeFailed', { message: (computed.error as Error)?.message ?? String(computed.error) });
      messages.push({ key: `curves:${curvesKey}`, kind: 'error', text, report: new ArcApiError('invalid-input', text) });
      return view;
    }
    const curves = (view.curves = computed.curves);

    // Events and windows per target (independent of the width). They are searched rather than read off the
    // samples, so they cost more than the curves: missing ones are computed on the next frame, after the
    // curves have been painted (see updated()).
    const tracks = new Map<Key, { key: string; track: TargetTrack | null }>();
    const missing: TrackJob['targets'] = [];
    for (const d of drawn) {
      const t = d.target!;
      const key = JSON.stringify([frameKey, minAltitude, t.ra, t.dec, t.pmRa ?? 0, t.pmDec ?? 0]);
      const cached = this.tracks.get(d.key);
      if (cached?.key === key) {
        tracks.set(d.key, cached);
        if (cached.track) view.tracks.set(d.key, cached.track);
      } else missing.push({ entryKey: d.key, key, target: t });
    }
    this.tracks = tracks;
    this.trackJob = missing.length ? { site, frame, minAltitude, targets: missing } : null;

    // Once per night and set of targets (not again when a resize changes the sampling step).
    const loadKey = JSON.stringify([frameKey, minAltitude, drawn.map((d) => d.key)]);
    if (!missing.length && !this.targetsCtl.pending && loadKey !== this.loadedKey) {
      this.loadedKey = loadKey;
      this.pendingLoad = { date: frame.date, targets: drawn.length };
    }

    // Crosshair.
    let cursorMs = this.cursorMs;
    if (cursorMs !== null && (cursorMs < frame.from.getTime() || cursorMs > frame.to.getTime())) cursorMs = null;
    view.readout =
      cursorMs === null
        ? null
        : this.readoutMemo.get(JSON.stringify([cursorMs, curvesKey]), () => {
            try {
              return readoutAt(new Date(cursorMs!), site, drawn.map((d) => ({ key: d.key, target: d.target! })));
            } catch {
              return null;
            }
          });

    view.plot = this.plotModel(view, layout, curves, yMode, timeAxis, minAltitude, now);
    return view;
  }

  private plotWidthFor(hostWidth: number, size: SizeClass): number {
    if (this.plotBoxWidth > 0) return this.plotBoxWidth;
    // Before the plot box has been measured: the host's width less the legend column and padding (see styles).
    const padding = size === 'narrow' ? 16 : 24;
    return Math.max(200, hostWidth - padding - (size === 'wide' ? 272 : 0));
  }

  private layoutFor(width: number, size: SizeClass, seriesCount: number, timeAxis: TimeAxis) {
    const narrow = size === 'narrow';
    const left = narrow ? 30 : 46;
    const right = width - (narrow ? 30 : 44);
    const top = 30;
    const plotHeight = Math.round(Math.min(Math.max(width * 0.42, 170), 340));
    const bottom = top + plotHeight;
    const laneHeight = narrow ? 5 : 8;
    const laneGap = 3;
    const laneTop = bottom + 6;
    const axisTop = laneTop + seriesCount * (laneHeight + laneGap) + 6;
    const rows: TimeAxis[] = narrow ? [timeAxis] : [timeAxis, ...(['local', 'utc', 'lst'] as const).filter((a) => a !== timeAxis)];
    const rowHeight = 14;
    const height = axisTop + rows.length * rowHeight + 6;
    return { width, height, left, right, top, bottom, laneTop, laneHeight, laneGap, axisTop, rows, rowHeight };
  }

  private plotModel(
    view: View,
    layout: ReturnType<ArcVisibilityChart['layoutFor']>,
    curves: AltitudeCurves,
    yMode: YAxisMode,
    timeAxis: TimeAxis,
    minAltitude: number,
    now: Date,
  ): PlotModel {
    const s = this.strings;
    const frame = view.frame!;
    const site = view.site!;
    const f = view.formats!;
    const fromMs = frame.from.getTime();
    const toMs = frame.to.getTime();
    const { left, right, top, bottom } = layout;
    const x = linearScale(fromMs, toMs, left, right);
    const y = verticalScale(yMode, top, bottom);

    // One offset for the whole frame unless it spans a daylight-saving change.
    const [startOffset, endOffset] = [frame.from, frame.to].map((t) => zoneOffsetMinutes(site.timeZone, t));
    const zoneOffset = startOffset === endOffset ? () => startOffset : (ms: number) => zoneOffsetMinutes(site.timeZone, new Date(ms));
    const step = hourStep(toMs - fromMs, right - left, view.size === 'narrow' ? 40 : 52);
    const tickTimes =
      timeAxis === 'lst'
        ? siderealTicks(fromMs, toMs, step, localSiderealTime(site.longitude, frame.from))
        : clockTicks(fromMs, toMs, step, timeAxis === 'utc' ? () => 0 : zoneOffset);
    const label = (axis: TimeAxis, ms: number) =>
      axis === 'local' ? f.time(ms) : axis === 'utc' ? f.utcTime(ms) : formatHours(localSiderealTime(site.longitude, new Date(ms)));
    const ticks: AxisTick[] = tickTimes.map((at) => ({ at, labels: layout.rows.map((axis) => label(axis, at)) }));
    const rowName = { local: s.t('axisLocal'), utc: s.t('axisUtc'), lst: s.t('axisLst') };

    const altitudeAxis = (values: readonly number[]) => values.map((value) => ({ value, label: f.degrees(value) }));
    const airmassAxis = AIRMASS_TICKS.map((v) => ({ value: altitudeForAirmass(v), label: f.airmassTick(v) }));
    const yTicks = yMode === 'altitude' ? altitudeAxis(altitudeTicks(bottom - top)) : airmassAxis;
    const secondaryTicks = yMode === 'altitude' ? airmassAxis : altitudeAxis(ALTITUDE_TICKS_IN_AIRMASS_MODE);

    const moonPercent = f.percentage(curves.moon.illumination);
    const best = this.nightSlice?.bestWindow;
    const bestWindow =
      best && best.to.getTime() > fromMs && best.from.getTime() < toMs ? { from: best.from.getTime(), to: best.to.getTime(), label: s.t('bestWindow') } : null;
    const nowMs = now.getTime();

    const series: PlotSeries[] = view.drawn.map((d, curveIndex) => {
      const track = view.tracks.get(d.key) ?? null;
      return {
        key: d.key,
        label: d.label,
        colour: d.colour,
        dash: d.dash,
        customColour: d.customColour,
        curveIndex,
        events: track?.events ?? [],
        windows: track?.windows ?? [],
        best: track?.best ?? null,
        temporary: d.temporary,
        describeEvent: (e: TargetEvent) =>
          s.t(e.kind, { name: d.label, time: f.time(e.time.getTime()), alt: f.degrees(e.altitude ?? 0) }),
        describeWindow: (w: Interval) => s.t('windowTitle', { name: d.label, from: f.time(w.from.getTime()), to: f.time(w.to.getTime()) }),
      };
    });

    const readout = view.readout;
    return {
      ...layout,
      rowNames: layout.rows.map((r) => rowName[r]),
      x,
      y,
      fromMs,
      toMs,
      bands: frame.summary.bands,
      bandNames: { day: s.t('bandDay'), civil: s.t('bandCivil'), nautical: s.t('bandNautical'), astronomical: s.t('bandAstronomical'), night: s.t('bandNight') },
      ticks,
      yTicks,
      secondaryTicks,
      yTitle: yMode === 'altitude' ? s.t('altitudeAxis') : s.t('airmassAxis'),
      secondaryTitle: yMode === 'altitude' ? s.t('airmassAxis') : s.t('altitudeAxis'),
      minAltitude,
      minAltitudeLabel: s.t('limit', { value: f.degrees(minAltitude) }),
      curves,
      series,
      highlight: this.highlightKey,
      showRiseSet: yMode === 'altitude',
      curveLabels: view.size !== 'narrow' && series.length <= 6,
      moonLabel: s.t('moon', { percent: moonPercent }),
      now: nowMs >= fromMs && nowMs <= toMs ? { at: nowMs, label: s.t('now') } : null,
      bestWindow,
      cursor: readout ? { readout, label: f.time(readout.time.getTime()) } : null,
      title: s.t('title', { site: view.siteName, date: f.nightDate(frame.date) }),
      description: this.describeNight(view, minAltitude),
      uid: this.uid,
      exportLegend: {
        title: s.t('title', { site: view.siteName, date: f.nightDate(frame.date) }),
        subtitle: view.zoneText,
        items: view.drawn.map((d) => ({ label: d.label, colour: d.colour, dash: d.dash, customColour: d.customColour, temporary: d.temporary })),
        moonLabel: s.t('moon', { percent: moonPercent }),
      },
    };
  }

  /** Legend entries: every target as given (resolved, pending or failed), plus the shared selection when it is not one of them. */
  private legendEntries(): LegendEntry[] {
    const entries: LegendEntry[] = this.targetsCtl.entries.map((e, index) => ({
      key: e.key,
      label: e.label,
      status: e.status,
      error: e.error ? e.error.message : null,
      target: e.status === 'ok' ? e.target : null,
      ...seriesStyle(index),
      customColour: safeColour(e.color),
      temporary: false,
    }));
    const selection = this.selectionSlice?.selection ?? null;
    if (selection !== this.lastSelection) {
      this.lastSelection = selection;
      const match = selection?.target ? entries.find((e) => e.target && sameTarget(e.target, e.label, selection.target!)) : undefined;
      this.highlightKey = selection?.target ? (match?.key ?? 'selection') : null;
    }
    const selected = selection?.target;
    if (selected && !entries.some((e) => e.target && sameTarget(e.target, e.label, selected)) && Number.isFinite(selected.ra) && Number.isFinite(selected.dec)) {
      entries.push({
        key: 'selection',
        label: selected.name || `${selected.ra.toFixed(2)} ${selected.dec.toFixed(2)}`,
        status: 'ok',
        error: null,
        target: { name: selected.name, ra: selected.ra, dec: selected.dec },
        ...seriesStyle(entries.length),
        customColour: null,
        temporary: true,
      });
    }
    return entries;
  }

  private addTargetMessages(legend: LegendEntry[], messages: Message[]) {
    for (const e of legend) {
      if (e.status === 'error' && e.error) {
        // The controller has fired arc-error for it already.
        messages.push({ key: `target:${e.key}`, kind: 'error', text: this.strings.t('targetError', { target: e.label, message: e.error }) });
      }
    }
  }

  private describeNight(view: View, minAltitude: number): string {
    const s = this.strings;
    const f = view.formats!;
    const sm = view.frame!.summary;
    const t = (d: Date | null) => (d ? f.time(d.getTime()) : s.t('none'));
    const parts: string[] = [];
    if (sm.polar === 'polar-night') parts.push(s.t('polarNight'));
    else if (sm.polar === 'midnight-sun') parts.push(s.t('midnightSun'));
    else parts.push(s.t('descNight', { sunset: t(sm.sunset), sunrise: t(sm.sunrise) }));
    if (sm.darkIntervals.length) {
      const first = sm.darkIntervals[0];
      const last = sm.darkIntervals[sm.darkIntervals.length - 1];
      parts.push(s.t('descDark', { from: t(first.from), to: t(last.to), hours: f.hours(sm.darkHours) }));
    } else if (!sm.polar) parts.push(s.t('noDarkness'));
    parts.push(s.t('descMoon', { percent: f.percentage(view.curves?.moon.illumination ?? sm.moon.illumination) }));
    for (const d of view.drawn) {
      const track = view.tracks.get(d.key);
      if (!track) continue;
      parts.push(s.t('descTarget', { name: d.label, status: this.windowText(track, f, minAltitude), best: this.bestText(track, f) }));
    }
    return parts.join(' ');
  }

  private windowText(track: TargetTrack, f: SiteFormats, minAltitude: number): string {
    const s = this.strings;
    if (!track.windows.length) return s.t('notObservable', { min: f.degrees(minAltitude) });
    const windows = track.windows.map((w) => s.t('windowRange', { from: f.time(w.from.getTime()), to: f.time(w.to.getTime()) })).join(', ');
    return s.t('observable', { windows });
  }

  private bestText(track: TargetTrack, f: SiteFormats): string {
    return this.strings.t('bestAt', { alt: f.degrees(track.best.altitude), time: f.time(track.best.time.getTime()) });
  }

  // ————————————————————————————————————————————— interaction

  private selectEntry(entry: LegendEntry) {
    if (this.highlightKey === entry.key) {
      this.highlightKey = null;
      return;
    }
    this.highlightKey = entry.key;
    if (!entry.target || entry.temporary) return;
    const target: SelectedTarget = { name: entry.target.name || entry.label, ra: entry.target.ra, dec: entry.target.dec };
    this.dispatchEvent(new ArcSelectEvent({ target, source: 'arc-visibility-chart' }));
  }

  private defaultCursor(): number | null {
    const frame = this.view.frame;
    if (!frame) return null;
    const now = this.clock.now().getTime();
    if (now >= frame.from.getTime() && now <= frame.to.getTime()) return Math.round(now / MINUTE) * MINUTE;
    const dark = frame.summary.darkIntervals[0];
    const mid = dark ? (dark.from.getTime() + dark.to.getTime()) / 2 : (frame.from.getTime() + frame.to.getTime()) / 2;
    return Math.round(mid / MINUTE) * MINUTE;
  }

  private clampCursor(ms: number): number {
    const frame = this.view.frame!;
    return Math.min(Math.max(ms, frame.from.getTime()), frame.to.getTime());
  }

  private onCursorKey = (e: KeyboardEvent) => {
    if (!this.view.frame) return;
    const frame = this.view.frame;
    const current = this.cursorMs ?? this.defaultCursor()!;
    const stepMs = e.shiftKey ? HOUR : 5 * MINUTE;
    let next: number | null;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = current + stepMs;
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = current - stepMs;
        break;
      case 'PageUp':
        next = current + HOUR;
        break;
      case 'PageDown':
        next = current - HOUR;
        break;
      case 'Home':
        next = frame.from.getTime();
        break;
      case 'End':
        next = frame.to.getTime();
        break;
      case 'Escape':
        this.cursorMs = null;
        return;
      default:
        return;
    }
    e.preventDefault();
    this.cursorMs = this.clampCursor(next);
  };

  private onCursorFocus = () => {
    if (this.cursorMs === null) this.cursorMs = this.defaultCursor();
  };

  private onCursorBlur = () => {
    if (!this.pointerInside) this.cursorMs = null;
  };

  private onPointerMove = (e: PointerEvent) => {
    const plot = this.view.plot;
    if (!plot) return;
    this.pointerInside = true;
    const svgEl = this.renderRoot.querySelector('svg[part="chart"]');
    const rect = svgEl?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    const px = ((e.clientX - rect.left) * plot.width) / rect.width;
    this.cursorMs = this.clampCursor(Math.round(plot.x.invert(px) / MINUTE) * MINUTE);
  };

  private onPointerLeave = () => {
    this.pointerInside = false;
    if (this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement?.getAttribute('part') === 'cursor') return;
    this.cursorMs = null;
  };

  private async exportAs(kind: 'png' | 'svg' | 'csv') {
    const name = `visibility-${this.view.frame?.date ?? 'chart'}.${kind}`;
    try {
      this.exportError = null;
      const blob =
        kind === 'png'
          ? await this.toPNG()
          : new Blob([kind === 'svg' ? this.toSVG() : this.toCSV()], { type: kind === 'svg' ? 'image/svg+xml' : 'text/csv' });
      saveBlob(this.renderRoot as ShadowRoot, blob, name);
    } catch (err) {
      const message = this.strings.t('exportFailed', { message: (err as Error)?.message ?? String(err) });
      this.exportError = message;
      this.reportError(new ArcApiError('invalid-input', message, { cause: err }));
    }
  }

  // ————————————————————————————————————————————— rendering

  protected override render(): TemplateResult {
    const v = this.view;
    const s = this.strings;
    const subtitle = [v.frame && v.formats ? s.t('night', { date: v.formats.nightDate(v.frame.date) }) : '', v.zoneText].filter(Boolean).join(' · ');
    const canExport = !!v.plot;
    return html`<div part="base" class="base ${v.size}">
      <div part="header" class="header">
        <div class="titles">
          ${v.siteName ? html`<p part="title" class="title">${v.siteName}</p>` : nothing}
          ${subtitle ? html`<p part="subtitle" class="subtitle">${subtitle}</p>` : nothing}
        </div>
        <div part="toolbar" class="toolbar" role="toolbar" aria-label=${s.t('toolbar')}>
          ${(['png', 'svg', 'csv'] as const).map(
            (k) => html`<button type="button" class="tool" ?disabled=${!canExport} aria-label=${s.t(k === 'png' ? 'exportPngLabel' : k === 'svg' ? 'exportSvgLabel' : 'exportCsvLabel')}
              title=${s.t(k === 'png' ? 'exportPngLabel' : k === 'svg' ? 'exportSvgLabel' : 'exportCsvLabel')} @click=${() => this.exportAs(k)}>
              <svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"></path></svg>${s.t(k === 'png' ? 'exportPng' : k === 'svg' ? 'exportSvg' : 'exportCsv')}
            </button>`,
          )}
        </div>
      </div>
      ${this.renderMessages(v)}
      <div class="layout">
        <div class="plot-box" part="plot">${v.plot ? this.renderChart(v) : nothing}</div>
        ${v.legend.length ? this.renderSide(v) : nothing}
      </div>
      ${v.plot ? this.renderTable(v) : nothing}
      <div class="caption"><slot name="caption"></slot></div>
    </div>`;
  }

  private renderMessages(v: View) {
    const all = this.exportError ? [...v.messages, { key: 'export', kind: 'error' as const, text: this.exportError }] : v.messages;
    if (!all.length) return nothing;
    return html`<div class="messages">
      ${all.map(
        (m) => html`<div part="message" class="arc-message" data-kind=${m.kind} role=${m.kind === 'info' ? 'status' : 'alert'}>
          <span>${m.text}</span>
          ${m.retry ? html`<button type="button" @click=${m.retry}>${this.commonStrings.t('retry')}</button>` : nothing}
        </div>`,
      )}
    </div>`;
  }

  private renderChart(v: View) {
    const plot = v.plot!;
    const frame = v.frame!;
    const r = v.readout;
    const f = v.formats!;
    const from = frame.from.getTime();
    const valueNow = r ? Math.round((r.time.getTime() - from) / MINUTE) : 0;
    const valueText = r ? this.readoutSentence(v, r) : this.strings.t('cursorHint');
    const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(3)}%`;
    return html`<div class="svg-wrap">
      ${renderPlot(plot)}
      <div
        part="cursor"
        class="cursor-target"
        role="slider"
        tabindex="0"
        aria-label=${this.strings.t('cursor')}
        aria-valuemin="0"
        aria-valuemax=${Math.round((frame.to.getTime() - from) / MINUTE)}
        aria-valuenow=${valueNow}
        aria-valuetext=${valueText}
        style="left:${pct(plot.left, plot.width)};top:${pct(plot.top, plot.height)};width:${pct(plot.right - plot.left, plot.width)};height:${pct(plot.bottom - plot.top, plot.height)}"
        @keydown=${this.onCursorKey}
        @focus=${this.onCursorFocus}
        @blur=${this.onCursorBlur}
        @pointermove=${this.onPointerMove}
        @pointerdown=${this.onPointerMove}
        @pointerleave=${this.onPointerLeave}
      ></div></div>
      ${r ? nothing : html`<p class="hint" aria-hidden="true">${this.strings.t('cursorHint')}</p>`}
      ${r ? html`<p part="readout" class="readout">${this.readoutTime(r, f)}</p>` : nothing}`;
  }

  private readoutTime(r: Readout, f: SiteFormats): string {
    const ms = r.time.getTime();
    return this.strings.t('readoutTime', { local: f.time(ms), utc: f.utcTime(ms), lst: formatHours(r.lst) });
  }

  private readoutSentence(v: View, r: Readout): string {
    const f = v.formats!;
    const parts = [this.readoutTime(r, f)];
    for (const d of v.drawn) {
      const t = r.targets.find((x) => x.key === d.key);
      if (t) parts.push(this.strings.t('readoutShort', { name: d.label, alt: f.degrees(t.altitude) }));
    }
    parts.push(this.strings.t('readoutShort', { name: this.strings.t('moonName'), alt: f.degrees(r.moon.altitude) }));
    return parts.join('; ');
  }

  private renderSide(v: View) {
    const s = this.strings;
    const f = v.formats;
    const minAltitude = v.plot?.minAltitude ?? DEFAULT_MIN_ALTITUDE;
    return html`<ul part="legend" class="legend" aria-label=${s.t('legend')}>
      ${v.legend.map((e) => {
        const track = v.tracks.get(e.key);
        const reading = v.readout?.targets.find((t) => t.key === e.key);
        let detail: string | TemplateResult = '';
        if (e.status === 'pending') detail = s.t('resolving');
        else if (e.status === 'error') detail = html`<span class="error-text">${e.error}</span>`;
        else if (reading && f) {
          detail = s.t('readoutValues', {
            alt: f.degrees(reading.altitude),
            az: f.degrees(reading.azimuth),
            airmass: reading.altitude > 0 && Number.isFinite(reading.airmass) ? f.airmass(reading.airmass) : s.t('none'),
            moon: f.degrees(reading.moonSeparation),
          });
        } else if (track && f) detail = this.windowText(track, f, minAltitude);
        const pressed = this.highlightKey === e.key;
        const swatch = html`<svg class="swatch" viewBox="0 0 28 10" aria-hidden="true">
          <line class="curve s${e.colour} d${e.dash} ${e.temporary ? 'temporary' : ''}" style=${e.customColour ? `--_c:${e.customColour}` : ''} x1="1" x2="27" y1="5" y2="5"></line>
        </svg>`;
        return html`<li class="entry ${e.status}">
          ${e.status === 'ok'
            ? html`<button type="button" part="legend-item" class="legend-item" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.selectEntry(e)}>
                ${swatch}<span class="name">${e.label}${e.temporary ? html` <span class="tag">${s.t('selected')}</span>` : nothing}</span>
                <span class="detail">${detail}</span>
              </button>`
            : html`<div part="legend-item" class="legend-item static">
                <svg class="swatch" viewBox="0 0 28 10" aria-hidden="true"><line class="curve muted" x1="1" x2="27" y1="5" y2="5"></line></svg>
                <span class="name">${e.label}</span><span class="detail">${detail}</span>
              </div>`}
        </li>`;
      })}
    </ul>`;
  }

  private renderTable(v: View) {
    const s = this.strings;
    return html`<details part="table" class="details" @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${s.t('tableSummary')}</summary>
      ${this.tableOpen ? this.renderTableBody(v) : nothing}
    </details>`;
  }

  private renderTableBody(v: View) {
    const s = this.strings;
    const f = v.formats!;
    const sm = v.frame!.summary;
    const min = f.degrees(v.plot!.minAltitude);
    const time = (d: Date | null | undefined) => (d ? f.time(d.getTime()) : s.t('none'));
    const list = (events: TargetEvent[], kind: TargetEvent['kind']) => {
      const found = events.filter((e) => e.kind === kind);
      if (!found.length) return s.t('none');
      return found
        .map((e) => (kind === 'transit' ? s.t('transitAt', { time: time(e.time), alt: f.degrees(e.altitude ?? 0) }) : time(e.time)))
        .join(', ');
    };
    const sunMoon: [string, Date | null][] = [
      [s.t('sunset'), sm.sunset],
      [s.t('civilDusk'), sm.civilDusk],
      [s.t('nauticalDusk'), sm.nauticalDusk],
      [s.t('astronomicalDusk'), sm.astronomicalDusk],
      [s.t('astronomicalDawn'), sm.astronomicalDawn],
      [s.t('nauticalDawn'), sm.nauticalDawn],
      [s.t('civilDawn'), sm.civilDawn],
      [s.t('sunrise'), sm.sunrise],
      [s.t('moonrise'), sm.moonrise],
      [s.t('moonset'), sm.moonset],
    ];
    // In the order they happen (a moonrise can come before or after the Sun's events); missing ones last.
    sunMoon.sort((a, b) => (a[1]?.getTime() ?? Infinity) - (b[1]?.getTime() ?? Infinity));
    return html`<div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${s.t('colTarget')}</th>
              <th scope="col">${s.t('colRise')}</th>
              <th scope="col">${s.t('colTransit')}</th>
              <th scope="col">${s.t('colSet')}</th>
              <th scope="col">${s.t('colWindow', { min })}</th>
              <th scope="col">${s.t('colBest')}</th>
            </tr>
          </thead>
          <tbody>
            ${v.legend.map((e) => {
              const track = v.tracks.get(e.key);
              if (!track) {
                const status = e.status === 'pending' ? s.t('resolving') : (e.error ?? s.t('none'));
                return html`<tr><th scope="row">${e.label}</th><td colspan="5">${status}</td></tr>`;
              }
              const windows = track.windows.length
                ? `${track.windows.map((w) => s.t('windowRange', { from: time(w.from), to: time(w.to) })).join(', ')} (${s.t('hours', { n: f.hours(track.windowHours) })})`
                : s.t('none');
              return html`<tr>
                <th scope="row">${e.label}</th>
                <td>${list(track.events, 'rise')}</td>
                <td>${list(track.events, 'transit')}</td>
                <td>${list(track.events, 'set')}</td>
                <td>${windows}</td>
                <td>${this.bestText(track, f)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p class="table-title">${s.t('sunMoon')}</p>
      <dl class="events">
        ${sunMoon.map(([name, at]) => html`<div><dt>${name}</dt><dd>${time(at)}</dd></div>`)}
        <div><dt>${s.t('moonIllumination')}</dt><dd>${f.percentage(v.curves?.moon.illumination ?? sm.moon.illumination)}</dd></div>
      </dl>`;
  }
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** The shared selection is "this target" when the names match (ignoring case, spaces, accents) or the positions agree within 36″. */
function sameTarget(target: ResolvedTarget, label: string, selected: SelectedTarget): boolean {
  const name = selected.name ? fold(selected.name) : '';
  if (name && (fold(target.name) === name || fold(label) === name)) return true;
  if (!Number.isFinite(selected.ra) || !Number.isFinite(selected.dec)) return false;
  const dRa = Math.abs(((target.ra - selected.ra + 540) % 360) - 180) * Math.cos((target.dec * Math.PI) / 180);
  return Math.abs(target.dec - selected.dec) < 0.01 && dRa < 0.01;
}

function describeError(
  error: unknown,
  date: string | null,
  common: LocalizeController<typeof commonStrings>,
  strings: LocalizeController<typeof chartStrings>,
): string {
  const message = (error as Error)?.message ?? String(error);
  if (date && /date/i.test(message)) return common.t('invalidDate', { value: date });
  return strings.t('computeFailed', { message });
}

declare global {
  interface HTMLElementTagNameMap {
    'arc-visibility-chart': ArcVisibilityChart;
  }
}
