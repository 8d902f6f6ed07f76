#!/usr/bin/env node
// npm run bench: build, then one table of sizes (gzipped, from the CDN build) and speed figures measured in
// headless Chromium by the bench pages (bench/*.bench.html), each against budgets. Exit 1 when a budget is missed.
//   node bench/run.mjs [--no-build] [--only name]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { startEmulator } from '../emulator/server.mjs';
import { serveStatic } from '../scripts/serve.mjs';
import { findChromium, CHROMIUM_ARGS, INSTALL_HINT } from '../scripts/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const { values: opts } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, only: { type: 'string' } } });

if (!opts['no-build']) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const rows = [];
const add = (group, metric, value, unit, budget, pass) => rows.push({ group, metric, value, unit, budget, pass });

// ---- Sizes: a chunk of the CDN build plus everything it imports statically (what loading that tag costs).
const cdnDir = join(root, 'dist/cdn');
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    staticClosure(posix.join(posix.dirname(file), m[1]), seen);
  }
  return seen;
}
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
/** The chunk the CDN loader imports for an element (read from the loader, so stale files never count). */
function entryChunk(name) {
  const loader = readFileSync(join(cdnDir, 'arcsecond-widgets.js'), 'utf8');
  const m = new RegExp(`import\\(\\s*["'](\\./chunks/${name}-[^"']+\\.js)["']`).exec(loader);
  return m ? join(cdnDir, m[1]) : null;
}
const sizeBudgets = [
  ['CDN bundle, initial load (no elements)', join(cdnDir, 'arcsecond-widgets.js'), 5],
  ['<arc-activity-ticker> entry incl. Lit', entryChunk('activity-ticker'), 12],
  ['<arc-visibility-chart> entry incl. Lit + astronomy', entryChunk('visibility-chart'), 35],
  ['<arc-night-card> entry incl. Lit + astronomy', entryChunk('night-card'), 35],
  ['<arc-sky-map> entry before lazy Leaflet/data', entryChunk('sky-map'), 25],
  ['<arc-provider> entry incl. Lit', entryChunk('provider'), null],
];
for (const [label, file, budget] of sizeBudgets) {
  if (!file || !existsSync(file)) {
    add('size', label, NaN, 'KB gz', budget, budget == null ? true : false);
    continue;
  }
  const total = [...staticClosure(file)].reduce((s, f) => s + gz(f), 0);
  add('size', label, kb(total), 'KB gz', budget, budget == null || kb(total) <= budget);
}

// ---- Speed: every bench page, in one Chromium, against one emulator.
const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
const emulator = await startEmulator({ port: 0, seed: 3, rate: 0 });
const site = await serveStatic({ root, port: 0 });
const browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
let pages = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.html')).sort();
if (opts.only) pages = pages.filter((p) => p.includes(opts.only));
try {
  for (const file of pages) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.evaluateOnNewDocument((url) => {
      window.__ARC_EMULATOR__ = url;
    }, emulator.url);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const started = Date.now();
    try {
      await page.goto(`${site.url}/bench/${file}`, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction('window.__benchResult !== undefined', { timeout: 60_000 });
      const result = await page.evaluate(() => Promise.resolve(window.__benchResult));
      for (const r of result.rows) {
        const pass = r.pass ?? (r.budget == null ? true : r.value <= r.budget);
        add(result.name, r.metric, r.value, r.unit, r.budget ?? null, pass);
      }
    } catch (err) {
      add(file, `page failed: ${String(err.message ?? err).slice(0, 120)} ${errors.join(' ').slice(0, 200)}`, NaN, '', null, false);
    }
    console.error(`bench: ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
  await emulator.close();
}

// ---- One table.
const fmt = (v) => (typeof v === 'number' ? (Number.isNaN(v) ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : String(v));
const table = rows.map((r) => [r.group, r.metric, `${fmt(r.value)} ${r.unit}`.trim(), r.budget == null ? '' : `${r.budget} ${r.unit}`.trim(), r.pass ? 'ok' : 'OVER']);
const head = ['group', 'metric', 'value', 'budget', ''];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log('\n' + line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));
const over = rows.filter((r) => !r.pass);
console.log(`\n${rows.length - over.length} within budget, ${over.length} over`);
process.exit(over.length ? 1 : 0);
