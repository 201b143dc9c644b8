/**
 * How a header cell is matched to a field of the report JSON (the words: header-words.ts),
 * and what else a header prints: the year of its figures and the money unit.
 *
 * Matching normalises the header first: full-width forms and traditional script, spaces and
 * line breaks inside the cell, the contents of parentheses (`（万元）`, `(R'000)`, `（%）`),
 * punctuation, and years (`2023/2024`). English headers also match by their beginning
 * (`Deviation from planned target to Actual Achievement 2023/2024` is a deviation).
 *
 * Lookups use `Map`s only: a header named `__proto__` or `constructor` is just unknown.
 *
 * @internal
 */
import { normalizeWidth, toSimplified } from 'outturn';
import {
  BUDGET_WORDS,
  type BudgetField,
  INDICATOR_WORDS,
  type IndicatorField,
  PERIOD_BUDGET_WORDS,
  PERIOD_INDICATOR_WORDS,
  type Vocabulary,
} from './header-words.js';
import { periodOf } from './monitoring.js';

function vocabulary<F extends string>(words: Vocabulary<F>): ReadonlyMap<string, F> {
  const map = new Map<string, F>();
  for (const [field, keys] of words) for (const k of keys) map.set(headerKey(k).stripped, field);
  return map;
}

/** Header keys (normalised text) of a header cell: without and with parenthesised text. */
export interface HeaderKey {
  /** Without the contents of parentheses: `执行率（%）` → `执行率`. */
  readonly stripped: string;
  /** With the contents of parentheses, without the parentheses: `(Over)/Under` → `overunder`. */
  readonly kept: string;
}

