#!/usr/bin/env node
/**
 * `npm run bench` / `npm run bench:quick`: bundles the TypeScript benchmark (bench/entry.ts)
 * with esbuild into node_modules/.cache/outturn-bench/ (packages stay external, so tinybench
 * and decimal.js load from node_modules) and runs it against the built package.
 *
 * The build in dist/ is first copied to node_modules/.cache/outturn-bench/dist, so that the
 * whole run measures one build even if another `npm run build` cleans dist/ meanwhile.
 * Arguments are passed on: [--quick] [--out FILE] [--json FILE].
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'outturn-bench');
const dist = join(root, 'dist');
const cliDist = join(root, 'cli', 'dist');
const built = () => existsSync(join(dist, 'index.js')) && existsSync(join(cliDist, 'bin.js'));

// A build running elsewhere may have cleaned dist/: wait for it (up to a minute).
for (let i = 0; i < 60 && !built(); i += 1) await sleep(1000);
if (!built()) {
  process.stderr.write(
    'bench: dist/index.js or cli/dist/bin.js is missing; run `npm run build` first (npm run bench does)\n',
  );
  process.exit(2);
}
const snapshot = join(cache, 'dist');
rmSync(snapshot, { recursive: true, force: true });
cpSync(dist, snapshot, { recursive: true });
// The command's build, beside the library's; it imports the library as the package `outturn`.
const cliSnapshot = join(cache, 'cli-dist');
rmSync(cliSnapshot, { recursive: true, force: true });
cpSync(cliDist, cliSnapshot, { recursive: true });

const outfile = join(cache, 'bench.mjs');
await build({
  entryPoints: [join(root, 'bench', 'entry.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
process.env.OUTTURN_BENCH_ROOT = root;
process.env.OUTTURN_BENCH_DIST = snapshot;
process.env.OUTTURN_BENCH_CLI_DIST = cliSnapshot;
await import(pathToFileURL(outfile).href);
// The command at scale, the batch and the start-up (bench/cli.mjs), on the same snapshot.
const cli = spawnSync(
  process.execPath,
  [
    join(root, 'bench', 'cli.mjs'),
    '--bin',
    join(cliSnapshot, 'bin.js'),
    ...process.argv.slice(2).filter((a) => a === '--quick'),
  ],
  { stdio: 'inherit' },
);
if (cli.status !== 0) process.exitCode = cli.status ?? 1;
