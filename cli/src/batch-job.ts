/**
 * One file of a batch run, checked (a report, `outturn check`) or reviewed (a target table,
 * `outturn review`: `BatchSettings.command`) and rendered where it runs (a worker thread, or the
 * main thread for a single job): what is sent back is plain data that a structured clone copies.
 *
 * @internal
 */
import type { Lang, ScoringProfile } from 'outturn';
import { declarationOf, fails, resultOf } from './batch-result.js';
import { tooManyWarnings } from './env.js';
import { type Localized, UsageError } from './errors.js';
import type { ImportFormat } from './import/types.js';
import type { CliIO } from './io.js';
import type { FailOn, Format } from './options.js';
import { readBytes } from './read-input.js';
import { renderBatchFindings, reviewRow, type SummaryRow, summaryRow } from './render/batch.js';
import { joinPieces, jsonPieces } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { renderReviewMarkdown, renderReviewText, toReviewJson } from './render/review.js';
import { visible } from './render/terminal.js';
import type { RuleSettings } from './rule-settings.js';
import { oneLine } from './text.js';

/** What every job of a run shares (sent to each worker once). */
export interface BatchSettings {
  /** What is done to each file: `check` a report, or `review` a target table. */
  readonly command: 'check' | 'review';
  readonly format: Format;
  readonly lang: Lang;
  readonly failOn: FailOn;
  readonly summary: boolean;
  readonly from: ImportFormat | undefined;
  readonly sheet: string | undefined;
  readonly maxBytes: number;
  readonly cwd: string;
  readonly color: boolean;
  readonly width: number;
  /** The profile of `--profile`, resolved once by the main thread (check). */
  readonly profile: ScoringProfile;
  /** `--max-warnings`: a file with more warnings fails; undefined: no limit. */
  readonly maxWarnings: number | undefined;
  /** `--quiet`: a review's text and Markdown list only its errors. */
  readonly quiet: boolean;
  /** The settings of the review rules (review). */
  readonly rules: RuleSettings;
}

/** One report to check: its name as shown; its bytes when they were read already (stdin). */
export interface BatchJob {
  readonly id: number;
  readonly file: string;
  /** The name the text output heads the report's part with (relative to the files' common folder). */
  readonly label: string;
  readonly bytes?: Uint8Array | undefined;
}

/** What a job gives back. */
export type BatchOutcome =
  | {
      readonly ok: true;
      readonly file: string;
      readonly row: SummaryRow;
      /** Whether a finding reached --fail-on. */
      readonly fails: boolean;
      /**
       * The report's part of the output: its findings (text), its Markdown, or its JSON object
       * with `file` (json: 2-space indented; ndjson: one line) in pieces of about 64 K characters
       * (a large report is never one string); none under --summary (text, markdown).
       */
      readonly body: readonly string[];
      /** What the import wrote on stderr (the notes and what was not placed). */
      readonly stderr: string;
    }
  | {
      readonly ok: false;
      readonly file: string;
      readonly message: Localized;
      /** True for a bug (exit 3), false for a file that cannot be read (exit 2). */
      readonly internal: boolean;
      readonly stderr: string;
    };

/** Checks one report and renders its part of the output; never throws. */
export async function runJob(job: BatchJob, settings: BatchSettings): Promise<BatchOutcome> {
  const stderr: string[] = [];
  const io: CliIO = {
    stdout: () => undefined,
    stderr: (text) => {
      stderr.push(text);
    },
    env: {},
    isTTY: false,
    cwd: settings.cwd,
  };
  const file = job.file;
  try {
    const bytes = job.bytes ?? (await readBytes(file, settings.cwd, settings.maxBytes));
    if (settings.command === 'review')
      return { ...(await reviewJob(job, bytes, settings, io)), stderr: stderr.join('') };
    const result = await resultOf([{ file, bytes }], { ...settings, files: [file] }, settings.profile, io);
    const options = { lang: settings.lang, color: settings.color, width: settings.width };
    let body: readonly string[] = [];
    if (settings.format === 'json' || settings.format === 'ndjson') {
      body = joinPieces(
        jsonPieces(result, settings.lang, { space: settings.format === 'json' ? 2 : 0, file }),
      );
    } else if (!settings.summary) {
      body = [
        settings.format === 'markdown'
          ? renderMarkdown({ file, result }, { lang: settings.lang })
          : renderBatchFindings(job.label, result, options),
      ];
    }
    return {
      ok: true,
      file,
      row: summaryRow(result),
      fails:
        fails(result.findings, settings.failOn) ||
        tooManyWarnings(result.summary.warning, settings.maxWarnings),
      body,
      stderr: stderr.join(''),
    };
  } catch (e) {
    if (e instanceof UsageError)
      return { ok: false, file, message: e.text, internal: false, stderr: stderr.join('') };
    const message = oneLine(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    return {
      ok: false,
      file,
      message: { en: `internal error: ${message}`, zh: `内部错误：${message}` },
      internal: true,
      stderr: stderr.join(''),
    };
  }
}

/** A target table of `outturn review`: reviewed, its summary row, and its part of the output. */
async function reviewJob(
  job: BatchJob,
  bytes: Uint8Array,
  settings: BatchSettings,
  io: CliIO,
): Promise<Omit<Extract<BatchOutcome, { ok: true }>, 'stderr'>> {
  const file = job.file;
  const review = await declarationOf([{ file, bytes }], { ...settings, files: [file] }, io);
  const { result } = review;
  const { lang, quiet } = settings;
  // A review is one table's findings and rules, never large: one piece.
  let body: readonly string[] = [];
  if (settings.format === 'json' || settings.format === 'ndjson') {
    const object = { file, ...toReviewJson(result, lang) };
    body = [visible(settings.format === 'json' ? JSON.stringify(object, null, 2) : JSON.stringify(object))];
  } else if (!settings.summary) {
    body = [
      settings.format === 'markdown'
        ? renderReviewMarkdown(result, { lang, file, quiet })
        : renderReviewText(result, {
            lang,
            file: job.label,
            quiet,
            color: settings.color,
            width: settings.width,
          }),
    ];
  }
  return {
    ok: true,
    file,
    row: reviewRow(review),
    fails:
      fails(result.findings, settings.failOn) ||
      tooManyWarnings(result.summary.warning, settings.maxWarnings),
    body,
  };
}
