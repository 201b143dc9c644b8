/**
 * Target tables (绩效目标表 / 项目支出绩效目标表 / 部门整体绩效目标表) import to DESIGN §3's
 * `kind: "declaration"`, and `outturn review FILE` reviews the imported table.
 *
 * The five real tables of fixtures/import/declaration/ (made by scripts/fixtures/declaration.mjs
 * from layouts written from the transcriptions of test/fixtures/review/, each with its source
 * address) are read in every format: the declaration must equal the transcription on the fields
 * that matter (project, funds, goals, every indicator's path, name, target, unit and weight), and
 * the review of the file must give every `must` finding of the transcription's `expected` and none
 * of its `mustNot`. The rows below are the header words and the funds block variants, as CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeclaration } from 'outturn/schema';
import { importReport, importText } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './fixtures/import/helpers.js';
import { run } from './support/run.js';

const DIR = join(FIXTURES, 'declaration');
const REVIEW = join(ROOT, 'test', 'fixtures', 'review');
const FORMATS = ['html', 'xlsx', 'xls', 'csv', 'docx', 'pdf'] as const;

interface Expectation {
  readonly rule: number;
  readonly code: string;
  readonly indicator: string;
}

interface Transcription {
  readonly project: Record<string, unknown>;
  readonly goals?: readonly string[];
  readonly indicators: readonly Record<string, unknown>[];
  readonly expected: { readonly must: readonly Expectation[]; readonly mustNot: readonly Expectation[] };
}

/**
 * The fixtures: the folder, the transcription it was written from, and the project fields the
 * transcription adds from outside the table (not printed in it, so not imported).
 */
const TABLES = [
  // 淮北 2025 (wlt.huaibei.gov.cn/zwgk/public/64/64716726.html): 项目 table, 一级/二级/三级.
  {
    id: 'cn-anhui-huaibei-2025-rural-culture-target',
    review: 'anhui-huaibei-2025-nongcunwenhua.json',
    outside: [],
  },
  // 巴南 2022 (cqbn.gov.cn …/t20220130_10366377.html): 部门整体; the name 部门(单位)整体 is the transcriber's.
  {
    id: 'cn-chongqing-banan-2022-yipin-department-target',
    review: 'chongqing-banan-2022-yipin-zhengti.json',
    outside: ['name'],
  },
  // 嘉峪关 2023 (bigxun.com/view/1667741699571552258): 101号 tree, 成本 as 一级.
  { id: 'cn-gansu-jiayuguan-2023-museum-target', review: 'gansu-jiayuguan-2023-bowuguan.json', outside: [] },
  // 井研 2023 (m.qbidia.com/jyx/zjgk/…): project columns, operator and unit columns.
  {
    id: 'cn-sichuan-jingyan-2023-cadre-pay-target',
    review: 'sichuan-jingyan-2023-cunzuganbu.json',
    outside: [],
  },
  // 湘潭 2023 (xtcg.xiangtan.gov.cn …/content_1250928.html): 绩效标准 column, blank 效益 rows, the 满意度
  // cell merged over 一级 and 二级; the funds print 本级 and 上级 lines and no total, which the
  // transcriber read as total = fiscal = 本级 (the importer says it can be read two ways).
  {
    id: 'cn-hunan-xiangtan-2023-fog-cannon-target',
    review: 'hunan-xiangtan-2023-wupaoche.json',
    outside: ['funds'],
  },
] as const;

const CASES = TABLES.flatMap((t) => FORMATS.map((ext) => [t.id, ext, t] as const));

const transcription = (file: string): Transcription =>
  JSON.parse(readFileSync(join(REVIEW, file), 'utf8')) as Transcription;

async function imported(id: string, ext: string) {
  const file = `${id}.${ext}`;
  const r = await importReport(new Uint8Array(readFileSync(join(DIR, id, file))), { fileName: file });
  if (!r.ok) throw new Error(`${file}: ${r.message.en}`);
  return r;
}

/** The fields of a project that matter: names, the period's dates, the funds' amounts. */
function projectFields(p: Record<string, unknown>, outside: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'department', 'implementer']) {
    if (p[k] !== undefined && !outside.includes(k)) out[k] = p[k];
  }
  const period = p.period as Record<string, unknown> | undefined;
  if (period !== undefined) out.period = { start: period.start, end: period.end };
  const funds = p.funds as Record<string, unknown> | undefined;
  if (funds !== undefined && !outside.includes('funds')) {
    const f: Record<string, unknown> = {};
    for (const k of ['total', 'fiscal', 'other', 'carriedOver', 'lines'])
      if (funds[k] !== undefined) f[k] = funds[k];
    out.funds = f;
  }
  return out;
}

