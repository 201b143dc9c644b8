/**
 * Mid-year monitoring tables (绩效运行监控表, issue 14 §1): 1–N月执行率, its pace against 序时进度
 * and the red/amber/green state per budget line; the expected full-year value of each indicator
 * against its target and the printed likelihood (完成目标可能性).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type BudgetLine,
  executionPace,
  type Finding,
  type Indicator,
  isWellFormedReport,
  PACE_THRESHOLDS,
  type Report,
  readLikelihood,
  type ValidateOptions,
  validateReport,
} from 'outturn';
import { checkReport, parseReport } from 'outturn/schema';
import { describe, expect, it } from 'vitest';

const load = (name: string): Report =>
  JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8')) as Report;

const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);

/** A monitoring table of one line (budget 100 unless given) over the first `months` months. */
function line(
  periodActual: string,
  months: number | string = 6,
  extra: Partial<BudgetLine> = {},
  options: ValidateOptions = {},
) {
  const report: Report = {
    kind: 'monitoring',
    year: 2019,
    period: { months },
    budget: [{ name: '项目支出', adjusted: '100', periodActual, ...extra }],
  };
  const r = validateReport(report, options);
  return { result: r, line: r.budget[0], findings: r.findings };
}

describe('the real table: 黄石市 申遗经费, 1-6月 2019 (hsgyyc.com, 2019-08-21)', () => {
  // examples/reports/cn-hubei-huangshi-heritage-2019-monitoring.json: 年初预算数 220, 1-6月执行数
  // 87.57 on 年度资金总额 and its 其中 line; no 执行率 or 序时进度 printed; 确定能 on two indicators.
  const report = load('reports/cn-hubei-huangshi-heritage-2019-monitoring.json');
  const result = checkReport(report);

  it('recomputes 序时进度 50.00%, 1-6月执行率 39.80%, pace 79.61: amber on both lines', () => {
    expect(result.rejected).toBe(false);
    expect(result.budget.map((b) => [b.name, b.timeProgress, b.periodRate, b.pace, b.state])).toEqual([
      ['年度资金总额', '50.00%', '39.80%', '79.61', 'amber'],
      ['其中:当年一般公共预算拨款', '50.00%', '39.80%', '79.61', 'amber'],
    ]);
    expect(result.budget[0]?.periodRateExact).toBe('39.804545454545454545454545454545454545454545454545');
    expect(result.budget[0]?.gapExact?.startsWith('10.19545454')).toBe(true);
    expect(result.monitoring).toMatchObject({ months: 6, convention: 'months', timeProgress: '50.00%' });
  });

  it('finds the two lines behind schedule (warning, amber) and nothing wrong in the figures', () => {
    const behind = result.findings.filter((f) => f.code === 'behind-schedule');
    expect(behind.map((f) => f.path)).toEqual([
      ['budget', 0, 'periodActual'],
      ['budget', 0, 'children', 0, 'periodActual'],
    ]);
    expect(behind[0]).toMatchObject({ severity: 'warning', recomputed: '39.80%' });
    expect(behind[0]?.code === 'behind-schedule' && behind[0].params).toEqual({
      line: '年度资金总额',
      periodRate: '39.80%',
      timeProgress: '50.00%',
      pace: '79.61',
      gap: '10.20',
      state: 'amber',
      basis: 'pace',
    });
    expect(result.summary.error).toBe(0);
    expect(codes(result.findings)).not.toContain('likelihood-contradiction');
    expect(codes(result.findings)).not.toContain('budget-sum-mismatch');
  });

  it('reads the printed 确定能 as certain; no expected value is printed, so nothing contradicts it', () => {
    expect(result.indicators.map((i) => [i.name, i.likelihood, i.expectedStatus])).toEqual([
      ['质量', null, 'not-reported'],
      ['时效', null, 'not-reported'],
      ['成本', 'certain', 'not-reported'],
      ['社会效益', 'certain', 'not-reported'],
    ]);
  });

  it('counted in days instead (181 of 365 days), the pace is 80.27: green, no finding', () => {
    const days = validateReport(report, { monitoring: { convention: 'days' } });
    expect(days.budget[0]).toMatchObject({ timeProgress: '49.59%', pace: '80.27', state: 'green' });
    expect(codes(days.findings)).not.toContain('behind-schedule');
  });

  it('gives the same figures through validateReport and checkReport, and mutates nothing', () => {
    const before = JSON.stringify(report);
    expect(validateReport(report).budget).toEqual(result.budget);
    expect(JSON.stringify(report)).toBe(before);
  });
});

