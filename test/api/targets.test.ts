import { expect } from '@open-wc/testing';
import { ArcApiError } from '../../src/api/errors.js';
import { formatDec, formatRA, looksLikeCoordinates, parseCoordinates, parseTargetList, resolveTargets } from '../../src/api/targets.js';

const M42 = { ra: (5 + 35 / 60 + 17.3 / 3600) * 15, dec: -(5 + 23 / 60 + 28 / 3600) };

function parseError(text: string): ArcApiError {
  try {
    parseCoordinates(text);
  } catch (e) {
    expect(e, text).to.be.instanceOf(ArcApiError);
    expect((e as ArcApiError).code, text).to.equal('invalid-input');
    return e as ArcApiError;
  }
  throw new Error(`“${text}” parsed, but should not`);
}

function expectCoordinates(text: string, ra: number, dec: number) {
  const c = parseCoordinates(text);
  expect(c.ra, `${text} → RA`).to.be.closeTo(ra, 1e-9);
  expect(c.dec, `${text} → Dec`).to.be.closeTo(dec, 1e-9);
}

describe('parseCoordinates', () => {
  it('reads decimal degrees', () => {
    expectCoordinates('83.82 -5.39', 83.82, -5.39);
    expectCoordinates('  83.82   +5.39 ', 83.82, 5.39);
    expectCoordinates('83.82, -5.39', 83.82, -5.39);
    expectCoordinates('83.82-5.39', 83.82, -5.39);
    expectCoordinates('0 -90', 0, -90);
    expectCoordinates('359.999 90', 359.999, 90);
    expectCoordinates('.5 .25', 0.5, 0.25);
    expectCoordinates('83.82° -5.39°', 83.82, -5.39);
  });

  it('reads colon sexagesimal with RA in hours', () => {
    expectCoordinates('05:35:17.3 -05:23:28', M42.ra, M42.dec);
    expectCoordinates('05:35:17.3-05:23:28', M42.ra, M42.dec);
    expectCoordinates('05:35 -05:23', (5 + 35 / 60) * 15, -(5 + 23 / 60));
    expectCoordinates('24:00:00 +00:00:00', 0, 0);
  });

  it('reads h/m/s and d/m/s markers, with or without spaces and typographic signs', () => {
    expectCoordinates('05h35m17.3s -05d23m28s', M42.ra, M42.dec);
    expectCoordinates('05h 35m 17.3s −05° 23′ 28″', M42.ra, M42.dec);
    expectCoordinates("05h35m17.3s -05°23'28\"", M42.ra, M42.dec);
    expectCoordinates("05h35m17.3s -05°23'28''", M42.ra, M42.dec);
    expectCoordinates('5.5h 10', 82.5, 10);
    expectCoordinates('83d49m19.5s -05d23m28s', 83 + 49 / 60 + 19.5 / 3600, M42.dec);
  });

  it('reads space-separated sexagesimal', () => {
    expectCoordinates('5 35 17.3 -5 23 28', M42.ra, M42.dec);
    expectCoordinates('5 35 17.3 5 23 28', M42.ra, -M42.dec);
    expectCoordinates('05 35 -05 23', (5 + 35 / 60) * 15, -(5 + 23 / 60));
  });

  it('keeps the sign of a declination whose degrees are zero', () => {
    expectCoordinates('12:00:00 -00:30:00', 180, -0.5);
    expectCoordinates('12 0 0 -0 30 0', 180, -0.5);
  });

  it('rejects empty and unreadable input with a message that shows the expected forms', () => {
    expect(parseError('').message).to.equal('No coordinates given.');
    expect(parseError('   ').message).to.equal('No coordinates given.');
    const e = parseError('M42');
    expect(e.message).to.contain('“M42”');
    expect(e.message).to.contain('83.82 -5.39');
    for (const text of ['83.82', '1 2 3', '10 20 30 40 50 60 70 80', '1,2,3', '10 +-20', '5h 5h', '1e2 5', '10 20x', '05:35:17.3.2 -05', '05.5:35 10', '05:35:17:11 10', '10 --5', '10 -05h30m']) {
      parseError(text);
    }
  });

  it('rejects RA out of range in hours and in degrees, and negative RA', () => {
    expect(parseError('24:00:01 10').message).to.contain('0–24 h');
    expect(parseError('25h 10').message).to.contain('0–24 h');
    expect(parseError('360.5 10').message).to.contain('0–360°');
    expect(parseError('-10 20').message).to.contain('negative');
  });

  it('rejects Dec beyond ±90°', () => {
    expect(parseError('10 90.0001').message).to.contain('−90° to +90°');
    expect(parseError('05:35:17 -91:00:00').message).to.contain('−90° to +90°');
    parseError('05h35m -90d00m01s');
  });

  it('rejects minutes and seconds of 60 or more', () => {
    expect(parseError('05:60:00 10').message).to.contain('below 60');
    expect(parseError('05:35:60 10').message).to.contain('below 60');
    expect(parseError('10 -05:23:60.5').message).to.contain('below 60');
    parseError('05h61m 10');
  });
});

