/**
 * The offline page (cli/src/web, built by scripts/build-web.mjs) in a real browser: Debian's
 * Chromium driven by playwright-core. The page is built from the sources into a temporary
 * folder, opened from file://, and given files with the file picker as a person would: the
 * reference report (苏州市商务服务中心 2023, examples/), a workbook and a PDF of the real
 * reports of cli/test/fixtures/import/real/. What the page shows is compared with what the
 * same checks give in Node.js (checkFile, the pipeline the CLI's check shares), and every
 * request the browser makes is recorded: only the page's own file:// document may be one.
 *
 * It leaves a screenshot in cli/test/artifacts/web.png (not committed) and its copy for the
 * READMEs in cli/docs/images/web-page.png (with OUTTURN_SCREENSHOTS=1).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Finding, formatFinding } from 'outturn';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile, type PageResult } from '../src/web/pipeline.js';
import { WORDS } from '../src/web/words.js';
import { ROOT } from './support/cli.js';
import { HOSTILE_FILE, hostileReport } from './support/payloads.js';

const CHROMIUM = '/usr/bin/chromium';
const REFERENCE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const REAL = join(ROOT, 'cli', 'test', 'fixtures', 'import', 'real');
const XLSX = join(
  REAL,
  'cn-hebei-langfang-food-school-2019-hvac',
  'cn-hebei-langfang-food-school-2019-hvac.xlsx',
);
const PDF = join(REAL, 'suzhou-commerce-service-center-2023', 'suzhou-commerce-service-center-2023.pdf');
const ARTIFACTS = join(ROOT, 'cli', 'test', 'artifacts');

let dir = '';
let pageUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the browser made, in order. */
const requests: string[] = [];

/** The text with all white space removed: the report wraps long lines where it likes. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** What the same checks give in Node.js for a file. */
async function expected(file: string): Promise<PageResult> {
  const r = await checkFile(new Uint8Array(readFileSync(file)), file.replace(/^.*\//, ''));
  if (!r.ok) throw new Error(`${file}: ${r.message.en}`);
  return r;
}

// What the functions run in the page use of it: the project's type check has no DOM library.
declare const document: {
  querySelector(selector: string): { classList: { length: number; contains(name: string): boolean } } | null;
};

/** Clears the status line's class; the page sets it each time it paints. */
const CLEAR_STATUS = "document.querySelector('#status').setAttribute('class', '')";

/** Whether the page has painted the outcome of a file since CLEAR_STATUS (a function: the page's policy forbids eval). */
const painted = (): boolean => {
  const status = document.querySelector('#status');
  return status !== null && status.classList.length > 0 && !status.classList.contains('busy');
};

/** Picks a file in the page (a path, or a name and bytes) and waits until it has been read. */
async function pick(file: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await page.evaluate(CLEAR_STATUS);
  await page.setInputFiles('#file', file);
  await page.waitForFunction(painted, null, { timeout: 120_000 });
}

/** The text of the report shown in the page's frame. */
async function reportText(): Promise<string> {
  return (await page.frameLocator('#report').locator('body').textContent()) ?? '';
}

const errors = (r: PageResult): Finding[] => r.input.result.findings.filter((f) => f.severity === 'error');

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`apt-get install -y chromium\` (CI installs it, see .ci/run)`,
    );
  }
  dir = mkdtempSync(join(tmpdir(), 'outturn-web-'));
  const out = join(dir, 'outturn-web.html');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs'), '--out', out], { stdio: 'pipe' });
  pageUrl = pathToFileURL(out).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context = await browser.newContext({
    locale: 'zh-CN',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pageUrl);
});

