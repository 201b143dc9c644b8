/**
 * A quick, zod-free test that a parsed JSON value is a well-formed report, so that the CLI
 * can skip loading `outturn/schema` (zod) for the common case.
 *
 * It is conservative: it answers true only when every field it knows has exactly the type the
 * schema requires, and the value has none of the keys that `parseReport` strips
 * (`__proto__`, `constructor`, `prototype`). Anything else, including a report that the
 * schema would accept but this test does not recognise, answers false, and the caller then
 * runs the full `parseReport`. A test pins that `isWellFormedReport(x)` implies
 * `parseReport(x)` gives `ok: true` with no findings.
 *
 * @internal
 */
import { isFigure } from '../core/quantity.js';

/** Nesting of budget trees this quick test walks before deferring to the full schema. */
const MAX_DEPTH = 200;

const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k of UNSAFE_KEYS) if (Object.hasOwn(v, k)) return false;
  return true;
}

/** An optional field that may also be null. */
function optFigure(o: Obj, key: string): boolean {
  const v = o[key];
  return v === undefined || v === null || isFigure(v);
}

function optText(o: Obj, key: string): boolean {
  const v = o[key];
  return v === undefined || v === null || typeof v === 'string';
}

function optString(o: Obj, key: string): boolean {
  const v = o[key];
  return v === undefined || typeof v === 'string';
}

/** Every value nested anywhere below `v` is free of unsafe keys (unknown fields are kept). */
function safeDeep(v: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(v)) return v.every((x) => safeDeep(x, depth + 1));
  if (typeof v === 'object' && v !== null) {
    if (!isObject(v)) return false;
    return Object.values(v).every((x) => safeDeep(x, depth + 1));
  }
  return true;
}

function publishedOk(o: Obj, keys: readonly string[]): boolean {
  const p = o.published;
  if (p === undefined) return true;
  if (!isObject(p)) return false;
  return keys.every((k) => optFigure(p, k));
}

function budgetLineOk(line: unknown): line is Obj {
  return (
    isObject(line) &&
    typeof line.name === 'string' &&
    (line.kind === undefined || line.kind === 'expenditure' || line.kind === 'revenue') &&
    ['initial', 'adjustment', 'adjusted', 'actual', 'weight', 'periodActual', 'expectedActual'].every((k) =>
      optFigure(line, k),
    ) &&
    publishedOk(line, ['executionRate', 'score', 'variance', 'periodRate', 'timeProgress']) &&
    (line.children === undefined || Array.isArray(line.children))
  );
}

function budgetOk(roots: unknown): boolean {
  if (roots === undefined) return true;
  if (!Array.isArray(roots)) return false;
  const stack: [unknown, number][] = roots.map((r) => [r, 0]);
  while (stack.length > 0) {
    const [line, depth] = stack.pop() as [unknown, number];
    if (depth > MAX_DEPTH || !budgetLineOk(line)) return false;
    for (const child of (line.children as unknown[] | undefined) ?? []) stack.push([child, depth + 1]);
  }
  return true;
}

function targetOk(t: unknown): boolean {
  if (typeof t === 'string') return true;
  if (typeof t === 'number') return Number.isFinite(t);
  return isObject(t) && typeof t.operator === 'string' && isFigure(t.value);
}

function indicatorOk(row: unknown): boolean {
  return (
    isObject(row) &&
    typeof row.name === 'string' &&
    targetOk(row.target) &&
    (row.path === undefined || (Array.isArray(row.path) && row.path.every((p) => typeof p === 'string'))) &&
    optFigure(row, 'actual') &&
    optFigure(row, 'weight') &&
    optText(row, 'unit') &&
    optText(row, 'source') &&
    optText(row, 'reason') &&
    optFigure(row, 'periodActual') &&
    optFigure(row, 'expectedActual') &&
    optText(row, 'likelihood') &&
    publishedOk(row, ['deviation', 'score']) &&
    (row.published === undefined || optText(row.published as Obj, 'status'))
  );
}

function groupOk(g: unknown): boolean {
  return (
    isObject(g) &&
    Array.isArray(g.path) &&
    g.path.every((p) => typeof p === 'string') &&
    optFigure(g, 'weight') &&
    publishedOk(g, ['score'])
  );
}

function goalOk(g: unknown): boolean {
  return isObject(g) && optText(g, 'expected') && optText(g, 'actual');
}

/** A monitoring period: absent, or an object whose `months` is a number or a string and `through` a string. */
function periodOk(p: unknown): boolean {
  if (p === undefined) return true;
  if (!isObject(p)) return false;
  const m = p.months;
  const t = p.through;
  return (
    (m === undefined || typeof m === 'string' || (typeof m === 'number' && Number.isFinite(m))) &&
    (t === undefined || typeof t === 'string')
  );
}

/**
 * True when `value` is certainly a well-formed report (see the module comment); false means
 * "run the full schema", not "invalid".
 */
export function isWellFormedReport(value: unknown): boolean {
  if (!isObject(value)) return false;
  const r = value;
  if (r.kind !== undefined && r.kind !== 'department' && r.kind !== 'project' && r.kind !== 'monitoring')
    return false;
  if (!periodOk(r.period) || !optString(r, 'fiscalYearStart')) return false;
  if (!optString(r, 'title') || !optString(r, 'entity')) return false;
  if (r.year !== undefined && !Number.isSafeInteger(r.year)) return false;
  if (
    r.amountUnit !== undefined &&
    !(typeof r.amountUnit === 'string' && r.amountUnit.trim() !== '' && r.amountUnit.length <= 40)
  ) {
    return false;
  }
  if (!budgetOk(r.budget)) return false;
  if (r.indicators !== undefined && !(Array.isArray(r.indicators) && r.indicators.every(indicatorOk)))
    return false;
  if (r.groups !== undefined && !(Array.isArray(r.groups) && r.groups.every(groupOk))) return false;
  if (r.goals !== undefined && !(Array.isArray(r.goals) && r.goals.every(goalOk))) return false;
  if (
    r.staffing !== undefined &&
    !(isObject(r.staffing) && optFigure(r.staffing, 'authorized') && optFigure(r.staffing, 'actual'))
  ) {
    return false;
  }
  if (
    r.published !== undefined &&
    !(isObject(r.published) && optFigure(r.published, 'totalScore') && optText(r.published, 'grade'))
  ) {
    return false;
  }
  return safeDeep(value, 0);
}
