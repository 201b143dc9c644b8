/**
 * Met, not met or needs judgement, decided on intervals: the values the target allows and the
 * values the actual allows (a bound such as `117余次` allows more than one), each end open or
 * closed. The same rules on decimals and on scaled integers (the fast path of deviation.ts).
 */
import type { Dec } from '../core/decimal.js';
import type { IndicatorStatus } from './evaluation.js';
import type { Comparator } from './target.js';

/**
 * An interval on the number line, each end open or closed, null for unbounded; of decimals, or
 * of scaled integers on the fast path (`V`).
 */
export interface Interval<V = Dec> {
  readonly lo: V | null;
  readonly loOpen: boolean;
  readonly hi: V | null;
  readonly hiOpen: boolean;
}

/** Orders two values of an interval (−1, 0, 1). */
export type Order<V> = (x: V, y: V) => number;

export const decOrder: Order<Dec> = (x, y) => x.comparedTo(y);

export function targetInterval<V>(op: Comparator, t: V): Interval<V> {
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
export function statusOf<V>(got: Interval<V>, wanted: Interval<V>, order: Order<V>): IndicatorStatus {
  return subset(got, wanted, order) ? 'met' : disjoint(got, wanted, order) ? 'not-met' : 'needs-judgement';
}

/** The interval an actual allows: the value, or a bound (`117余次`: > 117; `≥266米`). */
export function actualInterval<V>(op: Comparator | null, a: V): Interval<V> {
  return op === null || op === '=' ? { lo: a, loOpen: false, hi: a, hiOpen: false } : targetInterval(op, a);
}
