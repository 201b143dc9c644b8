/**
 * PEFA 2016 Pillar I, budget reliability, over a whole dataset: PI-1 aggregate expenditure
 * outturn, PI-2 expenditure composition outturn (2.1, 2.2, 2.3; M1) and PI-3 revenue outturn
 * (3.1, 3.2; M2), each over the last three fiscal years, with the assessor's annex tables and an
 * explanation of every figure in en and zh-CN. Formulas, bands and sources: docs/pefa.md.
 */
import { assertIntegerIn, assertOneOf, assertOptions } from '../core/arguments.js';
import {
  type Dec,
  dec,
  HUNDRED,
  ROUNDING_MODES,
  type RoundingMode,
  toExact,
  toFixed,
  ZERO,
} from '../core/decimal.js';
import { MAX_DECIMALS } from '../figures/checks.js';
import {
  outturnOf,
  type PefaAnnexAmounts,
  type PefaAnnexLine,
  percentOf,
  varianceOf,
} from '../figures/pefa.js';
import {
  gradeOfValue,
  PEFA_AGGREGATE_EXPENDITURE_BANDS,
  PEFA_AGGREGATE_REVENUE_BANDS,
  PEFA_COMPOSITION_BANDS,
  PEFA_CONTINGENCY_BANDS,
  type PefaBand,
  type PefaBandEnds,
  type PefaGrade,
  type PefaScore,
  type PefaYearGrade,
  scoreM1,
  scoreM2,
  twoOfThree,
} from '../figures/pefa-grades.js';
import { type Finding, type Messages, type Path, type Severity, summarize } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { PefaDimensionId } from '../model/messages/params.js';
import { columnSum, type ReadAmounts, type ReadLines, type ReadYear, readDataset } from './pefa-read.js';
import {
  aggregationWords,
  bandWords,
  insufficientWords,
  type PefaReason,
  reasonWords,
  twoOfThreeWords,
  type YearFigure,
} from './pefa-why.js';

export type { PefaReason } from './pefa-why.js';

/**
 * The base of the scaling factor of 2.1 and 2.2: `dimension` (default), the dimension's own
 * lines (scale = Σ outturn ÷ Σ budget of those lines); `total-expenditure`, total expenditure
 * with interest and contingency (the PI-1 totals). 3.2 always scales by the revenue lines.
 */
export type PefaScalingBase = 'dimension' | 'total-expenditure';

/** Options of {@link assessPefa}. */
export interface PefaOptions {
  /** Ends of "between x% and y%" bands (PI-1, 3.1): `inclusive` (default) or `exclusive`. */
  readonly bandEnds?: PefaBandEnds;
  /** Base of the 2.1 / 2.2 scaling factor (default `'dimension'`). */
  readonly scalingBase?: PefaScalingBase;
  /** Decimals of printed percentages (default 1, as PEFA reports print them): 0 to 20. */
  readonly decimals?: number;
  /** Rounding of printed percentages (default `'half-up'`). Grades use the exact figures. */
  readonly rounding?: RoundingMode;
}

/** One year of an outturn dimension (PI-1, 3.1). */
export interface PefaOutturnYear {
  /** The fiscal year as printed. */
  readonly year: string;
  /** Total original budget, exact, or null. */
  readonly budget: string | null;
  /** Total outturn, exact, or null. */
  readonly actual: string | null;
  /** actual ÷ budget × 100, printed (`"97.3%"`), or null. */
  readonly outturn: string | null;
  /** The same, full precision, or null. */
  readonly exact: string | null;
  /** The year's grade; null when the figure does not exist (zero budget, unreadable amount). */
  readonly grade: PefaYearGrade | null;
  /** Why there is no figure (`year-missing`, `no-approved-budget` … ), or null. */
  readonly reason: PefaReason | null;
  /** The year's figure and grade in words. */
  readonly why: Messages;
}

/** An outturn dimension (PI-1's 1.1, 3.1). */
export interface PefaOutturnDimension {
  readonly score: PefaGrade;
  /** The last three fiscal years, oldest first. */
  readonly years: readonly PefaOutturnYear[];
  readonly why: Messages;
}

