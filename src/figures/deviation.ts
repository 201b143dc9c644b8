/**
 * The deviation (偏差) of an actual from its target and the achievement (完成率), computed on
 * scaled integers when the printed figures allow it and with decimal.js otherwise: the same
 * formulas, the same 50-digit rounding and the same strings either way.
 */
import { type Dec, dec, HUNDRED, quotientFixed, toExact, toFixed, ZERO } from '../core/decimal.js';
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
import type { UnitInfo } from '../core/units.js';
import type { Deviation, EvaluateOptions, EvaluationExacts, IndicatorStatus } from './evaluation.js';
import { actualInterval, type Interval, statusOf } from './status-interval.js';
import type { Comparator, Target } from './target.js';

/**
 * The exact values of a deviation computed on scaled integers, as decimals only when a rule of
 * validateReport asks for one (most rows need none): read from the exact strings, which hold
 * every digit of the value.
 */
export class LazyExacts implements EvaluationExacts {
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
export function scaledDeviation(
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
export function scaledRange(
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

/** A deviation with the exact values its strings print. */
interface DeviationWithExacts {
  readonly deviation: Deviation;
  readonly relative: Dec | null;
  readonly absolute: Dec;
}

export function computeDeviation(
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
