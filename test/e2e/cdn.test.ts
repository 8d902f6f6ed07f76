/**
 * The one-script-tag bundle (dist/cdn/arcsecond-widgets.js, built by npm test before the browser tests):
 * nothing but the loader on a page without elements; a tag's code loads when the tag appears (also later, also
 * nested); no global CSS, no globals, no console output on a page that uses it correctly.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulatorUrl } from '../helpers/emulator.js';

const BUNDLE = '/dist/cdn/arcsecond-widgets.js';

function scriptsLoaded(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/cdn/'));
}

describe('CDN bundle', () => {
  const consoleCalls: string[] = [];
  const originals: Partial<Record<keyof Console, unknown>> = {};
  let globalsBefore: Set<string>;
  let sheetsBefore: number;

  before(async () => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      originals[level] = console[level];
      console[level] = (...args: unknown[]) => consoleCalls.push(`${level}: ${args.join(' ')}`);
    }
    globalsBefore = new Set(Object.keys(window));
    sheetsBefore = document.styleSheets.length + document.adoptedStyleSheets.length;
    await import(/* @vite-ignore */ BUNDLE);
  });

  after(() => {
    for (const [level, fn] of Object.entries(originals)) (console as any)[level] = fn;
  });

  it('loads only the loader when the page has no elements', async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect(scriptsLoaded()).to.deep.equal([BUNDLE]);
    for (const tag of ['arc-activity-ticker', 'arc-sky-map', 'arc-night-card', 'arc-visibility-chart', 'arc-provider']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('loads an element when its tag is added later, and only that element', async () => {
    const card = document.createElement('arc-night-card');
    card.setAttribute('api', emulatorUrl());
    card.setAttribute('weather', 'none');
    card.setAttribute('latitude', '-24.6272');
    card.setAttribute('longitude', '-70.4042');
    card.setAttribute('time-zone', 'America/Santiago');
    card.setAttribute('now', '2026-03-20T20:00:00Z');
    document.body.append(card);
    await waitUntil(() => customElements.get('arc-night-card'), 'arc-night-card defined', { timeout: 10_000 });
    await waitUntil(() => card.shadowRoot?.textContent?.trim(), 'night card rendered', { timeout: 10_000 });
    expect(customElements.get('arc-sky-map')).to.equal(undefined);
    expect(customElements.get('arc-activity-ticker')).to.equal(undefined);
    card.remove();
  });

  it('finds tags nested in an added subtree', async () => {
    const wrapper = document.createElement('section');
    wrapper.innerHTML = `<div><arc-visibility-chart api="${emulatorUrl()}" latitude="19.82" longitude="-155.47" time-zone="Pacific/Honolulu" targets="83.82 -5.39"></arc-visibility-chart></div>`;
    document.body.append(wrapper);
    await waitUntil(() => customElements.get('arc-visibility-chart'), 'arc-visibility-chart defined', { timeout: 10_000 });
    await waitUntil(() => wrapper.querySelector('arc-visibility-chart')!.shadowRoot?.querySelector('svg'), 'chart drawn', { timeout: 10_000 });
    wrapper.remove();
  });

  it('added no global CSS, no globals and printed nothing', () => {
    expect(document.styleSheets.length + document.adoptedStyleSheets.length).to.equal(sheetsBefore);
    const added = Object.keys(window).filter((k) => !globalsBefore.has(k));
    expect(added).to.deep.equal([]);
    expect(consoleCalls).to.deep.equal([]);
  });
});
