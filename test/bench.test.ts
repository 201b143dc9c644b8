/**
 * The benchmark's code paths with tiny sizes, against src (the bench modules take the library
 * as a parameter). Only correctness is asserted here, never a timing.
 */

import * as lib from 'outturn';
import { describe, expect, it } from 'vitest';
import {
  compareIndicators,
  compareRates,
  outturnSelfCheck,
  roundHalfUp,
  runIndicators,
  runRates,
} from '../bench/accuracy.js';
import {
  FACTOR,
  type GrowthCase,
  type GrowthFigure,
  LINEAR_BOUND,
  libraryCases,
  measureGrowth,
  overBound,
  parseGrowthArgs,
  renderGrowth,
} from '../bench/growth.js';
import {
  decimalImplementation,
  floatImplementation,
  implementations,
  outturnImplementation,
  parseSimple,
} from '../bench/implementations.js';
import { type BenchConfig, goals, renderMarkdown, runBench } from '../bench/main.js';
import { batched, median, timeTasks } from '../bench/measure.js';
import {
  generateBudgetLines,
  generateIndicators,
  generateReport,
  INDICATOR_MIX,
  type IndicatorCase,
  prng,
  scaled,
} from '../bench/workloads.js';
import { RUNS, SHAPES } from './fixtures/hostile/cells.js';

const TINY: BenchConfig = {
  indicators: 400,
  budgetLines: 150,
  reportSizes: [3, 12],
  batch: 20,
  rounds: 1,
  time: 1,
  warmupTime: 0,
  cliRuns: 0,
  memory: false,
};

