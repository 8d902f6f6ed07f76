/**
 * Hourly forecast from the keyless Open-Meteo API (or anything serving its shape at `/v1/forecast`),
 * through an ArcClient for caching (10 min), de-duplication, retry and typed errors.
 */
import { ArcApiError } from './errors.js';
import { getClient, normaliseApi, type ArcClient } from './client.js';
import { expectObject, isObject, num, text, textOrNull } from './parse.js';
import { timeZoneOrNull } from './lookups.js';
import type { Forecast, ForecastHour } from './records.js';

export type { Forecast, ForecastHour };

export const OPEN_METEO = 'https://api.open-meteo.com';

type Variable = Exclude<keyof ForecastHour, 'time'>;

/** Our field → Open-Meteo variable. */
const VARIABLES: Record<Variable, string> = {
  cloudCover: 'cloud_cover',
  cloudLow: 'cloud_cover_low',
  cloudMid: 'cloud_cover_mid',
  cloudHigh: 'cloud_cover_high',
  humidity: 'relative_humidity_2m',
  dewPoint: 'dew_point_2m',
  temperature: 'temperature_2m',
  windSpeed: 'wind_speed_10m',
  windGusts: 'wind_gusts_10m',
  windDirection: 'wind_direction_10m',
  precipitationProbability: 'precipitation_probability',
  visibility: 'visibility',
  windSpeed250hPa: 'wind_speed_250hPa',
};
/** Variables Open-Meteo serves for `current`. */
const CURRENT: Variable[] = ['cloudCover', 'humidity', 'dewPoint', 'temperature', 'windSpeed', 'windGusts', 'windDirection'];

export interface ForecastOptions {
  /** Forecast service base; default Open-Meteo. */
  base?: string;
  latitude: number;
  longitude: number;
  /** IANA zone for the service's day boundaries; default `auto` (the site's own). */
  timeZone?: string | null;
  /** ISO dates (`2024-05-01`); without them, two days from today. `endDate` defaults to the day after `startDate`. */
  startDate?: string;
  endDate?: string;
  signal?: AbortSignal | null;
  /** Client whose cache and retry to use; default the page's shared client for `base`. */
  client?: ArcClient;
}

const invalid = (message: string) => new ArcApiError('invalid-input', message);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The requested speed in m/s whatever unit the service says it used. */
function metresPerSecond(v: number, unit: unknown): number {
  const u = text(unit).toLowerCase();
  return u === 'km/h' ? v / 3.6 : u === 'mph' || u === 'mp/h' ? v * 0.44704 : u === 'kn' ? v * 0.514444 : v;
}

/** Unix seconds, or ISO local time in the answer's zone (when the service ignored `timeformat`). */
function instant(t: unknown, utcOffsetSeconds: number): Date | null {
  if (typeof t === 'number') return isFinite(t) ? new Date(t * 1000) : null;
  const s = text(t);
  const zoned = /(z|[+-]\d\d:?\d\d)$/i.test(s);
  const ms = Date.parse(zoned ? s : `${s}Z`) - (zoned ? 0 : utcOffsetSeconds * 1000);
  return s && !isNaN(ms) ? new Date(ms) : null;
}

function row(values: Record<string, unknown>, units: Record<string, unknown>, time: Date, index?: number): ForecastHour {
  const hour = { time } as ForecastHour;
  for (const [field, variable] of Object.entries(VARIABLES) as [Variable, string][]) {
    const raw = values[variable];
    let v = num(index === undefined ? raw : Array.isArray(raw) ? raw[index] : null);
    if (v !== null && /^wind_(speed|gusts)/.test(variable)) v = metresPerSecond(v, units[variable]);
    hour[field] = v;
  }
  return hour;
}

export function parseForecast(json: unknown): Forecast {
  const o = expectObject(json, 'the forecast');
  if (o.error) throw invalid(`The forecast service refused the request: ${text(o.reason) || 'no reason given'}.`);
  const h = o.hourly;
  if (!isObject(h) || !Array.isArray(h.time)) throw new ArcApiError('invalid-response', 'The forecast has no hourly data.');
  const offset = num(o.utc_offset_seconds) ?? 0;
  const units = isObject(o.hourly_units) ? o.hourly_units : {};
  const hours: ForecastHour[] = [];
  h.time.forEach((t, i) => {
    const time = instant(t, offset);
    if (time) hours.push(row(h, units, time, i));
  });
  const c = o.current;
  const currentTime = isObject(c) ? instant(c.time, offset) : null;
  return {
    latitude: num(o.latitude),
    longitude: num(o.longitude),
    elevation: num(o.elevation),
    timeZone: textOrNull(o.timezone),
    utcOffsetSeconds: offset,
    hours,
    current: isObject(c) && currentTime ? row(c, isObject(o.current_units) ? o.current_units : {}, currentTime) : null,
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Hourly forecast (and current conditions) for a place; wind in m/s, instants as UTC `Date`s. */
export async function fetchForecast({
  base = OPEN_METEO,
  latitude,
  longitude,
  timeZone,
  startDate,
  endDate,
  signal,
  client,
}: ForecastOptions): Promise<Forecast> {
  if (typeof latitude !== 'number' || !(Math.abs(latitude) <= 90)) throw invalid(`Latitude “${latitude}” is not a number between −90 and 90.`);
  if (typeof longitude !== 'number' || !(Math.abs(longitude) <= 180)) throw invalid(`Longitude “${longitude}” is not a number between −180 and 180.`);
  if (timeZone && !timeZoneOrNull(timeZone)) throw invalid(`“${timeZone}” is not a known time zone.`);
  for (const d of [startDate, endDate]) if (d != null && !(ISO_DATE.test(d) && !isNaN(Date.parse(d)))) throw invalid(`“${d}” is not an ISO date such as 2024-05-01.`);
  if (endDate && !startDate) throw invalid('An end date needs a start date.');
  const root = normaliseApi(base);
  if (!root) throw invalid(`The forecast address “${base}” is not an http(s) URL.`);
  return (client ?? getClient(root)).get(`${root}/v1/forecast`, {
    signal,
    ttl: 600_000,
    label: 'The weather forecast',
    parse: parseForecast,
    query: {
      latitude: round4(latitude),
      longitude: round4(longitude),
      hourly: Object.values(VARIABLES).join(','),
      current: CURRENT.map((k) => VARIABLES[k]).join(','),
      wind_speed_unit: 'ms',
      timezone: timeZone || 'auto',
      timeformat: 'unixtime',
      start_date: startDate,
      end_date: startDate ? endDate ?? nextDay(startDate) : undefined,
      forecast_days: startDate ? undefined : 2,
    },
  });
}
