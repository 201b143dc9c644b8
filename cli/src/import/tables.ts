/**
 * Reads the budget and indicator tables of a grid (CSV records, PDF text lines or worksheet
 * rows): finds header rows, maps their cells to fields, reads the rows below, and collects
 * the report's facts printed outside the tables (title, entity, year, staffing).
 *
 * Whatever is not placed in the report is listed (`unplaced`) with its location; whatever
 * was inferred is said (`notes`).
 *
 * @internal
 */
import type { BudgetLine, Indicator } from 'outturn';
import { normalizeWidth } from 'outturn';
import type { Grid } from './grid.js';
import {
  amountUnitOf,
  type BudgetField,
  budgetField,
  headerKey,
  headerYear,
  type IndicatorField,
  indicatorField,
} from './headers.js';
import {
  isParenthesisedLine,
  isSectionTitle,
  isTitleLine,
  isTopSectionTitle,
  kindOf,
  yearOf,
} from './pdf-text.js';
import { buildTree, type LineField, type RawLine } from './tree.js';
import { type ImportItem, item } from './types.js';

/** Facts about the report printed outside its tables. */
export interface Meta {
  title?: string;
  entity?: string;
  year?: number;
  kind?: 'department' | 'project';
  amountUnit?: '元' | '万元' | '亿元';
  source?: string;
  authorized?: string;
  actualStaff?: string;
  staffingNote?: string;
  totalScore?: string;
  grade?: string;
}

/** What reading a grid gives. */
export interface GridReading {
  readonly budget: BudgetLine[];
  readonly indicators: Indicator[];
  readonly meta: Meta;
  readonly unplaced: ImportItem[];
  readonly notes: ImportItem[];
  /** Number of budget and of indicator tables found. */
  readonly tables: { budget: number; indicators: number };
}

type MetaKey =
  | 'title'
  | 'entity'
  | 'year'
  | 'kind'
  | 'amountUnit'
  | 'authorized'
  | 'actualStaff'
  | 'source'
  | 'totalScore'
  | 'grade';

const META_WORDS: readonly (readonly [MetaKey, readonly string[]])[] = [
  ['title', ['标题', '报告名称', '报告标题', '表名', 'title', 'reporttitle']],
  [
    'entity',
    [
      '单位',
      '单位名称',
      '预算单位',
      '预算单位名称',
      '预算部门',
      '预算部门名称',
      '部门名称',
      '实施单位',
      'entity',
      'department',
      'organisation',
      'organization',
      'agency',
    ],
  ],
  ['year', ['年度', '年份', '预算年度', '评价年度', 'year', 'financialyear', 'fiscalyear']],
  ['kind', ['类型', '报告类型', '评价类型', 'kind', 'reporttype', 'type']],
  ['amountUnit', ['金额单位', 'amountunit', 'currencyunit']],
  [
    'authorized',
    ['编制数', '编制人数', '核定编制', '核定编制数', '编制', 'authorizedstaff', 'authorisedstaff'],
  ],
  [
    'actualStaff',
    ['实际在职人数', '实有人数', '在职人数', '实际人数', '实际用编人数', 'actualstaff', 'staffinpost'],
  ],
  ['source', ['来源', '报告来源', '出处', 'source']],
  ['totalScore', ['总分', '自评得分', '自评总分', '评价得分', 'totalscore']],
  ['grade', ['等级', '评价等级', '自评等级', 'grade']],
];

const META_MAP: ReadonlyMap<string, MetaKey> = (() => {
  const m = new Map<string, MetaKey>();
  for (const [key, words] of META_WORDS) for (const w of words) m.set(headerKey(w).stripped, key);
  return m;
})();

const HAN_SPACE = /(\p{Script=Han}) (?=\p{Script=Han})/gu;

/** Words of a table caption (预算信息, 部门整体自评表, Performance indicators …). */
const CAPTION =
  /表|信息|情况|指标|预算|决算|绩效|单位:|table|indicator|budget|statement|appropriation|expenditure|performance|programme|classification/i;

/** Labels printed above groups of columns in two-row headers. */
const GROUP_LABEL =
  /^(?:预算执行情况|预算资金|资金情况|执行情况|完成情况|绩效指标|指标|年度|金额|预算|决算|全年|本年|上年|.*\((?:万元|元|亿元)\)|budget|expenditure|appropriation|performance|currentyear|prioryear)$/i;

type Kind = 'budget' | 'indicators';
type Field = BudgetField | IndicatorField;

