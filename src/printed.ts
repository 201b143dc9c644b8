/**
 * Is a printed figure consistent with the exact value? The rule of DESIGN §1 "Rounding": a
 * published figure is consistent when the exact value, rounded half-up to the number of
 * decimals printed, equals it.
 */
import { type Dec, decimalFromPlain, type RoundingMode, round, toFixed } from './decimal.js';
import { parseQuantity, type Quantity, quantityValue } from './quantity.js';

/** Outcome of comparing a printed figure with its exact value. */
export interface PrintedComparison {
  /** True when the exact value, rounded with the mode to the printed decimals, equals the printed figure. */
  readonly consistent: boolean;
  /** The exact value rounded the way the figure was printed (same decimals, same mode). */
  readonly expected: string;
  /** True when the printed figure equals the exact value truncated instead of rounded. */
  readonly looksTruncated: boolean;
}

/** Compares a parsed printed quantity with an exact value in the same unit (internal). */
export function comparePrinted(
  exact: Dec,
  printed: Quantity,
  mode: RoundingMode = 'half-up',
): PrintedComparison {
  const p = quantityValue(printed);
  const d = printed.decimals;
  const rounded = round(exact, d, mode);
  const consistent = rounded.equals(p);
  const truncated = round(exact, d, 'truncate');
  return {
    consistent,
    expected: toFixed(exact, d, mode),
    looksTruncated: !consistent && mode !== 'truncate' && truncated.equals(p),
  };
}

/**
 * Checks a printed figure against an exact value: consistent when the exact value, rounded
 * with `mode` (default half-up, 四舍五入) to the number of decimals printed, equals it.
 * Units are ignored: pass the exact value in the unit the figure is printed in (percent for
 * `"86%"`).
 *
 * Returns null when `printed` is not a number as printed or `exact` is not a plain decimal
 * string.
 *
 * @example
 * ```ts
 * matchesPrinted('86.2', '86%');         // { consistent: true, expected: '86', looksTruncated: false }
 * matchesPrinted('99.985', '99.98%');    // { consistent: false, expected: '99.99', looksTruncated: true }
 * matchesPrinted('134.1666926', '134.17%'); // consistent
 * ```
 */
export function matchesPrinted(
  exact: string,
  printed: string | number,
  mode: RoundingMode = 'half-up',
): PrintedComparison | null {
  const e = decimalFromPlain(exact.trim());
  const p = parseQuantity(printed);
  if (e === null || !p.ok || p.quantity === null) return null;
  return comparePrinted(e, p.quantity, mode);
}
