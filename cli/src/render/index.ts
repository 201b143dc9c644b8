/**
 * Rendering of a validation result for the CLI: text (an 80-column terminal table, CJK
 * characters two columns wide), Markdown (for an audit memo) and the JSON object of DESIGN §3.
 *
 * Every function here is pure: it takes the report, the result and the language and returns a
 * string (or a plain object). No figure is computed here: printed figures come from the report,
 * recomputed ones from the result, and a mark (✓ ✗ !) from the findings at that cell's path.
 *
 * @internal
 */
import {
  type CellCheck,
  type Finding,
  formatPath,
  type Lang,
  type Path,
  type ReportHeader,
  type ScoreResult,
  SEVERITIES,
  type Severity,
  type ValidationResult,
} from 'outturn';

// ---------------------------------------------------------------------------------------------
// Display width

const ESC = String.fromCharCode(27);
const ANSI_SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/** Removes ANSI colour sequences (SGR) from a string. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_SGR, '');
}

/** Columns a code point takes in a terminal: 0 (combining, control), 1 or 2 (East Asian wide). */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp === 0) return 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0; // control characters
  if (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritical marks
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, direction marks
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff ||
    (cp >= 0x1160 && cp <= 0x11ff) // Hangul jamo medial vowels and final consonants
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo initial consonants
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK Unified Ideographs extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xa960 && cp <= 0xa97f) || // Hangul Jamo extended A
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe10 && cp <= 0xfe19) || // vertical forms
    (cp >= 0xfe30 && cp <= 0xfe6f) || // CJK compatibility forms, small form variants
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) || // full-width signs
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
    (cp >= 0x1f900 && cp <= 0x1f9ff) || // supplemental symbols and pictographs
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B and later
  ) {
    return 2;
  }
  return 1;
}

/**
 * Columns a string takes in a terminal: CJK ideographs, CJK punctuation, full-width forms,
 * Hangul and kana count two; combining marks and control characters none; ANSI colour
 * sequences are ignored.
 *
 * @example
 * ```ts
 * displayWidth('预算执行率 93.74%'); // 17
 * ```
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of stripAnsi(text)) w += codePointWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/** Cuts `text` to at most `width` columns, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = codePointWidth(ch.codePointAt(0) ?? 0);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Pads `text` with spaces on the right (or the left) to `width` columns. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Punctuation that must not start a line. */
const CLOSING = new Set([...'，。、；：！？）》」』】〕”’,.;:!?)]}%…']);
/** Punctuation that must not end a line. */
const OPENING = new Set([...'（《「『【〔“‘([{']);

/**
 * Wraps text to lines of at most `width` columns: at spaces between words, and between any
 * two CJK characters (never before closing or after opening punctuation). A word wider than
 * a line is cut. Newlines in the text start a new line.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) out.push(...wrapParagraph(paragraph, Math.max(width, 2)));
  return out;
}

function wrapParagraph(text: string, width: number): string[] {
  // Atoms: a space, a word of narrow characters, or one wide character.
  const atoms: string[] = [];
  let word = '';
  for (const ch of text) {
    if (ch === ' ' || ch === '\t') {
      if (word) atoms.push(word);
      word = '';
      if (atoms[atoms.length - 1] !== ' ') atoms.push(' ');
    } else if (codePointWidth(ch.codePointAt(0) ?? 0) === 2) {
      if (word) atoms.push(word);
      word = '';
      atoms.push(ch);
    } else word += ch;
  }
  if (word) atoms.push(word);
  // Tokens, the units of wrapping: punctuation is glued to its neighbour.
  const tokens: string[] = [];
  for (const atom of atoms) {
    const last = tokens.length - 1;
    const prev = tokens[last];
    const glue =
      atom !== ' ' &&
      prev !== undefined &&
      prev !== ' ' &&
      (CLOSING.has(atom[0] ?? '') || OPENING.has(prev[prev.length - 1] ?? ''));
    if (glue) tokens[last] = prev + atom;
    else tokens.push(atom);
  }
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let space = false;
  for (const token of tokens) {
    if (token === ' ') {
      space = line !== '';
      continue;
    }
    const tw = displayWidth(token);
    const need = tw + (space ? 1 : 0);
    if (lineWidth + need <= width) {
      line += (space ? ' ' : '') + token;
      lineWidth += need;
    } else {
      if (line !== '') lines.push(line);
      line = '';
      lineWidth = 0;
      if (tw <= width) {
        line = token;
        lineWidth = tw;
      } else {
        for (const ch of token) {
          const cw = codePointWidth(ch.codePointAt(0) ?? 0);
          if (lineWidth + cw > width) {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += ch;
          lineWidth += cw;
        }
      }
    }
    space = false;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Colours

/** Text styles of the text renderer. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

const SGR: Readonly<Record<Style, [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

type Paint = (text: string, style: Style | undefined) => string;

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, style) => {
    if (style === undefined || text === '') return text;
    const [on, off] = SGR[style];
    return `${ESC}[${on}m${text}${ESC}[${off}m`;
  };
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** Shrinks first when the table is too wide (names). */
  readonly flex?: boolean;
  /** Spaces before the column (default 2). */
  readonly gap?: number;
  readonly max?: number;
  /** Never cut (status words). */
  readonly keep?: boolean;
}

