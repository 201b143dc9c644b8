/**
 * validateReport: every rule that recomputes a figure the report prints.
 */

import { dec, isNeg, isPos, type RoundingMode, toFixed } from '../core/decimal.js';
import { comparePrinted } from '../core/printed.js';
import {
  describeType,
  isFigure,
  isNothingPrinted,
  parseQuantity,
  type Quantity,
  quantityValue,
  showValue,
} from '../core/quantity.js';
import {
  adjustmentRate,
  type BudgetLineFigures,
  checkBudgetTrees,
  executionRate,
} from '../figures/budget.js';
import {
  type CommonIndicatorId,
  type CommonRateResult,
  carryoverRate,
  commonIndicatorOf,
  staffControlRate,
} from '../figures/common-indicators.js';
import {
  type EvaluateOptions,
  type Evaluation,
  evaluateIndicator,
  exactsOf,
  type IndicatorStatus,
} from '../figures/indicator.js';
import {
  type Finding,
  formatPath,
  makeFinding,
  type Path,
  SEVERITIES,
  type Severity,
  summarize,
} from '../model/findings.js';
import type { AmountUnit, BudgetLine, Figure, Indicator, Report } from '../model/report.js';

const AMOUNT_UNITS: ReadonlySet<string> = new Set(['元', '万元', '亿元', '萬元', '億元']);

import { hasDigit, normalizeText } from '../core/text.js';
import { SCORING_PROFILES, type ScoreResult, type ScoringProfile } from '../figures/scoring.js';
import { comparatorSymbol } from '../figures/target.js';
import { checkScores } from './scores.js';

/** Options of {@link validateReport}. Defaults are the reference conventions. */
export interface ValidateOptions {
  /** Deviation conventions, passed to {@link evaluateIndicator}. */
  readonly evaluate?: EvaluateOptions;
  /**
   * Over-achievement threshold, in percent of the target (default 120): a higher-is-better
   * target achieved at or above it needs a reason (原因分析). Systems in use flag 120 or 130.
   * `null` turns the check off.
   */
  readonly overAchievementThreshold?: string | number | null;
  /** Rounding a printed figure is checked with (default `'half-up'`, 四舍五入). */
  readonly rounding?: RoundingMode;
  /**
   * Scoring profile for indicators and budget lines that print a weight (分值); default
   * `SCORING_PROFILES.default`. Rows without a weight are never scored.
   */
  readonly scoring?: ScoringProfile;
}

/**
 * One printed cell and what the checks say of it: enough for a renderer to show the cell and
 * mark it, without reading the report again.
 */
export interface CellCheck {
  /** The cell's text as printed (a number as `String(n)`); null when the cell is absent or blank. */
  readonly text: string | null;
  /** True when outturn recomputed this figure and compared it with the printed one. */
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
  /** Whether the printed actual equals the recomputed value at its printed precision; null when none. */
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
   * `invalid-report` finding instead.
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
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** True when a reason cell says something (not empty, not `/`, `—`, `无`). */
function hasReason(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const s = normalizeText(v);
  return !isNothingPrinted(s) && s !== '无';
}

/**
 * A result that holds only findings: nothing was recomputed because the input is not a report
 * (internal; the CLI uses it for the findings of parseReport).
 */
export function findingsOnly(findings: readonly Finding[]): ValidationResult {
  return {
    rejected: true,
    header: headerOf(null, new Map()),
    findings,
    summary: summarize(findings),
    budget: [],
    indicators: [],
    crossChecks: [],
    totalScore: null,
    grade: null,
  };
}

/** The most serious severity of the findings at each exact path (key: JSON of the path). */
type WorstIndex = ReadonlyMap<string, Severity>;

function worstIndex(findings: readonly Finding[]): WorstIndex {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    const k = JSON.stringify(f.path);
    const prev = out.get(k);
    if (prev === undefined || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(prev))
      out.set(k, f.severity);
  }
  return out;
}

/** A cell's printed text: strings as they are, finite numbers as `String(n)`; blank or else null. */
function printedText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function cellAt(raw: unknown, index: WorstIndex, path: Path, recomputed: boolean): CellCheck {
  const text = printedText(raw);
  return {
    text,
    checked: recomputed && text !== null,
    worst: index.get(JSON.stringify(path)) ?? null,
  };
}

