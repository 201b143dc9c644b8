/**
 * Real published target tables (绩效目标申报表 / 批复表 / 审批表 / 部门整体绩效目标表) of several
 * provinces, transcribed under test/fixtures/review/ with their source address, date and
 * transcription notes. Each file says what a careful reviewer must report (`expected.must`)
 * and must not report (`expected.mustNot`), rule by rule of target-review-rules.md; this test
 * runs reviewTargets on each and checks both lists. (`expected.neither` lists what may be read
 * either way: not asserted.)
 *
 * How a finding is matched to an expectation's `indicator`: a row finding by the row's name; a
 * missing block (`dimension-missing`) by its block segments, and for `mustNot` by its rule
 * number too (any rule-2 finding contradicts "rule 2 must not report"); a table-level finding
 * (funds, weights, goal text, footnotes) by the labels the fixtures use for the table itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Declaration, formatFinding, type ReviewFinding, reviewTargets } from 'outturn';
import { describe, expect, it } from 'vitest';

interface Expectation {
  readonly rule: number;
  readonly code: string;
  readonly indicator: string;
  readonly why: string;
}

interface Fixture extends Declaration {
  readonly source: { readonly url: string; readonly date: string | null };
  readonly expected: {
    readonly must: readonly Expectation[];
    readonly mustNot: readonly Expectation[];
    readonly neither?: readonly { readonly rule: number; readonly indicator: string }[];
  };
}

const DIR = new URL('./fixtures/review/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

const load = (file: string): Fixture => JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Fixture;

/** Labels the fixtures give the table itself (rules' `["项目资金"]`, `["年度目标"]`, the weight column). */
const TABLE_LABELS = ['项目资金', '年度目标', '年度履职目标', '指标权重', '权重', '分值', '注'];

/** What a finding is about, as the fixtures name it. */
function subjects(f: ReviewFinding, table: Fixture): string[] {
  const out: string[] = [];
  const [head, index] = f.path;
  if (head === 'indicators' && typeof index === 'number') {
    const row = table.indicators?.[index];
    if (row !== undefined) out.push(row.name);
  }
  const p = f.params as Readonly<Record<string, unknown>>;
  if (Array.isArray(p.block)) out.push(...(p.block as string[]));
  if (Array.isArray(p.group)) out.push(...(p.group as string[]));
  if (Array.isArray(p.rows)) out.push(...(p.rows as { name: string }[]).map((r) => r.name));
  const tableLevel =
    head !== 'indicators' || (f.path.length === 1 && !Array.isArray(p.group) && !Array.isArray(p.rows));
  if (tableLevel && f.code !== 'dimension-missing') out.push(...TABLE_LABELS);
  return out;
}

const ruleNumber = (id: string | null): number | null => (id === null ? null : Number.parseInt(id, 10));

function matches(f: ReviewFinding, e: Expectation, table: Fixture, strict: boolean): boolean {
  if (f.code !== e.code) return false;
  if (subjects(f, table).includes(e.indicator)) return true;
  // "Rule 2 must not report": any rule-2 finding of the framework contradicts it.
  return strict && f.code === 'dimension-missing' && ruleNumber(f.rule) === e.rule;
}

const show = (fs: readonly ReviewFinding[]) =>
  fs.map((f) => `${f.rule ?? '-'} ${f.severity} ${f.code} ${formatFinding(f, 'en')}`).join('\n');

