/**
 * The benchmark: outturn against a float and a decimal.js baseline on the same inputs, in one
 * process. `npm run bench` builds the package, bundles this file with esbuild (bench/run.mjs)
 * and runs it against a copy of dist/; `npm run bench:quick` does the same with tiny sizes.
 *
 * Prints a Markdown report on stdout (progress on stderr); `--out FILE` also writes it to a
 * file and `--json FILE` writes the raw figures.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Report } from '../src/index.js';
import {
  type AccuracyReport,
  compareIndicators,
  compareRates,
  outturnSelfCheck,
  runIndicators,
  runRates,
  type SelfCheck,
} from './accuracy.js';
import {
  IMPLEMENTATION_NAMES,
  type Implementation,
  type ImplementationName,
  implementations,
  type Library,
} from './implementations.js';
import {
  batched,
  consume,
  medianRatio,
  medianTime,
  ratioSpread,
  type StartTiming,
  type TaskSpec,
  type Timings,
  throughput,
  timeStarts,
  timeTasks,
} from './measure.js';
import {
  type BudgetCase,
  generateBudgetLines,
  generateIndicators,
  generateReport,
  INDICATOR_MIX,
  type IndicatorCase,
} from './workloads.js';

export interface BenchConfig {
  readonly indicators: number;
  readonly budgetLines: number;
  readonly reportSizes: readonly number[];
  /** Indicators / lines per tinybench call. */
  readonly batch: number;
  readonly rounds: number;
  readonly time: number;
  readonly warmupTime: number;
  /** Runs of each command in the start-time comparison (0: skip it). */
  readonly cliRuns: number;
  /** Measure peak memory in child processes (needs the bundled bench: `self`). */
  readonly memory: boolean;
}

export const FULL: BenchConfig = {
  indicators: 100_000,
  budgetLines: 10_000,
  reportSizes: [50, 500, 5000],
  batch: 1000,
  rounds: 5,
  time: 1000,
  warmupTime: 250,
  cliRuns: 20,
  memory: true,
};

export const QUICK: BenchConfig = {
  indicators: 2000,
  budgetLines: 500,
  reportSizes: [5, 50, 500],
  batch: 100,
  rounds: 1,
  time: 20,
  warmupTime: 5,
  cliRuns: 2,
  memory: true,
};

/** Where things are: the package root, the built library and CLI, this bundle (for child processes). */
export interface BenchEnv {
  readonly root: string;
  readonly libPath: string | null;
  readonly cliPath: string | null;
  readonly self: string | null;
  readonly log?: (line: string) => void;
}

export interface MemoryFigure {
  readonly workload: string;
  readonly implementation: ImplementationName | 'none';
  /** Peak resident set size of the child process, MiB (`process.resourceUsage().maxRSS`). */
  readonly maxRssMiB: number;
  /** V8 heap in use after the work, results still referenced, MiB. */
  readonly heapUsedMiB: number;
}

export interface ValidateFigures {
  readonly size: number;
  /** Median over rounds of one validateReport call, ms (wall), per implementation. */
  readonly ms: Readonly<Record<ImplementationName, number>>;
  /** The same in CPU time, ms. */
  readonly cpuMs: Readonly<Record<ImplementationName, number>>;
  /** Findings per implementation on this report (outturn: rate and deviation mismatches only). */
  readonly mismatches: Readonly<Record<ImplementationName, number>>;
  readonly outturnFindings: number;
  /** The rounds' timings (ratios are taken within each round). */
  readonly timings: Timings;
}

export interface BenchResult {
  readonly config: BenchConfig;
  readonly environment: Readonly<Record<string, string>>;
  readonly mix: readonly (readonly [string, number])[];
  readonly indicators: {
    readonly timings: Timings;
    readonly passMs: Readonly<Record<ImplementationName, number>>;
    readonly accuracy: readonly AccuracyReport[];
  };
  readonly budget: {
    readonly timings: Timings;
    readonly passMs: Readonly<Record<ImplementationName, number>>;
    readonly accuracy: readonly AccuracyReport[];
  };
  readonly validate: readonly ValidateFigures[];
  readonly selfCheck: SelfCheck;
  readonly starts: readonly StartTiming[];
  readonly memory: readonly MemoryFigure[];
  readonly mainMaxRssMiB: number;
}

