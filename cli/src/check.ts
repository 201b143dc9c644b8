/**
 * `outturn check FILE...`: read a report JSON (or import tables), check it with the library,
 * render the result, and say by the exit code whether a finding reached `--fail-on`.
 *
 * @internal
 */
import { atLeast, type Finding, isWellFormedReport, type Report, validateReport } from 'outturn';
import type { CheckArgs } from './args.js';
import { COLLAPSE_INFO_OVER, textSettings, tooManyWarnings } from './env.js';
import { UsageError } from './errors.js';
import { importTables } from './import-tables.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import type { FailOn } from './options.js';
import { resolveProfile } from './profile.js';
import { type InputFile, isJsonInput, parseJsonBytes, readAll } from './read-input.js';
import { type RenderInput, renderJson, renderMarkdown, renderText } from './render/index.js';

/** Whether a finding is at least as serious as `failOn`. */
function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => atLeast(f.severity, failOn));
}

/** Runs `outturn check`; resolves to the exit code (UsageError for unreadable input). */
export async function check(args: CheckArgs, io: CliIO): Promise<number> {
  const cwd = cwdOf(io);
  const files = await readAll(args.files, cwd, args.maxBytes);
  const json = files.filter((f) => isJsonInput(f.file, f.bytes, args.from));
  if (json.length > 0 && files.length > 1) {
    const other = files.find((f) => f !== json[0])?.file ?? '';
    throw new UsageError(
      {
        en: `one FILE at a time, got also "${other}" (several files make one report only when they are tables)`,
        zh: `一次只能检查一个文件，多余的参数“${other}”（只有表格文件才能多个合成一份报告）`,
      },
      true,
    );
  }
  const first = files[0] as InputFile;
  const shownFile = args.files.join(' + ');
  const report =
    json.length > 0
      ? parseJsonBytes(first.file, first.bytes)
      : (await importTables(files, args, args.lang, io)).report;
  if (typeof report === 'object' && report !== null && (report as { kind?: unknown }).kind === 'pefa') {
    throw new UsageError(
      {
        en: `${shownFile} is a PEFA dataset (kind "pefa"), not a report: assess it with 'outturn pefa ${shownFile}'`,
        zh: `${shownFile} 是 PEFA 数据集（kind 为 "pefa"），不是报告：请用 outturn pefa ${shownFile} 评分`,
      },
      false,
    );
  }
  const scoring = await resolveProfile(args.profile, cwd);
  // A report of the usual shape skips loading outturn/schema (zod doubles the start-up time):
  // isWellFormedReport only says yes when checkReport would accept the report unchanged.
  const result = isWellFormedReport(report)
    ? validateReport(report as Report, { scoring })
    : (await import('outturn/schema')).checkReport(report, { scoring });
  const input: RenderInput = { file: shownFile, result };
  if (args.format === 'json') io.stdout(renderJson(input.result, args.lang));
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
