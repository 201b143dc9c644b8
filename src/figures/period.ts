/**
 * Dates and periods of target tables (绩效目标申报表): the 项目起止时间 / 实施期 printed as
 * `2023-01`, `2023.07`, `2023年4月`, and the dates of 时效 targets (`2025年12月`,
 * `2023.07-2024.01`, `2023年4月-2024年2月`, `12月底前`). Deadlines with 前/底 are read by
 * deadline.ts (`parseDeadline`); this module reads the dates and spans it does not, and turns
 * both into days to compare with a period.
 *
 * A day is an integer `y·10000 + m·100 + d` (2023-07-01 is 20230701): comparing two days is
 * comparing two integers, no Date object and no time zone.
 */
import { nameKey } from '../core/text.js';
import { parseDeadline } from './deadline.js';

/** A calendar date as printed: the day and even the month may be missing (`2025年`, `2025年12月`). */
export interface PrintedDate {
  /** The year printed, or null (`12月`). */
  readonly year: number | null;
  /** 1 to 12, or null for a year alone. */
  readonly month: number | null;
  /** The day, or null for a whole month. */
  readonly day: number | null;
}

/** The days a date, a span or a deadline allows: from `first` (null: any time before) to `last`. */
export interface DaySpan {
  /** First day allowed (`y·10000 + m·100 + d`), or null for a deadline ("by …"). */
  readonly first: number | null;
  /** Last day allowed. */
  readonly last: number;
}

/** What a time target prints: a deadline (`12月底前`), a date (`2025年12月`) or a span of two dates. */
export type TimeTarget =
  | { readonly kind: 'deadline'; readonly date: PrintedDate }
  | { readonly kind: 'date'; readonly date: PrintedDate }
  | { readonly kind: 'span'; readonly from: PrintedDate; readonly to: PrintedDate };

function daysIn(month: number, year: number | null): number {
  if (month === 2)
    return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(d: PrintedDate): boolean {
  if (d.year !== null && (d.year < 1900 || d.year > 2199)) return false;
  if (d.month === null) return d.day === null && d.year !== null;
  if (d.month < 1 || d.month > 12) return false;
  return d.day === null || (d.day >= 1 && d.day <= daysIn(d.month, d.year));
}

const ISO = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?日?$/u;
const CN = /^(?:(\d{4})年)?(?:(\d{1,2})月份?(?:(\d{1,2})[日号])?)?(?:底|末)?$/u;

/**
 * Reads one date as printed: `2023-07`, `2023.07.15`, `2023/7`, `2023年4月`, `2023年4月30日`,
 * `4月`, `2025年` (width and script normalised first). Null when the text is no date.
 *
 * @example
 * ```ts
 * readDate('2023.07');   // { year: 2023, month: 7, day: null }
 * readDate('2023年4月'); // { year: 2023, month: 4, day: null }
 * readDate('12月');      // { year: null, month: 12, day: null }
 * ```
 */
export function readDate(text: string): PrintedDate | null {
  const s = nameKey(text);
  const iso = ISO.exec(s);
  if (iso !== null) {
    const d = {
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: iso[3] === undefined ? null : Number(iso[3]),
    };
    return valid(d) ? d : null;
  }
  const cn = CN.exec(s);
  if (cn !== null && (cn[1] !== undefined || cn[2] !== undefined)) {
    const d = {
      year: cn[1] === undefined ? null : Number(cn[1]),
      month: cn[2] === undefined ? null : Number(cn[2]),
      day: cn[3] === undefined ? null : Number(cn[3]),
    };
    return valid(d) ? d : null;
  }
  return null;
}

/** Separators of a span of two dates. */
const SPAN_SEPARATORS = ['至', '到', '~', '—', '-'];

/** Words of completion after a date (`2025年12月完成`, `2023.12.31前完成`), stripped from the end. */
const DONE_WORDS = [
  '全部',
  '完成',
  '完工',
  '竣工',
  '验收',
  '实施',
  '结束',
  '到位',
  '发放',
  '拨付',
  '支付',
  '之前',
  '以前',
  '前',
];

/** The text without the words of completion at its end (one pass per word stripped). */
function stripDone(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of DONE_WORDS) {
      if (out.length > w.length && out.endsWith(w)) {
        out = out.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Reads the date of a 时效 target: a deadline (`12月底前`, `2023年12月31日前`, `年底前`, via
 * `parseDeadline`), one date (`2025年12月`, `2023.12.31完成`) or a span (`2023.07-2024.01`,
 * `2023年4月-2024年2月`, `2023年1月至12月`). Null when the target prints no date (`及时`,
 * `100%`, `3个月`).
 *
 * @example
 * ```ts
 * readTimeTarget('2023.07-2024.01'); // { kind: 'span', from: { year: 2023, month: 7, … }, to: { year: 2024, month: 1, … } }
 * readTimeTarget('2025年12月');      // { kind: 'date', date: { year: 2025, month: 12, day: null } }
 * ```
 */
export function readTimeTarget(text: string): TimeTarget | null {
  const s = nameKey(text);
  if (s === '' || s.length > 40) return null;
  const deadline = parseDeadline(s);
  if (deadline !== null) {
    return { kind: 'deadline', date: { year: deadline.year, month: deadline.month, day: deadline.day } };
  }
  const bare = stripDone(s);
  const one = readDate(bare);
  if (one !== null) return { kind: 'date', date: one };
  for (const sep of SPAN_SEPARATORS) {
    const at = bare.indexOf(sep, 1);
    if (at < 0) continue;
    const from = readDate(bare.slice(0, at));
    let to = readDate(bare.slice(at + sep.length));
    if (from === null || to === null) continue;
    // 2023年1月至12月: the second date takes the first one's year.
    if (to.year === null) to = { ...to, year: from.year };
    return { kind: 'span', from, to };
  }
  return null;
}

/** The first and last day a printed date stands for; a missing year is `year`. */
export function daysOf(d: PrintedDate, year: number | null): { first: number; last: number } | null {
  const y = d.year ?? year;
  if (y === null) return null;
  if (d.month === null) return { first: y * 10000 + 101, last: y * 10000 + 1231 };
  const first = y * 10000 + d.month * 100 + (d.day ?? 1);
  const last = y * 10000 + d.month * 100 + (d.day ?? daysIn(d.month, y));
  return { first, last };
}

/** The days a time target allows, a missing year read as `year`; null when no year is known. */
export function spanOf(t: TimeTarget, year: number | null): DaySpan | null {
  if (t.kind === 'deadline') {
    const d = daysOf(t.date, year);
    return d === null ? null : { first: null, last: d.last };
  }
  if (t.kind === 'date') return daysOf(t.date, year);
  const from = daysOf(t.from, year);
  const to = daysOf(t.to, t.from.year ?? year);
  return from === null || to === null ? null : { first: from.first, last: to.last };
}

/** A day printed back as `2023-07-01`. */
export function formatDay(day: number): string {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
