/**
 * The findings as CSV (issue 15 §4): the Findings sheet of the audit workbook, UTF-8 with a
 * BOM, RFC 4180, and the formula-injection guard of OWASP ("CSV Injection": a `'` before a
 * field that starts with = + - @ TAB CR), read back with csv-parse and with SheetJS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { type Report, validateReport } from 'outturn';
import { csvField, findingsSheet, type RenderInput, renderCsv } from 'outturn-cli/render';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { HOSTILE_FILE, hostileReport, PAYLOADS } from './support/payloads.js';

const REFERENCE = 'examples/suzhou-commerce-service-center-2023.json';
const MONITORING = 'examples/reports/cn-hubei-huangshi-heritage-2019-monitoring.json';
const APPROPRIATION = 'examples/reports/za-dsd-2021-22-appropriation-statement.json';

function input(file: string): RenderInput {
  const report = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Report;
  return { file, result: validateReport(report) };
}

const records = (csv: string): string[][] =>
  parse(csv, { bom: true, relax_column_count: false }) as string[][];

describe('renderCsv', () => {
  const inputs = [input(REFERENCE), input(MONITORING), input(APPROPRIATION)];

  it('is UTF-8 with a BOM and CRLF, one header and one record per finding, the fields of the Findings sheet', () => {
    const csv = renderCsv(inputs, { lang: 'zh' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = records(csv);
    expect(rows[0]).toEqual(['文件', '位置', '代码', '级别', '报告值', '复算值', '说明']);
    const total = inputs.reduce((n, i) => n + i.result.findings.length, 0);
    expect(rows).toHaveLength(1 + total);
    const sheet = findingsSheet(inputs, 'zh');
    expect(rows.slice(1)).toEqual(sheet.rows.map((r) => r.map(String)));
    expect(rows.filter((r) => r[3] === '错误' && r[0] === REFERENCE).map((r) => r[5])).toEqual([
      '71.43%',
      '0.00%',
      '134.17%',
    ]);
    // A negative figure stays a figure: the deviation-undefined finding recomputes +43.37 pp.
    expect(rows.find((r) => r[2] === 'deviation-undefined')?.[5]).toBe('+43.37 pp');
  });

  it('opens in SheetJS as the same table, with no formula', () => {
    const csv = renderCsv(inputs, { lang: 'en' });
    // As a program opens the file: its bytes, UTF-8 announced by the BOM.
    const wb = XLSX.read(Buffer.from(csv, 'utf8'), { type: 'buffer', cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
    expect(rows[0]).toEqual(['File', 'Path', 'Code', 'Severity', 'Printed', 'Recomputed', 'Message']);
    expect(rows).toHaveLength(1 + inputs.reduce((n, i) => n + i.result.findings.length, 0));
    expect(rows[1]?.[6]).toContain('预算总金额');
    expect(
      Object.entries(ws).filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).f !== undefined),
    ).toEqual([]);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "x"', '"say ""x"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['-6.26%', '-6.26%'],
    ['+43.37 pp', '+43.37 pp'],
    ['-1,234.5', '"-1,234.5"'],
    ['-', '-'],
    ['---', '---'],
    ['', ''],
    [3, '3'],
  ])('csvField(%j) = %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('no field of any text starts a formula once parsed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }), (fields) => {
        const line = fields.map(csvField).join(',');
        const [parsed] = parse(`${line}\r\n`, { relax_quotes: false }) as string[][];
        expect(parsed).toHaveLength(fields.length);
        parsed?.forEach((f, i) => {
          const original = fields[i] ?? '';
          // Either the text itself, or the text behind a ', when it would start a formula.
          expect(f === original || f === `'${original}`).toBe(true);
          if (/^[=+\-@\t\r]/.test(f)) expect(/^[+-][\d.,]+(?: ?%| ?pp)?$|^-+$/.test(f)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderCsv: injection payloads are inert', () => {
  const hostile = { file: HOSTILE_FILE, result: validateReport(hostileReport()) };

  it('formulas get a quote, escape sequences show as escapes, the table keeps its shape', () => {
    const csv = renderCsv(hostile, { lang: 'en' });
    expect(csv).not.toContain('\u001b');
    expect(csv).not.toContain('\u0007');
    const rows = records(csv);
    expect(rows).toHaveLength(1 + hostile.result.findings.length);
    for (const row of rows) expect(row).toHaveLength(7);
    const fields = rows.flat();
    for (const f of fields) {
      if (/^[=+\-@\t\r]/.test(f)) expect(f).toMatch(/^[+-][\d.,]+(?: ?%| ?pp)?$|^-+$/);
    }
    expect(fields.every((f) => !f.startsWith('='))).toBe(true);
    expect(fields).toContain(`'${PAYLOADS['=HYPERLINK']}`);
    expect(fields).toContain(`'${PAYLOADS['+cmd']}`);
    expect(fields[rows[0]?.length ?? 0]).toBe('report<script>alert(1)</script>\\u001b[2J=1+1.json');
    const messages = rows.slice(1).map((r) => r[6] ?? '');
    expect(messages.some((m) => m.includes('\\u001b[2J'))).toBe(true);
  });
});
