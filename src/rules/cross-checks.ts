/**
 * Cross-checks: common indicators (预算执行率, 预算调整率, 在职人员控制率, 结转结余率) that the
 * report prints as indicator rows are recomputed from the report's own budget table and
 * staffing, each once per report.
 */
import { type Dec, dec, HUNDRED, isNeg, ONE, type RoundingMode, toFixed } from '../core/decimal.js';
import { compareRounded, divide, type Interval, scale, subtract } from '../core/intervals.js';
import { isFigure, parseQuantity, quantityValue } from '../core/quantity.js';
import { adjustmentRate, amountUnitInfo, executionRate, readAmount } from '../figures/budget.js';
import {
  type CommonIndicatorId,
  type CommonRateResult,
  carryoverRate,
  commonIndicatorOf,
  staffControlRate,
} from '../figures/common-indicators.js';
import type { Finding, Path } from '../model/findings.js';
import { CROSS_CHECK_FORMULAS } from '../model/messages/formulas.js';
import { makeFinding } from '../model/messages/index.js';
import type { AmountUnit, BudgetLine, Figure, Report } from '../model/report.js';
import type { CrossCheck } from './result.js';
import { amountInterval, roundingFinding } from './rounding.js';
import { actualReadingOf, type IndicatorRow, isRecord } from './rows.js';

/**
 * Recomputes each common indicator that a row prints and compares it with the printed actual
 * at its printed precision (`cross-check-mismatch`, error). 预算执行率 and 预算调整率 use the
 * budget table's only root; 在职人员控制率 uses `staffing`; 结转结余率 the root's `carryover`.
 *
 * The root's amounts are printed rounded: a printed rate that they give only as the rounded
 * figures they are (each amount anywhere in the interval that rounds to it) is
 * `rounding-difference` (info, figure `cross-check`), not a mismatch; `strict` (the option
 * `strictInputs`) takes them as exact. Staff numbers are counts, exact as printed.
 * Then the staff numbers themselves, whether or not a row prints a control rate
 * ({@link checkStaffing}).
 */
export function crossCheck(
  report: Report,
  roots: readonly BudgetLine[],
  rows: readonly IndicatorRow[],
  amountUnit: AmountUnit,
  mode: RoundingMode,
  findings: Finding[],
  strict = false,
): CrossCheck[] {
  const out: CrossCheck[] = [];
  const root = roots.length === 1 && isRecord(roots[0]) ? roots[0] : null;
  // Each common indicator is computed once per report, however many rows print it: its
  // result, exact value and the interval its root's rounded amounts allow.
  const memo = new Map<CommonIndicatorId, Recomputed | null>();
  const staffing = isRecord(report.staffing) ? report.staffing : null;
  for (const row of rows) {
    if (typeof row.source.name !== 'string') continue;
    const id = commonIndicatorOf(row.name);
    if (id === null) continue;
    const path: Path = [...row.path, 'actual'];
    const p = actualReadingOf(row);
    if (p === null || !p.ok || p.quantity === null || (p.quantity.unit !== null && p.quantity.unit !== '%'))
      continue;
    let known = memo.get(id);
    if (known === undefined) {
      const result = recompute(id, root, staffing, amountUnit);
      known =
        result === null
          ? null
          : {
              result,
              exact: result.ok ? dec(result.exact) : null,
              inputs: result.ok && !strict ? rateInterval(id, root, amountUnit, mode) : null,
            };
      memo.set(id, known);
    }
    if (known === null) continue;
    const r = known.result;
    const published = p.quantity.text;
    const formula = CROSS_CHECK_FORMULAS[id];
    // A figure that cannot be recomputed is listed with nothing to compare.
    const cmp = r.ok ? compareRounded(known.exact as Dec, known.inputs, p.quantity, mode) : null;
    out.push({
      id,
      path: row.path,
      name: row.name,
      published,
      formula,
      recomputed: r.ok ? r.printed : null,
      recomputedExact: r.ok ? r.exact : null,
      consistent: cmp === null ? null : cmp.consistent || cmp.byRounding,
    });
    if (!r.ok || cmp === null) continue;
    if (cmp.byRounding) {
      findings.push(roundingFinding('cross-check', row.name, path, p.quantity.text, cmp, '%'));
      continue;
    }
    if (cmp.consistent) continue;
    findings.push(
      makeFinding(
        'cross-check-mismatch',
        path,
        { id, name: row.name, published: p.quantity.text, recomputed: r.printed },
        { published: p.quantity.text, recomputed: r.printed },
      ),
    );
  }
  checkStaffing(staffing, rows, findings);
  return out;
}

