#!/usr/bin/env node
/**
 * Writes test/fixtures/hot-path-golden.json, the fixture of test/hot-path-golden.test.ts: the
 * full results of validateReport, evaluateIndicator and executionRate on every report under
 * examples/ and on the bench workloads (test/support/hot-path-golden.ts says which). Run it from
 * the code whose results are the reference, before changing the hot path:
 *
 *   node scripts/write-hot-path-golden.mjs
 *
 * It bundles the records module and src/ with esbuild (packages external) into
 * node_modules/.cache/outturn-golden/ and runs that bundle.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'outturn-golden');
mkdirSync(cache, { recursive: true });
const entry = join(cache, 'entry.ts');
writeFileSync(
  entry,
  [
    `export * from ${JSON.stringify(join(root, 'test/support/hot-path-golden.ts'))};`,
    `export * as lib from ${JSON.stringify(join(root, 'src/index.ts'))};`,
  ].join('\n'),
);
const outfile = join(cache, 'golden.mjs');
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const g = await import(pathToFileURL(outfile).href);
const records = g.goldenRecords(g.lib, root);
writeFileSync(join(root, g.GOLDEN_FILE), g.goldenText(records));
process.stdout.write(`${g.GOLDEN_FILE}: ${records.length} records\n`);
