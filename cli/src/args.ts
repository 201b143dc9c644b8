/**
 * The arguments of the command line: argv to a {@link Command}, or a {@link UsageError}. The
 * options, their kinds and their allowed values come from the table in options.ts, which the
 * help is generated from too.
 *
 * @internal
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Lang } from 'outturn';
import type { Config } from './config.js';
import type { ColorFlag, Env } from './env.js';
import { langOfEnv } from './env.js';
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
  takes,
} from './options.js';
import { mergedRules, type RuleSettings, rulesOfFlags } from './rule-settings.js';
import { listOf, nearest } from './text.js';

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
  /** `--quiet`: only the errors are listed. */
  readonly quiet: boolean;
  /** `--max-warnings N`: exit 1 when there are more than N warnings; undefined: no limit. */
  readonly maxWarnings: number | undefined;
  /** `--verbose`: every info finding listed, none collapsed by code. */
  readonly verbose: boolean;
  /** `--color` / `--no-color`, the last one given; undefined: the environment decides. */
  readonly color: ColorFlag;
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
  /** `--color` / `--no-color`, the last one given; undefined: the environment decides. */
  readonly color: ColorFlag;
}

/** Arguments of `outturn review`: those of check that a target table has, and the rules. */
export interface ReviewArgs extends TableArgs {
  readonly format: Format;
  readonly lang: Lang;
  readonly failOn: FailOn;
  /** `--color` / `--no-color`, the last one given; undefined: the environment decides. */
  readonly color: ColorFlag;
  /** `--quiet`: only the errors are listed. */
  readonly quiet: boolean;
  /** `--max-warnings N`: exit 1 when there are more than N warnings; undefined: no limit. */
  readonly maxWarnings: number | undefined;
  /** `--output FILE` / `-o FILE`: where the output goes instead of stdout (undefined: stdout). */
  readonly output: string | undefined;
  /** `--summary`: several tables give only the summary table. */
  readonly summary: boolean;
  /** The settings of the review rules: the config file's `review.rules`, then `--rule` over them. */
  readonly rules: RuleSettings;
}

/** Arguments of `outturn web`. */
export interface WebArgs {
  readonly lang: Lang;
  /** Where to write the page. */
  readonly out: string;
}

/** What the command line asks for. */
export type Command =
  | { readonly kind: 'help'; readonly lang: Lang; readonly topic: 'main' | CommandName }
  | { readonly kind: 'version' }
  | ({ readonly kind: 'check' } & CheckArgs)
  | ({ readonly kind: 'import' } & ImportArgs)
  | ({ readonly kind: 'pefa' } & PefaArgs)
  | ({ readonly kind: 'web' } & WebArgs)
  | ({ readonly kind: 'review' } & ReviewArgs);

/**
 * The language `--lang` asks for, read before the arguments are parsed so that even an argument
 * error is reported in it; undefined when no valid `--lang` is given.
 */
export function langOfArgv(argv: readonly string[]): Lang | undefined {
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a?.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === 'zh' || v === 'en') lang = v;
  }
  return lang;
}

/**
 * The language of the command: `--lang`, else the config file's `lang`, else the first of
 * `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (zh* → zh, any other value → en), else zh.
 */
export function langOf(argv: readonly string[], env: Env = {}, config: Config | null = null): Lang {
  const fromConfig = config?.values.lang;
  return (
    langOfArgv(argv) ??
    (fromConfig === 'zh' || fromConfig === 'en' ? fromConfig : undefined) ??
    langOfEnv(env) ??
    'zh'
  );
}

/** `-V`, the spelling of eslint, prettier and node, read as `--version` (`-v` is it too). */
function normalized(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((a, i) => (a === '-V' && (end < 0 || i < end) ? '--version' : a));
}

/** Which of `--color` and `--no-color` was given last; undefined when neither was. */
function colorFlag(argv: readonly string[]): ColorFlag {
  let flag: ColorFlag;
  for (const a of argv) {
    if (a === '--') break;
    if (a === '--color') flag = 'always';
    else if (a === '--no-color') flag = 'never';
  }
  return flag;
}

