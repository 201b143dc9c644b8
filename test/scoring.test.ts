import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  budgetExecutionScore,
  gradeOf,
  parseScoringProfile,
  profileNamed,
  type Report,
  SCORING_PROFILES,
  type ScoringProfile,
  scoreIndicator,
  validateReport,
} from 'outturn';
import { describe, expect, it } from 'vitest';

const profile = (name: string): ScoringProfile => {
  const p = profileNamed(name);
  if (!p) throw new Error(`no profile ${name}`);
  return p;
};

describe('scoreIndicator: quantitative strategies', () => {
  // Table rows: [target, actual, weight, profile, expected printed score, rule]
  const rows: [string, string, string, string, string, string][] = [
    // Higher is better: met → full; not met → actual / target × weight.
    ['≥43.2', '37.24', '10', 'default', '8.62', 'higher-ratio'], // 廊坊市食品工程学校 2019 工程资金金额
    ['≥100%', '100%', '10', 'default', '10.00', 'met-full'],
    ['≥100%', '99.99%', '10', 'default', '10.00', 'higher-ratio'], // 9.999 → 10.00 half-up
    ['≥100%', '99.94%', '10', 'default', '9.99', 'higher-ratio'], // 9.994 → 9.99
    ['≥100%', '99.95%', '10', 'default', '10.00', 'higher-ratio'], // 9.995 → 10.00 (half-up edge)
    ['>90%', '90%', '10', 'default', '10.00', 'higher-ratio'], // strict: 90 is not > 90, ratio 1 → 10
    ['≥6 次', '3 次', '5', 'default', '2.50', 'higher-ratio'],
    ['≥10万元', '50000元', '8', 'default', '4.00', 'higher-ratio'], // units converted first
    // Lower is better: ratio (published templates) or linear deficit (provincial system).
    ['≤10', '12', '10', 'default', '8.33', 'lower-ratio'],
    ['≤10', '12', '10', 'linear-deficit', '8.00', 'lower-linear-deficit'],
    ['≤10', '20', '10', 'linear-deficit', '0.00', 'lower-linear-deficit'], // zero at twice the target
    ['≤10', '25', '10', 'linear-deficit', '0.00', 'lower-linear-deficit'], // floored at 0
    ['≤10', '25', '10', 'default', '4.00', 'lower-ratio'],
    ['≤10', '9', '10', 'default', '10.00', 'met-full'],
    ['<5%', '5%', '6', 'default', '6.00', 'lower-ratio'], // strict: 5/5 × 6
    ['≤0%', '3%', '10', 'default', '0.00', 'lower-ratio'], // zero target missed
    // Equality: below a positive target as higher-is-better; above it nearer / farther (issue 12:
    // a missed equality target never scores its full weight); target 0 missed: 0.
    ['=100%', '93.74%', '10', 'default', '9.37', 'higher-ratio'], // 预算执行率 of the reference report
    ['=100%', '120%', '10', 'default', '8.33', 'equal-ratio'],
    ['=0%', '0%', '5', 'default', '5.00', 'met-full'],
    ['=0%', '43.37%', '5', 'default', '0.00', 'equal-zero-target'], // 预算调整率 of the reference report
    ['=0%', '-2%', '5', 'default', '0.00', 'equal-zero-target'],
    // Ranges: below → actual / min; above → max / actual.
    ['90%-95%', '92%', '10', 'default', '10.00', 'met-full'],
    ['90%-95%', '81%', '10', 'default', '9.00', 'range-ratio'],
    ['90%-95%', '100%', '10', 'default', '9.50', 'range-ratio'],
  ];
  it.each(rows)('%s, actual %s, weight %s (%s) → %s', (target, actual, weight, name, expected, rule) => {
    const r = scoreIndicator({ target, actual, weight }, profile(name));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.printed).toBe(expected);
    expect(r.rule).toBe(rule);
  });

  it('explains the rule with its numbers in both languages', () => {
    const r = scoreIndicator({ target: '≥43.2', actual: '37.24', weight: '10' });
    expect(r.ok && r.explanation.zh).toBe('实际完成值 / 指标值 × 分值 = 37.24 / 43.2 × 10 = 8.62');
    expect(r.ok && r.explanation.en).toBe('actual / target × weight = 37.24 / 43.2 × 10 = 8.62');
  });

  it('keeps the exact score beside the printed one', () => {
    const r = scoreIndicator({ target: '≤10', actual: '12', weight: '10' });
    expect(r.ok && r.exact).toBe('8.3333333333333333333333333333333333333333333333333');
  });

  it('never scores without a weight, and says why', () => {
    for (const weight of [undefined, null, '']) {
      const r = scoreIndicator({ target: '≥90%', actual: '95%', weight });
      expect(r).toMatchObject({ ok: false, code: 'missing-weight' });
    }
    expect(scoreIndicator({ target: '≥90%', actual: '95%', weight: 'ten' })).toMatchObject({
      ok: false,
      code: 'invalid-weight',
    });
    expect(scoreIndicator({ target: '≥90%', actual: '95%', weight: '-5' })).toMatchObject({
      ok: false,
      code: 'invalid-weight',
    });
  });

  it('does not score what cannot be evaluated', () => {
    expect(scoreIndicator({ target: '≥90%', actual: '', weight: '10' })).toMatchObject({
      code: 'not-scorable',
    });
    expect(scoreIndicator({ target: '≥5次', actual: '5家', weight: '10' })).toMatchObject({
      code: 'not-scorable',
    });
    expect(scoreIndicator({ target: '≥100次', actual: '90余次', weight: '10' })).toMatchObject({
      code: 'not-scorable',
    });
  });

  it('throws only for a programmer error', () => {
    expect(() => scoreIndicator(null as never)).toThrow(TypeError);
  });
});

