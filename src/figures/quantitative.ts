/**
 * A quantitative target (a comparison or a range) against its actual: reading the actual,
 * bringing both sides to one unit, the status and the deviation.
 */
import { type Dec, HUNDRED, isPos, toExact } from '../core/decimal.js';
import {
  convertValue,
  parseQuantity,
  type Quantity,
  quantityUnit,
  quantityValue,
  type UnitColumn,
} from '../core/quantity.js';
import { compare, scaledFromPlain } from '../core/scaled.js';
import { hasDigit, normalizeText } from '../core/text.js';
import { lookupUnit, PLAIN_NUMBER, type UnitInfo } from '../core/units.js';
import type { Figure } from '../model/report.js';
import { readBareSide } from './bare-side.js';
import { computeDeviation, LazyExacts, scaledDeviation, scaledRange } from './deviation.js';
import {
  type Deviation,
  type EvaluateOptions,
  type Evaluation,
  type ExactEvaluation,
  type IndicatorStatus,
  note,
  plain,
  result,
} from './evaluation.js';
import type { ReportReadings } from './readings.js';
import { actualInterval, decOrder, type Interval, statusOf, targetInterval } from './status-interval.js';
import { type Comparator, type EvaluationContext, parseTargetIn, type Target } from './target.js';

/** The actual as a number, possibly a bound (`117余次`, `≥266米`). */
interface ActualReading {
  readonly quantity: Quantity;
  readonly operator: Comparator | null;
}

function readActual(
  raw: Figure,
  text: string,
  column: UnitColumn,
  cache: ReportReadings | null,
): ActualReading | Evaluation {
  const q = typeof raw === 'number' ? parseQuantity(raw) : (cache?.quantity(text) ?? parseQuantity(text));
  if (q.ok && q.quantity) return { quantity: q.quantity, operator: null };
  // The comparator is sometimes repeated in the actual cell: `≥266米`, `98%以上`.
  const asTarget = parseTargetIn(text, {}, column);
  if (asTarget.ok && asTarget.target?.kind === 'comparison' && !asTarget.target.implicit) {
    return { quantity: asTarget.target.value, operator: asTarget.target.operator };
  }
  // A number followed by the words of the row (`130 Municipal officials trained.`, `377 from FY
  // 2006 funding`): the figure is the number; the words describe it. Only words after the
  // number: words before it can change its meaning (下降5%, 未完成3个).
  if (
    asTarget.ok &&
    asTarget.target?.kind === 'comparison' &&
    asTarget.target.words !== undefined &&
    /^\d/.test(normalizeText(text))
  ) {
    return { quantity: asTarget.target.value, operator: null };
  }
  if (!hasDigit(normalizeText(text))) {
    return result({
      status: 'needs-judgement',
      note: note(
        'qualitative-actual',
        `a numeric target with a text actual "${text}"`,
        `数值目标的完成值却是文字“${text}”`,
      ),
    });
  }
  const message = q.ok
    ? { en: `"${text}" cannot be read`, zh: `“${text}”无法识别` }
    : { en: q.message.en, zh: q.message.zh };
  return result({ status: 'unparsable', note: { code: 'unparsable-value', message } });
}

