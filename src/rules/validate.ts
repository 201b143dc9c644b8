/**
 * validateReport: every rule that recomputes a figure the report prints, in one pass over one
 * model: read the rows (budget.ts, rows.ts), run the rules (indicators.ts, cross-checks.ts,
 * scores.ts), then build the result with every printed cell and its check state (cells.ts).
 */
import { dec } from '../core/decimal.js';
import { describeType, parseQuantity, quantityValue } from '../core/quantity.js';
import { amountUnitInfo } from '../figures/budget.js';
import { SCORING_PROFILES } from '../figures/profiles.js';
import { ReportReadings } from '../figures/readings.js';
import { type Finding, summarize } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { AmountUnit, BudgetLine, Report } from '../model/report.js';
import { checkBudgetTrees } from './budget.js';
import {
  bandOf,
  budgetCells,
  findingsOnly,
  headerOf,
  indicatorCells,
  SharedCells,
  worstIndex,
} from './cells.js';
import { crossCheck } from './cross-checks.js';
import { checkTopLevel } from './fields.js';
import { checkIndicatorRow, checkPrintedStatus } from './indicators.js';
import {
  checkMonitoring,
  type MonitoringIndicator,
  monitoringCells,
  monitoringIndicatorCells,
  NO_MONITORING_INDICATOR,
  NO_MONITORING_LINE,
} from './monitoring.js';
import { checkValidateOptions } from './options.js';
import type { IndicatorFigures, ValidateOptions, ValidationResult } from './result.js';
import { afterRowChecks, type IndicatorRow, isRecord, readGroups, readIndicatorRow } from './rows.js';
import { checkScores } from './scores.js';

/**
 * Checks a report figure by figure and recomputes every figure it prints.
 *
 * Budget rules are those of {@link checkBudget}. Indicator rules:
 * - status and deviation of each row by {@link evaluateIndicator};
 * - `deviation-mismatch` (error): the printed 偏差 is not the recomputed one at its printed
 *   precision, half-up; a printed value with `%` is read as relative, a bare number as
 *   absolute (in the indicator's unit);
 * - `deviation-undefined` (warning): a relative deviation printed for a zero target with a
 *   non-zero actual; the absolute deviation is given instead;
 * - `target-not-met` (info); `needs-judgement` (info); `implicit-operator` (info);
 * - `reason-missing`: no 原因分析 for an unmet target (warning), or for a higher-is-better target
 *   achieved at or above `overAchievementThreshold` % (info);
 * - `unit-mismatch` (warning): units of different kinds in one row;
 * - `unparsable-target` / `unparsable-value` (warning) with the text;
 * - `cross-check-mismatch` (error): 预算执行率 and 预算调整率 against the only root of the budget
 *   table, 在职人员控制率 against `staffing`, 结转结余率 against the root's `carryover`,
 *   compared at the printed precision;
 * - `rounding-difference` (info): a printed deviation or cross-checked rate (and the budget
 *   figures of {@link checkBudget}) that the printed inputs taken as exact do not give, but
 *   inputs that round to them do: each printed amount and each printed actual stands for the
 *   closed interval of values that round to it at its printed decimals (the target is exact);
 *   `strictInputs: true` compares with the printed inputs as exact.
 *   compared at the printed precision; `over-establishment` / `staffing-invalid` (warning)
 *   from `staffing` whenever it gives both 编制 and 在职;
 * - `status-mismatch` (error): a printed status (`published.status`: 达成, 未完成, Achieved …)
 *   that contradicts the recomputed status; unknown words are `needs-judgement` (info).
 *
 * Monitoring tables (`kind: "monitoring"`, 绩效运行监控表; docs/monitoring.md), under
 * `options.monitoring`: 序时进度 of `period` (months elapsed ÷ 12 by default, or days); per budget
 * line with a 1–N月执行数 the 1–N月执行率, the pace (rate ÷ time progress × 100) and its
 * red/amber/green state (`behind-schedule`, warning, for red and amber; `ahead-of-schedule`, info,
 * when asked); printed 1–N月执行率 and 序时进度 checked at their precision
 * (`period-rate-mismatch`, `time-progress-mismatch`, `rounding-difference`); `period-rate-undefined`,
 * `time-progress-undefined`, `expected-execution-gap`; per indicator the 全年预计完成值 against the
 * target by the year-end rules and `likelihood-contradiction` (warning) when the printed
 * 完成目标可能性 contradicts it. The result's monitoring figures are null on other reports.
 *
 * Top level: `unknown-field` (warning) for a key that looks like a misspelling of a known one
 * (`Budget`, `indicator`), and `empty-report` (warning) when nothing can be checked: never an
 * empty list of findings for a report that says nothing.
 *
 * Bad data never throws: a value of the wrong type is an `invalid-report` finding with its
 * path. The input is not mutated. Use `parseReport` from `outturn/schema` first for untrusted
 * JSON: it reports every structural problem at once.
 *
 * @throws TypeError only when `options` is not an object.
 * @example
 * ```ts
 * const result = validateReport(report); // the reference report as JSON
 * result.summary;        // { error: 3, warning: 5, info: 4 }
 * result.budget[0].executionRate; // '134.17%'
 * result.findings.find((f) => f.code === 'cross-check-mismatch')?.recomputed; // '134.17%'
 * ```
 */
