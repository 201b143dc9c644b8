/**
 * The layout of a PDF's text: positioned text items (what pdf.js gives for a page) grouped
 * into lines by their baseline, lines into cells by the horizontal gaps between items, the
 * cells of a table into the columns that its lines share, and a cell that wraps over several
 * lines joined back into one. Pure: items in, lines of cells out, so it is tested without a
 * PDF (pdf.ts reads the PDF).
 *
 * @internal
 */

/** A text item of a page: its text, where its baseline starts (PDF units, y upwards), its size. */
export interface TextItem {
  readonly str: string;
  /** Left end of the text. */
  readonly x: number;
  /** Baseline, upwards from the bottom of the page. */
  readonly y: number;
  readonly width: number;
  /** The font size (the height of the text); 0 for a space that pdf.js adds between items. */
  readonly height: number;
  /** 1-based page. */
  readonly page: number;
}

/** A line of a page as laid out: its cells, and the lines of the page it was read from. */
export interface LaidLine {
  /** 1-based page. */
  readonly page: number;
  /** 1-based line of the page where it starts (lines counted top to bottom, as laid out). */
  readonly line: number;
  /** The last line of the page it covers (more than `line` when a wrapped cell was joined). */
  readonly lineEnd: number;
  /** Its cells: in a table one per column of the table, empty where the row prints nothing. */
  readonly cells: readonly string[];
  /** True for the first row on a page of a ruled table that goes on from the page before. */
  readonly continued?: boolean;
}

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

/** A merged cell of a ruled table: 0-based indexes into {@link Layout.lines} and its cells, inclusive. */
export interface LaidMerge {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

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

/** One physical line: items on one baseline, cut into cells at the gaps. */
interface Physical {
  readonly page: number;
  /** 1-based line on the page. */
  readonly line: number;
  readonly y: number;
  /** Font size: the largest of its items. */
  readonly size: number;
  readonly cells: readonly Cell[];
}

/** A cell of a physical line: its text and horizontal extent. */
interface Cell {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

/** A column of a table: the horizontal extent of its cells. */
interface Column {
  x0: number;
  x1: number;
}

/** Baselines closer than this fraction of the font size are one line. */
const BASELINE = 0.5;
/** A gap wider than this fraction of the font size between two items starts a new cell. */
const CELL_GAP = 0.5;
/** The most a line of a wrapped cell may be below the line above it, in font sizes. */
const WRAP_PITCH = 1.5;
/** Room for a word beyond its own width (a space, the cell's padding), in font sizes. */
const WRAP_SLACK = 2.5;
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

/** Ruling lines closer than this (PDF units) are one border; a rule reaching this near another touches it. */
const RULE_TOLERANCE = 2;
/** The most ruling lines of a page read as tables; a page with more is laid out from its text alone. */
const MAX_PAGE_RULES = 4000;

/**
 * A table as its ruling lines draw it: the x of its vertical borders (left to right), the y of
 * its horizontal ones (top to bottom), and its rules, to tell which base cells are merged.
 */
interface RuledTable {
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
interface OpenTable {
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
function ruledTables(rules: readonly Rule[]): RuledTable[] {
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
function splitAtBorders(t: RuledTable, it: TextItem): TextItem[] {
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
function tableCell(t: RuledTable, it: TextItem): { r: number; c: number } | null {
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
function ruledLines(
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

/** Items of one page into physical lines, top to bottom, each cut into cells. */
function physicalLines(page: number, items: readonly TextItem[]): Physical[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    const size = it.height > 0 ? it.height : 1;
    const g = groups[groups.length - 1];
    if (g !== undefined && Math.abs(g.y - it.y) <= BASELINE * Math.max(g.size, size)) {
      g.items.push(it);
      g.size = Math.max(g.size, size);
    } else {
      groups.push({ y: it.y, size, items: [it] });
    }
  }
  return groups.map((g, i) => {
    const row = [...g.items].sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    let cur: { text: string; x0: number; x1: number } | null = null;
    for (const it of row) {
      const x1 = it.x + Math.max(it.width, 0);
      if (cur !== null && it.x - cur.x1 <= CELL_GAP * g.size) {
        // One cell: pdf.js gives the gap as a space of its own when the PDF has one. Between a
        // Chinese character and a Latin one or a digit, word processors widen the gap by their
        // own (Writer's and Word's spacing of Asian and Western text, 0.2 em here): a space
        // only when wider than that (a space of a Latin font is 0.25 em or more).
        const mixed = WIDE.test(cur.text.slice(-1)) !== WIDE.test(it.str.charAt(0));
        const gap =
          it.x - cur.x1 > (mixed ? 0.22 : 0.15) * g.size &&
          !cur.text.endsWith(' ') &&
          !it.str.startsWith(' ');
        cur.text += (gap ? ' ' : '') + it.str;
        cur.x1 = Math.max(cur.x1, x1);
      } else {
        if (cur !== null) cells.push({ ...cur, text: cur.text.trim() });
        cur = { text: it.str, x0: it.x, x1 };
      }
    }
    if (cur !== null) cells.push({ ...cur, text: cur.text.trim() });
    return { page, line: i + 1, y: g.y, size: g.size, cells };
  });
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

/** The width of a character in font sizes, roughly: 1 for Chinese and full-width forms, else 0.55. */
function units(text: string): number {
  let u = 0;
  for (const ch of text) u += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 1 : 0.55;
  return u;
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

/** A Chinese character or full-width form: lines of Chinese text wrap between any two. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Joins the lines of a wrapped cell. Latin text wraps at a space, so a word or number ending
 * the line and one starting the next (or an opening parenthesis) are joined with a space:
 * `trained on` + `(ABCD` → `trained on (ABCD`. Everything else is joined directly: Chinese
 * wraps between any two characters, and a line may break after a hyphen or before a `%`
 * (`Sub-` + `programme`, `43.37` + `%`, `-` + `34.00%`).
 */
export function joinLines(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  const end = before.slice(-1);
  const start = after[0] ?? '';
  const spaced =
    /[\p{L}\p{N}.,;:)\]]/u.test(end) && /[\p{L}\p{N}([]/u.test(start) && !WIDE.test(end) && !WIDE.test(start);
  return spaced ? `${before} ${after}` : `${before}${after}`;
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
