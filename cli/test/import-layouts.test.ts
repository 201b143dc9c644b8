/**
 * Issue 13, item 1: the official layouts, recognised as layouts. Real tables of examples/reports/
 * laid out as their forms print them (the central 项目支出绩效自评表 of 财预〔2020〕10号 and the
 * provincial copies, the 部门整体支出绩效自评表): title rows, 项目名称 and 主管部门 | 实施单位
 * rows, the budget block under a label merged down its first column, 年度总体目标, the
 * indicator table with merged 一级/二级 cells, the 总分 row. Each is read from a UTF-8 CSV, a
 * GB18030 CSV and an .xlsx with the form's merges (cli/test/fixtures/import/layouts/, made by
 * scripts/fixtures/layouts.mjs from layouts.json), and compared field for field with the
 * hand-made JSON of examples/reports/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Report } from 'outturn';
import { validateReport } from 'outturn';
import { type ImportResult, type ImportSuccess, importReport } from 'outturn-cli/import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  budgetFields,
  FIXTURES,
  findingKeys,
  indicatorFields,
  ROOT,
  readJson,
} from './fixtures/import/helpers.js';
import { run } from './support/run.js';

const DIR = join(FIXTURES, 'layouts');
const FORMATS = ['csv', 'gb18030.csv', 'xlsx'] as const;

interface Layout {
  readonly name: string;
  readonly report: string;
  readonly rows: string[][];
  readonly merges: string[];
}
const LAYOUTS = JSON.parse(readFileSync(join(DIR, 'layouts.json'), 'utf8')) as Layout[];
const layout = (name: string): Layout => LAYOUTS.find((l) => l.name === name) as Layout;

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

async function imported(name: string, format: (typeof FORMATS)[number]): Promise<ImportSuccess> {
  const file = `${name}.${format}`;
  return ok(await importReport(new Uint8Array(readFileSync(join(DIR, file))), { fileName: file }));
}

/** A dash alone prints nothing (DESIGN §3), as `/` does: left out on both sides of a comparison. */
function dashless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dashless);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== '—') out[k] = dashless(v);
    return out;
  }
  return value;
}

/** The fields an import produces, on a report of either side. */
function fieldsOf(report: Report | Record<string, unknown>) {
  const r = dashless(report) as Record<string, unknown>;
  const published = (r.published ?? {}) as Record<string, unknown>;
  const facts: Record<string, unknown> = {};
  for (const k of ['kind', 'title', 'entity', 'year', 'amountUnit']) if (r[k] !== undefined) facts[k] = r[k];
  const pub: Record<string, unknown> = {};
  for (const k of ['totalScore', 'grade'])
    if (published[k] !== undefined && published[k] !== null) pub[k] = published[k];
  return {
    facts,
    budget: budgetFields(r.budget),
    indicators: indicatorFields(r.indicators),
    goals: r.goals ?? [],
    groups: r.groups ?? [],
    published: pub,
  };
}

interface Case {
  readonly name: string;
  /** How the import's facts differ from the transcription's, and why (below). */
  readonly facts: Record<string, unknown>;
  /** Fields of the transcription the form prints otherwise (see each case). */
  readonly patch?: (report: Record<string, unknown>) => Record<string, unknown>;
  /** What is listed as not imported: text and reason, each a part of the item's. */
  readonly unplaced: readonly (readonly [string, string])[];
}

