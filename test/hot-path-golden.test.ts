/**
 * The hot path's results are byte-identical to the reference recorded in
 * test/fixtures/hot-path-golden.json (written by `node scripts/write-hot-path-golden.mjs`
 * before the speed changes of issue 16): the full JSON of validateReport, evaluateIndicator and
 * executionRate, exact strings, printed figures, findings and messages, on every report under
 * examples/ and on the bench workloads. A difference names the record that changed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { GOLDEN_FILE, goldenRecords } from './support/hot-path-golden.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = JSON.parse(readFileSync(new URL(`../${GOLDEN_FILE}`, import.meta.url), 'utf8')) as [
  string,
  string,
][];

describe('hot-path golden results', () => {
  const records = goldenRecords(lib, root);

  it('records the same calls in the same order', () => {
    expect(records.map((r) => r.key)).toEqual(fixture.map(([key]) => key));
  });

  it('gives byte-identical results for every record', () => {
    const expected = new Map(fixture);
    const differing = records.filter((r) => expected.get(r.key) !== r.json).map((r) => r.key);
    expect(differing).toEqual([]);
  });

  it('covers every kind of result (the fixture is not empty or one-sided)', () => {
    const has = (s: string) => fixture.filter(([key]) => key.includes(s)).length;
    expect(has(' validateReport')).toBeGreaterThan(40);
    expect(has('bench indicator')).toBeGreaterThan(4000);
    expect(has('bench budget')).toBeGreaterThan(1000);
    expect(fixture.some(([, json]) => json.includes('"exact"'))).toBe(true);
  });
});
