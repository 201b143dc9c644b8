/**
 * `outturn-cli/import`: published tables into the report JSON (DESIGN §3). CSV files and the
 * text a PDF reader or a browser copy gives (UTF-8, GB18030/GBK or UTF-16), Excel workbooks
 * (.xlsx, .xls), web pages (.html), Word documents (.docx) and digital PDFs.
 * Used by `outturn import` and `outturn check`; not part of the library `outturn`, which stays
 * free of I/O and of these parsers.
 *
 * Everything here is pure: bytes in, a report and two lists out. Nothing found in the input is
 * dropped silently: what could not be placed in the report is in `unplaced`, with its line or
 * cell; what was inferred (a tree from sums, a wrapped cell joined) is in `notes`. Bad input
 * never throws: it gives `{ ok: false, message: { en, zh } }`. Only a programmer error (an
 * argument of the wrong type) throws a `TypeError`.
 *
 * @module
 */
import type { Report } from 'outturn';
import { assemble, merge, noTable } from './assemble.js';
import { declarationOf, isDeclarationGrid, newFacts, takeDeclaration } from './declaration.js';
import { DEFAULT_LIMITS, type Limits, type ReadContext } from './document.js';
import type { TextEncoding } from './encoding.js';
import type { Meta } from './facts.js';
import { noteReportFormulas } from './formula.js';
import type { Grid } from './grid.js';
import { isDocumentFormat, type LoadedGrids, loadGrids, textGrids } from './load.js';
import { findStaffing } from './pdf-text.js';
import { type PefaReading, readPefaGrids } from './pefa-table.js';
import { type GridReading, readGrid } from './read-grid.js';
import {
  failure,
  type ImportFailure,
  type ImportFormat,
  type ImportItem,
  type ImportResult,
  type ImportSuccess,
  item,
  type Location,
} from './types.js';

export { type DetectedFormat, detectTextFormat } from './detect.js';
export { type DecodeResult, decodeText, type TextEncoding } from './encoding.js';
export {
  PEFA_TABLE_NAMES,
  type PefaPair,
  type PefaRow,
  type PefaTableName,
  type PefaYearRecord,
} from './pefa-table.js';
export {
  formatLocation,
  type ImportFailure,
  type ImportFormat,
  type ImportItem,
  type ImportResult,
  type ImportSuccess,
  type Location,
} from './types.js';

/** Options of {@link importReport}. */
export interface ImportOptions {
  /** The format; detected from the content when absent (see {@link importReport}). */
  readonly from?: ImportFormat | undefined;
  /** The file's name, used in locations (`budget.csv, line 3`); nothing is read from it. */
  readonly fileName?: string | undefined;
  /** The worksheet to read (.xlsx; the name as written, or differing only in case and outer spaces); every sheet when absent. Other formats ignore it. */
  readonly sheet?: string | undefined;
  /** The most bytes a file may have (default 100 MiB, 104 857 600); a larger one is refused. */
  readonly maxBytes?: number | undefined;
}

/** Options of {@link importText}. */
export interface ImportTextOptions {
  /** `csv` or `text` (PDF text); detected from the content when absent. */
  readonly from?: 'csv' | 'text' | undefined;
  /** The file's name, used in locations. */
  readonly fileName?: string | undefined;
}

/** One input file of {@link importFiles}. */
export interface ImportFile {
  readonly bytes: Uint8Array;
  readonly fileName?: string | undefined;
}

const FORMATS: readonly string[] = ['csv', 'text', 'xlsx', 'xls', 'html', 'docx', 'pdf'];
const TEXT_FORMATS: readonly string[] = ['csv', 'text'];

