/**
 * Entry of the bundled growth benchmark (see bench/growth.mjs, which bundles it with the
 * sources of both packages and runs it): measures every case, prints the Markdown report on
 * stdout and progress on stderr; `--json FILE` writes the figures, `--check` exits 1 when a
 * ratio reaches the bound.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { markdownCell } from '../cli/src/render/index.js';
import * as lib from '../src/index.js';
import { RUNS, SHAPES } from '../test/fixtures/hostile/cells.js';
import {
  type GrowthFigure,
  libraryCases,
  MIN_RUN_MS,
  measureGrowth,
  overBound,
  parseGrowthArgs,
  QUICK_RUN_MS,
  QUICK_SCALE,
  REPEATS,
  renderCases,
  renderGrowth,
} from './growth.js';

const options = parseGrowthArgs(process.argv.slice(2));
const scale = options.quick ? QUICK_SCALE : 1;
const repeats = options.quick ? REPEATS.quick : REPEATS.full;
const minMs = options.quick ? QUICK_RUN_MS : MIN_RUN_MS;
const loadBefore = os.loadavg();
const cases = [
  ...libraryCases(lib, { shapes: SHAPES, runs: RUNS }, scale),
  ...renderCases(markdownCell, scale),
];
const figures: GrowthFigure[] = [];
for (const [i, c] of cases.entries()) {
  const f = measureGrowth(c, repeats, minMs);
  figures.push(f);
  process.stderr.write(`growth: ${i + 1}/${cases.length} ${c.group}: ${c.name}: ${f.ratio.toFixed(1)}\n`);
}
process.stdout.write(`${renderGrowth(figures, repeats, minMs, loadBefore)}\n`);
if (options.json !== null) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
if (options.check && overBound(figures).length > 0) process.exitCode = 1;