/** A common indicator recomputed once per report (internal). */
interface Recomputed {
  readonly result: CommonRateResult;
  /** The exact value, when the result is a value. */
  readonly exact: Dec | null;
  /** The interval the root's rounded amounts allow (null when strict or none). */
  readonly inputs: Interval | null;
}

/**
 * The staff numbers (`staffing`: 编制数 and 在职人数), checked whenever the report gives both,
 * not only when a row is named 在职人员控制率:
 * - `over-establishment` (warning) at `["staffing", "actual"]`: more staff in post than
 *   authorised posts, with the 在职人员控制率 (在职 ÷ 编制 × 100%, 2 decimals, half-up):
 *   50 in post against 46 authorised is 108.70%;
 * - `staffing-invalid` (warning) at `["staffing"]`: a negative staff number (`negative`), or
 *   zero authorised posts while a row prints a staff control rate (`zero-authorized`; info
 *   when nobody is in post and the printed rate is 0%, as for a 0 ÷ 0 execution rate).
 * Zero authorised posts with no printed rate is no finding (some units have no 编制). Numbers
 * that cannot be read are left to the cross-check (no finding here).
 */
function checkStaffing(
  staffing: Record<string, unknown> | null,
  rows: readonly IndicatorRow[],
  findings: Finding[],
): void {
  if (staffing === null) return;
  const authorized = staffCount(staffing.authorized);
  const actual = staffCount(staffing.actual);
  if (authorized === undefined || actual === undefined) return;
  const shown = { authorized: authorized?.text ?? null, actual: actual?.text ?? null };
  if ((authorized !== null && isNeg(authorized.value)) || (actual !== null && isNeg(actual.value))) {
    findings.push(makeFinding('staffing-invalid', ['staffing'], { kind: 'negative', ...shown }));
    return;
  }
  if (authorized === null || actual === null) return;
  if (authorized.value.isZero()) {
    const printed = printedControlRate(rows);
    if (printed === null) return;
    const quiet = actual.value.isZero() && printed.isZero();
    findings.push(
      makeFinding(
        'staffing-invalid',
        ['staffing'],
        { kind: 'zero-authorized', ...shown },
        { severity: quiet ? 'info' : 'warning' },
      ),
    );
    return;
  }
  if (!actual.value.gt(authorized.value)) return;
  const rate = `${toFixed(actual.value.dividedBy(authorized.value).times(HUNDRED), 2)}%`;
  findings.push(
    makeFinding(
      'over-establishment',
      ['staffing', 'actual'],
      { authorized: authorized.text, actual: actual.text, rate },
      { published: actual.text, recomputed: rate },
    ),
  );
}

/**
 * A staff number as given: its value and text; null when it is not given (absent, blank, `/`);
 * undefined when it cannot be read (then nothing is checked).
 */
function staffCount(raw: unknown): { readonly value: Dec; readonly text: string } | null | undefined {
  if (raw === undefined || raw === null) return null;
  if (!isFigure(raw)) return undefined;
  const q = parseQuantity(raw);
  if (!q.ok) return undefined;
  if (q.quantity === null) return null;
  return { value: quantityValue(q.quantity), text: q.quantity.text };
}

