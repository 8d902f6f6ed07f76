// @ts-check
// `/v1/forecast` in the shape of the public Open-Meteo forecast API, answered from the weather model.
import { hash01 } from './prng.mjs';
import { gridCell, weatherAt, weatherAtHour } from './weather.mjs';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Supported variables: name -> [sample field, unit kind].
 * @type {Record<string, [keyof import('./weather.mjs').WeatherSample, 'temperature'|'wind'|'%'|'mm'|'m'|'°'|'wmo'|'']>}
 */
const VARIABLES = {
  temperature_2m: ['temperature', 'temperature'],
  relative_humidity_2m: ['relativeHumidity', '%'],
  dew_point_2m: ['dewPoint', 'temperature'],
  cloud_cover: ['cloudCover', '%'],
  cloud_cover_low: ['cloudCoverLow', '%'],
  cloud_cover_mid: ['cloudCoverMid', '%'],
  cloud_cover_high: ['cloudCoverHigh', '%'],
  precipitation_probability: ['precipitationProbability', '%'],
  precipitation: ['precipitation', 'mm'],
  wind_speed_10m: ['windSpeed', 'wind'],
  wind_direction_10m: ['windDirection', '°'],
  wind_gusts_10m: ['windGusts', 'wind'],
  visibility: ['visibility', 'm'],
  wind_speed_250hPa: ['windSpeed250hPa', 'wind'],
  weather_code: ['weatherCode', 'wmo'],
  is_day: ['isDay', ''],
};

const WIND_UNITS = /** @type {Record<string, [string, number]>} */ ({
  kmh: ['km/h', 1],
  ms: ['m/s', 1 / 3.6],
  mph: ['mp/h', 1 / 1.609344],
  kn: ['kn', 1 / 1.852],
});

/** A 400 answer in Open-Meteo's error shape. */
export class ForecastError extends Error {}

/**
 * @typedef {{latitude: number, longitude: number, height: number, timeZone: string}} KnownPlace
 * @typedef {{seed: number, now: number, places: KnownPlace[]}} ForecastContext
 */

/**
 * Answer one forecast query.
 * @param {URLSearchParams} params
 * @param {ForecastContext} context
 * @returns {object | object[]} one response, or an array for several coordinates
 * @throws {ForecastError} on invalid parameters
 */
