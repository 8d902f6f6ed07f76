#!/usr/bin/env node
// @ts-check
// node emulator/cli.mjs --port 8787 --seed 1 --rate 0.2 [--now ISO] [--host 127.0.0.1]
import { parseArgs } from 'node:util';

const USAGE = `Usage: node emulator/cli.mjs [--port 8787] [--seed 1] [--rate 0.2] [--now 2026-03-20T03:00:00Z] [--host 127.0.0.1]
  --port  TCP port (0 picks a free one)          default 8787
  --seed  integer seed of all generated data      default 1
  --rate  new live activities per second (0 = off) default 0.2
  --now   start instant (ISO 8601); fixes the generated history; default the real clock
  --host  interface to listen on                  default 127.0.0.1`;

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`emulator: ${message}\n${USAGE}`);
  process.exit(2);
}

/** @type {{port: string, seed: string, rate: string, now?: string, host: string, help?: boolean}} */
let values;
try {
  ({ values } = /** @type {any} */ (parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      seed: { type: 'string', default: '1' },
      rate: { type: 'string', default: '0.2' },
      now: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })));
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(values.port);
const seed = Number(values.seed);
const rate = Number(values.rate);
if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port must be an integer 0-65535, got "${values.port}"`);
if (!/^-?\d+$/.test(values.seed)) fail(`--seed must be an integer, got "${values.seed}"`);
if (!Number.isFinite(rate) || rate < 0) fail(`--rate must be a number >= 0, got "${values.rate}"`);
if (values.now !== undefined && !Number.isFinite(Date.parse(values.now))) fail(`--now must be an ISO 8601 instant, got "${values.now}"`);

// Imported after the arguments are checked, so usage errors answer at once.
const { startEmulator } = await import('./server.mjs');
/** @type {import('./server.mjs').Emulator} */
let emulator;
try {
  emulator = await startEmulator({ port, host: values.host, seed, rate, now: values.now });
} catch (error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  console.error(`emulator: cannot start: ${code === 'EADDRINUSE' ? `port ${port} is already in use` : /** @type {Error} */ (error).message}`);
  process.exit(1);
}
console.log(`Emulator listening on ${emulator.url}`);

let stopping = false;
/** @param {string} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`Emulator stopping (${signal})`);
  await emulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
