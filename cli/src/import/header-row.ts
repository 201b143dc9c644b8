/**
 * Header rows: which rows of a sheet name the columns of a budget or an indicator table, and
 * which field each column holds. A header is one row, or two when the row below names the
 * columns under a merged or group label (`预算执行情况` over `年初预算数 | 实际支出数`, `2019/20`
 * over `Final appropriation | Actual expenditure`).
 *
 * Every row that is not blank is tried as a header once; the answer is kept, and so is the
 * field each distinct header text names.
 *
 * @internal
 */
import { normalizeWidth } from 'outturn';
import { isMoneyUnit } from './facts.js';
import type { BudgetField, IndicatorField } from './header-words.js';
import { type HeaderFields, headerFields, headerKey, headerYear } from './headers.js';
import type { Sheet } from './sheet.js';

/** The two kinds of table. */
export type Kind = 'budget' | 'indicators';

/** A field of either kind of table. */
export type Field = BudgetField | IndicatorField;

/** A column of a header. */
export interface Column {
  /** 0-based column of the grid. */
  readonly index: number;
  /** The header text of the column (the texts of a two-row header joined by `" / "`). */
  readonly label: string;
  /** The field read from the column, or null when it is not read. */
  readonly field: Field | null;
  /** A 预算数/Budget column, and what it was read as. */
  readonly budgetAs?: 'initial' | 'adjusted';
  /** Why a column with a known header is not read. */
  readonly skipped?: { readonly en: string; readonly zh: string };
}

/** A header row (or two) and its columns. */
export interface Header {
  readonly kind: Kind;
  /** First and last row of the header (0-based). */
  readonly first: number;
  readonly last: number;
  /** Columns up to the last one with a header text. */
  readonly width: number;
  readonly columns: readonly Column[];
}

/** A column while its fields are resolved. */
type Draft = { -readonly [K in keyof Column]: Column[K] };

/** Labels printed above groups of columns in two-row headers. */
const GROUP_LABEL =
  /^(?:预算执行情况|预算资金|资金情况|执行情况|完成情况|绩效指标|指标|年度|金额|预算|决算|全年|本年|上年|.*\((?:万元|元|亿元)\)|budget|expenditure|appropriation|performance|currentyear|prioryear)$/i;

/** A text short enough to be a label over columns: at most 20 characters, no sentence in it. */
function isShortLabel(text: string): boolean {
  return [...text].length <= 20 && !/[。；;]/.test(text);
}

/**
 * The header finder of a sheet: `header(r)` is the header starting at row `r`, or null.
 * `isFact(r)` tells a `key,value` row, which is never the upper row of a two-row header.
 */
