/**
 * The audit workbook (`--format xlsx`): sheets Summary (one row per report), Findings (one row
 * per finding), Budget and Indicators (printed and recomputed figures side by side), written
 * with SheetJS (`@e965/xlsx`), which is loaded only when a workbook is written.
 *
 * Every cell but the counts is a text cell (type `s`) holding the figure exactly as printed, or
 * the recomputed figure as outturn prints it (`134.17%`): nothing is a formula, so a cell from a
 * report that starts with `=`, `+`, `-` or `@` stays text in every spreadsheet program.
 * Characters that would act on a terminal are shown as their escapes (`\u001b`), as in every
 * output. Blank means not printed (or not recomputed).
 *
 * The header row of each sheet is frozen and filtered, and the columns sized to their content.
 * SheetJS's community build writes neither frozen panes nor a view, so the one `<pane>` element
 * is added to each sheet's `<sheetView>` after SheetJS has written the workbook (fflate, already
 * a dependency of the importers); the cells are never written by hand.
 *
 * @internal
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { formatPath, type Lang, type Severity } from 'outturn';
import { HTML_WORDS } from './html-words.js';
import {
  budgetRows,
  indicatorRows,
  monitoringBudgetRows,
  monitoringIndicatorRows,
  periodLabel,
  printed,
  type RenderInput,
} from './rows.js';
import { displayWidth, visible } from './terminal.js';
import { NONE, WORDS } from './words.js';

/** A cell of an audit sheet: text (as printed), or a count. */
export type SheetCell = string | number;

