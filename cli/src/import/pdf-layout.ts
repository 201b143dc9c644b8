/**
 * The layout of a PDF's text: positioned text items (what pdf.js gives for a page) grouped
 * into lines by their baseline, lines into cells by the horizontal gaps between items, the
 * cells of a table into the columns that its lines share, and a cell that wraps over several
 * lines joined back into one. Pure: items in, lines of cells out, so it is tested without a
 * PDF (pdf.ts reads the PDF). Tables drawn with borders are laid out from their ruling lines
 * by pdf-ruled.ts; physical lines and the joining of wrapped cells, which both use, are in
 * pdf-lines.ts.
 *
 * @internal
 */
import {
  type Cell,
  joinLines,
  type LaidLine,
  type Physical,
  physicalLines,
  type TextItem,
  units,
  WRAP_SLACK,
} from './pdf-lines.js';
import {
  type LaidMerge,
  type OpenTable,
  type Rule,
  type RuledTable,
  ruledLines,
  ruledTables,
  splitAtBorders,
  tableCell,
} from './pdf-ruled.js';

/** What {@link layoutPages} gives: the lines, and the page headers and footers left out. */
export interface Layout {
  readonly lines: readonly LaidLine[];
  /** The merged cells of the tables read from their ruling lines. */
  readonly merges: readonly LaidMerge[];
  /** How many tables were read from their ruling lines. */
  readonly ruled: number;
  /** Page numbers printed in a page's top or bottom margin: not part of the report. */
  readonly pageNumbers: readonly { readonly page: number; readonly line: number; readonly text: string }[];
}

/** A column of a table: the horizontal extent of its cells. */
interface Column {
  x0: number;
  x1: number;
}

/** The most a line of a wrapped cell may be below the line above it, in font sizes. */
const WRAP_PITCH = 1.5;
/** A line less than this many font sizes below another cannot be a new row of a table. */
const HALF_LINE = 0.9;
/** How much wider than the narrowest gap between a table's rows a gap may be, in font sizes. */
const ROW_SLACK = 0.6;
/** A page number is further than this many font sizes from the page's text. */
const PAGE_MARGIN = 2.5;
/** A first cell indented by this many font sizes more than the column's text is one space in. */
const INDENT = 0.5;
/** Rows of one table are at most this many font sizes apart. */
const TABLE_PITCH = 3.5;