/** The fields of an indicator that matter. */
function indicatorFields(i: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['path', 'name', 'target', 'unit', 'weight', 'standard'])
    if (i[k] !== undefined) out[k] = i[k];
  return out;
}

describe('real target tables in every format', () => {
  it.each(CASES)('%s.%s imports to its transcription', async (id, ext, t) => {
    const r = await imported(id, ext);
    const want = transcription(t.review);
    const got = r.report as unknown as Transcription & { kind: string };
    expect(got.kind).toBe('declaration');
    expect(projectFields(got.project, t.outside)).toEqual(projectFields(want.project, t.outside));
    expect(got.goals).toEqual(want.goals);
    expect(got.indicators.map(indicatorFields)).toEqual(want.indicators.map(indicatorFields));
    // The imported JSON is a declaration the library accepts.
    const parsed = parseDeclaration(r.report);
    expect(parsed.findings).toEqual([]);
    expect(parsed.ok).toBe(true);
    // Nothing dropped silently: what was not placed is listed, none of it a figure of the table.
    for (const u of r.unplaced) expect(u.text).not.toMatch(/^\d/);
  });

  it.each(CASES)('outturn review %s.%s gives the must and none of the mustNot', async (id, ext, t) => {
    const want = transcription(t.review);
    const res = await run(['review', join(DIR, id, `${id}.${ext}`), '--format', 'json', '--lang', 'en']);
    expect(res.stderr).toContain('outturn: imported');
    const out = JSON.parse(res.stdout) as {
      findings: { code: string; rule: string | null; path: (string | number)[]; message: string }[];
      indicators: { name: string }[];
    };
    const names = (want.indicators as { name: string }[]).map((i) => i.name);
    // What a finding is about: its row, or the table (funds, goals, weights); a missing block is
    // named in its message.
    const about = (f: (typeof out.findings)[number], e: Expectation): boolean => {
      if (f.path[0] === 'indicators' && typeof f.path[1] === 'number' && names[f.path[1]] === e.indicator)
        return true;
      if (f.code === 'dimension-missing') return f.message.includes(e.indicator);
      return f.path[0] !== 'indicators' && ['项目资金', '年度目标', '权重'].includes(e.indicator);
    };
    for (const e of want.expected.must) {
      const hit = out.findings.some((f) => f.code === e.code && about(f, e));
      expect(hit, `must: rule ${e.rule} ${e.code} on ${e.indicator}`).toBe(true);
    }
    for (const e of want.expected.mustNot) {
      const hit = out.findings.some(
        (f) =>
          f.code === e.code &&
          // "Rule 4 must not report": any rule-4 finding contradicts it.
          (f.code === 'dimension-missing' ? Number.parseInt(f.rule ?? '', 10) === e.rule : about(f, e)),
      );
      expect(hit, `mustNot: rule ${e.rule} ${e.code} on ${e.indicator}`).toBe(false);
    }
  });
});

describe('what is placed and what is said', () => {
  it('a multi-project table: the department row is the department, its total is not the funds', async () => {
    const r = await imported('cn-sichuan-jingyan-2023-cadre-pay-target', 'csv');
    expect((r.report as Record<string, unknown>).departmentTotal).toEqual({
      name: '820-马踏镇部门',
      value: '8,827,620.53',
    });
    expect(r.notes.map((n) => n.reason.en).join('\n')).toContain("the department's row");
  });

  it('sub-lines that are neither 财政拨款 nor 其他资金 are kept in funds.lines, with a note each', async () => {
    const r = await imported('cn-gansu-jiayuguan-2023-museum-target', 'xlsx');
    const notes = r.notes.filter((n) => n.reason.en.includes('neither 财政拨款 nor 其他资金'));
    expect(notes.map((n) => n.text)).toEqual(['中央补助安排: 0', '省级财政安排: 0']);
  });

  it('本级 and 上级 lines without a total: kept as lines, and a note says the total can be read two ways', async () => {
    const r = await imported('cn-hunan-xiangtan-2023-fog-cannon-target', 'xls');
    const project = (r.report as Record<string, unknown>).project as Record<string, unknown>;
    expect(project.funds).toEqual({
      lines: [
        { name: '年度本级预算金额', value: '250万' },
        { name: '该项目支出上级资金', value: '0' },
      ],
    });
    expect(r.notes.map((n) => n.reason.en).join('\n')).toContain(
      'can be read as their sum or as the first line alone',
    );
  });

  it('blank form rows are no indicators, and each is listed with its cell', async () => {
    const r = await imported('cn-hunan-xiangtan-2023-fog-cannon-target', 'html');
    expect(r.report.indicators?.map((i) => i.name)).not.toContain('经济效益指标');
    expect(r.unplaced.map((u) => u.text)).toEqual(['经济效益指标', '生态效益指标', '可持续影响指标']);
  });

  it('a 部门整体 table is scope department, its 单位名称 the department', async () => {
    const r = await imported('cn-chongqing-banan-2022-yipin-department-target', 'docx');
    const report = r.report as Record<string, unknown>;
    expect(report.scope).toBe('department');
    expect((report.project as Record<string, unknown>).department).toBe('重庆市巴南区人民政府一品街道办事处');
  });
});

