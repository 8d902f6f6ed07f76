/** The pure data layer: typed client, records, parsers, targets, live activity stream and forecast. No DOM. */
export { ArcApiError, toArcError, type ArcErrorCode, type ArcErrorDetails } from './errors.js';
export { ArcClient, DEFAULT_API, getClient, normaliseApi, sleep, type ClientOptions, type GetOptions } from './client.js';
export type * from './records.js';
export { isUuid, parseActivity, parseActivityPage, parsePage, safeHttpUrl } from './parse.js';
export {
  findSite,
  fold,
  loadSites,
  parseInstrument,
  parseObject,
  parseSite,
  parseSitePage,
  parseTelescope,
  parseWeather,
  resolveSite,
  sitesContaining,
  timeZoneOrNull,
} from './lookups.js';
export {
  formatDec,
  formatRA,
  looksLikeCoordinates,
  parseCoordinates,
  parseTarget,
  parseTargetList,
  resolveTargets,
  type EquatorialCoordinates,
  type ResolvedTarget,
  type TargetResult,
  type TargetSpec,
} from './targets.js';
export { LiveActivityStream, type StreamListener, type StreamOptions, type StreamState, type StreamStatus } from './live.js';
export { fetchForecast, parseForecast, OPEN_METEO, type ForecastOptions } from './weather.js';
export * from './observing-score.js';
