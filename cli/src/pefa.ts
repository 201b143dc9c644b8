/**
 * `outturn pefa FILE`: a PEFA dataset (JSON, or a table `year | table | line | budget | actual` in
 * any format the importers read) assessed by the library's `assessPefa` (PEFA 2016 Pillar I:
 * PI-1, PI-2, PI-3), rendered, and the exit code says whether a finding reached `--fail-on`.
 *
 * @internal
 */
import { basename } from 'node:path';
import { assessPefa, atLeast, type Finding, type PefaAssessment } from 'outturn';
import type { PefaArgs } from './args.js';
import { textSettings } from './env.js';
import { UsageError } from './errors.js';
import type { PefaImportResult } from './import/index.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import { type InputFile, isJsonInput, parseJsonBytes, readAll } from './read-input.js';
import { renderPefaJson, renderPefaMarkdown, renderPefaText } from './render/pefa.js';
import { visible } from './render/terminal.js';
import { oneLine } from './text.js';

function fails(findings: readonly Finding[], failOn: PefaArgs['failOn']): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => atLeast(f.severity, failOn));
}

/** Runs `outturn pefa`; resolves to the exit code (UsageError for unreadable input). */
export async function pefa(args: PefaArgs, io: CliIO): Promise<number> {
  if (args.files.length > 1) {
    throw new UsageError(
      {
        en: `one FILE at a time: a PEFA dataset is one file (got also "${args.files[1] ?? ''}")`,
        zh: `一次只能读取一个文件：一个 PEFA 数据集就是一个文件（多余的参数“${args.files[1] ?? ''}”）`,
      },
      true,
    );
  }
  const files = await readAll(args.files, cwdOf(io), args.maxBytes, io.stdin);
  const file = files[0] as InputFile;
  const dataset = isJsonInput(file.file, file.bytes, args.from)
    ? parseJsonBytes(file.file, file.bytes)
    : await importDataset(file, args, io);
  const assessment: PefaAssessment = assessPefa(dataset as Parameters<typeof assessPefa>[0], {
    bandEnds: args.bandEnds,
    scalingBase: args.scalingBase,
  });
  const lang = args.lang;
  if (args.format === 'json') io.stdout(renderPefaJson(assessment, lang));
  else if (args.format === 'markdown') io.stdout(renderPefaMarkdown(assessment, { lang, file: file.file }));
  else io.stdout(renderPefaText(assessment, { lang, file: file.file, ...textSettings(args.color, io) }));
  return fails(assessment.findings, args.failOn) ? EXIT.findings : EXIT.ok;
}

/** The dataset of a table file; what was not placed and the notes on stderr. */
async function importDataset(file: InputFile, args: PefaArgs, io: CliIO): Promise<unknown> {
  const { importPefa, formatLocation } = await import('./import/index.js');
  const result: PefaImportResult = await importPefa(file.bytes, {
    from: args.from,
    sheet: args.sheet,
    maxBytes: args.maxBytes,
    fileName: basename(file.file),
  });
  const lang = args.lang;
  if (!result.ok) {
    const where = result.at === undefined ? `${file.file}` : formatLocation(result.at, lang);
    throw new UsageError({
      en: `${where}: ${result.message.en}`,
      zh: `${where}：${result.message.zh}`,
    });
  }
  const sep = lang === 'zh' ? '：' : ': ';
  const labels =
    lang === 'zh' ? { unplaced: '未导入', note: '说明' } : { unplaced: 'not imported', note: 'note' };
  const line = (label: string, where: string, reason: string, text: string) =>
    `outturn: ${visible(oneLine(`${label}${sep}${where}${sep}${reason}${text === '' || reason.includes(text) ? '' : ` — ${text}`}`))}\n`;
  for (const it of result.unplaced) {
    io.stderr(line(labels.unplaced, formatLocation(it.at, lang), it.reason[lang], it.text));
  }
  for (const it of result.notes)
    io.stderr(line(labels.note, formatLocation(it.at, lang), it.reason[lang], it.text));
  const years = result.dataset.years.length;
  io.stderr(
    lang === 'zh'
      ? `outturn: 已导入 ${years} 个财政年度（${result.format}）；未导入 ${result.unplaced.length} 处，说明 ${result.notes.length} 条\n`
      : `outturn: imported ${years} fiscal year(s) (${result.format}); ${result.unplaced.length} item(s) not imported, ${result.notes.length} note(s)\n`,
  );
  return result.dataset;
}
