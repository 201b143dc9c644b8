/**
 * The rows of an indicator table: category (path) cells carried down, rows that print only a
 * name read as headings of the rows below, wrapped cells of PDF text joined to the row they
 * continue, and the explanatory columns of PDF text freed of the spaces its line wrapping put
 * between Chinese characters. Every cell is kept as printed otherwise.
 *
 * @internal
 */
import { type Indicator, normalizeWidth } from 'outturn';
import { noteFormula } from './formula.js';
import { takeGoalHeading } from './goals.js';
import { type Group, groupLabel, TOTAL, totalRow } from './groups.js';
import { type Column, type Header, isTitleCell } from './header-row.js';
import type { IndicatorField } from './header-words.js';
import { indicatorField } from './headers.js';
import { isMark } from './monitoring.js';
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
  /** `groupRow`: category cells and a 分值/得分 only, the weight or score of that category. */
  /** `total`: a 总分/合计 row that prints a 得分, the table's total score. */
  readonly kind: 'row' | 'nameOnly' | 'pathOnly' | 'continuation' | 'groupRow' | 'total';
  readonly row: number;
  /** The category cells, the weights of their labels removed (`产出指标（50分）` → `产出指标`). */
  readonly path: readonly string[];
  /** The weight each category label prints, or null. */
  readonly labelWeights: readonly (string | null)[];
  /** Whether each category cell is printed on this row (not empty, not covered by a merge). */
  readonly printed: readonly boolean[];
  readonly name: string;
  readonly values: Map<IndicatorField, string>;
  /** 分值/得分 cells merged over this row and the rows below it: a block's, not this row's. */
  readonly blockValues: readonly BlockValue[];
  /** The grade a 总分 row prints (优, 良, 合格 …). */
  readonly grade?: string;
}

/** Width-normalised, without white space. */
function compact(text: string): string {
  return normalizeWidth(text).replace(/\s+/g, '');
}

/** A name that is the label of the total row, not an indicator's. */
const TOTAL_NAME = /^(?:总分|總分|合计|合計|总计|總計|得分合计|分值合计|自评总分|自評總分|总得分|總得分)$/;

/**
 * The names of the official form's rows left for the unit to fill in: 指标1, 指标2 … and the
 * ellipsis row (……, …, ...) that says more may be added.
 */
const PLACEHOLDER = /^(?:指标\d+|指標\d+|[…⋯]+|\.{3,}|。{3,})$/;

/** The grades a self-evaluation prints (自评等级), either script. */
const GRADE = /^(?:[优優良中差A-D]|优秀|優秀|良好|中等|合格|及格|较差|較差|不合格|不及格)$/;

/** The cell of a 总分 row that prints a grade, as `[field, text]`, or undefined. */
function gradeCell(
  values: ReadonlyMap<IndicatorField, string>,
): readonly [IndicatorField, string] | undefined {
  for (const [f, v] of values) if (f !== 'weight' && f !== 'score' && GRADE.test(compact(v))) return [f, v];
  return undefined;
}

/**
 * The first non-empty cell of row `r` when it lies left of every column the table reads a value
 * from (a label such as 总分 merged across the category and name columns), or null.
 */
function leadLabel(reader: Reader, h: Header, r: number): string | null {
  const { sheet } = reader;
  const first = sheet.filled(r)[0];
  if (first === undefined) return null;
  const values = h.columns.filter((c) => c.field !== null && c.field !== 'path' && c.field !== 'name');
  if (values.some((c) => c.index <= first)) return null;
  return sheet.text(r, first);
}

/** A 分值 or 得分 printed once for rows `row..last` in a merged cell. */
interface BlockValue {
  readonly field: 'weight' | 'score';
  readonly value: string;
  readonly column: number;
  readonly last: number;
}

