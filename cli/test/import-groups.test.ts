/**
 * Weights and scores printed on indicator groups (issue 12 item 1), 其中 budget lines, printed
 * status columns, 年度总体目标 blocks and the unit caption, from real published tables
 * transcribed into CSV (cli/test/fixtures/import/, the source in comment rows), imported from
 * CSV, from an .xlsx built from the same rows (with the merged cells the printed tables have)
 * and from the same rows as PDF-like text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { type Report, validateReport } from 'outturn';
import { type ImportResult, type ImportSuccess, importReport, importText } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { groupLabel } from '../src/import/groups.js';
import {
  budgetFields,
  csvRows,
  FIXTURES,
  indicatorFields,
  ROOT,
  readJson,
  sheetOf,
  textOf,
  workbook,
} from './fixtures/import/helpers.js';

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

const range = (s: string): XLSX.Range => XLSX.utils.decode_range(s);

/** The 0-based row of the first CSV row whose first cell is `first` (and second `second`, if given). */
function rowOf(rows: readonly (readonly string[])[], first: string, second?: string): number {
  const k = rows.findIndex((r) => r[0] === first && (second === undefined || r[1] === second));
  if (k < 0) throw new Error(`no row ${first}`);
  return k;
}

interface Case {
  readonly csv: string;
  readonly groups: readonly unknown[];
  /** Paths of the indicators, in order. */
  readonly paths: readonly (readonly string[])[];
  readonly goals: readonly unknown[];
  readonly facts: Partial<Report>;
  /** The top budget line as imported (its 其中 lines print no 分值 or 得分 of their own). */
  readonly budget: readonly unknown[];
  /** Merged cells of the printed table, for the workbook built from the rows. */
  readonly merges: (rows: readonly (readonly string[])[]) => XLSX.Range[];
}

const VILLAGE = 'cn-anhui-chizhou-tangxi-2022-village-subsidies.csv';
const TRADE = 'cn-2020-services-trade-fund.csv';
const WATER = 'cn-sichuan-zhongjiang-water-2022-water-gauges.csv';
const ROADS = 'cn-hubei-guangshui-transport-2021-rural-roads.csv';

/** Merges of a category column: each printed label down to the row before the next one. */
function categoryMerges(
  rows: readonly (readonly string[])[],
  col: number,
  from: number,
  to: number,
): XLSX.Range[] {
  const out: XLSX.Range[] = [];
  let start = -1;
  for (let r = from; r <= to + 1; r++) {
    const printed = r <= to && (rows[r]?.[col] ?? '') !== '';
    if ((printed || r > to) && start >= 0 && r - 1 > start)
      out.push({ s: { r: start, c: col }, e: { r: r - 1, c: col } });
    if (printed) start = r;
  }
  return out;
}

