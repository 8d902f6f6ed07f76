/**
 * Accessibility across the kit: axe-core (through @open-wc's `to.be.accessible()`) on every element with its data
 * loaded, in the light, dark and night themes, then again in an interactive state each (ticker paused with an item
 * selected, a sky-map popup open, the chart's crosshair and table, the night card's score explanation); `theme="auto"`
 * under `prefers-color-scheme: dark`; and `prefers-reduced-motion`: nothing moves, no CSS animation runs.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/entries/activity-ticker.js';
import '../../src/entries/sky-map.js';
import '../../src/entries/night-card.js';
import '../../src/entries/visibility-chart.js';
import type { ArcActivityTicker } from '../../src/entries/activity-ticker.js';
import type { ArcSkyMap } from '../../src/entries/sky-map.js';
import type { ArcNightCard } from '../../src/entries/night-card.js';
import type { ArcVisibilityChart } from '../../src/entries/visibility-chart.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

const PARANAL = 'Cerro Paranal Observatory';
const DATE = '2026-03-21';
/** 23:10 in Chile on the night of DATE: the chart's "now" line is inside the night, Orion is up for the map. */
const NOW = '2026-03-22T02:10:00Z';
const PARANAL_COORDS = { latitude: '-24.6272', longitude: '-70.4042' };

type Kit = {
  page: HTMLElement;
  tickers: ArcActivityTicker[];
  map: ArcSkyMap;
  cards: ArcNightCard[];
  chart: ArcVisibilityChart;
};

const sr = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => sr(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...sr(el).querySelectorAll<T>(sel)];
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (k: number) => (k ? requestAnimationFrame(() => step(k - 1)) : resolve());
    step(n);
  });

/** Every element of the kit with data: three ticker layouts, a map with targets at a site, three night cards, a chart. */
async function renderKit(theme: string): Promise<Kit> {
  const page = await fixture<HTMLElement>(html`<main>
    <div style="width: 600px">
      ${['list', 'compact', 'marquee'].map(
        (layout) => html`<arc-activity-ticker api=${emulatorUrl()} live="false" refresh="60" limit="4" theme=${theme} layout=${layout}></arc-activity-ticker>`,
      )}
    </div>
    <div style="width: 700px">
      <arc-sky-map api=${emulatorUrl()} now=${NOW} theme=${theme} latitude=${PARANAL_COORDS.latitude} longitude=${PARANAL_COORDS.longitude}
        time-zone="America/Santiago" center="84 -3" fov="40" targets="83.822 -5.391; Sirius"></arc-sky-map>
    </div>
    <div style="width: 800px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${PARANAL} theme=${theme}></arc-night-card></div>
    <div style="width: 280px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${PARANAL} theme=${theme}></arc-night-card></div>
    <div style="width: 800px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site="La Silla Observatory" theme=${theme}></arc-night-card></div>
    <div style="width: 800px">
      <arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} theme=${theme} targets="M42; NGC 253"></arc-visibility-chart>
    </div>
  </main>`);
  const kit: Kit = {
    page,
    tickers: [...page.querySelectorAll('arc-activity-ticker')],
    map: page.querySelector('arc-sky-map')!,
    cards: [...page.querySelectorAll('arc-night-card')],
    chart: page.querySelector('arc-visibility-chart')!,
  };
  await loaded(kit);
  return kit;
}

/** Until every element shows its data (ticker names resolved, map drawn with its markers, forecast in, curves drawn). */
async function loaded({ tickers, map, cards, chart }: Kit) {
  for (const t of tickers) {
    await waitUntil(() => t.activities.length === 4, 'ticker snapshot', { timeout: 10_000 });
    // (The marquee's hidden copy repeats the items: count those of the list itself.)
    const where = () => qa(t, '[part=list] [part=where]');
    await waitUntil(() => where().length === 4 && where().every((w) => w.textContent!.includes(' · ')), 'ticker names', { timeout: 10_000 });
  }
  await map.ready;
  await waitUntil(() => qa(map, '.sm-target').length === 2, 'map targets', { timeout: 10_000 });
  // Two full cards on one page (their landmarks and ids must not clash), and a compact one.
  const [full, compact, other] = cards;
  for (const card of [full, other]) await waitUntil(() => q(card, 'table.hourly tbody tr'), 'full night card forecast', { timeout: 15_000 });
  await waitUntil(() => q(compact, 'article.compact [part=score] .badge'), 'compact night card score', { timeout: 15_000 });
  await waitUntil(() => qa(chart, 'svg[part=chart] path.curve').length === 2, 'chart curves', { timeout: 10_000 });
  await frames(3);
  for (const el of [...tickers, map, ...cards, chart]) await el.updateComplete;
}

