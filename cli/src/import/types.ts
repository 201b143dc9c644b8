/**
 * The types of `outturn-cli/import` (where something is in the input, what could not be
 * placed in the report, the result of an import), and the small constructors the readers
 * build their items and failures with.
 *
 * @module
 */
import type { Lang, Messages, Report } from 'outturn';
import type { TextEncoding } from './encoding.js';

/**
 * The formats the importers read: CSV (also `;`- or tab-separated), PDF or browser text
 * (`text`: tab-separated lines), an .xlsx or .xls workbook, a web page (`html`), a Word
 * document (`docx`), a digital PDF (`pdf`).
 */
export type ImportFormat = 'csv' | 'text' | 'xlsx' | 'xls' | 'html' | 'docx' | 'pdf';

/**
 * A place in an input file: a line (and column) of a CSV or text file, or a cell of a
 * worksheet. `lineEnd` makes it a range of lines. Every field is optional: a failure of a
 * whole file has only `file`, a note about one file of several may have nothing but `file`.
 */
export interface Location {
  /** The file name given to the import (`fileName`), when one was. */
  readonly file?: string;
  /** The worksheet (.xlsx). */
  readonly sheet?: string;
  /** 1-based line of a CSV or text file (the line where the record starts). */
  readonly line?: number;
  /** Last line of a range of lines. */
  readonly lineEnd?: number;
  /** 1-based column (cell number in the row). */
  readonly column?: number;
  /** A worksheet cell (`B7`), range (`B7:B12`) or list of cells (`C3,C4`). */
  readonly cell?: string;
  /** 1-based page of a PDF (with `line`: the line on that page). */
  readonly page?: number;
  /** 1-based table of a web page or Word document (with `row` and `column`). */
  readonly table?: number;
  /** 1-based row of that table. */
  readonly row?: number;
  /** Last row of a range of rows of that table. */
  readonly rowEnd?: number;
  /** 1-based paragraph of a web page or Word document outside its tables. */
  readonly paragraph?: number;
}

/**
 * Something in the input that did not become part of the report (`unplaced`), or a decision
 * the importer made that a reader should know about (`notes`).
 */
export interface ImportItem {
  /** The location in words (English), e.g. `line 80, column 6` or `预算!B7`: `formatLocation(at, 'en')`. */
  readonly where: string;
  /** The same location as data. */
  readonly at: Location;
  /**
   * The text concerned, as in the input: a cell (trimmed), or a row — the non-empty cells of
   * a CSV or worksheet row, trimmed, joined by `" | "`; a line of PDF text as extracted, its
   * cells separated by tabs — or several lines joined by `"\n"` (a block of prose).
   */
  readonly text: string;
  /** Why, in both languages. */
  readonly reason: Messages;
}

/** A failed import: one message in both languages, and where, when it is one place. */
export interface ImportFailure {
  readonly ok: false;
  readonly message: Messages;
  readonly at?: Location;
}

/** A successful import. */
export interface ImportSuccess {
  readonly ok: true;
  /**
   * The report JSON (DESIGN §3): `budget` (a list of trees), `goals`, `indicators` and
   * `groups` (weights and scores printed on indicator groups) from the tables, every figure a
   * string exactly as printed; the facts found around the tables (`kind`,
   * `title`, `entity`, `year`, `amountUnit`, `source`, `staffing`, `published.totalScore`,
   * `published.grade`). A monitoring table (绩效运行监控表) is `kind: "monitoring"` with its
   * `period` (`{ months }` or `{ through }`), budget lines with `periodActual`, `expectedActual`,
   * `published.periodRate` and `published.timeProgress`, indicators with `periodActual`,
   * `expectedActual` and `likelihood`. Fields that were not found are absent. Not validated: give it to
   * `validateReport` (from `outturn`).
   */
  readonly report: Report;
  /** The format read (given or detected). */
  readonly format: ImportFormat;
  /**
   * The text encoding detected, or null for a workbook, web page, Word document or PDF (a page's
   * character set is said in a note) and for {@link importText}'s decoded text.
   */
  readonly encoding: TextEncoding | null;
  /** What is in the input but not in the report, each with its location and the reason. */
  readonly unplaced: readonly ImportItem[];
  /** What was inferred or changed, each with its location: read these before trusting the tree. */
  readonly notes: readonly ImportItem[];
}