export function validateReport(report: Report, options: ValidateOptions = {}): ValidationResult {
  checkValidateOptions(options);
  const findings: Finding[] = [];
  if (!isRecord(report)) {
    findings.push(
      makeFinding('invalid-report', [], {
        detail: {
          en: `a report must be a JSON object, not ${describeType(report)}`,
          zh: '报告应为 JSON 对象',
        },
      }),
    );
    return findingsOnly(findings);
  }
  const mode = options.rounding ?? 'half-up';
  const profile = options.scoring ?? SCORING_PROFILES.default;
  const threshold = overThreshold(
    options.overAchievementThreshold === undefined
      ? profile.overAchievementThreshold
      : options.overAchievementThreshold,
  );
  // Any unit as printed: the known ones convert, the others compare like with like (DESIGN §3).
  const amountUnit: AmountUnit =
    typeof report.amountUnit === 'string' && report.amountUnit.trim() !== '' ? report.amountUnit : '万元';
  // The report's year dates the deadlines and dates that print none (9月前, 10月完成).
  const evaluate =
    typeof report.year === 'number' &&
    Number.isInteger(report.year) &&
    report.year >= 1000 &&
    report.year <= 9999
      ? { year: report.year, ...(options.evaluate ?? {}) }
      : (options.evaluate ?? {});

  let roots: readonly BudgetLine[] = [];
  if (Array.isArray(report.budget)) roots = report.budget;
  else if (report.budget !== undefined) {
    findings.push(
      makeFinding('invalid-report', ['budget'], {
        detail: { en: '"budget" must be a list of budget lines', zh: '“budget”应为预算行列表' },
      }),
    );
  }
  const strict = options.strictInputs === true;
  const budget = checkBudgetTrees(roots, { amountUnit, rounding: mode, strictInputs: strict });
  findings.push(...budget.findings);

  let raw: readonly unknown[] = [];
  if (Array.isArray(report.indicators)) raw = report.indicators;
  else if (report.indicators !== undefined) {
    findings.push(
      makeFinding('invalid-report', ['indicators'], {
        detail: { en: '"indicators" must be a list of indicator rows', zh: '“indicators”应为指标行列表' },
      }),
    );
  }
  const rows: IndicatorRow[] = [];
  // Each distinct target and actual text is read once per call (reports repeat a few thousand
  // targets, and many of their actuals).
  const targets = new ReportReadings();
  // Rows of one category share one frozen copy of its path (a report has a few dozen of them).
  const categories = new Map<string, readonly string[]>();
  raw.forEach((source, i) => {
    const row = readIndicatorRow(source, ['indicators', i], evaluate, findings, targets, categories);
    if (row === null) return;
    checkIndicatorRow(row, threshold, mode, findings, strict);
    checkPrintedStatus(row, findings);
    rows.push(afterRowChecks(row, threshold));
  });

  const crossChecks = crossCheck(report, roots, rows, amountUnit, mode, findings, strict);
  const groups = readGroups(report.groups, findings);
  const scored = checkScores({
    report,
    budget: budget.rows,
    indicators: rows,
    groups,
    profile,
    threshold,
    evaluate,
    rounding: mode,
    strict,
    findings,
  });
  // A monitoring table (绩效运行监控表): 序时进度, pace and likelihood (docs/monitoring.md).
  const monitoring =
    report.kind === 'monitoring'
      ? checkMonitoring(
          {
            report,
            unit: amountUnitInfo(amountUnit),
            rounding: mode,
            strict,
            evaluate,
            options: options.monitoring ?? {},
          },
          budget.rows.map((r) => ({ source: r.source, path: r.figures.path, name: r.figures.name })),
          rows,
          findings,
        )
      : null;
  checkTopLevel(report, findings);

  const index = worstIndex(findings);
  // The indicator rows' printed cells, one frozen object per text, flag and finding.
  const cells = new SharedCells();
  return {
    rejected: false,
    header: headerOf(report, index),
    findings,
    summary: summarize(findings),
    budget: budget.rows.map(({ source, figures }, i) => {
      const r = scored.budget[i] ?? null;
      const score = r?.ok ? r.printed : null;
      const cells = budgetCells(source, figures.path, index, figures.executionRate, score);
      const m = monitoring?.lines[i] ?? NO_MONITORING_LINE;
      return {
        ...figures,
        cells,
        score,
        scoreResult: r,
        ...m,
        monitoringCells: monitoring === null ? null : monitoringCells(source, figures.path, index, m),
      };
    }),
    indicators: rows.map((row, i) => {
      const r = scored.indicators[i] ?? null;
      const score = r?.ok ? r.printed : null;
      return figuresOf(
        row,
        indicatorCells(
          row.source,
          row.path,
          index,
          row.evaluation.deviation?.printed ?? null,
          score ?? bandOf(r),
          cells,
        ),
        score,
        r,
        monitoring?.indicators[i] ?? NO_MONITORING_INDICATOR,
        monitoring === null
          ? null
          : monitoringIndicatorCells(row, index, monitoring.indicators[i] ?? NO_MONITORING_INDICATOR),
      );
    }),
    crossChecks,
    totalScore: scored.totalScore,
    grade: scored.grade,
    monitoring: monitoring?.summary ?? null,
  };
}

function figuresOf(
  row: IndicatorRow,
  cells: IndicatorFigures['cells'],
  score: string | null,
  scoreResult: IndicatorFigures['scoreResult'],
  monitoring: MonitoringIndicator,
  monitoringCells: IndicatorFigures['monitoringCells'],
): IndicatorFigures {
  const ev = row.evaluation;
  const d = ev.deviation;
  return {
    path: row.path,
    name: row.name,
    category: row.category,
    cells,
    status: ev.status,
    deviation: d?.printed ?? null,
    deviationRelative: d?.relative ?? null,
    deviationAbsolute: d?.absolute ?? null,
    deviationUnit: d?.unit ?? null,
    achievement: ev.achievement,
    score,
    scoreResult,
    evaluation: ev,
    ...monitoring,
    monitoringCells,
  };
}

/** The over-achievement threshold in percent, or null when the check is off. */
function overThreshold(v: string | number | null | undefined) {
  if (v === null) return null;
  if (v === undefined) return dec(120);
  const q = parseQuantity(v);
  if (!q.ok || q.quantity === null) {
    throw new TypeError(`overAchievementThreshold must be a number of percent, got ${String(v)}`);
  }
  return quantityValue(q.quantity);
}