export function headerFinder(sheet: Sheet, isFact: (r: number) => boolean): (r: number) => Header | null {
  const memo = new Map<number, Header | null>();
  const fieldMemo = new Map<string, HeaderFields>();
  const fieldsOf = (text: string): HeaderFields => {
    let hit = fieldMemo.get(text);
    if (hit === undefined) {
      hit = headerFields(text);
      fieldMemo.set(text, hit);
    }
    return hit;
  };
  const known = (text: string): boolean => {
    const f = fieldsOf(text);
    return f.budget !== null || f.indicator !== null;
  };

  /**
   * Whether row `next` continues the header of row `r`: no figures, and a known header word in
   * a column where row `r` names nothing known (`年初预算数` under a merged `预算执行情况`).
   */
  const subHeader = (r: number, next: number): boolean => {
    const cells = sheet.filled(next);
    if (cells.some((c) => sheet.isFigure(next, c))) return false;
    // Every cell of the upper row must read as a header: a known word, a year (`2019/20`), a
    // group label (`预算执行情况`) or a merged cell; a `key,value` row is a fact, not a header.
    if (isFact(r)) return false;
    const upper = sheet.filled(r).every((c) => {
      const t = sheet.text(r, c);
      return (
        known(t) ||
        headerYear(t) !== null ||
        GROUP_LABEL.test(normalizeWidth(t).replace(/\s+/g, '')) ||
        // A merged label over columns is short: a merged cell of prose (a goal's text) is not one.
        ((sheet.isMergedAcross(r, c) || sheet.isMergedDown(r, c)) && isShortLabel(t))
      );
    });
    if (!upper) return false;
    // Merged short texts alone are no header row: the goal texts under 年初设定目标 | 全年实际完成情况
    // (Hunan's 年度总体目标 block, right above the indicator header) are cells merged across too.
    const labelled = sheet.filled(r).some((c) => {
      const t = sheet.text(r, c);
      return known(t) || headerYear(t) !== null || GROUP_LABEL.test(normalizeWidth(t).replace(/\s+/g, ''));
    });
    if (!labelled) return false;
    return cells.some((c) => {
      if (!known(sheet.text(next, c))) return false;
      const above = sheet.headerText(r, c);
      return above === '' || !known(above) || sheet.isCovered(r, c) || sheet.isMergedAcross(r, c);
    });
  };

  /** Classifies rows `first..last` as a header of a budget or indicator table, or null. */
  const classify = (first: number, last: number): { header: Header; score: number } | null => {
    let width = 0;
    for (let r = first; r <= last; r++) {
      for (let c = 0; c < sheet.length(r); c++)
        if (sheet.headerText(r, c) !== '') width = Math.max(width, c + 1);
    }
    const cells: { label: string; b: BudgetField | null; i: IndicatorField | null }[] = [];
    let figures = 0;
    let filled = 0;
    for (let c = 0; c < width; c++) {
      const texts: string[] = [];
      let figure = false;
      for (let r = first; r <= last; r++) {
        const t = sheet.headerText(r, c);
        if (t === '' || texts.includes(t)) continue;
        texts.push(t);
        if (sheet.headerIsFigure(r, c)) figure = true;
      }
      if (texts.length > 0) filled++;
      if (figure) figures++;
      // The lowest header row names the column most precisely: try it first.
      const bottomUp = [...texts].reverse().map(fieldsOf);
      cells.push({
        label: texts.join(' / '),
        b: bottomUp.map((f) => f.budget).find((f) => f !== null) ?? null,
        i: bottomUp.map((f) => f.indicator).find((f) => f !== null) ?? null,
      });
    }
    if (filled === 0 || figures * 2 >= filled) return null;
    const bFields = cells.map((c) => c.b);
    const iFields = cells.map((c) => c.i);
    const bCount = bFields.filter((f) => f !== null && f !== 'name').length;
    const iCount = iFields.filter((f) => f !== null && f !== 'name' && f !== 'path').length;
    const bKey = bFields.some(
      (f) => f === 'initial' || f === 'adjusted' || f === 'actual' || f === 'budget' || f === 'periodActual',
    );
    const iKey = iFields.includes('target');
    // A header that names indicator categories or indicators (一级指标, 三级指标, 指标名称) and no
    // budget line is an indicator table's, even without a target column: never budget lines.
    const indicatorNames = cells.some((c) => c.b === null && (c.i === 'path' || c.i === 'name'));
    const bOk =
      bKey && (bCount >= 2 || bFields.includes('name')) && !(indicatorNames && !bFields.includes('name'));
    const iOk = iKey && (iCount >= 2 || iFields.includes('name'));
    if (!bOk && !iOk) return null;
    const kind: Kind = bOk && (!iOk || bCount > iCount) ? 'budget' : 'indicators';
    const columns: Draft[] = cells.map((c, index) => ({
      index,
      label: c.label,
      field: kind === 'budget' ? c.b : c.i,
    }));
    if (!assignColumns(kind, columns)) return null;
    const score = (kind === 'budget' ? bCount : iCount) * 10 + (last - first === 0 ? 1 : 0);
    return { header: { kind, first, last, width, columns }, score };
  };

  return (r: number): Header | null => {
    const hit = memo.get(r);
    if (hit !== undefined) return hit;
    let found: Header | null = null;
    const cells = sheet.filled(r);
    const figures = cells.filter((c) => sheet.isFigure(r, c)).length;
    // A row of figures is data: only rows with at least two cells, mostly words, can be headers.
    if (cells.length >= 2 && figures * 2 < cells.length && !sheet.isComment(r)) {
      const one = classify(r, r);
      const next = r + 1 < sheet.height && !sheet.isBlank(r + 1) ? r + 1 : null;
      const two = next !== null && subHeader(r, next) ? classify(r, next) : null;
      found = two !== null && (one === null || two.score > one.score) ? two.header : (one?.header ?? null);
    }
    memo.set(r, found);
    return found;
  };
}

