/**
 * assessPefa on real budget-and-outturn tables: Uganda's Local Government Quarterly Performance
 * Reports, Quarter 4 ("Summary: Overview of Revenues and Expenditures", amounts in Ushs
 * thousands), transcribed in examples/pefa/ (each file with its source URLs and dates;
 * retrieved 2026-12-02):
 * - Mukono District (Vote 542), FY 2017/18–2019/20: https://docslib.org/doc/9915896,
 *   https://docslib.org/doc/8881299, https://docslib.org/doc/10995866;
 * - Kabarole District (Vote 513), FY 2017/18–2018/19: https://docslib.org/doc/10743646,
 *   https://docslib.org/doc/388815.
 * These are the governments' own reports, not PEFA assessments: no PEFA score is printed. What
 * they print, and what is compared here, is each line's "% Budget Spent" / "% of Budget
 * Received", the Grand Total's "% Budget Spent" (PI-1's ratio) and the total "% of Budget
 * Received" (3.1's ratio), at 0 decimals. Every figure below was also recomputed by hand with
 * exact fractions (python `fractions`), independently of outturn.
 */
import { readFileSync } from 'node:fs';
import { aggregateOutturn, assessPefa, type PefaDataset } from 'outturn';
import { describe, expect, it } from 'vitest';

const load = (name: string): PefaDataset =>
  JSON.parse(readFileSync(new URL(`../examples/pefa/${name}`, import.meta.url), 'utf8')) as PefaDataset;

const MUKONO = load('ug-mukono-district-2017-18-to-2019-20.json');
const KABAROLE = load('ug-kabarole-district-2017-18-to-2018-19.json');

interface PrintedLine {
  readonly name: string;
  readonly budget: string;
  readonly actual: string;
  readonly published?: { readonly percentBudgetSpent?: string; readonly percentBudgetReceived?: string };
}

describe('Mukono District, FY 2017/18–2019/20', () => {
  const a = assessPefa(MUKONO);

  it('PI-1: 99.5%, 95.8%, 98.5% → A; the printed Grand Total 99% (2017/18) agrees', () => {
    expect(a.years).toEqual(['2017/18', '2018/19', '2019/20']);
    expect(a['PI-1'].years.map((y) => y.outturn)).toEqual(['99.5%', '95.8%', '98.5%']);
    expect(a['PI-1'].years[0]).toMatchObject({ budget: '36465886', actual: '36271164' });
    expect(a['PI-1'].score).toBe('A');
    const printed = assessPefa(MUKONO, { decimals: 0 })['PI-1'].years[0]?.outturn;
    expect(printed).toBe('99%');
  });

  it('the printed Grand Total differs from its 12 lines only by their rounding (1 and 2 thousand)', () => {
    const totals = a.findings.filter((f) => f.code === 'rounding-difference');
    expect(totals.map((f) => [f.path.join('.'), f.published, f.recomputed])).toEqual([
      ['years.0.expenditure.total.budget', '36,465,886', '36465885'],
      ['years.0.expenditure.total.actual', '36,271,164', '36271166'],
    ]);
    expect(a.summary.error).toBe(0);
  });

  it('2.1 by workplan: 2.9%, 4.5%, 4.8% → A; 2.2 not printed (D*); no contingency vote (A); PI-2 D+', () => {
    const d = a['PI-2'].dimensions;
    expect(d['2.1'].years.map((y) => y.variance)).toEqual(['2.9%', '4.5%', '4.8%']);
    expect(d['2.1'].score).toBe('A');
    expect(d['2.1'].years[2]?.lines).toHaveLength(13);
    expect(d['2.2'].score).toBe('D*');
    expect(d['2.3'].score).toBe('A');
    expect(a['PI-2'].score).toBe('D+');
  });

  it('PI-3: 3.1 99.5%, 97.9%, 99.8% → A (printed 99%, 98%, 100%); 3.2 5.5%, 3.7%, 13.2% → B; M2 → B+', () => {
    const d = a['PI-3'].dimensions;
    expect(d['3.1'].years.map((y) => y.outturn)).toEqual(['99.5%', '97.9%', '99.8%']);
    expect(assessPefa(MUKONO, { decimals: 0 })['PI-3'].dimensions['3.1'].years.map((y) => y.outturn)).toEqual(
      ['99%', '98%', '100%'],
    );
    expect(d['3.1'].score).toBe('A');
    expect(d['3.2'].years.map((y) => y.variance)).toEqual(['5.5%', '3.7%', '13.2%']);
    expect(d['3.2'].score).toBe('B');
    expect(a['PI-3'].score).toBe('B+');
  });

  it('every printed line percentage is the outturn ratio at 0 decimals, but one the rounding of the thousands explains', () => {
    const off: string[] = [];
    for (const y of MUKONO.years) {
      const lines = [
        ...((y.expenditure?.administrative ?? []) as readonly PrintedLine[]).map(
          (l) => [l, l.published?.percentBudgetSpent] as const,
        ),
        ...((y.revenue ?? []) as readonly PrintedLine[]).map(
          (l) => [l, l.published?.percentBudgetReceived] as const,
        ),
      ];
      for (const [l, printed] of lines) {
        if (printed === undefined || printed === null) continue;
        const r = aggregateOutturn(l.budget, l.actual, { decimals: 0 });
        if (!r.ok || r.printed !== printed)
          off.push(`${y.year} ${l.name} ${r.ok ? r.printed : r.code} ≠ ${printed}`);
      }
    }
    // Locally Raised Revenues 2019/20: 1,353,242 ÷ 2,165,188 = 62.49998% from the printed thousands …
    expect(off).toEqual(['2019/20 Locally Raised Revenues 62% ≠ 63%']);
    // … and 63% from amounts that round to them (the report computes from unrounded shillings).
    expect(aggregateOutturn('2165187.5', '1353242.5', { decimals: 0 })).toMatchObject({ printed: '63%' });
  });
});

describe('Kabarole District, FY 2017/18–2018/19: two years only', () => {
  const a = assessPefa(KABAROLE);

  it('every dimension is D* (insufficient information), and the figures are still computed', () => {
    expect(a.years).toEqual(['2017/18', '2018/19']);
    expect(a['PI-1'].score).toBe('D*');
    expect(a['PI-1'].years.map((y) => y.outturn)).toEqual(['98.1%', '99.8%']);
    expect(a['PI-2'].dimensions['2.1'].years.map((y) => y.variance)).toEqual(['8.3%', '4.7%']);
    expect(a['PI-3'].dimensions['3.1'].years.map((y) => y.outturn)).toEqual(['100.3%', '103.1%']);
    expect(a['PI-2'].score).toBe('D');
    expect(a['PI-3'].score).toBe('D');
    expect(a.findings.filter((f) => f.code === 'pefa-insufficient-years').map((f) => f.params)).toEqual([
      { dimension: null, count: 2 },
    ]);
  });

  it('the printed total % of budget received, 100% and 103%, agrees', () => {
    expect(
      assessPefa(KABAROLE, { decimals: 0 })['PI-3'].dimensions['3.1'].years.map((y) => y.outturn),
    ).toEqual(['100%', '103%']);
  });
});
