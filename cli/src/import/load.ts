/**
 * From bytes to grids, whatever the format: the first step every import shares. The format is
 * given or sniffed from the bytes; a workbook, page, Word document or PDF goes to its reader; a
 * text is decoded and split into CSV records or lines of PDF text. What follows (reading a
 * report's tables, or a PEFA dataset's rows) reads the grids and never the bytes.
 *
 * @internal
 */
import { csvGrid } from './csv.js';
import {
  detectTextFormat,
  isOle2,
  isPdf,
  isZip,
  looksLikeHtml,
  normalizeLineEnds,
  zipKind,
} from './detect.js';
import type { DocumentPart, Limits, ReadContext } from './document.js';
import { decodeText, type TextEncoding } from './encoding.js';
import { textGrid } from './pdf-text.js';
import { failure, type ImportFailure, type ImportFormat, type ImportItem, type Location } from './types.js';
import { zipNames } from './zip.js';

/** The grids of one file, before any table is read. */
export interface LoadedGrids {
  readonly ok: true;
  /** The format read (given or detected). */
  readonly format: ImportFormat;
  /** The text encoding detected; null for a workbook, page, Word document or PDF. */
  readonly encoding: TextEncoding | null;
  /** The worksheets of a workbook, or the one part of any other file. */
  readonly parts: readonly DocumentPart[];
  /** The notes of the reader (hidden sheets, a page's character set …). */
  readonly notes: readonly ImportItem[];
}

/** Readers of the formats that are not text, each loaded only when a file of its format comes. */
const READERS = {
  xlsx: async (bytes: Uint8Array, ctx: ReadContext) =>
    (await import('./xlsx.js')).readWorkbook(bytes, ctx, 'xlsx'),
  xls: async (bytes: Uint8Array, ctx: ReadContext) =>
    (await import('./xlsx.js')).readWorkbook(bytes, ctx, 'xls'),
  html: async (bytes: Uint8Array, ctx: ReadContext) => (await import('./html.js')).readHtml(bytes, ctx),
  docx: async (bytes: Uint8Array, ctx: ReadContext) => (await import('./docx.js')).readDocx(bytes, ctx),
  pdf: async (bytes: Uint8Array, ctx: ReadContext) => (await import('./pdf.js')).readPdf(bytes, ctx),
} as const;

/** Whether `format` is read by a document reader (not decoded as text). */
export function isDocumentFormat(format: ImportFormat): format is keyof typeof READERS {
  return Object.hasOwn(READERS, format);
}

/**
 * The grids of a file: refused when empty, larger than `limits.bytes`, a zip archive that is
 * neither a workbook nor a Word document, undecodable text or a report JSON.
 */
export async function loadGrids(
  bytes: Uint8Array,
  from: ImportFormat | undefined,
  ctx: ReadContext,
): Promise<LoadedGrids | ImportFailure> {
  const file = ctx.file;
  const at = file === undefined ? undefined : { file };
  if (bytes.length === 0) return failure('the file is empty', '文件是空的', at);
  if (bytes.length > ctx.limits.bytes) return tooLarge(bytes.length, ctx.limits.bytes, at);
  const format = from ?? sniff(bytes);
  if (typeof format === 'object') return { ...format, ...(at === undefined ? {} : { at }) };
  if (format !== undefined && isDocumentFormat(format)) {
    const doc = await READERS[format](bytes, ctx);
    if (!doc.ok) return doc.at === undefined && at !== undefined ? { ...doc, at } : doc;
    return { ok: true, format, encoding: null, parts: doc.parts, notes: doc.notes };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message, ...(at === undefined ? {} : { at }) };
  const text = textGrids(decoded.text, format, file, ctx.limits);
  return text.ok ? { ...text, encoding: decoded.encoding } : text;
}

/**
 * The grid of a text already decoded: CSV records or lines of PDF text (`from`, or detected).
 * Refused: an empty text, a report JSON, a CSV quote never closed, too many cells. A byte order
 * mark at the start is ignored.
 */
export function textGrids(
  text: string,
  from: 'csv' | 'text' | undefined,
  file: string | undefined,
  limits: Limits,
): LoadedGrids | ImportFailure {
  const at = file === undefined ? undefined : { file };
  const body = normalizeLineEnds(text.replace(/^\uFEFF/, ''));
  if (body.trim() === '') return failure('the file is empty', '文件是空的', at);
  const detected = from ?? detectTextFormat(body);
  if (detected === 'json') {
    return failure(
      'this is a report JSON already, not a table: check it directly with `outturn check`',
      '这已经是报告 JSON，而不是表格：请直接用 outturn check 检查',
      at,
    );
  }
  const grid = detected === 'csv' ? csvGrid(body, file, limits.cells) : textGrid(body, file, limits.cells);
  if ('ok' in grid) return grid;
  return { ok: true, format: detected, encoding: null, parts: [{ name: null, grid }], notes: [] };
}

/** The format of a file from its first bytes (and a zip archive's member names), or a failure. */
function sniff(bytes: Uint8Array): ImportFormat | undefined | ImportFailure {
  if (isZip(bytes)) {
    let names: string[];
    try {
      names = zipNames(bytes);
    } catch {
      return failure(
        'a damaged zip archive: neither an .xlsx workbook nor a .docx document can be read from it',
        '损坏的 zip 压缩文件：无法从中读取 .xlsx 工作簿或 .docx 文档',
      );
    }
    const kind = zipKind(names);
    if (kind === null) {
      return failure(
        'a zip archive that is neither an .xlsx workbook nor a .docx document',
        '既不是 .xlsx 工作簿也不是 .docx 文档的 zip 压缩文件',
      );
    }
    return kind;
  }
  if (isOle2(bytes)) return 'xls';
  if (isPdf(bytes)) return 'pdf';
  if (looksLikeHtml(bytes)) return 'html';
  return undefined;
}

function tooLarge(size: number, limit: number, at: Location | undefined): ImportFailure {
  return failure(
    `the file has ${size} bytes, more than the limit of ${limit} (maxBytes, --max-bytes)`,
    `文件有 ${size} 字节，超过上限 ${limit} 字节（maxBytes，--max-bytes）`,
    at,
  );
}
