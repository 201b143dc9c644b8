/**
 * `outturn check … --format html|xlsx|csv` (and `outturn review …`, whose documents hold the
 * findings and the rules of each target table): the outputs that are one document for every report
 * given (one report, or many: a summary first), rendered in the main thread from the results:
 * the self-contained HTML report, the audit workbook (which needs `--output FILE.xlsx`: it is
 * not text) and the findings as CSV. A file that cannot be read is named on stderr, left out of
 * the document, and makes the exit code 2, as in the other outputs of many reports.
 *
 * @internal
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BatchArgs } from './batch.js';
import { expandInputs } from './batch-inputs.js';
import { declarationOf, fails, resultOf } from './batch-result.js';
import { tooManyWarnings } from './env.js';
import { UsageError } from './errors.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import { resolveProfile } from './profile.js';
import { readBytes, readStdin } from './read-input.js';
import type { RenderInput } from './render/index.js';
import type { ReviewInput } from './render/review-documents.js';
import { visible } from './render/terminal.js';
import { oneLine } from './text.js';

/** The formats that are one document for all the reports. */
export type DocumentFormat = 'html' | 'xlsx' | 'csv';

/** Runs `outturn check` (or `outturn review`) for a document format; resolves to the exit code. */
export async function checkDocument(
  args: BatchArgs & { readonly format: DocumentFormat },
  io: CliIO,
): Promise<number> {
  if (args.format === 'xlsx' && args.output === undefined) {
    throw new UsageError(
      {
        en: '--format xlsx writes a workbook, not text: give the file with --output FILE.xlsx',
        zh: '--format xlsx 输出的是工作簿而不是文字：请用 --output 文件.xlsx 指定文件',
      },
      true,
    );
  }
  const cwd = cwdOf(io);
  const inputs = await expandInputs(args.files, cwd);
  const profile = await resolveProfile('command' in args ? undefined : args.profile, cwd);
  let stdin: Uint8Array | undefined;
  const rendered: RenderInput[] = [];
  const reviewed: ReviewInput[] = [];
  let unreadable = 0;
  let failing = false;
  for (const input of inputs) {
    try {
      // Standard input is read once, however many times `-` is given.
      if (input.path === undefined && stdin === undefined) stdin = await readStdin(io.stdin, args.maxBytes);
      const bytes =
        input.path === undefined ? (stdin as Uint8Array) : await readBytes(input.path, cwd, args.maxBytes);
      const file = { file: input.file, bytes };
      let result: {
        readonly findings: RenderInput['result']['findings'];
        readonly summary: { warning: number };
      };
      if ('command' in args) {
        const review = await declarationOf([file], args, io);
        reviewed.push({ file: input.file, ...review });
        result = review.result;
      } else {
        const checked = await resultOf([file], args, profile, io);
        rendered.push({ file: input.file, result: checked });
        result = checked;
      }
      failing ||=
        fails(result.findings, args.failOn) || tooManyWarnings(result.summary.warning, args.maxWarnings);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      if (inputs.length === 1) throw e;
      unreadable += 1;
      io.stderr(
        `outturn: ${visible(oneLine(`${input.file}${args.lang === 'zh' ? '：' : ': '}${e.text[args.lang]}`))}\n`,
      );
    }
  }
  if ('command' in args) {
    const render = await import('./render/review-documents.js');
    const options = { lang: args.lang, many: inputs.length > 1 };
    if (args.format === 'xlsx') {
      const bytes = await render.renderReviewXlsx(reviewed, options);
      await writeBytes(resolve(cwd, args.output as string), bytes, args.output as string);
    } else if (args.format === 'html') io.stdout(render.renderReviewHtml(reviewed, options));
    else io.stdout(render.renderReviewCsv(reviewed, options));
    if (unreadable > 0) return EXIT.usage;
    return failing ? EXIT.findings : EXIT.ok;
  }
  const render = await import('./render/index.js');
  const many = inputs.length > 1 ? rendered : (rendered[0] as RenderInput);
  if (args.format === 'xlsx') {
    const bytes = await render.renderXlsx(many, { lang: args.lang });
    await writeBytes(resolve(cwd, args.output as string), bytes, args.output as string);
  } else if (args.format === 'html') io.stdout(render.renderHtml(many, { lang: args.lang }));
  else io.stdout(render.renderCsv(many, { lang: args.lang }));
  if (unreadable > 0) return EXIT.usage;
  return failing ? EXIT.findings : EXIT.ok;
}

/** Writes `bytes` to `path` through a temporary file beside it and a rename. */
async function writeBytes(path: string, bytes: Uint8Array, shown: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
    throw new UsageError({ en: `cannot write ${shown}: ${code}`, zh: `无法写入 ${shown}：${code}` });
  }
}
