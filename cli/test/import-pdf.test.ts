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
import { readDocx } from '../src/import/docx.js';
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

describe('a ruled table of a Writer PDF reads as the document it was printed from', () => {
  // The real tables' .pdf is Writer's print of the .docx beside it: the table's borders give
  // the rows, columns and merged cells the document has. The cells' texts are compared without
  // line breaks (a cell's explicit break and a wrap look the same in a PDF) and without the
  // spaces beside Chinese characters (the PDF does not print the space at a wrap).
  const REAL = join(FIXTURES, 'real');
  const text = (c: string) =>
    c.replace(/\n/g, '').replace(/ +(?=\p{Script=Han})|(?<=\p{Script=Han}) +/gu, '');
  const trimmed = (row: readonly string[]) => {
    const out = row.map(text);
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  };
  // The merged cells are compared where the document's grid has no column beyond its table
  // (Guizhou's .docx has one more grid column than its cells use).
  it.each([
    ['cn-sichuan-qingshen-fgj-2023-wages', true],
    ['cn-guizhou-suiyang-taibai-2021-department', false],
    ['suzhou-commerce-service-center-2023', true],
  ] as const)('%s: the same rows and cells as the .docx (merged cells: %s)', async (id, withMerges) => {
    const ctx = { file: id, sheet: undefined, limits: DEFAULT_LIMITS };
    const read = (ext: string) => new Uint8Array(readFileSync(join(REAL, id, `${id}.${ext}`)));
    const fromPdf = await readPdf(read('pdf'), ctx);
    const fromDocx = await readDocx(read('docx'), ctx);
    if (!fromPdf.ok || !fromDocx.ok) throw new Error('not read');
    const p = fromPdf.parts[0]?.grid;
    const d = fromDocx.parts[0]?.grid;
    expect(p?.format).toBe('pdf');
    expect(p?.ruled).toBe(true);
    // The rows of the tables (two cells or more); the paragraphs between them wrap in a PDF.
    const tableRows = (g: typeof p) => (g?.rows ?? []).filter((r) => r.length >= 2).map(trimmed);
    expect(tableRows(p)).toEqual(tableRows(d));
    const key = (m: { r0: number; c0: number; r1: number; c1: number }, g: typeof p) => [
      trimmed(g?.rows[m.r0] ?? [])[0] ?? '',
      m.c0,
      m.r1 - m.r0,
      m.c1 - m.c0,
    ];
    const merges = (g: typeof p) =>
      (g?.merges ?? [])
        .map((m) => key(m, g))
        .map((k) => JSON.stringify(k))
        .sort();
    if (withMerges) expect(merges(p)).toEqual(merges(d));
    else expect(merges(p).length).toBeGreaterThan(0);
  });
});

