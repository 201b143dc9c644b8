/**
 * Issue 12, item 6: never an all-clear for nothing. A report with nothing checkable gets
 * `empty-report`; a top-level key that looks like a misspelling gets `unknown-field`; other
 * unknown keys are kept and ignored without a finding (DESIGN §3).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type Finding, type Report, validateReport } from 'outturn';
import { describe, expect, it } from 'vitest';

const KNOWN = [
  'kind',
  'title',
  'entity',
  'year',
  'amountUnit',
  'budget',
  'indicators',
  'staffing',
  'published',
  'groups',
  'goals',
  'source',
  'period',
  'fiscalYearStart',
  'project',
  'truncated',
  'years',
];

const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);
const check = (r: unknown) => validateReport(r as Report).findings;

describe('empty-report', () => {
  it.each([
    [{}, []],
    [{ Budget: [{ name: 'A', adjusted: '1', actual: '2' }], indicator: [] }, ['Budget', 'indicator']],
    [{ title: '某单位2023年度部门整体支出绩效自评报告', entity: '某单位', year: 2023 }, []],
    [{ budget: [], indicators: [] }, []],
    [{ staffing: {}, published: {} }, []],
    [{ staffing: { authorized: null, actual: null }, published: { totalScore: null } }, []],
    [{ goals: [{ expected: '完成年度工作任务', actual: '已完成' }] }, []],
    [{ currency: 'Rand', printedUnit: "R'000", notes: 'transcribed' }, ['currency', 'printedUnit', 'notes']],
  ])('%o → empty-report (ignored %o)', (report, ignored) => {
    const fs = check(report);
    const empty = fs.filter((f) => f.code === 'empty-report');
    expect(empty).toHaveLength(1);
    const [f] = empty;
    expect(f?.severity).toBe('warning');
    expect(f?.path).toEqual([]);
    expect(f?.code === 'empty-report' && f.params.ignored).toEqual(ignored);
    expect(f?.message.en).toMatch(/^nothing in this report can be checked/);
    expect(f?.message.zh).toMatch(/^报告中没有可核对的内容/);
  });

  it.each([
    [{ budget: [{ name: '预算总金额', adjusted: '321.19', actual: '321.19' }] }],
    [{ indicators: [{ name: '满意率', target: '≥95%', actual: '100%' }] }],
    [{ staffing: { authorized: 14, actual: 10 } }],
    [{ published: { totalScore: '95' } }],
    [{ published: { grade: '优' } }],
    [{ groups: [{ path: ['产出指标'], weight: '50' }] }],
  ])('%o has something to check: no empty-report', (report) => {
    expect(codes(check(report))).not.toContain('empty-report');
  });

  it('a structural problem is reported as such, without empty-report beside it', () => {
    expect(codes(check({ budget: {} }))).toEqual(['invalid-report']);
    expect(codes(check({ indicators: 'x' }))).toEqual(['invalid-report']);
  });

  it('the examples are not empty and get no unknown-field', () => {
    const dir = new URL('../examples/reports/', import.meta.url);
    const files = [
      new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url),
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => new URL(f, dir)),
    ];
    for (const file of files) {
      const fs = check(JSON.parse(readFileSync(file, 'utf8')));
      expect(codes(fs).filter((c) => c === 'empty-report' || c === 'unknown-field')).toEqual([]);
    }
  });

  const unknownKey = fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((k) => !KNOWN.includes(k) && !['__proto__', 'constructor', 'prototype'].includes(k));

  it('property: an object whose top-level keys are all unknown gets empty-report, never no findings', () => {
    fc.assert(
      fc.property(fc.dictionary(unknownKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }), (report) => {
        const fs = check(report);
        expect(fs.length).toBeGreaterThan(0);
        const empty = fs.filter((f) => f.code === 'empty-report');
        expect(empty).toHaveLength(1);
        expect(empty[0]?.code === 'empty-report' && [...empty[0].params.ignored].sort()).toEqual(
          Object.keys(report).sort(),
        );
        // Only top-level findings: unknown-field for near misses, and empty-report.
        expect(codes(fs).every((c) => c === 'unknown-field' || c === 'empty-report')).toBe(true);
      }),
    );
  });
});

describe('unknown-field', () => {
  it.each([
    ['Budget', 'budget'],
    ['BUDGET', 'budget'],
    ['budgets', 'budget'],
    ['budegt', 'budget'],
    ['indicator', 'indicators'],
    ['Indicators', 'indicators'],
    ['indicaters', 'indicators'],
    ['indicatorss', 'indicators'],
    ['amount_unit', 'amountUnit'],
    ['amountunit', 'amountUnit'],
    ['AmountUnits', 'amountUnit'],
    ['staffng', 'staffing'],
    ['publish', 'published'],
    ['Published', 'published'],
    ['group', 'groups'],
    ['goal', 'goals'],
    ['Title', 'title'],
    ['titel', 'title'],
    ['yaer', 'year'],
    ['Year', 'year'],
    ['kinds', 'kind'],
    ['entities', 'entity'],
    ['sources', 'source'],
    ['fiscalYearstart', 'fiscalYearStart'],
  ])('%s → %s', (key, nearest) => {
    const fs = check({ [key]: [], indicators: [{ name: '满意率', target: '≥95%', actual: '100%' }] });
    const f = fs.filter((x) => x.code === 'unknown-field');
    expect(f.map((x) => [x.path, x.severity, x.code === 'unknown-field' && x.params.nearest])).toEqual([
      [[key], 'warning', nearest],
    ]);
    expect(f[0]?.message.en).toContain(`did you mean "${nearest}"?`);
    expect(f[0]?.message.zh).toContain(`是否应为“${nearest}”？`);
  });

  it.each([
    'currency',
    'printedUnit',
    'notes',
    'note',
    'file',
    'id',
    'name',
    'type',
    'date',
    'url',
    'lang',
    'meta',
    'score',
    'total',
    'reasonCell',
    'staff',
    '$schema',
  ])('%s is kept and ignored without a finding', (key) => {
    const fs = check({ [key]: 'x', indicators: [{ name: '满意率', target: '≥95%', actual: '100%' }] });
    expect(fs).toEqual([]);
  });

  it('known keys are never unknown-field, whatever their content', () => {
    for (const key of KNOWN) {
      expect(codes(check({ [key]: undefined, indicators: [] }))).not.toContain('unknown-field');
    }
  });
});