const CASES: readonly Case[] = [
  {
    csv: VILLAGE,
    groups: [
      { path: ['产出指标'], weight: '50' },
      { path: ['效益指标'], weight: '30' },
    ],
    paths: [
      ['产出指标', '数量指标'],
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['产出指标', '成本指标'],
      ['效益指标', '经济效益指标'],
      ['效益指标', '社会效益指标'],
    ],
    goals: [
      {
        expected: expect.stringMatching(/^本项目共申请预算资金2026400元,.*村级工作目标奖励100000元。$/),
        actual: expect.stringMatching(/^本项目共完成预算资金1329120\.67元,.*村级工作目标奖励50000元。$/),
      },
    ],
    facts: { kind: 'project', entity: '池州市贵池区棠溪镇人民政府', year: 2022, amountUnit: '万元' },
    budget: [
      {
        // Printed `年度资金总额:`: the colon ends the label of its figures (the hand-made JSON too).
        name: '年度资金总额',
        initial: '0',
        adjusted: '0',
        actual: '0',
        weight: '10',
        published: { executionRate: '0', score: '0' },
        children: [
          { name: '其中:本年财政拨款', initial: '202.64', adjusted: '132.912', actual: '132.912' },
          { name: '上年结转资金' },
          { name: '其他资金' },
        ],
      },
    ],
    merges: (rows) => {
      const h = rowOf(rows, '一级指标');
      const last = rows.length - 1;
      return [...categoryMerges(rows, 0, h + 1, last), ...categoryMerges(rows, 1, h + 1, last)];
    },
  },
  {
    csv: TRADE,
    groups: [
      { path: ['年度绩效目标'], weight: '80' },
      { path: ['年度绩效目标', '产出指标'], weight: '60' },
      { path: ['年度绩效目标', '效益指标'], weight: '40' },
    ],
    paths: [
      ...Array.from({ length: 3 }, () => ['年度绩效目标', '产出指标', '数量指标']),
      ['年度绩效目标', '产出指标', '质量指标'],
      ['年度绩效目标', '产出指标', '时效指标'],
      ['年度绩效目标', '产出指标', '时效指标'],
      ['年度绩效目标', '效益指标', '社会效益指标'],
      ['年度绩效目标', '效益指标', '可持续影响指标'],
    ],
    goals: [],
    facts: {
      kind: 'project',
      entity: '区商务局',
      year: 2020,
      amountUnit: '万元',
      published: { totalScore: '100' },
    },
    budget: [
      {
        name: '年度财政资金总额',
        adjusted: '285.84',
        actual: '285.84',
        weight: '20',
        published: { executionRate: '100%', score: '20' },
      },
    ],
    merges: (rows) => {
      const h = rowOf(rows, '', '一级指标');
      const last = rowOf(rows, '总分') - 2;
      return [
        { s: { r: h + 1, c: 0 }, e: { r: last, c: 0 } },
        ...categoryMerges(rows, 1, h + 1, last),
        ...categoryMerges(rows, 2, h + 1, last),
      ];
    },
  },
  {
    csv: WATER,
    groups: [
      { path: ['产出指标'], weight: '70' },
      { path: ['效益指标'], weight: '20' },
      { path: ['满意度指标'], weight: '10' },
    ],
    paths: (
      readJson(join(ROOT, 'examples', 'reports', 'cn-sichuan-zhongjiang-water-2022-water-gauges.json'))
        .indicators as { path: string[] }[]
    ).map((i) => i.path),
    goals: [
      {
        expected: '对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,',
        actual: '对项目区农业用水计量,为项目区农业生产夯实基础,',
      },
    ],
    facts: {
      kind: 'project',
      entity: '中江县水利局',
      year: 2022,
      amountUnit: '万元',
      published: { totalScore: '100' },
    },
    budget: [
      {
        name: '年度资金总额',
        adjusted: '20',
        actual: '20',
        weight: '10',
        published: { executionRate: '100.00%', score: '10' },
        children: [{ name: '其中:本年财政拨款', adjusted: '20', actual: '20' }, { name: '其他资金' }],
      },
    ],
    merges: (rows) => {
      const h = rowOf(rows, '一级指标');
      const last = rowOf(rows, '总分') - 1;
      return categoryMerges(rows, 0, h + 1, last);
    },
  },
  {
    csv: ROADS,
    groups: [
      { path: ['项目绩效'], weight: '85' },
      { path: ['项目绩效', '产出指标'], weight: '40' },
      { path: ['项目绩效', '产出指标', '数量指标'], weight: '15' },
    ],
    paths: [['项目绩效', '产出指标', '数量指标']],
    goals: [],
    facts: { kind: 'project', entity: '广水市交通运输局', year: 2021, published: { totalScore: '95' } },
    budget: [],
    merges: () => [],
  },
];

