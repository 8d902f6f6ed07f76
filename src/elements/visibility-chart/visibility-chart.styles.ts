import { css, unsafeCSS } from 'lit';
import { hostStyles, messageStyles } from '../../styles/host.js';
import { DASHES, SERIES_COLOURS } from './palette.js';

/** Series colours per theme: mid-luminance on light (≥3:1 on white and on the tinted night band), bright on dark, reds at night. */
const PALETTES = {
  light: ['#0072b2', '#c84f00', '#008060', '#b8478c', '#946200', '#6a5acd', '#7a5a2f', '#2b7f9e'],
  dark: ['#56b4e9', '#e69f00', '#2ec4a0', '#f0e442', '#e08cc0', '#ff8c4d', '#a0a8ff', '#d9d9d9'],
  night: ['#ff6a5c', '#ffb3a6', '#d63a2c', '#ff9a88', '#c8321f', '#ff7f6e', '#e8503f', '#ff3b2e'],
} as const;

const seriesVars = (palette: readonly string[]) =>
  unsafeCSS(palette.map((colour, i) => `--_s${i}: var(--arc-visibility-chart-series-${i + 1}, ${colour});`).join('\n'));

const seriesClasses = unsafeCSS(
  Array.from({ length: SERIES_COLOURS }, (_, i) => `.s${i} { --_c: var(--_s${i}); }`).join('\n') +
    DASHES.map((d, i) => `.curve.d${i} { stroke-dasharray: ${d}; }`).join('\n'),
);

