/**
 * Issue 12, items 5 and 6 (part): printed statuses against the recomputed status, revenue lines
 * and the basis of overspend, negative amounts, and staff numbers checked on their own.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type BudgetLine,
  type Finding,
  type Indicator,
  type Report,
  staffControlRate,
  validateReport,
} from 'outturn';
import { parseReport } from 'outturn/schema';
import { describe, expect, it } from 'vitest';

const EXAMPLE = new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url);
const reference = (): Report => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Report;

const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);
const at = (fs: readonly Finding[], code: string) => fs.filter((f) => f.code === code);

/** Findings at the status cell of a one-row report. */
function statusFindings(row: Indicator): Finding[] {
  return validateReport({ indicators: [row] }).findings.filter(
    (f) => f.path.length === 4 && f.path[2] === 'published' && f.path[3] === 'status',
  );
}

describe('printed statuses (published.status)', () => {
  // Rows of real tables: 预算执行率 of the reference report (=100%, 93.74%: not met), its
  // 投诉咨询满意度 (≥90%, 99%: met), a qualitative row (健全/健全: met) and 棠溪镇 2022's
  // 基建工程委托业务项目数量 (≥50个, 50: met).
  const notMet: Indicator = { name: '预算执行率', target: '=100%', actual: '93.74%', reason: '年中追加' };
  const met: Indicator = { name: '投诉咨询满意度', target: '≥90%', actual: '99%' };
  const qualitative: Indicator = { name: '管理制度健全性', target: '健全', actual: '健全' };
  const count: Indicator = { name: '基建工程委托业务项目数量', target: '≥50个', actual: '50' };

  it.each([
    // [row, printed status, expected code at the status cell or null]
    [notMet, '已完成', 'status-mismatch'],
    [notMet, '达成', 'status-mismatch'],
    [notMet, '已达成', 'status-mismatch'],
    [notMet, '完成', 'status-mismatch'],
    [notMet, 'Achieved', 'status-mismatch'],
    [notMet, 'Target met', 'status-mismatch'],
    [notMet, 'Yes', 'status-mismatch'],
    [notMet, '是', 'status-mismatch'],
    [notMet, '已達成', 'status-mismatch'],
    [notMet, '已完成（超额完成）', 'status-mismatch'],
    [notMet, 'ACHIEVED.', 'status-mismatch'],
    [notMet, '未完成', null],
    [notMet, '未达成', null],
    [notMet, 'Not achieved', null],
    [notMet, 'Target not met', null],
    [notMet, 'No', null],
    [notMet, '否', null],
    [notMet, '部分达成', null],
    [notMet, '基本达成', null],
    [notMet, 'Partially achieved', null],
    [met, '未达成', 'status-mismatch'],
    [met, '未完成', 'status-mismatch'],
    [met, 'Not achieved', 'status-mismatch'],
    [met, 'not-achieved', 'status-mismatch'],
    [met, 'Target not met', 'status-mismatch'],
    [met, 'No', 'status-mismatch'],
    [met, 'Not achieved: delays in procurement', 'status-mismatch'],
    [met, '达成', null],
    [met, '已完成', null],
    [met, 'Achieved', null],
    [met, 'Target met', null],
    [met, '　已完成　', null],
    [met, '部分达成', 'needs-judgement'],
    [met, '基本达成', 'needs-judgement'],
    [met, 'Partially achieved', 'needs-judgement'],
    [met, '见说明', 'needs-judgement'],
    [met, 'Achieved partially', 'needs-judgement'],
    [met, '完成90%', 'needs-judgement'],
    [met, '/', null],
    [met, '', null],
    [qualitative, '未达成', 'status-mismatch'],
    [qualitative, '达成', null],
    [count, '未完成', 'status-mismatch'],
    [count, '已完成', null],
  ] as const)('%o printed %s → %s', (row, status, expected) => {
    const found = statusFindings({ ...row, published: { status } });
    expect(codes(found)).toEqual(expected === null ? [] : [expected]);
    const f = found[0];
    if (expected === 'status-mismatch' && f?.code === 'status-mismatch') {
      expect(f.severity).toBe('error');
      expect(f.params.recomputed).toBe(row === notMet ? 'not-met' : 'met');
      expect(f.published).toBe(status);
    }
    if (expected === 'needs-judgement') expect(f?.severity).toBe('info');
  });

  it.each([
    // What the recomputation cannot decide is never an error, whatever the status says.
    [{ name: '服务质量', target: '有序推进', actual: '基本推进' }, '已完成'], // needs-judgement
    [{ name: '服务质量', target: '有序推进', actual: '基本推进' }, '未完成'],
    [{ name: '培训次数', target: '≥5次', actual: '5家' }, '已完成'], // unparsable (unit mismatch)
    [{ name: '培训次数', target: '≥5次', actual: '' }, 'Achieved'], // not reported
    [{ name: '培训次数', target: '≥120次', actual: '117余次' }, 'Not achieved'], // approximate
  ] as const)('%o printed %s: no status finding', (row, status) => {
    expect(codes(statusFindings({ ...row, published: { status } }))).toEqual([]);
  });

  it('the reference report with a contradicting 完成情况 cell gets one error more, at that cell', () => {
    const report = reference();
    const before = validateReport(report);
    const rows = (report.indicators ?? []).map((r, i) =>
      i === 26 ? { ...r, published: { ...r.published, status: '已完成' } } : r,
    );
    const after = validateReport({ ...report, indicators: rows });
    expect(after.summary).toEqual({ ...before.summary, error: before.summary.error + 1 });
    const f = at(after.findings, 'status-mismatch');
    expect(f.map((x) => x.path)).toEqual([['indicators', 26, 'published', 'status']]);
    expect(f[0]?.message.zh).toContain('按其计算应为未完成');
  });

  it('a status that is not a string is invalid-report; the schema says so too', () => {
    const row = { name: 'X', target: '≥90%', actual: '95%', published: { status: 1 } };
    expect(codes(statusFindings(row as unknown as Indicator))).toEqual(['invalid-report']);
    const parsed = parseReport({ indicators: [row] });
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((x) => x.path)).toEqual([['indicators', 0, 'published', 'status']]);
    expect(parseReport({ indicators: [{ ...row, published: { status: '已完成' } }] }).ok).toBe(true);
  });

  const MET_WORDS = ['达成', '已达成', '完成', '已完成', 'Achieved', 'Target met', 'Yes', '是', '達成'];
  const NOT_MET_WORDS = ['未达成', '未完成', 'Not achieved', 'Target not met', 'No', '否'];
  const PARTIAL_WORDS = ['部分达成', '基本达成', 'Partially achieved'];

  it('property: a status word that agrees with the figures never gives status-mismatch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom('≥', '≤', '='),
        fc.nat(),
        (target, actual, op, pick) => {
          const isMet = op === '≥' ? actual >= target : op === '≤' ? actual <= target : actual === target;
          const words = isMet ? MET_WORDS : [...NOT_MET_WORDS, ...PARTIAL_WORDS];
          const status = words[pick % words.length] as string;
          const row: Indicator = { name: '培训人次', target: `${op}${target}人次`, actual: `${actual}人次` };
          const found = validateReport({ indicators: [{ ...row, published: { status } }] }).findings;
          expect(at(found, 'status-mismatch')).toEqual([]);
          // …and the opposite word always does.
          const opposite = (isMet ? NOT_MET_WORDS : MET_WORDS)[pick % 6] as string;
          const other = validateReport({
            indicators: [{ ...row, published: { status: opposite } }],
          }).findings;
          expect(at(other, 'status-mismatch')).toHaveLength(1);
        },
      ),
    );
  });
});

