/**
 * Mid-year monitoring tables (绩效运行监控表, 项目支出绩效监控情况表, 部门整体绩效监控表; English
 * mid-year and quarterly performance reports): the period their figures cover, read from a
 * header (`1-6月执行数`, `截至6月底执行数`, `上半年完成值`) or a title (`截至2023年6月30日`), and
 * the marks of a 完成目标可能性 block printed as one column per answer (确定能 | 有可能 | 完全不可能,
 * the chosen one marked ✓).
 *
 * The report JSON of a monitoring table is DESIGN §3's `kind: "monitoring"` with
 * `period: { months }` or `period: { through: "YYYY-MM-DD" }`.
 *
 * @internal
 */
import { normalizeWidth, toSimplified } from 'outturn';
import type { Meta } from './facts.js';
import type { Header } from './header-row.js';
import type { Reader } from './reader.js';
import { item } from './types.js';

/** The period a monitoring table's figures cover: months since the fiscal year began, or a date. */
export type Period = { readonly months: number } | { readonly through: string };

/** A period phrase found in a text: the period, and the text without the phrase. */
export interface PeriodPhrase {
  readonly period: Period;
  /** The normalised text (full-width forms folded, simplified script, no spaces) without the phrase. */
  readonly rest: string;
}

/** `截至2023年6月30日` (through a date). */
const THROUGH_DATE = /(?:截至|截止|截止到|截至到)(\d{4})年(\d{1,2})月(\d{1,2})日/;
/**
 * `截至6月底`, `截至2023年6月末`, `截至6月`, `截至6月30日` (a month's last day, no year): the months since
 * January.
 */
const THROUGH_MONTH = /(?:截至|截止|截止到|截至到)(?:\d{4}年)?(\d{1,2})月(?:(\d{1,2})日|[底末份])?/;
/** The last day of each month (February: 28 or 29, either ends it). */
const MONTH_END = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** `1-6月`, `1—6月`, `1至6月`, `1月-6月`, `1~6月`. */
const MONTH_RANGE = /(?<!\d)(\d{1,2})月?[-－—–~～至到](\d{1,2})月份?/;
/** Phrases of a fraction of the year: 上半年 and 半年度 (6), 前三季度 (9), 一季度 (3). */
const NAMED: readonly (readonly [RegExp, number])[] = [
  [/前三季度|1-3季度/, 9],
  [/上半年度?|半年度|半年/, 6],
  [/第?一季度/, 3],
  [/firsthalf|halfyear|midyear|\bh1\b/, 6],
  [/firstthreequarters/, 9],
];

/** Width, script and spaces folded, for matching. */
function fold(text: string): string {
  return toSimplified(normalizeWidth(text)).replace(/\s+/g, '');
}

/** Whether `y-m-d` is a calendar date. */
function isDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/**
 * The period a header or title names, or null: `1-6月`, `1—6月`, `1至6月`, `截至6月底`, `上半年`
 * (months 6), `前三季度` (9), `截至2023年6月30日` (through 2023-06-30). A range that does not start
 * in month 1 (`4-6月`, one quarter) is not a period since the year began: null.
 *
 * @example
 * ```ts
 * periodOf('1-6月执行数');        // { period: { months: 6 }, rest: '执行数' }
 * periodOf('截至2023年6月30日');  // { period: { through: '2023-06-30' }, rest: '' }
 * ```
 */
