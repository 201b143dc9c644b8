/**
 * The `outturn` command: `outturn check FILE [--format text|json|markdown] [--lang zh|en]
 * [--fail-on error|warning|info|never] [--from csv|xlsx|text] [--sheet NAME]` and
 * `outturn import FILE… [--from csv|xlsx|text] [--sheet NAME] [--lang zh|en]`.
 *
 * A thin layer: parse the arguments, read the file, `parseReport` (or `importFiles` for CSV,
 * .xlsx and PDF text: all parsing lives in src/import), `validateReport`, print, exit. Exit
 * codes: 0 no finding at or above `--fail-on` (import: a report was produced); 1 such findings;
 * 2 usage error or unreadable input (one line on stderr); 3 internal error (a bug: one line on
 * stderr).
 *
 * @internal
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  atLeast,
  type Finding,
  isWellFormedReport,
  type Lang,
  PROFILE_NAMES,
  parseScoringProfile,
  profileNamed,
  type Report,
  SCORING_PROFILES,
  type ScoringProfile,
  type Severity,
  validateReport,
} from 'outturn';
// Type-only: the importer (csv-parse, and xlsx on demand) and the schema (zod) are loaded
// with import() only when a command needs them, so `outturn check report.json` starts fast.
import type { ImportFormat, ImportItem, ImportSuccess } from './import/index.js';
import { type RenderInput, renderJson, renderMarkdown, renderText } from './render/index.js';
import { oneLine } from './text.js';

/** Exit codes of the command. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** Where the command writes, and what it knows of its environment. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colours, terminal width). */
  readonly isTTY: boolean;
  /** Terminal width, when stdout is a terminal. */
  readonly columns?: number | undefined;
}

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const LANGS = ['zh', 'en'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];
const FROM = ['csv', 'xlsx', 'text'] as const;

/** A problem that ends the command with exit code 2 and one line on stderr. */
class UsageError extends Error {
  constructor(
    readonly text: Readonly<Record<Lang, string>>,
    readonly hint = false,
  ) {
    super(text.en);
  }
}

