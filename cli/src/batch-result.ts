/**
 * What `outturn check` does to one report, and `outturn review` to one target table, alone or in
 * a batch: its result (a report JSON, or tables imported into one report, checked by the
 * library; a declaration JSON reviewed by it), whether it fails `--fail-on`, and the width and
 * colours of the text output.
 *
 * @internal
 */
import {
  atLeast,
  type Finding,
  isWellFormedReport,
  type Report,
  type ReviewResult,
  type ScoringProfile,
  type ValidationResult,
  validateReport,
} from 'outturn';
import type { CheckArgs, TableArgs } from './args.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import type { FailOn } from './options.js';
import { type InputFile, isJsonInput, parseJsonBytes } from './read-input.js';
import type { RuleSettings } from './rule-settings.js';

/** Whether a finding is at least as serious as `failOn`. */
export function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => atLeast(f.severity, failOn));
}

/** The width of the text output: the terminal's (60 to 160 columns), else 80. */
export function textWidth(io: CliIO): number {
  return io.isTTY && io.columns !== undefined && io.columns >= 60 ? Math.min(io.columns, 160) : 80;
}

/** Whether the text output is in colour: stdout is a terminal and NO_COLOR is not set. */
export function textColor(io: CliIO): boolean {
  return io.isTTY && (io.env.NO_COLOR ?? '') === '';
}

/**
 * The result of the checks of one report: a report JSON, or the tables of `files` imported into
 * one report (what was not placed and the notes go to `io.stderr`). UsageError when it cannot be
 * read, or when it is a PEFA dataset.
 */
export async function resultOf(
  files: readonly InputFile[],
  args: TableArgs & { readonly lang: CheckArgs['lang'] },
  scoring: ScoringProfile | (() => Promise<ScoringProfile>),
  io: CliIO,
): Promise<ValidationResult> {
  const first = files[0] as InputFile;
  const shownFile = files.map((f) => f.file).join(' + ');
  const report = isJsonInput(first.file, first.bytes, args.from)
    ? parseJsonBytes(first.file, first.bytes)
    : // Tables only: the importers (and their zip, PDF and HTML readers) load when a file is not JSON.
      (await (await import('./import-tables.js')).importTables(files, args, args.lang, io)).report;
  return resultOfReport(report, shownFile, scoring);
}

/**
 * The result of the checks of a report already read: the JSON value of a file (named
 * `shownFile` in messages), or what tables were imported into. UsageError when it is a target
 * table or a PEFA dataset. The one-report path of `outturn check` parses the file itself and
 * calls this, so that the file's bytes are not kept alive while the report is checked.
 */
export async function resultOfReport(
  report: unknown,
  shownFile: string,
  scoring: ScoringProfile | (() => Promise<ScoringProfile>),
): Promise<ValidationResult> {
  if (kindOf(report) === 'declaration') {
    throw new UsageError(
      {
        en: `${shownFile} is a target table (绩效目标表, kind "declaration"), not a self-evaluation report: review it with 'outturn review ${shownFile}'`,
        zh: `${shownFile} 是绩效目标表（kind 为 "declaration"），不是自评报告：请用 outturn review ${shownFile} 审核`,
      },
      false,
    );
  }
  if (kindOf(report) === 'pefa') {
    throw new UsageError(
      {
        en: `${shownFile} is a PEFA dataset (kind "pefa"), not a report: assess it with 'outturn pefa ${shownFile}'`,
        zh: `${shownFile} 是 PEFA 数据集（kind 为 "pefa"），不是报告：请用 outturn pefa ${shownFile} 评分`,
      },
      false,
    );
  }
  const profile = typeof scoring === 'function' ? await scoring() : scoring;
  // A report of the usual shape skips loading outturn/schema (zod doubles the start-up time):
  // isWellFormedReport only says yes when checkReport would accept the report unchanged.
  return isWellFormedReport(report)
    ? validateReport(report as Report, { scoring: profile })
    : (await import('outturn/schema')).checkReport(report, { scoring: profile });
}

