/**
 * Reading a PEFA dataset (DESIGN §3) once into exact amounts: each year's lines and amounts,
 * with `invalid-report` findings for values of the wrong type, `pefa-line-unreadable` for
 * amounts that are not numbers, and the check of a printed total expenditure against its lines.
 * Untrusted input never throws here. Internal to rules/pefa.ts.
 */
import { type Dec, toExact, toFixed, ZERO } from '../core/decimal.js';
import { halfUnit } from '../core/intervals.js';
import { showValue } from '../core/quantity.js';
import { amountUnitInfo, readAmount } from '../figures/budget.js';
import type { ExactLine } from '../figures/pefa.js';
import type { Finding, Messages, Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import { isRecord } from './rows.js';

/** Lines of one table of one year: read, or unreadable (a line or amount that is not one). */
export interface ReadLines {
  readonly lines: readonly ExactLine[];
  /** True when some line could not be read: the table's figures are not computed. */
  readonly unreadable: boolean;
  /** Half a unit of the last printed decimal of each budget / actual, summed (the rounding slack of a sum). */
  readonly slack: { readonly budget: Dec; readonly actual: Dec };
  /** Where the table is, e.g. `["years", 2, "expenditure", "economic"]`. */
  readonly path: Path;
}

/** One amount pair (contingency, interest, a printed total), each column null when not printed. */
export interface ReadAmounts {
  readonly budget: Dec | null;
  readonly actual: Dec | null;
  readonly unreadable: boolean;
  /** Decimals printed in each column (for the rounding of a total). */
  readonly decimals: { readonly budget: number; readonly actual: number };
  readonly slack: { readonly budget: Dec; readonly actual: Dec };
  readonly path: Path;
}

/** The administrative, functional or programme classification used for PI-1 and 2.1. */
export type Classification = 'administrative' | 'functional' | 'programme';

/** One fiscal year as read. */
export interface ReadYear {
  /** Position in `years`. */
  readonly index: number;
  /** The year as printed (`"2018/19"`). */
  readonly label: string;
  /** The first four-digit number of the label (the year the fiscal year starts), or null. */
  readonly start: number | null;
  /** False when `approvedBudget: false`. */
  readonly approved: boolean;
  readonly classification: Classification | null;
  /** Lines of `classification`, or null when none is given. */
  readonly heads: ReadLines | null;
  readonly economic: ReadLines | null;
  readonly contingency: ReadAmounts | null;
  readonly interest: ReadAmounts | null;
  readonly total: ReadAmounts | null;
  readonly revenue: ReadLines | null;
}

/** The dataset as read. */
export interface ReadDataset {
  readonly entity: string | null;
  readonly amountUnit: string | null;
  readonly years: readonly ReadYear[];
}

const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;

function invalid(findings: Finding[], path: Path, expected: string, zhExpected: string, got: unknown): void {
  const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  const detail: Messages = {
    en: `${where === '' ? 'the dataset' : where} must be ${expected}, got ${typeName(got)}`,
    zh: `${where === '' ? '数据集' : where}应为${zhExpected}，实际为${typeName(got)}`,
  };
  findings.push(makeFinding('invalid-report', path, { detail }));
}

const decimalsOfValue = (v: Dec): number => Math.max(0, v.decimalPlaces());

/** Reads one amount cell (internal): the value (null when nothing is printed) and its decimals. */
function readCell(
  raw: unknown,
  unit: ReturnType<typeof amountUnitInfo>,
  path: Path,
  context: { year: string; line: string; column: 'budget' | 'actual' },
  findings: Finding[],
): { ok: true; value: Dec | null; decimals: number } | { ok: false } {
  if (raw === undefined || raw === null) return { ok: true, value: null, decimals: 0 };
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    invalid(findings, path, 'a string or a number', '字符串或数字', raw);
    return { ok: false };
  }
  const r = readAmount(raw, unit);
  if (!r.ok) {
    findings.push(
      makeFinding(
        'pefa-line-unreadable',
        path,
        { ...context, text: showValue(raw), detail: r.message },
        { published: showValue(raw) },
      ),
    );
    return { ok: false };
  }
  if (r.value === null) return { ok: true, value: null, decimals: 0 };
  return { ok: true, value: r.value, decimals: r.quantity?.decimals ?? decimalsOfValue(r.value) };
}

