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

/**
 * The result as Markdown for an audit memo: a heading, the file, the summary, and pipe tables
 * of the budget, the indicators, the cross-checks and the findings.
 */
export function renderMarkdown(input: RenderInput, options: { readonly lang: Lang }): string {
  const words = WORDS[options.lang];
  const out: string[] = [];
  const parts = headerParts(input.result.header);
  out.push(`# outturn check${parts.length > 0 ? `: ${parts.join(' · ').replace(/\s+/g, ' ')}` : ''}`, '');
  out.push(`${words.file}${words.colon}\`${input.file.replace(/`/g, "'").replace(/\s+/g, ' ')}\``, '');
  if (input.result.rejected) out.push(words.notAReport(input.result.findings.length), '');
  out.push(`**${words.summary(input.result.summary)}**`, '');
  const totalLines = totals(input.result, words);
  if (totalLines.length > 0) out.push(totalLines.join('  \n'), '');

  // A monitoring table: 序时进度 | 1–N月执行率 | 进度比 | 状态 per line.
  const monitoring = input.result.monitoring !== null;
  const mw = words.monitoring;
  const period = periodLabel(input.result, words);
  const mBudget = monitoringBudgetRows(input.result, words);
  const mark = (m: { readonly text: string }) => (m.text ? ` ${m.text}` : '');
  if (mBudget.length > 0) {
    out.push(`## ${mw.budget(period, printed(input.result.header.amountUnit))}`, '');
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
  if (note !== null) out.push(note, '');
  const mIndicators = monitoringIndicatorRows(input.result, words);
  if (mIndicators.length > 0) {
    out.push(`## ${mw.indicators}`, '');
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
          r.deviationMark.text,
          ...(scores ? [r.printedScore, r.recomputedScore, r.scoreMark.text] : []),
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
            crossCheckMark(c.consistent).text,
          ];
        }),
      ),
      '',
    );
  }

  if (budget.length > 0 || indicators.length > 0 || mBudget.length > 0 || mIndicators.length > 0)
    out.push(`${words.legend}`, '');

  out.push(`## ${words.findings}`, '');
  if (input.result.findings.length === 0)
    out.push(recomputedAny(input.result) ? words.noFindings : words.nothingRecomputed, '');
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
  // Markdown is read in a terminal too: what would act on it is escaped, once, over the whole text.
  return `${visible(out.join('\n').trimEnd())}\n`;
}
