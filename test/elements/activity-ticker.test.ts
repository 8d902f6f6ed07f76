import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/entries/activity-ticker.js';
import '../../src/entries/provider.js';
import type { ArcActivityTicker } from '../../src/entries/activity-ticker.js';
import type { ArcProvider } from '../../src/elements/provider/provider.js';
import type { Activity } from '../../src/api/records.js';
import { inCone, matches } from '../../src/elements/activity-ticker/filters.js';
import { parseNear } from '../../src/elements/activity-ticker/near.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const q = (el: ArcActivityTicker, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const qa = (el: ArcActivityTicker, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const stateText = (el: ArcActivityTicker) => q(el, '[part=state]')?.textContent?.trim() ?? '';
const ids = (el: ArcActivityTicker) => el.activities.map((a) => a.id);
const shownIds = (el: ArcActivityTicker) => qa(el, 'li[part=item]').map((li) => Number(li.dataset.id));

/** Until the first snapshot is shown (items or the empty message). */
async function loaded(el: ArcActivityTicker, what = 'snapshot') {
  await waitUntil(() => el.activities.length > 0 || (q(el, '[part=message]') && !q(el, '[part=message]')!.textContent!.includes('Loading')), `${what} not loaded`, { timeout: 8000 });
  await el.updateComplete;
}

const live = (el: ArcActivityTicker) => waitUntil(() => el.state === 'live', `not live (state ${el.state})`, { timeout: 8000 });