function readLines(
  raw: unknown,
  path: Path,
  year: string,
  unit: ReturnType<typeof amountUnitInfo>,
  findings: Finding[],
): ReadLines | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) {
    invalid(findings, path, 'a list of lines', '明细行列表', raw);
    return { lines: [], unreadable: true, slack: { budget: ZERO, actual: ZERO }, path };
  }
  const lines: ExactLine[] = [];
  let unreadable = false;
  let slackBudget = ZERO;
  let slackActual = ZERO;
  for (let i = 0; i < raw.length; i += 1) {
    const item: unknown = raw[i];
    const at = [...path, i];
    if (!isRecord(item)) {
      invalid(findings, at, 'a line { name, budget, actual }', '明细行 { name, budget, actual }', item);
      unreadable = true;
      continue;
    }
    let name = '';
    if (typeof item.name === 'string') name = item.name;
    else if (item.name !== undefined && item.name !== null) {
      invalid(findings, [...at, 'name'], 'a string', '字符串', item.name);
      name = showValue(item.name);
    }
    const b = readCell(item.budget, unit, [...at, 'budget'], { year, line: name, column: 'budget' }, findings);
    const a = readCell(item.actual, unit, [...at, 'actual'], { year, line: name, column: 'actual' }, findings);
    if (!b.ok || !a.ok) {
      unreadable = true;
      continue;
    }
    if (b.value !== null) slackBudget = slackBudget.plus(halfUnit(b.decimals));
    if (a.value !== null) slackActual = slackActual.plus(halfUnit(a.decimals));
    // Nothing printed in a line's cell counts as 0, as a blank or "-" does in budget tables.
    lines.push({ name, budget: b.value ?? ZERO, actual: a.value ?? ZERO });
  }
  return { lines, unreadable, slack: { budget: slackBudget, actual: slackActual }, path };
}

function readAmounts(
  raw: unknown,
  path: Path,
  year: string,
  name: string,
  unit: ReturnType<typeof amountUnitInfo>,
  findings: Finding[],
): ReadAmounts | null {
  if (raw === undefined || raw === null) return null;
  const none = { budget: ZERO, actual: ZERO };
  if (!isRecord(raw)) {
    invalid(findings, path, 'an object { budget, actual }', '对象 { budget, actual }', raw);
    return { budget: null, actual: null, unreadable: true, decimals: { budget: 0, actual: 0 }, slack: none, path };
  }
  const b = readCell(raw.budget, unit, [...path, 'budget'], { year, line: name, column: 'budget' }, findings);
  const a = readCell(raw.actual, unit, [...path, 'actual'], { year, line: name, column: 'actual' }, findings);
  const bv = b.ok ? b.value : null;
  const av = a.ok ? a.value : null;
  const bd = b.ok ? b.decimals : 0;
  const ad = a.ok ? a.decimals : 0;
  return {
    budget: bv,
    actual: av,
    unreadable: !b.ok || !a.ok,
    decimals: { budget: bd, actual: ad },
    slack: { budget: bv === null ? ZERO : halfUnit(bd), actual: av === null ? ZERO : halfUnit(ad) },
    path,
  };
}

const CLASSIFICATIONS: readonly Classification[] = ['administrative', 'functional', 'programme'];

/** The sum of a table's column (internal). */
export function columnSum(lines: readonly ExactLine[], column: 'budget' | 'actual'): Dec {
  let s = ZERO;
  for (const l of lines) s = s.plus(l[column]);
  return s;
}

/**
 * Checks a printed total expenditure against the heads + interest + contingency, column by
 * column: an error beyond the rounding of the printed amounts (each stands for ± half a unit of
 * its last decimal), `rounding-difference` (info) within it.
 */
function checkTotal(y: ReadYear, findings: Finding[]): void {
  const t = y.total;
  const heads = y.heads;
  if (t === null || heads === null || heads.unreadable || heads.lines.length === 0) return;
  for (const column of ['budget', 'actual'] as const) {
    const printed = t[column];
    if (printed === null) continue;
    let sum = columnSum(heads.lines, column);
    let slack = heads.slack[column].plus(t.slack[column]);
    for (const part of [y.interest, y.contingency]) {
      if (part === null) continue;
      if (part.unreadable) return;
      const v = part[column];
      if (v !== null) {
        sum = sum.plus(v);
        slack = slack.plus(part.slack[column]);
      }
    }
    const diff = sum.minus(printed).abs();
    if (diff.isZero()) continue;
    const d = t.decimals[column];
    const path = [...t.path, column];
    if (diff.lte(slack)) {
      findings.push(
        makeFinding(
          'rounding-difference',
          path,
          {
            figure: 'budget-sum',
            name: `${y.label} total ${column === 'budget' ? 'budget' : 'outturn'}`,
            published: toFixed(printed, d),
            recomputed: toFixed(sum, d),
            low: toFixed(sum.minus(slack), d),
            high: toFixed(sum.plus(slack), d),
          },
          { published: toFixed(printed, d), recomputed: toFixed(sum, d) },
        ),
      );
      continue;
    }
    findings.push(
      makeFinding(
        'pefa-total-mismatch',
        path,
        { year: y.label, column, published: toExact(printed), sum: toExact(sum) },
        { published: toExact(printed), recomputed: toExact(sum) },
      ),
    );
  }
}

