/**
 * The number engine (the private module src/core/decimal.ts), tested through the public API.
 *
 * Why not import the private module: everything it does that a user can meet reaches the public
 * API, and there it can be tested as the user meets it.
 * - matchesPrinted(exact, printed, mode) reads `exact` with the engine's strict plain-decimal
 *   parser and returns `expected`, the exact value rounded with the mode to the decimals of
 *   `printed`: the parser and the rounding of every printed figure, on any value.
 * - executionRate({ adjusted: '100', actual }) has `exact` = actual, so `exact` shows how the
 *   engine prints a value (plain, no exponent, no trailing zeros, never -0); other adjusted
 *   amounts show its division (50 significant digits, half-up).
 * - The isolation from a caller's `Decimal.set` is a fact about public results, so it is tested
 *   on them; so is "importing outturn changes nothing of the caller's decimal.js".
 * What is left private is not behaviour: that the constructor is a `Decimal.clone`, the names
 * of its constants, and the decimals counted in `100.`, a text every public parser refuses.
 * Tests of the private module would fail on a refactoring that changes no result, and pass on
 * a change of a public result made elsewhere; these do neither.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { evaluateIndicator, executionRate, matchesPrinted, parseQuantity, type RoundingMode } from 'outturn';
import { afterEach, describe, expect, it } from 'vitest';

/** decimal.js's own defaults, as a caller who never called Decimal.set has them. */
const DECIMAL_DEFAULTS = { precision: 20, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -7, toExpPos: 21 };
const settings = () => ({
  precision: Decimal.precision,
  rounding: Decimal.rounding,
  toExpNeg: Decimal.toExpNeg,
  toExpPos: Decimal.toExpPos,
});
/** Taken when this file is loaded, after outturn is imported. */
const AT_IMPORT = settings();

afterEach(() => {
  // Tests below play the caller who changes the global decimal.js settings: restore them.
  Decimal.set({ defaults: true });
});

/** The exact rate actual ÷ adjusted × 100, or the reason there is none. */
function exactRate(adjusted: string, actual: string): string {
  const r = executionRate({ adjusted, actual });
  return r.ok ? r.exact : r.code;
}

