import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/entries/visibility-chart.js';
import '../../src/entries/provider.js';
import type { ArcVisibilityChart } from '../../src/entries/visibility-chart.js';
import type { ArcProvider } from '../../src/elements/provider/provider.js';
import type { NightSlice } from '../../src/context/keys.js';
import { airmass, horizontal, nightSummary } from '../../src/astro/index.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

/** Cerro Paranal as the emulator's seed data gives it (checked in the test below through the CSV's site). */
const PARANAL = 'Cerro Paranal Observatory';
const DATE = '2026-03-21';
/** 23:10 in Chile (UTC−3) on the night of the 21st. */
const NOW = '2026-03-22T02:10:00Z';
/** M42 and NGC 253 as the emulator's objects.json gives them (ICRS, degrees). */
const M42 = { ra: 83.822083, dec: -5.391111 };
const NGC253 = { ra: 11.888058, dec: -25.2888 };
const COORD_SITE = { latitude: -24.6272, longitude: -70.4042, elevation: 2635 };

const q = <T extends Element = HTMLElement>(el: ArcVisibilityChart, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: ArcVisibilityChart, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const curves = (el: ArcVisibilityChart) => qa<SVGPathElement>(el, 'svg[part=chart] path.curve');
const legendNames = (el: ArcVisibilityChart) => qa(el, '[part=legend] .name').map((n) => n.textContent!.trim());
const messages = (el: ArcVisibilityChart) => qa(el, '[part=message]').map((m) => m.textContent!.replace(/\s+/g, ' ').trim());

async function drawn(el: ArcVisibilityChart, count: number, what = 'curves') {
  await waitUntil(() => curves(el).length === count, `${what}: expected ${count} curves, got ${curves(el).length}`, { timeout: 10_000 });
  // The interactive part (crosshair, marks and windows, table, exports) loads right after the first paint.
  await el.ready;
  // Let the plot box's measured width and the targets' events and windows (both applied on the next frame) settle.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await el.updateComplete;
}

/** Altitude (degrees) of a y pixel, from the positions of the 0° and 90° tick labels (altitude mode). */
function altitudeOfY(el: ArcVisibilityChart, y: number): number {
  const ticks = qa<SVGTextElement>(el, 'svg[part=chart] text.tick').filter((t) => /^(0|90)°$/.test(t.textContent!.trim()));
  const at = (label: string) => Number(ticks.find((t) => t.textContent!.trim() === label)!.getAttribute('y')) - 4;
  const y0 = at('0°');
  const y90 = at('90°');
  return (90 * (y0 - y)) / (y0 - y90);
}

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
          else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') out.push(cur), (cur = '');
        else cur += c;
      }
      out.push(cur);
      return out;
    });
}

