/**
 * The layout of positioned text, without a PDF: lines by baseline, cells by gaps, columns of a
 * table, wrapped cells joined, page numbers left out. A property: any table laid out as a
 * word processor prints it (left-aligned cells, top-aligned rows, long cells wrapped to the
 * column's width) is read back into the same rows and cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../src/import/pdf-layout.js';
import { joinLines, type TextItem } from '../src/import/pdf-lines.js';
import type { Rule } from '../src/import/pdf-ruled.js';

const SIZE = 10;
/** The width of text as the layout estimates it: 1 em for Chinese, 0.55 em otherwise. */
const width = (s: string) =>
  [...s].reduce((w, ch) => w + (/\p{Script=Han}/u.test(ch) ? SIZE : 0.55 * SIZE), 0);
const at = (str: string, x: number, y: number, page = 1): TextItem => ({
  str,
  x,
  y,
  width: width(str),
  height: SIZE,
  page,
});

/** The borders of a ruled table: rows between the ys (top down), columns between the xs. */
const box = (xs: readonly number[], ys: readonly number[], page = 1): Rule[] => [
  ...ys.map((y) => ({ x0: xs[0] as number, y0: y, x1: xs[xs.length - 1] as number, y1: y, page })),
  ...xs.map((x) => ({ x0: x, y0: ys[ys.length - 1] as number, x1: x, y1: ys[0] as number, page })),
];

describe('layoutPages with ruling lines', () => {
  it('reads a table from its borders: a wrapped header is one cell, a centred value in a merge belongs to its first row', () => {
    // Columns 40–140–240–340; rows 720–690–670–650. The first column's cells of the last two
    // rows are merged (no border between them at x 40–140), with 财政拨款 centred between them.
    const rules = [
      ...box([40, 140, 240, 340], [720, 690]),
      { x0: 40, y0: 650, x1: 340, y1: 650, page: 1 },
      { x0: 140, y0: 670, x1: 340, y1: 670, page: 1 },
      ...[40, 140, 240, 340].map((x) => ({ x0: x, y0: 650, x1: x, y1: 690, page: 1 })),
    ];
    const layout = layoutPages(
      [
        at('标题', 40, 740),
        at('项目', 45, 705),
        at('年初预', 145, 708),
        at('算数', 145, 695),
        at('执行数', 245, 705),
        at('财政拨款', 45, 667),
        // One item over two cells (figures right-aligned in the first), as pdf.js joins texts a
        // small gap apart.
        at('238.93 251.89', 190, 677),
        at('1.00', 145, 656),
        at('2.00', 245, 656),
      ],
      rules,
    );
    expect(layout.lines.map((l) => l.cells)).toEqual([
      ['标题'],
      ['项目', '年初预算数', '执行数'],
      ['财政拨款', '238.93', '251.89'],
      ['', '1.00', '2.00'],
    ]);
    expect(layout.merges).toEqual([{ r0: 2, c0: 0, r1: 3, c1: 0 }]);
  });

  it('keeps a lone rule (an underline) out: the lines are laid out from the text', () => {
    const layout = layoutPages(
      [at('项目', 50, 700), at('年初预算数', 150, 700), at('合计', 50, 684), at('321.19', 150, 684)],
      [{ x0: 40, y0: 695, x1: 300, y1: 695, page: 1 }],
    );
    expect(layout.lines.map((l) => l.cells)).toEqual([
      ['项目', '年初预算数'],
      ['合计', '321.19'],
    ]);
  });
});

describe('layoutPages', () => {
  it('cuts a line into cells at the gaps, and puts the cells of later lines in the header columns', () => {
    const lines = layoutPages([
      at('项目', 50, 700),
      at('年初预算数', 150, 700),
      at('执行率', 250, 700),
      at('合计', 50, 683),
      at('86.59%', 250, 683),
    ]).lines;
    expect(lines.map((l) => l.cells)).toEqual([
      ['项目', '年初预算数', '执行率'],
      ['合计', '', '86.59%'],
    ]);
    expect(lines.map((l) => [l.page, l.line])).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });

  it('joins a cell wrapped onto the next line, and a cell centred between its lines', () => {
    const lines = layoutPages([
      at('指标名称', 50, 700),
      at('指标值', 120, 700),
      at('中长期规划制', 50, 683),
      at('健全', 120, 676.25),
      at('定健全性', 50, 669.5),
      at('满意度', 50, 652),
      at('≥90%', 120, 652),
    ]).lines;
    expect(lines.map((l) => l.cells)).toEqual([
      ['指标名称', '指标值'],
      ['中长期规划制定健全性', '健全'],
      ['满意度', '≥90%'],
    ]);
    expect(lines[1]).toMatchObject({ line: 2, lineEnd: 4 });
  });

  it.each([
    ['12', true],
    ['- 3 -', true],
    ['第 2 页', true],
    ['第 2 页 共 9 页', true],
    ['3 / 9', true],
    ['Page 4 of 9', true],
    ['2023', true],
    ['合计', false],
    ['12345 便民服务热线', false],
  ])('a lone %j at the foot of a page is a page number: %s', (text, dropped) => {
    const layout = layoutPages([at('七、预算信息', 50, 700), at(text, 300, 40)]);
    expect(layout.lines.map((l) => l.cells[0])).toEqual(dropped ? ['七、预算信息'] : ['七、预算信息', text]);
    expect(layout.pageNumbers.map((p) => p.text)).toEqual(dropped ? [text] : []);
  });

  it('a table that goes on at the top of the next page keeps its columns', () => {
    const lines = layoutPages([
      at('项目', 50, 100),
      at('预算数', 150, 100),
      at('执行率', 250, 100),
      at('合计', 50, 83),
      at('1.2', 150, 83),
      at('12.50%', 250, 83),
      at('90.46%', 250, 700, 2),
      at('物业', 50, 683, 2),
      at('45.93', 150, 683, 2),
    ]).lines;
    expect(lines.map((l) => [l.page, l.cells])).toEqual([
      [1, ['项目', '预算数', '执行率']],
      [1, ['合计', '1.2', '12.50%']],
      [2, ['', '', '90.46%']],
      [2, ['物业', '45.93', '']],
    ]);
  });
});

