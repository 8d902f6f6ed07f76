import { css } from 'lit';

/**
 * Styles of the interactive part (toolbar, highlights, best window, marks, lanes, crosshair, table, export-only
 * parts), adopted by the chart after its own when the part has loaded; the `--_x` aliases come from the chart's.
 */
export const styles = css`
  :host {
    --_best: var(--arc-visibility-chart-best, var(--_success));
    --_selected: var(--arc-visibility-chart-selected, var(--_accent));
  }
  .svg-wrap {
    position: relative;
  }
  button.legend-item:hover,
  [aria-pressed='true'] {
    background: var(--_surface);
  }
  .toolbar {
    display: flex;
    gap: 4px;
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
  .tool:hover:not([disabled]),
  [aria-pressed='true'] {
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
  .tag {
    color: var(--_chart-muted);
    font-size: 0.8em;
    font-weight: normal;
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
  .readout {
    margin-top: 2px;
    min-height: 1.4em;
    font-size: 0.8em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

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
    font-weight: 600;
  }
  td {
    font-weight: normal;
  }
  thead th,
  dt {
    color: var(--_chart-muted);
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
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
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
  .curve.temporary {
    stroke: var(--_selected);
    stroke-width: 2.5;
    stroke-dasharray: none;
  }
  .curve.highlight {
    stroke-width: 3.5;
  }
  .dim {
    opacity: 0.3;
  }
  .mark {
    fill: var(--_c);
    stroke: none;
  }
  .transit,
  .cursor circle {
    fill: var(--_chart-bg);
    stroke: var(--_c);
    stroke-width: 1.5;
  }
  .cursor circle {
    fill: var(--_c);
    stroke: var(--_chart-bg);
  }
  .cursor .moon-dot {
    fill: var(--_moon);
  }
  .curve-label,
  .cursor-label {
    fill: var(--_c, var(--_chart-text));
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
  .cursor line {
    stroke: var(--_chart-text);
    stroke-dasharray: 3 2;
  }
  .export-only {
    display: none;
  }
  .export-title,
  .legend-text {
    fill: var(--_chart-text);
    font-size: 11px;
  }
  .export-subtitle {
    fill: var(--_chart-muted);
    font-size: 10px;
  }
  .export-title {
    font-weight: 600;
    font-size: 12px;
  }
`;
