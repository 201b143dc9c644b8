/**
 * The HTML output (`--format html`): one self-contained document for one report or many. It
 * makes no request of any kind (no font, script, image or style sheet from anywhere: the CSS is
 * inline, the charts are inline SVG), runs no script (its Content-Security-Policy forbids them),
 * and prints on A4.
 *
 * Every text from the input goes through {@link escapeHtml}; every anchor is ours (`#r1-i26`);
 * no URL is ever written from the input. Every figure and every row comes from rows.ts and the
 * result: nothing is recomputed here.
 *
 * html-text.ts     escaping
 * html-svg.ts      the bars
 * html-anchors.ts  which row each finding points at
 * html-style.ts    the style sheet
 * html-words.ts    the words only this output uses
 *
 * @internal
 */
import {
  type Finding,
  formatPath,
  type Lang,
  type Path,
  type Severity,
  type ValidationResult,
} from 'outturn';
import { anchorFindings, type RowTarget } from './html-anchors.js';
import { HTML_STYLE } from './html-style.js';
import { type Bar, barScale, barSvg, percentValue } from './html-svg.js';
import { escapeHtml } from './html-text.js';
import { HTML_WORDS, type HtmlWords } from './html-words.js';
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
  type StyledCell,
} from './rows.js';
import { MARK_ERROR, MARK_INFO, MARK_OK, MARK_WARNING, NONE, WORDS, type Words } from './words.js';

/** The Content-Security-Policy of every HTML report: nothing may load, no script may run. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Language of every word of the document (the report's own texts stay as printed). */
  readonly lang: Lang;
}

/**
 * One self-contained HTML document of the checks: for one report its header, budget table
 * (execution rates as bars against 100%, and against 序时进度 on a monitoring table), indicator
 * table (status and deviation), scores and total, cross-checks and findings grouped by
 * severity, each finding linked to its row and each row to its findings; for an array of
 * reports, a summary table (one row per report, linked to it) and then each report.
 *
 * The document has a Content-Security-Policy of {@link HTML_CSP}, no script, no URL but
 * `#anchors`, and system fonts only; it prints on A4 (one report per page break).
 *
 * @example
 * ```ts
 * const html = renderHtml({ file: 'report.json', result: validateReport(report) }, { lang: 'zh' });
 * writeFileSync('report.html', html);
 * ```
 */
export function renderHtml(input: RenderInput | readonly RenderInput[], options: HtmlOptions): string {
  const lang = options.lang;
  const words = WORDS[lang];
  const hw = HTML_WORDS[lang];
  const many = isList(input);
  const inputs: readonly RenderInput[] = many ? input : [input];
  const body: string[] = [];
  if (many) body.push(overview(inputs, words, hw));
  inputs.forEach((one, i) => {
    body.push(report(one, `r${i + 1}`, lang, words, hw, many));
  });
  const first = inputs[0];
  const title =
    !many && first !== undefined
      ? [hw.documentTitle, ...headerParts(first.result.header)].join(' · ')
      : `${hw.documentTitle} · ${hw.reports(inputs.length)}`;
  return htmlDocument(hw, title, body);
}

/**
 * The document around `body` (markup already escaped): charset, {@link HTML_CSP}, no referrer,
 * the inline style sheet, `title` escaped, the footer. Every HTML output of outturn is one of these.
 */
