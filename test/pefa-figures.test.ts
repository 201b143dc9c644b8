/**
 * The figures of PEFA 2016 Pillar I, one at a time: every threshold edge of every band table,
 * the two-of-three-years rule, M1 with its "+", and the M2 conversion table cell by cell.
 *
 * Bands: "Framework for assessing public financial management", PEFA Secretariat 2016, PI-1
 * (https://www.pefa.org/node/4762), PI-2 (https://www.pefa.org/node/4627), PI-3
 * (https://www.pefa.org/index.php/node/4628); D*: §2.1 (https://www.pefa.org/node/4754); M1/M2:
 * §2.2 (https://www.pefa.org/node/4756, https://www.pefa.org/node/4758). Read 2026-12-02.
 */
import fc from 'fast-check';
import {
  aggregateOutturn,
  compositionVariance,
  PEFA_AGGREGATE_EXPENDITURE_BANDS,
  PEFA_AGGREGATE_REVENUE_BANDS,
  PEFA_COMPOSITION_BANDS,
  PEFA_CONTINGENCY_BANDS,
  PEFA_M2_TWO_DIMENSIONS,
  type PefaGrade,
  type PefaScore,
  pefaGradeOf,
  pefaYearGrade,
  scoreM1,
  scoreM2,
} from 'outturn';
import { describe, expect, it } from 'vitest';

describe('PI-1 bands: between 95% and 105% (A), 90–110% (B), 85–115% (C), ends included by default', () => {
  it.each([
    ['95', 'A'],
    ['105', 'A'],
    ['100', 'A'],
    ['94.99', 'B'],
    ['94.999999999999999999', 'B'],
    ['105.01', 'B'],
    ['105.000000000000000001', 'B'],
    ['90', 'B'],
    ['110', 'B'],
    ['89.99', 'C'],
    ['110.01', 'C'],
    ['85', 'C'],
    ['115', 'C'],
    ['84.99', 'D'],
    ['115.01', 'D'],
    ['0', 'D'],
    ['250', 'D'],
    ['97.3%', 'A'],
  ])('%s%% → %s', (value, grade) => {
    expect(pefaYearGrade(value, PEFA_AGGREGATE_EXPENDITURE_BANDS)).toBe(grade);
  });

  it.each([
    ['95', 'B'],
    ['105', 'B'],
    ['95.0001', 'A'],
    ['90', 'C'],
    ['110', 'C'],
    ['85', 'D'],
    ['115', 'D'],
  ])('bandEnds exclusive: %s%% → %s', (value, grade) => {
    expect(pefaYearGrade(value, PEFA_AGGREGATE_EXPENDITURE_BANDS, { bandEnds: 'exclusive' })).toBe(grade);
  });
});

describe('PI-3.1 bands: 97–106% (A), 94–112% (B), 92–116% (C)', () => {
  it.each([
    ['97', 'A'],
    ['106', 'A'],
    ['96.99', 'B'],
    ['106.01', 'B'],
    ['94', 'B'],
    ['112', 'B'],
    ['93.99', 'C'],
    ['112.01', 'C'],
    ['92', 'C'],
    ['116', 'C'],
    ['91.99', 'D'],
    ['116.01', 'D'],
  ])('%s%% → %s', (value, grade) => {
    expect(pefaYearGrade(value, PEFA_AGGREGATE_REVENUE_BANDS)).toBe(grade);
  });
});

describe('composition bands (2.1, 2.2, 3.2): less than 5% / 10% / 15%, whatever bandEnds says', () => {
  it.each([
    ['0', 'A'],
    ['4.99', 'A'],
    ['4.9999999999', 'A'],
    ['5', 'B'],
    ['9.99', 'B'],
    ['10', 'C'],
    ['14.99', 'C'],
    ['15', 'D'],
    ['200', 'D'],
  ])('%s%% → %s', (value, grade) => {
    expect(pefaYearGrade(value, PEFA_COMPOSITION_BANDS)).toBe(grade);
    expect(pefaYearGrade(value, PEFA_COMPOSITION_BANDS, { bandEnds: 'exclusive' })).toBe(grade);
  });
});

describe('contingency bands (2.3): A < 3%, B 3–6% inclusive, C more than 6% and less than 10%', () => {
  it.each([
    ['0', 'A'],
    ['2.99', 'A'],
    ['3', 'B'],
    ['6', 'B'],
    ['6.01', 'C'],
    ['9.99', 'C'],
    ['10', 'D'],
    ['12', 'D'],
  ])('%s%% → %s', (value, grade) => {
    expect(pefaYearGrade(value, PEFA_CONTINGENCY_BANDS)).toBe(grade);
    expect(pefaYearGrade(value, PEFA_CONTINGENCY_BANDS, { bandEnds: 'exclusive' })).toBe(grade);
  });
});

