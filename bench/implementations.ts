/**
 * Three implementations of the same work: outturn, and the two baselines people write by hand.
 *
 * The baselines share one parser (the simple notations: an optional `≥ >= ≤ <= = > <` prefix,
 * a plain number, an optional `%` or common unit) and one set of rules; they differ only in
 * arithmetic: JS numbers with `toFixed` (the float baseline, as many finance apps do it) or
 * decimal.js with a private `Decimal.clone` (half-up, decimal.js's default 20 significant
 * digits), as a careful developer writes it. What the parser cannot read gets no figure.
 *
 * outturn is passed in as a parameter (`Library`), so the same code runs against the built
 * package (`npm run bench`) and against src (test/bench.test.ts).
 */
import { Decimal } from 'decimal.js';
import type * as Outturn from '../src/index.js';
import type { BudgetLine, Report } from '../src/index.js';
import type { BudgetCase, IndicatorCase } from './workloads.js';

/** The part of outturn's API the benchmarks call. */
export type Library = Pick<typeof Outturn, 'evaluateIndicator' | 'executionRate' | 'validateReport'>;

/** What an implementation prints for one indicator. */
export interface IndicatorFigure {
  /** `met` / `not-met`, or `none` when it gives no verdict (cannot read it, needs judgement …). */
  readonly status: 'met' | 'not-met' | 'none';
  /** The printed deviation (`"-6.26%"`), or null when it prints none. */
  readonly printed: string | null;
}

export type ImplementationName = 'outturn' | 'float' | 'decimal.js';

export interface Implementation {
  readonly name: ImplementationName;
  /** Status and printed deviation (偏差) of one indicator. */
  evaluate(c: IndicatorCase): IndicatorFigure;
  /** The printed execution rate (`"134.17%"`), or null when there is none. */
  rate(c: BudgetCase): string | null;
  /** Checks a report's printed rates and deviations; returns the number of findings. */
  validate(report: Report): number;
}

export const IMPLEMENTATION_NAMES: readonly ImplementationName[] = ['outturn', 'float', 'decimal.js'];

// ---------------------------------------------------------------------------------------------
// outturn

