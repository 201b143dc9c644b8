/**
 * Printed inputs are rounded too (issue 12 item 2, DESIGN §1 "Rounding", docs/conventions.md §1):
 * a printed result is consistent when inputs that round to the printed inputs give it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { BudgetLine, Finding, Indicator, Report, ValidateOptions } from 'outturn';
import { checkBudget, validateReport } from 'outturn';
import { describe, expect, it } from 'vitest';
import { Dec, type RoundingMode, toFixed } from '../src/core/decimal.js';

const EXAMPLE = new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url);

interface Brief {
  code: string;
  severity: string;
  published?: string;
  recomputed?: string;
  low?: string;
  high?: string;
}

function brief(fs: readonly Finding[]): Brief[] {
  return fs.map((f) => {
    const b: Brief = { code: f.code, severity: f.severity };
    if (f.published !== undefined) b.published = f.published;
    if (f.recomputed !== undefined) b.recomputed = f.recomputed;
    if (f.code === 'rounding-difference') {
      b.low = f.params.low;
      b.high = f.params.high;
    }
    return b;
  });
}

const rd = (published: string, recomputed: string, low: string, high: string): Brief => ({
  code: 'rounding-difference',
  severity: 'info',
  published,
  recomputed,
  low,
  high,
});

/** Eight lines in R'000 that add up to 3600, each of them a rounded figure. */
const EIGHT = ['100', '200', '300', '400', '500', '600', '700', '800'].map((v, i) => ({
  name: `line ${i + 1}`,
  adjusted: v,
}));

