import { css } from 'lit';

/**
 * Public properties (--arc-night-card-*) map onto private ones (--_nc-*); each falls back to the shared theme
 * tokens of host.ts, so the card looks right with no theme loaded.
 */
export const nightCardStyles = css`
  :host {
    --_nc-bg: var(--arc-night-card-bg, var(--_bg));
    --_nc-text: var(--arc-night-card-text, var(--_text));
    --_nc-muted: var(--arc-night-card-muted, var(--_muted));
    --_nc-border: var(--arc-night-card-border, var(--_border));
    --_nc-accent: var(--arc-night-card-accent, var(--_accent));
    --_nc-radius: var(--arc-night-card-radius, var(--_radius, 8px));
    --_nc-pad: var(--arc-night-card-padding, 16px);
    --_nc-day: var(--arc-night-card-day, var(--_sky-day));
    --_nc-civil: var(--arc-night-card-civil, var(--_sky-civil));
    --_nc-nautical: var(--arc-night-card-nautical, var(--_sky-nautical));
    --_nc-astronomical: var(--arc-night-card-astronomical, var(--_sky-astronomical));
    --_nc-night: var(--arc-night-card-night, var(--_sky-night));
    --_nc-moon-up: var(--arc-night-card-moon-up, #c9b458);
    --_nc-moon-lit: var(--arc-night-card-moon-lit, #f3ecd2);
    --_nc-moon-dark: var(--arc-night-card-moon-dark, #2b3242);
    --_nc-cloud: var(--arc-night-card-cloud, #7d8794);
    --_nc-good: var(--arc-night-card-good, var(--_success));
    --_nc-fair: var(--arc-night-card-fair, var(--_warning));
    --_nc-poor: var(--arc-night-card-poor, var(--_danger));
    display: block;
    container-type: inline-size;
    min-width: 0;
  }
  :host([data-arc-theme='dark']) {
    --_nc-moon-up: var(--arc-night-card-moon-up, #d8c370);
    --_nc-moon-dark: var(--arc-night-card-moon-dark, #0d1018);
    --_nc-cloud: var(--arc-night-card-cloud, #c5cbd3);
  }
  @media (prefers-color-scheme: dark) {
    :host([data-arc-theme='auto']) {
      --_nc-moon-up: var(--arc-night-card-moon-up, #d8c370);
      --_nc-moon-dark: var(--arc-night-card-moon-dark, #0d1018);
      --_nc-cloud: var(--arc-night-card-cloud, #c5cbd3);
    }
  }
  /* Night: everything red and dim; the Moon and the score keep their shapes, not their colours. */
  :host([data-arc-theme='night']) {
    --_nc-moon-up: var(--arc-night-card-moon-up, #b3261e);
    --_nc-moon-lit: var(--arc-night-card-moon-lit, #ff6a5c);
    --_nc-moon-dark: var(--arc-night-card-moon-dark, #1a0000);
    --_nc-cloud: var(--arc-night-card-cloud, #ff6a5c);
    --_nc-good: var(--arc-night-card-good, #ff6a5c);
    --_nc-fair: var(--arc-night-card-fair, #c0392b);
    --_nc-poor: var(--arc-night-card-poor, #7a1a12);
  }

  .card {
    background: var(--_nc-bg);
    color: var(--_nc-text);
    border: 1px solid var(--_nc-border);
    border-radius: var(--_nc-radius);
    padding: var(--_nc-pad);
    display: flex;
    flex-direction: column;
    gap: 14px;
    min-width: 0;
  }
  .card.compact {
    --_nc-pad: var(--arc-night-card-padding, 12px);
    gap: 10px;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  .title {
    font-size: 1.2em;
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  .compact .title {
    font-size: 1.05em;
  }
  .header p {
    margin: 2px 0 0;
  }
  .subtitle {
    color: var(--_nc-text);
  }
  .coords,
  .zone,
  .muted,
  .none {
    color: var(--_nc-muted);
  }
  .zone {
    font-size: 0.88em;
  }
  .zone.derived {
    color: var(--_warning);
  }
  .small {
    font-size: 0.85em;
    margin: 6px 0 0;
  }
  .warn {
    color: var(--_warning);
  }
  .polar {
    margin: 0 0 6px;
    font-weight: 600;
    color: var(--_nc-text);
  }
  .compact .polar {
    margin: 0;
  }

  /* ── timeline ── */
  .timeline-figure {
    margin: 0;
  }
  .timeline {
    position: relative;
    display: grid;
    gap: 3px;
    font-size: 0.78em;
  }
  .row {
    display: grid;
    grid-template-columns: 4.4em 1fr;
    align-items: center;
    column-gap: 8px;
  }
  .compact .row {
    grid-template-columns: 1fr;
  }
  .row-label {
    color: var(--_nc-muted);
    text-align: end;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .track {
    position: relative;
    height: 12px;
  }
  .sky .track {
    height: 28px;
    border-radius: 4px;
    overflow: hidden;
    background: var(--_nc-day);
    box-shadow: 0 0 0 1px var(--_nc-border);
  }
  .compact .sky .track {
    height: 22px;
  }
  .moon-row .track {
    height: 8px;
  }
  .score-row .track {
    height: 22px;
    border-bottom: 1px solid var(--_nc-border);
  }
  .ticks .track {
    height: 1.3em;
  }
  .band,
  .moon-up,
  .cloud,
  .bar,
  .best-mark {
    position: absolute;
    top: 0;
    bottom: 0;
  }
  .band.day {
    background: var(--_nc-day);
  }
  .band.civil {
    background: var(--_nc-civil);
  }
  .band.nautical {
    background: var(--_nc-nautical);
  }
  .band.astronomical {
    background: var(--_nc-astronomical);
  }
  .band.night {
    background: var(--_nc-night);
  }
  .best-mark {
    top: auto;
    height: 4px;
    background: var(--_nc-good);
  }
  .moon-up {
    border-radius: 4px;
    background: var(--_nc-moon-up);
  }
  .cloud {
    background: var(--_nc-cloud);
  }
  .bar {
    top: auto;
    bottom: 0;
    border-inline: 1px solid var(--_nc-bg);
    border-radius: 2px 2px 0 0;
  }
  .bar.good,
  .chip.good {
    background: var(--_nc-good);
  }
  .bar.fair,
  .chip.fair {
    background: var(--_nc-fair);
  }
  .bar.poor,
  .chip.poor {
    background: var(--_nc-poor);
  }
  .tick {
    position: absolute;
    top: 0;
    transform: translateX(-50%);
    color: var(--_nc-muted);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .tick::before {
    content: '';
    position: absolute;
    left: 50%;
    top: -3px;
    height: 3px;
    border-left: 1px solid var(--_nc-border);
  }
  .now-layer {
    position: absolute;
    inset: 0 0 1.3em 0;
    display: grid;
    grid-template-columns: 4.4em 1fr;
    column-gap: 8px;
    pointer-events: none;
  }
  .compact .now-layer {
    grid-template-columns: 1fr;
  }
  .now-layer .track {
    grid-column: -2;
    height: auto;
  }
  .now {
    position: absolute;
    top: -3px;
    bottom: 0;
    width: 2px;
    margin-left: -1px;
    background: var(--_nc-accent);
    box-shadow: 0 0 0 1px var(--_nc-bg);
  }

  /* ── sections ── */
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(210px, 1fr));
    gap: 14px 20px;
  }
  .section {
    min-width: 0;
  }
  .section h3,
  .hourly-title {
    font-size: 0.78em;
    font-weight: 650;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_nc-muted);
    margin-bottom: 8px;
  }
  .current h4 {
    font-size: 0.9em;
    margin: 12px 0 4px;
  }
  .facts {
    margin: 0;
    display: grid;
    gap: 3px;
  }
  .fact {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 10px;
    padding: 2px 0;
    border-bottom: 1px dashed color-mix(in srgb, var(--_nc-border) 70%, transparent);
  }
  .fact:last-child {
    border-bottom: 0;
  }
  .fact dt {
    color: var(--_nc-muted);
    min-width: 0;
  }
  .fact dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .fact.stacked {
    flex-direction: column;
    align-items: stretch;
    gap: 0;
  }
  .fact.stacked dd {
    text-align: start;
    font-size: 1.15em;
  }
  .fact.strong dd {
    font-weight: 650;
  }
  .compact-facts .fact {
    flex-direction: column;
    align-items: stretch;
    gap: 1px;
    border-bottom: 0;
  }
  .compact-facts .fact dt {
    font-size: 0.78em;
    letter-spacing: 0.05em;
    text-transform: uppercase;
  }
  .compact-facts .fact dd {
    text-align: start;
    white-space: normal;
  }
  .compact-facts {
    gap: 8px;
  }
  .moon-head {
    display: flex;
    align-items: center;
    gap: 12px;
    margin-bottom: 8px;
  }
  .moon-name {
    font-weight: 650;
  }
  .moon-line {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .moon-disc {
    flex: none;
    display: block;
  }
  .moon-dark {
    fill: var(--_nc-moon-dark);
  }
  .moon-lit {
    fill: var(--_nc-moon-lit);
  }
  .moon-rim {
    fill: none;
    stroke: var(--_nc-border);
    stroke-width: 1;
  }

  /* ── loading ── */
  .skeleton {
    display: block;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_surface) 0%, var(--_nc-border) 50%, var(--_surface) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .skeleton.line {
    height: 0.9em;
    margin: 6px 0;
    width: 100%;
    max-width: 16em;
  }
  .title .skeleton.line {
    height: 1em;
    width: 12em;
    max-width: 70%;
  }
  .skeleton.line.short {
    width: 55%;
  }
  .skeleton.strip {
    height: 44px;
    max-width: none;
  }
  .skeleton.badge-skeleton {
    width: 6em;
    height: 3em;
    margin-bottom: 8px;
  }
  .skeleton-body {
    display: grid;
    gap: 14px;
  }
  .skeleton-grid {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 20px;
  }
  .skeleton-grid.one {
    grid-template-columns: 1fr;
    gap: 6px;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
`;
