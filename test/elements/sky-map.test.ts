import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/entries/sky-map.js';
import '../../src/entries/provider.js';
import type { ArcSkyMap } from '../../src/entries/sky-map.js';
import type { ArcProvider } from '../../src/elements/provider/provider.js';
import { ArcSelectEvent, type ArcErrorEvent } from '../../src/events.js';
import { airmass, horizontal } from '../../src/astro/index.js';
import { activeClockTimers } from '../../src/controllers/clock.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

/** Catalogue positions (J2000, degrees): XHIP as d3-celestial ships it, and the emulator's objects. */
const BETELGEUSE = { ra: 88.7929, dec: 7.4071 };
const BELLATRIX = { ra: 81.2828, dec: 6.3497 };
const MINTAKA = { ra: 83.0017, dec: -0.2991 };
const SIRIUS = { ra: 101.287154, dec: -16.716117 };
const PARANAL = { latitude: -24.6272, longitude: -70.4042, elevation: 2635 };
/** 00:10 in Chile, 22 March 2026: Orion is in the west. */
const NOW = '2026-03-22T03:10:00Z';
const DEG = Math.PI / 180;

const sr = (el: ArcSkyMap) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: ArcSkyMap, sel: string) => sr(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: ArcSkyMap, sel: string) => [...sr(el).querySelectorAll<T>(sel)];
const messages = (el: ArcSkyMap) => qa(el, '[part=message]').map((m) => m.textContent!.replace(/\s+/g, ' ').trim());
const frames = (n = 2) => new Promise<void>((resolve) => {
  const step = (k: number) => (k ? requestAnimationFrame(() => step(k - 1)) : resolve());
  step(n);
});

/** Wait until the map has loaded and its tiles have settled. */
async function ready(el: ArcSkyMap) {
  await el.updateComplete;
  await el.ready;
  await frames(3);
}

/** The tiles of one canvas layer composited into an image the size of the map (container pixels). */
function snapshot(el: ArcSkyMap, layer: 'sm-sky' | 'sm-imagery' | 'sm-horizon') {
  const box = q(el, '.map')!.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width);
  canvas.height = Math.round(box.height);
  const ctx = canvas.getContext('2d')!;
  for (const tile of qa<HTMLCanvasElement>(el, `.${layer} canvas.leaflet-tile`)) {
    const r = tile.getBoundingClientRect();
    if (r.width) ctx.drawImage(tile, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const at = (x: number, y: number) => {
    const k = (Math.floor(y) * img.width + Math.floor(x)) * 4;
    return [img.data[k], img.data[k + 1], img.data[k + 2], img.data[k + 3]];
  };
  const lum = (x: number, y: number) => {
    const [r, g, b, a] = at(x, y);
    return ((r + g + b) * a) / 255;
  };
  /**
   * Where the light is within `radius` of (x, y): the centroid (in continuous coordinates, pixel i spanning
   * i…i+1) of the pixels at least half as bright as the brightest, which is robust to saturated discs.
   */
  const peak = (x: number, y: number, radius: number) => {
    const cx = Math.floor(x);
    const cy = Math.floor(y);
    let max = 0;
    for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) max = Math.max(max, lum(cx + dx, cy + dy));
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let dy = -radius; dy <= radius; dy++)
      for (let dx = -radius; dx <= radius; dx++)
        if (max > 0 && lum(cx + dx, cy + dy) >= max / 2) {
          sx += cx + dx + 0.5;
          sy += cy + dy + 0.5;
          n++;
        }
    return { x: n ? sx / n : NaN, y: n ? sy / n : NaN, v: max };
  };
  return { width: img.width, height: img.height, at, lum, peak };
}

/** Greenwich mean sidereal time (degrees), IAU 1982 — an independent check of the altitude shown. */
function gmst(date: Date): number {
  const d = (date.getTime() - Date.UTC(2000, 0, 1, 12)) / 86_400_000;
  return (((280.46061837 + 360.98564736629 * d) % 360) + 360) % 360;
}

