/**
 * Web pages (.html, .htm) to a grid, with htmlparser2's tokenizer and tree rules (its `Parser`
 * with callbacks: the page is never built into a DOM, so memory follows the text and cells kept,
 * not the markup).
 *
 * - **Encoding**: html-charset.ts {@link decodePage} (a byte order mark, else the character set
 *   the page declares in its first 1024 bytes, else as a text file is read).
 * - **Text**: entities decoded (`&nbsp;` is a space that does not collapse, so leading ones
 *   indent a name as spaces do in a worksheet), runs of other white space collapse to one space,
 *   a `<br>` or the edge of a block (`<p>`, `<div>`, `<li>`, `<h1>` …) ends a line: inside a
 *   cell the lines are joined by `"\n"`, outside the tables each line is a paragraph (a
 *   one-cell row). `<script>`, `<style>`, `<noscript>`, `<template>`, `<head>`, `<iframe>`,
 *   `<object>`, `<svg>`, `<math>`, `<select>`, `<textarea>`, `<button>`, comments and elements
 *   that are `hidden` or `display:none` are not read (the hidden ones with a note).
 * - **Tables**: the HTML table model (markup.ts {@link placeRows}): `<thead>`, `<tbody>`,
 *   `<tfoot>` (placed last, as the standard says), `<th>` as `<td>`, colspan 1..1000 and rowspan
 *   0..65534 as the standard clamps them (rowspan 0: to the end of the row group), a `<caption>`
 *   as the paragraph above the table. A table that holds another table is a layout table (a CMS
 *   page puts the whole page in one): its cells are read as paragraphs and the tables inside it
 *   as tables, in document order; tables that hold no table are the data tables, numbered 1, 2 …
 *   in the locations.
 *
 * Nothing is fetched (no URL is followed, no image or frame loaded) and no script is run.
 *
 * @internal
 */
import { Parser } from 'htmlparser2';
import type { DocumentResult, ReadContext } from './document.js';
import { decodePage } from './html-charset.js';
import {
  type CellBudget,
  type Clipped,
  cellBudget,
  DocumentBuilder,
  type PlacedTable,
  placeRows,
  type SpanCell,
  TooManyCells,
  tooManyCells,
} from './markup.js';
import { failure, type ImportItem, item, type Location } from './types.js';

const WHAT = { en: 'the web page', zh: '网页' } as const;

/** Elements whose content is never read. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'iframe',
  'frameset',
  'noframes',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'datalist',
  'textarea',
  'button',
  'audio',
  'video',
  'canvas',
]);

/** Elements whose edges end a line (CSS display: block and the like). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'ul',
  'xmp',
  // Table parts met where no table is open (stray markup): they still end a line.
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);

/** Text and data tables of a block of the page, in order: the body, a cell, a caption. */
interface Container {
  readonly items: (string | DataTable)[];
  pieces: string[];
}

interface DataTable {
  readonly table: PlacedTable;
  readonly clipped: readonly Clipped[];
}

/**
 * A cell of a table being read: its container while it is open; once closed, only its text
 * (its lines joined by `"\n"`), or its items when a table starts inside it, so that a page of a
 * million cells keeps a string per cell, not two arrays.
 */
interface CellBuild extends Omit<SpanCell, 'text'> {
  container: Container | null;
  text: string;
  items: (string | DataTable)[] | null;
}

interface Group {
  readonly kind: 'thead' | 'tbody' | 'tfoot' | 'rows';
  readonly rows: CellBuild[][];
}

interface TableBuild {
  readonly parent: Container;
  readonly groups: Group[];
  readonly captions: Container[];
  group: Group | null;
  row: CellBuild[] | null;
  /** Whether a table starts inside one of its cells: then it is a layout table. */
  nested: boolean;
}

type FrameKind = 'skip' | 'table' | 'group' | 'row' | 'cell' | 'caption' | 'block' | 'pre' | 'inline';

interface Frame {
  readonly name: string;
  readonly kind: FrameKind;
}

/**
 * The HTML standard's rules for parsing a non-negative integer, as `colspan` and `rowspan` are
 * read: leading white space, an optional `+`, then digits (what follows them is ignored); null
 * when there is no digit. Values past 10⁹ are returned as 10⁹ (both attributes clamp far below).
 *
 * @example
 * ```ts
 * parseSpan(' +2px'); // 2
 * parseSpan('x2');    // null
 * ```
 */
