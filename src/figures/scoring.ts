/**
 * Scoring of project self-evaluation tables (项目支出绩效自评表): indicator scores (得分),
 * the budget-execution score, totals and grades, each rule a named strategy bundled in a
 * plain-data scoring profile.
 */
import { assertString } from '../core/arguments.js';
import {
  type Dec,
  dec,
  decimalFromPlain,
  HUNDRED,
  isNeg,
  isPos,
  ONE,
  type RoundingMode,
  toExact,
  toFixed,
  ZERO,
} from '../core/decimal.js';
import {
  convertValue,
  isNothingPrinted,
  parseQuantity,
  quantityUnit,
  quantityValue,
  showValue,
} from '../core/quantity.js';
import { normalizeText } from '../core/text.js';
import type { Messages } from '../model/findings.js';
import type { Figure, TargetCells } from '../model/report.js';
import { assertProfile, checkBudgetScoreArguments, checkScoreArguments } from './checks.js';
import { gradeGap } from './grades.js';
import { type EvaluateOptions, type Evaluation, evaluateIndicator } from './indicator.js';

/** How a lower-is-better target (≤, <) that was not met is scored. */
export type LowerIsBetterStrategy = 'ratio' | 'linear-deficit';

/** A grade and the lowest total (inclusive) that earns it. */
export interface GradeStep {
  /** The grade (等级), e.g. `"优"`, as {@link gradeOf} returns it. */
  readonly grade: string;
  /** Lowest total score, inclusive, as a decimal string (`"90"`). */
  readonly min: string;
}

/**
 * A scoring profile: plain data bundling every scoring choice. Build your own by spreading a
 * shipped one: `{ ...SCORING_PROFILES.default, name: 'mine', grades: [...] }`.
 */
export interface ScoringProfile {
  /** The profile's name, e.g. `'default'`; a parsed profile without one is named `<base>*`. */
  readonly name: string;
  /** What the profile does, in en and zh-CN. */
  readonly description: Messages;
  /** Where the conventions come from. */
  readonly source: string;
  /**
   * Not-met lower-is-better targets: `'ratio'` = target ÷ actual × weight (published templates);
   * `'linear-deficit'` = (1 − (actual − target) ÷ target) × weight, floored at 0, zero at
   * twice the target (a deployed provincial system).
   */
  readonly lowerIsBetter: LowerIsBetterStrategy;
  /**
   * Qualitative bands, in percent of the weight: 达成 [achieved, 100], 部分达成 [partial,
   * achieved), 未达成 [0, partial). Default 80 / 60; a local variant uses 80 / 50.
   */
  readonly qualitativeBands: {
    /** Lower end of 达成, in percent of the weight, as a decimal string (`"80"`). */
    readonly achieved: string;
    /** Lower end of 部分达成, in percent of the weight, as a decimal string (`"60"`). */
    readonly partial: string;
  };
  /** Cap the budget-execution score at its weight when the rate exceeds 100% (default true). */
  readonly capBudgetExecution: boolean;
  /** Grades, best first: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
  readonly grades: readonly GradeStep[];
  /** What the weights of a table should sum to (default 100). */
  readonly totalWeight: string;
  /** Achievement (% of target) from which an indicator is flagged for review (default 120); null: off. */
  readonly overAchievementThreshold: string | null;
  /** Decimals of a printed score (default 2): an integer from 0 to 20 (0 to 10 from JSON). */
  readonly decimals: number;
  /** Rounding of printed scores and the total (default `'half-up'`, 四舍五入). */
  readonly rounding: RoundingMode;
}

const DEFAULT_GRADES: readonly GradeStep[] = [
  { grade: '优', min: '90' },
  { grade: '良', min: '80' },
  { grade: '中', min: '60' },
  { grade: '差', min: '0' },
];

