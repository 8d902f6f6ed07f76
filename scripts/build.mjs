#!/usr/bin/env node
// npm run build: manifest (custom-elements.json), ES modules and CDN bundle (rollup), type declarations, themes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

const started = Date.now();
rmSync('dist', { recursive: true, force: true });

generate();

run(bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--exclude', 'src/i18n/**']);
run(bin('rollup'), ['-c', '--silent']);
run(bin('tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', 'dist/types']);

if (existsSync('src/themes')) {
  mkdirSync('dist/themes', { recursive: true });
  for (const f of readdirSync('src/themes').filter((f) => f.endsWith('.css'))) cpSync(join('src/themes', f), join('dist/themes', f));
}
console.log(`build: dist/ written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