for (const c of CASES) {
  const path = join(FIXTURES, c.csv);
  const rows = csvRows(path);

  describe(c.csv, () => {
    it('keeps its source in a comment row', () => {
      expect(rows[0]?.[0]).toMatch(/^# /);
      expect(rows.some((r) => /^# .*Source: https?:\/\//i.test(r[0] ?? ''))).toBe(true);
    });

    const formats: readonly (readonly [string, () => Promise<ImportResult> | ImportResult])[] = [
      ['CSV', () => importReport(readFileSync(path), { fileName: c.csv })],
      [
        '.xlsx with the merged cells of the printed table',
        () => importReport(workbook([['Sheet1', sheetOf(rows, c.merges(rows))]])),
      ],
      ['PDF-like text', () => importText(textOf(rows), { from: 'text' })],
    ];
    for (const [label, run] of formats) {
      it(`${label}: the groups that print a weight, the paths without it, goals and the budget lines`, async () => {
        const r = ok(await run());
        expect(r.report.groups).toEqual(c.groups);
        expect((r.report.indicators ?? []).map((i) => i.path)).toEqual(c.paths);
        expect(r.report.goals ?? []).toEqual(c.goals);
        expect(budgetFields(r.report.budget)).toEqual(c.budget);
        expect(r.report).toMatchObject(c.facts);
        // No goal text and no weight label ever becomes a budget line or an indicator.
        const names = JSON.stringify([r.report.budget, (r.report.indicators ?? []).map((i) => i.name)]);
        expect(names).not.toMatch(/年度总体目标|预期目标|本项目共|\d分\)/);
      });
    }
  });
}

describe('what the transcriptions show', () => {
  it('zhongjiang: the same budget and indicators as the JSON transcription, the path without the weight', async () => {
    const r = ok(await importReport(readFileSync(join(FIXTURES, WATER))));
    const json = readJson(
      join(ROOT, 'examples', 'reports', 'cn-sichuan-zhongjiang-water-2022-water-gauges.json'),
    );
    expect(budgetFields(r.report.budget)).toEqual(budgetFields(json.budget));
    expect(indicatorFields(r.report.indicators)).toEqual(indicatorFields(json.indicators));
  });

  it('zhongjiang: the 总分 row of the indicator table is the total score, with a note', async () => {
    const r = ok(await importReport(readFileSync(join(FIXTURES, WATER))));
    expect(r.report.published?.totalScore).toBe('100');
    expect(r.notes.some((n) => n.text === '总分 | 100 | 100' && n.reason.en.includes('total score'))).toBe(
      true,
    );
    expect(r.unplaced).toEqual([]);
  });

  it('services trade fund: the 20 points of 预算执行情况（万元）（20分） are the weight of its one line, with a note', async () => {
    const r = ok(await importReport(readFileSync(join(FIXTURES, TRADE))));
    expect(r.report.budget?.[0]?.weight).toBe('20');
    expect(
      r.notes.some((n) => n.text === '预算执行情况（万元）（20分）' && n.reason.zh.includes('分值')),
    ).toBe(true);
    expect(r.unplaced).toEqual([]);
  });

  it('village subsidies: the 其中 line keeps its own figures; the parent its 分值 10 and 得分 0', async () => {
    const r = ok(await importReport(readFileSync(join(FIXTURES, VILLAGE))));
    const [root] = r.report.budget ?? [];
    expect(root?.weight).toBe('10');
    expect(root?.published?.score).toBe('0');
    for (const child of root?.children ?? []) {
      expect(child.weight).toBeUndefined();
      expect(child.published).toBeUndefined();
    }
  });

  it('guangshui: weights printed as `85 分` without parentheses, three levels; the 评价标准 column is listed', async () => {
    const r = ok(await importReport(readFileSync(join(FIXTURES, ROADS))));
    expect(r.report.indicators?.[0]).toMatchObject({
      name: '乡村道路建设养护里程',
      target: '300公里',
      actual: '300公里',
      published: { score: '15' },
    });
    expect(r.report.indicators?.[0]?.weight).toBeUndefined();
    expect(r.unplaced.map((u) => u.reason.en)).toEqual([
      expect.stringContaining('"评价标准" is not a known indicator column'),
    ]);
  });
});

describe('group labels', () => {
  it.each([
    ['产出指标（50分）', '产出指标', '50'],
    ['效益指标(30分)', '效益指标', '30'],
    ['年度绩效目标（40分）', '年度绩效目标', '40'],
    ['满意度指标（10 分）', '满意度指标', '10'],
    ['项目绩效 85 分', '项目绩效', '85'],
    ['产出指标40分', '产出指标', '40'],
    ['产出指标（满分50分）', '产出指标', '50'],
    ['产出指标（分值：50）', '产出指标', '50'],
    ['产出指标（５０分）', '产出指标', '50'],
    ['效益指标(22.5分)', '效益指标', '22.5'],
    // No weight: a number without 分, a label alone, a weight with nothing before it.
    ['产出指标(2)', '产出指标(2)', null],
    ['数量指标', '数量指标', null],
    ['（50分）', '（50分）', null],
    ['社会效益指标（可选项）', '社会效益指标（可选项）', null],
  ])('%s → %s, weight %s', (text, name, weight) => {
    expect(groupLabel(text)).toEqual({ name, weight });
  });
});

describe('group weights and scores in other layouts', () => {
  const header = '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分';

  it('a category row that prints only 分值 and 得分 is the group’s', () => {
    const r = ok(
      importText(
        [header, '产出指标,,,,,50,48', ',数量指标,培训人次,≥280人次,300人次,,', ',,覆盖率,≥90%,85%,,'].join(
          '\n',
        ),
        { from: 'csv' },
      ),
    );
    expect(r.report.groups).toEqual([{ path: ['产出指标'], weight: '50', published: { score: '48' } }]);
    expect(r.report.indicators?.map((i) => [i.path, i.name, i.weight])).toEqual([
      [['产出指标', '数量指标'], '培训人次', undefined],
      [['产出指标', '数量指标'], '覆盖率', undefined],
    ]);
    expect(r.unplaced).toEqual([]);
  });

  it('a 合计 row of the weights is no group (it is listed, as before)', () => {
    const r = ok(
      importText([header, '产出指标,数量指标,培训人次,≥280人次,300人次,50,50', '合计,,,,,100,'].join('\n'), {
        from: 'csv',
      }),
    );
    expect(r.report.groups).toBeUndefined();
    expect(r.unplaced.map((u) => u.text)).toEqual(['合计 | 100']);
  });

  it('nothing invented: no group without a printed weight or score', () => {
    const r = ok(
      importText([header, '产出指标,数量指标,培训人次,≥280人次,300人次,10,10'].join('\n'), { from: 'csv' }),
    );
    expect(r.report.groups).toBeUndefined();
  });

  it('two blocks under the same label are two groups, with a note', () => {
    const r = ok(
      importText(
        [
          header,
          '年度绩效目标（40分）,产出指标,指标1,≥1,1,20,20',
          ',效益指标,指标2,≥1,1,20,20',
          '年度绩效目标（40分）,产出指标,指标3,≥1,1,20,20',
          ',效益指标,指标4,≥1,1,20,19.6',
        ].join('\n'),
        { from: 'csv' },
      ),
    );
    expect(r.report.groups).toEqual([
      { path: ['年度绩效目标'], weight: '40' },
      { path: ['年度绩效目标'], weight: '40' },
    ]);
    expect(r.notes.some((n) => n.reason.en.includes('a second block with the same category'))).toBe(true);
  });

  it('a 分值 merged over a block (a workbook) is the block’s, never each row’s', async () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
      ['年度绩效目标', '产出指标', '指标1', '40', '≥1', '1', '20'],
      ['', '效益指标', '指标2', '', '≥1', '1', '20'],
      ['预算执行', '预算执行率', '执行率', '20', '100%', '100%', '20'],
    ];
    const merges = [range('A2:A3'), range('D2:D3')];
    const r = ok(await importReport(workbook([['Sheet1', sheetOf(rows, merges)]])));
    expect(r.report.groups).toEqual([{ path: ['年度绩效目标'], weight: '40' }]);
    expect(r.report.indicators?.map((i) => [i.name, i.weight])).toEqual([
      ['指标1', undefined],
      ['指标2', undefined],
      ['执行率', '20'],
    ]);
  });

  it('a merged 分值 that no category cell spans is listed, not given to one row', async () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值'],
      ['产出指标', '数量指标', '指标1', '40', '≥1', '1'],
      ['', '质量指标', '指标2', '', '≥1', '1'],
    ];
    const r = ok(await importReport(workbook([['Sheet1', sheetOf(rows, [range('D2:D3')])]])));
    expect(r.report.groups).toBeUndefined();
    expect(r.report.indicators?.map((i) => i.weight)).toEqual([undefined, undefined]);
    expect(r.unplaced.map((u) => [u.where, u.text])).toEqual([['Sheet1!D2:D3', '40']]);
  });
});

