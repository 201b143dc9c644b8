/**
 * How many printed figures each baseline gets wrong: every baseline figure is compared with
 * outturn's, which is the exact value rounded half-up (checked independently here, with BigInt
 * string arithmetic that shares no code with decimal.js).
 */
import {
  floatRate,
  floatRelative,
  type Implementation,
  type ImplementationName,
  type IndicatorFigure,
  type Library,
} from './implementations.js';
import type { BudgetCase, IndicatorCase, IndicatorKind } from './workloads.js';

/**
 * Rounds a plain decimal string half-up (away from zero on a tie) to `decimals` places, with
 * BigInt: `roundHalfUp('1.005', 2)` = `'1.01'`, `roundHalfUp('-6.255', 2)` = `'-6.26'`. A value
 * that rounds to zero prints without a sign.
 */
export function roundHalfUp(exact: string, decimals: number): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(exact);
  if (!m) throw new Error(`not a plain decimal: ${exact}`);
  const neg = m[1] === '-';
  const frac = (m[3] ?? '').padEnd(decimals + 1, '0');
  const kept = BigInt(`${m[2]}${frac.slice(0, decimals)}`);
  const rounded = Number(frac[decimals]) >= 5 ? kept + 1n : kept;
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const out = decimals > 0 ? `${int}.${digits.slice(digits.length - decimals)}` : int;
  return neg && rounded !== 0n ? `-${out}` : out;
}

/** Why a baseline's figure differs from outturn's. */
export type ErrorCause =
  /** The baseline could not read the notation, so it printed nothing where a figure exists. */
  | 'notation'
  /** Both printed a figure; the baseline's is off by one in the last place (a half-up edge). */
  | 'rounding'
  /** The baseline printed `-0.00%`, which is not a figure. */
  | 'negative-zero'
  /** Anything else (a figure where none exists, a different convention). */
  | 'other';

export interface ErrorExample {
  readonly input: string;
  readonly exact: string | null;
  readonly outturn: string | null;
  readonly baseline: string | null;
  /** The float baseline's value before toFixed, where it explains the error. */
  readonly raw?: string;
}

export interface AccuracyReport {
  readonly implementation: ImplementationName;
  readonly figures: number;
  readonly wrong: number;
  readonly byCause: Readonly<Record<ErrorCause, number>>;
  /** Wrong figures outside the constructed half-up edge cases (the "natural" part of the mix). */
  readonly wrongOutsideEdges: number;
  /** Met / not-met verdicts that differ from outturn's (indicators only). */
  readonly statusWrong: number;
  /** Of those: the baseline gave no verdict where outturn gives one (a notation it cannot read). */
  readonly statusUnread: number;
  readonly examples: readonly ErrorExample[];
}

function emptyCauses(): Record<ErrorCause, number> {
  return { notation: 0, rounding: 0, 'negative-zero': 0, other: 0 };
}

function hundredths(printed: string): bigint {
  return BigInt(printed.replace('%', '').replace('.', ''));
}

function causeOf(reference: string | null, other: string | null): ErrorCause {
  if (other === null) return 'notation';
  if (reference === null) return 'other';
  if (/^-?\d+\.\d\d%$/.test(other) && /^-?\d+\.\d\d%$/.test(reference)) {
    const d = hundredths(other) - hundredths(reference);
    if (d === 1n || d === -1n) return 'rounding';
  }
  if (/^-0\.0+%?$/.test(other)) return 'negative-zero';
  return 'other';
}

/** Compares one baseline's indicator figures with outturn's. */
export function compareIndicators(
  name: ImplementationName,
  cases: readonly IndicatorCase[],
  reference: readonly IndicatorFigure[],
  other: readonly IndicatorFigure[],
  exactOf: (i: number) => string | null,
  maxExamples = 3,
): AccuracyReport {
  const byCause = emptyCauses();
  const examples: ErrorExample[] = [];
  let wrong = 0;
  let wrongOutsideEdges = 0;
  let statusWrong = 0;
  let statusUnread = 0;
  for (let i = 0; i < cases.length; i += 1) {
    const c = cases[i] as IndicatorCase;
    const ref = reference[i] as IndicatorFigure;
    const got = other[i] as IndicatorFigure;
    if (ref.status !== got.status) {
      statusWrong += 1;
      if (got.status === 'none') statusUnread += 1;
    }
    if (ref.printed === got.printed) continue;
    wrong += 1;
    if (c.kind !== 'half-up-edge') wrongOutsideEdges += 1;
    const cause = causeOf(ref.printed, got.printed);
    byCause[cause] += 1;
    if (cause === 'rounding' && examples.length < maxExamples) {
      const raw = name === 'float' ? floatRelative(c) : null;
      examples.push({
        input: `${c.target} → ${c.actual}`,
        exact: exactOf(i),
        outturn: ref.printed,
        baseline: got.printed,
        ...(raw === null ? {} : { raw: raw.toPrecision(20) }),
      });
    }
  }
  return {
    implementation: name,
    figures: cases.length,
    wrong,
    byCause,
    wrongOutsideEdges,
    statusWrong,
    statusUnread,
    examples,
  };
}

