/**
 * The chart's interactive part, a chunk loaded right after the first paint: each target's rise/transit/set marks,
 * observable-window lanes and curve label (searched on the next frame: they cost more than the curves), the
 * crosshair (pointer and keyboard) with its exact readout, highlighting and selecting from the legend, the shared
 * selection and the night card's best window (through a provider), the table of events and windows, the toolbar
 * and the exports. The element hands it each view it computes (`sync`) and asks it for these pieces while rendering.
 */
import { adoptStyles, html, nothing, svg, type LitElement, type ReactiveController } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ArcApiError } from '../../api/errors.js';
import { altitudeCurves, type Target, type TargetEvent } from '../../astro/index.js';
import { nightContext, selectionContext, type Selection } from '../../context/keys.js';
import type { ResolvedTarget } from '../../controllers/targets.js';
import { ArcLoadEvent, ArcSelectEvent, type SelectedTarget } from '../../events.js';
import type { ArcElement } from '../arc-element.js';
import { curvesToCsv, saveBlob, standaloneSvg, svgToPng } from './exporters.js';
import { formatHours } from './format.js';
import { styles } from './interaction.styles.js';
import { paletteSlot } from './palette.js';
import { chartTitle, dimmed, moonLabel, r1, seriesClass, seriesStyle, type ChartStrings } from './plot.js';
import { LocalizeController } from '../../controllers/localize.js';
import { chartDetails } from '../../i18n/en.js';
import type { chart } from '../../i18n/en.js';
import { readoutAt, targetTrack, type Readout, type TargetTrack } from './track.js';
import type { LegendEntry, View } from './types.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '');

/** The shared selection is "this target" when the names match (ignoring case, spaces, accents) or the positions agree within 36″. */
function sameTarget(target: ResolvedTarget, label: string, selected: SelectedTarget): boolean {
  const name = selected.name ? fold(selected.name) : '';
  if (name && (fold(target.name) === name || fold(label) === name)) return true;
  const dRa = Math.abs(((target.ra - selected.ra + 540) % 360) - 180) * Math.cos((target.dec * Math.PI) / 180);
  return Math.abs(target.dec - selected.dec) < 0.01 && dRa < 0.01;
}

/** Rough text width for laying out the exported legend (no measuring in a hidden layer). */
const approxTextWidth = (text: string, size: number) => text.length * size * 0.58;

export class ChartInteraction implements ReactiveController {
  /** Key of the highlighted target (legend click or shared selection). */
  highlight: string | null = null;
  /** Width of the plot box as laid out (the legend may sit beside it), which the SVG takes; 0 until measured. */
  plotWidth = 0;
  private plotObserver: ResizeObserver | null = null;
  private plotFrame = 0;
  private view!: View;
  /** The table is built only while its <details> is open. */
  private tableOpen = false;
  private lastSelection: Selection | null = null;
  private readonly selection: ContextConsumer<typeof selectionContext, ArcElement>;
  private readonly night: ContextConsumer<typeof nightContext, ArcElement>;
  /** Crosshair time (ms), or null when hidden. */
  private cursorMs: number | null = null;
  private readout: Readout | null = null;
  private readoutKey = '';
  private pointerInside = false;
  /** Events and windows by legend key, with the inputs they were computed for. */
  private tracks = new Map<string, { key: string; track: TargetTrack | null }>();
  /** Targets of the last view whose events and windows are still to be computed. */
  private missing: { entryKey: string; key: string; target: Target }[] = [];
  private frame = 0;
  private exportError: string | null = null;
  /** Height of the exported file: the chart and, below it, the title and legend laid out by `over()`. */
  private exportHeight = 0;
  private styled = false;
  /** The night and targets `arc-load` was last fired for, and the detail of the one to fire after this update. */
  private loadedKey = '';
  private load: Record<string, unknown> | null = null;

  /** The chart's strings: the first paint's (the element's) and this part's own, which load with it. */
  private readonly s: { t(key: keyof typeof chart | keyof typeof chartDetails, vars?: Record<string, unknown>): string };

