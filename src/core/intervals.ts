/**
 * Interval arithmetic on printed figures (DESIGN §1 "Rounding", docs/conventions.md §1).
 *
 * A printed input stands for every value that rounds to it at its printed decimals: `2.38`
 * printed half-up stands for [2.375, 2.385]. A printed result is consistent with rounded
 * inputs when some inputs in their intervals give a value that rounds to it. Everything is
 * exact (decimal.js through ./decimal.ts); nothing here is a tolerance: the width of an
 * interval follows from the digits printed and nothing else.
 *
 * Intervals are closed. The true set of values that round half-up to `2.38` is [2.375, 2.385);
 * closing it admits the single point 2.385 as well, which can only make a printed figure
 * consistent that is exactly on a rounding boundary of its inputs: never a false error.
 *
 * Internal: nothing here is exported from the package entry points.
 */
import { Dec as D, type Dec, type RoundingMode, round, toFixed } from './decimal.js';
import { comparePrinted, type PrintedComparison } from './printed.js';
import { type Quantity, quantityValue } from './quantity.js';

/** A closed interval [lo, hi] of exact values, lo ≤ hi. */
export interface Interval {
  readonly lo: Dec;
  readonly hi: Dec;
}

/** The interval of one exact value. */
export function point(value: Dec): Interval {
  return { lo: value, hi: value };
}

/** Half of one unit in the last printed decimal: 0.005 for 2 decimals. */
export function halfUnit(decimals: number): Dec {
  return HALF_UNITS[decimals] ?? new D(`5e${-(decimals + 1)}`);
}

/**
 * 10^k for an integer k, read from its exponent notation: exact, and without the series that
 * `Decimal.pow` runs (which made building the constants below a few milliseconds of start-up).
 */
function tenTo(k: number): Dec {
  return new D(`1e${k}`);
}

/** Half a unit at 0 to 20 decimals, the printed precisions: constants, built once. */
const HALF_UNITS: readonly Dec[] = Array.from({ length: 21 }, (_, d) => new D(`5e${-(d + 1)}`));

/**
 * The values that round to `value` printed with `decimals` decimals under `mode`:
 * half-up and half-even: [value − ½ unit, value + ½ unit]; truncate: [value, value + 1 unit]
 * away from zero (for a value of 0 either side).
 */
export function printedInterval(value: Dec, decimals: number, mode: RoundingMode = 'half-up'): Interval {
  if (mode === 'truncate') {
    const unit = tenTo(-decimals);
    if (value.isZero()) return { lo: unit.neg(), hi: unit };
    return value.isNeg() ? { lo: value.minus(unit), hi: value } : { lo: value, hi: value.plus(unit) };
  }
  const h = halfUnit(decimals);
  return { lo: value.minus(h), hi: value.plus(h) };
}

/** a + b. */
export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

/** a − b. */
export function subtract(a: Interval, b: Interval): Interval {
  return { lo: a.lo.minus(b.hi), hi: a.hi.minus(b.lo) };
}

/** Σ of the intervals ([0, 0] for none). */
export function sum(items: readonly Interval[]): Interval {
  let lo = new D(0);
  let hi = new D(0);
  for (const i of items) {
    lo = lo.plus(i.lo);
    hi = hi.plus(i.hi);
  }
  return { lo, hi };
}

function hull(values: readonly Dec[]): Interval {
  let lo = values[0] as Dec;
  let hi = lo;
  for (const v of values) {
    if (v.lessThan(lo)) lo = v;
    if (v.greaterThan(hi)) hi = v;
  }
  return { lo, hi };
}

/** a × b. */
export function multiply(a: Interval, b: Interval): Interval {
  return hull([a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)]);
}

/** a × k for an exact k. */
export function scale(a: Interval, k: Dec): Interval {
  return multiply(a, point(k));
}

/**
 * a ÷ b, or null when b contains 0 (the quotient is then unbounded: no check is possible).
 * Each bound is rounded outward at the library's precision (50 significant digits), so the
 * interval always contains every exact quotient.
 */
export function divide(a: Interval, b: Interval): Interval | null {
  if (!b.lo.isPos() && !b.hi.isNeg()) return null;
  const qs = [a.lo.div(b.lo), a.lo.div(b.hi), a.hi.div(b.lo), a.hi.div(b.hi)];
  const h = hull(qs);
  // decimal.js rounds each quotient to 50 significant digits; widen by one unit there.
  const widen = (v: Dec): Dec => (v.isZero() ? new D(0) : tenTo(v.abs().e - 49));
  return { lo: h.lo.minus(widen(h.lo)), hi: h.hi.plus(widen(h.hi)) };
}