describe('looksLikeCoordinates', () => {
  it('tells coordinates from object names', () => {
    for (const c of ['83.82 -5.39', '05:35:17 -05:23:28', '05h35m17s -05d23m28s', '+1 2']) expect(looksLikeCoordinates(c), c).to.equal(true);
    for (const n of ['M42', 'NGC 253', '3C 273', '51 Peg', '61 Cygni A', 'Sgr A*', 'HD 209458', '']) expect(looksLikeCoordinates(n), n).to.equal(false);
  });
});

describe('parseTargetList', () => {
  it('splits on semicolons into names, coordinates and invalid entries', () => {
    const specs = parseTargetList(' M42; NGC 253 ;83.82 -5.39;; 3C 273; 99 99 ;');
    expect(specs.map((s) => [s.input, s.kind])).to.deep.equal([
      ['M42', 'name'],
      ['NGC 253', 'name'],
      ['83.82 -5.39', 'coordinates'],
      ['3C 273', 'name'],
      ['99 99', 'invalid'],
    ]);
    const coords = specs[2];
    expect(coords.kind === 'coordinates' && [coords.ra, coords.dec]).to.deep.equal([83.82, -5.39]);
    const invalid = specs[4];
    expect(invalid.kind === 'invalid' && invalid.error.code).to.equal('invalid-input');
  });

  it('reads labelled coordinates with “:” or “=”, and leaves sexagesimal colons alone', () => {
    const [a, b, c] = parseTargetList('Orion: 05:35:17.3 -05:23:28; 3C 273 = 187.2779 2.0524; 05:35:17.3 -05:23:28');
    expect(a).to.deep.include({ kind: 'coordinates', name: 'Orion' });
    expect(b).to.deep.include({ kind: 'coordinates', name: '3C 273', ra: 187.2779, dec: 2.0524 });
    expect(c.kind).to.equal('coordinates');
    expect(c).to.not.have.property('name');
  });

  it('returns nothing for an empty list', () => {
    expect(parseTargetList('')).to.deep.equal([]);
    expect(parseTargetList(' ; ; ')).to.deep.equal([]);
  });
});

describe('resolveTargets (no names to resolve)', () => {
  it('passes coordinates through and reports invalid items without touching the client', async () => {
    const unused = {
      object: () => Promise.reject(new Error('the client must not be called for coordinates')),
    };
    const results = await resolveTargets(unused, 'Orion: 83.82 -5.39; 91 91; 10 20');
    expect(results).to.have.length(3);
    expect(results[0]).to.deep.equal({ ok: true, input: 'Orion: 83.82 -5.39', target: { name: 'Orion', ra: 83.82, dec: -5.39 } });
    expect(results[1].ok).to.equal(false);
    expect(!results[1].ok && results[1].error.code).to.equal('invalid-input');
    expect(results[2]).to.deep.equal({ ok: true, input: '10 20', target: { name: '10 20', ra: 10, dec: 20 } });
  });
});

describe('formatRA and formatDec', () => {
  it('format M42', () => {
    expect(formatRA(M42.ra)).to.equal('05h 35m 17.3s');
    expect(formatDec(M42.dec)).to.equal('−05° 23′ 28″');
  });

  it('carry rounded seconds into minutes and hours', () => {
    expect(formatRA(((5 + 59 / 60 + 59.96 / 3600) * 15))).to.equal('06h 00m 00.0s');
    expect(formatRA(359.99999)).to.equal('00h 00m 00.0s');
    expect(formatDec(10 + 59 / 60 + 59.6 / 3600)).to.equal('+11° 00′ 00″');
  });

  it('wrap RA and honour the requested decimals', () => {
    expect(formatRA(-15)).to.equal('23h 00m 00.0s');
    expect(formatRA(375)).to.equal('01h 00m 00.0s');
    expect(formatRA(M42.ra, 0)).to.equal('05h 35m 17s');
    expect(formatDec(M42.dec, 1)).to.equal('−05° 23′ 28.0″');
  });

  it('never write a negative zero', () => {
    expect(formatDec(-0.00001)).to.equal('+00° 00′ 00″');
    expect(formatDec(-0.5)).to.equal('−00° 30′ 00″');
    expect(formatDec(90)).to.equal('+90° 00′ 00″');
  });

  it('return an empty string for non-finite input', () => {
    expect(formatRA(NaN)).to.equal('');
    expect(formatDec(Infinity)).to.equal('');
  });
});