export function forecast(params, context) {
  const latitudes = numberList(params, 'latitude', 'Float');
  const longitudes = numberList(params, 'longitude', 'Float');
  if (latitudes.length !== longitudes.length) {
    throw new ForecastError("Parameter 'latitude' and 'longitude' must have the same number of elements");
  }
  const elevations = params.has('elevation') ? numberList(params, 'elevation', 'Float') : [];
  if (elevations.length > 0 && elevations.length !== latitudes.length) {
    throw new ForecastError("Parameter 'elevation' must have the same number of elements as coordinates");
  }
  latitudes.forEach((lat) => {
    if (lat < -90 || lat > 90) throw new ForecastError(`Latitude must be in range of -90 to 90°. Given: ${lat.toFixed(1)}.`);
  });
  longitudes.forEach((lon) => {
    if (lon < -180 || lon > 180) throw new ForecastError(`Longitude must be in range of -180 to 180°. Given: ${lon.toFixed(1)}.`);
  });

  const hourly = variableList(params, 'hourly');
  const current = variableList(params, 'current');
  const temperatureUnit = option(params, 'temperature_unit', 'TemperatureUnit', ['celsius', 'fahrenheit'], 'celsius');
  const windKey = params.has('wind_speed_unit') ? 'wind_speed_unit' : 'windspeed_unit';
  const windUnit = option(params, windKey, 'WindspeedUnit', Object.keys(WIND_UNITS), 'kmh');
  const timeFormat = option(params, 'timeformat', 'Timeformat', ['iso8601', 'unixtime'], 'iso8601');
  const forecastDays = integer(params, 'forecast_days', 7, 0, 16, 'Forecast days is invalid. Allowed range 0 to 16.');
  const pastDays = integer(params, 'past_days', 0, 0, 92, 'Past days is invalid. Allowed range 0 to 92.');
  const startDate = dateParam(params, 'start_date');
  const endDate = dateParam(params, 'end_date');
  if ((startDate === null) !== (endDate === null)) {
    throw new ForecastError("Parameter 'start_date' and 'end_date' must be set both");
  }
  if (startDate !== null && endDate !== null && endDate < startDate) {
    throw new ForecastError('End-date must be larger or equals than start-date');
  }
  const timezoneParam = params.get('timezone') ?? 'GMT';

  const responses = latitudes.map((latitude, i) => {
    const longitude = longitudes[i];
    const cell = gridCell(latitude, longitude);
    const elevation = elevations[i] ?? elevationOf(cell, context);
    const timeZone = resolveTimeZone(timezoneParam, latitude, longitude, context.places);
    const offsetSeconds = utcOffsetSeconds(timeZone, context.now);
    const place = { seed: context.seed, latitude: cell.latitude, longitude: cell.longitude, elevation };

    // The series starts at local midnight (fixed offset, as Open-Meteo does).
    const localNow = context.now + offsetSeconds * 1000;
    const todayLocal = Math.floor(localNow / DAY_MS) * DAY_MS;
    let firstLocal;
    let hours;
    if (startDate !== null && endDate !== null) {
      const earliest = todayLocal - 92 * DAY_MS;
      const latest = todayLocal + 15 * DAY_MS;
      for (const [name, value] of /** @type {const} */ ([['start_date', startDate], ['end_date', endDate]])) {
        if (value < earliest || value > latest) {
          throw new ForecastError(
            `Parameter '${name}' is out of allowed range from ${isoDate(earliest)} to ${isoDate(latest)}`,
          );
        }
      }
      firstLocal = startDate;
      hours = Math.round((endDate - startDate) / HOUR_MS) + 24;
    } else {
      firstLocal = todayLocal - pastDays * DAY_MS;
      hours = (forecastDays + pastDays) * 24;
    }
    const firstUtc = firstLocal - offsetSeconds * 1000;
    const windFactor = WIND_UNITS[windUnit][1];
    /** @param {string} name @param {number} value */
    const convert = (name, value) => {
      const kind = VARIABLES[name][1];
      if (kind === 'temperature' && temperatureUnit === 'fahrenheit') return round((value * 9) / 5 + 32, 1);
      if (kind === 'wind') return round(value * windFactor, 1);
      return value;
    };
    /** @param {number} utcMs */
    const timeLabel = (utcMs) =>
      timeFormat === 'unixtime' ? Math.round(utcMs / 1000) : new Date(utcMs + offsetSeconds * 1000).toISOString().slice(0, 16);

    /** @type {Record<string, unknown>} */
    const body = {
      latitude: cell.latitude,
      longitude: cell.longitude,
      generationtime_ms: Math.fround(0.02 + 0.4 * hash01(context.seed, cell.key, params.toString())),
      utc_offset_seconds: offsetSeconds,
      timezone: timeZone,
      timezone_abbreviation: abbreviation(timeZone, context.now),
      elevation,
    };
    if (current.length > 0) {
      const at = Math.floor(context.now / (15 * 60_000)) * 15 * 60_000;
      const sample = weatherAt(place, at);
      body.current_units = { time: timeFormat, interval: 'seconds', ...units(current, temperatureUnit, windUnit) };
      /** @type {Record<string, unknown>} */
      const values = { time: timeLabel(at), interval: 900 };
      for (const name of current) values[name] = convert(name, sample[VARIABLES[name][0]]);
      body.current = values;
    }
    if (hourly.length > 0) {
      body.hourly_units = { time: timeFormat, ...units(hourly, temperatureUnit, windUnit) };
      const samples = Array.from({ length: hours }, (_, h) => weatherAtHour(place, Math.round(firstUtc / HOUR_MS) + h));
      /** @type {Record<string, unknown[]>} */
      const series = { time: samples.map((_, h) => timeLabel(firstUtc + h * HOUR_MS)) };
      for (const name of hourly) series[name] = samples.map((s) => convert(name, s[VARIABLES[name][0]]));
      body.hourly = series;
    }
    return body;
  });
  return responses.length === 1 ? responses[0] : responses;
}

/** @param {string[]} names @param {string} temperatureUnit @param {string} windUnit */
function units(names, temperatureUnit, windUnit) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of names) {
    const kind = VARIABLES[name][1];
    out[name] =
      kind === 'temperature' ? (temperatureUnit === 'fahrenheit' ? '°F' : '°C')
      : kind === 'wind' ? WIND_UNITS[windUnit][0]
      : kind === 'wmo' ? 'wmo code'
      : kind;
  }
  return out;
}

