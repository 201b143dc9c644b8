/**
 * Word documents (.docx) to a grid: `word/document.xml`, decompressed with a bound on its size
 * (zip.ts), read with htmlparser2's XML tokenizer (its `Parser` in `xmlMode`, with callbacks: no
 * DOM is built, so memory follows the text and cells kept, not the markup).
 *
 * - **Paragraphs** of the body (`w:p`): the text of their `w:t`; `w:tab` is a space, `w:br` and
 *   `w:cr` end a line (each line of a paragraph outside the tables is a one-cell row; inside a
 *   cell the lines are joined by `"\n"`), `w:noBreakHyphen` is `-`. Tracked changes are read as
 *   accepted: `w:ins` and `w:moveTo` are read, `w:del`, `w:moveFrom` and their `w:delText` are
 *   not, nor a row marked deleted (with one note). Content controls (`w:sdt`), `w:smartTag`,
 *   `w:hyperlink`, `w:fldSimple` and `w:customXml` are read through; field codes
 *   (`w:instrText`), drawings and text boxes (`w:drawing`, `w:pict`, `mc:Fallback`, with a note
 *   when a text box holds text) and revision records (`w:…PrChange`) are not.
 * - **Tables** (`w:tbl` → `w:tr` → `w:tc`): `w:gridSpan` (columns spanned), `w:vMerge` (`restart`
 *   starts a vertical merge, a bare one or `continue` carries it on), the legacy `w:hMerge`,
 *   `w:gridBefore`/`w:gridAfter` (grid columns skipped before and after a row's cells) become
 *   the cells and merged ranges of the grid, exactly as a worksheet's merged cells are. A table
 *   inside a cell is read as its own table after the row that holds it (after the rows that a
 *   vertical merge joins to that row, so that no merge crosses it). Tables are numbered in the
 *   order they start in the document.
 *
 * @internal
 */
import { Parser } from 'htmlparser2';
import { isOle2, isZip } from './detect.js';
import type { DocumentResult, ReadContext } from './document.js';
import {
  type CellBudget,
  cellBudget,
  DocumentBuilder,
  gridOf,
  joinLines,
  type PlacedCell,
  type PlacedTable,
  TooManyCells,
  tooManyCells,
} from './markup.js';
import { failure, type ImportFailure, type ImportItem, item, type Location } from './types.js';
import { readZipEntry } from './zip.js';

const WHAT = { en: 'the Word document', zh: 'Word 文档' } as const;
const MEMBER = 'word/document.xml';
const WML = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** WordprocessingML elements whose content is never read. */
const SKIPPED = new Set([
  'drawing',
  'pict',
  'object',
  'delText',
  'instrText',
  'del',
  'moveFrom',
  'sdtPr',
  'sdtEndPr',
]);

interface Cell {
  readonly lines: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: boolean;
}

interface Row {
  readonly cells: Cell[];
  gridBefore: number;
  gridAfter: number;
  deleted: boolean;
  /** Tables that start in this row's cells, in document order. */
  readonly nested: TableOut[];
}

interface TableBuild {
  readonly number: number;
  readonly rows: Row[];
  /** The row holding this table, when it is inside a cell. */
  readonly owner: Row | null;
}

interface TableOut {
  readonly number: number;
  readonly table: PlacedTable;
  /** Tables to read after each row (by 0-based row of `table`). */
  readonly nestedAfter: ReadonlyMap<number, readonly TableOut[]>;
}

interface Paragraph {
  readonly lines: string[];
  pieces: string[];
}

/** What the body holds, in order: paragraphs (their text) and the top-level tables. */
type BodyItem = string | TableOut;

interface Parsed {
  readonly root: string | null;
  readonly body: readonly BodyItem[];
  readonly sawBody: boolean;
  readonly tracked: boolean;
  readonly deletedRows: number;
  readonly textBoxes: number;
  /** Text of cells that a vertical merge covers: not shown by Word, listed in a note. */
  readonly covered: readonly {
    readonly table: number;
    readonly row: number;
    readonly column: number;
    readonly text: string;
  }[];
}

