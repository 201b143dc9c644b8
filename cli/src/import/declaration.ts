/**
 * Target tables (绩效目标表 / 绩效目标申报表 / 项目支出绩效目标表 / 部门整体支出绩效目标表 /
 * 绩效目标批复表) into DESIGN §3's `kind: "declaration"`: what a unit declares before the year, read
 * in two steps.
 *
 * 1. Before the tables are read (read-grid.ts), {@link takeDeclaration} takes from each grid the
 *    rows and columns only target tables print: the project's label–value rows (项目名称, 主管部门,
 *    实施单位, 项目属性, 项目期限 / 实施期限 / 项目起止时间), the funds block (年度资金总额, 其中:财政拨款,
 *    上年结转, 其他资金 and other sub-lines), the goal rows (年度目标, 实施期目标, 当年整体绩效目标), and
 *    the project columns of a multi-project table (单位名称 | 项目名称 | 预算数 | 年度目标, merged down a
 *    project's rows). Those rows and cells are blanked in the grid given to the table reader, which
 *    then reads the indicator table as any other (path 一级/二级, name 三级, target, unit, weight,
 *    lastYear, standard, direction).
 * 2. After, {@link declarationOf} puts the report in the declaration's shape.
 *
 * A grid is a target table when its title names one ({@link isTargetTitle}) or when its indicator
 * header has a target column (指标值, 目标值, 年度指标值) and no grid column names what was done
 * (实际完成值, 执行数, 得分, 偏差 …, a self-evaluation or a monitoring table).
 *
 * @internal
 */
import { normalizeWidth, toSimplified } from 'outturn';
import type { Grid } from './grid.js';
import { amountUnitOf, headerFields, headerKey } from './headers.js';
import { type ImportItem, item } from './types.js';

/** The titles of target tables: 绩效目标表, 绩效目标申报表, 绩效目标批复表, 绩效目标审批表, 绩效目标设定. */
const TARGET_TITLE = /绩效目标(?:申报|批复|审批|审核|设定)?表|绩效目标设定/;
/** Words of a title that make it another table even when it names 绩效目标 (自评表, 监控表, 完成情况). */
const NOT_TARGET_TITLE = /自评|监控|完成情况|评价/;

/** Whether a title or caption names a target table. */
export function isTargetTitle(text: string): boolean {
  const s = fold(text);
  return TARGET_TITLE.test(s) && !NOT_TARGET_TITLE.test(s);
}

/** Width, script and spaces folded. */
function fold(text: string): string {
  return toSimplified(normalizeWidth(text)).replace(/\s+/g, '');
}

/** A label's key: headerKey's, after a leading `其中:` and a section number. */
function labelKey(text: string): string {
  const s = fold(text)
    .replace(/^[一二三四五六七八九十]+[、.]/, '')
    .replace(/^\(\d+\)/, '')
    .replace(/[:：]$/, '');
  return headerKey(s.replace(/^其中[:：]?/, '')).stripped;
}

/** What a label cell of a target table names. */
type Label =
  | 'name'
  | 'department'
  | 'implementer'
  | 'entity'
  | 'attribute'
  | 'period'
  | 'goal'
  | 'fundsBlock'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'carriedOver';

