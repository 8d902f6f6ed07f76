// The emulator's control API (/__emulator/) and live WebSocket: faults, latency, hangs, socket drop
// and refusal, the feed, pushed activities, and request statistics.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import WebSocket from 'ws';
import { startEmulator } from '../../emulator/server.mjs';

describe('control API and live socket', () => {
  let emulator;
  let base;
  let wsBase;
  /** Sockets opened by a test, closed after it. */
  let sockets = [];

  const control = async (method, route, body) => {
    const res = await fetch(`${base}/__emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const ok = async (method, route, body) => {
    const res = await control(method, route, body);
    assert.equal(res.status, 200, `${method} ${route}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Open a live socket and collect its frames. */
  const openSocket = (path = '/activities/live/') =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${wsBase}${path}`);
      const frames = [];
      ws.on('message', (data) => frames.push(data.toString('utf8')));
      ws.once('open', () => resolve({ ws, frames }));
      ws.once('error', reject);
      sockets.push(ws);
    });
  const nextFrame = (socket, timeoutMs = 3000) =>
    new Promise((resolve, reject) => {
      const started = socket.frames.length;
      const timer = setTimeout(() => reject(new Error('no frame received')), timeoutMs);
      const poll = setInterval(() => {
        if (socket.frames.length > started) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(socket.frames[started]);
        }
      }, 5);
    });

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 5, rate: 0, now: '2026-06-01T04:00:00Z' });
    base = emulator.url;
    wsBase = base.replace(/^http/, 'ws');
  });
  after(() => emulator.close());
  beforeEach(async () => {
    for (const ws of sockets) ws.terminate();
    sockets = [];
    await ok('POST', 'reset');
  });

  describe('statistics', () => {
    test('counts API, forecast and socket upgrades by path+query and by path; not control routes', async () => {
      await fetch(`${base}/activities/?page=2`);
      await fetch(`${base}/activities/?page=2`);
      await fetch(`${base}/activities/`);
      await fetch(`${base}/v1/forecast?latitude=1&longitude=2`);
      await fetch(`${base}/nope/`);
      await openSocket();
      await ok('GET', 'stats');
      const stats = await ok('GET', 'stats');
      assert.deepEqual(stats.requests, {
        '/activities/?page=2': 2,
        '/activities/': 1,
        '/v1/forecast?latitude=1&longitude=2': 1,
        '/nope/': 1,
        '/activities/live/': 1,
      });
      assert.deepEqual(stats.paths, { '/activities/': 3, '/v1/forecast': 1, '/nope/': 1, '/activities/live/': 1 });
      assert.equal(stats.total, 6);
      assert.deepEqual(stats.sockets, { open: 1, opened: 1, refused: 0 });
    });

    test('reset clears counters but keeps data and open sockets', async () => {
      await fetch(`${base}/activities/`);
      await openSocket();
      const pushed = (await ok('POST', 'push', { activity: { title: 'kept' } })).activity;
      await ok('POST', 'reset');
      const stats = await ok('GET', 'stats');
      assert.equal(stats.total, 0);
      assert.deepEqual(stats.requests, {});
      assert.equal(stats.sockets.open, 1);
      assert.equal(stats.sockets.opened, 0);
      const head = (await (await fetch(`${base}/activities/?page_size=1`)).json()).results[0];
      assert.equal(head.id, pushed.id);
    });
  });

  describe('faults', () => {
    test('a status fault with headers, for the next N matching requests only', async () => {
      await ok('POST', 'faults', { match: '/activities/', status: 429, headers: { 'Retry-After': '1' }, times: 2 });
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${base}/activities/`);
        assert.equal(res.status, 429);
        assert.equal(res.headers.get('retry-after'), '1');
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        assert.deepEqual(await res.json(), { detail: 'Request was throttled. Expected available in 1 seconds.' });
      }
      assert.equal((await fetch(`${base}/activities/`)).status, 200, 'the fault removed itself');
      assert.equal((await ok('GET', 'stats')).total, 3, 'faulted requests are counted');
    });

    test('prefix and regex matching; first match wins; other routes untouched', async () => {
      await ok('POST', 'faults', { match: 're:page=3', status: 503 });
      await ok('POST', 'faults', { match: '/activities/', status: 502, body: { detail: 'custom' } });
      assert.equal((await fetch(`${base}/activities/?page=3`)).status, 503);
      const res = await fetch(`${base}/activities/`);
      assert.equal(res.status, 502);
      assert.deepEqual(await res.json(), { detail: 'custom' });
      assert.equal((await fetch(`${base}/observingsites/`)).status, 200);
      await ok('DELETE', 'faults');
      assert.equal((await fetch(`${base}/activities/`)).status, 200);
    });

    test('default status is 500 with a DRF detail', async () => {
      await ok('POST', 'faults', { match: '/objects/' });
      const res = await fetch(`${base}/objects/M42/`);
      assert.equal(res.status, 500);
      assert.deepEqual(await res.json(), { detail: 'A server error occurred.' });
    });

    test('a fault with only latency delays the normal answer', async () => {
      await ok('POST', 'faults', { match: '/observingsites/', latency: 300, times: 1 });
      const started = Date.now();
      const res = await fetch(`${base}/observingsites/`);
      assert.equal(res.status, 200);
      assert.ok((await res.json()).count > 50);
      assert.ok(Date.now() - started >= 280, 'answer was delayed');
    });

    test('malformed bodies are truncated JSON with status 200', async () => {
      await ok('POST', 'faults', { match: '/activities/', malformed: true, times: 1 });
      const res = await fetch(`${base}/activities/`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json');
      const text = await res.text();
      assert.ok(text.startsWith('{"count"'));
      assert.throws(() => JSON.parse(text), SyntaxError);
    });

    test('a hanging request never answers: the client times out, the server stays healthy', async () => {
      await ok('POST', 'faults', { match: '/telescopes/', hang: true });
      await assert.rejects(fetch(`${base}/telescopes/`, { signal: AbortSignal.timeout(300) }), (error) => error.name === 'TimeoutError');
      assert.equal((await fetch(`${base}/observingsites/`)).status, 200);
    });

    test('fault latency delays the faulted answer', async () => {
      await ok('POST', 'faults', { match: '/instruments/', status: 503, latency: 250, times: 1 });
      const t0 = performance.now();
      const res = await fetch(`${base}/instruments/`);
      assert.equal(res.status, 503);
      assert.ok(performance.now() - t0 >= 240);
    });

    test('invalid fault specifications are refused with 400', async () => {
      for (const spec of [{}, { match: '' }, { match: 're:(' }, { match: '/x/', status: 99 }, { match: '/x/', times: 0 }, { match: '/x/', headers: { a: 1 } }, { match: '/x/', hang: 'yes' }, { match: 'activities/' }]) {
        const res = await control('POST', 'faults', spec);
        assert.equal(res.status, 400, JSON.stringify(spec));
        assert.equal(typeof res.body.detail, 'string');
      }
      const res = await fetch(`${base}/__emulator/faults`, { method: 'POST', body: '{not json' });
      assert.equal(res.status, 400);
      assert.equal((await control('POST', 'no-such-route')).status, 404);
    });
  });

  test('global latency delays every API answer until reset', async () => {
    await ok('POST', 'latency', { ms: 300 });
    let t0 = performance.now();
    assert.equal((await fetch(`${base}/activities/`)).status, 200);
    assert.ok(performance.now() - t0 >= 290, 'API delayed');
    t0 = performance.now();
    await fetch(`${base}/v1/forecast?latitude=1&longitude=1`);
    assert.ok(performance.now() - t0 >= 290, 'forecast delayed');
    t0 = performance.now();
    await ok('GET', 'stats');
    assert.ok(performance.now() - t0 < 250, 'control routes are not delayed');
    await ok('POST', 'reset');
    t0 = performance.now();
    await fetch(`${base}/activities/`);
    assert.ok(performance.now() - t0 < 250, 'reset clears latency');
    assert.equal((await control('POST', 'latency', { ms: -1 })).status, 400);
  });

  describe('live socket', () => {
    test('both live paths upgrade; other paths are refused', async () => {
      await openSocket('/activities/live/');
      await openSocket('/activities/live');
      await assert.rejects(openSocket('/activities/'), /Unexpected server response: 404/);
      assert.equal((await ok('GET', 'stats')).sockets.open, 2);
    });

    test('push: delivered wrapped, inserted at the head of the REST list', async () => {
      const socket = await openSocket();
      const frame = nextFrame(socket);
      const { activity } = await ok('POST', 'push', { activity: { target_name: 'M42' }, envelope: 'wrapped' });
      const message = JSON.parse(await frame);
      assert.equal(message.action, 'create');
      assert.deepEqual(message.errors, []);
      assert.equal(message.response_status, 201);
      assert.deepEqual(message.data, activity);
      assert.equal(activity.target_name, 'M42');
      assert.ok(typeof activity.id === 'number' && activity.creation_date);
      const page = await (await fetch(`${base}/activities/?page_size=1`)).json();
      assert.deepEqual(page.results[0], activity);
      assert.deepEqual(await (await fetch(`${base}/activities/${activity.id}/`)).json(), activity);
    });

    test('push: a backdated creation_date keeps the REST list in creation order, newest first', async () => {
      const all = async () => (await (await fetch(`${base}/activities/?page_size=100`)).json()).results;
      const before = await all();
      const middle = Date.parse(before[5].creation_date) - 1;
      const { activity } = await ok('POST', 'push', { activity: { creation_date: new Date(middle).toISOString() } });
      const after = await all();
      assert.equal(after[6].id, activity.id, 'placed by its date, not at the head');
      const times = after.map((a) => Date.parse(a.creation_date));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
    });

    test('push: bare envelope, and hostile content is stored verbatim', async () => {
      const socket = await openSocket();
      const hostile = {
        target_name: '<img src=x onerror=alert(1)>',
        links: [{ title: 'x', url: 'javascript:alert(1)' }],
        title: 'T'.repeat(10_000),
      };
      const frame = nextFrame(socket);
      const { activity } = await ok('POST', 'push', { activity: hostile, envelope: 'bare' });
      const message = JSON.parse(await frame);
      assert.equal(message.id, activity.id, 'bare: the activity itself');
      assert.equal(message.target_name, hostile.target_name);
      assert.deepEqual(message.links, hostile.links);
      assert.equal(message.title.length, 10_000);
    });

    test('push-raw sends the exact text', async () => {
      const socket = await openSocket();
      const frame = nextFrame(socket);
      const res = await ok('POST', 'push-raw', { text: '{"action": "create", "data": ' });
      assert.equal(res.sent, 1);
      assert.equal(await frame, '{"action": "create", "data": ');
      assert.equal((await control('POST', 'push-raw', {})).status, 400);
      assert.equal((await control('POST', 'push', { envelope: 'gift' })).status, 400);
    });

    test('sockets/drop terminates sockets abruptly (no close handshake)', async () => {
      const { ws } = await openSocket();
      const closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
      const res = await ok('POST', 'sockets/drop');
      assert.equal(res.dropped, 1);
      assert.equal(await closed, 1006, 'abnormal closure');
      await new Promise((r) => setTimeout(r, 20));
      assert.equal((await ok('GET', 'stats')).sockets.open, 0);
    });

    test('sockets/refuse answers upgrades with 503 until lifted', async () => {
      await ok('POST', 'sockets/refuse', { refuse: true });
      await assert.rejects(openSocket(), /Unexpected server response: 503/);
      await assert.rejects(openSocket('/activities/live'), /503/);
      let stats = await ok('GET', 'stats');
      assert.equal(stats.sockets.refused, 2);
      assert.equal(stats.sockets.opened, 0);
      await ok('POST', 'sockets/refuse', { refuse: false });
      await openSocket();
      stats = await ok('GET', 'stats');
      assert.equal(stats.sockets.opened, 1);
      assert.equal((await control('POST', 'sockets/refuse', { refuse: 'yes' })).status, 400);
    });

    test('the feed pushes generated activities while running', async () => {
      const socket = await openSocket();
      const before = (await (await fetch(`${base}/activities/?page_size=1`)).json()).count;
      assert.deepEqual(await ok('POST', 'feed', { running: true, rate: 20 }), { running: true, rate: 20 });
      const message = JSON.parse(await nextFrame(socket, 2000));
      assert.equal(message.action, 'create');
      assert.ok(message.data.id > 0 && message.data.instrument);
      await ok('POST', 'feed', { running: false });
      await new Promise((r) => setTimeout(r, 60));
      const count = socket.frames.length;
      const after = (await (await fetch(`${base}/activities/?page_size=1`)).json()).count;
      assert.ok(after > before, 'live activities join the REST list');
      await new Promise((r) => setTimeout(r, 250));
      assert.equal(socket.frames.length, count, 'stopped feed sends nothing');
    });

    test('reset stops the feed; running without a rate uses the default', async () => {
      assert.deepEqual(await ok('POST', 'feed', { running: true }), { running: true, rate: 0.2 });
      assert.equal(emulator.state.feed.running, true);
      await ok('POST', 'reset');
      assert.equal(emulator.state.feed.running, false);
      assert.equal((await control('POST', 'feed', { running: 'yes' })).status, 400);
    });
  });

  test('close() resolves with a hanging request and open sockets', async () => {
    const e = await startEmulator({ port: 0, rate: 5 });
    const ws = new WebSocket(`${e.url.replace('http', 'ws')}/activities/live/`);
    await new Promise((resolve) => ws.once('open', resolve));
    await fetch(`${e.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ match: '/activities/', hang: true }) });
    const pending = fetch(`${e.url}/activities/`).catch((error) => error);
    await new Promise((r) => setTimeout(r, 50));
    await e.close();
    assert.ok((await pending) instanceof Error, 'the hanging request was cut');
    assert.ok(ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED);
  });
});
