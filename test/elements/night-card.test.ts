import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/entries/night-card.js';
import '../../src/entries/provider.js';
import type { ArcNightCard } from '../../src/entries/night-card.js';
import type { ArcProvider } from '../../src/elements/provider/provider.js';
import { moonPhase, nightSummary, type NightSummary } from '../../src/astro/index.js';
import { parseForecast } from '../../src/api/weather.js';
import { parseScoreWeights, scoreHours } from '../../src/api/observing-score.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

const PARANAL = 'Cerro Paranal Observatory';
const LA_SILLA = 'La Silla Observatory';
const MAUNA_KEA = 'Mauna Kea Observatory';
/** A fixed night for the astronomy checks (the forecast is only asked for nights near the real today). */
const DATE = '2026-03-21';
/** Tromsø, above the Arctic Circle. */
const TROMSO = { latitude: 69.65, longitude: 18.96, elevation: 10, timeZone: 'Europe/Oslo' };

const q = <T extends Element = HTMLElement>(el: ArcNightCard, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: ArcNightCard, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (el: ArcNightCard) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const messages = (el: ArcNightCard) => qa(el, '[part=message]').map((m) => m.textContent!.replace(/\s+/g, ' ').trim());

interface SiteRecord {
  uuid: string;
  name: string;
  coordinates: { latitude: number; longitude: number; height: number };
  address: { time_zone_id: string | null };
}

/** The emulator's own record of a site, read over HTTP (not through our client). */
async function siteRecord(name: string): Promise<SiteRecord> {
  for (let page = 1; page < 10; page++) {
    const res = await fetch(`${emulatorUrl()}/observingsites/?page=${page}&page_size=100`);
    const body = (await res.json()) as { results: SiteRecord[]; next: string | null };
    const found = body.results.find((s) => s.name === name);
    if (found) return found;
    if (!body.next) break;
  }
  throw new Error(`no site ${name} in the emulator`);
}

async function nightShown(el: ArcNightCard) {
  await waitUntil(() => el.night !== null, 'the night was not computed', { timeout: 10_000 });
  await el.updateComplete;
}

async function forecastShown(el: ArcNightCard) {
  await waitUntil(() => q(el, 'table.hourly tbody tr'), 'no hourly forecast table', { timeout: 15_000 });
  await el.updateComplete;
}

/** The forecast query the card sent, fetched again raw from the emulator. */
async function rawForecast(): Promise<{ hourly: Record<string, number[]>; utc_offset_seconds: number; query: URLSearchParams }> {
  const stats = await emulator.stats();
  const key = Object.keys(stats.requests).find((k) => k.startsWith('/v1/forecast'));
  expect(key, 'the card asked the emulator for a forecast').to.be.a('string');
  const res = await fetch(`${emulatorUrl()}${key}`);
  return { ...(await res.json()), query: new URL(key!, emulatorUrl()).searchParams };
}

const localTime = (t: Date, timeZone: string) => new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(t);

describe('<arc-night-card>', () => {
  beforeEach(() => emulator.reset());

  it('lists the twilights and Moon events of src/astro in the site record’s zone (Chilean local time for Paranal)', async () => {
    const record = await siteRecord(PARANAL);
    expect(record.address.time_zone_id).to.equal('America/Santiago');
    const el = await fixture<ArcNightCard>(
      html`<arc-night-card api=${emulatorUrl()} site=${PARANAL} date=${DATE} weather="none" layout="full" lang="en"></arc-night-card>`,
    );
    await nightShown(el);
    const site = { latitude: record.coordinates.latitude, longitude: record.coordinates.longitude, elevation: record.coordinates.height };
    const expected: NightSummary = nightSummary(site, DATE, { timeZone: 'America/Santiago' });

    const events: [string, Date | null][] = [
      ['sunset', expected.sunset],
      ['civilDusk', expected.civilDusk],
      ['nauticalDusk', expected.nauticalDusk],
      ['astronomicalDusk', expected.astronomicalDusk],
      ['astronomicalDawn', expected.astronomicalDawn],
      ['nauticalDawn', expected.nauticalDawn],
      ['civilDawn', expected.civilDawn],
      ['sunrise', expected.sunrise],
      ['moonrise', expected.moonrise],
      ['moonset', expected.moonset],
    ];
    for (const [event, time] of events) {
      const shown = q(el, `[data-event=${event}] time`);
      if (!time) {
        expect(shown, `${event} has no time`).to.equal(null);
        continue;
      }
      expect(shown!.getAttribute('datetime'), event).to.equal(time.toISOString());
      expect(shown!.textContent!.trim(), event).to.equal(localTime(time, 'America/Santiago'));
    }
    // Paranal in March: sunset after 19:00 local, i.e. after 22:00 UTC; the UTC reading would differ.
    const sunsetText = q(el, '[data-event=sunset] time')!.textContent!.trim();
    expect(sunsetText).not.to.equal(localTime(expected.sunset!, 'UTC'));
    expect(text(el)).to.contain('Times in America/Santiago (UTC−3)');
    const h = Math.floor(expected.darkHours);
    const m = Math.round((expected.darkHours - h) * 60);
    expect(q(el, '[data-event=darkness] dd')!.textContent!.trim()).to.equal(`${h} h ${m} min`);
    expect(q(el, '[part=facts]')!.tagName).to.equal('DL');
    // weather="none": nothing asked of the forecast service, no score section.
    expect((await emulator.stats()).paths['/v1/forecast'] ?? 0).to.equal(0);
    expect(q(el, '[part=score]')).to.equal(null);
  });

  it('draws the Moon to scale, lit on the right when waxing from the north and on the left from the south', async () => {
    // 2026-03-24: a waxing crescent (new Moon on the 19th).
    const date = '2026-03-24';
    const north = await fixture<ArcNightCard>(
      html`<arc-night-card latitude="40" longitude="-75" time-zone="America/New_York" date=${date} weather="none"></arc-night-card>`,
    );
    const south = await fixture<ArcNightCard>(
      html`<arc-night-card latitude="-30" longitude="-70" time-zone="America/Santiago" date=${date} weather="none"></arc-night-card>`,
    );
    await nightShown(north);
    await nightShown(south);
    const disc = (el: ArcNightCard) => q<SVGSVGElement>(el, 'svg[part=moon]')!;
    expect(north.night!.moon.waxing).to.equal(true);
    expect(disc(north).dataset.lit).to.equal('right');
    expect(disc(south).dataset.lit).to.equal('left');
    expect(Number(disc(north).dataset.fraction)).to.be.closeTo(north.night!.moon.illumination, 0.001);
    expect(north.night!.moon.illumination).to.be.closeTo(moonPhase(new Date('2026-03-25T04:00:00Z')).illumination, 0.02);
    // A crescent is a sliver along one limb: near the right limb is lit in the north, the centre and the left are not;
    // the south sees it mirrored.
    const r = Number(disc(north).getAttribute('width')) / 2 - 1;
    const litAt = (el: ArcNightCard, x: number) => disc(el).querySelector<SVGPathElement>('path.moon-lit')!.isPointInFill(new DOMPoint(r + x * r, r));
    expect([litAt(north, 0.9), litAt(north, 0), litAt(north, -0.9)]).to.deep.equal([true, false, false]);
    expect([litAt(south, 0.9), litAt(south, 0), litAt(south, -0.9)]).to.deep.equal([false, false, true]);
    expect(disc(north).getAttribute('aria-label')).to.match(/Waxing crescent, \d+% lit, bright limb on the right/);
  });

  it('says the Sun does not set at a polar site in June, and does not rise in December', async () => {
    const june = await fixture<ArcNightCard>(
      html`<arc-night-card site="Tromsø" latitude=${TROMSO.latitude} longitude=${TROMSO.longitude} time-zone=${TROMSO.timeZone} date="2026-06-21" weather="none" layout="full"></arc-night-card>`,
    );
    await nightShown(june);
    expect(june.night!.polar).to.equal('midnight-sun');
    expect(text(june)).to.contain('The Sun does not set');
    expect(q(june, '[data-event=sunset] dd')!.textContent!.trim()).to.equal('none');

    const compact = await fixture<ArcNightCard>(
      html`<arc-night-card latitude=${TROMSO.latitude} longitude=${TROMSO.longitude} time-zone=${TROMSO.timeZone} date="2026-06-21" weather="none" layout="compact"></arc-night-card>`,
    );
    await nightShown(compact);
    expect(q(compact, '.compact-facts')!.textContent).to.contain('The Sun does not set');

    const december = await fixture<ArcNightCard>(
      html`<arc-night-card latitude=${TROMSO.latitude} longitude=${TROMSO.longitude} time-zone=${TROMSO.timeZone} date="2026-12-21" weather="none" layout="full"></arc-night-card>`,
    );
    await nightShown(december);
    expect(text(december)).to.contain('The Sun does not rise');
    expect(text(december)).not.to.contain('No astronomical darkness tonight');

    // 52° N in June: the Sun sets but the sky never gets astronomically dark.
    const summer = await fixture<ArcNightCard>(
      html`<arc-night-card latitude="52" longitude="0" time-zone="Europe/London" date="2026-06-21" weather="none" layout="full"></arc-night-card>`,
    );
    await nightShown(summer);
    expect(text(summer)).to.contain('No astronomical darkness tonight');
  });

  it('shows tonight’s hourly strip and score from the emulator forecast, with current conditions and attribution', async () => {
    const record = await siteRecord(PARANAL);
    const el = await fixture<ArcNightCard>(
      html`<div style="width: 820px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${PARANAL}></arc-night-card></div>`,
    ).then((wrap) => wrap.querySelector('arc-night-card')!);
    await forecastShown(el);
    await waitUntil(() => q(el, '.current[data-source=arcsecond]'), 'no Arcsecond current conditions', { timeout: 10_000 });

    const raw = await rawForecast();
    expect(raw.query.get('timezone')).to.equal('America/Santiago');
    expect(raw.query.get('start_date')).to.equal(el.night!.date);
    const times = raw.hourly.time as unknown as number[];
    const columns = qa(el, 'table.hourly thead th time');
    expect(columns.length).to.be.greaterThan(8);
    const row = (name: string) => qa(el, `table.hourly tr[data-row=${name}] td`).map((td) => td.textContent!.trim());
    const cloud = row('cloud');
    const humidity = row('humidity');
    const scores = row('score').map(Number);
    columns.forEach((th, i) => {
      const unix = Date.parse(th.getAttribute('datetime')!) / 1000;
      const index = times.indexOf(unix);
      expect(index, `forecast hour ${th.getAttribute('datetime')}`).to.be.at.least(0);
      expect(cloud[i]).to.equal(`${raw.hourly.cloud_cover[index]}%`);
      expect(humidity[i]).to.equal(`${raw.hourly.relative_humidity_2m[index]}%`);
      expect(scores[i]).to.be.within(0, 100);
      // Overcast hours cannot score well; clear, dry, calm hours cannot score badly.
      if (raw.hourly.cloud_cover_low[index] === 100) expect(scores[i]).to.equal(0);
    });
    // The hours shown are the strip's: from an hour before sunset to an hour after sunrise.
    const first = Date.parse(columns[0].getAttribute('datetime')!);
    expect(first).to.be.within(el.night!.sunset!.getTime() - 3_600_000, el.night!.sunset!.getTime() + 3_600_000);

    const night = q(el, '[part=score] .badge')!;
    expect(Number(night.dataset.score)).to.be.within(0, 100);
    const best = el.bestWindow;
    if (best) {
      expect(best.from.getTime()).to.be.at.least(el.night!.from.getTime());
      expect(q(el, '[data-event=best-window] time')!.getAttribute('datetime')).to.equal(best.from.toISOString());
    } else {
      expect(q(el, '[data-event=best-window]')!.textContent).to.contain('No good window tonight');
    }
    // Timeline score bars, one per hour in the strip.
    expect(qa(el, '.score-row .bar').length).to.be.at.least(columns.length - 1);

    // Current conditions come from the site's Arcsecond weather record.
    const current = await (await fetch(`${emulatorUrl()}/observingsites/${record.uuid}/weather/`)).json();
    expect(q(el, '.current')!.textContent).to.contain(`${Math.round(current.temperature)}°C`);

    const link = q<HTMLAnchorElement>(el, '[part=attribution] a')!;
    expect(link.href).to.equal('https://open-meteo.com/');
    expect(link.textContent!.trim()).to.equal('Weather data by Open-Meteo.com');
  });

  it('shows imperial units when asked', async () => {
    const el = await fixture<ArcNightCard>(
      html`<arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${MAUNA_KEA} units="imperial" layout="full"></arc-night-card>`,
    );
    await forecastShown(el);
    const raw = await rawForecast();
    const th = q(el, 'table.hourly thead th time')!;
    const index = (raw.hourly.time as unknown as number[]).indexOf(Date.parse(th.getAttribute('datetime')!) / 1000);
    const wind = q(el, 'table.hourly tr[data-row=wind] td')!.textContent!.trim();
    const temperature = q(el, 'table.hourly tr[data-row=temperature] td')!.textContent!.trim();
    expect(wind).to.equal(`${Math.round(raw.hourly.wind_speed_10m[index] / 0.44704)} mph`);
    expect(temperature).to.equal(`${Math.round((raw.hourly.temperature_2m[index] * 9) / 5 + 32)}°F`);
    expect(text(el)).to.match(/ft\b/);
  });

  it('keeps the night facts when the forecast fails with a 500, shows the reason and a retry that recovers', async () => {
    await emulator.fault({ match: '/v1/forecast', status: 500 });
    const el = await fixture<ArcNightCard>(
      html`<arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${LA_SILLA} layout="full"></arc-night-card>`,
    );
    const error = await oneEvent(el, 'arc-error');
    expect(error.detail.code).to.equal('server');
    await waitUntil(() => messages(el).length > 0, 'no weather error shown');
    expect(messages(el).join(' ')).to.contain('Weather unavailable').and.to.contain('HTTP 500');
    expect(q(el, '[data-event=sunset] time'), 'night facts stay').not.to.equal(null);
    expect(q(el, '[part=timeline] .band.night')).not.to.equal(null);
    const retry = q<HTMLButtonElement>(el, '[part=retry]')!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    // The client retried the 5xx before giving up.
    expect((await emulator.stats()).paths['/v1/forecast']).to.be.greaterThan(1);

    await emulator.clearFaults();
    retry.focus();
    retry.click();
    await forecastShown(el);
    expect(q(el, '[part=retry]')).to.equal(null);
    expect(messages(el).join(' ')).not.to.contain('Weather unavailable');
  });

  it('says which UTC offset it uses when no time zone is known', async () => {
    const el = await fixture<ArcNightCard>(html`<arc-night-card latitude="40" longitude="-75" date=${DATE} weather="none"></arc-night-card>`);
    await nightShown(el);
    expect(text(el)).to.contain('Times in UTC−5 (no time zone known; derived from the longitude).');
    const sunset = q(el, '[data-event=sunset] time')!;
    expect(sunset.textContent!.trim()).to.equal(localTime(new Date(sunset.getAttribute('datetime')!), 'Etc/GMT+5'));
  });

  it('gives a clear message and arc-error for bad input', async () => {
    const cases: [ReturnType<typeof html>, RegExp, string][] = [
      [html`<arc-night-card api=${emulatorUrl()} site="Atlantis Observatory" weather="none"></arc-night-card>`, /Atlantis Observatory/, 'not-found'],
      [html`<arc-night-card latitude="95" longitude="10" weather="none"></arc-night-card>`, /Latitude must be a number between −90 and 90/, 'invalid-input'],
      [html`<arc-night-card latitude="10" longitude="10" date="2026-02-30" weather="none"></arc-night-card>`, /Invalid date “2026-02-30”/, 'invalid-input'],
      [html`<arc-night-card latitude="10" longitude="10" time-zone="Mars/Olympus" weather="none"></arc-night-card>`, /Unknown time zone “Mars\/Olympus”/, 'invalid-input'],
      [html`<arc-night-card latitude="10" longitude="10" now="yesterday-ish" weather="none"></arc-night-card>`, /Invalid instant “yesterday-ish”/, 'invalid-input'],
    ];
    for (const [template, message, code] of cases) {
      const errors: string[] = [];
      const wrap = await fixture<HTMLDivElement>(html`<div @arc-error=${(e: CustomEvent) => errors.push(e.detail.code)}>${template}</div>`);
      const el = wrap.querySelector('arc-night-card')!;
      await waitUntil(() => messages(el).length > 0, `no message for ${message}`, { timeout: 8000 });
      const alert = q(el, '[part=message][role=alert]')!;
      expect(alert.textContent).to.match(message);
      expect(errors).to.include(code);
      expect(el.night).to.equal(null);
    }
  });

  it('reports invalid score weights and keeps the defaults', async () => {
    const errors: string[] = [];
    const wrap = await fixture<HTMLDivElement>(
      html`<div @arc-error=${(e: CustomEvent) => errors.push(e.detail.message)}>
        <arc-night-card latitude="-30" longitude="-70" time-zone="America/Santiago" score-weights="cloud:1 seeing:2" weather="open-meteo" weather-api=${emulatorUrl()}></arc-night-card>
      </div>`,
    );
    const el = wrap.querySelector('arc-night-card')!;
    await forecastShown(el);
    expect(messages(el).join(' ')).to.contain('Ignoring score-weights: Unknown score factor “seeing”');
    expect(errors.some((m) => m.includes('seeing'))).to.equal(true);
    expect(q(el, 'details.how')!.textContent).to.contain('Weights: cloud 0.5, precipitation 0.2, humidity 0.15, wind 0.15.');

    // The scores shown are the documented formula's for the forecast hours and the weights in force.
    const raw = await rawForecast();
    const expectedScores = (weights: string) => {
      const hours = parseForecast(raw).hours;
      const scores = scoreHours(hours, parseScoreWeights(weights));
      return qa(el, 'table.hourly thead th time').map((th) => String(scores.find((s) => s.time.toISOString() === th.getAttribute('datetime'))!.score));
    };
    const shownScores = () => qa(el, 'table.hourly tr[data-row=score] td').map((td) => td.textContent!.trim());
    expect(shownScores()).to.deep.equal(expectedScores(''));
    // Valid weights replace the defaults.
    el.scoreWeights = 'cloud:0.2 precipitation:0 humidity:1 wind:0.3';
    await el.updateComplete;
    expect(messages(el).join(' ')).not.to.contain('Ignoring score-weights');
    expect(q(el, 'details.how')!.textContent).to.contain('Weights: cloud 0.2, precipitation 0, humidity 1, wind 0.3.');
    expect(shownScores()).to.deep.equal(expectedScores('cloud:0.2 precipitation:0 humidity:1 wind:0.3'));
  });

  it('follows a provider’s site and date and publishes its best window there', async () => {
    const provider = await fixture<ArcProvider>(
      html`<arc-provider api=${emulatorUrl()} site=${MAUNA_KEA}>
        <arc-night-card weather-api=${emulatorUrl()} score-weights="cloud:0 precipitation:0 humidity:1 wind:0"></arc-night-card>
      </arc-provider>`,
    );
    const el = provider.querySelector('arc-night-card')!;
    await forecastShown(el);
    expect(text(el)).to.contain(MAUNA_KEA);
    expect(text(el)).to.contain('Pacific/Honolulu');
    // Only humidity counts, and the Mauna Kea summit is dry: every dark hour scores, so the best window is the whole
    // astronomical night.
    await waitUntil(() => el.bestWindow !== null, 'no best window', { timeout: 5000 });
    const dark = el.night!.darkIntervals;
    expect(el.bestWindow!.from.toISOString()).to.equal(dark[0].from.toISOString());
    expect(el.bestWindow!.to.toISOString()).to.equal(dark[dark.length - 1].to.toISOString());
    await waitUntil(() => provider.bestWindow !== null, 'the provider did not receive the best window');
    expect(provider.bestWindow).to.deep.equal(el.bestWindow);

    // A new shared date reaches the card.
    provider.date = '2026-03-21';
    await waitUntil(() => el.night?.date === '2026-03-21', 'the card did not follow the provider’s date');
    // Removing the card withdraws its window.
    el.remove();
    await waitUntil(() => provider.bestWindow === null, 'the best window stayed published');
  });

  it('switches to the compact layout by its own width', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 280px"><arc-night-card latitude="-30" longitude="-70" time-zone="America/Santiago" date=${DATE} weather="none"></arc-night-card></div>`,
    );
    const el = wrap.querySelector('arc-night-card')!;
    await nightShown(el);
    await waitUntil(() => q(el, 'article.compact'), 'not compact at 280 px');
    expect(q(el, '.compact-facts')).not.to.equal(null);
    wrap.style.width = '800px';
    await waitUntil(() => q(el, 'article.full'), 'not full at 800 px');
    expect(q(el, '[data-event=sunset]')).not.to.equal(null);
  });

  for (const theme of ['light', 'dark', 'night']) {
    it(`passes axe in the ${theme} theme, full and compact, with the forecast and its explanation open`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <div style="width: 800px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${PARANAL} theme=${theme}></arc-night-card></div>
        <div style="width: 280px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${PARANAL} theme=${theme}></arc-night-card></div>
      </div>`);
      const [full, compact] = [...wrap.querySelectorAll('arc-night-card')];
      await forecastShown(full);
      await waitUntil(() => q(compact, 'article.compact [part=score] .badge'), 'compact score missing', { timeout: 10_000 });
      const details = q<HTMLDetailsElement>(full, 'details.how')!;
      details.open = true;
      await oneEvent(details, 'toggle');
      await expect(full).to.be.accessible();
      await expect(compact).to.be.accessible();
    });
  }
});
