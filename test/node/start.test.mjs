// `npm start` serves the demo and the emulator: start the real script (on free ports, after the build that
// npm test has just made) and check that the printed URLs answer with the right content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function startDemo() {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--port', '0', '--emulator-port', '0'], { cwd: root });
  let out = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URLs in time:\n${out}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`npm start exited early (${code}):\n${out}`)));
  });
  return { child, ready };
}

test('npm start serves the demo portal wired to the emulator, and stops on Ctrl-C', { skip: !existsSync(`${root}/dist/cdn/arcsecond-widgets.js`) && 'run the build first (npm test does)' }, async () => {
  const { child, ready } = startDemo();
  try {
    const out = await ready;
    const demo = /Demo portal:\s+(\S+)/.exec(out)?.[1];
    const api = /API emulator:\s+(\S+)/.exec(out)?.[1];
    assert.ok(demo && api, out);

    const page = await fetch(demo);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<arc-provider/);
    assert.ok(html.includes(api), 'the demo page points at the emulator');
    assert.ok(!html.includes('https://api.arcsecond.io'), 'no public API URL left in the served page');

    const bundle = await fetch(new URL('../dist/cdn/arcsecond-widgets.js', demo));
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type'), /javascript/);

    const sites = await fetch(`${api}/observingsites/`);
    assert.equal(sites.status, 200);
    assert.ok((await sites.json()).count > 50);

    for (const page of ['blog.html', 'plain.html', 'builder.html']) {
      assert.equal((await fetch(new URL(page, demo))).status, 200, page);
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 0, 'stops cleanly on Ctrl-C');
  }
});
