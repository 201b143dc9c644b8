/**
 * Mid-year monitoring tables (绩效运行监控表 / 项目支出绩效监控表 / 部门整体绩效监控表) import to the
 * report JSON of DESIGN §3 "Monitoring tables": `kind: "monitoring"`, the `period`, and the
 * period's figures of each budget line and indicator (periodActual, expectedActual,
 * published.periodRate / timeProgress, likelihood), every figure exactly as printed.
 *
 * The real table (fixtures/import/monitoring/, made by scripts/fixtures/monitoring.mjs from the
 * master written from its source) is read in every format and must give the same JSON; the
 * tables rows below are the period phrases and the column names of other forms, as CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport, importText } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures/import/helpers.js';
import { run } from './support/run.js';

const DIR = join(FIXTURES, 'monitoring');
const FORMATS = ['html', 'xlsx', 'xls', 'csv', 'docx', 'pdf'] as const;

/**
 * 黄石市文物局 (Huangshi, Hubei), 申遗经费, 2019, months 1–6: the 黄石市项目支出绩效监控表 as
 * published 2019-08-21 at http://hsgyyc.com/xwdt_10201/gsgg_10206/201908/t20190821_663302.html
 * (transcribed 2026-12-02). 87.57 of 220 万元 spent in six months; 全年预计执行数 left empty.
 */
const HUANGSHI = {
  id: 'cn-hubei-huangshi-relics-2019-h1-heritage-bid',
  report: {
    kind: 'monitoring',
    title: '申遗经费',
    entity: '黄石市文物局(湖北水泥遗址博物馆)',
    year: 2019,
    period: { months: 6 },
    amountUnit: '万元',
    budget: [
      {
        name: '年度资金总额',
        initial: '220',
        periodActual: '87.57',
        children: [{ name: '其中:当年一般公共预算拨款', initial: '220', periodActual: '87.57' }],
      },
    ],
    indicators: [
      { path: ['产出指标'], name: '质量', target: '' },
      { path: ['产出指标'], name: '时效', target: '' },
      {
        path: ['产出指标'],
        name: '成本',
        target: '年度预算220万元',
        periodActual: '按进度执行,已使用约40%',
        likelihood: '确定能',
      },
      {
        path: ['效益指标'],
        name: '社会效益',
        target: '',
        periodActual:
          '开展黄石矿冶工业遗产突出普遍价值研究、学术交流、对外宣传等工作,先后举办有社会影响力的活动5场;成立黄石矿冶文化研究中心暨矿冶文学陈列馆,凸显黄石工业遗产文化价值,推动申遗工作。',
        likelihood: '确定能',
      },
    ],
  },
};