describe('pace and state at every threshold edge (provincial: < 60 red, 60–80 amber, ≥ 80 green)', () => {
  it.each([
    // [1–6月执行数 of 100, periodRate, pace, state]
    ['29.99', '29.99%', '59.98', 'red'],
    ['30', '30.00%', '60.00', 'amber'],
    ['39.99', '39.99%', '79.98', 'amber'],
    ['40', '40.00%', '80.00', 'green'],
    ['50', '50.00%', '100.00', 'green'],
    ['0', '0.00%', '0.00', 'red'],
    ['130', '130.00%', '260.00', 'green'],
  ])('1-6月 %s of 100 → rate %s, pace %s: %s', (spent, rate, pace, state) => {
    const { line: l, findings } = line(spent);
    expect([l?.periodRate, l?.pace, l?.state]).toEqual([rate, pace, state]);
    const behind = findings.filter((f) => f.code === 'behind-schedule');
    expect(behind).toHaveLength(state === 'green' ? 0 : 1);
    if (behind[0]?.code === 'behind-schedule') expect(behind[0].params.state).toBe(state);
  });

  it.each([
    // months, spent of 100, time progress, pace, state
    [12, '60', '100.00%', '60.00', 'amber'],
    [12, '79.99', '100.00%', '79.99', 'amber'],
    [12, '80', '100.00%', '80.00', 'green'],
    [1, '5', '8.33%', '60.00', 'amber'],
    [3, '14.99', '25.00%', '59.96', 'red'],
  ] as const)('months %i, spent %s: time progress %s, pace %s, %s', (months, spent, tp, pace, state) => {
    const { line: l } = line(spent, months);
    expect([l?.timeProgress, l?.pace, l?.state]).toEqual([tp, pace, state]);
  });

  it('months 0: time progress 0%, so no pace and no state (never Infinity), and no finding', () => {
    const { line: l, findings } = line('10', 0);
    expect([l?.timeProgress, l?.periodRate, l?.pace, l?.state]).toEqual(['0.00%', '10.00%', null, null]);
    expect(codes(findings)).toEqual([]);
  });

  it('a zero budget has no 1–N月执行率: period-rate-undefined, info on 0 spent, warning on money spent', () => {
    const none = line('0', 6, { adjusted: '0' });
    expect([none.line?.periodRate, none.line?.pace, none.line?.state]).toEqual([null, null, null]);
    expect(none.findings.map((f) => [f.code, f.severity])).toEqual([['period-rate-undefined', 'info']]);
    const spent = line('5', 6, { adjusted: '0' });
    expect(spent.findings.map((f) => [f.code, f.severity])).toEqual([['period-rate-undefined', 'warning']]);
  });

  it('the budget is 调整预算数, else 年初预算数 + 追加追减, else 年初预算数', () => {
    const t = (extra: Partial<BudgetLine>) =>
      line('45', 6, { adjusted: undefined, ...extra } as Partial<BudgetLine>).line?.periodRate;
    expect(t({ initial: '90', adjustment: '10' })).toBe('45.00%');
    expect(t({ initial: '90' })).toBe('50.00%');
    expect(t({ initial: '90', adjusted: '150' })).toBe('30.00%');
  });

  it('a gap in percentage points instead: gap > red red, gap > amber amber, else green', () => {
    const gap = { monitoring: { thresholds: { basis: 'gap', red: '20', amber: '10' } } } as const;
    const state = (spent: string) => line(spent, 6, {}, gap).line?.state;
    // time progress 50%: gap = 50 − rate
    expect(['40', '39.99', '30', '29.99', '60'].map(state)).toEqual([
      'green',
      'amber',
      'amber',
      'red',
      'green',
    ]);
    const f = line('29.99', 6, {}, gap).findings[0];
    expect(f?.code === 'behind-schedule' && [f.params.basis, f.params.gap]).toEqual(['gap', '20.01']);
  });

  it('ahead-of-schedule (info) only when asked, for a rate above time progress', () => {
    expect(codes(line('60').findings)).toEqual([]);
    const asked = line('60', 6, {}, { monitoring: { aheadOfSchedule: true } });
    expect(asked.findings.map((f) => [f.code, f.severity, f.recomputed])).toEqual([
      ['ahead-of-schedule', 'info', '60.00%'],
    ]);
    expect(codes(line('50', 6, {}, { monitoring: { aheadOfSchedule: true } }).findings)).toEqual([]);
  });

  it('PACE_THRESHOLDS.provincial is the default', () => {
    expect(PACE_THRESHOLDS.provincial).toEqual({ basis: 'pace', red: '60', amber: '80' });
    const a = line('35').result;
    const b = line('35', 6, {}, { monitoring: { thresholds: PACE_THRESHOLDS.provincial } }).result;
    expect(b.budget).toEqual(a.budget);
  });
});