// The title of a project form is its 项目名称 (the transcriptions prefix the form's name); the
// entity its 实施单位 (else 主管部门; the Yunnan transcription names the unit above the table).
const CASES: readonly Case[] = [
  {
    name: 'yunnan-yongde-2022-nutrition',
    facts: { title: '义务教育营养改善计划专项资金', entity: '永德县明朗中学' },
    unplaced: [['生态效益指标', 'a category with no indicator row under it']],
  },
  {
    name: 'sichuan-zhongjiang-2022-water-gauges',
    facts: { title: '中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装' },
    // The transcription keeps the group weights in the path labels' notes; the import reads them.
    patch: (r) => ({
      ...r,
      goals: [
        {
          expected: '对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,',
          actual: '对项目区农业用水计量,为项目区农业生产夯实基础,',
        },
      ],
      groups: [
        { path: ['产出指标'], weight: '70' },
        { path: ['效益指标'], weight: '20' },
        { path: ['满意度指标'], weight: '10' },
      ],
    }),
    unplaced: [['经济效益指标', 'a category with no indicator row under it']],
  },
  {
    name: 'hebei-langfang-2019-hvac',
    facts: { title: '办公宿舍楼、食堂及餐厅暖通改造经费' },
    unplaced: [],
  },
  {
    name: 'anhui-jinzhai-2023-department',
    facts: { title: '部门整体支出绩效自评表（2023年度）' },
    // 上年结转资金 and 其他资金 print only dashes: lines with nothing printed (the transcription leaves them out).
    patch: (r) => {
      const budget = r.budget as Record<string, unknown>[];
      const top = budget[0] as Record<string, unknown>;
      const children = [...(top.children as unknown[]), { name: '上年结转资金' }, { name: '其他资金' }];
      return { ...r, budget: [{ ...top, children }] };
    },
    unplaced: [],
  },
  {
    name: 'sichuan-daying-2023-anke',
    facts: { title: '2023年全县安可替代补助资金项目' },
    // The transcription gives the goal texts in its notes (项目年度目标, 年度目标完成情况).
    patch: (r) => ({
      ...r,
      goals: [{ expected: '根据要求购买安可设备,并完成项目资金支付。', actual: '完成。' }],
    }),
    unplaced: [['项目实施内容', 'a row outside the budget and indicator tables']],
  },
  {
    name: 'chongqing-science-city-2021-department',
    // The table prints no year (the transcription infers 2021 from the goal's text).
    facts: { title: '部门整体绩效自评表', year: undefined },
    unplaced: [
      ['指标性质: 定量指标', 'prints other things than comparison operators'],
      ['得分系数（%）: 100%', 'is not a known indicator column'],
    ],
  },
  {
    name: 'anhui-tianchang-2020-department',
    // The table prints no year (the transcription infers 2020 from the date it was filled in).
    facts: { title: '部门整体支出绩效自评表', year: undefined },
    unplaced: [
      ['基本支出总额 | 864.2万 | 项目支出总额 | 0', 'a row outside the budget and indicator tables'],
      ['偏差大或 目标未完成 原因分析 | 无', 'a row outside the budget and indicator tables'],
      ['改进措施及 结果应用方案 | 无', 'a row outside the budget and indicator tables'],
    ],
  },
];

describe.each(CASES)('$name, laid out as its form prints it', (c) => {
  const source = () => {
    const json = readJson(join(ROOT, 'examples', 'reports', layout(c.name).report));
    const patched = c.patch === undefined ? json : c.patch(json);
    return { ...patched, ...c.facts };
  };

  it.each(FORMATS)('.%s imports to the hand-made JSON, field for field', async (format) => {
    const r = await imported(c.name, format);
    const got = fieldsOf(r.report);
    const want = fieldsOf(source());
    expect(got.facts).toEqual(want.facts);
    expect(got.budget).toEqual(want.budget);
    expect(got.goals).toEqual(want.goals);
    expect(got.indicators).toEqual(want.indicators);
    expect(got.groups).toEqual(want.groups);
    expect(got.published).toEqual(want.published);
    // Whatever is in the file and not placed is listed, nothing else.
    expect(r.unplaced.map((u) => [u.text, u.reason.en])).toEqual(
      c.unplaced.map(([text, reason]) => [expect.stringContaining(text), expect.stringContaining(reason)]),
    );
    // The checks find in the import what they find in the transcription.
    const fromJson = validateReport(dashless(source()) as Report);
    expect(findingKeys(validateReport(dashless(r.report) as Report).findings)).toEqual(
      findingKeys(fromJson.findings),
    );
  });
});

