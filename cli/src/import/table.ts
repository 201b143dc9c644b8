/**
 * One table, from its header row to its end: which rows below the header belong to it, the
 * rows and columns that cannot be read (a ragged row, a column without a known header), the
 * money unit its header prints; then the rows go to the budget or the indicator reader.
 *
 * @internal
 */
import type { BudgetLine, Indicator } from 'outturn';
import { readBudgetTable } from './budget-table.js';
import { isCaption } from './captions.js';
import { isGoalsRow } from './goals.js';
import { isCellFormat } from './grid.js';
import type { Group } from './groups.js';
import type { Header } from './header-row.js';
import { amountUnitOf } from './headers.js';
import { readIndicatorTable } from './indicator-table.js';
import { isTitleLine, isTopSectionTitle } from './lines.js';
import type { Reader } from './reader.js';
import { item } from './types.js';

/** What a table gives: its lines or its indicators, and the row after it. */
export interface TableReading {
  readonly end: number;
  readonly budget: readonly BudgetLine[];
  readonly indicators: readonly Indicator[];
  /** The indicator groups that print a weight or a score (groups.ts). */
  readonly groups: readonly Group[];
}

/** Reads the table whose header is `h`. */
export function readTable(reader: Reader, h: Header): TableReading {
  const { sheet, meta, log } = reader;
  for (const col of h.columns) {
    if (col.budgetAs !== 'adjusted') continue;
    log.notes.push(
      item(sheet.grid.locate(h.first, col.index), col.label, {
        en: `column "${col.label}" read as the adjusted budget (调整预算数), on which the execution rate is computed: the table has no other budget column`,
        zh: `“${col.label}”列按调整预算数读取（执行率以其为分母）：表中没有其他预算数列`,
      }),
    );
  }
  if (h.kind === 'budget') {
    for (let r = h.first; r <= h.last; r++) {
      for (let c = 0; c < h.width; c++) {
        const unit = amountUnitOf(sheet.headerText(r, c));
        if (unit !== null && meta.amountUnit === undefined) meta.amountUnit = unit;
      }
    }
  }
  const { rows, end } = tableRows(reader, h);
  const kept = rows.filter((row) => notRagged(reader, h, row));
  unknownColumns(reader, h, kept);
  if (h.kind === 'budget')
    return { end, budget: readBudgetTable(reader, h, kept), indicators: [], groups: [] };
  const { indicators, groups } = readIndicatorTable(reader, h, kept);
  return { end, budget: [], indicators, groups };
}

/**
 * The data rows of a table, and the row where it ends: at the next header row; at a goals block
 * (年度总体目标, goals.ts), which is never a budget line; at a numbered
 * section title, a `key,value` row or a caption right above the next header; at the end of a web
 * page's or Word document's table; after a blank row,
 * at whatever starts something else. PDF text also ends a table at a one-cell line that reads
 * as a title or is long prose; its blank lines are page breaks.
 */
function tableRows(reader: Reader, h: Header): { rows: number[]; end: number } {
  const { sheet } = reader;
  const rows: number[] = [];
  let r = h.last + 1;
  // A web page's or Word document's table ends where its rows do: a paragraph or another
  // table after it is never a row of it.
  const table = sheet.grid.locate(h.first).table;
  for (; r < sheet.height; r++) {
    if (table !== undefined && sheet.grid.locate(r).table !== table) break;
    if (sheet.isBlank(r)) {
      if (sheet.isText) continue;
      const q = sheet.nextContentRow(r);
      if (q === null || breaksTable(reader, q)) break;
      continue;
    }
    if (sheet.isComment(r)) continue;
    if (reader.header(r) !== null || isGoalsRow(sheet, r)) break;
    const single = sheet.single(r);
    if (single !== null) {
      const captionAbove = r + 1 < sheet.height && reader.header(r + 1) !== null;
      if (sheet.isText && sheet.length(r) === 1) {
        if (
          isTopSectionTitle(single) ||
          isTitleLine(single) ||
          [...single.text].length > 40 ||
          reader.fact(r) !== null ||
          captionAbove
        )
          break;
      } else if (!sheet.isText && (isTopSectionTitle(single) || reader.fact(r) !== null || captionAbove)) {
        // A numbered title, a `key：value` row, or a caption right above the next header.
        // (A name alone, such as 其他资金 with nothing printed, is a row of the table.)
        break;
      }
    }
    rows.push(r);
  }
  return { rows, end: r };
}

