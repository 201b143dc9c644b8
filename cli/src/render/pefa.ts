/**
 * The outputs of `outturn pefa`: the JSON of DESIGN §3 (`{ "PI-1", "PI-2", "PI-3", findings }`),
 * text for a terminal, and Markdown: the assessor's annex (per year and line the budget, the
 * adjusted budget, the outturn, the deviation and its absolute value; per year the variance and
 * the grade; each score and why), ready to paste into an assessment report.
 *
 * Pure: an assessment in, a string out. No figure is computed here; every figure comes from
 * `assessPefa`.
 *
 * @internal
 */
import {
  formatPath,
  type Lang,
  type Messages,
  type PefaAnnexLine,
  type PefaAssessment,
  type PefaContingencyDimension,
  type PefaOutturnYear,
  type PefaVarianceDimension,
  type Severity,
} from 'outturn';
import { jsonFinding } from './json.js';
import { markdownCell, mdTable } from './markdown.js';
import { groupFindings } from './rows.js';
import { displayWidth, painter, type Style, visible, wrap } from './terminal.js';
import { renderTable } from './text.js';
import { MARK_ERROR, MARK_INFO, MARK_WARNING, NONE } from './words.js';

type DimensionId = '2.1' | '2.2' | '2.3' | '3.1' | '3.2';

/** PI-1 and dimension 3.1: the outturn of each year against its budget. */
interface OutturnLike {
  readonly score: string;
  readonly years: readonly PefaOutturnYear[];
  readonly why: Messages;
}

interface PefaWords {
  readonly title: string;
  readonly indicator: Readonly<Record<'PI-1' | 'PI-2' | 'PI-3', string>>;
  readonly dimension: Readonly<Record<DimensionId, string>>;
  readonly method: Readonly<Record<'M1' | 'M2', string>>;
  readonly year: string;
  readonly budget: string;
  readonly actual: string;
  readonly outturn: string;
  readonly variance: string;
  readonly grade: string;
  readonly score: string;
  readonly why: string;
  readonly measure: string;
  readonly severityHeader: string;
  readonly line: string;
  readonly adjusted: string;
  readonly deviation: string;
  readonly absoluteDeviation: string;
  readonly contingency: string;
  readonly totalBudget: string;
  readonly share: string;
  readonly average: string;
  readonly total: string;
  readonly file: string;
  readonly unit: string;
  readonly findings: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly none: string;
  readonly summaryLine: (s: Readonly<Record<Severity, number>>) => string;
  readonly annex: (dimension: string, year: string) => string;
  readonly colon: string;
}

const WORDS: Readonly<Record<Lang, PefaWords>> = {
  en: {
    title: 'PEFA 2016, Pillar I: budget reliability',
    indicator: {
      'PI-1': 'PI-1 Aggregate expenditure outturn',
      'PI-2': 'PI-2 Expenditure composition outturn',
      'PI-3': 'PI-3 Revenue outturn',
    },
    dimension: {
      '2.1': '2.1 Expenditure composition outturn by function (or administrative head)',
      '2.2': '2.2 Expenditure composition outturn by economic type',
      '2.3': '2.3 Expenditure from contingency reserves',
      '3.1': '3.1 Aggregate revenue outturn',
      '3.2': '3.2 Revenue composition outturn',
    },
    method: { M1: 'M1 (weakest link)', M2: 'M2 (averaging)' },
    year: 'Year',
    budget: 'Budget',
    actual: 'Outturn',
    outturn: 'Outturn %',
    variance: 'Variance',
    grade: 'Grade',
    score: 'Score',
    why: 'Why',
    measure: 'Indicator / dimension',
    severityHeader: 'Severity',
    line: 'Line',
    adjusted: 'Adjusted budget',
    deviation: 'Deviation',
    absoluteDeviation: 'Absolute deviation',
    contingency: 'Contingency outturn',
    totalBudget: 'Total budget',
    share: 'Share',
    average: 'average',
    total: 'Total',
    file: 'File',
    unit: 'Unit',
    findings: 'Findings',
    severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
    none: 'No findings.',
    summaryLine: (s) => `${s.error} error(s), ${s.warning} warning(s), ${s.info} note(s)`,
    annex: (dimension, year) => `${dimension}: ${year}`,
    colon: ': ',
  },
  zh: {
    title: 'PEFA 2016 第一支柱：预算可靠性',
    indicator: {
      'PI-1': 'PI-1 总支出执行结果',
      'PI-2': 'PI-2 支出结构执行结果',
      'PI-3': 'PI-3 收入执行结果',
    },
    dimension: {
      '2.1': '2.1 按功能（或行政单位）分类的支出结构偏差',
      '2.2': '2.2 按经济分类的支出结构偏差',
      '2.3': '2.3 预备费支出',
      '3.1': '3.1 总收入执行结果',
      '3.2': '3.2 收入结构偏差',
    },
    method: { M1: 'M1（最弱环节法）', M2: 'M2（平均法）' },
    year: '年度',
    budget: '预算',
    actual: '决算',
    outturn: '执行率',
    variance: '结构偏差',
    grade: '档次',
    score: '评分',
    why: '依据',
    measure: '指标 / 维度',
    severityHeader: '级别',
    line: '项目',
    adjusted: '调整后预算',
    deviation: '偏差',
    absoluteDeviation: '偏差绝对值',
    contingency: '预备费支出',
    totalBudget: '预算总额',
    share: '占比',
    average: '平均',
    total: '合计',
    file: '文件',
    unit: '单位',
    findings: '问题',
    severity: { error: '错误', warning: '警告', info: '提示' },
    none: '没有发现问题。',
    summaryLine: (s) => `错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个`,
    annex: (dimension, year) => `${dimension}：${year}`,
    colon: '：',
  },
};

