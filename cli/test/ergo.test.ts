/**
 * Issue 15, item 5: a CLI that behaves like eslint or prettier. --quiet, --max-warnings, info
 * findings collapsed by code (--verbose lists them), colours from --color / --no-color,
 * FORCE_COLOR and NO_COLOR, the language from --lang, the config file or the locale, `outturn
 * help` / `outturn version` / -V, the nearest option or command for a typo, and the config file
 * (outturn.config.json or the "outturn" key of package.json) found from the current folder up.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfig } from '../src/config.js';
import { langOfEnv, langOfLocale, useColor } from '../src/env.js';
import { editDistance, nearest } from '../src/text.js';
import { ROOT } from './support/cli.js';
import { type RunOptions, run } from './support/run.js';

const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
// Hong Kong light rail service performance, 2006: 156 indicators, 144 info findings (132
// implicit-operator, 12 needs-judgement), 0 errors, 0 warnings.
const HK = join(ROOT, 'examples', 'reports', 'hk-light-rail-2006-service-performance.json');
const ESC = '\u001b';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-ergo-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the temporary one, with `.git` so that no config above it is read. */
function project(name: string): string {
  const p = join(dir, name);
  mkdirSync(join(p, '.git'), { recursive: true });
  return p;
}

describe('--quiet and --max-warnings', () => {
  it('--quiet lists the 3 errors of the reference report, not its 5 warnings and 4 info', async () => {
    const all = await run(['check', EXAMPLE, '--lang', 'en']);
    const quiet = await run(['check', EXAMPLE, '--lang', 'en', '--quiet']);
    expect(all.stdout).toMatch(/^Warnings \(5\)$/m);
    expect(quiet.stdout).toMatch(/^Errors \(3\)$/m);
    expect(quiet.stdout).not.toMatch(/^Warnings|^Info/m);
    expect(quiet.stdout).toContain('--quiet: 5 warnings and 4 info not listed.');
    expect(quiet.stdout).toContain('Summary: 3 errors, 5 warnings, 4 info.');
    expect(quiet.status).toBe(1);
    const zh = await run(['check', EXAMPLE, '-q']);
    expect(zh.stdout).toContain('--quiet：未列出警告 5 个、提示 4 条。');
    const md = await run(['check', EXAMPLE, '--lang', 'en', '--quiet', '--format', 'markdown']);
    expect(md.stdout).toContain('| Errors | cross-check-mismatch |');
    expect(md.stdout).not.toContain('| Warnings |');
    expect(md.stdout).not.toContain('| Info |');
  });

  it('--quiet leaves the JSON output whole: programs filter it themselves', async () => {
    const a = await run(['check', EXAMPLE, '--format', 'json']);
    const b = await run(['check', EXAMPLE, '--format', 'json', '--quiet']);
    expect(b.stdout).toBe(a.stdout);
  });

  // The reference report has 5 warnings.
  it.each([
    ['0', 1],
    ['4', 1],
    ['5', 0],
    ['6', 0],
    ['-1', 0],
  ])('--max-warnings %s with --fail-on never: exit %i', async (n, status) => {
    const r = await run(['check', EXAMPLE, '--fail-on', 'never', '--format', 'json', `--max-warnings=${n}`]);
    expect(r.status).toBe(status);
  });

  it.each([['x'], ['1.5'], ['-2'], ['']])('--max-warnings "%s" is a usage error', async (n) => {
    const r = await run(['check', EXAMPLE, '--lang', 'en', `--max-warnings=${n}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--max-warnings must be a whole number of warnings');
  });
});

describe('info findings collapse by code', () => {
  it('the Hong Kong table: 144 info findings in two lines with counts; --verbose lists each', async () => {
    const short = await run(['check', HK, '--lang', 'en']);
    const verbose = await run(['check', HK, '--lang', 'en', '--verbose']);
    const lines = (s: string) => s.split('\n').length - 1;
    // Measured: 338 lines collapsed, 760 with --verbose (the output before issue 15).
    expect(lines(short.stdout)).toBeLessThan(lines(verbose.stdout) - 400);
    expect(short.stdout).toContain(
      'i implicit-operator: 132 findings, at indicators[0].target,\n    indicators[1].target, indicators[2].target and 129 more',
    );
    expect(short.stdout).toContain('i needs-judgement: 12 findings');
    expect(short.stdout).toContain('--verbose lists each');
    expect(short.stdout).toContain('Summary: 0 errors, 0 warnings, 144 info.');
    expect(verbose.stdout.match(/^ {2}i indicators\[\d+\]/gm)).toHaveLength(144);
    expect(verbose.stdout).not.toContain('--verbose lists each');
    const zh = await run(['check', HK]);
    expect(zh.stdout).toContain('implicit-operator：共 132 条');
  });

  it('five info findings of a code are listed, not collapsed (the limit is more than 5)', async () => {
    const indicators = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `指标${i}`, target: '99%', actual: '100%' }));
    for (const [n, collapsed] of [
      [5, false],
      [6, true],
    ] as const) {
      const p = join(dir, `implicit-${n}.json`);
      writeFileSync(p, JSON.stringify({ kind: 'project', indicators: indicators(n) }));
      const r = await run(['check', p, '--lang', 'en']);
      expect(r.stdout.includes(`implicit-operator: ${n} findings`), r.stdout).toBe(collapsed);
      expect((r.stdout.match(/^ {2}i indicators\[\d+\]/gm) ?? []).length).toBe(collapsed ? 0 : n);
    }
  });
});

describe('colours', () => {
  it.each([
    // flag, env, isTTY, colours
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '3' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [undefined, { FORCE_COLOR: '' }, false, false],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['always', { NO_COLOR: '1' }, false, true],
    ['never', { FORCE_COLOR: '1' }, true, false],
  ] as const)('flag %s, env %j, terminal %s: colours %s', (flag, env, isTTY, colours) => {
    expect(useColor(flag, env, isTTY)).toBe(colours);
  });

  it('through the command: --color, --no-color (the last wins), FORCE_COLOR, piped', async () => {
    const painted = async (args: readonly string[], options: RunOptions) =>
      (await run(['check', EXAMPLE, ...args], options)).stdout.includes(`${ESC}[`);
    expect(await painted([], { env: {} })).toBe(false); // piped
    expect(await painted([], { env: {}, isTTY: true })).toBe(true);
    expect(await painted([], { env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(await painted(['--color'], { env: { NO_COLOR: '1' } })).toBe(true);
    expect(await painted(['--no-color'], { env: {}, isTTY: true })).toBe(false);
    expect(await painted(['--color', '--no-color'], { env: {} })).toBe(false);
    expect(await painted(['--no-color', '--color'], { env: {} })).toBe(true);
    expect(await painted(['--format', 'json', '--color'], { env: {} })).toBe(false);
    const pefa = join(ROOT, 'cli', 'test', 'fixtures', 'pefa', 'options.json');
    expect((await run(['pefa', pefa, '--color'], { env: {} })).stdout).toContain(`${ESC}[1m`);
  });
});

describe('language', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh'],
    ['zh_TW', 'zh'],
    ['zh', 'zh'],
    ['ZH_cn', 'zh'],
    ['en_US.UTF-8', 'en'],
    ['C.UTF-8', 'en'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['fr_FR', 'en'],
    ['zhx', 'en'],
    ['', undefined],
    [undefined, undefined],
  ])('locale %j: %s', (value, lang) => {
    expect(langOfLocale(value)).toBe(lang);
  });

  it.each([
    [{ LC_ALL: 'zh_CN', LC_MESSAGES: 'en_US', LANG: 'en_US' }, 'zh'],
    [{ LC_ALL: 'en_US', LC_MESSAGES: 'zh_CN', LANG: 'zh_CN' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_US' }, 'zh'],
    [{ LC_MESSAGES: '', LANG: 'en_US' }, 'en'],
    [{ LANG: 'zh_CN.GB18030' }, 'zh'],
    [{}, undefined],
  ])('LC_ALL, LC_MESSAGES, LANG in that order: %j gives %s', (env, lang) => {
    expect(langOfEnv(env)).toBe(lang);
  });

  it('the output, usage errors and the notes of an import follow LANG; --lang wins', async () => {
    const en = { env: { LANG: 'en_US.UTF-8' } };
    expect((await run(['check', EXAMPLE], en)).stdout).toContain('Summary: 3 errors');
    expect((await run(['check', EXAMPLE], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('小结');
    expect((await run(['check', EXAMPLE], { env: {} })).stdout).toContain('小结'); // no locale: zh
    expect((await run(['check', EXAMPLE, '--lang', 'zh'], en)).stdout).toContain('小结');
    expect((await run(['check', 'missing.json'], en)).stderr).toBe(
      'outturn: cannot read missing.json: no such file\n',
    );
    expect((await run(['--bogus'], en)).stderr).toContain('unknown option "--bogus"');
    const csv = join(dir, 'lang.csv');
    writeFileSync(csv, '预算项目,年初预算数,实际支出数,备注\n合计,1,1,x\n');
    const imported = await run(['import', csv], en);
    expect(imported.stderr).toContain('outturn: imported 1 budget line(s)');
    expect((await run(['import', csv], { env: { LC_ALL: 'zh_CN' } })).stderr).toContain(
      'outturn: 已导入 1 个预算行',
    );
  });
});

describe('help, version and typos', () => {
  it('outturn help [command], outturn version, -V, -v', async () => {
    const main = await run(['--help', '--lang', 'en']);
    expect((await run(['help', '--lang', 'en'])).stdout).toBe(main.stdout);
    expect((await run(['help', 'check', '--lang', 'en'])).stdout).toBe(
      (await run(['check', '--help', '--lang', 'en'])).stdout,
    );
    const version = (await run(['--version'])).stdout;
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const args of [['version'], ['-V'], ['-v'], ['check', '-V']]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toBe(version);
    }
    const extra = await run(['version', 'x', '--lang', 'en']);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "x"');
  });

  it.each([
    [['check', EXAMPLE, '--formt', 'json'], 'outturn: unknown option "--formt"; did you mean --format?\n'],
    [['check', EXAMPLE, '--fail-no=never'], 'outturn: unknown option "--fail-no"; did you mean --fail-on?\n'],
    [['check', EXAMPLE, '--quite'], 'outturn: unknown option "--quite"; did you mean --quiet?\n'],
    [
      ['check', EXAMPLE, '--max-warning', '3'],
      'outturn: unknown option "--max-warning"; did you mean --max-warnings?\n',
    ],
    [['check', EXAMPLE, '--colour'], 'outturn: unknown option "--colour"; did you mean --color?\n'],
    [['chekc', EXAMPLE], 'outturn: unknown command "chekc"; did you mean check?\n'],
    [['imprt', EXAMPLE], 'outturn: unknown command "imprt"; did you mean import?\n'],
    [['verison'], 'outturn: unknown command "verison"; did you mean version?\n'],
    [['hlep'], 'outturn: unknown command "hlep"; did you mean help?\n'],
    [['help', 'pfea'], 'outturn: unknown command "pfea"; did you mean pefa?\n'],
    [
      ['check', EXAMPLE, '--format', 'jsno'],
      'outturn: --format must be text, json, markdown, ndjson, html, xlsx or csv, not "jsno"; did you mean json?\n',
    ],
    [
      ['check', EXAMPLE, '--fail-on=warnings'],
      'outturn: --fail-on must be error, warning, info or never, not "warnings"; did you mean warning?\n',
    ],
    [['check', EXAMPLE, '--bogus'], 'outturn: unknown option "--bogus"; run \'outturn --help\' for usage\n'],
    [['frobnicate'], 'outturn: unknown command "frobnicate"; run \'outturn --help\' for usage\n'],
  ])('%j: %j', async (args, stderr) => {
    const r = await run([...args, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(stderr);
  });

  it('in Chinese too', async () => {
    expect((await run(['chekc', EXAMPLE])).stderr).toBe('outturn: 未知命令“chekc”，是否应为 check？\n');
    expect((await run(['check', EXAMPLE, '--formt'])).stderr).toBe(
      'outturn: 未知选项“--formt”，是否应为 --format？\n',
    );
  });

  it.each([
    ['', '', 0],
    ['check', 'check', 0],
    ['chekc', 'check', 1], // a swap of neighbours is one edit
    ['--formt', '--format', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment: no edit of a swapped pair
    ['', 'abc', 3],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('editDistance: zero only for equal texts, symmetric, at most the longer length, one per swap', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 12 }), fc.nat(), (a, k) => {
        const i = k % (a.length - 1);
        const swapped = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
        expect(editDistance(a, swapped)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('nearest: within 2 edits only, the first of equally near ones', () => {
    expect(nearest('--frmat', ['--format', '--from'])).toBe('--format');
    expect(nearest('--xyz', ['--format', '--from'])).toBeUndefined();
    expect(nearest('x'.repeat(100), ['x'.repeat(99)])).toBeUndefined(); // too long to be a typo
    expect(nearest('fr', ['zh', 'en'])).toBeUndefined(); // two edits of two letters: no typo
    expect(nearest('zn', ['zh', 'en'])).toBeUndefined();
    expect(nearest('chek', ['check'])).toBe('check');
  });
});

describe('the config file', () => {
  it('outturn.config.json sets the defaults; the command line wins', async () => {
    const p = project('config-basic');
    writeFileSync(
      join(p, 'outturn.config.json'),
      JSON.stringify({ lang: 'en', format: 'json', 'fail-on': 'never' }),
    );
    const r = await run(['check', EXAMPLE], { cwd: p });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('summary.error', 3);
    expect((await run(['check', EXAMPLE, '--format', 'text'], { cwd: p })).stdout).toContain(
      'Summary: 3 errors',
    );
    expect((await run(['check', EXAMPLE, '--fail-on', 'error'], { cwd: p })).status).toBe(1);
    expect((await run(['check', EXAMPLE, '--format', 'text', '--lang', 'zh'], { cwd: p })).stdout).toContain(
      '小结',
    );
    // Over LANG too, and for the language of a usage error.
    expect((await run(['chekc'], { cwd: p, env: { LANG: 'zh_CN' } })).stderr).toContain('unknown command');
  });

  it('found from a folder below, up to the folder that holds .git and no further', async () => {
    const p = project('config-up');
    mkdirSync(join(p, 'a', 'b'), { recursive: true });
    writeFileSync(join(p, 'outturn.config.json'), JSON.stringify({ 'max-warnings': 0 }));
    expect(findConfig(join(p, 'a', 'b'))?.file).toBe(join(p, 'outturn.config.json'));
    expect(
      (await run(['check', EXAMPLE, '--fail-on', 'never', '--format', 'json'], { cwd: join(p, 'a', 'b') }))
        .status,
    ).toBe(1);
    // A config above the repository is not read.
    const outer = join(dir, 'config-outer');
    mkdirSync(join(outer, 'repo', '.git'), { recursive: true });
    writeFileSync(join(outer, 'outturn.config.json'), JSON.stringify({ lang: 'en' }));
    expect(findConfig(join(outer, 'repo'))).toBeNull();
    expect(findConfig(outer)?.file).toBe(join(outer, 'outturn.config.json'));
  });

  it('the "outturn" key of package.json; a package.json without it is passed by', async () => {
    const p = project('config-pkg');
    mkdirSync(join(p, 'sub'));
    writeFileSync(
      join(p, 'package.json'),
      JSON.stringify({ name: 'x', outturn: { profile: 'bands-80-50' } }),
    );
    writeFileSync(join(p, 'sub', 'package.json'), JSON.stringify({ name: 'y' }));
    const config = findConfig(join(p, 'sub'));
    expect(config?.file).toBe(join(p, 'package.json'));
    expect(config?.values).toEqual({ profile: 'bands-80-50' });
    // outturn.config.json wins over package.json in the same folder.
    writeFileSync(join(p, 'outturn.config.json'), '{}');
    expect(findConfig(p)?.file).toBe(join(p, 'outturn.config.json'));
  });

  it('a profile FILE.json is read from the folder of the config file', async () => {
    const p = project('config-profile');
    mkdirSync(join(p, 'deep'));
    writeFileSync(join(p, 'team-profile.json'), JSON.stringify({ extends: 'bands-80-50' }));
    writeFileSync(join(p, 'outturn.config.json'), JSON.stringify({ profile: 'team-profile.json' }));
    expect(findConfig(join(p, 'deep'))?.values.profile).toBe(join(p, 'team-profile.json'));
    const r = await run(['check', EXAMPLE, '--format', 'json', '--fail-on', 'never'], {
      cwd: join(p, 'deep'),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([
    ['{', 'outturn.config.json: not JSON'],
    ['[]', 'outturn.config.json: must be a JSON object'],
    ['{"langg":"en"}', 'outturn.config.json: "langg": unknown key; did you mean "lang"?'],
    ['{"sheet":"x"}', 'outturn.config.json: "sheet": unknown key'],
    ['{"fail-on":"warn"}', 'outturn.config.json: "fail-on": must be error, warning, info, never, not "warn"'],
    ['{"format":3}', 'outturn.config.json: "format": must be a non-empty string, not 3'],
    ['{"max-warnings":"abc"}', 'outturn.config.json: "max-warnings": must be a whole number of warnings'],
    ['{"max-warnings":1.5}', 'outturn.config.json: "max-warnings": must be a whole number of warnings'],
  ])('a bad config file %s: exit 2, one line naming the file and the key', async (content, message) => {
    const p = project(`config-bad-${Buffer.from(content).toString('hex')}`);
    writeFileSync(join(p, 'outturn.config.json'), content);
    const r = await run(['check', EXAMPLE, '--lang', 'en'], { cwd: p });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`outturn: config file ${p}/${message}`);
    expect(r.stderr.slice(0, -1)).not.toContain('\n');
  });

  it('a bad config file does not stop --help, help and --version', async () => {
    const p = project('config-bad-help');
    writeFileSync(join(p, 'outturn.config.json'), '{"fail-on":"warn"}');
    for (const args of [['--help'], ['help', 'check'], ['--version'], ['-V']]) {
      const r = await run(args, { cwd: p });
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect((await run(['check', EXAMPLE], { cwd: p })).status).toBe(2);
  });

  it('a bad "outturn" key of package.json names it', async () => {
    const p = project('config-bad-pkg');
    writeFileSync(join(p, 'package.json'), JSON.stringify({ outturn: { 'fail-on': 'sometimes' } }));
    const r = await run(['check', EXAMPLE, '--lang', 'en'], { cwd: p });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`config file ${join(p, 'package.json')}: "outturn.fail-on": must be`);
  });

  it('the settings a command does not take are not applied to it (import, pefa)', async () => {
    const p = project('config-foreign');
    writeFileSync(
      join(p, 'outturn.config.json'),
      JSON.stringify({ profile: 'bands-80-50', 'max-warnings': 0, format: 'json' }),
    );
    const csv = join(ROOT, 'examples', 'templates', 'project-self-evaluation.zh.csv');
    const imported = await run(['import', csv], { cwd: p });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).not.toContain('applies to');
    const pefa = await run(['pefa', join(ROOT, 'cli', 'test', 'fixtures', 'pefa', 'options.json')], {
      cwd: p,
    });
    expect(pefa.stderr).toBe('');
    expect(() => JSON.parse(pefa.stdout)).not.toThrow(); // format: json applies to pefa
  });
});