const PAGE_NUMBER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|第\s*\d{1,4}\s*页(?:[\s,，/]*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/i;

/**
 * Lays out the text items of a document's pages: lines by baseline (top to bottom), cells by
 * the gaps between items, the columns of each table from its lines (a later line's cell goes
 * to the column it overlaps most, a line of one cell to the column its left end is in), a
 * line that continues the cells of the line above (close below it, every cell of it in a
 * column whose cell above reaches the column's right edge) joined to it, and a page number
 * alone in the top or bottom line of a page left out. A table that goes on at the top of the
 * next page keeps its columns there. With the page's ruling lines (`rules`, from pdf.ts), a
 * table drawn with borders is read from them instead: one row per band between horizontal
 * borders, one cell per band between vertical ones, cells without a border between them
 * merged (`merges`), the text of a merged cell in its first row and column.
 *
 * @example
 * ```ts
 * layoutPages([
 *   { str: '项目', x: 50, y: 700, width: 20, height: 10, page: 1 },
 *   { str: '年初预算数', x: 150, y: 700, width: 50, height: 10, page: 1 },
 *   { str: '合计', x: 50, y: 684, width: 20, height: 10, page: 1 },
 *   { str: '321.19', x: 150, y: 684, width: 33, height: 10, page: 1 },
 * ]).lines.map((l) => l.cells);
 * // [['项目', '年初预算数'], ['合计', '321.19']]
 * ```
 */
export function layoutPages(items: readonly TextItem[], rules: readonly Rule[] = []): Layout {
  const byPage = new Map<number, TextItem[]>();
  for (const it of items) {
    if (it.str.trim() === '') continue;
    const list = byPage.get(it.page);
    if (list === undefined) byPage.set(it.page, [it]);
    else list.push(it);
  }
  const rulesByPage = new Map<number, Rule[]>();
  for (const r of rules) {
    const list = rulesByPage.get(r.page);
    if (list === undefined) rulesByPage.set(r.page, [r]);
    else list.push(r);
  }
  const lines: LaidLine[] = [];
  const merges: LaidMerge[] = [];
  const pageNumbers: { page: number; line: number; text: string }[] = [];
  let carried: Column[] | null = null;
  let open: OpenTable | null = null;
  let ruled = 0;
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const pageItems = byPage.get(page) ?? [];
    const tables = ruledTables(rulesByPage.get(page) ?? []);
    ruled += tables.length;
    // Every line of the page, numbered top to bottom, for the locations of table rows too.
    const baselines = physicalLines(page, pageItems).map((p) => p.y);
    // The line nearest a baseline (the baselines go down the page): a binary search.
    const lineOf = (y: number) => {
      let lo = 0;
      let hi = baselines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((baselines[mid] as number) > y) lo = mid + 1;
        else hi = mid;
      }
      const below = Math.abs((baselines[lo] as number) - y);
      const above = lo > 0 ? Math.abs((baselines[lo - 1] as number) - y) : Number.POSITIVE_INFINITY;
      return (above < below ? lo - 1 : lo) + 1;
    };
    const inTables: TextItem[][] = tables.map(() => []);
    const free: TextItem[] = [];
    for (const it of pageItems) {
      const k = tables.findIndex((t) => tableCell(t, it) !== null);
      if (k === -1) free.push(it);
      else inTables[k]?.push(...splitAtBorders(tables[k] as RuledTable, it));
    }
    let physical = physicalLines(page, free).map((p) => ({ ...p, line: lineOf(p.y) }));
    const top = Math.max(...tables.map((t) => t.ys[0] as number));
    const bottom = Math.min(...tables.map((t) => t.ys[t.ys.length - 1] as number));
    // A page number alone on the first or last line of the page, set apart from the text (in
    // the page's margin): not a line of the report.
    const alone = (p: Physical | undefined, q: Physical | undefined) =>
      p !== undefined &&
      q !== undefined &&
      p.cells.length === 1 &&
      Math.abs(p.y - q.y) > PAGE_MARGIN * Math.max(p.size, q.size) &&
      PAGE_NUMBER.test((p.cells[0] as Cell).text.trim());
    const first = physical[0];
    if (first !== undefined && first.y > top && alone(first, physical[1])) {
      pageNumbers.push({ page, line: first.line, text: first.cells[0]?.text ?? '' });
      physical = physical.slice(1);
    }
    const last = physical[physical.length - 1];
    if (last !== undefined && last.y < bottom && alone(last, physical[physical.length - 2])) {
      pageNumbers.push({ page, line: last.line, text: last.cells[0]?.text ?? '' });
      physical = physical.slice(0, -1);
    }
    // The page top to bottom: runs of free lines laid out as before, each ruled table as drawn.
    const order = tables
      .map((t, k) => ({ t, k }))
      .sort((a, b) => (b.t.ys[0] as number) - (a.t.ys[0] as number));
    let run: Physical[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const out = layoutPage(run, carried);
      lines.push(...out.lines);
      carried = out.openColumns;
      run = [];
    };
    let next = 0;
    // The table the page's first block may go on with: the previous page's last, if ruled.
    let from = open;
    open = null;
    const table = () => {
      const { t, k } = order[next] as { t: RuledTable; k: number };
      open = ruledLines(t, inTables[k] ?? [], page, lineOf, lines, merges, from);
      from = null;
      carried = null;
      next++;
    };
    for (const p of physical) {
      while (next < order.length && (order[next]?.t.ys[0] as number) > p.y) {
        flush();
        table();
      }
      run.push(p);
      from = null;
      open = null;
    }
    flush();
    while (next < order.length) table();
  }
  return { lines, merges, ruled, pageNumbers };
}

/**
 * The lines of one page. Lines at most one text line apart are a cluster (the lines of one
 * row of a table, or of a paragraph); a run of clusters as close as a table's rows, starting
 * at a cluster with a line of several cells, is a table — the clusters of one cell in it are
 * rows that print only one cell — and is cut where a line's cells do not fit the columns found
 * so far (the next block of an official form, with columns of its own). Every other line is as
 * cut. `carried`: the columns of a table that ran to the bottom of the previous page; the
 * page's first lines go on with that table when they fit its columns.
 */
