// <arc-visibility-chart> speed in the browser, from the CDN build (bench/run.mjs builds, serves the repo root and
// sets window.__ARC_EMULATOR__ before this runs):
//  1. First render with 10 coordinate targets (no network: coordinates and a site given by latitude/longitude):
//     from insertion to the drawn SVG laid out, median of 21 fresh elements after 3 warm-ups. Budget 50 ms.
//  2. A crosshair move (keyboard step: readout computed exactly for every target, chart re-rendered).
//  3. Exports: toCSV (5-min rows), toSVG (computed styles inlined), toPNG (rasterised at 2x).
// Sets window.__benchResult = Promise<{ name, rows: [{ metric, value, unit, budget?, pass? }] }>.
import '/dist/cdn/arcsecond-widgets.js';
import { median, roundTo } from './helpers.js';

const RUNS = 21;
const WARM_UP = 3;
const TARGETS = '10 -30; 40 -10; 70 -60; 100 5; 130 -20; 160 -45; 190 10; 220 -35; 250 -5; 05:35:17 -05:23:28';
const ATTRIBUTES = {
  api: window.__ARC_EMULATOR__ || 'http://127.0.0.1:9',
  latitude: '-24.6272',
  longitude: '-70.4042',
  elevation: '2635',
  'time-zone': 'America/Santiago',
  date: '2026-03-21',
  now: '2026-03-22T02:10:00Z',
  theme: 'light',
  targets: TARGETS,
};

const out = document.getElementById('out');
const stage = document.getElementById('stage');
const log = (text) => (out.textContent += `${text}\n`);
const round = (value, digits = 2) => roundTo(value, digits);
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function makeChart() {
  const el = document.createElement('arc-visibility-chart');
  for (const [name, value] of Object.entries(ATTRIBUTES)) el.setAttribute(name, value);
  return el;
}

/**
 * Insert a chart and wait until its SVG with every curve is rendered and laid out; returns milliseconds, and a
 * promise of the time until `arc-load` (events and observable windows computed on the next frame, table ready).
 */
async function firstRender() {
  const el = makeChart();
  let start = 0;
  const complete = new Promise((resolve) => el.addEventListener('arc-load', () => resolve(performance.now() - start), { once: true }));
  start = performance.now();
  stage.appendChild(el);
  await el.updateComplete;
  const svg = el.shadowRoot.querySelector('svg[part="chart"]');
  const curves = svg ? svg.querySelectorAll('path.curve').length : 0;
  if (curves !== 10) throw new Error(`expected 10 curves on first render, got ${curves}`);
  svg.getBoundingClientRect(); // force style and layout inside the measurement
  const elapsed = performance.now() - start;
  return { el, elapsed, complete };
}

async function run() {
  out.textContent = '';
  // The CDN loader imports the chart's chunk when the tag appears; wait for it outside the measurement.
  const probe = document.createElement('arc-visibility-chart');
  probe.hidden = true;
  stage.appendChild(probe);
  await customElements.whenDefined('arc-visibility-chart');
  probe.remove();

  const times = [];
  const completeTimes = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const { el, elapsed, complete } = await firstRender();
    const total = await complete;
    if (i >= WARM_UP) {
      times.push(elapsed);
      completeTimes.push(total);
    }
    el.remove();
    await frame();
  }
  const firstMedian = median(times);
  log(`first render: median ${round(firstMedian)} ms, max ${round(Math.max(...times))} ms; complete (arc-load) median ${round(median(completeTimes))} ms`);

  // A chart that stays, for interaction and exports.
  const { el, complete } = await firstRender();
  await complete;
  await frame();
  await frame();
  await el.updateComplete;
  const cursor = el.shadowRoot.querySelector('[part="cursor"]');
  cursor.focus();
  await el.updateComplete;
  const moves = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    cursor.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await el.updateComplete;
    moves.push(performance.now() - start);
  }
  log(`crosshair step: median ${round(median(moves))} ms`);

  const timeIt = async (fn, runs = 5) => {
    const t = [];
    let result;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      result = await fn();
      t.push(performance.now() - start);
    }
    return { ms: median(t), result };
  };
  const csv = await timeIt(() => el.toCSV());
  const svgExport = await timeIt(() => el.toSVG());
  const png = await timeIt(() => el.toPNG(), 3);
  log(`toCSV ${round(csv.ms)} ms (${csv.result.split('\r\n').length - 2} rows), toSVG ${round(svgExport.ms)} ms, toPNG ${round(png.ms)} ms (${png.result.size} bytes)`);
  el.remove();

  return {
    name: 'visibility-chart',
    rows: [
      { metric: 'first render, 10 coordinate targets (median of 21)', value: round(firstMedian), unit: 'ms', budget: 50, pass: firstMedian <= 50 },
      { metric: 'first render, slowest of 21', value: round(Math.max(...times)), unit: 'ms' },
      { metric: 'complete with events, windows and table data (arc-load, median)', value: round(median(completeTimes)), unit: 'ms' },
      { metric: 'crosshair step (exact readout of 10 targets + re-render)', value: round(median(moves)), unit: 'ms', budget: 16, pass: median(moves) <= 16 },
      { metric: 'toCSV, 5-min rows', value: round(csv.ms), unit: 'ms' },
      { metric: 'toSVG, styles inlined', value: round(svgExport.ms), unit: 'ms' },
      { metric: 'toPNG, 2x', value: round(png.ms), unit: 'ms' },
    ],
  };
}

window.__benchResult = run().catch((error) => {
  log(`failed: ${error?.stack ?? error}`);
  return { name: 'visibility-chart', rows: [{ metric: 'bench failed', value: NaN, unit: String(error?.message ?? error), pass: false }] };
});
