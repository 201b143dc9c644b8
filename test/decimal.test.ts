import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Dec,
  dec,
  decimalFromPlain,
  decimalsOf,
  HUNDRED,
  ONE,
  PRECISION,
  round,
  toExact,
  toFixed,
  ZERO,
} from '../src/core/decimal.js';

const CALLER_DEFAULTS = { precision: Decimal.precision, rounding: Decimal.rounding };

afterEach(() => {
  // Tests below play the caller who changes the global decimal.js settings: restore them.
  Decimal.set({ defaults: true });
  Decimal.set(CALLER_DEFAULTS);
});

describe('the private decimal constructor', () => {
  it('keeps at least 40 significant digits, half-up (DESIGN §2, issue 2 item 3)', () => {
    expect(PRECISION).toBeGreaterThanOrEqual(40);
    expect(Dec.precision).toBe(PRECISION);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
  });

  it('is a clone, not the global constructor', () => {
    expect(Dec).not.toBe(Decimal);
    expect(dec('1')).toBeInstanceOf(Dec);
  });

  it('divides with PRECISION significant digits', () => {
    expect(toExact(ONE.dividedBy(3))).toBe(`0.${'3'.repeat(PRECISION)}`);
    expect(toExact(dec(2).dividedBy(3))).toBe(`0.${'6'.repeat(PRECISION - 1)}7`);
  });

  it('has the constants it names', () => {
    expect(toExact(ZERO)).toBe('0');
    expect(toExact(ONE)).toBe('1');
    expect(toExact(HUNDRED)).toBe('100');
  });

  it("is not changed by a caller's Decimal.set, and does not change it", () => {
    Decimal.set({ precision: 3, rounding: Decimal.ROUND_DOWN, toExpPos: 2, toExpNeg: -2 });
    expect(toExact(dec('430.93').dividedBy('321.19').times(HUNDRED))).toBe(
      '134.16669261184968398767084903016905881254086366325',
    );
    expect(toFixed(dec('1.005'), 2)).toBe('1.01');
    expect(Dec.precision).toBe(PRECISION);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
    // The caller's settings are intact after our calls.
    expect(Decimal.precision).toBe(3);
    expect(Decimal.rounding).toBe(Decimal.ROUND_DOWN);
    expect(new Decimal('430.93').dividedBy('321.19').toString()).toBe('1.34');
  });
});

describe('decimalFromPlain', () => {
  it.each([
    ['-12.345', '-12.345'],
    ['+1', '1'],
    ['0', '0'],
    ['.5', '0.5'],
    ['007', '7'],
    ['86.20', '86.2'],
    ['12345678901234567890.123456789', '12345678901234567890.123456789'],
  ])('accepts %j as %s', (text, exact) => {
    const d = decimalFromPlain(text);
    expect(d).not.toBeNull();
    expect(toExact(d as Dec)).toBe(exact);
  });

  it.each([
    '',
    ' 1',
    '1 ',
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
    expect(decimalFromPlain(text)).toBeNull();
  });
});

describe('toFixed: rounding as published (四舍五入)', () => {
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
    expect(toFixed(dec(value), decimals)).toBe(expected);
    expect(toFixed(dec(value), decimals, 'half-up')).toBe(expected);
  });

  it.each([
    ['0.125', '0.12'],
    ['0.135', '0.14'],
    ['-0.125', '-0.12'],
    ['2.675', '2.68'],
    ['2.665', '2.66'],
  ])('half-even %s is %s', (value, expected) => {
    expect(toFixed(dec(value), 2, 'half-even')).toBe(expected);
  });

  it.each([
    ['99.985', '99.98'],
    ['99.999', '99.99'],
    ['-6.259', '-6.25'],
    ['1.005', '1.00'],
  ])('truncate %s is %s', (value, expected) => {
    expect(toFixed(dec(value), 2, 'truncate')).toBe(expected);
  });

  it.each(['-0.001', '-0.004', '-0', '-0.0049999'])('never prints a negative zero (%s)', (value) => {
    expect(toFixed(dec(value), 2)).toBe('0.00');
    expect(toFixed(dec(value), 0)).toBe('0');
    expect(toFixed(dec(value), 2, 'truncate')).toBe('0.00');
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
      expect(toFixed(dec(value), 2)).toBe(expected);
      expect(Number(value).toFixed(2)).not.toBe(expected);
    }
  });
});

describe('round', () => {
  it('rounds to a decimal value with the mode', () => {
    expect(round(dec('1.005'), 2).equals(dec('1.01'))).toBe(true);
    expect(round(dec('99.985'), 2, 'truncate').equals(dec('99.98'))).toBe(true);
    expect(round(dec('0.125'), 2, 'half-even').equals(dec('0.12'))).toBe(true);
    expect(round(dec('-6.255'), 2).equals(dec('-6.26'))).toBe(true);
  });
});

describe('toExact', () => {
  it.each([
    ['86.20', '86.2'],
    ['-0', '0'],
    ['0.000', '0'],
    ['1e30', '1000000000000000000000000000000'],
    ['1e-20', '0.00000000000000000001'],
    ['-1.5e-10', '-0.00000000015'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('prints %s as %s (plain, no exponent, no trailing zeros)', (value, expected) => {
    expect(toExact(dec(value))).toBe(expected);
  });

  it('prints any product of plain decimals without an exponent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 40 }),
        (n, s) => {
          const out = toExact(dec(n.toString()).dividedBy(dec(10).pow(s)));
          expect(out).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('decimalsOf', () => {
  it.each([
    ['86.20', 2],
    ['86', 0],
    ['0.0804', 4],
    ['-1.5', 1],
    ['100.', 0],
  ])('%s has %i decimals', (plain, n) => {
    expect(decimalsOf(plain)).toBe(n);
  });
});