/**
 * Imports a report from the bytes of a CSV file, an .xlsx workbook or PDF text.
 *
 * - **Format**: `options.from`, or detected from the first bytes: a zip archive with
 *   `word/document.xml` is a Word document (docx), with `xl/workbook.xml` a workbook (xlsx); an
 *   OLE2 file is an Excel 97–2003 workbook (xls); `%PDF-` a PDF; `<!DOCTYPE html`, `<html`,
 *   `<table` … a web page; anything else text: CSV or PDF/browser text ({@link detectTextFormat}).
 *   Each goes to its reader. Refused with a message saying what to do instead: another zip
 *   archive, a damaged one, a report JSON (check it with `outturn check`), an empty file, a
 *   file of more than `maxBytes` bytes (default 100 MiB).
 * - **Text**: `#` comment lines are not data (nor counted by detection); CR, LF, CRLF, U+2028,
 *   U+2029, NEL and VT end lines, a form feed is a page break. Refused, each with its line: a row
 *   or line of more than 1 MiB (a huge cell), a text that may hold more than half a million cells,
 *   a CSV quote never closed, a header row with no data under it.
 * - **Encoding** (text): UTF-8 with or without a byte order mark, GB18030/GBK, UTF-16 with a
 *   byte order mark ({@link decodeText}); anything else is refused with a message naming the
 *   likely encoding, never read as mojibake.
 * - **Tables**: a table starts at a header row whose cells name known columns (年初预算数,
 *   指标值, Final appropriation, Target …; docs/import.md lists them). Without a budget or an
 *   indicator table the import fails, with examples of the headers it knows. A workbook that
 *   is not readable, has no sheet of the name given or only empty sheets fails too.
 * - **Report**: `budget` (trees, from indentation, 其中, totals and sums) and `indicators`, every
 *   figure a string exactly as printed (no float ever holds one, no formula is evaluated);
 *   `groups` where the table prints a weight or score on a 一级/二级 group (`产出指标（50分）`, a
 *   group row, a merged 分值 cell; the weight is removed from the path); `goals` from a
 *   年度总体目标 block; `published.status` from a status column (是否达成, Achieved);
 *   `title`, `entity`, `year`, `kind`, `amountUnit` (any unit, as printed: 千元, R'000 …),
 *   `staffing`, `published.totalScore` and `published.grade` from the text around the tables,
 *   from a 总分 row or from `key,value` rows.
 *
 * Never throws for bad input: `{ ok: false, message: { en, zh }, at? }`.
 *
 * @throws TypeError when `bytes` is not a `Uint8Array` (a Node.js `Buffer` is one) or an option
 *   has the wrong type or an unknown format: programmer errors.
 * @example
 * ```ts
 * // 七、预算信息 of the reference report (苏州市商务服务中心 2023), as CSV:
 * const csv = '本年度预算资金（万元）,年初预算数,调整预算数,实际支出数,执行率\n'
 *   + '预算总金额,321.19,321.19,430.93,134.17%\n';
 * const result = await importReport(new TextEncoder().encode(csv), { fileName: 'budget.csv' });
 * // result.ok === true, result.format === 'csv', result.encoding === 'utf-8'
 * // result.report: { amountUnit: '万元', budget: [{ name: '预算总金额', initial: '321.19',
 * //   adjusted: '321.19', actual: '430.93', published: { executionRate: '134.17%' } }] }
 * if (result.ok) validateReport(result.report); // from 'outturn': overspend, 134.17%
 *
 * await importReport(new TextEncoder().encode('foo,bar\n1,2\n'));
 * // { ok: false, message: { en: 'no budget or indicator table was found: …',
 * //                         zh: '没有找到预算表或指标表：…' } }
 * ```
 */
export async function importReport(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  checkBytes(bytes, 'importReport');
  checkOptions(options, 'importReport', FORMATS);
  const file = options.fileName;
  const ctx: ReadContext = { file, sheet: options.sheet, limits: limitsOf(options) };
  const loaded = await loadGrids(bytes, options.from, ctx);
  return loaded.ok ? readReport(loaded, ctx) : loaded;
}

/** The limits of an import: the defaults, with the bytes of `maxBytes` when given. */
function limitsOf(options: { readonly maxBytes?: number | undefined }): Limits {
  return { ...DEFAULT_LIMITS, ...(options.maxBytes === undefined ? {} : { bytes: options.maxBytes }) };
}

