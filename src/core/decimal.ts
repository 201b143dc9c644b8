/**
 * The one module of outturn that imports decimal.js.
 *
 * Everything numeric in the library goes through `Dec`, a private constructor made with
 * `Decimal.clone`, so that no caller's `Decimal.set(...)` can change our results and nothing
 * we do can change theirs. Nothing here is exported from the package entry points: no
 * `Decimal` instance crosses the public API, only decimal strings.
 *
 * @internal
 */
import { Decimal } from 'decimal.js';
import { describeValue } from './arguments.js';
import { quotientString, type Scaled, scaledFromPlain } from './scaled.js';

/**
 * Significant digits kept by every operation. Budget amounts have at most ~15 significant
 * digits in practice; 50 leaves room for a quotient of two such amounts and the product of
 * that quotient with a weight, before the single rounding at the output.
 */
export const PRECISION = 50;

/** The private decimal constructor (half-up, 50 significant digits, no exponent in strings). */
export const Dec = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});

/** A decimal value of the private constructor. */
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/**
 * Strictly greater than zero. (decimal.js `isPositive()` is true for +0: never use it for a
 * sign test.)
 */
export function isPos(value: Dec): boolean {
  return value.gt(0);
}

/** Strictly less than zero (decimal.js `isNegative()` is true for -0). */
export function isNeg(value: Dec): boolean {
  return value.lt(0);
}

/** Rounding modes that outturn names; `half-up` (四舍五入) is the default everywhere. */
export type RoundingMode = 'half-up' | 'half-even' | 'truncate';

/** The rounding modes, in the order the docs list them (for argument checks). */
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'truncate'];

/**
 * The decimal.js constant of a mode. A switch, not a record lookup: a mode that slipped past
 * the argument checks (`'constructor'`) can never read Object.prototype.
 */
function modeOf(mode: RoundingMode): Decimal.Rounding {
  switch (mode) {
    case 'half-up':
      return Decimal.ROUND_HALF_UP;
    case 'half-even':
      return Decimal.ROUND_HALF_EVEN;
    case 'truncate':
      return Decimal.ROUND_DOWN;
    default:
      throw new TypeError(
        `rounding must be one of "half-up", "half-even", "truncate", got ${describeValue(mode)}`,
      );
  }
}

/**
 * Parses a plain decimal string (`-12.345`, `1e3` is not accepted): digits with an optional
 * sign and one decimal point. Returns null for anything else. Callers normalise printed text
 * first (see quantity.ts); this is the last, strict step.
 */
export function decimalFromPlain(text: string): Dec | null {
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  return new Dec(text);
}

/** A Dec from a plain decimal string known to be valid (internal constants). */
export function dec(text: string | number): Dec {
  return new Dec(text);
}

/** Rounds to `decimals` places with the named mode and prints with exactly that many places. */
export function toFixed(value: Dec, decimals: number, mode: RoundingMode = 'half-up'): string {
  const s = value.toFixed(decimals, modeOf(mode));
  // decimal.js prints "-0.00" for a negative value that rounds to zero: a figure is never -0.
  return /^-0(?:\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * The exact quotient `numerator ÷ denominator` rounded ONCE to `decimals` places with the named
 * mode, printed with exactly that many places (never `-0.00`). Unlike dividing at 50
 * significant digits and then rounding (two roundings: …45.4549 → …45.455 → …45.46), the digits
 * past the printed precision are computed exactly, as an integer division of the two values
 * scaled to integers (src/core/scaled.ts). Used for relative deviations, whose quotients of
 * 24-digit figures can need more than 50 digits. `denominator` must not be zero (callers check).
 *
 * @example
 * ```ts
 * quotientFixed(dec('-626'), dec('100'), 2); // '-6.26'
 * quotientFixed(dec('1'), dec('3'), 2);      // '0.33'
 * ```
 */
export function quotientFixed(
  numerator: Dec,
  denominator: Dec,
  decimals: number,
  mode: RoundingMode = 'half-up',
): string {
  modeOf(mode); // a mode that slipped past the argument checks is a programmer error
  return quotientString(scaledOf(numerator), scaledOf(denominator), decimals, mode);
}

/** A Dec as a scaled integer (every digit kept: its string never has an exponent). */
export function scaledOf(value: Dec): Scaled {
  return scaledFromPlain(value.toString(), Number.POSITIVE_INFINITY) as Scaled;
}

/** Rounds to `decimals` places with the named mode, as a decimal value. */
export function round(value: Dec, decimals: number, mode: RoundingMode = 'half-up'): Dec {
  return value.toDecimalPlaces(decimals, modeOf(mode));
}

/**
 * The exact value as a plain decimal string without exponent and without trailing zeros,
 * e.g. "134.16669261184968398767…". Negative zero prints as "0".
 */
export function toExact(value: Dec): string {
  if (value.isZero()) return '0';
  return value.toString();
}

/** Number of digits after the decimal point in a plain decimal string ("86.20" → 2, "86" → 0). */
export function decimalsOf(plain: string): number {
  const i = plain.indexOf('.');
  return i < 0 ? 0 : plain.length - i - 1;
}
