/**
 * 序时进度 (time progress): the share of the fiscal year that has elapsed at the end of a
 * monitoring period, the yardstick of in-year monitoring (绩效运行监控, DESIGN §1).
 *
 * Dates are counted as whole days on the proleptic Gregorian calendar (no clock, no time zone):
 * a date is only a label of a day here, never a JS float figure.
 */
import {
  assertOneOf,
  assertOptions,
  describeType,
  describeValue,
  rejectArgument,
} from '../core/arguments.js';
import { dec, HUNDRED, type RoundingMode, toExact, toFixed } from '../core/decimal.js';
import type { Messages } from '../model/findings.js';
import type { MonitoringPeriod } from '../model/report.js';

/**
 * How 序时进度 is counted:
 * - `months` (default): whole months elapsed ÷ 12, the convention of the Chinese monitoring
 *   templates (1–6月 → 50%, 1–9月 → 75%);
 * - `days`: days elapsed (the last day included) ÷ days in the fiscal year (365 or 366).
 */
export type TimeProgressConvention = 'months' | 'days';

/** The conventions of {@link timeProgress}, default first. */
export const TIME_PROGRESS_CONVENTIONS: readonly TimeProgressConvention[] = ['months', 'days'];

/** Options of {@link timeProgress}. */
export interface TimeProgressOptions {
  /** `'months'` (default) or `'days'`. */
  readonly convention?: TimeProgressConvention;
  /**
   * First day of the fiscal year as `MM-DD`: `"01-01"` (default; China), `"04-01"` (India, the
   * UK, Japan, South Africa), `"07-01"` (Australia, Uganda), `"10-01"` (the US federal year).
   */
  readonly fiscalYearStart?: string;
  /**
   * The calendar year in which the fiscal year begins (2019 for 2019/20 starting 04-01). With
   * `{ through }` it fixes the fiscal year, so a date outside it is an error; without it the
   * fiscal year is the one that contains the date. `{ months }` under `'days'` needs it (the
   * length of February).
   */
  readonly year?: number;
  /** Decimals of `value` (default 2). */
  readonly decimals?: number;
  /** Rounding of `value` (default `'half-up'`). */
  readonly rounding?: RoundingMode;
}

/** Why there is no time progress. */
export type TimeProgressErrorCode =
  /** `months` is not an integer from 0 to 12, `through` not a date `YYYY-MM-DD`, or both/neither given. */
  | 'invalid-period'
  /** `fiscalYearStart` is not a day of the year `MM-DD` (02-29 is refused: it is not every year's). */
  | 'invalid-fiscal-year-start'
  /** `through` lies before the first or after the last day of the fiscal year of `year`. */
  | 'outside-fiscal-year'
  /** `{ months }` under the `days` convention without a `year`. */
  | 'year-required';