function field(o: unknown, key: string): unknown {
  return isRecord(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

function headerOf(report: Report | null, index: WorstIndex): ReportHeader {
  const published = field(report, 'published');
  return {
    kind: printedText(field(report, 'kind')),
    title: printedText(field(report, 'title')),
    entity: printedText(field(report, 'entity')),
    year: printedText(field(report, 'year')),
    amountUnit: printedText(field(report, 'amountUnit')),
    totalScore: cellAt(field(published, 'totalScore'), index, ['published', 'totalScore'], false),
    grade: cellAt(field(published, 'grade'), index, ['published', 'grade'], false),
  };
}

function budgetCells(
  line: BudgetLine,
  path: Path,
  index: WorstIndex,
  rate: string | null,
  score: string | null,
): BudgetCells {
  const published = field(line, 'published');
  return {
    initial: cellAt(field(line, 'initial'), index, [...path, 'initial'], false),
    adjustment: cellAt(field(line, 'adjustment'), index, [...path, 'adjustment'], false),
    adjusted: cellAt(field(line, 'adjusted'), index, [...path, 'adjusted'], false),
    actual: cellAt(field(line, 'actual'), index, [...path, 'actual'], false),
    weight: cellAt(field(line, 'weight'), index, [...path, 'weight'], false),
    executionRate: cellAt(
      field(published, 'executionRate'),
      index,
      [...path, 'published', 'executionRate'],
      rate !== null,
    ),
    score: cellAt(field(published, 'score'), index, [...path, 'published', 'score'], score !== null),
  };
}

function targetText(target: unknown): string | null {
  if (isRecord(target)) {
    const op = printedText(target.operator) ?? '';
    const value = printedText(target.value) ?? '';
    return `${op}${value}`;
  }
  return printedText(target);
}

function indicatorCells(
  row: Indicator,
  path: Path,
  index: WorstIndex,
  deviation: string | null,
  score: string | null,
): IndicatorCells {
  const published = field(row, 'published');
  const target = targetText(field(row, 'target'));
  return {
    target: {
      text: target,
      checked: false,
      worst: index.get(JSON.stringify([...path, 'target'])) ?? null,
    },
    actual: cellAt(field(row, 'actual'), index, [...path, 'actual'], false),
    unit: cellAt(field(row, 'unit'), index, [...path, 'unit'], false),
    weight: cellAt(field(row, 'weight'), index, [...path, 'weight'], false),
    deviation: cellAt(
      field(published, 'deviation'),
      index,
      [...path, 'published', 'deviation'],
      deviation !== null,
    ),
    score: cellAt(field(published, 'score'), index, [...path, 'published', 'score'], score !== null),
    reason: cellAt(field(row, 'reason'), index, [...path, 'reason'], false),
  };
}

/** A qualitative score's band as `[8, 10]` or `[6, 8)`, or null when there is none. */
function bandOf(r: ScoreResult | null): string | null {
  if (!r?.ok || r.band === null) return null;
  return `[${r.band.min}, ${r.band.max}${r.band.maxInclusive ? ']' : ')'}`;
}

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
 *   compared at the printed precision.
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
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`validateReport options must be an object, got ${describeType(options)}`);
  }
  const findings: Finding[] = [];
  if (!isRecord(report)) {
    findings.push(
      makeFinding('invalid-report', [], {
        en: `a report must be a JSON object, not ${describeType(report)}`,
        zh: '报告应为 JSON 对象',
      }),
    );
    return findingsOnly(findings);
  }
  const mode = options.rounding ?? 'half-up';
  const amountUnit: AmountUnit =
    typeof report.amountUnit === 'string' && AMOUNT_UNITS.has(report.amountUnit)
      ? (report.amountUnit as AmountUnit)
      : '万元';

  let roots: readonly BudgetLine[] = [];
  if (Array.isArray(report.budget)) roots = report.budget;
  else if (report.budget !== undefined) {
    findings.push(
      makeFinding('invalid-report', ['budget'], {
        en: '"budget" must be a list of budget lines',
        zh: '“budget”应为预算行列表',
      }),
    );
  }
  const budget = checkBudgetTrees(roots, { amountUnit, rounding: mode });
  findings.push(...budget.findings);

  let rows: readonly unknown[] = [];
  if (Array.isArray(report.indicators)) rows = report.indicators;
  else if (report.indicators !== undefined) {
    findings.push(
      makeFinding('invalid-report', ['indicators'], {
        en: '"indicators" must be a list of indicator rows',
        zh: '“indicators”应为指标行列表',
      }),
    );
  }
  const threshold = overThreshold(options.overAchievementThreshold);
  const indicators: IndicatorFigures[] = [];
  rows.forEach((row, i) => {
    const figures = checkIndicator(row, ['indicators', i], options.evaluate ?? {}, threshold, mode, findings);
    if (figures) indicators.push(figures);
  });

  const crossChecks = crossCheck(report, roots, rows, amountUnit, mode, findings);
  const scored = checkScores({
    report,
    budget: budget.lines.map((figures, i) => ({ line: budget.sources[i] as BudgetLine, figures })),
    indicators: indicators.map((figures) => ({ row: rows[figures.path[1] as number] as Indicator, figures })),
    profile: options.scoring ?? SCORING_PROFILES.default,
    findings,
  });

  const index = worstIndex(findings);
  return {
    rejected: false,
    header: headerOf(report, index),
    findings,
    summary: summarize(findings),
    budget: budget.lines.map((line, i) => {
      const r = scored.budget[i] ?? null;
      const score = r?.ok ? r.printed : null;
      const source = budget.sources[i] as BudgetLine;
      const cells = budgetCells(source, line.path, index, line.executionRate, score);
      return { ...line, cells, score, scoreResult: r };
    }),
    indicators: indicators.map((figures, i) => {
      const r = scored.indicators[i] ?? null;
      const score = r?.ok ? r.printed : null;
      const row = rows[figures.path[1] as number] as Indicator;
      const cells = indicatorCells(row, figures.path, index, figures.deviation, score ?? bandOf(r));
      return { ...figures, cells, score, scoreResult: r };
    }),
    crossChecks,
    totalScore: scored.totalScore,
    grade: scored.grade,
  };
}

