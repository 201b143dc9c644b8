/**
 * assessPefa over whole datasets: PI-1, PI-2 (2.1, 2.2, 2.3 by M1) and PI-3 (3.1, 3.2 by M2),
 * against hand computations at every threshold edge, with the edge cases of issue 14 §2 (missing
 * years, no approved budget, fewer than three years, zero budgets, no contingency vote) as
 * results, never errors.
 */
import fc from 'fast-check';
import {
  assessPefa,
  type Finding,
  formatFinding,
  type PefaDataset,
  type PefaLine,
  type PefaYear,
} from 'outturn';
import { describe, expect, it } from 'vitest';

/** A year whose total expenditure is `budget`/`actual` (one head), nothing else. */
const totalYear = (
  year: string,
  budget: string,
  actual: string,
  extra: Partial<PefaYear> = {},
): PefaYear => ({
  year,
  expenditure: { administrative: [{ name: 'All heads', budget, actual }] },
  ...extra,
});

const dataset = (years: PefaYear[], extra: Partial<PefaDataset> = {}): PefaDataset => ({
  kind: 'pefa',
  entity: 'Test',
  amountUnit: "R'000",
  years,
  ...extra,
});

const codes = (findings: readonly Finding[]): string[] => findings.map((f) => f.code);

describe('PI-1 over three years, at the band edges', () => {
  it.each([
    [['95', '105', '100'], 'A'],
    [['95', '105', '50'], 'A'],
    [['94.99', '105.01', '100'], 'B'],
    [['90', '110', '200'], 'B'],
    [['89.99', '110.01', '100'], 'C'],
    [['85', '115', '100'], 'C'],
    [['84.99', '115.01', '100'], 'D'],
  ])('outturns %j%% → %s', (outturns, score) => {
    const a = assessPefa(dataset(outturns.map((o, i) => totalYear(`${2018 + i}/${19 + i}`, '100', o))));
    expect(a['PI-1'].score).toBe(score);
    expect(a.years).toEqual(['2018/19', '2019/20', '2020/21']);
    expect(a['PI-1'].years.map((y) => y.exact)).toEqual(outturns.map((o) => String(Number(o))));
  });

  it('bandEnds exclusive: 95% and 105% are no longer A', () => {
    const ds = dataset([
      totalYear('2018', '100', '95'),
      totalYear('2019', '100', '105'),
      totalYear('2020', '100', '100'),
    ]);
    expect(assessPefa(ds)['PI-1'].score).toBe('A');
    expect(assessPefa(ds, { bandEnds: 'exclusive' })['PI-1'].score).toBe('B');
  });

  it('explains each year and the score, in en and zh', () => {
    const a = assessPefa(
      dataset([
        totalYear('2018/19', '1340', '1304'),
        totalYear('2019/20', '1000', '1041'),
        totalYear('2020/21', '100', '80'),
      ]),
    );
    expect(a['PI-1'].years[0]).toMatchObject({ outturn: '97.3%', grade: 'A', reason: null });
    expect(a['PI-1'].why).toEqual({
      en: '2 of the last 3 years within 95–105% (2018/19 97.3%, 2019/20 104.1%) → A',
      zh: '最近3年中有2年在95%–105%之间（2018/19 97.3%，2019/20 104.1%）→ A',
    });
    expect(a['PI-1'].years[2]?.why.en).toBe('2020/21: outturn 80 ÷ budget 100 = 80.0% → D');
  });

  it('total expenditure is the heads + interest + contingency, or the printed total', () => {
    const year: PefaYear = {
      year: '2019/20',
      expenditure: {
        administrative: [
          { name: 'Health', budget: '500', actual: '480' },
          { name: 'Education', budget: '400', actual: '410' },
        ],
        interest: { budget: '60', actual: '62' },
        contingency: { budget: '40', actual: '10' },
      },
    };
    const a = assessPefa(dataset([year, { ...year, year: '2020/21' }, { ...year, year: '2021/22' }]));
    expect(a['PI-1'].years[0]).toMatchObject({ budget: '1000', actual: '962', outturn: '96.2%', grade: 'A' });
    const printed = {
      ...year,
      expenditure: { ...year.expenditure, total: { budget: '1000', actual: '962' } },
    };
    const b = assessPefa(
      dataset([printed, { ...printed, year: '2020/21' }, { ...printed, year: '2021/22' }]),
    );
    expect(
      codes(b.findings).filter((c) => c === 'pefa-total-mismatch' || c === 'rounding-difference'),
    ).toEqual([]);
    expect(b['PI-1'].years[0]?.exact).toBe('96.2');
  });

  it('a printed total that disagrees with its lines is an error; the printed total is used', () => {
    const year: PefaYear = {
      year: '2019/20',
      expenditure: {
        administrative: [{ name: 'Health', budget: '500', actual: '480' }],
        total: { budget: '510', actual: '480' },
      },
    };
    const a = assessPefa(dataset([year, { ...year, year: '2020/21' }, { ...year, year: '2021/22' }]));
    const f = a.findings.filter((x) => x.code === 'pefa-total-mismatch');
    expect(f).toHaveLength(3);
    expect(f[0]).toMatchObject({
      severity: 'error',
      path: ['years', 0, 'expenditure', 'total', 'budget'],
      published: '510',
      recomputed: '500',
    });
    expect(a['PI-1'].years[0]?.budget).toBe('510');
  });

  it('a printed total off by the rounding of its printed lines is a rounding difference, not an error', () => {
    const year: PefaYear = {
      year: '2019',
      expenditure: {
        administrative: [
          { name: 'a', budget: '1.4', actual: '1' },
          { name: 'b', budget: '1.4', actual: '1' },
          { name: 'c', budget: '1.4', actual: '1' },
        ],
        total: { budget: '4.3', actual: '3' },
      },
    };
    const a = assessPefa(dataset([year, { ...year, year: '2020' }, { ...year, year: '2021' }]));
    const totals = a.findings.filter((f) => f.path.includes('total'));
    expect(codes(totals)).toEqual(['rounding-difference', 'rounding-difference', 'rounding-difference']);
    expect(totals[0]).toMatchObject({ severity: 'info', published: '4.3', recomputed: '4.2' });
    expect(a.summary.error).toBe(0);
  });
});

