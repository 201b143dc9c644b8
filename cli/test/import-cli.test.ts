/**
 * `outturn import` and `outturn check` on tables, run in-process through `main(argv, io)`
 * (./support/run.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { displayWidth } from 'outturn-cli/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csvRows,
  FIXTURES,
  REFERENCE,
  readJson,
  SEED,
  sheetOf,
  workbook,
} from './fixtures/import/helpers.js';
import { type Run, run } from './support/run.js';

const SUZHOU_CSV = join(FIXTURES, 'suzhou-commerce-service-center-2023.csv');
const HEBEI_CSV = join(FIXTURES, 'cn-hebei-langfang-food-school-2019-hvac.csv');
const reference = readJson(REFERENCE);

/** Exit 2, nothing on stdout, one line on stderr, no stack trace. */
function expectUsageError(r: Run): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.startsWith('outturn: ')).toBe(true);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

let dir = '';

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-import-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('outturn import on the reference report’s PDF text', () => {
  it('prints the report JSON, lists what was not imported and the notes on stderr, exits 0', async () => {
    const r = await run(['import', SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('{\n  "kind": "department",\n')).toBe(true);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report.budget).toEqual(reference.budget);
    expect(report.indicators).toEqual(reference.indicators);
    const lines = r.stderr.trimEnd().split('\n');
    for (const line of lines) expect(line.startsWith('outturn: ')).toBe(true);
    expect(lines.filter((l) => l.startsWith('outturn: 未导入：'))).toEqual([
      expect.stringContaining('第 9–47 行：叙述性文字（共 20 行，不是表格）：不属于报告 JSON'),
      expect.stringContaining('第 64–73 行：文字及一个既非预算表也非指标表的表格'),
    ]);
    expect(lines.filter((l) => l.startsWith('outturn: 说明：'))).toHaveLength(8);
    expect(lines[lines.length - 1]).toBe(
      'outturn: 已导入 9 个预算行、46 个指标（text, UTF-8）；未导入 2 处，说明 8 条',
    );
  });

  it('speaks English with --lang en', async () => {
    const r = await run(['import', SEED, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      'outturn: not imported: ' +
        `${SEED}, lines 9–47: narrative text (20 lines, not a table): not part of the report JSON`,
    );
    expect(r.stderr).toContain(
      'lines 57–62: placed under 项目支出, the line above them: their sums equal it (initial budget 57.21, adjusted budget 57.21, actual 49.54)',
    );
    expect(r.stderr).toContain('line 80: continues the cells of the indicator on line 78');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      'outturn: imported 9 budget line(s) and 46 indicator(s) (text, UTF-8); 2 item(s) not imported, 8 note(s)',
    );
  });

  it('gives the same JSON for the text saved as GB18030', async () => {
    const gb = file('seed-gb18030.txt', iconv.encode(readFileSync(SEED, 'utf8'), 'gb18030'));
    const r = await run(['import', gb]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe((await run(['import', SEED])).stdout);
    expect(r.stderr).toContain('（text, GB18030）');
  });
});

describe('import, then check: exactly the findings, rates, statuses and deviations of the hand-made JSON', () => {
  let expected: unknown;
  beforeAll(async () => {
    const r = await run(['check', REFERENCE, '--format', 'json']);
    expect(r.status).toBe(1);
    expected = JSON.parse(r.stdout);
  });

  it('outturn import > report.json; outturn check report.json (UTF-8 and GB18030 text)', async () => {
    const gb = file('seed-gb.txt', iconv.encode(readFileSync(SEED, 'utf8'), 'gb18030'));
    for (const input of [SEED, gb]) {
      const imported = await run(['import', input]);
      expect(imported.status).toBe(0);
      const json = file('imported.json', imported.stdout);
      const checked = await run(['check', json, '--format', 'json']);
      expect(checked.status).toBe(1);
      expect(checked.stderr).toBe('');
      expect(JSON.parse(checked.stdout)).toEqual(expected);
    }
  });

  it('outturn check on the text, the CSV and an .xlsx directly', async () => {
    const xlsx = file('suzhou.xlsx', workbook([['预算与指标', sheetOf(csvRows(SUZHOU_CSV))]]));
    for (const input of [SEED, SUZHOU_CSV, xlsx]) {
      const r = await run(['check', input, '--format', 'json']);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual(expected);
      expect(r.stderr).toMatch(/^outturn: 已导入 9 个预算行、46 个指标/m);
    }
    // The text output too, but for the heading that names the file.
    const body = (out: string) => out.slice(out.indexOf('\n\n'));
    const text = await run(['check', SEED, '--lang', 'en']);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^File:/m);
    expect(body(text.stdout)).toBe(body((await run(['check', REFERENCE, '--lang', 'en'])).stdout));
  });

  it('--from and --sheet reach the import', async () => {
    const named = file('report.dat', readFileSync(SEED));
    const r = await run(['check', named, '--from', 'text', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(expected);
    // Read as CSV (tab-separated), the wrapped cell of line 80 is a row without a name.
    const asCsv = await run(['import', named, '--from', 'csv', '--lang', 'en']);
    expect(asCsv.status).toBe(0);
    expect(asCsv.stderr).toContain('line 80: an indicator row without a name');
    const xlsx = file(
      'two-sheets.xlsx',
      workbook([
        ['Budget', sheetOf(csvRows(SUZHOU_CSV).slice(0, 22))],
        ['Indicators', sheetOf(csvRows(SUZHOU_CSV).slice(22))],
      ]),
    );
    const onlyIndicators = JSON.parse(
      (await run(['import', xlsx, '--sheet', 'Indicators'])).stdout,
    ) as Record<string, unknown>;
    expect(onlyIndicators.budget).toBeUndefined();
    expect(onlyIndicators.indicators).toEqual(reference.indicators);
  });
});

describe('real reports check without hand editing', () => {
  it('a CSV (廊坊市食品工程学校 2019) and an .xlsx (Gauteng CoGTA 2019/20)', async () => {
    const csv = await run(['check', HEBEI_CSV, '--format', 'json', '--fail-on', 'never']);
    expect(csv.status).toBe(0);
    const out = JSON.parse(csv.stdout) as { indicators: unknown[]; budget: { executionRate: string }[] };
    expect(out.indicators).toHaveLength(9);
    expect(out.budget[0]?.executionRate).toBe('86.20%');
    const xlsx = file(
      'cogta.xlsx',
      workbook([['Sheet1', sheetOf(csvRows(join(FIXTURES, 'za-gauteng-cogta-2019-20.csv')))]]),
    );
    const r = await run(['check', xlsx, '--format', 'json', '--lang', 'en']);
    expect([0, 1]).toContain(r.status);
    const json = JSON.parse(r.stdout) as { budget: unknown[]; indicators: unknown[] };
    expect(json.budget.length).toBeGreaterThan(10);
    expect(json.indicators).toHaveLength(7);
    expect(r.stderr).toContain('not imported: ');
    expect(r.stderr).toContain('"Shifting of Funds" is not a known budget column');
  });

  it('two table files make one report for import (check makes two reports of them)', async () => {
    const rows = csvRows(SUZHOU_CSV);
    const lines = readFileSync(SUZHOU_CSV, 'utf8').split('\n');
    const split = rows.findIndex((row) => row[0] === '九、部门整体自评表');
    const budget = file('budget.csv', `${lines.slice(0, split).join('\n')}\n`);
    const indicators = file('indicators.csv', `${lines.slice(split).join('\n')}`);
    const imported = JSON.parse((await run(['import', budget, indicators])).stdout) as Record<
      string,
      unknown
    >;
    expect(imported.indicators).toEqual(reference.indicators);
    // Since issue 15 `check` checks each FILE on its own: two reports, one row each.
    const r = await run(['check', budget, indicators, '--format', 'json']);
    expect((JSON.parse(r.stdout) as { reports: { file: string }[] }).reports.map((x) => x.file)).toEqual([
      budget,
      indicators,
    ]);
  });
});

describe('unreadable input: exit 2 and one line on stderr', () => {
  it('wrong encodings name the likely one', async () => {
    const latin = await run([
      'import',
      file('latin1.csv', iconv.encode('Programme,Budget,Actual\nCafé,1,2\n', 'latin1')),
      '--lang',
      'en',
    ]);
    expectUsageError(latin);
    expect(latin.stderr).toContain('Latin-1 or Windows-1252');
    const utf16 = await run([
      'check',
      file('utf16.csv', iconv.encode('预算项目,年初预算数\n合计,1\n', 'utf16le')),
    ]);
    expectUsageError(utf16);
    expect(utf16.stderr).toContain('UTF-16');
  });

  it('no table, an empty file, a report JSON, a PDF', async () => {
    const unknown = await run(['import', file('unknown.csv', 'foo,bar\n1,2\n'), '--lang', 'en']);
    expectUsageError(unknown);
    expect(unknown.stderr).toContain('no budget or indicator table was found');
    expectUsageError(await run(['import', file('empty.csv', '')]));
    const json = await run(['import', REFERENCE, '--lang', 'en']);
    expectUsageError(json);
    expect(json.stderr).toContain('outturn check');
    // A PDF goes to the PDF reader: a file that is not a readable PDF is one line, exit 2.
    const pdf = await run(['check', file('report.pdf', '%PDF-1.4\n%…'), '--lang', 'en']);
    expectUsageError(pdf);
    expect(pdf.stderr).toMatch(/^outturn: .*report\.pdf/);
  });

  it('an empty or unknown sheet', async () => {
    const xlsx = file(
      'sheets.xlsx',
      workbook([
        [
          'Data',
          sheetOf([
            ['预算项目', '年初预算数', '实际支出数'],
            ['合计', '1', '1'],
          ]),
        ],
        ['Empty', sheetOf([])],
      ]),
    );
    const empty = await run(['import', xlsx, '--sheet', 'Empty', '--lang', 'en']);
    expectUsageError(empty);
    expect(empty.stderr).toContain('the sheet "Empty" is empty');
    const nope = await run(['import', xlsx, '--sheet', 'Nope']);
    expectUsageError(nope);
    expect(nope.stderr).toContain('“Nope”');
    expect(nope.stderr).toContain('"Data", "Empty"');
    expect((await run(['import', xlsx, '--sheet', 'Data'])).status).toBe(0);
  });

  it('a missing file', async () => {
    const r = await run(['import', join(dir, 'nope.csv'), '--lang', 'en']);
    expectUsageError(r);
    expect(r.stderr).toContain('no such file');
  });
});

describe('usage of import', () => {
  it('bad arguments: exit 2 with the hint', async () => {
    for (const args of [
      ['import'],
      ['import', SEED, '--from', 'xml'],
      ['import', SEED, '--format', 'json'],
      ['import', SEED, '--fail-on', 'never'],
      ['import', SEED, '--sheet', ''],
      ['check', SEED, '--from', 'odt'],
      ['import', SEED, '--max-bytes', 'lots'],
    ]) {
      const r = await run(args);
      expectUsageError(r);
      expect(r.stderr).toContain('outturn --help');
    }
  });

  it('--help documents import in both languages within 80 columns', async () => {
    for (const lang of ['zh', 'en']) {
      const r = await run(['import', '--help', '--lang', lang]);
      expect(r.status).toBe(0);
      for (const word of ['--from', '--sheet', 'csv', 'xlsx', 'text', 'GB18030', 'examples/templates']) {
        expect(r.stdout).toContain(word);
      }
      for (const args of [['import', '--help'], ['--help'], ['check', '--help']]) {
        const out = (await run([...args, '--lang', lang])).stdout;
        for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      }
    }
    expect((await run(['--help'])).stdout).toContain('outturn import 文件...');
    expect((await run(['--help', '--lang', 'en'])).stdout).toContain('outturn import FILE...');
    expect((await run(['check', '--help', '--lang', 'en'])).stdout).toContain('--sheet NAME');
  });
});
