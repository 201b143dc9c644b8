import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isWellFormedReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import { describe, expect, it } from 'vitest';

const examples = [
  new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url),
  ...readdirSync(new URL('../examples/reports/', import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .map((f) => new URL(`../examples/reports/${f}`, import.meta.url)),
];

/** Report-shaped values with every field sometimes of a wrong type. */
const figure = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.constant(undefined),
);
const line: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  line: fc.record(
    {
      name: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
      initial: figure,
      adjusted: figure,
      actual: figure,
      weight: figure,
      published: fc.oneof(fc.record({ executionRate: figure, score: figure }), fc.string()),
      children: fc.oneof(fc.array(tie('line'), { maxLength: 2 }), fc.string()),
    },
    { requiredKeys: [] },
  ),
})).line;
const indicator = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null)),
    target: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.double(),
      fc.record({ operator: fc.string(), value: figure }),
    ),
    actual: figure,
    unit: figure,
    weight: figure,
    reason: figure,
    path: fc.oneof(fc.array(fc.string({ maxLength: 3 })), fc.array(fc.integer())),
    published: fc.oneof(fc.record({ deviation: figure, score: figure }), fc.integer()),
  },
  { requiredKeys: [] },
);
const reportLike = fc.record(
  {
    kind: fc.oneof(fc.constantFrom('department', 'project', 'other'), fc.integer()),
    title: fc.oneof(fc.string(), fc.integer()),
    year: fc.oneof(fc.integer(), fc.double(), fc.string()),
    amountUnit: fc.constantFrom('元', '万元', '亿元', '萬元', '億元', 'USD'),
    budget: fc.oneof(fc.array(line, { maxLength: 3 }), fc.string()),
    indicators: fc.oneof(fc.array(indicator, { maxLength: 3 }), fc.integer()),
    staffing: fc.oneof(fc.record({ authorized: figure, actual: figure }), fc.string()),
    published: fc.oneof(fc.record({ totalScore: figure, grade: figure }), fc.string()),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** The JSON a file would hold: undefined values vanish, as JSON.parse gives them. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('isWellFormedReport (the CLI fast path)', () => {
  it.each(examples.map((u) => [u.pathname.split('/').pop(), u] as const))('accepts %s', (_, url) => {
    const json = JSON.parse(readFileSync(url, 'utf8'));
    expect(isWellFormedReport(json)).toBe(true);
  });

  it('never accepts what parseReport would not accept cleanly', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(reportLike, fc.jsonValue()), (v) => {
        const json = asJson(v);
        if (!isWellFormedReport(json)) return;
        accepted += 1;
        const r = parseReport(json);
        expect(r.ok).toBe(true);
        expect(r.findings).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    // The property must have been exercised on accepted values, not vacuously.
    expect(accepted).toBeGreaterThan(50);
  });

  it('defers reports with prototype keys or deep nesting to the full schema', () => {
    expect(isWellFormedReport(JSON.parse('{"indicators":[],"__proto__":{"x":1}}'))).toBe(false);
    expect(isWellFormedReport(JSON.parse('{"budget":[{"name":"a","constructor":1}]}'))).toBe(false);
    let deep: Record<string, unknown> = { name: 'leaf' };
    for (let i = 0; i < 300; i += 1) deep = { name: `n${i}`, children: [deep] };
    expect(isWellFormedReport({ budget: [deep] })).toBe(false);
    expect(isWellFormedReport([])).toBe(false);
    expect(isWellFormedReport({ year: 2023.5 })).toBe(false);
  });
});