describe('workloads', () => {
  it('are deterministic for a seed', () => {
    expect(generateIndicators(300, 7)).toEqual(generateIndicators(300, 7));
    expect(generateIndicators(300, 7)).not.toEqual(generateIndicators(300, 8));
    expect(generateBudgetLines(100, 7)).toEqual(generateBudgetLines(100, 7));
    expect(generateReport(20, 7)).toEqual(generateReport(20, 7));
    const a = prng(1);
    const b = prng(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('draw every notation of the mix', () => {
    const kinds = new Set(generateIndicators(3000).map((c) => c.kind));
    expect([...kinds].sort()).toEqual(INDICATOR_MIX.map(([k]) => k).sort());
    expect(INDICATOR_MIX.reduce((s, [, w]) => s + w, 0)).toBeCloseTo(100, 10);
  });

  it('print figures from integers, without rounding', () => {
    expect(scaled(9374, 2)).toBe('93.74');
    expect(scaled(-5, 3)).toBe('-0.005');
    expect(scaled(808040n, 5)).toBe('8.08040');
    expect(scaled(7, 0)).toBe('7');
  });

  it('build half-up edges whose exact deviation ends in 5 at the third decimal', () => {
    const edges = generateIndicators(2000).filter((c) => c.kind === 'half-up-edge');
    expect(edges.length).toBeGreaterThan(50);
    for (const c of edges) expect(c.exactDeviation).toMatch(/^-?\d+\.\d\d5$/);
    const rates = generateBudgetLines(500).filter((c) => c.kind === 'half-up-edge');
    expect(rates.length).toBeGreaterThan(20);
    for (const c of rates) expect(c.exactRate).toMatch(/^\d+\.\d\d5$/);
  });

  it('give reports with a consistent budget tree', () => {
    const report = generateReport(10);
    expect(report.indicators).toHaveLength(10);
    const findings = lib.validateReport(report).findings;
    expect(findings.filter((f) => f.code === 'budget-sum-mismatch' || f.code === 'invalid-report')).toEqual(
      [],
    );
  });
});

describe('roundHalfUp (the independent check of printed figures)', () => {
  it.each([
    ['1.005', '1.01'],
    ['-6.255', '-6.26'],
    ['-0.001', '0.00'],
    ['0.004999', '0.00'],
    ['99.995', '100.00'],
    ['134.16669261184968405', '134.17'],
    ['12', '12.00'],
    ['229', '229.00'],
  ])('%s → %s', (exact, printed) => {
    expect(roundHalfUp(exact, 2)).toBe(printed);
  });
});

describe('the three implementations', () => {
  const cases = generateIndicators(600);
  const lines = generateBudgetLines(200);

  it('return a figure for every input', () => {
    for (const impl of implementations(lib)) {
      const figures = runIndicators(impl, cases).results;
      expect(figures).toHaveLength(cases.length);
      for (const f of figures) {
        expect(['met', 'not-met', 'none']).toContain(f.status);
        expect(f.printed === null || typeof f.printed === 'string').toBe(true);
      }
      const rates = runRates(impl, lines).results;
      expect(rates).toHaveLength(lines.length);
      for (const r of rates) expect(r === null || /^-?\d+\.\d\d%$/.test(r)).toBe(true);
      expect(impl.validate(generateReport(8))).toBeGreaterThanOrEqual(0);
    }
  });

  it('agree on the reference figures that every implementation can read', () => {
    const reference: IndicatorCase[] = [
      { name: '预算执行率', target: '=100%', actual: '93.74%', kind: 'eq-percent' },
      { name: '培训次数', target: '≥100 次', actual: '329 次', kind: 'count-space' },
      { name: '满意度', target: '≥95%', actual: '100%', kind: 'ge-percent' },
    ];
    for (const impl of implementations(lib)) {
      expect(reference.map((c) => impl.evaluate(c).printed)).toEqual(['-6.26%', '229.00%', '5.26%']);
      expect(impl.rate({ adjusted: '321.19', actual: '430.93', kind: 'reference' })).toBe('134.17%');
    }
  });

  it('show the float failure on a half-up edge: 0.0804 / 8 → 1.005 %', () => {
    const c: IndicatorCase = { name: '任务完成率', target: '≥8%', actual: '8.0804%', kind: 'half-up-edge' };
    expect(outturnImplementation(lib).evaluate(c).printed).toBe('1.01%');
    expect(decimalImplementation().evaluate(c).printed).toBe('1.01%');
    expect(floatImplementation().evaluate(c).printed).toBe('1.00%');
  });

  it('baselines read only the simple notations', () => {
    expect(parseSimple('≥6 次')).toEqual({ op: '>=', number: '6', unit: '次' });
    expect(parseSimple('<=0%')).toEqual({ op: '<=', number: '0', unit: '%' });
    expect(parseSimple('90%')).toEqual({ op: null, number: '90', unit: '%' });
    for (const s of ['＞＝９０％', '不低于95%', '控制在5%以内', '117余次', '1,234.5万元', '健全']) {
      expect(parseSimple(s)).toBeNull();
    }
  });
});

describe('accuracy', () => {
  const cases = generateIndicators(2000);
  const lines = generateBudgetLines(600);
  const [outturn, float, decimal] = implementations(lib).map((impl) => ({
    impl,
    ind: runIndicators(impl, cases).results,
    rates: runRates(impl, lines).results,
  }));

  it("outturn's printed figures are its exact values rounded half-up, and exact", () => {
    const check = outturnSelfCheck(lib, cases, lines);
    expect(check.checked).toBeGreaterThan(1000);
    expect(check.inconsistent).toBe(0);
    expect(check.exactChecked).toBeGreaterThan(100);
    expect(check.exactWrong).toBe(0);
  });

  it("counts each baseline's wrong figures, by cause", () => {
    if (!outturn || !float || !decimal) throw new Error('three implementations');
    const exact = () => null;
    const f = compareIndicators('float', cases, outturn.ind, float.ind, exact);
    const d = compareIndicators('decimal.js', cases, outturn.ind, decimal.ind, exact);
    for (const r of [f, d]) {
      expect(r.figures).toBe(cases.length);
      expect(r.wrong).toBe(Object.values(r.byCause).reduce((s, n) => s + n, 0));
    }
    // Same parser: the same notations go unread; only float arithmetic adds rounding errors.
    expect(f.byCause.notation).toBe(d.byCause.notation);
    expect(f.byCause.notation).toBeGreaterThan(0);
    expect(f.byCause.rounding).toBeGreaterThan(0);
    expect(d.byCause.rounding).toBe(0);
    expect(f.examples.length).toBeGreaterThan(0);

    const fr = compareRates('float', lines, outturn.rates, float.rates, exact);
    const dr = compareRates('decimal.js', lines, outturn.rates, decimal.rates, exact);
    expect(fr.byCause.rounding).toBeGreaterThan(0);
    expect(dr.byCause.rounding).toBe(0);
    expect(fr.byCause.notation).toBe(dr.byCause.notation);
  });
});

describe('the harness', () => {
  it('runs tinybench tasks and keeps one figure per round', async () => {
    const items = [1, 2, 3];
    let calls = 0;
    const timings = await timeTasks([{ name: 'sum', items: 2, fn: batched(items, 2, (x) => (calls += x)) }], {
      rounds: 2,
      time: 1,
      warmupTime: 0,
    });
    expect(timings.get('sum')?.wall).toHaveLength(2);
    expect(timings.get('sum')?.cpu).toHaveLength(2);
    expect(calls).toBeGreaterThan(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('runs every workload with tiny sizes and renders the report', async () => {
    const result = await runBench(lib, TINY, {
      root: process.cwd(),
      libPath: null,
      cliPath: null,
      self: null,
    });
    expect(result.indicators.accuracy.map((a) => a.implementation)).toEqual(['float', 'decimal.js']);
    expect(result.budget.accuracy.map((a) => a.figures)).toEqual([150, 150]);
    expect(result.validate.map((v) => v.size)).toEqual([3, 12]);
    expect(result.selfCheck.inconsistent).toBe(0);
    const md = renderMarkdown(result);
    for (const heading of [
      'evaluateIndicator',
      'executionRate',
      'validateReport',
      'Goals',
      'Printed deviations',
    ]) {
      expect(md).toContain(heading);
    }
    expect(goals(result).length).toBeGreaterThanOrEqual(5);
  });
});

describe('the growth benchmark (bench/growth.ts), with tiny sizes', () => {
  // Code paths only: which inputs it builds, what it reports. Its ratios are not asserted.
  const cases = libraryCases(lib, { shapes: SHAPES, runs: RUNS }, 4096);

  it('builds the inputs of the tests whose timings it took over, growing with n', () => {
    expect(new Set(cases.map((c) => `${c.group}: ${c.name}`)).size).toBe(cases.length);
    expect(cases).toHaveLength(3 + 8 + Object.keys(SHAPES).length * Object.keys(RUNS).length);
    for (const c of cases) {
      expect(c.make(c.size * FACTOR).length, c.name).toBeGreaterThan(c.make(c.size).length);
    }
    // The long-cell shapes are exactly n code units long.
    expect(SHAPES['dashes ———…1']?.(1000)).toHaveLength(1000);
  });

  it('measures a case: calls per run, time per call at both sizes, and their ratio', () => {
    let calls = 0;
    const counted: GrowthCase = {
      group: 'g',
      name: 'n',
      size: 10,
      make: (n) => 'x'.repeat(n),
      run: (s) => {
        calls += 1;
        return s.length;
      },
    };
    const f = measureGrowth(counted, 2, 0);
    expect(f.calls).toBe(1);
    // One calibration and one warm-up run, then two interleaved runs of each size.
    expect(calls).toBe(2 + 2 * 2);
    expect(f.ratio).toBe(f.largeMs / f.smallMs);
    expect(Number.isFinite(f.ratio) && f.ratio > 0).toBe(true);
  });

  it('reports every case, and names the ones at or over the bound', () => {
    const figure = (name: string, ratio: number): GrowthFigure => ({
      group: 'parseTarget',
      name,
      size: 10_000,
      calls: 1,
      smallMs: 1,
      largeMs: ratio,
      ratio,
    });
    const figures = [figure('linear', 4), figure('quadratic', 16), figure('at the bound', LINEAR_BOUND)];
    expect(overBound(figures).map((f) => f.name)).toEqual(['quadratic', 'at the bound']);
    const md = renderGrowth(figures, 7, 20, [0, 0, 0]);
    expect(md).toContain('| quadratic | 10,000 | 1 | 1.00 | 16.00 | 16.0 **over** |');
    expect(md).toContain('| linear | 10,000 | 1 | 1.00 | 4.00 | 4.0 |');
    expect(md).toContain('2 of 3 cases at or over 8');
    expect(renderGrowth([figure('linear', 4)], 7, 20, [0, 0, 0])).toContain('All 1 cases under 8');
  });

  it('reads its command line', () => {
    expect(parseGrowthArgs([])).toEqual({ quick: false, check: false, json: null });
    expect(parseGrowthArgs(['--quick', '--check', '--json', 'g.json'])).toEqual({
      quick: true,
      check: true,
      json: 'g.json',
    });
  });
});
