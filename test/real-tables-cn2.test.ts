/**
 * More real published Chinese tables (issue 12 item 8), transcribed under examples/reports/ with
 * their source address and the text as stored. Each describe states what a careful auditor finds
 * true in its table, worked out by hand with exact decimals (the arithmetic is in the comments):
 * the real problems with their codes and paths, the full list of errors and warnings (nothing
 * false beside them), and every indicator's status.
 *
 * Parts that need a change of issue 12 that is not merged yet sit in a nested `describe.skip`
 * with the item that should make them pass; the rest runs today and must keep passing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/index.js';
import { validateReport } from '../src/index.js';

const load = (name: string): Report =>
  JSON.parse(readFileSync(new URL(`../examples/reports/${name}.json`, import.meta.url), 'utf8')) as Report;

type Result = ReturnType<typeof validateReport>;

/** Every error and warning as [code, path], in the order found. */
const serious = (r: Result) =>
  r.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.path] as const);

/** Sorted, so that the assertion does not depend on the order rules run in. */
const sorted = (xs: ReadonlyArray<readonly [string, readonly (string | number)[]]>) =>
  [...xs].map(([c, p]) => `${c} ${JSON.stringify(p)}`).sort();

/** How the checker read a target that prints no comparator (the `implicit-operator` finding). */
const reading = (r: Result, index: number): string | undefined => {
  const f = r.findings.find(
    (x) => x.code === 'implicit-operator' && x.path[0] === 'indicators' && x.path[1] === index,
  );
  return (f?.params as { reading?: string } | undefined)?.reading;
};

/**
 * 衡山县商务和粮食局 2020年度县级专项资金绩效目标自评表, 县级储备粮 (Hengshan, Hunan).
 * Source: https://taowenge.com/p-72820237.html (stored copy of the .docx).
 *
 * Layout: 全年预算数(A) | 全年执行数(B) | 执行率(B/A); rows print 年度指标值 | 全年完成值 |
 * 未完成原因和改进措施, no 分值 and no 得分 (nothing to total, no grade).
 * By hand: 194.9 / 194.9 = 1 → 100% as printed, on the total and on its 其中 line (which repeats
 * the total: no sum problem). Thirteen rows print 100% → 100%, 高 → 高: met. Two lower-is-better
 * rows print a bare zero target: 库存粮食明显变质比例 0 → 0 and 粮食安全事件发生数 0起 → 0起: met
 * whichever way they are read, but the direction is ≤ (a share of spoiled grain, a count of
 * incidents), not ≥. 政策性挂账利息补贴保障率 prints 100% → 无 with the reason 没有轮换、动用库存
 * (no rotation, so no such subsidy arose): neither met nor missed, needs-judgement. The row
 * 市民满意度调查 (stored '290%' → 100%, an image-to-text misreading of ≥90%) is left out of the
 * transcription (source.notes). Nothing in the table is wrong.
 */
describe('衡山县 县级储备粮 2020 (Hunan): no scores, zero targets, a text actual 无', () => {
  const report = load('cn-hunan-hengshan-grain-2020-reserve-grain');

  it('raises no error and no warning', () => {
    const r = validateReport(report);
    expect(sorted(serious(r))).toEqual([]);
    expect(r.totalScore).toBeNull();
    expect(r.grade).toBeNull();
  });

  it('recomputes the printed execution rates', () => {
    const r = validateReport(report);
    expect(r.budget.map((b) => b.executionRate)).toEqual(['100.00%', '100.00%']);
  });

  it('gives every indicator the status its target and actual say', () => {
    const r = validateReport(report);
    const expected = Array(15).fill('met');
    expected[10] = 'needs-judgement'; // 100% → 无, with a reason: the case did not arise
    expect(r.indicators.map((i) => i.status)).toEqual(expected);
  });

  // A bare zero target is read as "none" (≤0): "at least 0" says nothing. An actual of 0
  // against a target of 0 is on target: a deviation of 0% (DESIGN §1, "Deviation").
  describe('bare zero targets', () => {
    it('reads the spoiled share and the incident count as at most zero', () => {
      const r = validateReport(report);
      expect(reading(r, 4)).toMatch(/^[≤=]/); // 县级储备粮库存粮食明显变质比例: 0
      expect(reading(r, 14)).toMatch(/^[≤=]/); // 因粮食市场波动引起的粮食安全事件发生数: 0起
    });

    it('0 against a target of 0 is on target: a deviation of 0.00% (DESIGN §1)', () => {
      const r = validateReport(report);
      expect([r.indicators[4]?.deviation, r.indicators[14]?.deviation]).toEqual(['0.00%', '0.00%']);
    });
  });
});

