/**
 * A page with aggressive global CSS: resets, `!important` rules on every element type, a huge base font, and
 * `*` rules forcing colour, font, letter-spacing and case. Every element must still render as designed: the same
 * computed text styles inside its shadow root as on a clean page (the theme's colours, the kit's font and size),
 * the same height, and SVG/canvas drawings of the same size.
 *
 * Each element is measured on the clean page, the hostile sheet is then added to the same page, and the element is
 * measured again once it has re-laid itself out.
 *
 * Not checked: a text decoration set on an ancestor (the line-through below, or a wrapping link's underline) is drawn
 * through the shadow content too. It is not in any computed style, and no :host rule stops it (only an atomic inline
 * box around each element's content would).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/entries/activity-ticker.js';
import '../../src/entries/sky-map.js';
import '../../src/entries/night-card.js';
import '../../src/entries/visibility-chart.js';
import type { ArcActivityTicker } from '../../src/entries/activity-ticker.js';
import type { ArcSkyMap } from '../../src/entries/sky-map.js';
import type { ArcNightCard } from '../../src/entries/night-card.js';
import type { ArcVisibilityChart } from '../../src/entries/visibility-chart.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

/** What a hostile page does to everything it can reach: the host elements, their wrappers, inheritance. */
const HOSTILE_CSS = `
  * { margin: 0; padding: 0; box-sizing: content-box !important; }
  * {
    color: magenta !important;
    font-family: cursive !important;
    letter-spacing: 3px !important;
    text-transform: uppercase !important;
    word-spacing: 9px !important;
    font-weight: 900 !important;
    font-style: italic !important;
    text-indent: 30px !important;
    text-shadow: 2px 2px 0 lime !important;
    text-align: right !important;
    white-space: pre !important;
    line-height: 3 !important;
    font-size: 100% !important;
    -webkit-text-fill-color: magenta !important;
    font-variant: small-caps !important;
    cursor: crosshair !important;
    stroke-width: 9px !important;
    stroke-dasharray: 3 !important;
    text-anchor: end !important;
    paint-order: stroke !important;
  }
  html { font-size: 40px !important; line-height: 3 !important; }
  body { font: italic 900 40px/3 cursive !important; }
  div, span, button, svg, table, li, a, p, ul, canvas, img, section, details, summary {
    border: 3px dashed lime !important;
    background: yellow !important;
    font-size: 30px !important;
    line-height: 5 !important;
    padding: 7px !important;
    fill: red !important;
    stroke: red !important;
    outline: 4px solid orange !important;
    list-style: square inside !important;
    text-decoration: line-through !important;
    min-height: 0 !important;
    max-width: none !important;
  }
  svg, canvas, img { width: 50px !important; height: 50px !important; }
  button { appearance: auto !important; }
  a { color: red !important; }
`;

const PARANAL = 'Cerro Paranal Observatory';
const DATE = '2026-03-21';
const NOW = '2026-03-22T02:10:00Z';

/** Text properties the kit sets on its hosts; none of them may come from the page. */
const TEXT_PROPS = [
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-caps',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-indent',
  'text-shadow',
  'white-space',
  'line-height',
  '-webkit-text-fill-color',
] as const;
/** Painted SVG properties (SVG text and shapes inherit fill and stroke). */
const SVG_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'text-anchor', 'paint-order'] as const;

interface Snapshot {
  height: number;
  width: number;
  /** Computed style of every element in the shadow root (by tag and index), for the properties above. */
  styles: Map<string, Record<string, string>>;
  /** Box size of every <svg> and <canvas> drawn in the shadow root. */
  drawings: Map<string, string>;
  host: Record<string, string>;
}

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (k: number) => (k ? requestAnimationFrame(() => step(k - 1)) : resolve());
    step(n);
  });

/** A readable name for an element in the shadow root: tag, part or first class, and its index among those. */
function label(el: Element, counts: Map<string, number>): string {
  const base = `${el.tagName.toLowerCase()}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : el.classList[0] ? `.${el.classList[0]}` : ''}`;
  const n = counts.get(base) ?? 0;
  counts.set(base, n + 1);
  return `${base}#${n}`;
}

/** Elements that are laid out (not in a closed <details>, not display:none), so their styles matter. */
function rendered(el: Element): boolean {
  return el.getClientRects().length > 0 || el instanceof SVGElement;
}

