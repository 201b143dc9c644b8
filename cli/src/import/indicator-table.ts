/**
 * The rows of an indicator table: category (path) cells carried down, rows that print only a
 * name read as headings of the rows below, wrapped cells of PDF text joined to the row they
 * continue, and the explanatory columns of PDF text freed of the spaces its line wrapping put
 * between Chinese characters. Every cell is kept as printed otherwise.
 *
 * @internal
 */
import type { Indicator } from 'outturn';
import { noteFormula } from './formula.js';
import type { Column, Header } from './header-row.js';
import type { IndicatorField } from './header-words.js';
import type { Reader } from './reader.js';
import { item } from './types.js';

/** A space between two Chinese characters. */
const HAN_SPACE = /(\p{Script=Han}) (?=\p{Script=Han})/gu;

/** Joins a cell wrapped onto a later line: with a space between two Latin letters or digits. */
export function joinWrapped(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  return /[A-Z0-9]$/i.test(before) && /^[A-Z0-9]/i.test(after) ? `${before} ${after}` : `${before}${after}`;
}

/** A data row as read: what it prints, and what that makes it. */
interface Rec {
  readonly kind: 'row' | 'nameOnly' | 'pathOnly' | 'continuation';
  readonly row: number;
  readonly path: readonly string[];
  readonly name: string;
  readonly values: Map<IndicatorField, string>;
}

/** An indicator being built: a row and the rows that continue it. */
interface Built {
  readonly row: number;
  readonly path: readonly string[];
  name: string;
  readonly values: Map<IndicatorField, string>;
  lastRow: number;
}

/** Reads the indicators of a table whose header is `h`, from its data rows `rows`. */
export function readIndicatorTable(reader: Reader, h: Header, rows: readonly number[]): Indicator[] {
  const pathCols = h.columns.filter((c) => c.field === 'path');
  const recs = records(reader, h, rows, pathCols.length > 0);
  return build(reader, recs, pathCols).map((b) => indicatorOf(reader, h, b));
}

/** Reads each row once: its path cells, name and values; a row with figures and no name is listed. */
function records(reader: Reader, h: Header, rows: readonly number[], hasPath: boolean): Rec[] {
  const { sheet, log } = reader;
  const pathCols = h.columns.filter((c) => c.field === 'path');
  const nameCol = h.columns.find((c) => c.field === 'name') as Column;
  const valueCols = h.columns.filter((c) => c.field !== null && c.field !== 'path' && c.field !== 'name');
  const cell = (r: number, c: number): string => sheet.dataText(r, c, h.last);
  const recs: Rec[] = [];
  for (const r of rows) {
    const path = pathCols.map((c) => cell(r, c.index));
    const name = cell(r, nameCol.index);
    const values = new Map<IndicatorField, string>();
    for (const col of valueCols) {
      const v = cell(r, col.index);
      if (v === '') continue;
      values.set(col.field as IndicatorField, v);
      noteFormula(sheet, log, r, col.index, col.label, v);
    }
    const anyPath = path.some((p) => p !== '');
    if (name === '' && !anyPath && values.size === 0) continue;
    let kind: Rec['kind'];
    if (name === '' && !anyPath) kind = sheet.isText ? 'continuation' : 'row';
    else if (name === '' && values.size === 0) kind = 'pathOnly';
    else if (name !== '' && !anyPath && values.size === 0)
      kind = sheet.isText && hasPath ? 'continuation' : 'nameOnly';
    else kind = 'row';
    if (kind === 'row' && name === '') {
      log.unplaced.push(
        item(sheet.grid.locate(r), sheet.rowText(r), {
          en: 'an indicator row without a name (its name cell is empty): not imported',
          zh: '指标表中没有指标名称的行（名称单元格为空）：未导入',
        }),
      );
      continue;
    }
    recs.push({ kind, row: r, path, name, values });
  }
  return recs;
}

/**
 * Builds the indicators from the records: categories carried down (a new upper category
 * clears the lower ones), headings, and continuation rows joined to the indicator above.
 */
function build(reader: Reader, recs: readonly Rec[], pathCols: readonly Column[]): Built[] {
  const { sheet, log } = reader;
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

  const built: Built[] = [];
  const carry = pathCols.map(() => '');
  // Which row set each category, and whether an indicator has been read under it since: a
  // category row with no indicator under it is listed, never dropped.
  const owner = pathCols.map((): number | null => null);
  const used = pathCols.map(() => true);
  const drop = (level: number) => {
    const row = owner[level];
    if (row === null || row === undefined || used[level] === true || carry[level] === '') return;
    log.unplaced.push(
      item(sheet.grid.locate(row, (pathCols[level] as Column).index), carry[level] ?? '', {
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
      log.notes.push(
        item(sheet.grid.locate(rec.row), rec.name, {
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
        log.unplaced.push(
          item(sheet.grid.locate(rec.row), sheet.rowText(rec.row), {
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
      log.notes.push(
        item(sheet.grid.locate(rec.row), joined.join(' | '), {
          en: `continues the cells of the indicator on ${sheet.place(prev.row, 'en')} (a cell wrapped onto the next line): joined to them`,
          zh: `接续${sheet.place(prev.row, 'zh')}指标的单元格（单元格内容折行）：已拼接`,
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
  return built;
}

/** The indicator of the report JSON: fields in the order of DESIGN §3, printed figures under `published`. */
function indicatorOf(reader: Reader, h: Header, b: Built): Indicator {
  const v = (f: IndicatorField) => b.values.get(f);
  const has = (f: IndicatorField) => h.columns.some((c) => c.field === f);
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
    out[f] = prose(reader, v(f) ?? '', b, f);
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
function prose(reader: Reader, text: string, b: Built, f: 'source' | 'reason'): string {
  const { sheet, log } = reader;
  if (!sheet.isText) return text;
  const joined = text.replace(HAN_SPACE, '$1');
  if (joined !== text) {
    log.notes.push(
      item(sheet.grid.locateRows(b.row, b.lastRow), text, {
        en: `${f === 'source' ? '完成值来源' : '原因分析'} "${text}" read as "${joined}": a space between two Chinese characters is where the PDF wrapped the cell`,
        zh: `${f === 'source' ? '完成值来源' : '原因分析'}“${text}”读作“${joined}”：两个汉字之间的空格是 PDF 单元格内折行处`,
      }),
    );
  }
  return joined;
}
