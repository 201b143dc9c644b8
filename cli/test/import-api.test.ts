/**
 * The public entry `outturn-cli/import`: what it exports, that every example of its JSDoc
 * gives what it says, that bad input never throws and that a wrong argument does.
 */
import fc from 'fast-check';
import { validateReport } from 'outturn';
import * as entry from 'outturn-cli/import';
import {
  decodeText,
  detectTextFormat,
  formatLocation,
  type ImportResult,
  type ImportSuccess,
  importFiles,
  importReport,
  importText,
} from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';

const utf8 = (s: string) => new TextEncoder().encode(s);

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

describe('outturn-cli/import exports', () => {
  it('the documented functions and nothing else at run time', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'PEFA_TABLE_NAMES',
      'decodeText',
      'detectTextFormat',
      'formatLocation',
      'importFiles',
      'importPefa',
      'importReport',
      'importText',
    ]);
  });
});

describe('the JSDoc examples', () => {
  it('importReport: the budget table of the reference report, and a file without a table', async () => {
    const csv =
      '本年度预算资金（万元）,年初预算数,调整预算数,实际支出数,执行率\n' +
      '预算总金额,321.19,321.19,430.93,134.17%\n';
    const result = ok(await importReport(utf8(csv), { fileName: 'budget.csv' }));
    expect(result.format).toBe('csv');
    expect(result.encoding).toBe('utf-8');
    expect(result.report).toEqual({
      amountUnit: '万元',
      budget: [
        {
          name: '预算总金额',
          initial: '321.19',
          adjusted: '321.19',
          actual: '430.93',
          published: { executionRate: '134.17%' },
        },
      ],
    });
    expect(validateReport(result.report).findings.map((f) => [f.code, f.recomputed])).toContainEqual([
      'overspend',
      '134.17%',
    ]);
    const none = await importReport(utf8('foo,bar\n1,2\n'));
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.message.en.startsWith('no budget or indicator table was found: ')).toBe(true);
      expect(none.message.zh.startsWith('没有找到预算表或指标表：')).toBe(true);
    }
  });

  it('importText: an indicator row as a PDF reader copies it', () => {
    const r = ok(importText('指标名称\t指标值\t实际完成值\t偏差情况\n预算执行率\t=100%\t93.74%\t-6.26%\n'));
    expect(r.format).toBe('text');
    expect(r.encoding).toBeNull();
    expect(r.report.indicators).toEqual([
      { name: '预算执行率', target: '=100%', actual: '93.74%', published: { deviation: '-6.26%' } },
    ]);
  });

  it('importFiles: a budget file and an indicator file', async () => {
    const r = ok(
      await importFiles([
        {
          bytes: utf8('年度,2023\n\n预算项目,年初预算数,调整预算数,实际支出数\n合计,1,1,1\n'),
          fileName: 'budget.csv',
        },
        {
          bytes: utf8('年度,2024\n\n指标名称,指标值,实际完成值\n满意度,≥90%,99%\n'),
          fileName: 'indicators.csv',
        },
      ]),
    );
    expect(r.report).toEqual({
      year: 2023,
      budget: [{ name: '合计', initial: '1', adjusted: '1', actual: '1' }],
      indicators: [{ name: '满意度', target: '≥90%', actual: '99%' }],
    });
    expect(r.notes.map((n) => n.where)).toEqual(['indicators.csv']);
  });

  it('formatLocation', () => {
    expect(formatLocation({ file: 'report.csv', line: 80, column: 6 }, 'en')).toBe(
      'report.csv, line 80, column 6',
    );
    expect(formatLocation({ file: 'report.csv', line: 80, column: 6 }, 'zh')).toBe(
      'report.csv 第 80 行第 6 列',
    );
    expect(formatLocation({ line: 57, lineEnd: 62 }, 'en')).toBe('lines 57–62');
    expect(formatLocation({ sheet: '预算', cell: 'G2' }, 'en')).toBe('预算!G2');
  });

  it('decodeText: GBK, and Latin-1 refused', () => {
    expect(decodeText(new Uint8Array([0xd4, 0xa4, 0xcb, 0xe3]))).toEqual({
      ok: true,
      text: '预算',
      encoding: 'gb18030',
    });
    const latin = decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]));
    expect(latin.ok).toBe(false);
    if (!latin.ok) {
      expect(latin.message.en).toMatch(
        /^cannot read the text: it is neither UTF-8 nor GB18030\/GBK; it looks like Latin-1 /,
      );
      expect(latin.message.zh.startsWith('无法读取文本：')).toBe(true);
    }
  });

  it('detectTextFormat', () => {
    expect(detectTextFormat('预算项目,年初预算数\n预算总金额,321.19\n')).toBe('csv');
    expect(detectTextFormat('预算项目\t年初预算数\n预算总金额\t321.19\n')).toBe('text');
    expect(detectTextFormat('名称\t年初预算数\n"总额"\t"1"\n')).toBe('csv');
    expect(detectTextFormat('  {"indicators": []}')).toBe('json');
  });
});

describe('bad input never throws; a wrong argument does', () => {
  it('any bytes give a result, also after a zip, OLE2 or PDF signature (property)', async () => {
    const signature = fc.constantFrom(
      [],
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
    );
    const from = fc.constantFrom<'csv' | 'xlsx' | 'text' | undefined>(undefined, 'csv', 'xlsx', 'text');
    await fc.assert(
      fc.asyncProperty(signature, fc.uint8Array({ maxLength: 300 }), from, async (head, body, f) => {
        const r = await importReport(new Uint8Array([...head, ...body]), { from: f, fileName: 'x' });
        if (!r.ok) {
          expect(r.message.en).not.toBe('');
          expect(r.message.zh).toMatch(/\p{Script=Han}/u);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('arguments of the wrong type are TypeErrors with the function named', async () => {
    await expect(importReport('a,b' as unknown as Uint8Array)).rejects.toThrow(
      /^importReport: bytes must be a Uint8Array/,
    );
    await expect(importReport(utf8('a'), { from: 'odt' as 'csv' })).rejects.toThrow(
      "importReport: from must be one of 'csv', 'text', 'xlsx', 'xls', 'html', 'docx', 'pdf', not \"odt\"",
    );
    for (const maxBytes of [0, -1, 1.5, '10' as unknown as number, Number.NaN]) {
      await expect(importReport(utf8('a'), { maxBytes })).rejects.toThrow(
        /^importReport: maxBytes must be a positive integer/,
      );
    }
    await expect(importReport(utf8('a'), null as unknown as object)).rejects.toThrow(TypeError);
    await expect(importReport(utf8('a'), { sheet: 1 as unknown as string })).rejects.toThrow(
      'importReport: sheet must be a string, not number',
    );
    expect(() => importText(utf8('a') as unknown as string)).toThrow(/^importText: text must be a string/);
    expect(() => importText('a', { from: 'xlsx' as 'csv' })).toThrow(
      /^importText: from must be one of 'csv', 'text'/,
    );
    await expect(importFiles(utf8('a') as unknown as [])).rejects.toThrow(
      /^importFiles: files must be an array/,
    );
    await expect(importFiles([{ bytes: 'a' as unknown as Uint8Array }])).rejects.toThrow(
      /^importFiles: bytes must be a Uint8Array/,
    );
    expect(() => decodeText([1, 2] as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('a Node.js Buffer is a Uint8Array', async () => {
    const r = await importReport(Buffer.from('预算项目,年初预算数,实际支出数\n合计,1,1\n'));
    expect(r.ok).toBe(true);
  });
});
