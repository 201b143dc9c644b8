/**
 * Issue 12 items 4 and 7: the notations real tables print, and the library's own outputs read
 * back as inputs. Each row: target, actual (and unit column), the status evaluateIndicator gives.
 */
import fc from 'fast-check';
import {
  compareFigures,
  evaluateIndicator,
  executionRate,
  isBelow,
  parseQuantity,
  parseTarget,
  validateReport,
} from 'outturn';
import { describe, expect, it } from 'vitest';

describe('deadlines (完成时限)', () => {
  it.each([
    ['9月前', '2023年8月', 'met'],
    ['9月前', '2023年9月', 'needs-judgement'], // by the end of September, or before it
    ['9月前', '10月完成', 'not-met'],
    ['11月前', '2023-09-30', 'met'],
    ['2023年12月底前', '2023年12月', 'met'],
    ['2023年12月底前', '2024年1月', 'not-met'],
    ['年底前', '按期完成', 'met'],
    ['年底前', '已完成', 'met'],
    ['年底前', '如期完成', 'met'],
    ['年底前', '未完成', 'not-met'],
    ['年底前', '延期', 'not-met'],
    ['年底前', '基本完成', 'needs-judgement'],
    ['6月30日前', '2023-06-30', 'met'],
    ['6月30日前', '2023-07-01', 'not-met'],
    ['6月15日前', '6月', 'needs-judgement'],
    ['12月31日前完成', '已完成', 'met'],
    ['6月30日前', '良好', 'needs-judgement'],
    ['6月30日前', '100%', 'needs-judgement'],
  ])('%j against %j is %s', (target, actual, status) => {
    const parsed = parseTarget(target);
    expect(parsed.ok && parsed.target?.kind === 'qualitative' && parsed.target.deadline).toBeTruthy();
    expect(evaluateIndicator({ target, actual }).status).toBe(status);
  });

  it('takes the report year for a side that prints none', () => {
    expect(evaluateIndicator({ target: '年底前', actual: '2024年1月' }).status).toBe('met');
    expect(evaluateIndicator({ target: '年底前', actual: '2024年1月' }, { year: 2023 }).status).toBe(
      'not-met',
    );
  });
});

describe('numbers with words, inclusion marks, two-sided ranges, English', () => {
  it.each([
    ['年度预算220万元', '220万元', null, 'met'],
    ['不低于上年', '高于上年', null, 'needs-judgement'],
    ['Target: 95%', '96%', null, 'met'],
    ['90%以上（含）', '90%', null, 'met'],
    ['5%以下（不含）', '5%', null, 'not-met'],
    ['≥90%(含90%)', '90%', null, 'met'],
    ['[90%,110%]', '110%', null, 'met'],
    ['(90%,110%)', '110%', null, 'not-met'],
    ['90%≤x≤110%', '95%', null, 'met'],
    ['≥90%且≤110%', '111%', null, 'not-met'],
    ['不到5%', '5%', null, 'not-met'],
    ['提高5个百分点', '6个百分点', null, 'met'],
    ['at least 95%', '95%', null, 'met'],
    ['greater than 10', '10', null, 'not-met'],
    ['more than 10', '11', null, 'met'],
    ['300 or more', '300', null, 'met'],
    ['not less than 80%', '79%', null, 'not-met'],
    ['no more than 5', '5', null, 'met'],
    ['at most 5', '6', null, 'not-met'],
    ['less than 3', '2', null, 'met'],
    ['between 80 and 90 per cent', '85%', null, 'met'],
    ['95 per cent', '95 per cent', null, 'met'],
    ['377 from FY 2006 funding', '377', null, 'met'],
    ['≥90%', '.', null, 'not-reported'],
    ['≥90%', 'N/A', null, 'not-reported'],
    ['≥90', '95', '%(百分比)', 'met'],
    ['≥90', '95', '百分比', 'met'],
    ['≥5', '6', '个百分点', 'met'],
  ] as const)('%j against %j (unit %j) is %s', (target, actual, unit, status) => {
    expect(parseTarget(target, { unit }).ok).toBe(true);
    expect(evaluateIndicator({ target, actual, unit }).status).toBe(status);
  });

  it('keeps the words around the number', () => {
    expect(parseTarget('年度预算220万元')).toMatchObject({ target: { words: '年度预算', implicit: true } });
    expect(parseTarget('377 from FY 2006 funding')).toMatchObject({
      target: { words: 'from FY 2006 funding', value: { value: '377' } },
    });
  });

  it('never compares a change in 个百分点 with a level in %', () => {
    expect(evaluateIndicator({ target: '提高5个百分点', actual: '85%' }).status).not.toBe('met');
  });

  it.each(['约90%', '≥abc1', '\r@A1'])('%j stays unreadable', (text) => {
    expect(parseTarget(text).ok).toBe(false);
  });
});

