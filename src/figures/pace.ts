/**
 * Pace of budget execution against 序时进度 (DESIGN §1 "In-year monitoring"): the 1–N月执行率 of a
 * budget line, its ratio to the time progress, and the red/amber/green state of that ratio.
 */
import {
  assertCellOrNull,
  assertObject,
  assertOptions,
  describeType,
  describeValue,
  isPlainDecimal,
  rejectArgument,
} from '../core/arguments.js';
import { type Dec, dec, HUNDRED, toExact, toFixed } from '../core/decimal.js';
import { parseQuantity, quantityValue } from '../core/quantity.js';
import type { Messages } from '../model/findings.js';
import type { AmountUnit, Figure } from '../model/report.js';
import { amountUnitInfo, readAmount } from './budget.js';

/** Red, amber or green: spending well behind, somewhat behind, or keeping pace with the year. */
export type PaceState = 'red' | 'amber' | 'green';

/**
 * Thresholds of the state.
 *
 * - `basis: 'pace'`: on pace = 1–N月执行率 ÷ 序时进度 × 100; pace < `red` → red,
 *   `red` ≤ pace < `amber` → amber, pace ≥ `amber` → green.
 * - `basis: 'gap'`: on the gap in percentage points, 序时进度 − 1–N月执行率; gap > `red` → red,
 *   `amber` < gap ≤ `red` → amber, gap ≤ `amber` → green (a line ahead of time has a negative gap).
 *
 * `red` and `amber` are plain decimal strings.
 */
export interface PaceThresholds {
  readonly basis: 'pace' | 'gap';
  readonly red: string;
  readonly amber: string;
}

/**
 * Named thresholds. `provincial` (the default): pace below 60 red, 60 to under 80 amber, 80 and
 * above green, as a deployed provincial monitoring system colours its lines (DESIGN §1
 * "In-year monitoring"; docs/monitoring.md).
 */
export const PACE_THRESHOLDS = {
  provincial: { basis: 'pace', red: '60', amber: '80' },
} as const satisfies Readonly<Record<string, PaceThresholds>>;

/**
 * Checks a thresholds object (programmer error otherwise).
 *
 * @internal
 */
export function assertThresholds(fn: string, name: string, t: unknown): asserts t is PaceThresholds {
  assertObject(fn, name, t);
  if (t.basis !== 'pace' && t.basis !== 'gap')
    rejectArgument(fn, `${name}.basis`, '"pace" or "gap"', describeValue(t.basis));
  for (const k of ['red', 'amber'] as const) {
    const v = t[k];
    if (typeof v !== 'string' || !isPlainDecimal(v))
      rejectArgument(fn, `${name}.${k}`, 'a plain decimal string such as "60"', describeValue(v));
  }
  const red = dec(t.red as string);
  const amber = dec(t.amber as string);
  const ordered = t.basis === 'pace' ? red.lte(amber) : amber.lte(red);
  if (!ordered) {
    rejectArgument(
      fn,
      name,
      t.basis === 'pace' ? 'thresholds with red ≤ amber' : 'thresholds with amber ≤ red (gaps)',
      `red ${String(t.red)}, amber ${String(t.amber)}`,
    );
  }
}

/**
 * The state of a line (internal): `pace` and `gap` exact, in percent and percentage points.
 *
 * @internal
 */
export function paceState(pace: Dec, gap: Dec, t: PaceThresholds): PaceState {
  const red = dec(t.red);
  const amber = dec(t.amber);
  if (t.basis === 'pace') {
    if (pace.lt(red)) return 'red';
    return pace.lt(amber) ? 'amber' : 'green';
  }
  if (gap.gt(red)) return 'red';
  return gap.gt(amber) ? 'amber' : 'green';
}

/**
 * The pace (internal): periodRate ÷ timeProgress × 100, both in percent; null when no time has
 * elapsed (0%).
 *
 * @internal
 */
export function paceOf(periodRate: Dec, timeProgressPercent: Dec): Dec | null {
  if (timeProgressPercent.isZero()) return null;
  return periodRate.times(HUNDRED).dividedBy(timeProgressPercent);
}

/** Options of {@link executionPace}. */
export interface ExecutionPaceOptions {
  /** 序时进度 in percent: the `exact` of `timeProgress`, or a printed figure (`"50%"`, `50`). */
  readonly timeProgress: Figure;
  /** Thresholds of the state (default {@link PACE_THRESHOLDS}.provincial). */
  readonly thresholds?: PaceThresholds;
  /** Unit of bare amounts (default 万元); amounts printed with a money unit are converted. */
  readonly amountUnit?: AmountUnit;
}

/** Why {@link executionPace} has no pace. */
export type ExecutionPaceErrorCode =
  /** The budget or the spending to date is not printed. */
  | 'missing-value'
  /** An amount, or the time progress, is not a number. */
  | 'unparsable-value'
  /** A zero budget: no 1–N月执行率. */
  | 'period-rate-undefined'
  /** A time progress of 0%: no pace (the rate is still given). */
  | 'no-time-elapsed';