interface Column {
  readonly index: number;
  readonly label: string;
  field: Field | null;
  /** A 预算数/Budget column, and what it was read as. */
  budgetAs?: 'initial' | 'adjusted';
  /** Why a column with a known header is not read. */
  skipped?: { en: string; zh: string };
}

interface Header {
  readonly kind: Kind;
  readonly first: number;
  readonly last: number;
  readonly width: number;
  readonly columns: Column[];
}

/** True for a cell that looks like a figure (`321.19`, `-6.26%`, `(7 379)`). */
function isFigure(text: string): boolean {
  return /^[-+(（]?\s*\d[\d\s,.]*(?:%|％)?[)）]?$/.test(text.trim());
}

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

/** Joins a cell wrapped onto a later line: with a space between two Latin letters or digits. */
export function joinWrapped(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  return /[A-Z0-9]$/i.test(before) && /^[A-Z0-9]/i.test(after) ? `${before} ${after}` : `${before}${after}`;
}

/** Reads one grid. */
export function readGrid(grid: Grid, meta: Meta): GridReading {
  return new Reader(grid, meta).read();
}

class Reader {
  private readonly rows: readonly (readonly string[])[];
  private readonly text: boolean;
  private readonly out: GridReading;
  private readonly origin = new Map<string, readonly [number, number]>();
  private readonly headerMemo = new Map<number, Header | null>();
  private narrative: number[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly meta: Meta,
  ) {
    this.rows = grid.rows;
    this.text = grid.format === 'text';
    this.out = {
      budget: [],
      indicators: [],
      meta,
      unplaced: [],
      notes: [],
      tables: { budget: 0, indicators: 0 },
    };
    for (const m of grid.merges) {
      for (let r = m.r0; r <= m.r1; r++) {
        for (let c = m.c0; c <= m.c1; c++)
          if (r !== m.r0 || c !== m.c0) this.origin.set(`${r},${c}`, [m.r0, m.c0]);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Cells

  private raw(r: number, c: number): string {
    return this.rows[r]?.[c] ?? '';
  }

  /** A header cell: a merged cell gives its text to every cell it covers. */
  private headerCell(r: number, c: number): string {
    const own = this.raw(r, c);
    if (own.trim() !== '') return own;
    const o = this.origin.get(`${r},${c}`);
    return o === undefined ? own : this.raw(o[0], o[1]);
  }

  /** A data cell: a cell merged down (within the data rows) gives its text to the rows below. */
  private dataCell(r: number, c: number, headerLast: number): string {
    const own = this.raw(r, c);
    if (own.trim() !== '') return own;
    const o = this.origin.get(`${r},${c}`);
    if (o === undefined || o[1] !== c || o[0] <= headerLast) return own;
    return this.raw(o[0], o[1]);
  }

  private nonEmpty(r: number): number[] {
    const row = this.rows[r] ?? [];
    const out: number[] = [];
    for (let c = 0; c < row.length; c++) if ((row[c] ?? '').trim() !== '') out.push(c);
    return out;
  }

  private isBlank(r: number): boolean {
    return this.nonEmpty(r).length === 0;
  }

  private isComment(r: number): boolean {
    if (this.text) return false;
    const first = this.nonEmpty(r)[0];
    return first !== undefined && this.raw(r, first).trim().startsWith('#');
  }

  private rowText(r: number): string {
    if (this.text) return (this.rows[r] ?? []).join('\t');
    return this.nonEmpty(r)
      .map((c) => this.raw(r, c).trim())
      .join(' | ');
  }

  /** The only non-empty cell of a row, or null. */
  private single(r: number): string | null {
    const cells = this.nonEmpty(r);
    return cells.length === 1 ? this.raw(r, cells[0] as number).trim() : null;
  }

  private nextContentRow(r: number): number | null {
    for (let q = r; q < this.rows.length; q++) if (!this.isBlank(q) && !this.isComment(q)) return q;
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // The scan

  read(): GridReading {
    const n = this.rows.length;
    let r = 0;
    let seenTitle = this.meta.title !== undefined;
    while (r < n) {
      if (this.isBlank(r) || this.isComment(r)) {
        r++;
        continue;
      }
      const header = this.header(r);
      if (header !== null) {
        this.flushNarrative();
        r = this.table(header);
        continue;
      }
      if (this.metadata(r)) {
        this.flushNarrative();
        r++;
        continue;
      }
      const single = this.single(r);
      if (single !== null && !seenTitle && this.tableCount() === 0 && isTitleLine(single)) {
        this.flushNarrative();
        seenTitle = true;
        let title = single;
        let last = r;
        const next = this.nextContentRow(r + 1);
        if (next !== null && this.single(next) !== null && isParenthesisedLine(this.single(next) ?? '')) {
          title += this.single(next);
          last = next;
        }
        this.setMeta('title', title, r);
        const year = yearOf(title);
        if (year !== null && this.meta.year === undefined) this.meta.year = year;
        const kind = kindOf(title);
        if (kind !== null && this.meta.kind === undefined) this.meta.kind = kind;
        r = last + 1;
        continue;
      }
      if (single !== null && this.isCaption(r)) {
        this.flushNarrative();
        this.caption(single, r);
        r++;
        continue;
      }
      if (this.text) {
        this.narrative.push(r);
      } else {
        this.out.unplaced.push(
          item(this.grid.locate(r), this.rowText(r), {
            en: 'a row outside the budget and indicator tables (no header row above it names its columns): not imported',
            zh: '不在预算表或指标表内的行（上方没有说明各列含义的表头行）：未导入',
          }),
        );
      }
      r++;
    }
    this.flushNarrative();
    return this.out;
  }

  private tableCount(): number {
    return this.out.tables.budget + this.out.tables.indicators;
  }

  private flushNarrative(): void {
    const rows = this.narrative;
    if (rows.length === 0) return;
    this.narrative = [];
    const from = rows[0] as number;
    const to = rows[rows.length - 1] as number;
    const text = rows.map((r) => this.rowText(r)).join('\n');
    const table = rows.find((r) => this.nonEmpty(r).length > 1);
    this.out.unplaced.push(
      item(
        this.grid.locateRows(from, to),
        text,
        table === undefined
          ? {
              en: `narrative text (${rows.length} line${rows.length === 1 ? '' : 's'}, not a table): not part of the report JSON`,
              zh: `叙述性文字（共 ${rows.length} 行，不是表格）：不属于报告 JSON`,
            }
          : {
              en: `text and a table that is neither a budget nor an indicator table (its first row: "${this.rowText(table).replaceAll('\t', ' | ')}"): not imported`,
              zh: `文字及一个既非预算表也非指标表的表格（首行：“${this.rowText(table).replaceAll('\t', ' | ')}”）：未导入`,
            },
      ),
    );
  }

  /** A single-cell row just above a header row (or above another such row): a table's caption. */
  private isCaption(r: number): boolean {
    const next = this.nextContentRow(r + 1);
    if (next === null) return false;
    if (this.header(next) !== null) return true;
    if (this.single(next) === null) return false;
    const after = this.nextContentRow(next + 1);
    return after !== null && this.header(after) !== null;
  }

  private caption(text: string, r: number): void {
    if (!CAPTION.test(normalizeWidth(text)) && !isSectionTitle(text)) {
      this.out.notes.push(
        item(this.grid.locate(r), text, {
          en: 'a row with only this text above a table: read as the caption of the table, not as a row of it',
          zh: '表格上方只有这段文字的行：作为表格标题读取，而不是表格中的一行',
        }),
      );
    }
    const kind = kindOf(text);
    if (kind !== null && this.meta.kind === undefined) this.meta.kind = kind;
    const unit = amountUnitOf(text);
    if (unit !== null && this.meta.amountUnit === undefined) this.meta.amountUnit = unit;
  }

  // -------------------------------------------------------------------------------------------
  // Facts outside the tables

  private metaOf(r: number): { key: MetaKey; value: string } | null {
    const cells = this.nonEmpty(r);
    let key: string;
    let value: string;
    if (cells.length === 2 && !this.text) {
      key = this.raw(r, cells[0] as number);
      value = this.raw(r, cells[1] as number).trim();
    } else if (cells.length === 1) {
      const s = this.raw(r, cells[0] as number).trim();
      const colon = s.search(/[:：]/);
      if (colon > 0) {
        key = s.slice(0, colon);
        value = s.slice(colon + 1).trim();
      } else if (!this.text && (cells[0] as number) === 0) {
        // A template's `年度,` left blank: the key alone.
        key = s;
        value = '';
      } else {
        return null;
      }
    } else {
      return null;
    }
    key = normalizeWidth(key)
      .trim()
      .replace(/^[一二三四五六七八九十]+[、.]\s*/, '')
      .replace(/[:：]\s*$/, '');
    const k = META_MAP.get(headerKey(key).stripped);
    if (k === undefined) return null;
    return { key: k, value };
  }

  private metadata(r: number): boolean {
    const m = this.metaOf(r);
    if (m === null) return false;
    const { key, value } = m;
    // A template's fact left blank (`年度,`): nothing to import.
    if (value === '') return true;
    if (key === 'entity' && /^(?:亿元|万元|元|萬元|億元)$/.test(value.trim())) {
      return this.setMeta('amountUnit', value, r);
    }
    return this.setMeta(key, value, r);
  }

  /** Sets a fact; a value that is not valid for it is listed as not imported. */
  private setMeta(key: MetaKey, value: string, r: number): boolean {
    const at = this.grid.locate(r);
    const invalid = (en: string, zh: string) => {
      this.out.unplaced.push(item(at, this.rowText(r), { en, zh }));
      return true;
    };
    switch (key) {
      case 'year': {
        const m = /(\d{4})/.exec(normalizeWidth(value));
        if (m?.[1] === undefined)
          return invalid('a year without a four-digit year: not imported', '年度不是四位数年份：未导入');
        this.meta.year = Number(m[1]);
        return true;
      }
      case 'kind': {
        const kind =
          kindOf(value) ??
          (/^(?:部门|单位|整体)/.test(value) ? 'department' : /^项目/.test(value) ? 'project' : null);
        if (kind === null) {
          return invalid(
            'a report type that is neither 部门整体 (department) nor 项目 (project): not imported',
            '报告类型既不是部门整体也不是项目：未导入',
          );
        }
        this.meta.kind = kind;
        return true;
      }
      case 'amountUnit': {
        const s = normalizeWidth(value).trim().replace('萬', '万').replace('億', '亿');
        if (s !== '元' && s !== '万元' && s !== '亿元') {
          return invalid(
            'an amount unit other than 元, 万元 or 亿元: not imported',
            '金额单位不是元、万元或亿元：未导入',
          );
        }
        this.meta.amountUnit = s;
        return true;
      }
      default:
        this.meta[key] = value;
        return true;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Header rows

  private header(r: number): Header | null {
    if (this.headerMemo.has(r)) return this.headerMemo.get(r) ?? null;
    let found: Header | null = null;
    const cells = this.nonEmpty(r);
    const figures = cells.filter((c) => isFigure(this.raw(r, c))).length;
    // A row of figures is data: only rows with at least two cells, mostly words, can be headers.
    if (cells.length >= 2 && figures * 2 < cells.length && !this.isComment(r)) {
      const one = this.classify(r, r);
      const next = r + 1 < this.rows.length && !this.isBlank(r + 1) ? r + 1 : null;
      const two = next !== null && this.subHeader(r, next) ? this.classify(r, next) : null;
      found = two !== null && (one === null || two.score > one.score) ? two.header : (one?.header ?? null);
    }
    this.headerMemo.set(r, found);
    return found;
  }

  /**
   * Whether row `next` continues the header of row `r`: no figures, and a known header word in
   * a column where row `r` names nothing known (`年初预算数` under a merged `预算执行情况`).
   */
  private subHeader(r: number, next: number): boolean {
    const cells = this.nonEmpty(next);
    if (cells.some((c) => isFigure(this.raw(next, c)))) return false;
    // Every cell of the upper row must read as a header: a known word, a year (`2019/20`), a
    // group label (`预算执行情况`) or a merged cell; a `key,value` row is a fact, not a header.
    if (this.metaOf(r) !== null) return false;
    const upper = this.nonEmpty(r).every((c) => {
      const t = this.raw(r, c);
      return (
        budgetField(t) !== null ||
        indicatorField(t) !== null ||
        headerYear(t) !== null ||
        GROUP_LABEL.test(normalizeWidth(t).replace(/\s+/g, '')) ||
        this.isMergedAcross(r, c) ||
        this.grid.merges.some((m) => m.r0 === r && m.c0 === c && m.r1 > m.r0)
      );
    });
    if (!upper) return false;
    return cells.some((c) => {
      const below = this.raw(next, c);
      if (budgetField(below) === null && indicatorField(below) === null) return false;
      const above = this.headerCell(r, c);
      return (
        above.trim() === '' ||
        (budgetField(above) === null && indicatorField(above) === null) ||
        this.origin.has(`${r},${c}`) ||
        this.isMergedAcross(r, c)
      );
    });
  }

  private isMergedAcross(r: number, c: number): boolean {
    return this.grid.merges.some((m) => m.r0 === r && m.c0 <= c && c <= m.c1 && m.c1 > m.c0);
  }

  /** Classifies rows `first..last` as a header of a budget or indicator table, or null. */
  private classify(first: number, last: number): { header: Header; score: number } | null {
    let width = 0;
    for (let r = first; r <= last; r++) {
      const row = this.rows[r] ?? [];
      for (let c = 0; c < row.length; c++)
        if (this.headerCell(r, c).trim() !== '') width = Math.max(width, c + 1);
    }
    const cells: { label: string; b: BudgetField | null; i: IndicatorField | null }[] = [];
    let figures = 0;
    let filled = 0;
    for (let c = 0; c < width; c++) {
      const texts: string[] = [];
      for (let r = first; r <= last; r++) {
        const t = this.headerCell(r, c).trim();
        if (t !== '' && !texts.includes(t)) texts.push(t);
      }
      if (texts.length > 0) filled++;
      if (texts.some(isFigure)) figures++;
      // The lowest header row names the column most precisely: try it first.
      const bottomUp = [...texts].reverse();
      cells.push({
        label: texts.join(' / '),
        b: bottomUp.map(budgetField).find((f) => f !== null) ?? null,
        i: bottomUp.map(indicatorField).find((f) => f !== null) ?? null,
      });
    }
    if (filled === 0 || figures * 2 >= filled) return null;
    const bFields = cells.map((c) => c.b);
    const iFields = cells.map((c) => c.i);
    const bCount = bFields.filter((f) => f !== null && f !== 'name').length;
    const iCount = iFields.filter((f) => f !== null && f !== 'name' && f !== 'path').length;
    const bKey = bFields.some((f) => f === 'initial' || f === 'adjusted' || f === 'actual' || f === 'budget');
    const iKey = iFields.includes('target');
    const bOk = bKey && (bCount >= 2 || bFields.includes('name'));
    const iOk = iKey && (iCount >= 2 || iFields.includes('name'));
    if (!bOk && !iOk) return null;
    const kind: Kind = bOk && (!iOk || bCount > iCount) ? 'budget' : 'indicators';
    const columns: Column[] = cells.map((c, index) => ({
      index,
      label: c.label,
      field: kind === 'budget' ? c.b : c.i,
    }));
    if (!this.assignColumns(kind, columns)) return null;
    const score = (kind === 'budget' ? bCount : iCount) * 10 + (last - first === 0 ? 1 : 0);
    return { header: { kind, first, last, width, columns }, score };
  }

  /** Resolves duplicate fields, the name column and path columns. False when there is no name column. */
  private assignColumns(kind: Kind, columns: Column[]): boolean {
    // Duplicates: the column of the latest year wins (prior years are comparatives).
    const byField = new Map<Field, Column[]>();
    for (const col of columns) {
      if (col.field === null || col.field === 'path') continue;
      const list = byField.get(col.field) ?? [];
      list.push(col);
      byField.set(col.field, list);
    }
    for (const [, list] of byField) {
      if (list.length < 2) continue;
      const years = list.map((c) => headerYear(c.label));
      let keep = list[0] as Column;
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
      for (const c of list) {
        if (c === keep) continue;
        c.field = null;
        c.skipped =
          headerYear(c.label) !== null
            ? {
                en: `a column of an earlier year (comparative figures): the figures read are those of column "${keep.label}"`,
                zh: `较早年度的比较列：读取的是“${keep.label}”列的数字`,
              }
            : {
                en: `column "${keep.label}" to its left already gives this`,
                zh: `其左侧的“${keep.label}”列已给出同一内容`,
              };
      }
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
      if (name === undefined) return false;
      name.field = 'name';
    }
    const nameIndex = name.index;
    for (const c of columns) if (c.index < nameIndex && c.label === '' && c.field === null) c.field = 'path';
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  /** Whether row `q` (after a blank row) starts something other than more rows of the table. */
  private breaksTable(q: number): boolean {
    if (this.header(q) !== null || this.metaOf(q) !== null) return true;
    const single = this.single(q);
    return single !== null && (isTopSectionTitle(single) || this.isCaption(q));
  }

  /** Reads a table; returns the row after it. */
  private table(h: Header): number {
    this.out.tables[h.kind]++;
    for (const col of h.columns) {
      if (col.budgetAs !== 'adjusted') continue;
      this.out.notes.push(
        item(this.grid.locate(h.first, col.index), col.label, {
          en: `column "${col.label}" read as the adjusted budget (调整预算数), on which the execution rate is computed: the table has no other budget column`,
          zh: `“${col.label}”列按调整预算数读取（执行率以其为分母）：表中没有其他预算数列`,
        }),
      );
    }
    for (let r = h.first; r <= h.last; r++) {
      for (let c = 0; c < h.width; c++) {
        const unit = amountUnitOf(this.headerCell(r, c));
        if (unit !== null && this.meta.amountUnit === undefined && h.kind === 'budget')
          this.meta.amountUnit = unit;
      }
    }
    const rows: number[] = [];
    let r = h.last + 1;
    for (; r < this.rows.length; r++) {
      if (this.isBlank(r)) {
        if (this.text) continue;
        const q = this.nextContentRow(r);
        if (q === null || this.breaksTable(q)) break;
        continue;
      }
      if (this.isComment(r)) continue;
      if (this.header(r) !== null) break;
      const single = this.single(r);
      if (single !== null) {
        if (this.text && (this.rows[r] ?? []).length === 1) {
          if (
            isTopSectionTitle(single) ||
            isTitleLine(single) ||
            [...single].length > 40 ||
            this.metaOf(r) !== null ||
            (r + 1 < this.rows.length && this.header(r + 1) !== null)
          )
            break;
        } else if (
          !this.text &&
          (isTopSectionTitle(single) ||
            this.metaOf(r) !== null ||
            (r + 1 < this.rows.length && this.header(r + 1) !== null))
        ) {
          // A numbered title, a `key：value` row, or a caption right above the next header.
          // (A name alone, such as 其他资金 with nothing printed, is a row of the table.)
          break;
        }
      }
      rows.push(r);
    }
    const kept = rows.filter((row) => this.ragged(h, row));
    this.unknownColumns(h, kept);
    if (h.kind === 'budget') this.budgetTable(h, kept);
    else this.indicatorTable(h, kept);
    return r;
  }

  /**
   * A row with more cells than its header: in CSV and text the row is not imported (a comma
   * or tab inside a cell shifted it); in a worksheet the extra cells are listed.
   */
  private ragged(h: Header, r: number): boolean {
    const extra = this.nonEmpty(r).filter((c) => c >= h.width);
    if (extra.length === 0) return true;
    const count = (extra[extra.length - 1] as number) + 1;
    if (this.grid.format === 'xlsx') {
      for (const c of extra) {
        this.out.unplaced.push(
          item(this.grid.locate(r, c), this.raw(r, c), {
            en: `a cell to the right of the table (its header has ${h.width} columns): not imported`,
            zh: `表格右侧的单元格（表头只有 ${h.width} 列）：未导入`,
          }),
        );
      }
      return true;
    }
    this.out.unplaced.push(
      item(this.grid.locate(r), this.rowText(r), {
        en: `this row has ${count} cells but the header (${this.where(h.first)}) has ${h.width}: a ${this.text ? 'tab' : 'delimiter'} inside a cell? ${this.text ? '' : 'Put such a cell in double quotes. '}The row is not imported`,
        zh: `此行有 ${count} 个单元格，而表头（${this.where(h.first, 'zh')}）只有 ${h.width} 个：可能某个单元格内含有${this.text ? '制表符' : '分隔符'}？${this.text ? '' : '请给这样的单元格加上英文双引号。'}此行未导入`,
      }),
    );
    return false;
  }

  private where(r: number, lang: 'en' | 'zh' = 'en'): string {
    const at = this.grid.locate(r);
    if (at.cell !== undefined) return at.cell;
    return lang === 'zh' ? `第 ${at.line} 行` : `line ${at.line}`;
  }

  /** Cells of columns that are not read are listed, one entry per column. */
  private unknownColumns(h: Header, rows: readonly number[]): void {
    for (const col of h.columns) {
      if (col.field !== null) continue;
      const cells = rows.filter((r) => this.dataCell(r, col.index, h.last).trim() !== '');
      if (cells.length === 0) continue;
      const values = cells.map((r) => this.dataCell(r, col.index, h.last).trim());
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
      this.out.unplaced.push(
        item(
          this.grid.locateRows(cells[0] as number, cells[cells.length - 1] as number, col.index),
          `${col.label === '' ? '' : `${col.label}: `}${values.join(' | ')}`,
          {
            en: `${reason.en}: its ${cells.length} cell(s) are not imported`,
            zh: `${reason.zh}：其 ${cells.length} 个单元格未导入`,
          },
        ),
      );
    }
  }

  private noteFormulas(h: Header, r: number, c: number, value: string): void {
    if (!isFormulaLike(value) || this.grid.format === 'xlsx') return;
    this.out.notes.push(
      item(this.grid.locate(r, c), value, {
        en: `looks like a spreadsheet formula (column "${h.columns[c]?.label ?? ''}"): kept as text, never evaluated`,
        zh: `看起来像表格公式（“${h.columns[c]?.label ?? ''}”列）：按文字保留，不作计算`,
      }),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Budget tables

  private budgetTable(h: Header, rows: readonly number[]): void {
    const nameCol = h.columns.find((c) => c.field === 'name') as Column;
    const lines: RawLine[] = [];
    for (const r of rows) {
      const rawName = this.dataCell(r, nameCol.index, h.last);
      const name = rawName.trim();
      const fields = new Map<LineField, string>();
      for (const col of h.columns) {
        if (col.field === null || col.field === 'name' || col.field === 'budget' || !isBudgetField(col.field))
          continue;
        const v = this.dataCell(r, col.index, h.last).trim();
        if (v === '') continue;
        fields.set(col.field, v);
        this.noteFormulas(h, r, col.index, v);
      }
      if (name === '' && fields.size === 0) continue;
      if (name === '') {
        this.out.unplaced.push(
          item(this.grid.locate(r), this.rowText(r), {
            en: 'a budget row without a name (its name cell is empty): not imported',
            zh: '预算表中没有名称的行（名称单元格为空）：未导入',
          }),
        );
        continue;
      }
      lines.push({ name, indent: indentOf(rawName), fields, row: r });
    }
    this.out.budget.push(...buildTree(lines, this.grid, this.out.notes));
  }

  // -------------------------------------------------------------------------------------------
  // Indicator tables

  private indicatorTable(h: Header, rows: readonly number[]): void {
    const pathCols = h.columns.filter((c) => c.field === 'path');
    const nameCol = h.columns.find((c) => c.field === 'name') as Column;
    const valueCols = h.columns.filter((c) => c.field !== null && c.field !== 'path' && c.field !== 'name');
    const has = (f: IndicatorField) => valueCols.some((c) => c.field === f);

    interface Rec {
      kind: 'row' | 'nameOnly' | 'pathOnly' | 'continuation';
      row: number;
      path: string[];
      name: string;
      values: Map<IndicatorField, string>;
    }
    const recs: Rec[] = [];
    for (const r of rows) {
      const path = pathCols.map((c) => this.dataCell(r, c.index, h.last).trim());
      const name = this.dataCell(r, nameCol.index, h.last).trim();
      const values = new Map<IndicatorField, string>();
      for (const col of valueCols) {
        const v = this.dataCell(r, col.index, h.last).trim();
        if (v === '') continue;
        values.set(col.field as IndicatorField, v);
        this.noteFormulas(h, r, col.index, v);
      }
      const anyPath = path.some((p) => p !== '');
      if (name === '' && !anyPath && values.size === 0) continue;
      let kind: Rec['kind'];
      if (name === '' && !anyPath) kind = this.text ? 'continuation' : 'row';
      else if (name === '' && values.size === 0) kind = 'pathOnly';
      else if (name !== '' && !anyPath && values.size === 0)
        kind = this.text && pathCols.length > 0 ? 'continuation' : 'nameOnly';
      else kind = 'row';
      if (kind === 'row' && name === '') {
        this.out.unplaced.push(
          item(this.grid.locate(r), this.rowText(r), {
            en: 'an indicator row without a name (its name cell is empty): not imported',
            zh: '指标表中没有指标名称的行（名称单元格为空）：未导入',
          }),
        );
        continue;
      }
      recs.push({ kind, row: r, path, name, values });
    }

    // Without category columns, a row that prints only a name above indicator rows is a heading
    // of the rows below it (`4.5 Jobs created …`); with them, it is an indicator left empty.
    const heading = new Array<boolean>(recs.length).fill(false);
    if (pathCols.length === 0) {
      for (let k = recs.length - 2; k >= 0; k--) {
        const next = recs[k + 1] as Rec;
        heading[k] =
          (recs[k] as Rec).kind === 'nameOnly' && (heading[k + 1] === true || next.kind !== 'nameOnly');
      }
    }

    interface Built {
      readonly row: number;
      path: string[];
      name: string;
      values: Map<IndicatorField, string>;
      lastRow: number;
    }
    const built: Built[] = [];
    const carry = pathCols.map(() => '');
    // Which row set each category, and whether an indicator has been read under it since: a
    // category row with no indicator under it is listed, never dropped.
    const owner = pathCols.map((): number | null => null);
    const used = pathCols.map(() => true);
    const drop = (level: number) => {
      const row = owner[level];
      if (row === null || row === undefined || used[level] === true || carry[level] === '') return;
      this.out.unplaced.push(
        item(this.grid.locate(row, (pathCols[level] as Column).index), carry[level] ?? '', {
          en: 'a category with no indicator row under it: not imported',
          zh: '该类别下没有指标行：未导入',
        }),
      );
    };
    let headings: string[] = [];
    let afterHeading = false;
    recs.forEach((rec, k) => {
      if (heading[k] === true) {
        if (!afterHeading) headings = [];
        headings.push(rec.name);
        afterHeading = true;
        this.out.notes.push(
          item(this.grid.locate(rec.row), rec.name, {
            en: 'a row with only a name above indicator rows: read as a heading of the rows below (their path)',
            zh: '只有名称的行位于指标行之上：作为下方各行的分组标题（指标路径）',
          }),
        );
        return;
      }
      afterHeading = false;
      const prev = built[built.length - 1];
      if (rec.kind === 'continuation') {
        if (prev === undefined) {
          this.out.unplaced.push(
            item(this.grid.locate(rec.row), this.rowText(rec.row), {
              en: 'cells below the header that continue no indicator row: not imported',
              zh: '表头下方的单元格不属于任何指标行：未导入',
            }),
          );
          return;
        }
        const joined: string[] = [];
        if (rec.name !== '') {
          prev.name = joinWrapped(prev.name, rec.name);
          joined.push(rec.name);
        }
        for (const [f, v] of rec.values) {
          prev.values.set(f, joinWrapped(prev.values.get(f) ?? '', v));
          joined.push(v);
        }
        this.out.notes.push(
          item(this.grid.locate(rec.row), joined.join(' | '), {
            en: `continues the cells of the indicator on ${this.where(prev.row)} (a cell wrapped onto the next line): joined to them`,
            zh: `接续${this.where(prev.row, 'zh')}指标的单元格（单元格内容折行）：已拼接`,
          }),
        );
        prev.lastRow = rec.row;
        return;
      }
      let changed = false;
      rec.path.forEach((p, level) => {
        if (p === '') {
          if (changed) {
            drop(level);
            carry[level] = '';
            owner[level] = null;
          }
          return;
        }
        if (carry[level] !== p) {
          drop(level);
          carry[level] = p;
          owner[level] = rec.row;
          used[level] = false;
          changed = true;
        }
      });
      if (rec.kind === 'pathOnly') return;
      used.fill(true);
      built.push({
        row: rec.row,
        path: [...headings, ...carry.filter((p) => p !== '')],
        name: rec.name,
        values: rec.values,
        lastRow: rec.row,
      });
    });

    pathCols.forEach((_, level) => {
      drop(level);
    });
    for (const b of built) this.out.indicators.push(this.indicator(b, has));
  }

  private indicator(
    b: { row: number; path: string[]; name: string; values: Map<IndicatorField, string>; lastRow: number },
    has: (f: IndicatorField) => boolean,
  ): Indicator {
    const v = (f: IndicatorField) => b.values.get(f);
    const out: Record<string, unknown> = {};
    if (b.path.length > 0) out.path = b.path;
    out.name = b.name;
    const operator = v('operator');
    out.target = operator === undefined ? (v('target') ?? '') : { operator, value: v('target') ?? '' };
    for (const f of ['actual', 'unit', 'weight'] as const) {
      const x = v(f);
      if (x !== undefined) out[f] = x;
    }
    for (const f of ['source', 'reason'] as const) {
      if (!has(f)) continue;
      out[f] = this.prose(v(f) ?? '', b, f);
    }
    const published: Record<string, string> = {};
    const deviation = v('deviation');
    const score = v('score');
    if (deviation !== undefined) published.deviation = deviation;
    if (score !== undefined) published.score = score;
    if (Object.keys(published).length > 0) out.published = published;
    return out as unknown as Indicator;
  }

  /**
   * Explanatory text of PDF extraction (完成值来源, 原因分析): the narrow columns wrap inside the
   * cell, and extraction puts a space at each wrap. Chinese has no spaces between characters,
   * so a single space between two Chinese characters there is removed. Names, targets and
   * actual values are kept exactly as extracted.
   */
  private prose(text: string, b: { row: number; lastRow: number }, f: 'source' | 'reason'): string {
    if (!this.text) return text;
    const joined = text.replace(HAN_SPACE, '$1');
    if (joined !== text) {
      this.out.notes.push(
        item(this.grid.locateRows(b.row, b.lastRow), text, {
          en: `${f === 'source' ? '完成值来源' : '原因分析'} "${text}" read as "${joined}": a space between two Chinese characters is where the PDF wrapped the cell`,
          zh: `${f === 'source' ? '完成值来源' : '原因分析'}“${text}”读作“${joined}”：两个汉字之间的空格是 PDF 单元格内折行处`,
        }),
      );
    }
    return joined;
  }
}

function isBudgetField(f: Field): f is LineField {
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
