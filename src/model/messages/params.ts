/**
 * The parameters of each finding code: what a message catalog renders a finding's text from.
 * A finding is data (a code and these parameters); its text in a language comes from a
 * catalog (`messages/en.ts`, `messages/zh.ts`, or one a program brings).
 *
 * Texts that come from deeper layers (a parse error of a cell, a score's explanation) are
 * passed as {@link Messages} in both languages: a catalog picks the language it renders.
 */
import type { Messages, Path } from '../findings.js';

/** The indicator row a finding is about: its name as printed (`""` when none) and its path. */
export interface RowRef {
  readonly name: string;
  readonly path: Path;
}

/** The amount columns of a budget line. */
export type BudgetColumn = 'initial' | 'adjustment' | 'adjusted' | 'actual';

/** The common indicators that are recomputed from the report's own data. */
export type CrossCheckId = 'execution-rate' | 'adjustment-rate' | 'staff-control-rate' | 'carryover-rate';

/** What a score finding is about: a budget line's execution score or an indicator row's score. */
export type ScoreSubject =
  | { readonly kind: 'budget-execution'; readonly line: string }
  | { readonly kind: 'indicator'; readonly name: string }
  /** A group of indicators (一级/二级指标) that prints its own weight or score. */
  | { readonly kind: 'group'; readonly path: readonly string[] };

/** The printed figures that `rounding-difference` can be about. */
export type RoundedFigure =
  | 'execution-rate'
  | 'budget-sum'
  | 'adjusted-budget'
  | 'variance'
  | 'deviation'
  | 'score'
  | 'total-score'
  | 'cross-check'
  | 'period-rate';

/** Red, amber or green (in-year monitoring). */
export type PaceStateParam = 'red' | 'amber' | 'green';

/**
 * A dimension of PEFA 2016 Pillar I: 1.1 aggregate expenditure outturn (PI-1), 2.1 and 2.2
 * expenditure composition by function/administration and by economic type, 2.3 contingency,
 * 3.1 aggregate revenue outturn, 3.2 revenue composition.
 */
export type PefaDimensionId = '1.1' | '2.1' | '2.2' | '2.3' | '3.1' | '3.2';

