/**
 * 序时进度 (time progress): months elapsed ÷ 12, or days elapsed ÷ days of the fiscal year, with
 * leap years and fiscal years that start in April, July or October (issue 14 §1).
 */
import fc from 'fast-check';
import { type TimeProgressOptions, timeProgress } from 'outturn';
import { describe, expect, it } from 'vitest';

const value = (r: ReturnType<typeof timeProgress>) => (r.ok ? r.value : r.code);

describe('timeProgress, months elapsed ÷ 12 (the default)', () => {
  it.each([
    [0, '0.00%', '0'],
    [1, '8.33%', '8.3333333333333333333333333333333333333333333333333'],
    [3, '25.00%', '25'],
    [6, '50.00%', '50'],
    [9, '75.00%', '75'],
    [11, '91.67%', '91.666666666666666666666666666666666666666666666667'],
    [12, '100.00%', '100'],
  ])('{ months: %i } → %s', (months, printed, exact) => {
    expect(timeProgress({ months })).toEqual({
      ok: true,
      value: printed,
      exact,
      convention: 'months',
      elapsed: months,
      total: 12,
    });
  });

  it.each([[13], [-1], [6.5], ['6月'], ['']])('{ months: %o } is no period: invalid-period', (months) => {
    const r = timeProgress({ months });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('invalid-period');
    expect(!r.ok && r.message.zh).toMatch(/月数/);
  });

  it('a month count printed as a string of digits reads as one', () => {
    expect(value(timeProgress({ months: '6' }))).toBe('50.00%');
  });

  it.each([
    ['2019-06-30', '50.00%', 6],
    ['2019-06-29', '41.67%', 5],
    ['2019-07-01', '50.00%', 6],
    ['2019-01-01', '0.00%', 0],
    ['2019-01-31', '8.33%', 1],
    ['2019-12-31', '100.00%', 12],
    ['2020-02-29', '16.67%', 2],
  ])('{ through: %s } completes %s of the year (%i months)', (through, printed, months) => {
    const r = timeProgress({ through });
    expect(r.ok && [r.value, r.elapsed]).toEqual([printed, months]);
  });

  it.each([
    ['04-01', '2019-09-30', '50.00%'],
    ['04-01', '2020-03-31', '100.00%'],
    ['07-01', '2019-12-31', '50.00%'],
    ['07-01', '2020-06-30', '100.00%'],
    ['10-01', '2020-03-31', '50.00%'],
    ['10-01', '2019-12-31', '25.00%'],
  ])('fiscal year from %s: through %s → %s', (fiscalYearStart, through, printed) => {
    expect(value(timeProgress({ through }, { fiscalYearStart }))).toBe(printed);
  });
});

describe('timeProgress, days elapsed ÷ days of the fiscal year', () => {
  const days = (through: string, o: TimeProgressOptions = {}) =>
    timeProgress({ through }, { convention: 'days', ...o });

  it.each([
    // [through, fiscal year start, elapsed, total, printed]
    ['2019-06-30', '01-01', 181, 365, '49.59%'],
    ['2020-06-30', '01-01', 182, 366, '49.73%'],
    ['2019-01-01', '01-01', 1, 365, '0.27%'],
    ['2019-12-31', '01-01', 365, 365, '100.00%'],
    ['2020-12-31', '01-01', 366, 366, '100.00%'],
    ['2000-02-29', '01-01', 60, 366, '16.39%'], // 2000 is a leap year (divisible by 400)
    ['2100-12-31', '01-01', 365, 365, '100.00%'], // 2100 is not (divisible by 100)
    ['2019-09-30', '04-01', 183, 366, '50.00%'], // 2019/20 holds 29 February 2020
    ['2020-09-30', '04-01', 183, 365, '50.14%'], // 2020/21 does not
    ['2019-12-31', '07-01', 184, 366, '50.27%'],
    ['2020-03-31', '10-01', 183, 366, '50.00%'],
    ['2021-03-31', '10-01', 182, 365, '49.86%'],
  ])('through %s, year from %s: %i / %i days = %s', (through, fiscalYearStart, elapsed, total, printed) => {
    const r = days(through, { fiscalYearStart });
    expect(r.ok && [r.elapsed, r.total, r.value, r.convention]).toEqual([elapsed, total, printed, 'days']);
  });

  it('{ months } under days counts the days of those months, and needs the year', () => {
    const r = timeProgress({ months: 2 }, { convention: 'days', year: 2020 });
    expect(r.ok && [r.elapsed, r.total, r.value]).toEqual([60, 366, '16.39%']);
    const six = timeProgress({ months: 6 }, { convention: 'days', year: 2019 });
    expect(six.ok && [six.elapsed, six.total, six.value]).toEqual([181, 365, '49.59%']);
    const zero = timeProgress({ months: 0 }, { convention: 'days', year: 2019 });
    expect(zero.ok && [zero.elapsed, zero.value]).toEqual([0, '0.00%']);
    const r2 = timeProgress({ months: 6 }, { convention: 'days' });
    expect(!r2.ok && r2.code).toBe('year-required');
  });

  it('decimals and rounding are options; the exact value is kept whole', () => {
    const r = days('2019-06-30', { decimals: 4 });
    expect(r.ok && r.value).toBe('49.5890%');
    expect(r.ok && r.exact.startsWith('49.58904109589041095890410958904')).toBe(true);
    expect(value(days('2019-06-30', { decimals: 1, rounding: 'truncate' }))).toBe('49.5%');
  });
});