/**
 * 西部(重庆)科学城 融媒体中心 部门整体绩效自评表, 2021 (Chongqing).
 * Source: https://m.yzwku.com/doc/98587.html (stored copy of the .docx, image-to-text).
 *
 * Layout: 自评总分 97.6 at the top; budget 执行率 76%, 权重 10, 得分 7.6 (the amounts are not in
 * the stored text); rows print 年初指标值 | 全年完成值 | 得分系数 | 权重 | 得分, all under 绩效指标.
 * The stored text is cut off after 业务保障能力提升, and three unreadable rows are left out.
 * By hand: budget 10 × 76% = 7.6 as printed. Row weights transcribed 2+2+1+2+2+2+2+2+2+3+5+1+2+2
 * +10+10 = 50, + budget 10 = 60; with the three rows left out (5+10+5) 80: the weights do not make
 * up 100 (cut off), so neither the total nor a grade can be recomputed. Printed scores 50 + 7.6 =
 * 57.6 here; 97.6 = 100 − (10 − 7.6) says every other row scored its full weight, including:
 * 政府采购执行率 target 100%, actual 72.74% (deviation −27.26%): not met, yet 得分系数 100% and the
 * full 2 of 2; its score is 2 × 72.74 / 100 = 1.4548 (→ 1.45): a real score error (the total
 * would be 97.0548), and a missed target with no reason given. Lower-is-better rates read right
 * by name: 财政供养人员控制率 100% → 92%, 公用经费控制率 100% → 97%, 预算调整率 3% → 0,
 * 结转结余率 2% → 0, all met. 预算完成率 70% → 76% (+8.57%), 固定资产利用率 90% → 100%,
 * 播发稿件数量 2200篇 → 2859篇 (+29.95%), 业务保障能力提升 90% → 95%: met; 高/高 and 好/好: met.
 * The two 三公经费 rows print no target and no actual: not-reported.
 */
describe('融媒体中心 2021 (Chongqing): a missed target scored in full, a table cut off', () => {
  const report = load('cn-chongqing-science-city-media-2021-department');

  it('finds the score of the missed target', () => {
    const r = validateReport(report);
    const f = r.findings.find((x) => x.code === 'score-mismatch');
    expect(f?.path).toEqual(['indicators', 8, 'published', 'score']);
    expect(f?.severity).toBe('error');
    expect(r.indicators[8]?.deviation).toBe('-27.26%'); // (72.74 − 100) / 100
    expect(r.indicators[8]?.score).toBe('1.45'); // 2 × 72.74 / 100 = 1.4548
    expect(r.findings.filter((x) => x.code === 'score-mismatch')).toHaveLength(1);
  });

  it('reads the control, adjustment and carry-over rates as lower-is-better', () => {
    const r = validateReport(report);
    expect([0, 4, 5, 6].map((i) => reading(r, i))).toEqual(['≤100%', '≤3%', '≤2%', '≤100%']);
  });

  it('gives every indicator the status its target and actual say', () => {
    const r = validateReport(report);
    expect(r.indicators.map((i) => [i.name, i.status])).toEqual([
      ['财政供养人员控制率', 'met'],
      ['“三公经费变动率', 'not-reported'],
      ['基础信息完善', 'met'],
      ['预算完成率', 'met'],
      ['预算调整率', 'met'],
      ['结转结余率', 'met'],
      ['公用经费控制率', 'met'],
      ['“三公经费控制率', 'not-reported'],
      ['政府采购执行率', 'not-met'],
      ['管理制度健全性', 'met'],
      ['资金使用合规性', 'met'],
      ['预决算信息公开性', 'met'],
      ['资产管理安全', 'met'],
      ['固定资产利用率', 'met'],
      ['播发稿件数量', 'met'],
      ['业务保障能力提升', 'met'],
    ]);
    expect(r.indicators[3]?.deviation).toBe('8.57%'); // (76 − 70) / 70
    expect(r.indicators[14]?.deviation).toBe('29.95%'); // (2859 − 2200) / 2200
  });

  // needs issue 12 item 1: a table whose weights do not make up 100 (cut off) gets
  // weights-incomplete and no total check (today: 'weights sum to 60, not 100' and
  // '97.6 is not the sum of the printed scores, 57.6', two false errors).
  describe('a table cut off (needs issue 12 item 1)', () => {
    it('raises the score error, the missing reason and the incomplete weights, nothing else', () => {
      const r = validateReport(report);
      expect(sorted(serious(r))).toEqual(
        sorted([
          ['score-mismatch', ['indicators', 8, 'published', 'score']],
          ['reason-missing', ['indicators', 8, 'reason']],
          ['weights-incomplete', ['indicators']],
        ]),
      );
      expect(r.totalScore).toBeNull();
      expect(r.grade).toBeNull();
    });
  });
});

