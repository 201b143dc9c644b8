/**
 * The rules of a mid-year monitoring table (绩效运行监控表, `kind: "monitoring"`, DESIGN §1
 * "In-year monitoring", docs/monitoring.md): 序时进度, 1–N月执行率 and its pace against the year
 * on every budget line, and the expected full-year value and printed likelihood of every
 * indicator. Run by validateReport beside the year-end rules.
 *
 * Over 400 lines because it is one thing: the rules of one monitoring table (time progress,
 * period rates, pace and state, expected values, likelihood) over the rows validateReport read,
 * with the figures and cells they give the result.
 */
import { assertBoolean, assertOneOf, assertOptions } from '../core/arguments.js';
import { type Dec, dec, HUNDRED, type RoundingMode, toExact, toFixed } from '../core/decimal.js';
import { compareRounded, divide, type Interval, scale } from '../core/intervals.js';
import { comparePrinted } from '../core/printed.js';
import { parseQuantity, type Quantity, showValue } from '../core/quantity.js';
import type { UnitInfo } from '../core/units.js';
import { readAmount } from '../figures/budget.js';
import type { EvaluateOptions, Evaluation, IndicatorStatus } from '../figures/evaluation.js';
import { evaluateIndicator } from '../figures/indicator.js';
import { type LikelihoodReading, readLikelihood } from '../figures/likelihood.js';
import {
  assertThresholds,
  PACE_THRESHOLDS,
  type PaceState,
  type PaceThresholds,
  paceOf,
  paceState,
} from '../figures/pace.js';
import {
  TIME_PROGRESS_CONVENTIONS,
  type TimeProgressConvention,
  type TimeProgressResult,
  timeProgress,
} from '../figures/time-progress.js';
import type { Finding, Path, Severity } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { BudgetLine, Figure, MonitoringPeriod, Report } from '../model/report.js';
import type { CellCheck } from './result.js';
import { amountInterval, roundingFinding } from './rounding.js';
import { type IndicatorRow, isRecord, text } from './rows.js';

/** Options of the monitoring rules (`validateReport(report, { monitoring })`). */
export interface MonitoringOptions {
  /** How 序时进度 is counted: `'months'` (default, months elapsed ÷ 12) or `'days'`. */
  readonly convention?: TimeProgressConvention;
  /** Thresholds of the red/amber/green state (default {@link PACE_THRESHOLDS}.provincial). */
  readonly thresholds?: PaceThresholds;
  /** Raise `ahead-of-schedule` (info) for lines spending ahead of time (default false). */
  readonly aheadOfSchedule?: boolean;
}

/** The monitoring figures of one budget line (null fields on a report that is not a monitoring table). */
export interface MonitoringLine {
  /** 序时进度 as printed (2 decimals, `%`), or null. */
  readonly timeProgress: string | null;
  readonly timeProgressExact: string | null;
  /** 1–N月执行率 = periodActual ÷ budget × 100 (2 decimals, `%`), or null. */
  readonly periodRate: string | null;
  readonly periodRateExact: string | null;
  /** periodRate ÷ timeProgress × 100 (2 decimals, no `%`), or null. */
  readonly pace: string | null;
  readonly paceExact: string | null;
  /** timeProgress − periodRate in percentage points, exact, or null. */
  readonly gapExact: string | null;
  /** Red/amber/green under the thresholds, or null when there is no pace. */
  readonly state: PaceState | null;
}

/** The printed monitoring cells of a budget line. */
export interface MonitoringCells {
  /** 1–N月执行数. */
  readonly periodActual: CellCheck;
  /** 全年预计执行数. */
  readonly expectedActual: CellCheck;
  /** 1–N月执行率 as printed. */
  readonly periodRate: CellCheck;
  /** 序时进度 as printed. */
  readonly timeProgress: CellCheck;
}

/** The monitoring figures of one indicator. */
export interface MonitoringIndicator {
  /** Status of the expected full-year value (全年预计完成值) against the target, or null. */
  readonly expectedStatus: IndicatorStatus | null;
  /** The printed 完成目标可能性 as read, or null when none is printed. */
  readonly likelihood: LikelihoodReading | null;
  /** The full evaluation of the expected value, or null. */
  readonly expectedEvaluation: Evaluation | null;
}

