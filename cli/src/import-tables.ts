/**
 * `outturn import`, and the import of table files that `outturn check` runs first: CSV, .xlsx and
 * PDF text into one report, with what could not be placed and the notes on stderr.
 *
 * @internal
 */
import { basename } from 'node:path';
import type { Lang } from 'outturn';
import type { ImportArgs, TableArgs } from './args.js';
import { UsageError } from './errors.js';
// Type-only: the importers (csv-parse, and xlsx on demand) are loaded with import() only when a
// command reads tables, so that `outturn check report.json` starts fast.
import type { ImportItem, ImportSuccess } from './import/index.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import { type InputFile, readAll } from './read-input.js';
import { visible } from './render/terminal.js';
import { oneLine } from './text.js';

/**
 * Imports table files (CSV, .xlsx, PDF text) into one report; prints what was not placed and
 * the notes on stderr. UsageError when nothing could be imported.
 */
export async function importTables(
  files: readonly InputFile[],
  args: TableArgs,
  lang: Lang,
  io: CliIO,
): Promise<ImportSuccess> {
  const { importFiles, formatLocation } = await import('./import/index.js');
  const result = await importFiles(
    files.map((f) => ({ bytes: f.bytes, fileName: files.length > 1 ? basename(f.file) : f.file })),
    { from: args.from, sheet: args.sheet, maxBytes: args.maxBytes },
  );
  if (!result.ok) {
    const where = result.at === undefined ? '' : formatLocation(result.at, lang);
    const prefix = where === '' ? (files.length === 1 ? `${files[0]?.file ?? ''}: ` : '') : `${where}: `;
    throw new UsageError({
      en: `${prefix}${result.message.en}`,
      zh: `${prefix.replace(/: $/, '：')}${result.message.zh}`,
    });
  }
  for (const it of result.unplaced) io.stderr(importLine(it, formatLocation(it.at, lang), lang, 'unplaced'));
  for (const it of result.notes) io.stderr(importLine(it, formatLocation(it.at, lang), lang, 'note'));
  io.stderr(importSummary(result, lang));
  return result;
}

/** One stderr line for an item that was not imported, or a note. */
function importLine(it: ImportItem, where: string, lang: Lang, kind: 'unplaced' | 'note'): string {
  const label =
    kind === 'unplaced' ? (lang === 'zh' ? '未导入' : 'not imported') : lang === 'zh' ? '说明' : 'note';
  const sep = lang === 'zh' ? '：' : ': ';
  const lines = it.text.split('\n');
  let shown = oneLine(it.text.replaceAll('\t', ' | '));
  if ([...shown].length > 80) shown = `${[...shown].slice(0, 79).join('')}…`;
  const reason = it.reason[lang];
  const preview =
    shown === '' || reason.includes(shown)
      ? ''
      : lang === 'zh'
        ? ` ——“${shown}”${lines.length > 1 ? `（共 ${lines.length} 行）` : ''}`
        : ` — "${shown}"${lines.length > 1 ? ` (${lines.length} lines)` : ''}`;
  return `outturn: ${visible(`${label}${sep}${where}${sep}${oneLine(reason)}${preview}`)}\n`;
}

/** The last stderr line of an import: what was imported, from what, and how much was not. */
function importSummary(result: ImportSuccess, lang: Lang): string {
  const count = (lines: readonly unknown[] | undefined): number =>
    (lines ?? []).reduce<number>((n, l) => {
      const children = typeof l === 'object' && l !== null && 'children' in l ? l.children : undefined;
      return n + 1 + count(Array.isArray(children) ? children : undefined);
    }, 0);
  const budget = count(result.report.budget);
  const indicators = result.report.indicators?.length ?? 0;
  const enc = result.encoding === null ? '' : `, ${result.encoding.toUpperCase()}`;
  return lang === 'zh'
    ? `outturn: 已导入 ${budget} 个预算行、${indicators} 个指标（${result.format}${enc}）；未导入 ${result.unplaced.length} 处，说明 ${result.notes.length} 条\n`
    : `outturn: imported ${budget} budget line(s) and ${indicators} indicator(s) (${result.format}${enc}); ${result.unplaced.length} item(s) not imported, ${result.notes.length} note(s)\n`;
}

/** `outturn import FILE...`: the report JSON on stdout, 2-space indented. */
export async function importCommand(args: ImportArgs, io: CliIO): Promise<number> {
  const result = await importTables(
    await readAll(args.files, cwdOf(io), args.maxBytes, io.stdin),
    args,
    args.lang,
    io,
  );
  // The same JSON value, with DEL, C1 and bidirectional controls as \u escapes (see renderJson).
  io.stdout(`${visible(JSON.stringify(result.report, null, 2))}\n`);
  return EXIT.ok;
}
