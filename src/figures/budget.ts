/**
 * Budget lines (预算信息): execution and adjustment rates, and the arithmetic of the table.
 */

import { type Dec, HUNDRED, type RoundingMode, toExact, toFixed, ZERO } from '../core/decimal.js';
import { comparePrinted } from '../core/printed.js';
import {
  convertValue,
  describeType,
  isFigure,
  parseQuantity,
  type Quantity,
  quantityUnit,
  quantityValue,
  showValue,
} from '../core/quantity.js';
import { toSimplified } from '../core/text.js';
import { lookupUnit, type UnitInfo } from '../core/units.js';
import { type Finding, type Messages, makeFinding, type Path } from '../model/findings.js';
import type { AmountUnit, BudgetLine, Figure } from '../model/report.js';
import { checkBudgetArguments, checkRateArguments } from './checks.js';

/** Options of the rate functions. */
export interface RateOptions {
  /** Decimals of `printed` (default 2, as published): an integer from 0 to 20. */
  readonly decimals?: number;
  /** Rounding of `printed` (default `'half-up'`, 四舍五入). */
  readonly rounding?: RoundingMode;
  /** Unit of bare amounts (default `'万元'`); amounts printed with a money unit are converted. */
  readonly amountUnit?: AmountUnit;
}

/** Why a rate does not exist or could not be computed. */
export type RateErrorCode =
  | 'execution-rate-undefined'
  | 'adjustment-rate-undefined'
  | 'missing-value'
  | 'unparsable-value';

/** A rate in percent: the exact value and the value as printed, or why there is none. */
export type RateResult =
  | {
      /** The rate exists: `exact` and `printed` are set. */
      readonly ok: true;
      /** Exact rate in percent, e.g. `"134.16669261184968398767…"`. */
      readonly exact: string;
      /** Rounded with the options' decimals and mode, with `%`: `"134.17%"`. */
      readonly printed: string;
    }
  | {
      /** No rate: see `code`. */
      readonly ok: false;
      /**
       * `execution-rate-undefined` / `adjustment-rate-undefined`: the denominator is zero;
       * `missing-value`: an amount is not printed; `unparsable-value`: an amount is not money.
       */
      readonly code: RateErrorCode;
      /** Why there is no rate, in en and zh-CN. */
      readonly message: Messages;
    };

/** An amount read from a cell: exact value in the report's amount unit, or why not. */
type AmountReading =
  | { readonly ok: true; readonly value: Dec; readonly quantity: Quantity }
  | { readonly ok: true; readonly value: null; readonly quantity: null }
  | { readonly ok: false; readonly message: Messages };

/** The amount units, in both scripts (they are in the unit registry in simplified script). */
const AMOUNT_UNIT_INFO = new Map<string, UnitInfo>(
  (['元', '万元', '亿元', '萬元', '億元'] as const).map((u) => [u, lookupUnit(toSimplified(u)) as UnitInfo]),
);

function amountUnitInfo(unit: AmountUnit | undefined): UnitInfo {
  return (AMOUNT_UNIT_INFO.get(unit ?? '万元') ?? AMOUNT_UNIT_INFO.get('万元')) as UnitInfo;
}

/** Reads one amount cell in the report's amount unit (internal). */
function readAmount(raw: Figure | null | undefined, unit: UnitInfo): AmountReading {
  if (raw === null || raw === undefined) return { ok: true, value: null, quantity: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    return {
      ok: false,
      message: {
        en: `an amount must be a string or a number, not ${describeType(raw)}`,
        zh: '金额应为字符串或数字',
      },
    };
  }
  const q = parseQuantity(raw);
  if (!q.ok) return { ok: false, message: q.message };
  if (q.quantity === null) return { ok: true, value: null, quantity: null };
  const from = quantityUnit(q.quantity);
  if (from !== null && from.dimension !== 'money') {
    return {
      ok: false,
      message: {
        en: `"${q.quantity.text}" is not an amount of money (unit ${from.symbol})`,
        zh: `“${q.quantity.text}”不是金额（单位为${from.symbol}）`,
      },
    };
  }
  const value = convertValue(quantityValue(q.quantity), from, unit) as Dec;
  return { ok: true, value, quantity: q.quantity };
}