const EXAMPLE = 'examples/suzhou-commerce-service-center-2023.json';

/** The task of evaluateIndicator with `{ exact: false }` (printed figures only). */
export const PRINTED_ONLY = 'outturn, exact: false';

function environment(root: string, loadBefore: readonly number[]): Record<string, string> {
  const cpus = os.cpus();
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return {
    load: `load average ${load(loadBefore)} at the start, ${load(os.loadavg())} at the end`,
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: String(os.availableParallelism()),
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    root,
  };
}

function byName<T>(f: (name: ImplementationName) => T): Record<ImplementationName, T> {
  return Object.fromEntries(IMPLEMENTATION_NAMES.map((n) => [n, f(n)])) as Record<ImplementationName, T>;
}

/** Runs every workload and returns the figures. */
export async function runBench(lib: Library, config: BenchConfig, env: BenchEnv): Promise<BenchResult> {
  const log = env.log ?? (() => {});
  const loadBefore = os.loadavg();
  const impls = implementations(lib);
  const timing = { rounds: config.rounds, time: config.time, warmupTime: config.warmupTime };

  // Indicators: one full pass each (figures compared), then tinybench on batches.
  log(`indicators: generating ${config.indicators}`);
  const indicatorCases = generateIndicators(config.indicators);
  const indicatorPasses = impls.map((impl) => runIndicators(impl, indicatorCases));
  const [refIndicators] = indicatorPasses;
  if (refIndicators === undefined) throw new Error('no outturn pass');
  const indicatorExact = (i: number): string | null => {
    const c = indicatorCases[i] as IndicatorCase;
    return (
      lib.evaluateIndicator({ target: c.target, actual: c.actual, name: c.name }).deviation?.relative ?? null
    );
  };
  const indicatorAccuracy = indicatorPasses
    .slice(1)
    .map((p) =>
      compareIndicators(p.implementation, indicatorCases, refIndicators.results, p.results, indicatorExact),
    );
  const indicatorPassMs = byName(
    (n) => indicatorPasses.find((p) => p.implementation === n)?.ms ?? Number.NaN,
  );
  indicatorPasses.length = 0; // the figures are compared: free them before timing
  log('indicators: timing');
  const indicatorTimings = await timeTasks(
    [
      ...impls.map(
        (impl): TaskSpec => ({
          name: impl.name,
          items: config.batch,
          fn: batched(indicatorCases, config.batch, (c) => impl.evaluate(c)),
        }),
      ),
      // The same call without the exact strings (`exact: false`): status and printed deviation only.
      {
        name: PRINTED_ONLY,
        items: config.batch,
        fn: batched(indicatorCases, config.batch, (c) => {
          const ev = lib.evaluateIndicator(
            { target: c.target, actual: c.actual, name: c.name },
            { exact: false },
          );
          return ev.deviation?.printed ?? ev.status;
        }),
      },
    ],
    { ...timing, onRound: (r) => log(`indicators: round ${r + 1}/${config.rounds}`) },
  );

  // Budget lines.
  log(`budget: generating ${config.budgetLines}`);
  const budgetCases = generateBudgetLines(config.budgetLines);
  const budgetPasses = impls.map((impl) => runRates(impl, budgetCases));
  const [refRates] = budgetPasses;
  if (refRates === undefined) throw new Error('no outturn pass');
  const rateExact = (i: number): string | null => {
    const c = budgetCases[i] as BudgetCase;
    const r = lib.executionRate({ adjusted: c.adjusted, actual: c.actual });
    return r.ok ? r.exact : null;
  };
  const budgetAccuracy = budgetPasses
    .slice(1)
    .map((p) => compareRates(p.implementation, budgetCases, refRates.results, p.results, rateExact));
  const budgetPassMs = byName((n) => budgetPasses.find((p) => p.implementation === n)?.ms ?? Number.NaN);
  budgetPasses.length = 0;
  log('budget: timing');
  const budgetTimings = await timeTasks(
    impls.map(
      (impl): TaskSpec => ({
        name: impl.name,
        items: config.batch,
        fn: batched(budgetCases, config.batch, (c) => impl.rate(c)),
      }),
    ),
    { ...timing, onRound: (r) => log(`budget: round ${r + 1}/${config.rounds}`) },
  );

  // validateReport on growing reports.
  const validate: ValidateFigures[] = [];
  for (const size of config.reportSizes) {
    log(`validate: ${size} indicators`);
    const report = generateReport(size);
    const full = lib.validateReport(report);
    const outturnMismatches = full.findings.filter(
      (f) => f.code === 'deviation-mismatch' || f.code === 'execution-rate-mismatch',
    ).length;
    const timings = await timeTasks(
      impls.map(
        (impl): TaskSpec => ({ name: impl.name, items: size, fn: () => consume(impl.validate(report)) }),
      ),
      timing,
    );
    validate.push({
      size,
      ms: byName((n) => medianTime(timings, n)),
      cpuMs: byName((n) => medianTime(timings, n, 'cpu')),
      mismatches: byName((n) =>
        n === 'outturn'
          ? outturnMismatches
          : (impls.find((i) => i.name === n) as Implementation).validate(report),
      ),
      outturnFindings: full.findings.length,
      timings,
    });
  }

  log('self-check');
  const selfCheck = outturnSelfCheck(lib, indicatorCases, budgetCases);

  let starts: StartTiming[] = [];
  if (config.cliRuns > 0 && env.cliPath !== null) {
    log(`cli: ${config.cliRuns} alternating runs each`);
    starts = timeStarts(
      [
        { name: 'node -e 0', args: ['-e', '0'] },
        {
          name: 'outturn check (json)',
          args: [env.cliPath, 'check', EXAMPLE, '--format', 'json', '--fail-on', 'never'],
        },
      ],
      config.cliRuns,
      env.root,
    );
  }

  const memory: MemoryFigure[] = [];
  if (config.memory && env.self !== null && env.libPath !== null) {
    const jobs: [string, number][] = [
      ['indicators', config.indicators],
      ['budget', config.budgetLines],
      ['validate', config.reportSizes[config.reportSizes.length - 1] ?? 50],
    ];
    for (const [workload, size] of jobs) {
      for (const implementation of ['none', ...IMPLEMENTATION_NAMES] as const) {
        log(`memory: ${workload} ${implementation}`);
        const r = spawnSync(
          process.execPath,
          [env.self, '--child-memory', workload, implementation, String(size), env.libPath],
          { cwd: env.root, encoding: 'utf8' },
        );
        if (r.status !== 0) throw new Error(`memory child failed: ${r.stderr}`);
        memory.push(JSON.parse(r.stdout) as MemoryFigure);
      }
    }
  }

  return {
    config,
    environment: environment(env.root, loadBefore),
    mix: INDICATOR_MIX,
    indicators: {
      timings: indicatorTimings,
      passMs: indicatorPassMs,
      accuracy: indicatorAccuracy,
    },
    budget: {
      timings: budgetTimings,
      passMs: budgetPassMs,
      accuracy: budgetAccuracy,
    },
    validate,
    selfCheck,
    starts,
    memory,
    mainMaxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

// ---------------------------------------------------------------------------------------------
// Memory, in a child process per workload and implementation

async function childMemory(args: readonly string[]): Promise<void> {
  const [workload, implName, sizeText, libPath] = args;
  if (libPath === undefined) throw new Error('usage: --child-memory WORKLOAD IMPL SIZE LIB');
  const lib = (await import(pathToFileURL(libPath).href)) as Library;
  const size = Number(sizeText);
  const impl = implName === 'none' ? null : (implementations(lib).find((i) => i.name === implName) ?? null);
  const kept: unknown[] = [];
  if (workload === 'indicators') {
    const cases = generateIndicators(size);
    if (impl) for (const c of cases) kept.push(impl.evaluate(c));
    kept.push(cases);
  } else if (workload === 'budget') {
    const cases = generateBudgetLines(size);
    if (impl) for (const c of cases) kept.push(impl.rate(c));
    kept.push(cases);
  } else {
    const report: Report = generateReport(size);
    if (impl?.name === 'outturn') kept.push(lib.validateReport(report));
    else if (impl) kept.push(impl.validate(report));
    kept.push(report);
  }
  const figure: MemoryFigure = {
    workload: `${workload} (${size.toLocaleString('en-US')})`,
    implementation: (implName ?? 'none') as MemoryFigure['implementation'],
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
  };
  consume(kept);
  process.stdout.write(JSON.stringify(figure));
}

// ---------------------------------------------------------------------------------------------
// The report

const f0 = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const f1 = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const f2 = (x: number) => x.toFixed(2);

/** "1.23 (1.10–1.40)": the median of the rounds' ratios and their spread. */
function ratioCell(timings: Timings, a: string, b: string, clock: 'wall' | 'cpu'): string {
  const [lo, hi] = ratioSpread(timings, a, b, clock);
  return `${f2(medianRatio(timings, a, b, clock))} (${f2(lo)}–${f2(hi)})`;
}

function throughputTable(
  title: string,
  timings: Timings,
  batch: number,
  passMs: Readonly<Record<ImplementationName, number>>,
  size: number,
): string[] {
  const names: string[] = timings.has(PRINTED_ONLY)
    ? ['outturn', PRINTED_ONLY, 'float', 'decimal.js']
    : [...IMPLEMENTATION_NAMES];
  const rows = names.map((n) => {
    const wall = medianTime(timings, n);
    const cpu = medianTime(timings, n, 'cpu');
    const vs = (b: string) => `${ratioCell(timings, n, b, 'wall')}; ${ratioCell(timings, n, b, 'cpu')}`;
    const pass = n in passMs ? f0(passMs[n as ImplementationName]) : '—';
    const versus = n === 'float' || n === 'decimal.js' ? '—; —' : vs('decimal.js');
    const versusFloat = n === 'float' || n === 'decimal.js' ? '—; —' : vs('float');
    return `| ${n} | ${f0(throughput(wall, batch))} | ${f2((wall * 1000) / batch)} | ${f2((cpu * 1000) / batch)} | ${versus} | ${versusFloat} | ${pass} |`;
  });
  return [
    `**${title}**`,
    '',
    `| implementation | ops/s (wall, median) | µs/op wall | µs/op CPU | ÷ decimal.js: wall; CPU (spread over rounds) | ÷ float: wall; CPU (spread) | one cold pass over ${size.toLocaleString('en-US')} (ms) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function accuracyTable(title: string, reports: readonly AccuracyReport[], withStatus: boolean): string[] {
  const head = withStatus
    ? '| baseline | figures | wrong | notation not read | half-up rounding | `-0.00%` | other | wrong outside the constructed edges | met/not-met: none given | met/not-met: wrong verdict |'
    : '| baseline | figures | wrong | notation not read | half-up rounding | `-0.00%` | other | wrong outside the constructed edges |';
  const lines = [`**${title}**`, '', head, `| --- |${' ---: |'.repeat(withStatus ? 9 : 7)}`];
  for (const r of reports) {
    const pct = r.figures === 0 ? 0 : (r.wrong / r.figures) * 100;
    const cells = [
      r.implementation,
      f0(r.figures),
      `${f0(r.wrong)} (${f2(pct)}%)`,
      f0(r.byCause.notation),
      f0(r.byCause.rounding),
      f0(r.byCause['negative-zero']),
      f0(r.byCause.other),
      f0(r.wrongOutsideEdges),
      ...(withStatus ? [f0(r.statusUnread), f0(r.statusWrong - r.statusUnread)] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const r of reports) {
    for (const e of r.examples) {
      lines.push(
        `- ${r.implementation}: \`${e.input}\`: exact ${e.exact ?? '—'} → outturn ${e.outturn ?? '—'}, ${r.implementation} ${e.baseline ?? '—'}${e.raw ? ` (before toFixed: ${e.raw})` : ''}`,
      );
    }
  }
  lines.push('');
  return lines;
}

