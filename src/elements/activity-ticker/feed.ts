import type { ReactiveController } from 'lit';
import { getClient } from '../../api/client.js';
import { ArcApiError } from '../../api/errors.js';
import type { Activity } from '../../api/records.js';
import type { ArcElement } from '../arc-element.js';
import { ArcLoadEvent } from '../../events.js';
import type { Arrivals } from './arrivals.js';
import { isFiltering, matches, type ActivityFilter } from './filters.js';

/** json.ts's test, repeated: importing that module would bring every field reader into the ticker's first load. */
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** The ticker needs the client at once (its first paint is a fetch), so it loads it statically. */
const clientOf = (h: ArcElement) => getClient(h.apiBase, h.organisationInForce);

/** What the feed reads from its element. */
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
/** Snapshot paging bounds: filtered feeds read back at most this many pages of this size. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/**
 * Ids remembered to recognise an activity already seen: enough for a snapshot's pages (≤ 1000) and the stream's
 * replay; the stream de-duplicates live frames itself. Past this, the set restarts from what is shown.
 */
const MAX_KNOWN = 2_000;

/**
 * The ticker's data: a REST snapshot (paged back until `limit` matching items), de-duplication, filters, the
 * limit, and the names behind site/telescope/instrument UUIDs (through the shared client's cache, so once per
 * page). What comes after the first snapshot (the live stream or refreshes, batching, pausing, announcements)
 * is `arrivals`, loaded as the feed starts, beside the snapshot: the first paint does not need it.
 */
export class ActivityFeed implements ReactiveController {
  /** Shown activities, newest first, at most `limit`. */
  items: Activity[] = [];
  /** Arrived while paused, newest first (at most `limit` kept); `heldCount` counts them all. */
  held: Activity[] = [];
  heldCount = 0;
  /** Size of the last announced batch, and a counter so equal batches still differ. */
  announced = { n: 0, seq: 0 };
  /** The live stream or refreshes of this run, once its code is in; null for a plain snapshot. */
  arrivals: Arrivals | null = null;
  /** The snapshot or configuration error to show; what was already shown stays. */
  error: ArcApiError | null = null;
  /** True until the run's first snapshot is in (or failed). */
  loading = false;
  /** When the last snapshot arrived (ms), for a snapshot-only feed's "updated …". */
  loadedAt: number | null = null;
  filter: ActivityFilter = {};
  /** UUID → display name ('' while unknown or when the lookup failed: then nothing is shown). */
  names = new Map<string, string>();
  /** Site UUID → IANA zone, for absolute times. */
  zones = new Map<string, string>();
  /** Bumped whenever a name or zone arrives, so rendered items that show them are redone. */
  version = 0;

  private key = '';
  private run: AbortController | null = null;
  private known = new Set<number>();

  constructor(
    readonly host: FeedHost,
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
    // A removed ticker still updates when a late answer arrives: it must not start (and subscribe) again until re-attached.
    if (key !== this.key && h.isConnected) {
      // A new configuration shows new data; a retry or a reconnect (key cleared) keeps what is shown meanwhile.
      if (this.key) {
        this.items = this.held = [];
        this.heldCount = 0;
      }
      this.key = key;
      void this.start();
    }
    // Resumed: what was held goes on top.
    if (!h.paused && this.heldCount) this.arrivals?.release();
  }

  /** Re-attached after a disconnect (which stopped everything): nothing else asks for an update, so ask here. */
  hostConnected(): void {
    if (this.host.hasUpdated) this.host.requestUpdate();
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
    this.arrivals?.stop();
    this.arrivals = null;
  }

  private async start() {
    this.stop();
    const run = (this.run = new AbortController());
    const h = this.host;
    // The stream and what follows the first snapshot are not part of the first paint: their code loads beside it.
    const follow = h.live || h.refresh ? import('./arrivals.js') : null;
    // Each run starts from its own snapshot, which covers everything the stream may replay to it.
    this.known = new Set();
    this.loading = true;
    this.error = null;
    try {
      this.filter = await this.resolveFilter(run.signal);
    } catch (e) {
      return this.fail(e, run);
    }
    if (run !== this.run) return;
    const following = follow?.then(
      ({ Arrivals }) => {
        if (run !== this.run) return;
        this.arrivals = new Arrivals(this, run);
        // Items held over from an earlier run may be due now that it can release them.
        h.requestUpdate();
      },
      (e: unknown) => e,
    );
    await this.snapshot(run, true);
    // A failure to load it is shown once the snapshot is in, so that the snapshot's success does not clear it.
    const failed = await following;
    if (failed) this.fail(failed, run);
  }

  /** Configuration checks, then site/telescope/instrument references resolved to UUIDs through the client. */
  private async resolveFilter(signal: AbortSignal): Promise<ActivityFilter> {
    const h = this.host;
    const invalid = (key: Parameters<typeof this.invalid>[0], value: unknown) => new ArcApiError('invalid-input', this.invalid(key, value));
    if (!(h.limit >= 1)) throw invalid('invalidLimit', h.limit);
    if (h.refresh != null && !(h.refresh >= 0)) throw invalid('invalidRefresh', h.refresh);
    let near = null;
    if (h.near?.trim()) {
      // The coordinate parser loads only for a ticker that has a cone.
      const { parseNear } = await import('./near.js');
      try {
        near = parseNear(h.near);
      } catch {
        throw invalid('invalidNear', h.near);
      }
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
   * is known). The first snapshot replaces the list; a refresh hands what is new to `arrivals`.
   */
  async snapshot(run: AbortController, first: boolean) {
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
        for (const a of found.slice(0, known < 0 ? found.length : known).reverse()) this.arrivals?.arrive(a);
      }
    } catch (e) {
      this.fail(e, run);
    }
    if (run !== this.run) return;
    this.loading = false;
    this.arrivals?.snapshotIn();
    if (first && !this.error) h.dispatchEvent(new ArcLoadEvent({ count: this.items.length }));
    h.requestUpdate();
  }

  /** True when the id was not known yet. */
  remember(id: number): boolean {
    if (this.known.has(id)) return false;
    if (this.known.size >= MAX_KNOWN) this.known = new Set([...this.items, ...this.held].map((a) => a.id));
    this.known.add(id);
    return true;
  }

  /** Names for the UUIDs of these activities; each UUID is asked once (the client shares and caches the answer). */
  lookup(list: Activity[]) {
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
