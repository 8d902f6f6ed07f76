import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GeoMoon } from 'astronomy-engine';
import {
  angularSeparation,
  apparentPlace,
  equatorialToHorizontal,
  horizontal,
  localSiderealTime,
  moonSeparation,
  properMotionPosition,
  sunEvents,
} from '../../../src/astro/index.js';

const ARCSEC = 1 / 3600;
const hms = (h: number, m: number, s: number): number => (h + m / 60 + s / 3600) * 15;
const dms = (sign: 1 | -1, d: number, m: number, s: number): number => sign * (d + m / 60 + s / 3600);
const arcsecBetween = (a: { ra: number; dec: number }, b: { ra: number; dec: number }): number => angularSeparation(a, b) * 3600;

describe('localSiderealTime', () => {
  it('matches Meeus’ Example 12.a apparent sidereal time at Greenwich', () => {
    // Meeus, Astronomical Algorithms, Example 12.a: 1987 April 10, 0h UT: apparent
    // sidereal time 13h10m46.1351s (mean 13h10m46.3668s, nutation -0.2317 s).
    const lst = localSiderealTime(0, new Date('1987-04-10T00:00:00Z'));
    assert.ok(Math.abs(lst - (13 + 10 / 60 + 46.1351 / 3600)) * 3600 < 0.02, `${lst} h`);
  });

  it('matches Meeus’ Example 13.b sidereal time and adds the east longitude', () => {
    // Meeus, Example 13.b: 1987 April 10, 19h21m00s UT, apparent sidereal time at Greenwich
    // 8h34m56.853s; the U.S. Naval Observatory is at 77°03′56″ W.
    const gast = 8 + 34 / 60 + 56.853 / 3600;
    const time = new Date('1987-04-10T19:21:00Z');
    assert.ok(Math.abs(localSiderealTime(0, time) - gast) * 3600 < 0.02);
    const west = 77 + 3 / 60 + 56 / 3600;
    const expected = (gast - west / 15 + 24) % 24;
    assert.ok(Math.abs(localSiderealTime(-west, time) - expected) * 3600 < 0.02);
    assert.ok(localSiderealTime(180, time) >= 0 && localSiderealTime(-180, time) < 24);
  });

  it('rejects a longitude outside ±180°', () => {
    assert.throws(() => localSiderealTime(200, new Date()), /longitude/);
  });
});

describe('equatorialToHorizontal', () => {
  it('matches Meeus’ Example 13.b (Venus seen from the U.S. Naval Observatory)', () => {
    // Meeus, Example 13.b: α = 23h09m16.641s, δ = -6°43′11.61″, φ = +38°55′17″, apparent
    // sidereal time 8h34m56.853s, L = 77°03′56″ W → h = 15.1249°, A = 68.0337° (from the
    // south, westwards; 248.0337° from the north through east).
    const lst = hms(8, 34, 56.853) - dms(1, 77, 3, 56);
    const hor = equatorialToHorizontal(hms(23, 9, 16.641), dms(-1, 6, 43, 11.61), dms(1, 38, 55, 17), lst);
    // Meeus prints four decimals from a rounded hour angle (64.352133°): allow 0.0002° (0.7″).
    assert.ok(Math.abs(hor.altitude - 15.1249) < 0.0002, `altitude ${hor.altitude}`);
    assert.ok(Math.abs(hor.azimuth - 248.0337) < 0.0002, `azimuth ${hor.azimuth}`);
  });

  it('puts the celestial pole due north at an altitude equal to the latitude', () => {
    const hor = equatorialToHorizontal(123, 90, 51.5, 17);
    assert.ok(Math.abs(hor.altitude - 51.5) < 1e-9);
    assert.ok(Math.min(hor.azimuth, 360 - hor.azimuth) < 1e-6);
  });
});

