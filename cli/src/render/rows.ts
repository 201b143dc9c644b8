/**
 * The rows the text and Markdown outputs share, built from the validation result alone: every
 * printed cell comes from `result.*.cells` and `result.header`, every recomputed figure from the
 * result's figures, every mark from the cell's check state. Nothing here reads the report.
 *
 * @internal
 */
import {
  type CellCheck,
  type Finding,
  type ReportHeader,
  type ScoreResult,
  SEVERITIES,
  type Severity,
  type ValidationResult,
} from 'outturn';
import type { Style } from './terminal.js';
import { MARK_ERROR, MARK_OK, MARK_WARNING, NONE, type Words } from './words.js';

/**
 * What the renderers show: the file and the result of the checks. The result carries every
 * printed cell with its check state, so nothing here reads the report again.
 */
export interface RenderInput {
  /** The file name as the user gave it. */
  readonly file: string;
  /** The result of `validateReport` or `checkReport` (rejected: the findings say why). */
  readonly result: ValidationResult;
}

/** A cell's text with the style the text output paints it in (Markdown ignores the style). */
export interface StyledCell {
  readonly text: string;
  readonly style?: Style | undefined;
}

/** A printed cell on one line: runs of white space folded to one space, trimmed; null is empty. */
export function printed(v: string | null): string {
  return v === null ? '' : v.replace(/\s+/g, ' ').trim();
}

function withUnit(text: string, unit: string | null): string {
  const u = printed(unit);
  return text !== '' && u !== '' && !text.endsWith(u) ? `${text} ${u}` : text;
}

/** ✗ for an error at the cell, ! for a warning, ✓ when it was checked and nothing is wrong. */
function markCell(cell: CellCheck): StyledCell {
  if (cell.worst === 'error') return { text: MARK_ERROR, style: 'red' };
  if (cell.worst === 'warning') return { text: MARK_WARNING, style: 'yellow' };
  return cell.checked ? { text: MARK_OK, style: 'green' } : { text: '' };
}

/** ✓ consistent, ✗ not, ? when the cross-check could not be made. */
export function crossCheckMark(consistent: boolean | null): StyledCell {
  if (consistent === true) return { text: MARK_OK, style: 'green' };
  if (consistent === false) return { text: MARK_ERROR, style: 'red' };
  return { text: '?', style: 'yellow' };
}

const STATUS_STYLE: Readonly<Record<string, Style>> = {
  met: 'green',
  'not-met': 'yellow',
  'needs-judgement': 'cyan',
  'not-reported': 'dim',
  unparsable: 'yellow',
};

/** Entity, year and title as printed, those that are not empty, in that order. */
export function headerParts(header: ReportHeader): string[] {
  const parts: string[] = [];
  const entity = printed(header.entity);
  const year = printed(header.year);
  const title = printed(header.title);
  if (entity) parts.push(entity);
  if (year) parts.push(year);
  if (title) parts.push(title);
  return parts;
}

/** The printed and recomputed score of a row and its mark. */
export interface ScoreCells {
  readonly printedScore: string;
  readonly recomputedScore: string;
  readonly scoreMark: StyledCell;
}

/** One budget line as the outputs show it. */
export interface BudgetRow extends ScoreCells {
  readonly name: string;
  readonly depth: number;
  readonly adjusted: string;
  readonly actual: string;
  readonly actualMark: StyledCell;
  readonly printedRate: string;
  readonly recomputedRate: string;
  readonly rateMark: StyledCell;
}

/** The budget lines of the result, depth first as the report lists them. */
export function budgetRows(result: ValidationResult): BudgetRow[] {
  return result.budget.map((b) => {
    const c = b.cells;
    return {
      name: b.name,
      depth: b.depth,
      adjusted: printed(c.adjusted.text) || NONE,
      actual: printed(c.actual.text) || NONE,
      actualMark: markCell(c.actual),
      printedRate: printed(c.executionRate.text) || NONE,
      recomputedRate: b.executionRate ?? NONE,
      rateMark: markCell(c.executionRate),
      ...scoreCells(c.score, b.score),
    };
  });
}

/** One indicator as the outputs show it. */
export interface IndicatorRow extends ScoreCells {
  /** The position in the report's `indicators` list, as in the finding paths. */
  readonly index: string;
  readonly category: string;
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  readonly actualMark: StyledCell;
  readonly status: StyledCell;
  readonly printedDeviation: string;
  readonly recomputedDeviation: string;
  readonly deviationMark: StyledCell;
}

