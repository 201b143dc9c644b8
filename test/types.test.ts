/**
 * Type tests of the public API (both entry points), with vitest's `expectTypeOf`.
 *
 * The assertions are checked by the compiler: `npm run typecheck` (tsconfig.json includes
 * test/) fails when one does not hold. Under `vitest run` they are no-ops, and the runtime
 * `expect`s beside them check that the examples are real.
 *
 * What is pinned here: results that can fail are discriminated unions that narrow on `ok`;
 * figures are decimal strings (`string`, or `string | null` where a figure may not exist),
 * never numbers; statuses and codes are string-literal unions; no decimal.js instance and no
 * zod type is reachable from any result of `outturn` or from `parseReport`.
 */
import type { Decimal } from 'decimal.js';
import {
  adjustmentRate,
  type BudgetLineFigures,
  budgetExecutionScore,
  type CommonRateResult,
  type CrossCheck,
  carryoverRate,
  type checkBudget,
  commonIndicatorOf,
  compareGrades,
  convertUnit,
  type Deviation,
  declaredOutcome,
  type Evaluation,
  evaluateIndicator,
  executionRate,
  type Finding,
  type FindingCode,
  formatQuantity,
  gradeOf,
  type IndicatorFigures,
  type IndicatorStatus,
  type matchesPrinted,
  type ParseQuantityResult,
  type ParseTargetResult,
  parseQuantity,
  parseScoringProfile,
  parseTarget,
  type Quantity,
  type RateErrorCode,
  type RateResult,
  type RoundingMode,
  type ScoreResult,
  type Severity,
  scoreIndicator,
  staffControlRate,
  type Target,
  type ValidationResult,
  validateReport,
} from 'outturn';
import { type ParseReportResult, parseReport, type reportSchema } from 'outturn/schema';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// A type-level probe for leaks: is a decimal.js or zod value reachable from T?

/** Countdown of the recursion depth (report trees are recursive: BudgetLine.children). */
type Down = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * `true` when T, or a property or element reachable from T within D levels, is a decimal.js
 * `Decimal` (it has `toDecimalPlaces`) or a zod schema or error (`_zod`, `safeParse`,
 * `issues`); `false` otherwise; `boolean` when some members of a union leak.
 */
type Leaks<T, D extends number = 9> = [D] extends [never]
  ? false
  : T extends string | number | boolean | bigint | symbol | null | undefined
    ? false
    : T extends
          | { toDecimalPlaces: unknown }
          | { _zod: unknown }
          | { safeParse: unknown }
          | { issues: unknown }
      ? true
      : T extends readonly (infer E)[]
        ? Leaks<E, Down[D]>
        : true extends { [K in keyof T]-?: Leaks<T[K], Down[D]> }[keyof T]
          ? true
          : false;

/** `false` when neither the parameters nor the result of F can hold a leak. */
type FunctionLeaks<F extends (...args: never[]) => unknown> = Leaks<ReturnType<F>> | Leaks<Parameters<F>>;

describe('the leak probe itself', () => {
  it('finds a Decimal or a zod type wherever it is nested', () => {
    expectTypeOf<Leaks<Decimal>>().toEqualTypeOf<true>();
    expectTypeOf<Leaks<{ a: { b: readonly Decimal[] } }>>().toEqualTypeOf<true>();
    expectTypeOf<Leaks<{ ok: true; v: string } | { ok: false; e: z.ZodError }>>().toEqualTypeOf<boolean>();
    expectTypeOf<Leaks<z.ZodType>>().toEqualTypeOf<true>();
    expectTypeOf<Leaks<{ a: string; b: readonly number[]; c: { d: null } }>>().toEqualTypeOf<false>();
    // reportSchema is zod on purpose (for composing schemas); parseReport is the zod-free API.
    expectTypeOf<Leaks<typeof reportSchema>>().toEqualTypeOf<true>();
  });
});

// ---------------------------------------------------------------------------------------------