  constructor(
    private readonly host: ArcElement,
    core: ChartStrings,
  ) {
    host.addController(this);
    const details = new LocalizeController(host, 'chartDetails', chartDetails);
    this.s = { t: (key, vars) => (key in chartDetails ? details.t(key as keyof typeof chartDetails, vars) : core.t(key as keyof typeof chart, vars)) };
    // Inside a provider: the shared selection and the night card's best window (each re-renders the chart).
    this.selection = new ContextConsumer(host, { context: selectionContext, subscribe: true });
    this.night = new ContextConsumer(host, { context: nightContext, subscribe: true });
  }

  /** Follow the shared selection: highlight it, and add its target to the legend when it is not one of the chart's. */
  follow(legend: LegendEntry[]): void {
    const selection = this.selection.value?.selection ?? null;
    const selected = selection?.target;
    const match = selected && legend.find((e) => e.target && sameTarget(e.target, e.label, selected));
    if (selection !== this.lastSelection) {
      this.lastSelection = selection;
      this.highlight = selected ? (match?.key ?? 'selection') : null;
    }
    if (selected && !match && Number.isFinite(selected.ra) && Number.isFinite(selected.dec)) {
      legend.push({
        key: 'selection',
        label: selected.name || `${selected.ra.toFixed(2)} ${selected.dec.toFixed(2)}`,
        status: 'ok',
        error: null,
        target: { name: selected.name, ra: selected.ra, dec: selected.dec },
        ...paletteSlot(legend.length),
        customColour: null,
        temporary: true,
      });
    }
  }

  /** A legend entry was clicked: highlight it (again: clear) and, for one of the chart's own targets, fire `arc-select`. */
  select(entry: LegendEntry): void {
    this.highlight = this.highlight === entry.key ? null : entry.key;
    this.host.requestUpdate();
    if (this.highlight && !entry.temporary) {
      const { name, ra, dec } = entry.target!;
      this.host.dispatchEvent(new ArcSelectEvent({ target: { name: name || entry.label, ra, dec }, source: 'arc-visibility-chart' }));
    }
  }

  hostUpdated(): void {
    const host = this.host;
    this.observePlot();
    // This part's styles join the chart's with its first render.
    if (!this.styled && host.shadowRoot) {
      adoptStyles(host.shadowRoot, [...(host.constructor as typeof LitElement).elementStyles, styles]);
      this.styled = true;
    }
    if (this.load) {
      host.dispatchEvent(new ArcLoadEvent(this.load));
      this.load = null;
    }
    if (this.missing.length && !this.frame) this.frame = requestAnimationFrame(() => this.computeTracks());
  }

