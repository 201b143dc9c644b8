import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Finding, Report } from 'outturn';
import { type ParseReportResult, parseReport, reportSchema } from 'outturn/schema';
import { describe, expect, expectTypeOf, it } from 'vitest';

const EXAMPLE = new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const departmentReport = {
  kind: 'department',
  title: '部门整体支出绩效自评报告',
  entity: '苏州市商务服务中心',
  year: 2023,
  amountUnit: '万元',
  budget: [
    {
      name: '预算总金额',
      initial: '321.19',
      adjustment: '0',
      adjusted: '321.19',
      actual: '430.93',
      published: { executionRate: '134.17%' },
      children: [
        { name: '基本支出', initial: 263.98, adjusted: 263.98, actual: 381.39 },
        {
          name: '项目支出',
          initial: '57.21',
          adjusted: '57.21',
          actual: '49.54',
          published: { executionRate: '86.59%', score: null, variance: '(7 379)' },
          children: [{ name: '党团活动经费', initial: '1.2', adjusted: '1.2', actual: '0.15' }],
        },
      ],
    },
    { name: '2022 年度', initial: 300, adjusted: 300, actual: 290 },
  ],
  indicators: [
    {
      path: ['分解目标', '过程'],
      name: '预算执行率',
      target: '=100%',
      actual: '93.74%',
      source: '2023年度部门决算',
      reason: '',
      published: { deviation: '-6.26%' },
    },
    { name: '中长期规划制定健全性', target: '健全', actual: '健全', reason: null },
  ],
  staffing: { authorized: 14, actual: 10 },
};

const projectReport = {
  kind: 'project',
  title: '项目支出绩效自评表',
  year: 2023,
  amountUnit: '元',
  budget: [{ name: '项目资金', initial: 100000, adjusted: '100,000', actual: 98000.5, weight: '10' }],
  indicators: [
    {
      path: ['产出指标', '数量指标'],
      name: '培训人次',
      target: { operator: '≥', value: '95' },
      actual: '100',
      unit: '人次',
      weight: 20,
      published: { deviation: '5.26%', score: '20' },
    },
    { name: '满意度', target: 90, actual: 92.5, unit: '%', weight: '10' },
    { name: '投诉率', target: { operator: '≤', value: 1 }, actual: null, unit: null },
  ],
  published: { totalScore: '95.5', grade: '优' },
};

function expectOk(result: ParseReportResult): Report {
  expect(result.findings).toEqual([]);
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error('unreachable');
  return result.report;
}

function expectFindings(json: unknown): Finding[] {
  const result = parseReport(json);
  expect(result.ok).toBe(false);
  expect(result.report).toBeNull();
  expect(result.findings.length).toBeGreaterThan(0);
  for (const f of result.findings) {
    expect(f.code).toBe('invalid-report');
    expect(f.severity).toBe('error');
  }
  return result.findings;
}

function paths(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => f.path);
}

/** A report with exactly one indicator whose `target` is `target` (and a valid name). */
function withIndicators(...indicators: unknown[]): unknown {
  return { kind: 'project', indicators };
}

const ZOD_WORDING = /invalid input|invalid option|too big|too small|expected .* received|received|zod/i;

describe('reportSchema', () => {
  it('has an output type assignable to Report', () => {
    expectTypeOf<ReturnType<typeof reportSchema.parse>>().toExtend<Report>();
  });

  it('accepts the department report directly', () => {
    expect(reportSchema.safeParse(departmentReport).success).toBe(true);
    expect(reportSchema.safeParse({ year: 2023.5 }).success).toBe(false);
  });
});

