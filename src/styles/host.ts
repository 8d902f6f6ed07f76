import { css, unsafeCSS } from 'lit';

/**
 * Shared host styles: the token cascade and theme palettes.
 * Global tokens (--arc-color-*, --arc-font-*) theme every element left on `theme="auto"`; an explicit
 * `theme` (light, dark, night) selects the built-in palette. Each element then maps these private
 * aliases (--_x) onto its own public properties (--arc-<element>-*). Every var() has a fallback.
 * `data-arc-theme` is the resolved theme (own attribute, else the provider's), set by ArcElement.
 */
type Palette = Record<string, string>;

// Token name (without --_) → light, dark, night values. Kept once here; the CSS below is generated from it.
const PALETTE: Record<string, [string, string, string]> = {
  bg: ['#ffffff', '#111418', '#000000'],
  surface: ['#f4f6f8', '#1b2027', '#140000'],
  text: ['#1b1f24', '#e6e8eb', '#ff6a5c'],
  muted: ['#57606a', '#a3acb8', '#f03c2e'],
  border: ['#d0d7de', '#3a424d', '#5a0f0a'],
  accent: ['#0a5cc2', '#79b0ff', '#ff5040'],
  'accent-text': ['#ffffff', '#0b1320', '#000000'],
  danger: ['#b42318', '#ff8a80', '#ff8a7a'],
  warning: ['#8a5a00', '#f2c14e', '#ff7a50'],
  success: ['#1a7f37', '#6fd08c', '#ff6a5c'],
  focus: ['#0a5cc2', '#79b0ff', '#ff5040'],
  'sky-day': ['#cfe3f7', '#3b5577', '#3a0a06'],
  'sky-civil': ['#9dbbe0', '#2c4263', '#2a0704'],
  'sky-nautical': ['#5d7fb0', '#1f3050', '#1c0503'],
  'sky-astronomical': ['#2f4673', '#141f38', '#110302'],
  'sky-night': ['#141d33', '#0a0f1c', '#000000'],
};

const palette = (i: number): Palette => Object.fromEntries(Object.entries(PALETTE).map(([k, v]) => [k, v[i]]));
/** `--_x: var(--arc-color-x, value)` (page tokens win) or `--_x: value` (explicit theme). */
const declarations = (p: Palette, tokens: boolean) =>
  Object.entries(p)
    .map(([k, v]) => `--_${k}:${tokens ? `var(--arc-color-${k},${v})` : v};`)
    .join('');

/**
 * Shared host styles: the token cascade and theme palettes.
 * Global tokens (--arc-color-*, --arc-font-*) theme every element left on `theme="auto"` (light or dark by
 * prefers-color-scheme); an explicit `theme` (light, dark, night) selects the built-in palette. Each element then
 * maps these private aliases (--_x) onto its own public properties (--arc-<element>-*). Every var() has a fallback.
 * `data-arc-theme` is the resolved theme (own attribute, else the provider's), set by ArcElement.
 * Night is red on black, low luminance, for use at the telescope; its reds stay bright enough for 4.5:1 on black.
 */
export const hostStyles = [
  unsafeCSS(
    `:host{${declarations(palette(0), true)}}` +
      `@media (prefers-color-scheme: dark){:host{${declarations(palette(1), true)}}}` +
      ['light', 'dark', 'night'].map((t, i) => `:host([data-arc-theme=${t}]){${declarations(palette(i), false)}}`).join(''),
  ),
  css`
    :host {
      --_font: var(--arc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
      --_mono: var(--arc-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
      --_radius: var(--arc-radius, 8px);
      display: block;
      background: var(--_bg);
      /*
       * Inherited text properties are reset with !important: page rules that match the host (* { color: … !important },
       * resets, a huge base font) would otherwise win over :host and flow into the shadow tree. An important :host
       * declaration beats an important page rule (the inner context wins). Theme with the --arc-* tokens instead.
       */
      box-sizing: border-box !important;
      color: var(--_text) !important;
      -webkit-text-fill-color: currentcolor !important;
      font-family: var(--_font) !important;
      font-size: var(--arc-font-size, 14px) !important;
      line-height: 1.4 !important;
      font-weight: normal !important;
      font-style: normal !important;
      font-variant: normal !important;
      font-stretch: normal !important;
      font-feature-settings: normal !important;
      font-variation-settings: normal !important;
      font-kerning: auto !important;
      font-size-adjust: none !important;
      text-align: start !important;
      text-indent: 0 !important;
      text-transform: none !important;
      text-shadow: none !important;
      letter-spacing: normal !important;
      word-spacing: normal !important;
      white-space: normal !important;
      word-break: normal !important;
      overflow-wrap: normal !important;
      hyphens: manual !important;
      cursor: auto !important;
      /* SVG paint is inherited too. */
      fill: initial !important;
      fill-opacity: initial !important;
      stroke: initial !important;
      stroke-width: initial !important;
      stroke-opacity: initial !important;
      stroke-dasharray: initial !important;
      stroke-linecap: initial !important;
      stroke-linejoin: initial !important;
      paint-order: initial !important;
      text-anchor: initial !important;
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
  `,
];

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