describe('the edge cases are results', () => {
  it('fewer than three years: D* everywhere, D after aggregation', () => {
    const a = assessPefa(dataset([totalYear('2019', '100', '100'), totalYear('2020', '100', '100')]));
    expect(a['PI-1'].score).toBe('D*');
    expect(a['PI-2'].dimensions['2.1'].score).toBe('D*');
    expect(a['PI-2'].dimensions['2.3'].score).toBe('D*');
    expect(a['PI-2'].score).toBe('D');
    expect(a['PI-3'].score).toBe('D');
    expect(a['PI-1'].years.map((y) => y.outturn)).toEqual(['100.0%', '100.0%']);
    expect(a.findings[0]).toMatchObject({
      code: 'pefa-insufficient-years',
      severity: 'warning',
      params: { count: 2 },
    });
    expect(a['PI-1'].why.en).toContain('D* (insufficient information)');
  });

  it('a fiscal year missing from the last three scores D', () => {
    const a = assessPefa(
      dataset([
        totalYear('2017/18', '100', '100'),
        totalYear('2018/19', '100', '100'),
        totalYear('2020/21', '100', '100'),
      ]),
    );
    expect(a.years).toEqual(['2018/19', '2019/20', '2020/21']);
    expect(a['PI-1'].years[1]).toMatchObject({
      year: '2019/20',
      grade: 'D',
      reason: 'year-missing',
      outturn: null,
    });
    expect(a['PI-1'].score).toBe('A');
    expect(a.findings).toContainEqual(
      expect.objectContaining({
        code: 'pefa-year-missing',
        path: ['years'],
        params: { year: '2019/20', dimension: null },
      }),
    );
  });

  it('two missing years of three: D', () => {
    const a = assessPefa(
      dataset([
        totalYear('2014', '100', '100'),
        totalYear('2015', '100', '100'),
        totalYear('2020', '100', '100'),
      ]),
    );
    expect(a.years).toEqual(['2018', '2019', '2020']);
    expect(a['PI-1'].score).toBe('D');
  });

  it('a year without an approved budget scores D', () => {
    const a = assessPefa(
      dataset([
        totalYear('2019', '100', '100', { approvedBudget: false }),
        totalYear('2020', '100', '100'),
        totalYear('2021', '100', '80'),
      ]),
    );
    expect(a['PI-1'].years[0]).toMatchObject({ grade: 'D', reason: 'no-approved-budget', outturn: null });
    expect(a['PI-1'].score).toBe('D');
    expect(a.findings).toContainEqual(
      expect.objectContaining({ code: 'pefa-no-approved-budget', path: ['years', 0, 'approvedBudget'] }),
    );
  });

  it('a zero budget gives no figure (null, with a reason) and counts as D', () => {
    const a = assessPefa(
      dataset([
        totalYear('2019', '0', '5'),
        totalYear('2020', '100', '100'),
        totalYear('2021', '100', '100'),
      ]),
    );
    expect(a['PI-1'].years[0]).toMatchObject({
      outturn: null,
      exact: null,
      grade: null,
      reason: 'zero-budget',
    });
    expect(a['PI-1'].score).toBe('A');
    expect(a.findings).toContainEqual(
      expect.objectContaining({
        code: 'pefa-undefined',
        params: { year: '2019', dimension: '1.1', reason: 'zero-budget' },
      }),
    );
    expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
  });

  it('no revenue in any year: PI-3 dimensions are D* (insufficient information), PI-3 D', () => {
    const a = assessPefa(
      dataset([totalYear('2019', '1', '1'), totalYear('2020', '1', '1'), totalYear('2021', '1', '1')]),
    );
    expect(a['PI-3'].dimensions['3.1'].score).toBe('D*');
    expect(a['PI-3'].dimensions['3.2'].score).toBe('D*');
    expect(a['PI-3'].score).toBe('D');
    expect(a.findings).toContainEqual(
      expect.objectContaining({ code: 'pefa-insufficient-years', params: { dimension: '3.1', count: 0 } }),
    );
  });
});

