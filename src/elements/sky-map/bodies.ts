/**
 * Sun, Moon and planets at the map's time, and the zenith, in the map's frame (J2000 equatorial) — what
 * `src/astro` does not offer (it gives horizontal coordinates and events). Built on astronomy-engine; pure, no DOM,
 * loaded with the engine chunk only.
 */
import {
  Body,
  Equator,
  EquatorFromVector,
  GeoVector,
  Illumination,
  Observer,
  RotateVector,
  Rotation_HOR_EQJ,
  Spherical,
  VectorFromHorizon,
} from 'astronomy-engine';
import type { Site } from '../../astro/types.js';

export type BodyKey = 'sun' | 'moon' | 'mercury' | 'venus' | 'mars' | 'jupiter' | 'saturn' | 'uranus' | 'neptune';

export const BODY_KEYS: readonly BodyKey[] = ['sun', 'moon', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune'];

const ENGINE_BODY: Record<BodyKey, Body> = {
  sun: Body.Sun,
  moon: Body.Moon,
  mercury: Body.Mercury,
  venus: Body.Venus,
  mars: Body.Mars,
  jupiter: Body.Jupiter,
  saturn: Body.Saturn,
  uranus: Body.Uranus,
  neptune: Body.Neptune,
};

export interface BodyPosition {
  key: BodyKey;
  /** J2000 RA and Dec in degrees (astrometric, with aberration; topocentric when a site is given). */
  ra: number;
  dec: number;
  /** Visual magnitude. */
  mag: number;
}

/** Positions of the Sun, Moon and planets at `time`, seen from `site` (or the Earth's centre without one). */
export function bodyPositions(time: Date, site: Site | null): BodyPosition[] {
  const observer = site ? new Observer(site.latitude, site.longitude, site.elevation ?? 0) : null;
  return BODY_KEYS.map((key) => {
    const body = ENGINE_BODY[key];
    const equ = observer ? Equator(body, time, observer, false, true) : EquatorFromVector(GeoVector(body, time, true));
    let mag = key === 'sun' ? -26.7 : -12.7;
    try {
      if (key !== 'sun') mag = Illumination(body, time).mag;
    } catch {
      /* magnitude is decoration: keep the default */
    }
    return { key, ra: equ.ra * 15, dec: equ.dec, mag };
  });
}

/** The zenith of `site` at `time` in J2000 RA/Dec (degrees): altitude then follows from a dot product anywhere on the map. */
export function zenithJ2000(site: Site, time: Date): { ra: number; dec: number } {
  const observer = new Observer(site.latitude, site.longitude, site.elevation ?? 0);
  const up = VectorFromHorizon(new Spherical(90, 0, 1), time, '');
  const equ = EquatorFromVector(RotateVector(Rotation_HOR_EQJ(time, observer), up));
  return { ra: equ.ra * 15, dec: equ.dec };
}