/**
 * Imports a report from text already decoded: CSV (`from: 'csv'`) or PDF text (`from: 'text'`),
 * detected when absent ({@link detectTextFormat}). The same reading and the same refusals as
 * {@link importReport} (an empty text, a report JSON, no table, a CSV quote never closed),
 * synchronous, and `encoding` is null. A byte order mark at the start is ignored.
 *
 * Never throws for bad input.
 *
 * @throws TypeError when `text` is not a string or an option has the wrong type.
 * @example
 * ```ts
 * // The reference report's first common indicator, as a PDF reader copies it (cells split by tabs):
 * const r = importText('指标名称\t指标值\t实际完成值\t偏差情况\n预算执行率\t=100%\t93.74%\t-6.26%\n');
 * // r.ok === true, r.format === 'text'
 * // r.report.indicators: [{ name: '预算执行率', target: '=100%', actual: '93.74%',
 * //                         published: { deviation: '-6.26%' } }]
 * ```
 */
export function importText(text: string, options: ImportTextOptions = {}): ImportResult {
  if (typeof text !== 'string')
    throw new TypeError(`importText: text must be a string, not ${typeName(text)}`);
  checkOptions(options, 'importText', TEXT_FORMATS);
  const ctx: ReadContext = { file: options.fileName, sheet: undefined, limits: DEFAULT_LIMITS };
  const loaded = textGrids(text, options.from, options.fileName, DEFAULT_LIMITS);
  return loaded.ok ? readReport(loaded, ctx) : loaded;
}

/**
 * Imports one report from several files, e.g. the budget table in one CSV and the indicator
 * table in another. Each file is read as by {@link importReport} (with `options` and its own
 * `fileName`); budget trees and indicators are concatenated in file order; title, entity,
 * year, kind, unit and staffing come from the first file that states them, and a file that
 * states another value gets a note. `format` and `encoding` are the first file's.
 *
 * Refused: an empty list; and the first file that fails makes the whole import fail, with its
 * name before the message when there are several files. Never throws for bad input.
 *
 * @throws TypeError when `files` is not an array of `{ bytes: Uint8Array, fileName? }`.
 * @example
 * ```ts
 * const utf8 = (s: string) => new TextEncoder().encode(s);
 * const r = await importFiles([
 *   { bytes: utf8('年度,2023\n\n预算项目,年初预算数,调整预算数,实际支出数\n合计,1,1,1\n'), fileName: 'budget.csv' },
 *   { bytes: utf8('年度,2024\n\n指标名称,指标值,实际完成值\n满意度,≥90%,99%\n'), fileName: 'indicators.csv' },
 * ]);
 * // r.report: { year: 2023, budget: [{ name: '合计', initial: '1', adjusted: '1', actual: '1' }],
 * //             indicators: [{ name: '满意度', target: '≥90%', actual: '99%' }] }
 * // r.notes[0].where === 'indicators.csv': another year than an earlier file, the earlier one is kept
 * ```
 */
export async function importFiles(
  files: readonly ImportFile[],
  options: Omit<ImportOptions, 'fileName'> = {},
): Promise<ImportResult> {
  if (!Array.isArray(files))
    throw new TypeError(`importFiles: files must be an array, not ${typeName(files)}`);
  checkOptions(options, 'importFiles', FORMATS);
  for (const f of files) {
    if (typeof f !== 'object' || f === null) {
      throw new TypeError(`importFiles: each file must be { bytes, fileName? }, not ${typeName(f)}`);
    }
    checkBytes(f.bytes, 'importFiles');
  }
  if (files.length === 0) return failure('no file to import', '没有要导入的文件');
  const results: ImportSuccess[] = [];
  for (const f of files) {
    const r = await importReport(f.bytes, { ...options, fileName: f.fileName });
    if (!r.ok) {
      if (f.fileName === undefined || files.length === 1) return r;
      return {
        ...r,
        message: { en: `${f.fileName}: ${r.message.en}`, zh: `${f.fileName}：${r.message.zh}` },
      };
    }
    results.push(r);
  }
  if (results.length === 1) return results[0] as ImportSuccess;
  return merge(
    results,
    files.map((f) => f.fileName),
  );
}

// ---------------------------------------------------------------------------------------------

