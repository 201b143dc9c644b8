/**
 * outturn: exact figures and checks for public budget performance reports (预算绩效管理).
 *
 * The core entry: no zod, no `node:` imports. The report schema and `parseReport` are in
 * `outturn/schema`.
 *
 * @module outturn
 */
export {
  adjustmentRate,
  type BudgetCheck,
  type BudgetCheckOptions,
  type BudgetLineFigures,
  checkBudget,
  executionRate,
  type RateErrorCode,
  type RateOptions,
  type RateResult,
} from './budget.js';
export {
  COMMON_INDICATOR_NAMES,
  type CommonIndicatorId,
  type CommonRateError,
  type CommonRateResult,
  carryoverRate,
  commonIndicatorOf,
  staffControlRate,
} from './common-indicators.js';
export type { RoundingMode } from './decimal.js';
export {
  atLeast,
  DEFAULT_SEVERITY,
  type Finding,
  type FindingCode,
  formatPath,
  type Lang,
  type Messages,
  type Path,
  SEVERITIES,
  type Severity,
  summarize,
} from './findings.js';
export { compareGrades, declaredOutcome, GRADE_SCALES, type GradeComparison } from './grades.js';
export {
  type Deviation,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationNoteCode,
  evaluateIndicator,
  type IndicatorInput,
  type IndicatorStatus,
} from './indicator.js';
export { matchesPrinted, type PrintedComparison } from './printed.js';
export {
  convertUnit,
  formatQuantity,
  type ParseQuantityResult,
  parseQuantity,
  type Quantity,
} from './quantity.js';
export type {
  AmountUnit,
  BudgetLine,
  Figure,
  Indicator,
  PublishedBudgetFigures,
  PublishedIndicatorFigures,
  Report,
  Staffing,
  TargetCells,
} from './report.js';
export {
  budgetExecutionScore,
  type GradeStep,
  gradeOf,
  type LowerIsBetterStrategy,
  type ParseProfileResult,
  parseScoringProfile,
  SCORING_PROFILES,
  type ScorableIndicator,
  type ScoreBand,
  type ScoreResult,
  type ScoreRule,
  type ScoringProfile,
  scoreIndicator,
} from './scoring.js';
export {
  type Comparator,
  comparatorSymbol,
  isLowerBetter,
  type ParseTargetResult,
  parseTarget,
  type Target,
  type TargetContext,
} from './target.js';
export { nameKey } from './text.js';
export {
  type BudgetFigures,
  type CrossCheck,
  type IndicatorFigures,
  type ValidateOptions,
  type ValidationResult,
  validateReport,
} from './validate.js';
