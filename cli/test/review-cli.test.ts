/**
 * `outturn review FILE` in-process on real published target tables (test/fixtures/review/, each
 * with its source): the JSON output, the text and Markdown, exit codes and refusals. What each
 * rule must and must not find on these tables is tested in test/review-fixtures.test.ts; here
 * the command carries it through.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'review');
// 南岳 2018: 475元/亩 × 60亩 + 2875元/个 × 4个 + 3000元/平方米 × 20平方米 = 100000元, its funds.
const NANYUE = join(FIXTURES, 'hunan-nanyue-2018-lvyoufupin.json');
// 黄石 2022: no 效益指标 block at all (dimension-missing, an error).
const HUANGSHI = join(FIXTURES, 'hubei-huangshi-2022-zhutiban.json');

interface ReviewJson {
  summary: { error: number; warning: number; info: number };
  findings: { code: string; severity: string; rule: string | null; path: (string | number)[] }[];
  rules: { id: string; code: string; applied: boolean }[];
  indicators: { name: string; kind: string }[];
  costs: { sum: string } | null;
}

describe('outturn review on real target tables', () => {
  it('南岳 2018: unit costs × quantities make exactly the funds, and no cost-over-funds', async () => {
    const r = await run(['review', NANYUE, '--format', 'json', '--lang', 'en']);
    const out = JSON.parse(r.stdout) as ReviewJson;
    expect(out.costs?.sum).toBe('100000');
    expect(out.findings.some((f) => f.code === 'cost-over-funds')).toBe(false);
    expect(out.rules.find((x) => x.id === '12')?.applied).toBe(true);
    expect(out.indicators.length).toBeGreaterThan(0);
  });

  it('黄石 2022: the missing 效益 block is an error, so the exit code is 1', async () => {
    const r = await run(['review', HUANGSHI, '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as ReviewJson;
    const missing = out.findings.filter((f) => f.code === 'dimension-missing' && f.severity === 'error');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]?.rule).not.toBeNull();
    expect((await run(['review', HUANGSHI, '--fail-on', 'never'])).status).toBe(0);
  });

  it('text and markdown show the rows, the findings and the summary, in both languages', async () => {
    const en = await run(['review', HUANGSHI, '--lang', 'en']);
    expect(en.stdout).toContain('Target table review');
    expect(en.stdout).toContain('[dimension-missing]');
    expect(en.stdout).toMatch(/\d+ error\(s\), \d+ warning\(s\), \d+ note\(s\)/);
    const zh = await run(['review', HUANGSHI, '--lang', 'zh', '--format', 'markdown']);
    expect(zh.stdout).toContain('# 绩效目标审核');
    expect(zh.stdout).toContain('| id | code | severity |');
  });

  it.each([
    [['review', join(ROOT, 'examples', 'templates', 'project-self-evaluation.zh.csv')], 'not a target table'],
    [['review', NANYUE, '--profile', 'default'], '--profile applies to check, not to review'],
    [['review', NANYUE, '--verbose'], '--verbose applies to check, not to review'],
    [['pefa', NANYUE, '--format', 'html'], '--format html applies to check and review, not to pefa'],
  ])('%j is a usage error (exit 2, one line)', async (args, message) => {
    const r = await run([...args, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a self-evaluation table, imported, is a report for check: the import line, then the refusal', async () => {
    const csv = join(ROOT, 'examples', 'templates', 'project-self-evaluation.zh.csv');
    const r = await run(['review', csv, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').at(-1)).toContain("not a target table: check it with 'outturn check");
  });
});
