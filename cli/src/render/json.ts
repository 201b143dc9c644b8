/**
 * The JSON output (DESIGN §3): one object of the same shape for every input, for programs.
 *
 * @internal
 */
import type { Finding, Lang, Severity, ValidationResult } from 'outturn';
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

/** A finding as `--format json` prints it: the message in `lang`, figures only where there are some. */
export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
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
}

type JsonBudget = JsonOutput['budget'][number];
type JsonIndicator = JsonOutput['indicators'][number];
type JsonCrossCheck = JsonOutput['crossChecks'][number];

function jsonBudget(b: ValidationResult['budget'][number]): JsonBudget {
  return {
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
  };
}

function jsonIndicator(i: ValidationResult['indicators'][number]): JsonIndicator {
  return {
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
  };
}

function jsonCrossCheck(c: ValidationResult['crossChecks'][number], lang: Lang): JsonCrossCheck {
  return {
    id: c.id,
    path: [...c.path],
    name: c.name,
    published: c.published,
    recomputed: c.recomputed,
    recomputedExact: c.recomputedExact,
    consistent: c.consistent,
    formula: c.formula[lang],
  };
}

/** The result as the plain object of `--format json`, messages and formulas in `lang`. */
export function toJsonOutput(result: ValidationResult, lang: Lang): JsonOutput {
  return {
    summary: { error: result.summary.error, warning: result.summary.warning, info: result.summary.info },
    findings: result.findings.map((f) => jsonFinding(f, lang)),
    budget: result.budget.map(jsonBudget),
    indicators: result.indicators.map(jsonIndicator),
    crossChecks: result.crossChecks.map((c) => jsonCrossCheck(c, lang)),
    totalScore: result.totalScore,
    grade: result.grade,
  };
}

/** How {@link jsonPieces} lays the object out. */
export interface JsonLayout {
  /** 2: as `JSON.stringify(value, null, 2)` (`--format json`); 0: on one line (ndjson). */
  readonly space: 0 | 2;
  /** A `file` key first, as each report of a run over many files has. */
  readonly file?: string | undefined;
}

/**
 * The text of `JSON.stringify({ file?, ...toJsonOutput(result, lang) }, null, space)`, in pieces:
 * the head, then each finding, budget line, indicator and cross-check on its own, so that no
 * string holds the whole output (a report of a million indicators would pass V8's maximum
 * string length) and no copy of the whole result is built. Joined, the pieces are exactly that
 * text (without the terminal escapes of {@link visible}, which apply piece by piece).
 */
export function* jsonPieces(result: ValidationResult, lang: Lang, layout: JsonLayout): Generator<string> {
  const pretty = layout.space === 2;
  // At depth d (0: the object), what starts a line; a value's own line breaks are moved in by it.
  const nl = (depth: number) => (pretty ? `\n${'  '.repeat(depth)}` : '');
  const colon = pretty ? ': ' : ':';
  const value = (v: unknown, depth: number) =>
    pretty ? JSON.stringify(v, null, 2).replaceAll('\n', nl(depth)) : JSON.stringify(v);
  let first = true;
  const key = (name: string) => {
    const head = `${first ? '{' : ','}${nl(1)}${JSON.stringify(name)}${colon}`;
    first = false;
    return head;
  };
  function* list<T>(name: string, items: readonly T[], map: (item: T) => unknown): Generator<string> {
    if (items.length === 0) {
      yield `${key(name)}[]`;
      return;
    }
    yield `${key(name)}[`;
    for (let i = 0; i < items.length; i++) {
      yield `${i === 0 ? '' : ','}${nl(2)}${value(map(items[i] as T), 2)}`;
    }
    yield `${nl(1)}]`;
  }
  if (layout.file !== undefined) yield `${key('file')}${JSON.stringify(layout.file)}`;
  const { error, warning, info } = result.summary;
  yield `${key('summary')}${value({ error, warning, info }, 1)}`;
  yield* list('findings', result.findings, (f) => jsonFinding(f, lang));
  yield* list('budget', result.budget, jsonBudget);
  yield* list('indicators', result.indicators, jsonIndicator);
  yield* list('crossChecks', result.crossChecks, (c) => jsonCrossCheck(c, lang));
  yield `${key('totalScore')}${JSON.stringify(result.totalScore)}`;
  yield `${key('grade')}${JSON.stringify(result.grade)}${nl(0)}}`;
}

/** Pieces are joined up to about this many characters before each write. */
const WRITE_AT = 1 << 16;

/**
 * `pieces` joined into strings of about 64 K characters each, made safe to print by
 * {@link visible}: what a report of a run over many files sends back (a worker thread's message
 * of many strings, none of them the whole output).
 */
export function joinPieces(pieces: Iterable<string>): string[] {
  const out: string[] = [];
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= WRITE_AT) {
      out.push(visible(buffer));
      buffer = '';
    }
  }
  if (buffer !== '') out.push(visible(buffer));
  return out;
}

/**
 * Writes `pieces`, made safe to print by {@link visible}, through `write` in writes of about
 * 64 K characters, awaiting each (so that a writer that waits for its stream to drain holds
 * back the reading of the next). Resolves once the last is written.
 */
export async function writePieces(
  pieces: Iterable<string>,
  write: (text: string) => void | Promise<void>,
): Promise<void> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= WRITE_AT) {
      await write(visible(buffer));
      buffer = '';
    }
  }
  if (buffer !== '') await write(visible(buffer));
}

/**
 * `--format json` written as it is made: the bytes of {@link renderJson}, in writes of about
 * 64 K characters (see {@link writePieces}), never one string of the whole output.
 */
export function writeJson(
  result: ValidationResult,
  lang: Lang,
  write: (text: string) => void | Promise<void>,
): Promise<void> {
  return writePieces(
    (function* () {
      yield* jsonPieces(result, lang, { space: 2 });
      yield '\n';
    })(),
    write,
  );
}

/**
 * `--format json`: {@link toJsonOutput}, pretty-printed with 2 spaces and a final newline. The
 * characters that would act on a terminal and that JSON.stringify leaves as they are (DEL, C1
 * and bidirectional controls) are written as `\u` escapes: the same JSON value, safe to print.
 */
export function renderJson(result: ValidationResult, lang: Lang): string {
  return `${visible(JSON.stringify(toJsonOutput(result, lang), null, 2))}\n`;
}
