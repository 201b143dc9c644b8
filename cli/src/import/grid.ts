/**
 * A grid of cells: what every input format becomes before its tables are read. CSV records,
 * tab-separated lines of PDF text and worksheet rows all give rows of cell texts, each row
 * knowing where it came from.
 *
 * @internal
 */
import type { ImportFormat, Location } from './types.js';

/** A merged range of a worksheet, 0-based and inclusive, relative to the grid. */
export interface MergedRange {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/**
 * True for the formats whose rows are lines of extracted text (PDF text, a PDF): a blank line
 * may be a page break, a line of one cell may be a title, a long cell wraps onto later lines.
 * The other formats have cells (CSV records, worksheet rows, table rows of a page or document).
 */
export function isLineFormat(format: ImportFormat): boolean {
  return format === 'text' || format === 'pdf';
}

/** True for the formats whose cells come from a spreadsheet or a document (merges, cell addresses). */
export function isCellFormat(format: ImportFormat): boolean {
  return format === 'xlsx' || format === 'xls' || format === 'html' || format === 'docx';
}

/** Rows of cell texts with their locations. Cells are as in the input (not trimmed). */
export interface Grid {
  readonly format: ImportFormat;
  readonly rows: readonly (readonly string[])[];
  /** Merged ranges (worksheets, documents, and the ruled tables of a PDF). */
  readonly merges: readonly MergedRange[];
  /**
   * True for a grid of lines (a PDF) whose tables were read from their ruling lines: each of
   * their rows is a row of the table as drawn, one cell per column, wrapped cells joined, so
   * its rows read as a document's rows do (not as lines of text that may continue a cell).
   */
  readonly ruled?: boolean;
  /** Where a row starts, or a cell of it. */
  locate(row: number, column?: number): Location;
  /** A range of rows, optionally one column of them. */
  locateRows(from: number, to: number, column?: number): Location;
}

/** A grid of lines (CSV records or text lines) whose rows start at the given 1-based lines. */
export function lineGrid(
  format: ImportFormat,
  rows: readonly (readonly string[])[],
  startLines: readonly number[],
  file: string | undefined,
): Grid {
  const base = file === undefined ? {} : { file };
  const lineOf = (row: number) => startLines[row] ?? row + 1;
  return {
    format,
    rows,
    merges: [],
    locate: (row, column) =>
      column === undefined
        ? { ...base, line: lineOf(row) }
        : { ...base, line: lineOf(row), column: column + 1 },
    locateRows: (from, to, column) => {
      const range = from === to ? { line: lineOf(from) } : { line: lineOf(from), lineEnd: lineOf(to) };
      return column === undefined ? { ...base, ...range } : { ...base, ...range, column: column + 1 };
    },
  };
}

/** Spreadsheet column letters of a 0-based column (0 → A, 26 → AA). */
function columnLetters(column: number): string {
  let n = column + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A grid of worksheet cells whose top-left cell is at (`row0`, `col0`) of the sheet. */
export function sheetGrid(
  format: 'xlsx' | 'xls',
  rows: readonly (readonly string[])[],
  merges: readonly MergedRange[],
  sheet: string,
  row0: number,
  col0: number,
  width: number,
  file: string | undefined,
): Grid {
  const base = file === undefined ? { sheet } : { file, sheet };
  const address = (r: number, c: number) => `${columnLetters(col0 + c)}${row0 + r + 1}`;
  return {
    format,
    rows,
    merges,
    locate: (row, column) =>
      column === undefined
        ? { ...base, cell: `${address(row, 0)}:${address(row, Math.max(width - 1, 0))}` }
        : { ...base, cell: address(row, column) },
    locateRows: (from, to, column) =>
      column === undefined
        ? { ...base, cell: `${address(from, 0)}:${address(to, Math.max(width - 1, 0))}` }
        : from === to
          ? { ...base, cell: address(from, column) }
          : { ...base, cell: `${address(from, column)}:${address(to, column)}` },
  };
}

/**
 * Where a row of a document grid (a web page, a Word document) comes from: a row of one of its
 * tables, or a paragraph outside them (a title, the 单位 line above a table).
 */
export type DocumentPlace = { readonly table: number; readonly row: number } | { readonly paragraph: number };

/**
 * A grid of a web page or Word document: its paragraphs (one-cell rows) and table rows in
 * document order, `places[i]` saying where row `i` is; merged ranges (rowspan/colspan,
 * vMerge/gridSpan) relative to the grid.
 */
export function documentGrid(
  format: 'html' | 'docx',
  rows: readonly (readonly string[])[],
  merges: readonly MergedRange[],
  places: readonly DocumentPlace[],
  file: string | undefined,
): Grid {
  const base = file === undefined ? {} : { file };
  const at = (row: number, column?: number): Location => {
    const place = places[row] ?? { paragraph: row + 1 };
    if ('paragraph' in place) return { ...base, paragraph: place.paragraph };
    return column === undefined ? { ...base, ...place } : { ...base, ...place, column: column + 1 };
  };
  return {
    format,
    rows,
    merges,
    locate: at,
    locateRows: (from, to, column) => {
      const first = at(from, column);
      const last = places[to];
      if (from === to || last === undefined || !('row' in last) || first.row === undefined) return first;
      return first.table === last.table ? { ...first, rowEnd: last.row } : first;
    },
  };
}
