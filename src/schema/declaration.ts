/**
 * Target tables (`kind: "declaration"`, DESIGN §3) as untrusted JSON: their zod schema,
 * `parseDeclaration`, and `reviewDeclaration` (the structural check, then reviewTargets), as
 * `outturn review` runs it between reading a file and printing.
 */
import { z } from 'zod';
import type { Declaration } from '../model/declaration.js';
import type { Finding } from '../model/findings.js';
import { summarize } from '../model/findings.js';
import { type ReviewOptions, type ReviewResult, reviewTargets } from '../rules/review.js';
import { parseAgainst } from './parse.js';

/** The marker parse.ts reads to say "an integer" for a bad year. */
const YEAR_ISSUE = 'outturn:year';

const figure = z.union([z.string(), z.number()]);
const optionalFigure = z.union([z.string(), z.number(), z.null()]).exactOptional();
const optionalText = z.union([z.string(), z.null()]).exactOptional();
const optionalString = z.string().exactOptional();

const period = z.looseObject({ start: optionalText, end: optionalText });

const fundsLine = z.looseObject({ name: optionalString, value: optionalFigure });

const funds = z.looseObject({
  total: optionalFigure,
  fiscal: optionalFigure,
  other: optionalFigure,
  carriedOver: optionalFigure,
  basic: optionalFigure,
  projects: optionalFigure,
  lines: z.array(fundsLine).exactOptional(),
});

const project = z.looseObject({
  name: optionalString,
  department: optionalString,
  implementer: optionalString,
  attribute: optionalString,
  period: period.exactOptional(),
  funds: funds.exactOptional(),
});

const indicator = z.looseObject({
  path: z.array(z.string()).exactOptional(),
  name: z.string(),
  target: z.union([z.string(), z.number(), z.looseObject({ operator: z.string(), value: figure })]),
  unit: optionalText,
  weight: optionalFigure,
  lastYear: optionalFigure,
  previousTarget: optionalFigure,
  standard: optionalText,
  direction: optionalText,
  reason: optionalText,
});

const group = z.looseObject({
  path: z.array(z.string()),
  weight: optionalFigure,
  published: z.looseObject({ score: optionalFigure }).exactOptional(),
});

const declarationObject = z.looseObject({
  kind: z.literal('declaration').exactOptional(),
  scope: z.enum(['project', 'department']).exactOptional(),
  title: optionalString,
  entity: optionalString,
  year: z.int({ error: YEAR_ISSUE }).exactOptional(),
  amountUnit: z.string().trim().min(1).max(40).exactOptional(),
  project: project.exactOptional(),
  goals: z
    .array(z.union([z.string(), z.looseObject({ expected: optionalText, actual: optionalText })]))
    .exactOptional(),
  truncated: z.boolean().exactOptional(),
  indicators: z.array(indicator).exactOptional(),
  groups: z.array(group).exactOptional(),
  budgetExecution: z.looseObject({ weight: optionalFigure }).exactOptional(),
  notes: z.array(z.string()).exactOptional(),
  tasks: z.array(z.looseObject({ name: optionalString, amount: optionalFigure })).exactOptional(),
});

/**
 * The zod (v4) schema of a target table (DESIGN §3, `kind: "declaration"`). Every object is
 * loose: unknown fields (`source`, `printed`, `transcriptionNotes` …) are kept, never an error.
 * Figures are strings or finite numbers; `goals` are strings or `{ expected }` blocks; every
 * indicator needs a `name` and a `target`.
 *
 * @example
 * ```ts
 * declarationSchema.safeParse({ kind: 'declaration', indicators: [{ name: '培训人次', target: '280人次' }] }).success; // true
 * ```
 */
export const declarationSchema: z.ZodType<Declaration> =
  declarationObject as unknown as z.ZodType<Declaration>;

/** The result of {@link parseDeclaration}: the checked table, or its `invalid-report` findings. */
export type ParseDeclarationResult =
  | { readonly ok: true; readonly declaration: Declaration; readonly findings: Finding[] }
  | { readonly ok: false; readonly declaration: null; readonly findings: Finding[] };

/**
 * Checks untrusted JSON against the target-table format, as `parseReport` does for reports:
 * every structural problem is an `invalid-report` finding (error) with its path and a message
 * in en and zh-CN; the table returned is a fresh copy without `__proto__`/`constructor`/
 * `prototype` keys. Never throws for bad data.
 *
 * @example
 * ```ts
 * parseDeclaration({ kind: 'declaration', indicators: [{ target: '≥90%' }] }).findings[0]?.path; // ['indicators', 0, 'name']
 * ```
 */
export function parseDeclaration(json: unknown): ParseDeclarationResult {
  const r = parseAgainst(declarationSchema, json);
  return r.ok
    ? { ok: true, declaration: r.value, findings: r.findings }
    : { ok: false, declaration: null, findings: r.findings };
}

/**
 * The whole review of untrusted JSON: {@link parseDeclaration}, then `reviewTargets` with
 * `options`. A table that is not of the format gets only its `invalid-report` findings (every
 * rule reported as not applied); the input is never mutated.
 *
 * @throws TypeError only for wrong `options` (see `reviewTargets`).
 * @example
 * ```ts
 * reviewDeclaration(JSON.parse(text), { rules: { '4': 'off' } }).summary; // { error: 1, warning: 1, info: 14 } for 黄石 2022
 * ```
 */
export function reviewDeclaration(json: unknown, options: ReviewOptions = {}): ReviewResult {
  // Options are checked first, whatever the input: a wrong option is a programmer error.
  const empty = reviewTargets({}, options);
  const parsed = parseDeclaration(json);
  if (parsed.ok) return reviewTargets(parsed.declaration, options);
  const findings = parsed.findings.map((f) => ({ ...f, rule: null }));
  return {
    findings,
    summary: summarize(findings),
    rules: empty.rules.map((r) => ({ ...r, applied: false })),
    indicators: [],
    goals: [],
    costs: null,
  };
}