function missing(field: string, zhField: string): RateResult {
  return {
    ok: false,
    code: 'missing-value',
    message: { en: `the ${field} is not printed`, zh: `未填写${zhField}` },
  };
}

function rate(numerator: Dec, denominator: Dec, options: RateOptions): RateResult {
  const exact = numerator.dividedBy(denominator).times(HUNDRED);
  return {
    ok: true,
    exact: toExact(exact),
    printed: `${toFixed(exact, options.decimals ?? 2, options.rounding ?? 'half-up')}%`,
  };
}

/**
 * Budget execution rate (预算执行率 / 执行率).
 *
 * Formula: actual ÷ adjusted × 100%, where adjusted is 调整预算数 (全年预算数) and actual is
 * 实际支出数 (全年执行数). Exact; `printed` is rounded half-up to 2 decimals by default. A rate
 * above 100% (overspend) is returned as it is, never capped.
 *
 * A zero budget has no rate: `{ ok: false, code: 'execution-rate-undefined' }` (never
 * Infinity, NaN, or a division by 1). A missing or unreadable amount is `missing-value` /
 * `unparsable-value`. Amounts are strings as printed or finite numbers, in `amountUnit`
 * (default 万元) unless they print their own money unit.
 *
 * @throws TypeError when `line` is not an object, an amount neither a string, a number nor
 *   null (a non-finite number is data: `unparsable-value`), or `options` not an object or
 *   undefined with `decimals` an integer from 0 to 20, `rounding` a rounding mode and
 *   `amountUnit` one of 元 万元 亿元 萬元 億元.
 * @example
 * ```ts
 * executionRate({ adjusted: '321.19', actual: '430.93' });
 * // { ok: true, exact: '134.16669261184968398767…', printed: '134.17%' }
 * executionRate({ adjusted: '57.21', actual: '49.54' }).printed; // '86.59%'
 * executionRate({ adjusted: '0', actual: '0' }); // { ok: false, code: 'execution-rate-undefined', … }
 * ```
 */
export function executionRate(
  line: { readonly adjusted?: Figure | null; readonly actual?: Figure | null },
  options: RateOptions = {},
): RateResult {
  checkRateArguments('executionRate', line, ['adjusted', 'actual'], options);
  const unit = amountUnitInfo(options.amountUnit);
  const adjusted = readAmount(line.adjusted, unit);
  const actual = readAmount(line.actual, unit);
  if (!adjusted.ok) return { ok: false, code: 'unparsable-value', message: adjusted.message };
  if (!actual.ok) return { ok: false, code: 'unparsable-value', message: actual.message };
  if (adjusted.value === null) return missing('adjusted budget (调整预算数)', '调整预算数');
  if (actual.value === null) return missing('actual spending (实际支出数)', '实际支出数');
  if (adjusted.value.isZero()) {
    return {
      ok: false,
      code: 'execution-rate-undefined',
      message: {
        en: `the adjusted budget is zero, so there is no execution rate (actual ${toExact(actual.value)})`,
        zh: `调整预算数为零，执行率不存在（实际支出 ${toExact(actual.value)}）`,
      },
    };
  }
  return rate(actual.value, adjusted.value, options);
}

/**
 * Budget adjustment rate (预算调整率).
 *
 * Formula: (adjusted − initial) ÷ initial × 100%, where initial is 年初预算数 and adjusted is
 * 调整预算数. Exact; `printed` rounded half-up to 2 decimals by default; negative when the
 * budget was cut. A zero initial budget has no rate (`adjustment-rate-undefined`).
 *
 * @throws TypeError as {@link executionRate} does, for `line.initial` and `line.adjusted`.
 * @example
 * ```ts
 * adjustmentRate({ initial: '321.19', adjusted: '321.19' }).printed; // '0.00%'
 * adjustmentRate({ initial: '100', adjusted: '143.37' }).printed;    // '43.37%'
 * ```
 */