/** The goals of the issue, each with its measured figure. */
export interface Goal {
  readonly goal: string;
  readonly figure: string;
  readonly met: boolean;
}

export function goals(r: BenchResult): Goal[] {
  const ind = r.indicators.timings;
  const bud = r.budget.timings;
  const out: Goal[] = [];
  // The goals of issue 16, against the decimal.js baseline; ratios within each round, median.
  const against = (goal: string, t: Timings, a: string, limit: number) => {
    const w = medianRatio(t, a, 'decimal.js');
    const c = medianRatio(t, a, 'decimal.js', 'cpu');
    out.push({
      goal: `${goal} ≤ ${f1(limit)}× decimal.js`,
      figure: `${f2(w)} wall, ${f2(c)} CPU`,
      met: c <= limit,
    });
  };
  against('evaluateIndicator, full results', ind, 'outturn', 1.5);
  if (ind.has(PRINTED_ONLY)) against('evaluateIndicator, exact: false', ind, PRINTED_ONLY, 1);
  against('executionRate', bud, 'outturn', 1);
  const last = r.validate[r.validate.length - 1];
  if (last) against(`validateReport (${f0(last.size)} indicators)`, last.timings, 'outturn', 3);
  const [bare, cli] = r.starts;
  if (bare && cli) {
    const ratio = cli.median / bare.median;
    const cpu =
      cli.cpuMean !== null && bare.cpuMean !== null ? `, ${f2(cli.cpuMean / bare.cpuMean)} CPU` : '';
    out.push({ goal: 'outturn check ÷ node -e 0 ≤ 2', figure: `${f2(ratio)} wall${cpu}`, met: ratio <= 2 });
  }
  const first = r.validate[0];
  if (first && last && first !== last) {
    const growth = last.cpuMs.outturn / last.size / (first.cpuMs.outturn / first.size);
    out.push({
      goal: `validateReport grows linearly (CPU per indicator at ${f0(last.size)} ÷ at ${f0(first.size)} ≤ 1.5)`,
      figure: f2(growth),
      met: growth <= 1.5,
    });
  }
  return out;
}

