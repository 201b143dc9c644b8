/**
 * One indicator: was the target met, and by how much did the actual deviate (偏差)?
 *
 * Over 400 lines because it is one thing: the evaluation of one indicator (reading the actual,
 * comparing intervals, the deviation conventions), each step used only here.
 */
import {
  type Dec,
  dec,
  HUNDRED,
  isPos,
  quotientFixed,
  type RoundingMode,
  toExact,
  toFixed,
  ZERO,
} from '../core/decimal.js';
import {
  convertValue,
  parseQuantity,
  printsNothing,
  type Quantity,
  quantityUnit,
  quantityValue,
  readUnitColumn,
  type UnitColumn,
} from '../core/quantity.js';
import {
  add,
  compare,
  divide,
  fixedString,
  plainString,
  quotientString,
  type Scaled,
  scaledFromPlain,
  shift,
  subtract,
} from '../core/scaled.js';
import { hasDigit, normalizeText } from '../core/text.js';
import { lookupUnit, PLAIN_NUMBER, type UnitInfo } from '../core/units.js';
import type { Messages } from '../model/findings.js';
import type { Figure, TargetCells } from '../model/report.js';
import { assertEvaluateOptions, assertIndicatorInput } from './checks.js';
import { type Deadline, formatDeadline, meetsDeadline } from './deadline.js';
import { compareGrades } from './grades.js';
import type { ReportReadings } from './readings.js';
import { type Comparator, EvaluationContext, parseTargetIn, type Target } from './target.js';

/** Status of an indicator. */
export type IndicatorStatus = 'met' | 'not-met' | 'needs-judgement' | 'not-reported' | 'unparsable';

/**
 * Deviation (偏差) of an actual from its target.
 *
 * - `relative`: (actual − target) / |target| × 100, exact, in percent; `"0"` when both are
 *   zero; null when the target is zero and the actual is not (it does not exist).
 * - `absolute`: actual − target, exact, in the target's unit (percentage points for `%`).
 * - `printed`: the deviation as the reference report prints it: `relative` rounded half-up
 *   to 2 decimals with `%` (`"-6.26%"`, `"229.00%"`), or under `deviationBasis: 'absolute'`
 *   the absolute deviation rounded the same way, as a bare number; null when it does not exist.
 */
export interface Deviation {
  /**
   * Exact relative deviation in percent, without `%` (e.g. `"-6.26"`); `"0"` when both are zero or a
   * qualitative target is met; null when the target is zero and the actual is not.
   */
  readonly relative: string | null;
  /**
   * Exact actual − target in the target's unit (percentage points for `%`), e.g. `"43.37"`;
   * null only for a met qualitative target.
   */
  readonly absolute: string | null;
  /**
   * As printed per the options, e.g. `"-6.26%"` (a bare number under `deviationBasis: 'absolute'`);
   * `"0%"` for a met qualitative target; null when the relative deviation it would show does not exist.
   */
  readonly printed: string | null;
  /** Unit of `absolute` (`"%"` means percentage points), or null for bare numbers. */
  readonly unit: string | null;
}

/** What an indicator is evaluated from: the cells of one row. */
export interface IndicatorInput {
  /**
   * 指标目标值 as printed, a finite number, or the two cells `{ operator, value }`; null, undefined,
   * empty, `/` or `—`: nothing printed (status `not-reported`).
   */
  readonly target: string | number | TargetCells | null | undefined;
  /**
   * 指标完成值 as printed or a finite number; null, undefined, empty, `/`, `—` or `-`: nothing printed
   * (status `not-reported`).
   */
  readonly actual?: Figure | null | undefined;
  /** 度量单位 column. */
  readonly unit?: string | null | undefined;
  /** 指标名称: decides the direction of a bare target value. */
  readonly name?: string | undefined;
  /** Category path (一级/二级指标): a bare value under 成本指标 is a ceiling. */
  readonly path?: readonly string[] | undefined;
}

