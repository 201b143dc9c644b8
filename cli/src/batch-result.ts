/**
 * What `outturn check` does to one report, alone or in a batch: its result (a report JSON, or
 * tables imported into one report, checked by the library), whether it fails `--fail-on`, and
 * the width and colours of the text output.
 *
 * @internal
 */
import {
  atLeast,
  type Finding,
  isWellFormedReport,
  type Report,
  type ScoringProfile,
  type ValidationResult,
  validateReport,
} from 'outturn';
import type { CheckArgs, TableArgs } from './args.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import type { FailOn } from './options.js';
import { type InputFile, isJsonInput, parseJsonBytes } from './read-input.js';

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
 * `shownFile` in messages), or what tables were imported into. UsageError when it is a PEFA
 * dataset. The one-report path of `outturn check` parses the file itself and calls this, so
 * that the file's bytes are not kept alive while the report is checked.
 */
export async function resultOfReport(
  report: unknown,
  shownFile: string,
  scoring: ScoringProfile | (() => Promise<ScoringProfile>),
): Promise<ValidationResult> {
  if (typeof report === 'object' && report !== null && (report as { kind?: unknown }).kind === 'pefa') {
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
