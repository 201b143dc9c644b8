/**
 * The vocabulary of column headers: the words real budget and indicator tables print above
 * each column, Chinese and English, for each field of the report JSON they can fill. Only
 * data; headers.ts matches a header cell against it.
 *
 * A word is written as the table prints it; matching normalises both sides (headers.ts), so
 * `执行率（%）` and `Execution rate` need no variants here.
 *
 * @internal
 */

/** Fields of a budget line that a column can hold. */
export type BudgetField =
  | 'name'
  | 'initial'
  | 'adjustment'
  | 'adjusted'
  | 'actual'
  | 'executionRate'
  | 'weight'
  | 'score'
  | 'variance'
  | 'carryover'
  /** 预算数 / Budget: the adjusted budget when the table has no other, else the initial one. */
  | 'budget'
  /** Monitoring tables: 1-6月执行数 / 截至6月底执行数 / Spent to date (the spending of the period). */
  | 'periodActual'
  /** Monitoring tables: 全年预计执行数 / Projected (the spending expected for the whole year). */
  | 'expectedActual'
  /** Monitoring tables: 1-6月执行率 / 执行进度 with a period / % spent (printed). */
  | 'periodRate'
  /** Monitoring tables: 序时进度 / 时间进度 (printed). */
  | 'timeProgress';

/** Fields of an indicator row that a column can hold. */
export type IndicatorField =
  | 'path'
  | 'name'
  | 'target'
  | 'operator'
  | 'actual'
  | 'unit'
  | 'weight'
  | 'score'
  | 'deviation'
  | 'reason'
  | 'source'
  /** A printed status: 是否达成 / 完成情况 beside an actual column / Achieved or not. */
  | 'status'
  /** Monitoring tables: 1-6月完成值 / 半年度指标执行情况 / Achieved to date. */
  | 'periodActual'
  /** Monitoring tables: 全年预计完成值 / 全年预计完成情况 / Projected. */
  | 'expectedActual'
  /** Monitoring tables: 完成目标可能性 (确定能 / 有可能 / 完全不可能) / Likely to achieve? */
  | 'likelihood'
  /** Monitoring tables: one column per answer of 完成目标可能性 (确定能 | 有可能 | 完全不可能), one marked. */
  | 'likelihoodOption'
  /** Target tables: 上年实际完成值 / 上年指标值 (历史值), printed beside the target. */
  | 'lastYear'
  /** Target tables: 取值依据 / 指标值设定依据 / 绩效标准 (计划标准, 行业标准 …). */
  | 'standard'
  /** Target tables: 指标方向性 (正向指标 / 反向指标) in its own column. */
  | 'direction'
  /** Target tables: 中期指标值 / 实施期指标值, the target over the whole period beside the year's. */
  | 'midTermTarget';

/** Fields and the header words that name them. */
export type Vocabulary<F extends string> = readonly (readonly [F, readonly string[]])[];

