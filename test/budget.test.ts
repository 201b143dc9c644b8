import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import {
  adjustmentRate,
  type BudgetLine,
  checkBudget,
  executionRate,
  type Finding,
  type RateResult,
  type Report,
  validateReport,
} from 'outturn';
import { afterEach, describe, expect, it } from 'vitest';

const EXAMPLE = new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url);
const loadExample = (): Report => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Report;

function printedOf(r: RateResult): string {
  if (!r.ok) throw new Error(`expected a rate, got ${r.code}`);
  return r.printed;
}

function exactOf(r: RateResult): string {
  if (!r.ok) throw new Error(`expected a rate, got ${r.code}`);
  return r.exact;
}

const brief = (fs: readonly Finding[]) =>
  fs.map((f) => ({
    code: f.code,
    severity: f.severity,
    path: f.path,
    published: f.published,
    recomputed: f.recomputed,
  }));

/**
 * 七、预算信息 of the reference report, every row as printed:
 * seeds/suzhou-commerce-service-center-2023-self-evaluation.txt (苏州市商务服务中心, 2023).
 * [name, 调整预算数 (万元), 实际支出数 (万元), 执行率 as printed]
 */
const BUDGET_TABLE: readonly (readonly [string, string, string, string])[] = [
  ['预算总金额', '321.19', '430.93', '134.17%'],
  ['基本支出', '263.98', '381.39', '144.48%'],
  ['项目支出', '57.21', '49.54', '86.59%'],
  ['党团活动经费', '1.2', '0.15', '12.50%'],
  ['办公设备购置', '4.5', '2.96', '65.78%'],
  ['物业管理费', '45.93', '41.55', '90.46%'],
  ['体检费', '2.16', '1.98', '91.67%'],
  ['政策法规普及宣传经费', '1.5', '0.98', '65.33%'],
  ['执法工作经费', '1.92', '1.92', '100.00%'],
];

describe('executionRate on the reference budget table (9 rows)', () => {
  it.each(BUDGET_TABLE)('%s: %s / %s → %s', (_name, adjusted, actual, printed) => {
    expect(printedOf(executionRate({ adjusted, actual }))).toBe(printed);
    // the same from finite numbers
    expect(printedOf(executionRate({ adjusted: Number(adjusted), actual: Number(actual) }))).toBe(printed);
  });

  it('gives the exact rate', () => {
    expect(exactOf(executionRate({ adjusted: '321.19', actual: '430.93' }))).toBe(
      '134.16669261184968398767084903016905881254086366325',
    );
    expect(exactOf(executionRate({ adjusted: '1.2', actual: '0.15' }))).toBe('12.5');
    expect(exactOf(executionRate({ adjusted: '1.92', actual: '1.92' }))).toBe('100');
  });

  it('the example JSON holds the same table', () => {
    const flat: [string, unknown, unknown, unknown][] = [];
    const walk = (l: BudgetLine): void => {
      flat.push([l.name, l.adjusted, l.actual, l.published?.executionRate]);
      for (const c of l.children ?? []) walk(c);
    };
    for (const root of loadExample().budget ?? []) walk(root);
    expect(flat).toEqual(BUDGET_TABLE.map((r) => [...r]));
  });
});

