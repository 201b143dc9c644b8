/**
 * `--format json` and `--format ndjson` written in pieces (issue 16): the pieces, joined, are
 * byte for byte the text the whole-string renderer gives (renderJson, and
 * `JSON.stringify({ file, ...toJsonOutput })` for a report of a run over many files), on every
 * report under examples/ and on generated reports of the bench workload; the writes are bounded
 * in size, wait for stdout to drain, and `-o FILE` spools to its file with the same bytes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang, Report, ValidationResult } from 'outturn';
import { SCORING_PROFILES, validateReport } from 'outturn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/workloads.js';
import { resultOf } from '../src/batch-result.js';
import type { CliIO } from '../src/io.js';
import { stdoutWriter } from '../src/io.js';
import { joinPieces, jsonPieces, renderJson, toJsonOutput, writeJson } from '../src/render/json.js';
import { visible } from '../src/render/terminal.js';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

const REPORTS = join(ROOT, 'examples', 'reports');
const EXAMPLES = [
  join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json'),
  ...readdirSync(REPORTS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(REPORTS, f)),
];
const LANGS: readonly Lang[] = ['zh', 'en'];

/** The result the command checks FILE to (report JSON, the schema's path for odd shapes). */
async function resultOfFile(file: string): Promise<ValidationResult> {
  const io: CliIO = { stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false };
  const bytes = readFileSync(file);
  const args = { files: [file], from: undefined, sheet: undefined, maxBytes: 1 << 30, lang: 'en' as const };
  return resultOf([{ file, bytes }], args, SCORING_PROFILES.default, io);
}

/** What writeJson writes, and each write. */
async function written(result: ValidationResult, lang: Lang): Promise<{ text: string; writes: string[] }> {
  const writes: string[] = [];
  await writeJson(result, lang, (text) => {
    writes.push(text);
  });
  return { text: writes.join(''), writes };
}

/** A generated report of `n` indicators (bench/workloads.ts), with a row name a terminal acts on. */
function generated(n: number): Report {
  const report = generateReport(n);
  const indicators = (report.indicators ?? []).map((row, i) =>
    i === 1 ? { ...row, name: `${row.name}\u202e\u009b\u007f` } : row,
  );
  return { ...report, indicators };
}

describe('writeJson gives the bytes of renderJson', () => {
  it.each(EXAMPLES.flatMap((file) => LANGS.map((lang) => [file.slice(ROOT.length), lang] as const)))(
    '%s (%s)',
    async (file, lang) => {
      const result = await resultOfFile(join(ROOT, file));
      expect((await written(result, lang)).text).toBe(renderJson(result, lang));
    },
  );

  it.each([0, 1, 7, 3000])('a generated report of %i indicators', async (n) => {
    const result = validateReport(generated(n));
    for (const lang of LANGS) {
      const { text, writes } = await written(result, lang);
      expect(text).toBe(renderJson(result, lang));
      // Bounded writes: none much longer than 64 K characters (a piece is one row at most).
      for (const w of writes) expect(w.length).toBeLessThan((1 << 16) + 4096);
      if (n === 3000) expect(writes.length).toBeGreaterThan(10);
    }
  });

  it('escapes what acts on a terminal in every piece, as renderJson does', async () => {
    const { text } = await written(validateReport(generated(3)), 'en');
    expect(text).toContain('\\u202e\\u009b\\u007f');
    expect(text).not.toMatch(/[\u007f\u009b\u202e]/);
  });
});

describe('jsonPieces: the layouts of a run over many files', () => {
  it.each(EXAMPLES.slice(0, 8).map((file) => [file.slice(ROOT.length)]))('%s', async (file) => {
    const result = await resultOfFile(join(ROOT, file));
    for (const lang of LANGS) {
      const object = { file, ...toJsonOutput(result, lang) };
      expect(joinPieces(jsonPieces(result, lang, { space: 0, file })).join('')).toBe(
        visible(JSON.stringify(object)),
      );
      expect(joinPieces(jsonPieces(result, lang, { space: 2, file })).join('')).toBe(
        visible(JSON.stringify(object, null, 2)),
      );
    }
  });

  it('a generated report in 64 K pieces, one line for ndjson', () => {
    const result = validateReport(generated(3000));
    const pieces = joinPieces(jsonPieces(result, 'zh', { space: 0, file: 'x.json' }));
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(visible(JSON.stringify({ file: 'x.json', ...toJsonOutput(result, 'zh') })));
    expect(pieces.join('')).not.toContain('\n');
  });
});

describe('the command writes the same bytes', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outturn-json-stream-'));
    writeFileSync(join(dir, 'big.json'), JSON.stringify(generated(3000), null, 2));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('check FILE --format json: renderJson of the result, on stdout and through -o', async () => {
    const file = join(dir, 'big.json');
    const expected = renderJson(await resultOfFile(file), 'en');
    expect(expected.length).toBeGreaterThan(1 << 20); // past the 1 MiB the spool keeps in memory
    const out = await run(['check', file, '--format', 'json', '--lang', 'en', '--fail-on', 'never']);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(expected);
    const o = await run(
      ['check', file, '--format', 'json', '--lang', 'en', '--fail-on', 'never', '-o', 'out.json'],
      {
        cwd: dir,
      },
    );
    expect(o.status, o.stderr).toBe(0);
    expect(o.stdout).toBe('');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(expected);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('-o into a folder that does not exist: a usage error, and no temporary file anywhere', async () => {
    const file = join(dir, 'big.json');
    const r = await run(['check', file, '--format', 'json', '--lang', 'en', '-o', 'nowhere/out.json'], {
      cwd: dir,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('outturn: cannot write nowhere/out.json: no such directory\n');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('batch json and ndjson: each report as the whole-string layout gives it', async () => {
    const args = ['check', 'examples/reports', join(dir, 'big.json'), '--lang', 'en', '--fail-on', 'never'];
    const json = await run([...args, '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as { reports: { file: string }[] };
    // The pieces and the indentation of each report make the document JSON.stringify(…, null, 2) gives.
    expect(json.stdout).toBe(`${visible(JSON.stringify(parsed, null, 2))}\n`);
    const big = parsed.reports.find((r) => r.file.endsWith('big.json'));
    const result = await resultOfFile(join(dir, 'big.json'));
    expect(big).toEqual(
      JSON.parse(JSON.stringify({ file: join(dir, 'big.json'), ...toJsonOutput(result, 'en') })),
    );
    const nd = await run([...args, '--format', 'ndjson']);
    const lines = nd.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(parsed.reports.length);
    lines.forEach((line, i) => {
      expect(line).toBe(visible(JSON.stringify(parsed.reports[i])));
    });
  });
});

describe('stdoutWriter waits for stdout to drain', () => {
  it('writeJson does not write the next piece before the stream has drained', async () => {
    const writes: string[] = [];
    let release: () => void = () => undefined;
    let waiting = 0;
    let free = false;
    const io: CliIO = {
      stdout: (text) => {
        writes.push(text);
      },
      stderr: () => undefined,
      env: {},
      isTTY: false,
      drained: () => {
        waiting++;
        if (free) return undefined;
        return new Promise<void>((resolvePromise) => {
          release = resolvePromise;
        });
      },
    };
    const result = validateReport(generated(3000));
    const done = writeJson(result, 'en', stdoutWriter(io));
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 1));
      expect(writes).toHaveLength(i + 1);
      expect(waiting).toBe(i + 1);
      release();
    }
    free = true;
    release();
    await done;
    expect(writes.join('')).toBe(renderJson(result, 'en'));
  });
});