/**
 * The report of a file's grids: the tables of each part read (read-grid.ts), staffing from the
 * prose, one report assembled. Asked for a worksheet that has no table, the failure names it.
 */
function readReport(loaded: LoadedGrids, ctx: ReadContext): ImportResult {
  const file = ctx.file;
  const at = file === undefined ? undefined : { file };
  const meta: Meta = {};
  const readings: GridReading[] = [];
  const notes: ImportItem[] = [...loaded.notes];
  const declaration = newFacts();
  const unplacedBefore: ImportItem[] = [];
  for (const part of loaded.parts) {
    if (part.grid === null) continue;
    let grid = part.grid;
    if (isDeclarationGrid(grid)) {
      // A target table (绩效目标表): its project, funds and goal rows first (declaration.ts).
      const taken = takeDeclaration(grid, declaration);
      grid = taken.grid;
      unplacedBefore.push(...taken.unplaced);
      notes.push(...taken.notes);
    }
    const reading = readGrid(grid, meta);
    readings.push(reading);
    notes.push(...reading.notes);
    noteStaffing(part.grid, meta, notes);
  }
  if (
    ctx.sheet !== undefined &&
    isDocumentFormat(loaded.format) &&
    readings.every((r) => r.tables.budget + r.tables.indicators === 0)
  ) {
    const name = loaded.parts[0]?.name ?? ctx.sheet;
    return noTable(file === undefined ? { sheet: name } : { file, sheet: name });
  }
  let result = assemble(readings, meta, loaded.format, loaded.encoding, notes, at);
  if (result.ok && declaration.found) {
    const extra: ImportItem[] = [];
    const report = declarationOf(result.report as Record<string, unknown>, declaration, extra, at ?? {});
    result = {
      ...result,
      report: report as Report,
      unplaced: [...unplacedBefore, ...result.unplaced],
      notes: [...result.notes, ...extra],
    };
  }
  return finish(
    result,
    loaded.parts.flatMap((p) => (p.grid === null ? [] : [p.grid])),
    at,
  );
}

/**
 * The last steps of every import: a report with tables but not one budget line or indicator
 * (a header row and nothing under it) is a failure, not an empty report; and every text of the
 * report that a spreadsheet would run as a formula gets a note (formula.ts).
 */
function finish(result: ImportResult, grids: readonly Grid[], at: Location | undefined): ImportResult {
  if (!result.ok) return result;
  const { report } = result;
  if ((report.budget?.length ?? 0) === 0 && (report.indicators?.length ?? 0) === 0) {
    return failure(
      'a header row and no data: the table has no budget line and no indicator under its header, nothing to import',
      '只有表头、没有数据：表头下没有任何预算行或指标，没有可导入的内容',
      at,
    );
  }
  const notes = noteReportFormulas(report, grids, result.notes);
  return notes.length === result.notes.length ? result : { ...result, notes };
}

/**
 * Staffing from a sentence of the prose (a row of one cell: a line of PDF text, a paragraph of a
 * page or document, a one-cell row of a sheet), when no 编制数 / 实有人数 fact stated it.
 */
function noteStaffing(grid: Grid, meta: Meta, notes: ImportItem[]): void {
  if (meta.authorized !== undefined || meta.actualStaff !== undefined) return;
  const staffing = findStaffing(grid.rows.map((row) => row.filter((c) => c.trim() !== '').join('\t')));
  if (staffing === null) return;
  meta.authorized = staffing.authorized;
  meta.actualStaff = staffing.actual;
  meta.staffingNote = staffing.sentence;
  notes.push(
    item(grid.locate(staffing.line), staffing.sentence, {
      en: `staffing read from this sentence: authorized ${staffing.authorized}, actual ${staffing.actual}`,
      zh: `编制与实有人数取自此句：编制 ${staffing.authorized}，实有 ${staffing.actual}`,
    }),
  );
}

