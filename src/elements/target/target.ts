import { defineOnce } from '../define-once.js';

/**
 * One target for a visibility chart or a sky map, declared in HTML as a child element.
 * It renders nothing; its parent reads its attributes and watches them for changes.
 *
 * @summary A target (by name or coordinates) for its parent element.
 * @tag arc-target
 * @attr name - Object name resolved through the API (e.g. `M42`), or a label when `ra` and `dec` are given.
 * @attr ra - Right ascension: decimal degrees, or sexagesimal hours (`05:35:17.3`).
 * @attr dec - Declination: decimal or sexagesimal degrees (`-05:23:28`).
 * @attr label - Text to show instead of the name.
 * @attr color - CSS colour for this target's curve or marker.
 */
export class ArcTarget extends (typeof HTMLElement === 'undefined' ? (class {} as typeof HTMLElement) : HTMLElement) {
  static define(tag = 'arc-target'): void {
    defineOnce(tag, this);
  }

  connectedCallback(): void {
    // Hidden data element: keep it out of layout and of the accessibility tree.
    this.hidden = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'arc-target': ArcTarget;
  }
}
