/**
 * The report JSON of DESIGN §3, as TypeScript types. The core never imports zod: these types
 * describe what `validateReport` reads; `outturn/schema` checks untrusted JSON against them.
 *
 * Every figure is a string exactly as printed (`"134.17%"`, `"(7 379)"`, `"1.2"`) or a finite
 * number. Unknown fields are allowed everywhere and ignored.
 */

/** A figure as printed (a string) or a finite number. */
export type Figure = string | number;

/**
 * The period a monitoring table reports on: the first `months` months of the fiscal year
 * (`{ months: 6 }` for 1–6月), or the fiscal year up to and including a date
 * (`{ through: "2019-06-30" }`). Exactly one of the two is given; anything else is a
 * `time-progress-undefined` finding, not a type error, since reports are data.
 */
export interface MonitoringPeriod {
  /** Months elapsed, 0 to 12 (a number or a string of digits). */
  readonly months?: number | string;
  /** The last day of the period, `YYYY-MM-DD`. */
  readonly through?: string;
  readonly [key: string]: unknown;
}

/** Figures a budget line prints beside its amounts. */
export interface PublishedBudgetFigures {
  /** 执行率 as printed, e.g. `"134.17%"`. */
  readonly executionRate?: Figure | null;
  /** 得分 of budget execution as printed. */
  readonly score?: Figure | null;
  /** Budget − actual, the "(Over)/Under Expenditure" column: `"(7 379)"` is −7379. */
  readonly variance?: Figure | null;
  /** 1–N月执行率 as printed on a monitoring table (`kind: "monitoring"`), e.g. `"39.80%"`. */
  readonly periodRate?: Figure | null;
  /** 序时进度 as printed on a monitoring table, e.g. `"50%"`. */
  readonly timeProgress?: Figure | null;
  readonly [key: string]: unknown;
}

/**
 * One line of the budget table (预算信息). Amounts are in the report's `amountUnit`
 * (万元 by default). `children` form the tree: 预算总金额 = 基本支出 + 项目支出.
 */
export interface BudgetLine {
  /** Name of the line as printed (项目名称), e.g. 预算总金额, 基本支出, 项目支出 or a project's name. */
  readonly name: string;
  /**
   * `expenditure` (the default) or `revenue` (收入 / receipts). Receipts above budget are not
   * overspend, and a revenue line may be negative (refunds). A line without `kind` takes its
   * parent's.
   */
  readonly kind?: 'expenditure' | 'revenue';
  /** 年初预算数. */
  readonly initial?: Figure | null;
  /** 上年度结转及当年预算追加追减数 (both signs). */
  readonly adjustment?: Figure | null;
  /** 调整预算数 / 全年预算数. */
  readonly adjusted?: Figure | null;
  /** 实际支出数 / 全年执行数. */
  readonly actual?: Figure | null;
  /**
   * 年末结转结余 (carry-over and balance at year end), when the report prints it: enables the
   * 结转结余率 cross-check.
   */
  readonly carryover?: Figure | null;
  /** 1–N月执行数: spending to the end of the monitoring period (`kind: "monitoring"`). */
  readonly periodActual?: Figure | null;
  /** 全年预计执行数: the spending expected for the whole year (`kind: "monitoring"`). */
  readonly expectedActual?: Figure | null;
  /** 分值 of budget execution in a project table. */
  readonly weight?: Figure | null;
  /** Figures printed beside the amounts: 执行率, 得分, variance. */
  readonly published?: PublishedBudgetFigures;
  /** Sub-lines whose columns sum to this line's (项目支出 = the sum of its projects). */
  readonly children?: readonly BudgetLine[];
  readonly [key: string]: unknown;
}

/** A target printed in two cells: the operator (指标性质 / 符号) and the value. */
export interface TargetCells {
  /** The operator cell as printed: a symbol (`≥`), a word (不低于) or 正向/反向; empty: none printed. */
  readonly operator: string;
  /** The value cell as printed (`"95"`, `"95%"`, or a qualitative word) or a finite number. */
  readonly value: Figure;
}

/** Figures an indicator row prints beside its target and actual. */
export interface PublishedIndicatorFigures {
  /** 偏差情况 as printed: with `%` relative, a bare number absolute (in the indicator's unit). */
  readonly deviation?: Figure | null;
  /** 得分 as printed. */
  readonly score?: Figure | null;
  /**
   * A printed status (完成情况 / 是否达成 / Achieved …), e.g. `"已达成"`, `"未完成"`,
   * `"Not achieved"`, `"Target met"`: checked against the status recomputed from the target and
   * the actual (`status-mismatch`). Words outside the known vocabularies are noted, never errors.
   */
  readonly status?: string | null;
  readonly [key: string]: unknown;
}