/** A small target table as CSV, with the rows given between its head and its indicator table. */
function csv(
  head: string,
  header = '一级指标,二级指标,三级指标,指标值',
  rows = '产出指标,数量指标,培训人次,280人次',
): string {
  return `项目支出绩效目标表\n项目名称,主体班\n${head}${header}\n${rows}\n`;
}

describe('header words of the indicator table', () => {
  it.each([
    ['指标值', {}],
    ['年度指标值', {}],
    ['目标值', {}],
    ['指标目标值', {}],
  ])('%s is the target', (word, extra) => {
    const r = importText(csv('', `一级指标,二级指标,三级指标,${word}`));
    expect(r.ok && r.report.indicators).toEqual([
      { path: ['产出指标', '数量指标'], name: '培训人次', target: '280人次', ...extra },
    ]);
  });

  it.each([
    ['上年实际完成值', 'lastYear', '260人次'],
    ['上年指标值', 'lastYear', '260人次'],
    ['取值依据', 'standard', '260人次'],
    ['指标值设定依据', 'standard', '260人次'],
    ['绩效标准', 'standard', '260人次'],
    ['分值', 'weight', '260人次'],
    ['权重', 'weight', '260人次'],
    ['度量单位', 'unit', '260人次'],
    ['指标方向性', 'direction', '260人次'],
    ['中期指标值', 'midTermTarget', '260人次'],
    ['实施期指标值', 'midTermTarget', '260人次'],
  ])('%s is read as %s', (word, field, value) => {
    const r = importText(
      csv('', `一级指标,二级指标,三级指标,指标值,${word}`, `产出指标,数量指标,培训人次,280人次,${value}`),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.kind).toBe('declaration');
    const row: Record<string, unknown> = { ...r.report.indicators?.[0] };
    expect(row[field]).toBe(value);
  });

  it.each([
    ['实际完成值', 'project'],
    ['指标完成值', 'project'],
    ['1-6月完成值', 'monitoring'],
  ])('a column %s makes it no target table', (word, kind) => {
    const r = importText(
      `项目名称,主体班\n一级指标,二级指标,三级指标,指标值,${word}\n产出指标,数量指标,培训人次,280人次,300人次\n`,
    );
    expect(r.ok && r.report.kind).toBe(kind);
  });

  it.each([
    '项目支出绩效目标表',
    '绩效目标申报表',
    '部门整体支出绩效目标表',
    '绩效目标批复表',
    '2023年项目支出绩效目标审批表',
  ])('the title %s makes a target table', (title) => {
    const r = importText(`${title}\n项目名称,主体班\n三级指标,指标值\n培训人次,280人次\n`);
    expect(r.ok && r.report.kind).toBe('declaration');
  });
});

