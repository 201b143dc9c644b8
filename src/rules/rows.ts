/**
 * The row model of an indicator table: each row's cells are read once here, into typed values
 * that the indicator rules, the cross-checks, the score rules and the result all read. No rule
 * parses a cell of the report again.
 */
import type { Dec } from '../core/decimal.js';
import {
  describeType,
  isFigure,
  type ParseQuantityResult,
  parseQuantity,
  printsNothing,
  quantityValue,
  readUnitColumn,
  type UnitColumn,
} from '../core/quantity.js';
import { nameKey } from '../core/text.js';
import type { EvaluateOptions, Evaluation, EvaluationExacts } from '../figures/evaluation.js';
import { evaluateExact } from '../figures/indicator.js';
import type { ReportReadings } from '../figures/readings.js';
import { type Finding, formatPath, type Messages, type Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { RowRef } from '../model/messages/params.js';
import type { Figure, Indicator } from '../model/report.js';
import { readStatusWord, type StatusReading } from './status.js';

/** A cell that may print a figure: what it holds, read once. */
export interface FigureCell {
  /** The value as given in the report. */
  readonly raw: unknown;
  /** True when the cell prints something: not blank, not `/`, `—` or `-` alone. */
  readonly present: boolean;
  /** The cell read as a number with a unit, or null when it is not present or not a figure. */
  readonly reading: ParseQuantityResult | null;
}

/** One indicator row as the rules read it. */
export interface IndicatorRow {
  /** Path of the row, `["indicators", i]`. */
  readonly path: Path;
  /** The row as given. */
  readonly source: Indicator;
  /** 指标名称 as given (`""` when missing). */
  readonly name: string;
  /** Name and path, as the messages name the row. */
  readonly ref: RowRef;
  /** 一级/二级 category path as given (strings only). */
  readonly category: readonly string[];
  /** 度量单位 as given, or null. */
  readonly unit: string | null;
  /** The unit column, read once. */
  readonly unitColumn: UnitColumn;
  /** The target as printed (two cells joined). */
  readonly targetText: string;
  /** The actual as printed. */
  readonly actualText: string;
  readonly evaluation: Evaluation;
  /**
   * The exact values behind the evaluation's strings, when it compared figures. Once the row's
   * own checks are made, validateReport keeps only what the later rules read (the target and
   * the achievement; see {@link afterRowChecks}): a large report holds every row until its end.
   */
  exacts: EvaluationExacts | null;
  /** 分值, read once. */
  readonly weight: FigureCell & { readonly value: Dec | null };
  /** 得分 as printed, read once. */
  readonly printedScore: FigureCell;
  /** 原因分析 as given. */
  readonly reason: unknown;
  /**
   * The printed status (`published.status`: 完成情况 / 是否达成 / Achieved …), read once: null
   * when the row prints none; `reading` null when the value is not a string.
   */
  readonly printedStatus: { readonly raw: unknown; readonly reading: StatusReading | null } | null;
}

/** A plain object (not null, not an array): a report, a row or a cell group as given. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string as it is, a finite number as `String(n)`, anything else `""`. */
export function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The cell of a report that does not have it (no key): one frozen object for every row. */
const ABSENT_CELL: FigureCell = /* @__PURE__ */ Object.freeze({
  raw: undefined,
  present: false,
  reading: null,
});

/** The weight cell of a row that has none, shared as {@link ABSENT_CELL} is. */
const ABSENT_WEIGHT: IndicatorRow['weight'] = /* @__PURE__ */ Object.freeze({
  raw: undefined,
  present: false,
  reading: null,
  value: null,
});

/** Reads a cell that may print a figure (blank, `/`, `—` print nothing). */
export function figureCell(raw: unknown): FigureCell {
  if (raw === undefined) return ABSENT_CELL;
  const present =
    typeof raw === 'string' ? !printsNothing(raw) : typeof raw === 'number' && Number.isFinite(raw);
  return { raw, present, reading: present ? parseQuantity(raw as Figure) : null };
}

/** The weight (分值) of a row or a budget line, read once. */
export function weightCell(raw: unknown): IndicatorRow['weight'] {
  if (raw === undefined) return ABSENT_WEIGHT;
  const cell = figureCell(raw);
  const r = cell.reading;
  return {
    raw: cell.raw,
    present: cell.present,
    reading: r,
    value: r?.ok && r.quantity ? quantityValue(r.quantity) : null,
  };
}

/** The published figures of a row, when `published` is an object. */
function published(row: Record<string, unknown>): Record<string, unknown> {
  return isRecord(row.published) ? row.published : {};
}

/**
 * Reads one indicator row: its cells once, its evaluation once. A row of the wrong shape
 * gives an `invalid-report` finding (pushed to `findings`) and null.
 */
export function readIndicatorRow(
  row: unknown,
  path: Path,
  evalOptions: EvaluateOptions,
  findings: Finding[],
  targets: ReportReadings | null = null,
  categories: Map<string, readonly string[]> | null = null,
): IndicatorRow | null {
  if (!isRecord(row)) {
    findings.push(
      makeFinding('invalid-report', path, {
        detail: { en: `an indicator row must be an object, not ${describeType(row)}`, zh: '指标行应为对象' },
      }),
    );
    return null;
  }
  const ind = row as Indicator;
  const name = text(ind.name);
  const ref: RowRef = { name, path };
  const target = ind.target;
  const cellsOk =
    !isRecord(target) ||
    ((target.operator === undefined || target.operator === null || typeof target.operator === 'string') &&
      (target.value === undefined || target.value === null || isFigure(target.value)));
  const targetOk =
    (target === null || target === undefined || isFigure(target) || isRecord(target)) && cellsOk;
  if (!targetOk || (ind.actual !== undefined && ind.actual !== null && !isFigure(ind.actual))) {
    const field = targetOk ? 'actual' : 'target';
    findings.push(makeFinding('invalid-report', [...path, field], { detail: invalidCell(field, ref) }));
    return null;
  }
  const unit = typeof ind.unit === 'string' ? ind.unit : null;
  const unitColumn = readUnitColumn(unit);
  const category = sharedCategory(
    Array.isArray(ind.path) ? ind.path.filter((x): x is string => typeof x === 'string') : [],
    categories,
  );
  const { evaluation, exacts } = evaluateExact(
    {
      target: target as Indicator['target'] | null | undefined,
      actual: ind.actual ?? null,
      unit,
      name,
      path: category,
    },
    evalOptions,
    unitColumn,
    true,
    targets,
  );
  return {
    path,
    source: ind,
    name,
    ref,
    category,
    unit,
    unitColumn,
    targetText: isRecord(target) ? `${text(target.operator)}${text(target.value)}` : text(target),
    actualText: text(ind.actual),
    evaluation,
    exacts,
    weight: weightCell(ind.weight),
    printedScore: figureCell(published(row).score),
    reason: ind.reason,
    printedStatus: statusCell(published(row).status),
  };
}

/**
 * One frozen array per distinct category path within `shared` (one call of validateReport):
 * the rows of a category share it instead of each holding its own copy.
 */
function sharedCategory(
  category: string[],
  shared: Map<string, readonly string[]> | null,
): readonly string[] {
  if (shared === null) return category;
  const key = JSON.stringify(category);
  let out = shared.get(key);
  if (out === undefined) {
    out = Object.freeze(category);
    shared.set(key, out);
  }
  return out;
}

/**
 * The actual of a row read as a number with a unit (null when it prints nothing or is not a
 * figure): read where a rule needs it (cross-checks, rule scores) rather than kept on every row.
 */
export function actualReadingOf(row: IndicatorRow): ParseQuantityResult | null {
  return figureCell(row.source.actual).reading;
}

/**
 * What is left of a row once its own checks (checkIndicatorRow, checkPrintedStatus) are made:
 * the later rules read the exact values only for over-achievement (checkScores: the exact
 * target and achievement, when the achievement reaches `threshold`), so the other rows let
 * theirs go, and the exact deviations are let go of on every row.
 */
export function afterRowChecks(row: IndicatorRow, threshold: Dec | null): IndicatorRow {
  const x = row.exacts;
  if (x === null) return row;
  if (threshold === null || x.achievement === null || x.achievement.lt(threshold)) row.exacts = null;
  else if (x.relative !== null || x.absolute !== null) {
    row.exacts = { target: x.target, relative: null, absolute: null, achievement: x.achievement };
  }
  return row;
}

/** Reads the status cell: null when nothing is printed (absent, null, blank, `/`, `—`). */
function statusCell(raw: unknown): IndicatorRow['printedStatus'] {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return { raw, reading: null };
  const reading = readStatusWord(raw);
  return reading === null ? null : { raw, reading };
}

function invalidCell(field: 'target' | 'actual', ref: RowRef): Messages {
  const label = ref.name === '' ? `indicator ${formatPath(ref.path)}` : `"${ref.name}"`;
  const zhLabel = ref.name === '' ? `指标 ${formatPath(ref.path)}` : `“${ref.name}”`;
  return {
    en: `${label}: ${field} must be a string or a finite number${field === 'target' ? ', or { operator: text, value: a string or a finite number }' : ''}`,
    zh: `${zhLabel}：${field === 'target' ? '目标值应为字符串、有限数值或 { operator: 文字, value: 字符串或有限数值 }' : '完成值应为字符串或有限数值'}`,
  };
}

/** One group of `report.groups` (一级/二级指标 with its own 分值 or 得分) as the rules read it. */
export interface GroupRow {
  /** Path of the group, `["groups", i]`. */
  readonly path: Path;
  /** The category path as given (`["产出指标"]`). */
  readonly category: readonly string[];
  /** The category path as name keys (width, script and spaces ignored), to match rows. */
  readonly keys: readonly string[];
  /** 分值 printed on the group, read once. */
  readonly weight: IndicatorRow['weight'];
  /** 得分 printed on the group, read once. */
  readonly printedScore: FigureCell;
}

/**
 * Reads `report.groups` once. A list that is not a list, or a group that is not an object with
 * a `path` of strings, gives an `invalid-report` finding (pushed to `findings`) and is left out.
 *
 * @example
 * ```ts
 * readGroups([{ path: ['产出指标'], weight: '50' }], [])[0]?.weight.value?.toString(); // '50'
 * ```
 */
export function readGroups(raw: unknown, findings: Finding[]): readonly GroupRow[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    findings.push(
      makeFinding('invalid-report', ['groups'], {
        detail: { en: '"groups" must be a list of indicator groups', zh: '“groups”应为指标分组列表' },
      }),
    );
    return [];
  }
  const out: GroupRow[] = [];
  raw.forEach((g: unknown, i) => {
    const path: Path = ['groups', i];
    if (!isRecord(g) || !Array.isArray(g.path) || !g.path.every((p) => typeof p === 'string')) {
      findings.push(
        makeFinding('invalid-report', isRecord(g) ? [...path, 'path'] : path, {
          detail: {
            en: `a group must be an object with a "path" of strings, not ${describeType(g)}`,
            zh: '指标分组应为对象，且 path 为字符串列表',
          },
        }),
      );
      return;
    }
    const category = g.path as readonly string[];
    out.push({
      path,
      category,
      keys: category.map(nameKey),
      weight: weightCell(g.weight),
      printedScore: figureCell(published(g).score),
    });
  });
  return out;
}

/** True when `category` (a row's or a group's path) starts with the group's path. */
export function inGroup(group: GroupRow, category: readonly string[]): boolean {
  if (group.keys.length === 0 || category.length < group.keys.length) return false;
  return group.keys.every((k, i) => nameKey(category[i] as string) === k);
}