describe('two of the last three years', () => {
  it.each([
    [['97.3%', '104.1%', '88%'], 'A', ['A', 'A', 'C']],
    [['97.3%', '88%', '80%'], 'C', ['A', 'C', 'D']],
    [['97.3%', '80%', '70%'], 'D', ['A', 'D', 'D']],
    [['91%', '92%', '99%'], 'B', ['B', 'B', 'A']],
    [['97.3%', null, '88%'], 'C', ['A', 'D', 'C']],
    [[null, null, '100%'], 'D', ['D', 'D', 'A']],
    // only the last three count
    [['50%', '60%', '100%', '100%', '70%'], 'A', ['A', 'A', 'D']],
  ] as const)('%j → %s', (figures, score, years) => {
    expect(pefaGradeOf(figures, PEFA_AGGREGATE_EXPENDITURE_BANDS)).toEqual({ score, years });
  });

  it.each([[[]], [['100%']], [['100%', '100%']]] as const)('%j: fewer than three years → D*', (figures) => {
    expect(pefaGradeOf(figures, PEFA_AGGREGATE_EXPENDITURE_BANDS).score).toBe('D*');
  });
});

describe('M1 (weakest link): the lowest score, + when any other dimension scores higher', () => {
  it.each([
    [['A', 'A', 'A'], 'A'],
    [['B', 'A', 'A'], 'B+'],
    [['B', 'B', 'B'], 'B'],
    [['B', 'A', 'C'], 'C+'],
    [['C', 'C', 'C'], 'C'],
    [['D', 'D', 'D'], 'D'],
    [['D', 'D', 'C'], 'D+'],
    [['A', 'D', 'A'], 'D+'],
    [['D*', 'B', 'A'], 'D+'],
    [['D*', 'D', 'D*'], 'D'],
    [['D*'], 'D'],
    [['C'], 'C'],
  ] as const)('%j → %s', (grades, score) => {
    expect(scoreM1(grades)).toBe(score);
  });
});

describe('M2 (averaging): the two-dimension section of the conversion table, cell by cell', () => {
  // Framework 2016 §2.2 Table 1, two-dimensional indicators: the ten rows, in the table's order.
  const TABLE: readonly (readonly [PefaGrade, PefaGrade, PefaScore])[] = [
    ['D', 'D', 'D'],
    ['D', 'C', 'D+'],
    ['D', 'B', 'C'],
    ['D', 'A', 'C+'],
    ['C', 'C', 'C'],
    ['C', 'B', 'C+'],
    ['C', 'A', 'B'],
    ['B', 'B', 'B'],
    ['B', 'A', 'B+'],
    ['A', 'A', 'A'],
  ];

  it('the exported table is the Framework table', () => {
    expect(PEFA_M2_TWO_DIMENSIONS).toEqual(TABLE);
  });

  it.each(TABLE)('%s + %s → %s (in either order)', (a, b, score) => {
    expect(scoreM2([a, b])).toBe(score);
    expect(scoreM2([b, a])).toBe(score);
  });

  it.each(TABLE.filter(([a, b]) => a === 'D' || b === 'D'))('D* counts as D: %s + %s → %s', (a, b, score) => {
    expect(scoreM2([a === 'D' ? 'D*' : a, b === 'D' ? 'D*' : b])).toBe(score);
  });

  it('covers all 16 ordered pairs of A–D', () => {
    const grades = ['A', 'B', 'C', 'D'] as const;
    for (const a of grades) for (const b of grades) expect(scoreM2([a, b])).not.toBeNull();
  });

  it('one dimension scores itself; three and four are not in the transcribed table (null)', () => {
    expect(scoreM2(['B'])).toBe('B');
    expect(scoreM2(['D*'])).toBe('D');
    expect(scoreM2(['A', 'B', 'C'])).toBeNull();
    expect(scoreM2(['A', 'B', 'C', 'D'])).toBeNull();
  });

  it('refuses what is not a list of grades', () => {
    expect(() => scoreM2([])).toThrow(TypeError);
    expect(() => scoreM2(['B+' as PefaGrade])).toThrow(TypeError);
    expect(() => scoreM1('A' as unknown as PefaGrade[])).toThrow(TypeError);
  });
});

