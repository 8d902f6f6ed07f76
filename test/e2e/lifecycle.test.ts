/**
 * Connect/disconnect cycles leave nothing behind. Each element is appended and removed 100 times (a fresh node each
 * time, and the same node re-appended), mostly while its work is in flight, sometimes after it has loaded. Afterwards
 * there must be no open socket at the emulator, no live timer or animation frame created by our code (nor Leaflet's),
 * no clock timer, no Leaflet map, no listener of ours on window or document (and none added per cycle by anyone), and
 * — when the browser exposes `gc()` — no growth of the JS heap beyond a small bound.
 *
 * Timers, frames and listeners are counted by patching their functions before any element code is imported; each
 * handle is attributed to the code that created it (the first stack frame outside this file).
 *
 * The heap check needs `gc()` and precise heap figures: Chromium started with `--js-flags=--expose-gc
 * --enable-precise-memory-info`. With the runner's default flags neither is there, and only that check is left out.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

// ————————————————————————————————————————————— instrumentation (before any element code loads)

interface Handle {
  kind: string;
  origin: string;
}

const timers = new Map<number, Handle>();
const animationFrames = new Map<number, Handle>();
/** Listeners on window and document: target → "type capture" → listener → origin. */
const pageListeners = new Map<EventTarget, Map<string, Map<unknown, string>>>();
/** The same for every other target, while a test asks for it (it keeps the targets alive). */
const elementListeners = new Map<EventTarget, Map<string, Map<unknown, string>>>();
let trackElementListeners = false;

/** Who called: `src/…` for our code, `leaflet` for Leaflet, null for the test harness and this file. */
function origin(): string | null {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  for (const frame of frames) {
    const url = /(https?:\/\/[^\s)]+?):\d+:\d+\)?$/.exec(frame)?.[1];
    if (!url || url.includes('/test/e2e/lifecycle.test.ts')) continue;
    const path = new URL(url).pathname;
    if (path.startsWith('/src/')) return `${path}${frame.trim().startsWith('at ') ? ` (${frame.trim().slice(3).split(' (')[0]})` : ''}`;
    if (path.includes('/node_modules/leaflet/')) return `leaflet (${frame.trim().slice(3).split(' (')[0]})`;
    return null;
  }
  return null;
}

const native = {
  setTimeout: window.setTimeout.bind(window),
  setInterval: window.setInterval.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
  clearInterval: window.clearInterval.bind(window),
  requestAnimationFrame: window.requestAnimationFrame.bind(window),
  cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
  addEventListener: EventTarget.prototype.addEventListener,
  removeEventListener: EventTarget.prototype.removeEventListener,
};

window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
  const from = origin();
  let id = 0;
  const run = typeof handler === 'function' ? (...a: unknown[]) => (timers.delete(id), (handler as (...x: unknown[]) => void)(...a)) : handler;
  id = native.setTimeout(run, delay, ...args);
  if (from) timers.set(id, { kind: 'setTimeout', origin: from });
  return id;
}) as typeof window.setTimeout;
window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
  const from = origin();
  const id = native.setInterval(handler, delay, ...args);
  if (from) timers.set(id, { kind: 'setInterval', origin: from });
  return id;
}) as typeof window.setInterval;
// Timeouts and intervals share one pool of ids, and either clear function clears either.
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) timers.delete(id);
  native.clearTimeout(id);
}) as typeof window.clearTimeout;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) timers.delete(id);
  native.clearInterval(id);
}) as typeof window.clearInterval;
window.requestAnimationFrame = (callback: FrameRequestCallback) => {
  const from = origin();
  let id = 0;
  id = native.requestAnimationFrame((t) => {
    animationFrames.delete(id);
    callback(t);
  });
  if (from) animationFrames.set(id, { kind: 'requestAnimationFrame', origin: from });
  return id;
};
window.cancelAnimationFrame = (id: number) => {
  animationFrames.delete(id);
  native.cancelAnimationFrame(id);
};

