/**
 * Findings: problems and observations as data, with a stable code, a severity, a path into
 * the report, the printed and recomputed figures, the parameters of the message, and the
 * message in zh-CN and en (rendered by the catalogs in ./messages).
 */
import type { FindingParams } from './messages/params.js';

/** How serious a finding is. See docs/findings.md for the severity of every code. */
export type Severity = 'error' | 'warning' | 'info';

/** A location in the report JSON, e.g. `["indicators", 23, "published", "deviation"]`. */
export type Path = readonly (string | number)[];

/** A user-facing text in both languages outturn speaks. `zh` is Simplified Chinese (zh-CN). */
export interface Messages {
  /** The text in English. */
  readonly en: string;
  /** The text in Simplified Chinese (zh-CN). */
  readonly zh: string;
}

/** The languages of {@link Messages}. */
export type Lang = keyof Messages;

/**
 * Every finding code outturn emits. Codes are stable: a code keeps its meaning across
 * releases; new codes may be added.
 */
export type FindingCode =
  | 'invalid-report'
  | 'unparsable-target'
  | 'unparsable-value'
  | 'budget-adjusted-mismatch'
  | 'budget-sum-mismatch'
  | 'execution-rate-mismatch'
  | 'execution-rate-undefined'
  | 'overspend'
  | 'variance-mismatch'
  | 'deviation-mismatch'
  | 'deviation-undefined'
  | 'target-not-met'
  | 'reason-missing'
  | 'unit-mismatch'
  | 'implicit-operator'
  | 'needs-judgement'
  | 'over-achievement'
  | 'cross-check-mismatch'
  | 'score-mismatch'
  | 'score-out-of-band'
  | 'total-score-mismatch'
  | 'weight-sum-mismatch'
  | 'grade-mismatch'
  | 'rounding-difference'
  | 'empty-report'
  | 'unknown-field'
  | 'status-mismatch'
  | 'score-above-weight'
  | 'score-missing'
  | 'weights-incomplete'
  | 'negative-amount'
  | 'over-establishment'
  | 'staffing-invalid'
  // PEFA datasets (assessPefa)
  | 'pefa-total-mismatch'
  | 'pefa-year-missing'
  | 'pefa-insufficient-years'
  | 'pefa-no-approved-budget'
  | 'pefa-undefined'
  | 'pefa-line-unreadable'
  | 'behind-schedule'
  | 'ahead-of-schedule'
  | 'period-rate-mismatch'
  | 'period-rate-undefined'
  | 'time-progress-mismatch'
  | 'time-progress-undefined'
  | 'expected-execution-gap'
  | 'likelihood-contradiction'
  | 'dimension-missing'
  | 'table-truncated'
  | 'target-missing'
  | 'target-vague'
  | 'unit-missing'
  | 'cost-not-money'
  | 'cost-not-ceiling'
  | 'cost-over-funds'
  | 'deadline-outside-period'
  | 'value-out-of-bounds'
  | 'target-below-standard'
  | 'target-below-last-year'
  | 'goal-indicator-mismatch'
  | 'funds-mismatch'
  | 'template-residue'
  | 'process-measure-as-target'
  | 'misfiled-indicator';

/** One finding of one code, with that code's parameters. */
export interface FindingOf<C extends FindingCode> {
  /** Stable kebab-case code, e.g. `cross-check-mismatch` (docs/findings.md lists every code). */
  readonly code: C;
  /** `error`, `warning` or `info`: the code's default severity unless a rule documents otherwise. */
  readonly severity: Severity;
  /** Where in the report JSON, e.g. `["indicators", 26, "actual"]`; `[]` for the report itself. */
  readonly path: Path;
  /**
   * What was found, in en and zh-CN, rendered from `params` by the built-in catalogs when it is
   * read: an own enumerable accessor on the findings outturn makes (JSON.stringify, `{ ...f }`
   * and structured cloning give it as a plain value), so that a large result does not hold every
   * message twice over until it is shown.
   */
  readonly message: Messages;
  /**
   * The facts the message is rendered from (names, printed and recomputed figures …), typed
   * per code: render them with your own catalog through `formatFinding`.
   */
  readonly params: FindingParams[C];
  /** The figure as printed in the report, where there is one. */
  readonly published?: string;
  /** The figure as outturn recomputes it, printed the same way, where there is one. */
  readonly recomputed?: string;
}

/**
 * One finding: a code, a severity, a path, the parameters of its message and the message in
 * both languages. A union over the codes, so that `params` narrows with `code`.
 *
 * @example
 * ```ts
 * {
 *   code: 'cross-check-mismatch', severity: 'error', path: ['indicators', 26, 'actual'],
 *   params: { id: 'execution-rate', name: '预算执行率', printed: '93.74%', recomputed: '134.17%' },
 *   message: { en: '…', zh: '…' }, published: '93.74%', recomputed: '134.17%',
 * }
 * ```
 */
export type Finding = { readonly [C in FindingCode]: FindingOf<C> }[FindingCode];

