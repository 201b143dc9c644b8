/**
 * Exact decimal arithmetic on scaled integers (internal): a value is `n / 10^s` with a BigInt
 * `n` and a scale `s ≥ 0`. It serves the hot path of figures printed with a few decimals
 * (compare, add, subtract, and the one division of a rate or a deviation), where building
 * decimal.js values costs more than the arithmetic. Every function gives the same value, and
 * the same string, as the decimal.js path of src/core/decimal.ts (`Dec`: 50 significant
 * digits, half-up): test/scaled.test.ts checks that law on generated figures.
 *
 * No state, no floats: a JS number never holds a figure here.
 *
 * @internal
 */
import type { RoundingMode } from './decimal.js';

/** Significant digits of `Dec` (PRECISION of decimal.ts; test/scaled.test.ts checks they agree). */
export const PRECISION = 50;

/** A decimal `n / 10^s` (s ≥ 0). */
export interface Scaled {
  readonly n: bigint;
  readonly s: number;
}

/** Longest plain decimal string read here; longer ones take the decimal.js path. */
const MAX_DIGITS = 30;

const POW10: bigint[] = [1n];
/** 10^k as a BigInt (cached up to the sizes this module meets; no module state is observable). */
export function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i += 1) POW10.push((POW10[i - 1] as bigint) * 10n);
  return POW10[k] as bigint;
}

/**
 * Reads a plain decimal string (`-12.345`, `86`, `0.5`: digits, an optional sign and point),
 * or null when it is not one or has more than `max` digits (30 by default: the caller then
 * uses decimal.js).
 */
export function scaledFromPlain(text: string, max: number = MAX_DIGITS): Scaled | null {
  const len = text.length;
  if (len === 0 || len > max + 2) return null;
  let i = 0;
  const c0 = text.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) i = 1;
  let point = -1;
  let digits = 0;
  for (let j = i; j < len; j += 1) {
    const c = text.charCodeAt(j);
    if (c === 46 /* . */) {
      if (point >= 0) return null;
      point = j;
    } else if (c >= 48 && c <= 57) digits += 1;
    else return null;
  }
  if (digits === 0 || digits > max) return null;
  const body = point < 0 ? text.slice(i) : text.slice(i, point) + text.slice(point + 1);
  const n = BigInt(body);
  return { n: c0 === 45 ? -n : n, s: point < 0 ? 0 : len - point - 1 };
}

/** `x` at scale `s` (s ≥ x.s). */
function at(x: Scaled, s: number): bigint {
  return s === x.s ? x.n : x.n * pow10(s - x.s);
}

/**
 * n / 10^s rounded half-up to 50 significant digits, as `Dec` rounds every result (exact when
 * it has no more digits).
 */
function significant(n: bigint, s: number): Scaled {
  const m = abs(n);
  // At most 50 digits: exact. Otherwise the digits beyond 50, counted by comparison (a sum or
  // a difference has a few more at most; printing the number to count them costs more).
  if (m < pow10(PRECISION)) return { n, s };
  let extra = 1;
  while (m >= pow10(PRECISION + extra)) extra += 1;
  const p = pow10(extra);
  const q = m / p;
  let r = (m % p) * 2n >= p ? q + 1n : q;
  let scale = s - extra;
  if (scale < 0) {
    r *= pow10(-scale);
    scale = 0;
  }
  return { n: n < 0n ? -r : r, s: scale };
}

/** a − b rounded half-up to 50 significant digits (what `Dec`'s `minus` gives). */
export function subtract(a: Scaled, b: Scaled): Scaled {
  const s = Math.max(a.s, b.s);
  return significant(at(a, s) - at(b, s), s);
}

/** a + b rounded half-up to 50 significant digits (what `Dec`'s `plus` gives). */
export function add(a: Scaled, b: Scaled): Scaled {
  const s = Math.max(a.s, b.s);
  return significant(at(a, s) + at(b, s), s);
}