/** Totals of a year's annex table; null when the variance was not computed. */
export interface PefaVarianceTotals {
  readonly budget: string | null;
  readonly adjusted: string | null;
  readonly actual: string | null;
  readonly deviation: string | null;
  readonly absoluteDeviation: string | null;
  /** The same as the annex prints them (see `PefaAnnexLine.printed`), or null when there are none. */
  readonly printed: PefaAnnexAmounts | null;
}

/** One year of a composition dimension (2.1, 2.2, 3.2), with its annex table. */
export interface PefaVarianceYear {
  readonly year: string;
  /** Σ|deviation| ÷ Σ adjusted × 100, printed (`"4.2%"`), or null. */
  readonly variance: string | null;
  /** The same, full precision, or null. */
  readonly exact: string | null;
  readonly grade: PefaYearGrade | null;
  readonly reason: PefaReason | null;
  readonly why: Messages;
  /** The scaling factor, exact, or null. */
  readonly scale: string | null;
  /** The annex table: per line budget, adjusted budget, outturn, deviation, absolute deviation. */
  readonly lines: readonly PefaAnnexLine[];
  readonly totals: PefaVarianceTotals;
}

/** A composition dimension (2.1, 2.2, 3.2). */
export interface PefaVarianceDimension {
  readonly score: PefaGrade;
  readonly years: readonly PefaVarianceYear[];
  readonly why: Messages;
}

/** One year of dimension 2.3. */
export interface PefaContingencyYear {
  readonly year: string;
  /** Outturn charged to the contingency vote, exact (0 when no vote that year), or null. */
  readonly contingency: string | null;
  /** Original total budget (the PI-1 budget), exact, or null. */
  readonly totalBudget: string | null;
  /** contingency ÷ total budget × 100, printed, or null. */
  readonly share: string | null;
  /** The same, full precision, or null. */
  readonly exact: string | null;
}

/** Dimension 2.3 Expenditure from contingency reserves. */
export interface PefaContingencyDimension {
  readonly score: PefaGrade;
  /** The average share over the years that have one, printed, or null. */
  readonly average: string | null;
  /** The same, full precision, or null. */
  readonly exact: string | null;
  readonly years: readonly PefaContingencyYear[];
  readonly why: Messages;
}

/** The assessment of PEFA Pillar I (the CLI's `outturn pefa` JSON is built from it). */
export interface PefaAssessment {
  readonly entity: string | null;
  readonly amountUnit: string | null;
  /** The last three fiscal years, oldest first (fewer when the dataset has fewer). */
  readonly years: readonly string[];
  readonly 'PI-1': {
    readonly score: PefaScore;
    readonly years: readonly PefaOutturnYear[];
    readonly why: Messages;
  };
  readonly 'PI-2': {
    readonly score: PefaScore;
    readonly method: 'M1';
    readonly dimensions: {
      readonly '2.1': PefaVarianceDimension;
      readonly '2.2': PefaVarianceDimension;
      readonly '2.3': PefaContingencyDimension;
    };
    readonly why: Messages;
  };
  readonly 'PI-3': {
    readonly score: PefaScore;
    readonly method: 'M2';
    readonly dimensions: { readonly '3.1': PefaOutturnDimension; readonly '3.2': PefaVarianceDimension };
    readonly why: Messages;
  };
  readonly findings: readonly Finding[];
  readonly summary: Record<Severity, number>;
}

/** A year of the window: read from the dataset, or a fiscal year the dataset does not give. */
type WindowYear = { readonly label: string; readonly read: ReadYear | null };

interface Settings {
  readonly bandEnds: PefaBandEnds;
  readonly scalingBase: PefaScalingBase;
  readonly decimals: number;
  readonly rounding: RoundingMode;
}

/** The label of a fiscal year `start` in the style of `sample` ("2018/19" → "2019/20"). */
function labelLike(sample: string, start: number): string {
  const m = /^(\D*)(\d{4})(?:([/\-–])(\d{4}|\d{2}))?(.*)$/.exec(sample);
  if (m === null) return String(start);
  const [, pre = '', , sep, end, post = ''] = m;
  const next =
    end === undefined
      ? ''
      : `${sep}${end.length === 2 ? String((start + 1) % 100).padStart(2, '0') : start + 1}`;
  return `${pre}${start}${next}${post}`;
}

/**
 * The last three fiscal years. When every year's label has a four-digit start year, the window
 * is the three fiscal years ending with the latest, and a year among them that the dataset does
 * not give is a missing year; otherwise the last three in the order given.
 */
