import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/entries/activity-ticker.js';
import { API } from './emulator.js';

interface TickerArgs {
  width: number;
  layout: 'list' | 'compact' | 'marquee';
  limit: number;
  live: boolean;
  refresh?: number;
  paused: boolean;
  site?: string;
  telescope?: string;
  satellite?: string;
  programme?: string;
  target?: string;
  near?: string;
  organisation?: string;
  api?: string;
  theme: 'auto' | 'light' | 'dark' | 'night';
  lang?: string;
}

const background = (theme: string) => (theme === 'night' ? '#000' : theme === 'dark' ? '#0b0d10' : 'transparent');

/** The emulator's control API (stories only: pushing activities, one-off faults). */
const control = (route: string, body: unknown) =>
  fetch(`${API}/__emulator/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export default {
  title: 'Elements/Activity ticker',
  component: 'arc-activity-ticker',
  render: (args: TickerArgs, { loaded }: { loaded?: { site?: string } }) => html`<div style="max-width: ${args.width}px; padding: 8px; background: ${background(args.theme)}">
    <arc-activity-ticker
      api=${args.api ?? API}
      layout=${args.layout}
      limit=${args.limit}
      live=${String(args.live)}
      refresh=${ifDefined(args.refresh)}
      ?paused=${args.paused}
      site=${ifDefined(loaded?.site ?? args.site)}
      telescope=${ifDefined(args.telescope)}
      satellite=${ifDefined(args.satellite)}
      programme=${ifDefined(args.programme)}
      target=${ifDefined(args.target)}
      near=${ifDefined(args.near)}
      organisation=${ifDefined(args.organisation)}
      theme=${args.theme}
      lang=${ifDefined(args.lang)}
    ></arc-activity-ticker>
  </div>`,
  args: { width: 400, layout: 'list', limit: 8, live: true, paused: false, theme: 'light' },
  argTypes: {
    width: { control: { type: 'range', min: 240, max: 1400, step: 20 }, description: 'Width of the container (the element follows it).' },
    layout: { control: 'inline-radio', options: ['list', 'compact', 'marquee'] },
    limit: { control: { type: 'number', min: 1, max: 200 } },
    live: { control: 'boolean' },
    refresh: { control: 'number', description: 'Seconds between snapshot refreshes when live is off.' },
    paused: { control: 'boolean' },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark', 'night'] },
    lang: { control: 'select', options: [undefined, 'en', 'fr', 'es', 'de', 'zh'] },
    near: { control: 'text', description: '"ra dec radius" in degrees.' },
  },
};

export const List = {};

export const Compact = { args: { width: 280, layout: 'compact', limit: 12 } };

export const Marquee = { args: { width: 1200, layout: 'marquee', limit: 15 } };

/** The site of the newest ground activity, so the story has something to show whatever the hour. */
export const FilteredToOneSite = {
  args: { limit: 5, live: false },
  loaders: [
    async () => {
      const headers = { Accept: 'application/json' };
      const page = await (await fetch(`${API}/activities/?page_size=50`, { headers })).json();
      const uuid = page.results.find((a: { observing_site: string | null }) => a.observing_site)?.observing_site;
      const site = uuid ? (await (await fetch(`${API}/observingsites/${uuid}/`, { headers })).json()).name : 'Cerro Paranal Observatory';
      return { site };
    },
  ],
};

/** Within 15° of the Orion Nebula. */
export const NearAPosition = { args: { near: '05:35:17 -05:23:28 15', limit: 6, live: false } };

/** Paused: three activities pushed through the emulator are counted ("3 new") and appear on resume. */
export const PausedWithNewItems = {
  args: { paused: true, limit: 6 },
  play: async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const target_name of ['Eta Carinae', 'NGC 3372', 'Omega Centauri']) await control('push', { activity: { target_name } });
  },
};

/** Nothing answers at this address: the ticker says so, retries with a countdown, and offers a retry. */
export const Offline = { args: { api: 'http://127.0.0.1:9', limit: 5 } };

/** An empty feed (a one-off emulator answer with no results, matched by this story's page size). */
export const Empty = {
  args: { live: false, limit: 37 },
  loaders: [
    async () => {
      await control('faults', { match: 're:page_size=37', status: 200, body: { count: 0, next: null, previous: null, results: [] }, times: 1 });
      return {};
    },
  ],
};

export const NightTheme = { args: { theme: 'night', layout: 'list', width: 420 } };

export const French = { args: { lang: 'fr', layout: 'compact', width: 320 } };