/** Result of {@link executionPace}. */
export type ExecutionPaceResult =
  | {
      readonly ok: true;
      /** 1–N月执行率, 2 decimals with `%` (`"39.80%"`). */
      readonly periodRate: string;
      /** Exact 1–N月执行率 in percent. */
      readonly periodRateExact: string;
      /** Pace (进度比), 2 decimals, no `%` (`"79.61"`). */
      readonly pace: string;
      /** Exact pace. */
      readonly paceExact: string;
      /** timeProgress − periodRate in percentage points, exact. */
      readonly gapExact: string;
      readonly state: PaceState;
    }
  | {
      readonly ok: false;
      readonly code: ExecutionPaceErrorCode;
      /** Why, in en and zh-CN. */
      readonly message: Messages;
      /** The 1–N月执行率 when only the pace is missing (`no-time-elapsed`), else null. */
      readonly periodRate: string | null;
    };

const paceFail = (
  code: ExecutionPaceErrorCode,
  en: string,
  zh: string,
  periodRate: string | null = null,
): ExecutionPaceResult => ({ ok: false, code, message: { en, zh }, periodRate });

/**
 * The pace of one budget line against the year (DESIGN §1 "In-year monitoring"):
 *
 * - 1–N月执行率 = periodActual ÷ budget × 100 (percent);
 * - pace (进度比) = 1–N月执行率 ÷ 序时进度 × 100;
 * - gap = 序时进度 − 1–N月执行率 (percentage points);
 * - state under `thresholds` (default {@link PACE_THRESHOLDS}.provincial: pace < 60 red,
 *   60 ≤ pace < 80 amber, ≥ 80 green).
 *
 * Exact decimals; `periodRate` and `pace` are rounded once, half-up, to 2 decimals. A zero budget
 * or a time progress of 0 gives `{ ok: false, code }`, never Infinity.
 *
 * @throws TypeError when `line` is not an object, an amount is neither a string, a number nor
 *   null, or an option has the wrong type.
 * @example
 * ```ts
 * // 黄石市 申遗经费 2019: 87.57 of 220 万元 at 1-6月
 * executionPace({ budget: '220', periodActual: '87.57' }, { timeProgress: '50' });
 * // { ok: true, periodRate: '39.80%', pace: '79.61', state: 'amber', … }
 * executionPace({ budget: '0', periodActual: '5' }, { timeProgress: '50' }).ok; // false
 * ```
 */
export function executionPace(
  line: { readonly budget?: Figure | null; readonly periodActual?: Figure | null },
  options: ExecutionPaceOptions,
): ExecutionPaceResult {
  const fn = 'executionPace';
  assertObject(fn, 'line', line);
  assertCellOrNull(fn, 'line.budget', line.budget);
  assertCellOrNull(fn, 'line.periodActual', line.periodActual);
  assertOptions(fn, 'options', options);
  if (options === undefined) rejectArgument(fn, 'options', 'an object with timeProgress', 'undefined');
  const tpRaw: unknown = options.timeProgress;
  if (typeof tpRaw !== 'string' && !(typeof tpRaw === 'number' && Number.isFinite(tpRaw)))
    rejectArgument(fn, 'options.timeProgress', 'a string or a finite number', describeType(tpRaw));
  if (options.thresholds !== undefined) assertThresholds(fn, 'options.thresholds', options.thresholds);
  if (options.amountUnit !== undefined && typeof options.amountUnit !== 'string')
    rejectArgument(fn, 'options.amountUnit', 'a string', describeType(options.amountUnit));

  const unit = amountUnitInfo(options.amountUnit);
  const budget = readAmount(line.budget, unit);
  const spent = readAmount(line.periodActual, unit);
  if (!budget.ok) return { ok: false, code: 'unparsable-value', message: budget.message, periodRate: null };
  if (!spent.ok) return { ok: false, code: 'unparsable-value', message: spent.message, periodRate: null };
  if (budget.value === null) return paceFail('missing-value', 'no budget is printed', '未印预算数');
  if (spent.value === null)
    return paceFail('missing-value', 'no spending to date is printed', '未印期间执行数');
  const tp = parseQuantity(tpRaw as Figure);
  if (!tp.ok || tp.quantity === null || (tp.quantity.unit !== null && tp.quantity.unit !== '%')) {
    return paceFail(
      'unparsable-value',
      `the time progress ${describeValue(tpRaw)} is not a percentage`,
      `序时进度 ${describeValue(tpRaw)} 不是百分数`,
    );
  }
  if (budget.value.isZero()) {
    return paceFail(
      'period-rate-undefined',
      `the budget is zero, so there is no execution rate to date (spent ${toExact(spent.value)})`,
      `预算数为零，执行率不存在（已支出 ${toExact(spent.value)}）`,
    );
  }
  const rate = spent.value.times(HUNDRED).dividedBy(budget.value);
  const tpValue = quantityValue(tp.quantity);
  const pace = paceOf(rate, tpValue);
  const printedRate = `${toFixed(rate, 2)}%`;
  if (pace === null) {
    return paceFail(
      'no-time-elapsed',
      'the time progress is 0%: no time has elapsed, so there is no pace',
      '序时进度为 0%，尚无进度比',
      printedRate,
    );
  }
  const gap = tpValue.minus(rate);
  return {
    ok: true,
    periodRate: printedRate,
    periodRateExact: toExact(rate),
    pace: toFixed(pace, 2),
    paceExact: toExact(pace),
    gapExact: toExact(gap),
    state: paceState(pace, gap, options.thresholds ?? PACE_THRESHOLDS.provincial),
  };
}
