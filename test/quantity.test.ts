import fc from 'fast-check';
import { convertUnit, formatQuantity, type ParseQuantityResult, parseQuantity, type Quantity } from 'outturn';
import { describe, expect, it } from 'vitest';

/** The quantity of an ok result, failing the test when there is none. */
function quantityOf(r: ParseQuantityResult): Quantity {
  if (!r.ok) throw new Error(`expected a quantity, got ${r.code}: ${r.message.en}`);
  if (r.quantity === null) throw new Error('expected a quantity, got "nothing printed"');
  return r.quantity;
}

function expectQuantity(
  text: string | number,
  expected: { value: string; decimals?: number; unit?: string | null; moreThan?: boolean },
): void {
  const q = quantityOf(parseQuantity(text));
  expect(q.value).toBe(expected.value);
  if (expected.decimals !== undefined) expect(q.decimals).toBe(expected.decimals);
  if (expected.unit !== undefined) expect(q.unit).toBe(expected.unit);
  expect(q.moreThan).toBe(expected.moreThan ?? false);
  expect(q.text).toBe(typeof text === 'number' ? String(text) : text);
}

const PLAIN = /^-?\d+(\.\d+)?$/;

describe('parseQuantity: digits', () => {
  it.each([
    ['12.5', '12.5', 1],
    ['86.20', '86.20', 2],
    ['0', '0', 0],
    ['007', '7', 0],
    ['.5', '0.5', 1],
    ['0.00', '0.00', 2],
    ['１２.５０', '12.50', 2],
    ['１２．５０', '12.50', 2],
    ['１２３', '123', 0],
    [' 12.5 ', '12.5', 1],
    ['\u300012.5\u3000', '12.5', 1],
  ])('%j is %s with %i decimals', (text, value, decimals) => {
    expectQuantity(text, { value, decimals, unit: null });
  });

  it('reads full-width digits and percent sign (issue 2 item 4)', () => {
    expectQuantity('１２.５０％', { value: '12.50', decimals: 2, unit: '%' });
  });
});

describe('parseQuantity: thousands separators', () => {
  it.each([
    ['1,234.5', '1234.5', 1],
    ['１，２３４', '1234', 0],
    ['1,234,567', '1234567', 0],
    ['12,345,678.90', '12345678.90', 2],
    ['2 651 586', '2651586', 0],
    ['2665 871', '2665871', 0],
    ['2\u00a0651\u00a0586', '2651586', 0],
    ['1 234.56', '1234.56', 2],
  ])('%j is %s', (text, value, decimals) => {
    expectQuantity(text, { value, decimals, unit: null });
  });

  it('keeps the unit after grouped digits', () => {
    expectQuantity('1,234,567.891万元', { value: '1234567.891', decimals: 3, unit: '万元' });
    expectQuantity('≥1,000人次'.slice(1), { value: '1000', unit: '人次' });
  });

  // `1,23` is a decimal comma now (1.23; conventions §7): a comma before one or two digits in a
  // number without thousands separators cannot group thousands.
  it.each(['12 34', '1,2345', '1, 234', '1 23', '1,234,5'])(
    'rejects %j: a separator must be followed by exactly three digits',
    (text) => {
      const r = parseQuantity(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('unparsable-value');
        expect(r.text).toBe(text);
      }
    },
  );
});

describe('parseQuantity: signs and accounting parentheses', () => {
  it.each([
    ['(7 379)', '-7379'],
    ['（7 379）', '-7379'],
    ['(1,234.50)', '-1234.50'],
    ['-5', '-5'],
    ['- 5', '-5'],
    ['+5', '5'],
    ['−6.26', '-6.26'],
    ['-6.26%', '-6.26'],
    ['(0)', '0'],
    ['-0', '0'],
    ['-0.00', '0.00'],
  ])('%j is %s', (text, value) => {
    expectQuantity(text, { value });
  });

  it('rejects a sign inside parentheses', () => {
    expect(parseQuantity('(-5)').ok).toBe(false);
  });
});

