/**
 * The one HTTP client per API base on a page: in-flight de-duplication, a TTL cache, bounded retry with
 * backoff honouring Retry-After, timeouts, typed errors. Public endpoints only: never credentials or keys.
 * Helpers that only some elements need (site search, object names, weather) load their code on first use.
 */
import { ArcApiError, type ArcErrorDetails } from './errors.js';
import type { Activity, AstronomicalObject, Instrument, ObservingSite, Page, Telescope, WeatherCondition } from './records.js';

export const DEFAULT_API = 'https://api.arcsecond.io';

/** Sites, telescopes, instruments and objects change rarely: 6 h. */
export const RECORD_TTL = 216e5;
/** How long a 404 is remembered (on routes that are cached at all). */
const NOT_FOUND_TTL = 3e5;
/** A Retry-After longer than this (s) is not waited for: the caller gets `throttled` with `retryAfter`. */
const RETRY_AFTER_CAP = 60;
const MAX_CACHE_ENTRIES = 500;

export interface ClientOptions {
  api?: string;
  organisation?: string | null;
  /** Per attempt, milliseconds, body included. */
  timeout?: number;
  /** Extra attempts after the first, for network errors, 429 and 5xx. */
  retries?: number;
  backoffBase?: number;
  backoffMax?: number;
  fetch?: typeof fetch;
}

export interface GetOptions<T> {
  signal?: AbortSignal | null;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Cache successful results this long (ms); 0 (default) caches nothing. */
  ttl?: number;
  /** `org` prefixes `/<organisation>` when the client has one. */
  scope?: 'root' | 'org';
  /** Turns the JSON into the record; throws `invalid-response` on a wrong shape. */
  parse?: (json: unknown) => T;
  /** What is fetched, for messages: `Object “M42”` gives “Object “M42” not found.”. */
  label?: string;
}

interface Flight {
  promise: Promise<unknown>;
  ctrl: AbortController;
  refs: number;
}

type CacheEntry = { expires: number; value?: unknown; error?: ArcApiError };

const lookups = () => import('./lookups.js');

/**
 * Trimmed text; numbers become text; anything else ''. The same as json.ts's `text`, repeated here so the client's
 * chunk (loaded up front by the ticker) does not carry the record parsers' other field readers.
 */
const text = (v: unknown): string => (typeof v == 'string' ? v.trim() : typeof v == 'number' && isFinite(v) ? '' + v : '');

const fail = (code: ArcApiError['code'], message: string, details?: ArcErrorDetails) => new ArcApiError(code, message, details);

export const aborted = () => fail('aborted', 'The request was cancelled.');

/** Resolves after `ms`, or rejects `aborted` as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Seconds to wait: Retry-After as seconds or an HTTP date, else DRF's "Expected available in N seconds."
 * (cross-origin, Retry-After is only readable when the server exposes it).
 */
function retryAfter(header: string | null, detail: string): number | undefined {
  const h = (header || '').trim();
  const s = /^\d+(\.\d+)?$/.test(h) ? +h : (Date.parse(h) - Date.now()) / 1000;
  const m = /available in (\d+)/i.exec(detail);
  return isNaN(s) ? (m ? +m[1] : undefined) : Math.max(0, s);
}

function httpError(status: number, url: string, detail: string, wait: number | undefined, label = 'The requested record') {
  const details = { status, url, retryAfter: wait };
  const says = detail ? `: ${detail.replace(/\.$/, '')}.` : '.';
  if (status == 404) return fail('not-found', `${label} not found.`, details);
  if (status == 401 || status == 403) return fail('unauthorized', `${label} is not public (HTTP ${status}).`, details);
  if (status == 429)
    return fail('throttled', `Too many requests (HTTP 429). Try again ${wait === undefined ? 'in a moment' : `in ${Math.ceil(wait)} s`}.`, details);
  if (status == 300) return fail('invalid-input', `${label}: the name is ambiguous, several records match. Use a more precise name.`, details);
  if (status >= 500) return fail('server', `The server is busy (HTTP ${status})${says} Try again in a moment.`, details);
  return fail('invalid-input', `The server refused the request (HTTP ${status})${says}`, details);
}

/** Cache keys include the parser, so a raw `get` and a typed helper on one URL never share an entry. */
const parserIds = new WeakMap<object, number>();
let parsers = 0;
const parserId = (f?: object) => {
  if (f && !parserIds.has(f)) parserIds.set(f, ++parsers);
  return f ? parserIds.get(f) : 0;
};

/** `https://x/` → `https://x`; a relative base resolves against the page (a same-origin proxy); '' if unusable. */
export function normaliseApi(api: string | null | undefined): string {
  try {
    const url = new URL(text(api) || DEFAULT_API, globalThis.location?.href);
    return /^https?:$/.test(url.protocol) ? (url.origin + url.pathname).replace(/\/+$/, '') : '';
  } catch {
    return '';
  }
}

