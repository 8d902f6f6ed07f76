// Two builds from the same sources:
//  1. dist/*.js — one ES module per public entry, shared code in dist/chunks/, lit and other dependencies left as
//     bare imports so an app's bundler shares one copy (the npm package).
//  2. dist/cdn/arcsecond-widgets.js — the one-script-tag bundle: a tiny loader that imports each element's chunk
//     only when its tag appears on the page; everything (lit included) bundled, minified.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const entryDir = 'src/entries';
const entries = Object.fromEntries(
  readdirSync(entryDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f.replace(/\.ts$/, ''), `${entryDir}/${f}`]),
);
if (existsSync('src/index.ts')) entries.index = 'src/index.ts';

const dependencies = ['lit', '@lit/context', '@lit/task', '@lit/reactive-element', 'lit-html', 'lit-element', 'astronomy-engine', 'leaflet'];
const isDependency = (id) => dependencies.some((d) => id === d || id.startsWith(`${d}/`));

const ts = () =>
  esbuild({
    include: /\.[jt]s$/,
    target: 'es2021',
    tsconfig: 'tsconfig.json',
    loaders: { '.css': 'text' },
  });

const onwarn = (warning, warn) => {
  // astronomy-engine's UMD wrapper uses top-level `this`; harmless in ESM.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/**
 * CDN build only: rollup tree-shakes a module once for the whole build, so every chunk that imports astronomy-engine
 * would share one copy holding the union of what all elements use — the sky map's planets (all of VSOP87) would then
 * weigh on the chart and the night card. The sky map's own imports get a private copy of the module instead; the
 * chart and night card share the lean one (Sun, Moon and sidereal time only).
 */
const ASTRONOMY_ENGINE = fileURLToPath(new URL('./node_modules/astronomy-engine/esm/astronomy.js', import.meta.url));
const privateAstronomyForSkyMap = {
  name: 'private-astronomy-engine-for-sky-map',
  resolveId(source, importer) {
    if (source === 'astronomy-engine' && importer?.includes(`${sep}src${sep}elements${sep}sky-map${sep}`)) return '\0astronomy-engine:sky-map';
    return null;
  },
  load(id) {
    return id === '\0astronomy-engine:sky-map' ? readFileSync(ASTRONOMY_ENGINE, 'utf8') : null;
  },
};

export default [
  {
    input: entries,
    external: isDependency,
    plugins: [ts()],
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
  {
    input: { 'arcsecond-widgets': 'src/cdn.ts' },
    plugins: [
      privateAstronomyForSkyMap,
      // Whitespace and comments inside html`` and css`` templates (before TypeScript is stripped).
      minifyHTML({ include: ['src/**/*.ts'], failOnError: true }),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), ts(), terser({ module: true, ecma: 2020, format: { comments: false }, compress: { passes: 3 } })],
    onwarn,
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Maps are written beside the chunks but not referenced: no extra bytes for every visitor; tools can load them.
      sourcemap: 'hidden',
    },
  },
];
