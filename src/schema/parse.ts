/**
 * parseReport: checks untrusted report JSON (DESIGN §3) before the core reads it.
 *
 * The core (`outturn`) never imports zod; this entry point does. {@link parseReport} is the
 * function to use: it never throws for bad data, turns every structural problem into an
 * `invalid-report` finding with a path and a message in en and zh-CN, and returns a fresh copy
 * of the report that shares nothing with the input. No zod type or `ZodError` crosses its API.
 *
 * Over 400 lines because it is one thing: the schema and the translation of its issues into
 * findings with paths and bilingual messages, which must stay side by side.
 */
import { z } from 'zod';
import { type Finding, formatPath, type Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { Report } from '../model/report.js';

// ---------------------------------------------------------------------------------------------
// The schema

/** Marks issues raised by the `year` schema, so the message can say "an integer". */
const YEAR_ISSUE = 'outturn:year';

/** A figure as printed (any string) or a finite number (zod v4 rejects NaN and ±Infinity). */
const figure = z.union([z.string(), z.number()]);
/** An optional figure that may also be printed as `null` (nothing printed). */
const optionalFigure = z.union([z.string(), z.number(), z.null()]).exactOptional();
const optionalText = z.union([z.string(), z.null()]).exactOptional();

const publishedBudgetFigures = z.looseObject({
  executionRate: optionalFigure,
  score: optionalFigure,
  variance: optionalFigure,
  periodRate: optionalFigure,
  timeProgress: optionalFigure,
});

const budgetLine = z.looseObject({
  name: z.string(),
  kind: z.enum(['expenditure', 'revenue']).exactOptional(),
  initial: optionalFigure,
  adjustment: optionalFigure,
  adjusted: optionalFigure,
  actual: optionalFigure,
  weight: optionalFigure,
  periodActual: optionalFigure,
  expectedActual: optionalFigure,
  published: publishedBudgetFigures.exactOptional(),
  get children(): z.ZodExactOptional<z.ZodArray<typeof budgetLine>> {
    return z.array(budgetLine).exactOptional();
  },
});

const targetCells = z.looseObject({ operator: z.string(), value: figure });

const indicator = z.looseObject({
  path: z.array(z.string()).exactOptional(),
  name: z.string(),
  target: z.union([z.string(), z.number(), targetCells]),
  actual: optionalFigure,
  unit: optionalText,
  weight: optionalFigure,
  source: optionalText,
  reason: optionalText,
  periodActual: optionalFigure,
  expectedActual: optionalFigure,
  likelihood: optionalText,
  published: z
    .looseObject({
      deviation: optionalFigure,
      score: optionalFigure,
      status: optionalText,
    })
    .exactOptional(),
});

const indicatorGroup = z.looseObject({
  path: z.array(z.string()),
  weight: optionalFigure,
  published: z.looseObject({ score: optionalFigure }).exactOptional(),
});

const goalBlock = z.looseObject({ expected: optionalText, actual: optionalText });

const reportObject = z.looseObject({
  kind: z.enum(['department', 'project', 'monitoring']).exactOptional(),
  // A monitoring table's period: the rules say what is wrong with its values (months 13, a bad date).
  period: z
    .looseObject({
      months: z.union([z.number(), z.string()]).exactOptional(),
      through: z.string().exactOptional(),
    })
    .exactOptional(),
  fiscalYearStart: z.string().exactOptional(),
  title: z.string().exactOptional(),
  entity: z.string().exactOptional(),
  year: z.int({ error: YEAR_ISSUE }).exactOptional(),
  amountUnit: z.string().trim().min(1).max(40).exactOptional(),
  budget: z.array(budgetLine).exactOptional(),
  indicators: z.array(indicator).exactOptional(),
  groups: z.array(indicatorGroup).exactOptional(),
  goals: z.array(goalBlock).exactOptional(),
  staffing: z
    .looseObject({
      authorized: optionalFigure,
      actual: optionalFigure,
    })
    .exactOptional(),
  published: z
    .looseObject({
      totalScore: optionalFigure,
      grade: optionalText,
    })
    .exactOptional(),
});

/**
 * The zod (v4) schema of the report JSON of DESIGN §3, for advanced users who compose schemas
 * (for example to embed a report in a larger document). Most callers want {@link parseReport},
 * which adds what this schema alone does not do: it copies the input first (dropping
 * `__proto__`, `constructor` and `prototype` keys and `undefined` values, rejecting circular
 * or absurdly deep data), and turns zod issues into bilingual findings. Using this schema
 * directly exposes zod's own types and messages, and unknown fields in its output are the
 * input's own values, shared by reference.
 *
 * What it checks: figures are strings or finite numbers (`null` where {@link Report} allows
 * it); `budget` is a list of budget-line trees (`children`, several roots allowed) whose lines
 * need a `name` (and a `kind`, when given, of `expenditure` or `revenue`); every indicator
 * needs a `name` and a `target` (a string, a finite number or `{ operator, value }`); `kind` is
 * `department` or `project`; `amountUnit` is any unit as printed (元 千元 万元 亿元, `R'000`,
 * `US$ millions` …), a non-empty string of at most 40 characters; `year` is an integer. Every
 * object is loose: unknown fields are kept, never an error.
 *
 * @example
 * ```ts
 * import { reportSchema } from 'outturn/schema';
 * reportSchema.safeParse({ kind: 'project', indicators: [{ name: '满意度', target: '≥90%' }] }).success;
 * // → true
 * reportSchema.safeParse({ year: 2023.5 }).success;
 * // → false
 * ```
 */
export const reportSchema: z.ZodType<Report> = reportObject;

// ---------------------------------------------------------------------------------------------
// parseReport

/**
 * The result of {@link parseReport}: the checked report and no findings, or `report: null`
 * and one `invalid-report` finding (severity `error`) per structural problem.
 */
export type ParseReportResult =
  | {
      /** The input has the report format of DESIGN §3. */
      readonly ok: true;
      /** A fresh deep copy of the checked input, sharing no object with it. */
      readonly report: Report;
      /** Always empty. */
      readonly findings: Finding[];
    }
  | {
      /** Structural problems were found: the report is rejected whole. */
      readonly ok: false;
      /** Always null: a report with problems is never returned. */
      readonly report: null;
      /** One `invalid-report` finding (severity `error`) per problem, with its path. */
      readonly findings: Finding[];
    };

/** Deeper data than this is rejected rather than risking the stack. A real report nests < 20. */
const MAX_DEPTH = 200;
/** Keys that could reach a prototype if some consumer copied them with plain assignment. */
const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks untrusted JSON (typically `JSON.parse` of a file) against the report format of
 * DESIGN §3 and returns either the report or the problems found.
 *
 * - Every structural problem is reported, not only the first: each becomes an
 *   `invalid-report` finding (severity `error`) with the path of the offending value, e.g.
 *   `["indicators", 3, "target"]`, and a message in English and Chinese. Input that is not an
 *   object at all (an array, a string, `null` …) gives one finding at path `[]`.
 * - Partial validity: if anything is structurally wrong the whole report is rejected
 *   (`ok: false`, `report: null`), with all findings, so a caller sees every problem at once
 *   and never computes on a report with holes in it. Unknown fields are never a problem.
 * - `null` is accepted where {@link Report} allows it (figures, `unit`, `source`, `reason`,
 *   `grade`: "nothing printed") and is an error elsewhere (`name`, `target`, `title`, lists,
 *   objects …). Keys whose value is `undefined` are treated as absent, as `JSON.stringify` does.
 * - Safety: the input is never mutated (deep-frozen input is fine) and the returned report is
 *   a fresh deep copy sharing no object with it. Keys `__proto__`, `constructor` and
 *   `prototype` are dropped at every level, so they can change no prototype and no result.
 *   Circular data and data nested more than 200 levels deep are reported as findings.
 *
 * Never throws for bad data (only a throwing getter or proxy in the input could make it throw).
 *
 * @example
 * ```ts
 * import { parseReport } from 'outturn/schema';
 * parseReport({ kind: 'project', indicators: [{ name: '满意度', target: { operator: '≥', value: '90' } }] });
 * // → { ok: true, report: { kind: 'project', indicators: [ … ] }, findings: [] }
 *
 * parseReport({ indicators: [{ target: true }] });
 * // → { ok: false, report: null, findings: [
 * //   { code: 'invalid-report', severity: 'error', path: ['indicators', 0, 'name'],
 * //     message: { en: '`indicators[0].name` is required but missing.', zh: '缺少必填字段 `indicators[0].name`。' },
 * //     params: { detail: { en: …, zh: … } } },
 * //   { code: 'invalid-report', severity: 'error', path: ['indicators', 0, 'target'],
 * //     message: { en: '`indicators[0].target` must be a string, a finite number or an object, not a boolean (true).',
 * //                zh: '`indicators[0].target` 应为字符串、有限数值或对象，实际为布尔值 true。' } } ] }
 * ```
 */
export function parseReport(json: unknown): ParseReportResult {
  const r = parseAgainst(reportObject, json);
  return r.ok
    ? { ok: true, report: r.value, findings: r.findings }
    : { ok: false, report: null, findings: r.findings };
}

// ---------------------------------------------------------------------------------------------
// Copying the input

/**
 * Deep-copies JSON-like data into fresh plain objects and arrays: own enumerable string keys
 * only, dangerous keys and `undefined` values dropped. Cycles and excessive depth become
 * problems (and `undefined` in the copy).
 */
function safeCopy(
  value: unknown,
  path: (string | number)[],
  ancestors: Set<object>,
  problems: Finding[],
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) {
    problems.push(problem(path, 'circular'));
    return undefined;
  }
  if (path.length >= MAX_DEPTH) {
    problems.push(problem(path, 'too-deep'));
    return undefined;
  }
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const arr: unknown[] = [];
    for (let i = 0; i < value.length; i++) arr.push(safeCopy(value[i], [...path, i], ancestors, problems));
    out = arr;
  } else {
    const obj: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      if (DANGEROUS_KEYS.has(k)) continue;
      const v = safeCopy((value as Record<string, unknown>)[k], [...path, k], ancestors, problems);
      if (v !== undefined) obj[k] = v;
    }
    out = obj;
  }
  ancestors.delete(value);
  return out;
}