export function renderMarkdown(r: BenchResult): string {
  const env = r.environment;
  const out: string[] = [
    `Run: ${env.date}; Node ${env.node} (V8 ${env.v8}); ${env.cpu}, ${env.cores} cores, ${env.memory}; ${env.platform}; ${env.load}.`,
    `Sizes: ${f0(r.config.indicators)} indicators, ${f0(r.config.budgetLines)} budget lines, reports of ${r.config.reportSizes.join(', ')} indicators; ${r.config.rounds} rounds of tinybench (${r.config.time} ms per task, ${r.config.warmupTime} ms warmup), batches of ${r.config.batch}.`,
    '',
    ...throughputTable(
      'evaluateIndicator (status and printed deviation)',
      r.indicators.timings,
      r.config.batch,
      r.indicators.passMs,
      r.config.indicators,
    ),
    ...throughputTable(
      'executionRate (printed execution rate)',
      r.budget.timings,
      r.config.batch,
      r.budget.passMs,
      r.config.budgetLines,
    ),
    '**validateReport (time per indicator should stay flat)**',
    '',
    '| indicators | outturn ms/report (wall) | µs/indicator wall: outturn / float / decimal.js | µs/indicator CPU: outturn / float / decimal.js | outturn ÷ float: wall; CPU (spread over rounds) | outturn ÷ decimal.js: wall; CPU (spread) | outturn findings | rate/deviation mismatches found: outturn / float / decimal.js |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const v of r.validate) {
    const per = (ms: number) => f2((ms * 1000) / v.size);
    const three = (t: Readonly<Record<ImplementationName, number>>) =>
      `${per(t.outturn)} / ${per(t.float)} / ${per(t['decimal.js'])}`;
    const ratio = (b: ImplementationName) =>
      `${ratioCell(v.timings, 'outturn', b, 'wall')}; ${ratioCell(v.timings, 'outturn', b, 'cpu')}`;
    out.push(
      `| ${f0(v.size)} | ${f2(v.ms.outturn)} | ${three(v.ms)} | ${three(v.cpuMs)} | ${ratio('float')} | ${ratio('decimal.js')} | ${f0(v.outturnFindings)} | ${v.mismatches.outturn} / ${v.mismatches.float} / ${v.mismatches['decimal.js']} |`,
    );
  }
  out.push('');

  if (r.starts.length > 0) {
    out.push(
      `**Process start (${r.config.cliRuns} alternating runs each)**`,
      '',
      '| command | wall median ms | wall min ms | wall max ms | CPU mean ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...r.starts.map(
        (s) =>
          `| ${s.name} | ${f1(s.median)} | ${f1(Math.min(...s.runs))} | ${f1(Math.max(...s.runs))} | ${s.cpuMean === null ? '—' : f1(s.cpuMean)} |`,
      ),
      '',
    );
  }

  out.push(
    ...accuracyTable('Printed deviations wrong, against outturn (indicators)', r.indicators.accuracy, true),
    ...accuracyTable(
      'Printed execution rates wrong, against outturn (budget lines)',
      r.budget.accuracy,
      false,
    ),
  );
  const s = r.selfCheck;
  out.push(
    `outturn self-check: ${f0(s.checked)} printed figures compared with their exact value rounded half-up (BigInt, independent of decimal.js): ${f0(s.inconsistent)} differ; ${f0(s.exactChecked)} constructed exact values: ${f0(s.exactWrong)} differ.`,
    '',
  );

  if (r.memory.length > 0) {
    out.push(
      '**Peak memory (one child process per row; `none` = the workload alone)**',
      '',
      '| workload | implementation | peak RSS MiB | heap used after MiB |',
      '| --- | --- | ---: | ---: |',
      ...r.memory.map(
        (m) => `| ${m.workload} | ${m.implementation} | ${f1(m.maxRssMiB)} | ${f1(m.heapUsedMiB)} |`,
      ),
      '',
    );
  }
  out.push(`Peak RSS of the whole benchmark process: ${f1(r.mainMaxRssMiB)} MiB.`, '');

  out.push(
    '**Goals**',
    '',
    ...goals(r).map((g) => `- ${g.goal}: ${g.figure} (${g.met ? 'met' : '**missed**'})`),
    '',
    '**Indicator mix (share of the workload, %)**',
    '',
    r.mix.map(([k, w]) => `${k} ${f1(w)}`).join(' · '),
    '',
  );
  return out.join('\n');
}

