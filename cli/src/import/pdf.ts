/**
 * Digital PDFs (made by Word, WPS or LibreOffice, as these reports are published) to a grid of
 * lines: the text items of each page with their positions, through pdf.js (`pdfjs-dist`,
 * loaded only when a PDF is read), laid out into lines and cells by pdf-layout.ts. The grid is
 * read as PDF text is (its rows are lines: `isLineFormat('pdf')`), each row located by page
 * and line. A scanned PDF (no text layer), an encrypted or damaged one, and one beyond the
 * limits are refused with one line.
 *
 * @internal
 */
import { dirname, join } from 'node:path';
import type { DocumentResult, ReadContext } from './document.js';
import type { Grid } from './grid.js';
import { layoutPages } from './pdf-layout.js';
import type { LaidLine, TextItem } from './pdf-lines.js';
import type { LaidMerge, Rule } from './pdf-ruled.js';
import { failure, type ImportFailure, type ImportItem, item, type Location } from './types.js';

/** The most pages a PDF may have; a longer one is refused (a report's tables fill a few dozen). */
export const MAX_PDF_PAGES = 500;

/**
 * The most text items (pdf.js's, spaces and line ends included) a PDF may have in all, and at
 * most `limits.cells`: a report's dense tables give a few hundred a page; a PDF with more is
 * refused before its layout. pdf.js reads some 13 000 items a second here, so this bounds the
 * time of any PDF within {@link MAX_PDF_PAGES} pages to about ten seconds.
 */
export const MAX_PDF_TEXT_ITEMS = 100_000;

/** The PDF a PDF signature starts with, within its first 1024 bytes (as readers allow). */
function hasSignature(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return true;
  }
  return false;
}

