import { css } from 'lit';
import { hostStyles, messageStyles } from '../../styles/host.js';

export const styles = [
  hostStyles,
  messageStyles,
  css`
    :host {
      --_t-bg: var(--arc-activity-ticker-bg, var(--_bg));
      --_t-text: var(--arc-activity-ticker-text, var(--_text));
      --_t-muted: var(--arc-activity-ticker-muted, var(--_muted));
      --_t-accent: var(--arc-activity-ticker-accent, var(--_accent));
      --_t-border: var(--arc-activity-ticker-border, var(--_border));
      --_t-live: var(--arc-activity-ticker-live, var(--_success));
      --_t-selected: var(--arc-activity-ticker-selected, var(--_surface));
      /* The rounded box paints the background, so the page shows through its corners. */
      background: none;
      /* Important like the shared host colour it replaces (see styles/host.ts): page rules must not reach it. */
      color: var(--_t-text) !important;
    }
    .base {
      background: var(--_t-bg);
      border: 1px solid var(--_t-border);
      border-radius: var(--_radius, 8px);
      overflow: hidden;
    }
    button {
      background: none;
      border: 0;
      padding: 0;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 0.5em;
      padding: 0.35em 0.75em;
      border-bottom: 1px solid var(--_t-border);
      font-size: 0.86em;
      color: var(--_t-muted);
      white-space: nowrap;
    }
    .state {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .dot {
      flex: none;
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: var(--_warning, #8a5a00);
    }
    [data-state='live'] .dot {
      background: var(--_t-live);
      animation: pulse 2s ease-in-out infinite;
    }
    [data-state='offline'] .dot {
      background: var(--_danger, #b42318);
    }
    [data-state='snapshot'] .dot,
    [data-state='paused'] .dot {
      background: var(--_t-muted);
    }
    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }
    .new,
    .pause {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      border: 1px solid var(--_t-border);
      border-radius: 999px;
      padding: 0.1em 0.7em;
      color: var(--_t-text);
    }
    .new {
      background: var(--_t-accent);
      border-color: var(--_t-accent);
      color: var(--_accent-text, #fff);
      font-weight: 600;
    }
    .icon {
      width: 0.7em;
      height: 0.75em;
      border-inline: 0.22em solid currentColor;
    }
    :host([paused]) .icon {
      border: 0;
      background: currentColor;
      clip-path: polygon(0 0, 100% 50%, 0 100%);
    }
    .arc-message {
      margin: 0.6em;
    }
    .viewport {
      max-height: var(--arc-activity-ticker-max-height, none);
      overflow: auto;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      padding: 0.55em 0.75em;
      border-bottom: 1px solid var(--_t-border);
      min-width: 0;
    }
    .list .item {
      /* Off-screen items of a long list skip layout and paint. */
      content-visibility: auto;
      contain-intrinsic-block-size: auto 6em;
    }
    .compact .item {
      contain-intrinsic-block-size: auto 1.4em;
    }
    .marquee .item {
      content-visibility: visible;
    }
    .item:last-child {
      border-bottom: 0;
    }
    .item:has(.target[part]) {
      cursor: pointer;
    }
    .item.selected {
      background: var(--_t-selected);
      box-shadow: inset 3px 0 var(--_t-accent);
    }
    .row {
      display: flex;
      align-items: baseline;
      gap: 0.75em;
    }
    .target,
    .where,
    .coords,
    .programme,
    .links a {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .target {
      flex: 1;
      font-weight: 600;
      text-align: start;
      color: var(--_t-text);
    }
    button.target {
      color: var(--_t-accent);
    }
    button.target:hover {
      text-decoration: underline;
    }
    time {
      flex: none;
      font-size: 0.86em;
      color: var(--_t-muted);
      font-variant-numeric: tabular-nums;
    }
    .coords {
      font-family: var(--_mono);
      font-size: 0.84em;
      color: var(--_t-muted);
    }
    .programme {
      font-size: 0.86em;
      color: var(--_t-muted);
    }
    a {
      color: var(--_t-accent);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2em 0.9em;
      font-size: 0.86em;
    }
    .links a {
      max-width: 100%;
    }

    /* Compact: one line per item for a narrow sidebar; marquee items are one line too. */
    .compact .item,
    .marquee .item {
      display: flex;
      align-items: baseline;
      gap: 0.5em;
      white-space: nowrap;
    }
    .compact .item {
      padding: 0.35em 0.75em;
    }
    .compact time {
      min-width: 5.6em;
    }
    .compact .target {
      flex: 0 1 auto;
    }
    .compact .where,
    .marquee .where {
      flex: 1 1 0;
      color: var(--_t-muted);
      font-size: 0.86em;
    }

    /* Marquee: one moving line; stops on hover, focus and the pause button; still under reduced motion. */
    .marquee {
      display: flex;
      align-items: stretch;
    }
    .marquee .status {
      flex: none;
      border-bottom: 0;
      border-inline-end: 1px solid var(--_t-border);
    }
    .marquee .state {
      flex: none;
    }
    .marquee .pause {
      padding: 0.35em 0.5em;
    }
    .marquee .viewport,
    .marquee > .arc-message {
      flex: 1;
      min-width: 0;
      overflow: hidden;
    }
    .marquee > .arc-message {
      margin: 0.2em;
      padding: 0.2em 0.6em;
    }
    .marquee .track {
      display: flex;
      width: max-content;
      direction: ltr;
      animation: scroll calc(var(--_n, 10) * var(--arc-activity-ticker-speed, 6s)) linear infinite;
    }
    .marquee .list {
      display: flex;
    }
    .marquee .viewport:hover .track,
    .marquee .viewport:focus-within .track,
    :host([paused]) .track {
      animation-play-state: paused;
    }
    .marquee .item {
      padding: 0.35em 0.75em;
      border: 0;
      border-inline-end: 1px solid var(--_t-border);
    }
    .marquee .target {
      max-width: 22em;
    }
    .marquee .where {
      flex: none;
      max-width: 36em;
    }
    @keyframes scroll {
      to {
        transform: translateX(-50%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .marquee .track {
        animation: none;
      }
      .marquee .copy {
        display: none;
      }
      .marquee .viewport {
        overflow-x: auto;
      }
      [data-state='live'] .dot {
        animation: none;
      }
    }
  `,
];
