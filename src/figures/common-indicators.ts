/**
 * Common indicators of department-wide evaluation (部门整体支出共性指标) whose values are
 * formulas over figures the report itself prints, so they can be cross-checked.
 */
import { assertString } from '../core/arguments.js';
import { type Dec, HUNDRED, isNeg, toExact, toFixed } from '../core/decimal.js';
import { describeType, parseQuantity, quantityValue } from '../core/quantity.js';
import { nameKey } from '../core/text.js';
import type { Messages } from '../model/findings.js';
import type { CrossCheckId } from '../model/messages/params.js';
import type { Figure } from '../model/report.js';
import type { RateResult } from './budget.js';
import { checkCommonFigures } from './checks.js';

/** The common indicators outturn can recompute from a report's own data. */
export type CommonIndicatorId = CrossCheckId;

/**
 * Names (and aliases) under which each common indicator is printed. Matching uses
 * {@link nameKey}: width, script, quotes and spaces do not matter.
 */
export const COMMON_INDICATOR_NAMES: Readonly<Record<CommonIndicatorId, readonly string[]>> = {
  'execution-rate': ['预算执行率', '部门预算执行率', '年度预算执行率', '预算资金执行率', '整体预算执行率'],
  'adjustment-rate': ['预算调整率', '部门预算调整率', '年度预算调整率'],
  'staff-control-rate': ['在职人员控制率', '人员控制率', '在职人员编制控制率'],
  'carryover-rate': ['结转结余率', '部门结转结余率'],
};

const BY_KEY = new Map<string, CommonIndicatorId>();
for (const [id, names] of Object.entries(COMMON_INDICATOR_NAMES) as [
  CommonIndicatorId,
  readonly string[],
][]) {
  for (const n of names) BY_KEY.set(nameKey(n), id);
}

/**
 * Which common indicator an indicator name denotes, if any.
 *
 * @throws TypeError when `name` is not a string.
 * @example
 * ```ts
 * commonIndicatorOf('预算执行率');     // 'execution-rate'
 * commonIndicatorOf(' 在职人员 控制率'); // 'staff-control-rate'
 * commonIndicatorOf('满意率');         // null
 * ```
 */
export function commonIndicatorOf(name: string): CommonIndicatorId | null {
  assertString('commonIndicatorOf', 'name', name);
  return BY_KEY.get(nameKey(name)) ?? null;
}

/**
 * Why a common-indicator formula gives no rate: `rate-undefined`, the denominator (编制数,
 * 调整预算数 or 实际支出数) is zero; `missing-value`, a figure is not given or prints nothing;
 * `unparsable-value`, a figure is not a number; `negative-value`, a staff number below zero
 * (only {@link staffControlRate}: a head count cannot be negative).
 */
export type CommonRateError = Extract<CommonRateResult, { readonly ok: false }>;

/** Result of a common-indicator formula, in percent (exact, and half-up to 2 decimals with `%`). */
export type CommonRateResult = RateResult<
  'rate-undefined' | 'missing-value' | 'unparsable-value' | 'negative-value'
>;

type Reading = { readonly ok: true; readonly value: Dec } | CommonRateError;

function readCount(raw: Figure | null | undefined, what: Messages): Reading {
  if (raw === null || raw === undefined) {
    return {
      ok: false,
      code: 'missing-value',
      message: { en: `${what.en} is not given`, zh: `未给出${what.zh}` },
    };
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new TypeError(`expected a string or a number, got ${describeType(raw)}`);
  }
  const q = parseQuantity(raw);
  if (!q.ok) return { ok: false, code: 'unparsable-value', message: q.message };
  if (q.quantity === null) {
    return {
      ok: false,
      code: 'missing-value',
      message: { en: `${what.en} is not given`, zh: `未给出${what.zh}` },
    };
  }
  return { ok: true, value: quantityValue(q.quantity) };
}

