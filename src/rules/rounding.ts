/**
 * The finding of the rounding rule (DESIGN §1 "Rounding", docs/conventions.md §1), shared by
 * the budget, indicator and cross-check rules: a printed result that the printed inputs taken
 * as exact do not give, but inputs that round to them do.
 *
 * @internal
 */
import type { Dec, RoundingMode } from '../core/decimal.js';
import { type Interval, quantityInterval, type RoundedComparison } from '../core/intervals.js';
import { convertValue, type Quantity, quantityUnit } from '../core/quantity.js';
import type { UnitInfo } from '../core/units.js';
import type { Finding, Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { RoundedFigure } from '../model/messages/params.js';

/**
 * The interval a printed amount stands for (its rounding interval at its printed decimals
 * under `mode`, or the amount alone when `exact`), converted to the amount unit `unit`: money
 * units differ by powers of ten, so the bounds convert exactly.
 *
 * @example
 * ```ts
 * amountInterval(parsed('1.5亿元'), 万元, 'half-up', false); // [14500, 15500] 万元
 * ```
 */
export function amountInterval(q: Quantity, unit: UnitInfo, mode: RoundingMode, exact: boolean): Interval {
  const i = quantityInterval(q, mode, exact);
  const from = quantityUnit(q);
  // readAmount admits money units only, so the conversion exists.
  return { lo: convertValue(i.lo, from, unit) as Dec, hi: convertValue(i.hi, from, unit) as Dec };
}

/**
 * The `rounding-difference` finding (info) of a comparison whose `byRounding` is true:
 * `recomputed` is the result from the printed inputs as exact, `low`…`high` the results the
 * input intervals allow, each printed like the figure with `suffix` (`'%'` for rates and
 * relative deviations, `''` for amounts).
 *
 * @example
 * ```ts
 * // "FY": 96.8% printed beside 2.38 and 2.46 → recomputed 96.7%, low 96.3%, high 97.1%
 * roundingFinding('execution-rate', 'FY', path, '96.8%', cmp, '%');
 * ```
 */
export function roundingFinding(
  figure: RoundedFigure,
  name: string,
  path: Path,
  published: string,
  cmp: RoundedComparison,
  suffix: string,
): Finding {
  const recomputed = `${cmp.expected}${suffix}`;
  return makeFinding(
    'rounding-difference',
    path,
    {
      figure,
      name,
      published,
      recomputed,
      low: `${cmp.low ?? cmp.expected}${suffix}`,
      high: `${cmp.high ?? cmp.expected}${suffix}`,
    },
    { published, recomputed },
  );
}
