/**
 * The Markdown output, for an audit memo: headings and pipe tables, every cell escaped so that
 * neither Markdown nor a spreadsheet it is pasted into reads it as anything but text.
 *
 * @internal
 */
import { formatPath, type Lang } from 'outturn';
import {
  budgetRows,
  crossCheckMark,
  groupFindings,
  hasScores,
  headerParts,
  indicatorRows,
  monitoringBudgetRows,
  monitoringIndicatorRows,
  monitoringNote,
  periodLabel,
  printed,
  type RenderInput,
  recomputedAny,
  totals,
} from './rows.js';
import { visible } from './terminal.js';
import { NONE, WORDS } from './words.js';

/**
 * The characters a backslash keeps from being read as Markdown: `\` itself, the pipe of a
 * table, emphasis (`*`, `_`, `~`), links and images (`[`, `]`), raw HTML and autolinks (`<`,
 * `>`) and code spans (a backtick). CommonMark lets a backslash escape any ASCII punctuation, so
 * the escaped text renders exactly as it was written.
 */
const MARKDOWN_SPECIAL = /[\\|*_~[\]<>`]/g;

/**
 * Text from a report for one line of Markdown (a heading, a paragraph, a table cell): line
 * breaks folded to spaces and every character Markdown would act on escaped, so that no cell
 * can emit raw HTML (`<script>`, `<img onerror>`, `</td><td>`), a link (`[x](javascript:…)`),
 * emphasis or a table column of its own.
 *
 * @example
 * ```ts
 * markdownText('<b>[x](javascript:alert(1))</b>'); // '\\<b\\>\\[x\\](javascript:alert(1))\\</b\\>'
 * ```
 */
export function markdownText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/**
 * A table cell: line breaks collapsed to spaces, the Markdown characters escaped (see
 * {@link markdownText}), and a formula-like start guarded.
 */
export function markdownCell(text: string): string {
  const cell = trimSpaces(markdownText(text));
  // A cell that a spreadsheet would run as a formula (=SUM(…), +cmd, -1+2, @x) when the memo is
  // pasted into one gets a backslash, which Markdown renders as nothing: the text looks the same.
  // Plain numbers (-6.26%, +43.37 pp) and dashes stay as they are.
  const first = cell[0];
  if ((first === '=' || first === '+' || first === '-' || first === '@') && !isPlainFigure(cell))
    return `\\${cell}`;
  return cell;
}

/**
 * A file name as inline code: inside a code span nothing is read as Markdown; the span's fence
 * is one backtick longer than the longest run of backticks in the name, and spaces pad a name
 * that starts or ends with one.
 */
function codeSpan(text: string): string {
  const name = text.replace(/\s+/g, ' ');
  let longest = 0;
  let run = 0;
  for (const ch of name) {
    run = ch === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = name.startsWith('`') || name.endsWith('`') || name.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${name}${pad}${fence}`;
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

export function mdTable(
  headers: readonly string[],
  aligns: readonly ('l' | 'r' | 'c')[],
  rows: readonly (readonly string[])[],
) {
  const sep = aligns.map((a) => (a === 'r' ? '---:' : a === 'c' ? ':---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(headers), `| ${sep.join(' | ')} |`, ...rows.map(line)];
}

/**
 * The result as Markdown for an audit memo: a heading, the file, the summary, and pipe tables
 * of the budget, the indicators, the cross-checks and the findings.
 */
export function renderMarkdown(
  input: RenderInput,
  options: {
    readonly lang: Lang /** Only the errors in the findings table (`--quiet`). */;
    readonly quiet?: boolean;
  },
): string {
  const words = WORDS[options.lang];
  const out: string[] = [];
  const parts = headerParts(input.result.header);
  // Every heading and paragraph goes through `md`: the report's texts in them (entity, title,
  // unit, period, totals as printed) are escaped like a cell.
  // A # too: in a heading a trailing "#" would be read as its closing sequence and dropped.
  const md = (text: string) => markdownText(text.replace(/\s+/g, ' ').trim()).replace(/#/g, '\\#');
  out.push(`# outturn check${parts.length > 0 ? `: ${md(parts.join(' · '))}` : ''}`, '');
  out.push(`${md(words.file)}${words.colon}${codeSpan(input.file)}`, '');
  if (input.result.rejected) out.push(md(words.notAReport(input.result.findings.length)), '');
  out.push(`**${md(words.summary(input.result.summary))}**`, '');
  const totalLines = totals(input.result, words);
  if (totalLines.length > 0) out.push(totalLines.map(md).join('  \n'), '');

  // A monitoring table: 序时进度 | 1–N月执行率 | 进度比 | 状态 per line.
  const monitoring = input.result.monitoring !== null;
  const mw = words.monitoring;
  const period = periodLabel(input.result, words);
  const mBudget = monitoringBudgetRows(input.result, words);
  const mark = (m: { readonly text: string }) => (m.text ? ` ${m.text}` : '');
  if (mBudget.length > 0) {
    out.push(`## ${md(mw.budget(period, printed(input.result.header.amountUnit)))}`, '');
    out.push(
      ...mdTable(
        [
          words.line,
          mw.amount,
          mw.periodActual(period),
          mw.timeProgress,
          mw.printedRate(period),
          mw.recomputedRate(period),
          words.check,
          mw.pace,
          mw.state,
        ],
        ['l', 'r', 'r', 'r', 'r', 'r', 'c', 'r', 'l'],
        mBudget.map((r) => [
          '\u3000'.repeat(r.depth) + r.name,
          r.amount,
          r.periodActual + mark(r.periodActualMark),
          r.timeProgress + mark(r.timeProgressMark),
          r.printedRate,
          r.recomputedRate,
          r.rateMark.text,
          r.pace,
          r.state.text,
        ]),
      ),
      '',
    );
  }
  const note = monitoringNote(input.result, words);
  if (note !== null) out.push(md(note), '');
  const mIndicators = monitoringIndicatorRows(input.result, words);
  if (mIndicators.length > 0) {
    out.push(`## ${md(mw.indicators)}`, '');
    out.push(
      ...mdTable(
        [
          '#',
          words.category,
          words.name,
          words.target,
          mw.periodValue(period),
          mw.expected,
          mw.expectedStatus,
          mw.likelihood,
        ],
        ['r', 'l', 'l', 'l', 'l', 'l', 'l', 'l'],
        mIndicators.map((r) => [
          r.index,
          r.category,
          r.name,
          r.target,
          r.periodActual,
          r.expected,
          r.expectedStatus.text,
          r.likelihood + mark(r.likelihoodMark),
        ]),
      ),
      '',
    );
  }

  // On a monitoring table, the year-end tables only for the lines and rows that print year-end figures.
  const budget = budgetRows(input.result).filter(
    (_r, i) =>
      !monitoring ||
      input.result.budget[i]?.executionRate !== null ||
      input.result.budget[i]?.cells.executionRate.text !== null,
  );
  if (budget.length > 0) {
    out.push(`## ${md(words.budget(printed(input.result.header.amountUnit)))}`, '');
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
          r.rateMark.text,
          ...(scores ? [r.printedScore, r.recomputedScore, r.scoreMark.text] : []),
        ]),
      ),
      '',
    );
  }

  const indicators = indicatorRows(input.result, words).filter(
    (_r, i) => !monitoring || input.result.indicators[i]?.cells.actual.text !== null,
  );
  if (indicators.length > 0) {
    const scores = hasScores(indicators);
    out.push(`## ${md(words.indicators)}`, '');
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
          r.deviationMark.text,
          ...(scores ? [r.printedScore, r.recomputedScore, r.scoreMark.text] : []),
        ]),
      ),
      '',
    );
  }

  if (input.result.crossChecks.length > 0) {
    out.push(`## ${md(words.crossChecks)}`, '');
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
            crossCheckMark(c.consistent).text,
          ];
        }),
      ),
      '',
    );
  }

  if (budget.length > 0 || indicators.length > 0 || mBudget.length > 0 || mIndicators.length > 0)
    out.push(md(words.legend), '');

  out.push(`## ${md(words.findings)}`, '');
  if (input.result.findings.length === 0)
    out.push(md(recomputedAny(input.result) ? words.noFindings : words.nothingRecomputed), '');
  else {
    const rows = groupFindings(input.result.findings)
      .filter(([severity]) => options.quiet !== true || severity === 'error')
      .flatMap(([severity, list]) =>
        list.map((f) => [words.severities[severity], f.code, formatPath(f.path), f.message[options.lang]]),
      );
    if (rows.length > 0)
      out.push(
        ...mdTable([words.severity, words.code, words.path, words.message], ['l', 'l', 'l', 'l'], rows),
        '',
      );
  }
  if (options.quiet === true && input.result.summary.warning + input.result.summary.info > 0)
    out.push(md(words.quietHidden(input.result.summary.warning, input.result.summary.info)), '');
  // Markdown is read in a terminal too: what would act on it is escaped, once, over the whole text.
  return `${visible(out.join('\n').trimEnd())}\n`;
}
