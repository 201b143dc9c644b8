/**
 * Weights and scores where the table prints them (issue 12, item 1; docs/conventions.md §12):
 * groups (一级/二级指标 with their own 分值 / 得分), 其中 budget lines that repeat their
 * parent, tables cut off before their end, and the rounding of printed scores.
 *
 * The four named tables are transcribed with the figures issue 12 gives for them (the printed
 * scores and totals); the `pages` corpus holds no copy of them to cite, so the split of a
 * block into rows, where the issue gives only the block's figure, is marked as such.
 */
import fc from 'fast-check';
import type { Report } from 'outturn';
import { validateReport } from 'outturn';
import { checkReport, parseReport } from 'outturn/schema';
import { describe, expect, it } from 'vitest';

const codes = (r: ReturnType<typeof validateReport>) => r.findings.map((f) => f.code);
const errors = (r: ReturnType<typeof validateReport>) =>
  r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path, f.published, f.recomputed]);
const met = (name: string, path: string[], score: string, weight?: string) => ({
  path,
  name,
  target: '≥90%',
  actual: '100%',
  ...(weight === undefined ? {} : { weight }),
  published: { score },
});

describe('printed totals against the printed scores, wherever they are printed', () => {
  // 黄冈 (Hubei): 20 + 10 + 10 + 19.6 + 20 + 20 = 99.6; the rows print scores, the weights are on
  // the two 40-point 年度绩效目标 blocks (issue 12). Before: "99.6 ≠ 20.0".
  const huanggangRows = [
    met('指标一', ['产出指标', '数量指标'], '10'),
    met('指标二', ['产出指标', '质量指标'], '10'),
    {
      path: ['产出指标', '时效指标'],
      name: '指标三',
      target: '≥100%',
      actual: '98%',
      published: { score: '19.6' },
    },
    met('指标四', ['效益指标', '社会效益指标'], '20'),
    met('指标五', ['满意度指标', '服务对象满意度'], '20'),
  ];
  const budget20 = [
    { name: '年度资金总额', adjusted: '100', actual: '100', weight: '20', published: { score: '20' } },
  ];

  it('黄冈: 20 + 10 + 10 + 19.6 + 20 + 20 = 99.6 is not "≠ 20" (rows print scores, no weights)', () => {
    const r = validateReport({
      kind: 'project',
      budget: budget20,
      indicators: huanggangRows,
      published: { totalScore: '99.6', grade: '优' },
    });
    expect(errors(r)).toEqual([]);
    expect(codes(r)).not.toContain('total-score-mismatch');
  });

  it('黄冈 with its two 40-point blocks as groups: no error, no needs-judgement on the rows', () => {
    const r = validateReport({
      kind: 'project',
      budget: budget20,
      indicators: huanggangRows,
      groups: [
        { path: ['产出指标'], weight: '40' },
        { path: ['效益指标'], weight: '20' },
        { path: ['满意度指标'], weight: '20' },
      ],
      published: { totalScore: '99.6', grade: '优' },
    });
    expect(errors(r)).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'needs-judgement')).toEqual([]);
    // No row prints a weight: the rules cannot give a total; the printed one is checked.
    expect(r.totalScore).toBeNull();
  });

  it('黄冈: a printed total beyond the printed scores is still found', () => {
    const r = validateReport({
      kind: 'project',
      budget: budget20,
      indicators: huanggangRows,
      published: { totalScore: '96.6' },
    });
    // The printed scores stand for [97.05, 100.15] (integers ±0.5, 19.6 ± 0.05, the budget's
    // 20 within its weight): 96.6 is beyond it.
    expect(r.findings.find((f) => f.code === 'total-score-mismatch')).toMatchObject({
      published: '96.6',
      recomputed: '99.6',
    });
  });

  it('a row that prints no score leaves the printed sum unknown: no total-score-mismatch', () => {
    const blank = met('指标一', ['产出指标', '数量指标'], '');
    const rest = huanggangRows.slice(1);
    const r = validateReport({
      kind: 'project',
      budget: budget20,
      indicators: [blank, ...rest],
      published: { totalScore: '99.6' },
    });
    expect(codes(r)).not.toContain('total-score-mismatch');
  });

  it('塘湖镇: budget 20 + a goal block of 80 (Anhui layout) = 100 is not "≠ 20"', () => {
    // The block prints its own 得分 (80) and stands for its rows; its rows are not counted again.
    const r = validateReport({
      kind: 'project',
      budget: budget20,
      groups: [{ path: ['年度绩效目标'], weight: '80', published: { score: '80' } }],
      indicators: [
        met('指标一', ['年度绩效目标', '产出指标'], '40', '40'),
        met('指标二', ['年度绩效目标', '效益指标'], '40', '40'),
      ],
      published: { totalScore: '100', grade: '优' },
    });
    expect(errors(r)).toEqual([]);
    expect(r.totalScore).toBe('100.00');
    expect(r.grade).toBe('优');
  });

  it('a group score that is not the sum of its rows is a score-mismatch on the group', () => {
    const r = validateReport({
      kind: 'project',
      budget: budget20,
      groups: [{ path: ['年度绩效目标'], weight: '80', published: { score: '78' } }],
      indicators: [
        met('指标一', ['年度绩效目标', '产出指标'], '40', '40'),
        met('指标二', ['年度绩效目标', '效益指标'], '40', '40'),
      ],
    });
    expect(r.findings.find((f) => f.code === 'score-mismatch')).toMatchObject({
      path: ['groups', 0, 'published', 'score'],
      published: '78',
      recomputed: '80',
    });
  });
});