/** The printed monitoring cells of an indicator row. */
export interface MonitoringIndicatorCells {
  /** 1–N月完成值 / 半年度指标执行情况. */
  readonly periodActual: CellCheck;
  /** 全年预计完成值. */
  readonly expectedActual: CellCheck;
  /** 完成目标可能性. */
  readonly likelihood: CellCheck;
}

/** The monitoring period of a table as the result reports it. */
export interface MonitoringSummary {
  /** Months elapsed as given (`period.months`), or null when the period is a date or invalid. */
  readonly months: number | null;
  /** The last day as given (`period.through`), or null. */
  readonly through: string | null;
  /** How 序时进度 was counted. */
  readonly convention: TimeProgressConvention;
  /** 序时进度 (2 decimals, `%`), or null when the period gives none. */
  readonly timeProgress: string | null;
  /** Exact 序时进度 in percent, or null. */
  readonly timeProgressExact: string | null;
  /** The thresholds the states were judged by. */
  readonly thresholds: PaceThresholds;
}

/** The empty monitoring figures of a line of a report that is not a monitoring table. */
export const NO_MONITORING_LINE: MonitoringLine = {
  timeProgress: null,
  timeProgressExact: null,
  periodRate: null,
  periodRateExact: null,
  pace: null,
  paceExact: null,
  gapExact: null,
  state: null,
};

/** The empty monitoring figures of an indicator of a report that is not a monitoring table. */
export const NO_MONITORING_INDICATOR: MonitoringIndicator = {
  expectedStatus: null,
  likelihood: null,
  expectedEvaluation: null,
};

/**
 * Checks `options.monitoring` of validateReport (a programmer error throws).
 *
 * @internal
 */
export function checkMonitoringOptions(fn: string, value: unknown): void {
  assertOptions(fn, 'options.monitoring', value);
  if (value === undefined) return;
  if (value.convention !== undefined)
    assertOneOf(fn, 'options.monitoring.convention', value.convention, TIME_PROGRESS_CONVENTIONS);
  if (value.thresholds !== undefined) assertThresholds(fn, 'options.monitoring.thresholds', value.thresholds);
  if (value.aheadOfSchedule !== undefined)
    assertBoolean(fn, 'options.monitoring.aheadOfSchedule', value.aheadOfSchedule);
}

/** What the monitoring rules read of the report and the options (internal). */
export interface MonitoringContext {
  readonly report: Report;
  readonly unit: UnitInfo;
  readonly rounding: RoundingMode;
  readonly strict: boolean;
  readonly evaluate: EvaluateOptions;
  readonly options: MonitoringOptions;
}

/** A validated year (1000–9999) of the report, or undefined. */
function yearOf(report: Report): number | undefined {
  const y = report.year;
  return typeof y === 'number' && Number.isInteger(y) && y >= 1000 && y <= 9999 ? y : undefined;
}

/** The time progress of the report under a convention, or the reason there is none. */
function progressOf(report: Report, convention: TimeProgressConvention): TimeProgressResult {
  const period: unknown = report.period;
  if (!isRecord(period)) {
    return {
      ok: false,
      code: 'invalid-period',
      message:
        period === undefined
          ? {
              en: 'the table gives no "period" ({ "months": 6 } or { "through": "2019-06-30" })',
              zh: '未给出报告期“period”（如 { "months": 6 } 或 { "through": "2019-06-30" }）',
            }
          : { en: '"period" must be an object', zh: '“period”应为对象' },
    };
  }
  const start = report.fiscalYearStart;
  if (start !== undefined && typeof start !== 'string') {
    return {
      ok: false,
      code: 'invalid-fiscal-year-start',
      message: {
        en: '"fiscalYearStart" must be a string "MM-DD"',
        zh: '“fiscalYearStart”应为“MM-DD”形式的字符串',
      },
    };
  }
  const year = yearOf(report);
  return timeProgress(period as MonitoringPeriod, {
    convention,
    ...(start === undefined ? {} : { fiscalYearStart: start }),
    ...(year === undefined ? {} : { year }),
  });
}