/** The directory of the installed pdfjs-dist package (its cmaps/ and standard_fonts/). */
async function pdfjsDirectory(): Promise<string> {
  const { createRequire } = await import('node:module');
  // ESM: this module's URL; CJS (the .cjs build): its file name.
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  return dirname(createRequire(from).resolve('pdfjs-dist/package.json'));
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * Reads a digital PDF: its text items laid out into lines of cells (pdf-layout.ts), one grid
 * for the whole document, each row located by `{ file, page, line }`.
 *
 * Refused, with one line: a file that is not a PDF, a damaged PDF, one that needs a password,
 * a scanned PDF (pages of images, no text), a PDF without any text, more than
 * {@link MAX_PDF_PAGES} pages, more text items than `ctx.limits.cells` or
 * {@link MAX_PDF_TEXT_ITEMS}.
 *
 * @example
 * ```ts
 * const doc = await readPdf(bytes, { file: 'report.pdf', sheet: undefined, limits: DEFAULT_LIMITS });
 * // doc.parts[0].grid.rows: [['七、预算信息'], ['本年度预算资金（万元）', '年初预算数（万元）', …], …]
 * // doc.parts[0].grid.locate(5): { file: 'report.pdf', page: 1, line: 9 }
 * ```
 */
export async function readPdf(bytes: Uint8Array, ctx: ReadContext): Promise<DocumentResult> {
  const at: Location | undefined = ctx.file === undefined ? undefined : { file: ctx.file };
  if (!hasSignature(bytes)) {
    return failure('not a PDF: the file has no %PDF- signature', '不是 PDF 文件：文件中没有 %PDF- 标识', at);
  }
  let pdfjs: PdfJs;
  let dir: string;
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    dir = await pdfjsDirectory();
  } catch {
    return failure(
      'PDFs cannot be read here: the package pdfjs-dist is not installed',
      '此处无法读取 PDF：未安装 pdfjs-dist 软件包',
      at,
    );
  }
  let task: ReturnType<PdfJs['getDocument']>;
  try {
    task = pdfjs.getDocument(options(bytes, dir, pdfjs));
  } catch (e) {
    return refusal(e, at);
  }
  try {
    return await readDocument(pdfjs, task, ctx, at);
  } catch (e) {
    return refusal(e, at);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * The options of pdf.js: the bytes (a copy), the character maps of CID fonts (Chinese PDFs)
 * and the standard fonts from the installed package, no network, no eval, no system fonts,
 * no font faces (nothing is rendered), errors in a page's content skipped rather than fatal,
 * and no console output but errors.
 */
function options(bytes: Uint8Array, dir: string, pdfjs: PdfJs) {
  return {
    // pdf.js takes the buffer over (it is transferred to its worker): give it a copy, and a
    // Uint8Array (it refuses a Node.js Buffer).
    data: new Uint8Array(bytes),
    cMapUrl: `${join(dir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(dir, 'standard_fonts')}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
}

/** The text items of every page, laid out; or the refusal of a PDF that has none or too many. */
async function readDocument(
  pdfjs: PdfJs,
  task: ReturnType<PdfJs['getDocument']>,
  ctx: ReadContext,
  at: Location | undefined,
): Promise<DocumentResult> {
  const doc = await task.promise;
  if (doc.numPages > MAX_PDF_PAGES) {
    return failure(
      `a PDF of ${doc.numPages} pages: at most ${MAX_PDF_PAGES} are read; split the file or extract the pages of the tables`,
      `PDF 共 ${doc.numPages} 页：最多读取 ${MAX_PDF_PAGES} 页；请拆分文件或只提取表格所在的页`,
      at,
    );
  }
  const items: TextItem[] = [];
  const rules: Rule[] = [];
  const limit = Math.min(ctx.limits.cells, MAX_PDF_TEXT_ITEMS);
  let rotated = 0;
  let seen = 0;
  const blank: number[] = [];
  /** Pages drawn with too many operations to read their borders from. */
  const unruled: number[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    let text = 0;
    for (const it of content.items) {
      if (++seen > limit) {
        return failure(
          `more than ${limit} text items in the PDF: the file is beyond the import's limit`,
          `PDF 中的文字块超过 ${limit} 个：超出导入的上限`,
          at,
        );
      }
      if (!('str' in it) || it.str.trim() === '') continue;
      const [a, b, c, d, e, f] = it.transform as number[];
      text++;
      // Rotated or vertical text (a watermark, a stamp): not a line of a table.
      if (Math.abs(b ?? 0) > 1e-6 || Math.abs(c ?? 0) > 1e-6 || (a ?? 0) <= 0 || (d ?? 0) <= 0) {
        rotated++;
        continue;
      }
      items.push({ str: it.str, x: e ?? 0, y: f ?? 0, width: it.width, height: it.height, page: p });
    }
    if (text === 0) blank.push(p);
    else {
      const pageRuled = await pageRules(pdfjs, page, p);
      if (pageRuled === null) unruled.push(p);
      else rules.push(...pageRuled);
    }
    page.cleanup();
  }
  if (items.length === 0) return noText(pdfjs, doc, blank, rotated, at);
  const layout = layoutPages(items, rules);
  const notes: ImportItem[] = [];
  const file = ctx.file;
  const base = file === undefined ? {} : { file };
  if (layout.pageNumbers.length > 0) {
    const first = layout.pageNumbers[0] as { page: number; line: number };
    notes.push(
      item(
        { ...base, page: first.page, line: first.line },
        layout.pageNumbers.map((n) => n.text).join(' | '),
        {
          en: `page numbers in the top or bottom line of ${layout.pageNumbers.length} page(s): left out, they are not part of the report`,
          zh: `${layout.pageNumbers.length} 页的页眉或页脚中的页码：已略去，不属于报告内容`,
        },
      ),
    );
  }
  if (unruled.length > 0) {
    notes.push(
      item({ ...base, page: unruled[0] as number }, '', {
        en: `page(s) ${unruled.join(', ')} draw more than ${MAX_PAGE_OPERATIONS} operations: their tables are laid out from the text positions alone, not from their borders`,
        zh: `第 ${unruled.join('、')} 页的绘图操作超过 ${MAX_PAGE_OPERATIONS} 个：其表格仅按文字位置排列，未按表格线读取`,
      }),
    );
  }
  if (rotated > 0) {
    notes.push(
      item(base, '', {
        en: `${rotated} rotated or vertical text item(s) (a watermark, a stamp): left out`,
        zh: `${rotated} 个旋转或竖排的文字块（水印、印章）：已略去`,
      }),
    );
  }
  for (const l of layout.lines) {
    if (l.lineEnd === l.line) continue;
    notes.push(
      item({ ...base, page: l.page, line: l.line, lineEnd: l.lineEnd }, l.cells.join('\t'), {
        en: 'cells wrapped over several lines of the PDF: the lines joined into one row',
        zh: '单元格在 PDF 中折行：这几行已合并为一行',
      }),
    );
  }
  return {
    ok: true,
    parts: [{ name: null, grid: pdfGrid(layout.lines, layout.merges, layout.ruled > 0, file) }],
    notes,
  };
}

