/**
 * The arguments of the command line: argv to a {@link Command}, or a {@link UsageError}. The
 * options, their kinds and their allowed values come from the table in options.ts, which the
 * help is generated from too.
 *
 * @internal
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Lang } from 'outturn';
import { type Localized, UsageError } from './errors.js';
import type { ImportFormat } from './import/types.js';
import {
  type BandEnds,
  type CommandName,
  type FailOn,
  type Format,
  type FromFormat,
  OPTIONS,
  type OptionName,
  optionNamed,
  type ScalingBase,
} from './options.js';
import { listOf } from './text.js';

/** Arguments of a command that reads table files. */
export interface TableArgs {
  readonly files: readonly string[];
  readonly from: ImportFormat | undefined;
  readonly sheet: string | undefined;
  /** The most bytes a file may have (`--max-bytes`; default 100 MiB). */
  readonly maxBytes: number;
}

/** Arguments of `outturn check`. */
export interface CheckArgs extends TableArgs {
  readonly format: Format;
  readonly lang: Lang;
  readonly failOn: FailOn;
  /** A shipped profile's name or a profile JSON file; undefined: the default profile. */
  readonly profile: string | undefined;
  /** `--output FILE` / `-o FILE`: where the output goes instead of stdout (undefined: stdout). */
  readonly output: string | undefined;
  /** `--summary`: several reports give only the summary table. */
  readonly summary: boolean;
}

/** Arguments of `outturn import`. */
export interface ImportArgs extends TableArgs {
  readonly lang: Lang;
}

/** Arguments of `outturn pefa`. */
export interface PefaArgs extends TableArgs {
  readonly format: Format;
  readonly lang: Lang;
  readonly failOn: FailOn;
  readonly bandEnds: BandEnds;
  readonly scalingBase: ScalingBase;
}

/** What the command line asks for. */
export type Command =
  | { readonly kind: 'help'; readonly lang: Lang; readonly topic: 'main' | CommandName }
  | { readonly kind: 'version' }
  | ({ readonly kind: 'check' } & CheckArgs)
  | ({ readonly kind: 'import' } & ImportArgs)
  | ({ readonly kind: 'pefa' } & PefaArgs);

/**
 * The language asked for, read before the arguments are parsed so that even an argument
 * error is reported in it. Default zh.
 */
export function langOf(argv: readonly string[]): Lang {
  let lang: Lang = 'zh';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a?.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === 'zh' || v === 'en') lang = v;
  }
  return lang;
}

type Values = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** `parseArgs`' configuration of the options in the table. */
const PARSE_OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  OPTIONS.map((o) => [
    o.name,
    {
      type: o.kind === 'flag' ? 'boolean' : 'string',
      ...(o.kind !== 'choice' && o.short !== undefined ? { short: o.short } : {}),
    },
  ]),
);

function stringValue(values: Values, name: OptionName): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The value of a choice option, its default when it is not given; UsageError when not allowed. */
function choice<T extends string>(values: Values, name: OptionName): T | undefined {
  const option = optionNamed(name);
  if (option.kind !== 'choice') throw new Error(`--${name} is not a choice option`); // a bug, not a usage error
  const value = stringValue(values, name);
  if (value === undefined) return option.default as T | undefined;
  const names = option.values.map((v) => v.name);
  if (names.includes(value)) return value as T;
  const en = `--${name} must be ${listOf(names, 'en')}`;
  const zh = `--${name} 应为 ${listOf(names, 'zh')}`;
  const both = option.bilingualError === true;
  throw new UsageError(
    {
      en: `${en}, not "${value}"${both ? ` (${zh})` : ''}`,
      zh: `${zh}，而不是“${value}”${both ? `（${en}）` : ''}`,
    },
    true,
  );
}

