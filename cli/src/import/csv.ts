/**
 * CSV (and semicolon- or tab-separated) text to a grid, with csv-parse.
 *
 * @internal
 */
import { CsvError, parse } from 'csv-parse/sync';
import { type Grid, lineGrid } from './grid.js';
import { failure, type ImportFailure } from './types.js';

/** Field delimiters tried, in order of preference on a tie. */
const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** Counts a character outside double quotes in one line (quotes toggled naively). */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

/**
 * The delimiter of a CSV text: the one of `,` `;` tab that occurs (outside quotes) on the
 * most of the first 100 non-empty lines; `,` when none does.
 */
function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 100);
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

interface Info {
  readonly lines: number;
}

/**
 * Parses CSV text into a grid. Records may have different numbers of cells (a file holds
 * several tables); quotes inside an unquoted cell are kept as text (`配合"双随机"检查`). A quoted
 * cell that is never closed is an error with its line.
 */
export function csvGrid(text: string, file: string | undefined): Grid | ImportFailure {
  const d = detectDelimiter(text);
  let records: { record: string[]; info: Info }[];
  try {
    records = parse(text, {
      delimiter: d,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      info: true,
    }) as unknown as { record: string[]; info: Info }[];
  } catch (e) {
    const line = e instanceof CsvError && typeof e.lines === 'number' ? e.lines : undefined;
    const at = line === undefined ? undefined : file === undefined ? { line } : { file, line };
    if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') {
      return failure(
        `CSV syntax error: a quoted cell opened before line ${line ?? '?'} is never closed (a missing ")`,
        `CSV 格式错误：第 ${line ?? '?'} 行之前开始的带引号单元格没有结束（缺少一个 "）`,
        at,
      );
    }
    const detail = e instanceof Error ? e.message : String(e);
    return failure(`CSV syntax error: ${detail}`, `CSV 格式错误：${detail}`, at);
  }
  const rows: string[][] = [];
  const starts: number[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    rows.push(record);
    starts.push(previousEnd + 1);
    previousEnd = info.lines;
  }
  return lineGrid('csv', rows, starts, file);
}