/** Conventions of deviation that differ between publishers. Defaults are the reference's. */
export interface EvaluateOptions {
  /**
   * What `deviation.printed` shows: `'relative'` (default, the reference report: percent of
   * the target) or `'absolute'` (actual − target in the indicator's unit, the convention of
   * target/actual/deviation tables in English-language reports).
   */
  readonly deviationBasis?: 'relative' | 'absolute';
  /**
   * Deviation of a met inequality target (`≥`, `≤`, `>`, `<`): `'signed'` (default, the
   * reference report: ≥90% → 99% is 10.00%) or `'zero'` (publishers who print 0 when met).
   */
  readonly metInequality?: 'signed' | 'zero';
  /** Decimals of `deviation.printed` (default 2): an integer from 0 to 20. */
  readonly decimals?: number;
  /** Rounding of `deviation.printed` (default `'half-up'`, 四舍五入). */
  readonly rounding?: RoundingMode;
  /**
   * The report's year (an integer such as 2023): the year of a deadline or an actual date that
   * prints none (`9月前` against `2024年1月`). Without it, such a side takes the other side's
   * year, so that month and day alone are compared.
   */
  readonly year?: number;
  /**
   * Compute the exact strings (default `true`): `deviation.relative`, `deviation.absolute` and
   * `achievement`, each the full-precision decimal. With `false` they are null and only the
   * printed figures are computed: `status` and `deviation.printed` are the same strings as
   * with `true` (the printed deviation is the exact quotient rounded once either way), at less
   * cost, for callers who only show or compare printed figures. validateReport always computes
   * the exact values it checks, whatever `evaluate.exact` says.
   */
  readonly exact?: boolean;
}

/** The result of {@link evaluateIndicator}. */
export interface Evaluation {
  /**
   * `met` (达成), `not-met` (未达成), `needs-judgement` (需人工判断), `not-reported` (a cell prints
   * nothing) or `unparsable` (a cell cannot be read, or units of different kinds).
   */
  readonly status: IndicatorStatus;
  /**
   * Deviation (偏差) of the actual from the target; null when the status is `not-reported` or
   * `unparsable`, the actual is text against a numeric target, or a qualitative target is not met or
   * needs judgement.
   */
  readonly deviation: Deviation | null;
  /**
   * The parsed target, or null when nothing was printed or it could not be read. A bare value
   * beside an actual with a unit carries the unit it was read in (`=1` against `100%`: `=100%`).
   */
  readonly target: Target | null;
  /**
   * The parsed actual (a number) as read (a bare value takes the unit it was read in), or null
   * when it is text, empty or unreadable.
   */
  readonly actual: Quantity | null;
  /** The comparator the actual cell repeats (`≥266米`), if any. */
  readonly actualOperator: Comparator | null;
  /**
   * Achievement, actual / target × 100, exact, in percent (for over-achievement checks);
   * null for qualitative targets, ranges, or a zero target.
   */
  readonly achievement: string | null;
  /**
   * Why the status is `unparsable`, `needs-judgement` or `not-reported`; for a met or unmet
   * target, how a bare value was read: `unit-reading` (a bare `0.95` against `95%` read as the
   * ratio 95%, a bare `10000` against `1万人次` as 10000人次) or `implicit-direction` (which rule
   * gave the comparator of a target printed without one: `投诉次数` ends with a lower-is-better
   * head, so `0` is `≤0`). Null otherwise.
   */
  readonly note: {
    /** Reason code, e.g. `unit-mismatch` or `actual-not-reported`. */
    readonly code: EvaluationNoteCode;
    /** The reason, in en and zh-CN. */
    readonly message: Messages;
  } | null;
}

/** Reasons attached to a status. */
export type EvaluationNoteCode =
  | 'unparsable-target'
  | 'unparsable-value'
  | 'unit-mismatch'
  | 'target-not-reported'
  | 'actual-not-reported'
  | 'unknown-grade'
  | 'approximate-actual'
  | 'qualitative-actual'
  | 'numeric-actual'
  | 'unit-reading'
  | 'implicit-direction';