export function adjustmentRate(
  line: { readonly initial?: Figure | null; readonly adjusted?: Figure | null },
  options: RateOptions = {},
): RateResult {
  checkRateArguments('adjustmentRate', line, ['initial', 'adjusted'], options);
  const unit = amountUnitInfo(options.amountUnit);
  const initial = readAmount(line.initial, unit);
  const adjusted = readAmount(line.adjusted, unit);
  if (!initial.ok) return { ok: false, code: 'unparsable-value', message: initial.message };
  if (!adjusted.ok) return { ok: false, code: 'unparsable-value', message: adjusted.message };
  if (initial.value === null) return missing('initial budget (年初预算数)', '年初预算数');
  if (adjusted.value === null) return missing('adjusted budget (调整预算数)', '调整预算数');
  if (initial.value.isZero()) {
    return {
      ok: false,
      code: 'adjustment-rate-undefined',
      message: {
        en: 'the initial budget is zero, so there is no adjustment rate',
        zh: '年初预算数为零，预算调整率不存在',
      },
    };
  }
  return rate(adjusted.value.minus(initial.value), initial.value, options);
}

/** Recomputed figures of one budget line, in the order the table prints them. */
export interface BudgetLineFigures {
  /** Path of the line in the report JSON, e.g. `["budget", 0, "children", 1]`. */
  readonly path: Path;
  /** The line's name (项目名称, e.g. 预算总金额, 基本支出) as given; `""` when missing or not a string. */
  readonly name: string;
  /** Depth in its tree: 0 for a root. */
  readonly depth: number;
  /** Execution rate as printed (`"134.17%"`), or null when it does not exist. */
  readonly executionRate: string | null;
  /** Exact execution rate in percent, or null. */
  readonly executionRateExact: string | null;
  /** Adjusted budget − actual, exact, in the amount unit; negative when overspent. */
  readonly variance: string | null;
  /** Actual spending beyond the adjusted budget. */
  readonly overspend: boolean;
}

/** The amount columns of a budget line. */
const COLUMNS = ['initial', 'adjustment', 'adjusted', 'actual'] as const;
type Column = (typeof COLUMNS)[number];

const COLUMN_ZH: Readonly<Record<Column, string>> = {
  initial: '年初预算数',
  adjustment: '上年度结转及当年预算追加追减数',
  adjusted: '调整预算数',
  actual: '实际支出数',
};

/** Options of {@link checkBudget}. */
export interface BudgetCheckOptions {
  /** Unit of bare amounts (default `'万元'`); amounts printed with a money unit are converted. */
  readonly amountUnit?: AmountUnit;
  /** Rounding a printed figure is checked with (default `'half-up'`). */
  readonly rounding?: RoundingMode;
}

/** Result of {@link checkBudget}: every line's recomputed figures and the findings. */
export interface BudgetCheck {
  /** Recomputed figures of every line, in pre-order (a parent before its children), roots in order. */
  readonly lines: readonly BudgetLineFigures[];
  /** Findings of the budget rules (see {@link checkBudget}), with paths under `basePath`. */
  readonly findings: readonly Finding[];
}

interface LineAmounts {
  readonly values: Partial<Record<Column, Dec>>;
  readonly printed: Partial<Record<Column, Quantity>>;
  /** Columns whose cell could not be read (already reported as unparsable-value). */
  readonly unreadable: ReadonlySet<Column>;
}

function fmtAmount(d: Dec): string {
  return toExact(d);
}

/**
 * Checks the arithmetic of budget trees (预算信息) and recomputes every line's figures.
 *
 * Rules (finding codes of DESIGN §3):
 * - `budget-adjusted-mismatch`: 调整预算数 ≠ 年初预算数 + 追加追减, when all three are printed,
 *   compared at the printed precision of the adjusted budget;
 * - `budget-sum-mismatch`: a parent's column ≠ the sum of its children's, for each column the
 *   parent prints: a child that prints nothing there (blank, `-`, `/`) adds nothing, a column
 *   no child prints is not checked, an unreadable child cell leaves the sum unchecked;
 * - `execution-rate-mismatch`: the printed 执行率 is not the recomputed one rounded half-up to
 *   the printed decimals (a bare printed number is read as percent); the message says when
 *   the printed figure looks truncated;
 * - `execution-rate-undefined`: zero adjusted budget; info when nothing or 0% is printed on
 *   0 / 0, warning when a rate is printed or money was spent;
 * - `overspend`: actual > adjusted (warning), with the rate;
 * - `variance-mismatch`: a printed variance (budget − actual; `(7 379)` is −7379) that is not
 *   adjusted − actual at its printed precision;
 * - `unparsable-value`: an amount cell that is not a number (warning), with its text.
 *
 * When 调整预算数 is not printed, the rate uses 年初预算数 + 追加追减 (or 年初预算数 alone).
 * Trees are walked iteratively: any depth works.
 *
 * @param roots - the roots of the budget trees (several roots side by side are allowed).
 * @param options - amount unit of bare amounts (default 万元) and rounding (default half-up).
 * @param basePath - the path of `roots` in the report, prefixed to every finding's path
 *   (default `["budget"]`, as in the report JSON).
 * @throws TypeError when `roots` is not an array, `options` not an object or undefined (with
 *   `rounding` a rounding mode and `amountUnit` one of 元 万元 亿元 萬元 億元), or `basePath`
 *   not an array of strings and numbers. A root or a cell of the wrong type is data: a finding.
 * @example
 * ```ts
 * const { lines, findings } = checkBudget([{ name: '预算总金额', adjusted: '321.19', actual: '430.93' }]);
 * lines[0].executionRate;  // '134.17%'
 * findings[0].code;        // 'overspend'
 * ```
 */