/** Reads the dataset; `findings` receives what was found on the way. Never throws. */
export function readDataset(input: unknown, findings: Finding[]): ReadDataset {
  if (!isRecord(input)) {
    invalid(findings, [], 'a PEFA dataset { kind: "pefa", years: [...] }', 'PEFA 数据集 { kind: "pefa", years: [...] }', input);
    return { entity: null, amountUnit: null, years: [] };
  }
  if (input.kind !== undefined && input.kind !== 'pefa') {
    const detail: Messages = {
      en: `kind must be "pefa" for a PEFA dataset, got ${JSON.stringify(showValue(input.kind).slice(0, 40))}`,
      zh: `PEFA 数据集的 kind 应为 "pefa"，实际为 ${JSON.stringify(showValue(input.kind).slice(0, 40))}`,
    };
    findings.push(makeFinding('invalid-report', ['kind'], { detail }));
  }
  let entity: string | null = null;
  if (typeof input.entity === 'string') entity = input.entity;
  else if (input.entity !== undefined && input.entity !== null)
    invalid(findings, ['entity'], 'a string', '字符串', input.entity);
  let amountUnit: string | null = null;
  if (typeof input.amountUnit === 'string' && input.amountUnit.trim() !== '') amountUnit = input.amountUnit;
  else if (input.amountUnit !== undefined && input.amountUnit !== null)
    invalid(findings, ['amountUnit'], 'a non-empty string', '非空字符串', input.amountUnit);
  const unit = amountUnitInfo(amountUnit ?? undefined);
  const rawYears = input.years;
  if (!Array.isArray(rawYears)) {
    invalid(findings, ['years'], 'a list of fiscal years', '财年列表', rawYears);
    return { entity, amountUnit, years: [] };
  }
  const years: ReadYear[] = [];
  for (let i = 0; i < rawYears.length; i += 1) {
    const ry: unknown = rawYears[i];
    const at: Path = ['years', i];
    if (!isRecord(ry)) {
      invalid(findings, at, 'a fiscal year { year, expenditure, revenue }', '财年 { year, expenditure, revenue }', ry);
      continue;
    }
    let label: string;
    if (typeof ry.year === 'string' && ry.year.trim() !== '') label = ry.year.trim();
    else if (typeof ry.year === 'number' && Number.isFinite(ry.year)) label = String(ry.year);
    else {
      invalid(findings, [...at, 'year'], 'the fiscal year as printed ("2018/19" or 2019)', '财年（如 "2018/19" 或 2019）', ry.year);
      continue;
    }
    let approved = true;
    if (ry.approvedBudget === false) approved = false;
    else if (ry.approvedBudget !== undefined && ry.approvedBudget !== true)
      invalid(findings, [...at, 'approvedBudget'], 'true or false', 'true 或 false', ry.approvedBudget);
    const m = /\d{4}/.exec(label);
    const start = m === null ? null : Number(m[0]);
    let classification: Classification | null = null;
    let heads: ReadLines | null = null;
    let economic: ReadLines | null = null;
    let contingency: ReadAmounts | null = null;
    let interest: ReadAmounts | null = null;
    let total: ReadAmounts | null = null;
    const ex = ry.expenditure;
    const ep: Path = [...at, 'expenditure'];
    if (isRecord(ex)) {
      for (const c of CLASSIFICATIONS) {
        if (ex[c] === undefined || ex[c] === null) continue;
        heads = readLines(ex[c], [...ep, c], label, unit, findings);
        classification = c;
        break;
      }
      economic = readLines(ex.economic, [...ep, 'economic'], label, unit, findings);
      contingency = readAmounts(ex.contingency, [...ep, 'contingency'], label, 'contingency', unit, findings);
      interest = readAmounts(ex.interest, [...ep, 'interest'], label, 'interest', unit, findings);
      total = readAmounts(ex.total, [...ep, 'total'], label, 'total', unit, findings);
    } else if (ex !== undefined && ex !== null) {
      invalid(findings, ep, 'an object of expenditure tables', '支出表对象', ex);
    }
    const revenue = readLines(ry.revenue, [...at, 'revenue'], label, unit, findings);
    const y: ReadYear = {
      index: i,
      label,
      start,
      approved,
      classification,
      heads,
      economic,
      contingency,
      interest,
      total,
      revenue,
    };
    checkTotal(y, findings);
    years.push(y);
  }
  return { entity, amountUnit, years };
}
