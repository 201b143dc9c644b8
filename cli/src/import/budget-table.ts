/**
 * The rows of a budget table: each row's name (with its indentation) and the figures of the
 * columns its header reads, exactly as printed. The tree of the lines is tree.ts's job.
 *
 * @internal
 */
import { type BudgetLine, normalizeWidth } from 'outturn';
import { noteFormula } from './formula.js';
import type { Column, Field, Header } from './header-row.js';
import { amountUnitOf } from './headers.js';
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
    if (unitRow(reader, r)) continue;
    const name = sheet.dataText(r, nameCol.index, h.last);
    const fields = new Map<LineField, string>();
    for (const col of figureCols) {
      if (coveredFigure(reader, h, r, col)) continue;
      const v = sheet.dataText(r, col.index, h.last);
      if (v === '') continue;
      fields.set(col.field, v);
      noteFormula(sheet, log, r, col.index, col.label, v);
    }
    if (name === '' && fields.size === 0) continue;
    if (fields.size === 0 && headingRow(reader, h, r, nameCol)) continue;
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
  const tree = withHeaderWeight(reader, h, buildTree(lines, sheet.grid, log.notes));
  return isRevenueTable(h) ? tree.map(asRevenue) : tree;
}

/**
 * A row that prints only a name in a cell merged across every column of the table (`Sub
 * programme`, `Economic classification` of South Africa's appropriation statements): a heading
 * of the lines below, not a line; noted. (A name alone in its own cell, 其他资金 with nothing
 * printed, is a line.)
 */
function headingRow(reader: Reader, h: Header, r: number, nameCol: Column): boolean {
  const { sheet, log } = reader;
  const last = Math.max(...h.columns.filter((c) => c.field !== null).map((c) => c.index));
  const across = sheet.grid.merges.some((m) => m.r0 === r && m.c0 <= nameCol.index && m.c1 >= last);
  if (!across) return false;
  log.notes.push(
    item(sheet.grid.locate(r), sheet.rowText(r), {
      en: 'a name merged across the whole table, with no figures: read as a heading of the lines below, not as a line',
      zh: '横跨整个表格、没有数字的名称：作为下方各行的标题，而不是预算行',
    }),
  );
  return true;
}

/**
 * A row under the header that prints only the unit of each column (`| R’000 | R’000 | % |`,
 * South Africa's appropriation statements): the header's, not a line. Records the money unit
 * and notes the row.
 */
function unitRow(reader: Reader, r: number): boolean {
  const { sheet, meta, log } = reader;
  const cells = sheet.filled(r).map((c) => sheet.text(r, c));
  if (cells.length === 0) return false;
  const units = cells.map((t) => amountUnitOf(t));
  if (!cells.every((t, k) => units[k] !== null || t.trim() === '%')) return false;
  const unit = units.find((u) => u !== null);
  if (unit === undefined || unit === null) return false;
  meta.amountUnit ??= unit;
  log.notes.push(
    item(sheet.grid.locate(r), sheet.rowText(r), {
      en: `a row of the columns' units under the header: the money unit is ${unit}`,
      zh: `表头下方标明各列单位的行：金额单位为 ${unit}`,
    }),
  );
  return true;
}

/**
 * A table whose actual column counts what came in (`Cumulative Receipts`, `Amount received`,
 * `Revenue collected`) is a revenue table: its lines are `kind: 'revenue'` (DESIGN §3), so
 * receipts above budget are not read as overspend.
 */
function isRevenueTable(h: Header): boolean {
  const actual = h.columns.find((c) => c.field === 'actual');
  return actual !== undefined && /receipt|received|collected/i.test(actual.label);
}

function asRevenue(line: BudgetLine): BudgetLine {
  const children = line.children?.map(asRevenue);
  return { ...line, kind: 'revenue', ...(children === undefined ? {} : { children }) };
}

/**
 * A figure cell merged down from the row above (a 分值 or 得分 printed once beside 年度资金总额 and
 * its 其中 lines) belongs to the row where the merge starts: a 其中 line never takes its
 * parent's 分值/得分 (nor an amount), and the parent keeps its own. Noted once per merge.
 */
function coveredFigure(reader: Reader, h: Header, r: number, col: Column): boolean {
  const { sheet, log } = reader;
  if (sheet.text(r, col.index) !== '') return false;
  const merged = sheet.mergedRows(r, col.index);
  if (merged === null || merged[0] === r || merged[0] <= h.last) return false;
  if (r === merged[0] + 1) {
    log.notes.push(
      item(sheet.grid.locateRows(merged[0], merged[1], col.index), sheet.text(merged[0], col.index), {
        en: `"${col.label}" ${sheet.text(merged[0], col.index)} is merged over ${merged[1] - merged[0] + 1} rows: read as the figure of the first row (${sheet.place(merged[0], 'en')}) only, not repeated on the rows below it`,
        zh: `“${col.label}”${sheet.text(merged[0], col.index)} 跨 ${merged[1] - merged[0] + 1} 行合并：只作为首行（${sheet.place(merged[0], 'zh')}）的数字，不重复记入下方各行`,
      }),
    );
  }
  return true;
}

/** `（20分）` in a header cell of the budget table, `（20分*执行率）` in its 得分 header. */
const HEADER_WEIGHT = /\((\d+(?:\.\d+)?)分(?:[*×x]执行率)?\)/i;

/**
 * The weight of budget execution printed in the table's header rather than in a 分值 column
 * (`预算执行情况（万元）（20分）`, `得分（20分*执行率）`: Anhui's 20-point 预算执行 block): the
 * weight of the table's one top line. With a 分值 column, or several top lines, it is listed,
 * never guessed onto one of them.
 */
function withHeaderWeight(reader: Reader, h: Header, lines: BudgetLine[]): BudgetLine[] {
  const { sheet, log } = reader;
  let found: { weight: string; r: number; c: number; text: string } | null = null;
  for (let r = h.first; r <= h.last && found === null; r++) {
    for (const col of h.columns) {
      if (col.field === 'weight') continue;
      const text = sheet.headerText(r, col.index);
      const m = HEADER_WEIGHT.exec(normalizeWidth(text).replace(/\s+/g, ''));
      if (m?.[1] !== undefined) {
        found = { weight: m[1], r, c: col.index, text };
        break;
      }
    }
  }
  if (found === null) return lines;
  const hasWeightColumn = h.columns.some((c) => c.field === 'weight');
  const root = lines[0];
  if (hasWeightColumn || lines.length !== 1 || root === undefined || root.weight !== undefined) {
    if (!hasWeightColumn) {
      log.unplaced.push(
        item(sheet.grid.locate(found.r, found.c), found.text, {
          en: `the weight ${found.weight} printed in the header of a budget table with ${lines.length} top lines: not imported (it is the weight of no one line)`,
          zh: `预算表表头中的分值 ${found.weight}：表中有 ${lines.length} 个顶层行，未导入（不属于某一行）`,
        }),
      );
    }
    return lines;
  }
  log.notes.push(
    item(sheet.grid.locate(found.r, found.c), found.text, {
      en: `the weight ${found.weight} printed in the header: read as the weight (分值) of ${root.name}, the table's top line`,
      zh: `表头中的分值 ${found.weight}：作为表中顶层行“${root.name}”的分值`,
    }),
  );
  const { published, children, ...rest } = root;
  const line: Record<string, unknown> = { ...rest, weight: found.weight };
  if (published !== undefined) line.published = published;
  if (children !== undefined) line.children = children;
  return [line as BudgetLine];
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
