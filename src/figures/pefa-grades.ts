/**
 * PEFA 2016 Pillar I: the scoring rules — the bands of each dimension in the Framework's words,
 * a year's grade, "two of the last three years", and the aggregation methods M1 (weakest link)
 * and M2 (averaging, by the Framework's conversion table). After "Framework for assessing public
 * financial management", PEFA Secretariat, 2016, §2.1–2.2 and PI-1 to PI-3
 * (https://www.pefa.org/node/4627, https://www.pefa.org/node/4754). The figures the grades are
 * given to (outturn, composition variance) are in pefa.ts; docs/pefa.md has the sources.
 */
import {
  assertArray,
  assertCell,
  assertCellOrNull,
  assertObject,
  assertOneOf,
  assertOptions,
  describeType,
  rejectArgument,
} from '../core/arguments.js';
import { type Dec, dec } from '../core/decimal.js';
import { parseQuantity, quantityValue } from '../core/quantity.js';
import type { Figure } from '../model/report.js';

/** A dimension's score: A (best) to D, and D* for "insufficient information" (Framework §2.2). */
export type PefaGrade = 'A' | 'B' | 'C' | 'D' | 'D*';

/** An indicator's score: a dimension grade, or a grade with `+` from M1 or M2. */
export type PefaScore = PefaGrade | 'B+' | 'C+' | 'D+';

/** The grade of one fiscal year's figure against a dimension's bands. */
export type PefaYearGrade = 'A' | 'B' | 'C' | 'D';

/**
 * Whether the ends of a band worded "between x% and y%" belong to it: `inclusive` (default:
 * 95% and 105% are both "between 95% and 105%") or `exclusive`. Bands worded "less than",
 * "more than" or "inclusive" follow their wording and are not affected.
 */
export type PefaBandEnds = 'inclusive' | 'exclusive';

/**
 * One band of a dimension's calibration, in percent: a year is in the band when its figure is
 * above `low` and below `high` (a null end is open). `ends` says whether the ends belong to it:
 * `between` follows the {@link PefaBandEnds} option, `inclusive` and `exclusive` are fixed by the
 * Framework's wording ("between 3% and 6%, inclusive"; "less than 5%").
 */
export interface PefaBand {
  /** The grade of a year inside the band. */
  readonly grade: 'A' | 'B' | 'C';
  /** Lower end in percent, or null for none. */
  readonly low: string | null;
  /** Upper end in percent, or null for none. */
  readonly high: string | null;
  /** Whether the ends belong to the band (see above). */
  readonly ends: 'between' | 'inclusive' | 'exclusive';
}

/**
 * PI-1 (dimension 1.1) Aggregate expenditure outturn. Framework wording: "A: Aggregate
 * expenditure outturn was between 95% and 105% of the approved aggregate budgeted expenditure in
 * at least two of the last three years. B: … between 90% and 110% … C: … between 85% and 115% …
 * D: Performance is less than required for a C score."
 */
export const PEFA_AGGREGATE_EXPENDITURE_BANDS: readonly PefaBand[] = [
  { grade: 'A', low: '95', high: '105', ends: 'between' },
  { grade: 'B', low: '90', high: '110', ends: 'between' },
  { grade: 'C', low: '85', high: '115', ends: 'between' },
];

/**
 * Dimensions 2.1, 2.2 and 3.2, composition variance. Framework wording (2.1): "A: Variance in
 * expenditure composition by program, administrative or functional classification was less than
 * 5% in at least two of the last three years. B: … less than 10% … C: … less than 15% … D:
 * Performance is less than required for a C score." 2.2 and 3.2 are worded alike.
 */
export const PEFA_COMPOSITION_BANDS: readonly PefaBand[] = [
  { grade: 'A', low: null, high: '5', ends: 'exclusive' },
  { grade: 'B', low: null, high: '10', ends: 'exclusive' },
  { grade: 'C', low: null, high: '15', ends: 'exclusive' },
];

