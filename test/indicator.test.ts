import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type EvaluateOptions,
  type Evaluation,
  evaluateIndicator,
  type Indicator,
  type IndicatorInput,
  type IndicatorStatus,
  matchesPrinted,
  type Report,
} from 'outturn';
import { describe, expect, it } from 'vitest';

const EXAMPLE = new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url);
const loadExample = (): Report => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Report;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * 九、部门整体自评表 of the reference report, every row as printed:
 * seeds/suzhou-commerce-service-center-2023-self-evaluation.txt (苏州市商务服务中心, 2023).
 * [指标名称, 指标目标值, 指标完成值, 偏差情况, status outturn must give]
 */
const SELF_EVALUATION: readonly (readonly [string, string, string, string, IndicatorStatus])[] = [
  ['中长期规划制定健全性', '健全', '健全', '0%', 'met'],
  ['工作计划制定健全性', '健全', '健全', '0%', 'met'],
  ['绩效目标合理性', '合理', '合理', '0%', 'met'],
  ['绩效指标明确性', '明确', '明确', '0%', 'met'],
  ['预算编制规范性', '规范', '规范', '0%', 'met'],
  ['预算编制科学性', '科学', '科学', '0%', 'met'],
  ['基础信息完善性', '完善', '完善', '0%', 'met'],
  ['资金使用合规性', '合规', '合规', '0%', 'met'],
  ['预算管理制度健全性', '健全', '健全', '0%', 'met'],
  ['预决算信息公开度', '公开', '公开', '0%', 'met'],
  ['非税收入管理合规性', '合规', '合规', '0%', 'met'],
  ['绩效管理覆盖率', '=100%', '100%', '0.00%', 'met'],
  ['固定资产利用率', '=100%', '100%', '0.00%', 'met'],
  ['资产管理制度健全性', '健全', '健全', '0%', 'met'],
  ['资产管理规范性', '规范', '规范', '0%', 'met'],
  ['项目管理制度健全性', '健全', '健全', '0%', 'met'],
  ['项目管理制度执行规范性', '规范', '规范', '0%', 'met'],
  ['在职人员控制率', '=100%', '100%', '0.00%', 'met'],
  ['人员管理制度健全性', '健全', '健全', '0%', 'met'],
  ['人员管理制度执行有效性', '有效', '有效', '0%', 'met'],
  ['组织建设工作及时完成率', '=100%', '100%', '0.00%', 'met'],
  ['业务学习与培训及时完成率', '=100%', '100%', '0.00%', 'met'],
  ['纪检监察工作有效性', '有效', '有效', '0%', 'met'],
  ['预算调整率', '=0%', '43.37%', '100%', 'not-met'],
  ['结转结余率', '=0%', '0%', '0%', 'met'],
  ['非税收入预算完成率', '>=100%', '100%', '0.00%', 'met'],
  ['预算执行率', '=100%', '93.74%', '-6.26%', 'not-met'],
  ['政府采购执行率', '=100%', '100%', '0.00%', 'met'],
  ['“三公经费”变动率', '<=0%', '0%', '0%', 'met'],
  ['公用经费控制率', '<=100%', '66%', '-34.00%', 'met'],
  ['支付进度符合率', '=100%', '93.74%', '-6.26%', 'not-met'],
  ['预算偏差率', '=0%', '0%', '0%', 'met'],
  ['维护消费者合法权益', '较显著', '较显著', '0%', 'met'],
  ['提升商务部门公众知晓度', '较显著', '较显著', '0%', 'met'],
  ['进一步优化市场消费环境', '较显著', '较显著', '0%', 'met'],
  ['执法能力有效提升、“三项制度”更加健全', '较显著', '较显著', '0%', 'met'],
  ['丰富招商内容, 拓展招商资源', '较显著', '较显著', '0%', 'met'],
  ['投诉咨询满意度', '≥90%', '99%', '10.00%', 'met'],
  ['组织内部法律法规集体学习次数', '≥6 次', '6 次', '0.00%', 'met'],
  ['满意率', '≥95%', '100%', '5.26%', 'met'],
  ['配合“双随机 一公开”抽查任务完成率', '=100%', '100%', '0.00%', 'met'],
  ['组织执法检查家次', '≥100 次', '329 次', '229.00%', 'met'],
  ['前往区县商务执法部门实地指导次数', '≥10 次', '12 次', '20.00%', 'met'],
  ['及时办结率', '≥98%', '100%', '2.04%', 'met'],
  ['叠加外资总部功能', '有序推进', '有序推进', '0%', 'met'],
  ['组织以案释法, 开展普法宣传次数', '≥2 次', '2 次', '0.00%', 'met'],
];

