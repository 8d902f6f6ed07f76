// @ts-check
// A small, deterministic weather model. Values depend only on (seed, grid cell, UTC hour), so the
// forecast route and the site weather route agree, and repeated requests give identical numbers.
// It is built for plausibility, not accuracy: a climate from latitude and altitude (the Atacama and
// Mauna Kea come out dry and clear, mid-latitudes cloudy), cloud fronts that persist for a day or
// two (smooth value noise), a diurnal temperature cycle by local solar time, and humidity, dew point,
// cloud layers and weather codes derived from one another so they stay consistent.
import { hash01, hash32, valueNoise } from './prng.mjs';

const HOUR_MS = 3_600_000;
const DEG = Math.PI / 180;

/** @param {number} x @param {number} lo @param {number} hi */
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
/** @param {number} x @param {number} digits */
const round = (x, digits = 0) => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/**
 * Grid cell of a location (0.05°, about 5 km): nearby requests share weather.
 * @param {number} latitude @param {number} longitude
 */
export function gridCell(latitude, longitude) {
  const lat = round(Math.round(latitude * 20) / 20, 6);
  let lon = round(Math.round(longitude * 20) / 20, 6);
  if (lon === -180) lon = 180;
  return { latitude: lat, longitude: lon, key: `${lat.toFixed(2)},${lon.toFixed(2)}` };
}

/**
 * Low-precision solar position (NOAA formulae, ~0.1°): enough for day/night and solar time.
 * @param {number} utcMs @param {number} latitude @param {number} longitude degrees east
 * @returns {{elevation: number, solarHour: number}}
 */
export function solarPosition(utcMs, latitude, longitude) {
  const days = utcMs / 86_400_000 - 10957.5; // days since J2000.0
  const meanLongitude = (280.46 + 0.9856474 * days) % 360;
  const meanAnomaly = ((357.528 + 0.9856003 * days) % 360) * DEG;
  const eclipticLongitude = (meanLongitude + 1.915 * Math.sin(meanAnomaly) + 0.02 * Math.sin(2 * meanAnomaly)) * DEG;
  const obliquity = (23.439 - 0.0000004 * days) * DEG;
  const declination = Math.asin(Math.sin(obliquity) * Math.sin(eclipticLongitude));
  const rightAscension = Math.atan2(Math.cos(obliquity) * Math.sin(eclipticLongitude), Math.cos(eclipticLongitude));
  const gmstHours = (18.697374558 + 24.06570982441908 * days) % 24;
  const hourAngle = ((gmstHours * 15 + longitude) * DEG - rightAscension);
  const elevation =
    Math.asin(
      Math.sin(latitude * DEG) * Math.sin(declination) +
        Math.cos(latitude * DEG) * Math.cos(declination) * Math.cos(hourAngle),
    ) / DEG;
  // Apparent solar time: 12 h when the Sun transits.
  const solarHour = (((hourAngle / DEG / 15 + 12) % 24) + 24) % 24;
  return { elevation, solarHour };
}

/**
 * The climate of a place: what stays fixed while the weather changes.
 * @param {number} latitude @param {number} elevation metres
 */
function climate(latitude, elevation) {
  const absLat = Math.abs(latitude);
  const subtropicalBelt = Math.exp(-(((absLat - 27) / 10) ** 2));
  const aboveInversion = clamp((elevation - 1500) / 2500, 0, 1);
  return {
    absLat,
    aboveInversion,
    // 0 = maritime and cloudy, 1 = desert summit.
    aridity: clamp(0.25 + 0.45 * subtropicalBelt + 0.35 * aboveInversion, 0, 0.95),
    seaLevelMean: 28 - 0.45 * Math.max(0, absLat - 12),
    seasonalAmplitude: 0.5 + 0.18 * absLat,
    southern: latitude < 0,
  };
}