describe('budget figures beside rounded amounts', () => {
  it.each<[string, BudgetLine, ValidateOptions['rounding'], Brief[]]>([
    [
      'a rate of 96.8% beside 2.38 and 2.46 (bn): 96.7% as exact, 96.3% to 97.1% from the intervals',
      { name: 'FY', adjusted: '2.46', actual: '2.38', published: { executionRate: '96.8%' } },
      'half-up',
      [rd('96.8%', '96.7%', '96.3%', '97.1%')],
    ],
    [
      'a rate of 97.2% beside the same amounts is beyond their rounding',
      { name: 'FY', adjusted: '2.46', actual: '2.38', published: { executionRate: '97.2%' } },
      'half-up',
      [{ code: 'execution-rate-mismatch', severity: 'error', published: '97.2%', recomputed: '96.7%' }],
    ],
    [
      'a total 1 above the sum of 8 lines printed in units (each can be off by 0.5)',
      { name: 'Total', adjusted: '3601', children: EIGHT },
      'half-up',
      [rd('3601', '3600', '3596', '3604')],
    ],
    [
      'a total 4 below: the closed bound of 8 × 0.5',
      { name: 'Total', adjusted: '3596', children: EIGHT },
      'half-up',
      [rd('3596', '3600', '3596', '3604')],
    ],
    [
      'a total 5 above is beyond the rounding of 8 lines',
      { name: 'Total', adjusted: '3605', children: EIGHT },
      'half-up',
      [{ code: 'budget-sum-mismatch', severity: 'error', published: '3605', recomputed: '3600' }],
    ],
    [
      'half-up boundary: 10 + 2 in units allow 11 to 13 for the adjusted budget, 13 on the closed bound',
      { name: 'A', initial: '10', adjustment: '2', adjusted: '13' },
      'half-up',
      [rd('13', '12', '11', '13')],
    ],
    [
      'half-up boundary: 13.5 at one decimal is beyond 10 + 2 (the intervals reach 13.0)',
      { name: 'A', initial: '10', adjustment: '2', adjusted: '13.5' },
      'half-up',
      [{ code: 'budget-adjusted-mismatch', severity: 'error', published: '13.5', recomputed: '12.0' }],
    ],
    [
      'a negative adjustment: 100.0 − 20.0 allows 79.9 to 80.1',
      { name: 'A', initial: '100.0', adjustment: '-20.0', adjusted: '80.1' },
      'half-up',
      [rd('80.1', '80.0', '79.9', '80.1')],
    ],
    [
      'a negative adjustment: 80.2 is beyond it',
      { name: 'A', initial: '100.0', adjustment: '-20.0', adjusted: '80.2' },
      'half-up',
      [{ code: 'budget-adjusted-mismatch', severity: 'error', published: '80.2', recomputed: '80.0' }],
    ],
    [
      'a trailing zero dropped ("35.9%" for 35.90%) is compared at the one decimal printed',
      { name: 'A', adjusted: '100.00', actual: '35.94', published: { executionRate: '35.9%' } },
      'half-up',
      [],
    ],
    [
      '"35.9%" beside 3.58 and 10: 35.8% as exact, the whole-number budget allows it',
      { name: 'A', adjusted: '10', actual: '3.58', published: { executionRate: '35.9%' } },
      'half-up',
      [rd('35.9%', '35.8%', '34.0%', '37.7%')],
    ],
    [
      'truncation: 2.3 + 2.3 truncated stand for [2.3, 2.4] each, so 4.8 is allowed',
      {
        name: 'T',
        adjusted: '4.8',
        children: [
          { name: 'a', adjusted: '2.3' },
          { name: 'b', adjusted: '2.3' },
        ],
      },
      'truncate',
      [rd('4.8', '4.6', '4.6', '4.8')],
    ],
    [
      'truncation: 4.5 is below what truncated inputs allow (they only ever lose value)',
      {
        name: 'T',
        adjusted: '4.5',
        children: [
          { name: 'a', adjusted: '2.3' },
          { name: 'b', adjusted: '2.3' },
        ],
      },
      'truncate',
      [{ code: 'budget-sum-mismatch', severity: 'error', published: '4.5', recomputed: '4.6' }],
    ],
    [
      'a variance beside rounded amounts: 7.0 − 3.3 printed 3.8',
      { name: 'A', adjusted: '7.0', actual: '3.3', published: { variance: '3.8' } },
      'half-up',
      [rd('3.8', '3.7', '3.6', '3.8')],
    ],
  ])('%s', (_, line, rounding, expected) => {
    const { findings } = checkBudget([line], { rounding: rounding ?? 'half-up' });
    expect(brief(findings.filter((f) => f.code !== 'overspend'))).toEqual(expected);
  });

  it('strictInputs: true compares with the printed amounts as exact (the 0.1 behaviour)', () => {
    const line: BudgetLine = {
      name: 'FY',
      adjusted: '2.46',
      actual: '2.38',
      published: { executionRate: '96.8%' },
    };
    expect(checkBudget([line], { strictInputs: true }).findings.map((f) => f.code)).toEqual([
      'execution-rate-mismatch',
    ]);
    const total: BudgetLine = { name: 'Total', adjusted: '3601', children: EIGHT };
    expect(checkBudget([total], { strictInputs: true }).findings.map((f) => f.code)).toEqual([
      'budget-sum-mismatch',
    ]);
    expect(validateReport({ budget: [line] }, { strictInputs: true }).findings.map((f) => f.code)).toEqual([
      'execution-rate-mismatch',
    ]);
  });

  it('amounts printed in another money unit are converted with their intervals', () => {
    // 0.25 亿元 stands for [2450, 2550] 万元; with 2400.00 万元 spent, 96% is not 96.00% as exact.
    const { findings } = checkBudget([
      { name: 'A', adjusted: '0.25亿元', actual: '2400.00', published: { executionRate: '95.00%' } },
    ]);
    expect(brief(findings)).toEqual([rd('95.00%', '96.00%', '94.12%', '97.96%')]);
  });

  it('strictInputs must be a boolean', () => {
    expect(() => validateReport({}, { strictInputs: 'false' as unknown as boolean })).toThrow(
      /options\.strictInputs must be true or false/,
    );
    expect(() => checkBudget([], { strictInputs: 1 as unknown as boolean })).toThrow(
      /checkBudget: options\.strictInputs must be true or false/,
    );
  });
});

