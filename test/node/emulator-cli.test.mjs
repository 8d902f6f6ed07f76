// The emulator's command line: start, announce the URL, serve, stop cleanly on SIGINT/SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const CLI = fileURLToPath(new URL('../../emulator/cli.mjs', import.meta.url));

/** Start the CLI and wait for its "listening" line. */
async function startCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line; stderr: ${stderr}`)), 10_000);
    child.stdout.on('data', () => {
      const match = /^Emulator listening on (http:\/\/\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return { child, url, output: () => ({ stdout, stderr }) };
}

describe('emulator CLI', () => {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    test(`serves on the announced URL and exits 0 on ${signal}`, async () => {
      const { child, url } = await startCli(['--port', '0', '--seed', '2', '--rate', '0', '--now', '2026-03-20T03:00:00Z']);
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await (await fetch(`${url}/activities/?page_size=1`)).json();
      assert.equal(page.count, 300);
      assert.equal(page.results[0].creation_date < '2026-03-20T03:00:00Z', true);
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = await exited;
      assert.equal(code, 0);
    });
  }

  test('bad arguments exit 2 with a usage message', async () => {
    for (const args of [['--port', 'abc'], ['--rate', '-1'], ['--now', 'yesterday'], ['--seed', '1.5'], ['--bogus']]) {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const [code] = await once(child, 'exit');
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /Usage: node emulator\/cli\.mjs/);
    }
  });

  test('a port in use is reported, not thrown', async () => {
    const first = await startCli(['--port', '0', '--rate', '0']);
    const port = new URL(first.url).port;
    const second = spawn(process.execPath, [CLI, '--port', port, '--rate', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    second.stderr.on('data', (d) => (stderr += d));
    const [code] = await once(second, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`port ${port} is already in use`));
    first.child.kill('SIGTERM');
    await once(first.child, 'exit');
  });
});
