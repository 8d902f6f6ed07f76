import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_SCORE_WEIGHTS,
  bestWindow,
  checkScoreWeights,
  cloudObstruction,
  dewPointFromHumidity,
  dewPointSpread,
  factorScores,
  nightScore,
  parseScoreWeights,
  scoreHour,
  scoreHours,
  seeingFromUpperWind,
  type HourScore,
} from '../../src/api/observing-score.js';
import { ArcApiError } from '../../src/api/errors.js';

const T0 = Date.UTC(2026, 2, 20, 0, 0);
const at = (hour: number) => new Date(T0 + hour * 3_600_000);

/** A perfect hour: clear, dry, calm. */
const clear = { cloudCover: 0, cloudLow: 0, cloudMid: 0, cloudHigh: 0, precipitationProbability: 0, humidity: 30, dewPoint: -10, temperature: 10, windSpeed: 2, windGusts: 4 };

const hour = (time: Date, score: number | null): HourScore => ({
  time,
  score,
  factors: { cloud: null, precipitation: null, humidity: null, wind: null },
  limiting: null,
  missing: [],
});

describe('factor scores', () => {
  test('a clear, dry, calm hour scores 100', () => {
    const s = scoreHour({ ...clear, time: at(0) });
    assert.equal(s.score, 100);
    assert.deepEqual(s.factors, { cloud: 1, precipitation: 1, humidity: 1, wind: 1 });
    assert.deepEqual(s.missing, []);
  });

  test('overcast, certain rain, fog or a closing wind each force the hour to 0', () => {
    assert.equal(scoreHour({ ...clear, cloudLow: 100, time: at(0) }).score, 0);
    assert.equal(scoreHour({ ...clear, precipitationProbability: 100, time: at(0) }).score, 0);
    assert.equal(scoreHour({ ...clear, humidity: 99, dewPoint: 9.9, time: at(0) }).score, 0);
    assert.equal(scoreHour({ ...clear, windSpeed: 16, time: at(0) }).score, 0);
    assert.equal(scoreHour({ ...clear, windGusts: 22, time: at(0) }).score, 0);
  });

  test('cloud layers overlap at random and high cloud blocks half as much', () => {
    assert.equal(cloudObstruction({ cloudLow: 50, cloudMid: 50, cloudHigh: 0, cloudCover: 99 }), 0.75);
    assert.equal(cloudObstruction({ cloudLow: 0, cloudMid: 0, cloudHigh: 100, cloudCover: 100 }), 0.5);
    // Without all three layers the total is used.
    assert.equal(cloudObstruction({ cloudLow: 10, cloudMid: null, cloudHigh: 0, cloudCover: 40 }), 0.4);
    assert.equal(cloudObstruction({}), null);
  });

  test('cloud is the heaviest default factor and counts linearly', () => {
    // Only the total known: 30 % cover → cloud factor 0.7 → score 70.
    const s = scoreHour({ ...clear, cloudLow: null, cloudMid: null, cloudHigh: null, cloudCover: 30, time: at(0) });
    assert.equal(s.score, 70);
    assert.equal(s.limiting, 'cloud');
  });

  test('lighter factors soften: 50 % rain probability with weight 0.2 of 0.5 gives 100·0.5^0.4', () => {
    const s = scoreHour({ ...clear, precipitationProbability: 50, time: at(0) });
    assert.equal(s.score, Math.round(100 * 0.5 ** 0.4));
    assert.equal(s.limiting, 'precipitation');
  });

  test('humidity factor takes the worse of RH and dew-point spread', () => {
    // RH 84 → (98 − 84) / 28 = 0.5; spread 10 − 7 = 3 °C → (3 − 1) / 4 = 0.5.
    assert.equal(factorScores({ humidity: 84, temperature: 10, dewPoint: 7 }).humidity, 0.5);
    // Dry air but the spread closed (a cold surface): the spread decides.
    assert.equal(factorScores({ humidity: 60, temperature: 10, dewPoint: 9.5 }).humidity, 0);
    assert.equal(factorScores({}).humidity, null);
  });

  test('dew point is derived from RH by Magnus when missing', () => {
    // Published check value: 20 °C at 50 % RH → dew point 9.3 °C.
    assert.ok(Math.abs(dewPointFromHumidity(20, 50)! - 9.3) < 0.05);
    assert.ok(Math.abs(dewPointFromHumidity(15, 100)! - 15) < 1e-9);
    assert.equal(dewPointFromHumidity(10, 0), null);
    assert.ok(Math.abs(dewPointSpread({ temperature: 20, humidity: 50 })! - 10.7) < 0.05);
    assert.equal(dewPointSpread({ humidity: 50 }), null);
  });

  test('wind factor takes the worse of sustained wind and gusts', () => {
    assert.equal(factorScores({ windSpeed: 10, windGusts: 10 }).wind, 0.5);
    assert.equal(factorScores({ windSpeed: 3, windGusts: 17.5 }).wind, 0.25);
    assert.equal(factorScores({ windSpeed: 3 }).wind, 1);
  });

  test('missing factors are left out and named; no cloud data means no score', () => {
    const partial = scoreHour({ time: at(0), cloudCover: 20 });
    assert.equal(partial.score, 80);
    assert.deepEqual(partial.missing, ['precipitation', 'humidity', 'wind']);
    const noCloud = scoreHour({ ...clear, cloudCover: null, cloudLow: null, time: at(0) });
    assert.equal(noCloud.score, null);
    assert.ok(noCloud.missing.includes('cloud'));
  });

  test('out-of-range inputs are clamped, not propagated', () => {
    const s = scoreHour({ time: at(0), cloudCover: 140, precipitationProbability: -20 });
    assert.equal(s.factors.cloud, 0);
    assert.equal(s.factors.precipitation, 1);
    assert.equal(s.score, 0);
  });
});

