/**
 * Excel workbooks (.xlsx) to grids, with SheetJS (`@e965/xlsx`, the maintained 0.20 build),
 * which is loaded only when a workbook is read.
 *
 * Every cell becomes the text the spreadsheet program displays (`cell.w`): a number stored
 * as 1.2 stays "1.2", a fraction 0.9 formatted as a percentage becomes "90%". A formula is
 * never evaluated: its last computed value (as stored in the file) is used, and a formula
 * without one is kept as text (`=SUM(B2:B7)`).
 *
 * @internal
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import type { DocumentPart, DocumentResult, ReadContext } from './document.js';
import { type Grid, type MergedRange, sheetGrid } from './grid.js';
import { failure, type ImportItem, item } from './types.js';

function cellText(
  cell: CellObject | undefined,
  format: (cell: CellObject) => string,
): { text: string; formula: 'cached' | 'uncached' | null } {
  if (cell === undefined) return { text: '', formula: null };
  const formula = typeof cell.f === 'string' && cell.f !== '' ? cell.f : null;
  if (typeof cell.w === 'string') return { text: cell.w, formula: formula === null ? null : 'cached' };
  if (cell.t === 's' && typeof cell.v === 'string')
    return { text: cell.v, formula: formula === null ? null : 'cached' };
  if (formula !== null) return { text: `=${formula}`, formula: 'uncached' };
  if (cell.v === undefined || cell.v === null || cell.t === 'z') return { text: '', formula: null };
  // No displayed text stored: format the value as the spreadsheet would (never a JS float).
  return { text: format(cell), formula: null };
}

/**
 * Reads the worksheets of an .xlsx file: the one named `sheet`, or every sheet. A sheet
 * that does not exist, a named sheet that is empty, a workbook without any data and a file
 * that is not a workbook are failures with a message.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  options: ReadContext,
  format: 'xlsx' | 'xls',
): Promise<DocumentResult> {
  const XLSX = await import('@e965/xlsx');
  let workbook: ReturnType<typeof XLSX.read>;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellText: true, cellNF: true, cellDates: false });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return failure(`not a readable .xlsx workbook (${detail})`, `不是可读取的 .xlsx 工作簿（${detail}）`);
  }
  const names = workbook.SheetNames;
  if (names.length === 0) {
    return failure(
      'not a readable .xlsx workbook: it has no worksheets',
      '不是可读取的 .xlsx 工作簿：没有工作表',
    );
  }
  let chosen: readonly string[] = names;
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
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
  for (const name of chosen) {
    const ws = workbook.Sheets[name];
    const grid = ws === undefined ? null : sheetToGrid(XLSX.utils, ws, name, options.file, notes, format);
    sheets.push({ name, grid });
  }
  if (sheets.every((s) => s.grid === null)) {
    const file = options.file === undefined ? {} : { file: options.file };
    if (options.sheet !== undefined) {
      const name = chosen[0] ?? options.sheet;
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

type Utils = typeof import('@e965/xlsx').utils;

function sheetToGrid(
  utils: Utils,
  ws: WorkSheet,
  name: string,
  file: string | undefined,
  notes: ImportItem[],
  format: 'xlsx' | 'xls',
): Grid | null {
  const ref = ws['!ref'];
  if (ref === undefined) return null;
  const range = utils.decode_range(ref);
  const rows: string[][] = [];
  const cached: string[] = [];
  const uncached: string[] = [];
  let any = false;
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const address = utils.encode_cell({ r, c });
      const { text, formula } = cellText(ws[address] as CellObject | undefined, (c) => utils.format_cell(c));
      if (text.trim() !== '') any = true;
      if (formula === 'cached') cached.push(address);
      if (formula === 'uncached') uncached.push(address);
      row.push(text);
    }
    rows.push(row);
  }
  if (!any) return null;
  const merges: MergedRange[] = (ws['!merges'] ?? []).map((m) => ({
    r0: m.s.r - range.s.r,
    c0: m.s.c - range.s.c,
    r1: m.e.r - range.s.r,
    c1: m.e.c - range.s.c,
  }));
  const width = range.e.c - range.s.c + 1;
  const base = file === undefined ? { sheet: name } : { file, sheet: name };
  if (cached.length > 0) {
    notes.push(
      item({ ...base, cell: cached.join(',') }, '', {
        en: `${cached.length} cell(s) hold formulas: the values the spreadsheet program last computed and stored are used; outturn evaluates no formula`,
        zh: `${cached.length} 个单元格含公式：使用表格软件上次计算并保存的值；outturn 不计算任何公式`,
      }),
    );
  }
  for (const address of uncached) {
    notes.push(
      item({ ...base, cell: address }, `=${(ws[address] as CellObject | undefined)?.f ?? ''}`, {
        en: 'a formula without a stored value: kept as text, not evaluated',
        zh: '公式没有保存的计算结果：按文字保留，不计算',
      }),
    );
  }
  return sheetGrid(format, rows, merges, name, range.s.r, range.s.c, width, file);
}