/** Three years with heads, economic lines, interest and a contingency vote. */
function compositionDataset(contingency: readonly string[], heads: readonly PefaLine[][]): PefaDataset {
  return dataset(
    heads.map((h, i) => ({
      year: `${2019 + i}`,
      expenditure: {
        administrative: h,
        economic: [
          { name: 'Compensation of employees', budget: '600', actual: '600' },
          { name: 'Use of goods and services', budget: '300', actual: '300' },
        ],
        interest: { budget: '50', actual: '100' },
        contingency: { budget: '50', actual: contingency[i] ?? '0' },
      },
    })),
  );
}

const steady: PefaLine[] = [
  { name: 'Health', budget: '500', actual: '500' },
  { name: 'Education', budget: '400', actual: '400' },
];

describe('PI-2', () => {
  // Two heads of 100 with outturns 100 + x and 100 − x: Σ|deviation| 2x ÷ 200 = exactly x% (scale 1).
  const split = (x: number): PefaLine[] => [
    { name: 'Health', budget: '100', actual: String(100 + x) },
    { name: 'Education', budget: '100', actual: String(100 - x) },
  ];
  it.each([
    [[4.99, 4.99, 20], 'A', ['4.99', '4.99', '20']],
    [[5, 5, 0], 'B', ['5', '5', '0']],
    [[10, 10, 0], 'C', ['10', '10', '0']],
    [[15, 15, 0], 'D', ['15', '15', '0']],
    [[14.99, 15, 5], 'C', ['14.99', '15', '5']],
  ] as const)('2.1 variances %j%% → %s', (xs, score, exact) => {
    const a = assessPefa(
      compositionDataset(
        ['0', '0', '0'],
        xs.map((x) => split(x)),
      ),
    );
    expect(a['PI-2'].dimensions['2.1'].years.map((y) => y.exact)).toEqual(exact);
    expect(a['PI-2'].dimensions['2.1'].score).toBe(score);
  });

  it('2.1 leaves out interest and contingency; 2.2 takes interest in', () => {
    const a = assessPefa(compositionDataset(['0', '0', '0'], [steady, steady, steady]));
    const y21 = a['PI-2'].dimensions['2.1'].years[0];
    expect(y21?.lines.map((l) => l.name)).toEqual(['Health', 'Education']);
    expect(y21?.exact).toBe('0');
    const y22 = a['PI-2'].dimensions['2.2'].years[0];
    expect(y22?.lines.map((l) => l.name)).toEqual([
      'Compensation of employees',
      'Use of goods and services',
      'Interest',
    ]);
    // scale 1000 ÷ 950; interest 100 against 52.63…: Σ|dev| = 2 × 47.368… ÷ 1000
    expect(y22?.scale?.startsWith('1.0526315789')).toBe(true);
    expect(y22?.variance).toBe('9.5%');
    expect(y22?.totals.adjusted).toBe('1000');
    expect(a['PI-2'].dimensions['2.2'].score).toBe('B');
  });

  it('an interest line among the economic lines is not added twice', () => {
    const ds = compositionDataset(['0', '0', '0'], [steady, steady, steady]);
    const years = ds.years.map((y) => ({
      ...y,
      expenditure: {
        ...y.expenditure,
        economic: [
          ...(y.expenditure?.economic ?? []),
          { name: 'Interest payments', budget: '50', actual: '100' },
        ],
      },
    }));
    const a = assessPefa({ ...ds, years });
    expect(a['PI-2'].dimensions['2.2'].years[0]?.lines).toHaveLength(3);
  });

  it.each([
    [['0', '0', '0'], 'A', '0.0%'],
    [['29.9', '29.9', '29.9'], 'A', '3.0%'], // 2.99% exactly: A, printed 3.0%
    [['30', '30', '30'], 'B', '3.0%'],
    [['60', '60', '60'], 'B', '6.0%'],
    [['60.1', '60.1', '60.1'], 'C', '6.0%'],
    [['99.9', '99.9', '99.9'], 'C', '10.0%'],
    [['100', '100', '100'], 'D', '10.0%'],
    [['0', '0', '180'], 'B', '6.0%'],
  ] as const)('2.3: contingency outturn %j of a 1000 budget → %s (average %s)', (spent, score, average) => {
    const a = assessPefa(compositionDataset(spent, [steady, steady, steady]));
    const d = a['PI-2'].dimensions['2.3'];
    expect(d.score).toBe(score);
    expect(d.average).toBe(average);
    expect(d.years[0]?.totalBudget).toBe('1000');
  });

  it('2.3 without a contingency vote: A', () => {
    const a = assessPefa(
      dataset([totalYear('2019', '1', '1'), totalYear('2020', '1', '1'), totalYear('2021', '1', '1')]),
    );
    expect(a['PI-2'].dimensions['2.3']).toMatchObject({ score: 'A', average: null });
    expect(a['PI-2'].dimensions['2.3'].why.en).toContain('no contingency vote');
  });

  it('aggregates by M1: 2.1 C, 2.2 A, 2.3 A → C+', () => {
    const shifted: PefaLine[] = [
      { name: 'Health', budget: '500', actual: '560' },
      { name: 'Education', budget: '400', actual: '340' },
    ];
    const a = assessPefa(compositionDataset(['0', '0', '0'], [shifted, shifted, steady]));
    expect(a['PI-2'].dimensions['2.1'].years[0]?.variance).toBe('13.3%');
    expect(a['PI-2'].dimensions['2.1'].score).toBe('C');
    // economic lines steady except interest: 9.5% → B
    expect(a['PI-2'].dimensions['2.2'].score).toBe('B');
    expect(a['PI-2'].score).toBe('C+');
    expect(a['PI-2'].method).toBe('M1');
    expect(a['PI-2'].why.en).toBe(
      'M1 (weakest link: the lowest dimension score, + when another scores higher): 2.1 C, 2.2 B, 2.3 A → C+',
    );
  });

  it('scalingBase total-expenditure scales 2.1 by total expenditure with interest and contingency', () => {
    const ds = compositionDataset(['0', '0', '0'], [steady, steady, steady]);
    const own = assessPefa(ds)['PI-2'].dimensions['2.1'].years[0];
    const total = assessPefa(ds, { scalingBase: 'total-expenditure' })['PI-2'].dimensions['2.1'].years[0];
    expect(own?.scale).toBe('1');
    // total budget 1000, outturn 1000 (interest +50, contingency −50): scale 1 as well
    expect(total?.scale).toBe('1');
    const cut = compositionDataset(['10', '10', '10'], [steady, steady, steady]);
    const t2 = assessPefa(cut, { scalingBase: 'total-expenditure' })['PI-2'].dimensions['2.1'].years[0];
    expect(t2?.scale).toBe('1.01'); // (900 + 100 interest + 10 contingency) ÷ 1000
    expect(t2?.variance).toBe('1.0%'); // Σ|dev| 9 ÷ Σ adjusted 909
    expect(assessPefa(cut)['PI-2'].dimensions['2.1'].years[0]?.variance).toBe('0.0%');
  });
});

