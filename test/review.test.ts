/**
 * reviewTargets rule by rule: the edges of each rule of target-review-rules.md as table rows,
 * on a small table that by itself gets no finding at all (every block present, the cost equal
 * to the funds, the goal figure equal to its row).
 */
import { Decimal } from 'decimal.js';
import {
  type Declaration,
  type DeclarationIndicator,
  REVIEW_RULES,
  type ReviewOptions,
  type ReviewResult,
  reviewTargets,
} from 'outturn';
import { describe, expect, it } from 'vitest';

const BASE_ROWS: readonly DeclarationIndicator[] = [
  { path: ['产出指标', '数量指标'], name: '培训人次', target: '≥280人次' },
  { path: ['产出指标', '质量指标'], name: '培训合格率', target: '≥95%' },
  { path: ['产出指标', '时效指标'], name: '完成时间', target: '2023年12月底前' },
  { path: ['产出指标', '成本指标'], name: '培训成本', target: '≤10万元' },
  { path: ['效益指标', '社会效益指标'], name: '受益人数', target: '≥280人' },
  { path: ['满意度指标', '服务对象满意度指标'], name: '学员满意度', target: '≥90%' },
];

const base = (over: Partial<Declaration> = {}): Declaration => ({
  kind: 'declaration',
  year: 2023,
  amountUnit: '万元',
  project: {
    name: '培训项目',
    period: { start: '2023-01', end: '2023-12' },
    funds: { total: '10', fiscal: '10', other: '0' },
  },
  goals: ['全年培训280人次'],
  indicators: BASE_ROWS,
  ...over,
});

/** The table with one more row (index 6). */
const withRow = (row: DeclarationIndicator, over: Partial<Declaration> = {}): Declaration =>
  base({ ...over, indicators: [...BASE_ROWS, row] });

/** `rule code severity` of the findings about row 6. */
const at6 = (r: ReviewResult): string[] =>
  r.findings
    .filter((f) => f.path[0] === 'indicators' && f.path[1] === 6)
    .map((f) => `${f.rule} ${f.code} ${f.severity}`);

const codes = (r: ReviewResult): string[] => r.findings.map((f) => `${f.rule} ${f.code} ${f.severity}`);

const cost = (target: string, unit?: string): DeclarationIndicator => ({
  path: ['产出指标', '成本指标'],
  name: '设备购置成本',
  target,
  ...(unit === undefined ? {} : { unit }),
});

describe('the base table', () => {
  it('gets no finding: every block present, the cost ceiling equal to the funds, the goal matched', () => {
    const r = reviewTargets(base());
    expect(codes(r)).toEqual([]);
    expect(r.goals).toEqual([
      {
        path: ['goals', 0],
        figure: '280人次',
        context: '全年培训',
        status: 'matched',
        indicator: ['indicators', 0],
      },
    ]);
    expect(r.rules.map((x) => x.id)).toEqual(REVIEW_RULES.map((x) => x.id));
    expect(r.rules.find((x) => x.id === '19')).toMatchObject({ applied: false, skipped: 'no-weights' });
    expect(r.indicators.map((x) => x.kind)).toEqual([
      'quantity',
      'quantity',
      'deadline',
      'cost',
      'quantity',
      'quantity',
    ]);
    expect(r.indicators[3]?.costYuan).toBe('100000');
  });
});

