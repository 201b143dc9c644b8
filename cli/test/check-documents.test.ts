/**
 * `outturn check --format html|xlsx|csv`: one document for the reports given, through the
 * command in-process: the HTML report on stdout, the audit workbook in --output (read back with
 * SheetJS), the findings as CSV; many reports and an unreadable one among them; refusals.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const HUANGSHI = join(ROOT, 'examples', 'reports', 'cn-hubei-huangshi-heritage-2019-monitoring.json');

describe('outturn check --format html|xlsx|csv', () => {
  it('html: the self-contained report of the reference report, exit 1 for its errors', async () => {
    const r = await run(['check', EXAMPLE, '--format', 'html', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(r.stdout).toContain('134.17%');
    expect(r.stdout).toContain("default-src 'none'");
    expect(r.stdout).not.toMatch(/<script/i);
  });

  it('xlsx: the workbook goes to --output, with one row per finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outturn-xlsx-'));
    const r = await run(['check', EXAMPLE, '--format', 'xlsx', '-o', 'audit.xlsx', '--lang', 'en'], {
      cwd: dir,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const book = XLSX.read(readFileSync(join(dir, 'audit.xlsx')));
    expect(book.SheetNames).toEqual(['Summary', 'Findings', 'Budget', 'Indicators']);
    const findings = XLSX.utils.sheet_to_json(book.Sheets.Findings as XLSX.WorkSheet, { header: 1 });
    expect(findings).toHaveLength(1 + 12); // the header, then 3 errors, 5 warnings, 4 info
  });

  it('csv: the findings with a byte order mark, one line per finding', async () => {
    const r = await run(['check', EXAMPLE, '--format', 'csv', '--lang', 'en']);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout.trim().split(/\r?\n/)).toHaveLength(1 + 12);
  });

  it('many reports make one document; an unreadable file is named on stderr and gives exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outturn-docs-'));
    writeFileSync(join(dir, 'broken.json'), '{ "kind": ');
    const r = await run([
      'check',
      EXAMPLE,
      HUANGSHI,
      join(dir, 'broken.json'),
      '--format',
      'html',
      '--lang',
      'en',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.json');
    expect(r.stdout).toContain('134.17%');
    expect(r.stdout).toContain('39.80%'); // the monitoring table's 1–6月执行率
    const x = await run(['check', EXAMPLE, HUANGSHI, '--format', 'xlsx', '-o', 'two.xlsx', '--lang', 'en'], {
      cwd: dir,
    });
    expect(x.status).toBe(1);
    const summary = XLSX.utils.sheet_to_json(
      XLSX.read(readFileSync(join(dir, 'two.xlsx'))).Sheets.Summary as XLSX.WorkSheet,
      {
        header: 1,
      },
    );
    expect(summary).toHaveLength(1 + 2);
  });

  it.each([
    [['check', EXAMPLE, '--format', 'xlsx'], '--format xlsx writes a workbook, not text'],
    [
      [
        'pefa',
        join(ROOT, 'examples', 'pefa', 'ug-mukono-district-2017-18-to-2019-20.json'),
        '--format',
        'html',
      ],
      '--format html applies to check and review, not to pefa',
    ],
  ])('%j is a usage error', async (args, message) => {
    const r = await run([...args, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
