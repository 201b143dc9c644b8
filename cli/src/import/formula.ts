/**
 * Text that a spreadsheet program would run as a formula (`=SUM(B2:B7)`, `+cmd`, `@x`,
 * `-1+2`). The importer never evaluates a cell: such text is kept as it is and noted, so that
 * whoever opens a CSV written from the report in a spreadsheet knows. Target notation
 * (`=100%`, `>=90%`, `-6.26%`) is not a formula.
 *
 * @internal
 */
import type { Sheet } from './sheet.js';
import { item, type Log } from './types.js';

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
