/**
 * Numbers and units as printed in budget performance tables.
 */

import type { Messages } from '../model/findings.js';
import type { Figure } from '../model/report.js';
import {
  assertBoolean,
  assertCell,
  assertObject,
  assertString,
  assertStringOrNull,
  describeType,
} from './arguments.js';
import { Dec as D, type Dec, decimalFromPlain, decimalsOf, toExact } from './decimal.js';
import { isDigit, isNormalized, normalizeText } from './text.js';
import { currencyPrefix, lookupMoneyUnit, lookupUnit, type UnitInfo } from './units.js';

/**
 * A number as printed, with its unit.
 *
 * `value` is an exact decimal string in the printed unit, with the printed decimals kept
 * (`"86.20"`), without thousands separators, the sign applied (`"(7 379)"` → `"-7379"`).
 */
export interface Quantity {
  /** Exact decimal string in `unit`, as many decimals as printed. */
  readonly value: string;
  /** Digits printed after the decimal point (`"86.20%"` → 2). */
  readonly decimals: number;
  /** Canonical unit in simplified script (`"%"`, `"万元"`, `"次"`), or null when none was printed. */
  readonly unit: string | null;
  /** `117余次`, `2000多家`: the true figure is more than `value`. */
  readonly moreThan: boolean;
  /** The text as given. */
  readonly text: string;
}

/** Result of {@link parseQuantity}. `quantity` is null when the cell prints nothing (`/`, `—`, `-`, empty). */
export type ParseQuantityResult =
  | {
      /** The cell was read, or prints nothing. */
      readonly ok: true;
      /** The number read, or null when the cell prints nothing (`/`, `—`, `-`, empty). */
      readonly quantity: Quantity | null;
    }
  | {
      /** The input is not a number with a unit (or, given a JS number, not a finite one). */
      readonly ok: false;
      /** Always `unparsable-value`. */
      readonly code: 'unparsable-value';
      /** What could not be read, in en and zh-CN. */
      readonly message: Messages;
      /** The text that could not be read, as given (`String(input)` for a number). */
      readonly text: string;
    };

/** Cell contents that mean "nothing printed", after normalisation. */
const NOTHING = new Set([
  '',
  '/',
  '\\',
  '-',
  '—',
  '——',
  '--',
  '---',
  '~',
  'N/A',
  'n/a',
  'NA',
  'N.A.',
  'n.a.',
  '—/—',
  '.',
  '..',
]);

/** True when a normalised cell prints nothing (`/`, `—`, `-` alone, or empty). */
export function isNothingPrinted(normalized: string): boolean {
  return NOTHING.has(normalized);
}

/**
 * {@link isNothingPrinted} of a cell as given (internal): normalised first, except that a text
 * starting with an ASCII digit prints something (normalisation keeps the digit, and no
 * "nothing printed" text starts with one).
 */
export function printsNothing(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  return NOTHING.has(normalizeText(text));
}

function unparsable(text: string, en: string, zh: string): ParseQuantityResult {
  return {
    ok: false,
    code: 'unparsable-value',
    message: { en: `"${text}" is not a number with a unit: ${en}`, zh: `“${text}”不是可识别的数值：${zh}` },
    text,
  };
}

/** Internal result: the number scanned from the start of a normalised string. */
interface Scanned {
  readonly digits: string;
  readonly end: number;
}

/**
 * Scans digits with thousands separators from `start`: `,` and spaces are separators only
 * when exactly three digits follow them (`2 651 586`, `2665 871`, `1,234.5`). One linear pass.
 */
function scanNumber(s: string, start: number): Scanned | null {
  let i = start;
  let digits = '';
  let point = false;
  let grouped = false;
  while (i < s.length) {
    const ch = s[i];
    if (isDigit(ch)) {
      digits += ch;
      i += 1;
      continue;
    }
    if ((ch === ',' || ch === ' ') && digits !== '' && !point) {
      if (isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) && !isDigit(s[i + 4])) {
        grouped = true;
        i += 1;
        continue;
      }
      // A decimal comma (`53,6`, `99,5%`, South African and European tables): a comma before
      // one or two digits, in a number with no thousands separator, cannot group thousands.
      if (
        ch === ',' &&
        !grouped &&
        isDigit(s[i + 1]) &&
        !(isDigit(s[i + 2]) && isDigit(s[i + 3])) &&
        s[i + 2] !== ',' &&
        s[i + 3] !== ','
      ) {
        point = true;
        digits += '.';
        i += 1;
        continue;
      }
      break;
    }
    if (ch === '.' && !point && isDigit(s[i + 1])) {
      point = true;
      digits += ch;
      i += 1;
      continue;
    }
    break;
  }
  if (digits === '') return null;
  return { digits, end: i };
}

