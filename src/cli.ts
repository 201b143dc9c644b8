/**
 * The `outturn` command: `outturn check FILE [--format text|json|markdown] [--lang zh|en]
 * [--fail-on error|warning|info|never]`.
 *
 * A thin layer: parse the arguments, read the file, `parseReport`, `validateReport`, print,
 * exit. Exit codes: 0 no finding at or above `--fail-on`; 1 such findings; 2 usage error or
 * unreadable input (one line on stderr); 3 internal error (a bug: one line on stderr).
 *
 * @internal
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import {
  atLeast,
  type Finding,
  type Lang,
  type Severity,
  summarize,
  type ValidationResult,
  validateReport,
} from './index.js';
import { type RenderInput, renderJson, renderMarkdown, renderText } from './render.js';
import { parseReport } from './schema.js';

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
  outturn check FILE [options]   check a report (JSON) figure by figure
  outturn check --help           help on check: report format and outputs
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
  -h, --help                     show help
  -v, --version                  show the version

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, or FILE cannot be read: missing, a directory, no permission,
     empty, not UTF-8, not JSON (with line and column)
  3  internal error (a bug in outturn: please report it)

Colours are used only when stdout is a terminal and NO_COLOR is not set.
`;
  }
  return `outturn ${v}：预算绩效自评报告的精确复核工具

用法：
  outturn check 文件 [选项]      逐项复核一份报告（JSON）中的数字
  outturn check --help           check 的帮助：报告格式与输出格式
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
  -h, --help                     显示帮助
  -v, --version                  显示版本号

退出码：
  0  没有达到 --fail-on 级别的问题
  1  至少有一个达到 --fail-on 级别的问题
  2  用法错误，或无法读取文件：不存在、是目录、无权限、空文件、
     不是 UTF-8 编码、不是有效的 JSON（给出行号和列号）
  3  内部错误（outturn 自身的缺陷，请报告）

仅当标准输出是终端且未设置 NO_COLOR 时才使用颜色。
`;
}

function checkHelpText(lang: Lang, v: string): string {
  if (lang === 'en') {
    return `outturn ${v}

Usage: outturn check FILE [--format text|json|markdown] [--lang zh|en]
                          [--fail-on error|warning|info|never]

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
  -h, --help                     show this help

Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage error
or unreadable FILE; 3 internal error.
Example: outturn check report.json --format markdown --lang en > memo.md
`;
  }
  return `outturn ${v}

用法：outturn check 文件 [--format text|json|markdown] [--lang zh|en]
                         [--fail-on error|warning|info|never]

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
  -h, --help                     显示本帮助

退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法错误或无法读取文件；
3 内部错误。
示例：outturn check report.json --format markdown > 底稿.md
`;
}

// ---------------------------------------------------------------------------------------------
// Arguments

interface CheckArgs {
  readonly file: string;
  readonly format: Format;
  readonly lang: Lang;
  readonly failOn: FailOn;
}

type Command =
  | { readonly kind: 'help'; readonly lang: Lang; readonly check: boolean }
  | { readonly kind: 'version' }
  | ({ readonly kind: 'check' } & CheckArgs);

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
  if (values.help) return { kind: 'help', lang, check: command === 'check' };
  if (values.version) return { kind: 'version' };
  if (command === undefined) {
    throw new UsageError(
      { en: 'missing command: outturn check FILE', zh: '缺少命令：outturn check 文件' },
      true,
    );
  }
  if (command !== 'check') {
    throw new UsageError({ en: `unknown command "${command}"`, zh: `未知命令“${command}”` }, true);
  }
  const [file, ...extra] = rest;
  if (file === undefined || file === '') {
    throw new UsageError(
      { en: 'missing FILE: outturn check FILE', zh: '缺少文件：outturn check 文件' },
      true,
    );
  }
  if (extra.length > 0) {
    throw new UsageError(
      {
        en: `one FILE at a time, got also "${extra[0]}"`,
        zh: `一次只能检查一个文件，多余的参数“${extra[0]}”`,
      },
      true,
    );
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
  return { kind: 'check', file, format, lang, failOn };
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

/** Reads FILE as UTF-8 text (a BOM is stripped) and parses it as JSON; UsageError otherwise. */
async function readJson(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
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
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
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
    while (i < text.length && /[0-9]/.test(text[i] as string)) i++;
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
    if (c === '-' || (c !== undefined && /[0-9]/.test(c))) return number();
    return false;
  };
  if (!value()) return Math.min(i, text.length);
  skip();
  return i < text.length ? i : null;
}

// ---------------------------------------------------------------------------------------------
// Main

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function emptyResult(findings: readonly Finding[]): ValidationResult {
  return {
    findings,
    summary: summarize(findings),
    budget: [],
    indicators: [],
    crossChecks: [],
    totalScore: null,
    grade: null,
  };
}

function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold: Severity = failOn;
  return findings.some((f) => atLeast(f.severity, threshold));
}

async function check(args: CheckArgs, io: CliIO): Promise<number> {
  const json = await readJson(args.file);
  const parsed = parseReport(json);
  const input: RenderInput = parsed.ok
    ? { file: args.file, report: parsed.report, result: validateReport(parsed.report) }
    : { file: args.file, report: null, result: emptyResult(parsed.findings) };
  if (args.format === 'json') io.stdout(renderJson(input.result, args.lang));
  else if (args.format === 'markdown') io.stdout(renderMarkdown(input, { lang: args.lang }));
  else {
    const noColor = (io.env.NO_COLOR ?? '') !== '';
    const width = io.isTTY && io.columns !== undefined && io.columns >= 60 ? Math.min(io.columns, 160) : 80;
    io.stdout(renderText(input, { lang: args.lang, color: io.isTTY && !noColor, width }));
  }
  return fails(input.result.findings, args.failOn) ? EXIT.findings : EXIT.ok;
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
        io.stdout(command.check ? checkHelpText(command.lang, version()) : helpText(command.lang, version()));
        return EXIT.ok;
      case 'version':
        io.stdout(`${version()}\n`);
        return EXIT.ok;
      case 'check':
        return await check(command, io);
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

function nodeIO(): CliIO {
  // A closed pipe (`outturn check … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`outturn: cannot write output: ${oneLine(e.message)}\n`);
    process.exit(EXIT.internal);
  });
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
  };
}

process.exitCode = await main(process.argv.slice(2), nodeIO());
