/**
 * A PEFA dataset (DESIGN §3, `kind: "pefa"`) from a table of rows `year | table | line | budget |
 * actual`: one row per line of one fiscal year, in any format the importers read (CSV, a
 * worksheet, a table of a page, a Word document or a PDF). `table` says which table of the
 * dataset the row belongs to: an administrative, functional or programme head (PI-1, PI-2.1), an
 * economic item (PI-2.2), the contingency vote (PI-2.3), interest, the printed total, or a revenue
 * category (PI-3). Rows such as `entity,…` and `unit,…` before the header give the dataset's facts;
 * rows whose first cell starts with `#` are comments (except in a PDF, whose lines are what it prints).
 *
 * Nothing is dropped silently: a row that cannot be placed (no year, an unknown table, a second
 * contingency row for a year) is in `unplaced` with its location and the reason; what was
 * inferred (a year without any budget figure read as a year without an approved budget) is in
 * `notes`. Figures are kept exactly as printed.
 *
 * @internal
 */
import { normalizeWidth } from 'outturn';
import type { Grid } from './grid.js';
import { headerKey } from './headers.js';
import { failure, type ImportFailure, type ImportItem, item, type Location } from './types.js';

/** The columns of a PEFA table. */
type PefaColumn = 'year' | 'table' | 'line' | 'budget' | 'actual';

/** The tables of a PEFA dataset that a row may belong to. */
export type PefaTableName =
  | 'administrative'
  | 'functional'
  | 'programme'
  | 'economic'
  | 'contingency'
  | 'interest'
  | 'total'
  | 'revenue';

/** Header words of each column, English and Chinese (matched after {@link headerKey}). */
const COLUMN_WORDS: readonly (readonly [PefaColumn, readonly string[]])[] = [
  ['year', ['year', 'fiscal year', 'financial year', 'fy', '年度', '年份', '财年', '财政年度', '预算年度']],
  ['table', ['table', 'classification', 'category', 'type', '表', '表格', '类别', '分类', '类型']],
  [
    'line',
    [
      'line',
      'name',
      'item',
      'head',
      'vote',
      'line item',
      'budget line',
      '名称',
      '项目',
      '科目',
      '行',
      '预算行',
    ],
  ],
  [
    'budget',
    [
      'budget',
      'original budget',
      'approved budget',
      'original approved budget',
      'budgeted',
      '预算',
      '预算数',
      '年初预算',
      '年初预算数',
      '批准预算',
      '原始预算',
    ],
  ],
  [
    'actual',
    [
      'actual',
      'outturn',
      'actual outturn',
      'actuals',
      'executed',
      '决算',
      '决算数',
      '实际',
      '实际数',
      '执行数',
      '实际支出',
    ],
  ],
];

/** Words of each table (a cell of the `table` column). */
const TABLE_WORDS: readonly (readonly [PefaTableName, readonly string[]])[] = [
  [
    'administrative',
    [
      'administrative',
      'admin',
      'administrative head',
      'administrative classification',
      'vote',
      '行政',
      '部门',
      '按部门',
      '行政分类',
    ],
  ],
  [
    'functional',
    ['functional', 'function', 'functional classification', 'cofog', '功能', '功能分类', '按功能'],
  ],
  [
    'programme',
    [
      'programme',
      'program',
      'programmatic',
      'programme classification',
      '规划',
      '方案',
      '按项目',
      '项目分类',
    ],
  ],
  ['economic', ['economic', 'economic classification', 'economic item', '经济', '经济分类', '按经济分类']],
  [
    'contingency',
    ['contingency', 'contingency vote', 'contingency reserve', 'reserve', '预备费', '应急准备金'],
  ],
  ['interest', ['interest', 'interest payments', 'interest on debt', '利息', '债务付息', '付息']],
  [
    'total',
    [
      'total',
      'total expenditure',
      'aggregate',
      'aggregate expenditure',
      '合计',
      '总计',
      '支出合计',
      '总支出',
    ],
  ],
  ['revenue', ['revenue', 'revenues', 'receipts', 'revenue category', '收入', '收入分类', '财政收入']],
];