/** Put every element in a state a user reaches by interacting with it. */
async function interact({ tickers, map, cards, chart }: Kit) {
  // Ticker: paused (the pause button turns into "Resume"), an item selected.
  const [list] = tickers;
  q(list, '[part=pause]')!.click();
  q(list, 'button[part=target]')!.click();
  await list.updateComplete;
  expect(list.paused).to.equal(true);
  expect(q(list, 'button[part=target][aria-current=true]')).not.to.equal(null);
  // Sky map: a target's popup and the layer control open.
  q(map, '.sm-target')!.click();
  await waitUntil(() => q(map, '.leaflet-popup [data-fact=altitude]'), 'sky map popup', { timeout: 5000 });
  // Leaflet fades a popup in: check its colours once it is opaque.
  await waitUntil(() => getComputedStyle(q(map, '.leaflet-popup')!).opacity === '1', 'popup faded in', { timeout: 3000 });
  q<HTMLDetailsElement>(map, 'details.layers')!.open = true;
  // Night card: the score explanation open.
  const how = q<HTMLDetailsElement>(cards[0], 'details.how')!;
  how.open = true;
  await oneEvent(how, 'toggle');
  // Chart: the keyboard crosshair with its readout, and the table of events open.
  q(chart, '[part=cursor]')!.focus();
  const table = q<HTMLDetailsElement>(chart, 'details[part=table]')!;
  table.open = true;
  await oneEvent(table, 'toggle');
  await chart.updateComplete;
  expect(q(chart, '[part=readout]')).not.to.equal(null);
  expect(table.querySelector('table')).not.to.equal(null);
  await frames(2);
}

