import { css } from 'lit';

/**
 * Shared host styles: the token cascade and theme palettes.
 * Global tokens (--arc-color-*, --arc-font-*) theme every element left on `theme="auto"`; an explicit
 * `theme` (light, dark, night) selects the built-in palette. Each element then maps these private
 * aliases (--_x) onto its own public properties (--arc-<element>-*). Every var() has a fallback.
 * `data-arc-theme` is the resolved theme (own attribute, else the provider's), set by ArcElement.
 */
export const hostStyles = css`
  :host {
    --_bg: var(--arc-color-bg, #ffffff);
    --_surface: var(--arc-color-surface, #f4f6f8);
    --_text: var(--arc-color-text, #1b1f24);
    --_muted: var(--arc-color-muted, #57606a);
    --_border: var(--arc-color-border, #d0d7de);
    --_accent: var(--arc-color-accent, #0a5cc2);
    --_accent-text: var(--arc-color-accent-text, #ffffff);
    --_danger: var(--arc-color-danger, #b42318);
    --_warning: var(--arc-color-warning, #8a5a00);
    --_success: var(--arc-color-success, #1a7f37);
    --_focus: var(--arc-color-focus, #0a5cc2);
    --_sky-day: var(--arc-color-sky-day, #cfe3f7);
    --_sky-civil: var(--arc-color-sky-civil, #9dbbe0);
    --_sky-nautical: var(--arc-color-sky-nautical, #5d7fb0);
    --_sky-astronomical: var(--arc-color-sky-astronomical, #2f4673);
    --_sky-night: var(--arc-color-sky-night, #141d33);
    --_font: var(--arc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_mono: var(--arc-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_radius: var(--arc-radius, 8px);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--arc-font-size, 14px);
    line-height: 1.4;
    text-align: start;
    letter-spacing: normal;
    font-weight: normal;
    font-style: normal;
    text-transform: none;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--arc-color-bg, #111418);
      --_surface: var(--arc-color-surface, #1b2027);
      --_text: var(--arc-color-text, #e6e8eb);
      --_muted: var(--arc-color-muted, #a3acb8);
      --_border: var(--arc-color-border, #3a424d);
      --_accent: var(--arc-color-accent, #79b0ff);
      --_accent-text: var(--arc-color-accent-text, #0b1320);
      --_danger: var(--arc-color-danger, #ff8a80);
      --_warning: var(--arc-color-warning, #f2c14e);
      --_success: var(--arc-color-success, #6fd08c);
      --_focus: var(--arc-color-focus, #79b0ff);
      --_sky-day: var(--arc-color-sky-day, #3b5577);
      --_sky-civil: var(--arc-color-sky-civil, #2c4263);
      --_sky-nautical: var(--arc-color-sky-nautical, #1f3050);
      --_sky-astronomical: var(--arc-color-sky-astronomical, #141f38);
      --_sky-night: var(--arc-color-sky-night, #0a0f1c);
    }
  }
  :host([data-arc-theme='light']) {
    --_bg: #ffffff;
    --_surface: #f4f6f8;
    --_text: #1b1f24;
    --_muted: #57606a;
    --_border: #d0d7de;
    --_accent: #0a5cc2;
    --_accent-text: #ffffff;
    --_danger: #b42318;
    --_warning: #8a5a00;
    --_success: #1a7f37;
    --_focus: #0a5cc2;
    --_sky-day: #cfe3f7;
    --_sky-civil: #9dbbe0;
    --_sky-nautical: #5d7fb0;
    --_sky-astronomical: #2f4673;
    --_sky-night: #141d33;
  }
  :host([data-arc-theme='dark']) {
    --_bg: #111418;
    --_surface: #1b2027;
    --_text: #e6e8eb;
    --_muted: #a3acb8;
    --_border: #3a424d;
    --_accent: #79b0ff;
    --_accent-text: #0b1320;
    --_danger: #ff8a80;
    --_warning: #f2c14e;
    --_success: #6fd08c;
    --_focus: #79b0ff;
    --_sky-day: #3b5577;
    --_sky-civil: #2c4263;
    --_sky-nautical: #1f3050;
    --_sky-astronomical: #141f38;
    --_sky-night: #0a0f1c;
  }
  /* Night: red on black, low luminance, for use at the telescope. Reds stay bright enough for 4.5:1 contrast on black. */
  :host([data-arc-theme='night']) {
    --_bg: #000000;
    --_surface: #140000;
    --_text: #ff6a5c;
    --_muted: #f03c2e;
    --_border: #5a0f0a;
    --_accent: #ff5040;
    --_accent-text: #000000;
    --_danger: #ff8a7a;
    --_warning: #ff7a50;
    --_success: #ff6a5c;
    --_focus: #ff5040;
    --_sky-day: #3a0a06;
    --_sky-civil: #2a0704;
    --_sky-nautical: #1c0503;
    --_sky-astronomical: #110302;
    --_sky-night: #000000;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.001ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.001ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** A readable message block for errors and empty states (`part="message"`). */
export const messageStyles = css`
  .arc-message {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .arc-message[data-kind='error'] {
    border-color: var(--_danger);
  }
  .arc-message[data-kind='error'] .arc-message__title {
    color: var(--_danger);
  }
  .arc-message__title {
    font-weight: 600;
  }
  .arc-message button {
    margin-inline-start: auto;
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.2em 0.7em;
  }
`;
