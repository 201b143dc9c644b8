import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { BudgetLine, Indicator, Report } from 'outturn';
import { validateReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import { type ImportResult, type ImportSuccess, importReport } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import {
  cellOf,
  findingKeys,
  REFERENCE,
  ROOT,
  readJson,
  sheetOf,
  workbook,
} from './fixtures/import/helpers.js';

const reference = readJson(REFERENCE) as unknown as Report;

async function ok(p: Promise<ImportResult>): Promise<ImportSuccess> {
  const r = await p;
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

async function failed(p: Promise<ImportResult>): Promise<{ en: string; zh: string }> {
  const r = await p;
  if (r.ok) throw new Error('expected a failure');
  expect(r.message.zh).toMatch(/\p{Script=Han}/u);
  return r.message;
}

const range = (s: string): XLSX.Range => XLSX.utils.decode_range(s);

/** The reference report as a person would type it into a workbook, with merged header cells. */
function referenceWorkbook(): Uint8Array {
  const budgetRows: string[][] = [
    ['标题', reference.title ?? ''],
    ['单位', reference.entity ?? ''],
    ['年度', '2023'],
    ['编制数', '14'],
    ['实际在职人数', '10'],
    [],
    ['本年度预算资金（万元）', '预算执行情况（万元）', '', '', '', '执行率（%）'],
    ['', '年初预算数', '上年度结转及当年预算追加追减数', '调整预算数', '实际支出数', ''],
  ];
  const walk = (l: BudgetLine): void => {
    budgetRows.push([
      l.name,
      String(l.initial ?? ''),
      String(l.adjustment ?? ''),
      String(l.adjusted ?? ''),
      String(l.actual ?? ''),
      String(l.published?.executionRate ?? ''),
    ]);
    for (const c of l.children ?? []) walk(c);
  };
  for (const root of reference.budget ?? []) walk(root);
  const budget = sheetOf(budgetRows, [range('A7:A8'), range('B7:E7'), range('F7:F8')]);

  // Category cells merged down over their rows, as printed.
  const indicators = reference.indicators ?? [];
  const rows: string[][] = [
    ['一级指标', '二级指标', '指标名称', '指标目标值', '指标完成值', '完成值来源', '偏差情况', '原因分析'],
  ];
  const merges: XLSX.Range[] = [range(`A2:A${indicators.length + 1}`)];
  let groupStart = 1;
  indicators.forEach((i: Indicator, k) => {
    const path = i.path ?? [];
    const first = k === 0 || (indicators[k - 1]?.path ?? [])[1] !== path[1];
    if (first && k > 0) {
      if (k - groupStart > 1) merges.push({ s: { r: groupStart, c: 1 }, e: { r: k, c: 1 } });
      groupStart = k + 1;
    }
    rows.push([
      k === 0 ? (path[0] ?? '') : '',
      first ? (path[1] ?? '') : '',
      i.name,
      String(i.target),
      String(i.actual ?? ''),
      i.source ?? '',
      String(i.published?.deviation ?? ''),
      i.reason ?? '',
    ]);
  });
  if (indicators.length + 1 - groupStart > 1) {
    merges.push({ s: { r: groupStart, c: 1 }, e: { r: indicators.length, c: 1 } });
  }
  return workbook([
    ['预算信息', budget],
    ['部门整体自评表', sheetOf(rows, merges)],
  ]);
}

describe('an .xlsx of the reference report', () => {
  const bytes = referenceWorkbook();

  it('is a workbook whose figures are stored as numbers and fractions', () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    const ws = wb.Sheets.预算信息 as XLSX.WorkSheet;
    expect(ws.B9).toMatchObject({ t: 'n', v: 321.19 });
    expect(ws.F9).toMatchObject({ t: 'n', v: 1.3417 });
    expect(ws.B12).toMatchObject({ t: 'n', v: 1.2 });
    expect(ws['!merges']).toHaveLength(3);
    expect((wb.Sheets.部门整体自评表 as XLSX.WorkSheet).D3).toMatchObject({ t: 's', v: '健全' });
  });

  it('gives the same budget tree, indicators and findings as the hand-made JSON', async () => {
    const r = await ok(importReport(bytes, { fileName: 'reference.xlsx' }));
    expect(r.format).toBe('xlsx');
    expect(r.encoding).toBeNull();
    expect(r.report.budget).toEqual(reference.budget);
    expect(r.report.indicators).toEqual(reference.indicators);
    expect(r.report).toMatchObject({
      title: reference.title,
      entity: '苏州市商务服务中心',
      year: 2023,
      amountUnit: '万元',
    });
    expect(r.report.staffing).toEqual({ authorized: '14', actual: '10' });
    expect(r.unplaced).toEqual([]);
    expect(findingKeys(validateReport(r.report).findings)).toEqual(
      findingKeys(validateReport(reference).findings),
    );
  });

  it('reads one sheet by name; an unknown sheet lists the sheets', async () => {
    const budget = await ok(importReport(bytes, { sheet: '预算信息' }));
    expect(budget.report.budget).toEqual(reference.budget);
    expect(budget.report.indicators).toBeUndefined();
    const ind = await ok(importReport(bytes, { sheet: '部门整体自评表' }));
    expect(ind.report.indicators).toEqual(reference.indicators);
    expect(ind.report.budget).toBeUndefined();
    const m = await failed(importReport(bytes, { sheet: 'Sheet9' }));
    expect(m.en).toBe(
      'the workbook has no sheet named "Sheet9"; its sheets are "预算信息", "部门整体自评表"',
    );
    expect(m.zh).toContain('没有名为“Sheet9”的工作表');
  });
});

describe('worksheet cells', () => {
  const header = ['预算项目', '年初预算数', '调整预算数', '实际支出数', '执行率'];

  it('uses the displayed text: 0.9 formatted as a percentage is "90%", 1.2 stays "1.2"', async () => {
    // As a person types it: merged header cells, numbers as numbers, a percentage as a fraction.
    const ws = XLSX.utils.aoa_to_sheet([
      ['预算项目', '预算执行情况（万元）', null, null, '执行率'],
      [null, '年初预算数', '调整预算数', '实际支出数', null],
      ['合计', 1.2, 1.2, 1.08, 0.9],
      ['其中：项目', 0.1, 0.1, 0.1, 1],
    ]);
    ws['!merges'] = [range('A1:A2'), range('B1:D1'), range('E1:E2')];
    (ws.E3 as XLSX.CellObject).z = '0%';
    (ws.E4 as XLSX.CellObject).z = '0.00%';
    (ws.C3 as XLSX.CellObject).z = '0.00';
    const r = await ok(importReport(workbook([['S', ws]])));
    expect(r.report.budget).toEqual([
      {
        name: '合计',
        initial: '1.2',
        adjusted: '1.20',
        actual: '1.08',
        published: { executionRate: '90%' },
        children: [
          {
            name: '其中：项目',
            initial: '0.1',
            adjusted: '0.1',
            actual: '0.1',
            published: { executionRate: '100.00%' },
          },
        ],
      },
    ]);
    expect(cellOf('12.50%')).toEqual({ t: 'n', v: 0.125, z: '0.00%' });
  });

  it('keeps formula-like text as text; uses stored values of formulas and notes them; never evaluates', async () => {
    const ws = sheetOf([header, ['x', '=SUM(B3:B4)', '+cmd', '@x', '-1+2'], ['y', '1', '2', '3', '']]);
    ws.E3 = { t: 'n', v: 1.5, f: 'D3/C3', z: '0%' };
    ws.A4 = { t: 's', v: 'z' };
    ws.B4 = { t: 'n', f: 'B3*1000' };
    ws['!ref'] = 'A1:E4';
    const r = await ok(importReport(workbook([['S', ws]]), { fileName: 'f.xlsx' }));
    expect(r.report.budget).toEqual([
      {
        name: 'x',
        initial: '=SUM(B3:B4)',
        adjusted: '+cmd',
        actual: '@x',
        published: { executionRate: '-1+2' },
      },
      { name: 'y', initial: '1', adjusted: '2', actual: '3', published: { executionRate: '150%' } },
      { name: 'z', initial: '=B3*1000' },
    ]);
    // The text cells that look like formulas are noted as in every format (formula.ts).
    expect(r.notes.map((n) => [n.where, n.text])).toEqual([
      ['f.xlsx, S!E3', ''],
      ['f.xlsx, S!B4', '=B3*1000'],
      ['f.xlsx, S!B2', '=SUM(B3:B4)'],
      ['f.xlsx, S!C2', '+cmd'],
      ['f.xlsx, S!D2', '@x'],
      ['f.xlsx, S!E2', '-1+2'],
    ]);
    expect(r.notes[0]?.reason.en).toContain('evaluates no formula');
    expect(r.notes[1]?.reason.en).toBe(
      'a formula without a stored value: kept as its text, not evaluated, so this cell gives no figure',
    );
  });

  it('lists a cell to the right of a table with its address', async () => {
    const ws = sheetOf([header, ['合计', '1', '1', '1', '100%', '', '见附注']]);
    const r = await ok(importReport(workbook([['预算', ws]])));
    expect(r.unplaced.map((u) => [u.where, u.text])).toEqual([['预算!G2', '见附注']]);
  });

  it('fills a cell merged down into the rows below it, not into the header', async () => {
    const ws = sheetOf(
      [
        ['一级指标', '指标名称', '指标值', '实际完成值', '完成值来源'],
        ['产出', 'a', '1', '1', '决算'],
        ['', 'b', '2', '2', ''],
        ['效益', 'c', '3', '3', 'x'],
      ],
      [range('A2:A3'), range('E2:E3')],
    );
    const r = await ok(importReport(workbook([['S', ws]])));
    expect(r.report.indicators).toEqual([
      { path: ['产出'], name: 'a', target: '1', actual: '1', source: '决算' },
      { path: ['产出'], name: 'b', target: '2', actual: '2', source: '决算' },
      { path: ['效益'], name: 'c', target: '3', actual: '3', source: 'x' },
    ]);
  });
});

describe('broken workbooks get clear messages', () => {
  it('an empty sheet, an empty workbook, a sheet without a table', async () => {
    const bytes = workbook([
      ['Empty', XLSX.utils.aoa_to_sheet([])],
      ['Notes', sheetOf([['just', 'words']])],
    ]);
    expect(await failed(importReport(bytes, { sheet: 'Empty' }))).toMatchObject({
      en: 'the sheet "Empty" is empty',
    });
    expect((await failed(importReport(bytes, { sheet: 'Notes' }))).en).toContain(
      'no budget or indicator table',
    );
    expect((await failed(importReport(bytes))).en).toContain('no budget or indicator table');
    const empty = workbook([
      ['A', XLSX.utils.aoa_to_sheet([])],
      ['B', XLSX.utils.aoa_to_sheet([['', '  ']])],
    ]);
    expect((await failed(importReport(empty))).en).toBe('the workbook has no data: all 2 sheets are empty');
  });

  it('a file that starts like a zip but is not a workbook', async () => {
    const bytes = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...new TextEncoder().encode('not really a zip archive'),
    ]);
    expect((await failed(importReport(bytes))).en).toContain('damaged zip archive');
    expect((await failed(importReport(bytes, { from: 'xlsx' }))).en).toBe(
      'not a readable .xlsx workbook: the zip archive is damaged',
    );
  });
});

describe('the xlsx library is loaded only for workbooks', () => {
  it('no module but cli/src/import/xlsx.ts imports it, and only lazily', () => {
    const dir = join(ROOT, 'cli', 'src', 'import');
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      const runtime = [...src.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(runtime, f).not.toContain('@e965/xlsx');
      expect(runtime, f).not.toContain('./xlsx.js');
    }
    expect(readFileSync(join(dir, 'xlsx.ts'), 'utf8')).toContain("await import('@e965/xlsx')");
    expect(readFileSync(join(dir, 'load.ts'), 'utf8')).toContain("await import('./xlsx.js')");
  });

  it('the core entry point reaches no importer, no node: module, no csv-parse and no xlsx', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) {
        const spec = m[1] as string;
        expect(spec.startsWith('node:'), `${file} imports ${spec}`).toBe(false);
        expect(spec, file).not.toMatch(/csv-parse|xlsx|\/import\//);
        if (spec.startsWith('.')) visit(join(file, '..', spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(ROOT, 'src', 'index.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });

  it('the imported report passes the schema', async () => {
    const r = await ok(importReport(referenceWorkbook()));
    expect(parseReport(JSON.parse(JSON.stringify(r.report))).ok).toBe(true);
  });
});
