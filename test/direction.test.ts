/**
 * Issue 12 item 3, "Direction and meaning, never silently wrong": opposite statements, the
 * direction of a bare target by the indicator's name, bare numbers against units, missed equality
 * targets, and the last digit of relative deviations. Every example of the issue is a table row.
 */
import fc from 'fast-check';
import {
  evaluateIndicator,
  indicatorDirection,
  isLowerBetter,
  scoreIndicator,
  validateReport,
} from 'outturn';
import { describe, expect, it } from 'vitest';

/** The band or printed score of an indicator with weight 10, or the reason there is none. */
function score10(input: { target: string; actual: string; name?: string; path?: string[] }): string {
  const r = scoreIndicator({ ...input, weight: '10' });
  if (!r.ok) return r.code;
  return r.band ? r.band.name : (r.printed as string);
}

describe('qualitative opposites are not met by the opposite statement', () => {
  it.each([
    // the examples: today all but 健全/不健全 were met and scored in the 达成 band
    ['违规违纪情况', '无', '有', 'not-met', 'not-achieved'],
    ['是否发生重大安全事故', '否', '是', 'not-met', 'not-achieved'],
    ['投诉数量', '下降', '提升', 'not-met', 'not-achieved'],
    ['成本', '降低', '提高', 'not-met', 'not-achieved'],
    ['制度', '健全', '不健全', 'not-met', 'not-achieved'],
    ['投诉数量', '减少', '增加', 'not-met', 'not-achieved'],
    ['重大安全事故', '未发生', '发生', 'not-met', 'not-achieved'],
    ['信息公开', '不公开', '公开', 'not-met', 'not-achieved'],
    // the same statement in other words is met
    ['是否发生重大安全事故', '否', '无', 'met', 'achieved'],
    ['违规违纪情况', '无', '没有', 'met', 'achieved'],
    ['重大安全事故', '未发生', '无', 'met', 'achieved'],
    ['投诉数量', '下降', '减少', 'met', 'achieved'],
    ['满意度', '提升', '显著提升', 'met', 'achieved'],
    ['满意度', '有所提升', '提高', 'met', 'achieved'],
    // a lower degree in the right direction is one grade below; the middle of a direction is no grade
    ['满意度', '显著提升', '有所提升', 'not-met', 'partial'],
    ['投诉数量', '下降', '持平', 'not-met', 'partial'],
    ['投诉数量', '持平', '下降', 'needs-judgement', 'not-scorable'],
    // a direction scale is read from the target's end: 低 wanted, 高 is the opposite
    ['安全风险', '低', '高', 'not-met', 'not-achieved'],
    ['安全风险', '低', '较低', 'not-met', 'partial'],
    ['安全风险', '较低', '低', 'met', 'achieved'],
    ['覆盖面', '高', '较高', 'not-met', 'partial'],
    // the ladder of a grade scale still applies within it
    ['效果', '较显著', '显著', 'met', 'achieved'],
    ['效果', '显著', '较显著', 'not-met', 'partial'],
    ['制度', '基本健全', '健全', 'met', 'achieved'],
  ] as const)('%s: target %s, actual %s → %s (%s)', (name, target, actual, status, band) => {
    const ev = evaluateIndicator({ name, target, actual });
    expect(ev.status).toBe(status);
    expect(ev.deviation?.printed ?? null).toBe(status === 'met' ? '0%' : null);
    expect(score10({ name, target, actual })).toBe(band);
  });

  it('a report whose only rows state the opposite of their targets is not graded 优 silently', () => {
    const report = {
      kind: 'project',
      indicators: [
        { name: '违规违纪情况', target: '无', actual: '有', weight: '50', published: { score: '50' } },
        {
          name: '是否发生重大安全事故',
          target: '否',
          actual: '是',
          weight: '50',
          published: { score: '50' },
        },
      ],
    };
    const r = validateReport(report as never);
    const codes = r.findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'target-not-met')).toHaveLength(2);
    expect(codes.filter((c) => c === 'score-out-of-band')).toHaveLength(2);
  });
});