/** Words of the facts before the header. */
const FACT_WORDS: readonly (readonly ['entity' | 'amountUnit', readonly string[]])[] = [
  ['entity', ['entity', 'government', 'country', 'jurisdiction', '主体', '单位名称', '政府', '地区']],
  ['amountUnit', ['unit', 'amount unit', 'amountunit', 'currency', 'units', '单位', '金额单位', '计量单位']],
];

function wordMap<K extends string>(
  words: readonly (readonly [K, readonly string[]])[],
): ReadonlyMap<string, K> {
  const map = new Map<string, K>();
  for (const [key, list] of words) for (const w of list) map.set(headerKey(w).stripped, key);
  return map;
}

const COLUMNS = wordMap(COLUMN_WORDS);
const TABLES = wordMap(TABLE_WORDS);
const FACTS = wordMap(FACT_WORDS);

/** The names a `table` cell may take, for messages. */
export const PEFA_TABLE_NAMES: readonly PefaTableName[] = TABLE_WORDS.map(([name]) => name);

/** One line of a PEFA table, figures as printed. */
export interface PefaRow {
  readonly name: string;
  readonly budget?: string;
  readonly actual?: string;
}

/** Budget and outturn of a one-row table (contingency, interest, total). */
export interface PefaPair {
  readonly budget?: string;
  readonly actual?: string;
}

/** One fiscal year of the dataset, as DESIGN §3 gives it. */
export interface PefaYearRecord {
  readonly year: string;
  readonly approvedBudget: boolean;
  readonly expenditure: {
    readonly administrative?: PefaRow[];
    readonly functional?: PefaRow[];
    readonly programme?: PefaRow[];
    readonly economic?: PefaRow[];
    readonly contingency?: PefaPair;
    readonly interest?: PefaPair;
    readonly total?: PefaPair;
  };
  readonly revenue?: PefaRow[];
}

/** The dataset read, with what could not be placed and what was inferred. */
export interface PefaReading {
  readonly ok: true;
  readonly dataset: {
    readonly kind: 'pefa';
    readonly entity?: string;
    readonly amountUnit?: string;
    readonly years: PefaYearRecord[];
  };
  readonly unplaced: ImportItem[];
  readonly notes: ImportItem[];
}

interface Header {
  readonly row: number;
  readonly columns: Readonly<Record<PefaColumn, number>>;
}

/** A cell as printed, without the spaces around it (matching normalises; kept text never is). */
const clean = (text: string | undefined): string => (text ?? '').trim();

/** A `#` row of any format but a PDF is a comment, as in the report tables (sheet.ts `isComment`). */
function isComment(grid: Grid, row: readonly string[]): boolean {
  if (grid.format === 'pdf') return false;
  const first = row.find((c) => clean(c) !== '');
  return first !== undefined && clean(first).startsWith('#');
}

/** The header row of a grid: the first row that names all five columns, each once. */
function findHeader(grid: Grid): Header | null {
  for (let r = 0; r < grid.rows.length; r++) {
    const found: Partial<Record<PefaColumn, number>> = {};
    const row = grid.rows[r] ?? [];
    let duplicate = false;
    for (let c = 0; c < row.length; c++) {
      const key = headerKey(clean(row[c]));
      const column = COLUMNS.get(key.stripped) ?? COLUMNS.get(key.kept);
      if (column === undefined) continue;
      if (found[column] !== undefined) duplicate = true;
      found[column] = c;
    }
    const { year, table, line, budget, actual } = found;
    if (!duplicate && year !== undefined && table !== undefined && line !== undefined) {
      if (budget !== undefined && actual !== undefined) {
        return { row: r, columns: { year, table, line, budget, actual } };
      }
    }
  }
  return null;
}

