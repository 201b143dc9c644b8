/**
 * The documents of `outturn review --format html|xlsx|csv`, for one target table or many: the
 * findings (rule, code, severity, indicator, message) and the rules (which ran, with what
 * severity, which did not and why: turned off, or the table is cut off in its source), in the
 * look of check's documents and through the same parts: the HTML page of html.ts (its
 * Content-Security-Policy, style sheet, tables, escaping), the workbook writer of xlsx.ts and
 * the CSV of csv.ts (formula-like fields made text). Pure but for loading SheetJS.
 *
 * @internal
 */
import {
  formatPath,
  type Lang,
  type Path,
  type ReviewFinding,
  type ReviewResult,
  type Severity,
} from 'outturn';
import type { DeclarationReview } from '../batch-result.js';
import { sheetCsv } from './csv.js';
import {
  type Column,
  htmlDocument,
  num,
  pill,
  type Row,
  SEVERITY_MARK,
  SEVERITY_STYLE,
  table,
} from './html.js';
import { escapeHtml } from './html-text.js';
import { HTML_WORDS, type HtmlWords } from './html-words.js';
import { printed } from './rows.js';
import { type Style, visible } from './terminal.js';
import { type AuditSheet, type SheetCell, writeWorkbook } from './xlsx.js';

/** One reviewed target table, as a document shows it. */
export interface ReviewInput extends DeclarationReview {
  /** The file it was read from, as given. */
  readonly file: string;
}

/** Options of the review documents. */
export interface ReviewDocumentOptions {
  readonly lang: Lang;
  /** Whether the document is of many tables (a summary first), even when only one could be read. */
  readonly many?: boolean;
}

interface ReviewDocWords {
  readonly title: string;
  readonly tables: (n: number) => string;
  readonly none: string;
  readonly project: string;
  readonly summary: string;
  readonly findings: string;
  readonly rules: string;
  readonly noFindings: string;
  readonly rule: string;
  readonly code: string;
  readonly severity: string;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly indicator: string;
  readonly path: string;
  readonly message: string;
  readonly sources: string;
  readonly state: string;
  readonly ran: string;
  readonly notRun: string;
  readonly file: string;
  readonly skipped: Readonly<Record<string, string>>;
  readonly counts: (s: Readonly<Record<Severity, number>>) => string;
  readonly made: string;
}

const DOC_WORDS: Readonly<Record<Lang, ReviewDocWords>> = {
  en: {
    title: 'outturn review',
    tables: (n) => `${n} target ${n === 1 ? 'table' : 'tables'}`,
    none: 'No target table to show.',
    project: 'Project',
    summary: 'Summary',
    findings: 'Findings',
    rules: 'Rules',
    noFindings: 'No findings.',
    rule: 'Rule',
    code: 'Code',
    severity: 'Severity',
    severities: { error: 'error', warning: 'warning', info: 'info' },
    indicator: 'Indicator',
    path: 'Path',
    message: 'Message',
    sources: 'Sources',
    state: 'State',
    ran: 'ran',
    notRun: 'not run',
    file: 'File',
    skipped: { off: 'not run: turned off', truncated: 'not run: the table is cut off in its source' },
    counts: (s) => `${s.error} error(s), ${s.warning} warning(s), ${s.info} note(s)`,
    made: 'Made by outturn: each target table reviewed by the rules of docs/review.md. This file makes no network request and runs no script.',
  },
  zh: {
    title: 'outturn 绩效目标审核',
    tables: (n) => `${n} 张目标表`,
    none: '没有可显示的目标表。',
    project: '项目',
    summary: '汇总',
    findings: '问题',
    rules: '规则',
    noFindings: '没有发现问题。',
    rule: '规则',
    code: '代码',
    severity: '级别',
    severities: { error: '错误', warning: '警告', info: '提示' },
    indicator: '指标',
    path: '位置',
    message: '说明',
    sources: '出处',
    state: '状态',
    ran: '已执行',
    notRun: '未执行',
    file: '文件',
    skipped: { off: '未执行：已关闭', truncated: '未执行：表格在来源中不完整' },
    counts: (s) => `错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个`,
    made: '由 outturn 生成：目标表按 docs/review.md 的规则审核。本文件不发出任何网络请求，也不运行任何脚本。',
  },
};

/** Whether `prefix` is the start of `path`, segment by segment. */
function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length > 0 && prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

/** The name of the indicator a finding is about (the row whose path its path starts with), or ''. */
export function indicatorOf(result: ReviewResult, finding: ReviewFinding): string {
  let best = '';
  let depth = 0;
  for (const i of result.indicators) {
    if (i.path.length > depth && startsWith(finding.path, i.path)) {
      best = i.name;
      depth = i.path.length;
    }
  }
  return best;
}