function windowOf(years: readonly ReadYear[]): WindowYear[] {
  if (years.length < 3) return years.map((y) => ({ label: y.label, read: y }));
  if (years.every((y) => y.start !== null)) {
    const byStart = new Map<number, ReadYear>();
    for (const y of years) byStart.set(y.start as number, y); // a later duplicate wins
    let latest = Number.NEGATIVE_INFINITY;
    for (const k of byStart.keys()) if (k > latest) latest = k; // no spread: any number of years
    const sample = byStart.get(latest) as ReadYear;
    return [latest - 2, latest - 1, latest].map((s) => {
      const y = byStart.get(s);
      return y === undefined
        ? { label: labelLike(sample.label, s), read: null }
        : { label: y.label, read: y };
    });
  }
  return years.slice(-3).map((y) => ({ label: y.label, read: y }));
}

/** Total expenditure of a year (PI-1): the printed total, else heads + interest + contingency. */
interface Totals {
  readonly budget: Dec | null;
  readonly actual: Dec | null;
  readonly reason: PefaReason | null;
}

function add(a: Dec, part: ReadAmounts | null, column: 'budget' | 'actual'): Dec {
  return part === null ? a : a.plus(part[column] ?? ZERO);
}

function totalsOf(y: ReadYear): Totals {
  const heads = y.heads;
  const fromLines = (column: 'budget' | 'actual'): Dec | null | 'unreadable' => {
    if (heads === null || heads.lines.length === 0) return heads?.unreadable ? 'unreadable' : null;
    if (heads.unreadable || y.interest?.unreadable || y.contingency?.unreadable) return 'unreadable';
    return add(add(columnSum(heads.lines, column), y.interest, column), y.contingency, column);
  };
  const pick = (column: 'budget' | 'actual'): Dec | null | 'unreadable' => {
    const t = y.total;
    if (t !== null && t[column] !== null) return t[column];
    if (t?.unreadable) return 'unreadable';
    return fromLines(column);
  };
  const b = pick('budget');
  const a = pick('actual');
  if (b === 'unreadable' || a === 'unreadable') return { budget: null, actual: null, reason: 'unreadable' };
  if (b === null || a === null) return { budget: b, actual: a, reason: 'no-data' };
  return { budget: b, actual: a, reason: null };
}

/** Why the window year gives no figure before any computation, or null. */
function yearReason(w: WindowYear): PefaReason | null {
  if (w.read === null) return 'year-missing';
  if (!w.read.approved) return 'no-approved-budget';
  return null;
}

const gradeOf = (reason: PefaReason | null): PefaYearGrade | null =>
  reason === 'year-missing' || reason === 'no-approved-budget' || reason === 'no-data' ? 'D' : null;

/** What every dimension's computation shares: the options, the findings so far, the dataset's size. */
interface Context {
  readonly settings: Settings;
  readonly findings: Finding[];
  /** Fewer than three years in the dataset: every dimension is D*. */
  readonly insufficient: boolean;
  readonly count: number;
}

function noteReason(
  ctx: Context,
  w: WindowYear,
  dimension: PefaDimensionId,
  reason: PefaReason,
  path: Path,
  report: boolean,
): void {
  if (reason === 'no-data' && report) {
    ctx.findings.push(makeFinding('pefa-year-missing', path, { year: w.label, dimension }));
  } else if (reason === 'zero-budget' || reason === 'zero-adjusted') {
    ctx.findings.push(makeFinding('pefa-undefined', path, { year: w.label, dimension, reason }));
  }
}

function pathOf(w: WindowYear, ...rest: (string | number)[]): Path {
  return w.read === null ? ['years'] : ['years', w.read.index, ...rest];
}

/** Scores a dimension by two-of-three, D* when the dataset is too short or no year has data. */
function scoreYears(
  ctx: Context,
  grades: readonly (PefaYearGrade | null)[],
  reasons: readonly (PefaReason | null)[],
): { score: PefaGrade; noData: boolean } {
  if (ctx.insufficient) return { score: 'D*', noData: false };
  // No year of the window gives the dimension's figures: insufficient information.
  if (reasons.every((r) => r === 'no-data' || r === 'year-missing')) return { score: 'D*', noData: true };
  return { score: twoOfThree(grades), noData: false };
}