describe('weights', () => {
  test('overriding weights changes the score; only ratios matter', () => {
    const wet = { ...clear, precipitationProbability: 50, time: at(0) };
    const base = scoreHour(wet).score!;
    const heavy = scoreHour(wet, parseScoreWeights('cloud:0.5 precipitation:0.5')).score!;
    assert.equal(heavy, 50);
    assert.ok(heavy < base);
    assert.equal(scoreHour(wet, parseScoreWeights('cloud:1 precipitation:1')).score, heavy);
    assert.equal(scoreHour(wet, parseScoreWeights('precipitation:0')).score, 100);
  });

  test('parse accepts the documented forms and keeps unnamed defaults', () => {
    assert.deepEqual(parseScoreWeights('cloud:0.5 precipitation:0.2 humidity:0.15 wind:0.15'), DEFAULT_SCORE_WEIGHTS);
    assert.deepEqual(parseScoreWeights('cloud=1, wind=0.5'), { ...DEFAULT_SCORE_WEIGHTS, cloud: 1, wind: 0.5 });
    assert.deepEqual(parseScoreWeights('  Cloud: 2 ; humidity:0 '), { ...DEFAULT_SCORE_WEIGHTS, cloud: 2, humidity: 0 });
    assert.deepEqual(parseScoreWeights(''), DEFAULT_SCORE_WEIGHTS);
    assert.deepEqual(parseScoreWeights(null), DEFAULT_SCORE_WEIGHTS);
  });

  test('invalid weight text is an invalid-input error that says what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['seeing:0.3', /Unknown score factor “seeing”/],
      ['cloud:-1', /“cloud” must be a number ≥ 0/],
      ['cloud:abc', /got “abc”/],
      ['cloud:', /“cloud” must be a number/],
      ['cloud 0.5', /Could not read “cloud”/],
      ['cloud:1 cloud:2', /given twice/],
      ['cloud:0 precipitation:0 humidity:0 wind:0', /At least one score weight/],
    ];
    for (const [text, message] of cases) {
      assert.throws(
        () => parseScoreWeights(text),
        (e: unknown) => e instanceof ArcApiError && e.code === 'invalid-input' && message.test(e.message),
        text,
      );
    }
    assert.throws(() => checkScoreWeights({ wind: Number.NaN }), /“wind” must be a number/);
  });
});

