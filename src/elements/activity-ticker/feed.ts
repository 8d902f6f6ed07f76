import type { ReactiveController } from 'lit';
import { getClient } from '../../api/client.js';
import { ArcApiError } from '../../api/errors.js';
import { LiveActivityStream, type StreamStatus } from '../../api/live.js';
import { isUuid } from '../../api/parse.js';
import type { Activity } from '../../api/records.js';
import { ClockController } from '../../controllers/clock.js';
import type { ArcElement } from '../arc-element.js';
import { ArcActivityEvent, ArcLoadEvent } from '../../events.js';
import { isFiltering, matches, parseNear, type ActivityFilter } from './filters.js';

/** What the feed reads from its element. */
/** The ticker needs the client at once (its first paint is a fetch), so it loads it statically. */
const clientOf = (h: ArcElement) => getClient(h.apiBase, h.organisationInForce);

export interface FeedHost extends ArcElement {
  limit: number;
  live: boolean;
  refresh: number | null;
  paused: boolean;
  telescope: string | null;
  instrument: string | null;
  satellite: string | null;
  programme: string | null;
  target: string | null;
  near: string | null;
}

export const MAX_LIMIT = 200;
/** Arrivals are gathered this long before one render: a busy feed costs a few renders a second, not one per item. */
const BATCH_MS = 250;
/** When a whole list's worth arrives within one batch, nobody can read it anyway: render once a second. */
const BUSY_BATCH_MS = 1_000;
/** The live region speaks at most this often; arrivals in between are summed into the next summary. */
const ANNOUNCE_MS = 5_000;
/** Snapshot paging bounds: filtered feeds read back at most this many pages of this size. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/**
 * Ids remembered to recognise an activity already seen: enough for a snapshot's pages (≤ 1000) and the stream's
 * replay; the stream de-duplicates live frames itself. Past this, the set restarts from what is shown.
 */
const MAX_KNOWN = 2_000;

/**
 * The ticker's data: a REST snapshot (paged back until `limit` matching items), then the page's shared
 * live stream; de-duplication, filters, the limit, pausing, batched renders and announcements, and the
 * names behind site/telescope/instrument UUIDs (through the shared client's cache, so once per page).
 */
export class ActivityFeed implements ReactiveController {
  /** Shown activities, newest first, at most `limit`. */
  items: Activity[] = [];
  /** Arrived while paused, newest first (at most `limit` kept); `heldCount` counts them all. */
  held: Activity[] = [];
  heldCount = 0;
  /** Stream status while live; null for a snapshot-only feed. */
  status: StreamStatus | null = null;
  /** When the live subscription started (for "no update for …" before the first message). */
  since = 0;
  /** The snapshot or configuration error to show; what was already shown stays. */
  error: ArcApiError | null = null;
  loading = false;
  /** When the last snapshot arrived (ms), for a snapshot-only feed's "updated …". */
  loadedAt: number | null = null;
  /** Size of the last announced batch, and a counter so equal batches still differ. */
  announced = { n: 0, seq: 0 };
  filter: ActivityFilter = {};
  /** UUID → display name ('' while unknown or when the lookup failed: then nothing is shown). */
  names = new Map<string, string>();
  /** Site UUID → IANA zone, for absolute times. */
  zones = new Map<string, string>();
  /** Bumped whenever a name or zone arrives, so rendered items that show them are redone. */
  version = 0;

  private key = '';
  private run: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Live arrivals held until the snapshot is in, so they are compared against it. */
  private early: Activity[] | null = null;
  private queue: Activity[] = [];
  private known = new Set<number>();
  private unannounced = 0;
  private lastAnnounce = 0;
  private batchTimer?: ReturnType<typeof setTimeout>;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  /** A one-second clock, attached only while a reconnect countdown is shown. */
  private seconds: ClockController | null = null;
  private wasPaused = false;
  private busy = false;

  constructor(
    private readonly host: FeedHost,
    /** Localised message for a bad attribute value. */
    private readonly invalid: (key: 'invalidLimit' | 'invalidRefresh' | 'invalidNear', value: unknown) => string,
  ) {
    host.addController(this);
  }

  get limit(): number {
    return Math.min(MAX_LIMIT, Math.floor(this.host.limit));
  }

  hostUpdate(): void {
    const h = this.host;
    const key = JSON.stringify([h.apiBase, h.organisationInForce, h.limit, h.live, h.refresh, h.site, h.telescope, h.instrument, h.satellite, h.programme, h.target, h.near]);
    if (key !== this.key) {
      // A new configuration shows new data; a retry or a reconnect (key cleared) keeps what is shown meanwhile.
      if (this.key) {
        this.items = this.held = [];
        this.heldCount = 0;
      }
      this.key = key;
      void this.start();
    }
    if (this.wasPaused && !h.paused) this.release();
    this.wasPaused = h.paused;
  }

