/**
 * The text output: tables for a terminal of `width` columns (CJK characters two columns wide),
 * in colour when asked.
 *
 * @internal
 */
import { formatPath, type Lang, type Severity } from 'outturn';
import {
  budgetRows,
  crossCheckMark,
  groupFindings,
  headerParts,
  indicatorRows,
  monitoringBudgetRows,
  monitoringIndicatorRows,
  monitoringNote,
  periodLabel,
  pickScore,
  printed,
  type RenderInput,
  recomputedAny,
  type StyledCell,
  totals,
} from './rows.js';
import { displayWidth, type Paint, painter, type Style, truncate, visible, wrap } from './terminal.js';
import { MARK_ERROR, MARK_INFO, MARK_WARNING, NONE, WORDS } from './words.js';

// ---------------------------------------------------------------------------------------------
// Tables

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** Shrinks first when the table is too wide (names). */
  readonly flex?: boolean;
  /** Spaces before the column (default 2). */
  readonly gap?: number;
  /** Widest the column may be. */
  readonly max?: number;
  /** Never cut (status words). */
  readonly keep?: boolean;
}

export type Cell = string | StyledCell;

interface Table {
  readonly header: string;
  readonly rule: string;
  readonly rows: readonly string[];
}

/**
 * Text from a report for one line of the terminal: what would act on the terminal escaped (see
 * {@link visible}) and line feeds folded to spaces, so that a cell can neither move the cursor
 * nor start a line of its own (a forged "Summary: 0 errors").
 */
function oneLineVisible(text: string): string {
  return visible(text).replace(/\n/g, ' ');
}

/** A cell's text, on one line, with what would act on the terminal escaped. */
function cellText(cell: Cell): string {
  return oneLineVisible(typeof cell === 'string' ? cell : cell.text);
}

export function renderTable(
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
  return {
    header: line(
      columns.map((c) => c.header),
      'bold',
    ),
    rule: '-'.repeat(Math.min(total(), maxWidth)),
    rows: rows.map((r) => line(r)),
  };
}

// ---------------------------------------------------------------------------------------------
// Text

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  error: MARK_ERROR,
  warning: MARK_WARNING,
  info: MARK_INFO,
};

/** Options of {@link renderText}. */
export interface TextOptions {
  readonly lang: Lang;
  /** ANSI colours (default false). */
  readonly color?: boolean;
  /** Maximum line width in terminal columns (default 80). */
  readonly width?: number;
  /** List only the errors (`--quiet`); the summary line still counts every finding (default false). */
  readonly quiet?: boolean;
  /**
   * When more than this many info findings share a code, they are one line with their count, the
   * first paths and the first message (default: never; the CLI collapses over 5 unless
   * `--verbose`).
   */
  readonly collapseInfoOver?: number | undefined;
}

/** How many paths the line of a collapsed code names. */
const COLLAPSED_PATHS = 3;

/**
 * The result as text for a terminal: a header, the budget table, the indicator table, the
 * cross-checks, the findings grouped by severity, and a summary line. No line is wider than
 * `width` columns (CJK characters count two).
 */
