/**
 * Digital PDFs, made the way offices make them: real published tables (the transcription
 * CSVs of test/fixtures/import/) written as web pages and printed to PDF by LibreOffice Writer
 * and by Chromium (scripts/fixtures/pdf.mjs remakes them). Each imports to the hand-made JSON;
 * a scanned PDF, an encrypted one, a damaged one, a file that is not a PDF and PDFs beyond the
 * limits are refused with one line, and nothing reaches the console.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from 'outturn';
import { validateReport } from 'outturn';
import { type ImportResult, type ImportSuccess, importReport } from 'outturn-cli/import';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../src/import/document.js';
import { MAX_PDF_PAGES, readPdf } from '../src/import/pdf.js';
import {
  budgetFields,
  FIXTURES,
  findingKeys,
  indicatorFields,
  REFERENCE,
  ROOT,
  readJson,
} from './fixtures/import/helpers.js';

const PDF = join(FIXTURES, 'pdf');
const pdf = (name: string) => new Uint8Array(readFileSync(join(PDF, name)));
const reports = (name: string) => readJson(join(ROOT, 'examples', 'reports', name)) as unknown as Report;

/**
 * The fields with the spaces beside Chinese characters (and after a comma) removed. A PDF
 * cannot tell them apart from layout: Writer spaces Chinese from Latin text and digits
 * (`指标 1 工程`, its Asian-typography default), and a cell that wrapped at a space comes back
 * joined without it (`组织以案释法,` + `开展…`). Every other character is compared as is.
 */
function unspaced<T>(value: T): T {
  if (typeof value === 'string')
    return value.replace(
      /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef,;:]) +| +(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu,
      '',
    ) as T;
  if (Array.isArray(value)) return value.map(unspaced) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unspaced(v)])) as T;
  return value;
}

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.message.en}`);
  return r;
}

/** Everything pdf.js or the reader could print: none of it may reach the console. */
let output: string[] = [];
beforeEach(() => {
  output = [];
  for (const m of ['log', 'warn', 'error', 'info', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      output.push(args.map(String).join(' '));
    });
  }
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    output.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const PRODUCERS = ['writer', 'chromium'] as const;

interface Case {
  readonly name: string;
  readonly expected: () => Report;
  readonly facts: Partial<Report>;
}

const CASES: readonly Case[] = [
  {
    name: 'suzhou-commerce-service-center-2023',
    expected: () => readJson(REFERENCE) as unknown as Report,
    facts: { kind: 'department', entity: '苏州市商务服务中心', year: 2023, amountUnit: '万元' },
  },
  {
    name: 'cn-sichuan-qingshen-fgj-2023-wages',
    expected: () => reports('cn-sichuan-qingshen-fgj-2023-wages.json'),
    facts: { kind: 'project', entity: '青神县发展和改革局', year: 2023, amountUnit: '万元' },
  },
  {
    name: 'cn-hebei-langfang-food-school-2019-hvac',
    expected: () => reports('cn-hebei-langfang-food-school-2019-hvac.json'),
    facts: { kind: 'project', entity: '廊坊市食品工程学校', year: 2019, amountUnit: '万元' },
  },
];

for (const c of CASES) {
  for (const producer of PRODUCERS) {
    const file = `${c.name}.${producer}.pdf`;
    describe(file, () => {
      it('gives the budget and the indicators of the hand-made JSON, field for field', async () => {
        const r = ok(await importReport(pdf(file), { fileName: file }));
        const expected = c.expected();
        expect(r.format).toBe('pdf');
        expect(r.encoding).toBeNull();
        // The figures, exactly; the texts but for the spaces beside Chinese characters.
        expect(unspaced(budgetFields(r.report.budget))).toEqual(unspaced(budgetFields(expected.budget)));
        expect(unspaced(indicatorFields(r.report.indicators))).toEqual(
          unspaced(indicatorFields(expected.indicators)),
        );
        const figures = (list: unknown) =>
          indicatorFields(list).map((i) => {
            const { target, actual, weight, published } = i as Record<string, unknown>;
            return { target, actual, weight, published };
          });
        expect(figures(r.report.indicators).map((f) => ({ ...f, target: unspaced(f.target) }))).toEqual(
          figures(expected.indicators).map((f) => ({ ...f, target: unspaced(f.target) })),
        );
        expect(r.report).toMatchObject(c.facts);
        expect(output).toEqual([]);
      });

      it('checks like the JSON: the same findings', async () => {
        const r = ok(await importReport(pdf(file)));
        const expected = c.expected();
        const fromJson = validateReport({
          ...expected,
          budget: budgetFields(expected.budget),
          indicators: indicatorFields(expected.indicators),
        } as Report);
        expect(findingKeys(validateReport(r.report).findings)).toEqual(findingKeys(fromJson.findings));
      });

      it('locates every row by page and line', async () => {
        const doc = await readPdf(pdf(file), { file, sheet: undefined, limits: DEFAULT_LIMITS });
        if (!doc.ok) throw new Error(doc.message.en);
        const grid = doc.parts[0]?.grid;
        expect(grid?.format).toBe('pdf');
        for (let r = 0; r < (grid?.rows.length ?? 0); r++) {
          expect(grid?.locate(r)).toMatchObject({ file, page: expect.any(Number), line: expect.any(Number) });
        }
      });
    });
  }
}