const DEFAULT_PROFILE: ScoringProfile = {
  name: 'default',
  description: {
    en: 'After 财预〔2020〕10号 and the self-evaluation tables that apply it: ratio scoring, bands 80/60, capped budget score, grades 90/80/60',
    zh: '依据财预〔2020〕10号及其自评表：比例计分，定性档次 80/60，预算执行率得分封顶，等级 90/80/60',
  },
  source:
    '财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) and its 项目支出绩效自评表; DESIGN §1 "Scoring"',
  lowerIsBetter: 'ratio',
  qualitativeBands: { achieved: '80', partial: '60' },
  capBudgetExecution: true,
  grades: DEFAULT_GRADES,
  totalWeight: '100',
  overAchievementThreshold: '120',
  decimals: 2,
  rounding: 'half-up',
};

/** Names of the shipped scoring profiles (keys of {@link SCORING_PROFILES}). */
export type ProfileName = 'default' | 'linear-deficit' | 'bands-80-50' | 'grades-80-70-60' | 'uncapped';

/**
 * The shipped scoring profiles. `default` follows 财预〔2020〕10号; the others change one
 * choice each, as systems in use do. Look one up by a name from user input with
 * {@link profileNamed}.
 *
 * @example
 * ```ts
 * SCORING_PROFILES['linear-deficit'].lowerIsBetter; // 'linear-deficit'
 * ```
 */
export const SCORING_PROFILES: Readonly<Record<ProfileName, ScoringProfile>> = {
  default: DEFAULT_PROFILE,
  'linear-deficit': {
    ...DEFAULT_PROFILE,
    name: 'linear-deficit',
    description: {
      en: 'Default, but lower-is-better targets scored by linear deficit (zero at twice the target), as a deployed provincial system does',
      zh: '同默认，但反向指标按线性扣分（达到目标值两倍时为零），某省在用系统的做法',
    },
    lowerIsBetter: 'linear-deficit',
  },
  'bands-80-50': {
    ...DEFAULT_PROFILE,
    name: 'bands-80-50',
    description: {
      en: 'Default, but qualitative bands 达成 [80%, 100%], 部分达成 [50%, 80%), 未达成 [0, 50%)',
      zh: '同默认，但定性指标档次为 达成 [80%,100%]、部分达成 [50%,80%)、未达成 [0,50%)',
    },
    qualitativeBands: { achieved: '80', partial: '50' },
  },
  'grades-80-70-60': {
    ...DEFAULT_PROFILE,
    name: 'grades-80-70-60',
    description: {
      en: 'Default, but grades 优 ≥ 80, 良 ≥ 70, 中 ≥ 60, 差 below',
      zh: '同默认，但等级为 优 ≥80、良 ≥70、中 ≥60、差 <60',
    },
    grades: [
      { grade: '优', min: '80' },
      { grade: '良', min: '70' },
      { grade: '中', min: '60' },
      { grade: '差', min: '0' },
    ],
  },
  uncapped: {
    ...DEFAULT_PROFILE,
    name: 'uncapped',
    description: {
      en: 'Default, but the budget-execution score is not capped at its weight (rate × weight even above 100%)',
      zh: '同默认，但预算执行率得分不封顶（执行率超过 100% 时仍按 执行率 × 分值）',
    },
    capBudgetExecution: false,
  },
};

/** The names of the shipped profiles, in the order they are listed in docs and help. */
export const PROFILE_NAMES: readonly ProfileName[] = Object.keys(SCORING_PROFILES) as ProfileName[];

/**
 * The shipped profile of that name, or null when there is none (names are case-sensitive;
 * `'constructor'` and other prototype keys are never a profile).
 *
 * @throws TypeError when `name` is not a string.
 * @example
 * ```ts
 * profileNamed('uncapped')?.capBudgetExecution; // false
 * profileNamed('Uncapped');                     // null
 * ```
 */
export function profileNamed(name: string): ScoringProfile | null {
  assertString('profileNamed', 'name', name);
  return Object.hasOwn(SCORING_PROFILES, name) ? SCORING_PROFILES[name as ProfileName] : null;
}

/** The named rule a score came from. */
export type ScoreRule =
  | 'met-full'
  | 'higher-ratio'
  | 'lower-ratio'
  | 'lower-linear-deficit'
  | 'equal-zero-target'
  | 'range-ratio'
  | 'qualitative-band'
  | 'budget-execution';