/** The table a cell names, or undefined. */
function tableOf(text: string): PefaTableName | undefined {
  const key = headerKey(text);
  return TABLES.get(key.stripped) ?? TABLES.get(key.kept);
}

/** The text of a row for messages: its non-empty cells joined by " | ". */
function rowText(row: readonly string[]): string {
  return row
    .map(clean)
    .filter((c) => c !== '')
    .join(' | ');
}

interface YearDraft {
  readonly year: string;
  readonly at: Location;
  readonly lists: Map<'administrative' | 'functional' | 'programme' | 'economic' | 'revenue', PefaRow[]>;
  readonly pairs: Map<'contingency' | 'interest' | 'total', PefaPair>;
  anyBudget: boolean;
}

const LIST_TABLES = new Set<PefaTableName>([
  'administrative',
  'functional',
  'programme',
  'economic',
  'revenue',
]);

/** Budget and actual of a row, each only when the cell is not blank. */
function figures(row: readonly string[], h: Header): PefaPair {
  const budget = clean(row[h.columns.budget]);
  const actual = clean(row[h.columns.actual]);
  return { ...(budget === '' ? {} : { budget }), ...(actual === '' ? {} : { actual }) };
}

/**
 * Reads a PEFA dataset from the grids of one file. Fails when no grid has a header row naming
 * the five columns (year, table, line, budget, actual — or 年度, 类别, 项目, 预算数, 决算数) or
 * when the table under it has no row.
 */
export function readPefaGrids(grids: readonly Grid[], at: Location | undefined): PefaReading | ImportFailure {
  const unplaced: ImportItem[] = [];
  const notes: ImportItem[] = [];
  const facts: { entity?: string; amountUnit?: string } = {};
  const drafts = new Map<string, YearDraft>();
  let headers = 0;
  for (const grid of grids) {
    const header = findHeader(grid);
    if (header === null) continue;
    headers += 1;
    readFacts(grid, header.row, facts, unplaced);
    for (let r = header.row + 1; r < grid.rows.length; r++) {
      const row = grid.rows[r] ?? [];
      if (row.every((c) => clean(c) === '') || isComment(grid, row)) continue;
      placeRow(grid, r, row, header, drafts, unplaced);
    }
  }
  if (headers === 0) {
    return failure(
      'no PEFA table was found: a header row needs the columns year, table, line, budget and actual (or 年度, 类别, 项目, 预算数, 决算数)',
      '没有找到 PEFA 表：表头应有 year、table、line、budget、actual 五列（或 年度、类别、项目、预算数、决算数）',
      at,
    );
  }
  if (drafts.size === 0) {
    return failure(
      'a PEFA table with a header and no row that could be read under it',
      'PEFA 表只有表头，表头下没有可以读取的行',
      at,
    );
  }
  const years: PefaYearRecord[] = [];
  for (const d of drafts.values()) {
    if (!d.anyBudget) {
      notes.push(
        item(d.at, d.year, {
          en: `${d.year}: no line prints a budget, read as a year without an approved budget (approvedBudget: false)`,
          zh: `${d.year}：没有任何一行列出预算数，视为当年没有批准的预算（approvedBudget: false）`,
        }),
      );
    }
    const expenditure: Record<string, unknown> = {};
    for (const name of ['administrative', 'functional', 'programme', 'economic'] as const) {
      const list = d.lists.get(name);
      if (list !== undefined) expenditure[name] = list;
    }
    for (const name of ['contingency', 'interest', 'total'] as const) {
      const pair = d.pairs.get(name);
      if (pair !== undefined) expenditure[name] = pair;
    }
    const revenue = d.lists.get('revenue');
    years.push({
      year: d.year,
      approvedBudget: d.anyBudget,
      expenditure: expenditure as PefaYearRecord['expenditure'],
      ...(revenue === undefined ? {} : { revenue }),
    });
  }
  return { ok: true, dataset: { kind: 'pefa', ...facts, years }, unplaced, notes };
}