function layoutPage(
  physical: readonly Physical[],
  carried: Column[] | null,
): { lines: LaidLine[]; openColumns: Column[] | null } {
  const lines: LaidLine[] = [];
  const clusters: Physical[][] = [];
  for (const p of physical) {
    const cluster = clusters[clusters.length - 1];
    const above = cluster?.[cluster.length - 1];
    if (
      cluster !== undefined &&
      above !== undefined &&
      above.y - p.y <= WRAP_PITCH * Math.max(p.size, above.size)
    )
      cluster.push(p);
    else clusters.push([p]);
  }
  const isTable = (c: readonly Physical[]) => c.some((p) => p.cells.length >= 2);
  /** True when a cluster is further below the one above than a table's rows are. */
  const apart = (a: readonly Physical[], b: readonly Physical[]) => {
    const last = a[a.length - 1] as Physical;
    const first = b[0] as Physical;
    return last.y - first.y > TABLE_PITCH * last.size;
  };
  let openColumns: Column[] | null = null;
  let i = 0;
  while (i < clusters.length) {
    const c = clusters[i] as Physical[];
    const goesOn = i === 0 && carried !== null;
    if (!isTable(c) && !goesOn) {
      lines.push(...c.map(plain));
      i++;
      continue;
    }
    // The left end of the table's cells: a paragraph or title starts further left (the cells
    // have their padding), or is set in another size.
    let left = Math.min(
      ...c.flatMap((p) => p.cells.map((x) => x.x0)),
      ...(goesOn && carried !== null && carried[0] !== undefined ? [carried[0].x0] : []),
    );
    const size = (c[0] as Physical).size;
    let j = i + 1;
    // The rows of a table are evenly spaced: a wider gap than the narrowest so far ends it (the
    // margin between two tables, or below one).
    let pitch: number | null = null;
    while (j < clusters.length) {
      const q = clusters[j] as Physical[];
      const above = clusters[j - 1] as Physical[];
      if (apart(above, q)) break;
      const gap = (above[above.length - 1] as Physical).y - (q[0] as Physical).y;
      if (pitch !== null && gap > pitch + ROW_SLACK * size) break;
      pitch = pitch === null ? gap : Math.min(pitch, gap);
      if (!isTable(q)) {
        const first = q[0] as Physical;
        const x0 = Math.min(...q.flatMap((p) => p.cells.map((x) => x.x0)));
        if (Math.abs(first.size - size) > 0.1 * size || x0 < left - 0.5 * size) break;
      } else {
        left = Math.min(left, ...q.flatMap((p) => p.cells.map((x) => x.x0)));
      }
      j++;
    }
    const block = clusters.slice(i, j).flat();
    let inherited = goesOn ? carried : null;
    let columns: Column[] = [];
    for (const part of parts(block, inherited)) {
      columns = columnsOf(part, inherited);
      lines.push(...tableLines(part, columns));
      inherited = null;
    }
    openColumns = j === clusters.length ? columns : null;
    i = j;
  }
  return { lines, openColumns };
}

/**
 * A table's lines cut where a line's cells do not fit the columns of the lines above it (a
 * cell over two of them, two cells in one): each part has columns of its own.
 */
function parts(block: readonly Physical[], inherited: Column[] | null): Physical[][] {
  const out: Physical[][] = [];
  let part: Physical[] = [];
  let columns: Column[] = inherited === null ? [] : inherited.map((c) => ({ ...c }));
  for (const p of block) {
    if (p.cells.length >= 2 && part.length > 0 && !fits(columns, p)) {
      out.push(part);
      part = [];
      columns = [];
    }
    part.push(p);
    if (p.cells.length < 2) continue;
    for (const c of p.cells.flatMap((c) => splitAcross(c, columns, p.size))) {
      if (columns.some((col) => overlap(col.x0, col.x1, c.x0, c.x1) > 0)) continue;
      columns.push({ x0: c.x0, x1: c.x1 });
      columns.sort((a, b) => a.x0 - b.x0);
    }
  }
  if (part.length > 0) out.push(part);
  return out;
}

/** A line outside tables: its cells as cut. */
function plain(p: Physical): LaidLine {
  return { page: p.page, line: p.line, lineEnd: p.line, cells: p.cells.map((c) => c.text) };
}