const PUNCTUATION = /[\s*:;'"`“”‘’.,，、。/\\_#?!%|<>《》【】[\]{}-]/g;
// `2018–19` with an en dash (Queensland's `2018–19 Target/estimate`) as well as `2018/19`.
const YEAR = /\d{4}(?:\s*[/–—-]\s*\d{2,4})?\s*年?度?/g;

/** Normalised keys of a header cell (see the module comment). */
export function headerKey(text: string): HeaderKey {
  const s = toSimplified(normalizeWidth(text)).toLowerCase();
  const clean = (t: string) => t.replace(YEAR, '').replace(PUNCTUATION, '');
  return {
    stripped: clean(s.replace(/\([^()]*\)/g, '').replace(/\[[^[\]]*\]/g, '')),
    kept: clean(s.replace(/[()[\]]/g, '')),
  };
}

const BUDGET_MAP = vocabulary(BUDGET_WORDS);
const INDICATOR_MAP = vocabulary(INDICATOR_WORDS);
const PERIOD_BUDGET_MAP = vocabulary(PERIOD_BUDGET_WORDS);
const PERIOD_INDICATOR_MAP = vocabulary(PERIOD_INDICATOR_WORDS);
const BUDGET_PREFIXES = prefixes(BUDGET_MAP);
const INDICATOR_PREFIXES = prefixes(INDICATOR_MAP);

/** English words of a vocabulary (5 letters or more), longest first, for matching by beginning. */
function prefixes<F extends string>(map: ReadonlyMap<string, F>): readonly (readonly [string, F])[] {
  return [...map]
    .filter(([w]) => w.length >= 5 && /^[a-z]/.test(w))
    .sort((a, b) => b[0].length - a[0].length);
}

function lookup<F extends string>(
  map: ReadonlyMap<string, F>,
  words: readonly (readonly [string, F])[],
  key: HeaderKey,
): F | null {
  for (const k of [key.stripped, key.kept]) {
    if (k === '') continue;
    const exact = map.get(k);
    if (exact !== undefined) return exact;
  }
  // English headers carry qualifiers after the words that matter:
  // "Actual Achievement 2023/2024 until date of re-tabling".
  for (const k of [key.stripped, key.kept]) {
    if (!/^[a-z0-9]+$/.test(k)) continue;
    for (const [word, field] of words) if (k.startsWith(word)) return field;
  }
  return null;
}

/** The fields a header cell names: as a budget column and as an indicator column. */
export interface HeaderFields {
  readonly budget: BudgetField | null;
  readonly indicator: IndicatorField | null;
}

/**
 * The fields a header cell names, from one normalisation of the cell. The table reader asks
 * this of every cell of every row that could be a header, and keeps the answers per grid.
 */
export function headerFields(text: string): HeaderFields {
  const period = periodOf(text);
  // 1-12月, 截至12月底, 截至2023年12月31日: the whole year, the figures of a year-end table.
  const wholeYear =
    period !== null &&
    ('months' in period.period ? period.period.months === 12 : period.period.through.endsWith('-12-31'));
  if (period !== null && period.rest !== '' && !wholeYear) {
    const fields = periodFields(period.rest);
    if (fields.budget !== null || fields.indicator !== null) return fields;
  }
  const key = headerKey(text);
  const budget = lookup(BUDGET_MAP, BUDGET_PREFIXES, key);
  const percent = PERCENT.test(text);
  return {
    // A percentage is never an amount: `% Budget Released`, `Variance %` are not read as one.
    // `% spent` (`% spent to date`) of a mid-year report is the share of the budget spent so far.
    budget:
      percent && (key.stripped === 'spent' || key.stripped === 'spenttodate')
        ? 'periodRate'
        : budget !== null && AMOUNTS.has(budget) && percent
          ? null
          : budget,
    indicator: lookup(INDICATOR_MAP, INDICATOR_PREFIXES, key),
  };
}

/**
 * The fields of a header that names a period (`1-6月执行数`, `截至6月底执行率`, `上半年完成值`,
 * monitoring.ts): the words after the phrase name the figures of that period (periodActual,
 * periodRate), or, when they are no such words, what they name anyway (`1-6月` + `年初预算数`).
 */
function periodFields(rest: string): HeaderFields {
  const key = headerKey(rest);
  const periodBudget = lookup(PERIOD_BUDGET_MAP, [], key);
  const periodIndicator = lookup(PERIOD_INDICATOR_MAP, [], key);
  const budget = periodBudget ?? lookup(BUDGET_MAP, BUDGET_PREFIXES, key);
  const indicator = periodIndicator ?? lookup(INDICATOR_MAP, INDICATOR_PREFIXES, key);
  return {
    budget: budget === 'actual' ? 'periodActual' : budget === 'executionRate' ? 'periodRate' : budget,
    indicator: indicator === 'actual' ? 'periodActual' : indicator,
  };
}

/** Budget fields that hold amounts, and the signs of a percentage header. */
const AMOUNTS: ReadonlySet<BudgetField> = new Set<BudgetField>([
  'initial',
  'adjustment',
  'adjusted',
  'actual',
  'variance',
  'carryover',
  'budget',
  'periodActual',
  'expectedActual',
]);
const PERCENT = /[%％‰]|per\s*cent/i;

/** The budget field a header cell names, or null. */
export function budgetField(text: string): BudgetField | null {
  return headerFields(text).budget;
}

/** The indicator field a header cell names, or null. */
export function indicatorField(text: string): IndicatorField | null {
  return headerFields(text).indicator;
}

/** The last year a header names (`Actual Achievement 2018/2019` → 2019), or null. */
export function headerYear(text: string): number | null {
  const s = normalizeWidth(text);
  let year: number | null = null;
  for (const m of s.matchAll(/(\d{4})(?:\s*[/-]\s*(\d{2,4}))?/g)) {
    const first = Number(m[1]);
    const second = m[2];
    let y = first;
    if (second !== undefined) {
      y = second.length === 4 ? Number(second) : Math.floor(first / 100) * 100 + Number(second);
    }
    if (y >= 1900 && y <= 2200) year = y;
  }
  return year;
}

/**
 * The money unit a header cell or caption prints (`年初预算数（万元）`, `单位：千元`,
 * `金额单位：百万元`, `Final Appropriation (R'000)`), or null. Any scale of 元 is read (元,
 * 千元, 万元, 百万元, 亿元, in simplified script), and a currency with its scale in parentheses
 * (`R'000`, `US$ millions`, `Ushs thousands`) as printed: the report's `amountUnit` is any
 * unit (DESIGN §3).
 */
export function amountUnitOf(text: string): string | null {
  const s = toSimplified(normalizeWidth(text)).replace(/\s+/g, '');
  const m = /(?:\(|单位:)((?:[千万亿]|百万|十万)?元)\)?/.exec(s);
  if (m?.[1] !== undefined) return m[1];
  // English statements: `Final Appropriation (R'000)`, `(US$ millions)`, `(Ushs thousands)`.
  const e = CURRENCY_SCALE.exec(normalizeWidth(text).replace(/[‘’]/g, "'"));
  if (e?.[1] !== undefined) return e[1].replace(/\s+/g, ' ');
  // A header cell that prints the unit alone, under the column's name (`R’000`, South
  // Africa's appropriation statements).
  const bare = BARE_UNIT.exec(normalizeWidth(text).replace(/[‘’]/g, "'"));
  return bare?.[1] ?? null;
}

/** A currency and its scale as a header cell's whole text: `R'000`, `US$'000`. */
const BARE_UNIT = /^\s*((?:US\$|Ushs|KShs|[$£€NR])'000)\s*$/;

/** A currency and its scale in parentheses, as English budget statements print them. */
const CURRENCY_SCALE =
  /\(\s*((?:US\$|Ushs|KShs|GH₵|[A-Z]{3}|[$£€NR])\s*(?:'000|'000s|thousands?|millions?|billions?|bn|m))\s*\)/i;
