/**
 * PEFA 2016 Pillar I (budget reliability): the figures of one dimension — aggregate outturn and
 * composition variance with its annex table; the grades given to them are in pefa-grades.ts. After "Framework for assessing public financial management", PEFA Secretariat, 2016,
 * §2.1–2.2 and indicators PI-1 to PI-3 (https://www.pefa.org/node/4627,
 * https://www.pefa.org/index.php/node/4628, https://www.pefa.org/node/4754). The rules over a
 * whole dataset are in rules/pefa.ts; docs/pefa.md has the formulas, the band tables and the
 * sources.
 */
import {
  assertArray,
  assertCell,
  assertCellOrNull,
  assertIntegerIn,
  assertObject,
  assertOneOf,
  assertOptions,
  describeType,
  rejectArgument,
} from '../core/arguments.js';
import {
  type Dec,
  HUNDRED,
  quotientFixed,
  ROUNDING_MODES,
  type RoundingMode,
  toExact,
  toFixed,
  ZERO,
} from '../core/decimal.js';
import type { Messages } from '../model/findings.js';
import type { Figure } from '../model/report.js';
import { amountUnitInfo, readAmount } from './budget.js';
import { MAX_DECIMALS } from './checks.js';

/** Options of the PEFA figures. */
export interface PefaFigureOptions {
  /** Decimals of the printed percentage (default 1, as PEFA reports print them): 0 to 20. */
  readonly decimals?: number;
  /** Rounding of the printed percentage (default `'half-up'`). */
  readonly rounding?: RoundingMode;
  /** Unit of bare amounts (any unit as printed, e.g. `"Ushs thousands"`); amounts compare like with like. */
  readonly amountUnit?: string;
}

/** Why a PEFA figure does not exist or could not be computed. */
export type PefaFigureError =
  | 'zero-budget'
  | 'zero-adjusted'
  | 'missing-value'
  | 'unparsable-value'
  | 'no-lines';

/** A PEFA percentage, or why there is none. */
export type PefaRatioResult =
  | {
      /** The figure exists. */
      readonly ok: true;
      /** Exact percentage, full precision: `"97.3134328358…"`. */
      readonly exact: string;
      /** Rounded once to the options' decimals (default 1), with `%`: `"97.3%"`. */
      readonly printed: string;
    }
  | {
      /** No figure: see `code`. */
      readonly ok: false;
      /** `zero-budget`, `missing-value` or `unparsable-value`. */
      readonly code: PefaFigureError;
      /** Why, in en and zh-CN. */
      readonly message: Messages;
    };

function checkFigureOptions(fn: string, options: unknown): asserts options is PefaFigureOptions {
  assertOptions(fn, 'options', options);
  if (options === undefined) return;
  const o = options as Record<string, unknown>;
  if (o.decimals !== undefined) assertIntegerIn(fn, 'options.decimals', o.decimals, 0, MAX_DECIMALS);
  if (o.rounding !== undefined) assertOneOf(fn, 'options.rounding', o.rounding, ROUNDING_MODES);
  if (o.amountUnit !== undefined && (typeof o.amountUnit !== 'string' || o.amountUnit.trim() === '')) {
    rejectArgument(fn, 'options.amountUnit', 'a non-empty string', describeType(o.amountUnit));
  }
}

/** numerator ÷ denominator × 100 printed once-rounded with `%` (internal; denominator ≠ 0). */
export function percentOf(numerator: Dec, denominator: Dec, decimals: number, mode: RoundingMode): string {
  return `${quotientFixed(numerator.times(HUNDRED), denominator, decimals, mode)}%`;
}

function unreadable(which: string, message: Messages): PefaRatioResult {
  return {
    ok: false,
    code: 'unparsable-value',
    message: {
      en: `the ${which}: ${message.en}`,
      zh: `${which === 'budget' ? '预算数' : '决算数'}：${message.zh}`,
    },
  };
}

/**
 * Aggregate outturn (PI-1, dimension 1.1; PI-3, dimension 3.1): the outturn as a percentage of
 * the original approved budget.
 *
 * Formula: actual ÷ budget × 100, exact; `printed` is rounded once, half-up, to 1 decimal by
 * default (as PEFA reports print it). An outturn above 100% is returned as it is. A zero budget
 * has no outturn (`zero-budget`, never Infinity or NaN); an amount not printed is
 * `missing-value`, one that is not a number `unparsable-value`.
 *
 * @throws TypeError when `budget` or `actual` is neither a string, a number nor null, or
 *   `options` is not an object with `decimals` an integer from 0 to 20 and `rounding` a mode.
 * @example
 * ```ts
 * aggregateOutturn('1340', '1304');   // { ok: true, exact: '97.313432835820895522388…', printed: '97.3%' }
 * aggregateOutturn('100', '105');     // printed '105.0%' (inside 95–105%: A)
 * aggregateOutturn('0', '12');        // { ok: false, code: 'zero-budget', … }
 * ```
 */
