/**
 * What the bytes of a file are, before any of it is read: a workbook (a zip archive), a file
 * the importers refuse with advice (an .xls or another OLE2 file, a PDF), or text; and for a
 * decoded text, whether it is CSV, PDF text or a report JSON.
 *
 * @internal
 */
import { contentLines } from './csv.js';
import { startsWithBytes } from './encoding.js';
import type { ImportFormat } from './types.js';

/** What the bytes of a file are, from their first bytes and their text. */
export type DetectedFormat = ImportFormat | 'json';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** True when the bytes are a zip archive (an .xlsx workbook is one). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWithBytes(bytes, ZIP);
}

/** True when the bytes are an OLE2 compound file (an Excel 97–2003 .xls is one; so is a Word .doc). */
export function isOle2(bytes: Uint8Array): boolean {
  return startsWithBytes(bytes, OLE2);
}

/** True when the bytes start as a PDF does (`%PDF-`). */
export function isPdf(bytes: Uint8Array): boolean {
  return startsWithBytes(bytes, PDF);
}

/**
 * The kind of zip archive, from the names of its members (its central directory only: nothing
 * is decompressed): `docx` (word/document.xml), `xlsx` (xl/workbook.xml or .bin), or null.
 */
export function zipKind(names: readonly string[]): 'xlsx' | 'docx' | null {
  if (names.includes('word/document.xml')) return 'docx';
  if (names.some((n) => n === 'xl/workbook.xml' || n === 'xl/workbook.bin')) return 'xlsx';
  return null;
}

/**
 * True when the bytes look like a web page: after a byte order mark and white space, the first
 * 1024 bytes begin with `<!DOCTYPE html`, `<html`, `<head`, `<meta`, `<body`, `<table`, or an
 * XML declaration or a comment followed by one of these (case-insensitive).
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = '';
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b !== 0) head += String.fromCharCode(b < 0x80 ? b : 0x20);
  }
  head = head.trimStart().toLowerCase();
  head = head.replace(/^(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)+/, '');
  return /^<(?:!doctype\s+html|html|head|meta|body|table)[\s>/]/.test(head);
}

/**
 * The format of a decoded text: `json` when it starts with `{` or `[` (after a byte order
 * mark and white space); `text` (PDF or browser text) when, among the first 1000 lines that
 * are neither blank nor comments (`#` first), tab-separated lines are at least as many as lines
 * with commas or with semicolons and no cell of them is quoted; `csv` otherwise (comma-,
 * semicolon- or quoted tab-separated). Never fails: any text is one of the three.
 *
 * @example
 * ```ts
 * detectTextFormat('预算项目,年初预算数\n预算总金额,321.19\n');   // 'csv'
 * detectTextFormat('预算项目\t年初预算数\n预算总金额\t321.19\n'); // 'text'
 * detectTextFormat('# 来源：a, b\n预算项目\t年初预算数\n合计\t1\n'); // 'text' (a comment is not data)
 * detectTextFormat('名称\t年初预算数\n"总额"\t"1"\n');            // 'csv' (quoted: a spreadsheet export)
 * detectTextFormat('  {"indicators": []}');                        // 'json'
 * ```
 */
export function detectTextFormat(text: string): DetectedFormat {
  if (typeof text !== 'string') throw new TypeError('detectTextFormat: text must be a string');
  const start = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const lines = contentLines(normalizeLineEnds(text.slice(0, 16 * 1024 * 1024)), 1000);
  const tabs = lines.filter((l) => l.includes('\t')).length;
  if (tabs === 0) return 'csv';
  const commas = lines.filter((l) => l.includes(',')).length;
  const semicolons = lines.filter((l) => l.includes(';')).length;
  const quotedTabCells = lines.some((l) => /(?:^|\t)"[^"\t]*(?:""[^"\t]*)*"(?:\t|$)/.test(l));
  return tabs >= Math.max(commas, semicolons) && !quotedTabCells ? 'text' : 'csv';
}

/**
 * Text with every line end as the importers read it: U+2028 LINE SEPARATOR, U+2029 PARAGRAPH
 * SEPARATOR, NEL (U+0085) and the vertical tab are line ends like LF (and count as lines in
 * locations); a form feed is a page break: removed next to a line end (where PDF extraction
 * puts it), a line end between two characters of text. CR, LF and CRLF are kept as they are.
 *
 * @internal
 */
export function normalizeLineEnds(text: string): string {
  if (!/[\v\f\u0085\u2028\u2029]/.test(text)) return text;
  const lines = text.replace(/[\v\u0085\u2028\u2029]/g, '\n');
  let out = '';
  let i = 0;
  while (i < lines.length) {
    const ff = lines.indexOf('\f', i);
    if (ff < 0) {
      out += lines.slice(i);
      break;
    }
    let end = ff;
    while (lines[end] === '\f') end++;
    const before = ff === 0 ? '\n' : lines[ff - 1];
    const after = end === lines.length ? '\n' : lines[end];
    const atLineEnd = before === '\n' || before === '\r' || after === '\n' || after === '\r';
    out += lines.slice(i, ff) + (atLineEnd ? '' : '\n');
    i = end;
  }
  return out;
}
