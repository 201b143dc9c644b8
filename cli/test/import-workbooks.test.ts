/**
 * Workbooks as offices make them (.xlsx and .xls saved by LibreOffice Calc from the reference
 * report's tables, see scripts/fixtures/xlsx.mjs), the edges of cells written with SheetJS
 * (numbers, formats, formulas with and without stored values, hidden parts), and hostile
 * workbooks built here, never committed: each is refused with one message, bounded by the
 * limits, not by time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import type { Report } from 'outturn';
import { validateReport } from 'outturn';
import { type ImportResult, type ImportSuccess, importReport } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type DocumentResult, type Limits } from '../src/import/document.js';
import type { Grid } from '../src/import/grid.js';
import { sheetOf as sheetView } from '../src/import/sheet.js';
import { excelNumberText, readWorkbook } from '../src/import/xlsx.js';
import { FIXTURES, findingKeys, REFERENCE, readJson } from './fixtures/import/helpers.js';

const reference = readJson(REFERENCE) as unknown as Report;
const DIR = join(FIXTURES, 'xlsx');

async function ok(p: Promise<ImportResult>): Promise<ImportSuccess> {
  const r = await p;
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

/** The message of a refusal: one line in each language, the Chinese one in Chinese. */
function refusal(r: DocumentResult | ImportResult): string {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.message.en).not.toMatch(/\n|\s{2}at\s/);
  expect(r.message.zh).not.toContain('\n');
  expect(r.message.zh).toMatch(/\p{Script=Han}/u);
  return r.message.en;
}

const read = (bytes: Uint8Array, format: 'xlsx' | 'xls' = 'xlsx', limits: Partial<Limits> = {}) =>
  readWorkbook(
    bytes,
    { file: undefined, sheet: undefined, limits: { ...DEFAULT_LIMITS, ...limits } },
    format,
  );

async function grids(bytes: Uint8Array, format: 'xlsx' | 'xls' = 'xlsx') {
  const r = await read(bytes, format);
  if (!r.ok) throw new Error(r.message.en);
  return { grids: r.parts.map((p) => p.grid).filter((g): g is Grid => g !== null), notes: r.notes };
}

