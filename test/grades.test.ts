import { compareGrades, evaluateIndicator, GRADE_SCALES } from 'outturn';
import { describe, expect, it } from 'vitest';

describe('compareGrades', () => {
  it.each([
    // equal text, also across width, script and spaces
    ['健全', '健全', 'met'],
    ['有序推进', '有序推进', 'met'],
    [' 健 全 ', '健全', 'met'],
    ['较显著', '較顯著', 'met'],
    ['达成预期指标', '達成預期指標', 'met'],
    ['“健全”', '健全', 'met'],
    // DESIGN §1: 显著 > 较显著 > 一般 > 较差 > 差
    ['较显著', '显著', 'met'],
    ['一般', '较显著', 'met'],
    ['显著', '较显著', 'not-met'],
    ['较显著', '一般', 'not-met'],
    ['一般', '较差', 'not-met'],
    ['较差', '差', 'not-met'],
    ['差', '较差', 'met'],
    // 达成预期指标 > 部分达成预期指标 > 未达成预期指标
    ['达成预期指标', '部分达成预期指标', 'not-met'],
    ['达成预期指标', '未达成预期指标', 'not-met'],
    ['部分达成预期指标', '达成预期指标', 'met'],
    ['部分达成预期指标', '未达成预期指标', 'not-met'],
    // 优 > 良 > 中 > 差
    ['良', '优', 'met'],
    ['优', '良', 'not-met'],
    ['中', '差', 'not-met'],
    ['良', '中', 'not-met'],
    // yes/no pairs
    ['健全', '不健全', 'not-met'],
    ['健全', '基本健全', 'not-met'],
    ['基本健全', '健全', 'met'],
    ['规范', '不规范', 'not-met'],
    ['合规', '不合规', 'not-met'],
    ['有效', '无效', 'not-met'],
    ['公开', '未公开', 'not-met'],
    ['公开', '不公开', 'not-met'],
    ['是', '否', 'not-met'],
    // issue 12: a target that states what must (not) happen is not met by the opposite
    ['否', '是', 'not-met'],
    ['不健全', '健全', 'not-met'],
    // unknown wording is never silently met
    ['较显著', '良好', 'needs-judgement'],
    ['有序推进', '推进中', 'needs-judgement'],
    ['健全', '规范', 'needs-judgement'],
    ['良', '一般', 'needs-judgement'],
    ['健全', '', 'needs-judgement'],
    ['abc', 'abd', 'needs-judgement'],
  ] as const)('expected %j, actual %j → %s', (expected, actual, result) => {
    expect(compareGrades(expected, actual)).toBe(result);
  });
});

describe('GRADE_SCALES', () => {
  it('holds the scales of DESIGN §1, best first', () => {
    const has = (scale: readonly string[]) =>
      GRADE_SCALES.some((s) => s.length === scale.length && s.every((g, i) => g === scale[i]));
    expect(has(['显著', '较显著', '一般', '较差', '差'])).toBe(true);
    expect(has(['达成预期指标', '部分达成预期指标', '未达成预期指标'])).toBe(true);
    expect(has(['优', '良', '中', '差'])).toBe(true);
    expect(GRADE_SCALES.some((s) => s[0] === '健全' && s.at(-1) === '不健全')).toBe(true);
    expect(GRADE_SCALES.some((s) => s[0] === '规范' && s.at(-1) === '不规范')).toBe(true);
  });

  it('has no duplicates within a scale', () => {
    for (const s of GRADE_SCALES) expect(new Set(s).size).toBe(s.length);
  });

  it('never orders the same two grades both ways (scales are mutually consistent)', () => {
    const better = new Set<string>();
    for (const s of GRADE_SCALES) {
      s.forEach((a, i) => {
        for (const b of s.slice(i + 1)) better.add(`${a}>${b}`);
      });
    }
    for (const pair of better) {
      const [a, b] = pair.split('>');
      expect(better.has(`${b}>${a}`), pair).toBe(false);
    }
  });

  it('compareGrades follows every scale: same or better is met, worse is not met', () => {
    // A target that is the negation at the bottom (不公开, 不健全) is a statement: only itself meets it.
    const negation = (g: string, i: number, s: readonly string[]) =>
      i === s.length - 1 && /^[不未无]/.test(g);
    for (const s of GRADE_SCALES) {
      s.forEach((expected, i) => {
        s.forEach((actual, j) => {
          const want = negation(expected, i, s) ? (j === i ? 'met' : 'not-met') : j <= i ? 'met' : 'not-met';
          expect(compareGrades(expected, actual), `${expected} / ${actual}`).toBe(want);
        });
      });
    }
  });
});

describe('the reference report’s qualitative targets', () => {
  it.each(['健全', '合理', '明确', '规范', '科学', '完善', '合规', '公开', '有效', '较显著', '有序推进'])(
    '%s against itself is met with a 0%% deviation',
    (grade) => {
      expect(compareGrades(grade, grade)).toBe('met');
      const ev = evaluateIndicator({ target: grade, actual: grade });
      expect(ev.status).toBe('met');
      expect(ev.deviation?.printed).toBe('0%');
    },
  );
});