/** A qualitative band of the weight, in score points. */
export interface ScoreBand {
  /** 达成 (`achieved`), 部分达成 (`partial`) or 未达成 (`not-achieved`). */
  readonly name: 'achieved' | 'partial' | 'not-achieved';
  /** Lowest score of the band (inclusive). */
  readonly min: string;
  /** Highest score of the band: inclusive for 达成, exclusive for the others. */
  readonly max: string;
  /** True when `max` belongs to the band (达成 only). */
  readonly maxInclusive: boolean;
}

/** Result of a score computation. */
export type ScoreResult =
  | {
      /** A score (or, for a qualitative indicator, a band) was computed. */
      readonly ok: true;
      /** The named rule that gave the score. */
      readonly rule: ScoreRule;
      /** The exact score, or null for a qualitative indicator (a band, not a figure). */
      readonly exact: string | null;
      /** The score rounded as printed (2 decimals, half-up by default), or null. */
      readonly printed: string | null;
      /** For qualitative indicators: the band a printed score must fall in. */
      readonly band: ScoreBand | null;
      /** The weight (分值). */
      readonly weight: string;
      /** The rule with its numbers, e.g. `实际完成值 / 指标值 × 分值 = 37.24 / 43.2 × 10 = 8.62`. */
      readonly explanation: Messages;
    }
  | {
      /** No score: see `code`. */
      readonly ok: false;
      /**
       * `missing-weight`: no 分值 printed; `invalid-weight`: a weight that is not a non-negative number;
       * `not-scorable`: status not-reported, unparsable or needs-judgement, or no execution rate.
       */
      readonly code: 'missing-weight' | 'invalid-weight' | 'not-scorable';
      /** Why there is no score, in en and zh-CN. */
      readonly message: Messages;
    };

/** An indicator row as scoring reads it. */
export interface ScorableIndicator {
  /**
   * 指标目标值 as printed, a finite number, or `{ operator, value }`; null or undefined: nothing
   * printed (not scorable).
   */
  readonly target: string | number | TargetCells | null | undefined;
  /** 指标完成值 as printed or a finite number. */
  readonly actual?: Figure | null | undefined;
  /** 分值 in score points, a number optionally with `分`; missing or empty: `missing-weight`. */
  readonly weight?: Figure | null | undefined;
  /** 度量单位 column: the unit of a bare target or actual. */
  readonly unit?: string | null | undefined;
  /** 指标名称: decides the direction of a bare target value. */
  readonly name?: string | undefined;
  /** Category path (一级/二级指标): a bare value under 成本指标 is a ceiling. */
  readonly path?: readonly string[] | undefined;
}

type WeightReading = { readonly ok: true; readonly value: Dec } | Extract<ScoreResult, { ok: false }>;

function readWeight(raw: Figure | null | undefined): WeightReading {
  // Blank, `/`, `—` and `-` alone print nothing: no weight, not a bad one.
  const nothing =
    raw === null || raw === undefined || (typeof raw === 'string' && isNothingPrinted(normalizeText(raw)));
  if (nothing) {
    return {
      ok: false,
      code: 'missing-weight',
      message: { en: 'no weight (分值) is printed, so there is no score', zh: '未填写分值，无法计算得分' },
    };
  }
  const q = parseQuantity(raw);
  if (!q.ok || q.quantity === null || (q.quantity.unit !== null && q.quantity.unit !== '分')) {
    return {
      ok: false,
      code: 'invalid-weight',
      message: {
        en: `the weight "${showValue(raw)}" is not a number`,
        zh: `分值“${showValue(raw)}”不是数值`,
      },
    };
  }
  const value = quantityValue(q.quantity);
  if (isNeg(value)) {
    return {
      ok: false,
      code: 'invalid-weight',
      message: { en: `the weight "${showValue(raw)}" is negative`, zh: `分值“${showValue(raw)}”为负数` },
    };
  }
  return { ok: true, value };
}

function n(d: Dec): string {
  return toExact(d);
}

