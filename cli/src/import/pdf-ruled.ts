/**
 * The layout of a PDF's tables from their ruling lines (the borders that pdf.ts reads from
 * pdf.js's operator list): the rules of a page that touch one another as a table, its rows and
 * columns from its horizontal and vertical borders, base cells with no border between them
 * merged, each text item put in its cell (cut where it runs over a border), and a table that
 * goes on from the previous page joined to it. Pure, like the layout from text positions
 * (pdf-layout.ts), which lays out the rest of a page and calls this for its ruled tables;
 * physical lines and wrapped cells: pdf-lines.ts.
 *
 * @internal
 */
import { joinLines, type LaidLine, physicalLines, type TextItem, units, WRAP_SLACK } from './pdf-lines.js';

/**
 * A ruling line of a page (a table's border as drawn): horizontal (`y0 === y1`) or vertical
 * (`x0 === x1`), in PDF units with y upwards, `x0 <= x1` and `y0 <= y1`.
 */
export interface Rule {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** 1-based page. */
  readonly page: number;
}

/** A merged cell of a ruled table: 0-based indexes into the layout's lines (`Layout.lines` of pdf-layout.ts) and their cells, inclusive. */
export interface LaidMerge {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** Ruling lines closer than this (PDF units) are one border; a rule reaching this near another touches it. */
const RULE_TOLERANCE = 2;
/** The most ruling lines of a page read as tables; a page with more is laid out from its text alone. */
const MAX_PAGE_RULES = 4000;

/**
 * A table as its ruling lines draw it: the x of its vertical borders (left to right), the y of
 * its horizontal ones (top to bottom), and its rules, to tell which base cells are merged.
 */
export interface RuledTable {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly vertical: readonly Rule[];
  readonly horizontal: readonly Rule[];
}

/**
 * A ruled table at the bottom of a page, which the first table of the next page may go on
 * with: its columns, its last row (an index into the lines), the room left after the text of
 * each cell of that row (by first column; null when empty), its font size, and its cells that
 * reach its bottom border (by first column: last column, first row, merged range or -1).
 */
export interface OpenTable {
  readonly xs: readonly number[];
  readonly line: number;
  readonly room: readonly (number | null)[];
  readonly size: number;
  readonly bottom: ReadonlyMap<number, { readonly c1: number; readonly r0: number; readonly merge: number }>;
}

/** Values within {@link RULE_TOLERANCE} of each other as one (their first), sorted ascending. */
function distinct(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > RULE_TOLERANCE) out.push(v);
  }
  return out;
}

/**
 * The tables of a page from its ruling lines: the rules that touch one another (a table's
 * borders are joined) with at least two horizontal and two vertical borders, so at least one
 * closed cell; a lone rule (an underline, a rule under a heading) is no table.
 */
export function ruledTables(rules: readonly Rule[]): RuledTable[] {
  if (rules.length > MAX_PAGE_RULES) return [];
  const parent = rules.map((_, k) => k);
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r] as number;
    parent[k] = r;
    return r;
  };
  const t = RULE_TOLERANCE;
  for (let a = 0; a < rules.length; a++) {
    const p = rules[a] as Rule;
    for (let b = a + 1; b < rules.length; b++) {
      const q = rules[b] as Rule;
      if (p.x0 - t <= q.x1 && q.x0 - t <= p.x1 && p.y0 - t <= q.y1 && q.y0 - t <= p.y1)
        parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, k) => {
    const root = find(k);
    const g = groups.get(root);
    if (g === undefined) groups.set(root, [r]);
    else g.push(r);
  });
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    const horizontal = g.filter((r) => r.y1 - r.y0 <= r.x1 - r.x0);
    const vertical = g.filter((r) => r.y1 - r.y0 > r.x1 - r.x0);
    const xs = distinct(vertical.map((r) => (r.x0 + r.x1) / 2));
    const ys = distinct(horizontal.map((r) => (r.y0 + r.y1) / 2)).reverse();
    if (xs.length >= 2 && ys.length >= 2) tables.push({ xs, ys, vertical, horizontal });
  }
  return tables;
}

/**
 * A text item that runs over a vertical border of its row, cut at the space nearest the
 * border. pdf.js gives the texts of two neighbouring cells as one item, joined by a space,
 * when the gap between them is small (a full cell leaves only its padding); where each
 * character falls is estimated from the characters' widths (Chinese 1 em, other 0.55 em).
 */
