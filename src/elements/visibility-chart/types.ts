/** What the element computes on each update and hands to its interactive part (types only). */
import type { AltitudeCurves } from '../../astro/index.js';
import type { ArcApiError } from '../../api/errors.js';
import type { SizeClass } from '../../controllers/resize.js';
import type { ResolvedTarget, TargetEntry } from '../../controllers/targets.js';
import type { SiteFormats } from './format.js';
import type { ChartSite, NightFrame } from './model.js';
import type { PlotModel } from './plot.js';

export interface Message {
  key: string;
  kind: 'error' | 'warning' | 'info';
  text: string;
  /** Fire `arc-error` for it (errors the controllers have not already reported). */
  report?: ArcApiError;
  retry?: () => void;
}

/** One line of the legend: a target as given, whatever its state. */
export interface LegendEntry {
  key: string;
  label: string;
  status: TargetEntry['status'];
  error: string | null;
  target: ResolvedTarget | null;
  colour: number;
  dash: number;
  customColour: string | null;
  /** The shared selection's target, drawn while it is selected though not one of the chart's own. */
  temporary: boolean;
}

/** What the chart shows; the optional parts are set as far as the site, the night and the curves could be computed. */
export interface View {
  messages: Message[];
  size: SizeClass;
  legend: LegendEntry[];
  /** The legend entries with a position, in the order of the curves. */
  drawn: LegendEntry[];
  minAltitude: number;
  now: number;
  /** Some targets are still being looked up. */
  resolving: boolean;
  site?: ChartSite;
  siteName?: string;
  zoneText?: string;
  formats?: SiteFormats;
  frame?: NightFrame;
  /** Identifies site, night and range: what the events and windows of a target depend on, with `minAltitude`. */
  frameKey?: string;
  curves?: AltitudeCurves;
  plot?: PlotModel;
}