function clamp(d: Dec, max: Dec): Dec {
  if (isNeg(d)) return ZERO;
  return d.gt(max) ? max : d;
}

function done(
  rule: ScoreRule,
  score: Dec,
  weight: Dec,
  profile: ScoringProfile,
  en: string,
  zh: string,
): ScoreResult {
  const printed = toFixed(score, profile.decimals, profile.rounding);
  return {
    ok: true,
    rule,
    exact: toExact(score),
    printed,
    band: null,
    weight: n(weight),
    explanation: { en: `${en} = ${printed}`, zh: `${zh} = ${printed}` },
  };
}

/**
 * Scores one indicator (得分) under a profile (default: {@link SCORING_PROFILES}.default).
 *
 * Rules, by the target's comparator, for a target that was not met (a met quantitative target
 * always scores its full weight, rule `met-full`):
 * - higher is better (`≥`, `>`): actual ÷ target × weight (`higher-ratio`);
 * - lower is better (`≤`, `<`): `ratio` target ÷ actual × weight, or `linear-deficit`
 *   (1 − (actual − target) ÷ target) × weight, floored at 0 (≤10, actual 12, weight 10 → 8.33 or
 *   8.00); a zero target scores 0 when missed;
 * - equality (`=`): target > 0 as higher is better; target 0: full if actual ≤ 0, else 0
 *   (`equal-zero-target`);
 * - range: below it actual ÷ min × weight, above it max ÷ actual × weight (`range-ratio`);
 * - qualitative: a band of the weight, not a figure (`qualitative-band`): 达成 [80%, 100%] when
 *   met, 部分达成 [60%, 80%) one grade below, 未达成 [0, 60%) otherwise (bands per profile).
 *
 * Scores are exact, never above the weight, never below 0, and printed with the profile's
 * decimals and rounding (2, half-up). No weight, or a status that cannot be scored
 * (not reported, unparsable, needs judgement): `{ ok: false }`, never NaN.
 *
 * @throws TypeError when `indicator` is not an object or a field of it has the wrong type (as
 *   {@link evaluateIndicator} says; `weight` a string, a number or null), when `profile` is not
 *   a scoring profile (every field of {@link ScoringProfile} with its type), or `evaluate` is
 *   not valid options of {@link evaluateIndicator}.
 * @example
 * ```ts
 * scoreIndicator({ target: '≥43.2', actual: '37.24', weight: '10' }).printed; // '8.62'
 * scoreIndicator({ target: '≤10', actual: '12', weight: '10' }).printed;      // '8.33'
 * scoreIndicator({ target: '≤10', actual: '12', weight: '10' }, SCORING_PROFILES['linear-deficit']).printed; // '8.00'
 * ```
 */
export function scoreIndicator(
  indicator: ScorableIndicator,
  profile: ScoringProfile = DEFAULT_PROFILE,
  evaluate: EvaluateOptions = {},
): ScoreResult {
  checkScoreArguments(indicator, profile, evaluate);
  const w = readWeight(indicator.weight);
  if (!w.ok) return w;
  const ev = evaluateIndicator(indicator, evaluate);
  const actual = indicator.actual;
  return scoreEvaluation(ev, actual === null || actual === undefined ? '' : String(actual), w.value, profile);
}