describe('scoreIndicator: qualitative bands', () => {
  const bands: [string, string, string, string, string, string][] = [
    // [target, actual, profile, band, min, max]
    ['健全', '健全', 'default', 'achieved', '8', '10'],
    ['较显著', '显著', 'default', 'achieved', '8', '10'],
    ['较显著', '一般', 'default', 'partial', '6', '8'],
    ['较显著', '较差', 'default', 'not-achieved', '0', '6'],
    ['健全', '基本健全', 'default', 'partial', '6', '8'],
    ['健全', '不健全', 'default', 'not-achieved', '0', '6'],
    ['效果明显', '达成预期指标', 'default', 'achieved', '8', '10'],
    ['效果明显', '部分达成预期指标', 'default', 'partial', '6', '8'],
    ['效果明显', '部分达成预期指标', 'bands-80-50', 'partial', '5', '8'],
    ['效果明显', '未达成预期指标', 'bands-80-50', 'not-achieved', '0', '5'],
  ];
  it.each(bands)('%s / %s (%s) → %s [%s, %s]', (target, actual, name, band, min, max) => {
    const r = scoreIndicator({ target, actual, weight: '10' }, profile(name));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rule).toBe('qualitative-band');
    expect(r.exact).toBeNull();
    expect(r.band).toMatchObject({ name: band, min, max, maxInclusive: band === 'achieved' });
  });

  it('unknown wording is not scored', () => {
    expect(scoreIndicator({ target: '较显著', actual: '还行', weight: '10' })).toMatchObject({
      ok: false,
      code: 'not-scorable',
    });
  });
});

describe('budgetExecutionScore', () => {
  const rows: [string, string, string, string][] = [
    ['86.59', '10', 'default', '8.66'], // 项目支出 of the reference report
    ['86.203703703703703703703703703703703703703703703704', '10', 'default', '8.62'], // 廊坊 37.24 / 43.2
    ['100', '10', 'default', '10.00'],
    ['134.17', '10', 'default', '10.00'], // capped
    ['134.17', '10', 'uncapped', '13.42'],
    ['0', '10', 'default', '0.00'],
    ['99.95', '20', 'default', '19.99'],
  ];
  it.each(rows)('rate %s × weight %s (%s) → %s', (rate, weight, name, expected) => {
    const r = budgetExecutionScore({ rate, weight }, profile(name));
    expect(r.ok && r.printed).toBe(expected);
  });
  it('a zero budget has no rate and so no score', () => {
    expect(budgetExecutionScore({ rate: null, weight: '10' })).toMatchObject({
      ok: false,
      code: 'not-scorable',
    });
  });
});

