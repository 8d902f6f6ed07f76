/**
 * Styles for what the lazy engine puts in the shadow root: Leaflet's chrome themed with the element's tokens, popups,
 * and the live objects (targets, pointings, bodies, selection). Adopted with Leaflet's own stylesheet when the
 * engine loads, so they cost nothing in the element's entry.
 */
export const engineCss = `
  /* Leaflet's chrome, themed. */
  .leaflet-container {
    background: var(--_sm-bg);
    font: inherit;
    font-size: 0.85em;
  }
  .leaflet-bar {
    border: 1px solid var(--_border) !important;
    box-shadow: none !important;
  }
  .leaflet-bar a,
  .leaflet-bar a:hover {
    background: var(--_sm-chrome-bg);
    color: var(--_text);
    border-bottom-color: var(--_border);
  }
  .leaflet-bar a:focus-visible,
  .leaflet-popup-close-button:focus-visible,
  .leaflet-control-attribution a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .leaflet-control-attribution {
    background: color-mix(in srgb, var(--_surface) 80%, transparent) !important;
    color: var(--_text) !important;
    font-size: 10px;
    line-height: 1.35;
    max-width: min(100%, 44em);
    white-space: normal;
  }
  .leaflet-control-attribution a {
    color: var(--_accent);
  }
  /* Narrow maps keep the credit to one line; the whole of it shows on hover or focus. */
  :host([data-size='narrow']) .leaflet-control-attribution {
    font-size: 9px;
    max-width: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  :host([data-size='narrow']) .leaflet-control-attribution:hover,
  :host([data-size='narrow']) .leaflet-control-attribution:focus-within {
    white-space: normal;
  }
  .leaflet-popup-content-wrapper,
  .leaflet-popup-tip {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 4px 18px rgb(0 0 0 / 0.35);
  }
  .leaflet-popup-content-wrapper {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .leaflet-popup-content {
    margin: 10px 14px;
    font-size: 13px;
    line-height: 1.4;
  }
  .leaflet-container a.leaflet-popup-close-button {
    color: var(--_muted);
    width: 28px;
    height: 28px;
    font-size: 20px;
    line-height: 28px;
  }
  .sm-popup__title {
    display: block;
    font-size: 1.05em;
    margin-bottom: 0.3em;
    padding-right: 1.2em;
  }
  .sm-popup__facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.1em 0.8em;
    margin: 0;
  }
  .sm-popup__facts dt {
    color: var(--_muted);
  }
  .sm-popup__facts dd {
    margin: 0;
    font-family: var(--_mono);
    font-variant-numeric: tabular-nums;
  }
  .sm-popup__note {
    margin: 0.4em 0 0;
    color: var(--_muted);
    font-size: 0.92em;
  }

  /* Live objects: zero-size div icons, drawn around their anchor. */
  .sm-target,
  .sm-live,
  .sm-body,
  .sm-selection {
    background: none;
    border: none;
  }
  .sm-target {
    --_target: var(--_sm-target);
    cursor: pointer;
  }
  .sm-target__ring {
    position: absolute;
    left: -9px;
    top: -9px;
    width: 18px;
    height: 18px;
    border: 2px solid var(--_target);
    border-radius: 50%;
    box-shadow: 0 0 0 1px rgb(0 0 0 / 0.5);
  }
  .sm-target__label,
  .sm-live__label,
  .sm-body__label {
    position: absolute;
    left: 12px;
    top: -9px;
    white-space: nowrap;
    font-size: 12px;
    font-weight: 600;
    color: var(--_target, var(--_sm-target));
    text-shadow: 0 0 3px var(--_sm-bg), 0 0 2px var(--_sm-bg);
    pointer-events: none;
  }
  .sm-target:focus-visible,
  .sm-live:focus-visible {
    outline: none;
  }
  .sm-target:focus-visible .sm-target__ring,
  .sm-live:focus-visible .sm-live__mark {
    outline: 2px solid var(--_focus);
    outline-offset: 3px;
  }
  .sm-target:hover .sm-target__ring {
    border-width: 3px;
  }
  .sm-live {
    cursor: pointer;
  }
  .sm-live__mark {
    position: absolute;
    left: -7px;
    top: -7px;
    width: 14px;
    height: 14px;
    transform: rotate(45deg);
    border: 2px solid var(--_sm-live);
    background: color-mix(in srgb, var(--_sm-live) 25%, transparent);
  }
  .sm-live--newest .sm-live__mark {
    left: -9px;
    top: -9px;
    width: 18px;
    height: 18px;
    border-width: 3px;
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_sm-live) 35%, transparent);
  }
  .sm-live__label {
    color: var(--_sm-live);
    left: 14px;
  }
  .sm-body__disc {
    position: absolute;
    left: -5px;
    top: -5px;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: #d9d2c0;
    box-shadow: 0 0 0 1px rgb(0 0 0 / 0.6);
  }
  .sm-body--sun .sm-body__disc {
    left: -8px;
    top: -8px;
    width: 16px;
    height: 16px;
    background: #ffd84a;
    box-shadow: 0 0 10px 3px rgb(255 200 60 / 0.6);
  }
  .sm-body--moon .sm-body__disc {
    left: -7px;
    top: -7px;
    width: 14px;
    height: 14px;
    background: #eef0f4;
  }
  .sm-body--mars .sm-body__disc {
    background: #f08a5d;
  }
  .sm-body--venus .sm-body__disc {
    background: #fff4d6;
  }
  .sm-body--jupiter .sm-body__disc {
    background: #f3d9b1;
  }
  .sm-body--saturn .sm-body__disc {
    background: #e8d08f;
  }
  .sm-body--uranus .sm-body__disc,
  .sm-body--neptune .sm-body__disc {
    background: #9fd8f0;
  }
  .sm-body__label {
    color: #e8e2cf;
    font-weight: 500;
    left: 10px;
  }
  :host([data-arc-theme='night']) .sm-body__disc {
    background: #ff5a48 !important;
    box-shadow: none !important;
  }
  :host([data-arc-theme='night']) .sm-body__label {
    color: #ff6a5c;
  }
  .sm-selection__ring {
    position: absolute;
    left: -16px;
    top: -16px;
    width: 32px;
    height: 32px;
    border: 2px dashed var(--_sm-selection);
    border-radius: 50%;
    box-shadow: 0 0 0 1px rgb(0 0 0 / 0.5);
  }
`;
