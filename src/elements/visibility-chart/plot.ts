/**
 * The chart's SVG, as Lit `svg` templates from the view's `PlotModel` (geometry and samples) and its texts.
 * Layers from the back: twilight bands, grid, the zone below the altitude limit, the interactive part's `back`
 * layer (the best-window bracket), the Moon and target curves (clipped to the plot), its `under` layer (marks,
 * curve labels, window lanes), the axes, the "now" marker, and its `over` layer (crosshair, the exported file's legend).
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import { localSiderealTime, type AltitudeCurves } from '../../astro/index.js';
import type { chart } from '../../i18n/en/chart.js';
import { formatHours } from './format.js';
import { AIRMASS_TICKS, ALTITUDE_TICKS_IN_AIRMASS_MODE, altitudeForAirmass, type YAxisMode } from './scales.js';
import type { View } from './types.js';

export type TimeAxis = 'local' | 'utc' | 'lst';
/** What the plot needs of the chart's strings (the element's LocalizeController, or the interactive part's lookup). */
export type ChartStrings = { t(key: keyof typeof chart, vars?: Record<string, unknown>): string };

export interface PlotSeries {
  key: string;
  label: string;
  colour: number;
  dash: number;
  /** A page author's colour (already checked), overriding the palette. */
  customColour: string | null;
  /** A target added for the shared selection, not one of the chart's own. */
  temporary: boolean;
}

export interface PlotModel {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Top of the first observable-window lane; each lane is `laneHeight` high with `laneGap` between. */
  laneTop: number;
  laneHeight: number;
  laneGap: number;
  axisTop: number;
  /** Time-axis rows, the main clock first (only it on narrow charts). */
  rows: TimeAxis[];
  x: (ms: number) => number;
  y: (altitude: number) => number;
  fromMs: number;
  toMs: number;
  yMode: YAxisMode;
  /** Whole hours on the main clock. */
  ticks: number[];
  /** The curves' `targets` are in the order of `series`. */
  curves: AltitudeCurves;
  series: PlotSeries[];
  highlight: string | null;
  uid: string;
}

/** What the interactive part draws into the chart, once it has loaded. */
export interface PlotLayers {
  describeTargets(): string[];
  back(): unknown;
  under(): unknown;
  over(): unknown;
}

export const ROW_HEIGHT = 14;

export const r1 = (v: number) => Math.round(v * 10) / 10;

/** Palette class of a series (colour slot and dash pattern). */
export const seriesClass = (s: { colour: number; dash: number }) => `s${s.colour} d${s.dash}`;
/** The author's colour, or the selection colour, as the custom property series strokes read. */
export const seriesStyle = (s: { customColour: string | null; temporary?: boolean }) =>
  s.temporary ? '--_c:var(--_selected)' : s.customColour ? `--_c:${s.customColour}` : '';
/** Other series fade while one is highlighted. */
export const dimmed = (m: PlotModel, key: string) => (m.highlight && m.highlight !== key ? 'dim' : '');

export const chartTitle = (v: View, s: ChartStrings) => s.t('title', { site: v.siteName, date: v.formats!.nightDate(v.frame!.date) });
export const moonLabel = (v: View, s: ChartStrings) => s.t('moon', { percent: v.formats!.percentage(v.curves!.moon.illumination) });

const BAND_NAMES = { day: 'bandDay', civil: 'bandCivil', nautical: 'bandNautical', astronomical: 'bandAstronomical', night: 'bandNight' } as const;