interface StyledCell {
  readonly text: string;
  readonly style?: Style | undefined;
}
type Cell = string | StyledCell;

interface Table {
  readonly header: string;
  readonly rule: string;
  readonly rows: readonly string[];
  readonly width: number;
}

function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  maxWidth: number,
  paint: Paint,
): Table {
  const widths = columns.map((col, i) => {
    let w = displayWidth(col.header);
    for (const row of rows) w = Math.max(w, displayWidth(cellText(row[i] ?? '')));
    return Math.min(w, col.max ?? Number.POSITIVE_INFINITY);
  });
  const gaps = columns.map((col, i) => (i === 0 ? 0 : (col.gap ?? 2)));
  const total = () => widths.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
  // Shrink the widest column, one column at a time; a flexible column (a name) counts as 12
  // narrower, so it keeps more room than the figures. A flexible column keeps 8 columns,
  // another its header (at least 4); a `keep` column is never cut.
  const minimum = columns.map((col, i) =>
    col.keep ? (widths[i] ?? 0) : col.flex ? 8 : Math.max(4, displayWidth(col.header)),
  );
  while (total() > maxWidth) {
    let pick = -1;
    let best = Number.NEGATIVE_INFINITY;
    columns.forEach((col, i) => {
      const w = widths[i] ?? 0;
      if (w <= (minimum[i] ?? 0)) return;
      const score = col.flex ? w - 12 : w;
      if (score > best) {
        best = score;
        pick = i;
      }
    });
    if (pick < 0) break;
    widths[pick] = (widths[pick] ?? 0) - 1;
  }
  const line = (cells: readonly Cell[], headerStyle?: Style) =>
    columns
      .map((col, i) => {
        const cell = cells[i] ?? '';
        const w = widths[i] ?? 0;
        const text = truncate(cellText(cell), w);
        const fill = ' '.repeat(Math.max(0, w - displayWidth(text)));
        const style = headerStyle ?? (typeof cell === 'string' ? undefined : cell.style);
        const painted = paint(text, style);
        return ' '.repeat(gaps[i] ?? 0) + (col.align === 'right' ? fill + painted : painted + fill);
      })
      .join('')
      .trimEnd();
  const width = total();
  return {
    header: line(
      columns.map((c) => c.header),
      'bold',
    ),
    rule: '-'.repeat(Math.min(width, maxWidth)),
    rows: rows.map((r) => line(r)),
    width,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the report and the findings

/**
 * What the renderers show: the file and the result of the checks. The result carries every
 * printed cell with its check state, so nothing here reads the report again.
 */
export interface RenderInput {
  /** The file name as the user gave it. */
  readonly file: string;
  /** The result of `validateReport` or `checkReport` (rejected: the findings say why). */
  readonly result: ValidationResult;
}

/** A printed cell as text: strings as they are, numbers in JS notation, anything else empty. */
function printed(v: unknown): string {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

function withUnit(text: string, unit: unknown): string {
  const u = printed(unit);
  return text !== '' && u !== '' && !text.endsWith(u) ? `${text} ${u}` : text;
}

/** Findings indexed by the exact path they point at. */
class FindingIndex {
  private readonly byPath = new Map<string, Finding[]>();
  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      const k = JSON.stringify(f.path);
      const list = this.byPath.get(k);
      if (list) list.push(f);
      else this.byPath.set(k, [f]);
    }
  }
  at(path: Path): readonly Finding[] {
    return this.byPath.get(JSON.stringify(path)) ?? [];
  }
  /** The most serious severity at `path`, among errors and warnings. */
  worst(path: Path): Severity | null {
    const list = this.at(path);
    if (list.some((f) => f.severity === 'error')) return 'error';
    if (list.some((f) => f.severity === 'warning')) return 'warning';
    return null;
  }
}

const MARK_OK = '✓';
const MARK_ERROR = '✗';
const MARK_WARNING = '!';
const MARK_INFO = 'i';
const NONE = '-';

/** ✗ for an error at the path, ! for a warning, ✓ when `checked` and nothing is wrong. */
function markCell(cell: CellCheck): StyledCell {
  if (cell.worst === 'error') return { text: MARK_ERROR, style: 'red' };
  if (cell.worst === 'warning') return { text: MARK_WARNING, style: 'yellow' };
  return cell.checked ? { text: MARK_OK, style: 'green' } : { text: '' };
}

/** The recomputed figure a finding at `path` gives, when the result has none (zero target). */
function recomputedAt(index: FindingIndex, path: Path): string | undefined {
  return index.at(path).find((f) => f.recomputed !== undefined)?.recomputed;
}

// ---------------------------------------------------------------------------------------------
// Words

interface Words {
  readonly file: string;
  readonly notAReport: (n: number) => string;
  readonly budget: (unit: string) => string;
  readonly line: string;
  readonly adjusted: string;
  readonly actual: string;
  readonly printedRate: string;
  readonly recomputedRate: string;
  readonly indicators: string;
  readonly name: string;
  readonly target: string;
  readonly achieved: string;
  readonly colon: string;
  readonly count: (label: string, n: number) => string;
  readonly printedDeviation: string;
  readonly recomputedDeviation: string;
  readonly status: string;
  readonly statuses: Readonly<Record<string, string>>;
  readonly crossChecks: string;
  readonly printedValue: string;
  readonly recomputedValue: string;
  readonly formula: string;
  readonly findings: string;
  readonly severity: string;
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly noFindings: string;
  readonly legend: string;
  readonly indexNote: string;
  readonly summary: (counts: Readonly<Record<Severity, number>>) => string;
  readonly figures: (budget: number, indicators: number, crossChecks: number) => string;
  readonly check: string;
  readonly printedScore: string;
  readonly recomputedScore: string;
  readonly scores: string;
  readonly total: (recomputed: string, printed: string) => string;
  readonly grade: (recomputed: string, printed: string) => string;
  readonly category: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const WORDS: Readonly<Record<Lang, Words>> = {
  en: {
    file: 'File',
    notAReport: (n) =>
      `The file is valid JSON but not a report in outturn's format (${plural(n, 'problem', 'problems')}).`,
    budget: (unit) => (unit ? `Budget execution (amounts in ${unit})` : 'Budget execution'),
    line: 'Budget line',
    adjusted: 'Adjusted',
    actual: 'Actual',
    printedRate: 'Printed',
    recomputedRate: 'Recomputed',
    indicators: 'Indicators: status and deviation',
    name: 'Indicator',
    target: 'Target',
    achieved: 'Actual',
    colon: ': ',
    count: (label, n) => `${label} (${n})`,
    printedDeviation: 'Printed',
    recomputedDeviation: 'Recomputed',
    status: 'Status',
    statuses: {
      met: 'met',
      'not-met': 'not met',
      'needs-judgement': 'review',
      'not-reported': 'no data',
      unparsable: 'unreadable',
    },
    crossChecks: "Cross-checks against the report's own data",
    printedValue: 'Printed',
    recomputedValue: 'Recomputed',
    formula: 'Formula',
    findings: 'Findings',
    severity: 'Severity',
    code: 'Code',
    path: 'Path',
    message: 'Message',
    severities: { error: 'Errors', warning: 'Warnings', info: 'Info' },
    noFindings: 'No findings: every printed figure recomputes.',
    legend: `${MARK_OK} consistent, ${MARK_ERROR} error, ${MARK_WARNING} warning (see Findings)`,
    indexNote: '#: position in the report\'s "indicators" list, as in the finding paths',
    summary: (c) =>
      `Summary: ${plural(c.error, 'error', 'errors')}, ${plural(c.warning, 'warning', 'warnings')}, ${c.info} info.`,
    figures: (b, i, x) =>
      `Recomputed ${plural(b, 'budget line', 'budget lines')}, ${plural(i, 'indicator', 'indicators')}, ${plural(x, 'cross-check', 'cross-checks')}.`,
    check: 'Check',
    printedScore: 'Printed score',
    recomputedScore: 'Recomputed score',
    scores: 'Scores (得分): printed and recomputed',
    total: (r, p) => `Total score: ${r} recomputed, ${p} printed.`,
    grade: (r, p) => `Grade: ${r} recomputed, ${p} printed.`,
    category: 'Category',
  },
  zh: {
    file: '文件',
    notAReport: (n) => `该文件是有效的 JSON，但不符合 outturn 的报告格式（${n} 处问题）。`,
    budget: (unit) => (unit ? `预算执行情况（金额单位：${unit}）` : '预算执行情况'),
    line: '预算项目',
    adjusted: '调整预算数',
    actual: '实际支出数',
    printedRate: '报告执行率',
    recomputedRate: '复算执行率',
    indicators: '绩效指标：完成情况与偏差',
    name: '指标名称',
    target: '目标值',
    achieved: '完成值',
    colon: '：',
    count: (label, n) => `${label}（${n}）`,
    printedDeviation: '报告偏差',
    recomputedDeviation: '复算偏差',
    status: '状态',
    statuses: {
      met: '达成',
      'not-met': '未达成',
      'needs-judgement': '需判断',
      'not-reported': '未填报',
      unparsable: '无法解析',
    },
    crossChecks: '交叉核对（按报告自身数据复算）',
    printedValue: '报告值',
    recomputedValue: '复算值',
    formula: '公式',
    findings: '问题与提示',
    severity: '级别',
    code: '代码',
    path: '位置',
    message: '说明',
    severities: { error: '错误', warning: '警告', info: '提示' },
    noFindings: '未发现问题：报告中的数字均可复算一致。',
    legend: `${MARK_OK} 一致，${MARK_ERROR} 错误，${MARK_WARNING} 警告（详见“问题与提示”）`,
    indexNote: '#：指标在报告 indicators 列表中的下标，与问题位置一致',
    summary: (c) => `小结：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 条。`,
    figures: (b, i, x) => `已复算预算行 ${b} 行、指标 ${i} 项、交叉核对 ${x} 项。`,
    check: '核对',
    printedScore: '报告得分',
    recomputedScore: '复算得分',
    scores: '得分：报告值与复算值',
    total: (r, p) => `总分：复算 ${r}，报告 ${p}。`,
    grade: (r, p) => `等级：复算 ${r}，报告 ${p}。`,
    category: '类别',
  },
};

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  error: MARK_ERROR,
  warning: MARK_WARNING,
  info: MARK_INFO,
};
const STATUS_STYLE: Readonly<Record<string, Style>> = {
  met: 'green',
  'not-met': 'yellow',
  'needs-judgement': 'cyan',
  'not-reported': 'dim',
  unparsable: 'yellow',
};

function headerParts(header: ReportHeader): string[] {
  const parts: string[] = [];
  const entity = printed(header.entity);
  const year = printed(header.year);
  const title = printed(header.title);
  if (entity) parts.push(entity);
  if (year) parts.push(year);
  if (title) parts.push(title);
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Rows shared by text and Markdown

interface BudgetRow {
  readonly name: string;
  readonly depth: number;
  readonly adjusted: string;
  readonly actual: string;
  readonly actualMark: StyledCell;
  readonly printedRate: string;
  readonly recomputedRate: string;
  readonly rateMark: StyledCell;
  readonly printedScore: string;
  readonly recomputedScore: string;
  readonly scoreMark: StyledCell;
}

function budgetRows(input: RenderInput): BudgetRow[] {
  return input.result.budget.map((b) => {
    const c = b.cells;
    return {
      name: b.name,
      depth: b.depth,
      adjusted: printed(c.adjusted.text) || NONE,
      actual: printed(c.actual.text) || NONE,
      actualMark: markCell(c.actual),
      printedRate: printed(c.executionRate.text) || NONE,
      recomputedRate: b.executionRate ?? NONE,
      rateMark: markCell(c.executionRate),
      ...scoreCells(c.score, b.score),
    };
  });
}

interface IndicatorRow {
  readonly index: string;
  readonly category: string;
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  readonly actualMark: StyledCell;
  readonly status: StyledCell;
  readonly printedDeviation: string;
  readonly recomputedDeviation: string;
  readonly deviationMark: StyledCell;
  readonly printedScore: string;
  readonly recomputedScore: string;
  readonly scoreMark: StyledCell;
}

function indicatorRows(input: RenderInput, index: FindingIndex, words: Words): IndicatorRow[] {
  return input.result.indicators.map((ind) => {
    const c = ind.cells;
    const unit = c.unit.text;
    const devPath = [...ind.path, 'published', 'deviation'];
    const recomputed = ind.deviation ?? recomputedAt(index, devPath) ?? null;
    const last = ind.path[ind.path.length - 1];
    return {
      index: typeof last === 'number' ? String(last) : '',
      category: ind.category.map(printed).filter(Boolean).join(' / '),
      name: ind.name,
      target: withUnit(printed(c.target.text), unit) || NONE,
      actual: withUnit(printed(c.actual.text), unit) || NONE,
      actualMark: markCell(c.actual),
      status: { text: words.statuses[ind.status] ?? ind.status, style: STATUS_STYLE[ind.status] },
      printedDeviation: printed(c.deviation.text) || NONE,
      recomputedDeviation: recomputed ?? NONE,
      deviationMark: markCell(c.deviation),
      ...scoreCells(c.score, ind.score ?? bandText(ind.scoreResult)),
    };
  });
}

function scoreCells(cell: CellCheck, recomputed: string | null) {
  return {
    printedScore: printed(cell.text) || NONE,
    recomputedScore: recomputed ?? NONE,
    scoreMark: markCell(cell),
  };
}

/** A qualitative score's band as `[8, 10]` or `[6, 8)`, or null when there is none. */
function bandText(r: ScoreResult | null): string | null {
  if (!r?.ok || r.band === null) return null;
  return `[${r.band.min}, ${r.band.max}${r.band.maxInclusive ? ']' : ')'}`;
}

function pickScore(r: { printedScore: string; recomputedScore: string; scoreMark: StyledCell }) {
  return { printedScore: r.printedScore, recomputedScore: r.recomputedScore, scoreMark: r.scoreMark };
}

/** Whether any row prints or recomputes a score (project tables). */
function hasScores(
  rows: readonly { readonly printedScore: string; readonly recomputedScore: string }[],
): boolean {
  return rows.some((r) => r.printedScore !== NONE || r.recomputedScore !== NONE);
}

function crossCheckMark(consistent: boolean | null): StyledCell {
  if (consistent === true) return { text: MARK_OK, style: 'green' };
  if (consistent === false) return { text: MARK_ERROR, style: 'red' };
  return { text: '?', style: 'yellow' };
}

function groupFindings(findings: readonly Finding[]): [Severity, Finding[]][] {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s)] as [Severity, Finding[]]).filter(
    ([, list]) => list.length > 0,
  );
}

