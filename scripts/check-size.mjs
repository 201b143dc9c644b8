#!/usr/bin/env node
// The core stays light: bundles what a browser or edge app gets from the library `outturn`
// (the root package; the CLI package outturn-cli in cli/ is not measured) and checks it.
//
//   npm run check:size             uses dist/ (builds it when missing; npm test builds first)
//   npm run check:size -- --build  build the library's dist/ first (tsup at the root)
//   npm run check:size -- --json   print the figures as JSON as well
//
// For each entry below, esbuild bundles the import of `outturn` the way a bundler does: through
// the package's "exports" (the workspace link node_modules/outturn, so dist/index.js for
// `import`, dist/index.cjs for `require`), with bundle, minify, platform neutral, metafile.
// The check fails when
//   - the entry does not resolve to the file it should (a broken "exports" map);
//   - the bundle contains zod, csv-parse or @e965/xlsx (inputs of the metafile), anything of
//     outturn/schema, or anything of the CLI package;
//   - the bundle imports a `node:` module or a Node built-in (imports of the metafile's output);
//   - it is larger, minified or gzipped (node:zlib, level 9), than its budget.
// Budgets are the measurement of 2026-11-26 plus about 20% headroom; docs/size.md records the figures.
import { existsSync, realpathSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bin, CheckError, check, main, ROOT, runOk, step } from './util.mjs';

/** Bytes. Raise a budget only deliberately, and update docs/size.md with the new figures. */
const ENTRIES = [
  {
    name: "import { executionRate } from 'outturn'",
    code: "export { executionRate } from 'outturn';",
    format: 'esm',
    resolves: 'dist/index.js',
    budget: { minified: 60_000, gzip: 23_000 },
  },
  {
    name: "import * from 'outturn' (the whole core)",
    code: "export * from 'outturn';",
    format: 'esm',
    resolves: 'dist/index.js',
    budget: { minified: 300_000, gzip: 95_000 },
  },
  {
    // What a CommonJS bundle gets: the same reachability rules; the whole core's budget.
    name: "require('outturn') (the whole core, CommonJS)",
    code: "module.exports = require('outturn');",
    format: 'cjs',
    resolves: 'dist/index.cjs',
    budget: { minified: 300_000, gzip: 95_000 },
  },
];

const FORBIDDEN_INPUTS = [
  /node_modules[\\/]zod[\\/]/,
  /node_modules[\\/]csv-parse[\\/]/,
  /node_modules[\\/]@e965[\\/]/,
  /(^|[\\/])cli[\\/]/,
];
const BUILTINS = new Set(builtinModules);

const dist = join(ROOT, 'dist', 'index.js');
const asJson = process.argv.includes('--json');

await main('check-size: the core bundle', async () => {
  if (process.argv.includes('--build') || !existsSync(dist)) {
    await step('build (tsup)', () => {
      runOk('tsup', bin('tsup'), [], { cwd: ROOT });
    });
  }
  await step("'outturn' resolves to this repository's build", () => {
    const link = join(ROOT, 'node_modules', 'outturn');
    check(
      existsSync(link) && realpathSync(link) === realpathSync(ROOT),
      'node_modules/outturn is not the workspace link to this repository: run npm ci at the root',
    );
    return 'node_modules/outturn → the repository root (npm workspace)';
  });
  const figures = [];
  for (const entry of ENTRIES) {
    await step(entry.name, async () => {
      const result = await build({
        stdin: { contents: entry.code, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js' },
        // 'outturn' resolves through node_modules and the package's "exports", as in an app;
        // the repository's tsconfig.json is not read (its "paths" map 'outturn' to src/).
        tsconfigRaw: {},
        bundle: true,
        minify: true,
        platform: 'neutral',
        format: entry.format,
        target: 'es2022',
        // Node built-ins stay external so that an import of one is reported, not a build error.
        external: ['node:*', ...builtinModules],
        metafile: true,
        write: false,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      const resolved = inputs.filter((i) => /(^|[\\/])dist[\\/]index\.c?js$/.test(i));
      check(
        resolved.length === 1 && resolved[0].replaceAll('\\', '/').endsWith(entry.resolves),
        `${entry.name} resolved to ${resolved.join(', ') || 'no dist/index file'}, not ${entry.resolves}`,
      );
      const bad = packagesOf(inputs.filter((i) => FORBIDDEN_INPUTS.some((re) => re.test(i))));
      check(bad.length === 0, `the bundle of ${entry.name} contains ${bad.join(', ')}`);
      const schema = inputs.filter((i) => /dist[\\/]schema\./.test(i));
      check(schema.length === 0, `the bundle of ${entry.name} contains outturn/schema`);
      const output = Object.values(result.metafile.outputs)[0];
      const nodeImports = output.imports
        .map((i) => i.path)
        .filter((p) => p.startsWith('node:') || BUILTINS.has(p));
      check(nodeImports.length === 0, `the bundle of ${entry.name} imports ${nodeImports.join(', ')}`);
      const bytes = result.outputFiles[0].contents;
      const minified = bytes.length;
      const gzip = gzipSync(bytes, { level: 9 }).length;
      figures.push({ entry: entry.name, minified, gzip, budget: entry.budget, inputs });
      const line = `${kb(minified)} minified (budget ${kb(entry.budget.minified)}), ${kb(gzip)} gzipped (budget ${kb(entry.budget.gzip)}); inputs: ${packagesOf(inputs).join(', ')}`;
      if (minified > entry.budget.minified || gzip > entry.budget.gzip) {
        throw new CheckError(`${entry.name} is over its size budget: ${line}`);
      }
      return line;
    });
  }
  if (asJson)
    console.log(
      JSON.stringify(
        figures.map(({ inputs: _, ...f }) => f),
        null,
        2,
      ),
    );
});

/** Input paths of a metafile, with files under node_modules shortened to their package name. */
function packagesOf(inputs) {
  const names = inputs.map((i) => {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(i);
    return m ? m[1] : i;
  });
  return [...new Set(names)];
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