/** The value of a free option; UsageError when it is given empty. */
function text(values: Values, name: OptionName): string | undefined {
  const option = optionNamed(name);
  const value = stringValue(values, name);
  if (value === '' && option.kind === 'string') {
    throw new UsageError(
      { en: `--${name} needs ${option.needs.en}`, zh: `--${name} 需要${option.needs.zh}` },
      true,
    );
  }
  return value;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * The value of a byte-count option (`--max-bytes 5000000`, `50M`, `2G`: binary multiples), its
 * default when it is not given; UsageError when it is not a positive whole number of bytes.
 */
function byteCount(values: Values, name: OptionName): number {
  const option = optionNamed(name);
  const value = stringValue(values, name) ?? (option.kind === 'string' ? option.default : undefined) ?? '';
  const m = /^(\d{1,16})([kmg]?)(?:i?b)?$/i.exec(value.trim());
  const n = m === null ? Number.NaN : Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? Number.NaN);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new UsageError(
      {
        en: `--${name} must be a positive number of bytes (such as 5000000, 50M or 2G), not "${value}"`,
        zh: `--${name} 应为正的字节数（如 5000000、50M 或 2G），而不是“${value}”`,
      },
      true,
    );
  }
  return n;
}

/** Rejects the options given that `command` does not take. */
function rejectForeign(values: Values, command: CommandName): void {
  for (const option of OPTIONS) {
    const { commands } = option;
    if (values[option.name] === undefined || commands === 'any' || commands.includes(command)) continue;
    const takers = commands.join(' and ');
    const takersZh = commands.join(' 和 ');
    throw new UsageError(
      {
        en: `--${option.name} applies to ${takers}, not to ${command}`,
        zh: `--${option.name} 只用于 ${takersZh}，不用于 ${command}`,
      },
      true,
    );
  }
}

/** The command `argv` asks for (arguments without `node` and the script); UsageError otherwise. */
export function parseCommand(argv: readonly string[], lang: Lang): Command {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: PARSE_OPTIONS });
  } catch (e) {
    throw argumentError(e);
  }
  const { values, positionals } = parsed;
  choice<Lang>(values, 'lang'); // an unknown language is an error even before --help
  const [command, ...rest] = positionals;
  if (values.help === true) {
    return { kind: 'help', lang, topic: isCommand(command) ? command : 'main' };
  }
  if (values.version === true) return { kind: 'version' };
  if (command === undefined) {
    throw new UsageError(
      { en: 'missing command: outturn check FILE', zh: '缺少命令：outturn check 文件' },
      true,
    );
  }
  if (!isCommand(command)) {
    throw new UsageError({ en: `unknown command "${command}"`, zh: `未知命令“${command}”` }, true);
  }
  if (rest.length === 0 || rest.includes('')) {
    throw new UsageError(
      { en: `missing FILE: outturn ${command} FILE`, zh: `缺少文件：outturn ${command} 文件` },
      true,
    );
  }
  const table: TableArgs = {
    files: rest,
    from: choice<FromFormat>(values, 'from'),
    sheet: text(values, 'sheet'),
    maxBytes: byteCount(values, 'max-bytes'),
  };
  rejectForeign(values, command);
  if (command === 'import') return { kind: 'import', lang, ...table };
  if (command === 'pefa') {
    if (choice<Format>(values, 'format') === 'ndjson') {
      throw new UsageError(
        {
          en: '--format ndjson applies to check, not to pefa (one dataset: use --format json)',
          zh: '--format ndjson 只用于 check，不用于 pefa（一个数据集：请用 --format json）',
        },
        true,
      );
    }
    return {
      kind: 'pefa',
      format: choice<Format>(values, 'format') ?? 'text',
      lang,
      failOn: choice<FailOn>(values, 'fail-on') ?? 'error',
      bandEnds: choice<BandEnds>(values, 'band-ends') ?? 'inclusive',
      scalingBase: choice<ScalingBase>(values, 'scaling-base') ?? 'dimension',
      ...table,
    };
  }
  return {
    kind: 'check',
    format: choice<Format>(values, 'format') ?? 'text',
    lang,
    failOn: choice<FailOn>(values, 'fail-on') ?? 'error',
    profile: text(values, 'profile'),
    output: text(values, 'output'),
    summary: values.summary === true,
    ...table,
  };
}

const COMMANDS: readonly CommandName[] = ['check', 'import', 'pefa'];

function isCommand(name: string | undefined): name is CommandName {
  return COMMANDS.some((c) => c === name);
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
    const text: Localized = needsValue
      ? { en: `option "${opt}" needs a value`, zh: `选项“${opt}”需要一个值` }
      : { en: `option "${opt}" takes no value`, zh: `选项“${opt}”不接受值` };
    return new UsageError(text, true);
  }
  const first = message.split('\n')[0] ?? message;
  return new UsageError({ en: first, zh: `参数错误：${first}` }, true);
}