function outturnDimension(
  ctx: Context,
  window: readonly WindowYear[],
  dimension: '1.1' | '3.1',
  bands: readonly PefaBand[],
  totals: (y: ReadYear) => Totals,
  pathIn: readonly (string | number)[],
): PefaOutturnDimension {
  const { decimals, rounding, bandEnds } = ctx.settings;
  const pending: { w: WindowYear; reason: PefaReason | null; year: Omit<PefaOutturnYear, 'why'> }[] = [];
  for (const w of window) {
    let reason = yearReason(w);
    let t: Totals = { budget: null, actual: null, reason: null };
    if (reason === null && w.read !== null) {
      t = totals(w.read);
      reason = t.reason;
    }
    let outturn: string | null = null;
    let exact: string | null = null;
    let grade: PefaYearGrade | null = gradeOf(reason);
    if (reason === null && t.budget !== null && t.actual !== null) {
      const r = outturnOf(t.budget, t.actual, decimals, rounding);
      if (r.ok) {
        outturn = r.printed;
        exact = r.exact;
        grade = gradeOfValue(dec(r.exact), bands, bandEnds);
      } else {
        reason = 'zero-budget';
        grade = null;
      }
    }
    pending.push({
      w,
      reason,
      year: {
        year: w.label,
        budget: t.budget === null ? null : toExact(t.budget),
        actual: t.actual === null ? null : toExact(t.actual),
        outturn,
        exact,
        grade,
        reason,
      },
    });
  }
  const { score, noData } = scoreYears(
    ctx,
    pending.map((p) => p.year.grade),
    pending.map((p) => p.reason),
  );
  for (const p of pending) {
    if (p.reason !== null)
      noteReason(ctx, p.w, dimension, p.reason, pathOf(p.w, ...pathIn), !noData && !ctx.insufficient);
  }
  if (noData) ctx.findings.push(makeFinding('pefa-insufficient-years', ['years'], { dimension, count: 0 }));
  const years = pending.map((p): PefaOutturnYear => {
    const y = p.year;
    const why =
      y.reason !== null
        ? reasonWords(y.year, y.reason)
        : {
            en: `${y.year}: outturn ${y.actual} ÷ budget ${y.budget} = ${y.outturn} → ${y.grade}`,
            zh: `${y.year}：决算 ${y.actual} ÷ 预算 ${y.budget} = ${y.outturn} → ${y.grade}`,
          };
    return { ...y, why };
  });
  const figures: YearFigure[] = years.map((y) => ({ year: y.year, printed: y.outturn, grade: y.grade }));
  const why = noData ? insufficientWords(0) : twoOfThreeWords(score, figures, bands, bandEnds, ctx.count);
  return { score, years, why };
}

const EMPTY_TOTALS: PefaVarianceTotals = {
  budget: null,
  adjusted: null,
  actual: null,
  deviation: null,
  absoluteDeviation: null,
  printed: null,
};

