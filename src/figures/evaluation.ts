/**
 * What the evaluation of one indicator returns (the public types of {@link evaluateIndicator}
 * and the internal form with its exact values), and the two helpers that build one.
 *
 * @module
 */
import type { Dec, RoundingMode } from '../core/decimal.js';
import type { Quantity } from '../core/quantity.js';
import type { Messages } from '../model/findings.js';
import type { Figure, TargetCells } from '../model/report.js';
import type { Comparator, Target } from './target.js';

/** Status of an indicator. */
export type IndicatorStatus = 'met' | 'not-met' | 'needs-judgement' | 'not-reported' | 'unparsable';

/**
 * Deviation (偏差) of an actual from its target.
 *
 * - `relative`: (actual − target) / |target| × 100, exact, in percent; `"0"` when both are
 *   zero; null when the target is zero and the actual is not (it does not exist).
 * - `absolute`: actual − target, exact, in the target's unit (percentage points for `%`).
 * - `printed`: the deviation as the reference report prints it: `relative` rounded half-up
 *   to 2 decimals with `%` (`"-6.26%"`, `"229.00%"`), or under `deviationBasis: 'absolute'`
 *   the absolute deviation rounded the same way, as a bare number; null when it does not exist.
 */
export interface Deviation {
  /**
   * Exact relative deviation in percent, without `%` (e.g. `"-6.26"`); `"0"` when both are zero or a
   * qualitative target is met; null when the target is zero and the actual is not.
   */
  readonly relative: string | null;
  /**
   * Exact actual − target in the target's unit (percentage points for `%`), e.g. `"43.37"`;
   * null only for a met qualitative target.
   */
  readonly absolute: string | null;
  /**
   * As printed per the options, e.g. `"-6.26%"` (a bare number under `deviationBasis: 'absolute'`);
   * `"0%"` for a met qualitative target; null when the relative deviation it would show does not exist.
   */
  readonly printed: string | null;
  /** Unit of `absolute` (`"%"` means percentage points), or null for bare numbers. */
  readonly unit: string | null;
}

/** What an indicator is evaluated from: the cells of one row. */
export interface IndicatorInput {
  /**
   * 指标目标值 as printed, a finite number, or the two cells `{ operator, value }`; null, undefined,
   * empty, `/` or `—`: nothing printed (status `not-reported`).
   */
  readonly target: string | number | TargetCells | null | undefined;
  /**
   * 指标完成值 as printed or a finite number; null, undefined, empty, `/`, `—` or `-`: nothing printed
   * (status `not-reported`).
   */
  readonly actual?: Figure | null | undefined;
  /** 度量单位 column. */
  readonly unit?: string | null | undefined;
  /** 指标名称: decides the direction of a bare target value. */
  readonly name?: string | undefined;
  /** Category path (一级/二级指标): a bare value under 成本指标 is a ceiling. */
  readonly path?: readonly string[] | undefined;
}

/** Conventions of deviation that differ between publishers. Defaults are the reference's. */
export interface EvaluateOptions {
  /**
   * What `deviation.printed` shows: `'relative'` (default, the reference report: percent of
   * the target) or `'absolute'` (actual − target in the indicator's unit, the convention of
   * target/actual/deviation tables in English-language reports).
   */
  readonly deviationBasis?: 'relative' | 'absolute';
  /**
   * Deviation of a met inequality target (`≥`, `≤`, `>`, `<`): `'signed'` (default, the
   * reference report: ≥90% → 99% is 10.00%) or `'zero'` (publishers who print 0 when met).
   */
  readonly metInequality?: 'signed' | 'zero';
  /** Decimals of `deviation.printed` (default 2): an integer from 0 to 20. */
  readonly decimals?: number;
  /** Rounding of `deviation.printed` (default `'half-up'`, 四舍五入). */
  readonly rounding?: RoundingMode;
  /**
   * The report's year (an integer such as 2023): the year of a deadline or an actual date that
   * prints none (`9月前` against `2024年1月`). Without it, such a side takes the other side's
   * year, so that month and day alone are compared.
   */
  readonly year?: number;
  /**
   * Compute the exact strings (default `true`): `deviation.relative`, `deviation.absolute` and
   * `achievement`, each the full-precision decimal. With `false` they are null and only the
   * printed figures are computed: `status` and `deviation.printed` are the same strings as
   * with `true` (the printed deviation is the exact quotient rounded once either way), at less
   * cost, for callers who only show or compare printed figures. validateReport always computes
   * the exact values it checks, whatever `evaluate.exact` says.
   */
  readonly exact?: boolean;
}

