import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { darknessBands, horizontal, nightSummary, zoneOffsetMinutes, type NightSummary, type Site } from '../../../src/astro/index.js';

const HOUR = 3_600_000;

/** Wall-clock 'HH:MM' (rounded to the minute) of an instant in a zone. */
function localClock(time: Date | null, timeZone: string): string {
  assert.ok(time, 'event expected');
  const local = new Date(time.getTime() + zoneOffsetMinutes(timeZone, time) * 60_000 + 30_000);
  return local.toISOString().slice(11, 16);
}

/** Within one minute of a wall-clock time printed to the minute. */
function assertLocal(time: Date | null, timeZone: string, expected: string, label: string): void {
  assert.ok(time, `${label}: no event`);
  const [h, m] = expected.split(':').map(Number);
  const offset = zoneOffsetMinutes(timeZone, time);
  const minutes = (((time.getTime() / 60_000 + offset) % 1440) + 1440) % 1440;
  let diff = Math.abs(minutes - (h * 60 + m));
  diff = Math.min(diff, 1440 - diff);
  assert.ok(diff <= 1, `${label}: expected ${expected}, got ${localClock(time, timeZone)} (${diff.toFixed(2)} min off)`);
}

function assertConsistent(night: NightSummary, site: Site): void {
  // Bands tile the window without gaps, and the dark intervals are exactly the 'night' bands.
  assert.equal(night.bands[0].from.getTime(), night.from.getTime());
  assert.equal(night.bands[night.bands.length - 1].to.getTime(), night.to.getTime());
  for (let i = 1; i < night.bands.length; i++) {
    assert.equal(night.bands[i].from.getTime(), night.bands[i - 1].to.getTime());
    assert.notEqual(night.bands[i].kind, night.bands[i - 1].kind);
  }
  const nightBands = night.bands.filter((b) => b.kind === 'night');
  assert.deepEqual(night.darkIntervals, nightBands.map(({ from, to }) => ({ from, to })));
  const hours = night.darkIntervals.reduce((sum, i) => sum + (i.to.getTime() - i.from.getTime()), 0) / HOUR;
  assert.ok(Math.abs(hours - night.darkHours) < 1e-9);
  assert.ok(night.moonFreeDarkHours <= night.darkHours + 1e-9);
  for (const free of night.moonFreeDarkIntervals) {
    assert.ok(night.darkIntervals.some((d) => d.from <= free.from && free.to <= d.to), 'moon-free time lies in dark time');
    const middle = new Date((free.from.getTime() + free.to.getTime()) / 2);
    assert.ok(horizontal('moon', site, middle).altitude < 0, 'the Moon is down during moon-free darkness');
  }
  assert.equal(night.noAstronomicalDarkness, night.darkIntervals.length === 0);
  for (const event of [...night.sunEvents, ...night.moonEvents]) {
    assert.ok(event.time >= night.from && event.time < night.to, `${event.kind} inside the window`);
  }
}

