// Browser tests in Debian's headless Chromium against a real emulator (HTTP + WebSocket) started here on a free port.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generate } from './scripts/generate.mjs';
import { startEmulator } from './emulator/server.mjs';
import { findChromium, CHROMIUM_ARGS, INSTALL_HINT } from './scripts/chromium.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

/** One emulator for the whole run; tests reset it through its control API. */
let emulator;
const emulatorPlugin = {
  name: 'arc-emulator',
  async serverStart() {
    generate(); // build-time assets the sources import (src/generated/)
    emulator = await startEmulator({ port: 0, seed: 7, rate: 0 });
  },
  async serverStop() {
    await emulator?.close();
  },
};

/**
 * React 19 ships CommonJS only: bundle it once with esbuild into an ES module the framework test imports from
 * `/__react.js` (React itself, not our code).
 */
let reactBundle;
const reactPlugin = {
  name: 'arc-react-bundle',
  async serve(context) {
    if (context.path !== '/__react.js') return undefined;
    reactBundle ??= build({
      stdin: {
        contents: "export { createElement, useState, useEffect, useRef, StrictMode } from 'react'; export { createRoot } from 'react-dom/client'; export { flushSync } from 'react-dom';",
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      },
      bundle: true,
      format: 'esm',
      write: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    }).then((r) => r.outputFiles[0].text);
    return { body: await reactBundle, type: 'js' };
  },
};

/**
 * The demo pages as `npm start` serves them: public service URLs rewritten to this run's emulator, so end-to-end
 * tests can load the real portal (demo/index.html) in an iframe.
 */
const demoPlugin = {
  name: 'arc-demo-pages',
  transform(context) {
    if (!context.path.startsWith('/demo/') || !context.path.endsWith('.html') || !emulator) return undefined;
    const rewrites = {
      'https://api.arcsecond.io': emulator.url,
      'https://api.open-meteo.com': emulator.url,
      'https://alasky.cds.unistra.fr/DSS/DSSColor': `${emulator.url}/hips/dss-synthetic`,
    };
    let body = String(context.body);
    for (const [from, to] of Object.entries(rewrites)) body = body.split(from).join(to);
    return { body };
  },
};

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [emulatorPlugin, reactPlugin, demoPlugin, esbuildPlugin({ ts: true, target: 'es2021', tsconfig })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><script>window.__ARC_EMULATOR__ = ${JSON.stringify(emulator?.url ?? '')};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};