describe('<arc-visibility-chart>', function () {
  this.timeout(30_000);
  beforeEach(() => emulator.reset());
  after(() => emulator.reset());

  it('draws one curve per named target resolved through the emulator, names looked up once for all charts', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="width: 900px">
      <arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} theme="light" targets="M42; NGC 253"></arc-visibility-chart>
      <arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} theme="light" targets="NGC 253; M42"></arc-visibility-chart>
    </div>`);
    const [a, b] = [...container.querySelectorAll('arc-visibility-chart')];
    const load = oneEvent(a, 'arc-load');
    await drawn(a, 2);
    await drawn(b, 2);
    expect((await load).detail).to.deep.equal({ date: DATE, targets: 2 });
    expect(legendNames(a)).to.deep.equal(['M42', 'NGC 253']);
    const stats = await emulator.stats();
    expect(stats.paths['/objects/M42/']).to.equal(1);
    expect(stats.paths['/objects/NGC%20253/'] ?? stats.paths['/objects/NGC 253/']).to.equal(1);

    // The first point of M42's curve sits at its true altitude at the start of the frame (sunset − 1 h).
    const summary = nightSummary(COORD_SITE, DATE, { timeZone: 'America/Santiago' });
    const start = new Date(summary.sunset!.getTime() - 3_600_000);
    const m42 = curves(a).find((p) => p.dataset.key === 'M42')!;
    const [, , firstY] = /^M([\d.]+) ([\d.-]+)/.exec(m42.getAttribute('d')!)!.map(Number);
    expect(altitudeOfY(a, firstY)).to.be.closeTo(horizontal(M42, COORD_SITE, start).altitude, 1);
    // Legend entries summarise each target's observable window; the time zone is stated.
    expect(q(a, '[part=legend]')!.textContent).to.match(/observable \d\d:\d\d–\d\d:\d\d/);
    expect(q(a, '[part=subtitle]')!.textContent).to.include('America/Santiago (UTC−3)');
    // The SVG has a title and a description that summarises the night.
    expect(q(a, 'svg[part=chart] > title')!.textContent).to.include(PARANAL);
    expect(q(a, 'svg[part=chart] > desc')!.textContent).to.match(/Sunset \d\d:\d\d, sunrise \d\d:\d\d\..*Moon \d+% illuminated\..*M42: /);
  });

  it('shows an unknown target as that target’s error and still draws the others', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} targets="M42; Nonexistent Nebula 42; NGC 253; 400 -5"></arc-visibility-chart>`,
    );
    const errors: string[] = [];
    el.addEventListener('arc-error', (e) => errors.push(e.detail.code));
    await drawn(el, 2);
    await waitUntil(() => messages(el).some((m) => m.includes('Nonexistent Nebula 42')), 'no message for the unknown name', { timeout: 8000 });
    const text = messages(el);
    expect(text.find((m) => m.startsWith('Nonexistent Nebula 42:'))).to.match(/not found/i);
    expect(text.find((m) => m.startsWith('400 -5:'))).to.match(/out of range/i);
    expect(qa(el, '[part=message][role=alert]').length).to.be.at.least(2);
    expect(errors).to.include('not-found');
    expect(curves(el).map((p) => p.dataset.key)).to.deep.equal(['M42', 'NGC 253']);
    // The failed ones stay in the legend, marked, and in the table with their message.
    expect(qa(el, '.entry.error').length).to.equal(2);
    const details = q<HTMLDetailsElement>(el, 'details[part=table]')!;
    details.open = true;
    await oneEvent(details, 'toggle');
    await el.updateComplete;
    expect(details.querySelector('tbody')!.textContent).to.include('not found');
  });

  it('moves a keyboard crosshair: arrows 5 min, Shift 1 h, with a readout per target', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} latitude="-24.6272" longitude="-70.4042" elevation="2635" time-zone="America/Santiago"
        date=${DATE} now=${NOW} targets="83.822083 -5.391111; 11.888058 -25.2888"></arc-visibility-chart>`,
    );
    await drawn(el, 2);
    const cursor = q(el, '[part=cursor]')!;
    expect(cursor.getAttribute('role')).to.equal('slider');
    cursor.focus();
    await el.updateComplete;
    // Focus puts the cursor at "now" (23:10 local), which lies inside the night shown.
    expect(q(el, '[part=readout]')!.textContent).to.match(/^23:10 local · 02:10 UTC · LST \d\d:\d\d$/);
    const detail = () => qa(el, '[part=legend] .detail').map((d) => d.textContent!.trim());
    const before = detail();
    const value = () => Number(cursor.getAttribute('aria-valuenow'));
    const v0 = value();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(value()).to.equal(v0 + 5);
    expect(q(el, '[part=readout]')!.textContent).to.match(/^23:15 local · 02:15 UTC/);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(value()).to.equal(v0 + 65);
    expect(q(el, '[part=readout]')!.textContent).to.match(/^00:15 local · 03:15 UTC/);
    const after = detail();
    expect(after).not.to.deep.equal(before);
    // The readout is the full computation at that instant: altitude, azimuth, airmass, Moon separation.
    const t = new Date('2026-03-22T03:15:00Z');
    const m42 = horizontal(M42, COORD_SITE, t);
    expect(after[0]).to.include(`${Math.round(m42.altitude)}° alt`);
    expect(after[0]).to.include(`${Math.round(m42.azimuth)}° az`);
    expect(after[0]).to.include(`airmass ${airmass(m42.altitude).toFixed(2)}`);
    expect(after[0]).to.match(/\d+° from Moon$/);
    expect(cursor.getAttribute('aria-valuetext')).to.include('00:15 local');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(q(el, '[part=readout]')).to.equal(null);
  });

  it('follows the pointer with the crosshair and hides it when the pointer leaves', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} latitude="-24.6272" longitude="-70.4042" time-zone="America/Santiago"
        date=${DATE} now=${NOW} targets="83.822083 -5.391111" style="width: 800px"></arc-visibility-chart>`,
    );
    await drawn(el, 1);
    const box = q(el, '[part=cursor]')!.getBoundingClientRect();
    const y = Math.round(box.top + box.height / 2);
    const readoutAt = async (x: number) => {
      await sendMouse({ type: 'move', position: [Math.round(x), y] });
      await waitUntil(() => q(el, '[part=readout]'), 'no readout under the pointer');
      return q(el, '[part=readout]')!.textContent!;
    };
    const left = await readoutAt(box.left + box.width * 0.25);
    const right = await readoutAt(box.left + box.width * 0.75);
    const minutes = (text: string) => {
      const [h, m] = text.slice(0, 5).split(':').map(Number);
      return ((h + 12) % 24) * 60 + m; // minutes since local noon: the night runs past midnight
    };
    // Half the plot's width is half the night shown (the slider's range, in minutes).
    const span = Number(q(el, '[part=cursor]')!.getAttribute('aria-valuemax'));
    expect(span).to.be.within(12 * 60, 16 * 60);
    expect(minutes(right) - minutes(left)).to.be.closeTo(span / 2, 3);
    expect(q(el, '.cursor line')).not.to.equal(null);
    await sendMouse({ type: 'move', position: [5, 5] });
    await waitUntil(() => !q(el, '[part=readout]'), 'readout still shown after the pointer left');
    await resetMouse();
  });

  it('takes targets from <arc-target> children, with their label and colour', async () => {
    const el = await fixture<ArcVisibilityChart>(html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW}>
      <arc-target name="M42" label="Orion Nebula" color="#ff0000"></arc-target>
      <arc-target ra="201.365" dec="-43.019" label="Centaurus A"></arc-target>
    </arc-visibility-chart>`);
    await drawn(el, 2);
    expect(legendNames(el)).to.deep.equal(['Orion Nebula', 'Centaurus A']);
    const orion = curves(el)[0];
    expect(getComputedStyle(orion).stroke).to.equal('rgb(255, 0, 0)');
    // A target added later is drawn too.
    const extra = document.createElement('arc-target');
    extra.setAttribute('name', 'NGC 253');
    el.appendChild(extra);
    await drawn(el, 3, 'added child');
    expect(legendNames(el)).to.include('NGC 253');
  });

  it('fires arc-select when a legend entry is clicked and highlights that target', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} targets="M42; NGC 253"></arc-visibility-chart>`,
    );
    await drawn(el, 2);
    const buttons = qa<HTMLButtonElement>(el, 'button[part=legend-item]');
    setTimeout(() => buttons[1].click());
    const event = await oneEvent(el, 'arc-select');
    expect(event.detail.source).to.equal('arc-visibility-chart');
    expect(event.detail.target.name).to.equal('NGC 253');
    expect(event.detail.target.ra).to.be.closeTo(NGC253.ra, 1e-6);
    expect(event.detail.target.dec).to.be.closeTo(NGC253.dec, 1e-6);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(buttons[1].getAttribute('aria-pressed')).to.equal('true');
    expect(curves(el).find((p) => p.dataset.key === 'NGC 253')!.classList.contains('highlight')).to.equal(true);
    expect(curves(el).find((p) => p.dataset.key === 'M42')!.classList.contains('dim')).to.equal(true);
  });

  it('inside a provider: follows and sets the shared selection, adds a selected outside target, marks the best window', async () => {
    const provider = await fixture<ArcProvider>(html`<arc-provider api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW}>
      <arc-visibility-chart targets="M42; NGC 253"></arc-visibility-chart>
    </arc-provider>`);
    const el = provider.querySelector('arc-visibility-chart')!;
    await drawn(el, 2);
    // A selection made elsewhere (e.g. a ticker item) for a target not in the chart: a temporary extra curve.
    provider.selection = { target: { name: 'Sirius', ra: 101.287154, dec: -16.716117 }, source: 'arc-activity-ticker' };
    await drawn(el, 3, 'selected target');
    const extra = curves(el).find((p) => p.dataset.key === 'selection')!;
    expect(extra.classList.contains('temporary')).to.equal(true);
    expect(extra.classList.contains('highlight')).to.equal(true);
    expect(legendNames(el)).to.include('Sirius selected');
    // A selection of one of the chart's targets highlights it and drops the extra curve.
    provider.selection = { target: { name: 'm 42', ra: M42.ra, dec: M42.dec }, source: 'arc-sky-map' };
    await drawn(el, 2, 'after re-selection');
    expect(curves(el).find((p) => p.dataset.key === 'M42')!.classList.contains('highlight')).to.equal(true);
    // Clicking a legend entry sets the shared selection.
    qa<HTMLButtonElement>(el, 'button[part=legend-item]')[1].click();
    await waitUntil(() => provider.selection.target?.name === 'NGC 253', 'provider selection not set');
    expect(provider.selection.source).to.equal('arc-visibility-chart');
    // The night card's best window, published through the provider, is drawn as a labelled bracket.
    const night = (provider as unknown as { nightSlice: NightSlice }).nightSlice;
    night.publishBestWindow({ from: new Date('2026-03-22T01:00:00Z'), to: new Date('2026-03-22T04:00:00Z'), score: 0.8 });
    await waitUntil(() => q(el, '.best-window'), 'best window not drawn');
    expect(q(el, '.best-label')!.textContent).to.equal('best window');
  });

  it('draws a polar night and a midnight sun without error, saying which', async () => {
    const errors: unknown[] = [];
    const make = (date: string) =>
      fixture<ArcVisibilityChart>(
        html`<arc-visibility-chart api=${emulatorUrl()} latitude="78.22" longitude="15.65" time-zone="Arctic/Longyearbyen" date=${date}
          targets="37.95 89.26; 279.23 38.78" @arc-error=${(e: Event) => errors.push(e)}></arc-visibility-chart>`,
      );
    const winter = await make('2026-12-21');
    await drawn(winter, 2);
    expect(messages(winter).join(' ')).to.include('Polar night');
    // The whole noon-to-noon window is drawn, all of it darker than day.
    expect(qa(winter, '.band-day').length).to.equal(0);
    expect(qa(winter, '.lane-window').length).to.be.at.least(2);
    const summer = await make('2026-06-21');
    await drawn(summer, 2);
    expect(messages(summer).join(' ')).to.include('Midnight sun');
    expect(qa(summer, '.lane-window').length).to.equal(0);
    expect(q(summer, '[part=legend]')!.textContent).to.include('not above 30° in darkness');
    expect(errors).to.have.length(0);
  });

  it('exports a CSV whose altitudes match src/astro, a standalone SVG and a PNG', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} theme="dark" targets="M42; NGC 253"></arc-visibility-chart>`,
    );
    await drawn(el, 2);
    const rows = parseCsv(el.toCSV());
    expect(rows[0]).to.deep.equal([
      'time_utc',
      'local_time (America/Santiago)',
      'lst',
      'M42 altitude_deg',
      'M42 airmass',
      'NGC 253 altitude_deg',
      'NGC 253 airmass',
      'sun_altitude_deg',
      'moon_altitude_deg',
    ]);
    const data = rows.slice(1);
    expect(data.length).to.be.greaterThan(100);
    // Five-minute steps.
    expect(Date.parse(data[1][0]) - Date.parse(data[0][0])).to.equal(300_000);
    expect(data[0][1]).to.match(/^2026-03-21 \d\d:\d\d:00$/);
    for (const row of [data[0], data[40], data[data.length - 1]]) {
      const time = new Date(row[0]);
      expect(Number(row[3])).to.be.closeTo(horizontal(M42, COORD_SITE, time).altitude, 0.002);
      expect(Number(row[5])).to.be.closeTo(horizontal(NGC253, COORD_SITE, time).altitude, 0.002);
      expect(Number(row[7])).to.be.closeTo(horizontal('sun', COORD_SITE, time).altitude, 0.002);
      expect(Number(row[8])).to.be.closeTo(horizontal('moon', COORD_SITE, time).altitude, 0.002);
      const alt = Number(row[3]);
      expect(row[4]).to.equal(alt > 0 ? airmass(alt).toFixed(3) : '');
    }

    const svgText = el.toSVG();
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
    expect(svgText).not.to.include('var(');
    expect(root.querySelectorAll('path').length).to.be.greaterThan(2);
    // Colours are inlined (dark theme: light text), the crosshair left out, the legend included.
    const firstCurve = [...root.querySelectorAll('path')].find((p) => p.querySelector('title')?.textContent === 'M42')!;
    expect(firstCurve.getAttribute('style')).to.match(/stroke:rgb\(/);
    expect(svgText).to.include('Moon ');
    expect(root.textContent).to.include('NGC 253');

    const png = await el.toPNG();
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(5000);
    const signature = new Uint8Array(await png.slice(0, 8).arrayBuffer());
    expect([...signature]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).to.equal(2 * Number(root.getAttribute('width')));
    expect(bitmap.height).to.equal(2 * Number(root.getAttribute('height')));
    expect(Number(root.getAttribute('width'))).to.equal(Number(q(el, 'svg[part=chart]')!.getAttribute('width')));
  });

  it('downloads from the toolbar through an <a download> inside its shadow root', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} targets="M42"></arc-visibility-chart>`,
    );
    await drawn(el, 1);
    const links: { name: string; href: string }[] = [];
    // Capture the link's click and stop the real download.
    el.shadowRoot!.addEventListener(
      'click',
      (e) => {
        const a = e.target as HTMLAnchorElement;
        if (a.tagName === 'A' && a.download) {
          links.push({ name: a.download, href: a.href });
          e.preventDefault();
        }
      },
      true,
    );
    const toolbar = q(el, '[part=toolbar]')!;
    expect(toolbar.getAttribute('role')).to.equal('toolbar');
    const [, , csvButton] = [...toolbar.querySelectorAll('button')];
    csvButton.click();
    await waitUntil(() => links.length === 1, 'no download link');
    expect(links[0].name).to.equal(`visibility-${DATE}.csv`);
    expect(links[0].href).to.match(/^blob:/);
    const text = await (await fetch(links[0].href)).text();
    expect(text.startsWith('time_utc,')).to.equal(true);
    expect(q(el, 'a[download]')).to.equal(null);
  });

  it('moves the "now" marker with the clock and shows none for another night', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} now=${NOW} targets="M42"></arc-visibility-chart>`,
    );
    await drawn(el, 1);
    // No date: the current night is the one of the frozen "now".
    expect(q(el, '[part=subtitle]')!.textContent).to.include('Mar 21, 2026');
    const x = () => Number(q(el, '.now line')!.getAttribute('x1'));
    const x0 = x();
    el.now = '2026-03-22T04:10:00Z';
    await el.updateComplete;
    expect(x()).to.be.greaterThan(x0);
    el.date = '2026-03-25';
    await el.updateComplete;
    expect(q(el, '.now')).to.equal(null);
    // The live clock: a 24 h chart always contains the present moment.
    const live = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} latitude="48.85" longitude="2.35" time-zone="Europe/Paris" range="24h" targets="M42"></arc-visibility-chart>`,
    );
    await drawn(live, 1);
    expect(q(live, '.now')).not.to.equal(null);
  });

  it('says which offset is used when no time zone is known, and labels UTC and airmass axes on request', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} latitude="19.82" longitude="-155.47" date=${DATE} time-axis="utc" y-axis="airmass"
        targets="M42" style="width: 900px"></arc-visibility-chart>`,
    );
    await drawn(el, 1);
    expect(q(el, '[part=subtitle]')!.textContent).to.include('UTC−10');
    expect(q(el, '[part=subtitle]')!.textContent).to.include('derived from the longitude');
    const rowNames = qa(el, 'text.row-name').map((t) => t.textContent);
    expect(rowNames).to.deep.equal(['UTC', 'Local', 'LST']);
    const primaryTicks = qa<SVGTextElement>(el, 'text.tick:not(.secondary)')
      .map((t) => t.textContent!.trim())
      .filter((t) => /^\d\d:00$/.test(t));
    expect(primaryTicks.length).to.be.greaterThan(3);
    const left = qa<SVGTextElement>(el, 'text.tick[text-anchor=end]').map((t) => t.textContent!.trim());
    expect(left).to.deep.equal(['1', '1.2', '1.5', '2', '3']);
  });

  it('reports bad input clearly and keeps working', async () => {
    const errors: { code: string; message: string }[] = [];
    const listen = (e: Event) => errors.push((e as CustomEvent).detail);
    const badLat = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} latitude="95" longitude="10" targets="M42" @arc-error=${listen}></arc-visibility-chart>`,
    );
    await waitUntil(() => messages(badLat).length > 0);
    expect(messages(badLat)[0]).to.include('Latitude must be a number between −90 and 90');
    expect(errors.map((e) => e.code)).to.include('invalid-input');

    const badDate = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date="2026-02-30" targets="M42" @arc-error=${listen}></arc-visibility-chart>`,
    );
    await waitUntil(() => messages(badDate).some((m) => m.includes('Invalid date')), 'no date message', { timeout: 8000 });
    expect(q(badDate, 'svg[part=chart]')).to.equal(null);
    expect(legendNames(badDate)).to.deep.equal(['M42']);

    const noSite = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site="Atlantis Observatory" targets="M42" @arc-error=${listen}></arc-visibility-chart>`,
    );
    await waitUntil(() => messages(noSite).some((m) => m.includes('Atlantis Observatory')), 'no site message', { timeout: 8000 });
    expect(messages(noSite)[0]).to.equal('Observing site “Atlantis Observatory” not found.');
    expect(errors.map((e) => e.code)).to.include('not-found');

    const badOptions = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} range="weekly" min-altitude="120" targets="M42; 05:35:17 -95:00:00" @arc-error=${listen}></arc-visibility-chart>`,
    );
    await drawn(badOptions, 1);
    const text = messages(badOptions).join(' | ');
    expect(text).to.include('Unknown range “weekly”');
    expect(text).to.include('min-altitude must be a number of degrees');
    expect(text).to.match(/Dec .* out of range/);
    expect(q(badOptions, '.limit-label')!.textContent).to.equal('30° limit');
  });

  it('lays out for 280 px (legend below, fewer ticks) and for 1200 px (legend beside)', async () => {
    const make = (width: number) =>
      fixture<HTMLDivElement>(html`<div style="width: ${width}px">
        <arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} targets="M42; NGC 253"></arc-visibility-chart>
      </div>`);
    const narrowBox = await make(280);
    const narrow = narrowBox.querySelector('arc-visibility-chart')!;
    await drawn(narrow, 2);
    await waitUntil(() => Number(q(narrow, 'svg[part=chart]')!.getAttribute('width')) <= 264, 'narrow width not applied');
    const nSvg = q(narrow, 'svg[part=chart]')!.getBoundingClientRect();
    const nLegend = q(narrow, '[part=legend]')!.getBoundingClientRect();
    expect(nLegend.top).to.be.at.least(nSvg.bottom);
    expect(nSvg.right).to.be.at.most(narrowBox.getBoundingClientRect().right);
    const narrowTicks = qa(narrow, 'text.tick:not(.secondary)').filter((t) => t.getAttribute('text-anchor') === 'middle').length;

    const wideBox = await make(1200);
    const wide = wideBox.querySelector('arc-visibility-chart')!;
    await drawn(wide, 2);
    const wSvg = q(wide, 'svg[part=chart]')!.getBoundingClientRect();
    const wLegend = q(wide, '[part=legend]')!.getBoundingClientRect();
    expect(wLegend.left).to.be.at.least(wSvg.right);
    expect(wLegend.top).to.be.lessThan(wSvg.bottom);
    const wideTicks = qa(wide, 'text.tick:not(.secondary)').filter((t) => t.getAttribute('text-anchor') === 'middle').length;
    expect(wideTicks).to.be.greaterThan(narrowTicks);
    // Only the wide chart shows the UTC and sidereal rows.
    expect(qa(narrow, 'text.tick.secondary').length).to.equal(0);
    expect(qa(wide, 'text.tick.secondary').length).to.be.greaterThan(0);
  });

  it('has a table of events and windows per target', async () => {
    const el = await fixture<ArcVisibilityChart>(
      html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} targets="M42; NGC 253"></arc-visibility-chart>`,
    );
    await drawn(el, 2);
    const details = q<HTMLDetailsElement>(el, 'details[part=table]')!;
    expect(details.querySelector('table')).to.equal(null);
    details.open = true;
    await oneEvent(details, 'toggle');
    await el.updateComplete;
    const rows = [...details.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(rows.map((r) => r[0])).to.deep.equal(['M42', 'NGC 253']);
    // M42 is up at dusk, sets in the night and does not transit in the frame; it is observable for a while.
    expect(rows[0][3]).to.match(/^\d\d:\d\d$/);
    expect(rows[0][4]).to.match(/^\d\d:\d\d–\d\d:\d\d \(\d\.\d h\)$/);
    expect(rows[1][4]).to.equal('—');
    expect(details.querySelector('.events')!.textContent).to.match(/Sunset\s*\d\d:\d\d/);
  });

  for (const theme of ['light', 'dark', 'night']) {
    it(`passes axe in the ${theme} theme, with the crosshair shown and the table open`, async () => {
      const el = await fixture<ArcVisibilityChart>(
        html`<arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} theme=${theme} targets="M42; NGC 253; Nonexistent Nebula 42"></arc-visibility-chart>`,
      );
      await drawn(el, 2);
      await waitUntil(() => !el.shadowRoot!.textContent!.includes('resolving'), 'targets still resolving', { timeout: 8000 });
      q(el, '[part=cursor]')!.focus();
      const details = q<HTMLDetailsElement>(el, 'details[part=table]')!;
      details.open = true;
      await oneEvent(details, 'toggle');
      await el.updateComplete;
      expect(details.querySelector('table')).not.to.equal(null);
      await expect(el).to.be.accessible();
    });
  }
});
