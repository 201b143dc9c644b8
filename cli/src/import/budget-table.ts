/**
 * The rows of a budget table: each row's name (with its indentation) and the figures of the
 * columns its header reads, exactly as printed. The tree of the lines is tree.ts's job.
 *
 * @internal
 */
import type { BudgetLine } from 'outturn';
import { noteFormula } from './formula.js';
import type { Column, Field, Header } from './header-row.js';
import type { Reader } from './reader.js';
import { buildTree, type LineField, type RawLine } from './tree.js';
import { item } from './types.js';

/** Reads the budget lines of a table whose header is `h`, from its data rows `rows`. */
export function readBudgetTable(reader: Reader, h: Header, rows: readonly number[]): BudgetLine[] {
  const { sheet, log } = reader;
  const nameCol = h.columns.find((c) => c.field === 'name') as Column;
  const figureCols = h.columns.filter(
    (c): c is Column & { readonly field: LineField } => c.field !== null && isLineField(c.field),
  );
  const lines: RawLine[] = [];
  for (const r of rows) {
    const name = sheet.dataText(r, nameCol.index, h.last);
    const fields = new Map<LineField, string>();
    for (const col of figureCols) {
      const v = sheet.dataText(r, col.index, h.last);
      if (v === '') continue;
      fields.set(col.field, v);
      noteFormula(sheet, log, r, col.index, col.label, v);
    }
    if (name === '' && fields.size === 0) continue;
    if (name === '') {
      log.unplaced.push(
        item(sheet.grid.locate(r), sheet.rowText(r), {
          en: 'a budget row without a name (its name cell is empty): not imported',
          zh: '预算表中没有名称的行（名称单元格为空）：未导入',
        }),
      );
      continue;
    }
    lines.push({ name, indent: indentOf(sheet.dataRaw(r, nameCol.index, h.last)), fields, row: r });
  }
  return buildTree(lines, sheet.grid, log.notes);
}

/** The fields a budget line stores (`name` is the line's name; `budget` was resolved by the header). */
function isLineField(f: Field): f is LineField {
  return (
    f === 'initial' ||
    f === 'adjustment' ||
    f === 'adjusted' ||
    f === 'actual' ||
    f === 'executionRate' ||
    f === 'weight' ||
    f === 'score' ||
    f === 'variance' ||
    f === 'carryover'
  );
}

/** Width of leading white space: a space counts 1, an ideographic space 2, a tab 4. */
function indentOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\u00a0') n += 1;
    else if (ch === '\u3000') n += 2;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}
