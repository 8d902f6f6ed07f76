/**
 * The organisation portal (demo/index.html, as `npm start` serves it) loaded in a same-origin iframe, for the
 * end-to-end tests: web-test-runner rewrites its public API URLs to this run's emulator (plugin `arc-demo-pages`)
 * and it loads the CDN bundle from /dist/cdn/ (built by `npm test`, or `npm run build`).
 *
 * Everything that would reach a reader's console is collected in `problems`: uncaught errors, unhandled
 * rejections and console.error/console.warn calls inside the page.
 */
import { waitUntil } from '@open-wc/testing';
import type { ArcProvider } from '../../src/elements/provider/provider.js';
import type { ArcActivityTicker } from '../../src/elements/activity-ticker/activity-ticker.js';
import type { ArcSkyMap } from '../../src/elements/sky-map/sky-map.js';
import type { ArcNightCard } from '../../src/elements/night-card/night-card.js';
import type { ArcVisibilityChart } from '../../src/elements/visibility-chart/visibility-chart.js';

export const PORTAL_URL = '/demo/index.html';
export const ELEMENT_TAGS = ['arc-activity-ticker', 'arc-sky-map', 'arc-night-card', 'arc-visibility-chart'] as const;
/** The chart's targets as the portal page gives them. */
export const PORTAL_TARGETS = ['M42', 'NGC 253', 'Eta Carinae', '47 Tuc'];

export interface Portal {
  iframe: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  provider: ArcProvider;
  /** The page-wide marquee (worldwide activity). */
  marquee: ArcActivityTicker;
  /** The organisation's feed in the side column. */
  feed: ArcActivityTicker;
  map: ArcSkyMap;
  card: ArcNightCard;
  chart: ArcVisibilityChart;
  /** The four kinds of element, one of each (the feed stands for the tickers), and the marquee. */
  elements: HTMLElement[];
  /** Uncaught errors, unhandled rejections and console.error/warn output of the page, in order. */
  problems: string[];
  close(): void;
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value && typeof value === 'object' && 'message' in value) return String((value as { message: unknown }).message);
  return String(value);
}