function varianceDimension(
  ctx: Context,
  window: readonly WindowYear[],
  dimension: '2.1' | '2.2' | '3.2',
  linesOf: (y: ReadYear) => ReadLines | null,
  baseOf: (y: ReadYear) => { budget: Dec; actual: Dec } | null | 'none',
  pathIn: readonly (string | number)[],
): PefaVarianceDimension {
  const { decimals, rounding, bandEnds } = ctx.settings;
  const bands = PEFA_COMPOSITION_BANDS;
  const pending: { w: WindowYear; reason: PefaReason | null; year: Omit<PefaVarianceYear, 'why'> }[] = [];
  for (const w of window) {
    let reason = yearReason(w);
    let lines: ReadLines | null = null;
    if (reason === null && w.read !== null) {
      lines = linesOf(w.read);
      if (lines === null || (lines.lines.length === 0 && !lines.unreadable)) reason = 'no-data';
      else if (lines.unreadable) reason = 'unreadable';
    }
    let year: Omit<PefaVarianceYear, 'why'> = {
      year: w.label,
      variance: null,
      exact: null,
      grade: gradeOf(reason),
      reason,
      scale: null,
      lines: [],
      totals: EMPTY_TOTALS,
    };
    if (reason === null && lines !== null && w.read !== null) {
      const base = baseOf(w.read);
      if (base === 'none') {
        reason = 'no-data';
        year = { ...year, reason, grade: 'D' };
      } else {
        const r = varianceOf(lines.lines, base, decimals, rounding);
        if (r.ok) {
          year = {
            ...year,
            variance: r.printed,
            exact: r.exact,
            grade: gradeOfValue(dec(r.exact), bands, bandEnds),
            scale: r.scale,
            lines: r.lines,
            totals: r.totals,
          };
        } else {
          reason = r.code === 'zero-adjusted' ? 'zero-adjusted' : 'zero-budget';
          year = { ...year, reason, grade: null };
        }
      }
    }
    pending.push({ w, reason, year });
  }
  const { score, noData } = scoreYears(
    ctx,
    pending.map((p) => p.year.grade),
    pending.map((p) => p.reason),
  );
  for (const p of pending) {
    if (p.reason !== null)
      noteReason(ctx, p.w, dimension, p.reason, pathOf(p.w, ...pathIn), !noData && !ctx.insufficient);
  }
  if (noData) ctx.findings.push(makeFinding('pefa-insufficient-years', ['years'], { dimension, count: 0 }));
  const years = pending.map((p): PefaVarianceYear => {
    const y = p.year;
    let why: Messages;
    if (y.reason !== null) why = reasonWords(y.year, y.reason);
    else {
      const abs = toFixed(dec(y.totals.absoluteDeviation ?? '0'), 2);
      const adj = toFixed(dec(y.totals.adjusted ?? '0'), 2);
      why = {
        en: `${y.year}: Σ|outturn − adjusted budget| ${abs} ÷ Σ adjusted budget ${adj} = ${y.variance} → ${y.grade}`,
        zh: `${y.year}：Σ|决算 − 调整后预算| ${abs} ÷ Σ调整后预算 ${adj} = ${y.variance} → ${y.grade}`,
      };
    }
    return { ...y, why };
  });
  const figures: YearFigure[] = years.map((y) => ({ year: y.year, printed: y.variance, grade: y.grade }));
  const why = noData ? insufficientWords(0) : twoOfThreeWords(score, figures, bands, bandEnds, ctx.count);
  return { score, years, why };
}

/** True when a line's name says it is interest on debt (so `interest` is not added again). */
const isInterestLine = (name: string): boolean => /interest|intérêts|intereses|利息/i.test(name);

/** The 2.2 lines: the economic lines, with `interest` as a line of its own unless one is already there. */
function economicLines(y: ReadYear): ReadLines | null {
  const e = y.economic;
  if (e === null) return null;
  const i = y.interest;
  if (i === null || e.lines.some((l) => isInterestLine(l.name))) return e;
  if (i.unreadable) return { ...e, unreadable: true };
  if (i.budget === null && i.actual === null) return e;
  return {
    ...e,
    lines: [...e.lines, { name: 'Interest', budget: i.budget ?? ZERO, actual: i.actual ?? ZERO }],
  };
}