describe('PI-3', () => {
  const revenueYear = (year: string, tax: [string, string], grants: [string, string]): PefaYear => ({
    year,
    revenue: [
      { name: 'Taxes', budget: tax[0], actual: tax[1] },
      { name: 'Grants', budget: grants[0], actual: grants[1] },
    ],
  });

  it('3.1 at its edges and 3.2 by composition, aggregated by M2', () => {
    const a = assessPefa(
      dataset([
        revenueYear('2019', ['900', '873'], ['100', '97']), // 97.0%, variance 0
        revenueYear('2020', ['900', '954'], ['100', '106']), // 106.0%, variance 0
        revenueYear('2021', ['900', '700'], ['100', '100']), // 80.0%
      ]),
    );
    expect(a['PI-3'].dimensions['3.1'].years.map((y) => y.outturn)).toEqual(['97.0%', '106.0%', '80.0%']);
    expect(a['PI-3'].dimensions['3.1'].score).toBe('A');
    expect(a['PI-3'].dimensions['3.2'].years.map((y) => y.exact?.slice(0, 6))).toEqual(['0', '0', '5']); // 40 ÷ 800: exactly 5%, B
    expect(a['PI-3'].dimensions['3.2'].score).toBe('A');
    expect(a['PI-3'].score).toBe('A');
    expect(a['PI-3'].method).toBe('M2');
  });

  it('M2 of 3.1 D and 3.2 C → D+', () => {
    const a = assessPefa(
      dataset([
        revenueYear('2019', ['900', '600'], ['100', '120']),
        revenueYear('2020', ['900', '600'], ['100', '120']),
        revenueYear('2021', ['900', '600'], ['100', '120']),
      ]),
    );
    // outturn 72%: D; variance: scale 0.72, Taxes 648 vs 600, Grants 72 vs 120: 96 ÷ 720 = 13.3% → C
    expect(a['PI-3'].dimensions['3.1'].score).toBe('D');
    expect(a['PI-3'].dimensions['3.2'].years[0]?.variance).toBe('13.3%');
    expect(a['PI-3'].score).toBe('D+');
  });
});

