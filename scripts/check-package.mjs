#!/usr/bin/env node
// Checks the package as it ships: the tarball `npm pack` makes, not the working tree.
//
//   npm run check:package               build (tsup), then check
//   npm run check:package -- --no-build use the dist/ that is there (npm test builds first)
//   npm run check:package -- --keep     keep the temporary folders and print where they are
//
// 1. npm pack --json into a temporary folder; the file list holds dist/ and nothing of src/ or test/.
// 2. publint --strict on the tarball (warnings are errors).
// 3. attw on the tarball, profile node16: node16 from CJS, node16 from ESM and bundler
//    resolution of every entry point (node10 cannot see subpath exports: with typesVersions
//    in package.json the profile becomes strict, which checks node10 too).
// 4. A fresh consumer project installs the tarball (its dependencies come from the registry
//    or the npm cache) and
//    - imports it from ESM and requires it from CJS, checking real figures;
//    - type-checks consumer files with the repository's tsc, skipLibCheck OFF, under
//      NodeNext (an ESM .ts and a CJS .cts file, with @types/node) and under
//      ESNext + Bundler (lib DOM, no @types/node); and the core entry alone with no DOM,
//      no @types/node and esModuleInterop/allowSyntheticDefaultImports off;
//    - runs the bin: `outturn --version`, `outturn check <reference report> --format json`
//      (parsed), the exit code 1 with the default --fail-on, the exit code 2 on a missing file.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, CheckError, check, main, ROOT, run, runOk, step } from './util.mjs';

