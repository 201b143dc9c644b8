/**
 * The outputs of a run over many reports (`outturn check FILE... | DIR`) or target tables
 * (`outturn review FILE... | DIR`): the summary table (one row per file; a review has no total
 * and no grade), each report's findings, and the JSON of `--format json` and `--format ndjson`.
 * Pure, like the other renderers: what was found comes in as data.
 *
 * @internal
 */
import { formatPath, type Lang, type Severity, type ValidationResult } from 'outturn';
import type { DeclarationReview } from '../batch-result.js';
import type { Localized } from '../errors.js';
import { markdownCell, mdTable } from './markdown.js';
import { groupFindings, headerParts, printed, recomputedAny } from './rows.js';
import { displayWidth, painter, type Style, visible, wrap } from './terminal.js';
import { type Cell, type Column, renderTable } from './text.js';
import { MARK_ERROR, MARK_INFO, MARK_WARNING, NONE, WORDS } from './words.js';

/** One report's row of the summary table: what its header says and what was found. */
export interface SummaryRow {
  readonly entity: string;
  readonly year: string;
  /** `department`, `project`, `monitoring`, or '' when the report does not say. */
  readonly kind: string;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly printedTotal: string;
  readonly total: string;
  readonly printedGrade: string;
  readonly grade: string;
}

/** A row of the summary: a report that was checked, or a file that could not be read. */
export type BatchRow =
  | ({ readonly file: string; readonly ok: true } & SummaryRow)
  | { readonly file: string; readonly ok: false; readonly message: Localized };

/** The summary row of a result. */
export function summaryRow(result: ValidationResult): SummaryRow {
  return {
    entity: printed(result.header.entity),
    year: printed(result.header.year),
    kind: printed(result.header.kind),
    error: result.summary.error,
    warning: result.summary.warning,
    info: result.summary.info,
    printedTotal: printed(result.header.totalScore.text),
    total: result.totalScore ?? '',
    printedGrade: printed(result.header.grade.text),
    grade: result.grade ?? '',
  };
}

/**
 * The summary row of a reviewed target table: its project (项目名称) where a report has its
 * entity, its year, its scope (project, department), the findings; no total and no grade.
 */
export function reviewRow(review: DeclarationReview): SummaryRow {
  return {
    entity: printed(review.name),
    year: printed(review.year),
    kind: printed(review.scope),
    error: review.result.summary.error,
    warning: review.result.summary.warning,
    info: review.result.summary.info,
    printedTotal: '',
    total: '',
    printedGrade: '',
    grade: '',
  };
}

/** Which command the rows are of: a review's table has no total and no grade. */
export type BatchCommand = 'check' | 'review';

interface BatchWords {
  readonly file: string;
  readonly entity: string;
  readonly project: string;
  readonly year: string;
  readonly kind: string;
  readonly kinds: Readonly<Record<string, string>>;
  readonly errors: string;
  readonly warnings: string;
  readonly info: string;
  readonly printedTotal: string;
  readonly total: string;
  readonly printedGrade: string;
  readonly grade: string;
  /** How the total and grade cells of the text table read. */
  readonly arrowNote: string;
  readonly totalShort: string;
  readonly gradeShort: string;
  readonly heading: (n: number, dir: string) => string;
  readonly unreadable: string;
  readonly totals: (files: number, counts: Readonly<Record<Severity | 'unreadable', number>>) => string;
}

const BATCH_WORDS: Readonly<Record<Lang, BatchWords>> = {
  en: {
    file: 'File',
    entity: 'Entity',
    project: 'Project',
    year: 'Year',
    kind: 'Kind',
    kinds: { department: 'dept.', project: 'project', monitoring: 'monitor' },
    errors: 'Err',
    warnings: 'Warn',
    info: 'Info',
    printedTotal: 'Total (printed)',
    total: 'Total (recomputed)',
    printedGrade: 'Grade (printed)',
    grade: 'Grade (recomputed)',
    totalShort: 'Total',
    gradeShort: 'Grade',
    arrowNote: 'Total, Grade: printed → recomputed (- when there is none).',
    heading: (n, dir) => `Summary of ${n} ${n === 1 ? 'file' : 'files'}${dir === '' ? '' : ` in ${dir}`}`,
    unreadable: 'not read',
    totals: (n, c) =>
      `${n} ${n === 1 ? 'file' : 'files'}: ${c.error} errors, ${c.warning} warnings, ${c.info} info; ${c.unreadable} not read.`,
  },
  zh: {
    file: '文件',
    entity: '单位',
    project: '项目',
    year: '年度',
    kind: '类型',
    kinds: { department: '部门整体', project: '项目', monitoring: '运行监控' },
    errors: '错误',
    warnings: '警告',
    info: '提示',
    printedTotal: '总分（报告）',
    total: '总分（复算）',
    printedGrade: '等级（报告）',
    grade: '等级（复算）',
    totalShort: '总分',
    gradeShort: '等级',
    arrowNote: '总分、等级：报告值 → 复算值（没有的记为 -）。',
    heading: (n, dir) => `汇总：${dir === '' ? '' : `${dir} 中的`}${n} 个文件`,
    unreadable: '未能读取',
    totals: (n, c) =>
      `共 ${n} 个文件：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 条；未能读取 ${c.unreadable} 个。`,
  },
};

