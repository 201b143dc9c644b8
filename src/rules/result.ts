/**
 * What validateReport returns: the recomputed figures, the printed cells with their check
 * state, and the findings (types only).
 */
import type { RoundingMode } from '../core/decimal.js';
import type { CommonIndicatorId } from '../figures/common-indicators.js';
import type { EvaluateOptions, Evaluation, IndicatorStatus } from '../figures/evaluation.js';
import type { LikelihoodReading } from '../figures/likelihood.js';
import type { PaceState } from '../figures/pace.js';
import type { ScoringProfile } from '../figures/profiles.js';
import type { ScoreResult } from '../figures/scoring.js';
import type { Finding, Path, Severity } from '../model/findings.js';
import type { BudgetLineFigures } from './budget.js';
import type {
  MonitoringCells,
  MonitoringIndicatorCells,
  MonitoringOptions,
  MonitoringSummary,
} from './monitoring.js';

/** Options of {@link validateReport}. Defaults are the reference conventions. */
export interface ValidateOptions {
  /** Deviation conventions, passed to {@link evaluateIndicator}. */
  readonly evaluate?: EvaluateOptions;
  /**
   * Over-achievement threshold, in percent of the target (default: the scoring profile's,
   * 120 in every shipped profile). One value drives both rules: a higher-is-better target
   * achieved at or above it needs a reason (`reason-missing`, info) and is flagged for review
   * when the row is scored (`over-achievement`). Systems in use flag 120 or 130. `null` turns
   * both off.
   */
  readonly overAchievementThreshold?: string | number | null;
  /** Rounding a printed figure is checked with (default `'half-up'`, 四舍五入). */
  readonly rounding?: RoundingMode;
  /**
   * Compare printed results with the printed inputs taken as exact (default false).
   *
   * By default printed inputs are rounded too (DESIGN §1 "Rounding", docs/conventions.md §1):
   * each printed amount, and each indicator's printed actual, stands for the closed interval
   * of values that round to it at its printed decimals under `rounding` (`2.38` half-up for
   * [2.375, 2.385]). A printed 执行率, sum, 调整预算数, variance, deviation or cross-checked
   * common indicator that the printed inputs as exact do not give, but inputs in those
   * intervals do, is `rounding-difference` (info) with the interval, not an error: a rate of
   * 96.8% beside amounts 2.38 and 2.46 (2.38 ÷ 2.46 = 96.7%; the intervals allow 96.3% to
   * 97.1%). `true` restores the exact comparison: the error codes as before.
   *
   * @example
   * ```ts
   * validateReport(report, { strictInputs: true }); // 96.8% beside 2.38 / 2.46: execution-rate-mismatch
   * ```
   */
  readonly strictInputs?: boolean;
  /**
   * Scoring profile for indicators and budget lines that print a weight (分值); default
   * `SCORING_PROFILES.default`. Rows without a weight are never scored.
   */
  readonly scoring?: ScoringProfile;
  /**
   * Conventions of a monitoring table (`kind: "monitoring"`, docs/monitoring.md): how 序时进度
   * is counted (`convention`: `'months'` by default, or `'days'`), the red/amber/green
   * `thresholds` (default `PACE_THRESHOLDS.provincial`: pace < 60 red, 60–80 amber, ≥ 80 green;
   * or `{ basis: 'gap', red, amber }` in percentage points), and `aheadOfSchedule` (default
   * false) to note lines spending ahead of time.
   *
   * @example
   * ```ts
   * validateReport(report, { monitoring: { convention: 'days', aheadOfSchedule: true } });
   * ```
   */
  readonly monitoring?: MonitoringOptions;
}

/**
 * One printed cell and what the checks say of it: enough for a renderer to show the cell and
 * mark it, without reading the report again.
 */
export interface CellCheck {
  /** The cell's text as printed (a number as `String(n)`); null when the cell is absent or blank. */
  readonly text: string | null;
  /**
   * True when the result holds a recomputed figure for this cell and the cell prints one, so a
   * renderer can mark it consistent: set for 执行率 (`executionRate`), 偏差 (`deviation`) and
   * 得分 (`score`). Cells that rules check without a recomputed figure of their own (amounts in
   * sums, a cross-checked actual, 总分, 等级) are false here: their findings, in `worst`, say
   * what was wrong.
   */
  readonly checked: boolean;
  /** The most serious finding whose path is exactly this cell, or null when there is none. */
  readonly worst: Severity | null;
}

