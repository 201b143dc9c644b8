/**
 * Word documents: the fixture pages converted by LibreOffice Writer (fixtures/import/html-docx/,
 * scripts/fixtures/html-docx.mjs), imported through `importReport` and compared with the
 * hand-made JSON, or their grids where the layout is not read yet; WordprocessingML met in
 * documents Word writes (vMerge, gridSpan, gridBefore/After, tracked changes, content controls,
 * nested tables), built here as the smallest .docx that holds it; refusals and bounds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { type ImportResult, type ImportSuccess, importReport } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type DocumentResult, type Limits } from '../src/import/document.js';
import { readDocx } from '../src/import/docx.js';
import type { Grid } from '../src/import/grid.js';
import { readZipEntry } from '../src/import/zip.js';
import {
  budgetFields,
  FIXTURES,
  indicatorFields,
  REFERENCE,
  ROOT,
  readJson,
} from './fixtures/import/helpers.js';

const DIR = join(FIXTURES, 'html-docx');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const report = (name: string) => readJson(join(ROOT, 'examples', 'reports', name));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

/** The smallest .docx Word opens the body of: [Content_Types].xml and word/document.xml. */
function docx(body: string, prefix = 'w'): Uint8Array {
  const p = prefix === '' ? '' : `${prefix}:`;
  const ns = prefix === '' ? `xmlns="${W}"` : `xmlns:${prefix}="${W}"`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}document ${ns} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${p}body>${body}</${p}body></${p}document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': strToU8(xml),
  });
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, pr = '') =>
  `<w:tc>${pr === '' ? '' : `<w:tcPr>${pr}</w:tcPr>`}${content}</w:tc>`;
