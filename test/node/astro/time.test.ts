import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  isValidTimeZone,
  localDateString,
  nightDate,
  nightWindow,
  parseDateString,
  zonedTime,
  zoneOffsetMinutes,
} from '../../../src/astro/index.js';

const iso = (date: Date): string => date.toISOString();

describe('zoneOffsetMinutes and isValidTimeZone', () => {
  it('gives standard and daylight offsets, including half- and quarter-hour zones', () => {
    assert.equal(zoneOffsetMinutes('Europe/Paris', new Date('2024-01-15T12:00Z')), 60);
    assert.equal(zoneOffsetMinutes('Europe/Paris', new Date('2024-07-15T12:00Z')), 120);
    assert.equal(zoneOffsetMinutes('America/New_York', new Date('2024-01-15T12:00Z')), -300);
    assert.equal(zoneOffsetMinutes('America/New_York', new Date('2024-07-15T12:00Z')), -240);
    assert.equal(zoneOffsetMinutes('Asia/Kolkata', new Date('2024-07-15T12:00Z')), 330);
    assert.equal(zoneOffsetMinutes('Asia/Kathmandu', new Date('2024-07-15T12:00Z')), 345);
    assert.equal(zoneOffsetMinutes('Pacific/Kiritimati', new Date('2024-07-15T12:00Z')), 840);
    assert.equal(zoneOffsetMinutes('UTC', new Date('2024-07-15T12:00Z')), 0);
  });

  it('changes exactly at the European switch of 31 March 2024, 01:00 UTC', () => {
    // timeanddate.com (France): on Sunday 31 March 2024 at 02:00 local standard time clocks
    // were turned forward to 03:00 local daylight time.
    assert.equal(zoneOffsetMinutes('Europe/Paris', new Date('2024-03-31T00:59:59Z')), 60);
    assert.equal(zoneOffsetMinutes('Europe/Paris', new Date('2024-03-31T01:00:00Z')), 120);
  });

  it('tells IANA names from anything else', () => {
    assert.equal(isValidTimeZone('America/Santiago'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isValidTimeZone(''), false);
    assert.equal(isValidTimeZone(undefined), false);
    assert.equal(isValidTimeZone(42), false);
    assert.throws(() => zoneOffsetMinutes('Nowhere/Special', new Date()), /Unknown time zone "Nowhere\/Special"/);
    assert.throws(() => zoneOffsetMinutes('UTC', new Date('no')), RangeError);
  });
});

describe('localDateString, parseDateString and addDays', () => {
  it('gives the local calendar date on either side of the date line', () => {
    const instant = new Date('2024-06-30T20:00:00Z');
    assert.equal(localDateString(instant, 'Pacific/Kiritimati'), '2024-07-01'); // UTC+14
    assert.equal(localDateString(instant, 'Pacific/Pago_Pago'), '2024-06-30'); // UTC-11
    assert.equal(localDateString(instant, 'Pacific/Tongatapu'), '2024-07-01'); // UTC+13
  });

  it('parses only real calendar dates written YYYY-MM-DD', () => {
    assert.deepEqual(parseDateString('2024-02-29'), { year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-5', '2024/01/05', ' 2024-01-05', 'tonight', '']) {
      assert.throws(() => parseDateString(bad), /expected a calendar date written YYYY-MM-DD/, bad);
    }
  });

  it('steps across months, years and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-12-31', 1), '2024-01-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2024-03-31', 0), '2024-03-31');
    assert.throws(() => addDays('2024-03-31', 0.5), RangeError);
  });
});