/** Separation in degrees (haversine), independent of the element's cone test. */
function separation(ra1: number, dec1: number, ra2: number, dec2: number) {
  const r = Math.PI / 180;
  const h = Math.sin(((dec2 - dec1) * r) / 2) ** 2 + Math.cos(dec1 * r) * Math.cos(dec2 * r) * Math.sin(((ra2 - ra1) * r) / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / r;
}

describe('<arc-activity-ticker>', function () {
  this.timeout(20_000);
  beforeEach(() => emulator.reset());
  after(() => emulator.reset());

  it('renders the snapshot newest first, with names resolved and nothing undefined or UUID-like', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" limit="8" theme="light"></arc-activity-ticker>`);
    const load = oneEvent(el, 'arc-load');
    await loaded(el);
    expect((await load).detail.count).to.equal(8);
    expect(shownIds(el)).to.deep.equal(ids(el));
    const times = el.activities.map((a) => (a.creationDate ?? a.date)!.getTime());
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    // Every ground item gets its telescope, instrument and site names once the lookups are in.
    await waitUntil(() => qa(el, '[part=where]').length === 8 && qa(el, '[part=where]').every((w) => w.textContent!.includes(' · ')), 'names not resolved', { timeout: 8000 });
    const text = el.shadowRoot!.textContent!;
    expect(text).not.to.match(UUID_RE);
    expect(text).not.to.include('undefined');
    expect(text).not.to.include('null');
    const ground = el.activities.findIndex((a) => a.telescopeUuid);
    const where = qa(el, '[part=where]')[ground].textContent!;
    expect(where.split(' · ').length).to.be.at.least(3);
    // Coordinates in sexagesimal, absolute time in the tooltip.
    expect(qa(el, '[part=coords]')[0].textContent).to.match(/^\d\dh \d\dm \d\d\.\ds [+−]\d\d° \d\d′ \d\d″$/);
    // The absolute time (in the site's zone) is put in the tooltip when a pointer reaches the item.
    const time = qa(el, 'time')[ground];
    expect(time.title).to.equal('');
    time.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(time.title).to.match(/^Observed .+\(\w+\/[\w/+-]+\)$/);
    expect(stateText(el)).to.match(/^Updated /);
  });

  it('puts a pushed activity on top, fires arc-activity, and keeps the limit', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} limit="5"></arc-activity-ticker>`);
    await loaded(el);
    await live(el);
    expect(el.activities).to.have.length(5);
    const before = ids(el);
    const arrived: Activity[] = [];
    el.addEventListener('arc-activity', (e) => arrived.push(e.detail.activity as Activity));
    const { activity: pushed } = await emulator.push({ target_name: 'Pushed nebula' });
    await waitUntil(() => shownIds(el)[0] === pushed.id, 'pushed activity not on top', { timeout: 5000 });
    expect(arrived.map((a) => a.id)).to.deep.equal([pushed.id]);
    expect(q(el, 'li[part=item] [part=target]')!.textContent).to.equal('Pushed nebula');
    expect(ids(el)).to.deep.equal([pushed.id, ...before.slice(0, 4)]);
    // Announced as a batch summary in the polite live region, not item by item.
    await waitUntil(() => q(el, '[aria-live=polite]')!.textContent!.includes('1 new observation'), 'not announced', { timeout: 6000 });
    await emulator.push({});
    await emulator.push({});
    await waitUntil(() => arrived.length === 3, 'three arrivals', { timeout: 5000 });
    await waitUntil(() => shownIds(el)[1] === pushed.id + 1, 'second push not shown', { timeout: 5000 });
    expect(qa(el, 'li[part=item]')).to.have.length(5);
    expect(new Set(ids(el)).size).to.equal(5);
  });

  it('keeps the item elements, and the focus, of what is shown while new items arrive above', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} limit="5"></arc-activity-ticker>`);
    await loaded(el);
    await live(el);
    const before = qa(el, 'li[part=item]');
    const button = before.slice(1, 4).map((li) => li.querySelector<HTMLElement>('button[part=target]')).find(Boolean)!;
    const id = button.closest('li')!.dataset.id;
    button.focus();
    const { activity } = await emulator.push({ target_name: 'Arrived above' });
    await waitUntil(() => shownIds(el)[0] === activity.id, 'pushed activity not on top', { timeout: 5000 });
    // The same elements, one place down (the oldest dropped), the focused one still focused on the same activity.
    const after = qa(el, 'li[part=item]');
    expect(after).to.have.length(5);
    expect(after.slice(1).every((li, i) => li === before[i]), 'item elements kept').to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(button.closest('li')!.dataset.id).to.equal(id);
    expect(button.isConnected).to.be.true;
  });

  it('filters by site (name resolved), satellite and a cone, reading back until enough match', async () => {
    const all = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" limit="60"></arc-activity-ticker>`);
    await loaded(all);
    const siteUuid = all.activities.find((a) => a.siteUuid)!.siteUuid!;
    const sample = all.activities.find((a) => a.coordinates)!;
    const { name: siteName } = await (await all.loadClient()).site(siteUuid);
    all.remove();

    const bySite = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" limit="5" site=${siteName}></arc-activity-ticker>`);
    await loaded(bySite, 'site filter');
    expect(bySite.activities.length).to.be.greaterThan(0);
    expect(bySite.activities.every((a) => a.siteUuid === siteUuid)).to.be.true;

    const swift = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" limit="4" satellite="swift"></arc-activity-ticker>`);
    await loaded(swift, 'satellite filter');
    expect(swift.activities).to.have.length(4);
    expect(swift.activities.every((a) => a.satellite === 'Swift')).to.be.true;
    // A space activity names its satellite where a ground one names telescope and site.
    expect(q(swift, '[part=where]')!.textContent).to.match(/^Swift/);

    const { ra, dec } = sample.coordinates!;
    const near = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" limit="10" near=${`${ra} ${dec} 3`}></arc-activity-ticker>`);
    await loaded(near, 'cone filter');
    expect(near.activities.map((a) => a.id)).to.include(sample.id);
    for (const a of near.activities) expect(separation(ra, dec, a.coordinates!.ra, a.coordinates!.dec)).to.be.at.most(3);
  });

  it('drops live activities that do not match its filters', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} limit="5" target="Vega"></arc-activity-ticker>`);
    await loaded(el);
    await live(el);
    const { activity: other } = await emulator.push({ target_name: 'Altair' });
    const { activity: vega } = await emulator.push({ target_name: 'Vega' });
    await waitUntil(() => shownIds(el)[0] === vega.id, 'matching push not shown', { timeout: 5000 });
    expect(ids(el)).not.to.include(other.id);
  });

  it('scopes to an organisation: its route for the snapshot, its activities only from the live stream', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} organisation="eso" limit="5"></arc-activity-ticker>`);
    await loaded(el);
    await live(el);
    expect(el.activities.length).to.be.greaterThan(0);
    expect(el.activities.every((a) => a.organisation === 'eso')).to.be.true;
    expect(Object.keys((await emulator.stats()).paths)).to.include('/eso/activities/');
    const { activity: other } = await emulator.push({ organisation: 'saao', target_name: 'Elsewhere' });
    const { activity: ours } = await emulator.push({ organisation: 'eso', target_name: 'At ESO' });
    await waitUntil(() => shownIds(el)[0] === ours.id, 'own organisation activity not shown', { timeout: 5000 });
    expect(ids(el)).not.to.include(other.id);
  });

  it('shows reconnecting with a countdown when sockets drop, then live again without duplicates', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} limit="10"></arc-activity-ticker>`);
    await loaded(el);
    await live(el);
    const states: string[] = [];
    const texts: string[] = [];
    el.addEventListener('arc-status', (e) => {
      states.push(e.detail.state);
      texts.push(stateText(el));
    });
    await emulator.dropSockets();
    // Published while the socket is down: the stream's REST re-sync must bring it in, once.
    const { activity: missed } = await emulator.push({ target_name: 'Missed while down' });
    await waitUntil(() => states.includes('connecting'), 'no reconnecting state', { timeout: 5000 });
    expect(texts[states.indexOf('connecting')]).to.match(/^Reconnecting in \d+ s$/);
    await waitUntil(() => states.at(-1) === 'live', 'not live again', { timeout: 8000 });
    await waitUntil(() => ids(el).includes(missed.id), 'missed activity not re-synced', { timeout: 5000 });
    expect(new Set(ids(el)).size).to.equal(ids(el).length);
    expect(new Set(shownIds(el)).size).to.equal(shownIds(el).length);
    expect(stateText(el)).to.equal('Live');
  });

  it('says when the live feed has gone quiet, and recovers on the next activity', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} limit="5" stale-after="1"></arc-activity-ticker>`);
    await loaded(el);
    await live(el);
    const states: string[] = [];
    el.addEventListener('arc-status', (e) => states.push(e.detail.state));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The page clock re-renders once a minute; any render shows the staleness.
    el.requestUpdate();
    await el.updateComplete;
    expect(el.state).to.equal('stale');
    expect(stateText(el)).to.match(/^No update for \d+ sec/);
    expect(states).to.deep.equal(['stale']);
    await emulator.push({});
    await waitUntil(() => states.at(-1) === 'live', 'not live again', { timeout: 5000 });
    expect(stateText(el)).to.equal('Live');
  });

  it('polls, and says so, when socket upgrades are refused', async () => {
    await emulator.refuseSockets(true);
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} limit="5"></arc-activity-ticker>`);
    await loaded(el);
    const { activity: pushed } = await emulator.push({ target_name: 'Seen by polling' });
    await waitUntil(() => el.state === 'polling', `not polling (state ${el.state})`, { timeout: 9000 });
    expect(stateText(el)).to.equal('Polling (no live connection)');
    expect(q(el, '[part=status]')!.dataset.state).to.equal('polling');
    await waitUntil(() => ids(el).includes(pushed.id), 'polled activity not shown', { timeout: 5000 });
    expect(new Set(ids(el)).size).to.equal(ids(el).length);
  });

  it('holds new items while paused, counts them, and shows them on resume', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} limit="6"></arc-activity-ticker>`);
    await loaded(el);
    await live(el);
    const top = ids(el)[0];
    const status = oneEvent(el, 'arc-status');
    q(el, '[part=pause]')!.click();
    expect((await status).detail.state).to.equal('paused');
    expect(el.paused).to.be.true;
    const pushed = [];
    for (let i = 0; i < 3; i++) pushed.push((await emulator.push({ target_name: `Held ${i}` })).activity.id);
    await waitUntil(() => el.newCount === 3, 'not counted', { timeout: 5000 });
    await el.updateComplete;
    expect(ids(el)[0]).to.equal(top);
    expect(q(el, '[part=new]')!.textContent).to.equal('3 new');
    expect(stateText(el)).to.equal('Paused');
    q(el, '[part=pause]')!.click();
    await el.updateComplete;
    expect(ids(el).slice(0, 4)).to.deep.equal([...pushed].reverse().concat(top));
    expect(q(el, '[part=new]')).to.be.null;
    expect(el.newCount).to.equal(0);
  });

  it('renders hostile payloads inert: markup as text, no javascript: link, long text truncated', async () => {
    const el = await fixture<ArcActivityTicker>(html`<div style="width: 400px"><arc-activity-ticker api=${emulatorUrl()} limit="5"></arc-activity-ticker></div>`).then((d) => d.firstElementChild as ArcActivityTicker);
    await loaded(el);
    await live(el);
    const evil = '<img src=x onerror="window.__arcPwned=1">';
    const long = 'Ω'.repeat(10_240);
    const { activity } = await emulator.push({
      target_name: evil,
      links: [
        { title: 'evil', url: 'javascript:window.__arcPwned=2' },
        { title: '<b>data</b>', url: 'data:text/html,<script>1</script>' },
        { title: 'Archive', url: 'https://archive.example.org/x' },
      ],
      programme: { identifier: 'X1', title: long, investigators: [], investigators_list: 'שרה כהן, 李雷 🔭' },
    });
    await waitUntil(() => shownIds(el)[0] === activity.id, 'hostile activity not shown', { timeout: 5000 });
    const item = q(el, 'li[part=item]')!;
    expect(item.querySelector('img')).to.be.null;
    expect(item.querySelector('[part=target]')!.textContent).to.equal(evil);
    expect((window as any).__arcPwned).to.be.undefined;
    const links = [...item.querySelectorAll('a')];
    expect(links.every((a) => /^https?:/.test(a.href))).to.be.true;
    const archive = links.find((a) => a.textContent === 'Archive')!;
    expect(archive.rel).to.equal('noopener noreferrer');
    expect(archive.target).to.equal('_blank');
    expect(item.querySelector('a[href^="javascript"], a[href^="data"]')).to.be.null;
    // 10 KB of title stays on one line, with the full text available.
    const programme = item.querySelector<HTMLElement>('[part=programme]')!;
    expect(programme.getBoundingClientRect().height).to.be.below(40);
    expect(programme.title).to.include(long);
    expect(item.getBoundingClientRect().width).to.be.at.most(400);
    expect(programme.textContent).to.include('שרה כהן');
    expect(programme.textContent).to.include('🔭');
  });

  it('selects an item by click or Enter: arc-select with the target and activity, taken up by a provider', async () => {
    const provider = await fixture<ArcProvider>(html`<arc-provider api=${emulatorUrl()}><arc-activity-ticker live="false" limit="5"></arc-activity-ticker></arc-provider>`);
    const el = provider.querySelector('arc-activity-ticker')!;
    await loaded(el);
    const index = el.activities.findIndex((a) => a.coordinates);
    const a = el.activities[index];
    const selected = oneEvent(el, 'arc-select');
    qa(el, 'li[part=item]')[index].querySelector<HTMLElement>('[part=target]')!.click();
    const { detail } = await selected;
    expect(detail.source).to.equal('arc-activity-ticker');
    expect(detail.target).to.deep.equal({ name: a.targetName, ra: a.coordinates!.ra, dec: a.coordinates!.dec });
    expect((detail.activity as Activity).id).to.equal(a.id);
    expect(provider.selection.target?.name).to.equal(a.targetName);
    await el.updateComplete;
    expect(qa(el, 'li[part=item]')[index].classList.contains('selected')).to.be.true;

    // Keyboard: arrows move between items, Enter selects.
    const buttons = qa(el, 'button[part=target]');
    buttons[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons.at(-1));
    const again = oneEvent(el, 'arc-select');
    await sendKeys({ press: 'Enter' });
    const second = await again;
    expect((second.detail.activity as Activity).id).to.equal(Number(buttons.at(-1)!.closest('li')!.dataset.id));
  });

  it('refreshes a snapshot-only ticker on its interval without opening a socket', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" refresh="1" limit="5"></arc-activity-ticker>`);
    await loaded(el);
    const arrived = oneEvent(el, 'arc-activity');
    const { activity } = await emulator.push({ target_name: 'Refreshed in' });
    expect(((await arrived).detail.activity as Activity).id).to.equal(activity.id);
    await waitUntil(() => shownIds(el)[0] === activity.id, 'refresh not shown', { timeout: 3000 });
    expect((await emulator.stats()).sockets.opened).to.equal(0);
  });

  it('shows an error with a retry, then recovers; bad attributes get a clear message', async () => {
    await emulator.fault({ match: '/activities/', status: 400, times: 1 });
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" limit="3"></arc-activity-ticker>`);
    const error = await oneEvent(el, 'arc-error');
    expect(error.detail.code).to.equal('invalid-input');
    await el.updateComplete;
    const message = q(el, '[part=message][role=alert]')!;
    expect(message.textContent).to.include('Could not load the activity feed.');
    message.querySelector('button')!.click();
    await waitUntil(() => el.activities.length === 3, 'not recovered', { timeout: 5000 });
    await el.updateComplete;
    expect(q(el, '[role=alert]')).to.be.null;

    el.near = '12 north 4';
    const nearError = await oneEvent(el, 'arc-error');
    expect(nearError.detail.message).to.include('near must be “ra dec radius”');
    el.near = null;
    el.limit = 0;
    await oneEvent(el, 'arc-error');
    await el.updateComplete;
    expect(q(el, '[role=alert]')!.textContent).to.include('limit must be a number from 1 to 200');
  });

  it('says when nothing matches instead of showing an empty box', async () => {
    const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" target="no such target anywhere"></arc-activity-ticker>`);
    await loaded(el);
    expect(el.activities).to.have.length(0);
    expect(q(el, '[part=message]')!.textContent).to.equal('No matching activity among the latest observations');
  });

  it('lays out compact items on one line, and runs the marquee unless paused or reduced motion is asked', async () => {
    const compact = await fixture<ArcActivityTicker>(html`<div style="width: 280px"><arc-activity-ticker api=${emulatorUrl()} live="false" layout="compact" limit="4"></arc-activity-ticker></div>`).then((d) => d.firstElementChild as ArcActivityTicker);
    await loaded(compact);
    // Items off screen skip rendering (content-visibility); give the browser a frame to lay these out.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const li of qa(compact, 'li[part=item]')) {
      expect(li.getBoundingClientRect().height).to.be.below(32);
      // The details the line cannot hold are in its tooltip, starting with the full target name.
      expect(li.title.split('\n')[0]).to.equal(li.querySelector('[part=target]')!.textContent);
      expect(li.title.split('\n').length).to.be.at.least(3);
    }
    const marquee = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" refresh="60" layout="marquee" limit="4"></arc-activity-ticker>`);
    await loaded(marquee);
    const list = q(marquee, '.track')!;
    expect(getComputedStyle(list).animationName).to.equal('scroll');
    // The seamless copy is hidden from assistive technology and has nothing focusable.
    const copy = q(marquee, '.copy')!;
    expect(copy.getAttribute('aria-hidden')).to.equal('true');
    expect(copy.querySelector('button, a, [tabindex]')).to.be.null;
    expect(getComputedStyle(list).animationPlayState).to.equal('running');
    marquee.paused = true;
    await marquee.updateComplete;
    expect(getComputedStyle(list).animationPlayState).to.equal('paused');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(list).animationName).to.equal('none');
      expect(getComputedStyle(copy).display).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('passes axe in the light, dark and night themes, in every layout', async () => {
    for (const theme of ['light', 'dark', 'night']) {
      for (const layout of ['list', 'compact', 'marquee']) {
        const el = await fixture<ArcActivityTicker>(html`<arc-activity-ticker api=${emulatorUrl()} live="false" refresh="60" limit="4" theme=${theme} layout=${layout}></arc-activity-ticker>`);
        await loaded(el);
        await waitUntil(() => qa(el, '[part=where]').every((w) => w.textContent), 'names', { timeout: 5000 });
        await expect(el).to.be.accessible();
      }
    }
  });

  it('ten tickers share one socket and fetch each UUID once', async () => {
    // A base this page has not used yet (localhost instead of 127.0.0.1): a fresh client cache and stream.
    const base = emulatorUrl().replace('127.0.0.1', 'localhost');
    const box = await fixture<HTMLElement>(html`<div>${Array.from({ length: 10 }, () => html`<arc-activity-ticker api=${base} limit="15"></arc-activity-ticker>`)}</div>`);
    const tickers = [...box.querySelectorAll('arc-activity-ticker')];
    for (const t of tickers) await loaded(t);
    await waitUntil(
      () => tickers.every((t) => t.state === 'live' && qa(t, '[part=where]').length === t.activities.length && qa(t, '[part=where]').every((w) => w.textContent!.includes(' · '))),
      'all tickers live with names',
      { timeout: 10_000 },
    );
    const stats = await emulator.stats();
    expect(stats.sockets.opened).to.equal(1);
    const lookups = Object.entries(stats.paths).filter(([p]) => /^\/(telescopes|instruments|observingsites)\/[0-9a-f-]{36}\/$/.test(p));
    expect(lookups.length).to.be.greaterThan(3);
    for (const [path, count] of lookups) expect(count, path).to.equal(1);
  });
});

