/**
 * The cells of a grid as the table reader sees them, each read once: its text trimmed, whether
 * it looks like a figure, the cell a merged range gives it, and the one-cell rows (titles,
 * captions, section titles) with their width-normalised text. The readers ask the sheet and
 * never trim or normalise a cell themselves.
 *
 * @internal
 */
import { type Grid, isLineFormat } from './grid.js';
import { type Line, lineOf } from './lines.js';
import { formatLocation } from './types.js';

/** What the sheet knows of one row, computed the first time the row is asked for. */
interface RowCells {
  /** Trimmed cell texts. */
  readonly texts: readonly string[];
  /** Columns whose cell is not empty (after trimming). */
  readonly filled: readonly number[];
  /** Whether each cell looks like a figure (false for an empty cell). */
  readonly figures: readonly boolean[];
  /** The only non-empty cell as a line, or null. */
  readonly single: Line | null;
}

/** Read-only view of a grid's cells. Rows and columns are 0-based; a cell beyond a row is empty. */
export interface Sheet {
  readonly grid: Grid;
  /** PDF text: blank lines are page breaks, a line of one cell may be a title, nothing is a comment. */
  readonly isText: boolean;
  /** Number of rows. */
  readonly height: number;
  /** The cell as in the input (not trimmed). */
  raw(r: number, c: number): string;
  /** The cell trimmed. */
  text(r: number, c: number): string;
  /** Number of cells the row has in the input (empty ones included). */
  length(r: number): number;
  /** Columns whose cell is not empty. */
  filled(r: number): readonly number[];
  /** True for a cell that looks like a figure (`321.19`, `-6.26%`, `(7 379)`). */
  isFigure(r: number, c: number): boolean;
  /** True for a row without any non-empty cell. */
  isBlank(r: number): boolean;
  /** True for a CSV or worksheet row whose first non-empty cell starts with `#`. */
  isComment(r: number): boolean;
  /** The only non-empty cell of a row, or null. */
  single(r: number): Line | null;
  /** The row as text: PDF text as in the input, other rows' non-empty cells joined by `" | "`. */
  rowText(r: number): string;
  /** The first row from `r` on that is neither blank nor a comment, or null. */
  nextContentRow(r: number): number | null;
  /** A header cell, trimmed: an empty cell shows the text of the merged cell that covers it. */
  headerText(r: number, c: number): string;
  /** Whether the text {@link headerText} gives looks like a figure. */
  headerIsFigure(r: number, c: number): boolean;
  /**
   * A data cell, trimmed: an empty cell shows the text of a cell merged down over it from a
   * data row (a category cell), never that of a header cell.
   */
  dataText(r: number, c: number, headerLast: number): string;
  /** The cell {@link dataText} reads, as in the input (its leading spaces are an indentation). */
  dataRaw(r: number, c: number, headerLast: number): string;
  /** True when the cell is covered by a merged range that starts in another cell. */
  isCovered(r: number, c: number): boolean;
  /** True when a merged range starting in row `r` spans column `c` and more than one column. */
  isMergedAcross(r: number, c: number): boolean;
  /** True when a merged range starts at the cell and spans more than one row. */
  isMergedDown(r: number, c: number): boolean;
  /**
   * The first and last row of the merged range that holds the cell, when it spans more than
   * one row (a 分值 printed once for a block of rows); null otherwise.
   */
  mergedRows(r: number, c: number): readonly [number, number] | null;
  /** A row's place in words, for messages: `line 5` / `第 5 行`, its cells in a worksheet (`A5:F5`), `table 2, row 5`. */
  place(r: number, lang: 'en' | 'zh'): string;
}

/** True for a trimmed cell text that looks like a figure. */
function looksLikeFigure(text: string): boolean {
  return /^[-+(（]?\s*\d[\d\s,.]*(?:%|％)?[)）]?$/.test(text);
}

