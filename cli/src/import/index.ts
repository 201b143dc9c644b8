/**
 * Importing published tables into the report JSON (DESIGN §3): CSV files, Excel workbooks and
 * the text that PDF extraction gives. Used by the `outturn import` and `outturn check`
 * commands; not part of the core entry point `outturn`, which stays free of I/O and of these
 * parsers.
 *
 * Everything here is pure: bytes in, a report and two lists out. Nothing found in the input is
 * dropped silently: what could not be placed in the report is in `unplaced`, with its line or
 * cell; what was inferred (a tree from sums, a wrapped cell joined) is in `notes`.
 *
 * @module
 */
import type { Report } from 'outturn';
import { csvGrid } from './csv.js';
import { decodeText, startsWithBytes, type TextEncoding } from './encoding.js';
import type { Meta } from './facts.js';
import type { Grid } from './grid.js';
import { EXAMPLE_HEADERS } from './header-words.js';
import { findStaffing, textGrid } from './pdf-text.js';
import { type GridReading, readGrid } from './read-grid.js';
import { failure, type ImportFailure, type ImportFormat, type ImportItem, item } from './types.js';

export type { TextEncoding } from './encoding.js';
export { decodeText } from './encoding.js';
export {
  formatLocation,
  type ImportFailure,
  type ImportFormat,
  type ImportItem,
  type Location,
} from './types.js';

/** Options of {@link importReport}. */
export interface ImportOptions {
  /** The format; detected from the content when absent. */
  readonly from?: ImportFormat | undefined;
  /** The file's name, used in locations (`budget.csv, line 3`). */
  readonly fileName?: string | undefined;
  /** The worksheet to read (.xlsx); every sheet when absent. */
  readonly sheet?: string | undefined;
}

/** A successful import. */
export interface ImportSuccess {
  readonly ok: true;
  readonly report: Report;
  readonly format: ImportFormat;
  /** The text encoding detected (null for a workbook). */
  readonly encoding: TextEncoding | null;
  /** What is in the input but not in the report, each with its location and the reason. */
  readonly unplaced: readonly ImportItem[];
  /** What was inferred or changed, each with its location: read these before trusting the tree. */
  readonly notes: readonly ImportItem[];
}

/** Result of {@link importReport}. */
export type ImportResult = ImportSuccess | ImportFailure;

/** What the bytes of a file are, from their first bytes and their text. */
export type DetectedFormat = ImportFormat | 'json';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** True when the bytes are a zip archive (an .xlsx workbook is one). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWithBytes(bytes, ZIP);
}

/**
 * The format of a decoded text: `json` when it starts with `{` or `[`; `text` (PDF text) when
 * tab-separated lines are at least as many as lines with commas or semicolons and no cell is
 * quoted; `csv` otherwise (comma-, semicolon- or quoted tab-separated).
 */