/** Compares a and b: −1, 0 or 1. */
export function compare(a: Scaled, b: Scaled): number {
  const s = Math.max(a.s, b.s);
  const x = at(a, s);
  const y = at(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** 10^15 as a BigInt: below it an integer is exact as a JS number (2^53 > 10^15). */
const SAFE_POW10 = 10n ** 15n;

function digitCount(n: bigint): number {
  if (n === 0n) return 0;
  const m = abs(n);
  if (m < SAFE_POW10) {
    // A count of digits, not a figure: the integer is exact as a number below 10^15.
    let v = Number(m);
    let digits = 1;
    while (v >= 10) {
      v = Math.floor(v / 10);
      digits += 1;
    }
    return digits;
  }
  return m.toString().length;
}

/** Rounds the magnitude `q / 10^k` with the remainder known by `half` (−1 below, 0 at, 1 above half). */
function roundUp(mode: RoundingMode, half: number, odd: boolean): boolean {
  if (mode === 'truncate') return false;
  if (mode === 'half-up') return half >= 0;
  return half > 0 || (half === 0 && odd);
}

/**
 * The quotient num ÷ den (den ≠ 0) rounded half-up to 50 significant digits: what `Dec`'s
 * `dividedBy` gives (decimal.js rounds a quotient correctly at its precision).
 */
export function divide(num: Scaled, den: Scaled): Scaled {
  // num / den = (num.n × 10^den.s) / (den.n × 10^num.s)
  const N = abs(num.n) * pow10(den.s);
  const D = abs(den.n) * pow10(num.s);
  const negative = num.n < 0n !== den.n < 0n;
  if (N === 0n) return { n: 0n, s: 0 };
  // Scale so that the integer quotient has PRECISION + 1 digits (one guard digit).
  let k = PRECISION + 1 - (digitCount(N) - digitCount(D));
  // The digits of q are counted by comparison: PRECISION + 1 digits is 10^PRECISION ≤ q < 10^(PRECISION + 1).
  let q = k >= 0 ? (N * pow10(k)) / D : N / (D * pow10(-k));
  if (q < pow10(PRECISION)) {
    k += 1;
    q = k >= 0 ? (N * pow10(k)) / D : N / (D * pow10(-k));
  }
  if (q >= pow10(PRECISION + 1)) {
    q /= 10n;
    k -= 1;
  }
  // Half-up at the guard digit: 5 or more rounds away from zero (exactly half or above).
  let r = q / 10n + (q % 10n >= 5n ? 1n : 0n);
  let s = k - 1;
  if (s < 0) {
    r *= pow10(-s);
    s = 0;
  }
  return { n: negative ? -r : r, s };
}

/** x × 10^k for k ≥ 0 (×100 for a percent), exact. */
export function shift(x: Scaled, k: number): Scaled {
  return x.s >= k ? { n: x.n, s: x.s - k } : { n: x.n * pow10(k - x.s), s: 0 };
}

/**
 * The exact value as a plain decimal string without trailing zeros (`toExact` of decimal.ts:
 * `"-6.26"`, `"0.005"`, `"0"`).
 */
export function plainString(x: Scaled): string {
  const { n } = x;
  if (n === 0n) return '0';
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString();
  let s = x.s;
  // Trailing zeros after the point go, on the string (one BigInt division per zero costs more).
  let end = digits.length;
  while (s > 0 && digits.charCodeAt(end - 1) === 48) {
    end -= 1;
    s -= 1;
  }
  if (end < digits.length) digits = digits.slice(0, end);
  if (s === 0) return negative ? `-${digits}` : digits;
  const padded = digits.length > s ? digits : digits.padStart(s + 1, '0');
  const cut = padded.length - s;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** The magnitude |n| / 10^s rounded to `decimals` places with `mode`, as an integer at scale `decimals`. */
function roundedAt(m: bigint, s: number, decimals: number, mode: RoundingMode): bigint {
  if (s <= decimals) return m * pow10(decimals - s);
  const p = pow10(s - decimals);
  const q = m / p;
  const rem2 = (m % p) * 2n;
  const half = rem2 < p ? -1 : rem2 === p ? 0 : 1;
  return rem2 === 0n || !roundUp(mode, half, (q & 1n) === 1n) ? q : q + 1n;
}

function fixedDigits(negative: boolean, m: bigint, decimals: number): string {
  if (m === 0n) negative = false; // a figure is never -0
  const digits = m.toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const body = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${body}` : body;
}

/** Rounds to `decimals` places with `mode` and prints exactly that many (`toFixed` of decimal.ts, never `-0`). */
export function fixedString(x: Scaled, decimals: number, mode: RoundingMode): string {
  const m = roundedAt(abs(x.n), x.s, decimals, mode);
  return fixedDigits(x.n < 0n, m, decimals);
}

/**
 * The exact quotient num ÷ den (den ≠ 0) rounded once to `decimals` places with `mode`, printed
 * with that many places, never `-0` (`quotientFixed` of decimal.ts).
 */
export function quotientString(num: Scaled, den: Scaled, decimals: number, mode: RoundingMode): string {
  const N = abs(num.n) * pow10(den.s + decimals);
  const D = abs(den.n) * pow10(num.s);
  const q = N / D;
  const rem2 = (N % D) * 2n;
  const half = rem2 < D ? -1 : rem2 === D ? 0 : 1;
  const m = rem2 === 0n || !roundUp(mode, half, (q & 1n) === 1n) ? q : q + 1n;
  return fixedDigits(num.n < 0n !== den.n < 0n, m, decimals);
}