/** The `key,value` rows above the header: entity and unit; any other non-empty row is unplaced. */
function readFacts(
  grid: Grid,
  headerRow: number,
  facts: { entity?: string; amountUnit?: string },
  unplaced: ImportItem[],
): void {
  for (let r = 0; r < headerRow; r++) {
    const row = grid.rows[r] ?? [];
    const cells = row.map(clean).filter((c) => c !== '');
    if (cells.length === 0 || isComment(grid, row)) continue;
    let key: string | undefined = cells[0];
    let value: string | undefined = cells[1];
    if (cells.length === 1) {
      // `单位：万元`, `Unit: Ushs thousands`: a label and its value in one cell.
      const colon = normalizeWidth(key ?? '').search(/:/);
      if (colon > 0) {
        value = (key ?? '').slice(colon + 1).trim();
        key = (key ?? '').slice(0, colon);
      }
    }
    const fact = key === undefined ? undefined : FACTS.get(headerKey(key.replace(/[:：]\s*$/, '')).stripped);
    if (fact !== undefined && value !== undefined && value !== '' && cells.length <= 2) {
      if (facts[fact] === undefined) facts[fact] = value;
      continue;
    }
    unplaced.push(
      item(grid.locate(r), rowText(row), {
        en: 'a row above the PEFA table that is not a fact outturn reads (entity, unit)',
        zh: 'PEFA 表上方的一行，不是 outturn 能读取的基本信息（主体、单位）',
      }),
    );
  }
}

function placeRow(
  grid: Grid,
  r: number,
  row: readonly string[],
  h: Header,
  drafts: Map<string, YearDraft>,
  unplaced: ImportItem[],
): void {
  const year = clean(row[h.columns.year]);
  const tableText = clean(row[h.columns.table]);
  const name = clean(row[h.columns.line]);
  const text = rowText(row);
  if (year === '') {
    unplaced.push(
      item(grid.locate(r, h.columns.year), text, {
        en: 'a row without a year: every row of a PEFA table needs its fiscal year',
        zh: '没有年度的行：PEFA 表的每一行都应写明财政年度',
      }),
    );
    return;
  }
  const table = tableOf(tableText);
  if (table === undefined) {
    const names = PEFA_TABLE_NAMES.join(', ');
    unplaced.push(
      item(grid.locate(r, h.columns.table), text, {
        en: `"${tableText}" is not a table of a PEFA dataset (${names})`,
        zh: `“${tableText}”不是 PEFA 数据集中的表（${names}）`,
      }),
    );
    return;
  }
  let draft = drafts.get(year);
  if (draft === undefined) {
    draft = {
      year,
      at: grid.locate(r, h.columns.year),
      lists: new Map(),
      pairs: new Map(),
      anyBudget: false,
    };
    drafts.set(year, draft);
  }
  const amounts = figures(row, h);
  if (amounts.budget !== undefined) draft.anyBudget = true;
  if (LIST_TABLES.has(table)) {
    const key = table as 'administrative' | 'functional' | 'programme' | 'economic' | 'revenue';
    if (name === '') {
      unplaced.push(
        item(grid.locate(r, h.columns.line), text, {
          en: `a ${table} row without a line name`,
          zh: `${table} 表中没有名称的行`,
        }),
      );
      return;
    }
    const list = draft.lists.get(key) ?? [];
    list.push({ name, ...amounts });
    draft.lists.set(key, list);
    return;
  }
  const key = table as 'contingency' | 'interest' | 'total';
  if (draft.pairs.has(key)) {
    unplaced.push(
      item(grid.locate(r), text, {
        en: `a second ${table} row for ${year}: the first one is kept`,
        zh: `${year} 年的第二行 ${table}：保留第一行`,
      }),
    );
    return;
  }
  draft.pairs.set(key, amounts);
}
