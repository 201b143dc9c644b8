/**
 * `outturn review` alone and in batch (issue 17: "the same outputs and batch behaviour as
 * check"), in-process through `main(argv, io)`, on the real published target tables of
 * test/fixtures/review/ (each with its source URL and date in the file): a directory in every
 * format, json and ndjson carrying every file, the exit codes, a file that cannot be read or is
 * of the other command as one row, the rules of the config file and of `--rule`, and the HTML,
 * workbook and CSV of a review as inert as check's.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import { reviewDeclaration } from 'outturn/schema';
import { HTML_CSP, renderReviewHtml, stripAnsi } from 'outturn-cli/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { visible } from '../src/render/terminal.js';
import { ROOT } from './support/cli.js';
import { hostileReport, PAYLOADS } from './support/payloads.js';
import { type Run, run } from './support/run.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'review');
const TABLES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort();
// 淮北 2025 农村文化建设配套补助经费: one target-vague warning (影响程度明显), one implicit-operator note (5万元).
const HUAIBEI = join(FIXTURES, 'anhui-huaibei-2025-nongcunwenhua.json');
// 黄石 2022 主体班: no 效益指标 block, a dimension-missing error.
const HUANGSHI = join(FIXTURES, 'hubei-huangshi-2022-zhutiban.json');
// A self-evaluation report (苏州 2023), for check, not for review.
const SUZHOU = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-review-batch-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A folder of its own under the temporary one, with `files` written in it. */
function folder(name: string, files: Readonly<Record<string, string>>): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
  return path;
}

interface ReviewJson {
  file: string;
  summary: { error: number; warning: number; info: number };
  findings: { code: string; severity: string; rule: string | null }[];
  rules: { id: string; code: string; severity: string; applied: boolean; skipped?: string }[];
}

interface BatchJson {
  reports: (ReviewJson | { file: string; error: { message: string } })[];
  summary: { files: number; error: number; warning: number; info: number; unreadable: number };
}

/** The expected counts of the fixtures, each reviewed alone. */
async function aloneCounts(): Promise<Map<string, ReviewJson['summary']>> {
  const out = new Map<string, ReviewJson['summary']>();
  for (const f of TABLES) {
    const r = await run(['review', join(FIXTURES, f), '--format', 'json', '--lang', 'en']);
    out.set(f, (JSON.parse(r.stdout) as ReviewJson).summary);
  }
  return out;
}

