import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/entries/visibility-chart.js';
import '../src/entries/provider.js';
import { API } from './emulator.js';

interface ChartArgs {
  width: number;
  site?: string;
  latitude?: number;
  longitude?: number;
  elevation?: number;
  timeZone?: string;
  targets: string;
  date?: string;
  now?: string;
  range: 'night' | '24h';
  minAltitude: number;
  yAxis: 'altitude' | 'airmass';
  timeAxis: 'local' | 'utc' | 'lst';
  theme: 'auto' | 'light' | 'dark' | 'night';
  lang?: string;
}

const PARANAL = 'Cerro Paranal Observatory';
/** A fixed night and instant, so every story looks the same every day (the "now" marker at 23:10 local). */
const DATE = '2026-03-21';
const NOW = '2026-03-22T02:10:00Z';
const TEN = 'M42; NGC 253; M83; Sirius; NGC 5139; LMC; M104; Canopus; NGC 2070; 05:35:17 -05:23:28';
const LONGYEARBYEN = { site: undefined, latitude: 78.2232, longitude: 15.6267, elevation: 10, timeZone: 'Arctic/Longyearbyen', targets: 'Polaris; Vega; M31; Capella' };

const background = (theme: string) => (theme === 'night' ? '#000' : theme === 'dark' ? '#0b0d10' : 'transparent');

export default {
  title: 'Elements/Visibility chart',
  component: 'arc-visibility-chart',
  render: (args: ChartArgs) => html`<div style="max-width: ${args.width}px; padding: 8px; background: ${background(args.theme)}">
    <arc-visibility-chart
      api=${API}
      site=${ifDefined(args.site)}
      latitude=${ifDefined(args.latitude)}
      longitude=${ifDefined(args.longitude)}
      elevation=${ifDefined(args.elevation)}
      time-zone=${ifDefined(args.timeZone)}
      targets=${args.targets}
      date=${ifDefined(args.date)}
      now=${ifDefined(args.now)}
      range=${args.range}
      min-altitude=${args.minAltitude}
      y-axis=${args.yAxis}
      time-axis=${args.timeAxis}
      theme=${args.theme}
      lang=${ifDefined(args.lang)}
    ></arc-visibility-chart>
  </div>`,
  args: {
    width: 1200,
    site: PARANAL,
    targets: 'M42',
    date: DATE,
    now: NOW,
    range: 'night',
    minAltitude: 30,
    yAxis: 'altitude',
    timeAxis: 'local',
    theme: 'auto',
  } satisfies ChartArgs,
  argTypes: {
    width: { control: { type: 'range', min: 240, max: 1400, step: 20 }, description: 'Width of the box around the chart (px).' },
    site: { control: 'text' },
    targets: { control: 'text' },
    date: { control: 'text' },
    now: { control: 'text' },
    range: { control: 'inline-radio', options: ['night', '24h'] },
    minAltitude: { control: { type: 'number', min: 0, max: 89 } },
    yAxis: { control: 'inline-radio', options: ['altitude', 'airmass'] },
    timeAxis: { control: 'inline-radio', options: ['local', 'utc', 'lst'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark', 'night'] },
    lang: { control: 'select', options: [undefined, 'en', 'fr', 'es', 'de', 'zh'] },
  },
};

export const OneTarget = { args: { targets: 'M42' } };

export const TenTargets = { args: { targets: TEN } };

export const PolarSiteInJune = { name: 'Polar site in June (midnight sun)', args: { ...LONGYEARBYEN, date: '2026-06-21', now: undefined } };

export const PolarSiteInDecember = { name: 'Polar site in December (polar night)', args: { ...LONGYEARBYEN, date: '2026-12-21', now: undefined } };

export const UnknownTarget = { args: { targets: 'M42; Nonexistent Nebula 42; NGC 253; 400 -5' } };

export const Narrow280 = { name: '280 px', args: { width: 280, targets: 'M42; NGC 253; 83.82 -5.39' } };

export const Dark = { args: { theme: 'dark', targets: 'M42; NGC 253; M83; Sirius' } };

export const Night = { name: 'Night (red) theme', args: { theme: 'night', targets: 'M42; NGC 253; M83; Sirius' } };

export const AirmassAndSiderealTime = { args: { targets: 'M42; NGC 253; M83', yAxis: 'airmass', timeAxis: 'lst' } };

export const Full24Hours = { name: '24 hours', args: { targets: 'M42; NGC 253; M83', range: '24h' } };

export const TargetElements = {
  name: '<arc-target> children',
  render: (args: ChartArgs) => html`<div style="max-width: ${args.width}px">
    <arc-visibility-chart api=${API} site=${PARANAL} date=${DATE} now=${NOW} theme=${args.theme}>
      <arc-target name="M42" label="Orion Nebula"></arc-target>
      <arc-target name="Tarantula" ra="05:38:38" dec="-69:05:42" color="#d62728"></arc-target>
      <arc-target ra="201.365" dec="-43.019" label="Centaurus A"></arc-target>
    </arc-visibility-chart>
  </div>`,
};

export const ProviderWithSharedSite = {
  name: 'Provider with a shared site and selection',
  render: (args: ChartArgs) => html`<arc-provider api=${API} site="La Silla Observatory" date=${DATE} now=${NOW} theme=${args.theme}>
    <p style="font: 14px system-ui; margin: 0 0 8px">
      Both charts take the site, night and theme from the provider. Choosing a target in either legend selects it in both;
      <button
        type="button"
        @click=${(e: Event) => {
          const provider = (e.target as HTMLElement).closest('arc-provider')!;
          provider.selection = { target: { name: 'Sirius', ra: 101.287154, dec: -16.716117 }, source: 'story' };
        }}
      >
        select Sirius
      </button>
      adds it to both as a temporary curve.
    </p>
    <div style="display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 12px; align-items: start">
      <arc-visibility-chart targets="M42; NGC 253; M83"></arc-visibility-chart>
      <arc-visibility-chart targets="M42; NGC 253"></arc-visibility-chart>
    </div>
  </arc-provider>`,
};