/** The numeric rows again, with the exact relative deviation they imply (DESIGN §1). */
const NUMERIC_ROWS: readonly (readonly [string, string, string, string])[] = [
  // [target, actual, printed deviation, exact relative deviation in percent]
  ['=100%', '100%', '0.00%', '0'],
  ['>=100%', '100%', '0.00%', '0'],
  ['=0%', '0%', '0%', '0'],
  ['<=0%', '0%', '0%', '0'],
  ['=100%', '93.74%', '-6.26%', '-6.26'],
  ['<=100%', '66%', '-34.00%', '-34'],
  ['≥90%', '99%', '10.00%', '10'],
  ['≥6 次', '6 次', '0.00%', '0'],
  ['≥95%', '100%', '5.26%', '5.2631578947368421052631578947368421052631578947368'],
  ['≥100 次', '329 次', '229.00%', '229'],
  ['≥10 次', '12 次', '20.00%', '20'],
  ['≥98%', '100%', '2.04%', '2.0408163265306122448979591836734693877551020408163'],
  ['≥2 次', '2 次', '0.00%', '0'],
];

describe('the reference self-evaluation table (46 rows)', () => {
  it('has 46 rows, and the example JSON transcribes them exactly', () => {
    expect(SELF_EVALUATION).toHaveLength(46);
    const rows = loadExample().indicators ?? [];
    expect(rows).toHaveLength(46);
    rows.forEach((row, i) => {
      const [name, target, actual, deviation] = SELF_EVALUATION[i] ?? [];
      expect([row.name, row.target, row.actual, row.published?.deviation]).toEqual([
        name,
        target,
        actual,
        deviation,
      ]);
    });
  });

  it.each(SELF_EVALUATION.map((r, i) => [i, ...r] as const))(
    'row %i %s: %s → %s prints %s',
    (_i, name, target, actual, printed, status) => {
      const ev = evaluateIndicator({ name, target, actual });
      expect(ev.status).toBe(status);
      expect(ev.deviation).not.toBeNull();
      const d = ev.deviation as NonNullable<Evaluation['deviation']>;
      if (name === '预算调整率') {
        // =0% → 43.37%: the relative deviation does not exist; the report's "100%" is not it.
        expect(d.relative).toBeNull();
        expect(d.printed).toBeNull();
        expect(d.absolute).toBe('43.37');
        expect(d.unit).toBe('%');
        return;
      }
      expect(d.relative).not.toBeNull();
      const cmp = matchesPrinted(d.relative as string, printed);
      expect(cmp?.consistent).toBe(true);
      // Printed with 2 decimals: our printed figure is the same text.
      if (/\.\d\d%$/.test(printed)) expect(d.printed).toBe(printed);
    },
  );

  it.each(loadExample().indicators?.map((row, i) => [i, row] as const) ?? [])(
    'example row %i: the recomputed deviation agrees with the printed one',
    (_i, row: Indicator) => {
      const ev = evaluateIndicator({ name: row.name, target: row.target, actual: row.actual ?? null });
      const printed = String(row.published?.deviation);
      const d = ev.deviation;
      expect(d).not.toBeNull();
      if (row.name === '预算调整率') {
        expect(d?.relative).toBeNull();
        expect(d?.absolute).toBe('43.37');
        return;
      }
      expect(matchesPrinted(d?.relative ?? 'x', printed)?.consistent).toBe(true);
    },
  );

  it.each(NUMERIC_ROWS)('%s → %s: printed %s, exact %s', (target, actual, printed, exact) => {
    const d = evaluateIndicator({ target, actual }).deviation;
    expect(d?.relative).toBe(exact);
    expect(matchesPrinted(exact, printed)?.consistent).toBe(true);
  });

  it('gives 预算调整率 its absolute deviation (+43.37 percentage points)', () => {
    const ev = evaluateIndicator({ name: '预算调整率', target: '=0%', actual: '43.37%' });
    expect(ev.status).toBe('not-met');
    expect(ev.achievement).toBeNull();
    expect(
      evaluateIndicator(
        { name: '预算调整率', target: '=0%', actual: '43.37%' },
        { deviationBasis: 'absolute' },
      ).deviation?.printed,
    ).toBe('43.37');
  });
});

