/**
 * The review rules of the whole table (target-review-rules.md A, C 12, F, G 20): the blocks
 * of the framework, cost against the funds, the funds themselves, the weights, the goal text.
 *
 * @internal
 */
import { type Dec, dec, toExact, ZERO } from '../core/decimal.js';
import { parseQuantity, quantityValue } from '../core/quantity.js';
import { nameKey, normalizeText } from '../core/text.js';
import { lookupUnit, type UnitInfo } from '../core/units.js';
import type { Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { RowRef } from '../model/messages/params.js';
import type { Emitter } from './review-emit.js';
import { type FundAmount, isRecord, printIn, type ReviewRow, readFund } from './review-read.js';

/** Rules 1–4: the blocks of the indicator framework. */
export function checkFramework(rows: readonly ReviewRow[], e: Emitter): void {
  const path = ['indicators'];
  const l1 = (k: ReviewRow['level1']) => rows.some((r) => r.level1 === k);
  const output = l1('output');
  if (!output) e.emit('1', 'dimension-missing', path, { block: ['产出指标'] });
  if (!l1('outcome')) e.emit('1', 'dimension-missing', path, { block: ['效益指标'] });
  if (!rows.some((r) => r.level1 === 'satisfaction' || r.level2 === 'satisfaction')) {
    e.emit('2', 'dimension-missing', path, { block: ['满意度指标'] });
  }
  if (!rows.some((r) => r.cost)) e.emit('3', 'dimension-missing', path, { block: ['成本指标'] });
  if (!output) return;
  const under = rows.filter((r) => r.level1 === 'output');
  for (const [k, label] of [
    ['quantity', '数量指标'],
    ['quality', '质量指标'],
    ['time', '时效指标'],
  ] as const) {
    if (!under.some((r) => r.level2 === k))
      e.emit('4', 'dimension-missing', path, { block: ['产出指标', label] });
  }
}

/** The funds of the table, each in 元 with its text (internal). */
export interface Funds {
  readonly total: FundAmount | null;
  readonly fiscal: FundAmount | null;
  readonly other: FundAmount | null;
  readonly carriedOver: FundAmount | null;
  readonly basic: FundAmount | null;
  readonly projects: FundAmount | null;
  readonly lines: readonly { readonly name: string; readonly amount: FundAmount; readonly index: number }[];
}

/**
 * Rule 18 for a 部门整体 table: the 年度履职目标 task amounts against the funds. Above the total is
 * an error; a sum that is neither the total nor 项目支出 is info (a table may list only its main
 * tasks); equal to either is the good case.
 */
export function checkTasks(tasks: unknown, funds: Funds | null, unit: UnitInfo, e: Emitter): void {
  if (!Array.isArray(tasks) || funds === null || funds.total === null) return;
  const parts: string[] = [];
  let sum = ZERO;
  let read = 0;
  tasks.forEach((t: unknown, i: number) => {
    if (!isRecord(t)) return;
    const amount = readFund(t.amount, unit);
    if (amount === 'bad') {
      e.plain(
        makeFinding('unparsable-value', ['tasks', i, 'amount'], {
          kind: 'cell',
          detail: {
            en: `the task amount "${String(t.amount)}" is not an amount of money`,
            zh: `任务金额“${String(t.amount)}”不是金额`,
          },
        }),
      );
      return;
    }
    if (amount === null) return;
    read += 1;
    sum = sum.plus(amount.value);
    parts.push(show(typeof t.name === 'string' ? t.name : '', amount));
  });
  if (read === 0) return;
  const total = funds.total;
  const params = { kind: 'tasks' as const, total: total.text, parts, sum: printIn(sum, unit) };
  if (sum.gt(total.value)) e.emit('18', 'funds-mismatch', ['tasks'], params);
  else if (!sum.equals(total.value) && !(funds.projects?.value.equals(sum) ?? false)) {
    e.emit('18', 'funds-mismatch', ['tasks'], params, { note: true });
  }
}

/** Reads `project.funds`; a figure that is not an amount is `unparsable-value` with its path. */
export function readFunds(project: unknown, unit: UnitInfo, e: Emitter): Funds | null {
  if (!isRecord(project) || !isRecord(project.funds)) return null;
  const f = project.funds;
  const read = (key: string, v: unknown, path: (string | number)[]): FundAmount | null => {
    const r = readFund(v, unit);
    if (r === 'bad') {
      e.plain(
        makeFinding('unparsable-value', path, {
          kind: 'cell',
          detail: {
            en: `the funds figure "${String(v)}" (${key}) is not an amount of money`,
            zh: `资金数“${String(v)}”（${key}）不是金额`,
          },
        }),
      );
      return null;
    }
    return r;
  };
  const base = ['project', 'funds'];
  const lines: Funds['lines'][number][] = [];
  if (Array.isArray(f.lines)) {
    f.lines.forEach((line: unknown, i: number) => {
      if (!isRecord(line)) return;
      const amount = read('lines', line.value, [...base, 'lines', i, 'value']);
      if (amount !== null)
        lines.push({ name: typeof line.name === 'string' ? line.name : '', amount, index: i });
    });
  }
  return {
    total: read('total', f.total, [...base, 'total']),
    fiscal: read('fiscal', f.fiscal, [...base, 'fiscal']),
    other: read('other', f.other, [...base, 'other']),
    carriedOver: read('carriedOver', f.carriedOver, [...base, 'carriedOver']),
    basic: read('basic', f.basic, [...base, 'basic']),
    projects: read('projects', f.projects, [...base, 'projects']),
    lines,
  };
}

/** The funds a cost is compared with: the total, or 财政拨款 + 其他资金 when no total is printed. */
export function fundsTotal(funds: Funds | null): Dec | null {
  if (funds === null) return null;
  if (funds.total !== null) return funds.total.value;
  if (funds.fiscal !== null && funds.other !== null) return funds.fiscal.value.plus(funds.other.value);
  return null;
}

const show = (label: string, a: FundAmount): string => `${label} ${a.text}`;

/** Rule 18: total = 财政拨款 + 其他资金 (+ 上年结转 when printed), sub-lines within the total. */
export function checkFunds(funds: Funds | null, unit: UnitInfo, e: Emitter): void {
  if (funds === null || funds.total === null) {
    e.skip('18', 'no-funds');
    return;
  }
  const total = funds.total;
  const path = ['project', 'funds', 'total'];
  const out = (v: Dec) => printIn(v, unit);
  const { fiscal, other, carriedOver } = funds;
  if (fiscal !== null && other !== null) {
    const sum = fiscal.value.plus(other.value);
    const withCarried = carriedOver === null ? null : sum.plus(carriedOver.value);
    if (!sum.equals(total.value) && !(withCarried?.equals(total.value) ?? false)) {
      const parts = [show('财政拨款', fiscal), show('其他资金', other)];
      if (carriedOver !== null && !carriedOver.value.isZero()) parts.push(show('上年结转', carriedOver));
      e.emit(
        '18',
        'funds-mismatch',
        path,
        { kind: 'sum', total: total.text, parts, sum: out(withCarried ?? sum) },
        { published: total.text, recomputed: out(sum) },
      );
    }
  } else {
    for (const [label, part] of [
      ['财政拨款', fiscal],
      ['其他资金', other],
    ] as const) {
      if (part?.value.gt(total.value)) {
        e.emit('18', 'funds-mismatch', path, {
          kind: 'line',
          total: total.text,
          parts: [show(label, part)],
          sum: part.text,
        });
      }
    }
  }
  if (funds.basic !== null && funds.projects !== null) {
    const sum = funds.basic.value.plus(funds.projects.value);
    if (!sum.equals(total.value)) {
      e.emit('18', 'funds-mismatch', path, {
        kind: 'sum',
        total: total.text,
        parts: [show('基本支出', funds.basic), show('项目支出', funds.projects)],
        sum: out(sum),
      });
    }
  }
  let sum = ZERO;
  for (const line of funds.lines) {
    sum = sum.plus(line.amount.value);
    if (line.amount.value.gt(total.value)) {
      e.emit('18', 'funds-mismatch', ['project', 'funds', 'lines', line.index, 'value'], {
        kind: 'line',
        total: total.text,
        parts: [show(line.name, line.amount)],
        sum: line.amount.text,
      });
    }
  }
  if (funds.lines.length > 1 && sum.gt(total.value)) {
    e.emit('18', 'funds-mismatch', path, {
      kind: 'lines',
      total: total.text,
      parts: funds.lines.map((l) => show(l.name, l.amount)),
      sum: out(sum),
    });
  }
}

/** A row's target figure with its unit, without the comparator: `501元`, `200亩`. */
function figureOf(row: ReviewRow): string {
  const t = row.target;
  return t?.kind === 'comparison' ? `${t.value.value}${t.value.unit ?? ''}` : row.targetText;
}

/** The longest run of characters two keys share (rule 12 and 17 matching of names). */
export function commonRun(a0: string, b0: string): number {
  // Names of real tables are short; a hostile one is cut, so that this stays cheap.
  const a = a0.slice(0, 120);
  const b = b0.slice(0, 120);
  let best = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k += 1;
      if (k > best) best = k;
    }
  }
  return best;
}