interface Amount {
  readonly value: Dec;
  readonly quantity: Quantity;
  readonly interval: Interval | null;
}

/**
 * Runs the monitoring rules over the budget lines and the indicator rows of a monitoring table;
 * returns each line's and each row's monitoring figures (internal; see docs/monitoring.md):
 *
 * - `time-progress-undefined` (warning) at `["period"]` when the period is missing or cannot give
 *   a time progress (months outside 0–12, a date outside the fiscal year …);
 * - per budget line with a 1–N月执行数: periodRate = periodActual ÷ budget × 100 (the budget is
 *   调整预算数, else 年初预算数 + 追加追减, else 年初预算数, as for 执行率); pace = periodRate ÷
 *   timeProgress × 100; the state under the thresholds; `behind-schedule` (warning) when red or
 *   amber, `ahead-of-schedule` (info) when asked and periodRate > timeProgress;
 *   `period-rate-undefined` on a zero budget;
 * - a printed 1–N月执行率 checked at its printed precision with the rounding intervals of the
 *   printed amounts (`period-rate-mismatch`, or `rounding-difference` when only the rounding of
 *   the amounts explains it); a printed 序时进度 against the period's (`time-progress-mismatch`;
 *   the other convention's value is named when the printed figure is that one);
 * - `expected-execution-gap` (info) when 全年预计执行数 is not the budget;
 * - per indicator: the expected full-year value evaluated against the target exactly as a
 *   year-end actual ({@link evaluateIndicator}); `likelihood-contradiction` (warning) when a
 *   printed 确定能 sits beside an expected value that misses the target, or 完全不可能 beside
 *   one that meets it; an unknown likelihood word is `needs-judgement` (info).
 *
 * @internal
 */
export function checkMonitoring(
  ctx: MonitoringContext,
  lines: readonly { readonly source: BudgetLine; readonly path: Path; readonly name: string }[],
  rows: readonly IndicatorRow[],
  findings: Finding[],
): {
  readonly summary: MonitoringSummary;
  readonly lines: readonly MonitoringLine[];
  readonly indicators: readonly MonitoringIndicator[];
} {
  const convention = ctx.options.convention ?? 'months';
  const thresholds = ctx.options.thresholds ?? PACE_THRESHOLDS.provincial;
  const progress = progressOf(ctx.report, convention);
  if (!progress.ok) {
    findings.push(makeFinding('time-progress-undefined', ['period'], { detail: progress.message }));
  }
  const tp = progress.ok ? dec(progress.exact) : null;
  const other = convention === 'months' ? progressOf(ctx.report, 'days') : progressOf(ctx.report, 'months');

  const out = lines.map(({ source, path, name }) =>
    checkLine(ctx, source, path, name, progress, tp, other, thresholds, findings),
  );
  const indicators = rows.map((row) => checkIndicator(ctx, row, findings));
  const period: unknown = ctx.report.period;
  const months = isRecord(period) ? period.months : undefined;
  const through = isRecord(period) ? period.through : undefined;
  const summary: MonitoringSummary = {
    months:
      typeof months === 'number' && Number.isInteger(months) && months >= 0 && months <= 12
        ? months
        : typeof months === 'string' && /^\s*\d{1,2}\s*$/.test(months) && Number(months) <= 12
          ? Number(months)
          : null,
    through: typeof through === 'string' ? through : null,
    convention,
    timeProgress: progress.ok ? progress.value : null,
    timeProgressExact: progress.ok ? progress.exact : null,
    thresholds,
  };
  return { summary, lines: out, indicators };
}

function readLineAmount(
  ctx: MonitoringContext,
  raw: unknown,
  path: Path,
  findings: Finding[],
): Amount | null | undefined {
  if (raw === undefined || raw === null) return undefined;
  const r = readAmount(raw as Figure, ctx.unit);
  if (!r.ok) {
    findings.push(
      makeFinding(
        'unparsable-value',
        path,
        { kind: 'cell', detail: r.message },
        { published: showValue(raw) },
      ),
    );
    return null;
  }
  if (r.value === null || r.quantity === null) return undefined;
  return {
    value: r.value,
    quantity: r.quantity,
    interval: ctx.strict ? null : amountInterval(r.quantity, ctx.unit, ctx.rounding, false),
  };
}