afterAll(async () => {
  await browser?.close();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the offline page in Chromium', () => {
  it('starts in the browser’s language with the file picker and nothing to save', async () => {
    await expect(page.locator('h1').textContent()).resolves.toBe(WORDS.zh.title);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.locator('#save').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#status').textContent()).resolves.toBe(WORDS.zh.offline);
  });

  it('checks the reference report JSON: its three errors and the 134.17% rate', async () => {
    const want = await expected(REFERENCE);
    expect(want.input.result.summary).toEqual({ error: 3, warning: 5, info: 4 });
    await pick(REFERENCE);
    await expect(page.locator('#summary').textContent()).resolves.toBe(
      WORDS.zh.summary('suzhou-commerce-service-center-2023.json', 3, 5, 4),
    );
    const shown = squeeze(await reportText());
    expect(shown).toContain('134.17%');
    expect(errors(want)).toHaveLength(3);
    for (const f of errors(want)) expect(shown).toContain(squeeze(formatFinding(f, 'zh')));
  });

  it('switches to English: the page’s texts and the report’s', async () => {
    const want = await expected(REFERENCE);
    await page.click('#lang-en');
    await expect(page.locator('h1').textContent()).resolves.toBe(WORDS.en.title);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('#summary').textContent()).resolves.toBe(
      'suzhou-commerce-service-center-2023.json: 3 errors, 5 warnings, 4 info',
    );
    await expect(page.locator('#save').textContent()).resolves.toBe('Save the HTML report');
    const shown = squeeze(await reportText());
    expect(shown).toContain('134.17%');
    for (const f of errors(want)) expect(shown).toContain(squeeze(formatFinding(f, 'en')));
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'web.png');
    await page.screenshot({ path: shot });
    // The copy shown by the READMEs is rewritten only when asked, so a test run leaves tracked files alone.
    if (process.env.OUTTURN_SCREENSHOTS === '1')
      copyFileSync(shot, join(ROOT, 'cli', 'docs', 'images', 'web-page.png'));
  });

  it('saves exactly the HTML report it shows', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    expect(download.suggestedFilename()).toBe('suzhou-commerce-service-center-2023.outturn.en.html');
    const path = await download.path();
    const saved = readFileSync(path, 'utf8');
    expect(saved).toBe(await page.locator('#report').getAttribute('srcdoc'));
    expect(saved).toContain('134.17%');
    await expect(page.locator('#status').textContent()).resolves.toBe(
      WORDS.en.saved('suzhou-commerce-service-center-2023.outturn.en.html'),
    );
  });

  it.each([
    ['an .xlsx workbook', XLSX],
    ['a digital PDF', PDF],
  ])('imports and checks %s as the CLI does', async (_what, file) => {
    const want = await expected(file);
    await pick(file);
    const s = want.input.result.summary;
    await expect(page.locator('#summary').textContent()).resolves.toBe(
      WORDS.en.summary(want.input.file, s.error, s.warning, s.info),
    );
    await expect(page.locator('#import > summary').textContent()).resolves.toBe(
      WORDS.en.imported(want.format, want.unplaced.length, want.notes.length),
    );
    const shown = squeeze(await reportText());
    for (const f of want.input.result.findings) expect(shown).toContain(squeeze(formatFinding(f, 'en')));
  });

  it('reads the PDF of the reference report to the same three errors and 134.17%', async () => {
    await pick(PDF);
    await expect(page.locator('#summary').textContent()).resolves.toBe(
      'suzhou-commerce-service-center-2023.pdf: 3 errors, 5 warnings, 4 info',
    );
    expect(squeeze(await reportText())).toContain('134.17%');
  });

  it('gives for every file of the real reports (all formats) what the checks give in Node.js', async () => {
    const files = readdirSync(REAL, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(REAL, d.name)).map((f) => join(REAL, d.name, f)))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(70);
    const differ: string[] = [];
    for (const file of files) {
      const name = file.replace(/^.*\//, '');
      const want = await checkFile(new Uint8Array(readFileSync(file)), name);
      await pick(file);
      const shown = await page.locator(want.ok ? '#summary' : '#status').textContent();
      const s = want.ok ? want.input.result.summary : null;
      const line = want.ok
        ? WORDS.en.summary(name, s?.error ?? 0, s?.warning ?? 0, s?.info ?? 0)
        : `${WORDS.en.failed}: ${want.message.en}`;
      if (shown !== line) differ.push(`${name}: the page says "${shown}", Node.js "${line}"`);
    }
    expect(differ).toEqual([]);
  });

  it('reads a file dropped anywhere on the page', async () => {
    const text = readFileSync(REFERENCE, 'utf8');
    await page.evaluate(CLEAR_STATUS);
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(text)}], 'dropped.json', { type: 'application/json' }));
      document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
    })()`);
    await page.waitForFunction(painted, null, { timeout: 60_000 });
    await expect(page.locator('#summary').textContent()).resolves.toBe(
      'dropped.json: 3 errors, 5 warnings, 4 info',
    );
  });

  it('says why a file cannot be read, in the page’s language', async () => {
    const file = join(dir, 'notes.csv');
    writeFileSync(file, 'foo,bar\n1,2\n');
    await pick(file);
    await expect(page.locator('#status').getAttribute('class')).resolves.toBe('error');
    const status = (await page.locator('#status').textContent()) ?? '';
    expect(status.startsWith(`${WORDS.en.failed}: notes.csv: no budget or indicator table was found`)).toBe(
      true,
    );
    await expect(page.locator('#save').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#report').isHidden()).resolves.toBe(true);
  });

  it('keeps a report’s markup inert: escaped, in a frame that runs no script', async () => {
    const hostile = {
      ...JSON.parse(readFileSync(REFERENCE, 'utf8')),
      entity: '<img src="http://127.0.0.1:9/x.png" onerror="alert(1)">',
      title: '</script><script>alert(2)</script><iframe src="http://127.0.0.1:9/"></iframe>',
    };
    const file = join(dir, '<b onclick="alert(3)">hostile.json');
    writeFileSync(file, JSON.stringify(hostile));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await pick(file);
    await expect(page.locator('#summary').textContent()).resolves.toBe(
      '<b onclick="alert(3)">hostile.json: 3 errors, 5 warnings, 4 info',
    );
    await expect(page.locator('#report').getAttribute('sandbox')).resolves.toBe('');
    const frame = page.frameLocator('#report');
    await expect(frame.locator('img, script, iframe').count()).resolves.toBe(0);
    const shown = await reportText();
    expect(shown).toContain(hostile.entity);
    expect(shown).toContain(hostile.title);
    await expect(
      page.locator('main b, main img, main script, main iframe:not(#report)').count(),
    ).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('keeps the injection payloads of issue 15 §6 inert, in every text of a report and its file name', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await pick({
      name: HOSTILE_FILE,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(hostileReport())),
    });
    await expect(page.locator('#status').getAttribute('class')).resolves.toBe('done');
    const summary = (await page.locator('#summary').textContent()) ?? '';
    expect(summary.startsWith(`${HOSTILE_FILE}: `)).toBe(true);
    const frame = page.frameLocator('#report');
    await expect(frame.locator('script, img, iframe, [onerror], [onclick], [onload]').count()).resolves.toBe(
      0,
    );
    await expect(frame.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    await expect(page.locator('main script, main img, main [onerror], main [onclick]').count()).resolves.toBe(
      0,
    );
    expect(dialogs).toEqual([]);
  });

  it('has a policy that lets only its own script run and nothing be fetched', async () => {
    const csp =
      (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const directives = csp.split(';').map((d) => d.trim());
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain("connect-src 'none'");
    expect(directives.find((d) => d.startsWith('script-src'))).toMatch(
      /^script-src 'sha256-[A-Za-z0-9+/]+=*'$/,
    );
    // In force: an inline script added to the page (not the page's own) does not run.
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__outturnInjected = true';
      document.body.append(script);
      script.remove();
      return window.__outturnInjected === true;
    })()`);
    expect(ran).toBe(false);
    // The built file: one inline script, no element that loads anything.
    const html = readFileSync(new URL(pageUrl), 'utf8');
    const outside = html.replace(/<script>[\s\S]*<\/script>/, '<script></script>');
    expect(outside.length).toBeLessThan(10_000);
    expect(outside.match(/<script\b/gi)).toHaveLength(1);
    expect(/<script[^>]*\ssrc=|<link\b|<img\b|<iframe\b|\ssrc=|url\(/i.test(outside)).toBe(false);
    await expect(page.locator('link, script[src], img, iframe[src]').count()).resolves.toBe(0);
  });

  it('records requests: a control page that loads an image is seen to', async () => {
    const control = join(dir, 'control.html');
    writeFileSync(control, '<!doctype html><img src="missing.png">');
    const other = await context.newPage();
    const seen: string[] = [];
    other.on('request', (r) => seen.push(r.url()));
    await other.goto(pathToFileURL(control).href);
    await other.close();
    expect(seen).toEqual([pathToFileURL(control).href, pathToFileURL(join(dir, 'missing.png')).href]);
  });

  it('made no request but for the page itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => u !== pageUrl)).toEqual([]);
  });
});