/** Parameters of each finding code (a union of variants where a code has several texts). */
export interface FindingParams {
  /** A structural problem; the schema (or the rule) describes it in both languages. */
  readonly 'invalid-report': { readonly detail: Messages };
  /** A target cell that cannot be read. */
  readonly 'unparsable-target': { readonly detail: Messages };
  /** A cell that is not a number (or not of the kind the column needs). */
  readonly 'unparsable-value':
    | { readonly kind: 'cell'; readonly detail: Messages }
    | { readonly kind: 'not-a-percentage'; readonly text: string }
    | { readonly kind: 'not-a-score'; readonly text: string };
  readonly 'budget-adjusted-mismatch': {
    /** The line's name (`""` when none). */
    readonly line: string;
    readonly adjusted: string;
    readonly initial: string;
    readonly adjustment: string;
    /** initial + adjustment, rounded as the adjusted budget is printed. */
    readonly expected: string;
  };
  readonly 'budget-sum-mismatch': {
    readonly line: string;
    readonly column: BudgetColumn;
    readonly published: string;
    /** How many child lines. */
    readonly count: number;
    /** The exact sum of the children. */
    readonly sum: string;
    /** Children that print nothing in this column. */
    readonly blanks: number;
  };
  readonly 'execution-rate-mismatch': {
    readonly line: string;
    readonly published: string;
    readonly recomputed: string;
    readonly truncated: boolean;
  };
  readonly 'execution-rate-undefined': {
    readonly line: string;
    /** The amount spent against the zero budget, or null when nothing was spent. */
    readonly spent: string | null;
  };
  readonly overspend: {
    readonly line: string;
    readonly actual: string;
    readonly budget: string;
    readonly excess: string;
    readonly rate: string | null;
    /**
     * `adjusted`: the budget is the adjusted one (调整预算数, or 年初预算数 + 追加追减);
     * `original`: the line prints only its original budget (年初预算数), so supplementary
     * releases the table does not print may fund the excess.
     */
    readonly basis: 'adjusted' | 'original';
  };
  readonly 'variance-mismatch': {
    readonly line: string;
    readonly published: string;
    readonly expected: string;
  };
  readonly 'deviation-mismatch': {
    readonly row: RowRef;
    readonly published: string;
    readonly recomputed: string;
    readonly relative: boolean;
    /** `zero-when-met`: the publisher prints 0 for a met inequality; `truncated`: cut, not rounded. */
    readonly hint: 'zero-when-met' | 'truncated' | null;
  };
  readonly 'deviation-undefined': {
    readonly row: RowRef;
    readonly published: string;
    /** The absolute deviation with its sign, 2 decimals (`+43.37`). */
    readonly absolute: string;
    /** The indicator's unit (`%` means percentage points), or null. */
    readonly unit: string | null;
  };
  readonly 'target-not-met': { readonly row: RowRef; readonly target: string; readonly actual: string };
  readonly 'reason-missing':
    | { readonly kind: 'not-met'; readonly row: RowRef; readonly target: string; readonly actual: string }
    | {
        readonly kind: 'over-achievement';
        readonly row: RowRef;
        readonly target: string;
        /** Achievement in percent of the target, 2 decimals, with `%`. */
        readonly achieved: string;
        /** The threshold in percent, exact. */
        readonly threshold: string;
      };
  readonly 'unit-mismatch':
    | { readonly kind: 'values'; readonly detail: Messages }
    | { readonly kind: 'column-not-a-unit'; readonly row: RowRef; readonly unit: string }
    | { readonly kind: 'column-differs'; readonly row: RowRef; readonly own: string; readonly unit: string }
    | { readonly kind: 'deviation-unit'; readonly row: RowRef; readonly published: string }
    /** Review (rule 8): the unit contradicts the name (`村组干部230人` with unit 个). */
    | { readonly kind: 'name-unit'; readonly row: RowRef; readonly unit: string; readonly named: string }
    /** Review (rule 8): a time (完成时间) given as a rate. */
    | { readonly kind: 'time-as-rate'; readonly row: RowRef; readonly target: string };
  readonly 'implicit-operator': {
    readonly row: RowRef;
    readonly target: string;
    /** The target as read, e.g. `≥90%`. */
    readonly reading: string;
  };
  readonly 'needs-judgement':
    | { readonly kind: 'evaluation'; readonly row: RowRef; readonly detail: Messages }
    | { readonly kind: 'deviation-text'; readonly row: RowRef; readonly text: string }
    | {
        readonly kind: 'deviation-without-values';
        readonly row: RowRef;
        readonly published: string;
        readonly missing: 'target' | 'actual';
      }
    | {
        readonly kind: 'score-unchecked';
        readonly subject: ScoreSubject;
        readonly published: string;
        readonly detail: Messages;
      }
    | { readonly kind: 'score-without-weight'; readonly name: string }
    | {
        /**
         * A printed status (`published.status`) that is not checked: `unknown`, a word on no
         * known vocabulary; `partial`, 部分达成 / Partially achieved where the target and actual
         * give met.
         */
        readonly kind: 'status-word';
        readonly row: RowRef;
        readonly text: string;
        readonly reading: 'unknown' | 'partial';
      };
  readonly 'over-achievement': {
    readonly subject: ScoreSubject;
    readonly achieved: string;
    readonly threshold: string;
  };
  readonly 'cross-check-mismatch': {
    readonly id: CrossCheckId;
    readonly name: string;
    readonly published: string;
    readonly recomputed: string;
  };
  readonly 'score-mismatch': {
    readonly subject: ScoreSubject;
    readonly published: string;
    readonly expected: string;
    readonly explanation: Messages;
    /** A met target printed below its full weight. */
    readonly metBelowWeight: boolean;
  };
  readonly 'score-out-of-band': {
    readonly subject: ScoreSubject;
    readonly published: string;
    readonly band: string;
    readonly explanation: Messages;
  };
  readonly 'total-score-mismatch':
    | { readonly kind: 'printed-sum'; readonly published: string; readonly expected: string }
    | {
        readonly kind: 'rules';
        readonly published: string;
        readonly expected: string;
        readonly profile: string;
      };
  /**
   * Weights that do not add up where they are printed: the table's (no `group`), or the rows of
   * a group against the group's own weight (`group`: its path).
   */
  readonly 'weight-sum-mismatch': {
    readonly sum: string;
    readonly expected: string;
    readonly group?: readonly string[];
    /** Review rule 19: `expected` is the 一级's share of the default split (产出 50, 效益 30, 满意度 10), not a printed group weight. */
    readonly basis?: 'default-split';
  };
  readonly 'grade-mismatch': {
    readonly published: string;
    readonly total: string;
    readonly expected: string;
    readonly profile: string;
  };
  /**
   * A printed figure that differs from the recomputation from the printed inputs only by what
   * the rounding of those inputs explains: inputs that round to the printed ones give any
   * result from `low` to `high`, and the printed figure is among them.
   */
  readonly 'rounding-difference': {
    readonly figure: RoundedFigure;
    /** The line, indicator or group the figure belongs to (`""` for the report's total). */
    readonly name: string;
    readonly published: string;
    /** The figure recomputed from the printed inputs taken as exact, printed the same way. */
    readonly recomputed: string;
    /** The least result the printed inputs allow, printed the same way. */
    readonly low: string;
    /** The greatest result the printed inputs allow, printed the same way. */
    readonly high: string;
  };
  /** Nothing in the report can be checked; `ignored` are its top-level keys, none of them known. */
  readonly 'empty-report': { readonly ignored: readonly string[] };
  /** A top-level key that is not part of the report format, with the nearest known key. */
  readonly 'unknown-field': { readonly key: string; readonly nearest: string | null };
  /** A printed status (达成, 未达成, Achieved …) that contradicts the recomputed status. */
  readonly 'status-mismatch': {
    readonly row: RowRef;
    readonly published: string;
    readonly recomputed: 'met' | 'not-met';
  };
  /** A printed score above the weight of its row or of its group. */
  readonly 'score-above-weight': {
    readonly subject: ScoreSubject;
    readonly published: string;
    readonly weight: string;
  };
  /** A weight (分值) printed with no score (得分) beside it. */
  readonly 'score-missing': { readonly subject: ScoreSubject; readonly weight: string };
  /**
   * The printed weights do not make up the whole (a table cut off): no total and no grade are
   * recomputed. `missing` names what is absent (e.g. a 满意度指标 block), when it can be told.
   */
  readonly 'weights-incomplete': {
    readonly sum: string;
    readonly expected: string;
    readonly missing: readonly string[];
  };
  /** A negative amount where only amounts ≥ 0 make sense (a budget or an actual). */
  readonly 'negative-amount': {
    readonly line: string;
    readonly column: BudgetColumn;
    readonly value: string;
  };
  /** More staff in post than authorised (在职 > 编制). */
  readonly 'over-establishment': {
    readonly authorized: string;
    readonly actual: string;
    /** 在职人员控制率 = actual ÷ authorized × 100%, 2 decimals. */
    readonly rate: string;
  };
  /** Staff numbers that cannot be right: zero or negative 编制 beside a rate, negative 在职. */
  readonly 'staffing-invalid': {
    readonly kind: 'zero-authorized' | 'negative';
    readonly authorized: string | null;
    readonly actual: string | null;
  };
  // PEFA datasets (assessPefa)
  /** A printed total expenditure that is not the lines + interest + contingency beyond their rounding. */
  readonly 'pefa-total-mismatch': {
    /** The fiscal year as printed. */
    readonly year: string;
    readonly column: 'budget' | 'actual';
    /** The total as printed. */
    readonly published: string;
    /** The exact sum of the lines, interest and contingency. */
    readonly sum: string;
  };
  /**
   * A fiscal year of the last three that the dataset does not give (`dimension` null), or that
   * gives none of the figures a dimension needs: that year scores D.
   */
  readonly 'pefa-year-missing': { readonly year: string; readonly dimension: PefaDimensionId | null };
  /**
   * Fewer than three fiscal years (`dimension` null: the whole dataset, `count` years), or no
   * year with the figures of a dimension (`count` 0): D* (insufficient information).
   */
  readonly 'pefa-insufficient-years': { readonly dimension: PefaDimensionId | null; readonly count: number };
  /** A year marked `approvedBudget: false`: no original budget to compare with, so the year scores D. */
  readonly 'pefa-no-approved-budget': { readonly year: string };
  /** A zero budget (`zero-budget`) or zero adjusted budgets (`zero-adjusted`): the year's figure does not exist. */
  readonly 'pefa-undefined': {
    readonly year: string;
    readonly dimension: PefaDimensionId;
    readonly reason: 'zero-budget' | 'zero-adjusted';
  };
  /** An amount of a PEFA line that is not a number: the figures of that table and year are not computed. */
  readonly 'pefa-line-unreadable': {
    readonly year: string;
    /** The line's name (`""` when none). */
    readonly line: string;
    readonly column: 'budget' | 'actual';
    /** The cell as given. */
    readonly text: string;
    /** Why it cannot be read, in both languages. */
    readonly detail: Messages;
  };
  /** A budget line whose 1–N月执行率 lags 序时进度 (state red or amber). */
  readonly 'behind-schedule': {
    readonly line: string;
    /** 1–N月执行率, 2 decimals with `%`. */
    readonly periodRate: string;
    /** 序时进度, 2 decimals with `%`. */
    readonly timeProgress: string;
    /** periodRate ÷ timeProgress × 100, 2 decimals (no `%`). */
    readonly pace: string;
    /** timeProgress − periodRate in percentage points, 2 decimals. */
    readonly gap: string;
    readonly state: PaceStateParam;
    /** What the state is judged on: the pace or the gap. */
    readonly basis: 'pace' | 'gap';
  };
  /** A budget line spending ahead of 序时进度 (only when asked: `monitoring.aheadOfSchedule`). */
  readonly 'ahead-of-schedule': {
    readonly line: string;
    readonly periodRate: string;
    readonly timeProgress: string;
    readonly pace: string;
  };
  /** A printed 1–N月执行率 that is not 1–N月执行数 ÷ budget × 100 at its printed precision. */
  readonly 'period-rate-mismatch': {
    readonly line: string;
    readonly published: string;
    readonly recomputed: string;
  };
  /** No 1–N月执行率: the budget is zero. */
  readonly 'period-rate-undefined': {
    readonly line: string;
    /** The amount spent against the zero budget, or null when nothing was spent. */
    readonly spent: string | null;
  };
  /** A printed 序时进度 that is not the time progress of the period at its printed precision. */
  readonly 'time-progress-mismatch': {
    readonly line: string;
    readonly published: string;
    readonly recomputed: string;
    readonly convention: 'months' | 'days';
    /** The other convention's value when the printed figure matches it, else null. */
    readonly other: string | null;
  };
  /** A monitoring table whose time progress cannot be computed (no period, a bad date …). */
  readonly 'time-progress-undefined': { readonly detail: Messages };
  /** 全年预计执行数 below (or above) the budget: the year is not expected to spend its budget. */
  readonly 'expected-execution-gap': {
    readonly line: string;
    readonly expected: string;
    readonly budget: string;
    /** expected ÷ budget × 100, 2 decimals with `%`. */
    readonly rate: string;
    readonly direction: 'below' | 'above';
  };
  /** A printed 完成目标可能性 that the expected full-year value contradicts. */
  readonly 'likelihood-contradiction': {
    readonly row: RowRef;
    /** The likelihood as printed, e.g. 确定能. */
    readonly likelihood: string;
    /** How it reads: certain or impossible. */
    readonly reading: 'certain' | 'impossible';
    /** 全年预计完成值 as printed. */
    readonly expected: string;
    readonly target: string;
    /** What the expected value gives against the target. */
    readonly status: 'met' | 'not-met';
  };
  // Target review (reviewTargets, target-review-rules.md): one code per rule family.
  /** A block of the indicator framework with no level-3 indicator (rules 1–4). */
  readonly 'dimension-missing': {
    /** The block, e.g. `["效益指标"]`, `["产出指标", "质量指标"]`; `["成本指标"]` means under 产出 or as its own 一级. */
    readonly block: readonly string[];
  };
  /** The table is cut off in its source: the rules named were not applied. */
  readonly 'table-truncated': { readonly rules: readonly string[] };
  /** A level-3 row with no name, no target value, or a template placeholder as its value (rule 6). */
  readonly 'target-missing': {
    readonly row: RowRef;
    readonly kind: 'name' | 'value' | 'placeholder';
    /** The target as printed (`""` when none). */
    readonly target: string;
  };
  /** A qualitative target made of degree words only (rule 7). */
  readonly 'target-vague': {
    readonly row: RowRef;
    readonly target: string;
    /** The degree word found (提高, 明显 …). */
    readonly word: string;
    /** `degree`: degree words; `grade`: a grade on a 显著/明显 scale, read two ways. */
    readonly kind: 'degree' | 'grade';
  };
  /** A quantitative target printed without the unit it needs (rule 8). */
  readonly 'unit-missing': {
    readonly row: RowRef;
    readonly target: string;
    /** `count`: a count, amount or duration as a bare number; `rate`: a rate without %; `money`: a unit cost without its money unit. */
    readonly kind: 'count' | 'rate' | 'money';
  };
  /** A cost target that is not a money figure (rule 10). */
  readonly 'cost-not-money': {
    readonly row: RowRef;
    readonly target: string;
    /** `no-number`: words only (warning); `rate`: a rate such as 成本控制率 100% (info); `other`: a figure in a unit that is not money. */
    readonly kind: 'no-number' | 'rate' | 'other';
  };
  /** A cost written as a floor (≥) instead of a ceiling (rule 11). */
  readonly 'cost-not-ceiling': { readonly row: RowRef; readonly target: string };
  /** Cost ceilings above the funds, or above a printed 预算支出标准 (rule 12). */
  readonly 'cost-over-funds':
    | {
        readonly kind: 'single';
        readonly row: RowRef;
        /** The ceiling, with its unit as printed. */
        readonly cost: string;
        /** The funds, with their unit. */
        readonly funds: string;
      }
    | {
        readonly kind: 'products';
        /** The unit-cost rows whose products are summed. */
        readonly rows: readonly RowRef[];
        /** Each product, `28.40元/株 × 17600株 = 499840元`. */
        readonly terms: readonly string[];
        /** Σ unit cost × quantity, in 元. */
        readonly sum: string;
        readonly funds: string;
      }
    | { readonly kind: 'standard'; readonly row: RowRef; readonly cost: string; readonly standard: string };
  /** A time target with no date, or a date outside the period (rule 13). */
  readonly 'deadline-outside-period': {
    readonly row: RowRef;
    readonly target: string;
    readonly kind: 'outside' | 'no-date';
    /** The period it was checked against, `2023-01-01`…`2023-12-31` (null for `no-date`). */
    readonly start: string | null;
    readonly end: string | null;
    /** `period`: the printed 实施期; `year`: the budget year (no period printed). */
    readonly basis: 'period' | 'year';
  };
  /** A rate target beyond its natural bound (rule 14). */
  readonly 'value-out-of-bounds': {
    readonly row: RowRef;
    readonly target: string;
    /** `above-100`: above 100% (error); `at-least-100`: ≥100%, which can only mean =100% (info). */
    readonly kind: 'above-100' | 'at-least-100';
  };
  /** A target weaker than (or contradicting) the standard printed with it (rule 15). */
  readonly 'target-below-standard': {
    readonly row: RowRef;
    readonly target: string;
    readonly standard: string;
    readonly kind: 'weaker' | 'contradicts';
  };
  /** A higher-is-better target below last year's actual (rule 16). */
  readonly 'target-below-last-year': {
    readonly row: RowRef;
    readonly target: string;
    /** Last year's actual (`last-year-actual`, warning) or the previous declaration's target (`previous-target`, info), as printed. */
    readonly reference: string;
    readonly basis: 'last-year-actual' | 'previous-target';
  };
  /** A figure of the goal text that the matching indicator's target contradicts (rule 17). */
  readonly 'goal-indicator-mismatch': {
    readonly row: RowRef;
    /** The figure as the goal prints it, `280人次`. */
    readonly figure: string;
    /** The words before it in the goal, `主体班培训`. */
    readonly context: string;
    readonly target: string;
  };
  /** Funds that do not add up (rule 18). */
  readonly 'funds-mismatch': {
    /**
     * `sum`: total ≠ the sum of its parts; `line`: a sub-line above the total; `lines`: sub-lines
     * that sum above it; `tasks`: the 年度履职目标 task amounts sum above the total (error) or to
     * neither the total nor 项目支出 (info: the tasks listed may not be all).
     */
    readonly kind: 'sum' | 'line' | 'lines' | 'tasks';
    /** The total, with its unit. */
    readonly total: string;
    /** The parts as printed, `财政拨款 5.00`. */
    readonly parts: readonly string[];
    /** Their exact sum, with the total's unit. */
    readonly sum: string;
  };
  /** Template text left in the table (rule 20). */
  readonly 'template-residue': {
    readonly row: RowRef | null;
    readonly kind: 'stars' | 'placeholder' | 'footnote';
    readonly text: string;
  };
  /** An input or process measure used as a target (rule 21). */
  readonly 'process-measure-as-target': { readonly row: RowRef; readonly measure: string };
  /** An indicator under a 二级 it does not belong to (rule 22). */
  readonly 'misfiled-indicator': { readonly row: RowRef; readonly filed: string; readonly belongs: string };
}

/** One message per finding code, rendered from the code's parameters in one language. */
export type Catalog = { readonly [C in keyof FindingParams]: (params: FindingParams[C]) => string };
