#!/usr/bin/env node
// npm run build: manifest (custom-elements.json), ES modules and CDN bundle (rollup), type declarations, themes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
// The CDN bundle is minified without comments: the licences of what it bundles go beside it.
const notices = [
  ['lit, lit-html, lit-element, @lit/reactive-element', 'node_modules/lit/LICENSE'],
  ['@lit/context', 'node_modules/@lit/context/LICENSE'],
  ['@lit/task', 'node_modules/@lit/task/LICENSE'],
  ['leaflet', 'node_modules/leaflet/LICENSE'],
  ['d3-celestial (star, constellation and Milky Way data)', 'node_modules/d3-celestial/LICENSE'],
];
const astronomyHeader = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync('node_modules/astronomy-engine/esm/astronomy.js', 'utf8'))[1];
const text = [
  'Third-party software bundled in dist/cdn/ (arcsecond-widgets itself is MIT licensed: see LICENSE).',
  ...notices.map(([name, file]) => `\n==== ${name}\n\n${readFileSync(file, 'utf8').trim()}`),
  `\n==== astronomy-engine\n\n${astronomyHeader.replace('@preserve', '').trim()}`,
].join('\n');
writeFileSync('dist/cdn/THIRD-PARTY-NOTICES.txt', text + '\n');

console.log(`build: dist/ written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