/**
 * Parses a number as printed, with its unit.
 *
 * Accepts ASCII and full-width digits; thousands separators (`,` `，` and the spaces of
 * `2 651 586` or `2665 871`, only before groups of exactly three digits); a decimal comma
 * before one or two digits in a number without thousands separators (`53,6`, `99,5%`); a sign (`+`, `-`,
 * `−`) or accounting parentheses (`(7 379)` is −7379); the units of real tables — `%` `％`
 * `‰` 百分比 个百分点, counts (次 家 家次 件 个 人 人次 条 份 篇 批次 起 …), time (天 日 工作日
 * 月 年 …), length (米 厘米 公里), area (亩 平方米 公顷), mass, money (元 万元 亿元, also
 * 萬元 億元), `万`/`亿` before a count unit (`1.2万人次`) — and any other short unit of CJK or
 * Latin letters, which is kept as printed and compares only with itself; `余`/`多` between the
 * number and the unit (`117余次`, `2000多家`) set `moreThan`.
 *
 * `/`, `—`, `-` alone and an empty cell are "nothing printed": `{ ok: true, quantity: null }`.
 * A finite JS number is accepted as is (`-0` is `"0"`). No rounding happens here.
 *
 * Rejected: anything else, e.g. exponent notation (`1e3`), two numbers, prose, `NaN`,
 * `Infinity`: `{ ok: false, code: 'unparsable-value', message, text }`. Never a guess.
 *
 * @throws TypeError when `input` is neither a string nor a number (a programmer error; a
 *   non-finite number is data: `unparsable-value`).
 * @example
 * ```ts
 * parseQuantity('117余次');
 * // { ok: true, quantity: { value: '117', decimals: 0, unit: '次', moreThan: true, text: '117余次' } }
 * parseQuantity('(7 379)');   // value '-7379', unit null
 * parseQuantity('１２.５０％'); // value '12.50', decimals 2, unit '%'
 * parseQuantity('—');         // { ok: true, quantity: null }
 * ```
 */
export function parseQuantity(input: string | number): ParseQuantityResult {
  assertCell('parseQuantity', 'input', input);
  if (typeof input === 'number') return quantityFromNumber(input);
  const text = input;
  return parseSimpleQuantity(text) ?? parseQuantityText(text);
}

/**
 * The full grammar of {@link parseQuantity} for a text (internal; exported for the test that
 * compares it with the fast path, parseSimpleQuantity).
 */
export function parseQuantityText(text: string): ParseQuantityResult {
  let s = normalizeText(text);
  if (isNothingPrinted(s)) return { ok: true, quantity: null };

  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let i = 0;
  if (s[0] === '+' || s[0] === '-') {
    if (negative) return unparsable(text, 'a sign inside parentheses', '括号内又有正负号');
    negative = s[0] === '-';
    i = 1;
    while (s[i] === ' ') i += 1;
  }
  // ¥1,000.00, RMB 1,000, $1.5 million, R 2 500: a currency sign before the number.
  const currency = currencyPrefix(s.slice(i));
  if (currency !== null) {
    i += currency.length;
    while (s[i] === ' ') i += 1;
  }
  const scanned = scanNumber(s, i);
  if (!scanned) return unparsable(text, 'no number found', '没有找到数字');
  let rest = s.slice(scanned.end).trim();
  if (/^e[+-]?\d/iu.test(rest)) {
    return unparsable(
      text,
      'exponent notation (1.2e3) is not a printed figure: write the digits (1200)',
      '科学计数法（如 1.2e3）不是表中的数字写法，请写出数字（1200）',
    );
  }
  let moreThan = false;
  if (rest.startsWith('余') || rest.startsWith('多')) {
    moreThan = true;
    rest = rest.slice(1).trim();
  }
  let unit: UnitInfo | null = null;
  if (currency !== null) {
    unit = lookupMoneyUnit(`${currency}${rest}`);
    if (!unit) return unparsable(text, `"${rest}" is not a scale of money`, `“${rest}”不是金额单位`);
  } else if (rest !== '') {
    unit = lookupUnit(rest.replaceAll(' ', ''));
    if (!unit) return unparsable(text, `"${rest}" is not a unit`, `“${rest}”不是计量单位`);
  }
  const plain = normalizeDigits(scanned.digits);
  if (countDigits(plain) > MAX_DIGITS) return tooLong(text);
  const value = negative && !/^[0.]+$/.test(plain) ? `-${plain}` : plain;
  return {
    ok: true,
    quantity: { value, decimals: decimalsOf(plain), unit: unit ? unit.symbol : null, moreThan, text },
  };
}

