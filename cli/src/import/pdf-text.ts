/**
 * The text that PDF extraction gives for a published report: prose, section titles such as
 * 七、预算信息, and tables whose cells are separated by tabs, with long cells wrapped onto
 * later lines and page breaks (blank lines, form feeds) in the middle of tables. This module
 * turns the text into a grid of lines and finds the staffing sentence in the prose; the table
 * reader does the rest, as for any grid (titles and section titles: lines.ts).
 *
 * @internal
 */
import { normalizeWidth } from 'outturn';
import { cellBound, MAX_RECORD_BYTES } from './csv.js';
import { type Grid, lineGrid } from './grid.js';
import { failure, type ImportFailure } from './types.js';

/**
 * Splits text into lines of tab-separated cells (its line ends normalised first: detect.ts
 * `normalizeLineEnds`, so a form feed left in a line is removed here). Refused, with the line:
 * a line of more than 1 MiB, more than `maxCells` cells (a line counts at least one).
 */
export function textGrid(text: string, file: string | undefined, maxCells: number): Grid | ImportFailure {
  const bound = cellBound(text, '\t');
  if (bound.cells > maxCells) {
    return failure(
      `more than ${maxCells} cells (${bound.line} lines): more than a report's tables have; refused`,
      `单元格超过 ${maxCells} 个（共 ${bound.line} 行）：超出报告表格可能的大小，不予读取`,
      file === undefined ? undefined : { file },
    );
  }
  if (bound.longLine > 0) return lineTooLong(bound.longLine, file);
  const rows: string[][] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let cells = 0;
  const at = (line: number) => (file === undefined ? { line } : { file, line });
  for (;;) {
    const m = re.exec(text);
    const end = m === null ? text.length : m.index;
    const line = rows.length + 1;
    if (end - start > MAX_RECORD_BYTES / 4 && Buffer.byteLength(text.slice(start, end)) > MAX_RECORD_BYTES) {
      return lineTooLong(line, file);
    }
    const row = text.slice(start, end).replaceAll('\f', '').split('\t');
    cells += row.length;
    if (cells > maxCells) {
      return failure(
        `more than ${maxCells} cells (at line ${line}): more than a report's tables have; refused`,
        `单元格超过 ${maxCells} 个（至第 ${line} 行）：超出报告表格可能的大小，不予读取`,
        at(line),
      );
    }
    rows.push(row);
    if (m === null) break;
    start = m.index + m[0].length;
  }
  return lineGrid(
    'text',
    rows,
    rows.map((_, i) => i + 1),
    file,
  );
}

/** The failure of a line longer than 1 MiB. */
function lineTooLong(line: number, file: string | undefined): ImportFailure {
  return failure(
    `line ${line} is longer than 1 MiB (${MAX_RECORD_BYTES} bytes): not a line of a table; refused`,
    `第 ${line} 行超过 1 MiB（${MAX_RECORD_BYTES} 字节）：不是表格中的一行，不予读取`,
    file === undefined ? { line } : { file, line },
  );
}

/** Staff numbers stated in a sentence of the report. */
export interface StaffingSentence {
  readonly authorized: string;
  readonly actual: string;
  readonly sentence: string;
  /** 0-based line of the sentence. */
  readonly line: number;
}

const AUTHORIZED = /编制(?:数|人数)?\s*(?:[为是共:]\s*)?(\d+)\s*[名人个]/;
const ACTUAL = /(?:实际|实有|在职)[^\d。;]*(\d+)\s*(?:名|人)/;

/**
 * Finds the staffing sentence: a sentence (ending in 。) that states 编制 N 名 and then an
 * actual number (实际…/实有…/在职… M 名/人). `全额事业编制 14 名；实际用编人数全额事业人数 10 名。`
 * gives authorized 14 and actual 10.
 */
export function findStaffing(lines: readonly string[]): StaffingSentence | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.includes('\t') || !line.includes('编制')) continue;
    for (const sentence of line.split(/(?<=。)/)) {
      const s = normalizeWidth(sentence);
      const a = AUTHORIZED.exec(s);
      if (a?.[1] === undefined) continue;
      const rest = s.slice(a.index + a[0].length);
      const b = ACTUAL.exec(rest);
      if (b?.[1] === undefined) continue;
      return { authorized: a[1], actual: b[1], sentence: sentence.trim(), line: i };
    }
  }
  return null;
}
