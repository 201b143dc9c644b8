/**
 * Issue 8, property-based tests (fast-check): parseQuantity, parseTarget, evaluateIndicator,
 * parseReport and validateReport on arbitrary strings and arbitrary JSON values.
 *
 * For every input: no throw (a TypeError only for programmer errors: arguments of the wrong
 * JS type), the same output twice, no NaN / Infinity anywhere in the output, figures as plain
 * decimal strings, deep-frozen inputs left as they were (also compared with a structuredClone),
 * Object.prototype untouched. Laws: a printed quantity parses back to itself; a report checked
 * twice gives the same findings; a report parseReport accepts is checked by validateReport
 * without a throw, and survives a JSON round trip unchanged.
 *
 * Each property runs RUNS (2,000) generated cases or more; see docs/reliability.md. The
 * property of the CLI renderers on the same reports is in cli/test/render-properties.test.ts.
 */
import fc from 'fast-check';
import type { Report } from 'outturn';
import {
  DEFAULT_SEVERITY,
  type EvaluateOptions,
  evaluateIndicator,
  type Finding,
  formatQuantity,
  type IndicatorInput,
  parseQuantity,
  parseTarget,
  type Quantity,
  SEVERITIES,
  type TargetContext,
  validateReport,
} from 'outturn';
import { parseReport } from 'outturn/schema';
import { describe, expect, it } from 'vitest';
import {
  anyString,
  domainString,
  EXACT,
  expectClean,
  goodReport,
  PROTOTYPE_WORDS,
} from './support/properties.js';

/** Generated cases per property: "thousands" (issue 8). */
const RUNS = 2000;

// ---------------------------------------------------------------------------------------------
// Checks shared by every property

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * Calls `f` on a deep-frozen `input` and checks what every property of this file checks.
 * `figures: false` for outputs that copy the input (parseReport), whose fields are not ours.
 */
function checkCall<T>(input: unknown, f: (frozen: never) => T, figures = true): T {
  const before = structuredClone(input);
  deepFreeze(input);
  const first = f(input as never);
  const second = f(input as never);
  expect(second).toEqual(first); // deterministic
  expect(input).toEqual(before); // not mutated (a write to a frozen object would also throw)
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expectClean(first, input, figures);
  return first;
}

function expectQuantity(q: Quantity): void {
  expect(q.value).toMatch(EXACT);
  expect(Number.isInteger(q.decimals) && q.decimals >= 0).toBe(true);
  expect(q.decimals).toBe(q.value.includes('.') ? q.value.length - q.value.indexOf('.') - 1 : 0);
  expect(q.unit === null || (typeof q.unit === 'string' && q.unit !== '')).toBe(true);
  expect(typeof q.moreThan).toBe('boolean');
  expect(typeof q.text).toBe('string');
}

const COMPARATORS = ['>=', '<=', '=', '>', '<'];

function expectMessages(m: { en: unknown; zh: unknown }): void {
  expect(typeof m.en).toBe('string');
  expect(typeof m.zh).toBe('string');
  expect((m.en as string).length).toBeGreaterThan(0);
  expect((m.zh as string).length).toBeGreaterThan(0);
}

function expectFindings(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(Object.hasOwn(DEFAULT_SEVERITY, f.code), f.code).toBe(true);
    expect(SEVERITIES).toContain(f.severity);
    expect(Array.isArray(f.path)).toBe(true);
    for (const p of f.path) {
      expect(typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0)).toBe(true);
    }
    expectMessages(f.message);
    if (f.published !== undefined) expect(typeof f.published).toBe('string');
    if (f.recomputed !== undefined) expect(typeof f.recomputed).toBe('string');
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Any JS number: NaN, ±Infinity, -0, tiny and huge doubles, integers. */
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 1e21, 5e-324, Number.MAX_VALUE));

/** A cell as a report may print it: text or a number (not always finite). */
const cell = fc.oneof({ weight: 3, arbitrary: anyString }, { weight: 1, arbitrary: anyNumber });

/** Target printed in two cells, operator and value. */
const targetCells = fc.record({
  operator: fc.oneof(anyString, fc.constantFrom('正向', '反向', '≥', '≤', ...PROTOTYPE_WORDS)),
  value: cell,
});

/** What a JSON file can put where a figure belongs, right or wrong. */
const wrongType = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'value', 'operator', '__proto__'), fc.string({ maxLength: 4 }), {
    maxKeys: 2,
  }),
);

/** A field of a report-shaped object: usually a plausible cell, sometimes the wrong type. */
const field = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 1, arbitrary: wrongType });

const published = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      {
        executionRate: field,
        score: field,
        variance: field,
        deviation: field,
        totalScore: field,
        grade: field,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: wrongType },
);

const lineFields = {
  name: field,
  initial: field,
  adjustment: field,
  adjusted: field,
  actual: field,
  carryover: field,
  weight: field,
  published,
};
const leafLine = fc.record(lineFields, { requiredKeys: [] });
const midLine = fc.record(
  { ...lineFields, children: fc.oneof(fc.array(leafLine, { maxLength: 3 }), wrongType) },
  { requiredKeys: [] },
);
const budgetLine = fc.record(
  { ...lineFields, children: fc.oneof(fc.array(midLine, { maxLength: 3 }), wrongType) },
  { requiredKeys: [] },
);

