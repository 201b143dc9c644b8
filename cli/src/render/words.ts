/**
 * The words of the text and Markdown outputs in zh-CN and en: headings, column headers,
 * statuses, summary lines, and the marks of a checked cell.
 *
 * @internal
 */
import type { Lang, Severity } from 'outturn';

/** A printed figure that outturn recomputed and found consistent. */
export const MARK_OK = '✓';
/** A cell with an error. */
export const MARK_ERROR = '✗';
/** A cell with a warning. */
export const MARK_WARNING = '!';
/** An info finding (text output). */
export const MARK_INFO = 'i';
/** A figure that is not printed or does not exist. */
export const NONE = '-';

/** The words of one language. */
export interface Words {
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
  /** No finding, and no printed figure was compared with a recomputation: never "every figure recomputes". */
  readonly nothingRecomputed: string;
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
  /** The words of a monitoring table (绩效运行监控表). */
  readonly monitoring: MonitoringWords;
  /** The head of the one line that stands for `n` info findings of one code. */
  readonly collapsed: (code: string, n: number, paths: string, more: number) => string;
  /** Before the message of the first finding of a collapsed code. */
  readonly forExample: string;
  /** After the info findings when some were collapsed. */
  readonly verboseHint: string;
  /** With --quiet: how many warnings and info findings were not listed. */
  readonly quietHidden: (warnings: number, info: number) => string;
}

/** The words of the monitoring tables of the text and Markdown outputs. */
export interface MonitoringWords {
  /** The period as a label: `1–6月`, `months 1–6`, `截至2019-06-30`. */
  readonly period: (months: number | null, through: string | null) => string;
  readonly budget: (period: string, unit: string) => string;
  readonly amount: string;
  readonly periodActual: (period: string) => string;
  readonly timeProgress: string;
  readonly printedRate: (period: string) => string;
  readonly recomputedRate: (period: string) => string;
  readonly pace: string;
  readonly state: string;
  readonly states: Readonly<Record<'red' | 'amber' | 'green', string>>;
  /** One line on how the states were judged. */
  readonly note: (
    timeProgress: string,
    period: string,
    convention: 'months' | 'days',
    basis: 'pace' | 'gap',
    red: string,
    amber: string,
  ) => string;
  readonly indicators: string;
  readonly periodValue: (period: string) => string;
  readonly expected: string;
  readonly expectedStatus: string;
  readonly likelihood: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The words of each language. */
export const WORDS: Readonly<Record<Lang, Words>> = {
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
    nothingRecomputed:
      'No findings, but nothing was recomputed: the report prints no rate, deviation, score, sum or total that the checks could compare.',
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
    collapsed: (code, n, paths, more) =>
      `${code}: ${n} findings, at ${paths}${more > 0 ? ` and ${more} more` : ''}`,
    forExample: 'the first: ',
    verboseHint:
      'Findings of one code that occur more than 5 times are counted on one line; --verbose lists each.',
    quietHidden: (w, i) => `--quiet: ${plural(w, 'warning', 'warnings')} and ${i} info not listed.`,
    monitoring: {
      period: (m, t) => (m !== null ? `months 1–${m}` : t !== null ? `to ${t}` : 'period'),
      budget: (p, unit) =>
        `Budget execution against time progress, ${p}${unit ? ` (amounts in ${unit})` : ''}`,
      amount: 'Budget',
      periodActual: () => 'Spent',
      timeProgress: 'Time',
      printedRate: () => 'Printed',
      recomputedRate: () => 'Recomputed',
      pace: 'Pace',
      state: 'State',
      states: { red: 'red', amber: 'amber', green: 'green' },
      note: (tp, p, c, basis, red, amber) =>
        `Time progress ${tp} (${p}, ${c === 'months' ? 'months elapsed ÷ 12' : 'days elapsed ÷ days of the year'}). ${basis === 'pace' ? `Pace = rate ÷ time progress × 100: below ${red} red, ${red} to under ${amber} amber, ${amber} and above green.` : `Gap = time progress − rate, in points: above ${red} red, above ${amber} amber, else green.`}`,
      indicators: 'Indicators: expected full-year values and likelihood',
      periodValue: () => 'To date',
      expected: 'Expected',
      expectedStatus: 'Status',
      likelihood: 'Likelihood',
    },
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
    nothingRecomputed: '未发现问题，但没有复算任何数字：报告中没有可供核对的执行率、偏差、得分、合计或总分。',
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
    collapsed: (code, n, paths, more) =>
      `${code}：共 ${n} 条，位于 ${paths}${more > 0 ? ` 等（另有 ${more} 条）` : ''}`,
    forExample: '第一条：',
    verboseHint: '同一代码超过 5 条的提示合为一行计数；加 --verbose 逐条列出。',
    quietHidden: (w, i) => `--quiet：未列出警告 ${w} 个、提示 ${i} 条。`,
    monitoring: {
      period: (m, t) => (m !== null ? `1–${m}月` : t !== null ? `截至${t}` : '报告期'),
      budget: (p, unit) => `预算执行进度（${p}${unit ? `，金额单位：${unit}` : ''}）`,
      amount: '预算数',
      periodActual: () => '执行数',
      timeProgress: '序时进度',
      printedRate: () => '报告执行率',
      recomputedRate: () => '复算执行率',
      pace: '进度比',
      state: '状态',
      states: { red: '红', amber: '黄', green: '绿' },
      note: (tp, p, c, basis, red, amber) =>
        `序时进度 ${tp}（${p}，${c === 'months' ? '已过月数 ÷ 12' : '已过天数 ÷ 全年天数'}）。${basis === 'pace' ? `进度比 = 执行率 ÷ 序时进度 × 100：低于 ${red} 为红，${red} 至不足 ${amber} 为黄，${amber} 及以上为绿。` : `差距 = 序时进度 − 执行率（百分点）：超过 ${red} 为红，超过 ${amber} 为黄，其余为绿。`}`,
      indicators: '绩效指标：全年预计完成值与完成目标可能性',
      periodValue: (p) => `${p}完成值`,
      expected: '全年预计',
      expectedStatus: '预计',
      likelihood: '可能性',
    },
  },
};
