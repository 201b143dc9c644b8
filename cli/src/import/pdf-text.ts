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
import { type Grid, lineGrid } from './grid.js';

/** Splits text into lines of tab-separated cells. A form feed (page break) is a blank line. */
export function textGrid(text: string, file: string | undefined): Grid {
  const lines = text.split(/\r\n|\n|\r/);
  const rows = lines.map((l) => l.replaceAll('\f', '').split('\t'));
  return lineGrid(
    'text',
    rows,
    rows.map((_, i) => i + 1),
    file,
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
