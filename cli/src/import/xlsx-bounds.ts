/**
 * The bounds of an Excel workbook checked before SheetJS reads it, over its bytes, so that a
 * file past `limits` is refused with one message before anything large is built:
 *
 * - **.xlsx** (a zip archive, through `zip.ts`): the decompressed sizes its directory declares,
 *   then the bytes really decompressed, within `limits.uncompressedBytes`; the `<c>` cell tags
 *   of its XML members within `limits.cells`; its `<col max>` records within the sheet's last
 *   column.
 * - **.xls** (an OLE2 compound file): an Excel workbook stream whose BIFF cell records are
 *   within `limits.cells`, or a refusal that says what kind of compound file it is instead.
 *
 * @internal
 */
import type { Limits } from './document.js';
import { failure, type ImportFailure, type Location } from './types.js';
import { inflateMembers, zipMembers } from './zip.js';

export type XLSXModule = typeof import('@e965/xlsx');

/** The last row and column of a sheet of each format (Excel's specifications and limits). */
export const SHEET_LIMITS = {
  xlsx: { rows: 1_048_576, columns: 16_384, lastColumn: 'XFD' },
  xls: { rows: 65_536, columns: 256, lastColumn: 'IV' },
} as const;

export const number = (n: number) => n.toLocaleString('en-US');

export function tooManyCells(count: number, limit: number, at?: Location): ImportFailure {
  return failure(
    `the workbook has ${number(count)} cells or more, more than the limit of ${number(limit)}`,
    `工作簿至少有 ${number(count)} 个单元格，超过上限 ${number(limit)} 个`,
    at,
  );
}

/** `declared`: the size the directory declares; null when the bytes were counted as they came out. */
function tooLargeUncompressed(declared: number | null, limit: number): ImportFailure {
  if (declared === null) {
    return failure(
      `the workbook decompresses to more than ${number(limit)} bytes, more than the limit of ${number(limit)}`,
      `工作簿解压后超过 ${number(limit)} 字节，超过上限（实际解压计数）`,
    );
  }
  return failure(
    `the workbook decompresses to ${number(declared)} bytes, more than the limit of ${number(limit)}`,
    `工作簿解压后有 ${number(declared)} 字节，超过上限 ${number(limit)} 字节`,
  );
}

/**
 * An .xlsx (a zip archive): the sizes its directory declares, then the bytes really
 * decompressed, both within `limits.uncompressedBytes`; its cell tags within `limits.cells`;
 * its column records within the sheet. Null or `{ binary }` when it may be given to SheetJS.
 */
export function checkZip(bytes: Uint8Array, limits: Limits): ImportFailure | { binary: boolean } | null {
  let members: ReturnType<typeof zipMembers>;
  try {
    members = zipMembers(bytes);
  } catch {
    return failure(
      'not a readable .xlsx workbook: the zip archive is damaged',
      '不是可读取的 .xlsx 工作簿：zip 压缩文件已损坏',
    );
  }
  const declared = members.reduce((sum, m) => sum + m.declaredSize, 0);
  if (declared > limits.uncompressedBytes) return tooLargeUncompressed(declared, limits.uncompressedBytes);
  const inflated = inflateMembers(bytes, limits.uncompressedBytes, (name) => /\.xml$/i.test(name));
  if (!inflated.ok) {
    if (inflated.reason === 'too-large') return tooLargeUncompressed(null, limits.uncompressedBytes);
    return failure(
      'not a readable .xlsx workbook: a member of the zip archive is damaged',
      '不是可读取的 .xlsx 工作簿：zip 压缩文件中有损坏的成员',
    );
  }
  // SheetJS reads the members its directory lists: a directory that lists more than the body
  // holds (entries pointing into the same bytes, the overlapping zip bomb) is refused.
  if (inflated.count !== members.length) {
    return failure(
      `not a readable .xlsx workbook: its zip directory lists ${members.length} members, its body holds ${inflated.count}`,
      `不是可读取的 .xlsx 工作簿：zip 目录列出 ${members.length} 个成员，实际有 ${inflated.count} 个`,
    );
  }
  let cells = 0;
  for (const [name, xml] of inflated.kept) {
    const scan = scanXml(xml, limits.cells - cells);
    cells += scan.cells;
    if (cells > limits.cells) return tooManyCells(cells, limits.cells);
    if (scan.column > SHEET_LIMITS.xlsx.columns) {
      return failure(
        `${name} describes column ${number(scan.column)}, past the last column of an .xlsx sheet (${SHEET_LIMITS.xlsx.lastColumn}, ${number(SHEET_LIMITS.xlsx.columns)})`,
        `${name} 描述了第 ${number(scan.column)} 列，超出 .xlsx 工作表的最后一列（${SHEET_LIMITS.xlsx.lastColumn}，第 ${number(SHEET_LIMITS.xlsx.columns)} 列）`,
      );
    }
  }
  return { binary: members.some((m) => m.name.toLowerCase() === 'xl/workbook.bin') };
}

const LT = 0x3c;
const isNameByte = (b: number) =>
  (b >= 0x61 && b <= 0x7a) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x30 && b <= 0x39) ||
  b === 0x5f ||
  b === 0x2d;
