/**
 * Issue 8, security of what the CLI renderers write: formula-like cells in Markdown, and the
 * regular expressions of the CLI sources. Moved here from test/hostile-security.test.ts, so that
 * the tests of the library do not import the CLI package.
 *
 * Linear time is checked without a clock: eslint-plugin-regexp proves statically that no regular
 * expression of cli/src backtracks super-linearly (the quadratic `/^[ \t]+|[ \t]+$/g` that
 * markdownCell once used is exactly what `regexp/no-super-linear-move` reports). How the cost of
 * markdownCell grows with its input is measured in bench/growth.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type { Report } from 'outturn';
import { validateReport } from 'outturn';
import { markdownCell, renderMarkdown } from 'outturn-cli/render';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, markdownCells } from '../../test/fixtures/hostile/markdown.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/hostile/${name}`, import.meta.url), 'utf8');

describe('Markdown output neutralises formula-like cells', () => {
  it('no table cell of the Markdown report starts a formula', () => {
    const report = JSON.parse(fixture('formula-cells.json')) as Report;
    const markdown = renderMarkdown(
      { file: 'formula-cells.json', result: validateReport(report) },
      { lang: 'en' },
    );
    const cells = markdownCells(markdown);
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter(isFormulaLike)).toEqual([]);
    // A heading or paragraph starting with the title is not a cell, but no line starts a formula either.
    expect(markdown.split('\n').filter((l) => /^[=+@]/.test(l))).toEqual([]);
  });

  it('negative figures are not mangled', () => {
    expect(isFormulaLike('-6.26%')).toBe(false);
    expect(isFormulaLike('-1,234.5')).toBe(false);
    expect(isFormulaLike('-1+2')).toBe(true);
  });
});

describe('regular expressions of cli/src do not backtrack (eslint-plugin-regexp, eslint.config.js)', () => {
  it('regexp/no-super-linear-backtracking and regexp/no-super-linear-move report nothing', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['cli/src']);
    expect(results.length).toBeGreaterThan(0);
    const slow = results.flatMap((r) =>
      r.messages
        .filter(
          (m) =>
            m.ruleId === 'regexp/no-super-linear-backtracking' || m.ruleId === 'regexp/no-super-linear-move',
        )
        .map((m) => `${r.filePath.slice(ROOT.length)}:${m.line}:${m.column} ${m.message}`),
    );
    expect(slow).toEqual([]);
  }, 60_000);

  it('the rule reports the quadratic trim markdownCell once had (the check above can fail)', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(
      "export const trim = (s: string) => s.replace(/^[ \\t]+|[ \\t]+$/g, '');",
      {
        filePath: 'cli/src/render/trim.ts',
      },
    );
    expect(result?.messages.map((m) => m.ruleId)).toContain('regexp/no-super-linear-move');
  }, 60_000);

  it('markdownCell keeps a long run of spaces inside a cell and trims only the ends', () => {
    const inner = ' '.repeat(40_000);
    expect(markdownCell(`a${inner}b`)).toBe(`a${inner}b`);
    expect(markdownCell(` \t${inner}a${inner}b${inner}\t `)).toBe(`a${inner}b`);
    expect(markdownCell(`${inner}=SUM(A1)${inner}`)).toBe('\\=SUM(A1)');
    expect(markdownCell(inner)).toBe('');
  });
});