/** Budget findings of one line. */
function lineFindings(line: Omit<BudgetLine, 'name'>): readonly Finding[] {
  return validateReport({ budget: [{ name: 'L', ...line }] }).findings;
}

describe('revenue lines and the basis of overspend', () => {
  it.each([
    // [line, overspend basis or null]
    // the reference report's 预算总金额: adjusted printed, spending above it
    [{ initial: '321.19', adjustment: '0', adjusted: '321.19', actual: '430.93' }, 'adjusted'],
    // above the original budget, within the adjusted one (supplementary releases): not overspend
    [{ initial: '100', adjustment: '20', adjusted: '120', actual: '110' }, null],
    [{ initial: '100', adjusted: '120', actual: '120' }, null],
    // above the adjusted one: still reported
    [{ initial: '100', adjusted: '120', actual: '121' }, 'adjusted'],
    // initial + adjustment printed, no adjusted column: the adjusted budget is their sum
    [{ initial: '100', adjustment: '20', actual: '110' }, null],
    [{ initial: '100', adjustment: '20', actual: '125' }, 'adjusted'],
    // only the original budget is printed
    [{ initial: '100', actual: '110' }, 'original'],
    [{ initial: '100', actual: '100' }, null],
    // revenue: receipts above budget are never overspend
    [{ kind: 'revenue', initial: '100', adjusted: '100', actual: '130' }, null],
    [{ kind: 'revenue', initial: '100', actual: '130' }, null],
    [{ kind: 'expenditure', adjusted: '100', actual: '130' }, 'adjusted'],
  ] as const)('%o → %s', (line, basis) => {
    const over = at(lineFindings(line), 'overspend');
    expect(over.map((f) => (f.code === 'overspend' ? f.params.basis : null))).toEqual(
      basis === null ? [] : [basis],
    );
  });

  it('the wording fits the basis, in both languages', () => {
    const [orig] = at(lineFindings({ initial: '100', actual: '110' }), 'overspend');
    expect(orig?.message.en).toContain('above the original budget 100 by 10');
    expect(orig?.message.en).not.toContain('exceeds the adjusted budget');
    expect(orig?.message.zh).toContain('高于年初预算数 100');
    expect(orig?.message.zh).not.toContain('超支');
    const [adj] = at(lineFindings({ adjusted: '100', actual: '110' }), 'overspend');
    expect(adj?.message.en).toContain('exceeds the adjusted budget 100 by 10');
    expect(adj?.message.zh).toContain('超出调整预算数 100，超支 10');
  });

  it('a revenue tree: children take their parent’s kind unless they say otherwise', () => {
    const report: Report = {
      budget: [
        {
          name: '收入合计',
          kind: 'revenue',
          adjusted: '200',
          actual: '260',
          children: [
            { name: '财政拨款收入', adjusted: '150', actual: '190' },
            { name: '其他收入', adjusted: '50', actual: '70' },
          ],
        },
        {
          name: '支出合计',
          adjusted: '200',
          actual: '210',
          children: [{ name: '基本支出', adjusted: '200', actual: '210' }],
        },
      ],
    };
    const r = validateReport(report);
    expect(at(r.findings, 'overspend').map((f) => f.path)).toEqual([
      ['budget', 1, 'actual'],
      ['budget', 1, 'children', 0, 'actual'],
    ]);
    expect(r.budget.map((b) => b.overspend)).toEqual([false, false, false, true, true]);
    // the execution rate of a revenue line (收入完成率) is still recomputed
    expect(r.budget[0]?.executionRate).toBe('130.00%');
  });

  it('a real appropriation line (Social Development 2021/22, R thousand) as revenue is no overspend', () => {
    // 3 Social Grants Administration: final appropriation 7 416 204, actual 7 416 205.
    const line = { adjusted: '7 416 204', actual: '7 416 205' };
    expect(codes(lineFindings(line))).toContain('overspend');
    expect(codes(lineFindings({ ...line, kind: 'revenue' }))).not.toContain('overspend');
  });

  it('kind is checked by the schema', () => {
    expect(parseReport({ budget: [{ name: 'A', kind: 'revenue' }] }).ok).toBe(true);
    const bad = parseReport({ budget: [{ name: 'A', kind: 'income' }] });
    expect(bad.ok).toBe(false);
    expect(bad.findings.map((f) => f.path)).toEqual([['budget', 0, 'kind']]);
  });
});

