#!/usr/bin/env node
// Checks both packages as they ship: the tarballs npm publishes, not the working tree.
//
//   npm run check:package               build both packages (npm run build), then check
//   npm run check:package -- --no-build use the dist/ folders that are there (npm test builds first)
//   npm run check:package -- --keep     keep the temporary folders and print where they are
//
// 1. The release metadata check (scripts/test-release-metadata.mjs).
// 2. The tarballs: `npm pack` of the library at the root, and of the CLI from a staging copy
//    whose package.json depends on "outturn": "^<version>" (scripts/pack-cli.mjs). Each holds
//    what its package.json names (exports, bin) plus README.md and LICENSE, and nothing else:
//    nothing of src/, test/, cli/ in the library. Every relative link of each README points
//    to a file of its tarball (the npm page shows no other file).
// 3. publint --strict and attw on each tarball (profile node16, or strict with typesVersions:
//    node10 cannot see subpath exports, so typesVersions maps them and node10 is checked too).
// 4. The library alone, in an empty project: node_modules holds exactly outturn and decimal.js
//    (zod is an optional peer: not installed, and outturn/schema says it is missing). The
//    core entry is imported from ESM and required from CJS. Then the project installs zod
//    itself, and both entries are used from ESM and CJS and type-checked with the repository's
//    tsc, skipLibCheck OFF: NodeNext (an ESM .ts and a CJS .cts, with @types/node),
//    ESNext + Bundler (lib DOM, no @types/node), and the core entry alone with no DOM, no
//    @types/node and esModuleInterop/allowSyntheticDefaultImports off.
// 5. Both tarballs together, in another empty project (the rest from the registry or the npm
//    cache): node_modules holds exactly the packages their dependencies name; then
//    `npx outturn check report.json` (exit 1: the reference report has errors; --format json
//    parsed), `npx outturn-cli check` (npx by the package name), and through the same
//    node_modules/.bin link `outturn --version`, `outturn import` of a CSV and of an .xlsx
//    written here, exit 2 on a missing file; import('outturn-cli/import') and
//    require('outturn-cli/render') with real figures, and tsc NodeNext on typed uses of
//    outturn-cli, outturn-cli/import and outturn-cli/render.
// The two installs run while the tarballs are linted.
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packCli } from './pack-cli.mjs';
import { brokenLinks } from './readme-links.mjs';
import { bin, CheckError, check, indent, main, ROOT, runAsync, runOk, runOkAsync, step } from './util.mjs';

