/**
 * The organisation portal (demo/index.html as `npm start` serves it, in an iframe) works as one page: selecting an
 * activity in the ticker (click or Enter) shows its target on the sky map and adds it to the visibility chart, the
 * night card's best window is marked on the chart, and one clock (the provider's `now`) drives the chart's now
 * marker, the tickers' relative times and the sky map's time together.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { horizontal } from '../../src/astro/index.js';
import type { Activity } from '../../src/api/records.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';
import { PORTAL_TARGETS, openPortal, type Portal } from '../helpers/portal-frame.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DEG = Math.PI / 180;

/** Great-circle separation in degrees. */
function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const h = Math.sin(((dec2 - dec1) * DEG) / 2) ** 2 + Math.cos(dec1 * DEG) * Math.cos(dec2 * DEG) * Math.sin(((ra2 - ra1) * DEG) / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / DEG;
}

const sr = (el: Element) => el.shadowRoot!;
const legendLabels = (p: Portal) => [...sr(p.chart).querySelectorAll('[part~=legend-item] .name')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const curveCount = (p: Portal) => sr(p.chart).querySelectorAll('svg[part~=chart] path.curve').length;
const itemOf = (ticker: Element, id: number) => sr(ticker).querySelector<HTMLElement>(`li[part~=item][data-id="${id}"]`);

/** Wait until every element of the portal shows its data (the state a visitor meets). */
async function settled(p: Portal) {
  await waitUntil(() => p.feed.state === 'live' && p.feed.activities.length > 0, 'the organisation feed is not live', { timeout: 15_000 });
  await waitUntil(() => p.marquee.activities.length > 0, 'the marquee shows nothing', { timeout: 15_000 });
  await waitUntil(() => curveCount(p) === PORTAL_TARGETS.length, 'the chart does not draw its four targets', { timeout: 15_000 });
  await waitUntil(() => p.card.night !== null, 'the night card has no night', { timeout: 15_000 });
  await p.map.ready;
}

/** Push an activity of the portal's organisation with a target at (ra, dec), and wait until the feed shows it. */
async function pushTarget(p: Portal, name: string, ra: number, dec: number): Promise<Activity> {
  const { activity } = await emulator.push({
    target_name: name,
    organisation: 'eso',
    coordinates: { right_ascension: ra, declination: dec, epoch: 2000 },
  });
  await waitUntil(() => itemOf(p.feed, activity.id)?.querySelector('button[part~=target]'), `the feed does not show ${name}`, { timeout: 8000 });
  return p.feed.activities.find((a) => a.id === activity.id)!;
}

/** The map shows the target: inside the central part of the view, with the selection ring drawn on it. */
async function mapShows(p: Portal, ra: number, dec: number) {
  const map = p.map;
  const inView = () => {
    const at = map.project(ra, dec);
    const box = sr(map).querySelector('.map')!.getBoundingClientRect();
    return !!at && at.x > box.width * 0.15 && at.x < box.width * 0.85 && at.y > box.height * 0.15 && at.y < box.height * 0.85;
  };
  await waitUntil(inView, `the map does not show ${ra} ${dec}`, { timeout: 5000 });
  // The pan may animate: wait until the ring sits where the target projects.
  await waitUntil(
    () => {
      const ring = sr(map).querySelector('.sm-selection');
      const at = map.project(ra, dec);
      if (!ring || !at) return false;
      const box = sr(map).querySelector('.map')!.getBoundingClientRect();
      const r = ring.getBoundingClientRect();
      return Math.hypot(r.left + r.width / 2 - box.left - at.x, r.top + r.height / 2 - box.top - at.y) < 3;
    },
    'the selection ring is not on the target',
    { timeout: 5000 },
  );
}

describe('organisation portal (demo/index.html)', function () {
  this.timeout(60_000);
  let p: Portal;

  before(async () => {
    await emulator.reset();
    p = await openPortal();
    await settled(p);
  });

  after(async () => {
    p?.close();
    await emulator.reset();
  });

  afterEach(() => {
    expect(p.problems, 'errors, rejections or console output in the portal').to.deep.equal([]);
  });

  it('clicking an activity centres the sky map on its target, highlights it, and adds it to the chart', async () => {
    // A target on the far side of the sky from where the map looks (the zenith at Paranal): the map has to move.
    const before = p.map.currentView!;
    expect(before.dec, 'the map looks at the sky above Paranal (its zenith)').to.be.closeTo(-24.6, 1);
    const far = { ra: (before.ra + 150) % 360, dec: before.dec > 0 ? -20 : 20 };
    expect(separation(before.ra, before.dec, far.ra, far.dec), 'the target starts far from the map centre').to.be.greaterThan(60);
    const activity = await pushTarget(p, 'Portal test galaxy', far.ra, far.dec);

    itemOf(p.feed, activity.id)!.querySelector<HTMLElement>('button[part~=target]')!.click();

    await mapShows(p, far.ra, far.dec);
    // It was outside the view, so the map pans (animated) until the target is in the middle.
    const centreOff = () => separation(p.map.currentView!.ra, p.map.currentView!.dec, far.ra, far.dec);
    await waitUntil(() => centreOff() < 2, 'the map did not centre on the target', { timeout: 4000 });
    await waitUntil(() => legendLabels(p).some((l) => l.startsWith('Portal test galaxy')), 'no legend entry for the selection', { timeout: 5000 });
    expect(curveCount(p), 'a fifth curve').to.equal(PORTAL_TARGETS.length + 1);
    const entry = [...sr(p.chart).querySelectorAll<HTMLElement>('[part~=legend-item]')].find((e) => e.textContent!.includes('Portal test galaxy'))!;
    expect(entry.textContent, 'the entry says it comes from the selection').to.match(/selected/i);
    expect(entry.getAttribute('aria-pressed'), 'the selection is the highlighted entry').to.equal('true');
    // The page's own targets stay as they were.
    for (const t of PORTAL_TARGETS) expect(legendLabels(p).some((l) => l.startsWith(t)), t).to.be.true;
    // The ticker marks the item it came from.
    const item = itemOf(p.feed, activity.id)!;
    expect(item.classList.contains('selected')).to.be.true;
    expect(item.querySelector('button[part~=target]')!.getAttribute('aria-current')).to.equal('true');
  });

  it('Enter on an activity selects it from the keyboard: the map moves there and the chart follows', async () => {
    const target = { ra: 252.4, dec: -44.6 };
    const activity = await pushTarget(p, 'Portal test cluster', target.ra, target.dec);
    const button = itemOf(p.feed, activity.id)!.querySelector<HTMLButtonElement>('button[part~=target]')!;
    button.focus();
    expect(p.doc.activeElement, 'focus is in the feed').to.equal(p.feed);
    expect(sr(p.feed).activeElement).to.equal(button);

    await sendKeys({ press: 'Enter' });

    await mapShows(p, target.ra, target.dec);
    await waitUntil(() => legendLabels(p).some((l) => l.startsWith('Portal test cluster')), 'no legend entry for the keyboard selection', { timeout: 5000 });
    // One selection at a time: the previous one left the chart.
    expect(legendLabels(p).some((l) => l.startsWith('Portal test galaxy'))).to.be.false;
    expect(curveCount(p)).to.equal(PORTAL_TARGETS.length + 1);
    expect(itemOf(p.feed, activity.id)!.classList.contains('selected')).to.be.true;
  });

  it('selecting an activity whose target the chart already shows highlights that curve instead of adding one', async () => {
    // M42's catalogue position (the emulator's objects.json): named differently, matched by name folding.
    const activity = await pushTarget(p, 'M 42', 83.8221, -5.3911);
    itemOf(p.feed, activity.id)!.querySelector<HTMLElement>('button[part~=target]')!.click();
    await waitUntil(
      () => [...sr(p.chart).querySelectorAll('[part~=legend-item]')].find((e) => e.textContent!.includes('M42'))?.getAttribute('aria-pressed') === 'true',
      'M42 is not highlighted',
      { timeout: 5000 },
    );
    expect(curveCount(p), 'no extra curve').to.equal(PORTAL_TARGETS.length);
    expect(legendLabels(p).some((l) => /selected/i.test(l))).to.be.false;
    await mapShows(p, 83.8221, -5.3911);
  });

  it("marks the night card's best window on the chart, where the card has one", async () => {
    // The forecast (hence the window) depends on the night: look back over recent nights, with the shared clock
    // frozen in each evening, for one with a best window and one without when there is such a night.
    const card = p.card;
    const tonight = card.night!;
    const seen: { withWindow?: number; without?: number } = {};
    for (let back = 0; back < 6 && seen.withWindow === undefined; back++) {
      const evening = new Date(tonight.sunset!.getTime() - back * 24 * HOUR + 2 * HOUR);
      p.provider.setAttribute('now', evening.toISOString());
      await waitUntil(() => card.night && Math.abs(card.night.sunset!.getTime() - (evening.getTime() - 2 * HOUR)) < 30 * MINUTE, 'the card did not move to that night', {
        timeout: 5000,
      });
      // The forecast for that night arrives (score shown) or its absence is stated.
      await waitUntil(() => /score/i.test(sr(card).textContent!) && !sr(card).querySelector('[part~=skeleton]'), 'no forecast for that night', { timeout: 8000 });
      await p.chart.updateComplete;
      const best = card.bestWindow;
      const bracket = sr(p.chart).querySelector('.best-window');
      if (best) {
        seen.withWindow = back;
        await waitUntil(() => sr(p.chart).querySelector('.best-window'), 'the chart does not mark the best window', { timeout: 5000 });
        checkBracket(best);
      } else {
        seen.without ??= back;
        expect(bracket, 'no bracket without a best window').to.equal(null);
        expect(sr(card).textContent, 'the card states that there is no good window').to.match(/no (good|best)[^.]*window|no window/i);
      }
    }
    expect(seen.withWindow, `no best window in the last six nights (nights without: ${seen.without})`).to.not.equal(undefined);

    /** The bracket spans the window's times on the chart's time axis (derived from the night: sunset−1 h … sunrise+1 h). */
    function checkBracket(best: { from: Date; to: Date }) {
      const night = card.night!;
      const from = Math.floor((night.sunset!.getTime() - HOUR) / (5 * MINUTE)) * 5 * MINUTE;
      const sunriseAfter = night.sunEvents.find((e) => e.kind === 'sunrise' && e.time > night.sunset!)!.time.getTime();
      const to = Math.ceil((sunriseAfter + HOUR) / (5 * MINUTE)) * 5 * MINUTE;
      const plot = sr(p.chart).querySelector<SVGRectElement>('rect.plot-bg')!;
      const left = plot.x.baseVal.value;
      const width = plot.width.baseVal.value;
      const x = (t: number) => left + (width * (Math.min(Math.max(t, from), to) - from)) / (to - from);
      const fill = sr(p.chart).querySelector<SVGRectElement>('.best-window rect')!;
      expect(fill.x.baseVal.value, 'bracket start').to.be.closeTo(x(best.from.getTime()), 1.5);
      expect(fill.x.baseVal.value + fill.width.baseVal.value, 'bracket end').to.be.closeTo(x(best.to.getTime()), 1.5);
      expect(sr(p.chart).querySelector('.best-window')!.textContent, 'the bracket is labelled').to.match(/best/i);
    }
  });

  it('states that there is no good window on an overcast night, and the chart marks none', async () => {
    const card = p.card;
    // The card's own forecast request, for a night it has not loaded yet, answered as it would be but overcast.
    const asked = Object.keys((await emulator.stats()).requests).find((k) => k.startsWith('/v1/forecast?'));
    expect(asked, 'the card asked for a forecast').to.be.a('string');
    const evening = new Date(card.night!.sunset!.getTime() - 8 * 24 * HOUR + 2 * HOUR);
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(evening);
    const next = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date(evening.getTime() + 24 * HOUR));
    const query = new URLSearchParams(asked!.split('?')[1]);
    query.set('start_date', date);
    query.set('end_date', next);
    const forecast = await (await fetch(`${emulatorUrl()}/v1/forecast?${query}`)).json();
    for (const key of Object.keys(forecast.hourly)) {
      if (/^cloud_cover/.test(key)) forecast.hourly[key] = forecast.hourly[key].map(() => 100);
      if (key === 'precipitation_probability') forecast.hourly[key] = forecast.hourly[key].map(() => 90);
    }
    await emulator.fault({ match: '/v1/forecast', status: 200, body: forecast });
    try {
      p.provider.setAttribute('now', evening.toISOString());
      await waitUntil(() => card.night?.date === date, 'the card did not move to the overcast night', { timeout: 5000 });
      await waitUntil(() => /No good window/.test(sr(card).textContent!), 'the card does not state that there is no good window', { timeout: 8000 });
      await p.chart.updateComplete;
      expect(card.bestWindow).to.equal(null);
      expect(p.provider.bestWindow, 'nothing published to the portal').to.equal(null);
      expect(sr(p.chart).querySelector('.best-window'), 'no bracket on the chart').to.equal(null);
      expect(curveCount(p), 'the chart itself is unaffected').to.be.at.least(PORTAL_TARGETS.length);
    } finally {
      await emulator.clearFaults();
    }
  });

  it("one clock: the provider's now moves the chart's now marker, the tickers' relative times and the sky map's time together", async () => {
    p.provider.removeAttribute('now');
    await waitUntil(() => p.card.night, 'night');
    const night = p.card.night!;
    const site = await paranal();
    const from = Math.floor((night.sunset!.getTime() - HOUR) / (5 * MINUTE)) * 5 * MINUTE;
    const sunriseAfter = night.sunEvents.find((e) => e.kind === 'sunrise' && e.time > night.sunset!)!.time.getTime();
    const to = Math.ceil((sunriseAfter + HOUR) / (5 * MINUTE)) * 5 * MINUTE;
    const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
    // An activity reported an hour before the frame starts: its age is known at any frozen instant, whatever the
    // time of day the test runs at.
    const reportedAt = from - HOUR;
    const { activity } = await emulator.push({ organisation: 'eso', target_name: 'Clock test', creation_date: new Date(reportedAt).toISOString() });
    for (const ticker of [p.feed, p.marquee]) {
      await waitUntil(() => itemOf(ticker, activity.id), `the ${ticker.getAttribute('layout')} ticker does not show the pushed activity`, { timeout: 8000 });
    }

    const check = async (now: Date) => {
      p.provider.setAttribute('now', now.toISOString());
      // Chart: the marker sits at `now` on the time axis.
      await waitUntil(
        () => {
          const line = sr(p.chart).querySelector<SVGLineElement>('g.now line');
          const plot = sr(p.chart).querySelector<SVGRectElement>('rect.plot-bg');
          if (!line || !plot) return false;
          const expected = plot.x.baseVal.value + (plot.width.baseVal.value * (now.getTime() - from)) / (to - from);
          return Math.abs(line.x1.baseVal.value - expected) < 1.5;
        },
        `the chart's now marker is not at ${now.toISOString()}`,
        { timeout: 5000 },
      );
      // Tickers: the activity's age counts from `now`.
      const text = relative.format(Math.round((reportedAt - now.getTime()) / HOUR), 'hour');
      for (const ticker of [p.feed, p.marquee]) {
        await waitUntil(() => itemOf(ticker, activity.id)?.querySelector('time')?.textContent === text, `the ${ticker.getAttribute('layout')} ticker does not say “${text}”`, {
          timeout: 5000,
        });
      }
      // Sky map: the Sun's altitude it lists is the Sun's altitude at Paranal at `now`.
      const sun = horizontal('sun', site, now).altitude;
      await waitUntil(() => Math.abs(sunAltitudeOnMap() - sun) < 0.5, `the map's Sun is not at ${sun.toFixed(1)}° (${sunAltitudeOnMap()})`, { timeout: 5000 });
      return sun;
    };

    const first = new Date(from + 2 * HOUR);
    const second = new Date(from + 5 * HOUR);
    const sunFirst = await check(first);
    const sunSecond = await check(second);
    expect(Math.abs(sunFirst - sunSecond), 'three hours apart, the Sun moved').to.be.greaterThan(10);
    expect(p.map.currentView, 'the map is still drawn').to.not.equal(null);

    function sunAltitudeOnMap(): number {
      const line = [...sr(p.map).querySelectorAll('.body-list li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()).find((t) => t.startsWith('Sun'));
      const m = line && /(−|-)?(\d+(?:\.\d+)?)°\)?$/.exec(line.replace(/\)$/, ''));
      return m ? (m[1] ? -1 : 1) * Number(m[2]) : NaN;
    }
  });
});

/** Paranal as the emulator (and so the portal) knows it. */
async function paranal(): Promise<{ latitude: number; longitude: number; elevation: number }> {
  const res = await fetch(`${emulatorUrl()}/observingsites/?page_size=100`);
  const page = await res.json();
  const site = page.results.find((s: { name: string }) => s.name === 'Cerro Paranal Observatory');
  return { latitude: site.coordinates.latitude, longitude: site.coordinates.longitude, elevation: site.coordinates.height ?? 0 };
}