describe('printed 1–N月执行率 and 序时进度 are recomputed and checked like any printed figure', () => {
  // 87.57 ÷ 220 = 39.8045…%; the amounts' rounding intervals allow 39.71% to 39.90%.
  const printed = (published: NonNullable<BudgetLine['published']>, options: ValidateOptions = {}) =>
    validateReport(
      {
        kind: 'monitoring',
        year: 2019,
        period: { months: 6 },
        budget: [{ name: '年度资金总额', initial: '220', periodActual: '87.57', published }],
      },
      options,
    ).findings.filter((f) => f.code !== 'behind-schedule');

  it.each([
    ['39.80%', []],
    ['39.8%', []],
    ['40%', []],
    ['39.81%', ['rounding-difference']],
    ['39.79%', ['rounding-difference']],
    ['41.00%', ['period-rate-mismatch']],
    ['39.9', ['rounding-difference']],
  ])('printed %s → %o', (rate, expected) => {
    expect(codes(printed({ periodRate: rate }))).toEqual(expected);
  });

  it('the mismatch carries the printed and recomputed figures; strictInputs turns rounding into errors', () => {
    const [f] = printed({ periodRate: '41.00%' });
    expect(f).toMatchObject({
      code: 'period-rate-mismatch',
      severity: 'error',
      path: ['budget', 0, 'published', 'periodRate'],
      published: '41.00%',
      recomputed: '39.80%',
    });
    const [r] = printed({ periodRate: '39.81%' });
    expect(r?.code === 'rounding-difference' && r.params).toMatchObject({
      figure: 'period-rate',
      low: '39.71%',
      high: '39.90%',
    });
    expect(codes(printed({ periodRate: '39.81%' }, { strictInputs: true }))).toEqual([
      'period-rate-mismatch',
    ]);
  });

  it.each([
    ['50%', []],
    ['50.00%', []],
    ['49.59%', ['time-progress-mismatch']],
    ['60%', ['time-progress-mismatch']],
  ])('printed 序时进度 %s → %o', (tp, expected) => {
    expect(codes(printed({ timeProgress: tp }))).toEqual(expected);
  });

  it('a printed 序时进度 that is the other convention’s is named as such', () => {
    const [f] = printed({ timeProgress: '49.59%' });
    expect(f?.code === 'time-progress-mismatch' && f.params).toEqual({
      line: '年度资金总额',
      published: '49.59%',
      recomputed: '50.00%',
      convention: 'months',
      other: '49.59%',
    });
    expect(f?.message.en).toMatch(/days convention's 49\.59%/);
    expect(codes(printed({ timeProgress: '49.59%' }, { monitoring: { convention: 'days' } }))).toEqual([]);
  });

  it('a printed rate that is not a percentage is unparsable-value', () => {
    expect(codes(printed({ periodRate: '39.80万元' }))).toEqual(['unparsable-value']);
    expect(codes(printed({ periodRate: '约四成' }))).toEqual(['unparsable-value']);
  });
});

describe('the period of the table', () => {
  const withPeriod = (period: unknown, extra: Partial<Report> = {}) =>
    validateReport({
      kind: 'monitoring',
      year: 2019,
      period,
      budget: [{ name: 'x', adjusted: '100', periodActual: '40' }],
      ...extra,
    } as Report);

  it.each([
    [undefined, 'no "period"'],
    [{ months: 13 }, 'not a whole number from 0 to 12'],
    [{ through: '2020-06-30' }, 'outside the fiscal year'],
    [{ through: '2019-02-30' }, 'not a date'],
    ['6', 'must be an object'],
  ])('%o: time-progress-undefined at ["period"], rates still computed, no pace', (period, why) => {
    const r = withPeriod(period);
    const f = r.findings.find((x) => x.code === 'time-progress-undefined');
    expect(f).toMatchObject({ severity: 'warning', path: ['period'] });
    expect(f?.message.en).toContain(why);
    expect([r.budget[0]?.periodRate, r.budget[0]?.pace, r.budget[0]?.state]).toEqual(['40.00%', null, null]);
  });

  it('a fiscal year from April: through 2019-09-30 is half of 2019/20', () => {
    const r = withPeriod({ through: '2019-09-30' }, { fiscalYearStart: '04-01' });
    expect(r.budget[0]).toMatchObject({ timeProgress: '50.00%', pace: '80.00', state: 'green' });
    expect(r.monitoring).toMatchObject({ months: null, through: '2019-09-30' });
  });
});

describe('全年预计执行数 against the budget', () => {
  it.each([
    ['200', 'below', '90.91%'],
    ['230', 'above', '104.55%'],
  ])('expected %s of 220: expected-execution-gap (info), %s, %s', (expected, direction, rate) => {
    const r = validateReport({
      kind: 'monitoring',
      period: { months: 6 },
      budget: [{ name: 'x', adjusted: '220', periodActual: '110', expectedActual: expected }],
    });
    const f = r.findings.find((x) => x.code === 'expected-execution-gap');
    expect(f).toMatchObject({ severity: 'info', path: ['budget', 0, 'expectedActual'], recomputed: rate });
    expect(f?.code === 'expected-execution-gap' && f.params.direction).toBe(direction);
  });

  it('an expected execution equal to the budget is no finding', () => {
    const r = validateReport({
      kind: 'monitoring',
      period: { months: 6 },
      budget: [{ name: 'x', adjusted: '220', periodActual: '110', expectedActual: '220.00' }],
    });
    expect(codes(r.findings)).toEqual([]);
  });
});

describe('indicators: the expected full-year value against the target, and the printed likelihood', () => {
  const row = (ind: Partial<Indicator>) => {
    const r = validateReport({
      kind: 'monitoring',
      period: { months: 6 },
      indicators: [{ name: '群众满意度', target: '≥95%', periodActual: '60%', ...ind }],
    });
    return { ind: r.indicators[0], findings: r.findings };
  };

  it.each([
    // [expected, likelihood, expected status, contradiction?]
    ['96%', '确定能', 'met', false],
    ['95%', '确定能', 'met', false],
    ['94.99%', '确定能', 'not-met', true],
    ['90%', '确定能', 'not-met', true],
    ['96%', '完全不可能', 'met', true],
    ['90%', '完全不可能', 'not-met', false],
    ['96%', '不可能', 'met', true],
    ['90%', '有可能', 'not-met', false],
    ['96%', '有可能', 'met', false],
    ['90%', 'certain', 'not-met', true],
    ['96%', 'Impossible', 'met', true],
    ['90%', 'likely', 'not-met', false],
    ['96%', 'unlikely', 'met', false],
    ['90%', '☑确定能 □有可能 □完全不可能', 'not-met', true],
  ])(
    'expected %s, likelihood %s → %s, contradiction %s',
    (expectedActual, likelihood, status, contradiction) => {
      const { ind, findings } = row({ expectedActual, likelihood });
      expect(ind?.expectedStatus).toBe(status);
      const found = findings.filter((f) => f.code === 'likelihood-contradiction');
      expect(found).toHaveLength(contradiction ? 1 : 0);
      if (found[0]) {
        expect(found[0]).toMatchObject({ severity: 'warning', path: ['indicators', 0, 'likelihood'] });
      }
    },
  );

  it('the contradiction says what the expected value gives', () => {
    const f = row({ expectedActual: '90%', likelihood: '确定能' }).findings[0];
    expect(f?.code === 'likelihood-contradiction' && f.params).toEqual({
      row: { name: '群众满意度', path: ['indicators', 0] },
      likelihood: '确定能',
      reading: 'certain',
      expected: '90%',
      target: '≥95%',
      status: 'not-met',
    });
    expect(f?.message.zh).toBe(
      '“群众满意度”：所印完成目标可能性“确定能”与全年预计完成值 90% 矛盾：按目标值 ≥95% 应为不能完成',
    );
  });

  it('lower-is-better targets follow the year-end rules: ≤5次 expected 6次 misses', () => {
    const { ind, findings } = row({
      name: '投诉次数',
      target: '≤5次',
      expectedActual: '6次',
      likelihood: '确定能',
    });
    expect(ind?.expectedStatus).toBe('not-met');
    expect(codes(findings)).toContain('likelihood-contradiction');
  });

  it('qualitative targets too: 达成预期指标 expected beside 完全不可能 contradicts', () => {
    const { ind, findings } = row({
      target: '达成预期指标',
      expectedActual: '达成预期指标',
      likelihood: '完全不可能',
    });
    expect(ind?.expectedStatus).toBe('met');
    expect(codes(findings)).toContain('likelihood-contradiction');
  });

  it('no expected value: not-reported, nothing to contradict; periodActual against the target is no finding', () => {
    const { ind, findings } = row({ likelihood: '确定能' });
    expect([ind?.expectedStatus, ind?.likelihood]).toEqual(['not-reported', 'certain']);
    expect(codes(findings)).toEqual([]);
  });

  it('an unknown likelihood word needs judgement (info), never an error', () => {
    const { ind, findings } = row({ expectedActual: '96%', likelihood: '大概吧' });
    expect(ind?.likelihood).toBe('unknown');
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['needs-judgement', 'info', ['indicators', 0, 'likelihood']],
    ]);
  });

  it.each([
    ['确定能', 'certain'],
    [' 确定能 ', 'certain'],
    ['確定能', 'certain'],
    ['有可能', 'possible'],
    ['完全不可能', 'impossible'],
    ['不可能', 'impossible'],
    ['很可能', 'likely'],
    ['不太可能', 'unlikely'],
    ['Certain', 'certain'],
    ['possible', 'possible'],
    ['□确定能 ☑有可能 □完全不可能', 'possible'],
    ['/', null],
    ['', null],
    ['待定', 'unknown'],
  ])('readLikelihood(%o) → %o', (text, reading) => {
    expect(readLikelihood(text)).toBe(reading);
  });
});

