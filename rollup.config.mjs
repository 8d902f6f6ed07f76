// Two builds from the same sources:
//  1. dist/*.js — one ES module per public entry, shared code in dist/chunks/, lit and other dependencies left as
//     bare imports so an app's bundler shares one copy (the npm package).
//  2. dist/cdn/arcsecond-widgets.js — the one-script-tag bundle: a tiny loader that imports each element's chunk
//     only when its tag appears on the page; everything (lit included) bundled, minified.
import { existsSync, readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

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
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), ts(), terser({ format: { comments: false }, compress: { passes: 2 } })],
    onwarn,
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
