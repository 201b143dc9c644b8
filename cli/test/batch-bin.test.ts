/**
 * The built command over many reports, run as a process: the worker threads (dist/worker.js)
 * give exactly what the main thread gives in-process, in input order, and ndjson streams.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/cli.js';
import { run } from './support/run.js';

const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
let bin = '';
let dir = '';

beforeAll(() => {
  bin = ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'outturn-batch-bin-'));
}, 200_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function exec(args: readonly string[], input?: Buffer) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    timeout: 120_000,
    ...(input === undefined ? {} : { input }),
  });
}

describe('the built command over many reports', () => {
  it.each([['json'], ['ndjson'], ['text'], ['markdown']])(
    '--format %s: the worker threads give what the main thread gives',
    async (format) => {
      const args = ['check', 'examples/reports', 'examples', '--format', format, '--lang', 'en'];
      const r = exec(args);
      const inProcess = await run(args);
      expect(r.status).toBe(inProcess.status);
      expect(r.stdout).toBe(inProcess.stdout);
      expect(r.stderr).toBe(inProcess.stderr);
    },
    120_000,
  );

  it.each([['json'], ['ndjson'], ['text'], ['markdown']])(
    'review --format %s: the worker threads review as the main thread does, with the rule settings',
    async (format) => {
      const args = [
        'review',
        'test/fixtures/review',
        '--rule',
        'target-vague=error',
        '--format',
        format,
        '--lang',
        'en',
      ];
      const r = exec(args);
      const inProcess = await run(args);
      expect(r.status).toBe(1);
      expect(r.status).toBe(inProcess.status);
      expect(r.stdout).toBe(inProcess.stdout);
      expect(r.stderr).toBe(inProcess.stderr);
      if (format === 'json') expect(r.stdout).toContain('"severity": "error"');
    },
    120_000,
  );

  it('ndjson: the first line arrives before the run ends', async () => {
    // 40 copies of the reference report and one slow-to-parse file make the run last.
    const folder = join(dir, 'many');
    for (let i = 0; i < 40; i++) cpSync(EXAMPLE, join(folder, `r${String(i).padStart(2, '0')}.json`));
    const child = spawn(process.execPath, [bin, 'check', folder, '--format', 'ndjson'], {
      env: { PATH: process.env.PATH },
    });
    const times: number[] = [];
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      times.push(out.split('\n').length - 1);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(40);
    expect(lines.map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(
      Array.from({ length: 40 }, (_v, i) => join(folder, `r${String(i).padStart(2, '0')}.json`)),
    );
    // Written in more than one piece: the lines stream (the count of pieces, not a time).
    expect(times.length).toBeGreaterThan(1);
  }, 120_000);

  it('- reads standard input; --output writes the file', () => {
    const out = join(dir, 'out.json');
    const r = exec(['check', '-', '--format', 'json', '-o', out], readFileSync(EXAMPLE));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(exec(['check', EXAMPLE, '--format', 'json']).stdout);
    writeFileSync(join(dir, 'bad.json'), '{');
    const bad = exec(['check', EXAMPLE, join(dir, 'bad.json'), '--summary', '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('1 not read');
  });
});