const tr = (cells: string, pr = '') => `<w:tr>${pr === '' ? '' : `<w:trPr>${pr}</w:trPr>`}${cells}</w:tr>`;
const tbl = (rows: string) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows}</w:tbl>`;

async function read(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<DocumentResult> {
  return readDocx(bytes, { file: undefined, sheet: undefined, limits });
}

async function gridOf(bytes: Uint8Array): Promise<Grid> {
  const r = await read(bytes);
  if (!r.ok) throw new Error(r.message.en);
  const grid = r.parts[0]?.grid;
  if (grid === null || grid === undefined) throw new Error('no grid');
  return grid;
}

describe('real tables as Word documents (LibreOffice Writer from the web pages)', () => {
  it('the reference report: the budget and the 部门整体自评表 (w:vMerge, w:gridSpan) import to its JSON', async () => {
    const bytes = fixture('suzhou-commerce-service-center-2023.docx');
    const r = ok(await importReport(bytes));
    const expected = readJson(REFERENCE);
    expect(r.format).toBe('docx');
    expect(budgetFields(r.report.budget)).toEqual(budgetFields(expected.budget));
    expect(indicatorFields(r.report.indicators)).toEqual(indicatorFields(expected.indicators));
    expect(r.report).toMatchObject({
      kind: 'department',
      title: expected.title,
      entity: '苏州市商务服务中心',
      year: 2023,
      amountUnit: '万元',
    });
    expect(r.unplaced).toEqual([]);
    // The merges are Word's own: 分解目标 down all 46 indicator rows, 类别 over two columns.
    const entry = readZipEntry(bytes, 'word/document.xml', 1e7);
    const xml = entry.ok ? new TextDecoder().decode(entry.bytes) : '';
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    const grid = await gridOf(bytes);
    const header = grid.rows.findIndex((row) => row[0] === '类别');
    expect(grid.merges).toContainEqual({ r0: header, c0: 0, r1: header, c1: 1 });
    expect(grid.merges).toContainEqual({ r0: header + 1, c0: 0, r1: header + 46, c1: 0 });
  });

  it('广水 (Hubei): the same grid as its web page, and the indicator of the JSON', async () => {
    const bytes = fixture('cn-hubei-guangshui-transport-2021-rural-roads.docx');
    const r = ok(await importReport(bytes));
    const expected = report('cn-hubei-guangshui-transport-2021-rural-roads.json');
    const indicator = (expected.indicators as Record<string, unknown>[]).find(
      (i) => i.name === '乡村道路建设养护里程',
    );
    expect(indicatorFields(r.report.indicators)).toEqual(indicatorFields([indicator]));
    expect(r.report).toMatchObject({ title: expected.title, year: 2021, amountUnit: '万元' });
    const grid = await gridOf(bytes);
    expect(grid.rows.slice(3, 5)).toEqual([
      ['项目名称', '乡村道路建设养护项目', '', '', '自评总分', '95'],
      ['项目主管单位', '广水市交通运输局', '', '项目实施单位', '广水市交通运输局', ''],
    ]);
    expect(grid.merges).toEqual([
      { r0: 3, c0: 1, r1: 3, c1: 3 },
      { r0: 4, c0: 1, r1: 4, c1: 2 },
      { r0: 4, c0: 4, r1: 4, c1: 5 },
    ]);
  });

  it('丽江 (Yunnan): LibreOffice keeps the layout tables as Word tables; the nested tables follow the row that holds them', async () => {
    const bytes = fixture('cn-yunnan-lijiang-gucheng-natres-2020-satellite-enforcement.docx');
    const r = ok(await importReport(bytes));
    const expected = report('cn-yunnan-lijiang-gucheng-natres-2020-satellite-enforcement.json');
    const withoutTarget = (list: unknown) =>
      (indicatorFields(list) as Record<string, unknown>[]).map(({ target: _t, ...rest }) => rest);
    expect(withoutTarget(r.report.indicators)).toEqual(withoutTarget(expected.indicators));
    const grid = await gridOf(bytes);
    const places = grid.rows.map((_, i) => grid.locate(i));
    expect(places.slice(0, 4)).toEqual([
      { paragraph: 1 },
      { table: 1, row: 1 },
      { table: 2, row: 1 },
      { table: 3, row: 1 },
    ]);
    expect(places.slice(-2)).toEqual([
      { table: 1, row: 2 },
      { table: 1, row: 3 },
    ]);
    expect(grid.rows[2]).toEqual([
      '欄目導航\n財政預決算',
      // LibreOffice keeps the page's &nbsp; as U+00A0, its hidden <div> and <template> as text.
      '2020年度項目支出績效自評表\n發布日期：2021-06-28\u00a0\u00a0\u00a0來源：麗江市古城區自然資源局\n模板\n隱藏的統計代碼',
    ]);
    const first = grid.rows.findIndex((row) => row[0] === '一級指標');
    expect(grid.rows.slice(first, first + 2)).toEqual([
      [
        '一級指標',
        '二級指標',
        '三級指標',
        '指標性質',
        '指標值',
        '度量單位',
        '實際完成值',
        '分值',
        '得分',
        '偏差原因分析及改進措施',
      ],
      ['產出指標', '數量指標', '衛片執法補助經費', '﹦', '72890', '元', '72890', '10.00', '9.00', ''],
    ]);
    expect(grid.merges).toContainEqual({ r0: first + 1, c0: 0, r1: first + 3, c1: 0 });
    const money = grid.rows.findIndex((row) => row[0] === '項目資金（萬元）');
    expect(grid.merges).toContainEqual({ r0: money, c0: 0, r1: money + 4, c1: 0 });
  });
});

describe('WordprocessingML', () => {
  it('paragraphs above a table are one-cell rows; w:tab, w:br, w:cr, runs through hyperlinks, smart tags, content controls and fields', async () => {
    const grid = await gridOf(
      docx(
        '<w:p><w:r><w:t>项目支出</w:t></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>绩效自评表</w:t></w:r></w:hyperlink></w:p>' +
          '<w:p><w:smartTag w:element="x"><w:r><w:t>主管部门：</w:t></w:r></w:smartTag><w:r><w:t>某局</w:t><w:br/><w:t>单位：万元</w:t></w:r></w:p>' +
          '<w:p/>' +
          '<w:sdt><w:sdtPr><w:alias w:val="年度"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>年度：2023</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
          tbl(
            tr(
              tc(
                '<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:cr/><w:t>c</w:t></w:r></w:p><w:p><w:r><w:t>d</w:t></w:r></w:p>',
              ) +
                tc(
                  '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = 1+1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
                ) +
                tc(
                  '<w:sdt><w:sdtContent><w:p><w:r><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t></w:r></w:p></w:sdtContent></w:sdt>',
                ),
            ),
          ),
      ),
    );
    expect(grid.rows).toEqual([
      ['项目支出绩效自评表'],
      ['主管部门：某局'],
      ['单位：万元'],
      ['年度：2023'],
      ['a b\nc\nd', '2', 'x-y'],
    ]);
    expect(grid.locate(2)).toEqual({ paragraph: 3 });
    expect(grid.locate(4, 1)).toEqual({ table: 1, row: 1, column: 2 });
  });

  it('w:gridSpan and w:vMerge (restart, a bare continue, val="continue") are merged ranges', async () => {
    const grid = await gridOf(
      docx(
        tbl(
          tr(tc(p('一级指标'), '<w:vMerge w:val="restart"/>') + tc(p('指标'), '<w:gridSpan w:val="2"/>')) +
            tr(tc('<w:p/>', '<w:vMerge/>') + tc(p('a')) + tc(p('b'))) +
            tr(
              tc('<w:p/>', '<w:vMerge w:val="continue"/>') +
                tc(p('c'), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'),
            ) +
            tr(tc(p('产出')) + tc('<w:p/>', '<w:gridSpan w:val="2"/><w:vMerge/>')),
        ),
      ),
    );
    expect(grid.rows).toEqual([
      ['一级指标', '指标', ''],
      ['', 'a', 'b'],
      ['', 'c', ''],
      ['产出', '', ''],
    ]);
    expect(grid.merges).toEqual([
      { r0: 0, c0: 0, r1: 2, c1: 0 },
      { r0: 0, c0: 1, r1: 0, c1: 2 },
      { r0: 2, c0: 1, r1: 3, c1: 2 },
    ]);
  });

  it('w:gridBefore and w:gridAfter skip grid columns; a continue without a restart starts a cell; the legacy w:hMerge merges across', async () => {
    const grid = await gridOf(
      docx(
        tbl(
          tr(tc(p('a')) + tc(p('b')) + tc(p('c'))) +
            tr(tc(p('d')), '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>') +
            tr(
              tc(p('e'), '<w:vMerge/>') +
                tc(p('f'), '<w:hMerge w:val="restart"/>') +
                tc('<w:p/>', '<w:hMerge/>'),
            ),
        ),
      ),
    );
    expect(grid.rows).toEqual([
      ['a', 'b', 'c'],
      ['', 'd', ''],
      ['e', 'f', ''],
    ]);
    expect(grid.merges).toEqual([{ r0: 2, c0: 1, r1: 2, c1: 2 }]);
  });

  it('tracked changes are read as accepted: w:ins read, w:del / w:delText / w:moveFrom and deleted rows left out, with a note', async () => {
    const r = await read(
      docx(
        tbl(
          tr(
            tc(
              '<w:p><w:r><w:t>预算</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>执行数</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>',
            ),
          ) +
            tr(tc(p('删除的行')), '<w:del w:id="4" w:author="a"/>') +
            tr(tc(p('留下'))),
        ),
      ),
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.parts[0]?.grid?.rows).toEqual([['预算执行数'], ['留下']]);
    expect(r.notes.map((n) => n.reason.en)).toEqual([
      'the document has tracked changes: read as if all were accepted (inserted text read, deleted text and 1 deleted table row(s) left out)',
    ]);
  });

  it('a table inside a cell is its own table after the row (and after the rows a vertical merge joins to it)', async () => {
    const inner = tbl(tr(tc(p('内'))));
    const grid = await gridOf(
      docx(
        tbl(
          tr(tc(p('a'), '<w:vMerge w:val="restart"/>') + tc(`${p('b')}${inner}`)) +
            tr(tc('<w:p/>', '<w:vMerge/>') + tc(p('c'))) +
            tr(tc(p('d')) + tc(tbl(tr(tc(p('二')))))) +
            tr(tc(p('e')) + tc(p('f'))),
        ) + tbl(tr(tc(p('下一个表')))),
      ),
    );
    expect(grid.rows).toEqual([['a', 'b'], ['', 'c'], ['内'], ['d', ''], ['二'], ['e', 'f'], ['下一个表']]);
    expect(grid.rows.map((_, i) => grid.locate(i))).toEqual([
      { table: 1, row: 1 },
      { table: 1, row: 2 },
      { table: 2, row: 1 },
      { table: 1, row: 3 },
      { table: 3, row: 1 },
      { table: 1, row: 4 },
      { table: 4, row: 1 },
    ]);
    expect(grid.merges).toEqual([{ r0: 0, c0: 0, r1: 1, c1: 0 }]);
  });

  it('text boxes and drawings are not read, with a note; neither is mc:Fallback; any prefix bound to WordprocessingML is read', async () => {
    const r = await read(
      docx(
        '<x:p><x:r><mc:AlternateContent><mc:Choice Requires="wps"><x:drawing><x:txbxContent><x:p><x:r><x:t>框</x:t></x:r></x:p></x:txbxContent></x:drawing></mc:Choice><mc:Fallback><x:pict><x:t>旧</x:t></x:pict></mc:Fallback></mc:AlternateContent><x:t>标题</x:t></x:r></x:p>' +
          '<x:tbl><x:tr><x:tc><x:tcPr><x:gridSpan x:val="2"/></x:tcPr><x:p><x:r><x:t>合</x:t></x:r></x:p></x:tc></x:tr></x:tbl>',
        'x',
      ),
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.parts[0]?.grid?.rows).toEqual([['标题'], ['合', '']]);
    expect(r.parts[0]?.grid?.merges).toEqual([{ r0: 1, c0: 0, r1: 1, c1: 1 }]);
    expect(r.notes.map((n) => n.reason.en)).toEqual(['1 text box(es) or drawing(s) hold text: not read']);
    const plain = await gridOf(
      docx('<p><r><t>无前缀</t></r></p><tbl><tr><tc><p><r><t>1</t></r></p></tc></tr></tbl>', ''),
    );
    expect(plain.rows).toEqual([['无前缀'], ['1']]);
  });

  it('text in a cell that a vertical merge covers is listed in a note, not read', async () => {
    const r = await read(
      docx(tbl(tr(tc(p('a'), '<w:vMerge w:val="restart"/>')) + tr(tc(p('藏'), '<w:vMerge/>')))),
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.parts[0]?.grid?.rows).toEqual([['a'], ['']]);
    expect(r.notes).toEqual([expect.objectContaining({ where: 'table 1, row 2, column 1', text: '藏' })]);
  });
});

describe('refusals and bounds', () => {
  const refusal = (en: string) =>
    expect.objectContaining({ ok: false, message: expect.objectContaining({ en }) });

  it.each([
    [
      'not a zip archive',
      new TextEncoder().encode('hello'),
      'not a Word document (.docx): the file is not a zip archive',
    ],
    [
      'an old .doc (OLE2)',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'not a Word document (.docx): this is an older Word 97–2003 (.doc) or other OLE2 file; save it as .docx',
    ],
    [
      'a zip without word/document.xml',
      zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }),
      'not a Word document (.docx): the archive has no word/document.xml',
    ],
    [
      'an XML that is not a document',
      zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><foo xmlns:w="x"><w:body/></foo>') }),
      'not a Word document: word/document.xml is not a WordprocessingML document body (its root element: <foo>)',
    ],
    [
      'not UTF-8',
      zipSync({ 'word/document.xml': new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x80, 0x3e]) }),
      'the Word document is damaged: word/document.xml is not UTF-8 text',
    ],
    ['a document without a table', docx(p('只有文字')), 'no table in the Word document'],
  ])('%s: one line', async (_name, bytes, en) => {
    expect(await read(bytes)).toEqual(refusal(en));
  });

  it('a damaged archive: the member cannot be decompressed', async () => {
    const bytes = docx(tbl(tr(tc(p('x'.repeat(2000))))));
    // Corrupt the deflated data of word/document.xml (the last member, before the directory).
    const at = bytes.length - 300;
    for (let i = at; i < at + 40; i++) bytes[i] = 0xff;
    const r = await read(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.en).toMatch(/^the Word document is damaged|^not a Word document/);
  });

  it('a member over the size cap is refused as soon as the cap is passed', async () => {
    const bytes = docx(tbl(tr(tc(p('预算'.repeat(5000))))));
    expect(await read(bytes, { ...DEFAULT_LIMITS, uncompressedBytes: 4096 })).toEqual(
      refusal(
        'word/document.xml is larger than 4096 bytes once decompressed, the most one import reads: not read',
      ),
    );
  });

  it('the cells are counted against the limit: cells, gridSpan, gridBefore', async () => {
    const limits = { ...DEFAULT_LIMITS, cells: 10 };
    const over = refusal(
      'the Word document has more than 10 cells (tables and paragraphs), the most one import reads: not read',
    );
    expect(await read(docx(tbl(tr(tc(p('1')).repeat(11)))), limits)).toEqual(over);
    expect(await read(docx(tbl(tr(tc(p('1'), '<w:gridSpan w:val="11"/>')))), limits)).toEqual(over);
    expect(await read(docx(tbl(tr(tc(p('1')), '<w:gridBefore w:val="10"/>'))), limits)).toEqual(over);
    expect(await read(docx(p('a') + tbl(tr(tc(p('1')).repeat(9)))), limits)).toMatchObject({ ok: true });
    // A span bomb at the default limit: 3000 rows of one cell spanning 1000 columns (gridSpan clamped at 1000).
    const bomb = await read(docx(tbl(tr(tc('<w:p/>', '<w:gridSpan w:val="999999999"/>')).repeat(3000))));
    expect(bomb).toEqual(expect.objectContaining({ ok: false }));
  });

  it('importReport detects a .docx by its word/document.xml', async () => {
    const r = ok(
      await importReport(
        docx(tbl(tr(tc(p('预算项目')) + tc(p('年初预算数'))) + tr(tc(p('合计')) + tc(p('1.5'))))),
        { fileName: 'a.docx' },
      ),
    );
    expect(r.format).toBe('docx');
    expect(r.report.budget).toEqual([{ name: '合计', initial: '1.5' }]);
  });
});
