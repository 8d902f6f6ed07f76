// <arc-sky-map> speed and size in the browser, from the CDN build (bench/run.mjs builds, serves the repo root and
// sets window.__ARC_EMULATOR__ before this runs), with d3-celestial drawing the same scene in the same page:
//  1. First render of the whole sky after the data has loaded: from adding the static sky layer to every tile
//     painted (the engine's own measurement, Leaflet's tile `load`), median of 9 fresh maps after a warm-up.
//     Layers: stars to V 6, constellation lines, names and boundaries, Milky Way, ecliptic, RA/Dec grid. Goal 150 ms.
//  2. Panning and zooming: 120 frames panning 9 px per frame, then 16 zoom steps in and out; per frame, the main-
//     thread work the move costs (Leaflet's move handlers, new tiles painted, style and layout forced). Median and
//     95th percentile. Goal: median ≤ 16 ms.
//  3. The same scene by d3-celestial 0.7 (equirectangular, 1000 px, same layers): a full redraw after its data has
//     loaded, median of 9. d3-celestial repaints its whole canvas on every pan or zoom event, so that redraw is also
//     its cost per frame while moving; ratios sky-map / d3-celestial.
//  4. Sizes (gzipped in the page with CompressionStream): the star and constellation data chunk, and Leaflet's chunk,
//     found by name among the resources the map loaded. (The entry's size before lazy chunks is in the size table.)
// Sets window.__benchResult = Promise<{ name, rows: [{ metric, value, unit, budget?, pass? }] }>.
import '/dist/cdn/arcsecond-widgets.js';
import { median, roundTo } from './helpers.js';

const RUNS = 9;
const LAYERS = 'stars constellations names boundaries milky-way ecliptic grid';

const out = document.getElementById('out');
const log = (text) => out && (out.textContent += `${text}\n`);
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const round = (value, digits = 1) => roundTo(value, digits);
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function makeMap() {
  const el = document.createElement('arc-sky-map');
  el.setAttribute('api', window.__ARC_EMULATOR__ || 'http://127.0.0.1:9');
  el.setAttribute('now', '2026-03-22T03:10:00Z');
  el.setAttribute('theme', 'dark');
  el.setAttribute('layers', LAYERS);
  return el;
}

async function gzipSize(url) {
  const res = await fetch(url);
  const stream = res.body.pipeThrough(new CompressionStream('gzip'));
  const buf = await new Response(stream).arrayBuffer();
  return buf.byteLength;
}