describe('gradeOf', () => {
  const rows: [string, string, string][] = [
    ['100', 'default', '优'],
    ['90', 'default', '优'],
    ['89.99', 'default', '良'],
    ['80', 'default', '良'],
    ['79.99', 'default', '中'],
    ['60', 'default', '中'],
    ['59.99', 'default', '差'],
    ['0', 'default', '差'],
    ['80', 'grades-80-70-60', '优'],
    ['79.99', 'grades-80-70-60', '良'],
    ['70', 'grades-80-70-60', '良'],
    ['69.99', 'grades-80-70-60', '中'],
  ];
  it.each(rows)('%s (%s) → %s', (total, name, grade) => {
    expect(gradeOf(total, profile(name))).toBe(grade);
  });
  it('is null for a total that is not a number', () => {
    expect(gradeOf('abc')).toBeNull();
  });
});

describe('scoring laws (fast-check)', () => {
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 99 }))
    .map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);
  const positive = decimal.filter((s) => Number(s) > 0);
  const op = fc.constantFrom('≥', '>', '≤', '<', '=');
  const profiles = fc.constantFrom(...Object.values(SCORING_PROFILES));

  it('a score never exceeds its weight and is never negative, under every profile', () => {
    fc.assert(
      fc.property(op, positive, decimal, positive, profiles, (o, t, a, w, p) => {
        const r = scoreIndicator({ target: `${o}${t}`, actual: a, weight: w }, p);
        if (!r.ok || r.exact === null) return;
        const score = Number(r.exact);
        // Comparing magnitudes as floats is fine in a test oracle with this headroom.
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(Number(w) + 1e-9);
        expect(r.exact).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 2000 },
    );
  });

  it('a met quantitative target scores its full weight under every profile', () => {
    fc.assert(
      fc.property(positive, decimal, positive, profiles, (t, extra, w, p) => {
        const actual = (Number(t) + Number(extra)).toFixed(2);
        const r = scoreIndicator({ target: `≥${t}`, actual, weight: w }, p);
        expect(r.ok && r.rule).toBe('met-full');
        expect(r.ok && r.exact).toBe(w.replace(/\.?0+$/, '') || '0');
      }),
      { numRuns: 1000 },
    );
  });

  it('the budget-execution score is capped at its weight unless the profile says otherwise', () => {
    fc.assert(
      fc.property(decimal, positive, (rate, w) => {
        const capped = budgetExecutionScore({ rate, weight: w });
        const uncapped = budgetExecutionScore({ rate, weight: w }, profile('uncapped'));
        if (!capped.ok || !uncapped.ok) throw new Error('expected scores');
        expect(Number(capped.exact)).toBeLessThanOrEqual(Number(w) + 1e-9);
        if (Number(rate) <= 100) expect(capped.exact).toBe(uncapped.exact);
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * 廊坊市食品工程学校《办公宿舍楼、食堂及餐厅暖通改造经费》项目支出绩效自评表（2019年度）, Hebei.
 * Source: http://www.lfsp.cn/newsinfo/1158053.html (transcribed in examples/reports/).
 */
const hebei = JSON.parse(
  readFileSync(
    new URL('../examples/reports/cn-hebei-langfang-food-school-2019-hvac.json', import.meta.url),
    'utf8',
  ),
) as Report;

/**
 * 池州市贵池区棠溪镇人民政府 委托业务项目 项目支出绩效自评表（2022年度）, Anhui.
 * Source: http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2 (stored copy).
 */
const anhui = JSON.parse(
  readFileSync(
    new URL('../examples/reports/cn-anhui-chizhou-tangxi-2022-weituo-yewu.json', import.meta.url),
    'utf8',
  ),
) as Report;

/**
 * 大英县司法局 2023 项目支出绩效自评表 (budget rows), Sichuan.
 * Source: https://dyxrmt.cn/article-157795-21.html
 */
const sichuan = JSON.parse(
  readFileSync(new URL('../examples/reports/cn-sichuan-daying-sfj-2023-anke.json', import.meta.url), 'utf8'),
) as Report;

const codes = (r: ReturnType<typeof validateReport>) => r.findings.map((f) => f.code);

describe('real project tables under the default profile', () => {
  it('Hebei: every printed score recomputes at its printed precision (8.62 printed as 9)', () => {
    const r = validateReport(hebei);
    const scoreFindings = r.findings.filter((f) => /score|grade|weight/.test(f.code));
    expect(scoreFindings).toEqual([]);
    expect(r.budget[0]?.score).toBe('8.62'); // 37.24 / 43.2 = 86.20% × 10
    expect(r.indicators[0]?.score).toBe('8.62'); // 实际完成值 / 指标值 × 分值
    expect(r.indicators.slice(1).map((i) => i.score)).toEqual(Array(8).fill('10.00'));
    expect(r.totalScore).toBe('97.24');
    expect(r.grade).toBe('优');
  });

  it('Hebei: a deduction on a met target is found under every profile', () => {
    const rows = (hebei.indicators ?? []).map((row, i) =>
      i === 1 ? { ...row, published: { ...row.published, score: '9' } } : row,
    );
    for (const p of Object.values(SCORING_PROFILES)) {
      const r = validateReport({ ...hebei, indicators: rows }, { scoring: p });
      const f = r.findings.find((x) => x.code === 'score-mismatch');
      expect(f?.path).toEqual(['indicators', 1, 'published', 'score']);
      expect(f?.published).toBe('9');
      expect(f?.recomputed).toBe('10');
      expect(f?.message.en).toContain('a met target scores its full weight');
    }
  });

  it('Hebei: a printed total that is not the sum of its printed scores is found', () => {
    const r = validateReport({ ...hebei, published: { totalScore: '98', grade: '优' } });
    const f = r.findings.find((x) => x.code === 'total-score-mismatch');
    // 9 + 8 × 10 + 9 = 98 is the sum of the printed scores; the rules give 97.24, printed as 97.
    expect(f).toMatchObject({ path: ['published', 'totalScore'], published: '98', recomputed: '97' });
    expect(f?.message.en).toContain('not what the scoring rules give');
    // Ten scores printed as integers each stand for ±0.5 (within [0, weight]): their sum is
    // [93, 99], so 92 is beyond what their rounding explains.
    const sum = validateReport({ ...hebei, published: { totalScore: '92', grade: '优' } });
    const g = sum.findings.find((x) => x.code === 'total-score-mismatch');
    expect(g).toMatchObject({ published: '92', recomputed: '98' });
    expect(g?.message.en).toContain('not the sum of the printed scores');
    // 95 is within the rounding of the printed scores, but not what the rules give (97.24).
    const near = validateReport({ ...hebei, published: { totalScore: '95', grade: '优' } });
    expect(near.findings.find((x) => x.code === 'rounding-difference')).toMatchObject({
      path: ['published', 'totalScore'],
      published: '95',
      recomputed: '98',
    });
    expect(near.findings.find((x) => x.code === 'total-score-mismatch')).toMatchObject({
      published: '95',
      recomputed: '97',
    });
  });

  it('Hebei: a budget score printed as a step instead of rate × weight is found', () => {
    // A stepped scheme gives 8 points for a rate between 80% and 90%; the linear rule gives 8.62.
    const budget = (hebei.budget ?? []).map((line) => ({
      ...line,
      published: { ...line.published, score: '8' },
    }));
    const r = validateReport({ ...hebei, budget });
    expect(r.findings.find((x) => x.code === 'score-mismatch')).toMatchObject({
      path: ['budget', 0, 'published', 'score'],
      published: '8',
      recomputed: '9',
    });
  });

  it('Hebei: a grade that does not follow the total is found', () => {
    const r = validateReport({ ...hebei, published: { totalScore: '97.24', grade: '良' } });
    expect(r.findings.find((x) => x.code === 'grade-mismatch')).toMatchObject({
      path: ['published', 'grade'],
      published: '良',
      recomputed: '优',
    });
    expect(
      codes(validateReport({ ...hebei, published: { totalScore: '97.24', grade: '优秀' } })),
    ).not.toContain('grade-mismatch');
  });

  it('Anhui: the total row 0 / 0 / 0 does not add up; the missing satisfaction rows leave weights at 90', () => {
    const r = validateReport(anhui);
    expect(r.findings.filter((f) => f.code === 'budget-sum-mismatch').map((f) => f.path)).toEqual([
      ['budget', 0, 'initial'],
      ['budget', 0, 'adjusted'],
      ['budget', 0, 'actual'],
    ]);
    // The table is cut off in its 满意度指标 block: incomplete weights, not weights that add up wrong.
    expect(r.findings.find((f) => f.code === 'weights-incomplete')).toMatchObject({
      recomputed: '90',
      severity: 'warning',
    });
    expect(r.findings.find((f) => f.code === 'weights-incomplete')?.message.en).toContain('满意度指标');
    expect(codes(r)).not.toContain('weight-sum-mismatch');
    // Every printed indicator score is consistent: 达成预期指标 declares the qualitative rows met.
    expect(codes(r)).not.toContain('score-mismatch');
    expect(codes(r)).not.toContain('score-out-of-band');
    expect(r.totalScore).toBeNull(); // weights incomplete: no total, no grade
    expect(r.grade).toBeNull();
  });

  it('Sichuan: a budget score on a table without indicators gives no total', () => {
    const r = validateReport(sichuan);
    expect(r.totalScore).toBeNull();
    // Cut off before its indicators: the weights are incomplete, not wrong.
    expect(codes(r)).toContain('weights-incomplete');
    expect(codes(r)).not.toContain('weight-sum-mismatch');
  });

  it('a consistent table gives no score findings', () => {
    const table: Report = {
      kind: 'project',
      budget: [
        {
          name: '年度资金总额',
          initial: '50',
          adjusted: '50',
          actual: '45',
          weight: '10',
          published: { executionRate: '90.00%', score: '9' },
        },
      ],
      indicators: [
        { name: '培训人次', target: '≥500人次', actual: '520人次', weight: '30', published: { score: '30' } },
        {
          name: '合格率',
          target: '≥95%',
          actual: '90%',
          weight: '20',
          reason: '两名学员补考未完成',
          published: { score: '18.95' },
        },
        { name: '制度健全性', target: '健全', actual: '健全', weight: '30', published: { score: '27' } },
        { name: '满意度', target: '≥90%', actual: '92%', weight: '10', published: { score: '10' } },
      ],
      published: { totalScore: '94.95', grade: '优' },
    };
    const r = validateReport(table);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.totalScore).toBe('94.95');
    expect(r.grade).toBe('优');
    const outOfBand = validateReport({
      ...table,
      indicators: (table.indicators ?? []).map((row, i) =>
        i === 2 ? { ...row, published: { score: '7.5' } } : row,
      ),
    });
    expect(outOfBand.findings.find((f) => f.code === 'score-out-of-band')).toMatchObject({
      path: ['indicators', 2, 'published', 'score'],
      published: '7.5',
      recomputed: '[24, 30]',
    });
  });

  it('over-achievement is flagged for review, never deducted', () => {
    const r = validateReport({
      kind: 'project',
      indicators: [
        {
          name: '检查家次',
          target: '≥100次',
          actual: '329次',
          weight: '100',
          reason: '积极开展工作',
          published: { score: '100' },
        },
      ],
    });
    expect(r.findings.find((f) => f.code === 'over-achievement')).toMatchObject({
      severity: 'info',
      path: ['indicators', 0, 'actual'],
      recomputed: '329.00%',
    });
    expect(r.indicators[0]?.score).toBe('100.00');
    expect(codes(r)).not.toContain('score-mismatch');
  });

  it('a department report without weights is not scored', () => {
    const ref = JSON.parse(
      readFileSync(new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url), 'utf8'),
    ) as Report;
    const r = validateReport(ref);
    expect(r.totalScore).toBeNull();
    expect(r.grade).toBeNull();
    expect(r.indicators.every((i) => i.score === null)).toBe(true);
  });
});

describe('parseScoringProfile', () => {
  it('extends a shipped profile and overrides fields', () => {
    const r = parseScoringProfile({
      extends: 'default',
      name: 'mine',
      lowerIsBetter: 'linear-deficit',
      decimals: 1,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.profile).toMatchObject({ name: 'mine', lowerIsBetter: 'linear-deficit', decimals: 1 });
    expect(r.profile.grades).toEqual(SCORING_PROFILES.default?.grades);
    const s = scoreIndicator({ target: '≤10', actual: '12', weight: '10' }, r.profile);
    expect(s.ok && s.printed).toBe('8.0');
  });

  it('reads grades and bands, checking their order', () => {
    const r = parseScoringProfile({
      grades: [
        { grade: 'A', min: 85 },
        { grade: 'B', min: '70' },
        { grade: 'C', min: 0 },
      ],
      qualitativeBands: { achieved: 90, partial: 50 },
    });
    expect(r.ok && gradeOf('84.99', r.profile)).toBe('B');
    expect(r.ok && r.profile.qualitativeBands).toEqual({ achieved: '90', partial: '50' });
  });

  const bad: [string, unknown, string][] = [
    ['not an object', [], 'must be a JSON object'],
    ['unknown base', { extends: 'nope' }, '"extends"'],
    ['prototype key as base', { extends: '__proto__' }, '"extends"'],
    ['strategy', { lowerIsBetter: 'log' }, '"lowerIsBetter"'],
    ['bands order', { qualitativeBands: { achieved: 50, partial: 80 } }, '0 ≤ partial ≤ achieved ≤ 100'],
    [
      'grades order',
      {
        grades: [
          { grade: 'A', min: 60 },
          { grade: 'B', min: 80 },
        ],
      },
      'best first',
    ],
    ['grade min', { grades: [{ grade: 'A', min: 'x' }] }, 'numeric "min"'],
    ['decimals', { decimals: 2.5 }, '"decimals"'],
    ['rounding', { rounding: 'up' }, '"rounding"'],
    ['cap', { capBudgetExecution: 'yes' }, '"capBudgetExecution"'],
    ['threshold', { overAchievementThreshold: 'high' }, '"overAchievementThreshold"'],
  ];
  it.each(bad)('rejects %s with a message in both languages', (_, json, text) => {
    const r = parseScoringProfile(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.en).toContain(text);
    expect(r.message.zh).toMatch(/^计分方案：/);
  });
});

/**
 * 永德县明朗中学 义务教育营养改善计划专项资金 2022年度项目支出绩效自评表, Yunnan.
 * Source: https://www.yongde.gov.cn/info/3003/116104.htm
 * 中江县水利局 小型水库水标尺制作安装 绩效目标自评表(2022年度), Sichuan.
 * Source: https://chacewang.com/newsdetail/news242266.html (republished notice)
 * 麗江市古城區自然資源局 衛片執法 2020 (traditional script), Yunnan.
 * Source: http://m.jjiadianqingjie.com.cn/changyong/13241.html (mirror)
 */
describe('real project tables with printed totals', () => {
  const load = (name: string) =>
    JSON.parse(readFileSync(new URL(`../examples/reports/${name}.json`, import.meta.url), 'utf8')) as Report;

  it('Yongde: a deduction on a met target, a score below its ratio, a total the rules do not give', () => {
    const r = validateReport(load('cn-yunnan-yongde-minglang-school-2022-nutrition'));
    const pick = (code: string) =>
      r.findings.filter((f) => f.code === code).map((f) => [f.path, f.published, f.recomputed]);
    expect(pick('score-mismatch')).toEqual([
      [['indicators', 2, 'published', 'score'], '7', '10'], // 资金到位及时率 ≧100%, actual 100%
      [['indicators', 5, 'published', 'score'], '9', '10'], // 政策知晓率 ═100 (U+2550 printed for =), 98% → 9.80
    ]);
    expect(pick('total-score-mismatch')).toEqual([[['published', 'totalScore'], '96', '100']]);
    expect(r.totalScore).toBe('99.80');
    expect(r.grade).toBe('优');
  });

  it('Zhongjiang: weights of 110 and a total of 100 that is not the sum of the scores', () => {
    const r = validateReport(load('cn-sichuan-zhongjiang-water-2022-water-gauges'));
    expect(r.findings.find((f) => f.code === 'weight-sum-mismatch')).toMatchObject({ recomputed: '110' });
    expect(r.findings.find((f) => f.code === 'total-score-mismatch')).toMatchObject({
      published: '100',
      recomputed: '110',
    });
    expect(r.totalScore).toBeNull();
  });

  it('Lijiang (traditional script): four met targets scored below their weights', () => {
    const r = validateReport(load('cn-yunnan-lijiang-gucheng-natres-2020-satellite-enforcement'));
    expect(
      r.findings.filter((f) => f.code === 'score-mismatch').map((f) => [f.published, f.recomputed]),
    ).toEqual([
      ['9.00', '10.00'],
      ['19', '20'],
      ['19.00', '20.00'],
      ['27.00', '30.00'],
    ]);
  });
});

describe('cells that print nothing', () => {
  it('a weight of "/" or "—" is no weight, not an invalid one', () => {
    for (const weight of ['/', '—', ' - ']) {
      expect(scoreIndicator({ target: '≥90%', actual: '95%', weight })).toMatchObject({
        code: 'missing-weight',
      });
    }
    const r = validateReport({
      kind: 'project',
      indicators: [{ name: '合格率', target: '≥90%', actual: '95%', weight: '/', published: { score: '/' } }],
    });
    expect(r.findings).toEqual([]);
    expect(r.indicators[0]?.scoreResult).toBeNull();
  });
});