/** Severity order, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * True when `severity` is at least as serious as `threshold` (error > warning > info).
 *
 * @throws TypeError when either is not `'error'`, `'warning'` or `'info'`.
 * @example
 * ```ts
 * atLeast('error', 'warning'); // true
 * atLeast('info', 'warning');  // false
 * ```
 */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  const s = SEVERITIES.indexOf(severity);
  const t = SEVERITIES.indexOf(threshold);
  // An unknown severity would give -1 and count as the most serious: refuse it instead.
  if (s < 0 || t < 0) {
    const bad = s < 0 ? severity : threshold;
    throw new TypeError(
      `atLeast: a severity must be one of "error", "warning", "info", got ${typeof bad === 'string' ? JSON.stringify(bad.slice(0, 40)) : typeof bad}`,
    );
  }
  return s <= t;
}

/**
 * Counts findings per severity.
 *
 * A severity that is not one of {@link SEVERITIES} is a programmer error, not a count: it
 * throws, and is never looked up through the prototype (`'constructor'`, `'__proto__'`).
 *
 * @throws TypeError when `findings` is not an array, a finding is not an object, or its
 *   `severity` is not `'error'`, `'warning'` or `'info'`.
 */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  // No import of core/arguments.ts here: the model depends on nothing.
  const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
  if (!Array.isArray(findings)) {
    throw new TypeError(`summarize: findings must be an array, got ${typeOf(findings)}`);
  }
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < findings.length; i += 1) {
    const f: unknown = findings[i];
    if (typeof f !== 'object' || f === null || Array.isArray(f)) {
      throw new TypeError(`summarize: findings[${i}] must be an object, got ${typeOf(f)}`);
    }
    const severity: unknown = (f as { readonly severity?: unknown }).severity;
    // Compared with the list, never used as a key before it is known to be one of the three.
    if (severity !== 'error' && severity !== 'warning' && severity !== 'info') {
      const got = typeof severity === 'string' ? JSON.stringify(severity.slice(0, 40)) : typeOf(severity);
      throw new TypeError(
        `summarize: findings[${i}].severity must be one of "error", "warning", "info", got ${got}`,
      );
    }
    out[severity] += 1;
  }
  return out;
}

/** Default severity of each code (a rule may raise or lower it where documented). */
export const DEFAULT_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'invalid-report': 'error',
  'unparsable-target': 'warning',
  'unparsable-value': 'warning',
  'budget-adjusted-mismatch': 'error',
  'budget-sum-mismatch': 'error',
  'execution-rate-mismatch': 'error',
  'execution-rate-undefined': 'info',
  overspend: 'warning',
  'variance-mismatch': 'error',
  'deviation-mismatch': 'error',
  'deviation-undefined': 'warning',
  'target-not-met': 'info',
  'reason-missing': 'warning',
  'unit-mismatch': 'warning',
  'implicit-operator': 'info',
  'needs-judgement': 'info',
  'over-achievement': 'info',
  'cross-check-mismatch': 'error',
  'score-mismatch': 'error',
  'score-out-of-band': 'error',
  'total-score-mismatch': 'error',
  'weight-sum-mismatch': 'error',
  'grade-mismatch': 'error',
  'rounding-difference': 'info',
  'empty-report': 'warning',
  'unknown-field': 'warning',
  'status-mismatch': 'error',
  'score-above-weight': 'error',
  'score-missing': 'info',
  'weights-incomplete': 'warning',
  'negative-amount': 'warning',
  'over-establishment': 'warning',
  'staffing-invalid': 'warning',
  // PEFA datasets (assessPefa)
  'pefa-total-mismatch': 'error',
  'pefa-year-missing': 'warning',
  'pefa-insufficient-years': 'warning',
  'pefa-no-approved-budget': 'warning',
  'pefa-undefined': 'warning',
  'pefa-line-unreadable': 'warning',
  'behind-schedule': 'warning',
  'ahead-of-schedule': 'info',
  'period-rate-mismatch': 'error',
  'period-rate-undefined': 'info',
  'time-progress-mismatch': 'error',
  'time-progress-undefined': 'warning',
  'expected-execution-gap': 'info',
  'likelihood-contradiction': 'warning',
  // Target review: the default of each code; a rule of REVIEW_RULES may set its own.
  'dimension-missing': 'error',
  'table-truncated': 'info',
  'target-missing': 'error',
  'target-vague': 'warning',
  'unit-missing': 'warning',
  'cost-not-money': 'warning',
  'cost-not-ceiling': 'warning',
  'cost-over-funds': 'error',
  'deadline-outside-period': 'warning',
  'value-out-of-bounds': 'error',
  'target-below-standard': 'warning',
  'target-below-last-year': 'warning',
  'goal-indicator-mismatch': 'warning',
  'funds-mismatch': 'error',
  'template-residue': 'info',
  'process-measure-as-target': 'info',
  'misfiled-indicator': 'info',
};

/** Renders a path for people: `indicators[23].published.deviation`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? p : `.${p}`;
  }
  return out === '' ? '(report)' : out;
}
