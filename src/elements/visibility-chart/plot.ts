/**
 * The chart's SVG, as Lit `svg` templates from a fully computed `PlotModel` (no astronomy, no I/O here).
 * Layers from the back: twilight bands, grid, the zone below the altitude limit, the best-window bracket,
 * the Moon and target curves (clipped to the plot), rise/transit/set marks, observable-window lanes, axes,
 * the "now" marker and the crosshair. Parts meant only for the exported file carry `data-export="only"`;
 * parts left out of it carry `data-export="skip"`.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { AltitudeCurves, DarknessBand, Interval, TargetEvent } from '../../astro/index.js';
import type { LinearScale } from './scales.js';
import type { Readout } from './model.js';

export type TimeAxis = 'local' | 'utc' | 'lst';

export interface PlotSeries {
  key: string;
  label: string;
  colour: number;
  dash: number;
  /** A page author's colour (already checked), overriding the palette. */
  customColour: string | null;
  /** Index of this target in the curves' `targets`. */
  curveIndex: number;
  events: TargetEvent[];
  windows: Interval[];
  best: { time: Date; altitude: number } | null;
  /** A target added for the shared selection, not one of the chart's own. */
  temporary: boolean;
  /** Tooltip lines for marks, already localised. */
  describeEvent: (e: TargetEvent) => string;
  describeWindow: (w: Interval) => string;
}

export interface AxisTick {
  at: number;
  /** One label per axis row, in row order. */
  labels: string[];
}

