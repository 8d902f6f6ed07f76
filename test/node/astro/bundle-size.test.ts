/**
 * What the night card and the visibility chart pay for their astronomy: the night subset of
 * src/astro bundled and minified as the CDN build would (esbuild --bundle --minify --format=esm,
 * gzip -9), without astronomy-engine's tables of every planet, which one call to its Sun
 * functions (Equator, SearchAltitude, Illumination, …) would pull in whole.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Everything the night card and the visibility chart use from src/astro. */
const NIGHT_SUBSET = [
  'nightSummary',
  'darknessBands',
  'sunEvents',
  'moonEvents',
  'moonPhase',
  'moonIllumination',
  'moonPhases',
  'targetEvents',
  'horizontal',
  'altitudeCurves',
  'airmass',
  'localSiderealTime',
  'zoneOffsetMinutes',
  'isValidTimeZone',
  'localDateString',
  'zonedTime',
  'nightDate',
  'nightWindow',
  'addDays',
  'parseDateString',
];

/** Gzipped bytes allowed (it was 31.2 KB on astronomy-engine's Equator and searches). */
const BUDGET_BYTES = 14 * 1024;

async function bundle(names: readonly string[]): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from './src/astro/index.ts';`, resolveDir: fileURLToPath(new URL('../../..', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('the astronomy bundle', () => {
  it(`fits the night subset in ${BUDGET_BYTES / 1024} KB gzipped, with no other planet than the Earth`, async () => {
    const code = await bundle(NIGHT_SUBSET);
    const gzipped = gzipSync(code, { level: 9 }).length;
    assert.ok(gzipped <= BUDGET_BYTES, `${gzipped} bytes gzipped (${code.length} minified)`);
    // First coefficients of astronomy-engine's Mars and Jupiter VSOP87 series, and Pluto's state table.
    for (const marker of ['6.20347711581', '.59954691494', '26.118207232108']) {
      assert.ok(!code.includes(marker), `astronomy-engine's planetary tables are bundled (${marker})`);
    }
    // The Earth's series is there, once.
    assert.equal(code.split('1.75347045673').length, 2);
  });
});
