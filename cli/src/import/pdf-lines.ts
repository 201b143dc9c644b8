/**
 * Positioned text of a PDF page into physical lines: text items (what pdf.js gives for a
 * page) grouped into lines by their baseline and cut into cells at the horizontal gaps, the
 * width of text estimated from its characters, and the lines of a wrapped cell joined. What
 * both layouts share: the layout from text positions (pdf-layout.ts) and the layout of tables
 * from their ruling lines (pdf-ruled.ts).
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

/** One physical line: items on one baseline, cut into cells at the gaps. */
export interface Physical {
  readonly page: number;
  /** 1-based line on the page. */
  readonly line: number;
  readonly y: number;
  /** Font size: the largest of its items. */
  readonly size: number;
  readonly cells: readonly Cell[];
}

/** A cell of a physical line: its text and horizontal extent. */
export interface Cell {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

/** Baselines closer than this fraction of the font size are one line. */
const BASELINE = 0.5;
/** A gap wider than this fraction of the font size between two items starts a new cell. */
const CELL_GAP = 0.5;
/** Room for a word beyond its own width (a space, the cell's padding), in font sizes. */
export const WRAP_SLACK = 2.5;

/** Items of one page into physical lines, top to bottom, each cut into cells. */
export function physicalLines(page: number, items: readonly TextItem[]): Physical[] {
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

/** The width of a character in font sizes, roughly: 1 for Chinese and full-width forms, else 0.55. */
export function units(text: string): number {
  let u = 0;
  for (const ch of text) u += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 1 : 0.55;
  return u;
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