/** The sheet of a grid. */
export function sheetOf(grid: Grid): Sheet {
  const rows = grid.rows;
  // A PDF whose tables were read from their ruling lines has cells, as a document does.
  const isText = isLineFormat(grid.format) && grid.ruled !== true;
  const cache: (RowCells | undefined)[] = [];
  const origin = new Map<string, readonly [number, number]>();
  for (const m of grid.merges) {
    for (let r = m.r0; r <= m.r1; r++) {
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) origin.set(`${r},${c}`, [m.r0, m.c0]);
    }
  }

  const cells = (r: number): RowCells => {
    const hit = cache[r];
    if (hit !== undefined) return hit;
    const row = rows[r] ?? [];
    const texts: string[] = [];
    const filled: number[] = [];
    const figures: boolean[] = [];
    for (let c = 0; c < row.length; c++) {
      const t = (row[c] ?? '').trim();
      texts.push(t);
      if (t !== '') filled.push(c);
      figures.push(t !== '' && looksLikeFigure(t));
    }
    const only = filled.length === 1 ? lineOf(texts[filled[0] as number] as string) : null;
    const made: RowCells = { texts, filled, figures, single: only };
    cache[r] = made;
    return made;
  };

  const raw = (r: number, c: number): string => rows[r]?.[c] ?? '';
  const text = (r: number, c: number): string => cells(r).texts[c] ?? '';
  const isBlank = (r: number): boolean => cells(r).filled.length === 0;
  const isComment = (r: number): boolean => {
    // A PDF's lines are what it prints; a text file's `#` lines are comments, as in CSV.
    if (grid.format === 'pdf') return false;
    const first = cells(r).filled[0];
    return first !== undefined && text(r, first).startsWith('#');
  };

  // Most grids (every CSV and text grid) have no merged cells: no key to build then.
  const originOf = (r: number, c: number) => (origin.size === 0 ? undefined : origin.get(`${r},${c}`));
  /** The merged cell a data cell shows, or undefined for the cell itself. */
  const dataOrigin = (r: number, c: number, headerLast: number) => {
    if (text(r, c) !== '') return undefined;
    const o = originOf(r, c);
    return o === undefined || o[1] !== c || o[0] <= headerLast ? undefined : o;
  };

  return {
    grid,
    isText,
    height: rows.length,
    raw,
    text,
    length: (r) => (rows[r] ?? []).length,
    filled: (r) => cells(r).filled,
    isFigure: (r, c) => cells(r).figures[c] === true,
    isBlank,
    isComment,
    single: (r) => cells(r).single,
    rowText: (r) => {
      if (isText) return (rows[r] ?? []).join('\t');
      return cells(r)
        .filled.map((c) => text(r, c))
        .join(' | ');
    },
    nextContentRow: (r) => {
      for (let q = r; q < rows.length; q++) if (!isBlank(q) && !isComment(q)) return q;
      return null;
    },
    headerText: (r, c) => {
      const own = text(r, c);
      if (own !== '') return own;
      const o = originOf(r, c);
      return o === undefined ? own : text(o[0], o[1]);
    },
    headerIsFigure: (r, c) => {
      if (text(r, c) !== '') return cells(r).figures[c] === true;
      const o = originOf(r, c);
      return o !== undefined && cells(o[0]).figures[o[1]] === true;
    },
    dataText: (r, c, headerLast) => {
      const o = dataOrigin(r, c, headerLast);
      return o === undefined ? text(r, c) : text(o[0], o[1]);
    },
    dataRaw: (r, c, headerLast) => {
      const o = dataOrigin(r, c, headerLast);
      return o === undefined ? raw(r, c) : raw(o[0], o[1]);
    },
    isCovered: (r, c) => originOf(r, c) !== undefined,
    isMergedAcross: (r, c) => grid.merges.some((m) => m.r0 === r && m.c0 <= c && c <= m.c1 && m.c1 > m.c0),
    isMergedDown: (r, c) => grid.merges.some((m) => m.r0 === r && m.c0 === c && m.r1 > m.r0),
    mergedRows: (r, c) => {
      if (grid.merges.length === 0) return null;
      const m = grid.merges.find((g) => g.r0 <= r && r <= g.r1 && g.c0 <= c && c <= g.c1 && g.r1 > g.r0);
      return m === undefined ? null : [m.r0, m.r1];
    },
    place: (r, lang) => {
      const at = grid.locate(r);
      if (at.cell !== undefined) return at.cell;
      // A row of a web page's or Word document's table, or a paragraph: `table 2, row 5`.
      if (at.line === undefined) {
        const { file: _file, ...place } = at;
        return formatLocation(place, lang);
      }
      return lang === 'zh' ? `第 ${at.line} 行` : `line ${at.line}`;
    },
  };
}