/** Result of an import: the report, or a failure with a message in both languages. */
export type ImportResult = ImportSuccess | ImportFailure;

/**
 * Renders a location in one language: `budget.csv, line 5, column 3` / `budget.csv 第 5 行第 3 列`,
 * `lines 57–62` / `第 57–62 行`, `预算!B7`, `'Sheet 1'!A1:F1` (a sheet name with other
 * characters than letters, digits and `_` is quoted, as spreadsheets write it), `table 2, row 5,
 * column 3` / `第 2 个表格第 5 行第 3 列` (a web page or Word document), `paragraph 4` / `第 4 段`,
 * `page 3, line 12` / `第 3 页第 12 行` (a PDF). A location with nothing in it is `""`.
 *
 * @example
 * ```ts
 * formatLocation({ file: 'report.csv', line: 80, column: 6 }, 'en'); // 'report.csv, line 80, column 6'
 * formatLocation({ file: 'report.csv', line: 80, column: 6 }, 'zh'); // 'report.csv 第 80 行第 6 列'
 * formatLocation({ line: 57, lineEnd: 62 }, 'en');                  // 'lines 57–62'
 * formatLocation({ sheet: '预算', cell: 'G2' }, 'en');               // '预算!G2'
 * formatLocation({ table: 2, row: 5, column: 3 }, 'zh');            // '第 2 个表格第 5 行第 3 列'
 * formatLocation({ file: 'r.pdf', page: 3, line: 12 }, 'en');       // 'r.pdf, page 3, line 12'
 * ```
 */
export function formatLocation(at: Location, lang: Lang): string {
  const zh = lang === 'zh';
  let place = '';
  if (at.sheet !== undefined) {
    const sheet = /^[\p{L}\p{N}_]+$/u.test(at.sheet) ? at.sheet : `'${at.sheet.replaceAll("'", "''")}'`;
    place = at.cell !== undefined ? `${sheet}!${at.cell}` : sheet;
  } else if (at.table !== undefined) {
    const parts = [zh ? `第 ${at.table} 个表格` : `table ${at.table}`];
    if (at.row !== undefined) {
      const range = at.rowEnd !== undefined && at.rowEnd !== at.row;
      if (zh) parts.push(range ? `第 ${at.row}–${at.rowEnd} 行` : `第 ${at.row} 行`);
      else parts.push(range ? `rows ${at.row}–${at.rowEnd}` : `row ${at.row}`);
    }
    if (at.column !== undefined) parts.push(zh ? `第 ${at.column} 列` : `column ${at.column}`);
    place = parts.join(zh ? '' : ', ');
  } else if (at.paragraph !== undefined) {
    place = zh ? `第 ${at.paragraph} 段` : `paragraph ${at.paragraph}`;
  } else if (at.line !== undefined) {
    const lines =
      at.lineEnd !== undefined && at.lineEnd !== at.line
        ? zh
          ? `第 ${at.line}–${at.lineEnd} 行`
          : `lines ${at.line}–${at.lineEnd}`
        : zh
          ? `第 ${at.line} 行`
          : `line ${at.line}`;
    const column = at.column === undefined ? '' : zh ? `第 ${at.column} 列` : `, column ${at.column}`;
    place = `${lines}${column}`;
  }
  if (at.page !== undefined) {
    const page = zh ? `第 ${at.page} 页` : `page ${at.page}`;
    place = place === '' ? page : zh ? `${page}${place}` : `${page}, ${place}`;
  }
  if (at.file === undefined) return place;
  if (place === '') return at.file;
  return zh ? `${at.file} ${place}` : `${at.file}, ${place}`;
}

/**
 * An item with its English `where`.
 *
 * @internal
 */
export function item(at: Location, text: string, reason: Messages): ImportItem {
  return { where: formatLocation(at, 'en'), at, text, reason };
}

/**
 * Builds an {@link ImportFailure}.
 *
 * @internal
 */
export function failure(en: string, zh: string, at?: Location): ImportFailure {
  return at === undefined ? { ok: false, message: { en, zh } } : { ok: false, message: { en, zh }, at };
}

/**
 * Where the readers of one input put what they could not place (`unplaced`) and what they
 * inferred (`notes`), in the order they met it.
 *
 * @internal
 */
export interface Log {
  readonly unplaced: ImportItem[];
  readonly notes: ImportItem[];
}