const LABEL_WORDS: readonly (readonly [Label, readonly string[]])[] = [
  ['name', ['项目名称', '项目全称', '二级项目名称', '专项名称', '专项资金名称']],
  ['department', ['主管部门', '主管部门及代码', '项目主管部门', '主管单位', '部门名称', '预算部门']],
  ['implementer', ['实施单位', '项目实施单位', '实施部门', '项目执行单位', '执行单位']],
  ['entity', ['单位名称', '预算单位', '预算单位名称']],
  ['attribute', ['项目属性', '项目类型', '项目类别']],
  [
    'period',
    [
      '项目期限',
      '实施期限',
      '项目起止时间',
      '起止时间',
      '项目实施期',
      '实施期',
      '项目期',
      '项目支出实施期',
      '建设周期',
      '项目周期',
      '实施周期',
    ],
  ],
  [
    'goal',
    [
      '年度目标',
      '年度绩效目标',
      '本年度绩效目标',
      '项目年度目标',
      '实施期目标',
      '实施期绩效目标',
      '实施期总目标',
      '总体目标',
      '中期目标',
      '长期目标',
      '当年整体绩效目标',
      '整体绩效目标',
      '年度履职目标',
      '年度主要目标和成果',
      '绩效目标',
    ],
  ],
  ['fundsBlock', ['项目资金', '资金情况', '项目资金情况', '资金来源', '预算情况', '项目资金申请']],
  [
    'total',
    [
      '年度资金总额',
      '资金总额',
      '当年资金总额',
      '年度预算金额',
      '项目总预算',
      '预算申报数',
      '预算数',
      '预算总额',
      '年度预算',
      '当年年度预算',
      '项目总投资',
      '区级支出预算总量',
      '支出预算总量',
      '年度预算总额',
      '项目资金总额',
    ],
  ],
  ['fiscal', ['财政拨款', '当年财政拨款', '财政资金', '财政性资金', '财政拨款资金', '预算资金']],
  ['other', ['其他资金', '其它资金', '其他', '自有资金', '社会资金']],
  ['carriedOver', ['上年结转', '上年结转资金', '结转资金']],
];

const LABELS: ReadonlyMap<string, Label> = (() => {
  const m = new Map<string, Label>();
  for (const [label, words] of LABEL_WORDS) for (const w of words) m.set(labelKey(w), label);
  return m;
})();

/** The label a cell names, or null. */
function labelOf(text: string): Label | null {
  const key = labelKey(text);
  return key === '' ? null : (LABELS.get(key) ?? null);
}

/** The labels whose value is an amount of the funds block. */
const FUNDS: ReadonlySet<Label> = new Set<Label>(['total', 'fiscal', 'other', 'carriedOver']);

/** Indicator fields that say a table reports what was done: never a target table's. */
const DONE_FIELDS: ReadonlySet<string> = new Set([
  'actual',
  'periodActual',
  'expectedActual',
  'likelihood',
  'likelihoodOption',
  'score',
  'deviation',
  'status',
]);
/** Budget fields of what was spent (a self-evaluation's or a monitoring table's funds block). */
const SPENT_FIELDS: ReadonlySet<string> = new Set([
  'actual',
  'executionRate',
  'periodActual',
  'periodRate',
  'expectedActual',
]);

/** A money line of the funds block: its label as printed and its amount. */
export interface FundsLine {
  readonly name: string;
  readonly value: string;
}

/** What a target table prints outside its indicator rows. */
export interface DeclarationFacts {
  name?: string;
  department?: string;
  implementer?: string;
  entity?: string;
  attribute?: string;
  period?: { start?: string; end?: string; printed: string };
  total?: string;
  fiscal?: string;
  other?: string;
  carriedOver?: string;
  /**
   * The sub-lines of the funds block as printed, in order: `project.funds.lines` when one of them
   * is neither 财政拨款, 其他资金 nor 上年结转.
   */
  subLines: FundsLine[];
  /** The money unit a funds label prints (`项目资金(万元)`). */
  amountUnit?: string;
  goals: string[];
  /** A department's row of a multi-project table: its name and total. */
  departmentTotal?: { name: string; value: string };
  /** True once a grid was found to be a target table. */
  found: boolean;
  /** Whether a title says 部门整体 / 整体支出. */
  wholeDepartment: boolean | undefined;
}

/** Empty facts, for one import. */
export function newFacts(): DeclarationFacts {
  return {
    subLines: [],
    goals: [],
    found: false,
    wholeDepartment: undefined,
  };
}

/** What {@link takeDeclaration} gives: the grid for the table reader, and what it placed or listed. */
export interface Taken {
  readonly grid: Grid;
  readonly unplaced: readonly ImportItem[];
  readonly notes: readonly ImportItem[];
}

/** Cells of a row, trimmed. */
function cellsOf(grid: Grid, r: number): string[] {
  return (grid.rows[r] ?? []).map((c) => c.trim());
}