describe('parseReport: valid reports', () => {
  it('accepts a department report with several budget roots, strings and numbers', () => {
    const report = expectOk(parseReport(departmentReport));
    expect(report).toEqual(departmentReport);
    expect(report.budget).toHaveLength(2);
    expect(report.budget?.[0]?.children?.[1]?.children?.[0]?.name).toBe('党团活动经费');
    expect(report.budget?.[0]?.children?.[0]?.actual).toBe(381.39);
    expect(report.staffing).toEqual({ authorized: 14, actual: 10 });
  });

  it('accepts a project report with target cells, unit, weights, scores and null figures', () => {
    const report = expectOk(parseReport(projectReport));
    expect(report).toEqual(projectReport);
    expect(report.indicators?.[0]?.target).toEqual({ operator: '≥', value: '95' });
    expect(report.indicators?.[0]?.unit).toBe('人次');
    expect(report.indicators?.[2]?.actual).toBeNull();
    expect(report.published).toEqual({ totalScore: '95.5', grade: '优' });
  });

  it('accepts an empty object (every field is optional at the top level)', () => {
    expect(expectOk(parseReport({}))).toEqual({});
  });

  it('keeps unknown fields at every level', () => {
    const json = {
      kind: 'project',
      source: 'PDF p. 3',
      extra: { nested: [1, 'two', null, { deep: true }] },
      budget: [
        { name: 'A', column7: '备注', published: { note: 'x' }, children: [{ name: 'B', flag: false }] },
      ],
      indicators: [{ name: 'I', target: { operator: '≥', value: '1', column: 'C' }, remark: '说明' }],
      staffing: { authorized: 14, retired: 3 },
      published: { totalScore: 90, grade: '优', rank: 1 },
    };
    const report = expectOk(parseReport(json));
    expect(report).toEqual(json);
    expect(report.source).toBe('PDF p. 3');
    expect(report.extra).toEqual({ nested: [1, 'two', null, { deep: true }] });
    expect(report.budget?.[0]?.column7).toBe('备注');
    expect(report.budget?.[0]?.published?.note).toBe('x');
    expect(report.budget?.[0]?.children?.[0]?.flag).toBe(false);
    expect(report.indicators?.[0]?.remark).toBe('说明');
    expect(report.indicators?.[0]?.target).toEqual({ operator: '≥', value: '1', column: 'C' });
    expect(report.staffing?.retired).toBe(3);
    expect(report.published?.rank).toBe(1);
  });

  it('returns a fresh deep copy that shares nothing with the input', () => {
    const json = JSON.parse(JSON.stringify(projectReport));
    const before = JSON.stringify(json);
    const report = expectOk(parseReport(json));
    expect(report).not.toBe(json);
    expect(report.indicators).not.toBe(json.indicators);
    expect(report.indicators?.[0]).not.toBe(json.indicators[0]);
    expect(report.indicators?.[0]?.target).not.toBe(json.indicators[0].target);
    expect(report.published).not.toBe(json.published);
    expect(JSON.stringify(json)).toBe(before);
  });

  it('works on deep-frozen input', () => {
    const json = deepFreeze(JSON.parse(JSON.stringify(departmentReport)));
    expect(Object.isFrozen(json.budget[0].children[1].children[0])).toBe(true);
    expect(expectOk(parseReport(json))).toEqual(departmentReport);
    const bad = deepFreeze({ indicators: [{ target: 1 }] });
    expect(paths(expectFindings(bad))).toEqual([['indicators', 0, 'name']]);
  });

  it('treats keys whose value is undefined as absent, as JSON.stringify does', () => {
    expect(
      expectOk(parseReport({ title: undefined, indicators: [{ name: 'a', target: '1', unit: undefined }] })),
    ).toEqual({ indicators: [{ name: 'a', target: '1' }] });
  });

  // The example is committed: a missing file fails this test instead of skipping it.
  it('parses the reference example with no findings', () => {
    const json: unknown = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const result = parseReport(json);
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('parseReport: structural errors', () => {
  it('reports a missing indicator name', () => {
    const findings = expectFindings(withIndicators({ target: '≥90%' }));
    expect(paths(findings)).toEqual([['indicators', 0, 'name']]);
    expect(findings[0]?.message.en).toContain('required');
    expect(findings[0]?.message.zh).toContain('缺少必填字段');
  });

  it('gives the findings of the parseReport JSDoc example', () => {
    expect(parseReport({ indicators: [{ target: true }] })).toEqual({
      ok: false,
      report: null,
      findings: [
        {
          code: 'invalid-report',
          severity: 'error',
          path: ['indicators', 0, 'name'],
          message: {
            en: '`indicators[0].name` is required but missing.',
            zh: '缺少必填字段 `indicators[0].name`。',
          },
          params: {
            detail: {
              en: '`indicators[0].name` is required but missing.',
              zh: '缺少必填字段 `indicators[0].name`。',
            },
          },
        },
        {
          code: 'invalid-report',
          severity: 'error',
          path: ['indicators', 0, 'target'],
          message: {
            en: '`indicators[0].target` must be a string, a finite number or an object, not a boolean (true).',
            zh: '`indicators[0].target` 应为字符串、有限数值或对象，实际为布尔值 true。',
          },
          params: {
            detail: {
              en: '`indicators[0].target` must be a string, a finite number or an object, not a boolean (true).',
              zh: '`indicators[0].target` 应为字符串、有限数值或对象，实际为布尔值 true。',
            },
          },
        },
      ],
    });
  });

  it('reports a missing target', () => {
    expect(paths(expectFindings(withIndicators({ name: 'a' })))).toEqual([['indicators', 0, 'target']]);
  });

  it('reports a target of the wrong type at the target', () => {
    const ok = { name: 'a', target: '1' };
    const findings = expectFindings(withIndicators(ok, ok, ok, { name: 'd', target: true }));
    expect(paths(findings)).toEqual([['indicators', 3, 'target']]);
    expect(findings[0]?.message.en).toBe(
      '`indicators[3].target` must be a string, a finite number or an object, not a boolean (true).',
    );
    expect(findings[0]?.message.zh).toBe(
      '`indicators[3].target` 应为字符串、有限数值或对象，实际为布尔值 true。',
    );
  });

  it('reports target cells at the faulty cell', () => {
    const findings = expectFindings(
      withIndicators(
        { name: 'a', target: { operator: 1, value: '95' } },
        { name: 'b', target: { value: '95' } },
        { name: 'c', target: { operator: '≥', value: null } },
      ),
    );
    expect(paths(findings)).toEqual([
      ['indicators', 0, 'target', 'operator'],
      ['indicators', 1, 'target', 'operator'],
      ['indicators', 2, 'target', 'value'],
    ]);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('rejects %s as a figure, at the path of that field', (text, value) => {
    const cases: [unknown, (string | number)[]][] = [
      [withIndicators({ name: 'a', target: '1', actual: value }), ['indicators', 0, 'actual']],
      [withIndicators({ name: 'a', target: value }), ['indicators', 0, 'target']],
      [withIndicators({ name: 'a', target: { operator: '≥', value } }), ['indicators', 0, 'target', 'value']],
      [
        { budget: [{ name: 'b', children: [{ name: 'c', actual: value }] }] },
        ['budget', 0, 'children', 0, 'actual'],
      ],
      [
        { budget: [{ name: 'b', published: { executionRate: value } }] },
        ['budget', 0, 'published', 'executionRate'],
      ],
      [{ staffing: { authorized: value } }, ['staffing', 'authorized']],
      [{ published: { totalScore: value } }, ['published', 'totalScore']],
      [{ year: value }, ['year']],
    ];
    for (const [json, path] of cases) {
      const findings = expectFindings(json);
      expect(paths(findings)).toEqual([path]);
      expect(findings[0]?.message.en).toContain(text);
      expect(findings[0]?.message.zh).toContain(text);
    }
    const figure = expectFindings({ staffing: { actual: value } })[0];
    expect(figure?.message.en).toContain('is not a finite number');
    expect(figure?.message.zh).toContain('不是有限数值');
  });

  it('reports a budget child without a name deep in the tree', () => {
    const json = { budget: [{ name: '预算总金额', children: [{ name: '基本支出' }, { initial: '1' }] }] };
    expect(paths(expectFindings(json))).toEqual([['budget', 0, 'children', 1, 'name']]);
    const deeper = {
      budget: [{ name: 'a' }, { name: 'b', children: [{ name: 'c', children: [{ name: 7 }] }] }],
    };
    expect(paths(expectFindings(deeper))).toEqual([['budget', 1, 'children', 0, 'children', 0, 'name']]);
  });

  it('reports enum values that are not allowed', () => {
    // Issue 12: amountUnit is any unit as printed (美元 is compared like with like); an empty one is not.
    const findings = expectFindings({ kind: 'company', amountUnit: '' });
    expect(paths(findings)).toEqual([['kind'], ['amountUnit']]);
    expect(findings[0]?.message.en).toBe(
      '`kind` must be one of "department", "project", "monitoring", not the string "company".',
    );
    expect(findings[0]?.message.zh).toBe(
      '`kind` 只能是 "department"、"project"、"monitoring" 之一，实际为字符串 "company"。',
    );
    expect(findings[1]?.message.en).toContain('`amountUnit`');
  });

  it('reports a year that is not an integer', () => {
    for (const year of [2023.5, '2023', 1e20]) {
      const findings = expectFindings({ year });
      expect(paths(findings)).toEqual([['year']]);
      expect(findings[0]?.message.en).toContain('must be an integer');
      expect(findings[0]?.message.zh).toContain('应为整数');
    }
  });

  it('reports null where the format does not allow it, and accepts it where it does', () => {
    expect(paths(expectFindings({ title: null, budget: null }))).toEqual([['title'], ['budget']]);
    expect(paths(expectFindings(withIndicators({ name: null, target: null })))).toEqual([
      ['indicators', 0, 'name'],
      ['indicators', 0, 'target'],
    ]);
    expectOk(parseReport({ published: { totalScore: null, grade: null }, staffing: { actual: null } }));
  });

  it('reports wrong container types', () => {
    const findings = expectFindings({
      budget: {},
      indicators: 'none',
      staffing: [],
      published: 'x',
    });
    expect(paths(findings)).toEqual([['budget'], ['indicators'], ['staffing'], ['published']]);
    expect(findings[0]?.message.en).toBe('`budget` must be a list (array), not an object.');
    expect(findings[2]?.message.en).toBe('`staffing` must be an object, not a list (array).');
    expect(paths(expectFindings(withIndicators({ name: 'a', target: '1', path: ['一级', 2] })))).toEqual([
      ['indicators', 0, 'path', 1],
    ]);
  });

  it.each([
    ['an array', []],
    ['a string', '{"kind":"project"}'],
    ['null', null],
    ['a number', 42],
    ['undefined', undefined],
    ['a boolean', true],
  ])('reports input that is %s as one finding at path []', (_name, json) => {
    const findings = expectFindings(json);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.path).toEqual([]);
    expect(findings[0]?.message.en).toMatch(/^The report must be a JSON object, not /);
    expect(findings[0]?.message.zh).toMatch(/^报告必须是 JSON 对象，实际为/);
  });

  it('reports every problem at once, not only the first', () => {
    const json = {
      kind: 'x',
      year: '2023',
      budget: [{ name: 'a', children: [{}, { name: 'b', actual: true }] }],
      indicators: [{ target: '1' }, { name: 'b', target: '1' }, { name: 'c', target: [] }, { name: 'd' }],
      staffing: { authorized: {} },
    };
    expect(paths(expectFindings(json))).toEqual([
      ['kind'],
      ['year'],
      ['budget', 0, 'children', 0, 'name'],
      ['budget', 0, 'children', 1, 'actual'],
      ['indicators', 0, 'name'],
      ['indicators', 2, 'target'],
      ['indicators', 3, 'target'],
      ['staffing', 'authorized'],
    ]);
  });

  it('writes its own messages in both languages, never zod wording', () => {
    const json = {
      kind: 'x',
      year: 1.5,
      amountUnit: 3,
      budget: [{ children: 'x', published: { score: false } }],
      indicators: [{ name: 1, target: { operator: '≥' }, unit: 5, path: 'x' }, 'row'],
      staffing: { actual: Number.NaN },
      published: { grade: 1 },
    };
    const findings = expectFindings(json);
    expect(findings.length).toBeGreaterThanOrEqual(10);
    for (const f of findings) {
      expect(f.message.en.length).toBeGreaterThan(0);
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en).not.toMatch(ZOD_WORDING);
      expect(f.message.zh).not.toMatch(ZOD_WORDING);
    }
  });

  it('reports circular data instead of looping or throwing', () => {
    const json: Record<string, unknown> = { kind: 'project' };
    const line: Record<string, unknown> = { name: 'a' };
    line.children = [line];
    json.budget = [line];
    json.self = json;
    const findings = expectFindings(json);
    expect(paths(findings)).toEqual([['budget', 0, 'children', 0], ['self']]);
    expect(findings[0]?.message.en).toContain('circular');
    expect(findings[0]?.message.zh).toContain('循环引用');
  });

  it('reports absurdly deep data instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const findings = expectFindings({ extra: deep });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.path[0]).toBe('extra');
    expect(findings[0]?.message.zh).toContain('嵌套超过');
  });
});

describe('parseReport: prototype-pollution payloads', () => {
  const payload = `{
    "__proto__": { "polluted": 1, "kind": "project" },
    "constructor": { "prototype": { "polluted": 2 } },
    "prototype": { "polluted": 3 },
    "title": "t",
    "budget": [{ "name": "a", "__proto__": { "name": 7, "polluted": 4 },
                 "published": { "__proto__": { "polluted": 5 } },
                 "children": [{ "name": "b", "constructor": { "prototype": { "polluted": 6 } } }] }],
    "indicators": [{ "name": "i", "target": { "operator": "≥", "value": "1", "__proto__": { "polluted": 7 } },
                     "__proto__": { "target": "x" } }]
  }`;

  it('changes no prototype and no result', () => {
    const json: unknown = JSON.parse(payload);
    const result = parseReport(json);
    const report = expectOk(result);
    expect(report).toEqual({
      title: 't',
      budget: [{ name: 'a', published: {}, children: [{ name: 'b' }] }],
      indicators: [{ name: 'i', target: { operator: '≥', value: '1' } }],
    });
    const objects: unknown[] = [
      report,
      report.budget?.[0],
      report.budget?.[0]?.published,
      report.budget?.[0]?.children?.[0],
      report.indicators?.[0],
      report.indicators?.[0]?.target,
    ];
    for (const o of objects) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.keys(o as object)).not.toContain('__proto__');
      expect(Object.hasOwn(o as object, 'constructor')).toBe(false);
      expect(Object.hasOwn(o as object, 'prototype')).toBe(false);
      expect((o as { polluted?: unknown }).polluted).toBeUndefined();
    }
    expect(report.kind).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    // The input still has its own "__proto__" key, untouched.
    expect(Object.hasOwn(json as object, '__proto__')).toBe(true);
  });

  it('gives the same findings with or without the payload', () => {
    const bad = JSON.parse(
      '{"__proto__": {"name": "x"}, "indicators": [{"__proto__": {"name": "x"}, "target": 1}]}',
    );
    expect(paths(expectFindings(bad))).toEqual([['indicators', 0, 'name']]);
    expect(({} as { name?: unknown }).name).toBeUndefined();
  });

  it('works on a deep-frozen payload', () => {
    const json: unknown = deepFreeze(JSON.parse(payload));
    expect(parseReport(json).ok).toBe(true);
  });
});

describe('parseReport: properties', () => {
  const checkShape = (result: ParseReportResult): void => {
    expect(Array.isArray(result.findings)).toBe(true);
    expect(result.ok).toBe(result.findings.length === 0);
    expect(result.report === null).toBe(!result.ok);
    for (const f of result.findings) {
      expect(Array.isArray(f.path)).toBe(true);
      for (const p of f.path) expect(['string', 'number']).toContain(typeof p);
      expect(f.code).toBe('invalid-report');
      expect(typeof f.message.en).toBe('string');
      expect(typeof f.message.zh).toBe('string');
    }
  };

  it('never throws for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => checkShape(parseReport(json))));
  });

  it('never throws for anything', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
        (v) => checkShape(parseReport(v)),
      ),
    );
  });

  it('never throws for report-shaped objects with arbitrary field values', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
    );
    const line = fc.dictionary(fc.constantFrom('name', 'actual', 'children', 'published', 'x'), value);
    const row = fc.dictionary(fc.constantFrom('name', 'target', 'unit', 'path', 'published', 'y'), value);
    const report = fc.record(
      { kind: value, year: value, budget: fc.array(line), indicators: fc.array(row), staffing: value },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(report, (json) => checkShape(parseReport(json))));
  });

  it('is idempotent on accepted reports', () => {
    const figure = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    const row = fc.record({
      name: fc.string(),
      target: fc.oneof(fc.string(), fc.integer(), fc.record({ operator: fc.string(), value: fc.string() })),
      actual: figure,
    });
    fc.assert(
      fc.property(
        fc.record({ indicators: fc.array(row), extra: fc.jsonValue() }, { requiredKeys: [] }),
        (json) => {
          const first = parseReport(json);
          expect(first.findings).toEqual([]);
          const again = parseReport(first.report);
          expect(again.report).toEqual(first.report);
        },
      ),
    );
  });
});
