#!/usr/bin/env node
// npm run storybook / npm run build-storybook: generate custom-elements.json, start the emulator, run Storybook.
//   dev:   emulator on a free port (or --emulator-port), Storybook on 6006, both stop on Ctrl-C.
//   build: static site in storybook-static/, wired to http://127.0.0.1:8787 (start it with `npm run emulator -- --port 8787`).
import { spawn, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/server.mjs';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] === 'build' ? 'build' : 'dev';
const bin = (name) => join(root, 'node_modules', '.bin', name);
process.chdir(root);

execFileSync(bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--exclude', 'src/i18n/**'], { stdio: 'inherit' });
generate();

let emulator = null;
let emulatorUrl = 'http://127.0.0.1:8787';
if (mode === 'dev') {
  const wanted = Number(process.argv.find((a) => a.startsWith('--emulator-port='))?.split('=')[1] ?? 8787);
  emulator = await startEmulator({ port: wanted, rate: 0.2 }).catch(() => startEmulator({ port: 0, rate: 0.2 }));
  emulatorUrl = emulator.url;
  console.log(`Emulator for the stories: ${emulatorUrl}`);
}

const args = mode === 'dev' ? ['dev', '-p', '6006', '--no-open', '--ci'] : ['build', '-o', 'storybook-static', '--quiet'];
const child = spawn(bin('storybook'), args, { stdio: 'inherit', env: { ...process.env, ARC_EMULATOR: emulatorUrl, STORYBOOK_DISABLE_TELEMETRY: '1' } });
const stop = async (code) => {
  child.kill('SIGTERM');
  await emulator?.close();
  process.exit(code ?? 0);
};
child.on('exit', (code) => stop(code));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
