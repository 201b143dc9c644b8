/**
 * What the readers of one grid share: its cells (read once), the report's facts found so far,
 * the log of what was not placed and what was inferred, and the two questions every part of
 * the reading asks of a row (is it a header? a `key,value` fact?), each answered once per row.
 *
 * @internal
 */
import { type FactRow, factOf, type Meta } from './facts.js';
import type { Grid } from './grid.js';
import { type Header, headerFinder } from './header-row.js';
import { type Sheet, sheetOf } from './sheet.js';
import type { Log } from './types.js';

/** The state of reading one grid. */
export interface Reader {
  readonly sheet: Sheet;
  /** Facts of the report: shared by the grids of one import (the sheets of a workbook). */
  readonly meta: Meta;
  readonly log: Log;
  /** The header starting at row `r`, or null. */
  header(r: number): Header | null;
  /** The fact row `r` states, or null. */
  fact(r: number): FactRow | null;
}

/** A reader of `grid` that records facts in `meta`. */
export function readerOf(grid: Grid, meta: Meta): Reader {
  const sheet = sheetOf(grid);
  const facts = new Map<number, FactRow | null>();
  const fact = (r: number): FactRow | null => {
    let hit = facts.get(r);
    if (hit === undefined) {
      hit = factOf(sheet, r);
      facts.set(r, hit);
    }
    return hit;
  };
  return {
    sheet,
    meta,
    log: { unplaced: [], notes: [] },
    header: headerFinder(sheet, (r) => fact(r) !== null),
    fact,
  };
}