describe('label and value in one cell, as PDF text prints them', () => {
  it('项目名称：…, 实施期限：…, 年度资金总额：… are read like label | value rows', () => {
    const r = importText(
      '绩效目标申报表\n项目名称：主体班\n实施期限：2022年1月-12月\n年度资金总额：164万元\n年度目标：主体班培训280人次\n单位：万元\n三级指标\t指标值\n主体班培训人次\t280人次\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = r.report as Record<string, unknown>;
    expect(report.project).toEqual({
      name: '主体班',
      period: { start: '2022-01', end: '2022-12', printed: '2022年1月-12月' },
      funds: { total: '164万元' },
    });
    expect(report.goals).toEqual(['主体班培训280人次']);
    expect(report.amountUnit).toBe('万元');
  });
});

describe('the funds block', () => {
  it.each([
    [
      '项目资金(万元),年度资金总额,164\n,其中:财政拨款,164\n,其他资金,0\n',
      { total: '164', fiscal: '164', other: '0' },
      '万元',
    ],
    [
      '年度资金总额,5.00\n其中:财政拨款,5.00\n上年结转,0.00\n其他资金,0.00\n',
      { total: '5.00', fiscal: '5.00', other: '0.00', carriedOver: '0.00' },
      undefined,
    ],
    [
      '项目总预算,65\n其中:财政资金,65\n其中:其它资金,0\n',
      { total: '65', fiscal: '65', other: '0' },
      undefined,
    ],
    [
      '预算申报数,20万元\n中央补助安排,0\n其他资金,20万元\n',
      {
        total: '20万元',
        other: '20万元',
        lines: [
          { name: '中央补助安排', value: '0' },
          { name: '其他资金', value: '20万元' },
        ],
      },
      undefined,
    ],
    // A merged cell printed twice (854万 | 854万) is read once.
    ['年度资金总额,854万,854万\n', { total: '854万' }, undefined],
    ['预算数,"3,309,840.00"\n', { total: '3,309,840.00' }, undefined],
  ])('%j', (head, funds, unit) => {
    const r = importText(csv(head));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = r.report as Record<string, unknown>;
    expect((report.project as Record<string, unknown>).funds).toEqual(funds);
    expect(report.amountUnit).toBe(unit);
    expect(r.unplaced).toEqual([]);
  });

  it('two different totals: the first is the total, the second a sub-line, and a note says so', () => {
    const r = importText(csv('项目总预算,65\n当年年度预算,60\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const project = (r.report as Record<string, unknown>).project as Record<string, unknown>;
    expect(project.funds).toEqual({ total: '65', lines: [{ name: '当年年度预算', value: '60' }] });
    expect(r.notes.map((n) => n.reason.en).join('\n')).toContain('a second total of the funds (60)');
  });

  it('no total: a note asks for project.funds.total', () => {
    const r = importText(csv(''));
    expect(r.ok && r.notes.map((n) => n.reason.en).join('\n')).toContain('project.funds.total');
  });

  it.each([
    ['2025年1月-2025年12月', '2025-01', '2025-12'],
    ['2025年1月-12月', '2025-01', '2025-12'],
    ['2023.07-2024.01', '2023-07', '2024-01'],
    ['2023-01-01至2023-12-31', '2023-01-01', '2023-12-31'],
    ['202001-202012', '2020-01', '2020-12'],
    ['2023年4月—2024年2月', '2023-04', '2024-02'],
  ])('the period %s is %s to %s', (printed, start, end) => {
    const r = importText(csv(`项目期限,${printed}\n`));
    const project = r.ok ? ((r.report as Record<string, unknown>).project as Record<string, unknown>) : {};
    expect(project.period).toEqual({ start, end, printed });
  });

  it.each(['1年', '20246-202516', '2024.12-2024.01'])(
    'the period %s has no dates: printed only, and a note',
    (printed) => {
      const r = importText(csv(`实施期限,${printed}\n`));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(((r.report as Record<string, unknown>).project as Record<string, unknown>).period).toEqual({
        printed,
      });
      expect(r.notes.map((n) => n.reason.en).join('\n')).toContain('names no start and end month');
    },
  );
});

describe('no regression: other tables are not target tables', () => {
  it.each(FORMATS)('the monitoring table (%s) stays kind monitoring', async (ext) => {
    const id = 'cn-hubei-huangshi-relics-2019-h1-heritage-bid';
    const file = join(FIXTURES, 'monitoring', id, `${id}.${ext}`);
    const r = await importReport(new Uint8Array(readFileSync(file)), { fileName: `${id}.${ext}` });
    expect(r.ok && r.report.kind).toBe('monitoring');
  });

  it.each(['html', 'xlsx', 'csv', 'pdf'])(
    'a self-evaluation table (%s) is not a declaration',
    async (ext) => {
      const id = 'cn-hubei-guangshui-transport-2021-rural-roads';
      const file = join(FIXTURES, 'real', id, `${id}.${ext}`);
      const r = await importReport(new Uint8Array(readFileSync(file)), { fileName: `${id}.${ext}` });
      expect(r.ok).toBe(true);
      expect(r.ok && r.report.kind).not.toBe('declaration');
    },
  );

  it('outturn check refuses a target table: review it', async () => {
    const id = 'cn-anhui-huaibei-2025-rural-culture-target';
    const res = await run(['check', join(DIR, id, `${id}.xlsx`), '--lang', 'en']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('is a target table (绩效目标表, kind "declaration")');
    expect(res.stderr).toContain('outturn review');
  });

  it('outturn review refuses a self-evaluation table: not a target table', async () => {
    const id = 'cn-hubei-guangshui-transport-2021-rural-roads';
    const res = await run(['review', join(FIXTURES, 'real', id, `${id}.csv`), '--lang', 'en']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('not a target table');
  });
});