describe('rules 1–4: the blocks of the framework', () => {
  const without = (pred: (r: DeclarationIndicator) => boolean) =>
    base({ indicators: BASE_ROWS.filter((r) => !pred(r)) });
  it.each([
    [
      'no 效益',
      (r: DeclarationIndicator) => r.path?.[0] === '效益指标',
      '1 dimension-missing error',
      ['效益指标'],
    ],
    [
      'no 产出',
      (r: DeclarationIndicator) => r.path?.[0] === '产出指标',
      '1 dimension-missing error',
      ['产出指标'],
    ],
    [
      'no 满意度',
      (r: DeclarationIndicator) => r.path?.[0] === '满意度指标',
      '2 dimension-missing warning',
      ['满意度指标'],
    ],
    [
      'no 成本',
      (r: DeclarationIndicator) => r.path?.[1] === '成本指标',
      '3 dimension-missing warning',
      ['成本指标'],
    ],
    [
      'no 质量',
      (r: DeclarationIndicator) => r.path?.[1] === '质量指标',
      '4 dimension-missing info',
      ['产出指标', '质量指标'],
    ],
  ] as const)('%s', (_l, pred, code, block) => {
    const r = reviewTargets(without(pred));
    const f = r.findings.filter((x) => x.code === 'dimension-missing');
    expect(f.map((x) => `${x.rule} ${x.code} ${x.severity}`)).toContain(code);
    expect(f.map((x) => x.params)).toContainEqual({ block });
  });

  it('blank form rows (no name, no target) are no indicators and no findings (rule 5)', () => {
    const blank = (path: string[]) => ({ path, name: '', target: '' });
    const rows = [
      ...BASE_ROWS.filter((r) => r.path?.[0] !== '效益指标'),
      blank(['效益指标', '经济效益指标']),
      blank(['成本指标', '社会成本指标']),
    ];
    const r = reviewTargets(base({ indicators: rows }));
    expect(codes(r)).toEqual(['1 dimension-missing error']);
    expect(r.indicators).toHaveLength(5);
    expect(
      codes(reviewTargets(base({ indicators: [...BASE_ROWS, blank(['成本指标', '社会成本指标'])] }))),
    ).toEqual([]);
  });

  it('the 101号 tree (成本指标 its own 一级) is complete', () => {
    const rows = BASE_ROWS.map((r) =>
      r.path?.[1] === '成本指标' ? { ...r, path: ['成本指标', '经济成本指标'] } : r,
    );
    expect(codes(reviewTargets(base({ indicators: rows })))).toEqual([]);
  });

  it('a truncated table skips rules 1–4 and 19 and says so once (info)', () => {
    const r = reviewTargets(base({ truncated: true, indicators: BASE_ROWS.slice(0, 1) }));
    expect(codes(r)).toEqual(['null table-truncated info']);
  });

  it('a table with no 一级/二级 at all skips them (nothing to decide from)', () => {
    const rows = BASE_ROWS.map(({ path: _p, ...r }) => r);
    const r = reviewTargets(base({ indicators: rows }));
    expect(codes(r)).toEqual([]);
    expect(r.rules.find((x) => x.id === '1')).toMatchObject({ applied: false, skipped: 'no-categories' });
  });
});

describe('rule 6: a name and a target value', () => {
  it.each([
    ['—', ['6 target-missing error']],
    ['-', ['6 target-missing error']],
    ['_', ['6 target-missing error']],
    ['*', ['6 target-missing error']],
    ['', ['6 target-missing error']],
    ['≥**人', ['6 target-missing error']],
    ['≥30人', []],
  ])('target %j', (target, expected) => {
    expect(at6(reviewTargets(withRow({ path: ['产出指标', '数量指标'], name: '参训人数', target })))).toEqual(
      expected,
    );
  });

  it('a ** hint in the name is template residue, not a missing target, when the value is filled in', () => {
    const r = reviewTargets(
      withRow({ path: ['产出指标', '数量指标'], name: '参训人数(≥**人)', target: '≥30人' }),
    );
    expect(at6(r)).toEqual(['20 template-residue info']);
  });
});

describe('rule 7: vague targets', () => {
  it.each([
    ['稳步提高', '7 target-vague warning'],
    ['持续改善', '7 target-vague warning'],
    ['巩固提高', '7 target-vague warning'],
    ['效果明显', '7 target-vague warning'],
    ['进一步加强', '7 target-vague warning'],
    ['显著', '7 target-vague info'],
    ['优良', null],
    ['合格', null],
    ['达标', null],
    ['良好', null],
    ['符合相关规定', null],
    ['按时完成', null],
    ['否', null],
    ['无明显影响', null],
    ['提高5个百分点', null],
  ])('%s', (target, expected) => {
    const got = at6(reviewTargets(withRow({ path: ['效益指标', '社会效益指标'], name: '社会影响', target })));
    expect(got).toEqual(expected === null ? [] : [expected]);
  });

  it('goal text may be qualitative: rule 7 reads indicator targets only', () => {
    expect(codes(reviewTargets(base({ goals: ['进一步提高培训质量，全年培训280人次'] })))).toEqual([]);
  });
});

