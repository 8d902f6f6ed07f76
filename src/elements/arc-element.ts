import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  apiContext,
  clockContext,
  displayContext,
  siteContext,
  type ApiSettings,
  type ClockSettings,
  type DisplaySettings,
  type SiteSpec,
} from '../context/keys.js';
import { ArcErrorEvent, ArcLoadEvent } from '../events.js';
import type { ArcClient } from '../api/client.js';
import { toArcError, type ArcApiError } from '../api/errors.js';
import { defineOnce } from './define-once.js';

export const DEFAULT_API = 'https://api.arcsecond.io';

/** Parse a numeric attribute leniently: empty or absent → null, anything else → Number (NaN is kept for validation). */
const numberOrNull = {
  fromAttribute: (v: string | null) => (v === null || v.trim() === '' ? null : Number(v)),
  toAttribute: (v: number | null) => (v === null ? null : String(v)),
};

/** `tag` if Intl accepts it, else `en`. */
function validTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** How long an element inside a not-yet-defined `<arc-provider>` waits for it before connecting on its own settings. */
const PROVIDER_WAIT_MS = 5000;
const providerWaits = new WeakMap<Element, Promise<unknown>>();

/**
 * The CDN loader defines each tag when its code arrives, so an element may upgrade before the `<arc-provider>`
 * around it; its context requests would then go unheard and it would render (and fetch) without the provider's
 * settings. Until that provider has upgraded and rendered once (at most PROVIDER_WAIT_MS, in case its code never
 * comes), the element waits to connect. Null when there is nothing to wait for.
 */
function waitForProvider(el: Element): Promise<unknown> | null {
  const provider = el.closest('arc-provider:not(:defined)');
  if (!provider) return null;
  let wait = providerWaits.get(provider);
  if (!wait) {
    wait = new Promise((resolve) => {
      const timer = setTimeout(resolve, PROVIDER_WAIT_MS);
      void customElements
        .whenDefined('arc-provider')
        .then(() => (provider as LitElement).updateComplete)
        // A provider whose update threw has reported that itself; its elements go on regardless.
        .catch(() => {})
        .then(() => resolve(clearTimeout(timer)));
    });
    providerWaits.set(provider, wait);
  }
  return wait;
}

/**
 * Base of every arc-* element: the shared attributes (own attribute wins over the provider's),
 * theme resolution, language, the shared API client, and error/load events.
 */
export class ArcElement extends LitElement {
  /** API base URL; default https://api.arcsecond.io (a proxy also works). */
  @property() api: string | null = null;
  /** Organisation portal subdomain: requests go to <api>/<organisation>/… where the API has such routes. */
  @property() organisation: string | null = null;
  /** Observing site by UUID, IAU code or name (also nickname or alternate name). */
  @property() site: string | null = null;
  /** Site latitude in degrees (north positive), instead of `site`. */
  @property({ converter: numberOrNull }) latitude: number | null = null;
  /** Site longitude in degrees (east positive), instead of `site`. */
  @property({ converter: numberOrNull }) longitude: number | null = null;
  /** Site elevation in metres. */
  @property({ converter: numberOrNull }) elevation: number | null = null;
  /** IANA time zone of a site given by coordinates, e.g. `America/Santiago`. */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;
  /** The night to show: ISO date, local to the site. Default: tonight. */
  @property() date: string | null = null;
  /** Freeze the clock at this ISO instant (tests, stories, screenshots). */
  @property() now: string | null = null;
  /** `auto` (default: follows the page's tokens and prefers-color-scheme), `light`, `dark` or `night`. */
  @property() theme: string | null = null;
  /** UI language: `en`, `fr`, `es`, `de` or `zh` (any BCP 47 tag); default from the provider or the page. */
  @property({ reflect: true }) override lang!: string;

  @consume({ context: apiContext, subscribe: true })
  protected ctxApi?: ApiSettings;
  @consume({ context: siteContext, subscribe: true })
  protected ctxSite?: SiteSpec;
  @consume({ context: clockContext, subscribe: true })
  protected ctxClock?: ClockSettings;
  @consume({ context: displayContext, subscribe: true })
  protected ctxDisplay?: DisplaySettings;

