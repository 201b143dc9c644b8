/**
 * The fast paths of the two readers give what the full grammars give (issue 16): the simple
 * targets (`≥90%`, `=100%`, `≥11 次`, `95%`) read by one regular expression in parseTarget, and
 * the simple quantities (`93.74%`, `11 次`, `117余次`) in parseQuantity, and the check of a
 * printed figure on the exact string (consistentWithText) in validateReport. Generated text is built
 * from the pieces of the notations, including those that must leave the fast path (dates,
 * comparator words after the number, conjunctions, ranges, Latin units).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, ROUNDING_MODES, toExact, toFixed } from '../src/core/decimal.js';
import { comparePrinted, consistentWithText } from '../src/core/printed.js';
import { isNothingPrinted, parseQuantity, parseQuantityText, printsNothing } from '../src/core/quantity.js';
import { normalizeText } from '../src/core/text.js';
import { byLastCharacter } from '../src/figures/direction.js';
import { evaluateIndicator } from '../src/figures/indicator.js';
import { parseTargetText, type TargetContext } from '../src/figures/target.js';

const OPS = [
  '',
  '≥',
  '≤',
  '>=',
  '<=',
  '=',
  '>',
  '<',
  '=>',
  '==',
  '=<',
  '＞＝',
  '≧',
  '不低于',
  '控制在',
  '约',
];
const UNITS = [
  '',
  '%',
  '次',
  '个',
  '人次',
  '万元',
  '元',
  '家',
  '场',
  '起',
  '天',
  '个月',
  '年',
  '月',
  '月前',
  '月底',
  '年底前',
  '以上',
  '以内',
  '及以上',
  '(含)以上',
  '米',
  '公里',
  '万人次',
  '且≤95%',
  '和',
  '至95%',
  '~95%',
  '-95%',
  '到100',
  'km',
  'per cent',
  '‰',
  '％',
  '次。',
  '余次',
  '多人',
  '余',
  '多',
  '亩',
  '吨',
  '平方米',
  '台(套)',
  '件/年',
  'e3',
];
const NUMBERS = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.constantFrom('26,501.6', '1,234,567', '0,500', '1,2345', '12,34', '1234,567', '1,234,56', '32,449.61'),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 9999 })).map(([i, f]) => `${i}.${f}`),
  fc.constantFrom(
    '0',
    '00',
    '007',
    '0.0',
    '.5',
    '1.',
    '2023',
    '2023.12',
    '12.31',
    '1,000',
    '2 500',
    '１００',
  ),
);
const SPACE = fc.constantFrom('', ' ', '  ');

const simpleText = fc
  .tuple(fc.constantFrom(...OPS), SPACE, NUMBERS, SPACE, fc.constantFrom(...UNITS), SPACE)
  .map(([op, s1, n, s2, unit, s3]) => `${op}${s1}${n}${s2}${unit}${s3}`);
/** Text of any shape from the characters the notations use. */
const anyText = fc
  .array(fc.constantFrom(...'0123456789.%≥≤<>= 次人年月日前底内以上下含()且和至~-—余多万元abce，、'), {
    maxLength: 12,
  })
  .map((cs) => cs.join(''));

const CONTEXTS: readonly TargetContext[] = [
  {},
  { name: '投诉次数' },
  { name: '预算执行率' },
  { name: '利润增长' },
  { name: '项目计划总投资', path: ['产出指标', '成本指标'] },
];
const COLUMNS: readonly (string | null)[] = [null, '%', '次', '万元'];

describe('parseTarget: the simple notations read as the full grammar reads them', () => {
  it.each([
    ['≥90%'],
    ['=100%'],
    ['≥11 次'],
    ['95%'],
    ['<5起'],
    ['≤ 3%'],
    ['0'],
    ['9月前'],
    ['95%以上'],
    ['2023.12前'],
    ['不低于11场'],
    ['控制在3%以内'],
    ['不低于90%以下'],
    ['大于或等于5次'],
    ['5 以上'],
    ['5个以上'],
    ['95% 及以上'],
    ['≥26,501.6万元'],
    ['≥26,501.6万元以下'],
    ['不低于26,501.6万元以上'],
    ['1,234,567以上'],
  ])('%s', (text) => {
    for (const context of CONTEXTS) {
      for (const unit of COLUMNS) {
        expect(parseTargetText(text, unit, context)).toEqual(parseTargetText(text, unit, context, false));
      }
    }
  });

  it('on generated text (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(simpleText, anyText),
        fc.constantFrom(...CONTEXTS),
        fc.constantFrom(...COLUMNS),
        (text, context, unit) => {
          expect(parseTargetText(text, unit, context)).toEqual(parseTargetText(text, unit, context, false));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for the common notations (the comparison has the printed comparator)', () => {
    const r = parseTargetText('≥11 次', null, {});
    expect(r).toEqual({
      ok: true,
      target: {
        kind: 'comparison',
        operator: '>=',
        value: { value: '11', decimals: 0, unit: '次', moreThan: false, text: '11 次' },
        implicit: false,
        text: '≥11 次',
      },
    });
  });
});

