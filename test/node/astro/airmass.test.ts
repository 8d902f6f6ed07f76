import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { airmass } from '../../../src/astro/index.js';

describe('airmass (Kasten & Young 1989)', () => {
  it('matches pvlib’s reference values for the kastenyoung1989 model', () => {
    // pvlib-python tests/test_atmosphere.py, test_airmass['kastenyoung1989']: apparent
    // zenith angles 89.9°, 80°, 0° → 36.467, 5.586, 1.000 (absolute tolerance 0.001).
    assert.ok(Math.abs(airmass(90 - 89.9) - 36.467) < 0.001, `${airmass(0.1)}`);
    assert.ok(Math.abs(airmass(90 - 80) - 5.586) < 0.001, `${airmass(10)}`);
    assert.ok(Math.abs(airmass(90) - 1) < 0.001, `${airmass(90)}`);
  });

  it('stays close to the secant law high in the sky and grows towards the horizon', () => {
    // Above 60° altitude the plane-parallel sec z is within 0.5 % of the real air mass.
    for (const altitude of [60, 70, 80, 90]) {
      const secant = 1 / Math.sin((altitude * Math.PI) / 180);
      assert.ok(Math.abs(airmass(altitude) / secant - 1) < 0.005, `${altitude}°`);
    }
    let previous = airmass(90);
    for (let altitude = 89; altitude >= 0; altitude--) {
      const value = airmass(altitude);
      assert.ok(value > previous, `increasing at ${altitude}°`);
      previous = value;
    }
    assert.ok(airmass(0) > 37 && airmass(0) < 39);
  });

  it('returns Infinity below the horizon and NaN for non-numbers', () => {
    assert.equal(airmass(-0.01), Number.POSITIVE_INFINITY);
    assert.equal(airmass(-45), Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(airmass(Number.NaN)));
    assert.ok(Number.isNaN(airmass(null as never)));
    assert.ok(Number.isNaN(airmass(undefined as never)));
    assert.ok(Number.isNaN(airmass(Number.POSITIVE_INFINITY)));
    assert.equal(airmass(95), airmass(90));
  });
});
