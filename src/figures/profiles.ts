/**
 * Scoring profiles: the conventions a scoring system chooses (strategies, bands, grades,
 * weights, rounding), as plain data; the shipped profiles by name; and reading a profile of
 * one's own from JSON.
 */
import { assertString } from '../core/arguments.js';
import { dec, type RoundingMode } from '../core/decimal.js';
import { parseQuantity } from '../core/quantity.js';
import type { Messages } from '../model/findings.js';

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

export const DEFAULT_PROFILE: ScoringProfile = {
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
