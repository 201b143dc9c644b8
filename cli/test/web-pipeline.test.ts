/**
 * What the offline page does with a file, without the browser (cli/src/web/pipeline.ts and the
 * page's words): the same checks as `outturn check`, failures in both languages. The page in
 * Chromium is tested by web.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCORING_PROFILES, validateReport } from 'outturn';
import { importReport } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { dirname as webDirname, join as webJoin } from '../src/web/node-path.js';
import { checkFile, isReportJson, MAX_BYTES, tooLarge } from '../src/web/pipeline.js';
import { initialLang, WORDS } from '../src/web/words.js';
import { ROOT } from './support/cli.js';

const REFERENCE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const REAL = join(ROOT, 'cli', 'test', 'fixtures', 'import', 'real');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('isReportJson: the rule of outturn check', () => {
  it.each([
    ['report.json', 'anything', true],
    ['REPORT.JSON', 'anything', true],
    ['report.txt', '{"budget":[]}', true],
    ['report.txt', ' \n\t[1]', true],
    ['report.txt', '\uFEFF{"budget":[]}', true],
    ['budget.csv', '项目,年初预算数\n', false],
    ['budget.csv', '', false],
    ['book.xlsx', 'PK\u0003\u0004{', false],
  ])('%s starting %j: %s', (name, text, json) => {
    expect(isReportJson(name, utf8(text))).toBe(json);
  });
});

describe('checkFile', () => {
  it('checks the reference report JSON as validateReport does with the default profile', async () => {
    const bytes = new Uint8Array(readFileSync(REFERENCE));
    const r = await checkFile(bytes, 'suzhou.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = JSON.parse(readFileSync(REFERENCE, 'utf8'));
    expect(r.input.result).toEqual(validateReport(report, { scoring: SCORING_PROFILES.default }));
    expect(r.input.result.summary).toEqual({ error: 3, warning: 5, info: 4 });
    expect(r).toMatchObject({ format: 'json', unplaced: [], notes: [], input: { file: 'suzhou.json' } });
  });

  it('checks a JSON that is not a report with checkReport: invalid-report errors', async () => {
    const r = await checkFile(utf8('{"budget": "none"}'), 'odd.json');
    expect(r.ok && r.input.result.rejected).toBe(true);
    expect(r.ok && r.input.result.findings.every((f) => f.code === 'invalid-report')).toBe(true);
  });

  it('imports a workbook first, as outturn check does, and keeps what the import says', async () => {
    const name = 'cn-hebei-langfang-food-school-2019-hvac';
    const bytes = new Uint8Array(readFileSync(join(REAL, name, `${name}.xlsx`)));
    const imported = await importReport(bytes, { fileName: `${name}.xlsx` });
    const r = await checkFile(bytes, `${name}.xlsx`);
    expect(imported.ok && r.ok).toBe(true);
    if (!imported.ok || !r.ok) return;
    expect(r.format).toBe('xlsx');
    expect(r.unplaced).toEqual(imported.unplaced);
    expect(r.notes).toEqual(imported.notes);
    expect(r.input.result).toEqual(validateReport(imported.report, { scoring: SCORING_PROFILES.default }));
  });

  it.each([
    ['an empty JSON', 'r.json', utf8('  \n'), { en: 'r.json is empty', zh: 'r.json 是空文件' }],
    [
      'a JSON in GBK',
      'r.json',
      new Uint8Array([0x7b, 0xc4, 0xe3, 0x7d]),
      {
        en: 'r.json is not UTF-8 text (GBK or UTF-16? save it as UTF-8)',
        zh: 'r.json 不是 UTF-8 编码的文本（可能是 GBK 或 UTF-16，请另存为 UTF-8）',
      },
    ],
    [
      'an empty table file',
      'b.csv',
      new Uint8Array(),
      { en: 'b.csv: the file is empty', zh: 'b.csv：文件是空的' },
    ],
  ])('says why it cannot read %s, in both languages', async (_what, name, bytes, message) => {
    await expect(checkFile(bytes, name)).resolves.toEqual({ ok: false, message });
  });

  it('names the place of a broken JSON, and the file of a table without tables', async () => {
    const broken = await checkFile(utf8('{"budget": [}'), 'r.json');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message.en.startsWith('r.json is not valid JSON: ')).toBe(true);
    const none = await checkFile(utf8('foo,bar\n1,2\n'), 'notes.csv');
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.message.en.startsWith('notes.csv: no budget or indicator table was found')).toBe(true);
      expect(none.message.zh.startsWith('notes.csv：没有找到预算表或指标表')).toBe(true);
    }
  });
});

describe('tooLarge: the limit of the CLI, 100 MiB', () => {
  it.each([
    [0, false],
    [MAX_BYTES, false],
    [MAX_BYTES + 1, true],
  ])('%i bytes refused: %s', (size, refused) => {
    expect(tooLarge('big.pdf', size) !== null).toBe(refused);
  });

  it('says the size and the limit in both languages', () => {
    expect(MAX_BYTES).toBe(104_857_600);
    expect(tooLarge('big.pdf', MAX_BYTES + 1)).toEqual({
      ok: false,
      message: {
        en: 'big.pdf has 104857601 bytes, more than the limit of 104857600',
        zh: 'big.pdf 有 104857601 字节，超过上限 104857600 字节',
      },
    });
  });
});

describe('the page’s words', () => {
  it.each([
    [['zh-CN', 'en'], 'zh'],
    [['zh-TW'], 'zh'],
    [['ZH'], 'zh'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr'], 'en'],
    [[], 'zh'],
    [[''], 'zh'],
  ] as const)('initialLang(%j) is %s', (languages, lang) => {
    expect(initialLang(languages)).toBe(lang);
  });

  it('has every text in both languages, and counts in English with the right plural', () => {
    expect(Object.keys(WORDS.zh).sort()).toEqual(Object.keys(WORDS.en).sort());
    expect(WORDS.en.summary('a.json', 1, 1, 2)).toBe('a.json: 1 error, 1 warning, 2 info');
    expect(WORDS.en.summary('a.json', 3, 5, 4)).toBe('a.json: 3 errors, 5 warnings, 4 info');
    expect(WORDS.zh.summary('a.json', 3, 5, 4)).toBe('a.json：错误 3 个，警告 5 个，提示 4 个');
  });
});

describe('the browser’s node:path stand-in', () => {
  it.each([
    ['/pdfjs-dist/package.json', '/pdfjs-dist'],
    ['/a', '/'],
    ['a', '/'],
  ])('dirname(%j) is %j', (path, dir) => {
    expect(webDirname(path)).toBe(dir);
  });

  it('join puts single slashes between the parts', () => {
    expect(webJoin('/pdfjs-dist', 'cmaps')).toBe('/pdfjs-dist/cmaps');
    expect(webJoin('/pdfjs-dist/', '/cmaps/')).toBe('/pdfjs-dist/cmaps/');
  });
});
