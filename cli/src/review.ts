/**
 * `outturn review FILE`: a target table (绩效目标申报表, `"kind": "declaration"`, as JSON) reviewed
 * by the library's rules of 绩效目标审核 (`reviewDeclaration` from outturn/schema: the structure,
 * then `reviewTargets`), rendered, and the exit code says whether a finding reached `--fail-on`.
 *
 * @internal
 */
import type { ReviewArgs } from './args.js';
import { fails } from './batch-result.js';
import { textSettings } from './env.js';
import { UsageError } from './errors.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import { type InputFile, isJsonInput, parseJsonBytes, readAll } from './read-input.js';
import { renderReviewJson, renderReviewMarkdown, renderReviewText } from './render/review.js';

/** Runs `outturn review`; resolves to the exit code (UsageError for unreadable input). */
export async function review(args: ReviewArgs, io: CliIO): Promise<number> {
  if (args.files.length > 1) {
    throw new UsageError(
      {
        en: `one FILE at a time: a target table is one file (got also "${args.files[1] ?? ''}")`,
        zh: `一次只能审核一个文件（多余的参数“${args.files[1] ?? ''}”）`,
      },
      true,
    );
  }
  const files = await readAll(args.files, cwdOf(io), args.maxBytes);
  const file = files[0] as InputFile;
  if (!isJsonInput(file.file, file.bytes, undefined)) {
    throw new UsageError({
      en: `${file.file}: outturn review reads a target table as JSON ("kind": "declaration", docs/review.md); the importers do not read target-table files yet`,
      zh: `${file.file}：outturn review 读取 JSON 格式的绩效目标表（"kind": "declaration"，见 docs/review.md）；导入程序尚不能读取目标表文件`,
    });
  }
  const json = parseJsonBytes(file.file, file.bytes);
  const { reviewDeclaration } = await import('outturn/schema');
  const result = reviewDeclaration(json);
  if (args.format === 'json') io.stdout(renderReviewJson(result, args.lang));
  else if (args.format === 'markdown')
    io.stdout(renderReviewMarkdown(result, { lang: args.lang, file: file.file }));
  else
    io.stdout(
      renderReviewText(result, { lang: args.lang, file: file.file, ...textSettings(args.color, io) }),
    );
  return fails(result.findings, args.failOn) ? EXIT.findings : EXIT.ok;
}