/**
 * 广水市交通运输局 广水市财政预算支出项目绩效目标自评表, 乡村道路建设养护项目, 2021 (Hubei).
 * Source: https://pdf.wenkuvip.com/archives/bqg98jldqkx8g2xm7pe6.html (stored copy of the PDF).
 *
 * Layout (Hubei municipal template): points on blocks, 项目决策 2分, 项目管理 13分, 项目绩效 85分,
 * inside it 产出指标 40分 with 数量指标 15分 and 质量指标 12分; 三级 rows print 自评分 but no own
 * 分值; 自评总分 95. The stored text stops after the first 产出 row.
 * By hand: 2 + 13 + 85 = 100 (block points); 项目管理 rows 3 + 2 + 4 + 4 = 13 = its points, scores
 * 13; 项目决策 2 of 2; 数量指标 one row, 300公里 → 300公里, met, 15 of its 15 points. Budget
 * 309 / 309 = 100% as printed. Scores present 2 + 13 + 15 = 30 of a printed 95: the table is cut
 * off (质量指标 rows print no values, the rest is missing), so no total or grade can be
 * recomputed, and the weights are incomplete. The rubric rows (项目决策, 项目管理) have a rule and
 * no actual: not-reported, and their rules are not targets to be read. Nothing checkable is wrong.
 */
describe('广水市 乡村道路 2021 (Hubei): block points 2 + 13 + 85, cut off', () => {
  const report = load('cn-hubei-guangshui-transport-2021-rural-roads');

  it('recomputes the rate, finds the one target met, and invents no total', () => {
    const r = validateReport(report);
    expect(r.budget[0]?.executionRate).toBe('100.00%');
    expect(r.indicators[5]?.status).toBe('met');
    expect(r.totalScore).toBeNull();
    expect(r.grade).toBeNull();
    const codes = r.findings.map((f) => f.code);
    expect(codes).not.toContain('score-mismatch');
    expect(codes).not.toContain('score-above-weight');
  });

  // needs issue 12 item 4 (a rubric row that prints no actual is not-reported; its rule is not
  // read as a target: today 5 false 'cannot be read' warnings and status unparsable) and item 1
  // (weights printed on groups; a table cut off gets weights-incomplete, not 'weights sum to 15,
  // not 100' and '95 is not the sum of the printed scores, 15', two false errors).
  describe('block points and rubric rows (needs issue 12 items 4 and 1)', () => {
    it('gives the rubric rows the status not-reported', () => {
      const r = validateReport(report);
      expect(r.indicators.map((i) => i.status)).toEqual([
        'not-reported',
        'not-reported',
        'not-reported',
        'not-reported',
        'not-reported',
        'met',
      ]);
    });

    it('says the weights are incomplete, and nothing else at warning or above', () => {
      const r = validateReport(report);
      expect(sorted(serious(r))).toEqual(sorted([['weights-incomplete', ['indicators']]]));
    });
  });
});