describe('deviations beside a rounded actual; the target is exact', () => {
  const row = (target: string, actual: string, deviation: string): Report => ({
    indicators: [{ name: 'X', target, actual, reason: '原因', published: { deviation } } as Indicator],
  });
  const devs = (r: Report, options?: ValidateOptions) =>
    brief(
      validateReport(r, options).findings.filter(
        (f) => f.code === 'deviation-mismatch' || f.code === 'rounding-difference',
      ),
    );

  it.each<[string, string, string, string, Brief[]]>([
    [
      '93.7% (one decimal) against =100%: −6.30% as exact, −6.35% to −6.25%',
      '=100%',
      '93.7%',
      '-6.26%',
      [rd('-6.26%', '-6.30%', '-6.35%', '-6.25%')],
    ],
    [
      '−6.20% is beyond the rounding of 93.7%',
      '=100%',
      '93.7%',
      '-6.20%',
      [{ code: 'deviation-mismatch', severity: 'error', published: '-6.20%', recomputed: '-6.30%' }],
    ],
    [
      'a whole-number actual 99% against ≥95%: 3.68% to 4.74%, so 5.0% is beyond it',
      '≥95%',
      '99%',
      '5.0%',
      [{ code: 'deviation-mismatch', severity: 'error', published: '5.0%', recomputed: '4.2%' }],
    ],
    [
      '99% against ≥95%, printed 4.7%: 4.21% as exact, within 3.68% to 4.74%',
      '≥95%',
      '99%',
      '4.7%',
      [rd('4.7%', '4.2%', '3.7%', '4.7%')],
    ],
    [
      'an absolute deviation in the target’s unit: 99% against ≥90% printed 10',
      '≥90%',
      '99%',
      '10',
      [rd('10', '9', '9', '10')],
    ],
    [
      'a count is exact: 329次 against ≥100次 gives 229.00% and nothing else',
      '≥100次',
      '329次',
      '229.50%',
      [{ code: 'deviation-mismatch', severity: 'error', published: '229.50%', recomputed: '229.00%' }],
    ],
    [
      'a count with decimals is rounded: 1.2万人次 against ≥1万人次',
      '≥1万人次',
      '1.2万人次',
      '25%',
      [rd('25%', '20%', '15%', '25%')],
    ],
  ])('%s', (_, target, actual, deviation, expected) => {
    expect(devs(row(target, actual, deviation))).toEqual(expected);
  });

  it('the reference rows keep their exact deviations: ≥95% → 100% gives 5.26%', () => {
    expect(devs(row('≥95%', '100%', '5.26%'))).toEqual([]);
    expect(devs(row('=100%', '93.74%', '-6.26%'))).toEqual([]);
  });

  it('strictInputs: true takes the printed actual as exact', () => {
    expect(devs(row('=100%', '93.7%', '-6.26%'), { strictInputs: true }).map((f) => f.code)).toEqual([
      'deviation-mismatch',
    ]);
  });
});