describe('reports that are not monitoring tables keep one shape, with null monitoring figures', () => {
  it('the reference report: every monitoring field is null', () => {
    const r = validateReport(load('suzhou-commerce-service-center-2023.json'));
    expect(r.monitoring).toBeNull();
    for (const b of r.budget) {
      expect([b.timeProgress, b.periodRate, b.pace, b.state, b.monitoringCells]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
    }
    for (const i of r.indicators)
      expect([i.expectedStatus, i.likelihood, i.monitoringCells]).toEqual([null, null, null]);
  });

  it('a periodActual on a report without kind "monitoring" is not read', () => {
    const r = validateReport({
      period: { months: 6 },
      budget: [{ name: 'x', adjusted: '100', periodActual: '1' }],
    });
    expect(r.budget[0]?.periodRate).toBeNull();
    expect(codes(r.findings)).toEqual([]);
  });
});

describe('options.monitoring are checked at the door', () => {
  const report: Report = { kind: 'monitoring', period: { months: 6 }, budget: [] };
  it.each([
    [{ convention: 'weeks' }, /options\.monitoring\.convention/],
    [{ thresholds: { basis: 'pace', red: '80', amber: '60' } }, /red ≤ amber/],
    [{ thresholds: { basis: 'gap', red: '10', amber: '20' } }, /amber ≤ red/],
    [{ thresholds: { basis: 'ratio', red: '60', amber: '80' } }, /basis/],
    [{ thresholds: { basis: 'pace', red: 60, amber: '80' } }, /red must be a plain decimal/],
    [{ aheadOfSchedule: 'yes' }, /aheadOfSchedule/],
  ])('%o throws a TypeError', (monitoring, message) => {
    expect(() => validateReport(report, { monitoring } as never)).toThrow(message);
    expect(() => checkReport(report, { monitoring } as never)).toThrow(/checkReport/);
  });
});

describe('executionPace: one line, without a report', () => {
  it('黄石市 2019: 87.57 of 220 at 1-6月 → 39.80%, pace 79.61, amber', () => {
    expect(executionPace({ budget: '220', periodActual: '87.57' }, { timeProgress: '50' })).toEqual({
      ok: true,
      periodRate: '39.80%',
      periodRateExact: '39.804545454545454545454545454545454545454545454545',
      pace: '79.61',
      paceExact: '79.60909090909090909090909090909090909090909090909',
      gapExact: '10.195454545454545454545454545454545454545454545455',
      state: 'amber',
    });
  });

  it.each([
    ['30', '50%', 'amber'],
    ['29.99', '50%', 'red'],
    ['40', '50.00%', 'green'],
    ['60', 100, 'amber'],
  ])('spent %s of 100 at time progress %o → %s', (periodActual, timeProgress, state) => {
    const r = executionPace({ budget: '100', periodActual }, { timeProgress });
    expect(r.ok && r.state).toBe(state);
  });

  it.each([
    [{ budget: '0', periodActual: '5' }, '50', 'period-rate-undefined', null],
    [{ budget: '100', periodActual: '5' }, '0', 'no-time-elapsed', '5.00%'],
    [{ budget: '100' }, '50', 'missing-value', null],
    [{ budget: 'abc', periodActual: '5' }, '50', 'unparsable-value', null],
    [{ budget: '100', periodActual: '5' }, '50天', 'unparsable-value', null],
  ])('%o at %s → %s', (lineIn, timeProgress, code, periodRate) => {
    const r = executionPace(lineIn, { timeProgress });
    expect(!r.ok && [r.code, r.periodRate]).toEqual([code, periodRate]);
  });

  it('agrees with validateReport on the same line, and throws only for wrong argument types', () => {
    const a = executionPace({ budget: '100', periodActual: '37.5' }, { timeProgress: '50' });
    const b = line('37.5').line;
    expect(a.ok && [a.periodRate, a.pace, a.state]).toEqual([b?.periodRate, b?.pace, b?.state]);
    expect(() => executionPace(null as never, { timeProgress: '50' })).toThrow(TypeError);
    expect(() => executionPace({ budget: [] as never }, { timeProgress: '50' })).toThrow(/line\.budget/);
    expect(() => executionPace({}, { timeProgress: null as never })).toThrow(/timeProgress/);
  });
});

describe('untrusted monitoring JSON', () => {
  it('the real table is well formed: the quick shape test and the schema agree', () => {
    const report = load('reports/cn-hubei-huangshi-heritage-2019-monitoring.json');
    expect(isWellFormedReport(report)).toBe(true);
    const parsed = parseReport(report);
    expect(parsed.ok && parsed.findings).toEqual([]);
  });

  it.each([
    [{ kind: 'monitoring', period: { months: [] } }, ['period', 'months']],
    [{ kind: 'monitoring', fiscalYearStart: 401 }, ['fiscalYearStart']],
    [{ kind: 'monitoring', budget: [{ name: 'x', periodActual: {} }] }, ['budget', 0, 'periodActual']],
    [
      { kind: 'monitoring', indicators: [{ name: 'x', target: '1', likelihood: 3 }] },
      ['indicators', 0, 'likelihood'],
    ],
  ])('%o: an invalid-report finding at %o from checkReport, never a throw', (json, path) => {
    expect(isWellFormedReport(json)).toBe(false);
    const r = checkReport(json);
    expect(r.findings.map((f) => [f.code, f.path])).toContainEqual(['invalid-report', path]);
  });

  it('property: validateReport never throws on any values in the monitoring fields, and says nothing is NaN', () => {
    const any = fc.jsonValue({ maxDepth: 2 });
    fc.assert(
      fc.property(any, any, any, any, any, any, (period, start, spent, expected, rate, likelihood) => {
        const report = {
          kind: 'monitoring',
          year: 2019,
          period,
          fiscalYearStart: start,
          budget: [
            {
              name: 'x',
              adjusted: '100',
              periodActual: spent,
              expectedActual: expected,
              published: { periodRate: rate },
            },
          ],
          indicators: [{ name: 'y', target: '≥90%', expectedActual: expected, likelihood }],
        } as unknown as Report;
        const r = validateReport(report);
        const b = r.budget[0];
        // The figures outturn computes (never the echoed input): none is NaN or Infinity.
        const figures = [
          b?.periodRate,
          b?.periodRateExact,
          b?.pace,
          b?.paceExact,
          b?.gapExact,
          b?.timeProgress,
        ];
        return figures.every((v) => v === null || /^-?\d+(\.\d+)?%?$/.test(v ?? ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('laws', () => {
  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));

  it('property: 1–N月执行率 never decreases as 1–N月执行数 grows', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 10_000_000 }), (a, b, budget) => {
        const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const adjusted = (budget / 100).toFixed(2);
        const rate = (spent: string) => line(spent, 6, { adjusted }).line?.periodRateExact as string;
        return Number(rate(lo)) <= Number(rate(hi)) || rate(lo) === rate(hi);
      }),
    );
  });

  it('property: the state never gets worse as the pace grows (red < amber < green)', () => {
    const rank = { red: 0, amber: 1, green: 2 } as const;
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 12 }), (a, b, months) => {
        const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const s = (spent: string) => line(spent, months, { adjusted: '1000' }).line?.state ?? 'red';
        return rank[s(lo)] <= rank[s(hi)];
      }),
    );
  });
});