describe('joinLines', () => {
  it.each([
    ['中长期规划制', '定健全性', '中长期规划制定健全性'],
    ['trained on', '(ABCD and CBM).', 'trained on (ABCD and CBM).'],
    ['Sub-', 'programme', 'Sub-programme'],
    ['43.37', '%', '43.37%'],
    ['-', '34.00%', '-34.00%'],
    ['≥100', '次', '≥100次'],
    ['', 'x', 'x'],
  ])('%j + %j = %j', (a, b, joined) => {
    expect(joinLines(a, b)).toBe(joined);
  });
});

// ---------------------------------------------------------------------------------------------

const HAN = [...'预算执行率指标完成值年初调整支出项目资金合计满意度'];
const word = fc.stringMatching(/^[a-z0-9]{1,4}$/);
/** A cell: Chinese text (wraps between characters) or Latin words (wraps at spaces). */
const cellText = fc.oneof(
  fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 14 }).map((cs) => cs.join('')),
  fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')),
);

/** Lines of a cell wrapped to `room`: Chinese at any character, Latin at spaces (a word may overflow). */
function wrap(text: string, room: number): string[] {
  const latin = !/\p{Script=Han}/u.test(text);
  const units = latin ? text.split(' ') : [...text];
  const lines: string[] = [];
  let cur = '';
  for (const u of units) {
    const next = cur === '' ? u : latin ? `${cur} ${u}` : `${cur}${u}`;
    if (cur !== '' && width(next) > room) {
      lines.push(cur);
      cur = u;
    } else cur = next;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

describe('property: a table laid out as a word processor prints it is read back', () => {
  it('gives the same rows and cells', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.record({
            widths: fc.array(fc.integer({ min: 40, max: 110 }), { minLength: n, maxLength: n }),
            header: fc.array(fc.constantFrom('项目', '预算数', 'Target', '执行率', 'Actual', '得分'), {
              minLength: n,
              maxLength: n,
            }),
            rows: fc.array(
              fc
                .array(fc.option(cellText, { nil: '' }), { minLength: n, maxLength: n })
                .filter((r) => r.filter((c) => c !== '').length >= 2 && r[0] !== ''),
              { minLength: 1, maxLength: 6 },
            ),
          }),
        ),
        ({ widths, header, rows }) => {
          const pad = 5.4; // Word's cell margin, each side
          const xs: number[] = [];
          let x = 40;
          for (const w of widths) {
            xs.push(x + pad);
            x += w + 2 * pad;
          }
          const pitch = 1.3 * SIZE;
          const items: TextItem[] = [];
          let y = 760;
          const bands: number[] = [];
          for (const row of [header, ...rows]) {
            bands.push(y + SIZE + 2.5);
            const wrapped = row.map((c, k) => (c === '' ? [] : wrap(c, widths[k] as number)));
            wrapped.forEach((ls, k) => {
              ls.forEach((l, i) => {
                items.push(at(l, xs[k] as number, y - i * pitch));
              });
            });
            const height = Math.max(...wrapped.map((ls) => ls.length));
            y -= (height - 1) * pitch + pitch + 2 * 2 + 1; // the row's lines, its padding and border
          }
          const lines = layoutPages(items).lines;
          expect(lines.map((l) => l.cells)).toEqual([header, ...rows]);
          // Drawn with its borders (each row's top and the bottom, each column's sides), the
          // table is read from them: the same rows and cells, nothing merged.
          const tops = [...bands, y + SIZE + 2.5];
          const right = x;
          const rules: Rule[] = [
            ...tops.map((t) => ({ x0: 40, y0: t, x1: right, y1: t, page: 1 })),
            ...[40, ...xs.map((v, k) => v - pad + (widths[k] as number) + 2 * pad)].map((v) => ({
              x0: v,
              y0: tops[tops.length - 1] as number,
              x1: v,
              y1: tops[0] as number,
              page: 1,
            })),
          ];
          const ruled = layoutPages(items, rules);
          expect(ruled.lines.map((l) => l.cells)).toEqual([header, ...rows]);
          expect(ruled.merges).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