/** Σ unit cost × quantity as rule 12 computed it: every term, exactly, in 元. */
export interface CostProducts {
  readonly terms: readonly {
    /** The unit-cost row. */
    readonly cost: Path;
    /** The row whose target is the quantity it is counted per. */
    readonly quantity: Path;
    /** unit cost × quantity in 元, exact. */
    readonly product: string;
  }[];
  /** Σ of the products in 元, exact. */
  readonly sum: string;
  /** The funds in 元, exact (null when the table prints none). */
  readonly funds: string | null;
  /**
   * Unit costs not summed, with how many rows print a quantity in the unit they are per: 0 (no
   * quantity printed) or several that the names do not tell apart (read two ways).
   */
  readonly unpaired: readonly { readonly cost: Path; readonly per: string; readonly candidates: number }[];
}

/**
 * Rule 12: cost ceilings, and Σ unit cost × quantity, against the funds and a printed standard.
 * Returns the products it summed and the unit costs it could not pair (null when the table has no unit cost).
 */
export function checkCostFunds(
  rows: readonly ReviewRow[],
  funds: Funds | null,
  unit: UnitInfo,
  e: Emitter,
): CostProducts | null {
  const total = fundsTotal(funds);
  const fundsText = funds?.total?.text ?? (total === null ? '' : printIn(total, unit));
  for (const row of rows) {
    if (row.money === null || row.unitCost !== null || row.target?.kind !== 'comparison') continue;
    const path = [...row.path, 'target'];
    if (total !== null && row.money.gt(total)) {
      e.emit(
        '12',
        'cost-over-funds',
        path,
        { kind: 'single', row: row.ref, cost: row.targetText, funds: fundsText },
        { published: row.targetText, recomputed: fundsText },
      );
    }
    const std =
      typeof row.source.standard === 'string'
        ? parseQuantity(
            normalizeText(row.source.standard)
              .replace(/\([^()]*\)/gu, '')
              .trim(),
          )
        : null;
    if (std?.ok && std.quantity !== null && std.quantity.unit !== null) {
      const su = lookupUnit(std.quantity.unit);
      if (su?.dimension === 'money' && row.money.gt(quantityValue(std.quantity).times(su.factor))) {
        e.emit('12', 'cost-over-funds', path, {
          kind: 'standard',
          row: row.ref,
          cost: row.targetText,
          standard: String(row.source.standard),
        });
      }
    }
  }
  if (
    total === null &&
    !rows.some((r) => r.money !== null && r.unitCost === null && r.source.standard !== undefined)
  ) {
    e.skip('12', 'no-funds');
  }
  const terms: string[] = [];
  const refs: RowRef[] = [];
  const products: CostProducts['terms'][number][] = [];
  const unpaired: CostProducts['unpaired'][number][] = [];
  let sum = ZERO;
  const byDimension = quantitiesByDimension(rows);
  for (const row of rows) {
    if (row.unitCost === null || row.money === null) continue;
    const per = lookupUnit(row.unitCost.per);
    if (per === null) continue;
    const quantity = quantityFor(row, per, byDimension);
    if ('candidates' in quantity) {
      unpaired.push({ cost: row.path, per: row.unitCost.per, candidates: quantity.candidates });
      continue;
    }
    const product = row.money.times(quantity.value);
    sum = sum.plus(product);
    terms.push(`${figureOf(row)}/${row.unitCost.per} × ${figureOf(quantity.row)} = ${toExact(product)}元`);
    refs.push(row.ref);
    products.push({ cost: row.path, quantity: quantity.row.path, product: toExact(product) });
  }
  if (products.length === 0 && unpaired.length === 0) return null;
  const result: CostProducts = {
    terms: products,
    sum: toExact(sum),
    funds: total === null ? null : toExact(total),
    unpaired,
  };
  if (total !== null && sum.gt(total)) {
    e.emit(
      '12',
      'cost-over-funds',
      ['indicators'],
      { kind: 'products', rows: refs, terms, sum: printIn(sum, unit), funds: fundsText },
      { recomputed: printIn(sum, unit), published: fundsText },
    );
  }
  return result;
}

