import fc from 'fast-check';
import {
  type Comparator,
  comparatorSymbol,
  isLowerBetter,
  type ParseTargetResult,
  parseTarget,
  type Target,
  type TargetContext,
} from 'outturn';
import { describe, expect, it } from 'vitest';

function targetOf(r: ParseTargetResult): Target {
  if (!r.ok) throw new Error(`expected a target, got ${r.code}: ${r.message.en}`);
  if (r.target === null) throw new Error('expected a target, got "nothing printed"');
  return r.target;
}

/** Asserts a comparison target: operator, value, unit, implicit. */
function expectComparison(
  text: string,
  operator: Comparator,
  value: string,
  unit: string | null,
  opts: { implicit?: boolean; context?: TargetContext } = {},
): void {
  const t = targetOf(parseTarget(text, opts.context));
  expect(t.kind).toBe('comparison');
  if (t.kind !== 'comparison') return;
  expect(t.operator).toBe(operator);
  expect(t.value.value).toBe(value);
  expect(t.value.unit).toBe(unit);
  expect(t.implicit).toBe(opts.implicit ?? false);
  expect(t.text).toBe(text);
}

function expectRange(text: string, min: string, max: string, unit: string | null): void {
  const t = targetOf(parseTarget(text));
  expect(t.kind).toBe('range');
  if (t.kind !== 'range') return;
  expect([t.min.value, t.max.value]).toEqual([min, max]);
  expect([t.min.unit, t.max.unit]).toEqual([unit, unit]);
  expect(t.text).toBe(text);
}

function expectUnparsable(text: string, context?: TargetContext): void {
  const r = parseTarget(text, context);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe('unparsable-target');
  expect(r.message.en).toContain(text);
  expect(r.message.zh).toContain(text);
}

describe('parseTarget: comparator symbols (DESIGN §1, issue 2 item 5)', () => {
  it.each([
    ['=100%', '=', '100', '%'],
    ['≥90%', '>=', '90', '%'],
    ['>=100%', '>=', '100', '%'],
    ['=>100%', '>=', '100', '%'],
    ['≤0%', '<=', '0', '%'],
    ['<=100%', '<=', '100', '%'],
    ['=<100%', '<=', '100', '%'],
    ['>5', '>', '5', null],
    ['<5', '<', '5', null],
    ['＞＝９０％', '>=', '90', '%'],
    ['＜＝９０％', '<=', '90', '%'],
    ['≧90%', '>=', '90', '%'],
    ['≦90%', '<=', '90', '%'],
    ['⩾90%', '>=', '90', '%'],
    ['⩽90%', '<=', '90', '%'],
    ['﹦100%', '=', '100', '%'],
    ['＝100%', '=', '100', '%'],
    ['==100%', '=', '100', '%'],
    ['＞5', '>', '5', null],
    ['＜5%', '<', '5', '%'],
    ['≥ 90 %', '>=', '90', '%'],
    ['>= 90%', '>=', '90', '%'],
    ['≥-5%', '>=', '-5', '%'],
    ['=0', '=', '0', null],
    ['≤10', '<=', '10', null],
  ] as const)('%j is %s %s %s', (text, op, value, unit) => {
    expectComparison(text, op, value, unit);
  });
});

