/**
 * The rules of target review (绩效目标审核) that a machine can decide, one entry each, numbered
 * as in target-review-rules.md (rule 5 says what is NOT a finding and has no entry; rule 8
 * has two entries, 8a and 8b, one per code). docs/review.md documents each entry; a test
 * checks that every entry's source and severity appear there, in en and zh.
 */
import type { FindingCode, Messages, Severity } from '../model/findings.js';

/** Ids of the review rules: the rule number of target-review-rules.md (8a/8b for rule 8). */
export type ReviewRuleId =
  | '1'
  | '2'
  | '3'
  | '4'
  | '6'
  | '7'
  | '8a'
  | '8b'
  | '9'
  | '10'
  | '11'
  | '12'
  | '13'
  | '14'
  | '15'
  | '16'
  | '17'
  | '18'
  | '19'
  | '20'
  | '21'
  | '22';

/** One review rule: what it checks, its finding code, its severity and its sources. */
export interface ReviewRule {
  /** The rule number of target-review-rules.md (`'8a'`, `'8b'` for the two codes of rule 8). */
  readonly id: ReviewRuleId;
  /** The finding code it raises. */
  readonly code: FindingCode;
  /** Severity of its findings (a bureau may change it: `options.rules`). */
  readonly severity: Severity;
  /**
   * A weaker case the rule reports as info whatever `severity` is (`≥100%` under rule 14, a
   * 成本控制率 under rule 10, a 一级 split under rule 19), or null. `'off'` turns it off too.
   */
  readonly note: Messages | null;
  /** Sources, by S-number of target-review-rules.md; `DERIVED` for arithmetic that follows from the table itself. */
  readonly sources: readonly string[];
  /** True when the rule rests on texts whose body could not be read ([UNSOURCED] in the rules document). */
  readonly unsourced: boolean;
  /** True for the completeness rules, skipped on a table marked `truncated`. */
  readonly completeness: boolean;
  /** What it checks, in en and zh-CN. */
  readonly checks: Messages;
}

const rule = (
  id: ReviewRuleId,
  code: FindingCode,
  severity: Severity,
  sources: readonly string[],
  checks: Messages,
  more: { note?: Messages; unsourced?: boolean; completeness?: boolean } = {},
): ReviewRule => ({
  id,
  code,
  severity,
  note: more.note ?? null,
  sources,
  unsourced: more.unsourced ?? false,
  completeness: more.completeness ?? false,
  checks,
});

/**
 * Every review rule, in the order of target-review-rules.md. Each is applied by
 * `reviewTargets`, which says per table whether it was applied or skipped and why.
 *
 * @example
 * ```ts
 * REVIEW_RULES.find((r) => r.id === '12'); // { code: 'cost-over-funds', severity: 'error', sources: ['S14', 'S1', 'DERIVED'], … }
 * ```
 */
