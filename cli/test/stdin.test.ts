/**
 * `-` is standard input for every command that reads files: `outturn import -` and
 * `outturn pefa -` give what the same bytes give from a file (check and review: batch.test.ts,
 * review-batch.test.ts). The inputs are real: the 苏州 2023 self-evaluation table
 * (cli/test/fixtures/import/, source in its README) and the Mukono PEFA dataset (examples/pefa/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

const CSV = join(ROOT, 'cli', 'test', 'fixtures', 'import', 'suzhou-commerce-service-center-2023.csv');
const PEFA = join(ROOT, 'examples', 'pefa', 'ug-mukono-district-2017-18-to-2019-20.json');

describe('standard input as -', () => {
  it('outturn import - gives the report that the file gives', async () => {
    const fromFile = await run(['import', CSV, '--lang', 'en']);
    const fromStdin = await run(['import', '-', '--lang', 'en'], { stdin: readFileSync(CSV) });
    expect(fromFile.status).toBe(0);
    expect(fromStdin.status).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('outturn pefa - gives the assessment that the file gives', async () => {
    const args = ['--format', 'json', '--fail-on', 'never', '--lang', 'en'];
    const fromFile = await run(['pefa', PEFA, ...args]);
    const fromStdin = await run(['pefa', '-', ...args], { stdin: readFileSync(PEFA, 'utf8') });
    expect(fromFile.status).toBe(0);
    expect(fromStdin.status).toBe(fromFile.status);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('outturn import - with nothing piped is a usage error, not a crash', async () => {
    const r = await run(['import', '-', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
