/**
 * Is a printed figure consistent with the exact value? The rule of DESIGN §1 "Rounding": a
 * published figure is consistent when the exact value, rounded half-up to the number of
 * decimals printed, equals it.
 */
import type { Messages } from '../model/findings.js';
import { assertCell, assertCellArray, assertOneOf, assertString } from './arguments.js';
import {
  type Dec,
  dec,
  decimalFromPlain,
  ROUNDING_MODES,
  type RoundingMode,
  round,
  toExact,
  toFixed,
  ZERO,
} from './decimal.js';
import { parseQuantity, type Quantity, quantityValue } from './quantity.js';
import { fixedString, scaledFromPlain } from './scaled.js';

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
  const d = printed.decimals;
  // One rounding: the expected figure as a string. It equals the printed one as text in the
  // common case; otherwise (`-0.00`, `+5`, a leading zero …) the values are compared.
  const expected = toFixed(exact, d, mode);
  const consistent = expected === printed.value || dec(expected).equals(quantityValue(printed));
  return {
    consistent,
    expected,
    looksTruncated:
      !consistent && mode !== 'truncate' && round(exact, d, 'truncate').equals(quantityValue(printed)),
  };
}

/** Most digits of an exact string read as a scaled integer by {@link consistentWithText}. */
const MAX_EXACT_DIGITS = 80;

/**
 * `comparePrinted(dec(exact), printed, mode).consistent` for an exact value given as its plain
 * decimal string (the exact strings of a result), rounded on scaled integers without building
 * a decimal (internal: the hot path of validateReport, where most figures are consistent).
 */
export function consistentWithText(exact: string, printed: Quantity, mode: RoundingMode): boolean {
  const x = scaledFromPlain(exact, MAX_EXACT_DIGITS);
  if (x === null) return comparePrinted(dec(exact), printed, mode).consistent;
  const expected = fixedString(x, printed.decimals, mode);
  return expected === printed.value || dec(expected).equals(quantityValue(printed));
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
 * @throws TypeError when `exact` is not a string, `printed` neither a string nor a number, or
 *   `mode` not one of `'half-up'`, `'half-even'`, `'truncate'` (a non-finite number as
 *   `printed` is data: null).
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
  assertString('matchesPrinted', 'exact', exact);
  assertCell('matchesPrinted', 'printed', printed);
  assertOneOf('matchesPrinted', 'mode', mode, ROUNDING_MODES);
  const e = decimalFromPlain(exact.trim());
  const p = parseQuantity(printed);
  if (e === null || !p.ok || p.quantity === null) return null;
  return comparePrinted(e, p.quantity, mode);
}

/** The exact sum of printed figures, or why there is none. */
export type SumResult =
  | {
      /** Every figure that prints a number was read. */
      readonly ok: true;
      /** The exact sum as a plain decimal string (`"0"` when nothing was added). */
      readonly exact: string;
      /** How many figures printed a number and entered the sum (blank, `/` and `—` do not). */
      readonly count: number;
    }
  | {
      /** A figure prints something that is not a number. */
      readonly ok: false;
      /** The position of that figure in the list. */
      readonly index: number;
      /** What could not be read, in en and zh-CN. */
      readonly message: Messages;
    };

/**
 * Adds printed figures exactly: Σ figures, no rounding. Units are ignored (pass figures in one
 * unit). A cell that prints nothing (blank, `/`, `—`, `-` alone) adds nothing, as a blank child
 * cell of a budget table does; text that is not a number stops the sum and says which.
 *
 * To check a printed total against the sum, give the sum to {@link matchesPrinted}: it rounds
 * the exact sum the way the total is printed.
 *
 * @throws TypeError when `figures` is not an array, or one of them is neither a string, a
 *   number, null nor undefined (a non-finite number is data: `ok: false` at its index).
 * @example
 * ```ts
 * sumFigures(['263.98', '57.21']);          // { ok: true, exact: '321.19', count: 2 }
 * sumFigures(['1.2', '', '/', '4.5']);      // { ok: true, exact: '5.7', count: 2 }
 * matchesPrinted(sumFigures(['0.1', '0.2']).exact, '0.30'); // consistent
 * ```
 */
export function sumFigures(figures: readonly (string | number | null | undefined)[]): SumResult {
  assertCellArray('sumFigures', 'figures', figures);
  let sum = ZERO;
  let count = 0;
  for (let i = 0; i < figures.length; i += 1) {
    const f = figures[i];
    if (f === null || f === undefined) continue;
    const q = parseQuantity(f);
    if (!q.ok) return { ok: false, index: i, message: q.message };
    if (q.quantity === null) continue;
    sum = sum.plus(quantityValue(q.quantity));
    count += 1;
  }
  return { ok: true, exact: toExact(sum), count };
}