/** The indicators of the result, with statuses in the language of `words`. */
export function indicatorRows(result: ValidationResult, words: Words): IndicatorRow[] {
  const recomputedAt = recomputedByPath(result.findings);
  return result.indicators.map((ind) => {
    const c = ind.cells;
    const unit = c.unit.text;
    const devPath = [...ind.path, 'published', 'deviation'];
    const recomputed = ind.deviation ?? recomputedAt.get(JSON.stringify(devPath)) ?? null;
    const last = ind.path[ind.path.length - 1];
    return {
      index: typeof last === 'number' ? String(last) : '',
      category: ind.category.map(printed).filter(Boolean).join(' / '),
      name: ind.name,
      target: withUnit(printed(c.target.text), unit) || NONE,
      actual: withUnit(printed(c.actual.text), unit) || NONE,
      actualMark: markCell(c.actual),
      status: { text: words.statuses[ind.status] ?? ind.status, style: STATUS_STYLE[ind.status] },
      printedDeviation: printed(c.deviation.text) || NONE,
      recomputedDeviation: recomputed ?? NONE,
      deviationMark: markCell(c.deviation),
      ...scoreCells(c.score, ind.score ?? bandText(ind.scoreResult)),
    };
  });
}

/**
 * The recomputed figure of the first finding at each path that gives one: a deviation the
 * result has no figure for (a zero target) is still shown when a finding recomputed it.
 */
function recomputedByPath(findings: readonly Finding[]): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const f of findings) {
    if (f.recomputed === undefined) continue;
    const key = JSON.stringify(f.path);
    if (!byPath.has(key)) byPath.set(key, f.recomputed);
  }
  return byPath;
}

function scoreCells(cell: CellCheck, recomputed: string | null): ScoreCells {
  return {
    printedScore: printed(cell.text) || NONE,
    recomputedScore: recomputed ?? NONE,
    scoreMark: markCell(cell),
  };
}

/** A qualitative score's band as `[8, 10]` or `[6, 8)`, or null when there is none. */
function bandText(r: ScoreResult | null): string | null {
  if (!r?.ok || r.band === null) return null;
  return `[${r.band.min}, ${r.band.max}${r.band.maxInclusive ? ']' : ')'}`;
}

/** Just the score cells of a row. */
export function pickScore(r: ScoreCells): ScoreCells {
  return { printedScore: r.printedScore, recomputedScore: r.recomputedScore, scoreMark: r.scoreMark };
}

/** Whether any row prints or recomputes a score (project tables). */
export function hasScores(rows: readonly ScoreCells[]): boolean {
  return rows.some((r) => r.printedScore !== NONE || r.recomputedScore !== NONE);
}

/** The findings by severity, most serious first; severities without findings are left out. */
export function groupFindings(findings: readonly Finding[]): [Severity, Finding[]][] {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s)] as [Severity, Finding[]]).filter(
    ([, list]) => list.length > 0,
  );
}

/**
 * Whether the checks compared at least one printed figure with its recomputation: a printed
 * 执行率, 偏差 or 得分 (cells `checked`), a line of a budget tree (its parent's sums), an
 * adjusted budget beside its initial budget and adjustment, a cross-check, a printed total or
 * grade beside a recomputed one. Without one, "every printed figure recomputes" would be said of
 * nothing (a table of names, indicators with no target or no actual).
 *
 * @example
 * ```ts
 * recomputedAny(validateReport({ budget: [{ name: '预算总金额', adjusted: '321.19', actual: '430.93',
 *   published: { executionRate: '134.17%' } }] })); // true
 * recomputedAny(validateReport({ indicators: [{ name: '满意度', target: '≥90%' }] })); // false
 * ```
 */
export function recomputedAny(result: ValidationResult): boolean {
  const budget = result.budget.some(
    (b) =>
      b.cells.executionRate.checked ||
      b.cells.score.checked ||
      b.depth > 0 ||
      (b.cells.adjustment.text !== null && b.cells.initial.text !== null && b.cells.adjusted.text !== null),
  );
  if (budget) return true;
  if (result.indicators.some((i) => i.cells.deviation.checked || i.cells.score.checked)) return true;
  if (result.crossChecks.some((c) => c.recomputed !== null)) return true;
  return (
    (result.header.totalScore.text !== null && result.totalScore !== null) ||
    (result.header.grade.text !== null && result.grade !== null)
  );
}