/**
 * A plain number, an optional space, 余/多 (more than) and an optional unit: `93.74%`, `329次`,
 * `430.93`, `11 次`, `117余次`, `32,449.61万元` (commas between groups of three digits, as the
 * full parser reads them). The unit has no digit, so the space is never a thousands separator.
 */
const SIMPLE_QUANTITY = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)( ?)([余多]?)([^\s\d.,()+\-余多]*)$/;

/**
 * Fast path of parseQuantity for the common case, a plain unsigned number with an optional
 * unit already in normal form; null when the text needs the full parser. Same result as the
 * full parser for every text it accepts (test/quantity.test.ts compares them on generated text).
 */
function parseSimpleQuantity(text: string): ParseQuantityResult | null {
  const m = SIMPLE_QUANTITY.exec(text);
  if (m === null) return null;
  const moreThan = m[3] === '余' || m[3] === '多';
  const rest = m[4] as string;
  let unit: UnitInfo | null = null;
  if (rest !== '') {
    if (rest !== '%' && !isNormalized(rest)) return null;
    unit = lookupUnit(rest);
    if (!unit) return null;
  }
  const digits = m[1] as string;
  const plain = normalizeDigits(digits.includes(',') ? digits.replaceAll(',', '') : digits);
  // No more digits than characters: a short figure needs no count.
  if (plain.length > MAX_DIGITS && countDigits(plain) > MAX_DIGITS) return null; // the full parser says why
  return {
    ok: true,
    quantity: {
      value: plain,
      decimals: decimalsOf(plain),
      unit: unit ? unit.symbol : null,
      moreThan,
      text,
    },
  };
}

/**
 * Digits of a plain decimal string that count against {@link MAX_DIGITS}: its significant
 * digits (leading zeros not counted, also after the point: the exact 0.0123… of a small rate
 * has as many as its precision gives), or more than MAX_DIGITS when the whole run of digits
 * is longer than twice MAX_DIGITS (`0.000…0001` with 120 zeros is refused).
 */
function countDigits(plain: string): number {
  let n = 0;
  let all = 0;
  let leading = true;
  for (const ch of plain) {
    if (ch < '0' || ch > '9') continue;
    all += 1;
    if (leading && ch === '0') continue;
    leading = false;
    n += 1;
  }
  return all > 2 * MAX_DIGITS ? all : n;
}

function tooLong(text: string): ParseQuantityResult {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return unparsable(
    shown,
    `more than ${MAX_DIGITS} digits, more than outturn can hold exactly`,
    `超过 ${MAX_DIGITS} 位数字，无法精确计算`,
  );
}

/** Drops redundant leading zeros ("007" → "7", ".5" → "0.5"), keeps printed decimals. */
function normalizeDigits(digits: string): string {
  let d = digits.startsWith('.') ? `0${digits}` : digits;
  while (d.length > 1 && d[0] === '0' && d[1] !== '.') d = d.slice(1);
  return d;
}

function quantityFromNumber(n: number): ParseQuantityResult {
  const text = String(n);
  if (!Number.isFinite(n)) return unparsable(text, 'not a finite number', '不是有限数');
  const value = toExact(new D(n));
  if (countDigits(value) > MAX_DIGITS) return tooLong(text);
  return { ok: true, quantity: { value, decimals: decimalsOf(value), unit: null, moreThan: false, text } };
}

/** A figure as the report JSON allows it: a string, or a finite number. */
export function isFigure(value: unknown): value is Figure {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * A value as text for messages and findings, whatever it is: strings and finite numbers as
 * they are, anything else by its type (never throws, even for `Object.create(null)`).
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return describeType(value);
}

/**
 * Most digits a figure may have (leading zeros of the integer part not counted): 50, the
 * working precision of outturn, so that the library's own outputs are valid inputs (the
 * 50-digit `exact` of `executionRate` fed back as an actual, issue 12 item 7). Figures
 * of at most 24 digits, which is every figure a real table prints (a budget of 10^12 元 with
 * 2 decimals has 15), add and subtract exactly; figures of 25 to 50 digits compare exactly
 * and round only at the 50th significant digit in a sum or difference. Longer figures are
 * `unparsable-value`, never silently rounded: the bound against hostile input stays.
 */
export const MAX_DIGITS = 50;

