/**
 * The API base the stories use: the emulator that `npm run storybook` starts (exposed to the preview as
 * `window.__ARC_EMULATOR__`), so every story works offline and deterministically.
 */
declare global {
  interface Window {
    __ARC_EMULATOR__?: string;
  }
}

export const API: string = (typeof window !== 'undefined' && window.__ARC_EMULATOR__) || 'http://127.0.0.1:8787';
/** The emulator also serves Open-Meteo's forecast shape at /v1/forecast. */
export const WEATHER_API: string = API;
/** The emulator's synthetic HiPS survey. */
export const HIPS_SURVEY: string = `${API}/hips/dss-synthetic`;
