#!/usr/bin/env node
// npm test: type-check, lint, build, Node tests (emulator, astronomy, scripts), then every browser test in headless
// Chromium against a real emulator. Ends with a plain "N passed, N failed" line for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, INSTALL_HINT } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => join(root, 'node_modules', '.bin', name);

if (!findChromium()) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failures.push(name);
  return ok;
}

function walk(dir, match) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p, match) : match(p) ? [relative(root, p)] : [];
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'arc-test-'));

step('generate', process.execPath, ['scripts/generate.mjs']);
step('type-check', bin('tsc'), ['-p', 'tsconfig.test.json']);
step('lint', bin('eslint'), ['.']);
step('build', process.execPath, ['scripts/build.mjs']);

const nodeTests = walk('test/node', (p) => /\.test\.(mjs|ts)$/.test(p));
if (nodeTests.length) {
  const tap = join(scratch, 'node.tap');
  step(
    'node tests',
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...nodeTests],
  );
  if (existsSync(tap)) {
    const text = readFileSync(tap, 'utf8');
    passed += Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
    failed += Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  }
}

const summary = join(scratch, 'browser.json');
step('browser tests', bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], { ARC_WTR_SUMMARY: summary });
if (existsSync(summary)) {
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  passed += s.passed;
  failed += s.failed;
}

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
