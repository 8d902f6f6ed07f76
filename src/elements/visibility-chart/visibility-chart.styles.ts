import { css, unsafeCSS } from 'lit';
import { hostStyles, messageStyles } from '../../styles/host.js';
import { DASHES, SERIES_COLOURS } from './palette.js';

/**
 * Styles of the first paint: layout, header, messages, legend and the static chart. The toolbar, crosshair, marks,
 * window lanes, highlights, best window and table come with the interactive part (`interaction.styles.ts`).
 * Each public `--arc-visibility-chart-*` property is read once, here, into a private `--_x` alias with its fallback.
 */

/** Series colours per theme: mid-luminance on light (≥3:1 on white and on the tinted night band), bright on dark, reds at night. */
const PALETTES = [
  '0072b2 c84f00 008060 b8478c 946200 6a5acd 7a5a2f 2b7f9e',
  '56b4e9 e69f00 2ec4a0 f0e442 e08cc0 ff8c4d a0a8ff d9d9d9',
  'ff6a5c ffb3a6 d63a2c ff9a88 c8321f ff7f6e e8503f ff3b2e',
].map((palette) =>
  palette
    .split(' ')
    .map((colour, i) => `--_s${i}:var(--arc-visibility-chart-series-${i + 1},#${colour});`)
    .join(''),
);
/** Band opacity by theme: light bands tint the white plot; dark and night bands are the plot's own colours. */
const theme = (selector: string, palette: number, opacity: number) =>
  `${selector}{--_band-opacity:var(--arc-visibility-chart-band-opacity,${opacity});${PALETTES[palette]}}`;

const generated = unsafeCSS(
  // Light unless the resolved theme (`data-arc-theme`, set on every render) says otherwise or, for `auto`, the page prefers dark.
  theme(':host', 0, 0.14) +
    `@media (prefers-color-scheme:dark){${theme(':host([data-arc-theme=auto])', 1, 0.9)}}` +
    theme(':host([data-arc-theme=dark])', 1, 0.9) +
    theme(':host([data-arc-theme=night])', 2, 1) +
    // Series colours and dashes first, so the states that follow (muted; temporary in the part's styles) win.
    Array.from({ length: SERIES_COLOURS }, (_, i) => `.s${i}{--_c:var(--_s${i})}`).join('') +
    DASHES.map((dash, i) => `.curve.d${i}{stroke-dasharray:${dash}}`).join('') +
    ['day', 'civil', 'nautical', 'astronomical', 'night'].map((band) => `.band-${band}{fill:var(--arc-visibility-chart-${band},var(--_sky-${band}))}`).join(''),
);

export const styles = [
  hostStyles,
  messageStyles,
  generated,
  css`
    :host {
      --_chart-bg: var(--arc-visibility-chart-bg, var(--_bg));
      --_chart-text: var(--arc-visibility-chart-text, var(--_text));
      --_chart-muted: var(--arc-visibility-chart-muted, var(--_muted));
      --_grid: var(--arc-visibility-chart-grid, var(--_border));
      --_moon: var(--arc-visibility-chart-moon, var(--_muted));
      --_limit: var(--arc-visibility-chart-limit, var(--_muted));
      --_now: var(--arc-visibility-chart-now, var(--_danger));
    }
    .base {
      background: var(--_chart-bg);
      color: var(--_chart-text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 12px;
    }
    .narrow {
      padding: 8px;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 12px;
      align-items: flex-start;
    }
    .titles {
      flex: 1 1 14em;
      min-width: 0;
    }
    p {
      margin: 0;
    }
    .title {
      font-weight: 600;
      font-size: 1.05em;
      line-height: 1.3;
    }
    .subtitle,
    .caption ::slotted(*) {
      margin: 2px 0 0;
      color: var(--_chart-muted);
      font-size: 0.85em;
    }
    .caption ::slotted(*) {
      margin-top: 8px;
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
    .wide .layout {
      grid-template-columns: minmax(0, 1fr) 256px;
    }
    svg[part='chart'] {
      display: block;
      width: 100%;
      height: auto;
      font-family: var(--_font);
      overflow: visible;
    }
    .hint,
    .detail {
      color: var(--_chart-muted);
      font-size: 0.8em;
      font-variant-numeric: tabular-nums;
    }
    .hint {
      margin-top: 2px;
      min-height: 1.4em;
    }
    .legend {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
      align-content: start;
    }
    .medium .legend {
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
    .detail {
      grid-column: 2;
    }
    .error-text {
      color: var(--_danger);
    }
    .error .name {
      text-decoration: line-through var(--_danger);
    }

    .plot-bg {
      fill: var(--_chart-bg);
    }
    .band-fill {
      opacity: var(--_band-opacity);
    }
    .grid line {
      stroke: var(--_grid);
      opacity: 0.7;
    }
    .below-limit {
      fill: var(--_limit);
      fill-opacity: 0.1;
    }
    .limit {
      stroke: var(--_limit);
      stroke-dasharray: 4 3;
    }
    .tick,
    .axis-title,
    .row-name,
    .limit-label {
      fill: var(--_chart-muted);
      font-size: 11px;
    }
    .secondary,
    .axis-title,
    .limit-label,
    .moon-label,
    .now text {
      font-size: 10px;
    }
    .row-name,
    .now text {
      font-weight: 600;
    }
    .tick-mark,
    .frame {
      fill: none;
      stroke: var(--_grid);
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
    .curve.muted {
      stroke: var(--_chart-muted);
      stroke-dasharray: 2 3;
    }
    .now line {
      stroke: var(--_now);
      stroke-width: 1.5;
    }
    .now text {
      fill: var(--_now);
    }
  `,
];
