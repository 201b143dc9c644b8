/**
 * Web pages: real published tables written as the pages offices publish (fixtures/import/
 * html-docx/, made by scripts/fixtures/html-docx.mjs from the hand-made JSON), imported through
 * `importReport` and compared with the JSON; the grid readHtml gives for the layouts the table
 * readers do not read yet; the HTML table model, text, encodings and bounds, table by table;
 * and the law that any table written as HTML reads back to the same cells and merges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type ImportResult, type ImportSuccess, importReport } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type DocumentResult, type Limits } from '../src/import/document.js';
import type { Grid } from '../src/import/grid.js';
import { parseSpan, readHtml } from '../src/import/html.js';
import { declaredCharset } from '../src/import/html-charset.js';
import {
  budgetFields,
  FIXTURES,
  indicatorFields,
  REFERENCE,
  ROOT,
  readJson,
} from './fixtures/import/helpers.js';

const DIR = join(FIXTURES, 'html-docx');
const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const report = (name: string) => readJson(join(ROOT, 'examples', 'reports', name));

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

async function read(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<DocumentResult> {
  return readHtml(bytes, { file: undefined, sheet: undefined, limits });
}

async function gridOf(page: string | Uint8Array, limits?: Limits): Promise<Grid> {
  const r = await read(typeof page === 'string' ? utf8(page) : page, limits);
  if (!r.ok) throw new Error(r.message.en);
  const grid = r.parts[0]?.grid;
  if (grid === null || grid === undefined) throw new Error('no grid');
  return grid;
}

const rows = async (page: string) => (await gridOf(page)).rows;

describe('real tables as web pages', () => {
  it('the reference report (苏州市商务服务中心 2023): 七、预算信息 and 九、部门整体自评表 with rowspan/colspan import to its JSON', async () => {
    const r = ok(await importReport(fixture('suzhou-commerce-service-center-2023.html')));
    const expected = readJson(REFERENCE);
    expect(r.format).toBe('html');
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
  });

  it('广水 (Hubei) as a GBK page (<meta http-equiv … charset=gb2312>): title, year, unit, the indicator and its groups', async () => {
    const bytes = fixture('cn-hubei-guangshui-transport-2021-rural-roads.htm');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = ok(await importReport(bytes, { fileName: 'gs.html' }));
    const expected = report('cn-hubei-guangshui-transport-2021-rural-roads.json');
    expect(r.notes[0]?.reason.en).toBe(
      'read as GB18030, as the page declares (<meta http-equiv="Content-Type">: "gb2312")',
    );
    expect(r.report).toMatchObject({
      // The page prints 项目名称 | 乡村道路建设养护项目 under the form's title: the project is the
      // report's title (docs/import.md, facts); the JSON's title joins the two.
      title: (expected.title as string).replace(/^.*：/, ''),
      year: 2021,
      amountUnit: '万元',
      kind: 'project',
    });
    const indicator = (expected.indicators as Record<string, unknown>[]).find(
      (i) => i.name === '乡村道路建设养护里程',
    );
    expect(indicatorFields(r.report.indicators)).toEqual(indicatorFields([indicator]));
    expect(r.report.groups).toEqual(
      (expected.groups as { path: string[] }[]).filter(
        (g) => g.path[0] === '项目绩效' && g.path.length <= 3 && g.path[2] !== '质量指标',
      ),
    );
    // Read today: the line's name, actual and rate. The 合计 column (the adjusted budget in the
    // JSON), 项目实施单位 and 自评总分 in the form's head rows are the official layout's (another part).
    expect(r.report.budget?.[0]).toMatchObject({
      name: '项目资金(合计)',
      actual: '309',
      published: { executionRate: '100%' },
    });
  });

  it('广水: the grid of the GBK page, exactly', async () => {
    const grid = await gridOf(fixture('cn-hubei-guangshui-transport-2021-rural-roads.htm'));
    expect(grid.rows).toEqual([
      ['广水市财政预算支出项目绩效目标自评表：乡村道路建设养护项目'],
      ['年度：2021'],
      ['填报日期：2022年8月10日'],
      ['项目名称', '乡村道路建设养护项目', '', '', '自评总分', '95'],
      ['项目主管单位', '广水市交通运输局', '', '项目实施单位', '广水市交通运输局', ''],
      ['单位：万元'],
      ['项目资金', '合计（万元）', '执行数（万元）', '执行率'],
      ['项目资金(合计)', '309', '309', '100%'],
      ['项目年度目标 1:乡村道路建设养护项目'],
      [
        '',
        '一级指标',
        '二级指标',
        '指标名称（三级指标）',
        '年初指标值',
        '年终完成值',
        '自评分',
        '复核分',
        '评价标准',
      ],
      [
        '项目绩效 85 分',
        '产出指标 40 分',
        '数量指标 15 分',
        '乡村道路建设养护里程',
        '300公里',
        '300公里',
        '15',
        '',
        '1、提供三级指标完成程度的佐证资料；\n2、三级指标分值按三级指标个数平均确定（15分÷三级指标个数），四舍五入保留整数。',
      ],
    ]);
    expect(grid.merges).toEqual([
      { r0: 3, c0: 1, r1: 3, c1: 3 },
      { r0: 4, c0: 1, r1: 4, c1: 2 },
      { r0: 4, c0: 4, r1: 4, c1: 5 },
    ]);
    expect(grid.locate(7, 1)).toEqual({ table: 2, row: 2, column: 2 });
    expect(grid.locate(5)).toEqual({ paragraph: 4 });
  });

  it('丽江 (Yunnan) in a CMS page: the inner data table, not the layout tables; indicators as in the JSON, 指標性質 read as their operators', async () => {
    const r = ok(
      await importReport(fixture('cn-yunnan-lijiang-gucheng-natres-2020-satellite-enforcement.html')),
    );
    const expected = report('cn-yunnan-lijiang-gucheng-natres-2020-satellite-enforcement.json');
    // The targets with their operator column (指標性質: ﹦, ≥), as the JSON has them.
    expect(indicatorFields(r.report.indicators)).toEqual(indicatorFields(expected.indicators));
    expect(r.notes.map((n) => n.reason.en)).toContain(
      '1 hidden element(s) of the page (hidden, display:none) hold text that a browser does not show: not read',
    );
    // Nothing of the script, the noscript, the template or the comment.
    const all = JSON.stringify(r);
    for (const s of ['广告', '请启用', '模板', '隱藏的統計代碼', 'CMS template'])
      expect(all).not.toContain(s);
  });

  it('丽江: the grid, exactly (the 項目資金 block is the official layout, not read as a budget yet)', async () => {
    const grid = await gridOf(fixture('cn-yunnan-lijiang-gucheng-natres-2020-satellite-enforcement.html'));
    const e = '';
    expect(grid.rows).toEqual([
      [' 首页 | 信息公開 | 政策文件'],
      ['欄目導航'],
      ['財政預決算'],
      ['2020年度項目支出績效自評表'],
      ['發布日期：2021-06-28   來源：麗江市古城區自然資源局'],
      ['2020年度項目支出績效自評表', e, e, e, e, e, e, e, e, e],
      ['項目名稱', '2020年省級自然資源衛片執法補助經費', e, e, e, e, e, e, e, e],
      ['主管部門', '麗江市自然資源和規劃局', e, e, e, '實施單位', '麗江市古城區自然資源局', e, e, e],
      ['項目資金（萬元）', e, e, '年初預算數', '全年預算數', '全年執行數', '分值', '執行率', '得分', e],
      [e, '年度資金總額', e, '7.29', '7.29', '7.29', '10.00', '100%', '10.00', e],
      [e, '其中:當年財政撥款', e, '7.29', '7.29', '7.29', '—', '100%', '—', e],
      [e, '上年結轉資金', e, e, e, e, '—', e, '—', e],
      [e, '其他資金', e, e, e, e, '—', e, '—', e],
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
      ['產出指標', '數量指標', '衛片執法補助經費', '﹦', '72890', '元', '72890', '10.00', '9.00', e],
      [e, '質量指標', '項目驗收合格率', '﹦', '100', '%', '100', '20', '19', e],
      [e, '時效指標', '項目完成及時率', '﹦', '100', '%', '100', '20.00', '19.00', e],
      ['效益指標', '社會效益指標', '違法行為責停率', '≥', '95', '%', '95', '30.00', '27.00', e],
      ['滿意度指標', '服務對象滿意度指標', '滿意度', '≥', '95', '%', '95', '10.00', e, e],
      ['主辦：麗江市古城區人民政府  備案號：滇ICP備00000000號'],
    ]);
    expect(grid.merges).toContainEqual({ r0: 8, c0: 0, r1: 12, c1: 0 }); // 項目資金（萬元） rowspan=5
    expect(grid.merges).toContainEqual({ r0: 14, c0: 0, r1: 16, c1: 0 }); // 產出指標 rowspan=3
    expect(grid.merges).toContainEqual({ r0: 5, c0: 0, r1: 5, c1: 9 }); // the title row, colspan=10
    expect(grid.merges).toHaveLength(16);
    expect(grid.locate(14, 2)).toEqual({ table: 1, row: 10, column: 3 });
  });
});

describe('the HTML table model', () => {
  it.each([
    [
      'a rowspan and a colspan',
      '<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td><td>d</td></tr></table>',
      [
        ['a', 'b', ''],
        ['', 'c', 'd'],
      ],
      [
        { r0: 0, c0: 0, r1: 1, c1: 0 },
        { r0: 0, c0: 1, r1: 0, c1: 2 },
      ],
    ],
    [
      'rowspan=0 reaches the end of its row group only',
      '<table><tbody><tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr></tbody><tbody><tr><td>d</td><td>e</td></tr></tbody></table>',
      [
        ['a', 'b'],
        ['', 'c'],
        ['d', 'e'],
      ],
      [{ r0: 0, c0: 0, r1: 1, c1: 0 }],
    ],
    [
      'colspan=0 and an unreadable colspan are 1',
      '<table><tr><td colspan=0>a</td><td colspan=x>b</td><td colspan=" +2px">c</td></tr></table>',
      [['a', 'b', 'c', '']],
      [{ r0: 0, c0: 2, r1: 0, c1: 3 }],
    ],
    [
      '<thead>, <tbody>, <tfoot> (placed last) and <th>',
      '<table><tfoot><tr><td>合计</td></tr></tfoot><tbody><tr><td>1</td></tr></tbody><thead><tr><th>项目</th></tr></thead></table>',
      [['1'], ['项目'], ['合计']],
      [],
    ],
    [
      'rows directly in the table and a cell without its <tr>',
      '<table><td>a<td>b<tr><td>c</table>',
      [
        ['a', 'b'],
        ['c', ''],
      ],
      [],
    ],
    [
      'a colspan that runs into a rowspan from above stops before it',
      '<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=3>c</td></tr></table>',
      [
        ['a', 'b'],
        ['c', ''],
      ],
      [{ r0: 0, c0: 1, r1: 1, c1: 1 }],
    ],
    [
      'a row wholly covered by the rows above is an empty row',
      '<table><tr><td rowspan=3>a</td></tr><tr></tr><tr></tr></table>',
      [['a'], [''], ['']],
      [{ r0: 0, c0: 0, r1: 2, c1: 0 }],
    ],
  ])('%s', async (_name, page, cells, merges) => {
    const grid = await gridOf(page);
    expect(grid.rows).toEqual(cells);
    expect(grid.merges).toEqual(merges);
  });

  it('a rowspan past the end of its row group stops there, with a note; colspan stops at 1000', async () => {
    const r = await readHtml(
      utf8('<table><tr><td rowspan=70000>a</td><td colspan=5000>b</td></tr><tr><td>c</td></tr></table>'),
      {
        file: 'p.html',
        sheet: undefined,
        limits: DEFAULT_LIMITS,
      },
    );
    if (!r.ok) throw new Error(r.message.en);
    const grid = r.parts[0]?.grid as Grid;
    expect(grid.rows[0]).toHaveLength(1001);
    expect(grid.merges).toEqual([
      { r0: 0, c0: 0, r1: 1, c1: 0 },
      { r0: 0, c0: 1, r1: 0, c1: 1000 },
    ]);
    expect(r.notes).toEqual([
      expect.objectContaining({
        where: 'p.html, table 1, row 1, column 1',
        reason: expect.objectContaining({
          en: 'rowspan="65534" runs past the end of its row group: the cell spans 2 row(s), as a browser shows it',
        }),
      }),
    ]);
  });

  it.each([
    ['1', 1],
    ['  +3', 3],
    ['2px', 2],
    ['007', 7],
    ['99999999999999999999', 1e9],
    ['', null],
    ['-1', null],
    ['x2', null],
  ])('parseSpan(%j) = %s', (value, n) => {
    expect(parseSpan(value)).toBe(n);
  });
});

describe("merges read as a worksheet's", () => {
  it('a 分值 printed once with rowspan is the figure of its first row, with a note that names the table row', async () => {
    const page =
      '<table><tr><th>项目</th><th>年初预算数</th><th>调整预算数</th><th>实际支出数</th><th>分值</th></tr>' +
      '<tr><td>合计</td><td>1</td><td>1</td><td>1</td><td rowspan=2>10</td></tr><tr><td>其中：财政拨款</td><td>1</td><td>1</td><td>1</td></tr></table>';
    const r = ok(await importReport(utf8(page)));
    expect(r.report.budget?.[0]).toMatchObject({ name: '合计', weight: '10' });
    expect(r.notes.map((n) => [n.where, n.reason.en])).toEqual([
      [
        'table 1, rows 2–3, column 5',
        '"分值" 10 is merged over 2 rows: read as the figure of the first row (table 1, row 2) only, not repeated on the rows below it',
      ],
    ]);
  });
});

describe('text, paragraphs and layout', () => {
  it('cell text from nested <p>/<span>/<div>/<br>: a line break each, runs of spaces collapsed, entities decoded, &nbsp; alone is an empty cell and leading ones indent', async () => {
    const cells = await rows(
      '<table><tr><td><p><span>年初</span><span>预算数</span></p><div>（万元）</div></td>' +
        '<td>a<br>b<br><br>  c   d\n e</td><td>&lt;=100% &amp; &#x2265;90&#37;</td><td>&nbsp;</td><td>&nbsp;&nbsp;基本支出</td></tr></table>',
    );
    expect(cells).toEqual([['年初预算数\n（万元）', 'a\nb\nc d e', '<=100% & ≥90%', '', '  基本支出']]);
  });

  it('paragraphs between tables become one-cell rows, in order; a <caption> is the row above its table', async () => {
    const grid = await gridOf(
      '<h1>项目支出绩效自评表</h1><p>主管部门：某局<br>单位：万元</p><table><caption>表1</caption><tr><td>a</td></tr></table>' +
        '<p>注：无</p><table><tr><td>b</td></tr></table><p></p><p>&nbsp;</p>',
    );
    expect(grid.rows).toEqual([
      ['项目支出绩效自评表'],
      ['主管部门：某局'],
      ['单位：万元'],
      ['表1'],
      ['a'],
      ['注：无'],
      ['b'],
    ]);
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => grid.locate(r))).toEqual([
      { paragraph: 1 },
      { paragraph: 2 },
      { paragraph: 3 },
      { paragraph: 4 },
      { table: 1, row: 1 },
      { paragraph: 5 },
      { table: 2, row: 1 },
    ]);
  });

  it('a layout table around the data table: its cells become paragraphs, the inner table a table', async () => {
    const cells = await rows(
      '<table><tr><td>导航</td><td><p>标题</p><table><tr><td rowspan=2>x</td><td>1</td></tr><tr><td>2</td></tr></table><p>注</p></td></tr></table>',
    );
    expect(cells).toEqual([['导航'], ['标题'], ['x', '1'], ['', '2'], ['注']]);
  });

  it.each([
    ['script', '<script>document.write("<table><tr><td>x</td></tr></table>")</script>'],
    ['style', '<style>td { color: red }</style>'],
    ['noscript', '<noscript><p>x</p></noscript>'],
    ['template', '<template><tr><td>x</td></tr></template>'],
    ['a comment', '<!-- <table><tr><td>x</td></tr></table> -->'],
    ['a conditional comment', '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->'],
    [
      'iframe, svg, select, button',
      '<iframe src="http://example.com/x"></iframe><svg><text>x</text></svg><select><option>x</option></select><button>打印</button>',
    ],
  ])('%s is not read', async (_name, markup) => {
    expect(await rows(`<p>标题</p>${markup}<table><tr><td>a</td></tr></table>`)).toEqual([['标题'], ['a']]);
  });

  it('a page without any table is refused with one line', async () => {
    for (const page of [
      '<html><body><p>报告</p></body></html>',
      '<p>x</p><script>"<table><tr><td>1</td></tr></table>"</script>',
    ]) {
      expect(await read(utf8(page))).toEqual({
        ok: false,
        message: { en: 'no table in the web page', zh: '网页中没有表格' },
      });
    }
    expect(await importReport(utf8('<!DOCTYPE html><p>x</p>'), { fileName: 'a.html' })).toEqual({
      ok: false,
      message: { en: 'no table in the web page', zh: '网页中没有表格' },
      at: { file: 'a.html' },
    });
  });
});

describe('encodings', () => {
  // 预算 in GBK: D4 A4 CB E3.
  const gbk = (head: string) =>
    new Uint8Array([
      ...utf8(`${head}<table><tr><td>`),
      0xd4,
      0xa4,
      0xcb,
      0xe3,
      ...utf8('</td></tr></table>'),
    ]);

  it.each([
    ['<meta charset="gb2312">', '<meta charset="gb2312">'],
    ['<meta charset=GBK>', '<meta charset=GBK>'],
    ['http-equiv', '<meta http-equiv="Content-Type" content="text/html; charset=gb18030">'],
    ['an XML declaration', '<?xml version="1.0" encoding="GB2312"?>'],
    ['no declaration (decodeText)', ''],
  ])('GBK bytes with %s', async (_name, head) => {
    expect((await gridOf(gbk(head))).rows).toEqual([['预算']]);
  });

  it('byte order marks: UTF-8 and UTF-16', async () => {
    expect(
      (await gridOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<table><tr><td>预算</td></tr></table>')])))
        .rows,
    ).toEqual([['预算']]);
    const text = '<table><tr><td>预算</td></tr></table>';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect((await gridOf(le)).rows).toEqual([['预算']]);
  });

  it('another declared character set is refused, naming it, unless every byte is ASCII', async () => {
    expect(
      await read(
        new Uint8Array([
          ...utf8('<meta charset="big5"><table><tr><td>'),
          0xb9,
          0x77,
          ...utf8('</td></tr></table>'),
        ]),
      ),
    ).toEqual({
      ok: false,
      message: {
        en: 'the web page declares the character set "big5" (<meta charset>), which outturn does not read: save it as UTF-8 or GB18030 and try again',
        zh: '网页声明的字符集为“big5”（<meta charset>），outturn 不能读取：请另存为 UTF-8 或 GB18030 编码后重试',
      },
    });
    expect(await rows('<meta charset="iso-8859-1"><table><tr><td>Budget</td></tr></table>')).toEqual([
      ['Budget'],
    ]);
  });

  it('bytes that are not the declared set: read as what they are, with a note, or refused', async () => {
    const r = await read(gbk('<meta charset="utf-8">'));
    expect(r.ok && r.notes[0]?.reason.en).toBe(
      'the page declares "utf-8" (<meta charset>) but its bytes are not valid UTF-8: read as GB18030/GBK, which they are',
    );
    const bad = await read(
      new Uint8Array([
        ...utf8('<meta charset="gbk"><table><tr><td>'),
        0x80,
        0xff,
        0x41,
        ...utf8('</td></tr></table>'),
      ]),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.message.en).toMatch(
        /^the web page declares the character set "gbk" \(<meta charset>\) but is not valid GB18030/,
      );
  });

  it('the declaration is looked for in the first 1024 bytes only', () => {
    expect(declaredCharset(utf8(`${' '.repeat(1100)}<meta charset="gbk">`))).toBeNull();
    expect(
      declaredCharset(utf8('<meta content="text/html; charset=\'GB2312\'" http-equiv="content-type">')),
    ).toEqual({
      charset: 'gb2312',
      where: '<meta http-equiv="Content-Type">',
    });
  });
});

describe('bounds', () => {
  const small: Limits = { ...DEFAULT_LIMITS, cells: 10 };

  it('the cells of the grid are counted against the limit: paragraphs, table cells, spans', async () => {
    const over = {
      ok: false,
      message: {
        en: 'the web page has more than 10 cells (tables and paragraphs), the most one import reads: not read',
        zh: '网页的单元格（表格与段落）超过 10 个，超出一次导入的上限：未读取',
      },
    };
    expect(await read(utf8(`<table><tr>${'<td>1</td>'.repeat(11)}</tr></table>`), small)).toEqual(over);
    expect(await read(utf8('<table><tr><td colspan=11>1</td></tr></table>'), small)).toEqual(over);
    expect(
      await read(
        utf8(`${'<p>x</p>'.repeat(8)}<table><tr><td>1</td><td>2</td><td>3</td></tr></table>`),
        small,
      ),
    ).toEqual(over);
    expect(
      (await gridOf(`${'<p>x</p>'.repeat(7)}<table><tr><td>1</td><td>2</td><td>3</td></tr></table>`, small))
        .rows,
    ).toHaveLength(8);
  });

  it('a span bomb (colspan=1000 × rowspan=65534 on 3000 rows) stops at the default limit of cells', async () => {
    const page = `<table>${'<tr><td colspan=1000 rowspan=65534>x</td></tr>'.repeat(3000)}</table>`;
    const r = await read(utf8(page));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.en).toMatch(/^the web page has more than 500000 cells/);
  });
});

/** A table with random merges, as its cells and merges and as the HTML a page would print. */
const tables = fc
  .record({
    height: fc.integer({ min: 1, max: 6 }),
    width: fc.integer({ min: 1, max: 6 }),
    seeds: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 36, maxLength: 36 }),
    texts: fc.array(
      fc.array(
        fc.array(fc.constantFrom('预算', '321.19', '≥90%', 'a&b', '<x>', '"q"', '产出指标', '1'), {
          minLength: 1,
          maxLength: 3,
        }),
        {
          minLength: 0,
          maxLength: 2,
        },
      ),
      { minLength: 36, maxLength: 36 },
    ),
  })
  .map(({ height, width, seeds, texts }) => {
    const owner: boolean[][] = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
    const cells: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(''));
    const merges: { r0: number; c0: number; r1: number; c1: number }[] = [];
    const html: string[] = [];
    let k = 0;
    for (let r = 0; r < height; r++) {
      const tds: string[] = [];
      for (let c = 0; c < width; c++) {
        if (owner[r]?.[c]) continue;
        const [dr, dc] = seeds[k] ?? [0, 0];
        const lines = (texts[k] ?? []).map((words) => words.join(' '));
        k++;
        let cols = 1;
        while (cols <= dc && c + cols < width && !owner[r]?.[c + cols]) cols++;
        const rws = Math.min(1 + dr, height - r);
        for (let y = r; y < r + rws; y++)
          for (let x = c; x < c + cols; x++) (owner[y] as boolean[])[x] = true;
        (cells[r] as string[])[c] = lines.join('\n');
        if (rws > 1 || cols > 1) merges.push({ r0: r, c0: c, r1: r + rws - 1, c1: c + cols - 1 });
        const esc = lines
          .map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
          .join('<br>');
        tds.push(
          `<td${rws > 1 ? ` rowspan="${rws}"` : ''}${cols > 1 ? ` colspan="${cols}"` : ''}>${esc}</td>`,
        );
      }
      html.push(`<tr>${tds.join('')}</tr>`);
    }
    return {
      cells,
      merges,
      html: `<!DOCTYPE html><html><body><table>\n${html.join('\n')}\n</table></body></html>`,
    };
  });

describe('property', () => {
  it('any table of strings with rowspan/colspan, written as HTML, reads back to the same cells and merges', async () => {
    await fc.assert(
      fc.asyncProperty(tables, async ({ cells, merges, html }) => {
        const grid = await gridOf(html);
        expect(grid.rows).toEqual(cells);
        expect(grid.merges).toEqual(merges);
      }),
      { numRuns: 200 },
    );
  });
});
