/**
 * Languages: English, French, Spanish, German and Chinese for every element, chosen by `lang` on the element, on the
 * page (`<html lang>`) or on an `<arc-provider>`. Known strings of each element appear in the language, no English
 * string of the element's namespaces is left over, no raw key or `{placeholder}` shows, and numbers and dates come
 * from Intl (decimal comma in French, Spanish and German). The translation files have exactly the English
 * namespaces, keys and placeholders, and load lazily: only the languages a page uses are fetched.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/entries/activity-ticker.js';
import '../../src/entries/sky-map.js';
import '../../src/entries/night-card.js';
import '../../src/entries/visibility-chart.js';
import '../../src/entries/provider.js';
import type { ArcActivityTicker } from '../../src/entries/activity-ticker.js';
import type { ArcSkyMap } from '../../src/entries/sky-map.js';
import type { ArcNightCard } from '../../src/entries/night-card.js';
import type { ArcVisibilityChart } from '../../src/entries/visibility-chart.js';
import * as en from '../../src/i18n/en.js';
import { catalogFor } from '../../src/i18n/index.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

type Namespace = keyof typeof en;
type Catalog = Record<Namespace, Record<string, string>>;
const LANGS = ['fr', 'es', 'de', 'zh'] as const;
type Lang = 'en' | (typeof LANGS)[number];
/** The translation modules, imported here only for expectations (after the lazy-loading test). */
const LOADERS: Record<(typeof LANGS)[number], () => Promise<unknown>> = {
  fr: () => import('../../src/i18n/fr.js'),
  es: () => import('../../src/i18n/es.js'),
  de: () => import('../../src/i18n/de.js'),
  zh: () => import('../../src/i18n/zh.js'),
};

const PARANAL = 'Cerro Paranal Observatory';
const DATE = '2026-03-21';
const NOW = '2026-03-22T02:10:00Z';

/** The namespaces of strings each element shows. */
const NAMESPACES: Record<string, Namespace[]> = {
  'arc-activity-ticker': ['ticker', 'common'],
  'arc-sky-map': ['sky', 'common'],
  'arc-night-card': ['night', 'nightWeather', 'common'],
  'arc-visibility-chart': ['chart', 'common'],
};

const sr = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => sr(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...sr(el).querySelectorAll<T>(sel)];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** The longest fixed part of a template (`Mis à jour {time}` → `Mis à jour`), to find it in rendered text. */
const fixedPart = (template: string) =>
  template
    .split(/\{\w+\}/)
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0];

/** Every string a user can meet in the element: its text (also what only screen readers read) and labels. */
function uiText(el: Element): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(sr(el), NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      if (node.parentElement?.tagName !== 'STYLE') parts.push(node.data);
    } else if (node instanceof Element) {
      // The sky data's full citation (catalogue names and authors) is a credit, quoted as published, not UI.
      if (node.closest('.leaflet-control-attribution') && node.hasAttribute('title')) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext', 'aria-roledescription']) {
        const v = node.getAttribute(attr);
        if (v) parts.push(v);
      }
    }
  }
  return squash(parts.join(' \n '));
}