describe('discriminated results narrow on ok', () => {
  it('executionRate: printed only when ok, code only when not', () => {
    const r = executionRate({ adjusted: '321.19', actual: '430.93' });
    expectTypeOf(r).toEqualTypeOf<RateResult>();
    if (r.ok) {
      expectTypeOf(r.printed).toEqualTypeOf<string>();
      expectTypeOf(r.exact).toEqualTypeOf<string>();
      expectTypeOf(r).not.toHaveProperty('code');
      expect(r.printed).toBe('134.17%');
    } else {
      expectTypeOf(r.code).toEqualTypeOf<RateErrorCode>();
      expectTypeOf(r.message).toEqualTypeOf<{ readonly en: string; readonly zh: string }>();
      expectTypeOf(r).not.toHaveProperty('printed');
    }
    expect(r.ok).toBe(true);

    const zero = executionRate({ adjusted: '0', actual: '0' });
    expect(zero.ok ? zero.printed : zero.code).toBe('execution-rate-undefined');
    expectTypeOf<RateErrorCode>().toEqualTypeOf<
      'execution-rate-undefined' | 'adjustment-rate-undefined' | 'missing-value' | 'unparsable-value'
    >();
    // @ts-expect-error: `printed` does not exist until `ok` is checked
    expect(zero.printed).toBeUndefined();
  });

  it('adjustmentRate, staffControlRate, carryoverRate', () => {
    expectTypeOf(adjustmentRate).returns.toEqualTypeOf<RateResult>();
    expectTypeOf(staffControlRate).returns.toEqualTypeOf<CommonRateResult>();
    expectTypeOf(carryoverRate).returns.toEqualTypeOf<CommonRateResult>();
    const s = staffControlRate({ authorized: 14, actual: 10 });
    if (s.ok) expectTypeOf(s.printed).toEqualTypeOf<string>();
    else
      expectTypeOf(s.code).toEqualTypeOf<
        'rate-undefined' | 'missing-value' | 'unparsable-value' | 'negative-value'
      >();
    expect(s.ok && s.printed).toBe('71.43%');
  });

  it('parseQuantity and parseTarget: the value or why not', () => {
    const q = parseQuantity('117余次');
    expectTypeOf(q).toEqualTypeOf<ParseQuantityResult>();
    if (q.ok) expectTypeOf(q.quantity).toEqualTypeOf<Quantity | null>();
    else expectTypeOf(q.code).toEqualTypeOf<'unparsable-value'>();
    expect(q.ok && q.quantity?.moreThan).toBe(true);

    const t = parseTarget('控制在5%以内');
    expectTypeOf(t).toEqualTypeOf<ParseTargetResult>();
    if (t.ok && t.target !== null) {
      expectTypeOf(t.target.kind).toEqualTypeOf<'comparison' | 'range' | 'qualitative'>();
      if (t.target.kind === 'comparison') {
        expectTypeOf(t.target.operator).toEqualTypeOf<'>=' | '<=' | '=' | '>' | '<'>();
        expectTypeOf(t.target.value.value).toEqualTypeOf<string>();
        expectTypeOf(t.target).not.toHaveProperty('min');
      }
      if (t.target.kind === 'qualitative') expectTypeOf(t.target.expected).toEqualTypeOf<string>();
    }
    expect(t.ok && t.target?.kind === 'comparison' && t.target.operator).toBe('<=');
  });

  it('scoreIndicator and budgetExecutionScore', () => {
    const s = scoreIndicator({ target: '≤10', actual: '12', weight: '10' });
    expectTypeOf(s).toEqualTypeOf<ScoreResult>();
    if (s.ok) {
      expectTypeOf(s.printed).toEqualTypeOf<string | null>();
      expectTypeOf(s.exact).toEqualTypeOf<string | null>();
      expectTypeOf(s.weight).toEqualTypeOf<string>();
    } else {
      expectTypeOf(s.code).toEqualTypeOf<'missing-weight' | 'invalid-weight' | 'not-scorable'>();
    }
    expect(s.ok && s.printed).toBe('8.33');
    expectTypeOf(budgetExecutionScore).returns.toEqualTypeOf<ScoreResult>();
  });

  it('parseReport: the report or findings, never a ZodError', () => {
    const p = parseReport({ indicators: [{ target: true }] });
    expectTypeOf(p).toEqualTypeOf<ParseReportResult>();
    expectTypeOf(parseReport).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(p.findings).toEqualTypeOf<Finding[]>();
    if (p.ok) {
      expectTypeOf(p.report).toEqualTypeOf<Parameters<typeof validateReport>[0]>();
    } else {
      expectTypeOf(p.report).toEqualTypeOf<null>();
    }
    expect(p.ok).toBe(false);
    expect(p.findings.every((f) => f.code === 'invalid-report')).toBe(true);
  });

  it('parseScoringProfile', () => {
    const p = parseScoringProfile({});
    if (p.ok) expectTypeOf(p.profile.lowerIsBetter).toEqualTypeOf<'ratio' | 'linear-deficit'>();
    else expectTypeOf(p.message.en).toEqualTypeOf<string>();
    // The examples are real: an empty profile is the default, a wrong field is refused.
    expect(p.ok && p.profile.lowerIsBetter).toBe('ratio');
    const wrong = parseScoringProfile({ lowerIsBetter: 'x' } as never);
    expect(wrong.ok ? null : wrong.message.en).toContain('lowerIsBetter');
  });
});

