/**
 * One table, from its header row to its end: which rows below the header belong to it, the
 * rows and columns that cannot be read (a ragged row, a column without a known header), the
 * money unit its header prints; then the rows go to the budget or the indicator reader.
 *
 * @internal
 */
import { type BudgetLine, type Indicator, normalizeWidth } from 'outturn';
import { readBudgetTable } from './budget-table.js';
import { isCaption } from './captions.js';
import { isGoalsRow } from './goals.js';
import { isCellFormat } from './grid.js';
import { type Group, TOTAL } from './groups.js';
import type { Header } from './header-row.js';
import { amountUnitOf } from './headers.js';
import { readIndicatorTable } from './indicator-table.js';
import { isTitleLine, isTopSectionTitle } from './lines.js';
import { readMonitoringHeader } from './monitoring.js';
import type { Reader } from './reader.js';
import { item } from './types.js';

/** Width-normalised, without white space. */
function compactText(text: string): string {
  return normalizeWidth(text).replace(/\s+/g, '');
}

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
  readMonitoringHeader(reader, h);
  const { rows, end } = tableRows(reader, h);
  const kept = rows.filter((row) => notRagged(reader, h, row));
  const header = operatorsOnly(reader, namesBesideLabel(reader, h, kept), kept);
  unknownColumns(reader, header, kept);
  if (header.kind === 'budget')
    return { end, budget: readBudgetTable(reader, header, kept), indicators: [], groups: [] };
  const { indicators, groups } = readIndicatorTable(reader, header, kept);
  return { end, budget: [], indicators, groups };
}

/** The rows of funds the central 项目支出绩效自评表 prints under 年度资金总额. */
const FUND_ROWS: ReadonlySet<string> = new Set([
  '当年财政拨款',
  '财政拨款',
  '上年结转资金',
  '上年结转',
  '其他资金',
]);

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
      // A caption starts at the table's left edge; a name alone further right (其他资金 in the
      // second column, under a label merged down the first) is a row of the table.
      // The funding rows of the 项目资金 block (财预〔2020〕10号 附件) are lines of a budget table
      // even when printed empty right above the next header (其他资金 above 一级指标).
      const fundRow = h.kind === 'budget' && FUND_ROWS.has(single.text.replace(/^其中[:：]?\s*/, ''));
      const leftEdge = !fundRow && (sheet.filled(r)[0] ?? 0) <= (sheet.filled(h.first)[0] ?? 0);
      // (Or the first of two such rows: a heading and a caption, `Statistical services` and
      // `Service standards` above the next table of a web page saved as one sheet. Only after
      // indicators: in a budget table two names without figures are the form's empty lines,
      // 上年结转资金 and 其他资金 under 年度资金总额, even right above the indicator header.)
      const captionAbove =
        leftEdge &&
        r + 1 < sheet.height &&
        (reader.header(r + 1) !== null ||
          (!sheet.isText &&
            h.kind === 'indicators' &&
            r + 2 < sheet.height &&
            sheet.single(r + 1) !== null &&
            reader.header(r + 2) !== null));
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
    } else if (!sheet.isText && labelRow(reader, h, r)) {
      // `偏差大或目标未完成原因分析 | 无` below the indicators: a row of the form, not of the table.
      break;
    } else if (!sheet.isText && reader.fact(r) !== null) {
      // A `key | value` row (自评等级 | 优, 项目名称 | … of the next form) is the report's, not the table's.
      break;
    }
    rows.push(r);
  }
  return { rows, end: r };
}

/**
 * The official forms print the label of a budget block (`项目资金（万元）`, `年度预算申请`,
 * `资金情况（万元）`) in the first column, merged down over the block (or once, above empty
 * cells, in a CSV saved from it), and the names of the lines (年度资金总额, 其中：当年财政拨款 …) in
 * the second column, which has no header of its own. When every data cell of the name column is
 * empty and a column to its right, before the figures, has no other header and holds texts, that
 * column holds the names; the label column is not read (it has nothing to read), and a note says
 * so.
 */