describe('the three failures of a clerk’s file (issue 13)', () => {
  it('an .xlsx of the central form imports its 4 budget lines, names from the column under 项目资金（万元）', async () => {
    const r = await imported('hebei-langfang-2019-hvac', 'xlsx');
    const top = (r.report.budget ?? [])[0];
    expect(top?.name).toBe('年度资金总额');
    expect(top?.children?.map((l) => l.name)).toEqual(['其中:当年财政拨款', '上年结转资金', '其他资金']);
    expect(r.notes.map((n) => n.reason.en)).toContain(
      '"项目资金（万元）" is the label of the block, printed left of it: the names of its lines are read from the column to its right',
    );
  });

  it.each([
    'sichuan-daying-2023-anke',
    'anhui-jinzhai-2023-department',
    'sichuan-zhongjiang-2022-water-gauges',
  ])('GB18030 CSV of %s: the 年度总体目标 block is kept in goals, never a budget line', async (name) => {
    const r = await imported(name, 'gb18030.csv');
    expect(r.encoding).toBe('gb18030');
    const names = JSON.stringify(r.report.budget);
    expect(names).not.toMatch(/目标|完成情况/);
    expect((r.report as { goals?: unknown[] }).goals?.length).toBe(1);
  });

  describe('总分 is the total score, never an indicator nor dropped', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'outturn-layouts-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** The Hebei form with a 总分 row as a clerk types it: in the 三级指标 column, or merged across. */
    function withTotal(where: 'name' | 'merged'): { rows: string[][]; merges: string[] } {
      const l = layout('hebei-langfang-2019-hvac');
      const row = ['', '', '', '', '', '', '100', '98', '', ''];
      if (where === 'name') row[3] = '总分';
      else row[0] = '总分';
      const merges = where === 'merged' ? [...l.merges, 'A20:F20'] : l.merges;
      return { rows: [...l.rows, row], merges };
    }

    it.each(['name', 'merged'] as const)(
      '总分 in the %s cell: published.totalScore, no false weight-sum-mismatch',
      async (where) => {
        const { rows, merges } = withTotal(where);
        const ws = XLSX.utils.aoa_to_sheet(rows);
        ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, ws, '自评表');
        const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
        const r = ok(await importReport(bytes));
        expect(r.report.published).toEqual({ totalScore: '98' });
        expect(r.report.indicators?.map((i) => i.name)).not.toContain('总分');
        const file = join(dir, `total-${where}.xlsx`);
        writeFileSync(file, bytes);
        const check = await run(['check', file, '--format', 'json']);
        const out = JSON.parse(check.stdout) as { findings: { code: string }[] };
        expect(out.findings.map((f) => f.code)).not.toContain('weight-sum-mismatch');
        // 10 (budget) + 9 × 10 = 100 weights, and the 总分 98 is the sum of the printed scores (9 + 89).
        expect(out.findings.map((f) => f.code)).not.toContain('weights-incomplete');
      },
    );
  });
});