type Values = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** `parseArgs`' configuration of the options in the table. */
const PARSE_OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  OPTIONS.map((o) => [
    o.name,
    {
      type: o.kind === 'flag' ? 'boolean' : 'string',
      ...(o.kind !== 'choice' && o.short !== undefined ? { short: o.short } : {}),
      ...(o.kind === 'string' && o.multiple === true ? { multiple: true } : {}),
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
  const near = nearest(value, names);
  const en = `--${name} must be ${listOf(names, 'en')}`;
  const zh = `--${name} 应为 ${listOf(names, 'zh')}`;
  const nearEn = near === undefined ? '' : `; did you mean ${near}?`;
  const nearZh = near === undefined ? '' : `，是否应为 ${near}？`;
  const both = option.bilingualError === true;
  throw new UsageError(
    {
      en: `${en}, not "${value}"${nearEn}${both ? ` (${zh})` : ''}`,
      zh: `${zh}，而不是“${value}”${nearZh}${both ? `（${en}）` : ''}`,
    },
    near === undefined,
  );
}

/**
 * The value of `--max-warnings`: a whole number of warnings, or -1 (eslint's spelling of no
 * limit) and absent, which give undefined; UsageError otherwise.
 */
function warningLimit(values: Values): number | undefined {
  const value = stringValue(values, 'max-warnings');
  if (value === undefined || value.trim() === '-1') return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) {
    throw new UsageError(
      {
        en: `--max-warnings must be a whole number of warnings (0 or more, or -1 for no limit), not "${value}"`,
        zh: `--max-warnings 应为警告数（0 或正整数，-1 表示不限），而不是“${value}”`,
      },
      true,
    );
  }
  return Number(value.trim());
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
    // `check`, `check and pefa`, `check, pefa and review`.
    const takers =
      commands.length > 2
        ? `${commands.slice(0, -1).join(', ')} and ${commands.at(-1)}`
        : commands.join(' and ');
    const takersZh =
      commands.length > 2
        ? `${commands.slice(0, -1).join('、')} 和 ${commands.at(-1)}`
        : commands.join(' 和 ');
    throw new UsageError(
      {
        en: `--${option.name} applies to ${takers}, not to ${command}`,
        zh: `--${option.name} 只用于 ${takersZh}，不用于 ${command}`,
      },
      true,
    );
  }
}

/** The values given, with those of the config file for the options given neither way that `command` takes. */
function withConfig(values: Values, command: CommandName, config: Config | null): Values {
  if (config === null) return values;
  const merged: Record<string, Values[string]> = { ...values };
  for (const [key, value] of Object.entries(config.values)) {
    if (key === 'lang' || merged[key] !== undefined || !takes(command, optionNamed(key as OptionName)))
      continue;
    merged[key] = value;
  }
  return merged;
}

/**
 * The command `argv` asks for (arguments without `node` and the script), with the settings of
 * the config file for what the command line does not say; UsageError otherwise.
 */