/** The printed cells of a budget line. */
export interface BudgetCells {
  readonly initial: CellCheck;
  readonly adjustment: CellCheck;
  readonly adjusted: CellCheck;
  readonly actual: CellCheck;
  readonly weight: CellCheck;
  /** 执行率 as printed. */
  readonly executionRate: CellCheck;
  /** 得分 as printed. */
  readonly score: CellCheck;
}

/** The printed cells of an indicator row. */
export interface IndicatorCells {
  /** The target as printed; two cells `{ operator, value }` are joined (`≥` + `95` → `≥95`). */
  readonly target: CellCheck;
  readonly actual: CellCheck;
  /** 度量单位, when the table prints it in its own column. */
  readonly unit: CellCheck;
  readonly weight: CellCheck;
  /** 偏差情况 as printed. */
  readonly deviation: CellCheck;
  /** 得分 as printed. */
  readonly score: CellCheck;
  /** 原因分析 as printed. */
  readonly reason: CellCheck;
}

/** Header facts of the report as printed, for renderers. */
export interface ReportHeader {
  readonly kind: string | null;
  readonly title: string | null;
  readonly entity: string | null;
  readonly year: string | null;
  /** `amountUnit` as given, or null (then 万元 is assumed). */
  readonly amountUnit: string | null;
  /** 总分 as printed. */
  readonly totalScore: CellCheck;
  /** 等级 as printed. */
  readonly grade: CellCheck;
}

/** Recomputed figures of one budget line, with its budget-execution score. */
export interface BudgetFigures extends BudgetLineFigures {
  /** The line's printed cells and their check state. */
  readonly cells: BudgetCells;
  /** Budget-execution score as printed (2 decimals), or null without a weight or a rate. */
  readonly score: string | null;
  /** The full budget-execution score (rule, exact, explanation), or null when the line prints no weight. */
  readonly scoreResult: ScoreResult | null;
  /**
   * 序时进度 of the monitoring period (2 decimals, `%`, e.g. `"50.00%"`); null on a report that is
   * not a monitoring table, or when the period gives none.
   */
  readonly timeProgress: string | null;
  /** Exact 序时进度 in percent, or null. */
  readonly timeProgressExact: string | null;
  /** 1–N月执行率 = 1–N月执行数 ÷ budget × 100 (2 decimals, `%`), or null (not monitoring, zero budget). */
  readonly periodRate: string | null;
  /** Exact 1–N月执行率 in percent, or null. */
  readonly periodRateExact: string | null;
  /** Pace (进度比) = periodRate ÷ timeProgress × 100 (2 decimals, no `%`), or null (no time elapsed). */
  readonly pace: string | null;
  /** Exact pace, or null. */
  readonly paceExact: string | null;
  /** timeProgress − periodRate in percentage points, exact, or null. */
  readonly gapExact: string | null;
  /** Red, amber or green under the thresholds (`monitoring.thresholds`), or null when there is no pace. */
  readonly state: PaceState | null;
  /** The printed monitoring cells (1–N月执行数, 全年预计执行数, 1–N月执行率, 序时进度), or null when not monitoring. */
  readonly monitoringCells: MonitoringCells | null;
}

