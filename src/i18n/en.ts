/**
 * English UI strings. Each namespace lives in its own module under en/ so that an element's bundle carries only
 * the English it shows (bundlers tree-shake per module, and these are shared chunks); this file gathers them.
 * Placeholders are `{name}`; plural forms use the suffixes `_one` and `_other` (Intl.PluralRules categories).
 * The other languages (fr.ts, es.ts, de.ts, zh.ts) export the same namespaces and keys, checked by the type system.
 */
export { common } from './en/common.js';
export { ticker } from './en/ticker.js';
export { chart } from './en/chart.js';
export { chartDetails } from './en/chart-details.js';
export { night } from './en/night.js';
export { nightWeather } from './en/night-weather.js';
export { sky } from './en/sky.js';
