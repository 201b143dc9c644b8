/**
 * The rendering helpers and renderers of outturn-cli/render, called directly: display width,
 * cutting and wrapping, Markdown cells, colours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateReport } from 'outturn';
import { parseReport } from 'outturn/schema';
import { displayWidth, markdownCell, renderText, stripAnsi, truncate, wrap } from 'outturn-cli/render';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const ESC = String.fromCharCode(27);

describe('rendering helpers', () => {
  it('displayWidth counts CJK, full-width forms, Hangul and kana as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('预算执行率')).toBe(10);
    expect(displayWidth('（），。、')).toBe(10);
    // East Asian Ambiguous characters (curly quotes, …) are narrow, as wcwidth counts them.
    expect(displayWidth('“”…')).toBe(3);
    expect(displayWidth('ＡＢ％')).toBe(6);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('かなカナ')).toBe(8);
    expect(displayWidth('ｶﾅ')).toBe(2); // half-width katakana
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth(`${ESC}[31m红${ESC}[39m`)).toBe(2);
    expect(displayWidth('𠀀')).toBe(2);
  });

  it('truncate and wrap respect display width', () => {
    expect(truncate('项目管理制度执行规范性', 10)).toBe('项目管理…');
    expect(displayWidth(truncate('项目管理制度执行规范性', 9))).toBeLessThanOrEqual(9);
    expect(truncate('short', 10)).toBe('short');
    expect(
      wrap('“预算执行率”印为 93.74%，但按报告自身数据计算为 134.17%', 20).every((l) => displayWidth(l) <= 20),
    ).toBe(true);
    // Numbers are not split at their decimal point.
    expect(wrap('is printed as 100%, but gives 71.43% here', 30)).toEqual([
      'is printed as 100%, but gives',
      '71.43% here',
    ]);
    // No line starts with closing punctuation.
    expect(wrap('一二三四五，六七', 10).some((l) => l.startsWith('，'))).toBe(false);
  });

  it('wrap never exceeds the width and loses nothing', () => {
    const ch = fc.constantFrom(...'ab1.%-  中文，。“”（）한か＞');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 80 }), fc.integer({ min: 2, max: 30 }), (chars, width) => {
        const text = chars.join('');
        const lines = wrap(text, width);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('markdownCell escapes pipes and collapses line breaks', () => {
    expect(markdownCell('a|b\nc')).toBe('a\\|b c');
    expect(markdownCell('\u3000\u3000基本支出')).toBe('\u3000\u3000基本支出');
  });

  it('renderText colours only when asked', () => {
    const parsed = parseReport(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    if (!parsed.ok) throw new Error('example does not parse');
    const input = { file: 'x.json', result: validateReport(parsed.report) };
    const plain = renderText(input, { lang: 'en' });
    const coloured = renderText(input, { lang: 'en', color: true });
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(`${ESC}[31m`);
    expect(stripAnsi(coloured)).toBe(plain);
    const wide = renderText(input, { lang: 'zh', width: 120 });
    for (const line of wide.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(120);
    expect(wide).toContain('项目管理制度执行规范性');
  });
});