export function detectTextFormat(text: string): DetectedFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  const tabs = lines.filter((l) => l.includes('\t')).length;
  if (tabs === 0) return 'csv';
  const commas = lines.filter((l) => l.includes(',')).length;
  const semicolons = lines.filter((l) => l.includes(';')).length;
  const quotedTabCells = /(?:^|\t)"[^"\t\n]*(?:""[^"\t\n]*)*"(?:\t|$)/m.test(text);
  return tabs >= Math.max(commas, semicolons) && !quotedTabCells ? 'text' : 'csv';
}

/**
 * Imports a report from the bytes of a CSV file, an .xlsx workbook or PDF text.
 *
 * - Format: `options.from`, or detected: a zip archive is a workbook; text is CSV or PDF text
 *   (see {@link detectTextFormat}). An .xls (Excel 97–2003), a PDF and a report JSON get a
 *   message saying what to do instead.
 * - Encoding (text): UTF-8 with or without a byte order mark, GB18030/GBK, UTF-16 with a byte
 *   order mark; anything else fails with a message naming the likely encoding.
 * - The report: `budget` (trees) and `indicators` from the tables, with every figure a string
 *   exactly as printed; `title`, `entity`, `year`, `kind`, `amountUnit`, `staffing` from the
 *   text around them or from `key,value` rows.
 *
 * Never throws for bad input: `{ ok: false, message: { en, zh } }`.
 *
 * @example
 * ```ts
 * const result = await importReport(readFileSync('report.csv'), { fileName: 'report.csv' });
 * if (result.ok) validateReport(result.report);
 * ```
 */
export async function importReport(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const file = options.fileName;
  const at = file === undefined ? undefined : { file };
  if (bytes.length === 0) return failure('the file is empty', '文件是空的', at);
  const zip = isZip(bytes);
  if (options.from === 'xlsx' || (options.from === undefined && zip)) {
    if (!zip) {
      return failure(
        'not an .xlsx workbook (it does not start with the zip signature "PK")',
        '不是 .xlsx 工作簿（文件不以 zip 签名“PK”开头）',
        at,
      );
    }
    return importWorkbook(bytes, options);
  }
  if (options.from === undefined) {
    if (startsWithBytes(bytes, OLE2)) {
      return failure(
        'an Excel 97–2003 workbook (.xls) or another OLE2 file: save it as .xlsx or as CSV (UTF-8) and import that',
        'Excel 97–2003 工作簿（.xls）或其他 OLE2 文件：请另存为 .xlsx 或 CSV（UTF-8）后再导入',
        at,
      );
    }
    if (startsWithBytes(bytes, PDF)) {
      return failure(
        'a PDF file: extract its text first (copy the tables from a PDF reader, or run pdftotext) and import the text',
        'PDF 文件：请先提取文字（从 PDF 阅读器复制表格，或用 pdftotext 转换）再导入文字',
        at,
      );
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message, ...(at === undefined ? {} : { at }) };
  const from = options.from === 'csv' || options.from === 'text' ? options.from : undefined;
  const result = importText(decoded.text, { from, fileName: file });
  return result.ok ? { ...result, encoding: decoded.encoding } : result;
}

/**
 * Imports a report from decoded text: CSV (`from: 'csv'`) or PDF text (`from: 'text'`),
 * detected when absent. See {@link importReport}.
 */
export function importText(
  text: string,
  options: { readonly from?: 'csv' | 'text' | undefined; readonly fileName?: string | undefined } = {},
): ImportResult {
  const file = options.fileName;
  const at = file === undefined ? undefined : { file };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return failure('the file is empty', '文件是空的', at);
  const detected = options.from ?? detectTextFormat(body);
  if (detected === 'json') {
    return failure(
      'this is a report JSON already, not a table: check it directly with `outturn check`',
      '这已经是报告 JSON，而不是表格：请直接用 outturn check 检查',
      at,
    );
  }
  let grid: Grid;
  if (detected === 'csv') {
    const g = csvGrid(body, file);
    if ('ok' in g) return g;
    grid = g;
  } else {
    grid = textGrid(body, file);
  }
  const meta: Meta = {};
  const reading = readGrid(grid, meta);
  const notes = [...reading.notes];
  if (detected === 'text' && meta.authorized === undefined && meta.actualStaff === undefined) {
    const staffing = findStaffing(body.split(/\r\n|\n|\r/));
    if (staffing !== null) {
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
  }
  return assemble([reading], meta, detected, null, notes, at);
}

async function importWorkbook(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { workbookGrids } = await import('./xlsx.js');
  const file = options.fileName;
  const book = await workbookGrids(bytes, { sheet: options.sheet, file });
  if (!book.ok) return book;
  const meta: Meta = {};
  const readings: GridReading[] = [];
  for (const sheet of book.sheets) {
    if (sheet.grid === null) continue;
    readings.push(readGrid(sheet.grid, meta));
  }
  const at = file === undefined ? undefined : { file };
  if (options.sheet !== undefined && readings.every((r) => r.tables.budget + r.tables.indicators === 0)) {
    const name = book.sheets[0]?.name ?? options.sheet;
    return noTable(file === undefined ? { sheet: name } : { file, sheet: name });
  }
  return assemble(readings, meta, 'xlsx', null, [...book.notes, ...readings.flatMap((r) => r.notes)], at);
}

function noTable(at: ImportItem['at'] | undefined): ImportFailure {
  return failure(
    `no budget or indicator table was found: a header row must name the columns, e.g. ${EXAMPLE_HEADERS.budget}; or ${EXAMPLE_HEADERS.indicators}`,
    `没有找到预算表或指标表：需要有一行表头说明各列，例如 ${EXAMPLE_HEADERS.budget}；或 ${EXAMPLE_HEADERS.indicators}`,
    at,
  );
}

function assemble(
  readings: readonly GridReading[],
  meta: Meta,
  format: ImportFormat,
  encoding: TextEncoding | null,
  notes: readonly ImportItem[],
  at: ImportItem['at'] | undefined,
): ImportResult {
  const budgetTables = readings.reduce((n, r) => n + r.tables.budget, 0);
  const indicatorTables = readings.reduce((n, r) => n + r.tables.indicators, 0);
  if (budgetTables + indicatorTables === 0) return noTable(at);
  const report: Record<string, unknown> = {};
  if (meta.kind !== undefined) report.kind = meta.kind;
  if (meta.title !== undefined) report.title = meta.title;
  if (meta.entity !== undefined) report.entity = meta.entity;
  if (meta.year !== undefined) report.year = meta.year;
  if (meta.amountUnit !== undefined) report.amountUnit = meta.amountUnit;
  if (meta.source !== undefined) report.source = meta.source;
  if (budgetTables > 0) report.budget = readings.flatMap((r) => r.budget);
  if (indicatorTables > 0) report.indicators = readings.flatMap((r) => r.indicators);
  if (meta.authorized !== undefined || meta.actualStaff !== undefined) {
    const staffing: Record<string, string> = {};
    if (meta.authorized !== undefined) staffing.authorized = meta.authorized;
    if (meta.actualStaff !== undefined) staffing.actual = meta.actualStaff;
    if (meta.staffingNote !== undefined) staffing.note = meta.staffingNote;
    report.staffing = staffing;
  }
  if (meta.totalScore !== undefined || meta.grade !== undefined) {
    const published: Record<string, string> = {};
    if (meta.totalScore !== undefined) published.totalScore = meta.totalScore;
    if (meta.grade !== undefined) published.grade = meta.grade;
    report.published = published;
  }
  return {
    ok: true,
    report: report as Report,
    format,
    encoding,
    unplaced: readings.flatMap((r) => r.unplaced),
    notes: [...notes],
  };
}

/** One input file of {@link importFiles}. */
export interface ImportFile {
  readonly bytes: Uint8Array;
  readonly fileName?: string | undefined;
}

/**
 * Imports one report from several files, e.g. the budget table in one CSV and the indicator
 * table in another: budget trees and indicators are concatenated in file order; title,
 * entity, year, kind, unit and staffing come from the first file that states them (a file
 * that states another value gets a note). The first file that fails makes the whole import
 * fail, with its name in the message.
 */
export async function importFiles(
  files: readonly ImportFile[],
  options: Omit<ImportOptions, 'fileName'> = {},
): Promise<ImportResult> {
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
  const report: Record<string, unknown> = {};
  const notes: ImportItem[] = [];
  const budget: unknown[] = [];
  const indicators: unknown[] = [];
  let hasBudget = false;
  let hasIndicators = false;
  results.forEach((r, k) => {
    const name = files[k]?.fileName;
    for (const [key, value] of Object.entries(r.report)) {
      if (key === 'budget') {
        hasBudget = true;
        budget.push(...(value as unknown[]));
      } else if (key === 'indicators') {
        hasIndicators = true;
        indicators.push(...(value as unknown[]));
      } else if (!Object.hasOwn(report, key)) {
        report[key] = value;
      } else if (JSON.stringify(report[key]) !== JSON.stringify(value)) {
        notes.push(
          item(name === undefined ? {} : { file: name }, `${key}: ${JSON.stringify(value)}`, {
            en: `this file states another ${key} than an earlier file (${JSON.stringify(report[key])}): the earlier one is kept`,
            zh: `此文件的 ${key} 与前面的文件（${JSON.stringify(report[key])}）不同：保留前者`,
          }),
        );
      }
    }
  });
  const merged: Record<string, unknown> = {};
  for (const key of ['kind', 'title', 'entity', 'year', 'amountUnit', 'source']) {
    if (Object.hasOwn(report, key)) merged[key] = report[key];
  }
  if (hasBudget) merged.budget = budget;
  if (hasIndicators) merged.indicators = indicators;
  for (const [key, value] of Object.entries(report)) if (!Object.hasOwn(merged, key)) merged[key] = value;
  return {
    ok: true,
    report: merged as Report,
    format: (results[0] as ImportSuccess).format,
    encoding: (results[0] as ImportSuccess).encoding,
    unplaced: results.flatMap((r) => r.unplaced),
    notes: [...results.flatMap((r) => r.notes), ...notes],
  };
}