function problem(path: Path, kind: 'circular' | 'too-deep'): Finding {
  const l = label(path);
  const message =
    kind === 'circular'
      ? {
          en: `${l.en} refers back to an object that contains it (circular data); a report must be plain JSON.`,
          zh: `${l.zh}引用了包含它的上层对象（循环引用）；报告必须是普通 JSON 数据。`,
        }
      : {
          en: `${l.en} is nested more than ${MAX_DEPTH} levels deep.`,
          zh: `${l.zh}嵌套超过 ${MAX_DEPTH} 层。`,
        };
  return makeFinding('invalid-report', path, { detail: message }, { severity: 'error' });
}

// ---------------------------------------------------------------------------------------------
// From zod issues to findings

/** The part of a zod issue this module reads, with an absolute path of strings and numbers. */
interface Issue {
  readonly code: string;
  readonly path: (string | number)[];
  readonly expected: string[];
  readonly values: unknown[];
  readonly year: boolean;
  readonly bound?: { readonly kind: 'max' | 'min'; readonly limit: string };
}

function toPathSegment(k: PropertyKey): string | number {
  return typeof k === 'symbol' ? String(k) : k;
}

/**
 * Resolves unions: when a value matched no alternative, and one alternative failed only deeper
 * down (e.g. a `target` object whose `operator` is missing), that alternative's issues are the
 * useful ones; otherwise one issue lists every accepted type.
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(toPathSegment)];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const deep = issue.errors.filter((branch) => !branch.every(isRootTypeMismatch));
      const best = deep.reduce<z.core.$ZodIssue[] | undefined>(
        (acc, b) => (acc === undefined || b.length < acc.length ? b : acc),
        undefined,
      );
      if (best !== undefined) {
        out.push(...flattenIssues(best, path));
      } else {
        const expected: string[] = [];
        for (const branch of issue.errors)
          for (const i of branch)
            if (i.code === 'invalid_type' && !expected.includes(i.expected)) expected.push(i.expected);
        out.push({ code: 'invalid_type', path, expected, values: [], year: false });
      }
      continue;
    }
    const base = { code: issue.code, path, year: issue.message === YEAR_ISSUE };
    switch (issue.code) {
      case 'invalid_type':
        out.push({ ...base, expected: [issue.expected], values: [] });
        break;
      case 'invalid_value':
        out.push({ ...base, expected: [], values: [...issue.values] });
        break;
      case 'too_big':
        out.push({ ...base, expected: [], values: [], bound: { kind: 'max', limit: String(issue.maximum) } });
        break;
      case 'too_small':
        out.push({ ...base, expected: [], values: [], bound: { kind: 'min', limit: String(issue.minimum) } });
        break;
      default:
        out.push({ ...base, expected: [], values: [] });
    }
  }
  return out;
}

function isRootTypeMismatch(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

/** Names of the types zod expects, in both languages. */
const EXPECTED: Readonly<Record<string, { en: string; zh: string }>> = {
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a finite number', zh: '有限数值' },
  int: { en: 'an integer', zh: '整数' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'a list (array)', zh: '列表（数组）' },
  null: { en: 'null', zh: '空值（null）' },
  boolean: { en: 'a boolean', zh: '布尔值' },
};