/**
 * 金寨县茶谷和美丽乡村建设服务中心 部门整体支出绩效自评表 (2023年度), Anhui.
 * Source: https://www.ahjinzhai.gov.cn/public/6624963/37545031.html
 *
 * Layout: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, the 得分 of 年度资金总额 left
 * empty beside its 分值 10; rows print 年度指标值 | 实际完成值 | 分值 | 得分; deadline targets
 * 9月前 / 11月前 with month actuals; the stored text stops at the first 成本指标 row.
 * By hand: 338.31 / 329.77 = 1.025896837… → 102.59% as printed (total and 其中 line, which
 * repeats the total: no sum problem); spending is 338.31 − 329.77 = 8.54 above the 全年预算数 on
 * both lines (real, two warnings). The budget's score is not printed (info, not an error). Rows:
 * ≤4 → 4, ≥200 → 202, ≥2000 → 3061 (153.05%, an over-achievement to review), ≥10 → 10,
 * ≥95% → 100% twice: met, scored in full (10, 10, 10, 10, 5, 5 as printed); 9月前 → 7月 and
 * 11月前 → 10月: done before the deadline, met, 5 and 5. Weights 10 + 40 + 20 = 70 of 100: the
 * table is cut off, so no total, no grade, weights incomplete.
 */
describe('金寨县 美丽乡村 2023 (Anhui): deadline targets, spending above budget, cut off', () => {
  const report = load('cn-anhui-jinzhai-village-centre-2023-department');

  it('recomputes the rate and reports the spending above the budget on both lines', () => {
    const r = validateReport(report);
    expect(r.budget.map((b) => b.executionRate)).toEqual(['102.59%', '102.59%']);
    expect(
      r.findings.filter((f) => f.code === 'overspend').map((f) => [f.path, f.severity, f.recomputed]),
    ).toEqual([
      [['budget', 0, 'actual'], 'warning', '102.59%'],
      [['budget', 0, 'children', 0, 'actual'], 'warning', '102.59%'],
    ]);
    expect(r.findings.map((f) => f.code)).not.toContain('budget-sum-mismatch');
    expect(r.findings.map((f) => f.code)).not.toContain('score-mismatch');
    expect(r.totalScore).toBeNull();
    expect(r.grade).toBeNull();
  });

  it('gives the numeric rows the status their target and actual say', () => {
    const r = validateReport(report);
    expect(r.indicators.slice(0, 6).map((i) => i.status)).toEqual(Array(6).fill('met'));
    expect(r.indicators[2]?.deviation).toBe('53.05%'); // (3061 − 2000) / 2000
  });

  // needs issue 12 item 4: deadlines 9月前 / 11月前 against month actuals 7月 / 10月 are date
  // targets, met (today: two false 'cannot be read' warnings and status unparsable).
  describe('deadline targets (needs issue 12 item 4)', () => {
    it('finds both deadlines met', () => {
      const r = validateReport(report);
      expect(r.indicators.slice(6).map((i) => i.status)).toEqual(['met', 'met']);
      expect(r.findings.map((f) => f.code)).not.toContain('unparsable-target');
    });
  });

  // needs issue 12 item 1 (a table cut off gets weights-incomplete, not 'weights sum to 70, not
  // 100', a false error; a score left blank beside a printed 分值 is reported as info) and item 4
  // (the deadlines above).
  describe('a table cut off, a blank score (needs issue 12 items 1 and 4)', () => {
    it('raises the two overspend warnings and the incomplete weights, nothing else', () => {
      const r = validateReport(report);
      expect(sorted(serious(r))).toEqual(
        sorted([
          ['overspend', ['budget', 0, 'actual']],
          ['overspend', ['budget', 0, 'children', 0, 'actual']],
          ['weights-incomplete', ['indicators']],
        ]),
      );
    });

    it('says the budget score is blank beside its weight', () => {
      const r = validateReport(report);
      const f = r.findings.find((x) => x.code === 'score-missing');
      expect(f?.severity).toBe('info');
      expect(f?.path.slice(0, 2)).toEqual(['budget', 0]);
    });
  });
});