describe('general rules of the forms', () => {
  const csv = (text: string) => new TextEncoder().encode(text);

  it('实施单位 wins over 主管部门 whatever their order; 主管部门 alone is the entity', async () => {
    const table = '\n指标名称,指标值,实际完成值\n满意度,≥90%,95%\n';
    const a = ok(await importReport(csv(`实施单位,乙单位,主管部门,甲部门${table}`)));
    expect(a.report.entity).toBe('乙单位');
    const b = ok(await importReport(csv(`主管部门,甲部门,,实施单位,乙单位${table}`)));
    expect(b.report.entity).toBe('乙单位');
    const c = ok(await importReport(csv(`主管部门,甲部门${table}`)));
    expect(c.report.entity).toBe('甲部门');
  });

  it('two labels left blank (主管部门 | | 实施单位 |) give no entity', async () => {
    const r = ok(
      await importReport(csv('主管部门,,实施单位,\n\n指标名称,指标值,实际完成值\n满意度,≥90%,95%\n')),
    );
    expect(r.report.entity).toBeUndefined();
    expect(r.unplaced).toEqual([]);
  });

  it('a row of pairs with an unknown label is not a fact: listed', async () => {
    const r = ok(
      await importReport(
        csv('主管部门,甲部门,项目属性,张三\n\n指标名称,指标值,实际完成值\n满意度,≥90%,95%\n'),
      ),
    );
    expect(r.report.entity).toBeUndefined();
    expect(r.unplaced.map((u) => u.text)).toEqual(['主管部门 | 甲部门 | 项目属性 | 张三']);
  });

  it('a 项目负责人 pair beside the entity (the Hubei form) is listed, the entity read', async () => {
    const r = ok(
      await importReport(
        csv('项目实施单位,甲局,项目负责人,张三\n\n指标名称,指标值,实际完成值\n满意度,≥90%,95%\n'),
      ),
    );
    expect(r.report.entity).toBe('甲局');
    expect(r.unplaced.map((u) => u.text)).toEqual(['项目实施单位 | 甲局 | 项目负责人 | 张三']);
  });

  it('an indicator table without a target column is never read as budget lines', async () => {
    const r = await importReport(
      csv('一级指标,二级指标,三级指标,全年执行数,分值,得分\n产出指标,数量指标,完成数,10,10,10\n'),
    );
    expect(r.ok && r.report.budget).toBeFalsy();
  });

  it('a 总分 row with a grade (the Yunnan form) gives published.totalScore and published.grade', async () => {
    const r = await imported('yunnan-yongde-2022-nutrition', 'xlsx');
    expect(r.report.published).toEqual({ totalScore: '96', grade: '优' });
    expect(r.notes.map((n) => n.reason.en)).toContain(
      'the 总分 row of the indicator table: its score 96 read as the total score (published.totalScore); its grade 优 as the grade (published.grade); its weight 100 (the maximum) is not a field of the report',
    );
  });

  it('a 自评等级 row after the table is the grade, not an indicator', async () => {
    const r = ok(
      await importReport(
        csv('指标名称,指标值,实际完成值,分值,得分\n满意度,≥90%,95%,100,100\n总分,,,100,100\n自评等级,优\n'),
      ),
    );
    expect(r.report.published).toEqual({ totalScore: '100', grade: '优' });
    expect(r.report.indicators?.length).toBe(1);
  });
});

describe('check never says "every printed figure recomputes" after recomputing nothing', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outturn-nothing-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const compact = (s: string) => s.replace(/\s+/g, '');

  it.each([
    // A form left blank: the indicators print targets and nothing else; the budget names only.
    [
      'a blank form',
      '项目资金（万元）,年初预算数,全年预算数,全年执行数\n年度资金总额,,,\n\n三级指标,年度指标值,实际完成值\n满意度,≥90%,\n',
      false,
    ],
    // The reference report's 预算总金额, its 执行率 recomputed.
    [
      'a printed rate',
      '本年度预算资金,年初预算数,调整预算数,实际支出数,执行率\n预算总金额,321.19,321.19,321.19,100.00%\n',
      true,
    ],
  ] as const)('%s', async (_, text, recomputed) => {
    const file = join(dir, `${recomputed ? 'rate' : 'blank'}.csv`);
    writeFileSync(file, text);
    for (const [format, lang, all, none] of [
      [
        'text',
        'en',
        'No findings: every printed figure recomputes',
        'No findings, but nothing was recomputed',
      ],
      ['markdown', 'zh', '未发现问题：报告中的数字均可复算一致', '未发现问题，但没有复算任何数字'],
    ] as const) {
      const r = await run(['check', file, '--format', format, '--lang', lang]);
      expect(r.status).toBe(0);
      expect(compact(r.stdout).includes(compact(all))).toBe(recomputed);
      expect(compact(r.stdout).includes(compact(none))).toBe(!recomputed);
    }
  });
});