function describeExpected(expected: readonly string[]): { en: string; zh: string } {
  const names = expected.map((e) => EXPECTED[e] ?? { en: `a value of type ${e}`, zh: `${e} 类型的值` });
  const en = names.map((n) => n.en);
  const zh = names.map((n) => n.zh);
  if (en.length === 0) return { en: 'a different value', zh: '其他值' };
  return {
    en: en.length === 1 ? (en[0] ?? '') : `${en.slice(0, -1).join(', ')} or ${en[en.length - 1]}`,
    zh: zh.length === 1 ? (zh[0] ?? '') : `${zh.slice(0, -1).join('、')}或${zh[zh.length - 1]}`,
  };
}

/** Quotes user text for a message, shortened so a huge string cannot flood the output. */
function quote(s: string): string {
  const short = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return JSON.stringify(short);
}

function describeValue(v: unknown): { en: string; zh: string } {
  if (v === null) return { en: 'null', zh: '空值（null）' };
  if (Array.isArray(v)) return { en: 'a list (array)', zh: '列表（数组）' };
  switch (typeof v) {
    case 'undefined':
      return { en: 'undefined', zh: '未定义值（undefined）' };
    case 'string':
      return { en: `the string ${quote(v)}`, zh: `字符串 ${quote(v)}` };
    case 'number':
      return { en: Number.isFinite(v) ? `the number ${v}` : String(v), zh: `数值 ${v}` };
    case 'boolean':
      return { en: `a boolean (${v})`, zh: `布尔值 ${v}` };
    case 'object':
      return { en: 'an object', zh: '对象' };
    default:
      return { en: `a value of type ${typeof v}`, zh: `${typeof v} 类型的值` };
  }
}

