/**
 * One live activity feed per API base on the page, shared by every element: a WebSocket to
 * `/activities/live/`, re-synced through REST after every (re)connect so nothing is lost or doubled,
 * falling back to REST polling when the socket keeps failing.
 */
import { toArcError, ArcApiError } from './errors.js';
import { DEFAULT_API, getClient, normaliseApi, type ArcClient } from './client.js';
import { isObject, parseActivity } from './parse.js';
import type { Activity } from './records.js';

export type StreamState = 'connecting' | 'live' | 'polling' | 'offline';

export interface StreamStatus {
  state: StreamState;
  /** When the last activity frame arrived (ms since epoch). */
  lastMessageAt: number | null;
  /** When the next socket attempt is due (ms since epoch), for a countdown; null while live. */
  retryAt: number | null;
  /** Consecutive failed socket attempts. */
  attempt: number;
  error: ArcApiError | null;
}

export interface StreamListener {
  activity?(activity: Activity): void;
  status?(status: StreamStatus): void;
}

export interface StreamOptions {
  /** Client for the REST re-sync and polling (root `/activities/` of its base); default the page's shared one. */
  client?: ArcClient;
  /** Activities per REST page, and how many recent ones a new subscriber is replayed. Default 20. */
  pageSize?: number;
  /** Milliseconds between REST polls once the socket has failed `maxSocketFailures` times. Default 15 000. */
  pollInterval?: number;
  /** Consecutive socket failures before polling REST (the socket is still retried, every ~2 × backoffMax). Default 3. */
  maxSocketFailures?: number;
  /** First reconnect delay, doubled per failure up to `backoffMax` (ms, with jitter). Defaults 1 000 and 30 000. */
  backoffBase?: number;
  backoffMax?: number;
}

/** Ids remembered for de-duplication. */
const MAX_SEEN = 1000;
/** Pages read back by one re-sync before giving up on closing the gap. */
const MAX_SYNC_PAGES = 10;

const streams = new Map<string, LiveActivityStream>();

const initialStatus = (): StreamStatus => ({ state: 'connecting', lastMessageAt: null, retryAt: null, attempt: 0, error: null });

/** A listener's exception must not stop delivery to the others; report it asynchronously. */
function safely(call: () => void) {
  try {
    call();
  } catch (e) {
    setTimeout(() => {
      throw e;
    });
  }
}

/**
 * The page's live activity feed for one API base. `subscribe` opens it on the first subscriber and
 * `unsubscribe` closes the socket and every timer on the last. On the first connection the newest page
 * of activities is delivered (oldest first) as the starting backlog; later subscribers are replayed
 * the recent ones. Activities are delivered once each, in order.
 */
export class LiveActivityStream {
  /** The page's one stream for this base; options apply while it has no subscribers. */
  static for(api: string = DEFAULT_API, options: StreamOptions = {}): LiveActivityStream {
    const key = normaliseApi(api) || api;
    let stream = streams.get(key);
    if (!stream) streams.set(key, (stream = new LiveActivityStream(api, options)));
    else if (!stream.listeners.size) stream.configure(options);
    return stream;
  }

  /** Normalised API base ('' if unusable). */
  readonly api: string;
  /** Frames ignored because they were not JSON or not an activity. */
  badFrames = 0;
  private client!: ArcClient;
  private pageSize = 20;
  private pollInterval = 15_000;
  private maxSocketFailures = 3;
  private backoffBase = 1_000;
  private backoffMax = 30_000;
  private listeners = new Set<StreamListener>();
  private current = initialStatus();
  /** Set while subscribed; aborting it cancels the REST work of this run, and it tells stale callbacks apart. */
  private run: AbortController | null = null;
  private socket: WebSocket | null = null;
  private failures = 0;
  private polling = false;
  private restDown = false;
  private socketTimer?: ReturnType<typeof setTimeout>;
  private pollTimer?: ReturnType<typeof setTimeout>;
  /** id → order in which it was delivered; ids delivered before a re-sync starts mark where the gap ends. */
  private seen = new Map<number, number>();
  private seq = 0;
  private recent: Activity[] = [];
  /** Socket frames held while a re-sync runs, so missed activities come out before newer live ones. */
  private held: Activity[] | null = null;
  private syncing: Promise<void> | null = null;
  private again = false;

  private constructor(api: string, options: StreamOptions) {
    this.api = normaliseApi(api);
    this.configure(options);
  }

  private configure(o: StreamOptions) {
    this.client = o.client ?? getClient(this.api || DEFAULT_API);
    this.pageSize = o.pageSize ?? this.pageSize;
    this.pollInterval = o.pollInterval ?? this.pollInterval;
    this.maxSocketFailures = o.maxSocketFailures ?? this.maxSocketFailures;
    this.backoffBase = o.backoffBase ?? this.backoffBase;
    this.backoffMax = o.backoffMax ?? this.backoffMax;
  }

  get status(): StreamStatus {
    return { ...this.current };
  }

  /** Number of current subscribers. */
  get subscribers(): number {
    return this.listeners.size;
  }

  /** Start listening; the listener gets the current status at once and the recent activities replayed. */
  subscribe(listener: StreamListener): () => void {
    if (!this.listeners.has(listener)) {
      this.listeners.add(listener);
      safely(() => listener.status?.(this.status));
      for (const a of this.recent) safely(() => listener.activity?.(a));
      if (!this.run) this.start();
      // A subscriber arriving while the socket waits out a backoff (an element's Retry, a new widget) wants live
      // data now: try at once. A user's action, so no herd after a server restart.
      else if (!this.socket && typeof WebSocket !== 'undefined') {
        clearTimeout(this.socketTimer);
        this.connect();
      }
    }
    return () => {
      if (this.listeners.delete(listener) && !this.listeners.size) this.stop();
    };
  }

