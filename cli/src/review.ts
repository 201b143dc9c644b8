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
  // A table file (CSV, workbook, page, document, PDF) is imported first (docs/import.md): only a
  // target table (绩效目标表, imported as "kind": "declaration") is reviewed.
  let json: unknown;
  if (isJsonInput(file.file, file.bytes, undefined)) json = parseJsonBytes(file.file, file.bytes);
  else {
    const { importTables } = await import('./import-tables.js');
    // What the import says (not placed, notes) is printed only for a target table.
    const said: string[] = [];
    json = (await importTables(files, args, args.lang, { ...io, stderr: (t) => said.push(t) })).report;
    const kind = (json as { kind?: unknown }).kind;
    if (kind === 'declaration') for (const t of said) io.stderr(t);
    else {
      throw new UsageError({
        en: `${file.file}: not a target table (绩效目标表): it imports as ${typeof kind === 'string' ? `"kind": "${kind}"` : 'a report'}; check it with outturn check`,
        zh: `${file.file}：不是绩效目标表：导入结果为${typeof kind === 'string' ? `"kind": "${kind}"` : '报告'}；请用 outturn check 检查`,
      });
    }
  }
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