describe('parseTarget: comparator words, Civil Code inclusion (民法典 第一千二百五十九条)', () => {
  it.each([
    // ≥ (inclusive)
    ['不低于90%', '>=', '90', '%'],
    ['不少于5次', '>=', '5', '次'],
    ['至少3家', '>=', '3', '家'],
    ['大于等于90%', '>=', '90', '%'],
    ['大于或等于90%', '>=', '90', '%'],
    ['90%以上', '>=', '90', '%'],
    ['95%及以上', '>=', '95', '%'],
    ['95%(含)以上', '>=', '95', '%'],
    ['95%（含）以上', '>=', '95', '%'],
    // ≤ (inclusive)
    ['不高于5%', '<=', '5', '%'],
    ['不超过5%', '<=', '5', '%'],
    ['不大于5%', '<=', '5', '%'],
    ['小于等于5%', '<=', '5', '%'],
    ['控制在5%以内', '<=', '5', '%'],
    ['控制在5%', '<=', '5', '%'],
    ['5%以内', '<=', '5', '%'],
    ['5%以下', '<=', '5', '%'],
    // > (exclusive): 超过 does not include the number
    ['高于90%', '>', '90', '%'],
    ['多于5次', '>', '5', '次'],
    ['大于5次', '>', '5', '次'],
    ['超过5次', '>', '5', '次'],
    // < (exclusive): 不满 does not include the number
    ['低于5%', '<', '5', '%'],
    ['少于5次', '<', '5', '次'],
    ['小于5%', '<', '5', '%'],
    ['不满10人', '<', '10', '人'],
    // =
    ['等于100%', '=', '100', '%'],
    ['达到100%', '=', '100', '%'],
    // a comparator repeated by a suffix is one comparator
    ['不低于90%以上', '>=', '90', '%'],
  ] as const)('%j is %s %s %s', (text, op, value, unit) => {
    expectComparison(text, op, value, unit);
  });

  it('rejects two different comparators', () => {
    expectUnparsable('不低于90%以下');
    expectUnparsable('≥90%以内');
  });
});

describe('parseTarget: notations real reports print beyond the list', () => {
  it.each([
    ['≥98%', '>=', '98', '%'],
    ['≤5个工作日', '<=', '5', '工作日'],
    ['100%以上', '>=', '100', '%'],
    ['不低于95%', '>=', '95', '%'],
    ['≥1,000人次', '>=', '1000', '人次'],
    ['＜5%', '<', '5', '%'],
    ['≥0.5‰', '>=', '0.5', '‰'],
    ['≥ 1.2萬元', '>=', '1.2', '万元'],
    ['≥５個', '>=', '5', '个'],
    ['≥266米', '>=', '266', '米'],
    ['1.2万人次以上', '>=', '1.2', '万人次'],
    ['≤3天', '<=', '3', '天'],
    ['≥12个月', '>=', '12', '月'],
    ['≥3项', '>=', '3', '项'],
    ['≤2个百分点', '<=', '2', '个百分点'],
    ['≥2 651 586元', '>=', '2651586', '元'],
  ] as const)('%j is %s %s %s', (text, op, value, unit) => {
    expectComparison(text, op, value, unit);
  });

  it('keeps "more than" on a target value (不少于117余次)', () => {
    const t = targetOf(parseTarget('不少于117余次'));
    expect(t.kind === 'comparison' && t.value.moreThan).toBe(true);
  });
});

describe('parseTarget: ranges (both ends included)', () => {
  it.each([
    ['90%-95%', '90', '95', '%'],
    ['90%～95%', '90', '95', '%'],
    ['90%~95%', '90', '95', '%'],
    ['90%至95%', '90', '95', '%'],
    ['90%到95%', '90', '95', '%'],
    ['90%—95%', '90', '95', '%'],
    ['90%–95%', '90', '95', '%'],
    ['90% - 95%', '90', '95', '%'],
    ['９０％～９５％', '90', '95', '%'],
    ['-5%~5%', '-5', '5', '%'],
    ['1-2次', '1', '2', '次'],
  ] as const)('%j is [%s, %s] %s', (text, min, max, unit) => {
    expectRange(text, min, max, unit);
  });

  it('gives a bound printed without a unit the other bound’s unit (90-95%, 90%~95)', () => {
    expectRange('90-95%', '90', '95', '%');
    expectRange('90%~95', '90', '95', '%');
  });

  it('takes the unit column for a bare range', () => {
    const t = targetOf(parseTarget('90-95', { unit: '%' }));
    expect(t.kind === 'range' && [t.min.unit, t.max.unit]).toEqual(['%', '%']);
  });

  it('rejects bounds of different kinds', () => {
    expectUnparsable('5次-6家');
  });

  it('does not read a date as a range', () => {
    expectUnparsable('2023-12-31');
  });
});