export function parseCommand(argv: readonly string[], lang: Lang, config: Config | null = null): Command {
  let parsed: { values: Values; positionals: string[] };
  const args = normalized(argv);
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: PARSE_OPTIONS });
  } catch (e) {
    throw argumentError(e);
  }
  const { positionals } = parsed;
  choice<Lang>(parsed.values, 'lang'); // an unknown language is an error even before --help
  const [first, ...afterFirst] = positionals;
  // `outturn help [COMMAND]` and `outturn version`, as git and npm spell them.
  if (first === 'help') {
    const [topic, ...more] = afterFirst;
    if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic);
    if (more.length > 0) throw extraArgument(more[0] ?? '');
    return { kind: 'help', lang, topic: topic ?? 'main' };
  }
  if (first === 'version') {
    if (afterFirst.length > 0) throw extraArgument(afterFirst[0] ?? '');
    return { kind: 'version' };
  }
  const command = first;
  const rest = afterFirst;
  if (parsed.values.help === true) {
    return { kind: 'help', lang, topic: isCommand(command) ? command : 'main' };
  }
  if (parsed.values.version === true) return { kind: 'version' };
  if (command === undefined) {
    throw new UsageError(
      { en: 'missing command: outturn check FILE', zh: '缺少命令：outturn check 文件' },
      true,
    );
  }
  if (!isCommand(command)) throw unknownCommand(command);
  rejectForeign(parsed.values, command);
  const values = withConfig(parsed.values, command, config);
  if (command === 'web') {
    if (rest.length > 0) {
      throw new UsageError(
        {
          en: `outturn web takes no FILE, got "${rest[0] ?? ''}"`,
          zh: `outturn web 不接受文件参数“${rest[0] ?? ''}”`,
        },
        true,
      );
    }
    const out = text(values, 'out');
    if (out === undefined) {
      throw new UsageError(
        { en: 'missing --out: outturn web --out FILE.html', zh: '缺少 --out：outturn web --out 文件.html' },
        true,
      );
    }
    return { kind: 'web', lang, out };
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
  const color = colorFlag(args);
  if (command === 'import') return { kind: 'import', lang, ...table };
  if (command === 'pefa') {
    const f = choice<Format>(values, 'format');
    if (f === 'ndjson' || f === 'html' || f === 'xlsx' || f === 'csv') {
      throw new UsageError(
        {
          en: `--format ${f} applies to check and review, not to ${command} (${command} writes text, json or markdown)`,
          zh: `--format ${f} 只用于 check 和 review，不用于 ${command}（${command} 输出 text、json 或 markdown）`,
        },
        true,
      );
    }
  }
  if (command === 'review') {
    const flags = values.rule;
    return {
      kind: 'review',
      format: choice<Format>(values, 'format') ?? 'text',
      lang,
      failOn: choice<FailOn>(values, 'fail-on') ?? 'error',
      color,
      quiet: values.quiet === true,
      maxWarnings: warningLimit(values),
      output: text(values, 'output'),
      summary: values.summary === true,
      rules: mergedRules(
        config?.rules,
        rulesOfFlags(Array.isArray(flags) ? flags.filter((f) => typeof f === 'string') : []),
      ),
      ...table,
    };
  }
  if (command === 'pefa') {
    return {
      kind: 'pefa',
      format: choice<Format>(values, 'format') ?? 'text',
      lang,
      failOn: choice<FailOn>(values, 'fail-on') ?? 'error',
      bandEnds: choice<BandEnds>(values, 'band-ends') ?? 'inclusive',
      scalingBase: choice<ScalingBase>(values, 'scaling-base') ?? 'dimension',
      color,
      ...table,
    };
  }
  return {
    kind: 'check',
    format: choice<Format>(values, 'format') ?? 'text',
    lang,
    failOn: choice<FailOn>(values, 'fail-on') ?? 'error',
    profile: text(values, 'profile'),
    quiet: values.quiet === true,
    maxWarnings: warningLimit(values),
    verbose: values.verbose === true,
    color,
    output: text(values, 'output'),
    summary: values.summary === true,
    ...table,
  };
}

const COMMANDS: readonly CommandName[] = ['check', 'import', 'pefa', 'review', 'web'];
/** What may stand where a command does: the commands, and `help` and `version`. */
const COMMAND_WORDS: readonly string[] = [...COMMANDS, 'help', 'version'];

/** An unknown command, with the nearest known one when it is a likely typo. */
function unknownCommand(command: string): UsageError {
  const near = nearest(command, COMMAND_WORDS);
  return new UsageError(
    {
      en: `unknown command "${command}"${near === undefined ? '' : `; did you mean ${near}?`}`,
      zh: `未知命令“${command}”${near === undefined ? '' : `，是否应为 ${near}？`}`,
    },
    near === undefined,
  );
}

function extraArgument(arg: string): UsageError {
  return new UsageError({ en: `unexpected argument "${arg}"`, zh: `多余的参数“${arg}”` }, true);
}

/** The spellings of every option: `--format`, and `-h` for those with one letter. */
const OPTION_WORDS: readonly string[] = OPTIONS.flatMap((o) => [
  `--${o.name}`,
  ...(o.kind === 'flag' && o.short !== undefined ? [`-${o.short}`] : []),
]);

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
    const near = opt.startsWith('--') ? nearest(opt.split('=')[0] ?? opt, OPTION_WORDS) : undefined;
    return new UsageError(
      {
        en: `unknown option "${opt}"${near === undefined ? '' : `; did you mean ${near}?`}`,
        zh: `未知选项“${opt}”${near === undefined ? '' : `，是否应为 ${near}？`}`,
      },
      near === undefined,
    );
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