/** The value at `path` in the (copied) input, reading own properties only. */
function valueAt(root: unknown, path: readonly (string | number)[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, seg))
      return { found: false, value: undefined };
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return { found: true, value: cur };
}

/** How a message names the value at `path`; the zh form ends with a space before Chinese text. */
function label(path: Path): { en: string; zh: string } {
  if (path.length === 0) return { en: 'The report', zh: '报告' };
  const p = `\`${formatPath(path)}\``;
  return { en: p, zh: `${p} ` };
}

function toFinding(issue: Issue, root: unknown): Finding {
  const l = label(issue.path);
  const { found, value } = valueAt(root, issue.path);
  const got = describeValue(value);
  let message: { en: string; zh: string };
  if (issue.path.length === 0) {
    // Only the report itself can fail here: it is not an object.
    message = {
      en: `The report must be a JSON object, not ${got.en}.`,
      zh: `报告必须是 JSON 对象，实际为${got.zh}。`,
    };
  } else if (issue.year) {
    message = {
      en: `${l.en} must be an integer (a year such as 2023), not ${got.en}.`,
      zh: `${l.zh}应为整数（如年份 2023），实际为${got.zh}。`,
    };
  } else if (issue.code === 'invalid_type' && !found) {
    message = { en: `${l.en} is required but missing.`, zh: `缺少必填字段 ${l.zh.trimEnd()}。` };
  } else if (issue.code === 'invalid_type' && typeof value === 'number' && !Number.isFinite(value)) {
    const want = describeExpected(issue.expected);
    message = {
      en: `${l.en} must be ${want.en}; ${got.en} is not a finite number.`,
      zh: `${l.zh}应为${want.zh}；${got.zh} 不是有限数值。`,
    };
  } else if (issue.code === 'invalid_type') {
    const want = describeExpected(issue.expected);
    message = {
      en: `${l.en} must be ${want.en}, not ${got.en}.`,
      zh: `${l.zh}应为${want.zh}，实际为${got.zh}。`,
    };
  } else if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((v) => (typeof v === 'string' ? quote(v) : String(v)));
    message = {
      en: `${l.en} must be one of ${allowed.join(', ')}, not ${got.en}.`,
      zh: `${l.zh}只能是 ${allowed.join('、')} 之一，实际为${got.zh}。`,
    };
  } else if (issue.bound !== undefined) {
    message =
      issue.bound.kind === 'max'
        ? {
            en: `${l.en} must be at most ${issue.bound.limit}.`,
            zh: `${l.zh}不得大于 ${issue.bound.limit}。`,
          }
        : {
            en: `${l.en} must be at least ${issue.bound.limit}.`,
            zh: `${l.zh}不得小于 ${issue.bound.limit}。`,
          };
  } else {
    message = {
      en: `${l.en} has an unacceptable value (${got.en}).`,
      zh: `${l.zh}的值不符合要求（${got.zh}）。`,
    };
  }
  return makeFinding('invalid-report', issue.path, { detail: message }, { severity: 'error' });
}

