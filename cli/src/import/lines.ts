/**
 * What a line of text says, for the rows of one cell that stand between tables in every
 * format: a section title (`七、预算信息`, `（二）过程`), a report title (`…绩效自评报告`), a line
 * in parentheses that continues a title (`（2023 年度）`), and the year and kind of report a
 * title names. Each line is width-normalised once ({@link lineOf}); the tests read that form.
 *
 * @internal
 */
import { normalizeWidth, toSimplified } from 'outturn';

/** A one-cell row's text, trimmed, with its width-normalised form. */
export interface Line {
  /** The text as in the input, trimmed. */
  readonly text: string;
  /** `normalizeWidth(text)`, trimmed: full-width forms, dashes and spaces made plain. */
  readonly wide: string;
}

/** The line of a (trimmed) cell text. */
export function lineOf(text: string): Line {
  return { text, wide: normalizeWidth(text).trim() };
}

/** Chinese numerals of section numbers. */
const CN_NUM = '[一二三四五六七八九十]+';
const TOP_NUMBERED = new RegExp(`^${CN_NUM}[、.]`);
const PART = new RegExp(`^第${CN_NUM}[部章节]`);
const SUB_NUMBERED = new RegExp(`^\\(${CN_NUM}\\)`);

/**
 * A section title line: `七、预算信息`, `（二）过程`, `第三部分 …`: short and numbered with
 * Chinese numerals. Long numbered lines are prose (`（一）坚持党建引领……`).
 */
export function isSectionTitle(line: Line): boolean {
  const s = line.wide;
  if (s === '' || [...s].length > 30) return false;
  return isTopSectionTitle(line) || SUB_NUMBERED.test(s);
}

/**
 * A top-level section title (`七、预算信息`, `第三部分`): it ends a table. `（一）…` lines are
 * not, as tables use them as group headings.
 */
export function isTopSectionTitle(line: Line): boolean {
  const s = line.wide;
  if (s === '' || [...s].length > 30) return false;
  return TOP_NUMBERED.test(s) || PART.test(s);
}

/** True for a line that reads as a report title (报告, 自评表, 评价表 …). */
export function isTitleLine(line: Line): boolean {
  const s = line.text;
  if (s === '' || s.includes('\t') || [...s].length > 80 || isSectionTitle(line)) return false;
  // Either script: the Yunnan forms print 項目支出績效自評表.
  return /报告|自评表|评价表|绩效|report|statement|self-evaluation/i.test(toSimplified(s));
}

/** True for a line wholly in parentheses, such as `（2023 年度）`, that continues a title. */
export function isParenthesisedLine(line: Line): boolean {
  return /^\([^()]{1,30}\)$/.test(line.wide);
}

/** The year a width-normalised title names (`(2023 年度)` → 2023), or null. */
export function yearOf(wide: string): number | null {
  const m = /((?:19|20|21)\d{2})\s*年/.exec(wide);
  if (m?.[1] !== undefined) return Number(m[1]);
  return financialYearOf(wide);
}

/**
 * The year an English title's financial year ends in (`FY 2017/18` → 2018, `2018–2019 Annual
 * Report` → 2019, `Annual Report 2021/22` → 2022): budgets that do not follow the calendar year
 * are named by the two years they span, and their figures are those of the year's end (as the
 * report JSON's `year` of such tables). Only two consecutive years are read, so a range of
 * years (`2019–2023 Strategic Plan`) names none.
 */
function financialYearOf(wide: string): number | null {
  for (const m of wide.matchAll(/\b((?:19|20|21)\d{2})\s*[/–—-]\s*(\d{4}|\d{2})\b/g)) {
    const first = Number(m[1]);
    const second = m[2] as string;
    const end = second.length === 4 ? Number(second) : Math.floor(first / 100) * 100 + Number(second);
    if (end === first + 1) return end;
  }
  return null;
}

/** The kind of report a width-normalised title or section title names, or null. */
export function kindOf(text: string): 'department' | 'project' | null {
  const wide = toSimplified(text);
  if (/项目支出|项目绩效|项目自评|project/i.test(wide)) return 'project';
  if (/整体支出|部门整体|单位整体|department/i.test(wide)) return 'department';
  return null;
}