/** The budget of a line as the year-end rate takes it: adjusted, else initial + adjustment, else initial. */
function lineBudget(ctx: MonitoringContext, line: BudgetLine): Amount | null {
  const quiet: Finding[] = []; // unreadable cells are reported by the budget rules already
  const adjusted = readLineAmount(ctx, line.adjusted, [], quiet);
  if (adjusted) return adjusted;
  const initial = readLineAmount(ctx, line.initial, [], quiet);
  if (!initial) return null;
  const adjustment = readLineAmount(ctx, line.adjustment, [], quiet);
  if (!adjustment) return initial;
  const interval =
    initial.interval && adjustment.interval
      ? {
          lo: initial.interval.lo.plus(adjustment.interval.lo),
          hi: initial.interval.hi.plus(adjustment.interval.hi),
        }
      : null;
  return { value: initial.value.plus(adjustment.value), quantity: initial.quantity, interval };
}

function checkLine(
  ctx: MonitoringContext,
  line: BudgetLine,
  path: Path,
  name: string,
  progress: TimeProgressResult,
  tp: Dec | null,
  other: TimeProgressResult,
  thresholds: PaceThresholds,
  findings: Finding[],
): MonitoringLine {
  const published = isRecord(line.published) ? line.published : {};
  const budget = lineBudget(ctx, line);
  const period = readLineAmount(ctx, line.periodActual, [...path, 'periodActual'], findings);
  const expected = readLineAmount(ctx, line.expectedActual, [...path, 'expectedActual'], findings);

  // 序时进度 printed on the line.
  const printedTp = published.timeProgress;
  if (printedTp !== undefined && printedTp !== null && progress.ok) {
    checkPrintedProgress(
      printedTp,
      progress,
      other,
      [...path, 'published', 'timeProgress'],
      name,
      ctx,
      findings,
    );
  }

  let periodRate: Dec | null = null;
  if (budget && period) {
    if (budget.value.isZero()) {
      const spent = !period.value.isZero();
      findings.push(
        makeFinding(
          'period-rate-undefined',
          [...path, 'periodActual'],
          { line: name, spent: spent ? toExact(period.value) : null },
          { severity: spent ? 'warning' : 'info' },
        ),
      );
    } else {
      periodRate = period.value.times(HUNDRED).dividedBy(budget.value);
      const printedRate = published.periodRate;
      if (printedRate !== undefined && printedRate !== null) {
        const inputs = period.interval && budget.interval ? divide(period.interval, budget.interval) : null;
        checkPrintedRate(
          printedRate,
          periodRate,
          inputs === null ? null : scale(inputs, HUNDRED),
          [...path, 'published', 'periodRate'],
          name,
          ctx.rounding,
          findings,
        );
      }
    }
  }

  if (budget && expected && !budget.value.isZero() && !expected.value.eq(budget.value)) {
    const rate = expected.value.times(HUNDRED).dividedBy(budget.value);
    findings.push(
      makeFinding(
        'expected-execution-gap',
        [...path, 'expectedActual'],
        {
          line: name,
          expected: expected.quantity.text,
          budget: toExact(budget.value),
          rate: `${toFixed(rate, 2)}%`,
          direction: expected.value.lt(budget.value) ? 'below' : 'above',
        },
        { published: expected.quantity.text, recomputed: `${toFixed(rate, 2)}%` },
      ),
    );
  }

  let pace: Dec | null = null;
  let gap: Dec | null = null;
  let state: PaceState | null = null;
  if (periodRate !== null && tp !== null) {
    pace = paceOf(periodRate, tp);
    gap = tp.minus(periodRate);
    if (pace !== null) {
      state = paceState(pace, gap, thresholds);
      const params = {
        line: name,
        periodRate: `${toFixed(periodRate, 2)}%`,
        timeProgress: `${toFixed(tp, 2)}%`,
        pace: toFixed(pace, 2),
      };
      if (state !== 'green') {
        findings.push(
          makeFinding(
            'behind-schedule',
            [...path, 'periodActual'],
            { ...params, gap: toFixed(gap, 2), state, basis: thresholds.basis },
            { recomputed: params.periodRate },
          ),
        );
      } else if (ctx.options.aheadOfSchedule === true && periodRate.gt(tp)) {
        findings.push(
          makeFinding('ahead-of-schedule', [...path, 'periodActual'], params, {
            recomputed: params.periodRate,
          }),
        );
      }
    }
  }

  return {
    timeProgress: progress.ok ? progress.value : null,
    timeProgressExact: progress.ok ? progress.exact : null,
    periodRate: periodRate === null ? null : `${toFixed(periodRate, 2, ctx.rounding)}%`,
    periodRateExact: periodRate === null ? null : toExact(periodRate),
    pace: pace === null ? null : toFixed(pace, 2, ctx.rounding),
    paceExact: pace === null ? null : toExact(pace),
    gapExact: gap === null ? null : toExact(gap),
    state,
  };
}