const shown = (v: string | null | undefined): string => (v === null || v === undefined ? NONE : v);

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * The assessment as the plain object of `outturn pefa --format json` (DESIGN §3): the three
 * indicators with their dimensions, each year's figures and grade, the scores, the reasons in
 * `lang`, and the findings as `outturn check` prints them.
 */
export function toPefaJson(a: PefaAssessment, lang: Lang) {
  const outturnYears = (d: OutturnLike) =>
    d.years.map((y) => ({
      year: y.year,
      budget: y.budget,
      actual: y.actual,
      outturn: y.outturn,
      exact: y.exact,
      grade: y.grade,
      reason: y.reason,
      why: y.why[lang],
    }));
  const variance = (d: PefaVarianceDimension) => ({
    score: d.score,
    why: d.why[lang],
    years: d.years.map((y) => ({
      year: y.year,
      variance: y.variance,
      exact: y.exact,
      grade: y.grade,
      reason: y.reason,
      why: y.why[lang],
      scale: y.scale,
      totals: y.totals,
      lines: y.lines.map((l) => ({ ...l })),
    })),
  });
  const contingency = (d: PefaContingencyDimension) => ({
    score: d.score,
    average: d.average,
    exact: d.exact,
    why: d.why[lang],
    years: d.years.map((y) => ({ ...y })),
  });
  return {
    entity: a.entity,
    amountUnit: a.amountUnit,
    years: [...a.years],
    'PI-1': { score: a['PI-1'].score, why: a['PI-1'].why[lang], years: outturnYears(a['PI-1']) },
    'PI-2': {
      score: a['PI-2'].score,
      method: a['PI-2'].method,
      why: a['PI-2'].why[lang],
      dimensions: {
        '2.1': variance(a['PI-2'].dimensions['2.1']),
        '2.2': variance(a['PI-2'].dimensions['2.2']),
        '2.3': contingency(a['PI-2'].dimensions['2.3']),
      },
    },
    'PI-3': {
      score: a['PI-3'].score,
      method: a['PI-3'].method,
      why: a['PI-3'].why[lang],
      dimensions: {
        '3.1': {
          score: a['PI-3'].dimensions['3.1'].score,
          why: a['PI-3'].dimensions['3.1'].why[lang],
          years: outturnYears(a['PI-3'].dimensions['3.1']),
        },
        '3.2': variance(a['PI-3'].dimensions['3.2']),
      },
    },
    summary: { error: a.summary.error, warning: a.summary.warning, info: a.summary.info },
    findings: a.findings.map((f) => jsonFinding(f, lang)),
  };
}

/** `outturn pefa --format json`: {@link toPefaJson}, 2-space indented, safe to print. */
export function renderPefaJson(a: PefaAssessment, lang: Lang): string {
  return `${visible(JSON.stringify(toPefaJson(a, lang), null, 2))}\n`;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Options of {@link renderPefaText}. */
export interface PefaTextOptions {
  readonly lang: Lang;
  /** The file shown under the title. */
  readonly file: string;
  readonly color?: boolean;
  readonly width?: number;
}

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  error: MARK_ERROR,
  warning: MARK_WARNING,
  info: MARK_INFO,
};

/**
 * The assessment for a terminal of `width` columns: for each indicator its score and method, for
 * each dimension a table of the years (figures and grades) and why, then the findings.
 */