function contingencyDimension(ctx: Context, window: readonly WindowYear[]): PefaContingencyDimension {
  const { decimals, rounding } = ctx.settings;
  const years: PefaContingencyYear[] = [];
  let sum = ZERO;
  let n = 0;
  let anyVote = false;
  let anyUnreadable = false;
  for (const w of window) {
    const reason = yearReason(w);
    const y = w.read;
    const row: { -readonly [K in keyof PefaContingencyYear]: PefaContingencyYear[K] } = {
      year: w.label,
      contingency: null,
      totalBudget: null,
      share: null,
      exact: null,
    };
    if (y !== null) {
      const c = y.contingency;
      if (c !== null && (c.budget !== null || c.actual !== null)) anyVote = true;
      if (c?.unreadable) anyUnreadable = true;
      const spent = c === null || c.unreadable ? (c === null ? ZERO : null) : (c.actual ?? ZERO);
      if (spent !== null) row.contingency = toExact(spent);
      const t = totalsOf(y);
      if (t.budget !== null) row.totalBudget = toExact(t.budget);
      if (reason === null && spent !== null && t.budget !== null && !t.budget.isZero()) {
        const share = spent.dividedBy(t.budget).times(HUNDRED);
        row.exact = toExact(share);
        row.share = percentOf(spent, t.budget, decimals, rounding);
        sum = sum.plus(spent.dividedBy(t.budget));
        n += 1;
      }
    }
    years.push(row);
  }
  if (ctx.insufficient) {
    return { score: 'D*', average: null, exact: null, years, why: insufficientWords(ctx.count) };
  }
  if (!anyVote && !anyUnreadable) {
    return {
      score: 'A',
      average: null,
      exact: null,
      years,
      why: {
        en: 'no contingency vote in the last three years: nothing was charged to one → A',
        zh: '最近三年未设预备费科目，无支出列支于预备费 → A',
      },
    };
  }
  if (n === 0) {
    ctx.findings.push(makeFinding('pefa-insufficient-years', ['years'], { dimension: '2.3', count: 0 }));
    return { score: 'D*', average: null, exact: null, years, why: insufficientWords(0) };
  }
  // average share = Σ (contingency ÷ total budget) ÷ n × 100, printed with one rounding.
  const exact = sum.times(HUNDRED).dividedBy(n);
  const average = percentOf(sum, dec(n), decimals, rounding);
  const score = gradeOfValue(exact, PEFA_CONTINGENCY_BANDS, ctx.settings.bandEnds);
  const band = PEFA_CONTINGENCY_BANDS.find((b) => b.grade === score);
  const words =
    band === undefined ? { en: '10% or more', zh: '10%及以上' } : bandWords(band, ctx.settings.bandEnds);
  const list = years.map((y) => `${y.year} ${y.share ?? '—'}`);
  return {
    score,
    average,
    exact: toExact(exact),
    years,
    why: {
      en: `contingency outturn ÷ original total budget, average of ${n} year${n === 1 ? '' : 's'} (${list.join(', ')}) = ${average}, ${words.en} → ${score}`,
      zh: `预备费决算 ÷ 原始预算总额，${n}年平均（${list.join('，')}）= ${average}，${words.zh} → ${score}`,
    },
  };
}

function checkOptions(options: unknown): Settings {
  assertOptions('assessPefa', 'options', options);
  const o = (options ?? {}) as Record<string, unknown>;
  const bandEnds = o.bandEnds ?? 'inclusive';
  assertOneOf('assessPefa', 'options.bandEnds', bandEnds, ['inclusive', 'exclusive']);
  const scalingBase = o.scalingBase ?? 'dimension';
  assertOneOf('assessPefa', 'options.scalingBase', scalingBase, ['dimension', 'total-expenditure']);
  const decimals = o.decimals ?? 1;
  assertIntegerIn('assessPefa', 'options.decimals', decimals, 0, MAX_DECIMALS);
  const rounding = o.rounding ?? 'half-up';
  assertOneOf('assessPefa', 'options.rounding', rounding, ROUNDING_MODES);
  return { bandEnds, scalingBase, decimals, rounding };
}

/**
 * Assesses PEFA 2016 Pillar I (budget reliability) from a dataset of budget and outturn tables
 * (DESIGN §3, docs/pefa.md):
 * - PI-1 (1.1): total expenditure outturn ÷ original budget per year (the printed `total`, or
 *   the administrative/functional/programme lines + interest + contingency); A when within
 *   95–105% in at least two of the last three years, B 90–110%, C 85–115%, else D.
 * - PI-2, by M1: 2.1 composition variance of the administrative/functional/programme lines
 *   (no interest, no contingency), 2.2 of the economic lines (with interest, no contingency):
 *   A < 5% in two of the last three years, B < 10%, C < 15%, else D; 2.3 the average of
 *   contingency outturn ÷ original total budget: A < 3%, B 3–6% inclusive, C > 6% and < 10%,
 *   else D; no contingency vote: A.
 * - PI-3, by M2: 3.1 revenue outturn ÷ budget, A within 97–106% in two of three years, B
 *   94–112%, C 92–116%; 3.2 composition variance of the revenue categories, as 2.x.
 *
 * "The last three years" are the three fiscal years ending with the latest one of the dataset;
 * a year among them that is not given, gives no approved budget (`approvedBudget: false`) or
 * not the figures a dimension needs scores that year D; a zero budget gives no figure (null with
 * a reason, counted as D). Fewer than three years, or no year with a dimension's figures, give
 * D* (insufficient information), which aggregates as D. Grades use the exact figures; printed
 * percentages are rounded once (1 decimal, half-up, by default).
 *
 * Untrusted input never throws: a value of the wrong type is an `invalid-report` finding with
 * its path, an amount that is not a number `pefa-line-unreadable`, and what can still be
 * computed is computed. Unknown fields are kept and ignored. The input is never mutated.
 *
 * @throws TypeError only when `options` is not an object with valid `bandEnds`, `scalingBase`,
 *   `decimals` (0–20) and `rounding`.
 * @example
 * ```ts
 * const a = assessPefa({ kind: 'pefa', years: [
 *   { year: '2018/19', expenditure: { total: { budget: '100', actual: '97.3' } } }, … ] });
 * a['PI-1'].score;          // 'A'
 * a['PI-1'].years[0].outturn; // '97.3%'
 * a['PI-2'].dimensions['2.1'].years[0].lines; // the annex table
 * ```
 */