describe('untrusted input', () => {
  it.each([
    [null, []],
    ['pefa', []],
    [{ kind: 'pefa', years: 'none' }, ['years']],
    [{ kind: 'pefa', years: [42] }, ['years', 0]],
    [{ kind: 'pefa', years: [{ year: {} }] }, ['years', 0, 'year']],
    [{ kind: 'pefa', years: [{ year: 2019, expenditure: [] }] }, ['years', 0, 'expenditure']],
    [
      { kind: 'pefa', years: [{ year: 2019, expenditure: { economic: {} } }] },
      ['years', 0, 'expenditure', 'economic'],
    ],
    [
      { kind: 'pefa', years: [{ year: 2019, revenue: [{ name: 'x', budget: {}, actual: '1' }] }] },
      ['years', 0, 'revenue', 0, 'budget'],
    ],
    [{ kind: 'report', years: [] }, ['kind']],
  ])('%j → invalid-report at %j, never a throw', (input, path) => {
    const a = assessPefa(input);
    expect(a.findings).toContainEqual(expect.objectContaining({ code: 'invalid-report', path }));
    expect(a['PI-1'].score).toBe('D*');
  });

  it('an amount that is not a number: pefa-line-unreadable, and that table is not computed', () => {
    const bad: PefaYear = {
      year: '2019',
      expenditure: { administrative: [{ name: 'Health', budget: 'n/a?', actual: '5' }] },
      revenue: [{ name: 'Tax', budget: '10', actual: '10' }],
    };
    const a = assessPefa(dataset([bad, totalYear('2020', '1', '1'), totalYear('2021', '1', '1')]));
    expect(a.findings[0]).toMatchObject({
      code: 'pefa-line-unreadable',
      path: ['years', 0, 'expenditure', 'administrative', 0, 'budget'],
      params: { year: '2019', line: 'Health', column: 'budget', text: 'n/a?' },
    });
    expect(a['PI-1'].years[0]).toMatchObject({ reason: 'unreadable', grade: null });
    // the revenue of the same year is still computed
    expect(a['PI-3'].dimensions['3.1'].years[0]?.outturn).toBe('100.0%');
  });

  it('unknown fields are kept and ignored', () => {
    const plain = dataset([
      totalYear('2019', '1', '1'),
      totalYear('2020', '1', '1'),
      totalYear('2021', '1', '1'),
    ]);
    const a = assessPefa({
      ...plain,
      source: 'https://example.org',
      years: plain.years.map((y) => ({
        ...y,
        note: 'audited',
        expenditure: { ...y.expenditure, currency: 'ZAR' },
      })),
    });
    expect(a).toEqual(assessPefa(plain));
  });

  it('never throws on arbitrary JSON, and every message is what the catalogs render', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 6 }),
      fc.double(),
      fc.integer(),
      fc.constant({}),
    );
    const line = fc.record({
      name: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
      budget: cell,
      actual: cell,
    });
    const lines = fc.oneof(fc.array(line, { maxLength: 3 }), cell);
    const amounts = fc.oneof(fc.record({ budget: cell, actual: cell }), cell);
    const year = fc.record(
      {
        year: fc.oneof(fc.constantFrom('2018/19', '2019/20', '2020/21', 2021, 'FY'), cell),
        approvedBudget: fc.oneof(fc.boolean(), cell),
        expenditure: fc.oneof(
          fc.record(
            {
              administrative: lines,
              economic: lines,
              interest: amounts,
              contingency: amounts,
              total: amounts,
            },
            { requiredKeys: [] },
          ),
          cell,
        ),
        revenue: lines,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.record({ kind: fc.constant('pefa'), years: fc.array(year, { maxLength: 5 }) }), cell),
        (input) => {
          const a = assessPefa(input);
          for (const f of a.findings) {
            expect(formatFinding(f, 'en')).toBe(f.message.en);
            expect(formatFinding(f, 'zh')).toBe(f.message.zh);
          }
          // a figure is a decimal string or null: never NaN or Infinity (input text may say so)
          expect(JSON.stringify({ ...a, findings: [] })).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the input is not mutated', () => {
    const ds = compositionDataset(['10', '20', '30'], [steady, steady, steady]);
    const copy = structuredClone(ds);
    const deepFreeze = (o: unknown): void => {
      if (typeof o === 'object' && o !== null) {
        Object.freeze(o);
        for (const v of Object.values(o)) deepFreeze(v);
      }
    };
    deepFreeze(ds);
    assessPefa(ds);
    expect(ds).toEqual(copy);
  });

  it('wrong options are programmer errors', () => {
    const ds = dataset([]);
    expect(() => assessPefa(ds, 'x' as unknown as object)).toThrow(TypeError);
    expect(() => assessPefa(ds, { bandEnds: 'open' as 'inclusive' })).toThrow(TypeError);
    expect(() => assessPefa(ds, { scalingBase: 'total' as 'dimension' })).toThrow(TypeError);
    expect(() => assessPefa(ds, { decimals: -1 })).toThrow(TypeError);
    expect(() => assessPefa(ds, { rounding: 'up' as 'half-up' })).toThrow(TypeError);
  });

  it('decimals and rounding change the printed figures only', () => {
    const ds = dataset([
      totalYear('2019', '3', '2'),
      totalYear('2020', '3', '2'),
      totalYear('2021', '3', '2'),
    ]);
    expect(assessPefa(ds)['PI-1'].years[0]?.outturn).toBe('66.7%');
    expect(assessPefa(ds, { decimals: 2, rounding: 'truncate' })['PI-1'].years[0]?.outturn).toBe('66.66%');
    expect(assessPefa(ds, { decimals: 0 })['PI-1'].years[0]?.exact).toBe(
      assessPefa(ds)['PI-1'].years[0]?.exact,
    );
  });
});

describe('size', () => {
  it('5,000 fiscal years: the last three are found', () => {
    const years = Array.from({ length: 5_000 }, (_, i) => totalYear(String(2000 + (i % 20)), '100', '100'));
    const a = assessPefa(dataset(years));
    expect(a.years).toEqual(['2017', '2018', '2019']);
    expect(a['PI-1'].score).toBe('A');
  });

  it('a number longer than four digits is not a year: the order given is used', () => {
    const a = assessPefa(dataset(['20191', '20192', '20193'].map((y) => totalYear(y, '1', '1'))));
    expect(a.years).toEqual(['20191', '20192', '20193']);
  });
});
