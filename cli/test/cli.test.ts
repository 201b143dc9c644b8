/**
 * `outturn check`, run in-process through `main(argv, io)` (./support/run.ts). The help is
 * tested in help.test.ts, the renderers in render.test.ts, the built bin in bin.test.ts.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth } from 'outturn-cli/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { type Run, run } from './support/run.js';

const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const ESC = String.fromCharCode(27);

/** Exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectUsageError(r: Run): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.startsWith('outturn: ')).toBe(true);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error/);
}

interface JsonOut {
  summary: Record<string, number>;
  findings: {
    code: string;
    severity: string;
    path: (string | number)[];
    message: string;
    published?: string;
    recomputed?: string;
  }[];
  budget: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  crossChecks: Record<string, unknown>[];
  totalScore: unknown;
  grade: unknown;
}

function values(v: unknown): unknown[] {
  if (Array.isArray(v)) return v.flatMap(values);
  if (typeof v === 'object' && v !== null) return Object.values(v).flatMap(values);
  return [v];
}

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('outturn check --format json on the reference report', () => {
  let r: Run;
  let out: JsonOut;
  beforeAll(async () => {
    r = await run(['check', EXAMPLE, '--format', 'json']);
    out = JSON.parse(r.stdout) as JsonOut;
  });

  const find = (code: string, path: (string | number)[]) =>
    out.findings.filter((f) => f.code === code && JSON.stringify(f.path) === JSON.stringify(path));

  it('exits 1 (the report has errors) and prints one object of the DESIGN shape', async () => {
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(Object.keys(out)).toEqual([
      'summary',
      'findings',
      'budget',
      'indicators',
      'crossChecks',
      'totalScore',
      'grade',
    ]);
    expect(Object.keys(out.summary).sort()).toEqual(['error', 'info', 'warning']);
    expect(out.summary.error).toBe(out.findings.filter((f) => f.severity === 'error').length);
    expect(out.totalScore).toBeNull();
    expect(out.grade).toBeNull();
  });

  it('finds overspend at 预算总金额 and 基本支出', async () => {
    expect(find('overspend', ['budget', 0, 'actual'])).toHaveLength(1);
    expect(find('overspend', ['budget', 0, 'children', 0, 'actual'])).toHaveLength(1);
  });

  it('finds the three cross-check mismatches with printed and recomputed figures', async () => {
    for (const [i, published, recomputed] of [
      [26, '93.74%', '134.17%'],
      [23, '43.37%', '0.00%'],
      [17, '100%', '71.43%'],
    ] as const) {
      const [f] = find('cross-check-mismatch', ['indicators', i, 'actual']);
      expect(f).toMatchObject({ severity: 'error', published, recomputed });
      expect(typeof f?.message).toBe('string');
    }
  });

  it('finds deviation-undefined and the missing reasons', async () => {
    expect(find('deviation-undefined', ['indicators', 23, 'published', 'deviation'])).toHaveLength(1);
    expect(find('reason-missing', ['indicators', 26, 'reason'])).toHaveLength(1);
    expect(find('reason-missing', ['indicators', 30, 'reason'])).toHaveLength(1);
  });

  it('finds no execution-rate, deviation or sum mismatch anywhere', async () => {
    const codes = new Set(out.findings.map((f) => f.code));
    expect(codes.has('execution-rate-mismatch')).toBe(false);
    expect(codes.has('deviation-mismatch')).toBe(false);
    expect(codes.has('budget-sum-mismatch')).toBe(false);
  });

  it('gives the recomputed figures, messages in zh by default, and no NaN or Infinity', async () => {
    expect(out.budget[0]).toMatchObject({
      path: ['budget', 0],
      name: '预算总金额',
      executionRate: '134.17%',
    });
    expect(Object.keys(out.budget[0] ?? {})).toEqual([
      'path',
      'name',
      'executionRate',
      'executionRateExact',
      'variance',
      'overspend',
      'score',
      'timeProgress',
      'periodRate',
      'periodRateExact',
      'pace',
      'paceExact',
      'state',
    ]);
    expect(out.indicators[26]).toMatchObject({ name: '预算执行率', status: 'not-met', deviation: '-6.26%' });
    expect(out.indicators[26]).not.toHaveProperty('evaluation');
    expect(out.indicators[23]).toMatchObject({ deviation: null });
    expect(out.findings.some((f) => /[\u4e00-\u9fff]/.test(f.message) && /印为/.test(f.message))).toBe(true);
    for (const v of values(out)) {
      expect(v).not.toBe('NaN');
      expect(v).not.toBe('Infinity');
      expect(v).not.toBe('-Infinity');
    }
  });

  it('writes messages in English with --lang en', async () => {
    const en = JSON.parse(
      (await run(['check', EXAMPLE, '--format', 'json', '--lang', 'en'])).stdout,
    ) as JsonOut;
    const f = en.findings.find((x) => x.code === 'cross-check-mismatch');
    expect(f?.message).toMatch(/is printed as/);
  });
});

describe('exit codes and --fail-on', () => {
  it('--fail-on never exits 0 on the example; warning and info exit 1', async () => {
    expect((await run(['check', EXAMPLE, '--fail-on', 'never', '--format', 'json'])).status).toBe(0);
    expect((await run(['check', EXAMPLE, '--fail-on', 'warning', '--format', 'json'])).status).toBe(1);
    expect((await run(['check', EXAMPLE, '--fail-on=info', '--format=json'])).status).toBe(1);
  });

  it('exits 0 for a report whose figures add up, even with --fail-on info', async () => {
    const clean = file(
      'clean.json',
      JSON.stringify({
        budget: [
          { name: '预算总金额', adjusted: '100', actual: '90', published: { executionRate: '90.00%' } },
        ],
      }),
    );
    const r = await run(['check', clean, '--format', 'json', '--fail-on', 'info']);
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { error: 0, warning: 0, info: 0 }, findings: [] });
    expect(r.status).toBe(0);
    expect((await run(['check', clean])).status).toBe(0);
  });

  it('a warning exits 0 by default and 1 with --fail-on warning', async () => {
    const over = file(
      'over.json',
      JSON.stringify({ budget: [{ name: 'a', adjusted: '100', actual: '110' }] }),
    );
    expect((await run(['check', over])).status).toBe(0);
    expect((await run(['check', over, '--fail-on', 'warning'])).status).toBe(1);
  });
});

describe('outturn check --format text', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`is readable in 80 columns (${lang})`, async () => {
      const r = await run(['check', EXAMPLE, '--lang', lang]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('134.17%');
      expect(r.stdout).toContain('71.43%');
      expect(r.stdout).not.toContain(ESC);
      for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain(lang === 'en' ? 'Budget execution' : '预算执行情况');
      expect(r.stdout).toContain(
        lang === 'en' ? 'Summary: 3 errors, 5 warnings, 4 info.' : '小结：错误 3 个',
      );
      // Findings show path and message.
      expect(r.stdout).toContain('indicators[26].actual');
      expect(r.stdout).toContain('budget[0].children[0].actual');
    });
  }

  it('defaults to zh', async () => {
    expect((await run(['check', EXAMPLE])).stdout).toContain('问题与提示');
  });
});

describe('outturn check --format markdown', () => {
  it('prints headings and pipe tables', async () => {
    const r = await run(['check', EXAMPLE, '--format', 'markdown', '--lang', 'en']);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^# /);
    expect(r.stdout).toMatch(/^## Findings$/m);
    const header = lines.findIndex((l) => l.startsWith('| Budget line |'));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^\| ---/);
    expect(r.stdout).toContain('| 预算总金额 | 321.19 | 430.93 ! | 134.17% | 134.17% | ✓ |');
    expect(r.stdout).toMatch(/^\| Severity \| Code \| Path \| Message \|$/m);
  });
});

describe('unreadable input: exit 2 and one line on stderr', () => {
  it('a missing file', async () => {
    const r = await run(['check', join(dir, 'nope.json')]);
    expectUsageError(r);
    expect(r.stderr).toContain('文件不存在');
    expect((await run(['check', join(dir, 'nope.json'), '--lang', 'en'])).stderr).toContain('no such file');
  });

  it('a directory without a report file in it (a directory of reports: batch.test.ts)', async () => {
    const d = join(dir, 'a-directory');
    mkdirSync(d, { recursive: true });
    const r = await run(['check', d, '--lang', 'en']);
    expectUsageError(r);
    expect(r.stderr).toContain('has no report file');
  });

  it('an empty file, and one with only white space', async () => {
    expectUsageError(await run(['check', file('empty.json', '')]));
    const r = await run(['check', file('blank.json', ' \n\t\n'), '--lang', 'en']);
    expectUsageError(r);
    expect(r.stderr).toContain('is empty');
  });

  it('invalid JSON, with line and column', async () => {
    const bad = file('bad.json', '{\n  "a": 1,\n  "b": }\n');
    const en = await run(['check', bad, '--lang', 'en']);
    expectUsageError(en);
    expect(en.stderr).toContain('line 3, column 8');
    const zh = await run(['check', bad]);
    expectUsageError(zh);
    expect(zh.stderr).toContain('第 3 行第 8 列');
    const trailing = await run(['check', file('trailing.json', '{"a": 1,}'), '--lang', 'en']);
    expectUsageError(trailing);
    expect(trailing.stderr).toContain('line 1, column 9');
    const cut = await run(['check', file('cut.json', '{"indicators": [\n'), '--lang', 'en']);
    expectUsageError(cut);
    expect(cut.stderr).toContain('unexpected end of file at line 2, column 1');
  });

  it('a file that is not UTF-8', async () => {
    const r = await run(['check', file('utf16.json', Buffer.from([0xff, 0xfe, 0x00])), '--lang', 'en']);
    expectUsageError(r);
    expect(r.stderr).toContain('not UTF-8');
    const gbk = await run([
      'check',
      file('gbk.json', Buffer.from([0x7b, 0x22, 0xd4, 0xa4, 0xcb, 0xe3, 0x22, 0x3a, 0x31, 0x7d])),
    ]);
    expectUsageError(gbk);
    expect(gbk.stderr).toContain('UTF-8');
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const p = file('secret.json', '{}');
    chmodSync(p, 0o000);
    const r = await run(['check', p, '--lang', 'en']);
    expectUsageError(r);
    expect(r.stderr).toContain('permission denied');
  });
});

describe('readable input that is not a report', () => {
  it('accepts and strips a UTF-8 byte order mark', async () => {
    const bom = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(EXAMPLE)]));
    const r = await run(['check', bom, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe((await run(['check', EXAMPLE, '--format', 'json'])).stdout);
  });

  it('a JSON array gives an invalid-report finding and exit 1', async () => {
    const r = await run(['check', file('array.json', '[1, 2]'), '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.findings).toEqual([
      expect.objectContaining({ code: 'invalid-report', severity: 'error', path: [] }),
    ]);
    expect(out).toMatchObject({ budget: [], indicators: [], crossChecks: [], totalScore: null, grade: null });
    expect((await run(['check', join(dir, 'array.json'), '--fail-on', 'never'])).status).toBe(0);
  });

  it('a string or a number prints findings in text and markdown too', async () => {
    const s = await run(['check', file('string.json', '"report"'), '--lang', 'en']);
    expect(s.status).toBe(1);
    expect(s.stdout).toContain('invalid-report');
    const n = await run(['check', file('number.json', '42'), '--format', 'markdown']);
    expect(n.status).toBe(1);
    expect(n.stdout).toContain('| invalid-report |');
  });

  it('a structurally wrong report lists every problem with its path', async () => {
    const r = await run([
      'check',
      file('wrong.json', JSON.stringify({ indicators: [{ target: true }] })),
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    const paths = (JSON.parse(r.stdout) as JsonOut).findings.map((f) => f.path.join('.'));
    expect(paths).toContain('indicators.0.name');
    expect(paths).toContain('indicators.0.target');
  });
});

describe('usage', () => {
  it('an unknown option, an unknown command, no arguments, a missing FILE: exit 2', async () => {
    for (const args of [
      ['check', EXAMPLE, '--bogus'],
      ['--bogus'],
      ['frobnicate'],
      [],
      ['check'],
      ['check', EXAMPLE, '--format', 'xml'],
      ['check', EXAMPLE, '--lang', 'fr'],
      ['check', EXAMPLE, '--fail-on', 'sometimes'],
      ['check', EXAMPLE, '--format'],
      ['--help=yes'],
    ]) {
      const r = await run(args);
      expectUsageError(r);
      expect(r.stderr).toContain('outturn --help');
    }
    expect((await run(['check', EXAMPLE, '--bogus', '--lang', 'en'])).stderr).toBe(
      'outturn: unknown option "--bogus"; run \'outturn --help\' for usage\n',
    );
  });
});

describe('--profile', () => {
  // 永德县明朗中学 2022 项目支出绩效自评表 (Yunnan): printed total 96, grade 优.
  const YONGDE = join(ROOT, 'examples', 'reports', 'cn-yunnan-yongde-minglang-school-2022-nutrition.json');
  const scored = async (args: string[]) =>
    JSON.parse((await run(['check', YONGDE, '--format', 'json', '--fail-on', 'never', ...args])).stdout);

  it('scores with the default profile, and a shipped profile by name changes the grade steps', async () => {
    expect(await scored([])).toMatchObject({ totalScore: '99.80', grade: '优' });
    const out = await scored(['--profile', 'grades-80-70-60']);
    expect(out).toMatchObject({ totalScore: '99.80', grade: '优' });
  });

  it('reads a profile file that extends a shipped one', async () => {
    const p = file(
      'profile.json',
      JSON.stringify({
        extends: 'default',
        grades: [
          { grade: 'A', min: 99.9 },
          { grade: 'B', min: 0 },
        ],
      }),
    );
    expect(await scored(['--profile', p])).toMatchObject({ totalScore: '99.80', grade: 'B' });
  });

  it('an unknown name or a bad profile file is a usage error (exit 2, one line)', async () => {
    for (const args of [
      ['--profile', 'nope'],
      ['--profile', file('bad-profile.json', '{"lowerIsBetter":"log"}')],
      ['--profile', join(dir, 'missing-profile.json')],
    ]) {
      const r = await run(['check', YONGDE, ...args]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect((await run(['import', YONGDE, '--profile', 'default'])).status).toBe(2);
  });

  it('is documented in --help', async () => {
    expect((await run(['check', '--help', '--lang', 'en'])).stdout).toContain('--profile NAME|FILE.json');
  });
});

describe('scores in text and markdown', () => {
  const YONGDE = join(ROOT, 'examples', 'reports', 'cn-yunnan-yongde-minglang-school-2022-nutrition.json');

  it('text lists printed and recomputed scores, bands for qualitative rows, and marks the mismatches', async () => {
    const out = (await run(['check', YONGDE, '--lang', 'en', '--fail-on', 'never'])).stdout;
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Scores (得分)'));
    expect(at).toBeGreaterThan(0);
    const row = (name: string) => lines.slice(at).find((l) => l.includes(name)) ?? '';
    expect(row('资金到位及时率')).toMatch(/\s7\s+10\.00 ✗$/);
    expect(row('政策知晓率')).toMatch(/\s9\s+9\.80 ✗$/);
    expect(row('减轻贫困学生家庭经济负担')).toMatch(/\s10\s+\[8, 10\] ✓$/);
    expect(out).toContain('Total score: 99.80 recomputed, 96 printed.');
  });

  it('a department report without weights has no score section', async () => {
    expect((await run(['check', EXAMPLE, '--lang', 'en', '--fail-on', 'never'])).stdout).not.toContain(
      'Scores (得分)',
    );
  });
});