const argv = new Set(process.argv.slice(2));
const unknown = [...argv].filter((a) => !['--no-build', '--keep'].includes(a));
if (unknown.length > 0) {
  console.error(`check-package: unknown option ${unknown[0]} (known: --no-build, --keep)`);
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const cliPkg = JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const tsc = bin('tsc');
const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const EXAMPLE_CSV = join(
  ROOT,
  'cli',
  'test',
  'fixtures',
  'import',
  'suzhou-commerce-service-center-2023.csv',
);
/** The findings of the reference report, by severity. */
const EXAMPLE_SUMMARY = { error: 3, warning: 5, info: 4 };
const INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'];

/**
 * Relative links of the root README.md that point to files the library's tarball does not
 * hold (docs/, examples/, CHANGELOG.md): known, and to be fixed in README.md. They are
 * reported on every run; a link not in this list fails the check, and so does a listed link
 * that is no longer broken (then delete it here). Empty the list to make the check strict.
 */
const KNOWN_BROKEN_LINKS = {
  outturn: [],
  'outturn-cli': [],
};

// ---------------------------------------------------------------------------------------------
// The library consumer's files.

/** ESM without zod: the core entry works; outturn/schema fails on the missing zod. */
const ESM_CORE = `import { executionRate } from 'outturn';
import { strict as assert } from 'node:assert';

assert.equal(executionRate({ adjusted: '321.19', actual: '430.93' }).printed, '134.17%');
await assert.rejects(import('outturn/schema'), (e) => e.code === 'ERR_MODULE_NOT_FOUND' && /'zod'/.test(e.message));
console.log('esm ok without zod; outturn/schema: zod not found');
`;

/** ESM: both entry points, figures of the reference report. */
const ESM = `import { evaluateIndicator, executionRate, validateReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import { readFileSync } from 'node:fs';
import { strict as assert } from 'node:assert';

const rate = executionRate({ adjusted: '321.19', actual: '430.93' });
assert.equal(rate.ok && rate.printed, '134.17%');
assert.equal(evaluateIndicator({ target: '=100%', actual: '93.74%' }).deviation?.printed, '-6.26%');
const parsed = parseReport(JSON.parse(readFileSync('report.json', 'utf8')));
assert.ok(parsed.ok, 'the reference report parses');
const result = validateReport(parsed.report);
assert.equal(result.budget[0].executionRate, '134.17%');
assert.deepEqual(result.summary, ${JSON.stringify(EXAMPLE_SUMMARY)});
assert.deepEqual(parseReport([]).findings.map((f) => f.code), ['invalid-report']);
assert.match(import.meta.resolve('outturn'), /\\/dist\\/index\\.js$/);
assert.match(import.meta.resolve('outturn/schema'), /\\/dist\\/schema\\.js$/);
console.log('esm ok', JSON.stringify(result.summary));
`;

/** CJS: require() resolves to the .cjs builds. */
const CJS = `const assert = require('node:assert/strict');
const { executionRate, staffControlRate } = require('outturn');
const { parseReport } = require('outturn/schema');

assert.equal(executionRate({ adjusted: '57.21', actual: '49.54' }).printed, '86.59%');
assert.equal(staffControlRate({ authorized: 14, actual: 10 }).printed, '71.43%');
assert.equal(parseReport({ indicators: [{ target: true }] }).ok, false);
assert.match(require.resolve('outturn'), /dist[\\\\/]index\\.cjs$/);
assert.match(require.resolve('outturn/schema'), /dist[\\\\/]schema\\.cjs$/);
assert.equal(require('outturn/package.json').name, 'outturn');
console.log('cjs ok');
`;

/** CJS without zod: the core entry only. */
const CJS_CORE = `const assert = require('node:assert/strict');
const { executionRate } = require('outturn');
assert.equal(executionRate({ adjusted: '57.21', actual: '49.54' }).printed, '86.59%');
assert.throws(() => require('outturn/schema'), (e) => e.code === 'MODULE_NOT_FOUND' && /'zod'/.test(e.message));
console.log('cjs ok without zod');
`;

/** Typed use of both entries. The @ts-expect-error lines fail if a type degrades to any. */
const TYPED = (from) => `import {
  type Evaluation,
  type Finding,
  type IndicatorStatus,
  type RateResult,
  evaluateIndicator,
  executionRate,
  validateReport,
} from 'outturn';
import { type ParseReportResult, parseReport } from 'outturn/schema';

const rate: RateResult = executionRate({ adjusted: '321.19', actual: 430.93 });
// @ts-expect-error: printed exists only when ok is true
rate.printed;
const printed: string = rate.ok ? rate.printed : rate.code;
const ev: Evaluation = evaluateIndicator({ target: '≥90%', actual: '99%' });
const status: IndicatorStatus = ev.status;
const parsed: ParseReportResult = parseReport(JSON.parse('{}'));
const findings: readonly Finding[] = parsed.ok ? validateReport(parsed.report).findings : parsed.findings;
// @ts-expect-error: figures are strings or numbers, not booleans
executionRate({ adjusted: true, actual: '1' });
export const out${from} = { printed, status, count: findings.length };
`;

/** The core entry alone: must type-check with no DOM, no @types/node and no interop flags. */
const CORE = `import { type RateResult, executionRate, validateReport } from 'outturn';

const rate: RateResult = executionRate({ adjusted: '0', actual: '0' });
export const code: string | null = rate.ok ? null : rate.code;
export const summary = validateReport({ indicators: [{ name: '满意率', target: '≥95%', actual: '100%' }] }).summary;
`;

// ---------------------------------------------------------------------------------------------
// The CLI consumer's files.

/** ESM: the three entries of outturn-cli, with the library they import. */
const CLI_ESM = `import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

const { importReport, importText } = await import('outturn-cli/import');
const { renderJson } = await import('outturn-cli/render');
const { EXIT, main } = await import('outturn-cli');
const { validateReport } = await import('outturn');

const csv = await importReport(readFileSync('table.csv'), { fileName: 'table.csv' });
assert.ok(csv.ok, 'the CSV imports');
assert.equal(csv.format, 'csv');
assert.equal(csv.report.budget[0].actual, '430.93');
const xlsx = await importReport(readFileSync('table.xlsx'), { fileName: 'table.xlsx' });
assert.ok(xlsx.ok && xlsx.format === 'xlsx', 'the workbook imports');
assert.equal(importText('not a table').ok, false);
const json = JSON.parse(renderJson(validateReport(JSON.parse(readFileSync('report.json', 'utf8'))), 'en'));
assert.deepEqual(json.summary, ${JSON.stringify(EXAMPLE_SUMMARY)});
let out = '';
const io = { stdout: (t) => { out += t; }, stderr: () => {}, env: {}, isTTY: false };
assert.equal(await main(['--version'], io), EXIT.ok);
assert.equal(out.trim(), ${JSON.stringify(pkg.version)});
assert.match(import.meta.resolve('outturn-cli/import'), /\\/node_modules\\/outturn-cli\\/dist\\/import\\.js$/);
assert.match(import.meta.resolve('outturn'), /\\/node_modules\\/outturn\\/dist\\/index\\.js$/);
console.log('esm ok: outturn-cli, outturn-cli/import, outturn-cli/render');
`;

/** CJS: require() of the CLI's entries resolves to the .cjs builds, xlsx included. */
const CLI_CJS = `const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { toJsonOutput, renderMarkdown } = require('outturn-cli/render');
const { importReport } = require('outturn-cli/import');
const { validateReport } = require('outturn');

const result = validateReport(JSON.parse(readFileSync('report.json', 'utf8')));
assert.deepEqual(toJsonOutput(result, 'zh').summary, ${JSON.stringify(EXAMPLE_SUMMARY)});
assert.match(renderMarkdown({ file: 'report.json', result }, { lang: 'en' }), /134\\.17%/);
assert.match(require.resolve('outturn-cli/render'), /dist[\\\\/]render\\.cjs$/);
assert.match(require.resolve('outturn-cli/import'), /dist[\\\\/]import\\.cjs$/);
assert.match(require.resolve('outturn-cli'), /dist[\\\\/]index\\.cjs$/);
importReport(readFileSync('table.xlsx')).then((r) => {
  assert.ok(r.ok && r.format === 'xlsx' && r.report.indicators.length === 2, 'the workbook imports from CJS');
  console.log('cjs ok: outturn-cli/render, outturn-cli/import (xlsx)');
});
`;

/** Typed use of the CLI's entries. */
const CLI_TYPED = (from) => `import { type CliIO, EXIT, main } from 'outturn-cli';
import { type ImportResult, importReport, importText } from 'outturn-cli/import';
import { type JsonOutput, type RenderInput, renderText, toJsonOutput } from 'outturn-cli/render';
import { type ValidationResult, validateReport } from 'outturn';

const io: CliIO = { stdout: () => {}, stderr: () => {}, env: {}, isTTY: false };
const exit: Promise<number> = main(['--version'], io);
const usage: 2 = EXIT.usage;
const imported: ImportResult = importText('a,b', { from: 'csv' });
// @ts-expect-error: the report exists only when ok is true
imported.report;
const pending: Promise<ImportResult> = importReport(new Uint8Array(0), { fileName: 'x.csv' });
const result: ValidationResult = validateReport({});
const json: JsonOutput = toJsonOutput(result, 'en');
const errors: number = json.summary.error;
const input: RenderInput = { file: 'report.json', result };
const text: string = renderText(input, { lang: 'zh', width: 80 });
// @ts-expect-error: the language is zh or en
toJsonOutput(result, 'fr');
export const cli${from} = { exit, usage, pending, errors, text };
`;

const STRICT = {
  target: 'ES2022',
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: false,
};
const NODENEXT = {
  ...STRICT,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022'],
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules', '@types')],
};

/** tsconfig files of the library consumer: name → [compilerOptions, files, what it shows]. */
const TSCONFIGS = {
  'tsconfig.nodenext.json': [
    NODENEXT,
    ['consumer.ts', 'consumer-cjs.cts'],
    'NodeNext: ESM .ts + CJS .cts, @types/node',
  ],
  'tsconfig.bundler.json': [
    { ...STRICT, module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [] },
    ['consumer.ts'],
    'ESNext + Bundler, lib DOM',
  ],
  'tsconfig.core-nodenext.json': [
    {
      ...STRICT,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022'],
      types: [],
      esModuleInterop: false,
      allowSyntheticDefaultImports: false,
    },
    ['core.ts'],
    'core entry, NodeNext, no DOM/@types/node/interop',
  ],
  'tsconfig.core-bundler.json': [
    {
      ...STRICT,
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022'],
      types: [],
      esModuleInterop: false,
      allowSyntheticDefaultImports: false,
    },
    ['core.ts'],
    'core entry, Bundler, no DOM/@types/node/interop',
  ],
};

// ---------------------------------------------------------------------------------------------
// Helpers.

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** The package folders in `dir`/node_modules, scoped ones as `@scope/name`, sorted. */
function installedPackages(dir) {
  const nm = join(dir, 'node_modules');
  const names = [];
  for (const e of readdirSync(nm)) {
    if (e.startsWith('.')) continue;
    if (e.startsWith('@')) for (const s of readdirSync(join(nm, e))) names.push(`${e}/${s}`);
    else names.push(e);
  }
  return names.sort();
}

/** The installed manifest of `name` in `dir`; checks that it is a real folder, not a link. */
function installedManifest(dir, name) {
  const folder = join(dir, 'node_modules', name);
  check(!lstatSync(folder).isSymbolicLink(), `node_modules/${name} is a link, not an installed package`);
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
}

/** Every path a package.json points at: exports (all conditions), main, module, types, bin. */
function manifestTargets(manifest) {
  const targets = new Set();
  const walk = (v) => {
    if (typeof v === 'string') targets.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest.exports);
  for (const f of ['main', 'module', 'types']) walk(manifest[f]);
  walk(typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin);
  return [...targets].map((t) => t.replace(/^\.\//, '')).filter((t) => !t.includes('*'));
}

/**
 * Checks a tarball's file list: every path its package.json names, README.md and LICENSE are
 * in it; nothing outside `allowed`; bins executable with a #! line. Returns a summary line.
 */
function checkFiles(info, manifest, allowed, sourceDir) {
  const files = info.files.map((f) => f.path);
  for (const f of ['package.json', 'README.md', 'LICENSE', ...manifestTargets(manifest)]) {
    check(files.includes(f), `the ${manifest.name} tarball lacks ${f}`);
  }
  const stray = files.filter((f) => !allowed.test(f));
  check(stray.length === 0, `the ${manifest.name} tarball holds files it should not: ${stray.join(', ')}`);
  for (const target of Object.values(manifest.bin ?? {})) {
    const path = target.replace(/^\.\//, '');
    const entry = info.files.find((f) => f.path === path);
    check((entry.mode & 0o111) !== 0, `${manifest.name}: ${path} is not executable in the tarball`);
    const head = readFileSync(join(sourceDir, path), 'utf8').slice(0, 20);
    check(
      head.startsWith('#!/usr/bin/env node'),
      `${manifest.name}: ${path} has no #!/usr/bin/env node line`,
    );
  }
  return `${info.filename}: ${files.length} files, ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked`;
}

/** Checks the relative links of a package's README against its tarball, with the known list. */
function checkReadme(name, readmeFile, info) {
  const files = info.files.map((f) => f.path);
  const broken = brokenLinks(readFileSync(readmeFile, 'utf8'), 'README.md', files);
  const known = KNOWN_BROKEN_LINKS[name] ?? [];
  const unexpected = broken.filter((l) => !known.includes(l.target));
  check(
    unexpected.length === 0,
    `README.md of ${name} links to files its tarball does not hold (the npm page shows only the tarball):\n${indent(unexpected.map((l) => `line ${l.line}: ${l.target}`).join('\n'))}`,
  );
  const fixed = known.filter((t) => !broken.some((l) => l.target === t));
  check(
    fixed.length === 0,
    `README.md of ${name} no longer has these known broken links; delete them from KNOWN_BROKEN_LINKS in scripts/check-package.mjs: ${fixed.join(', ')}`,
  );
  const n = brokenLinks(readFileSync(readmeFile, 'utf8'), 'README.md', []).length;
  return broken.length === 0
    ? `${name}: ${n} relative links, all to files in the tarball`
    : `${name}: ${n} relative links; KNOWN BROKEN on npm until README.md is fixed (${broken.length}): ${[...new Set(broken.map((l) => l.target))].join(', ')}`;
}

/** Runs `fn` on every item, at most `n` at a time; resolves to the results in order. */
async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}

/** A consumer project folder with a package.json. */
function project(dir, name) {
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`,
  );
  return dir;
}

/** Runs `outturn …` through npx in `cwd`; resolves to `{ status, stdout, stderr }`. */
const outturn = (cwd, args, name = 'outturn') => runAsync(npx, ['--no', '--', name, ...args], { cwd });

/**
 * Runs the `outturn` link npm made in `cwd`/node_modules/.bin, without npx: what npx runs,
 * one npm start-up less (the npx steps above show that npx finds it).
 */
const linked = (cwd, args) =>
  runAsync(
    join(cwd, 'node_modules', '.bin', process.platform === 'win32' ? 'outturn.cmd' : 'outturn'),
    args,
    {
      cwd,
    },
  );

/** Writes a small workbook: a header row and two indicator rows, with the CLI's xlsx library. */
function writeWorkbook(file) {
  const XLSX = createRequire(join(ROOT, 'cli', 'package.json'))('@e965/xlsx');
  const ws = XLSX.utils.aoa_to_sheet([
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '培训人次', '≥100人次', '120人次', 10, 10],
    ['效益指标', '满意度指标', '服务对象满意度', '≥90%', 0.95, 10, 10],
  ]);
  ws.E3.z = '0%'; // shown as 95%, as a spreadsheet user formats it
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '绩效指标');
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CheckError(`${what} printed no JSON: ${e.message}`);
  }
}

// ---------------------------------------------------------------------------------------------

await main(`check-package: ${pkg.name}@${pkg.version} and ${cliPkg.name}@${cliPkg.version}`, async () => {
  const temp = mkdtempSync(join(tmpdir(), 'outturn-check-package-'));
  let ok = false;
  try {
    if (argv.has('--no-build')) {
      await step('dist/ and cli/dist/ present (--no-build)', () => {
        const need = [
          ...['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'schema.js', 'schema.cjs'].map(
            (f) => `dist/${f}`,
          ),
          ...['bin.js', 'index.js', 'import.js', 'render.cjs', 'render.d.cts'].map((f) => `cli/dist/${f}`),
        ];
        for (const f of need) {
          check(existsSync(join(ROOT, f)), `${f} is missing: run npm run build (or drop --no-build)`);
        }
      });
    } else {
      await step('build (npm run build: the library, then the CLI)', () => {
        runOk('npm run build', npm, ['run', 'build', '--silent'], { cwd: ROOT });
      });
    }

    // The release metadata test spawns a dozen short processes: let it run while packing.
    const releaseTest = runOkAsync(
      'test-release-metadata',
      process.execPath,
      [join(ROOT, 'scripts', 'test-release-metadata.mjs')],
      {
        cwd: ROOT,
      },
    );
    releaseTest.catch(() => {}); // awaited below

    const packDir = join(temp, 'pack');
    mkdirSync(packDir);
    const lib = await step(`npm pack (${pkg.name})`, () => {
      const r = runOk(
        'npm pack',
        npm,
        ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir],
        {
          cwd: ROOT,
        },
      );
      const info = JSON.parse(r.stdout)[0];
      check(info.name === pkg.name, `npm pack at the root packed ${info.name}`);
      check(pkg.bin === undefined, `${pkg.name} has a bin: the command belongs to ${cliPkg.name}`);
      const line = checkFiles(info, pkg, /^(dist\/[^/]+$|package\.json$|README\.md$|LICENSE$)/, ROOT);
      return Object.assign(info, { path: join(packDir, info.filename), toString: () => line });
    });
    const cli = await step(
      `pack ${cliPkg.name} (scripts/pack-cli.mjs: staged, "${pkg.name}": "^${pkg.version}")`,
      () => {
        const info = packCli(packDir);
        const line = checkFiles(
          info,
          cliPkg,
          /^(dist\/[^/]+$|bin\/[^/]+$|docs\/images\/[^/]+\.png$|package\.json$|README\.md$|LICENSE$)/,
          join(ROOT, 'cli'),
        );
        return Object.assign(info, { toString: () => line });
      },
    );
    await step('release metadata check (scripts/test-release-metadata.mjs)', async () =>
      (await releaseTest).stdout.trim().split('\n').at(-1),
    );
    await step('README links point into the tarballs', () =>
      [
        checkReadme(pkg.name, join(ROOT, 'README.md'), lib),
        checkReadme(cliPkg.name, join(ROOT, 'cli', 'README.md'), cli),
      ].join('\n'),
    );

    // The installs take longest: start both now, lint the tarballs meanwhile.
    const libProject = project(join(temp, 'library'), 'outturn-consumer');
    const cliProject = project(join(temp, 'cli'), 'outturn-cli-consumer');
    const t0 = performance.now();
    const installs = [
      runOkAsync('npm install (library)', npm, [...INSTALL, lib.path], { cwd: libProject }).then(() =>
        seconds(t0),
      ),
      runOkAsync('npm install (both tarballs)', npm, [...INSTALL, lib.path, cli.path], {
        cwd: cliProject,
      }).then(() => seconds(t0)),
    ];
    for (const p of installs) p.catch(() => {}); // awaited below; no unhandled rejection meanwhile

    for (const [manifest, tarball] of [
      [pkg, lib],
      [cliPkg, cli],
    ]) {
      await step(`publint --strict (${manifest.name})`, async () => {
        const r = await runOkAsync('publint --strict', bin('publint'), ['run', tarball.path, '--strict'], {
          cwd: temp,
        });
        return r.stdout.trim().split('\n').at(-1);
      });
      // node10 resolution (TypeScript's moduleResolution "node") cannot see subpath exports: it
      // is checked only once package.json maps them with typesVersions.
      const profile = manifest.typesVersions ? 'strict' : 'node16';
      await step(`attw --profile ${profile} (${manifest.name})`, async () => {
        const r = await runOkAsync(
          'attw',
          bin('attw'),
          [tarball.path, '--profile', profile, '--format', 'table-flipped'],
          { cwd: temp },
        ).catch((e) => {
          throw new CheckError(`attw found problems in ${manifest.name}: ${e.message}`);
        });
        void r;
        const entries = Object.keys(manifest.exports)
          .filter((e) => e !== './package.json')
          .map((e) => `"${e === '.' ? manifest.name : `${manifest.name}/${e.slice(2)}`}"`)
          .join(', ');
        return `${entries}: ${profile === 'strict' ? 'node10, ' : ''}node16 (CJS), node16 (ESM), bundler`;
      });
    }

    // --- The library alone. -------------------------------------------------------------------
    await step(`npm install ${lib.filename} in an empty project`, async () => {
      const took = await installs[0];
      const list = installedPackages(libProject);
      check(
        JSON.stringify(list) === JSON.stringify(['decimal.js', 'outturn']),
        `node_modules holds ${list.join(', ')}; expected exactly decimal.js, outturn (zod is an optional peer)`,
      );
      const installed = installedManifest(libProject, 'outturn');
      check(installed.version === pkg.version, `installed ${installed.version}, expected ${pkg.version}`);
      return `node_modules: ${list.join(', ')} (done ${took} after the start of both installs)`;
    });
    copyFileSync(EXAMPLE, join(libProject, 'report.json'));
    writeFileSync(join(libProject, 'esm-core.mjs'), ESM_CORE);
    writeFileSync(join(libProject, 'cjs-core.cjs'), CJS_CORE);
    await step('import and require the core entry without zod', () =>
      ['esm-core.mjs', 'cjs-core.cjs']
        .map((f) => runOk(`node ${f}`, process.execPath, [f], { cwd: libProject }).stdout.trim())
        .join('\n'),
    );
    await step('the project installs zod itself', () => {
      const range = pkg.peerDependencies.zod;
      runOk('npm install zod', npm, [...INSTALL, `zod@${range}`], { cwd: libProject });
      const list = installedPackages(libProject);
      check(
        JSON.stringify(list) === JSON.stringify(['decimal.js', 'outturn', 'zod']),
        `node_modules holds ${list.join(', ')} after npm install zod`,
      );
      return `zod@${installedManifest(libProject, 'zod').version} (peer range ${range}); node_modules: ${list.join(', ')}`;
    });
    writeFileSync(join(libProject, 'esm.mjs'), ESM);
    writeFileSync(join(libProject, 'cjs.cjs'), CJS);
    await step('import from ESM (outturn, outturn/schema)', () =>
      runOk('node esm.mjs', process.execPath, ['esm.mjs'], { cwd: libProject }).stdout.trim(),
    );
    await step('require from CJS (outturn, outturn/schema)', () =>
      runOk('node cjs.cjs', process.execPath, ['cjs.cjs'], { cwd: libProject }).stdout.trim(),
    );
    writeFileSync(join(libProject, 'consumer.ts'), TYPED('Esm'));
    writeFileSync(join(libProject, 'consumer-cjs.cts'), TYPED('Cjs'));
    writeFileSync(join(libProject, 'core.ts'), CORE);
    const typeChecks = Object.entries(TSCONFIGS).map(([name, [compilerOptions, files, what]]) => {
      writeFileSync(join(libProject, name), `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`);
      return { cwd: libProject, name, what: `library: ${what}` };
    });

    // --- Both tarballs: the CLI. --------------------------------------------------------------
    await step(`npm install ${lib.filename} ${cli.filename} in an empty project`, async () => {
      const took = await installs[1];
      const list = installedPackages(cliProject);
      const manifests = new Map(list.map((n) => [n, installedManifest(cliProject, n)]));
      const published = manifests.get(cliPkg.name);
      check(published !== undefined, `${cliPkg.name} is not installed`);
      const spec = published.dependencies?.[pkg.name];
      check(
        spec === `^${pkg.version}`,
        `the published ${cliPkg.name} depends on ${pkg.name} "${spec}", not "^${pkg.version}"`,
      );
      const local = Object.entries(published.dependencies ?? {}).filter(([, s]) =>
        /^(file|link|workspace):/.test(s),
      );
      check(
        local.length === 0,
        `the published ${cliPkg.name} has local dependencies: ${JSON.stringify(local)}`,
      );
      check(
        manifests.get(pkg.name)?.version === pkg.version,
        `node_modules/${pkg.name} is not ${pkg.version}`,
      );
      // Exactly what the two packages' dependencies name, transitively (no devDependency, no
      // optional peer); zod comes in as a dependency of the CLI.
      const want = new Set();
      const add = (name) => {
        if (want.has(name)) return;
        want.add(name);
        const m = manifests.get(name);
        check(m !== undefined, `${name} is needed but not installed at the top of node_modules`);
        const optionalPeers = Object.keys(m.peerDependenciesMeta ?? {}).filter(
          (p) => m.peerDependenciesMeta[p].optional,
        );
        for (const d of Object.keys({ ...m.dependencies, ...m.peerDependencies })) {
          if (!optionalPeers.includes(d)) add(d);
        }
        // Optional dependencies are named too (pdfjs-dist's @napi-rs/canvas and its build for
        // this platform); only the ones npm installed here count, the other platforms' are absent.
        for (const d of Object.keys(m.optionalDependencies ?? {})) {
          if (manifests.has(d)) add(d);
        }
      };
      add(pkg.name);
      add(cliPkg.name);
      const extra = list.filter((n) => !want.has(n));
      check(extra.length === 0, `node_modules holds packages no dependency names: ${extra.join(', ')}`);
      const versions = list.map((n) => `${n}@${manifests.get(n).version}`);
      return `node_modules: ${versions.join(', ')} (done ${took} after the start of both installs)`;
    });
    copyFileSync(EXAMPLE, join(cliProject, 'report.json'));
    copyFileSync(EXAMPLE_CSV, join(cliProject, 'table.csv'));
    writeWorkbook(join(cliProject, 'table.xlsx'));

    writeFileSync(join(cliProject, 'cli-consumer.ts'), CLI_TYPED('Esm'));
    writeFileSync(join(cliProject, 'cli-consumer-cjs.cts'), CLI_TYPED('Cjs'));
    writeFileSync(
      join(cliProject, 'tsconfig.json'),
      `${JSON.stringify({ compilerOptions: NODENEXT, files: ['cli-consumer.ts', 'cli-consumer-cjs.cts'] }, null, 2)}\n`,
    );
    typeChecks.push({
      cwd: cliProject,
      name: 'tsconfig.json',
      what: 'CLI: NodeNext, outturn-cli, outturn-cli/import, outturn-cli/render from an ESM .ts and a CJS .cts',
    });

    // tsc is single-threaded and the slowest part: one process per core, started now, while
    // the commands below run.
    const parallel = Math.max(1, Math.min(availableParallelism(), typeChecks.length));
    const t1 = performance.now();
    const typed = pool(typeChecks, parallel, async ({ cwd, name, what }) => {
      const t = performance.now();
      await runOkAsync(`tsc -p ${name} (${what})`, tsc, ['-p', name], { cwd });
      return `${name} (${seconds(t)}): ${what}`;
    });
    typed.catch(() => {}); // awaited below

    await step('npx outturn check report.json (exit 1: the report has errors)', async () => {
      const r = await outturn(cliProject, ['check', 'report.json']);
      check(r.status === 1, `outturn check exited ${r.status}, expected 1:\n${indent(r.stderr)}`);
      check(r.stdout.includes('134.17%'), 'the text output does not show 134.17%');
      return `exit ${r.status}, ${r.stdout.split('\n').length} lines of text`;
    });
    await step('npx outturn check report.json --format json', async () => {
      const r = await outturn(cliProject, ['check', 'report.json', '--format', 'json']);
      check(r.status === 1, `outturn check --format json exited ${r.status}, expected 1`);
      const out = parseJson(r.stdout, 'outturn check --format json');
      for (const key of ['summary', 'findings', 'budget', 'indicators', 'crossChecks']) {
        check(key in out, `the JSON output has no "${key}"`);
      }
      check(
        JSON.stringify(out.summary) === JSON.stringify(EXAMPLE_SUMMARY),
        `summary ${JSON.stringify(out.summary)}, expected ${JSON.stringify(EXAMPLE_SUMMARY)}`,
      );
      check(out.budget[0]?.executionRate === '134.17%', 'budget[0].executionRate is not 134.17%');
      check(
        out.findings.some((f) => f.code === 'cross-check-mismatch' && f.recomputed === '134.17%'),
        'no cross-check-mismatch finding with recomputed 134.17%',
      );
      return `summary ${JSON.stringify(out.summary)}, ${out.findings.length} findings`;
    });
    await step(`npx ${cliPkg.name} check report.json (npx by the package name)`, async () => {
      const r = await outturn(
        cliProject,
        ['check', 'report.json', '--format', 'json', '--fail-on', 'never'],
        cliPkg.name,
      );
      check(
        r.status === 0,
        `npx ${cliPkg.name} check exited ${r.status}:\n${indent(`${r.stdout}${r.stderr}`.slice(0, 2000))}`,
      );
      const out = parseJson(r.stdout, `npx ${cliPkg.name} check`);
      check(
        JSON.stringify(out.summary) === JSON.stringify(EXAMPLE_SUMMARY),
        `summary ${JSON.stringify(out.summary)}`,
      );
      return `exit 0 with --fail-on never, summary ${JSON.stringify(out.summary)}`;
    });
    await step('outturn --version', async () => {
      const r = await linked(cliProject, ['--version']);
      check(
        r.status === 0 && r.stdout.trim() === pkg.version,
        `outturn --version exited ${r.status}, printed "${r.stdout.trim()}"`,
      );
      return r.stdout.trim();
    });
    await step('outturn import table.csv, table.xlsx; outturn check table.csv', async () => {
      const lines = [];
      for (const [file, test] of [
        ['table.csv', (r) => r.budget?.[0]?.actual === '430.93' && r.indicators?.length > 0],
        ['table.xlsx', (r) => r.indicators?.length === 2 && r.indicators[1].actual === '95%'],
      ]) {
        const r = await linked(cliProject, ['import', file]);
        check(r.status === 0, `outturn import ${file} exited ${r.status}:\n${indent(r.stderr)}`);
        const report = parseJson(r.stdout, `outturn import ${file}`);
        check(
          test(report),
          `outturn import ${file} gave an unexpected report:\n${indent(r.stdout.slice(0, 800))}`,
        );
        lines.push(
          `${file}: ${report.budget?.length ?? 0} budget roots, ${report.indicators?.length ?? 0} indicators`,
        );
      }
      const direct = await linked(cliProject, ['check', 'table.csv', '--format', 'json']);
      const summary = parseJson(direct.stdout, 'outturn check table.csv').summary;
      check(
        JSON.stringify(summary) === JSON.stringify(EXAMPLE_SUMMARY),
        `outturn check table.csv: summary ${JSON.stringify(summary)}`,
      );
      lines.push(`outturn check table.csv: exit ${direct.status}, summary ${JSON.stringify(summary)}`);
      return lines.join('\n');
    });
    await step('outturn check no-such-file.json (exit 2, one line on stderr)', async () => {
      const r = await linked(cliProject, ['check', 'no-such-file.json']);
      check(r.status === 2, `outturn check on a missing file exited ${r.status}, expected 2`);
      check(
        r.stderr.trim().split('\n').length === 1,
        `the usage error is not one line on stderr:\n${indent(r.stderr)}`,
      );
      return r.stderr.trim();
    });

    writeFileSync(join(cliProject, 'cli-esm.mjs'), CLI_ESM);
    writeFileSync(join(cliProject, 'cli-cjs.cjs'), CLI_CJS);
    await step("import('outturn-cli/import') from ESM, require('outturn-cli/render') from CJS", async () => {
      const lines = [];
      for (const f of ['cli-esm.mjs', 'cli-cjs.cjs']) {
        lines.push((await runOkAsync(`node ${f}`, process.execPath, [f], { cwd: cliProject })).stdout.trim());
      }
      return lines.join('\n');
    });
    await step(
      `tsc, skipLibCheck off: ${typeChecks.length} consumer projects, ${parallel} at a time`,
      async () => {
        const lines = await typed;
        return [`all done ${seconds(t1)} after the start`, ...lines].join('\n');
      },
    );
    ok = true;
  } finally {
    if (argv.has('--keep') || !ok) console.log(`temporary files kept in ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  }
});