/**
 * The exact values behind an evaluation's decimal strings, kept for the checks of
 * validateReport so that they need not parse the strings again (internal).
 */
export interface EvaluationExacts {
  readonly target: Dec | null;
  readonly relative: Dec | null;
  readonly absolute: Dec | null;
  readonly achievement: Dec | null;
}

/**
 * An evaluation with the exact values behind its strings (internal): what the rules of
 * validateReport read, so that the public {@link evaluateIndicator} returns plain data and
 * keeps nothing on the side.
 */
export interface ExactEvaluation {
  readonly evaluation: Evaluation;
  /** Set for a quantitative evaluation that compared figures; null otherwise. */
  readonly exacts: EvaluationExacts | null;
}

function plain(evaluation: Evaluation): ExactEvaluation {
  return { evaluation, exacts: null };
}

/**
 * An interval on the number line, each end open or closed, null for unbounded; of decimals, or
 * of scaled integers on the fast path (`V`).
 */
interface Interval<V = Dec> {
  readonly lo: V | null;
  readonly loOpen: boolean;
  readonly hi: V | null;
  readonly hiOpen: boolean;
}

/** Orders two values of an interval (−1, 0, 1). */
type Order<V> = (x: V, y: V) => number;

const decOrder: Order<Dec> = (x, y) => x.comparedTo(y);

function targetInterval<V>(op: Comparator, t: V): Interval<V> {
  switch (op) {
    case '>=':
      return { lo: t, loOpen: false, hi: null, hiOpen: false };
    case '>':
      return { lo: t, loOpen: true, hi: null, hiOpen: false };
    case '<=':
      return { lo: null, loOpen: false, hi: t, hiOpen: false };
    case '<':
      return { lo: null, loOpen: false, hi: t, hiOpen: true };
    case '=':
      return { lo: t, loOpen: false, hi: t, hiOpen: false };
  }
}

/** Lower end of `a` is inside the lower bound of `b`. */
function loWithin<V>(a: Interval<V>, b: Interval<V>, order: Order<V>): boolean {
  if (b.lo === null) return true;
  if (a.lo === null) return false;
  const c = order(a.lo, b.lo);
  return c > 0 || (c === 0 && (!b.loOpen || a.loOpen));
}

function hiWithin<V>(a: Interval<V>, b: Interval<V>, order: Order<V>): boolean {
  if (b.hi === null) return true;
  if (a.hi === null) return false;
  const c = order(a.hi, b.hi);
  return c < 0 || (c === 0 && (!b.hiOpen || a.hiOpen));
}

function subset<V>(a: Interval<V>, b: Interval<V>, order: Order<V>): boolean {
  return loWithin(a, b, order) && hiWithin(a, b, order);
}

/** `a` lies wholly above `b`'s upper end or wholly below its lower end. */
function disjoint<V>(a: Interval<V>, b: Interval<V>, order: Order<V>): boolean {
  const below = (x: Interval<V>, y: Interval<V>): boolean => {
    if (x.hi === null || y.lo === null) return false;
    const c = order(x.hi, y.lo);
    return c < 0 || (c === 0 && (x.hiOpen || y.loOpen));
  };
  return below(a, b) || below(b, a);
}

/** Met, not met, or needs judgement: the actual's interval `got` against the target's `wanted`. */
function statusOf<V>(got: Interval<V>, wanted: Interval<V>, order: Order<V>): IndicatorStatus {
  return subset(got, wanted, order) ? 'met' : disjoint(got, wanted, order) ? 'not-met' : 'needs-judgement';
}

/** The interval an actual allows: the value, or a bound (`117余次`: > 117; `≥266米`). */
function actualInterval<V>(op: Comparator | null, a: V): Interval<V> {
  return op === null || op === '=' ? { lo: a, loOpen: false, hi: a, hiOpen: false } : targetInterval(op, a);
}

