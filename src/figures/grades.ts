/**
 * Qualitative grades (定性指标) and the ordinal scales they are compared on.
 */
import { assertString } from '../core/arguments.js';
import { nameKey } from '../core/text.js';

/**
 * Ordinal scales of qualitative grades, best first: words that say by themselves how good a
 * result is, whatever the indicator (显著 is better than 较显著 for any indicator). A qualitative
 * actual meets its target when it is the expected grade or a better one on a scale that holds
 * both. Pairs of opposite statements (有/无, 是/否) and directions (提升/下降, 高/低) are not
 * grades: see {@link OPPOSITE_STATEMENTS} and {@link DIRECTION_SCALES}.
 * Sources: DESIGN §1 (显著 > 较显著 > 一般 > 较差 > 差; 达成预期指标 > 部分达成预期指标 >
 * 未达成预期指标; 优 > 良 > 中 > 差) and the grades printed in self-evaluation tables.
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
];

/**
 * Opposite statements: what a target says must (not) happen (是否发生重大安全事故: 否; 违规违纪情况:
 * 无). Neither side is better in itself: the target states which one is wanted, so the actual
 * meets it when it says the same (synonyms included: 否 and 无 both say "did not happen") and
 * fails it when it says the opposite. Never a "better is met" ladder.
 */
export const OPPOSITE_STATEMENTS: readonly {
  readonly yes: readonly string[];
  readonly no: readonly string[];
}[] = [
  {
    yes: ['是', '有', '发生', '存在', '出现', '发现'],
    no: [
      '否',
      '无',
      '没有',
      '未发生',
      '没有发生',
      '无发生',
      '不存在',
      '未出现',
      '没有出现',
      '未发现',
      '不是',
    ],
  },
];

/**
 * Direction scales, from one end to the other: which end is better depends on the indicator
 * (投诉数量 should 下降, 满意度 should 提升; 风险 should be 低, 覆盖面 高). The target's end fixes
 * the order: against 下降 the scale reads 下降 > 持平 > 上升. A target in the middle (持平, 一般)
 * is met only by itself: either side may be better.
 */
export const DIRECTION_SCALES: readonly (readonly (readonly string[])[])[] = [
  [
    ['提升', '提高', '上升', '增加', '增长', '增强', '扩大', '加强', '增多'],
    ['持平', '不变', '稳定', '保持稳定', '保持不变', '基本持平', '基本稳定'],
    ['下降', '降低', '减少', '减小', '缩小', '减弱', '缩短', '压缩', '减轻', '降', '回落', '下滑'],
  ],
  [['高'], ['较高'], ['一般', '中等'], ['较低'], ['低']],
];

/**
 * Degree words before a direction (显著提升, 有所下降): 2 strong, 1 plain, 0 weak. An actual in
 * the target's direction meets it unless its degree is lower (有所提升 against 显著提升: one grade
 * below).
 */
