/**
 * The growth benchmark: how the cost of a parser grows with the length of its input. For each
 * case it reports t(4n) / t(n), the growth ratio: linear code gives about 4, quadratic code
 * about 16, and a ratio of 8 or more is a regression to look at (`--check` makes it exit 1).
 *
 * These figures used to be assertions of unit tests, which failed when the machine was busy.
 * They are measured here, and only here, the way the rest of bench/ measures: a ratio against a
 * baseline run in the same process. The baseline of each case is the same function on an input
 * 4× shorter. Both sizes are timed interleaved (n, 4n, n, 4n, …) in CPU time of this process,
 * and each keeps the best (least) of its runs: a busy machine lengthens some runs and shortens
 * none, so the minimum is the figure load touches least, and both sizes see the same load.
 *
 * The cases are the inputs of the tests whose timings moved here: test/quantity.test.ts and
 * test/target.test.ts (long separators, digits, ranges, words), test/hostile-sizes.test.ts (a
 * 1 MB cell in ten shapes, to four public functions) and cli/test/render-security.test.ts
 * (markdownCell on a long run of spaces). Those tests keep the correctness part: what the long
 * input gives.
 *
 * Run with `node bench/growth.mjs [--quick] [--check] [--json FILE]` (see bench/growth.mjs).
 */
import os from 'node:os';
import type * as Outturn from '../src/index.js';

/** The part of outturn's API the cases call directly (the cell cases bring their own functions). */
export type GrowthLibrary = Pick<typeof Outturn, 'parseQuantity' | 'parseTarget'>;

/** One measured function on one shape of input. */
export interface GrowthCase {
  /** Where the case comes from (the test that used to time it). */
  readonly group: string;
  readonly name: string;
  /** The smaller size n; the larger is FACTOR × n. Its unit is the case's (repeats, characters). */
  readonly size: number;
  readonly make: (n: number) => string;
  readonly run: (input: string) => unknown;
}

/** What one case measured. */
export interface GrowthFigure {
  readonly group: string;
  readonly name: string;
  readonly size: number;
  /** Calls per timed run (short calls are repeated, so that a run lasts MIN_RUN_MS at least). */
  readonly calls: number;
  /** Best CPU time of one call at n and at FACTOR × n, ms. */
  readonly smallMs: number;
  readonly largeMs: number;
  /** largeMs / smallMs. */
  readonly ratio: number;
}

/** The larger input of each case is FACTOR times the smaller one. */
export const FACTOR = 4;
/** Linear code gives about FACTOR (4), quadratic code FACTOR² (16): 8 is the line between. */
export const LINEAR_BOUND = 8;
/** A timed run at size n lasts at least this long (ms): short calls are repeated within a run. */
export const MIN_RUN_MS = 20;
/** The most calls in one run. */
const MAX_CALLS = 1 << 20;
/** Times per call below this (ms) are raised to it, so that a ratio never divides by nothing. */
const FLOOR_MS = 1e-6;

/** The last result of a measured call, kept so that the optimiser cannot drop the call. */
export let sink: unknown;

/** CPU time (user + system) of this process spent in one call of `run`, ms. */
export function cpuTime(run: () => unknown): number {
  const start = process.cpuUsage();
  sink = run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

/**
 * Measures one case. A call at size n is repeated `calls` times per run, `calls` doubling until
 * such a run takes at least `minMs` (a single call of the short cases takes microseconds, below
 * what a CPU clock tells apart); the same number of calls is then timed at FACTOR × n. After a
 * warm-up run of each size, `repeats` runs of both sizes interleave; the best of each size
 * gives the ratio.
 */
export function measureGrowth(c: GrowthCase, repeats: number, minMs = MIN_RUN_MS): GrowthFigure {
  const small = c.make(c.size);
  const large = c.make(c.size * FACTOR);
  let calls = 1;
  const runOf = (input: string) => () => {
    let last: unknown;
    for (let k = 0; k < calls; k += 1) last = c.run(input);
    return last;
  };
  while (calls < MAX_CALLS && cpuTime(runOf(small)) < minMs) calls *= 2;
  cpuTime(runOf(large));
  let smallMs = Number.POSITIVE_INFINITY;
  let largeMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i += 1) {
    smallMs = Math.min(smallMs, cpuTime(runOf(small)));
    largeMs = Math.min(largeMs, cpuTime(runOf(large)));
  }
  smallMs = Math.max(smallMs / calls, FLOOR_MS);
  largeMs = Math.max(largeMs / calls, FLOOR_MS);
  return { group: c.group, name: c.name, size: c.size, calls, smallMs, largeMs, ratio: largeMs / smallMs };
}

/** Shapes of a long cell (from test/fixtures/hostile/cells.ts) and the functions fed one. */
export interface CellCases {
  readonly shapes: Readonly<Record<string, (n: number) => string>>;
  readonly runs: Readonly<Record<string, (s: string) => unknown>>;
}

/**
 * The cases of the library. `scale` divides every size (the quick run and the test of this
 * module use small sizes); at scale 1 they are the sizes the tests used to time.
 */
