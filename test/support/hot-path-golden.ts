/**
 * The records of the hot-path golden test (test/hot-path-golden.test.ts): the full results of
 * validateReport, evaluateIndicator and executionRate, exact strings included, on every report
 * under examples/ and on the bench workloads at their fixed seeds and a small size. Written once
 * by `node scripts/write-hot-path-golden.mjs` from the code before a speed change, and compared
 * after it: a change that only makes the hot path faster must leave every record byte-identical.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateBudgetLines, generateIndicators, generateReport } from '../../bench/workloads.js';
import type * as Outturn from '../../src/index.js';

/** The part of the library the records call (passed in, so the script and the test share this). */
export type GoldenLibrary = Pick<typeof Outturn, 'evaluateIndicator' | 'executionRate' | 'validateReport'>;

/** Sizes of the bench workloads in the fixture (small: the fixture stays a few megabytes). */
export const GOLDEN_SIZES = { indicators: 4000, budgetLines: 1000, reports: [50, 400] } as const;

/** One record: what was called on what, and the result as JSON (or the error it threw). */
export interface GoldenRecord {
  readonly key: string;
  readonly json: string;
}

/** Option sets the bench indicators are evaluated under, besides the defaults. */
const EVALUATE_VARIANTS: readonly Outturn.EvaluateOptions[] = [
  {},
  { deviationBasis: 'absolute', metInequality: 'zero', decimals: 1, rounding: 'half-even' },
  { decimals: 0, rounding: 'truncate' },
];

function call(f: () => unknown): string {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return JSON.stringify({ threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

function reportFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...reportFiles(p));
    else if (entry.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

type Line = Outturn.BudgetLine;

function lines(roots: readonly Line[] | undefined): Line[] {
  const out: Line[] = [];
  const walk = (l: Line) => {
    out.push(l);
    for (const c of l.children ?? []) walk(c);
  };
  for (const r of roots ?? []) walk(r);
  return out;
}

/** Every record, in a fixed order. `root` is the package root (examples/ under it). */
export function goldenRecords(lib: GoldenLibrary, root: string): GoldenRecord[] {
  const out: GoldenRecord[] = [];
  const push = (key: string, f: () => unknown) => out.push({ key, json: call(f) });

  // Every report (department, project, monitoring …; not the PEFA datasets) under examples/.
  for (const file of reportFiles(join(root, 'examples'))) {
    const name = relative(root, file);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { kind?: unknown };
    if (json.kind === 'pefa') continue;
    const report = json as Outturn.Report;
    push(`${name} validateReport`, () => lib.validateReport(report));
    push(`${name} validateReport variant`, () =>
      lib.validateReport(report, {
        evaluate: { deviationBasis: 'absolute', metInequality: 'zero' },
        rounding: 'half-even',
      }),
    );
    (report.indicators ?? []).forEach((ind, i) => {
      const input = {
        target: ind.target,
        actual: ind.actual,
        unit: ind.unit,
        name: ind.name,
        path: ind.path,
      };
      push(`${name} indicator ${i}`, () =>
        lib.evaluateIndicator(input, report.year === undefined ? {} : { year: report.year }),
      );
    });
    lines(report.budget).forEach((l, i) => {
      push(`${name} budget ${i}`, () =>
        lib.executionRate(
          { adjusted: l.adjusted ?? null, actual: l.actual ?? null },
          report.amountUnit === undefined ? {} : { amountUnit: report.amountUnit },
        ),
      );
    });
  }

  // The bench workloads at their seeds.
  const indicators = generateIndicators(GOLDEN_SIZES.indicators);
  EVALUATE_VARIANTS.forEach((options, v) => {
    const every = v === 0 ? 1 : 7;
    indicators.forEach((c, i) => {
      if (i % every !== 0) return;
      push(`bench indicator ${i} variant ${v}`, () =>
        lib.evaluateIndicator({ target: c.target, actual: c.actual, name: c.name }, options),
      );
    });
  });
  generateBudgetLines(GOLDEN_SIZES.budgetLines).forEach((c, i) => {
    push(`bench budget ${i}`, () => lib.executionRate({ adjusted: c.adjusted, actual: c.actual }));
    if (i % 5 === 0)
      push(`bench budget ${i} 3 half-even`, () =>
        lib.executionRate({ adjusted: c.adjusted, actual: c.actual }, { decimals: 3, rounding: 'half-even' }),
      );
  });
  for (const size of GOLDEN_SIZES.reports) {
    const report = generateReport(size);
    push(`bench report ${size} validateReport`, () => lib.validateReport(report));
  }
  return out;
}

/** The fixture's file, relative to the package root. */
export const GOLDEN_FILE = 'test/fixtures/hot-path-golden.json';

/** The fixture's text: one record per line, so that a diff shows which record changed. */
export function goldenText(records: readonly GoldenRecord[]): string {
  return `[\n${records.map((r) => JSON.stringify([r.key, r.json])).join(',\n')}\n]\n`;
}
