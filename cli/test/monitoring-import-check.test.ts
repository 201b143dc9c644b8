/**
 * A real mid-year monitoring table checked end to end from the files offices publish: the 2019
 * 黄石市 申遗经费 1-6月 项目支出绩效监控表 (http://hsgyyc.com/xwdt_10201/gsgg_10206/201908/t20190821_663302.html,
 * published 2019-08-21), in the six formats of cli/test/fixtures/import/monitoring/, through
 * `outturn check`: imported, then 序时进度, the period's execution rate, the pace and the state
 * of each budget line. By hand: 87.57 ÷ 220 = 39.80%; 6 months ÷ 12 = 50.00%; 39.8045… ÷ 50 =
 * 79.61, under 80: amber, so each of the two lines is behind schedule (a warning).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './support/run.js';

const DIR = join(
  'cli',
  'test',
  'fixtures',
  'import',
  'monitoring',
  'cn-hubei-huangshi-relics-2019-h1-heritage-bid',
);
const FORMATS = ['html', 'xlsx', 'xls', 'csv', 'docx', 'pdf'] as const;

describe('the 黄石市 2019 1-6月 monitoring table, from its files to the pace of each line', () => {
  it.each(FORMATS)('.%s', async (ext) => {
    const r = await run([
      'check',
      join(DIR, `cn-hubei-huangshi-relics-2019-h1-heritage-bid.${ext}`),
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      budget: {
        name: string;
        timeProgress: string | null;
        periodRate: string | null;
        pace: string | null;
        state: string | null;
      }[];
      findings: { code: string; severity: string }[];
    };
    expect(out.budget.map((b) => [b.timeProgress, b.periodRate, b.pace, b.state])).toEqual([
      ['50.00%', '39.80%', '79.61', 'amber'],
      ['50.00%', '39.80%', '79.61', 'amber'],
    ]);
    const behind = out.findings.filter((f) => f.code === 'behind-schedule');
    expect(behind.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(out.findings.some((f) => f.severity === 'error')).toBe(false);
  });
});