/** Placeholder cells of a row until the findings are complete (validateReport fills them). */
const NO_CELL: CellCheck = { text: null, checked: false, worst: null };
const NO_CELLS: IndicatorCells = {
  target: NO_CELL,
  actual: NO_CELL,
  unit: NO_CELL,
  weight: NO_CELL,
  deviation: NO_CELL,
  score: NO_CELL,
  reason: NO_CELL,
};

function overThreshold(v: string | number | null | undefined) {
  if (v === null) return null;
  if (v === undefined) return dec(120);
  const q = parseQuantity(v);
  if (!q.ok || q.quantity === null) {
    throw new TypeError(`overAchievementThreshold must be a number of percent, got ${String(v)}`);
  }
  return quantityValue(q.quantity);
}

function checkIndicator(
  row: unknown,
  path: Path,
  evalOptions: EvaluateOptions,
  threshold: ReturnType<typeof overThreshold>,
  mode: RoundingMode,
  findings: Finding[],
): IndicatorFigures | null {
  if (!isRecord(row)) {
    findings.push(
      makeFinding('invalid-report', path, {
        en: `an indicator row must be an object, not ${describeType(row)}`,
        zh: '指标行应为对象',
      }),
    );
    return null;
  }
  const ind = row as Indicator;
  const name = text(ind.name);
  const label = name === '' ? `indicator ${formatPath(path)}` : `"${name}"`;
  const zhLabel = name === '' ? `指标 ${formatPath(path)}` : `“${name}”`;
  const target = ind.target;
  const cellsOk =
    !isRecord(target) ||
    ((target.operator === undefined || target.operator === null || typeof target.operator === 'string') &&
      (target.value === undefined || target.value === null || isFigure(target.value)));
  const targetOk =
    (target === null || target === undefined || isFigure(target) || isRecord(target)) && cellsOk;
  if (!targetOk || (ind.actual !== undefined && ind.actual !== null && !isFigure(ind.actual))) {
    const field = targetOk ? 'actual' : 'target';
    findings.push(
      makeFinding('invalid-report', [...path, field], {
        en: `${label}: ${field} must be a string or a finite number${field === 'target' ? ', or { operator: text, value: a string or a finite number }' : ''}`,
        zh: `${zhLabel}：${field === 'target' ? '目标值应为字符串、有限数值或 { operator: 文字, value: 字符串或有限数值 }' : '完成值应为字符串或有限数值'}`,
      }),
    );
    return null;
  }
  const unit = typeof ind.unit === 'string' ? ind.unit : null;
  const ev = evaluateIndicator(
    {
      target: target as Indicator['target'] | null | undefined,
      actual: ind.actual ?? null,
      unit,
      name,
      path: Array.isArray(ind.path) ? ind.path.filter((x): x is string => typeof x === 'string') : [],
    },
    evalOptions,
  );
  const t = ev.target;
  const actualText = text(ind.actual);
  const targetText = isRecord(target) ? `${text(target.operator)}${text(target.value)}` : text(target);

  switch (ev.note?.code) {
    case 'unparsable-target':
      findings.push(
        makeFinding('unparsable-target', [...path, 'target'], ev.note.message, { published: targetText }),
      );
      break;
    case 'unparsable-value':
      findings.push(
        makeFinding('unparsable-value', [...path, 'actual'], ev.note.message, { published: actualText }),
      );
      break;
    case 'unit-mismatch':
      findings.push(
        makeFinding('unit-mismatch', [...path, 'actual'], ev.note.message, { published: actualText }),
      );
      break;
    case 'unknown-grade':
    case 'approximate-actual':
    case 'qualitative-actual':
    case 'numeric-actual':
      findings.push(
        makeFinding(
          'needs-judgement',
          [...path, 'actual'],
          {
            en: `${label}: ${ev.note.message.en}`,
            zh: `${zhLabel}：${ev.note.message.zh}`,
          },
          { published: actualText },
        ),
      );
      break;
    default:
      break;
  }

  if (t?.kind === 'comparison' && t.implicit) {
    const sym = comparatorSymbol(t.operator);
    findings.push(
      makeFinding(
        'implicit-operator',
        [...path, 'target'],
        {
          en: `${label}: the target "${targetText}" prints no comparator; read as ${sym}${t.value.value}${t.value.unit ?? ''} (the indicator's natural direction)`,
          zh: `${zhLabel}：目标值“${targetText}”未标明比较关系，按指标方向理解为 ${sym}${t.value.value}${t.value.unit ?? ''}`,
        },
        { published: targetText },
      ),
    );
  }
  checkUnitColumn(ind, unit, ev, path, label, zhLabel, findings);

  if (ev.status === 'not-met') {
    findings.push(
      makeFinding(
        'target-not-met',
        [...path, 'actual'],
        {
          en: `${label}: target ${targetText} not met (actual ${actualText})`,
          zh: `${zhLabel}：未完成目标 ${targetText}（完成值 ${actualText}）`,
        },
        { published: actualText },
      ),
    );
  }

  checkReason(ind, ev, path, threshold, label, zhLabel, targetText, actualText, findings);
  checkDeviation(ind, ev, path, mode, label, zhLabel, findings);

  const d = ev.deviation;
  return {
    path,
    name,
    category: Array.isArray(ind.path) ? ind.path.filter((x): x is string => typeof x === 'string') : [],
    cells: NO_CELLS,
    status: ev.status,
    deviation: d?.printed ?? null,
    deviationRelative: d?.relative ?? null,
    deviationAbsolute: d?.absolute ?? null,
    deviationUnit: d?.unit ?? null,
    achievement: ev.achievement,
    score: null,
    scoreResult: null,
    evaluation: ev,
  };
}

