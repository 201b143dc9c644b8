/**
 * The budget rules: the arithmetic of budget trees (预算信息) and every line's recomputed
 * figures, read once into rows that the score rules and the result read too.
 *
 * Over 400 lines because it is one thing: the rules of one budget table (adjusted budget,
 * sums, rates, overspend, variance) over one walk of its tree.
 */
import { assertBoolean } from '../core/arguments.js';
import { type Dec, HUNDRED, isNeg, type RoundingMode, toExact, toFixed, ZERO } from '../core/decimal.js';
import {
  add,
  compareRounded,
  divide,
  type Interval,
  scale,
  subtract,
  sum as sumIntervals,
} from '../core/intervals.js';
import {
  describeType,
  isFigure,
  parseQuantity,
  type Quantity,
  quantityValue,
  showValue,
} from '../core/quantity.js';
import type { UnitInfo } from '../core/units.js';
import { amountUnitInfo, readAmount } from '../figures/budget.js';
import { checkBudgetArguments } from '../figures/checks.js';
import type { Finding, Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { BudgetColumn } from '../model/messages/params.js';
import type { AmountUnit, BudgetLine, Figure } from '../model/report.js';
import { amountInterval, roundingFinding } from './rounding.js';

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
const COLUMNS: readonly BudgetColumn[] = ['initial', 'adjustment', 'adjusted', 'actual'];
type Column = BudgetColumn;

/** Options of {@link checkBudget}. */
export interface BudgetCheckOptions {
  /** Unit of bare amounts (default `'万元'`); amounts printed with a money unit are converted. */
  readonly amountUnit?: AmountUnit;
  /** Rounding a printed figure is checked with (default `'half-up'`). */
  readonly rounding?: RoundingMode;
  /**
   * Take the printed amounts as exact (default false). By default a printed amount stands for
   * every value that rounds to it at its printed decimals (`2.38` for [2.375, 2.385]), and a
   * rate, sum, adjusted budget or variance that only those intervals explain is
   * `rounding-difference` (info) instead of an error; `true` restores the exact comparison.
   */
  readonly strictInputs?: boolean;
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
  /** `revenue` or `expenditure`: the line's own `kind`, else its parent's, else expenditure. */
  readonly kind: LineKind;
  /**
   * Each printed amount's rounding interval in the amount unit (DESIGN §1 "Rounding"): the
   * values that round to it at its printed decimals; none under `strictInputs` (the exact
   * comparison alone: a point through a division would be widened by its last digit).
   */
  readonly intervals: Partial<Record<Column, Interval>>;
}

function amountIntervals(
  printed: Partial<Record<Column, Quantity>>,
  unit: UnitInfo,
  mode: RoundingMode,
  strict: boolean,
): Partial<Record<Column, Interval>> {
  const out: Partial<Record<Column, Interval>> = {};
  if (strict) return out;
  for (const col of COLUMNS) {
    const q = printed[col];
    if (q) out[col] = amountInterval(q, unit, mode, false);
  }
  return out;
}

/**
 * The interval of the budget a rate and a variance divide by or subtract from, the way
 * checkLine picks the budget: 调整预算数, else 年初预算数 + 追加追减 (or 年初预算数 alone).
 */
function budgetInterval(own: LineAmounts): Interval | undefined {
  const { intervals: i } = own;
  if (own.values.adjusted) return i.adjusted;
  if (!own.values.initial || !i.initial) return undefined;
  return own.values.adjustment && i.adjustment ? add(i.initial, i.adjustment) : i.initial;
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
 * - `overspend`: actual > adjusted (warning), with the rate; on a line that prints only its
 *   original budget, "above the original budget" (basis `original`); never on revenue lines;
 * - `negative-amount`: a negative budget or actual on an expenditure line (warning; the
 *   adjustment column may be negative);
 * - `variance-mismatch`: a printed variance (budget − actual; `(7 379)` is −7379) that is not
 *   adjusted − actual at its printed precision;
 * - `rounding-difference` (info): a printed 执行率, sum, 调整预算数 or variance that the
 *   printed amounts taken as exact do not give, but amounts that round to them do (each
 *   printed amount stands for the closed interval of values that round to it at its printed
 *   decimals: `2.38` for [2.375, 2.385]); off under `strictInputs: true`;
 * - `unparsable-value`: an amount cell that is not a number (warning), with its text.
 *
 * When 调整预算数 is not printed, the rate uses 年初预算数 + 追加追减 (or 年初预算数 alone).
 * Trees are walked iteratively: any depth works.
 *
 * @param roots - the roots of the budget trees (several roots side by side are allowed).
 * @param options - amount unit of bare amounts (default 万元), rounding (default half-up) and
 *   `strictInputs` (default false: printed amounts are rounded too).
 * @param basePath - the path of `roots` in the report, prefixed to every finding's path
 *   (default `["budget"]`, as in the report JSON).
 * @throws TypeError when `roots` is not an array, `options` has an option of the wrong type
 *   (`strictInputs` must be true, false or undefined) or `basePath` is not a path.
 * @example
 * ```ts
 * const { lines, findings } = checkBudget([{ name: '预算总金额', adjusted: '321.19', actual: '430.93' }]);
 * lines[0].executionRate;  // '134.17%'
 * findings[0].code;        // 'overspend'
 * // 2.38 ÷ 2.46 = 96.75%, printed 96.8%: amounts in [2.375, 2.385] ÷ [2.455, 2.465] allow it
 * checkBudget([{ adjusted: '2.46', actual: '2.38', published: { executionRate: '96.8%' } }])
 *   .findings[0].code;     // 'rounding-difference'
 * ```
 */
export function checkBudget(
  roots: readonly BudgetLine[],
  options: BudgetCheckOptions = {},
  basePath: Path = ['budget'],
): BudgetCheck {
  checkBudgetArguments(roots, options, basePath);
  if (options.strictInputs !== undefined)
    assertBoolean('checkBudget', 'options.strictInputs', options.strictInputs);
  const { rows, findings } = checkBudgetTrees(roots, options, basePath);
  return { lines: rows.map((r) => r.figures), findings };
}

/** One budget line as the rules read it: the line as given and its recomputed figures (internal). */
export interface BudgetRow {
  readonly source: BudgetLine;
  readonly figures: BudgetLineFigures;
}

/** {@link checkBudget}, giving each line as a row: the line as given with its figures (internal). */
export function checkBudgetTrees(
  roots: readonly BudgetLine[],
  options: BudgetCheckOptions = {},
  basePath: Path = ['budget'],
): { readonly rows: readonly BudgetRow[]; readonly findings: readonly Finding[] } {
  const unit = amountUnitInfo(options.amountUnit);
  const mode = options.rounding ?? 'half-up';
  const strict = options.strictInputs === true;
  const findings: Finding[] = [];
  const rows: BudgetRow[] = [];
  const amounts = new Map<BudgetLine, LineAmounts>();
  const kinds = lineKinds(roots);

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
          makeFinding(
            'unparsable-value',
            [...path, col],
            { kind: 'cell', detail: r.message },
            { published: showValue(line[col]) },
          ),
        );
      } else if (r.value !== null) {
        values[col] = r.value;
        printed[col] = r.quantity;
      }
    }
    const out = {
      values,
      printed,
      unreadable,
      intervals: amountIntervals(printed, unit, mode, strict),
      kind: kinds.get(line) ?? 'expenditure',
    };
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
          detail: { en: `a budget line must be an object, not ${describeType(node)}`, zh: '预算行应为对象' },
        }),
      );
      continue;
    }
    const line = node as BudgetLine;
    const name = typeof line.name === 'string' ? line.name : '';
    const own = read(line, path);
    rows.push({ source: line, figures: checkLine(line, name, path, depth, own, unit, mode, findings) });
    checkNegative(name, path, own, findings);

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
  return { rows, findings };
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

  if (values.initial && values.adjustment && values.adjusted && printed.adjusted) {
    const sum = values.initial.plus(values.adjustment);
    const { initial: ii, adjustment: ia } = own.intervals;
    const cmp = compareRounded(
      sum,
      ii && ia ? add(ii, ia) : null,
      { ...printed.adjusted, value: toExact(values.adjusted) },
      mode,
    );
    if (cmp.byRounding) {
      findings.push(
        roundingFinding('adjusted-budget', name, [...path, 'adjusted'], printed.adjusted.text, cmp, ''),
      );
    } else if (!cmp.consistent) {
      findings.push(
        makeFinding(
          'budget-adjusted-mismatch',
          [...path, 'adjusted'],
          {
            line: name,
            adjusted: printed.adjusted.text,
            initial: fmtAmount(values.initial),
            adjustment: fmtAmount(values.adjustment),
            expected: cmp.expected,
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
        detail: {
          en: `${name === '' ? 'this line' : `"${name}"`}: the printed execution rate must be a string or a finite number, not ${describeType(publishedRate)}`,
          zh: `${name === '' ? '' : `“${name}”`}执行率应为字符串或有限数值`,
        },
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
          { line: name, spent: spent ? fmtAmount(actual) : null },
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
        checkPrintedRate(publishedRate, exact, rateInterval(own), path, name, mode, findings);
      }
    }
    overspend = checkOverspend(name, path, own, budget, actual, executionRate, findings);
  }

  const publishedVariance = line.published?.variance;
  if (publishedVariance !== null && publishedVariance !== undefined) {
    const r = readAmount(publishedVariance, unit);
    if (!r.ok) {
      findings.push(
        makeFinding(
          'unparsable-value',
          [...path, 'published', 'variance'],
          { kind: 'cell', detail: r.message },
          { published: showValue(publishedVariance) },
        ),
      );
    } else if (r.quantity !== null && variance !== null) {
      const cmp = compareRounded(
        variance,
        varianceInterval(own),
        { ...r.quantity, value: toExact(r.value) },
        mode,
      );
      const where = [...path, 'published', 'variance'];
      if (cmp.byRounding) {
        findings.push(roundingFinding('variance', name, where, r.quantity.text, cmp, ''));
      } else if (!cmp.consistent) {
        findings.push(
          makeFinding(
            'variance-mismatch',
            [...path, 'published', 'variance'],
            { line: name, published: r.quantity.text, expected: cmp.expected },
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

/** actual ÷ budget × 100 over the amounts' intervals; null when the budget's interval holds 0. */
function rateInterval(own: LineAmounts): Interval | null {
  const b = budgetInterval(own);
  const a = own.intervals.actual;
  if (!b || !a) return null;
  const q = divide(a, b);
  return q === null ? null : scale(q, HUNDRED);
}

/** budget − actual over the amounts' intervals. */
function varianceInterval(own: LineAmounts): Interval | null {
  const b = budgetInterval(own);
  const a = own.intervals.actual;
  return b && a ? subtract(b, a) : null;
}

/** How a line's `kind` is read: `revenue`, or `expenditure` for anything else. */
type LineKind = 'expenditure' | 'revenue';

/**
 * The kind of every line of the trees: its own `kind` when it gives one, else its parent's,
 * else `expenditure` (the budget tables of DESIGN §1 are expenditure tables). Walked
 * iteratively, like the rules.
 */
function lineKinds(roots: readonly BudgetLine[]): Map<BudgetLine, LineKind> {
  const out = new Map<BudgetLine, LineKind>();
  const stack: [unknown, LineKind][] = [];
  // A for loop, not map: the holes of a sparse list are lines too (reported as invalid elsewhere).
  for (let i = 0; i < roots.length; i += 1) stack.push([roots[i], 'expenditure']);
  while (stack.length > 0) {
    const [node, inherited] = stack.pop() as [unknown, LineKind];
    if (typeof node !== 'object' || node === null || Array.isArray(node) || out.has(node as BudgetLine))
      continue;
    const line = node as BudgetLine;
    const kind: LineKind =
      line.kind === 'revenue' ? 'revenue' : line.kind === 'expenditure' ? 'expenditure' : inherited;
    out.set(line, kind);
    const children = Array.isArray(line.children) ? (line.children as readonly unknown[]) : [];
    for (let i = 0; i < children.length; i += 1) stack.push([children[i], kind]);
  }
  return out;
}

/**
 * `overspend` (warning): an expenditure line whose actual spending is above its budget.
 *
 * - The budget is the adjusted one (调整预算数, or 年初预算数 + 追加追减 when only those are
 *   printed): basis `adjusted`. Spending above the original budget (年初预算数) but within the
 *   adjusted one was funded by supplementary releases (追加) and is no finding.
 * - A line that prints only its original budget (no adjusted column, no adjustment column) is
 *   compared with that: basis `original`, and the message says "above the original budget",
 *   not overspent, since releases the table does not print may fund it.
 * - Revenue lines (`kind: 'revenue'`): receipts above budget are not overspend, never a finding.
 * - A negative budget gives no overspend: `negative-amount` says what is wrong.
 *
 * Returns true when the finding was raised. Example: 预算总金额 321.19 / 430.93 (the reference
 * report) → overspend by 109.74 on the adjusted basis; `{ initial: 100, adjusted: 120,
 * actual: 110 }` → none; `{ initial: 100, actual: 110 }` → 10 above the original budget.
 */
function checkOverspend(
  name: string,
  path: Path,
  own: LineAmounts,
  budget: Dec,
  actual: Dec,
  executionRate: string | null,
  findings: Finding[],
): boolean {
  if (own.kind === 'revenue' || isNeg(budget) || !actual.gt(budget)) return false;
  const basis =
    own.values.adjusted !== undefined || own.values.adjustment !== undefined ? 'adjusted' : 'original';
  findings.push(
    makeFinding(
      'overspend',
      [...path, 'actual'],
      {
        line: name,
        actual: fmtAmount(actual),
        budget: fmtAmount(budget),
        excess: fmtAmount(actual.minus(budget)),
        rate: executionRate,
        basis,
      },
      { recomputed: executionRate ?? undefined },
    ),
  );
  return true;
}

/**
 * `negative-amount` (warning): a negative 年初预算数, 调整预算数 or 实际支出数 on an expenditure
 * line. The adjustment column (追加追减) carries cuts as negative numbers and is never flagged;
 * revenue lines may be negative (refunds) and are not checked.
 */
function checkNegative(name: string, path: Path, own: LineAmounts, findings: Finding[]): void {
  if (own.kind === 'revenue') return;
  for (const col of ['initial', 'adjusted', 'actual'] as const) {
    const v = own.values[col];
    const p = own.printed[col];
    if (v === undefined || p === undefined || !isNeg(v)) continue;
    findings.push(
      makeFinding(
        'negative-amount',
        [...path, col],
        { line: name, column: col, value: fmtAmount(v) },
        { published: p.text },
      ),
    );
  }
}

function checkPrintedRate(
  publishedRate: Figure,
  exact: Dec,
  inputs: Interval | null,
  path: Path,
  name: string,
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
          ? { kind: 'not-a-percentage', text: showValue(publishedRate) }
          : { kind: 'cell', detail: p.message },
        { published: showValue(publishedRate) },
      ),
    );
    return;
  }
  if (p.quantity === null) return;
  const cmp = compareRounded(exact, inputs, p.quantity, mode);
  if (cmp.consistent) return;
  if (cmp.byRounding) {
    findings.push(roundingFinding('execution-rate', name, where, p.quantity.text, cmp, '%'));
    return;
  }
  const recomputed = `${cmp.expected}%`;
  findings.push(
    makeFinding(
      'execution-rate-mismatch',
      where,
      { line: name, published: p.quantity.text, recomputed, truncated: cmp.looksTruncated },
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
  for (const col of COLUMNS) {
    const printed = parent.printed[col];
    if (!printed) continue;
    // A child whose cell prints nothing (blank, `-`, `/`) adds nothing to the sum; a child
    // whose cell cannot be read makes the sum unknown; no child printing the column: no check.
    if (children.some((c) => c.unreadable.has(col))) continue;
    let sum = ZERO;
    let summed = 0;
    const parts: Interval[] = [];
    let intervals = true;
    for (const c of children) {
      const v = c.values[col];
      if (v === undefined) continue;
      sum = sum.plus(v);
      summed += 1;
      const i = c.intervals[col];
      if (i === undefined) intervals = false;
      else parts.push(i);
    }
    if (summed === 0) continue;
    const blanks = children.length - summed;
    const cmp = compareRounded(
      sum,
      intervals ? sumIntervals(parts) : null,
      { ...printed, value: toExact(parent.values[col] as Dec) },
      mode,
    );
    if (cmp.byRounding) {
      findings.push(roundingFinding('budget-sum', name, [...path, col], printed.text, cmp, ''));
    } else if (!cmp.consistent) {
      // Children that print nothing are unknown, not zero: a parent above the sum of the
      // printed ones may hold them (a Capital line with no budget printed, SA National Treasury
      // 2006/07). Then the difference is info; a parent below that sum is an error still.
      const unknownRest =
        blanks > 0 && col !== 'adjustment' && !sum.isNeg() && (parent.values[col] as Dec).gt(sum);
      findings.push(
        makeFinding(
          'budget-sum-mismatch',
          [...path, col],
          {
            line: name,
            column: col,
            published: printed.text,
            count: children.length,
            sum: toExact(sum),
            blanks,
          },
          {
            published: printed.text,
            recomputed: cmp.expected,
            ...(unknownRest ? { severity: 'info' as const } : {}),
          },
        ),
      );
    }
  }
}