/** The version in package.json, which sits one level above both dist/cli.js and src/cli.ts. */
function version(): string {
  try {
    const pkg: unknown = createRequire(import.meta.url)('../package.json');
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
      return pkg.version;
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Help

function helpText(lang: Lang, v: string): string {
  if (lang === 'en') {
    return `outturn ${v}: exact checks of budget performance reports (预算绩效自评报告)

Usage:
  outturn check FILE [options]   check a report (JSON, CSV, .xlsx or PDF text)
                                 figure by figure
  outturn import FILE... [opts]  turn CSV, .xlsx or PDF text into report JSON
  outturn check --help           help on check: report format and outputs
  outturn import --help          help on import: tables, headers, encodings
  outturn --help                 this help
  outturn --version              the version

Options of check:
  --format text|json|markdown    output (default: text)
                                   text      tables for an 80-column terminal
                                   json      one JSON object for programs
                                   markdown  tables for an audit memo
  --lang zh|en                   language of the output (default: zh)
  --fail-on error|warning|info|never
                                 exit 1 on a finding at least this serious
                                 (default: error; never: always exit 0)
  --profile NAME|FILE.json       scoring profile for tables with weights (分值):
                                 default, linear-deficit, bands-80-50,
                                 grades-80-70-60, uncapped, or a JSON file
                                 ({ "extends": "default", ... })
  --from csv|xlsx|text           format of a table file (default: detected)
  --sheet NAME                   the worksheet of an .xlsx file to read
  -h, --help                     show help
  -v, --version                  show the version

Exit codes:
  0  no finding at or above --fail-on (import: a report was produced)
  1  at least one finding at or above --fail-on
  2  usage error, or FILE cannot be read: missing, a directory, no permission,
     empty, not UTF-8, not JSON (with line and column), no table found
  3  internal error (a bug in outturn: please report it)

Colours are used only when stdout is a terminal and NO_COLOR is not set.
`;
  }
  return `outturn ${v}：预算绩效自评报告的精确复核工具

用法：
  outturn check 文件 [选项]      逐项复核一份报告（JSON、CSV、.xlsx 或 PDF
                                 文字）中的数字
  outturn import 文件... [选项]  把 CSV、.xlsx 或 PDF 文字转换为报告 JSON
  outturn check --help           check 的帮助：报告格式与输出格式
  outturn import --help          import 的帮助：表格、表头与编码
  outturn --help                 本帮助
  outturn --version              显示版本号

check 的选项：
  --format text|json|markdown    输出格式（默认 text）
                                   text      适合 80 列终端的表格
                                   json      供其他程序读取的一个 JSON 对象
                                   markdown  可粘贴到审计底稿的表格
  --lang zh|en                   标题与说明的语言（默认 zh）
  --fail-on error|warning|info|never
                                 出现该级别或更严重的问题时退出码为 1
                                 （默认 error；never 表示总是返回 0）
  --from csv|xlsx|text           表格文件的格式（默认自动识别）
  --sheet 名称                   读取 .xlsx 文件中的哪个工作表
  -h, --help                     显示帮助
  -v, --version                  显示版本号

退出码：
  0  没有达到 --fail-on 级别的问题（import：已生成报告）
  1  至少有一个达到 --fail-on 级别的问题
  2  用法错误，或无法读取文件：不存在、是目录、无权限、空文件、
     不是 UTF-8 编码、不是有效的 JSON（给出行号和列号）、找不到表格
  3  内部错误（outturn 自身的缺陷，请报告）

仅当标准输出是终端且未设置 NO_COLOR 时才使用颜色。
`;
}

function checkHelpText(lang: Lang, v: string): string {
  if (lang === 'en') {
    return `outturn ${v}

Usage: outturn check FILE [--format text|json|markdown] [--lang zh|en]
                          [--fail-on error|warning|info|never]
                          [--from csv|xlsx|text] [--sheet NAME]

FILE may also be tables: CSV, an .xlsx workbook or PDF text (see
'outturn import --help'); they are imported first, and what could not be
placed is listed on stderr. Several table files make one report.

Reads FILE, a report in outturn's JSON format (UTF-8, a byte order mark is
accepted): kind, title, entity, year, amountUnit, budget (a tree of lines with
initial, adjustment, adjusted, actual and published.executionRate), indicators
(name, target, actual, reason, published.deviation) and staffing. Figures are
strings exactly as printed. Every printed figure is recomputed exactly; each
problem becomes a finding with a code, a severity and a path into the file.

Options:
  --format text|json|markdown    output (default: text)
      text: the budget table, the indicator table and the cross-checks with
            printed and recomputed figures side by side, then the findings by
            severity and a summary line
      json: { summary, findings, budget, indicators, crossChecks, totalScore,
            grade }; messages in --lang; a figure that does not exist is null
      markdown: headings and pipe tables for an audit memo
  --lang zh|en                   language of the output (default: zh)
  --fail-on error|warning|info|never
                                 exit 1 on a finding at least this serious
                                 (default: error; never: always exit 0)
  --profile NAME|FILE.json       scoring profile for rows with a weight (分值):
                                 default (财预〔2020〕10号: ratio scoring, bands
                                 80/60, budget score capped, grades 90/80/60),
                                 linear-deficit, bands-80-50, grades-80-70-60,
                                 uncapped; or a JSON file that "extends" one
  -h, --help                     show this help

Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage error
or unreadable FILE; 3 internal error.
Example: outturn check report.json --format markdown --lang en > memo.md
`;
  }
  return `outturn ${v}

用法：outturn check 文件 [--format text|json|markdown] [--lang zh|en]
                         [--fail-on error|warning|info|never]
                         [--from csv|xlsx|text] [--sheet 名称]

文件也可以是表格：CSV、.xlsx 工作簿或 PDF 文字（见 outturn import --help）；
先导入再复核，未能导入的内容列在标准错误输出上。多个表格文件合成一份报告。

读取一份 outturn JSON 格式的报告（UTF-8 编码，可带 BOM）：kind、title、
entity、year、amountUnit、budget（预算行组成的树：initial、adjustment、
adjusted、actual、published.executionRate）、indicators（name、target、
actual、reason、published.deviation）和 staffing。数字按报告原样填写为字符串。
outturn 精确复算每一个印出的数字，每个问题给出代码、级别和在文件中的位置。

选项：
  --format text|json|markdown    输出格式（默认 text）
      text：预算表、指标表和交叉核对，报告值与复算值并列，
            然后按级别列出问题，最后一行小结
      json：{ summary, findings, budget, indicators, crossChecks, totalScore,
            grade }；说明文字使用 --lang 的语言；不存在的数字为 null
      markdown：标题与表格，可粘贴到审计底稿
  --lang zh|en                   标题与说明的语言（默认 zh）
  --fail-on error|warning|info|never
                                 出现该级别或更严重的问题时退出码为 1
                                 （默认 error；never 表示总是返回 0）
  --profile 名称|文件.json        有分值的行按此计分方案计分：
                                 default（财预〔2020〕10号：比例计分、
                                 定性档次 80/60、预算执行率得分封顶、
                                 等级 90/80/60）、linear-deficit、
                                 bands-80-50、grades-80-70-60、uncapped；
                                 或以 "extends" 继承其一的 JSON 文件
  -h, --help                     显示本帮助

退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法错误或无法读取文件；
3 内部错误。
示例：outturn check report.json --format markdown > 底稿.md
`;
}

function importHelpText(lang: Lang, v: string): string {
  if (lang === 'en') {
    return `outturn ${v}

Usage: outturn import FILE... [--from csv|xlsx|text] [--sheet NAME]
                              [--lang zh|en]

Turns the tables of a published report into outturn's report JSON, printed
on stdout (2-space indented); what could not be placed in the report is
listed on stderr with its line or cell, never dropped silently, followed by
notes on what was inferred. Check the result with 'outturn check', or give
the table file to 'outturn check' directly.

FILE is one of (detected from the content; --from overrides):
  csv   a budget table and an indicator table, one below the other (or in
        two files), with the headers printed in reports: 年初预算数,
        调整预算数/全年预算数, 实际支出数/全年执行数, 执行率, 分值, 得分;
        一级指标/二级指标/三级指标/指标名称, 指标值/年度指标值/指标目标值,
        实际完成值/指标完成值, 偏差情况, 原因分析, 度量单位, 指标性质 - or
        Budget, Final appropriation, Actual, Variance, Target, Actual
        output, Deviation, Reasons. Comma, semicolon or tab separated.
  xlsx  an Excel workbook: every sheet, or the one named by --sheet; the
        text each cell displays is read (0.9 shown as 90% is "90%")
  text  the text a PDF reader gives: tab-separated cells, section titles
        such as 七、预算信息 and 九、部门整体自评表
Encodings: UTF-8 (with or without a byte order mark), GB18030/GBK, UTF-16
with a byte order mark. Rows starting with # are comments; rows such as
"年度,2023" or "编制数,14" before the tables give the report's facts.
Templates: examples/templates/.

Exit codes: 0 a report was produced (even if some cells were not placed);
2 usage error, unreadable FILE or no table found; 3 internal error.
Example: outturn import report.csv > report.json
`;
  }
  return `outturn ${v}

用法：outturn import 文件... [--from csv|xlsx|text] [--sheet 名称]
                             [--lang zh|en]

把公开报告中的表格转换为 outturn 报告 JSON，输出到标准输出（缩进 2 格）；
未能放入报告的内容连同行号或单元格列在标准错误输出上，绝不悄悄丢弃，
随后是推断说明。结果可用 outturn check 复核，也可直接把表格文件交给
outturn check。

文件可以是（按内容自动识别，--from 可指定）：
  csv   上下排列的预算表和指标表（或分成两个文件），表头与报告一致：
        年初预算数、调整预算数/全年预算数、实际支出数/全年执行数、执行率、
        分值、得分；一级指标/二级指标/三级指标/指标名称、
        指标值/年度指标值/指标目标值、实际完成值/指标完成值、偏差情况、
        原因分析、度量单位、指标性质；也接受英文表头 Budget、Final
        appropriation、Actual、Variance、Target、Actual output、
        Deviation、Reasons。逗号、分号或制表符分隔。
  xlsx  Excel 工作簿：读取全部工作表，或 --sheet 指定的一个；读取单元格
        显示的文字（显示为 90% 的 0.9 读作“90%”）
  text  PDF 阅读器给出的文字：制表符分隔的单元格，七、预算信息、
        九、部门整体自评表等章节标题
编码：UTF-8（带或不带 BOM）、GB18030/GBK、带 BOM 的 UTF-16。以 # 开头的行
是注释；表格之前的“年度,2023”“编制数,14”等行给出报告的基本信息。
模板见 examples/templates/。

退出码：0 已生成报告（即使有单元格未能导入）；2 用法错误、无法读取文件
或找不到表格；3 内部错误。
示例：outturn import 报告.csv > 报告.json
`;
}

// ---------------------------------------------------------------------------------------------
// Arguments

interface TableArgs {
  readonly files: readonly string[];
  readonly from: ImportFormat | undefined;
  readonly sheet: string | undefined;
}

interface CheckArgs extends TableArgs {
  readonly format: Format;
  readonly lang: Lang;
  readonly failOn: FailOn;
  /** A shipped profile's name or a profile JSON file; undefined: the default profile. */
  readonly profile: string | undefined;
}

interface ImportArgs extends TableArgs {
  readonly lang: Lang;
}

type Command =
  | { readonly kind: 'help'; readonly lang: Lang; readonly topic: 'main' | 'check' | 'import' }
  | { readonly kind: 'version' }
  | ({ readonly kind: 'check' } & CheckArgs)
  | ({ readonly kind: 'import' } & ImportArgs);

/**
 * The language asked for, read before the arguments are parsed so that even an argument
 * error is reported in it. Default zh.
 */
function langOf(argv: readonly string[]): Lang {
  let lang: Lang = 'zh';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a?.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === 'zh' || v === 'en') lang = v;
  }
  return lang;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T | null {
  if (value === undefined) return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function parseCommand(argv: readonly string[], lang: Lang): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw argumentError(e);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !(LANGS as readonly string[]).includes(values.lang)) {
    throw new UsageError(
      {
        en: `--lang must be zh or en, not "${values.lang}" (--lang 应为 zh 或 en)`,
        zh: `--lang 应为 zh 或 en，而不是“${values.lang}”（--lang must be zh or en）`,
      },
      true,
    );
  }
  const [command, ...rest] = positionals;
  if (values.help) {
    return { kind: 'help', lang, topic: command === 'check' || command === 'import' ? command : 'main' };
  }
  if (values.version) return { kind: 'version' };
  if (command === undefined) {
    throw new UsageError(
      { en: 'missing command: outturn check FILE', zh: '缺少命令：outturn check 文件' },
      true,
    );
  }
  if (command !== 'check' && command !== 'import') {
    throw new UsageError({ en: `unknown command "${command}"`, zh: `未知命令“${command}”` }, true);
  }
  if (rest.length === 0 || rest.includes('')) {
    throw new UsageError(
      { en: `missing FILE: outturn ${command} FILE`, zh: `缺少文件：outturn ${command} 文件` },
      true,
    );
  }
  const from = values.from === undefined ? undefined : oneOf(values.from, FROM, 'csv');
  if (from === null) {
    throw new UsageError(
      {
        en: `--from must be csv, xlsx or text, not "${values.from}"`,
        zh: `--from 应为 csv、xlsx 或 text，而不是“${values.from}”`,
      },
      true,
    );
  }
  if (values.sheet === '') {
    throw new UsageError({ en: '--sheet needs a sheet name', zh: '--sheet 需要工作表名称' }, true);
  }
  const table: TableArgs = {
    files: rest,
    from,
    sheet: values.sheet,
  };
  if (command === 'import') {
    for (const opt of ['format', 'fail-on', 'profile'] as const) {
      if (values[opt] !== undefined) {
        throw new UsageError(
          { en: `--${opt} applies to check, not to import`, zh: `--${opt} 只用于 check，不用于 import` },
          true,
        );
      }
    }
    return { kind: 'import', lang, ...table };
  }
  const format = oneOf(values.format, FORMATS, 'text');
  if (format === null) {
    throw new UsageError(
      {
        en: `--format must be text, json or markdown, not "${values.format}"`,
        zh: `--format 应为 text、json 或 markdown，而不是“${values.format}”`,
      },
      true,
    );
  }
  const failOn = oneOf(values['fail-on'], FAIL_ON, 'error');
  if (failOn === null) {
    throw new UsageError(
      {
        en: `--fail-on must be error, warning, info or never, not "${values['fail-on']}"`,
        zh: `--fail-on 应为 error、warning、info 或 never，而不是“${values['fail-on']}”`,
      },
      true,
    );
  }
  if (values.profile === '') {
    throw new UsageError(
      { en: '--profile needs a NAME or a FILE.json', zh: '--profile 需要方案名称或 JSON 文件' },
      true,
    );
  }
  return { kind: 'check', format, lang, failOn, profile: values.profile, ...table };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      lang: { type: 'string' },
      'fail-on': { type: 'string' },
      profile: { type: 'string' },
      from: { type: 'string' },
      sheet: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** Turns an error of `parseArgs` into a one-line usage error in both languages. */
function argumentError(e: unknown): UsageError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const opt = quoted ?? '';
    return new UsageError({ en: `unknown option "${opt}"`, zh: `未知选项“${opt}”` }, true);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const opt = /(--[a-z-]+)/.exec(message)?.[1] ?? quoted ?? '';
    const needsValue = /argument missing|requires an argument|<value>/i.test(message);
    return new UsageError(
      needsValue
        ? { en: `option "${opt}" needs a value`, zh: `选项“${opt}”需要一个值` }
        : { en: `option "${opt}" takes no value`, zh: `选项“${opt}”不接受值` },
      true,
    );
  }
  const first = message.split('\n')[0] ?? message;
  return new UsageError({ en: first, zh: `参数错误：${first}` }, true);
}