/**
 * Dimension 2.3 Expenditure from contingency reserves, on the average share. Framework wording:
 * "A: Actual expenditure charged to a contingency vote was on average less than 3% of the
 * original budget. B: … averaging between 3% and 6%, inclusive, of the original budget. C: … on
 * average more than 6% but less than 10% of the original budget. D: Performance is less than
 * required for a C score."
 */
export const PEFA_CONTINGENCY_BANDS: readonly PefaBand[] = [
  { grade: 'A', low: null, high: '3', ends: 'exclusive' },
  { grade: 'B', low: '3', high: '6', ends: 'inclusive' },
  { grade: 'C', low: '6', high: '10', ends: 'exclusive' },
];

/**
 * PI-3 dimension 3.1 Aggregate revenue outturn. Framework wording: "A: Actual revenue was
 * between 97% and 106% of budgeted revenue in at least two of the last three years. B: …
 * between 94% and 112% … C: … between 92% and 116% … D: Performance is less than required for
 * a C score."
 */
export const PEFA_AGGREGATE_REVENUE_BANDS: readonly PefaBand[] = [
  { grade: 'A', low: '97', high: '106', ends: 'between' },
  { grade: 'B', low: '94', high: '112', ends: 'between' },
  { grade: 'C', low: '92', high: '116', ends: 'between' },
];

/**
 * The two-dimension section of the Framework's conversion table for M2 (AV), §2.2 Table 1
 * (PEFA 2016): each row is two dimension scores (in either order) and the indicator's
 * score. A D* dimension counts as D.
 */
export const PEFA_M2_TWO_DIMENSIONS: readonly (readonly [PefaYearGrade, PefaYearGrade, PefaScore])[] = [
  ['D', 'D', 'D'],
  ['D', 'C', 'D+'],
  ['D', 'B', 'C'],
  ['D', 'A', 'C+'],
  ['C', 'C', 'C'],
  ['C', 'B', 'C+'],
  ['C', 'A', 'B'],
  ['B', 'B', 'B'],
  ['B', 'A', 'B+'],
  ['A', 'A', 'A'],
];

const RANK: Readonly<Record<PefaYearGrade, number>> = { A: 4, B: 3, C: 2, D: 1 };
const BY_RANK: readonly PefaYearGrade[] = ['D', 'D', 'C', 'B', 'A'];

/** Is `value` (percent) inside `band`? (internal) */
export function inBand(value: Dec, band: PefaBand, bandEnds: PefaBandEnds): boolean {
  const inclusive = band.ends === 'between' ? bandEnds === 'inclusive' : band.ends === 'inclusive';
  if (band.low !== null) {
    const low = dec(band.low);
    if (inclusive ? value.lt(low) : value.lte(low)) return false;
  }
  if (band.high !== null) {
    const high = dec(band.high);
    if (inclusive ? value.gt(high) : value.gte(high)) return false;
  }
  return true;
}

/** The grade of an exact percentage against bands (internal). */
export function gradeOfValue(value: Dec, bands: readonly PefaBand[], bandEnds: PefaBandEnds): PefaYearGrade {
  for (const band of bands) if (inBand(value, band, bandEnds)) return band.grade;
  return 'D';
}

function checkBands(fn: string, bands: unknown): asserts bands is readonly PefaBand[] {
  assertArray(fn, 'bands', bands);
  for (let i = 0; i < bands.length; i += 1) {
    const b: unknown = bands[i];
    assertObject(fn, `bands[${i}]`, b);
    const band = b as Record<string, unknown>;
    assertOneOf(fn, `bands[${i}].grade`, band.grade, ['A', 'B', 'C']);
    for (const end of ['low', 'high'] as const) {
      const v = band[end];
      if (v !== null && (typeof v !== 'string' || !/^\d+(?:\.\d+)?$/.test(v))) {
        rejectArgument(fn, `bands[${i}].${end}`, 'a decimal string such as "95" or null', describeType(v));
      }
    }
    assertOneOf(fn, `bands[${i}].ends`, band.ends, ['between', 'inclusive', 'exclusive']);
  }
}

/** Options of the grading functions. */
export interface PefaGradeOptions {
  /** Ends of "between" bands (default `'inclusive'`). */
  readonly bandEnds?: PefaBandEnds;
}