export function renderPefaText(a: PefaAssessment, options: PefaTextOptions): string {
  const w = WORDS[options.lang];
  const width = Math.max(40, options.width ?? 80);
  const paint = painter(options.color === true);
  const out: string[] = [];
  const para = (text: string, indent = '', style?: Style) => {
    // Line feeds from the dataset folded: a name cannot start a line of its own.
    const shown = visible(text).replace(/\n/g, ' ');
    for (const l of wrap(shown, width - displayWidth(indent))) out.push(paint(indent + l, style));
  };
  const heading = (text: string) => {
    out.push('');
    para(text, '', 'bold');
  };
  const table = (headers: readonly string[], rows: readonly (readonly string[])[]) => {
    const t = renderTable(
      headers.map((h, i) => ({ header: h, ...(i === 0 ? { flex: true } : { align: 'right' as const }) })),
      rows,
      width - 2,
      paint,
    );
    for (const l of [t.header, t.rule, ...t.rows]) out.push(`  ${l}`);
  };

  para([w.title, a.entity].filter((s) => s !== null && s !== '').join(' · '), '', 'bold');
  para(`${w.file}${w.colon}${options.file}`, '', 'dim');
  if (a.amountUnit !== null) para(`${w.unit}${w.colon}${a.amountUnit}`, '', 'dim');

  const outturnTable = (d: OutturnLike) => {
    table(
      [w.year, w.budget, w.actual, w.outturn, w.grade],
      d.years.map((y) => [y.year, shown(y.budget), shown(y.actual), shown(y.outturn), shown(y.grade)]),
    );
    para(d.why[options.lang], '  ');
  };
  const varianceTable = (id: DimensionId, d: PefaVarianceDimension) => {
    out.push('');
    para(`${w.dimension[id]}${w.colon}${d.score}`, '', 'bold');
    table(
      [w.year, w.budget, w.actual, w.variance, w.grade],
      d.years.map((y) => [
        y.year,
        shown(y.totals.printed?.budget),
        shown(y.totals.printed?.actual),
        shown(y.variance),
        shown(y.grade),
      ]),
    );
    para(d.why[options.lang], '  ');
  };

  const pi1 = a['PI-1'];
  heading(`${w.indicator['PI-1']}${w.colon}${pi1.score}`);
  outturnTable(pi1);

  const pi2 = a['PI-2'];
  heading(`${w.indicator['PI-2']}${w.colon}${pi2.score} · ${w.method[pi2.method]}`);
  para(pi2.why[options.lang], '  ');
  varianceTable('2.1', pi2.dimensions['2.1']);
  varianceTable('2.2', pi2.dimensions['2.2']);
  const c = pi2.dimensions['2.3'];
  out.push('');
  para(`${w.dimension['2.3']}${w.colon}${c.score}`, '', 'bold');
  table(
    [w.year, w.contingency, w.totalBudget, w.share],
    [
      ...c.years.map((y) => [y.year, shown(y.contingency), shown(y.totalBudget), shown(y.share)]),
      [w.average, '', '', shown(c.average)],
    ],
  );
  para(c.why[options.lang], '  ');

  const pi3 = a['PI-3'];
  heading(`${w.indicator['PI-3']}${w.colon}${pi3.score} · ${w.method[pi3.method]}`);
  para(pi3.why[options.lang], '  ');
  out.push('');
  para(`${w.dimension['3.1']}${w.colon}${pi3.dimensions['3.1'].score}`, '', 'bold');
  outturnTable(pi3.dimensions['3.1']);
  varianceTable('3.2', pi3.dimensions['3.2']);

  heading(w.findings);
  if (a.findings.length === 0) para(w.none);
  for (const [severity, list] of groupFindings(a.findings)) {
    para(`${w.severity[severity]} (${list.length})`, '', SEVERITY_STYLE[severity]);
    for (const f of list) {
      para(
        `${SEVERITY_MARK[severity]} [${f.code}] ${formatPath(f.path)}${w.colon}${f.message[options.lang]}`,
        '  ',
      );
    }
  }
  out.push('');
  para(w.summaryLine(a.summary), '', 'bold');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Options of {@link renderPefaMarkdown}. */
export interface PefaMarkdownOptions {
  readonly lang: Lang;
  readonly file: string;
}

/**
 * The assessment as Markdown, the way an assessment report's annex lays it out: the scores of
 * the three indicators and five dimensions with why, then for each dimension and year the
 * calculation table (line, budget, adjusted budget, outturn, deviation, absolute deviation) with
 * its totals, the variance and the grade; the contingency shares; the findings.
 */
export function renderPefaMarkdown(a: PefaAssessment, options: PefaMarkdownOptions): string {
  const w = WORDS[options.lang];
  const lang = options.lang;
  const out: string[] = [];
  const text = (s: string) => visible(markdownCell(s));
  out.push(`# ${text([w.title, a.entity].filter((s) => s !== null && s !== '').join(' · '))}`, '');
  out.push(`${w.file}${w.colon}\`${visible(options.file).replaceAll('`', "'")}\``);
  if (a.amountUnit !== null) out.push('', `${w.unit}${w.colon}${text(a.amountUnit)}`);
  out.push('');
  const pi1 = a['PI-1'];
  const pi2 = a['PI-2'];
  const pi3 = a['PI-3'];
  out.push(
    ...mdTable(
      [w.measure, w.score, w.why],
      ['l', 'c', 'l'],
      [
        [w.indicator['PI-1'], pi1.score, pi1.why[lang]],
        [`${w.indicator['PI-2']} · ${w.method[pi2.method]}`, pi2.score, pi2.why[lang]],
        [w.dimension['2.1'], pi2.dimensions['2.1'].score, pi2.dimensions['2.1'].why[lang]],
        [w.dimension['2.2'], pi2.dimensions['2.2'].score, pi2.dimensions['2.2'].why[lang]],
        [w.dimension['2.3'], pi2.dimensions['2.3'].score, pi2.dimensions['2.3'].why[lang]],
        [`${w.indicator['PI-3']} · ${w.method[pi3.method]}`, pi3.score, pi3.why[lang]],
        [w.dimension['3.1'], pi3.dimensions['3.1'].score, pi3.dimensions['3.1'].why[lang]],
        [w.dimension['3.2'], pi3.dimensions['3.2'].score, pi3.dimensions['3.2'].why[lang]],
      ].map((r) => r.map(visible)),
    ),
  );

  const outturnSection = (title: string, d: OutturnLike) => {
    out.push('', `## ${text(title)}`, '');
    out.push(
      ...mdTable(
        [w.year, w.budget, w.actual, w.outturn, w.grade],
        ['l', 'r', 'r', 'r', 'c'],
        d.years.map((y) =>
          [y.year, shown(y.budget), shown(y.actual), shown(y.outturn), shown(y.grade)].map(visible),
        ),
      ),
    );
  };
  const annex = (id: DimensionId, d: PefaVarianceDimension) => {
    out.push('', `## ${text(`${w.dimension[id]}${w.colon}${d.score}`)}`);
    for (const y of d.years) {
      out.push('', `### ${text(w.annex(id, y.year))}`, '');
      // The annex prints amounts as the table prints them; the exact ones are in --format json.
      const row = (l: PefaAnnexLine) =>
        [
          l.name,
          l.printed.budget,
          l.printed.adjusted,
          l.printed.actual,
          l.printed.deviation,
          l.printed.absoluteDeviation,
        ].map(visible);
      const t = y.totals.printed;
      out.push(
        ...mdTable(
          [w.line, w.budget, w.adjusted, w.actual, w.deviation, w.absoluteDeviation],
          ['l', 'r', 'r', 'r', 'r', 'r'],
          [
            ...y.lines.map(row),
            [
              w.total,
              shown(t?.budget),
              shown(t?.adjusted),
              shown(t?.actual),
              shown(t?.deviation),
              shown(t?.absoluteDeviation),
            ].map(visible),
          ],
        ),
      );
      out.push(
        '',
        text(`${w.variance}${w.colon}${shown(y.variance)} · ${w.grade}${w.colon}${shown(y.grade)}`),
      );
    }
  };
  outturnSection(`${w.indicator['PI-1']}${w.colon}${pi1.score}`, pi1);
  annex('2.1', pi2.dimensions['2.1']);
  annex('2.2', pi2.dimensions['2.2']);
  const c = pi2.dimensions['2.3'];
  out.push('', `## ${text(`${w.dimension['2.3']}${w.colon}${c.score}`)}`, '');
  out.push(
    ...mdTable(
      [w.year, w.contingency, w.totalBudget, w.share],
      ['l', 'r', 'r', 'r'],
      [
        ...c.years.map((y) =>
          [y.year, shown(y.contingency), shown(y.totalBudget), shown(y.share)].map(visible),
        ),
        [w.average, '', '', shown(c.average)],
      ],
    ),
  );
  outturnSection(`${w.dimension['3.1']}${w.colon}${pi3.dimensions['3.1'].score}`, pi3.dimensions['3.1']);
  annex('3.2', pi3.dimensions['3.2']);

  out.push('', `## ${w.findings}`, '');
  if (a.findings.length === 0) out.push(w.none);
  else {
    out.push(
      ...mdTable(
        ['#', w.severityHeader, 'code', 'path', w.why],
        ['r', 'l', 'l', 'l', 'l'],
        a.findings.map((f, i) =>
          [String(i + 1), w.severity[f.severity], f.code, formatPath(f.path), f.message[lang]].map(visible),
        ),
      ),
    );
  }
  out.push('', w.summaryLine(a.summary));
  return `${out.join('\n')}\n`;
}