/** The non-empty cells of a row, each once: a value a merged layout prints twice is read once. */
function filledOf(cells: readonly string[]): number[] {
  const out: number[] = [];
  cells.forEach((c, i) => {
    if (c !== '') out.push(i);
  });
  return out;
}

/** The first row of an indicator header (a name and a target column), or -1. */
function indicatorHeaderRow(grid: Grid): number {
  for (let r = 0; r < grid.rows.length; r++) {
    const fields = cellsOf(grid, r).map((c) => (c === '' ? null : headerFields(c).indicator));
    if (fields.includes('target') && (fields.includes('name') || fields.includes('path'))) return r;
  }
  return -1;
}

/**
 * Whether a header of the grid names a column of what was done or spent: the rows down to the
 * indicator header's second row (the rows below are data: a 预算执行率 row is an indicator).
 */
function reportsDone(grid: Grid, header: number): boolean {
  const last = header < 0 ? grid.rows.length - 1 : Math.min(header + 1, grid.rows.length - 1);
  for (let r = 0; r <= last; r++) {
    for (const c of cellsOf(grid, r)) {
      if (c === '' || c.length > 30) continue;
      const f = headerFields(c);
      if (f.indicator !== null && DONE_FIELDS.has(f.indicator)) return true;
      // Below the header, a 预算执行率 row is an indicator, not a column of what was spent.
      if (f.budget !== null && SPENT_FIELDS.has(f.budget) && (header < 0 || r <= header)) return true;
    }
  }
  return false;
}

/**
 * Whether a grid is a target table: a title among its first rows names one, or its indicator header
 * has a target column written in Chinese (指标值, 目标值) and no row names what was done.
 */
export function isDeclarationGrid(grid: Grid): boolean {
  const header = indicatorHeaderRow(grid);
  const limit = header < 0 ? Math.min(grid.rows.length, 12) : header;
  for (let r = 0; r < limit; r++) {
    const filled = cellsOf(grid, r).filter((c) => c !== '');
    if (filled.length >= 1 && filled.length <= 2 && filled.some(isTargetTitle))
      return !reportsDone(grid, header);
  }
  if (header < 0 || reportsDone(grid, header)) return false;
  const targetCell = cellsOf(grid, header).find((c) => c !== '' && headerFields(c).indicator === 'target');
  return targetCell !== undefined && /\p{Script=Han}/u.test(targetCell);
}

/** Whether a title says a department's (整体) table. */
function titleScope(grid: Grid, facts: DeclarationFacts): void {
  for (let r = 0; r < Math.min(grid.rows.length, 12); r++) {
    for (const c of cellsOf(grid, r)) {
      if (c === '' || !isTargetTitle(c)) continue;
      facts.wholeDepartment = /整体/.test(fold(c));
      return;
    }
  }
}

/**
 * Takes a target table's project, funds and goal rows, and the project columns of a multi-project
 * table, from a grid: records them in `facts` and gives the grid with those rows and cells blanked.
 */
export function takeDeclaration(grid: Grid, facts: DeclarationFacts): Taken {
  facts.found = true;
  titleScope(grid, facts);
  const rows = grid.rows.map((row) => [...row]);
  const unplaced: ImportItem[] = [];
  const notes: ImportItem[] = [];
  const header = indicatorHeaderRow(grid);
  const end = header < 0 ? grid.rows.length : header;
  let inFunds = false;
  for (let r = 0; r < end; r++) {
    const cells = cellsOf(grid, r);
    const filled = filledOf(cells);
    if (filled.length === 1 && takeColonCell(grid, r, cells[filled[0] as number] as string, facts, notes)) {
      rows[r] = rows[r]?.map(() => '') ?? [];
      continue;
    }
    if (filled.length < 2) {
      if (filled.length === 0) inFunds = false;
      continue;
    }
    const taken = takeRow(grid, r, cells, filled, facts, inFunds, unplaced, notes);
    if (taken === null) {
      inFunds = false;
      continue;
    }
    inFunds = taken;
    rows[r] = rows[r]?.map(() => '') ?? [];
  }
  if (header >= 0) takeProjectColumns(grid, header, rows, facts, unplaced, notes);
  return { grid: { ...grid, rows }, unplaced, notes };
}

