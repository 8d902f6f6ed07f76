import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCrossings } from '../../../src/astro/search.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

describe('findCrossings', () => {
  it('reports each crossing at the first millisecond with the new sign, rising or falling', () => {
    // A sine of period one day, amplitude 10: zero at T0 + 0.3 day + 0.5 ms + k/2 day (never
    // on a whole millisecond, so the first one with the new sign is unambiguous).
    const phase = 0.3 * DAY + 0.5;
    const f = (ms: number): number => 10 * Math.sin((2 * Math.PI * (ms - T0 - phase)) / DAY);
    const crossings = findCrossings(f, T0, T0 + 2 * DAY, 20 * Math.PI);
    assert.deepEqual(
      crossings.map((c) => [c.ms - T0, c.rising]),
      [
        [phase, true],
        [phase + DAY / 2, false],
        [phase + DAY, true],
        [phase + 1.5 * DAY, false],
      ].map(([ms, rising]) => [Math.ceil(ms as number), rising]),
    );
    for (const { ms, rising } of crossings) {
      assert.equal(f(ms) >= 0, rising, 'new sign at the reported millisecond');
      assert.equal(f(ms - 1) < 0, rising, 'old sign a millisecond before');
    }
  });

  it('keeps to [from, to): a crossing at exactly `from` is in, one at `to` is out', () => {
    const at = T0 + 5 * HOUR;
    const f = (ms: number): number => ms - at;
    assert.deepEqual(findCrossings(f, at, at + HOUR, 2 * DAY), [{ ms: at, rising: true }]);
    assert.deepEqual(findCrossings(f, at + 1, at + HOUR, 2 * DAY), []);
    assert.deepEqual(findCrossings(f, at - HOUR, at, 2 * DAY), []);
    assert.deepEqual(findCrossings(f, at - HOUR, at + 1, 2 * DAY), [{ ms: at, rising: true }]);
    assert.deepEqual(findCrossings(f, at, at, 2 * DAY), []);
    assert.deepEqual(findCrossings(f, at + HOUR, at, 2 * DAY), []);
  });

  it('finds a brief dip across zero between two grid samples (a grazing rise and set)', () => {
    // Positive everywhere except a 10-minute dip in the middle of an hour step; the grid alone
    // would step over it, the rate bound makes the search look.
    const middle = T0 + 30 * 60_000;
    const f = (ms: number): number => Math.abs(ms - middle) / 60_000 - 5; // 1 unit per minute
    const rate = 1440; // units per day
    const crossings = findCrossings(f, T0, T0 + HOUR, rate);
    assert.deepEqual(
      crossings.map((c) => [c.ms - middle, c.rising]),
      [
        [-5 * 60_000 + 1, false],
        [5 * 60_000, true],
      ],
    );
  });

  it('filters by direction without refining the skipped crossings', () => {
    const calls: number[] = [];
    // A wrapped angle: rises through 0 at T0 + 6 h and jumps from +180 to -180 at T0 + 18 h.
    const f = (ms: number): number => {
      calls.push(ms);
      const degrees = ((ms - T0 - 6 * HOUR) / DAY) * 360;
      return degrees - 360 * Math.round(degrees / 360);
    };
    const rising = findCrossings(f, T0, T0 + DAY, 400, { direction: 1 });
    assert.deepEqual(rising, [{ ms: T0 + 6 * HOUR, rising: true }]);
    const evaluations = calls.length;
    calls.length = 0;
    const all = findCrossings(f, T0, T0 + DAY, 400);
    assert.equal(all.length, 2);
    assert.equal(all[1].rising, false);
    assert.ok(evaluations < calls.length, `${evaluations} evaluations with the filter, ${calls.length} without`);
  });

  it('steps on a coarser grid when asked and still finds every crossing', () => {
    const f = (ms: number): number => Math.sin((2 * Math.PI * (ms - T0)) / (29.5 * DAY)) - 0.5;
    const crossings = findCrossings(f, T0, T0 + 60 * DAY, (2 * Math.PI) / 29.5 + 0.01, { stepMs: DAY });
    assert.equal(crossings.length, 4);
    for (const { ms } of crossings) assert.ok(Math.abs(f(ms)) < 1e-8);
  });
});