function simpleAltitude(ra: number, dec: number, site: { latitude: number; longitude: number }, date: Date): number {
  const ha = (gmst(date) + site.longitude - ra) * DEG;
  const s = Math.sin(site.latitude * DEG) * Math.sin(dec * DEG) + Math.cos(site.latitude * DEG) * Math.cos(dec * DEG) * Math.cos(ha);
  return Math.asin(s) / DEG;
}

/** Point a fraction of the way along a great circle (for where a constellation line must pass). */
function slerp(a: { ra: number; dec: number }, b: { ra: number; dec: number }, t: number) {
  const v = (p: { ra: number; dec: number }) => [Math.cos(p.dec * DEG) * Math.cos(p.ra * DEG), Math.cos(p.dec * DEG) * Math.sin(p.ra * DEG), Math.sin(p.dec * DEG)];
  const [p, q2] = [v(a), v(b)];
  const w = Math.acos(p[0] * q2[0] + p[1] * q2[1] + p[2] * q2[2]);
  const m = p.map((x, i) => (Math.sin((1 - t) * w) * x + Math.sin(t * w) * q2[i]) / Math.sin(w));
  return { ra: ((Math.atan2(m[1], m[0]) / DEG) + 360) % 360, dec: Math.asin(m[2]) / DEG };
}