/** Whether row `q` (after a blank row) starts something other than more rows of the table. */
function breaksTable(reader: Reader, q: number): boolean {
  if (reader.header(q) !== null || reader.fact(q) !== null || isGoalsRow(reader.sheet, q)) return true;
  const single = reader.sheet.single(q);
  return single !== null && (isTopSectionTitle(single) || isCaption(reader, q));
}

/**
 * False for a row with more cells than its header: in CSV and text the row is not imported (a
 * comma or tab inside a cell shifted it); in a worksheet the extra cells are listed.
 */
function notRagged(reader: Reader, h: Header, r: number): boolean {
  const { sheet, log } = reader;
  const extra = sheet.filled(r).filter((c) => c >= h.width);
  if (extra.length === 0) return true;
  const count = (extra[extra.length - 1] as number) + 1;
  if (isCellFormat(sheet.grid.format)) {
    for (const c of extra) {
      log.unplaced.push(
        item(sheet.grid.locate(r, c), sheet.raw(r, c), {
          en: `a cell to the right of the table (its header has ${h.width} columns): not imported`,
          zh: `表格右侧的单元格（表头只有 ${h.width} 列）：未导入`,
        }),
      );
    }
    return true;
  }
  const text = sheet.isText;
  log.unplaced.push(
    item(sheet.grid.locate(r), sheet.rowText(r), {
      en: `this row has ${count} cells but the header (${sheet.place(h.first, 'en')}) has ${h.width}: a ${text ? 'tab' : 'delimiter'} inside a cell? ${text ? '' : 'Put such a cell in double quotes. '}The row is not imported`,
      zh: `此行有 ${count} 个单元格，而表头（${sheet.place(h.first, 'zh')}）只有 ${h.width} 个：可能某个单元格内含有${text ? '制表符' : '分隔符'}？${text ? '' : '请给这样的单元格加上英文双引号。'}此行未导入`,
    }),
  );
  return false;
}

/** Cells of columns that are not read are listed, one entry per column. */
function unknownColumns(reader: Reader, h: Header, rows: readonly number[]): void {
  const { sheet, log } = reader;
  for (const col of h.columns) {
    if (col.field !== null) continue;
    const cells: number[] = [];
    const values: string[] = [];
    for (const r of rows) {
      const v = sheet.dataText(r, col.index, h.last);
      if (v === '') continue;
      cells.push(r);
      values.push(v);
    }
    if (cells.length === 0) continue;
    const header = col.label === '' ? '' : `"${col.label}"`;
    const reason = col.skipped ?? {
      en:
        col.label === ''
          ? 'a column without a header'
          : `the header ${header} is not a known ${h.kind === 'budget' ? 'budget' : 'indicator'} column`,
      zh:
        col.label === ''
          ? '没有表头的列'
          : `表头“${col.label}”不是已知的${h.kind === 'budget' ? '预算表' : '指标表'}列`,
    };
    log.unplaced.push(
      item(
        sheet.grid.locateRows(cells[0] as number, cells[cells.length - 1] as number, col.index),
        `${col.label === '' ? '' : `${col.label}: `}${values.join(' | ')}`,
        {
          en: `${reason.en}: its ${cells.length} cell(s) are not imported`,
          zh: `${reason.zh}：其 ${cells.length} 个单元格未导入`,
        },
      ),
    );
  }
}