  hostDisconnected(): void {
    this.stop();
    this.key = '';
  }

  /** Start again from a fresh snapshot (the retry button). */
  retry(): void {
    this.key = '';
    this.host.requestUpdate();
  }

  private stop() {
    this.run?.abort();
    this.run = null;
    this.unsubscribe?.();
    this.unsubscribe = this.early = null;
    this.queue = [];
    for (const t of [this.batchTimer, this.announceTimer, this.refreshTimer]) clearTimeout(t);
    this.batchTimer = this.announceTimer = this.refreshTimer = undefined;
    this.countdown(false);
  }

  private async start() {
    this.stop();
    const run = (this.run = new AbortController());
    const h = this.host;
    // Each run starts from its own snapshot, which covers everything the stream may replay to it.
    this.known = new Set();
    this.loading = true;
    this.error = null;
    this.status = null;
    try {
      this.filter = await this.resolveFilter(run.signal);
    } catch (e) {
      return this.fail(e, run);
    }
    if (run !== this.run) return;
    if (h.live) {
      // Subscribe before the snapshot so nothing published meanwhile is lost; compare once it is in.
      this.early = [];
      this.since = Date.now();
      this.unsubscribe = LiveActivityStream.for(h.apiBase).subscribe({
        activity: (a) => (this.early ? this.early.push(a) : this.arrive(a)),
        status: (s) => this.onStatus(s),
      });
    }
    await this.snapshot(run, true);
  }

  /** Configuration checks, then site/telescope/instrument references resolved to UUIDs through the client. */
  private async resolveFilter(signal: AbortSignal): Promise<ActivityFilter> {
    const h = this.host;
    const invalid = (key: Parameters<typeof this.invalid>[0], value: unknown) => new ArcApiError('invalid-input', this.invalid(key, value));
    if (!(h.limit >= 1)) throw invalid('invalidLimit', h.limit);
    if (h.refresh != null && !(h.refresh >= 0)) throw invalid('invalidRefresh', h.refresh);
    let near;
    try {
      near = h.near?.trim() ? parseNear(h.near) : null;
    } catch {
      throw invalid('invalidNear', h.near);
    }
    const c = clientOf(h);
    const ref = async (v: string | null, load: (v: string, s: AbortSignal) => Promise<{ uuid: string }>) => {
      const s = v?.trim();
      return !s ? null : isUuid(s) ? s.toLowerCase() : (await load(s, signal)).uuid.toLowerCase();
    };
    return {
      // The own `site` attribute only: a provider's site places the other elements, it does not narrow the feed.
      siteUuid: await ref(h.site, (v, s) => c.resolveSite(v, s)),
      telescopeUuid: await ref(h.telescope, (v, s) => c.telescope(v, s)),
      instrumentUuid: await ref(h.instrument, (v, s) => c.instrument(v, s)),
      satellite: h.satellite,
      programme: h.programme,
      target: h.target,
      near,
      organisation: h.organisationInForce,
    };
  }

  private fail(e: unknown, run: AbortController) {
    if (run !== this.run) return;
    const error = this.host.reportError(e);
    if (error.code !== 'aborted') this.error = error;
    this.loading = false;
    this.host.requestUpdate();
  }

  /**
   * Newest pages until `limit` matching activities (read whole pages, so every id the stream may replay
   * is known). The first snapshot replaces the list; a refresh adds what is new as arrivals.
   */
  private async snapshot(run: AbortController, first: boolean) {
    const h = this.host;
    const limit = this.limit;
    // The organisation route already scopes the snapshot; that filter is for the (global) live stream.
    const filter = { ...this.filter, organisation: null };
    const deep = isFiltering(filter);
    // At least the stream's replay window (20), so replayed activities are recognised as known.
    const pageSize = deep ? PAGE_SIZE : Math.max(20, Math.min(PAGE_SIZE, limit));
    const found: Activity[] = [];
    // Pages shift when activities arrive between two requests: skip what an earlier page gave.
    const seen = new Set<number>();
    try {
      for (let page = 1; page <= (deep ? MAX_PAGES : Math.ceil(limit / pageSize)); page++) {
        const p = await clientOf(h).activitiesPage({ page, pageSize, signal: run.signal });
        for (const a of p.results) {
          if (seen.has(a.id)) continue;
          seen.add(a.id);
          if (first) this.remember(a.id);
          if (matches(a, filter)) found.push(a);
        }
        if (found.length >= limit || !p.next) break;
      }
      if (run !== this.run) return;
      this.error = null;
      this.loadedAt = Date.now();
      if (first) {
        this.items = found.slice(0, limit);
        this.lookup(this.items);
      } else {
        // Newest first: what precedes the first activity already seen is new; the rest is older.
        const known = found.findIndex((a) => this.known.has(a.id));
        for (const a of found.slice(0, known < 0 ? found.length : known).reverse()) this.arrive(a);
      }
    } catch (e) {
      this.fail(e, run);
    }
    if (run !== this.run) return;
    this.loading = false;
    const early = this.early ?? [];
    this.early = null;
    for (const a of early) this.arrive(a);
    if (first && !this.error) h.dispatchEvent(new ArcLoadEvent({ count: this.items.length }));
    if (!h.live && h.refresh) this.refreshTimer = setTimeout(() => this.snapshot(run, false), h.refresh * 1000);
    h.requestUpdate();
  }