export const styles = [
  hostStyles,
  messageStyles,
  css`
    :host {
      --_chart-bg: var(--arc-visibility-chart-bg, var(--_bg));
      --_chart-text: var(--arc-visibility-chart-text, var(--_text));
      --_chart-muted: var(--arc-visibility-chart-muted, var(--_muted));
      --_grid: var(--arc-visibility-chart-grid, var(--_border));
      --_moon: var(--arc-visibility-chart-moon, var(--_muted));
      --_band-day: var(--arc-visibility-chart-day, var(--_sky-day));
      --_band-civil: var(--arc-visibility-chart-civil, var(--_sky-civil));
      --_band-nautical: var(--arc-visibility-chart-nautical, var(--_sky-nautical));
      --_band-astronomical: var(--arc-visibility-chart-astronomical, var(--_sky-astronomical));
      --_band-night: var(--arc-visibility-chart-night, var(--_sky-night));
      --_band-opacity: var(--arc-visibility-chart-band-opacity, 0.14);
      --_limit: var(--arc-visibility-chart-limit, var(--_muted));
      --_now: var(--arc-visibility-chart-now, var(--_danger));
      --_best: var(--arc-visibility-chart-best, var(--_success));
      --_selected: var(--arc-visibility-chart-selected, var(--_accent));
      ${seriesVars(PALETTES.light)}
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_band-opacity: var(--arc-visibility-chart-band-opacity, 0.9);
        ${seriesVars(PALETTES.dark)}
      }
    }
    :host([data-arc-theme='light']) {
      --_band-opacity: var(--arc-visibility-chart-band-opacity, 0.14);
      ${seriesVars(PALETTES.light)}
    }
    :host([data-arc-theme='dark']) {
      --_band-opacity: var(--arc-visibility-chart-band-opacity, 0.9);
      ${seriesVars(PALETTES.dark)}
    }
    :host([data-arc-theme='night']) {
      --_band-opacity: var(--arc-visibility-chart-band-opacity, 1);
      ${seriesVars(PALETTES.night)}
    }

    .base {
      background: var(--_chart-bg);
      color: var(--_chart-text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 12px;
    }
    .base.narrow {
      padding: 8px;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 12px;
      align-items: flex-start;
      justify-content: space-between;
    }
    .titles {
      min-width: 0;
      flex: 1 1 14em;
    }
    .title {
      margin: 0;
      font-weight: 600;
      font-size: 1.05em;
      line-height: 1.3;
    }
    .subtitle {
      margin: 2px 0 0;
      color: var(--_chart-muted);
      font-size: 0.85em;
    }
    .toolbar {
      display: flex;
      gap: 4px;
      flex: none;
    }
    .tool {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 28px;
      padding: 2px 8px;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_surface);
      color: var(--_chart-text);
      font-size: 0.8em;
      font-weight: 600;
      letter-spacing: 0.02em;
    }
    .tool:hover:not([disabled]) {
      border-color: var(--_accent);
    }
    .tool[disabled] {
      cursor: default;
      opacity: 0.55;
    }
    .icon {
      width: 12px;
      height: 12px;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.7;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .messages {
      display: grid;
      gap: 6px;
      margin-top: 8px;
      font-size: 0.9em;
    }
    .arc-message[data-kind='warning'] {
      border-color: var(--_warning);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 10px 16px;
      margin-top: 8px;
    }
    .base.wide .layout {
      grid-template-columns: minmax(0, 1fr) 256px;
    }
    .plot-box {
      min-width: 0;
    }
    .svg-wrap {
      position: relative;
    }
    svg[part='chart'] {
      display: block;
      width: 100%;
      height: auto;
      font-family: var(--_font);
      overflow: visible;
    }
    .cursor-target {
      position: absolute;
      cursor: crosshair;
      touch-action: pan-y;
      border-radius: 2px;
    }
    .cursor-target:focus {
      outline: none;
    }
    .cursor-target:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .hint,
    .readout {
      margin: 2px 0 0;
      min-height: 1.4em;
      font-size: 0.8em;
      color: var(--_chart-muted);
      font-variant-numeric: tabular-nums;
    }
    .readout {
      color: var(--_chart-text);
      font-weight: 600;
    }

    /* Legend */
    .legend {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
      align-content: start;
    }
    .base.medium .legend {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      column-gap: 12px;
    }
    .legend-item {
      display: grid;
      grid-template-columns: 28px minmax(0, 1fr);
      column-gap: 8px;
      align-items: center;
      width: 100%;
      padding: 4px 6px;
      border: 1px solid transparent;
      border-radius: calc(var(--_radius) - 2px);
      background: none;
      text-align: start;
      line-height: 1.3;
    }
    button.legend-item:hover {
      background: var(--_surface);
    }
    .legend-item[aria-pressed='true'] {
      border-color: var(--_accent);
      background: var(--_surface);
    }
    .swatch {
      grid-row: span 2;
      width: 28px;
      height: 10px;
      overflow: visible;
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .tag {
      font-weight: normal;
      font-size: 0.8em;
      color: var(--_chart-muted);
    }
    .detail {
      grid-column: 2;
      color: var(--_chart-muted);
      font-size: 0.8em;
      font-variant-numeric: tabular-nums;
    }
    .error-text {
      color: var(--_danger);
    }
    .entry.error .name {
      text-decoration: line-through;
      text-decoration-color: var(--_danger);
    }

    /* Table */
    .details {
      margin-top: 10px;
      border-top: 1px solid var(--_border);
      padding-top: 6px;
      font-size: 0.85em;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      padding: 2px 0;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      margin-top: 6px;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 4px 8px 4px 0;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }
    thead th {
      color: var(--_chart-muted);
      font-weight: 600;
    }
    tbody th {
      font-weight: 600;
    }
    .table-title {
      margin: 10px 0 2px;
      font-weight: 600;
    }
    .events {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
      gap: 2px 16px;
      margin: 0;
    }
    .events div {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      border-bottom: 1px dotted var(--_border);
    }
    dt {
      color: var(--_chart-muted);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .caption ::slotted(*) {
      margin: 8px 0 0;
      color: var(--_chart-muted);
      font-size: 0.85em;
    }

    /* Chart (SVG). Series colours and dashes first, so the states below (temporary, muted) win. */
    ${seriesClasses}
    .plot-bg {
      fill: var(--_chart-bg);
    }
    .band-fill {
      opacity: var(--_band-opacity);
    }
    .band-day rect {
      fill: var(--_band-day);
    }
    .band-civil rect {
      fill: var(--_band-civil);
    }
    .band-nautical rect {
      fill: var(--_band-nautical);
    }
    .band-astronomical rect {
      fill: var(--_band-astronomical);
    }
    .band-night rect {
      fill: var(--_band-night);
    }
    .grid line {
      stroke: var(--_grid);
      stroke-width: 1;
      opacity: 0.7;
    }
    .below-limit {
      fill: var(--_limit);
      fill-opacity: 0.1;
    }
    .limit {
      stroke: var(--_limit);
      stroke-width: 1;
      stroke-dasharray: 4 3;
    }
    .limit-label,
    .tick,
    .axis-title,
    .row-name {
      fill: var(--_chart-muted);
      font-size: 11px;
    }
    .tick.secondary,
    .row-name.secondary,
    .axis-title,
    .limit-label {
      font-size: 10px;
    }
    .row-name {
      font-weight: 600;
    }
    .tick-mark {
      stroke: var(--_grid);
    }
    .frame {
      fill: none;
      stroke: var(--_grid);
    }
    .best-fill {
      fill: var(--_best);
      fill-opacity: 0.1;
    }
    .best-bracket {
      fill: none;
      stroke: var(--_best);
      stroke-width: 1.5;
    }
    .best-label {
      fill: var(--_best);
      font-size: 10px;
      font-weight: 600;
    }
    .moon {
      fill: none;
      stroke: var(--_moon);
      stroke-width: 1.5;
      stroke-dasharray: 5 4;
      stroke-linecap: round;
    }
    .moon-label {
      fill: var(--_moon);
      font-size: 10px;
      paint-order: stroke;
      stroke: var(--_chart-bg);
      stroke-width: 3px;
      stroke-linejoin: round;
    }
    .curve {
      fill: none;
      stroke: var(--_c, var(--_chart-text));
      stroke-width: 2;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .curve.temporary {
      stroke: var(--_selected);
      stroke-width: 2.5;
      stroke-dasharray: none;
    }
    .curve.highlight {
      stroke-width: 3.5;
    }
    .curve.muted {
      stroke: var(--_chart-muted);
      stroke-dasharray: 2 3;
    }
    .dim {
      opacity: 0.3;
    }
    .mark {
      fill: var(--_c);
      stroke: none;
    }
    .mark.transit {
      fill: var(--_chart-bg);
      stroke: var(--_c);
      stroke-width: 1.5;
    }
    .curve-label {
      fill: var(--_c);
      font-size: 11px;
      font-weight: 600;
      paint-order: stroke;
      stroke: var(--_chart-bg);
      stroke-width: 3px;
      stroke-linejoin: round;
    }
    .lane-track {
      fill: var(--_grid);
      opacity: 0.35;
    }
    .lane-window {
      fill: var(--_c);
    }
    .now line {
      stroke: var(--_now);
      stroke-width: 1.5;
    }
    .now text {
      fill: var(--_now);
      font-size: 10px;
      font-weight: 600;
    }
    .cursor line {
      stroke: var(--_chart-text);
      stroke-width: 1;
      stroke-dasharray: 3 2;
    }
    .cursor .dot {
      fill: var(--_c);
      stroke: var(--_chart-bg);
      stroke-width: 1.5;
    }
    .cursor .moon-dot {
      fill: var(--_moon);
      stroke: var(--_chart-bg);
      stroke-width: 1.5;
    }
    .cursor-label {
      fill: var(--_chart-text);
      font-size: 11px;
      font-weight: 600;
      paint-order: stroke;
      stroke: var(--_chart-bg);
      stroke-width: 3px;
    }
    .export-only {
      display: none;
    }
    .export-subtitle {
      fill: var(--_chart-muted);
      font-size: 10px;
    }
    .export-title,
    .legend-text {
      fill: var(--_chart-text);
      font-size: 11px;
    }
    .export-title {
      font-weight: 600;
      font-size: 12px;
    }
  `,
];