describe('money with a currency or a scale', () => {
  it.each([
    ['¥1,000.00', '1000.00', '元'],
    ['RMB 1,000', '1000', '元'],
    ['$1.5 million', '1.5', null],
  ] as const)('%j reads as %s', (text, value, unit) => {
    const r = parseQuantity(text);
    expect(r.ok && r.quantity?.value).toBe(value);
    if (unit !== null) expect(compareFigures(text, `${value}${unit}`)).toBe(0);
  });

  it("converts R'000, US$ millions and Ushs thousands with their own currency only", () => {
    expect(
      executionRate({ adjusted: 'R 2 000 000', actual: '1 500' }, { amountUnit: "R'000" }),
    ).toMatchObject({
      ok: true,
      printed: '75.00%',
    });
    expect(executionRate({ adjusted: '$2 000', actual: '1 500' }, { amountUnit: "R'000" }).ok).toBe(false);
    expect(
      executionRate({ adjusted: '2', actual: '$1.5 million' }, { amountUnit: '$ millions' }),
    ).toMatchObject({
      ok: true,
      printed: '75.00%',
    });
    expect(
      executionRate({ adjusted: '2 000', actual: 'Ushs 1,500,000' }, { amountUnit: 'Ushs thousands' }),
    ).toMatchObject({
      ok: true,
      printed: '75.00%',
    });
    expect(executionRate({ adjusted: '2', actual: '1' }, { amountUnit: 'tonnes of grain' }).ok).toBe(true);
  });

  it('refuses 1.2e3 with its reason, and says 100余 is not exact', () => {
    const e = parseQuantity('1.2e3');
    expect(e.ok ? '' : e.message.en).toContain('exponent notation');
    const r = executionRate({ adjusted: '100余', actual: '90' });
    expect(r.ok ? '' : r.message.en).toContain('not an exact amount');
  });
});

describe('round trip (item 7)', () => {
  it('reads the 50-digit exact of executionRate back as an actual', () => {
    const r = executionRate({ adjusted: '57.21', actual: '49.54' });
    if (!r.ok) throw new Error('no rate');
    expect(evaluateIndicator({ target: '≥90%', actual: `${r.exact}%` }).status).toBe('not-met');
    expect(compareFigures(r.exact, '90%')).toBe(-1);
    expect(isBelow(r.exact, '90%')).toBe(true);
    expect(isBelow('89.995', '90%')).toBe(true);
    expect(isBelow('5次', '90%')).toBeNull();
  });

  const amount = fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
    .map(([n, d]) => {
      const s = n.toString().padStart(d + 1, '0');
      return d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`;
    });

  it('any exact rate fed back as an actual gets the status its exact comparison gives', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 50, max: 150 }), (adjusted, actual, t) => {
        const r = executionRate({ adjusted, actual });
        if (!r.ok) return;
        const status = evaluateIndicator({ target: `≥${t}%`, actual: `${r.exact}%` }).status;
        expect(status).toBe(isBelow(r.exact, `${t}%`) ? 'not-met' : 'met');
      }),
      { numRuns: 500 },
    );
  });
});

describe('real examples', () => {
  it("the South African tables in R'000 read their amounts", () => {
    const cogta = validateReport({
      amountUnit: "R'000",
      budget: [
        { name: 'Total', adjusted: '562 282', actual: '495 781', published: { executionRate: '88.2%' } },
      ],
    });
    expect(cogta.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('decimal comma (South African and European tables: 53,6 and 99,5%)', () => {
  it.each<[string, string | null]>([
    ['53,6', '53.6'],
    ['99,5%', '99.5'],
    ['12,34', '12.34'],
    ['1,5亿元', '1.5'],
    // Groups of three digits stay thousands separators; a number cannot have both.
    ['1,234', '1234'],
    ['2,651,586', '2651586'],
    ['1,234,5', null],
    ['1,2,3', null],
  ])('%s → %s', (text, value) => {
    const q = parseQuantity(text);
    expect(q.ok && q.quantity ? q.quantity.value : null).toBe(value);
  });
});