describe('negative amounts', () => {
  it.each([
    // [line, columns flagged]
    [{ initial: '-5', adjusted: '10', actual: '3' }, ['initial']],
    [{ adjusted: '-8', actual: '1' }, ['adjusted']],
    [{ adjusted: '10', actual: '-1' }, ['actual']],
    [{ adjusted: '(1 200)', actual: '3' }, ['adjusted']], // accounting brackets are negative
    // an adjustment column carries cuts as negative numbers: never flagged
    [{ initial: '100', adjustment: '-20', adjusted: '80', actual: '75' }, []],
    [{ initial: '0', adjusted: '0', actual: '0' }, []],
    [{ initial: '-0', actual: '0' }, []],
    // revenue lines may be negative (refunds)
    [{ kind: 'revenue', adjusted: '-5', actual: '-7' }, []],
  ] as const)('%o → %o', (line, columns) => {
    const neg = at(lineFindings(line), 'negative-amount');
    expect(neg.map((f) => f.path[2])).toEqual(columns);
    for (const f of neg) expect(f.severity).toBe('warning');
  });

  it('a negative budget gives negative-amount, not overspend', () => {
    const fs = lineFindings({ adjusted: '-8', actual: '1' });
    expect(codes(fs)).toContain('negative-amount');
    expect(codes(fs)).not.toContain('overspend');
    const [f] = at(fs, 'negative-amount');
    expect(f?.message.en).toBe('"L": the adjusted budget is negative (-8)');
    expect(f?.message.zh).toBe('“L”调整预算数为负数（-8）');
  });
});

