/**
 * Issue 8, sizes and shapes: megabyte cells, deep trees, huge reports and odd numbers.
 *
 * What is asserted is what each function gives on such input, and the memory it holds, never a
 * time: how the cost grows with the size of a cell (t(1 MB) / t(256 KB), about 4 for linear
 * code, 16 for quadratic code) is measured by the benchmark bench/growth.ts. A quadratic
 * regression would still not pass here unnoticed: on a 1 MB cell it runs for hours, far past
 * the test timeout. This file is in the `stress` project (vitest.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Evaluation, ParseQuantityResult, ValidationResult } from 'outturn';
import { evaluateIndicator, parseQuantity, parseTarget, validateReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MB, RUNS, SHAPES } from './fixtures/hostile/cells.js';
import { deepBudget } from './fixtures/hostile/memory-probe.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE_SOURCE = join(ROOT, 'test', 'fixtures', 'hostile', 'memory-probe.ts');

let dir = '';
let probe = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-memory-'));
  probe = join(dir, 'probe.mjs');
  // The probe and the current src/, bundled into one file: no dist/, no race with other builds.
  await build({
    entryPoints: [PROBE_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: probe,
    logLevel: 'silent',
  });
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Default heap, capped at 1.5 GB, with gc() for exact figures: the memory probes. */
const MEMORY_FLAGS = ['--max-old-space-size=1536', '--expose-gc'];