/** One sheet of the audit workbook: its name, header row and rows. */
export interface AuditSheet {
  /** The sheet's name in the workbook (`Findings`, `问题与提示` …). */
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/** Options of {@link renderXlsx}, {@link auditSheets} and `renderCsv`. */
export interface AuditOptions {
  /** Language of the sheet names, headers, statuses and messages. */
  readonly lang: Lang;
}

interface SheetWords {
  readonly summary: string;
  readonly findings: string;
  readonly budget: string;
  readonly indicators: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly printed: string;
  readonly recomputed: string;
  readonly depth: string;
  readonly initial: string;
  readonly adjustment: string;
  readonly variance: string;
  readonly unit: string;
  readonly reason: string;
  readonly rate: readonly [string, string];
  readonly deviation: readonly [string, string];
  readonly periodActual: string;
  readonly expectedActual: string;
  readonly timeProgress: readonly [string, string];
  readonly periodRate: readonly [string, string];
  readonly period: string;
  readonly periodValue: string;
  readonly expectedValue: string;
  readonly expectedStatus: string;
  readonly status: string;
}

const SHEET_WORDS: Readonly<Record<Lang, SheetWords>> = {
  en: {
    summary: 'Summary',
    findings: 'Findings',
    budget: 'Budget',
    indicators: 'Indicators',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    printed: 'Printed',
    recomputed: 'Recomputed',
    depth: 'Depth',
    initial: 'Initial',
    adjustment: 'Adjustment',
    variance: 'Variance, recomputed',
    unit: 'Unit',
    reason: 'Reason',
    rate: ['Rate, printed', 'Rate, recomputed'],
    deviation: ['Deviation, printed', 'Deviation, recomputed'],
    periodActual: 'Spent in period',
    expectedActual: 'Expected, full year',
    timeProgress: ['Time progress, printed', 'Time progress, recomputed'],
    periodRate: ['Period rate, printed', 'Period rate, recomputed'],
    period: 'Period',
    periodValue: 'Value in period',
    expectedValue: 'Expected, full year',
    expectedStatus: 'Expected status',
    status: 'Note',
  },
  zh: {
    summary: '汇总',
    findings: '问题与提示',
    budget: '预算',
    indicators: '指标',
    severity: { error: '错误', warning: '警告', info: '提示' },
    printed: '报告值',
    recomputed: '复算值',
    depth: '层级',
    initial: '年初预算数',
    adjustment: '调整数',
    variance: '差额（复算）',
    unit: '度量单位',
    reason: '原因分析',
    rate: ['报告执行率', '复算执行率'],
    deviation: ['报告偏差', '复算偏差'],
    periodActual: '期间执行数',
    expectedActual: '全年预计执行数',
    timeProgress: ['报告序时进度', '复算序时进度'],
    periodRate: ['报告期间执行率', '复算期间执行率'],
    period: '监控期',
    periodValue: '期间完成值',
    expectedValue: '全年预计完成值',
    expectedStatus: '预计完成状态',
    status: '说明',
  },
};

/** A text cell: control characters visible, a figure not printed (`-`) blank. */
const text = (s: string | null | undefined): string => {
  if (s === null || s === undefined || s === NONE) return '';
  return visible(s);
};

/** A printed cell: white space folded as the other outputs show it. */
const cell = (s: string | null | undefined): string => text(printed(s ?? null));

/**
 * The four sheets of the audit workbook as rows of text: Summary, Findings, Budget, Indicators
 * (with the monitoring columns when a report is a monitoring table). Pure; {@link renderXlsx}
 * writes them, `renderCsv` writes the Findings sheet.
 *
 * @example
 * ```ts
 * const [summary, findings] = auditSheets([{ file: 'a.json', result }], { lang: 'en' });
 * findings.header; // ['File', 'Path', 'Code', 'Severity', 'Printed', 'Recomputed', 'Message']
 * ```
 */
export function auditSheets(
  inputs: RenderInput | readonly RenderInput[],
  options: AuditOptions,
): AuditSheet[] {
  const list = toList(inputs);
  return [
    summarySheet(list, options.lang),
    findingsSheet(list, options.lang),
    budgetSheet(list, options.lang),
    indicatorSheet(list, options.lang),
  ];
}

function toList(inputs: RenderInput | readonly RenderInput[]): readonly RenderInput[] {
  return Array.isArray(inputs) ? (inputs as readonly RenderInput[]) : [inputs as RenderInput];
}

function summarySheet(inputs: readonly RenderInput[], lang: Lang): AuditSheet {
  const w = WORDS[lang];
  const hw = HTML_WORDS[lang];
  const sw = SHEET_WORDS[lang];
  return {
    name: sw.summary,
    header: [
      w.file,
      hw.entity,
      hw.year,
      hw.kind,
      hw.errors,
      hw.warnings,
      hw.infos,
      hw.printedTotal,
      hw.recomputedTotal,
      hw.printedGrade,
      hw.recomputedGrade,
      sw.status,
    ],
    rows: inputs.map(({ file, result: r }) => [
      text(file),
      cell(r.header.entity),
      cell(r.header.year),
      cell(r.header.kind),
      r.summary.error,
      r.summary.warning,
      r.summary.info,
      cell(r.header.totalScore.text),
      text(r.totalScore),
      cell(r.header.grade.text),
      text(r.grade),
      r.rejected ? text(w.notAReport(r.findings.length)) : '',
    ]),
  };
}

/**
 * The Findings sheet: one row per finding of every report, most serious first within a report
 * as the other outputs list them: file, path, code, severity, printed, recomputed, message.
 *
 * @example
 * ```ts
 * findingsSheet({ file: 'suzhou.json', result }, 'en').rows[9];
 * // ['suzhou.json', 'indicators[17].actual', 'cross-check-mismatch', 'error', '100%', '71.43%', '…']
 * ```
 */
export function findingsSheet(inputs: RenderInput | readonly RenderInput[], lang: Lang): AuditSheet {
  const w = WORDS[lang];
  const sw = SHEET_WORDS[lang];
  const rows: SheetCell[][] = [];
  for (const { file, result } of toList(inputs)) {
    for (const f of result.findings) {
      rows.push([
        text(file),
        text(formatPath(f.path)),
        f.code,
        sw.severity[f.severity],
        text(f.published),
        text(f.recomputed),
        text(f.message[lang]),
      ]);
    }
  }
  return {
    name: sw.findings,
    header: [w.file, w.path, w.code, w.severity, sw.printed, sw.recomputed, w.message],
    rows,
  };
}

function budgetSheet(inputs: readonly RenderInput[], lang: Lang): AuditSheet {
  const w = WORDS[lang];
  const sw = SHEET_WORDS[lang];
  const mw = w.monitoring;
  const monitoring = inputs.some((i) => i.result.monitoring !== null);
  const rows: SheetCell[][] = [];
  for (const { file, result } of inputs) {
    const year = budgetRows(result);
    const mon = monitoringBudgetRows(result, w);
    result.budget.forEach((b, i) => {
      const r = year[i];
      const m = mon[i];
      const c = b.cells;
      rows.push([
        text(file),
        text(formatPath(b.path)),
        text(b.name),
        b.depth,
        cell(c.initial.text),
        cell(c.adjustment.text),
        cell(c.adjusted.text),
        cell(c.actual.text),
        text(r?.printedRate),
        text(r?.recomputedRate),
        text(b.variance),
        cell(c.score.text),
        text(r?.recomputedScore),
        ...(monitoring
          ? [
              cell(b.monitoringCells?.periodActual.text),
              cell(b.monitoringCells?.expectedActual.text),
              cell(b.monitoringCells?.timeProgress.text),
              text(b.timeProgress),
              text(m?.printedRate),
              text(m?.recomputedRate),
              text(m?.pace),
              text(m?.state.text),
            ]
          : []),
      ]);
    });
  }
  return {
    name: sw.budget,
    header: [
      w.file,
      w.path,
      w.line,
      sw.depth,
      sw.initial,
      sw.adjustment,
      w.adjusted,
      w.actual,
      ...sw.rate,
      sw.variance,
      w.printedScore,
      w.recomputedScore,
      ...(monitoring
        ? [sw.periodActual, sw.expectedActual, ...sw.timeProgress, ...sw.periodRate, mw.pace, mw.state]
        : []),
    ],
    rows,
  };
}

function indicatorSheet(inputs: readonly RenderInput[], lang: Lang): AuditSheet {
  const w = WORDS[lang];
  const sw = SHEET_WORDS[lang];
  const mw = w.monitoring;
  const monitoring = inputs.some((i) => i.result.monitoring !== null);
  const rows: SheetCell[][] = [];
  for (const { file, result } of inputs) {
    const year = indicatorRows(result, w);
    const mon = monitoringIndicatorRows(result, w);
    const period = periodLabel(result, w);
    result.indicators.forEach((ind, i) => {
      const r = year[i];
      const m = mon[i];
      const c = ind.cells;
      rows.push([
        text(file),
        text(formatPath(ind.path)),
        text(r?.category),
        text(ind.name),
        cell(c.target.text),
        cell(c.actual.text),
        cell(c.unit.text),
        text(r?.status.text),
        cell(c.deviation.text),
        text(r?.recomputedDeviation),
        cell(c.score.text),
        text(r?.recomputedScore),
        cell(c.reason.text),
        ...(monitoring
          ? [
              m === undefined ? '' : text(period),
              cell(ind.monitoringCells?.periodActual.text),
              cell(ind.monitoringCells?.expectedActual.text),
              text(m?.expectedStatus.text),
              cell(ind.monitoringCells?.likelihood.text),
            ]
          : []),
      ]);
    });
  }
  return {
    name: sw.indicators,
    header: [
      w.file,
      w.path,
      w.category,
      w.name,
      w.target,
      w.achieved,
      sw.unit,
      w.status,
      ...sw.deviation,
      w.printedScore,
      w.recomputedScore,
      sw.reason,
      ...(monitoring ? [sw.period, sw.periodValue, sw.expectedValue, sw.expectedStatus, mw.likelihood] : []),
    ],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing the workbook

/** Widest a column is sized to, in characters. */
const MAX_WIDTH = 60;

/** A sheet as SheetJS cells: text as type `s`, counts as type `n`; never a formula. */
function toWorksheet(X: typeof import('@e965/xlsx'), sheet: AuditSheet): WorkSheet {
  const textCell = (v: string): CellObject => ({ t: 's', v });
  const aoa: CellObject[][] = [
    sheet.header.map(textCell),
    ...sheet.rows.map((row) =>
      row.map((v): CellObject => (typeof v === 'number' ? { t: 'n', v } : textCell(v))),
    ),
  ];
  const ws = X.utils.aoa_to_sheet(aoa);
  ws['!cols'] = sheet.header.map((h, i) => {
    let width = displayWidth(h);
    for (const row of sheet.rows) {
      const v = row[i];
      width = Math.max(width, displayWidth(typeof v === 'number' ? String(v) : (v ?? '')));
      if (width >= MAX_WIDTH) break;
    }
    return { wch: Math.min(width, MAX_WIDTH) + 2 };
  });
  const last = X.utils.encode_cell({ r: sheet.rows.length, c: Math.max(sheet.header.length - 1, 0) });
  ws['!autofilter'] = { ref: `A1:${last}` };
  return ws;
}

/** The `<pane>` that freezes the first row, as a spreadsheet program writes it. */
const FROZEN_HEADER =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

/** A sheet's XML with its first row frozen: SheetJS writes `<sheetView workbookViewId="0"/>`. */
export function freezeHeader(xml: string): string {
  return xml.replace(
    /<sheetView workbookViewId="0"\/>|<sheetView workbookViewId="0" rightToLeft="0"\/>/,
    FROZEN_HEADER,
  );
}

/**
 * The audit workbook (.xlsx) of one report or many, as bytes: sheets Summary, Findings, Budget
 * and Indicators ({@link auditSheets}; named in `lang`), header rows frozen and filtered,
 * columns sized. Every figure is a text cell as printed (or as outturn prints the recomputed
 * figure); no cell is a formula. SheetJS is loaded on the first call.
 *
 * @example
 * ```ts
 * writeFileSync('findings.xlsx', await renderXlsx([{ file: 'a.json', result }], { lang: 'zh' }));
 * ```
 */
export async function renderXlsx(
  inputs: RenderInput | readonly RenderInput[],
  options: AuditOptions,
): Promise<Uint8Array> {
  return writeWorkbook(auditSheets(inputs, options), HTML_WORDS[options.lang].documentTitle);
}

/**
 * Sheets as the bytes of a workbook, the way every workbook of outturn is written: text cells
 * and counts, never a formula; header rows frozen and filtered; columns sized; the same bytes
 * for the same sheets. SheetJS is loaded on the first call.
 */
export async function writeWorkbook(sheets: readonly AuditSheet[], title: string): Promise<Uint8Array> {
  const X = await import('@e965/xlsx');
  const wb = X.utils.book_new();
  for (const sheet of sheets) X.utils.book_append_sheet(wb, toWorksheet(X, sheet), sheet.name);
  wb.Props = { Title: title, Author: 'outturn' };
  const written = X.write(wb, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer;
  const files = unzipSync(new Uint8Array(written));
  sheets.forEach((_s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = files[name];
    if (xml !== undefined) files[name] = strToU8(freezeHeader(strFromU8(xml)));
  });
  // [Content_Types].xml first, as spreadsheet programs write it (tools that sniff a file's type
  // look there); a fixed time in the entries, so that the same results give the same bytes.
  const ordered: Record<string, Uint8Array> = {};
  const types = files['[Content_Types].xml'];
  if (types !== undefined) ordered['[Content_Types].xml'] = types;
  for (const [name, data] of Object.entries(files)) if (name !== '[Content_Types].xml') ordered[name] = data;
  return zipSync(ordered, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