export function splitAtBorders(t: RuledTable, it: TextItem): TextItem[] {
  const size = it.height > 0 ? it.height : 1;
  const cy = it.y + size * 0.3;
  const x1 = it.x + it.width;
  const border = t.vertical.find((v) => {
    const x = (v.x0 + v.x1) / 2;
    return x > it.x + size / 2 && x < x1 - size / 2 && v.y0 <= cy && cy <= v.y1;
  });
  if (border === undefined || !it.str.includes(' ')) return [it];
  const bx = (border.x0 + border.x1) / 2;
  const all = units(it.str);
  if (all === 0) return [it];
  let best: { at: number; off: number } | null = null;
  for (let i = it.str.indexOf(' '); i !== -1; i = it.str.indexOf(' ', i + 1)) {
    if (it.str.slice(0, i).trim() === '' || it.str.slice(i + 1).trim() === '') continue;
    const off = Math.abs(it.x + (it.width * units(it.str.slice(0, i))) / all - bx);
    if (best === null || off < best.off) best = { at: i, off };
  }
  if (best === null) return [it];
  const leftText = it.str.slice(0, best.at);
  const rightText = it.str.slice(best.at + 1);
  const leftWidth = (it.width * units(leftText)) / all;
  const rightX = it.x + (it.width * units(it.str.slice(0, best.at + 1))) / all;
  // The right part starts past the border (its padding), however the widths were estimated.
  const right = {
    ...it,
    str: rightText,
    x: Math.max(rightX, bx + 0.5),
    width: Math.max(x1 - Math.max(rightX, bx + 0.5), 0),
  };
  return [{ ...it, str: leftText, width: Math.min(leftWidth, bx - 0.5 - it.x) }, ...splitAtBorders(t, right)];
}

/** The base cell of a ruled table an item is in (by the middle of its text), or null when outside. */
export function tableCell(t: RuledTable, it: TextItem): { r: number; c: number } | null {
  const cx = it.x + Math.max(it.width, 0) / 2;
  const cy = it.y + (it.height > 0 ? it.height : 1) * 0.3;
  const c = t.xs.findIndex((x, k) => k + 1 < t.xs.length && x <= cx && cx < (t.xs[k + 1] as number));
  const r = t.ys.findIndex((y, k) => k + 1 < t.ys.length && y >= cy && cy > (t.ys[k + 1] as number));
  return c === -1 || r === -1 ? null : { r, c };
}

/**
 * The rows of a ruled table, appended to `lines` (and its merged cells to `merges`): one row
 * per band between two horizontal borders, one cell per band between two vertical ones, as
 * the document's table has them. Base cells with no border between them are one merged cell,
 * whose text is in its first row and column (a value centred in cells merged down belongs to
 * the first row, as in the document); the lines of a cell's text are joined as a wrapped cell.
 * A band in which no cell starts (borders a hair apart) gives no row.
 */
