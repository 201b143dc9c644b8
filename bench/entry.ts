/**
 * Entry of the bundled benchmark (see bench/run.mjs): runs `main` with the command line.
 * The package root and the build to measure come from OUTTURN_BENCH_ROOT and
 * OUTTURN_BENCH_DIST / OUTTURN_BENCH_CLI_DIST (set by run.mjs, inherited by the memory child
 * processes), else the working directory's dist/ and cli/dist/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

const root = process.env.OUTTURN_BENCH_ROOT ?? process.cwd();
const dist = process.env.OUTTURN_BENCH_DIST ?? join(root, 'dist');
const cliDist = process.env.OUTTURN_BENCH_CLI_DIST ?? join(root, 'cli', 'dist');
await main(process.argv.slice(2), {
  root,
  libPath: join(dist, 'index.js'),
  cliPath: join(cliDist, 'bin.js'),
  self: fileURLToPath(import.meta.url),
});
