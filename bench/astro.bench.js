// Speed of the astronomy core in the browser: the chart's fast path (altitudeCurves) against the
// naive path (astronomy-engine Equator + Horizon for every body at every sample, which is what
// horizontal() does), their largest disagreement, and a whole nightSummary.
// Sets window.__benchResult = Promise<{ name: 'astro', rows: [{ metric, value, unit, budget?, pass? }] }>.
import { altitudeCurves, angularSeparation, horizontal, nightSummary, nightWindow } from '/dist/astro.js';

const RUNS = 21; // medians of at least 21 runs
const NAIVE_RUNS = 5; // the naive path takes ~100+ ms a run; 5 runs give a stable median
const WARM_UP = 3;

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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
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

/** Every body at every sample through horizontal() (Equator + Horizon). */
function naiveCurves(from, to) {
  const times = [];
  for (let ms = from.getTime(); ms <= to.getTime(); ms += STEP_MINUTES * 60_000) times.push(ms);
  const sun = [];
  const moon = [];
  const stars = targets.map(() => []);
  for (const ms of times) {
    const time = new Date(ms);
    sun.push(horizontal('sun', paranal, time));
    moon.push(horizontal('moon', paranal, time));
    targets.forEach((target, k) => stars[k].push(horizontal(target, paranal, time)));
  }
  return { times, sun, moon, stars };
}

/** Largest great-circle distance, arcsec, between the fast and the naive directions. */
function maxDifferenceArcsec(fast, naive) {
  let worst = 0;
  const compare = (series, j, reference) => {
    const d = angularSeparation({ ra: series.azimuth[j], dec: series.altitude[j] }, { ra: reference.azimuth, dec: reference.altitude }) * 3600;
    if (d > worst) worst = d;
  };
  for (let j = 0; j < naive.times.length; j++) {
    compare(fast.sun, j, naive.sun[j]);
    compare(fast.moon, j, naive.moon[j]);
    fast.targets.forEach((series, k) => compare(series, j, naive.stars[k][j]));
  }
  return worst;
}

async function run() {
  await tick();
  const { from, to } = nightWindow(date, paranal, timeZone);
  const fast = timeRuns(RUNS, () => altitudeCurves(targets, paranal, from, to, STEP_MINUTES));
  await tick();
  const naive = timeRuns(NAIVE_RUNS, () => naiveCurves(from, to));
  await tick();
  const night = timeRuns(RUNS, () => nightSummary(paranal, date, { timeZone }));
  const samples = fast.result.times.length;
  const speedUp = naive.median / fast.median;
  const difference = maxDifferenceArcsec(fast.result, naive.result);
  const rows = [
    { metric: `altitudeCurves, ${targets.length} targets + Sun + Moon, ${samples} samples (median of ${RUNS})`, value: round(fast.median), unit: 'ms', budget: 5 },
    { metric: `naive Equator+Horizon path, same samples (median of ${NAIVE_RUNS})`, value: round(naive.median, 1), unit: 'ms' },
    { metric: 'speed-up of the fast path (goal ≥ 10×)', value: round(speedUp, 1), unit: '×', budget: 10, pass: speedUp >= 10 },
    { metric: 'max difference fast vs full computation', value: round(difference, 4), unit: 'arcsec', budget: 1 },
    { metric: `nightSummary, Paranal ${date} (median of ${RUNS})`, value: round(night.median), unit: 'ms' },
  ];
  document.getElementById('out').textContent = rows.map((r) => `${r.metric}: ${r.value} ${r.unit}`).join('\n');
  return { name: 'astro', rows };
}

window.__benchResult = run();