describe('lower-is-better without a printed comparator', () => {
  it.each([
    // DESIGN §1 and the list
    ['预算调整率', true],
    ['结转结余率', true],
    ['公用经费控制率', true],
    ['“三公经费”变动率', true],
    ['投诉次数', true],
    ['投诉次数（次）', true],
    ['投诉率', true],
    ['群众投诉量', true],
    ['有效投诉件数', true],
    ['设备故障率', true],
    ['車廂空調系統故障次數', true], // Hong Kong light rail 2006
    ['城镇调查失业率', true],
    ['孕产妇死亡率', true],
    ['安全事故', true],
    ['重大安全事故发生起数', true],
    ['办理时限', true],
    ['平均办理用时', true],
    ['审批时限', true],
    ['差错率', true],
    ['返工率', true],
    ['不良反应发生率', true],
    ['预算偏差率', true],
    ['单项业务成本', true], // Anhui 2022
    ['项目总成本', true],
    ['人均费用', true],
    ['人均培训费用', true],
    ['采购单价', true],
    // the head decides: higher is better (the false positives)
    ['成本节约率', false],
    ['成本降低率', false],
    ['能耗下降率', false],
    ['事故处理率', false],
    ['投诉办结率', false],
    ['投诉处理满意度', false],
    ['事故隐患整改数', false],
    ['安全事故应急演练次数', false],
    ['費用報銷及時率', false],
    ['違法行為責停率', false], // Lijiang 2020: violations ordered to stop (责令停止), higher is better
    ['预算执行率', false],
    ['满意率', false],
    ['组织执法检查家次', false],
    ['安全率', false],
  ] as const)('%s → lower is better: %s', (name, lower) => {
    expect(isLowerBetter(name)).toBe(lower);
  });

  it.each([
    // under a cost category, an amount is a ceiling; a rate is not an amount
    ['项目计划总投资', ['产出指标', '成本指标'], true],
    ['经济成本', ['成本指标', '经济成本指标'], true],
    ['预算执行率', ['成本指标'], false],
    ['成本节约率', ['成本指标'], false],
    ['培训人次', ['产出指标', '数量指标'], false],
  ] as const)('%s under %j → lower is better: %s', (name, path, lower) => {
    expect(isLowerBetter(name, [...path])).toBe(lower);
  });

  it.each([
    // { target: '0', actual: '3', name: '投诉次数' } was met with full score
    ['投诉次数', '0', '3', 'not-met', '0.00', '投诉次数'],
    ['投诉率', '1%', '0.5%', 'met', '10.00', '投诉率'],
    ['设备故障率', '2%', '3%', 'not-met', '6.67', '故障率'],
    ['办理时限', '5天', '7天', 'not-met', '7.14', '时限'],
    ['事故处理率', '95%', '90%', 'not-met', '9.47', null],
    ['投诉办结率', '100%', '100%', 'met', '10.00', null],
  ] as const)(
    '%s: bare target %s, actual %s → %s, score %s; the note names the rule',
    (name, target, actual, status, score, part) => {
      const ev = evaluateIndicator({ name, target, actual });
      expect(ev.status).toBe(status);
      expect(ev.note?.code).toBe('implicit-direction');
      if (part === null) expect(ev.note?.message.en).toContain('default direction');
      else expect(ev.note?.message.zh).toContain(`“${part}”`);
      expect(score10({ name, target, actual })).toBe(score);
    },
  );

  it('the implicit-operator finding reads the inferred comparator', () => {
    const r = validateReport({ indicators: [{ name: '投诉次数', target: '0', actual: '3' }] } as never);
    const f = r.findings.find((x) => x.code === 'implicit-operator');
    expect(f?.message.en).toContain('≤0');
    expect(r.findings.some((x) => x.code === 'target-not-met')).toBe(true);
  });
});