describe('parseQuantity: units', () => {
  it.each([
    ['5%', '%'],
    ['5％', '%'],
    ['5 %', '%'],
    ['5‰', '‰'],
    ['5百分比', '%'],
    ['5个百分点', '个百分点'],
    ['5百分点', '个百分点'],
    ['5元', '元'],
    ['5万元', '万元'],
    ['5亿元', '亿元'],
    ['5萬元', '万元'],
    ['5億元', '亿元'],
  ])('%j has unit %s', (text, unit) => {
    expectQuantity(text, { value: '5', unit });
  });

  // The count, time and length units of real tables (issue 2 item 4).
  it.each([
    ['次', '次'],
    ['家', '家'],
    ['家次', '家次'],
    ['件', '件'],
    ['个', '个'],
    ['人', '人'],
    ['人次', '人次'],
    ['条', '条'],
    ['份', '份'],
    ['篇', '篇'],
    ['批次', '批次'],
    ['起', '起'],
    ['天', '天'],
    ['日', '天'],
    ['工作日', '工作日'],
    ['个工作日', '工作日'],
    ['月', '月'],
    ['个月', '月'],
    ['年', '年'],
    ['米', '米'],
    ['厘米', '厘米'],
    ['公里', '公里'],
    ['亩', '亩'],
    ['项', '项'],
  ])('5%s has unit %s', (printed, unit) => {
    expectQuantity(`5${printed}`, { value: '5', unit });
    expectQuantity(`5 ${printed}`, { value: '5', unit });
  });

  it.each([
    ['5個', '5', '个'],
    ['5條', '5', '条'],
    ['5項', '5', '项'],
    ['1.2萬元', '1.2', '万元'],
    ['3億元', '3', '亿元'],
    ['5場次', '5', '场次'],
  ])('traditional script %j is %s %s', (text, value, unit) => {
    expectQuantity(text, { value, unit });
  });

  it('scales a count unit with 万/亿 (1.2万人次)', () => {
    expectQuantity('1.2万人次', { value: '1.2', decimals: 1, unit: '万人次' });
  });

  it('marks 余/多 as "more than" (117余次, 2000多家)', () => {
    expectQuantity('117余次', { value: '117', decimals: 0, unit: '次', moreThan: true });
    expectQuantity('2000多家', { value: '2000', unit: '家', moreThan: true });
    expectQuantity('2000余家次', { value: '2000', unit: '家次', moreThan: true });
    expectQuantity('1,000余条', { value: '1000', unit: '条', moreThan: true });
    expectQuantity('117次', { value: '117', unit: '次', moreThan: false });
  });
});

describe('parseQuantity: nothing printed', () => {
  it.each(['/', '—', '-', '', '——', '－', '／', ' / ', '\u3000', '--', '–'])('%j prints nothing', (text) => {
    expect(parseQuantity(text)).toEqual({ ok: true, quantity: null });
  });

  it('does not read "nothing printed" as zero', () => {
    expect(parseQuantity('0')).not.toEqual({ ok: true, quantity: null });
  });
});

describe('parseQuantity: unparsable', () => {
  it.each([
    'abc',
    '1e3',
    '1E3',
    '1.2.3',
    'NaN',
    'Infinity',
    '-Infinity',
    '12 34',
    '约100',
    '100左右',
    '5%%',
    '12.',
    '无',
    '健全',
    '5次/6次',
    '3/4',
    '2023-12-31',
    '++5',
    '(5',
    '0x10',
  ])('%j is unparsable-value, naming the text', (text) => {
    const r = parseQuantity(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('unparsable-value');
    expect(r.text).toBe(text);
    expect(r.message.en).toContain(text);
    expect(r.message.zh).toContain(text);
  });
});

describe('parseQuantity: numbers', () => {
  it.each([
    [12.5, '12.5', 1],
    [-0, '0', 0],
    [0, '0', 0],
    [1e21, '1000000000000000000000', 0],
    [1e-7, '0.0000001', 7],
    [-3.25, '-3.25', 2],
    [0.1, '0.1', 1],
    [430.93, '430.93', 2],
  ])('%d is %s', (n, value, decimals) => {
    expectQuantity(n, { value, decimals, unit: null });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%d is unparsable', (n) => {
    expect(parseQuantity(n)).toMatchObject({ ok: false, code: 'unparsable-value', text: String(n) });
  });

  it.each([null, undefined, {}, [], true, 10n, Symbol('x')])(
    'throws TypeError for %s (a programmer error)',
    (value) => {
      expect(() => parseQuantity(value as unknown as string)).toThrow(TypeError);
    },
  );
});

describe('convertUnit', () => {
  it.each([
    ['10', '万元', '元', '100000'],
    ['430.93', '万元', '亿元', '0.043093'],
    ['1', '亿元', '万元', '10000'],
    ['1', '萬元', '元', '10000'],
    ['12345', '元', '万元', '1.2345'],
    ['1', '公顷', '亩', '15'],
    ['1.5', '公里', '米', '1500'],
    ['5', '‰', '%', '0.5'],
    ['1.2', '万人次', '人次', '12000'],
    ['3', '个月', '月', '3'],
  ])('%s %s is %s %s', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });

  it.each([
    ['5', '次', '家'],
    ['5', '%', '元'],
    ['5', '米', '亩'],
    ['abc', '元', '万元'],
    ['1e3', '元', '万元'],
    ['5', '1.2', '元'],
  ])('%s %s → %s is null (different kinds or not a number/unit)', (value, from, to) => {
    expect(convertUnit(value, from, to)).toBeNull();
  });
});

describe('formatQuantity', () => {
  it('prints the canonical form', () => {
    expect(formatQuantity({ value: '-7379', decimals: 0, unit: null, moreThan: false })).toBe('-7379');
    expect(formatQuantity({ value: '117', decimals: 0, unit: '次', moreThan: true })).toBe('117余次');
    expect(formatQuantity({ value: '12.50', decimals: 2, unit: '%', moreThan: false })).toBe('12.50%');
  });
});

