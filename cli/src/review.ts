/**
 * `outturn review FILE...`: a target table (绩效目标申报表, `"kind": "declaration"`) reviewed by
 * the library's rules of 绩效目标审核 (`reviewDeclaration` from outturn/schema: the structure, then
 * `reviewTargets`, with the rule settings of the config file and `--rule`), rendered, and the
 * exit code says whether a finding reached `--fail-on`. Several FILEs, a directory, `--summary`
 * or `--format ndjson` run over many tables on the batch machinery of `outturn check`
 * (batch.ts), and html, xlsx and csv are one document for all (check-documents.ts): the same
 * outputs and exit codes as check.
 *
 * @internal
 */
import type { ReviewArgs } from './args.js';
import { isBatch, runBatch } from './batch.js';
import { withOutputFile } from './batch-output.js';
import { declarationOf, fails } from './batch-result.js';
import { checkDocument } from './check-documents.js';
import { textSettings, tooManyWarnings } from './env.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import { readBytes, readStdin, STDIN } from './read-input.js';
import { renderReviewJson, renderReviewMarkdown, renderReviewText } from './render/review.js';

/** Runs `outturn review`; resolves to the exit code (UsageError for unreadable input). */
export async function review(args: ReviewArgs, io: CliIO): Promise<number> {
  const { format } = args;
  const batch = { ...args, command: 'review' as const };
  // A workbook is bytes, written to --output by checkDocument itself.
  if (format === 'xlsx') return checkDocument({ ...batch, format }, io);
  return withOutputFile(args.output, io, async (out) => {
    if (format === 'html' || format === 'csv') return checkDocument({ ...batch, format }, out);
    if (await isBatch(args, out)) return runBatch(batch, out);
    return reviewOne(args, out);
  });
}

/** One FILE (or `-`), printed as the review of one table. */
async function reviewOne(args: ReviewArgs, io: CliIO): Promise<number> {
  const cwd = cwdOf(io);
  const name = args.files[0] as string;
  const bytes =
    name === STDIN ? await readStdin(io.stdin, args.maxBytes) : await readBytes(name, cwd, args.maxBytes);
  const { result } = await declarationOf([{ file: name, bytes }], args, io);
  const { lang, quiet } = args;
  if (args.format === 'json') io.stdout(renderReviewJson(result, lang));
  else if (args.format === 'markdown') io.stdout(renderReviewMarkdown(result, { lang, file: name, quiet }));
  else io.stdout(renderReviewText(result, { lang, file: name, quiet, ...textSettings(args.color, io) }));
  const over = tooManyWarnings(result.summary.warning, args.maxWarnings);
  return over || fails(result.findings, args.failOn) ? EXIT.findings : EXIT.ok;
}
