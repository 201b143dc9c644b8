#!/usr/bin/env node
// The API reference in docs/api is generated from the JSDoc of src/index.ts and src/schema/index.ts
// (typedoc.json: TypeDoc + typedoc-plugin-markdown), then formatted with the repository's biome
// so that `npm run lint` accepts it. This script makes it and checks it:
//
//   npm run docs:api         (--write) regenerate docs/api; commit the result
//   npm run check:docs-api   regenerate into a temporary folder and fail when docs/api differs:
//                            the reference is stale, or was edited by hand
//
// TypeDoc warnings (a broken {@link}, an exported type that is not reachable) are errors.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { bin, CheckError, main, ROOT, runOk, step } from './util.mjs';

const API = join(ROOT, 'docs', 'api');
const write = process.argv.includes('--write');

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
function files(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      relative(dir, join(e.parentPath ?? e.path, e.name))
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** Generates the reference into `out` and formats every Markdown file as if it were in docs/api. */
async function generate(out) {
  await step('typedoc', () => {
    runOk('typedoc', bin('typedoc'), ['--options', 'typedoc.json', '--out', out, '--logLevel', 'Warn'], {
      cwd: ROOT,
    });
  });
  await step('biome format', () => {
    const generated = files(out).filter((f) => f.endsWith('.md'));
    for (const f of generated) {
      const r = runOk('biome format', bin('biome'), ['format', `--stdin-file-path=docs/api/${f}`], {
        cwd: ROOT,
        input: readFileSync(join(out, f), 'utf8'),
      });
      writeFileSync(join(out, f), r.stdout);
    }
    return `${generated.length} files`;
  });
}

await main(write ? 'docs:api: generate docs/api' : 'check-api-docs: docs/api against the JSDoc', async () => {
  const temp = mkdtempSync(join(tmpdir(), 'outturn-api-docs-'));
  try {
    await generate(temp);
    if (write) {
      await step('write docs/api', () => {
        rmSync(API, { recursive: true, force: true });
        mkdirSync(dirname(API), { recursive: true });
        cpSync(temp, API, { recursive: true });
        return `${files(API).length} files in docs/api`;
      });
      return;
    }
    await step('compare with docs/api', () => {
      const want = files(temp);
      const have = files(API);
      const problems = [];
      for (const f of want) {
        if (!have.includes(f)) problems.push(`missing: docs/api/${f}`);
        else if (readFileSync(join(temp, f), 'utf8') !== readFileSync(join(API, f), 'utf8')) {
          problems.push(`stale: docs/api/${f}`);
        }
      }
      for (const f of have) if (!want.includes(f)) problems.push(`not generated any more: docs/api/${f}`);
      if (problems.length > 0) {
        throw new CheckError(
          `docs/api does not match the JSDoc; run \`npm run docs:api\` and commit the result:\n  ${problems.join('\n  ')}`,
        );
      }
      return `${want.length} files up to date`;
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});