/** Describes a value's type for programmer-error messages (it lives in arguments.ts). */
export { describeType };

/**
 * Prints a quantity back in a canonical form: sign, digits with the printed decimals, `余`
 * when `moreThan`, and the unit. `parseQuantity(formatQuantity(q))` gives `q` back (but `text`).
 *
 * @throws TypeError when `q` is not an object, `q.value` not a string, `q.unit` neither a
 *   string nor null, or `q.moreThan` not a boolean.
 * @example
 * ```ts
 * formatQuantity({ value: '-7379', decimals: 0, unit: null, moreThan: false, text: '(7 379)' }); // '-7379'
 * ```
 */
export function formatQuantity(q: Omit<Quantity, 'text'>): string {
  assertObject('formatQuantity', 'q', q);
  assertString('formatQuantity', 'q.value', q.value);
  assertStringOrNull('formatQuantity', 'q.unit', q.unit);
  assertBoolean('formatQuantity', 'q.moreThan', q.moreThan);
  return `${q.value}${q.moreThan ? '余' : ''}${q.unit ?? ''}`;
}

/** Exact value of a quantity (internal). */
export function quantityValue(q: Quantity): Dec {
  // `value` is always a plain decimal string built by parseQuantity: no need to check it again.
  return new D(q.value);
}

/** Unit information of a quantity, or null for a bare number (internal). */
export function quantityUnit(q: Quantity): UnitInfo | null {
  return q.unit === null ? null : lookupUnit(q.unit);
}

/**
 * Converts `value` printed in unit `from` into unit `to` (internal). Returns null when the
 * units measure different things. A null unit on either side takes the other's.
 */
export function convertValue(value: Dec, from: UnitInfo | null, to: UnitInfo | null): Dec | null {
  if (from === null || to === null) return value;
  if (from.dimension !== to.dimension) return null;
  if (from.factor.equals(to.factor)) return value;
  return value.times(from.factor).dividedBy(to.factor);
}

/**
 * Converts a printed amount between units of the same dimension, exactly.
 *
 * Formula: value × factor(from) ÷ factor(to); 1 万元 = 10 000 元, 1 亿元 = 10 000 万元,
 * 1 公顷 = 15 亩. No rounding. Returns null when the units measure different things or are
 * not units.
 *
 * @throws TypeError when `value`, `from` or `to` is not a string.
 * @example
 * ```ts
 * convertUnit('10', '万元', '元');  // '100000'
 * convertUnit('430.93', '万元', '亿元'); // '0.043093'
 * convertUnit('5', '次', '家');     // null
 * ```
 */
export function convertUnit(value: string, from: string, to: string): string | null {
  assertString('convertUnit', 'value', value);
  assertString('convertUnit', 'from', from);
  assertString('convertUnit', 'to', to);
  const v = decimalFromPlain(value.trim());
  const f = lookupUnit(normalizeText(from));
  const t = lookupUnit(normalizeText(to));
  if (v === null || f === null || t === null) return null;
  const out = convertValue(v, f, t);
  return out === null ? null : toExact(out);
}

/** A 度量单位 column as read: the canonical unit symbol, null when blank, or not a unit. */
export type UnitColumn = { readonly ok: true; readonly unit: string | null } | { readonly ok: false };

/**
 * Reads a unit column (度量单位) once, for every rule that needs it (internal): blank, `/` and
 * `—` are "no unit"; anything else must read as a unit after a number (`%`, `万元`, `人次`,
 * `百分比`, `个百分点`), or be such a unit followed by its name in parentheses (`%(百分比)`).
 */
export function readUnitColumn(raw: string | null | undefined): UnitColumn {
  if (raw === null || raw === undefined) return { ok: true, unit: null };
  const s = normalizeText(raw);
  if (isNothingPrinted(s)) return { ok: true, unit: null };
  const probe = parseQuantity(`1${s}`);
  if (probe.ok && probe.quantity !== null) return { ok: true, unit: probe.quantity.unit };
  // `%(百分比)` (Hebei tables), `元(人民币)`: a unit with its name in parentheses. The gloss
  // must not name another unit (`%(个百分点)` is not read).
  const open = s.indexOf('(');
  if (open > 0 && s.endsWith(')')) {
    const head = readUnitColumn(s.slice(0, open));
    const gloss = parseQuantity(`1${s.slice(open + 1, -1).trim()}`);
    const glossUnit = gloss.ok && gloss.quantity !== null ? gloss.quantity.unit : null;
    if (head.ok && head.unit !== null && (glossUnit === null || glossUnit === head.unit)) return head;
  }
  return { ok: false };
}