export function checkBudget(
  roots: readonly BudgetLine[],
  options: BudgetCheckOptions = {},
  basePath: Path = ['budget'],
): BudgetCheck {
  checkBudgetArguments(roots, options, basePath);
  const { lines, findings } = checkBudgetTrees(roots, options, basePath);
  return { lines, findings };
}

/** {@link checkBudget}, also giving the source line of each figures entry (internal). */
export function checkBudgetTrees(
  roots: readonly BudgetLine[],
  options: BudgetCheckOptions = {},
  basePath: Path = ['budget'],
): BudgetCheck & { readonly sources: readonly BudgetLine[] } {
  const unit = amountUnitInfo(options.amountUnit);
  const mode = options.rounding ?? 'half-up';
  const findings: Finding[] = [];
  const lines: BudgetLineFigures[] = [];
  const sources: BudgetLine[] = [];
  const amounts = new Map<BudgetLine, LineAmounts>();

  const read = (line: BudgetLine, path: Path): LineAmounts => {
    const cached = amounts.get(line);
    if (cached) return cached;
    const values: Partial<Record<Column, Dec>> = {};
    const printed: Partial<Record<Column, Quantity>> = {};
    const unreadable = new Set<Column>();
    for (const col of COLUMNS) {
      const r = readAmount(line[col] as Figure | null | undefined, unit);
      if (!r.ok) {
        unreadable.add(col);
        findings.push(
          makeFinding('unparsable-value', [...path, col], r.message, { published: showValue(line[col]) }),
        );
      } else if (r.value !== null) {
        values[col] = r.value;
        printed[col] = r.quantity;
      }
    }
    const out = { values, printed, unreadable };
    amounts.set(line, out);
    return out;
  };

  // Iterative pre-order walk: [line, path, depth].
  const stack: [unknown, Path, number][] = [];
  for (let i = roots.length - 1; i >= 0; i -= 1) stack.push([roots[i], [...basePath, i], 0]);
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop() as [unknown, Path, number];
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      findings.push(
        makeFinding('invalid-report', path, {
          en: `a budget line must be an object, not ${describeType(node)}`,
          zh: '预算行应为对象',
        }),
      );
      continue;
    }
    const line = node as BudgetLine;
    const name = typeof line.name === 'string' ? line.name : '';
    const own = read(line, path);
    lines.push(checkLine(line, name, path, depth, own, unit, mode, findings));
    sources.push(line);

    const children = Array.isArray(line.children) ? (line.children as readonly unknown[]) : [];
    if (children.length > 0) {
      const kids = children
        .map((c, j): [unknown, Path] => [c, [...path, 'children', j]])
        .filter(
          (k): k is [BudgetLine, Path] => typeof k[0] === 'object' && k[0] !== null && !Array.isArray(k[0]),
        );
      checkSums(
        name,
        path,
        own,
        kids.map(([c, p]) => read(c, p)),
        kids.length === children.length,
        mode,
        findings,
      );
      for (let j = children.length - 1; j >= 0; j -= 1)
        stack.push([children[j], [...path, 'children', j], depth + 1]);
    }
  }
  return { lines, findings, sources };
}

