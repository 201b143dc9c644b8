/**
 * The words only the HTML report uses, in zh-CN and en; the others come from words.ts.
 *
 * @internal
 */
import type { Lang } from 'outturn';

/** The HTML report's own words in one language. */
export interface HtmlWords {
  /** The `lang` attribute of the document. */
  readonly htmlLang: string;
  readonly documentTitle: string;
  readonly reports: (n: number) => string;
  readonly noReports: string;
  readonly entity: string;
  readonly year: string;
  readonly kind: string;
  readonly kinds: Readonly<Record<string, string>>;
  readonly errors: string;
  readonly warnings: string;
  readonly infos: string;
  readonly printedTotal: string;
  readonly recomputedTotal: string;
  readonly printedGrade: string;
  readonly recomputedGrade: string;
  readonly scoresTitle: string;
  readonly totalScore: string;
  readonly grade: string;
  readonly chart: string;
  readonly rateLabel: (rate: string) => string;
  readonly timeLabel: (tp: string) => string;
  readonly barLegend: (monitoring: boolean) => string;
  readonly seeFindings: string;
  readonly toRow: string;
  readonly made: string;
}

/** The HTML report's words in each language. */
export const HTML_WORDS: Readonly<Record<Lang, HtmlWords>> = {
  en: {
    htmlLang: 'en',
    documentTitle: 'outturn check',
    reports: (n) => `${n} ${n === 1 ? 'report' : 'reports'}`,
    noReports: 'No report to show.',
    entity: 'Entity',
    year: 'Year',
    kind: 'Kind',
    kinds: {
      department: 'department',
      project: 'project',
      monitoring: 'monitoring',
      declaration: 'targets',
    },
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Info',
    printedTotal: 'Total, printed',
    recomputedTotal: 'Total, recomputed',
    printedGrade: 'Grade, printed',
    recomputedGrade: 'Grade, recomputed',
    scoresTitle: 'Total score and grade',
    totalScore: 'Total score (总分)',
    grade: 'Grade (等级)',
    chart: 'Rate',
    rateLabel: (r) => `execution rate ${r} against 100%`,
    timeLabel: (tp) => `, time progress ${tp}`,
    barLegend: (m) =>
      `Bars: the recomputed rate on a scale that marks 100% with a line; beyond 100% in red${m ? '; the dashed line is the time progress (序时进度)' : ''}.`,
    seeFindings: 'Findings at this row',
    toRow: 'row',
    made: 'Made by outturn: every printed figure recomputed with exact decimals. This file makes no network request and runs no script.',
  },
  zh: {
    htmlLang: 'zh-CN',
    documentTitle: 'outturn 核对报告',
    reports: (n) => `共 ${n} 份报告`,
    noReports: '没有可显示的报告。',
    entity: '单位',
    year: '年度',
    kind: '类型',
    kinds: {
      department: '部门整体',
      project: '项目',
      monitoring: '运行监控',
      declaration: '目标申报',
    },
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    printedTotal: '报告总分',
    recomputedTotal: '复算总分',
    printedGrade: '报告等级',
    recomputedGrade: '复算等级',
    scoresTitle: '总分与等级',
    totalScore: '总分',
    grade: '等级',
    chart: '执行率',
    rateLabel: (r) => `执行率 ${r}，对照 100%`,
    timeLabel: (tp) => `，序时进度 ${tp}`,
    barLegend: (m) =>
      `条形图：复算执行率，竖线为 100%，超出 100% 的部分为红色${m ? '；虚线为序时进度' : ''}。`,
    seeFindings: '本行的问题与提示',
    toRow: '所在行',
    made: '由 outturn 生成：报告中的数字均以精确小数复算。本文件不发出任何网络请求，也不运行任何脚本。',
  },
};
