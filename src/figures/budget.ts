/**
 * Budget lines (预算信息): execution and adjustment rates. The arithmetic of a whole table is a
 * rule: see rules/budget.ts.
 */
import { type Dec, dec, HUNDRED, type RoundingMode, toExact, toFixed } from '../core/decimal.js';
import {
  convertValue,
  describeType,
  parseQuantity,
  type Quantity,
  quantityUnit,
  quantityValue,
} from '../core/quantity.js';
import { divide, fixedString, plainString, type Scaled, scaledFromPlain, shift } from '../core/scaled.js';
import { normalizeText, toSimplified } from '../core/text.js';
import { lookupMoneyUnit, lookupUnit, type UnitInfo } from '../core/units.js';
import type { Messages } from '../model/findings.js';
import { AMOUNT_UNITS, type AmountUnit, type Figure } from '../model/report.js';
import { checkRateArguments } from './checks.js';

/** Options of the rate functions. */
export interface RateOptions {
  /** Decimals of `printed` (default 2, as published): an integer from 0 to 20. */
  readonly decimals?: number;
  /** Rounding of `printed` (default `'half-up'`, 四舍五入). */
  readonly rounding?: RoundingMode;
  /**
   * Unit of bare amounts (default `'万元'`), any unit as printed: 元 千元 万元 亿元, a currency
   * with a scale (`R'000`, `US$ millions`), or other text compared like with like; amounts
   * printed with a money unit of the same currency are converted.
   */
  readonly amountUnit?: AmountUnit;
}

/** Why a rate does not exist or could not be computed. */
export type RateErrorCode =
  | 'execution-rate-undefined'
  | 'adjustment-rate-undefined'
  | 'missing-value'
  | 'unparsable-value';

/**
 * A rate in percent: the exact value and the value as printed, or why there is none. The one
 * result type of every rate outturn computes (execution, adjustment and the common-indicator
 * rates); `Code` is the set of reasons a rate can be missing.
 */
export type RateResult<Code extends string = RateErrorCode> =
  | {
      /** The rate exists: `exact` and `printed` are set. */
      readonly ok: true;
      /** Exact rate in percent, e.g. `"134.16669261184968398767…"`. */
      readonly exact: string;
      /** Rounded with the options' decimals and mode, with `%`: `"134.17%"`. */
      readonly printed: string;
    }
  | {
      /** No rate: see `code`. */
      readonly ok: false;
      /**
       * `execution-rate-undefined` / `adjustment-rate-undefined`: the denominator is zero;
       * `missing-value`: an amount is not printed; `unparsable-value`: an amount is not money.
       */
      readonly code: Code;
      /** Why there is no rate, in en and zh-CN. */
      readonly message: Messages;
    };

/** An amount read from a cell: exact value in the report's amount unit, or why not. */
export type AmountReading =
  | { readonly ok: true; readonly value: Dec; readonly quantity: Quantity }
  | { readonly ok: true; readonly value: null; readonly quantity: null }
  | { readonly ok: false; readonly message: Messages };

/** The amount units, in both scripts (they are in the unit registry in simplified script). */
const AMOUNT_UNIT_INFO = new Map<string, UnitInfo>(
  AMOUNT_UNITS.map((u) => [u, lookupUnit(toSimplified(u)) as UnitInfo]),
);

/**
 * The unit of a report's bare amounts (internal): 万元 when none is given; 元 千元 万元 亿元 in
 * either script; a currency with a scale (`R'000` is 1000 rand, `US$ millions`, `Ushs
 * thousands`); any other text is a money unit of its own, compared like with like.
 */
export function amountUnitInfo(unit: AmountUnit | undefined): UnitInfo {
  const given = unit ?? '万元';
  const known = AMOUNT_UNIT_INFO.get(given);
  if (known !== undefined) return known;
  const text = normalizeText(given);
  const money = lookupMoneyUnit(text) ?? lookupUnit(toSimplified(text).replaceAll(' ', ''));
  if (money !== null && isMoney(money)) return money;
  return { symbol: text, dimension: `money:${text}`, factor: dec(1) };
}