describe('其中 budget lines', () => {
  const rows80 = [
    met('产出一', ['产出指标', '数量指标'], '25', '25'),
    met('产出二', ['产出指标', '质量指标'], '25', '25'),
    met('效益一', ['效益指标', '社会效益指标'], '30', '30'),
  ];

  it('河西村: 10 + 10 + 80 does not invent a total of 100 on a table cut off before 满意度', () => {
    const r = validateReport({
      kind: 'project',
      budget: [
        {
          name: '年度资金总额',
          adjusted: '50',
          actual: '50',
          weight: '10',
          published: { executionRate: '100%', score: '10' },
          children: [
            {
              name: '其中:本年财政拨款',
              adjusted: '50',
              actual: '50',
              weight: '10',
              published: { score: '10' },
            },
          ],
        },
      ],
      indicators: rows80,
    });
    expect(r.totalScore).toBeNull();
    expect(r.grade).toBeNull();
    const f = r.findings.find((x) => x.code === 'weights-incomplete');
    expect(f).toMatchObject({ severity: 'warning', recomputed: '90' });
    expect(f?.message.zh).toContain('满意度指标');
    expect(codes(r)).not.toContain('weight-sum-mismatch');
  });

  it('太白镇: three budget lines of 10 (a total and two 其中 lines) are 10, not 30', () => {
    const line = (name: string, amount: string) => ({
      name,
      adjusted: amount,
      actual: amount,
      weight: '10',
      published: { score: '10' },
    });
    const r = validateReport({
      kind: 'project',
      budget: [
        {
          ...line('年度资金总额', '20'),
          children: [line('其中:本年财政拨款', '15'), line('上年结转资金', '5')],
        },
      ],
      indicators: [...rows80, met('满意度', ['满意度指标', '服务对象满意度指标'], '10', '10')],
      published: { totalScore: '100' },
    });
    expect(errors(r)).toEqual([]);
    expect(r.totalScore).toBe('100.00');
  });

  it('children whose weights sum to the parent split it: they count, the parent does not', () => {
    const r = validateReport({
      kind: 'project',
      budget: [
        {
          name: '年度资金总额',
          weight: '10',
          published: { score: '9' },
          children: [
            { name: '财政拨款', adjusted: '10', actual: '10', weight: '6', published: { score: '6' } },
            { name: '其他资金', adjusted: '10', actual: '5', weight: '4', published: { score: '2' } },
          ],
        },
      ],
      indicators: [...rows80, met('满意度', ['满意度指标'], '10', '10')],
      published: { totalScore: '98' },
    });
    expect(errors(r)).toEqual([]);
    expect(r.totalScore).toBe('98.00');
  });
});