/** True when `value` lies in the interval. */
export function contains(i: Interval, value: Dec): boolean {
  return !value.lessThan(i.lo) && !value.greaterThan(i.hi);
}

/**
 * The range of printed figures that values in `i` give, rounded with `mode` to `decimals`:
 * rounding is monotone, so these are exactly the figures from `low` to `high` at that
 * precision.
 */
export function printedRange(
  i: Interval,
  decimals: number,
  mode: RoundingMode = 'half-up',
): { readonly low: string; readonly high: string } {
  return { low: toFixed(i.lo, decimals, mode), high: toFixed(i.hi, decimals, mode) };
}

/**
 * True when some value in `i`, rounded with `mode` to `decimals`, is `printed`. Rounding is
 * monotone, so this holds exactly when round(lo) ≤ printed ≤ round(hi).
 */
export function allowsPrinted(
  i: Interval,
  printed: Dec,
  decimals: number,
  mode: RoundingMode = 'half-up',
): boolean {
  return !printed.lessThan(round(i.lo, decimals, mode)) && !printed.greaterThan(round(i.hi, decimals, mode));
}

/**
 * The interval a parsed printed input stands for, in its printed unit: {@link printedInterval}
 * at its printed decimals, or the single value when `exact` is true (the option
 * `strictInputs`) or the figure is a bound (`100余`: "more than 100", which no interval of
 * rounding describes: it is taken as printed, as before).
 *
 * @example
 * ```ts
 * quantityInterval({ value: '2.38', decimals: 2, unit: null, moreThan: false, text: '2.38' });
 * // [2.375, 2.385]
 * ```
 */
export function quantityInterval(q: Quantity, mode: RoundingMode = 'half-up', exact = false): Interval {
  const v = quantityValue(q);
  return exact || q.moreThan ? point(v) : printedInterval(v, q.decimals, mode);
}

/** Outcome of comparing a printed result with its recomputation from rounded printed inputs. */
export interface RoundedComparison extends PrintedComparison {
  /**
   * True when the printed result is not the recomputation from the printed inputs taken as
   * exact (`consistent` is false) but some inputs that round to the printed ones give it:
   * a `rounding-difference`, not an error.
   */
  readonly byRounding: boolean;
  /**
   * The least result the input intervals allow, printed like the result; null without
   * intervals or when the printed result is consistent (no interval is needed then).
   */
  readonly low: string | null;
  /** The greatest result the input intervals allow, printed like the result; null as `low`. */
  readonly high: string | null;
}

/**
 * The rounding rule of DESIGN §1 on one printed result: first the exact comparison of
 * {@link comparePrinted} (the printed inputs taken as exact); when that fails, whether the
 * interval `inputs` of results that inputs rounding to the printed ones give allows the
 * printed figure at its printed decimals ({@link allowsPrinted}). `inputs` null (strict, or no
 * interval: a divisor that may be zero) leaves the exact comparison alone; given as a function,
 * it is called only when the exact comparison fails (most printed figures are consistent).
 *
 * `printed` is the printed result with `value` in the unit of `exact` and its printed decimals.
 *
 * @example
 * ```ts
 * // 2.38 ÷ 2.46 × 100 = 96.75…% printed 96.8%: 96.7 as exact, 96.3 to 97.1 from the intervals
 * compareRounded(exactRate, rateInterval, { value: '96.8', decimals: 1, … });
 * // { consistent: false, expected: '96.7', byRounding: true, low: '96.3', high: '97.1', … }
 * ```
 */
export function compareRounded(
  exact: Dec,
  inputs: Interval | null | (() => Interval | null),
  printed: Quantity,
  mode: RoundingMode = 'half-up',
): RoundedComparison {
  const { consistent, expected, looksTruncated } = comparePrinted(exact, printed, mode);
  const interval = consistent ? null : typeof inputs === 'function' ? inputs() : inputs;
  if (interval === null)
    return { consistent, expected, looksTruncated, byRounding: false, low: null, high: null };
  const { low, high } = printedRange(interval, printed.decimals, mode);
  const byRounding = allowsPrinted(interval, quantityValue(printed), printed.decimals, mode);
  return { consistent, expected, looksTruncated, byRounding, low, high };
}