/** One row of a self-evaluation table (自评表). */
export interface Indicator {
  /** Category path, e.g. `["分解目标", "过程"]` (一级/二级指标). */
  readonly path?: readonly string[];
  /** 指标名称 (三级指标). */
  readonly name: string;
  /** 指标目标值 / 年度指标值, as printed, or as two cells. */
  readonly target: string | number | TargetCells;
  /** 指标完成值 / 实际完成值, as printed. */
  readonly actual?: Figure | null;
  /** 度量单位, when the table prints the unit in its own column. */
  readonly unit?: string | null;
  /** 分值. */
  readonly weight?: Figure | null;
  /** 完成值来源. */
  readonly source?: string | null;
  /** 原因分析 / 偏差原因分析及改进措施. */
  readonly reason?: string | null;
  /** 1–N月完成值 / 半年度指标执行情况: progress to the end of the monitoring period (`kind: "monitoring"`). */
  readonly periodActual?: Figure | null;
  /** 全年预计完成值: the value expected at year end (`kind: "monitoring"`), evaluated against the target. */
  readonly expectedActual?: Figure | null;
  /**
   * 完成目标可能性 as printed: 确定能 / 有可能 / 完全不可能 (or 不可能), or English (certain,
   * likely, possible, unlikely, impossible); other words need judgement.
   */
  readonly likelihood?: string | null;
  /** Figures printed beside the target and actual: 偏差情况, 得分. */
  readonly published?: PublishedIndicatorFigures;
  readonly [key: string]: unknown;
}

/** Staff numbers stated in the report's text (编制数 and 实际在职人数). */
export interface Staffing {
  /** 编制数. */
  readonly authorized?: Figure | null;
  /** 实际在职人数. */
  readonly actual?: Figure | null;
  readonly [key: string]: unknown;
}

/**
 * A group of indicators (一级/二级指标) that prints its own weight (分值) or score (得分), as
 * templates do that print `产出指标（50分）` or a 40-point 年度绩效目标 block instead of (or as
 * well as) a weight on each row. A group applies to the indicators whose `path` starts with its
 * `path` (segments compared by name key: width, script and spaces ignored).
 *
 * @example
 * ```ts
 * const g: IndicatorGroup = { path: ['产出指标'], weight: '50', published: { score: '48' } };
 * ```
 */
export interface IndicatorGroup {
  /** The category path of the group, e.g. `["产出指标"]` or `["产出指标", "数量指标"]`. */
  readonly path: readonly string[];
  /** 分值 printed on the group. */
  readonly weight?: Figure | null;
  /** Figures printed on the group: its 得分. */
  readonly published?: { readonly score?: Figure | null; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/**
 * A text block of the table such as 年度总体目标 (预期目标 / 实际完成情况): kept as given,
 * never read as a budget line or an indicator.
 */
export interface GoalBlock {
  /** 预期目标 as printed. */
  readonly expected?: string | null;
  /** 实际完成情况 as printed. */
  readonly actual?: string | null;
  readonly [key: string]: unknown;
}

/**
 * The Chinese money units of a report's amounts, in either script (萬元 is 万元, 億元 is 亿元): the
 * units outturn converts without a currency sign. `amountUnit` accepts any unit besides these.
 */
export const AMOUNT_UNITS = ['元', '千元', '万元', '亿元', '萬元', '億元'] as const;

/**
 * The unit of a report's bare amounts, as printed: one of {@link AMOUNT_UNITS}, a currency with
 * a scale that converts (`R'000` = thousand rand, `US$ millions`, `Ushs thousands`, `¥`,
 * `RMB`), or any other text, whose amounts compare only with each other (like with like).
 */
export type AmountUnit = (typeof AMOUNT_UNITS)[number] | (string & {});

/** A whole report: DESIGN §3. */
export interface Report {
  /**
   * 部门整体支出 (`department`) or 项目支出 (`project`) self-evaluation, not read by the checks; or
   * a mid-year monitoring table (`monitoring`, 绩效运行监控表): then `period` is read and the
   * monitoring rules run (docs/monitoring.md).
   */
  readonly kind?: 'department' | 'project' | 'monitoring';
  /**
   * The period of a monitoring table: `{ months: 6 }` for 1–6月, or `{ through: "2019-06-30" }`.
   */
  readonly period?: MonitoringPeriod;
  /** First day of the fiscal year of a monitoring table as `MM-DD` (default `"01-01"`; `"04-01"`, `"07-01"`, `"10-01"`). */
  readonly fiscalYearStart?: string;
  /** Title of the report as printed. */
  readonly title?: string;
  /** The reporting unit (预算单位 / 部门) as printed, e.g. 苏州市商务服务中心. */
  readonly entity?: string;
  /** Budget year (年度), an integer such as 2023. */
  readonly year?: number;
  /**
   * Unit of bare amounts in `budget` (default 万元), as printed: 元 千元 万元 亿元, a currency
   * with a scale (`R'000`, `US$ millions`, `Ushs thousands`), or any other text (compared like
   * with like). Amounts printed with a money unit of the same currency are converted.
   */
  readonly amountUnit?: AmountUnit;
  /** Roots of the budget table; several roots for periods or programmes side by side. */
  readonly budget?: readonly BudgetLine[];
  /** Rows of the self-evaluation table (自评表), in printed order. */
  readonly indicators?: readonly Indicator[];
  /** Groups (一级/二级指标) that print a weight or a score of their own. */
  readonly groups?: readonly IndicatorGroup[];
  /** Text blocks such as 年度总体目标: kept, never checked as figures. */
  readonly goals?: readonly GoalBlock[];
  /** Staff numbers stated in the text: the data of the 在职人员控制率 cross-check. */
  readonly staffing?: Staffing;
  /** Figures the report prints for the whole table. */
  readonly published?: {
    /** 总分 as printed, in score points; checked against the printed scores and the recomputed total. */
    readonly totalScore?: Figure | null;
    /** 等级 as printed (`优` or `优秀` …); checked against the grade of the printed (or recomputed) total. */
    readonly grade?: string | null;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}
