/**
 * Scoring of project self-evaluation tables (项目支出绩效自评表): indicator scores (得分),
 * the budget-execution score, totals and grades, each rule a named strategy of a plain-data
 * scoring profile (profiles.ts).
 *
 * Over 400 lines because it is one thing: the score rules of every comparator and of the
 * qualitative bands, each with its explanation in both languages, read best as one table.
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
import type { EvaluateOptions, Evaluation } from './evaluation.js';
import { gradeGap } from './grades.js';
import { evaluateIndicator } from './indicator.js';
import { DEFAULT_PROFILE, type ScoringProfile } from './profiles.js';

/** The named rule a score came from. */
export type ScoreRule =
  | 'met-full'
  | 'higher-ratio'
  | 'lower-ratio'
  | 'lower-linear-deficit'
  | 'equal-zero-target'
  | 'equal-ratio'
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
 * - equality (`=`), missed: never the full weight. Below a positive target as higher is
 *   better (`higher-ratio`); above it, or against a negative target, nearer ÷ farther of actual
 *   and target × weight (`equal-ratio`: =100% → 120% gives 100 ÷ 120 × 10 = 8.33; =−5 → −10 gives
 *   5 ÷ 10 × 10 = 5.00; an actual on the other side of 0 gives 0); target 0 missed: 0
 *   (`equal-zero-target`, =0 → −3 gives 0.00);
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
  // A missed equality target never scores its full weight: below a positive target as higher
  // is better; otherwise the ratio of the nearer to the farther of actual and target.
  if (op === '=' && t.isZero()) {
    return done(
      'equal-zero-target',
      ZERO,
      weight,
      profile,
      `target 0 missed (actual ${A}): 0`,
      `目标值 0 未达到（完成值 ${A}）：0`,
    );
  }
  if (op === '=' && !(isPos(t) && a.lt(t))) {
    const q = a.dividedBy(t);
    if (!isPos(q)) {
      return done(
        'equal-ratio',
        ZERO,
        weight,
        profile,
        `target ${T} missed, actual ${A} on the other side of 0: 0`,
        `未达到目标 ${T}，完成值 ${A} 与目标异号：0`,
      );
    }
    const below = q.lt(ONE);
    const s = clamp((below ? q : t.dividedBy(a)).times(weight), weight);
    const [num, den] = below ? [A, T] : [T, A];
    return done(
      'equal-ratio',
      s,
      weight,
      profile,
      `nearer / farther × weight = ${num} / ${den} × ${W}`,
      `（较近值 / 较远值）× 分值 = ${num} / ${den} × ${W}`,
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
