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

/** Thrown from csv-parse's record hook when the file has more cells than allowed. */
class TooManyCells extends Error {
  constructor(readonly line: number) {
    super('too many cells');
  }
}

/**
 * Parses CSV text into a grid. Records may have different numbers of cells (a file holds
 * several tables); quotes inside an unquoted cell are kept as text (`配合"双随机"检查`). Refused,
 * with the line: a quoted cell that is never closed, a record of more than 1 MiB, more than
 * `maxCells` cells (an empty record counts as one).
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
  const rows: string[][] = [];
  const starts: number[] = [];
  let previousEnd = 0;
  let cells = 0;
  try {
    parse(text, {
      delimiter: d,
      // Every line end, whichever comes first (csv-parse would otherwise keep the first kind
      // it meets and read a lone \n after \r\n lines as part of a cell).
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      max_record_size: MAX_RECORD_BYTES,
      on_record: (record: string[], info: { lines: number }) => {
        cells += Math.max(record.length, 1);
        if (cells > maxCells) throw new TooManyCells(info.lines);
        rows.push(record);
        starts.push(previousEnd + 1);
        previousEnd = info.lines;
        return null; // kept here, not in csv-parse's own list
      },
    });
  } catch (e) {
    if (e instanceof TooManyCells) {
      return failure(
        `more than ${maxCells} cells (at line ${e.line}): more than a report's tables have; refused`,
        `单元格超过 ${maxCells} 个（至第 ${e.line} 行）：超出报告表格可能的大小，不予读取`,
        at(e.line),
      );
    }
    const line = e instanceof CsvError && typeof e.lines === 'number' ? e.lines : undefined;
    if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') {
      return failure(
        `CSV syntax error: a quoted cell opened before line ${line ?? '?'} is never closed (a missing ")`,
        `CSV 格式错误：第 ${line ?? '?'} 行之前开始的带引号单元格没有结束（缺少一个 "）`,
        at(line),
      );
    }
    if (e instanceof CsvError && e.code === 'CSV_MAX_RECORD_SIZE') {
      return failure(
        `a row of more than 1 MiB (${MAX_RECORD_BYTES} bytes) from line ${line ?? '?'}, such as one huge cell or a quote never closed: not a table; refused`,
        `第 ${line ?? '?'} 行起有一行超过 1 MiB（${MAX_RECORD_BYTES} 字节），例如一个巨大的单元格或未结束的引号：不是表格，不予读取`,
        at(line),
      );
    }
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    return failure(`CSV syntax error: ${detail}`, `CSV 格式错误：${detail}`, at(line));
  }
  return lineGrid('csv', rows, starts, file);
}
