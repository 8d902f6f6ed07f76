#!/usr/bin/env node
// Where an element's CDN bytes go: builds the CDN bundle in memory (nothing written) and lists, for the element's
// chunk and every chunk it imports statically, the gzipped size and the modules inside (rendered length).
//   node scripts/size-report.mjs visibility-chart
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Piped into head: stop quietly when the reader has had enough.
process.stdout.on('error', (e) => (e.code === 'EPIPE' ? process.exit(0) : Promise.reject(e)));
process.chdir(root);
const { default: configs } = await import(join(root, 'rollup.config.mjs'));
const cdn = configs[1];
const name = process.argv[2] ?? 'activity-ticker';
const bundle = await rollup({ ...cdn, onwarn: () => {} });
const { output } = await bundle.generate({ ...cdn.output, sourcemap: false });
const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
const entry = [...chunks.values()].find((c) => c.fileName.startsWith(`chunks/${name}-`));
if (!entry) throw new Error(`no chunk for ${name}`);
const closure = new Set();
const visit = (c) => {
  if (closure.has(c.fileName)) return;
  closure.add(c.fileName);
  for (const i of c.imports) visit(chunks.get(i));
};
visit(entry);
let total = 0;
for (const f of closure) {
  const c = chunks.get(f);
  const gz = gzipSync(c.code, { level: 9 }).length;
  total += gz;
  console.log(`${f}: ${c.code.length} B min, ${gz} B gz`);
  const mods = Object.entries(c.modules).filter(([, m]) => m.renderedLength > 0).sort((a, b) => b[1].renderedLength - a[1].renderedLength);
  for (const [id, m] of mods) console.log(`    ${String(m.renderedLength).padStart(6)}  ${id.replace(root + '/', '')}`);
}
console.log(`\n${name}: ${(total / 1024).toFixed(1)} KB gzipped in ${closure.size} chunks (static closure in the CDN build)`);
