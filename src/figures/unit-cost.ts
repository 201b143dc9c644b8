/**
 * Unit costs (单位成本) as cost targets print them: `≤50元/亩`, `≤1000元/人`, `704元/村`,
 * `≤28.40/株` (the money unit left out), or a bare `50` beside a unit column `元/亩`. The
 * amount is read by parseTarget; this module only splits the "per" unit off.
 */

import { readUnitColumn } from '../core/quantity.js';
import { normalizeText } from '../core/text.js';
import { lookupUnit } from '../core/units.js';
import type { TargetCells } from '../model/report.js';
import { type ParseTargetResult, parseTargetIn, type TargetContext } from './target.js';

/** A target split into its amount and the unit it is counted per. */
export interface UnitCostTarget {
  /** The amount as parseTarget reads it (its unit is the money unit, or null when none was printed). */
  readonly amount: ParseTargetResult;
  /** The canonical unit the cost is per (`亩`, `人`, `人次`, `株`). */
  readonly per: string;
}

/** Splits `元/亩` into `元` and `亩`; null when there is no `/` or the part after it is not a unit. */
export function splitPerUnit(unit: string): { money: string; per: string } | null {
  const s = normalizeText(unit).replaceAll(' ', '');
  const at = s.lastIndexOf('/');
  if (at < 0 || at === s.length - 1) return null;
  const perText = s.slice(at + 1).replace(/^每/u, '');
  const per = lookupUnit(perText);
  if (per === null || per.dimension === 'money' || per.dimension.startsWith('ratio')) return null;
  return { money: s.slice(0, at), per: per.symbol };
}

/**
 * Reads a unit cost: the target's text or its unit column ends with `/unit`. Null when the
 * target is not a unit cost.
 *
 * @example
 * ```ts
 * readUnitCost('≤50元/亩'); // { amount: { ok: true, target: ≤ 50 元 }, per: '亩' }
 * readUnitCost('≤28.40/株'); // amount ≤ 28.40 with no unit, per '株'
 * ```
 */
export function readUnitCost(
  target: string | number | TargetCells,
  context: TargetContext,
): UnitCostTarget | null {
  const column = typeof context.unit === 'string' ? splitPerUnit(context.unit) : null;
  if (column !== null) {
    const amount = parseTargetIn(target, { ...context, unit: null }, readUnitColumn(column.money || null));
    return { amount, per: column.per };
  }
  if (typeof target !== 'string') return null;
  const s = normalizeText(target);
  const at = s.lastIndexOf('/');
  if (at < 0) return null;
  const split = splitPerUnit(s.slice(at));
  if (split === null) return null;
  const amount = parseTargetIn(s.slice(0, at).trim(), { ...context, unit: null }, readUnitColumn(null));
  return { amount, per: split.per };
}