// ---------------------------------------------------------------------------------------------
// Reading the file

/** Reads FILE's bytes; UsageError when it cannot be read. */
async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UsageError({ en: `cannot read ${file}: no such file`, zh: `无法读取 ${file}：文件不存在` });
    }
    if (code === 'EISDIR') {
      throw new UsageError({ en: `${file} is a directory, not a file`, zh: `${file} 是目录，不是文件` });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UsageError({
        en: `cannot read ${file}: permission denied`,
        zh: `无法读取 ${file}：没有读取权限`,
      });
    }
    const detail = code || (e instanceof Error ? e.message : String(e));
    throw new UsageError({ en: `cannot read ${file}: ${detail}`, zh: `无法读取 ${file}：${detail}` });
  }
}

/**
 * Whether FILE is a report JSON rather than tables: a `.json` name, or text (not a zip
 * archive) whose first character is `{` or `[`. `--from` means tables.
 */
function isJsonInput(file: string, bytes: Uint8Array, from: ImportFormat | undefined): boolean {
  if (from !== undefined) return false;
  if (extname(file).toLowerCase() === '.json') return true;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return false; // .xlsx (zip)
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/** Parses FILE's bytes as UTF-8 JSON (a BOM is stripped); UsageError otherwise. */
function parseJsonBytes(file: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    // A UTF-8 byte order mark is stripped (ignoreBOM: false).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError({
      en: `${file} is not UTF-8 text (GBK or UTF-16? save it as UTF-8)`,
      zh: `${file} 不是 UTF-8 编码的文本（可能是 GBK 或 UTF-16，请另存为 UTF-8）`,
    });
  }
  if (text.trim() === '') {
    throw new UsageError({ en: `${file} is empty`, zh: `${file} 是空文件` });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw jsonError(file, text, e);
  }
}