/** What the state cell of a rule says: ran, or why not. */
function stateOf(w: ReviewDocWords, rule: ReviewResult['rules'][number]): string {
  if (rule.applied) return w.ran;
  return w.skipped[rule.skipped ?? ''] ?? `${w.notRun}: ${rule.skipped ?? ''}`;
}

/** Findings most serious first, as the other outputs list them. */
function ordered(result: ReviewResult): ReviewFinding[] {
  const rank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
  // A stable sort: within a severity, in the order the review found them.
  return [...result.findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

// ---------------------------------------------------------------------------------------------
// HTML

const t = (text: string) => escapeHtml(text);

const SEVERITY_CELL = (severity: Severity, w: ReviewDocWords) =>
  pill({
    text: `${SEVERITY_MARK[severity]} ${w.severities[severity]}`,
    style: SEVERITY_STYLE[severity] as Style,
  });

function countCells(s: Readonly<Record<Severity, number>>) {
  return [
    { text: String(s.error), cls: s.error > 0 ? 'num m-red mark' : 'num' },
    { text: String(s.warning), cls: s.warning > 0 ? 'num m-yellow mark' : 'num' },
    num(String(s.info)),
  ];
}

function overviewHtml(inputs: readonly ReviewInput[], w: ReviewDocWords, hw: HtmlWords): string {
  const out = ['<section class="overview" id="summary">', `<h1>${t(w.title)}</h1>`];
  out.push(`<p class="summary">${t(w.tables(inputs.length))}</p>`);
  if (inputs.length === 0) {
    out.push(`<p>${t(w.none)}</p>`, '</section>');
    return out.join('\n');
  }
  const rows = inputs.map(
    (one, i): Row => ({
      cells: [
        { html: `<a href="#r${i + 1}" class="file">${t(printed(one.file) || '-')}</a>` },
        printed(one.name) || '-',
        printed(one.year) || '-',
        (one.scope && hw.kinds[one.scope]) || printed(one.scope) || '-',
        ...countCells(one.result.summary),
      ],
    }),
  );
  const columns: Column[] = [
    { header: w.file },
    { header: w.project },
    { header: hw.year },
    { header: hw.kind },
    { header: hw.errors, cls: 'num' },
    { header: hw.warnings, cls: 'num' },
    { header: hw.infos, cls: 'num' },
  ];
  out.push(table(columns, rows, 'overview'), '</section>');
  return out.join('\n');
}

function reviewHtml(
  input: ReviewInput,
  prefix: string,
  w: ReviewDocWords,
  hw: HtmlWords,
  lang: Lang,
  many: boolean,
): string {
  const { result } = input;
  const heading = many ? 'h2' : 'h1';
  const out = [`<article class="report" id="${prefix}">`, `<header id="${prefix}-header">`];
  const title = [printed(input.name), printed(input.year)].filter(Boolean).join(' · ');
  out.push(`<${heading}>${t(title || w.title)}</${heading}>`);
  out.push(`<p class="muted"><span class="file">${t(printed(input.file))}</span></p>`);
  const c = result.summary;
  out.push(
    `<p class="counts"><span class="error">${t(hw.errors)} ${c.error}</span><span class="warning">${t(hw.warnings)} ${c.warning}</span><span class="info">${t(hw.infos)} ${c.info}</span></p>`,
    `<p class="summary">${t(w.counts(c))}</p>`,
    '</header>',
  );
  out.push(`<section id="${prefix}-findings"><h2>${t(w.findings)}</h2>`);
  if (result.findings.length === 0) out.push(`<p>${t(w.noFindings)}</p>`);
  else {
    const rows = ordered(result).map(
      (f, i): Row => ({
        id: `${prefix}-f${i}`,
        cells: [
          { text: f.rule ?? '-', cls: 'code' },
          { text: f.code, cls: 'code' },
          SEVERITY_CELL(f.severity, w),
          indicatorOf(result, f) || '-',
          visible(f.message[lang]),
          { text: formatPath(f.path), cls: 'code' },
        ],
      }),
    );
    out.push(
      table(
        [
          { header: w.rule },
          { header: w.code },
          { header: w.severity },
          { header: w.indicator },
          { header: w.message },
          { header: w.path },
        ],
        rows,
        'findings',
      ),
    );
  }
  out.push('</section>', `<section id="${prefix}-rules"><h2>${t(w.rules)}</h2>`);
  const ruleRows = result.rules.map(
    (r): Row => ({
      cls: r.applied ? '' : 'muted',
      cells: [
        { text: r.id, cls: 'code' },
        { text: r.code, cls: 'code' },
        SEVERITY_CELL(r.severity, w),
        stateOf(w, r),
        r.sources.join(', '),
      ],
    }),
  );
  out.push(
    table(
      [
        { header: w.rule },
        { header: w.code },
        { header: w.severity },
        { header: w.state },
        { header: w.sources },
      ],
      ruleRows,
    ),
    '</section>',
    '</article>',
  );
  return out.join('\n');
}

/**
 * The review of one target table or many as one self-contained HTML document (the page of
 * `outturn check --format html`: no script, no request, the same CSP and style): for many, a
 * summary table first (one row per table, linked to it); for each table its findings (rule,
 * code, severity, indicator, message, path) most serious first, and its rules.
 *
 * @example
 * ```ts
 * renderReviewHtml([{ file: 'a.json', result, name: '主体班', year: '2022', scope: '' }], { lang: 'zh' });
 * ```
 */
export function renderReviewHtml(inputs: readonly ReviewInput[], options: ReviewDocumentOptions): string {
  const w = DOC_WORDS[options.lang];
  const hw: HtmlWords = { ...HTML_WORDS[options.lang], documentTitle: w.title, made: w.made };
  const many = options.many ?? inputs.length !== 1;
  const body: string[] = [];
  if (many) body.push(overviewHtml(inputs, w, hw));
  inputs.forEach((one, i) => {
    body.push(reviewHtml(one, `r${i + 1}`, w, hw, options.lang, many));
  });
  const first = inputs[0];
  const title =
    !many && first !== undefined
      ? [w.title, printed(first.name), printed(first.year)].filter(Boolean).join(' · ')
      : `${w.title} · ${w.tables(inputs.length)}`;
  return htmlDocument(hw, title, body);
}

// ---------------------------------------------------------------------------------------------
// Sheets: the workbook and the CSV

const cellText = (s: string | null | undefined): string => (s === null || s === undefined ? '' : visible(s));

/**
 * The sheets of a review workbook: Summary (one row per table), Findings (file, rule, code,
 * severity, indicator, path, message) and Rules (file, rule, code, severity, state, sources).
 *
 * @example
 * ```ts
 * reviewSheets([input], { lang: 'en' })[1].header; // ['File', 'Rule', 'Code', 'Severity', 'Indicator', 'Path', 'Message']
 * ```
 */
export function reviewSheets(inputs: readonly ReviewInput[], options: ReviewDocumentOptions): AuditSheet[] {
  const w = DOC_WORDS[options.lang];
  const hw = HTML_WORDS[options.lang];
  const file = w.file;
  const summary: AuditSheet = {
    name: w.summary,
    header: [file, w.project, hw.year, hw.kind, hw.errors, hw.warnings, hw.infos],
    rows: inputs.map((one): SheetCell[] => [
      cellText(one.file),
      cellText(printed(one.name)),
      cellText(printed(one.year)),
      (one.scope && hw.kinds[one.scope]) || cellText(printed(one.scope)),
      one.result.summary.error,
      one.result.summary.warning,
      one.result.summary.info,
    ]),
  };
  return [summary, findingsSheetOf(inputs, options), rulesSheet(inputs, w, file)];
}

function findingsSheetOf(inputs: readonly ReviewInput[], options: ReviewDocumentOptions): AuditSheet {
  const w = DOC_WORDS[options.lang];
  const rows: SheetCell[][] = [];
  for (const one of inputs) {
    for (const f of ordered(one.result)) {
      rows.push([
        cellText(one.file),
        f.rule ?? '',
        f.code,
        w.severities[f.severity],
        cellText(indicatorOf(one.result, f)),
        cellText(formatPath(f.path)),
        cellText(f.message[options.lang]),
      ]);
    }
  }
  return {
    name: w.findings,
    header: [w.file, w.rule, w.code, w.severity, w.indicator, w.path, w.message],
    rows,
  };
}

function rulesSheet(inputs: readonly ReviewInput[], w: ReviewDocWords, file: string): AuditSheet {
  return {
    name: w.rules,
    header: [file, w.rule, w.code, w.severity, w.state, w.sources],
    rows: inputs.flatMap((one) =>
      one.result.rules.map((r): SheetCell[] => [
        cellText(one.file),
        r.id,
        r.code,
        w.severities[r.severity],
        stateOf(w, r),
        r.sources.join(', '),
      ]),
    ),
  };
}

/** The review workbook ({@link reviewSheets}) as bytes, written as check's audit workbook is. */
export async function renderReviewXlsx(
  inputs: readonly ReviewInput[],
  options: ReviewDocumentOptions,
): Promise<Uint8Array> {
  return writeWorkbook(reviewSheets(inputs, options), DOC_WORDS[options.lang].title);
}

/**
 * The findings of one table or many as CSV: the Findings sheet of {@link reviewSheets}, written
 * as check's CSV is (UTF-8 BOM, CRLF, RFC 4180, a formula-like field prefixed with `'`).
 */
export function renderReviewCsv(inputs: readonly ReviewInput[], options: ReviewDocumentOptions): string {
  return sheetCsv(findingsSheetOf(inputs, options));
}
