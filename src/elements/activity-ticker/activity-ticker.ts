import { html, nothing, render, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { formatDec, formatRA } from '../../api/format.js';
import type { Activity } from '../../api/records.js';
import { selectionContext, type SelectionSlice } from '../../context/keys.js';
import { ClockController } from '../../controllers/clock.js';
import { LocalizeController } from '../../controllers/localize.js';
import { ArcSelectEvent, ArcStatusEvent } from '../../events.js';
import { ticker } from '../../i18n/en.js';
import { ArcElement } from '../arc-element.js';
import { ActivityFeed } from './feed.js';
import { isFiltering } from './filters.js';
import { styles } from './activity-ticker.styles.js';

export type TickerLayout = 'list' | 'compact' | 'marquee';

/** `live="false"` (or `"0"`) turns the stream off; the bare attribute or any other value keeps it on. */
const onUnlessFalse = { fromAttribute: (v: string | null) => v !== 'false' && v !== '0' };

const MINUTE = 60_000;

/** An item's element, with the key of what it was last drawn from. */
type ItemElement = HTMLLIElement & { drawn?: string };

/**
 * What telescopes worldwide (or only yours) are observing, live: a REST snapshot, then the page's shared
 * live stream. Filters run on the client; names behind UUIDs come from cached, shared lookups.
 *
 * @summary Live feed of observing activities.
 * @tag arc-activity-ticker
 *
 * @csspart base - The whole widget.
 * @csspart status - The status bar: connection state, new-item count and pause button.
 * @csspart state - The connection state text.
 * @csspart new - The "5 new" button shown while paused.
 * @csspart pause - The pause/resume button.
 * @csspart list - The list of activities.
 * @csspart item - One activity.
 * @csspart target - The target name (a button that selects it, when it has coordinates).
 * @csspart time - The relative time (absolute time in its tooltip).
 * @csspart coords - The target's coordinates (list layout).
 * @csspart where - Telescope, instrument and site, or the satellite.
 * @csspart programme - The programme identifier, title and investigators (list layout).
 * @csspart link - A link of the activity (list layout).
 * @csspart message - Loading, empty and error messages.
 *
 * @cssprop --arc-activity-ticker-bg - Background.
 * @cssprop --arc-activity-ticker-text - Text colour.
 * @cssprop --arc-activity-ticker-muted - Secondary text (times, coordinates, programmes).
 * @cssprop --arc-activity-ticker-accent - Target names and links.
 * @cssprop --arc-activity-ticker-border - Separators and outline.
 * @cssprop --arc-activity-ticker-live - Colour of the live indicator.
 * @cssprop --arc-activity-ticker-selected - Background of the selected item.
 * @cssprop --arc-activity-ticker-max-height - Height beyond which the list scrolls (default: none).
 * @cssprop --arc-activity-ticker-speed - Marquee seconds per item (default 6s).
 *
 * @fires arc-activity - A new activity arrived (live or through a refresh); `detail.activity` is the record.
 * @fires arc-select - An item was selected (click or Enter): `detail.target = {name, ra, dec}`, `detail.activity`.
 * @fires arc-status - The connection state shown changed (`connecting`, `live`, `polling`, `offline`, `stale`; `paused` when the user pauses).
 * @fires arc-load - The first snapshot was shown; `detail.count` items.
 * @fires arc-error - A request or an attribute failed; the message is shown too.
 */
export class ArcActivityTicker extends ArcElement {
  static override styles = styles;

  /** `list` (default), `compact` (one line per item, for a narrow sidebar) or `marquee` (one moving line, for a page header). */
  @property({ reflect: true }) layout: TickerLayout = 'list';
  /** Most items shown (1–200); older ones drop off. The snapshot reads back until this many match the filters. */
  @property({ type: Number }) limit = 20;
  /** Follow the live stream (default). `live="false"` shows a snapshot only, refreshed every `refresh` seconds if set. */
  @property({ converter: onUnlessFalse }) live = true;
  /** With `live="false"`: seconds between snapshot refreshes (none by default). */
  @property({ type: Number }) refresh: number | null = null;
  /** Hold new items (they are counted, and shown on resume). The pause button sets it; the marquee stops moving. */
  @property({ type: Boolean, reflect: true }) paused = false;
  /** Keep only this telescope's activity: UUID or alias. */
  @property() telescope: string | null = null;
  /** Keep only this instrument's activity: UUID. */
  @property() instrument: string | null = null;
  /** Keep only activity of this satellite (name, case-insensitive), e.g. `Swift`. */
  @property() satellite: string | null = null;
  /** Keep only programmes whose identifier starts with this, e.g. `0110.C`. */
  @property() programme: string | null = null;
  /** Keep only targets whose name contains this text. */
  @property() target: string | null = null;
  /** Keep only targets within a cone: `"ra dec radius"`, degrees (RA and Dec also sexagesimal). */
  @property() near: string | null = null;
  /** Seconds without a live message after which the status says "no update for …" (default 600). */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter = 600;

  @consume({ context: selectionContext, subscribe: true })
  private selection?: SelectionSlice;
  /** Selected without a provider (with one, the shared selection says). */
  private selectedId: number | null = null;

  private t = new LocalizeController(this, 'ticker', ticker);
  private clock = new ClockController(this, MINUTE);
  private feed = new ActivityFeed(this, (key, value) => this.t.t(key, { value }));
  private lastState = '';
  /**
   * Item elements by activity id, for the list and the marquee's copy. Kept and moved, never rebuilt: an item
   * keeps its focus while others arrive, and one is redrawn only when something it shows changed.
   */
  private itemEls = [new Map<number, ItemElement>(), new Map<number, ItemElement>()];
  private viewKey = '';
  private layoutShown = 'list';
  private selectedShown: number | null | undefined = null;
  private said = ['', ''];
  private formats = new Map<string, unknown>();

  /** The activities shown, newest first. */
  get activities(): readonly Activity[] {
    return this.feed.items;
  }

  /** How many arrived while paused (shown on resume). */
  get newCount(): number {
    return this.feed.heldCount;
  }

  /**
   * The state the status bar shows: `connecting`, `live`, `polling`, `offline`, `stale`; without stream status (a
   * snapshot-only ticker, or before the stream's code is in) `snapshot` or `connecting`, and `offline` after a failure.
   */
  get state(): string {
    const s = this.feed.arrivals?.status;
    if (!s) return this.feed.error ? 'offline' : this.live ? 'connecting' : 'snapshot';
    return s.state === 'live' && this.feed.arrivals!.quiet > this.staleAfter * 1000 ? 'stale' : s.state;
  }

  /** Load a fresh snapshot (and reconnect), keeping what is shown until it arrives. */
  reload(): void {
    this.feed.retry();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const lists = this.renderRoot.querySelectorAll('ul.list');
    this.fill(lists[0], 0);
    this.fill(lists[1], 1);
    // Stream state changes are data lifecycle: announce them once each (pausing is reported by the button).
    const state = this.state;
    if (this.feed.arrivals?.status && state !== this.lastState) {
      this.lastState = state;
      this.fireStatus(state);
    }
  }

  private fireStatus(state: string) {
    const s = this.feed.arrivals?.status;
    this.dispatchEvent(new ArcStatusEvent({ state, lastMessageAt: s?.lastMessageAt ?? null, retryAt: s?.retryAt ?? null }));
  }

  private togglePause() {
    this.paused = !this.paused;
    this.fireStatus(this.paused ? 'paused' : this.state);
  }

  private select(a: Activity) {
    const c = a.coordinates;
    if (!c) return;
    this.selectedId = a.id;
    this.requestUpdate();
    this.dispatchEvent(
      new ArcSelectEvent({ target: { name: this.nameOf(a), ra: c.ra, dec: c.dec }, source: 'arc-activity-ticker', activity: a }),
    );
  }

  private activityAt(el: Element): Activity | undefined {
    const id = Number(el.closest('li')?.dataset.id);
    return this.feed.items.find((x) => x.id === id);
  }

  /** Clicks anywhere on an item select it, except on its links. */
  private onClick(e: Event) {
    const el = e.target as Element;
    const a = el.closest('a') ? undefined : this.activityAt(el);
    if (a) this.select(a);
  }

  /** The absolute time is formatted when a pointer reaches the item: a busy feed would format thousands nobody reads. */
  private onPointer(e: Event) {
    const el = e.target as Element;
    const time = el.closest('li')?.querySelector('time');
    const a = this.activityAt(el);
    if (time && a && !time.title) time.title = this.absolute(a.date ?? a.creationDate!, (a.siteUuid && this.feed.zones.get(a.siteUuid)) || undefined);
  }

  /** Arrow keys, Home and End move between the items' target buttons. */
  private onKey(e: KeyboardEvent) {
    const step = ({ ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 } as Record<string, number>)[e.key];
    if (!step && e.key !== 'Home' && e.key !== 'End') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('button[part~=target]')];
    const i = buttons.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : i + step;
    if (buttons[next]) {
      e.preventDefault();
      buttons[next].focus();
    }
  }

  private nameOf(a: Activity): string {
    const c = a.coordinates;
    return a.targetName || a.title || (c ? `${formatRA(c.ra)} ${formatDec(c.dec)}` : this.t.t('unnamed'));
  }

  /** "3 min ago" from the (possibly frozen) clock: minutes, then hours, then days. */
  private ago(at: Date): string {
    const s = (at.getTime() - this.clock.now().getTime()) / 1000;
    const a = Math.abs(s);
    if (a < 60) return this.t.t('justNow');
    const [v, unit]: [number, Intl.RelativeTimeFormatUnit] = a < 3600 ? [s / 60, 'minute'] : a < 86400 ? [s / 3600, 'hour'] : [s / 86400, 'day'];
    return this.format('r', () => new Intl.RelativeTimeFormat(this.t.locale, { numeric: 'auto', style: 'short' })).format(Math.round(v), unit);
  }

  /** Absolute time in the site's zone (else UTC), named. */
  private absolute(at: Date, zone = 'UTC'): string {
    const f = this.format(zone, () => new Intl.DateTimeFormat(this.t.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }));
    return this.t.t('observed', { time: `${f.format(at)} (${zone})` });
  }

  /** "40 sec" / "12 min" / "3 hr" for the stale notice. */
  private duration(ms: number): string {
    const m = ms / MINUTE;
    const [v, unit] = m < 1 ? [m * 60, 'second'] : m < 120 ? [m, 'minute'] : [m / 60, 'hour'];
    return new Intl.NumberFormat(this.t.locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }).format(v);
  }

  /** The live region's summary, formatted once per announcement (not on every render). */
  private spoken(): string {
    const { n, seq } = this.feed.announced;
    const key = seq + this.viewKey;
    if (this.said[0] !== key) this.said = [key, this.t.plural('announce', n)];
    return this.said[1];
  }

  /** Intl formatters are costly to build and a busy feed formats often: one per locale and kind. */
  private format<F>(kind: string, make: () => F): F {
    const key = this.t.locale + kind;
    if (!this.formats.has(key)) this.formats.set(key, make());
    return this.formats.get(key) as F;
  }

  private statusText(state: string): string {
    const s = this.feed.arrivals?.status;
    const t = this.t.t.bind(this.t);
    if (this.paused) return t('paused');
    if (state === 'snapshot') return this.feed.loadedAt ? t('updated', { time: this.ago(new Date(this.feed.loadedAt)) }) : this.t.t('loading');
    if (state === 'stale') return t('stale', { time: this.duration(this.feed.arrivals!.quiet) });
    if (state === 'connecting' && s?.retryAt) return t('reconnecting', { s: Math.max(0, Math.ceil((s.retryAt - Date.now()) / 1000)) });
    return t(state as 'live' | 'polling' | 'offline' | 'connecting');
  }

  protected override render() {
    const feed = this.feed;
    const items = feed.items;
    const state = this.state;
    const layout = (['compact', 'marquee'] as string[]).includes(this.layout) ? this.layout : 'list';
    const canPause = this.live || !!this.refresh;
    this.layoutShown = layout;
    this.selectedShown = this.selection ? (this.selection.selection.activity as Activity | undefined)?.id : this.selectedId;
    const n = feed.announced.n;
    // What every item's look depends on besides its own record: layout, names, the minute, the language.
    this.viewKey = [layout, feed.version, Math.floor(this.clock.now().getTime() / MINUTE), this.t.locale, this.t.t('observed')].join();
    return html`<div part="base" class="base ${layout}">
      <div part="status" class="status" data-state=${this.paused ? 'paused' : state}>
        <span class="dot" aria-hidden="true"></span><span part="state" class="state" title=${feed.arrivals?.status?.error?.message ?? nothing}>${this.statusText(state)}</span>
        ${feed.heldCount
          ? html`<button part="new" class="new" @click=${this.togglePause}>${this.t.plural('newCount', feed.heldCount)}</button>`
          : nothing}
        ${canPause
          ? html`<button part="pause" class="pause" @click=${this.togglePause}>
              <span class="icon" aria-hidden="true"></span><span class=${layout === 'marquee' ? 'visually-hidden' : ''}>${this.t.t(this.paused ? 'resume' : 'pause')}</span>
            </button>`
          : nothing}
      </div>
      ${feed.error
        ? html`<div part="message" class="arc-message" data-kind="error" role="alert">
            <span><span class="arc-message__title">${this.t.t('failed')}</span> ${feed.error.message}</span>
            <button @click=${() => feed.retry()}>${this.t.t('retry')}</button>
          </div>`
        : nothing}
      ${items.length
        ? html`<div class="viewport">
            <div class="track" style="--_n:${items.length}" @click=${this.onClick} @keydown=${this.onKey} @pointerover=${this.onPointer}>
              <ul part="list" class="list" role="list" aria-label=${this.t.t('label')}></ul>
              ${layout === 'marquee'
                ? // A second, hidden copy makes the loop seamless; its items are clickable but not focusable.
                  html`<ul class="list copy" aria-hidden="true"></ul>`
                : nothing}
            </div>
          </div>`
        : feed.error
          ? nothing
          : html`<p part="message" class="arc-message" role="status">${feed.loading ? this.t.t('loading') : this.t.t(isFiltering({ ...feed.filter, organisation: null }) ? 'emptyFiltered' : 'empty')}</p>`}
      <div class="visually-hidden" aria-live="polite">
        ${
          // Two templates in turn, so the same summary twice is new content and is spoken again.
          n ? (feed.announced.seq % 2 ? html`<span>${this.spoken()}</span>` : html`<p>${this.spoken()}</p>`) : nothing
        }
      </div>
    </div>`;
  }

  /**
   * The items of one list (`copy` 1: the marquee's), in the feed's order, after each render. Elements of items
   * still shown stay where they are (arrivals are inserted before them, dropped ones removed), so focus and
   * scroll position hold while the feed moves.
   */
  private fill(ul: Element | undefined, copy: number) {
    const old = this.itemEls[copy];
    const kept = new Map<number, ItemElement>();
    for (const a of ul ? this.feed.items : []) kept.set(a.id, this.draw(old.get(a.id) ?? document.createElement('li'), a, copy));
    for (const [id, li] of old) if (!kept.has(id)) li.remove();
    let next = ul?.firstChild ?? null;
    for (const li of kept.values()) {
      if (li === next) next = li.nextSibling;
      else ul!.insertBefore(li, next);
    }
    this.itemEls[copy] = kept;
  }

  /** Redraws an item only when something it shows changed: a busy feed draws only its new items. */
  private draw(li: ItemElement, a: Activity, copy: number): ItemElement {
    const selected = a.id === this.selectedShown;
    const key = this.viewKey + selected;
    if (li.drawn !== key) {
      li.drawn = key;
      li.className = selected ? 'item selected' : 'item';
      li.dataset.id = '' + a.id;
      li.setAttribute('part', 'item');
      this.view(li, a, this.layoutShown, selected, !!copy);
    }
    return li;
  }

  /** One item's content, and (one-line layouts) its tooltip with the details the line cannot hold. */
  private view(li: HTMLLIElement, a: Activity, layout: string, selected: boolean, copy: boolean) {
    const names = this.feed.names;
    const c = a.coordinates;
    const name = this.nameOf(a);
    // Relative to when it was reported (the feed's order); the tooltip (onPointer) says when it was observed, at the site.
    const at = a.creationDate ?? a.date;
    const where = [
      a.satellite,
      a.telescopeUuid && names.get(a.telescopeUuid),
      a.instrumentUuid && names.get(a.instrumentUuid),
      a.siteUuid && names.get(a.siteUuid),
    ]
      .filter(Boolean)
      .join(' · ');
    const coords = c ? `${formatRA(c.ra)} ${formatDec(c.dec)}` : '';
    const p = a.programme;
    const programme = p ? [p.identifier, p.title].filter(Boolean).join(' — ') : '';
    const people = p?.investigators.join(', ') ?? '';
    // Every URL in a record passed the API layer's safeHttpUrl when it was parsed (http and https only).
    const details = p?.fullDetailsUrl;
    const list = layout === 'list';
    if (list) li.removeAttribute('title');
    else li.title = [name, coords, where, programme, people].filter(Boolean).join('\n');
    const target = c && !copy
      ? html`<button part="target" class="target" dir="auto" title=${list ? name : nothing} aria-current=${selected ? 'true' : nothing}>${name}</button>`
      : html`<span part="target" class="target" dir="auto" title=${list ? name : nothing}>${name}</span>`;
    const time = at
      ? html`<time part="time" datetime=${at.toISOString()}>${this.ago(at)}</time>`
      : nothing;
    render(
      list
        ? html`<div class="row">${target}${time}</div>
          ${coords ? html`<div part="coords" class="coords">${coords}</div>` : nothing}
          ${where ? html`<div part="where" class="where" dir="auto" title=${where}>${where}</div>` : nothing}
          ${programme || people
            ? html`<div part="programme" class="programme" dir="auto" title=${[programme, people].filter(Boolean).join('\n')}>
                ${details && p?.identifier ? html`<a href=${details} target="_blank" rel="noopener noreferrer">${p.identifier}</a>` : p?.identifier}${p?.identifier && p.title ? ' — ' : ''}${p?.title}${programme && people ? ' · ' : ''}${people}
              </div>`
            : nothing}
          ${a.links.length
            ? html`<div class="links" role="group" aria-label=${this.t.t('links')}>
                ${a.links.map((l) => html`<a part="link" href=${l.url} target="_blank" rel="noopener noreferrer" dir="auto" title=${l.title}>${l.title}</a>`)}
              </div>`
            : nothing}`
        : html`${time}${target}${where ? html`<span part="where" class="where" dir="auto">${where}</span>` : nothing}`,
      li,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'arc-activity-ticker': ArcActivityTicker;
  }
}
