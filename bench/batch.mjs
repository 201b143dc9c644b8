#!/usr/bin/env node
/**
 * `node bench/batch.mjs [--files N] [--sample S] [--keep]` (after `npm run build`): the time per
 * report of `outturn check` over many report files, through the built command (cli/dist/bin.js).
 *
 * It writes N report files (default 1,000) generated from the reference report
 * (examples/suzhou-commerce-service-center-2023.json: each a copy with its own entity name and
 * its figures scaled by a factor of its own, so that the rates, deviations and findings differ
 * from file to file) into a temporary folder, then measures
 *
 *   1. one invocation over the folder, on worker threads: `outturn check DIR --format ndjson`;
 *   2. the same in text with `--summary`;
 *   3. one process per file, for a sample of S files (default 20): `outturn check FILE --format json`.
 *
 * and prints the wall time of each and the time per report. No figure here is asserted anywhere:
 * the machine's cores and load decide them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'cli', 'dist', 'bin.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const files = arg('--files', 1000);
const sample = Math.min(arg('--sample', 20), files);
if (!existsSync(bin) || !existsSync(join(cliDir(), 'worker.js'))) {
  process.stderr.write(
    'bench/batch: cli/dist/bin.js or cli/dist/worker.js is missing; run `npm run build` first\n',
  );
  process.exit(2);
}

function cliDir() {
  return join(root, 'cli', 'dist');
}

/** A figure string scaled by `k` (a few decimals kept), or the string unchanged when it is not one. */
function scale(text, k) {
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text)) return text;
  const places = (text.split('.')[1] ?? '').length;
  return (Number(text) * k).toFixed(places);
}

function scaleLines(lines, k) {
  return lines.map((l) => ({
    ...l,
    ...(l.actual === undefined ? {} : { actual: scale(l.actual, k) }),
    ...(l.children === undefined ? {} : { children: scaleLines(l.children, k) }),
  }));
}

const reference = JSON.parse(
  readFileSync(join(root, 'examples', 'suzhou-commerce-service-center-2023.json'), 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'outturn-bench-batch-'));
const reports = join(dir, 'reports');
mkdirSync(reports);
for (let i = 0; i < files; i++) {
  // 0.80 … 1.19: some files overspend, some do not (the bench's own figures, not a real report).
  const k = 0.8 + (i % 40) / 100;
  const report = {
    ...reference,
    entity: `${reference.entity} ${i + 1}`,
    budget: scaleLines(reference.budget, k),
  };
  writeFileSync(join(reports, `report-${String(i).padStart(5, '0')}.json`), JSON.stringify(report, null, 2));
}

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`outturn ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
const rows = [];
const nd = time(['check', reports, '--format', 'ndjson', '--fail-on', 'never']);
const lines = nd.stdout.trimEnd().split('\n').length;
if (lines !== files) throw new Error(`ndjson gave ${lines} lines for ${files} files`);
rows.push(['one invocation, worker threads, --format ndjson', files, nd.ms]);
const summary = time(['check', reports, '--summary', '--fail-on', 'never']);
rows.push(['one invocation, worker threads, --summary (text)', files, summary.ms]);
let perProcess = 0;
for (let i = 0; i < sample; i++) {
  const file = join(reports, `report-${String(Math.floor((i * files) / sample)).padStart(5, '0')}.json`);
  perProcess += time(['check', file, '--format', 'json', '--fail-on', 'never']).ms;
}
rows.push([`one process per file (a sample of ${sample}), --format json`, sample, perProcess]);

const node = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
process.stdout.write(
  `outturn check over ${files} generated reports (node ${node}, ${availableParallelism()} cores: ${cpus()[0]?.model ?? '?'})\n\n`,
);
process.stdout.write('| run | reports | wall time (ms) | per report (ms) |\n|---|---:|---:|---:|\n');
for (const [name, n, ms] of rows) process.stdout.write(`| ${name} | ${n} | ${f(ms)} | ${f(ms / n)} |\n`);
const speedup = perProcess / sample / (nd.ms / files);
process.stdout.write(`\nper report, one process per file ÷ one invocation: ${speedup.toFixed(1)}×\n`);
if (process.argv.includes('--keep')) process.stdout.write(`reports kept in ${reports}\n`);
else rmSync(dir, { recursive: true, force: true });