// ---- properties ----------------------------------------------------------------------------

const UNITS: readonly (string | null)[] = [
  null,
  '%',
  '‰',
  '个百分点',
  '元',
  '万元',
  '亿元',
  '次',
  '家',
  '家次',
  '件',
  '个',
  '人',
  '人次',
  '条',
  '份',
  '篇',
  '批次',
  '起',
  '天',
  '工作日',
  '月',
  '年',
  '米',
  '厘米',
  '公里',
  '亩',
  '万人次',
];

/** A plain decimal string with exactly `scale` decimals, from an integer and a scale. */
function plainDecimal(n: bigint, scale: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${neg ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`;
}

const quantityArb = fc.record({
  n: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
  scale: fc.integer({ min: 0, max: 8 }),
  unit: fc.constantFrom(...UNITS),
  moreThan: fc.boolean(),
});

/** Printed-looking text: digits, separators, signs, units, comparators, odd code points. */
const printedish = fc.string({
  unit: fc.constantFrom(
    ...'0123456789０１２３４５６７８９.．,，%％‰ ()（）+-−—～~至≥≤><=＞＜＝万亿元次家个余多以上下内/①½²㎡\u3000\u00a0eE'.split(
      '',
    ),
  ),
  maxLength: 24,
});

function checkNeverBad(text: string): void {
  const r = parseQuantity(text);
  if (r.ok && r.quantity !== null) {
    expect(r.quantity.value).toMatch(PLAIN);
    expect(r.quantity.value).not.toMatch(/NaN|Infinity/);
    expect(Number.isInteger(r.quantity.decimals)).toBe(true);
  } else if (!r.ok) {
    expect(r.code).toBe('unparsable-value');
  }
}

describe('parseQuantity properties', () => {
  it('round-trips formatQuantity for generated quantities', () => {
    fc.assert(
      fc.property(quantityArb, ({ n, scale, unit, moreThan }) => {
        const q = { value: plainDecimal(n, scale), decimals: scale, unit, moreThan };
        const text = formatQuantity(q);
        expect(parseQuantity(text)).toEqual({ ok: true, quantity: { ...q, text } });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads grouped digits the same as plain ones', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(',', ' ', '，'), (n, sep) => {
        const plain = n.toString();
        const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(quantityOf(parseQuantity(grouped)).value).toBe(plain);
        expect(quantityOf(parseQuantity(`(${grouped})`)).value).toBe(n === 0n ? '0' : `-${plain}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any string and never yields NaN or Infinity (fc.string)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), checkNeverBad), { numRuns: 2000 });
  });

  it('never throws on any string (full Unicode, binary)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), checkNeverBad), { numRuns: 2000 });
  });

  it('never throws on printed-looking strings', () => {
    fc.assert(fc.property(printedish, checkNeverBad), { numRuns: 5000 });
  });

  it('accepts every finite number of at most 50 digits, exactly; refuses longer ones', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = parseQuantity(n);
        // 5e-324 has 324 digits: more than outturn holds exactly, so it is refused, not rounded.
        if (!r.ok) {
          expect(r.message.en).toContain('more than 50 digits');
          return;
        }
        const q = quantityOf(r);
        expect(q.value).toMatch(PLAIN);
        expect(Number(q.value)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 2000 },
    );
    expect(parseQuantity(123456.789).ok).toBe(true);
    expect(parseQuantity(1e23).ok).toBe(true);
    expect(parseQuantity(1e49).ok).toBe(true);
    expect(parseQuantity(1e50).ok).toBe(false);
    expect(parseQuantity(`${'9'.repeat(50)}`).ok).toBe(true);
    expect(parseQuantity(`${'9'.repeat(51)}%`).ok).toBe(false);
    expect(parseQuantity(`0.${'0'.repeat(49)}1`).ok).toBe(true);
    expect(parseQuantity(`0.${'0'.repeat(98)}1`).ok).toBe(true);
    expect(parseQuantity(`0.${'0'.repeat(100)}1`).ok).toBe(false);
  });

  // Long inputs: the outcome does not depend on the length. How the cost grows with the length
  // (linear, no catastrophic backtracking) is measured by bench/growth.ts, never by a test; the
  // regular expressions are checked statically in test/hostile-security.test.ts.
  it.each([
    ['separators', (n: number) => `${'1,'.repeat(n)}x`, 'is not a unit'],
    ['digits', (n: number) => `${'9'.repeat(n)}%`, 'more than 50 digits'],
    ['spaced digits', (n: number) => '1 '.repeat(n), 'is not a unit'],
  ] as const)('refuses %s at 1,000 and at 100,000 repeats, for the same reason', (_, make, reason) => {
    for (const n of [1000, 100_000]) {
      const r = parseQuantity(make(n));
      expect(r.ok).toBe(false);
      expect(r.ok ? null : [r.code, r.message.en]).toEqual([
        'unparsable-value',
        expect.stringContaining(reason),
      ]);
    }
  });
});