/**
 * 在职人员控制率 (staff control rate).
 *
 * Formula: 在职人员数 ÷ 编制数 × 100% (actual staff over authorised posts). Exact; `printed`
 * rounded half-up to 2 decimals. Zero authorised posts: `rate-undefined`; a negative number of
 * either: `negative-value`. Above 100% means more staff in post than authorised (超编).
 *
 * @throws TypeError when `staffing` is not an object, or `authorized` or `actual` is neither a
 *   string, a number nor null (a non-finite number is data: `unparsable-value`).
 * @example
 * ```ts
 * // 苏州市商务服务中心 2023: 全额事业编制 14 名；实际 10 名.
 * staffControlRate({ authorized: 14, actual: 10 }).printed; // '71.43%'
 * staffControlRate({ authorized: 46, actual: 50 }).printed; // '108.70%'
 * staffControlRate({ authorized: 0, actual: 3 }).code;      // 'rate-undefined'
 * ```
 */
export function staffControlRate(staffing: {
  readonly authorized?: Figure | null;
  readonly actual?: Figure | null;
}): CommonRateResult {
  checkCommonFigures('staffControlRate', 'staffing', staffing, ['authorized', 'actual']);
  const authorized = readCount(staffing.authorized, { en: 'the number of authorised posts', zh: '编制数' });
  if (!authorized.ok) return authorized;
  const actual = readCount(staffing.actual, { en: 'the number of staff', zh: '在职人员数' });
  if (!actual.ok) return actual;
  if (isNeg(authorized.value) || isNeg(actual.value)) {
    return {
      ok: false,
      code: 'negative-value',
      message: { en: 'a staff number is negative', zh: '人员数为负数' },
    };
  }
  if (authorized.value.isZero()) {
    return {
      ok: false,
      code: 'rate-undefined',
      message: {
        en: 'there are no authorised posts, so there is no staff control rate',
        zh: '编制数为零，在职人员控制率不存在',
      },
    };
  }
  const exact = actual.value.dividedBy(authorized.value).times(HUNDRED);
  return { ok: true, exact: toExact(exact), printed: `${toFixed(exact, 2)}%` };
}

/**
 * 结转结余率 (carry-over rate), over the budget (the "预算数" variant).
 *
 * Formula: 年末结转结余 ÷ 调整预算数 × 100%. Another published variant divides by 完成数
 * (actual spending): pass `basis: 'actual'` with `actual`. Zero denominator: `rate-undefined`.
 *
 * @throws TypeError when `figures` is not an object, `carryover`, `adjusted` or `actual` is
 *   neither a string, a number nor null (a non-finite number is data: `unparsable-value`), or
 *   `basis` is neither `'budget'`, `'actual'` nor undefined.
 * @example
 * ```ts
 * carryoverRate({ carryover: '12.5', adjusted: '250' }).printed; // '5.00%'
 * ```
 */
export function carryoverRate(figures: {
  readonly carryover?: Figure | null;
  readonly adjusted?: Figure | null;
  readonly actual?: Figure | null;
  readonly basis?: 'budget' | 'actual';
}): CommonRateResult {
  checkCommonFigures('carryoverRate', 'figures', figures, ['carryover', 'adjusted', 'actual'], true);
  const carry = readCount(figures.carryover, { en: 'the carry-over (年末结转结余)', zh: '年末结转结余' });
  if (!carry.ok) return carry;
  const overActual = figures.basis === 'actual';
  const base = readCount(
    overActual ? figures.actual : figures.adjusted,
    overActual
      ? { en: 'the actual spending', zh: '实际支出数' }
      : { en: 'the adjusted budget', zh: '调整预算数' },
  );
  if (!base.ok) return base;
  if (base.value.isZero()) {
    return {
      ok: false,
      code: 'rate-undefined',
      message: {
        en: 'the denominator is zero, so there is no carry-over rate',
        zh: '分母为零，结转结余率不存在',
      },
    };
  }
  const exact = carry.value.dividedBy(base.value).times(HUNDRED);
  return { ok: true, exact: toExact(exact), printed: `${toFixed(exact, 2)}%` };
}