const listenerKey = (type: string, options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
  `${type} ${typeof options === 'boolean' ? options : !!options?.capture}`;
EventTarget.prototype.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
  const page = this === window || this === document;
  if ((page || trackElementListeners) && listener) {
    const from = origin();
    if (from) {
      const registry = page ? pageListeners : elementListeners;
      const byKey = registry.get(this) ?? new Map();
      registry.set(this, byKey);
      const set = byKey.get(listenerKey(type, options)) ?? new Map();
      byKey.set(listenerKey(type, options), set);
      set.set(listener, from);
    }
  }
  return native.addEventListener.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
  (this === window || this === document ? pageListeners : elementListeners).get(this)?.get(listenerKey(type, options))?.delete(listener);
  return native.removeEventListener.call(this, type, listener, options);
};

const liveTimers = () => [...timers.values()].map((h) => `${h.kind} from ${h.origin}`);
const liveFrames = () => [...animationFrames.values()].map((h) => `${h.kind} from ${h.origin}`);
/** Live listeners (of our code or Leaflet) on nodes inside a shadow root. */
const listenersInside = (root: ShadowRoot) => {
  const out: string[] = [];
  for (const [target, byKey] of elementListeners) {
    if (!(target instanceof Node) || target.getRootNode() !== root) continue;
    for (const [key, set] of byKey) for (const from of set.values()) out.push(`${(target as Element).className || target.nodeName} ${key} from ${from}`);
  }
  return out;
};
const liveListeners = () => {
  const out: string[] = [];
  for (const [target, byKey] of pageListeners)
    for (const [key, set] of byKey) for (const from of set.values()) out.push(`${target === window ? 'window' : 'document'} ${key} from ${from}`);
  return out.sort();
};

// ————————————————————————————————————————————— the code under test, loaded after the patches

const PARANAL = 'Cerro Paranal Observatory';
const NOW = '2026-03-22T02:10:00Z';
const CYCLES = 100;

let activeClockTimers: () => number;
const liveMaps = new Set<object>();
/** gc() when the browser exposes it (Chromium with --js-flags=--expose-gc), for the heap check. */
const gc = (window as unknown as { gc?: () => void }).gc;

const frames = (n = 1) =>
  new Promise<void>((resolve) => {
    const step = (k: number) => (k ? native.requestAnimationFrame(() => step(k - 1)) : resolve());
    step(n);
  });
const sleep = (ms: number) => new Promise((r) => native.setTimeout(r, ms));