describe('a real monitoring table in every format', () => {
  it.each(FORMATS)(`${HUANGSHI.id}.%s imports to the monitoring JSON`, async (ext) => {
    const file = `${HUANGSHI.id}.${ext}`;
    const r = await importReport(new Uint8Array(readFileSync(join(DIR, HUANGSHI.id, file))), {
      fileName: file,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toEqual(HUANGSHI.report);
    // Nothing dropped: the form's rows the JSON has no field for are listed with their text.
    const listed = r.unplaced.map((u) => u.text).join('\n');
    for (const text of [
      '项目属性',
      '项目类型',
      '偏差或不能完成目标原因分析',
      '相关建议或举措',
      '注: 1.完成目标可能性',
    ])
      expect(listed).toContain(text);
  });
});

describe('outturn import', () => {
  it('prints the monitoring JSON of the real table, and lists what it did not place on stderr', async () => {
    const file = join(DIR, HUANGSHI.id, `${HUANGSHI.id}.xlsx`);
    const r = await run(['import', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(HUANGSHI.report);
    expect(r.stderr).toContain('项目属性');
  });
});

/** A CSV monitoring table with one header cell replaced. */
function budgetCsv(header: string, cell = '50%'): string {
  return [`项目,全年预算数,${header}`, `年度资金总额,220,${cell}`].join('\n');
}

describe('period phrases', () => {
  it.each([
    ['1-6月执行数', { months: 6 }],
    ['1—6月执行数', { months: 6 }],
    ['1至6月执行数', { months: 6 }],
    ['1月-6月执行数', { months: 6 }],
    ['1～9月执行数', { months: 9 }],
    ['截至6月底执行数', { months: 6 }],
    ['截至2023年6月末执行数', { months: 6 }],
    ['截至6月30日执行数', { months: 6 }],
    ['上半年执行数', { months: 6 }],
    ['前三季度执行数', { months: 9 }],
    ['截至2023年6月30日执行数', { through: '2023-06-30' }],
    ['截止2024年9月30日支出数', { through: '2024-09-30' }],
  ])('%s gives the period %j and the period actual', (header, period) => {
    const r = importText(budgetCsv(header, '87.57'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toMatchObject({ kind: 'monitoring', period });
    expect(r.report.budget?.[0]).toEqual({ name: '年度资金总额', adjusted: '220', periodActual: '87.57' });
  });

  it.each([
    ['4-6月执行数', 'one quarter, not the months since January'],
    ['截至2023年2月30日执行数', 'no such date'],
    ['截至6月15日执行数', 'half a month, and no year to date it'],
    ['1-12月执行数', 'the whole year: a year-end table'],
    ['截至12月底执行数', 'the whole year'],
    ['截至2023年12月31日执行数', 'the whole year'],
  ])('%s is no period (%s)', (header) => {
    const r = importText(budgetCsv(header, '87.57'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.period).toBeUndefined();
  });

  it('the period of a title (截至2023年6月30日) when no header names one', () => {
    const r = importText(
      [
        '部门整体绩效运行监控表（截至2023年6月30日）',
        '项目,全年预算数,全年预计执行数',
        '基本支出,100,100',
      ].join('\n'),
    );
    expect(r.ok && r.report).toMatchObject({
      kind: 'monitoring',
      year: 2023,
      period: { through: '2023-06-30' },
      budget: [{ name: '基本支出', adjusted: '100', expectedActual: '100' }],
    });
  });

  it('a 监控期间 fact gives the period', () => {
    const r = importText(
      ['监控期间,2023年1-6月', '', '项目,全年预算数,执行数', '基本支出,100,40'].join('\n'),
    );
    expect(r.ok && r.report).toMatchObject({ kind: 'monitoring', period: { months: 6 } });
  });

  it('a monitoring table without a period says so in a note', () => {
    const r = importText(['项目,全年预算数,全年预计执行数', '基本支出,100,100'].join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.kind).toBe('monitoring');
    expect(r.report.period).toBeUndefined();
    expect(r.notes.some((n) => n.reason.en.includes('period was found in no header or title'))).toBe(true);
  });
});

describe('budget columns', () => {
  it.each([
    ['1-6月执行率', 'published', { periodRate: '39.80%' }],
    ['截至6月底执行进度', 'published', { periodRate: '39.80%' }],
    ['序时进度', 'published', { timeProgress: '39.80%' }],
    ['时间进度', 'published', { timeProgress: '39.80%' }],
    ['全年预计执行数', 'line', { expectedActual: '39.80%' }],
    ['预计全年执行数', 'line', { expectedActual: '39.80%' }],
  ])('%s is read', (header, where, fields) => {
    const r = importText(budgetCsv(header, '39.80%'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const line = r.report.budget?.[0] as Record<string, unknown>;
    if (where === 'published') expect(line.published).toEqual(fields);
    else expect(line).toMatchObject(fields);
    expect(r.report.kind).toBe('monitoring');
  });

  it.each(['全年预算数', '年度资金总额', '调整后预算数'])('%s is the adjusted budget', (column) => {
    const r = importText([`项目名称,${column},1-6月执行数`, '项目支出,220,87.57'].join('\n'));
    expect(r.ok && r.report.budget).toEqual([{ name: '项目支出', adjusted: '220', periodActual: '87.57' }]);
  });

  it('the year of a header (2023年1-6月执行数) when no title gives one', () => {
    const r = importText(['项目名称,全年预算数,2023年1-6月执行数', '项目支出,220,87.57'].join('\n'));
    expect(r.ok && r.report).toMatchObject({ kind: 'monitoring', year: 2023, period: { months: 6 } });
  });

  it('the full monitoring form: 全年预算数, 1-6月执行数, 1-6月执行率, 序时进度, 全年预计执行数', () => {
    const r = importText(
      [
        '项目名称,全年预算数,1-6月执行数,1-6月执行率,序时进度,全年预计执行数',
        '年度资金总额,220,87.57,39.80%,50%,220',
      ].join('\n'),
    );
    expect(r.ok && r.report).toEqual({
      kind: 'monitoring',
      period: { months: 6 },
      budget: [
        {
          name: '年度资金总额',
          adjusted: '220',
          periodActual: '87.57',
          expectedActual: '220',
          published: { periodRate: '39.80%', timeProgress: '50%' },
        },
      ],
    });
  });

  it('an English mid-year report: Budget, Spent to date, % spent, Projected', () => {
    const r = importText(
      [
        'Mid-year performance report 2023/24',
        'Programme,Budget,Spent to date,% spent,Projected',
        'Administration,1200,540,45%,1180',
      ].join('\n'),
    );
    expect(r.ok && r.report).toMatchObject({
      kind: 'monitoring',
      period: { months: 6 },
      budget: [
        {
          name: 'Administration',
          adjusted: '1200',
          periodActual: '540',
          expectedActual: '1180',
          published: { periodRate: '45%' },
        },
      ],
    });
  });
});

describe('indicator columns', () => {
  const header =
    '一级指标,二级指标,三级指标,年度指标值,1-6月实际完成值,全年预计完成值,完成目标可能性,偏差原因分析';

  it('年度指标值, 1-6月实际完成值, 全年预计完成值, 完成目标可能性, 偏差原因分析', () => {
    const r = importText(
      [
        header,
        '产出指标,数量指标,培训人次,≥280人次,120人次,290人次,确定能,',
        '效益指标,满意度指标,满意度,≥95%,90%,93%,有可能,上半年培训未开展满意度调查',
      ].join('\n'),
    );
    expect(r.ok && r.report).toEqual({
      kind: 'monitoring',
      period: { months: 6 },
      indicators: [
        {
          path: ['产出指标', '数量指标'],
          name: '培训人次',
          target: '≥280人次',
          periodActual: '120人次',
          expectedActual: '290人次',
          likelihood: '确定能',
          reason: '',
        },
        {
          path: ['效益指标', '满意度指标'],
          name: '满意度',
          target: '≥95%',
          periodActual: '90%',
          expectedActual: '93%',
          likelihood: '有可能',
          reason: '上半年培训未开展满意度调查',
        },
      ],
    });
  });

  it.each([
    ['1-6月完成值', 'periodActual'],
    ['半年度指标执行情况', 'periodActual'],
    ['截至6月底完成情况', 'periodActual'],
    ['全年预计完成情况', 'expectedActual'],
    ['预计全年完成值', 'expectedActual'],
  ])('%s is %s', (column, field) => {
    const r = importText([`指标名称,年度指标值,${column}`, '培训人次,280,120'].join('\n'));
    expect(r.ok && r.report.indicators?.[0]).toEqual({ name: '培训人次', target: '280', [field]: '120' });
  });

  it.each([
    ['✓', '', '', '确定能'],
    ['', '√', '', '有可能'],
    ['', '', '○', '完全不可能'],
  ])('a column per answer: %s | %s | %s marks %s', (a, b, c, answer) => {
    const r = importText(
      [
        '指标名称,年度指标值,1-6月完成值,完成目标可能性,,',
        `,,,确定能,有可能,完全不可能`,
        `培训人次,280,120,${a},${b},${c}`,
      ].join('\n'),
    );
    expect(r.ok && r.report.indicators?.[0]).toEqual({
      name: '培训人次',
      target: '280',
      periodActual: '120',
      likelihood: answer,
    });
  });

  it('two answers marked: none is read, the row is listed', () => {
    const r = importText(
      ['指标名称,年度指标值,1-6月完成值,确定能,有可能,完全不可能', '培训人次,280,120,✓,✓,'].join('\n'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.indicators?.[0]).toEqual({ name: '培训人次', target: '280', periodActual: '120' });
    expect(r.unplaced.some((u) => u.reason.en.includes('several answers'))).toBe(true);
  });

  it('English: Target, Achieved to date, Projected, Likely to achieve?, Reasons', () => {
    const r = importText(
      [
        'Indicator,Target,Achieved to date,Projected,Likely to achieve?,Reasons',
        'Clinics built,12,5,11,Not likely,Contractor delay',
      ].join('\n'),
    );
    expect(r.ok && r.report).toEqual({
      kind: 'monitoring',
      indicators: [
        {
          name: 'Clinics built',
          target: '12',
          periodActual: '5',
          expectedActual: '11',
          likelihood: 'Not likely',
          reason: 'Contractor delay',
        },
      ],
    });
  });
});

describe('a year-end table stays what it was', () => {
  it('全年预算数 | 全年执行数 | 执行率: no monitoring kind, no period', () => {
    const r = importText(['项目,全年预算数,全年执行数,执行率', '年度资金总额,220,200,90.91%'].join('\n'));
    expect(r.ok && r.report).toEqual({
      budget: [
        { name: '年度资金总额', adjusted: '220', actual: '200', published: { executionRate: '90.91%' } },
      ],
    });
  });
});