/**
 * One label–value row before the indicator table: its pairs recorded. Null when its first cell
 * names nothing a target table prints (the row is left to the table reader); else whether the row
 * is in the funds block (a 项目资金 label, merged down, heads the lines under it).
 */
function takeRow(
  grid: Grid,
  r: number,
  cells: readonly string[],
  filled: readonly number[],
  facts: DeclarationFacts,
  inFunds: boolean,
  unplaced: ImportItem[],
  notes: ImportItem[],
): boolean | null {
  let k = 0;
  let funds = inFunds;
  const first = labelOf(cells[filled[0] as number] ?? '');
  const covered = isCoveredLeft(grid, r, filled[0] as number);
  if (first === null && !(funds && covered)) {
    // A sub-line of the funds block with a label of its own (中央补助安排 | 0).
    if (!(funds && filled.length === 2)) return null;
  }
  let any = false;
  while (k < filled.length) {
    const c = filled[k] as number;
    const text = cells[c] as string;
    const label = labelOf(text);
    if (label === 'fundsBlock') {
      funds = true;
      keepUnit(facts, text);
      k++;
      any = true;
      continue;
    }
    const next = filled[k + 1];
    const value = next === undefined ? '' : (cells[next] as string);
    if (label === null && !(funds && value !== '' && labelOf(value) === null)) {
      unplaced.push(
        item(grid.locate(r, c), text, {
          en: 'a cell of the target table’s heading rows that names nothing the declaration JSON has a field for: not imported',
          zh: '绩效目标表表头部分的单元格，声明 JSON 中没有对应字段：未导入',
        }),
      );
      k++;
      continue;
    }
    if (
      next !== undefined &&
      labelOf(value) !== null &&
      label !== null &&
      !FUNDS.has(labelOf(value) as Label)
    ) {
      // A label left blank (`实施单位 | 项目属性 | …`): nothing to record for it.
      k++;
      continue;
    }
    any = true;
    record(grid, r, c, label, text, value, facts, funds, notes);
    if (label !== null && FUNDS.has(label)) funds = true;
    k += 2;
    // The same value again in the next cell (a merged value printed twice): read once.
    while (k < filled.length && cells[filled[k] as number] === value && labelOf(value) === null) k++;
  }
  return any ? funds : null;
}

/**
 * A label and its value in one cell (`项目名称：主体班`, `实施期限：2022年1月-12月`, as PDF text
 * prints them): recorded, true. False for any other cell (`单位：万元` is the table's unit).
 */
function takeColonCell(
  grid: Grid,
  r: number,
  text: string,
  facts: DeclarationFacts,
  notes: ImportItem[],
): boolean {
  const colon = text.search(/[:：]/);
  if (colon <= 0) return false;
  const label = labelOf(text.slice(0, colon));
  const value = text.slice(colon + 1).trim();
  if (label === null || label === 'fundsBlock' || value === '') return false;
  record(grid, r, 0, label, text.slice(0, colon), value, facts, false, notes);
  return true;
}

/** Whether a cell's left neighbour is covered by a merge from an earlier row (a label merged down). */
function isCoveredLeft(grid: Grid, r: number, c: number): boolean {
  return grid.merges.some((m) => m.r0 < r && m.r1 >= r && m.c0 < c && m.c0 <= 0);
}

/** The money unit a funds label prints (`项目资金(万元)`), when none was found yet. */
function keepUnit(facts: DeclarationFacts, text: string): void {
  const unit = amountUnitOf(text);
  if (unit !== null) facts.amountUnit ??= unit;
}