export interface PlotModel {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  laneTop: number;
  laneHeight: number;
  laneGap: number;
  axisTop: number;
  rowHeight: number;
  rowNames: string[];
  x: LinearScale;
  y: (altitude: number) => number;
  fromMs: number;
  toMs: number;
  bands: DarknessBand[];
  bandNames: Record<DarknessBand['kind'], string>;
  ticks: AxisTick[];
  yTicks: { value: number; label: string }[];
  secondaryTicks: { value: number; label: string }[];
  yTitle: string;
  secondaryTitle: string;
  minAltitude: number;
  minAltitudeLabel: string;
  curves: AltitudeCurves;
  series: PlotSeries[];
  highlight: string | null;
  showRiseSet: boolean;
  curveLabels: boolean;
  moonLabel: string;
  now: { at: number; label: string } | null;
  bestWindow: { from: number; to: number; label: string } | null;
  cursor: { readout: Readout; label: string } | null;
  title: string;
  description: string;
  uid: string;
  exportLegend: { title: string; subtitle: string; items: { label: string; colour: number; dash: number; customColour: string | null; temporary: boolean }[]; moonLabel: string };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

function pathFor(times: Float64Array, values: Float64Array, x: LinearScale, y: (a: number) => number): string {
  let d = '';
  for (let i = 0; i < times.length; i++) d += `${i ? 'L' : 'M'}${r1(x(times[i]))} ${r1(y(values[i]))}`;
  return d;
}

/** Stroke attributes for a series: its palette class and, when given, the author's colour as a custom property. */
const seriesClass = (s: { colour: number; dash: number }) => `s${s.colour} d${s.dash}`;
const seriesStyle = (s: { customColour: string | null; temporary?: boolean }) =>
  s.temporary ? '--_c:var(--_selected)' : s.customColour ? `--_c:${s.customColour}` : '';

/** Rough text width for laying out the exported legend (no measuring in a hidden layer). */
const approxTextWidth = (text: string, size: number) => text.length * size * 0.58;

export function renderPlot(m: PlotModel): SVGTemplateResult {
  const { x, y, left, right, top, bottom } = m;
  const clamp = (ms: number) => Math.min(Math.max(ms, m.fromMs), m.toMs);
  const plotWidth = right - left;
  const plotHeight = bottom - top;
  const clipId = `${m.uid}-clip`;
  const limitY = y(m.minAltitude);
  const dimmed = (key: string) => (m.highlight && m.highlight !== key ? 'dim' : '');

  const bands = m.bands.map((b) => {
    const x0 = x(clamp(b.from.getTime()));
    const x1 = x(clamp(b.to.getTime()));
    if (x1 - x0 < 0.5) return nothing;
    return svg`<g class="band band-${b.kind}"><title>${m.bandNames[b.kind]}</title>
      <rect class="band-fill" x=${r1(x0)} y=${top} width=${r1(x1 - x0)} height=${plotHeight}></rect>
      <rect class="band-strip" x=${r1(x0)} y=${top} width=${r1(x1 - x0)} height="5"></rect></g>`;
  });

  const grid = svg`<g class="grid">
    ${m.ticks.map((t) => svg`<line x1=${r1(x(t.at))} x2=${r1(x(t.at))} y1=${top} y2=${bottom}></line>`)}
    ${m.yTicks.map((t) => svg`<line x1=${left} x2=${right} y1=${r1(y(t.value))} y2=${r1(y(t.value))}></line>`)}
  </g>`;

  const belowLimit =
    limitY < bottom
      ? svg`<rect class="below-limit" x=${left} y=${r1(limitY)} width=${plotWidth} height=${r1(bottom - limitY)}></rect>
        <line class="limit" x1=${left} x2=${right} y1=${r1(limitY)} y2=${r1(limitY)}></line>
        <text class="limit-label" x=${right - 4} y=${r1(limitY - 4)} text-anchor="end">${m.minAltitudeLabel}</text>`
      : nothing;

  const best = m.bestWindow
    ? (() => {
        const x0 = x(clamp(m.bestWindow.from));
        const x1 = x(clamp(m.bestWindow.to));
        if (x1 - x0 < 1) return nothing;
        return svg`<g class="best-window"><title>${m.bestWindow.label}</title>
          <rect class="best-fill" x=${r1(x0)} y=${top} width=${r1(x1 - x0)} height=${plotHeight}></rect>
          <path class="best-bracket" d="M${r1(x0)} ${top - 2}V${top - 9}H${r1(x1)}V${top - 2}"></path>
          <text class="best-label" x=${r1((x0 + x1) / 2)} y=${top - 12} text-anchor="middle">${m.bestWindow.label}</text></g>`;
      })()
    : nothing;

  const { times } = m.curves;
  const moonPath = pathFor(times, m.curves.moon.altitude, x, y);
  let moonPeak = 0;
  for (let i = 1; i < times.length; i++) if (m.curves.moon.altitude[i] > m.curves.moon.altitude[moonPeak]) moonPeak = i;
  const moonPeakAlt = m.curves.moon.altitude[moonPeak] ?? -90;
  const moonLabelX = Math.min(Math.max(x(times[moonPeak] ?? m.fromMs), left + 30), right - 30);

  const curves = m.series.map(
    (s) => svg`<path class="curve ${seriesClass(s)} ${s.temporary ? 'temporary' : ''} ${m.highlight === s.key ? 'highlight' : ''} ${dimmed(s.key)}"
      style=${seriesStyle(s)} data-key=${s.key} d=${pathFor(times, m.curves.targets[s.curveIndex].altitude, x, y)}><title>${s.label}</title></path>`,
  );

  const marks = m.series.map((s) => {
    const items = s.events
      .filter((e) => (e.kind === 'transit' ? (e.altitude ?? -1) > 0 : m.showRiseSet))
      .map((e) => {
        const px = r1(x(e.time.getTime()));
        if (e.kind === 'transit') {
          const py = r1(y(e.altitude ?? 0));
          return svg`<circle class="mark transit" cx=${px} cy=${py} r="3.5"><title>${s.describeEvent(e)}</title></circle>`;
        }
        const up = e.kind === 'rise';
        return svg`<path class="mark ${e.kind}" d=${up ? `M${px - 4} ${bottom}l4 -7l4 7z` : `M${px - 4} ${bottom - 7}l4 7l4 -7z`}><title>${s.describeEvent(e)}</title></path>`;
      });
    return svg`<g class="marks ${seriesClass(s)} ${dimmed(s.key)}" style=${seriesStyle(s)}>${items}</g>`;
  });

  const labels = m.curveLabels
    ? m.series.map((s) => {
        if (!s.best || s.best.altitude < 8) return nothing;
        const px = Math.min(Math.max(x(s.best.time.getTime()), left + 24), right - 24);
        const py = Math.max(y(s.best.altitude) - 6, top + 16);
        return svg`<text class="curve-label ${seriesClass(s)} ${dimmed(s.key)}" style=${seriesStyle(s)} x=${r1(px)} y=${r1(py)} text-anchor="middle">${s.label}</text>`;
      })
    : nothing;

  const lanes = m.series.map((s, i) => {
    const ly = m.laneTop + i * (m.laneHeight + m.laneGap);
    return svg`<g class="lane ${seriesClass(s)} ${dimmed(s.key)}" style=${seriesStyle(s)}>
      <rect class="lane-track" x=${left} y=${ly} width=${plotWidth} height=${m.laneHeight}></rect>
      ${s.windows.map((w) => {
        const x0 = x(clamp(w.from.getTime()));
        const x1 = x(clamp(w.to.getTime()));
        return svg`<rect class="lane-window" x=${r1(x0)} y=${ly} width=${r1(Math.max(x1 - x0, 1))} height=${m.laneHeight} rx="2"><title>${s.describeWindow(w)}</title></rect>`;
      })}</g>`;
  });

  const axes = svg`<g class="axes">
    <rect class="frame" x=${left} y=${top} width=${plotWidth} height=${plotHeight}></rect>
    <text class="axis-title" x=${left - 6} y=${top - 12} text-anchor="end">${m.yTitle}</text>
    <text class="axis-title" x=${m.width - 1} y=${top - 12} text-anchor="end">${m.secondaryTitle}</text>
    ${m.yTicks.map((t) => svg`<text class="tick" x=${left - 6} y=${r1(y(t.value) + 4)} text-anchor="end">${t.label}</text>`)}
    ${m.secondaryTicks.map(
      (t) => svg`<line class="tick-mark" x1=${right} x2=${right + 4} y1=${r1(y(t.value))} y2=${r1(y(t.value))}></line>
        <text class="tick" x=${right + 6} y=${r1(y(t.value) + 4)}>${t.label}</text>`,
    )}
    ${(m.rowNames.length > 1 ? m.rowNames : []).map(
      (name, row) =>
        svg`<text class="row-name ${row ? 'secondary' : ''}" x=${left - 6} y=${m.axisTop + row * m.rowHeight + 11} text-anchor="end">${name}</text>`,
    )}
    ${m.ticks.map((t) => {
      const px = r1(x(t.at));
      // A label centred on a tick too close to an edge would run into the row names or out of the chart.
      const labelled = px >= left + 14 && px <= right - 14;
      return svg`<line class="tick-mark" x1=${px} x2=${px} y1=${m.axisTop - 4} y2=${m.axisTop}></line>
        ${(labelled ? t.labels : []).map(
          (label, row) =>
            svg`<text class="tick ${row ? 'secondary' : ''}" x=${px} y=${m.axisTop + row * m.rowHeight + 11} text-anchor="middle">${label}</text>`,
        )}`;
    })}
  </g>`;

  const now = m.now
    ? svg`<g class="now"><line x1=${r1(x(m.now.at))} x2=${r1(x(m.now.at))} y1=${top - 4} y2=${bottom}></line>
        <text x=${r1(x(m.now.at))} y=${top - 12} text-anchor=${x(m.now.at) > right - 30 ? 'end' : 'middle'}>${m.now.label}</text></g>`
    : nothing;

  const cursor = m.cursor
    ? (() => {
        const px = r1(x(m.cursor.readout.time.getTime()));
        const anchor = px > right - 60 ? 'end' : px < left + 60 ? 'start' : 'middle';
        return svg`<g class="cursor" data-export="skip">
          <line x1=${px} x2=${px} y1=${top} y2=${m.laneTop + m.series.length * (m.laneHeight + m.laneGap)}></line>
          ${m.cursor.readout.moon.altitude > -5 ? svg`<circle class="moon-dot" cx=${px} cy=${r1(y(m.cursor.readout.moon.altitude))} r="3"></circle>` : nothing}
          ${m.series.map((s) => {
            const alt = m.cursor!.readout.targets.find((t) => t.key === s.key)?.altitude ?? -90;
            return alt > -5 ? svg`<circle class="dot ${seriesClass(s)}" style=${seriesStyle(s)} cx=${px} cy=${r1(y(alt))} r="3.5"></circle>` : nothing;
          })}
          <text class="cursor-label" x=${px} y=${top + 18} text-anchor=${anchor} dx=${anchor === 'start' ? 4 : anchor === 'end' ? -4 : 0}>${m.cursor.label}</text>
        </g>`;
      })()
    : nothing;

  // Legend and title for the exported file only (the page has the HTML legend).
  let legendY = m.height + 36;
  let cursorX = left;
  const legendItems = [
    ...m.exportLegend.items,
    { label: m.exportLegend.moonLabel, colour: -1, dash: 0, customColour: null, temporary: false },
  ].map((item) => {
    const w = 30 + approxTextWidth(item.label, 11) + 18;
    if (cursorX + w > m.width - 8 && cursorX > left) {
      cursorX = left;
      legendY += 18;
    }
    const at = cursorX;
    cursorX += w;
    const cls = item.colour < 0 ? 'moon' : `curve ${seriesClass(item)} ${item.temporary ? 'temporary' : ''}`;
    return svg`<g><line class=${cls} style=${seriesStyle(item)} x1=${at} x2=${at + 24} y1=${legendY - 4} y2=${legendY - 4}></line>
      <text class="legend-text" x=${at + 30} y=${legendY}>${item.label}</text></g>`;
  });
  const exportHeight = legendY + 12;

  return svg`<svg part="chart" role="img" aria-labelledby="${m.uid}-title ${m.uid}-desc" width=${m.width} height=${m.height}
      viewBox="0 0 ${m.width} ${m.height}" data-export-height=${exportHeight} preserveAspectRatio="xMinYMin meet">
    <title id="${m.uid}-title">${m.title}</title>
    <desc id="${m.uid}-desc">${m.description}</desc>
    <defs><clipPath id=${clipId}><rect x=${left} y=${top} width=${plotWidth} height=${plotHeight}></rect></clipPath></defs>
    <rect class="plot-bg" x=${left} y=${top} width=${plotWidth} height=${plotHeight}></rect>
    ${bands} ${grid} ${belowLimit} ${best}
    <g clip-path="url(#${clipId})">
      <path class="moon" d=${moonPath}><title>${m.moonLabel}</title></path>
      ${curves}
    </g>
    ${marks} ${labels}
    ${moonPeakAlt > 8 ? svg`<text class="moon-label" x=${r1(moonLabelX)} y=${r1(Math.max(y(moonPeakAlt) - 6, top + 16))} text-anchor="middle">${m.moonLabel}</text>` : nothing}
    ${lanes} ${axes} ${now} ${cursor}
    <g class="export-only" data-export="only">
      <text class="export-title" x=${left} y=${m.height + 4}>${m.exportLegend.title}</text>
      <text class="export-subtitle" x=${left} y=${m.height + 18}>${m.exportLegend.subtitle}</text>
      ${legendItems}
    </g>
  </svg>`;
}