function key(f: Finding): string {
  return `${JSON.stringify(f.path)}\u0000${f.message.en}`;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

// ---------------------------------------------------------------------------------------------
// Other formats of the same JSON (target tables: declaration.ts)

/**
 * Checks untrusted JSON against `schema` the way {@link parseReport} checks a report: a safe
 * copy first, then every structural problem as an `invalid-report` finding with its path
 * (internal; declaration.ts uses it for target tables).
 */
export function parseAgainst<T>(
  schema: z.ZodType<T>,
  json: unknown,
):
  | { readonly ok: true; readonly value: T; readonly findings: Finding[] }
  | {
      readonly ok: false;
      readonly value: null;
      readonly findings: Finding[];
    } {
  const problems: Finding[] = [];
  const copy = safeCopy(json, [], new Set(), problems);
  const result = schema.safeParse(copy);
  const findings = [...problems];
  if (!result.success) {
    const seen = new Set(findings.map(key));
    for (const issue of flattenIssues(result.error.issues, [])) {
      // A problem found while copying (a cycle, too deep) explains anything zod says below it.
      if (problems.some((p) => startsWith(issue.path, p.path))) continue;
      const finding = toFinding(issue, copy);
      const k = key(finding);
      if (seen.has(k)) continue;
      seen.add(k);
      findings.push(finding);
    }
  }
  if (result.success && findings.length === 0) return { ok: true, value: result.data, findings };
  return { ok: false, value: null, findings };
}