export function aggregateOutturn(
  budget: Figure | null | undefined,
  actual: Figure | null | undefined,
  options: PefaFigureOptions = {},
): PefaRatioResult {
  assertCellOrNull('aggregateOutturn', 'budget', budget);
  assertCellOrNull('aggregateOutturn', 'actual', actual);
  checkFigureOptions('aggregateOutturn', options);
  const unit = amountUnitInfo(options.amountUnit);
  const b = readAmount(budget, unit);
  const a = readAmount(actual, unit);
  if (!b.ok) return unreadable('budget', b.message);
  if (!a.ok) return unreadable('outturn', a.message);
  if (b.value === null || a.value === null) {
    return {
      ok: false,
      code: 'missing-value',
      message: {
        en: `the ${b.value === null ? 'budget' : 'outturn'} is not printed`,
        zh: `未填写${b.value === null ? '预算数' : '决算数'}`,
      },
    };
  }
  return outturnOf(b.value, a.value, options.decimals ?? 1, options.rounding ?? 'half-up');
}

/** The outturn of exact amounts (internal). */
export function outturnOf(budget: Dec, actual: Dec, decimals: number, mode: RoundingMode): PefaRatioResult {
  if (budget.isZero()) {
    return {
      ok: false,
      code: 'zero-budget',
      message: {
        en: `the budget is zero, so there is no outturn ratio (outturn ${toExact(actual)})`,
        zh: `预算数为零，执行比例不存在（决算 ${toExact(actual)}）`,
      },
    };
  }
  return {
    ok: true,
    exact: toExact(actual.dividedBy(budget).times(HUNDRED)),
    printed: percentOf(actual, budget, decimals, mode),
  };
}

/** One line of a composition, as given to {@link compositionVariance}. */
export interface PefaCompositionLine {
  /** The line's name (kept for the annex table). */
  readonly name?: string;
  /** Original approved budget; nothing printed counts as 0. */
  readonly budget?: Figure | null;
  /** Outturn; nothing printed counts as 0. */
  readonly actual?: Figure | null;
}

/** One row of the assessor's annex table: every amount an exact decimal string. */
export interface PefaAnnexLine {
  /** The line's name (`""` when none). */
  readonly name: string;
  /** Original approved budget. */
  readonly budget: string;
  /** Adjusted budget = budget × scale. */
  readonly adjusted: string;
  /** Outturn. */
  readonly actual: string;
  /** actual − adjusted. */
  readonly deviation: string;
  /** |actual − adjusted|. */
  readonly absoluteDeviation: string;
  /**
   * The same five amounts as the annex prints them: rounded once (the figures' rounding, half-up
   * by default) to the most decimals any budget or outturn of the table prints (0 for amounts in
   * whole thousands), e.g. adjusted `"1157169"` for the exact `"1157168.827…"`.
   */
  readonly printed: PefaAnnexAmounts;
}

/** The amounts of an annex row (or its totals), as printed. */
export interface PefaAnnexAmounts {
  readonly budget: string;
  readonly adjusted: string;
  readonly actual: string;
  readonly deviation: string;
  readonly absoluteDeviation: string;
}

/** Totals of the annex table. */
export interface PefaAnnexTotals {
  readonly budget: string;
  readonly adjusted: string;
  readonly actual: string;
  readonly deviation: string;
  readonly absoluteDeviation: string;
  /** The totals as printed, at the decimals of {@link PefaAnnexLine.printed}. */
  readonly printed: PefaAnnexAmounts;
}

/** Options of {@link compositionVariance}. */
export interface CompositionOptions extends PefaFigureOptions {
  /**
   * The base of the scaling factor: by default the lines' own totals (scale = Σ actual ÷ Σ
   * budget of the lines); give other totals (e.g. total expenditure with interest and
   * contingency) to scale by them instead.
   */
  readonly base?: { readonly budget: Figure; readonly actual: Figure };
}