describe('timeProgress: dates outside the fiscal year and bad data are results, not throws', () => {
  it.each([
    ['2020-06-30', {}, 'outside-fiscal-year'],
    ['2018-12-31', {}, 'outside-fiscal-year'],
    ['2019-03-31', { fiscalYearStart: '04-01' }, 'outside-fiscal-year'],
    ['2020-04-01', { fiscalYearStart: '04-01' }, 'outside-fiscal-year'],
    ['2019-02-29', {}, 'invalid-period'],
    ['2019-6-30', {}, 'invalid-period'],
    ['2019-13-01', {}, 'invalid-period'],
    ['2019-06-30', { fiscalYearStart: '02-29' }, 'invalid-fiscal-year-start'],
    ['2019-06-30', { fiscalYearStart: '13-01' }, 'invalid-fiscal-year-start'],
    ['2019-06-30', { fiscalYearStart: '4-1' }, 'invalid-fiscal-year-start'],
  ] as const)('through %s %o with year 2019 → %s', (through, o, code) => {
    const r = timeProgress({ through }, { year: 2019, ...o });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe(code);
    expect(!r.ok && r.message.en.length > 0 && r.message.zh.length > 0).toBe(true);
  });

  it('inside the year of `year` the date is fine: the last day of 2019/20 is 2020-03-31', () => {
    expect(value(timeProgress({ through: '2020-03-31' }, { year: 2019, fiscalYearStart: '04-01' }))).toBe(
      '100.00%',
    );
  });

  it('a period with both months and through, or neither, is no period', () => {
    expect(value(timeProgress({ months: 6, through: '2019-06-30' }))).toBe('invalid-period');
    expect(value(timeProgress({}))).toBe('invalid-period');
  });

  it('wrong argument types are programmer errors', () => {
    expect(() => timeProgress(null as never)).toThrow(TypeError);
    expect(() => timeProgress('6' as never)).toThrow(/period must be an object/);
    expect(() => timeProgress({ months: 6 }, { convention: 'weeks' as never })).toThrow(/convention/);
    expect(() => timeProgress({ months: 6 }, { year: 19.5 })).toThrow(/year/);
    expect(() => timeProgress({ months: 6 }, { fiscalYearStart: 401 as never })).toThrow(/fiscalYearStart/);
  });

  it('does not mutate the period', () => {
    const period = Object.freeze({ through: '2019-06-30' });
    timeProgress(period, Object.freeze({ convention: 'days' as const }));
    expect(period).toEqual({ through: '2019-06-30' });
  });
});

describe('timeProgress, laws', () => {
  /** A day of 2016–2023 as YYYY-MM-DD (the fiscal year of January). */
  const dayOf = (n: number) => {
    const d = new Date(Date.UTC(2016, 0, 1) + n * 86_400_000);
    return d.toISOString().slice(0, 10);
  };

  it('property: within a fiscal year, time progress never decreases from day to day, under either convention', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2920 }), fc.constantFrom('months', 'days'), (n, convention) => {
        const a = timeProgress({ through: dayOf(n) }, { convention });
        const b = timeProgress({ through: dayOf(n + 1) }, { convention });
        if (!a.ok || !b.ok) return false;
        const sameYear = dayOf(n).slice(0, 4) === dayOf(n + 1).slice(0, 4);
        return !sameYear || Number(a.exact) <= Number(b.exact);
      }),
    );
  });

  it('property: the last day of every month gives exactly months ÷ 12, and days agree within one month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2100 }), (m, y) => {
        const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        const months = timeProgress({ through: last });
        const days = timeProgress({ through: last }, { convention: 'days' });
        if (!months.ok || !days.ok) return false;
        return months.elapsed === m && Math.abs(Number(months.exact) - Number(days.exact)) < 100 / 12;
      }),
    );
  });
});
