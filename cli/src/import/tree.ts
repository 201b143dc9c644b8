/**
 * The tree of a budget table, from the table's own signs: indentation, 其中 (“of which”),
 * totals and subtotals (合计, 小计, 总计, Total) at the top or the bottom of their lines, and the
 * structure of the standard table 预算总金额 → 基本支出, 项目支出 → project lines, where the
 * sums decide whether the lines after a category belong to it.
 *
 * @internal
 */
import { type BudgetLine, matchesPrinted, nameKey, parseQuantity, sumFigures } from 'outturn';
import type { Grid } from './grid.js';
import type { BudgetField } from './header-words.js';
import { type ImportItem, item } from './types.js';

/** Budget columns a line can print, as stored on a line. */
export type LineField = Exclude<BudgetField, 'name' | 'budget'>;

/** A budget row as read, before it is placed in the tree. */
export interface RawLine {
  readonly name: string;
  /** Width of the name's leading white space (a full-width space counts 2). */
  readonly indent: number;
  readonly fields: ReadonlyMap<LineField, string>;
  /** 0-based grid row. */
  readonly row: number;
}

/** The amount columns whose sums decide a category's children. */
const SUMMED = ['initial', 'adjustment', 'adjusted', 'actual', 'periodActual', 'expectedActual'] as const;
type Summed = (typeof SUMMED)[number];
const COLUMN_NAMES: Record<Summed, readonly [string, string]> = {
  initial: ['initial budget', '年初预算数'],
  adjustment: ['adjustment', '追加追减数'],
  adjusted: ['adjusted budget', '调整预算数'],
  actual: ['actual', '实际支出数'],
  periodActual: ['spending of the period', '期间执行数'],
  expectedActual: ['expected spending of the year', '全年预计执行数'],
};

/** A line in the tree: the row, what its name says, its amounts read once, and its children. */
interface Node {
  readonly line: RawLine;
  /** 2 for a total (合计, Total), 1 for a subtotal (小计), 0 otherwise. */
  readonly rank: 0 | 1 | 2;
  /** 基本支出 or 项目支出, a category of the standard department table. */
  readonly category: boolean;
  /** The name starts with 其中 (“of which”): the first of the previous line's parts. */
  readonly ofWhich: boolean;
  /**
   * The exact value of each amount the line prints as a number (not `/`, `—` or text): read
   * the first time a sum needs it (most lines never take part in one).
   */
  amounts?: Partial<Record<Summed, string>>;
  children: Node[];
}

/** The node of a line: what its name says is read here, once. */
function nodeOf(line: RawLine): Node {
  const key = nameKey(line.name);
  const category = key.replace(/^其中[:：]?/, '');
  return {
    line,
    rank: totalRank(key.toLowerCase()),
    category: category === '基本支出' || category === '项目支出',
    ofWhich: key.startsWith('其中'),
    children: [],
  };
}

/** The exact amounts of a node, each cell parsed once. */
function amountsOf(node: Node): Partial<Record<Summed, string>> {
  if (node.amounts !== undefined) return node.amounts;
  const amounts: Partial<Record<Summed, string>> = {};
  for (const f of SUMMED) {
    const text = node.line.fields.get(f);
    if (text === undefined) continue;
    const q = parseQuantity(text);
    if (q.ok && q.quantity !== null) amounts[f] = q.quantity.value;
  }
  node.amounts = amounts;
  return amounts;
}

/** How a name key (lower case) reads as a total: 2 for 合计/Total, 1 for 小计/Subtotal, 0 otherwise. */
function totalRank(k: string): 0 | 1 | 2 {
  if (/^(?:小计|sub-?total)/.test(k)) return 1;
  if (/^(?:合计|总计|共计|总额|grandtotal|total)/.test(k)) return 2;
  if (/(?:总额|总金额|合计|总计)$/.test(k)) return 2;
  return 0;
}

/**
 * Whether `children` add up to `parent` in every amount column the parent prints (a blank
 * child cell adds nothing), at the parent's printed decimals. Null when no column can be
 * compared.
 */
