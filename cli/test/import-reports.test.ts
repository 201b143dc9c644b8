/**
 * Real public reports (examples/reports/*.json, each with its source), transcribed into CSV
 * with the headers their tables print (test/fixtures/import/*.csv, the source in comment
 * rows), and imported from CSV, from an .xlsx built from the same rows, and from the same
 * rows as PDF-like text: every format gives the budget and the indicators of the JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from 'outturn';
import { validateReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import {
  type ImportResult,
  type ImportSuccess,
  importReport,
  importText,
  type Location,
} from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import {
  budgetFields,
  csvRows,
  FIXTURES,
  findingKeys,
  indicatorFields,
  ROOT,
  readJson,
  sheetOf,
  textOf,
  workbook,
} from './fixtures/import/helpers.js';

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

const reports = (name: string) => readJson(join(ROOT, 'examples', 'reports', name));

/** The 1-based column of a location: `column` of a line, or the letter of a cell (`H9` → 8); null for a row. */
function columnOf(at: Location): number | null {
  if (at.column !== undefined) return at.column;
  const m = /^([A-Z]+)\d+(?::([A-Z]+)\d+)?$/.exec(at.cell ?? '');
  if (m?.[1] === undefined || (m[2] !== undefined && m[2] !== m[1])) return null;
  return [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

interface Case {
  readonly csv: string;
  /** The report the CSV transcribes (the fields the import produces). */
  readonly expected: () => Report;
  /** What of the transcription is not imported: its column (or null for a row), and why. */
  readonly unplaced: readonly (readonly [number | null, string])[];
  readonly facts: Partial<Report>;
}

const CASES: readonly Case[] = [
  {
    csv: 'cn-hebei-langfang-food-school-2019-hvac.csv',
    expected: () => reports('cn-hebei-langfang-food-school-2019-hvac.json') as unknown as Report,
    unplaced: [],
    facts: { kind: 'project', entity: '廊坊市食品工程学校', year: 2019, amountUnit: '万元' },
  },
  {
    csv: 'cn-sichuan-qingshen-fgj-2023-wages.csv',
    expected: () => reports('cn-sichuan-qingshen-fgj-2023-wages.json') as unknown as Report,
    unplaced: [
      [8, 'is not a known budget column'],
      [null, 'an indicator row without a name'],
    ],
    facts: { kind: 'project', entity: '青神县发展和改革局', year: 2023, amountUnit: '万元' },
  },
  {
    csv: 'za-gauteng-cogta-2019-20.csv',
    expected: () => {
      const statement = reports('za-gauteng-cogta-2019-20-appropriation-statement.json');
      const performance = reports('za-gauteng-cogta-2019-20-programme-performance.json');
      return {
        ...statement,
        budget: [(statement.budget as Report['budget'] & unknown[])[0]],
        indicators: performance.indicators,
      } as Report;
    },
    unplaced: [
      [3, '"Shifting of Funds" is not a known budget column'],
      [4, '"Virement" is not a known budget column'],
      [9, 'a column of an earlier year (comparative figures)'],
      [10, 'column "Actual Expenditure" to its left already gives this'],
    ],
    facts: {
      kind: 'department',
      entity: 'Gauteng Department of Co-operative Governance and Traditional Affairs',
      year: 2020,
    },
  },
];

for (const c of CASES) {
  const path = join(FIXTURES, c.csv);
  const rows = csvRows(path);
  const expected = c.expected();

  describe(c.csv, () => {
    it('keeps its source in a comment row', () => {
      expect(rows[0]?.[0]).toMatch(/^# /);
      expect(rows.some((r) => /^# .*Source: https?:\/\//i.test(r[0] ?? ''))).toBe(true);
    });

    const formats: readonly (readonly [string, () => Promise<ImportResult> | ImportResult])[] = [
      ['CSV', () => importReport(readFileSync(path), { fileName: c.csv })],
      [
        '.xlsx (numbers as numbers, percentages as fractions)',
        () => importReport(workbook([['Sheet1', sheetOf(rows)]])),
      ],
      ['PDF-like text', () => importText(textOf(rows), { from: 'text' })],
    ];
    for (const [label, run] of formats) {
      it(`${label} gives the budget and the indicators of the JSON`, async () => {
        const r = ok(await run());
        expect(budgetFields(r.report.budget)).toEqual(budgetFields(expected.budget));
        expect(indicatorFields(r.report.indicators)).toEqual(indicatorFields(expected.indicators));
        expect(r.report).toMatchObject(c.facts);
        expect(parseReport(JSON.parse(JSON.stringify(r.report))).ok).toBe(true);
        const unplaced = r.unplaced.filter((u) => !u.reason.en.startsWith('narrative text'));
        expect(unplaced).toHaveLength(c.unplaced.length);
        c.unplaced.forEach(([column, reason], k) => {
          expect(columnOf(unplaced[k]?.at ?? {})).toBe(column);
          expect(unplaced[k]?.reason.en).toContain(reason);
        });
      });
    }

    it('checks like the JSON: the same findings (code, path, printed, recomputed)', async () => {
      const r = ok(await importReport(readFileSync(path)));
      const fromJson = validateReport({
        ...expected,
        budget: budgetFields(expected.budget),
        indicators: indicatorFields(expected.indicators),
      } as Report);
      const imported = validateReport(r.report);
      expect(findingKeys(imported.findings)).toEqual(findingKeys(fromJson.findings));
      // The printed cells echo each input as given: the import keeps a "/" that the transcription
      // left out, so the recomputed figures are compared, not the echoed cells.
      const recomputed = ({ cells: _cells, ...rest }: (typeof imported.indicators)[number]) => rest;
      expect(imported.indicators.map(recomputed)).toEqual(fromJson.indicators.map(recomputed));
      // The import keeps a printed "/" weight (qingshen's sub-rows) that the transcription left
      // out; the core reads it as an invalid weight in `scoreResult` (no finding either way).
      const figures = ({ cells: _cells, ...b }: (typeof imported.budget)[number]) => ({
        ...b,
        scoreResult: null,
      });
      expect(imported.budget.map(figures)).toEqual(fromJson.budget.map(figures));
    });
  });
}

describe('what the transcriptions show', () => {
  it('hebei: 年度资金总额 above 其中:当年财政拨款 and its siblings; the weights and scores of a project table', () => {
    const r = ok(
      importText(readFileSync(join(FIXTURES, 'cn-hebei-langfang-food-school-2019-hvac.csv'), 'utf8')),
    );
    expect(r.report.budget?.[0]).toMatchObject({
      name: '年度资金总额',
      weight: '10',
      published: { executionRate: '86%', score: '9' },
      children: [{ name: '其中:当年财政拨款' }, { name: '上年结转资金' }, { name: '其他资金' }],
    });
    expect(r.report.indicators?.[0]).toMatchObject({
      path: ['产出指标', '数量指标'],
      weight: '10',
      published: { score: '9' },
    });
    const result = validateReport(r.report);
    expect(result.budget[0]?.executionRate).toBe('86.20%');
    expect(result.findings.map((f) => `${f.code} ${f.path.join('.')}`)).toContain(
      'target-not-met indicators.0.actual',
    );
  });

  it('qingshen: the operator and the unit in their own columns; 合计 of the weights is listed, not imported', () => {
    const r = ok(importText(readFileSync(join(FIXTURES, 'cn-sichuan-qingshen-fgj-2023-wages.csv'), 'utf8')));
    expect(r.report.indicators?.[0]).toEqual({
      path: ['产出指标', '数量指标'],
      name: '发放(缴纳)覆盖率',
      target: { operator: '=', value: '100' },
      unit: '%',
      weight: '60',
      reason: '',
    });
    expect(r.unplaced[1]).toMatchObject({ where: 'line 18', text: '合计 | 100' });
  });

  it('gauteng: a total printed below three levels of indented lines; headings as indicator paths', () => {
    const r = ok(importText(readFileSync(join(FIXTURES, 'za-gauteng-cogta-2019-20.csv'), 'utf8')));
    const root = r.report.budget?.[0];
    expect(root?.name).toBe('TOTAL (appropriation per economic classification, 2019/20)');
    expect(root?.children?.map((l) => l.name)).toEqual([
      'Current payments',
      'Transfers and subsidies',
      'Payments for capital assets',
      'Payments for financial assets',
    ]);
    expect(root?.children?.[2]?.children?.[0]?.children?.map((l) => l.name)).toEqual([
      'Transport equipment',
      'Other machinery and equipment',
    ]);
    expect(r.report.indicators?.[4]?.path).toEqual([
      'Programme Name: TRANSFORMATION',
      'Strategic objectives',
    ]);
    expect(validateReport(r.report).findings.filter((f) => f.code === 'budget-sum-mismatch')).toEqual([]);
  });
});
