/**
 * Reads a target table once into the row model every review rule works on: each row's
 * category (一级/二级 by the words of its path), its target parsed by parseTarget, its unit
 * cost, its date, and the funds in 元, exactly.
 *
 * @internal
 */
import type { Dec } from '../core/decimal.js';
import {
  isFigure,
  parseQuantity,
  type Quantity,
  quantityValue,
  readUnitColumn,
  showValue,
} from '../core/quantity.js';
import { nameKey, normalizeText } from '../core/text.js';
import { lookupUnit, type UnitInfo } from '../core/units.js';
import { readTimeTarget, type TimeTarget } from '../figures/period.js';
import { type ParseTargetResult, parseTarget, type Target } from '../figures/target.js';
import { readUnitCost, type UnitCostTarget } from '../figures/unit-cost.js';
import type { Finding, Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { RowRef } from '../model/messages/params.js';
import type { TargetCells } from '../model/report.js';

/** 一级 blocks of the indicator framework. */
export type Level1 = 'output' | 'outcome' | 'satisfaction' | 'cost' | 'other';
/** 二级 blocks. */
export type Level2 =
  | 'quantity'
  | 'quality'
  | 'time'
  | 'cost'
  | 'economic'
  | 'social'
  | 'ecological'
  | 'sustainable'
  | 'satisfaction'
  | 'other';

/** What a row's target is, as the review reads it. */
export type IndicatorKind =
  | 'empty'
  | 'unparsable'
  | 'qualitative'
  | 'deadline'
  | 'date'
  | 'quantity'
  | 'range'
  | 'band'
  | 'cost'
  | 'unit-cost';

/** One row of the table as the rules read it (internal). */
export interface ReviewRow {
  readonly index: number;
  readonly path: Path;
  readonly ref: RowRef;
  /** The name as printed. */
  readonly name: string;
  /** The name without template hints (`(≥**个)`), stars and brackets at its end, as a name key. */
  readonly key: string;
  readonly category: readonly string[];
  readonly level1: Level1 | null;
  readonly level2: Level2 | null;
  /** True when the row sits under a 成本 block; `costMoney` when its target must be money (not 社会/生态环境成本). */
  readonly cost: boolean;
  readonly costMoney: boolean;
  /** The target as printed, operator and value joined for two cells. */
  readonly targetText: string;
  readonly parsed: ParseTargetResult;
  /** The target read as a comparison, a range or a band (`±3%以内`), or null. */
  readonly target: Target | null;
  /** True for a `±` band. */
  readonly band: boolean;
  /** The unit column as printed when it is not a unit (`每年一次`), or null. */
  readonly badUnit: string | null;
  /** True when the operator came from the 指标方向 column (正向/反向), not from the target cell. */
  readonly directionColumn: boolean;
  readonly unitCost: UnitCostTarget | null;
  readonly time: TimeTarget | null;
  readonly kind: IndicatorKind;
  /** The money amount of a cost target in 元 (total or per unit), or null. */
  readonly money: Dec | null;
  readonly source: Readonly<Record<string, unknown>>;
}

/** True for a plain object. */
export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const has = (s: string, ...words: string[]): boolean => words.some((w) => s.includes(w));

function level1Of(segment: string | undefined): Level1 | null {
  if (segment === undefined) return null;
  const s = nameKey(segment);
  if (s === '') return null;
  if (has(s, '满意')) return 'satisfaction';
  if (has(s, '产出')) return 'output';
  if (has(s, '效益', '效果', '影响')) return 'outcome';
  if (has(s, '成本')) return 'cost';
  return 'other';
}

function level2Of(segment: string | undefined): Level2 | null {
  if (segment === undefined) return null;
  const s = nameKey(segment);
  if (s === '') return null;
  if (has(s, '满意')) return 'satisfaction';
  if (has(s, '数量')) return 'quantity';
  if (has(s, '质量')) return 'quality';
  if (has(s, '时效')) return 'time';
  if (has(s, '成本')) return 'cost';
  if (has(s, '可持续')) return 'sustainable';
  if (has(s, '经济')) return 'economic';
  if (has(s, '社会')) return 'social';
  if (has(s, '生态')) return 'ecological';
  return 'other';
}

/**
 * The name without template hints (`(≥**个)`, `（≤**元/株）`), core-indicator stars and a bracket
 * at its end, as a name key: the words the rules match on.
 */
export function cleanName(name: string): string {
  let s = nameKey(name).replace(/[★☆*]+/gu, '');
  // At most a few brackets at the end (a unit, a hint): bounded work on a hostile name.
  for (let n = 0; n < 4; n += 1) {
    const close = s.endsWith(')') ? '(' : null;
    if (close === null) break;
    const open = s.lastIndexOf(close);
    if (open <= 0) break;
    s = s.slice(0, open);
  }
  return s;
}

/**
 * A unit printed in brackets at the end of a name (`开展培训次数（次）`, `满意度(%)`, `补助标准（元/亩）`),
 * or null. A template hint (`(≥**个)`) is not a unit column: it is rule 20's residue.
 */
export function bracketUnit(name: string): string | null {
  const s = normalizeText(name);
  if (!s.endsWith(')')) return null;
  const open = s.lastIndexOf('(');
  if (open < 0) return null;
  const inner = s.slice(open + 1, -1).trim();
  if (inner === '' || inner.includes('*') || inner.length > 8) return null;
  const column = readUnitColumn(inner);
  if (!column.ok || column.unit === null) return null;
  const u = lookupUnit(column.unit);
  // Only units outturn knows: a bracketed word (（试点）, （一期）) is no unit.
  if (u === null || u.dimension.startsWith('other:')) return inner.includes('/') ? inner : null;
  return inner;
}

/** The unit hinted in a name's template bracket: `(≥**株)` → `株`, `(≤**元/株)` → `元/株`. */
export function hintedUnit(name: string): string | null {
  const s = normalizeText(name);
  const at = s.lastIndexOf('**');
  if (at < 0) return null;
  const close = s.indexOf(')', at);
  const unit = (close < 0 ? s.slice(at + 2) : s.slice(at + 2, close)).trim();
  return unit === '' ? null : unit;
}

function targetTextOf(t: unknown): string {
  if (typeof t === 'string') return t;
  if (typeof t === 'number') return String(t);
  if (isRecord(t)) return `${typeof t.operator === 'string' ? t.operator : ''}${showValue(t.value ?? '')}`;
  return '';
}

/** A money unit of a cost or a fund: money units, and 万/亿 alone (`250万` in a 万元 table). */
export function moneyUnit(unit: string | null): UnitInfo | null {
  if (unit === null) return null;
  const u = lookupUnit(unit);
  if (u === null) return null;
  if (u.dimension === 'money') return u;
  if (unit === '万' || unit === '亿') return lookupUnit(`${unit}元`);
  return null;
}

/** An amount in 元, from a quantity with a money unit, or a bare one in `amountUnit`. */
export function amountInYuan(q: Quantity, amountUnit: UnitInfo): Dec | null {
  const u = q.unit === null ? amountUnit : moneyUnit(q.unit);
  if (u === null) return null;
  return quantityValue(q).times(u.factor);
}

const BAND = /^±\s*/u;

/** Reads one row, or null (with an invalid-report finding) when it is not a row. */
export function readRow(source: unknown, index: number, findings: Finding[]): ReviewRow | null {
  const path: Path = ['indicators', index];
  if (!isRecord(source)) {
    findings.push(
      makeFinding('invalid-report', path, {
        detail: { en: 'an indicator row must be an object', zh: '指标行应为对象' },
      }),
    );
    return null;
  }
  const name = typeof source.name === 'string' ? source.name : '';
  const category = Array.isArray(source.path)
    ? source.path.filter((p): p is string => typeof p === 'string')
    : [];
  // The unit column, or a unit printed in brackets at the end of the name (`培训次数（次）`).
  const unit = typeof source.unit === 'string' && source.unit.trim() !== '' ? source.unit : bracketUnit(name);
  const key = cleanName(name);
  const level1 = level1Of(category[0]);
  const level2 = level2Of(category[1]) ?? (level1 === 'satisfaction' ? 'satisfaction' : null);
  const costSegment = category.findIndex((c) => nameKey(c).includes('成本'));
  const cost = costSegment >= 0;
  const costMoney = cost && !has(nameKey(category[costSegment + 1] ?? ''), '社会', '生态');
  const raw: unknown = source.target;
  const targetText = targetTextOf(raw);
  const targetOk =
    typeof raw === 'string' ||
    (typeof raw === 'number' && Number.isFinite(raw)) ||
    (isRecord(raw) &&
      (raw.operator === undefined || typeof raw.operator === 'string') &&
      (raw.value === undefined || raw.value === null || isFigure(raw.value)));
  if (!targetOk && raw !== undefined && raw !== null) {
    findings.push(
      makeFinding('invalid-report', [...path, 'target'], {
        detail: {
          en: 'a target must be text, a finite number or { operator, value }',
          zh: '指标值应为文字、有限数值或 { operator, value }',
        },
      }),
    );
  }
  const input: string | number | TargetCells = targetOk ? (raw as string | number | TargetCells) : '';
  const context = { name: key, unit, path: category };
  const unitOk = unit === null || readUnitOk(unit);
  const band = typeof input === 'string' && BAND.test(normalizeText(input));
  let parsed: ParseTargetResult = unitOk
    ? parseTarget(band ? normalizeText(input as string).replace(BAND, '') : input, context)
    : parseTarget(input, { name: key, path: category });
  const read = readUnitCost(input, context);
  // A unit cost is a cost row's target, or any target counted in money per unit (元/人).
  const unitCost = read !== null && (cost || isMoney(read.amount)) ? read : null;
  // A unit cost's amount is the figure before `/` (`475元` of `475元/亩`), whatever the whole reads as.
  if (unitCost?.amount.ok) parsed = unitCost.amount;
  let target = parsed.ok ? parsed.target : null;
  const direction = typeof source.direction === 'string' ? nameKey(source.direction) : '';
  let directionColumn = false;
  if (
    target?.kind === 'comparison' &&
    target.implicit &&
    (direction.startsWith('正向') || direction.startsWith('反向'))
  ) {
    target = { ...target, operator: direction.startsWith('正向') ? '>=' : '<=', implicit: false };
    directionColumn = true;
  }
  const time =
    typeof input === 'string' &&
    (target === null || target.kind !== 'comparison' || target.value.unit === null)
      ? readTimeTarget(input)
      : null;
  const money = moneyOf(target, unitCost, cost);
  const kind = kindOf(targetText, parsed, target, band, unitCost, time, cost, money);
  return {
    index,
    path,
    ref: { name, path },
    name,
    key,
    category,
    level1,
    level2,
    cost,
    costMoney,
    targetText,
    parsed,
    target: kind === 'date' || kind === 'deadline' ? null : target,
    band,
    badUnit: unitOk ? null : unit,
    directionColumn,
    unitCost,
    time,
    kind,
    money,
    source,
  };
}

function isMoney(r: ParseTargetResult): boolean {
  return r.ok && r.target?.kind === 'comparison' && moneyUnit(r.target.value.unit) !== null;
}

function readUnitOk(unit: string): boolean {
  return parseTarget('1', { unit }).ok;
}

function moneyOf(target: Target | null, unitCost: UnitCostTarget | null, cost: boolean): Dec | null {
  if (!cost || target?.kind !== 'comparison') return null;
  const q = target.value;
  if (unitCost !== null) {
    const u = moneyUnit(q.unit);
    return u === null ? null : quantityValue(q).times(u.factor);
  }
  const u = q.unit === null ? null : moneyUnit(q.unit);
  return u === null ? null : quantityValue(q).times(u.factor);
}

function kindOf(
  text: string,
  parsed: ParseTargetResult,
  target: Target | null,
  band: boolean,
  unitCost: UnitCostTarget | null,
  time: TimeTarget | null,
  cost: boolean,
  money: Dec | null,
): IndicatorKind {
  if (isEmptyTarget(text)) return 'empty';
  if (time !== null) return time.kind === 'deadline' ? 'deadline' : 'date';
  if (!parsed.ok) return 'unparsable';
  if (target === null) return 'empty';
  if (target.kind === 'qualitative') return target.deadline !== undefined ? 'deadline' : 'qualitative';
  if (band) return 'band';
  if (target.kind === 'range') return 'range';
  if (unitCost !== null) return 'unit-cost';
  if (cost && money !== null) return 'cost';
  return 'quantity';
}

/** A form row left blank: no name and an empty target (rule 5: not an indicator, not a finding). */
export function isBlankRow(row: ReviewRow): boolean {
  return nameKey(row.name) === '' && isEmptyTarget(row.targetText);
}

/** Cell contents that leave a target empty (rule 6): nothing, `-`, `_`, `*`, `—`, or a `**` placeholder. */
export function isEmptyTarget(text: string): boolean {
  const s = normalizeText(text).replaceAll(' ', '');
  if (s === '' || /^[-_*—/\\]+$/u.test(s)) return true;
  return s.includes('**');
}

/** An amount of the funds in 元, with its text; null when not printed; undefined when unreadable. */
export interface FundAmount {
  readonly value: Dec;
  /** As printed, with the table's unit when it printed none: `5.00万元`. */
  readonly text: string;
}

/** Reads a funds figure (internal): null when nothing is printed, 'bad' when it is not an amount. */
export function readFund(v: unknown, amountUnit: UnitInfo): FundAmount | null | 'bad' {
  if (v === undefined || v === null) return null;
  if (!isFigure(v)) return 'bad';
  // 854万(高标准农田建设400万元,…): an amount with its breakdown in brackets after it.
  const s = typeof v === 'string' ? stripNote(normalizeText(v)) : v;
  const q = parseQuantity(s);
  if (!q.ok) return 'bad';
  if (q.quantity === null) return null;
  const value = amountInYuan(q.quantity, amountUnit);
  if (value === null) return 'bad';
  const text = q.quantity.unit === null ? `${q.quantity.value}${amountUnit.symbol}` : String(s).trim();
  return { value, text };
}

/** The text without a bracketed note at its end (`854万(…)` → `854万`); unchanged when it has none. */
function stripNote(s: string): string {
  if (!s.endsWith(')')) return s;
  const open = s.indexOf('(');
  return open > 0 ? s.slice(0, open).trim() : s;
}

/** An amount in 元 printed in the unit of `like` (its symbol), exactly: 499840 元 as `49.984万元`. */
export function printIn(value: Dec, unit: UnitInfo): string {
  return `${value.dividedBy(unit.factor).toString()}${unit.symbol}`;
}

/** The table's unit of bare amounts (万元 by default). */
export function amountUnitOf(v: unknown): UnitInfo {
  const u = typeof v === 'string' ? moneyUnit(normalizeText(v)) : null;
  return u ?? (lookupUnit('万元') as UnitInfo);
}
