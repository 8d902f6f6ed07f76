import { LitElement, html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import {
  apiContext,
  clockContext,
  displayContext,
  nightContext,
  selectionContext,
  siteContext,
  type ApiSettings,
  type ClockSettings,
  type DisplaySettings,
  type NightSlice,
  type ObservingWindow,
  type Selection,
  type SelectionSlice,
  type SiteSpec,
} from '../../context/keys.js';
import type { ArcSelectEvent } from '../../events.js';
import { defineOnce } from '../define-once.js';

const numberOrNull = {
  fromAttribute: (v: string | null) => (v === null || v.trim() === '' ? null : Number(v)),
};

/**
 * Shares one API, site, clock, theme, language and selection with every arc-* element inside it,
 * so the elements of a page act as one portal. It renders nothing of its own (`display: contents`).
 * An attribute set on an inner element wins over the provider's.
 *
 * @summary Optional shared context for arc-* elements.
 * @tag arc-provider
 * @slot - The elements that share this context.
 */
export class ArcProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** API base URL shared by the elements inside; default https://api.arcsecond.io. */
  @property() api: string | null = null;
  /** Organisation portal subdomain shared by the elements inside. */
  @property() organisation: string | null = null;
  /** Shared observing site (UUID, IAU code or name). */
  @property() site: string | null = null;
  /** Shared site latitude (degrees), instead of `site`. */
  @property({ converter: numberOrNull }) latitude: number | null = null;
  /** Shared site longitude (degrees, east positive), instead of `site`. */
  @property({ converter: numberOrNull }) longitude: number | null = null;
  /** Shared site elevation (metres). */
  @property({ converter: numberOrNull }) elevation: number | null = null;
  /** Shared IANA time zone for a site given by coordinates. */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;
  /** Shared night (ISO date local to the site); default tonight. */
  @property() date: string | null = null;
  /** Freeze the shared clock at this ISO instant. */
  @property() now: string | null = null;
  /** Theme for the elements inside: `auto`, `light`, `dark`, `night`. */
  @property() theme: string | null = null;
  /** Language for the elements inside (BCP 47 tag). Uses the provider's own `lang` attribute. */
  @property({ reflect: true }) override lang!: string;

  @provide({ context: apiContext }) protected apiSlice: ApiSettings = { api: null, organisation: null };
  @provide({ context: siteContext }) protected siteSlice: SiteSpec = {
    site: null,
    latitude: null,
    longitude: null,
    elevation: null,
    timeZone: null,
  };
  @provide({ context: clockContext }) protected clockSlice: ClockSettings = { date: null, now: null };
  @provide({ context: displayContext }) protected displaySlice: DisplaySettings = { theme: null, lang: null };
  @provide({ context: selectionContext }) protected selectionSlice: SelectionSlice = this.makeSelectionSlice({
    target: null,
    source: null,
  });
  @provide({ context: nightContext }) protected nightSlice: NightSlice = this.makeNightSlice(null);

  static define(tag = 'arc-provider'): void {
    defineOnce(tag, this);
  }

  /** The shared selection (a target and where it came from). Setting it updates every element inside. */
  get selection(): Selection {
    return this.selectionSlice.selection;
  }
  set selection(selection: Selection) {
    this.selectionSlice = this.makeSelectionSlice(selection ?? { target: null, source: null });
  }

  /** The best observing window published by a night card inside, if any. */
  get bestWindow(): ObservingWindow | null {
    return this.nightSlice.bestWindow;
  }

  private makeSelectionSlice(selection: Selection): SelectionSlice {
    return { selection, select: (next) => (this.selection = next) };
  }

  private makeNightSlice(bestWindow: ObservingWindow | null): NightSlice {
    return {
      bestWindow,
      publishBestWindow: (w) => {
        const cur = this.nightSlice.bestWindow;
        const same = cur && w && cur.from.getTime() === w.from.getTime() && cur.to.getTime() === w.to.getTime() && cur.score === w.score;
        if (!same && (cur || w)) this.nightSlice = this.makeNightSlice(w);
      },
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Selections made inside (a ticker item, a map marker, a chart legend) become the shared one.
    this.addEventListener('arc-select', this.onSelect);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('arc-select', this.onSelect);
    super.disconnectedCallback();
  }

  private onSelect = (e: ArcSelectEvent) => {
    const { target, source, ...extra } = e.detail;
    this.selection = { target, source, activity: extra.activity };
  };

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') || changed.has('organisation')) {
      this.apiSlice = { api: this.api, organisation: this.organisation };
    }
    if (['site', 'latitude', 'longitude', 'elevation', 'timeZone'].some((k) => changed.has(k))) {
      this.siteSlice = {
        site: this.site,
        latitude: this.latitude,
        longitude: this.longitude,
        elevation: this.elevation,
        timeZone: this.timeZone,
      };
    }
    if (changed.has('date') || changed.has('now')) this.clockSlice = { date: this.date, now: this.now };
    if (changed.has('theme') || changed.has('lang')) this.displaySlice = { theme: this.theme, lang: this.lang || null };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'arc-provider': ArcProvider;
  }
}
