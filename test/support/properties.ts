/**
 * Arbitraries and output checks shared by the property tests of the library
 * (test/properties.test.ts) and of the CLI renderers (cli/test/render-properties.test.ts): text
 * as reports print it, reports the format allows, and the walk that finds NaN, Infinity or a
 * figure that is not a plain decimal in an output.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

// ---------------------------------------------------------------------------------------------
// Checks of an output

/** Every string and number of a value, as one text (what an output may legitimately echo). */
function textOf(value: unknown, out: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') out.push(value.normalize('NFKC'));
  else if (typeof value === 'number' || typeof value === 'bigint') out.push(String(value));
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      textOf(v, out, seen);
    }
  }
  return out;
}

/** A plain decimal: what every figure of the library is. */
export const EXACT = /^-?\d+(?:\.\d+)?$/;
const EXACT_OR_PERCENT = /^-?\d+(?:\.\d+)?%?$/;
const PERCENT = /^-?\d+(?:\.\d+)?%$/;

/** Keys whose string values are figures the library computed: they must be plain decimals. */
const FIGURE_KEYS: Readonly<Record<string, RegExp>> = {
  value: EXACT,
  relative: EXACT,
  absolute: EXACT,
  achievement: EXACT,
  exact: EXACT,
  weight: EXACT,
  min: EXACT,
  max: EXACT,
  variance: EXACT,
  score: EXACT,
  totalScore: EXACT,
  executionRateExact: EXACT,
  deviationRelative: EXACT,
  deviationAbsolute: EXACT,
  recomputedExact: EXACT,
  executionRate: PERCENT,
  printed: EXACT_OR_PERCENT,
  deviation: EXACT_OR_PERCENT,
};

/**
 * Walks an output: every number finite (unless the input itself held a non-finite number that
 * is echoed), no "NaN" or "Infinity" in a string unless the input has it, and (with `figures`)
 * the figures the library computed are plain decimals.
 */
export function expectClean(output: unknown, input: unknown, figures: boolean): void {
  const inputText = textOf(input).join('\u0000');
  const echoesNonFinite = /NaN|Infinity/.test(inputText);
  const problems: string[] = [];
  const walk = (v: unknown, path: string, key: string, seen: Set<object>): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v) && !echoesNonFinite) problems.push(`${path} is ${v}`);
    } else if (typeof v === 'string') {
      for (const bad of ['NaN', 'Infinity']) {
        if (v.includes(bad) && !inputText.includes(bad)) problems.push(`${path} contains ${bad}: ${v}`);
      }
      const pattern = figures ? FIGURE_KEYS[key] : undefined;
      if (pattern !== undefined && !pattern.test(v)) problems.push(`${path} is not a figure: ${v}`);
    } else if (typeof v === 'object' && v !== null && !seen.has(v)) {
      seen.add(v);
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, Array.isArray(v) ? key : k, seen);
    }
  };
  walk(output, '$', '', new Set());
  expect(problems).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/**
 * Names of Object.prototype members: as operator cells, grades or units they must be read as
 * text, never looked up on a prototype.
 */
export const PROTOTYPE_WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
];

/** Pieces of printed figures and targets: digits, separators, signs, units, comparators, words. */
const PIECES = [
  ...'０１２３４５６７８９',
  ',',
  '，',
  ' ',
  '\u3000',
  '\u00a0',
  '.',
  '．',
  '+',
  '-',
  '−',
  '(',
  ')',
  '（',
  '）',
  '%',
  '％',
  '‰',
  '次',
  '家',
  '万元',
  '萬元',
  '亿元',
  '人次',
  '个百分点',
  '≥',
  '>=',
  '＞＝',
  '≤',
  '<=',
  '=',
  '>',
  '<',
  '≧',
  '⩾',
  '不低于',
  '以上',
  '以内',
  '以下',
  '控制在',
  '不满',
  '超过',
  '余',
  '多',
  '—',
  '——',
  '~',
  '～',
  '至',
  '健全',
  '较显著',
  '达成预期指标',
  '无',
  '/',
  'e',
  'E',
  'NaN',
  'Infinity',
  '=SUM(A1)',
  '@',
];

/** Printed-looking text: digits (often), separators, signs, units, comparators and words. */
export const domainString = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'0123456789') },
      { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS) },
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** Any text: printed-looking, any graphemes, or any UTF-16 (lone surrogates included). */
export const anyString = fc.oneof(
  { weight: 3, arbitrary: domainString },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
);

/** A report the format allows: strings, finite numbers and null where DESIGN §3 says so. */
const goodCell = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);
const goodFigure = fc.oneof({ weight: 5, arbitrary: goodCell }, { weight: 1, arbitrary: fc.constant(null) });
const goodPublished = fc.record(
  { executionRate: goodFigure, score: goodFigure, variance: goodFigure, deviation: goodFigure },
  { requiredKeys: [] },
);
const goodLineFields = {
  name: anyString,
  initial: goodFigure,
  adjustment: goodFigure,
  adjusted: goodFigure,
  actual: goodFigure,
  weight: goodFigure,
  published: goodPublished,
};
const goodLine = fc.record(
  {
    ...goodLineFields,
    children: fc.array(fc.record(goodLineFields, { requiredKeys: ['name'] }), { maxLength: 3 }),
  },
  { requiredKeys: ['name'] },
);
export const goodReport = fc.record(
  {
    kind: fc.constantFrom('department', 'project'),
    title: anyString,
    year: fc.integer({ min: 1990, max: 2100 }),
    amountUnit: fc.constantFrom('元', '万元', '亿元'),
    budget: fc.array(goodLine, { maxLength: 2 }),
    indicators: fc.array(
      fc.record(
        {
          path: fc.array(anyString, { maxLength: 2 }),
          name: anyString,
          target: fc.oneof(
            goodCell,
            fc.record({
              operator: fc.oneof(anyString, fc.constantFrom('≥', '正向', ...PROTOTYPE_WORDS)),
              value: goodCell,
            }),
          ),
          actual: goodFigure,
          unit: fc.oneof(anyString, fc.constant(null)),
          weight: goodFigure,
          reason: fc.oneof(anyString, fc.constant(null)),
          published: goodPublished,
        },
        { requiredKeys: ['name', 'target'] },
      ),
      { maxLength: 6 },
    ),
    staffing: fc.record({ authorized: goodFigure, actual: goodFigure }, { requiredKeys: [] }),
    published: fc.record(
      { totalScore: goodFigure, grade: fc.oneof(anyString, fc.constant(null)) },
      { requiredKeys: [] },
    ),
    extra: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