function addsUp(
  parent: Node,
  children: readonly Node[],
): { ok: boolean; columns: string[]; zh: string[] } | null {
  const columns: string[] = [];
  const zh: string[] = [];
  let ok = true;
  for (const f of SUMMED) {
    // The exact values keep the printed decimals (`57.20` → "57.20"): the comparison is at them.
    const printed = amountsOf(parent)[f];
    if (printed === undefined) continue;
    const sum = sumFigures(children.map((c) => amountsOf(c)[f] ?? null));
    if (!sum.ok || sum.count === 0) continue;
    const cmp = matchesPrinted(sum.exact, printed);
    if (cmp === null) continue;
    columns.push(`${COLUMN_NAMES[f][0]} ${cmp.expected}`);
    zh.push(`${COLUMN_NAMES[f][1]} ${cmp.expected}`);
    if (!cmp.consistent) ok = false;
  }
  return columns.length === 0 ? null : { ok, columns, zh };
}

/** Builds the budget tree of one table. Notes say what was inferred from sums. */
export function buildTree(lines: readonly RawLine[], grid: Grid, notes: ImportItem[]): BudgetLine[] {
  const indents = new Set(lines.map((l) => l.indent));
  const roots = indents.size > 1 ? byIndentation(lines) : lines.map(nodeOf);
  return structure(roots, grid, notes).map(toBudgetLine);
}

function byIndentation(lines: readonly RawLine[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const line of lines) {
    const node = nodeOf(line);
    while (stack.length > 0 && (stack[stack.length - 1] as Node).line.indent >= line.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) roots.push(node);
    else parent.children.push(node);
    stack.push(node);
  }
  return roots;
}

/** Applies the signs to one list of siblings, then to every node's children. */
function structure(list: Node[], grid: Grid, notes: ImportItem[]): Node[] {
  let out = list;
  // A total printed first, above its parts: 预算总金额, 合计, 总额, 年度资金总额.
  const first = out[0];
  if (first !== undefined && out.length > 1 && first.children.length === 0 && first.rank > 0) {
    const rest = out.slice(1);
    if (!rest.some((n) => n.rank > 0 && n.children.length === 0 && isBottomTotal(rest, n))) {
      first.children = rest;
      out = [first];
    }
  }
  out = bottomTotals(out);
  out = ofWhich(out);
  categories(out, grid, notes);
  partsBelow(out, grid, notes);
  for (const n of out) n.children = structure(n.children, grid, notes);
  return out;
}

/** A Chinese character. */
const HAN = /\p{Script=Han}/u;

/** At most this many lines below a line are tried as its parts. */
const MAX_PARTS = 60;

/**
 * English statements print a line above its parts, at the same indentation (`Current payments`
 * above `Compensation of employees` and `Goods and services`; `Administration` above `Current
 * payment`, `Transfers and Subsidies`, `Payment of Capital Assets`). The longest run of lines
 * right below a line that adds up to it in two or more amount columns (every column it prints)
 * becomes its children; a note says so. A run that adds up in one column only, or in none, is
 * left beside it.
 */
function partsBelow(list: Node[], grid: Grid, notes: ImportItem[]): void {
  for (let i = 0; i < list.length; i++) {
    const parent = list[i] as Node;
    // Chinese tables mark their parts (其中, 基本支出/项目支出: ofWhich, categories): only
    // English lines, which print no such mark, are read by their sums here.
    if (parent.rank > 0 || parent.category || parent.children.length > 0 || HAN.test(parent.line.name))
      continue;
    let best = 0;
    let bestSums: { columns: string[]; zh: string[] } | null = null;
    for (let k = 2; k <= MAX_PARTS && i + k < list.length; k++) {
      const parts = list.slice(i + 1, i + 1 + k);
      const last = parts[parts.length - 1] as Node;
      if (last.rank > 0 || last.category) break;
      if (last.line.fields.size === 0) continue;
      const sums = addsUp(parent, parts);
      if (sums?.ok === true && sums.columns.length >= 2) {
        best = k;
        bestSums = sums;
      }
    }
    if (bestSums === null) continue;
    const parts = list.splice(i + 1, best);
    parent.children = parts;
    notes.push(
      item(
        grid.locateRows((parts[0] as Node).line.row, (parts[parts.length - 1] as Node).line.row),
        parts.map((c) => c.line.name).join('、'),
        {
          en: `placed under ${parent.line.name}, the line above them: their sums equal it (${bestSums.columns.join(', ')})`,
          zh: `归入上方的“${parent.line.name}”：各列合计与之相等（${bestSums.zh.join('，')}）`,
        },
      ),
    );
  }
}

