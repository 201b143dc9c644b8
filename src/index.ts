/**
 * outturn: exact figures and checks for public budget performance reports (预算绩效管理).
 *
 * The core entry: no zod, no `node:` imports. The report schema and `parseReport` are in
 * `outturn/schema`.
 *
 * @module outturn
 */

export type { RoundingMode } from './core/decimal.js';
export { matchesPrinted, type PrintedComparison, type SumResult, sumFigures } from './core/printed.js';
export {
  convertUnit,
  formatQuantity,
  type ParseQuantityResult,
  parseQuantity,
  type Quantity,
} from './core/quantity.js';
export { nameKey, normalizeWidth, toSimplified } from './core/text.js';
export {
  adjustmentRate,
  executionRate,
  type RateErrorCode,
  type RateOptions,
  type RateResult,
} from './figures/budget.js';
export {
  COMMON_INDICATOR_NAMES,
  type CommonIndicatorId,
  type CommonRateError,
  type CommonRateResult,
  carryoverRate,
  commonIndicatorOf,
  staffControlRate,
} from './figures/common-indicators.js';
export { compareFigures, isBelow } from './figures/compare.js';
export type { Deadline } from './figures/deadline.js';
export { type IndicatorDirection, indicatorDirection, isLowerBetter } from './figures/direction.js';
export type {
  Deviation,
  EvaluateOptions,
  Evaluation,
  EvaluationNoteCode,
  IndicatorInput,
  IndicatorStatus,
} from './figures/evaluation.js';
export {
  compareGrades,
  DIRECTION_SCALES,
  declaredOutcome,
  GRADE_SCALES,
  type GradeComparison,
  OPPOSITE_STATEMENTS,
} from './figures/grades.js';
export { evaluateIndicator } from './figures/indicator.js';
export { LIKELIHOOD_WORDS, type LikelihoodReading, readLikelihood } from './figures/likelihood.js';
// In-year monitoring (绩效运行监控表): docs/monitoring.md.
export {
  type ExecutionPaceErrorCode,
  type ExecutionPaceOptions,
  type ExecutionPaceResult,
  executionPace,
  PACE_THRESHOLDS,
  type PaceState,
  type PaceThresholds,
} from './figures/pace.js';
// PEFA 2016 Pillar I, budget reliability (issue 14 §2)
export {
  aggregateOutturn,
  type CompositionOptions,
  type CompositionResult,
  compositionVariance,
  type PefaAnnexAmounts,
  type PefaAnnexLine,
  type PefaAnnexTotals,
  type PefaCompositionLine,
  type PefaFigureError,
  type PefaFigureOptions,
  type PefaRatioResult,
} from './figures/pefa.js';
export {
  PEFA_AGGREGATE_EXPENDITURE_BANDS,
  PEFA_AGGREGATE_REVENUE_BANDS,
  PEFA_COMPOSITION_BANDS,
  PEFA_CONTINGENCY_BANDS,
  PEFA_M2_TWO_DIMENSIONS,
  type PefaBand,
  type PefaBandEnds,
  type PefaGrade,
  type PefaGradeOptions,
  type PefaGradeResult,
  type PefaScore,
  type PefaYearGrade,
  pefaGradeOf,
  pefaYearGrade,
  scoreM1,
  scoreM2,
} from './figures/pefa-grades.js';
export {
  type GradeStep,
  type LowerIsBetterStrategy,
  type ParseProfileResult,
  PROFILE_NAMES,
  type ProfileName,
  parseScoringProfile,
  profileNamed,
  SCORING_PROFILES,
  type ScoringProfile,
} from './figures/profiles.js';
export {
  budgetExecutionScore,
  gradeOf,
  type ScorableIndicator,
  type ScoreBand,
  type ScoreResult,
  type ScoreRule,
  scoreIndicator,
} from './figures/scoring.js';
export {
  type Comparator,
  comparatorSymbol,
  type ParseTargetResult,
  parseTarget,
  type Target,
  type TargetContext,
} from './figures/target.js';
export {
  TIME_PROGRESS_CONVENTIONS,
  type TimeProgressConvention,
  type TimeProgressErrorCode,
  type TimeProgressOptions,
  type TimeProgressResult,
  timeProgress,
} from './figures/time-progress.js';
// Target review (绩效目标审核, issue 17).
export type {
  Declaration,
  DeclarationFunds,
  DeclarationFundsLine,
  DeclarationIndicator,
  DeclarationPeriod,
  DeclarationProject,
} from './model/declaration.js';
export {
  atLeast,
  DEFAULT_SEVERITY,
  type Finding,
  type FindingCode,
  type FindingOf,
  formatPath,
  type Lang,
  type Messages,
  type Path,
  SEVERITIES,
  type Severity,
  summarize,
} from './model/findings.js';
export { CATALOGS, formatFinding } from './model/messages/index.js';
export type {
  BudgetColumn,
  Catalog,
  CrossCheckId,
  FindingParams,
  PaceStateParam,
  PefaDimensionId,
  RoundedFigure,
  RowRef,
  ScoreSubject,
} from './model/messages/params.js';
export type { PefaAmounts, PefaDataset, PefaExpenditure, PefaLine, PefaYear } from './model/pefa.js';
export type { MonitoringPeriod } from './model/report.js';
export {
  AMOUNT_UNITS,
  type AmountUnit,
  type BudgetLine,
  type Figure,
  type GoalBlock,
  type Indicator,
  type IndicatorGroup,
  type PublishedBudgetFigures,
  type PublishedIndicatorFigures,
  type Report,
  type Staffing,
  type TargetCells,
} from './model/report.js';
export {
  type BudgetCheck,
  type BudgetCheckOptions,
  type BudgetLineFigures,
  checkBudget,
} from './rules/budget.js';
export type {
  MonitoringCells,
  MonitoringIndicatorCells,
  MonitoringOptions,
  MonitoringSummary,
} from './rules/monitoring.js';
export {
  assessPefa,
  type PefaAssessment,
  type PefaContingencyDimension,
  type PefaContingencyYear,
  type PefaOptions,
  type PefaOutturnDimension,
  type PefaOutturnYear,
  type PefaReason,
  type PefaScalingBase,
  type PefaVarianceDimension,
  type PefaVarianceTotals,
  type PefaVarianceYear,
} from './rules/pefa.js';
export type {
  BudgetCells,
  BudgetFigures,
  CellCheck,
  CrossCheck,
  IndicatorCells,
  IndicatorFigures,
  ReportHeader,
  ValidateOptions,
  ValidationResult,
} from './rules/result.js';
export {
  type CostProducts,
  type GoalFigure,
  type IndicatorKind,
  REVIEW_RULES,
  type ReviewedIndicator,
  type ReviewFinding,
  type ReviewOptions,
  type ReviewResult,
  type ReviewRule,
  type ReviewRuleId,
  type ReviewRuleState,
  type ReviewSkipReason,
  type RuleSetting,
  reviewTargets,
} from './rules/review.js';
export { validateReport } from './rules/validate.js';
export { isWellFormedReport } from './schema/shape.js';