describe('cross-checks beside a rounded budget table', () => {
  const report = (actual: string, name = '预算执行率'): Report => ({
    budget: [{ name: '预算总金额', initial: '2.40', adjusted: '2.46', actual: '2.38' }],
    indicators: [{ name, target: '≥0%', actual, reason: '原因' }],
  });
  const cross = (r: Report, options?: ValidateOptions) =>
    brief(
      validateReport(r, options).findings.filter(
        (f) => f.code === 'cross-check-mismatch' || f.code === 'rounding-difference',
      ),
    );

  it('预算执行率 printed 96.8% beside 2.38 / 2.46 is a rounding difference; 97.2% is not', () => {
    expect(cross(report('96.8%'))).toEqual([rd('96.8%', '96.7%', '96.3%', '97.1%')]);
    expect(validateReport(report('96.8%')).crossChecks[0]?.consistent).toBe(true);
    expect(cross(report('97.2%')).map((f) => f.code)).toEqual(['cross-check-mismatch']);
    expect(cross(report('96.8%'), { strictInputs: true }).map((f) => f.code)).toEqual([
      'cross-check-mismatch',
    ]);
  });

  it('预算调整率 (2.46 − 2.40) ÷ 2.40 = 2.5%: the intervals allow 2.08% to 2.92%', () => {
    expect(cross(report('2.9%', '预算调整率'))).toEqual([rd('2.9%', '2.5%', '2.1%', '2.9%')]);
    expect(cross(report('3.0%', '预算调整率')).map((f) => f.code)).toEqual(['cross-check-mismatch']);
  });

  it('the reference report keeps its findings: its contradictions are far beyond rounding', () => {
    const reference = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Report;
    const loose = validateReport(reference).findings;
    const strict = validateReport(reference, { strictInputs: true }).findings;
    expect(loose).toEqual(strict);
    expect(loose.filter((f) => f.code === 'cross-check-mismatch').map((f) => f.recomputed)).toEqual([
      '71.43%',
      '0.00%',
      '134.17%',
    ]);
    expect(loose.some((f) => f.code === 'rounding-difference')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'truncate'];

/** An exact amount with up to 4 decimals, signed when asked. */
const amount = (signed = false) =>
  fc.integer({ min: signed ? -50_000_000 : 0, max: 100_000_000 }).map((n) => new Dec(n).div(10_000));

const decimals = fc.integer({ min: 0, max: 4 });

interface ExactLine {
  initial: Dec;
  adjustment: Dec;
  actual: Dec;
}

/** A line's exact amounts and the decimals each printed figure is rounded to. */
const exactLine = fc.record({
  initial: amount(),
  adjustment: amount(true),
  actual: amount(),
  d: fc.array(decimals, { minLength: 6, maxLength: 6 }),
});

/** Prints a table built to add up exactly, each figure rounded at its own precision. */
function printLine(
  name: string,
  x: ExactLine,
  d: readonly number[],
  mode: RoundingMode,
  children?: BudgetLine[],
): BudgetLine {
  const adjusted = x.initial.plus(x.adjustment);
  const p = (v: Dec, i: number) => toFixed(v, d[i] ?? 2, mode);
  const line: {
    name: string;
    initial: string;
    adjustment: string;
    adjusted: string;
    actual: string;
    published: { executionRate?: string; variance: string };
    children?: BudgetLine[];
  } = {
    name,
    initial: p(x.initial, 0),
    adjustment: p(x.adjustment, 1),
    adjusted: p(adjusted, 2),
    actual: p(x.actual, 3),
    published: { variance: p(adjusted.minus(x.actual), 5) },
  };
  if (!adjusted.isZero()) line.published.executionRate = `${p(x.actual.div(adjusted).times(100), 4)}%`;
  if (children) line.children = children;
  return line;
}

function table(kids: readonly (ExactLine & { d: number[] })[], rootD: number[], mode: RoundingMode) {
  const total = (k: keyof ExactLine) => kids.reduce((s, c) => s.plus(c[k]), new Dec(0));
  const root: ExactLine = {
    initial: total('initial'),
    adjustment: total('adjustment'),
    actual: total('actual'),
  };
  return {
    root,
    line: printLine(
      'total',
      root,
      rootD,
      mode,
      kids.map((c, i) => printLine(`line ${i}`, c, c.d, mode)),
    ),
  };
}

describe('laws of the rounding rule', () => {
  it('a budget table built to add up, every figure rounded at 0–4 decimals, never gets an error', () => {
    fc.assert(
      fc.property(
        fc.array(exactLine, { minLength: 1, maxLength: 8 }),
        fc.array(decimals, { minLength: 6, maxLength: 6 }),
        fc.constantFrom(...MODES),
        (kids, rootD, mode) => {
          const { line } = table(kids, rootD, mode);
          const errors = checkBudget([line], { rounding: mode }).findings.filter(
            (f) => f.severity === 'error',
          );
          expect(errors).toEqual([]);
        },
      ),
    );
  });

  it('a total moved beyond the rounding interval of its lines always gets budget-sum-mismatch', () => {
    fc.assert(
      fc.property(
        fc.array(exactLine, { minLength: 1, maxLength: 8 }),
        fc.array(decimals, { minLength: 6, maxLength: 6 }),
        fc.constantFrom(...MODES),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (kids, rootD, mode, up, extra) => {
          const { line } = table(kids, rootD, mode);
          // Each printed line is at most one unit of its last decimal from its value, and the
          // printed total at most one of its own: a total more than Σ units + 2 units of its own
          // from the sum of the printed lines is beyond what any rounding explains.
          const children = line.children ?? [];
          const unit = (text: string) => new Dec(10).pow(-(text.split('.')[1]?.length ?? 0));
          const printedSum = children.reduce((s, c) => s.plus(c.actual as string), new Dec(0));
          const slack = children.reduce((s, c) => s.plus(unit(c.actual as string)), new Dec(0));
          const own = new Dec(10).pow(-(rootD[3] ?? 2));
          const away = slack.plus(own.times(3 + extra));
          const moved = printedSum.plus(up ? away : away.neg());
          const bad = { ...line, actual: toFixed(moved, rootD[3] ?? 2, 'half-up') };
          delete (bad as { published?: unknown }).published;
          const codes = checkBudget([bad], { rounding: mode }).findings.map(
            (f) => `${f.code}@${f.path.at(-1)}`,
          );
          expect(codes).toContain('budget-sum-mismatch@actual');
        },
      ),
    );
  });

  it('a deviation from a rounded actual and an exact target is never a deviation-mismatch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        decimals,
        decimals,
        (t, a, da, dd) => {
          const target = new Dec(t).div(100);
          const actual = new Dec(a).div(1000);
          const dev = actual.minus(target).div(target).times(100);
          const r: Report = {
            indicators: [
              {
                name: 'X',
                target: `=${target.toString()}`,
                actual: toFixed(actual, da),
                reason: '原因',
                published: { deviation: `${toFixed(dev, dd)}%` },
              },
            ],
          };
          const codes = validateReport(r).findings.map((f) => f.code);
          expect(codes).not.toContain('deviation-mismatch');
        },
      ),
    );
  });
});
