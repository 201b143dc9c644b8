/**
 * What one call of validateReport reads once and shares between the rows that print the same
 * text: the parsed targets and the readings of the actuals (internal).
 *
 * @internal
 */
import { type ParseQuantityResult, parseQuantity, type Quantity, type UnitColumn } from '../core/quantity.js';
import type { TargetCells } from '../model/report.js';
import { type ParseTargetResult, parseTargetIn, type TargetContext } from './target.js';

/**
 * The targets and actuals of one report, each distinct text read once (internal; one per
 * validateReport call, never module state). Targets: a parse is reused only when it did not read the row's name or
 * category path (a target printed with its comparator, a range, a qualitative target): the
 * context is handed over through getters that note when they are read. Keyed by the unit
 * column as read and the text.
 */
export class ReportReadings {
  readonly #parsed = new Map<string, ParseTargetResult>();

  /** {@link parseTargetIn}, from the cache when the same text was read in the same unit column. */
  parse(input: string | number | TargetCells, context: TargetContext, column: UnitColumn): ParseTargetResult {
    if (typeof input !== 'string' || !column.ok) return parseTargetIn(input, context, column);
    const key = `${column.unit ?? ''}\u0000${input}`;
    const hit = this.#parsed.get(key);
    if (hit !== undefined) return hit;
    let read = false;
    const probe: TargetContext = {
      get name() {
        read = true;
        return context.name;
      },
      get path() {
        read = true;
        return context.path;
      },
      unit: context.unit,
    };
    const parsed = parseTargetIn(input, probe, column);
    if (!read) this.#parsed.set(key, parsed);
    return parsed;
  }

  readonly #quantities = new Map<string, ParseQuantityResult>();
  readonly #withUnit = new Map<Quantity, Map<string, Quantity>>();

  /**
   * {@link parseQuantity} of a printed actual, each distinct text read once: a report repeats
   * many of its actuals (`100%`, `1次`), and the rows that print the same one share its reading
   * (their results hold one frozen object, not one each). The reading depends on the text alone.
   */
  quantity(text: string): ParseQuantityResult {
    let q = this.#quantities.get(text);
    if (q === undefined) {
      q = parseQuantity(text);
      // Shared by every row that prints the text: frozen, as the shared cells are.
      if (q.ok && q.quantity !== null) Object.freeze(q.quantity);
      this.#quantities.set(text, q);
    }
    return q;
  }

  /**
   * `{ ...q, unit }` for a bare actual read in the unit of the other side or of the unit column,
   * frozen, one object per quantity object and unit: the rows that share a reading of
   * {@link quantity} share this one too.
   */
  withUnit(q: Quantity, unit: string): Quantity {
    let byUnit = this.#withUnit.get(q);
    if (byUnit === undefined) {
      byUnit = new Map();
      this.#withUnit.set(q, byUnit);
    }
    let out = byUnit.get(unit);
    if (out === undefined) {
      out = Object.freeze({ ...q, unit });
      byUnit.set(unit, out);
    }
    return out;
  }
}