export function ruledLines(
  t: RuledTable,
  items: readonly TextItem[],
  page: number,
  lineOf: (y: number) => number,
  lines: LaidLine[],
  merges: LaidMerge[],
  from: OpenTable | null,
): OpenTable {
  const rows = t.ys.length - 1;
  const cols = t.xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, k) => k);
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r] as number;
    parent[k] = r;
    return r;
  };
  const near = (a: number, b: number) => Math.abs(a - b) <= RULE_TOLERANCE;
  for (let r = 0; r < rows; r++) {
    const ym = ((t.ys[r] as number) + (t.ys[r + 1] as number)) / 2;
    for (let c = 0; c < cols; c++) {
      const xm = ((t.xs[c] as number) + (t.xs[c + 1] as number)) / 2;
      if (c + 1 < cols) {
        const x = t.xs[c + 1] as number;
        if (!t.vertical.some((v) => near((v.x0 + v.x1) / 2, x) && v.y0 <= ym && ym <= v.y1))
          parent[find(r * cols + c + 1)] = find(r * cols + c);
      }
      if (r + 1 < rows) {
        const y = t.ys[r + 1] as number;
        if (!t.horizontal.some((h) => near((h.y0 + h.y1) / 2, y) && h.x0 <= xm && xm <= h.x1))
          parent[find((r + 1) * cols + c)] = find(r * cols + c);
      }
    }
  }
  // Each merged cell's extent: its first and last row and column.
  const extent = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const e = extent.get(root);
      if (e === undefined) extent.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        e.r0 = Math.min(e.r0, r);
        e.c0 = Math.min(e.c0, c);
        e.r1 = Math.max(e.r1, r);
        e.c1 = Math.max(e.c1, c);
      }
    }
  const texts = new Map<number, TextItem[]>();
  for (const it of items) {
    const at = tableCell(t, it);
    if (at === null) continue;
    const root = find(at.r * cols + at.c);
    const list = texts.get(root);
    if (list === undefined) texts.set(root, [it]);
    else list.push(it);
  }
  const starts = new Set([...extent.values()].map((e) => e.r0));
  const same =
    from !== null &&
    from.xs.length === t.xs.length &&
    from.xs.every((x, k) => Math.abs(x - (t.xs[k] as number)) <= RULE_TOLERANCE);
  const top = [...extent].filter(([, e]) => e.r0 === 0);
  const topText = new Map(top.map(([root, e]) => [e.c0, cellText(page, texts.get(root) ?? [])]));
  // The first row goes on with the last row of the previous page (Writer and Word break a row
  // over two pages) when the table has the same columns, its cells are the same, and each of
  // its texts is in a cell whose text above filled its last line (no room left for the first
  // word of this one) and starts as only a wrapped line can: the text wrapped there, as in a
  // cell that wraps within a page.
  const joined =
    same &&
    from !== null &&
    top.some(([, e]) => topText.get(e.c0) !== '') &&
    top.every(([, e]) => {
      const b = from.bottom.get(e.c0);
      if (b === undefined || b.c1 !== e.c1) return false;
      const text = topText.get(e.c0) ?? '';
      if (text === '') return true;
      const room = from.room[e.c0];
      const head =
        /^[\p{Ps}\p{Pi}]*[\p{Script=Han}\u3000-\u303f\uff00-\uffef]|^[^\s\p{Script=Han}]+/u.exec(text)?.[0] ??
        text;
      // Where the text could not go on a new row: Chinese (wrapping between any two characters),
      // a lower-case word (the rest of a sentence) or closing punctuation. A capital or a digit
      // may start the next row as well (a programme's name, a figure): that row is not joined.
      if (!/^[\p{Script=Han}\u3000-\u303f\uff00-\uffef\p{Ll}\p{Pe}\p{Pf}%,.;:]/u.test(text)) return false;
      return room !== null && room !== undefined && room <= (units(head) + WRAP_SLACK) * from.size;
    });
  const rowIndex = new Map<number, number>();
  const lastLines: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (!starts.has(r)) continue;
    if (r === 0 && joined && from !== null) {
      const prev = lines[from.line] as LaidLine;
      const cells = [...prev.cells];
      for (const [k, text] of topText) if (text !== '') cells[k] = joinLines(cells[k] ?? '', text);
      lines[from.line] = { ...prev, cells };
      rowIndex.set(r, from.line);
      continue;
    }
    rowIndex.set(r, lines.length);
    const cells = Array.from({ length: cols }, () => '');
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const [root, e] of extent) {
      if (e.r0 !== r) continue;
      const own = texts.get(root) ?? [];
      cells[e.c0] = cellText(page, own);
      for (const it of own) {
        if (e.r1 > e.r0) continue;
        first = Math.min(first, lineOf(it.y));
        last = Math.max(last, lineOf(it.y));
      }
    }
    if (first === Number.POSITIVE_INFINITY) {
      first = lineOf(t.ys[r] as number);
      last = first;
    }
    lines.push({
      page,
      line: first,
      lineEnd: last,
      cells,
      ...(same && lastLines.length === 0 ? { continued: true } : {}),
    });
    lastLines.push(r);
  }
  const lastRow = (r1: number) => {
    for (let r = r1; r >= 0; r--) {
      const k = rowIndex.get(r);
      if (k !== undefined) return k;
    }
    return 0;
  };
  const bottom = new Map<number, { c1: number; r0: number; merge: number }>();
  for (const e of extent.values()) {
    let r0 = rowIndex.get(e.r0) as number;
    const r1 = Math.max(r0, lastRow(e.r1));
    let merge = -1;
    // A cell that goes on from the previous page: one merged cell with its part there, when
    // the row was joined or the cell is merged down there and prints nothing here.
    const b = e.r0 === 0 && same && from !== null ? from.bottom.get(e.c0) : undefined;
    const goesOn =
      b !== undefined &&
      b.c1 === e.c1 &&
      (joined || (from !== null && b.r0 < from.line && topText.get(e.c0) === ''));
    if (goesOn && b !== undefined) {
      r0 = b.r0;
      if (b.merge !== -1) {
        const m = merges[b.merge] as LaidMerge;
        merges[b.merge] = { ...m, r1 };
        merge = b.merge;
      }
    }
    if (merge === -1 && (r1 > r0 || e.c1 > e.c0)) {
      merge = merges.length;
      merges.push({ r0, c0: e.c0, r1, c1: e.c1 });
    }
    if (e.r1 === rows - 1) bottom.set(e.c0, { c1: e.c1, r0, merge });
  }
  // The room left in each cell of the last row, on its last line of text.
  const lastR = lastLines[lastLines.length - 1];
  const room: (number | null)[] = Array.from({ length: cols }, () => null);
  let size = 0;
  for (const [root, e] of extent) {
    const own = texts.get(root) ?? [];
    for (const it of own) size = Math.max(size, it.height);
    if (e.r0 !== lastR || own.length === 0) continue;
    const low = Math.min(...own.map((it) => it.y));
    const end = Math.max(
      ...own.filter((it) => it.y - low < 0.5 * (it.height || 1)).map((it) => it.x + it.width),
    );
    room[e.c0] = (t.xs[e.c1 + 1] as number) - end;
  }
  if (lastR === undefined && joined && from !== null) return { ...from, bottom };
  return { xs: t.xs, line: lines.length - 1, room, size: size || 1, bottom };
}

/** The text of a ruled table's cell: its items by line, top to bottom, the lines joined as a wrapped cell's. */
function cellText(page: number, items: readonly TextItem[]): string {
  let text = '';
  for (const p of physicalLines(page, items)) text = joinLines(text, p.cells.map((c) => c.text).join(' '));
  return text;
}