describe('parseTarget: qualitative', () => {
  it.each([
    ['健全', '健全'],
    ['较显著', '较显著'],
    ['显著', '显著'],
    ['达成预期指标', '达成预期指标'],
    ['達成預期指標', '达成预期指标'],
    ['有序推进', '有序推进'],
    [' 健 全 ', '健全'],
    ['較顯著', '较显著'],
  ])('%j expects %s', (text, expected) => {
    const t = targetOf(parseTarget(text));
    expect(t).toEqual({ kind: 'qualitative', expected, text });
  });

  // A qualitative target that begins with a comparator word (达到 …) is still qualitative:
  // "达到预期目标/达到预期效果" is common in real tables and has no number to compare.
  it.each(['达到预期目标', '达到预期效果'])('%j is qualitative, not unparsable', (text) => {
    const t = targetOf(parseTarget(text));
    expect(t.kind).toBe('qualitative');
  });
});

describe('parseTarget: bare values (implicit operator)', () => {
  it('reads a bare value as ≥, flagged implicit', () => {
    expectComparison('90%', '>=', '90', '%', { implicit: true });
    expectComparison('100', '>=', '100', null, { implicit: true });
    expectComparison('14726', '>=', '14726', null, { implicit: true });
  });

  it('reads a bare zero as "none" (≤0): "at least 0" says nothing, unless the name states a change', () => {
    expectComparison('0%', '<=', '0', '%', { implicit: true });
    expectComparison('0', '<=', '0', null, { implicit: true, context: { name: '安全事件发生数' } });
    expectComparison('0%', '>=', '0', '%', { implicit: true, context: { name: '收入增长率' } });
  });

  it.each([
    '预算调整率',
    '结转结余率',
    '公用经费控制率',
    '在职人员控制率',
    '“三公经费”变动率',
    '投诉率',
    '安全事故发生次数',
    '预算偏差率',
  ])('reads a bare value of %s as ≤', (name) => {
    expectComparison('0%', '<=', '0', '%', { implicit: true, context: { name } });
  });

  it.each(['预算执行率', '满意率', '及时办结率', ''])('reads a bare value of %j as ≥', (name) => {
    expectComparison('5%', '>=', '5', '%', { implicit: true, context: { name } });
  });

  it('an explicit operator wins over the name', () => {
    expectComparison('≥0%', '>=', '0', '%', { context: { name: '预算调整率' } });
  });

  it('reads a bare number as implicit, with the unit column', () => {
    const t = targetOf(parseTarget(90, { unit: '%' }));
    expect(t).toMatchObject({
      kind: 'comparison',
      operator: '>=',
      implicit: true,
      value: { value: '90', unit: '%' },
    });
    const u = targetOf(parseTarget(5, { name: '投诉率' }));
    expect(u).toMatchObject({
      kind: 'comparison',
      operator: '<=',
      implicit: true,
      value: { value: '5', unit: null },
    });
  });

  it('rejects a non-finite number', () => {
    expect(parseTarget(Number.NaN).ok).toBe(false);
    expect(parseTarget(Number.POSITIVE_INFINITY).ok).toBe(false);
  });
});

