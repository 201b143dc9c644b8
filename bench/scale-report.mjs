#!/usr/bin/env node
/**
 * `node bench/scale-report.mjs [--sizes 1000,10000,100000,1000000] [--formats json,ndjson,text]`
 * (after `npm run build`): `outturn check` of one report of N indicators, for each N and format,
 * through the built command (cli/dist/bin.js), output to /dev/null: wall time, peak RSS and the
 * growth of both per indicator between consecutive sizes.
 *
 * The report is the bench's own workload (bench/workloads.ts `generateReport`: the notations real
 * reports print, about 3,000 distinct target texts per 100,000 rows), written to a temporary
 * file with 2-space indentation, indicator by indicator (no single string of the whole file).
 * Peak RSS is the child's `process.resourceUsage().maxRSS` at its exit (worker threads included:
 * they are the same process), written on a file descriptor of its own by a preloaded module.
 *
 * Also a module: bench/cli.mjs imports {@link writeScaleReport} and {@link runMeasured}.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'outturn-bench');

/** The workload generator (bench/workloads.ts), bundled once per process. */
let workloads;
async function loadWorkloads() {
  if (workloads === undefined) {
    const outfile = join(cache, `workloads-${process.pid}.mjs`);
    await build({
      entryPoints: [join(root, 'bench', 'workloads.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    workloads = await import(pathToFileURL(outfile).href);
    rmSync(outfile, { force: true });
  }
  return workloads;
}

/**
 * Writes a report of `n` indicators to `file` as `JSON.stringify(report, null, 2)` would, one
 * indicator at a time; resolves to the number of distinct target texts.
 */
export async function writeScaleReport(n, file) {
  const { generateReport } = await loadWorkloads();
  const report = generateReport(n);
  const { indicators, ...head } = report;
  const fd = openSync(file, 'w');
  try {
    const start = JSON.stringify({ ...head, indicators: [] }, null, 2);
    // `"indicators": []` is the last key: open the array there and write the rows one by one.
    const cut = start.lastIndexOf('[]');
    writeSync(fd, `${start.slice(0, cut)}[`);
    let buffer = '';
    indicators.forEach((row, i) => {
      buffer += `${i === 0 ? '' : ','}\n    ${JSON.stringify(row, null, 2).replaceAll('\n', '\n    ')}`;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    });
    writeSync(fd, `${buffer}${indicators.length === 0 ? '' : '\n  '}${start.slice(cut + 1)}\n`);
  } finally {
    closeSync(fd);
  }
  return new Set(indicators.map((i) => i.target)).size;
}

/** Preloaded in the measured child: its peak RSS (bytes) on file descriptor 3 when it exits. */
const PEAK = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { try { writeSync(3, String(process.resourceUsage().maxRSS * 1024)); } catch {} });",
)}`;

/**
 * Runs `node ...args` with stdout to /dev/null; resolves to `{ ms, rss, status, stderr }`
 * (rss in bytes, null when the child did not report it).
 */
export function runMeasured(args, options = {}) {
  const out = openSync('/dev/null', 'w');
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', PEAK, ...args], {
      cwd: options.cwd ?? root,
      stdio: ['ignore', out, 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const rss = Number.parseInt(r.output?.[3] ?? '', 10);
    return { ms, rss: Number.isFinite(rss) ? rss : null, status: r.status, stderr: r.stderr ?? '' };
  } finally {
    closeSync(out);
  }
}

function lastLine(text) {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .at(-1) ?? ''
  ).slice(0, 120);
}

/** The scale series: for each size, the report written once and each format measured once. */
export async function scaleSeries({ bin, sizes, formats, log = () => undefined }) {
  const dir = mkdtempSync(join(tmpdir(), 'outturn-bench-scale-'));
  const rows = [];
  try {
    for (const n of sizes) {
      const file = join(dir, `report-${n}.json`);
      log(`scale: writing ${n} indicators`);
      const targets = await writeScaleReport(n, file);
      for (const format of formats) {
        log(`scale: check ${n} --format ${format}`);
        // --max-bytes: a million indicators are about 280 MB of JSON, past the default 100 MiB.
        const r = runMeasured([
          bin,
          'check',
          file,
          '--format',
          format,
          '--fail-on',
          'never',
          '--max-bytes',
          '1G',
        ]);
        // A run that fails (out of memory, say) is a figure too: the row says so, the series goes on.
        const failed = r.status === 0 ? null : `exit ${r.status}: ${lastLine(r.stderr)}`;
        rows.push({ indicators: n, targets, format, ms: r.ms, rss: r.rss, failed });
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The series as a Markdown table, with the growth per indicator from the size before. */
export function scaleTable(rows) {
  const mb = (b) => (b === null ? '?' : (b / 1048576).toFixed(0));
  const lines = [
    '| indicators | distinct targets | format | wall time (s) | peak RSS (MB) | µs / indicator (from the size before) | bytes of RSS / indicator (from the size before) |',
    '|---:|---:|---|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    if (r.failed) {
      lines.push(
        `| ${r.indicators.toLocaleString('en')} | ${r.targets.toLocaleString('en')} | ${r.format} | failed after ${(r.ms / 1000).toFixed(1)} s (${r.failed.replaceAll('|', '\\|')}) | ${mb(r.rss)} | | |`,
      );
      continue;
    }
    const before = rows
      .filter((o) => o.format === r.format && o.indicators < r.indicators && !o.failed)
      .at(-1);
    const dn = before === undefined ? null : r.indicators - before.indicators;
    const us = dn === null ? '' : (((r.ms - before.ms) * 1000) / dn).toFixed(1);
    const bytes =
      dn === null || r.rss === null || before.rss === null ? '' : ((r.rss - before.rss) / dn).toFixed(0);
    lines.push(
      `| ${r.indicators.toLocaleString('en')} | ${r.targets.toLocaleString('en')} | ${r.format} | ${(r.ms / 1000).toFixed(2)} | ${mb(r.rss)} | ${us} | ${bytes} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
  };
  const bin = join(root, 'cli', 'dist', 'bin.js');
  if (!existsSync(bin)) {
    process.stderr.write('bench/scale-report: cli/dist/bin.js is missing; run `npm run build` first\n');
    process.exit(2);
  }
  const sizes = option('--sizes', '1000,10000,100000,1000000').split(',').map(Number);
  const formats = option('--formats', 'json,ndjson,text').split(',');
  const rows = await scaleSeries({ bin, sizes, formats, log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(scaleTable(rows));
}
