import { expect } from '@open-wc/testing';
import { emulator } from '../helpers/emulator.js';
import { ArcClient } from '../../src/api/client.js';
import { LiveActivityStream, type StreamOptions, type StreamStatus } from '../../src/api/live.js';
import type { Activity } from '../../src/api/records.js';

/** Short timings so every test stays well under 10 s. */
const FAST: StreamOptions = { pageSize: 10, pollInterval: 300, maxSocketFailures: 3, backoffBase: 50, backoffMax: 200 };

function stream(options: StreamOptions = {}) {
  const client = new ArcClient({ api: emulator.url(), backoffBase: 20, backoffMax: 100, timeout: 3000 });
  return LiveActivityStream.for(emulator.url(), { ...FAST, client, ...options });
}

/** A subscriber recording everything it is given. */
function record(s: LiveActivityStream) {
  const activities: Activity[] = [];
  const statuses: StreamStatus[] = [];
  const unsubscribe = s.subscribe({ activity: (a) => activities.push(a), status: (st) => statuses.push(st) });
  return { activities, statuses, unsubscribe, ids: () => activities.map((a) => a.id) };
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeout = 5000) {
  const until = performance.now() + timeout;
  while (!(await condition())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const openSockets = async () => (await emulator.stats()).sockets.open;

describe('LiveActivityStream against the emulator', () => {
  const cleanups: (() => void)[] = [];
  beforeEach(() => emulator.reset());
  afterEach(async () => {
    while (cleanups.length) cleanups.pop()!();
    await waitFor('sockets to close', async () => (await openSockets()) === 0);
  });

  /** Subscribe, and wait until the socket is open and the first re-sync delivered the backlog. */
  async function live(s: LiveActivityStream) {
    const r = record(s);
    cleanups.push(r.unsubscribe);
    await waitFor('live', () => s.status.state === 'live');
    await waitFor('the backlog', () => r.activities.length >= 10);
    return r;
  }

  it('delivers the newest page first, oldest first, then pushed activities wrapped and bare', async () => {
    const s = stream();
    const r = await live(s);
    const backlog = r.activities.slice(0, 10).map((a) => a.creationDate!.getTime());
    expect(backlog).to.deep.equal([...backlog].sort((a, b) => a - b));

    const { activity: wrapped } = await emulator.push({ title: 'Wrapped push' }, 'wrapped');
    await waitFor('the wrapped push', () => r.ids().includes(wrapped.id));
    const { activity: bare } = await emulator.push({ title: 'Bare push' }, 'bare');
    await waitFor('the bare push', () => r.ids().includes(bare.id));

    const got = r.activities.find((a) => a.id === bare.id)!;
    expect(got.title).to.equal('Bare push');
    expect(r.activities.find((a) => a.id === wrapped.id)!.title).to.equal('Wrapped push');
    expect(new Set(r.ids()).size).to.equal(r.ids().length);
    expect(s.status.lastMessageAt).to.be.a('number');
  });

  it('ignores and counts frames it cannot use, and keeps going', async () => {
    const s = stream();
    const r = await live(s);
    const before = s.badFrames;
    await emulator.pushRaw('not json at all');
    await emulator.pushRaw('{"action": "create", "data": {"title": "no id"}, "errors": [], "response_status": 201}');
    await emulator.pushRaw('[1, 2, 3]');
    await waitFor('the bad frames to be counted', () => s.badFrames === before + 3);
    const { activity } = await emulator.push({ title: 'After junk' });
    await waitFor('the next good push', () => r.ids().includes(activity.id));
    expect(s.status.state).to.equal('live');
  });

  it('reconnects after a drop and re-syncs: nothing lost, nothing doubled, in order', async () => {
    const s = stream({ maxSocketFailures: 100 });
    const r = await live(s);
    await emulator.refuseSockets(true);
    await emulator.dropSockets();
    await waitFor('the drop to be noticed', () => s.status.state !== 'live');
    const missed: number[] = [];
    for (const title of ['Missed one', 'Missed two', 'Missed three']) missed.push((await emulator.push({ title })).activity.id);
    await waitFor('a refused reconnect', async () => (await emulator.stats()).sockets.refused > 0);
    expect(s.status.state).to.equal('connecting');
    // Between attempts the status says when the next one is due (for a countdown).
    expect(r.statuses.some((st) => st.state === 'connecting' && st.retryAt !== null && st.attempt >= 1)).to.equal(true);
    expect(missed.some((id) => r.ids().includes(id))).to.equal(false);

    await emulator.refuseSockets(false);
    await waitFor('the missed activities', () => missed.every((id) => r.ids().includes(id)));
    expect(s.status.state).to.equal('live');
    const { activity: after } = await emulator.push({ title: 'After reconnect' });
    await waitFor('the live push after reconnect', () => r.ids().includes(after.id));

    const ids = r.ids();
    expect(new Set(ids).size, 'no duplicates').to.equal(ids.length);
    expect(ids.slice(-4)).to.deep.equal([...missed, after.id]);
  });

  it('delivers missed activities before one that arrives live during the re-sync', async () => {
    const s = stream({ maxSocketFailures: 100 });
    const r = await live(s);
    await emulator.refuseSockets(true);
    await emulator.dropSockets();
    await waitFor('the drop to be noticed', () => s.status.state !== 'live');
    const { activity: missed } = await emulator.push({ title: 'Missed while down' });
    // Slow REST down so the next push reaches the new socket while the re-sync is still reading.
    await emulator.latency(600);
    await emulator.refuseSockets(false);
    await waitFor('live again', () => s.status.state === 'live');
    const { activity: during } = await emulator.push({ title: 'Live during re-sync' });
    await waitFor('both activities', () => r.ids().includes(missed.id) && r.ids().includes(during.id));
    expect(r.ids().slice(-2)).to.deep.equal([missed.id, during.id]);
  });

  it('falls back to polling when upgrades are refused, still delivers, and returns to live', async () => {
    await emulator.refuseSockets(true);
    const s = stream({ maxSocketFailures: 2 });
    const r = record(s);
    cleanups.push(r.unsubscribe);
    await waitFor('polling', () => s.status.state === 'polling');
    await waitFor('the backlog by REST', () => r.activities.length >= 10);
    const { activity } = await emulator.push({ title: 'Polled' });
    await waitFor('the polled activity', () => r.ids().includes(activity.id), 3000);
    expect(r.statuses.some((st) => st.state === 'polling' && st.retryAt !== null)).to.equal(true);

    await emulator.refuseSockets(false);
    await waitFor('live again', () => s.status.state === 'live');
    const { activity: next } = await emulator.push({ title: 'Live again' });
    await waitFor('the live push', () => r.ids().includes(next.id));
    expect(new Set(r.ids()).size).to.equal(r.ids().length);
  });

  it('is offline when both the socket and REST fail, and recovers', async () => {
    await emulator.refuseSockets(true);
    await emulator.fault({ match: '/activities/', status: 503 });
    const client = new ArcClient({ api: emulator.url(), retries: 0 });
    const s = LiveActivityStream.for(emulator.url(), { ...FAST, maxSocketFailures: 1, client });
    const r = record(s);
    cleanups.push(r.unsubscribe);
    await waitFor('offline', () => s.status.state === 'offline');
    expect(s.status.error?.code).to.equal('server');
    await emulator.clearFaults();
    await waitFor('polling again', () => s.status.state === 'polling');
    await waitFor('the backlog', () => r.activities.length >= 10);
  });

  it('shares one socket between subscribers and closes it with the last one', async () => {
    const s = stream();
    expect(LiveActivityStream.for(`${emulator.url()}/`)).to.equal(s);
    const first = await live(s);
    const second = record(s);
    cleanups.push(second.unsubscribe);
    // A late subscriber gets the current status and the recent activities at once.
    expect(second.statuses[0].state).to.equal('live');
    expect(second.ids()).to.deep.equal(first.ids().slice(-10));
    expect(s.subscribers).to.equal(2);
    expect(await openSockets()).to.equal(1);

    const { activity } = await emulator.push({ title: 'For both' });
    await waitFor('both to receive it', () => first.ids().includes(activity.id) && second.ids().includes(activity.id));

    first.unsubscribe();
    await sleep(200);
    expect(await openSockets()).to.equal(1);
    second.unsubscribe();
    await waitFor('the socket to close', async () => (await openSockets()) === 0);
    const opened = (await emulator.stats()).sockets.opened;
    // No timer survives the last unsubscribe: no reconnect, no polling.
    await sleep(600);
    const stats = await emulator.stats();
    expect(stats.sockets.opened).to.equal(opened);
    expect(stats.sockets.open).to.equal(0);
    const polls = stats.paths['/activities/'];
    await sleep(400);
    expect((await emulator.stats()).paths['/activities/']).to.equal(polls);
  });
});