const isEnd = (b: number | undefined) =>
  b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x2f || b === 0x3e;

/**
 * A bound on what SheetJS will build from one XML member, counted over its bytes: the cell
 * elements (`<c …>`, with or without a namespace prefix, the pattern SheetJS splits cells by;
 * a count, never a reading of them) and the largest column number in a `<col min max>`
 * record (SheetJS makes one object per column it spans). Stops counting past `budget`.
 */
function scanXml(xml: Uint8Array, budget: number): { cells: number; column: number } {
  let cells = 0;
  let column = 0;
  const n = xml.length;
  for (let i = xml.indexOf(LT); i !== -1 && i < n; i = xml.indexOf(LT, i + 1)) {
    let j = i + 1;
    let k = j;
    while (k < n && isNameByte(xml[k] as number)) k++;
    if (xml[k] === 0x3a) j = k + 1; // a namespace prefix
    if (xml[j] !== 0x63) continue; // 'c'
    if (isEnd(xml[j + 1])) {
      if (++cells > budget) break; // enough to refuse
      continue;
    }
    if (xml[j + 1] === 0x6f && xml[j + 2] === 0x6c && isEnd(xml[j + 3])) {
      const end = xml.indexOf(0x3e, j);
      const tag = new TextDecoder().decode(xml.subarray(j, end === -1 ? Math.min(n, j + 512) : end));
      for (const m of tag.matchAll(/\b(?:min|max)\s*=\s*["']\s*(\d+)/g)) {
        column = Math.max(column, Number((m[1] ?? '0').slice(0, 12)));
      }
    }
  }
  return { cells, column };
}

/** The BIFF record types of cells, and of several cells in one record (MULRK, MULBLANK). */
const BIFF_CELLS = new Set([
  0x0006, 0x00fd, 0x0203, 0x0204, 0x0205, 0x027e, 0x0201, 0x0001, 0x0002, 0x0003, 0x0004,
]);
const BIFF_MULRK = 0x00bd;
const BIFF_MULBLANK = 0x00be;

/**
 * An OLE2 compound file: an Excel workbook (a `Workbook` or `Book` stream) whose cell records
 * are within `limits.cells`, or a refusal that says what the file is (a Word 97–2003 document,
 * a password-protected workbook, another compound file) and what to do.
 */
export function checkOle2(X: XLSXModule, bytes: Uint8Array, limits: Limits): ImportFailure | null {
  const advice = 'save it as .xlsx or as CSV and import that';
  let cfb: ReturnType<typeof X.CFB.read>;
  try {
    cfb = X.CFB.read(bytes, { type: 'array' } as never);
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    return failure(
      `not a readable .xls workbook (a damaged OLE2 compound file: ${detail}); ${advice}`,
      `不是可读取的 .xls 工作簿（损坏的 OLE2 复合文件：${detail}）；请另存为 .xlsx 或 CSV 后再导入`,
    );
  }
  const stream = (name: string) => X.CFB.find(cfb, name) as { content?: ArrayLike<number> } | null;
  const book = stream('/Workbook') ?? stream('/Book') ?? stream('Workbook') ?? stream('Book');
  if (book === null) {
    if (stream('EncryptedPackage') !== null || stream('EncryptionInfo') !== null) {
      return failure(
        'a password-protected workbook: open it, remove the password (or save a copy without one) and import that',
        '受密码保护的工作簿：请打开后去掉密码（或另存一份不带密码的副本）再导入',
      );
    }
    if (stream('WordDocument') !== null) {
      return failure(
        'a Word 97–2003 document (.doc), not a workbook: save it as .docx and import that',
        'Word 97–2003 文档（.doc），不是工作簿：请另存为 .docx 后再导入',
      );
    }
    if (stream('PowerPoint Document') !== null) {
      return failure(
        'a PowerPoint 97–2003 file, not a workbook: save its tables as .xlsx or .docx and import that',
        'PowerPoint 97–2003 文件，不是工作簿：请将其中的表格另存为 .xlsx 或 .docx 后再导入',
      );
    }
    return failure(
      'an OLE2 compound file that is not an Excel workbook (no Workbook stream): save the table as .xlsx or .docx and import that',
      '不是 Excel 工作簿的 OLE2 复合文件（没有 Workbook 流）：请将表格另存为 .xlsx 或 .docx 后再导入',
    );
  }
  const data = book.content ?? [];
  let cells = 0;
  for (let at = 0; at + 4 <= data.length; ) {
    const type = (data[at] as number) | ((data[at + 1] as number) << 8);
    const size = (data[at + 2] as number) | ((data[at + 3] as number) << 8);
    if (BIFF_CELLS.has(type)) cells++;
    else if (type === BIFF_MULRK) cells += Math.max(0, Math.floor((size - 6) / 6));
    else if (type === BIFF_MULBLANK) cells += Math.max(0, Math.floor((size - 6) / 2));
    if (cells > limits.cells) return tooManyCells(cells, limits.cells);
    at += 4 + size;
  }
  return null;
}
