#!/usr/bin/env node
/**
 * `node bench/cli.mjs [--quick] [--bin FILE] [--runs N]` (after `npm run build`; `npm run bench`
 * runs it last, on its snapshot of the build): the command at scale, in one run, as Markdown on
 * stdout.
 *
 *   1. The scale series: `outturn check` of one report of 1,000 → 1,000,000 indicators
 *      (bench/scale-report.mjs), `--format json` and `ndjson` at every size, `text` up to 100,000;
 *      wall time, peak RSS and the growth of both per indicator.
 *   2. The batch: 10,000 reports of 50 indicators each (the bench workload, a seed per file)
 *      checked by one invocation over their folder (worker threads), `--format ndjson` and
 *      `--summary`, against one process per file (`--format json`), timed on a sample of files
 *      and extrapolated to all of them.
 *   3. Start-up: `outturn --version`, `--help` and `check` of the reference report
 *      (examples/suzhou-commerce-service-center-2023.json) against `node -e 0`, in alternating
 *      runs: median, fastest and slowest of each, and the ratio of the medians; `check` also with
 *      Node's compile cache turned off (`NODE_DISABLE_COMPILE_CACHE=1`: the same on Node 20,
 *      which has none). Run the script with another Node (`/path/to/node bench/cli.mjs`) to
 *      measure that one: every child is started with the Node that runs the script.
 *
 * `--quick`: tiny sizes (a test of the script, no figure worth keeping). No figure is asserted:
 * the machine's cores and load decide them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { runMeasured, scaleSeries, scaleTable } from './scale-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const bin = resolve(option('--bin', join(root, 'cli', 'dist', 'bin.js')));
if (!existsSync(bin) || !existsSync(join(dirname(bin), 'worker.js'))) {
  process.stderr.write(
    `bench/cli: ${bin} or the worker.js beside it is missing; run \`npm run build\` first\n`,
  );
  process.exit(2);
}
const log = (m) => process.stderr.write(`bench/cli: ${m}\n`);
const EXAMPLE = join(root, 'examples', 'suzhou-commerce-service-center-2023.json');
const sizes = quick ? [200, 2000] : [1000, 10000, 100000, 1000000];
const batchFiles = quick ? 20 : 10000;
const batchRows = 50;
const sample = quick ? 4 : 40;
const runs = Number(option('--runs', quick ? 3 : 20));
const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

// 1. The scale series.
const small = sizes.filter((n) => n <= 100000);
const large = sizes.filter((n) => n > 100000);
const scale = [
  ...(await scaleSeries({ bin, sizes: small, formats: ['json', 'ndjson', 'text'], log })),
  ...(await scaleSeries({ bin, sizes: large, formats: ['json', 'ndjson'], log })),
];
scale.sort((a, b) => a.indicators - b.indicators || a.format.localeCompare(b.format));

// 2. The batch.
const workloadsFile = join(
  root,
  'node_modules',
  '.cache',
  'outturn-bench',
  `cli-workloads-${process.pid}.mjs`,
);
await build({
  entryPoints: [join(root, 'bench', 'workloads.ts')],
  outfile: workloadsFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const { generateReport } = await import(pathToFileURL(workloadsFile).href);
rmSync(workloadsFile, { force: true });
const dir = mkdtempSync(join(tmpdir(), 'outturn-bench-cli-'));
const reports = join(dir, 'reports');
mkdirSync(reports);
const name = (i) => join(reports, `report-${String(i).padStart(5, '0')}.json`);
log(`batch: writing ${batchFiles} reports of ${batchRows} indicators`);
for (let i = 0; i < batchFiles; i++) {
  const report = generateReport(batchRows, 7000 + i);
  writeFileSync(name(i), JSON.stringify({ ...report, entity: `${report.entity} ${i + 1}` }, null, 2));
}
const batch = [];
try {
  for (const [label, args] of [
    ['one invocation, worker threads, `--format ndjson`', ['--format', 'ndjson']],
    ['one invocation, worker threads, `--summary` (text)', ['--summary']],
  ]) {
    log(`batch: ${label}`);
    const r = runMeasured([bin, 'check', reports, ...args, '--fail-on', 'never']);
    if (r.status !== 0) throw new Error(`outturn check ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
    batch.push({ label, files: batchFiles, ms: r.ms, rss: r.rss, extrapolated: false });
  }
  log(`batch: one process per file, a sample of ${sample}`);
  let ms = 0;
  let rss = 0;
  for (let i = 0; i < sample; i++) {
    const r = runMeasured([
      bin,
      'check',
      name(Math.floor((i * batchFiles) / sample)),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    if (r.status !== 0) throw new Error(`outturn check (one file): exit ${r.status}: ${r.stderr}`);
    ms += r.ms;
    rss = Math.max(rss, r.rss ?? 0);
  }
  batch.push({
    label: `one process per file, \`--format json\` (a sample of ${sample}, extrapolated)`,
    files: batchFiles,
    ms: (ms / sample) * batchFiles,
    rss,
    extrapolated: true,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 3. Start-up, in alternating runs.
const starts = [
  { label: '`node -e 0`', args: ['-e', '0'] },
  { label: '`outturn --version`', args: [bin, '--version'] },
  { label: '`outturn --help`', args: [bin, '--help'] },
  {
    label: '`outturn check` (reference report, json)',
    args: [bin, 'check', EXAMPLE, '--format', 'json', '--fail-on', 'never'],
  },
  {
    // Node ≥ 22.1 keeps the compiled code between runs (bin.ts); the same run without it.
    // On Node 20 there is no compile cache, and the two rows measure the same thing.
    label: '`outturn check` (reference report, json), `NODE_DISABLE_COMPILE_CACHE=1`',
    args: [bin, 'check', EXAMPLE, '--format', 'json', '--fail-on', 'never'],
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
  },
];
const times = starts.map(() => []);
log(`start-up: ${runs} alternating runs each`);
for (let i = 0; i < runs + 1; i++) {
  starts.forEach((s, k) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, s.args, { cwd: root, stdio: 'ignore', env: s.env ?? process.env });
    if (r.status !== 0) throw new Error(`${s.label}: exit ${r.status}`);
    // The first round warms the file cache and is not counted.
    if (i > 0) times[k].push(Number(process.hrtime.bigint() - t) / 1e6);
  });
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The report.
const out = [];
const node = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
out.push(
  `## The command at scale (${new Date().toISOString().slice(0, 10)}, node ${node}, ${availableParallelism()} cores: ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB${quick ? ', --quick' : ''})`,
  '',
  '**One report of N indicators**: `outturn check FILE --format F > /dev/null`, one run each',
  '',
  scaleTable(scale),
  `**${batchFiles.toLocaleString('en')} reports of ${batchRows} indicators**`,
  '',
  '| run | wall time (s) | per report (ms) | peak RSS (MB) |',
  '|---|---:|---:|---:|',
  ...batch.map(
    (b) =>
      `| ${b.label} | ${(b.ms / 1000).toFixed(1)} | ${f(b.ms / b.files)} | ${b.rss === null ? '?' : (b.rss / 1048576).toFixed(0)}${b.extrapolated ? ' (one)' : ''} |`,
  ),
  '',
  `one process per file ÷ one invocation (ndjson): ${((batch[2]?.ms ?? 0) / (batch[0]?.ms ?? 1)).toFixed(1)}×`,
  '',
  `**Start-up** (${runs} alternating runs each, after one uncounted round)`,
  '',
  '| command | median (ms) | fastest (ms) | slowest (ms) | median ÷ `node -e 0` |',
  '|---|---:|---:|---:|---:|',
  ...starts.map((s, k) => {
    const m = median(times[k]);
    return `| ${s.label} | ${f(m)} | ${f(Math.min(...times[k]))} | ${f(Math.max(...times[k]))} | ${(m / median(times[0])).toFixed(2)} |`;
  }),
  '',
);
process.stdout.write(`${out.join('\n')}\n`);