function jsonError(file: string, text: string, e: unknown): UsageError {
  const message = e instanceof Error ? e.message : '';
  const pos = jsonErrorPosition(text, message);
  if (pos === null) {
    return new UsageError({ en: `${file} is not valid JSON`, zh: `${file} 不是有效的 JSON` });
  }
  const { line, column } = lineColumn(text, pos);
  if (pos >= text.length) {
    return new UsageError({
      en: `${file} is not valid JSON: unexpected end of file at line ${line}, column ${column}`,
      zh: `${file} 不是有效的 JSON：第 ${line} 行第 ${column} 列文件意外结束`,
    });
  }
  const cp = text.codePointAt(pos) ?? 0;
  const shown =
    cp < 0x20 || cp === 0x7f
      ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
      : String.fromCodePoint(cp);
  return new UsageError({
    en: `${file} is not valid JSON: unexpected "${shown}" at line ${line}, column ${column}`,
    zh: `${file} 不是有效的 JSON：第 ${line} 行第 ${column} 列有误（“${shown}”）`,
  });
}

/**
 * Offset (UTF-16 code units) of a JSON syntax error: from the engine's message when it says
 * `position N` (or `line L column C`), else found by scanning, else null.
 */
export function jsonErrorPosition(text: string, message: string): number | null {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  const p = /at position (\d+)/.exec(message);
  if (p?.[1] !== undefined) {
    const n = Number(p[1]);
    if (Number.isSafeInteger(n) && n >= 0 && n <= text.length) return n;
  }
  if (lc?.[1] !== undefined && lc[2] !== undefined) {
    const line = Number(lc[1]);
    const column = Number(lc[2]);
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) return null;
      offset = nl + 1;
    }
    return Math.min(offset + column - 1, text.length);
  }
  if (/end of JSON input/i.test(message)) return text.length;
  try {
    return scanJson(text);
  } catch {
    return null; // nested too deep to scan
  }
}

