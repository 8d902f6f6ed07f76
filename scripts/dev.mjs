#!/usr/bin/env node
// Development server: serves the project with TypeScript compiled on the fly (src/ directly, no build) and an
// emulator beside it. Pages in dev/ load `/dev/env.js` (sets window.__ARC_EMULATOR__) then import /src/… modules.
//   node scripts/dev.mjs --port 8100 [--emulator-port 0] [--rate 0.2]
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server.mjs';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: '8100' },
    'emulator-port': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    rate: { type: 'string', default: '0.2' },
  },
});

generate();
const emulator = await startEmulator({ port: Number(opts['emulator-port']), seed: Number(opts.seed), rate: Number(opts.rate) });
const server = await startDevServer({
  config: {
    rootDir: root,
    port: Number(opts.port),
    hostname: '127.0.0.1',
    nodeResolve: { exportConditions: ['browser', 'production'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: join(root, 'tsconfig.json') })],
    middleware: [
      (ctx, next) => {
        if (ctx.path === '/dev/env.js') {
          ctx.type = 'text/javascript';
          ctx.body = `window.__ARC_EMULATOR__ = ${JSON.stringify(emulator.url)};`;
          return undefined;
        }
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`Dev server: http://127.0.0.1:${opts.port}/dev/   emulator: ${emulator.url}`);
const stop = async () => {
  await server.stop();
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