const indicatorRow = fc.record(
  {
    path: fc.oneof(fc.array(anyString, { maxLength: 2 }), wrongType),
    name: fc.oneof(anyString, wrongType),
    target: fc.oneof(
      { weight: 4, arbitrary: cell },
      { weight: 2, arbitrary: targetCells },
      { weight: 1, arbitrary: wrongType },
    ),
    actual: field,
    unit: fc.oneof(anyString, fc.constant(null), wrongType),
    weight: field,
    source: field,
    reason: fc.oneof(anyString, wrongType),
    published,
  },
  { requiredKeys: [] },
);

/** A report-shaped object with a wrong type possible in every field (no parseReport first). */
const wildReport = fc.record(
  {
    kind: fc.oneof(fc.constantFrom('department', 'project'), field),
    title: field,
    entity: field,
    year: fc.oneof(fc.integer({ min: 1990, max: 2100 }), field),
    amountUnit: fc.oneof(fc.constantFrom('元', '万元', '亿元', '萬元'), field),
    budget: fc.oneof(
      { weight: 4, arbitrary: fc.array(budgetLine, { maxLength: 3 }) },
      { weight: 1, arbitrary: wrongType },
    ),
    indicators: fc.oneof(
      { weight: 4, arbitrary: fc.array(indicatorRow, { maxLength: 6 }) },
      { weight: 1, arbitrary: wrongType },
    ),
    staffing: fc.oneof(fc.record({ authorized: field, actual: field }, { requiredKeys: [] }), wrongType),
    published,
  },
  { requiredKeys: [] },
);

/** Values that are not what a function accepts: programmer errors. */
const notStringOrNumber = fc
  .anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true })
  .filter((v) => typeof v !== 'string' && typeof v !== 'number');

// ---------------------------------------------------------------------------------------------
// parseQuantity

