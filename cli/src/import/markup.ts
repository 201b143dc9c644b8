/**
 * What the web page reader (html.ts) and the Word reader (docx.ts) share: the text of a cell or
 * paragraph from the lines it holds, a table's cells placed on its grid with their merges, and
 * the document grid built from paragraphs and tables in document order, with the cells counted
 * against the import's limit as they are placed (never after the memory is spent).
 *
 * @internal
 */
import type { Limits } from './document.js';
import { type DocumentPlace, documentGrid, type Grid, type MergedRange } from './grid.js';
import { failure, type ImportFailure } from './types.js';

/** A table as placed on its own grid: `height` rows of `width` cells, merges relative to it. */
export interface PlacedTable {
  /** Rows of exactly `width` cells; a cell covered by a merge is `""`. */
  readonly rows: readonly (readonly string[])[];
  readonly width: number;
  /** Merged ranges (more than one cell each), 0-based and inclusive, relative to the table. */
  readonly merges: readonly MergedRange[];
}

/** Thrown inside a reader when the cells of a document pass the limit; caught by the reader. */
export class TooManyCells extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} cells`);
  }
}

/** The failure a reader gives when a document has more cells than the limit. */
export function tooManyCells(
  what: { en: string; zh: string },
  limit: number,
  file: string | undefined,
): ImportFailure {
  return failure(
    `${what.en} has more than ${limit} cells (tables and paragraphs), the most one import reads: not read`,
    `${what.zh}的单元格（表格与段落）超过 ${limit} 个，超出一次导入的上限：未读取`,
    file === undefined ? undefined : { file },
  );
}

/**
 * The cells still allowed in one import: every reader takes from it before it allocates, so a
 * table that declares a million columns stops at the limit and not after.
 */
export class CellBudget {
  private used = 0;
  constructor(readonly limit: number) {}

  /** Counts `n` more cells; throws {@link TooManyCells} past the limit. */
  take(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw new TooManyCells(this.limit);
  }

  /** Throws {@link TooManyCells} when `n` more cells would pass the limit (nothing is counted). */
  check(n: number): void {
    if (this.used + n > this.limit) throw new TooManyCells(this.limit);
  }
}

/** The budget of one import's cells. */
export function cellBudget(limits: Limits): CellBudget {
  return new CellBudget(limits.cells);
}

/**
 * One cell to place: its text and how many grid columns and rows it spans, and the first row
 * below it that it may not reach (the end of its row group).
 */
export interface SpanCell {
  readonly text: string;
  /** Columns spanned, at least 1. */
  readonly colspan: number;
  /** Rows spanned, at least 1; 0 reaches the end of the row group. */
  readonly rowspan: number;
}

/** A cell of a row group, as placed: where it starts and what it covers. */
interface Placed {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
  readonly text: string;
}

/** What {@link placeRows} tells about a cell it had to shorten. */
export interface Clipped {
  /** 0-based row and column of the cell in its table. */
  readonly row: number;
  readonly column: number;
  readonly kind: 'rowspan' | 'colspan';
  /** The span written, and the span kept. */
  readonly written: number;
  readonly kept: number;
}

/**
 * The HTML table model (WHATWG HTML, "forming a table"), for rows given in row groups (thead,
 * tbody, tfoot, or the rows directly in the table): each cell takes the first slot of its row
 * that no cell above covers, and covers `colspan` × `rowspan` slots. A rowspan of 0 reaches the
 * end of its row group, and a rowspan that runs past it stops there (as browsers show it); a
 * colspan that runs into a slot a cell above already covers stops before it (the standard's
 * "table model error", where browsers overlap the two cells). Cells are counted in `budget`
 * as they are placed.
 */
export function placeRows(
  groups: readonly (readonly (readonly SpanCell[])[])[],
  budget: CellBudget,
  clipped: Clipped[],
): PlacedTable {
  const placed: Placed[] = [];
  /** covered[r] holds, for each slot of row r, whether a cell covers it. */
  const covered: boolean[][] = [];
  let width = 0;
  let base = 0;
  // Slots marked so far: bounded by the budget before any is marked.
  let slots = 0;
  for (const group of groups) {
    const end = base + group.length;
    for (let g = 0; g < group.length; g++) {
      const y = base + g;
      const row = rowOf(covered, y);
      let x = 0;
      for (const cell of group[g] as readonly SpanCell[]) {
        while (row[x] === true) x++;
        let cols = cell.colspan;
        for (let k = 1; k < cols; k++) {
          if (row[x + k] === true) {
            clipped.push({ row: y, column: x, kind: 'colspan', written: cols, kept: k });
            cols = k;
            break;
          }
        }
        const reach = cell.rowspan === 0 ? end - y : cell.rowspan;
        const rows = Math.min(reach, end - y);
        if (cell.rowspan !== 0 && rows < cell.rowspan) {
          clipped.push({ row: y, column: x, kind: 'rowspan', written: cell.rowspan, kept: rows });
        }
        slots += rows * cols;
        budget.check(slots);
        for (let r = y; r < y + rows; r++) {
          const line = rowOf(covered, r);
          for (let c = x; c < x + cols; c++) line[c] = true;
        }
        placed.push({ r0: y, c0: x, r1: y + rows - 1, c1: x + cols - 1, text: cell.text });
        x += cols;
        width = Math.max(width, x);
      }
    }
    base = end;
  }
  return gridOf(placed, base, width, budget);
}

/** Row `r` of a table's covered slots, made when first asked for. */
function rowOf(covered: boolean[][], r: number): boolean[] {
  let row = covered[r];
  if (row === undefined) {
    row = [];
    covered[r] = row;
  }
  return row;
}

/**
 * The rows and merges of cells placed on a grid of `height` × `width`; its cells are counted in
 * `budget` before the rows are allocated.
 */
export function gridOf(
  placed: readonly Placed[],
  height: number,
  width: number,
  budget: CellBudget,
): PlacedTable {
  budget.take(height * width);
  const rows: string[][] = [];
  for (let r = 0; r < height; r++) rows.push(new Array<string>(width).fill(''));
  const merges: MergedRange[] = [];
  for (const p of placed) {
    (rows[p.r0] as string[])[p.c0] = p.text;
    if (p.r1 > p.r0 || p.c1 > p.c0) merges.push({ r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 });
  }
  return { rows, width, merges };
}

/** One cell placed by a reader that knows its position (a Word table's grid). */
export type PlacedCell = Placed;

/**
 * A cell's or paragraph's text from its lines: lines with nothing but white space are left out,
 * the others joined by `"\n"`.
 */
export function joinLines(lines: readonly string[]): string {
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/**
 * The grid of a document, built in document order: paragraphs (one-cell rows) and the rows of
 * its tables, every cell counted in the budget.
 */
export class DocumentBuilder {
  private readonly rows: (readonly string[])[] = [];
  private readonly places: DocumentPlace[] = [];
  private readonly merges: MergedRange[] = [];
  private paragraphs = 0;
  private readonly tables = new Set<number>();

  constructor(private readonly budget: CellBudget) {}

  /** A paragraph outside the tables: one one-cell row per line that is not blank. */
  paragraph(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.budget.take(1);
      this.paragraphs++;
      this.rows.push([line]);
      this.places.push({ paragraph: this.paragraphs });
    }
  }

  /** Number of tables whose rows were added so far. */
  get tableCount(): number {
    return this.tables.size;
  }

  /** The next table number (1-based), for a reader that numbers tables as it adds them. */
  newTable(): number {
    return this.tables.size + 1;
  }

  /**
   * Rows `from` to `to` (exclusive) of a placed table numbered `table`, with the merges that
   * start in them (a merge must not cross `to`: the caller splits a table only between rows
   * no merge crosses).
   */
  tableRows(table: number, placed: PlacedTable, from = 0, to = placed.rows.length): void {
    const first = this.rows.length;
    this.tables.add(table);
    // The table's cells were counted when it was placed (gridOf).
    for (let r = from; r < to; r++) {
      const row = placed.rows[r] as readonly string[];
      this.rows.push(row);
      this.places.push({ table, row: r + 1 });
    }
    for (const m of placed.merges) {
      if (m.r0 < from || m.r0 >= to) continue;
      this.merges.push({ r0: first + m.r0 - from, c0: m.c0, r1: first + m.r1 - from, c1: m.c1 });
    }
  }

  /** The grid, or null when nothing was added. */
  grid(format: 'html' | 'docx', file: string | undefined): Grid | null {
    if (this.rows.length === 0) return null;
    return documentGrid(format, this.rows, this.merges, this.places, file);
  }
}