function note(code: EvaluationNoteCode, en: string, zh: string): Evaluation['note'] {
  return { code, message: { en, zh } };
}

function result(partial: Partial<Evaluation> & Pick<Evaluation, 'status'>): Evaluation {
  return {
    deviation: null,
    target: null,
    actual: null,
    actualOperator: null,
    achievement: null,
    note: null,
    ...partial,
  };
}

/**
 * Evaluates one indicator: status (met or not) and deviation (偏差).
 *
 * Met: `≥` actual ≥ target, `≤` actual ≤ target, `=` equal, `>`/`<` strict; a range includes
 * both ends. Units are compared after exact conversion (10万元 = 100000元); a bare actual
 * takes the target's unit; units of different kinds (`次` against `家`) make the status
 * `unparsable` with note `unit-mismatch`. An actual printed as "more than" (`117余次`) or with
 * a repeated comparator (`≥266米`) is met only when every value it allows meets the target,
 * not met when none does, and `needs-judgement` otherwise.
 *
 * A bare number beside `%` or a scaled unit (万人次, 万元) is read in the unit its magnitude
 * agrees with (within 10× of the target; down to 1/100 under a ceiling): `=1` against `100%` is
 * =100%, `0.95` against `100%` is 95%, `10000` against `≥1万人次` is 10000人次; two readings that
 * agree, or none, give `needs-judgement` with note `unit-mismatch` (`22,483` against `80%`).
 * A target printed without a comparator takes the indicator's direction (`implicit-direction`
 * note: `0` for 投诉次数 is `≤0`).
 *
 * Qualitative targets: equal text, or a better grade on a known scale, is met (deviation 0%,
 * as the reference prints); a worse grade is not met; the opposite statement (无 against 有, 否
 * against 是) or direction (下降 against 提升) is not met; unknown wording is `needs-judgement`.
 *
 * Deviation (reference convention, 苏州市商务服务中心 2023): (actual − target) / |target| × 100%,
 * printed with 2 decimals half-up, also for met targets: ≥90% → 99% gives `"10.00%"`,
 * =100% → 93.74% gives `"-6.26%"`, the exact quotient rounded once. A zero target has no relative deviation unless the actual
 * is zero too; its absolute deviation is still given (=0% → 43.37%: absolute `"43.37"`).
 * A range's deviation is measured from the nearer bound, and is 0 inside the range.
 *
 * Status `not-reported` when the target or actual cell prints nothing.
 *
 * Cost: figures of up to 30 digits in one unit are computed on scaled integers, others with
 * decimal.js; the results are the same. With `options.exact: false` the exact strings
 * (`deviation.relative`, `deviation.absolute`, `achievement`) are null and not computed; the
 * status and `deviation.printed` are unchanged (docs/performance.md measures both).
 *
 * @throws TypeError when `input` (`indicator` in messages) is not an object; when `target` is
 *   not a string, a number, `{ operator, value }` or null, `actual` not a string, a number or
 *   null, `unit` neither a string nor null, `name` not a string or `path` not an array of
 *   strings (a non-finite number is data: status `unparsable`); when `options` is not an object
 *   or undefined,
 *   `deviationBasis` not `'relative'`/`'absolute'`, `metInequality` not `'signed'`/`'zero'`,
 *   `decimals` not an integer from 0 to 20, `rounding` not a rounding mode, or `exact` not a boolean.
 * @example
 * ```ts
 * evaluateIndicator({ target: '=100%', actual: '93.74%' });
 * // { status: 'not-met', deviation: { relative: '-6.26', absolute: '-6.26', printed: '-6.26%', unit: '%' }, … }
 * evaluateIndicator({ target: '≥100 次', actual: '329 次' }).deviation?.printed; // '229.00%'
 * evaluateIndicator({ target: '=0%', actual: '43.37%' }).deviation;
 * // { relative: null, absolute: '43.37', printed: null, unit: '%' }
 * evaluateIndicator({ target: '0', actual: '3', name: '投诉次数' }).status; // 'not-met' (≤0)
 * evaluateIndicator({ target: '=1', actual: '100%' }).status;              // 'met' (=100%)
 * evaluateIndicator({ target: '80%', actual: '22,483' }).note?.code;        // 'unit-mismatch'
 * evaluateIndicator({ target: '=100%', actual: '93.74%' }, { exact: false }).deviation;
 * // { relative: null, absolute: null, printed: '-6.26%', unit: '%' }
 * ```
 */