describe('ticker filters (pure)', () => {
  const base = { id: 1, targetName: 'Orion Nebula', satellite: null, siteUuid: null, telescopeUuid: null, instrumentUuid: null, organisation: 'eso', coordinates: { ra: 83.82, dec: -5.39 }, programme: { identifier: '0110.C-0123(A)', title: null, investigators: [], abstract: null, abstractUrl: null, fullDetailsUrl: null } } as unknown as Activity;

  it('reads near as decimal or sexagesimal centre plus a radius, and rejects the rest', () => {
    expect(parseNear('83.82 -5.39 2')).to.deep.equal({ ra: 83.82, dec: -5.39, radius: 2 });
    const sexagesimal = parseNear('05:35:17.3 -05:23:28 0.5');
    expect(sexagesimal.ra).to.be.closeTo(83.822, 0.001);
    expect(sexagesimal.dec).to.be.closeTo(-5.391, 0.001);
    expect(sexagesimal.radius).to.equal(0.5);
    for (const bad of ['', '83.82 -5.39', '83.82 -5.39 0', '83.82 -5.39 181', 'M42 2', '400 0 1']) expect(() => parseNear(bad), bad).to.throw(/near|RA|Could not/);
  });

  it('tests the cone across RA 0/360 and near the pole', () => {
    expect(inCone({ ra: 359.9, dec: 0, radius: 0.5 }, 0.2, 0)).to.be.true;
    expect(inCone({ ra: 359.9, dec: 0, radius: 0.2 }, 0.2, 0)).to.be.false;
    expect(inCone({ ra: 0, dec: 89.9, radius: 0.3 }, 180, 89.9)).to.be.true;
    expect(inCone({ ra: 83.82, dec: -5.39, radius: 1 }, 83.82, -6.5)).to.be.false;
  });

  it('matches case- and accent-insensitively, programmes by prefix, targets by substring', () => {
    expect(matches(base, { target: 'orión' })).to.be.true;
    expect(matches(base, { target: 'crab' })).to.be.false;
    expect(matches(base, { programme: '0110.c' })).to.be.true;
    expect(matches(base, { programme: '0111' })).to.be.false;
    expect(matches(base, { satellite: 'Swift' })).to.be.false;
    expect(matches({ ...base, satellite: 'Swift' }, { satellite: 'SWIFT' })).to.be.true;
    expect(matches(base, { near: { ra: 84, dec: -5, radius: 1 } })).to.be.true;
    expect(matches({ ...base, coordinates: null }, { near: { ra: 84, dec: -5, radius: 1 } })).to.be.false;
    expect(matches(base, { organisation: 'ESO', target: 'nebula' })).to.be.true;
  });
});