describe('nightSummary', () => {
  const florida = { latitude: 29, longitude: -81 };

  it('handles the spring-forward night (America/New_York, 2019-03-09 → 10)', () => {
    // USNO 2019 table at 29° N, 81° W (fixtures/usno-sun-2019-W081-N29.txt): sunset on
    // March 9 at 23:29 UT, sunrise on March 10 at 11:40 UT. US clocks went from EST to EDT at
    // 02:00 on March 10, so that is 18:29 EST and 07:40 EDT, and the night lasts 23 hours.
    const night = nightSummary(florida, '2019-03-09', { timeZone: 'America/New_York' });
    assert.equal(night.from.toISOString(), '2019-03-09T17:00:00.000Z');
    assert.equal(night.to.toISOString(), '2019-03-10T16:00:00.000Z');
    assertLocal(night.sunset, 'America/New_York', '18:29', 'sunset');
    assertLocal(night.sunrise, 'America/New_York', '07:40', 'sunrise');
    assert.equal(night.polar, null);
    assertConsistent(night, florida);
  });

  it('handles the fall-back night (America/New_York, 2019-11-02 → 03)', () => {
    // Same USNO table: sunset on November 2 at 22:38 UT (18:38 EDT), sunrise on November 3
    // at 11:38 UT (06:38 EST after the 02:00 fall-back); 25 hours from noon to noon.
    const night = nightSummary(florida, '2019-11-02', { timeZone: 'America/New_York' });
    assert.equal((night.to.getTime() - night.from.getTime()) / HOUR, 25);
    assertLocal(night.sunset, 'America/New_York', '18:38', 'sunset');
    assertLocal(night.sunrise, 'America/New_York', '06:38', 'sunrise');
    assert.ok(night.midnight && night.midnight > night.sunset! && night.midnight < night.sunrise!);
    assertConsistent(night, florida);
  });

  it('crosses the date line: Auckland’s morning is the previous UTC day', () => {
    // USNO "Complete Sun and Moon Data for One Day" for Auckland (36.8485 S, 174.7633 E),
    // 2026-07-24 at UTC+12 (NZST), as quoted in go-sunrise's test fixtures: civil twilight
    // begins 06:58, sunrise 07:26, sunset 17:29, civil twilight ends 17:57.
    const auckland = { latitude: -36.8485, longitude: 174.7633 };
    const evening = nightSummary(auckland, '2026-07-24', { timeZone: 'Pacific/Auckland' });
    assertLocal(evening.sunset, 'Pacific/Auckland', '17:29', 'sunset');
    assertLocal(evening.civilDusk, 'Pacific/Auckland', '17:57', 'end of civil twilight');
    assert.equal(evening.sunset!.toISOString().slice(0, 10), '2026-07-24');
    const before = nightSummary(auckland, '2026-07-23', { timeZone: 'Pacific/Auckland' });
    assertLocal(before.civilDawn, 'Pacific/Auckland', '06:58', 'begin civil twilight');
    assertLocal(before.sunrise, 'Pacific/Auckland', '07:26', 'sunrise');
    // Local morning of the 24th = evening of the 23rd in UTC.
    assert.equal(before.sunrise!.toISOString().slice(0, 10), '2026-07-23');
    assertConsistent(evening, auckland);
  });

  it('matches USNO one-day data for London in summer (BST)', () => {
    // Same source: London (51.5074 N, 0.1278 W), 2026-07-24 at UTC+1: sunset 21:01, civil
    // twilight ends 21:43; the next morning is one day later in the table's series.
    const london = { latitude: 51.5074, longitude: -0.1278 };
    const night = nightSummary(london, '2026-07-24', { timeZone: 'Europe/London' });
    assertLocal(night.sunset, 'Europe/London', '21:01', 'sunset');
    assertLocal(night.civilDusk, 'Europe/London', '21:43', 'civil dusk');
    assertConsistent(night, london);
  });

  it('flags the midnight sun and the polar night at Longyearbyen', () => {
    // Longyearbyen (78.22 N): midnight sun 20 Apr – 21 Aug, polar night 26 Oct – 16 Feb
    // (Lonely Planet, "Midnight Sun & Polar Night" table).
    const longyearbyen = { latitude: 78.2232, longitude: 15.6267 };
    for (const date of ['2024-05-01', '2024-06-21', '2024-08-10']) {
      const night = nightSummary(longyearbyen, date, { timeZone: 'Arctic/Longyearbyen' });
      assert.equal(night.polar, 'midnight-sun', date);
      assert.equal(night.sunset, null);
      assert.equal(night.sunrise, null);
      assert.deepEqual(night.bands.map((b) => b.kind), ['day']);
      assert.equal(night.noAstronomicalDarkness, true);
      assert.equal(night.darkHours, 0);
      assertConsistent(night, longyearbyen);
    }
    for (const date of ['2024-11-15', '2024-12-21', '2025-01-31']) {
      const night = nightSummary(longyearbyen, date, { timeZone: 'Arctic/Longyearbyen' });
      assert.equal(night.polar, 'polar-night', date);
      assert.equal(night.sunrise, null);
      assert.ok(!night.bands.some((b) => b.kind === 'day'));
      assert.ok(night.darkHours > 10, `${date}: ${night.darkHours} h of darkness`);
      assertConsistent(night, longyearbyen);
    }
    const spring = nightSummary(longyearbyen, '2024-03-15', { timeZone: 'Arctic/Longyearbyen' });
    assert.equal(spring.polar, null);
    assert.ok(spring.sunset && spring.sunrise);
  });

  it('knows when the Moon stays up or stays down all night (USNO 80° N table)', () => {
    // fixtures/usno-moon-2019-E000-N80.txt: '****' (always above) on 16–23 January 2019,
    // '----' (always below) on 1–10 January; the Sun stays below all January (sun table).
    const north = { latitude: 80, longitude: 0 };
    const up = nightSummary(north, '2019-01-18');
    assert.equal(up.moonAlwaysUp, true);
    assert.equal(up.moonNeverUp, false);
    assert.deepEqual(up.moonEvents, []);
    assert.equal(up.moonFreeDarkHours, 0);
    assert.ok(up.darkHours > 0);
    assert.equal(up.polar, 'polar-night');

    const down = nightSummary(north, '2019-01-05');
    assert.equal(down.moonNeverUp, true);
    assert.equal(down.moonAlwaysUp, false);
    assert.equal(down.moonFreeDarkHours, down.darkHours);
    assertConsistent(up, north);
    assertConsistent(down, north);
  });

  it('splits darkness around the Moon on an ordinary night at Paranal', () => {
    const paranal = { latitude: -24.6272, longitude: -70.4042, elevation: 2635 };
    const night = nightSummary(paranal, '2024-03-20', { timeZone: 'America/Santiago' });
    const order = [night.sunset, night.civilDusk, night.nauticalDusk, night.astronomicalDusk, night.astronomicalDawn, night.nauticalDawn, night.civilDawn, night.sunrise];
    for (let i = 1; i < order.length; i++) assert.ok(order[i]! > order[i - 1]!, 'evening to morning order');
    // Solar antitransit sits halfway between sunset and sunrise to within a couple of minutes.
    const middle = (night.sunset!.getTime() + night.sunrise!.getTime()) / 2;
    assert.ok(Math.abs(night.midnight!.getTime() - middle) < 3 * 60_000);
    // A waxing gibbous Moon (full on 25 March 2024) sets during the night: dark time before
    // moonset is lost, so moon-free time starts at moonset.
    assert.equal(night.moon.waxing, true);
    assert.ok(night.moonset && night.moonset > night.astronomicalDusk! && night.moonset < night.astronomicalDawn!);
    assert.equal(night.moonFreeDarkIntervals.length, 1);
    assert.equal(night.moonFreeDarkIntervals[0].from.getTime(), night.moonset.getTime());
    assert.ok(Math.abs(night.moonFreeDarkHours - (night.astronomicalDawn!.getTime() - night.moonset.getTime()) / HOUR) < 1e-9);
    assertConsistent(night, paranal);
  });

  it('rejects a bad date, site or time zone with a RangeError', () => {
    const site = { latitude: 10, longitude: 10 };
    assert.throws(() => nightSummary(site, '2024-02-30'), /YYYY-MM-DD/);
    assert.throws(() => nightSummary(site, 'tonight'), RangeError);
    assert.throws(() => nightSummary({ latitude: -91, longitude: 0 }, '2024-01-01'), /latitude/);
    assert.throws(() => nightSummary({ latitude: 0, longitude: 180.5 }, '2024-01-01'), /longitude/);
    assert.throws(() => nightSummary(site, '2024-01-01', { timeZone: 'Moon/Tranquility' }), /Unknown time zone/);
  });
});