function checkLine(
  line: BudgetLine,
  name: string,
  path: Path,
  depth: number,
  own: LineAmounts,
  unit: UnitInfo,
  mode: RoundingMode,
  findings: Finding[],
): BudgetLineFigures {
  const { values, printed } = own;
  const label = name === '' ? '' : `“${name}”`;
  const enLabel = name === '' ? 'this line' : `"${name}"`;

  if (values.initial && values.adjustment && values.adjusted && printed.adjusted) {
    const sum = values.initial.plus(values.adjustment);
    const cmp = comparePrinted(sum, { ...printed.adjusted, value: toExact(values.adjusted) }, mode);
    if (!cmp.consistent) {
      findings.push(
        makeFinding(
          'budget-adjusted-mismatch',
          [...path, 'adjusted'],
          {
            en: `${enLabel}: adjusted budget ${printed.adjusted.text} ≠ initial ${fmtAmount(values.initial)} + adjustment ${fmtAmount(values.adjustment)} = ${cmp.expected}`,
            zh: `${label}调整预算数 ${printed.adjusted.text} ≠ 年初预算数 ${fmtAmount(values.initial)} + 追加追减 ${fmtAmount(values.adjustment)} = ${cmp.expected}`,
          },
          { published: printed.adjusted.text, recomputed: cmp.expected },
        ),
      );
    }
  }

  const budget =
    values.adjusted ?? (values.initial ? values.initial.plus(values.adjustment ?? ZERO) : undefined);
  const actual = values.actual;
  let executionRate: string | null = null;
  let executionRateExact: string | null = null;
  let variance: Dec | null = null;
  let overspend = false;
  let publishedRate = line.published?.executionRate;
  if (publishedRate !== null && publishedRate !== undefined && !isFigure(publishedRate)) {
    findings.push(
      makeFinding('invalid-report', [...path, 'published', 'executionRate'], {
        en: `${enLabel}: the printed execution rate must be a string or a finite number, not ${describeType(publishedRate)}`,
        zh: `${label}执行率应为字符串或有限数值`,
      }),
    );
    publishedRate = undefined;
  }

  if (budget !== undefined && actual !== undefined) {
    variance = budget.minus(actual);
    if (budget.isZero()) {
      const printedRate =
        publishedRate === null || publishedRate === undefined ? null : parseQuantity(publishedRate);
      const printedZero =
        printedRate === null ||
        (printedRate.ok && (printedRate.quantity === null || quantityValue(printedRate.quantity).isZero()));
      const spent = !actual.isZero();
      findings.push(
        makeFinding(
          'execution-rate-undefined',
          [...path, 'published', 'executionRate'],
          {
            en: `${enLabel}: the adjusted budget is zero, so there is no execution rate${spent ? ` (yet ${fmtAmount(actual)} was spent)` : ''}`,
            zh: `${label}调整预算数为零，执行率不存在${spent ? `（但实际支出 ${fmtAmount(actual)}）` : ''}`,
          },
          {
            severity: printedZero && !spent ? 'info' : 'warning',
            published:
              publishedRate === null || publishedRate === undefined ? undefined : showValue(publishedRate),
          },
        ),
      );
    } else {
      const exact = actual.dividedBy(budget).times(HUNDRED);
      executionRateExact = toExact(exact);
      executionRate = `${toFixed(exact, 2, mode)}%`;
      if (publishedRate !== null && publishedRate !== undefined) {
        checkPrintedRate(publishedRate, exact, path, enLabel, label, mode, findings);
      }
    }
    if (actual.gt(budget)) {
      overspend = true;
      findings.push(
        makeFinding(
          'overspend',
          [...path, 'actual'],
          {
            en: `${enLabel}: actual spending ${fmtAmount(actual)} exceeds the adjusted budget ${fmtAmount(budget)} by ${fmtAmount(actual.minus(budget))}${executionRate ? ` (execution rate ${executionRate})` : ''}`,
            zh: `${label}实际支出 ${fmtAmount(actual)} 超出调整预算数 ${fmtAmount(budget)}，超支 ${fmtAmount(actual.minus(budget))}${executionRate ? `（执行率 ${executionRate}）` : ''}`,
          },
          { recomputed: executionRate ?? undefined },
        ),
      );
    }
  }

  const publishedVariance = line.published?.variance;
  if (publishedVariance !== null && publishedVariance !== undefined) {
    const r = readAmount(publishedVariance, unit);
    if (!r.ok) {
      findings.push(
        makeFinding('unparsable-value', [...path, 'published', 'variance'], r.message, {
          published: showValue(publishedVariance),
        }),
      );
    } else if (r.quantity !== null && variance !== null) {
      const cmp = comparePrinted(variance, { ...r.quantity, value: toExact(r.value) }, mode);
      if (!cmp.consistent) {
        findings.push(
          makeFinding(
            'variance-mismatch',
            [...path, 'published', 'variance'],
            {
              en: `${enLabel}: printed variance ${r.quantity.text} ≠ budget − actual = ${cmp.expected}`,
              zh: `${label}差额 ${r.quantity.text} ≠ 预算数 − 实际支出数 = ${cmp.expected}`,
            },
            { published: r.quantity.text, recomputed: cmp.expected },
          ),
        );
      }
    }
  }

  return {
    path,
    name,
    depth,
    executionRate,
    executionRateExact,
    variance: variance === null ? null : toExact(variance),
    overspend,
  };
}

