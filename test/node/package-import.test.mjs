// Importing the built package in Node (SSR, tooling, tests) must not throw: no DOM at module top level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const built = existsSync(`${dist}index.js`);

test('every public entry of the built package imports in Node without throwing', { skip: !built && 'run the build first (npm test does)' }, async () => {
  const entries = ['index.js', 'activity-ticker.js', 'sky-map.js', 'night-card.js', 'visibility-chart.js', 'provider.js', 'api.js', 'astro.js'];
  for (const entry of entries) {
    const mod = await import(`${dist}${entry}`);
    assert.ok(Object.keys(mod).length > 0, `${entry} exports something`);
  }
});

test('the pure modules work in Node: a night summary and a parsed coordinate', { skip: !built && 'run the build first' }, async () => {
  const astro = await import(`${dist}astro.js`);
  const night = astro.nightSummary({ latitude: -24.6272, longitude: -70.4042, elevation: 2635 }, '2026-06-21', { timeZone: 'America/Santiago' });
  assert.ok(night.sunset instanceof Date && night.sunrise instanceof Date && night.darkHours > 10);
  const api = await import(`${dist}api.js`);
  const { ra, dec } = api.parseCoordinates('05:35:17.3 -05:23:28');
  assert.ok(Math.abs(ra - 83.822) < 0.001 && Math.abs(dec + 5.391) < 0.001);
});

test('the CDN loader does nothing in Node', { skip: !existsSync(`${dist}cdn/arcsecond-widgets.js`) && 'run the build first' }, async () => {
  await import(`${dist}cdn/arcsecond-widgets.js`);
});

test('every path in the package exports map exists after the build, and the package imports by its own name', { skip: !built && 'run the build first' }, async () => {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const root = new URL('../../', import.meta.url);
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (key.includes('*')) continue;
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(new URL(file, root)), `${key} → ${file} exists`);
    }
  }
  const astro = await import('arcsecond-widgets/astro.js');
  assert.equal(typeof astro.altitudeCurves, 'function');
  const api = await import('arcsecond-widgets/api.js');
  assert.equal(typeof api.getClient, 'function');
});