/** A value of a `w:val`-like attribute, whatever prefix the document binds to WordprocessingML. */
function attr(
  attribs: Record<string, string>,
  prefixes: readonly string[],
  name: string,
): string | undefined {
  for (const p of prefixes) {
    const v = attribs[p === '' ? name : `${p}:${name}`];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A decimal attribute value clamped to [min, max]; `fallback` when it has no digits. */
function intOf(value: string | undefined, min: number, max: number, fallback: number): number {
  const m = /^\s*\+?(\d+)/.exec(value ?? '');
  if (m?.[1] === undefined) return fallback;
  const digits = m[1].replace(/^0+(?=\d)/, '');
  const n = digits.length > 9 ? 1e9 : Number(digits);
  return Math.max(min, Math.min(max, n));
}

function parseDocumentXml(xml: string, budget: CellBudget): Parsed {
  const body: BodyItem[] = [];
  let root: string | null = null;
  let prefixes: string[] = [];
  let sawBody = false;
  let tracked = false;
  let deletedRows = 0;
  let textBoxes = 0;
  let boxText = false;
  let inBox = 0;
  const covered: { table: number; row: number; column: number; text: string }[] = [];
  const names: (string | null)[] = [];
  const skipFrames: boolean[] = [];
  let skip = 0;
  let inT = 0;
  const paragraphs: Paragraph[] = [];
  const tables: TableBuild[] = [];
  const cells: (Cell | null)[] = [];
  let tableCount = 0;
  let rawCells = 0;
  let bodyLines = 0;
  let cellLines = 0;

  const local = (name: string): string | null => {
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    if (!prefixes.includes(prefix)) return null;
    return colon < 0 ? name : name.slice(colon + 1);
  };
  const cell = (): Cell | null => cells[cells.length - 1] ?? null;
  const table = (): TableBuild | null => tables[tables.length - 1] ?? null;
  const row = (): Row | null => {
    const t = table();
    return t === null ? null : (t.rows[t.rows.length - 1] ?? null);
  };

  const open = (name: string, attribs: Record<string, string>) => {
    if (root === null) {
      root = name;
      const colon = name.indexOf(':');
      const own = colon < 0 ? '' : name.slice(0, colon);
      prefixes = Object.entries(attribs)
        .filter(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && WML.has(v))
        .map(([k]) => (k === 'xmlns' ? '' : k.slice(6)));
      // The root must be WordprocessingML's document; its own prefix is checked after parsing.
      if (!prefixes.includes(own)) prefixes = [];
    }
    const l = local(name);
    const parent = names[names.length - 1] ?? null;
    names.push(l);
    if (l === 'txbxContent') {
      textBoxes++;
      inBox++;
    }
    const skipping =
      skip > 0 ||
      name.endsWith(':Fallback') ||
      (l !== null &&
        (SKIPPED.has(l) || l.endsWith('PrChange') || l.endsWith('GridChange')) &&
        !(l === 'del' && parent === 'trPr'));
    skipFrames.push(skipping);
    if (l === 'ins' || l === 'del' || l === 'moveTo' || l === 'moveFrom') tracked = true;
    if (skipping) {
      skip++;
      return;
    }
    switch (l) {
      case 'body':
        sawBody = true;
        return;
      case 'p':
        paragraphs.push({ lines: [], pieces: [] });
        return;
      case 't':
        inT++;
        return;
      case 'tab':
      case 'ptab':
        paragraphs[paragraphs.length - 1]?.pieces.push(' ');
        return;
      case 'noBreakHyphen':
        paragraphs[paragraphs.length - 1]?.pieces.push('-');
        return;
      case 'br':
      case 'cr': {
        const p = paragraphs[paragraphs.length - 1];
        if (p !== undefined) endLine(p);
        return;
      }
      case 'tbl': {
        tableCount++;
        tables.push({ number: tableCount, rows: [], owner: cell() === null ? null : row() });
        cells.push(null);
        return;
      }
      case 'tr':
        table()?.rows.push({ cells: [], gridBefore: 0, gridAfter: 0, deleted: false, nested: [] });
        return;
      case 'tc': {
        rawCells++;
        if (rawCells + bodyLines > budget.limit) throw new TooManyCells(budget.limit);
        const r = row();
        const c: Cell = { lines: [], span: 1, vMerge: null, hMerge: false };
        r?.cells.push(c);
        cells.push(r === null ? null : c);
        return;
      }
      case 'gridBefore':
      case 'gridAfter': {
        const r = row();
        if (r === null || parent !== 'trPr') return;
        const n = intOf(attr(attribs, prefixes, 'val'), 0, 1000, 0);
        if (l === 'gridBefore') r.gridBefore = n;
        else r.gridAfter = n;
        return;
      }
      case 'del': {
        // Only a row's deletion mark reaches here (w:trPr/w:del).
        const r = row();
        if (r !== null) r.deleted = true;
        return;
      }
      case 'gridSpan':
      case 'vMerge':
      case 'hMerge': {
        const c = cell();
        if (c === null || parent !== 'tcPr') return;
        const v = attr(attribs, prefixes, 'val');
        if (l === 'gridSpan') c.span = intOf(v, 1, 1000, 1);
        else if (l === 'vMerge') c.vMerge = v === 'restart' ? 'restart' : 'continue';
        else c.hMerge = v !== 'restart';
        return;
      }
      default:
        return;
    }
  };

  const endLine = (p: Paragraph) => {
    p.lines.push(p.pieces.join(''));
    p.pieces = [];
  };

  const close = () => {
    const l = names.pop() ?? null;
    const skipped = skipFrames.pop() ?? false;
    if (l === 'txbxContent') inBox--;
    if (skipped) {
      skip--;
      return;
    }
    switch (l) {
      case 't':
        inT--;
        return;
      case 'p': {
        const p = paragraphs.pop();
        if (p === undefined) return;
        endLine(p);
        const text = joinLines(p.lines);
        const c = cell();
        if (c !== null) {
          c.lines.push(text);
          cellLines++;
        } else if (tables.length === 0 && paragraphs.length === 0 && text !== '') {
          body.push(text);
          bodyLines++;
        }
        // A body paragraph is a cell of the grid, counted with the table cells as they come;
        // more lines inside cells than the limit is past it too.
        if (rawCells + bodyLines > budget.limit || cellLines > budget.limit)
          throw new TooManyCells(budget.limit);
        return;
      }
      case 'tc':
        cells.pop();
        return;
      case 'tbl': {
        const t = tables.pop() as TableBuild;
        cells.pop();
        deletedRows += t.rows.filter((r) => r.deleted).length;
        const out = finishTable(t, budget, covered);
        if (out === null) return;
        if (t.owner !== null) t.owner.nested.push(out);
        else if (tables.length === 0) body.push(out);
        return;
      }
      default:
        return;
    }
  };

  const parser = new Parser(
    {
      onopentag: (name, attribs) => open(name, attribs),
      onclosetag: () => close(),
      ontext: (data) => {
        if (inBox > 0 && data.trim() !== '') boxText = true;
        if (skip > 0 || inT === 0) return;
        paragraphs[paragraphs.length - 1]?.pieces.push(data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return {
    root,
    body,
    sawBody,
    tracked,
    deletedRows,
    textBoxes: boxText ? textBoxes : 0,
    covered,
  };
}

/** A table's rows placed on its grid: gridBefore/gridAfter, gridSpan, vMerge and hMerge. */
function finishTable(
  t: TableBuild,
  budget: CellBudget,
  covered: { table: number; row: number; column: number; text: string }[],
): TableOut | null {
  const rows = t.rows.filter((r) => !r.deleted);
  const placed: { r0: number; c0: number; r1: number; c1: number; text: string }[] = [];
  const nestedAfter = new Map<number, TableOut[]>();
  /** Vertical merges open at a column: the cell that started them. */
  let open = new Map<number, (typeof placed)[number]>();
  let width = 0;
  let slots = 0;
  rows.forEach((row, r) => {
    if (row.nested.length > 0) nestedAfter.set(r, [...row.nested]);
    const next = new Map<number, (typeof placed)[number]>();
    let x = row.gridBefore;
    let last: (typeof placed)[number] | null = null;
    for (const c of row.cells) {
      const text = joinLines(c.lines);
      slots += c.span;
      budget.check(slots);
      const above = open.get(x);
      if (c.vMerge === 'continue' && above !== undefined) {
        above.r1 = r;
        next.set(x, above);
        if (text.trim() !== '') covered.push({ table: t.number, row: r, column: x, text });
      } else if (c.hMerge && last !== null && last.c1 === x - 1 && last.r0 === r) {
        last.c1 = x + c.span - 1;
        if (text.trim() !== '') covered.push({ table: t.number, row: r, column: x, text });
      } else {
        const p = { r0: r, c0: x, r1: r, c1: x + c.span - 1, text };
        placed.push(p);
        last = p;
        if (c.vMerge !== null) next.set(x, p);
      }
      x += c.span;
    }
    width = Math.max(width, x + row.gridAfter);
    open = next;
  });
  if (rows.length === 0 || width === 0) return null;
  const cellsPlaced: PlacedCell[] = placed;
  return { number: t.number, table: gridOf(cellsPlaced, rows.length, width, budget), nestedAfter };
}

/** Adds a table's rows, each nested table after the row that holds it (and the rows merged with it). */
function emitTable(builder: DocumentBuilder, t: TableOut): void {
  const { table } = t;
  const crossing = (r: number) => table.merges.some((m) => m.r0 <= r && r < m.r1);
  let from = 0;
  let pending: TableOut[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    pending.push(...(t.nestedAfter.get(r) ?? []));
    if (pending.length === 0 || crossing(r)) continue;
    builder.tableRows(t.number, table, from, r + 1);
    from = r + 1;
    for (const n of pending) emitTable(builder, n);
    pending = [];
  }
  if (from < table.rows.length) builder.tableRows(t.number, table, from, table.rows.length);
  for (const n of pending) emitTable(builder, n);
}

function decodeXml(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Reads the paragraphs and tables of a Word document (.docx) into one grid (the module says
 * how). Refused with one line each: a file that is not a zip archive (an old .doc says so), an
 * archive without `word/document.xml`, a damaged archive, a `word/document.xml` larger than
 * `ctx.limits.uncompressedBytes` once decompressed, one that is not UTF-8 or UTF-16 text or not
 * a WordprocessingML document, a document without any table (`no table in the Word document`),
 * and one with more cells than `ctx.limits.cells`.
 *
 * @example
 * ```ts
 * const r = await readDocx(bytes, { file: 'r.docx', sheet: undefined, limits: DEFAULT_LIMITS });
 * // a title paragraph, then a table whose first column is merged down two rows (w:vMerge):
 * // r.parts[0].grid.rows: [['项目支出绩效自评表'], ['产出指标', '数量指标'], ['', '质量指标']]
 * // r.parts[0].grid.merges: [{ r0: 1, c0: 0, r1: 2, c1: 0 }]
 * ```
 */
export async function readDocx(bytes: Uint8Array, ctx: ReadContext): Promise<DocumentResult> {
  const file = ctx.file;
  const at: Location | undefined = file === undefined ? undefined : { file };
  if (!isZip(bytes)) {
    return isOle2(bytes)
      ? failure(
          'not a Word document (.docx): this is an older Word 97–2003 (.doc) or other OLE2 file; save it as .docx',
          '不是 Word 文档（.docx）：这是旧版 Word 97–2003（.doc）或其他 OLE2 文件；请另存为 .docx',
          at,
        )
      : failure(
          'not a Word document (.docx): the file is not a zip archive',
          '不是 Word 文档（.docx）：文件不是 zip 压缩包',
          at,
        );
  }
  const cap = ctx.limits.uncompressedBytes;
  const entry = readZipEntry(bytes, MEMBER, cap);
  if (!entry.ok) return entryFailure(entry.reason, cap, at);
  const xml = decodeXml(entry.bytes);
  if (xml === null) {
    return failure(
      `the Word document is damaged: ${MEMBER} is not UTF-8 text`,
      `Word 文档已损坏：${MEMBER} 不是 UTF-8 文本`,
      at,
    );
  }
  const budget = cellBudget(ctx.limits);
  try {
    const parsed = parseDocumentXml(xml, budget);
    const rootLocal = parsed.root?.replace(/^[^:]*:/, '') ?? null;
    if (rootLocal !== 'document' || !parsed.sawBody) {
      const root = parsed.root === null ? 'none' : `<${parsed.root.slice(0, 40)}>`;
      return failure(
        `not a Word document: ${MEMBER} is not a WordprocessingML document body (its root element: ${root})`,
        `不是 Word 文档：${MEMBER} 不是 WordprocessingML 文档正文（根元素：${root}）`,
        at,
      );
    }
    const builder = new DocumentBuilder(budget);
    for (const it of parsed.body) {
      if (typeof it === 'string') builder.paragraph(it);
      else emitTable(builder, it);
    }
    if (builder.tableCount === 0) return failure('no table in the Word document', 'Word 文档中没有表格', at);
    return {
      ok: true,
      parts: [{ name: null, grid: builder.grid('docx', file) }],
      notes: notesOf(parsed, at),
    };
  } catch (e) {
    if (e instanceof TooManyCells) return tooManyCells(WHAT, e.limit, file);
    throw e;
  }
}

function entryFailure(
  reason: 'missing' | 'too-large' | 'damaged',
  cap: number,
  at: Location | undefined,
): ImportFailure {
  if (reason === 'missing') {
    return failure(
      `not a Word document (.docx): the archive has no ${MEMBER}`,
      `不是 Word 文档（.docx）：压缩包中没有 ${MEMBER}`,
      at,
    );
  }
  if (reason === 'too-large') {
    return failure(
      `${MEMBER} is larger than ${cap} bytes once decompressed, the most one import reads: not read`,
      `${MEMBER} 解压后超过 ${cap} 字节，超出一次导入的上限：未读取`,
      at,
    );
  }
  return failure(
    `the Word document is damaged: ${MEMBER} cannot be decompressed`,
    `Word 文档已损坏：无法解压 ${MEMBER}`,
    at,
  );
}

function notesOf(parsed: Parsed, at: Location | undefined): ImportItem[] {
  const notes: ImportItem[] = [];
  const base = at ?? {};
  if (parsed.tracked) {
    notes.push(
      item(base, '', {
        en: `the document has tracked changes: read as if all were accepted (inserted text read, deleted text${parsed.deletedRows > 0 ? ` and ${parsed.deletedRows} deleted table row(s)` : ''} left out)`,
        zh: `文档含有修订：按全部接受读取（读取插入的文字，不读删除的文字${parsed.deletedRows > 0 ? `及 ${parsed.deletedRows} 个已删除的表格行` : ''}）`,
      }),
    );
  }
  if (parsed.textBoxes > 0) {
    notes.push(
      item(base, '', {
        en: `${parsed.textBoxes} text box(es) or drawing(s) hold text: not read`,
        zh: `${parsed.textBoxes} 个文本框或图形中含有文字：未读取`,
      }),
    );
  }
  for (const c of parsed.covered) {
    notes.push(
      item({ ...base, table: c.table, row: c.row + 1, column: c.column + 1 }, c.text, {
        en: 'text in a cell that a merge covers (Word shows only the merged cell): not read',
        zh: '被合并覆盖的单元格中的文字（Word 只显示合并后的单元格）：未读取',
      }),
    );
  }
  return notes;
}