describe('rule 8: units', () => {
  it.each([
    [{ name: '开设课程数量', target: '220' }, ['8a unit-missing warning', '9 implicit-operator info']],
    [{ name: '课程完成率', target: '>=85' }, ['8a unit-missing warning']],
    [{ name: '课程完成率', target: { operator: '≥', value: '85' }, unit: '%' }, []],
    [{ name: '风炮射程', target: '≥80M' }, []],
    [
      { name: '村组干部230人', target: { operator: '≥', value: '230' }, unit: '个' },
      ['8b unit-mismatch warning'],
    ],
    [{ name: '村组干部230人', target: { operator: '≥', value: '230' }, unit: '人' }, []],
    [{ name: '种植数量(≥**株)', target: '≥100亩' }, ['20 template-residue info', '8b unit-mismatch warning']],
    [{ name: '开展培训次数（次）', target: '≥10' }, []],
    [{ name: '培训覆盖率(%)', target: '≥90' }, []],
    [{ name: '培训次数（一期）', target: '≥10' }, ['8a unit-missing warning']],
    [{ name: '培训次数', target: '≥10', unit: '每年不少于一次' }, ['8b unit-mismatch warning']],
  ] as const)('%j', (row, expected) => {
    expect(at6(reviewTargets(withRow({ path: ['产出指标', '数量指标'], ...row })))).toEqual(expected);
  });

  it('a time given as a rate: 项目完成时间 100%', () => {
    const r = reviewTargets(
      withRow({ path: ['产出指标', '时效指标'], name: '项目完成时间', target: '=100%' }),
    );
    expect(at6(r)).toEqual(['8b unit-mismatch warning']);
  });

  it('a unit cost without 元 is reported once, as a missing unit (not also as not money)', () => {
    expect(at6(reviewTargets(withRow(cost('≤28.40/株'))))).toEqual(['8a unit-missing warning']);
  });
});

describe('rule 9: the comparator', () => {
  it.each([
    [{ target: '90%' }, ['9 implicit-operator info']],
    [{ target: '≥90%' }, []],
    [{ target: '不低于90%' }, []],
    [{ target: { operator: '', value: '90' }, unit: '%', direction: '正向指标' }, []],
    [{ target: '±3%以内' }, []],
  ] as const)('%j', (row, expected) => {
    expect(
      at6(reviewTargets(withRow({ path: ['产出指标', '质量指标'], name: '验收通过率', ...row }))),
    ).toEqual(expected);
  });
});