function snapshot(host: HTMLElement): Snapshot {
  const root = host.shadowRoot!;
  const styles = new Map<string, Record<string, string>>();
  const drawings = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const el of root.querySelectorAll('*')) {
    if (['STYLE', 'SLOT', 'TEMPLATE'].includes(el.tagName) || !rendered(el)) continue;
    const name = label(el, counts);
    const cs = getComputedStyle(el);
    const props: Record<string, string> = {};
    for (const p of TEXT_PROPS) props[p] = cs.getPropertyValue(p);
    if (el instanceof SVGElement) for (const p of SVG_PROPS) props[p] = cs.getPropertyValue(p);
    styles.set(name, props);
    if (el.tagName === 'svg' || el.tagName === 'CANVAS') {
      const r = el.getBoundingClientRect();
      drawings.set(name, `${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
  }
  const cs = getComputedStyle(host);
  const hostProps: Record<string, string> = {};
  for (const p of [...TEXT_PROPS, 'box-sizing', 'display']) hostProps[p] = cs.getPropertyValue(p);
  const box = host.getBoundingClientRect();
  return { height: box.height, width: box.width, styles, drawings, host: hostProps };
}

/** Differences between two snapshots, as readable lines (empty when the element renders the same). */
function differences(clean: Snapshot, hostile: Snapshot): string[] {
  const out: string[] = [];
  for (const [name, props] of clean.styles) {
    const other = hostile.styles.get(name);
    if (!other) continue;
    for (const [p, v] of Object.entries(props)) if (other[p] !== v) out.push(`${name} ${p}: ${v} → ${other[p]}`);
  }
  for (const [name, size] of clean.drawings) {
    const other = hostile.drawings.get(name);
    if (other && other !== size) out.push(`${name} size: ${size} → ${other}`);
  }
  for (const [p, v] of Object.entries(clean.host)) if (hostile.host[p] !== v) out.push(`host ${p}: ${v} → ${hostile.host[p]}`);
  return out;
}

function addHostileSheet(): HTMLStyleElement {
  const style = document.createElement('style');
  style.id = 'hostile';
  style.textContent = HOSTILE_CSS;
  document.head.append(style);
  return style;
}

describe('hostile page CSS', function () {
  this.timeout(60_000);
  let hostile: HTMLStyleElement | null = null;

  before(() => emulator.reset());
  afterEach(() => {
    hostile?.remove();
    hostile = null;
  });

  it('leaves all four elements as designed: same text styles, theme colours, heights and drawing sizes', async () => {
    const page = await fixture<HTMLElement>(html`<main>
      <div style="width: 420px"><arc-activity-ticker api=${emulatorUrl()} live="false" limit="4" theme="light"></arc-activity-ticker></div>
      <div style="width: 640px">
        <arc-sky-map api=${emulatorUrl()} now=${NOW} theme="dark" center="84 -3" fov="40" latitude="-24.6272" longitude="-70.4042"
          time-zone="America/Santiago" targets="83.822 -5.391"></arc-sky-map>
      </div>
      <div style="width: 800px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${PARANAL} theme="light" layout="full"></arc-night-card></div>
      <div style="width: 800px">
        <arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} theme="night" targets="M42; NGC 253"></arc-visibility-chart>
      </div>
    </main>`);
    const ticker = page.querySelector('arc-activity-ticker') as ArcActivityTicker;
    const map = page.querySelector('arc-sky-map') as ArcSkyMap;
    const card = page.querySelector('arc-night-card') as ArcNightCard;
    const chart = page.querySelector('arc-visibility-chart') as ArcVisibilityChart;

    await waitUntil(() => ticker.activities.length === 4, 'ticker loaded', { timeout: 10_000 });
    await waitUntil(() => ticker.shadowRoot!.querySelectorAll('[part=where]').length === 4 && [...ticker.shadowRoot!.querySelectorAll('[part=where]')].every((w) => w.textContent!.includes(' · ')), 'ticker names', { timeout: 10_000 });
    await map.ready;
    await waitUntil(() => map.shadowRoot!.querySelector('.sm-target'), 'map target', { timeout: 10_000 });
    await waitUntil(() => card.shadowRoot!.querySelector('table.hourly tbody tr'), 'night card forecast', { timeout: 15_000 });
    await waitUntil(() => chart.shadowRoot!.querySelectorAll('path.curve').length === 2, 'chart curves', { timeout: 10_000 });
    await frames(3);
    const elements = [ticker, map, card, chart];
    for (const el of elements) await el.updateComplete;
    const clean = elements.map(snapshot);

    hostile = addHostileSheet();
    // Let resize observers run and the elements re-render, if anything reached them.
    await frames(3);
    for (const el of elements) await el.updateComplete;
    await frames(2);
    const attacked = elements.map(snapshot);

    // The sheet really is hostile: the page around the elements took it.
    expect(getComputedStyle(page).color).to.equal('rgb(255, 0, 255)');
    expect(getComputedStyle(page.firstElementChild!).fontSize).to.equal('30px');

    elements.forEach((el, i) => {
      const tag = el.tagName.toLowerCase();
      expect(differences(clean[i], attacked[i]), `${tag}: styles changed by the page`).to.deep.equal([]);
      // Heights stay put (a 40 px base font and line-height 3 would multiply them).
      expect(attacked[i].height, `${tag} height`).to.be.closeTo(clean[i].height, 1);
      expect(attacked[i].width, `${tag} width`).to.be.closeTo(clean[i].width, 1);
      // Designed values, not merely unchanged ones.
      const host = attacked[i].host;
      expect(host['font-size'], `${tag} font-size`).to.equal('14px');
      expect(host['font-family'], `${tag} font-family`).to.match(/^system-ui/);
      expect(host['text-transform'], `${tag} text-transform`).to.equal('none');
      expect(host['letter-spacing'], `${tag} letter-spacing`).to.equal('normal');
      expect(host['font-weight'], `${tag} font-weight`).to.equal('400');
      expect(host['box-sizing'], `${tag} box-sizing`).to.equal('border-box');
      expect(attacked[i].styles.size, `${tag} has rendered content`).to.be.greaterThan(10);
    });

    // Theme colours inside the shadow roots: light text on the ticker and card, night red on the chart.
    const sr = (el: HTMLElement, sel: string) => getComputedStyle(el.shadowRoot!.querySelector(sel)!);
    expect(sr(ticker, '[part=target]').color).to.equal('rgb(10, 92, 194)'); // light accent
    expect(sr(ticker, '[part=where]').color).to.equal('rgb(27, 31, 36)'); // light text
    expect(sr(card, '.title').color).to.equal('rgb(27, 31, 36)');
    expect(sr(card, '.title').fontFamily).to.match(/^system-ui/);
    expect(sr(chart, '[part=legend] .name').color).to.equal('rgb(255, 106, 92)'); // night text
    expect(sr(chart, 'svg[part=chart] text').fill).not.to.equal('rgb(255, 0, 0)');
    expect(sr(map, '.toolbar button').color).to.equal('rgb(230, 232, 235)'); // dark text
    expect(sr(map, '.toolbar button').textTransform).to.equal('none');
    // Drawn sizes: the chart SVG keeps its width attribute's size, the map's canvas tiles stay 256 px.
    const svg = chart.shadowRoot!.querySelector('svg[part=chart]')!;
    expect(svg.getBoundingClientRect().width).to.equal(Number(svg.getAttribute('width')));
    const tile = map.shadowRoot!.querySelector('.sm-sky canvas.leaflet-tile')!;
    expect(tile.getBoundingClientRect().width).to.be.closeTo(256, 1);
    const moon = card.shadowRoot!.querySelector('svg[part=moon]')!;
    expect(moon.getBoundingClientRect().width).to.equal(Number(moon.getAttribute('width')));
  });

  it('keeps a popup, the crosshair and an open table designed on the hostile page', async () => {
    hostile = addHostileSheet();
    const page = await fixture<HTMLElement>(html`<main>
      <div style="width: 700px">
        <arc-sky-map api=${emulatorUrl()} now=${NOW} theme="light" center="84 -3" fov="40" latitude="-24.6272" longitude="-70.4042"
          time-zone="America/Santiago" targets="83.822 -5.391"></arc-sky-map>
      </div>
      <div style="width: 800px">
        <arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} theme="light" targets="M42"></arc-visibility-chart>
      </div>
    </main>`);
    const map = page.querySelector('arc-sky-map') as ArcSkyMap;
    const chart = page.querySelector('arc-visibility-chart') as ArcVisibilityChart;
    await map.ready;
    await waitUntil(() => map.shadowRoot!.querySelector('.sm-target'), 'map target', { timeout: 10_000 });
    map.shadowRoot!.querySelector<HTMLElement>('.sm-target')!.click();
    await waitUntil(() => map.shadowRoot!.querySelector('.leaflet-popup-content'), 'popup', { timeout: 5000 });
    const popup = getComputedStyle(map.shadowRoot!.querySelector('.leaflet-popup-content')!);
    expect(popup.textTransform).to.equal('none');
    expect(popup.letterSpacing).to.equal('normal');
    expect(popup.fontFamily).to.match(/^system-ui/);
    expect(parseFloat(popup.fontSize)).to.be.within(11, 16);
    expect(popup.color).not.to.equal('rgb(255, 0, 255)');

    await waitUntil(() => chart.shadowRoot!.querySelectorAll('path.curve').length === 1, 'chart curve', { timeout: 10_000 });
    chart.shadowRoot!.querySelector<HTMLElement>('[part=cursor]')!.focus();
    await chart.updateComplete;
    const readout = getComputedStyle(chart.shadowRoot!.querySelector('[part=readout]')!);
    expect(readout.fontSize).not.to.equal('30px');
    expect(readout.textTransform).to.equal('none');
    const details = chart.shadowRoot!.querySelector<HTMLDetailsElement>('details[part=table]')!;
    details.open = true;
    await waitUntil(() => details.querySelector('table'), 'table', { timeout: 3000 });
    const cell = getComputedStyle(details.querySelector('tbody td, tbody th')!);
    expect(cell.textTransform).to.equal('none');
    expect(cell.fontFamily).to.match(/^system-ui/);
    expect(cell.color).to.equal('rgb(27, 31, 36)');
  });
});
