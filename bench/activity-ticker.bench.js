// <arc-activity-ticker> under load, from the CDN build against the emulator (set up by bench/run.mjs):
//  1. 200 activities a second for 10 s into one ticker with limit=50: longest task, DOM size, delivery.
//  2. Pushed on (as fast as the emulator takes them) to 20 000 activities: JS heap after GC at 5 000 and at 20 000.
//  3. 20 tickers on one page (a fresh API base): sockets opened and requests per distinct UUID.
// Activities travel the real path: emulator socket → shared LiveActivityStream → parser → ticker. They are
// copies of the emulator's own generated records with fresh ids, sent as raw frames from a worker, so that
// neither generating nor sending them competes with the ticker on the page's main thread.
// Sets window.__benchResult = Promise<{ name, rows: [{ metric, value, unit, budget?, pass? }] }>.
import '/dist/cdn/arcsecond-widgets.js';
import { API, sleep, control, roundTo } from './helpers.js';

const RATE = 200;
const SECONDS = 10;
const LIMIT = 50;
const HEAP_FROM = 5_000;
const HEAP_TO = 20_000;
/** Phase 2 stops here even short of HEAP_TO, so the page stays well inside the runner's timeouts. */
const PHASE_2_MAX_MS = 75_000;
const TICKERS = 20;

const out = document.getElementById('out');
const log = (text) => {
  out.textContent += `${text}\n`;
  console.log(text);
};
const round = (value, digits = 1) => roundTo(value, digits);