describe('staff numbers (编制 and 在职)', () => {
  const staff = (authorized: unknown, actual: unknown, indicators: Indicator[] = []): readonly Finding[] =>
    validateReport({ staffing: { authorized, actual }, indicators } as Report).findings;
  const controlRate = (actual: string): Indicator => ({ name: '在职人员控制率', target: '≤100%', actual });

  it.each([
    // [authorized, actual, indicators, codes]
    [46, 50, [], ['over-establishment']],
    ['46', '50', [controlRate('108.70%')], ['over-establishment']],
    [46, 46, [], []],
    [14, 10, [], []],
    [0, 3, [controlRate('100%')], ['staffing-invalid']],
    [0, 3, [], []], // no 编制 and no printed rate: nothing to contradict
    [-1, 3, [], ['staffing-invalid']],
    [14, -10, [controlRate('100%')], ['staffing-invalid']],
    [14, null, [], []],
    ['十四', 10, [], []],
  ] as const)('编制 %o, 在职 %o → %o', (authorized, actual, indicators, expected) => {
    const fs = staff(authorized, actual, [...indicators]).filter((f) =>
      ['over-establishment', 'staffing-invalid'].includes(f.code),
    );
    expect(codes(fs)).toEqual(expected);
    for (const f of fs) expect(f.severity).toBe('warning');
  });

  it('50 in post against 46 authorised is over-establishment at 108.70%', () => {
    const [f] = at(staff(46, 50), 'over-establishment');
    expect(f?.path).toEqual(['staffing', 'actual']);
    expect(f?.code === 'over-establishment' && f.params).toEqual({
      authorized: '46',
      actual: '50',
      rate: '108.70%',
    });
    expect(f?.recomputed).toBe('108.70%');
    expect(f?.message.zh).toBe('在职 50 人，编制 46 人（在职人员控制率 108.70%），超出编制');
  });

  it('0 ÷ 0 with a printed 0% is staffing-invalid as info only', () => {
    const fs = at(staff(0, 0, [controlRate('0%')]), 'staffing-invalid');
    expect(fs.map((f) => f.severity)).toEqual(['info']);
  });

  it('the reference report keeps its 在职人员控制率 cross-check-mismatch and gains nothing', () => {
    const r = validateReport(reference());
    const cross = at(r.findings, 'cross-check-mismatch').filter(
      (f) => f.code === 'cross-check-mismatch' && f.params.id === 'staff-control-rate',
    );
    expect(cross.map((f) => [f.published, f.recomputed])).toEqual([['100%', '71.43%']]);
    expect(codes(r.findings)).not.toContain('over-establishment');
    expect(codes(r.findings)).not.toContain('staffing-invalid');
  });

  it('staffControlRate: above 100% is a rate; negative numbers are refused', () => {
    expect(staffControlRate({ authorized: 46, actual: 50 })).toMatchObject({ ok: true, printed: '108.70%' });
    expect(staffControlRate({ authorized: -14, actual: 10 })).toMatchObject({
      ok: false,
      code: 'negative-value',
    });
    expect(staffControlRate({ authorized: 14, actual: '-1' })).toMatchObject({
      ok: false,
      code: 'negative-value',
    });
    expect(staffControlRate({ authorized: 0, actual: 0 })).toMatchObject({
      ok: false,
      code: 'rate-undefined',
    });
  });
});