  hostDisconnected(): void {
    this.plotObserver?.disconnect();
    this.plotObserver = null;
    cancelAnimationFrame(this.plotFrame);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Watch the plot box (the first one rendered, and again after the chart is moved in the page). */
  private observePlot() {
    const box = this.host.renderRoot.querySelector('.plot-box');
    if (this.plotObserver || !box || typeof ResizeObserver === 'undefined') return;
    this.plotObserver = new ResizeObserver((entries) => {
      const width = Math.round(entries[entries.length - 1].contentRect.width);
      // Resize on the next frame: re-rendering inside the observer's delivery would change the host's height
      // in the same frame (a "ResizeObserver loop").
      cancelAnimationFrame(this.plotFrame);
      this.plotFrame = requestAnimationFrame(() => {
        if (width > 0 && width !== this.plotWidth) {
          this.plotWidth = width;
          this.host.requestUpdate();
        }
      });
    });
    this.plotObserver.observe(box);
  }

  /**
   * Takes each view the chart computes. Once the curves are drawn and every target settled with its events and
   * windows known, the chart is complete for that night and set of targets: `arc-load` follows the render.
   */
  sync(view: View): void {
    this.view = view;
    const { frame, drawn, frameKey } = view;
    this.missing = [];
    if (!view.curves) {
      this.readout = null;
      this.readoutKey = '';
      return;
    }
    if (this.exportError) view.messages.push({ key: 'export', kind: 'error', text: this.exportError });
    const tracks = new Map<string, { key: string; track: TargetTrack | null }>();
    for (const d of drawn) {
      const key = JSON.stringify([frameKey, view.minAltitude, d.target]);
      const cached = this.tracks.get(d.key);
      if (cached?.key === key) tracks.set(d.key, cached);
      else this.missing.push({ entryKey: d.key, key, target: d.target! });
    }
    this.tracks = tracks;

    const cursor = this.cursorMs !== null && this.cursorMs >= frame!.from.getTime() && this.cursorMs <= frame!.to.getTime() ? this.cursorMs : null;
    const readoutKey = JSON.stringify([cursor, frameKey, drawn.map((d) => [d.key, d.target])]);
    if (readoutKey !== this.readoutKey) {
      this.readoutKey = readoutKey;
      try {
        this.readout = cursor === null ? null : readoutAt(new Date(cursor), view.site!, drawn.map((d) => ({ key: d.key, target: d.target! })));
      } catch {
        this.readout = null;
      }
    }
    const loadKey = JSON.stringify([frameKey, view.minAltitude, drawn.map((d) => d.key)]);
    if (!this.missing.length && !view.resolving && loadKey !== this.loadedKey) {
      this.loadedKey = loadKey;
      this.load = { date: frame!.date, targets: drawn.length };
    }
  }

  private computeTracks() {
    this.frame = 0;
    const { site, frame, minAltitude } = this.view;
    if (!this.host.isConnected) return;
    for (const { entryKey, key, target } of this.missing) {
      let track: TargetTrack | null = null;
      try {
        track = targetTrack(key, target, site!, frame!, minAltitude);
      } catch {
        // A target the astronomy rejects keeps its curve; it just has no marks or window.
      }
      this.tracks.set(entryKey, { key, track });
    }
    this.missing = [];
    this.host.requestUpdate();
  }

  private track(key: string): TargetTrack | null {
    return this.tracks.get(key)?.track ?? null;
  }

  // ————————————————————————————————————————————— text

  private time(d: Date | null | undefined): string {
    return d ? this.view.formats!.time(d.getTime()) : this.s.t('none');
  }

  private windowsText(track: TargetTrack): string {
    return track.windows.map((w) => this.s.t('windowRange', { from: this.time(w.from), to: this.time(w.to) })).join(', ');
  }

  private windowText(track: TargetTrack): string {
    const f = this.view.formats!;
    return track.windows.length ? this.s.t('observable', { windows: this.windowsText(track) }) : this.s.t('notObservable', { min: f.degrees(this.view.minAltitude) });
  }

  private bestText(track: TargetTrack): string {
    return this.s.t('bestAt', { alt: this.view.formats!.degrees(track.best.altitude), time: this.time(track.best.time) });
  }

  private readoutTime(r: Readout): string {
    const f = this.view.formats!;
    const ms = r.time.getTime();
    return this.s.t('readoutTime', { local: f.time(ms), utc: f.utcTime(ms), lst: formatHours(r.lst) });
  }

  /** The legend's second line for a drawn target: its readout under the crosshair, else its observable windows. */
  legendDetail(entry: LegendEntry): string {
    if (!this.view.curves) return '';
    const f = this.view.formats!;
    const reading = this.readout?.targets.find((t) => t.key === entry.key);
    const track = this.track(entry.key);
    if (reading) {
      return this.s.t('readoutValues', {
        alt: f.degrees(reading.altitude),
        az: f.degrees(reading.azimuth),
        airmass: reading.altitude > 0 && Number.isFinite(reading.airmass) ? f.number(reading.airmass, 2, 2) : this.s.t('none'),
        moon: f.degrees(reading.moonSeparation),
      });
    }
    return track ? this.windowText(track) : '';
  }

  /** One sentence per target for the chart's description. */
  describeTargets(): string[] {
    return this.view.drawn.flatMap((d) => {
      const track = this.track(d.key);
      return track ? [this.s.t('descTarget', { name: d.label, status: this.windowText(track), best: this.bestText(track) })] : [];
    });
  }

  // ————————————————————————————————————————————— SVG

  /** Drawn behind the curves: the night card's best window, when a provider shares one for this night. */
  back() {
    const m = this.view.plot!;
    const best = this.night.value?.bestWindow;
    const clampX = (ms: number) => r1(m.x(Math.min(Math.max(ms, m.fromMs), m.toMs)));
    const x0 = best ? clampX(best.from.getTime()) : 0;
    const x1 = best ? clampX(best.to.getTime()) : 0;
    const label = this.s.t('bestWindow');
    return x1 - x0 < 1
      ? nothing
      : svg`<g class="best-window"><title>${label}</title>
          <rect class="best-fill" x=${x0} y=${m.top} width=${r1(x1 - x0)} height=${m.bottom - m.top}></rect>
          <path class="best-bracket" d="M${x0} ${m.top - 2}V${m.top - 9}H${x1}V${m.top - 2}"></path>
          <text class="best-label" x=${r1((x0 + x1) / 2)} y=${m.top - 12} text-anchor="middle">${label}</text></g>`;
  }

  /** Drawn under the axes: rise/transit/set marks, curve labels at each target's best point, observable-window lanes. */
  under() {
    const m = this.view.plot!;
    const { x, y, left, right, top, bottom } = m;
    const s = this.s;
    const f = this.view.formats!;
    const clampX = (ms: number) => x(Math.min(Math.max(ms, m.fromMs), m.toMs));
    // Names on the curves where there is room for them; the legend has them anyway.
    const curveLabels = this.view.size !== 'narrow' && m.series.length <= 6;
    // As layers: every target's marks, then the curve labels over them, then the lanes below the plot.
    const layers = m.series.map((series, i) => {
      const track = this.track(series.key);
      const cls = `${seriesClass(series)} ${dimmed(m, series.key)}`;
      const style = seriesStyle(series);
      const laneY = m.laneTop + i * (m.laneHeight + m.laneGap);
      const describe = (e: TargetEvent) => s.t(e.kind, { name: series.label, time: this.time(e.time), alt: f.degrees(e.altitude ?? 0) });
      const marks = (track?.events ?? [])
        .filter((e) => (e.kind === 'transit' ? (e.altitude ?? -1) > 0 : m.yMode === 'altitude'))
        .map((e) => {
          const px = r1(x(e.time.getTime()));
          return e.kind === 'transit'
            ? svg`<circle class="mark transit" cx=${px} cy=${r1(y(e.altitude!))} r="3.5"><title>${describe(e)}</title></circle>`
            : svg`<path class="mark ${e.kind}" d=${e.kind === 'rise' ? `M${px - 4} ${bottom}l4 -7l4 7z` : `M${px - 4} ${bottom - 7}l4 7l4 -7z`}><title>${describe(e)}</title></path>`;
        });
      const best = track?.best;
      return [
        svg`<g class="marks ${cls}" style=${style}>${marks}</g>`,
        curveLabels && best && best.altitude >= 8
          ? svg`<text class="curve-label ${cls}" style=${style} x=${r1(Math.min(Math.max(x(best.time.getTime()), left + 24), right - 24))}
              y=${r1(Math.max(y(best.altitude) - 6, top + 16))} text-anchor="middle">${series.label}</text>`
          : nothing,
        svg`<g class="lane ${cls}" style=${style}>
          <rect class="lane-track" x=${left} y=${laneY} width=${right - left} height=${m.laneHeight}></rect>
          ${(track?.windows ?? []).map((w) => {
            const x0 = clampX(w.from.getTime());
            return svg`<rect class="lane-window" x=${r1(x0)} y=${laneY} width=${r1(Math.max(clampX(w.to.getTime()) - x0, 1))} height=${m.laneHeight} rx="2">
              <title>${s.t('windowTitle', { name: series.label, from: this.time(w.from), to: this.time(w.to) })}</title></rect>`;
          })}
        </g>`,
      ];
    });
    return [0, 1, 2].map((layer) => layers.map((parts) => parts[layer]));
  }

  /** Drawn on top: the crosshair, and the title and legend that only the exported file shows. */
  over() {
    const m = this.view.plot!;
    const { x, y, left, right, top } = m;
    const r = this.readout;
    let cursor: unknown = nothing;
    if (r) {
      const px = r1(x(r.time.getTime()));
      const anchor = px > right - 60 ? 'end' : px < left + 60 ? 'start' : 'middle';
      cursor = svg`<g class="cursor" data-export="skip">
        <line x1=${px} x2=${px} y1=${top} y2=${m.laneTop + m.series.length * (m.laneHeight + m.laneGap)}></line>
        ${r.moon.altitude > -5 ? svg`<circle class="moon-dot" cx=${px} cy=${r1(y(r.moon.altitude))} r="3"></circle>` : nothing}
        ${m.series.map((s) => {
          const alt = r.targets.find((t) => t.key === s.key)?.altitude ?? -90;
          return alt > -5 ? svg`<circle class="dot ${seriesClass(s)}" style=${seriesStyle(s)} cx=${px} cy=${r1(y(alt))} r="3.5"></circle>` : nothing;
        })}
        <text class="cursor-label" x=${px} y=${top + 18} text-anchor=${anchor} dx=${anchor === 'start' ? 4 : anchor === 'end' ? -4 : 0}
          >${this.view.formats!.time(r.time.getTime())}</text
        >
      </g>`;
    }
    // Legend items flow in rows under the chart.
    let legendY = m.height + 36;
    let itemX = left;
    const items = [...m.series, { label: moonLabel(this.view, this.s), moon: true }].map((item) => {
      const width = 48 + approxTextWidth(item.label, 11);
      if (itemX + width > m.width - 8 && itemX > left) {
        itemX = left;
        legendY += 18;
      }
      const at = itemX;
      itemX += width;
      return svg`<g><line class=${'moon' in item ? 'moon' : `curve ${seriesClass(item)} ${item.temporary ? 'temporary' : ''}`}
          style=${'moon' in item ? '' : seriesStyle(item)} x1=${at} x2=${at + 24} y1=${legendY - 4} y2=${legendY - 4}></line>
        <text class="legend-text" x=${at + 30} y=${legendY}>${item.label}</text></g>`;
    });
    this.exportHeight = legendY + 12;
    return svg`${cursor}<g class="export-only" data-export="only">
      <text class="export-title" x=${left} y=${m.height + 4}>${chartTitle(this.view, this.s)}</text>
      <text class="export-subtitle" x=${left} y=${m.height + 18}>${this.view.zoneText}</text>
      ${items}
    </g>`;
  }

  // ————————————————————————————————————————————— crosshair

  /** The focusable time cursor (a slider) over the plot area. */
  cursor() {
    const m = this.view.plot!;
    const r = this.readout;
    const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(3)}%`;
    return html`<div
      part="cursor"
      class="cursor-target"
      role="slider"
      tabindex="0"
      aria-label=${this.s.t('cursor')}
      aria-valuemin="0"
      aria-valuemax=${Math.round((m.toMs - m.fromMs) / MINUTE)}
      aria-valuenow=${r ? Math.round((r.time.getTime() - m.fromMs) / MINUTE) : 0}
      aria-valuetext=${r ? this.readoutSentence(r) : this.s.t('cursorHint')}
      style="left:${pct(m.left, m.width)};top:${pct(m.top, m.height)};width:${pct(m.right - m.left, m.width)};height:${pct(m.bottom - m.top, m.height)}"
      @keydown=${this.onKey}
      @focus=${this.onFocus}
      @blur=${this.onBlur}
      @pointermove=${this.onPointer}
      @pointerdown=${this.onPointer}
      @pointerleave=${this.onLeave}
    ></div>`;
  }

  /** Under the plot: the crosshair's time (local, UTC, sidereal), or how to move it. */
  readoutLine() {
    const r = this.readout;
    return r
      ? html`<p part="readout" class="readout">${this.readoutTime(r)}</p>`
      : html`<p class="hint" aria-hidden="true">${this.s.t('cursorHint')}</p>`;
  }

  private readoutSentence(r: Readout): string {
    const f = this.view.formats!;
    const parts = [this.readoutTime(r)];
    for (const d of this.view.drawn) {
      const t = r.targets.find((x) => x.key === d.key);
      if (t) parts.push(this.s.t('readoutShort', { name: d.label, alt: f.degrees(t.altitude) }));
    }
    parts.push(this.s.t('readoutShort', { name: this.s.t('moonName'), alt: f.degrees(r.moon.altitude) }));
    return parts.join('; ');
  }

  private setCursor(ms: number | null) {
    const m = this.view.plot;
    this.cursorMs = ms === null || !m ? null : Math.min(Math.max(ms, m.fromMs), m.toMs);
    this.host.requestUpdate();
  }

  /** Where the cursor starts: now if the night shown contains it, else the middle of the first dark interval (or of the night). */
  private defaultCursor(): number {
    const { frame, now } = this.view;
    const from = frame!.from.getTime();
    const to = frame!.to.getTime();
    const dark = frame!.summary.darkIntervals[0];
    const at = now >= from && now <= to ? now : dark ? (dark.from.getTime() + dark.to.getTime()) / 2 : (from + to) / 2;
    return Math.round(at / MINUTE) * MINUTE;
  }

  private onKey = (e: KeyboardEvent) => {
    const m = this.view.plot;
    if (!m) return;
    const current = this.cursorMs ?? this.defaultCursor();
    const step = e.shiftKey ? HOUR : 5 * MINUTE;
    const next: Record<string, number | null> = {
      ArrowRight: current + step,
      ArrowUp: current + step,
      ArrowLeft: current - step,
      ArrowDown: current - step,
      PageUp: current + HOUR,
      PageDown: current - HOUR,
      Home: m.fromMs,
      End: m.toMs,
      Escape: null,
    };
    // Key names (`ArrowUp`, single characters) never collide with Object.prototype's members.
    if (!(e.key in next)) return;
    e.preventDefault();
    this.setCursor(next[e.key]);
  };

  private onFocus = () => {
    if (this.cursorMs === null) this.setCursor(this.defaultCursor());
  };

  private onBlur = () => {
    if (!this.pointerInside) this.setCursor(null);
  };

  private onPointer = (e: PointerEvent) => {
    const m = this.view.plot;
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    if (!m || !rect.width) return;
    this.pointerInside = true;
    // The cursor box spans the plot area exactly, from the frame's start to its end.
    this.setCursor(Math.round((m.fromMs + ((e.clientX - rect.left) / rect.width) * (m.toMs - m.fromMs)) / MINUTE) * MINUTE);
  };

  private onLeave = () => {
    this.pointerInside = false;
    if ((this.host.renderRoot as ShadowRoot).activeElement?.getAttribute('part') !== 'cursor') this.setCursor(null);
  };

  // ————————————————————————————————————————————— table

  /** The export buttons (`drawn`: there is a chart to export). */
  toolbar(drawn: boolean) {
    return html`<div part="toolbar" class="toolbar" role="toolbar" aria-label=${this.s.t('toolbar')}>
      ${(['Png', 'Svg', 'Csv'] as const).map(
        (kind) => html`<button type="button" class="tool" ?disabled=${!drawn} aria-label=${this.s.t(`export${kind}Label`)}
          title=${this.s.t(`export${kind}Label`)} @click=${() => this.exportAs(kind)}>
          <svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"></path></svg>${this.s.t(`export${kind}`)}
        </button>`,
      )}
    </div>`;
  }

  /** The table of events and windows behind a `<details>` toggle; built only while open. */
  table() {
    return html`<details
      part="table"
      class="details"
      @toggle=${(e: Event) => {
        this.tableOpen = (e.target as HTMLDetailsElement).open;
        this.host.requestUpdate();
      }}
    >
      <summary>${this.s.t('tableSummary')}</summary>
      ${this.tableOpen ? this.tableBody() : nothing}
    </details>`;
  }

  /** Events and observable windows per target, then the Sun's and the Moon's events, in the order they happen. */
  private tableBody() {
    const s = this.s;
    const v = this.view;
    const f = v.formats!;
    const sm = v.frame!.summary;
    const list = (events: TargetEvent[], kind: TargetEvent['kind']) =>
      events
        .filter((e) => e.kind === kind)
        .map((e) => (kind === 'transit' ? s.t('transitAt', { time: this.time(e.time), alt: f.degrees(e.altitude ?? 0) }) : this.time(e.time)))
        .join(', ') || s.t('none');
    const sunMoon = (['sunset', 'civilDusk', 'nauticalDusk', 'astronomicalDusk', 'astronomicalDawn', 'nauticalDawn', 'civilDawn', 'sunrise', 'moonrise', 'moonset'] as const)
      .map((key) => [s.t(key), sm[key]] as const)
      // A moonrise can come before or after the Sun's events; missing ones last.
      .sort((a, b) => (a[1]?.getTime() ?? Infinity) - (b[1]?.getTime() ?? Infinity));
    return html`<div class="table-scroll">
        <table>
          <thead>
            <tr>
              ${[s.t('colTarget'), s.t('colRise'), s.t('colTransit'), s.t('colSet'), s.t('colWindow', { min: f.degrees(v.minAltitude) }), s.t('colBest')].map(
                (name) => html`<th scope="col">${name}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${v.legend.map((e) => {
              const track = this.track(e.key);
              if (!track) {
                return html`<tr>
                  <th scope="row">${e.label}</th>
                  <td colspan="5">${e.status === 'pending' ? s.t('resolving') : (e.error ?? s.t('none'))}</td>
                </tr>`;
              }
              const windows = track.windows.length ? `${this.windowsText(track)} (${s.t('hours', { n: f.number(track.windowHours, 1, 1) })})` : s.t('none');
              return html`<tr>
                <th scope="row">${e.label}</th>
                <td>${list(track.events, 'rise')}</td>
                <td>${list(track.events, 'transit')}</td>
                <td>${list(track.events, 'set')}</td>
                <td>${windows}</td>
                <td>${this.bestText(track)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p class="table-title">${s.t('sunMoon')}</p>
      <dl class="events">
        ${sunMoon.map(([name, at]) => html`<div><dt>${name}</dt><dd>${this.time(at)}</dd></div>`)}
        <div>
          <dt>${s.t('moonIllumination')}</dt>
          <dd>${f.percentage(v.curves!.moon.illumination)}</dd>
        </div>
      </dl>`;
  }

  // ————————————————————————————————————————————— exports

  /** CSV rows every `stepMinutes` over the night shown, from `altitudeCurves` (not the plotted samples). */
  csv(stepMinutes: number): string {
    const { site, frame, drawn } = this.view;
    const curves = altitudeCurves(
      drawn.map((d) => d.target!),
      site!,
      frame!.from,
      frame!.to,
      stepMinutes,
    );
    return curvesToCsv(curves, drawn.map((d) => d.label), site!.longitude, site!.timeZone);
  }

  svg(): string {
    const root = this.host.renderRoot;
    const background = getComputedStyle(root.querySelector('.base')!).backgroundColor;
    return standaloneSvg(root.querySelector('svg[part="chart"]')!, background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff', this.exportHeight);
  }

  png(): Promise<Blob> {
    return svgToPng(this.svg(), 2);
  }

  /** A toolbar button: build the file and download it; a failure is shown and reported. */
  async exportAs(kind: 'Png' | 'Svg' | 'Csv'): Promise<void> {
    try {
      this.exportError = null;
      const blob =
        kind === 'Png'
          ? await this.png()
          : new Blob([kind === 'Svg' ? this.svg() : this.csv(5)], { type: kind === 'Svg' ? 'image/svg+xml' : 'text/csv' });
      saveBlob(this.host.renderRoot as ShadowRoot, blob, `visibility-${this.view.frame!.date}.${kind.toLowerCase()}`);
    } catch (err) {
      this.exportError = this.s.t('exportFailed', { message: (err as Error)?.message ?? String(err) });
      this.host.reportError(new ArcApiError('invalid-input', this.exportError, { cause: err }));
    }
    this.host.requestUpdate();
  }
}
