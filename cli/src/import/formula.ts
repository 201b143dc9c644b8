/**
 * Text that a spreadsheet program would run as a formula (`=SUM(B2:B7)`, `+cmd`, `@x`,
 * `-1+2`). The importer never evaluates a cell: such text is kept as it is and noted, so that
 * whoever opens a CSV written from the report in a spreadsheet knows. Target notation
 * (`=100%`, `>=90%`, `-6.26%`) is not a formula.
 *
 * @internal
 */
import type { Grid } from './grid.js';
import type { Sheet } from './sheet.js';
import { type ImportItem, item, type Location, type Log } from './types.js';

/**
 * True for text a spreadsheet program would run as a formula: `=SUM(B2:B7)`, `=A1`, `+cmd`,
 * `-cmd`, `@x`, `-1+2`. Target notation such as `=100%`, `>=90%` or `-6.26%` is not.
 */
export function isFormulaLike(text: string): boolean {
  const s = text.trim();
  return (
    /^=\s*[A-Z_($]/i.test(s) ||
    /^@\S/.test(s) ||
    /^[+-]\s*[A-Z_(]/i.test(s) ||
    /^[+-]\s*\d[\d.]*\s*[-+*/^]\s*\d/.test(s)
  );
}

/**
 * Notes a cell of CSV or PDF text that looks like a formula, in the column labelled `label`.
 * (A workbook's formulas are noted when the workbook is read: xlsx.ts.)
 */
export function noteFormula(
  sheet: Sheet,
  log: Log,
  r: number,
  c: number,
  label: string,
  value: string,
): void {
  if (sheet.grid.format === 'xlsx' || sheet.grid.format === 'xls' || !isFormulaLike(value)) return;
  log.notes.push(
    item(sheet.grid.locate(r, c), value, {
      en: `looks like a spreadsheet formula (column "${label}"): kept as text, never evaluated`,
      zh: `看起来像表格公式（“${label}”列）：按文字保留，不作计算`,
    }),
  );
}

/**
 * Notes every text of the report that looks like a formula and that no note speaks of yet (the
 * value cells noted by {@link noteFormula}, the formulas a workbook reader noted): a name, a
 * category, a goal, a fact. The note is at the cell the text was read from (the first cell of
 * the grids that holds exactly that text; the first that contains it, for cells joined from
 * wrapped lines), and names the field of the report (`budget[0].name`). Returns `notes` with
 * the new notes after them.
 */
export function noteReportFormulas(
  report: unknown,
  grids: readonly Grid[],
  notes: readonly ImportItem[],
): readonly ImportItem[] {
  const found: { path: string; text: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (isFormulaLike(value)) found.push({ path, text: value });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
    }
  };
  walk(report, '');
  if (found.length === 0) return notes;
  const noted = new Set(notes.map((n) => n.text.trim()));
  let cells: Map<string, Location> | null = null;
  const locate = (text: string): Location => {
    if (cells === null) {
      cells = new Map();
      for (const grid of grids) {
        grid.rows.forEach((row, r) => {
          row.forEach((cell, c) => {
            const t = cell.trim();
            if (t !== '' && isFormulaLike(t) && !cells?.has(t)) cells?.set(t, grid.locate(r, c));
          });
        });
      }
    }
    const exact = cells.get(text);
    if (exact !== undefined) return exact;
    for (const [t, at] of cells) if (text.includes(t) || t.includes(text)) return at;
    const file = grids[0]?.locate(0).file;
    return file === undefined ? {} : { file };
  };
  const out = [...notes];
  for (const f of found) {
    const text = f.text.trim();
    if (noted.has(text)) continue;
    noted.add(text);
    out.push(
      item(locate(text), text, {
        en: `looks like a spreadsheet formula (${f.path}): kept as text, never evaluated`,
        zh: `看起来像表格公式（${f.path}）：按文字保留，不作计算`,
      }),
    );
  }
  return out;
}