/** 1-based line and column (in characters) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: [...last].length + 1 };
}

/** Offset of the first JSON syntax error in `text`, or null when it is valid JSON. */
function scanJson(text: string): number | null {
  let i = 0;
  const WS = ' \t\n\r';
  const skip = () => {
    while (i < text.length && WS.includes(text[i] as string)) i++;
  };
  // Each returns false at the offending offset i.
  const literal = (word: string): boolean => {
    for (const ch of word) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const n = text[i + 1];
        if (n === undefined) {
          i++;
          return false;
        }
        if ('"\\/bfnrt'.includes(n)) i += 2;
        else if (n === 'u') {
          for (let k = 2; k < 6; k++) {
            if (!/[0-9a-f]/i.test(text[i + k] ?? '')) {
              i += k;
              return false;
            }
          }
          i += 6;
        } else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const digits = (): boolean => {
    const start = i;
    while (i < text.length && /\d/.test(text[i] as string)) i++;
    return i > start;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  const value = (): boolean => {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return true;
      }
      for (;;) {
        skip();
        if (text[i] !== '"' || !string()) return false;
        skip();
        if (text[i] !== ':') return false;
        i++;
        if (!value()) return false;
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return true;
        }
        return false;
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return true;
      }
      for (;;) {
        if (!value()) return false;
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return true;
        }
        return false;
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && /\d/.test(c))) return number();
    return false;
  };
  if (!value()) return Math.min(i, text.length);
  skip();
  return i < text.length ? i : null;
}