  /** True when the id was not known yet. */
  private remember(id: number): boolean {
    if (this.known.has(id)) return false;
    if (this.known.size >= MAX_KNOWN) this.known = new Set([...this.items, ...this.held].map((a) => a.id));
    this.known.add(id);
    return true;
  }

  /** A new activity (live, or found by a refresh): filter, announce as an event, and queue for the next batch. */
  private arrive(a: Activity) {
    if (!this.remember(a.id) || !matches(a, this.filter)) return;
    this.host.dispatchEvent(new ArcActivityEvent(a));
    this.queue.push(a);
    this.batchTimer ??= setTimeout(() => this.flush(), this.busy ? BUSY_BATCH_MS : BATCH_MS);
  }

  private flush() {
    this.batchTimer = undefined;
    const fresh = this.queue.reverse();
    this.queue = [];
    this.busy = fresh.length >= this.limit;
    if (this.host.paused) {
      this.held = [...fresh, ...this.held].slice(0, this.limit);
      this.heldCount += fresh.length;
      this.host.requestUpdate();
    } else this.show(fresh);
  }

  /** Resume: what was held goes on top. */
  private release() {
    const held = this.held;
    this.held = [];
    this.heldCount = 0;
    if (held.length) this.show(held);
  }

  private show(fresh: Activity[]) {
    this.items = [...fresh, ...this.items].slice(0, this.limit);
    this.lookup(fresh);
    this.unannounced += fresh.length;
    this.announce();
    this.host.requestUpdate();
  }

  private announce() {
    const wait = this.lastAnnounce + ANNOUNCE_MS - Date.now();
    if (!this.unannounced || this.announceTimer) return;
    if (wait > 0) {
      this.announceTimer = setTimeout(() => {
        this.announceTimer = undefined;
        this.announce();
      }, wait);
      return;
    }
    this.announced = { n: this.unannounced, seq: this.announced.seq + 1 };
    this.unannounced = 0;
    this.lastAnnounce = Date.now();
    this.host.requestUpdate();
  }

  private onStatus(s: StreamStatus) {
    const was = this.status;
    this.status = s;
    // Every frame updates lastMessageAt; that alone needs no render (the minute clock shows staleness).
    if (was?.state === s.state && was.retryAt === s.retryAt && was.error === s.error) return;
    this.countdown(s.retryAt !== null);
    this.host.requestUpdate();
  }

  /** Tick every second while a countdown shows, through the page's shared clock. */
  private countdown(on: boolean) {
    if (on && !this.seconds) this.seconds = new ClockController(this.host, 1000);
    else if (!on && this.seconds) {
      this.seconds.hostDisconnected();
      this.host.removeController(this.seconds);
      this.seconds = null;
    }
  }

  /** Names for the UUIDs of these activities; each UUID is asked once (the client shares and caches the answer). */
  private lookup(list: Activity[]) {
    const c = clientOf(this.host);
    const signal = this.run?.signal;
    const resolve = <R>(id: string | null, load: (id: string) => Promise<R>, name: (r: R) => string) => {
      if (!id || this.names.has(id)) return;
      this.names.set(id, '');
      load(id).then(
        (r) => {
          this.names.set(id, name(r));
          this.version++;
          this.host.requestUpdate();
        },
        // Cancelled: ask again next time. Unknown or failing: leave the name out rather than show a UUID.
        (e) => e?.code === 'aborted' && this.names.delete(id),
      );
    };
    for (const a of list) {
      resolve(a.siteUuid, (id) => c.site(id, signal), (s) => {
        if (s.timeZone) this.zones.set(s.uuid, s.timeZone);
        return s.name || s.acronym || '';
      });
      resolve(a.telescopeUuid, (id) => c.telescope(id, signal), (t) => t.name || t.acronym || '');
      resolve(a.instrumentUuid, (id) => c.instrument(id, signal), (i) => i.name || i.acronym || '');
    }
  }
}