/**
 * @typedef {object} WeatherSample values in SI-ish units (°C, %, km/h, mm, m, hPa)
 * @property {number} temperature
 * @property {number} relativeHumidity
 * @property {number} dewPoint
 * @property {number} cloudCover
 * @property {number} cloudCoverLow
 * @property {number} cloudCoverMid
 * @property {number} cloudCoverHigh
 * @property {number} precipitationProbability
 * @property {number} precipitation     mm in the preceding hour
 * @property {number} windSpeed          km/h at 10 m
 * @property {number} windDirection      degrees, direction the wind comes from
 * @property {number} windGusts          km/h
 * @property {number} windSpeed250hPa    km/h (jet stream; a proxy for seeing)
 * @property {number} visibility         m
 * @property {number} pressure           hPa at the site
 * @property {number} weatherCode        WMO code
 * @property {number} isDay              1 or 0
 * @property {number} solarElevation     degrees
 */

/**
 * Weather at one whole UTC hour. Deterministic in (seed, cell, hour).
 * @param {{seed: number, latitude: number, longitude: number, elevation: number}} place
 * @param {number} hourIndex hours since 1970-01-01T00:00Z
 * @returns {WeatherSample}
 */
export function weatherAtHour(place, hourIndex) {
  const { seed, latitude, longitude, elevation } = place;
  const cell = gridCell(latitude, longitude).key;
  const c = climate(latitude, elevation);
  const utcMs = hourIndex * HOUR_MS;
  /** @param {number} periodHours @param {string} name */
  const noise = (periodHours, name) => valueNoise(hourIndex / periodHours, seed, cell, name);

  // Season: +1 at the local summer peak (late July north, late January south).
  const dayOfYear = (utcMs / 86_400_000) % 365.2425;
  const season = Math.cos((2 * Math.PI * (dayOfYear - 200)) / 365.2425) * (c.southern ? -1 : 1);

  // Fronts: a slow component (1-2 days) and a faster one (half a day).
  const front = 0.65 * noise(30, 'front') + 0.35 * noise(7, 'front-fast');
  const cloudiness = clamp((front - 0.75 * c.aridity - 0.15) * 2.2, 0, 1);

  const high = clamp(cloudiness * 1.1 + (noise(5, 'cirrus') - 0.62) * 0.9, 0, 1);
  const mid = clamp(cloudiness * 1.2 - 0.2 + (noise(4, 'mid') - 0.5) * 0.4, 0, 1);
  const low = clamp(cloudiness * 1.3 - 0.35 + (noise(3, 'low') - 0.5) * 0.5 - 0.6 * c.aboveInversion, 0, 1);
  const lowPct = round(low * 100);
  const midPct = round(mid * 100);
  const highPct = round(high * 100);
  // Random overlap of the layers; computed from the rounded layers so that
  // max(layer) <= total <= sum(layers) holds exactly.
  const overlap = 100 * (1 - (1 - lowPct / 100) * (1 - midPct / 100) * (1 - highPct / 100));
  const total = clamp(round(overlap), Math.max(lowPct, midPct, highPct), Math.min(100, lowPct + midPct + highPct));

  const sun = solarPosition(utcMs, latitude, longitude);
  const diurnal = Math.cos((2 * Math.PI * (sun.solarHour - 15)) / 24); // +1 mid-afternoon, -1 before dawn
  const diurnalAmplitude = (3 + 5 * c.aridity) * (1 - 0.5 * total / 100);
  const synoptic = (noise(40, 'temperature') - 0.5) * 6;
  const temperature =
    c.seaLevelMean + c.seasonalAmplitude * season - 0.0055 * elevation + diurnalAmplitude * diurnal + synoptic;

  const rain = cloudiness > 0.62 ? Math.max(0, (cloudiness - 0.6) * 1.6 - noise(2, 'rain')) : 0;
  const precipitation = round(rain * 6 * (1 - 0.6 * c.aridity), 1);
  let precipitationProbability = round(clamp((cloudiness - 0.4) * 170 * (1 - 0.5 * c.aridity) + (noise(6, 'pop') - 0.5) * 20, 0, 100));
  if (precipitation > 0) precipitationProbability = Math.max(precipitationProbability, 40);

  let humidity = 75 - 55 * c.aridity + 25 * low + 10 * mid - 10 * diurnal + (noise(8, 'humidity') - 0.5) * 16;
  if (precipitation > 0) humidity = Math.max(humidity, 90);
  const relativeHumidity = round(clamp(humidity, 3, 100));
  const temperatureRounded = round(temperature, 1);
  const dewPoint = round(magnusDewPoint(temperatureRounded, relativeHumidity), 1);

  const windSpeed = round(6 + 12 * noise(12, 'wind') + 10 * cloudiness + 8 * c.aboveInversion, 1);
  const windGusts = round(windSpeed * (1.35 + 0.4 * noise(3, 'gust')) + 3, 1);
  const prevailing = c.absLat < 30 ? (c.southern ? 120 : 60) : c.absLat < 60 ? 260 : 80;
  const windDirection = round((((prevailing + (noise(10, 'veer') - 0.5) * 140) % 360) + 360) % 360);
  const winter = -season;
  const jet = 35 + 120 * Math.exp(-(((c.absLat - 35) / 12) ** 2)) * (0.7 + 0.3 * winter) + 60 * (noise(18, 'jet') - 0.5);
  const windSpeed250hPa = round(Math.max(5, jet), 1);

  const fog = relativeHumidity >= 97 && low >= 0.8;
  let visibility = 50_000 * (1 - 0.9 * (relativeHumidity / 100) ** 4) / (1 + 2 * precipitation);
  if (fog) visibility = 100 + 700 * noise(2, 'fog');
  visibility = round(visibility);

  return {
    temperature: temperatureRounded,
    relativeHumidity,
    dewPoint,
    cloudCover: total,
    cloudCoverLow: lowPct,
    cloudCoverMid: midPct,
    cloudCoverHigh: highPct,
    precipitationProbability,
    precipitation,
    windSpeed,
    windDirection,
    windGusts,
    windSpeed250hPa,
    visibility,
    pressure: round(1013.25 * Math.exp(-elevation / 8434) + (noise(36, 'pressure') - 0.5) * 16, 1),
    weatherCode: weatherCode({ total, precipitation, temperature, fog, cloudiness, precipitationProbability }),
    isDay: sun.elevation > -0.833 ? 1 : 0,
    solarElevation: sun.elevation,
  };
}

