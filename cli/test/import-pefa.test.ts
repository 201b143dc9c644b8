/**
 * importPefa: a PEFA dataset from a long table `year | table | line | budget | actual`, the edges
 * of its reading (headers in both languages and any order, facts above the header, rows that
 * cannot be placed, a year without a budget), and that nothing is dropped or changed.
 */
import { importPefa, type PefaImportResult } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';

const utf8 = (s: string) => new TextEncoder().encode(s);

function ok(r: PefaImportResult) {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

describe('importPefa: the table', () => {
  it('reads every table of a year, figures exactly as printed, years in the order given', async () => {
    const csv = [
      'entity,Example district',
      'unit,Ushs thousands',
      '',
      'year,table,line,budget,actual',
      '2019/20,administrative,Education,"1,204.50",1 180',
      '2019/20,administrative,Health,300,(12)',
      '2019/20,economic,Compensation of employees,900,905',
      '2019/20,contingency,,20,4',
      '2019/20,interest,,10,9.5',
      '2019/20,total,,1534.5,1490',
      '2019/20,revenue,Taxes on income,800,812',
      '2018/19,administrative,Education,1000,990',
    ].join('\n');
    const r = ok(await importPefa(utf8(csv), { fileName: 'pefa.csv' }));
    expect(r.format).toBe('csv');
    expect(r.unplaced).toEqual([]);
    expect(r.dataset).toEqual({
      kind: 'pefa',
      entity: 'Example district',
      amountUnit: 'Ushs thousands',
      years: [
        {
          year: '2019/20',
          approvedBudget: true,
          expenditure: {
            administrative: [
              { name: 'Education', budget: '1,204.50', actual: '1 180' },
              { name: 'Health', budget: '300', actual: '(12)' },
            ],
            economic: [{ name: 'Compensation of employees', budget: '900', actual: '905' }],
            contingency: { budget: '20', actual: '4' },
            interest: { budget: '10', actual: '9.5' },
            total: { budget: '1534.5', actual: '1490' },
          },
          revenue: [{ name: 'Taxes on income', budget: '800', actual: '812' }],
        },
        {
          year: '2018/19',
          approvedBudget: true,
          expenditure: { administrative: [{ name: 'Education', budget: '1000', actual: '990' }] },
        },
      ],
    });
  });

  it.each([
    ['English, another order', 'line,year,actual,budget,table', 'Health,2021,96,100,functional'],
    ['Chinese', '项目,年度,决算数,预算数,类别', 'Health,2021,96,100,功能分类'],
    [
      'with units in the headers',
      'Line,Year,Actual (Ushs),Original budget (Ushs),Classification',
      'Health,2021,96,100,Functional',
    ],
    ['outturn', 'year,table,head,approved budget,outturn', '2021,functional,Health,100,96'],
  ])('header %s', async (_label, header, row) => {
    const r = ok(await importPefa(utf8(`${header}\n${row}\n`)));
    expect(r.dataset.years).toEqual([
      {
        year: '2021',
        approvedBudget: true,
        expenditure: { functional: [{ name: 'Health', budget: '100', actual: '96' }] },
      },
    ]);
  });

  it.each([
    ['a row without a year', ',administrative,Health,1,1', 'without a year'],
    ['an unknown table', '2021,capital,Roads,1,1', '"capital" is not a table'],
    ['a list row without a name', '2021,economic,,1,1', 'without a line name'],
    ['a second contingency row', '2021,contingency,,3,3', 'a second contingency row for 2021'],
  ])('%s is unplaced with its reason, the others are read', async (_label, row, reason) => {
    const csv = `year,table,line,budget,actual\n2021,administrative,Health,100,96\n2021,contingency,,2,1\n${row}\n`;
    const r = ok(await importPefa(utf8(csv), { fileName: 'd.csv' }));
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]?.reason.en).toContain(reason);
    expect(r.unplaced[0]?.where).toContain('line 4');
    expect(r.dataset.years[0]?.expenditure.administrative).toEqual([
      { name: 'Health', budget: '100', actual: '96' },
    ]);
    expect(r.dataset.years[0]?.expenditure.contingency).toEqual({ budget: '2', actual: '1' });
  });

  it('a year in which no line prints a budget is a year without an approved budget, with a note', async () => {
    const csv =
      'year,table,line,budget,actual\n2020,administrative,Health,,96\n2021,administrative,Health,100,97\n';
    const r = ok(await importPefa(utf8(csv)));
    expect(r.dataset.years.map((y) => [y.year, y.approvedBudget])).toEqual([
      ['2020', false],
      ['2021', true],
    ]);
    expect(r.dataset.years[0]?.expenditure.administrative).toEqual([{ name: 'Health', actual: '96' }]);
    expect(r.notes.map((n) => n.reason.en)).toEqual([
      '2020: no line prints a budget, read as a year without an approved budget (approvedBudget: false)',
    ]);
  });

  it('单位：万元 in one cell is the unit; another row above the header is unplaced, not lost', async () => {
    const csv = '单位：万元\n说明文字，不是数据\n年度,类别,项目,预算数,决算数\n2021,行政,教育,10,9\n';
    const r = ok(await importPefa(utf8(csv)));
    expect(r.dataset.amountUnit).toBe('万元');
    expect(r.unplaced.map((u) => u.text)).toEqual(['说明文字，不是数据']);
  });

  it.each([
    ['no header', 'a,b,c\n1,2,3\n', 'no PEFA table was found'],
    ['a header and nothing under it', 'year,table,line,budget,actual\n', 'no row that could be read'],
    [
      'only unplaced rows',
      'year,table,line,budget,actual\n2021,capital,Roads,1,1\n',
      'no row that could be read',
    ],
    ['an empty file', '', 'the file is empty'],
  ])('refused: %s', async (_label, csv, message) => {
    const r = await importPefa(utf8(csv), { fileName: 'x.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.en).toContain(message);
      expect(r.message.zh).not.toBe('');
    }
  });

  it('a wrong argument is a TypeError, bad bytes are not', async () => {
    await expect(importPefa('year' as unknown as Uint8Array)).rejects.toThrow(TypeError);
    const r = await importPefa(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    expect(r.ok).toBe(false);
  });
});
