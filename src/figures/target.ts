/**
 * Target notation (指标目标值) as printed in self-evaluation tables.
 *
 * Over 400 lines because it is one thing: the grammar of printed targets (comparators, words,
 * ranges, cells, qualitative grades), which reads best whole. Which way an indicator is better,
 * the comparator of a target printed without one, is in direction.ts.
 */

import { assertOneOf } from '../core/arguments.js';
import {
  describeType,
  isNothingPrinted,
  parseQuantity,
  type Quantity,
  readUnitColumn,
  showValue,
  type UnitColumn,
} from '../core/quantity.js';
import { hasDigit, isDigit, nameKey, normalizeText } from '../core/text.js';
import type { Messages } from '../model/findings.js';
import type { TargetCells } from '../model/report.js';
import { assertTargetContext, assertTargetInput, COMPARATORS } from './checks.js';
import { type Deadline, parseDeadline } from './deadline.js';
import { type IndicatorDirection, indicatorDirection } from './direction.js';
import { type Inclusion, readEnglish, stripInclusion } from './notation.js';

export type { Deadline } from './deadline.js';

/** A comparison: `>=` 不低于, `<=` 不高于, `=` 等于, `>` 高于/超过, `<` 低于/不满. */
export type Comparator = '>=' | '<=' | '=' | '>' | '<';

/** A parsed target. */
export type Target =
  | {
      /** A comparator and one value: `≥90%`, `不低于95%`, or a bare `100`. */
      readonly kind: 'comparison';
      /** The comparator (`>=` for ≥, 不低于, 以上 …), inferred when `implicit`. */
      readonly operator: Comparator;
      /** The target value with its unit; a bare number takes the unit column's unit. */
      readonly value: Quantity;
      /**
       * True when no comparator was printed (`90%`, `100`) and the operator was inferred
       * from the indicator's natural direction: `<=` for the known lower-is-better
       * indicators (see `isLowerBetter`), `>=` otherwise.
       */
      readonly implicit: boolean;
      /** The target's text as given (for two cells, operator and value joined). */
      readonly text: string;
      /**
       * Words printed around the number, when the cell is not a figure alone: `年度预算` of
       * `年度预算220万元`, `Target` of `Target: 95%`, `from FY 2006 funding` of
       * `377 from FY 2006 funding`, `提高` of `提高5个百分点`. Absent for a figure alone.
       */
      readonly words?: string;
    }
  | {
      /**
       * `90%-95%`, `90%～95%`, `90%至95%`, `[90%,110%]`, `90%≤x≤110%`, `≥90%且≤110%`,
       * `between 80 and 90 per cent`: both bounds included unless `minOpen`/`maxOpen`.
       */
      readonly kind: 'range';
      /** Lower bound, inclusive; both bounds have the same unit. */
      readonly min: Quantity;
      /** Upper bound, inclusive. */
      readonly max: Quantity;
      /** The target as printed. */
      readonly text: string;
      /** True when the lower bound is excluded (`(90%,110%]`, `90%<x≤110%`, `>90%且≤110%`). */
      readonly minOpen?: boolean;
      /** True when the upper bound is excluded (`[90%,110%)`, `90%≤x<110%`). */
      readonly maxOpen?: boolean;
    }
  | {
      /** 健全, 规范, 较显著, 达成预期指标 …: compared as a grade. */
      readonly kind: 'qualitative';
      /** The expected grade, width/script normalised, without spaces. */
      readonly expected: string;
      /** The target as printed (the value cell, for two cells). */
      readonly text: string;
      /**
       * Set when the target is a deadline (完成时限): `9月前`, `11月前`, `2023年12月底前`, `年底前`,
       * `6月30日前`, `12月31日前完成`. A deadline is met or not by the date or the words of the
       * actual (`2023年10月`, `按期完成`); it is scored as a qualitative target. It is a field of
       * the qualitative kind, not a kind of its own, so that a program that switches on `kind`
       * keeps working.
       */
      readonly deadline?: Deadline;
    };

/** Result of {@link parseTarget}. `target` is null when nothing was printed. */
export type ParseTargetResult =
  | {
      /** The cell was read, or prints nothing. */
      readonly ok: true;
      /** The parsed target, or null when the cell prints nothing (`/`, `—`, empty). */
      readonly target: Target | null;
    }
  | {
      /** The target cannot be read: never a guess. */
      readonly ok: false;
      /** Always `unparsable-target`. */
      readonly code: 'unparsable-target';
      /** Why it cannot be read, in en and zh-CN. */
      readonly message: Messages;
      /** The text that could not be read: the cell as given, the two cells joined, or a bad unit column. */
      readonly text: string;
    };