/** Scores an evaluation with a known weight; `actualText` is the actual cell (internal). */
export function scoreEvaluation(
  ev: Evaluation,
  actualText: string,
  weight: Dec,
  profile: ScoringProfile,
): ScoreResult {
  const target = ev.target;
  const W = n(weight);
  if (
    ev.status === 'not-reported' ||
    ev.status === 'unparsable' ||
    ev.status === 'needs-judgement' ||
    !target
  ) {
    return {
      ok: false,
      code: 'not-scorable',
      message: {
        en: `the indicator's status is ${ev.status}, so its score cannot be computed`,
        zh: `该指标状态为“${statusZh(ev.status)}”，无法计算得分`,
      },
    };
  }
  if (target.kind === 'qualitative')
    return qualitativeScore(ev, target.expected, actualText, weight, profile);
  if (ev.status === 'met') {
    return done('met-full', weight, weight, profile, `target met: full weight ${W}`, `完成目标，得满分 ${W}`);
  }
  // Not met, quantitative: the actual in the target's unit.
  const actualQ = ev.actual;
  if (actualQ === null) {
    return { ok: false, code: 'not-scorable', message: { en: 'no actual value', zh: '无完成值' } };
  }
  const tq = target.kind === 'comparison' ? target.value : target.min;
  const a =
    convertValue(quantityValue(actualQ), quantityUnit(actualQ), quantityUnit(tq)) ?? quantityValue(actualQ);
  const A = n(a);
  if (target.kind === 'range') {
    const lo = quantityValue(target.min);
    const hi = quantityValue(target.max);
    if (a.lt(lo)) {
      if (!isPos(lo))
        return done('range-ratio', ZERO, weight, profile, 'below a non-positive bound: 0', '低于非正下限：0');
      const s = clamp(a.dividedBy(lo).times(weight), weight);
      return done(
        'range-ratio',
        s,
        weight,
        profile,
        `actual / lower bound × weight = ${A} / ${n(lo)} × ${W}`,
        `实际完成值 / 区间下限 × 分值 = ${A} / ${n(lo)} × ${W}`,
      );
    }
    if (!isPos(a))
      return done(
        'range-ratio',
        ZERO,
        weight,
        profile,
        'above the range with a non-positive actual: 0',
        '超出区间：0',
      );
    const s = clamp(hi.dividedBy(a).times(weight), weight);
    return done(
      'range-ratio',
      s,
      weight,
      profile,
      `upper bound / actual × weight = ${n(hi)} / ${A} × ${W}`,
      `区间上限 / 实际完成值 × 分值 = ${n(hi)} / ${A} × ${W}`,
    );
  }
  const t = quantityValue(target.value);
  const T = n(t);
  const op = target.operator;
  if (op === '=' && !isPos(t)) {
    const s = a.lte(ZERO) ? weight : ZERO;
    return done(
      'equal-zero-target',
      s,
      weight,
      profile,
      `target ${T}: full if actual ≤ 0, else 0 (actual ${A})`,
      `目标值 ${T}：完成值 ≤ 0 得满分，否则 0（完成值 ${A}）`,
    );
  }
  if (op === '>=' || op === '>' || op === '=') {
    if (!isPos(t))
      return done('higher-ratio', ZERO, weight, profile, `target ${T} not met: 0`, `未达到目标 ${T}：0`);
    const s = clamp(a.dividedBy(t).times(weight), weight);
    return done(
      'higher-ratio',
      s,
      weight,
      profile,
      `actual / target × weight = ${A} / ${T} × ${W}`,
      `实际完成值 / 指标值 × 分值 = ${A} / ${T} × ${W}`,
    );
  }
  // Lower is better, not met: the actual is above the target.
  if (!isPos(t) || !isPos(a)) {
    return done(
      profile.lowerIsBetter === 'ratio' ? 'lower-ratio' : 'lower-linear-deficit',
      ZERO,
      weight,
      profile,
      `target ${T} exceeded: 0`,
      `超过目标 ${T}：0`,
    );
  }
  if (profile.lowerIsBetter === 'ratio') {
    const s = clamp(t.dividedBy(a).times(weight), weight);
    return done(
      'lower-ratio',
      s,
      weight,
      profile,
      `target / actual × weight = ${T} / ${A} × ${W}`,
      `指标值 / 实际完成值 × 分值 = ${T} / ${A} × ${W}`,
    );
  }
  const s = clamp(ONE.minus(a.minus(t).dividedBy(t)).times(weight), weight);
  return done(
    'lower-linear-deficit',
    s,
    weight,
    profile,
    `(1 − (actual − target) / target) × weight = (1 − (${A} − ${T}) / ${T}) × ${W}`,
    `(1 − (实际完成值 − 指标值) / 指标值) × 分值 = (1 − (${A} − ${T}) / ${T}) × ${W}`,
  );
}

