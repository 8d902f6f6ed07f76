import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/entries/sky-map.js';
import '../src/entries/provider.js';
import { API, HIPS_SURVEY } from './emulator.js';

interface SkyMapArgs {
  width: number;
  center?: string;
  fov?: number;
  survey?: string;
  layers?: string;
  targets?: string;
  site?: string;
  latitude?: number;
  longitude?: number;
  now?: string;
  live: boolean;
  theme: 'auto' | 'light' | 'dark' | 'night';
  lang?: string;
}

const PARANAL = 'Cerro Paranal Observatory';
/** A fixed instant (00:10 in Chile, 22 March 2026: Orion setting in the west), so the stories look the same every day. */
const NOW = '2026-03-22T03:10:00Z';

const background = (theme: string) => (theme === 'night' ? '#000' : theme === 'dark' ? '#0b0d10' : 'transparent');

const map = (args: SkyMapArgs) => html`<arc-sky-map
  api=${API}
  center=${ifDefined(args.center)}
  fov=${ifDefined(args.fov)}
  survey=${ifDefined(args.survey)}
  layers=${ifDefined(args.layers)}
  targets=${ifDefined(args.targets)}
  site=${ifDefined(args.site)}
  latitude=${ifDefined(args.latitude)}
  longitude=${ifDefined(args.longitude)}
  now=${ifDefined(args.now)}
  ?live=${args.live}
  theme=${args.theme}
  lang=${ifDefined(args.lang)}
></arc-sky-map>`;

export default {
  title: 'Elements/Sky map',
  component: 'arc-sky-map',
  render: (args: SkyMapArgs) => html`<div style="max-width: ${args.width}px; padding: 8px; background: ${background(args.theme)}">${map(args)}</div>`,
  args: {
    width: 1100,
    now: NOW,
    live: false,
    theme: 'auto',
  },
  argTypes: {
    width: { control: { type: 'range', min: 240, max: 1400, step: 20 } },
    fov: { control: { type: 'number', min: 0.02, max: 360 } },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark', 'night'] },
    lang: { control: 'select', options: [undefined, 'en', 'fr', 'es', 'de', 'zh'] },
    live: { control: 'boolean' },
  },
};

/** The whole sky: stars to magnitude 6, constellations, Milky Way, ecliptic, grid, Sun, Moon and planets. */
export const WholeSky = { args: { targets: 'M42; NGC 253; M31' } };

/** Orion with the emulator's synthetic HiPS survey under the vector stars (the tiles are rendered from the same catalogue). */
export const OrionWithImagery = { args: { center: '84 2', fov: 30, survey: HIPS_SURVEY, targets: 'M42; Betelgeuse' } };

/** Live pointings from the emulator's activity stream, fading with age; the newest is highlighted. */
export const LivePointings = { args: { live: true, site: PARANAL, now: undefined } };

/** Paranal's sky now: the ground shaded below the horizon, the zenith, meridian and cardinal points. */
export const ParanalHorizonNow = { args: { site: PARANAL, now: undefined, targets: 'M42; NGC 253; M83; Sirius' } };

/** A 280 px sidebar embed. */
export const Narrow280 = { args: { width: 296, site: PARANAL, targets: 'M42; M83' } };

/** Night theme: red and dim, for use at the telescope. */
export const NightTheme = { args: { theme: 'night', site: PARANAL, center: '100 -30', fov: 90, targets: 'M42; Sirius' } };

/** Three maps on one page: independent views, one shared client and one live socket. */
export const ThreeMaps = {
  render: (args: SkyMapArgs) => html`<div style="display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; max-width: ${args.width}px">
    ${map({ ...args, center: 'M42', fov: 40, theme: 'light' })} ${map({ ...args, site: PARANAL, theme: 'dark' })}
    ${map({ ...args, center: '0 60', fov: 60, theme: 'night', live: true })}
  </div>`,
  args: { width: 1300 },
};

/** Inside a provider: selecting a target here selects it for every element, and the map follows the shared selection. */
export const InProvider = {
  render: (args: SkyMapArgs) => html`<arc-provider api=${API} site=${PARANAL} now=${NOW} theme=${args.theme}>
    <div style="max-width: ${args.width}px">
      <arc-sky-map targets="M42; Sirius; NGC 253"></arc-sky-map>
    </div>
  </arc-provider>`,
};

/** Bad input: invalid centre, field of view, survey and layer names each get a message; the sky is still drawn. */
export const BadInput = { args: { center: '12h 95d', fov: -3, survey: 'ftp://example.org/hips', layers: 'stars grid galaxies' } };