describe('executionRate: rounding edges where floats fail', () => {
  it('0.0804 / 8 is 1.01% (float gives 1.00: 1.005 is 1.00499… as a double)', () => {
    const r = executionRate({ adjusted: '8', actual: '0.0804' });
    expect(r).toMatchObject({ ok: true, exact: '1.005', printed: '1.01%' });
    expect(((0.0804 / 8) * 100).toFixed(2)).toBe('1.00');
  });

  // [adjusted, actual, exact rate, printed]: every one of these is wrong in float.
  const FLOAT_FAILS: readonly (readonly [string, string, string, string])[] = [
    ['8', '0.0804', '1.005', '1.01%'],
    ['10', '0.1005', '1.005', '1.01%'],
    ['1', '0.01005', '1.005', '1.01%'],
    ['3', '0.03015', '1.005', '1.01%'],
    ['100', '1.005', '1.005', '1.01%'],
    ['100', '1.015', '1.015', '1.02%'],
    ['100', '1.025', '1.025', '1.03%'],
    ['100', '1.045', '1.045', '1.05%'],
    ['100', '2.675', '2.675', '2.68%'],
    ['100', '0.285', '0.285', '0.29%'],
    ['100', '1.255', '1.255', '1.26%'],
    ['100', '5.015', '5.015', '5.02%'],
    ['100', '10.235', '10.235', '10.24%'],
    ['100', '35.855', '35.855', '35.86%'],
  ];

  it.each(FLOAT_FAILS)('%s / %s = %s prints %s, and float does not', (adjusted, actual, exact, printed) => {
    expect(executionRate({ adjusted, actual })).toMatchObject({ ok: true, exact, printed });
    const float = `${((Number(actual) / Number(adjusted)) * 100).toFixed(2)}%`;
    expect(float).not.toBe(printed);
  });

  it('rounds 0.125 half-up to 0.13', () => {
    expect(printedOf(executionRate({ adjusted: '800', actual: '1' }))).toBe('0.13%');
  });

  it('rounds a negative half away from zero (-6.255 → -6.26), as decimal.js ROUND_HALF_UP', () => {
    expect(printedOf(adjustmentRate({ initial: '100', adjusted: '93.745' }))).toBe('-6.26%');
    expect(printedOf(executionRate({ adjusted: '100', actual: '-6.255' }))).toBe('-6.26%');
    expect(printedOf(executionRate({ adjusted: '100', actual: '-0.004' }))).toBe('0.00%');
  });

  it('honours the decimals and rounding options', () => {
    expect(printedOf(executionRate({ adjusted: '321.19', actual: '430.93' }, { decimals: 0 }))).toBe('134%');
    expect(printedOf(executionRate({ adjusted: '321.19', actual: '430.93' }, { decimals: 4 }))).toBe(
      '134.1667%',
    );
    expect(printedOf(executionRate({ adjusted: '100', actual: '99.985' }, { rounding: 'truncate' }))).toBe(
      '99.98%',
    );
    expect(printedOf(executionRate({ adjusted: '800', actual: '1' }, { rounding: 'half-even' }))).toBe(
      '0.12%',
    );
  });
});

describe('executionRate: undefined and bad input', () => {
  it('a zero budget has no rate (never Infinity, NaN, or a division by 1)', () => {
    for (const actual of ['0', '5', '0.00']) {
      const r = executionRate({ adjusted: '0', actual });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('execution-rate-undefined');
        expect(r.message.en).not.toMatch(/NaN|Infinity/);
      }
    }
    expect(executionRate({ adjusted: 0, actual: 0 })).toMatchObject({
      ok: false,
      code: 'execution-rate-undefined',
    });
    expect(executionRate({ adjusted: '0.00', actual: '1' })).toMatchObject({ ok: false });
  });

  it('a missing amount is missing-value', () => {
    expect(executionRate({ adjusted: '', actual: '1' })).toMatchObject({ ok: false, code: 'missing-value' });
    expect(executionRate({ adjusted: '/', actual: '1' })).toMatchObject({ ok: false, code: 'missing-value' });
    expect(executionRate({ adjusted: '1', actual: null })).toMatchObject({
      ok: false,
      code: 'missing-value',
    });
    expect(executionRate({})).toMatchObject({ ok: false, code: 'missing-value' });
  });

  it('an unreadable amount or a non-money unit is unparsable-value', () => {
    expect(executionRate({ adjusted: 'abc', actual: '1' })).toMatchObject({
      ok: false,
      code: 'unparsable-value',
    });
    expect(executionRate({ adjusted: '10', actual: '5次' })).toMatchObject({
      ok: false,
      code: 'unparsable-value',
    });
    expect(executionRate({ adjusted: '10', actual: Number.NaN })).toMatchObject({
      ok: false,
      code: 'unparsable-value',
    });
  });

  it('converts money units and reads printed amounts', () => {
    expect(printedOf(executionRate({ adjusted: '10万元', actual: '50000元' }))).toBe('50.00%');
    expect(printedOf(executionRate({ adjusted: '1亿元', actual: '5000万元' }))).toBe('50.00%');
    expect(
      printedOf(executionRate({ adjusted: '2 651 586', actual: '2,658,965' }, { amountUnit: '元' })),
    ).toBe('100.28%');
    expect(printedOf(executionRate({ adjusted: '１００', actual: '８６.２' }))).toBe('86.20%');
  });

  it('throws TypeError for a non-object', () => {
    expect(() => executionRate(null as unknown as { adjusted: string })).toThrow(TypeError);
    expect(() => adjustmentRate('1' as unknown as { initial: string })).toThrow(TypeError);
  });
});