export function libraryCases(lib: GrowthLibrary, cells: CellCases, scale = 1): GrowthCase[] {
  const at = (n: number) => Math.max(1, Math.round(n / scale));
  const quantity = (name: string, make: (n: number) => string): GrowthCase => ({
    group: 'parseQuantity (test/quantity.test.ts)',
    name,
    size: at(25_000),
    make,
    run: (s) => lib.parseQuantity(s),
  });
  const target = (name: string, make: (n: number) => string): GrowthCase => ({
    group: 'parseTarget (test/target.test.ts)',
    name,
    size: at(10_000),
    make,
    run: (s) => lib.parseTarget(s),
  });
  const out: GrowthCase[] = [
    quantity('separators 1,1,1,…x', (n) => `${'1,'.repeat(n)}x`),
    quantity('digits 999…%', (n) => `${'9'.repeat(n)}%`),
    quantity('spaced digits 1 1 1 …', (n) => '1 '.repeat(n)),
    target('a comparator and dashes ≥1-1-…', (n) => `≥${'1-'.repeat(n)}`),
    target('a long range 999%-999', (n) => `${'9'.repeat(n)}%-${'9'.repeat(n)}`),
    target('repeated words 不低于不低于…5', (n) => `${'不低于'.repeat(n)}5`),
    target('letters and dashes 5a-a-…', (n) => `5${'a-'.repeat(n)}`),
    ...['-', '—', '~', '至'].map((sep) =>
      target(`a run of ${sep} before a number`, (n) => `${sep.repeat(n)}5`),
    ),
  ];
  // A long cell: 256 KB against 1 MB (at scale 1), as test/hostile-sizes.test.ts used to measure.
  for (const [shape, make] of Object.entries(cells.shapes)) {
    for (const [fn, run] of Object.entries(cells.runs)) {
      out.push({
        group: `one long cell, n = 256 KB at full size (test/hostile-sizes.test.ts): ${fn}`,
        name: shape,
        size: at(256 * 1024),
        make,
        run,
      });
    }
  }
  return out;
}

/** The case of the CLI renderer: markdownCell on a cell with a long run of spaces inside. */
export function renderCases(markdownCell: (text: string) => string, scale = 1): GrowthCase[] {
  return [
    {
      group: 'markdownCell (cli/test/render-security.test.ts)',
      name: 'a long run of spaces a␠␠␠…b',
      size: Math.max(1, Math.round(8000 / scale)),
      make: (n) => `a${' '.repeat(n)}b`,
      run: markdownCell,
    },
  ];
}

/** The figures at or over the bound. */
export function overBound(figures: readonly GrowthFigure[], bound = LINEAR_BOUND): GrowthFigure[] {
  return figures.filter((f) => f.ratio >= bound);
}

/** The Markdown report: one table per group, then the cases over the bound. */
export function renderGrowth(
  figures: readonly GrowthFigure[],
  repeats: number,
  minMs: number,
  loadBefore: readonly number[],
): string {
  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => x.toFixed(2);
  const ms = (x: number) => (x >= 1 ? f2(x) : x.toPrecision(3));
  const load = (l: readonly number[]) => l.map(f2).join(' ');
  const out = [
    `Run: ${new Date().toISOString()}; Node ${process.version}; ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores; load average ${load(loadBefore)} at the start, ${load(os.loadavg())} at the end.`,
    `Each figure: the best CPU time of ${repeats} runs, both sizes interleaved, in one process; a run repeats a short call until it lasts ${minMs} ms. Growth ratio t(${FACTOR}n) / t(n): linear ≈ ${FACTOR}, quadratic ≈ ${FACTOR * FACTOR}; bound ${LINEAR_BOUND}.`,
    '',
  ];
  const groups = [...new Set(figures.map((f) => f.group))];
  for (const group of groups) {
    out.push(
      `**${group}**`,
      '',
      '| case | n | calls per run | t(n) ms per call | t(4n) ms per call | ratio |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const f of figures.filter((x) => x.group === group)) {
      const mark = f.ratio >= LINEAR_BOUND ? ' **over**' : '';
      out.push(
        `| ${f.name} | ${f.size.toLocaleString('en-US')} | ${f.calls} | ${ms(f.smallMs)} | ${ms(f.largeMs)} | ${f1(f.ratio)}${mark} |`,
      );
    }
    out.push('');
  }
  const over = overBound(figures);
  const worst = figures.reduce<GrowthFigure | null>(
    (w, f) => (w === null || f.ratio > w.ratio ? f : w),
    null,
  );
  out.push(
    over.length === 0
      ? `All ${figures.length} cases under ${LINEAR_BOUND}; the largest ratio is ${worst ? `${f1(worst.ratio)} (${worst.group}: ${worst.name})` : '-'}.`
      : `${over.length} of ${figures.length} cases at or over ${LINEAR_BOUND}: ${over.map((f) => `${f.group}: ${f.name} (${f1(f.ratio)})`).join('; ')}. Run again on an idle machine before reading this as a regression.`,
    '',
  );
  return out.join('\n');
}

/** Options of a run: `--quick` (sizes / 16, 3 repeats, runs of 5 ms), `--check`, `--json FILE`. */
export interface GrowthOptions {
  readonly quick: boolean;
  readonly check: boolean;
  readonly json: string | null;
}

export function parseGrowthArgs(argv: readonly string[]): GrowthOptions {
  const jsonAt = argv.indexOf('--json');
  return {
    quick: argv.includes('--quick'),
    check: argv.includes('--check'),
    json: jsonAt >= 0 ? (argv[jsonAt + 1] ?? null) : null,
  };
}

/** Repeats per size: 7 for the full run, 3 for the quick one. */
export const REPEATS = { full: 7, quick: 3 } as const;
/** Least duration of a timed run, ms, in the quick run. */
export const QUICK_RUN_MS = 5;
/** Sizes of the quick run are the full sizes divided by this. */
export const QUICK_SCALE = 16;