function checkUnitColumn(
  ind: Indicator,
  unit: string | null,
  ev: Evaluation,
  path: Path,
  label: string,
  zhLabel: string,
  findings: Finding[],
): void {
  if (unit === null || ev.target?.kind !== 'comparison') return;
  const column = parseQuantity(`1${normalizeText(unit)}`);
  if (!column.ok || column.quantity === null) {
    findings.push(
      makeFinding(
        'unit-mismatch',
        [...path, 'unit'],
        {
          en: `${label}: the unit column "${unit}" is not a unit`,
          zh: `${zhLabel}：度量单位“${unit}”不是计量单位`,
        },
        { published: unit },
      ),
    );
    return;
  }
  const own = ev.target.value.unit;
  if (own !== null && column.quantity.unit !== null && own !== column.quantity.unit) {
    findings.push(
      makeFinding(
        'unit-mismatch',
        [...path, 'target'],
        {
          en: `${label}: the target prints unit "${own}" but the unit column says "${unit}"`,
          zh: `${zhLabel}：目标值单位“${own}”与度量单位“${unit}”不一致`,
        },
        { published: text(ind.target) },
      ),
    );
  }
}

function checkReason(
  ind: Indicator,
  ev: Evaluation,
  path: Path,
  threshold: ReturnType<typeof overThreshold>,
  label: string,
  zhLabel: string,
  targetText: string,
  actualText: string,
  findings: Finding[],
): void {
  if (hasReason(ind.reason)) return;
  if (ev.status === 'not-met') {
    findings.push(
      makeFinding(
        'reason-missing',
        [...path, 'reason'],
        {
          en: `${label}: the target ${targetText} was not met (actual ${actualText}) and no reason is given`,
          zh: `${zhLabel}：未完成目标 ${targetText}（完成值 ${actualText}），但未说明原因`,
        },
        { published: actualText },
      ),
    );
    return;
  }
  const t = ev.target;
  if (threshold === null || ev.achievement === null || t?.kind !== 'comparison') return;
  if (t.operator === '<=' || t.operator === '<') return;
  const exacts = exactsOf(ev);
  if (!exacts?.target || !isPos(exacts.target) || !exacts.achievement) return;
  const achievement = exacts.achievement;
  if (achievement.gte(threshold)) {
    const pct = `${toFixed(achievement, 2)}%`;
    findings.push(
      makeFinding(
        'reason-missing',
        [...path, 'reason'],
        {
          en: `${label}: achieved ${pct} of the target ${targetText} (at or above ${threshold.toString()}%) and no reason is given for the over-achievement`,
          zh: `${zhLabel}：完成目标 ${targetText} 的 ${pct}（达到 ${threshold.toString()}% 以上），但未说明超额完成的原因`,
        },
        { severity: 'info', published: actualText, recomputed: pct },
      ),
    );
  }
}