export function renderText(input: RenderInput, options: TextOptions): string {
  const words = WORDS[options.lang];
  const width = Math.max(40, options.width ?? 80);
  const paint = painter(options.color === true);
  const out: string[] = [];
  const para = (text: string, indent = '', style?: Style) => {
    for (const l of wrap(oneLineVisible(text), width - displayWidth(indent)))
      out.push(paint(indent + l, style));
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

  // A monitoring table: 序时进度, 1–N月执行率, pace and state per line.
  const monitoring = input.result.monitoring !== null;
  const mw = words.monitoring;
  const period = periodLabel(input.result, words);
  const mBudget = monitoringBudgetRows(input.result, words);
  if (mBudget.length > 0) {
    heading(mw.budget(period, printed(input.result.header.amountUnit)));
    // 序时进度 is one figure for the table (the note below gives it): a column only when some
    // line prints one to check; the printed rate likewise. Narrow terminals keep the rest.
    const showTp = mBudget.some((r) => r.timeProgressMark.text !== '');
    const showPrinted = mBudget.some((r) => r.printedRate !== NONE);
    const columns: { readonly col: Column; readonly cell: (r: (typeof mBudget)[number]) => Cell }[] = [
      { col: { header: words.line, flex: true }, cell: (r) => '  '.repeat(r.depth) + r.name },
      { col: { header: mw.amount, align: 'right' }, cell: (r) => r.amount },
      { col: { header: mw.periodActual(period), align: 'right' }, cell: (r) => r.periodActual },
      { col: { header: '', gap: 1 }, cell: (r) => r.periodActualMark },
      ...(showTp
        ? [
            {
              col: { header: mw.timeProgress, align: 'right' } as Column,
              cell: (r: (typeof mBudget)[number]) => r.timeProgress,
            },
            {
              col: { header: '', gap: 1 } as Column,
              cell: (r: (typeof mBudget)[number]) => r.timeProgressMark,
            },
          ]
        : []),
      ...(showPrinted
        ? [
            {
              col: { header: mw.printedRate(period), align: 'right' } as Column,
              cell: (r: (typeof mBudget)[number]) => r.printedRate,
            },
          ]
        : []),
      { col: { header: mw.recomputedRate(period), align: 'right' }, cell: (r) => r.recomputedRate },
      { col: { header: '', gap: 1 }, cell: (r) => r.rateMark },
      { col: { header: mw.pace, align: 'right' }, cell: (r) => r.pace },
      { col: { header: mw.state, keep: true }, cell: (r) => r.state },
    ];
    const t = renderTable(
      columns.map((c) => c.col),
      mBudget.map((r) => columns.map((c) => c.cell(r))),
      width,
      paint,
    );
    pushTable(out, t);
  }
  const note = monitoringNote(input.result, words);
  if (note !== null) {
    out.push('');
    para(note, '', 'dim');
  }

  // Budget (on a monitoring table only when it prints year-end rates too)
  const budget = budgetRows(input.result).filter(
    (_r, i) =>
      !monitoring ||
      input.result.budget[i]?.executionRate !== null ||
      input.result.budget[i]?.cells.executionRate.text !== null,
  );
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
    pushTable(out, t);
  }

  // Indicators of a monitoring table: the expected full-year value and the likelihood.
  const mIndicators = monitoringIndicatorRows(input.result, words);
  if (mIndicators.length > 0) {
    heading(mw.indicators);
    const t = renderTable(
      [
        { header: '#', align: 'right' },
        { header: words.name, flex: true },
        { header: words.target, max: 12 },
        { header: mw.periodValue(period), max: 12 },
        { header: mw.expected, max: 12 },
        { header: mw.expectedStatus, keep: true },
        { header: mw.likelihood, max: 12 },
        { header: '', gap: 1 },
      ],
      mIndicators.map((r) => [
        r.index,
        r.name,
        r.target,
        r.periodActual,
        r.expected,
        r.expectedStatus,
        r.likelihood,
        r.likelihoodMark,
      ]),
      width,
      paint,
    );
    pushTable(out, t);
  }

  // Indicators (on a monitoring table only the rows that print a year-end actual)
  const indicators = indicatorRows(input.result, words).filter(
    (_r, i) => !monitoring || input.result.indicators[i]?.cells.actual.text !== null,
  );
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
        out.push(paint(truncate(oneLineVisible(`[${r.category}]`), width), 'dim'));
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
    pushTable(out, t);
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

  if (budget.length > 0 || indicators.length > 0 || mBudget.length > 0 || mIndicators.length > 0) {
    out.push('');
    para(words.legend, '', 'dim');
    if (indicators.length > 0 || mIndicators.length > 0) para(words.indexNote, '', 'dim');
  }

  // Findings
  heading(words.findings);
  const quiet = options.quiet === true;
  const allGroups = groupFindings(input.result.findings);
  const groups = quiet ? allGroups.filter(([severity]) => severity === 'error') : allGroups;
  if (allGroups.length === 0) {
    if (recomputedAny(input.result)) para(words.noFindings, '', 'green');
    else para(words.nothingRecomputed, '', 'yellow');
  }
  const collapseOver = options.collapseInfoOver ?? Number.POSITIVE_INFINITY;
  const headLine = (severity: Severity, text: string) => {
    wrap(oneLineVisible(text), width - 4).forEach((l, i) => {
      out.push(i === 0 ? `  ${paint(SEVERITY_MARK[severity], SEVERITY_STYLE[severity])} ${l}` : `    ${l}`);
    });
  };
  for (const [severity, list] of groups) {
    out.push(paint(words.count(words.severities[severity], list.length), SEVERITY_STYLE[severity]));
    const byCode = new Map<string, typeof list>();
    // Pushed onto each code's list (a copy per finding would be quadratic in a large report).
    for (const f of list) {
      const same = byCode.get(f.code);
      if (same === undefined) byCode.set(f.code, [f]);
      else same.push(f);
    }
    const collapsed = new Set(
      severity === 'info'
        ? [...byCode].filter(([, fs]) => fs.length > collapseOver).map(([code]) => code)
        : [],
    );
    const done = new Set<string>();
    for (const f of list) {
      if (!collapsed.has(f.code)) {
        headLine(severity, `${formatPath(f.path)} (${f.code})`);
        para(f.message[options.lang], '    ');
        continue;
      }
      if (done.has(f.code)) continue;
      done.add(f.code);
      const all = byCode.get(f.code) ?? [];
      const paths = all.slice(0, COLLAPSED_PATHS).map((x) => formatPath(x.path));
      const sep = options.lang === 'zh' ? '、' : ', ';
      headLine(severity, words.collapsed(f.code, all.length, paths.join(sep), all.length - paths.length));
      para(`${words.forExample}${f.message[options.lang]}`, '    ');
    }
    if (collapsed.size > 0) para(words.verboseHint, '  ', 'dim');
  }
  if (quiet) {
    const { warning, info } = input.result.summary;
    if (warning + info > 0) para(words.quietHidden(warning, info), '', 'dim');
  }

  out.push('');
  for (const t of totals(input.result, words)) para(t, '', 'bold');
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

/**
 * Appends a rendered table's lines to `out` one by one: spreading them into one push would pass
 * every row as an argument, past the engine's limit (about 120,000) on a large report.
 */
export function pushTable(
  out: string[],
  t: { readonly header: string; readonly rule: string; readonly rows: readonly string[] },
): void {
  out.push(t.header, t.rule);
  for (const row of t.rows) out.push(row);
}