function make(tag: string, attributes: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

interface Subject {
  /** A new element, configured to start network work, sockets and timers as soon as it connects. */
  create(): HTMLElement;
  /** True once the element has fully loaded (data shown, live connection up where it has one). */
  loaded(el: HTMLElement): boolean;
}

const sr = (el: Element) => el.shadowRoot;
const SUBJECTS: Record<string, Subject> = {
  'arc-activity-ticker': {
    create: () => make('arc-activity-ticker', { api: emulatorUrl(), limit: '5' }),
    loaded: (el) => (el as unknown as { state: string; activities: unknown[] }).state === 'live' && (el as unknown as { activities: unknown[] }).activities.length > 0,
  },
  'arc-sky-map': {
    create: () =>
      make('arc-sky-map', { api: emulatorUrl(), now: NOW, live: '', center: 'Sirius', fov: '30', latitude: '-24.6', longitude: '-70.4', targets: 'M42; 83.8 -5.4', style: 'width: 400px' }),
    loaded: (el) => !!(el as unknown as { leafletMap: unknown }).leafletMap && !!sr(el)?.querySelector('.sm-target') && !!sr(el)?.querySelector('.pointing-list li[data-activity]'),
  },
  'arc-night-card': {
    create: () => make('arc-night-card', { api: emulatorUrl(), 'weather-api': emulatorUrl(), site: PARANAL }),
    loaded: (el) => !!sr(el)?.querySelector('table.hourly tbody tr'),
  },
  'arc-visibility-chart': {
    create: () => make('arc-visibility-chart', { api: emulatorUrl(), site: PARANAL, now: NOW, targets: 'M42; NGC 253; Vega' }),
    loaded: (el) => sr(el)?.querySelectorAll('path.curve').length === 3,
  },
  'arc-provider (with all four inside)': {
    create: () => {
      // No frozen `now`: the card shows tonight, which the forecast covers.
      const provider = make('arc-provider', { api: emulatorUrl(), site: PARANAL });
      provider.append(
        make('arc-activity-ticker', { limit: '3' }),
        make('arc-sky-map', { live: '', fov: '40', center: '84 -5', style: 'width: 300px' }),
        make('arc-night-card', { 'weather-api': emulatorUrl(), weather: 'open-meteo' }),
        make('arc-visibility-chart', { targets: 'M42' }),
      );
      return provider;
    },
    loaded: (provider) => {
      const [ticker, map, card, chart] = [...provider.children] as HTMLElement[];
      return SUBJECTS['arc-activity-ticker'].loaded(ticker) && !!(map as unknown as { leafletMap: unknown }).leafletMap && !!sr(card)?.querySelector('table.hourly') && !!sr(chart)?.querySelector('path.curve');
    },
  },
};

/** One connection: append, let it start (or finish) its work, remove. */
async function cycle(el: HTMLElement, subject: Subject, waitForLoad: boolean) {
  document.body.append(el);
  try {
    if (waitForLoad) await waitUntil(() => subject.loaded(el), `${el.tagName} did not load`, { timeout: 10_000 });
    // One frame: the first update has run, requests and subscriptions are in flight.
    else await frames(1);
  } finally {
    el.remove();
  }
}

async function settle() {
  // Aborted fetches reject and socket closes complete asynchronously; give them time, then let the emulator see it.
  await sleep(300);
  await waitUntil(async () => (await emulator.stats()).sockets.open === 0, 'sockets still open at the emulator', { timeout: 8000, interval: 100 });
  await sleep(200);
}

async function heapUsed(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await sleep(50);
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

describe('connect/disconnect cycles', function () {
  this.timeout(90_000);

  before(async () => {
    await emulator.reset();
    // (The feed stays stopped: the stream's backlog is enough to be live with data, and a growing feed would blur the
    // heap figures.)
    await Promise.all([import('../../src/entries/activity-ticker.js'), import('../../src/entries/sky-map.js'), import('../../src/entries/night-card.js'), import('../../src/entries/visibility-chart.js'), import('../../src/entries/provider.js')]);
    ({ activeClockTimers } = await import('../../src/controllers/clock.js'));
    // The same module the sky map imports lazily: every Leaflet map is created and removed through it.
    const { Map: LeafletMap } = await import('leaflet/dist/leaflet-src.esm.js');
    LeafletMap.addInitHook(function (this: object) {
      liveMaps.add(this);
    });
    const remove = LeafletMap.prototype.remove;
    LeafletMap.prototype.remove = function (this: import('leaflet').Map) {
      liveMaps.delete(this);
      return remove.call(this);
    };
  });
  /** Uncaught errors and rejections while elements come and go (an update of a removed element may throw). */
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(String(e.error ?? e.message));
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason?.stack ?? e.reason));
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(async () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    await emulator.reset();
  });
  beforeEach(() => {
    uncaught.length = 0;
  });

  for (const [name, subject] of Object.entries(SUBJECTS)) {
    it(`${name}: ${CYCLES} cycles leave no sockets, timers, frames, clocks, maps or page listeners`, async () => {
      // Warm up: lazily loaded code (Leaflet, weather, translations) and one-time page-wide listeners come first.
      const reused = subject.create();
      await cycle(reused, subject, true);
      await cycle(subject.create(), subject, true);
      await settle();
      const listenersBefore = liveListeners();
      const opened = (await emulator.stats()).sockets.opened;

      // Two halves, the heap measured after each (when gc() is exposed): caches fill in the first, a leak grows in both.
      const heap: number[] = [];
      for (let half = 0; half < 2; half++) {
        for (let i = 0; i < CYCLES / 2; i++) {
          // Every other cycle re-appends the same node: a re-attached element must start again and stop again cleanly.
          // The first two of each half wait until the element has loaded; the others remove it with its work in flight.
          await cycle(i % 2 ? reused : subject.create(), subject, i < 2);
        }
        if (gc) {
          await settle();
          heap.push(await heapUsed());
        }
      }
      await settle();

      const stats = await emulator.stats();
      expect(stats.sockets.open, 'open sockets').to.equal(0);
      if (name !== 'arc-night-card' && name !== 'arc-visibility-chart') {
        // The cycles really did open sockets (so closing them was tested).
        expect(stats.sockets.opened - opened, 'sockets opened during the cycles').to.be.greaterThan(0);
      }
      expect(liveTimers(), 'live timers').to.deep.equal([]);
      expect(liveFrames(), 'pending animation frames').to.deep.equal([]);
      expect(activeClockTimers(), 'clock timers').to.equal(0);
      expect(liveMaps.size, 'Leaflet maps').to.equal(0);
      const listeners = liveListeners();
      expect(listeners.filter((l) => l.includes(' from /src/')), 'our listeners on window/document').to.deep.equal([]);
      expect(listeners, 'listeners on window/document added during the cycles').to.deep.equal(listenersBefore);
      expect(reused.isConnected).to.equal(false);
      expect(uncaught, 'uncaught errors').to.deep.equal([]);

      if (gc) {
        // The second 50 connections: a leak of even a few KB per element shows; caches and compiled code are in already.
        const growth = heap[1] - heap[0];
        expect(growth, `JS heap growth over the last ${CYCLES / 2} connections (bytes)`).to.be.below(400_000);
      }
    });
  }

  it('an element removed while answers are on their way stays stopped when they arrive and it updates', async () => {
    // Every answer takes 700 ms: each element is removed once it has shown something, with more requests pending
    // (names behind UUIDs, targets, the forecast). What they trigger when they land must not start it again; nor
    // must an update of the removed element (a late answer or a property set by the page calls for one).
    const midway: Record<string, (el: HTMLElement) => boolean> = {
      'arc-activity-ticker': (el) => (el as unknown as { activities: unknown[] }).activities.length > 0,
      'arc-sky-map': (el) => !!(el as unknown as { leafletMap: unknown }).leafletMap,
      'arc-night-card': (el) => !!(el as unknown as { night: unknown }).night,
      'arc-visibility-chart': (el) => !!sr(el)?.querySelector('[part=title]'),
    };
    await emulator.latency(700);
    try {
      for (const [tag, started] of Object.entries(midway)) {
        // An API base no earlier test used (localhost for 127.0.0.1): nothing is in the client's cache, all is asked.
        const el = SUBJECTS[tag].create();
        el.setAttribute('api', emulatorUrl().replace('127.0.0.1', 'localhost'));
        document.body.append(el);
        await waitUntil(() => started(el), `${tag} started`, { timeout: 10_000 });
        el.remove();
        (el as unknown as { requestUpdate(): void }).requestUpdate();
      }
      await sleep(2000);
      await settle();
      expect((await emulator.stats()).sockets.open, 'open sockets').to.equal(0);
      expect(liveTimers(), 'live timers').to.deep.equal([]);
      expect(activeClockTimers(), 'clock timers').to.equal(0);
      expect(liveMaps.size, 'Leaflet maps').to.equal(0);
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
    } finally {
      await emulator.latency(0);
    }
  });

  it('a re-attached sky map keeps no listener of its earlier Leaflet maps', async () => {
    // Each attach builds a new Leaflet map in the same container; each removal must take all of that map's listeners
    // with it (one left behind keeps the whole old map reachable from the element).
    const map = SUBJECTS['arc-sky-map'].create();
    trackElementListeners = true;
    try {
      for (let i = 0; i < 10; i++) await cycle(map, SUBJECTS['arc-sky-map'], true);
      expect(listenersInside(map.shadowRoot!), 'listeners left inside the removed map').to.deep.equal([]);
    } finally {
      trackElementListeners = false;
      elementListeners.clear();
    }
  });

  it('counted what it claims to count (the instrumentation sees live handles)', async () => {
    const el = SUBJECTS['arc-activity-ticker'].create();
    document.body.append(el);
    await waitUntil(() => SUBJECTS['arc-activity-ticker'].loaded(el), 'ticker live', { timeout: 10_000 });
    const map = SUBJECTS['arc-sky-map'].create();
    document.body.append(map);
    await waitUntil(() => liveMaps.size === 1, 'map counted', { timeout: 10_000 });
    // The live ticker holds a clock timer and a socket; the map holds a Leaflet map and page listeners.
    expect(activeClockTimers()).to.be.greaterThan(0);
    expect(liveTimers().some((t) => t.includes('/src/controllers/clock.ts'))).to.equal(true);
    expect(liveListeners().some((l) => l.includes('leaflet'))).to.equal(true);
    expect((await emulator.stats()).sockets.open).to.equal(1);
    el.remove();
    map.remove();
    await settle();
    expect(liveMaps.size).to.equal(0);
    expect(liveTimers()).to.deep.equal([]);
  });
});