describe.each(files)('%s', (file) => {
  const table = load(file);
  const result = reviewTargets(table);

  it('names its source', () => {
    expect(table.source.url).toMatch(/^https?:\/\//);
  });

  it.each(table.expected.must.map((e) => [`rule ${e.rule} ${e.code} on ${e.indicator}`, e] as const))(
    'reports %s',
    (_label, e) => {
      const found = result.findings.filter((f) => matches(f, e, table, false));
      expect(found, `${e.why}\nfindings:\n${show(result.findings)}`).not.toHaveLength(0);
    },
  );

  it.each(table.expected.mustNot.map((e) => [`rule ${e.rule} ${e.code} on ${e.indicator}`, e] as const))(
    'does not report %s',
    (_label, e) => {
      const found = result.findings.filter((f) => matches(f, e, table, true));
      expect(found, `${e.why}\nfound:\n${show(found)}`).toHaveLength(0);
    },
  );

  it('no error or warning beyond what the reviewer must (or, per `neither`, may) report, but cells that cannot be read', () => {
    const allowed = [...table.expected.must, ...(table.expected.neither ?? [])];
    const extra = result.findings.filter(
      (f) =>
        f.severity !== 'info' &&
        f.code !== 'unparsable-target' &&
        f.code !== 'unparsable-value' &&
        !allowed.some(
          (e) =>
            ('code' in e ? e.code === f.code : ruleNumber(f.rule) === e.rule) &&
            subjects(f, table).includes(e.indicator),
        ),
    );
    expect(extra, show(extra)).toEqual([]);
  });

  it('never throws on the table, and every message is the catalog’s', () => {
    for (const f of result.findings) {
      expect(formatFinding(f, 'en')).toBe(f.message.en);
      expect(formatFinding(f, 'zh')).toBe(f.message.zh);
    }
  });
});

describe('the exact arithmetic of the real tables', () => {
  it('南岳 2018: three unit-cost ceilings × their quantities make exactly the 10万元 of funds, and are not flagged', () => {
    // 475元/亩 × 60亩 = 28500元; 2875元/个 × 4个 = 11500元; 3000元/平方米 × 20平方米 = 60000元;
    // Σ = 100000元 = 10万元 = 年度资金总额 (hunan-nanyue-2018-lvyoufupin.json, its `arithmetic` field).
    const r = reviewTargets(load('hunan-nanyue-2018-lvyoufupin.json'));
    expect(r.costs).toEqual({
      terms: [
        { cost: ['indicators', 5], quantity: ['indicators', 2], product: '28500' },
        { cost: ['indicators', 6], quantity: ['indicators', 1], product: '11500' },
        { cost: ['indicators', 7], quantity: ['indicators', 0], product: '60000' },
      ],
      sum: '100000',
      funds: '100000',
      unpaired: [],
    });
    expect(r.findings.filter((f) => f.code === 'cost-over-funds')).toEqual([]);
  });

  it('黄石 2022: the goal’s 280人次 and 25人次 are matched to the rows that print them', () => {
    const r = reviewTargets(load('hubei-huangshi-2022-zhutiban.json'));
    expect(r.goals.filter((g) => g.status === 'matched').map((g) => [g.figure, g.indicator])).toEqual([
      ['280人次', ['indicators', 0]],
      ['25人次', ['indicators', 1]],
    ]);
  });

  it('南岳 2018: the goal’s 6万人 is the row’s 60000人 (万 converted)', () => {
    const r = reviewTargets(load('hunan-nanyue-2018-lvyoufupin.json'));
    expect(r.goals.find((g) => g.figure === '6万人')).toMatchObject({
      status: 'matched',
      indicator: ['indicators', 10],
    });
  });

  it('井研 2023: weights of 90 beside no 预算执行率 row pass (the 10号 convention)', () => {
    const r = reviewTargets(load('sichuan-jingyan-2023-cunzuganbu.json'));
    expect(r.findings.filter((f) => f.code === 'weight-sum-mismatch' && f.severity !== 'info')).toEqual([]);
    expect(r.rules.find((x) => x.id === '19')).toMatchObject({ applied: true });
  });

  it('a truncated table says which rules it skipped', () => {
    const r = reviewTargets(load('chongqing-fengjie-2023-yunwu.json'));
    const truncated = r.findings.filter((f) => f.code === 'table-truncated');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]?.params).toEqual({ rules: ['1', '2', '3', '4', '19'] });
    expect(r.rules.filter((x) => x.skipped === 'truncated').map((x) => x.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '19',
    ]);
  });
});
