/**
 * Context slices an <arc-provider> shares with the elements inside it (@lit/context).
 * Keys are global symbols with a version, so two copies of the kit on one page still find each other.
 */
import { createContext } from '@lit/context';
import type { SelectedTarget } from '../events.js';

export interface ApiSettings {
  api: string | null;
  organisation: string | null;
}

/** A site as the page author gave it: by reference (`site`) or by coordinates. Resolution happens in each element, through the shared client cache. */
export interface SiteSpec {
  site: string | null;
  latitude: number | null;
  longitude: number | null;
  elevation: number | null;
  timeZone: string | null;
}

export interface ClockSettings {
  /** The night to show, ISO date local to the site. */
  date: string | null;
  /** Frozen instant (ISO), for tests, stories and screenshots. */
  now: string | null;
}

export interface DisplaySettings {
  theme: string | null;
  lang: string | null;
}

export interface Selection {
  target: SelectedTarget | null;
  /** Tag of the element (or origin) that made the selection. */
  source: string | null;
  /** The activity behind the selection, when it came from a ticker. */
  activity?: unknown;
}

export interface SelectionSlice {
  selection: Selection;
  select(selection: Selection): void;
}

/** The night card's best observing window, for the other elements to mark. */
export interface ObservingWindow {
  from: Date;
  to: Date;
  score: number;
}

export interface NightSlice {
  bestWindow: ObservingWindow | null;
  publishBestWindow(window: ObservingWindow | null): void;
}

export const apiContext = createContext<ApiSettings>(Symbol.for('arc/api@1'));
export const siteContext = createContext<SiteSpec>(Symbol.for('arc/site@1'));
export const clockContext = createContext<ClockSettings>(Symbol.for('arc/clock@1'));
export const displayContext = createContext<DisplaySettings>(Symbol.for('arc/display@1'));
export const selectionContext = createContext<SelectionSlice>(Symbol.for('arc/selection@1'));
export const nightContext = createContext<NightSlice>(Symbol.for('arc/night@1'));
