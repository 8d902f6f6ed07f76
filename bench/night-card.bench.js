// <arc-night-card> speed in the browser, from the CDN build (bench/run.mjs builds, serves the repo root, starts an
// emulator and sets window.__ARC_EMULATOR__ before this runs):
//  1. First render of the night facts (coordinates, weather="none": no network), insertion to laid-out facts,
//     median of 21 fresh cards after 3 warm-ups. Budget 50 ms.
//  2. Time to the scored forecast (insertion to the hourly table) against the emulator, median of 7; each card asks
//     for a different place so the client's cache does not answer.
//  3. A clock tick on a full card with its forecast (requestUpdate to updateComplete), median of 50. Budget 8 ms.
//  4. Shadow DOM size of that card.
//  5. 20 cards for one site on one page: forecast requests made (the shared client de-duplicates: budget 1) and the
//     time until all 20 show the forecast.
// Sets window.__benchResult = Promise<{ name, rows: [{ metric, value, unit, budget?, pass? }] }>.
import '/dist/cdn/arcsecond-widgets.js';
import { API, median, sleep, control, roundTo } from './helpers.js';

const RUNS = 21;
const WARM_UP = 3;

const out = document.getElementById('out');
const stage = document.getElementById('stage');
const log = (text) => {
  out.textContent += `${text}\n`;
  console.log(text);
};
const round = (value, digits = 2) => roundTo(value, digits);
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function until(test, what, timeout = 20_000) {
  const end = performance.now() + timeout;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function card(attributes) {
  const el = document.createElement('arc-night-card');
  for (const [name, value] of Object.entries({ api: API, 'weather-api': API, layout: 'full', theme: 'light', ...attributes })) el.setAttribute(name, value);
  return el;
}

const NIGHT_ONLY = { latitude: '-24.6272', longitude: '-70.4042', elevation: '2635', 'time-zone': 'America/Santiago', date: '2026-03-21', weather: 'none' };
const hasTable = (el) => !!el.shadowRoot?.querySelector('table.hourly tbody tr');

async function run() {
  out.textContent = '';
  // The CDN loader imports the card's chunk when the tag appears; load it (and the weather part) outside the timings.
  const probe = card({ ...NIGHT_ONLY, weather: 'open-meteo', date: '' });
  stage.appendChild(probe);
  await customElements.whenDefined('arc-night-card');
  await until(() => hasTable(probe), 'the first forecast');
  probe.remove();

  // 1. First render of the night facts, a different night each time (the card caches recent nights).
  const firsts = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const el = card({ ...NIGHT_ONLY, date: `2026-04-${String(i + 1).padStart(2, '0')}` });
    const start = performance.now();
    stage.appendChild(el);
    await el.updateComplete;
    // The site resolves from coordinates during the first update; the night renders in the next one.
    await until(() => el.shadowRoot.querySelector('[data-event=sunset] time'), 'the night facts', 5000);
    el.shadowRoot.querySelector('.columns').getBoundingClientRect();
    if (i >= WARM_UP) firsts.push(performance.now() - start);
    el.remove();
    await frame();
  }
  log(`first render (night facts): median ${round(median(firsts))} ms, max ${round(Math.max(...firsts))} ms`);

  // 2. Time to the scored forecast, a fresh place each time (the forecast grid is 0.05°).
  const forecasts = [];
  for (let i = 0; i < 7; i++) {
    const el = card({ latitude: String(-30 + i * 0.2), longitude: '-70.7', 'time-zone': 'America/Santiago' });
    const start = performance.now();
    stage.appendChild(el);
    await until(() => hasTable(el), 'the forecast table');
    forecasts.push(performance.now() - start);
    el.remove();
    await frame();
  }
  log(`insertion to scored forecast: median ${round(median(forecasts))} ms`);

  // 3 and 4. A full card with its forecast: clock-tick re-render and DOM size.
  const el = card({ latitude: '-29.2563', longitude: '-70.7380', 'time-zone': 'America/Santiago' });
  stage.appendChild(el);
  await until(() => hasTable(el), 'the forecast table');
  await frame();
  const ticks = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    el.requestUpdate();
    await el.updateComplete;
    ticks.push(performance.now() - start);
  }
  const nodes = el.shadowRoot.querySelectorAll('*').length;
  log(`clock tick re-render: median ${round(median(ticks))} ms; shadow DOM ${nodes} elements`);
  el.remove();

  // 5. Twenty cards for one site share one forecast request.
  await control('reset', {});
  const many = Array.from({ length: 20 }, () => card({ site: 'La Silla Observatory', layout: 'compact' }));
  const start = performance.now();
  for (const c of many) stage.appendChild(c);
  await until(() => many.every((c) => c.shadowRoot?.querySelector('[part=score] .badge')), '20 cards with scores', 30_000);
  const allShown = performance.now() - start;
  const stats = await control('stats');
  const forecastRequests = stats.paths['/v1/forecast'] ?? 0;
  log(`20 cards: ${forecastRequests} forecast request(s), all scored in ${round(allShown)} ms`);
  for (const c of many) c.remove();

  return {
    name: 'night-card',
    rows: [
      { metric: 'first render, night facts (median of 21)', value: round(median(firsts)), unit: 'ms', budget: 50, pass: median(firsts) <= 50 },
      { metric: 'first render, slowest of 21', value: round(Math.max(...firsts)), unit: 'ms' },
      { metric: 'insertion to scored forecast, local emulator (median of 7)', value: round(median(forecasts)), unit: 'ms' },
      { metric: 'clock tick re-render, full card with forecast (median of 50)', value: round(median(ticks)), unit: 'ms', budget: 8, pass: median(ticks) <= 8 },
      { metric: 'shadow DOM elements, full card with forecast', value: nodes, unit: 'elements' },
      { metric: '20 cards for one site: forecast requests', value: forecastRequests, unit: 'requests', budget: 1, pass: forecastRequests <= 1 },
      { metric: '20 cards for one site: all scored', value: round(allShown), unit: 'ms' },
    ],
  };
}

window.__benchResult = run().catch((error) => {
  log(`failed: ${error?.stack ?? error}`);
  return { name: 'night-card', rows: [{ metric: 'bench failed', value: NaN, unit: String(error?.message ?? error), pass: false }] };
});
