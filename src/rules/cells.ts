/**
 * The printed cells of the result: each cell's text as given, whether it was recomputed, and
 * the worst finding at exactly its path, so a renderer needs nothing but the result.
 */

import type { ScoreResult } from '../figures/scoring.js';
import { type Finding, type Path, SEVERITIES, type Severity, summarize } from '../model/findings.js';
import type { BudgetLine, Indicator, Report } from '../model/report.js';
import type { BudgetCells, CellCheck, IndicatorCells, ReportHeader, ValidationResult } from './result.js';
import { isRecord } from './rows.js';

/**
 * A result that holds only findings: nothing was recomputed because the input is not a report
 * (internal; the CLI uses it for the findings of parseReport).
 */
export function findingsOnly(findings: readonly Finding[]): ValidationResult {
  return {
    rejected: true,
    header: headerOf(null, worstIndex([])),
    findings,
    summary: summarize(findings),
    budget: [],
    indicators: [],
    crossChecks: [],
    totalScore: null,
    grade: null,
    monitoring: null,
  };
}

/**
 * The most serious severity of the findings at each exact path (key: JSON of the path), and
 * the rows that have any (`rows`: JSON of the first two keys of each longer path, such as
 * `["indicators",3]`), so that the cells of a row without findings are written without a lookup.
 */
export interface WorstIndex extends ReadonlyMap<string, Severity> {
  readonly rows: ReadonlySet<string>;
}

class SeverityIndex extends Map<string, Severity> implements WorstIndex {
  readonly rows = new Set<string>();
}