describe('night score and best window', () => {
  const night = { from: at(0), to: at(8) };

  test('night score is the overlap-weighted mean of the hours in the window', () => {
    // Hours 0 and 8 overlap the window by half an hour only; hours outside do not count.
    const hours = [hour(at(-3), 0), hour(at(0), 20), ...[1, 2, 3, 4, 5, 6, 7].map((h) => hour(at(h), 80)), hour(at(8), 20), hour(at(9), 0)];
    assert.equal(nightScore(hours, night), Math.round((20 * 0.5 + 80 * 7 + 20 * 0.5) / 8));
    assert.equal(nightScore([hour(at(2), null)], night), null);
    assert.equal(nightScore([], night), null);
  });

  test('best window is the longest run near the best hour, clipped to the night', () => {
    const scores = [60, 90, 85, 40, 88, 92, 90, 86, 30];
    const hours = scores.map((s, i) => hour(at(i), s));
    const best = bestWindow(hours, night)!;
    // Best hour 92 → threshold 82: run 4…7 (4 hours) beats run 1…2.
    assert.deepEqual([best.from, best.to], [new Date(T0 + 3.5 * 3_600_000), new Date(T0 + 7.5 * 3_600_000)]);
    assert.equal(best.score, Math.round((88 + 92 + 90 + 86) / 4));
  });

  test('a run touching the window edge is clipped to it', () => {
    const hours = [90, 90, 20, 20, 20, 20, 20, 20, 20].map((s, i) => hour(at(i), s));
    const best = bestWindow(hours, night)!;
    assert.equal(best.from.getTime(), night.from.getTime());
    assert.equal(best.to.getTime(), T0 + 1.5 * 3_600_000);
    assert.equal(best.score, 90);
  });

  test('earliest run wins a tie; a missing hour breaks a run', () => {
    const hours = [80, 80, 10, 80, 80].map((s, i) => hour(at(i + 1), s));
    assert.equal(bestWindow(hours, night)!.from.getTime(), T0 + 0.5 * 3_600_000);
    const gappy = [hour(at(1), 80), hour(at(3), 80), hour(at(4), 80)];
    const best = bestWindow(gappy, night)!;
    assert.equal(best.from.getTime(), T0 + 2.5 * 3_600_000);
  });

  test('no best window when every hour is poor or unscored', () => {
    assert.equal(bestWindow([30, 35, 20].map((s, i) => hour(at(i + 1), s)), night), null);
    assert.equal(bestWindow([hour(at(2), null)], night), null);
    assert.ok(bestWindow([30, 35].map((s, i) => hour(at(i + 1), s)), night, { minScore: 30 }));
  });

  test('a reversed or invalid window is an invalid-input error', () => {
    assert.throws(() => nightScore([], { from: at(5), to: at(1) }), /valid start before its end/);
    assert.throws(() => bestWindow([], { from: new Date('x'), to: at(1) }), ArcApiError);
  });

  test('scoreHours scores a whole forecast in order', () => {
    const scored = scoreHours([{ ...clear, time: at(1) }, { ...clear, cloudCover: 100, cloudLow: 100, time: at(2) }]);
    assert.deepEqual(scored.map((h) => h.score), [100, 0]);
    assert.deepEqual(scored.map((h) => h.time), [at(1), at(2)]);
  });
});

test('seeing indicator from the 250 hPa wind', () => {
  assert.equal(seeingFromUpperWind(10), 'good');
  assert.equal(seeingFromUpperWind(20), 'fair');
  assert.equal(seeingFromUpperWind(35), 'fair');
  assert.equal(seeingFromUpperWind(50), 'poor');
  assert.equal(seeingFromUpperWind(null), null);
  assert.equal(seeingFromUpperWind(Number.NaN), null);
});
