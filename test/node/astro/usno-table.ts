/**
 * Reads the USNO one-year rise/set tables stored in ./fixtures (see fixtures/README.md)
 * and compares events against them.
 */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

export interface UsnoDay {
  /** UT date, 'YYYY-MM-DD'. */
  date: string;
  /** Rise instants printed for that UT date, rounded to the minute. */
  rises: Date[];
  sets: Date[];
  /** '****' continuously above, '----' continuously below. */
  state: 'above' | 'below' | null;
}

const DAYS_IN_MONTH = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function readUsnoTable(file: string, year: number): UsnoDay[] {
  const text = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
  const days = new Map<string, UsnoDay>();
  for (const line of text.split('\n')) {
    const match = /^(\d\d) /.exec(line);
    if (!match) continue;
    const day = Number(match[1]);
    for (let month = 1; month <= 12; month++) {
      if (day > DAYS_IN_MONTH(year, month)) continue;
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const entry = days.get(date) ?? { date, rises: [], sets: [], state: null };
      days.set(date, entry);
      for (const [offset, list] of [[4, entry.rises], [9, entry.sets]] as const) {
        const cell = line.slice(4 + 11 * (month - 1) + (offset - 4), 4 + 11 * (month - 1) + (offset - 4) + 4);
        if (cell === '****') entry.state = 'above';
        else if (cell === '----') entry.state = 'below';
        else if (/^\d{4}$/.test(cell)) {
          const instant = new Date(`${date}T${cell.slice(0, 2)}:${cell.slice(2)}:00Z`);
          list.push(instant);
        } else assert.match(cell, /^ *$/, `${file}: unreadable cell ${JSON.stringify(cell)} on ${date}`);
      }
    }
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Asserts that the computed instants match the printed ones within `toleranceS` seconds:
 * each printed time has a computed event, and each computed event away from the day's
 * edges (where the table's rounding can move it to the neighbouring date) was printed.
 */
export function assertMatchesTable(label: string, printed: readonly Date[], computed: readonly Date[], dayStart: number, toleranceS: number): number {
  let worst = 0;
  for (const expected of printed) {
    const nearest = computed.reduce<Date | null>((best, time) =>
      best === null || Math.abs(time.getTime() - expected.getTime()) < Math.abs(best.getTime() - expected.getTime()) ? time : best, null);
    assert.ok(nearest, `${label}: USNO prints ${expected.toISOString().slice(11, 16)} but nothing was computed`);
    const error = Math.abs(nearest.getTime() - expected.getTime()) / 1000;
    worst = Math.max(worst, error);
    assert.ok(error <= toleranceS, `${label}: USNO ${expected.toISOString().slice(11, 16)}, computed ${nearest.toISOString().slice(11, 19)} (${error.toFixed(0)} s off)`);
  }
  for (const time of computed) {
    const ms = time.getTime();
    if (ms < dayStart + toleranceS * 1000 || ms > dayStart + 86_400_000 - toleranceS * 1000) continue;
    assert.ok(
      printed.some((expected) => Math.abs(expected.getTime() - ms) <= toleranceS * 1000),
      `${label}: computed ${time.toISOString()} which USNO does not print`,
    );
  }
  return worst;
}