describe('bare numbers against units: read by magnitude, never a unit guess', () => {
  it.each([
    // [target, actual, status, printed deviation, score of weight 10]
    // the examples: today 9,900%, 10,455%, −99%, 999,900% …
    ['=1', '100%', 'met', '0.00%', '10.00'],
    ['≥0.9', '95%', 'met', '5.56%', '10.00'],
    ['100%', '1', 'met', '0.00%', '10.00'],
    ['100%', '0.95', 'not-met', '-5.00%', '9.50'],
    ['≥1万人次', '10000', 'met', '0.00%', '10.00'],
    ['80%', '22,483', 'needs-judgement', null, 'not-scorable'],
    // the plain reading where it agrees
    ['≥90%', '95', 'met', '5.56%', '10.00'],
    ['≥1.2万人次', '1.3', 'met', '8.33%', '10.00'],
    ['≥1.2万', '12000', 'met', '0.00%', '10.00'],
    ['≤90万元', '90', 'met', '0.00%', '10.00'], // Anhui 2022 项目总成本
    ['≤100%', '0.66', 'met', '-34.00%', '10.00'], // 公用经费控制率 printed as a fraction
    // a failure is not a unit question: a lone plain reading that is only too small is kept
    ['≥90%', '5', 'not-met', '-94.44%', '0.56'],
    // both readings agree: 0.4% and 40% are both possible under a 5% ceiling
    ['≤5%', '0.4', 'needs-judgement', null, 'not-scorable'],
    // neither agrees: 80万元 (16×) or 80元
    ['≥5万元', '80', 'needs-judgement', null, 'not-scorable'],
    // a zero target: every reading gives the same status, the plain one is kept
    ['=0%', '0.5', 'not-met', null, '0.00'],
    // count units raise no question: a bare number is in the row's unit
    ['≥100次', '15', 'not-met', '-85.00%', '1.50'],
    ['≥1次', '15', 'met', '1400.00%', '10.00'],
  ] as const)(
    'target %s, actual %s → %s, deviation %s, score %s',
    (target, actual, status, printed, score) => {
      const ev = evaluateIndicator({ target, actual });
      expect(ev.status).toBe(status);
      expect(ev.deviation?.printed ?? null).toBe(printed);
      if (status === 'needs-judgement') expect(ev.note?.code).toBe('unit-mismatch');
      expect(score10({ target, actual })).toBe(score);
    },
  );

  it.each([
    ['=1', '100%', '100', '%'],
    ['≥0.9', '95%', '90', '%'],
  ] as const)('a bare target %s against %s is read as %s%s and says so', (target, actual, value, unit) => {
    const ev = evaluateIndicator({ target, actual });
    expect(ev.target?.kind === 'comparison' ? [ev.target.value.value, ev.target.value.unit] : null).toEqual([
      value,
      unit,
    ]);
    expect(ev.note?.code).toBe('unit-reading');
  });

  it('80% against 22,483 is a unit-mismatch finding, not a met target', () => {
    const r = validateReport({
      indicators: [{ name: '培训覆盖率', target: '80%', actual: '22,483' }],
    } as never);
    expect(r.findings.map((f) => f.code)).toContain('unit-mismatch');
    expect(r.findings.map((f) => f.code)).not.toContain('target-not-met');
    expect(r.indicators[0]?.status).toBe('needs-judgement');
  });

  it('never prints a deviation beyond 1000× from a reading of a bare fraction (property)', () => {
    // A fraction 0 < x ≤ 1.5 against a percent target of 10%–100%: either a reading agrees or
    // the status needs judgement; a printed deviation is never the 9,900% of a unit guess.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 10, max: 100 }), (x, t) => {
        const ev = evaluateIndicator({ target: `≥${t}%`, actual: (x / 100).toFixed(2) });
        const printed = ev.deviation?.printed;
        if (printed === null || printed === undefined) return ev.status === 'needs-judgement';
        return Math.abs(Number.parseFloat(printed)) < 1000;
      }),
    );
  });
});