/** The `kind` of a parsed JSON value, when it is an object with a string kind. */
function kindOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const kind: unknown = (json as { kind?: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** The kinds of a self-evaluation report (自评表, 绩效运行监控表): what `outturn check` reads. */
const REPORT_KINDS: readonly string[] = ['project', 'department', 'monitoring'];

/** A reviewed target table, with what its header says for the summary row of a batch. */
export interface DeclarationReview {
  readonly result: ReviewResult;
  /** 项目名称 (or the title, or the unit) as printed; '' when none. */
  readonly name: string;
  /** The budget year, or the year the period starts in; '' when none. */
  readonly year: string;
  /** `project` or `department` (部门整体) as the table says; '' when it does not. */
  readonly scope: string;
}

/**
 * The review of one target table: a declaration JSON (`"kind": "declaration"`), or the tables of
 * `files` imported (the importers' notes go to `io.stderr`), reviewed by `reviewDeclaration`
 * with `args.rules`. UsageError when it cannot be read, or when it is a self-evaluation report
 * (`outturn check`) or a PEFA dataset (`outturn pefa`).
 */
export async function declarationOf(
  files: readonly InputFile[],
  args: TableArgs & { readonly lang: CheckArgs['lang']; readonly rules: RuleSettings },
  io: CliIO,
): Promise<DeclarationReview> {
  const first = files[0] as InputFile;
  const shownFile = files.map((f) => f.file).join(' + ');
  const json = isJsonInput(first.file, first.bytes, args.from)
    ? parseJsonBytes(first.file, first.bytes)
    : await importedDeclaration(files, args, io);
  const kind = kindOf(json);
  if (kind !== undefined && REPORT_KINDS.includes(kind)) {
    throw new UsageError(
      {
        en: `${shownFile} is a self-evaluation report (kind "${kind}"), not a target table: check it with 'outturn check ${shownFile}'`,
        zh: `${shownFile} 是自评报告（kind 为 "${kind}"），不是绩效目标表：请用 outturn check ${shownFile} 复核`,
      },
      false,
    );
  }
  if (kind === 'pefa') {
    throw new UsageError(
      {
        en: `${shownFile} is a PEFA dataset (kind "pefa"), not a target table: assess it with 'outturn pefa ${shownFile}'`,
        zh: `${shownFile} 是 PEFA 数据集（kind 为 "pefa"），不是绩效目标表：请用 outturn pefa ${shownFile} 评分`,
      },
      false,
    );
  }
  const { reviewDeclaration } = await import('outturn/schema');
  const result = reviewDeclaration(json, { rules: args.rules });
  return { result, ...headerOf(json) };
}

/**
 * A table file (CSV, workbook, page, document, PDF) imported (docs/import.md). What the import
 * says (not placed, notes) goes to `io.stderr` only when it is a target table (绩效目标表, imported
 * as `"kind": "declaration"`): another table is refused by its kind, without the notes of an
 * import that does not matter.
 */
async function importedDeclaration(
  files: readonly InputFile[],
  args: TableArgs & { readonly lang: CheckArgs['lang'] },
  io: CliIO,
): Promise<unknown> {
  const said: string[] = [];
  const { importTables } = await import('./import-tables.js');
  const { report } = await importTables(files, args, args.lang, { ...io, stderr: (t) => said.push(t) });
  if (kindOf(report) === 'declaration') for (const t of said) io.stderr(t);
  return report;
}

/** The name, year and scope a target table prints, read defensively (it may be any JSON). */
function headerOf(json: unknown): Omit<DeclarationReview, 'result'> {
  const o =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const project =
    typeof o.project === 'object' && o.project !== null ? (o.project as Record<string, unknown>) : {};
  const period =
    typeof project.period === 'object' && project.period !== null
      ? (project.period as Record<string, unknown>)
      : {};
  const start = /^\d{4}/.exec(str(period.start))?.[0] ?? '';
  const year =
    typeof o.year === 'number' && Number.isSafeInteger(o.year) ? String(o.year) : str(o.year) || start;
  return {
    name: str(project.name) || str(o.title) || str(o.entity),
    year,
    scope: str(o.scope),
  };
}
