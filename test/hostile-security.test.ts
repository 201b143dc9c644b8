/**
 * Issue 8, security: prototype keys and prototype member names, formula-like cells, regular
 * expressions that backtrack, and values of the wrong type that must be reported, not read.
 *
 * What the CLI renderers write from such cells (Markdown that no spreadsheet runs as a formula)
 * is tested in cli/test/render-security.test.ts: the library's tests do not import the CLI.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type { Report } from 'outturn';
import {
  compareGrades,
  declaredOutcome,
  evaluateIndicator,
  parseQuantity,
  parseTarget,
  validateReport,
} from 'outturn';
import { parseReport } from 'outturn/schema';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/hostile/${name}`, import.meta.url), 'utf8');

const DANGEROUS = new Set(['__proto__', 'constructor', 'prototype']);
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'kind', 'indicators', 'adjusted', 'actual', 'operator', 'grade', 'reason']) {
    expect(probe[k], k).toBeUndefined();
  }
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

// ---------------------------------------------------------------------------------------------
// Prototype keys in report JSON

describe('__proto__, constructor and prototype keys in report JSON', () => {
  const text = fixture('prototype-keys.json');
  const withKeys = (): Report => JSON.parse(text) as Report;
  const withoutKeys = (): Report =>
    JSON.parse(text, (key, value: unknown) => (DANGEROUS.has(key) ? undefined : value)) as Report;

  it('JSON.parse gives own keys (the payload is real) and the clean twin has none', () => {
    expect(Object.hasOwn(withKeys(), '__proto__')).toBe(true);
    expect(JSON.stringify(withoutKeys())).not.toMatch(/__proto__|constructor|prototype"/);
  });

  it('validateReport without parseReport: no prototype changes, the same result as without the keys', () => {
    const result = validateReport(withKeys());
    expectNoPollution();
    expect(result).toEqual(validateReport(withoutKeys()));
    expect(result.indicators.map((i) => i.name)).toEqual(['满意度', '预算执行率']);
  });

  it('parseReport then validateReport: the same report and result as without the keys', () => {
    const a = parseReport(withKeys());
    const b = parseReport(withoutKeys());
    expectNoPollution();
    expect(a).toEqual(b);
    if (!a.ok || !b.ok) throw new Error('the payload is a valid report');
    expect(validateReport(a.report)).toEqual(validateReport(b.report));
  });

  it('a budget line or a row whose only "content" hides behind __proto__ stays empty', () => {
    const json = JSON.parse('{"budget":[{"__proto__":{"name":"x","adjusted":"1","actual":"2"}}]}') as Report;
    const result = validateReport(json);
    expect(result.budget).toHaveLength(1);
    expect(result.budget[0]).toMatchObject({ name: '', executionRate: null, overspend: false });
    expectNoPollution();
  });
});

// ---------------------------------------------------------------------------------------------
// Names of Object.prototype members as values

const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

describe('names of Object.prototype members as cell values are text', () => {
  it.each(PROTOTYPE_WORDS)('operator cell %j is not a comparator', (op) => {
    const r = parseTarget({ operator: op, value: '5' });
    expect(r.ok ? r.target : r.code).toBe('unparsable-target');
  });

  it.each(PROTOTYPE_WORDS)('evaluateIndicator with operator cell %j does not throw', (op) => {
    const ev = evaluateIndicator({ target: { operator: op, value: '5' }, actual: '6' });
    expect(ev.status).toBe('unparsable');
  });

  it('validateReport of a report with such values does not throw', () => {
    const report = JSON.parse(fixture('prototype-values.json')) as Report;
    const result = validateReport(report);
    const codes = (i: number) =>
      result.findings.filter((f) => f.path[1] === i && f.path[0] === 'indicators').map((f) => f.code);
    expect(codes(0)).toContain('unparsable-target');
    expect(codes(1)).toContain('unparsable-target');
    expect(result.findings.some((f) => f.code === 'grade-mismatch')).toBe(true);
  });

  it.each(PROTOTYPE_WORDS)('a qualitative actual %j needs judgement, never "not met"', (word) => {
    expect(compareGrades('健全', word)).toBe('needs-judgement');
    expect(declaredOutcome(word)).toBeNull();
    expect(evaluateIndicator({ target: '健全', actual: word }).status).toBe('needs-judgement');
  });

  /**
   * As a unit, each word is read as text by the rule for any unknown unit: a run of at most 8
   * Latin letters is a unit that compares only with itself, anything longer (or with `_`) is
   * not a unit. So `toString` and `valueOf` are units, the other four are not, exactly like a
   * word of x's of the same length.
   */
  it.each<[string, boolean]>([
    ['__proto__', false],
    ['constructor', false],
    ['prototype', false],
    ['toString', true],
    ['valueOf', true],
    ['hasOwnProperty', false],
  ])('as a unit, a target, a name: read as text (%j, a unit: %s)', (word, isUnit) => {
    const q = parseQuantity(`5${word}`);
    expect(q).toEqual(
      isUnit
        ? { ok: true, quantity: { value: '5', decimals: 0, unit: word, moreThan: false, text: `5${word}` } }
        : expect.objectContaining({ ok: false, code: 'unparsable-value', text: `5${word}` }),
    );
    expect(parseQuantity(`5${'x'.repeat(word.length)}`).ok).toBe(isUnit);
    expect(parseTarget(word)).toEqual({
      ok: true,
      target: { kind: 'qualitative', expected: word, text: word },
    });
    const ev = evaluateIndicator({ target: '≥1', actual: '2', unit: word, name: word });
    expect([ev.status, ev.note?.code ?? null, ev.deviation?.unit ?? null]).toEqual(
      isUnit ? ['met', null, word] : ['unparsable', 'unparsable-target', null],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Formula-like cells

/**
 * Formula-like text as spreadsheets read it: starts with = + - @ (or a tab or CR before one).
 * `=100%` is a target notation of real reports (equal to 100%), so `=1` alone is not here.
 */
const FORMULA_CELLS = ['=SUM(A1)', '+cmd', '@x', '-1+2', '=1+1', '@SUM(1,2)', '\t+cmd', '\r@A1', '-cmd'];

describe('formula-like cells are text, never computed', () => {
  it.each(FORMULA_CELLS)('%j is not a quantity', (cell) => {
    expect(parseQuantity(cell).ok).toBe(false);
  });

  /**
   * What each cell is as a target and as an actual: without a digit it is text, a qualitative
   * target (`+cmd` like 健全; a leading tab is trimmed) and an actual that needs judgement
   * against ≥1; with a digit it is a number that cannot be read, unparsable both ways.
   */
  const FORMULA_OUTCOMES: readonly (readonly [string, string, string])[] = [
    ['=SUM(A1)', 'unparsable-target', 'unparsable'],
    ['+cmd', 'qualitative +cmd', 'needs-judgement'],
    ['@x', 'qualitative @x', 'needs-judgement'],
    ['-1+2', 'unparsable-target', 'unparsable'],
    ['=1+1', 'unparsable-target', 'unparsable'],
    ['@SUM(1,2)', 'unparsable-target', 'unparsable'],
    ['\t+cmd', 'qualitative +cmd', 'needs-judgement'],
    ['\r@A1', 'unparsable-target', 'unparsable'],
    ['-cmd', 'qualitative -cmd', 'needs-judgement'],
  ];

  it('the outcome table covers every formula-like cell', () => {
    expect(FORMULA_OUTCOMES.map(([cell]) => cell)).toEqual(FORMULA_CELLS);
  });

  it.each(FORMULA_OUTCOMES)('%j as a target is text or unreadable, never a number (%s)', (cell, target) => {
    const r = parseTarget(cell);
    const got = r.ok
      ? `${r.target?.kind} ${r.target?.kind === 'qualitative' ? r.target.expected : ''}`
      : r.code;
    expect(got).toBe(target);
  });

  it.each(FORMULA_OUTCOMES)('%j as an actual is never read as a figure (%s, %s)', (cell, _, status) => {
    const ev = evaluateIndicator({ target: '≥1', actual: cell });
    expect(ev.status).toBe(status);
    expect(ev.actual).toBeNull();
    expect(ev.deviation).toBeNull();
  });

  it('a report of formula-like cells gives findings, not figures', () => {
    const report = JSON.parse(fixture('formula-cells.json')) as Report;
    const parsed = parseReport(report);
    expect(parsed.ok).toBe(true);
    const result = validateReport(report);
    expect(result.budget[0]).toMatchObject({ executionRate: null, variance: null });
    // `+cmd` against `+cmd` is equal text: met, as text, like 健全 against 健全.
    expect(result.indicators.map((i) => i.status)).toEqual([
      'unparsable',
      'met',
      'needs-judgement',
      'unparsable',
      'needs-judgement',
    ]);
    expect(result.indicators.map((i) => i.deviation)).toEqual([null, '0%', null, null, null]);
  });
});

// ---------------------------------------------------------------------------------------------
// Regular expressions

describe('regular expressions of src/ do not backtrack (eslint-plugin-regexp, eslint.config.js)', () => {
  it('regexp/no-super-linear-backtracking and regexp/no-super-linear-move report nothing', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['src']);
    const slow = results.flatMap((r) =>
      r.messages
        .filter(
          (m) =>
            m.ruleId === 'regexp/no-super-linear-backtracking' || m.ruleId === 'regexp/no-super-linear-move',
        )
        .map((m) => `${r.filePath.slice(ROOT.length)}:${m.line}:${m.column} ${m.message}`),
    );
    expect(slow).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Values of the wrong type: reported, never read as something else, never a throw

describe('values of the wrong type are reported, not read (validateReport without parseReport)', () => {
  it.each<[string, unknown]>([
    ['an object', {}],
    ['a boolean', true],
    ['a list', ['90%']],
    ['an object without prototype', Object.create(null)],
  ])('published.executionRate as %s: no throw, a finding at its path', (_, rate) => {
    const report = {
      budget: [{ name: 'b', adjusted: '100', actual: '90', published: { executionRate: rate } }],
    };
    const result = validateReport(report as unknown as Report);
    expect(result.findings.map((f) => f.path.join('.'))).toContain('budget.0.published.executionRate');
    const zero = { budget: [{ name: 'b', adjusted: '0', actual: '0', published: { executionRate: rate } }] };
    expect(() => validateReport(zero as unknown as Report)).not.toThrow();
  });

  it.each<[string, string]>([
    ['adjusted', 'budget.0.adjusted'],
    ['initial', 'budget.0.initial'],
  ])('an amount (%s) that is an object without prototype: no throw', (column, path) => {
    const report = {
      budget: [{ name: 'b', adjusted: '100', actual: '90', [column]: Object.create(null) }],
    };
    const result = validateReport(report as unknown as Report);
    expect(result.findings.map((f) => f.path.join('.'))).toContain(path);
  });

  it.each<[string, unknown]>([
    ['a list', ['95']],
    ['a boolean', true],
    ['an object', { n: 95 }],
    ['an object without prototype', Object.create(null)],
  ])('target cells whose value is %s: invalid-report, not read as text', (_, value) => {
    const report = { indicators: [{ name: 'i', target: { operator: '≥', value }, actual: '96' }] };
    const result = validateReport(report as unknown as Report);
    expect(result.findings.map((f) => [f.code, f.path.slice(0, 3).join('.')])).toContainEqual([
      'invalid-report',
      'indicators.0.target',
    ]);
    expect(result.indicators[0]?.status ?? 'not evaluated').not.toBe('met');
  });

  it('target cells whose operator is not a string: invalid-report, not an implicit ≥', () => {
    const report = { indicators: [{ name: 'i', target: { operator: 5, value: '95' }, actual: '96' }] };
    const result = validateReport(report as unknown as Report);
    expect(result.findings.map((f) => [f.code, f.path.slice(0, 3).join('.')])).toContainEqual([
      'invalid-report',
      'indicators.0.target',
    ]);
  });
});