/** Budget table headers. */
export const BUDGET_WORDS: Vocabulary<BudgetField> = [
  [
    'name',
    [
      '本年度预算资金',
      '预算资金',
      '项目资金',
      '资金来源',
      '资金构成',
      '资金类别',
      '资金性质',
      '项目',
      '项目名称',
      '预算项目',
      '支出项目',
      '科目',
      '科目名称',
      '预算科目',
      '功能科目',
      '支出科目',
      '名称',
      '预算资金名称',
      'item',
      'lineitem',
      'name',
      'description',
      'programme',
      'program',
      'subprogramme',
      'subprogram',
      'subprogrammename',
      'programmename',
      'economicclassification',
      'budgetline',
      'year',
      'financialyear',
      'fiscalyear',
    ],
  ],
  [
    'initial',
    [
      '年初预算数',
      '年初预算',
      '年初预算金额',
      '年初预算安排',
      '年初预算数合计',
      'initialbudget',
      'originalbudget',
      'mainappropriation',
      'mainbudget',
      // South African appropriation statements: Adjusted Appropriation + Shifting of Funds +
      // Virement = Final Appropriation; the adjusted appropriation is the budget before them.
      'adjustedappropriation',
      'originalapprovedbudget',
      'originalestimates',
    ],
  ],
  [
    'adjustment',
    [
      '上年度结转及当年预算追加追减数',
      '上年结转及当年预算追加追减数',
      '预算追加追减数',
      '追加追减数',
      '追加追减',
      '预算调整数',
      '调整数',
      '调整金额',
      '预算调整金额',
      'adjustment',
      'adjustments',
      'budgetadjustment',
    ],
  ],
  [
    'adjusted',
    [
      '调整预算数',
      '调整后预算数',
      '调整后预算',
      '全年预算数',
      '全年预算',
      '年度预算数',
      '调整后全年预算数',
      '预算调整后金额',
      // The monitoring forms' column of the year's funds (`项目 | 年度资金总额 | 1-6月执行数`); on
      // the year-end forms 年度资金总额 is a line's name, on a row of figures, never a header.
      '年度资金总额',
      'adjustedbudget',
      'finalappropriation',
      'finalbudget',
      'revisedbudget',
      'revisedestimate',
      'adjustedestimate',
    ],
  ],
  [
    'budget',
    [
      '预算数',
      '预算金额',
      '预算',
      'budget',
      'appropriation',
      // Uganda's quarterly performance reports: Approved Budget | Cumulative Releases |
      // Cumulative Expenditure | % Budget Released | % Budget Spent | % Releases Spent.
      'approvedbudget',
      'approvedestimates',
    ],
  ],
  [
    'actual',
    [
      '实际支出数',
      '全年执行数',
      '预算执行数',
      '实际执行数',
      '实际支出',
      '实际支出金额',
      '执行数',
      '支出数',
      '决算数',
      '实际使用数',
      'actual',
      'actualexpenditure',
      'actualamountspent',
      'actualspending',
      'amountspent',
      'expenditure',
      'spent',
      // Revenue tables print what came in: Uganda's `Approved Budget | Cumulative Receipts |
      // % of Budget Received` (budget-table.ts reads such a table's lines as revenue).
      'cumulativereceipts',
      'receipts',
      'actualreceipts',
      'receiptstodate',
      'amountreceived',
      'actualrevenue',
      'revenuecollected',
      'cumulativeexpenditure',
      'cumulativespending',
      'cumulativeactual',
      'expendituretodate',
    ],
  ],
  [
    'executionRate',
    [
      '执行率',
      '预算执行率',
      '执行进度',
      '支出进度',
      'executionrate',
      'expenditureasoffinalappropriation',
      'spendingrate',
      'budgetexecutionrate',
      'budgetspent',
      'ofbudgetspent',
      'ofbudgetreceived',
    ],
  ],
  ['weight', ['分值', '权重', '执行率权重', '执行率分值', 'weight', 'weighting']],
  ['score', ['得分', '执行率得分', 'score']],
  [
    'variance',
    [
      '差额',
      'variance',
      'overunderexpenditure',
      'underoverexpenditure',
      'underexpenditure',
      'overexpenditure',
      'variancebudgetlessactual',
    ],
  ],
  ['carryover', ['年末结转结余', '结转结余', '结转结余数', '年末结转结余数', 'carryover', 'rollover']],
  // Monitoring tables (绩效运行监控表). The spending of the period is mostly a period phrase and an
  // actual word (`1-6月执行数`: PERIOD_BUDGET_WORDS below); these words name it alone.
  ['periodActual', ['spenttodate', 'actualtodate', 'yeartodateactual', 'ytdactual', 'ytdexpenditure']],
  [
    'expectedActual',
    [
      '全年预计执行数',
      '预计全年执行数',
      '全年预计执行',
      '全年预计支出数',
      '预计全年支出数',
      '全年预计执行金额',
      '预计执行数',
      'projected',
      'projectedexpenditure',
      'projectedspending',
      'projectedoutturn',
      'projectedactual',
      'forecast',
      'forecastoutturn',
      'fullyearforecast',
    ],
  ],
  ['timeProgress', ['序时进度', '时间进度', '序时进度比例', '时序进度', 'timeprogress', 'timeelapsed']],
];