const DEGREES: readonly (readonly [string, number])[] = [
  ['大幅度', 2],
  ['较大幅度', 2],
  ['显著', 2],
  ['明显', 2],
  ['大幅', 2],
  ['大大', 2],
  ['有效', 1],
  ['进一步', 1],
  ['持续', 1],
  ['不断', 1],
  ['稳步', 1],
  ['逐步', 1],
  ['逐年', 1],
  ['有所', 0],
  ['略有', 0],
  ['稍有', 0],
  ['小幅', 0],
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
 * Equal text → `met`. An opposite statement ({@link OPPOSITE_STATEMENTS}: 无 against 有, 否
 * against 是) → `not-met`, a synonym of the same side (否 / 无) → `met`. A direction
 * ({@link DIRECTION_SCALES}: 下降 against 提升, 降低 against 提高, 低 against 高) is read from the
 * target's end: the same direction → `met` (unless a lower degree: 有所提升 against 显著提升),
 * towards the other end → `not-met`; a middle target (持平) is met only by itself. Otherwise,
 * on the first scale of {@link GRADE_SCALES} that holds both: the actual at the expected rank
 * or better → `met`, worse → `not-met` (a target that is the negation at the bottom, 不公开, is
 * met only by itself). Wording on no common scale is `needs-judgement`, never silently met,
 * unless the actual declares the outcome itself ({@link declaredOutcome}: 达成预期指标 is met,
 * 部分/未达成预期指标 are not). See `gradeGap` (internal) for the distances scoring uses.
 *
 * @throws TypeError when `expected` or `actual` is not a string.
 * @example
 * ```ts
 * compareGrades('较显著', '显著');   // 'met'
 * compareGrades('健全', '不健全');   // 'not-met'
 * compareGrades('有序推进', '有序推进'); // 'met'
 * compareGrades('较显著', '良好');   // 'needs-judgement'
 * compareGrades('无', '有');         // 'not-met' (违规违纪情况: the opposite statement)
 * compareGrades('下降', '提升');     // 'not-met' (投诉数量: the other direction)
 * compareGrades('否', '无');         // 'met' (both say "did not happen")
 * ```
 */
export function compareGrades(expected: string, actual: string): GradeComparison {
  assertString('compareGrades', 'expected', expected);
  assertString('compareGrades', 'actual', actual);
  const gap = gradeGap(expected, actual);
  return gap === null ? 'needs-judgement' : gap === 0 ? 'met' : 'not-met';
}

/**
 * How many grades a qualitative actual falls below the expected one (internal; compareGrades
 * and scoring): 0 when it meets it, 1 one grade below (or a declared 部分达成), 2 or more
 * further down; null when it needs judgement. In order:
 * - the same text: 0;
 * - opposite statements ({@link OPPOSITE_STATEMENTS}): the same side 0, the opposite side 2;
 * - a direction ({@link DIRECTION_SCALES}), with its degree (显著提升): the target's end fixes
 *   the order, so the distance towards the other end counts (下降 against 提升: 2; 持平: 1); the
 *   same direction with a lower degree is 1; a target in the middle is met only by itself
 *   (anything else: null);
 * - a grade scale ({@link GRADE_SCALES}): the same or a better grade 0, else the distance, the
 *   failing grade at the bottom always 2 or more; a target that is itself the negation at the
 *   bottom (不公开, 不健全) is a statement: only itself meets it, the distance otherwise;
 * - a declared outcome ({@link declaredOutcome}): 达成 0, 部分达成 1, 未达成 2;
 * - anything else: null.
 */
export function gradeGap(expected: string, actual: string): number | null {
  const e = nameKey(expected);
  const a = nameKey(actual);
  if (e === a) return 0;
  const statement = statementGap(e, a);
  if (statement !== undefined) return statement;
  const direction = directionGap(e, a);
  if (direction !== undefined) return direction;
  for (const scale of GRADE_SCALES) {
    const ie = scale.indexOf(e);
    const ia = scale.indexOf(a);
    if (ie >= 0 && ia >= 0) {
      // The negation at the bottom is a statement: its opposite at the top fails it outright.
      if (ie === scale.length - 1 && isNegation(e)) return ia === 0 ? Math.max(2, ie) : ie - ia;
      if (ia <= ie) return 0;
      return ia === scale.length - 1 ? Math.max(2, ia - ie) : ia - ie;
    }
  }
  const declared = declaredOutcome(a);
  return declared === null ? null : declared === 'achieved' ? 0 : declared === 'partial' ? 1 : 2;
}

/** 不健全, 未公开, 无效, 不合格: the negation of a grade. */
function isNegation(grade: string): boolean {
  return grade.startsWith('不') || grade.startsWith('未') || grade.startsWith('无');
}

/** Gap between two opposite statements, or undefined when they are not both statements. */
function statementGap(e: string, a: string): number | undefined {
  for (const { yes, no } of OPPOSITE_STATEMENTS) {
    const se = yes.includes(e) ? 'yes' : no.includes(e) ? 'no' : null;
    const sa = yes.includes(a) ? 'yes' : no.includes(a) ? 'no' : null;
    if (se !== null && sa !== null) return se === sa ? 0 : 2;
  }
  return undefined;
}

/** A direction word with its degree: 显著提升 → step of 提升, degree 2. */
function readDirection(
  scale: readonly (readonly string[])[],
  text: string,
): { step: number; degree: number } | null {
  let degree = 1;
  let rest = text;
  for (const [word, d] of DEGREES) {
    if (rest.startsWith(word) && rest.length > word.length) {
      degree = d;
      rest = rest.slice(word.length);
      break;
    }
  }
  if (rest.endsWith('了')) rest = rest.slice(0, -1);
  const step = scale.findIndex((words) => words.includes(rest));
  return step < 0 ? null : { step, degree };
}

/** Gap on a direction scale, or undefined when the two are not both on one. */
function directionGap(e: string, a: string): number | null | undefined {
  for (const scale of DIRECTION_SCALES) {
    const de = readDirection(scale, e);
    if (de === null) continue;
    const da = readDirection(scale, a);
    if (da === null) continue;
    const last = scale.length - 1;
    const middle = last / 2;
    if (de.step === middle) return da.step === middle ? 0 : null;
    // Distance from the target's end towards the other: 0 on its own side of the middle.
    const towards = de.step < middle ? da.step - de.step : de.step - da.step;
    if (towards > 0) return towards === last ? Math.max(2, towards) : towards;
    if (da.step === de.step) return da.degree < de.degree ? 1 : 0;
    return 0;
  }
  return undefined;
}
