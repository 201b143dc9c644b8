/**
 * The audit workbook (issue 15 §4): written by renderXlsx from the reference report and reports
 * of examples/reports/, read back with SheetJS: its sheets, their headers, one row per finding,
 * figures as printed text, no formula anywhere (also from the injection payloads of §6), the
 * header rows frozen and filtered, the columns sized.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { type Report, validateReport } from 'outturn';
import { auditSheets, type RenderInput, renderXlsx } from 'outturn-cli/render';
import { describe, expect, it } from 'vitest';
import { freezeHeader } from '../src/render/xlsx.js';
import { ROOT } from './support/cli.js';
import { HOSTILE_FILE, hostileReport, PAYLOADS } from './support/payloads.js';

const REFERENCE = 'examples/suzhou-commerce-service-center-2023.json';
const MONITORING = 'examples/reports/cn-hubei-huangshi-heritage-2019-monitoring.json';
const APPROPRIATION = 'examples/reports/za-dsd-2021-22-appropriation-statement.json';

function input(file: string): RenderInput {
  const report = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Report;
  return { file, result: validateReport(report) };
}

const read = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array', cellFormula: true, cellStyles: true });

function rows(wb: XLSX.WorkBook, name: string): string[][] {
  const ws = wb.Sheets[name] as XLSX.WorkSheet;
  return XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
}

/** Every cell of every sheet, with its address. */
function cells(wb: XLSX.WorkBook): [string, XLSX.CellObject][] {
  const out: [string, XLSX.CellObject][] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as XLSX.WorkSheet;
    for (const [addr, cell] of Object.entries(ws))
      if (!addr.startsWith('!')) out.push([`${name}!${addr}`, cell as XLSX.CellObject]);
  }
  return out;
}