/**
 * A header cell that reads as a name, not a column's word: Latin words only, at least two of
 * them (`Fiscal coordination`, `Statistical services`; never `No.` or `#`).
 */
export function isTitleCell(label: string): boolean {
  return /^[a-z][a-z,&'’ -]*$/i.test(label.trim()) && label.trim().split(/\s+/).length >= 2;
}

/**
 * 完成情况 (“how it was completed”) is the actual value in a table without another actual
 * column; beside 实际完成值 / 指标完成值 it is the printed status (已完成, 达成, 未达成 …).
 */
function statusColumns(columns: Draft[]): void {
  const actual = columns.filter((c) => c.field === 'actual');
  const isStatus = (c: Draft) => headerKey(c.label).stripped === '完成情况';
  if (!actual.some((c) => !isStatus(c))) return;
  for (const c of actual) if (isStatus(c)) c.field = 'status';
}

/**
 * The project form prints 绩效指标 in a cell merged down the left of the whole indicator block,
 * on the header row beside 一级指标 | 二级指标 | 三级指标: a label over the block, not the names.
 * A name column left of a category column, when another name column is right of it, is such a
 * label: not read (its data cells, if any, are listed).
 */
function blockLabels(columns: Draft[]): void {
  const names = columns.filter((c) => c.field === 'name');
  if (names.length < 2) return;
  // Without category columns (Chongqing's 部门整体 form: 绩效指标 | 指标名称 | 计量单位 …), the label
  // is the first of two name columns, left of the one that names the indicators.
  const firstPath = columns.findIndex((c) => c.field === 'path');
  if (firstPath < 0) {
    const [label, named] = names;
    if (label === undefined || named === undefined || headerKey(named.label).stripped !== '指标名称') return;
    label.field = null;
    label.skipped = {
      en: 'a label over the whole indicator block (left of its names), not the indicator names',
      zh: '整个指标栏的标签（位于指标名称左侧），不是指标名称',
    };
    return;
  }
  const right = names.some((c) => c.index > firstPath);
  if (!right) return;
  for (const c of names) {
    if (c.index >= firstPath) continue;
    c.field = null;
    c.skipped = {
      en: 'a label over the whole indicator block (left of its category columns), not the indicator names',
      zh: '整个指标栏的标签（位于类别栏左侧），不是指标名称',
    };
  }
}

/**
 * South Africa's budget runs Main Appropriation → Adjusted Appropriation (the adjustments
 * budget) → Final Appropriation (after virement). The adjusted appropriation is the budget
 * before the year's shifts where a final one is printed, so it is read as the initial budget
 * (header-words.ts); beside a Main Appropriation and no final one (`Main Appropriation |
 * Adjusted Appropriation | Actual Amount Spent`, the voted funds) it is the adjusted budget.
 */
function adjustedAppropriation(columns: Draft[]): void {
  const isAdjusted = (c: Draft) => headerKey(c.label).stripped.startsWith('adjustedappropriation');
  const initial = columns.filter((c) => c.field === 'initial');
  if (initial.length < 2 || columns.some((c) => c.field === 'adjusted')) return;
  for (const c of initial) if (isAdjusted(c)) c.field = 'adjusted';
}

/** Resolves duplicate fields, the name column and path columns. False when there is no name column. */
function assignColumns(kind: Kind, columns: Draft[]): boolean {
  if (kind === 'indicators') {
    statusColumns(columns);
    blockLabels(columns);
  }
  if (kind === 'budget') adjustedAppropriation(columns);
  // Duplicates: the column of the latest year wins (prior years are comparatives).
  const byField = new Map<Field, Draft[]>();
  for (const col of columns) {
    // 确定能 | 有可能 | 完全不可能: one column per answer of a 完成目标可能性 block, all read.
    if (col.field === null || col.field === 'path' || col.field === 'likelihoodOption') continue;
    const list = byField.get(col.field) ?? [];
    list.push(col);
    byField.set(col.field, list);
  }
  for (const [, list] of byField) {
    if (list.length < 2) continue;
    const years = list.map((c) => headerYear(c.label));
    let keep = list[0] as Draft;
    if (years.every((y) => y !== null)) {
      let best = -1;
      list.forEach((c, k) => {
        const y = years[k] as number;
        if (y > best) {
          best = y;
          keep = c;
        }
      });
    }
    list.forEach((c, k) => {
      if (c === keep) return;
      c.field = null;
      c.skipped =
        years[k] !== null
          ? {
              en: `a column of an earlier year (comparative figures): the figures read are those of column "${keep.label}"`,
              zh: `较早年度的比较列：读取的是“${keep.label}”列的数字`,
            }
          : {
              en: `column "${keep.label}" to its left already gives this`,
              zh: `其左侧的“${keep.label}”列已给出同一内容`,
            };
    });
  }
  if (kind === 'budget') {
    const hasAdjusted = columns.some((c) => c.field === 'adjusted');
    const hasInitial = columns.some((c) => c.field === 'initial');
    for (const c of columns) {
      if (c.field !== 'budget') continue;
      c.field = hasAdjusted ? (hasInitial ? null : 'initial') : 'adjusted';
      if (c.field === null) {
        c.skipped = {
          en: 'the table already has both budget columns',
          zh: '表中已有年初预算数和调整预算数两列',
        };
      } else {
        c.budgetAs = c.field;
      }
    }
    let name = columns.find((c) => c.field === 'name');
    const firstFigure = columns.findIndex((c) => c.field !== null && c.field !== 'name');
    // English statements print the money unit in the top-left cell, above the names
    // (`Ushs Thousands`, `R'000`): that column holds the names, even where an empty column
    // (a merge a CSV export has lost) comes before the figures.
    const first = columns[0];
    if (name === undefined && first?.field === null && isMoneyUnit(first.label)) {
      name = first;
      name.field = 'name';
    }
    if (name === undefined) {
      name = columns.find((c, k) => c.label === '' && (firstFigure < 0 || k < firstFigure));
      if (name === undefined && columns[0] !== undefined && columns[0].field === null) name = columns[0];
      if (name === undefined) return false;
      name.field = 'name';
    }
    return true;
  }
  let name = columns.find((c) => c.field === 'name');
  if (name === undefined) {
    const paths = columns.filter((c) => c.field === 'path');
    const target = columns.findIndex((c) => c.field === 'target');
    name =
      columns.find(
        (c, k) => c.label === '' && k < target && !columns.slice(k + 1, target).some((d) => d.label === ''),
      ) ?? paths[paths.length - 1];
    // English service-standard tables print the service's name in the top-left cell, above
    // the measures (`Fiscal coordination | Notes | 2018–19 Target/estimate | 2018–19 Actual`,
    // Queensland's annual reports): a first column of words left of the target holds the names.
    const first = columns[0];
    if (
      name === undefined &&
      first !== undefined &&
      first.field === null &&
      target > 0 &&
      isTitleCell(first.label)
    )
      name = first;
    if (name === undefined) return false;
    name.field = 'name';
  }
  const nameIndex = name.index;
  for (const c of columns) if (c.index < nameIndex && c.label === '' && c.field === null) c.field = 'path';
  return true;
}
