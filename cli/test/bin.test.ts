/**
 * Smoke test of the built command, cli/dist/bin.js, run as a process: what only a real process
 * shows (its exit code, the wiring of stdout and stderr, a closed pipe, another user). Everything
 * else about the command is tested in-process through `main(argv, io)` (./support/run.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/cli.js';
import { run as runInProcess } from './support/run.js';

const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const IS_ROOT = process.getuid?.() === 0;
/** A user that is not root, to test "permission denied" when the tests run as root. */
const NOBODY = 65534;

let bin = '';
let dir = '';

beforeAll(() => {
  bin = ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'outturn-bin-'));
  chmodSync(dir, 0o755); // the "nobody" user must reach the files of the permission test
}, 200_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Exec {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function exec(args: readonly string[], options: { uid?: number } = {}): Exec {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    // No locale, as the in-process runs: the language then is the default, zh (issue 15 reads LANG).
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, LC_ALL: '', LC_MESSAGES: '', LANG: '' },
    timeout: 60_000,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, exactly one line on stderr, no stack trace nor internal error. */
function expectUsageError(r: Exec): void {
  expect(r.signal, 'killed').toBeNull();
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError|SyntaxError|ReferenceError/);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.startsWith('outturn: ')).toBe(true);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.slice(0, -1)).not.toMatch(/[\r\n]/);
}

describe('the built bin', () => {
  it('--version prints the version of cli/package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')) as { version: string };
    const r = exec(['--version']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('checks the reference report: the JSON of main(), exit 1; --fail-on never exits 0', async () => {
    const r = exec(['check', EXAMPLE, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { summary: { error: number }; findings: unknown[] };
    expect(out.summary.error).toBeGreaterThan(0);
    expect(r.stdout).toBe((await runInProcess(['check', EXAMPLE, '--format', 'json'])).stdout);
    expect(exec(['check', EXAMPLE, '--fail-on', 'never']).status).toBe(0);
  });

  it('a usage error and a missing file exit 2 with one line on stderr', () => {
    const bogus = exec(['check', EXAMPLE, '--bogus', '--lang', 'en']);
    expectUsageError(bogus);
    expect(bogus.stderr).toBe('outturn: unknown option "--bogus"; run \'outturn --help\' for usage\n');
    const missing = exec(['check', join(dir, 'nope.json'), '--lang', 'en']);
    expectUsageError(missing);
    expect(missing.stderr).toContain('no such file');
  });

  it('a reader that closes the pipe early (`| head`) ends the command quietly', async () => {
    // About 1 MB of JSON: more than a pipe holds, so the command is still writing when the
    // reader goes away and gets EPIPE.
    const indicators = Array.from({ length: 3000 }, (_, i) => ({
      name: `指标${i}`,
      target: '≥90%',
      actual: '95%',
    }));
    const report = join(dir, 'many.json');
    writeFileSync(report, JSON.stringify({ indicators }));
    const child = spawn(process.execPath, [bin, 'check', report, '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let received = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      child.on('close', (code, sig) => resolve([code, sig]));
    });
    expect(received).toBeGreaterThan(0);
    expect(signal).toBeNull();
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });

  it.skipIf(!IS_ROOT)('no read permission, as a user without it (the tests run as root: uid 65534)', () => {
    const p = join(dir, 'secret.json');
    writeFileSync(p, readFileSync(EXAMPLE));
    chmodSync(p, 0o000);
    const r = exec(['check', p, '--lang', 'en'], { uid: NOBODY });
    expectUsageError(r);
    expect(r.stderr).toContain('permission denied');
    // A directory the user cannot enter.
    const closed = join(dir, 'closed');
    mkdirSync(closed, { mode: 0o700 });
    writeFileSync(join(closed, 'r.json'), '{}');
    expectUsageError(exec(['check', join(closed, 'r.json')], { uid: NOBODY }));
  });
});