export function worstIndex(findings: readonly Finding[]): WorstIndex {
  const out = new SeverityIndex();
  for (const f of findings) {
    const k = JSON.stringify(f.path);
    const prev = out.get(k);
    if (prev === undefined || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(prev))
      out.set(k, f.severity);
    if (f.path.length > 2) out.rows.add(JSON.stringify(f.path.slice(0, 2)));
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
  return cellKeyed(raw, index, JSON.stringify(path), recomputed);
}

/**
 * The cell that is not printed and has no finding: one frozen object for all of them (most
 * cells of a large report are blank: unit, weight, score …), so that a result of a million rows
 * does not hold millions of copies of it.
 */
const BLANK_CELL: CellCheck = /* @__PURE__ */ Object.freeze({ text: null, checked: false, worst: null });

/**
 * The cell that is not printed and has a finding at its path (a missing reason, say): one frozen
 * object per severity, shared as {@link BLANK_CELL} is.
 */
const BLANK_CELL_WITH: Readonly<Record<Severity, CellCheck>> = /* @__PURE__ */ Object.freeze({
  error: Object.freeze({ text: null, checked: false, worst: 'error' }),
  warning: Object.freeze({ text: null, checked: false, worst: 'warning' }),
  info: Object.freeze({ text: null, checked: false, worst: 'info' }),
});

/** {@link cellAt} with the index key of the cell's path already written. */
function cellKeyed(
  raw: unknown,
  index: WorstIndex,
  key: string,
  recomputed: boolean,
  shared: SharedCells | null = null,
): CellCheck {
  const text = printedText(raw);
  const worst = index.get(key) ?? null;
  if (text === null) return worst === null ? BLANK_CELL : BLANK_CELL_WITH[worst];
  return printedCell(text, recomputed, worst, shared);
}

/** A cell with no finding at its path. */
function cellOf(raw: unknown, recomputed: boolean, shared: SharedCells | null): CellCheck {
  const text = printedText(raw);
  if (text === null) return BLANK_CELL;
  return printedCell(text, recomputed, null, shared);
}

/** The slot of a cell's finding severity in {@link SharedCells} (0: none). */
const WORST_SLOT: Readonly<Record<Severity, number>> = /* @__PURE__ */ Object.freeze({
  error: 1,
  warning: 2,
  info: 3,
});

/**
 * The printed cells of the indicator rows of one call of validateReport, one frozen object per
 * text, recomputed flag and worst finding: a report repeats its targets and many of its actuals
 * and reasons (`100%`, `是`, `按计划完成`) over its rows, and a result of a million rows need not
 * hold a copy of the same cell for each. Made per call and let go with it (no state between
 * calls); a cell of one column may be the same object as an equal cell of another.
 */
export class SharedCells {
  /** One map per recomputed flag and worst severity (slot = 4 × recomputed + severity slot). */
  private readonly maps: (Map<string, CellCheck> | undefined)[] = [];

  /** The cell `{ text, checked, worst }`, the same frozen object for the same three values. */
  cell(text: string, checked: boolean, worst: Severity | null): CellCheck {
    const slot = (checked ? 4 : 0) + (worst === null ? 0 : WORST_SLOT[worst]);
    let map = this.maps[slot];
    if (map === undefined) {
      map = new Map();
      this.maps[slot] = map;
    }
    let cell = map.get(text);
    if (cell === undefined) {
      cell = Object.freeze({ text, checked, worst });
      map.set(text, cell);
    }
    return cell;
  }
}

/** A printed cell: the call's shared one when there is a {@link SharedCells}, else a new one. */
function printedCell(
  text: string,
  checked: boolean,
  worst: Severity | null,
  shared: SharedCells | null,
): CellCheck {
  return shared === null ? { text, checked, worst } : shared.cell(text, checked, worst);
}

function targetCell(text: string | null, worst: Severity | null, shared: SharedCells | null): CellCheck {
  if (text === null) return worst === null ? BLANK_CELL : BLANK_CELL_WITH[worst];
  return printedCell(text, false, worst, shared);
}

/**
 * The index key (JSON) of `path` followed by `keys`, from the JSON of `path` written once:
 * `JSON.stringify([...path, ...keys])` without copying the path for every cell of a row.
 */
function childKey(pathJson: string, tail: string): string {
  return pathJson === '[]' ? `[${tail}]` : `${pathJson.slice(0, -1)},${tail}]`;
}

/** The JSON of the keys after a row's path, for {@link childKey} (written once, not per row). */
const TAIL = {
  target: '"target"',
  actual: '"actual"',
  unit: '"unit"',
  weight: '"weight"',
  deviation: '"published","deviation"',
  score: '"published","score"',
  reason: '"reason"',
} as const;

function field(o: unknown, key: string): unknown {
  return isRecord(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

export function headerOf(report: Report | null, index: WorstIndex): ReportHeader {
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

export function budgetCells(
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

export function indicatorCells(
  row: Indicator,
  path: Path,
  index: WorstIndex,
  deviation: string | null,
  score: string | null,
  shared: SharedCells | null = null,
): IndicatorCells {
  const published = field(row, 'published');
  const target = targetText(field(row, 'target'));
  const at = JSON.stringify(path);
  if (path.length === 2 && !index.rows.has(at)) {
    // No finding in the row: every cell's worst is null.
    return {
      target: targetCell(target, null, shared),
      actual: cellOf(field(row, 'actual'), false, shared),
      unit: cellOf(field(row, 'unit'), false, shared),
      weight: cellOf(field(row, 'weight'), false, shared),
      deviation: cellOf(field(published, 'deviation'), deviation !== null, shared),
      score: cellOf(field(published, 'score'), score !== null, shared),
      reason: cellOf(field(row, 'reason'), false, shared),
    };
  }
  return {
    target: targetCell(target, index.get(childKey(at, TAIL.target)) ?? null, shared),
    actual: cellKeyed(field(row, 'actual'), index, childKey(at, TAIL.actual), false, shared),
    unit: cellKeyed(field(row, 'unit'), index, childKey(at, TAIL.unit), false, shared),
    weight: cellKeyed(field(row, 'weight'), index, childKey(at, TAIL.weight), false, shared),
    deviation: cellKeyed(
      field(published, 'deviation'),
      index,
      childKey(at, TAIL.deviation),
      deviation !== null,
      shared,
    ),
    score: cellKeyed(field(published, 'score'), index, childKey(at, TAIL.score), score !== null, shared),
    reason: cellKeyed(field(row, 'reason'), index, childKey(at, TAIL.reason), false, shared),
  };
}

/** A qualitative score's band as `[8, 10]` or `[6, 8)`, or null when there is none. */
export function bandOf(r: ScoreResult | null): string | null {
  if (!r?.ok || r.band === null) return null;
  return `[${r.band.min}, ${r.band.max}${r.band.maxInclusive ? ']' : ')'}`;
}
