import { html, nothing } from 'lit';
import '../src/entries/night-card.js';
import { API, WEATHER_API } from './emulator.js';

/** Tromsø, 69.65° N: above the Arctic Circle (midnight Sun in June, polar night in December). */
const TROMSO = { latitude: 69.65, longitude: 18.96, elevation: 10, timeZone: 'Europe/Oslo' };

interface Args {
  site: string;
  latitude: number | null;
  longitude: number | null;
  elevation: number | null;
  timeZone: string;
  date: string;
  weather: 'auto' | 'arcsecond' | 'open-meteo' | 'none';
  weatherApi: string;
  units: 'metric' | 'imperial';
  layout: '' | 'compact' | 'full';
  scoreWeights: string;
  theme: 'auto' | 'light' | 'dark' | 'night';
  lang: string;
  width: number;
}

const render = (a: Args) => html`<div style="width: ${a.width}px; max-width: 100%; ${a.theme === 'night' ? 'background: #000; padding: 8px;' : ''}">
  <arc-night-card
    api=${API}
    weather-api=${a.weatherApi || nothing}
    site=${a.site || nothing}
    latitude=${a.latitude ?? nothing}
    longitude=${a.longitude ?? nothing}
    elevation=${a.elevation ?? nothing}
    time-zone=${a.timeZone || nothing}
    date=${a.date || nothing}
    weather=${a.weather}
    units=${a.units}
    layout=${a.layout || nothing}
    score-weights=${a.scoreWeights || nothing}
    theme=${a.theme}
    lang=${a.lang || nothing}
  ></arc-night-card>
</div>`;

export default {
  title: 'Elements/Night card',
  component: 'arc-night-card',
  render,
  args: {
    site: 'Cerro Paranal Observatory',
    latitude: null,
    longitude: null,
    elevation: null,
    timeZone: '',
    date: '',
    weather: 'auto',
    weatherApi: WEATHER_API,
    units: 'metric',
    layout: '',
    scoreWeights: '',
    theme: 'auto',
    lang: '',
    width: 800,
  } satisfies Args,
  argTypes: {
    weather: { control: 'inline-radio', options: ['auto', 'arcsecond', 'open-meteo', 'none'] },
    units: { control: 'inline-radio', options: ['metric', 'imperial'] },
    layout: { control: 'inline-radio', options: ['', 'compact', 'full'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark', 'night'] },
    lang: { control: 'select', options: ['', 'en', 'fr', 'es', 'de', 'zh'] },
    width: { control: { type: 'range', min: 240, max: 1200, step: 10 } },
    date: { control: 'text', description: 'ISO date local to the site; empty for tonight (the forecast covers nights near today).' },
  },
};

/** Tonight at Paranal: twilights in Chilean time, the Moon, the Open-Meteo-shaped forecast and Arcsecond’s current conditions. */
export const ParanalTonight = {};

export const MaunaKea = { args: { site: 'Mauna Kea Observatory' } };

/** Midsummer above the Arctic Circle: the Sun does not set; the card says so in words. */
export const ArcticJune = {
  args: { site: 'Tromsø', ...TROMSO, date: '2026-06-21', weather: 'none' },
};

/** Midwinter above the Arctic Circle: the Sun does not rise, yet there are hours of astronomical night. */
export const ArcticDecember = {
  args: { site: 'Tromsø', ...TROMSO, date: '2026-12-21', weather: 'none' },
};

/**
 * The forecast service cannot be reached (an address nothing answers on): "Weather unavailable" with the reason and a
 * retry button; the night facts stay.
 */
export const WeatherFailing = {
  args: { site: 'La Silla Observatory', weatherApi: 'http://127.0.0.1:9' },
};

/** A 280 px sidebar: darkness window, Moon and score. */
export const Compact = { args: { layout: 'compact', width: 280 } };

export const ImperialUnits = { args: { site: 'Mauna Kea Observatory', units: 'imperial' } };

/** Red on black for use at the telescope. */
export const NightTheme = { args: { theme: 'night' } };

export const CompactNightTheme = { args: { theme: 'night', layout: 'compact', width: 280 } };

/** Only clouds and wind count; an invalid weight set would be reported and the defaults kept. */
export const CustomScoreWeights = { args: { site: 'La Silla Observatory', scoreWeights: 'cloud:0.7 wind:0.3 precipitation:0 humidity:0' } };

/** A site given by coordinates without a time zone: the card states the UTC offset it derived. */
export const CoordinatesWithoutTimeZone = { args: { site: '', latitude: 40.0, longitude: -75.0, elevation: 50 } };

export const French = { args: { lang: 'fr' } };
