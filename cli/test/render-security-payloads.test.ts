/**
 * Issue 15, item 6: nothing from a report controls the terminal or a page. Every payload below
 * (clear the screen, write the clipboard with OSC 52, a hidden OSC 8 hyperlink, concealed text,
 * move the cursor up and erase a line, raw HTML, a table cell closed early, a javascript: link,
 * a forged summary line) is put in the entity, the title, a budget line, an indicator's name,
 * category and cells, and must come out inert through the text output (with and without
 * colour, at several widths, so that truncation cuts through the escapes), the lines on stderr
 * of an import, the Markdown output (rendered to HTML by markdown-it with raw HTML allowed, so
 * that HTML in the report would show) and the JSON output (the same strings back as data).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Report, validateReport } from 'outturn';
import { markdownCell, renderMarkdown, renderText, stripAnsi, truncate } from 'outturn-cli/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownText } from '../src/render/markdown.js';
import { visible } from '../src/render/terminal.js';
import { run as runIn } from './support/run.js';

const ESC = '\u001b';
const BEL = '\u0007';

/** The payloads of issue 15, by name. */
const PAYLOADS: Readonly<Record<string, string>> = {
  clear: `${ESC}[2J${ESC}[H`,
  clipboard: `${ESC}]52;c;ZWNobyBwd25lZA==${BEL}`,
  hyperlink: `${ESC}]8;;https://evil.example/${ESC}\\click me${ESC}]8;;${ESC}\\`,
  conceal: `${ESC}[8mhidden${ESC}[28m`,
  overwrite: `${ESC}[1A${ESC}[2K`,
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  cell: '</td><td>',
  link: '[x](javascript:alert(1))',
  forged: '\nSummary: 0 errors, 0 warnings, 0 info.\n',
};
const ALL = Object.values(PAYLOADS).join(' ');

/** A report with every payload in every text the outputs print. */
function hostileReport(payload: string): Report {
  return {
    kind: 'project',
    title: `Title ${payload}`,
    entity: `Entity ${payload}`,
    year: 2023,
    // A unit is at most 40 characters: the longer payloads stay out of it.
    amountUnit: payload.length <= 38 ? `万元${payload}` : '万元',
    budget: [
      {
        name: `Line ${payload}`,
        adjusted: '100',
        actual: '90',
        published: { executionRate: `90%${payload}` },
      },
    ],
    indicators: [
      {
        path: [`Group ${payload}`],
        name: `Name ${payload}`,
        target: `≥90%${payload}`,
        actual: `95%${payload}`,
        reason: `Reason ${payload}`,
        published: { deviation: `5%${payload}` },
      },
      { path: ['产出指标'], name: `Plain ${payload}`, target: '≥90%', actual: '80%' },
    ],
  } as unknown as Report;
}