/** The refusal of a PDF without any text item: scanned (images), or nothing at all. */
async function noText(
  pdfjs: PdfJs,
  doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>,
  blank: readonly number[],
  rotated: number,
  at: Location | undefined,
): Promise<ImportFailure> {
  // Whether a page paints an image: the first few pages are enough to tell a scan.
  const images = new Set<number>([
    pdfjs.OPS.paintImageXObject,
    pdfjs.OPS.paintInlineImageXObject,
    pdfjs.OPS.paintImageXObjectRepeat,
    pdfjs.OPS.paintImageMaskXObject,
  ]);
  let scanned = false;
  for (const p of blank.slice(0, 3)) {
    const page = await doc.getPage(p);
    const ops = await page.getOperatorList();
    page.cleanup();
    if (ops.fnArray.some((fn) => images.has(fn))) {
      scanned = true;
      break;
    }
  }
  if (scanned) {
    return failure(
      'a scanned PDF without a text layer: outturn reads digital PDFs; run OCR first',
      '扫描版 PDF，没有文字层：outturn 只读取数字版 PDF；请先进行 OCR 文字识别',
      at,
    );
  }
  if (rotated > 0) {
    return failure(
      'a PDF whose only text is rotated or vertical: no table to read',
      'PDF 中只有旋转或竖排的文字：没有可读取的表格',
      at,
    );
  }
  return failure('a PDF without any text: no table to read', 'PDF 中没有任何文字：没有可读取的表格', at);
}

/** The one-line refusal of a PDF that pdf.js could not open or read. */
function refusal(e: unknown, at: Location | undefined): ImportFailure {
  const name =
    typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'PasswordException') {
    return failure(
      'an encrypted PDF that needs a password: save it without a password (or print it to a new PDF) and import that',
      '加密的 PDF，需要密码才能打开：请另存为不加密的 PDF（或打印为新的 PDF）再导入',
      at,
    );
  }
  return failure(
    'a damaged PDF: its structure cannot be read (save it again from the program that made it)',
    '损坏的 PDF：无法读取其结构（请用生成它的程序重新保存）',
    at,
  );
}

/**
 * The most drawing operations of a page read for its ruling lines; a page with more (a chart,
 * a drawing) is laid out from its text alone.
 */
const MAX_PAGE_OPERATIONS = 200_000;

/**
 * The ruling lines a page draws: each straight stroked segment that is horizontal or vertical,
 * and each filled rectangle thinner than 2 units (how Word draws a border), in page units
 * through the transforms in force. A table's borders are these; pdf-ruled.ts reads its rows,
 * columns and merged cells from them. Null when the page draws more than MAX_PAGE_OPERATIONS
 * (the caller notes it).
 */