describe('equality targets: a miss never scores the full weight', () => {
  it.each([
    // the examples: both scored 10.00
    ['=-5', '-10', '5.00', 'equal-ratio'],
    ['=0', '-3', '0.00', 'equal-zero-target'],
    ['=-5', '-3', '6.00', 'equal-ratio'],
    ['=-5', '2', '0.00', 'equal-ratio'],
    ['=100%', '120%', '8.33', 'equal-ratio'],
    ['=100%', '93.74%', '9.37', 'higher-ratio'], // the reference report's 预算执行率
    ['=-5', '-5', '10.00', 'met-full'],
    ['=0', '0', '10.00', 'met-full'],
  ] as const)('target %s, actual %s, weight 10 → %s (%s)', (target, actual, printed, rule) => {
    const r = scoreIndicator({ target, actual, weight: '10' });
    expect(r.ok && [r.printed, r.rule]).toEqual([printed, rule]);
  });

  it('a missed equality target scores less than its weight (property)', () => {
    const figure = fc.integer({ min: -100000, max: 100000 }).map((n) => (n / 100).toFixed(2));
    fc.assert(
      fc.property(figure, figure, (t, a) => {
        fc.pre(Number(t) !== Number(a));
        const r = scoreIndicator({ target: `=${t}`, actual: a, weight: '10' });
        return r.ok && r.exact !== null && Number(r.exact) < 10 && Number(r.exact) >= 0;
      }),
    );
  });
});

/** The relative deviation (a − t) / |t| × 100 at 2 decimals half-up, by exact integer arithmetic. */
function exactDeviation(a: string, t: string): string {
  const scaled = (s: string): [bigint, number] => {
    const [i = '0', f = ''] = s.split('.');
    return [BigInt(`${i}${f}`), f.length];
  };
  const [a0, fa] = scaled(a);
  const [t0, ft] = scaled(t);
  const k = Math.max(fa, ft);
  const A = a0 * 10n ** BigInt(k - fa);
  const T = t0 * 10n ** BigInt(k - ft);
  const q = ((A - T) * 100n * 1000n) / (T < 0n ? -T : T); // truncated at 3 decimals
  const negative = q < 0n;
  const m = negative ? -q : q;
  const r = m / 10n + (m % 10n >= 5n ? 1n : 0n);
  const digits = r.toString().padStart(3, '0');
  return `${negative && r !== 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}

describe('relative deviations keep their last digit at extreme magnitudes', () => {
  it.each([
    // found among random 24-digit pairs: dividing at 50 digits, then rounding, printed .03 / .00
    ['901110260296792858134301', '0.000000000000000000005295'],
    ['798926141190590569463710', '0.000000000000000000000003'],
    ['971192648711715692804565', '0.000000000000000000000083'],
  ])('≥%s against %s: the exact quotient rounded once', (actual, target) => {
    const printed = evaluateIndicator({ target: `≥${target}`, actual }).deviation?.printed;
    expect(printed).toBe(exactDeviation(actual, target));
  });

  it('every pair of 24-digit figures prints the exact quotient rounded once (property)', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 24, maxLength: 24 });
    const figure = fc
      .tuple(digits, fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 23 }))
      .map(([d, point, zeros]) => {
        const s = `1${d.slice(1)}`;
        if (point === 24) return s;
        if (point > 0) return `${s.slice(0, point)}.${s.slice(point)}`;
        return `0.${'0'.repeat(zeros)}1${s.slice(zeros + 1)}`;
      });
    fc.assert(
      fc.property(figure, figure, (actual, target) => {
        const printed = evaluateIndicator({ target: `≥${target}`, actual }).deviation?.printed;
        return printed === exactDeviation(actual, target);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('English measure names that state a ceiling or a cost (Queensland Treasury 2018–19)', () => {
  it.each<[string, boolean]>([
    ['Average cost per hour of advice and support output', true],
    [
      'Maintain a sustainable public service by ensuring overall growth in full time equivalent employees does not exceed population growth',
      true,
    ],
    ['Target ongoing reduction in the debt-to-revenue ratio', true],
    ['Unit cost of processing a claim', true],
    // The measure is the reduction itself, or a recovery: more is better.
    ['Percentage reduction in greenhouse gas emissions', false],
    ['Cost recovery rate', false],
    ['Number of officials trained', false],
  ])('%s → lower is better: %s', (name, lower) => {
    expect(indicatorDirection(name).lowerIsBetter).toBe(lower);
  });
});