describe('evaluateIndicator: statuses', () => {
  it.each([
    // met / not-met for every comparator
    ['≥90%', '90%', 'met'],
    ['≥90%', '89.99%', 'not-met'],
    ['>90%', '90%', 'not-met'],
    ['>90%', '90.01%', 'met'],
    ['≤5%', '5%', 'met'],
    ['≤5%', '5.01%', 'not-met'],
    ['<5', '5', 'not-met'],
    ['<5', '4', 'met'],
    ['=100%', '100.00%', 'met'],
    ['=100%', '100.01%', 'not-met'],
    ['不满10人', '10人', 'not-met'],
    ['超过5次', '5次', 'not-met'],
    ['控制在5%以内', '5%', 'met'],
    ['90%以上', '90%', 'met'],
    // ranges, both ends included
    ['90%-95%', '90%', 'met'],
    ['90%-95%', '92%', 'met'],
    ['90%-95%', '95%', 'met'],
    ['90%-95%', '96%', 'not-met'],
    ['90%-95%', '85.5%', 'not-met'],
    // qualitative
    ['较显著', '较显著', 'met'],
    ['较显著', '显著', 'met'],
    ['显著', '较显著', 'not-met'],
    ['健全', '不健全', 'not-met'],
    ['健全', '基本健全', 'not-met'],
    ['达成预期指标', '部分达成预期指标', 'not-met'],
    ['達成預期指標', '达成预期指标', 'met'],
    ['较显著', '良好', 'needs-judgement'],
    ['有序推进', '有序推进', 'met'],
    ['健全', '95%', 'needs-judgement'],
    // text against a numeric target
    ['≥90%', '无', 'needs-judgement'],
    ['≥90%', '已完成', 'needs-judgement'],
    // not reported
    ['/', '95%', 'not-reported'],
    ['—', '95%', 'not-reported'],
    ['', '95%', 'not-reported'],
    ['≥90%', '/', 'not-reported'],
    ['≥90%', '-', 'not-reported'],
    ['≥90%', '', 'not-reported'],
    ['健全', '—', 'not-reported'],
    // unparsable
    ['≥', '5', 'unparsable'],
    ['≥abc1', '5', 'unparsable'],
    ['≥90%', 'abc1', 'unparsable'],
    ['≥90%', '9 0%', 'unparsable'],
    ['≥90%', '1e3%', 'unparsable'],
  ] as const)('%j → %j is %s', (target, actual, status) => {
    expect(evaluateIndicator({ target, actual }).status).toBe(status);
  });

  it('is not-reported when there is no actual at all', () => {
    expect(evaluateIndicator({ target: '≥90%' }).status).toBe('not-reported');
    expect(evaluateIndicator({ target: '≥90%', actual: null }).note?.code).toBe('actual-not-reported');
    expect(evaluateIndicator({ target: null, actual: '5' }).note?.code).toBe('target-not-reported');
    expect(evaluateIndicator({ target: undefined, actual: '5' }).status).toBe('not-reported');
  });

  it('gives the reason with the status', () => {
    expect(evaluateIndicator({ target: '≥', actual: '5' }).note?.code).toBe('unparsable-target');
    expect(evaluateIndicator({ target: '≥90%', actual: 'abc1' }).note?.code).toBe('unparsable-value');
    expect(evaluateIndicator({ target: '较显著', actual: '良好' }).note?.code).toBe('unknown-grade');
    expect(evaluateIndicator({ target: '≥90%', actual: '无' }).note?.code).toBe('qualitative-actual');
    expect(evaluateIndicator({ target: '健全', actual: '95%' }).note?.code).toBe('numeric-actual');
    expect(evaluateIndicator({ target: '≥200次', actual: '117余次' }).note?.code).toBe('approximate-actual');
    expect(evaluateIndicator({ target: '≥90%', actual: '95%' }).note).toBeNull();
  });

  it('gives a met qualitative indicator a 0% deviation, an unmet one none', () => {
    expect(evaluateIndicator({ target: '较显著', actual: '显著' }).deviation).toEqual({
      relative: '0',
      absolute: null,
      printed: '0%',
      unit: null,
    });
    expect(evaluateIndicator({ target: '健全', actual: '不健全' }).deviation).toBeNull();
    expect(evaluateIndicator({ target: '较显著', actual: '良好' }).deviation).toBeNull();
  });

  it('throws TypeError for a non-object input', () => {
    expect(() => evaluateIndicator(null as unknown as IndicatorInput)).toThrow(TypeError);
    expect(() => evaluateIndicator('≥90%' as unknown as IndicatorInput)).toThrow(TypeError);
  });
});