/** Draw the comparison scene with d3-celestial; resolves with its timings once its data has loaded. */
export async function drawCelestial(container) {
  const Celestial = window.Celestial;
  if (!Celestial || !window.d3) throw new Error('d3-celestial did not load from node_modules');
  container.id = container.id || 'celestial';
  const loadStart = performance.now();
  Celestial.display({
    container: container.id,
    width: 1000,
    projection: 'equirectangular',
    datapath: '/node_modules/d3-celestial/data/',
    interactive: false,
    controls: false,
    form: false,
    location: false,
    adaptable: false,
    background: { fill: '#0a0f1c', stroke: '#000', width: 0 },
    stars: { show: true, limit: 6, colors: true, names: false, designation: false, propername: false, data: 'stars.6.json' },
    dsos: { show: false },
    planets: { show: false },
    constellations: { names: true, lines: true, bounds: true },
    mw: { show: true },
    lines: {
      graticule: { show: true },
      equatorial: { show: true },
      ecliptic: { show: true },
      galactic: { show: false },
      supergalactic: { show: false },
    },
  });
  // Its data files load through d3.json one by one; wait until every star is in and the drawing is complete.
  const deadline = performance.now() + 20_000;
  while (performance.now() < deadline) {
    const stars = Celestial.container?.selectAll('.star').size() ?? 0;
    const bounds = Celestial.container?.selectAll('.boundaryline').size() ?? 0;
    const lines = Celestial.container?.selectAll('.constline').size() ?? 0;
    const mw = Celestial.container?.selectAll('.mw').size() ?? 0;
    if (stars >= 5000 && bounds > 0 && lines > 0 && mw > 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const loadMs = performance.now() - loadStart;
  const redraws = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    Celestial.redraw();
    const ms = performance.now() - t;
    if (i > 0) redraws.push(ms);
    await frame();
  }
  return { loadMs, redrawMs: median(redraws), stars: Celestial.container.selectAll('.star').size() };
}

async function run() {
  out.textContent = '';
  const stage = document.getElementById('stage');
  const rows = [];

  // Warm-up: the CDN loader imports the element's chunk when the tag appears, then the engine, Leaflet and data.
  const warm = makeMap();
  stage.appendChild(warm);
  await customElements.whenDefined('arc-sky-map');
  await warm.ready;
  const cold = warm.timings;
  log(`cold load: import ${round(cold.importMs)} ms, decode ${round(cold.decodeMs)} ms, first render ${round(cold.firstRenderMs)} ms`);
  warm.remove();

  const renders = [];
  const decodes = [];
  for (let i = 0; i < RUNS; i++) {
    const el = makeMap();
    stage.appendChild(el);
    await el.ready;
    renders.push(el.timings.firstRenderMs);
    decodes.push(el.timings.decodeMs);
    if (i < RUNS - 1) el.remove();
  }
  const firstRender = median(renders);
  log(`first render after data load: median ${round(firstRender)} ms of ${RUNS} (${renders.map((r) => round(r)).join(', ')})`);

  // Panning and zooming on the last map.
  const el = stage.querySelector('arc-sky-map');
  const map = el.leafletMap;
  const container = el.shadowRoot.querySelector('.map');
  const work = [];
  const intervals = [];
  let last = performance.now();
  for (let i = 0; i < 120; i++) {
    await frame();
    const t = performance.now();
    intervals.push(t - last);
    last = t;
    map.panBy([9, i % 2 ? 1 : -1], { animate: false });
    container.getBoundingClientRect();
    work.push(performance.now() - t);
  }
  for (let i = 0; i < 16; i++) {
    await frame();
    const t = performance.now();
    map.setZoom(map.getZoom() + (i < 8 ? 0.5 : -0.5), { animate: false });
    container.getBoundingClientRect();
    work.push(performance.now() - t);
  }
  log(`pan/zoom frame work: median ${round(median(work), 2)} ms, p95 ${round(percentile(work, 0.95), 2)} ms; rAF interval median ${round(median(intervals), 1)} ms`);

  // Sizes of the lazy chunks, by their names in the CDN build.
  const resources = performance.getEntriesByType('resource').map((r) => r.name);
  const find = (re) => resources.find((u) => re.test(u.split('/').pop()));
  const dataUrl = find(/^sky-data-.*\.js$/);
  const leafletUrl = find(/^leaflet-src.*\.js$/);
  const engineUrl = find(/^sky-engine-.*\.js$/);
  const dataGz = dataUrl ? await gzipSize(dataUrl) : NaN;
  const leafletGz = leafletUrl ? await gzipSize(leafletUrl) : NaN;
  const engineGz = engineUrl ? await gzipSize(engineUrl) : NaN;
  log(`lazy chunks gz: data ${round(dataGz / 1024)} KB, Leaflet ${round(leafletGz / 1024)} KB, engine ${round(engineGz / 1024)} KB`);

  // The same scene by d3-celestial.
  const celestial = await drawCelestial(document.getElementById('celestial'));
  log(`d3-celestial: data load ${round(celestial.loadMs)} ms, full redraw ${round(celestial.redrawMs)} ms (${celestial.stars} stars)`);

  rows.push(
    { metric: 'sky map: first render of the whole sky after data load (median)', value: round(firstRender), unit: 'ms', budget: 150, pass: firstRender <= 150 },
    { metric: 'sky map: data decode (median)', value: round(median(decodes)), unit: 'ms' },
    { metric: 'sky map: cold load (element → Leaflet + data imported)', value: round(cold.importMs), unit: 'ms' },
    { metric: 'sky map: frame work while panning and zooming (median)', value: round(median(work), 2), unit: 'ms', budget: 16, pass: median(work) <= 16 },
    { metric: 'sky map: frame work while panning and zooming (p95)', value: round(percentile(work, 0.95), 2), unit: 'ms' },
    { metric: 'd3-celestial: same scene, full redraw after data load (median)', value: round(celestial.redrawMs), unit: 'ms' },
    { metric: 'ratio first render: sky map / d3-celestial', value: round(firstRender / celestial.redrawMs, 2), unit: '×' },
    { metric: 'ratio frame while moving: sky map / d3-celestial (it redraws everything)', value: round(median(work) / celestial.redrawMs, 3), unit: '×' },
    { metric: 'sky map: star and constellation data chunk', value: round(dataGz / 1024), unit: 'KB gz', budget: 110, pass: dataGz / 1024 <= 110 },
    { metric: 'sky map: Leaflet chunk (lazy)', value: round(leafletGz / 1024), unit: 'KB gz' },
    { metric: 'sky map: engine chunk (lazy)', value: round(engineGz / 1024), unit: 'KB gz' },
  );
  return { name: 'sky-map', rows };
}

// Only the bench page runs the whole suite; the d3-celestial page imports drawCelestial alone.
if (document.getElementById('stage')) {
  window.__benchResult = run().catch((err) => {
    log(`FAILED: ${err.stack || err}`);
    throw err;
  });
}