/** A printed percentage as a quantity in percent, or null (with an unparsable-value finding). */
function readPercent(raw: unknown, where: Path, findings: Finding[]): Quantity | null {
  if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
    findings.push(
      makeFinding(
        'unparsable-value',
        where,
        { kind: 'not-a-percentage', text: showValue(raw) },
        { published: showValue(raw) },
      ),
    );
    return null;
  }
  const p = parseQuantity(raw);
  if (!p.ok || (p.quantity !== null && p.quantity.unit !== null && p.quantity.unit !== '%')) {
    findings.push(
      makeFinding(
        'unparsable-value',
        where,
        p.ok ? { kind: 'not-a-percentage', text: showValue(raw) } : { kind: 'cell', detail: p.message },
        { published: showValue(raw) },
      ),
    );
    return null;
  }
  return p.quantity;
}

function checkPrintedRate(
  raw: unknown,
  exact: Dec,
  inputs: Interval | null,
  where: Path,
  name: string,
  mode: RoundingMode,
  findings: Finding[],
): void {
  const q = readPercent(raw, where, findings);
  if (q === null) return;
  const cmp = compareRounded(exact, inputs, q, mode);
  if (cmp.consistent) return;
  if (cmp.byRounding) {
    findings.push(roundingFinding('period-rate', name, where, q.text, cmp, '%'));
    return;
  }
  const recomputed = `${cmp.expected}%`;
  findings.push(
    makeFinding(
      'period-rate-mismatch',
      where,
      { line: name, published: q.text, recomputed },
      { published: q.text, recomputed },
    ),
  );
}

function checkPrintedProgress(
  raw: unknown,
  progress: Extract<TimeProgressResult, { ok: true }>,
  other: TimeProgressResult,
  where: Path,
  name: string,
  ctx: MonitoringContext,
  findings: Finding[],
): void {
  const q = readPercent(raw, where, findings);
  if (q === null) return;
  const cmp = comparePrinted(dec(progress.exact), q, ctx.rounding);
  if (cmp.consistent) return;
  const otherMatch = other.ok && comparePrinted(dec(other.exact), q, ctx.rounding).consistent;
  const recomputed = `${cmp.expected}%`;
  findings.push(
    makeFinding(
      'time-progress-mismatch',
      where,
      {
        line: name,
        published: q.text,
        recomputed,
        convention: progress.convention,
        other: otherMatch && other.ok ? `${toFixed(dec(other.exact), q.decimals, ctx.rounding)}%` : null,
      },
      { published: q.text, recomputed },
    ),
  );
}