/** True when `n` is a total printed below lines it would sum (not the first of `list`). */
function isBottomTotal(list: readonly Node[], n: Node): boolean {
  return list.indexOf(n) > 0;
}

/** Totals printed below their parts (Total, 合计, 小计) take the lines above them as children. */
function bottomTotals(list: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of list) {
    const rank = n.rank;
    if (rank === 0 || n.children.length > 0 || out.length === 0) {
      out.push(n);
      continue;
    }
    let k = out.length;
    while (k > 0) {
      const prev = out[k - 1] as Node;
      const prevRank = prev.rank;
      // A subtotal stops at the previous total of any rank; a total takes subtotals in.
      if (prevRank >= rank || (rank === 1 && prevRank > 0)) break;
      k--;
    }
    if (k === out.length) {
      out.push(n);
      continue;
    }
    n.children = out.splice(k);
    out.push(n);
  }
  return out;
}

/** 其中 lines, and the lines after them, are parts of the line above. */
function ofWhich(list: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = list[i] as Node;
    const prev = out[out.length - 1];
    if (n.ofWhich && prev !== undefined && prev.children.length === 0 && !n.category) {
      const parts: Node[] = [n];
      while (i + 1 < list.length) {
        const next = list[i + 1] as Node;
        if (next.category || next.rank > 0) break;
        parts.push(next);
        i++;
      }
      prev.children = parts;
      continue;
    }
    out.push(n);
  }
  return out;
}

/**
 * The standard department table lists 基本支出 and 项目支出, then the project lines, all at
 * one level. The lines after a category (up to the next category or total) become its
 * children when their sums equal it in every column it prints; otherwise they stay beside
 * it, and a note says so.
 */
function categories(list: Node[], grid: Grid, notes: ImportItem[]): void {
  for (let i = 0; i < list.length; i++) {
    const cat = list[i] as Node;
    if (!cat.category || cat.children.length > 0) continue;
    let j = i + 1;
    while (j < list.length) {
      const n = list[j] as Node;
      if (n.category || n.rank > 0) break;
      j++;
    }
    const candidates = list.slice(i + 1, j);
    if (candidates.length === 0) continue;
    const at = grid.locateRows(
      (candidates[0] as Node).line.row,
      (candidates[candidates.length - 1] as Node).line.row,
    );
    const names = candidates.map((c) => c.line.name).join('、');
    const sums = addsUp(cat, candidates);
    if (sums?.ok === true) {
      cat.children = candidates;
      list.splice(i + 1, candidates.length);
      notes.push(
        item(at, names, {
          en: `placed under ${cat.line.name}, the line above them: their sums equal it (${sums.columns.join(', ')})`,
          zh: `归入上方的“${cat.line.name}”：各列合计与之相等（${sums.zh.join('，')}）`,
        }),
      );
    } else {
      notes.push(
        item(at, names, {
          en: `kept beside ${cat.line.name}, not under it: ${sums === null ? 'no amount to compare' : `their sums (${sums.columns.join(', ')}) differ from it`}`,
          zh: `与“${cat.line.name}”并列，未归入其下：${sums === null ? '没有可比较的金额' : `各列合计（${sums.zh.join('，')}）与之不等`}`,
        }),
      );
    }
  }
}

const ORDER: readonly LineField[] = [
  'initial',
  'adjustment',
  'adjusted',
  'actual',
  'periodActual',
  'expectedActual',
  'carryover',
  'weight',
];
const PUBLISHED: readonly (readonly [LineField, string])[] = [
  ['executionRate', 'executionRate'],
  ['periodRate', 'periodRate'],
  ['timeProgress', 'timeProgress'],
  ['score', 'score'],
  ['variance', 'variance'],
];

function toBudgetLine(node: Node): BudgetLine {
  const line: Record<string, unknown> = { name: node.line.name };
  for (const f of ORDER) {
    const v = node.line.fields.get(f);
    if (v !== undefined) line[f] = v;
  }
  const published: Record<string, string> = {};
  for (const [f, key] of PUBLISHED) {
    const v = node.line.fields.get(f);
    if (v !== undefined) published[key] = v;
  }
  if (Object.keys(published).length > 0) line.published = published;
  if (node.children.length > 0) line.children = node.children.map(toBudgetLine);
  return line as unknown as BudgetLine;
}