function statusZh(status: string): string {
  switch (status) {
    case 'not-reported':
      return '未填报';
    case 'unparsable':
      return '无法识别';
    case 'needs-judgement':
      return '需人工判断';
    case 'met':
      return '已完成';
    default:
      return '未完成';
  }
}

function qualitativeScore(
  ev: Evaluation,
  expected: string,
  actualText: string,
  weight: Dec,
  profile: ScoringProfile,
): ScoreResult {
  const achieved = weight.times(profile.qualitativeBands.achieved).dividedBy(HUNDRED);
  const partial = weight.times(profile.qualitativeBands.partial).dividedBy(HUNDRED);
  const W = n(weight);
  let band: ScoreBand;
  if (ev.status === 'met') band = { name: 'achieved', min: n(achieved), max: W, maxInclusive: true };
  else {
    band =
      gradeGap(expected, actualText) === 1 // null cannot occur: unknown wording is not scored
        ? { name: 'partial', min: n(partial), max: n(achieved), maxInclusive: false }
        : { name: 'not-achieved', min: '0', max: n(partial), maxInclusive: false };
  }
  const names = {
    achieved: ['达成', 'achieved'],
    partial: ['部分达成', 'partly achieved'],
    'not-achieved': ['未达成', 'not achieved'],
  } as const;
  const [zhName, enName] = names[band.name];
  const close = band.maxInclusive ? ']' : ')';
  return {
    ok: true,
    rule: 'qualitative-band',
    exact: null,
    printed: null,
    band,
    weight: W,
    explanation: {
      en: `qualitative, ${enName}: a score in [${band.min}, ${band.max}${close} of weight ${W}`,
      zh: `定性指标，${zhName}：得分应在 [${band.min}, ${band.max}${close}（分值 ${W}）`,
    },
  };
}

/** Whether a score lies in a band. */
export function inBand(score: Dec, band: ScoreBand): boolean {
  const min = dec(band.min);
  const max = dec(band.max);
  return score.gte(min) && (band.maxInclusive ? score.lte(max) : score.lt(max));
}

/**
 * Budget-execution score (预算执行率得分).
 *
 * Formula: execution rate × weight (rate as a fraction: 86.59% × 10 = 8.659 → 8.66), capped
 * at the weight when the profile says so (default) and the rate is above 100%. Exact; printed
 * with the profile's decimals and rounding. A zero budget has no rate and so no score.
 *
 * @throws TypeError when `input` is not an object, `rate` neither a string nor null, `weight`
 *   neither a string, a number nor null, or `profile` not a scoring profile.
 * @example
 * ```ts
 * budgetExecutionScore({ rate: '86.59', weight: '10' }).printed;  // '8.66'
 * budgetExecutionScore({ rate: '134.17', weight: '10' }).printed; // '10.00' (capped)
 * ```
 */
export function budgetExecutionScore(
  input: { readonly rate: string | null; readonly weight: Figure | null | undefined },
  profile: ScoringProfile = DEFAULT_PROFILE,
): ScoreResult {
  checkBudgetScoreArguments(input, profile);
  const w = readWeight(input.weight);
  if (!w.ok) return w;
  if (input.rate === null) {
    return {
      ok: false,
      code: 'not-scorable',
      message: {
        en: 'there is no execution rate (zero or missing budget), so no score',
        zh: '执行率不存在（预算为零或缺失），无法计算得分',
      },
    };
  }
  // The rate is a plain decimal in percent, such as executionRate(...).exact (up to 50
  // significant digits), or a printed one such as "86.59%".
  const plainRate = typeof input.rate === 'string' ? input.rate.trim().replace(/%$/, '') : '';
  let r = decimalFromPlain(plainRate);
  if (r === null) {
    const q = parseQuantity(input.rate);
    if (!q.ok || q.quantity === null || (q.quantity.unit !== null && q.quantity.unit !== '%')) {
      return {
        ok: false,
        code: 'not-scorable',
        message: {
          en: `"${showValue(input.rate)}" is not a rate`,
          zh: `“${showValue(input.rate)}”不是执行率`,
        },
      };
    }
    r = quantityValue(q.quantity);
  }
  const raw = r.times(w.value).dividedBy(HUNDRED);
  const capped = profile.capBudgetExecution && raw.gt(w.value);
  const s = capped ? w.value : isNeg(raw) ? ZERO : raw;
  const R = n(r);
  const W = n(w.value);
  return done(
    'budget-execution',
    s,
    w.value,
    profile,
    `execution rate × weight = ${R}% × ${W}${capped ? `, capped at ${W}` : ''}`,
    `执行率 × 分值 = ${R}% × ${W}${capped ? `，封顶 ${W}` : ''}`,
  );
}