function checkPrintedRate(
  publishedRate: Figure,
  exact: Dec,
  path: Path,
  enLabel: string,
  label: string,
  mode: RoundingMode,
  findings: Finding[],
): void {
  const where = [...path, 'published', 'executionRate'];
  const p = parseQuantity(publishedRate);
  if (!p.ok || (p.quantity !== null && p.quantity.unit !== null && p.quantity.unit !== '%')) {
    findings.push(
      makeFinding(
        'unparsable-value',
        where,
        p.ok
          ? {
              en: `"${showValue(publishedRate)}" is not a percentage`,
              zh: `“${showValue(publishedRate)}”不是百分比`,
            }
          : p.message,
        { published: showValue(publishedRate) },
      ),
    );
    return;
  }
  if (p.quantity === null) return;
  const cmp = comparePrinted(exact, p.quantity, mode);
  if (cmp.consistent) return;
  const recomputed = `${cmp.expected}%`;
  findings.push(
    makeFinding(
      'execution-rate-mismatch',
      where,
      {
        en: `${enLabel}: printed execution rate ${p.quantity.text} ≠ actual ÷ adjusted = ${recomputed}${cmp.looksTruncated ? ' (the printed figure looks truncated, not rounded half-up)' : ''}`,
        zh: `${label}执行率 ${p.quantity.text} ≠ 实际支出数 ÷ 调整预算数 = ${recomputed}${cmp.looksTruncated ? '（所印数字像是截断而非四舍五入）' : ''}`,
      },
      { published: p.quantity.text, recomputed },
    ),
  );
}

function checkSums(
  name: string,
  path: Path,
  parent: LineAmounts,
  children: readonly LineAmounts[],
  allObjects: boolean,
  mode: RoundingMode,
  findings: Finding[],
): void {
  if (!allObjects || children.length === 0) return;
  const label = name === '' ? '' : `“${name}”`;
  const enLabel = name === '' ? 'this line' : `"${name}"`;
  for (const col of COLUMNS) {
    const printed = parent.printed[col];
    if (!printed) continue;
    // A child whose cell prints nothing (blank, `-`, `/`) adds nothing to the sum; a child
    // whose cell cannot be read makes the sum unknown; no child printing the column: no check.
    if (children.some((c) => c.unreadable.has(col))) continue;
    let sum = ZERO;
    let summed = 0;
    for (const c of children) {
      const v = c.values[col];
      if (v === undefined) continue;
      sum = sum.plus(v);
      summed += 1;
    }
    if (summed === 0) continue;
    const blanks = children.length - summed;
    const cmp = comparePrinted(sum, { ...printed, value: toExact(parent.values[col] as Dec) }, mode);
    if (!cmp.consistent) {
      const blankEn = blanks > 0 ? ` (${blanks} of them print nothing in this column)` : '';
      const blankZh = blanks > 0 ? `（其中 ${blanks} 个子项此栏未填）` : '';
      findings.push(
        makeFinding(
          'budget-sum-mismatch',
          [...path, col],
          {
            en: `${enLabel}: ${col} ${printed.text} ≠ the sum of its ${children.length} lines ${toExact(sum)}${blankEn}`,
            zh: `${label}${COLUMN_ZH[col]} ${printed.text} ≠ 其 ${children.length} 个子项之和 ${toExact(sum)}${blankZh}`,
          },
          { published: printed.text, recomputed: cmp.expected },
        ),
      );
    }
  }
}