export function periodOf(text: string): PeriodPhrase | null {
  const s = fold(text);
  const date = THROUGH_DATE.exec(s);
  if (date !== null) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!isDate(y, m, d)) return null;
    const through = `${date[1]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { period: { through }, rest: s.replace(date[0], '') };
  }
  const month = THROUGH_MONTH.exec(s);
  if (month !== null) {
    const n = Number(month[1]);
    if (n < 1 || n > 12) return null;
    // A day without a year: a period of whole months only when it is the month's last day.
    const day = month[2] === undefined ? null : Number(month[2]);
    if (day !== null && day !== MONTH_END[n - 1] && !(n === 2 && day === 28)) return null;
    return { period: { months: n }, rest: s.replace(month[0], '') };
  }
  const range = MONTH_RANGE.exec(s);
  if (range !== null) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return from === 1 && to >= 1 && to <= 12
      ? { period: { months: to }, rest: s.replace(range[0], '') }
      : null;
  }
  const lower = s.toLowerCase().replace(/[-']/g, '');
  for (const [pattern, months] of NAMED) {
    const m = pattern.exec(lower);
    if (m !== null) return { period: { months }, rest: lower.replace(m[0], '') };
  }
  return null;
}

/**
 * Words of a monitoring table's title or caption: 监控 (运行监控, 绩效监控), mid-year or half-year. A
 * quarterly report is not one by its title: Uganda's fourth-quarter report is the year's outturn.
 */
const MONITORING_TITLE = /监控|mid-?year|half-?year/i;

/** Whether a title or caption names a monitoring table. */
export function isMonitoringTitle(text: string): boolean {
  return MONITORING_TITLE.test(toSimplified(normalizeWidth(text)));
}

/**
 * A title or caption: 监控 in it makes the report a monitoring table, and the period it names
 * (`2023年1-6月`, `截至2023年6月30日`) is the report's when it has none (given only for a
 * monitoring table).
 */
export function readMonitoringTitle(meta: Meta, text: string): void {
  if (isMonitoringTitle(text)) meta.monitoring = true;
  const found = periodOf(text);
  if (found !== null) recordPeriod(meta, found.period);
}

/** The fields only monitoring tables have. */
const MONITORING_FIELDS: ReadonlySet<string> = new Set([
  'periodActual',
  'expectedActual',
  'periodRate',
  'timeProgress',
  'likelihood',
  'likelihoodOption',
]);

/**
 * After a header is found: a header with a monitoring column (1-6月执行数, 全年预计执行数, 序时进度,
 * 完成目标可能性 …) makes the report a monitoring table, and the period its headers name is the
 * report's (the first one found; another one is noted).
 */
export function readMonitoringHeader(reader: Reader, h: Header): void {
  const { sheet, meta, log } = reader;
  if (!h.columns.some((c) => c.field !== null && MONITORING_FIELDS.has(c.field))) return;
  meta.monitoring = true;
  for (const col of h.columns) {
    if (col.field === null || !MONITORING_FIELDS.has(col.field)) continue;
    for (let r = h.first; r <= h.last; r++) {
      const text = sheet.headerText(r, col.index);
      const found = text === '' ? null : periodOf(text);
      if (found === null) continue;
      // `2023年1-6月执行数`, `截至2023年6月30日执行数`: the year of the figures.
      const year = /(\d{4})年/.exec(normalizeWidth(text));
      if (meta.year === undefined && year?.[1] !== undefined) meta.year = Number(year[1]);
      const problem = recordPeriod(meta, found.period);
      if (problem !== null) {
        log.notes.push(
          item(sheet.grid.locate(r, col.index), text, {
            en: `this header names another period (${describe(found.period)}) than the report's (${problem}): the report's is kept`,
            zh: `此表头的期间（${describe(found.period)}）与报告的期间（${problem}）不同：保留后者`,
          }),
        );
      }
    }
  }
}

/** Records a period in `meta` when it has none; when it has another, returns the one it has. */
export function recordPeriod(meta: Meta, period: Period): string | null {
  if (meta.period === undefined) {
    meta.period = period;
    return null;
  }
  return JSON.stringify(meta.period) === JSON.stringify(period) ? null : describe(meta.period);
}

function describe(period: Period): string {
  return 'months' in period ? `months ${period.months}` : `through ${period.through}`;
}

/** A mark that chooses one answer of a 完成目标可能性 block: ✓ √ ✔ ☑ ○ ● ◎ ★ v V. */
const MARK = /^[✓√✔☑○●◎★☆v是]$/i;

/** Whether a cell of an answer column is a mark. */
export function isMark(text: string): boolean {
  return MARK.test(normalizeWidth(text).trim());
}