/** The night in a few sentences, for the SVG's description. */
function describeNight(v: View, s: ChartStrings): string[] {
  const f = v.formats!;
  const sm = v.frame!.summary;
  const time = (d: Date | null) => (d ? f.time(d.getTime()) : s.t('none'));
  const dark = sm.darkIntervals;
  return [
    sm.polar ? s.t(sm.polar === 'polar-night' ? 'polarNight' : 'midnightSun') : s.t('descNight', { sunset: time(sm.sunset), sunrise: time(sm.sunrise) }),
    dark.length
      ? s.t('descDark', { from: time(dark[0].from), to: time(dark[dark.length - 1].to), hours: f.number(sm.darkHours, 1, 1) })
      : sm.polar
        ? ''
        : s.t('noDarkness'),
    s.t('descMoon', { percent: f.percentage(v.curves!.moon.illumination) }),
  ];
}

function pathFor(m: PlotModel, values: Float64Array): string {
  let d = '';
  m.curves.times.forEach((t, i) => (d += `${i ? 'L' : 'M'}${r1(m.x(t))} ${r1(m.y(values[i]))}`));
  return d;
}

export function renderPlot(v: View, s: ChartStrings, layers?: PlotLayers | null): SVGTemplateResult {
  const m = v.plot!;
  const f = v.formats!;
  const { x, y, left, right, top, bottom, uid, axisTop } = m;
  const clampX = (ms: number) => x(Math.min(Math.max(ms, m.fromMs), m.toMs));
  const plotWidth = right - left;
  const plotHeight = bottom - top;
  const limitY = r1(y(v.minAltitude));
  const moon = m.curves.moon.altitude;
  let peak = 0;
  moon.forEach((alt, i) => alt > moon[peak] && (peak = i));
  const nowX = v.now >= m.fromMs && v.now <= m.toMs ? r1(x(v.now)) : null;
  const label = moonLabel(v, s);
  // Altitude scale: degrees on the left, airmass on the right; airmass scale: the other way round.
  const degrees = (values: number[]) => values.map((value): [number, string] => [value, f.degrees(value)]);
  const airmass = AIRMASS_TICKS.map((value): [number, string] => [altitudeForAirmass(value), f.number(value, 0, 1)]);
  const altitudeMode = m.yMode === 'altitude';
  const yTicks = altitudeMode ? degrees(plotHeight >= 220 ? [0, 15, 30, 45, 60, 75, 90] : [0, 30, 60, 90]) : airmass;
  const titles = [s.t('altitudeAxis'), s.t('airmassAxis')];
  const timeLabel = (axis: TimeAxis, ms: number) =>
    axis === 'local' ? f.time(ms) : axis === 'utc' ? f.utcTime(ms) : formatHours(localSiderealTime(v.site!.longitude, new Date(ms)));
  const tick = (value: number, text: string, dx: number, anchor = 'end') =>
    svg`<text class="tick" x=${dx} y=${r1(y(value) + 4)} text-anchor=${anchor}>${text}</text>`;
  const plotArea = (cls = '') => svg`<rect class=${cls} x=${left} y=${top} width=${plotWidth} height=${plotHeight}></rect>`;

  return svg`<svg part="chart" role="img" aria-labelledby="${uid}-title ${uid}-desc" width=${m.width} height=${m.height}
      viewBox="0 0 ${m.width} ${m.height}">
    <title id="${uid}-title">${chartTitle(v, s)}</title>
    <desc id="${uid}-desc">${[...describeNight(v, s), ...(layers?.describeTargets() ?? [])].filter(Boolean).join(' ')}</desc>
    <defs><clipPath id="${uid}-clip">${plotArea()}</clipPath></defs>
    ${plotArea('plot-bg')}
    ${v.frame!.summary.bands.map((b) => {
      const x0 = r1(clampX(b.from.getTime()));
      const w = r1(clampX(b.to.getTime()) - x0);
      return w < 0.5
        ? nothing
        : svg`<g class="band band-${b.kind}"><title>${s.t(BAND_NAMES[b.kind])}</title>
          <rect class="band-fill" x=${x0} y=${top} width=${w} height=${plotHeight}></rect>
          <rect x=${x0} y=${top} width=${w} height="5"></rect></g>`;
    })}
    <g class="grid">
      ${m.ticks.map((t) => svg`<line x1=${r1(x(t))} x2=${r1(x(t))} y1=${top} y2=${bottom}></line>`)}
      ${yTicks.map(([value]) => svg`<line x1=${left} x2=${right} y1=${r1(y(value))} y2=${r1(y(value))}></line>`)}
    </g>
    ${limitY < bottom
      ? svg`<rect class="below-limit" x=${left} y=${limitY} width=${plotWidth} height=${r1(bottom - limitY)}></rect>
        <line class="limit" x1=${left} x2=${right} y1=${limitY} y2=${limitY}></line>
        <text class="limit-label" x=${right - 4} y=${limitY - 4} text-anchor="end">${s.t('limit', { value: f.degrees(v.minAltitude) })}</text>`
      : nothing}
    ${layers?.back()}
    <g clip-path="url(#${uid}-clip)">
      <path class="moon" d=${pathFor(m, moon)}><title>${label}</title></path>
      ${m.series.map(
        (series, i) => svg`<path class="curve ${seriesClass(series)} ${series.temporary ? 'temporary' : ''} ${m.highlight === series.key ? 'highlight' : ''} ${dimmed(m, series.key)}"
          style=${seriesStyle(series)} data-key=${series.key} d=${pathFor(m, m.curves.targets[i].altitude)}><title>${series.label}</title></path>`,
      )}
    </g>
    ${moon[peak] > 8
      ? svg`<text class="moon-label" x=${r1(Math.min(Math.max(x(m.curves.times[peak]), left + 30), right - 30))} y=${r1(Math.max(y(moon[peak]) - 6, top + 16))}
          text-anchor="middle">${label}</text>`
      : nothing}
    ${layers?.under()}
    <g class="axes">
      ${plotArea('frame')}
      <text class="axis-title" x=${left - 6} y=${top - 12} text-anchor="end">${titles[altitudeMode ? 0 : 1]}</text>
      <text class="axis-title" x=${m.width - 1} y=${top - 12} text-anchor="end">${titles[altitudeMode ? 1 : 0]}</text>
      ${yTicks.map(([value, text]) => tick(value, text, left - 6))}
      ${(altitudeMode ? airmass : degrees(ALTITUDE_TICKS_IN_AIRMASS_MODE)).map(
        ([value, text]) => svg`<line class="tick-mark" x1=${right} x2=${right + 4} y1=${r1(y(value))} y2=${r1(y(value))}></line>
          ${tick(value, text, right + 6, 'start')}`,
      )}
      ${(m.rows.length > 1 ? m.rows : []).map(
        (axis, row) =>
          svg`<text class="row-name ${row ? 'secondary' : ''}" x=${left - 6} y=${axisTop + row * ROW_HEIGHT + 11} text-anchor="end"
            >${s.t(axis === 'local' ? 'axisLocal' : axis === 'utc' ? 'axisUtc' : 'axisLst')}</text
          >`,
      )}
      ${m.ticks.map((t) => {
        const px = r1(x(t));
        // A label centred on a tick too close to an edge would run into the row names or out of the chart.
        return svg`<line class="tick-mark" x1=${px} x2=${px} y1=${axisTop - 4} y2=${axisTop}></line>
          ${(px >= left + 14 && px <= right - 14 ? m.rows : []).map(
            (axis, row) =>
              svg`<text class="tick ${row ? 'secondary' : ''}" x=${px} y=${axisTop + row * ROW_HEIGHT + 11} text-anchor="middle">${timeLabel(axis, t)}</text>`,
          )}`;
      })}
    </g>
    ${nowX === null
      ? nothing
      : svg`<g class="now"><line x1=${nowX} x2=${nowX} y1=${top - 4} y2=${bottom}></line>
          <text x=${nowX} y=${top - 12} text-anchor=${nowX > right - 30 ? 'end' : 'middle'}>${s.t('now')}</text></g>`}
    ${layers?.over()}
  </svg>`;
}