/** The lines of a budget tree, each with its figures (and its name without spaces), by name. */
function flat(lines: Report['budget']): unknown[] {
  const all = (ls: Report['budget']): Record<string, unknown>[] =>
    (ls ?? []).flatMap((l) => {
      const { children: _children, name, ...rest } = budgetFields([l])[0] as Record<string, unknown>;
      return [{ ...rest, name: String(name).replaceAll(' ', '') }, ...all(l.children ?? [])];
    });
  return all(lines).sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

describe('za-gauteng-cogta-2019-20 (English, R thousand): what a PDF keeps of an indented statement', () => {
  const statement = reports('za-gauteng-cogta-2019-20-appropriation-statement.json');
  const performance = reports('za-gauteng-cogta-2019-20-programme-performance.json');
  // Chromium's print of it wraps the first column's names over three lines beside vertically
  // centred figures, and the layout joins some of those lines to the wrong row: not read yet.
  it.todo('za-gauteng-cogta-2019-20.chromium.pdf: names wrapped over three lines beside centred figures');
  for (const producer of ['writer'] as const) {
    const file = `za-gauteng-cogta-2019-20.${producer}.pdf`;
    it(`${file}: every budget line with its figures exactly; the indicators field for field`, async () => {
      const r = ok(await importReport(pdf(file), { fileName: file }));
      // The tree is not: the page indents the sub-items, and the PDF loses that (Writer ignores
      // the cells' left padding; names and words wrap inside narrow cells).
      expect(flat(r.report.budget)).toEqual(
        flat([statement.budget?.[0] as NonNullable<Report['budget']>[number]]),
      );
      expect(unspaced(indicatorFields(r.report.indicators))).toEqual(
        unspaced(indicatorFields(performance.indicators)),
      );
      expect(r.report).toMatchObject({
        kind: 'department',
        entity: 'Gauteng Department of Co-operative Governance and Traditional Affairs',
        year: 2020,
      });
      expect(output).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------

/** A minimal PDF of `pages` pages, each showing `text` (Helvetica) or nothing, with a valid xref. */
function minimalPdf(pages: number, text: (page: number) => string | null): Uint8Array {
  const objects: string[] = [];
  const kids: number[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let n = 4;
  for (let p = 1; p <= pages; p++) {
    const t = text(p);
    const stream = t === null ? '' : `BT /F1 12 Tf 72 720 Td (${t}) Tj ET`;
    objects[n] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    objects[n + 1] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n} 0 R >>`;
    kids.push(n + 1);
    n += 2;
  }
  objects[2] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < n; i++) {
    offsets[i] = body.length;
    body += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${n}\n0000000000 65535 f \n`;
  for (let i = 1; i < n; i++) body += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('refused with one line, nothing on the console', () => {
  const one = (r: ImportResult) => {
    if (r.ok) throw new Error('expected a refusal');
    expect(r.message.en).not.toContain('\n');
    expect(r.message.zh).not.toContain('\n');
    expect(output).toEqual([]);
    return r.message;
  };

  it.each([
    [
      'a scanned PDF (a page image, no text)',
      () => pdf('scanned.pdf'),
      'a scanned PDF without a text layer: outturn reads digital PDFs; run OCR first',
      '扫描版 PDF',
    ],
    [
      'an encrypted PDF that needs a password',
      () => pdf('encrypted.pdf'),
      'an encrypted PDF that needs a password',
      '加密的 PDF',
    ],
    [
      'a damaged PDF (the signature, then garbage)',
      () => new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}`),
      'a damaged PDF',
      '损坏的 PDF',
    ],
    [
      'a PDF cut off in the middle',
      () => pdf('cn-sichuan-qingshen-fgj-2023-wages.writer.pdf').slice(0, 2000),
      'a damaged PDF',
      '损坏的 PDF',
    ],
    [
      'a PDF whose pages print nothing',
      () => minimalPdf(2, () => null),
      'a PDF without any text',
      'PDF 中没有任何文字',
    ],
  ] as const)('%s', async (_label, bytes, en, zh) => {
    const m = one(await importReport(bytes(), { fileName: 'x.pdf' }));
    expect(m.en).toContain(en);
    expect(m.zh).toContain(zh);
  });

  it('a file that is not a PDF, read as one (--from pdf)', async () => {
    const m = one(await importReport(new TextEncoder().encode('预算项目,年初预算数\n'), { from: 'pdf' }));
    expect(m.en).toBe('not a PDF: the file has no %PDF- signature');
  });

  it(`more than ${MAX_PDF_PAGES} pages`, async () => {
    const m = one(await importReport(minimalPdf(MAX_PDF_PAGES + 1, () => null)));
    expect(m.en).toContain(`a PDF of ${MAX_PDF_PAGES + 1} pages: at most ${MAX_PDF_PAGES} are read`);
  });

  it('more text items than the cell limit', async () => {
    const limits = { ...DEFAULT_LIMITS, cells: 20 };
    const doc = await readPdf(
      minimalPdf(30, (p) => `line ${p}`),
      { file: undefined, sheet: undefined, limits },
    );
    expect(doc.ok).toBe(false);
    if (!doc.ok)
      expect(doc.message.en).toBe(
        "more than 20 text items in the PDF: the file is beyond the import's limit",
      );
    expect(output).toEqual([]);
  });

  it('a digital PDF of the minimal kind reads; a page number alone at the foot of a page is left out, with a note', async () => {
    const doc = await readPdf(
      minimalPdf(1, () => '7'),
      { file: 'n.pdf', sheet: undefined, limits: DEFAULT_LIMITS },
    );
    // One line that is a page number is the only text: it is kept (a page of one line has no footer).
    expect(doc.ok && doc.parts[0]?.grid?.rows).toEqual([['7']]);
  });
});
