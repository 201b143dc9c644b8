/**
 * `outturn review` on table files, alone and in batch (issue 17: "works on every format the
 * importers read, alone and in batch, with the same outputs as check"): the five real target
 * tables of cli/test/fixtures/import/declaration/ (sources in its README), each in the six
 * formats offices publish (.csv, .xlsx, .xls, .html, .docx, .pdf), reviewed as one directory.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

const DECLARATIONS = join(ROOT, 'cli', 'test', 'fixtures', 'import', 'declaration');
const TABLES = readdirSync(DECLARATIONS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const FORMATS = ['csv', 'docx', 'html', 'pdf', 'xls', 'xlsx'];

interface ReviewJson {
  file: string;
  summary: { error: number; warning: number; info: number };
  findings: { code: string; severity: string; rule: string | null; path?: string }[];
}

/** A review's findings as `rule code severity` lines, in order: what a reviewer reads. */
const said = (r: ReviewJson) => r.findings.map((f) => `${f.rule} ${f.code} ${f.severity}`);

describe('outturn review of table files in batch', () => {
  it('has five tables of six formats each', () => {
    expect(TABLES).toHaveLength(5);
    for (const t of TABLES) {
      expect(
        readdirSync(join(DECLARATIONS, t))
          .filter((f) => !f.endsWith('.md'))
          .sort(),
      ).toEqual(FORMATS.map((f) => `${t}.${f}`));
    }
  });

  it('a directory of 30 files: every one read and reviewed, and each table says the same in every format', async () => {
    const r = await run(['review', DECLARATIONS, '--format', 'json', '--fail-on', 'never', '--lang', 'en']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      reports: (ReviewJson | { file: string; error: unknown })[];
      summary: { files: number; unreadable: number };
    };
    expect(doc.summary.files).toBe(30);
    expect(doc.summary.unreadable).toBe(0);
    const byTable = new Map<string, string[][]>();
    for (const report of doc.reports) {
      expect(report).not.toHaveProperty('error');
      const rev = report as ReviewJson;
      const table = basename(rev.file).replace(/\.[a-z]+$/, '');
      byTable.set(table, [...(byTable.get(table) ?? []), said(rev)]);
    }
    expect([...byTable.keys()].sort()).toEqual(TABLES);
    for (const [table, reviews] of byTable) {
      expect(reviews, table).toHaveLength(6);
      for (const other of reviews.slice(1)) expect(other, table).toEqual(reviews[0]);
    }
  });

  it.each(TABLES)('%s: the batch entry of each format is the review of that file alone', async (table) => {
    const dir = join(DECLARATIONS, table);
    const batch = await run(['review', dir, '--format', 'ndjson', '--fail-on', 'never', '--lang', 'zh']);
    expect(batch.status).toBe(0);
    const lines = batch.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      const entry = JSON.parse(line) as ReviewJson;
      const alone = await run([
        'review',
        join(dir, basename(entry.file)),
        '--format',
        'json',
        '--fail-on',
        'never',
        '--lang',
        'zh',
      ]);
      expect(alone.status).toBe(0);
      const { file: _file, ...rest } = entry;
      expect(rest).toEqual(JSON.parse(alone.stdout));
    }
  });

  it('--from and --sheet apply to review: a workbook read as the format it is', async () => {
    const xlsx = join(DECLARATIONS, TABLES[0] as string, `${TABLES[0]}.xlsx`);
    const plain = await run(['review', xlsx, '--format', 'json', '--fail-on', 'never']);
    const forced = await run(['review', xlsx, '--from', 'xlsx', '--format', 'json', '--fail-on', 'never']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(plain.stdout);
    const wrong = await run(['review', xlsx, '--sheet', 'no such sheet', '--lang', 'en']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('no such sheet');
  });
});
