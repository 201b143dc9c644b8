/**
 * Qualitative grades (定性指标) and the ordinal scales they are compared on.
 */
import { assertString } from '../core/arguments.js';
import { nameKey } from '../core/text.js';

/**
 * Ordinal scales of qualitative results, best first. A qualitative actual meets its target
 * when it is the expected grade or a better one on a scale that holds both.
 * Sources: DESIGN §1 (显著 > 较显著 > 一般 > 较差 > 差; 达成预期指标 > 部分达成预期指标 >
 * 未达成预期指标; 优 > 良 > 中 > 差) and the yes/no pairs printed in self-evaluation tables.
 */
export const GRADE_SCALES: readonly (readonly string[])[] = [
  ['显著', '较显著', '一般', '较差', '差'],
  ['明显', '较明显', '一般', '不明显'],
  ['达成预期指标', '部分达成预期指标', '未达成预期指标'],
  ['达成预期目标', '部分达成预期目标', '未达成预期目标'],
  ['达成', '部分达成', '未达成'],
  ['优', '良', '中', '差'],
  ['优秀', '良好', '中等', '合格', '不合格'],
  ['好', '较好', '一般', '较差', '差'],
  ['高', '较高', '一般', '较低', '低'],
  ['满意', '基本满意', '不满意'],
  ['健全', '基本健全', '不健全'],
  ['完善', '基本完善', '不完善'],
  ['规范', '基本规范', '不规范'],
  ['合理', '基本合理', '不合理'],
  ['明确', '基本明确', '不明确'],
  ['科学', '基本科学', '不科学'],
  ['合规', '基本合规', '不合规'],
  ['有效', '基本有效', '无效'],
  ['及时', '基本及时', '不及时'],
  ['到位', '基本到位', '不到位'],
  ['充分', '基本充分', '不充分'],
  ['准确', '基本准确', '不准确'],
  ['完整', '基本完整', '不完整'],
  ['达标', '基本达标', '未达标'],
  ['完成', '基本完成', '未完成'],
  ['按时完成', '基本按时完成', '未按时完成'],
  ['公开', '未公开'],
  ['公开', '不公开'],
  ['是', '否'],
  ['有', '无'],
  ['提升', '持平', '下降'],
  ['提高', '持平', '降低'],
];

/**
 * Actuals that declare the outcome themselves. Project tables print 达成预期指标 ("the expected
 * indicator was achieved") in the 实际完成值 cell of qualitative rows whatever the target's
 * wording (效果明显, 符合相关规定 …): the publisher states the target was met.
 */
const DECLARED: Readonly<Record<string, 'achieved' | 'partial' | 'not-achieved'>> = {
  达成预期指标: 'achieved',
  达成预期目标: 'achieved',
  达到预期指标: 'achieved',
  达到预期目标: 'achieved',
  已达成预期指标: 'achieved',
  已达成: 'achieved',
  部分达成预期指标: 'partial',
  部分达成预期目标: 'partial',
  部分达成: 'partial',
  基本达成预期指标: 'partial',
  基本达成预期目标: 'partial',
  基本达成: 'partial',
  未达成预期指标: 'not-achieved',
  未达成预期目标: 'not-achieved',
  未达到预期指标: 'not-achieved',
  未达到预期目标: 'not-achieved',
  未达成: 'not-achieved',
};

/**
 * The outcome a qualitative actual declares (达成预期指标 → `achieved`, 部分达成预期指标 →
 * `partial`, 未达成预期指标 → `not-achieved`), or null when it is a grade, not a declaration.
 *
 * @throws TypeError when `actual` is not a string.
 * @example
 * ```ts
 * declaredOutcome('达成预期指标'); // 'achieved'
 * declaredOutcome('较显著');       // null
 * ```
 */
export function declaredOutcome(actual: string): 'achieved' | 'partial' | 'not-achieved' | null {
  assertString('declaredOutcome', 'actual', actual);
  const key = nameKey(actual);
  return Object.hasOwn(DECLARED, key) ? (DECLARED[key] ?? null) : null;
}

/** Outcome of comparing a qualitative actual with its expected grade. */
export type GradeComparison = 'met' | 'not-met' | 'needs-judgement';

/**
 * Compares a qualitative actual with the expected grade.
 *
 * Both are normalised (width, traditional → simplified script, spaces and quotes removed).
 * Equal text → `met`. Otherwise, on the first scale of {@link GRADE_SCALES} that holds both:
 * the actual at the expected rank or better → `met`, worse → `not-met`. Wording on no common
 * scale is `needs-judgement`, never silently met, unless the actual declares the outcome
 * itself ({@link declaredOutcome}: 达成预期指标 is met, 部分/未达成预期指标 are not).
 *
 * @throws TypeError when `expected` or `actual` is not a string.
 * @example
 * ```ts
 * compareGrades('较显著', '显著');   // 'met'
 * compareGrades('健全', '不健全');   // 'not-met'
 * compareGrades('有序推进', '有序推进'); // 'met'
 * compareGrades('较显著', '良好');   // 'needs-judgement'
 * ```
 */
export function compareGrades(expected: string, actual: string): GradeComparison {
  assertString('compareGrades', 'expected', expected);
  assertString('compareGrades', 'actual', actual);
  const gap = gradeGap(expected, actual);
  return gap === null ? 'needs-judgement' : gap === 0 ? 'met' : 'not-met';
}

/**
 * How many grades a qualitative actual falls below the expected one: 0 when it meets it (same
 * text, or the same or a better grade on a common scale, or a declared 达成), 1 one grade
 * below (or a declared 部分达成), 2 or more further down; the failing grade at the bottom of a
 * scale (不健全, 未达成 …) always counts as 2 or more. Null when the wording is on no common
 * scale and declares nothing: that needs judgement (internal; compareGrades and scoring).
 */
export function gradeGap(expected: string, actual: string): number | null {
  const e = nameKey(expected);
  const a = nameKey(actual);
  if (e === a) return 0;
  for (const scale of GRADE_SCALES) {
    const ie = scale.indexOf(e);
    const ia = scale.indexOf(a);
    if (ie >= 0 && ia >= 0) {
      if (ia <= ie) return 0;
      return ia === scale.length - 1 ? Math.max(2, ia - ie) : ia - ie;
    }
  }
  const declared = declaredOutcome(a);
  return declared === null ? null : declared === 'achieved' ? 0 : declared === 'partial' ? 1 : 2;
}
