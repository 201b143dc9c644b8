/**
 * reviewTargets: a target table (绩效目标申报表) reviewed the way a finance bureau reviews it
 * before the budget is approved (绩效目标审核), by every rule of target-review-rules.md that a
 * machine can decide (REVIEW_RULES). One pass reads the rows (review-read.ts); the row rules
 * (review-row.ts), the table rules (review-table.ts) and the goal rule (review-goals.ts) run on
 * that model.
 */
import { assertOptions, describeType, describeValue } from '../core/arguments.js';
import { toExact } from '../core/decimal.js';
import { nameKey } from '../core/text.js';
import type { Target } from '../figures/target.js';
import type { Declaration } from '../model/declaration.js';
import { type Finding, type Path, type Severity, summarize } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import {
  type Emitter,
  makeEmitter,
  type ReviewFinding,
  type ReviewSkipReason,
  type RuleSetting,
} from './review-emit.js';
import { checkGoals, type GoalFigure } from './review-goals.js';
import {
  amountUnitOf,
  type IndicatorKind,
  isBlankRow,
  isRecord,
  type ReviewRow,
  readRow,
} from './review-read.js';
import { checkRow, periodOf } from './review-row.js';
import { REVIEW_RULES, type ReviewRule, type ReviewRuleId } from './review-rules.js';
import {
  type CostProducts,
  checkCostFunds,
  checkFootnotes,
  checkFramework,
  checkFunds,
  checkTasks,
  checkWeights,
  readFunds,
} from './review-table.js';

export type { ReviewFinding, ReviewSkipReason, RuleSetting } from './review-emit.js';
export type { GoalFigure } from './review-goals.js';
export type { IndicatorKind } from './review-read.js';
export { REVIEW_RULES, type ReviewRule, type ReviewRuleId } from './review-rules.js';
export type { CostProducts } from './review-table.js';

