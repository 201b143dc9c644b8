/**
 * Entry of the bundled benchmark (see bench/run.mjs): runs `main` with the command line.
 * The package root and the build to measure come from OUTTURN_BENCH_ROOT and
 * OUTTURN_BENCH_DIST (set by run.mjs, inherited by the memory child processes), else the
 * working directory and its dist/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

const root = process.env.OUTTURN_BENCH_ROOT ?? process.cwd();
const dist = process.env.OUTTURN_BENCH_DIST ?? join(root, 'dist');
await main(process.argv.slice(2), {
  root,
  libPath: join(dist, 'index.js'),
  cliPath: join(dist, 'cli.js'),
  self: fileURLToPath(import.meta.url),
});