/**
 * The grade (等级) of a total score under a profile: the first step whose `min` the total
 * reaches (default 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below).
 *
 * @throws TypeError when `total` is not a string or `profile` not a scoring profile.
 * @example
 * ```ts
 * gradeOf('89.99'); // '良'
 * gradeOf('90');    // '优'
 * ```
 */
export function gradeOf(total: string, profile: ScoringProfile = DEFAULT_PROFILE): string | null {
  assertString('gradeOf', 'total', total);
  assertProfile('gradeOf', 'profile', profile);
  const q = parseQuantity(total);
  if (!q.ok || q.quantity === null) return null;
  const t = quantityValue(q.quantity);
  for (const step of profile.grades) if (t.gte(step.min)) return step.grade;
  return null;
}

/** Result of {@link parseScoringProfile}. */
export type ParseProfileResult =
  | {
      /** The profile is valid. */
      readonly ok: true;
      /** The checked profile; fields not given are the base profile's (`extends`, default `default`). */
      readonly profile: ScoringProfile;
    }
  | {
      /** The profile is invalid. */
      readonly ok: false;
      /** The first problem found, in en and zh-CN, prefixed `scoring profile:` / `计分方案：`. */
      readonly message: Messages;
    };

function profileError(en: string, zh: string): ParseProfileResult {
  return { ok: false, message: { en: `scoring profile: ${en}`, zh: `计分方案：${zh}` } };
}

function decimalField(v: unknown): string | null {
  if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return null;
  const q = parseQuantity(v);
  return q.ok && q.quantity !== null && q.quantity.unit === null ? q.quantity.value : null;
}

/**
 * Reads a scoring profile from untrusted JSON (e.g. a `--profile FILE.json`). A profile may
 * `extends` a shipped one by name (`"extends": "default"`) and override any field; every field
 * is checked: strategy names, bands (0 ≤ partial ≤ achieved ≤ 100), grades (best first, `min`
 * decreasing), decimals (0–10). Unknown fields are ignored. Never throws for data.
 *
 * @example
 * ```ts
 * parseScoringProfile({ extends: 'default', name: 'zhejiang', lowerIsBetter: 'linear-deficit' });
 * // { ok: true, profile: { ...SCORING_PROFILES.default, name: 'zhejiang', lowerIsBetter: 'linear-deficit' } }
 * parseScoringProfile({ lowerIsBetter: 'log' }); // { ok: false, message: { en: 'scoring profile: …', zh: '…' } }
 * ```
 */