/** Context that a target's cell alone does not give. */
export interface TargetContext {
  /** 指标名称: decides the direction of a bare value. */
  readonly name?: string | undefined;
  /** 度量单位 printed in its own column: the unit of a bare value. */
  readonly unit?: string | null | undefined;
  /** Category path (一级/二级指标): a bare value under 成本指标 is read as a ceiling. */
  readonly path?: readonly string[] | undefined;
}

/**
 * The context of one evaluation (internal): the indicator's direction is read at most once, by
 * the parse of a target printed without a comparator and by the note that says which rule gave
 * it (evaluateExact makes one per call).
 */
export class EvaluationContext implements TargetContext {
  #direction: IndicatorDirection | undefined;
  constructor(
    readonly name: string | undefined,
    readonly unit: string | null | undefined,
    readonly path: readonly string[] | undefined,
  ) {}
  /** {@link indicatorDirection} of the name and path, read once. */
  direction(): IndicatorDirection {
    this.#direction ??= indicatorDirection(this.name ?? '', this.path ?? []);
    return this.#direction;
  }
}

/** The direction of the indicator of `context`, read once when it is an EvaluationContext. */
export function directionOf(context: TargetContext): IndicatorDirection {
  return context instanceof EvaluationContext
    ? context.direction()
    : indicatorDirection(context.name ?? '', context.path ?? []);
}