describe('figures are strings', () => {
  it('deviation, rates, scores and totals are decimal strings or null', () => {
    expectTypeOf<Deviation>().toEqualTypeOf<{
      readonly relative: string | null;
      readonly absolute: string | null;
      readonly printed: string | null;
      readonly unit: string | null;
    }>();
    expectTypeOf<Evaluation['achievement']>().toEqualTypeOf<string | null>();
    expectTypeOf<Quantity['value']>().toEqualTypeOf<string>();
    expectTypeOf<BudgetLineFigures['executionRate']>().toEqualTypeOf<string | null>();
    expectTypeOf<BudgetLineFigures['executionRateExact']>().toEqualTypeOf<string | null>();
    expectTypeOf<BudgetLineFigures['variance']>().toEqualTypeOf<string | null>();
    expectTypeOf<
      IndicatorFigures['deviation' | 'deviationRelative' | 'deviationAbsolute' | 'achievement' | 'score']
    >().toEqualTypeOf<string | null>();
    expectTypeOf<ValidationResult['totalScore']>().toEqualTypeOf<string | null>();
    expectTypeOf<ValidationResult['grade']>().toEqualTypeOf<string | null>();
    expectTypeOf<CrossCheck['recomputed' | 'recomputedExact']>().toEqualTypeOf<string | null>();
    expectTypeOf<Finding['published']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Finding['recomputed']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(convertUnit).returns.toEqualTypeOf<string | null>();
    expectTypeOf(gradeOf).returns.toEqualTypeOf<string | null>();
    expectTypeOf(formatQuantity).returns.toEqualTypeOf<string>();

    const e = evaluateIndicator({ target: '=100%', actual: '93.74%' });
    expect(e.deviation).toEqual({ relative: '-6.26', absolute: '-6.26', printed: '-6.26%', unit: '%' });
  });

  it('inputs are figures as printed: strings or numbers, never booleans or Decimals', () => {
    expect(executionRate({ adjusted: 321.19, actual: '430.93' }).ok).toBe(true);
    expect(evaluateIndicator({ target: 90, actual: '99%', name: '满意度' }).status).toBe('met');
    const wrong = (d: Decimal) => {
      // @ts-expect-error: a boolean is not a figure
      executionRate({ adjusted: true, actual: '1' });
      // @ts-expect-error: a Decimal is not a figure (pass d.toString())
      executionRate({ adjusted: d, actual: '1' });
    };
    expect(typeof wrong).toBe('function');
  });
});