function checkBytes(bytes: unknown, fn: string): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${fn}: bytes must be a Uint8Array (or a Buffer), not ${typeName(bytes)}`);
  }
}

function checkOptions(options: unknown, fn: string, formats: readonly string[]): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${fn}: options must be an object, not ${typeName(options)}`);
  }
  const o = options as Record<string, unknown>;
  if (o.from !== undefined && !(typeof o.from === 'string' && formats.includes(o.from))) {
    const list = formats.map((f) => `'${f}'`).join(', ');
    throw new TypeError(`${fn}: from must be one of ${list}, not ${typeName(o.from)}`);
  }
  if (o.maxBytes !== undefined && !(Number.isSafeInteger(o.maxBytes) && (o.maxBytes as number) > 0)) {
    throw new TypeError(`${fn}: maxBytes must be a positive integer, not ${typeName(o.maxBytes)}`);
  }
  for (const key of ['fileName', 'sheet']) {
    if (o[key] !== undefined && typeof o[key] !== 'string') {
      throw new TypeError(`${fn}: ${key} must be a string, not ${typeName(o[key])}`);
    }
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  return typeof value;
}

/** What {@link importPefa} gives: a PEFA dataset and what was not placed or was inferred. */
export type PefaImportResult =
  | (Omit<PefaReading, 'unplaced' | 'notes'> & {
      /** The format read (given or detected). */
      readonly format: ImportFormat;
      /** The text encoding detected, or null for a workbook, page, Word document or PDF. */
      readonly encoding: TextEncoding | null;
      readonly unplaced: readonly ImportItem[];
      readonly notes: readonly ImportItem[];
    })
  | ImportFailure;

/**
 * Imports a PEFA dataset (DESIGN §3, `kind: "pefa"`, the input of `assessPefa` in `outturn`) from a
 * table of rows `year | table | line | budget | actual`, in any format {@link importReport} reads
 * (CSV, .xlsx, .xls, .html, .docx, .pdf, text), detected the same way.
 *
 * - **Header**: the first row naming the five columns, in English or Chinese (`year`/`年度`,
 *   `table`/`类别`, `line`/`项目`, `budget`/`预算数`, `actual`/`outturn`/`决算数`), in any order.
 * - **Table** (a cell of the `table` column): `administrative`, `functional`, `programme`,
 *   `economic`, `contingency`, `interest`, `total` or `revenue` (and their Chinese names: 行政,
 *   功能, 规划, 经济分类, 预备费, 利息, 合计, 收入). Contingency, interest and total take one row a year.
 * - **Facts** above the header: `entity,…` and `unit,…` (`单位：万元`).
 * - **Years** in the order they first appear, each as printed (`2018/19`); a year in which no
 *   line prints a budget is a year without an approved budget (`approvedBudget: false`, noted).
 * - Figures are kept exactly as printed; a blank cell is absent.
 *
 * Never throws for bad input: `{ ok: false, message: { en, zh }, at? }`.
 *
 * @throws TypeError when `bytes` is not a `Uint8Array` or an option has the wrong type.
 * @example
 * ```ts
 * const csv = 'year,table,line,budget,actual\n2021,administrative,Health,100,96\n2021,contingency,,2,1\n';
 * const r = await importPefa(new TextEncoder().encode(csv));
 * // r.ok === true; r.dataset: { kind: 'pefa', years: [{ year: '2021', approvedBudget: true,
 * //   expenditure: { administrative: [{ name: 'Health', budget: '100', actual: '96' }],
 * //                  contingency: { budget: '2', actual: '1' } } }] }
 * ```
 */
export async function importPefa(bytes: Uint8Array, options: ImportOptions = {}): Promise<PefaImportResult> {
  checkBytes(bytes, 'importPefa');
  checkOptions(options, 'importPefa', FORMATS);
  const file = options.fileName;
  const ctx: ReadContext = { file, sheet: options.sheet, limits: limitsOf(options) };
  const loaded = await loadGrids(bytes, options.from, ctx);
  if (!loaded.ok) return loaded;
  const grids = loaded.parts.flatMap((p) => (p.grid === null ? [] : [p.grid]));
  const reading = readPefaGrids(grids, file === undefined ? undefined : { file });
  if (!reading.ok) return reading;
  return {
    ...reading,
    format: loaded.format,
    encoding: loaded.encoding,
    notes: [...loaded.notes, ...reading.notes],
  };
}