/** A composition variance with its annex table, or why there is none. */
export type CompositionResult =
  | {
      readonly ok: true;
      /** The scaling factor, exact: base outturn ÷ base budget. */
      readonly scale: string;
      /** Exact variance in percent: Σ|actual − adjusted| ÷ Σ adjusted × 100. */
      readonly exact: string;
      /** The variance rounded once (default 1 decimal), with `%`. */
      readonly printed: string;
      /** The annex table, one row per line, in the order given. */
      readonly lines: readonly PefaAnnexLine[];
      /** The annex table's totals. */
      readonly totals: PefaAnnexTotals;
    }
  | {
      readonly ok: false;
      /**
       * `no-lines`: nothing to compare; `zero-budget`: the base budget is zero (no scale);
       * `zero-adjusted`: the adjusted budgets sum to zero (the base outturn is zero);
       * `unparsable-value`: an amount is not a number (`index` says which line).
       */
      readonly code: PefaFigureError;
      /** Why, in en and zh-CN. */
      readonly message: Messages;
      /** The line that could not be read, for `unparsable-value`. */
      readonly index?: number;
    };

/** A line's amounts read exactly (internal). */
export interface ExactLine {
  readonly name: string;
  readonly budget: Dec;
  readonly actual: Dec;
}

/**
 * Composition variance of exact lines (internal; the rules read the lines themselves).
 * `base` null scales by the lines' own totals.
 */
export function varianceOf(
  lines: readonly ExactLine[],
  base: { readonly budget: Dec; readonly actual: Dec } | null,
  decimals: number,
  mode: RoundingMode,
): CompositionResult {
  if (lines.length === 0) {
    return {
      ok: false,
      code: 'no-lines',
      message: { en: 'there are no lines to compare', zh: '没有可比较的明细行' },
    };
  }
  let sumBudget = ZERO;
  let sumActual = ZERO;
  for (const l of lines) {
    sumBudget = sumBudget.plus(l.budget);
    sumActual = sumActual.plus(l.actual);
  }
  const q = base === null ? sumBudget : base.budget; // scale = p ÷ q
  const p = base === null ? sumActual : base.actual;
  if (q.isZero()) {
    return {
      ok: false,
      code: 'zero-budget',
      message: {
        en: 'the budget the scale is taken from is zero, so the lines cannot be scaled',
        zh: '计算调整系数所用的预算数为零，无法调整各行预算',
      },
    };
  }
  // Σ adjusted = Σ budget × p ÷ q; zero exactly when Σ budget × p is zero.
  const denominator = sumBudget.times(p);
  if (denominator.isZero()) {
    return {
      ok: false,
      code: 'zero-adjusted',
      message: {
        en: 'the adjusted budgets sum to zero, so there is no composition variance',
        zh: '调整后预算合计为零，构成差异率不存在',
      },
    };
  }
  const scale = p.dividedBy(q);
  // The variance as one exact quotient: Σ|actual·q − budget·p| ÷ (Σ budget · p), so that lines
  // that move in proportion give exactly 0 whatever the digits of the scale.
  let numerator = ZERO;
  // Amounts print at the most decimals the table's own amounts print.
  let places = 0;
  for (const l of lines) places = Math.max(places, l.budget.decimalPlaces(), l.actual.decimalPlaces());
  const shown = (budget: Dec, adjusted: Dec, actual: Dec, deviation: Dec, abs: Dec): PefaAnnexAmounts => ({
    budget: toFixed(budget, places, mode),
    adjusted: toFixed(adjusted, places, mode),
    actual: toFixed(actual, places, mode),
    deviation: toFixed(deviation, places, mode),
    absoluteDeviation: toFixed(abs, places, mode),
  });
  const rows: PefaAnnexLine[] = [];
  for (const l of lines) {
    numerator = numerator.plus(l.actual.times(q).minus(l.budget.times(p)).abs());
    const adjusted = l.budget.times(p).dividedBy(q);
    const deviation = l.actual.minus(adjusted);
    rows.push({
      name: l.name,
      budget: toExact(l.budget),
      adjusted: toExact(adjusted),
      actual: toExact(l.actual),
      deviation: toExact(deviation),
      absoluteDeviation: toExact(deviation.abs()),
      printed: shown(l.budget, adjusted, l.actual, deviation, deviation.abs()),
    });
  }
  // The totals as single quotients too (not sums of rounded quotients): Σ adjusted = Σ budget ×
  // p ÷ q, Σ|deviation| = Σ|actual·q − budget·p| ÷ |q|.
  const sumAdjusted = denominator.dividedBy(q);
  const sumAbs = numerator.dividedBy(q.abs());
  const sumDeviation = sumActual.minus(sumAdjusted);
  // Σ|deviation| ÷ Σ adjusted = (numerator ÷ |q|) ÷ (denominator ÷ q) = ±numerator ÷ denominator.
  const num = q.isNeg() ? numerator.neg() : numerator;
  const den = denominator;
  return {
    ok: true,
    scale: toExact(scale),
    exact: toExact(num.dividedBy(den).times(HUNDRED)),
    printed: percentOf(num, den, decimals, mode),
    lines: rows,
    totals: {
      budget: toExact(sumBudget),
      adjusted: toExact(sumAdjusted),
      actual: toExact(sumActual),
      deviation: toExact(sumDeviation),
      absoluteDeviation: toExact(sumAbs),
      printed: shown(sumBudget, sumAdjusted, sumActual, sumDeviation, sumAbs),
    },
  };
}

