/**
 * A bare target or actual (no unit) beside a figure printed with `%` or a scaled unit (万人次,
 * 万元): which unit it is read in, by the magnitude it agrees with, or a question for a person
 * when that is not one reading.
 */
import { type Dec, dec, HUNDRED, isPos, toExact } from '../core/decimal.js';
import { type Quantity, quantityValue } from '../core/quantity.js';
import { lookupUnit, PLAIN_NUMBER, type UnitInfo } from '../core/units.js';
import { type Evaluation, note, result } from './evaluation.js';
import type { Comparator, Target } from './target.js';

/** How far a bare value may be from the figure it is compared with, in orders of ten. */
const AGREE = dec(10);
/** Below a ceiling (≤, <) a figure may be smaller still: a hundredth of it agrees. */
const AGREE_BELOW_CEILING = dec(100);
/** Largest bare fraction read as a ratio against a percent (1.5 = 150%). */
const MAX_RATIO = dec('1.5');
/** Scale words before a unit (万人次, 亿元, 千米), longest first. */
const SCALES: readonly (readonly [string, string])[] = [
  ['百万', '1000000'],
  ['十万', '100000'],
  ['千万', '10000000'],
  ['万', '10000'],
  ['亿', '100000000'],
  ['千', '1000'],
];

/** One way to read a bare value: its value in the other side's unit, and how to print it. */
interface BareReading {
  readonly kind: 'unit' | 'ratio' | 'base';
  /** The value in the other side's unit (what is compared). */
  readonly inUnit: Dec;
  /** The quantity as read: value and unit (null for a plain number). */
  readonly quantity: Quantity;
}

/** Result of reading the bare side: both sides with their units, and the note when not the plain reading. */
interface BareSide {
  readonly target: Target & { kind: 'comparison' | 'range' };
  readonly actual: Quantity;
  readonly note: Evaluation['note'];
}

/** The unit without its scale word (万人次 → 人次, 亿元 → 元; 万 → a plain number), or null. */
function baseOf(unit: UnitInfo): UnitInfo | null {
  if (unit.dimension === 'number') return unit.factor.equals(1) ? null : PLAIN_NUMBER;
  for (const [word, factor] of SCALES) {
    if (!unit.symbol.startsWith(word) || unit.symbol.length === word.length) continue;
    const base = lookupUnit(unit.symbol.slice(word.length));
    if (base && base.dimension === unit.dimension && base.factor.times(factor).equals(unit.factor))
      return base;
  }
  return null;
}

function isPercent(unit: UnitInfo): boolean {
  return unit.dimension === 'ratio' && unit.factor.equals(1) && !unit.symbol.includes('百分点');
}

/** The ways of reading a bare value `q` beside a figure in `unit` (% or a scaled unit). */
function bareReadings(q: Quantity, unit: UnitInfo): BareReading[] {
  const x = quantityValue(q);
  const out: BareReading[] = [
    {
      kind: 'unit',
      inUnit: x,
      quantity: { ...q, unit: unit.symbol === '' ? null : unit.symbol },
    },
  ];
  if (isPercent(unit) && isPos(x) && x.lte(MAX_RATIO)) {
    const v = x.times(HUNDRED);
    out.push({
      kind: 'ratio',
      inUnit: v,
      quantity: { ...q, value: toExact(v), decimals: Math.max(0, q.decimals - 2), unit: unit.symbol },
    });
  }
  const base = baseOf(unit);
  if (base !== null) {
    out.push({
      kind: 'base',
      inUnit: x.times(base.factor).dividedBy(unit.factor),
      quantity: { ...q, unit: base.symbol === '' ? null : base.symbol },
    });
  }
  return out;
}

/**
 * True when `a` agrees in magnitude with the target `lo`…`hi` (all in one unit) under `op`:
 * |a| ≤ 10 × |hi|, and |a| ≥ |lo| ÷ 10 (÷ 100 below a ceiling ≤ or <). Zero agrees with anything,
 * and anything with a zero target (no magnitude to compare with).
 */
function agrees(a: Dec, op: Comparator | null, lo: Dec, hi: Dec): boolean {
  if (a.isZero() || hi.isZero()) return true;
  const m = a.abs();
  if (m.gt(hi.abs().times(AGREE))) return false;
  const below = op === '<=' || op === '<' ? AGREE_BELOW_CEILING : AGREE;
  return m.gte(lo.abs().dividedBy(below));
}

