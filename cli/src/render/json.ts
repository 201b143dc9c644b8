/**
 * The JSON output (DESIGN §3): one object of the same shape for every input, for programs.
 *
 * @internal
 */
import type { Lang, Severity, ValidationResult } from 'outturn';
import { visible } from './terminal.js';

/** A finding in `--format json`: the message in one language. */
export interface JsonFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly path: (string | number)[];
  readonly message: string;
  readonly published?: string;
  readonly recomputed?: string;
}

/** The object `--format json` prints (DESIGN §3): the same keys for every input. */
export interface JsonOutput {
  readonly summary: Record<Severity, number>;
  readonly findings: JsonFinding[];
  readonly budget: {
    readonly path: (string | number)[];
    readonly name: string;
    readonly executionRate: string | null;
    readonly executionRateExact: string | null;
    readonly variance: string | null;
    readonly overspend: boolean;
    readonly score: string | null;
    /** 序时进度 of a monitoring table (`"50.00%"`); null for other reports. */
    readonly timeProgress: string | null;
    /** 1–N月执行率 (`"39.80%"`); null for other reports or a zero budget. */
    readonly periodRate: string | null;
    readonly periodRateExact: string | null;
    /** periodRate ÷ timeProgress × 100 (`"79.61"`); null without time elapsed. */
    readonly pace: string | null;
    readonly paceExact: string | null;
    /** `red`, `amber` or `green`; null without a pace. */
    readonly state: string | null;
  }[];
  readonly indicators: {
    readonly path: (string | number)[];
    readonly name: string;
    readonly status: string;
    readonly deviation: string | null;
    readonly deviationRelative: string | null;
    readonly deviationAbsolute: string | null;
    readonly deviationUnit: string | null;
    readonly achievement: string | null;
    readonly score: string | null;
    /** Status of 全年预计完成值 against the target on a monitoring table; null for other reports. */
    readonly expectedStatus: string | null;
    /** 完成目标可能性 as read (`certain` … `impossible`, `unknown`); null when none. */
    readonly likelihood: string | null;
  }[];
  readonly crossChecks: {
    readonly id: string;
    readonly path: (string | number)[];
    readonly name: string;
    readonly published: string;
    readonly recomputed: string | null;
    readonly recomputedExact: string | null;
    readonly consistent: boolean | null;
    readonly formula: string;
  }[];
  readonly totalScore: string | null;
  readonly grade: string | null;
}

/** The result as the plain object of `--format json`, messages and formulas in `lang`. */
export function toJsonOutput(result: ValidationResult, lang: Lang): JsonOutput {
  return {
    summary: { error: result.summary.error, warning: result.summary.warning, info: result.summary.info },
    findings: result.findings.map((f) => {
      const out: {
        code: string;
        severity: Severity;
        path: (string | number)[];
        message: string;
        published?: string;
        recomputed?: string;
      } = { code: f.code, severity: f.severity, path: [...f.path], message: f.message[lang] };
      if (f.published !== undefined) out.published = f.published;
      if (f.recomputed !== undefined) out.recomputed = f.recomputed;
      return out;
    }),
    budget: result.budget.map((b) => ({
      path: [...b.path],
      name: b.name,
      executionRate: b.executionRate,
      executionRateExact: b.executionRateExact,
      variance: b.variance,
      overspend: b.overspend,
      score: b.score,
      timeProgress: b.timeProgress,
      periodRate: b.periodRate,
      periodRateExact: b.periodRateExact,
      pace: b.pace,
      paceExact: b.paceExact,
      state: b.state,
    })),
    indicators: result.indicators.map((i) => ({
      path: [...i.path],
      name: i.name,
      status: i.status,
      deviation: i.deviation,
      deviationRelative: i.deviationRelative,
      deviationAbsolute: i.deviationAbsolute,
      deviationUnit: i.deviationUnit,
      achievement: i.achievement,
      score: i.score,
      expectedStatus: i.expectedStatus,
      likelihood: i.likelihood,
    })),
    crossChecks: result.crossChecks.map((c) => ({
      id: c.id,
      path: [...c.path],
      name: c.name,
      published: c.published,
      recomputed: c.recomputed,
      recomputedExact: c.recomputedExact,
      consistent: c.consistent,
      formula: c.formula[lang],
    })),
    totalScore: result.totalScore,
    grade: result.grade,
  };
}

/**
 * `--format json`: {@link toJsonOutput}, pretty-printed with 2 spaces and a final newline. The
 * characters that would act on a terminal and that JSON.stringify leaves as they are (DEL, C1
 * and bidirectional controls) are written as `\u` escapes: the same JSON value, safe to print.
 */
export function renderJson(result: ValidationResult, lang: Lang): string {
  return `${visible(JSON.stringify(toJsonOutput(result, lang), null, 2))}\n`;
}