describe('the block label 绩效指标 on the header row', () => {
  it('绩效指标 left of 一级指标 | 二级指标 | 三级指标 is a label over the block, not the names (the Anhui form)', () => {
    const r = ok(
      importText(
        [
          '绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施',
          ',产出指标(50分),数量指标,补助村(社区)数量,=8个,8,8,8,',
          ',,,保障村干部人数,=42个,42,8,8,',
        ].join('\n'),
        { from: 'csv' },
      ),
    );
    expect(r.report.indicators?.map((i) => [i.path, i.name])).toEqual([
      [['产出指标', '数量指标'], '补助村(社区)数量'],
      [['产出指标', '数量指标'], '保障村干部人数'],
    ]);
    expect(r.report.groups).toEqual([{ path: ['产出指标'], weight: '50' }]);
    expect(r.unplaced).toEqual([]);
  });
});

describe('其中 lines in a workbook', () => {
  it('a 分值/得分 merged beside 年度资金总额 and its 其中 lines stays the parent’s', async () => {
    const rows = [
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '43.2', '43.2', '37.24', '10', '86%', '9'],
      ['其中:当年财政拨款', '43.2', '43.2', '37.24', '', '', ''],
      ['上年结转资金', '', '', '', '', '', ''],
    ];
    const merges = [range('E2:E4'), range('F2:F4'), range('G2:G4')];
    const r = ok(await importReport(workbook([['Sheet1', sheetOf(rows, merges)]])));
    expect(budgetFields(r.report.budget)).toEqual([
      {
        name: '年度资金总额',
        initial: '43.2',
        adjusted: '43.2',
        actual: '37.24',
        weight: '10',
        published: { executionRate: '86%', score: '9' },
        children: [
          { name: '其中:当年财政拨款', initial: '43.2', adjusted: '43.2', actual: '37.24' },
          { name: '上年结转资金' },
        ],
      },
    ]);
    expect(r.notes.filter((n) => n.reason.en.includes('merged over 3 rows'))).toHaveLength(3);
  });

  it('a 其中 line that prints its own 分值 and 得分 keeps them (the checks decide whether they repeat the parent)', () => {
    const r = ok(
      importText(
        [
          '项目资金（万元）,全年预算数,全年执行数,分值,执行率,得分',
          '年度资金总额,10,10,10,100%,10',
          '其中：财政拨款,10,10,10,100%,10',
          '其他资金,,,,,',
        ].join('\n'),
        { from: 'csv' },
      ),
    );
    const [root] = r.report.budget ?? [];
    expect(root).toMatchObject({ weight: '10', published: { score: '10' } });
    expect(root?.children?.[0]).toMatchObject({
      name: '其中：财政拨款',
      weight: '10',
      published: { score: '10' },
    });
  });
});