/**
 * Composition variance (PEFA dimensions 2.1, 2.2 and 3.2): how far the outturn of the lines
 * departs from their original budgets once the budgets are scaled to the total outturn.
 *
 * Formula: scale = Σ actual ÷ Σ budget of the lines (or `base.actual ÷ base.budget`);
 * adjusted_i = budget_i × scale; deviation_i = actual_i − adjusted_i; variance = Σ|deviation_i|
 * ÷ Σ adjusted_i × 100. Exact (computed as one quotient, so lines that move in proportion give
 * exactly 0); `printed` rounded once, half-up, to 1 decimal by default. With the lines' own
 * base and amounts ≥ 0 the variance is at most 200%. Nothing printed in a cell counts as 0.
 * Undefined (never Infinity) when the base budget is zero (`zero-budget`) or the adjusted
 * budgets sum to zero (`zero-adjusted`).
 *
 * @throws TypeError when `lines` is not an array of objects with amounts that are strings,
 *   numbers or null, or `options` is not an object (see {@link aggregateOutturn}).
 * @example
 * ```ts
 * compositionVariance([
 *   { name: 'Health', budget: '100', actual: '90' },
 *   { name: 'Education', budget: '100', actual: '130' },
 * ]);
 * // scale '1.1'; adjusted 110 and 110; Σ|deviation| 40 ÷ 220 → { exact: '18.1818…', printed: '18.2%' }
 * ```
 */
export function compositionVariance(
  lines: readonly PefaCompositionLine[],
  options: CompositionOptions = {},
): CompositionResult {
  assertArray('compositionVariance', 'lines', lines);
  checkFigureOptions('compositionVariance', options);
  if (options.base !== undefined) {
    assertObject('compositionVariance', 'options.base', options.base);
    assertCell('compositionVariance', 'options.base.budget', options.base.budget);
    assertCell('compositionVariance', 'options.base.actual', options.base.actual);
  }
  const unit = amountUnitInfo(options.amountUnit);
  const exact: ExactLine[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const l: unknown = lines[i];
    assertObject('compositionVariance', `lines[${i}]`, l);
    const line = l as PefaCompositionLine;
    assertCellOrNull('compositionVariance', `lines[${i}].budget`, line.budget);
    assertCellOrNull('compositionVariance', `lines[${i}].actual`, line.actual);
    const b = readAmount(line.budget, unit);
    const a = readAmount(line.actual, unit);
    if (!b.ok || !a.ok) {
      const m = (!b.ok ? b.message : !a.ok ? a.message : null) as Messages;
      return { ok: false, code: 'unparsable-value', message: m, index: i };
    }
    exact.push({
      name: typeof line.name === 'string' ? line.name : '',
      budget: b.value ?? ZERO,
      actual: a.value ?? ZERO,
    });
  }
  let base: { budget: Dec; actual: Dec } | null = null;
  if (options.base !== undefined) {
    const b = readAmount(options.base.budget, unit);
    const a = readAmount(options.base.actual, unit);
    if (!b.ok || !a.ok) {
      const m = (!b.ok ? b.message : !a.ok ? a.message : null) as Messages;
      return { ok: false, code: 'unparsable-value', message: m };
    }
    base = { budget: b.value ?? ZERO, actual: a.value ?? ZERO };
  }
  return varianceOf(exact, base, options.decimals ?? 1, options.rounding ?? 'half-up');
}