/** Options of {@link reviewTargets}. */
export interface ReviewOptions {
  /**
   * Per rule, by its id (`'7'`, `'8a'`; `'8'` names both parts of rule 8) or by its finding code
   * (`'dimension-missing'` names rules 1–4): `'off'`, or the severity its findings get. A rule's
   * info notes (the weaker cases, `ReviewRule.note`) stay info; `'off'` turns them off too.
   *
   * @example
   * ```ts
   * reviewTargets(table, { rules: { '4': 'off', 'target-vague': 'error' } });
   * ```
   */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

/** A rule as applied to one table. */
export interface ReviewRuleState {
  readonly id: ReviewRuleId;
  readonly code: ReviewRule['code'];
  /** The severity its findings got (the configured one, or the rule's default). */
  readonly severity: Severity;
  /** Its sources (S-numbers of target-review-rules.md). */
  readonly sources: readonly string[];
  /** True when the rule ran on this table (whether or not it found anything). */
  readonly applied: boolean;
  /** Why it did not run. */
  readonly skipped?: ReviewSkipReason;
}

/** One row as the review read it. */
export interface ReviewedIndicator {
  readonly path: Path;
  readonly name: string;
  /** 一级/二级 as printed. */
  readonly category: readonly string[];
  /** What the target is: a quantity, a cost, a unit cost, a range, a `±` band, a deadline, a date, qualitative, empty or unparsable. */
  readonly kind: IndicatorKind;
  /** The target as parseTarget reads it (null for empty, unparsable, dates and deadlines). */
  readonly target: Target | null;
  /** A cost target's amount in 元, exact (per unit for a unit cost), or null. */
  readonly costYuan: string | null;
  /** The unit a unit cost is per (`亩`, `人`), or null. */
  readonly per: string | null;
}

/** What {@link reviewTargets} returns. */
export interface ReviewResult {
  readonly findings: readonly ReviewFinding[];
  readonly summary: Readonly<Record<Severity, number>>;
  /** Every rule of REVIEW_RULES, with whether it ran on this table. */
  readonly rules: readonly ReviewRuleState[];
  readonly indicators: readonly ReviewedIndicator[];
  /** The figures of the goal text and the rows they were matched to (rule 17). */
  readonly goals: readonly GoalFigure[];
  /** Σ unit cost × planned quantity (rule 12), term by term in 元, and the unit costs it could not pair; null when the table has no unit cost. */
  readonly costs: CostProducts | null;
}

const SEVERITY_SET: readonly string[] = ['error', 'warning', 'info', 'off'];

/** Reads `options.rules` into a setting per rule id; unknown keys and values are TypeErrors. */
function settingsOf(options: ReviewOptions): Map<ReviewRuleId, RuleSetting> {
  const out = new Map<ReviewRuleId, RuleSetting>();
  const rules: unknown = options.rules;
  if (rules === undefined) return out;
  if (!isRecord(rules)) {
    throw new TypeError(`reviewTargets: options.rules must be an object, got ${describeType(rules)}`);
  }
  for (const key of Object.keys(rules)) {
    const value: unknown = rules[key];
    if (typeof value !== 'string' || !SEVERITY_SET.includes(value)) {
      throw new TypeError(
        `reviewTargets: options.rules[${JSON.stringify(key)}] must be "off", "error", "warning" or "info", got ${typeof value === 'string' ? describeValue(value) : describeType(value)}`,
      );
    }
    const matched = REVIEW_RULES.filter(
      (r) => r.id === key || r.code === key || (key === '8' && r.id.startsWith('8')),
    );
    if (matched.length === 0) {
      throw new TypeError(
        `reviewTargets: options.rules has no rule ${JSON.stringify(key)} (rule ids: ${REVIEW_RULES.map((r) => r.id).join(', ')}, or their finding codes)`,
      );
    }
    for (const r of matched) out.set(r.id, value as RuleSetting);
  }
  return out;
}

/**
 * Reviews a target table (绩效目标申报表, `kind: "declaration"`) by the rules of
 * {@link REVIEW_RULES}, numbered as in target-review-rules.md:
 * completeness (1–4 `dimension-missing`: 产出 and 效益 error, 满意度 and 成本 warning, 数量/质量/时效
 * info; skipped on a `truncated` table, which gets one `table-truncated` info); each target (6
 * `target-missing`, 7 `target-vague`, 8 `unit-missing` / `unit-mismatch`, 9 `implicit-operator`);
 * cost (10 `cost-not-money`, 11 `cost-not-ceiling`, 12 `cost-over-funds`); time (13
 * `deadline-outside-period`); values (14 `value-out-of-bounds`, 15 `target-below-standard`, 16
 * `target-below-last-year`); consistency (17 `goal-indicator-mismatch`, 18 `funds-mismatch`, 19
 * `weight-sum-mismatch`); form (20 `template-residue`, 21 `process-measure-as-target`, 22
 * `misfiled-indicator`). docs/review.md gives each rule's source and what is not checked.
 *
 * Money is exact: amounts convert between 元, 万元 and 亿元 (a bare amount is in `amountUnit`,
 * 万元 by default; `250万` in a money field is 250万元), Σ unit cost × quantity is computed with
 * the quantity converted to the unit the cost is per (元/亩 × 公顷 → 亩), and a cost equal to the
 * funds is correct. A table read two ways (a unit cost matching two quantities, a goal figure
 * naming two rows) is not summed nor matched: nothing is reported on a guess.
 *
 * Bad data never throws: a report that is not an object, a row that is not one, a target of
 * the wrong type or a funds figure that is not an amount are findings with their paths. The
 * input is not mutated.
 *
 * @throws TypeError when `options` is not an object, or `options.rules` names an unknown rule
 *   or gives a setting other than `'off'`, `'error'`, `'warning'`, `'info'`.
 * @example
 * ```ts
 * const r = reviewTargets({
 *   kind: 'declaration', year: 2022,
 *   project: { funds: { total: '164万元' } },
 *   goals: ['主体班培训280人次'],
 *   indicators: [
 *     { path: ['产出指标', '数量指标'], name: '主体班培训人次', target: '280人次' },
 *     { path: ['产出指标', '成本指标'], name: '成本控制率', target: '100%' },
 *   ],
 * });
 * r.summary;          // { error: 1, warning: 1, info: 6 }: no 效益 (error), no 满意度 (warning), …
 * r.goals[0]?.status; // 'matched' (280人次 in the goal, 280人次 in the row)
 * ```
 */
export function reviewTargets(report: Declaration, options: ReviewOptions = {}): ReviewResult {
  assertOptions('reviewTargets', 'options', options);
  const settings = settingsOf(options ?? {});
  const e = makeEmitter(settings);
  if (!isRecord(report)) {
    e.plain(
      makeFinding('invalid-report', [], {
        detail: {
          en: `a target table must be a JSON object, not ${describeType(report)}`,
          zh: '绩效目标表应为 JSON 对象',
        },
      }),
    );
    return resultOf(e, [], [], null);
  }
  const unit = amountUnitOf(report.amountUnit);
  const year =
    typeof report.year === 'number' &&
    Number.isInteger(report.year) &&
    report.year >= 1900 &&
    report.year <= 2199
      ? report.year
      : null;
  const rows: ReviewRow[] = [];
  if (Array.isArray(report.indicators)) {
    const read: Finding[] = [];
    report.indicators.forEach((source: unknown, i: number) => {
      const row = readRow(source, i, read);
      // A blank form row (no name, no target: a 社会成本 or 经济效益 line left empty) is no
      // indicator and no finding (rule 5).
      if (row !== null && !isBlankRow(row)) rows.push(row);
    });
    for (const f of read) e.plain(f);
  } else if (report.indicators !== undefined) {
    e.plain(
      makeFinding('invalid-report', ['indicators'], {
        detail: { en: '"indicators" must be a list of indicator rows', zh: '“indicators”应为指标行列表' },
      }),
    );
  }
  completeness(report, rows, e);
  const period = periodOf(report.project, year);
  for (const row of rows) checkRow(row, e, period);
  const funds = readFunds(report.project, unit, e);
  const costs = checkCostFunds(rows, funds, unit, e);
  checkFunds(funds, unit, e);
  checkTasks(report.tasks, funds, unit, e);
  if (report.truncated === true) e.skip('19', 'truncated');
  else checkWeights(rows, report, e);
  const goals = checkGoals(report.goals, rows, e);
  checkFootnotes(report.notes, e);
  return resultOf(e, rows, goals, costs);
}

/** Rules 1–4, or their skip: a truncated table, or rows without categories. */
function completeness(
  report: Readonly<Record<string, unknown>>,
  rows: readonly ReviewRow[],
  e: Emitter,
): void {
  const ids = REVIEW_RULES.filter((r) => r.completeness).map((r) => r.id);
  if (report.truncated === true) {
    const on = ids.filter((id) => e.on(id));
    for (const id of ids) e.skip(id, 'truncated');
    if (on.length > 0 || e.on('19')) {
      e.plain(makeFinding('table-truncated', [], { rules: [...on, ...(e.on('19') ? ['19'] : [])] }));
    }
    return;
  }
  if (!rows.some((r) => r.category.some((c) => nameKey(c) !== ''))) {
    for (const id of ids) e.skip(id, 'no-categories');
    return;
  }
  checkFramework(rows, e);
}

function resultOf(
  e: Emitter,
  rows: readonly ReviewRow[],
  goals: GoalFigure[],
  costs: CostProducts | null,
): ReviewResult {
  const findings = e.findings;
  return {
    findings,
    summary: summarize(findings),
    rules: REVIEW_RULES.map((r) => {
      const skipped = e.skipped.get(r.id);
      const state: ReviewRuleState = {
        id: r.id,
        code: r.code,
        severity: severityOf(r, e),
        sources: r.sources,
        applied: skipped === undefined,
        ...(skipped !== undefined ? { skipped } : {}),
      };
      return state;
    }),
    indicators: rows.map((row) => ({
      path: row.path,
      name: row.name,
      category: row.category,
      kind: row.kind,
      target: row.target,
      costYuan: row.money === null ? null : toExact(row.money),
      per: row.unitCost?.per ?? null,
    })),
    goals,
    costs,
  };
}

function severityOf(r: ReviewRule, e: Emitter): Severity {
  const s = e.settings.get(r.id);
  return s === undefined || s === 'off' ? r.severity : s;
}