export function parseScoringProfile(json: unknown): ParseProfileResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return profileError('must be a JSON object', '应为 JSON 对象');
  }
  const o = json as Record<string, unknown>;
  const baseName = o.extends === undefined ? 'default' : o.extends;
  const base = typeof baseName === 'string' ? profileNamed(baseName) : null;
  if (base === null) {
    return profileError(
      `"extends" must name a shipped profile (${PROFILE_NAMES.join(', ')})`,
      `“extends”应为内置方案之一（${PROFILE_NAMES.join('、')}）`,
    );
  }
  const name = o.name === undefined ? `${base.name}*` : o.name;
  if (typeof name !== 'string' || name.trim() === '')
    return profileError('"name" must be a string', '“name”应为字符串');

  const lowerIsBetter = o.lowerIsBetter ?? base.lowerIsBetter;
  if (lowerIsBetter !== 'ratio' && lowerIsBetter !== 'linear-deficit') {
    return profileError(
      '"lowerIsBetter" must be "ratio" or "linear-deficit"',
      '“lowerIsBetter”应为 ratio 或 linear-deficit',
    );
  }
  const capBudgetExecution = o.capBudgetExecution ?? base.capBudgetExecution;
  if (typeof capBudgetExecution !== 'boolean') {
    return profileError(
      '"capBudgetExecution" must be true or false',
      '“capBudgetExecution”应为 true 或 false',
    );
  }
  let qualitativeBands = base.qualitativeBands;
  if (o.qualitativeBands !== undefined) {
    const b = o.qualitativeBands as Record<string, unknown> | null;
    const achieved = b && typeof b === 'object' ? decimalField(b.achieved) : null;
    const partial = b && typeof b === 'object' ? decimalField(b.partial) : null;
    if (achieved === null || partial === null) {
      return profileError(
        '"qualitativeBands" needs numbers "achieved" and "partial"',
        '“qualitativeBands”需要数值 achieved 与 partial',
      );
    }
    if (!(dec(partial).gte(0) && dec(partial).lte(achieved) && dec(achieved).lte(100))) {
      return profileError(
        'bands need 0 ≤ partial ≤ achieved ≤ 100',
        '档次需满足 0 ≤ partial ≤ achieved ≤ 100',
      );
    }
    qualitativeBands = { achieved, partial };
  }
  let grades = base.grades;
  if (o.grades !== undefined) {
    if (!Array.isArray(o.grades) || o.grades.length === 0) {
      return profileError(
        '"grades" must be a non-empty list of { grade, min }',
        '“grades”应为 { grade, min } 的非空列表',
      );
    }
    const out: GradeStep[] = [];
    for (const g of o.grades as unknown[]) {
      const step = g as Record<string, unknown> | null;
      const min = step && typeof step === 'object' ? decimalField(step.min) : null;
      if (!step || typeof step.grade !== 'string' || min === null) {
        return profileError(
          'each grade needs a "grade" text and a numeric "min"',
          '每个等级需要 grade 文本与数值 min',
        );
      }
      const prev = out[out.length - 1];
      if (prev && !dec(min).lt(prev.min)) {
        return profileError(
          'grades must be listed best first, with decreasing "min"',
          '等级应从高到低排列，min 递减',
        );
      }
      out.push({ grade: step.grade, min });
    }
    grades = out;
  }
  const totalWeight = o.totalWeight === undefined ? base.totalWeight : decimalField(o.totalWeight);
  if (totalWeight === null) return profileError('"totalWeight" must be a number', '“totalWeight”应为数值');
  let overAchievementThreshold = base.overAchievementThreshold;
  if (o.overAchievementThreshold !== undefined) {
    overAchievementThreshold =
      o.overAchievementThreshold === null ? null : decimalField(o.overAchievementThreshold);
    if (o.overAchievementThreshold !== null && overAchievementThreshold === null) {
      return profileError(
        '"overAchievementThreshold" must be a number or null',
        '“overAchievementThreshold”应为数值或 null',
      );
    }
  }
  const decimals = o.decimals ?? base.decimals;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    return profileError('"decimals" must be an integer from 0 to 10', '“decimals”应为 0 到 10 的整数');
  }
  const rounding = o.rounding ?? base.rounding;
  if (rounding !== 'half-up' && rounding !== 'half-even' && rounding !== 'truncate') {
    return profileError(
      '"rounding" must be half-up, half-even or truncate',
      '“rounding”应为 half-up、half-even 或 truncate',
    );
  }
  const description =
    typeof o.description === 'string'
      ? { en: o.description, zh: o.description }
      : { en: `${base.description.en} (customised)`, zh: `${base.description.zh}（自定义）` };
  const source = typeof o.source === 'string' ? o.source : base.source;
  return {
    ok: true,
    profile: {
      name,
      description,
      source,
      lowerIsBetter,
      qualitativeBands,
      capBudgetExecution,
      grades,
      totalWeight,
      overAchievementThreshold,
      decimals,
      rounding,
    },
  };
}