/** The counts of the whole run: findings per severity over the reports, files not read. */
export interface BatchCounts {
  readonly files: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly unreadable: number;
}

/** Adds up the rows. */
export function batchCounts(rows: readonly BatchRow[]): BatchCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  let unreadable = 0;
  for (const r of rows) {
    if (!r.ok) unreadable++;
    else {
      error += r.error;
      warning += r.warning;
      info += r.info;
    }
  }
  return { files: rows.length, error, warning, info, unreadable };
}

/** Options of the text outputs of a batch. */
export interface BatchTextOptions {
  readonly lang: Lang;
  /** ANSI colours (default false). */
  readonly color?: boolean;
  /** Maximum line width in terminal columns (default 80). */
  readonly width?: number;
  /** The command of the rows (default check). */
  readonly command?: BatchCommand;
}

/** `printed → recomputed`, `-` for a side that is not there; `-` alone when neither is. */
function arrow(printedText: string, recomputed: string): string {
  if (printedText === '' && recomputed === '') return NONE;
  return `${printedText || NONE} → ${recomputed || NONE}`;
}

/**
 * The folder every file is in (`examples/reports` of `examples/reports/a.json` and
 * `examples/reports/b.json`), '' when there is none or only one file: the text table names the
 * files below it.
 */
export function commonDirectory(files: readonly string[]): string {
  if (files.length < 2) return '';
  let parts = (files[0] as string).split('/').slice(0, -1);
  for (const f of files.slice(1)) {
    const p = f.split('/').slice(0, -1);
    let i = 0;
    while (i < parts.length && i < p.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join('/');
}

const count = (n: number, style: Style): Cell => (n === 0 ? '0' : { text: String(n), style });

/**
 * The summary of a batch as text: a heading, one row per file (entity, year, kind, findings per
 * severity, printed and recomputed total and grade; a file that could not be read gives its
 * reason instead), and a line with the totals.
 */
export function renderBatchSummary(rows: readonly BatchRow[], options: BatchTextOptions): string {
  const w = BATCH_WORDS[options.lang];
  const width = Math.max(40, options.width ?? 80);
  const paint = painter(options.color === true);
  const review = options.command === 'review';
  const columns: Column[] = [
    { header: w.file, flex: true },
    { header: review ? w.project : w.entity, flex: true },
    { header: w.year, max: 10 },
    { header: w.kind, keep: true },
    { header: w.errors, align: 'right' },
    { header: w.warnings, align: 'right' },
    { header: w.info, align: 'right' },
    ...(review
      ? []
      : ([
          { header: w.totalShort, keep: true },
          { header: w.gradeShort, keep: true },
        ] as const)),
  ];
  const dir = commonDirectory(rows.map((r) => r.file));
  const cells = rows.map((r): Cell[] => {
    const file = r.file.slice(dir.length === 0 ? 0 : dir.length + 1);
    return r.ok
      ? [
          file,
          r.entity || NONE,
          r.year || NONE,
          (w.kinds[r.kind] ?? r.kind) || NONE,
          count(r.error, 'red'),
          count(r.warning, 'yellow'),
          count(r.info, 'cyan'),
          ...(review ? [] : [arrow(r.printedTotal, r.total), arrow(r.printedGrade, r.grade)]),
        ]
      : [file, { text: `${w.unreadable}: ${r.message[options.lang]}`, style: 'red' }];
  });
  const t = renderTable(columns, cells, width, paint);
  const out: string[] = [];
  for (const l of wrap(visible(w.heading(rows.length, dir)), width)) out.push(paint(l, 'bold'));
  out.push('', t.header, t.rule, ...t.rows, '');
  if (!review) for (const l of wrap(w.arrowNote, width)) out.push(paint(l, 'dim'));
  const c = batchCounts(rows);
  for (const l of wrap(w.totals(c.files, c), width)) out.push(paint(l, 'bold'));
  return `${out.join('\n')}\n`;
}

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  error: MARK_ERROR,
  warning: MARK_WARNING,
  info: MARK_INFO,
};

/**
 * One report's part of the text output of a batch: the file and what its header says, then its
 * findings by severity (as the text output of one report lists them) and its summary line.
 */
export function renderBatchFindings(
  file: string,
  result: ValidationResult,
  options: BatchTextOptions,
): string {
  const words = WORDS[options.lang];
  const width = Math.max(40, options.width ?? 80);
  const paint = painter(options.color === true);
  const out: string[] = [];
  const para = (text: string, indent = '', style?: Style) => {
    for (const l of wrap(visible(text), width - displayWidth(indent))) out.push(paint(indent + l, style));
  };
  para(`== ${file}`, '', 'bold');
  const parts = headerParts(result.header);
  if (parts.length > 0) para(parts.join(' · '), '', 'dim');
  if (result.rejected) para(words.notAReport(result.findings.length));
  const groups = groupFindings(result.findings);
  if (groups.length === 0) {
    if (recomputedAny(result)) para(words.noFindings, '', 'green');
    else para(words.nothingRecomputed, '', 'yellow');
  }
  for (const [severity, list] of groups) {
    out.push(paint(words.count(words.severities[severity], list.length), SEVERITY_STYLE[severity]));
    for (const f of list) {
      const head = wrap(visible(`${formatPath(f.path)} (${f.code})`), width - 4);
      head.forEach((l, i) => {
        out.push(i === 0 ? `  ${paint(SEVERITY_MARK[severity], SEVERITY_STYLE[severity])} ${l}` : `    ${l}`);
      });
      para(f.message[options.lang], '    ');
    }
  }
  para(words.summary(result.summary), '', 'bold');
  return `${out.join('\n')}\n`;
}

/** The part of a file that could not be read, in the text output of a batch: its name and why. */
export function renderBatchUnreadable(file: string, message: Localized, options: BatchTextOptions): string {
  const w = BATCH_WORDS[options.lang];
  const width = Math.max(40, options.width ?? 80);
  const paint = painter(options.color === true);
  const out: string[] = [];
  for (const l of wrap(visible(`== ${file}`), width)) out.push(paint(l, 'bold'));
  for (const l of wrap(visible(`${w.unreadable}: ${message[options.lang]}`), width))
    out.push(paint(l, 'red'));
  return `${out.join('\n')}\n`;
}

/** The summary of a batch as a Markdown table, for `--format markdown`. */
export function renderBatchSummaryMarkdown(
  rows: readonly BatchRow[],
  lang: Lang,
  command: BatchCommand = 'check',
): string {
  const w = BATCH_WORDS[lang];
  const c = batchCounts(rows);
  const review = command === 'review';
  const header = [
    w.file,
    review ? w.project : w.entity,
    w.year,
    w.kind,
    w.errors,
    w.warnings,
    w.info,
    ...(review ? [] : [w.printedTotal, w.total, w.printedGrade, w.grade]),
  ];
  const body = rows.map((r) =>
    r.ok
      ? [
          r.file,
          r.entity || NONE,
          r.year || NONE,
          (w.kinds[r.kind] ?? r.kind) || NONE,
          String(r.error),
          String(r.warning),
          String(r.info),
          ...(review
            ? []
            : [r.printedTotal || NONE, r.total || NONE, r.printedGrade || NONE, r.grade || NONE]),
        ]
      : [r.file, `${w.unreadable}: ${r.message[lang]}`, ...header.slice(2).map(() => '')],
  );
  const aligns = header.map((_h, i) => (i >= 4 && i <= 8 ? 'r' : 'l') as 'l' | 'r');
  // Every cell shown, none acting: a file name or a project name may hold escape sequences.
  const table = mdTable(
    header,
    aligns,
    body.map((row) => row.map(visible)),
  ).join('\n');
  return `## ${markdownCell(w.heading(rows.length, ''))}\n\n${table}\n\n${markdownCell(w.totals(c.files, c))}\n`;
}
