import { css } from 'lit';
import { hostStyles, messageStyles } from '../../styles/host.js';

/**
 * The map's own tokens: public `--arc-sky-map-*` properties over private `--_sm-*` aliases. The sky stays dark in
 * every theme (a sky map is read like the sky); the night theme turns everything red and dim.
 */
const skyMapStyles = css`
  :host {
    --_sm-bg: var(--arc-sky-map-background, var(--_sky-night));
    --_sm-grid: var(--arc-sky-map-grid-color, rgba(150, 178, 226, 0.2));
    --_sm-grid-label: var(--arc-sky-map-grid-label-color, #b8c7e4);
    --_sm-lines: var(--arc-sky-map-line-color, rgba(122, 170, 255, 0.6));
    --_sm-boundaries: var(--arc-sky-map-boundary-color, rgba(170, 150, 230, 0.32));
    --_sm-names: var(--arc-sky-map-name-color, rgba(168, 196, 244, 0.85));
    --_sm-star-names: var(--arc-sky-map-star-name-color, rgba(236, 226, 200, 0.85));
    --_sm-ecliptic: var(--arc-sky-map-ecliptic-color, rgba(238, 196, 92, 0.6));
    --_sm-milky-way: var(--arc-sky-map-milky-way-color, #a9bde6);
    --_sm-star: var(--arc-sky-map-star-color, auto);
    --_sm-ground: var(--arc-sky-map-ground-color, rgba(14, 22, 12, 0.66));
    --_sm-horizon: var(--arc-sky-map-horizon-color, #93d38d);
    --_sm-meridian: var(--arc-sky-map-meridian-color, rgba(147, 211, 141, 0.55));
    --_sm-target: var(--arc-sky-map-target-color, #ffd166);
    --_sm-live: var(--arc-sky-map-live-color, #5fe0bd);
    --_sm-selection: var(--arc-sky-map-selection-color, #ff7ab6);
    --_sm-chrome-bg: color-mix(in srgb, var(--_surface) 92%, transparent);
    position: relative;
    border-radius: var(--_radius);
  }
  :host([data-arc-theme='night']) {
    --_sm-bg: var(--arc-sky-map-background, #000000);
    --_sm-grid: var(--arc-sky-map-grid-color, rgba(255, 64, 48, 0.22));
    --_sm-grid-label: var(--arc-sky-map-grid-label-color, #ff6a5c);
    --_sm-lines: var(--arc-sky-map-line-color, rgba(255, 70, 50, 0.55));
    --_sm-boundaries: var(--arc-sky-map-boundary-color, rgba(255, 60, 40, 0.28));
    --_sm-names: var(--arc-sky-map-name-color, rgba(255, 90, 70, 0.85));
    --_sm-star-names: var(--arc-sky-map-star-name-color, rgba(255, 110, 90, 0.85));
    --_sm-ecliptic: var(--arc-sky-map-ecliptic-color, rgba(255, 90, 40, 0.5));
    --_sm-milky-way: var(--arc-sky-map-milky-way-color, #ff3020);
    --_sm-star: var(--arc-sky-map-star-color, #ff5a48);
    --_sm-ground: var(--arc-sky-map-ground-color, rgba(30, 0, 0, 0.7));
    --_sm-horizon: var(--arc-sky-map-horizon-color, #ff5040);
    --_sm-meridian: var(--arc-sky-map-meridian-color, rgba(255, 80, 64, 0.5));
    --_sm-target: var(--arc-sky-map-target-color, #ff8a70);
    --_sm-live: var(--arc-sky-map-live-color, #ff6a5c);
    --_sm-selection: var(--arc-sky-map-selection-color, #ffb0a0);
  }

  .frame {
    container-type: inline-size;
    position: relative;
    border-radius: var(--_radius);
    overflow: hidden;
    border: 1px solid var(--_border);
    background: var(--_sm-bg);
  }
  .map {
    position: relative;
    width: 100%;
    height: var(--arc-sky-map-height, auto);
    aspect-ratio: var(--arc-sky-map-aspect-ratio, 2 / 1);
    min-height: 180px;
    background: var(--_sm-bg);
    font-family: var(--_font);
    outline: none;
  }
  .map:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -3px;
  }
  /* Toolbar over the map's top-right corner (Leaflet's zoom buttons sit top-left). */
  .toolbar {
    position: absolute;
    top: 8px;
    right: 8px;
    z-index: 1000;
    display: flex;
    gap: 6px;
    align-items: flex-start;
    max-width: calc(100% - 64px);
  }
  .toolbar button,
  .layers summary {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-height: 30px;
    padding: 0.25em 0.7em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_sm-chrome-bg);
    color: var(--_text);
    font-size: 0.9em;
    cursor: pointer;
    list-style: none;
    user-select: none;
  }
  .layers summary::-webkit-details-marker {
    display: none;
  }
  .layers summary::after {
    content: '';
    width: 0.45em;
    height: 0.45em;
    border-right: 1.5px solid currentColor;
    border-bottom: 1.5px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  .layers[open] summary::after {
    transform: translateY(25%) rotate(-135deg);
  }
  .layers {
    position: relative;
  }
  .layers fieldset {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    margin: 0;
    padding: 0.5em 0.75em;
    min-width: 14em;
    max-height: min(22em, 70vh);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.3);
  }
  .layers legend {
    position: absolute;
    clip: rect(0 0 0 0);
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .layers label {
    display: flex;
    gap: 0.5em;
    align-items: center;
    padding: 0.2em 0;
    white-space: nowrap;
    cursor: pointer;
  }
  .layers input {
    accent-color: var(--_accent);
    width: 1em;
    height: 1em;
    margin: 0;
  }
  .layers label[data-disabled] {
    color: var(--_muted);
  }

  .readout {
    position: absolute;
    left: 8px;
    bottom: 8px;
    z-index: 800;
    max-width: calc(100% - 16px);
    padding: 0.15em 0.55em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_sm-chrome-bg);
    color: var(--_text);
    font-family: var(--_mono);
    font-size: 0.78em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    pointer-events: none;
  }
  .readout:empty {
    display: none;
  }
  /* A container query, not the size class: the map's height must not change in answer to a resize notification. */
  @container (max-width: 419px) {
    .map {
      aspect-ratio: var(--arc-sky-map-aspect-ratio, 4 / 3);
    }
  }
  :host([data-size='narrow']) .readout {
    bottom: 22px;
    font-size: 0.7em;
  }
  :host([data-size='narrow']) .toolbar {
    top: 6px;
    right: 6px;
    gap: 4px;
  }
  :host([data-size='narrow']) .toolbar button,
  :host([data-size='narrow']) .layers summary {
    min-height: 26px;
    padding: 0.15em 0.5em;
    font-size: 0.8em;
  }

  .messages {
    position: absolute;
    left: 52px;
    right: 8px;
    top: 46px;
    z-index: 1001;
    display: grid;
    gap: 6px;
    justify-items: end;
    pointer-events: none;
  }
  .messages .arc-message {
    pointer-events: auto;
    max-width: min(34em, 100%);
    font-size: 0.88em;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
  }
  :host([data-size='narrow']) .messages {
    left: 8px;
    top: auto;
    bottom: 8px;
  }
  .loading {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: var(--_sm-grid-label);
    font-size: 0.95em;
    pointer-events: none;
  }

`;

export const styles = [hostStyles, messageStyles, skyMapStyles];
