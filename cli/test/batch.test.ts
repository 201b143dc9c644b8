/**
 * `outturn check` over many reports (cli/src/batch.ts), run in-process through `main(argv, io)`:
 * several FILEs, a directory, `-`, `--summary`, `--output`, and the json and ndjson outputs. In
 * process the reports are checked on the main thread (the sources have no built worker); the
 * worker threads of the built command are tested in batch-bin.test.ts.
 */
import {
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byCodePoint } from '../src/batch-inputs.js';
import { commonDirectory } from '../src/render/batch.js';
import { ROOT } from './support/cli.js';
import { type Run, run } from './support/run.js';

const REPORTS = join(ROOT, 'examples', 'reports');
const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
const SUZHOU_CSV = join(ROOT, 'cli', 'test', 'fixtures', 'import', 'suzhou-commerce-service-center-2023.csv');
const ESC = String.fromCharCode(27);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outturn-batch-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function put(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** `main` with standard input holding `input`. */
function withStdin(args: readonly string[], input: string | Uint8Array): Promise<Run> {
  return run(args, { stdin: input });
}

function expectUsageError(r: Run): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.startsWith('outturn: ')).toBe(true);
}

interface JsonBatch {
  reports: ({ file: string; summary: Record<string, number>; findings: unknown[] } & Record<
    string,
    unknown
  >)[];
  summary: { files: number; error: number; warning: number; info: number; unreadable: number };
}

const reportFiles = readdirSync(REPORTS)
  .filter((f) => f.endsWith('.json'))
  .sort(byCodePoint)
  .map((f) => join('examples', 'reports', f));