/** Runs the bundled probe in a child process with `flags`; one output line per result. */
function runProbe(job: object, flags: readonly string[]): string[] {
  const r = spawnSync(process.execPath, [...flags, probe, JSON.stringify(job)], {
    encoding: 'utf8',
    env: { ...process.env, OUTTURN_MEMORY_PROBE: '1' },
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`probe ${JSON.stringify(job)} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim().split('\n');
}

/** Why parseQuantity refused a text: its message without the quoted (echoed) text. */
function reason(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/^"…" is not a number with a unit: /, '');
}

/** What a function gave on a cell, in a few words: the outcome, not the echoed text. */
function outcome(fn: keyof typeof RUNS, cell: string): string {
  if (fn === 'parseQuantity') {
    const r = RUNS[fn](cell) as ParseQuantityResult;
    return r.ok ? `${r.quantity?.value}${r.quantity?.unit ?? ''}` : `${r.code}: ${reason(r.message.en)}`;
  }
  if (fn === 'validateReport (budget line)') {
    const r = RUNS[fn](cell) as ValidationResult;
    const findings = r.findings.map((f) => `${f.code} at ${f.path.join('.')}`).join(', ');
    const line = r.budget[0];
    const name = line?.name === cell ? 'name kept' : 'name changed';
    return `${findings}; ${name}; rate ${line?.executionRate ?? 'none'}`;
  }
  const ev = RUNS[fn](cell) as Evaluation;
  return ev.note === null ? ev.status : `${ev.status} (${ev.note.code})`;
}

/**
 * What a 1 MB cell gives. A cell of every shape but one is not a figure: more than 50 digits,
 * a list, digits and text, comparators or dashes alone; evaluateIndicator says which cell it
 * could not read, and validateReport reports the adjusted budget (the first amount it reads)
 * and keeps the name as given. Spaces between a number and its unit are dropped, so `1␠␠␠…%`
 * is 1%: met as a target against 5, and as an actual against ≥1; as an adjusted budget it is
 * not an amount (a percentage).
 */
const TOO_MANY_DIGITS = 'unparsable-value: more than 50 digits, more than outturn can hold exactly';
const NOT_A_UNIT = 'unparsable-value: "…" is not a unit';
const NO_NUMBER = 'unparsable-value: no number found';
const QUANTITY_AT_1_MB: Readonly<Record<string, string>> = {
  'digits 9999…': TOO_MANY_DIGITS,
  'grouped 1 234 567…': NOT_A_UNIT,
  'list 1,1,1,…': NOT_A_UNIT,
  'spaces 1␠␠␠…%': '1%',
  'units 1次次次…': NOT_A_UNIT,
  'comparators ≥≥≥…1': NO_NUMBER,
  'full-width １２３…％': TOO_MANY_DIGITS,
  'decimals 0.000…1': TOO_MANY_DIGITS,
  'dashes ———…1': NO_NUMBER,
  'ranges 1-1-1-…': NOT_A_UNIT,
};
const BUDGET_LINE = 'unparsable-value at budget.0.adjusted; name kept; rate none';

function expectedAt1MB(shape: string, fn: keyof typeof RUNS): string | undefined {
  const figure = shape === 'spaces 1␠␠␠…%';
  switch (fn) {
    case 'parseQuantity':
      return QUANTITY_AT_1_MB[shape];
    case 'evaluateIndicator (target)':
      // A bare target is read in its natural direction, and the note says so.
      return figure ? 'met (implicit-direction)' : 'unparsable (unparsable-target)';
    case 'evaluateIndicator (actual)':
      return figure ? 'met' : 'unparsable (unparsable-value)';
    case 'validateReport (budget line)':
      return BUDGET_LINE;
  }
}

describe('a 1 MB cell of every shape gives its documented outcome, the same as a 4 KB cell', () => {
  describe.each(Object.keys(SHAPES))('%s', (shape) => {
    const make = SHAPES[shape] as (n: number) => string;
    it.each(Object.keys(RUNS) as (keyof typeof RUNS)[])('%s', (fn) => {
      const cell = make(MB);
      expect(cell).toHaveLength(MB);
      expect(outcome(fn, cell)).toBe(expectedAt1MB(shape, fn));
      expect(outcome(fn, make(4096))).toBe(outcome(fn, cell));
    });
  });
});

describe('a budget tree 5,000 levels deep', () => {
  const depth = 5000;

  it('validateReport walks it without a stack overflow and gives every line', () => {
    const result = validateReport(deepBudget(depth));
    expect(result.budget).toHaveLength(depth + 1);
    expect(result.budget[depth]?.depth).toBe(depth);
    expect(result.budget[depth]?.executionRate).toBe('100.00%');
    expect(result.findings).toEqual([]);
  });

  it('parseReport stops at 200 path segments (budget line 99) with one finding, no overflow', () => {
    const parsed = parseReport(deepBudget(depth));
    expect(parsed.ok).toBe(false);
    expect(parsed.findings).toHaveLength(1);
    const [f] = parsed.findings;
    expect(f?.code).toBe('invalid-report');
    expect(f?.path).toHaveLength(200);
    expect(f?.path.slice(0, 4)).toEqual(['budget', 0, 'children', 0]);
    expect(f?.message.en).toMatch(/nested more than 200 levels deep\.$/);
    expect(f?.message.zh).toContain('嵌套超过 200 层');
  });

  it('parseReport accepts 99 levels, the deepest tree it takes', () => {
    expect(parseReport(deepBudget(98)).ok).toBe(true);
    expect(parseReport(deepBudget(99)).ok).toBe(false);
  });

  it('memory of validateReport at 5,000 levels (every line carries its full path: depth²)', () => {
    const [line] = runProbe({ depth }, MEMORY_FLAGS);
    const m = JSON.parse(line ?? '{}') as Record<string, number>;
    console.log(`5,000-level budget tree: ${JSON.stringify(m)}`);
    expect(m.lines).toBe(depth + 1);
    expect(m.rssMaxMB).toBeLessThan(1536);
  }, 120_000);
});

describe('100,000 indicators in one report', () => {
  it('complete with bounded memory (peak RSS < 1.5 GB; the child is capped at 1.5 GB of heap)', () => {
    const [line] = runProbe({ indicators: 100_000 }, MEMORY_FLAGS);
    const m = JSON.parse(line ?? '{}') as Record<string, number>;
    console.log(`100,000 indicators: ${JSON.stringify(m)}`);
    expect(m.indicators).toBe(100_000);
    expect(m.rssMaxMB).toBeLessThan(1536);
    expect(m.heapRetainedMB).toBeLessThan(1536);
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------
// Odd numbers: every one has a documented outcome (docs/reliability.md, "Odd numbers").

/** A compact outcome of parseQuantity: `value|decimals|unit`, `nothing` or the error code. */
function quantityOutcome(x: string | number): string {
  const r = parseQuantity(x);
  if (!r.ok) return r.code;
  if (r.quantity === null) return 'nothing';
  const q = r.quantity;
  return `${q.value}|${q.decimals}|${q.unit ?? ''}${q.moreThan ? '|more' : ''}`;
}

/** A compact outcome of parseTarget. */
function targetOutcome(x: string | number): string {
  const r = parseTarget(x);
  if (!r.ok) return r.code;
  const t = r.target;
  if (t === null) return 'nothing';
  if (t.kind === 'qualitative') return `qualitative ${t.expected}`;
  if (t.kind === 'range') return `range ${t.min.value}..${t.max.value}${t.max.unit ?? ''}`;
  return `${t.operator}${t.value.value}${t.value.unit ?? ''}${t.implicit ? ' implicit' : ''}`;
}

const SIXTY = '1'.repeat(60);

describe('odd numbers have documented outcomes', () => {
  it.each<[string | number, string, string]>([
    // JS numbers (what JSON.parse gives)
    [Number.POSITIVE_INFINITY, 'unparsable-value', 'unparsable-target'], // JSON 1e309
    [Number.NEGATIVE_INFINITY, 'unparsable-value', 'unparsable-target'], // JSON -1e309
    [Number.NaN, 'unparsable-value', 'unparsable-target'],
    // A bare zero target means none: ≤0 (conventions §6).
    [-0, '0|0|', '<=0 implicit'],
    [1e21, '1000000000000000000000|0|', '>=1000000000000000000000 implicit'],
    [1e-7, '0.0000001|7|', '>=0.0000001 implicit'],
    [0.1 + 0.2, '0.30000000000000004|17|', '>=0.30000000000000004 implicit'],
    [2 ** 53 + 2, '9007199254740994|0|', '>=9007199254740994 implicit'],
    // strings
    ['NaN', 'unparsable-value', 'qualitative NaN'],
    ['Infinity', 'unparsable-value', 'qualitative Infinity'],
    ['1e309', 'unparsable-value', 'unparsable-target'],
    ['-0', '0|0|', '<=0 implicit'],
    ['-0.00', '0.00|2|', '<=0.00 implicit'],
    ['(0)', '0|0|', '<=0 implicit'],
    ['1e3', 'unparsable-value', 'unparsable-target'],
    ['1E3', 'unparsable-value', 'unparsable-target'],
    ['1e+3', 'unparsable-value', 'unparsable-target'],
    ['2.5e-3%', 'unparsable-value', 'unparsable-target'],
    ['0x1F', 'unparsable-value', 'unparsable-target'],
    ['1_000', 'unparsable-value', 'unparsable-target'],
    ['1.', 'unparsable-value', 'unparsable-target'],
    ['.5', '0.5|1|', '>=0.5 implicit'],
    ['①', '1|0|', '>=1 implicit'], // NFKC reads a circled digit as the digit
    ['½', 'unparsable-value', 'unparsable-target'],
    ['١٢٣', 'unparsable-value', 'qualitative ١٢٣'], // Arabic-Indic digits are not digits here
  ])('%j: parseQuantity %s, parseTarget %s', (input, quantity, target) => {
    expect(quantityOutcome(input)).toBe(quantity);
    expect(targetOutcome(input)).toBe(target);
  });

  it('5e-324 and Number.MAX_VALUE are refused, not rounded: 324 decimals and 309 digits are more than 50', () => {
    for (const [n, text] of [
      [5e-324, '5e-324'],
      [Number.MAX_VALUE, '1.7976931348623157e+308'],
    ] as const) {
      const r = parseQuantity(n);
      expect(r).toMatchObject({ ok: false, code: 'unparsable-value', text });
      expect(r.ok ? null : r.message.en).toContain('more than 50 digits');
    }
  });

  it('JSON numbers: 1e309 is Infinity and rejected with a finding; 1e-400 is 0; long numbers lose digits in JSON.parse', () => {
    const actual = (json: string) =>
      parseReport(JSON.parse(`{"indicators":[{"name":"x","target":"≥1","actual":${json}}]}`));
    const inf = actual('1e309');
    expect(inf.ok).toBe(false);
    expect(inf.findings.map((f) => [f.path, f.message.en])).toEqual([
      [
        ['indicators', 0, 'actual'],
        '`indicators[0].actual` must be a string, a finite number or null; Infinity is not a finite number.',
      ],
    ]);
    const value = (json: string) => {
      const r = actual(json);
      return r.ok ? r.report.indicators?.[0]?.actual : r.findings;
    };
    expect(value('1e3')).toBe(1000);
    expect(value('1E-5')).toBe(0.00001);
    expect(value('-0')).toBe(-0);
    expect(value('1e-400')).toBe(0);
    // JSON.parse keeps 17 significant digits: write long figures as strings.
    expect(value('123456789012345678901234567890')).toBe(1.2345678901234568e29);
  });

  it('validateReport without parseReport: non-finite amounts are unparsable-value, non-finite cells invalid-report', () => {
    const budget = validateReport({
      budget: [{ name: 'b', adjusted: Number.POSITIVE_INFINITY, actual: Number.NaN }],
    });
    expect(budget.findings.map((f) => [f.code, f.path])).toEqual([
      ['unparsable-value', ['budget', 0, 'adjusted']],
      ['unparsable-value', ['budget', 0, 'actual']],
    ]);
    const row = validateReport({ indicators: [{ name: 'i', target: '≥1', actual: Number.NaN }] });
    expect(row.findings.map((f) => [f.code, f.path])).toEqual([
      ['invalid-report', ['indicators', 0, 'actual']],
    ]);
  });

  // outturn holds every figure of at most 50 digits (its working precision; sums of figures of at most 24 digits exact) and
  // refuses longer ones, so that nothing is ever rounded to decimal.js's working precision.
  it('60-digit strings are refused with the reason, never approximated', () => {
    for (const text of [SIXTY, `0.${'0'.repeat(120)}1`]) {
      const q = parseQuantity(text);
      expect(q).toMatchObject({ ok: false, code: 'unparsable-value' });
      expect(q.ok ? null : q.message.en).toContain('more than 50 digits');
    }
    for (const [target, actual] of [
      [`≥${SIXTY}`, `${SIXTY.slice(0, -1)}2`],
      [`≥${SIXTY}`, `${SIXTY}.0`],
      [`>${SIXTY}`, `${SIXTY}.0`],
    ]) {
      const ev = evaluateIndicator({ target, actual });
      expect([ev.status, ev.note?.code, ev.deviation]).toEqual(['unparsable', 'unparsable-target', null]);
    }
  });

  it('60-digit figures are never silently rounded: refused where they stand, no figure computed', () => {
    // (59 ones and .5) − 0.5 would be 59 ones; rounded to 50 digits it would end in 9 zeros.
    const ev = evaluateIndicator({ target: '≥0.5', actual: `${'1'.repeat(59)}.5` });
    expect([ev.status, ev.note?.code, ev.deviation, ev.achievement]).toEqual([
      'unparsable',
      'unparsable-value',
      null,
      null,
    ]);
    const line = validateReport({ budget: [{ name: 'b', adjusted: `${'1'.repeat(59)}.5`, actual: '0.5' }] });
    expect(line.findings.map((f) => [f.code, f.path.join('.')])).toEqual([
      ['unparsable-value', 'budget.0.adjusted'],
    ]);
    expect(line.budget[0]).toMatchObject({ variance: null, executionRate: null });
  });

  it('exponent notation in a target is never read as a range', () => {
    expect(targetOutcome('1E-5')).toBe('unparsable-target');
    expect(targetOutcome('2e-3')).toBe('unparsable-target');
    expect(evaluateIndicator({ target: '1E-5', actual: '3E' }).status).toBe('unparsable');
  });
});