describe('parseQuantity: the fast path reads as the full grammar reads', () => {
  it.each([
    ['93.74%'],
    ['11 次'],
    ['117余次'],
    ['114 多人次'],
    ['5余'],
    ['11 '],
    ['007'],
    ['1,000'],
    ['5e3'],
  ])('%s', (text) => {
    expect(parseQuantity(text)).toEqual(parseQuantityText(text));
  });

  it('on generated text (property)', () => {
    fc.assert(
      fc.property(
        fc.tuple(NUMBERS, SPACE, fc.constantFrom(...UNITS), SPACE).map(([n, s, u, t]) => `${n}${s}${u}${t}`),
        (text) => {
          expect(parseQuantity(text)).toEqual(parseQuantityText(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('consistentWithText: a printed figure checked on the exact string, as comparePrinted checks it', () => {
  const exactText = fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^[0-9]{1,30}$/),
      fc.option(fc.stringMatching(/^[0-9]{1,50}$/), { nil: undefined }),
    )
    .map(([neg, int, frac]) => `${neg ? '-' : ''}${int.replace(/^0+(?=\d)/, '')}${frac ? `.${frac}` : ''}`);
  const printedText = fc
    .tuple(fc.boolean(), fc.nat({ max: 99_999 }), fc.integer({ min: 0, max: 4 }))
    .map(([neg, units, d]) => {
      const digits = String(units).padStart(d + 1, '0');
      const body = d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
      return `${neg ? '-' : ''}${body}`;
    });

  it('on generated figures, in every rounding mode (property)', () => {
    fc.assert(
      fc.property(
        exactText,
        fc.oneof(printedText, exactText),
        fc.constantFrom(...ROUNDING_MODES),
        fc.integer({ min: 0, max: 4 }),
        (exact, shown, mode, d) => {
          // Half the time the printed figure is the exact one rounded: the consistent case.
          const text = shown.length % 2 === 0 ? toFixed(dec(exact), d, mode) : shown;
          const q = parseQuantity(text);
          if (!q.ok || q.quantity === null) return;
          expect(consistentWithText(exact, q.quantity, mode)).toBe(
            comparePrinted(dec(exact), q.quantity, mode).consistent,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['-6.26', '-6.26', true],
    ['-6.265', '-6.27', true],
    ['-6.265', '-6.26', false],
    ['0.004', '0.00', true],
    ['-0.004', '-0.00', true],
    ['229', '229.00', true],
  ])('%s printed %s: %s', (exact, shown, consistent) => {
    const q = parseQuantity(shown);
    if (!q.ok || q.quantity === null) throw new Error(shown);
    expect(consistentWithText(exact, q.quantity, 'half-up')).toBe(consistent);
  });
});

describe('byLastCharacter: the words a text may end with, by its last character', () => {
  const word = fc
    .array(fc.constantFrom(...'投诉次数率发生事故成本费用时限'), { maxLength: 3 })
    .map((cs) => cs.join(''));
  it('finds the first word of the list that the text ends with, as a scan of the whole list does (property)', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), word, word, (words, head, tail) => {
        const text = `${head}${tail}`;
        const scan = words.find((w) => text.endsWith(w));
        const indexed = byLastCharacter(words)(text).find((w) => text.endsWith(w));
        expect(indexed).toBe(scan);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('range targets on scaled integers give what the decimal.js path gives', () => {
  // The same actual printed in 万元 (same unit as the range: scaled integers) and in 元 (a
  // conversion: decimal.js): the status and the deviation (relative, absolute in the target's
  // unit, printed) must agree.
  const amount = fc
    .tuple(fc.nat({ max: 99_999 }), fc.integer({ min: 0, max: 3 }))
    .map(([units, d]) => toExact(dec(units).div(10 ** d)));
  it('on generated ranges, actuals and options (property)', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        fc.constantFrom('-', '~', '[,]', '(,]', '[,)', '(,)'),
        fc.record({
          decimals: fc.integer({ min: 0, max: 4 }),
          rounding: fc.constantFrom(...ROUNDING_MODES),
          deviationBasis: fc.constantFrom('relative' as const, 'absolute' as const),
        }),
        (x, y, actual, form, options) => {
          const [lo, hi] = dec(x).lte(dec(y)) ? [x, y] : [y, x];
          const target =
            form.length === 1 ? `${lo}万元${form}${hi}万元` : `${form[0]}${lo}万元,${hi}万元${form[2]}`;
          const same = evaluateIndicator({ target, actual: `${actual}万元` }, options);
          const converted = evaluateIndicator(
            { target, actual: `${toExact(dec(actual).times(10000))}元` },
            options,
          );
          expect(same.target?.kind).toBe('range');
          expect([same.status, same.deviation]).toEqual([converted.status, converted.deviation]);
          const printedOnly = evaluateIndicator(
            { target, actual: `${actual}万元` },
            { ...options, exact: false },
          );
          expect([printedOnly.status, printedOnly.deviation?.printed]).toEqual([
            same.status,
            same.deviation?.printed,
          ]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('printsNothing: a cell that prints nothing, without normalising a figure', () => {
  it('agrees with isNothingPrinted of the normalised text (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', '/', '—', '-', 'N/A', '  ', '／', '１', '0', '5%', ' 5', '..', '—/—'),
      fc.string({ maxLength: 6 }),
      fc.array(fc.constantFrom(...'0123456789/-—.\\~NAna ．／'), { maxLength: 4 }).map((cs) => cs.join('')),
    );
    fc.assert(
      fc.property(cell, (text) => {
        expect(printsNothing(text)).toBe(isNothingPrinted(normalizeText(text)));
      }),
      { numRuns: 3000 },
    );
  });
});