/** The staff control rate a row prints (在职人员控制率 …), as a value, or null when none does. */
function printedControlRate(rows: readonly IndicatorRow[]): Dec | null {
  for (const row of rows) {
    if (typeof row.source.name !== 'string' || commonIndicatorOf(row.name) !== 'staff-control-rate') continue;
    const p = actualReadingOf(row);
    if (p?.ok && p.quantity !== null) return quantityValue(p.quantity);
  }
  return null;
}

function figureOrNull(v: unknown): Figure | null {
  return isFigure(v) ? v : null;
}

/**
 * The interval in percent of a common indicator over the rounding intervals of the root's
 * printed amounts, or null (no amounts, a divisor whose interval holds zero, or staffing:
 * counts are exact). Each amount enters once, so the interval is the exact range:
 * 预算执行率 actual ÷ adjusted × 100; 预算调整率 (adjusted ÷ initial − 1) × 100, the same as
 * (adjusted − initial) ÷ initial × 100 without initial twice; 结转结余率 carryover ÷ adjusted × 100.
 */
function rateInterval(
  id: CommonIndicatorId,
  root: Record<string, unknown> | null,
  amountUnit: AmountUnit,
  mode: RoundingMode,
): Interval | null {
  if (root === null) return null;
  const unit = amountUnitInfo(amountUnit);
  const interval = (key: string): Interval | null => {
    const r = readAmount(figureOrNull(root[key]), unit);
    return r.ok && r.quantity !== null ? amountInterval(r.quantity, unit, mode, false) : null;
  };
  const ratio = (num: string, den: string): Interval | null => {
    const n = interval(num);
    const d = interval(den);
    return n === null || d === null ? null : divide(n, d);
  };
  let q: Interval | null;
  switch (id) {
    case 'execution-rate':
      q = ratio('actual', 'adjusted');
      break;
    case 'adjustment-rate': {
      const r = ratio('adjusted', 'initial');
      q = r === null ? null : subtract(r, { lo: ONE, hi: ONE });
      break;
    }
    case 'carryover-rate':
      q = ratio('carryover', 'adjusted');
      break;
    case 'staff-control-rate':
      q = null;
      break;
  }
  return q === null ? null : scale(q, HUNDRED);
}

/** Recomputes a common indicator from the report's data; null when the data is not there. */
function recompute(
  id: CommonIndicatorId,
  root: Record<string, unknown> | null,
  staffing: Record<string, unknown> | null,
  amountUnit: AmountUnit,
): CommonRateResult | null {
  switch (id) {
    case 'execution-rate': {
      if (root === null) return null;
      const r = executionRate(
        { adjusted: figureOrNull(root.adjusted), actual: figureOrNull(root.actual) },
        { amountUnit },
      );
      return r.ok ? r : r.code === 'execution-rate-undefined' ? { ...r, code: 'rate-undefined' } : null;
    }
    case 'adjustment-rate': {
      if (root === null) return null;
      const r = adjustmentRate(
        { initial: figureOrNull(root.initial), adjusted: figureOrNull(root.adjusted) },
        { amountUnit },
      );
      return r.ok ? r : r.code === 'adjustment-rate-undefined' ? { ...r, code: 'rate-undefined' } : null;
    }
    case 'staff-control-rate': {
      if (staffing === null) return null;
      const r = staffControlRate({
        authorized: figureOrNull(staffing.authorized),
        actual: figureOrNull(staffing.actual),
      });
      return r.ok || r.code === 'rate-undefined' ? r : null;
    }
    case 'carryover-rate': {
      if (root === null || root.carryover === undefined || root.carryover === null) return null;
      const r = carryoverRate({
        carryover: figureOrNull(root.carryover),
        adjusted: figureOrNull(root.adjusted),
      });
      return r.ok || r.code === 'rate-undefined' ? r : null;
    }
  }
}
