#!/usr/bin/env node
// npm start: build, start the API emulator (default port 8787) and serve the demo (default port 8000).
//   npm start -- --api https://api.arcsecond.io     point the demo at the public API (no emulator)
//   npm start -- --port 8000 --emulator-port 8787 --seed 1 --rate 0.2 --no-build
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server.mjs';
import { serveStatic } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    api: { type: 'string' },
    port: { type: 'string', default: '8000' },
    'emulator-port': { type: 'string', default: '8787' },
    seed: { type: 'string', default: '1' },
    rate: { type: 'string', default: '0.2' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-build': { type: 'boolean', default: false },
  },
});

if (!opts['no-build']) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

/** Listen on the wanted port, or on a free one when it is taken (other jobs may hold common ports). */
async function listenPreferring(port, start) {
  try {
    return await start(Number(port));
  } catch (err) {
    if (err?.code !== 'EADDRINUSE') throw err;
    console.warn(`Port ${port} is in use; using a free port instead.`);
    return start(0);
  }
}

let emulator = null;
const rewrites = {};
if (opts.api) {
  rewrites['https://api.arcsecond.io'] = opts.api.replace(/\/+$/, '');
} else {
  emulator = await listenPreferring(opts['emulator-port'], (port) =>
    startEmulator({ port, host: opts.host, seed: Number(opts.seed), rate: Number(opts.rate) }),
  );
  rewrites['https://api.arcsecond.io'] = emulator.url;
  rewrites['https://api.open-meteo.com'] = emulator.url;
  rewrites['https://alasky.cds.unistra.fr/DSS/DSSColor'] = `${emulator.url}/hips/dss-synthetic`;
}
const site = await listenPreferring(opts.port, (port) => serveStatic({ root, port, host: opts.host, rewrites }));

console.log('');
if (emulator) console.log(`API emulator:  ${emulator.url}   (control API at ${emulator.url}/__emulator/stats)`);
else console.log(`API:           ${opts.api}`);
console.log(`Demo portal:   ${site.url}/demo/`);
console.log(`Blog page:     ${site.url}/demo/blog.html`);
console.log(`Plain page:    ${site.url}/demo/plain.html`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([site.close(), emulator?.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
