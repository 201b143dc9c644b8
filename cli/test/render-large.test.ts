/**
 * The text of a large report (issue 16: "a million rows in bounded memory"): a rendered table's
 * rows are appended one by one (spread into one call, 120,000 and more rows passed the engine's
 * argument limit and the command failed with a stack overflow), and the findings of one code
 * are grouped without copying the group per finding (that was quadratic), with the same text.
 */
import { validateReport } from 'outturn';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/workloads.js';
import { pushTable, renderText } from '../src/render/text.js';

describe('pushTable', () => {
  it('appends the header, the rule and 200,000 rows in order', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `row ${i}`);
    const out = ['before'];
    pushTable(out, { header: 'head', rule: '----', rows });
    expect(out).toHaveLength(200_003);
    expect(out.slice(0, 4)).toEqual(['before', 'head', '----', 'row 0']);
    expect(out.at(-1)).toBe('row 199999');
  });
});

describe('renderText of a generated report of 3,000 indicators', () => {
  const result = validateReport(generateReport(3000));
  const counts = new Map<string, number>();
  for (const f of result.findings)
    counts.set(`${f.severity} ${f.code}`, (counts.get(`${f.severity} ${f.code}`) ?? 0) + 1);

  it('has many findings of one code (the case the grouping is for)', () => {
    expect(Math.max(...counts.values())).toBeGreaterThan(100);
  });

  it('a collapsed info code says how many findings it holds, each count that of the result', () => {
    const text = renderText(
      { file: 'generated.json', result },
      { lang: 'en', collapseInfoOver: 5, width: 100 },
    );
    for (const [key, n] of counts) {
      const [severity, code] = key.split(' ') as [string, string];
      if (severity !== 'info' || n <= 5) continue;
      expect(text, code).toContain(`${code}: ${n} findings`);
    }
  });

  it('without collapsing, every finding is one head line with its path and code', () => {
    const text = renderText({ file: 'generated.json', result }, { lang: 'en', width: 100 });
    const heads = text.split('\n').filter((l) => /^ {2}\S+ .*\([a-z-]+\)$/.test(l));
    expect(heads).toHaveLength(result.findings.length);
  });
});
