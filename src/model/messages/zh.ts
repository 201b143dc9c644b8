/**
 * The Chinese (zh-CN) message catalog: every finding's text, rendered from its code's
 * parameters.
 */
import { formatPath } from '../findings.js';
import { CROSS_CHECK_FORMULAS } from './formulas.js';
import type { BudgetColumn, Catalog, RoundedFigure, RowRef, ScoreSubject } from './params.js';

/** A budget line as the subject of a sentence (nothing when it has no name). */
const line = (name: string): string => (name === '' ? '' : `“${name}”`);

/** An indicator row as the subject of a sentence: its name, or its path when it has none. */
const row = (r: RowRef): string => (r.name === '' ? `指标 ${formatPath(r.path)}` : `“${r.name}”`);

const subject = (s: ScoreSubject): string =>
  s.kind === 'indicator'
    ? `“${s.name}”`
    : s.kind === 'group'
      ? `指标组“${s.path.join('／')}”`
      : s.line === ''
        ? '预算执行率'
        : `“${s.line}”预算执行率`;

const FIGURE: Readonly<Record<RoundedFigure, string>> = {
  'execution-rate': '执行率',
  'budget-sum': '合计数',
  'adjusted-budget': '调整预算数',
  variance: '差额',
  deviation: '偏差',
  score: '得分',
  'total-score': '总分',
  'cross-check': '数值',
  'period-rate': '期间执行率',
};

const COLUMN: Readonly<Record<BudgetColumn, string>> = {
  initial: '年初预算数',
  adjustment: '上年度结转及当年预算追加追减数',
  adjusted: '调整预算数',
  actual: '实际支出数',
};

const unitWords = (unit: string | null): string => (unit === '%' ? ' 个百分点' : unit ? ` ${unit}` : '');