/** The result of {@link evaluateIndicator}. */
export interface Evaluation {
  /**
   * `met` (达成), `not-met` (未达成), `needs-judgement` (需人工判断), `not-reported` (a cell prints
   * nothing) or `unparsable` (a cell cannot be read, or units of different kinds).
   */
  readonly status: IndicatorStatus;
  /**
   * Deviation (偏差) of the actual from the target; null when the status is `not-reported` or
   * `unparsable`, the actual is text against a numeric target, or a qualitative target is not met or
   * needs judgement.
   */
  readonly deviation: Deviation | null;
  /**
   * The parsed target, or null when nothing was printed or it could not be read. A bare value
   * beside an actual with a unit carries the unit it was read in (`=1` against `100%`: `=100%`).
   */
  readonly target: Target | null;
  /**
   * The parsed actual (a number) as read (a bare value takes the unit it was read in), or null
   * when it is text, empty or unreadable.
   */
  readonly actual: Quantity | null;
  /** The comparator the actual cell repeats (`≥266米`), if any. */
  readonly actualOperator: Comparator | null;
  /**
   * Achievement, actual / target × 100, exact, in percent (for over-achievement checks);
   * null for qualitative targets, ranges, or a zero target.
   */
  readonly achievement: string | null;
  /**
   * Why the status is `unparsable`, `needs-judgement` or `not-reported`; for a met or unmet
   * target, how a bare value was read: `unit-reading` (a bare `0.95` against `95%` read as the
   * ratio 95%, a bare `10000` against `1万人次` as 10000人次) or `implicit-direction` (which rule
   * gave the comparator of a target printed without one: `投诉次数` ends with a lower-is-better
   * head, so `0` is `≤0`). Null otherwise.
   */
  readonly note: {
    /** Reason code, e.g. `unit-mismatch` or `actual-not-reported`. */
    readonly code: EvaluationNoteCode;
    /** The reason, in en and zh-CN. */
    readonly message: Messages;
  } | null;
}

/** Reasons attached to a status. */
export type EvaluationNoteCode =
  | 'unparsable-target'
  | 'unparsable-value'
  | 'unit-mismatch'
  | 'target-not-reported'
  | 'actual-not-reported'
  | 'unknown-grade'
  | 'approximate-actual'
  | 'qualitative-actual'
  | 'numeric-actual'
  | 'unit-reading'
  | 'implicit-direction';

/**
 * The exact values behind an evaluation's decimal strings, kept for the checks of
 * validateReport so that they need not parse the strings again (internal).
 */
export interface EvaluationExacts {
  readonly target: Dec | null;
  readonly relative: Dec | null;
  readonly absolute: Dec | null;
  readonly achievement: Dec | null;
}

/**
 * An evaluation with the exact values behind its strings (internal): what the rules of
 * validateReport read, so that the public {@link evaluateIndicator} returns plain data and
 * keeps nothing on the side.
 */
export interface ExactEvaluation {
  readonly evaluation: Evaluation;
  /** Set for a quantitative evaluation that compared figures; null otherwise. */
  readonly exacts: EvaluationExacts | null;
}

export function plain(evaluation: Evaluation): ExactEvaluation {
  return { evaluation, exacts: null };
}

export function note(code: EvaluationNoteCode, en: string, zh: string): Evaluation['note'] {
  return { code, message: { en, zh } };
}

export function result(partial: Partial<Evaluation> & Pick<Evaluation, 'status'>): Evaluation {
  return {
    deviation: null,
    target: null,
    actual: null,
    actualOperator: null,
    achievement: null,
    note: null,
    ...partial,
  };
}