describe('weights where they are printed', () => {
  const budget10 = [
    { name: '年度资金总额', adjusted: '1', actual: '1', weight: '10', published: { score: '10' } },
  ];

  it.each([
    {
      what: "a group's rows above its weight",
      groups: [{ path: ['产出指标'], weight: '50' }],
      rows: [
        met('a', ['产出指标'], '30', '30'),
        met('b', ['产出指标'], '30', '30'),
        met('c', ['效益指标'], '30', '30'),
      ],
      code: 'weight-sum-mismatch',
      path: ['groups', 0, 'weight'],
    },
    {
      what: 'a row score above its own weight',
      groups: [],
      rows: [
        met('a', ['产出指标'], '52', '50'),
        met('b', ['效益指标'], '30', '30'),
        met('c', ['满意度指标'], '10', '10'),
      ],
      code: 'score-above-weight',
      path: ['indicators', 0, 'published', 'score'],
    },
    {
      what: "rows' scores above their group's weight",
      groups: [{ path: ['产出指标'], weight: '50' }],
      rows: [
        met('a', ['产出指标'], '30'),
        met('b', ['产出指标'], '25'),
        met('c', ['效益指标'], '30', '30'),
        met('d', ['满意度指标'], '10', '10'),
      ],
      code: 'score-above-weight',
      path: ['groups', 0, 'weight'],
    },
    {
      what: 'a group score above its weight',
      groups: [{ path: ['产出指标'], weight: '50', published: { score: '55' } }],
      rows: [met('c', ['效益指标'], '30', '30'), met('d', ['满意度指标'], '10', '10')],
      code: 'score-above-weight',
      path: ['groups', 0, 'published', 'score'],
    },
  ])('$what → $code', ({ groups, rows, code, path }) => {
    const r = validateReport({ kind: 'project', budget: budget10, groups, indicators: rows });
    expect(r.findings.find((f) => f.code === code)).toMatchObject({ path, severity: 'error' });
  });

  it.each([
    // A table that prints its 总分 reached its end: weights below 100 are wrong, not cut off.
    {
      what: 'weights of 90 with a printed total',
      total: '90',
      code: 'weight-sum-mismatch',
      severity: 'error',
    },
    // A 总分 above the printed scores by no more than the weights not shown: rows were lost
    // (融媒体中心 2021, 广水市 2021): the total is the whole table's, the copy is cut off.
    {
      what: 'weights of 90 with a total 8 above the printed scores',
      total: '98',
      code: 'weights-incomplete',
      severity: 'warning',
    },
    // No 总分: the table may be cut off (the importer cannot tell): say so, no total, no grade.
    {
      what: 'weights of 90 and no printed total',
      total: undefined,
      code: 'weights-incomplete',
      severity: 'warning',
    },
  ])('$what → $code', ({ total, code, severity }) => {
    const r = validateReport({
      kind: 'project',
      budget: budget10,
      indicators: [
        met('a', ['产出指标'], '50', '50'),
        met('b', ['效益指标'], '20', '20'),
        met('c', ['满意度指标'], '10', '10'),
      ],
      ...(total === undefined ? {} : { published: { totalScore: total } }),
    });
    expect(r.findings.find((f) => f.code === code)).toMatchObject({ severity, recomputed: '90' });
    if (code === 'weights-incomplete') expect(errors(r)).toEqual([]);
    expect(r.totalScore).toBeNull();
    expect(r.grade).toBeNull();
  });

  it('a total above the printed scores by more than the weights not shown is still wrong', () => {
    const r = validateReport({
      kind: 'project',
      budget: budget10,
      indicators: [
        met('a', ['产出指标'], '50', '50'),
        met('b', ['效益指标'], '20', '20'),
        met('c', ['满意度指标'], '10', '10'),
      ],
      published: { totalScore: '100.5' },
    });
    expect(r.findings.find((f) => f.code === 'weight-sum-mismatch')).toMatchObject({ recomputed: '90' });
    expect(r.findings.find((f) => f.code === 'total-score-mismatch')).toMatchObject({ recomputed: '90.0' });
  });

  it("a 其中 line that repeats its parent's 分值 and 得分 against its own lower rate needs judgement", () => {
    // 太白镇 2021: 10 / 10 on the total (108.20%, capped) and on 基本支出 (92.87%, 9.29 on its own).
    const r = validateReport({
      kind: 'department',
      budget: [
        {
          name: '预算总金额',
          initial: '1172.55',
          actual: '1268.72',
          weight: '10',
          published: { score: '10' },
          children: [
            { name: '基本支出', initial: '1000', actual: '928.7', weight: '10', published: { score: '10' } },
          ],
        },
      ],
      indicators: [],
    });
    expect(r.findings.filter((f) => f.code === 'score-mismatch')).toEqual([]);
    expect(r.findings.find((f) => f.code === 'needs-judgement')).toMatchObject({
      path: ['budget', 0, 'children', 0, 'published', 'score'],
      severity: 'info',
    });
    // A score printed below the parent's is its own, and checked: 8 is not 9.29 at any rounding.
    const own = validateReport({
      kind: 'department',
      budget: [
        {
          name: '预算总金额',
          initial: '1172.55',
          actual: '1268.72',
          weight: '10',
          published: { score: '10' },
          children: [
            { name: '基本支出', initial: '1000', actual: '928.7', weight: '10', published: { score: '8' } },
          ],
        },
      ],
      indicators: [],
    });
    expect(own.findings.find((f) => f.code === 'score-mismatch')).toMatchObject({
      path: ['budget', 0, 'children', 0, 'published', 'score'],
    });
  });

  it('weights above 100 are wrong whether or not a total is printed', () => {
    const r = validateReport({
      kind: 'project',
      budget: budget10,
      indicators: [
        met('a', ['产出指标'], '60', '60'),
        met('b', ['效益指标'], '30', '30'),
        met('c', ['满意度指标'], '10', '10'),
      ],
    });
    expect(r.findings.find((f) => f.code === 'weight-sum-mismatch')).toMatchObject({ recomputed: '110' });
  });

  it('a last group whose rows fall short of its weight, with no total printed, is a cut (warning)', () => {
    const r = validateReport({
      kind: 'project',
      budget: budget10,
      groups: [
        { path: ['产出指标'], weight: '50' },
        { path: ['效益指标'], weight: '30' },
        { path: ['满意度指标'], weight: '10' },
      ],
      indicators: [met('a', ['产出指标'], '50', '50'), met('b', ['效益指标'], '30', '30')],
    });
    expect(r.findings.find((f) => f.code === 'weights-incomplete')?.message.en).toContain('满意度指标');
    expect(errors(r)).toEqual([]);
    expect(r.totalScore).toBeNull();
  });

  it('a weight printed beside a blank score is score-missing (info)', () => {
    const r = validateReport({
      kind: 'project',
      indicators: [{ name: '满意度', target: '≥95%', actual: '95%', weight: '10', published: { score: '' } }],
    });
    expect(r.findings.find((f) => f.code === 'score-missing')).toMatchObject({
      severity: 'info',
      path: ['indicators', 0, 'published', 'score'],
    });
  });
});