export class ArcClient {
  /** Normalised API base (no trailing slash), or '' when the given one was unusable. */
  readonly api: string;
  readonly organisation: string | null;
  timeout: number;
  retries: number;
  backoffBase: number;
  backoffMax: number;
  /** @internal The site list once `sites()` loaded it (lookups.ts); `site(uuid)` looks here first. */
  siteList: { sites: ObservingSite[]; expires: number } | null = null;
  private fetchImpl?: typeof globalThis.fetch;
  private configError: ArcApiError | null = null;
  private cache = new Map<string, CacheEntry>();
  private flights = new Map<string, Flight>();

  constructor({ api = DEFAULT_API, organisation, timeout = 15e3, retries = 3, backoffBase = 400, backoffMax = 8e3, fetch }: ClientOptions = {}) {
    this.timeout = timeout;
    this.retries = retries;
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
    this.fetchImpl = fetch;
    this.api = normaliseApi(api);
    const org = (this.organisation = text(organisation) || null);
    // A bad attribute must not throw inside a render: every request rejects with this instead.
    if (!this.api) this.configError = fail('invalid-input', `The API address “${api}” is not an http(s) URL.`);
    else if (org && !/^[\w.-]+$/.test(org)) this.configError = fail('invalid-input', `“${org}” is not a valid organisation name.`);
  }

  /** The absolute URL for a path (an absolute URL is kept as is) with query parameters. */
  url(path: string, { query, scope }: Pick<GetOptions<unknown>, 'query' | 'scope'> = {}): string {
    const org = scope == 'org' && this.organisation ? '/' + this.organisation : '';
    const url = new URL(/^https?:/i.test(path) ? path : this.api + org + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v != null) url.searchParams.set(k, '' + v);
    return url.href;
  }

  /** Drop every cached answer (requests in flight continue). */
  clearCache(): void {
    this.cache.clear();
    this.siteList = null;
  }