/**
 * Magnus formula (Sonntag 1990 constants). RH <= 100 % gives a dew point <= temperature.
 * @param {number} temperature °C @param {number} relativeHumidity %
 */
export function magnusDewPoint(temperature, relativeHumidity) {
  const b = 17.62;
  const c = 243.12;
  const gamma = Math.log(Math.max(relativeHumidity, 1) / 100) + (b * temperature) / (c + temperature);
  return Math.min(temperature, (c * gamma) / (b - gamma));
}

/**
 * WMO weather interpretation code (the subset Open-Meteo uses).
 * @param {{total: number, precipitation: number, temperature: number, fog: boolean, cloudiness: number,
 *   precipitationProbability: number}} w
 */
function weatherCode(w) {
  if (w.precipitation > 0) {
    if (w.temperature < 0.5) return w.precipitation < 1 ? 71 : w.precipitation < 3 ? 73 : 75;
    if (w.cloudiness > 0.95 && w.temperature > 18 && w.precipitationProbability > 85) return 95;
    if (w.precipitation < 0.5) return 53;
    if (w.precipitation < 2.5) return 61;
    if (w.precipitation < 7.6) return 63;
    return 65;
  }
  if (w.fog) return 45;
  if (w.total < 20) return 0;
  if (w.total < 50) return 1;
  if (w.total < 80) return 2;
  return 3;
}

/** Numeric fields of a sample that can be interpolated between hours. */
const CONTINUOUS = /** @type {const} */ ([
  'temperature', 'relativeHumidity', 'dewPoint', 'cloudCover', 'cloudCoverLow', 'cloudCoverMid', 'cloudCoverHigh',
  'precipitationProbability', 'precipitation', 'windSpeed', 'windGusts', 'windSpeed250hPa', 'visibility', 'pressure',
]);
const DECIMALS = /** @type {Record<string, number>} */ ({
  temperature: 1, dewPoint: 1, precipitation: 1, windSpeed: 1, windGusts: 1, windSpeed250hPa: 1, pressure: 1,
});

/**
 * Weather at any instant: linear interpolation between the surrounding whole hours
 * (codes and direction from the nearer hour, day/night from the instant itself).
 * @param {{seed: number, latitude: number, longitude: number, elevation: number}} place
 * @param {number} utcMs
 * @returns {WeatherSample}
 */