export function htmlDocument(hw: HtmlWords, title: string, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${hw.htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="outturn">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    `<footer><p>${escapeHtml(hw.made)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function isList(input: RenderInput | readonly RenderInput[]): input is readonly RenderInput[] {
  return Array.isArray(input);
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Escaped text. */
const t = (text: string) => escapeHtml(text);

/** A cell: escaped text, or markup we built (`{ html }`), with a class. */
export type Cell =
  | string
  | { readonly html: string; readonly cls?: string }
  | { readonly text: string; readonly cls: string };

export interface Row {
  readonly id?: string;
  readonly cls?: string;
  readonly cells: readonly Cell[];
}

export interface Column {
  readonly header: string;
  readonly cls?: string;
}

function cellHtml(cell: Cell): string {
  if (typeof cell === 'string') return `<td>${t(cell)}</td>`;
  const cls = cell.cls ? ` class="${cell.cls}"` : '';
  return 'html' in cell ? `<td${cls}>${cell.html}</td>` : `<td${cls}>${t(cell.text)}</td>`;
}

export function table(columns: readonly Column[], rows: readonly (Row | string)[], cls = ''): string {
  const head = columns.map((c) => `<th${c.cls ? ` class="${c.cls}"` : ''} scope="col">${t(c.header)}</th>`);
  const body = rows.map((r) => {
    if (typeof r === 'string') return r;
    const attrs = `${r.id ? ` id="${r.id}"` : ''}${r.cls ? ` class="${r.cls}"` : ''}`;
    return `<tr${attrs}>${r.cells.map(cellHtml).join('')}</tr>`;
  });
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/** A group heading row across `span` columns (an indicator category). */
function groupRow(text: string, span: number): string {
  return `<tr class="group"><th colspan="${span}" scope="colgroup">${t(text)}</th></tr>`;
}

/** A check mark (✓ ✗ !) in its colour. */
function mark(m: StyledCell): string {
  return m.text ? `<span class="mark m-${m.style ?? 'dim'}">${t(m.text)}</span>` : '';
}

/** A figure with its mark after it. */
function withMark(text: string, m: StyledCell): Cell {
  return { html: `${t(text)}${m.text ? ` ${mark(m)}` : ''}`, cls: 'num' };
}

export const num = (text: string): Cell => ({ text, cls: 'num' });

export function pill(m: StyledCell): Cell {
  return { html: `<span class="pill m-${m.style ?? 'dim'}">${t(m.text)}</span>` };
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  error: MARK_ERROR,
  warning: MARK_WARNING,
  info: MARK_INFO,
};

/** Links from a row to its findings: one mark per finding, in its severity's colour. */
function findingLinks(
  id: string,
  at: ReadonlyMap<string, readonly number[]>,
  findings: readonly Finding[],
  prefix: string,
  hw: HtmlWords,
): Cell {
  const list = [...(at.get(id) ?? [])].sort(
    (a, b) =>
      SEVERITY_ORDER[(findings[a] as Finding).severity] - SEVERITY_ORDER[(findings[b] as Finding).severity],
  );
  const links = list.map((i) => {
    const f = findings[i] as Finding;
    return `<a class="sev ${f.severity}" href="#${prefix}-f${i}" title="${t(f.code)}">${t(SEVERITY_MARK[f.severity])}</a>`;
  });
  return {
    html: links.length > 0 ? `<span title="${t(hw.seeFindings)}">${links.join('')}</span>` : '',
    cls: 'c',
  };
}

// ---------------------------------------------------------------------------------------------
// Many reports: the summary table

function overview(inputs: readonly RenderInput[], words: Words, hw: HtmlWords): string {
  const out: string[] = ['<section class="overview" id="summary">', `<h1>${t(hw.documentTitle)}</h1>`];
  out.push(`<p class="summary">${t(hw.reports(inputs.length))}</p>`);
  if (inputs.length === 0) {
    out.push(`<p>${t(hw.noReports)}</p>`, '</section>');
    return out.join('\n');
  }
  const rows = inputs.map((one, i): Row => {
    const r = one.result;
    const h = r.header;
    const kind = printed(h.kind);
    return {
      cells: [
        { html: `<a href="#r${i + 1}" class="file">${t(printed(one.file) || NONE)}</a>` },
        printed(h.entity) || NONE,
        printed(h.year) || NONE,
        (kind && hw.kinds[kind]) || kind || NONE,
        { text: String(r.summary.error), cls: r.summary.error > 0 ? 'num m-red mark' : 'num' },
        { text: String(r.summary.warning), cls: r.summary.warning > 0 ? 'num m-yellow mark' : 'num' },
        num(String(r.summary.info)),
        num(printed(h.totalScore.text) || NONE),
        num(r.totalScore ?? NONE),
        printed(h.grade.text) || NONE,
        r.grade ?? NONE,
      ],
    };
  });
  out.push(
    table(
      [
        { header: words.file },
        { header: hw.entity },
        { header: hw.year },
        { header: hw.kind },
        { header: hw.errors, cls: 'num' },
        { header: hw.warnings, cls: 'num' },
        { header: hw.infos, cls: 'num' },
        { header: hw.printedTotal, cls: 'num' },
        { header: hw.recomputedTotal, cls: 'num' },
        { header: hw.printedGrade },
        { header: hw.recomputedGrade },
      ],
      rows,
      'overview',
    ),
    '</section>',
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// One report

function report(
  input: RenderInput,
  prefix: string,
  lang: Lang,
  words: Words,
  hw: HtmlWords,
  many: boolean,
): string {
  const result = input.result;
  const out: string[] = [`<article class="report" id="${prefix}">`];
  const parts = headerParts(result.header);
  const entityYear = [printed(result.header.entity), printed(result.header.year)].filter(Boolean).join(' · ');
  const heading = many ? 'h2' : 'h1';
  out.push(`<header id="${prefix}-header">`);
  out.push(`<${heading}>${t(entityYear || parts.join(' · ') || hw.documentTitle)}</${heading}>`);
  const title = printed(result.header.title);
  if (title && entityYear) out.push(`<p>${t(title)}</p>`);
  out.push(
    `<p class="muted">${t(words.file)}${t(words.colon)}<span class="file">${t(printed(input.file))}</span></p>`,
  );
  if (result.rejected) out.push(`<p class="m-red mark">${t(words.notAReport(result.findings.length))}</p>`);
  const c = result.summary;
  out.push(
    `<p class="counts"><span class="error">${t(hw.errors)} ${c.error}</span><span class="warning">${t(hw.warnings)} ${c.warning}</span><span class="info">${t(hw.infos)} ${c.info}</span></p>`,
  );
  out.push(`<p class="summary">${t(words.summary(c))}</p>`, '</header>');

  const targets: RowTarget[] = [];
  const sections: ((at: Anchored) => string)[] = [];
  const monitoring = result.monitoring !== null;

  // Monitoring table: 序时进度, the period's rate as a bar against 100% with a mark at 序时进度.
  const mBudget = monitoringBudgetRows(result, words);
  if (mBudget.length > 0) {
    mBudget.forEach((_r, i) => {
      const b = result.budget[i];
      if (b) targets.push({ path: b.path, id: `${prefix}-mb${i}`, kind: 'monitoring-budget' });
    });
    sections.push((at) => monitoringBudgetSection(result, mBudget, prefix, words, hw, at));
  }
  const mIndicators = monitoringIndicatorRows(result, words);
  if (mIndicators.length > 0) {
    mIndicators.forEach((_r, i) => {
      const ind = result.indicators[i];
      if (ind) targets.push({ path: ind.path, id: `${prefix}-mi${i}`, kind: 'monitoring-indicator' });
    });
    sections.push((at) =>
      monitoringIndicatorSection(
        mIndicators,
        prefix,
        words,
        hw,
        at,
        result.findings,
        periodLabel(result, words),
      ),
    );
  }

  // The year-end tables; on a monitoring table only the lines and rows that print year-end figures.
  const budget = budgetRows(result)
    .map((row, i) => ({ row, i }))
    .filter(
      ({ i }) =>
        !monitoring ||
        result.budget[i]?.executionRate !== null ||
        result.budget[i]?.cells.executionRate.text !== null,
    );
  if (budget.length > 0) {
    for (const { i } of budget) {
      const b = result.budget[i];
      if (b) targets.push({ path: b.path, id: `${prefix}-b${i}`, kind: 'budget' });
    }
    sections.push((at) => budgetSection(result, budget, prefix, words, hw, at));
  }
  const indicators = indicatorRows(result, words)
    .map((row, i) => ({ row, i }))
    .filter(({ i }) => !monitoring || result.indicators[i]?.cells.actual.text !== null);
  if (indicators.length > 0) {
    for (const { i } of indicators) {
      const ind = result.indicators[i];
      if (ind) targets.push({ path: ind.path, id: `${prefix}-i${i}`, kind: 'indicator' });
    }
    sections.push((at) => indicatorSection(indicators, prefix, words, hw, at, result.findings));
  }

  const totalsShown =
    result.totalScore !== null ||
    result.grade !== null ||
    printed(result.header.totalScore.text) !== '' ||
    printed(result.header.grade.text) !== '';
  if (totalsShown) sections.push((at) => scoresSection(result, prefix, words, hw, at));

  if (result.crossChecks.length > 0) {
    result.crossChecks.forEach((x, i) => {
      targets.push({ path: x.path, id: `${prefix}-x${i}`, kind: 'cross-check' });
    });
    sections.push((at) => crossCheckSection(result, prefix, lang, words, hw, at));
  }

  const fallback = (path: Path): string => {
    if (totalsShown && path[0] === 'published' && (path[1] === 'totalScore' || path[1] === 'grade'))
      return `${prefix}-scores`;
    return `${prefix}-header`;
  };
  const anchored = anchorFindings(result.findings, targets, fallback);
  for (const section of sections) out.push(section(anchored));
  if (budget.length > 0 || indicators.length > 0 || mBudget.length > 0)
    out.push(`<p class="note">${t(words.legend)}</p>`);
  out.push(findingsSection(result, prefix, lang, words, hw, anchored), '</article>');
  return out.join('\n');
}

type Anchored = ReturnType<typeof anchorFindings>;

function monitoringBudgetSection(
  result: ValidationResult,
  rows: ReturnType<typeof monitoringBudgetRows>,
  prefix: string,
  words: Words,
  hw: HtmlWords,
  at: Anchored,
): string {
  const mw = words.monitoring;
  const period = periodLabel(result, words);
  const scale = barScale(rows.map((r) => percentValue(r.recomputedRate)));
  const tone = (state: StyledCell): NonNullable<Bar['tone']> =>
    state.style === 'red'
      ? 'red'
      : state.style === 'yellow'
        ? 'amber'
        : state.style === 'green'
          ? 'green'
          : 'ok';
  const body = rows.map((r, i): Row => {
    const id = `${prefix}-mb${i}`;
    const label =
      hw.rateLabel(r.recomputedRate) + (r.timeProgress !== NONE ? hw.timeLabel(r.timeProgress) : '');
    return {
      id,
      cells: [
        { text: r.name, cls: depthClass(r.depth) },
        num(r.amount),
        withMark(r.periodActual, r.periodActualMark),
        withMark(r.timeProgress, r.timeProgressMark),
        num(r.printedRate),
        withMark(r.recomputedRate, r.rateMark),
        {
          html: barSvg(
            { rate: r.recomputedRate, timeProgress: r.timeProgress, tone: tone(r.state), label },
            scale,
          ),
          cls: 'chart',
        },
        num(r.pace),
        r.state.text === NONE ? r.state.text : pill(r.state),
        findingLinks(id, at.findingsAt, result.findings, prefix, hw),
      ],
    };
  });
  const out = [
    `<section id="${prefix}-monitoring"><h2>${t(mw.budget(period, printed(result.header.amountUnit)))}</h2>`,
    table(
      [
        { header: words.line },
        { header: mw.amount, cls: 'num' },
        { header: mw.periodActual(period), cls: 'num' },
        { header: mw.timeProgress, cls: 'num' },
        { header: mw.printedRate(period), cls: 'num' },
        { header: mw.recomputedRate(period), cls: 'num' },
        { header: hw.chart },
        { header: mw.pace, cls: 'num' },
        { header: mw.state },
        { header: words.check, cls: 'c' },
      ],
      body,
    ),
    `<p class="note">${t(hw.barLegend(true))}</p>`,
  ];
  const note = monitoringNote(result, words);
  if (note !== null) out.push(`<p class="note">${t(note)}</p>`);
  out.push('</section>');
  return out.join('\n');
}

function monitoringIndicatorSection(
  rows: ReturnType<typeof monitoringIndicatorRows>,
  prefix: string,
  words: Words,
  hw: HtmlWords,
  at: Anchored,
  findings: readonly Finding[],
  period: string,
): string {
  const mw = words.monitoring;
  const body: (Row | string)[] = [];
  let category: string | null = null;
  rows.forEach((r, i) => {
    if (r.category !== category && r.category !== '') body.push(groupRow(r.category, 8));
    category = r.category;
    const id = `${prefix}-mi${i}`;
    body.push({
      id,
      cells: [
        num(r.index),
        r.name,
        r.target,
        r.periodActual,
        r.expected,
        pill(r.expectedStatus),
        { html: `${t(r.likelihood)}${r.likelihoodMark.text ? ` ${mark(r.likelihoodMark)}` : ''}` },
        findingLinks(id, at.findingsAt, findings, prefix, hw),
      ],
    });
  });
  return [
    `<section id="${prefix}-monitoring-indicators"><h2>${t(mw.indicators)}</h2>`,
    table(
      [
        { header: '#', cls: 'num' },
        { header: words.name },
        { header: words.target },
        { header: mw.periodValue(period) },
        { header: mw.expected },
        { header: mw.expectedStatus },
        { header: mw.likelihood },
        { header: words.check, cls: 'c' },
      ],
      body,
    ),
    `<p class="note">${t(words.indexNote)}</p>`,
    '</section>',
  ].join('\n');
}

const depthClass = (depth: number) => (depth > 0 ? `d${Math.min(depth, 4)}` : '');

function budgetSection(
  result: ValidationResult,
  rows: readonly { readonly row: ReturnType<typeof budgetRows>[number]; readonly i: number }[],
  prefix: string,
  words: Words,
  hw: HtmlWords,
  at: Anchored,
): string {
  const scores = hasScores(rows.map((r) => r.row));
  const scale = barScale(rows.map(({ row }) => percentValue(row.recomputedRate)));
  const body = rows.map(({ row: r, i }): Row => {
    const id = `${prefix}-b${i}`;
    return {
      id,
      cells: [
        { text: r.name, cls: depthClass(r.depth) },
        num(r.adjusted),
        withMark(r.actual, r.actualMark),
        num(r.printedRate),
        withMark(r.recomputedRate, r.rateMark),
        {
          html: barSvg({ rate: r.recomputedRate, label: hw.rateLabel(r.recomputedRate) }, scale),
          cls: 'chart',
        },
        ...(scores ? [num(r.printedScore), withMark(r.recomputedScore, r.scoreMark)] : []),
        findingLinks(id, at.findingsAt, result.findings, prefix, hw),
      ],
    };
  });
  return [
    `<section id="${prefix}-budget"><h2>${t(words.budget(printed(result.header.amountUnit)))}</h2>`,
    table(
      [
        { header: words.line },
        { header: words.adjusted, cls: 'num' },
        { header: words.actual, cls: 'num' },
        { header: words.printedRate, cls: 'num' },
        { header: words.recomputedRate, cls: 'num' },
        { header: hw.chart },
        ...(scores
          ? [
              { header: words.printedScore, cls: 'num' },
              { header: words.recomputedScore, cls: 'num' },
            ]
          : []),
        { header: words.check, cls: 'c' },
      ],
      body,
    ),
    `<p class="note">${t(hw.barLegend(false))}</p>`,
    '</section>',
  ].join('\n');
}

function indicatorSection(
  rows: readonly { readonly row: ReturnType<typeof indicatorRows>[number]; readonly i: number }[],
  prefix: string,
  words: Words,
  hw: HtmlWords,
  at: Anchored,
  findings: readonly Finding[],
): string {
  const scores = hasScores(rows.map((r) => r.row));
  const span = scores ? 10 : 8;
  const body: (Row | string)[] = [];
  let category: string | null = null;
  for (const { row: r, i } of rows) {
    if (r.category !== category && r.category !== '') body.push(groupRow(r.category, span));
    category = r.category;
    const id = `${prefix}-i${i}`;
    body.push({
      id,
      cells: [
        num(r.index),
        r.name,
        r.target,
        { html: `${t(r.actual)}${r.actualMark.text ? ` ${mark(r.actualMark)}` : ''}` },
        pill(r.status),
        num(r.printedDeviation),
        withMark(r.recomputedDeviation, r.deviationMark),
        ...(scores ? [num(r.printedScore), withMark(r.recomputedScore, r.scoreMark)] : []),
        findingLinks(id, at.findingsAt, findings, prefix, hw),
      ],
    });
  }
  return [
    `<section id="${prefix}-indicators"><h2>${t(words.indicators)}</h2>`,
    table(
      [
        { header: '#', cls: 'num' },
        { header: words.name },
        { header: words.target },
        { header: words.achieved },
        { header: words.status },
        { header: words.printedDeviation, cls: 'num' },
        { header: words.recomputedDeviation, cls: 'num' },
        ...(scores
          ? [
              { header: words.printedScore, cls: 'num' },
              { header: words.recomputedScore, cls: 'num' },
            ]
          : []),
        { header: words.check, cls: 'c' },
      ],
      body,
    ),
    `<p class="note">${t(words.indexNote)}</p>`,
    '</section>',
  ].join('\n');
}

function headerMark(worst: Severity | null, printedText: string, recomputed: string | null): StyledCell {
  if (worst === 'error') return { text: MARK_ERROR, style: 'red' };
  if (worst === 'warning') return { text: MARK_WARNING, style: 'yellow' };
  return printedText !== '' && recomputed !== null ? { text: MARK_OK, style: 'green' } : { text: '' };
}

function scoresSection(
  result: ValidationResult,
  prefix: string,
  words: Words,
  hw: HtmlWords,
  at: Anchored,
): string {
  const h = result.header;
  const pt = printed(h.totalScore.text);
  const pg = printed(h.grade.text);
  const id = `${prefix}-scores`;
  return [
    `<section id="${id}"><h2>${t(hw.scoresTitle)}</h2>`,
    table(
      [
        { header: '' },
        { header: words.printedValue, cls: 'num' },
        { header: words.recomputedValue, cls: 'num' },
        { header: words.check, cls: 'c' },
        { header: '', cls: 'c' },
      ],
      [
        {
          cells: [
            hw.totalScore,
            num(pt || NONE),
            num(result.totalScore ?? NONE),
            { html: mark(headerMark(h.totalScore.worst, pt, result.totalScore)), cls: 'c' },
            findingLinks(id, at.findingsAt, result.findings, prefix, hw),
          ],
        },
        {
          cells: [
            hw.grade,
            num(pg || NONE),
            num(result.grade ?? NONE),
            { html: mark(headerMark(h.grade.worst, pg, result.grade)), cls: 'c' },
            { html: '' },
          ],
        },
      ],
      'scores',
    ),
    '</section>',
  ].join('\n');
}

function crossCheckSection(
  result: ValidationResult,
  prefix: string,
  lang: Lang,
  words: Words,
  hw: HtmlWords,
  at: Anchored,
): string {
  const body = result.crossChecks.map((x, i): Row => {
    const id = `${prefix}-x${i}`;
    const last = x.path[1];
    return {
      id,
      cells: [
        num(typeof last === 'number' ? String(last) : ''),
        x.name,
        num(printed(x.published) || NONE),
        withMark(x.recomputed ?? NONE, crossCheckMark(x.consistent)),
        { text: x.formula[lang], cls: 'note' },
        findingLinks(id, at.findingsAt, result.findings, prefix, hw),
      ],
    };
  });
  return [
    `<section id="${prefix}-cross-checks"><h2>${t(words.crossChecks)}</h2>`,
    table(
      [
        { header: '#', cls: 'num' },
        { header: words.name },
        { header: words.printedValue, cls: 'num' },
        { header: words.recomputedValue, cls: 'num' },
        { header: words.formula },
        { header: '', cls: 'c' },
      ],
      body,
    ),
    '</section>',
  ].join('\n');
}

function findingsSection(
  result: ValidationResult,
  prefix: string,
  lang: Lang,
  words: Words,
  hw: HtmlWords,
  at: Anchored,
): string {
  const out = [`<section id="${prefix}-findings"><h2>${t(words.findings)}</h2>`];
  if (result.findings.length === 0) {
    out.push(`<p>${t(recomputedAny(result) ? words.noFindings : words.nothingRecomputed)}</p>`);
  } else {
    const index = new Map<Finding, number>();
    result.findings.forEach((f, i) => {
      index.set(f, i);
    });
    for (const [severity, list] of groupFindings(result.findings)) {
      out.push(
        `<h3 id="${prefix}-${severity}" class="m-${SEVERITY_STYLE[severity]}">${t(words.count(words.severities[severity], list.length))}</h3>`,
        `<ol class="findings ${severity}">`,
      );
      for (const f of list) {
        const i = index.get(f) ?? 0;
        const anchor = at.anchorOf[i] ?? `${prefix}-header`;
        out.push(
          `<li id="${prefix}-f${i}"><span class="mark m-${SEVERITY_STYLE[severity]}">${t(SEVERITY_MARK[severity])}</span> ${t(f.message[lang])} <a href="#${anchor}" class="code" title="${t(hw.toRow)}">${t(formatPath(f.path))}</a> <span class="code">(${t(f.code)})</span></li>`,
        );
      }
      out.push('</ol>');
    }
  }
  out.push('</section>');
  return out.join('\n');
}

export const SEVERITY_STYLE: Readonly<Record<Severity, string>> = {
  error: 'red',
  warning: 'yellow',
  info: 'cyan',
};