/** Comma lists and repeated parameters, as Open-Meteo accepts both. @param {URLSearchParams} params @param {string} key */
function values(params, key) {
  return params
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** @param {URLSearchParams} params @param {string} key @param {string} type */
function numberList(params, key, type) {
  const list = values(params, key);
  if (list.length === 0) throw new ForecastError(`Value of type '${type}' required for key '${key}'.`);
  return list.map((text) => {
    const n = Number(text);
    if (!Number.isFinite(n)) throw new ForecastError(`Value of type '${type}' required for key '${key}'.`);
    return n;
  });
}

/** @param {URLSearchParams} params @param {'hourly'|'current'} key */
function variableList(params, key) {
  const list = values(params, key);
  for (const name of list) {
    if (!(name in VARIABLES)) {
      throw new ForecastError(`Cannot initialize ForecastVariable from invalid String value ${name} for key ${key}`);
    }
  }
  return [...new Set(list)];
}

/**
 * @param {URLSearchParams} params @param {string} key @param {string} type
 * @param {string[]} allowed @param {string} fallback
 */
function option(params, key, type, allowed, fallback) {
  const value = params.get(key);
  if (value === null || value === '') return fallback;
  if (!allowed.includes(value)) throw new ForecastError(`Cannot initialize ${type} from invalid String value ${value} for key ${key}`);
  return value;
}

/**
 * @param {URLSearchParams} params @param {string} key @param {number} fallback
 * @param {number} min @param {number} max @param {string} message
 */
function integer(params, key, fallback, min, max, message) {
  const value = params.get(key);
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ForecastError(`Value of type 'Int' required for key '${key}'.`);
  const n = Number(value);
  if (n < min || n > max) throw new ForecastError(message);
  return n;
}

/** Midnight UTC of a YYYY-MM-DD parameter, or null when absent. @param {URLSearchParams} params @param {string} key */
function dateParam(params, key) {
  const value = params.get(key);
  if (value === null || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new ForecastError(`Invalid date format for parameter '${key}'. Make sure to use 'yyyy-MM-dd'`);
  }
  return ms;
}

/** @param {number} ms */
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
/** @param {number} x @param {number} digits */
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Great-circle distance in km. @param {number} lat1 @param {number} lon1 @param {number} lat2 @param {number} lon2 */
export function distanceKm(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** @param {number} latitude @param {number} longitude @param {KnownPlace[]} places */
function nearest(latitude, longitude, places) {
  let best = null;
  let bestKm = Infinity;
  for (const place of places) {
    const km = distanceKm(latitude, longitude, place.latitude, place.longitude);
    if (km < bestKm) {
      best = place;
      bestKm = km;
    }
  }
  return { place: best, km: bestKm };
}

/**
 * `auto` takes the zone of the nearest seed site within about 300 km, else GMT.
 * @param {string} requested @param {number} latitude @param {number} longitude @param {KnownPlace[]} places
 */
function resolveTimeZone(requested, latitude, longitude, places) {
  if (requested === 'auto') {
    const { place, km } = nearest(latitude, longitude, places);
    return place && km <= 300 ? place.timeZone : 'GMT';
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: requested });
  } catch {
    throw new ForecastError('Invalid timezone');
  }
  return requested;
}

/** Terrain height: the nearest seed site's within 20 km, else a fixed pseudo-random lowland height. */
function elevationOf(/** @type {{latitude: number, longitude: number, key: string}} */ cell, /** @type {ForecastContext} */ context) {
  const { place, km } = nearest(cell.latitude, cell.longitude, context.places);
  if (place && km <= 20) return place.height;
  return Math.round(800 * hash01('terrain', cell.key));
}

/** Offset of a zone from UTC at an instant, in seconds. @param {string} timeZone @param {number} ms */
export function utcOffsetSeconds(timeZone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  /** @param {string} type */
  const get = (type) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 1000);
}

/** Short zone name (`CET`, `HST`, `GMT-3`) as Open-Meteo shows it. @param {string} timeZone @param {number} ms */
function abbreviation(timeZone, ms) {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  const name = part?.value ?? 'GMT';
  return name === 'UTC' || name === 'GMT+0' ? 'GMT' : name;
}