describe('apparentPlace and proper motion', () => {
  it('matches Meeus’ Example 23.b apparent place of θ Persei, proper motion included', () => {
    // Meeus, Examples 23.a/23.b: θ Persei, J2000 α = 2h44m11.986s, δ = +49°13′42.48″,
    // μα = +0.03425 s/yr, μδ = -0.0895″/yr; on 2028 Nov 13.19 TD the apparent place is
    // α = 2h46m14.392s, δ = +49°21′07.45″ (Ron–Vondrák aberration).
    const dec = dms(1, 49, 13, 42.48);
    const target = {
      ra: hms(2, 44, 11.986),
      dec,
      pmRa: 0.03425 * 15 * 1000 * Math.cos((dec * Math.PI) / 180), // s/yr of α → mas/yr including cos δ
      pmDec: -89.5,
    };
    // 13.19 TD; ΔT ≈ 70 s is immaterial for a star's apparent place.
    const time = new Date(Date.UTC(2028, 10, 13) + 0.19 * 86_400_000 - 70_000);
    const place = apparentPlace(target, { latitude: 0, longitude: 0 }, time);
    const error = arcsecBetween(place, { ra: hms(2, 46, 14.392), dec: dms(1, 49, 21, 7.45) });
    assert.ok(error < 0.1, `${error.toFixed(3)}″ from Meeus`);
  });

  it('moves Barnard’s star as Skyfield documents', () => {
    // rhodesmill.org/skyfield/stars.html: Barnard's star, ICRS 17h57m48.49803s +4°41′36.2072″,
    // μα* = -798.71, μδ = +10337.77 mas/yr; astrometric position on 2014-01-18 23:10:09 UTC
    // 17h57m47.76s +04°44′01.3″ (that output also carries its 545 mas parallax).
    const barnard = { ra: hms(17, 57, 48.49803), dec: dms(1, 4, 41, 36.2072), pmRa: -798.71, pmDec: 10337.77 };
    const moved = properMotionPosition(barnard, new Date('2014-01-18T23:10:09Z'));
    assert.ok(Math.abs(moved.ra - hms(17, 57, 47.76)) * 3600 < 0.6, `ra ${moved.ra}`);
    assert.ok(Math.abs(moved.dec - dms(1, 4, 44, 1.3)) * 3600 < 0.6, `dec ${moved.dec}`);
  });

  it('moves a star by its total proper motion, also near the pole and across 0h', () => {
    // Proxima Centauri (SIMBAD): μα* = -3781.306, μδ = +769.766 mas/yr → 3.8589″/yr.
    const proxima = { ra: 217.42894222, dec: -62.67949069, pmRa: -3781.306, pmDec: 769.766 };
    const later = properMotionPosition(proxima, new Date(Date.UTC(2000, 0, 1, 12) + 50 * 365.25 * 86_400_000));
    assert.ok(Math.abs(arcsecBetween(proxima, later) - 50 * 3.8589) < 0.01);
    const polar = { ra: 359.9999, dec: 89.9999, pmRa: 2000, pmDec: 0 };
    const moved = properMotionPosition(polar, new Date('2050-01-01T12:00Z'));
    assert.ok(Math.abs(arcsecBetween(polar, moved) - 100) < 0.01);
    assert.ok(moved.ra >= 0 && moved.ra < 360);
    assert.deepEqual(properMotionPosition({ ra: 10, dec: 20 }, new Date()), { ra: 10, dec: 20 });
  });

  it('gives the Sun’s apparent place of Meeus’ Example 25.b', () => {
    // Meeus, Example 25.b (VSOP87): 1992 October 13.0 TD (23:58:57 UT on the 12th):
    // α = 13h13m30.749s, δ = -7°47′01.74″. Seen from a site with the Sun overhead the
    // topocentric place differs from the geocentric one by far less than its 8.8″ parallax.
    const time = new Date('1992-10-12T23:58:57Z');
    const subsolar = { latitude: -7.78, longitude: hms(13, 13, 30.749) - localSiderealTime(0, time) * 15 };
    subsolar.longitude = ((subsolar.longitude + 540) % 360) - 180;
    const place = apparentPlace('sun', subsolar, time);
    assert.ok(arcsecBetween(place, { ra: hms(13, 13, 30.749), dec: dms(-1, 7, 47, 1.74) }) < 1);
  });

  it('gives the Moon’s apparent place of Meeus’ Example 47.a, seen from under the Moon', () => {
    // Meeus, Example 47.a: 1992 April 12, 0h TD (23:59:01 UT on the 11th): apparent
    // α = 134.688470°, δ = +13.768368°. The site is put where the Moon is overhead, so
    // its ~1° parallax shrinks to the few arcseconds left by the Earth's flattening.
    const time = new Date('1992-04-11T23:59:01Z');
    const site = { latitude: 13.768368, longitude: ((134.688470 - localSiderealTime(0, time) * 15 + 540) % 360) - 180 };
    const place = apparentPlace('moon', site, time);
    assert.ok(arcsecBetween(place, { ra: 134.68847, dec: 13.768368 }) < 20);
  });
});