/**
 * The planned quantity a unit cost is counted per (元/亩 × 亩): the one non-cost row whose target
 * is in the same unit (converted: 公顷 to 亩), or among several the one whose name shares the
 * longest run of words with the cost's (at least two characters, and no tie). Otherwise how many
 * rows it could be: a table read two ways is not summed.
 */
function quantityFor(
  cost: ReviewRow,
  per: UnitInfo,
  byDimension: ReadonlyMap<string, readonly Quantified[]>,
): { value: Dec; row: ReviewRow } | { candidates: number } {
  const found = byDimension.get(per.dimension) ?? [];
  const none = { candidates: found.length };
  if (found.length <= 1) {
    const only = found[0];
    return only === undefined ? none : { value: only.value.dividedBy(per.factor), row: only.row };
  }
  // Many rows of one unit cannot name one quantity: read two ways (and bounded work).
  if (found.length > MAX_PAIRING) return none;
  const scored = found.map((f) => ({ f, n: commonRun(f.row.key, cost.key) })).sort((a, b) => b.n - a.n);
  const [first, second] = scored;
  if (first === undefined || first.n < 2 || (second !== undefined && second.n === first.n)) return none;
  return { value: first.f.value.dividedBy(per.factor), row: first.f.row };
}

/** Most rows of one unit a unit cost is paired among (a real table has a handful). */
const MAX_PAIRING = 200;