describe('evaluateIndicator: units', () => {
  it('converts units before comparing (10万元 = 100000元)', () => {
    const ev = evaluateIndicator({ target: '≥10万元', actual: '100000元' });
    expect(ev.status).toBe('met');
    expect(ev.deviation).toMatchObject({ relative: '0', absolute: '0', printed: '0.00%', unit: '万元' });
    expect(ev.achievement).toBe('100');
    expect(evaluateIndicator({ target: '≥10万元', actual: '99999元' }).status).toBe('not-met');
    expect(evaluateIndicator({ target: '≥1.2萬元', actual: '12000元' }).status).toBe('met');
    expect(evaluateIndicator({ target: '≥1亿元', actual: '10000万元' }).status).toBe('met');
  });

  it('gives the absolute deviation in the target’s unit', () => {
    const d = evaluateIndicator({ target: '≥10万元', actual: '150000元' }).deviation;
    expect(d).toMatchObject({ relative: '50', absolute: '5', printed: '50.00%', unit: '万元' });
  });

  it('scales count units (1.2万人次 = 12000人次)', () => {
    expect(evaluateIndicator({ target: '≥1.2万人次', actual: '12000人次' }).status).toBe('met');
    expect(evaluateIndicator({ target: '≥1.2万人次', actual: '11999人次' }).status).toBe('not-met');
    expect(evaluateIndicator({ target: '≥5个', actual: '5個' }).status).toBe('met');
    expect(evaluateIndicator({ target: '≥5‰', actual: '0.5%' }).status).toBe('met');
  });

  // 万 alone is a multiplier of a bare number (1.3万 = 13000), as tables print it, not a unit
  // that a bare actual can take: ≥12000 → 1.3万 is met by 8.33%, ≥1.2万 → 12000 is on target.
  it('reads a bare 万 as ×10000 when comparing with a bare number', () => {
    const a = evaluateIndicator({ target: '≥12000', actual: '1.3万' });
    expect(a.status).toBe('met');
    expect(a.deviation?.printed).toBe('8.33%');
    const b = evaluateIndicator({ target: '≥1.2万', actual: '12000' });
    expect(b.status).toBe('met');
    expect(b.deviation?.printed).toBe('0.00%');
  });

  it('makes incompatible units unparsable with note unit-mismatch (≥5次 vs 5家)', () => {
    for (const [target, actual] of [
      ['≥5次', '5家'],
      ['≥10万元', '5次'],
      ['≥90%', '90次'],
      ['≥5米', '5亩'],
    ] as const) {
      const ev = evaluateIndicator({ target, actual });
      expect(ev.status).toBe('unparsable');
      expect(ev.note?.code).toBe('unit-mismatch');
      expect(ev.deviation).toBeNull();
    }
  });

  it('gives a bare actual the target’s unit', () => {
    const ev = evaluateIndicator({ target: '≥5次', actual: '5' });
    expect(ev.status).toBe('met');
    expect(ev.actual?.unit).toBe('次');
    expect(evaluateIndicator({ target: '≥90%', actual: 99 }).status).toBe('met');
    expect(evaluateIndicator({ target: '≥90%', actual: 89 }).status).toBe('not-met');
  });

  it('takes the unit column for bare target and actual', () => {
    const ev = evaluateIndicator({ target: '95', actual: '96', unit: '%' });
    expect(ev.status).toBe('met');
    expect(ev.deviation?.unit).toBe('%');
    expect(ev.deviation?.printed).toBe('1.05%');
    const cells = evaluateIndicator({ target: { operator: '≥', value: '95' }, actual: '96', unit: '%' });
    expect(cells.status).toBe('met');
    expect(cells.deviation?.printed).toBe('1.05%');
    expect(evaluateIndicator({ target: { operator: '反向', value: 5 }, actual: 6 }).status).toBe('not-met');
    expect(evaluateIndicator({ target: { operator: '反向', value: 5 }, actual: 5 }).status).toBe('met');
  });

  it('reads a bare target in the indicator’s natural direction', () => {
    expect(evaluateIndicator({ name: '公用经费控制率', target: '100%', actual: '66%' }).status).toBe('met');
    expect(evaluateIndicator({ name: '预算调整率', target: '0%', actual: '5%' }).status).toBe('not-met');
    expect(evaluateIndicator({ name: '满意率', target: '90%', actual: '95%' }).status).toBe('met');
    expect(evaluateIndicator({ name: '满意率', target: '90%', actual: '85%' }).status).toBe('not-met');
  });
});