describe('outturn review DIR: every format', () => {
  it('json: one object { reports, summary } with every table, each as reviewed alone', async () => {
    const alone = await aloneCounts();
    const r = await run(['review', FIXTURES, '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(1); // 黄石's missing 效益 block is an error
    const out = JSON.parse(r.stdout) as BatchJson;
    expect(out.reports.map((x) => x.file.split('/').at(-1))).toEqual(TABLES);
    for (const x of out.reports) {
      expect('summary' in x).toBe(true);
      if ('summary' in x) expect(x.summary).toEqual(alone.get(x.file.split('/').at(-1) as string));
    }
    const total = [...alone.values()].reduce((a, s) => a + s.warning, 0);
    expect(out.summary).toMatchObject({ files: TABLES.length, unreadable: 0, warning: total });
    expect(out.summary.error).toBeGreaterThan(0);
  });

  it('ndjson: one line per table, in order, each a review with its file', async () => {
    const r = await run(['review', FIXTURES, '--format', 'ndjson', '--lang', 'zh']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(TABLES.length);
    const parsed = lines.map((l) => JSON.parse(l) as ReviewJson);
    expect(parsed.map((x) => x.file.split('/').at(-1))).toEqual(TABLES);
    for (const x of parsed) expect(x.rules.length).toBeGreaterThan(20);
    expect(parsed.find((x) => x.file.endsWith('zhutiban.json'))?.summary.error).toBe(1);
  });

  it('text: the summary table (project, year, counts; no total, no grade), then each review', async () => {
    const r = await run(['review', FIXTURES, '--lang', 'en'], { columns: 120, isTTY: true });
    expect(r.stdout).toMatch(/^Summary of 14 files in /);
    expect(r.stdout).toContain('Project');
    expect(r.stdout).not.toContain('Grade');
    expect(r.stdout).toContain('主体班');
    expect(r.stdout.match(/^Target table review/gm)).toHaveLength(TABLES.length);
    expect(r.stdout).toContain('14 files: 1 errors');
    const summary = await run(['review', FIXTURES, '--lang', 'zh', '--summary']);
    expect(summary.stdout).toContain('汇总');
    expect(summary.stdout).not.toContain('绩效目标审核');
    expect(summary.status).toBe(1);
  });

  it('markdown: the summary table, then each review memo', async () => {
    const r = await run(['review', FIXTURES, '--format', 'markdown', '--lang', 'en']);
    expect(r.stdout).toMatch(/^## Summary of 14 files/);
    expect(r.stdout).toContain('| File | Project | Year | Kind | Err | Warn | Info |');
    expect(r.stdout.match(/^# Target table review/gm)).toHaveLength(TABLES.length);
  });

  it('html: one document, a summary row per table linked to its section, the rules of each', async () => {
    const r = await run(['review', FIXTURES, '--format', 'html', '--lang', 'en']);
    expect(r.status).toBe(1);
    const doc = parseDocument(r.stdout);
    const all = DomUtils.findAll(() => true, doc.children);
    const ids = new Set(all.map((el) => el.attribs.id).filter((x) => x !== undefined));
    const links = all.filter((el) => el.name === 'a').map((a) => a.attribs.href ?? '');
    expect(links).toHaveLength(TABLES.length);
    for (const href of links) expect(ids.has(href.slice(1))).toBe(true);
    for (let i = 1; i <= TABLES.length; i++) {
      expect(ids.has(`r${i}-findings`)).toBe(true);
      expect(ids.has(`r${i}-rules`)).toBe(true);
    }
    expect(DomUtils.textContent(doc)).toContain('dimension-missing');
  });

  it('csv: one row per finding of every table, with its rule, code, severity and indicator', async () => {
    const alone = await aloneCounts();
    const r = await run(['review', FIXTURES, '--format', 'csv', '--lang', 'en']);
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('File,Rule,Code,Severity,Indicator,Path,Message');
    const findings = [...alone.values()].reduce((a, s) => a + s.error + s.warning + s.info, 0);
    expect(lines).toHaveLength(1 + findings);
    expect(lines.some((l) => l.includes(',7,target-vague,warning,保障人民群众基本文化权益,'))).toBe(true);
  });

  it('xlsx: the workbook goes to --output, sheets Summary, Findings and Rules', async () => {
    const out = folder('xlsx', {});
    const r = await run(['review', FIXTURES, '--format', 'xlsx', '-o', 'review.xlsx', '--lang', 'en'], {
      cwd: out,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const book = XLSX.read(readFileSync(join(out, 'review.xlsx')));
    expect(book.SheetNames).toEqual(['Summary', 'Findings', 'Rules']);
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Summary as XLSX.WorkSheet);
    expect(summary).toHaveLength(TABLES.length);
    const rules = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Rules as XLSX.WorkSheet);
    // 东莞 2019 is marked truncated: its completeness rules say so.
    expect(
      rules.some(
        (x) =>
          String(x.File).endsWith('dongguan-2019-zhenjilianwang.json') && String(x.State).includes('cut off'),
      ),
    ).toBe(true);
  });

  it('-o writes text output to the file, whole', async () => {
    const out = folder('output', {});
    const r = await run(['review', HUAIBEI, HUANGSHI, '-o', 'review.txt', '--lang', 'en'], { cwd: out });
    expect(r.stdout).toBe('');
    expect(readFileSync(join(out, 'review.txt'), 'utf8')).toMatch(/^Summary of 2 files/);
  });
});

describe('outturn review: exit codes, as check', () => {
  it.each([
    [[HUAIBEI], 0], // a warning and a note: below --fail-on error
    [[HUAIBEI, '--fail-on', 'warning'], 1],
    [[HUAIBEI, '--max-warnings', '0'], 1],
    [[HUAIBEI, '--max-warnings', '1'], 0],
    [[HUANGSHI], 1],
    [[HUANGSHI, '--fail-on', 'never'], 0],
    [[HUAIBEI, HUAIBEI], 0],
    [[HUAIBEI, HUANGSHI], 1],
    [[HUAIBEI, HUAIBEI, '--max-warnings', '0', '--format', 'ndjson'], 1],
    [[HUAIBEI, '--format', 'html', '--fail-on', 'warning'], 1],
  ])('%j exits %i', async (args, status) => {
    const r = await run(['review', ...args, '--lang', 'en']);
    expect(r.status).toBe(status);
  });

  it('check in batch counts --max-warnings as check alone does (it did not before review shared the jobs)', async () => {
    const args = ['--fail-on', 'never', '--max-warnings', '0', '--lang', 'en'];
    expect((await run(['check', SUZHOU, ...args])).status).toBe(1);
    expect((await run(['check', SUZHOU, SUZHOU, ...args])).status).toBe(1);
    expect((await run(['check', SUZHOU, SUZHOU, '--fail-on', 'never', '--lang', 'en'])).status).toBe(0);
  });

  it('--format xlsx without --output is a usage error, as for check', async () => {
    const r = await run(['review', HUAIBEI, '--format', 'xlsx', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format xlsx writes a workbook, not text');
  });

  it('--quiet lists only the errors, and says how many others it did not', async () => {
    const r = await run(['review', HUAIBEI, '--quiet', '--lang', 'en']);
    expect(r.stdout).not.toContain('[target-vague]');
    expect(r.stdout).toContain('--quiet: 1 warning(s) and 1 note(s) not listed.');
    expect(r.stdout).toContain('0 error(s), 1 warning(s), 1 note(s)');
  });
});

describe('outturn review: a file that cannot be reviewed is one row, the others go on', () => {
  it('a missing file, a self-evaluation report, a PEFA dataset and a non-JSON JSON', async () => {
    const bad = folder('bad', {
      'broken.json': '{ "kind": "declaration", ',
      'pefa.json': JSON.stringify({ kind: 'pefa', years: [] }),
    });
    const r = await run(
      [
        'review',
        HUAIBEI,
        join(bad, 'missing.json'),
        SUZHOU,
        join(bad, 'pefa.json'),
        join(bad, 'broken.json'),
        '--format',
        'json',
        '--lang',
        'en',
      ],
      { cwd: bad },
    );
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as BatchJson;
    expect(out.summary).toMatchObject({ files: 5, unreadable: 4 });
    const errors = out.reports.map((x) => ('error' in x ? x.error.message : 'ok'));
    expect(errors[0]).toBe('ok');
    expect(errors[2]).toContain(
      'is a self-evaluation report (kind "department"), not a target table: check it with \'outturn check',
    );
    expect(errors[3]).toContain("assess it with 'outturn pefa");
    expect(errors.every((m) => !m.includes('\n'))).toBe(true);
  });

  it('text: the row says why, the other tables are reviewed', async () => {
    const r = await run(['review', HUAIBEI, SUZHOU, '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('未能读取');
    expect(r.stdout).toContain('请用 outturn check');
    expect(r.stdout).toContain('绩效目标审核');
  });

  it('alone, a self-evaluation report is a usage error naming check, and a target table given to check names review', async () => {
    const a = await run(['review', SUZHOU, '--lang', 'en']);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain("check it with 'outturn check");
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
    const b = await run(['check', HUANGSHI, '--lang', 'en']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain("review it with 'outturn review");
    const c = await run(['check', SUZHOU, HUANGSHI, '--format', 'json', '--lang', 'en']);
    expect(c.status).toBe(2);
    expect((JSON.parse(c.stdout) as BatchJson).summary).toMatchObject({ files: 2, unreadable: 1 });
  });

  it('html leaves an unreadable file out, names it on stderr, and exits 2', async () => {
    const r = await run(['review', HUAIBEI, SUZHOU, '--format', 'html', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('outturn check');
    expect(r.stdout).toContain('<!DOCTYPE html>');
  });
});

/** The review of 淮北 2025 as json, run in `cwd` with `args`. */
async function huaibei(args: readonly string[], cwd = ROOT): Promise<ReviewJson & { status: number }> {
  const r = await run(['review', HUAIBEI, '--format', 'json', '--lang', 'en', ...args], { cwd });
  return { ...(JSON.parse(r.stdout || '{}') as ReviewJson), status: r.status };
}

/** The findings as [code, severity], in code order (the review lists them by row). */
function pairs(r: ReviewJson): string[][] {
  return r.findings.map((f) => [f.code, f.severity]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe('outturn review: the rules of the config file and of --rule', () => {
  it('as printed: target-vague a warning (rule 7), implicit-operator a note (rule 9)', async () => {
    const r = await huaibei([]);
    expect(pairs(r)).toEqual([
      ['implicit-operator', 'info'],
      ['target-vague', 'warning'],
    ]);
  });

  it.each([
    [['--rule', 'target-vague=off'], [['implicit-operator', 'info']], 0],
    [['--rule', '7=off'], [['implicit-operator', 'info']], 0],
    [['--rule', 'target-vague=off', '--rule', 'implicit-operator=off'], [], 0],
    [
      ['--rule', 'target-vague=error'],
      [
        ['implicit-operator', 'info'],
        ['target-vague', 'error'],
      ],
      1,
    ],
    [
      ['--rule', 'implicit-operator=warning'],
      [
        ['implicit-operator', 'warning'],
        ['target-vague', 'warning'],
      ],
      0,
    ],
    // Named twice, the last one wins, whatever names it uses.
    [
      ['--rule', 'target-vague=off', '--rule', '7=error'],
      [
        ['implicit-operator', 'info'],
        ['target-vague', 'error'],
      ],
      1,
    ],
    [
      ['--rule', '7=error', '--rule', '7=info'],
      [
        ['implicit-operator', 'info'],
        ['target-vague', 'info'],
      ],
      0,
    ],
  ])('--rule %j', async (flags, findings, status) => {
    const r = await huaibei(flags);
    expect(pairs(r)).toEqual(findings);
    expect(r.status).toBe(status);
  });

  it('a rule turned off says so in the rules, and its severity changed shows there', async () => {
    const r = await huaibei(['--rule', 'target-vague=off', '--rule', '9=warning']);
    expect(r.rules.find((x) => x.id === '7')).toMatchObject({ applied: false, skipped: 'off' });
    expect(r.rules.find((x) => x.id === '9')).toMatchObject({ applied: true, severity: 'warning' });
  });

  it('outturn.config.json "review": { "rules" } turns a rule off and changes a severity', async () => {
    const cwd = folder('config', {
      'outturn.config.json': JSON.stringify({
        review: { rules: { 'target-vague': 'off', 'implicit-operator': 'warning' } },
      }),
    });
    const r = await huaibei([], cwd);
    expect(pairs(r)).toEqual([['implicit-operator', 'warning']]);
    // The command line wins, whatever name it gives the rule.
    const flag = await huaibei(['--rule', '7=error'], cwd);
    expect(pairs(flag)).toEqual([
      ['implicit-operator', 'warning'],
      ['target-vague', 'error'],
    ]);
    expect(flag.status).toBe(1);
    // In a batch too (the settings go to every job).
    const batch = await run(['review', HUAIBEI, HUAIBEI, '--format', 'json', '--lang', 'en'], { cwd });
    const out = JSON.parse(batch.stdout) as BatchJson;
    expect(out.summary).toMatchObject({ warning: 2, info: 0 });
  });

  it('package.json "outturn": { "review": { "rules" } } too', async () => {
    const cwd = folder('pkg', {
      'package.json': JSON.stringify({ name: 'x', outturn: { review: { rules: { '9': 'off' } } } }),
    });
    const r = await huaibei([], cwd);
    expect(r.findings.map((f) => f.code)).toEqual(['target-vague']);
  });

  it.each([
    [['--rule', 'target-vage=off'], 'no review rule "target-vage"; did you mean target-vague?'],
    [['--rule', 'nothing-like-it=off'], 'finding codes: dimension-missing, target-missing, target-vague'],
    [
      ['--rule', 'target-vague=of'],
      'the setting of "target-vague" must be off, error, warning, info, not "of"',
    ],
    [['--rule', 'target-vague'], '--rule takes CODE=SETTING'],
    [['--rule', '23=off'], 'or rule ids: 1, 2, 3, 4, 6, 7, 8, 8a, 8b'],
  ])('%j is a usage error that lists the known ones', async (flags, message) => {
    const r = await run(['review', HUAIBEI, ...flags, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [{ review: { rules: { 'target-vauge': 'off' } } }, 'did you mean target-vague?'],
    [{ review: { rules: { 'target-vague': 'loud' } } }, 'must be off, error, warning, info, not "loud"'],
    [{ review: { rules: { 'target-vague': false } } }, 'not false'],
    [{ review: { rule: {} } }, '"review.rule": unknown key (known: rules)'],
    [{ review: [] }, 'must be a JSON object'],
    [{ reveiw: {} }, 'did you mean "review"?'],
  ])('a config file %j is a usage error naming the file', async (config, message) => {
    const cwd = folder(`bad-config-${Math.abs(JSON.stringify(config).length)}-${message.length}`, {
      'outturn.config.json': JSON.stringify(config),
    });
    const r = await run(['review', HUAIBEI, '--lang', 'en'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('outturn.config.json');
    expect(r.stderr).toContain(message);
  });

  it('--rule is for review only', async () => {
    const r = await run(['check', SUZHOU, '--rule', '7=off', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--rule applies to review, not to check');
  });
});

/** A target table with a payload of issue 15 §6 in every text the documents show. */
function hostileDeclaration(): unknown {
  const names = Object.values(PAYLOADS);
  return {
    kind: 'declaration',
    title: PAYLOADS['<script>'],
    entity: PAYLOADS['<img onerror>'],
    year: 2023,
    project: {
      name: `${PAYLOADS['</td><td>']}${PAYLOADS['OSC 52 (clipboard)']}`,
      funds: { total: '10万元' },
    },
    goals: [names.join(' ')],
    indicators: names.map((name, i) => ({
      path: [i % 2 === 0 ? '产出指标' : name, i % 3 === 0 ? '数量指标' : name],
      name,
      target: i % 2 === 0 ? `有所提高${name}` : name,
      unit: name,
    })),
  };
}

describe('review documents: the payloads are inert, as in check', () => {
  it.each(['zh', 'en'] as const)(
    'html (%s): no script, no URL, the CSP, every payload as text',
    async (lang) => {
      const bad = folder(`hostile-${lang}`, { 'hostile.json': JSON.stringify(hostileDeclaration()) });
      const r = await run(['review', 'hostile.json', HUAIBEI, '--format', 'html', '--lang', lang], {
        cwd: bad,
      });
      expect(r.stderr).toBe('');
      const html = r.stdout;
      const doc = parseDocument(html);
      const all = DomUtils.findAll(() => true, doc.children);
      for (const tag of ['script', 'img', 'iframe', 'link', 'object'])
        expect(all.filter((el) => el.name === tag)).toEqual([]);
      for (const el of all) {
        for (const [name, value] of Object.entries(el.attribs)) {
          expect(name).not.toMatch(/^on/i);
          if (['href', 'src', 'action', 'xlink:href'].includes(name)) expect(value).toMatch(/^#[a-z0-9-]+$/);
        }
      }
      for (let i = 0; i < html.length; i++) {
        const c = html.charCodeAt(i);
        if ((c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f))
          throw new Error(`control character ${c} at ${i}`);
      }
      const csp = all.filter(
        (m) => m.name === 'meta' && m.attribs['http-equiv'] === 'Content-Security-Policy',
      );
      expect(csp.map((m) => m.attribs.content)).toEqual([HTML_CSP]);
      const text = DomUtils.textContent(doc);
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('\\u001b]52;c;ZWNobyBwd25lZA==\\u0007');
      // `</td><td>` opens no cell: every row of every table has as many cells as its header.
      for (const tableEl of all.filter((el) => el.name === 'table')) {
        const width = DomUtils.getElementsByTagName('th', tableEl, true).length;
        for (const tr of DomUtils.getElementsByTagName('tr', tableEl, true).slice(1))
          expect(DomUtils.getElementsByTagName('td', tr, true)).toHaveLength(width);
      }
    },
  );

  it('csv and xlsx: a formula-like cell is text, no control character', async () => {
    const bad = folder('hostile-sheets', { 'hostile.json': JSON.stringify(hostileDeclaration()) });
    const csv = await run(['review', 'hostile.json', '--format', 'csv', '--lang', 'en'], { cwd: bad });
    const fields = csv.stdout.split(/,|\r\n/);
    for (const f of fields) expect(f).not.toMatch(/^"?[=+@\t\r]/);
    expect(csv.stdout).toContain("'=HYPERLINK");
    expect(csv.stdout).not.toContain('\u001b');
    await run(['review', 'hostile.json', '--format', 'xlsx', '-o', 'h.xlsx', '--lang', 'en'], { cwd: bad });
    const book = XLSX.read(readFileSync(join(bad, 'h.xlsx')));
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name] as XLSX.WorkSheet;
      for (const [ref, cell] of Object.entries(sheet)) {
        if (ref.startsWith('!')) continue;
        expect((cell as XLSX.CellObject).f).toBeUndefined();
        expect(String((cell as XLSX.CellObject).v)).not.toContain('\u001b');
      }
    }
  });
});

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

type MarkdownIt = { render: (md: string) => string };
const markdownIt = (createRequire(import.meta.url)('markdown-it') as (o: { html: boolean }) => MarkdownIt)({
  html: true,
});

describe('review text and Markdown, alone and in batch: the payloads are shown, none acts', () => {
  it.each(['zh', 'en'] as const)(
    '%s: text plain and coloured at 80 and 160 columns, Markdown rendered',
    async (lang) => {
      const bad = folder(`hostile-text-${lang}`, { 'hostile.json': JSON.stringify(hostileDeclaration()) });
      for (const files of [['hostile.json'], ['hostile.json', HUAIBEI]]) {
        for (const columns of [80, 160]) {
          const plain = await run(['review', ...files, '--lang', lang, '--fail-on', 'never'], { cwd: bad });
          expect(plain.status).toBe(0);
          expect(acting(plain.stdout)).toEqual([]);
          const coloured = await run(['review', ...files, '--lang', lang, '--fail-on', 'never', '--color'], {
            cwd: bad,
            env: {},
            isTTY: true,
            columns,
          });
          expect(acting(stripAnsi(coloured.stdout))).toEqual([]);
        }
        const md = await run(
          ['review', ...files, '--format', 'markdown', '--lang', lang, '--fail-on', 'never'],
          {
            cwd: bad,
          },
        );
        const html = markdownIt.render(md.stdout);
        expect(html).not.toMatch(/<script|<img|<a |href=/i);
        expect(acting(md.stdout)).toEqual([]);
      }
    },
  );
});

it('check: the Markdown summary of many reports shows the escapes of an entity, none acting', async () => {
  const bad = folder('hostile-check', {
    'a.json': JSON.stringify(hostileReport()),
    'b.json': JSON.stringify(hostileReport()),
  });
  const md = await run(
    ['check', 'a.json', 'b.json', '--format', 'markdown', '--lang', 'en', '--fail-on', 'never'],
    {
      cwd: bad,
    },
  );
  expect(md.stdout).toContain(']52;c;ZWNobyBwd25lZA==');
  expect(acting(md.stdout)).toEqual([]);
});

describe('renderReviewHtml (property)', () => {
  it('any project and indicator name parses back to its own text, in one cell, and no script', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (project, name) => {
          const result = reviewDeclaration({
            kind: 'declaration',
            project: { name: project },
            indicators: [{ path: ['产出指标', '数量指标'], name, target: '有所提高' }],
          });
          const html = renderReviewHtml([{ file: name, result, name: project, year: '', scope: '' }], {
            lang: 'en',
          });
          const doc = parseDocument(html);
          const all = DomUtils.findAll(() => true, doc.children);
          expect(all.filter((el) => el.name === 'script')).toEqual([]);
          const h1 = all.find((el) => el.name === 'h1');
          // The name as printed (white space folded), every control character as its escape.
          const shown = visible(project.replace(/\s+/g, ' ').trim());
          if (shown !== '') expect(DomUtils.textContent(h1 as (typeof all)[number])).toBe(shown);
          for (const tableEl of all.filter((el) => el.name === 'table')) {
            const width = DomUtils.getElementsByTagName('th', tableEl, true).length;
            for (const tr of DomUtils.getElementsByTagName('tr', tableEl, true).slice(1))
              expect(DomUtils.getElementsByTagName('td', tr, true)).toHaveLength(width);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** `main` with standard input holding `input`. */
function withStdin(args: readonly string[], input: string): Promise<Run> {
  return run(args, { stdin: input });
}

describe('outturn review -', () => {
  it('reads a target table from standard input, alone and beside a file', async () => {
    const text = readFileSync(HUANGSHI, 'utf8');
    const one = await withStdin(['review', '-', '--format', 'json', '--lang', 'en'], text);
    expect(one.status).toBe(1);
    expect((JSON.parse(one.stdout) as ReviewJson).summary.error).toBe(1);
    const two = await withStdin(['review', HUAIBEI, '-', '--format', 'ndjson', '--lang', 'en'], text);
    expect(
      two.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as ReviewJson).file),
    ).toEqual([HUAIBEI, '-']);
  });
});
