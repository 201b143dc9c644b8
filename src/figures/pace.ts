/**
 * Pace of budget execution against 序时进度 (DESIGN §1 "In-year monitoring"): the 1–N月执行率 of a
 * budget line, its ratio to the time progress, and the red/amber/green state of that ratio.
 */
import { assertObject, describeValue, isPlainDecimal, rejectArgument } from '../core/arguments.js';
import { type Dec, dec, HUNDRED } from '../core/decimal.js';

/** Red, amber or green: spending well behind, somewhat behind, or keeping pace with the year. */
export type PaceState = 'red' | 'amber' | 'green';

/**
 * Thresholds of the state.
 *
 * - `basis: 'pace'`: on pace = 1–N月执行率 ÷ 序时进度 × 100; pace < `red` → red,
 *   `red` ≤ pace < `amber` → amber, pace ≥ `amber` → green.
 * - `basis: 'gap'`: on the gap in percentage points, 序时进度 − 1–N月执行率; gap > `red` → red,
 *   `amber` < gap ≤ `red` → amber, gap ≤ `amber` → green (a line ahead of time has a negative gap).
 *
 * `red` and `amber` are plain decimal strings.
 */
export interface PaceThresholds {
  readonly basis: 'pace' | 'gap';
  readonly red: string;
  readonly amber: string;
}

/**
 * Named thresholds. `provincial` (the default): pace below 60 red, 60 to under 80 amber, 80 and
 * above green, as a deployed provincial monitoring system colours its lines (DESIGN §1
 * "In-year monitoring"; docs/monitoring.md).
 */
export const PACE_THRESHOLDS = {
  provincial: { basis: 'pace', red: '60', amber: '80' },
} as const satisfies Readonly<Record<string, PaceThresholds>>;

/**
 * Checks a thresholds object (programmer error otherwise).
 *
 * @internal
 */
export function assertThresholds(fn: string, name: string, t: unknown): asserts t is PaceThresholds {
  assertObject(fn, name, t);
  if (t.basis !== 'pace' && t.basis !== 'gap')
    rejectArgument(fn, `${name}.basis`, '"pace" or "gap"', describeValue(t.basis));
  for (const k of ['red', 'amber'] as const) {
    const v = t[k];
    if (typeof v !== 'string' || !isPlainDecimal(v))
      rejectArgument(fn, `${name}.${k}`, 'a plain decimal string such as "60"', describeValue(v));
  }
  const red = dec(t.red as string);
  const amber = dec(t.amber as string);
  const ordered = t.basis === 'pace' ? red.lte(amber) : amber.lte(red);
  if (!ordered) {
    rejectArgument(
      fn,
      name,
      t.basis === 'pace' ? 'thresholds with red ≤ amber' : 'thresholds with amber ≤ red (gaps)',
      `red ${String(t.red)}, amber ${String(t.amber)}`,
    );
  }
}

/**
 * The state of a line (internal): `pace` and `gap` exact, in percent and percentage points.
 *
 * @internal
 */
export function paceState(pace: Dec, gap: Dec, t: PaceThresholds): PaceState {
  const red = dec(t.red);
  const amber = dec(t.amber);
  if (t.basis === 'pace') {
    if (pace.lt(red)) return 'red';
    return pace.lt(amber) ? 'amber' : 'green';
  }
  if (gap.gt(red)) return 'red';
  return gap.gt(amber) ? 'amber' : 'green';
}

/**
 * The pace (internal): periodRate ÷ timeProgress × 100, both in percent; null when no time has
 * elapsed (0%).
 *
 * @internal
 */
export function paceOf(periodRate: Dec, timeProgressPercent: Dec): Dec | null {
  if (timeProgressPercent.isZero()) return null;
  return periodRate.times(HUNDRED).dividedBy(timeProgressPercent);
}