describe('renderXlsx: the reference report and two of examples/reports/', () => {
  const inputs = [input(REFERENCE), input(MONITORING), input(APPROPRIATION)];

  it('has the four sheets, their headers, one summary row per report and one findings row per finding', async () => {
    const wb = read(await renderXlsx(inputs, { lang: 'en' }));
    expect(wb.SheetNames).toEqual(['Summary', 'Findings', 'Budget', 'Indicators']);
    const summary = rows(wb, 'Summary');
    expect(summary[0]).toEqual([
      'File',
      'Entity',
      'Year',
      'Kind',
      'Errors',
      'Warnings',
      'Info',
      'Total, printed',
      'Total, recomputed',
      'Grade, printed',
      'Grade, recomputed',
      'Note',
    ]);
    expect(summary.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [REFERENCE, '苏州市商务服务中心', '2023', 'department', '3', '5', '4'],
      [MONITORING, '黄石市文物局(湖北水泥遗址博物馆)', '2019', 'monitoring', '0', '2', '1'],
      expect.arrayContaining([APPROPRIATION]),
    ]);
    const findings = rows(wb, 'Findings');
    expect(findings[0]).toEqual(['File', 'Path', 'Code', 'Severity', 'Printed', 'Recomputed', 'Message']);
    const total = inputs.reduce((n, i) => n + i.result.findings.length, 0);
    expect(findings).toHaveLength(1 + total);
    expect(
      findings.filter((r) => r[3] === 'error' && r[0] === REFERENCE).map((r) => [r[1], r[2], r[4], r[5]]),
    ).toEqual([
      ['indicators[17].actual', 'cross-check-mismatch', '100%', '71.43%'],
      ['indicators[23].actual', 'cross-check-mismatch', '43.37%', '0.00%'],
      ['indicators[26].actual', 'cross-check-mismatch', '93.74%', '134.17%'],
    ]);
  });

  it('puts printed and recomputed figures side by side, as text exactly as printed', async () => {
    const wb = read(await renderXlsx(inputs, { lang: 'zh' }));
    expect(wb.SheetNames).toEqual(['汇总', '问题与提示', '预算', '指标']);
    const budget = rows(wb, '预算');
    const header = budget[0] as string[];
    expect(header.slice(0, 13)).toEqual([
      '文件',
      '位置',
      '预算项目',
      '层级',
      '年初预算数',
      '调整数',
      '调整预算数',
      '实际支出数',
      '报告执行率',
      '复算执行率',
      '差额（复算）',
      '报告得分',
      '复算得分',
    ]);
    // The monitoring columns, because one report is a monitoring table.
    expect(header.slice(13)).toEqual([
      '期间执行数',
      '全年预计执行数',
      '报告序时进度',
      '复算序时进度',
      '报告期间执行率',
      '复算期间执行率',
      '进度比',
      '状态',
    ]);
    const root = budget.find((r) => r[0] === REFERENCE && r[1] === 'budget[0]') as string[];
    expect(root.slice(2, 11)).toEqual([
      '预算总金额',
      '0',
      '321.19',
      '0',
      '321.19',
      '430.93',
      '134.17%',
      '134.17%',
      '-109.74',
    ]);
    const ws = wb.Sheets['预算'] as XLSX.WorkSheet;
    // Figures are text cells: 1.2 stays "1.2" (党团活动经费), 321.19 is not a number.
    const row = budget.indexOf(root) + 1;
    expect(ws[`G${row}`]).toMatchObject({ t: 's', v: '321.19' });
    expect(ws[`I${row}`]).toMatchObject({ t: 's', v: '134.17%' });
    const mon = budget.find((r) => r[0] === MONITORING && r[1] === 'budget[0]') as string[];
    expect(mon.slice(13)).toEqual(['87.57', '', '', '50.00%', '', '39.80%', '79.61', '黄']);
    const indicators = rows(wb, '指标');
    const ind = indicators.find((r) => r[0] === REFERENCE && r[1] === 'indicators[26]') as string[];
    expect(ind.slice(2, 10)).toEqual([
      '分解目标 / 过程',
      '预算执行率',
      '=100%',
      '93.74%',
      '',
      '未达成',
      '-6.26%',
      '-6.26%',
    ]);
    // The printed target "=100%" is text, never a formula.
    const iws = wb.Sheets['指标'] as XLSX.WorkSheet;
    expect(iws[`E${indicators.indexOf(ind) + 1}`]).toMatchObject({ t: 's', v: '=100%' });
    expect(iws[`E${indicators.indexOf(ind) + 1}`]?.f).toBeUndefined();
  });

  it('has no formula, frozen and filtered header rows and sized columns', async () => {
    const bytes = await renderXlsx(inputs, { lang: 'en' });
    const wb = read(bytes);
    expect(cells(wb).filter(([, c]) => c.f !== undefined)).toEqual([]);
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name] as XLSX.WorkSheet;
      expect(ws['!autofilter']?.ref.startsWith('A1:')).toBe(true);
      const widths = (ws['!cols'] ?? []).map((c) => c?.wch ?? 0);
      expect(widths.length).toBeGreaterThan(5);
      expect(Math.min(...widths)).toBeGreaterThan(2);
      expect(Math.max(...widths)).toBeLessThanOrEqual(62);
    }
    // SheetJS reads no panes back: the sheet XML says that row 1 is frozen.
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    for (let i = 1; i <= 4; i++) {
      const xml = strFromU8(files[`xl/worksheets/sheet${i}.xml`] as Uint8Array);
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    }
    // The same results give the same bytes.
    const again = await renderXlsx(inputs, { lang: 'en' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('freezeHeader leaves a sheet it does not recognise as it is', () => {
    expect(freezeHeader('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')).toContain(
      'state="frozen"',
    );
    expect(freezeHeader('<worksheet/>')).toBe('<worksheet/>');
  });

  it('one report alone, and no report', async () => {
    const one = read(await renderXlsx(inputs[0] as RenderInput, { lang: 'en' }));
    expect(rows(one, 'Findings')).toHaveLength(1 + 12);
    expect(rows(one, 'Budget')[0]).toHaveLength(13);
    const none = read(await renderXlsx([], { lang: 'en' }));
    expect(none.SheetNames).toEqual(['Summary', 'Findings', 'Budget', 'Indicators']);
    expect(rows(none, 'Findings')).toHaveLength(1);
  });
});

describe('renderXlsx: injection payloads are inert', () => {
  const hostile = { file: HOSTILE_FILE, result: validateReport(hostileReport()) };

  it('every cell is text or a count, none a formula, escape sequences visible', async () => {
    const wb = read(await renderXlsx([hostile, input(REFERENCE)], { lang: 'en' }));
    const all = cells(wb);
    expect(all.filter(([, c]) => c.f !== undefined)).toEqual([]);
    expect(all.filter(([, c]) => c.t !== 's' && c.t !== 'n')).toEqual([]);
    for (const [, c] of all) if (typeof c.v === 'string') expect(c.v).not.toContain('\u001b');
    const texts = all.map(([, c]) => c.v);
    // The formulas are there, as text, exactly as the report prints them.
    for (const key of ['=HYPERLINK', '+cmd', '-2+3+cmd', '@SUM', 'TAB='])
      expect(texts).toContain(PAYLOADS[key]);
    expect(texts).toContain('\\u000d=1+1');
    expect(texts).toContain('<script>alert(1)</script>');
    expect(texts).toContain('report<script>alert(1)</script>\\u001b[2J=1+1.json');
    // Every formula-like cell is a text cell.
    const formulaLike = all.filter(([, c]) => typeof c.v === 'string' && /^[=+\-@\t\r]/.test(c.v));
    expect(formulaLike.length).toBeGreaterThan(20);
    expect(formulaLike.filter(([, c]) => c.t !== 's')).toEqual([]);
  });

  it('the sheets hold one row per finding, budget line and indicator', () => {
    const [summary, findings, budget, indicators] = auditSheets(hostile, { lang: 'zh' });
    expect(summary?.rows).toHaveLength(1);
    expect(findings?.rows).toHaveLength(hostile.result.findings.length);
    expect(budget?.rows).toHaveLength(hostile.result.budget.length);
    expect(indicators?.rows).toHaveLength(hostile.result.indicators.length);
    for (const sheet of [summary, findings, budget, indicators])
      for (const row of sheet?.rows ?? []) expect(row).toHaveLength(sheet?.header.length ?? -1);
  });
});