describe('rounding of printed scores and totals', () => {
  it('a total within the rounding of its printed scores is rounding-difference, beyond it an error', () => {
    const rows = ['33.33', '33.33', '33.33'].map((s, i) => met(`r${i}`, [`g${i}`], s));
    const at = (total: string, strict = false) =>
      validateReport({ indicators: rows, published: { totalScore: total } }, {
        strictInputs: strict,
      } as Parameters<typeof validateReport>[1]);
    expect(at('100.00').findings.find((f) => f.code === 'rounding-difference')).toMatchObject({
      path: ['published', 'totalScore'],
      published: '100.00',
      recomputed: '99.99',
    });
    expect(codes(at('100.00'))).not.toContain('total-score-mismatch');
    // 100.005 is the closed interval's upper end (docs/conventions.md §1): 100.01 is allowed too.
    expect(codes(at('100.01'))).not.toContain('total-score-mismatch');
    expect(codes(at('100.02'))).toContain('total-score-mismatch');
    // strictInputs: the printed scores are exact.
    expect(codes(at('100.00', true))).toContain('total-score-mismatch');
  });

  it.each([
    // ≥100%, actual 98.3% stands for [98.25, 98.35]: the score for weight 10 is [9.825, 9.835].
    { printed: '9.83', code: null },
    { printed: '9.84', code: 'rounding-difference' },
    { printed: '9.85', code: 'score-mismatch' },
  ])('a row score $printed against actual 98.3% → $code', ({ printed, code }) => {
    const r = validateReport({
      indicators: [
        { name: '合格率', target: '≥100%', actual: '98.3%', weight: '10', published: { score: printed } },
      ],
    });
    const found = r.findings.filter((f) => f.code === 'rounding-difference' || f.code === 'score-mismatch');
    expect(found.map((f) => f.code)).toEqual(code === null ? [] : [code]);
  });

  it('strictInputs reads the printed actual as exact', () => {
    const r = validateReport(
      {
        indicators: [
          { name: '合格率', target: '≥100%', actual: '98.3%', weight: '10', published: { score: '9.84' } },
        ],
      },
      { strictInputs: true } as Parameters<typeof validateReport>[1],
    );
    expect(codes(r)).toContain('score-mismatch');
  });

  // A table built to add up: budget 10 + rows of weights summing to 90, every score exact from
  // its printed actual, printed at a random precision, and the total printed at another.
  const cents = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  const table = fc
    .record({
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 89 }), { maxLength: 5 }),
      actuals: fc.array(fc.integer({ min: 50, max: 120 }), { minLength: 6, maxLength: 6 }),
      decimals: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
      spent: fc.integer({ min: 50, max: 100 }),
      totalDecimals: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ cuts, actuals, decimals, spent, totalDecimals }) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b), 90];
      const weights = points.slice(1).map((p, i) => p - (points[i] as number));
      // Scores in hundredths of a point, exact: min(actual, 100) / 100 × weight.
      const exact = weights.map((w, i) => Math.min(actuals[i] as number, 100) * w);
      const budgetExact = spent * 10; // rate spent% × 10 points, in hundredths
      const round = (h: number, d: number) => {
        const unit = 10 ** (2 - d);
        return Math.floor((h + unit / 2) / unit) * unit;
      };
      const show = (h: number, d: number) => {
        const s = cents(round(h, d));
        return d === 2 ? s : d === 1 ? s.slice(0, -1) : s.slice(0, -3);
      };
      const printedScores = exact.map((h, i) => show(h, decimals[i] as number));
      const sumExact = exact.reduce((a, b) => a + b, budgetExact);
      const printedSumHundredths =
        exact.reduce((a, h, i) => a + round(h, decimals[i] as number), 0) +
        round(budgetExact, decimals[6] as number);
      const report: Report = {
        kind: 'project',
        budget: [
          {
            name: '年度资金总额',
            adjusted: '100',
            actual: String(spent),
            weight: '10',
            published: { score: show(budgetExact, decimals[6] as number) },
          },
        ],
        indicators: weights.map((w, i) => ({
          path: [['产出指标', '效益指标', '满意度指标'][i % 3] as string],
          name: `指标${i}`,
          target: '≥100',
          actual: String(actuals[i]),
          weight: String(w),
          published: { score: printedScores[i] as string },
        })),
        published: { totalScore: show(sumExact, totalDecimals) },
      };
      return { report, printedSumHundredths, n: weights.length + 1 };
    });

  it('a scored table built to add up, scores rounded at random precisions, never gets an error', () => {
    fc.assert(
      fc.property(table, ({ report }) => {
        const r = validateReport(report);
        expect(errors(r)).toEqual([]);
      }),
    );
  });

  it('a total off by more than the rounding interval always gets total-score-mismatch', () => {
    fc.assert(
      fc.property(
        table,
        fc.integer({ min: 1, max: 500 }),
        fc.boolean(),
        ({ report, printedSumHundredths, n }, extra, up) => {
          // Each of the n printed scores stands for at most ±0.5: n × 0.5 plus 0.01 is beyond.
          const off = n * 50 + extra;
          const total = up ? printedSumHundredths + off : printedSumHundredths - off;
          const shown = total < 0 ? `-${cents(-total)}` : cents(total);
          const r = validateReport({ ...report, published: { totalScore: shown } });
          expect(codes(r)).toContain('total-score-mismatch');
        },
      ),
    );
  });
});

