/**
 * Real English-language tables, transcribed under examples/reports/ with their source (address,
 * date, and the text as found). Each `describe` states what a careful auditor finds on its table,
 * worked out by hand with exact decimals (see each file's `source.notes`):
 * (a) the real problems, by code and path; (b) differences that the rounding of the printed inputs
 * explains, as `rounding-difference` (info), never errors; (c) the full list of errors and
 * warnings, so that a false alarm fails the test; (d) each indicator's status.
 *
 * These are the truth, not the output of the day: a `describe.skip` names the issue-12 item whose
 * work makes it pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Report, validateReport } from '../src/index.js';

type Result = ReturnType<typeof validateReport>;

/**
 * The report of examples/reports/<name>.json, with its printed unit as `amountUnit`. The files keep
 * the unit as printed in `printedUnit` ("R'000", "R bn") until the report format accepts any
 * printed unit (issue 12 item 4: today its schema allows 元, 万元 and 亿元 only); then the files
 * carry `amountUnit` themselves and this copy goes.
 */
const load = (name: string): Report => {
  const json = JSON.parse(
    readFileSync(new URL(`../examples/reports/${name}.json`, import.meta.url), 'utf8'),
  ) as Report & { printedUnit?: string };
  const { printedUnit, ...report } = json;
  return (printedUnit === undefined ? report : { ...report, amountUnit: printedUnit }) as Report;
};