/** Records one label and its value. */
function record(
  grid: Grid,
  r: number,
  c: number,
  label: Label | null,
  text: string,
  value: string,
  facts: DeclarationFacts,
  funds: boolean,
  notes: ImportItem[],
): void {
  if (label === null || (funds && !FUNDS.has(label) && label !== 'goal' && label !== 'period')) {
    // A sub-line of the funds block that is neither 财政拨款 nor 其他资金 (中央补助安排, 省级财政安排).
    facts.subLines.push({ name: text, value });
    if (label === null) {
      notes.push(
        item(grid.locate(r, c), `${text}: ${value}`, {
          en: `"${text}" under the funds is neither 财政拨款 nor 其他资金: kept in project.funds.lines with the other sub-lines`,
          zh: `资金中的“${text}”既不是财政拨款也不是其他资金：与其他分项一起列入 project.funds.lines`,
        }),
      );
    }
    return;
  }
  switch (label) {
    case 'goal':
      if (value !== '') facts.goals.push(value);
      return;
    case 'period':
      facts.period = periodOf(value);
      if (facts.period.start === undefined) {
        notes.push(
          item(grid.locate(r, c), `${text}: ${value}`, {
            en: `the period "${value}" names no start and end month (2025年1月-2025年12月, 2023.07-2024.01): kept as printed only`,
            zh: `期间“${value}”没有写明起止年月（如 2025年1月-2025年12月、2023.07-2024.01）：仅保留原文`,
          }),
        );
      }
      return;
    case 'total':
      if (facts.total !== undefined && facts.total !== value) {
        notes.push(
          item(grid.locate(r, c), `${text}: ${value}`, {
            en: `a second total of the funds (${value}) besides ${facts.total}: the first is project.funds.total, this one is a sub-line`,
            zh: `资金的第二个总额（${value}），前一个为 ${facts.total}：以前者为 project.funds.total，此项列为分项`,
          }),
        );
        facts.subLines.push({ name: text, value });
        return;
      }
      facts.total = value;
      keepUnit(facts, text);
      return;
    case 'fiscal':
    case 'other':
    case 'carriedOver':
      facts.subLines.push({ name: text, value });
      if (facts[label] === undefined) facts[label] = value;
      return;
    case 'fundsBlock':
      return;
    default:
      if (value !== '') facts[label] = value;
  }
}

/**
 * The project columns of a multi-project table (单位名称 | 项目名称 | 预算数 | 年度目标 before the
 * indicator columns, merged down each project's rows): read from the first project's rows and
 * blanked; a department's row (its name and total, no indicator) is the department; the rows of a
 * later project are listed, not read.
 */
function takeProjectColumns(
  grid: Grid,
  header: number,
  rows: string[][],
  facts: DeclarationFacts,
  unplaced: ImportItem[],
  notes: ImportItem[],
): void {
  const cells = cellsOf(grid, header);
  const projectCols = new Map<number, Label>();
  cells.forEach((text, c) => {
    if (text === '') return;
    const label = labelOf(text);
    if (label === null || label === 'fundsBlock' || label === 'fiscal' || label === 'other') return;
    const indicator = headerFields(text).indicator;
    // 年度目标 heads the project's goal in such a table; 指标值 beside it is the target.
    if (indicator !== null && indicator !== 'target') return;
    if (indicator === 'target' && label !== 'goal') return;
    projectCols.set(c, label);
  });
  if (projectCols.size === 0) return;
  const hasTarget = cells.some(
    (t, c) => t !== '' && !projectCols.has(c) && headerFields(t).indicator === 'target',
  );
  if (!hasTarget) return;
  for (const c of projectCols.keys()) (rows[header] as string[])[c] = '';
  const nameCol = [...projectCols].find(([, l]) => l === 'name')?.[0];
  let project: string | null = null;
  for (let r = header + 1; r < grid.rows.length; r++) {
    const row = cellsOf(grid, r);
    const indicatorFilled = row.some((t, c) => t !== '' && !projectCols.has(c));
    const name = nameCol === undefined ? '' : (row[nameCol] ?? '');
    if (!indicatorFilled) {
      const values = [...projectCols.keys()].map((c) => row[c] ?? '').filter((t) => t !== '');
      if (values.length === 0) continue;
      if (project === null && name === '') {
        // The department's row: its name (单位名称) and its total (预算数).
        const unitCol = [...projectCols].find(([, l]) => l === 'entity' || l === 'department')?.[0];
        const totalCol = [...projectCols].find(([, l]) => l === 'total')?.[0];
        const dept = unitCol === undefined ? '' : (row[unitCol] ?? '');
        if (dept !== '') {
          facts.departmentTotal = { name: dept, value: totalCol === undefined ? '' : (row[totalCol] ?? '') };
          rows[r] = (rows[r] ?? []).map(() => '');
          notes.push(
            item(grid.locate(r), row.filter((t) => t !== '').join(' | '), {
              en: `the department's row of a table of several projects: ${dept} is project.department, its total is departmentTotal (not the project's funds)`,
              zh: `多项目表中的部门行：${dept} 作为 project.department，其合计列为 departmentTotal（不是项目资金）`,
            }),
          );
          continue;
        }
      }
    }
    if (name !== '' && project !== null && name !== project) {
      // A later project of the table: one declaration is one project.
      unplaced.push(
        item(grid.locateRows(r, grid.rows.length - 1), name, {
          en: `the table declares another project from here ("${name}"): one declaration is one project, so only the first ("${project}") is imported; import the others from a file each`,
          zh: `从此处起表中是另一个项目（“${name}”）：一份目标表对应一个项目，只导入第一个项目（“${project}”），其他项目请分别导入`,
        }),
      );
      for (let k = r; k < grid.rows.length; k++) rows[k] = (rows[k] ?? []).map(() => '');
      break;
    }
    for (const [c, label] of projectCols) {
      const v = row[c] ?? '';
      if (v === '') continue;
      if (label === 'name') project ??= v;
      if (label === 'goal') {
        if (!facts.goals.includes(v)) facts.goals.push(v);
      } else if (label === 'total') facts.total ??= v;
      else if (label === 'entity') facts.implementer ??= v;
      else if (label === 'period') facts.period ??= periodOf(v);
      else if (label === 'name' || label === 'department' || label === 'implementer' || label === 'attribute')
        facts[label] ??= v;
      (rows[r] as string[])[c] = '';
    }
  }
}