describe('<arc-sky-map>', function () {
  this.timeout(40_000);
  beforeEach(() => emulator.reset());
  after(() => emulator.reset());

  it('puts a star of known RA/Dec at the expected pixel, RA growing to the left, and fires arc-load', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 802px"></div>`);
    const el = document.createElement('arc-sky-map');
    Object.assign(el, { api: emulatorUrl(), now: NOW, center: '85 5', fov: 25 });
    el.setAttribute('theme', 'light');
    el.setAttribute('layers', 'stars');
    const load = oneEvent(el, 'arc-load');
    box.append(el);
    await ready(el);
    expect((await load).detail.stars).to.equal(5044);
    const map = q(el, '.map')!;
    const w = map.clientWidth;
    const h = map.clientHeight;
    // 800 px across 25° is 32 px per degree (zoom 5): the plate carrée scale, with no rounding to undo.
    expect(el.leafletMap!.getZoom()).to.equal(5);
    const expected = (p: { ra: number; dec: number }) => ({ x: w / 2 + (85 - p.ra) * 32, y: h / 2 - (p.dec - 5) * 32 });
    const img = snapshot(el, 'sm-sky');
    for (const star of [BETELGEUSE, BELLATRIX, MINTAKA]) {
      const e = expected(star);
      const found = img.peak(e.x, e.y, 7);
      expect(Math.abs(found.x - e.x), `x of ${JSON.stringify(star)}`).to.be.at.most(1);
      expect(Math.abs(found.y - e.y), `y of ${JSON.stringify(star)}`).to.be.at.most(1);
      expect(found.v).to.be.greaterThan(350);
      const p = el.project(star.ra, star.dec)!;
      expect(p.x).to.be.closeTo(e.x, 0.01);
      expect(p.y).to.be.closeTo(e.y, 0.01);
    }
    // Betelgeuse (east of Bellatrix, RA larger) is to the left, and drawn red (B−V 1.85); Bellatrix blue-white.
    expect(expected(BETELGEUSE).x).to.be.lessThan(expected(BELLATRIX).x);
    const [br, , bb] = img.at(expected(BETELGEUSE).x, expected(BETELGEUSE).y);
    expect(br).to.be.greaterThan(bb + 60);
    const [rr, , rb] = img.at(expected(BELLATRIX).x, expected(BELLATRIX).y);
    expect(rb).to.be.at.least(rr);
    // Empty sky between them stays empty.
    expect(img.lum(w / 2 + 60, h / 2 + 150)).to.equal(0);
    const back = el.unproject(expected(BELLATRIX).x, expected(BELLATRIX).y)!;
    expect(back.ra).to.be.closeTo(BELLATRIX.ra, 1e-6);
    expect(back.dec).to.be.closeTo(BELLATRIX.dec, 1e-6);
  });

  it('turns layers off from the layer control, and draws no line across the map at the 0h/24h seam', async () => {
    const el = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 900px" api=${emulatorUrl()} now=${NOW} layers="constellations stars"></arc-sky-map>`);
    await ready(el);
    // Stars off through the control: only constellation lines remain.
    const stars = q<HTMLInputElement>(el, 'input[name=stars]')!;
    expect(stars.checked).to.be.true;
    stars.click();
    await el.updateComplete;
    await frames(3);
    expect(el.activeLayers).to.deep.equal(['constellations']);
    const img = snapshot(el, 'sm-sky');
    // A segment drawn the long way round would light most of a row; the real figures light a few per cent at most.
    // Rows within 15° of the poles are left out: a great circle passing near a pole really does sweep through
    // many hours of RA there.
    const top = el.project(0, 75)!.y;
    const bottom = el.project(0, -75)!.y;
    let worst = 0;
    for (let y = Math.ceil(top); y < Math.min(img.height, bottom); y++) {
      let lit = 0;
      for (let x = 0; x < img.width; x++) if (img.lum(x, y) > 40) lit++;
      worst = Math.max(worst, lit / img.width);
    }
    expect(worst).to.be.lessThan(0.2);
    expect(worst).to.be.greaterThan(0.005); // lines were drawn at all
    // Andromeda's line from RA 9.2° to RA 354.5° crosses 0h: it is drawn where its great circle runs, on both sides.
    el.center = '0 35';
    el.fov = 60;
    await el.updateComplete;
    await frames(4);
    const near = snapshot(el, 'sm-sky');
    for (const t of [0.25, 0.5, 0.75]) {
      const p = slerp({ ra: 9.2202, dec: 33.7193 }, { ra: 354.5342, dec: 43.2681 }, t);
      const at = el.project(p.ra, p.dec)!;
      expect(near.peak(at.x, at.y, 2).v, `line at t=${t}`).to.be.greaterThan(40);
    }
  });

  it('opens a target popup with the altitude and airmass at the site now; arc-select fires; Escape closes it', async () => {
    const el = await fixture<ArcSkyMap>(html`<arc-sky-map
      style="width: 800px"
      api=${emulatorUrl()}
      now=${NOW}
      latitude=${PARANAL.latitude}
      longitude=${PARANAL.longitude}
      elevation=${PARANAL.elevation}
      time-zone="America/Santiago"
      center="84 -3"
      fov="40"
    >
      <arc-target name="Orion Nebula" ra="83.822" dec="-5.391"></arc-target>
    </arc-sky-map>`);
    await ready(el);
    await waitUntil(() => q(el, '.sm-target'), 'target marker', { timeout: 5000 });
    const marker = q(el, '.sm-target')!;
    expect(marker.getAttribute('role')).to.equal('button');
    expect(marker.tabIndex).to.equal(0);
    expect(marker.getAttribute('aria-label')).to.contain('Orion Nebula');
    const select = oneEvent(el, 'arc-select');
    marker.click();
    const { detail } = await select;
    expect(detail.source).to.equal('arc-sky-map');
    expect(detail.target.name).to.equal('Orion Nebula');
    expect(detail.target.ra).to.be.closeTo(83.822, 1e-9);
    await waitUntil(() => q(el, '.leaflet-popup [data-fact=altitude]'), 'popup', { timeout: 3000 });
    const shown = Number(q(el, '.leaflet-popup [data-fact=altitude]')!.textContent!.replace('°', ''));
    const time = new Date(NOW);
    const expected = horizontal({ ra: 83.822, dec: -5.391 }, PARANAL, time).altitude;
    expect(shown).to.be.closeTo(expected, 0.051);
    // An independent, simpler computation (no precession or nutation) agrees within half a degree.
    expect(shown).to.be.closeTo(simpleAltitude(83.822, -5.391, PARANAL, time), 0.5);
    expect(shown).to.be.within(10, 40); // Orion low in the west after midnight in March
    expect(q(el, '.leaflet-popup [data-fact=airmass]')!.textContent).to.equal(airmass(expected).toFixed(2));
    expect(q(el, '.leaflet-popup')!.textContent).to.match(/At 24\.627°S 70\.404°W, 00:10/);
    // The hidden list says the same for screen readers.
    expect(q(el, '.target-list')!.textContent).to.match(/Orion Nebula: RA 05h 35m 17s, Dec −05° 23′ 28″; altitude \d+\.\d°, airmass \d\.\d\d/);

    // Escape closes the popup and gives the focus back to the marker; Enter opens it again.
    marker.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q(el, '.leaflet-popup'), 'popup closed', { timeout: 2000 });
    expect(sr(el).activeElement).to.equal(marker);
    const again = oneEvent(el, 'arc-select');
    await sendKeys({ press: 'Enter' });
    await again;
    await waitUntil(() => q(el, '.leaflet-popup'), 'popup reopened', { timeout: 2000 });
  });

  it('pans with the keyboard and shows the pointer position and the star under it', async () => {
    const el = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 800px" api=${emulatorUrl()} now=${NOW} center="85 5" fov="25"></arc-sky-map>`);
    await ready(el);
    const map = q(el, '.map')!;
    expect(map.getAttribute('role')).to.equal('application');
    expect(map.tabIndex).to.equal(0);
    const before = el.currentView!;
    map.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => el.currentView!.ra > before.ra + 0.5, 'panned east (left)', { timeout: 3000 });
    // Pointer over Betelgeuse: the readout names it.
    await frames(3);
    const p = el.project(BETELGEUSE.ra, BETELGEUSE.dec)!;
    const r = map.getBoundingClientRect();
    map.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + p.x, clientY: r.top + p.y, bubbles: true }));
    await waitUntil(() => /Betelgeuse/.test(q(el, '[part=readout]')!.textContent!), 'readout names the star', { timeout: 3000 });
    expect(q(el, '[part=readout]')!.textContent).to.match(/RA 05h 55m \d\ds · Dec \+07° 2\d′/);
  });

  it('aligns the emulator’s HiPS imagery with the vector stars (a bright star within 1 px) and credits the survey', async () => {
    const survey = `${emulatorUrl()}/hips/dss-synthetic`;
    const el = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 800px" api=${emulatorUrl()} now=${NOW} center="85 5" fov="25" survey=${survey} layers="imagery"></arc-sky-map>`);
    await ready(el);
    const tiles = () => qa(el, '.sm-imagery canvas.leaflet-tile');
    await waitUntil(() => tiles().length >= 6 && tiles().every((t) => t.classList.contains('leaflet-tile-loaded')) && (el as any).imagery.state === 'ok', 'imagery tiles', {
      timeout: 15_000,
    });
    await frames(3);
    const img = snapshot(el, 'sm-imagery');
    for (const star of [BETELGEUSE, BELLATRIX, MINTAKA]) {
      const marker = el.project(star.ra, star.dec)!;
      const found = img.peak(marker.x, marker.y, 6);
      expect(Math.abs(found.x - marker.x), `imagery x of ${JSON.stringify(star)}`).to.be.at.most(1);
      expect(Math.abs(found.y - marker.y), `imagery y of ${JSON.stringify(star)}`).to.be.at.most(1);
      expect(found.v).to.be.greaterThan(300);
    }
    expect(q(el, '.leaflet-control-attribution')!.textContent).to.contain('Synthetic sky © arcsecond-widgets emulator');
    const stats = await emulator.stats();
    expect(Object.keys(stats.paths).some((p) => /^\/hips\/dss-synthetic\/Norder3\/Dir0\/Npix\d+\.png$/.test(p))).to.be.true;
    expect(stats.paths['/hips/dss-synthetic/properties']).to.equal(1);
  });

  it('keeps the vector map with a notice and arc-error when imagery tiles fail', async () => {
    await emulator.fault({ match: 're:/Npix', status: 503 });
    const errors: ArcErrorEvent[] = [];
    const box = await fixture<HTMLDivElement>(html`<div style="width: 800px" @arc-error=${(e: ArcErrorEvent) => errors.push(e)}>
      <arc-sky-map api=${emulatorUrl()} now=${NOW} center="101 -17" fov="25" survey=${`${emulatorUrl()}/hips/dss-synthetic`}></arc-sky-map>
    </div>`);
    const el = box.querySelector('arc-sky-map')!;
    await ready(el);
    // (Tiles are cacheable: this view's tiles were never fetched by an earlier test, so they all hit the fault.)
    await waitUntil(() => messages(el).some((m) => /imagery unavailable/i.test(m)), 'imagery notice', { timeout: 15_000 });
    expect(errors.map((e) => e.detail.code)).to.include('network');
    const img = snapshot(el, 'sm-sky');
    const p = el.project(SIRIUS.ra, SIRIUS.dec)!;
    expect(img.peak(p.x, p.y, 6).v).to.be.greaterThan(350);
    // The notice can be dismissed; the map stays.
    q<HTMLButtonElement>(el, '[part=message][data-key=imagery] button')!.click();
    await el.updateComplete;
    expect(messages(el).some((m) => /imagery/i.test(m))).to.be.false;
  });

  it('says clearly what is wrong with center, fov, survey and layers, fires arc-error, and still shows the sky', async () => {
    const errors: ArcErrorEvent[] = [];
    const box = await fixture<HTMLDivElement>(html`<div style="width: 700px" @arc-error=${(e: ArcErrorEvent) => errors.push(e)}>
      <arc-sky-map api=${emulatorUrl()} now=${NOW} center="12h 95d" fov="-3" survey="ftp://example.org/hips" layers="stars grid galaxies"></arc-sky-map>
    </div>`);
    const el = box.querySelector('arc-sky-map')!;
    await ready(el);
    const text = messages(el).join('\n');
    expect(text).to.match(/Cannot centre the map on “12h 95d”/);
    expect(text).to.match(/Invalid field of view “-3”/);
    expect(text).to.match(/Invalid survey “ftp:\/\/example.org\/hips”: .*http\(s\)/);
    expect(text).to.match(/Unknown layer names ignored: galaxies/);
    expect(errors.length).to.equal(4);
    expect(errors.every((e) => e.detail.code === 'invalid-input')).to.be.true;
    expect(qa(el, '[part=message][role=alert]').length).to.equal(3);
    // The whole sky is still drawn, with the known layers.
    expect(el.activeLayers).to.deep.equal(['grid', 'stars']);
    const img = snapshot(el, 'sm-sky');
    let lit = 0;
    for (let y = 0; y < img.height; y += 3) for (let x = 0; x < img.width; x += 3) if (img.lum(x, y) > 200) lit++;
    expect(lit).to.be.greaterThan(200);
    // Fixing the attributes clears the messages.
    el.center = '101.287 -16.716';
    el.fov = 20;
    el.survey = null;
    el.layers = 'stars';
    await el.updateComplete;
    await frames(2);
    expect(messages(el)).to.deep.equal([]);
    expect(el.currentView!.ra).to.be.closeTo(101.287, 0.01);
  });

  it('centres on a name resolved through the API', async () => {
    const el = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 600px" api=${emulatorUrl()} now=${NOW} center="Sirius" fov="20"></arc-sky-map>`);
    await ready(el);
    await waitUntil(() => Math.abs(el.currentView!.ra - SIRIUS.ra) < 0.01, 'centred on Sirius', { timeout: 5000 });
    expect(el.currentView!.dec).to.be.closeTo(SIRIUS.dec, 0.01);
    expect(el.currentView!.fov).to.be.closeTo(20, 2.5);
    el.center = 'No Such Object 12345';
    await waitUntil(() => messages(el).some((m) => /No Such Object 12345/.test(m)), 'not found message', { timeout: 5000 });
  });

  it('centres on the site’s zenith at the map’s time with center="zenith", and says when there is no site', async () => {
    const el = await fixture<ArcSkyMap>(
      html`<arc-sky-map style="width: 600px" api=${emulatorUrl()} now=${NOW} center="zenith" fov="90" latitude=${PARANAL.latitude} longitude=${PARANAL.longitude} elevation=${PARANAL.elevation}></arc-sky-map>`,
    );
    await ready(el);
    // The zenith is where the altitude is 90°: check the view centre against horizontal(), independently of the map.
    await waitUntil(() => horizontal({ ra: el.currentView!.ra, dec: el.currentView!.dec }, PARANAL, new Date(NOW)).altitude > 89.5, 'centred on the zenith', { timeout: 5000 });
    expect(el.currentView!.dec).to.be.closeTo(PARANAL.latitude, 0.5);

    const alone = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 400px" api=${emulatorUrl()} now=${NOW} center="zenith"></arc-sky-map>`);
    await ready(alone);
    await waitUntil(() => messages(alone).some((m) => /zenith/.test(m) && /site/.test(m)), 'needs a site', { timeout: 5000 });
  });

  it('shades the sky below the horizon at the site and marks the zenith', async () => {
    const el = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 800px" api=${emulatorUrl()} now=${NOW} latitude=${PARANAL.latitude} longitude=${PARANAL.longitude} layers="horizon"></arc-sky-map>`);
    await ready(el);
    await waitUntil(() => qa(el, '.sm-horizon canvas.leaflet-tile').length > 0, 'horizon tiles', { timeout: 5000 });
    await frames(3);
    const img = snapshot(el, 'sm-horizon');
    const time = new Date(NOW);
    const alphaAt = (ra: number, dec: number) => {
      const p = el.project(ra, dec)!;
      return img.at(p.x, p.y)[3];
    };
    // Sirius is up (altitude ≈ 45°), the south celestial pole region up too (latitude −25°), Vega below.
    expect(horizontal({ ra: SIRIUS.ra, dec: SIRIUS.dec }, PARANAL, time).altitude).to.be.greaterThan(20);
    expect(alphaAt(SIRIUS.ra, SIRIUS.dec)).to.equal(0);
    expect(horizontal({ ra: 279.23, dec: 38.78 }, PARANAL, time).altitude).to.be.lessThan(-20);
    expect(alphaAt(279.23, 38.78)).to.be.greaterThan(100);
    // Bodies and the zenith in the hidden list.
    el.layers = 'horizon planets';
    await el.updateComplete;
    await frames(2);
    await el.updateComplete;
    expect(q(el, '.body-list')!.textContent).to.match(/Moon: RA/);
  });

  it('follows the shared selection inside a provider, and selecting a marker sets it', async () => {
    const box = await fixture<HTMLElement>(html`<arc-provider api=${emulatorUrl()} now=${NOW}>
      <arc-sky-map style="width: 700px" center="10 40" fov="30" targets="Betelgeuse"></arc-sky-map>
      <span id="other"></span>
    </arc-provider>`);
    const el = box.querySelector('arc-sky-map')!;
    await ready(el);
    box.querySelector('#other')!.dispatchEvent(new ArcSelectEvent({ target: { name: 'Sirius', ...SIRIUS }, source: 'test' }));
    await waitUntil(() => q(el, '.sm-selection'), 'selection ring', { timeout: 3000 });
    await waitUntil(() => Math.abs(el.currentView!.ra - SIRIUS.ra) < 0.5, 'panned to the selection', { timeout: 5000 });
    const ring = q(el, '.sm-selection')!.getBoundingClientRect();
    const mapBox = q(el, '.map')!.getBoundingClientRect();
    const p = el.project(SIRIUS.ra, SIRIUS.dec)!;
    expect(ring.left - mapBox.left).to.be.closeTo(p.x, 1.5);
    // Selecting the Betelgeuse marker makes it the shared selection.
    el.goTo(BETELGEUSE.ra, BETELGEUSE.dec, 30);
    await waitUntil(() => q(el, '.sm-target'), 'target marker', { timeout: 5000 });
    q(el, '.sm-target')!.click();
    await waitUntil(() => (box as ArcProvider).selection.target?.name === 'Betelgeuse', 'provider selection', { timeout: 3000 });
    expect((box as ArcProvider).selection.source).to.equal('arc-sky-map');
  });

  it('shows live pointings from the shared stream, newest highlighted; clicking one selects it', async () => {
    const el = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 800px" api=${emulatorUrl()} live center="150 -20" fov="60" layers="live stars"></arc-sky-map>`);
    await ready(el);
    await waitUntil(() => (q(el, '.pointing-list')?.children.length ?? 0) > 0, 'pointing list', { timeout: 5000 });
    const { activity } = await emulator.push({ target_name: 'Sky Map Test Field', coordinates: { right_ascension: 150.5, declination: -21.25, epoch: 2000 } });
    await waitUntil(() => q(el, `.sm-live[data-activity="${activity.id}"]`), 'live marker', { timeout: 8000 });
    const marker = q(el, `.sm-live[data-activity="${activity.id}"]`)!;
    expect(marker.classList.contains('sm-live--newest')).to.be.true;
    expect(qa(el, '.sm-live--newest').length).to.equal(1);
    expect(q(el, '.pointing-list')!.textContent).to.contain('Sky Map Test Field (newest)');
    const p = el.project(150.5, -21.25)!;
    const r = marker.getBoundingClientRect();
    const m = q(el, '.map')!.getBoundingClientRect();
    expect(r.left - m.left).to.be.closeTo(p.x, 1.5);
    const select = oneEvent(el, 'arc-select');
    marker.click();
    const { detail } = await select;
    expect(detail.target).to.deep.include({ name: 'Sky Map Test Field', ra: 150.5, dec: -21.25 });
    expect((detail.activity as { id: number }).id).to.equal(activity.id);
  });

  it('runs three maps on one page on one socket; removing one frees its map and the others keep working', async () => {
    const base = emulatorUrl().replace('127.0.0.1', 'localhost');
    const box = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(3, 300px); gap: 8px">
      <arc-sky-map api=${base} now=${NOW} center="M42" fov="40" live></arc-sky-map>
      <arc-sky-map api=${base} now=${NOW} latitude=${PARANAL.latitude} longitude=${PARANAL.longitude} theme="dark" live></arc-sky-map>
      <arc-sky-map api=${base} now=${NOW} center="0 60" fov="60" theme="night" live></arc-sky-map>
    </div>`);
    const maps = [...box.querySelectorAll('arc-sky-map')];
    for (const m of maps) await ready(m);
    for (const m of maps) expect(qa(m, '.sm-sky canvas.leaflet-tile').length).to.be.greaterThan(0);
    await waitUntil(async () => (await emulator.stats()).sockets.open === 1, 'one socket', { timeout: 5000 });
    expect((await emulator.stats()).sockets.opened).to.equal(1);
    const [first, second, third] = maps;
    const container = q(first, '.map')!;
    first.remove();
    expect(first.leafletMap).to.be.null;
    expect(container.querySelector('.leaflet-pane')).to.be.null;
    expect(container.querySelector('.leaflet-control-container')).to.be.null;
    // The others still pan.
    const before = third.currentView!;
    third.goTo(30, 50);
    // (An animated pan lands on whole pixels: within a pixel, 0.15° at this zoom.)
    await waitUntil(() => Math.abs(third.currentView!.ra - 30) < 0.3, 'third map moved', { timeout: 3000 });
    expect(before.ra).to.not.equal(30);
    expect(second.leafletMap).to.not.be.null;
    // Re-attached, a map loads again.
    box.append(first);
    await ready(first);
    expect(first.leafletMap).to.not.be.null;
    for (const m of maps) m.remove();
    expect(activeClockTimers()).to.equal(0);
    await waitUntil(async () => (await emulator.stats()).sockets.open === 0, 'socket closed with the last map', { timeout: 5000 });
  });

  for (const theme of ['light', 'dark', 'night']) {
    it(`passes axe in the ${theme} theme, with targets, a site and the layer control open`, async () => {
      const el = await fixture<ArcSkyMap>(html`<arc-sky-map style="width: 700px" api=${emulatorUrl()} now=${NOW} theme=${theme}
        latitude=${PARANAL.latitude} longitude=${PARANAL.longitude} targets="83.822 -5.391; Sirius"></arc-sky-map>`);
      await ready(el);
      await waitUntil(() => qa(el, '.sm-target').length === 2, 'targets', { timeout: 5000 });
      q<HTMLDetailsElement>(el, 'details.layers')!.open = true;
      await expect(el).to.be.accessible();
    });
  }
});