export function evaluateIndicator(input: IndicatorInput, options: EvaluateOptions = {}): Evaluation {
  assertIndicatorInput('evaluateIndicator', 'indicator', input);
  assertEvaluateOptions('evaluateIndicator', 'options', options);
  if (options.exact !== false) return evaluateExact(input, options).evaluation;
  return printedOnly(evaluateExact(input, options, readUnitColumn(input.unit), false).evaluation);
}

/** An evaluation without its exact strings (`exact: false`), printed figures unchanged. */
function printedOnly(evaluation: Evaluation): Evaluation {
  const d = evaluation.deviation;
  if (d === null || (d.relative === null && d.absolute === null && evaluation.achievement === null)) {
    return evaluation;
  }
  return { ...evaluation, deviation: { ...d, relative: null, absolute: null }, achievement: null };
}

/**
 * {@link evaluateIndicator} with the exact values behind the strings (internal). `column` is
 * the unit column as the caller already read it (read here when not given); `exact: false`
 * leaves the exact strings out; `targets` is the report's parse cache (validateReport).
 */
export function evaluateExact(
  input: IndicatorInput,
  options: EvaluateOptions = {},
  column: UnitColumn = readUnitColumn(input.unit),
  exact = true,
  targets: ReportReadings | null = null,
): ExactEvaluation {
  const context = new EvaluationContext(input.name, input.unit, input.path);
  const parsed =
    input.target === null || input.target === undefined
      ? ({ ok: true, target: null } as const)
      : targets === null
        ? parseTargetIn(input.target, context, column)
        : targets.parse(input.target, context, column);
  if (!parsed.ok) {
    // With no actual printed there is nothing to evaluate: the row is not reported, and the
    // note still says that its target cannot be read.
    const printedActual = input.actual === null || input.actual === undefined ? '' : String(input.actual);
    const status = printsNothing(printedActual) ? 'not-reported' : 'unparsable';
    return plain(result({ status, note: { code: 'unparsable-target', message: parsed.message } }));
  }
  const target = parsed.target;
  if (target === null) {
    return plain(
      result({
        status: 'not-reported',
        note: note('target-not-reported', 'no target is printed', '未填写目标值'),
      }),
    );
  }
  const actualRaw = input.actual;
  const actualText = actualRaw === null || actualRaw === undefined ? '' : String(actualRaw);
  if (printsNothing(actualText)) {
    return plain(
      result({
        status: 'not-reported',
        target,
        note: note('actual-not-reported', 'no actual value is printed', '未填写完成值'),
      }),
    );
  }
  if (target.kind === 'qualitative') {
    return plain(
      target.deadline === undefined
        ? evaluateQualitative(target, actualText)
        : evaluateDeadline(target, target.deadline, actualText, options),
    );
  }
  return evaluateQuantitative(
    target,
    actualRaw as Figure,
    actualText,
    column,
    options,
    context,
    exact,
    targets,
  );
}