function written(
  ws: XLSX.WorkSheet,
  bookType: 'xlsx' | 'xls' = 'xlsx',
  more: (wb: XLSX.WorkBook) => void = () => {},
) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  more(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

/** A minimal .xlsx around one worksheet's XML (what a hand-made or hostile file looks like). */
function book(sheetXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheetXml}</worksheet>`,
      ),
      ...extra,
    },
    { level: 9 },
  );
}

const TWO_CELLS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>预算项目</t></is></c><c r="B1"><v>1</v></c></row>';

// ---------------------------------------------------------------------------------------------

describe('the reference report saved by LibreOffice Calc as .xlsx and as .xls', () => {
  it.each(['reference.xlsx', 'reference.xls'])(
    '%s imports to the hand-made JSON, field for field',
    async (name) => {
      const bytes = new Uint8Array(readFileSync(join(DIR, name)));
      const r = await ok(importReport(bytes, { fileName: name }));
      expect(r.format).toBe(name.endsWith('.xls') ? 'xls' : 'xlsx');
      expect(r.report.budget).toEqual(reference.budget);
      expect(r.report.indicators).toEqual(reference.indicators);
      expect(r.report.amountUnit).toBe('万元');
      expect(r.unplaced).toEqual([]);
      expect(findingKeys(validateReport(r.report).findings)).toEqual(
        findingKeys(validateReport({ ...reference, staffing: undefined } as Report).findings),
      );
      // Calc made the typed targets `=100%` formulas: they stay the target notation, with one note.
      const literal = r.notes.find((n) => n.reason.en.includes('only a percentage'));
      expect(literal?.at.cell?.split(',')).toHaveLength(12);
    },
  );

  it.each(['reference.xlsx', 'reference.xls'])(
    '%s: a merged category cell belongs to every row it spans, as the table readers see it',
    async (name) => {
      const {
        grids: [grid],
      } = await grids(new Uint8Array(readFileSync(join(DIR, name))), name.endsWith('.xls') ? 'xls' : 'xlsx');
      if (grid === undefined) throw new Error('no grid');
      const sheet = sheetView(grid);
      const header = grid.rows.findIndex((row) => row[0] === '一级指标');
      const first = header + 1;
      const last = first + (reference.indicators?.length ?? 0) - 1;
      expect(grid.merges).toContainEqual({ r0: first, c0: 0, r1: last, c1: 0 });
      for (let r = first; r <= last; r++) {
        expect(sheet.dataText(r, 0, header)).toBe('分解目标');
        expect(sheet.mergedRows(r, 0)).toEqual([first, last]);
        expect(sheet.dataText(r, 1, header)).toBe(reference.indicators?.[r - first]?.path?.[1]);
      }
      // The header's merges: 预算执行情况（万元） over four columns names each of them.
      const budgetHeader = grid.rows.findIndex((row) => row[0] === '本年度预算资金（万元）');
      expect(sheet.headerText(budgetHeader, 3)).toBe('预算执行情况（万元）');
      expect(sheet.headerText(budgetHeader + 1, 0)).toBe('本年度预算资金（万元）');
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('numbers: the stored value at 15 digits in General, the display otherwise', () => {
  it.each([
    [123456789.12, '123456789.12'],
    [123456789012, '123456789012'],
    [0.1 + 0.2, '0.3'],
    [1.5e-7, '0.00000015'],
    [1e21, '1000000000000000000000'],
    [-2.5, '-2.5'],
    [-0, '0'],
    [430.93, '430.93'],
    [2 / 3, '0.666666666666667'],
    [Number('1234567890123456789'), '1234567890123460000'],
  ])('excelNumberText(%d) is %s', (value, text) => {
    expect(excelNumberText(value)).toBe(text);
  });

  it.each<[string, XLSX.CellObject, string, string | null]>([
    ['General, 12 digits', { t: 'n', v: 123456789.12 }, '123456789.12', null],
    ['General, float noise', { t: 'n', v: 0.1 + 0.2 }, '0.3', null],
    ['0.00 on 1.2345: fewer decimals', { t: 'n', v: 1.2345, z: '0.00' }, '1.23', '1.2345'],
    ['0.00 on 1.2: more zeros', { t: 'n', v: 1.2, z: '0.00' }, '1.20', null],
    ['0.0% on 0.93745', { t: 'n', v: 0.93745, z: '0.0%' }, '93.7%', '0.93745'],
    ['0.00% on 0.9374', { t: 'n', v: 0.9374, z: '0.00%' }, '93.74%', null],
    ['0% on 1.3417', { t: 'n', v: 1.3417, z: '0%' }, '134%', '1.3417'],
    ['#,##0.00 on 1234.5', { t: 'n', v: 1234.5, z: '#,##0.00' }, '1,234.50', null],
    ['#,##0 on 1234.56', { t: 'n', v: 1234.56, z: '#,##0' }, '1,235', '1234.56'],
    ['a date', { t: 'n', v: 45000, z: 'yyyy-mm-dd' }, '2023-03-15', null],
    ['a string of digits', { t: 's', v: '0012' }, '0012', null],
  ])('%s', async (_, cell, text, stored) => {
    for (const bookType of ['xlsx', 'xls'] as const) {
      const ws: XLSX.WorkSheet = { A1: { t: 's', v: '金额' }, B1: cell, '!ref': 'A1:B1' };
      const {
        grids: [grid],
        notes,
      } = await grids(written(ws, bookType), bookType);
      expect(grid?.rows[0]?.[1], bookType).toBe(text);
      const note = notes.find((n) => n.at.cell === 'B1');
      if (stored === null) expect(note, bookType).toBeUndefined();
      else {
        expect(note?.reason.en, bookType).toBe(
          `the figure as displayed (${text}) is used; the cell stores ${stored}`,
        );
        expect(note?.text).toBe(text);
      }
    }
  });

  it('a General 123456789.12 keeps its digits, so check finds no false sum mismatch', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['预算项目', '年初预算数', '调整预算数', '实际支出数'],
      ['合计', 123456789.12, 123456789.12, 123456789.12],
      ['甲', 100000000.1, 100000000.1, 100000000.1],
      ['乙', 23456789.02, 23456789.02, 23456789.02],
    ]);
    const r = await ok(importReport(written(ws)));
    expect(r.report.budget?.[0]).toMatchObject({ initial: '123456789.12', adjusted: '123456789.12' });
    expect(r.report.budget?.[0]?.children?.map((l) => l.initial)).toEqual(['100000000.1', '23456789.02']);
    expect(validateReport(r.report).findings.map((f) => f.code)).not.toContain('budget-sum-mismatch');
  });
});

// ---------------------------------------------------------------------------------------------

describe('formulas', () => {
  const rows = [
    ['预算项目', '年初预算数', '调整预算数', '实际支出数'],
    ['甲', 1, 1, 0.5],
    ['乙', 2, 2, 1.5],
    ['合计', null, null, null],
  ];

  it('without a stored value: the formula text is kept, and the note says the cell gives no figure', async () => {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws.B4 = { t: 'n', f: 'SUM(B2:B3)' };
    ws.C4 = { t: 'n', f: 'SUM(C2:C3)' };
    ws.D4 = { t: 'n', f: 'SUM(D2:D3)' };
    const r = await ok(importReport(written(ws), { fileName: 'f.xlsx' }));
    const total = r.report.budget?.find((l) => l.name === '合计');
    expect(total).toMatchObject({ initial: '=SUM(B2:B3)', adjusted: '=SUM(C2:C3)', actual: '=SUM(D2:D3)' });
    const notes = r.notes.filter((n) => n.at.sheet === 'S' && /formula/.test(n.reason.en));
    expect(notes.map((n) => [n.where, n.text])).toEqual([
      ['f.xlsx, S!B4', '=SUM(B2:B3)'],
      ['f.xlsx, S!C4', '=SUM(C2:C3)'],
      ['f.xlsx, S!D4', '=SUM(D2:D3)'],
    ]);
    for (const n of notes) expect(n.reason.en).toContain('gives no figure');
    expect(r.notes.some((n) => n.reason.en.includes('stored are used'))).toBe(false);
  });

  it('with a stored value: the value, displayed by its format, with one note listing the cells', async () => {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws.B4 = { t: 'n', f: 'SUM(B2:B3)', v: 3 };
    ws.C4 = { t: 'n', f: 'SUM(C2:C3)', v: 3 };
    ws.D4 = { t: 'n', f: 'SUM(D2:D3)', v: 2, z: '0.00' };
    // (SheetJS writes no formulas into .xls: the formulas of an .xls are those Calc saved in reference.xls.)
    const {
      grids: [grid],
      notes,
    } = await grids(written(ws));
    expect(grid?.rows[3]).toEqual(['合计', '3', '3', '2.00']);
    expect(notes.map((n) => [n.at.cell, n.reason.en.split(':')[0]])).toEqual([
      ['B4,C4,D4', '3 cell(s) hold formulas'],
    ]);
  });

  it('a formula that is only a percentage (=100%, as a target is typed) stays as typed', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['指标名称', '指标值', '实际完成值'],
      ['预算执行率', null, '93.74%'],
    ]);
    ws.B2 = { t: 'n', f: '100%', v: 1, z: '0%' };
    const r = await ok(importReport(written(ws)));
    expect(r.report.indicators).toEqual([{ name: '预算执行率', target: '=100%', actual: '93.74%' }]);
    expect(r.notes.map((n) => n.at.cell)).toContain('B2');
  });
});

// ---------------------------------------------------------------------------------------------

describe('hidden sheets, rows and columns are read and noted', () => {
  it('one note per sheet naming what is hidden', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['预算项目', '年初预算数', '调整预算数', '实际支出数'],
      ['甲', 1, 1, 1],
      ['乙', 2, 2, 2],
      ['丙', 3, 3, 3],
      ['丁', 4, 4, 4],
    ]);
    ws['!rows'] = [];
    ws['!rows'][1] = { hidden: true };
    ws['!rows'][2] = { hidden: true };
    ws['!rows'][4] = { hidden: true };
    ws['!rows'][40] = { hidden: true }; // outside the cells: nothing to say
    ws['!cols'] = [];
    ws['!cols'][2] = { hidden: true };
    const bytes = written(ws, 'xlsx', (wb) => {
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['备注'], ['x']]), 'H');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['备注'], ['y']]), 'V');
      wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }] };
    });
    const r = await ok(importReport(bytes, { fileName: 'h.xlsx' }));
    expect(r.report.budget?.map((l) => l.name)).toEqual(['甲', '乙', '丙', '丁']);
    const hidden = r.notes.filter((n) => n.reason.en.includes('hidden'));
    expect(hidden.map((n) => [n.where, n.reason.en])).toEqual([
      ['h.xlsx, S', 'hidden rows 2–3, 5 and columns C: read like the others'],
      ['h.xlsx, H', 'the sheet is hidden in the workbook: it is read like the others'],
      ['h.xlsx, V', 'the sheet is very hidden in the workbook: it is read like the others'],
    ]);
    expect(hidden[0]?.reason.zh).toBe('隐藏的第 2–3, 5 行和第 C 列：照常读取');
  });
});

// ---------------------------------------------------------------------------------------------

describe('OLE2 files that are not workbooks get one refusal that says what they are', () => {
  const cfb = (streams: Record<string, Uint8Array>): Uint8Array => {
    const c = XLSX.CFB.utils.cfb_new();
    for (const [name, bytes] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(c, name, bytes);
    return new Uint8Array(XLSX.CFB.write(c, { type: 'array' }) as ArrayLike<number>);
  };

  it.each([
    [
      'a Word 97–2003 document',
      { WordDocument: new Uint8Array(600), '1Table': new Uint8Array(600) },
      /^a Word 97–2003 document \(\.doc\), not a workbook: save it as \.docx/,
    ],
    [
      'a password-protected workbook',
      { EncryptionInfo: new Uint8Array(600), EncryptedPackage: new Uint8Array(600) },
      /^a password-protected workbook/,
    ],
    ['a PowerPoint file', { 'PowerPoint Document': new Uint8Array(600) }, /^a PowerPoint 97–2003 file/],
    [
      'another compound file',
      { Foo: new Uint8Array(600) },
      /^an OLE2 compound file that is not an Excel workbook.*save the table as \.xlsx or \.docx/,
    ],
  ])('%s', async (_, streams, message) => {
    const r = await importReport(cfb(streams), { fileName: 'x.doc' });
    expect(refusal(r)).toMatch(message);
  });

  it('a damaged one', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(refusal(await importReport(bytes))).toMatch(
      /^not a readable \.xls workbook .*save it as \.xlsx or as CSV/,
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** A central directory member's declared uncompressed size set to 1, in the local header too. */
function lie(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const at = sig === 0x02014b50 ? 46 : sig === 0x04034b50 ? 30 : -1;
    if (at < 0) continue;
    const len = view.getUint16(i + (sig === 0x02014b50 ? 28 : 26), true);
    if (len !== encoded.length || !encoded.every((b, k) => out[i + at + k] === b)) continue;
    view.setUint32(i + (sig === 0x02014b50 ? 24 : 22), 1, true);
  }
  return out;
}

/** The archive with its first central directory entry listed twice (entries sharing bytes). */
function overlap(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const start = view.getUint32(eocd + 16, true);
  const first =
    46 +
    view.getUint16(start + 28, true) +
    view.getUint16(start + 30, true) +
    view.getUint16(start + 32, true);
  const out = new Uint8Array(zip.length + first);
  out.set(zip.subarray(0, start + size), 0);
  out.set(zip.subarray(start, start + first), start + size);
  out.set(zip.subarray(eocd), start + size + first);
  const v = new DataView(out.buffer);
  const e = out.length - 22;
  v.setUint16(e + 8, count + 1, true);
  v.setUint16(e + 10, count + 1, true);
  v.setUint32(e + 12, size + first, true);
  return out;
}

describe('hostile workbooks: refused with one line, bounded by the limits', () => {
  it('a declared dimension of the whole sheet: the grid spans the two cells that exist', async () => {
    const bytes = book(`<dimension ref="A1:XFD1048576"/><sheetData>${TWO_CELLS}</sheetData>`);
    expect(bytes.length).toBeLessThan(2000);
    const {
      grids: [grid],
    } = await grids(bytes);
    expect(grid?.rows).toEqual([['预算项目', '1']]);
  });

  it('a merged range over the whole sheet is clipped to the cells that exist', async () => {
    const bytes = book(
      `<sheetData>${TWO_CELLS}<row r="3"><c r="A3"><v>2</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="C9:D12"/></mergeCells>`,
    );
    const {
      grids: [grid],
    } = await grids(bytes);
    expect(grid?.merges).toEqual([{ r0: 0, c0: 0, r1: 2, c1: 1 }]);
    expect(grid?.rows).toEqual([['预算项目', '1'], [], ['2']]);
  });

  it.each([
    [
      'a row past the last one',
      '<row r="99999999"><c r="A99999999"><v>1</v></c></row>',
      /row 99,999,999, past the last row of an \.xlsx sheet \(1,048,576\)/,
    ],
    ['a cell past the last row', '<row r="1"><c r="A99999999"><v>1</v></c></row>', /past the last row/],
    [
      'a cell past the last column',
      '<row r="1"><c r="XFE1"><v>1</v></c></row>',
      /column 16,385, past the last column of an \.xlsx sheet \(XFD, 16,384\)/,
    ],
  ])('%s', async (_, rows, message) => {
    const r = await importReport(book(`<sheetData>${rows}</sheetData>`), { fileName: 'bomb.xlsx' });
    expect(refusal(r)).toMatch(message);
  });

  it('a column record over two billion columns is refused before SheetJS makes one object per column', async () => {
    const bytes = book(
      `<cols><col min="1" max="2000000000" hidden="1" width="9"/></cols><sheetData>${TWO_CELLS}</sheetData>`,
    );
    expect(refusal(await read(bytes))).toMatch(/describes column 2,000,000,000, past the last column/);
  });

  it('overlapping merged ranges that cover more cells than the limit', async () => {
    const merges = Array.from({ length: 200 }, () => '<mergeCell ref="A1:Z1000"/>').join('');
    const bytes = book(
      `<sheetData>${TWO_CELLS}<row r="1000"><c r="Z1000"><v>1</v></c></row></sheetData><mergeCells>${merges}</mergeCells>`,
    );
    expect(refusal(await read(bytes, 'xlsx', { cells: 100_000 }))).toMatch(
      /^the merged cells of the sheet "S" cover more than 100,000 cells$/,
    );
  });

  it('more cells than the limit: counted in the XML before SheetJS reads it', async () => {
    const cells = Array.from({ length: 1001 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`);
    const bytes = book(`<sheetData><row r="1">${cells.join('')}</row></sheetData>`);
    expect(refusal(await read(bytes, 'xlsx', { cells: 1000 }))).toBe(
      'the workbook has 1,001 cells or more, more than the limit of 1,000',
    );
    // The same cells in an .xls: counted in its BIFF records.
    const ws = XLSX.utils.aoa_to_sheet(Array.from({ length: 1001 }, (_, i) => [i]));
    expect(refusal(await read(written(ws, 'xls'), 'xls', { cells: 1000 }))).toBe(
      'the workbook has 1,001 cells or more, more than the limit of 1,000',
    );
  });

  it('a grid wider than the limit though it has few cells (A1 and a far cell)', async () => {
    const bytes = book(`<sheetData>${TWO_CELLS}<row r="900"><c r="AZ900"><v>1</v></c></row></sheetData>`);
    expect(refusal(await read(bytes, 'xlsx', { cells: 900 }))).toMatch(/more than the limit of 900$/);
    const {
      grids: [grid],
    } = await grids(bytes);
    expect(grid?.rows).toHaveLength(900); // rows end at their last cell: 899 short rows, one of 52
    expect(grid?.rows[899]).toHaveLength(52);
  });

  it('more decompressed bytes than the limit: as declared, and as counted when the directory lies', async () => {
    const filler = new Uint8Array(300_000).fill(0x20);
    const bytes = book(`<sheetData>${TWO_CELLS}</sheetData>`, { 'xl/media/filler.bin': filler });
    expect(refusal(await read(bytes, 'xlsx', { uncompressedBytes: 100_000 }))).toMatch(
      /^the workbook decompresses to 30\d,\d{3} bytes, more than the limit of 100,000$/,
    );
    const lying = lie(bytes, 'xl/media/filler.bin');
    expect(refusal(await read(lying, 'xlsx', { uncompressedBytes: 100_000 }))).toBe(
      'the workbook decompresses to more than 100,000 bytes, more than the limit of 100,000',
    );
  });

  it('a directory that lists a member twice (the overlapping zip bomb)', async () => {
    const bytes = overlap(book(`<sheetData>${TWO_CELLS}</sheetData>`));
    expect(refusal(await read(bytes))).toMatch(/its zip directory lists 6 members, its body holds 5$/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('properties', () => {
  const text = fc.string({ unit: fc.constantFrom(...'ab 预算%=+-.,1\t\n#<>&"\'执行率'), maxLength: 8 });

  it('any table of strings written as .xlsx and read back gives the same cells', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        async (table) => {
          const rows = table.map((row, r) => row.map((c, k) => (r === 0 && k === 0 ? `x${c}` : c)));
          const bytes = written(XLSX.utils.aoa_to_sheet(rows));
          const {
            grids: [grid],
          } = await grids(bytes);
          // A row ends at its last cell that is not blank; a blank row is empty.
          const expected = rows.map((row) => {
            let last = row.length - 1;
            while (last >= 0 && (row[last] ?? '').trim() === '') last--;
            return row.slice(0, last + 1);
          });
          while (expected.length > 1 && (expected.at(-1) ?? []).length === 0) expected.pop();
          expect(grid?.rows).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('excelNumberText gives 15 significant digits at most, in plain decimal, and reads back to the same double at 15 digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e300, max: 1e300 }), (v) => {
        const t = excelNumberText(v);
        expect(t).toMatch(/^-?\d+(?:\.\d*[1-9])?$/);
        expect(t.replace(/^-|\./g, '').replace(/^0+/, '').replace(/0+$/, '').length).toBeLessThanOrEqual(15);
        expect(Number(t).toPrecision(15)).toBe(v === 0 ? (0).toPrecision(15) : v.toPrecision(15));
      }),
    );
  });
});
