/**
 * The scaled-integer arithmetic of the hot path (src/core/scaled.ts) gives the same values and
 * the same strings as the decimal.js path (src/core/decimal.ts) on every figure it accepts.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, PRECISION, quotientFixed, ROUNDING_MODES, toExact, toFixed } from '../src/core/decimal.js';
import {
  add,
  compare,
  divide,
  fixedString,
  plainString,
  quotientString,
  PRECISION as SCALED_PRECISION,
  type Scaled,
  scaledFromPlain,
  shift,
  subtract,
} from '../src/core/scaled.js';

/** A plain decimal string of up to `max` digits, some with many zeros, some tiny or huge. */
const plain = (max = 30) =>
  fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^[0-9]{1,30}$/),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom('', '0', '00000', '5', '50', '9999'),
    )
    .map(([neg, digits, point, tail]) => {
      const all = `${digits}${tail}`.slice(0, max);
      const p = Math.min(point, all.length - 1);
      const body = p === 0 ? all : `${all.slice(0, all.length - p)}.${all.slice(all.length - p)}`;
      return `${neg ? '-' : ''}${body}`;
    });

/** The reference for a once-rounded quotient: decimal.js at 1000 digits, truncated at decimals + 1. */
const Wide = Decimal.clone({
  precision: 1000,
  rounding: Decimal.ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
const MODES = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  truncate: Decimal.ROUND_DOWN,
};
function wideQuotient(num: string, den: string, decimals: number, mode: keyof typeof MODES): string {
  const n = new Wide(num);
  const d = new Wide(den);
  const scale = new Wide(10).pow(decimals + 1);
  const whole = n.times(scale).dividedToIntegerBy(d);
  const truncated = whole.dividedBy(scale);
  const above = !whole.times(d).equals(n.times(scale)) && whole.mod(10).abs().equals(5);
  const s = truncated.toFixed(decimals, mode === 'half-even' && above ? Decimal.ROUND_UP : MODES[mode]);
  return /^-0(?:\.0*)?$/.test(s) ? s.slice(1) : s;
}

const read = (s: string): Scaled => {
  const x = scaledFromPlain(s);
  if (x === null) throw new Error(`not read: ${s}`);
  return x;
};

describe('scaledFromPlain', () => {
  it.each([
    ['86', '86'],
    ['-12.345', '-12.345'],
    ['0.50', '0.5'],
    ['+7', '7'],
    ['-0.00', '0'],
    ['.5', '0.5'],
  ])('reads %s as %s', (text, exact) => {
    expect(plainString(read(text))).toBe(exact);
  });
  it.each(['', '-', '.', '1.2.3', '1e3', '１２', ' 1', '1,000', '1234567890123456789012345678901'])(
    'leaves %j to decimal.js',
    (text) => {
      expect(scaledFromPlain(text)).toBeNull();
    },
  );
});

const HUNDRED_SCALED = { n: 100n, s: 0 };

describe('scaled arithmetic equals decimal.js (50 significant digits, half-up)', () => {
  it('subtract, add, compare and the plain string', () => {
    fc.assert(
      fc.property(plain(), plain(), (a, b) => {
        const x = read(a);
        const y = read(b);
        expect(plainString(subtract(x, y))).toBe(toExact(dec(a).minus(b)));
        expect(plainString(add(x, y))).toBe(toExact(dec(a).plus(b)));
        expect(compare(x, y)).toBe(dec(a).comparedTo(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('divide, then ×100, then printed at 0–4 decimals in every mode', () => {
    fc.assert(
      fc.property(
        plain(),
        plain().filter((s) => !dec(s).isZero()),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...ROUNDING_MODES),
        (a, b, decimals, mode) => {
          const q = shift(divide(read(a), read(b)), 2);
          const d = dec(a).dividedBy(b).times(100);
          expect(plainString(q)).toBe(toExact(d));
          // The achievement, 100 ± the 50-digit quotient: a sum past 50 digits, rounded again.
          expect(plainString(add(q, HUNDRED_SCALED))).toBe(toExact(d.plus(100)));
          expect(plainString(subtract(HUNDRED_SCALED, q))).toBe(toExact(dec(100).minus(d)));
          expect(fixedString(q, decimals, mode)).toBe(toFixed(d, decimals, mode));
          const once = wideQuotient(a, b, decimals, mode);
          expect(quotientString(read(a), read(b), decimals, mode)).toBe(once);
          expect(quotientFixed(dec(a), dec(b), decimals, mode)).toBe(once);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['100.5', '100', 2, '1.01'], // 1.005, a half-up tie
    ['-625.5', '100', 2, '-6.26'],
    ['-0.001', '100', 2, '0.00'], // never -0
    ['1', '3', 2, '0.33'],
  ])('quotientString(%s, %s, %i) is %s', (n, d, decimals, printed) => {
    expect(quotientString(read(n), read(d), decimals, 'half-up')).toBe(printed);
  });
});

it('works at the precision of Dec', () => {
  expect(SCALED_PRECISION).toBe(PRECISION);
});