function evaluateQualitative(target: Target & { kind: 'qualitative' }, actualText: string): Evaluation {
  // A figure has a digit (after normalisation): words need no reading as a number.
  const asNumber = hasDigit(normalizeText(actualText)) ? parseQuantity(actualText) : null;
  if (asNumber?.ok && asNumber.quantity !== null) {
    return result({
      status: 'needs-judgement',
      target,
      note: note(
        'numeric-actual',
        `a qualitative target "${target.text}" with a numeric actual "${actualText}"`,
        `定性目标“${target.text}”的完成值却是数值“${actualText}”`,
      ),
    });
  }
  const cmp = compareGrades(target.expected, actualText);
  if (cmp === 'met') {
    return result({
      status: 'met',
      target,
      deviation: { relative: '0', absolute: null, printed: '0%', unit: null },
    });
  }
  if (cmp === 'not-met') return result({ status: 'not-met', target });
  return result({
    status: 'needs-judgement',
    target,
    note: note(
      'unknown-grade',
      `"${actualText}" against "${target.text}" is on no known grade scale`,
      `“${actualText}”与“${target.text}”不在已知的等级序列上，需人工判断`,
    ),
  });
}

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

function evaluateQuantitative(
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

/**
 * The exact values of a deviation computed on scaled integers, as decimals only when a rule of
 * validateReport asks for one (most rows need none): read from the exact strings, which hold
 * every digit of the value.
 */
class LazyExacts implements EvaluationExacts {
  #target: Dec | null | undefined;
  #relative: Dec | null | undefined;
  #absolute: Dec | undefined;
  #achievement: Dec | null | undefined;
  constructor(
    /** The comparison's target value; null for a range (no one target value). */
    private readonly targetText: string | null,
    private readonly relativeText: string | null,
    private readonly absoluteText: string | null,
    private readonly achievementText: string | null,
  ) {}
  get target(): Dec | null {
    if (this.#target === undefined) this.#target = this.targetText === null ? null : dec(this.targetText);
    return this.#target;
  }
  get relative(): Dec | null {
    if (this.#relative === undefined)
      this.#relative = this.relativeText === null ? null : dec(this.relativeText);
    return this.#relative;
  }
  get absolute(): Dec {
    // Always given when the exacts are read: validateReport evaluates with the exact strings.
    if (this.#absolute === undefined) this.#absolute = dec(this.absoluteText ?? '0');
    return this.#absolute;
  }
  get achievement(): Dec | null {
    if (this.#achievement === undefined)
      this.#achievement = this.achievementText === null ? null : dec(this.achievementText);
    return this.#achievement;
  }
}

/** A deviation computed on scaled integers: its strings, and the achievement's. */
interface LazyDeviation {
  readonly deviation: Deviation;
  readonly achievement: string | null;
}

/**
 * {@link computeDeviation} and the achievement of a comparison target on scaled integers, for
 * an actual in the target's unit whose printed value needs no conversion. Same formulas, same 50-digit rounding of the
 * quotient and of the achievement's sum, same strings: relative = (a − t) ÷ |t| × 100,
 * absolute = a − t, achievement = 100 ± relative, printed from the exact quotient rounded once.
 */
function scaledDeviation(
  target: Target & { kind: 'comparison' },
  av: Scaled,
  tv: Scaled,
  status: IndicatorStatus,
  unit: UnitInfo | null,
  options: EvaluateOptions,
  exact: boolean,
): LazyDeviation {
  const decimals = options.decimals ?? 2;
  const rounding = options.rounding ?? 'half-up';
  const basis = options.deviationBasis ?? 'relative';
  const unitSymbol = unit === null || unit.symbol === '' ? null : unit.symbol;
  const tZero = tv.n === 0n;
  const absolute = subtract(av, tv);
  const magnitude: Scaled = tv.n < 0n ? { n: -tv.n, s: tv.s } : tv;
  // Without the exact strings (`exact: false`) the printed figure needs no 50-digit quotient.
  const relative = tZero || !exact ? null : shift(divide(absolute, magnitude), 2);
  const achievement =
    relative === null
      ? null
      : plainString(tv.n > 0n ? add(relative, HUNDRED_SCALED) : subtract(HUNDRED_SCALED, relative));
  const zeroWhenMet = target.operator !== '=' && status === 'met' && options.metInequality === 'zero';
  if (zeroWhenMet) {
    const printed = `${fixedString(ZERO_SCALED, decimals, rounding)}${basis === 'absolute' ? '' : '%'}`;
    return {
      deviation: { relative: '0', absolute: '0', printed, unit: unitSymbol },
      achievement,
    };
  }
  // A zero target has a relative deviation only when the actual is zero too.
  const rel = tZero ? (av.n === 0n ? ZERO_SCALED : null) : relative;
  const printed =
    basis === 'absolute'
      ? fixedString(absolute, decimals, rounding)
      : tZero
        ? rel === null
          ? null
          : `${fixedString(rel, decimals, rounding)}%`
        : `${quotientString(shift(absolute, 2), magnitude, decimals, rounding)}%`;
  return {
    deviation: {
      relative: rel === null || !exact ? null : plainString(rel),
      absolute: exact ? plainString(absolute) : null,
      printed,
      unit: unitSymbol,
    },
    achievement,
  };
}

/**
 * A range target on scaled integers (the figures in one unit, each of at most 30 digits), or
 * null for the decimal.js path: the status, and the deviation from the nearer bound, 0 inside
 * the range ({@link computeDeviation}'s rule for a range, the same strings).
 */
function scaledRange(
  target: Target & { kind: 'range' },
  actualValue: string,
  op: Comparator | null,
  unit: UnitInfo | null,
  options: EvaluateOptions,
  exact: boolean,
): { readonly status: IndicatorStatus; readonly deviation: Deviation } | null {
  const av = scaledFromPlain(actualValue);
  const lo = av === null ? null : scaledFromPlain(target.min.value);
  const hi = lo === null ? null : scaledFromPlain(target.max.value);
  if (av === null || lo === null || hi === null) return null;
  const wanted: Interval<Scaled> = {
    lo,
    loOpen: target.minOpen === true,
    hi,
    hiOpen: target.maxOpen === true,
  };
  const status = statusOf(actualInterval(op, av), wanted, compare);
  if (status === 'met' || (compare(av, lo) >= 0 && compare(av, hi) <= 0)) {
    const decimals = options.decimals ?? 2;
    const rounding = options.rounding ?? 'half-up';
    const zero = fixedString(ZERO_SCALED, decimals, rounding);
    const printed = (options.deviationBasis ?? 'relative') === 'absolute' ? zero : `${zero}%`;
    const unitSymbol = unit === null || unit.symbol === '' ? null : unit.symbol;
    return {
      status,
      deviation: { relative: exact ? '0' : null, absolute: exact ? '0' : null, printed, unit: unitSymbol },
    };
  }
  // Outside the range: the deviation from the nearer bound, as for `=` that bound (not met,
  // so no convention of a met inequality applies; a range has no achievement).
  const bound = compare(av, lo) < 0 ? { value: target.min, v: lo } : { value: target.max, v: hi };
  const asEquals: Target & { kind: 'comparison' } = {
    kind: 'comparison',
    operator: '=',
    value: bound.value,
    implicit: false,
    text: target.text,
  };
  const { deviation } = scaledDeviation(asEquals, av, bound.v, status, unit, options, exact);
  return { status, deviation };
}

const ZERO_SCALED: Scaled = { n: 0n, s: 0 };
const HUNDRED_SCALED: Scaled = { n: 100n, s: 0 };

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
function readBareSide(
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

/** A deviation with the exact values its strings print. */
interface DeviationWithExacts {
  readonly deviation: Deviation;
  readonly relative: Dec | null;
  readonly absolute: Dec;
}

function computeDeviation(
  target: Target & { kind: 'comparison' | 'range' },
  targetValue: Dec | null,
  targetRelative: Dec | null,
  wanted: Interval,
  a: Dec,
  status: IndicatorStatus,
  unit: UnitInfo | null,
  options: EvaluateOptions,
): DeviationWithExacts {
  const decimals = options.decimals ?? 2;
  const rounding = options.rounding ?? 'half-up';
  let t: Dec;
  if (target.kind === 'range') {
    if (
      status === 'met' ||
      (wanted.lo !== null && wanted.hi !== null && a.gte(wanted.lo) && a.lte(wanted.hi))
    ) {
      return finish(ZERO, ZERO);
    }
    t = wanted.lo !== null && a.lt(wanted.lo) ? wanted.lo : (wanted.hi ?? ZERO);
  } else {
    t = targetValue as Dec;
    const inequality = target.operator !== '=';
    if (inequality && status === 'met' && options.metInequality === 'zero') return finish(ZERO, ZERO);
  }
  const absolute = a.minus(t);
  let relative: Dec | null;
  if (t.isZero()) relative = a.isZero() ? ZERO : null;
  else relative = target.kind === 'comparison' ? targetRelative : absolute.dividedBy(t.abs()).times(HUNDRED);
  return finish(relative, absolute, t.isZero() ? null : t.abs());

  /** `divisor`: |target| when `rel` is a quotient, printed from the exact quotient (one rounding). */
  function finish(rel: Dec | null, abs: Dec, divisor: Dec | null = null): DeviationWithExacts {
    const basis = options.deviationBasis ?? 'relative';
    const printed =
      basis === 'absolute'
        ? toFixed(abs, decimals, rounding)
        : rel === null
          ? null
          : divisor === null
            ? `${toFixed(rel, decimals, rounding)}%`
            : `${quotientFixed(abs.times(HUNDRED), divisor, decimals, rounding)}%`;
    const deviation = {
      relative: rel === null ? null : toExact(rel),
      absolute: toExact(abs),
      printed,
      unit: unit === null || unit.symbol === '' ? null : unit.symbol,
    };
    return { deviation, relative: rel, absolute: abs };
  }
}

/**
 * A deadline target (完成时限: `9月前`, `2023年12月底前`, `年底前`, `6月30日前`) against its
 * actual: met or not by the date printed (`2023年10月`, `10月完成`, `2023-09-30`), met by
 * wording such as 按期完成/已完成/如期完成, not met by 未完成/延期/逾期, `needs-judgement`
 * otherwise (never `unparsable`). A met deadline has a deviation of 0%, as a met qualitative
 * target; the year of a side that prints none is `options.year` (the report's year) when
 * given, else the other side's year. See `meetsDeadline` in deadline.ts for the rules.
 */
function evaluateDeadline(
  target: Target & { kind: 'qualitative' },
  deadline: Deadline,
  actualText: string,
  options: EvaluateOptions,
): Evaluation {
  const outcome = meetsDeadline(deadline, actualText, options.year ?? null);
  if (outcome.status === 'met') {
    return result({
      status: 'met',
      target,
      deviation: { relative: '0', absolute: null, printed: '0%', unit: null },
    });
  }
  if (outcome.status === 'not-met') return result({ status: 'not-met', target });
  const due = formatDeadline(deadline);
  const why: Readonly<Record<typeof outcome.reason, readonly [string, string]>> = {
    'ambiguous-month': [
      `"${actualText}" is in the month of the deadline "${target.text}": met if it means by the end of that month (the usual reading), not met if it means before that month`,
      `完成值“${actualText}”在期限“${target.text}”所写的月份内：如指该月底前（通常的理解）则按期，如指该月之前则未按期`,
    ],
    'no-date': [
      `"${actualText}" gives no date that shows whether the deadline ${due} was kept`,
      `完成值“${actualText}”没有可判断是否在${due}完成的日期`,
    ],
    numeric: [
      `a deadline "${target.text}" with a numeric actual "${actualText}"`,
      `期限目标“${target.text}”的完成值却是数值“${actualText}”`,
    ],
  };
  const [en, zh] = why[outcome.reason] as readonly [string, string];
  return result({
    status: 'needs-judgement',
    target,
    note: note(outcome.reason === 'numeric' ? 'numeric-actual' : 'qualitative-actual', en, zh),
  });
}