/**
 * Reads a bare target or actual beside a figure printed with `%` or a scaled unit (万人次, 万元),
 * or null when neither side is bare or the unit raises no question (次 against a bare 5 is 5次).
 *
 * Readings: in the other side's unit (`unit`); as a ratio, a bare fraction 0 < x ≤ 1.5 against
 * a percent (`ratio`: 0.95 is 95%); in the unit without its scale word (`base`: 10000 against
 * 1万人次 is 10000人次). The one reading that agrees in magnitude ({@link agrees}) is taken. Two
 * that agree, or none, give `needs-judgement` with note `unit-mismatch`; except that a lone
 * plain reading that is only too small is kept (a failure, not a unit question: 5 against
 * ≥90% is 5%), and a zero on either side takes the plain reading (every reading gives the same
 * status).
 */
export function readBareSide(
  target: Target & { kind: 'comparison' | 'range' },
  actual: Quantity,
): BareSide | Evaluation | null {
  const tq = target.kind === 'comparison' ? target.value : target.min;
  const bareActual = actual.unit === null && tq.unit !== null;
  const bareTarget = tq.unit === null && actual.unit !== null;
  if (!bareActual && !bareTarget) return null;
  const unit = lookupUnit((bareActual ? tq.unit : actual.unit) as string);
  if (unit === null || !(isPercent(unit) || baseOf(unit) !== null)) return null;
  const op = target.kind === 'comparison' ? target.operator : null;
  const tlo = quantityValue(tq);
  const thi = target.kind === 'comparison' ? tlo : quantityValue(target.max);
  const readings = bareActual ? bareReadings(actual, unit) : bareReadings(tq, unit);
  const fit = (r: BareReading): boolean => {
    if (bareActual) return agrees(r.inUnit, op, tlo, thi);
    const scale = tlo.isZero() ? null : r.inUnit.dividedBy(tlo);
    const lo = r.inUnit;
    const hi = scale === null ? r.inUnit : thi.times(scale);
    return agrees(quantityValue(actual), op, lo, hi);
  };
  const zero =
    quantityValue(bareActual ? actual : tq).isZero() || (bareActual && thi.isZero() && tlo.isZero());
  const agreeing = zero ? [readings[0] as BareReading] : readings.filter(fit);
  let chosen: BareReading | null = agreeing.length === 1 ? (agreeing[0] as BareReading) : null;
  if (chosen === null && agreeing.length === 0 && readings.length === 1) {
    const only = readings[0] as BareReading;
    const tooLarge = bareActual
      ? only.inUnit.abs().gt(thi.abs().times(AGREE))
      : quantityValue(actual).abs().gt(only.inUnit.abs().times(AGREE));
    if (!tooLarge) chosen = only;
  }
  const bareText = bareActual ? actual.text : target.text;
  const otherText = bareActual ? target.text : actual.text;
  if (chosen === null) {
    const shown = (agreeing.length > 1 ? agreeing : readings).map((r) => formatReading(r)).join(' / ');
    const why =
      agreeing.length > 1
        ? { en: `it may be ${shown}`, zh: `可能是 ${shown}` }
        : {
            en: `no reading (${shown}) is of the magnitude of "${otherText}"`,
            zh: `各种理解（${shown}）均与“${otherText}”的数量级不符`,
          };
    return result({
      status: 'needs-judgement',
      target,
      actual,
      note: note(
        'unit-mismatch',
        `the bare "${bareText}" beside "${otherText}" has no unit: ${why.en}`,
        `“${bareText}”未写单位，与“${otherText}”比较：${why.zh}`,
      ),
    });
  }
  const readTarget = bareTarget ? withReading(target, chosen, unit) : target;
  const readActualQ = bareActual ? chosen.quantity : actual;
  const noteOut =
    chosen.kind === 'unit'
      ? null
      : note(
          'unit-reading',
          `the bare "${bareText}" is read as ${formatReading(chosen)}, the magnitude of "${otherText}"`,
          `未写单位的“${bareText}”按与“${otherText}”相符的数量级理解为 ${formatReading(chosen)}`,
        );
  return { target: readTarget, actual: readActualQ, note: noteOut };
}

function formatReading(r: BareReading): string {
  return `${r.quantity.value}${r.quantity.unit ?? ''}`;
}

/** The bare target as read: its value (and a range's other bound) in the reading's unit. */
function withReading(
  target: Target & { kind: 'comparison' | 'range' },
  r: BareReading,
  unit: UnitInfo,
): Target & { kind: 'comparison' | 'range' } {
  if (target.kind === 'comparison') return { ...target, value: r.quantity };
  const max = bareReadings(target.max, unit).find((m) => m.kind === r.kind);
  return { ...target, min: r.quantity, max: max ? max.quantity : target.max };
}
