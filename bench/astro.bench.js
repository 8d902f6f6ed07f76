// Speed and accuracy of the astronomy core in the browser: the chart's fast path (altitudeCurves) against
// astronomy-engine's full computation (Equator + Horizon for every body at every sample), their largest
// disagreement, horizontal()'s disagreement with the same, and a whole nightSummary. The kit's modules never
// import the full library (they would bundle its tables of every planet); this page does, as the reference.
// Sets window.__benchResult = Promise<{ name: 'astro', rows: [{ metric, value, unit, budget?, pass? }] }>.
import { Body, DefineStar, Equator, Horizon, Observer } from 'astronomy-engine';
import { altitudeCurves, angularSeparation, horizontal, nightSummary, nightWindow, properMotionPosition } from '/dist/astro.js';
import { median, roundTo } from './helpers.js';

const RUNS = 21; // medians of at least 21 runs
const NAIVE_RUNS = 5; // the full computation takes ~100 ms a run; 5 runs give a stable median
// Enough runs for V8 to optimise the hot loops: the figures are steady-state (the chart's first render is measured on its own).
const WARM_UP = 10;

const paranal = { latitude: -24.6272, longitude: -70.4042, elevation: 2635 };
const timeZone = 'America/Santiago';
const date = '2024-03-20';
const targets = [
  { ra: 83.82208, dec: -5.39111 }, // M42
  { ra: 10.68471, dec: 41.26875 }, // M31
  { ra: 201.36506, dec: -43.01911 }, // Centaurus A
  { ra: 13.1866, dec: -72.8286 }, // NGC 292 (SMC)
  { ra: 80.89417, dec: -69.75611 }, // LMC
  { ra: 269.45207, dec: 4.69336, pmRa: -798.58, pmDec: 10328.12 }, // Barnard's star
  { ra: 217.42894, dec: -62.67949, pmRa: -3781.306, pmDec: 769.766 }, // Proxima Centauri
  { ra: 266.41683, dec: -29.00781 }, // Sgr A*
  { ra: 187.70593, dec: 12.39112 }, // M87
  { ra: 37.95456, dec: 89.26411 }, // Polaris (never up here)
];
const STEP_MINUTES = 1;

const round = (value, digits = 3) => roundTo(value, digits);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function timeRuns(runs, fn) {
  for (let i = 0; i < WARM_UP; i++) fn();
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { median: median(times), result };
}

/** astronomy-engine's full computation for every body at every sample: Equator(ofdate, aberration) then Horizon. */
function fullCurves(from, to) {
  const observer = new Observer(paranal.latitude, paranal.longitude, paranal.elevation);
  const place = (body, time) => {
    const equ = Equator(body, time, observer, true, true);
    return Horizon(time, observer, equ.ra, equ.dec);
  };
  const times = [];
  for (let ms = from.getTime(); ms <= to.getTime(); ms += STEP_MINUTES * 60_000) times.push(ms);
  const sun = [];
  const moon = [];
  const stars = targets.map(() => []);
  for (const ms of times) {
    const time = new Date(ms);
    sun.push(place(Body.Sun, time));
    moon.push(place(Body.Moon, time));
    targets.forEach((target, k) => {
      const { ra, dec } = properMotionPosition(target, time);
      DefineStar(Body.Star1, ra / 15 >= 24 ? 0 : ra / 15, dec, 1e6);
      stars[k].push(place(Body.Star1, time));
    });
  }
  return { times, sun, moon, stars };
}

const arcsec = (a, b) => angularSeparation({ ra: a.azimuth, dec: a.altitude }, { ra: b.azimuth, dec: b.altitude }) * 3600;

/** Largest great-circle distance, arcsec, between the fast curves and the full computation. */
function curvesDifference(fast, full) {
  let worst = 0;
  const compare = (series, j, reference) => {
    worst = Math.max(worst, arcsec({ altitude: series.altitude[j], azimuth: series.azimuth[j] }, reference));
  };
  for (let j = 0; j < full.times.length; j++) {
    compare(fast.sun, j, full.sun[j]);
    compare(fast.moon, j, full.moon[j]);
    fast.targets.forEach((series, k) => compare(series, j, full.stars[k][j]));
  }
  return worst;
}

/** Largest difference, arcsec, between horizontal() and the full computation, every 10th sample. */
function horizontalDifference(full) {
  let worst = 0;
  for (let j = 0; j < full.times.length; j += 10) {
    const time = new Date(full.times[j]);
    worst = Math.max(worst, arcsec(horizontal('sun', paranal, time), full.sun[j]), arcsec(horizontal('moon', paranal, time), full.moon[j]));
    targets.forEach((target, k) => {
      worst = Math.max(worst, arcsec(horizontal(target, paranal, time), full.stars[k][j]));
    });
  }
  return worst;
}

async function run() {
  await tick();
  const { from, to } = nightWindow(date, paranal, timeZone);
  const fast = timeRuns(RUNS, () => altitudeCurves(targets, paranal, from, to, STEP_MINUTES));
  await tick();
  const full = timeRuns(NAIVE_RUNS, () => fullCurves(from, to));
  await tick();
  const night = timeRuns(RUNS, () => nightSummary(paranal, date, { timeZone }));
  const samples = fast.result.times.length;
  const speedUp = full.median / fast.median;
  const rows = [
    { metric: `altitudeCurves, ${targets.length} targets + Sun + Moon, ${samples} samples (median of ${RUNS})`, value: round(fast.median), unit: 'ms', budget: 5 },
    { metric: `astronomy-engine Equator+Horizon, same samples (median of ${NAIVE_RUNS})`, value: round(full.median, 1), unit: 'ms' },
    { metric: 'speed-up of the fast path (goal ≥ 10×)', value: round(speedUp, 1), unit: '×', budget: 10, pass: speedUp >= 10 },
    { metric: 'max difference fast path vs astronomy-engine', value: round(curvesDifference(fast.result, full.result), 6), unit: 'arcsec', budget: 1 },
    { metric: 'max difference horizontal() vs astronomy-engine', value: round(horizontalDifference(full.result), 6), unit: 'arcsec', budget: 0.01 },
    { metric: `nightSummary, Paranal ${date} (median of ${RUNS})`, value: round(night.median), unit: 'ms' },
  ];
  document.getElementById('out').textContent = rows.map((r) => `${r.metric}: ${r.value} ${r.unit}`).join('\n');
  return { name: 'astro', rows };
}

window.__benchResult = run();