describe('adjustmentRate', () => {
  it.each([
    ['321.19', '321.19', '0', '0.00%'],
    ['100', '143.37', '43.37', '43.37%'],
    ['100', '80', '-20', '-20.00%'],
    ['3', '4', '33.333333333333333333333333333333333333333333333333', '33.33%'],
  ])('%s → %s: %s (%s)', (initial, adjusted, exact, printed) => {
    expect(adjustmentRate({ initial, adjusted })).toEqual({ ok: true, exact, printed });
  });

  it('a zero initial budget has no rate', () => {
    expect(adjustmentRate({ initial: '0', adjusted: '5' })).toMatchObject({
      ok: false,
      code: 'adjustment-rate-undefined',
    });
    expect(adjustmentRate({ initial: '', adjusted: '5' })).toMatchObject({
      ok: false,
      code: 'missing-value',
    });
  });
});

// ---- budget trees -------------------------------------------------------------------------

describe('checkBudget on the reference tree', () => {
  const result = checkBudget(loadExample().budget ?? []);

  it('recomputes every line’s execution rate as printed', () => {
    expect(result.lines.map((l) => [l.name, l.executionRate])).toEqual(
      BUDGET_TABLE.map(([name, , , printed]) => [name, printed]),
    );
    expect(result.lines.map((l) => l.depth)).toEqual([0, 1, 1, 2, 2, 2, 2, 2, 2]);
    expect(result.lines[0]?.path).toEqual(['budget', 0]);
    expect(result.lines[3]?.path).toEqual(['budget', 0, 'children', 1, 'children', 0]);
    expect(result.lines[0]?.variance).toBe('-109.74');
    expect(result.lines[2]?.variance).toBe('7.67');
  });

  it('finds no sum, adjusted or rate mismatch, and exactly two overspends', () => {
    expect(brief(result.findings)).toEqual([
      {
        code: 'overspend',
        severity: 'warning',
        path: ['budget', 0, 'actual'],
        published: undefined,
        recomputed: '134.17%',
      },
      {
        code: 'overspend',
        severity: 'warning',
        path: ['budget', 0, 'children', 0, 'actual'],
        published: undefined,
        recomputed: '144.48%',
      },
    ]);
    expect(result.lines.map((l) => l.overspend)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('checkBudget rules', () => {
  // The rule tests below take the printed amounts as exact (strictInputs): whole numbers such
  // as 4 + 5 against 10 are within the rounding of two lines (rounding.test.ts).
  const STRICT = { strictInputs: true } as const;
  it('budget-sum-mismatch names the column and both sums', () => {
    const { findings } = checkBudget(
      [
        {
          name: '预算总金额',
          initial: '10',
          adjusted: '10',
          actual: '9',
          children: [
            { name: '基本支出', initial: '4', adjusted: '4', actual: '4' },
            { name: '项目支出', initial: '5', adjusted: '6', actual: '5' },
          ],
        },
      ],
      STRICT,
    );
    expect(brief(findings)).toEqual([
      {
        code: 'budget-sum-mismatch',
        severity: 'error',
        path: ['budget', 0, 'initial'],
        published: '10',
        recomputed: '9',
      },
    ]);
    const f = findings[0] as Finding;
    expect(f.message.en).toContain('initial');
    expect(f.message.zh).toContain('年初预算数');
    expect(f.message.en).toContain('10');
    expect(f.message.en).toContain('9');
  });

  it('budget-sum-mismatch for each column that does not add up', () => {
    const { findings } = checkBudget(
      [
        {
          name: 'A',
          initial: '10',
          adjusted: '12',
          actual: '12',
          children: [
            { name: 'b', initial: '5', adjusted: '5', actual: '5' },
            { name: 'c', initial: '5', adjusted: '6', actual: '6' },
          ],
        },
      ],
      STRICT,
    );
    expect(findings.filter((f) => f.code === 'budget-sum-mismatch').map((f) => f.path.at(-1))).toEqual([
      'adjusted',
      'actual',
    ]);
  });

  it('no sum mismatch when a column is left empty by a child, or when it adds up', () => {
    const ok = checkBudget([
      {
        name: 'A',
        initial: '321.19',
        adjustment: '0',
        adjusted: '321.19',
        actual: '300',
        children: [
          { name: 'b', initial: '263.98', adjusted: '263.98', actual: '250' },
          { name: 'c', initial: '57.21', adjusted: '57.21', actual: '50' },
        ],
      },
    ]);
    expect(ok.findings).toEqual([]);
  });

  it('budget-adjusted-mismatch when adjusted ≠ initial + adjustment', () => {
    const bad = checkBudget(
      [{ name: 'A', initial: '10', adjustment: '2.5', adjusted: '12', actual: '9' }],
      STRICT,
    );
    expect(brief(bad.findings)).toEqual([
      {
        code: 'budget-adjusted-mismatch',
        severity: 'error',
        path: ['budget', 0, 'adjusted'],
        published: '12',
        recomputed: '13',
      },
    ]);
    expect(
      checkBudget([{ name: 'A', initial: '10', adjustment: '-2.5', adjusted: '7.5', actual: '7' }], STRICT)
        .findings,
    ).toEqual([]);
    expect(
      checkBudget([{ name: 'A', initial: '10', adjustment: '2.5', adjusted: '12.5', actual: '9' }], STRICT)
        .findings,
    ).toEqual([]);
  });

  it('a printed rate is compared at its printed precision: 86% is consistent with 86.20%', () => {
    for (const printed of ['86%', '86.2%', '86.20%', '86.200%', '86.20']) {
      expect(
        checkBudget([{ name: 'A', adjusted: '100', actual: '86.2', published: { executionRate: printed } }])
          .findings,
      ).toEqual([]);
    }
  });

  it("'99%' is not consistent with 99.985%, and the message says it looks truncated", () => {
    const { findings } = checkBudget(
      [{ name: 'A', adjusted: '100', actual: '99.985', published: { executionRate: '99%' } }],
      STRICT,
    );
    expect(brief(findings)).toEqual([
      {
        code: 'execution-rate-mismatch',
        severity: 'error',
        path: ['budget', 0, 'published', 'executionRate'],
        published: '99%',
        recomputed: '100%',
      },
    ]);
    expect(findings[0]?.message.en).toMatch(/truncated/);
    expect(findings[0]?.message.zh).toMatch(/截断/);
    const two = checkBudget(
      [{ name: 'A', adjusted: '100', actual: '99.985', published: { executionRate: '99.98%' } }],
      STRICT,
    );
    expect(two.findings[0]).toMatchObject({ code: 'execution-rate-mismatch', recomputed: '99.99%' });
    expect(two.findings[0]?.message.en).toMatch(/truncated/);
  });

  it('a wrong printed rate that is not a truncation does not say truncated', () => {
    const { findings } = checkBudget(
      [{ name: 'A', adjusted: '100', actual: '86.2', published: { executionRate: '87%' } }],
      STRICT,
    );
    expect(findings[0]?.code).toBe('execution-rate-mismatch');
    expect(findings[0]?.message.en).not.toMatch(/truncated/);
  });

  it('a printed rate that is not a percentage is unparsable-value', () => {
    const { findings } = checkBudget([
      { name: 'A', adjusted: '100', actual: '86.2', published: { executionRate: '86次' } },
    ]);
    expect(findings.map((f) => f.code)).toEqual(['unparsable-value']);
  });

  it('zero budget: execution-rate-undefined, info for 0.00% on 0/0, warning otherwise', () => {
    const sev = (line: BudgetLine) =>
      checkBudget([line])
        .findings.filter((f) => f.code === 'execution-rate-undefined')
        .map((f) => f.severity);
    expect(sev({ name: 'A', adjusted: '0', actual: '0', published: { executionRate: '0.00%' } })).toEqual([
      'info',
    ]);
    expect(sev({ name: 'A', adjusted: '0', actual: '0' })).toEqual(['info']);
    expect(sev({ name: 'A', adjusted: '0', actual: '0', published: { executionRate: '/' } })).toEqual([
      'info',
    ]);
    expect(sev({ name: 'A', adjusted: '0', actual: '0', published: { executionRate: '100%' } })).toEqual([
      'warning',
    ]);
    expect(sev({ name: 'A', adjusted: '0', actual: '5', published: { executionRate: '0.00%' } })).toEqual([
      'warning',
    ]);
    const zero = checkBudget([
      { name: 'A', adjusted: '0', actual: '0', published: { executionRate: '0.00%' } },
    ]);
    expect(zero.findings.map((f) => f.code)).toEqual(['execution-rate-undefined']);
    expect(zero.lines[0]).toMatchObject({ executionRate: null, executionRateExact: null, overspend: false });
  });

  it('overspend is a warning with the rate; no overspend at exactly 100%', () => {
    const over = checkBudget([{ name: 'A', adjusted: '100', actual: '100.01' }]);
    expect(brief(over.findings)).toEqual([
      {
        code: 'overspend',
        severity: 'warning',
        path: ['budget', 0, 'actual'],
        published: undefined,
        recomputed: '100.01%',
      },
    ]);
    expect(checkBudget([{ name: 'A', adjusted: '100', actual: '100' }]).findings).toEqual([]);
  });

  it("checks a printed variance: '(7 379)' is −7379", () => {
    const line = (variance: string): BudgetLine => ({
      name: 'Programme',
      adjusted: '2 651 586',
      actual: '2 658 965',
      published: { variance },
    });
    const ok = checkBudget([line('(7 379)')], { amountUnit: '元', ...STRICT });
    expect(ok.findings.map((f) => f.code)).toEqual(['overspend']);
    expect(ok.lines[0]?.variance).toBe('-7379');
    const bad = checkBudget([line('(7 380)')], { amountUnit: '元', ...STRICT });
    expect(brief(bad.findings.filter((f) => f.code !== 'overspend'))).toEqual([
      {
        code: 'variance-mismatch',
        severity: 'error',
        path: ['budget', 0, 'published', 'variance'],
        published: '(7 380)',
        recomputed: '-7379',
      },
    ]);
    const sign = checkBudget([line('7 379')], { amountUnit: '元', ...STRICT });
    expect(sign.findings.map((f) => f.code)).toContain('variance-mismatch');
    const under = checkBudget(
      [{ name: 'P', adjusted: '2665 871', actual: '2 651 586', published: { variance: '14 285' } }],
      { amountUnit: '元', ...STRICT },
    );
    expect(under.findings).toEqual([]);
  });

  it('reports an unreadable amount with its path, and does not throw on junk lines', () => {
    const { findings } = checkBudget([
      { name: 'A', adjusted: 'abc', actual: '1' },
      5 as unknown as BudgetLine,
      { name: 'B', adjusted: '1', actual: '1', children: [null as unknown as BudgetLine] },
    ]);
    expect(brief(findings).map((f) => [f.code, f.path])).toEqual([
      ['unparsable-value', ['budget', 0, 'adjusted']],
      ['invalid-report', ['budget', 1]],
      ['invalid-report', ['budget', 2, 'children', 0]],
    ]);
  });

  it('reads a budget tree 3000 levels deep without overflowing the stack', () => {
    const root: { name: string; adjusted: string; actual: string; children?: BudgetLine[] } = {
      name: 'L0',
      adjusted: '1',
      actual: '1',
    };
    let cur = root;
    for (let i = 1; i < 3000; i += 1) {
      const next = { name: `L${i}`, adjusted: '1', actual: '1' };
      cur.children = [next];
      cur = next;
    }
    const { lines, findings } = checkBudget([root]);
    expect(lines).toHaveLength(3000);
    expect(lines[2999]?.depth).toBe(2999);
    expect(lines[2999]?.executionRate).toBe('100.00%');
    expect(findings).toEqual([]);
    // a wrong leaf at the bottom is found, with its full path
    cur.actual = '2';
    const deep = checkBudget([root]);
    expect(deep.findings.some((f) => f.code === 'budget-sum-mismatch')).toBe(true);
    expect(deep.findings.find((f) => f.code === 'overspend')?.path).toHaveLength(2 + 2 * 2999 + 1);
    expect(() => validateReport({ budget: [root] })).not.toThrow();
  });
});

// ---- properties ----------------------------------------------------------------------------

/** A positive plain decimal string. */
const positiveDecimal = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 24n - 1n }), fc.integer({ min: 0, max: 23 }))
  .map(([n, scale]) => {
    const digits = n.toString().padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });

describe('executionRate properties', () => {
  it('x over x is 100.00% for any positive decimal string x', () => {
    fc.assert(
      fc.property(positiveDecimal, (x) => {
        expect(executionRate({ adjusted: x, actual: x })).toEqual({
          ok: true,
          exact: '100',
          printed: '100.00%',
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('the printed rate is the exact one rounded, and never NaN or Infinity', () => {
    fc.assert(
      fc.property(positiveDecimal, positiveDecimal, (b, a) => {
        const r = executionRate({ adjusted: b, actual: a });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.exact).toMatch(/^\d+(\.\d+)?$/);
        expect(r.printed).toMatch(/^\d+\.\d\d%$/);
        expect(r.exact).not.toMatch(/NaN|Infinity|e/);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- isolation from the caller's decimal.js -------------------------------------------------

describe("isolation from the caller's global decimal.js", () => {
  const saved = {
    precision: Decimal.precision,
    rounding: Decimal.rounding,
    toExpPos: Decimal.toExpPos,
    toExpNeg: Decimal.toExpNeg,
  };

  afterEach(() => {
    Decimal.set(saved);
  });

  it("a caller's Decimal.set({ precision: 3, rounding: ROUND_DOWN }) changes none of our results", () => {
    Decimal.set({ precision: 3, rounding: Decimal.ROUND_DOWN });
    expect(executionRate({ adjusted: '321.19', actual: '430.93' })).toEqual({
      ok: true,
      exact: '134.16669261184968398767084903016905881254086366325',
      printed: '134.17%',
    });
    expect(printedOf(executionRate({ adjusted: '8', actual: '0.0804' }))).toBe('1.01%');
    expect(printedOf(adjustmentRate({ initial: '100', adjusted: '93.745' }))).toBe('-6.26%');
    const result = checkBudget(loadExample().budget ?? []);
    expect(result.lines.map((l) => l.executionRate)).toEqual(BUDGET_TABLE.map((r) => r[3]));
    expect(result.lines[0]?.executionRateExact).toBe('134.16669261184968398767084903016905881254086366325');
    const v = validateReport(loadExample());
    expect(v.findings.find((f) => f.code === 'cross-check-mismatch' && f.path[1] === 26)?.recomputed).toBe(
      '134.17%',
    );
  });

  it('a caller’s exponent settings do not put exponents in our strings', () => {
    Decimal.set({ toExpPos: 1, toExpNeg: -1 });
    expect(exactOf(executionRate({ adjusted: '321.19', actual: '430.93' }))).toMatch(/^134\.1666/);
    expect(exactOf(executionRate({ adjusted: '100000000', actual: '0.0001' }))).toBe('0.0000000001');
  });

  it('our calls change nothing of theirs', () => {
    Decimal.set({ precision: 3, rounding: Decimal.ROUND_DOWN });
    executionRate({ adjusted: '321.19', actual: '430.93' });
    adjustmentRate({ initial: '100', adjusted: '143.37' });
    checkBudget(loadExample().budget ?? []);
    validateReport(loadExample());
    expect(Decimal.precision).toBe(3);
    expect(Decimal.rounding).toBe(Decimal.ROUND_DOWN);
    expect(new Decimal('430.93').dividedBy('321.19').toString()).toBe('1.34');
    expect(new Decimal('1.005').toFixed(2)).toBe('1.00');
  });

  it('with default caller settings, ours do not leak either', () => {
    const before = { precision: Decimal.precision, rounding: Decimal.rounding };
    validateReport(loadExample());
    expect({ precision: Decimal.precision, rounding: Decimal.rounding }).toEqual(before);
  });
});

describe('sums and differences of accepted figures are exact', () => {
  /** A decimal string of at most 24 digits with the point anywhere, and its value scaled by 10^24. */
  const figure = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 24n - 1n }), fc.integer({ min: 0, max: 24 }))
    .map(([digits, decimals]) => {
      const s = digits.toString().padStart(decimals + 1, '0');
      const text = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
      return { text, scaled: digits * 10n ** BigInt(24 - decimals) };
    });
  const exact = (scaled: bigint): string => {
    const neg = scaled < 0n;
    const abs = (neg ? -scaled : scaled).toString().padStart(25, '0');
    const int = abs.slice(0, -24).replace(/^0+(?=\d)/, '');
    const frac = abs.slice(-24).replace(/0+$/, '');
    const body = frac === '' ? int : `${int}.${frac}`;
    return neg && body !== '0' ? `-${body}` : body;
  };

  it('variance = adjusted − actual, digit for digit (BigInt oracle)', () => {
    fc.assert(
      fc.property(figure, figure, (adjusted, actual) => {
        const { lines } = checkBudget([{ name: 'x', adjusted: adjusted.text, actual: actual.text }]);
        expect(lines[0]?.variance).toBe(exact(adjusted.scaled - actual.scaled));
      }),
      { numRuns: 2000 },
    );
  });
});
