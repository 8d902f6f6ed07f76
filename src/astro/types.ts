/**
 * Shared shapes of the astronomy module. All angles are degrees, all times are `Date`
 * (UTC instants), distances metres.
 */

/** An observing site on the Earth (WGS 84 geodetic, east-positive longitude). */
export interface Site {
  /** Geodetic latitude, -90…90 degrees, north positive. */
  latitude: number;
  /** Longitude, -180…180 degrees, east positive. */
  longitude: number;
  /** Height above sea level in metres; 0 when left out. */
  elevation?: number;
}

/**
 * A fixed-star target: ICRS position at epoch J2000.0 in degrees, optional proper motion
 * in milliarcseconds per year. `pmRa` already includes the cos δ factor (μα*), as SIMBAD
 * and Gaia give it.
 */
export interface Target {
  ra: number;
  dec: number;
  pmRa?: number;
  pmDec?: number;
}

/** Right ascension and declination in degrees. */
export interface RaDec {
  ra: number;
  dec: number;
}

/** Altitude above the horizon and azimuth from north through east, degrees. */
export interface HorizontalPosition {
  altitude: number;
  azimuth: number;
}

export type SunEventKind =
  | 'sunrise'
  | 'sunset'
  | 'civil-dawn'
  | 'civil-dusk'
  | 'nautical-dawn'
  | 'nautical-dusk'
  | 'astronomical-dawn'
  | 'astronomical-dusk';

export interface SunEvent {
  kind: SunEventKind;
  time: Date;
}

export type MoonEventKind = 'moonrise' | 'moonset';

export interface MoonEvent {
  kind: MoonEventKind;
  time: Date;
}

export type TargetEventKind = 'rise' | 'set' | 'transit';

export interface TargetEvent {
  kind: TargetEventKind;
  time: Date;
  /** Geometric altitude at the event; present on transits. */
  altitude?: number;
}

export type PrincipalPhase = 'new' | 'first-quarter' | 'full' | 'last-quarter';

export interface MoonPhaseEvent {
  phase: PrincipalPhase;
  time: Date;
}

export type MoonPhaseName =
  | 'new'
  | 'waxing-crescent'
  | 'first-quarter'
  | 'waxing-gibbous'
  | 'full'
  | 'waning-gibbous'
  | 'last-quarter'
  | 'waning-crescent';

export interface MoonPhaseInfo {
  /** Illuminated fraction of the disc, 0…1. */
  illumination: number;
  /** Moon minus Sun apparent ecliptic longitude, 0…360 degrees (0 new, 90 first quarter, 180 full). */
  phaseAngle: number;
  waxing: boolean;
  name: MoonPhaseName;
  /** Days since the previous new Moon. */
  age: number;
}

/** Sun-altitude band: day ≥ -0.8333°, civil ≥ -6°, nautical ≥ -12°, astronomical ≥ -18°, night below. */
export type DarknessKind = 'day' | 'civil' | 'nautical' | 'astronomical' | 'night';

export interface DarknessBand {
  kind: DarknessKind;
  from: Date;
  to: Date;
}

export interface Interval {
  from: Date;
  to: Date;
}
