/**
 * Excel workbooks (.xlsx, and .xls as Excel and LibreOffice save it: BIFF8) to grids, with
 * SheetJS (`@e965/xlsx`, the maintained 0.20 build), which is loaded only when a workbook is read.
 *
 * - **Cells**: a string as stored; a number in the General format as its stored value at
 *   Excel's own precision, 15 significant digits ({@link excelNumberText}: 123456789.12 stays
 *   "123456789.12", the float noise of 0.30000000000000004 is "0.3"); a number with a number
 *   format as the spreadsheet displays it (`cell.w`: 0.9 in `0%` is "90%", a date is the date),
 *   with a note giving the stored value when the display shows less of it (1.2345 in `0.00`).
 * - **Formulas** are never evaluated: the value last computed and stored in the file is used
 *   (one note per sheet lists the cells); a formula without a stored value is kept as its
 *   text (`=SUM(B2:B3)`), with a note that it gives no figure.
 * - **Merged cells** are passed to the grid, clipped to the cells the sheet really uses.
 * - **Hidden** sheets, rows and columns are read like the others, with one note per sheet.
 * - **Bounds**: a sheet's declared dimension is not trusted (the grid spans the cells that
 *   exist); a row or column past the format's last one, more cells than `limits.cells`, more
 *   decompressed bytes than `limits.uncompressedBytes` (declared or counted) are refused with
 *   one message, before SheetJS builds anything large (the checks before it reads the file
 *   are in `xlsx-bounds.ts`).
 *
 * @internal
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { isOle2, isZip } from './detect.js';
import type { DocumentPart, DocumentResult, ReadContext } from './document.js';
import { type Grid, type MergedRange, sheetGrid } from './grid.js';
import { failure, type ImportFailure, type ImportItem, item, type Location } from './types.js';
import { checkOle2, checkZip, number, SHEET_LIMITS, tooManyCells, type XLSXModule } from './xlsx-bounds.js';

/**
 * The text of a stored number (a double) at Excel's precision: 15 significant digits, as
 * Excel keeps and shows numbers ("Excel stores 15 significant digits of precision",
 * Microsoft, "Floating-point arithmetic may give inaccurate results in Excel"), then written
 * as plain decimal digits: no exponent, no trailing zeros. Float noise below the 15th digit
 * goes (0.30000000000000004 → "0.3"), every digit a person typed stays (123456789.12).
 *
 * @example
 * ```ts
 * excelNumberText(123456789.12);        // '123456789.12'
 * excelNumberText(0.1 + 0.2);           // '0.3'
 * excelNumberText(1.5e-7);              // '0.00000015'
 * excelNumberText(1e21);                // '1000000000000000000000'
 * excelNumberText(-2.5);                // '-2.5'
 * ```
 */
export function excelNumberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(value.toPrecision(15));
  if (m === null) return String(value);
  const sign = m[1] ?? '';
  const int = m[2] ?? '';
  let digits = int + (m[3] ?? '');
  let point = int.length + Number(m[4] ?? '0');
  const lead = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(lead);
  point -= lead;
  digits = withoutTrailingZeros(digits);
  if (digits === '') return '0';
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + text;
}

/** The digits without the zeros at their end (a loop: no regular expression to backtrack). */
function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 0x30) end--;
  return digits.slice(0, end);
}