describe('zonedTime', () => {
  it('converts ordinary wall-clock readings', () => {
    assert.equal(iso(zonedTime('2024-01-15', '12:00', 'Europe/Paris')), '2024-01-15T11:00:00.000Z');
    assert.equal(iso(zonedTime('2024-07-15', '00:00', 'Pacific/Kiritimati')), '2024-07-14T10:00:00.000Z');
    assert.equal(iso(zonedTime('2024-07-15', '23:59', 'America/Santiago')), '2024-07-16T03:59:00.000Z');
  });

  it('moves a reading skipped by the spring-forward gap forward by the gap', () => {
    // Paris skips 02:00–03:00 on 2024-03-31 (timeanddate.com): 02:30 does not exist and is
    // read as 03:30 CEST = 01:30 UTC, as Temporal's 'compatible' disambiguation does.
    assert.equal(iso(zonedTime('2024-03-31', '02:30', 'Europe/Paris')), '2024-03-31T01:30:00.000Z');
    assert.equal(iso(zonedTime('2024-03-31', '03:00', 'Europe/Paris')), '2024-03-31T01:00:00.000Z');
    // New York skipped 02:00–03:00 on 2024-03-10.
    assert.equal(iso(zonedTime('2024-03-10', '02:15', 'America/New_York')), '2024-03-10T07:15:00.000Z');
  });

  it('takes the earlier of two readings in the fall-back overlap', () => {
    // Paris repeats 02:00–03:00 on 2024-10-27 (timeanddate.com): 02:30 CEST = 00:30 UTC first.
    assert.equal(iso(zonedTime('2024-10-27', '02:30', 'Europe/Paris')), '2024-10-27T00:30:00.000Z');
    // New York repeated 01:00–02:00 on 2024-11-03: 01:30 EDT = 05:30 UTC first.
    assert.equal(iso(zonedTime('2024-11-03', '01:30', 'America/New_York')), '2024-11-03T05:30:00.000Z');
  });

  it('rejects bad dates, times and zones with clear messages', () => {
    assert.throws(() => zonedTime('2024-02-30', '12:00', 'UTC'), /YYYY-MM-DD/);
    assert.throws(() => zonedTime('2024-02-10', '24:00', 'UTC'), /HH:MM/);
    assert.throws(() => zonedTime('2024-02-10', '7:00', 'UTC'), /HH:MM/);
    assert.throws(() => zonedTime('2024-02-10', '12:00', 'Europe/Pariss'), /Unknown time zone/);
  });
});

describe('nightDate and nightWindow', () => {
  const paranal = { latitude: -24.6272, longitude: -70.4042 };

  it('names the night by the evening it starts, switching at local noon', () => {
    // Santiago was UTC-3 in March 2024 (summer time until 6 April).
    assert.equal(nightDate(new Date('2024-03-11T05:00Z'), paranal, 'America/Santiago'), '2024-03-10'); // 02:00 local
    assert.equal(nightDate(new Date('2024-03-11T14:59Z'), paranal, 'America/Santiago'), '2024-03-10'); // 11:59 local
    assert.equal(nightDate(new Date('2024-03-11T15:00Z'), paranal, 'America/Santiago'), '2024-03-11'); // 12:00 local
  });

  it('uses mean solar time from the longitude when no zone is given', () => {
    // 70.4042° W: local mean time is UTC − 4h41m37s.
    assert.equal(nightDate(new Date('2024-03-11T16:40Z'), paranal), '2024-03-10');
    assert.equal(nightDate(new Date('2024-03-11T16:43Z'), paranal), '2024-03-11');
    const window = nightWindow('2024-03-10', paranal);
    assert.equal(window.from.getTime(), Date.parse('2024-03-10T12:00:00Z') + (70.4042 / 15) * 3_600_000);
    assert.equal(window.to.getTime() - window.from.getTime(), 86_400_000);
  });

  it('is 23 or 25 hours long on daylight-saving nights', () => {
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    const spring = nightWindow('2024-03-30', paris, 'Europe/Paris');
    assert.equal(iso(spring.from), '2024-03-30T11:00:00.000Z'); // 12:00 CET
    assert.equal(iso(spring.to), '2024-03-31T10:00:00.000Z'); // 12:00 CEST
    const autumn = nightWindow('2024-10-26', paris, 'Europe/Paris');
    assert.equal((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000, 25);
  });

  it('crosses the date line: a Kiritimati night starts before the UTC date begins', () => {
    const window = nightWindow('2024-07-01', { latitude: 1.87, longitude: -157.4 }, 'Pacific/Kiritimati');
    assert.equal(iso(window.from), '2024-06-30T22:00:00.000Z');
    assert.equal(nightDate(new Date('2024-06-30T22:00:00Z'), { longitude: -157.4 }, 'Pacific/Kiritimati'), '2024-07-01');
  });
});
