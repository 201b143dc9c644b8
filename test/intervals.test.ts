import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, dec } from '../src/core/decimal.js';
import {
  add,
  allowsPrinted,
  compareRounded,
  divide,
  printedInterval,
  printedRange,
  quantityInterval,
  scale,
  sum,
} from '../src/core/intervals.js';

describe('interval arithmetic on printed figures', () => {
  it('a rate of 96.8% beside amounts printed 2.38 and 2.46 is allowed by their rounding', () => {
    const a = printedInterval(dec('2.38'), 2);
    const b = printedInterval(dec('2.46'), 2);
    const q = divide(a, b);
    if (q === null) throw new Error('no quotient');
    const pct = scale(q, dec(100));
    // The printed inputs taken as exact give 96.75% (96.7 at one decimal)…
    expect(dec('2.38').div('2.46').times(100).toFixed(1)).toBe('96.7');
    // …inputs in [2.375, 2.385] ÷ [2.455, 2.465] allow 96.8%.
    expect(allowsPrinted(pct, dec('96.8'), 1)).toBe(true);
    expect(printedRange(pct, 1)).toEqual({ low: '96.3', high: '97.1' });
    expect(allowsPrinted(pct, dec('97.2'), 1)).toBe(false);
  });

  it('a total 1 off the sum of 8 lines rounded to units is allowed; 5 off is not', () => {
    const lines = ['100', '200', '300', '400', '500', '600', '700', '800'].map((v) =>
      printedInterval(dec(v), 0),
    );
    const total = sum(lines);
    expect(allowsPrinted(total, dec('3601'), 0)).toBe(true);
    expect(allowsPrinted(total, dec('3605'), 0)).toBe(false);
  });

  it('a divisor interval containing zero gives no quotient', () => {
    expect(divide(printedInterval(dec('1'), 0), printedInterval(dec('0'), 2))).toBeNull();
  });

  it('truncation intervals lie on the side away from zero', () => {
    expect(printedInterval(dec('2.3'), 1, 'truncate').hi.toString()).toBe('2.4');
    expect(printedInterval(dec('-2.3'), 1, 'truncate').lo.toString()).toBe('-2.4');
  });

  it('a parsed quantity stands for its rounding interval, or itself when exact or a bound', () => {
    const q = (value: string, decimals: number, moreThan = false) => ({
      value,
      decimals,
      unit: null,
      moreThan,
      text: value,
    });
    const show = (i: { lo: Dec; hi: Dec }) => [i.lo.toString(), i.hi.toString()];
    expect(show(quantityInterval(q('2.38', 2)))).toEqual(['2.375', '2.385']);
    expect(show(quantityInterval(q('2.38', 2), 'truncate'))).toEqual(['2.38', '2.39']);
    expect(show(quantityInterval(q('-20.0', 1)))).toEqual(['-20.05', '-19.95']);
    expect(show(quantityInterval(q('2.38', 2), 'half-up', true))).toEqual(['2.38', '2.38']);
    expect(show(quantityInterval(q('100', 0, true)))).toEqual(['100', '100']);
  });

  it.each([
    // exact, interval, printed, decimals → consistent, byRounding, low, high
    ['96.747967', ['96.3', '97.1'], '96.8', 1, false, true, '96.3', '97.1'],
    // consistent: no interval is needed, none is printed
    ['96.747967', ['96.3', '97.1'], '96.7', 1, true, false, null, null],
    ['96.747967', ['96.3', '97.1'], '97.2', 1, false, false, '96.3', '97.1'],
    ['96.747967', null, '96.8', 1, false, false, null, null],
    // the closed upper bound 13 is allowed; a half-up tie just beyond it at one decimal is not
    ['12', ['11', '13'], '13', 0, false, true, '11', '13'],
    ['12', ['11', '13'], '13.5', 1, false, false, '11.0', '13.0'],
  ] as const)(
    'compareRounded(%s, %j, %s at %i decimals)',
    (exact, inputs, printed, d, consistent, byRounding, low, high) => {
      const i = inputs === null ? null : { lo: dec(inputs[0]), hi: dec(inputs[1]) };
      const c = compareRounded(dec(exact), i, {
        value: printed,
        decimals: d,
        unit: null,
        moreThan: false,
        text: printed,
      });
      expect([c.consistent, c.byRounding, c.low, c.high]).toEqual([consistent, byRounding, low, high]);
    },
  );

  it('compareRounded calls an interval given as a function only when the exact comparison fails', () => {
    const printed = (value: string) => ({ value, decimals: 1, unit: null, moreThan: false, text: value });
    let calls = 0;
    const inputs = () => {
      calls += 1;
      return { lo: dec('96.3'), hi: dec('97.1') };
    };
    expect(compareRounded(dec('96.747967'), inputs, printed('96.7')).consistent).toBe(true);
    expect(calls).toBe(0);
    const c = compareRounded(dec('96.747967'), inputs, printed('96.8'));
    expect([calls, c.consistent, c.byRounding, c.low, c.high]).toEqual([1, false, true, '96.3', '97.1']);
  });

  it('law: the exact result of any inputs that round to the printed ones is inside the interval', () => {
    const cents = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: 3 }), (x, y, d) => {
        const a = new Dec(x).div(100);
        const b = new Dec(y).div(100);
        const pa = a.toDecimalPlaces(d, Dec.ROUND_HALF_UP);
        const pb = b.toDecimalPlaces(d, Dec.ROUND_HALF_UP);
        const s = add(printedInterval(pa, d), printedInterval(pb, d));
        const exact = a.plus(b);
        expect(allowsPrinted(s, exact.toDecimalPlaces(d, Dec.ROUND_HALF_UP), d)).toBe(true);
        if (pb.isPos()) {
          const q = divide(printedInterval(pa, d), printedInterval(pb, d));
          if (q !== null) {
            const rate = a.div(b).times(100);
            expect(allowsPrinted(scale(q, dec(100)), rate.toDecimalPlaces(2, Dec.ROUND_HALF_UP), 2)).toBe(
              true,
            );
          }
        }
      }),
    );
  });
});