/** What an indicator table gives. */
export interface IndicatorReading {
  readonly indicators: Indicator[];
  readonly groups: Group[];
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
export function readIndicatorTable(reader: Reader, h: Header, rows: readonly number[]): IndicatorReading {
  const pathCols = h.columns.filter((c) => c.field === 'path');
  const recs = records(reader, h, rows, pathCols.length > 0);
  const groups: Group[] = [];
  const heading = takeGoalHeading(reader);
  if (heading?.weight !== null && heading !== null) {
    groups.push({ path: [heading.name], weight: heading.weight, row: heading.row });
  }
  // The service's name printed in the top-left cell, above the measures (header-row.ts
  // `isTitleCell`): the first heading of every row of the table.
  const nameCol = h.columns.find((c) => c.field === 'name');
  const title = nameCol !== undefined && isTitleCell(nameCol.label) && indicatorField(nameCol.label) === null;
  const built = build(
    reader,
    recs,
    pathCols,
    groups,
    heading === null ? [] : [heading.name],
    title ? nameCol.label : null,
  );
  return { indicators: built.map((b) => indicatorOf(reader, h, b)), groups };
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
    const labels = pathCols.map((c) => groupLabel(cell(r, c.index)));
    const path = labels.map((l) => l.name);
    const printed = pathCols.map((c) => sheet.text(r, c.index) !== '');
    const name = cell(r, nameCol.index);
    const values = new Map<IndicatorField, string>();
    const blockValues: BlockValue[] = [];
    const marked = likelihoodMarks(reader, h, r, values);
    for (const col of valueCols) {
      const f = col.field as IndicatorField;
      if (f === 'likelihoodOption') continue;
      const merged = f === 'weight' || f === 'score' ? sheet.mergedRows(r, col.index) : null;
      if ((f === 'weight' || f === 'score') && merged !== null && merged[0] > h.last) {
        // A 分值 merged over several rows is printed once for the block: the block's (Hubei's
        // 40-point 年度绩效目标), never repeated on each of its rows.
        const v = sheet.text(merged[0], col.index);
        if (merged[0] === r && v !== '')
          blockValues.push({ field: f, value: v, column: col.index, last: merged[1] });
        continue;
      }
      const v = cell(r, col.index);
      if (v === '') continue;
      values.set(f, v);
      noteFormula(sheet, log, r, col.index, col.label, v);
    }
    if (marked !== null && !values.has('likelihood')) values.set('likelihood', marked);
    const anyPath = path.some((p) => p !== '');
    if (name === '' && !anyPath && values.size === 0 && blockValues.length === 0) continue;
    let kind: Rec['kind'];
    const groupOnly = values.size > 0 && [...values.keys()].every((f) => f === 'weight' || f === 'score');
    // The 总分 row: its label in a category cell, or in the first cell of the row when a label
    // merged across the category and name columns (or the block label's column) holds it.
    const lead = leadLabel(reader, h, r);
    // 总分 typed in the name column (三级指标) of a row that prints only 分值 and 得分: never an
    // indicator, whose weight of 100 would double the table's.
    const totalName = name !== '' && TOTAL_NAME.test(compact(name));
    const total =
      totalName ||
      labels.some((l) => TOTAL.test(compact(l.name))) ||
      (lead !== null && TOTAL.test(compact(lead)));
    // A grade printed in the 总分 row (`总分 | 100 | 96 | 优`, the Yunnan form), in whichever column.
    const grade = total ? gradeCell(values) : undefined;
    if (grade !== undefined) values.delete(grade[0]);
    const totalOnly = values.size > 0 && [...values.keys()].every((f) => f === 'weight' || f === 'score');
    if ((name === '' || totalName) && total && (grade !== undefined || (totalOnly && values.has('score')))) {
      recs.push({
        kind: 'total',
        row: r,
        path,
        labelWeights: labels.map((l) => l.weight),
        printed,
        name: totalName ? name : (lead ?? path.find((p) => p !== '') ?? ''),
        values,
        blockValues,
        ...(grade === undefined ? {} : { grade: grade[1] }),
      });
      continue;
    }
    if (grade !== undefined) values.set(grade[0], grade[1]);
    if (name === '' && total && groupOnly && values.has('score')) kind = 'total';
    else if (name === '' && !anyPath) kind = sheet.isText ? 'continuation' : 'row';
    else if (name === '' && values.size === 0) kind = 'pathOnly';
    else if (
      name === '' &&
      groupOnly &&
      labels.some((l, level) => l.name !== '' && printed[level] === true) &&
      !total
    )
      kind = 'groupRow';
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
    recs.push({
      kind,
      row: r,
      path,
      labelWeights: labels.map((l) => l.weight),
      printed,
      name,
      values,
      blockValues,
    });
  }
  return recs;
}

/**
 * Builds the indicators from the records: categories carried down (a new upper category
 * clears the lower ones), headings, and continuation rows joined to the indicator above.
 */
