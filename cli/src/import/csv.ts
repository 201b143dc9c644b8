/**
 * CSV (and semicolon- or tab-separated) text to a grid, with csv-parse, in bounded memory: a
 * record (a row, with its quoted line breaks) of more than {@link MAX_RECORD_BYTES} and a file of
 * more cells than the import's limit are refused with one message, before they are held.
 *
 * @internal
 */
import { CsvError, parse } from 'csv-parse/sync';
import { type Grid, lineGrid } from './grid.js';
import { failure, type ImportFailure, type Location } from './types.js';

/** Field delimiters tried, in order of preference on a tie. */
const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/**
 * The longest record read: 1 MiB of UTF-8. A row of a published table is at most a few
 * kilobytes (a long 原因分析 cell); a longer one is not a table, and csv-parse stops at it
 * instead of growing a buffer to the size of the file.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Characters of a line looked at to find the delimiter. */
const SCAN = 64 * 1024;

/** Counts a character outside double quotes in one line (quotes toggled naively). */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  const end = Math.min(line.length, SCAN);
  for (let i = 0; i < end; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

/**
 * True for a comment line: its first non-blank character is `#` (or `"#`, a quoted first
 * cell). The table reader skips such rows too (sheet.ts `isComment`).
 */
export function isCommentLine(line: string): boolean {
  return /^\s*"?#/.test(line);
}

/**
 * The first `max` lines of a text that are neither blank nor comments, without splitting the
 * rest of it (a file of a million lines gives `max` strings, not a million).
 */
export function contentLines(text: string, max: number): string[] {
  const out: string[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  while (out.length < max && start <= text.length) {
    const m = re.exec(text);
    const end = m === null ? text.length : m.index;
    const line = text.slice(start, Math.min(end, start + SCAN));
    if (line.trim() !== '' && !isCommentLine(line)) out.push(line);
    if (m === null) break;
    start = m.index + m[0].length;
  }
  return out;
}

/**
 * The delimiter of a CSV text: the one of `,` `;` tab that occurs (outside quotes) on the
 * most of the first 100 lines that are neither blank nor comments; `,` when none does.
 */
function detectDelimiter(text: string): Delimiter {
  const lines = contentLines(text, 100);
  let best: Delimiter = ',';
  let bestLines = 0;
  for (const d of DELIMITERS) {
    const n = lines.filter((l) => countOutsideQuotes(l, d) > 0).length;
    if (n > bestLines) {
      best = d;
      bestLines = n;
    }
  }
  return best;
}

/**
 * At most how many cells a text has (one per line, one more per delimiter, quoted or not), and
 * the first line longer than 1 MiB in UTF-16 code units (0 when none is). Counted before
 * parsing, so that a file of millions of cells, or one huge cell, is refused before anything
 * is built from it.
 */
export function cellBound(text: string, d: string): { cells: number; line: number; longLine: number } {
  let cells = 1;
  let line = 1;
  let lineStart = 0;
  let longLine = 0;
  const delimiter = d.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      if (longLine === 0 && i - lineStart > MAX_RECORD_BYTES) longLine = line;
      cells++;
      line++;
      lineStart = i + 1;
    } else if (c === delimiter) cells++;
  }
  if (longLine === 0 && text.length - lineStart > MAX_RECORD_BYTES) longLine = line;
  return { cells, line, longLine };
}

/** Line ends inside a cell (a quoted line break), CRLF counting once. */
function lineEnds(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  for (let i = cell.indexOf('\r'); i >= 0; i = cell.indexOf('\r', i + 1)) if (cell[i + 1] !== '\n') n++;
  return n;
}

/**
 * Parses CSV text into a grid. Records may have different numbers of cells (a file holds
 * several tables); quotes inside an unquoted cell are kept as text (`配合"双随机"检查`). Refused,
 * with the line: a quoted cell that is never closed, a record of more than 1 MiB, a text that
 * may hold more than `maxCells` cells (counted before parsing: lines and delimiters).
 */
export function csvGrid(text: string, file: string | undefined, maxCells: number): Grid | ImportFailure {
  const d = detectDelimiter(text);
  const at = (line: number | undefined): Location | undefined =>
    line === undefined
      ? file === undefined
        ? undefined
        : { file }
      : file === undefined
        ? { line }
        : { file, line };
  const bound = cellBound(text, d);
  if (bound.cells > maxCells) {
    return failure(
      `more than ${maxCells} cells (${bound.line} lines): more than a report's tables have; refused`,
      `单元格超过 ${maxCells} 个（共 ${bound.line} 行）：超出报告表格可能的大小，不予读取`,
      at(undefined),
    );
  }
  if (bound.longLine > 0) return tooLong(bound.longLine, at(bound.longLine));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: d,
      // Every line end, whichever comes first (csv-parse would otherwise keep the first kind
      // it meets and read a lone \n after \r\n lines as part of a cell).
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      max_record_size: MAX_RECORD_BYTES,
    }) as string[][];
  } catch (e) {
    const line = e instanceof CsvError && typeof e.lines === 'number' ? e.lines : undefined;
    if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') {
      return failure(
        `CSV syntax error: a quoted cell opened before line ${line ?? '?'} is never closed (a missing ")`,
        `CSV 格式错误：第 ${line ?? '?'} 行之前开始的带引号单元格没有结束（缺少一个 "）`,
        at(line),
      );
    }
    if (e instanceof CsvError && e.code === 'CSV_MAX_RECORD_SIZE') return tooLong(line, at(line));
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    return failure(`CSV syntax error: ${detail}`, `CSV 格式错误：${detail}`, at(line));
  }
  // Where each record starts: the line after the previous one's last line, which is its
  // first line plus the line breaks inside its quoted cells.
  const starts: number[] = [];
  let line = 1;
  for (const record of records) {
    starts.push(line);
    let inside = 0;
    for (const cell of record) inside += lineEnds(cell);
    line += inside + 1;
  }
  return lineGrid('csv', records, starts, file);
}

/** The failure of a row longer than {@link MAX_RECORD_BYTES}. */
function tooLong(line: number | undefined, at: Location | undefined): ImportFailure {
  return failure(
    `a row of more than 1 MiB (${MAX_RECORD_BYTES} bytes) from line ${line ?? '?'}, such as one huge cell or a quote never closed: not a table; refused`,
    `第 ${line ?? '?'} 行起有一行超过 1 MiB（${MAX_RECORD_BYTES} 字节），例如一个巨大的单元格或未结束的引号：不是表格，不予读取`,
    at,
  );
}