/** The Chinese texts of the finding codes. */
export const ZH: Catalog = {
  'invalid-report': (p) => p.detail.zh,
  'unparsable-target': (p) => p.detail.zh,
  'unparsable-value': (p) =>
    p.kind === 'cell'
      ? p.detail.zh
      : p.kind === 'not-a-percentage'
        ? `“${p.text}”不是百分比`
        : `“${p.text}”不是得分`,
  'budget-adjusted-mismatch': (p) =>
    `${line(p.line)}调整预算数 ${p.adjusted} ≠ 年初预算数 ${p.initial} + 追加追减 ${p.adjustment} = ${p.expected}`,
  'budget-sum-mismatch': (p) =>
    `${line(p.line)}${COLUMN[p.column]} ${p.published} ≠ 其 ${p.count} 个子项之和 ${p.sum}${p.blanks > 0 ? `（其中 ${p.blanks} 个子项此栏未填）` : ''}`,
  'execution-rate-mismatch': (p) =>
    `${line(p.line)}执行率 ${p.published} ≠ 实际支出数 ÷ 调整预算数 = ${p.recomputed}${p.truncated ? '（所印数字像是截断而非四舍五入）' : ''}`,
  'execution-rate-undefined': (p) =>
    `${line(p.line)}调整预算数为零，执行率不存在${p.spent !== null ? `（但实际支出 ${p.spent}）` : ''}`,
  overspend: (p) =>
    p.basis === 'original'
      ? `${line(p.line)}实际支出 ${p.actual} 高于年初预算数 ${p.budget}，高出 ${p.excess}${p.rate !== null ? `（为年初预算的 ${p.rate}）` : ''}；表中未列调整预算数，可能由年中追加资金安排`
      : `${line(p.line)}实际支出 ${p.actual} 超出调整预算数 ${p.budget}，超支 ${p.excess}${p.rate !== null ? `（执行率 ${p.rate}）` : ''}`,
  'variance-mismatch': (p) => `${line(p.line)}差额 ${p.published} ≠ 预算数 − 实际支出数 = ${p.expected}`,
  'deviation-mismatch': (p) =>
    `${row(p.row)}：偏差 ${p.published} ≠ 重算值 ${p.recomputed}${p.relative ? '（(完成值 − 目标值) ÷ 目标值）' : '（完成值 − 目标值）'}${
      p.hint === 'zero-when-met'
        ? '（该表对已达成目标印 0，可用选项 metInequality: zero）'
        : p.hint === 'truncated'
          ? '（所印数字像是截断而非四舍五入）'
          : ''
    }`,
  'deviation-undefined': (p) =>
    `${row(p.row)}：目标值为零，相对偏差不存在，却印为“${p.published}”；绝对偏差为 ${p.absolute}${unitWords(p.unit)}`,
  'target-not-met': (p) => `${row(p.row)}：未完成目标 ${p.target}（完成值 ${p.actual}）`,
  'reason-missing': (p) =>
    p.kind === 'not-met'
      ? `${row(p.row)}：未完成目标 ${p.target}（完成值 ${p.actual}），但未说明原因`
      : `${row(p.row)}：完成目标 ${p.target} 的 ${p.achieved}（达到 ${p.threshold}% 以上），但未说明超额完成的原因`,
  'unit-mismatch': (p) => {
    switch (p.kind) {
      case 'values':
        return p.detail.zh;
      case 'column-not-a-unit':
        return `${row(p.row)}：度量单位“${p.unit}”不是计量单位`;
      case 'column-differs':
        return `${row(p.row)}：目标值单位“${p.own}”与度量单位“${p.unit}”不一致`;
      case 'deviation-unit':
        return `${row(p.row)}：偏差“${p.published}”的单位既不是 % 也不是指标单位`;
      case 'name-unit':
        return `${row(p.row)}：计量单位“${p.unit}”与指标名称不符（名称以“${p.named}”计）`;
      case 'time-as-rate':
        return `${row(p.row)}：时间类指标的目标值写成了比率“${p.target}”`;
    }
  },
  'implicit-operator': (p) =>
    `${row(p.row)}：目标值“${p.target}”未标明比较关系，按指标方向理解为 ${p.reading}`,
  'needs-judgement': (p) => {
    switch (p.kind) {
      case 'evaluation':
        return `${row(p.row)}：${p.detail.zh}`;
      case 'deviation-text':
        return `${row(p.row)}：偏差“${p.text}”是文字而非数值`;
      case 'deviation-without-values':
        return `${row(p.row)}：印有偏差 ${p.published}，但未填写${p.missing === 'target' ? '目标值' : '完成值'}`;
      case 'score-unchecked':
        return `${subject(p.subject)}：得分 ${p.published} 无法核对：${p.detail.zh}`;
      case 'score-without-weight':
        return `“${p.name}”：印有得分但无分值，无法核对`;
      case 'status-word':
        return p.reading === 'partial'
          ? `${row(p.row)}：所印完成情况“${p.text}”为部分达成，而按目标值、完成值计算为已达成`
          : `${row(p.row)}：所印完成情况“${p.text}”不是可识别的用语（达成、未达成、Achieved、Not achieved 等），未核对`;
    }
  },
  'over-achievement': (p) =>
    `${subject(p.subject)}：完成目标的 ${p.achieved}（≥ ${p.threshold}%），提请复核，不自动扣分；目标值是否偏低？`,
  'cross-check-mismatch': (p) =>
    `“${p.name}”印为 ${p.published}，但按报告自身数据计算为 ${p.recomputed}：${CROSS_CHECK_FORMULAS[p.id].zh}`,
  'score-mismatch': (p) =>
    `${subject(p.subject)}：得分 ${p.published} ≠ ${p.expected}（${p.explanation.zh}）${p.metBelowWeight ? '；已完成的指标在任何计分规则下都应得满分' : ''}`,
  'score-out-of-band': (p) =>
    `${subject(p.subject)}：得分 ${p.published} 不在档次 ${p.band} 内：${p.explanation.zh}`,
  'total-score-mismatch': (p) =>
    p.kind === 'printed-sum'
      ? `总分 ${p.published} 不等于各项得分之和 ${p.expected}`
      : `总分 ${p.published} 与按计分规则重算的 ${p.expected} 不符（计分方案 ${p.profile}）`,
  'weight-sum-mismatch': (p) =>
    p.basis === 'default-split'
      ? `“${(p.group ?? []).join('／')}”的分值之和为 ${p.sum}，不是默认分值（产出 50、效益 30、满意度 10、预算执行率 10）中的 ${p.expected}`
      : p.group === undefined
        ? `各项分值之和为 ${p.sum}，不是 ${p.expected}`
        : `分组“${p.group.join(' / ')}”下各项分值之和为 ${p.sum}，不是该组的分值 ${p.expected}`,
  'grade-mismatch': (p) =>
    `等级“${p.published}”与总分 ${p.total} 不符，应为“${p.expected}”（计分方案 ${p.profile}）`,
  'rounding-difference': (p) =>
    `${p.name === '' ? '报告' : `“${p.name}”`}：${FIGURE[p.figure]} ${p.published} 与按所印数据精确计算的 ${p.recomputed} 之差仅来自所印数据的四舍五入：四舍五入后等于所印数据的输入可得 ${p.low} 至 ${p.high}`,
  'empty-report': (p) =>
    `报告中没有可核对的内容：无预算、无指标、无人员编制、无总分${p.ignored.length > 0 ? `（已忽略的字段：${p.ignored.map((k) => `“${k}”`).join('、')}）` : ''}`,
  'unknown-field': (p) =>
    `字段“${p.key}”不属于报告格式，已忽略${p.nearest !== null ? `；是否应为“${p.nearest}”？` : ''}`,
  'status-mismatch': (p) =>
    `${row(p.row)}：所印完成情况“${p.published}”与目标值、完成值不符，按其计算应为${p.recomputed === 'met' ? '已完成' : '未完成'}`,
  'score-above-weight': (p) => `${subject(p.subject)}：得分 ${p.published} 高于分值 ${p.weight}`,
  'score-missing': (p) => `${subject(p.subject)}：印有分值 ${p.weight}，但未印得分`,
  'weights-incomplete': (p) =>
    p.sum === p.expected
      ? `${p.missing.length > 0 ? p.missing.join('、') : '部分指标组'}下所印各行分值之和不足该组分值：表格似不完整，不重算总分和等级`
      : `所印分值合计 ${p.sum}，不足 ${p.expected}${p.missing.length > 0 ? `（缺少：${p.missing.join('、')}）` : ''}：表格似不完整，不重算总分和等级`,
  'negative-amount': (p) => `${line(p.line)}${COLUMN[p.column]}为负数（${p.value}）`,
  'over-establishment': (p) =>
    `在职 ${p.actual} 人，编制 ${p.authorized} 人（在职人员控制率 ${p.rate}），超出编制`,
  'staffing-invalid': (p) =>
    p.kind === 'zero-authorized'
      ? `编制数为 ${p.authorized ?? '0'}，在职人员控制率不存在${p.actual !== null ? `（在职 ${p.actual} 人）` : ''}`
      : `人员数为负数（编制 ${p.authorized ?? '—'}，在职 ${p.actual ?? '—'}）`,
  // PEFA datasets (assessPefa)
  'pefa-total-mismatch': (p) =>
    `${p.year}：所印支出总额的${p.column === 'budget' ? '预算数' : '决算数'} ${p.published} ≠ 各行 + 利息 + 预备费 = ${p.sum}`,
  'pefa-year-missing': (p) =>
    p.dimension === null
      ? `${p.year}：最近三个财年之一，数据集中没有该年：该年按 D 计`
      : `${p.year}：该年未提供维度 ${p.dimension} 所需的数据：该年按 D 计`,
  'pefa-insufficient-years': (p) =>
    p.dimension === null
      ? `仅有 ${p.count} 个财年的数据：PEFA 按最近三个已完成财年评分，各维度均为 D*（信息不足）`
      : `没有任何一年提供维度 ${p.dimension} 所需的数据：该维度为 D*（信息不足）`,
  'pefa-no-approved-budget': (p) => `${p.year}：该年未批准预算，没有可比较的原始预算：该年按 D 计`,
  'pefa-undefined': (p) =>
    `${p.year}：该年维度 ${p.dimension} 的数值不存在（${p.reason === 'zero-budget' ? '预算为零' : '调整后预算合计为零'}）：该年按 D 计`,
  'pefa-line-unreadable': (p) =>
    `${p.year}：${p.line === '' ? '某行' : `“${p.line}”`}的${p.column === 'budget' ? '预算数' : '决算数'}“${p.text}”无法读取（${p.detail.zh}）；该表该年的数值不予计算`,
  'behind-schedule': (p) =>
    `${line(p.line)}：执行率 ${p.periodRate}，序时进度 ${p.timeProgress}（进度比 ${p.pace}，落后 ${p.gap} 个百分点）：${p.state === 'red' ? '红色，严重滞后' : p.state === 'amber' ? '黄色，滞后' : '绿色'}`,
  'ahead-of-schedule': (p) =>
    `${line(p.line)}：执行率 ${p.periodRate} 超过序时进度 ${p.timeProgress}（进度比 ${p.pace}）`,
  'period-rate-mismatch': (p) =>
    `${line(p.line)}：所印执行率 ${p.published} 与执行数 ÷ 预算数不符，应为 ${p.recomputed}`,
  'period-rate-undefined': (p) =>
    `${line(p.line)}：预算数为零，执行率不存在${p.spent !== null ? `（已支出 ${p.spent}）` : ''}`,
  'time-progress-mismatch': (p) =>
    `${line(p.line)}：所印序时进度 ${p.published} 与报告期的 ${p.recomputed} 不符（${p.convention === 'months' ? '已过月数 ÷ 12' : '已过天数 ÷ 全年天数'}）${p.other !== null ? `；按${p.convention === 'months' ? '天' : '月'}计算为 ${p.other}` : ''}`,
  'time-progress-undefined': (p) => `无法计算本监控表的序时进度：${p.detail.zh}`,
  'expected-execution-gap': (p) =>
    `${line(p.line)}：全年预计执行数 ${p.expected} ${p.direction === 'below' ? '低于' : '高于'}预算数 ${p.budget}（${p.rate}）`,
  'likelihood-contradiction': (p) =>
    `${row(p.row)}：所印完成目标可能性“${p.likelihood}”与全年预计完成值 ${p.expected} 矛盾：按目标值 ${p.target} 应为${p.status === 'met' ? '能完成' : '不能完成'}`,
  'dimension-missing': (p) =>
    p.block.length === 1 && p.block[0] === '成本指标'
      ? '缺少成本指标（产出指标下或单列的成本指标均无）'
      : `“${p.block.join('／')}”下没有任何三级指标`,
  'table-truncated': (p) => `该表在来源中不完整：未执行完整性审核规则 ${p.rules.join('、')}`,
  'target-missing': (p) =>
    p.kind === 'name'
      ? `指标 ${formatPath(p.row.path)} 没有指标名称`
      : p.kind === 'placeholder'
        ? `${row(p.row)}：指标值“${p.target}”仍是模板占位符`
        : `${row(p.row)}：指标值为空${p.target === '' ? '' : `（“${p.target}”）`}`,
  'target-vague': (p) =>
    p.kind === 'grade'
      ? `${row(p.row)}：指标值“${p.target}”是程度等级（${p.word}），无分级标准时难以衡量`
      : `${row(p.row)}：指标值“${p.target}”表述模糊：只有程度词（${p.word}），没有数值或明确的等级`,
  'unit-missing': (p) =>
    p.kind === 'rate'
      ? `${row(p.row)}：比率“${p.target}”未写 %`
      : p.kind === 'money'
        ? `${row(p.row)}：单位成本“${p.target}”缺少金额单位（元、万元）`
        : `${row(p.row)}：指标值“${p.target}”只有数字，缺少计量单位`,
  'cost-not-money': (p) =>
    p.kind === 'rate'
      ? `${row(p.row)}：成本指标值“${p.target}”是比率，不是金额`
      : p.kind === 'no-number'
        ? `${row(p.row)}：成本指标值“${p.target}”没有金额`
        : `${row(p.row)}：成本指标值“${p.target}”不是金额或单位成本`,
  'cost-not-ceiling': (p) => `${row(p.row)}：成本“${p.target}”写成了下限（≥），应为上限`,
  'cost-over-funds': (p) =>
    p.kind === 'single'
      ? `${row(p.row)}：成本上限 ${p.cost} 超过项目资金 ${p.funds}`
      : p.kind === 'standard'
        ? `${row(p.row)}：成本 ${p.cost} 超过预算支出标准 ${p.standard}`
        : `单位成本乘以数量（${p.terms.join('；')}）合计 ${p.sum}，超过项目资金 ${p.funds}`,
  'deadline-outside-period': (p) =>
    p.kind === 'no-date'
      ? `${row(p.row)}：时效指标值“${p.target}”没有日期或时长`
      : `${row(p.row)}：“${p.target}”不在${p.basis === 'period' ? '项目实施期' : '预算年度'}（${p.start} 至 ${p.end}）内`,
  'value-out-of-bounds': (p) =>
    p.kind === 'above-100'
      ? `${row(p.row)}：指标值“${p.target}”超过 100%，该比率不可能达到`
      : `${row(p.row)}：指标值“${p.target}”只能理解为 =100%`,
  'target-below-standard': (p) =>
    p.kind === 'contradicts'
      ? `${row(p.row)}：指标值“${p.target}”与所列标准（${p.standard}）不一致`
      : `${row(p.row)}：指标值“${p.target}”低于所列标准（${p.standard}）`,
  'target-below-last-year': (p) =>
    p.basis === 'previous-target'
      ? `${row(p.row)}：指标值“${p.target}”低于上次申报的 ${p.reference}`
      : `${row(p.row)}：指标值“${p.target}”低于上年实际完成值 ${p.reference}，且未说明原因`,
  'goal-indicator-mismatch': (p) =>
    `${row(p.row)}：年度目标为“${p.context}${p.figure}”，指标值为“${p.target}”，二者不一致`,
  'funds-mismatch': (p) =>
    p.kind === 'sum'
      ? `项目资金不平：${p.parts.join(' + ')} = ${p.sum}，不等于资金总额 ${p.total}`
      : p.kind === 'line'
        ? `资金明细 ${p.parts.join('')} 超过资金总额 ${p.total}`
        : p.kind === 'tasks'
          ? `年度履职目标各项任务金额（${p.parts.join('、')}）合计 ${p.sum}，与资金总额 ${p.total} 不符`
          : `资金明细（${p.parts.join('、')}）合计 ${p.sum}，超过资金总额 ${p.total}`,
  'template-residue': (p) =>
    p.kind === 'footnote'
      ? `表中保留了模板脚注：“${p.text}”`
      : `${p.row === null ? '该表' : row(p.row)}：名称中保留了模板${p.kind === 'stars' ? '星号' : '占位符'}“${p.text}”`,
  'process-measure-as-target': (p) => `${row(p.row)}：${p.measure}衡量的是投入或过程，不是产出或效果`,
  'misfiled-indicator': (p) => `${row(p.row)}：填在“${p.filed}”下，但衡量的是${p.belongs}`,
};
