/**
 * The text that PDF extraction gives for a published report: prose, section titles such as
 * 七、预算信息, and tables whose cells are separated by tabs, with long cells wrapped onto
 * later lines and page breaks (blank lines, form feeds) in the middle of tables. This module
 * turns the text into a grid of lines and reads the facts the prose states: the title, the
 * year, the kind of report and the staffing sentence.
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

/** Chinese numerals of section numbers. */
const CN_NUM = '[一二三四五六七八九十]+';

/**
 * A section title line: `七、预算信息`, `（二）过程`, `第三部分 …`: short and numbered with
 * Chinese numerals. Long numbered lines are prose (`（一）坚持党建引领……`).
 */
export function isSectionTitle(line: string): boolean {
  const s = normalizeWidth(line).trim();
  if (s === '' || s.includes('\t') || [...s].length > 30) return false;
  return isTopSectionTitle(s) || new RegExp(`^\\(${CN_NUM}\\)`).test(s);
}

/**
 * A top-level section title (`七、预算信息`, `第三部分`): it ends a table. `（一）…` lines are
 * not, as tables use them as group headings.
 */
export function isTopSectionTitle(line: string): boolean {
  const s = normalizeWidth(line).trim();
  if (s === '' || s.includes('\t') || [...s].length > 30) return false;
  return new RegExp(`^${CN_NUM}[、.]`).test(s) || new RegExp(`^第${CN_NUM}[部章节]`).test(s);
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

/** True for a line that reads as a report title (报告, 自评表, 评价表 …). */
export function isTitleLine(line: string): boolean {
  const s = line.trim();
  if (s === '' || s.includes('\t') || [...s].length > 80 || isSectionTitle(s)) return false;
  return /报告|自评表|评价表|绩效|report|statement|self-evaluation/i.test(s);
}

/** True for a line wholly in parentheses, such as `（2023 年度）`, that continues a title. */
export function isParenthesisedLine(line: string): boolean {
  const s = normalizeWidth(line).trim();
  return /^\([^()]{1,30}\)$/.test(s);
}

/** The year a title names (`（2023 年度）` → 2023), or null. */
export function yearOf(text: string): number | null {
  const m = /((?:19|20|21)\d{2})\s*年/.exec(normalizeWidth(text));
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** The kind of report a title or section title names, or null. */
export function kindOf(text: string): 'department' | 'project' | null {
  const s = normalizeWidth(text);
  if (/项目支出|项目绩效|项目自评|project/i.test(s)) return 'project';
  if (/整体支出|部门整体|单位整体|department/i.test(s)) return 'department';
  return null;
}