/** Errors and warnings as `severity code path`, sorted: the list a test compares in full. */
const serious = (r: Result): string[] =>
  r.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.code} ${f.path.join('.')}`)
    .sort();

/** The recomputed figures of the budget line at `path` (`'budget.1.children.0'`). */
const line = (r: Result, path: string) => r.budget.find((b) => b.path.join('.') === path);

const withCode = (r: Result, code: string): string[] =>
  r.findings
    .filter((f) => f.code === code)
    .map((f) => `${f.severity} ${f.path.join('.')} ${f.published ?? ''}`);

// needs issue 12 item 5: revenue lines (`kind: 'revenue'`) must not raise `overspend` when more is
// collected than estimated (today: `overspend` on budget.1.actual, 273 034 collected of 12 834).
describe('South Africa, DSD 2020/21: departmental receipts (revenue), signs of one year reversed', () => {
  const r = validateReport(load('za-dsd-2020-21-departmental-receipts'));

  it('finds the 2020/2021 (Over)/Under Collection column printed with the opposite sign', () => {
    // Heading (Over)/Under Collection = Estimate - Collected; 2020/2021 prints Collected - Estimate.
    const mismatches = withCode(r, 'variance-mismatch');
    // Sale of goods (20 estimated, '-' collected, printed (20)) is the same reversal when '-' reads
    // as nil, the South African notation; with '-' read as "nothing printed" it cannot be checked.
    // Either reading is fair, so that row may or may not be reported.
    expect(mismatches.filter((m) => !m.startsWith('error budget.0.children.0.'))).toEqual([
      'error budget.0.published.variance (7 044)',
      'error budget.0.children.1.published.variance (3 509)',
      'error budget.0.children.3.published.variance (3 515)',
    ]);
    expect(mismatches.filter((m) => m.startsWith('error budget.0.children.0.'))).toEqual(
      mismatches.some((m) => m.startsWith('error budget.0.children.0.'))
        ? ['error budget.0.children.0.published.variance (20)']
        : [],
    );
  });

  it('finds the 2019/2020 column, which follows its heading, right', () => {
    expect(
      r.findings.filter((f) => f.path[0] === 'budget' && f.path[1] === 1 && f.severity !== 'info'),
    ).toEqual([]);
  });

  it('raises nothing else: receipts above the estimate are not overspending', () => {
    expect(serious(r).filter((s) => !s.startsWith('error variance-mismatch budget.0.'))).toEqual([]);
    expect(withCode(r, 'overspend')).toEqual([]);
  });

  it('sums every column exactly', () => {
    expect(withCode(r, 'budget-sum-mismatch')).toEqual([]);
    expect(withCode(r, 'rounding-difference')).toEqual([]);
  });
});

describe('South Africa, DSD 2020/21: Programme 2 Social Assistance, expenditure per sub-programme', () => {
  const r = validateReport(load('za-dsd-2020-21-social-assistance-expenditure'));

  it('reports the 2019/20 spending beyond the final appropriation, and nothing else', () => {
    // 7 of 8 sub-programmes and the total; Social Relief (402 697 of 410 000) is within budget.
    expect(serious(r)).toEqual(
      [
        'warning overspend budget.1.actual',
        ...[0, 1, 2, 3, 4, 5, 6].map((i) => `warning overspend budget.1.children.${i}.actual`),
      ].sort(),
    );
  });

  it('recomputes the totals from the lines and the variances from the columns, exactly', () => {
    expect(r.findings.filter((f) => f.severity === 'info')).toEqual([]);
    expect(line(r, 'budget.1')?.executionRate).toBe('108.64%'); // 190 289 380 / 175 155 593
    expect(line(r, 'budget.0')?.executionRate).toBe('99.25%'); // 218 945 760 / 220 606 557
  });

  it("keeps the printed unit R'000", () => {
    expect(r.header.amountUnit).toBe("R'000");
  });
});

// needs issue 12 item 4: money with a currency sign ('$131.18', today `unparsable-target`), and
// item 3: the direction stated in an English name ('ongoing reduction', 'does not exceed',
// 'at or below', 'cost per hour'), today read as higher-is-better, so two met measures are
// `not-met` with a `reason-missing` warning.
describe('Australia, Queensland Treasury 2018–19: service standards with directions in words', () => {
  const r = validateReport(load('au-qld-treasury-2018-19-service-standards'));
  const status = (i: number) => r.indicators[i]?.status;

  it('raises no error and no warning: every measure is met or cannot be judged', () => {
    expect(serious(r)).toEqual([]);
    expect(withCode(r, 'target-not-met')).toEqual([]);
  });

  it('gives each measure the status its target and actual support', () => {
    // Higher is better, met: net operating surpluses 60% -> 79%, satisfaction 80% -> 85%, 95% -> 100%.
    expect([status(1), status(7), status(9)]).toEqual(['met', 'met', 'met']);
    // 'Met' against 'Met'.
    expect(status(4)).toBe('met');
    // 'Met' against '$6.06B' (the capital program delivered): not decidable from the table.
    expect(status(2)).toBe('needs-judgement');
    // Lower is better by the name: debt-to-revenue 56% -> 54% ('ongoing reduction'), FTE growth
    // 1.7% -> 1.68% ('does not exceed population growth'), own-source revenue 8.2% (estimate) -> 8.3%
    // ('at or below 8.5%'), and each average cost per hour ($131.18 -> $109.29, $118.09 -> $102.53,
    // $98.65 -> $95.81). Met; a tool that cannot read the direction must say so, never 'not-met'.
    for (const i of [0, 3, 5, 6, 8, 10]) expect(['met', 'needs-judgement']).toContain(status(i));
  });
});

describe('South Africa, DID 2022-23: EPWP sub-programme expenditure, a rate in the text that the table contradicts', () => {
  const r = validateReport(load('za-did-2022-23-epwp-expenditure'));

  it('finds "spent approximately 52%" wrong: the table gives 82.56%, beyond any rounding', () => {
    expect(serious(r)).toEqual(['error execution-rate-mismatch budget.0.published.executionRate']);
    expect(withCode(r, 'rounding-difference')).toEqual([]);
    expect(line(r, 'budget.0')?.executionRate).toBe('82.56%'); // 123 530 / 149 620
  });

  it('finds the cells re-assembled from the extraction consistent: variances and totals', () => {
    expect(withCode(r, 'variance-mismatch')).toEqual([]);
    expect(withCode(r, 'budget-sum-mismatch')).toEqual([]);
  });
});

// needs issue 12 item 2: the rounding of printed inputs (99,5% and 104,2% beside amounts in
// R billion with one decimal; 28,8 + 20,2 + 4,7 = 53,7 against a printed 53,6), and item 4: the
// decimal comma of South African figures ('53,6', '100,6%'; today `unparsable-value`), which is not
// yet among item 4's notations. Also not covered by any item yet: a child line that prints no
// budget (Capital) makes today a `budget-sum-mismatch` error on the parent's budget (48.3 ≠ 53.3);
// a column that one child does not print cannot be summed, so that is no error.
describe('South Africa, National Treasury 2006/07: provincial health spending in R billion (rounding)', () => {
  const r = validateReport(load('za-treasury-2006-07-provincial-health-expenditure'));

  it('reports the real overspending, and no error', () => {
    expect(serious(r)).toEqual([
      'warning overspend budget.0.actual',
      'warning overspend budget.0.children.1.actual',
    ]);
  });

  it('calls the differences that rounding explains rounding-difference (info)', () => {
    expect(withCode(r, 'rounding-difference').sort()).toEqual(
      [
        'info budget.0.actual 53,6', // lines sum to 53,7; within [53,55; 53,85) against [53,55; 53,65)
        'info budget.0.children.0.published.executionRate 99,5%', // 28,8 / 28,9 = 99.65%; [99.31%, 100.00%)
        'info budget.0.children.1.published.executionRate 104,2%', // 20,2 / 19,4 = 104.12%; [103.60%, 104.65%)
      ].sort(),
    );
  });

  it('reads the decimal comma', () => {
    expect(withCode(r, 'unparsable-value')).toEqual([]);
    expect(line(r, 'budget.0')?.executionRate).toBe('100.56%'); // 53,6 / 53,3, printed 100,6%: right
  });
});

describe('South Africa, DSD 2020/21: notes to the appropriation statement (page 250)', () => {
  const r = validateReport(load('za-dsd-2020-21-appropriation-notes'));

  it('reports the one line spent beyond its final appropriation, and nothing else', () => {
    // Transfers and subsidies of Social Policy and Integrated Service Delivery: 218 548 of 218 389.
    expect(serious(r)).toEqual(['warning overspend budget.0.children.1.actual']);
  });

  it("reads the variance printed '- 159' and finds every variance and sum exact", () => {
    expect(withCode(r, 'variance-mismatch')).toEqual([]);
    expect(withCode(r, 'budget-sum-mismatch')).toEqual([]);
    expect(withCode(r, 'unparsable-value')).toEqual([]);
    expect(withCode(r, 'rounding-difference')).toEqual([]);
  });
});

// needs issue 12 item 2: approved budgets in Ushs thousands whose lines sum 1 and 2 off the printed
// totals (today `budget-sum-mismatch` errors), and item 5: revenue received above its budget
// (Other Government Transfers, 1164%) is not `overspend`.
describe('Uganda, Kamuli District Q4 FY 2017/18: revenues and expenditure by workplan in Ushs thousands', () => {
  const r = validateReport(load('ug-kamuli-2017-18-q4-revenue-expenditure'));

  it('reports only the workplan spent beyond its approved budget', () => {
    // Roads and Engineering: 1,344,374 of 1,265,635 (106%), from releases of 1,365,567 (108%).
    expect(serious(r)).toEqual(['warning overspend budget.1.children.8.actual']);
  });

  it('calls the totals 1 and 2 off the sums of rounded lines rounding-difference (info)', () => {
    expect(withCode(r, 'rounding-difference').sort()).toEqual([
      'info budget.0.adjusted 36,369,281', // 5 revenue lines sum to 36,369,280
      'info budget.1.adjusted 36,369,281', // 12 workplans sum to 36,369,279
    ]);
    expect(withCode(r, 'budget-sum-mismatch')).toEqual([]);
  });

  it('finds every printed whole-percent rate right', () => {
    expect(withCode(r, 'execution-rate-mismatch')).toEqual([]);
    expect(line(r, 'budget.0.children.3')?.executionRate).toBe('1163.97%'); // 1,366,818 / 117,427
    expect(line(r, 'budget.1')?.executionRate).toBe('92.30%'); // 33,569,900 / 36,369,281
  });
});