describe('evaluateIndicator: approximate actuals (117余次, ≥266米)', () => {
  it('117余次 meets ≥100次', () => {
    const ev = evaluateIndicator({ target: '≥100次', actual: '117余次' });
    expect(ev.status).toBe('met');
    expect(ev.actual?.moreThan).toBe(true);
  });

  it('117余次 against ≥200次 needs judgement', () => {
    const ev = evaluateIndicator({ target: '≥200次', actual: '117余次' });
    expect(ev.status).toBe('needs-judgement');
    expect(ev.note?.code).toBe('approximate-actual');
  });

  it('117余次 meets >117次 and ≥117次, but not ≤100次', () => {
    expect(evaluateIndicator({ target: '>117次', actual: '117余次' }).status).toBe('met');
    expect(evaluateIndicator({ target: '≥117次', actual: '117余次' }).status).toBe('met');
    expect(evaluateIndicator({ target: '≤100次', actual: '117余次' }).status).toBe('not-met');
    expect(evaluateIndicator({ target: '≤117次', actual: '117余次' }).status).toBe('not-met');
  });

  it('reads an operator repeated in the actual cell (≥266米)', () => {
    const met = evaluateIndicator({ target: '≥266米', actual: '≥266米' });
    expect(met.status).toBe('met');
    expect(met.actualOperator).toBe('>=');
    expect(met.actual?.value).toBe('266');
    expect(evaluateIndicator({ target: '≥300米', actual: '≥266米' }).status).toBe('needs-judgement');
    expect(evaluateIndicator({ target: '≤300米', actual: '≥266米' }).status).toBe('needs-judgement');
    expect(evaluateIndicator({ target: '≤200米', actual: '≥266米' }).status).toBe('not-met');
    expect(evaluateIndicator({ target: '≥90%', actual: '98%以上' }).status).toBe('met');
  });
});