async function until(test, what, timeout = 20_000) {
  const end = performance.now() + timeout;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A pusher in a Web Worker, so the page's main thread does nothing but what a real page would (the ticker).
 * It sends raw frames built from the emulator's generated activities, each with a fresh id and creation time.
 */
const PUSHER = `
let templates = [];
let id = 90000000;
const frame = () => {
  const data = { ...templates[id % templates.length], id: id++, creation_date: new Date().toISOString() };
  return JSON.stringify({ text: JSON.stringify({ action: 'create', data, errors: [], response_status: 201 }) });
};
onmessage = async ({ data: { api, count, rate } }) => {
  if (!templates.length) {
    const res = await fetch(api + '/activities/?page_size=100', { headers: { Accept: 'application/json' } });
    templates = (await res.json()).results;
  }
  const send = () => fetch(api + '/__emulator/push-raw', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: frame() });
  const start = performance.now();
  let sent = 0;
  while (sent < count) {
    const due = rate ? Math.min(count, Math.floor(((performance.now() - start) / 1000) * rate)) : count;
    const batch = [];
    while (sent < due && batch.length < 12) {
      batch.push(send());
      sent++;
    }
    if (batch.length) await Promise.all(batch);
    else await new Promise((r) => setTimeout(r, 4));
  }
  postMessage((count / (performance.now() - start)) * 1000);
};`;
const pusher = new Worker(URL.createObjectURL(new Blob([PUSHER], { type: 'text/javascript' })));

/** Push `count` frames at `rate` a second (0: as fast as the emulator takes them); resolves with the rate achieved. */
const push = (count, rate) =>
  new Promise((resolve) => {
    pusher.onmessage = (e) => resolve(e.data);
    pusher.postMessage({ api: API, count, rate });
  });

const elementsIn = (el) => el.shadowRoot.querySelectorAll('*').length;

async function heapAfterGc() {
  await sleep(400); // let the last batch render
  if (typeof window.gc === 'function') {
    window.gc();
    window.gc();
  }
  return performance.memory?.usedJSHeapSize ?? NaN;
}

async function run() {
  const rows = [];
  await control('reset', {});

  // ---- 1. One ticker, 200 a second for 10 s.
  const ticker = document.createElement('arc-activity-ticker');
  ticker.setAttribute('api', API);
  ticker.setAttribute('limit', String(LIMIT));
  ticker.style.width = '600px';
  document.getElementById('stage').append(ticker);
  await customElements.whenDefined('arc-activity-ticker');
  await until(() => ticker.activities.length === LIMIT && ticker.state === 'live', 'the ticker to go live');
  let received = 0;
  ticker.addEventListener('arc-activity', () => received++);

  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  let maxElements = elementsIn(ticker);
  const sampler = setInterval(() => (maxElements = Math.max(maxElements, elementsIn(ticker))), 100);
  const achieved = await push(RATE * SECONDS, RATE);
  await until(() => received >= RATE * SECONDS, 'delivery of the pushed activities', 10_000).catch(() => {});
  await sleep(400);
  clearInterval(sampler);
  observer.disconnect();
  const longest = tasks.length ? Math.max(...tasks) : 0;
  log(`phase 1: ${received} delivered, ${tasks.length} long tasks`);
  rows.push(
    { metric: `push rate achieved (goal ${RATE}/s for ${SECONDS} s)`, value: round(achieved), unit: '/s', budget: RATE * 0.95, pass: achieved >= RATE * 0.95 },
    { metric: `activities delivered to the ticker of ${RATE * SECONDS} pushed`, value: received, unit: '', budget: RATE * SECONDS, pass: received === RATE * SECONDS },
    { metric: 'longest task while receiving (no long task over 50 ms)', value: round(longest), unit: 'ms', budget: 50 },
    { metric: 'long tasks (> 50 ms) while receiving', value: tasks.length, unit: '', budget: 0 },
    { metric: `items shown (limit ${LIMIT})`, value: ticker.activities.length, unit: '', budget: LIMIT },
    // One item renders 10–20 elements (links vary); 50 items stay well under 25 each.
    { metric: `shadow DOM elements, max during the run (limit ${LIMIT})`, value: maxElements, unit: '', budget: LIMIT * 25 },
  );

  // ---- 2. On to 20 000: the heap must not grow with the number of activities seen. Pushed in chunks as fast
  // as the emulator takes them, within a time bound (a loaded machine gets fewer; the row says how many).
  const upTo = async (n, deadline = Infinity) => {
    while (received < n && performance.now() < deadline) {
      const goal = Math.min(n, received + 1_000);
      await push(goal - received, 0);
      await until(() => received >= goal, `${goal} activities delivered`, 20_000);
    }
  };
  await upTo(HEAP_FROM);
  const heapFrom = await heapAfterGc();
  const elementsFrom = elementsIn(ticker);
  const startedAt = performance.now();
  await upTo(HEAP_TO, startedAt + PHASE_2_MAX_MS);
  const reached = received;
  const heapTo = await heapAfterGc();
  const growth = (heapTo - heapFrom) / 1024;
  log(`phase 2: ${round((reached - HEAP_FROM) / ((performance.now() - startedAt) / 1000))}/s; heap ${round(heapFrom / 1048576, 2)} → ${round(heapTo / 1048576, 2)} MB`);
  rows.push(
    { metric: `JS heap after GC at ${HEAP_FROM} activities`, value: round(heapFrom / 1048576, 2), unit: 'MB' },
    { metric: `JS heap growth from ${HEAP_FROM} to ${reached} activities (goal: none)`, value: round(growth), unit: 'KB', budget: 512 },
    { metric: `shadow DOM elements at ${reached} vs ${HEAP_FROM}`, value: elementsIn(ticker) - elementsFrom, unit: '', budget: 25 },
  );
  ticker.remove();

  // ---- 3. Twenty tickers: one socket, one request per distinct UUID. A base this page has not used, so
  // the shared client starts with an empty cache.
  await control('reset', {});
  const base = API.replace('127.0.0.1', 'localhost');
  const started = performance.now();
  const tickers = Array.from({ length: TICKERS }, () => {
    const el = document.createElement('arc-activity-ticker');
    el.setAttribute('api', base);
    el.setAttribute('layout', 'compact');
    el.setAttribute('limit', '20');
    document.getElementById('stage').append(el);
    return el;
  });
  const named = (el) => [...el.shadowRoot.querySelectorAll('[part=where]')].every((w) => w.textContent.includes(' · '));
  await until(() => tickers.every((el) => el.activities.length === 20 && el.state === 'live'), 'twenty tickers live');
  const ready = performance.now() - started;
  await until(() => tickers.every(named), 'names resolved', 10_000).catch(() => {});
  const stats = await control('stats');
  const lookups = Object.entries(stats.paths).filter(([p]) => /^\/(telescopes|instruments|observingsites)\/[0-9a-f-]{36}\/$/.test(p));
  const perUuid = Math.max(0, ...lookups.map(([, n]) => n));
  log(`phase 3: ${lookups.length} UUIDs, ${stats.total} requests, ${stats.sockets.opened} socket(s)`);
  rows.push(
    { metric: `${TICKERS} tickers: WebSockets opened`, value: stats.sockets.opened, unit: '', budget: 1 },
    { metric: `${TICKERS} tickers: most requests for one UUID (${lookups.length} distinct)`, value: perUuid, unit: '', budget: 1 },
    { metric: `${TICKERS} tickers: all requests (activities pages + lookups)`, value: stats.total, unit: '' },
    { metric: `${TICKERS} tickers: until all are live with 20 items`, value: Math.round(ready), unit: 'ms' },
  );
  for (const el of tickers) el.remove();
  await control('reset', {});
  pusher.terminate();
  return { name: 'activity-ticker', rows };
}

window.__benchResult = run().catch((err) => ({ name: 'activity-ticker', rows: [{ metric: `failed: ${err.message}`, value: NaN, unit: '', pass: false }] }));
