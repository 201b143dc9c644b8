/**
 * Issue 12, item 6: `outturn check` of a report with nothing to check is never an all-clear.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';

/** The text without white space: the text renderer wraps lines at the terminal width. */
const compact = (s: string): string => s.replace(/\s+/g, '');

let dir = '';
let empty = '';
let misspelt = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-empty-'));
  empty = join(dir, 'empty.json');
  misspelt = join(dir, 'misspelt.json');
  writeFileSync(empty, '{}');
  writeFileSync(misspelt, JSON.stringify({ Budget: [{ name: '预算总金额', adjusted: '1', actual: '2' }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outturn check of an empty report', () => {
  it.each([
    ['en', 'nothing in this report can be checked', 'No findings: every printed figure recomputes'],
    ['zh', '报告中没有可核对的内容', '未发现问题'],
  ])(
    '--lang %s: the empty-report warning, exit 1 with --fail-on warning',
    async (lang, message, allClear) => {
      const r = await run(['check', empty, '--lang', lang, '--fail-on', 'warning']);
      expect(r.status).toBe(1);
      expect(compact(r.stdout)).toContain(compact(message));
      expect(r.stdout).toContain('empty-report');
      expect(compact(r.stdout)).not.toContain(compact(allClear));
      // A warning is not an error: the default --fail-on error exits 0, still without an all-clear.
      const lenient = await run(['check', empty, '--lang', lang]);
      expect(lenient.status).toBe(0);
      expect(compact(lenient.stdout)).toContain(compact(message));
      expect(compact(lenient.stdout)).not.toContain(compact(allClear));
    },
  );

  it('--format json: one empty-report warning in the summary', async () => {
    const r = await run(['check', empty, '--format', 'json', '--fail-on', 'warning']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { summary: unknown; findings: { code: string; path: unknown }[] };
    expect(out.summary).toEqual({ error: 0, warning: 1, info: 0 });
    expect(out.findings.map((f) => [f.code, f.path])).toEqual([['empty-report', []]]);
  });

  it('a misspelt top-level key is named with the key it looks like', async () => {
    const r = await run(['check', misspelt, '--lang', 'en', '--fail-on', 'warning']);
    expect(r.status).toBe(1);
    expect(compact(r.stdout)).toContain(compact('did you mean "budget"?'));
    expect(compact(r.stdout)).toContain(compact('nothing in this report can be checked'));
  });
});