describe('parseQuantity on arbitrary input', () => {
  it('never throws, is deterministic, gives plain decimals and no NaN or Infinity', () => {
    fc.assert(
      fc.property(cell, (input) => {
        const r = checkCall(input, (x: string | number) => parseQuantity(x));
        if (!r.ok) expect(r.code).toBe('unparsable-value');
        if (r.ok && r.quantity !== null) {
          expectQuantity(r.quantity);
          expect(r.quantity.text).toBe(typeof input === 'number' ? String(input) : input);
        }
        if (!r.ok) expectMessages(r.message);
        // A finite number parses, unless it has more digits than outturn holds exactly (5e-324).
        if (typeof input === 'number' && !Number.isFinite(input)) expect(r.ok).toBe(false);
        if (typeof input === 'number' && Number.isFinite(input) && !r.ok) {
          expect(r.message.en).toContain('more than 50 digits');
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('law: the printed form of a parsed quantity parses back to it', () => {
    fc.assert(
      fc.property(domainString, (text) => {
        const r = parseQuantity(text);
        fc.pre(r.ok && r.quantity !== null);
        if (!r.ok || r.quantity === null) return;
        const printed = formatQuantity(r.quantity);
        expect(parseQuantity(printed)).toEqual({ ok: true, quantity: { ...r.quantity, text: printed } });
      }),
      { numRuns: RUNS },
    );
  });

  it('throws a TypeError, and only that, for a value that is neither a string nor a number', () => {
    fc.assert(
      fc.property(notStringOrNumber, (v) => {
        expect(() => parseQuantity(v as never)).toThrow(TypeError);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// parseTarget

const context: fc.Arbitrary<TargetContext> = fc.record(
  { name: anyString, unit: fc.oneof(anyString, fc.constant(null), fc.constant(undefined)) },
  { requiredKeys: [] },
);

describe('parseTarget on arbitrary input', () => {
  it('never throws, is deterministic, gives comparators of the five and plain decimals', () => {
    fc.assert(
      fc.property(fc.oneof(cell, targetCells), context, (input, ctx) => {
        const r = checkCall({ input, ctx }, (x: { input: string; ctx: TargetContext }) =>
          parseTarget(x.input, x.ctx),
        );
        if (!r.ok) {
          expect(r.code).toBe('unparsable-target');
          expectMessages(r.message);
          return;
        }
        const t = r.target;
        if (t === null) return;
        expect(typeof t.text).toBe('string');
        if (t.kind === 'comparison') {
          expect(COMPARATORS).toContain(t.operator);
          expectQuantity(t.value);
          expect(typeof t.implicit).toBe('boolean');
        } else if (t.kind === 'range') {
          expectQuantity(t.min);
          expectQuantity(t.max);
          expect(t.min.unit).toBe(t.max.unit);
        } else {
          expect(t.kind).toBe('qualitative');
          expect(typeof t.expected).toBe('string');
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('throws a TypeError for a target that is not a string, a number or an object', () => {
    const notTarget = fc.oneof(
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.bigInt(),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.string().map((s) => Symbol(s)),
    );
    fc.assert(
      fc.property(notTarget, (v) => {
        expect(() => parseTarget(v as never)).toThrow(TypeError);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// evaluateIndicator

const STATUSES = ['met', 'not-met', 'needs-judgement', 'not-reported', 'unparsable'];
const NOTE_CODES = [
  'unparsable-target',
  'unparsable-value',
  'unit-mismatch',
  'target-not-reported',
  'actual-not-reported',
  'unknown-grade',
  'approximate-actual',
  'qualitative-actual',
  'numeric-actual',
  'unit-reading',
  'implicit-direction',
];

const indicatorInput: fc.Arbitrary<IndicatorInput> = fc.record(
  {
    target: fc.oneof(
      { weight: 4, arbitrary: cell },
      { weight: 2, arbitrary: targetCells },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    actual: fc.oneof({ weight: 5, arbitrary: cell }, { weight: 1, arbitrary: fc.constant(null) }),
    unit: fc.oneof(anyString, fc.constant(null)),
    name: anyString,
  },
  { requiredKeys: ['target'] },
);

const evaluateOptions: fc.Arbitrary<EvaluateOptions> = fc.record(
  {
    deviationBasis: fc.constantFrom('relative', 'absolute'),
    metInequality: fc.constantFrom('signed', 'zero'),
    decimals: fc.integer({ min: 0, max: 6 }),
    rounding: fc.constantFrom('half-up', 'half-even', 'truncate'),
  },
  { requiredKeys: [] },
);

describe('evaluateIndicator on arbitrary rows', () => {
  it('never throws, is deterministic, gives a status, plain decimals and no NaN or Infinity', () => {
    fc.assert(
      fc.property(indicatorInput, evaluateOptions, (input, options) => {
        const ev = checkCall({ input, options }, (x: { input: IndicatorInput; options: EvaluateOptions }) =>
          evaluateIndicator(x.input, x.options),
        );
        expect(STATUSES).toContain(ev.status);
        if (ev.note !== null) {
          expect(NOTE_CODES).toContain(ev.note.code);
          expectMessages(ev.note.message);
        }
        if (ev.actual !== null) expectQuantity(ev.actual);
        if (ev.actualOperator !== null) expect(COMPARATORS).toContain(ev.actualOperator);
        if (ev.target?.kind === 'comparison') expect(COMPARATORS).toContain(ev.target.operator);
        if (ev.status === 'met' || ev.status === 'not-met') expect(ev.target).not.toBeNull();
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('throws a TypeError for a row that is not an object', () => {
    fc.assert(
      fc.property(fc.oneof(cell, fc.boolean(), fc.constant(null), fc.constant(undefined)), (v) => {
        expect(() => evaluateIndicator(v as never)).toThrow(TypeError);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// parseReport and validateReport

describe('parseReport on arbitrary values (complements test/schema.test.ts)', () => {
  const anyInput = fc.oneof(
    fc.jsonValue(),
    fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withSparseArray: true }),
    wildReport,
  );

  it('is deterministic, leaves frozen input and every prototype alone, and accepted reports check cleanly', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = checkCall(input, (x: unknown) => parseReport(x), false);
        expect(r.ok).toBe(r.findings.length === 0);
        expectFindings(r.findings);
        for (const f of r.findings) expect(f.code).toBe('invalid-report');
        if (r.ok) {
          // validateReport(parseReport(x).report) never throws when ok.
          const result = checkCall(r.report, (report: Report) => validateReport(report));
          expectFindings(result.findings);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('law: an accepted report survives a JSON round trip, and is checked twice with the same findings', () => {
    fc.assert(
      fc.property(goodReport, (json) => {
        const r = parseReport(json);
        fc.pre(r.ok);
        if (!r.ok) return;
        const again = parseReport(JSON.parse(JSON.stringify(r.report)));
        // JSON text, not toEqual: JSON has no -0, and 0 and -0 are one figure.
        expect(JSON.stringify(again.ok && again.report)).toBe(JSON.stringify(r.report));
        const result = checkCall(r.report, (report: Report) => validateReport(report));
        expect(validateReport(structuredClone(r.report)).findings).toEqual(result.findings);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('validateReport on report-shaped values with a wrong type possible in every field', () => {
  it('never throws, is deterministic, gives well-formed findings and figures, mutates nothing', () => {
    fc.assert(
      fc.property(wildReport, (report) => {
        const result = checkCall(report, (x: Report) => validateReport(x));
        expectFindings(result.findings);
        const counts = { error: 0, warning: 0, info: 0 };
        for (const f of result.findings) counts[f.severity] += 1;
        expect(result.summary).toEqual(counts);
        for (const b of result.budget) expect(Number.isInteger(b.depth)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws for any JSON value or anything else as the report', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.anything({ withBoxedValues: true, withNullPrototype: true })),
        (v) => {
          const result = checkCall(v, (x: Report) => validateReport(x));
          expectFindings(result.findings);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('throws a TypeError when the options are not an object', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean()), (options) => {
        expect(() => validateReport({}, options as never)).toThrow(TypeError);
      }),
      { numRuns: RUNS },
    );
  });
});