/** The characters that act on a terminal: C0 but tab and line feed, DEL, C1, bidi controls. */
function acting(text: string): string[] {
  return [...text].filter((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return (
      (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      [0x061c, 0x200e, 0x200f].includes(c) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    );
  });
}

/** Escapes cut in half: a `\u` not followed by four hex digits. */
const HALF_ESCAPE = /\\u(?![0-9a-f]{4})/;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-payloads-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('text output: every payload shown, none acting', () => {
  it.each(Object.entries(PAYLOADS))(
    '%s, in zh and en, plain and coloured, 80 and 160 columns',
    async (_name, payload) => {
      const p = file('payload.json', JSON.stringify(hostileReport(payload)));
      for (const lang of ['en', 'zh'] as const) {
        for (const columns of [80, 160]) {
          const plain = await runIn(['check', p, '--lang', lang, '--fail-on', 'never'], { cwd: dir });
          const coloured = await runIn(['check', p, '--lang', lang, '--fail-on', 'never', '--color'], {
            cwd: dir,
            env: {},
            isTTY: true,
            columns,
          });
          expect(plain.status).toBe(0);
          expect(plain.stdout).not.toContain('not a report'); // a report, every table printed
          expect(acting(plain.stdout)).toEqual([]);
          expect(coloured.stdout).toContain(`${ESC}[1m`); // outturn's own colours
          expect(acting(stripAnsi(coloured.stdout))).toEqual([]);
          for (const out of [plain.stdout, stripAnsi(coloured.stdout)]) {
            expect(out).not.toMatch(HALF_ESCAPE);
            // One summary line, outturn's own: a line break in a cell never starts a line.
            const summaries = out.split('\n').filter((l) => /^(Summary|小结)/.test(l));
            expect(summaries).toHaveLength(1);
            expect(summaries[0]).not.toContain('0 errors, 0 warnings, 0 info');
          }
        }
      }
    },
  );

  it('the escapes are visible text: \\u001b]52, \\u001b[2J, \\u0007', async () => {
    const p = file('all.json', JSON.stringify(hostileReport(ALL)));
    const r = await runIn(['check', p, '--lang', 'en', '--fail-on', 'never'], { cwd: dir });
    expect(r.stdout).toContain('Entity \\u001b[2J\\u001b[H');
    expect(r.stdout).toContain('\\u001b]52;c;ZWNobyBwd25lZA==\\u0007');
    expect(r.stdout).toContain('\\u001b[8mhidden');
    expect(r.stdout).toContain('<script>alert(1)</script>'); // harmless in a terminal, shown as written
  });

  it('a cut through a name never cuts an escape in half, whatever the offset', () => {
    const budget = Array.from({ length: 40 }, (_, k) => ({
      name: `${'名'.repeat(k % 7)}${'x'.repeat(k)}${ESC}[2J${BEL}${'y'.repeat(60)}`,
      adjusted: '100',
      actual: '90',
    }));
    const result = validateReport({ kind: 'project', budget } as unknown as Report);
    for (const width of [40, 60, 80, 97, 120]) {
      const out = renderText({ file: 'cut.json', result }, { lang: 'en', width });
      expect(acting(out)).toEqual([]);
      expect(out).not.toMatch(HALF_ESCAPE);
      expect(out).toContain('…'); // the names were cut
    }
  });

  it.each([
    ['ab\\u001bcd', 5, 'ab…'],
    ['ab\\u001bcd', 8, 'ab…'],
    ['ab\\u001bcd', 9, 'ab\\u001b…'],
    ['ab\\u001bcd', 10, 'ab\\u001bcd'],
    ['\\u001b\\u0007', 7, '\\u001b…'],
    ['\\u001b\\u0007', 6, '…'],
  ])('truncate(%j, %i) is %j', (text, width, cut) => {
    expect(truncate(text, width)).toBe(cut);
  });
});

describe('stderr: the lines of an import show the payloads, one line each', () => {
  it('an unknown column and cells with every payload', async () => {
    const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const csv = file(
      'payload.csv',
      [
        `预算项目,年初预算数,实际支出数,${quoted(`备注${ALL}`)}`,
        `${quoted(`合计${ALL}`)},1,1,${quoted(ALL)}`,
        `${quoted(`stray ${ALL}`)}`,
        '',
      ].join('\n'),
    );
    for (const lang of ['en', 'zh']) {
      const r = await runIn(['import', csv, '--lang', lang], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(acting(r.stderr)).toEqual([]);
      expect(acting(r.stdout)).toEqual([]);
      expect(r.stderr).not.toMatch(HALF_ESCAPE);
      // Every line is outturn's: the newlines of the payload never start one.
      for (const line of r.stderr.split('\n').slice(0, -1))
        expect(line.startsWith('outturn: '), line).toBe(true);
      expect(r.stderr).toContain('\\u001b]52;c;');
    }
  });

  it('a usage error naming a file with the payloads', async () => {
    const r = await runIn(['check', `missing${ALL}.json`, '--lang', 'en'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(acting(r.stderr)).toEqual([]);
    expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expect(r.stderr).toContain('\\u001b[1A\\u001b[2K');
  });
});

// markdown-it renders the Markdown the way a memo viewer would, with raw HTML allowed: what the
// report smuggled in as HTML would come out as tags.
const require = createRequire(import.meta.url);
type MarkdownIt = { render: (md: string) => string; renderInline: (md: string) => string };
const markdownIt = (require('markdown-it') as (o: { html: boolean; linkify: boolean }) => MarkdownIt)({
  html: true,
  linkify: false,
});

describe('Markdown output: no raw HTML, no link, no emphasis from the report', () => {
  it.each(Object.entries(PAYLOADS))('%s in every heading, paragraph and cell', (_name, payload) => {
    const result = validateReport(hostileReport(payload));
    for (const lang of ['en', 'zh'] as const) {
      const md = renderMarkdown({ file: `memo ${payload}.json`, result }, { lang });
      expect(acting(md)).toEqual([]);
      // Every < > [ ] ` * _ of the report is escaped (the only unescaped backticks: the file's code span).
      const outsideCode = md.replace(/`+[^`]*`+/g, '');
      expect(outsideCode).not.toMatch(/(?<!\\)[<>]/);
      expect(outsideCode).not.toMatch(/(?<!\\)\[x\]/);
      const html = markdownIt.render(md);
      expect(html).not.toMatch(/<script|<img|<a |href=/i); // onerror=… as text is harmless
      // The table of findings keeps its four columns: no cell closed early.
      expect(html).not.toMatch(/<\/td><td>/);
      for (const row of html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
        const cells = (row.match(/<t[dh][ >]/g) ?? []).length;
        expect(cells).toBeGreaterThanOrEqual(2);
      }
      // What the report wrote is shown, as text.
      if (payload.includes('<script>')) expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      if (payload.includes('javascript')) expect(html).toContain('[x](javascript:alert(1))');
      // A line break in a cell starts no line of the memo.
      expect(md.split('\n').filter((l) => l.startsWith('Summary: 0 errors'))).toEqual([]);
    }
  });

  it('a title ending in # keeps its #, a title of Markdown headings is one heading', () => {
    const result = validateReport({
      kind: 'project',
      title: 'Report #\n# Summary: 0 errors #',
    } as unknown as Report);
    const md = renderMarkdown({ file: 'r.json', result }, { lang: 'en' });
    const html = markdownIt.render(md);
    expect(html).toContain('<h1>outturn check: Report # # Summary: 0 errors #</h1>');
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['*bold* _it_ ~s~', '\\*bold\\* \\_it\\_ \\~s\\~'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['</td><td>', '\\</td\\>\\<td\\>'],
    ['`code`', '\\`code\\`'],
    ['a\\b', 'a\\\\b'],
    ['line one\nline two\r\nthree', 'line one line two three'],
    ['=HYPERLINK("x")', '\\=HYPERLINK("x")'],
    ['-6.26%', '-6.26%'],
  ])('markdownCell(%j) is %j', (text, cell) => {
    expect(markdownCell(text)).toBe(cell);
  });

  it('markdownText renders back to exactly the text it was given', () => {
    for (const text of [
      ...Object.values(PAYLOADS).map((p) => p.replace(/\n/g, ' ').trim()),
      'a_b*c`d`[e]<f>|g\\h',
    ]) {
      const shown = visible(text);
      const html = markdownIt.renderInline(markdownText(shown));
      const decoded = html
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
      expect(decoded).toBe(shown);
    }
  });
});

describe('JSON output: the payloads are data, exactly as given', () => {
  it('every text comes back unchanged, and no raw control character is written', async () => {
    const report = hostileReport(ALL);
    const p = file('all-json.json', JSON.stringify(report));
    const r = await runIn(['check', p, '--format', 'json', '--lang', 'en', '--fail-on', 'never'], {
      cwd: dir,
    });
    expect(r.status).toBe(0);
    expect(acting(r.stdout)).toEqual([]);
    expect(r.stdout).not.toContain(ESC);
    const out = JSON.parse(r.stdout) as { budget: { name: string }[]; indicators: { name: string }[] };
    expect(out.budget[0]?.name).toBe(`Line ${ALL}`);
    expect(out.indicators[0]?.name).toBe(`Name ${ALL}`);
  });
});

describe('visible: exactly the code units that act on a terminal are escaped', () => {
  // From the definition (C0 but tab and line feed, DEL, C1, the bidirectional controls), written
  // here as ranges of numbers so that the test does not share the character class it checks.
  const acts = (c: number): boolean =>
    (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069);

  it('every one of the 65,536 UTF-16 code units, alone and between letters', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const shown = acts(c) ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
      if (visible(ch) !== shown || visible(`a${ch}b${ch}`) !== `a${shown}b${shown}`) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('a text with nothing to escape comes back as the same string', () => {
    const text = '执行率 95.00%\t(≥90%)\n';
    expect(visible(text)).toBe(text);
  });
});

describe('wrapping never splits an escape across lines', () => {
  it('a long word of escapes, wrapped at every width from 6 to 30', async () => {
    const { wrap } = await import('outturn-cli/render');
    const word = visible(`${'a'.repeat(3)}${`${ESC}[2J${BEL}`.repeat(8)}b`);
    for (let width = 6; width <= 30; width++) {
      const lines = wrap(word, width);
      expect(lines.join('')).toBe(word);
      for (const line of lines) {
        expect(line, `width ${width}`).not.toMatch(HALF_ESCAPE);
        expect(line.endsWith('\\') || line.endsWith('\\u') || /\\u[0-9a-f]{0,3}$/.test(line)).toBe(false);
      }
    }
  });
});

describe('outturn pefa: the payloads in a dataset are inert too', () => {
  it('entity, unit and line names through text, markdown and json', async () => {
    const line = (name: string, budget: string, actual: string) => ({ name, budget, actual });
    const year = (y: string) => ({
      year: y,
      approvedBudget: { total: '150' },
      expenditure: {
        administrative: [line(`Health ${ALL}`, '100', '98'), line('Roads', '50', '51')],
        total: { budget: '150', actual: '149' },
      },
      revenue: [line(`Taxes ${ALL}`, '140', '141')],
    });
    const p = file(
      'pefa.json',
      JSON.stringify({
        kind: 'pefa',
        entity: `Entity ${ALL}`,
        years: [year('2021'), year('2022'), year('2023')],
      }),
    );
    for (const format of ['text', 'markdown', 'json']) {
      const r = await runIn(['pefa', p, '--format', format, '--lang', 'en', '--fail-on', 'never'], {
        cwd: dir,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(acting(r.stdout)).toEqual([]);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('Summary: 0 errors'))).toEqual([]);
      if (format === 'markdown') {
        const html = markdownIt.render(r.stdout);
        expect(html).not.toMatch(/<script|<img|<a |href=/i);
      }
    }
  });
});