describe('status columns', () => {
  const run = (header: string, row: string) =>
    ok(importText(`${header}\n${row}\n`, { from: 'csv' })).report.indicators?.[0];

  it.each([
    ['指标名称,指标值,实际完成值,完成情况', '培训人次,≥280人次,300人次,已完成', '已完成'],
    ['指标名称,指标值,实际完成值,是否达成', '培训人次,≥280人次,300人次,达成', '达成'],
    ['指标名称,指标值,实际完成值,是否完成', '培训人次,≥280人次,300人次,是', '是'],
    [
      'Indicator,Target,Actual achievement,Achieved/Not achieved',
      'Jobs created,500,430,Not achieved',
      'Not achieved',
    ],
    ['Indicator,Target,Actual,Status', 'Audit opinion,Unqualified,Unqualified,Achieved', 'Achieved'],
  ])('%s → published.status', (header, row, status) => {
    expect(run(header, row)?.published?.status).toBe(status);
  });

  it('完成情况 alone is the actual value, as before', () => {
    const i = run('指标名称,指标值,完成情况', '培训人次,≥280人次,300人次');
    expect(i?.actual).toBe('300人次');
    expect(i?.published?.status).toBeUndefined();
  });
});

describe('the unit caption', () => {
  const table = '预算项目,年初预算数,调整预算数,实际支出数\n合计,1,1,1\n';

  it.each([
    ['单位：千元', '千元'],
    ['单位:千元', '千元'],
    ['单位：元', '元'],
    ['单位：万元', '万元'],
    ['单位,千元', '千元'],
    ['金额单位,百万元', '百万元'],
  ])('%s → amountUnit %s, never the entity', (caption, unit) => {
    const r = ok(importText(`${caption}\n${table}`, { from: 'csv' }));
    expect(r.report.amountUnit).toBe(unit);
    expect(r.report.entity).toBeUndefined();
  });

  it('the unit in a header: 年初预算数（千元）', () => {
    const r = ok(
      importText('预算项目,年初预算数（千元）,调整预算数,实际支出数\n合计,1,1,1\n', { from: 'csv' }),
    );
    expect(r.report.amountUnit).toBe('千元');
  });

  it('a unit is the money unit; a name is the entity', () => {
    const r = ok(importText(`单位,青神县发展和改革局\n${table}`, { from: 'csv' }));
    expect(r.report.entity).toBe('青神县发展和改革局');
    expect(r.report.amountUnit).toBeUndefined();
  });
});

