/**
 * `outturn check` on monitoring tables (绩效运行监控表, issue 14 §1), run in-process: the JSON
 * figures per budget line (timeProgress, periodRate, pace, state) and per indicator
 * (expectedStatus, likelihood), and the monitoring columns of the text and Markdown outputs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth } from 'outturn-cli/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

/** The real table: 黄石市 申遗经费 1-6月 2019 (examples/reports, with its source). */
const HUANGSHI = join(ROOT, 'examples', 'reports', 'cn-hubei-huangshi-heritage-2019-monitoring.json');
const REFERENCE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');

interface Out {
  summary: Record<string, number>;
  findings: { code: string; severity: string; path: (string | number)[]; message: string }[];
  budget: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
}

let dir = '';
let constructed = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-monitoring-'));
  // A constructed table (not a published one) for what the real table does not print: a
  // printed 1–6月执行率 and 序时进度, expected values and likelihoods that contradict them.
  constructed = join(dir, 'monitoring.json');
  writeFileSync(
    constructed,
    JSON.stringify({
      kind: 'monitoring',
      entity: '示例单位',
      year: 2024,
      period: { through: '2024-06-30' },
      budget: [
        {
          name: '项目支出',
          adjusted: '500',
          periodActual: '100',
          expectedActual: '450',
          published: { periodRate: '20.00%', timeProgress: '50%' },
        },
      ],
      indicators: [
        {
          name: '培训人次',
          target: '≥1000人次',
          periodActual: '300人次',
          expectedActual: '800人次',
          likelihood: '确定能',
        },
        {
          name: '满意度',
          target: '≥90%',
          periodActual: '92%',
          expectedActual: '95%',
          likelihood: '完全不可能',
        },
        {
          name: '完成率',
          target: '=100%',
          periodActual: '40%',
          expectedActual: '100%',
          likelihood: '有可能',
        },
      ],
    }),
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const json = async (file: string, ...args: string[]) => {
  const r = await run(['check', file, '--format', 'json', ...args]);
  return { r, out: JSON.parse(r.stdout) as Out };
};

describe('outturn check --format json on the real 黄石市 monitoring table', () => {
  it('gives time progress, 1-6月执行率, pace and state per line; warnings only, so exit 0', async () => {
    const { r, out } = await json(HUANGSHI);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(out.budget.map((b) => [b.name, b.timeProgress, b.periodRate, b.pace, b.state])).toEqual([
      ['年度资金总额', '50.00%', '39.80%', '79.61', 'amber'],
      ['其中:当年一般公共预算拨款', '50.00%', '39.80%', '79.61', 'amber'],
    ]);
    expect(out.budget[0]?.paceExact).toBe('79.60909090909090909090909090909090909090909090909');
    expect(out.findings.filter((f) => f.code === 'behind-schedule')).toHaveLength(2);
    expect(out.indicators.map((i) => [i.expectedStatus, i.likelihood])).toEqual([
      ['not-reported', null],
      ['not-reported', null],
      ['not-reported', 'certain'],
      ['not-reported', 'certain'],
    ]);
  });

  it('--fail-on warning exits 1 on the lines behind schedule', async () => {
    expect((await run(['check', HUANGSHI, '--fail-on', 'warning'])).status).toBe(1);
  });
});

describe('outturn check on a constructed table with contradictions', () => {
  it('JSON: the contradictions, the expected statuses and the printed rate checked', async () => {
    const { r, out } = await json(constructed, '--lang', 'en');
    expect(r.status).toBe(0);
    expect(out.budget[0]).toMatchObject({
      timeProgress: '50.00%',
      periodRate: '20.00%',
      pace: '40.00',
      state: 'red',
    });
    const codes = out.findings.map((f) => [f.code, JSON.stringify(f.path)]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['behind-schedule', '["budget",0,"periodActual"]'],
        ['expected-execution-gap', '["budget",0,"expectedActual"]'],
        ['likelihood-contradiction', '["indicators",0,"likelihood"]'],
        ['likelihood-contradiction', '["indicators",1,"likelihood"]'],
      ]),
    );
    expect(out.findings.some((f) => f.code === 'likelihood-contradiction' && f.path[1] === 2)).toBe(false);
    expect(out.findings.some((f) => /mismatch/.test(f.code))).toBe(false);
    expect(out.indicators.map((i) => [i.expectedStatus, i.likelihood])).toEqual([
      ['not-met', 'certain'],
      ['met', 'impossible'],
      ['met', 'possible'],
    ]);
    const red = out.findings.find((f) => f.code === 'behind-schedule');
    expect(red?.message).toMatch(/red, well behind schedule/);
  });

  it('text: the monitoring columns, the state and the marks', async () => {
    const r = await run(['check', constructed], { isTTY: true, columns: 120 });
    expect(r.stdout).toMatch(/预算执行进度（截至2024-06-30）/);
    for (const header of [
      '序时进度',
      '报告执行率',
      '复算执行率',
      '进度比',
      '状态',
      '全年预计完成值',
      '可能性',
    ])
      expect(r.stdout).toContain(header);
    const line = r.stdout.split('\n').find((l) => l.startsWith('项目支出')) ?? '';
    expect(line).toMatch(/500\s+100 !\s+50\.00% ✓\s+20\.00%\s+20\.00% ✓\s+40\.00\s+红/);
    expect(r.stdout).toMatch(/序时进度 50\.00%（截至2024-06-30，已过月数 ÷ 12）/);
    expect(r.stdout.split('\n').find((l) => l.startsWith('0  培训人次'))).toMatch(/确定能\s+!$/);
  });

  it.each([
    [60, 'the real table (no printed rate or 序时进度: those columns are left out)'],
    [80, 'both tables'],
    [100, 'both tables'],
    [120, 'both tables'],
  ])('text at width %i, %s: no table or message line is wider', async (columns) => {
    for (const file of columns < 80 ? [HUANGSHI] : [constructed, HUANGSHI]) {
      const r = await run(['check', file], { isTTY: true, columns });
      // The file line is the path as given, which has no place to wrap.
      for (const l of r.stdout.split('\n').filter((x) => !x.startsWith('文件：')))
        expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
    }
  });

  it('markdown: one table row per line with 序时进度 | rate | 进度比 | 状态', async () => {
    const r = await run(['check', constructed, '--format', 'markdown', '--lang', 'en']);
    expect(r.stdout).toContain(
      '| Budget line | Budget | Spent | Time | Printed | Recomputed | Check | Pace | State |',
    );
    expect(r.stdout).toContain('| 项目支出 | 500 | 100 ! | 50.00% ✓ | 20.00% | 20.00% | ✓ | 40.00 | red |');
    expect(r.stdout).toContain('| 1 |  | 满意度 | ≥90% | 92% | 95% | met | 完全不可能 ! |');
  });
});

describe('other reports keep the one JSON shape, with null monitoring figures and no monitoring columns', () => {
  it('the reference report', async () => {
    const { out } = await json(REFERENCE);
    for (const b of out.budget) {
      expect([b.timeProgress, b.periodRate, b.periodRateExact, b.pace, b.paceExact, b.state]).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
    }
    for (const i of out.indicators) expect([i.expectedStatus, i.likelihood]).toEqual([null, null]);
    const text = (await run(['check', REFERENCE])).stdout;
    expect(text).not.toContain('序时进度');
    expect(text).not.toContain('进度比');
  });
});
