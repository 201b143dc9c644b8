/**
 * Deadlines (完成时限) as targets, and dates as actuals: `9月前`, `2023年12月底前`, `年底前`,
 * `6月30日前` against `2023年10月`, `10月完成`, `2023-09-30` or `按期完成`.
 *
 * Real tables print them under 时效指标 (完成及时性, 项目完成时间): Hebei and Hunan project tables
 * print `9月前`, `11月前`, `年底前`; Sichuan ones `2023年12月底前` (see docs/conventions.md §5).
 */
import { nameKey } from '../core/text.js';

/**
 * A deadline read from a target cell. The last day allowed is `day` of `month` (of `year`),
 * or the month's last day when `day` is null.
 */
export interface Deadline {
  /** The year printed (`2023年12月底前`), or null (`年底前`, `9月前`). */
  readonly year: number | null;
  /** The month, 1 to 12 (`年底前` is 12). */
  readonly month: number;
  /** The day printed (`6月30日前`: 30), or null for the end of the month. */
  readonly day: number | null;
  /**
   * True for a bare month before 前 (`9月前`): read as "by the end of September" in most
   * tables and as "before September" by the letter. A date inside that month satisfies one
   * reading and not the other: needs judgement.
   */
  readonly monthExclusive: boolean;
}

/** Most characters of the words after a deadline (完成, 全部完成并验收 …): longer text is prose. */
const MAX_DONE_WORDS = 16;

const CN_DEADLINE =
  /^(?:于|在|截至|截止|截止到|截至到)?(?:(\d{4})年)?(?:(\d{1,2})月份?(?:(\d{1,2})[日号])?(底|末)?|(年底|年末|年内))(之前|以前|前)?(.*)$/u;