function build(
  reader: Reader,
  recs: readonly Rec[],
  pathCols: readonly Column[],
  groups: Group[],
  goal: readonly string[],
  title: string | null,
): Built[] {
  const { sheet, log } = reader;
  // Without category columns, a row that prints only a name above indicator rows is a heading
  // of the rows below it (`4.5 Jobs created …`); with them, it is an indicator left empty.
  const heading = new Array<boolean>(recs.length).fill(false);
  // Rows that print only a name after the last row with figures, in a table read that way:
  // they head nothing and print nothing of their own (a note below the table, `End-of-year
  // variance notes`, in a web page saved as one sheet); listed, not read as empty indicators.
  const trailing = new Array<boolean>(recs.length).fill(false);
  if (pathCols.length === 0) {
    for (let k = recs.length - 2; k >= 0; k--) {
      const next = recs[k + 1] as Rec;
      heading[k] =
        (recs[k] as Rec).kind === 'nameOnly' && (heading[k + 1] === true || next.kind !== 'nameOnly');
    }
    if (heading.some((x) => x)) {
      for (let k = recs.length - 1; k >= 0 && (recs[k] as Rec).kind === 'nameOnly'; k--) trailing[k] = true;
    }
  }

  const built: Built[] = [];
  // Whether any indicator row of the table prints a figure or text beside its name.
  const filled = recs.some((r) => r.kind === 'row' && r.name !== '' && r.values.size > 0);
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
  // A numbered goal above the table (`年度目标1:(80分)`) heads every row of it.
  // The table's title heads it as the first of the heading rows right below the header.
  let headings: string[] = title === null ? [...goal] : [title];
  let afterHeading = title !== null;
  // Heading rows after indicator rows start afresh; under a title, a run of them replaces as
  // many of the innermost headings (the title is the outer heading of the rows below it:
  // `Efficiency measure` under `Fiscal coordination`; `Economic policy …` then `Effectiveness
  // measure` replace both). Without a title, nothing says how deep a lone heading row stands
  // (`Sub-programme: …` after `Programme Name: …` | `Strategic objectives`): it starts afresh.

  // The group each category level is in now (created when it prints a weight or a score), and
  // whether the level's cell was printed on the previous row: a label printed again after rows
  // that left it empty starts another block of the same name (two 40-point 年度绩效目标 blocks).
  const current = pathCols.map((): Group | null => null);
  const prevPrinted = pathCols.map(() => false);
  const groupAt = (level: number, row: number): Group => {
    const open = current[level];
    if (open !== null && open !== undefined) return open;
    const path = [...headings, ...carry.slice(0, level + 1).filter((p) => p !== '')];
    const key = JSON.stringify(path);
    const same = groups.find((g) => JSON.stringify(g.path) === key);
    const g: Group = { path, row };
    groups.push(g);
    current[level] = g;
    if (same !== undefined) {
      log.notes.push(
        item(sheet.grid.locate(row, (pathCols[level] as Column).index), path.join(' / '), {
          en: `a second block with the same category as ${sheet.place(same.row, 'en')}: a group of its own, with the same path`,
          zh: `与${sheet.place(same.row, 'zh')}同名的另一组：单独成组，路径相同`,
        }),
      );
    }
    return g;
  };
  const setValue = (g: Group, field: 'weight' | 'score', value: string, row: number, column: number) => {
    const had = g[field];
    if (had === undefined) {
      g[field] = value;
      return;
    }
    if (had === value) return;
    log.unplaced.push(
      item(sheet.grid.locate(row, column), value, {
        en: `the ${field === 'weight' ? 'weight (分值)' : 'score (得分)'} of category ${g.path.join(' / ')} is already ${had}: this other figure is not imported`,
        zh: `类别“${g.path.join(' / ')}”的${field === 'weight' ? '分值' : '得分'}已为 ${had}：此处不同的数字未导入`,
      }),
    );
  };
  recs.forEach((rec, k) => {
    if (trailing[k] === true) {
      log.unplaced.push(
        item(sheet.grid.locate(rec.row), rec.name, {
          en: 'a row with only a name below the last indicator of a table with headings: text below the table, not imported',
          zh: '带分组标题的指标表中，最后一个指标下方只有名称的行：视为表格下方的文字，未导入',
        }),
      );
      return;
    }
    if (heading[k] === true) {
      if (!afterHeading) {
        let run = 0;
        for (let j = k; j < recs.length && heading[j] === true; j++) run++;
        headings = title === null ? [] : headings.slice(0, Math.max(0, headings.length - run));
      }
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
    if (rec.kind === 'total') {
      const label = rec.name !== '' ? rec.name : (rec.path.find((p) => p !== '') ?? '');
      totalRow(reader, rec.row, label, rec.values.get('score'), rec.values.get('weight'), rec.grade);
      return;
    }
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
    let opened = false;
    rec.path.forEach((p, level) => {
      const printed = rec.printed[level] === true;
      if (p === '') {
        if (changed) {
          drop(level);
          carry[level] = '';
          owner[level] = null;
        }
        if (changed || opened) current[level] = null;
        prevPrinted[level] = printed;
        return;
      }
      const fresh = carry[level] !== p;
      if (fresh) {
        drop(level);
        carry[level] = p;
        owner[level] = rec.row;
        used[level] = false;
        changed = true;
      }
      if (fresh || opened || (printed && prevPrinted[level] !== true)) {
        current[level] = null;
        opened = true;
      }
      prevPrinted[level] = printed;
      const weight = rec.labelWeights[level];
      if (weight !== null && weight !== undefined && printed) {
        setValue(groupAt(level, rec.row), 'weight', weight, rec.row, (pathCols[level] as Column).index);
      }
    });
    for (const bv of rec.blockValues) {
      let level = -1;
      pathCols.forEach((c, l) => {
        const m = sheet.mergedRows(rec.row, c.index);
        if (m !== null && m[0] === rec.row && m[1] === bv.last && carry[l] !== '') level = l;
      });
      if (level < 0) {
        log.unplaced.push(
          item(sheet.grid.locateRows(rec.row, bv.last, bv.column), bv.value, {
            en: `a ${bv.field === 'weight' ? 'weight (分值)' : 'score (得分)'} merged over several rows that no category cell spans: not imported (it belongs to no one row)`,
            zh: `跨多行合并的${bv.field === 'weight' ? '分值' : '得分'}，没有类别单元格跨相同的行：未导入（不属于某一行）`,
          }),
        );
        continue;
      }
      setValue(groupAt(level, rec.row), bv.field, bv.value, rec.row, bv.column);
      used.fill(true, 0, level + 1);
    }
    if (rec.kind === 'groupRow') {
      let level = -1;
      rec.path.forEach((p, l) => {
        if (p !== '' && rec.printed[l] === true) level = l;
      });
      const g = groupAt(level, rec.row);
      const column = (pathCols[level] as Column).index;
      for (const [f, v] of rec.values) setValue(g, f as 'weight' | 'score', v, rec.row, column);
      used.fill(true, 0, level + 1);
      return;
    }
    if (rec.kind === 'pathOnly') return;
    if (
      filled &&
      rec.values.size === 0 &&
      rec.blockValues.length === 0 &&
      PLACEHOLDER.test(compact(rec.name))
    ) {
      // The official form prints numbered rows for the unit to fill (指标1, 指标2, ……): in a
      // table filled in elsewhere, one left as the form prints it reports nothing, and is no
      // indicator of the unit's. (A blank form keeps them: its rows are all still to be filled;
      // a row with an indicator's own name and no figures is kept too.)
      log.unplaced.push(
        item(sheet.grid.locate(rec.row), sheet.rowText(rec.row), {
          en: 'an indicator row that prints only its name, no target, value, weight or score (a row of the form left unfilled): not imported',
          zh: '指标行只有名称，没有指标值、实际完成值、分值或得分（表样中未填写的行）：未导入',
        }),
      );
      return;
    }
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
  for (const f of [
    'actual',
    'periodActual',
    'expectedActual',
    'likelihood',
    'unit',
    'weight',
    'lastYear',
    'standard',
    'direction',
    'midTermTarget',
  ] as const) {
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
  const status = v('status');
  if (deviation !== undefined) published.deviation = deviation;
  if (score !== undefined) published.score = score;
  if (status !== undefined) published.status = status;
  if (Object.keys(published).length > 0) out.published = published;
  return out as unknown as Indicator;
}

/**
 * The answer marked in a 完成目标可能性 block printed as one column per answer (确定能 | 有可能 |
 * 完全不可能, one cell marked ✓ √ ○): the header of the marked column, or null. Several marks, or
 * a cell that is no mark, are listed and give no answer.
 */
function likelihoodMarks(
  reader: Reader,
  h: Header,
  r: number,
  values: Map<IndicatorField, string>,
): string | null {
  const { sheet, log } = reader;
  const options = h.columns.filter((c) => c.field === 'likelihoodOption');
  if (options.length === 0) return null;
  const answers: string[] = [];
  for (const col of options) {
    const v = sheet.dataText(r, col.index, h.last);
    if (v === '') continue;
    const answer = sheet.headerText(h.last, col.index) || col.label;
    if (isMark(v)) {
      answers.push(answer);
      continue;
    }
    log.unplaced.push(
      item(sheet.grid.locate(r, col.index), v, {
        en: `"${v}" under the answer "${answer}" of 完成目标可能性 is not a mark (✓, √, ○): not imported`,
        zh: `完成目标可能性“${answer}”栏中的“${v}”不是勾选标记（✓、√、○）：未导入`,
      }),
    );
  }
  if (answers.length <= 1) return answers[0] ?? null;
  log.unplaced.push(
    item(sheet.grid.locate(r), sheet.rowText(r), {
      en: `several answers of 完成目标可能性 are marked (${answers.join(', ')}): none is imported`,
      zh: `完成目标可能性勾选了多个选项（${answers.join('、')}）：均未导入`,
    }),
  );
  values.delete('likelihood');
  return null;
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