function checkDeviation(
  ind: Indicator,
  ev: Evaluation,
  path: Path,
  mode: RoundingMode,
  label: string,
  zhLabel: string,
  findings: Finding[],
): void {
  const raw = isRecord(ind.published) ? ind.published.deviation : undefined;
  if (raw === null || raw === undefined) return;
  const where = [...path, 'published', 'deviation'];
  if (!isFigure(raw)) {
    findings.push(
      makeFinding('invalid-report', where, {
        en: `${label}: the printed deviation must be a string or a finite number`,
        zh: `${zhLabel}：偏差应为字符串或有限数值`,
      }),
    );
    return;
  }
  const p = parseQuantity(raw);
  if (!p.ok) {
    if (!hasDigit(normalizeText(showValue(raw)))) {
      // 无, None., 达到预期: words in a deviation column need a reader, not a parser.
      findings.push(
        makeFinding(
          'needs-judgement',
          where,
          {
            en: `${label}: the printed deviation "${showValue(raw)}" is text, not a figure`,
            zh: `${zhLabel}：偏差“${showValue(raw)}”是文字而非数值`,
          },
          { published: showValue(raw) },
        ),
      );
      return;
    }
    findings.push(makeFinding('unparsable-value', where, p.message, { published: showValue(raw) }));
    return;
  }
  if (p.quantity === null) return;
  const printed: Quantity = p.quantity;
  const d = ev.deviation;
  if (ev.status === 'not-reported') {
    findings.push(
      makeFinding(
        'needs-judgement',
        where,
        {
          en: `${label}: a deviation ${printed.text} is printed, but ${ev.target === null ? 'no target' : 'no actual value'} is`,
          zh: `${zhLabel}：印有偏差 ${printed.text}，但未填写${ev.target === null ? '目标值' : '完成值'}`,
        },
        { published: printed.text },
      ),
    );
    return;
  }
  const relative = printed.unit === '%';
  if (!relative && printed.unit !== null && printed.unit !== d?.unit) {
    findings.push(
      makeFinding(
        'unit-mismatch',
        where,
        {
          en: `${label}: the printed deviation "${printed.text}" has a unit that is neither % nor the indicator's`,
          zh: `${zhLabel}：偏差“${printed.text}”的单位既不是 % 也不是指标单位`,
        },
        { published: printed.text },
      ),
    );
    return;
  }
  if (d === null) return; // no recomputed deviation: the status finding says why
  if (relative && d.relative === null) {
    const abs = exactsOf(ev)?.absolute ?? dec(d.absolute ?? '0');
    const unitWord = d.unit === '%' ? ' percentage points' : d.unit ? ` ${d.unit}` : '';
    const unitZh = d.unit === '%' ? ' 个百分点' : d.unit ? ` ${d.unit}` : '';
    const signed = `${isNeg(abs) ? '' : '+'}${toFixed(abs, 2)}`;
    findings.push(
      makeFinding(
        'deviation-undefined',
        where,
        {
          en: `${label}: a relative deviation "${printed.text}" is printed, but the target is zero, so it does not exist; the absolute deviation is ${signed}${unitWord}`,
          zh: `${zhLabel}：目标值为零，相对偏差不存在，却印为“${printed.text}”；绝对偏差为 ${signed}${unitZh}`,
        },
        { published: printed.text, recomputed: `${signed}${d.unit === '%' ? ' pp' : (d.unit ?? '')}` },
      ),
    );
    return;
  }
  const exact = relative ? d.relative : d.absolute;
  if (exact === null) return;
  const exacts = exactsOf(ev);
  const exactDec = (relative ? exacts?.relative : exacts?.absolute) ?? dec(exact);
  const cmp = comparePrinted(exactDec, printed, mode);
  if (cmp.consistent) return;
  const recomputed = `${cmp.expected}${relative ? '%' : ''}`;
  const zeroWhenMet =
    quantityValue(printed).isZero() &&
    ev.status === 'met' &&
    ev.target?.kind === 'comparison' &&
    ev.target.operator !== '=';
  const hintEn = zeroWhenMet
    ? " (the publisher prints 0 for a met target: option evaluate.metInequality: 'zero')"
    : cmp.looksTruncated
      ? ' (the printed figure looks truncated, not rounded half-up)'
      : '';
  const hintZh = zeroWhenMet
    ? '（该表对已达成目标印 0，可用选项 metInequality: zero）'
    : cmp.looksTruncated
      ? '（所印数字像是截断而非四舍五入）'
      : '';
  findings.push(
    makeFinding(
      'deviation-mismatch',
      where,
      {
        en: `${label}: printed deviation ${printed.text} ≠ recomputed ${recomputed}${relative ? ' ((actual − target) ÷ target)' : ' (actual − target)'}${hintEn}`,
        zh: `${zhLabel}：偏差 ${printed.text} ≠ 重算值 ${recomputed}${relative ? '（(完成值 − 目标值) ÷ 目标值）' : '（完成值 − 目标值）'}${hintZh}`,
      },
      { published: printed.text, recomputed },
    ),
  );
}