  private start() {
    this.run = new AbortController();
    this.failures = 0;
    if (typeof WebSocket === 'undefined') {
      // No sockets here (Node without a WebSocket global): REST polling only.
      this.polling = true;
      this.update();
      this.poll();
    } else this.connect();
  }

  private stop() {
    this.run?.abort();
    this.run = null;
    this.dropSocket();
    clearTimeout(this.socketTimer);
    clearTimeout(this.pollTimer);
    this.polling = this.restDown = this.again = false;
    this.syncing = this.held = null;
    this.seen.clear();
    this.seq = 0;
    this.recent = [];
    this.current = initialStatus();
  }

  private update(patch: Partial<StreamStatus> = {}) {
    const state: StreamState =
      this.socket?.readyState === 1 ? 'live' : this.polling ? (this.restDown ? 'offline' : 'polling') : 'connecting';
    this.current = { ...this.current, ...patch, state };
    for (const l of [...this.listeners]) safely(() => l.status?.(this.status));
  }

  private dropSocket() {
    const ws = this.socket;
    this.socket = null;
    if (ws) {
      // A closed socket can still deliver a frame or its close event: it must not reach a stopped stream.
      ws.onmessage = ws.onclose = null;
      ws.close();
    }
  }

  private connect() {
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${this.api.replace(/^http/, 'ws')}/activities/live/`);
    } catch (e) {
      return this.socketFailed(e);
    }
    this.socket = ws;
    this.update({ retryAt: null });
    ws.onopen = () => {
      this.failures = 0;
      this.polling = false;
      clearTimeout(this.pollTimer);
      this.update({ retryAt: null, attempt: 0, error: null });
      void this.sync();
    };
    ws.onmessage = (e) => this.frame(e.data);
    ws.onclose = (e) => {
      this.socket = null;
      this.socketFailed(e);
    };
  }

  /** Schedule the next socket attempt; after `maxSocketFailures` in a row, poll REST and retry slowly. */
  private socketFailed(cause: unknown) {
    this.failures++;
    const slow = this.failures >= this.maxSocketFailures;
    if (slow && !this.polling) {
      this.polling = true;
      this.poll();
    }
    const delay = slow ? this.backoffMax * 2 : Math.min(this.backoffMax, this.backoffBase * 2 ** (this.failures - 1));
    // Equal jitter: spread reconnects after a server restart, but never retry at once.
    const wait = delay / 2 + (Math.random() * delay) / 2;
    this.socketTimer = setTimeout(() => this.connect(), wait);
    this.update({
      retryAt: Date.now() + wait,
      attempt: this.failures,
      error: new ArcApiError('network', 'The live connection failed; retrying.', { url: this.api, cause }),
    });
  }

  private poll() {
    const run = this.run;
    void this.sync().then(() => {
      if (run === this.run && this.polling) this.pollTimer = setTimeout(() => this.poll(), this.pollInterval);
    });
  }

  private frame(data: unknown) {
    let activity: Activity;
    try {
      const msg: unknown = JSON.parse(String(data));
      // djangochannelsrestframework wraps records as {action, data, errors, response_status}.
      const wrapped = isObject(msg) && 'data' in msg && ('action' in msg || 'response_status' in msg);
      if (wrapped && msg.action && !/^create/i.test(String(msg.action))) return;
      activity = parseActivity(wrapped ? msg.data : msg);
    } catch {
      this.badFrames++;
      return;
    }
    this.update({ lastMessageAt: Date.now() });
    if (this.held) this.held.push(activity);
    else this.deliver(activity);
  }

  private deliver(a: Activity) {
    if (this.seen.has(a.id)) return;
    this.seen.set(a.id, ++this.seq);
    if (this.seen.size > MAX_SEEN) this.seen.delete(this.seen.keys().next().value!);
    this.recent.push(a);
    if (this.recent.length > this.pageSize) this.recent.shift();
    for (const l of [...this.listeners]) safely(() => l.activity?.(a));
  }

  /** Close the gap through REST; concurrent calls fold into one run that repeats once more. Never rejects. */
  private sync(): Promise<void> {
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    const run = this.run!;
    this.held ??= [];
    const job = (async () => {
      try {
        do {
          this.again = false;
          await this.catchUp(run.signal);
        } while (this.again && run === this.run);
        if (run === this.run && this.restDown) {
          this.restDown = false;
          this.update();
        }
      } catch (e) {
        const error = toArcError(e);
        if (run !== this.run || error.code === 'aborted') return;
        this.restDown = error.code !== 'invalid-response' && error.code !== 'invalid-input';
        this.update({ error });
      } finally {
        if (run === this.run) {
          const held = this.held ?? [];
          this.syncing = this.held = null;
          held.forEach((a) => this.deliver(a));
        }
      }
    })();
    return (this.syncing = job);
  }

  /** Newest first until an activity known before this run (or the first page on a fresh start); deliver the rest oldest first. */
  private async catchUp(signal: AbortSignal) {
    const knownUpTo = this.seq;
    const missed = new Map<number, Activity>();
    read: for (let page = 1; page <= MAX_SYNC_PAGES; page++) {
      const p = await this.client.activitiesPage({ page, pageSize: this.pageSize, signal, scope: 'root' });
      for (const a of p.results) {
        const order = this.seen.get(a.id);
        if (order !== undefined && order <= knownUpTo) break read;
        if (order === undefined) missed.set(a.id, a);
      }
      if (!knownUpTo || !p.next) break;
    }
    if (!signal.aborted) [...missed.values()].reverse().forEach((a) => this.deliver(a));
  }
}
