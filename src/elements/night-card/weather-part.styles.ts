import { css } from 'lit';

/** Styles of the weather part (score, hourly table, footer), adopted by the card when the part loads. */
export const weatherStyles = css`
  /* ── score ── */
  .score {
    display: flex;
    gap: 10px;
    flex-wrap: wrap;
    margin-bottom: 8px;
  }
  .score-compact {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }
  .badge {
    display: inline-grid;
    grid-template-columns: auto auto;
    grid-template-areas: 'label label' 'value rating';
    align-items: baseline;
    column-gap: 6px;
    padding: 4px 10px 6px;
    border-radius: var(--_nc-radius);
    border: 1px solid var(--_nc-border);
    border-inline-start: 4px solid var(--_nc-border);
    background: var(--_surface);
  }
  .badge.good {
    border-inline-start-color: var(--_nc-good);
  }
  .badge.fair {
    border-inline-start-color: var(--_nc-fair);
  }
  .badge.poor {
    border-inline-start-color: var(--_nc-poor);
  }
  .badge-label {
    grid-area: label;
    font-size: 0.75em;
    color: var(--_nc-muted);
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  .badge-value {
    grid-area: value;
    font-size: 1.6em;
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .compact .badge-value {
    font-size: 1.3em;
  }
  .badge-rating {
    grid-area: rating;
    color: var(--_nc-muted);
  }
  .best {
    min-width: 0;
  }
  .best-score {
    font-size: 0.8em;
    font-weight: normal;
    margin-inline-start: 6px;
  }
  .notice {
    margin: 0;
  }
  .weather-error {
    flex-wrap: wrap;
  }

  /* ── hourly table ── */
  .table-scroll {
    overflow-x: auto;
    border: 1px solid var(--_nc-border);
    border-radius: var(--_nc-radius);
  }
  .hourly {
    border-collapse: collapse;
    font-size: 0.82em;
    font-variant-numeric: tabular-nums;
    width: 100%;
  }
  .hourly th,
  .hourly td {
    padding: 3px 6px;
    text-align: center;
    white-space: nowrap;
  }
  .hourly thead th {
    color: var(--_nc-muted);
    font-weight: 600;
    border-bottom: 1px solid var(--_nc-border);
  }
  .hourly tbody th {
    text-align: start;
    color: var(--_nc-muted);
    font-weight: 500;
    position: sticky;
    left: 0;
    background: var(--_nc-bg);
  }
  .hourly tbody tr:nth-child(even) td,
  .hourly tbody tr:nth-child(even) th {
    background: color-mix(in srgb, var(--_surface) 70%, var(--_nc-bg));
  }
  .chip {
    display: inline-block;
    min-width: 2.2em;
    padding: 0 4px;
    border-radius: 999px;
    color: var(--_accent-text);
    font-weight: 650;
  }
  :host([data-arc-theme='night']) .chip {
    color: #000;
  }

  /* ── footer ── */
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    justify-content: space-between;
    align-items: baseline;
    font-size: 0.85em;
  }
  .attribution {
    margin: 0;
    color: var(--_nc-muted);
    font-size: 0.85em;
  }
  .footer .attribution {
    font-size: 1em;
  }
  a {
    color: var(--_nc-accent);
  }
  .how {
    color: var(--_nc-muted);
    max-width: 60ch;
  }
  .how summary {
    cursor: pointer;
    color: var(--_nc-accent);
  }
  .how p {
    margin: 6px 0 0;
  }
`;
