/**
 * The outputs of `outturn review`: the result of `reviewTargets` (a target table, 绩效目标申报表)
 * as JSON for programs, text for a terminal and Markdown for a review memo: the rows as the
 * review read them, the rules that ran (and why the others did not), and the findings by
 * severity. Pure: a result in, a string out; nothing is computed here.
 *
 * @internal
 */
import { formatPath, type Lang, type ReviewResult, type Severity } from 'outturn';
import { jsonFinding } from './json.js';
import { markdownText, mdTable } from './markdown.js';
import { groupFindings } from './rows.js';
import { displayWidth, painter, type Style, visible, wrap } from './terminal.js';
import { pushTable, renderTable } from './text.js';

const WORDS = {
  en: {
    title: 'Target table review (绩效目标审核)',
    file: 'File',
    rows: 'Rows as read',
    name: 'Indicator',
    category: 'Category',
    kind: 'Target is',
    rules: 'Rules',
    ran: 'ran',
    skipped: 'not run',
    findings: 'Findings',
    none: 'No findings.',
    severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' } as Record<Severity, string>,
    summary: (s: Readonly<Record<Severity, number>>) =>
      `${s.error} error(s), ${s.warning} warning(s), ${s.info} note(s)`,
    colon: ': ',
    quietHidden: (warnings: number, info: number) =>
      `--quiet: ${warnings} warning(s) and ${info} note(s) not listed.`,
  },
  zh: {
    title: '绩效目标审核',
    file: '文件',
    rows: '读取的指标行',
    name: '指标',
    category: '类别',
    kind: '指标值类型',
    rules: '规则',
    ran: '已执行',
    skipped: '未执行',
    findings: '问题',
    none: '没有发现问题。',
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    summary: (s: Readonly<Record<Severity, number>>) =>
      `错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个`,
    colon: '：',
    quietHidden: (warnings: number, info: number) => `--quiet：未列出警告 ${warnings} 个、提示 ${info} 个。`,
  },
} as const;

const MARK: Readonly<Record<Severity, string>> = { error: '✗', warning: '!', info: 'i' };
const STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** The result as the plain object of `outturn review --format json`. */
export function toReviewJson(r: ReviewResult, lang: Lang) {
  return {
    summary: { error: r.summary.error, warning: r.summary.warning, info: r.summary.info },
    findings: r.findings.map((f) => ({ ...jsonFinding(f, lang), rule: f.rule })),
    rules: r.rules.map((x) => ({ ...x, sources: [...x.sources] })),
    indicators: r.indicators.map((i) => ({ ...i, path: [...i.path], category: [...i.category] })),
    goals: r.goals,
    costs: r.costs,
  };
}

/** `outturn review --format json`: {@link toReviewJson}, 2-space indented, safe to print. */
export function renderReviewJson(r: ReviewResult, lang: Lang): string {
  return `${visible(JSON.stringify(toReviewJson(r, lang), null, 2))}\n`;
}

/** Options of {@link renderReviewText}. */
export interface ReviewTextOptions {
  readonly lang: Lang;
  readonly file: string;
  readonly color?: boolean;
  readonly width?: number;
  /** List only the errors (`--quiet`); the summary line still counts every finding (default false). */
  readonly quiet?: boolean;
}

/** Options of {@link renderReviewMarkdown}. */
export interface ReviewMarkdownOptions {
  readonly lang: Lang;
  readonly file: string;
  /** Only the errors in the findings table (`--quiet`). */
  readonly quiet?: boolean;
}

/** The findings a review lists: all, or only the errors under `--quiet`. */
function listed(r: ReviewResult, quiet: boolean | undefined) {
  return quiet === true ? r.findings.filter((f) => f.severity === 'error') : r.findings;
}