async function pageRules(
  pdfjs: PdfJs,
  page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }> },
  p: number,
): Promise<Rule[] | null> {
  const ops = await page.getOperatorList();
  if (ops.fnArray.length > MAX_PAGE_OPERATIONS) return null;
  const { OPS } = pdfjs;
  const stroke = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fill = new Set<number>([OPS.fill, OPS.eoFill]);
  const rules: Rule[] = [];
  type Matrix = [number, number, number, number, number, number];
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const apply = (x: number, y: number): [number, number] => [
    m[0] * x + m[2] * y + m[4],
    m[1] * x + m[3] * y + m[5],
  ];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = apply(ax, ay);
    const [x1, y1] = apply(bx, by);
    if (Math.abs(y0 - y1) < 0.5 || Math.abs(x0 - x1) < 0.5)
      rules.push({
        x0: Math.min(x0, x1),
        y0: Math.min(y0, y1),
        x1: Math.max(x0, x1),
        y1: Math.max(y0, y1),
        page: p,
      });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push([...m]);
    else if (fn === OPS.restore) m = stack.pop() ?? m;
    else if (fn === OPS.transform && Array.isArray(args) && args.length === 6) {
      const [a, b, c, d, e, f] = args as number[] as Matrix;
      m = [
        a * m[0] + b * m[2],
        a * m[1] + b * m[3],
        c * m[0] + d * m[2],
        c * m[1] + d * m[3],
        e * m[0] + f * m[2] + m[4],
        e * m[1] + f * m[3] + m[5],
      ];
    } else if (fn === OPS.constructPath && Array.isArray(args)) {
      // pdf.js 5: [the painting operation, [path data], bounds]; the data is a list of
      // moveTo (0) x y, lineTo (1) x y, curveTo (2) 6 numbers, quadraticCurveTo (3) 4, closePath (4).
      const op = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data === undefined || (!stroke.has(op) && !fill.has(op))) continue;
      const points: [number, number][] = [];
      let curved = false;
      for (let k = 0; k < data.length; ) {
        const code = data[k] as number;
        if (code === 0 || code === 1) {
          const point: [number, number] = [data[k + 1] as number, data[k + 2] as number];
          if (code === 0 || points.length === 0) {
            if (stroke.has(op)) points.length = 0;
          }
          if (stroke.has(op) && code === 1 && points.length > 0) {
            const [ax, ay] = points[points.length - 1] as [number, number];
            add(ax, ay, point[0], point[1]);
          }
          points.push(point);
          k += 3;
        } else if (code === 2) {
          curved = true;
          k += 7;
        } else if (code === 3) {
          curved = true;
          k += 5;
        } else k += 1;
      }
      if (fill.has(op) && !curved && points.length >= 4 && points.length <= 5) {
        // A thin filled rectangle: a border drawn as a bar.
        const xs = points.map(([x, y]) => apply(x, y)[0]);
        const ys = points.map(([x, y]) => apply(x, y)[1]);
        const x0 = Math.min(...xs);
        const x1 = Math.max(...xs);
        const y0 = Math.min(...ys);
        const y1 = Math.max(...ys);
        if (y1 - y0 < 2 && x1 - x0 >= 2)
          rules.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2, page: p });
        else if (x1 - x0 < 2 && y1 - y0 >= 2)
          rules.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1, page: p });
      }
    }
  }
  return rules;
}

/**
 * The grid of the laid-out lines: a blank row between pages (not inside a ruled table that goes
 * on over the page break: a document's table has none); each row at its page and line;
 * `ruled` when tables were read from their ruling lines (their rows are a document's rows).
 */
function pdfGrid(
  lines: readonly LaidLine[],
  laidMerges: readonly LaidMerge[],
  ruled: boolean,
  file: string | undefined,
): Grid {
  const rows: (readonly string[])[] = [];
  const places: LaidLine[] = [];
  const rowOf: number[] = [];
  let page = lines[0]?.page;
  for (const l of lines) {
    const prev = places[places.length - 1];
    if (l.page !== page && prev !== undefined && l.continued !== true) {
      // A page break, as PDF text shows it: the table reader reads tables across it.
      rows.push([]);
      places.push({ ...prev, line: prev.lineEnd, cells: [] });
    }
    page = l.page;
    rowOf.push(rows.length);
    rows.push(l.cells);
    places.push(l);
  }
  const base = file === undefined ? {} : { file };
  const at = (row: number): Location => {
    const l = places[row] ?? places[places.length - 1];
    return l === undefined ? { ...base } : { ...base, page: l.page, line: l.line };
  };
  return {
    format: 'pdf',
    ...(ruled ? { ruled } : {}),
    rows,
    merges: laidMerges.map((m) => ({
      r0: rowOf[m.r0] as number,
      c0: m.c0,
      r1: rowOf[m.r1] as number,
      c1: m.c1,
    })),
    locate: (row, column) => (column === undefined ? at(row) : { ...at(row), column: column + 1 }),
    locateRows: (from, to, column) => {
      const first = at(from);
      const last = places[to];
      const range =
        last !== undefined && last.page === first.page && last.lineEnd !== first.line
          ? { ...first, lineEnd: last.lineEnd }
          : first;
      return column === undefined ? range : { ...range, column: column + 1 };
    },
  };
}