const FORMULAS: Readonly<Record<CommonIndicatorId, { en: string; zh: string }>> = {
  'execution-rate': {
    en: 'actual ÷ adjusted budget × 100% (budget table root)',
    zh: '实际支出数 ÷ 调整预算数 × 100%（预算表合计行）',
  },
  'adjustment-rate': {
    en: '(adjusted − initial budget) ÷ initial budget × 100% (budget table root)',
    zh: '(调整预算数 − 年初预算数) ÷ 年初预算数 × 100%（预算表合计行）',
  },
  'staff-control-rate': {
    en: 'staff ÷ authorised posts × 100% (staffing)',
    zh: '在职人员数 ÷ 编制数 × 100%',
  },
  'carryover-rate': {
    en: 'carry-over ÷ adjusted budget × 100% (budget table root)',
    zh: '年末结转结余 ÷ 调整预算数 × 100%',
  },
};

function crossCheck(
  report: Report,
  roots: readonly BudgetLine[],
  rows: readonly unknown[],
  amountUnit: AmountUnit,
  mode: RoundingMode,
  findings: Finding[],
): CrossCheck[] {
  const out: CrossCheck[] = [];
  const root = roots.length === 1 && isRecord(roots[0]) ? roots[0] : null;
  const memo = new Map<CommonIndicatorId, CommonRateResult | null>();
  const staffing = isRecord(report.staffing) ? report.staffing : null;
  rows.forEach((row, i) => {
    if (!isRecord(row) || typeof row.name !== 'string') return;
    const id = commonIndicatorOf(row.name);
    if (id === null) return;
    const path: Path = ['indicators', i, 'actual'];
    const actual = row.actual;
    if (!isFigure(actual)) return;
    const p = parseQuantity(actual);
    if (!p.ok || p.quantity === null || (p.quantity.unit !== null && p.quantity.unit !== '%')) return;
    // Each common indicator is computed once per report, however many rows print it.
    if (!memo.has(id)) memo.set(id, recompute(id, root, staffing, amountUnit));
    const r = memo.get(id) ?? null;
    if (r === null) return;
    const base = {
      id,
      path: ['indicators', i] as Path,
      name: row.name,
      published: p.quantity.text,
      formula: FORMULAS[id],
    };
    if (!r.ok) {
      out.push({ ...base, recomputed: null, recomputedExact: null, consistent: null });
      return;
    }
    const cmp = comparePrinted(dec(r.exact), p.quantity, mode);
    out.push({ ...base, recomputed: r.printed, recomputedExact: r.exact, consistent: cmp.consistent });
    if (cmp.consistent) return;
    findings.push(
      makeFinding(
        'cross-check-mismatch',
        path,
        {
          en: `"${row.name}" is printed as ${p.quantity.text}, but the report's own figures give ${r.printed}: ${FORMULAS[id].en}`,
          zh: `“${row.name}”印为 ${p.quantity.text}，但按报告自身数据计算为 ${r.printed}：${FORMULAS[id].zh}`,
        },
        { published: p.quantity.text, recomputed: r.printed },
      ),
    );
  });
  return out;
}