describe('parseTarget: cells { operator, value } (指标性质 / 符号 column)', () => {
  it('takes the unit from the context', () => {
    const t = targetOf(parseTarget({ operator: '≥', value: '95' }, { unit: '%' }));
    expect(t).toMatchObject({
      kind: 'comparison',
      operator: '>=',
      implicit: false,
      value: { value: '95', unit: '%' },
    });
  });

  it.each([
    ['反向', 5, '<='],
    ['反向指标', '5', '<='],
    ['正向', '5', '>='],
    ['正向指标', 5, '>='],
    ['≤', '5', '<='],
    ['＞＝', '5', '>='],
    ['不低于', '5', '>='],
    ['=', 5, '='],
  ] as const)('operator cell %j with %j is %s', (operator, value, op) => {
    const t = targetOf(parseTarget({ operator, value }));
    expect(t).toMatchObject({ kind: 'comparison', operator: op, implicit: false, value: { value: '5' } });
  });

  it('an empty operator cell is implicit', () => {
    const t = targetOf(parseTarget({ operator: '', value: '5' }, { name: '预算调整率' }));
    expect(t).toMatchObject({ kind: 'comparison', operator: '<=', implicit: true });
  });

  it('a value cell with text is qualitative', () => {
    expect(targetOf(parseTarget({ operator: '', value: '健全' }))).toMatchObject({
      kind: 'qualitative',
      expected: '健全',
    });
  });

  it('rejects an operator cell that is not a comparator', () => {
    expect(parseTarget({ operator: 'abc', value: '5' })).toMatchObject({
      ok: false,
      code: 'unparsable-target',
    });
    expect(parseTarget({ operator: '≥5', value: '5' }).ok).toBe(false);
  });

  it('an empty value cell prints nothing', () => {
    expect(parseTarget({ operator: '≥', value: '/' })).toEqual({ ok: true, target: null });
  });
});

describe('parseTarget: unit column', () => {
  it('a bare value takes the unit column', () => {
    expectComparison('≥95', '>=', '95', '%', { context: { unit: '%' } });
    expectComparison('≥95', '>=', '95', '次', { context: { unit: '次' } });
    expectComparison('≥95', '>=', '95', null, { context: { unit: '/' } });
  });

  it('a printed unit is kept over the unit column', () => {
    expectComparison('≥95次', '>=', '95', '次', { context: { unit: '家' } });
  });

  it('a unit column that is not a unit makes the target unparsable', () => {
    const r = parseTarget('≥95', { unit: '1.2.3' });
    expect(r.ok).toBe(false);
  });
});

describe('parseTarget: nothing printed and unparsable', () => {
  it.each(['/', '—', '-', '', '——', '／'])('%j prints nothing', (text) => {
    expect(parseTarget(text)).toEqual({ ok: true, target: null });
  });

  it.each(['≥', '≥abc1', '≥1e3', '≥NaN', '≥Infinity', '约90%', '≥1.2.3%', '12 34'])(
    '%j is unparsable-target',
    (text) => {
      expectUnparsable(text);
    },
  );

  // Issue 12 item 4: a deadline is a target of its own (a qualitative target with `deadline`),
  // no longer unparsable; test/notations.test.ts has the whole table.
  it.each([
    ['2023年底前完成', { year: 2023, month: 12, day: null, monthExclusive: false }],
    ['6月底前完成', { year: null, month: 6, day: null, monthExclusive: false }],
  ])('%j is a deadline', (text, deadline) => {
    expect(targetOf(parseTarget(text))).toMatchObject({ kind: 'qualitative', deadline });
  });

  it.each([null, undefined, true, [1], Symbol('x')])('throws TypeError for %s', (value) => {
    expect(() => parseTarget(value as unknown as string)).toThrow(TypeError);
  });
});

describe('isLowerBetter and comparatorSymbol', () => {
  it.each([
    ['预算调整率', true],
    ['部门 预算调整率', true],
    ['结转结余率', true],
    ['公用经费控制率', true],
    ['“三公经费”变动率', true],
    ['投诉率', true],
    ['安全事故', true],
    ['预算执行率', false],
    ['满意率', false],
    ['组织执法检查家次', false],
  ] as const)('%s → %s', (name, lower) => {
    expect(isLowerBetter(name)).toBe(lower);
  });

  it.each([
    ['>=', '≥'],
    ['<=', '≤'],
    ['=', '='],
    ['>', '>'],
    ['<', '<'],
  ] as const)('%s prints as %s', (op, sym) => {
    expect(comparatorSymbol(op)).toBe(sym);
  });
});

// ---- properties ----------------------------------------------------------------------------