describe('aggregateOutturn', () => {
  it('is actual ÷ budget × 100, printed to one decimal half-up', () => {
    expect(aggregateOutturn('1340', '1304')).toMatchObject({ ok: true, printed: '97.3%' });
    const r = aggregateOutturn('100', '105');
    expect(r).toEqual({ ok: true, exact: '105', printed: '105.0%' });
    expect(aggregateOutturn('8', '1', { decimals: 2 })).toMatchObject({ printed: '12.50%', exact: '12.5' });
    expect(aggregateOutturn('3', '1', { decimals: 3, rounding: 'truncate' })).toMatchObject({
      printed: '33.333%',
    });
  });

  it('rounds once: 94.95 exactly prints 95.0%, yet grades B from the exact value', () => {
    const r = aggregateOutturn('2000', '1899');
    expect(r).toEqual({ ok: true, exact: '94.95', printed: '95.0%' });
    expect(pefaYearGrade(r.ok ? r.exact : '', PEFA_AGGREGATE_EXPENDITURE_BANDS)).toBe('B');
  });

  it('reads printed amounts (thousands separators, parentheses)', () => {
    expect(aggregateOutturn('1 340 000', '1,304,000')).toMatchObject({ ok: true, printed: '97.3%' });
  });

  it.each([
    ['0', '12', 'zero-budget'],
    ['0', '0', 'zero-budget'],
    [null, '12', 'missing-value'],
    ['12', '—', 'missing-value'],
    ['abc', '12', 'unparsable-value'],
  ] as const)('budget %j, actual %j → %s', (budget, actual, code) => {
    const r = aggregateOutturn(budget, actual);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe(code);
  });

  it('refuses wrong argument types', () => {
    expect(() => aggregateOutturn({} as unknown as string, '1')).toThrow(TypeError);
    expect(() => aggregateOutturn('1', '1', { decimals: 1.5 })).toThrow(TypeError);
    expect(() => aggregateOutturn('1', '1', { rounding: 'half_up' as 'half-up' })).toThrow(TypeError);
  });
});

describe('compositionVariance', () => {
  it('scales each budget by Σ actual ÷ Σ budget and sums the absolute deviations', () => {
    const r = compositionVariance([
      { name: 'Health', budget: '100', actual: '90' },
      { name: 'Education', budget: '100', actual: '130' },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scale).toBe('1.1');
    expect(r.printed).toBe('18.2%');
    expect(r.exact.startsWith('18.181818')).toBe(true);
    expect(r.lines).toEqual([
      {
        name: 'Health',
        budget: '100',
        adjusted: '110',
        actual: '90',
        deviation: '-20',
        absoluteDeviation: '20',
        printed: { budget: '100', adjusted: '110', actual: '90', deviation: '-20', absoluteDeviation: '20' },
      },
      {
        name: 'Education',
        budget: '100',
        adjusted: '110',
        actual: '130',
        deviation: '20',
        absoluteDeviation: '20',
        printed: { budget: '100', adjusted: '110', actual: '130', deviation: '20', absoluteDeviation: '20' },
      },
    ]);
    expect(r.totals).toEqual({
      budget: '200',
      adjusted: '220',
      actual: '220',
      deviation: '0',
      absoluteDeviation: '40',
      printed: { budget: '200', adjusted: '220', actual: '220', deviation: '0', absoluteDeviation: '40' },
    });
  });

  it('a given base: total expenditure with interest and contingency', () => {
    const r = compositionVariance(
      [
        { budget: '100', actual: '100' },
        { budget: '100', actual: '100' },
      ],
      { base: { budget: '250', actual: '200' } },
    );
    // scale 0.8: adjusted 80 + 80; Σ|deviation| 40 ÷ 160 = 25%
    expect(r).toMatchObject({ ok: true, scale: '0.8', exact: '25', printed: '25.0%' });
  });

  it('variance exactly 5% grades B, just under grades A', () => {
    // budgets 100/100, actuals 105/95: scale 1, Σ|dev| 10 ÷ 200 = 5%
    const five = compositionVariance([
      { budget: '100', actual: '105' },
      { budget: '100', actual: '95' },
    ]);
    expect(five).toMatchObject({ ok: true, exact: '5' });
    expect(pefaYearGrade(five.ok ? five.exact : '', PEFA_COMPOSITION_BANDS)).toBe('B');
    const under = compositionVariance([
      { budget: '100', actual: '104.99' },
      { budget: '100', actual: '95.01' },
    ]);
    expect(pefaYearGrade(under.ok ? under.exact : '', PEFA_COMPOSITION_BANDS)).toBe('A');
  });

  it('blank cells count as 0', () => {
    expect(
      compositionVariance([
        { budget: '100', actual: '100' },
        { budget: '-', actual: '' },
      ]),
    ).toMatchObject({ ok: true, exact: '0' });
  });

  it.each([
    [[], 'no-lines'],
    [[{ budget: '0', actual: '5' }], 'zero-budget'],
    [[{ budget: '10', actual: '0' }], 'zero-adjusted'],
    [[{ budget: '10', actual: 'x' }], 'unparsable-value'],
  ] as const)('%j → %s (never Infinity or NaN)', (lines, code) => {
    const r = compositionVariance(lines);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe(code);
  });

  it('refuses wrong argument types', () => {
    expect(() => compositionVariance('x' as unknown as [])).toThrow(TypeError);
    expect(() => compositionVariance([1 as unknown as { budget: string }])).toThrow(TypeError);
    expect(() => compositionVariance([{ budget: {} as unknown as string }])).toThrow(TypeError);
  });
});

const amount = fc
  .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, c]) => `${i}.${String(c).padStart(2, '0')}`);