/** A percentage as a figure (`"97.3%"`, `"97.3"`, 97.3) read exactly, or null (internal). */
function percentValue(figure: Figure): Dec | null {
  const q = parseQuantity(figure);
  if (!q.ok || q.quantity === null) return null;
  if (q.quantity.unit !== null && q.quantity.unit !== '%') return null;
  return quantityValue(q.quantity);
}

/**
 * The grade of one fiscal year's figure: the first band of `bands` (A, then B, then C) that
 * holds it, else D. The figure is a percentage (`"97.3%"`, `"97.3"` or a number), compared
 * exactly: 94.99 is not "between 95% and 105%". A figure that is not a percentage is D.
 *
 * @throws TypeError when `figure` is not a string or a number, `bands` not a band table, or
 *   `options.bandEnds` not `'inclusive'` or `'exclusive'`.
 * @example
 * ```ts
 * pefaYearGrade('105%', PEFA_AGGREGATE_EXPENDITURE_BANDS);                             // 'A'
 * pefaYearGrade('105%', PEFA_AGGREGATE_EXPENDITURE_BANDS, { bandEnds: 'exclusive' }); // 'B'
 * pefaYearGrade('5', PEFA_COMPOSITION_BANDS);                                         // 'B' (not less than 5%)
 * ```
 */
export function pefaYearGrade(
  figure: Figure,
  bands: readonly PefaBand[],
  options: PefaGradeOptions = {},
): PefaYearGrade {
  assertCell('pefaYearGrade', 'figure', figure);
  checkBands('pefaYearGrade', bands);
  const ends = checkGradeOptions('pefaYearGrade', options);
  const v = percentValue(figure);
  return v === null ? 'D' : gradeOfValue(v, bands, ends);
}

function checkGradeOptions(fn: string, options: unknown): PefaBandEnds {
  assertOptions(fn, 'options', options);
  const ends = (options as PefaGradeOptions | undefined)?.bandEnds ?? 'inclusive';
  assertOneOf(fn, 'options.bandEnds', ends, ['inclusive', 'exclusive']);
  return ends;
}

/**
 * "In at least two of the last three years" (internal): the best grade that at least two of
 * the three years reach, i.e. the second best of the three; D* with fewer than three years.
 */
export function twoOfThree(grades: readonly (PefaYearGrade | null)[]): PefaGrade {
  if (grades.length < 3) return 'D*';
  const ranks = grades.slice(-3).map((g) => (g === null ? 1 : RANK[g]));
  ranks.sort((a, b) => b - a);
  return BY_RANK[ranks[1] as number] as PefaYearGrade;
}

/** A dimension's score by the two-of-three-years rule, with the grade of each year. */
export interface PefaGradeResult {
  /** The dimension's score: A–D, or D* with fewer than three years. */
  readonly score: PefaGrade;
  /** The grade of each of the last three years (D for a year without a figure), oldest first. */
  readonly years: readonly PefaYearGrade[];
}

/**
 * A dimension's score from its yearly figures (PI-1, 2.1, 2.2, 3.1, 3.2): each of the last
 * three figures is graded with {@link pefaYearGrade} (null — no figure, no approved budget, a
 * zero budget — grades D), and the dimension scores the best grade reached "in at least two of
 * the last three years". Fewer than three figures give D* (insufficient information).
 *
 * @throws TypeError as {@link pefaYearGrade}, or when `figures` is not an array of figures or nulls.
 * @example
 * ```ts
 * pefaGradeOf(['97.3%', '104.1%', '88%'], PEFA_AGGREGATE_EXPENDITURE_BANDS);
 * // { score: 'A', years: ['A', 'A', 'C'] }
 * pefaGradeOf(['97.3%', null, '88%'], PEFA_AGGREGATE_EXPENDITURE_BANDS).score; // 'C'
 * pefaGradeOf(['97.3%', '99%'], PEFA_AGGREGATE_EXPENDITURE_BANDS).score;      // 'D*'
 * ```
 */
