/**
 * Laws of reviewTargets, as fast-check properties: a table whose money adds up is never told
 * otherwise, and one fen more is always caught; turning a rule off removes its findings and
 * nothing else; no input makes it throw. The expected strings are built with BigInt in fen
 * (分), never with a float.
 */
import fc from 'fast-check';
import { type Declaration, type DeclarationIndicator, type ReviewResult, reviewTargets } from 'outturn';
import { describe, expect, it } from 'vitest';

/** An amount in fen printed in a unit of `places` decimal places of fen (元 2, 万元 6, 亿元 10), exactly. */
function inUnit(fen: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  const frac = (a % scale).toString().padStart(places, '0').replace(/0+$/u, '');
  return `${neg ? '-' : ''}${a / scale}${frac === '' ? '' : `.${frac}`}`;
}
const wan = (fen: bigint) => inUnit(fen, 6);
const yuan = (fen: bigint) => inUnit(fen, 2);
const PLACES = { 元: 2, 万元: 6, 亿元: 10 } as const;

const ROWS: readonly DeclarationIndicator[] = [
  { path: ['产出指标', '质量指标'], name: '验收合格率', target: '≥95%' },
  { path: ['产出指标', '时效指标'], name: '完成时间', target: '2023年12月底前' },
  { path: ['效益指标', '社会效益指标'], name: '受益人数', target: '≥100人' },
  { path: ['满意度指标', '服务对象满意度指标'], name: '群众满意度', target: '≥90%' },
];

const table = (
  funds: NonNullable<Declaration['project']>,
  rows: readonly DeclarationIndicator[],
): Declaration => ({
  kind: 'declaration',
  year: 2023,
  amountUnit: '万元',
  project: funds,
  indicators: [...ROWS, ...rows],
});

const over = (r: ReviewResult) => r.findings.filter((f) => f.code === 'cost-over-funds');
const mismatch = (r: ReviewResult) => r.findings.filter((f) => f.code === 'funds-mismatch');

describe('money laws', () => {
  it('unit cost × quantity = the funds exactly is never flagged; one fen more always is', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }), // unit cost in fen
        fc.bigInt({ min: 1n, max: 100_000n }), // quantity in 亩
        (cost, quantity) => {
          const rows: DeclarationIndicator[] = [
            { path: ['产出指标', '数量指标'], name: '流转土地', target: `≥${quantity}亩` },
            { path: ['产出指标', '成本指标'], name: '流转土地补助标准', target: `≤${yuan(cost)}元/亩` },
          ];
          const funds = cost * quantity;
          const exact = reviewTargets(table({ funds: { total: wan(funds) } }, rows));
          expect(exact.costs?.sum).toBe(yuan(funds));
          expect(over(exact)).toEqual([]);
          const short = reviewTargets(table({ funds: { total: wan(funds - 1n) } }, rows));
          expect(over(short).map((f) => f.severity)).toEqual(['error']);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a single cost ceiling equal to the funds, in any of 元 / 万元 / 亿元, is never flagged', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.constantFrom('元', '万元', '亿元'),
        (fen, unit) => {
          const text = inUnit(fen, PLACES[unit]);
          const rows = [{ path: ['产出指标', '成本指标'], name: '项目成本', target: `≤${text}${unit}` }];
          expect(over(reviewTargets(table({ funds: { total: wan(fen) } }, rows)))).toEqual([]);
          expect(over(reviewTargets(table({ funds: { total: wan(fen - 1n) } }, rows)))).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('total = 财政拨款 + 其他资金 is never flagged; one fen off always is', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (a, b) => {
          const ok = reviewTargets(
            table({ funds: { total: wan(a + b), fiscal: wan(a), other: `${yuan(b)}元` } }, []),
          );
          expect(mismatch(ok)).toEqual([]);
          const off = reviewTargets(
            table({ funds: { total: wan(a + b + 1n), fiscal: wan(a), other: wan(b) } }, []),
          );
          expect(mismatch(off).map((f) => f.severity)).toEqual(['error']);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('configuration law', () => {
  const ids = [
    '1',
    '2',
    '3',
    '4',
    '6',
    '7',
    '8a',
    '8b',
    '9',
    '10',
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '18',
    '19',
    '20',
    '21',
    '22',
  ];
  const busy = table({ funds: { total: '1', fiscal: '2', other: '0' } }, [
    { path: ['产出指标', '数量指标'], name: '开设课程数量', target: '220' },
    { path: ['产出指标', '数量指标'], name: '苗木成活率(≥**%)', target: '>=85' },
    { path: ['产出指标', '成本指标'], name: '建设成本', target: '≥2万元' },
    { path: ['效益指标', '社会效益指标'], name: '社会影响', target: '持续改善' },
    { path: ['产出指标', '质量指标'], name: '资金到位率', target: '≥101%' },
    { path: ['产出指标', '时效指标'], name: '项目完成时间', target: '2025年1月' },
  ]);
  it('turning a rule off removes exactly its findings', () => {
    const all = reviewTargets(busy);
    fc.assert(
      fc.property(fc.subarray(ids), (off) => {
        const r = reviewTargets(busy, { rules: Object.fromEntries(off.map((id) => [id, 'off'])) });
        expect(r.findings).toEqual(all.findings.filter((f) => f.rule === null || !off.includes(f.rule)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('robustness', () => {
  it('never throws on any JSON value, and every finding has a path and both messages', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = reviewTargets(json as unknown as Declaration);
        for (const f of r.findings) {
          expect(Array.isArray(f.path)).toBe(true);
          expect(typeof f.message.en).toBe('string');
          expect(typeof f.message.zh).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on tables of random cells', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '≥95%',
        '≤10万元',
        '100',
        '—',
        '**',
        '稳步提高',
        '12月底前',
        '2023.07-2024.01',
        '±3%',
        '≤28.40/株',
      ),
      fc.double(),
    );
    const row = fc.record(
      {
        path: fc.array(fc.constantFrom('产出指标', '数量指标', '成本指标', '效益指标', '满意度指标', ''), {
          maxLength: 3,
        }),
        name: fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('培训人次', '满意度', '村组干部230人', '完成时间'),
        ),
        target: fc.oneof(cell, fc.record({ operator: fc.constantFrom('≥', '', '正向', 'x'), value: cell })),
        unit: fc.option(fc.constantFrom('%', '个', '元/亩', '人/年', 'xx'), { nil: undefined }),
        weight: fc.option(cell, { nil: undefined }),
        lastYear: fc.option(cell, { nil: undefined }),
        standard: fc.option(fc.constantFrom('90%(计划标准)', '计划标准', '4万元'), { nil: undefined }),
      },
      { requiredKeys: ['name', 'target'] },
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constant('培训280人次,满意度95%以上')), {
          maxLength: 3,
        }),
        fc.record({ total: cell, fiscal: cell, other: cell }, { requiredKeys: [] }),
        (indicators, goals, funds) => {
          const r = reviewTargets({
            kind: 'declaration',
            year: 2023,
            project: { funds, period: { start: '2023-01', end: '2023-12' } },
            goals,
            indicators: indicators as unknown as DeclarationIndicator[],
          });
          expect(r.summary.error + r.summary.warning + r.summary.info).toBe(r.findings.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
