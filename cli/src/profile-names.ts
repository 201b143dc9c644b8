/**
 * The names and descriptions of the library's shipped scoring profiles (`SCORING_PROFILES`), as
 * the help lists them and the config file accepts them: a copy, so that `outturn --help` and
 * `outturn --version` print without loading the library (and decimal.js) at all. The copy cannot
 * drift: cli/test/startup.test.ts checks that it equals the library's table, entry by entry.
 *
 * @internal
 */
import type { ProfileName } from 'outturn';
import type { Localized } from './errors.js';

/** A shipped profile as the help shows it. */
export interface ProfileValue {
  readonly name: ProfileName;
  readonly description: Localized;
}

/** The shipped profiles, in the library's order (`PROFILE_NAMES`). */
export const PROFILE_VALUES: readonly ProfileValue[] = [
  {
    name: 'default',
    description: {
      en: 'After 财预〔2020〕10号 and the self-evaluation tables that apply it: ratio scoring, bands 80/60, capped budget score, grades 90/80/60',
      zh: '依据财预〔2020〕10号及其自评表：比例计分，定性档次 80/60，预算执行率得分封顶，等级 90/80/60',
    },
  },
  {
    name: 'linear-deficit',
    description: {
      en: 'Default, but lower-is-better targets scored by linear deficit (zero at twice the target), as a deployed provincial system does',
      zh: '同默认，但反向指标按线性扣分（达到目标值两倍时为零），某省在用系统的做法',
    },
  },
  {
    name: 'bands-80-50',
    description: {
      en: 'Default, but qualitative bands 达成 [80%, 100%], 部分达成 [50%, 80%), 未达成 [0, 50%)',
      zh: '同默认，但定性指标档次为 达成 [80%,100%]、部分达成 [50%,80%)、未达成 [0,50%)',
    },
  },
  {
    name: 'grades-80-70-60',
    description: {
      en: 'Default, but grades 优 ≥ 80, 良 ≥ 70, 中 ≥ 60, 差 below',
      zh: '同默认，但等级为 优 ≥80、良 ≥70、中 ≥60、差 <60',
    },
  },
  {
    name: 'uncapped',
    description: {
      en: 'Default, but the budget-execution score is not capped at its weight (rate × weight even above 100%)',
      zh: '同默认，但预算执行率得分不封顶（执行率超过 100% 时仍按 执行率 × 分值）',
    },
  },
];

/** Whether `name` names a shipped profile (case-sensitive, as the library's `profileNamed`). */
export function isProfileName(name: string): boolean {
  return PROFILE_VALUES.some((p) => p.name === name);
}