export function evaluateQuantitative(
  parsedTarget: Target & { kind: 'comparison' | 'range' },
  raw: Figure,
  actualText: string,
  column: UnitColumn,
  options: EvaluateOptions,
  context: EvaluationContext,
  exact: boolean,
  cache: ReportReadings | null,
): ExactEvaluation {
  const read = readActual(raw, actualText, column, cache);
  if ('status' in read) return plain({ ...read, target: parsedTarget });
  const columnUnit = column.ok && column.unit !== null ? lookupUnit(column.unit) : null;
  // One side bare, the other with a unit: read the bare value in the unit its magnitude agrees with.
  const bare = columnUnit === null ? readBareSide(parsedTarget, read.quantity) : null;
  if (bare !== null && 'status' in bare) return plain(bare);
  const target = bare?.target ?? parsedTarget;
  const reading: ActualReading = bare ? { quantity: bare.actual, operator: read.operator } : read;
  const targetQ = target.kind === 'comparison' ? target.value : target.min;
  // A bare number beside a number word (`≥1.2万` against `12000`) is a plain number; otherwise
  // a bare value takes the other side's unit.
  const ownActual = quantityUnit(reading.quantity) ?? columnUnit;
  const ownTarget = quantityUnit(targetQ) ?? columnUnit;
  const targetUnit: UnitInfo | null = ownTarget ?? (ownActual?.dimension === 'number' ? PLAIN_NUMBER : null);
  const actualUnit: UnitInfo | null =
    ownActual ?? (targetUnit?.dimension === 'number' ? PLAIN_NUMBER : targetUnit);
  const actual: Quantity =
    reading.quantity.unit === null && actualUnit !== null && actualUnit.symbol !== ''
      ? (cache?.withUnit(reading.quantity, actualUnit.symbol) ?? {
          ...reading.quantity,
          unit: actualUnit.symbol,
        })
      : reading.quantity;
  const op: Comparator | null = reading.quantity.moreThan ? '>' : reading.operator;
  const finish = (status: IndicatorStatus, deviation: Deviation, achievement: string | null): Evaluation =>
    result({
      status,
      target,
      actual,
      actualOperator: reading.operator,
      deviation,
      achievement,
      note:
        status === 'needs-judgement'
          ? note(
              'approximate-actual',
              `the actual "${actualText}" is a bound, not a figure: it may or may not meet the target`,
              `完成值“${actualText}”只是一个界限，无法确定是否达到目标`,
            )
          : (bare?.note ?? directionNote(target, context)),
    });

  // The figures as printed, a few digits each, in one unit: on scaled integers (src/core/scaled.ts)
  // the same statuses and strings as on decimals at a fraction of the cost; anything else
  // (conversions, ranges, long figures) takes decimal.js below.
  if (target.kind === 'comparison' && sameScale(actualUnit, targetUnit)) {
    const av = scaledFromPlain(reading.quantity.value);
    const tv = av === null ? null : scaledFromPlain(target.value.value);
    if (av !== null && tv !== null) {
      const status = statusOf(actualInterval(op, av), targetInterval(target.operator, tv), compare);
      const fast = scaledDeviation(target, av, tv, status, targetUnit, options, exact);
      return {
        evaluation: finish(status, fast.deviation, fast.achievement),
        exacts: new LazyExacts(
          target.value.value,
          fast.deviation.relative,
          fast.deviation.absolute,
          fast.achievement,
        ),
      };
    }
  }

  if (target.kind === 'range' && sameScale(actualUnit, targetUnit)) {
    const fast = scaledRange(target, reading.quantity.value, op, targetUnit, options, exact);
    if (fast !== null) {
      return {
        evaluation: finish(fast.status, fast.deviation, null),
        exacts: new LazyExacts(null, fast.deviation.relative, fast.deviation.absolute, null),
      };
    }
  }

  const a = convertValue(quantityValue(reading.quantity), actualUnit, targetUnit);
  if (a === null) {
    return plain(
      result({
        status: 'unparsable',
        target,
        actual,
        actualOperator: reading.operator,
        note: note(
          'unit-mismatch',
          `the actual's unit "${actualUnit?.symbol}" and the target's unit "${targetUnit?.symbol}" measure different things`,
          `完成值单位“${actualUnit?.symbol}”与目标值单位“${targetUnit?.symbol}”不可比较`,
        ),
      }),
    );
  }

  // The target's exact value, read once (a Decimal is immutable).
  const t = target.kind === 'comparison' ? quantityValue(target.value) : null;
  const wanted: Interval =
    target.kind === 'comparison'
      ? targetInterval(target.operator, t as Dec)
      : {
          lo: quantityValue(target.min),
          loOpen: target.minOpen === true,
          // parseTarget gives both bounds of a range the same unit.
          hi: quantityValue(target.max),
          hiOpen: target.maxOpen === true,
        };
  const status = statusOf(actualInterval(op, a), wanted, decOrder);
  // One division serves both: relative = (a − t) / |t| × 100, and achievement = a / t × 100,
  // which is 100 + relative for a positive target and 100 − relative for a negative one.
  const relative = t === null || t.isZero() ? null : a.minus(t).dividedBy(t.abs()).times(HUNDRED);
  const dev = computeDeviation(target, t, relative, wanted, a, status, targetUnit, options);
  const achievement =
    t === null || relative === null ? null : isPos(t) ? relative.plus(HUNDRED) : HUNDRED.minus(relative);
  const evaluation = finish(status, dev.deviation, achievement === null ? null : toExact(achievement));
  return { evaluation, exacts: { target: t, relative: dev.relative, absolute: dev.absolute, achievement } };
}

/**
 * True when a value printed in `from` is the same number in `to`: the units are the same kind
 * and scale, or one side has none (then {@link convertValue} returns the value itself).
 */
function sameScale(from: UnitInfo | null, to: UnitInfo | null): boolean {
  if (from === to || from === null || to === null) return true;
  return from.dimension === to.dimension && from.factor.equals(to.factor);
}

/** For a target printed without a comparator: which rule gave it (note `implicit-direction`). */
function directionNote(
  target: Target & { kind: 'comparison' | 'range' },
  context: EvaluationContext,
): Evaluation['note'] {
  if (target.kind !== 'comparison' || !target.implicit) return null;
  const d = context.direction();
  const sym = d.lowerIsBetter ? '≤' : '≥';
  const reading = `${sym}${target.value.value}${target.value.unit ?? ''}`;
  switch (d.rule) {
    case 'name':
      return note(
        'implicit-direction',
        `no comparator printed: read as ${reading}, since the name ends with "${d.part}" (lower is better)`,
        `未写比较符号：指标名称以“${d.part}”结尾（越低越好），理解为 ${reading}`,
      );
    case 'cost-group':
      return note(
        'implicit-direction',
        `no comparator printed: read as ${reading}, since the indicator is under "${d.part}" (a cost: lower is better)`,
        `未写比较符号：指标属于“${d.part}”（成本，越低越好），理解为 ${reading}`,
      );
    case 'saving':
      return note(
        'implicit-direction',
        `no comparator printed: read as ${reading}, since the name measures a saving or reduction ("${d.part}": higher is better)`,
        `未写比较符号：指标名称含“${d.part}”（节约或降低的幅度，越高越好），理解为 ${reading}`,
      );
    default:
      return note(
        'implicit-direction',
        `no comparator printed: read as ${reading}, the default direction (higher is better)`,
        `未写比较符号：按默认方向（越高越好）理解为 ${reading}`,
      );
  }
}