/** Lines on the total score and the grade, when the report prints them or they are recomputed. */
export function totals(result: ValidationResult, words: Words): string[] {
  const out: string[] = [];
  const printedTotal = printed(result.header.totalScore.text);
  const printedGrade = printed(result.header.grade.text);
  if (result.totalScore !== null || printedTotal !== '') {
    out.push(words.total(result.totalScore ?? NONE, printedTotal || NONE));
  }
  if (result.grade !== null || printedGrade !== '') {
    out.push(words.grade(result.grade ?? NONE, printedGrade || NONE));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Monitoring tables (绩效运行监控表)

const STATE_STYLE: Readonly<Record<'red' | 'amber' | 'green', Style>> = {
  red: 'red',
  amber: 'yellow',
  green: 'green',
};

/** The period of a monitoring result as a label in the language of `words` (`1–6月`). */
export function periodLabel(result: ValidationResult, words: Words): string {
  const m = result.monitoring;
  return words.monitoring.period(m?.months ?? null, m?.through ?? null);
}

/** One budget line of a monitoring table as the outputs show it. */
export interface MonitoringBudgetRow {
  readonly name: string;
  readonly depth: number;
  /** The budget the rate divides by, as printed: 调整预算数, else 年初预算数. */
  readonly amount: string;
  readonly periodActual: string;
  readonly periodActualMark: StyledCell;
  /** 序时进度, recomputed, marked by the printed cell's check. */
  readonly timeProgress: string;
  readonly timeProgressMark: StyledCell;
  readonly printedRate: string;
  readonly recomputedRate: string;
  readonly rateMark: StyledCell;
  readonly pace: string;
  readonly state: StyledCell;
}

/** The budget lines of a monitoring result (empty for any other report). */
export function monitoringBudgetRows(result: ValidationResult, words: Words): MonitoringBudgetRow[] {
  if (result.monitoring === null) return [];
  return result.budget.map((b) => {
    const m = b.monitoringCells;
    const tpCell = m?.timeProgress;
    return {
      name: b.name,
      depth: b.depth,
      amount: printed(b.cells.adjusted.text) || printed(b.cells.initial.text) || NONE,
      periodActual: printed(m?.periodActual.text ?? null) || NONE,
      periodActualMark: m ? markCell(m.periodActual) : { text: '' },
      timeProgress: b.timeProgress ?? NONE,
      timeProgressMark: tpCell ? markCell(tpCell) : { text: '' },
      printedRate: printed(m?.periodRate.text ?? null) || NONE,
      recomputedRate: b.periodRate ?? NONE,
      rateMark: m ? markCell(m.periodRate) : { text: '' },
      pace: b.pace ?? NONE,
      state:
        b.state === null
          ? { text: NONE }
          : { text: words.monitoring.states[b.state], style: STATE_STYLE[b.state] },
    };
  });
}

/** One indicator of a monitoring table as the outputs show it. */
export interface MonitoringIndicatorRow {
  readonly index: string;
  readonly category: string;
  readonly name: string;
  readonly target: string;
  readonly periodActual: string;
  readonly expected: string;
  readonly expectedStatus: StyledCell;
  readonly likelihood: string;
  readonly likelihoodMark: StyledCell;
}

/** The indicators of a monitoring result (empty for any other report). */
export function monitoringIndicatorRows(result: ValidationResult, words: Words): MonitoringIndicatorRow[] {
  if (result.monitoring === null) return [];
  return result.indicators.map((ind) => {
    const m = ind.monitoringCells;
    const unit = ind.cells.unit.text;
    const last = ind.path[ind.path.length - 1];
    const status = ind.expectedStatus ?? 'not-reported';
    return {
      index: typeof last === 'number' ? String(last) : '',
      category: ind.category.map(printed).filter(Boolean).join(' / '),
      name: ind.name,
      target: withUnit(printed(ind.cells.target.text), unit) || NONE,
      periodActual: withUnit(printed(m?.periodActual.text ?? null), unit) || NONE,
      expected: withUnit(printed(m?.expectedActual.text ?? null), unit) || NONE,
      expectedStatus: { text: words.statuses[status] ?? status, style: STATUS_STYLE[status] },
      likelihood: printed(m?.likelihood.text ?? null) || NONE,
      likelihoodMark: m ? markCell(m.likelihood) : { text: '' },
    };
  });
}

/** The line on how the states were judged, or null when the result is not a monitoring table. */
export function monitoringNote(result: ValidationResult, words: Words): string | null {
  const m = result.monitoring;
  if (m === null) return null;
  const t = m.thresholds;
  return words.monitoring.note(
    m.timeProgress ?? NONE,
    periodLabel(result, words),
    m.convention,
    t.basis,
    t.red,
    t.amber,
  );
}
