import {
  COMMON_INDICATOR_NAMES,
  type CommonIndicatorId,
  carryoverRate,
  commonIndicatorOf,
  staffControlRate,
} from 'outturn';
import { describe, expect, it } from 'vitest';

describe('commonIndicatorOf', () => {
  it.each([
    ['预算执行率', 'execution-rate'],
    ['部门预算执行率', 'execution-rate'],
    ['预算 执行率', 'execution-rate'],
    ['预算\u3000执行率', 'execution-rate'],
    ['“预算执行率”', 'execution-rate'],
    ['"预算执行率"', 'execution-rate'],
    ['＂预算执行率＂', 'execution-rate'],
    ['預算執行率', 'execution-rate'],
    [' 预算执行率 ', 'execution-rate'],
    ['预算调整率', 'adjustment-rate'],
    ['預算調整率', 'adjustment-rate'],
    ['在职人员控制率', 'staff-control-rate'],
    [' 在职人员 控制率', 'staff-control-rate'],
    ['在職人員控制率', 'staff-control-rate'],
    ['结转结余率', 'carryover-rate'],
    ['結轉結餘率', 'carryover-rate'],
  ] as const)('%j is %s', (name, id) => {
    expect(commonIndicatorOf(name)).toBe(id);
  });

  it.each(['满意率', '预算执行率情况', '支付进度符合率', '政府采购执行率', '', '执行率'])(
    '%j is none',
    (name) => {
      expect(commonIndicatorOf(name)).toBeNull();
    },
  );

  it('knows every listed name and alias', () => {
    for (const [id, names] of Object.entries(COMMON_INDICATOR_NAMES) as [
      CommonIndicatorId,
      readonly string[],
    ][]) {
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(commonIndicatorOf(n)).toBe(id);
    }
  });
});

describe('staffControlRate (在职人员数 ÷ 编制数 × 100%)', () => {
  it('gives 71.43% for the reference report (编制 14, 实际 10)', () => {
    expect(staffControlRate({ authorized: 14, actual: 10 })).toEqual({
      ok: true,
      exact: '71.428571428571428571428571428571428571428571428571',
      printed: '71.43%',
    });
    expect(staffControlRate({ authorized: '14', actual: '10' })).toMatchObject({
      ok: true,
      printed: '71.43%',
    });
    expect(staffControlRate({ authorized: '14名', actual: '10人' })).toMatchObject({
      ok: true,
      printed: '71.43%',
    });
  });

  it.each([
    [10, 10, '100.00%'],
    [3, 2, '66.67%'],
    [8, 9, '112.50%'],
    [200, 1, '0.50%'],
  ])('%i posts, %i staff → %s', (authorized, actual, printed) => {
    expect(staffControlRate({ authorized, actual })).toMatchObject({ ok: true, printed });
  });

  it('has no rate without authorised posts', () => {
    expect(staffControlRate({ authorized: 0, actual: 3 })).toMatchObject({
      ok: false,
      code: 'rate-undefined',
    });
  });

  it('says what is missing or unreadable', () => {
    expect(staffControlRate({ actual: 3 })).toMatchObject({ ok: false, code: 'missing-value' });
    expect(staffControlRate({ authorized: '/', actual: 3 })).toMatchObject({
      ok: false,
      code: 'missing-value',
    });
    expect(staffControlRate({ authorized: 14, actual: null })).toMatchObject({
      ok: false,
      code: 'missing-value',
    });
    expect(staffControlRate({ authorized: 'abc', actual: 3 })).toMatchObject({
      ok: false,
      code: 'unparsable-value',
    });
  });

  it('throws TypeError for a non-object', () => {
    expect(() => staffControlRate(null as unknown as { authorized: number })).toThrow(TypeError);
  });
});

describe('carryoverRate (年末结转结余 ÷ 调整预算数, or ÷ 实际支出数)', () => {
  it('over the budget by default', () => {
    expect(carryoverRate({ carryover: '12.5', adjusted: '250' })).toEqual({
      ok: true,
      exact: '5',
      printed: '5.00%',
    });
    expect(carryoverRate({ carryover: '0', adjusted: '321.19' })).toMatchObject({
      ok: true,
      printed: '0.00%',
    });
  });

  it('over the actual spending with basis "actual"', () => {
    expect(
      carryoverRate({ carryover: '12.5', adjusted: '250', actual: '200', basis: 'actual' }),
    ).toMatchObject({
      ok: true,
      printed: '6.25%',
    });
    expect(carryoverRate({ carryover: '12.5', adjusted: '250', basis: 'actual' })).toMatchObject({
      ok: false,
      code: 'missing-value',
    });
  });

  it('has no rate over zero, and says what is missing', () => {
    expect(carryoverRate({ carryover: '1', adjusted: '0' })).toMatchObject({
      ok: false,
      code: 'rate-undefined',
    });
    expect(carryoverRate({ adjusted: '10' })).toMatchObject({ ok: false, code: 'missing-value' });
    expect(carryoverRate({ carryover: 'x1', adjusted: '10' })).toMatchObject({
      ok: false,
      code: 'unparsable-value',
    });
  });
});
