/**
 * Issue 8, property-based tests of the CLI renderers (fast-check): text, Markdown and JSON output
 * of any report parseReport accepts. Moved here from test/properties.test.ts, so that the tests
 * of the library do not import the CLI package; the arbitraries are shared with those tests
 * (test/support/properties.ts).
 *
 * The property runs RUNS (2,000) generated reports; it is in the `stress` project.
 */
import fc from 'fast-check';
import { validateReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import { displayWidth, renderJson, renderMarkdown, renderText } from 'outturn-cli/render';
import { describe, expect, it } from 'vitest';
import { expectClean, goodReport } from '../../test/support/properties.js';

/** Generated cases per property: "thousands" (issue 8). */
const RUNS = 2000;

/** Pipes of a Markdown table line that separate cells (not escaped with a backslash). */
function cellSeparators(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

describe('the CLI renderers on accepted reports', () => {
  it('never throw; text stays within its width; Markdown rows keep their cells; JSON has no NaN', () => {
    fc.assert(
      fc.property(goodReport, fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, (json, lang) => {
        const parsed = parseReport(json);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        const input = { file: 'report.json', result: validateReport(parsed.report) };
        for (const line of renderText(input, { lang, width: 80 }).split('\n')) {
          expect(displayWidth(line), line).toBeLessThanOrEqual(80);
        }
        let columns: number | null = null;
        for (const line of renderMarkdown(input, { lang }).split('\n')) {
          if (!line.startsWith('|')) {
            columns = null;
            continue;
          }
          const n = cellSeparators(line);
          if (columns === null) columns = n;
          expect(n, line).toBe(columns);
        }
        const out: unknown = JSON.parse(renderJson(input.result, lang));
        expectClean(out, json, true);
      }),
      { numRuns: RUNS },
    );
  });
});