/** English fragments of the element's namespaces that the translation replaced (so must not be shown). */
function englishLeftovers(text: string, tag: string, catalog: Catalog): string[] {
  const found = new Set<string>();
  for (const ns of NAMESPACES[tag]) {
    for (const [key, english] of Object.entries(en[ns] as Record<string, string>)) {
      const translated = catalog[ns][key];
      if (translated === english) continue;
      for (const raw of english.split(/\{\w+\}/)) {
        const fragment = raw.replace(/^[\s·,.:;()—–…-]+|[\s·,.:;()—–…-]+$/g, '');
        // Short fragments (`N`, `UTC`, `°`) are not language; those the translation keeps are not leftovers.
        if (fragment.length < 4 || !/[A-Za-z]{3}/.test(fragment) || translated.includes(fragment)) continue;
        const re = new RegExp(`(^|[^\\p{L}])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
        if (re.test(text)) found.add(`${ns}.${key}: “${fragment}”`);
      }
    }
  }
  return [...found];
}

/** Raw keys (`wholeSky`, `chart.title`) and unfilled `{placeholders}` that a missing translation would show. */
function rawKeys(text: string, tag: string): string[] {
  const out = [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]);
  for (const ns of NAMESPACES[tag]) {
    for (const key of Object.keys(en[ns])) {
      if (/[A-Z_]/.test(key) && new RegExp(`\\b${key}\\b`).test(text)) out.push(key);
    }
  }
  out.push(...[...text.matchAll(/\b(ticker|chart|night|nightWeather|sky|common)\.[a-z]\w*/g)].map((m) => m[0]));
  return out;
}

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (k: number) => (k ? requestAnimationFrame(() => step(k - 1)) : resolve());
    step(n);
  });

interface Kit {
  ticker: ArcActivityTicker;
  map: ArcSkyMap;
  card: ArcNightCard;
  chart: ArcVisibilityChart;
}

/**
 * The four elements, `lang` given by `where`: on each element, on <html>, or on a provider around them.
 * The card shows tonight (so the forecast answers), the chart a fixed night.
 */
async function renderKit(lang: string, where: 'element' | 'page' | 'provider'): Promise<Kit> {
  const own = where === 'element' ? lang : undefined;
  const elements = html`
    <div style="width: 420px"><arc-activity-ticker api=${emulatorUrl()} live="false" refresh="60" limit="3" lang=${ifDefined(own)}></arc-activity-ticker></div>
    <div style="width: 700px">
      <arc-sky-map api=${emulatorUrl()} now=${NOW} latitude="-24.6272" longitude="-70.4042" time-zone="America/Santiago" center="84 -3" fov="40"
        layers="stars constellations targets" targets="83.822 -5.391" lang=${ifDefined(own)}></arc-sky-map>
    </div>
    <div style="width: 820px"><arc-night-card api=${emulatorUrl()} weather-api=${emulatorUrl()} site=${PARANAL} layout="full" lang=${ifDefined(own)}></arc-night-card></div>
    <div style="width: 820px">
      <arc-visibility-chart api=${emulatorUrl()} site=${PARANAL} date=${DATE} now=${NOW} targets="M42; NGC 253" lang=${ifDefined(own)}></arc-visibility-chart>
    </div>`;
  let template: TemplateResult = html`<main>${elements}</main>`;
  if (where === 'provider') template = html`<arc-provider lang=${lang}>${elements}</arc-provider>`;
  if (where === 'page') document.documentElement.lang = lang;
  const root = await fixture<HTMLElement>(template);
  const kit: Kit = {
    ticker: root.querySelector('arc-activity-ticker')!,
    map: root.querySelector('arc-sky-map')!,
    card: root.querySelector('arc-night-card')!,
    chart: root.querySelector('arc-visibility-chart')!,
  };
  await waitUntil(() => kit.ticker.activities.length === 3, 'ticker', { timeout: 10_000 });
  await waitUntil(() => qa(kit.ticker, '[part=where]').every((w) => w.textContent!.includes(' · ')), 'ticker names', { timeout: 10_000 });
  await kit.map.ready;
  await waitUntil(() => q(kit.map, '.sm-target'), 'map target', { timeout: 10_000 });
  q(kit.map, '.sm-target')!.click();
  await waitUntil(() => q(kit.map, '.leaflet-popup [data-fact=airmass]'), 'map popup', { timeout: 5000 });
  await waitUntil(() => q(kit.card, 'table.hourly tbody tr'), 'night card forecast', { timeout: 15_000 });
  await waitUntil(() => qa(kit.chart, 'path.curve').length === 2, 'chart curves', { timeout: 10_000 });
  q<HTMLDetailsElement>(kit.chart, 'details[part=table]')!.open = true;
  await waitUntil(() => q(kit.chart, 'details[part=table] table'), 'chart table', { timeout: 5000 });
  // A translation arrives as a lazy chunk: wait until the elements have re-rendered with it.
  if (lang !== 'en') await waitUntil(() => catalogFor(lang.split('-')[0] as Exclude<Lang, 'en'>), 'catalog loaded', { timeout: 5000 });
  await frames(2);
  for (const el of Object.values(kit)) await el.updateComplete;
  return kit;
}

/** What each element must show in the language: fixed strings of its catalog, and Intl numbers and dates. */
function checkKnownStrings(kit: Kit, lang: Lang, catalog: Catalog) {
  const { ticker, map, card, chart } = kit;
  const decimal = new Intl.NumberFormat(lang).format(1.5).charAt(1);
  expect(decimal, 'the decimal separator').to.equal(['fr', 'es', 'de'].includes(lang) ? ',' : '.');

  // Ticker: the pause button, "updated …", and relative times from Intl.RelativeTimeFormat.
  expect(squash(q(ticker, '[part=pause]')!.textContent!)).to.equal(catalog.ticker.pause);
  expect(q(ticker, '[part=state]')!.textContent).to.contain(fixedPart(catalog.ticker.updated));
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  for (const time of qa(ticker, 'time[part=time]')) {
    const seconds = (Date.parse(time.getAttribute('datetime')!) - Date.now()) / 1000;
    const [unit, size]: [Intl.RelativeTimeFormatUnit, number] = Math.abs(seconds) < 3600 ? ['minute', 60] : Math.abs(seconds) < 86400 ? ['hour', 3600] : ['day', 86400];
    // The element rounds at its last render; allow one unit either side.
    const n = Math.round(seconds / size);
    const allowed = [n - 1, n, n + 1].map((k) => rtf.format(k, unit)).concat(catalog.ticker.justNow);
    expect(allowed, `ticker time for ${seconds.toFixed(0)} s`).to.include(time.textContent!.trim());
  }

  // Sky map: toolbar, layer control, and the popup's Intl numbers.
  expect(squash(q(map, '.toolbar button')!.textContent!)).to.equal(catalog.sky.wholeSky);
  expect(squash(q(map, '.layers summary')!.textContent!)).to.equal(catalog.sky.layers);
  expect(q(map, '.leaflet-popup')!.textContent).to.contain(catalog.sky.altitudeTerm).and.to.contain(catalog.sky.airmassTerm);
  expect(q(map, '.leaflet-popup [data-fact=altitude]')!.textContent).to.match(new RegExp(`^\\d+\\${decimal}\\d°$`));
  expect(q(map, '.leaflet-popup [data-fact=airmass]')!.textContent).to.match(new RegExp(`^\\d\\${decimal}\\d\\d$`));
  // The site, given by coordinates, is named by them in the same number format.
  expect(q(map, '.leaflet-popup')!.textContent).to.contain(`24${decimal}627°S 70${decimal}404°W`);
  expect(q(map, '.leaflet-control-zoom-in')!.getAttribute('aria-label')).to.equal(catalog.sky.zoomIn);

  // Night card: section titles and facts, the night's date in words, coordinates with the local decimal sign.
  expect(squash(q(card, '#sun-title')!.textContent!)).to.equal(catalog.night.sunAndTwilight);
  expect(squash(q(card, '#moon-title')!.textContent!)).to.equal(catalog.night.moon);
  expect(squash(q(card, '[data-event=sunset] dt')!.textContent!)).to.equal(catalog.night.sunset);
  expect(squash(q(card, '[data-event=darkness] dt')!.textContent!)).to.equal(catalog.night.darkness);
  expect(squash(q(card, '[part=attribution]')!.textContent!)).to.contain(catalog.nightWeather.attribution);
  const date = card.night!.date;
  const longDate = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  expect(squash(q(card, '.subtitle')!.textContent!)).to.contain(longDate);
  expect(q(card, '.subtitle .coords')!.textContent).to.match(new RegExp(`24\\${decimal}\\d{3}°`));

  // Chart: legend windows, the table's headings, its summary, the date, and hours with the local decimal sign.
  const legend = q(chart, '[part=legend]')!.textContent!;
  expect(legend).to.contain(fixedPart(catalog.chart.observable));
  expect(squash(q(chart, 'details[part=table] summary')!.textContent!)).to.equal(catalog.chartDetails.tableSummary);
  const headings = qa(chart, 'details[part=table] thead th').map((th) => squash(th.textContent!));
  expect(headings.slice(0, 4)).to.deep.equal([catalog.chartDetails.colTarget, catalog.chartDetails.colRise, catalog.chartDetails.colTransit, catalog.chartDetails.colSet]);
  const shortDate = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 21, 12));
  expect(q(chart, '[part=subtitle]')!.textContent).to.contain(shortDate);
  const windowCell = qa(chart, 'details[part=table] tbody tr')[0].children[4].textContent!;
  expect(windowCell, 'M42 window (hours)').to.match(new RegExp(`\\d\\${decimal}\\d`));
}

function checkNoLeftovers(kit: Kit, lang: Lang, catalog: Catalog) {
  for (const el of Object.values(kit)) {
    const tag = el.tagName.toLowerCase();
    const text = uiText(el);
    expect(rawKeys(text, tag), `${tag} (${lang}) raw keys or placeholders`).to.deep.equal([]);
    if (lang !== 'en') expect(englishLeftovers(text, tag, catalog), `${tag} (${lang}) English left`).to.deep.equal([]);
  }
}

describe('languages', function () {
  this.timeout(60_000);
  before(() => emulator.reset());
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  describe('lazy translation chunks', () => {
    const fetched = (lang: string) => performance.getEntriesByType('resource').some((e) => /^\/src\/i18n\/(\w+)\.(ts|js)$/.exec(new URL(e.name).pathname)?.[1] === lang);

    it('loads only the language a page uses, when an element first needs it', async () => {
      for (const lang of LANGS) {
        expect(fetched(lang), `${lang} fetched before use`).to.equal(false);
        expect(catalogFor(lang), `${lang} loaded before use`).to.equal(undefined);
      }
      const el = await fixture<ArcNightCard>(html`<arc-night-card lang="de" latitude="-24.6" longitude="-70.4" time-zone="America/Santiago" date=${DATE} weather="none"></arc-night-card>`);
      await waitUntil(() => catalogFor('de'), 'German loaded', { timeout: 5000 });
      await waitUntil(() => el.shadowRoot!.textContent!.includes((catalogFor('de') as unknown as Catalog).night.sunAndTwilight), 'German shown', { timeout: 5000 });
      expect(fetched('de')).to.equal(true);
      for (const lang of ['fr', 'es', 'zh']) expect(fetched(lang), `${lang} fetched`).to.equal(false);
    });
  });

  describe('translation files', () => {
    it('have exactly the English namespaces, keys and placeholders, every string translated or deliberately kept', async () => {
      const namespaces = Object.keys(en).sort();
      for (const lang of LANGS) {
        const catalog = (await LOADERS[lang]()) as Catalog;
        expect(Object.keys(catalog).sort(), `${lang} namespaces`).to.deep.equal(namespaces);
        let same = 0;
        let total = 0;
        for (const ns of namespaces as Namespace[]) {
          const english = en[ns] as Record<string, string>;
          expect(Object.keys(catalog[ns]).sort(), `${lang}.${ns} keys`).to.deep.equal(Object.keys(english).sort());
          for (const [key, value] of Object.entries(english)) {
            const translated = catalog[ns][key];
            expect(translated, `${lang}.${ns}.${key}`).to.be.a('string').and.not.equal('');
            expect(placeholders(translated), `${lang}.${ns}.${key} placeholders`).to.deep.equal(placeholders(value));
            total++;
            if (translated === value) same++;
          }
        }
        // Some strings are the same in every language (PNG, UTC, N); a file that is mostly English is not translated.
        expect(same / total, `${lang}: share of strings identical to English`).to.be.below(0.1);
      }
    });
  });

  describe('rendered', () => {
    const catalogs = {} as Record<Lang, Catalog>;
    before(async () => {
      catalogs.en = en as unknown as Catalog;
      for (const lang of LANGS) catalogs[lang] = (await LOADERS[lang]()) as Catalog;
    });

    it('shows English by default, with Intl numbers and no raw keys', async () => {
      const kit = await renderKit('en', 'page');
      checkKnownStrings(kit, 'en', catalogs.en);
      checkNoLeftovers(kit, 'en', catalogs.en);
    });

    for (const lang of LANGS) {
      it(`shows ${lang} when lang is set on each element, with no English left and Intl numbers`, async () => {
        const kit = await renderKit(lang, 'element');
        checkKnownStrings(kit, lang, catalogs[lang]);
        checkNoLeftovers(kit, lang, catalogs[lang]);
      });
    }

    for (const lang of LANGS) {
      it(`shows ${lang} from <html lang> and from a provider`, async () => {
        for (const where of ['page', 'provider'] as const) {
          const kit = await renderKit(lang, where);
          for (const el of Object.values(kit)) expect(el.hasAttribute('lang'), `${el.tagName} has no lang of its own`).to.equal(false);
          checkKnownStrings(kit, lang, catalogs[lang]);
          checkNoLeftovers(kit, lang, catalogs[lang]);
        }
      });
    }

    it('treats a lang that is not a language tag like an unsupported language: English, and nothing throws', async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(String(e.error ?? e.message));
      const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const page = await fixture<HTMLElement>(html`<main>
          <arc-night-card lang="not a tag!" latitude="-24.6272" longitude="-70.4042" time-zone="America/Santiago" date=${DATE} weather="none" layout="full"></arc-night-card>
          <arc-visibility-chart lang="@@" api=${emulatorUrl()} latitude="-24.6272" longitude="-70.4042" time-zone="America/Santiago" date=${DATE} now=${NOW} targets="83.82 -5.39"></arc-visibility-chart>
          <arc-activity-ticker lang="??" api=${emulatorUrl()} live="false" limit="2"></arc-activity-ticker>
        </main>`);
        const [card, chart, ticker] = [...page.children] as HTMLElement[];
        await waitUntil(() => q(card, '#sun-title') && qa(chart, 'path.curve').length === 1 && (ticker as ArcActivityTicker).activities.length === 2, 'rendered', { timeout: 8000 });
        await frames(2);
        expect(q(card, '#sun-title')!.textContent!.trim()).to.equal(en.night.sunAndTwilight);
        expect(q(card, '.subtitle .coords')!.textContent).to.contain('24.627° S');
        expect(q(chart, 'details[part=table] summary')!.textContent!.trim()).to.equal(en.chartDetails.tableSummary);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });

    it('formats numbers for the full tag (de-CH: German words, Swiss decimal point) and falls back to English for other languages', async () => {
      const swiss = await fixture<ArcNightCard>(html`<arc-night-card lang="de-CH" latitude="-24.6272" longitude="-70.4042" elevation="2635" time-zone="America/Santiago" date=${DATE} weather="none" layout="full"></arc-night-card>`);
      await waitUntil(() => q(swiss, '#sun-title')?.textContent?.trim() === catalogs.de.night.sunAndTwilight, 'German strings', { timeout: 5000 });
      expect(q(swiss, '.subtitle .coords')!.textContent).to.contain('24.627° S');
      expect(q(swiss, '.subtitle .coords')!.textContent).to.contain(new Intl.NumberFormat('de-CH', { style: 'unit', unit: 'meter', unitDisplay: 'short' }).format(2635));
      const japanese = await fixture<ArcNightCard>(html`<arc-night-card lang="ja" latitude="-24.6272" longitude="-70.4042" time-zone="America/Santiago" date=${DATE} weather="none" layout="full"></arc-night-card>`);
      await waitUntil(() => q(japanese, '#sun-title'), 'rendered', { timeout: 5000 });
      expect(q(japanese, '#sun-title')!.textContent!.trim()).to.equal(en.night.sunAndTwilight);
      expect(rawKeys(uiText(japanese), 'arc-night-card')).to.deep.equal([]);
    });
  });
});