export function assessPefa(dataset: unknown, options: PefaOptions = {}): PefaAssessment {
  const settings = checkOptions(options);
  const findings: Finding[] = [];
  const data = readDataset(dataset, findings);
  const count = data.years.length;
  const insufficient = count < 3;
  if (insufficient) {
    findings.push(makeFinding('pefa-insufficient-years', ['years'], { dimension: null, count }));
  }
  const window = windowOf(data.years);
  for (const w of window) {
    if (w.read === null)
      findings.push(makeFinding('pefa-year-missing', ['years'], { year: w.label, dimension: null }));
    else if (!w.read.approved)
      findings.push(
        makeFinding('pefa-no-approved-budget', ['years', w.read.index, 'approvedBudget'], { year: w.label }),
      );
  }
  const ctx: Context = { settings, findings, insufficient, count };

  const pi1 = outturnDimension(ctx, window, '1.1', PEFA_AGGREGATE_EXPENDITURE_BANDS, totalsOf, [
    'expenditure',
  ]);

  const baseOf = (y: ReadYear): { budget: Dec; actual: Dec } | null | 'none' => {
    if (settings.scalingBase === 'dimension') return null;
    const t = totalsOf(y);
    return t.budget === null || t.actual === null ? 'none' : { budget: t.budget, actual: t.actual };
  };
  const d21 = varianceDimension(ctx, window, '2.1', (y) => y.heads, baseOf, ['expenditure']);
  const d22 = varianceDimension(ctx, window, '2.2', economicLines, baseOf, ['expenditure', 'economic']);
  const d23 = contingencyDimension(ctx, window);
  const pi2Score = scoreM1([d21.score, d22.score, d23.score]);

  const revenueTotals = (y: ReadYear): Totals => {
    const r = y.revenue;
    if (r === null || (r.lines.length === 0 && !r.unreadable))
      return { budget: null, actual: null, reason: 'no-data' };
    if (r.unreadable) return { budget: null, actual: null, reason: 'unreadable' };
    return { budget: columnSum(r.lines, 'budget'), actual: columnSum(r.lines, 'actual'), reason: null };
  };
  const d31 = outturnDimension(ctx, window, '3.1', PEFA_AGGREGATE_REVENUE_BANDS, revenueTotals, ['revenue']);
  const d32 = varianceDimension(
    ctx,
    window,
    '3.2',
    (y) => y.revenue,
    () => null,
    ['revenue'],
  );
  const pi3Score = scoreM2([d31.score, d32.score]) ?? 'D';

  return {
    entity: data.entity,
    amountUnit: data.amountUnit,
    years: window.map((w) => w.label),
    'PI-1': { score: pi1.score, years: pi1.years, why: pi1.why },
    'PI-2': {
      score: pi2Score,
      method: 'M1',
      dimensions: { '2.1': d21, '2.2': d22, '2.3': d23 },
      why: aggregationWords(
        'M1',
        [
          ['2.1', d21.score],
          ['2.2', d22.score],
          ['2.3', d23.score],
        ],
        pi2Score,
      ),
    },
    'PI-3': {
      score: pi3Score,
      method: 'M2',
      dimensions: { '3.1': d31, '3.2': d32 },
      why: aggregationWords(
        'M2',
        [
          ['3.1', d31.score],
          ['3.2', d32.score],
        ],
        pi3Score,
      ),
    },
    findings,
    summary: summarize(findings),
  };
}