describe('a directory: every report file in it', () => {
  it('text: one summary table, a row per file in path order, then each report; the worst exit code', async () => {
    const r = await run(['check', 'examples/reports', '--lang', 'en']);
    expect(r.status).toBe(1); // some reports have errors
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(`Summary of ${reportFiles.length} files in examples/reports\n`)).toBe(true);
    // Each report's part, in the same order as the rows.
    // Each report's part starts with its file (a long name wraps onto the next line).
    const heads = r.stdout.split('\n').filter((l) => l.startsWith('== '));
    expect(heads).toHaveLength(reportFiles.length);
    heads.forEach((h, i) => {
      expect(reportFiles[i]?.startsWith(`examples/reports/${h.slice(3)}`)).toBe(true);
    });
    expect(r.stdout).toContain('Total, Grade: printed → recomputed');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('--summary: the table and the totals, no report after it', async () => {
    const r = await run(['check', 'examples/reports', '--summary', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('== ');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^28 files: \d+ errors, \d+ warnings, \d+ info; 0 not read\.$/);
    // The Lijiang report recomputes 100.00 and 优 where it prints neither.
    expect(r.stdout).toMatch(/麗江.*- → 100\.00 +- → 优\n/);
  });

  it('json: { reports: [{ file, ...the single-report object }], summary } with the sums', async () => {
    const r = await run(['check', 'examples/reports', '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as JsonBatch;
    expect(out.reports.map((x) => x.file)).toEqual(reportFiles);
    const sum = (k: string) => out.reports.reduce((n, x) => n + (x.summary[k] ?? 0), 0);
    expect(out.summary).toEqual({
      files: 28,
      error: sum('error'),
      warning: sum('warning'),
      info: sum('info'),
      unreadable: 0,
    });
    // Each entry is exactly the single-report output, with its file first.
    const one = JSON.parse(
      (await run(['check', reportFiles[0] as string, '--format', 'json', '--lang', 'en'])).stdout,
    );
    expect(out.reports[0]).toEqual({ file: reportFiles[0], ...one });
    expect(Object.keys(out.reports[0] ?? {})[0]).toBe('file');
  });

  it('ndjson: one line per report, in input order', async () => {
    const r = await run(['check', 'examples/reports', '--format', 'ndjson']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(28);
    expect(lines.map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(reportFiles);
    expect(r.status).toBe(1);
  });

  it('recursion in code point order; hidden files, node_modules and other extensions skipped', async () => {
    const report = readFileSync(EXAMPLE);
    const root = join(dir, 'tree');
    for (const name of ['b.json', 'a/c.json', '\u{FF01}.json', '\u{1F600}.json', 'A.JSON', 'z/y.csv']) {
      put(join('tree', name), name.endsWith('.csv') ? readFileSync(SUZHOU_CSV) : report);
    }
    for (const name of ['.hidden.json', '.git/x.json', 'node_modules/p/r.json', 'notes.md', 'x.jsonl']) {
      put(join('tree', name), report);
    }
    const r = await run(['check', root, '--format', 'ndjson', '--fail-on', 'never'], { cwd: dir });
    const files = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { file: string }).file.slice(root.length + 1));
    // By UTF-16 units U+1F600 (D83D) would come before U+FF01.
    expect(files).toEqual(['A.JSON', 'a/c.json', 'b.json', 'z/y.csv', '\u{FF01}.json', '\u{1F600}.json']);
    expect(r.status).toBe(0);
    // The table import's notes still reach stderr.
    expect(r.stderr).toContain('outturn: ');
  });

  it.each([
    ['an empty directory', 'empty', [] as string[]],
    ['only files it skips', 'skipped', ['.a.json', 'node_modules/b.json', 'c.md']],
  ])('%s is a usage error, exit 2, one line', async (_label, name, files) => {
    mkdirSync(join(dir, name), { recursive: true });
    for (const f of files) put(join(name, f), '{}');
    const r = await run(['check', join(dir, name), '--lang', 'en']);
    expectUsageError(r);
    expect(r.stderr).toContain('has no report file');
  });
});

describe('several FILEs', () => {
  it('a file that cannot be read is one row with its reason; the others go on; exit 2', async () => {
    const bad = put('bad.json', '{ "title": ');
    const args = ['check', EXAMPLE, join(dir, 'missing.json'), bad, '--lang', 'en'];
    const text = await run(args);
    expect(text.status).toBe(2);
    expect(text.stdout).toContain('not read: cannot read');
    expect(text.stdout).toMatch(/unexpected\s+end\s+of\s+file\s+at\s+line\s+1/);
    expect(text.stdout).toMatch(/3 files: 3 errors, .*; 2 not read\./);
    const json = JSON.parse((await run([...args, '--format', 'json'])).stdout) as JsonBatch;
    expect(json.summary.unreadable).toBe(2);
    expect(json.reports[1]).toEqual({
      file: join(dir, 'missing.json'),
      error: { message: `cannot read ${join(dir, 'missing.json')}: no such file` },
    });
    const nd = (await run([...args, '--format', 'ndjson'])).stdout.trimEnd().split('\n');
    expect(JSON.parse(nd[2] as string)).toEqual({
      file: bad,
      error: { message: expect.stringContaining('not valid JSON') },
    });
  });

  it.each([
    ['error', 1],
    ['never', 0],
  ])('--fail-on %s: exit %i over two reports with errors', async (failOn, code) => {
    const r = await run(['check', EXAMPLE, EXAMPLE, '--fail-on', failOn, '--summary']);
    expect(r.status).toBe(code);
  });

  it('unreadable wins over findings, and over --fail-on never', async () => {
    const r = await run(['check', EXAMPLE, join(dir, 'nope.json'), '--fail-on', 'never', '--summary']);
    expect(r.status).toBe(2);
  });

  it('two table files are two reports now (import still joins them into one)', async () => {
    const r = await run(['check', SUZHOU_CSV, SUZHOU_CSV, '--format', 'json']);
    const out = JSON.parse(r.stdout) as JsonBatch;
    expect(out.reports).toHaveLength(2);
    expect(out.reports[0]?.summary).toEqual(out.reports[1]?.summary);
  });

  it('a PEFA dataset among reports is a row with its reason', async () => {
    const pefa = put('pefa.json', JSON.stringify({ kind: 'pefa', years: [] }));
    const r = await run(['check', EXAMPLE, pefa, '--format', 'ndjson', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("assess it with 'outturn pefa");
  });

  it('a bad --profile is still one usage error before any file', async () => {
    expectUsageError(await run(['check', EXAMPLE, EXAMPLE, '--profile', 'nope']));
  });

  it('names from the input cannot act on the terminal', async () => {
    const name = put(`x${ESC}[2J${ESC}]52;c;aGk=\u0007.json`, readFileSync(EXAMPLE));
    const r = await run(['check', name, EXAMPLE, '--lang', 'en']);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toContain('\\u001b[2J');
  });
});

describe('one FILE', () => {
  it('--summary or --format ndjson make one FILE a run of one report', async () => {
    const summary = await run(['check', EXAMPLE, '--summary', '--lang', 'en']);
    expect(summary.stdout.startsWith('Summary of 1 file\n')).toBe(true);
    expect(summary.stdout).toContain('1 file: 3 errors, 5 warnings, 4 info; 0 not read.');
    const nd = await run(['check', EXAMPLE, '--format', 'ndjson']);
    expect(nd.stdout.split('\n')).toHaveLength(2); // one line and its newline
    const single = JSON.parse((await run(['check', EXAMPLE, '--format', 'json'])).stdout);
    expect(JSON.parse(nd.stdout)).toEqual({ file: EXAMPLE, ...single });
  });

  it('without them, the output of one report, as before', async () => {
    const r = await run(['check', EXAMPLE, '--lang', 'en']);
    expect(r.stdout).not.toContain('Summary of');
    expect(r.stdout).toContain(`File: ${EXAMPLE}\n`);
  });
});

describe('- reads standard input', () => {
  it('a report JSON: the same output as the file, named -', async () => {
    const r = await withStdin(['check', '-', '--format', 'json'], readFileSync(EXAMPLE));
    expect(r.stdout).toBe((await run(['check', EXAMPLE, '--format', 'json'])).stdout);
    expect(r.status).toBe(1);
    const text = await withStdin(['check', '-', '--lang', 'en'], readFileSync(EXAMPLE));
    expect(text.stdout).toContain('File: -\n');
  });

  it('a table, detected by its content', async () => {
    const r = await withStdin(['check', '-', '--format', 'json'], readFileSync(SUZHOU_CSV));
    expect(r.stdout).toBe((await run(['check', SUZHOU_CSV, '--format', 'json'])).stdout);
  });

  it('- among files, read once however often it is given', async () => {
    const r = await withStdin(['check', '-', EXAMPLE, '-', '--format', 'ndjson'], readFileSync(EXAMPLE));
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; summary: unknown });
    expect(lines.map((l) => l.file)).toEqual(['-', EXAMPLE, '-']);
    expect(lines[0]?.summary).toEqual(lines[1]?.summary);
    expect(lines[2]).toEqual(lines[0]);
  });

  it('empty standard input is exit 2 with one line', async () => {
    expectUsageError(await withStdin(['check', '-', '--lang', 'en'], ''));
  });
});

describe('--output FILE / -o FILE', () => {
  it.each([['--output'], ['-o']])(
    '%s: the output in FILE, nothing on stdout, no temporary file left',
    async (opt) => {
      const out = join(dir, `out${opt}.json`);
      writeFileSync(out, 'old');
      const r = await run(['check', EXAMPLE, '--format', 'json', opt, out]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe((await run(['check', EXAMPLE, '--format', 'json'])).stdout);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('a batch to a file; a usage error leaves FILE as it was', async () => {
    const out = join(dir, 'batch.txt');
    await run(['check', 'examples/reports', '--summary', '-o', out, '--lang', 'en']);
    expect(readFileSync(out, 'utf8')).toContain('Summary of 28 files');
    writeFileSync(out, 'kept');
    expectUsageError(await run(['check', join(dir, 'none.json'), '-o', out]));
    expect(readFileSync(out, 'utf8')).toBe('kept');
  });

  it('a folder that does not exist: exit 2, one line', async () => {
    const r = await run(['check', EXAMPLE, '-o', join(dir, 'no', 'such', 'out.txt'), '--lang', 'en']);
    expectUsageError(r);
    expect(r.stderr).toContain('no such directory');
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('--output and --summary belong to check', async () => {
    expectUsageError(await run(['import', SUZHOU_CSV, '--summary']));
    expectUsageError(await run(['pefa', EXAMPLE, '-o', join(dir, 'x')]));
    expectUsageError(await run(['pefa', EXAMPLE, '--format', 'ndjson']));
  });
});

describe('helpers', () => {
  it.each([
    [['a/b/c.json', 'a/b/d/e.json'], 'a/b'],
    [['a/b.json', 'c/d.json'], ''],
    [['x.json'], ''],
    [['a/x.json', 'a/y.json'], 'a'],
    [['ab/x.json', 'a/y.json'], ''],
  ])('commonDirectory(%j) = %j', (files, expected) => {
    expect(commonDirectory(files)).toBe(expected);
  });

  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['a', 'ab', -1],
    ['\u{FF01}', '\u{1F600}', -1],
    ['Z', 'a', -1],
  ])('byCodePoint(%j, %j) has the sign %i', (a, b, sign) => {
    expect(Math.sign(byCodePoint(a, b))).toBe(sign);
  });
});