/** Comparator symbols, longest first (after NFKC, `＞＝` is `>=`, `﹦` is `=`). */
const SYMBOLS: readonly (readonly [string, Comparator])[] = [
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['==', '='],
  ['≥', '>='],
  ['≧', '>='],
  ['⩾', '>='],
  ['≮', '>='],
  ['≤', '<='],
  ['≦', '<='],
  ['⩽', '<='],
  ['≯', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  // U+2550 BOX DRAWINGS DOUBLE HORIZONTAL: printed for = in some tables (永德县 2022).
  ['═', '='],
];

/**
 * Comparator words before the number. Whether the number itself is included follows the
 * Civil Code (民法典 第一千二百五十九条): 以上、以下、以内、届满 include it; 不满、超过、以外 do not.
 */
const PREFIX_WORDS: readonly (readonly [string, Comparator])[] = [
  ['大于或等于', '>='],
  ['大于等于', '>='],
  ['小于或等于', '<='],
  ['小于等于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不短于', '>='],
  ['至少', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['不长于', '<='],
  ['不超出', '<='],
  ['至多', '<='],
  ['最多', '<='],
  ['控制在', '<='],
  ['高于', '>'],
  ['多于', '>'],
  ['大于', '>'],
  ['超过', '>'],
  ['低于', '<'],
  ['少于', '<'],
  ['小于', '<'],
  ['不满', '<'],
  ['不足', '<'],
  ['不到', '<'],
  ['等于', '='],
  ['达到', '='],
];

/** Comparator words after the number: 以上 (≥), 以下/以内 (≤), with 及/(含) variants. */
const SUFFIX_WORDS: readonly (readonly [string, Comparator])[] = [
  ['(含)以上', '>='],
  ['(含)以下', '<='],
  ['(含)以内', '<='],
  ['及以上', '>='],
  ['及以下', '<='],
  ['及以内', '<='],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
];

/** Words of a separate operator cell (指标性质) besides the symbols and prefix words. */
const OPERATOR_CELL_WORDS: Readonly<Record<string, Comparator>> = {
  正向: '>=',
  正向指标: '>=',
  反向: '<=',
  反向指标: '<=',
};

/** Range separators between two numbers. */
const RANGE_SEPARATORS: readonly string[] = ['~', '至', '到', '—', '-'];

/**
 * Names where a target of 0 is a floor worth stating (`≥0`: no decline, no deficit), not "none".
 */
const ZERO_FLOOR_WORDS = [
  '增长',
  '增幅',
  '增速',
  '增加',
  '增量',
  '提高',
  '提升',
  '变化',
  '变动',
  '利润',
  '收益',
  '盈余',
  '结余',
  'growth',
  'increase',
  'change',
  'surplus',
  'profit',
];

/**
 * The comparator of a target printed without one: the indicator's natural direction
 * ({@link indicatorDirection}); and for a target of 0, "none" (`≤0`) unless the name states a
 * change or a balance: "at least 0" of a count, a share or a number of incidents says nothing
 * (衡山县 2020: 明显变质比例 0, 安全事件发生数 0起).
 */
function naturalOperator(context: TargetContext, value?: Quantity): Comparator {
  if (value !== undefined && isZeroText(value.value)) {
    const key = nameKey(context.name ?? '').toLowerCase();
    if (!ZERO_FLOOR_WORDS.some((w) => key.includes(w))) return '<=';
  }
  return directionOf(context).lowerIsBetter ? '<=' : '>=';
}

/** True when a plain decimal string (a quantity's `value`) is zero: `0`, `0.00`, `-0.0`. */
function isZeroText(value: string): boolean {
  for (let i = value.startsWith('-') ? 1 : 0; i < value.length; i += 1) {
    if (value[i] !== '0' && value[i] !== '.') return false;
  }
  return true;
}

function fail(text: string, en: string, zh: string): ParseTargetResult {
  return {
    ok: false,
    code: 'unparsable-target',
    message: { en: `target "${text}" cannot be read: ${en}`, zh: `目标值“${text}”无法识别：${zh}` },
    text,
  };
}

/** Comparator symbols and words by their first character, longest first (internal index). */
const BY_FIRST = new Map<string, (readonly [string, Comparator])[]>();
for (const entry of [...SYMBOLS, ...PREFIX_WORDS]) {
  const first = entry[0][0] as string;
  const list = BY_FIRST.get(first) ?? [];
  list.push(entry);
  BY_FIRST.set(first, list);
}
for (const list of BY_FIRST.values()) list.sort((x, y) => y[0].length - x[0].length);

function stripPrefix(s: string): { operator: Comparator | null; rest: string } {
  const candidates = BY_FIRST.get(s[0] ?? '');
  if (candidates) {
    for (const [word, op] of candidates) {
      if (s.startsWith(word)) return { operator: op, rest: s.slice(word.length).trim() };
    }
  }
  return { operator: null, rest: s };
}

function stripSuffix(s: string): { operator: Comparator | null; rest: string } {
  const compact = s.endsWith(')') || s.endsWith('上') || s.endsWith('下') || s.endsWith('内');
  if (!compact) return { operator: null, rest: s };
  for (const [word, op] of SUFFIX_WORDS) {
    if (s.endsWith(word)) return { operator: op, rest: s.slice(0, -word.length).trim() };
  }
  return { operator: null, rest: s };
}

/** Applies the indicator's unit column to a bare quantity. */
function withUnit(q: Quantity, unit: string | null): Quantity {
  if (q.unit !== null || unit === null) return q;
  return { ...q, unit };
}

/** True when a digit is followed by `e`/`E`, an optional sign and a digit (one linear scan). */
function hasExponent(s: string): boolean {
  for (let i = 1; i + 1 < s.length; i += 1) {
    const c = s[i];
    if ((c === 'e' || c === 'E') && isDigit(s[i - 1])) {
      const next = s[i + 1] === '+' || s[i + 1] === '-' ? s[i + 2] : s[i + 1];
      if (isDigit(next)) return true;
    }
  }
  return false;
}

/** Splits `90%-95%` into its two sides, or null when the text is not a range. */
function splitRange(s: string): readonly [string, string] | null {
  // The separator must stand after the first digit and before the last one: the first such
  // occurrence splits. One pass to find the digits, one indexOf per separator: linear.
  let first = -1;
  let last = -1;
  for (let i = 0; i < s.length; i += 1) {
    if (isDigit(s[i])) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return null;
  for (const sep of RANGE_SEPARATORS) {
    const at = s.indexOf(sep, first + 1);
    if (at < 0 || at + sep.length > last) continue;
    return [s.slice(0, at).trim(), s.slice(at + sep.length).trim()];
  }
  return null;
}

/**
 * Parses a target as printed in a self-evaluation table.
 *
 * Notations:
 * - comparators, ASCII, Unicode and full-width: `≥ >= ≧ ⩾ ＞＝`, `≤ <= ≦ ⩽`, `= ﹦ ＝`, `> <`;
 * - words before the number: 不低于 不少于 至少 大于等于 (≥); 不高于 不超过 不大于 小于等于
 *   控制在…(以内) (≤); 高于 多于 大于 超过 (>); 低于 少于 小于 不满 (<); 等于 达到 (=);
 * - words after it: 以上 (≥), 以下 and 以内 (≤), inclusive per 民法典 第一千二百五十九条;
 * - ranges `90%-95%`, `90%～95%`, `90%至95%`, both ends included (a bound printed without a
 *   unit takes the other's);
 * - qualitative text without digits (健全, 较显著, 达成预期指标): `kind: 'qualitative'`;
 * - a bare value (`90%`, `100`): `>=`, or `<=` for lower-is-better names, with `implicit: true`;
 * - two cells, `{ operator, value }`, where the operator may also be 正向/反向 (指标性质).
 *
 * The number is read by {@link parseQuantity}; a bare number takes `context.unit`.
 * Nothing printed (`/`, `—`, empty) gives `{ ok: true, target: null }`. Text with digits that
 * is none of the above is `{ ok: false, code: 'unparsable-target' }`: never a guess.
 *
 * @throws TypeError when `input` is not a string, number or `{ operator, value }` object (the
 *   operator a string or null, the value a string, a number or null); when `context` is not an
 *   object or undefined, `context.name` not a string, `context.unit` neither a string nor null,
 *   or `context.path` not an array of strings. A non-finite number is data: `unparsable-target`.
 * @example
 * ```ts
 * parseTarget('≥90%');        // comparison '>=' 90 %
 * parseTarget('控制在5%以内'); // comparison '<=' 5 %
 * parseTarget('不满10人');     // comparison '<' 10 人
 * parseTarget('90%～95%');     // range 90 % … 95 %
 * parseTarget('较显著');       // qualitative '较显著'
 * parseTarget('0%', { name: '预算调整率' }); // comparison '<=' 0 %, implicit
 * ```
 */
export function parseTarget(
  input: string | number | TargetCells,
  context: TargetContext = {},
): ParseTargetResult {
  assertTargetInput('parseTarget', 'input', input);
  assertTargetContext('parseTarget', 'context', context);
  return parseTargetIn(input, context, readUnitColumn(context.unit));
}

/** {@link parseTarget} with the unit column already read (internal: each cell is read once). */
export function parseTargetIn(
  input: string | number | TargetCells,
  context: TargetContext,
  column: UnitColumn,
): ParseTargetResult {
  if (!column.ok) {
    const raw = showValue(context.unit);
    return fail(raw, `the unit column "${raw}" is not a unit`, `度量单位“${raw}”不是计量单位`);
  }
  const unit = column.unit;
  if (typeof input === 'number') {
    const q = parseQuantity(input);
    if (!q.ok) return { ok: false, code: 'unparsable-target', message: q.message, text: String(input) };
    if (q.quantity === null) return fail(String(input), 'not a finite number', '不是有限数');
    const value = withUnit(q.quantity, unit);
    const op = naturalOperator(context, value);
    return {
      ok: true,
      target: { kind: 'comparison', operator: op, value, implicit: true, text: String(input) },
    };
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return parseCells(input, unit, context);
  }
  if (typeof input !== 'string') {
    throw new TypeError(
      `parseTarget expects a string, a number or { operator, value }, got ${describeType(input)}`,
    );
  }
  return parseTargetText(input, unit, context);
}

/**
 * {@link parseTarget} of a text cell in the unit column `unit` (internal). `simple` false skips
 * the fast path of the simple notations (for the test that compares the two).
 */
export function parseTargetText(
  text: string,
  unit: string | null,
  context: TargetContext,
  simple = true,
): ParseTargetResult {
  const s = normalizeText(text);
  if (isNothingPrinted(s)) return { ok: true, target: null };
  const fast = simple ? parseSimpleTarget(s, text, unit, context) : null;
  if (fast !== null) return fast;
  // Every deadline prints 月 (9月前), 年 (年底前) or 前 (2023-12-31前).
  const deadline = s.includes('月') || s.includes('年') || s.includes('前') ? parseDeadline(s) : null;
  if (deadline !== null) {
    return { ok: true, target: { kind: 'qualitative', expected: nameKey(s), text, deadline } };
  }
  return parseNotation(s, text, unit, context, true);
}

/**
 * The commonest targets after normalisation: an optional comparator (a symbol `≥ ≤ >= <= = > <`
 * or a word before the number, 不低于 控制在 …), a plain number, an optional `%` or unit in CJK
 * characters, and an optional word after it (以上 以下 以内, 及…): `≥90%`, `=100%`, `≥11 次`,
 * `95%`, `不低于11场`, `95%以上`, `控制在3%以内`, `≥26,501.6万元`. For such text every rewrite of
 * {@link parseNotation} before the comparators is the identity: it has no Latin letter (English
 * phrases), no parenthesis (inclusion markers, brackets), at most one comparator symbol
 * (chains), no conjunction but the commas of a grouped number (且 和 ; 、; a comma splits
 * only between two sides that each print a comparator, and the side after a thousands comma
 * prints one only with a word after the number: then the two words are the same comparator, or
 * the text is left to the full grammar), no range separator (~ 至 到 — -) and no date (年 月 日
 * 号 前 底 末 in the unit). The words are tried longest first, as stripPrefix and stripSuffix
 * try them; a shorter word never matches where a longer one does, since a digit must follow.
 */
function simpleTargetPattern(): RegExp {
  const alternatives = (words: readonly string[]): string =>
    [...words].sort((x, y) => y.length - x.length).join('|');
  const before = alternatives([...PREFIX_OF.keys()]);
  const after = alternatives([...SUFFIX_OF.keys()]);
  const number = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
  return new RegExp(`^(${before})? ?(${number} ?(?:%|[\\u4e00-\\u9fff]{1,6}?)?) ?(${after})?$`);
}

/** The comparators before the number that SIMPLE_TARGET reads: the ASCII and math symbols, the words. */
const PREFIX_OF: ReadonlyMap<string, Comparator> = new Map<string, Comparator>([
  ['>=', '>='],
  ['<=', '<='],
  ['≥', '>='],
  ['≤', '<='],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
  ...PREFIX_WORDS,
]);

/** The comparator words after the number that SIMPLE_TARGET reads (those without parentheses). */
const SUFFIX_OF: ReadonlyMap<string, Comparator> = new Map(
  SUFFIX_WORDS.filter(([word]) => !word.includes('(')),
);

const SIMPLE_TARGET = /* @__PURE__ */ simpleTargetPattern();

/**
 * Characters that make a target's unit part more than a unit (see SIMPLE_TARGET). lookupUnit
 * refuses most of them too; the check keeps a unit added to the registry from changing a reading.
 */
const NOT_A_UNIT = /[年月日号前底末内上下以且和至到]/;

/**
 * {@link parseNotation} of the simple notations (SIMPLE_TARGET) by one regular expression, with
 * the same result; null when the text is not simple, its number does not read or it prints two
 * different comparators (the full grammar then says why). test/fast-paths.test.ts checks that
 * both give the same on generated text.
 */
function parseSimpleTarget(
  s: string,
  text: string,
  unit: string | null,
  context: TargetContext,
): ParseTargetResult | null {
  const m = SIMPLE_TARGET.exec(s);
  if (m === null) return null;
  const body = (m[2] as string).trim();
  if (NOT_A_UNIT.test(body)) return null;
  const before = m[1] === undefined ? null : (PREFIX_OF.get(m[1]) ?? null);
  const after = m[3] === undefined ? null : (SUFFIX_OF.get(m[3]) ?? null);
  if (before !== null && after !== null && before !== after) return null;
  const q = parseQuantity(body);
  if (!q.ok || q.quantity === null) return null;
  const value = withUnit(q.quantity, unit);
  const printed = before ?? after;
  const operator = printed ?? naturalOperator(context, value);
  return { ok: true, target: { kind: 'comparison', operator, value, implicit: printed === null, text } };
}

/** Strictness of a comparator after an inclusion marker: `>` with (含) is `>=`, `>=` with (不含) `>`. */
function withInclusion(op: Comparator, inclusion: Inclusion): Comparator {
  if (inclusion === 'included') return op === '>' ? '>=' : op === '<' ? '<=' : op;
  if (inclusion === 'excluded') return op === '>=' ? '>' : op === '<=' ? '<' : op;
  return op;
}

/**
 * The grammar of one target cell after normalisation (internal). `outer` is false when a
 * part of the cell is read (a side of `≥90%且≤110%`, the rest after a label), so that the
 * rewrites happen once.
 */
function parseNotation(
  s0: string,
  text: string,
  unit: string | null,
  context: TargetContext,
  outer: boolean,
): ParseTargetResult {
  const english = outer ? readEnglish(s0) : s0;
  const { rest: s, inclusion } =
    outer && english.includes('(') ? stripInclusion(english) : { rest: english, inclusion: null };
  // Each two-sided notation has two numbers: text without a digit is none of them.
  if (outer && hasDigit(s)) {
    const two = readTwoSided(s, text, unit, context);
    if (two !== null) return two;
  }

  let pre = stripPrefix(s);
  let words: string | undefined;
  if (pre.operator === null) {
    // 提高5个百分点, 增长10%: a change of at least the number.
    const change = CHANGE_WORDS.find((w) => s.startsWith(w) && isDigit(s[w.length]));
    if (change !== undefined) {
      pre = { operator: '>=', rest: s.slice(change.length) };
      words = change;
    }
  }
  const suf = stripSuffix(pre.rest);
  // 控制在5%以内 and 不低于90%以上 repeat one comparator; two different ones contradict.
  if (pre.operator !== null && suf.operator !== null && pre.operator !== suf.operator) {
    return fail(text, 'two different comparators', '同时出现两种不同的比较关系');
  }
  const printedOp = pre.operator ?? suf.operator;
  const operator = printedOp === null ? null : withInclusion(printedOp, inclusion);
  const body = suf.rest;

  if (!hasDigit(body)) {
    // 达到预期目标, 不低于良好, 不低于上年: a comparator word before text is part of a
    // qualitative target; a comparator symbol without a number (`≥`, `≥良`) is not a target.
    const symbol = SYMBOLS.some(([sym]) => s.startsWith(sym));
    if (body === '' || symbol) {
      return fail(text, 'a comparator without a number', '有比较符号但没有数值');
    }
    return { ok: true, target: { kind: 'qualitative', expected: nameKey(s0), text } };
  }

  const single = parseQuantity(body);
  if (single.ok && single.quantity !== null) {
    const value = withUnit(single.quantity, unit);
    const implicit = operator === null;
    // The name's direction only when no comparator is printed (it is most of the reading's cost).
    const op: Comparator = operator ?? withInclusion(naturalOperator(context, value), inclusion);
    const target: Target = { kind: 'comparison', operator: op, value, implicit, text };
    return { ok: true, target: words === undefined ? target : { ...target, words } };
  }

  // 1E-5, 2e-3: exponent notation is not how tables print figures, and 1E-5 is no range.
  if (hasExponent(body)) {
    return fail(
      text,
      'exponent notation (1E-5) is not a printed figure',
      '科学计数法（如 1E-5）不是表中的数字写法',
    );
  }
  if (operator === null) {
    const sides = splitRange(body);
    if (sides) {
      const range = rangeOf(sides[0], sides[1], text, unit, false, false);
      if (range !== null) return range;
    }
    if (outer) {
      const labelled = readWords(body, text, unit, context);
      if (labelled !== null) return labelled;
    }
  }
  const why = single.ok ? 'no number after the comparator' : single.message.en;
  const whyZh = single.ok ? '比较符号后没有数值' : single.message.zh;
  return fail(text, why, whyZh);
}

/** Words of change before a number: a change of at least the number (`提高5个百分点`). */
const CHANGE_WORDS: readonly string[] = ['提高', '提升', '增长', '增加', '上升'];

/** A range of two printed bounds, or null when a side is not a number or they do not fit. */
function rangeOf(
  loText: string,
  hiText: string,
  text: string,
  unit: string | null,
  minOpen: boolean,
  maxOpen: boolean,
): ParseTargetResult | null {
  const lo = parseQuantity(loText.trim());
  const hi = parseQuantity(hiText.trim());
  if (!lo.ok || !hi.ok || lo.quantity === null || hi.quantity === null) return null;
  const loUnit = lo.quantity.unit ?? hi.quantity.unit ?? unit;
  const hiUnit = hi.quantity.unit ?? lo.quantity.unit ?? unit;
  if (loUnit !== hiUnit) return fail(text, 'the two bounds have different units', '区间两端单位不同');
  const min = { ...lo.quantity, unit: loUnit };
  const max = { ...hi.quantity, unit: hiUnit };
  const target: Target = {
    kind: 'range',
    min,
    max,
    text,
    ...(minOpen ? { minOpen: true } : {}),
    ...(maxOpen ? { maxOpen: true } : {}),
  };
  return { ok: true, target };
}

/** `[90%,110%]`, `(90%,110%]`: an interval in brackets, split at its one comma. */
const BRACKETS = /^([[(])([^[\]()]+)([\])])$/u;
/** `90%≤x≤110%`, `90%<X<=110%`, `90%≤完成值≤110%`. */
const CHAIN = /^([^<>≤≥=]+)(<=|[<≤])(?:[x值]|实际值|完成值|指标值)?(<=|[<≤])([^<>≤≥=]+)$/iu;
/** Conjunctions between two one-sided conditions: `≥90%且≤110%`, `≥90%,≤110%`. */
const CONJUNCTIONS: readonly string[] = ['并且', '而且', '且', '和', ',', ';', '、', ' and '];

/** Two-sided notations of a range, or null when the text is none of them. */
function readTwoSided(
  s: string,
  text: string,
  unit: string | null,
  context: TargetContext,
): ParseTargetResult | null {
  const compact = s.includes(' ') ? s.replaceAll(' ', '') : s;
  const brackets = compact.startsWith('[') || compact.startsWith('(') ? BRACKETS.exec(compact) : null;
  if (brackets !== null) {
    const inner = brackets[2] as string;
    const parts = inner.split(',');
    if (parts.length === 2) {
      const r = rangeOf(
        parts[0] as string,
        parts[1] as string,
        text,
        unit,
        brackets[1] === '(',
        brackets[3] === ')',
      );
      if (r?.ok && r.target?.kind === 'range' && ordered(r.target)) return r;
    }
  }
  // A chain has two comparators < or ≤ (also in <=).
  const chain = compact.includes('<') || compact.includes('≤') ? CHAIN.exec(compact) : null;
  if (chain !== null) {
    const r = rangeOf(chain[1] as string, chain[4] as string, text, unit, chain[2] === '<', chain[3] === '<');
    if (r !== null) return r;
  }
  for (const conj of CONJUNCTIONS) {
    const at = s.indexOf(conj);
    if (at <= 0) continue;
    const left = s.slice(0, at).trim();
    const right = s.slice(at + conj.length).trim();
    // Each side must print its comparator (a side without one is implicit, never a bound):
    // `≥26,501.6万元` is one figure, not two sides.
    if (!printsComparator(left) || !printsComparator(right)) continue;
    const a = parseNotation(left, text, unit, context, false);
    const b = parseNotation(right, text, unit, context, false);
    if (!a.ok || !b.ok || a.target?.kind !== 'comparison' || b.target?.kind !== 'comparison') continue;
    if (a.target.implicit || b.target.implicit) continue;
    const [lower, upper] = isLowerBound(a.target.operator) ? [a.target, b.target] : [b.target, a.target];
    if (!isLowerBound(lower.operator) || isLowerBound(upper.operator) || upper.operator === '=') continue;
    const loText = `${lower.value.value}${lower.value.unit ?? ''}`;
    const hiText = `${upper.value.value}${upper.value.unit ?? ''}`;
    const r = rangeOf(loText, hiText, text, unit, lower.operator === '>', upper.operator === '<');
    if (r !== null) return r;
  }
  return null;
}

/**
 * True when a part read by parseNotation (not outer) prints a comparator: a symbol or word
 * before the number, a word of change before a digit (提高5), or 以上/以下/以内 after it; a part
 * without one is read with `implicit: true`.
 */
function printsComparator(part: string): boolean {
  const pre = stripPrefix(part);
  if (pre.operator !== null) return true;
  if (CHANGE_WORDS.some((w) => part.startsWith(w) && isDigit(part[w.length]))) return true;
  return stripSuffix(part).operator !== null;
}

function isLowerBound(op: Comparator): boolean {
  return op === '>=' || op === '>';
}

function ordered(t: Target & { kind: 'range' }): boolean {
  // Bounds are plain decimal strings of one unit: compare them as numbers without floats.
  const a = t.min.value;
  const b = t.max.value;
  return compareDecimalStrings(a, b) <= 0;
}

/** Compares two plain decimal strings (sign, digits, one point) exactly. */
function compareDecimalStrings(a: string, b: string): number {
  const na = a.startsWith('-');
  const nb = b.startsWith('-');
  if (na !== nb) return na ? -1 : 1;
  const [ai = '', af = ''] = (na ? a.slice(1) : a).split('.');
  const [bi = '', bf = ''] = (nb ? b.slice(1) : b).split('.');
  let c = ai.length - bi.length || (ai < bi ? -1 : ai > bi ? 1 : 0);
  if (c === 0) {
    const n = Math.max(af.length, bf.length);
    const x = af.padEnd(n, '0');
    const y = bf.padEnd(n, '0');
    c = x < y ? -1 : x > y ? 1 : 0;
  }
  return na ? -c : c;
}

/** Words that make a figure approximate (约90%, 近100人): not a label, the cell stays unreadable. */
const APPROXIMATE: readonly string[] = [
  '约',
  '近',
  '大概',
  '左右',
  '大约',
  '接近',
  '将近',
  '预计',
  '估计',
  'about',
  'approx',
];

/**
 * True for the words of a label before a number: CJK ideographs, or Latin words of at least
 * three letters (`Target`), with spaces; no digits, symbols or approximation (`约`).
 */
function isLabel(label: string): boolean {
  if (label === '' || APPROXIMATE.some((w) => label.toLowerCase().endsWith(w))) return false;
  // A run of range separators (`至至至5`) or a comparator word is no label.
  if (RANGE_SEPARATORS.some((sep) => label.includes(sep))) return false;
  let latin = 0;
  for (const ch of label) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin += 1;
    else if (!((c >= 0x4e00 && c <= 0x9fff) || c === 0x20)) return false;
  }
  return latin === 0 || latin >= 3;
}

/**
 * A number with words around it: `年度预算220万元`, `Target: 95%`, `全年不少于12次` (words
 * before), `377 from FY 2006 funding` (words after). The number is the target; the words are
 * kept in `words`. Null when the text is not of that shape.
 */
function readWords(
  body: string,
  text: string,
  unit: string | null,
  context: TargetContext,
): ParseTargetResult | null {
  let i = 0;
  while (i < body.length && !isDigit(body[i]) && !'≥≤<>=+-'.includes(body[i] as string)) i += 1;
  if (i > 0 && i < body.length) {
    let label = body.slice(0, i).trim();
    while (label.endsWith(':') || label.endsWith('：')) label = label.slice(0, -1).trim();
    const rest = body.slice(i).trim();
    if (isLabel(label)) {
      const r = parseNotation(rest, text, unit, context, false);
      if (r.ok && r.target?.kind === 'comparison' && r.target.words === undefined) {
        return { ok: true, target: { ...r.target, words: label } };
      }
      if (r.ok && r.target?.kind === 'range') return r;
    }
  }
  // Words after the number: a space, then a Latin word (`377 from FY 2006 funding`).
  const after = /^(\S+)\s+([A-Za-z]{2}.*)$/u.exec(body);
  if (after !== null) {
    const head = parseQuantity(after[1] as string);
    if (head.ok && head.quantity !== null) {
      const value = withUnit(head.quantity, unit);
      const natural = naturalOperator(context, value);
      return {
        ok: true,
        target: {
          kind: 'comparison',
          operator: natural,
          value,
          implicit: true,
          text,
          words: after[2] as string,
        },
      };
    }
  }
  return null;
}

function parseCells(cells: TargetCells, unit: string | null, context: TargetContext): ParseTargetResult {
  const rawOp: unknown = cells.operator;
  const rawValue: unknown = cells.value;
  if (rawOp !== undefined && rawOp !== null && typeof rawOp !== 'string') {
    const shown = showValue(rawOp);
    return fail(shown, `the operator cell must be text, not ${describeType(rawOp)}`, '比较符号栏应为文字');
  }
  const valueOk =
    rawValue === undefined ||
    rawValue === null ||
    typeof rawValue === 'string' ||
    (typeof rawValue === 'number' && Number.isFinite(rawValue));
  if (!valueOk) {
    const shown = showValue(rawValue);
    return fail(
      shown,
      `the value cell must be text or a finite number, not ${describeType(rawValue)}`,
      '指标值栏应为文字或有限数值',
    );
  }
  const opText = typeof rawOp === 'string' ? normalizeText(rawOp) : '';
  const valueText = rawValue === undefined || rawValue === null ? '' : String(rawValue);
  const text = `${opText}${valueText}`;
  let operator: Comparator | null = Object.hasOwn(OPERATOR_CELL_WORDS, opText)
    ? (OPERATOR_CELL_WORDS[opText] as Comparator)
    : null;
  if (operator === null && opText !== '') {
    const pre = stripPrefix(opText);
    if (pre.operator === null || pre.rest !== '') {
      return fail(text, `"${opText}" is not a comparator`, `“${opText}”不是比较符号`);
    }
    operator = pre.operator;
  }
  const value = typeof rawValue === 'number' ? parseQuantity(rawValue) : parseQuantity(valueText);
  if (!value.ok) {
    // The value cell may hold qualitative text (定性指标).
    const v = normalizeText(valueText);
    if (!hasDigit(v) && (operator === null || opText === '')) {
      return { ok: true, target: { kind: 'qualitative', expected: nameKey(v), text: valueText } };
    }
    return fail(text, value.message.en, value.message.zh);
  }
  if (value.quantity === null) return { ok: true, target: null };
  const implicit = operator === null;
  const op: Comparator = operator ?? naturalOperator(context, value.quantity);
  return {
    ok: true,
    target: { kind: 'comparison', operator: op, value: withUnit(value.quantity, unit), implicit, text },
  };
}

/**
 * Prints a comparator the way the reference report does (`≥`, `≤`, `=`, `>`, `<`).
 *
 * @throws TypeError when `op` is not one of `'>='`, `'<='`, `'='`, `'>'`, `'<'`.
 * @example
 * ```ts
 * comparatorSymbol('>='); // '≥'
 * ```
 */
export function comparatorSymbol(op: Comparator): string {
  assertOneOf('comparatorSymbol', 'op', op, COMPARATORS);
  switch (op) {
    case '>=':
      return '≥';
    case '<=':
      return '≤';
    default:
      return op;
  }
}