export function pefaGradeOf(
  figures: readonly (Figure | null)[],
  bands: readonly PefaBand[],
  options: PefaGradeOptions = {},
): PefaGradeResult {
  assertArray('pefaGradeOf', 'figures', figures);
  for (let i = 0; i < figures.length; i += 1) assertCellOrNull('pefaGradeOf', `figures[${i}]`, figures[i]);
  checkBands('pefaGradeOf', bands);
  const ends = checkGradeOptions('pefaGradeOf', options);
  const years = figures.slice(-3).map((f) => {
    if (f === null || f === undefined) return 'D' as const;
    const v = percentValue(f);
    return v === null ? ('D' as const) : gradeOfValue(v, bands, ends);
  });
  return { score: figures.length < 3 ? 'D*' : twoOfThree(years), years };
}

const SCORE_RANK: Readonly<Record<PefaGrade, number>> = { A: 4, B: 3, C: 2, D: 1, 'D*': 1 };

function checkGrades(fn: string, grades: unknown): asserts grades is readonly PefaGrade[] {
  assertArray(fn, 'grades', grades);
  if (grades.length === 0) rejectArgument(fn, 'grades', 'a non-empty array', 'an empty array');
  for (let i = 0; i < grades.length; i += 1) {
    assertOneOf(fn, `grades[${i}]`, grades[i], ['A', 'B', 'C', 'D', 'D*']);
  }
}

/**
 * M1, weakest link (Framework §2.2): used where poor performance on one dimension undermines
 * good performance on the others (PI-2). The indicator scores the lowest dimension score, with
 * a `+` when any other dimension scores higher. A D* dimension aggregates as D (Framework
 * §2.1: "The aggregation of multidimensional indicators containing D* scores is no different
 * from aggregation with other D scores. Aggregate indicator scores will not include an
 * asterisk"). One dimension scores itself (D* as D).
 *
 * @throws TypeError when `grades` is not a non-empty array of `'A'`, `'B'`, `'C'`, `'D'`, `'D*'`.
 * @example
 * ```ts
 * scoreM1(['B', 'A', 'C']);  // 'C+'
 * scoreM1(['C', 'C', 'C']);  // 'C'
 * scoreM1(['D*', 'B', 'A']); // 'D+'
 * ```
 */
export function scoreM1(grades: readonly PefaGrade[]): PefaScore {
  checkGrades('scoreM1', grades);
  const ranks = grades.map((g) => SCORE_RANK[g]);
  const low = Math.min(4, ...ranks);
  const grade = BY_RANK[low] as PefaYearGrade;
  return ranks.some((r) => r > low) && grade !== 'A' ? (`${grade}+` as PefaScore) : grade;
}

/**
 * M2, averaging (Framework §2.2): the indicator's score is an approximate average of its
 * dimension scores, read from the Framework's conversion table (Table 1), whatever the order of
 * the dimensions. A D* dimension counts as D. One dimension scores itself (D* as D); two are
 * read from {@link PEFA_M2_TWO_DIMENSIONS}. Three and four dimensions return null: those
 * sections of the table are not transcribed here (no Pillar I indicator needs them).
 *
 * @throws TypeError when `grades` is not a non-empty array of `'A'`, `'B'`, `'C'`, `'D'`, `'D*'`.
 * @example
 * ```ts
 * scoreM2(['A', 'B']);  // 'B+'
 * scoreM2(['D', 'C']);  // 'D+'
 * scoreM2(['D*', 'A']); // 'C+'
 * ```
 */
export function scoreM2(grades: readonly PefaGrade[]): PefaScore | null {
  checkGrades('scoreM2', grades);
  const plain = grades.map((g) => (g === 'D*' ? 'D' : g)) as PefaYearGrade[];
  if (plain.length === 1) return plain[0] as PefaYearGrade;
  if (plain.length !== 2) return null;
  const [x, y] = plain as [PefaYearGrade, PefaYearGrade];
  for (const [a, b, score] of PEFA_M2_TWO_DIMENSIONS) {
    if ((a === x && b === y) || (a === y && b === x)) return score;
  }
  return null;
}