/** `2025年1月`, `2023.07`, `2023-01-01`, `202001`: a year and a month (and a day). */
const DATE = /(\d{4})[年.\-/]?(\d{2}|\d(?!\d))月?(?:(?<!月)[.\-/](\d{1,2})(?![\d月])|(\d{1,2})日)?/y;
/** A month without a year after the separator (`2025年1月-12月`). */
const MONTH = /(\d{1,2})月(?:(\d{1,2})日)?/y;
const SEPARATOR = /[至到\-－—–~～]+/y;

/** A date as `YYYY-MM` or `YYYY-MM-DD`, or null when the month or day is impossible. */
function dateText(y: string, m: string, d: string | undefined): string | null {
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (d === undefined) return `${y}-${mm}`;
  const day = Number(d);
  if (day < 1 || day > 31) return null;
  return `${y}-${mm}-${String(day).padStart(2, '0')}`;
}

/**
 * The start and end of a printed period (`2025年1月-2025年12月`, `2025年1月-12月`,
 * `2023.07-2024.01`, `2023-01-01至2023-12-31`, `202001-202012`), with the printed text; only the
 * text when it names no two dates (`1年`, `20246-202516`).
 */
export function periodOf(printed: string): { start?: string; end?: string; printed: string } {
  const s = normalizeWidth(printed).replace(/\s+/g, '');
  const at = (re: RegExp, i: number) => {
    re.lastIndex = i;
    return re.exec(s);
  };
  for (let i = 0; i < s.length; i++) {
    if (!/\d/.test(s[i] as string) || (i > 0 && /\d/.test(s[i - 1] as string))) continue;
    const a = at(DATE, i);
    if (a === null) continue;
    const start = dateText(a[1] as string, a[2] as string, a[3] ?? a[4]);
    if (start === null) continue;
    const sep = at(SEPARATOR, i + a[0].length);
    if (sep === null) continue;
    const j = i + a[0].length + sep[0].length;
    const b = at(DATE, j);
    let end: string | null = null;
    if (b !== null) end = dateText(b[1] as string, b[2] as string, b[3] ?? b[4]);
    else {
      const m = at(MONTH, j);
      if (m !== null) end = dateText(a[1] as string, m[1] as string, m[2]);
    }
    if (end !== null && end >= start) return { start, end, printed };
  }
  return { printed };
}