function figureOrNull(v: unknown): Figure | null {
  return isFigure(v) ? v : null;
}

/** Recomputes a common indicator from the report's data; null when the data is not there. */
function recompute(
  id: CommonIndicatorId,
  root: Record<string, unknown> | null,
  staffing: Record<string, unknown> | null,
  amountUnit: AmountUnit,
): CommonRateResult | null {
  switch (id) {
    case 'execution-rate': {
      if (root === null) return null;
      const r = executionRate(
        { adjusted: figureOrNull(root.adjusted), actual: figureOrNull(root.actual) },
        { amountUnit },
      );
      return r.ok ? r : r.code === 'execution-rate-undefined' ? { ...r, code: 'rate-undefined' } : null;
    }
    case 'adjustment-rate': {
      if (root === null) return null;
      const r = adjustmentRate(
        { initial: figureOrNull(root.initial), adjusted: figureOrNull(root.adjusted) },
        { amountUnit },
      );
      return r.ok ? r : r.code === 'adjustment-rate-undefined' ? { ...r, code: 'rate-undefined' } : null;
    }
    case 'staff-control-rate': {
      if (staffing === null) return null;
      const r = staffControlRate({
        authorized: figureOrNull(staffing.authorized),
        actual: figureOrNull(staffing.actual),
      });
      return r.ok || r.code === 'rate-undefined' ? r : null;
    }
    case 'carryover-rate': {
      if (root === null || root.carryover === undefined || root.carryover === null) return null;
      const r = carryoverRate({
        carryover: figureOrNull(root.carryover),
        adjusted: figureOrNull(root.adjusted),
      });
      return r.ok || r.code === 'rate-undefined' ? r : null;
    }
  }
}