export function parseSpan(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(value);
  if (m?.[1] === undefined) return null;
  const digits = m[1].replace(/^0+(?=\d)/, '');
  return digits.length > 9 ? 1e9 : Number(digits);
}

/** colspan as the standard reads it: 1 when missing, unreadable or 0; at most 1000. */
function colspanOf(value: string | undefined): number {
  const n = parseSpan(value);
  if (n === null || n === 0) return 1;
  return Math.min(n, 1000);
}

/** rowspan as the standard reads it: 1 when missing or unreadable; 0 kept; at most 65534. */
function rowspanOf(value: string | undefined): number {
  const n = parseSpan(value);
  if (n === null) return 1;
  return Math.min(n, 65534);
}

function isHidden(attribs: Record<string, string>): boolean {
  if (attribs.hidden !== undefined) return true;
  const style = attribs.style;
  return style !== undefined && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

/** White space that collapses (not U+00A0, which `&nbsp;` gives: it is kept as a space). */
function lineText(pieces: readonly string[]): string {
  return pieces
    .join('')
    .replace(/[\t\n\f\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .replaceAll('\u00a0', ' ');
}

/** The page's text and data tables, in order, as the parser gives them. */
function parsePage(text: string, budget: CellBudget): { body: Container; hidden: number } {
  const body: Container = { items: [], pieces: [] };
  const containers: Container[] = [body];
  const tables: TableBuild[] = [];
  const frames: Frame[] = [];
  const openCells: CellBuild[] = [];
  let skip = 0;
  let hiddenFrame = -1;
  let hiddenText = false;
  let hidden = 0;
  let pre = 0;
  let cells = 0;
  let bodyLines = 0;
  let cellLines = 0;

  const current = () => containers[containers.length - 1] as Container;
  const flush = (c: Container) => {
    if (c.pieces.length === 0) return;
    const line = lineText(c.pieces);
    c.pieces = [];
    if (line.trim() === '') return;
    c.items.push(line);
    // A line of the body is a paragraph, a cell of the grid: counted with the table cells as
    // they come. A line inside a cell is one of its lines, or a paragraph if its table turns
    // out to be a layout table: more such lines than the limit is past it either way.
    if (c === body) bodyLines++;
    else cellLines++;
    if (cells + bodyLines > budget.limit || cellLines > budget.limit) throw new TooManyCells(budget.limit);
  };
  /** The innermost of an open table, cell and caption: what table markup belongs to. */
  const context = (): 'table' | 'other' => {
    for (let i = frames.length - 1; i >= 0; i--) {
      const k = (frames[i] as Frame).kind;
      if (k === 'table' || k === 'group' || k === 'row') return 'table';
      if (k === 'cell' || k === 'caption') return 'other';
    }
    return 'other';
  };
  const table = () => tables[tables.length - 1] as TableBuild;
  const ensureGroup = (t: TableBuild): Group => {
    if (t.group !== null) return t.group;
    const last = t.groups[t.groups.length - 1];
    if (last !== undefined && last.kind === 'rows') return last;
    const g: Group = { kind: 'rows', rows: [] };
    t.groups.push(g);
    return g;
  };
  const ensureRow = (t: TableBuild): CellBuild[] => {
    if (t.row !== null) return t.row;
    const row: CellBuild[] = [];
    ensureGroup(t).rows.push(row);
    t.row = row;
    return row;
  };

  const open = (name: string, attribs: Record<string, string>) => {
    if (skip > 0 || SKIPPED.has(name) || isHidden(attribs)) {
      if (skip === 0 && !SKIPPED.has(name)) {
        hiddenFrame = frames.length;
        hiddenText = false;
      }
      skip++;
      frames.push({ name, kind: 'skip' });
      return;
    }
    const inTable = tables.length > 0 && context() === 'table';
    if (name === 'table') {
      flush(current());
      const owner = tables[tables.length - 1];
      if (owner !== undefined) owner.nested = true;
      tables.push({ parent: current(), groups: [], captions: [], group: null, row: null, nested: false });
      frames.push({ name, kind: 'table' });
      return;
    }
    if (inTable && (name === 'thead' || name === 'tbody' || name === 'tfoot')) {
      const t = table();
      t.row = null;
      t.group = { kind: name, rows: [] };
      t.groups.push(t.group);
      frames.push({ name, kind: 'group' });
      return;
    }
    if (inTable && name === 'tr') {
      const t = table();
      ensureGroup(t);
      t.row = null;
      ensureRow(t);
      frames.push({ name, kind: 'row' });
      return;
    }
    if (inTable && (name === 'td' || name === 'th')) {
      // Each cell takes at least one slot: a page with more cells than the limit stops here,
      // before its tables are placed.
      cells++;
      if (cells + bodyLines > budget.limit) throw new TooManyCells(budget.limit);
      const container: Container = { items: [], pieces: [] };
      const cell: CellBuild = {
        container,
        text: '',
        items: null,
        colspan: colspanOf(attribs.colspan),
        rowspan: rowspanOf(attribs.rowspan),
      };
      ensureRow(table()).push(cell);
      openCells.push(cell);
      containers.push(container);
      frames.push({ name, kind: 'cell' });
      return;
    }
    if (inTable && name === 'caption') {
      const container: Container = { items: [], pieces: [] };
      table().captions.push(container);
      containers.push(container);
      frames.push({ name, kind: 'caption' });
      return;
    }
    if (name === 'br') {
      flush(current());
      frames.push({ name, kind: 'inline' });
      return;
    }
    if (BLOCKS.has(name)) {
      flush(current());
      if (name === 'pre' || name === 'listing' || name === 'xmp' || name === 'plaintext') pre++;
      frames.push({ name, kind: name === 'pre' || name === 'listing' || name === 'xmp' ? 'pre' : 'block' });
      return;
    }
    frames.push({ name, kind: 'inline' });
  };

  const close = (frame: Frame) => {
    switch (frame.kind) {
      case 'skip':
        skip--;
        if (hiddenFrame === frames.length) {
          if (hiddenText) hidden++;
          hiddenFrame = -1;
        }
        return;
      case 'table': {
        const t = tables.pop() as TableBuild;
        flush(t.parent);
        finishTable(t, budget);
        return;
      }
      case 'group':
        table().group = null;
        table().row = null;
        return;
      case 'row':
        table().row = null;
        return;
      case 'cell': {
        flush(current());
        containers.pop();
        const cell = openCells.pop();
        if (cell?.container) {
          const items = cell.container.items;
          if (items.every((i) => typeof i === 'string')) cell.text = items.join('\n');
          else cell.items = items;
          cell.container = null;
        }
        return;
      }
      case 'caption':
        flush(current());
        containers.pop();
        return;
      case 'pre':
        pre--;
        flush(current());
        return;
      case 'block':
        if (frame.name === 'plaintext') pre--;
        flush(current());
        return;
      default:
        return;
    }
  };

  const parser = new Parser(
    {
      onopentag: (name, attribs) => open(name, attribs),
      onclosetag: (name) => {
        // htmlparser2 closes elements innermost first, implied ones included.
        while (frames.length > 0) {
          const frame = frames.pop() as Frame;
          close(frame);
          if (frame.name === name) break;
        }
      },
      ontext: (data) => {
        if (skip > 0) {
          if (hiddenFrame >= 0 && data.trim() !== '') hiddenText = true;
          return;
        }
        const c = current();
        if (pre > 0 && data.includes('\n')) {
          const parts = data.split(/\r\n|\r|\n/);
          parts.forEach((p, i) => {
            if (i > 0) flush(c);
            c.pieces.push(p);
          });
          return;
        }
        c.pieces.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  while (frames.length > 0) close(frames.pop() as Frame);
  flush(body);
  return { body, hidden };
}

/** A table that has ended: a data table goes to its parent as one item, a layout table's content flows into it. */
function finishTable(t: TableBuild, budget: CellBudget): void {
  const parent = t.parent;
  for (const caption of t.captions) for (const i of caption.items) parent.items.push(i);
  if (t.nested) {
    for (const g of t.groups) {
      for (const row of g.rows) {
        for (const cell of row) {
          if (cell.items !== null) for (const i of cell.items) parent.items.push(i);
          else if (cell.text !== '') for (const line of cell.text.split('\n')) parent.items.push(line);
        }
      }
    }
    return;
  }
  const ordered = [
    ...t.groups.filter((g) => g.kind !== 'tfoot'),
    ...t.groups.filter((g) => g.kind === 'tfoot'),
  ];
  const groups = ordered.map((g) =>
    g.rows.map((row) =>
      row.map((cell) => ({
        colspan: cell.colspan,
        rowspan: cell.rowspan,
        text: cell.text,
      })),
    ),
  );
  const clipped: Clipped[] = [];
  const placed = placeRows(groups, budget, clipped);
  if (placed.rows.length === 0 || placed.width === 0) return;
  parent.items.push({ table: placed, clipped });
}

/**
 * Reads the tables and paragraphs of a web page into one grid (the module says how). Refused
 * with one line: bytes in a character set it does not read, a page without any table
 * (`no table in the web page`), a page with more cells than `ctx.limits.cells`.
 *
 * @example
 * ```ts
 * const page = '<p>单位：万元</p><table><tr><th rowspan="2">项目</th><th>年初预算数</th></tr>'
 *   + '<tr><td>321.19</td></tr></table>';
 * const r = await readHtml(new TextEncoder().encode(page), { file: 'a.html', sheet: undefined, limits: DEFAULT_LIMITS });
 * // r.parts[0].grid.rows: [['单位：万元'], ['项目', '年初预算数'], ['', '321.19']]
 * // r.parts[0].grid.merges: [{ r0: 1, c0: 0, r1: 2, c1: 0 }]
 * // r.parts[0].grid.locate(2, 1): { file: 'a.html', table: 1, row: 2, column: 2 }
 * ```
 */
export async function readHtml(bytes: Uint8Array, ctx: ReadContext): Promise<DocumentResult> {
  const at: Location | undefined = ctx.file === undefined ? undefined : { file: ctx.file };
  const decoded = decodePage(bytes);
  if (!decoded.ok) return failure(decoded.en, decoded.zh, at);
  const notes: ImportItem[] = [];
  if (decoded.note !== null) notes.push(item(at ?? {}, '', decoded.note));
  const budget = cellBudget(ctx.limits);
  try {
    const { body, hidden } = parsePage(decoded.text, budget);
    const builder = new DocumentBuilder(budget);
    for (const it of body.items) {
      if (typeof it === 'string') {
        builder.paragraph(it);
        continue;
      }
      const n = builder.newTable();
      builder.tableRows(n, it.table);
      for (const c of it.clipped) notes.push(clippedNote(ctx.file, n, c));
    }
    if (builder.tableCount === 0) return failure('no table in the web page', '网页中没有表格', at);
    if (hidden > 0) {
      notes.push(
        item(at ?? {}, '', {
          en: `${hidden} hidden element(s) of the page (hidden, display:none) hold text that a browser does not show: not read`,
          zh: `网页中有 ${hidden} 个隐藏元素（hidden、display:none）含有浏览器不显示的文字：未读取`,
        }),
      );
    }
    return { ok: true, parts: [{ name: null, grid: builder.grid('html', ctx.file) }], notes };
  } catch (e) {
    if (e instanceof TooManyCells) return tooManyCells(WHAT, e.limit, ctx.file);
    throw e;
  }
}

function clippedNote(file: string | undefined, table: number, c: Clipped): ImportItem {
  const at: Location = {
    ...(file === undefined ? {} : { file }),
    table,
    row: c.row + 1,
    column: c.column + 1,
  };
  if (c.kind === 'rowspan') {
    return item(at, '', {
      en: `rowspan="${c.written}" runs past the end of its row group: the cell spans ${c.kept} row(s), as a browser shows it`,
      zh: `rowspan="${c.written}" 超出所在行组的末尾：该单元格按浏览器的显示跨 ${c.kept} 行`,
    });
  }
  return item(at, '', {
    en: `colspan="${c.written}" runs into a cell that a cell above spans: the cell spans ${c.kept} column(s)`,
    zh: `colspan="${c.written}" 与上方单元格跨行覆盖的位置重叠：该单元格只跨 ${c.kept} 列`,
  });
}