describe('darknessBands', () => {
  it('tiles a multi-day window starting from the Sun’s altitude at `from`', () => {
    const site = { latitude: 29, longitude: -81 };
    const from = new Date('2019-01-01T03:00Z'); // Sun far below: night
    const bands = darknessBands(site, from, new Date('2019-01-04T03:00Z'));
    assert.equal(bands[0].kind, 'night');
    assert.equal(bands[0].from.getTime(), from.getTime());
    assert.equal(bands.filter((b) => b.kind === 'day').length, 3);
    const cycle = ['night', 'astronomical', 'nautical', 'civil', 'day', 'civil', 'nautical', 'astronomical'];
    bands.forEach((band, i) => assert.equal(band.kind, cycle[i % cycle.length]));
    // Each band's middle has the Sun in the band's altitude range.
    const limits: Record<string, [number, number]> = { day: [-0.8333, 90], civil: [-6, -0.8333], nautical: [-12, -6], astronomical: [-18, -12], night: [-90, -18] };
    for (const band of bands) {
      const middle = new Date((band.from.getTime() + band.to.getTime()) / 2);
      const altitude = horizontal('sun', site, middle).altitude;
      assert.ok(altitude >= limits[band.kind][0] && altitude <= limits[band.kind][1], `${band.kind} at ${altitude}`);
    }
  });

  it('gives one band when nothing happens, and none for an empty window', () => {
    const pole = { latitude: 89, longitude: 0 };
    assert.deepEqual(darknessBands(pole, new Date('2024-06-01T00:00Z'), new Date('2024-06-02T00:00Z')).map((b) => b.kind), ['day']);
    assert.deepEqual(darknessBands(pole, new Date('2024-06-01T00:00Z'), new Date('2024-06-01T00:00Z')), []);
  });
});