describe('horizontal', () => {
  it('agrees with the apparent place through Meeus’ horizontal-coordinate formulae', () => {
    const site = { latitude: -24.6272, longitude: -70.4042, elevation: 2635 };
    const time = new Date('2024-03-11T03:00:00Z');
    const m42 = { ra: 83.82208, dec: -5.39111 };
    const place = apparentPlace(m42, site, time);
    const viaMeeus = equatorialToHorizontal(place.ra, place.dec, site.latitude, localSiderealTime(site.longitude, time) * 15);
    const hor = horizontal(m42, site, time);
    assert.ok(Math.abs(hor.altitude - viaMeeus.altitude) < ARCSEC / 10);
    assert.ok(Math.abs(hor.azimuth - viaMeeus.azimuth) < ARCSEC / 10);
  });

  it('adds refraction only when asked: about 34′ at the horizon, nothing at the zenith', () => {
    const site = { latitude: 29, longitude: -81 };
    const sunset = sunEvents(site, new Date('2019-01-01T12:00Z'), new Date('2019-01-02T12:00Z')).find((e) => e.kind === 'sunset')!.time;
    const airless = horizontal('sun', site, sunset).altitude;
    const refracted = horizontal('sun', site, sunset, { refraction: true }).altitude;
    assert.ok(Math.abs(airless + 0.8333) < 0.0005, `geometric altitude at sunset ${airless}`);
    const zenith = horizontal({ ra: 0, dec: 90 }, { latitude: 90, longitude: 0 }, sunset);
    assert.ok(Math.abs(horizontal({ ra: 0, dec: 90 }, { latitude: 90, longitude: 0 }, sunset, { refraction: true }).altitude - zenith.altitude) < 0.001);
    assert.ok(refracted - airless > 0.45 && refracted - airless < 0.65);
  });

  it('measures azimuth from north through east', () => {
    const site = { latitude: 29, longitude: -81 };
    const sunrise = horizontal('sun', site, new Date('2019-03-21T11:27:00Z'));
    assert.ok(sunrise.azimuth > 85 && sunrise.azimuth < 95, `equinox sunrise azimuth ${sunrise.azimuth}`);
    const sunset = horizontal('sun', site, new Date('2019-03-21T23:36:00Z'));
    assert.ok(sunset.azimuth > 265 && sunset.azimuth < 275, `equinox sunset azimuth ${sunset.azimuth}`);
  });

  it('rejects unknown bodies and bad targets', () => {
    const site = { latitude: 0, longitude: 0 };
    assert.throws(() => horizontal('mars' as never, site, new Date()), /Unknown body/);
    assert.throws(() => horizontal({ ra: 10, dec: 95 }, site, new Date()), /dec/);
    assert.throws(() => horizontal({ ra: Number.NaN, dec: 0 }, site, new Date()), /ra/);
    assert.throws(() => horizontal('sun', site, new Date('bad')), RangeError);
  });
});

describe('angularSeparation and moonSeparation', () => {
  it('matches Meeus’ Example 17.a (Arcturus to Spica)', () => {
    // Meeus, Example 17.a: α Boo (213.9154°, +19.1825°) and α Vir (201.2983°, -11.1614°): 32.7930°.
    const d = angularSeparation({ ra: 213.9154, dec: 19.1825 }, { ra: 201.2983, dec: -11.1614 });
    assert.ok(Math.abs(d - 32.793) < 0.0001, `${d}`);
    assert.equal(angularSeparation({ ra: 10, dec: 10 }, { ra: 10, dec: 10 }), 0);
    assert.ok(Math.abs(angularSeparation({ ra: 0, dec: 0 }, { ra: 180, dec: 0 }) - 180) < 1e-12);
  });

  it('measures the Moon from the site: its topocentric parallax shows near the horizon', () => {
    // A target placed at the Moon's geocentric J2000 direction (astronomy-engine's GeoMoon).
    // From a site with the Moon overhead the separation is tiny (only the star's annual
    // aberration, ≤ 20.5″, which the Moon does not get, and the flattening remain); from a
    // site with the Moon near the horizon it is the horizontal parallax, asin(R⊕/Δ), with
    // Δ = 368409.7 km from Meeus' Example 47.a.
    const time = new Date('1992-04-11T23:59:01Z');
    const v = GeoMoon(time);
    const moonJ2000 = { ra: ((Math.atan2(v.y, v.x) * 180) / Math.PI + 360) % 360, dec: (Math.atan2(v.z, Math.hypot(v.x, v.y)) * 180) / Math.PI };
    const gast = localSiderealTime(0, time) * 15;
    const overhead = { latitude: 13.77, longitude: ((134.68847 - gast + 540) % 360) - 180 };
    const lowInTheWest = { latitude: 0, longitude: ((134.68847 - gast + 88 + 540) % 360) - 180 };
    const horizontalParallax = (Math.asin(6378.14 / 368409.7) * 180) / Math.PI;
    const altitude = horizontal('moon', lowInTheWest, time).altitude;
    assert.ok(moonSeparation(moonJ2000, overhead, time) * 3600 < 30);
    const low = moonSeparation(moonJ2000, lowInTheWest, time);
    const expected = horizontalParallax * Math.cos((altitude * Math.PI) / 180);
    assert.ok(Math.abs(low - expected) < 0.02, `${low}° vs ${expected}°`);
  });
});