describe('report format: groups and goals', () => {
  it('parseReport accepts groups and goals and keeps them', () => {
    const json = {
      groups: [{ path: ['产出指标'], weight: '50', published: { score: '48' } }],
      goals: [{ expected: '完成项目建设', actual: '已完成' }],
    };
    const p = parseReport(json);
    expect(p.ok).toBe(true);
    expect(p.report?.groups?.[0]?.weight).toBe('50');
    expect(p.report?.goals?.[0]?.actual).toBe('已完成');
  });

  it.each([
    { groups: {}, path: ['groups'] },
    { groups: [{ weight: '5' }], path: ['groups', 0, 'path'] },
    { groups: [{ path: ['产出指标', 3] }], path: ['groups', 0, 'path', 1] },
    { groups: [{ path: [], weight: true }], path: ['groups', 0, 'weight'] },
    { goals: [{ expected: 5 }], path: ['goals', 0, 'expected'] },
  ])('a bad shape is an invalid-report finding with its path: $path', ({ path, ...json }) => {
    const p = parseReport(json);
    expect(p.ok).toBe(false);
    expect(p.findings.map((f) => f.path)).toContainEqual(path);
    expect(checkReport(json).findings.every((f) => f.code === 'invalid-report')).toBe(true);
  });

  it('validateReport on a bad group reports it with its path and does not throw', () => {
    const r = validateReport({ groups: [null, { path: ['产出指标'], weight: '50' }] } as unknown as Report);
    expect(r.findings.find((f) => f.code === 'invalid-report')?.path).toEqual(['groups', 0]);
  });
});