/** A planned quantity in its dimension's base unit (internal). */
interface Quantified {
  readonly row: ReviewRow;
  readonly value: Dec;
}

/** The non-cost rows with a quantity, by the dimension of their unit, in base units. */
function quantitiesByDimension(rows: readonly ReviewRow[]): Map<string, Quantified[]> {
  const out = new Map<string, Quantified[]>();
  for (const r of rows) {
    if (r.cost || r.unitCost !== null || r.target?.kind !== 'comparison' || r.target.value.unit === null)
      continue;
    const u = lookupUnit(r.target.value.unit);
    if (u === null) continue;
    const list = out.get(u.dimension) ?? [];
    list.push({ row: r, value: quantityValue(r.target.value).times(u.factor) });
    out.set(u.dimension, list);
  }
  return out;
}

/** Rule 19: printed weights sum to 100, or 90 beside a 10-point 预算执行率; the 一级 split (info). */
export function checkWeights(
  rows: readonly ReviewRow[],
  report: Readonly<Record<string, unknown>>,
  e: Emitter,
): void {
  const weights: { row: ReviewRow; value: Dec }[] = [];
  let missing = 0;
  for (const row of rows) {
    const w = row.source.weight;
    if (w === undefined || w === null || w === '') {
      missing += 1;
      continue;
    }
    const q = typeof w === 'string' || typeof w === 'number' ? parseQuantity(w) : null;
    if (q === null || !q.ok || q.quantity === null) {
      missing += 1;
      continue;
    }
    weights.push({ row, value: quantityValue(q.quantity) });
  }
  if (weights.length === 0 || missing > 0) {
    e.skip('19', 'no-weights');
    return;
  }
  const sum = weights.reduce((a, w) => a.plus(w.value), ZERO);
  const exec = isRecord(report.budgetExecution) ? report.budgetExecution.weight : undefined;
  const eq = typeof exec === 'string' || typeof exec === 'number' ? parseQuantity(exec) : null;
  const execWeight = eq?.ok && eq.quantity !== null ? quantityValue(eq.quantity) : null;
  const ok = sum.equals(100) || sum.equals(90) || (execWeight !== null && sum.plus(execWeight).equals(100));
  if (!ok) {
    e.emit(
      '19',
      'weight-sum-mismatch',
      ['indicators'],
      { sum: toExact(sum), expected: '100 / 90' },
      { recomputed: toExact(sum) },
    );
    return;
  }
  // The 10号 split, only where the table is of that tree (no 成本 一级) and 预算执行率 is apart.
  if (!sum.equals(90) || rows.some((r) => r.level1 === 'cost' || r.level1 === null || r.level1 === 'other'))
    return;
  for (const [level, label, expected] of [
    ['output', '产出指标', '50'],
    ['outcome', '效益指标', '30'],
    ['satisfaction', '满意度指标', '10'],
  ] as const) {
    const s = weights.filter((w) => w.row.level1 === level).reduce((a, w) => a.plus(w.value), ZERO);
    if (!s.equals(dec(expected))) {
      e.emit(
        '19',
        'weight-sum-mismatch',
        ['indicators'],
        { sum: toExact(s), expected, group: [label], basis: 'default-split' },
        { note: true },
      );
    }
  }
}

/** Rule 20: footnotes of the model table left under the table. */
export function checkFootnotes(notes: unknown, e: Emitter): void {
  if (!Array.isArray(notes)) return;
  notes.forEach((n: unknown, i: number) => {
    if (typeof n !== 'string') return;
    const key = nameKey(n);
    if (key.includes('请根据实际情况') || key.includes('为必填') || key.includes('三颗星')) {
      e.emit('20', 'template-residue', ['notes', i], {
        row: null,
        kind: 'footnote',
        text: n.length > 60 ? `${n.slice(0, 57)}…` : n,
      });
    }
  });
}