function toJson(r: BenchResult): string {
  return JSON.stringify(
    r,
    (_key, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value),
    2,
  );
}

/** Command line of the bundled bench: `[--quick] [--out FILE] [--json FILE]`. */
export async function main(argv: readonly string[], env: BenchEnv): Promise<void> {
  if (argv[0] === '--child-memory') {
    await childMemory(argv.slice(1));
    return;
  }
  if (env.libPath === null) throw new Error('no library');
  const lib = (await import(pathToFileURL(env.libPath).href)) as Library;
  const config = argv.includes('--quick') ? QUICK : FULL;
  const t0 = performance.now();
  const result = await runBench(lib, config, {
    ...env,
    log: (line) => process.stderr.write(`bench: ${line} (${f1((performance.now() - t0) / 1000)} s)\n`),
  });
  const md = renderMarkdown(result);
  process.stdout.write(`${md}\n`);
  const outAt = argv.indexOf('--out');
  if (outAt >= 0 && argv[outAt + 1]) writeFileSync(argv[outAt + 1] as string, md);
  const jsonAt = argv.indexOf('--json');
  if (jsonAt >= 0 && argv[jsonAt + 1]) writeFileSync(argv[jsonAt + 1] as string, toJson(result));
  process.stderr.write(`bench: done in ${f1((performance.now() - t0) / 1000)} s\n`);
}