/** The review for a terminal: the rows as read, the rules that did not run, the findings. */
export function renderReviewText(r: ReviewResult, options: ReviewTextOptions): string {
  const w = WORDS[options.lang];
  const width = Math.max(40, options.width ?? 80);
  const paint = painter(options.color === true);
  const out: string[] = [];
  const para = (text: string, indent = '', style?: Style) => {
    // Line feeds from the table are folded (a cell cannot start a line of its own).
    const folded = visible(text)
      .split('\n')
      .map((part) => part.trim())
      .join(' ');
    for (const l of wrap(folded, width - displayWidth(indent))) out.push(paint(indent + l, style));
  };
  para(w.title, '', 'bold');
  para(`${w.file}${w.colon}${options.file}`, '', 'dim');
  if (r.indicators.length > 0) {
    out.push('');
    para(w.rows, '', 'bold');
    const t = renderTable(
      [
        { header: '#', align: 'right' },
        { header: w.category, max: 16 },
        { header: w.name, flex: true },
        { header: w.kind },
      ],
      r.indicators.map((i, n) => [String(n + 1), i.category.join(' / '), i.name, i.kind]),
      width,
      paint,
    );
    pushTable(out, t);
  }
  const skipped = r.rules.filter((x) => !x.applied);
  if (skipped.length > 0) {
    out.push('');
    para(
      `${w.rules} ${w.skipped}${w.colon}${skipped.map((x) => `${x.id} ${x.code} (${x.skipped ?? ''})`).join(', ')}`,
    );
  }
  out.push('');
  para(w.findings, '', 'bold');
  if (r.findings.length === 0) para(w.none);
  for (const [severity, list] of groupFindings(listed(r, options.quiet))) {
    para(`${w.severity[severity]} (${list.length})`, '', STYLE[severity]);
    for (const f of list) {
      para(`${MARK[severity]} [${f.code}] ${formatPath(f.path)}${w.colon}${f.message[options.lang]}`, '  ');
    }
  }
  if (options.quiet === true && r.summary.warning + r.summary.info > 0)
    para(w.quietHidden(r.summary.warning, r.summary.info), '  ', 'dim');
  out.push('');
  para(w.summary(r.summary), '', 'bold');
  return `${out.join('\n')}\n`;
}

/** The review as Markdown for a memo: the rows, the rules with their state, the findings. */
export function renderReviewMarkdown(r: ReviewResult, options: ReviewMarkdownOptions): string {
  const w = WORDS[options.lang];
  const out: string[] = [
    `# ${markdownText(w.title)}`,
    '',
    `${w.file}${w.colon}\`${visible(options.file).replaceAll('`', "'")}\``,
  ];
  if (r.indicators.length > 0) {
    out.push('', `## ${markdownText(w.rows)}`, '');
    out.push(
      ...mdTable(
        ['#', w.category, w.name, w.kind],
        ['r', 'l', 'l', 'l'],
        r.indicators.map((i, n) => [String(n + 1), i.category.join(' / '), i.name, i.kind].map(visible)),
      ),
    );
  }
  out.push('', `## ${markdownText(w.rules)}`, '');
  out.push(
    ...mdTable(
      ['id', 'code', 'severity', w.ran],
      ['l', 'l', 'l', 'l'],
      r.rules.map((x) => [x.id, x.code, x.severity, x.applied ? w.ran : `${w.skipped} (${x.skipped ?? ''})`]),
    ),
  );
  out.push('', `## ${markdownText(w.findings)}`, '');
  const shown = listed(r, options.quiet);
  if (r.findings.length === 0) out.push(markdownText(w.none));
  else if (shown.length > 0) {
    out.push(
      ...mdTable(
        ['#', 'severity', 'code', 'path', w.findings],
        ['r', 'l', 'l', 'l', 'l'],
        shown.map((f, n) => [
          String(n + 1),
          w.severity[f.severity],
          f.code,
          formatPath(f.path),
          visible(f.message[options.lang]),
        ]),
      ),
    );
  }
  if (options.quiet === true && r.summary.warning + r.summary.info > 0)
    out.push('', markdownText(w.quietHidden(r.summary.warning, r.summary.info)));
  out.push('', markdownText(w.summary(r.summary)));
  return `${out.join('\n')}\n`;
}
