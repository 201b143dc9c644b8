/**
 * `outturn check FILE...`: read a report JSON (or import tables), check it with the library,
 * render the result, and say by the exit code whether a finding reached `--fail-on`. Several
 * FILEs, a directory, `--summary` or `--format ndjson` run over many reports (batch.ts).
 *
 * @internal
 */
import type { CheckArgs } from './args.js';
import { isBatch, runBatch } from './batch.js';
import { withOutputFile } from './batch-output.js';
import { fails, resultOf, resultOfReport } from './batch-result.js';
import { COLLAPSE_INFO_OVER, textSettings, tooManyWarnings } from './env.js';
import { type CliIO, cwdOf, EXIT, stdoutWriter } from './io.js';
import { resolveProfile } from './profile.js';
import { isJsonInput, parseJsonBytes, readBytes, readStdin, STDIN } from './read-input.js';
import { writeJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import type { RenderInput } from './render/rows.js';
import { renderText } from './render/text.js';

/** Runs `outturn check`; resolves to the exit code (UsageError for unreadable input). */
export async function check(args: CheckArgs, io: CliIO): Promise<number> {
  const { format } = args;
  // The documents (html, csv, xlsx) are imported when asked for: the check of one report loads
  // neither their renderers nor the workbook writer.
  const documents = () => import('./check-documents.js');
  // A workbook is bytes, written to --output by checkDocument itself.
  if (format === 'xlsx') return (await documents()).checkDocument({ ...args, format }, io);
  return withOutputFile(args.output, io, async (out) => {
    if (format === 'html' || format === 'csv')
      return (await documents()).checkDocument({ ...args, format }, out);
    if (await isBatch(args, out)) return runBatch(args, out);
    return checkOne(args, out);
  });
}

/** One FILE (or `-`), printed exactly as before several files could be checked at once. */
async function checkOne(args: CheckArgs, io: CliIO): Promise<number> {
  const cwd = cwdOf(io);
  const name = args.files[0] as string;
  let bytes: Uint8Array | null =
    name === STDIN ? await readStdin(io.stdin, args.maxBytes) : await readBytes(name, cwd, args.maxBytes);
  // The bytes are handed on and let go: a report JSON is parsed here and checked without them
  // alive (a million indicators are 276 MB of bytes), tables go to the importers.
  const take = (): Uint8Array => {
    const b = bytes as Uint8Array;
    bytes = null;
    return b;
  };
  const scoring = () => resolveProfile(args.profile, cwd);
  const result = isJsonInput(name, bytes, args.from)
    ? await resultOfReport(parseJsonBytes(name, take()), name, scoring)
    : await resultOf([{ file: name, bytes: take() }], args, scoring, io);
  const input: RenderInput = { file: name, result };
  // Written as it is made (a million indicators would not fit in one string): see writeJson.
  if (args.format === 'json') await writeJson(input.result, args.lang, stdoutWriter(io));
  else if (args.format === 'markdown')
    io.stdout(renderMarkdown(input, { lang: args.lang, quiet: args.quiet }));
  else {
    const collapseInfoOver = args.verbose ? undefined : COLLAPSE_INFO_OVER;
    io.stdout(
      renderText(input, {
        lang: args.lang,
        quiet: args.quiet,
        collapseInfoOver,
        ...textSettings(args.color, io),
      }),
    );
  }
  const over = tooManyWarnings(input.result.summary.warning, args.maxWarnings);
  return over || fails(input.result.findings, args.failOn) ? EXIT.findings : EXIT.ok;
}