describe('evaluateIndicator: deviation (reference convention and options)', () => {
  it.each([
    ['≥90%', '99%', '10', '9', '10.00%'],
    ['≥95%', '100%', '5.2631578947368421052631578947368421052631578947368', '5', '5.26%'],
    ['≥100次', '329次', '229', '229', '229.00%'],
    ['=100%', '93.74%', '-6.26', '-6.26', '-6.26%'],
    ['≤100%', '66%', '-34', '-34', '-34.00%'],
    ['≤10', '12', '20', '2', '20.00%'],
    ['=0%', '0%', '0', '0', '0.00%'],
    ['≥-10%', '-5%', '50', '5', '50.00%'],
    ['90%-95%', '96%', '1.0526315789473684210526315789473684210526315789474', '1', '1.05%'],
    ['90%-95%', '85.5%', '-5', '-4.5', '-5.00%'],
    ['90%-95%', '92%', '0', '0', '0.00%'],
  ] as const)('%s → %s: relative %s, absolute %s, printed %s', (target, actual, rel, abs, printed) => {
    const d = evaluateIndicator({ target, actual }).deviation;
    expect(d?.relative).toBe(rel);
    expect(d?.absolute).toBe(abs);
    expect(d?.printed).toBe(printed);
  });

  it('zero target, non-zero actual: no relative deviation, an absolute one', () => {
    expect(evaluateIndicator({ target: '=0%', actual: '43.37%' }).deviation).toEqual({
      relative: null,
      absolute: '43.37',
      printed: null,
      unit: '%',
    });
    expect(evaluateIndicator({ target: '≤0', actual: '-2' }).deviation?.relative).toBeNull();
  });

  it('zero target, zero actual: on target, relative 0', () => {
    expect(evaluateIndicator({ target: '=0%', actual: '0.00%' }).deviation?.relative).toBe('0');
    expect(evaluateIndicator({ target: '≤0%', actual: '0%' }).deviation?.relative).toBe('0');
  });

  it("option deviationBasis 'absolute' prints actual − target", () => {
    const opts: EvaluateOptions = { deviationBasis: 'absolute' };
    expect(evaluateIndicator({ target: '≥90%', actual: '99%' }, opts).deviation?.printed).toBe('9.00');
    expect(evaluateIndicator({ target: '=100%', actual: '93.74%' }, opts).deviation?.printed).toBe('-6.26');
    expect(evaluateIndicator({ target: '=0%', actual: '43.37%' }, opts).deviation?.printed).toBe('43.37');
    expect(evaluateIndicator({ target: '≥100次', actual: '329次' }, opts).deviation?.printed).toBe('229.00');
  });

  it("option metInequality 'zero' prints 0 for a met inequality only", () => {
    const opts: EvaluateOptions = { metInequality: 'zero' };
    expect(evaluateIndicator({ target: '≥90%', actual: '99%' }, opts).deviation?.printed).toBe('0.00%');
    expect(evaluateIndicator({ target: '≤100%', actual: '66%' }, opts).deviation?.printed).toBe('0.00%');
    // an unmet inequality and an equality keep their signed deviation
    expect(evaluateIndicator({ target: '≥90%', actual: '81%' }, opts).deviation?.printed).toBe('-10.00%');
    expect(evaluateIndicator({ target: '=100%', actual: '93.74%' }, opts).deviation?.printed).toBe('-6.26%');
  });

  it('options decimals and rounding', () => {
    expect(evaluateIndicator({ target: '≥3', actual: '4' }, { decimals: 1 }).deviation?.printed).toBe(
      '33.3%',
    );
    expect(evaluateIndicator({ target: '≥3', actual: '5' }, { decimals: 0 }).deviation?.printed).toBe('67%');
    expect(
      evaluateIndicator({ target: '≥3', actual: '5' }, { rounding: 'truncate' }).deviation?.printed,
    ).toBe('66.66%');
    expect(evaluateIndicator({ target: '≥3', actual: '5' }).deviation?.printed).toBe('66.67%');
  });

  it('rounds half-up exactly where floats fail', () => {
    // (actual − target) / target × 100 is exactly on the half: x.xx5
    const cases: readonly [string, string, string][] = [
      ['=100', '93.745', '-6.26%'], // −6.255: half-up away from zero, as decimal.js ROUND_HALF_UP
      ['=100', '101.005', '1.01%'], // 1.005
      ['=100', '100.125', '0.13%'], // 0.125
      ['=100', '102.675', '2.68%'], // 2.675
      ['=100', '98.745', '-1.26%'], // −1.255
      ['=200', '202.01', '1.01%'], // 1.005
    ];
    for (const [target, actual, printed] of cases) {
      expect(evaluateIndicator({ target, actual }).deviation?.printed).toBe(printed);
    }
    // for contrast, the float computation gets the first one wrong
    expect((((93.745 - 100) / 100) * 100).toFixed(2)).not.toBe('-6.26');
    expect((((101.005 - 100) / 100) * 100).toFixed(2)).not.toBe('1.01');
  });

  it('never prints a negative zero deviation', () => {
    const d = evaluateIndicator({ target: '=100000', actual: '99999.999' }).deviation;
    expect(d?.relative).toBe('-0.000001');
    expect(d?.printed).toBe('0.00%');
    const abs = evaluateIndicator(
      { target: '=100', actual: '99.999' },
      { deviationBasis: 'absolute' },
    ).deviation;
    expect(abs?.printed).toBe('0.00');
  });

  it('gives the achievement (actual ÷ target × 100)', () => {
    expect(evaluateIndicator({ target: '≥10次', actual: '12次' }).achievement).toBe('120');
    expect(evaluateIndicator({ target: '≥100次', actual: '329次' }).achievement).toBe('329');
    expect(evaluateIndicator({ target: '=0%', actual: '1%' }).achievement).toBeNull();
    expect(evaluateIndicator({ target: '较显著', actual: '较显著' }).achievement).toBeNull();
  });
});