const printedish = fc.string({
  unit: fc.constantFrom(
    ...'0123456789０１２３４５６７８９.,，%％‰ ()（）+-−—～~至到≥≤><=＞＜＝≧≦⩾⩽﹦万亿元次家个余多以上下内不低于高超过满达到等控制在/含及①½\u3000eE健全较显著'.split(
      '',
    ),
  ),
  maxLength: 24,
});

function checkTarget(text: string): void {
  const r = parseTarget(text);
  if (!r.ok) {
    expect(r.code).toBe('unparsable-target');
    return;
  }
  if (r.target === null) return;
  const values =
    r.target.kind === 'comparison'
      ? [r.target.value]
      : r.target.kind === 'range'
        ? [r.target.min, r.target.max]
        : [];
  for (const v of values) {
    expect(v.value).toMatch(/^-?\d+(\.\d+)?$/);
    expect(v.value).not.toMatch(/NaN|Infinity/);
  }
}

describe('parseTarget properties', () => {
  it('never throws on any string and never yields NaN or Infinity (fc.string)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), checkTarget), { numRuns: 2000 });
  });

  it('never throws on any string (full Unicode, binary)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), checkTarget), { numRuns: 2000 });
  });

  it('never throws on target-looking strings', () => {
    fc.assert(fc.property(printedish, checkTarget), { numRuns: 5000 });
  });

  it('never throws with any name or unit context', () => {
    fc.assert(
      fc.property(
        printedish,
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 6 }),
        (text, name, unit) => {
          const r = parseTarget(text, { name, unit });
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads every comparator + generated decimal', () => {
    const ops = [
      ['≥', '>='],
      ['≤', '<='],
      ['=', '='],
      ['>', '>'],
      ['<', '<'],
      ['不低于', '>='],
      ['不超过', '<='],
      ['超过', '>'],
      ['不满', '<'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.constantFrom('%', '次', '万元', ''),
        ([sym, op], n, unit) => {
          const t = targetOf(parseTarget(`${sym}${n}${unit}`));
          expect(t).toMatchObject({
            kind: 'comparison',
            operator: op,
            implicit: false,
            value: { value: n.toString(), unit: unit === '' ? null : unit },
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  // Long inputs: the outcome does not depend on the length. How the cost grows with the length
  // (linear; a run of separators once cost O(n²)) is measured by bench/growth.ts, never by a test.
  it.each([
    ['a comparator and dashes', (n: number) => `≥${'1-'.repeat(n)}`],
    ['repeated words', (n: number) => `${'不低于'.repeat(n)}5`],
    ['letters and dashes', (n: number) => `5${'a-'.repeat(n)}`],
  ] as const)('refuses %s at 10 and at 40,000 repeats', (_, make) => {
    for (const n of [10, 40_000])
      expect(parseTarget(make(n))).toMatchObject({ ok: false, code: 'unparsable-target' });
  });

  it('reads a long range up to 24 digits a side, and refuses one of 40,000 digits', () => {
    const range = (n: number) => `${'9'.repeat(n)}%-${'9'.repeat(n)}`;
    expect(targetOf(parseTarget(range(24)))).toMatchObject({
      kind: 'range',
      min: { value: '9'.repeat(24), unit: '%' },
      max: { value: '9'.repeat(24), unit: '%' },
    });
    expect(parseTarget(range(40_000))).toMatchObject({ ok: false, code: 'unparsable-target' });
  });

  // Issue 2, "Done when": parsing is linear in the input's length; a run of range separators
  // before a number once cost O(n²) (bench/growth.ts measures it).
  it.each(['-', '—', '~', '至'])('refuses a run of %j before a number, short or 40,000 long', (sep) => {
    for (const n of [100, 40_000]) {
      const r = parseTarget(`${sep.repeat(n)}5`);
      expect(r.ok).toBe(false);
      expect(r.ok ? null : r.message.en).toContain('no number found');
    }
  });
});