const ISO_DEADLINE = /^(?:于|在|截至|截止)?(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?(之前|以前|前)(.*)$/u;

function daysIn(month: number, year: number | null): number {
  if (month === 2)
    return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDate(year: number | null, month: number, day: number | null): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  return day === null || (day >= 1 && day <= daysIn(month, year));
}

/**
 * Reads a deadline target (internal): a date with 前 (`9月前`, `6月30日前`, `2023年12月底前`,
 * `2023-12-31前`), 底/末 (`12月底`), 年底/年末/年内, or a date followed by a word of completion
 * (`12月31日前完成`, `10月完成`). Text that is none of these is null (not a deadline).
 */
export function parseDeadline(text: string): Deadline | null {
  const key = nameKey(text);
  // 2023年底前: the year's own 年 is also the 年 of 年底.
  const s = /^\d{4}年[底末内]/u.test(key) ? `${key.slice(0, 5)}年${key.slice(5)}` : key;
  const cn = CN_DEADLINE.exec(s);
  if (cn !== null) {
    const [, y, m, d, end, yearEnd, before, rest = ''] = cn;
    if (/\d/.test(rest) || rest.length > MAX_DONE_WORDS) return null;
    // A month alone is a deadline only with 前, 底/末 or a word of completion (`10月完成`).
    if (yearEnd === undefined && before === undefined && end === undefined && rest === '') return null;
    const year = y === undefined ? null : Number(y);
    const month = yearEnd !== undefined ? 12 : Number(m);
    const day = d === undefined ? null : Number(d);
    if (!validDate(year, month, day)) return null;
    const monthExclusive = yearEnd === undefined && day === null && end === undefined && before !== undefined;
    return { year, month, day, monthExclusive };
  }
  const iso = ISO_DEADLINE.exec(s);
  if (iso !== null) {
    const [, y, m, d, , rest = ''] = iso;
    if (/\d/.test(rest) || rest.length > MAX_DONE_WORDS) return null;
    const year = Number(y);
    const month = Number(m);
    const day = d === undefined ? null : Number(d);
    if (!validDate(year, month, day)) return null;
    return { year, month, day, monthExclusive: false };
  }
  return null;
}

/** The days an actual date may stand for: `2023年10月` is 10-01 … 10-31 (a day as y·10000+m·100+d). */
interface DateSpan {
  readonly year: number | null;
  readonly month: number;
  /** First and last day of the month the actual allows; `first` 0 when it is a bound (`9月底前完成`). */
  readonly first: number;
  readonly last: number;
  /** The actual prints 前 (`9月底前完成`): it was done by `last`, maybe much earlier. */
  readonly byOnly: boolean;
}

const CN_ACTUAL =
  /^(?:于|在|已于|已在|已经于)?(?:(\d{4})年)?(\d{1,2})月份?(?:(\d{1,2})[日号])?([底末初]|上旬|中旬|下旬)?(之前|以前|前)?(.*)$/u;
const ISO_ACTUAL = /^(?:于|在|已于)?(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?日?(之前|以前|前)?(.*)$/u;

/** Reads a date in an actual cell (internal), or null when it prints none. */
function readActualDate(text: string): { span: DateSpan; rest: string } | null {
  const s = nameKey(text);
  const cn = CN_ACTUAL.exec(s) ?? null;
  const iso = cn === null ? ISO_ACTUAL.exec(s) : null;
  let year: number | null;
  let month: number;
  let day: number | null;
  let part: string | undefined;
  let before: string | undefined;
  let rest: string;
  if (cn !== null) {
    year = cn[1] === undefined ? null : Number(cn[1]);
    month = Number(cn[2]);
    day = cn[3] === undefined ? null : Number(cn[3]);
    part = cn[4];
    before = cn[5];
    rest = cn[6] ?? '';
  } else if (iso !== null) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = iso[3] === undefined ? null : Number(iso[3]);
    before = iso[4];
    rest = iso[5] ?? '';
  } else return null;
  if (/\d/.test(rest) || !validDate(year, month, day)) return null;
  const end = daysIn(month, year);
  let first = day ?? 1;
  let last = day ?? end;
  if (day === null && part !== undefined) {
    if (part === '初' || part === '上旬') [first, last] = [1, 10];
    else if (part === '中旬') [first, last] = [11, 20];
    else [first, last] = [21, end];
  }
  return { span: { year, month, first, last, byOnly: before !== undefined }, rest };
}

/** Words of an actual cell that say the deadline was missed (checked before the others). */
const MISSED = ['未', '没有', '没', '尚未', '延期', '逾期', '推迟', '滞后', '延后', '超期', '拖延', '否'];
/** Words that say the work is only partly done: needs judgement. */
const PARTIAL = ['部分', '基本', '大部分', '正在', '进行中', '推进中', '开展中', '实施中'];
/** Words that say the deadline was kept. */
const KEPT = [
  '按期',
  '如期',
  '按时',
  '准时',
  '提前',
  '完成',
  '完工',
  '竣工',
  '达成',
  '实现',
  '到位',
  '已',
  '是',
];

/** How an actual cell meets a deadline (internal), with the reason for a judgement. */
export type DeadlineOutcome =
  | { readonly status: 'met' }
  | { readonly status: 'not-met' }
  | { readonly status: 'needs-judgement'; readonly reason: 'ambiguous-month' | 'no-date' | 'numeric' };

/**
 * Compares an actual cell with a deadline (internal).
 *
 * A date (`2023年10月`, `10月完成`, `2023-09-30`, `9月下旬`) stands for the days it allows;
 * the deadline is met when every one of them is on or before the last day allowed, not met
 * when every one is after it, and needs judgement otherwise (`6月` against `6月15日前`). A
 * `9月前` deadline is read both ways ("by the end of September", "before September"): a date
 * in September needs judgement. Years: both printed, they are compared; one missing, it is
 * `year` (the report's year) when given, else the other side's year (month and day compared
 * only). Words: 未完成/延期/逾期 … not met (a date printed beside them too), 部分/基本完成 …
 * needs judgement, 按期完成/已完成/如期完成 … met; anything else needs judgement.
 */
export function meetsDeadline(deadline: Deadline, actualText: string, year: number | null): DeadlineOutcome {
  const key = nameKey(actualText);
  if (MISSED.some((w) => key.includes(w))) return { status: 'not-met' };
  const date = readActualDate(actualText);
  if (date !== null) {
    if (PARTIAL.some((w) => date.rest.includes(w))) return { status: 'needs-judgement', reason: 'no-date' };
    const dy = deadline.year ?? year ?? date.span.year;
    const ay = date.span.year ?? year ?? deadline.year;
    const at = (y: number | null, m: number, d: number): number => (y ?? 0) * 10000 + m * 100 + d;
    const lastAllowed = at(dy, deadline.month, deadline.day ?? daysIn(deadline.month, dy));
    const strictAllowed = deadline.monthExclusive
      ? deadline.month === 1
        ? at(dy === null ? null : dy - 1, 12, 31)
        : at(dy, deadline.month - 1, daysIn(deadline.month - 1, dy))
      : lastAllowed;
    const first = date.span.byOnly ? Number.NEGATIVE_INFINITY : at(ay, date.span.month, date.span.first);
    const last = at(ay, date.span.month, date.span.last);
    if (last <= strictAllowed) return { status: 'met' };
    if (first > lastAllowed) return { status: 'not-met' };
    return {
      status: 'needs-judgement',
      reason: deadline.monthExclusive && first > strictAllowed ? 'ambiguous-month' : 'no-date',
    };
  }
  if (PARTIAL.some((w) => key.includes(w))) return { status: 'needs-judgement', reason: 'no-date' };
  if (/\d/.test(key)) return { status: 'needs-judgement', reason: 'numeric' };
  if (KEPT.some((w) => key.includes(w))) return { status: 'met' };
  return { status: 'needs-judgement', reason: 'no-date' };
}

/** A deadline printed back (`2023年12月底前`, `9月前`, `6月30日前`) for messages (internal). */
export function formatDeadline(d: Deadline): string {
  const y = d.year === null ? '' : `${d.year}年`;
  if (d.day !== null) return `${y}${d.month}月${d.day}日前`;
  return d.monthExclusive ? `${y}${d.month}月前` : `${y}${d.month}月底前`;
}
