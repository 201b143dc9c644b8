/**
 * The rows of a budget table: each row's name (with its indentation) and the figures of the
 * columns its header reads, exactly as printed. The tree of the lines is tree.ts's job.
 *
 * @internal
 */
import { type BudgetLine, normalizeWidth } from 'outturn';
import { noteFormula } from './formula.js';
import type { Column, Field, Header } from './header-row.js';
import { amountUnitOf, headerFields } from './headers.js';
import type { Reader } from './reader.js';
import { buildTree, type LineField, type RawLine } from './tree.js';
import { item } from './types.js';

/** Reads the budget lines of a table whose header is `h`, from its data rows `rows`. */
export function readBudgetTable(reader: Reader, header: Header, rows: readonly number[]): BudgetLine[] {
  const { sheet, log } = reader;
  const h = namesBesideBlockLabel(reader, header, rows);
  const nameCol = h.columns.find((c) => c.field === 'name') as Column;
  const figureCols = h.columns.filter(
    (c): c is Column & { readonly field: LineField } => c.field !== null && isLineField(c.field),
  );
  const lines: RawLine[] = [];
  for (const r of rows) {
    if (unitRow(reader, r)) continue;
    const name = sheet.dataText(r, nameCol.index, h.last) || (lineNames.get(h) ?? '');
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
    lines.push({
      name: labelOf(reader, r, nameCol, name, fields),
      indent: indentOf(sheet.dataRaw(r, nameCol.index, h.last)),
      fields,
      row: r,
    });
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
 * The form's label merged down the left of the budget block (Sichuan's `预算执行情况(10分)`, as
 * 绩效指标 is beside the indicator block) is read as the names column when no header names one,
 * but it prints nothing on any data row. Then the names are in the first column read for
 * figures that prints text and no figure on every data row (its header, `年度预算数(万元)`,
 * is a label over the fund lines 总额, 其中:财政资金 …): that column is the names, and a column
 * its header word had taken the field from (调整后预算数 beside 年度预算数) gets it back. Or the
 * names are in an unread column to its left (a CSV keeps a header merged over the names and an
 * empty cell in the first cell only). Noted.
 */
function namesBesideBlockLabel(reader: Reader, h: Header, rows: readonly number[]): Header {
  const { sheet, log } = reader;
  const nameCol = h.columns.find((c) => c.field === 'name') as Column;
  const used = rows.filter((r) => h.columns.some((c) => sheet.dataText(r, c.index, h.last) !== ''));
  if (used.length === 0 || used.some((r) => sheet.dataText(r, nameCol.index, h.last) !== '')) return h;
  const names = h.columns.find(
    (c) =>
      // Right of it, a column read for figures (Sichuan's 年度预算数(万元)); or left of it, one not
      // read, whose header a CSV keeps in its first cell only (`预算执行情况(万元)(20分),,预算数(A)`:
      // the header was merged over the names and an empty cell, the names column falls on the
      // empty one).
      (c.index > nameCol.index ? c.field !== null : c.field === null) &&
      c.index !== nameCol.index &&
      used.every((r) => sheet.dataText(r, c.index, h.last) !== '' && !sheet.isFigure(r, c.index)),
  );
  if (names === undefined) return singleLine(reader, h, used, nameCol);
  const field = names.field;
  const columns = h.columns.map((c): Column => {
    if (c === nameCol)
      return {
        index: c.index,
        label: c.label,
        field: null,
        skipped: {
          en: 'a label over the whole budget block (merged down its left), not the line names',
          zh: '整个预算栏的标签（合并于其左侧），不是预算行名称',
        },
      };
    if (c === names) return { index: c.index, label: c.label, field: 'name' };
    if (
      field !== null &&
      c.field === null &&
      c.label !== names.label &&
      c.skipped !== undefined &&
      headerFields(c.label).budget === field
    )
      return { index: c.index, label: c.label, field };
    return c;
  });
  log.notes.push(
    item(sheet.grid.locate(h.first, names.index), names.label, {
      en: `column "${names.label}" prints the names of the budget lines (text on every row, no figure), and "${nameCol.label}" left of it prints none: read as the names column`,
      zh: `“${names.label}”列每行都是文字、没有数字，为预算行名称；其左侧的“${nameCol.label}”列没有名称：按名称列读取`,
    }),
  );
  return { ...h, columns };
}

/**
 * One line printed under a header whose names cell is a label merged down over it (Chongqing's
 * `部门预算执行情况 | 年初预算数 | … | 执行率权重 | 执行率得分` with `76% | 10 | 7.6` below): the label
 * names that line. Its name is read from the header cell, noted; any other table is unchanged.
 */
function singleLine(reader: Reader, h: Header, used: readonly number[], nameCol: Column): Header {
  const { sheet, log } = reader;
  const row = used[0];
  if (used.length !== 1 || row === undefined) return h;
  const merged = sheet.mergedRows(row, nameCol.index);
  const label = sheet.headerText(h.first, nameCol.index);
  // A CSV saved from the form keeps no merge: the label is in the header row only.
  const covers =
    merged === null
      ? sheet.grid.merges.length === 0
      : merged[0] >= h.first && merged[0] <= h.last && merged[1] >= row;
  // A names header (项目, 名称, Item) titles the column; only a block label names the line.
  if (!covers || label === '' || headerFields(label).budget === 'name') return h;
  const [from, to] = merged ?? [h.first, h.first];
  log.notes.push(
    item(sheet.grid.locateRows(from, to, nameCol.index), label, {
      en: `"${label}", the names cell of the header, is merged down over the table's one line (or, in a CSV, above its empty name cell): read as that line's name`,
      zh: `表头名称格“${label}”向下合并覆盖表中唯一一行（CSV 中位于其空名称格之上）：作为该行的名称`,
    }),
  );
  lineNames.set(h, label);
  return h;
}

/** The name a header gives its one line (see {@link singleLine}). */
const lineNames = new WeakMap<Header, string>();

/**
 * A name ending in a colon on a row that prints figures (`年度资金总额:`, Guizhou's form) is a
 * label introducing them: the colon is the label's punctuation, not the line's name (the tree
 * reads 总额 at the name's end). Noted. A colon-ended name with no figures is kept as printed.
 */
function labelOf(
  reader: Reader,
  r: number,
  nameCol: Column,
  name: string,
  fields: ReadonlyMap<LineField, string>,
): string {
  const label = name.endsWith(':') || name.endsWith('：') ? name.slice(0, -1).trimEnd() : name;
  if (label === name || label === '' || fields.size === 0) return name;
  reader.log.notes.push(
    item(reader.sheet.grid.locate(r, nameCol.index), name, {
      en: `budget line "${name}" read as "${label}": the colon ends the label of the figures beside it`,
      zh: `预算行“${name}”读作“${label}”：冒号是其后数字的标签标点`,
    }),
  );
  return label;
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
    f === 'carryover' ||
    f === 'periodActual' ||
    f === 'expectedActual' ||
    f === 'periodRate' ||
    f === 'timeProgress'
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