const argv = new Set(process.argv.slice(2));
const unknown = [...argv].filter((a) => !['--no-build', '--keep'].includes(a));
if (unknown.length > 0) {
  console.error(`check-package: unknown option ${unknown[0]} (known: --no-build, --keep)`);
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const tsc = bin('tsc');
const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');

// ---------------------------------------------------------------------------------------------
// The consumer project's files.

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
assert.deepEqual(parseReport([]).findings.map((f) => f.code), ['invalid-report']);
assert.match(import.meta.resolve('outturn'), /\\/dist\\/index\\.js$/);
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

const STRICT = {
  target: 'ES2022',
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: false,
};

/** tsconfig files: name → [compilerOptions, files, what it shows]. */
const TSCONFIGS = {
  'tsconfig.nodenext.json': [
    {
      ...STRICT,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
    },
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

await main(`check-package: ${pkg.name}@${pkg.version}`, async () => {
  const temp = mkdtempSync(join(tmpdir(), 'outturn-check-package-'));
  let ok = false;
  try {
    if (argv.has('--no-build')) {
      await step('dist/ present (--no-build)', () => {
        for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'schema.js', 'cli.js']) {
          check(
            existsSync(join(ROOT, 'dist', f)),
            `dist/${f} is missing: run npm run build (or drop --no-build)`,
          );
        }
      });
    } else {
      await step('build (tsup)', () => {
        runOk('tsup', bin('tsup'), [], { cwd: ROOT });
      });
    }

    const packDir = join(temp, 'pack');
    mkdirSync(packDir);
    const tarball = await step('npm pack', () => {
      const r = runOk('npm pack', npm, ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT });
      const info = JSON.parse(r.stdout)[0];
      const files = info.files.map((f) => f.path);
      const need = [
        'package.json',
        'README.md',
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/index.d.cts',
        'dist/schema.js',
        'dist/schema.cjs',
        'dist/schema.d.ts',
        'dist/schema.d.cts',
        'dist/cli.js',
      ];
      for (const f of need) check(files.includes(f), `the tarball lacks ${f}`);
      const stray = files.filter(
        (f) => !/^(dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(f),
      );
      check(stray.length === 0, `the tarball holds files outside dist/: ${stray.join(', ')}`);
      const cli = info.files.find((f) => f.path === 'dist/cli.js');
      check((cli.mode & 0o111) !== 0, 'dist/cli.js is not executable in the tarball');
      const head = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8').slice(0, 20);
      check(head.startsWith('#!/usr/bin/env node'), 'dist/cli.js has no #!/usr/bin/env node line');
      const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
      return {
        path: join(packDir, info.filename),
        toString: () =>
          `${info.filename}: ${files.length} files, ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked`,
      };
    });

    await step('publint --strict', () => {
      const r = runOk('publint --strict', bin('publint'), ['run', tarball.path, '--strict'], { cwd: temp });
      const out = r.stdout.trim().split('\n').at(-1);
      return out;
    });

    // node10 resolution (TypeScript's moduleResolution "node") cannot see subpath exports: it is
    // checked only once package.json maps them with typesVersions.
    const profile = pkg.typesVersions ? 'strict' : 'node16';
    await step(`attw --profile ${profile}`, () => {
      const r = run(bin('attw'), [tarball.path, '--profile', profile, '--format', 'table-flipped'], {
        cwd: temp,
      });
      if (r.status !== 0) {
        throw new CheckError(`attw found problems (exit ${r.status}):\n${r.stdout}${r.stderr}`);
      }
      const entries = Object.keys(pkg.exports ?? { '.': '' })
        .map((e) => `"${e === '.' ? pkg.name : `${pkg.name}/${e.slice(2)}`}"`)
        .join(', ');
      return `${entries}: ${profile === 'strict' ? 'node10, ' : ''}node16 (CJS), node16 (ESM), bundler`;
    });

    const consumer = join(temp, 'consumer');
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'package.json'),
      `${JSON.stringify({ name: 'outturn-consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    await step('npm install <tarball> in a fresh project', () => {
      runOk(
        'npm install',
        npm,
        ['install', tarball.path, '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'],
        { cwd: consumer },
      );
      const installed = JSON.parse(
        readFileSync(join(consumer, 'node_modules', 'outturn', 'package.json'), 'utf8'),
      );
      check(installed.version === pkg.version, `installed ${installed.version}, expected ${pkg.version}`);
      return `${consumer}`;
    });

    copyFileSync(EXAMPLE, join(consumer, 'report.json'));
    writeFileSync(join(consumer, 'esm.mjs'), ESM);
    writeFileSync(join(consumer, 'cjs.cjs'), CJS);

    await step('import from ESM', () => {
      return runOk('node esm.mjs', process.execPath, ['esm.mjs'], { cwd: consumer }).stdout.trim();
    });
    await step('require from CJS', () => {
      return runOk('node cjs.cjs', process.execPath, ['cjs.cjs'], { cwd: consumer }).stdout.trim();
    });

    writeFileSync(join(consumer, 'consumer.ts'), TYPED('Esm'));
    writeFileSync(join(consumer, 'consumer-cjs.cts'), TYPED('Cjs'));
    writeFileSync(join(consumer, 'core.ts'), CORE);
    for (const [name, [compilerOptions, files, what]] of Object.entries(TSCONFIGS)) {
      writeFileSync(join(consumer, name), `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`);
      await step(`tsc -p ${name} (skipLibCheck off)`, () => {
        runOk(`tsc -p ${name}`, tsc, ['-p', name], { cwd: consumer });
        return what;
      });
    }

    await step('bin: outturn --version', () => {
      const r = runOk('outturn --version', npx, ['--no', '--', 'outturn', '--version'], { cwd: consumer });
      check(r.stdout.trim() === pkg.version, `outturn --version printed "${r.stdout.trim()}"`);
      return r.stdout.trim();
    });
    await step('bin: outturn check report.json --format json --fail-on never', () => {
      const r = runOk(
        'outturn check',
        npx,
        ['--no', '--', 'outturn', 'check', 'report.json', '--format', 'json', '--fail-on', 'never'],
        {
          cwd: consumer,
        },
      );
      let out;
      try {
        out = JSON.parse(r.stdout);
      } catch (e) {
        throw new CheckError(`outturn check --format json printed no JSON: ${e.message}`);
      }
      for (const key of ['summary', 'findings', 'budget', 'indicators']) {
        check(key in out, `the JSON output has no "${key}"`);
      }
      check(out.budget[0]?.executionRate === '134.17%', 'budget[0].executionRate is not 134.17%');
      check(
        out.findings.some((f) => f.code === 'cross-check-mismatch' && f.recomputed === '134.17%'),
        'no cross-check-mismatch finding with recomputed 134.17%',
      );
      return `summary ${JSON.stringify(out.summary)}, ${out.findings.length} findings`;
    });
    await step('bin: exit codes 1 (findings) and 2 (missing file)', () => {
      const one = run(npx, ['--no', '--', 'outturn', 'check', 'report.json', '--format', 'json'], {
        cwd: consumer,
      });
      check(one.status === 1, `outturn check with errors exited ${one.status}, expected 1`);
      const two = run(npx, ['--no', '--', 'outturn', 'check', 'no-such-file.json'], { cwd: consumer });
      check(two.status === 2, `outturn check on a missing file exited ${two.status}, expected 2`);
      check(two.stderr.trim().split('\n').length === 1, 'the usage error is not one line on stderr');
    });
    ok = true;
  } finally {
    if (argv.has('--keep') || !ok) console.log(`temporary files kept in ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  }
});
