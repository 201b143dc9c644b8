/**
 * Target tables (绩效目标申报表 / 项目支出绩效目标表 / 部门整体支出绩效目标表), `kind: "declaration"`
 * (DESIGN §3): what a budget unit submits before the year and a finance bureau reviews
 * (绩效目标审核). Types only: `reviewTargets` reads them, `outturn/schema` checks untrusted JSON.
 *
 * Figures are strings exactly as printed (`"10"`, `"250万"`, `"3,309,840.00"`) or finite numbers.
 * Unknown fields are kept and ignored everywhere.
 */
import type { Figure, IndicatorGroup, TargetCells } from './report.js';

/** 项目起止时间 / 实施期 / 建设周期, as `YYYY-MM` or `YYYY-MM-DD` (also `YYYY.MM`, `2023年4月`). */
export interface DeclarationPeriod {
  /** First month or day of the period. */
  readonly start?: string | null;
  /** Last month or day of the period (a month means its last day). */
  readonly end?: string | null;
  readonly [key: string]: unknown;
}

/** A money line printed under the funds (中央补助安排, 其中:当年市级财政资金 …). */
export interface DeclarationFundsLine {
  /** The line's label as printed. */
  readonly name?: string;
  /** Its amount: with a money unit, or bare in the table's `amountUnit`. */
  readonly value?: Figure | null;
  readonly [key: string]: unknown;
}

/**
 * 项目资金 (年度资金总额 and its sources). Amounts carry a money unit (`"20万元"`, `"250万"`) or are
 * bare, in the table's `amountUnit` (万元 by default).
 */
export interface DeclarationFunds {
  /** 年度资金总额 / 项目总预算 / 预算申报数. */
  readonly total?: Figure | null;
  /** 其中:财政拨款 (财政资金). */
  readonly fiscal?: Figure | null;
  /** 其中:其他资金. */
  readonly other?: Figure | null;
  /** 上年结转, when the form prints it beside 财政拨款 and 其他资金. */
  readonly carriedOver?: Figure | null;
  /** 部门整体 tables: 基本支出. */
  readonly basic?: Figure | null;
  /** 部门整体 tables: 项目支出. */
  readonly projects?: Figure | null;
  /** Further sub-lines (其中…): each must not exceed the total, nor their sum. */
  readonly lines?: readonly DeclarationFundsLine[];
  readonly [key: string]: unknown;
}

/** The project (or the department) the table declares targets for. */
export interface DeclarationProject {
  /** 项目名称. */
  readonly name?: string;
  /** 主管部门. */
  readonly department?: string;
  /** 实施单位. */
  readonly implementer?: string;
  /** 项目属性 (经常性项目, 持续性项目 …). */
  readonly attribute?: string;
  /** 项目起止时间 / 实施期: dates of time targets must fall inside it. */
  readonly period?: DeclarationPeriod;
  /** 项目资金. */
  readonly funds?: DeclarationFunds;
  readonly [key: string]: unknown;
}

/** One row of a target table (三级指标). */
export interface DeclarationIndicator {
  /** Category path: `["产出指标", "数量指标"]` (一级, 二级). */
  readonly path?: readonly string[];
  /** 指标名称 (三级指标), as printed, template hints (`(≥**个)`) and stars included. */
  readonly name: string;
  /** 指标值 / 目标值 as printed, or two cells (指标性质 and 指标值). */
  readonly target: string | number | TargetCells;
  /** 度量单位 / 计量单位, when the table prints it in its own column. */
  readonly unit?: string | null;
  /** 分值 / 权重. */
  readonly weight?: Figure | null;
  /** 上年实际完成值 (历史值), when printed. */
  readonly lastYear?: Figure | null;
  /** The target of the previous declaration (上年目标值) of a continuing project, when printed. */
  readonly previousTarget?: string | number | null;
  /** 取值依据 / 绩效标准 / 指标解释, as printed (`"90%(计划标准)"`, `"计划标准"`). */
  readonly standard?: string | null;
  /** 指标方向 (`正向指标` / `反向指标`) printed in its own column. */
  readonly direction?: string | null;
  /** Why a target is set below last year's, when the table explains it. */
  readonly reason?: string | null;
  readonly [key: string]: unknown;
}

/**
 * A whole target table (DESIGN §3, `kind: "declaration"`).
 *
 * @example
 * ```ts
 * const table: Declaration = {
 *   kind: 'declaration', year: 2022, amountUnit: '万元',
 *   project: { name: '主体班', funds: { total: '164万元' } },
 *   goals: ['主体班培训280人次'],
 *   indicators: [{ path: ['产出指标', '数量指标'], name: '主体班培训人次', target: '280人次' }],
 * };
 * ```
 */
export interface Declaration {
  /** Always `"declaration"` for a target table. */
  readonly kind?: 'declaration';
  /** `department` for a 部门整体支出绩效目标表 (optional). */
  readonly scope?: 'project' | 'department';
  readonly title?: string;
  /** The declaring unit as printed. */
  readonly entity?: string;
  /** Budget year: dates of time targets must fall in it when no period is printed. */
  readonly year?: number;
  /** Unit of bare amounts (funds, costs): 元, 万元 (default), 亿元. */
  readonly amountUnit?: string;
  readonly project?: DeclarationProject;
  /** 年度目标 / 年度履职目标 / 实施期目标 text, as printed (strings, or `{ expected }` blocks). */
  readonly goals?: readonly (
    | string
    | { readonly expected?: string | null; readonly [key: string]: unknown }
  )[];
  /** True when the table is cut off in its source: the completeness rules are skipped. */
  readonly truncated?: boolean;
  /** Rows of the table, in printed order. */
  readonly indicators?: readonly DeclarationIndicator[];
  /** Groups that print a weight of their own (`产出指标(50分)`). */
  readonly groups?: readonly IndicatorGroup[];
  /** 预算执行率 printed apart from the rows, with its weight (`{ weight: "10" }`). */
  readonly budgetExecution?: { readonly weight?: Figure | null; readonly [key: string]: unknown };
  /**
   * 年度履职目标 / 年度主要任务 of a 部门整体 table, each with the amount printed beside it: their
   * sum must agree with the funds (rule 18).
   */
  readonly tasks?: readonly {
    readonly name?: string;
    readonly amount?: Figure | null;
    readonly [key: string]: unknown;
  }[];
  /** Footnotes printed under the table (`注:各地请根据实际情况…`). */
  readonly notes?: readonly string[];
  readonly [key: string]: unknown;
}
