/**
 * Typed, camelCase records the data layer hands to elements. Parsers (parse.ts) build them from the API's
 * JSON tolerantly: a bad or missing field becomes `null` (or `''` / `[]` where the type says so), never an exception.
 * Angles are degrees, lengths metres, times `Date` (UTC instants). Every URL in a record is http(s) or absent.
 */

/** DRF pagination envelope; `next`/`previous` are absolute URLs or null. */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface ObservingSite {
  uuid: string;
  name: string;
  nickname: string | null;
  /** From the API's comma/semicolon-separated `alternate_names` string. */
  alternateNames: string[];
  iauCode: string | null;
  acronym: string | null;
  homepageUrl: string | null;
  latitude: number | null;
  /** East-positive, normalised to -180…180. */
  longitude: number | null;
  /** Metres above sea level. */
  elevation: number | null;
  /** IANA zone, only if this browser knows it. */
  timeZone: string | null;
  country: string | null;
  continent: string | null;
  /** Telescope UUIDs. */
  telescopes: string[];
}

export interface Telescope {
  uuid: string;
  name: string;
  acronym: string | null;
  alias: string | null;
  siteUuid: string | null;
  latitude: number | null;
  longitude: number | null;
  elevation: number | null;
  /** Instrument UUIDs. */
  instruments: string[];
  mounting: string | null;
  opticalDesign: string | null;
  /** Mirror diameters as the API gives them (millimetres in the known data). */
  mirrorDiameters: number[];
  /** First usable horizon mask: parallel azimuth/altitude arrays in degrees. */
  horizonMask: { azimuth: number[]; altitude: number[] } | null;
}

export interface Instrument {
  uuid: string;
  name: string;
  acronym: string | null;
  telescopeUuid: string | null;
  satellite: string | null;
  archive: { name: string | null; portalUrl: string | null } | null;
}

/** A named object as the name resolver (SIMBAD/NED through the API) knows it. */
export interface AstronomicalObject {
  name: string;
  /** ICRS right ascension, degrees 0…360. */
  ra: number | null;
  dec: number | null;
  epoch: number | null;
  /** Proper motion in mas/yr (RA component includes cos δ, as SIMBAD gives it). */
  pmRa: number | null;
  pmDec: number | null;
  aliases: string[];
  types: string[];
}

export interface ActivityProgramme {
  identifier: string | null;
  title: string | null;
  investigators: string[];
  abstract: string | null;
  abstractUrl: string | null;
  fullDetailsUrl: string | null;
}

export interface ActivityLink {
  /** The link's title, or its host name when the API gave none. */
  title: string;
  url: string;
}

/** One observing activity (ground: site/telescope/instrument UUIDs; space: `satellite`). */
export interface Activity {
  id: number;
  creationDate: Date | null;
  date: Date | null;
  title: string;
  content: string;
  label: string;
  profile: string | null;
  satellite: string | null;
  siteUuid: string | null;
  telescopeUuid: string | null;
  instrumentUuid: string | null;
  programme: ActivityProgramme | null;
  programmeType: string | null;
  targetName: string | null;
  coordinates: { ra: number; dec: number } | null;
  organisation: string | null;
  links: ActivityLink[];
}

/** `/observingsites/{uuid}/weather/`: every number nullable; units are not documented (metric inferred). */
export interface WeatherCondition {
  date: Date | null;
  comment: string | null;
  icon: string | null;
  source: string | null;
  windDirection: number | null;
  windSpeed: number | null;
  seeing: number | null;
  relativeHumidity: number | null;
  temperature: number | null;
  apparentTemperature: number | null;
  dewPoint: number | null;
  precipitationIntensity: number | null;
  precipitationProbability: number | null;
  pressure: number | null;
  cloudCover: number | null;
  uvIndex: number | null;
  visibility: number | null;
  ozone: number | null;
  siteUuid: string | null;
}

/** One hour (or the current conditions) of an Open-Meteo forecast. Percentages 0–100, °C, m/s, metres. */
export interface ForecastHour {
  time: Date;
  cloudCover: number | null;
  cloudLow: number | null;
  cloudMid: number | null;
  cloudHigh: number | null;
  humidity: number | null;
  dewPoint: number | null;
  temperature: number | null;
  windSpeed: number | null;
  windGusts: number | null;
  windDirection: number | null;
  precipitationProbability: number | null;
  visibility: number | null;
  /** Upper-air wind, a stand-in for seeing (there is no seeing variable): any figure from it is an estimate. */
  windSpeed250hPa: number | null;
}

export interface Forecast {
  latitude: number | null;
  longitude: number | null;
  elevation: number | null;
  timeZone: string | null;
  utcOffsetSeconds: number;
  hours: ForecastHour[];
  current: ForecastHour | null;
}