function namesBesideLabel(reader: Reader, h: Header, rows: readonly number[]): Header {
  if (h.kind !== 'budget') return h;
  const { sheet, log } = reader;
  const label = h.columns.find((c) => c.field === 'name');
  if (label === undefined || rows.length === 0) return h;
  const cells = (c: number) => rows.filter((r) => sheet.dataText(r, c, h.last) !== '');
  if (cells(label.index).length > 0) return h;
  const firstFigure = h.columns.find((c) => c.field !== null && c.field !== 'name')?.index ?? h.width;
  const names = h.columns.find(
    (c) =>
      c.index > label.index &&
      c.index < firstFigure &&
      (c.label === '' || c.label === label.label) &&
      cells(c.index).length > 0,
  );
  if (names === undefined) return h;
  const used = cells(names.index);
  log.notes.push(
    item(
      sheet.grid.locateRows(used[0] as number, used[used.length - 1] as number, names.index),
      label.label,
      {
        en: `"${label.label}" is the label of the block, printed left of it: the names of its lines are read from the column to its right`,
        zh: `“${label.label}”是整栏的标签，印在其左侧：各行的名称取自其右侧一列`,
      },
    ),
  );
  const columns = h.columns.map((c) => {
    if (c === names) return { index: c.index, label: c.label, field: 'name' as const };
    if (c === label) {
      return {
        index: c.index,
        label: c.label,
        field: null,
        skipped: {
          en: 'the label of the block, not the names of its lines',
          zh: '整栏的标签，不是各行的名称',
        },
      };
    }
    return c;
  });
  return { ...h, columns };
}

/** A comparison as an operator column prints it (`≥`, `≧`, `═`, `﹦`, `>=`, 不低于 …). */
const OPERATOR =
  /^(?:[<>=≥≤≧≦⩾⩽═﹦]{1,2}|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不多于|不超过|不大于|不小于|高于|低于|至少|达到)$/;

/**
 * 指标性质 is the operator column of the Sichuan and Yunnan forms (`≥ | 95 | %`), and the kind of
 * indicator in others (定量指标 / 定性指标, the Chongqing form). A column that prints anything
 * but operators is not read as one: its cells are listed, and the targets stay as printed.
 */
function operatorsOnly(reader: Reader, h: Header, rows: readonly number[]): Header {
  if (h.kind !== 'indicators') return h;
  const { sheet } = reader;
  const col = h.columns.find((c) => c.field === 'operator');
  if (col === undefined) return h;
  const other = rows.some((r) => {
    const v = sheet.dataText(r, col.index, h.last);
    return v !== '' && !OPERATOR.test(normalizeWidth(v).replace(/\s+/g, ''));
  });
  if (!other) return h;
  const columns = h.columns.map((c) =>
    c === col
      ? {
          index: c.index,
          label: c.label,
          field: null,
          skipped: {
            en: 'a column that prints other things than comparison operators (≥, ≤, =), not the operator of the targets',
            zh: '该列印有比较符号（≥、≤、=）以外的内容，不是指标值的比较符号',
          },
        }
      : c,
  );
  return { ...h, columns };
}

/**
 * True for a row of an indicator table's form that is not an indicator: its first cell in the
 * label column left of the categories (where 绩效指标 or 年度绩效指标 is merged down), not a
 * 总分 row, and nothing in a column of figures or targets (`偏差大或目标未完成原因分析 | 无`).
 */
function labelRow(reader: Reader, h: Header, r: number): boolean {
  if (h.kind !== 'indicators') return false;
  const { sheet } = reader;
  const cells = sheet.filled(r);
  const first = cells[0];
  if (first === undefined) return false;
  const firstKnown = h.columns.find((c) => c.field === 'path' || c.field === 'name')?.index ?? 0;
  const col = h.columns[first];
  if (col === undefined || col.field !== null || first >= firstKnown) return false;
  if (TOTAL.test(compactText(sheet.text(r, first)))) return false;
  return cells.every((c) => {
    const f = h.columns[c]?.field ?? null;
    return f === null || f === 'path' || f === 'name';
  });
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
      // The label of a 总分 row, left of the values: the indicator reader reads that row.
      if (h.kind === 'indicators' && sheet.filled(r)[0] === col.index && TOTAL.test(compactText(v))) continue;
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