/** True for a unit of money: 元 and its multiples, or a currency (`money:ZAR` …). */
function isMoney(unit: UnitInfo): boolean {
  return unit.dimension === 'money' || unit.dimension.startsWith('money:');
}

/** Reads one amount cell in the report's amount unit (internal). */
export function readAmount(raw: Figure | null | undefined, unit: UnitInfo): AmountReading {
  if (raw === null || raw === undefined) return { ok: true, value: null, quantity: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    return {
      ok: false,
      message: {
        en: `an amount must be a string or a number, not ${describeType(raw)}`,
        zh: '金额应为字符串或数字',
      },
    };
  }
  const q = parseQuantity(raw);
  if (!q.ok) return { ok: false, message: q.message };
  if (q.quantity === null) return { ok: true, value: null, quantity: null };
  if (q.quantity.moreThan) {
    return {
      ok: false,
      message: {
        en: `"${q.quantity.text}" is "more than ${q.quantity.value}", not an exact amount: the figures computed from it cannot be checked`,
        zh: `“${q.quantity.text}”是“${q.quantity.value}以上”，不是确切金额，据此计算的数字无法核对`,
      },
    };
  }
  const from = quantityUnit(q.quantity);
  if (from !== null && !isMoney(from)) {
    return {
      ok: false,
      message: {
        en: `"${q.quantity.text}" is not an amount of money (unit ${from.symbol})`,
        zh: `“${q.quantity.text}”不是金额（单位为${from.symbol}）`,
      },
    };
  }
  const value = convertValue(quantityValue(q.quantity), from, unit);
  if (value === null) {
    return {
      ok: false,
      message: {
        en: `"${q.quantity.text}" is in ${from?.symbol}, which does not convert into the report's amounts in ${unit.symbol}`,
        zh: `“${q.quantity.text}”的单位${from?.symbol}无法换算为报告的金额单位${unit.symbol}`,
      },
    };
  }
  return { ok: true, value, quantity: q.quantity };
}

/**
 * An amount cell as a scaled integer when it prints a plain exact amount in the report's unit
 * (no conversion) of at most 30 digits, else null: the cell then takes {@link readAmount}, which
 * also says why it cannot be read (internal, the fast path of the rates).
 */
function readPlainAmount(raw: Figure | null | undefined, unit: UnitInfo): Scaled | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const q = parseQuantity(raw);
  if (!q.ok || q.quantity === null || q.quantity.moreThan) return null;
  const from = quantityUnit(q.quantity);
  if (from !== null && (from.dimension !== unit.dimension || !from.factor.equals(unit.factor))) return null;
  return scaledFromPlain(q.quantity.value);
}

/** {@link rate} on scaled integers: the same 50-digit quotient, the same strings. */
function scaledRate(numerator: Scaled, denominator: Scaled, options: RateOptions): RateResult {
  const exact = shift(divide(numerator, denominator), 2);
  return {
    ok: true,
    exact: plainString(exact),
    printed: `${fixedString(exact, options.decimals ?? 2, options.rounding ?? 'half-up')}%`,
  };
}

function missing(field: string, zhField: string): RateResult {
  return {
    ok: false,
    code: 'missing-value',
    message: { en: `the ${field} is not printed`, zh: `未填写${zhField}` },
  };
}

function rate(numerator: Dec, denominator: Dec, options: RateOptions): RateResult {
  const exact = numerator.dividedBy(denominator).times(HUNDRED);
  return {
    ok: true,
    exact: toExact(exact),
    printed: `${toFixed(exact, options.decimals ?? 2, options.rounding ?? 'half-up')}%`,
  };
}