  /** GET JSON with the client's caching, de-duplication, retry and error mapping. */
  get<T = unknown>(path: string, opts: GetOptions<T> = {}): Promise<T> {
    const { signal, ttl = 0 } = opts;
    let url = '';
    try {
      url = this.url(path, opts);
    } catch {
      // Reported below: a bad path is the caller's input.
    }
    const refused = this.configError ?? (signal?.aborted ? aborted() : !url && fail('invalid-input', `“${path}” is not a valid API path.`));
    if (refused) return Promise.reject(refused);

    const key = `${url} ${parserId(opts.parse)}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.error ? Promise.reject(hit.error) : Promise.resolve(hit.value as T);

    let flight = this.flights.get(key);
    if (!flight) {
      const ctrl = new AbortController();
      const f: Flight = {
        ctrl,
        refs: 0,
        promise: this.load(url, ctrl.signal, opts).then(
          (value) => (ttl > 0 && this.remember(key, { expires: Date.now() + ttl, value }), value),
          (e: ArcApiError) => {
            if (ttl > 0 && e.code == 'not-found') this.remember(key, { expires: Date.now() + Math.min(ttl, NOT_FOUND_TTL), error: e });
            throw e;
          },
        ),
      };
      f.promise.finally(() => this.flights.get(key) == f && this.flights.delete(key)).catch(() => {});
      this.flights.set(key, (flight = f));
    }
    const f = flight;
    f.refs++;
    // Each caller waits on the shared request but may leave it; the request is aborted when every caller has left.
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const leave = () => {
        done = true;
        signal?.removeEventListener('abort', onAbort);
        return --f.refs;
      };
      const onAbort = () => {
        if (!leave() && this.flights.get(key) == f) {
          this.flights.delete(key);
          f.ctrl.abort();
        }
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      f.promise.then(
        (v) => done || (leave(), resolve(v as T)),
        (e) => done || (leave(), reject(e)),
      );
    });
  }

  private remember(key: string, entry: CacheEntry) {
    this.cache.delete(key);
    this.cache.set(key, entry);
    // A Map iterates oldest first: trim from the front.
    for (const k of this.cache.keys()) {
      if (this.cache.size <= MAX_CACHE_ENTRIES) break;
      this.cache.delete(k);
    }
  }

  /** Attempts with bounded retry: exponential backoff with full jitter, or the server's Retry-After. */
  private async load<T>(url: string, signal: AbortSignal, opts: GetOptions<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(url, signal, opts);
      } catch (e) {
        const err = e as ArcApiError;
        const wait = err.retryAfter;
        if (!/^(network|throttled|server)$/.test(err.code) || attempt >= this.retries || (wait ?? 0) > RETRY_AFTER_CAP) throw err;
        await sleep(wait === undefined ? Math.random() * Math.min(this.backoffMax, this.backoffBase * 2 ** attempt) : wait * 1000, signal);
      }
    }
  }

  private async attempt<T>(url: string, signal: AbortSignal, { parse, label }: GetOptions<T>): Promise<T> {
    const host = new URL(url).host;
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, this.timeout);
    const onAbort = () => ctrl.abort();
    signal.addEventListener('abort', onAbort);
    let res: Response;
    let body: string;
    try {
      res = await (this.fetchImpl ?? fetch)(url, { headers: { Accept: 'application/json' }, credentials: 'omit', mode: 'cors', signal: ctrl.signal });
      body = await res.text();
    } catch (cause) {
      throw timedOut
        ? fail('timeout', `${host} did not answer within ${this.timeout / 1000} s.`, { url, cause })
        : signal.aborted
          ? aborted()
          : fail('network', `Could not reach ${host}. Check the connection and the API address.`, { url, cause });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
    let json: unknown;
    let isJson = true;
    try {
      json = JSON.parse(body);
    } catch {
      isJson = false;
    }
    if (!res.ok) {
      // Any body: property reads on a non-object give undefined, so `text` gives ''.
      const o: { detail?: unknown; reason?: unknown } = Object(json);
      const detail = text(o.detail) || text(o.reason);
      throw httpError(res.status, url, detail, retryAfter(res.headers.get('Retry-After'), detail), label);
    }
    if (!isJson) throw fail('invalid-response', `${host} answered with something that is not JSON.`, { url, status: res.status });
    try {
      return parse ? parse(json) : (json as T);
    } catch (e) {
      throw Object.assign(e instanceof ArcApiError ? e : fail('invalid-response', `${host} sent an unexpected answer.`, { cause: e }), { url });
    }
  }

  // Site search, record lookups and weather live in modules loaded on first use (see lookups.ts).

  /** Every observing site (all pages of `/observingsites/`), fetched once and cached for 6 h. */
  sites(signal?: AbortSignal | null): Promise<ObservingSite[]> {
    return lookups().then((m) => m.loadSites(this, signal));
  }

  /** One site by UUID: from the loaded list when there is one, else `/observingsites/{uuid}/` (cached). */
  site(uuid: string, signal?: AbortSignal | null): Promise<ObservingSite> {
    return lookups().then((m) => m.site(this, uuid, signal));
  }

  /** A site by UUID, IAU code, name, nickname, acronym or alternate name (case- and accent-insensitive). */
  resolveSite(query: string, signal?: AbortSignal | null): Promise<ObservingSite> {
    return lookups().then((m) => m.resolveSite(this, query, signal));
  }

  /** A telescope by UUID or alias (cached). */
  telescope(uuidOrAlias: string, signal?: AbortSignal | null): Promise<Telescope> {
    return lookups().then((m) => m.telescope(this, uuidOrAlias, signal));
  }

  instrument(uuid: string, signal?: AbortSignal | null): Promise<Instrument> {
    return lookups().then((m) => m.instrument(this, uuid, signal));
  }

  /** An object by name through the API's name resolver; unknown → `not-found`, several matches → `invalid-input`. */
  object(name: string, signal?: AbortSignal | null): Promise<AstronomicalObject> {
    return lookups().then((m) => m.object(this, name, signal));
  }

  /** Latest weather record of a site (cached 10 min). */
  weather(siteUuid: string, signal?: AbortSignal | null): Promise<WeatherCondition> {
    return lookups().then((m) => m.weather(this, siteUuid, signal));
  }

  /** One page of activities, newest first (never cached). `scope: 'org'` (default) uses the organisation's route. */
  activitiesPage({ page = 1, pageSize = 20, signal, scope = 'org' }: { page?: number; pageSize?: number; signal?: AbortSignal | null; scope?: 'root' | 'org' } = {}): Promise<Page<Activity>> {
    const query = { page, page_size: pageSize };
    // Only the ticker and live pointings need the activity parser: it loads on first use, beside the request
    // (not before it, so the first page does not wait for it).
    return Promise.all([import('./parse.js'), this.get('/activities/', { signal, scope, query })]).then(([{ parseActivityPage }, json]) => {
      try {
        return parseActivityPage(json);
      } catch (e) {
        throw Object.assign(e as ArcApiError, { url: this.url('/activities/', { query, scope }) });
      }
    });
  }

  /** Activities newest first across pages, following `next` (on the base's origin only), at most `maxPages`. */
  async *activities(options: { pageSize?: number; maxPages?: number; signal?: AbortSignal | null } = {}): AsyncGenerator<Activity> {
    yield* (await lookups()).activities(this, options);
  }
}

const clients = new Map<string, ArcClient>();

/** The page's one shared client for this base and organisation. */
export function getClient(api: string = DEFAULT_API, organisation: string | null = null): ArcClient {
  const key = `${normaliseApi(api) || api} ${text(organisation)}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = new ArcClient({ api, organisation })));
  return client;
}