// ---------------------------------------------------------------------------------------------
// Main

function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold: Severity = failOn;
  return findings.some((f) => atLeast(f.severity, threshold));
}

/**
 * Imports table files (CSV, .xlsx, PDF text) into one report; prints what was not placed and
 * the notes on stderr. UsageError when nothing could be imported.
 */
async function importTables(
  files: readonly { readonly file: string; readonly bytes: Uint8Array }[],
  args: TableArgs,
  lang: Lang,
  io: CliIO,
): Promise<ImportSuccess> {
  const { importFiles, formatLocation } = await import('./import/index.js');
  const result = await importFiles(
    files.map((f) => ({ bytes: f.bytes, fileName: files.length > 1 ? basename(f.file) : f.file })),
    { from: args.from, sheet: args.sheet },
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
  return `outturn: ${label}${sep}${where}${sep}${oneLine(reason)}${preview}\n`;
}

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

async function readAll(files: readonly string[]): Promise<{ file: string; bytes: Uint8Array }[]> {
  const out: { file: string; bytes: Uint8Array }[] = [];
  for (const file of files) out.push({ file, bytes: await readBytes(file) });
  return out;
}

async function importCommand(args: ImportArgs, io: CliIO): Promise<number> {
  const result = await importTables(await readAll(args.files), args, args.lang, io);
  io.stdout(`${JSON.stringify(result.report, null, 2)}\n`);
  return EXIT.ok;
}

async function check(args: CheckArgs, io: CliIO): Promise<number> {
  const files = await readAll(args.files);
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
  const first = files[0] as { file: string; bytes: Uint8Array };
  const shownFile = args.files.join(' + ');
  const report =
    json.length > 0
      ? parseJsonBytes(first.file, first.bytes)
      : (await importTables(files, args, args.lang, io)).report;
  const scoring = await resolveProfile(args.profile);
  // A report of the usual shape skips loading outturn/schema (zod doubles the start-up time):
  // isWellFormedReport only says yes when checkReport would accept the report unchanged.
  const result = isWellFormedReport(report)
    ? validateReport(report as Report, { scoring })
    : (await import('outturn/schema')).checkReport(report, { scoring });
  const input: RenderInput = { file: shownFile, result };
  if (args.format === 'json') io.stdout(renderJson(input.result, args.lang));
  else if (args.format === 'markdown') io.stdout(renderMarkdown(input, { lang: args.lang }));
  else {
    const noColor = (io.env.NO_COLOR ?? '') !== '';
    const width = io.isTTY && io.columns !== undefined && io.columns >= 60 ? Math.min(io.columns, 160) : 80;
    io.stdout(renderText(input, { lang: args.lang, color: io.isTTY && !noColor, width }));
  }
  return fails(input.result.findings, args.failOn) ? EXIT.findings : EXIT.ok;
}

/** The scoring profile of `--profile NAME` or `--profile FILE.json` (UsageError when unusable). */
async function resolveProfile(name: string | undefined): Promise<ScoringProfile> {
  if (name === undefined) return SCORING_PROFILES.default;
  const shipped = profileNamed(name);
  if (shipped !== null) return shipped;
  if (!name.toLowerCase().endsWith('.json')) {
    const names = PROFILE_NAMES.join(', ');
    throw new UsageError(
      {
        en: `--profile "${name}" is neither a profile (${names}) nor a .json file`,
        zh: `--profile“${name}”既不是内置方案（${names}）也不是 .json 文件`,
      },
      true,
    );
  }
  const json = parseJsonBytes(name, await readBytes(name));
  const r = parseScoringProfile(json);
  if (!r.ok) throw new UsageError({ en: `${name}: ${r.message.en}`, zh: `${name}：${r.message.zh}` });
  return r.profile;
}

/**
 * Runs the command with `argv` (without `node` and the script) and returns the exit code.
 * Never throws: usage errors and unreadable input give 2, an internal error 3, each with one
 * line on stderr and no stack trace.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const lang = langOf(argv);
  const hint = lang === 'zh' ? '运行 outturn --help 查看用法' : "run 'outturn --help' for usage";
  try {
    const command = parseCommand(argv, lang);
    switch (command.kind) {
      case 'help':
        io.stdout(
          command.topic === 'check'
            ? checkHelpText(command.lang, version())
            : command.topic === 'import'
              ? importHelpText(command.lang, version())
              : helpText(command.lang, version()),
        );
        return EXIT.ok;
      case 'version':
        io.stdout(`${version()}\n`);
        return EXIT.ok;
      case 'check':
        return await check(command, io);
      case 'import':
        return await importCommand(command, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const sep = lang === 'zh' ? '；' : '; ';
      io.stderr(`outturn: ${oneLine(e.text[lang])}${e.hint ? `${sep}${hint}` : ''}\n`);
      return EXIT.usage;
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.stderr(`outturn: internal error: ${oneLine(message)}\n`);
    return EXIT.internal;
  }
}