  /** Define `tag` for this class; a second definition warns instead of throwing. */
  static define(tag: string): void {
    defineOnce(tag, this);
  }

  /** Set while the element waits for its provider to upgrade before connecting (see waitForProvider). */
  private providerWait: Promise<unknown> | null = null;

  override connectedCallback(): void {
    const wait = this.hasUpdated ? null : waitForProvider(this);
    if (!wait) return super.connectedCallback();
    // Controllers (the context consumers among them) connect, and the first update runs, once the provider is there.
    this.providerWait = wait;
    void wait.then(() => {
      if (this.providerWait !== wait) return;
      this.providerWait = null;
      if (this.isConnected) super.connectedCallback();
    });
  }

  override disconnectedCallback(): void {
    // Still waiting: nothing was connected, so there is nothing to disconnect.
    if (this.providerWait) this.providerWait = null;
    else super.disconnectedCallback();
  }

  /** API base in force: own attribute, then the provider's, then the public API. */
  get apiBase(): string {
    return (this.api || this.ctxApi?.api || DEFAULT_API).replace(/\/+$/, '');
  }

  /** Own `organisation` attribute (an empty one opts out of the provider's), else the provider's. */
  get organisationInForce(): string | null {
    if (this.organisation !== null) return this.organisation.trim() || null;
    return this.ctxApi?.organisation || null;
  }

  /**
   * The one shared client for this element's API base and organisation. Its code loads on first use, so an
   * element given only coordinates never downloads the HTTP layer.
   */
  async loadClient(): Promise<ArcClient> {
    const { getClient } = await import('../api/client.js');
    return getClient(this.apiBase, this.organisationInForce);
  }

  /** The site as given: own attributes win over the provider's as a whole (never mixed). */
  get siteSpec(): SiteSpec {
    const own = this.site != null || this.latitude != null || this.longitude != null;
    if (own || !this.ctxSite) {
      return {
        site: this.site,
        latitude: this.latitude,
        longitude: this.longitude,
        elevation: this.elevation,
        timeZone: this.timeZone,
      };
    }
    return this.ctxSite;
  }

  /** The night to show (own `date`, else the provider's), or null for tonight. */
  get dateInForce(): string | null {
    return this.date || this.ctxClock?.date || null;
  }

  /** Raw `now` in force (own, else the provider's). */
  get nowInForce(): string | null {
    return this.now || this.ctxClock?.now || null;
  }

  /** The frozen instant, or null for the real clock; an unparsable `now` is reported by the element and ignored here. */
  frozenNow(): Date | null {
    const raw = this.nowInForce;
    if (!raw) return null;
    const t = new Date(raw);
    return Number.isNaN(t.getTime()) ? null : t;
  }

  get themeInForce(): string {
    const t = this.theme || this.ctxDisplay?.theme || 'auto';
    return ['light', 'dark', 'night'].includes(t) ? t : 'auto';
  }

  /**
   * Language tag in force: own `lang`, provider, nearest ancestor (across shadow roots), page, browser. A `lang` that
   * is not a BCP 47 tag stands for an unknown language (as in HTML): English, since Intl would throw on it.
   */
  localeTag(): string {
    return validTag(this.rawLocaleTag());
  }

  private rawLocaleTag(): string {
    const own = this.getAttribute('lang');
    if (own) return own;
    if (this.ctxDisplay?.lang) return this.ctxDisplay.lang;
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang')) return node.getAttribute('lang')!;
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return (typeof navigator !== 'undefined' && navigator.language) || 'en';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const theme = this.themeInForce;
    if (this.getAttribute('data-arc-theme') !== theme) this.setAttribute('data-arc-theme', theme);
  }

  /** Report an error: fire `arc-error` and return the typed error for the element to show. */
  reportError(err: unknown): ArcApiError {
    const error = toArcError(err);
    if (error.code !== 'aborted') {
      this.dispatchEvent(new ArcErrorEvent({ code: error.code, message: error.message, cause: err }));
    }
    return error;
  }

  protected reportLoad(detail: Record<string, unknown> = {}): void {
    this.dispatchEvent(new ArcLoadEvent(detail));
  }
}
