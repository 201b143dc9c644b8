/**
 * Exact comparison of figures: the library's own outputs (the 50-digit `exact` of a rate) and
 * printed figures (`"90%"`, `"10万元"`), without a JS float and without the rounded `printed`.
 */
import { assertCell } from '../core/arguments.js';
import { convertValue, parseQuantity, quantityUnit, quantityValue } from '../core/quantity.js';
import { PLAIN_NUMBER } from '../core/units.js';
import type { Figure } from '../model/report.js';

/**
 * Compares two figures exactly: −1 when `a` < `b`, 0 when equal, 1 when `a` > `b`.
 *
 * Each side is read by `parseQuantity` (a decimal string such as the `exact` of
 * `executionRate`, a printed figure with its unit, or a finite number). Units convert
 * exactly (10万元 = 100000元); a side without a unit takes the other side's unit, so the
 * `exact` of a rate (percent, printed without `%`) compares with `"90%"` as 90 percent.
 * No rounding happens: `"89.999999999999999999999999"` is below `"90%"`.
 *
 * Returns null when there is no answer: a side prints nothing (`/`, `—`) or cannot be read,
 * the units measure different things (`5次` and `5家`, `90%` and `10万元`), or a side is a
 * bound rather than a figure (`117余次`, "more than 117").
 *
 * @throws TypeError when `a` or `b` is neither a string nor a number.
 * @example
 * ```ts
 * const r = executionRate({ adjusted: '57.21', actual: '49.54' }); // exact '86.5932…', printed '86.59%'
 * if (r.ok) compareFigures(r.exact, '90%'); // -1
 * compareFigures('10万元', '100000元');     // 0
 * compareFigures('5次', '5家');             // null
 * ```
 */
export function compareFigures(a: Figure, b: Figure): -1 | 0 | 1 | null {
  assertCell('compareFigures', 'a', a);
  assertCell('compareFigures', 'b', b);
  return compareCells(a, b);
}

function compareCells(a: Figure, b: Figure): -1 | 0 | 1 | null {
  const pa = parseQuantity(a);
  const pb = parseQuantity(b);
  if (!pa.ok || !pb.ok || pa.quantity === null || pb.quantity === null) return null;
  if (pa.quantity.moreThan || pb.quantity.moreThan) return null;
  const ua = quantityUnit(pa.quantity);
  const ub = quantityUnit(pb.quantity);
  // A bare number beside a number word (`1.2万` against `12000`) is a plain number.
  const to = ub ?? (ua?.dimension === 'number' ? PLAIN_NUMBER : ua);
  const from = ua ?? (to?.dimension === 'number' ? PLAIN_NUMBER : to);
  const va = convertValue(quantityValue(pa.quantity), from, to);
  if (va === null) return null;
  const c = va.comparedTo(quantityValue(pb.quantity));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/**
 * True when `value` is strictly below `threshold`, exactly: the check "rate < 90%" on the
 * exact value of a rate. Same reading as {@link compareFigures} (a bare `value` takes the
 * threshold's unit, so the `exact` of a rate is in percent); null when they cannot be
 * compared.
 *
 * Formula: `compareFigures(value, threshold) === -1`.
 *
 * @throws TypeError when `value` or `threshold` is neither a string nor a number.
 * @example
 * ```ts
 * const r = executionRate({ adjusted: '57.21', actual: '49.54' });
 * if (r.ok && isBelow(r.exact, '90%')) console.log('execution below 90%'); // logs
 * isBelow('89.995', '90%'); // true, although it prints as 90.00%
 * isBelow('5次', '90%');    // null
 * ```
 */
export function isBelow(value: Figure, threshold: Figure): boolean | null {
  assertCell('isBelow', 'value', value);
  assertCell('isBelow', 'threshold', threshold);
  const c = compareCells(value, threshold);
  return c === null ? null : c < 0;
}