function checkIndicator(ctx: MonitoringContext, row: IndicatorRow, findings: Finding[]): MonitoringIndicator {
  const src = row.source;
  const expectedRaw = src.expectedActual;
  let expectedEvaluation: Evaluation | null = null;
  if (expectedRaw !== undefined && expectedRaw !== null) {
    if (
      typeof expectedRaw !== 'string' &&
      !(typeof expectedRaw === 'number' && Number.isFinite(expectedRaw))
    ) {
      findings.push(
        makeFinding('invalid-report', [...row.path, 'expectedActual'], {
          detail: {
            en: 'the expected full-year value must be a string or a finite number',
            zh: '全年预计完成值应为字符串或有限数值',
          },
        }),
      );
    } else {
      expectedEvaluation = evaluateIndicator(
        {
          target:
            isRecord(src.target) || typeof src.target === 'string' || typeof src.target === 'number'
              ? src.target
              : null,
          actual: expectedRaw,
          unit: row.unit,
          name: row.name,
          path: row.category,
        },
        ctx.evaluate,
      );
    }
  }
  const status: IndicatorStatus = expectedEvaluation?.status ?? 'not-reported';

  let likelihood: LikelihoodReading | null = null;
  const lRaw = src.likelihood;
  const where = [...row.path, 'likelihood'];
  if (typeof lRaw === 'string') {
    likelihood = readLikelihood(lRaw);
    if (likelihood === 'unknown') {
      findings.push(
        makeFinding('needs-judgement', where, {
          kind: 'evaluation',
          row: row.ref,
          detail: {
            en: `the likelihood "${lRaw}" is not one of the known words (确定能 / 有可能 / 完全不可能, certain / likely / possible / unlikely / impossible)`,
            zh: `完成目标可能性“${lRaw}”不在已知用语之列（确定能 / 有可能 / 完全不可能）`,
          },
        }),
      );
    } else if (
      (likelihood === 'certain' && status === 'not-met') ||
      (likelihood === 'impossible' && status === 'met')
    ) {
      findings.push(
        makeFinding(
          'likelihood-contradiction',
          where,
          {
            row: row.ref,
            likelihood: lRaw.trim(),
            reading: likelihood,
            expected: text(expectedRaw),
            target: row.targetText,
            status,
          },
          { published: lRaw.trim() },
        ),
      );
    }
  } else if (lRaw !== undefined && lRaw !== null) {
    findings.push(
      makeFinding('invalid-report', where, {
        detail: { en: 'the likelihood must be a string', zh: '完成目标可能性应为字符串' },
      }),
    );
  }
  return {
    expectedStatus: status,
    likelihood,
    expectedEvaluation,
  };
}

/** The printed monitoring cells of a line (internal). */
export function monitoringCells(
  line: BudgetLine,
  path: Path,
  index: ReadonlyMap<string, Severity>,
  figures: MonitoringLine,
): MonitoringCells {
  const published = isRecord(line.published) ? line.published : {};
  const cell = (raw: unknown, p: Path, recomputed: boolean): CellCheck => {
    const t =
      typeof raw === 'string'
        ? raw.trim() === ''
          ? null
          : raw
        : typeof raw === 'number' && Number.isFinite(raw)
          ? String(raw)
          : null;
    return { text: t, checked: recomputed && t !== null, worst: index.get(JSON.stringify(p)) ?? null };
  };
  return {
    periodActual: cell(line.periodActual, [...path, 'periodActual'], false),
    expectedActual: cell(line.expectedActual, [...path, 'expectedActual'], false),
    periodRate: cell(published.periodRate, [...path, 'published', 'periodRate'], figures.periodRate !== null),
    timeProgress: cell(
      published.timeProgress,
      [...path, 'published', 'timeProgress'],
      figures.timeProgress !== null,
    ),
  };
}

/** The printed monitoring cells of an indicator row (internal). */
export function monitoringIndicatorCells(
  row: IndicatorRow,
  index: ReadonlyMap<string, Severity>,
  figures: MonitoringIndicator,
): MonitoringIndicatorCells {
  const src = row.source;
  const cell = (raw: unknown, key: string, recomputed: boolean): CellCheck => {
    const t =
      typeof raw === 'string'
        ? raw.trim() === ''
          ? null
          : raw
        : typeof raw === 'number' && Number.isFinite(raw)
          ? String(raw)
          : null;
    return {
      text: t,
      checked: recomputed && t !== null,
      worst: index.get(JSON.stringify([...row.path, key])) ?? null,
    };
  };
  const judged = figures.expectedStatus === 'met' || figures.expectedStatus === 'not-met';
  return {
    periodActual: cell(src.periodActual, 'periodActual', false),
    expectedActual: cell(src.expectedActual, 'expectedActual', false),
    likelihood: cell(
      src.likelihood,
      'likelihood',
      judged && (figures.likelihood === 'certain' || figures.likelihood === 'impossible'),
    ),
  };
}