/**
 * The declaration JSON of an import (DESIGN §3 `kind: "declaration"`), from the report the table
 * reader assembled and the facts {@link takeDeclaration} found. Fields in the order of §3; the
 * facts a self-evaluation would keep (`kind: project`, `budget`) do not apply.
 */
export function declarationOf(
  report: Record<string, unknown>,
  facts: DeclarationFacts,
  notes: ImportItem[],
  at: Parameters<typeof item>[0],
): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'declaration' };
  if (facts.wholeDepartment === true) out.scope = 'department';
  for (const key of ['title', 'entity', 'year', 'amountUnit', 'source']) {
    if (report[key] !== undefined) out[key] = report[key];
  }
  const entity = facts.implementer ?? facts.entity ?? facts.department;
  if (entity !== undefined) out.entity = entity;
  if (out.amountUnit === undefined && facts.amountUnit !== undefined) out.amountUnit = facts.amountUnit;
  const project: Record<string, unknown> = {};
  if (facts.name !== undefined) project.name = facts.name;
  const department =
    facts.department ??
    facts.departmentTotal?.name ??
    (facts.wholeDepartment === true ? facts.entity : undefined);
  if (department !== undefined) project.department = department;
  if (facts.implementer !== undefined) project.implementer = facts.implementer;
  if (facts.attribute !== undefined) project.attribute = facts.attribute;
  if (facts.period !== undefined) project.period = facts.period;
  const funds: Record<string, unknown> = {};
  if (facts.total !== undefined) funds.total = facts.total;
  if (facts.fiscal !== undefined) funds.fiscal = facts.fiscal;
  if (facts.other !== undefined) funds.other = facts.other;
  if (facts.carriedOver !== undefined) funds.carriedOver = facts.carriedOver;
  const known = facts.subLines.every((l) => {
    const label = labelOf(l.name);
    return label === 'fiscal' || label === 'other' || label === 'carriedOver';
  });
  if (!known) funds.lines = facts.subLines.map((l) => ({ name: l.name, value: l.value }));
  if (Object.keys(funds).length > 0) project.funds = funds;
  if (Object.keys(project).length > 0) out.project = project;
  if (facts.departmentTotal !== undefined) out.departmentTotal = facts.departmentTotal;
  const goals = [...facts.goals];
  for (const g of (report.goals as { expected?: string }[] | undefined) ?? []) {
    if (g.expected !== undefined && g.expected !== '') goals.push(g.expected);
  }
  if (goals.length > 0) out.goals = goals;
  if (report.indicators !== undefined) out.indicators = report.indicators;
  if (report.groups !== undefined) out.groups = report.groups;
  if (report.budget !== undefined) {
    notes.push(
      item(at, '', {
        en: 'a budget table in a target table: a target table has funds (project.funds), not budget lines, so its lines are not part of the declaration JSON',
        zh: '绩效目标表中有预算表：目标表只有项目资金（project.funds），没有预算行，故这些预算行不在声明 JSON 中',
      }),
    );
  }
  if (facts.total === undefined && facts.subLines.length >= 2) {
    // 年度本级预算金额 250万 | 该项目支出上级资金 0: the total is their sum, or the first line alone.
    const shown = facts.subLines.map((l) => `${l.name} ${l.value}`).join(', ');
    notes.push(
      item(at, shown, {
        en: `the funds print sub-lines and no total (${shown}): the total can be read as their sum or as the first line alone, so none is set; add project.funds.total to the declaration JSON before its costs are checked against the funds`,
        zh: `资金只列分项、没有总额（${shown}）：总额既可读作各分项之和，也可读作第一项，故未设定；核对成本与资金前，请在声明 JSON 中补充 project.funds.total`,
      }),
    );
  } else if (facts.total === undefined) {
    notes.push(
      item(at, '', {
        en: 'no 年度资金总额 (or 预算数, 项目总预算) was found: add project.funds.total to the declaration JSON before its costs are checked against the funds',
        zh: '没有找到年度资金总额（或预算数、项目总预算）：核对成本与资金前，请在声明 JSON 中补充 project.funds.total',
      }),
    );
  }
  return out;
}