/** A plain decimal with its point moved `places` to the right (×10^places), as text. */
function shiftPoint(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [int = '', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = int + frac + '0'.repeat(places);
  const point = int.length + places;
  return normalise(`${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** A decimal without sign, leading zeros of its integer part, trailing zeros of its fraction. */
function normalise(text: string): string {
  const abs = text.replace(/^-/, '');
  const [int = '', frac = ''] = abs.split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  const f = withoutTrailingZeros(frac);
  return f === '' ? i || '0' : `${i || '0'}.${f}`;
}

/** True for the General format (and no format at all). */
function isGeneral(format: unknown): boolean {
  return (
    format === undefined || format === null || format === 0 || String(format).toLowerCase() === 'general'
  );
}

/** What one cell gives: its text, and what to note about it. */
interface CellReading {
  readonly text: string;
  /** `literal`: a formula that is only a percentage (`=100%`), kept as typed. */
  readonly formula: 'cached' | 'uncached' | 'literal' | null;
  /** The stored value, when the display shows less of it. */
  readonly stored: string | null;
}

/** A formula that is a percentage and nothing else: `100%`, `0%`, `93.5%`. */
const PERCENT_LITERAL = /^\s*\d+(?:\.\d+)?\s*%\s*$/;

const EMPTY: CellReading = { text: '', formula: null, stored: null };

function readCell(X: XLSXModule, cell: CellObject | undefined): CellReading {
  if (cell === undefined || cell === null) return EMPTY;
  const formula = typeof cell.f === 'string' && cell.f !== '' ? cell.f : null;
  const hasValue = cell.v !== undefined && cell.v !== null && cell.t !== 'z';
  if (!hasValue) {
    if (formula !== null) return { text: `=${formula}`, formula: 'uncached', stored: null };
    return EMPTY;
  }
  // `=100%` typed into a target cell is a formula to Excel and Calc (value 1, shown "100%"): the
  // person typed the target notation (DESIGN: the comparator `=`), and the formula computes nothing.
  if (formula !== null && PERCENT_LITERAL.test(formula)) {
    return { text: `=${formula.trim()}`, formula: 'literal', stored: null };
  }
  const kind = formula === null ? null : 'cached';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const full = excelNumberText(cell.v);
    if (isGeneral(cell.z)) return { text: full, formula: kind, stored: null };
    const shown = typeof cell.w === 'string' ? cell.w : X.utils.format_cell(cell);
    if (X.SSF.is_date(cell.z as string | number)) return { text: shown, formula: kind, stored: null };
    return { text: shown, formula: kind, stored: showsLess(shown, full) ? full : null };
  }
  if (cell.t === 's' && typeof cell.v === 'string') return { text: cell.v, formula: kind, stored: null };
  const shown = typeof cell.w === 'string' ? cell.w : X.utils.format_cell(cell);
  return { text: shown, formula: kind, stored: null };
}

/**
 * True when a displayed number is not the stored one: fewer decimals (1.23 for 1.2345), a
 * percentage rounded (93.7% for 0.93745), a scientific or fraction display. A display with
 * more zeros (1.20 for 1.2) or thousands separators shows all of it.
 */
function showsLess(shown: string, full: string): boolean {
  const number = /\d[\d,]*(?:\.\d*)?|\.\d+/.exec(shown);
  if (number === null) return false;
  if (/\d\s*e[+-]?\d|\//i.test(shown)) return true;
  const value = normalise(number[0].replaceAll(',', ''));
  const stored = shown.includes('%') ? shiftPoint(full, 2) : full;
  return value !== normalise(stored);
}

/**
 * Reads the worksheets of an .xlsx or .xls file: the one named `sheet`, or every sheet. A sheet
 * that does not exist, a named sheet that is empty, a workbook without any data, a file that
 * is not a workbook and a workbook past `ctx.limits` are failures with one message.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  ctx: ReadContext,
  format: 'xlsx' | 'xls',
): Promise<DocumentResult> {
  const zip = isZip(bytes);
  if (!zip && !isOle2(bytes)) {
    return failure(
      `not an .${format} workbook: the file starts with neither the zip signature (PK, an .xlsx) nor the OLE2 signature (an .xls)`,
      `不是 .${format} 工作簿：文件开头既不是 zip 签名（PK，.xlsx）也不是 OLE2 签名（.xls）`,
    );
  }
  const X = await import('@e965/xlsx');
  // By the bytes, not by the format asked for: `--from xls` on an .xlsx reads the .xlsx.
  const checked = zip ? checkZip(bytes, ctx.limits) : checkOle2(X, bytes, ctx.limits);
  if (checked !== null && 'ok' in checked) return checked;
  let workbook: ReturnType<typeof X.read>;
  try {
    workbook = X.read(bytes, {
      type: 'array',
      dense: true,
      cellText: true,
      cellNF: true,
      cellDates: false,
      cellFormula: true,
      cellHTML: false,
      // Hidden rows and columns; a binary .xlsb is read without (its column records are not checked).
      cellStyles: checked?.binary !== true,
      WTF: false,
    });
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    return failure(
      `not a readable .${format} workbook (${detail})`,
      `不是可读取的 .${format} 工作簿（${detail}）`,
    );
  }
  const names = workbook.SheetNames;
  if (names.length === 0) {
    return failure(
      `not a readable .${format} workbook: it has no worksheets`,
      `不是可读取的 .${format} 工作簿：没有工作表`,
    );
  }
  let chosen: readonly string[] = names;
  if (ctx.sheet !== undefined) {
    const wanted = ctx.sheet;
    const found =
      names.find((n) => n === wanted) ??
      names.find((n) => n.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (found === undefined) {
      const list = names.map((n) => `"${n}"`).join(', ');
      return failure(
        `the workbook has no sheet named "${wanted}"; its sheets are ${list}`,
        `工作簿中没有名为“${wanted}”的工作表；现有工作表：${list}`,
      );
    }
    chosen = [found];
  }
  const notes: ImportItem[] = [];
  const sheets: DocumentPart[] = [];
  const budget = { cells: ctx.limits.cells };
  for (const name of chosen) {
    const ws = workbook.Sheets[name];
    const hidden = workbook.Workbook?.Sheets?.[names.indexOf(name)]?.Hidden ?? 0;
    const read =
      ws === undefined
        ? null
        : sheetToGrid(X, ws, name, ctx, notes, format, budget, hidden === 0 ? 0 : hidden);
    if (read !== null && 'ok' in read) return read;
    sheets.push({ name, grid: read });
  }
  if (sheets.every((s) => s.grid === null)) {
    const file = ctx.file === undefined ? {} : { file: ctx.file };
    if (ctx.sheet !== undefined) {
      const name = chosen[0] ?? ctx.sheet;
      return failure(`the sheet "${name}" is empty`, `工作表“${name}”是空的`, { ...file, sheet: name });
    }
    return failure(
      `the workbook has no data: ${names.length === 1 ? 'its only sheet is' : `all ${names.length} sheets are`} empty`,
      `工作簿中没有数据：${names.length === 1 ? '唯一的工作表' : `全部 ${names.length} 个工作表`}是空的`,
      file,
    );
  }
  return { ok: true, parts: sheets, notes };
}

// ---------------------------------------------------------------------------------------------
// One sheet

type Dense = (readonly (CellObject | undefined)[] | undefined)[];

/** 1, 2, 3, 5, 6 → "1–3, 5–6". */
function spans(list: readonly number[], label: (n: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i;
    while (j + 1 < list.length && (list[j + 1] as number) === (list[j] as number) + 1) j++;
    const a = label(list[i] as number);
    out.push(i === j ? a : `${a}–${label(list[j] as number)}`);
    i = j + 1;
  }
  return out.join(', ');
}

function sheetToGrid(
  X: XLSXModule,
  ws: WorkSheet,
  name: string,
  ctx: ReadContext,
  notes: ImportItem[],
  format: 'xlsx' | 'xls',
  budget: { cells: number },
  hidden: number,
): Grid | ImportFailure | null {
  const base: Location = ctx.file === undefined ? { sheet: name } : { file: ctx.file, sheet: name };
  const limit = SHEET_LIMITS[format];
  const data = ((ws as { '!data'?: Dense })['!data'] ?? []) as Dense;
  if (data.length > limit.rows) {
    return failure(
      `the sheet "${name}" has a cell in row ${number(data.length)}, past the last row of an .${format} sheet (${number(limit.rows)})`,
      `工作表“${name}”在第 ${number(data.length)} 行有单元格，超出 .${format} 工作表的最后一行（第 ${number(limit.rows)} 行）`,
      base,
    );
  }
  // The cells that exist, not the range the sheet declares: rows of texts, each up to its last
  // non-empty cell, and the used range.
  const texts = new Map<number, string[]>();
  const cached: string[] = [];
  const uncached: { address: string; formula: string }[] = [];
  const literal: string[] = [];
  const stored: { address: string; shown: string; value: string }[] = [];
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  let existing = 0;
  for (const key of Object.keys(data)) {
    const r = Number(key);
    const row = data[r];
    if (row === undefined || !Number.isInteger(r)) continue;
    if (row.length > limit.columns) {
      return failure(
        `the sheet "${name}" has a cell in column ${number(row.length)}, past the last column of an .${format} sheet (${limit.lastColumn}, ${number(limit.columns)})`,
        `工作表“${name}”在第 ${number(row.length)} 列有单元格，超出 .${format} 工作表的最后一列（${limit.lastColumn}，第 ${number(limit.columns)} 列）`,
        base,
      );
    }
    let cells: string[] | undefined;
    for (const ckey of Object.keys(row)) {
      const c = Number(ckey);
      if (!Number.isInteger(c)) continue;
      existing++;
      if (existing > budget.cells) return tooManyCells(existing, ctx.limits.cells, base);
      const reading = readCell(X, row[c]);
      if (reading.text === '') continue;
      const address = X.utils.encode_cell({ r, c });
      if (reading.formula === 'cached') cached.push(address);
      if (reading.formula === 'uncached') uncached.push({ address, formula: reading.text });
      if (reading.formula === 'literal') literal.push(address);
      if (reading.stored !== null) stored.push({ address, shown: reading.text, value: reading.stored });
      if (reading.text.trim() === '') {
        // Spaces only: kept (a cell as stored) but it does not widen the used range.
      } else {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
      cells ??= [];
      cells[c] = reading.text;
    }
    if (cells !== undefined) texts.set(r, cells);
  }
  if (bottom < 0) return null;
  const width = right - left + 1;
  const rows: string[][] = [];
  let size = 0;
  for (let r = top; r <= bottom; r++) {
    const cells = texts.get(r);
    const row: string[] = [];
    if (cells !== undefined) {
      let last = -1;
      for (let c = left; c <= right; c++) if ((cells[c] ?? '').trim() !== '') last = c;
      for (let c = left; c <= last; c++) row.push(cells[c] ?? '');
    }
    rows.push(row);
    size += Math.max(row.length, 1);
  }
  if (size > budget.cells)
    return tooManyCells(ctx.limits.cells - budget.cells + size, ctx.limits.cells, base);
  budget.cells -= size;

  // Merged ranges, clipped to the used range; those whose first cell is outside it show nothing.
  const merges: MergedRange[] = [];
  let merged = 0;
  for (const m of ws['!merges'] ?? []) {
    if (m.s.r < top || m.s.r > bottom || m.s.c < left || m.s.c > right) continue;
    const r1 = Math.min(m.e.r, bottom);
    const c1 = Math.min(m.e.c, right);
    if (r1 <= m.s.r && c1 <= m.s.c) continue;
    merged += (r1 - m.s.r + 1) * (c1 - m.s.c + 1);
    if (merged > budget.cells + size) {
      return failure(
        `the merged cells of the sheet "${name}" cover more than ${number(ctx.limits.cells)} cells`,
        `工作表“${name}”的合并单元格覆盖超过 ${number(ctx.limits.cells)} 个单元格`,
        base,
      );
    }
    merges.push({ r0: m.s.r - top, c0: m.s.c - left, r1: r1 - top, c1: c1 - left });
  }

  noteSheet(X, ws, base, notes, { top, bottom, left, right }, hidden);
  if (cached.length > 0) {
    notes.push(
      item({ ...base, cell: cached.join(',') }, '', {
        en: `${cached.length} cell(s) hold formulas: the values the spreadsheet program last computed and stored are used; outturn evaluates no formula`,
        zh: `${cached.length} 个单元格含公式：使用表格软件上次计算并保存的值；outturn 不计算任何公式`,
      }),
    );
  }
  if (literal.length > 0) {
    notes.push(
      item({ ...base, cell: literal.join(',') }, '', {
        en: `${literal.length} cell(s) hold a formula that is only a percentage (=100%): kept as typed, the target notation, not as the value the spreadsheet shows (100%)`,
        zh: `${literal.length} 个单元格的公式只是一个百分数（=100%）：按输入的文字保留（目标值写法），而不是表格显示的值（100%）`,
      }),
    );
  }
  for (const u of uncached) {
    notes.push(
      item({ ...base, cell: u.address }, u.formula, {
        en: 'a formula without a stored value: kept as its text, not evaluated, so this cell gives no figure',
        zh: '公式没有保存的计算结果：按公式文字保留，不计算，此单元格不提供数字',
      }),
    );
  }
  for (const s of stored) {
    notes.push(
      item({ ...base, cell: s.address }, s.shown, {
        en: `the figure as displayed (${s.shown}) is used; the cell stores ${s.value}`,
        zh: `使用显示的数字（${s.shown}）；单元格保存的值为 ${s.value}`,
      }),
    );
  }
  return sheetGrid(format, rows, merges, name, top, left, width, ctx.file);
}

/** One note for a hidden sheet, and one naming the hidden rows and columns inside the used range. */
function noteSheet(
  X: XLSXModule,
  ws: WorkSheet,
  base: Location,
  notes: ImportItem[],
  used: { top: number; bottom: number; left: number; right: number },
  hidden: number,
): void {
  if (hidden !== 0) {
    notes.push(
      item(base, '', {
        en: `the sheet is ${hidden === 2 ? 'very hidden' : 'hidden'} in the workbook: it is read like the others`,
        zh: `该工作表在工作簿中${hidden === 2 ? '被深度隐藏' : '被隐藏'}：照常读取`,
      }),
    );
  }
  const hiddenRows: number[] = [];
  const rowInfo = ws['!rows'] ?? [];
  for (const key of Object.keys(rowInfo)) {
    const r = Number(key);
    if (Number.isInteger(r) && r >= used.top && r <= used.bottom && rowInfo[r]?.hidden === true)
      hiddenRows.push(r);
  }
  const hiddenColumns: number[] = [];
  const colInfo = ws['!cols'] ?? [];
  for (const key of Object.keys(colInfo)) {
    const c = Number(key);
    if (Number.isInteger(c) && c >= used.left && c <= used.right && colInfo[c]?.hidden === true)
      hiddenColumns.push(c);
  }
  if (hiddenRows.length === 0 && hiddenColumns.length === 0) return;
  hiddenRows.sort((a, b) => a - b);
  hiddenColumns.sort((a, b) => a - b);
  const rowsEn = hiddenRows.length === 0 ? '' : `rows ${spans(hiddenRows, (r) => String(r + 1))}`;
  const colsEn =
    hiddenColumns.length === 0 ? '' : `columns ${spans(hiddenColumns, (c) => X.utils.encode_col(c))}`;
  const rowsZh = hiddenRows.length === 0 ? '' : `第 ${spans(hiddenRows, (r) => String(r + 1))} 行`;
  const colsZh =
    hiddenColumns.length === 0 ? '' : `第 ${spans(hiddenColumns, (c) => X.utils.encode_col(c))} 列`;
  const en = [rowsEn, colsEn].filter((s) => s !== '').join(' and ');
  const zh = [rowsZh, colsZh].filter((s) => s !== '').join('和');
  notes.push(
    item(base, '', {
      en: `hidden ${en}: read like the others`,
      zh: `隐藏的${zh}：照常读取`,
    }),
  );
}