/** Compares one baseline's execution rates with outturn's. */
export function compareRates(
  name: ImplementationName,
  cases: readonly BudgetCase[],
  reference: readonly (string | null)[],
  other: readonly (string | null)[],
  exactOf: (i: number) => string | null,
  maxExamples = 3,
): AccuracyReport {
  const byCause = emptyCauses();
  const examples: ErrorExample[] = [];
  let wrong = 0;
  let wrongOutsideEdges = 0;
  for (let i = 0; i < cases.length; i += 1) {
    const c = cases[i] as BudgetCase;
    const ref = reference[i] ?? null;
    const got = other[i] ?? null;
    if (ref === got) continue;
    wrong += 1;
    if (c.kind !== 'half-up-edge') wrongOutsideEdges += 1;
    const cause = causeOf(ref, got);
    byCause[cause] += 1;
    if (cause === 'rounding' && examples.length < maxExamples) {
      const raw = name === 'float' ? floatRate(c) : null;
      examples.push({
        input: `${c.actual} ÷ ${c.adjusted}`,
        exact: exactOf(i),
        outturn: ref,
        baseline: got,
        ...(raw === null ? {} : { raw: raw.toPrecision(20) }),
      });
    }
  }
  return {
    implementation: name,
    figures: cases.length,
    wrong,
    byCause,
    wrongOutsideEdges,
    statusWrong: 0,
    statusUnread: 0,
    examples,
  };
}

/** Every implementation's figures over a whole workload (one pass each), and the time it took. */
export interface Pass<T> {
  readonly implementation: ImplementationName;
  readonly results: T[];
  readonly ms: number;
}

export function runIndicators(impl: Implementation, cases: readonly IndicatorCase[]): Pass<IndicatorFigure> {
  const t0 = performance.now();
  const results = cases.map((c) => impl.evaluate(c));
  return { implementation: impl.name, results, ms: performance.now() - t0 };
}

export function runRates(impl: Implementation, cases: readonly BudgetCase[]): Pass<string | null> {
  const t0 = performance.now();
  const results = cases.map((c) => impl.rate(c));
  return { implementation: impl.name, results, ms: performance.now() - t0 };
}

/** Counts per indicator kind (for the mix table). */
export function countKinds(cases: readonly IndicatorCase[]): Map<IndicatorKind, number> {
  const out = new Map<IndicatorKind, number>();
  for (const c of cases) out.set(c.kind, (out.get(c.kind) ?? 0) + 1);
  return out;
}

/** outturn's own consistency: printed = exact rounded half-up; exact = the constructed value. */
export interface SelfCheck {
  /** Figures whose printed value was compared with the exact one rounded half-up. */
  readonly checked: number;
  /** Printed figures that are not their exact value rounded half-up (should be 0). */
  readonly inconsistent: number;
  /** Constructed cases (half-up edges) whose exact value outturn did not reproduce (should be 0). */
  readonly exactChecked: number;
  readonly exactWrong: number;
}

export function outturnSelfCheck(
  lib: Library,
  indicators: readonly IndicatorCase[],
  budget: readonly BudgetCase[],
): SelfCheck {
  let checked = 0;
  let inconsistent = 0;
  let exactChecked = 0;
  let exactWrong = 0;
  for (const c of indicators) {
    const ev = lib.evaluateIndicator({ target: c.target, actual: c.actual, name: c.name });
    const d = ev.deviation;
    // A met qualitative target prints "0%" by the reference convention, not "0.00%".
    if (d?.relative != null && d.printed !== null && ev.target?.kind !== 'qualitative') {
      checked += 1;
      if (d.printed !== `${roundHalfUp(d.relative, 2)}%`) inconsistent += 1;
    }
    if (c.exactDeviation !== undefined) {
      exactChecked += 1;
      if (d?.relative !== c.exactDeviation) exactWrong += 1;
    }
  }
  for (const c of budget) {
    const r = lib.executionRate({ adjusted: c.adjusted, actual: c.actual });
    if (r.ok) {
      checked += 1;
      if (r.printed !== `${roundHalfUp(r.exact, 2)}%`) inconsistent += 1;
    }
    if (c.exactRate !== undefined) {
      exactChecked += 1;
      if (!r.ok || r.exact !== c.exactRate) exactWrong += 1;
    }
  }
  return { checked, inconsistent, exactChecked, exactWrong };
}