/** Result of {@link timeProgress}. */
export type TimeProgressResult =
  | {
      readonly ok: true;
      /** 序时进度 rounded as printed, e.g. `"50.00%"`. */
      readonly value: string;
      /** Exact value in percent, without `%`, e.g. `"50"`, `"49.58904109589041…"`. */
      readonly exact: string;
      readonly convention: TimeProgressConvention;
      /** Months (under `months`) or days (under `days`) elapsed. */
      readonly elapsed: number;
      /** 12, or the days of the fiscal year (365 or 366). */
      readonly total: number;
    }
  | {
      readonly ok: false;
      readonly code: TimeProgressErrorCode;
      /** Why, in en and zh-CN. */
      readonly message: Messages;
    };

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** `YYYY-MM-DD` as a real date, or null. */
function readDate(text: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** `MM-DD` as a month and day that exist every year (02-29 does not), or null. */
function readMonthDay(text: string): { readonly m: number; readonly d: number } | null {
  const match = /^(\d{2})-(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const m = Number(match[1]);
  const d = Number(match[2]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(2001, m)) return null;
  return { m, d };
}

/** The date `months` whole months after `start` (same day of month, which is ≤ 28 or exists). */
function addMonths(start: Ymd, months: number): Ymd {
  const index = start.m - 1 + months;
  const y = start.y + Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(start.d, daysInMonth(y, m)) };
}

const fail = (code: TimeProgressErrorCode, en: string, zh: string): TimeProgressResult => ({
  ok: false,
  code,
  message: { en, zh },
});

/** `months` as an integer 0–12 (a finite number or a string of digits), or null. */
function readMonths(raw: unknown): number | null {
  const n =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^\s*\d{1,2}\s*$/.test(raw)
        ? Number(raw)
        : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 12 ? n : null;
}

function checkOptions(options: unknown): asserts options is TimeProgressOptions | undefined {
  const fn = 'timeProgress';
  assertOptions(fn, 'options', options);
  if (options === undefined) return;
  if (options.convention !== undefined)
    assertOneOf(fn, 'options.convention', options.convention, TIME_PROGRESS_CONVENTIONS);
  if (options.fiscalYearStart !== undefined && typeof options.fiscalYearStart !== 'string')
    rejectArgument(fn, 'options.fiscalYearStart', 'a string "MM-DD"', describeType(options.fiscalYearStart));
  const y = options.year;
  if (y !== undefined && !(typeof y === 'number' && Number.isInteger(y) && y >= 1000 && y <= 9999))
    rejectArgument(fn, 'options.year', 'an integer from 1000 to 9999', describeValue(y));
  const d = options.decimals;
  if (d !== undefined && !(typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 20))
    rejectArgument(fn, 'options.decimals', 'an integer from 0 to 20', describeValue(d));
  if (options.rounding !== undefined)
    assertOneOf(fn, 'options.rounding', options.rounding, ['half-up', 'half-even', 'truncate']);
}

/**
 * 序时进度 (time progress) at the end of a monitoring period, in percent.
 *
 * - `months` (default): elapsed months ÷ 12 × 100. `{ months: N }` elapses N months
 *   (0 to 12); `{ through: date }` elapses the months completed by the end of that day (a date
 *   that is the day before a month boundary of the fiscal year completes that month:
 *   2019-06-30 → 6, 2019-06-29 → 5).
 * - `days`: elapsed days ÷ days of the fiscal year × 100, the last day included (2019-06-30 →
 *   181 / 365; 2020-06-30 → 182 / 366). `{ months: N }` elapses the days of its first N months.
 *
 * The fiscal year starts on `fiscalYearStart` (default `01-01`) of `year`; without `year`, it is
 * the fiscal year that contains `through`. The exact value is kept whole; `value` is rounded
 * once (2 decimals, half-up by default) with `%`.
 *
 * Bad data is a result, never a throw: a month count outside 0–12, a date that does not exist,
 * a date outside the fiscal year of `year` → `{ ok: false, code, message }`.
 *
 * @throws TypeError when `period` is not an object or an option has the wrong type.
 * @example
 * ```ts
 * timeProgress({ months: 6 });                   // { ok: true, value: '50.00%', exact: '50', convention: 'months', elapsed: 6, total: 12 }
 * timeProgress({ through: '2019-06-30' }, { convention: 'days' }); // value '49.59%' (181 / 365)
 * timeProgress({ through: '2019-09-30' }, { fiscalYearStart: '04-01' }); // value '50.00%' (6 of 12 months)
 * timeProgress({ months: 13 }).ok;                // false ('invalid-period')
 * ```
 */
export function timeProgress(period: MonitoringPeriod, options?: TimeProgressOptions): TimeProgressResult {
  if (typeof period !== 'object' || period === null || Array.isArray(period))
    rejectArgument('timeProgress', 'period', 'an object { months } or { through }', describeType(period));
  checkOptions(options);
  const convention = options?.convention ?? 'months';
  const decimals = options?.decimals ?? 2;
  const mode = options?.rounding ?? 'half-up';
  const startText = options?.fiscalYearStart ?? '01-01';
  const start = readMonthDay(startText);
  if (start === null) {
    return fail(
      'invalid-fiscal-year-start',
      `the fiscal year start ${describeValue(startText)} is not a day of the year "MM-DD" such as "04-01"`,
      `财政年度起始日 ${describeValue(startText)} 不是“MM-DD”形式的日期（如“04-01”）`,
    );
  }
  const hasMonths = Object.hasOwn(period, 'months') && (period as { months?: unknown }).months !== undefined;
  const hasThrough =
    Object.hasOwn(period, 'through') && (period as { through?: unknown }).through !== undefined;
  if (hasMonths === hasThrough) {
    return fail(
      'invalid-period',
      'a period is either { months: N } or { through: "YYYY-MM-DD" }',
      '报告期应为 { months: N } 或 { through: "YYYY-MM-DD" } 之一',
    );
  }

  let elapsedMonths: number;
  let fyStart: Ymd | null = null;
  let endDay: number | null = null;
  if (hasMonths) {
    const raw = (period as { months: unknown }).months;
    const n = readMonths(raw);
    if (n === null) {
      return fail(
        'invalid-period',
        `the number of months ${describeValue(raw)} is not a whole number from 0 to 12`,
        `月数 ${describeValue(raw)} 不是 0 至 12 的整数`,
      );
    }
    elapsedMonths = n;
    if (convention === 'days') {
      if (options?.year === undefined) {
        return fail(
          'year-required',
          'time progress in days over a number of months needs the year (the length of February)',
          '按天计算序时进度需要年度（二月的天数）',
        );
      }
      fyStart = { y: options.year, m: start.m, d: start.d };
      endDay = dayNumber(...ymd(addMonths(fyStart, n))) - 1;
    }
  } else {
    const raw = (period as { through: unknown }).through;
    const date = typeof raw === 'string' ? readDate(raw) : null;
    if (date === null) {
      return fail(
        'invalid-period',
        `${describeValue(raw)} is not a date "YYYY-MM-DD"`,
        `${describeValue(raw)} 不是“YYYY-MM-DD”形式的日期`,
      );
    }
    const day = dayNumber(date.y, date.m, date.d);
    if (options?.year !== undefined) {
      fyStart = { y: options.year, m: start.m, d: start.d };
    } else {
      // The fiscal year containing the date: it starts this calendar year or the one before.
      const thisYear = { y: date.y, m: start.m, d: start.d };
      fyStart = day >= dayNumber(...ymd(thisYear)) ? thisYear : { y: date.y - 1, m: start.m, d: start.d };
    }
    const first = dayNumber(...ymd(fyStart));
    const last = dayNumber(...ymd(addMonths(fyStart, 12))) - 1;
    if (day < first || day > last) {
      const span = `${show(fyStart)} – ${show(fromDay(last))}`;
      return fail(
        'outside-fiscal-year',
        `${raw as string} is outside the fiscal year ${span}`,
        `${raw as string} 不在财政年度 ${span} 之内`,
      );
    }
    endDay = day;
    // Months completed by the end of the day: the last month boundary on or before the next day.
    let n = 0;
    while (n < 12 && dayNumber(...ymd(addMonths(fyStart, n + 1))) <= day + 1) n += 1;
    elapsedMonths = n;
  }

  let elapsed: number;
  let total: number;
  if (convention === 'months') {
    elapsed = elapsedMonths;
    total = 12;
  } else {
    const s = fyStart as Ymd;
    const first = dayNumber(...ymd(s));
    total = dayNumber(...ymd(addMonths(s, 12))) - first;
    elapsed = (endDay as number) - first + 1;
  }
  const exact = dec(elapsed).times(HUNDRED).dividedBy(total);
  return {
    ok: true,
    value: `${toFixed(exact, decimals, mode)}%`,
    exact: toExact(exact),
    convention,
    elapsed,
    total,
  };
}

function ymd(x: Ymd): [number, number, number] {
  return [x.y, x.m, x.d];
}

/** The date of a day number (Hinnant's civil_from_days). */
function fromDay(z0: number): Ymd {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function show(x: Ymd): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${x.y}-${p(x.m)}-${p(x.d)}`;
}