describe('rules 10–12: cost', () => {
  it.each([
    ['参照政府采购成本控制', ['10 cost-not-money warning']],
    ['控制在预算内', ['10 cost-not-money warning']],
    ['100%', ['9 implicit-operator info', '10 cost-not-money info']],
    ['≤10万元', []],
    ['10万元', ['9 implicit-operator info']],
    ['≥10万元', ['11 cost-not-ceiling warning']],
    ['≤100000元', []],
    ['≤100000.01元', ['12 cost-over-funds error']],
    ['≤10.0001万元', ['12 cost-over-funds error']],
    ['≤0.001亿元', []],
    ['250万', ['9 implicit-operator info', '12 cost-over-funds error']],
  ])('cost target %j against funds of 10万元', (target, expected) => {
    expect(at6(reviewTargets(withRow(cost(target))))).toEqual(expected);
  });

  it('社会成本 / 生态环境成本 targets need not be money (101号 tree)', () => {
    const r = reviewTargets(
      withRow({ path: ['成本指标', '社会成本指标'], name: '对文物保护影响', target: '无负面影响' }),
    );
    expect(at6(r)).toEqual([]);
  });

  const products = (area: string, unitCost: string, funds = '10') =>
    reviewTargets(
      base({
        project: { funds: { total: funds } },
        indicators: [
          ...BASE_ROWS.filter((r) => r.path?.[1] !== '成本指标'),
          { path: ['产出指标', '数量指标'], name: '流转土地', target: area },
          { path: ['产出指标', '成本指标'], name: '流转土地补助标准', target: unitCost },
        ],
      }),
    );

  it.each([
    ['≥200亩', '≤500元/亩', '100000', null],
    ['≥200亩', '≤500.01元/亩', '100002', 'error'],
    ['≥10公顷', '≤500元/亩', '75000', null],
    ['≥1000平方米', '≤100元/平方米', '100000', null],
  ])('Σ unit cost × quantity: %s × %s = %s元 against 10万元', (area, unitCost, sum, severity) => {
    const r = products(area, unitCost);
    expect(r.costs?.sum).toBe(sum);
    expect(r.costs?.funds).toBe('100000');
    const over = r.findings.filter((f) => f.code === 'cost-over-funds');
    expect(over.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it('a unit cost that matches two quantities equally is not summed (read two ways)', () => {
    const r = reviewTargets(
      base({
        indicators: [
          ...BASE_ROWS,
          { path: ['效益指标', '生态效益指标'], name: '灌溉面积', target: '≥500亩' },
          { path: ['效益指标', '生态效益指标'], name: '排水面积', target: '≥200亩' },
          { path: ['产出指标', '成本指标'], name: '财政资金补助', target: '1600元/亩' },
        ],
      }),
    );
    expect(r.costs).toEqual({
      terms: [],
      sum: '0',
      funds: '100000',
      unpaired: [{ cost: ['indicators', 8], per: '亩', candidates: 2 }],
    });
    expect(r.findings.filter((f) => f.code === 'cost-over-funds')).toEqual([]);
  });

  it('元/人 × 人: 1000元/人 × 101人 is above 10万元', () => {
    const r = reviewTargets(
      base({
        indicators: [
          ...BASE_ROWS.filter((r) => r.path?.[1] !== '成本指标'),
          { path: ['产出指标', '数量指标'], name: '培训人数', target: '≥101人' },
          { path: ['产出指标', '成本指标'], name: '人均培训成本', target: '≤1000元/人' },
        ],
      }),
    );
    expect(r.costs?.sum).toBe('101000');
    expect(r.findings.filter((f) => f.code === 'cost-over-funds').map((f) => f.params)).toEqual([
      expect.objectContaining({ kind: 'products', sum: '10.1万元', funds: '10万元' }),
    ]);
  });

  it('a cost above a printed 预算支出标准', () => {
    const r = reviewTargets(withRow({ ...cost('≤5万元'), standard: '4万元(预算支出标准)' }));
    expect(at6(r)).toEqual(['12 cost-over-funds error']);
  });
});

describe('rule 13: dates inside the period', () => {
  it.each([
    ['2023年12月底前', undefined, []],
    ['12月底前', undefined, []],
    ['2023年12月', undefined, []],
    ['2024年1月', undefined, ['13 deadline-outside-period warning']],
    ['2022年12月31日前', undefined, ['13 deadline-outside-period warning']],
    ['2023.07-2024.01', undefined, ['13 deadline-outside-period warning']],
    ['2023.07-2024.01', { start: '2023-07', end: '2024-01' }, []],
    ['2024年2月', { start: '2023-04', end: '2024-02' }, []],
    ['1月底前', { start: '2023-07', end: '2024-01' }, []],
    ['6月底前', { start: '2023-07', end: '2024-01' }, ['13 deadline-outside-period warning']],
    ['2024年3月前', { start: '2023-07', end: '2024-01' }, ['13 deadline-outside-period warning']],
    ['按期完成', undefined, ['13 deadline-outside-period warning']],
    ['≤3个月', undefined, []],
  ] as const)('%s in %j', (target, period, expected) => {
    const over = period === undefined ? {} : { project: { period, funds: { total: '10' } } };
    const r = reviewTargets(withRow({ path: ['产出指标', '时效指标'], name: '项目完成时间', target }, over));
    expect(at6(r)).toEqual(expected);
  });

  it('no period printed: the budget year', () => {
    const r = reviewTargets(
      withRow(
        { path: ['产出指标', '时效指标'], name: '完成时限', target: '2024年3月前' },
        { project: { funds: { total: '10' } } },
      ),
    );
    expect(r.findings.find((f) => f.code === 'deadline-outside-period')?.params).toMatchObject({
      start: '2023-01-01',
      end: '2023-12-31',
      basis: 'year',
    });
  });
});

describe('rule 14: natural bounds', () => {
  it.each([
    ['学员满意度', '≥101%', ['14 value-out-of-bounds error']],
    ['学员满意度', '>100%', ['14 value-out-of-bounds error']],
    ['学员满意度', '≥100%', ['14 value-out-of-bounds info']],
    ['学员满意度', '=100%', []],
    ['学员满意度', '≥99.99%', []],
    ['验收合格率', '100%', ['9 implicit-operator info']],
    ['收入增长率', '≥120%', []],
  ])('%s %s', (name, target, expected) => {
    expect(at6(reviewTargets(withRow({ path: ['产出指标', '质量指标'], name, target })))).toEqual(expected);
  });
});

describe('rule 15: the standard printed with the target', () => {
  it.each([
    ['90%(计划标准)', '≥85%', ['15 target-below-standard warning']],
    ['90%(计划标准)', '≥90%', []],
    ['90%(计划标准)', '≥95%', []],
    [
      '90%(行业标准)',
      '1',
      ['9 implicit-operator info', '8a unit-missing warning', '15 target-below-standard warning'],
    ],
    ['计划标准', '≥85%', []],
  ])('standard %s, target %s', (standard, target, expected) => {
    const r = reviewTargets(
      withRow({ path: ['产出指标', '质量指标'], name: '验收通过率', target, standard }),
    );
    expect(at6(r).sort()).toEqual([...expected].sort());
  });

  it('a standard in the name: …达标率100% with the target ≥98%', () => {
    const r = reviewTargets(
      withRow({ path: ['产出指标', '质量指标'], name: '建设质量达标率100%', target: '≥98%' }),
    );
    expect(at6(r)).toEqual(['15 target-below-standard warning']);
  });
});

describe('rule 16: last year’s actual', () => {
  it.each([
    [{ target: '≥250人次', lastYear: '260人次' }, ['16 target-below-last-year warning']],
    [{ target: '≥250人次', lastYear: '260人次', reason: '场地改造，班次减少' }, []],
    [{ target: '≥260人次', lastYear: '260人次' }, []],
    [{ target: '≥2.5万人次', lastYear: '26000人次' }, ['16 target-below-last-year warning']],
    [{ name: '投诉次数', target: '≤5次', lastYear: '3次' }, []],
    [{ target: '≥250人次', previousTarget: '≥260人次' }, ['16 target-below-last-year info']],
    [{ target: '≥260人次', previousTarget: '≥260人次' }, []],
  ] as const)('%j', (row, expected) => {
    const r = reviewTargets(withRow({ path: ['产出指标', '数量指标'], name: '接待人次', ...row }));
    expect(at6(r)).toEqual(expected);
  });
});

describe('rule 17: the goal and the indicators', () => {
  it.each([
    ['全年培训280人次', []],
    ['全年培训300人次', ['17 goal-indicator-mismatch warning']],
    ['培训2.8万人次', ['17 goal-indicator-mismatch warning']],
    ['免疫有效抗体70%以上', []],
    ['2023年完成培训', []],
  ])('%s against 培训人次 ≥280人次', (goal, expected) => {
    expect(codes(reviewTargets(base({ goals: [goal] })))).toEqual(expected);
  });

  it('the mismatch names the row and both figures', () => {
    const f = reviewTargets(base({ goals: ['全年培训300人次'] })).findings[0];
    expect(f?.path).toEqual(['indicators', 0, 'target']);
    expect(f?.params).toEqual({
      row: { name: '培训人次', path: ['indicators', 0] },
      figure: '300人次',
      context: '全年培训',
      target: '≥280人次',
    });
  });
});

describe('rule 18: the funds add up', () => {
  it.each([
    [{ total: '10', fiscal: '8', other: '2' }, []],
    [{ total: '10', fiscal: '8', other: '1' }, ['18 funds-mismatch error']],
    [{ total: '10', fiscal: '100000元', other: '0' }, []],
    [{ total: '10.00', fiscal: '9.99', other: '0.01' }, []],
    [{ total: '5.00', fiscal: '5.00', other: '0.00', carriedOver: '0.00' }, []],
    [{ total: '10', fiscal: '6', other: '0', carriedOver: '4' }, []],
    [{ total: '164万元', lines: [{ name: '其中:当年市级财政资金', value: '132万元' }] }, []],
    [
      { total: '164万元', lines: [{ name: '其中:当年市级财政资金', value: '170万元' }] },
      ['18 funds-mismatch error'],
    ],
    [
      {
        total: '854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)',
        lines: [{ value: '400万元' }, { value: '295万元' }, { value: '159万元' }],
      },
      [],
    ],
    [
      { total: '850万', lines: [{ value: '400万元' }, { value: '295万元' }, { value: '159万元' }] },
      ['18 funds-mismatch error'],
    ],
    [{ total: '100', basic: '60', projects: '40' }, []],
    [{ total: '100', basic: '60', projects: '41' }, ['18 funds-mismatch error']],
  ])('%j', (funds, expected) => {
    const rows = BASE_ROWS.filter((r) => r.path?.[1] !== '成本指标');
    const r = reviewTargets(base({ project: { funds }, indicators: rows }));
    expect(codes(r).filter((c) => !c.includes('dimension-missing'))).toEqual(expected);
  });
});

describe('rule 18: the 年度履职目标 tasks of a 部门整体 table', () => {
  const dept = (tasks: readonly string[]) =>
    reviewTargets(
      base({
        scope: 'department',
        project: { funds: { total: '100', basic: '60', projects: '40' } },
        tasks: tasks.map((amount, i) => ({ name: `任务${i + 1}`, amount })),
      }),
    );
  it.each([
    [['60', '40'], []],
    [['30', '10'], []],
    [['30', '30'], ['18 funds-mismatch info']],
    [['60', '40.01'], ['18 funds-mismatch error']],
    [['600000元', '40'], []],
  ])('%j against 100 (基本 60 + 项目 40)', (tasks, expected) => {
    expect(codes(dept(tasks))).toEqual(expected);
  });
});

describe('rule 19: weights', () => {
  const weighted = (weights: readonly string[], over: Partial<Declaration> = {}) =>
    reviewTargets(
      base({ ...over, indicators: BASE_ROWS.map((r, i) => ({ ...r, weight: weights[i] ?? '0' })) }),
    );
  it.each([
    [['20', '10', '10', '10', '30', '10'], []],
    [['20', '10', '10', '10', '30', '20'], []],
    [['20', '10', '10', '10', '30', '15'], ['19 weight-sum-mismatch error']],
    [
      ['30', '10', '10', '10', '20', '10'],
      ['19 weight-sum-mismatch info', '19 weight-sum-mismatch info'],
    ],
  ])('%j', (weights, expected) => {
    expect(codes(weighted(weights))).toEqual(expected);
  });

  it('80 beside a 预算执行率 of 20 printed apart', () => {
    expect(
      codes(weighted(['20', '10', '10', '10', '20', '10'], { budgetExecution: { weight: '20' } })),
    ).toEqual([]);
  });
});

describe('rules 20–22: form', () => {
  it.each([
    [{ path: ['产出指标', '数量指标'], name: '★受益人数', target: '≥10人' }, ['20 template-residue info']],
    [
      { path: ['产出指标', '质量指标'], name: '资金到位率', target: '=100%' },
      ['21 process-measure-as-target info'],
    ],
    [{ path: ['产出指标', '数量指标'], name: '苗木成活率', target: '≥85%' }, ['22 misfiled-indicator info']],
    [
      { path: ['产出指标', '数量指标'], name: '资金拨付及时率', target: '≥95%' },
      ['22 misfiled-indicator info'],
    ],
    [{ path: ['产出指标', '质量指标'], name: '苗木成活率', target: '≥85%' }, []],
  ] as const)('%j', (row, expected) => {
    expect(at6(reviewTargets(withRow(row)))).toEqual(expected);
  });

  it('a footnote of the model table', () => {
    const r = reviewTargets(base({ notes: ['注:各地请根据实际情况,从上述绩效指标中选择适合的填报'] }));
    expect(codes(r)).toEqual(['20 template-residue info']);
  });
});

describe('options.rules', () => {
  const vague = withRow({ path: ['效益指标', '社会效益指标'], name: '社会影响', target: '持续改善' });
  it.each([
    [{ rules: { '7': 'off' } }, []],
    [{ rules: { 'target-vague': 'error' } }, ['7 target-vague error']],
    [{ rules: { '7': 'info' } }, ['7 target-vague info']],
    [{ rules: { '8': 'off', '9': 'off' } }, ['7 target-vague warning']],
  ] as const)('%j', (options, expected) => {
    expect(at6(reviewTargets(vague, options as ReviewOptions))).toEqual(expected);
  });

  it.each([
    [{}, ['8a unit-missing warning', '9 implicit-operator info']],
    [{ rules: { '8': 'off' } }, ['9 implicit-operator info']],
    [{ rules: { '8a': 'off' } }, ['9 implicit-operator info']],
    [{ rules: { 'unit-missing': 'error', 'implicit-operator': 'off' } }, ['8a unit-missing error']],
  ] as const)('a bare count with %j', (options, expected) => {
    const r = reviewTargets(
      withRow({ path: ['产出指标', '数量指标'], name: '课程数量', target: '220' }),
      options as ReviewOptions,
    );
    expect(at6(r)).toEqual(expected);
  });

  it('turning a rule off says so in rules[]', () => {
    const r = reviewTargets(vague, { rules: { 'dimension-missing': 'off' } });
    expect(r.rules.filter((x) => x.skipped === 'off').map((x) => x.id)).toEqual(['1', '2', '3', '4']);
    expect(reviewTargets(vague, { rules: { '7': 'error' } }).rules.find((x) => x.id === '7')?.severity).toBe(
      'error',
    );
  });

  it('a rule’s info note stays info when its severity is raised', () => {
    const r = reviewTargets(
      withRow({ path: ['产出指标', '质量指标'], name: '学员满意度', target: '≥100%' }),
      { rules: { '14': 'warning' } },
    );
    expect(at6(r)).toEqual(['14 value-out-of-bounds info']);
  });

  it.each([
    [{ rules: { '5': 'off' } }, /no rule "5"/],
    [{ rules: { '99': 'off' } }, /no rule "99"/],
    [{ rules: { 'no-such-code': 'off' } }, /no rule/],
    [{ rules: { '7': 'fatal' } }, /must be "off"/],
    [{ rules: { '7': true } }, /must be "off"/],
    [{ rules: 'off' }, /options.rules must be an object/],
    ['off', /options/],
  ])('%j is a TypeError', (options, message) => {
    expect(() => reviewTargets(base(), options as unknown as ReviewOptions)).toThrow(TypeError);
    expect(() => reviewTargets(base(), options as unknown as ReviewOptions)).toThrow(message);
  });
});

describe('untrusted input', () => {
  it.each([
    [null],
    [[]],
    ['table'],
    [{ indicators: 5 }],
    [
      {
        indicators: [5, null, { name: 1, target: {} }, { name: '人数', target: { operator: 3, value: [] } }],
      },
    ],
    [
      {
        project: { funds: { total: '十万元', fiscal: {}, lines: [1, { value: 'x' }] }, period: { start: 7 } },
        indicators: [],
      },
    ],
    [{ goals: [5, { expected: 7 }, '培训1e3人次'], notes: [1], truncated: 'yes', year: 'x', amountUnit: 5 }],
  ])('%j gives findings, never a throw', (input) => {
    const r = reviewTargets(input as unknown as Declaration);
    expect(r.summary.error + r.summary.warning + r.summary.info).toBe(r.findings.length);
    for (const f of r.findings) expect(f.path).toBeInstanceOf(Array);
  });

  it('a row that is not an object is invalid-report with its path', () => {
    const r = reviewTargets({ indicators: [5] } as unknown as Declaration);
    expect(r.findings.map((f) => [f.code, f.path])).toContainEqual(['invalid-report', ['indicators', 0]]);
  });

  it('never mutates its input', () => {
    const table = structuredClone(withRow(cost('≥11万元')));
    const copy = structuredClone(table);
    reviewTargets(table);
    expect(table).toEqual(copy);
  });

  it('a caller’s Decimal.set changes nothing', () => {
    const before = reviewTargets(withRow(cost('≤10.0001万元')));
    const saved = Decimal.precision;
    Decimal.set({ precision: 2 });
    try {
      expect(reviewTargets(withRow(cost('≤10.0001万元')))).toEqual(before);
    } finally {
      Decimal.set({ precision: saved });
    }
  });
});
