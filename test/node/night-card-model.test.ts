// Pure helpers of <arc-night-card>: the strip's span, the scored window, Moon-up intervals, hour ticks, the drawn Moon.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nightSummary } from '../../src/astro/night.js';
import { zoneOffsetMinutes } from '../../src/astro/time.js';
import {
  clip,
  forecastCovers,
  hourTicks,
  hoursMinutes,
  moonUpIntervals,
  percentAlong,
  rating,
  scoringWindow,
  timelineRange,
} from '../../src/elements/night-card/night-model.js';
import { litOnRight, litPath } from '../../src/elements/night-card/moon-disc.js';

const HOUR = 3_600_000;
const PARANAL = { latitude: -24.6272, longitude: -70.4042, elevation: 2635 };
const TROMSO = { latitude: 69.65, longitude: 18.96, elevation: 10 };
const at = (iso: string) => new Date(iso);

describe('timeline and scored window', () => {
  const night = nightSummary(PARANAL, '2026-03-21', { timeZone: 'America/Santiago' });

  test('the strip runs from an hour before sunset to an hour after sunrise', () => {
    const range = timelineRange(night);
    assert.equal(range.from.getTime(), night.sunset!.getTime() - HOUR);
    assert.equal(range.to.getTime(), night.sunrise!.getTime() + HOUR);
  });

  test('on an ordinary night the score covers the astronomical night', () => {
    const w = scoringWindow(night);
    assert.equal(w.darkness, 'night');
    assert.equal(w.from.getTime(), night.astronomicalDusk!.getTime());
    assert.equal(w.to.getTime(), night.astronomicalDawn!.getTime());
  });

  test('a bright summer night is scored over its darkest twilight', () => {
    const london = nightSummary({ latitude: 52, longitude: 0 }, '2026-06-21', { timeZone: 'Europe/London' });
    assert.equal(london.noAstronomicalDarkness, true);
    const w = scoringWindow(london);
    assert.equal(w.darkness, 'astronomical');
    assert.equal(w.from.getTime(), london.nauticalDusk!.getTime());
    assert.equal(w.to.getTime(), london.nauticalDawn!.getTime());
  });

  test('under the midnight Sun the strip is the whole noon-to-noon window and the score covers it', () => {
    const june = nightSummary(TROMSO, '2026-06-21', { timeZone: 'Europe/Oslo' });
    assert.equal(june.polar, 'midnight-sun');
    const range = timelineRange(june);
    assert.deepEqual([range.from, range.to], [june.from, june.to]);
    assert.equal(scoringWindow(june).darkness, 'day');
  });
});

describe('Moon-up intervals', () => {
  const base = { from: at('2026-03-21T15:00:00Z'), to: at('2026-03-22T15:00:00Z') };

  test('a moonset first means the Moon was up at the start', () => {
    const up = moonUpIntervals({
      ...base,
      moonAlwaysUp: false,
      moonEvents: [
        { kind: 'moonrise', time: at('2026-03-22T10:00:00Z') },
        { kind: 'moonset', time: at('2026-03-21T20:00:00Z') },
      ],
    });
    assert.deepEqual(up, [
      { from: base.from, to: at('2026-03-21T20:00:00Z') },
      { from: at('2026-03-22T10:00:00Z'), to: base.to },
    ]);
  });

  test('no events: the whole window or nothing', () => {
    assert.deepEqual(moonUpIntervals({ ...base, moonAlwaysUp: true, moonEvents: [] }), [{ from: base.from, to: base.to }]);
    assert.deepEqual(moonUpIntervals({ ...base, moonAlwaysUp: false, moonEvents: [] }), []);
  });

  test('agrees with the summary’s Moon-free darkness', () => {
    const night = nightSummary(PARANAL, '2026-03-28', { timeZone: 'America/Santiago' });
    const up = moonUpIntervals(night);
    const darkMs = night.darkIntervals.reduce((s, i) => s + i.to.getTime() - i.from.getTime(), 0);
    const upInDark = night.darkIntervals.flatMap((d) => clip(up, d)).reduce((s, i) => s + i.to.getTime() - i.from.getTime(), 0);
    assert.ok(Math.abs((darkMs - upInDark) / HOUR - night.moonFreeDarkHours) < 1e-6);
  });
});

describe('axis helpers', () => {
  test('hour ticks fall on local whole hours, also in a half-hour zone', () => {
    const range = { from: at('2026-03-21T12:10:00Z'), to: at('2026-03-21T16:50:00Z') };
    const kolkata = hourTicks(range, (d) => zoneOffsetMinutes('Asia/Kolkata', d));
    assert.deepEqual(kolkata.map((d) => d.toISOString().slice(11, 16)), ['12:30', '13:30', '14:30', '15:30', '16:30']);
    const utc = hourTicks(range, () => 0);
    assert.deepEqual(utc.map((d) => d.getUTCHours()), [13, 14, 15, 16]);
  });

  test('positions along a range are clamped percentages', () => {
    const range = { from: at('2026-03-21T00:00:00Z'), to: at('2026-03-21T10:00:00Z') };
    assert.equal(percentAlong(at('2026-03-21T05:00:00Z'), range), 50);
    assert.equal(percentAlong(at('2026-03-20T05:00:00Z'), range), 0);
    assert.equal(percentAlong(at('2026-03-22T05:00:00Z'), range), 100);
  });

  test('durations, ratings and the forecast horizon', () => {
    assert.deepEqual(hoursMinutes(7.6), { h: 7, m: 36 });
    assert.deepEqual(hoursMinutes(1.9999), { h: 2, m: 0 });
    assert.deepEqual([rating(70), rating(69), rating(40), rating(39)], ['good', 'fair', 'fair', 'poor']);
    assert.equal(forecastCovers('2026-03-21', '2026-03-21'), true);
    assert.equal(forecastCovers('2026-04-04', '2026-03-21'), true);
    assert.equal(forecastCovers('2026-04-05', '2026-03-21'), false);
    assert.equal(forecastCovers('2025-12-19', '2026-03-21'), true);
    assert.equal(forecastCovers('2025-12-18', '2026-03-21'), false);
  });
});

describe('the drawn Moon', () => {
  test('a waxing Moon is lit on the right from the north and on the left from the south', () => {
    assert.equal(litOnRight(true, 45), true);
    assert.equal(litOnRight(true, -30), false);
    assert.equal(litOnRight(false, 45), false);
    assert.equal(litOnRight(false, -30), true);
  });

  test('the terminator is a half ellipse of semi-axis r·|1 − 2k|, bulging to the lit side for a crescent', () => {
    assert.equal(litPath(0, true, 10), '');
    assert.match(litPath(1, true, 10), /A 10 10 0 1 1 .* A 10 10 0 1 1/);
    // 25 % lit, on the right: limb through the right (sweep 1), terminator back through the right (sweep 0), rx = 5.
    assert.equal(litPath(0.25, true, 10), 'M 10 0 A 10 10 0 0 1 10 20 A 5 10 0 0 0 10 0 Z');
    // 75 % lit, on the left: limb through the left (sweep 0), terminator through the right (sweep 0).
    assert.equal(litPath(0.75, false, 10), 'M 10 0 A 10 10 0 0 0 10 20 A 5 10 0 0 0 10 0 Z');
    // Half lit: the terminator is a straight line (rx 0).
    assert.match(litPath(0.5, true, 10), / A 0 10 /);
  });
});