// needs the groups rule (issue 12 item 1)
describe('the imported reports through validateReport', () => {
  const findings = async (csv: string) =>
    validateReport(ok(await importReport(readFileSync(join(FIXTURES, csv)))).report).findings;
  const codes = (fs: Awaited<ReturnType<typeof findings>>) => fs.map((f) => `${f.code} ${f.path.join('.')}`);

  it('village subsidies (cut off inside 效益指标): no total is invented and 产出指标 adds up to its 50', async () => {
    const fs = await findings(VILLAGE);
    expect(fs.filter((f) => f.code === 'total-score-mismatch')).toEqual([]);
    // 产出指标: 8 + 8 + 8 + 8 + 8 + 10 = 50, the weight its label prints.
    expect(fs.filter((f) => f.path[0] === 'groups' && f.path[1] === 0)).toEqual([]);
    // The transcription ends inside 效益指标(30分) (two rows of 10 read): said, never an error.
    expect(fs.filter((f) => f.code === 'weight-sum-mismatch' && f.path[0] !== 'groups')).toEqual([]);
  });

  it('services trade fund: never "100 ≠ 20"; its own 60 + 40 under an 80-point block is found', async () => {
    const fs = await findings(TRADE);
    expect(fs.filter((f) => f.code === 'total-score-mismatch' && f.recomputed === '20')).toEqual([]);
    expect(codes(fs)).toContain('weight-sum-mismatch groups.0.weight');
  });

  it('zhongjiang: 70 + 20 + 10 + 10 = 110 against the printed 总分 100 is still found', async () => {
    const fs = await findings(WATER);
    expect(fs.some((f) => f.code === 'total-score-mismatch' || f.code === 'weight-sum-mismatch')).toBe(true);
    expect(fs.filter((f) => f.path[0] === 'groups' && f.code === 'weight-sum-mismatch')).toEqual([]);
  });

  it('guangshui (cut off after one row): no total-score error, what is missing is said', async () => {
    const fs = await findings(ROADS);
    expect(fs.filter((f) => f.code === 'total-score-mismatch')).toEqual([]);
    expect(fs.some((f) => f.code === 'weights-incomplete')).toBe(true);
  });
});