describe('accessibility across the kit', function () {
  this.timeout(60_000);
  before(() => emulator.reset());
  after(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  for (const theme of ['light', 'dark', 'night']) {
    it(`passes axe in the ${theme} theme, with data and in an interactive state`, async () => {
      const kit = await renderKit(theme);
      for (const el of [...kit.tickers, kit.map, ...kit.cards, kit.chart]) expect(el.dataset.arcTheme, el.tagName).to.equal(theme);
      await expect(kit.page).to.be.accessible();
      await interact(kit);
      await expect(kit.page).to.be.accessible();
    });
  }

  it('follows prefers-color-scheme: dark with theme="auto", and passes axe there', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const kit = await renderKit('auto');
      // The dark palette of styles/host.ts (background #111418, text #e6e8eb), not the light one.
      const dark = { bg: 'rgb(17, 20, 24)', text: 'rgb(230, 232, 235)' };
      const [list] = kit.tickers;
      expect(getComputedStyle(q(list, '.base')!).backgroundColor).to.equal(dark.bg);
      expect(getComputedStyle(q(list, '[part=where]')!).color).to.equal(dark.text);
      expect(getComputedStyle(q(kit.cards[0], '.card')!).backgroundColor).to.equal(dark.bg);
      expect(getComputedStyle(q(kit.chart, '.base')!).backgroundColor).to.equal(dark.bg);
      expect(getComputedStyle(q(kit.map, '.toolbar button')!).color).to.equal(dark.text);
      await expect(kit.page).to.be.accessible();
      await interact(kit);
      await expect(kit.page).to.be.accessible();
      // And back to light when the scheme changes, without re-rendering.
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(q(list, '.base')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  describe('with prefers-reduced-motion: reduce', () => {
    before(() => emulateMedia({ reducedMotion: 'reduce' }));
    after(() => emulateMedia({ reducedMotion: 'no-preference' }));

    /** CSS animations and transitions still running anywhere in an element's shadow root. */
    const running = (el: Element) =>
      sr(el)
        .getAnimations()
        .filter((a) => a.playState === 'running')
        .map((a) => (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? 'animation');

    it('keeps the marquee still and the live dot steady: no animation runs', async () => {
      const page = await fixture<HTMLElement>(html`<div style="width: 700px">
        <arc-activity-ticker api=${emulatorUrl()} live="false" refresh="60" layout="marquee" limit="6"></arc-activity-ticker>
        <arc-activity-ticker api=${emulatorUrl()} layout="marquee" limit="6"></arc-activity-ticker>
      </div>`);
      const [snapshot, live] = [...page.querySelectorAll('arc-activity-ticker')];
      await waitUntil(() => snapshot.activities.length === 6 && live.activities.length === 6, 'marquees loaded', { timeout: 10_000 });
      await waitUntil(() => live.state === 'live', 'live ticker connected', { timeout: 10_000 });
      await live.updateComplete;
      expect(q(live, '[part=status]')!.dataset.state).to.equal('live');
      for (const el of [snapshot, live]) {
        const track = q(el, '.track')!;
        expect(getComputedStyle(track).animationName, 'marquee animation').to.equal('none');
        // The seamless copy exists only to loop the motion; without motion it is not shown.
        expect(getComputedStyle(q(el, '.copy')!).display).to.equal('none');
        const first = q(el, 'li[part=item]')!;
        const x0 = first.getBoundingClientRect().left;
        await new Promise((r) => setTimeout(r, 700));
        expect(first.getBoundingClientRect().left, 'the first item did not move').to.equal(x0);
        expect(running(el), 'running animations').to.deep.equal([]);
      }
      // The same marquee moves when motion is allowed (the check above can fail).
      await emulateMedia({ reducedMotion: 'no-preference' });
      try {
        const x0 = q(snapshot, 'li[part=item]')!.getBoundingClientRect().left;
        await waitUntil(() => q(snapshot, 'li[part=item]')!.getBoundingClientRect().left < x0 - 1, 'marquee moves without reduced motion', { timeout: 3000 });
        expect(running(snapshot)).to.include('scroll');
      } finally {
        await emulateMedia({ reducedMotion: 'reduce' });
      }
    });

    it('runs no animation in the map, the card (loading or loaded) and the chart, and the map jumps instead of panning', async () => {
      await emulator.fault({ match: '/v1/forecast', latency: 1500, times: 1 });
      // A weather base this page has not used (localhost for 127.0.0.1): the forecast is fetched, not taken from the cache.
      const weatherApi = emulatorUrl().replace('127.0.0.1', 'localhost');
      const page = await fixture<HTMLElement>(html`<main>
        <div style="width: 700px"><arc-sky-map api=${emulatorUrl()} now=${NOW} center="84 -3" fov="40" targets="83.822 -5.391"></arc-sky-map></div>
        <div style="width: 800px"><arc-night-card api=${emulatorUrl()} weather-api=${weatherApi} site=${PARANAL}></arc-night-card></div>
        <div style="width: 800px"><arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} targets="M42"></arc-visibility-chart></div>
      </main>`);
      const map = page.querySelector('arc-sky-map')!;
      const card = page.querySelector('arc-night-card')!;
      const chart = page.querySelector('arc-visibility-chart')!;
      // While the forecast is on its way, the card shows shimmering skeletons — still, under reduced motion.
      await waitUntil(() => q(card, '.section.weather [part=skeleton]'), 'weather skeleton', { timeout: 10_000 });
      expect(running(card)).to.deep.equal([]);
      await map.ready;
      await waitUntil(() => q(card, 'table.hourly tbody tr'), 'forecast', { timeout: 15_000 });
      await waitUntil(() => qa(chart, 'path.curve').length === 1, 'chart curve', { timeout: 10_000 });
      for (const el of [map, card, chart]) expect(running(el), el.tagName).to.deep.equal([]);
      // A programmatic move lands at once (no animated pan), and nothing is left animating.
      map.goTo(120, 20);
      expect(map.currentView!.ra).to.be.closeTo(120, 0.5);
      expect(map.currentView!.dec).to.be.closeTo(20, 0.5);
      await frames(2);
      expect(running(map)).to.deep.equal([]);
      // Leaflet's own animations are off: no zoom animation, no fading tiles and popups.
      const { zoomAnimation, fadeAnimation } = map.leafletMap!.options;
      expect({ zoomAnimation, fadeAnimation }).to.deep.equal({ zoomAnimation: false, fadeAnimation: false });
      expect(q(map, '.leaflet-container')!.classList.contains('leaflet-fade-anim')).to.equal(false);
    });
  });
});