export function weatherAt(place, utcMs) {
  const hour = Math.floor(utcMs / HOUR_MS);
  const f = utcMs / HOUR_MS - hour;
  const a = weatherAtHour(place, hour);
  if (f === 0) return a;
  const b = weatherAtHour(place, hour + 1);
  const sample = { ...(f < 0.5 ? a : b) };
  for (const key of CONTINUOUS) sample[key] = round(a[key] + (b[key] - a[key]) * f, DECIMALS[key] ?? 0);
  // Keep the invariants after interpolation.
  sample.relativeHumidity = clamp(sample.relativeHumidity, 3, 100);
  sample.dewPoint = Math.min(sample.dewPoint, sample.temperature);
  const layers = [sample.cloudCoverLow, sample.cloudCoverMid, sample.cloudCoverHigh];
  sample.cloudCover = clamp(sample.cloudCover, Math.max(...layers), Math.min(100, layers[0] + layers[1] + layers[2]));
  const sun = solarPosition(utcMs, place.latitude, place.longitude);
  sample.solarElevation = sun.elevation;
  sample.isDay = sun.elevation > -0.833 ? 1 : 0;
  return sample;
}

/**
 * A `WeatherCondition` record (the API's `/observingsites/{uuid}/weather/`): the model at the
 * site for the current whole hour. Units (undocumented by the API; metric chosen): °C, % for
 * humidity, cloud cover and precipitation probability, m/s wind, hPa, km visibility, mm/h,
 * arcseconds for the seeing estimate, Dobson units for ozone.
 * @param {{uuid: string, coordinates: {latitude: number, longitude: number, height: number}}} site
 * @param {number} seed
 * @param {number} nowMs
 */
export function siteWeather(site, seed, nowMs) {
  const hour = Math.floor(nowMs / HOUR_MS);
  const place = {
    seed,
    latitude: site.coordinates.latitude,
    longitude: site.coordinates.longitude,
    elevation: site.coordinates.height,
  };
  const w = weatherAtHour(place, hour);
  const windMs = w.windSpeed / 3.6;
  const apparent =
    w.temperature < 10 && w.windSpeed > 4.8
      ? 13.12 + 0.6215 * w.temperature - 11.37 * w.windSpeed ** 0.16 + 0.3965 * w.temperature * w.windSpeed ** 0.16
      : w.temperature;
  const seeing = 0.45 + 0.006 * w.windSpeed250hPa + 0.02 * windMs + 0.3 * hash01(seed, site.uuid, hour, 'seeing');
  const uv = w.isDay ? Math.max(0, 12 * Math.sin(Math.max(0, w.solarElevation) * DEG) ** 2 * (1 - 0.7 * w.cloudCover / 100)) : 0;
  return {
    id: 1_000_000 + (hash32(seed, site.uuid, hour) % 9_000_000),
    date: new Date(hour * HOUR_MS).toISOString(),
    comment: '',
    icon: icon(w),
    source: 'emulator',
    wind_direction: w.windDirection,
    wind_speed: round(windMs, 1),
    seeing: round(seeing, 2),
    relative_humidity: w.relativeHumidity,
    temperature: w.temperature,
    apparent_temperature: round(apparent, 1),
    dew_point: w.dewPoint,
    precipitation_intensity: w.precipitation,
    precipitation_probability: w.precipitationProbability,
    pressure: w.pressure,
    cloud_cover: w.cloudCover,
    uv_index: round(uv, 1),
    visibility: round(w.visibility / 1000, 1),
    ozone: round(260 + 60 * hash01(seed, site.uuid, Math.floor(hour / 24), 'ozone'), 1),
    observing_site: site.uuid,
  };
}

/** Dark-Sky-style icon name for a sample. @param {WeatherSample} w */
function icon(w) {
  const code = w.weatherCode;
  if (code >= 71 && code <= 77) return 'snow';
  if (code >= 51) return 'rain';
  if (code === 45) return 'fog';
  if (w.windSpeed > 40) return 'wind';
  if (code === 3) return 'cloudy';
  if (code === 2) return w.isDay ? 'partly-cloudy-day' : 'partly-cloudy-night';
  return w.isDay ? 'clear-day' : 'clear-night';
}