/** A zero printed with `decimals` decimals: `0`, `0.0`, `0.00`, … */
const zeroWith = (decimals: number): string => (decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`);

/** The exact value rounded with the mode to `decimals` places, as matchesPrinted gives it. */
function rounded(value: string, decimals: number, mode?: RoundingMode): string | undefined {
  return matchesPrinted(value, zeroWith(decimals), mode)?.expected;
}

describe('the number engine', () => {
  it('keeps 50 significant digits, at least the 40 of DESIGN §2 (issue 2 item 3)', () => {
    const exact = exactRate('321.19', '430.93');
    expect(exact).toBe('134.16669261184968398767084903016905881254086366325');
    expect(exact.replace(/\D/g, '').length).toBeGreaterThanOrEqual(40);
  });

  it('divides with 50 significant digits, the last one rounded half-up', () => {
    expect(exactRate('3', '1')).toBe(`33.${'3'.repeat(48)}`);
    expect(exactRate('3', '2')).toBe(`66.${'6'.repeat(47)}7`);
  });

  it('importing outturn leaves the global Decimal at its defaults', () => {
    expect(AT_IMPORT).toEqual(DECIMAL_DEFAULTS);
  });

  it('prints zero as 0 and a whole rate without decimals', () => {
    expect(exactRate('100', '0')).toBe('0');
    expect(exactRate('1', '1')).toBe('100');
    expect(executionRate({ adjusted: '1', actual: '1' })).toMatchObject({ printed: '100.00%' });
  });

  it("is not changed by a caller's Decimal.set, and does not change it", () => {
    Decimal.set({ precision: 2, rounding: Decimal.ROUND_DOWN, toExpPos: 2, toExpNeg: -2 });
    expect(executionRate({ adjusted: '321.19', actual: '430.93' })).toEqual({
      ok: true,
      exact: '134.16669261184968398767084903016905881254086366325',
      printed: '134.17%',
    });
    expect(rounded('1.005', 2)).toBe('1.01');
    expect(exactRate('100', '0.0015')).toBe('0.0015');
    expect(exactRate('0.01', '1000')).toBe('10000000');
    expect(evaluateIndicator({ target: '=100%', actual: '93.74%' }).deviation?.printed).toBe('-6.26%');
    // The caller's settings are intact after our calls, and still theirs.
    expect(settings()).toEqual({ precision: 2, rounding: Decimal.ROUND_DOWN, toExpNeg: -2, toExpPos: 2 });
    expect(new Decimal('430.93').dividedBy('321.19').toString()).toBe('1.3');
  });
});

describe('plain decimals (the `exact` argument of matchesPrinted)', () => {
  it.each([
    ['-12.345', '-12.345'],
    ['+1', '1'],
    ['0', '0'],
    ['.5', '0.5'],
    ['007', '7'],
    ['86.20', '86.20'],
    ['12345678901234567890.123456789', '12345678901234567890.123456789'],
    [' 1', '1'], // matchesPrinted trims the exact value
    ['1 ', '1'],
  ])('accepts %j as %s', (text, exact) => {
    const decimals = exact.includes('.') ? exact.length - exact.indexOf('.') - 1 : 0;
    expect(rounded(text, decimals)).toBe(exact);
  });

  it.each([
    '',
    '1e3',
    '1E3',
    '1,000',
    'NaN',
    'Infinity',
    '-Infinity',
    '1.2.3',
    '--1',
    '+-1',
    '0x10',
    '１２',
    '12%',
    '.',
    '-',
  ])('rejects %j', (text) => {
    expect(matchesPrinted(text, '1')).toBeNull();
  });
});

describe('rounding as published (四舍五入)', () => {
  // Where JS floats fail: 1.005 is 1.00499999999999989… as a double.
  it.each([
    ['1.005', 2, '1.01'],
    ['0.125', 2, '0.13'],
    ['2.675', 2, '2.68'],
    ['1.255', 2, '1.26'],
    ['-6.255', 2, '-6.26'],
    ['-0.125', 2, '-0.13'],
    ['134.16669261184968', 2, '134.17'],
    ['99.985', 2, '99.99'],
    ['86.2', 0, '86'],
    ['86.5', 0, '87'],
    ['-86.5', 0, '-87'],
    ['12.5', 2, '12.50'],
    ['100', 2, '100.00'],
    ['0.0000000000000000000000000000000000000005', 2, '0.00'],
  ] as const)('half-up %s to %i decimals is %s', (value, decimals, expected) => {
    expect(rounded(value, decimals)).toBe(expected);
    expect(rounded(value, decimals, 'half-up')).toBe(expected);
  });

  it.each([
    ['0.125', '0.12'],
    ['0.135', '0.14'],
    ['-0.125', '-0.12'],
    ['2.675', '2.68'],
    ['2.665', '2.66'],
  ])('half-even %s is %s', (value, expected) => {
    expect(rounded(value, 2, 'half-even')).toBe(expected);
  });

  it.each([
    ['99.985', '99.98'],
    ['99.999', '99.99'],
    ['-6.259', '-6.25'],
    ['1.005', '1.00'],
  ])('truncate %s is %s', (value, expected) => {
    expect(rounded(value, 2, 'truncate')).toBe(expected);
  });

  it.each(['-0.001', '-0.004', '-0', '-0.0049999'])('never prints a negative zero (%s)', (value) => {
    expect(rounded(value, 2)).toBe('0.00');
    expect(rounded(value, 0)).toBe('0');
    expect(rounded(value, 2, 'truncate')).toBe('0.00');
    expect(executionRate({ adjusted: '100', actual: value })).toMatchObject({ printed: '0.00%' });
  });

  it('differs from float toFixed on the classic half-way cases', () => {
    const cases: readonly [string, string][] = [
      ['1.005', '1.01'],
      ['1.015', '1.02'],
      ['1.025', '1.03'],
      ['1.045', '1.05'],
      ['2.675', '2.68'],
      ['0.285', '0.29'],
      ['1.255', '1.26'],
      ['5.015', '5.02'],
      ['10.235', '10.24'],
      ['35.855', '35.86'],
    ];
    for (const [value, expected] of cases) {
      expect(rounded(value, 2)).toBe(expected);
      expect(executionRate({ adjusted: '100', actual: value })).toMatchObject({ printed: `${expected}%` });
      expect(Number(value).toFixed(2)).not.toBe(expected);
    }
  });
});

describe('a printed figure is consistent when the exact value rounds to it', () => {
  it('with the mode it was printed with', () => {
    expect(matchesPrinted('1.005', '1.01')?.consistent).toBe(true);
    expect(matchesPrinted('99.985', '99.98', 'truncate')?.consistent).toBe(true);
    expect(matchesPrinted('0.125', '0.12', 'half-even')?.consistent).toBe(true);
    expect(matchesPrinted('-6.255', '-6.26')?.consistent).toBe(true);
  });
});

describe('exact values are plain decimal strings', () => {
  it.each([
    ['86.20', '100', '86.2'],
    ['-0', '100', '0'],
    ['0.000', '100', '0'],
    ['10000000000000000000000', '0.000001', '1000000000000000000000000000000'], // 1e30
    ['0.000001', '100000000000000000000', '0.000000000000000000000001'], // 1e-24
    ['-0.0000000015', '1000', '-0.00000000015'],
    ['123456789012345678901234', '0.000001', '12345678901234567890123400000000'],
  ])(
    'an actual of %s against %s gives the rate %s (plain, no exponent, no trailing zeros)',
    (actual, adjusted, exact) => {
      expect(exactRate(adjusted, actual)).toBe(exact);
    },
  );

  it('prints the rate of any two figures of up to 24 digits without an exponent', () => {
    const figure = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 12 }))
      .map(([n, s]) => {
        const digits = (n < 0n ? -n : n).toString().padStart(s + 1, '0');
        const text = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
        return n < 0n ? `-${text}` : text;
      });
    fc.assert(
      fc.property(figure, figure, (actual, adjusted) => {
        fc.pre(Number(adjusted) !== 0);
        const r = executionRate({ adjusted, actual });
        expect(r.ok).toBe(true);
        expect(r.ok && r.exact).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        expect(r.ok && r.printed).toMatch(/^-?\d+\.\d\d%$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('decimals of a printed figure', () => {
  it.each([
    ['86.20', 2],
    ['86', 0],
    ['0.0804', 4],
    ['-1.5', 1],
  ])('%s has %i decimals', (plain, n) => {
    expect(parseQuantity(plain)).toMatchObject({ ok: true, quantity: { decimals: n } });
  });

  it('100. is not a figure (a point without decimals), so it has no decimals to count', () => {
    expect(parseQuantity('100.')).toMatchObject({ ok: false, code: 'unparsable-value' });
  });
});