/** Recomputed figures of one indicator. */
export interface IndicatorFigures {
  /** Path of the row in the report JSON, e.g. `["indicators", 26]`. */
  readonly path: Path;
  /** 指标名称 as given; `""` when missing. */
  readonly name: string;
  /** Category path as printed (一级/二级指标), e.g. `["分解目标", "过程"]`; empty when none. */
  readonly category: readonly string[];
  /** The row's printed cells and their check state. */
  readonly cells: IndicatorCells;
  /** Status from {@link evaluateIndicator}: met, not-met, needs-judgement, not-reported or unparsable. */
  readonly status: IndicatorStatus;
  /** Deviation as the options print it (`"-6.26%"`), or null when it does not exist. */
  readonly deviation: string | null;
  /** Exact relative deviation in percent, or null. */
  readonly deviationRelative: string | null;
  /** Exact absolute deviation (actual − target) in the target's unit, or null. */
  readonly deviationAbsolute: string | null;
  /** Unit of `deviationAbsolute` (`"%"` means percentage points). */
  readonly deviationUnit: string | null;
  /** actual ÷ target × 100, exact, or null. */
  readonly achievement: string | null;
  /**
   * Score as printed (2 decimals), or null: no weight, not scorable, or qualitative (whose
   * score is a band: see `scoreResult.band`).
   */
  readonly score: string | null;
  /** The full score result (rule, band, explanation), or null when the row prints no weight. */
  readonly scoreResult: ScoreResult | null;
  /** The full evaluation. */
  readonly evaluation: Evaluation;
  /**
   * Status of 全年预计完成值 against the target by the year-end rules (`not-reported` when none
   * is printed); null on a report that is not a monitoring table.
   */
  readonly expectedStatus: IndicatorStatus | null;
  /** 完成目标可能性 as read (`certain` … `impossible`, `unknown`), or null when none is printed or not monitoring. */
  readonly likelihood: LikelihoodReading | null;
  /** The full evaluation of 全年预计完成值, or null. */
  readonly expectedEvaluation: Evaluation | null;
  /** The printed monitoring cells (1–N月完成值, 全年预计完成值, 完成目标可能性), or null when not monitoring. */
  readonly monitoringCells: MonitoringIndicatorCells | null;
}

/** A common indicator recomputed from the report's own data. */
export interface CrossCheck {
  /** Which common indicator was recomputed. */
  readonly id: CommonIndicatorId;
  /** Path of the indicator row, e.g. `["indicators", 26]`. */
  readonly path: Path;
  /** 指标名称 as printed. */
  readonly name: string;
  /** The indicator's actual as printed. */
  readonly published: string;
  /** The recomputed value with 2 decimals, or null when the data does not allow it. */
  readonly recomputed: string | null;
  /** Exact recomputed value in percent, without `%`; null when the rate does not exist (zero denominator). */
  readonly recomputedExact: string | null;
  /**
   * Whether the printed actual equals the recomputed value at its printed precision, or differs
   * from it only by the rounding of the budget amounts it is computed from (then a
   * `rounding-difference` finding gives the interval; never under `strictInputs`); null when
   * there is no recomputed value.
   */
  readonly consistent: boolean | null;
  /** The formula, in words, in both languages. */
  readonly formula: {
    /** In English, e.g. `actual ÷ adjusted budget × 100% (budget table root)`. */
    readonly en: string;
    /** In Chinese, e.g. `实际支出数 ÷ 调整预算数 × 100%（预算表合计行）`. */
    readonly zh: string;
  };
}

/** Result of {@link validateReport}. */
export interface ValidationResult {
  /**
   * True when the input was rejected whole as not a report (only `invalid-report` findings,
   * nothing recomputed): see `checkReport` in `outturn/schema`.
   */
  readonly rejected: boolean;
  /** The report's header facts as printed; all null for a rejected input. */
  readonly header: ReportHeader;
  /** Every finding: budget rules, then indicator rows, cross-checks and scores. */
  readonly findings: readonly Finding[];
  /** Number of findings per severity. */
  readonly summary: Readonly<Record<Severity, number>>;
  /** Recomputed figures of every budget line, in pre-order, roots in order. */
  readonly budget: readonly BudgetFigures[];
  /**
   * Recomputed figures of each indicator row, in order; a row of the wrong shape is an
   * `invalid-report` finding instead. Rows share what is equal between them, so that a result
   * of a million rows does not hold a copy per row: one frozen category array per category, one
   * frozen cell per printed text, check flag and worst finding (of any column), one frozen
   * reading (`evaluation.actual`) per printed actual. Copy before changing any of them.
   */
  readonly indicators: readonly IndicatorFigures[];
  /** Common indicators (预算执行率, 在职人员控制率 …) recomputed from the report's own data, where it has it. */
  readonly crossChecks: readonly CrossCheck[];
  /**
   * Total score recomputed under the profile (2 decimals), or null when the table prints no
   * weights or some score cannot be computed. Qualitative scores enter with their printed
   * value when it lies in its band.
   */
  readonly totalScore: string | null;
  /** Grade of `totalScore` under the profile, or null. */
  readonly grade: string | null;
  /**
   * The period of a monitoring table (`kind: "monitoring"`), its 序时进度 and the thresholds of
   * the states; null for any other report.
   */
  readonly monitoring: MonitoringSummary | null;
}