// ---- properties ----------------------------------------------------------------------------

/** A plain decimal string: integer n with `scale` decimals. */
function plainDecimal(n: bigint, scale: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${neg ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`;
}

/** Compares n1/10^s1 with n2/10^s2 exactly. */
function cmp(n1: bigint, s1: number, n2: bigint, s2: number): number {
  const a = n1 * 10n ** BigInt(s2);
  const b = n2 * 10n ** BigInt(s1);
  return a > b ? 1 : a < b ? -1 : 0;
}

function sign(decimal: string): number {
  if (/^-/.test(decimal)) return -1;
  return /^0(\.0*)?$/.test(decimal) ? 0 : 1;
}

describe('evaluateIndicator properties', () => {
  it('the sign of the relative deviation agrees with the comparison (positive targets)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 14n }),
        fc.integer({ min: 0, max: 6 }),
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('=', '≥', '≤', '>', '<'),
        fc.constantFrom('', '%', '次', '万元'),
        (tn, ts, an, as, op, unit) => {
          const target = plainDecimal(tn, ts);
          const actual = plainDecimal(an, as);
          const ev = evaluateIndicator({ target: `${op}${target}${unit}`, actual: `${actual}${unit}` });
          const c = cmp(an, as, tn, ts);
          const rel = ev.deviation?.relative;
          expect(rel).toBeTypeOf('string');
          expect(sign(rel as string)).toBe(c);
          expect(sign(ev.deviation?.absolute as string)).toBe(c);
          const met =
            op === '=' ? c === 0 : op === '≥' ? c >= 0 : op === '≤' ? c <= 0 : op === '>' ? c > 0 : c < 0;
          expect(ev.status).toBe(met ? 'met' : 'not-met');
          expect(ev.deviation?.printed).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the printed deviation is the exact one rounded half-up to 2 decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 4 }),
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.integer({ min: 0, max: 4 }),
        (tn, ts, an, as) => {
          const d = evaluateIndicator({
            target: `≥${plainDecimal(tn, ts)}`,
            actual: plainDecimal(an, as),
          }).deviation;
          const printed = d?.printed as string;
          expect(printed).toMatch(/^-?\d+\.\d\d%$/);
          expect(matchesPrinted(d?.relative as string, printed)?.consistent).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  const cell = fc.oneof(
    fc.constantFrom(
      '≥90%',
      '=100%',
      '≤0%',
      '=0%',
      '90%-95%',
      '较显著',
      '健全',
      '117余次',
      '≥266米',
      '≥10万元',
      '100000元',
      '/',
      '无',
      '43.37%',
      '(7 379)',
      '1,234.5',
      '≥',
    ),
    fc.string({ maxLength: 12 }),
  );
  const input = fc.record(
    {
      target: fc.oneof(cell, fc.record({ operator: fc.constantFrom('≥', '反向', '', 'x'), value: cell })),
      actual: fc.oneof(cell, fc.double({ noNaN: true })),
      unit: fc.constantFrom('%', '次', '', '/', null, 'abc'),
      name: fc.constantFrom('预算调整率', '满意率', ''),
    },
    { requiredKeys: ['target'] },
  );

  it('is deterministic and does not mutate deep-frozen input', () => {
    fc.assert(
      fc.property(
        input,
        fc.constantFrom<EvaluateOptions>({}, { deviationBasis: 'absolute' }, { metInequality: 'zero' }),
        (raw, opts) => {
          const snapshot = JSON.stringify(raw);
          const frozen = deepFreeze(structuredClone(raw)) as IndicatorInput;
          const frozenOpts = deepFreeze({ ...opts });
          const a = evaluateIndicator(frozen, frozenOpts);
          const b = evaluateIndicator(frozen, frozenOpts);
          expect(b).toEqual(a);
          expect(JSON.stringify(frozen)).toBe(snapshot);
          for (const k of ['relative', 'absolute', 'printed'] as const) {
            expect(a.deviation?.[k] ?? '').not.toMatch(/NaN|Infinity/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on any target and actual strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 20 }), (t, a) => {
        const ev = evaluateIndicator({ target: t, actual: a });
        expect(['met', 'not-met', 'needs-judgement', 'not-reported', 'unparsable']).toContain(ev.status);
      }),
      { numRuns: 1000 },
    );
  });
});