/**
 * Budget execution rate (预算执行率 / 执行率).
 *
 * Formula: actual ÷ adjusted × 100%, where adjusted is 调整预算数 (全年预算数) and actual is
 * 实际支出数 (全年执行数). Exact; `printed` is rounded half-up to 2 decimals by default. A rate
 * above 100% (overspend) is returned as it is, never capped.
 *
 * A zero budget has no rate: `{ ok: false, code: 'execution-rate-undefined' }` (never
 * Infinity, NaN, or a division by 1). A missing or unreadable amount is `missing-value` /
 * `unparsable-value`. Amounts are strings as printed or finite numbers, in `amountUnit`
 * (default 万元) unless they print their own money unit.
 *
 * @throws TypeError when `line` is not an object, an amount neither a string, a number nor
 *   null (a non-finite number is data: `unparsable-value`), or `options` not an object or
 *   undefined with `decimals` an integer from 0 to 20, `rounding` a rounding mode and
 *   `amountUnit` a non-empty string of at most 40 characters.
 * @example
 * ```ts
 * executionRate({ adjusted: '321.19', actual: '430.93' });
 * // { ok: true, exact: '134.16669261184968398767…', printed: '134.17%' }
 * executionRate({ adjusted: '57.21', actual: '49.54' }).printed; // '86.59%'
 * executionRate({ adjusted: '0', actual: '0' }); // { ok: false, code: 'execution-rate-undefined', … }
 * ```
 */
export function executionRate(
  line: { readonly adjusted?: Figure | null; readonly actual?: Figure | null },
  options: RateOptions = {},
): RateResult {
  checkRateArguments('executionRate', line, ['adjusted', 'actual'], options);
  const unit = amountUnitInfo(options.amountUnit);
  const plainAdjusted = readPlainAmount(line.adjusted, unit);
  const plainActual = plainAdjusted === null ? null : readPlainAmount(line.actual, unit);
  if (plainAdjusted !== null && plainActual !== null && plainAdjusted.n !== 0n) {
    return scaledRate(plainActual, plainAdjusted, options);
  }
  const adjusted = readAmount(line.adjusted, unit);
  const actual = readAmount(line.actual, unit);
  if (!adjusted.ok) return { ok: false, code: 'unparsable-value', message: adjusted.message };
  if (!actual.ok) return { ok: false, code: 'unparsable-value', message: actual.message };
  if (adjusted.value === null) return missing('adjusted budget (调整预算数)', '调整预算数');
  if (actual.value === null) return missing('actual spending (实际支出数)', '实际支出数');
  if (adjusted.value.isZero()) {
    return {
      ok: false,
      code: 'execution-rate-undefined',
      message: {
        en: `the adjusted budget is zero, so there is no execution rate (actual ${toExact(actual.value)})`,
        zh: `调整预算数为零，执行率不存在（实际支出 ${toExact(actual.value)}）`,
      },
    };
  }
  return rate(actual.value, adjusted.value, options);
}

/**
 * Budget adjustment rate (预算调整率).
 *
 * Formula: (adjusted − initial) ÷ initial × 100%, where initial is 年初预算数 and adjusted is
 * 调整预算数. Exact; `printed` rounded half-up to 2 decimals by default; negative when the
 * budget was cut. A zero initial budget has no rate (`adjustment-rate-undefined`).
 *
 * @throws TypeError as {@link executionRate} does, for `line.initial` and `line.adjusted`.
 * @example
 * ```ts
 * adjustmentRate({ initial: '321.19', adjusted: '321.19' }).printed; // '0.00%'
 * adjustmentRate({ initial: '100', adjusted: '143.37' }).printed;    // '43.37%'
 * ```
 */
export function adjustmentRate(
  line: { readonly initial?: Figure | null; readonly adjusted?: Figure | null },
  options: RateOptions = {},
): RateResult {
  checkRateArguments('adjustmentRate', line, ['initial', 'adjusted'], options);
  const unit = amountUnitInfo(options.amountUnit);
  const initial = readAmount(line.initial, unit);
  const adjusted = readAmount(line.adjusted, unit);
  if (!initial.ok) return { ok: false, code: 'unparsable-value', message: initial.message };
  if (!adjusted.ok) return { ok: false, code: 'unparsable-value', message: adjusted.message };
  if (initial.value === null) return missing('initial budget (年初预算数)', '年初预算数');
  if (adjusted.value === null) return missing('adjusted budget (调整预算数)', '调整预算数');
  if (initial.value.isZero()) {
    return {
      ok: false,
      code: 'adjustment-rate-undefined',
      message: {
        en: 'the initial budget is zero, so there is no adjustment rate',
        zh: '年初预算数为零，预算调整率不存在',
      },
    };
  }
  return rate(adjusted.value.minus(initial.value), initial.value, options);
}