/**
 * Budget words read after a period phrase (`1-6月`, `截至6月底`, `上半年`: monitoring.ts): the
 * figures of that period, not of the whole year.
 */
export const PERIOD_BUDGET_WORDS: Vocabulary<BudgetField> = [
  [
    'periodActual',
    [
      '执行数',
      '执行金额',
      '预算执行数',
      '实际执行数',
      '实际支出数',
      '实际支出',
      '支出数',
      '支出金额',
      '执行',
      '累计执行数',
      '累计支出数',
      '资金执行数',
    ],
  ],
  ['periodRate', ['执行率', '预算执行率', '执行进度', '预算执行进度', '支出进度', '资金执行率', '支出率']],
];

/** Indicator words read after a period phrase: the value reached in that period. */
export const PERIOD_INDICATOR_WORDS: Vocabulary<IndicatorField> = [
  [
    'periodActual',
    [
      '完成值',
      '实际完成值',
      '指标完成值',
      '实际值',
      '完成情况',
      '实际完成情况',
      '指标完成情况',
      '执行情况',
      '指标执行情况',
      '指标值完成情况',
      '累计完成值',
    ],
  ],
];

/** Indicator table headers. */
export const INDICATOR_WORDS: Vocabulary<IndicatorField> = [
  [
    'path',
    [
      '一级指标',
      '二级指标',
      '类别',
      '指标类别',
      '指标类型',
      '一级',
      '二级',
      '绩效维度',
      '维度',
      '目标类型',
      '分解目标',
      'category',
      'outcome',
      'output',
      'programme',
      'program',
      'subprogramme',
      'objective',
      'strategicobjective',
      'dimension',
      'level1',
      'level2',
    ],
  ],
  [
    'name',
    [
      '三级指标',
      '指标名称',
      '指标',
      '绩效指标',
      '指标内容',
      '考核指标',
      '评价指标',
      '具体指标',
      'indicator',
      'indicators',
      'indicatorname',
      'performanceindicator',
      'outputindicator',
      'keyperformanceindicator',
      'kpi',
      'measure',
      'name',
    ],
  ],
  [
    'target',
    [
      '指标值',
      '年度指标值',
      '指标目标值',
      '目标值',
      '年度目标值',
      // Hubei's 财政预算支出项目绩效目标自评表: 年初目标值 / 年初指标值, 年终完成值, 自评分.
      '年初目标值',
      '年初指标值',
      '预期指标值',
      '预期目标值',
      '年度目标',
      '计划值',
      '预期值',
      '目标',
      'target',
      'targets',
      'plannedtarget',
      'annualtarget',
      'plannedannualtarget',
      'targetvalue',
      'planned',
      // Queensland's service standards: `2018–19 Target/ estimate`.
      'targetestimate',
    ],
  ],
  [
    'operator',
    ['指标性质', '符号', '运算符号', '比较符号', '指标方向', 'operator', 'comparator', 'direction'],
  ],
  [
    'actual',
    [
      '实际完成值',
      '指标完成值',
      '完成值',
      '全年实际值',
      '实际值',
      '实际完成情况',
      '实际完成',
      '年度实际完成值',
      '年终完成值',
      '全年完成值',
      '完成情况',
      'actual',
      'actualoutput',
      'actualachievement',
      'actualperformance',
      'actualvalue',
      'achievement',
      'actualresult',
      'result',
      // Queensland's service standards: `2018–19 Estimated actual` (the header the annual
      // report keeps from the budget papers), `2018-19 End of financial year actual`.
      'estimatedactual',
      'endoffinancialyearactual',
      'endofyearactual',
    ],
  ],
  ['unit', ['度量单位', '计量单位', '单位', 'unit', 'units', 'unitofmeasure']],
  ['weight', ['分值', '权重', '指标权重', '指标分值', 'weight', 'weighting']],
  ['score', ['得分', '自评分', '自评得分', '指标得分', 'score']],
  ['deviation', ['偏差情况', '偏差', '偏差率', '偏差值', '偏离度', 'deviation', 'deviations']],
  [
    'reason',
    [
      '原因分析',
      '偏差原因分析及改进措施',
      '偏差原因分析',
      '偏差原因及改进措施',
      '偏差原因',
      '原因',
      '原因说明',
      '未完成原因分析',
      '未完成原因',
      '未完成原因及拟采取的改进措施',
      '未完成原因分析及改进措施',
      '未完成原因和改进措施',
      '未完成原因及改进措施',
      'reason',
      'reasons',
      'reasonfordeviation',
      'reasonsfordeviation',
      'reasonsfordeviations',
      'commentondeviation',
      'commentondeviations',
      'commentsondeviations',
      'comments',
      'comment',
      'explanation',
    ],
  ],
  [
    'source',
    [
      '完成值来源',
      '数据来源',
      '佐证材料',
      '证明材料',
      '来源',
      'source',
      'datasource',
      'evidence',
      'meansofverification',
    ],
  ],
  [
    'status',
    [
      '是否完成',
      '是否达成',
      '是否达标',
      '是否实现',
      '达成情况',
      '达标情况',
      '完成状态',
      '达成状态',
      '目标完成情况',
      'status',
      'achieved',
      'achievednotachieved',
      'achievedornotachieved',
      'targetachieved',
      'targetmet',
      'achievementstatus',
    ],
  ],
  // Monitoring tables (绩效运行监控表).
  ['periodActual', ['achievedtodate', 'actualtodate', 'progresstodate', 'ytdactual']],
  [
    'expectedActual',
    [
      '全年预计完成值',
      '全年预计完成情况',
      '预计全年完成值',
      '预计全年完成情况',
      '全年预计完成',
      '预计完成值',
      '预计完成情况',
      'projected',
      'projectedactual',
      'projectedachievement',
      'forecast',
      'projectedyearend',
    ],
  ],
  [
    'likelihood',
    [
      '完成目标可能性',
      '目标完成可能性',
      '完成可能性',
      '实现目标可能性',
      '目标实现可能性',
      '能否完成目标',
      '能否完成',
      '是否能完成',
      'likelytoachieve',
      'likelytobeachieved',
      'likelihood',
      'likelihoodofachievement',
      'ontrack',
    ],
  ],
  ['likelihoodOption', ['确定能', '有可能', '完全不可能', '不可能']],
  // Target tables (绩效目标表): what the target is set against, and which way it points.
  [
    'lastYear',
    [
      '上年实际完成值',
      '上年度实际完成值',
      '上年完成值',
      '上年实际值',
      '上年指标值',
      '上年度指标值',
      '历史值',
      '历史指标值',
    ],
  ],
  [
    'standard',
    ['取值依据', '指标值设定依据', '指标值确定依据', '指标取值依据', '绩效标准', '评判标准', '指标解释'],
  ],
  ['direction', ['指标方向性', '方向性', '指标方向类型']],
  ['midTermTarget', ['中期指标值', '中期目标值', '实施期指标值', '实施期目标值', '中期绩效指标值']],
];

/** Known header words, for messages: a few of each table. */
export const EXAMPLE_HEADERS = {
  budget:
    '年初预算数, 调整预算数/全年预算数, 实际支出数/全年执行数, 执行率; Budget, Final appropriation, Actual expenditure',
  indicators:
    '指标名称/三级指标, 指标值/年度指标值/指标目标值, 实际完成值/指标完成值, 偏差情况; Indicator, Target, Actual',
} as const;