/** Install the listeners on a window: errors, rejections and console output become `problems`. */
function watch(win: Window & typeof globalThis, problems: string[]) {
  win.addEventListener('error', (e: ErrorEvent) => problems.push(`uncaught error: ${e.message || describe(e.error)}`));
  win.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${describe(e.reason)}`));
  for (const level of ['error', 'warn'] as const) {
    const original = win.console[level].bind(win.console);
    win.console[level] = (...args: unknown[]) => {
      problems.push(`console.${level}: ${args.map(describe).join(' ')}`);
      original(...args);
    };
  }
}

/**
 * Resolve as soon as the iframe holds the portal's new document, still parsing: before the page's module scripts
 * (deferred, and fetched over the network) can run. Polled through a MessageChannel, which yields to the browser
 * without the 4 ms clamp of nested timers.
 */
function newDocument(iframe: HTMLIFrameElement): Promise<Document> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const started = performance.now();
    const check = () => {
      const doc = iframe.contentDocument;
      if (doc && new URL(doc.URL).pathname === PORTAL_URL) {
        channel.port1.close();
        if (doc.readyState === 'loading') resolve(doc);
        else reject(new Error(`The portal was already ${doc.readyState} when first seen: its early errors would be missed.`));
      } else if (performance.now() - started > 10_000) {
        channel.port1.close();
        reject(new Error(`The portal did not load in the iframe (still at ${doc?.URL}).`));
      } else channel.port2.postMessage(0);
    };
    channel.port1.onmessage = check;
    check();
  });
}

/**
 * Load the portal in a new iframe (width × height CSS pixels) and wait until its elements are defined. A fresh
 * iframe for every load, watched from the moment its document exists, so nothing the page reports is missed.
 */
export async function openPortal({ width = 1280, height = 1000 } = {}): Promise<Portal> {
  const iframe = document.createElement('iframe');
  iframe.title = 'Organisation portal';
  iframe.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  document.body.append(iframe);
  const problems: string[] = [];
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = PORTAL_URL;
  const doc = await newDocument(iframe);
  const win = doc.defaultView as Window & typeof globalThis;
  watch(win, problems);
  await loaded;
  await waitUntil(() => ELEMENT_TAGS.every((t) => win.customElements.get(t)) && win.customElements.get('arc-provider'), 'portal elements not defined', {
    timeout: 15_000,
  });
  const [marquee, feed] = [...doc.querySelectorAll('arc-activity-ticker')] as ArcActivityTicker[];
  const portal: Portal = {
    iframe,
    win,
    doc,
    provider: doc.querySelector('arc-provider') as ArcProvider,
    marquee,
    feed,
    map: doc.querySelector('arc-sky-map') as ArcSkyMap,
    card: doc.querySelector('arc-night-card') as ArcNightCard,
    chart: doc.querySelector('arc-visibility-chart') as ArcVisibilityChart,
    elements: [],
    problems,
    close: () => iframe.remove(),
  };
  portal.elements = [portal.marquee, portal.feed, portal.map, portal.card, portal.chart];
  return portal;
}

/** Whether a node sits inside a visually hidden box (the `visually-hidden` pattern: clipped to 1 px). */
function hiddenByClip(el: Element, win: Window, host: Element): boolean {
  for (let node: Element | null = el; node && node !== host; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const cs = win.getComputedStyle(node);
    if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return true;
    const rect = node.getBoundingClientRect();
    if ((cs.clip !== 'auto' || cs.clipPath !== 'none' || cs.overflow === 'hidden') && (rect.width <= 1 || rect.height <= 1)) return true;
  }
  return false;
}

/**
 * The text a reader can see in an element's shadow tree: text nodes with a real box that overlaps the host's box
 * and is not visually hidden, optionally only under `selector`.
 */
export function visibleText(el: Element, selector?: string): string {
  const root = el.shadowRoot;
  if (!root) return '';
  const doc = el.ownerDocument;
  const win = doc.defaultView!;
  const host = el.getBoundingClientRect();
  const scopes: Node[] = selector ? [...root.querySelectorAll(selector)] : [root];
  const range = doc.createRange();
  const parts: string[] = [];
  for (const scope of scopes) {
    const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent!.replace(/\s+/g, ' ').trim();
      if (!text || !n.parentElement) continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      if (r.right <= host.left || r.left >= host.right || r.bottom <= host.top || r.top >= host.bottom) continue;
      if (hiddenByClip(n.parentElement, win, el)) continue;
      parts.push(text);
    }
  }
  return parts.join(' ').trim();
}

/** Visible messages of an element that a screen reader is told about (role alert or status), with their text. */
export function messages(el: Element): { role: string; text: string; retry: HTMLButtonElement | null }[] {
  const root = el.shadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('[role=alert], [role=status]')]
    .map((m) => ({ role: m.getAttribute('role')!, text: visibleTextOf(el, m), retry: m.querySelector('button') }))
    .filter((m) => m.text);
}

function visibleTextOf(host: Element, node: Element): string {
  const saved = node.getAttribute('data-probe');
  node.setAttribute('data-probe', '');
  try {
    return visibleText(host, '[data-probe]');
  } finally {
    if (saved === null) node.removeAttribute('data-probe');
    else node.setAttribute('data-probe', saved);
  }
}

/** What each element shows as content when it works (data a reader came for, not chrome such as toolbars). */
export function contentOf(el: Element): string {
  switch (el.localName) {
    case 'arc-activity-ticker':
      return visibleText(el, 'li[part~=item]');
    case 'arc-visibility-chart': {
      const curves = el.shadowRoot?.querySelectorAll('svg[part~=chart] path.curve').length ?? 0;
      return curves ? `${curves} curves; ${visibleText(el, '[part~=legend]')}` : '';
    }
    case 'arc-night-card':
      return visibleText(el, '[part~=facts]');
    case 'arc-sky-map': {
      const map = el as ArcSkyMap;
      const painted = !!map.currentView && !!el.shadowRoot?.querySelector('.map canvas');
      return painted ? visibleText(el, '[part~=readout]') || 'sky drawn' : '';
    }
    default:
      return visibleText(el);
  }
}

/** A one-line account of what an element shows, for failure messages. */
export function stateOf(el: Element): string {
  const box = el.getBoundingClientRect();
  const content = contentOf(el);
  const msgs = messages(el).map((m) => `[${m.role}] ${m.text}`);
  return `<${el.localName}> ${Math.round(box.width)}×${Math.round(box.height)}: content “${content.slice(0, 120)}”; messages ${JSON.stringify(msgs)}`;
}

/**
 * The element shows something a reader can use: content, or a visible message announced as an alert or a status.
 * A blank box (nothing visible but chrome) is the failure this guards against.
 */
export function isReadable(el: Element): boolean {
  const box = el.getBoundingClientRect();
  if (box.width < 20 || box.height < 20) return false;
  return !!contentOf(el) || messages(el).length > 0;
}

/** Resolve after `ms` milliseconds. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
