/**
 * Start-up (issue 16): `outturn --version` and `outturn --help` load nothing but what they print.
 * The built command runs with a module hook that records every module it resolves: the help and
 * the version load only the command's own parser, help and version chunks (not the library, not
 * decimal.js, no package of node_modules), while a check does load the library; and the copy of
 * the profile names the help lists (profile-names.ts) is the library's table.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROFILE_NAMES, REVIEW_RULES, SCORING_PROFILES } from 'outturn';
import { beforeAll, describe, expect, it } from 'vitest';
import { isProfileName, PROFILE_VALUES } from '../src/profile-names.js';
import { REVIEW_RULE_NAMES } from '../src/review-rule-names.js';
import { ensureBuilt, ROOT } from './support/cli.js';

/** Registered in the child: every resolved URL on file descriptor 3, one a line. */
const HOOKS = `import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  try { writeSync(3, r.url + '\\n'); } catch {}
  return r;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(
  `data:text/javascript,${encodeURIComponent(HOOKS)}`,
)});`;

let bin = '';
beforeAll(() => {
  bin = ensureBuilt();
}, 200_000);

/** The file URLs the built command resolves for `args`, and its exit code and stdout. */
function loaded(args: readonly string[]): { urls: string[]; status: number | null; stdout: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, bin, ...args],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], timeout: 60_000 },
  );
  const urls = String(r.output[3] ?? '')
    .split('\n')
    .filter((u) => u.startsWith('file:'));
  return { urls, status: r.status, stdout: r.stdout };
}

const isLibrary = (url: string) => /\/dist\/index\.js$|decimal|node_modules/.test(url);

describe('what the built command loads', () => {
  it.each([
    [['--version']],
    [['--help']],
    [['-h']],
    [['check', '--help']],
    [['import', '--help', '--lang', 'en']],
  ])('outturn %j loads only its own chunks', (args) => {
    const r = loaded(args);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.urls.length).toBeGreaterThan(0);
    expect(r.urls.filter(isLibrary)).toEqual([]);
    const dist = new URL('../dist/', `file://${bin}`).href;
    expect(r.urls.filter((u) => !u.startsWith(dist))).toEqual([]);
  });

  it('a check loads the library and decimal.js (the hook sees them), but no importer', () => {
    const example = join('examples', 'suzhou-commerce-service-center-2023.json');
    const r = loaded(['check', example, '--format', 'json', '--fail-on', 'never']);
    expect(r.status).toBe(0);
    expect(r.urls.some((u) => u.includes('decimal'))).toBe(true);
    expect(r.urls.filter((u) => /fflate|xlsx|pdfjs|htmlparser2|csv-parse|zod/.test(u))).toEqual([]);
  });
});

describe("Node's compile cache", () => {
  // Node 20 has no module.enableCompileCache: a preloaded module puts a recording one in its
  // place (the builtin's ESM exports synced), so that the test sees what Node 22 would be asked.
  const STUB = `import module, { syncBuiltinESMExports } from 'node:module';
import { writeSync } from 'node:fs';
module.enableCompileCache = () => { writeSync(3, 'enableCompileCache\\n'); return { status: 0 }; };
syncBuiltinESMExports();
module.register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

  it('the command turns it on before it loads run.js, the library or anything else of its own', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(STUB)}`, bin, '--version'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    const lines = String(r.output[3] ?? '')
      .split('\n')
      .filter((l) => l === 'enableCompileCache' || l.startsWith('file:'));
    // The bin itself is resolved first; the call comes next, before any other module of dist/.
    expect(lines[0]).toMatch(/\/dist\/bin\.js$/);
    expect(lines[1]).toBe('enableCompileCache');
    expect(lines.slice(2).some((l) => /\/dist\/run-[\w-]+\.js$/.test(l))).toBe(true);
  });

  it('a cache that cannot be turned on does not stop the command', () => {
    const THROWS = `import module, { syncBuiltinESMExports } from 'node:module';
module.enableCompileCache = () => { throw new Error('EACCES'); };
syncBuiltinESMExports();`;
    const r = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(THROWS)}`, bin, '--version'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+\.\d+\.\d+/);
    expect(r.stderr).toBe('');
  });
});

describe("profile-names.ts is the library's table", () => {
  it('the same names, in the same order, with the same descriptions', () => {
    expect(PROFILE_VALUES.map((p) => p.name)).toEqual([...PROFILE_NAMES]);
    for (const p of PROFILE_VALUES) expect(p.description).toEqual(SCORING_PROFILES[p.name].description);
  });

  it.each([
    ['default', true],
    ['uncapped', true],
    ['Uncapped', false],
    ['constructor', false],
    ['profile.json', false],
  ])('isProfileName(%j) is %s', (name, expected) => {
    expect(isProfileName(name)).toBe(expected);
  });
});

describe("review-rule-names.ts is the library's table", () => {
  it('the same rules, ids and finding codes, in the same order', () => {
    expect(REVIEW_RULE_NAMES.map(([id, code]) => [id, code])).toEqual(
      REVIEW_RULES.map((r) => [r.id, r.code]),
    );
  });
});