/** Lines on the total score and the grade, when the report prints them or they are recomputed. */
function totals(input: RenderInput, words: Words): string[] {
  const out: string[] = [];
  const printedTotal = printed(input.result.header.totalScore.text);
  const printedGrade = printed(input.result.header.grade.text);
  if (input.result.totalScore !== null || printedTotal !== '') {
    out.push(words.total(input.result.totalScore ?? NONE, printedTotal || NONE));
  }
  if (input.result.grade !== null || printedGrade !== '') {
    out.push(words.grade(input.result.grade ?? NONE, printedGrade || NONE));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Options of {@link renderText}. */
export interface TextOptions {
  readonly lang: Lang;
  /** ANSI colours (default false). */
  readonly color?: boolean;
  /** Maximum line width in terminal columns (default 80). */
  readonly width?: number;
}

/**
 * The result as text for a terminal: a header, the budget table, the indicator table, the
 * cross-checks, the findings grouped by severity, and a summary line. No line is wider than
 * `width` columns (CJK characters count two).
 */
export function renderText(input: RenderInput, options: TextOptions): string {
  const words = WORDS[options.lang];
  const width = Math.max(40, options.width ?? 80);
  const paint = painter(options.color === true);
  const index = new FindingIndex(input.result.findings);
  const out: string[] = [];
  const para = (text: string, indent = '', style?: Style) => {
    for (const l of wrap(text, width - displayWidth(indent))) out.push(paint(indent + l, style));
  };
  const heading = (text: string) => {
    out.push('');
    para(text, '', 'bold');
  };

  // Header
  const title = printed(input.result.header.title);
  const parts = headerParts(input.result.header).filter((p) => p !== title);
  if (parts.length > 0) para(parts.join(' · '), '', 'bold');
  if (title) para(title, '', 'bold');
  para(`${words.file}${words.colon}${input.file}`, '', 'dim');
  if (input.result.rejected) para(words.notAReport(input.result.findings.length));

  // Budget
  const budget = budgetRows(input);
  if (budget.length > 0) {
    heading(words.budget(printed(input.result.header.amountUnit)));
    const t = renderTable(
      [
        { header: words.line, flex: true },
        { header: words.adjusted, align: 'right' },
        { header: words.actual, align: 'right' },
        { header: '', gap: 1 },
        { header: words.printedRate, align: 'right' },
        { header: words.recomputedRate, align: 'right' },
        { header: '', gap: 1 },
      ],
      budget.map((r) => [
        '  '.repeat(r.depth) + r.name,
        r.adjusted,
        r.actual,
        r.actualMark,
        r.printedRate,
        r.recomputedRate,
        r.rateMark,
      ]),
      width,
      paint,
    );
    out.push(t.header, t.rule, ...t.rows);
  }

  // Indicators
  const indicators = indicatorRows(input, index, words);
  if (indicators.length > 0) {
    heading(words.indicators);
    const t = renderTable(
      [
        { header: '#', align: 'right' },
        { header: words.name, flex: true },
        { header: words.target, max: 12 },
        { header: words.achieved, max: 12 },
        { header: '', gap: 1 },
        { header: words.status, keep: true },
        { header: words.printedDeviation, align: 'right', max: 10 },
        { header: words.recomputedDeviation, align: 'right', max: 10 },
        { header: '', gap: 1 },
      ],
      indicators.map((r) => [
        r.index,
        r.name,
        r.target,
        r.actual,
        r.actualMark,
        r.status,
        r.printedDeviation,
        r.recomputedDeviation,
        r.deviationMark,
      ]),
      width,
      paint,
    );
    out.push(t.header, t.rule);
    let category: string | null = null;
    indicators.forEach((r, i) => {
      if (r.category !== category && r.category !== '')
        out.push(paint(truncate(`[${r.category}]`, width), 'dim'));
      category = r.category;
      out.push(t.rows[i] ?? '');
    });
  }

  // Scores of project tables: budget lines and indicators that print or recompute one.
  const scored = [
    ...budget.map((r) => ({ index: '', name: r.name, ...pickScore(r) })),
    ...indicators.map((r) => ({ index: r.index, name: r.name, ...pickScore(r) })),
  ].filter((r) => r.printedScore !== NONE || r.recomputedScore !== NONE);
  if (scored.length > 0) {
    heading(words.scores);
    const t = renderTable(
      [
        { header: '#', align: 'right' },
        { header: words.name, flex: true },
        { header: words.printedScore, align: 'right', max: 16 },
        { header: words.recomputedScore, align: 'right', max: 16 },
        { header: '', gap: 1 },
      ],
      scored.map((r) => [r.index, r.name, r.printedScore, r.recomputedScore, r.scoreMark]),
      width,
      paint,
    );
    out.push(t.header, t.rule, ...t.rows);
  }

  // Cross-checks
  if (input.result.crossChecks.length > 0) {
    heading(words.crossChecks);
    const checks = input.result.crossChecks;
    const t = renderTable(
      [
        { header: '#', align: 'right' },
        { header: words.name, flex: true },
        { header: words.printedValue, align: 'right' },
        { header: words.recomputedValue, align: 'right' },
        { header: '', gap: 1 },
      ],
      checks.map((c) => {
        const last = c.path[1];
        return [
          typeof last === 'number' ? String(last) : '',
          c.name,
          printed(c.published) || NONE,
          c.recomputed ?? NONE,
          crossCheckMark(c.consistent),
        ];
      }),
      width,
      paint,
    );
    out.push(t.header, t.rule);
    checks.forEach((c, i) => {
      out.push(t.rows[i] ?? '');
      para(`${words.formula}${words.colon}${c.formula[options.lang]}`, '      ', 'dim');
    });
  }

  if (budget.length > 0 || indicators.length > 0) {
    out.push('');
    para(words.legend, '', 'dim');
    if (indicators.length > 0) para(words.indexNote, '', 'dim');
  }

  // Findings
  heading(words.findings);
  const groups = groupFindings(input.result.findings);
  if (groups.length === 0) para(words.noFindings, '', 'green');
  for (const [severity, list] of groups) {
    out.push(paint(words.count(words.severities[severity], list.length), SEVERITY_STYLE[severity]));
    for (const f of list) {
      const head = wrap(`${formatPath(f.path)} (${f.code})`, width - 4);
      head.forEach((l, i) => {
        out.push(i === 0 ? `  ${paint(SEVERITY_MARK[severity], SEVERITY_STYLE[severity])} ${l}` : `    ${l}`);
      });
      para(f.message[options.lang], '    ');
    }
  }

  out.push('');
  for (const t of totals(input, words)) para(t, '', 'bold');
  para(words.summary(input.result.summary), '', 'bold');
  if (!input.result.rejected) {
    para(
      words.figures(
        input.result.budget.length,
        input.result.indicators.length,
        input.result.crossChecks.length,
      ),
      '',
      'dim',
    );
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** A table cell: `|` escaped, line breaks collapsed to spaces. */
export function markdownCell(text: string): string {
  const cell = trimSpaces(
    text
      .replace(/\r\n|\r|\n/g, ' ')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|'),
  );
  // A cell that a spreadsheet would run as a formula (=SUM(…), +cmd, -1+2, @x) when the memo is
  // pasted into one gets a backslash, which Markdown renders as nothing: the text looks the same.
  // Plain numbers (-6.26%, +43.37 pp) and dashes stay as they are.
  const first = cell[0];
  if ((first === '=' || first === '+' || first === '-' || first === '@') && !isPlainFigure(cell))
    return `\\${cell}`;
  return cell;
}

/** Spaces and tabs trimmed at both ends, with index loops (linear on any input). */
function trimSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === ' ' || s[start] === '\t')) start += 1;
  while (end > start && (s[end - 1] === ' ' || s[end - 1] === '\t')) end -= 1;
  return s.slice(start, end);
}

/** A signed figure as outturn prints it (`-6.26%`, `+43.37 pp`, `-7379`), or only dashes. */
function isPlainFigure(s: string): boolean {
  if (/^-+$/.test(s)) return true;
  return /^[+-]\d{1,3}(?:[, ]?\d{3})*(?:\.\d+)?(?:%| pp)?$/.test(s);
}

function mdTable(
  headers: readonly string[],
  aligns: readonly ('l' | 'r' | 'c')[],
  rows: readonly (readonly string[])[],
) {
  const sep = aligns.map((a) => (a === 'r' ? '---:' : a === 'c' ? ':---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(headers), `| ${sep.join(' | ')} |`, ...rows.map(line)];
}

function markText(cell: StyledCell): string {
  return cell.text;
}

/**
 * The result as Markdown for an audit memo: a heading, the file, the summary, and pipe tables
 * of the budget, the indicators, the cross-checks and the findings.
 */
export function renderMarkdown(input: RenderInput, options: { readonly lang: Lang }): string {
  const words = WORDS[options.lang];
  const index = new FindingIndex(input.result.findings);
  const out: string[] = [];
  const parts = headerParts(input.result.header);
  out.push(`# outturn check${parts.length > 0 ? `: ${parts.join(' · ').replace(/\s+/g, ' ')}` : ''}`, '');
  out.push(`${words.file}${words.colon}\`${input.file.replace(/`/g, "'").replace(/\s+/g, ' ')}\``, '');
  if (input.result.rejected) out.push(words.notAReport(input.result.findings.length), '');
  out.push(`**${words.summary(input.result.summary)}**`, '');
  const totalLines = totals(input, words);
  if (totalLines.length > 0) out.push(totalLines.join('  \n'), '');

  const budget = budgetRows(input);
  if (budget.length > 0) {
    out.push(`## ${words.budget(printed(input.result.header.amountUnit))}`, '');
    const scores = hasScores(budget);
    out.push(
      ...mdTable(
        [
          words.line,
          words.adjusted,
          words.actual,
          words.printedRate,
          words.recomputedRate,
          words.check,
          ...(scores ? [words.printedScore, words.recomputedScore, words.check] : []),
        ],
        ['l', 'r', 'r', 'r', 'r', 'c', ...(scores ? (['r', 'r', 'c'] as const) : [])],
        budget.map((r) => [
          '\u3000'.repeat(r.depth) + r.name,
          r.adjusted,
          r.actual + (r.actualMark.text ? ` ${r.actualMark.text}` : ''),
          r.printedRate,
          r.recomputedRate,
          markText(r.rateMark),
          ...(scores ? [r.printedScore, r.recomputedScore, markText(r.scoreMark)] : []),
        ]),
      ),
      '',
    );
  }

  const indicators = indicatorRows(input, index, words);
  if (indicators.length > 0) {
    const scores = hasScores(indicators);
    out.push(`## ${words.indicators}`, '');
    out.push(
      ...mdTable(
        [
          '#',
          words.category,
          words.name,
          words.target,
          words.achieved,
          words.status,
          words.printedDeviation,
          words.recomputedDeviation,
          words.check,
          ...(scores ? [words.printedScore, words.recomputedScore, words.check] : []),
        ],
        ['r', 'l', 'l', 'l', 'l', 'l', 'r', 'r', 'c', ...(scores ? (['r', 'r', 'c'] as const) : [])],
        indicators.map((r) => [
          r.index,
          r.category,
          r.name,
          r.target,
          r.actual + (r.actualMark.text ? ` ${r.actualMark.text}` : ''),
          r.status.text,
          r.printedDeviation,
          r.recomputedDeviation,
          markText(r.deviationMark),
          ...(scores ? [r.printedScore, r.recomputedScore, markText(r.scoreMark)] : []),
        ]),
      ),
      '',
    );
  }

  if (input.result.crossChecks.length > 0) {
    out.push(`## ${words.crossChecks}`, '');
    out.push(
      ...mdTable(
        ['#', words.name, words.printedValue, words.recomputedValue, words.formula, words.check],
        ['r', 'l', 'r', 'r', 'l', 'c'],
        input.result.crossChecks.map((c) => {
          const last = c.path[1];
          return [
            typeof last === 'number' ? String(last) : '',
            c.name,
            printed(c.published) || NONE,
            c.recomputed ?? NONE,
            c.formula[options.lang],
            markText(crossCheckMark(c.consistent)),
          ];
        }),
      ),
      '',
    );
  }

  if (budget.length > 0 || indicators.length > 0) out.push(`${words.legend}`, '');

  out.push(`## ${words.findings}`, '');
  if (input.result.findings.length === 0) out.push(words.noFindings, '');
  else {
    out.push(
      ...mdTable(
        [words.severity, words.code, words.path, words.message],
        ['l', 'l', 'l', 'l'],
        groupFindings(input.result.findings).flatMap(([severity, list]) =>
          list.map((f) => [words.severities[severity], f.code, formatPath(f.path), f.message[options.lang]]),
        ),
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// JSON

/** A finding in `--format json`: the message in one language. */
export interface JsonFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly path: (string | number)[];
  readonly message: string;
  readonly published?: string;
  readonly recomputed?: string;
}

/** The object `--format json` prints (DESIGN §3): the same keys for every input. */
export interface JsonOutput {
  readonly summary: Record<Severity, number>;
  readonly findings: JsonFinding[];
  readonly budget: {
    readonly path: (string | number)[];
    readonly name: string;
    readonly executionRate: string | null;
    readonly executionRateExact: string | null;
    readonly variance: string | null;
    readonly overspend: boolean;
    readonly score: string | null;
  }[];
  readonly indicators: {
    readonly path: (string | number)[];
    readonly name: string;
    readonly status: string;
    readonly deviation: string | null;
    readonly deviationRelative: string | null;
    readonly deviationAbsolute: string | null;
    readonly deviationUnit: string | null;
    readonly achievement: string | null;
    readonly score: string | null;
  }[];
  readonly crossChecks: {
    readonly id: string;
    readonly path: (string | number)[];
    readonly name: string;
    readonly published: string;
    readonly recomputed: string | null;
    readonly recomputedExact: string | null;
    readonly consistent: boolean | null;
    readonly formula: string;
  }[];
  readonly totalScore: string | null;
  readonly grade: string | null;
}

/** The result as the plain object of `--format json`, messages and formulas in `lang`. */
export function toJsonOutput(result: ValidationResult, lang: Lang): JsonOutput {
  return {
    summary: { error: result.summary.error, warning: result.summary.warning, info: result.summary.info },
    findings: result.findings.map((f) => {
      const out: {
        code: string;
        severity: Severity;
        path: (string | number)[];
        message: string;
        published?: string;
        recomputed?: string;
      } = { code: f.code, severity: f.severity, path: [...f.path], message: f.message[lang] };
      if (f.published !== undefined) out.published = f.published;
      if (f.recomputed !== undefined) out.recomputed = f.recomputed;
      return out;
    }),
    budget: result.budget.map((b) => ({
      path: [...b.path],
      name: b.name,
      executionRate: b.executionRate,
      executionRateExact: b.executionRateExact,
      variance: b.variance,
      overspend: b.overspend,
      score: b.score,
    })),
    indicators: result.indicators.map((i) => ({
      path: [...i.path],
      name: i.name,
      status: i.status,
      deviation: i.deviation,
      deviationRelative: i.deviationRelative,
      deviationAbsolute: i.deviationAbsolute,
      deviationUnit: i.deviationUnit,
      achievement: i.achievement,
      score: i.score,
    })),
    crossChecks: result.crossChecks.map((c) => ({
      id: c.id,
      path: [...c.path],
      name: c.name,
      published: c.published,
      recomputed: c.recomputed,
      recomputedExact: c.recomputedExact,
      consistent: c.consistent,
      formula: c.formula[lang],
    })),
    totalScore: result.totalScore,
    grade: result.grade,
  };
}

/** `--format json`: {@link toJsonOutput}, pretty-printed with 2 spaces and a final newline. */
export function renderJson(result: ValidationResult, lang: Lang): string {
  return `${JSON.stringify(toJsonOutput(result, lang), null, 2)}\n`;
}