/** How much two ranges overlap (0 when they do not). */
function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** True when each cell of the line overlaps a column of its own (and no other cell's). */
function fits(columns: readonly Column[], p: Physical): boolean {
  const used = new Set<number>();
  for (const c of p.cells.flatMap((c) => splitAcross(c, columns, p.size))) {
    const hits = columns.flatMap((col, k) => (overlap(col.x0, col.x1, c.x0, c.x1) > 0 ? [k] : []));
    if (hits.length > 1) return false;
    const k = hits[0];
    if (k !== undefined) {
      if (used.has(k)) return false;
      used.add(k);
    }
  }
  return true;
}

/**
 * The columns of a table: the cells of its line with the most cells (the first such line),
 * then each cell of another line that overlaps no column as a column of its own; sorted left
 * to right. Lines of one cell (titles, wrapped cells) add no column. `inherited`: the columns
 * of the table this one may continue, kept when the widest line fits them.
 */
function columnsOf(block: readonly Physical[], inherited: Column[] | null): Column[] {
  let widest = block[0] as Physical;
  for (const p of block) if (p.cells.length > widest.cells.length) widest = p;
  const keep = inherited !== null && fits(inherited, widest);
  const columns: Column[] = keep ? inherited.map((c) => ({ ...c })) : [];
  for (const p of [widest, ...block.filter((b) => b !== widest)]) {
    if (p.cells.length < 2) continue;
    for (const c of p.cells) {
      if (columns.some((col) => overlap(col.x0, col.x1, c.x0, c.x1) > 0)) continue;
      columns.push({ x0: c.x0, x1: c.x1 });
      columns.sort((a, b) => a.x0 - b.x0);
    }
  }
  return columns;
}

/** The column a cell goes to: most overlap with the column's span, or for a lone cell, its left end. */
function columnOfCell(spans: readonly (readonly [number, number])[], c: Cell, lone: boolean): number {
  if (lone) {
    const k = spans.findIndex(([a, b]) => c.x0 >= a && c.x0 < b);
    return k === -1 ? (c.x0 < (spans[0]?.[0] ?? 0) ? 0 : spans.length - 1) : k;
  }
  let best = 0;
  let most = -1;
  spans.forEach(([a, b], k) => {
    const o = overlap(a, b, c.x0, c.x1);
    if (o > most) {
      most = o;
      best = k;
    }
  });
  return best;
}

/**
 * A cell that runs over the start of the next column, cut at the space where that column
 * starts. pdf.js joins two items with a space when the gap between them is less than 0.6 of
 * the font size, which is all the padding a full cell leaves in a LibreOffice table; the
 * space is then where the next column's text starts. The width of the text after each space
 * is estimated from its characters; the cut is made when that puts its start within one font
 * size of the column's left end.
 */
function splitAcross(c: Cell, columns: readonly Column[], size: number): Cell[] {
  const next = columns.find((col) => col.x0 > c.x0 + size && col.x0 < c.x1 - size);
  if (next === undefined || !c.text.includes(' ')) return [c];
  let best: { at: number; off: number } | null = null;
  for (let i = c.text.indexOf(' '); i !== -1; i = c.text.indexOf(' ', i + 1)) {
    const right = c.text.slice(i + 1).trimStart();
    if (right === '' || c.text.slice(0, i).trim() === '') continue;
    const off = Math.abs(c.x1 - units(right) * size - next.x0);
    if (off <= size && (best === null || off < best.off)) best = { at: i, off };
  }
  if (best === null) return [c];
  const left = { text: c.text.slice(0, best.at).trimEnd(), x0: c.x0, x1: next.x0 - size / 2 };
  const rest = { text: c.text.slice(best.at + 1).trimStart(), x0: next.x0, x1: c.x1 };
  return [left, ...splitAcross(rest, columns, size)];
}

/** The width of a cell's first word: what could not go on the line above when it wrapped. */
function headWidth(c: Cell): number {
  const head =
    /^[\p{Ps}\p{Pi}]*[\p{Script=Han}\u3000-\u303f\uff00-\uffef]|^[^\s\p{Script=Han}]+/u.exec(c.text)?.[0] ??
    c.text;
  const all = units(c.text);
  return all === 0 ? 0 : ((c.x1 - c.x0) * units(head)) / all;
}

/** A row being built: its cells by column, and where each column's text ends on its last line. */
interface Row {
  readonly page: number;
  readonly line: number;
  lineEnd: number;
  y: number;
  size: number;
  readonly texts: string[];
  /** Right end of each column's cell on the last line that printed in it, or null when none did. */
  ends: (number | null)[];
}

/** The rows of a table: each line's cells put in their columns, wrapped lines joined. */
function tableLines(block: readonly Physical[], columns: readonly Column[]): LaidLine[] {
  // Column spans: from the middle of the gap to the column on the left to that on the right.
  const spans: [number, number][] = columns.map((col, k) => {
    const prev = columns[k - 1];
    const next = columns[k + 1];
    const a = prev === undefined ? Number.NEGATIVE_INFINITY : (prev.x1 + col.x0) / 2;
    const b = next === undefined ? Number.POSITIVE_INFINITY : (col.x1 + next.x0) / 2;
    return [a, b];
  });
  // The right edge of a column's cells: where the next column starts, or the column's right end.
  const edges = columns.map((col, k) => columns[k + 1]?.x0 ?? col.x1);
  // The left end of the first column's text: a cell that starts further right is indented
  // (a budget line under another), which the table reader reads from leading spaces.
  const base = Math.min(
    ...block.flatMap((p) => (p.cells.length >= 2 ? [p.cells[0] as Cell] : [])).map((c) => c.x0),
  );
  const rows: Row[] = [];
  for (const p of block) {
    const texts: string[] = columns.map(() => '');
    const ends: (number | null)[] = columns.map(() => null);
    const heads: number[] = columns.map(() => 0);
    for (const c of p.cells.length < 2 ? p.cells : p.cells.flatMap((c) => splitAcross(c, columns, p.size))) {
      const k = columnOfCell(spans, c, p.cells.length === 1);
      if (texts[k] === '') heads[k] = headWidth(c);
      const indent = k === 0 && texts[k] === '' ? Math.round((c.x0 - base) / (INDENT * p.size)) : 0;
      texts[k] = texts[k] === '' ? `${' '.repeat(Math.max(indent, 0))}${c.text}` : `${texts[k]} ${c.text}`;
      ends[k] = Math.max(ends[k] ?? Number.NEGATIVE_INFINITY, c.x1);
    }
    const prev = rows[rows.length - 1];
    if (prev !== undefined && continues(prev, p, ends, heads, edges)) {
      for (let k = 0; k < texts.length; k++) {
        const more = (texts[k] as string).trimStart();
        if (more === '') continue;
        prev.texts[k] = joinLines(prev.texts[k] ?? '', more);
      }
      prev.ends = prev.ends.map((e, k) => ends[k] ?? e);
      prev.lineEnd = p.line;
      prev.y = p.y;
      continue;
    }
    rows.push({ page: p.page, line: p.line, lineEnd: p.line, y: p.y, size: p.size, texts, ends });
  }
  return rows.map((r) => ({ page: r.page, line: r.line, lineEnd: r.lineEnd, cells: r.texts }));
}

/**
 * True when line `p` (its cells' right ends by column: `ends`) goes on with `row`: it is at
 * most one text line below the row's last line, and each of its cells is either in a column
 * where the room left on the row's last line before the column's right edge is too small for
 * the first word of the cell (`heads`: a Chinese character, with an opening bracket, or a run
 * of other characters up to a space): the text wrapped there or in a column the row has left empty so far (a cell centred between the lines of a
 * wrapped one) — the latter alone only less than a line below (a new row is a line lower).
 */
function continues(
  row: Row,
  p: Physical,
  ends: readonly (number | null)[],
  heads: readonly number[],
  edges: readonly number[],
): boolean {
  const size = Math.max(row.size, p.size);
  const gap = row.y - p.y;
  if (gap > WRAP_PITCH * size) return false;
  let wrapped = 0;
  let centred = 0;
  for (let k = 0; k < ends.length; k++) {
    if (ends[k] === null) continue;
    const above = row.ends[k];
    const room = (edges[k] ?? 0) - (above ?? 0);
    if (above !== null && above !== undefined && room <= (heads[k] ?? 0) + WRAP_SLACK * p.size) wrapped++;
    else if ((row.texts[k] ?? '') === '') centred++;
    else return false;
  }
  return wrapped > 0 || (centred > 0 && gap < HALF_LINE * size);
}
