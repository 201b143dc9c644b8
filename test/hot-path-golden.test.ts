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
import { generateIndicators } from '../bench/workloads.js';
import * as lib from '../src/index.js';
import { GOLDEN_FILE, GOLDEN_SIZES, goldenRecords } from './support/hot-path-golden.js';

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

describe('evaluateIndicator with exact: false', () => {
  const strip = (e: lib.Evaluation): lib.Evaluation =>
    e.deviation === null
      ? e
      : { ...e, deviation: { ...e.deviation, relative: null, absolute: null }, achievement: null };
  const cases = generateIndicators(GOLDEN_SIZES.indicators);
  const variants: lib.EvaluateOptions[] = [
    {},
    { deviationBasis: 'absolute', metInequality: 'zero', decimals: 1, rounding: 'half-even' },
    { decimals: 0, rounding: 'truncate' },
  ];

  it.each(variants.map((v, i) => [i, v] as const))(
    'gives the same result without the exact strings on the bench indicators (variant %i)',
    (_, options) => {
      const differing = cases.filter((c) => {
        const input = { target: c.target, actual: c.actual, name: c.name };
        const full = lib.evaluateIndicator(input, options);
        const printed = lib.evaluateIndicator(input, { ...options, exact: false });
        return JSON.stringify(printed) !== JSON.stringify(strip(full));
      });
      expect(differing).toEqual([]);
    },
  );

  it.each([
    ['=100%', '93.74%', '-6.26%'],
    ['≥8%', '8.0804%', '1.01%'], // the exact deviation 1.005 is a half-up tie
    ['=0%', '0%', '0.00%'],
    ['=0%', '43.37%', null],
    ['≥1,234.5万元', '120000元', '-99.03%'], // a conversion: the decimal.js path
    ['90%-95%', '80%', '-11.11%'], // a range: the decimal.js path
  ])('%s → %s prints %s, with no exact strings', (target, actual, printed) => {
    const e = lib.evaluateIndicator({ target, actual }, { exact: false });
    expect(e.deviation?.printed ?? null).toBe(printed);
    expect(e.deviation?.relative ?? null).toBeNull();
    expect(e.deviation?.absolute ?? null).toBeNull();
    expect(e.achievement).toBeNull();
  });

  it('rejects an exact option that is not a boolean', () => {
    expect(() => lib.evaluateIndicator({ target: '≥1', actual: '2' }, { exact: 'no' as never })).toThrow(
      TypeError,
    );
  });
});
