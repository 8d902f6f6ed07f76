/**
 * What reaches a ticker after its first snapshot: the page's shared live stream (or, with `live="false"`, the
 * periodic snapshot refreshes), batched into a few renders, held while paused, announced in summaries. None of
 * it is needed for the first paint, so the feed loads this module (and the stream's code) as it starts.
 */
import { LiveActivityStream, type StreamStatus } from '../../api/live.js';
import type { Activity } from '../../api/records.js';
import { ClockController } from '../../controllers/clock.js';
import { ArcActivityEvent } from '../../events.js';
import type { ActivityFeed } from './feed.js';
import { matches } from './filters.js';

/** Arrivals are gathered this long before one render: a busy feed costs a few renders a second, not one per item. */
const BATCH_MS = 250;
/** When a whole list's worth arrives within one batch, nobody can read it anyway: render once a second. */
const BUSY_BATCH_MS = 1_000;
/** The live region speaks at most this often; arrivals in between are summed into the next summary. */
const ANNOUNCE_MS = 5_000;

/** One run's arrivals; the feed makes a new one for each run and stops the old one. */
export class Arrivals {
  /** Stream status; null for a snapshot-only ticker. */
  status: StreamStatus | null = null;
  /** When the subscription started (for "no update for …" before the first message). */
  readonly since = Date.now();

  /** Live arrivals held until the snapshot is in, so they are compared against it. */
  private early: Activity[] = [];
  private queue: Activity[] = [];
  private unannounced = 0;
  private lastAnnounce = 0;
  private busy = false;
  private batchTimer?: ReturnType<typeof setTimeout>;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  /** A one-second clock, attached only while a reconnect countdown is shown. */
  private seconds: ClockController | null = null;
  private unsubscribe?: () => void;

  constructor(
    private readonly feed: ActivityFeed,
    private readonly run: AbortController,
  ) {
    const h = feed.host;
    if (h.live)
      this.unsubscribe = LiveActivityStream.for(h.apiBase).subscribe({
        activity: (a) => (feed.loading ? this.early.push(a) : this.arrive(a)),
        status: (s) => this.onStatus(s),
      });
    // Loaded after the first snapshot was in: nothing to wait for.
    if (!feed.loading) this.snapshotIn();
  }

  /** Milliseconds without a live message (since subscribing, before the first). */
  get quiet(): number {
    return Date.now() - (this.status?.lastMessageAt ?? this.since);
  }

  stop(): void {
    this.unsubscribe?.();
    for (const t of [this.batchTimer, this.announceTimer, this.refreshTimer]) clearTimeout(t);
    this.countdown(false);
  }

  /** A snapshot is in: what the stream sent meanwhile is compared with it, and the next refresh is due. */
  snapshotIn(): void {
    const { live, refresh } = this.feed.host;
    const early = this.early;
    this.early = [];
    for (const a of early) this.arrive(a);
    if (!live && refresh) this.refreshTimer = setTimeout(() => this.feed.snapshot(this.run, false), refresh * 1000);
  }

  /** A new activity (live, or found by a refresh): filter, announce as an event, and queue for the next batch. */
  arrive(a: Activity): void {
    const feed = this.feed;
    if (!feed.remember(a.id) || !matches(a, feed.filter)) return;
    feed.host.dispatchEvent(new ArcActivityEvent(a));
    this.queue.push(a);
    this.batchTimer ??= setTimeout(() => this.flush(), this.busy ? BUSY_BATCH_MS : BATCH_MS);
  }

  /** Resume: what was held goes on top. */
  release(): void {
    const feed = this.feed;
    const held = feed.held;
    feed.held = [];
    feed.heldCount = 0;
    if (held.length) this.show(held);
  }

  private flush() {
    const feed = this.feed;
    this.batchTimer = undefined;
    const fresh = this.queue.reverse();
    this.queue = [];
    this.busy = fresh.length >= feed.limit;
    if (feed.host.paused) {
      feed.held = [...fresh, ...feed.held].slice(0, feed.limit);
      feed.heldCount += fresh.length;
      feed.host.requestUpdate();
    } else this.show(fresh);
  }

  private show(fresh: Activity[]) {
    const feed = this.feed;
    feed.items = [...fresh, ...feed.items].slice(0, feed.limit);
    feed.lookup(fresh);
    this.unannounced += fresh.length;
    this.announce();
    feed.host.requestUpdate();
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
    this.feed.announced = { n: this.unannounced, seq: this.feed.announced.seq + 1 };
    this.unannounced = 0;
    this.lastAnnounce = Date.now();
    this.feed.host.requestUpdate();
  }

  private onStatus(s: StreamStatus) {
    const was = this.status;
    this.status = s;
    // Every frame updates lastMessageAt; that alone needs no render (the minute clock shows staleness).
    if (was?.state === s.state && was.retryAt === s.retryAt && was.error === s.error) return;
    this.countdown(s.retryAt !== null);
    this.feed.host.requestUpdate();
  }

  /** Tick every second while a countdown shows, through the page's shared clock. */
  private countdown(on: boolean) {
    const h = this.feed.host;
    if (on && !this.seconds) this.seconds = new ClockController(h, 1000);
    else if (!on && this.seconds) {
      this.seconds.hostDisconnected();
      h.removeController(this.seconds);
      this.seconds = null;
    }
  }
}
