import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { BudgetLine, Indicator, Report } from 'outturn';
import { validateReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import {
  decodeText,
  detectTextFormat,
  type ImportResult,
  type ImportSuccess,
  importFiles,
  importReport,
  importText,
} from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { isFormulaLike } from '../src/import/formula.js';
import { amountUnitOf, budgetField, headerYear, indicatorField } from '../src/import/headers.js';
import { joinWrapped } from '../src/import/indicator-table.js';
import {
  FIXTURES,
  findingKeys,
  REFERENCE,
  ROOT,
  readJson,
  SEED,
  SEED_SHA256,
} from './fixtures/import/helpers.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

function csv(text: string): ImportSuccess {
  return ok(importText(text, { from: 'csv' }));
}

function failed(r: ImportResult): { en: string; zh: string } {
  if (r.ok) throw new Error('expected a failure');
  expect(r.message.en.length).toBeGreaterThan(10);
  expect(r.message.zh).toMatch(/\p{Script=Han}/u);
  return r.message;
}

const reference = readJson(REFERENCE) as unknown as Report;

// ---------------------------------------------------------------------------------------------

describe('encodings', () => {
  const text = '预算项目,年初预算数\n预算总金额,321.19\n';

  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeText(bom)).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
  });

  it('reads GB18030/GBK, as Excel and WPS write CSV on Chinese systems', () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(decodeText(gbk)).toEqual({ ok: true, text, encoding: 'gb18030' });
    const gb = iconv.encode('萬元 𠀀 预算', 'gb18030');
    expect(decodeText(gb)).toEqual({ ok: true, text: '萬元 𠀀 预算', encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte order mark (Excel "Unicode text"), both byte orders', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]);
    expect(decodeText(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf16be')]);
    expect(decodeText(be)).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('refuses UTF-16 without a byte order mark, naming it', () => {
    const r = decodeText(iconv.encode('Budget,Actual\n1,2\n', 'utf16le'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.en).toContain('UTF-16 without a byte order mark');
      expect(r.message.zh).toContain('UTF-16');
    }
  });

  it('refuses Latin-1 / Windows-1252 text, naming the likely encoding and the byte', () => {
    const r = decodeText(iconv.encode('Programme,Budget\nCafé Señor,12\n', 'latin1'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.en).toContain('Latin-1 or Windows-1252');
      expect(r.message.en).toContain('0xE9');
      expect(r.message.zh).toContain('Latin-1');
      expect(r.message.en).toContain('Save the file as UTF-8');
    }
  });

  it('refuses bytes that are no known encoding', () => {
    const r = decodeText(new Uint8Array([0x61, 0xff, 0xfe, 0xfd, 0xff, 0x62]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.en).toContain('neither UTF-8 nor GB18030');
  });

  it('gives back any text written as UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        fc.pre(!s.includes('\u0000') && !s.startsWith('\uFEFF'));
        const r = decodeText(utf8(s));
        return r.ok && r.text === s && r.encoding === 'utf-8';
      }),
    );
  });

  it('gives back Chinese text written as GB18030 whenever its bytes are not also UTF-8 (property)', () => {
    const han = fc.constantFrom(...'预算执行率偏差指标目标完成值年初调整实际支出健全规范萬元達成');
    const other = fc.constantFrom(...'0123456789%,.;:≥≤=（）【】、。 ');
    fc.assert(
      fc.property(fc.array(fc.oneof(han, other), { minLength: 1, maxLength: 40 }), han, (chars, h) => {
        const s = h + chars.join('');
        const bytes = iconv.encode(s, 'gb18030');
        let validUtf8 = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          validUtf8 = false;
        }
        fc.pre(!validUtf8);
        const r = decodeText(bytes);
        return r.ok && r.text === s && r.encoding === 'gb18030';
      }),
    );
  });

  it('reads bytes that are valid UTF-8 as UTF-8, even when they are also GBK (a limit, documented)', () => {
    // 预0 in GBK is D4 A4 30, which is also the UTF-8 of "Ԥ0". Real tables have far more
    // Chinese characters than that; a misread file has no header outturn knows and fails.
    const bytes = iconv.encode('预0', 'gbk');
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'Ԥ0', encoding: 'utf-8' });
    const latin = decodeText(utf8('Café'));
    expect(latin).toEqual({ ok: true, text: 'Café', encoding: 'utf-8' });
  });

  it('an import in a refused encoding fails with the same message, never with mojibake', async () => {
    const r = await importReport(iconv.encode('Programme,Budget,Actual\nCafé,1,2\n', 'latin1'), {
      fileName: 'latin1.csv',
    });
    const m = failed(r);
    expect(m.en).toContain('Latin-1');
    if (!r.ok) expect(r.at).toEqual({ file: 'latin1.csv' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('format detection', () => {
  it('tells PDF text, CSV and JSON apart by content', () => {
    expect(detectTextFormat(readFileSync(SEED, 'utf8'))).toBe('text');
    expect(
      detectTextFormat(readFileSync(join(FIXTURES, 'suzhou-commerce-service-center-2023.csv'), 'utf8')),
    ).toBe('csv');
    expect(detectTextFormat('  \n{"indicators": []}')).toBe('json');
    expect(detectTextFormat('[1]')).toBe('json');
    expect(detectTextFormat('a;b;c\n1;2;3\n')).toBe('csv');
    // Tab-separated with quoted cells is a spreadsheet export: CSV with tabs.
    expect(detectTextFormat('名称\t年初预算数\n"总额"\t"1"\n')).toBe('csv');
    expect(detectTextFormat('名称\t年初预算数\n总额\t1\n')).toBe('text');
  });

  it('sends a PDF, an .xls, a web page and a Word document to their readers; refuses other zips, a report JSON and an empty file', async () => {
    // What each reader says is its own; here only that the bytes reached it and a failure is one message.
    const readers: [string, Uint8Array][] = [
      ['pdf', utf8('%PDF-1.7\n…')],
      ['xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
      ['html', utf8('<!DOCTYPE html><html><body><p>no table</p></body></html>')],
    ];
    for (const [, bytes] of readers) {
      const r = await importReport(bytes);
      if (!r.ok) expect(r.message.en).not.toBe('');
    }
    // An OpenDocument text is a zip archive too, with neither member an .xlsx or .docx has.
    const otherZip = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8('<x/>'),
    });
    expect(failed(await importReport(otherZip)).en).toBe(
      'a zip archive that is neither an .xlsx workbook nor a .docx document',
    );
    const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('not really a zip archive')]);
    expect(failed(await importReport(damaged)).en).toContain('a damaged zip archive');
    expect(failed(await importReport(utf8('{"budget": []}'))).en).toContain('outturn check');
    expect(failed(await importReport(new Uint8Array())).en).toBe('the file is empty');
    expect(failed(await importReport(utf8(' \n\n\t\n'))).en).toBe('the file is empty');
    expect(failed(await importReport(utf8('Budget,Actual\n'), { from: 'xlsx' })).en).not.toBe('');
  });
});

// ---------------------------------------------------------------------------------------------

describe('header cells as printed', () => {
  it('match after width, spaces, line breaks and parenthesised units are normalised', () => {
    expect(budgetField('年初预算数（万元）')).toBe('initial');
    expect(budgetField('上年度结转及当年 预算追加追减数(万 元)')).toBe('adjustment');
    expect(budgetField('调整预算数\n（万元）')).toBe('adjusted');
    expect(budgetField('全年预算数')).toBe('adjusted');
    expect(budgetField('实际\r\n支出数')).toBe('actual');
    expect(budgetField('全年执行数')).toBe('actual');
    expect(budgetField('执行率（%）')).toBe('executionRate');
    expect(budgetField('分值')).toBe('weight');
    expect(budgetField('得分')).toBe('score');
    expect(budgetField('本年度预算资金（万元）')).toBe('name');
    expect(budgetField('預算數')).toBe('budget');
    expect(indicatorField('一级指标')).toBe('path');
    expect(indicatorField('二级指标')).toBe('path');
    expect(indicatorField('三级指标')).toBe('name');
    expect(indicatorField('指标名称')).toBe('name');
    expect(indicatorField('指标值')).toBe('target');
    expect(indicatorField('年度指标值')).toBe('target');
    expect(indicatorField('指标目标值')).toBe('target');
    expect(indicatorField('实际完成值')).toBe('actual');
    expect(indicatorField('指标完成值')).toBe('actual');
    expect(indicatorField('偏差情况')).toBe('deviation');
    expect(indicatorField('原因分析')).toBe('reason');
    expect(indicatorField('偏差原因分析及改进措施')).toBe('reason');
    expect(indicatorField('度量单位')).toBe('unit');
    expect(indicatorField('指标性质')).toBe('operator');
    expect(indicatorField('完成值来源')).toBe('source');
    expect(indicatorField('三級指標')).toBe('name');
    expect(indicatorField('實際完成值')).toBe('actual');
  });

  it('match English headers, with years and qualifiers after the words that matter', () => {
    expect(budgetField('Budget')).toBe('budget');
    expect(budgetField('Adjusted budget')).toBe('adjusted');
    expect(budgetField('Final Appropriation')).toBe('adjusted');
    expect(budgetField('Actual')).toBe('actual');
    expect(budgetField('Actual Expenditure')).toBe('actual');
    expect(budgetField('Variance')).toBe('variance');
    expect(budgetField('(Over)/Under Expenditure')).toBe('variance');
    expect(budgetField('Expenditure as % of final appropriation')).toBe('executionRate');
    expect(budgetField("Final Appropriation (R'000)")).toBe('adjusted');
    expect(indicatorField('Target')).toBe('target');
    expect(indicatorField('Planned Annual Target 2023/2024')).toBe('target');
    expect(indicatorField('Actual output')).toBe('actual');
    expect(indicatorField('*Actual Achievement 2023/2024 until date of re-tabling')).toBe('actual');
    expect(indicatorField('Deviation from planned target to Actual Achievement 2019/2020')).toBe('deviation');
    expect(indicatorField('Reasons')).toBe('reason');
    expect(indicatorField('Reasons for deviations')).toBe('reason');
    expect(indicatorField('Audited Actual Performance 2021/2022')).toBeNull();
  });

  it('know nothing of __proto__, constructor or other unknown headers', () => {
    for (const h of [
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      '备注',
      'Notes',
      '',
    ]) {
      expect(budgetField(h)).toBeNull();
      expect(indicatorField(h)).toBeNull();
    }
  });

  it('read the money unit and the year a header prints', () => {
    expect(amountUnitOf('年初预算数（万元）')).toBe('万元');
    expect(amountUnitOf('(万 元)')).toBe('万元');
    expect(amountUnitOf('单位：元')).toBe('元');
    expect(amountUnitOf('金额（亿元）')).toBe('亿元');
    // Any unit as printed (issue 12): a South African statement's R'000 is not 元.
    expect(amountUnitOf("Final Appropriation (R'000)")).toBe("R'000");
    expect(amountUnitOf('Approved budget (Ushs thousands)')).toBe('Ushs thousands');
    expect(amountUnitOf('Budget (US$ millions)')).toBe('US$ millions');
    expect(amountUnitOf('年初预算数（千元）')).toBe('千元');
    expect(amountUnitOf('Programme 1 (Administration)')).toBeNull();
    expect(amountUnitOf('Expenditure (%)')).toBeNull();
    expect(headerYear('Actual Achievement 2018/2019')).toBe(2019);
    expect(headerYear('2018/19')).toBe(2019);
    expect(headerYear('年初预算数')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

describe('the reference report from its PDF text', () => {
  const bytes = readFileSync(SEED);

  it('the committed seed is byte for byte the seed beside DESIGN (its SHA-256)', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SEED_SHA256);
  });

  for (const [label, input, encoding] of [
    ['UTF-8', bytes, 'utf-8'],
    ['UTF-8 with CRLF line ends', Buffer.from(bytes.toString('utf8').replaceAll('\n', '\r\n')), 'utf-8'],
    ['GB18030', iconv.encode(bytes.toString('utf8'), 'gb18030'), 'gb18030'],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'utf-8-bom'],
  ] as const) {
    it(`gives the budget tree and the 46 indicators of the hand-made JSON (${label})`, async () => {
      const r = ok(await importReport(new Uint8Array(input)));
      expect(r.format).toBe('text');
      expect(r.encoding).toBe(encoding);
      expect(r.report.budget).toEqual(reference.budget);
      expect(r.report.indicators).toHaveLength(46);
      expect(r.report.indicators).toEqual(reference.indicators);
      expect(r.report.staffing).toEqual(reference.staffing);
      expect(r.report).toMatchObject({
        kind: 'department',
        title: reference.title,
        entity: '苏州市商务服务中心',
        year: 2023,
        amountUnit: '万元',
      });
      expect(parseReport(JSON.parse(JSON.stringify(r.report))).ok).toBe(true);
    });
  }

  it('gives exactly the findings of the hand-made JSON (code, path, printed, recomputed)', async () => {
    const r = ok(await importReport(new Uint8Array(bytes)));
    const imported = validateReport(r.report);
    const handMade = validateReport(reference);
    expect(findingKeys(imported.findings)).toEqual(findingKeys(handMade.findings));
    expect(imported.findings.length).toBeGreaterThan(5);
    expect(imported.indicators).toEqual(handMade.indicators);
    expect(imported.budget).toEqual(handMade.budget);
    expect(imported.crossChecks).toEqual(handMade.crossChecks);
  });

  it('lists the narrative and the 年度重点任务 table as not imported, with their lines', async () => {
    const r = ok(await importReport(new Uint8Array(bytes)));
    expect(r.unplaced.map((u) => [u.at.line, u.at.lineEnd])).toEqual([
      [9, 47],
      [64, 73],
    ]);
    expect(r.unplaced[0]?.text).toContain('二、年度履职目标完成情况');
    expect(r.unplaced[0]?.reason.en).toContain('narrative text');
    expect(r.unplaced[1]?.text).toContain('对应部门主要职责\t任务名称\t完成情况');
    expect(r.unplaced[1]?.reason.zh).toContain('既非预算表也非指标表');
  });

  it('says what it inferred: the project lines by their sums, the wrapped cell, the PDF spaces', async () => {
    const r = ok(await importReport(new Uint8Array(bytes)));
    const where = (s: string) => r.notes.filter((n) => n.reason.en.includes(s)).map((n) => n.where);
    expect(where('their sums equal it')).toEqual(['lines 57–62']);
    expect(r.notes.find((n) => n.at.line === 57)?.reason.en).toContain(
      'initial budget 57.21, adjusted budget 57.21, actual 49.54',
    );
    expect(where('wrapped onto the next line')).toEqual(['line 80']);
    expect(where('where the PDF wrapped the cell')).toEqual([
      'line 111',
      'line 112',
      'line 112',
      'line 113',
      'line 114',
    ]);
    expect(where('staffing read from this sentence')).toEqual(['line 37']);
    expect(r.notes).toHaveLength(8);
  });

  it('keeps a space between Chinese characters in names: 配合“双随机 一公开”抽查任务完成率', async () => {
    const r = ok(await importReport(new Uint8Array(bytes)));
    expect(r.report.indicators?.map((i) => i.name)).toContain('配合“双随机 一公开”抽查任务完成率');
  });
});

describe('PDF text: wrapped cells, page breaks, section titles', () => {
  const header = '\t类别\t指标名称\t指标目标值\t指标完成值\t完成值来源\t偏差情况\t原因分析';

  it('joins a wrapped cell after a page break (form feed and blank lines)', () => {
    const text = [
      '九、部门整体自评表',
      header,
      '分解目标\t产出\t检查次数\t≥100 次\t329 次\t检查记录\t229.00%\t积极开展',
      '\f',
      '',
      '\t\t\t\t\t\t\t工作 supervision',
      '\t\t满意率\t≥95%\t100%\tstaff\t5.26%\t',
      '\t\t\t\t\tfeedback\t\t',
    ].join('\n');
    const r = ok(importText(text));
    expect(r.report.indicators).toEqual([
      {
        path: ['分解目标', '产出'],
        name: '检查次数',
        target: '≥100 次',
        actual: '329 次',
        source: '检查记录',
        reason: '积极开展工作 supervision',
        published: { deviation: '229.00%' },
      },
      {
        path: ['分解目标', '产出'],
        name: '满意率',
        target: '≥95%',
        actual: '100%',
        source: 'staff feedback',
        reason: '',
        published: { deviation: '5.26%' },
      },
    ]);
    expect(r.report.kind).toBe('department');
  });

  it('ends a table at the next section title and lists what follows', () => {
    const text = [
      '七、预算信息',
      '本年度预算资金（万元）\t年初预算数（万元）\t调整预算数（万元）\t实际支出数（万元）\t执行率（%）',
      '预算总金额\t10\t10\t9\t90.00%',
      '',
      '八、年度重点任务',
      '说明文字',
    ].join('\n');
    const r = ok(importText(text));
    expect(r.report.budget).toEqual([
      {
        name: '预算总金额',
        initial: '10',
        adjusted: '10',
        actual: '9',
        published: { executionRate: '90.00%' },
      },
    ]);
    expect(r.unplaced.map((u) => u.where)).toEqual(['lines 5–6']);
  });

  it('joins wrapped English words with a space and Chinese text without one', () => {
    expect(joinWrapped('《苏州市现代商贸业高质量', '发展三年行动 (2023~2025)》')).toBe(
      '《苏州市现代商贸业高质量发展三年行动 (2023~2025)》',
    );
    expect(joinWrapped('insufficient', 'evidence')).toBe('insufficient evidence');
    expect(joinWrapped('2023', '年度')).toBe('2023年度');
    expect(joinWrapped('', 'x')).toBe('x');
  });
});

// ---------------------------------------------------------------------------------------------

describe('CSV: the reference report transcribed with the printed headers', () => {
  const file = join(FIXTURES, 'suzhou-commerce-service-center-2023.csv');

  it('gives the same budget, indicators and findings as the hand-made JSON', async () => {
    const r = ok(await importReport(readFileSync(file), { fileName: 'suzhou.csv' }));
    expect(r.format).toBe('csv');
    expect(r.report.budget).toEqual(reference.budget);
    expect(r.report.indicators).toEqual(reference.indicators);
    expect(r.report.staffing).toEqual({ authorized: '14', actual: '10' });
    expect(r.report).toMatchObject({
      kind: 'department',
      title: reference.title,
      year: 2023,
      amountUnit: '万元',
    });
    expect(r.unplaced).toEqual([]);
    expect(findingKeys(validateReport(r.report).findings)).toEqual(
      findingKeys(validateReport(reference).findings),
    );
  });

  it('reads the same file saved as GB18030, with semicolons, with CRLF line ends, or as UTF-16 text', async () => {
    const text = readFileSync(file, 'utf8');
    const base = ok(await importReport(utf8(text))).report;
    expect(ok(await importReport(utf8(text.replaceAll('\n', '\r\n')))).report).toEqual(base);
    expect(ok(await importReport(iconv.encode(text, 'gb18030'))).report).toEqual(base);
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]);
    expect(ok(await importReport(le)).report).toEqual(base);
    const semicolons = text
      .split('\n')
      .map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'))
      .join('\n');
    expect(semicolons).toContain('预算总金额;321.19;0;321.19');
    expect(ok(importText(semicolons)).report).toEqual(base);
  });
});

describe('CSV sections, headers and rows', () => {
  const budgetHeader = '预算项目,年初预算数,调整预算数,实际支出数,执行率';

  it('reads two tables in one file, separated by a blank row or by their header rows only', () => {
    const text = [
      budgetHeader,
      '合计,10,10,9,90.00%',
      '指标名称,指标值,实际完成值,偏差情况',
      '满意度,≥90%,99%,10.00%',
    ].join('\n');
    const r = csv(text);
    expect(r.report.budget).toEqual([
      { name: '合计', initial: '10', adjusted: '10', actual: '9', published: { executionRate: '90.00%' } },
    ]);
    expect(r.report.indicators).toEqual([
      { name: '满意度', target: '≥90%', actual: '99%', published: { deviation: '10.00%' } },
    ]);
    const blank = csv(text.replace('\n指标名称', '\n\n,,\n指标名称'));
    expect(blank.report).toEqual(r.report);
  });

  it('reads English headers', () => {
    const r = csv(
      [
        'Programme,Budget,Final appropriation,Actual expenditure,Variance,Expenditure as % of final appropriation',
        'Administration,"143,956","143,956","127,934","16,022",88.9%',
        '',
        'Indicator,Target,Actual output,Deviation,Reasons for deviations',
        'Jobs created,412,-,-412,Non achievement',
      ].join('\n'),
    );
    expect(r.report.budget).toEqual([
      {
        name: 'Administration',
        initial: '143,956',
        adjusted: '143,956',
        actual: '127,934',
        published: { executionRate: '88.9%', variance: '16,022' },
      },
    ]);
    expect(r.report.indicators).toEqual([
      {
        name: 'Jobs created',
        target: '412',
        actual: '-',
        reason: 'Non achievement',
        published: { deviation: '-412' },
      },
    ]);
  });

  it('reads a lone 预算数/Budget column as the adjusted budget, and says so', () => {
    const r = csv('项目,预算数,执行数,执行率\n总额,100,90,90%\n');
    expect(r.report.budget).toEqual([
      { name: '总额', adjusted: '100', actual: '90', published: { executionRate: '90%' } },
    ]);
    expect(r.notes.map((n) => n.reason.en)).toEqual([expect.stringContaining('read as the adjusted budget')]);
  });

  it('puts an operator column and a unit column into the target and the unit', () => {
    const r = csv('三级指标,指标性质,指标值,度量单位,实际完成值\n覆盖率,≥,95,%,97\n质量,,合格,,合格\n');
    expect(r.report.indicators).toEqual([
      { name: '覆盖率', target: { operator: '≥', value: '95' }, actual: '97', unit: '%' },
      { name: '质量', target: '合格', actual: '合格' },
    ]);
  });

  it('carries merged category cells down and resets the lower level when the upper one changes', () => {
    const r = csv(
      [
        '一级指标,二级指标,三级指标,年度指标值,实际完成值',
        '产出指标,数量指标,a,1,1',
        ',,b,2,2',
        ',质量指标,c,3,3',
        '效益指标,,d,4,4',
        '效益指标,社会效益,e,5,5',
      ].join('\n'),
    );
    expect(r.report.indicators?.map((i) => [i.path, i.name])).toEqual([
      [['产出指标', '数量指标'], 'a'],
      [['产出指标', '数量指标'], 'b'],
      [['产出指标', '质量指标'], 'c'],
      [['效益指标'], 'd'],
      [['效益指标', '社会效益'], 'e'],
    ]);
  });

  it('keeps the column of the latest year when several columns give the same figure', () => {
    const r = csv(
      [
        'Performance Indicator,Actual Achievement 2017/2018,Actual Achievement 2018/2019,Planned Target 2019/2020,Actual Achievement 2019/2020',
        'Campaigns,10,11,12,13',
      ].join('\n'),
    );
    expect(r.report.indicators).toEqual([{ name: 'Campaigns', target: '12', actual: '13' }]);
    expect(r.unplaced.map((u) => [u.where, u.text])).toEqual([
      ['line 2, column 2', 'Actual Achievement 2017/2018: 10'],
      ['line 2, column 3', 'Actual Achievement 2018/2019: 11'],
    ]);
    expect(r.unplaced[0]?.reason.en).toContain('earlier year');
  });

  it('reads rows with only a name, in a table without category columns, as headings', () => {
    const r = csv(
      [
        'Output Indicator,Planned Annual Target,Actual Achievement,Deviation,Reasons for deviations',
        '4. Increased contribution of infrastructure spend,,,,',
        '4.5 Jobs created,,,,',
        '4.5.1 Direct jobs,412,-,-412,Insufficient evidence',
        '5. Next outcome,,,,',
        '5.1 Other indicator,10,10,0,',
      ].join('\n'),
    );
    expect(r.report.indicators?.map((i) => [i.path, i.name])).toEqual([
      [['4. Increased contribution of infrastructure spend', '4.5 Jobs created'], '4.5.1 Direct jobs'],
      [['5. Next outcome'], '5.1 Other indicator'],
    ]);
    expect(r.notes.filter((n) => n.reason.en.includes('heading'))).toHaveLength(3);
  });

  it('keeps indicators that print only their name when the table has category columns (a template)', () => {
    const r = csv('一级指标,指标名称,指标值,实际完成值\n过程,预算执行率,,\n,预算调整率,,\n');
    expect(r.report.indicators).toEqual([
      { path: ['过程'], name: '预算执行率', target: '' },
      { path: ['过程'], name: '预算调整率', target: '' },
    ]);
    expect(validateReport(r.report).indicators.map((i) => i.status)).toEqual([
      'not-reported',
      'not-reported',
    ]);
  });

  it('reads the report facts from key,value rows and from a title row', () => {
    const r = csv(
      [
        '项目支出绩效自评表（2022年度）',
        '实施单位,池州市贵池区棠溪镇人民政府',
        '编制数,14',
        '实际在职人数,10',
        '总分,95',
        '等级,优',
        '金额单位,万元',
        '',
        '项目,年初预算数,全年预算数,全年执行数',
        '年度资金总额,90,89.974,89.974',
      ].join('\n'),
    );
    expect(r.report).toEqual({
      kind: 'project',
      title: '项目支出绩效自评表（2022年度）',
      entity: '池州市贵池区棠溪镇人民政府',
      year: 2022,
      amountUnit: '万元',
      budget: [{ name: '年度资金总额', initial: '90', adjusted: '89.974', actual: '89.974' }],
      staffing: { authorized: '14', actual: '10' },
      published: { totalScore: '95', grade: '优' },
    });
  });

  it('lists a fact it cannot read, and rows outside any table, with their lines', () => {
    const r = csv(
      ['年度,明年', '金额单位,美元', 'stray,row,here', '', budgetHeader, '合计,1,1,1,100%'].join('\n'),
    );
    expect(r.unplaced.map((u) => [u.where, u.text])).toEqual([
      ['line 1', '年度 | 明年'],
      ['line 3', 'stray | row | here'],
    ]);
    expect(r.unplaced[0]?.reason.en).toContain('four-digit year');
    expect(r.report.year).toBeUndefined();
    // Any unit, as printed (DESIGN §3, issue 12): the checks compare like with like.
    expect(r.report.amountUnit).toBe('美元');
  });

  it('skips comment rows starting with #', () => {
    const r = csv(
      ['# a comment, with a comma', budgetHeader, '# inside the table', '合计,1,1,1,100%'].join('\n'),
    );
    expect(r.report.budget).toHaveLength(1);
    expect(r.unplaced).toEqual([]);
  });
});

describe('CSV budget trees from the table’s own signs', () => {
  const header = '预算项目,年初预算数,调整预算数,实际支出数';
  const names = (lines: readonly BudgetLine[] | undefined): unknown =>
    (lines ?? []).map((l) => (l.children ? { [l.name]: names(l.children) } : l.name));

  it('indentation: leading spaces and full-width spaces', () => {
    const r = csv(
      [
        header,
        '合计,10,10,10',
        '  基本支出,6,6,6',
        '\u3000\u3000人员经费,4,4,4',
        '    公用经费,2,2,2',
        '  项目支出,4,4,4',
      ].join('\n'),
    );
    expect(names(r.report.budget)).toEqual([{ 合计: [{ 基本支出: ['人员经费', '公用经费'] }, '项目支出'] }]);
  });

  it('其中: the 其中 line and the lines after it are parts of the line above', () => {
    const r = csv(
      [header, '年度资金总额,90,90,90', '其中：财政拨款,80,80,80', '上年结转,10,10,10'].join('\n'),
    );
    expect(names(r.report.budget)).toEqual([{ 年度资金总额: ['其中：财政拨款', '上年结转'] }]);
    const nested = csv(
      [header, '基本支出,6,6,6', '其中：人员经费,4,4,4', '公用经费,2,2,2', '项目支出,4,4,4'].join('\n'),
    );
    expect(names(nested.report.budget)).toEqual([{ 基本支出: ['其中：人员经费', '公用经费'] }, '项目支出']);
  });

  it('subtotals and totals printed below their lines', () => {
    const r = csv(
      [header, 'a,1,1,1', 'b,2,2,2', '小计,3,3,3', 'c,4,4,4', '小计,4,4,4', '合计,7,7,7'].join('\n'),
    );
    expect(names(r.report.budget)).toEqual([{ 合计: [{ 小计: ['a', 'b'] }, { 小计: ['c'] }] }]);
    const en = csv(
      ['Programme,Final appropriation,Actual expenditure', 'A,1,1', 'B,2,2', 'TOTAL,3,3'].join('\n'),
    );
    expect(names(en.report.budget)).toEqual([{ TOTAL: ['A', 'B'] }]);
  });

  it('lines after 项目支出 go under it only when their sums equal it, and a note says which', () => {
    const adds = csv(
      [header, '预算总金额,10,10,9', '基本支出,6,6,6', '项目支出,4,4,3', 'p1,1,1,1', 'p2,3,3,2'].join('\n'),
    );
    expect(names(adds.report.budget)).toEqual([{ 预算总金额: ['基本支出', { 项目支出: ['p1', 'p2'] }] }]);
    expect(adds.notes.map((n) => [n.where, n.text])).toEqual([['lines 5–6', 'p1、p2']]);
    const differs = csv(
      [header, '预算总金额,10,10,9', '基本支出,6,6,6', '项目支出,4,4,3', 'p1,1,1,1', 'p2,9,9,9'].join('\n'),
    );
    expect(names(differs.report.budget)).toEqual([{ 预算总金额: ['基本支出', '项目支出', 'p1', 'p2'] }]);
    expect(differs.notes[0]?.reason.en).toContain('kept beside 项目支出, not under it');
    expect(differs.notes[0]?.reason.zh).toContain(
      '各列合计（年初预算数 10，调整预算数 10，实际支出数 10）与之不等',
    );
  });

  it('lines with nothing printed stay lines; a row without a name is listed', () => {
    const r = csv([header, '总额,1,1,1', '其中:财政资金,1,1,1', '其他资金,,,', ',5,5,5'].join('\n'));
    expect(r.report.budget).toEqual([
      {
        name: '总额',
        initial: '1',
        adjusted: '1',
        actual: '1',
        children: [{ name: '其中:财政资金', initial: '1', adjusted: '1', actual: '1' }, { name: '其他资金' }],
      },
    ]);
    expect(r.unplaced.map((u) => [u.where, u.reason.en])).toEqual([
      ['line 5', 'a budget row without a name (its name cell is empty): not imported'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('broken CSV files get clear messages', () => {
  it('a ragged row is not imported, with its line and what to do', () => {
    const r = csv(
      [
        '一级指标,指标名称,指标值,实际完成值,偏差情况',
        '效益,丰富招商内容, 拓展招商资源,较显著,较显著,0%',
        '效益,满意度,≥90%,99%,10.00%',
      ].join('\n'),
    );
    expect(r.report.indicators?.map((i) => i.name)).toEqual(['满意度']);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]?.where).toBe('line 2');
    expect(r.unplaced[0]?.reason.en).toBe(
      'this row has 6 cells but the header (line 1) has 5: a delimiter inside a cell? Put such a cell in double quotes. The row is not imported',
    );
    expect(r.unplaced[0]?.reason.zh).toContain('此行有 6 个单元格，而表头（第 1 行）只有 5 个');
  });

  it('an unknown header: its column is listed with every cell; a file of unknown headers fails', () => {
    const r = csv('预算项目,年初预算数,调整预算数,实际支出数,备注\n合计,1,1,1,见附件\n小计,1,1,1,\n');
    expect(r.unplaced.map((u) => [u.where, u.text])).toEqual([['line 2, column 5', '备注: 见附件']]);
    expect(r.unplaced[0]?.reason.en).toBe(
      'the header "备注" is not a known budget column: its 1 cell(s) are not imported',
    );
    const m = failed(importText('foo,bar,baz\n1,2,3\n', { from: 'csv' }));
    expect(m.en).toContain('no budget or indicator table was found');
    expect(m.en).toContain('年初预算数');
    expect(m.zh).toContain('没有找到预算表或指标表');
  });

  it('an unclosed quote fails with its line', () => {
    const r = importText('预算项目,年初预算数,实际支出数\n合计,"1,2\n小计,1,1\n', {
      from: 'csv',
      fileName: 'q.csv',
    });
    const m = failed(r);
    expect(m.en).toContain('never closed');
    if (!r.ok) expect(r.at?.file).toBe('q.csv');
  });

  it('a file of comments or blank rows only fails', () => {
    expect(failed(importText('# nothing\n\n,,,\n', { from: 'csv' })).en).toContain(
      'no budget or indicator table',
    );
  });
});

describe('security: hostile headers and cells change nothing', () => {
  it('__proto__ and constructor as headers, keys and cells stay data', () => {
    const text = [
      '__proto__,polluted',
      'constructor,x',
      '__proto__,预算项目,年初预算数,调整预算数,实际支出数,constructor',
      '{"polluted":1},__proto__,1,1,1,constructor',
      'x,constructor,1,1,1,prototype',
      '',
      '指标名称,指标值,实际完成值,__proto__',
      '__proto__,constructor,toString,valueOf',
    ].join('\n');
    const r = csv(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.report)).toBe(Object.prototype);
    expect(Object.keys(r.report)).toEqual(['budget', 'indicators']);
    expect(r.report.budget?.map((l) => l.name)).toEqual(['__proto__', 'constructor']);
    expect(r.report.indicators).toEqual([{ name: '__proto__', target: 'constructor', actual: 'toString' }]);
    for (const line of r.report.budget ?? [])
      expect(Object.keys(line)).toEqual(['name', 'initial', 'adjusted', 'actual']);
    expect(r.unplaced.map((u) => u.where)).toEqual([
      'line 1',
      'line 2',
      'lines 4–5, column 1',
      'lines 4–5, column 6',
      'line 8, column 4',
    ]);
    const parsed = parseReport(JSON.parse(JSON.stringify(r.report)));
    expect(parsed.ok).toBe(true);
  });

  it('formula-like cells are kept as text, never evaluated, and noted', () => {
    const r = csv(
      [
        '预算项目,年初预算数,调整预算数,实际支出数,执行率',
        'x,=SUM(B3:B4),+cmd,@x,-1+2',
        'a,=100%,-6.26%,(7 379),>=90%',
      ].join('\n'),
    );
    expect(r.report.budget).toEqual([
      {
        name: 'x',
        initial: '=SUM(B3:B4)',
        adjusted: '+cmd',
        actual: '@x',
        published: { executionRate: '-1+2' },
      },
      {
        name: 'a',
        initial: '=100%',
        adjusted: '-6.26%',
        actual: '(7 379)',
        published: { executionRate: '>=90%' },
      },
    ]);
    expect(r.notes.map((n) => n.text)).toEqual(['=SUM(B3:B4)', '+cmd', '@x', '-1+2']);
    expect(r.notes[0]?.reason.en).toContain('never evaluated');
    for (const s of ['=SUM(A1)', '=A1', '+cmd', '-cmd', '@SUM(A1)', '-1+2', '+1*3'])
      expect(isFormulaLike(s)).toBe(true);
    for (const s of ['=100%', '>=90%', '-6.26%', '-412', '(7 379)', '=0%', '≥100 次', '-'])
      expect(isFormulaLike(s)).toBe(false);
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom<'csv' | 'text' | undefined>('csv', 'text', undefined),
        (s, from) => {
          const r = importText(s, { from });
          if (r.ok) expect(parseReport(JSON.parse(JSON.stringify(r.report))).ok).toBe(true);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  const tables = [
    ['一级指标,指标名称,指标值,实际完成值,偏差情况', 'csv'],
    ['预算项目,年初预算数,调整预算数,实际支出数,执行率', 'csv'],
    ['Indicator,Target,Actual,Deviation,Reasons', 'csv'],
    ['一级指标,指标名称,指标值,实际完成值,偏差情况', 'text'],
    ['预算项目,年初预算数,调整预算数,实际支出数,执行率', 'text'],
    ['指标名称,指标值,实际完成值,完成值来源,原因分析', 'text'],
  ] as const;
  for (const [header, from] of tables) {
    it(`never drops a cell: each is in the report, unplaced or a note (property, ${from}: ${header})`, () => {
      const cell = fc.oneof(
        fc.constantFrom(
          '',
          '',
          '1',
          '2.5',
          '90%',
          '≥90%',
          '健全',
          '其中：a',
          '合计',
          '小计',
          'Total',
          '  b',
          '项目支出',
        ),
        fc.string({ maxLength: 6 }),
      );
      const sep = from === 'csv' ? ',' : '\t';
      // PDF text loses spaces between Chinese characters in two columns: compare without them.
      const squeeze = (x: string) => x.replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
      fc.assert(
        fc.property(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }), (rows) => {
          const clean = rows.map((row) =>
            row.map((c) => c.replace(/[",\r\n#\t\f\v\u2028\u2029\u0085]/g, '')),
          );
          const text = [header.replaceAll(',', sep), ...clean.map((row) => row.join(sep))].join('\n');
          const r = importText(text, { from });
          if (!r.ok) return true;
          const seen = squeeze(
            JSON.stringify([r.report, r.unplaced.map((u) => u.text), r.notes.map((n) => n.text)]),
          );
          for (const row of clean) {
            for (const c of row)
              if (c.trim() !== '') expect(seen).toContain(squeeze(JSON.stringify(c.trim()).slice(1, -1)));
          }
          return true;
        }),
        { numRuns: 200 },
      );
    });
  }

  it('a category row with no indicator under it is listed, not dropped', () => {
    const r = csv(
      '一级指标,二级指标,指标名称,指标值\n产出,数量,a,1\n效益,经济效益,,\n,社会效益,b,2\n满意度,,,\n',
    );
    expect(r.report.indicators?.map((i) => [i.path, i.name])).toEqual([
      [['产出', '数量'], 'a'],
      [['效益', '社会效益'], 'b'],
    ]);
    expect(r.unplaced.map((u) => [u.where, u.text, u.reason.en])).toEqual([
      ['line 3, column 2', '经济效益', 'a category with no indicator row under it: not imported'],
      ['line 5, column 1', '满意度', 'a category with no indicator row under it: not imported'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('two files make one report', () => {
  it('budget.csv and indicators.csv', async () => {
    const budget = utf8('年度,2023\n\n预算项目,年初预算数,调整预算数,实际支出数\n合计,1,1,1\n');
    const indicators = utf8('年度,2024\n\n指标名称,指标值,实际完成值\n满意度,≥90%,99%\n');
    const r = ok(
      await importFiles([
        { bytes: budget, fileName: 'budget.csv' },
        { bytes: indicators, fileName: 'indicators.csv' },
      ]),
    );
    expect(r.report).toEqual({
      year: 2023,
      budget: [{ name: '合计', initial: '1', adjusted: '1', actual: '1' }],
      indicators: [{ name: '满意度', target: '≥90%', actual: '99%' }],
    });
    expect(r.notes.map((n) => [n.where, n.reason.en])).toEqual([
      [
        'indicators.csv',
        'this file states another year than an earlier file (2023): the earlier one is kept',
      ],
    ]);
    const bad = await importFiles([
      { bytes: budget, fileName: 'budget.csv' },
      { bytes: utf8('foo,bar\n1,2\n'), fileName: 'other.csv' },
    ]);
    expect(failed(bad).en.startsWith('other.csv: no budget or indicator table')).toBe(true);
  });
});

describe('templates in examples/templates', () => {
  const dir = join(ROOT, 'examples', 'templates');
  for (const name of [
    'department-self-evaluation.zh.csv',
    'project-self-evaluation.zh.csv',
    'self-evaluation.en.csv',
  ]) {
    it(`${name} imports as it is, with every indicator not reported`, async () => {
      const bytes = readFileSync(join(dir, name));
      const r = ok(await importReport(bytes, { fileName: name }));
      expect(r.unplaced).toEqual([]);
      const parsed = parseReport(JSON.parse(JSON.stringify(r.report)));
      expect(parsed.ok).toBe(true);
      const indicators = r.report.indicators ?? [];
      expect(indicators.length).toBeGreaterThanOrEqual(4);
      const result = validateReport(r.report);
      expect(result.indicators.map((i) => i.status)).toEqual(indicators.map(() => 'not-reported'));
      expect((r.report.budget ?? []).length).toBe(1);
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }

  it('the Chinese department template has the common indicators and the standard budget tree', async () => {
    const r = ok(await importReport(readFileSync(join(dir, 'department-self-evaluation.zh.csv'))));
    expect(r.report.kind).toBe('department');
    expect(r.report.amountUnit).toBe('万元');
    expect(r.report.budget).toEqual([
      { name: '预算总金额', children: [{ name: '基本支出' }, { name: '项目支出' }] },
    ]);
    const names = (r.report.indicators ?? []).map((i: Indicator) => i.name);
    for (const n of [
      '预算执行率',
      '预算调整率',
      '在职人员控制率',
      '“三公经费”变动率',
      '公用经费控制率',
      '政府采购执行率',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('a filled-in template checks like a report', () => {
    const text = readFileSync(join(dir, 'department-self-evaluation.zh.csv'), 'utf8')
      .replace('年度,\n', '年度,2023\n')
      .replace('编制数,\n', '编制数,14\n')
      .replace('实际在职人数,\n', '实际在职人数,10\n')
      .replace('预算总金额,,,,,', '预算总金额,321.19,0,321.19,430.93,134.17%')
      .replace(',过程,预算执行率,,,,,', ',过程,预算执行率,=100%,93.74%,决算,-6.26%,')
      .replace(',,在职人员控制率,,,,,', ',,在职人员控制率,=100%,100%,考核,0.00%,');
    const r = csv(text);
    const findings = validateReport(r.report).findings.map((f) => [f.code, f.path.join('.'), f.recomputed]);
    expect(findings).toContainEqual(['cross-check-mismatch', 'indicators.3.actual', '134.17%']);
    expect(findings).toContainEqual(['cross-check-mismatch', 'indicators.6.actual', '71.43%']);
    expect(findings).toContainEqual(['overspend', 'budget.0.actual', '134.17%']);
    expect(findings.map((f) => f.slice(0, 2))).toContainEqual(['reason-missing', 'indicators.3.reason']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('issue 13: text files as people have them', () => {
  const tab = '预算项目\t年初预算数\t调整预算数\t实际支出数\n合计\t1\t1\t1\n';

  it('comment lines are not data: three "# a, b" lines keep a tab file PDF text, and a # line after the table is no line', () => {
    const text = `# source: a, b\n# note: c, d\n# x, y\n${tab}# after the table, 1\n`;
    expect(detectTextFormat(text)).toBe('text');
    const r = ok(importText(text));
    expect(r.format).toBe('text');
    expect(r.report.budget).toEqual([{ name: '合计', initial: '1', adjusted: '1', actual: '1' }]);
    expect(r.report).not.toHaveProperty('source');
    const c = csv('# a; b; c\n预算项目,年初预算数,实际支出数\n合计,1,1\n# 数据来源：决算\n');
    expect(c.report.budget).toEqual([{ name: '合计', initial: '1', actual: '1' }]);
  });

  it.each([
    ['LF', '\n', [1, 2, 3]],
    ['CRLF', '\r\n', [1, 2, 3]],
    ['U+2028', '\u2028', [1, 2, 3]],
    ['NEL', '\u0085', [1, 2, 3]],
  ])('%s ends lines, and a line number counts them', (_, end, lines) => {
    const text = ['预算项目,年初预算数,实际支出数', '合计,1,1', '孤立的一行'].join(end);
    const r = ok(importText(text, { fileName: 'b.csv' }));
    expect(r.report.budget?.map((l) => l.name)).toEqual(['合计']);
    expect(lines).toHaveLength(3);
  });

  it('mixed line ends (CRLF, then LF) are all line ends, and quoted line breaks count in line numbers', () => {
    const r = csv('预算项目,年初预算数,实际支出数\r\n项目一,1,1\n"a\r\nb",2,2\nc,=SUM(A1)\n');
    expect(r.report.budget?.map((l) => l.name)).toEqual(['项目一', 'a\r\nb', 'c']);
    expect(r.notes.map((n) => n.where)).toContain('line 5, column 2');
  });

  it('a header row without data is refused, in CSV and in text', () => {
    for (const text of ['预算项目,年初预算数,实际支出数\n', '指标名称\t指标值\t实际完成值\n\n\n']) {
      expect(failed(importText(text)).en).toContain('a header row and no data');
    }
  });

  it('English budget headers: Approved Budget, Original budget, Cumulative Expenditure, Year; Released and percentages are not amounts', () => {
    const r = csv(
      'Year,Original budget,Approved Budget,Released,% Budget Released,Cumulative Expenditure,% Budget Spent\n2019/20,100,110,90,81.8%,80,72.7%\n',
    );
    expect(r.report.budget).toEqual([
      {
        name: '2019/20',
        initial: '100',
        adjusted: '110',
        actual: '80',
        published: { executionRate: '72.7%' },
      },
    ]);
    expect(r.unplaced.map((u) => u.text)).toEqual(['Released: 90', '% Budget Released: 81.8%']);
    expect(budgetField('% Budget Released')).toBeNull();
    expect(budgetField('Variance (%)')).toBeNull();
    expect(budgetField('执行率（%）')).toBe('executionRate');
    expect(budgetField('Cumulative Expenditure')).toBe('actual');
    expect(budgetField('Approved Budget')).toBe('budget');
  });

  it.each([
    ['=HYPERLINK("http://x")', true],
    ['+cmd', true],
    ['@SUM(A1)', true],
    ['-2+3', true],
    ['-6.26%', false],
    ['=100%', false],
    ['>=90%', false],
    ['(7 379)', false],
  ])('isFormulaLike(%s) is %s', (text, expected) => {
    expect(isFormulaLike(text)).toBe(expected);
  });
});