describe('laws', () => {
  it('composition variance is 0 when every line moves in proportion', () => {
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('0.5', '0.8', '1', '1.25', '1.1', '0.97', '2', '0.333'),
        (budgets, k) => {
          fc.pre(budgets.some((b) => Number(b) > 0));
          const lines = budgets.map((b) => ({ budget: b, actual: mul(b, k) }));
          const r = compositionVariance(lines);
          expect(r).toMatchObject({ ok: true, exact: '0', printed: '0.0%' });
        },
      ),
    );
  });

  it('composition variance never exceeds 200% (amounts ≥ 0, own base)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount), { minLength: 1, maxLength: 12 }), (pairs) => {
        const r = compositionVariance(pairs.map(([budget, actual]) => ({ budget, actual })));
        if (!r.ok) return;
        expect(Number.parseFloat(r.exact)).toBeLessThanOrEqual(200);
        expect(Number.parseFloat(r.exact)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('the PI-1 grade is monotone in the distance from 100%', () => {
    const rank = { A: 4, B: 3, C: 2, D: 1 } as const;
    const pct = fc.integer({ min: 0, max: 30_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(pct, pct, (x, y) => {
        const gx = pefaYearGrade(String(x), PEFA_AGGREGATE_EXPENDITURE_BANDS);
        const gy = pefaYearGrade(String(y), PEFA_AGGREGATE_EXPENDITURE_BANDS);
        // symmetric bands (±5, ±10, ±15): nearer to 100 never grades worse
        if (Math.abs(x - 100) <= Math.abs(y - 100)) expect(rank[gx]).toBeGreaterThanOrEqual(rank[gy]);
      }),
    );
  });

  it('inputs are not mutated', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount), { minLength: 1, maxLength: 6 }), (pairs) => {
        const lines = pairs.map(([budget, actual], i) => Object.freeze({ name: `l${i}`, budget, actual }));
        const copy = structuredClone(lines);
        compositionVariance(Object.freeze(lines));
        expect(lines).toEqual(copy);
      }),
    );
  });
});

/** b × k exactly, for decimal strings with few digits (test helper). */
function mul(b: string, k: string): string {
  const [bi = '0', bf = ''] = b.split('.');
  const [ki = '0', kf = ''] = k.split('.');
  const n = BigInt(bi + bf) * BigInt(ki + kf);
  const scale = bf.length + kf.length;
  const s = n.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

describe('compositionVariance: the annex as printed', () => {
  it('prints every amount at the most decimals the lines print, rounded once, half-up', () => {
    const r = compositionVariance([
      { name: 'Health', budget: '100', actual: '90.5' },
      { name: 'Education', budget: '100', actual: '130' },
    ]);
    if (!r.ok) throw new Error(r.message.en);
    // scale 220.5 ÷ 200 = 1.1025: adjusted 110.25 each, printed at 1 decimal (the outturn's).
    expect(r.lines.map((l) => l.printed)).toEqual([
      { budget: '100.0', adjusted: '110.3', actual: '90.5', deviation: '-19.8', absoluteDeviation: '19.8' },
      { budget: '100.0', adjusted: '110.3', actual: '130.0', deviation: '19.8', absoluteDeviation: '19.8' },
    ]);
    expect(r.lines[0]?.adjusted).toBe('110.25');
    expect(r.totals.printed).toEqual({
      budget: '200.0',
      adjusted: '220.5',
      actual: '220.5',
      deviation: '0.0',
      absoluteDeviation: '39.5',
    });
  });
});
