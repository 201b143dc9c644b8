/**
 * `outturn pefa` in-process: the real district datasets of examples/pefa/ (JSON, and the same
 * figures as a long table in .csv, .html, .xlsx and .xls), the JSON contract of DESIGN §3, the
 * text and the assessor's annex in Markdown, exit codes and refusals. The yearly ratios are
 * recomputed here by hand (integer arithmetic on the printed thousands) and compared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

const MUKONO = 'examples/pefa/ug-mukono-district-2017-18-to-2019-20.json';
const KABAROLE = 'examples/pefa/ug-kabarole-district-2017-18-to-2018-19.json';
const TABLES = 'cli/test/fixtures/pefa/ug-mukono-district-2017-18-to-2019-20';

interface Year {
  readonly year: string;
  readonly expenditure: {
    readonly administrative: { budget: string; actual: string }[];
    readonly total?: { budget: string; actual: string };
  };
}

const int = (s: string) => BigInt(s.replaceAll(',', ''));

/** a ÷ b × 100 rounded half-up to one decimal, as a string, in integers only. */
function percent1(a: bigint, b: bigint): string {
  const tenths = (a * 2000n + b) / (2n * b); // round(a × 1000 ÷ b)
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** PI-1 by hand: the printed total when there is one, else the sum of the lines. */
function handPi1(file: string): { year: string; outturn: string }[] {
  const d = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { years: Year[] };
  return d.years.map((y) => {
    const lines = y.expenditure.administrative;
    const budget = y.expenditure.total
      ? int(y.expenditure.total.budget)
      : lines.reduce((s, l) => s + int(l.budget), 0n);
    const actual = y.expenditure.total
      ? int(y.expenditure.total.actual)
      : lines.reduce((s, l) => s + int(l.actual), 0n);
    return { year: y.year, outturn: percent1(actual, budget) };
  });
}

function json(stdout: string) {
  return JSON.parse(stdout) as {
    'PI-1': {
      score: string;
      years: { year: string; outturn: string | null; exact: string | null; grade: string }[];
    };
    'PI-2': {
      score: string;
      dimensions: Record<
        '2.1' | '2.2',
        {
          score: string;
          years: { year: string; variance: string | null; exact: string | null; grade: string }[];
        }
      > & {
        '2.3': { score: string; average: string | null; exact: string | null };
      };
    };
    'PI-3': { score: string; dimensions: Record<'3.1' | '3.2', { score: string; years: unknown[] }> };
    findings: { code: string; severity: string; path: (string | number)[]; message: string }[];
  };
}

describe('outturn pefa on a real three-year dataset (Mukono District, Uganda)', () => {
  it('--format json gives the keys of DESIGN §3, and PI-1 agrees with a hand computation', async () => {
    const r = await run(['pefa', MUKONO, '--format', 'json', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['PI-1', 'PI-2', 'PI-3', 'findings']));
    expect(Object.keys(out['PI-2'].dimensions)).toEqual(['2.1', '2.2', '2.3']);
    expect(Object.keys(out['PI-3'].dimensions)).toEqual(['3.1', '3.2']);
    expect(out['PI-1'].years.map((y) => ({ year: y.year, outturn: y.outturn }))).toEqual(handPi1(MUKONO));
    // 99.5%, 95.8% and 98.5%: three years within 95–105%.
    expect(out['PI-1'].years.map((y) => y.grade)).toEqual(['A', 'A', 'A']);
    expect(out['PI-1'].score).toBe('A');
    for (const y of out['PI-1'].years) expect(y.exact).toMatch(/^\d+\.\d{20,}$/);
    // The report's table splits no expenditure by economic type: 2.2 has no figures (D*), and
    // PI-2 (M1, weakest link) is D+ because 2.1 and 2.3 score higher.
    expect(out['PI-2'].dimensions['2.2'].score).toBe('D*');
    expect(out['PI-2'].score).toBe('D+');
    expect(out.findings.map((f) => f.code)).toContain('pefa-insufficient-years');
  });

  it.each(['csv', 'html', 'xlsx', 'xls'])(
    'the same figures as a .%s table give the same assessment',
    async (ext) => {
      const fromJson = json((await run(['pefa', MUKONO, '--format', 'json', '--lang', 'en'])).stdout);
      const r = await run(['pefa', `${TABLES}.${ext}`, '--format', 'json', '--lang', 'en']);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/imported 3 fiscal year\(s\) \(\w+\); 0 item\(s\) not imported/);
      const fromTable = json(r.stdout);
      for (const key of ['PI-1', 'PI-2', 'PI-3'] as const) expect(fromTable[key]).toEqual(fromJson[key]);
    },
  );

  it('text prints every dimension with its yearly figures, grades and why', async () => {
    const r = await run(['pefa', MUKONO, '--lang', 'en']);
    expect(r.status).toBe(0);
    for (const text of [
      'PI-1 Aggregate expenditure outturn: A',
      '2.1 Expenditure composition outturn by function',
      '2.3 Expenditure from contingency reserves',
      'PI-3 Revenue outturn',
      '3.2 Revenue composition outturn',
      '2017/18',
      '99.5%',
      '→ A',
    ]) {
      expect(r.stdout).toContain(text);
    }
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const zh = await run(['pefa', MUKONO]);
    expect(zh.stdout).toContain('PI-1 总支出执行结果：A');
  });

  it('markdown is the annex: per year and line the budget, adjusted budget, outturn and deviations', async () => {
    const r = await run(['pefa', MUKONO, '--format', 'markdown', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '| Line | Budget | Adjusted budget | Outturn | Deviation | Absolute deviation |',
    );
    expect(r.stdout).toContain('### 2.1: 2017/18');
    expect(r.stdout).toMatch(/^\| Planning \| 1163381 \| /m);
    expect(r.stdout).toContain('| PI-1 Aggregate expenditure outturn | A |');
  });
});

describe('outturn pefa: edges and refusals', () => {
  it('two years only (Kabarole District) are insufficient information: D*', async () => {
    const r = await run(['pefa', KABAROLE, '--format', 'json', '--lang', 'en']);
    const out = json(r.stdout);
    expect(out['PI-1'].score).toBe('D*');
    expect(out['PI-1'].years.map((y) => ({ year: y.year, outturn: y.outturn }))).toEqual(handPi1(KABAROLE));
    expect(out.findings.some((f) => f.code === 'pefa-insufficient-years')).toBe(true);
  });

  it('--fail-on warning exits 1 on the warning of a dimension without figures', async () => {
    expect((await run(['pefa', MUKONO, '--fail-on', 'warning'])).status).toBe(1);
    expect((await run(['pefa', MUKONO, '--fail-on', 'never'])).status).toBe(0);
  });

  it('a PEFA dataset given to check is refused with the command to run', async () => {
    const r = await run(['check', MUKONO, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'is a PEFA dataset (kind "pefa"), not a report: assess it with \'outturn pefa',
    );
  });

  it.each([
    [['pefa'], 'missing FILE'],
    [['pefa', MUKONO, KABAROLE], 'one FILE at a time'],
    [
      ['pefa', 'examples/suzhou-commerce-service-center-2023.json', '--from', 'csv'],
      'no PEFA table was found',
    ],
    [['pefa', 'no-such-file.json'], 'no-such-file.json'],
    [['pefa', MUKONO, '--profile', 'default'], '--profile applies to check, not to pefa'],
  ])('outturn %j is a usage error (exit 2, one line)', async (args, message) => {
    const r = await run([...args, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a JSON value that is not a dataset gives findings with paths, not a crash', async () => {
    const r = await run([
      'pefa',
      'examples/suzhou-commerce-service-center-2023.json',
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(r.status).toBe(1);
    const out = json(r.stdout);
    expect(out.findings.some((f) => f.code === 'invalid-report')).toBe(true);
  });
});

describe('outturn pefa: nothing from the dataset acts on the terminal or the memo', () => {
  it('escape sequences in names are shown, not sent; a | in a name stays in its cell', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'pefa-'));
    const line = (name: string, budget: string, actual: string) => ({ name, budget, actual });
    const year = (y: string) => ({
      year: y,
      expenditure: {
        administrative: [
          line('Health \u001b[2J|x', '100', '98'),
          line('Roads\u001b]52;c;Zm9v\u0007', '50', '51'),
        ],
      },
      revenue: [line('Taxes', '140', '141')],
    });
    const file = join(dir, 'hostile.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'pefa',
        entity: 'Entity \u001b[8m hidden',
        years: [year('2021'), year('2022'), year('2023')],
      }),
    );
    for (const format of ['text', 'markdown', 'json']) {
      const r = await run(['pefa', file, '--format', format, '--lang', 'en']);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).not.toContain('\u0007');
      expect(r.stdout).toContain('\\u001b'); // shown as text
    }
    const md = (await run(['pefa', file, '--format', 'markdown', '--lang', 'en'])).stdout;
    // Shown as the text \u001b (its backslash escaped for Markdown), the [ and the | escaped too.
    expect(md).toMatch(/^\| Health \\\\u001b\\\[2J\\\|x \| 100 \| /m);
  });
});
