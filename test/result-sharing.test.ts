import { readFileSync } from 'node:fs';
import { type Report, validateReport } from 'outturn';
import { describe, expect, it } from 'vitest';

// The reference report (苏州市商务服务中心 2023 部门整体自评表, examples/: its source is in the file),
// its rows repeated so that many rows share a category and a target text, one copy with a
// finding at a target cell (a target of the wrong shape) and one without any.
const EXAMPLE = JSON.parse(
  readFileSync(new URL('../examples/suzhou-commerce-service-center-2023.json', import.meta.url), 'utf8'),
) as { indicators: Record<string, unknown>[] };

function repeated(): Report {
  const rows = [...EXAMPLE.indicators, ...EXAMPLE.indicators, ...EXAMPLE.indicators].map((r) => ({ ...r }));
  // The same target text with no operator (an implicit-operator finding) and with one (none).
  rows.push({ ...rows[0], target: '90%', actual: '95%' }, { ...rows[0], target: '≥90%', actual: '95%' });
  rows.push({ ...rows[0], target: '90%', actual: '95%', path: ['其他'] });
  return { ...EXAMPLE, indicators: rows } as unknown as Report;
}

/** The target cell's text as the result prints it: blank is null, a number as written. */
function printedTarget(t: unknown): string | null {
  if (typeof t === 'string') return t.trim() === '' ? null : t;
  if (typeof t === 'number') return String(t);
  if (typeof t === 'object' && t !== null) {
    const { operator, value } = t as { operator?: unknown; value?: unknown };
    return `${printedTarget(operator) ?? ''}${printedTarget(value) ?? ''}`;
  }
  return null;
}

const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;

describe('a result whose rows share category arrays and target cells', () => {
  const report = repeated();
  const result = validateReport(report);

  it('gives each row the worst finding at its own target cell', () => {
    result.indicators.forEach((row) => {
      const at = JSON.stringify([...row.path, 'target']);
      const here = result.findings.filter((f) => JSON.stringify(f.path) === at).map((f) => f.severity);
      const worst = SEVERITY_ORDER.find((s) => here.includes(s)) ?? null;
      expect(row.cells.target.worst).toBe(worst);
      expect(row.cells.target.checked).toBe(false);
    });
  });

  it('gives each row its own category and target text', () => {
    const source = report.indicators as readonly Record<string, unknown>[];
    result.indicators.forEach((row, i) => {
      const given = source[i]?.path as unknown[] | undefined;
      expect(row.category).toEqual((given ?? []).filter((x) => typeof x === 'string'));
      expect(row.cells.target.text).toBe(printedTarget(source[i]?.target));
    });
  });

  it('is the result of the rows checked one report each', () => {
    const rows = report.indicators as readonly Record<string, unknown>[];
    const alone = validateReport({ ...EXAMPLE, indicators: [rows.at(-3), rows.at(-2)] } as unknown as Report);
    const [a, b] = result.indicators.slice(-3, -1);
    expect(JSON.stringify(a?.cells)).toBe(JSON.stringify(alone.indicators[0]?.cells));
    expect(JSON.stringify(b?.cells)).toBe(JSON.stringify(alone.indicators[1]?.cells));
    expect(a?.cells.target.worst).toBe('info');
    expect(b?.cells.target.worst).toBe(null);
  });

  it('does not mutate the report', () => {
    const before = JSON.stringify(report);
    validateReport(report);
    expect(JSON.stringify(report)).toBe(before);
  });
});

describe('printed cells shared across rows and columns', () => {
  const report = repeated();
  const result = validateReport(report);
  const cells = result.indicators.flatMap((row) => Object.values(row.cells));

  it('equal cells (text, checked, worst) are one frozen object; different ones are not', () => {
    const byValue = new Map<string, Set<unknown>>();
    for (const c of cells) {
      const key = JSON.stringify([c.text, c.checked, c.worst]);
      const set = byValue.get(key) ?? new Set();
      set.add(c);
      byValue.set(key, set);
    }
    // The report repeats every row three times: far fewer distinct cells than cells.
    expect(new Set(cells).size * 2).toBeLessThan(cells.length);
    for (const [key, set] of byValue) {
      expect({ key, objects: set.size }).toEqual({ key, objects: 1 });
    }
    for (const c of cells) expect(Object.isFrozen(c)).toBe(true);
  });

  it('each row keeps the worst finding and the recomputed flag of its own cells', () => {
    const rows = report.indicators as readonly Record<string, unknown>[];
    result.indicators.forEach((row, i) => {
      const alone = validateReport({ ...EXAMPLE, indicators: [rows[i]] } as unknown as Report);
      // The row checked alone differs only where rows of the report are compared with each other.
      const own = alone.indicators[0]?.cells;
      for (const k of ['target', 'actual', 'unit', 'weight', 'reason'] as const) {
        expect(row.cells[k].text).toBe(own?.[k].text);
      }
    });
    const at = (p: readonly unknown[]) => JSON.stringify(p);
    for (const row of result.indicators) {
      for (const [k, c] of Object.entries(row.cells)) {
        const tail = k === 'deviation' || k === 'score' ? ['published', k] : [k];
        const here = result.findings
          .filter((f) => at(f.path) === at([...row.path, ...tail]))
          .map((f) => f.severity);
        expect(c.worst).toBe(SEVERITY_ORDER.find((s) => here.includes(s)) ?? null);
      }
    }
  });
});

describe('readings of the actuals shared across rows', () => {
  const report = repeated();
  const result = validateReport(report);

  it('rows that print the same actual hold one reading of it, equal to their own', () => {
    const rows = report.indicators as readonly Record<string, unknown>[];
    const byText = new Map<string, Set<unknown>>();
    result.indicators.forEach((row, i) => {
      const actual = row.evaluation.actual;
      if (actual === null) return;
      const alone = validateReport({ ...EXAMPLE, indicators: [rows[i]] } as unknown as Report);
      expect(actual).toEqual(alone.indicators[0]?.evaluation.actual);
      const key = JSON.stringify(actual);
      byText.set(key, (byText.get(key) ?? new Set()).add(actual));
    });
    expect(byText.size).toBeGreaterThan(10);
    for (const [key, set] of byText) expect({ key, objects: set.size }).toEqual({ key, objects: 1 });
  });
});