describe('statuses, codes and options are literal unions', () => {
  it('evaluateIndicator(...).status is the five statuses', () => {
    const status = evaluateIndicator({ target: '≥90%', actual: '99%' }).status;
    expectTypeOf(status).toEqualTypeOf<IndicatorStatus>();
    expectTypeOf<IndicatorStatus>().toEqualTypeOf<
      'met' | 'not-met' | 'needs-judgement' | 'not-reported' | 'unparsable'
    >();
    expect(status).toBe('met');
  });

  it('severities, rounding modes, grade comparisons', () => {
    expectTypeOf<Severity>().toEqualTypeOf<'error' | 'warning' | 'info'>();
    expectTypeOf<RoundingMode>().toEqualTypeOf<'half-up' | 'half-even' | 'truncate'>();
    expectTypeOf(compareGrades).returns.toEqualTypeOf<'met' | 'not-met' | 'needs-judgement'>();
    expectTypeOf(declaredOutcome).returns.toEqualTypeOf<'achieved' | 'partial' | 'not-achieved' | null>();
    expectTypeOf(commonIndicatorOf('预算执行率')).toEqualTypeOf<
      'execution-rate' | 'adjustment-rate' | 'staff-control-rate' | 'carryover-rate' | null
    >();
    expectTypeOf<Target['kind']>().toEqualTypeOf<'comparison' | 'range' | 'qualitative'>();
  });

  it('every finding code of DESIGN §3 is a FindingCode', () => {
    expectTypeOf<
      | 'invalid-report'
      | 'unparsable-target'
      | 'unparsable-value'
      | 'budget-adjusted-mismatch'
      | 'budget-sum-mismatch'
      | 'execution-rate-mismatch'
      | 'execution-rate-undefined'
      | 'overspend'
      | 'deviation-mismatch'
      | 'deviation-undefined'
      | 'target-not-met'
      | 'reason-missing'
      | 'unit-mismatch'
      | 'implicit-operator'
      | 'cross-check-mismatch'
      | 'score-mismatch'
      | 'score-out-of-band'
      | 'total-score-mismatch'
      | 'grade-mismatch'
    >().toExtend<FindingCode>();
    expectTypeOf<FindingCode>().toExtend<string>();
  });
});

describe('results are read-only data', () => {
  it('a result cannot be written to', () => {
    const result = validateReport({ indicators: [{ name: '满意率', target: '≥95%', actual: '100%' }] });
    const mutate = () => {
      // @ts-expect-error: readonly
      result.totalScore = '100';
      // @ts-expect-error: readonly array
      result.findings.push(result.findings[0] as Finding);
      // @ts-expect-error: readonly
      result.indicators[0].status = 'met';
    };
    expect(typeof mutate).toBe('function');
    expect(result.indicators[0]?.deviation).toBe('5.26%');
  });
});

describe('no Decimal and no zod type crosses the public API', () => {
  it('results and parameters of every function of outturn', () => {
    expectTypeOf<FunctionLeaks<typeof executionRate>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof adjustmentRate>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof checkBudget>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof staffControlRate>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof carryoverRate>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof evaluateIndicator>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof parseQuantity>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof parseTarget>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof matchesPrinted>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof scoreIndicator>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof budgetExecutionScore>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof parseScoringProfile>>().toEqualTypeOf<false>();
    expectTypeOf<FunctionLeaks<typeof validateReport>>().toEqualTypeOf<false>();
  });

  it('parseReport of outturn/schema', () => {
    expectTypeOf<FunctionLeaks<typeof parseReport>>().toEqualTypeOf<false>();
    expectTypeOf<Leaks<ParseReportResult>>().toEqualTypeOf<false>();
  });

  it('a Decimal has none of the keys of a result', () => {
    expectTypeOf<RateResult>().not.toHaveProperty('toFixed');
    expectTypeOf<Deviation>().not.toHaveProperty('toFixed');
    expectTypeOf<Extract<RateResult, { ok: true }>['exact']>().not.toEqualTypeOf<Decimal>();
  });
});
