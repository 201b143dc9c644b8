/**
 * `outturn web --out FILE`: writes the offline page that the CLI package builds
 * (cli/dist/outturn-web.html; its behaviour in a browser is cli/test/web.test.ts), byte for byte,
 * and refuses what it cannot do with one line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/cli.js';
import { run } from './support/run.js';

describe('outturn web', () => {
  beforeAll(() => {
    ensureBuilt();
  }, 300_000);

  it('writes the built page where --out says, and says so on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outturn-web-'));
    const r = await run(['web', '--out', 'page.html', '--lang', 'en'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^outturn: wrote the offline page page\.html \(\d+ bytes\)/);
    const page = readFileSync(join(dir, 'page.html'));
    expect(page.equals(readFileSync(join(ROOT, 'cli', 'dist', 'outturn-web.html')))).toBe(true);
    expect(page.toString('utf8')).toContain("connect-src 'none'");
  });

  it.each([
    [['web'], 'missing --out'],
    [['web', 'report.json', '--out', 'x.html'], 'outturn web takes no FILE'],
    [['web', '--out', '/nonexistent-dir/x.html'], 'cannot write /nonexistent-dir/x.html'],
    [
      ['web', '--out', 'x.html', '--format', 'json'],
      '--format applies to check, pefa and review, not to web',
    ],
  ])('outturn %j is a usage error with one line', async (args, message) => {
    const r = await run([...args, '--lang', 'en'], { cwd: mkdtempSync(join(tmpdir(), 'outturn-web-')) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
