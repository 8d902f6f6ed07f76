#!/usr/bin/env node
// Run every generator (scripts/generate-*.mjs): build-time assets under src/generated/ that sources import
// (the sky map's star catalogue, Leaflet's CSS as a module). Run before type-checking, tests, builds and Storybook.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function generate() {
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const f of readdirSync(dir).filter((f) => /^generate-.+\.mjs$/.test(f)).sort()) {
    execFileSync(process.execPath, [join(dir, f)], { stdio: 'inherit' });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