export function outturnImplementation(lib: Library): Implementation {
  return {
    name: 'outturn',
    evaluate(c) {
      const ev = lib.evaluateIndicator({ target: c.target, actual: c.actual, name: c.name });
      return {
        status: ev.status === 'met' || ev.status === 'not-met' ? ev.status : 'none',
        printed: ev.deviation?.printed ?? null,
      };
    },
    rate(c) {
      const r = lib.executionRate({ adjusted: c.adjusted, actual: c.actual });
      return r.ok ? r.printed : null;
    },
    validate(report) {
      return lib.validateReport(report).findings.length;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The baselines' shared parser and rules

type Op = '>=' | '<=' | '=' | '>' | '<';

interface Simple {
  readonly op: Op | null;
  readonly number: string;
  readonly unit: string | null;
}

const SIMPLE =
  /^\s*(≥|>=|≤|<=|=|>|<)?\s*(\d+(?:\.\d+)?)\s*(%|次|个|家|人|人次|件|场|户|天|条|项|元|万元)?\s*$/;
const OPS: Readonly<Record<string, Op>> = {
  '≥': '>=',
  '>=': '>=',
  '≤': '<=',
  '<=': '<=',
  '=': '=',
  '>': '>',
  '<': '<',
};

/** The simple notations: `≥90%`, `<=0%`, `=100%`, `≥6 次`, `90%`, `329次`, `85.5万元`. */
export function parseSimple(text: string): Simple | null {
  const m = SIMPLE.exec(text);
  if (!m) return null;
  return { op: m[1] === undefined ? null : (OPS[m[1]] as Op), number: m[2] as string, unit: m[3] ?? null };
}

/** An amount as a spreadsheet app reads it: thousands commas removed, a plain number. */
function plainAmount(text: string): string | null {
  const s = text.replaceAll(',', '').trim();
  return /^\d+(?:\.\d+)?$/.test(s) ? s : null;
}

const NONE: IndicatorFigure = { status: 'none', printed: null };

/** Arithmetic the baseline rules need, in floats or in decimals. */
interface Arithmetic<N> {
  from(s: string): N;
  isZero(x: N): boolean;
  cmp(a: N, b: N): number;
  /** (a − t) ÷ |t| × 100. */
  relative(a: N, t: N): N;
  /** a ÷ b × 100. */
  percent(a: N, b: N): N;
  /** Rounded to `decimals` places and printed (toFixed). */
  fixed(x: N, decimals: number): string;
}

function metOf(op: Op, c: number): boolean {
  switch (op) {
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '=':
      return c === 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
  }
}

function baseline<N>(name: ImplementationName, ar: Arithmetic<N>): Implementation {
  /** Status and unrounded deviation; `value` null when the target is zero and the actual is not. */
  const deviation = (c: IndicatorCase): { status: 'met' | 'not-met'; value: N | null } | null => {
    const t = parseSimple(c.target);
    const a = parseSimple(c.actual);
    if (t === null || a === null || a.op !== null) return null;
    if (t.unit !== null && a.unit !== null && t.unit !== a.unit) return null;
    const tv = ar.from(t.number);
    const av = ar.from(a.number);
    const status = metOf(t.op ?? '>=', ar.cmp(av, tv)) ? 'met' : 'not-met';
    if (ar.isZero(tv)) return { status, value: ar.isZero(av) ? tv : null };
    return { status, value: ar.relative(av, tv) };
  };
  const rateValue = (adjusted: string, actual: string): N | null => {
    const adj = plainAmount(adjusted);
    const act = plainAmount(actual);
    if (adj === null || act === null) return null;
    const b = ar.from(adj);
    return ar.isZero(b) ? null : ar.percent(ar.from(act), b);
  };
  /** A printed percentage against a value, at the printed decimals (as a careful check does). */
  const matches = (value: N, printed: string): boolean => {
    const m = /^(-?\d+(?:\.(\d+))?)%$/.exec(printed);
    if (m === null) return false;
    return ar.cmp(ar.from(ar.fixed(value, m[2]?.length ?? 0)), ar.from(m[1] as string)) === 0;
  };
  const evaluate = (c: IndicatorCase): IndicatorFigure => {
    const d = deviation(c);
    if (d === null) return NONE;
    return { status: d.status, printed: d.value === null ? null : `${ar.fixed(d.value, 2)}%` };
  };
  const rate = (c: BudgetCase): string | null => {
    const r = rateValue(c.adjusted, c.actual);
    return r === null ? null : `${ar.fixed(r, 2)}%`;
  };
  const validate = (report: Report): number => {
    let findings = 0;
    const stack: BudgetLine[] = [...(report.budget ?? [])];
    while (stack.length > 0) {
      const line = stack.pop() as BudgetLine;
      const printed = line.published?.executionRate;
      if (typeof printed === 'string') {
        const r = rateValue(String(line.adjusted), String(line.actual));
        if (r !== null && !matches(r, printed)) findings += 1;
      }
      if (line.children) stack.push(...line.children);
    }
    for (const row of report.indicators ?? []) {
      const printed = row.published?.deviation;
      if (typeof printed !== 'string' || typeof row.target !== 'string') continue;
      const d = deviation({
        name: row.name,
        target: row.target,
        actual: String(row.actual ?? ''),
        kind: 'bare',
      });
      if (d?.value != null && !matches(d.value, printed)) findings += 1;
    }
    return findings;
  };
  return { name, evaluate, rate, validate };
}

// ---------------------------------------------------------------------------------------------
// The float baseline: parseFloat, arithmetic, toFixed

const FLOAT: Arithmetic<number> = {
  from: (s) => Number.parseFloat(s),
  isZero: (x) => x === 0,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  relative: (a, t) => ((a - t) / Math.abs(t)) * 100,
  percent: (a, b) => (a / b) * 100,
  fixed: (x, d) => x.toFixed(d),
};

export function floatImplementation(): Implementation {
  return baseline('float', FLOAT);
}

/** The float baseline's unrounded deviation (for explaining its errors). */
export function floatRelative(c: IndicatorCase): number | null {
  const t = parseSimple(c.target);
  const a = parseSimple(c.actual);
  if (t === null || a === null) return null;
  return FLOAT.relative(FLOAT.from(a.number), FLOAT.from(t.number));
}

/** The float baseline's unrounded execution rate (for explaining its errors). */
export function floatRate(c: BudgetCase): number | null {
  const adj = plainAmount(c.adjusted);
  const act = plainAmount(c.actual);
  if (adj === null || act === null) return null;
  return FLOAT.percent(FLOAT.from(act), FLOAT.from(adj));
}

// ---------------------------------------------------------------------------------------------
// The decimal.js baseline: the same steps with a private Decimal.clone

/** The hand-written baseline's own constructor: half-up (四舍五入), default precision (20). */
const D = Decimal.clone({ rounding: Decimal.ROUND_HALF_UP });
type D = InstanceType<typeof D>;
const HUNDRED = new D(100);

const DECIMAL: Arithmetic<D> = {
  from: (s) => new D(s),
  isZero: (x) => x.isZero(),
  cmp: (a, b) => a.comparedTo(b),
  relative: (a, t) => a.minus(t).dividedBy(t.abs()).times(HUNDRED),
  percent: (a, b) => a.dividedBy(b).times(HUNDRED),
  fixed: (x, d) => x.toFixed(d),
};

export function decimalImplementation(): Implementation {
  return baseline('decimal.js', DECIMAL);
}

/** All three, outturn first. */
export function implementations(lib: Library): readonly Implementation[] {
  return [outturnImplementation(lib), floatImplementation(), decimalImplementation()];
}