export const REVIEW_RULES: readonly ReviewRule[] = [
  /* @__PURE__ */ rule(
    '1',
    'dimension-missing',
    'error',
    ['S2', 'S7', 'S9', 'S5', 'S14'],
    {
      en: 'at least one level-3 indicator under 产出指标 and one under 效益指标 (either tree: 成本 under 产出, or its own 一级)',
      zh: '产出指标、效益指标下各至少有一个三级指标（成本指标在产出下或单列为一级均可）',
    },
    { completeness: true },
  ),
  /* @__PURE__ */ rule(
    '2',
    'dimension-missing',
    'warning',
    ['S2', 'S7', 'S9'],
    { en: 'a 满意度 (service-object satisfaction) block is present', zh: '有满意度（服务对象满意度）指标' },
    { completeness: true },
  ),
  /* @__PURE__ */ rule(
    '3',
    'dimension-missing',
    'warning',
    ['S2', 'S1', 'S7'],
    {
      en: 'a 成本 indicator is present, under 产出 or as its own 一级',
      zh: '有成本指标（产出指标下或单列一级）',
    },
    { completeness: true },
  ),
  /* @__PURE__ */ rule(
    '4',
    'dimension-missing',
    'info',
    ['S7', 'S14'],
    { en: '数量, 质量 and 时效 are each present under 产出', zh: '产出指标下数量、质量、时效指标齐全' },
    { completeness: true },
  ),
  /* @__PURE__ */ rule('6', 'target-missing', 'error', ['S15', 'S7'], {
    en: 'every level-3 indicator has a name and a target value (`-`, `_`, `*`, `—` or a `**` placeholder is empty)',
    zh: '每个三级指标都有名称和指标值（只有 -、_、*、— 或 ** 占位符视为空）',
  }),
  /* @__PURE__ */ rule('7', 'target-vague', 'warning', ['S3', 'S6', 'S10', 'S9'], {
    en: 'a target with no number made of degree words only (提高, 提升, 改善, 明显, 持续 …) is vague; a named grade or a yes/no standard (优良, 合格, 达标, 否) is not',
    zh: '没有数值、只有程度词（提高、提升、改善、明显、持续……）的指标值表述模糊；明确的等级或是否标准（优良、合格、达标、否）不算',
  }),
  /* @__PURE__ */ rule('8a', 'unit-missing', 'warning', ['S15', 'S5'], {
    en: 'a quantitative target carries a unit: a count, amount or duration printed as a bare number, a rate without %, a unit cost without 元',
    zh: '定量指标值有计量单位：数量、金额、时长不能只写数字，比率要写 %，单位成本要写元',
  }),
  /* @__PURE__ */ rule('8b', 'unit-mismatch', 'warning', ['S15', 'S5'], {
    en: 'the unit fits the indicator: not another count unit than the name counts in (村组干部230人 with 个), not a rate for a time (完成时间 100%)',
    zh: '计量单位与指标相符：不与名称中的单位矛盾（“村组干部230人”单位为“个”），时间类指标不用比率（完成时间 100%）',
  }),
  /* @__PURE__ */ rule('9', 'implicit-operator', 'info', ['S5', 'S15', 'S18'], {
    en: 'the comparator (≥ ≤ =, 正向/反向) is printed; a bare value is read in the indicator’s natural direction',
    zh: '标明比较关系（≥、≤、=，正向/反向）；只写数值的按指标方向理解',
  }),
  /* @__PURE__ */ rule(
    '10',
    'cost-not-money',
    'warning',
    ['S1', 'S12', 'S14'],
    {
      en: 'a cost target (经济成本) is a money figure or a unit cost (万元, 元, 元/亩, 元/人)',
      zh: '成本指标值（经济成本）是金额或单位成本（万元、元、元/亩、元/人）',
    },
    { note: { en: 'a rate such as 成本控制率 100% is info', zh: '成本控制率 100% 等比率为提示' } },
  ),
  /* @__PURE__ */ rule('11', 'cost-not-ceiling', 'warning', ['S18', 'S14'], {
    en: 'a cost target is a ceiling: written ≤ or as a plain amount, not ≥',
    zh: '成本指标值是上限：写 ≤ 或只写金额，不写 ≥',
  }),
  /* @__PURE__ */ rule('12', 'cost-over-funds', 'error', ['S14', 'S1', 'DERIVED'], {
    en: 'no cost ceiling above the funds; Σ unit cost × planned quantity not above the funds (元/万元, 元/亩 × 亩, 元/人 × 人, exact); no cost above a printed 预算支出标准; equal is correct',
    zh: '成本上限不超过项目资金；单位成本 × 计划数量之和不超过项目资金（元/万元、元/亩 × 亩、元/人 × 人，精确计算）；不超过所列预算支出标准；相等为正确',
  }),
  /* @__PURE__ */ rule('13', 'deadline-outside-period', 'warning', ['S1', 'S3', 'S10', 'S12'], {
    en: 'a 时效 target that names a time has a date or a duration, and its dates fall inside the implementation period (or the budget year when none is printed)',
    zh: '时效指标有日期或时长，日期在项目实施期内（未列实施期的在预算年度内）',
  }),
  /* @__PURE__ */ rule(
    '14',
    'value-out-of-bounds',
    'error',
    ['DERIVED'],
    {
      en: 'a 满意度 or 合格率-like rate target is not above 100%',
      zh: '满意度、合格率等比率的指标值不超过 100%',
    },
    {
      note: {
        en: 'a rate written ≥100% (it can only mean =100%) is info',
        zh: '写成 ≥100% 的比率（只能是 =100%）为提示',
      },
    },
  ),
  /* @__PURE__ */ rule(
    '15',
    'target-below-standard',
    'warning',
    ['S4', 'S14'],
    {
      en: 'a target is not weaker than, and does not contradict, the standard printed with it (绩效标准 column, or a figure in the name)',
      zh: '指标值不低于、不违背所列标准（绩效标准栏，或写在名称中的标准值）',
    },
    { unsourced: true },
  ),
  /* @__PURE__ */ rule(
    '16',
    'target-below-last-year',
    'warning',
    ['S14', 'S4', 'S18'],
    {
      en: 'a higher-is-better target is not below last year’s printed actual (上年实际), unless the table gives a reason',
      zh: '正向指标的指标值不低于上年实际完成值，除非表中说明原因',
    },
    {
      unsourced: true,
      note: {
        en: 'a target lowered against the previous declaration (previousTarget) is info',
        zh: '低于上次申报目标值（previousTarget）的为提示',
      },
    },
  ),
  /* @__PURE__ */ rule('17', 'goal-indicator-mismatch', 'warning', ['S5', 'S3'], {
    en: 'every figure of the goal text equals the target of the indicator it names (same quantity, same or equivalent unit)',
    zh: '年度目标中的数字与其对应指标的指标值一致（同一数量，单位相同或可换算）',
  }),
  /* @__PURE__ */ rule(
    '18',
    'funds-mismatch',
    'error',
    ['DERIVED', 'S9'],
    {
      en: 'total = 财政拨款 + 其他资金 exactly; sub-lines (其中…) not above the total; 基本支出 + 项目支出 = total in a 部门整体 table, and its 年度履职目标 task amounts agree',
      zh: '资金总额 = 财政拨款 + 其他资金（精确）；其中项不超过总额；部门整体表中基本支出 + 项目支出 = 资金总额，年度履职目标任务金额与之相符',
    },
    {
      note: {
        en: 'task amounts that sum to neither the total nor 项目支出 (without exceeding the total) are info',
        zh: '任务金额合计既不等于资金总额也不等于项目支出（但未超过总额）的为提示',
      },
    },
  ),
  /* @__PURE__ */ rule(
    '19',
    'weight-sum-mismatch',
    'error',
    ['S15', 'S8', 'S17', 'S5', 'S18'],
    {
      en: 'printed level-3 weights sum to 100, or to 90 when 预算执行率 carries the other 10',
      zh: '所列三级指标权重之和为 100，或预算执行率另占 10 分时为 90',
    },
    {
      unsourced: true,
      note: {
        en: 'a 一级 split other than 产出 50 / 效益 30 / 满意度 10 is info',
        zh: '一级指标分值不是产出 50、效益 30、满意度 10 的为提示',
      },
    },
  ),
  /* @__PURE__ */ rule('20', 'template-residue', 'info', ['S16'], {
    en: 'no template residue: `**` hints and ★ stars in names, footnotes of the model table',
    zh: '没有模板残留：名称中的 ** 提示、★ 星号，模板脚注',
  }),
  /* @__PURE__ */ rule('21', 'process-measure-as-target', 'info', ['S11', 'S1'], {
    en: 'no input or process measure as a target (资金到位率, 资金下达率, 预算执行率, 成本控制率)',
    zh: '不以投入或过程指标（资金到位率、资金下达率、预算执行率、成本控制率）作为绩效目标',
  }),
  /* @__PURE__ */ rule('22', 'misfiled-indicator', 'info', ['S7'], {
    en: 'no indicator under the wrong 二级: a quality rate (成活率, 合格率) or a time measure (及时率, 时限) under 数量指标',
    zh: '指标不填错二级：质量类比率（成活率、合格率）或时效类指标（及时率、时限）不填在数量指标下',
  }),
];

/** The entries by id (internal). */
export function ruleById(id: string): ReviewRule | undefined {
  return REVIEW_RULES.find((r) => r.id === id);
}
