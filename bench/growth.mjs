#!/usr/bin/env node
/**
 * `node bench/growth.mjs [--quick] [--check] [--json FILE]`: the growth benchmark
 * (bench/growth.ts). Bundles bench/growth-entry.ts with the sources of the library and of the
 * CLI renderer (no build needed) into node_modules/.cache/outturn-bench/growth.mjs and runs it
 * in a child process with a fixed 128 MB young generation.
 *
 * Why the fixed young generation: V8 builds a long string character by character as a chain of
 * small objects; between 256 KB and 1 MB that chain outgrows the default young generation and
 * every such loop pays a one-off garbage-collection step (ratios of 7-10 instead of 4, then
 * linear again beyond 1 MB). With 128 MB the ratio measures the algorithm.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'outturn-bench', 'growth.mjs');
await build({
  entryPoints: [join(root, 'bench', 'growth-entry.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  alias: { outturn: join(root, 'src', 'index.ts') },
  logLevel: 'warning',
});
const flags = ['--max-semi-space-size=128', '--min-semi-space-size=128'];
const r = spawnSync(process.execPath, [...flags, outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
