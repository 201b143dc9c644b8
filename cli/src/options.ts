/**
 * The options of the command line, in one table: the argument parser (args.ts) reads its names,
 * kinds and allowed values from it, and the help (help.ts) is generated from it in both
 * languages, so that neither the help and the parser nor the two languages can drift apart.
 *
 * @internal
 */
import type { Localized } from './errors.js';
import type { ImportFormat } from './import/types.js';
import { PROFILE_VALUES } from './profile-names.js';

/** The commands that take options. */
export type CommandName = 'check' | 'import' | 'pefa' | 'review' | 'web';

/** The long names of the options. */
export type OptionName =
  | 'format'
  | 'fail-on'
  | 'output'
  | 'summary'
  | 'profile'
  | 'lang'
  | 'from'
  | 'sheet'
  | 'max-bytes'
  | 'band-ends'
  | 'scaling-base'
  | 'out'
  | 'quiet'
  | 'max-warnings'
  | 'verbose'
  | 'rule'
  | 'color'
  | 'no-color'
  | 'help'
  | 'version';

/** One documented value of an option. */
export interface OptionValue {
  readonly name: string;
  /** How the help shows the value, when not by its name (a placeholder such as FILE.json). */
  readonly label?: Localized;
  readonly description: Localized;
}

interface BaseOption {
  /** The long name, without the two dashes. */
  readonly name: OptionName;
  /** What the option does, in a few words (the help adds the default). */
  readonly description: Localized;
  /**
   * The commands that take the option (any other command rejects it with a usage error), or
   * `'any'`: every command, and none (`outturn --help --lang en`).
   */
  readonly commands: readonly CommandName[] | 'any';
}

/** An option without a value: `--help`, `-h`. */
export interface FlagOption extends BaseOption {
  readonly kind: 'flag';
  /** The one-letter form, when it has one. */
  readonly short?: string;
}

/** An option whose value is one of a closed list: `--format json`. */
export interface ChoiceOption extends BaseOption {
  readonly kind: 'choice';
  /** The allowed values, in the order the help and the error messages list them. */
  readonly values: readonly OptionValue[];
  /** The value when the option is not given. */
  readonly default?: string;
  /**
   * Whether an error in the value is written in both languages: the option that chooses the
   * language cannot trust its own value.
   */
  readonly bilingualError?: boolean;
}

/** An option with a free value: `--sheet NAME`. */
export interface StringOption extends BaseOption {
  readonly kind: 'string';
  /** The value's placeholder in the help: `NAME`. */
  readonly placeholder: Localized;
  /** The one-letter form, when there is one (`-o FILE`). */
  readonly short?: string;
  /** What an empty value lacks: "--sheet needs a sheet name". */
  readonly needs: Localized;
  /** Values worth listing in the help (the value is not limited to them). */
  readonly values?: readonly OptionValue[];
  /** The value when the option is not given. */
  readonly default?: string;
  /** Whether the option may be given more than once, each value kept (`--rule A=off --rule B=info`). */
  readonly multiple?: boolean;
}

/** One option of the command line. */
export type OptionSpec = FlagOption | ChoiceOption | StringOption;

/** The values of a record of descriptions, in the record's order. */
function valuesOf<T extends string>(descriptions: Readonly<Record<T, Localized>>): OptionValue[] {
  return Object.entries<Localized>(descriptions).map(([name, description]) => ({ name, description }));
}

const FORMAT_VALUES = {
  text: {
    en: 'the budget table, the indicator table and the cross-checks with printed and recomputed figures side by side, then the findings by severity and a summary line; for an 80-column terminal',
    zh: '预算表、指标表和交叉核对，报告值与复算值并列，然后按级别列出问题，最后一行小结；适合 80 列终端',
  },
  json: {
    en: 'one JSON object for programs (check: { summary, findings, budget, indicators, crossChecks, totalScore, grade }; pefa: { PI-1, PI-2, PI-3, findings }; review: { summary, findings, rules, indicators, goals, costs }); messages in --lang; a figure that does not exist is null',
    zh: '供其他程序读取的一个 JSON 对象（check：{ summary, findings, budget, indicators, crossChecks, totalScore, grade }；pefa：{ PI-1, PI-2, PI-3, findings }；review：{ summary, findings, rules, indicators, goals, costs }）；说明文字使用 --lang 的语言；不存在的数字为 null',
  },
  markdown: {
    en: "headings and pipe tables for an audit memo (pefa: the assessor's annex tables)",
    zh: '标题与表格，可粘贴到审计底稿（pefa：评估报告附件中的计算表）',
  },
  ndjson: {
    en: 'check and review: one JSON object per line, one line per file, written as each report is done (for other tools; not for pefa)',
    zh: 'check 与 review：每行一个 JSON 对象，每个文件一行并带文件名，每查完一份即输出（供其他工具流式读取；pefa 不适用）',
  },
  html: {
    en: 'check and review: one self-contained HTML report (no script, no request; rates as bars against 100%, findings linked to their rows; review: the findings and the rules that ran), for one file or many',
    zh: 'check 与 review：一个独立的 HTML 报告（无脚本、无网络请求；执行率以 100% 为基准画成条形，问题链接到所在行；review：问题与执行的规则），一个或多个文件',
  },
  xlsx: {
    en: 'check and review: an audit workbook (check: sheets Summary, Findings, Budget, Indicators; review: Summary, Findings, Rules; no cell is a formula), written to --output FILE.xlsx',
    zh: 'check 与 review：审计工作簿（check：汇总、问题与提示、预算、指标四个工作表；review：汇总、问题、规则；没有任何单元格是公式），写入 --output 文件.xlsx',
  },
  csv: {
    en: "check and review: the findings as CSV (UTF-8 with a byte order mark for Excel; a cell that a spreadsheet would run as a formula starts with ')",
    zh: "check 与 review：问题列表的 CSV（带 BOM 的 UTF-8，Excel 可直接打开；电子表格会当作公式执行的单元格前加 '）",
  },
} as const satisfies Record<string, Localized>;

const FAIL_ON_VALUES = {
  error: { en: 'exit 1 on an error', zh: '有错误时退出码为 1' },
  warning: { en: 'exit 1 on an error or a warning', zh: '有错误或警告时退出码为 1' },
  info: { en: 'exit 1 on any finding', zh: '有任何问题或提示时退出码为 1' },
  never: { en: 'always exit 0', zh: '总是返回 0' },
} as const satisfies Record<string, Localized>;

const LANG_VALUES = {
  zh: { en: 'Chinese (简体中文)', zh: '简体中文' },
  en: { en: 'English', zh: '英文' },
} as const satisfies Record<string, Localized>;

const FROM_VALUES = {
  csv: {
    en: 'comma, semicolon or tab separated tables',
    zh: '逗号、分号或制表符分隔的表格',
  },
  xlsx: {
    en: 'an Excel workbook: every sheet, or the one named by --sheet',
    zh: 'Excel 工作簿：全部工作表，或 --sheet 指定的一个',
  },
  xls: {
    en: 'an Excel 97–2003 workbook: every sheet, or the one named by --sheet',
    zh: 'Excel 97–2003 工作簿：全部工作表，或 --sheet 指定的一个',
  },
  text: {
    en: 'the text a PDF reader or a browser copy gives: tab-separated cells and section titles',
    zh: 'PDF 阅读器或浏览器复制得到的文字：制表符分隔的单元格与章节标题',
  },
  html: {
    en: 'a web page (信息公开 page): its tables and the paragraphs around them',
    zh: '网页（信息公开页面）：其中的表格及表格前后的段落',
  },
  docx: {
    en: 'a Word document (.docx): its tables and the paragraphs around them',
    zh: 'Word 文档（.docx）：其中的表格及表格前后的段落',
  },
  pdf: {
    en: 'a digital PDF (made by Word, WPS or LibreOffice): its text, grouped into lines and cells by position',
    zh: '电子版 PDF（由 Word、WPS 或 LibreOffice 生成）：其文字按位置组成行与单元格',
  },
} as const satisfies Record<ImportFormat, Localized>;

const BAND_END_VALUES = {
  inclusive: {
    en: 'a figure on a band end is inside the band (95–105%: 105.0% scores A), as the PEFA Framework reads "between … and …"',
    zh: '恰在区间端点上的数字属于该区间（95%–105%：105.0% 得 A），按 PEFA 框架“介于……之间”的读法',
  },
  exclusive: {
    en: 'a figure on a band end falls to the next band',
    zh: '恰在端点上的数字落入下一档',
  },
} as const satisfies Record<string, Localized>;

const SCALING_BASE_VALUES = {
  dimension: {
    en: "each dimension's own lines: budgets scaled by their own total outturn ÷ total budget",
    zh: '各维度自身的行：预算按这些行的决算合计 ÷ 预算合计调整',
  },
  'total-expenditure': {
    en: 'total expenditure: budgets scaled by aggregate outturn ÷ aggregate budget (PI-1)',
    zh: '总支出：预算按支出总决算 ÷ 总预算（PI-1 的口径）调整',
  },
} as const satisfies Record<string, Localized>;

/** The output formats of check. */
export type Format = keyof typeof FORMAT_VALUES;
/** The thresholds of --fail-on. */
export type FailOn = keyof typeof FAIL_ON_VALUES;
/** The formats of table files that --from names: exactly those the importers read. */
export type FromFormat = keyof typeof FROM_VALUES;
/** Whether a PEFA band's ends are inside it (--band-ends). */
export type BandEnds = keyof typeof BAND_END_VALUES;
/** What PI-2 and PI-3.2 scale the budgets by (--scaling-base). */
export type ScalingBase = keyof typeof SCALING_BASE_VALUES;

/** The options, in the order the help lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    kind: 'choice',
    values: valuesOf(FORMAT_VALUES),
    default: 'text',
    description: { en: 'output', zh: '输出格式' },
    commands: ['check', 'pefa', 'review'],
  },
  {
    name: 'fail-on',
    kind: 'choice',
    values: valuesOf(FAIL_ON_VALUES),
    default: 'error',
    description: {
      en: 'exit 1 on a finding at least this serious',
      zh: '出现该级别或更严重的问题时退出码为 1',
    },
    commands: ['check', 'pefa', 'review'],
  },
  {
    name: 'output',
    kind: 'string',
    short: 'o',
    placeholder: { en: 'FILE', zh: '文件' },
    needs: { en: 'a FILE to write to', zh: '输出文件名' },
    description: {
      en: 'write the output to FILE instead of standard output (whole or not at all: a temporary file, then renamed)',
      zh: '输出写入该文件而不是标准输出（整体写入：先写临时文件再改名）',
    },
    commands: ['check', 'review'],
  },
  {
    name: 'summary',
    kind: 'flag',
    description: {
      en: 'several reports: only the summary table, one row per file, without the findings of each',
      zh: '多份报告时只输出汇总表（每个文件一行），不列出各报告的问题',
    },
    commands: ['check', 'review'],
  },
  {
    name: 'profile',
    kind: 'string',
    placeholder: { en: 'NAME|FILE.json', zh: '名称|文件.json' },
    needs: { en: 'a NAME or a FILE.json', zh: '方案名称或 JSON 文件' },
    values: [
      ...PROFILE_VALUES.map((p) => ({ name: p.name, description: p.description })),
      {
        name: 'FILE.json',
        label: { en: 'FILE.json', zh: '文件.json' },
        description: {
          en: 'a profile of your own: a JSON file that "extends" one of these',
          zh: '自定义方案：以 "extends" 继承其一的 JSON 文件',
        },
      },
    ],
    default: 'default',
    description: {
      en: 'scoring profile for rows with a weight (分值)',
      zh: '有分值的行按此计分方案计分',
    },
    commands: ['check'],
  },
  {
    name: 'from',
    kind: 'choice',
    values: valuesOf(FROM_VALUES),
    description: {
      en: 'format of a table file, when detection from the content is not wanted',
      zh: '表格文件的格式（不指定时按内容自动识别）',
    },
    commands: ['check', 'import', 'pefa', 'review'],
  },
  {
    name: 'sheet',
    kind: 'string',
    placeholder: { en: 'NAME', zh: '名称' },
    needs: { en: 'a sheet name', zh: '工作表名称' },
    description: {
      en: 'the worksheet of an .xlsx or .xls file to read',
      zh: '读取 .xlsx 或 .xls 文件中的哪个工作表',
    },
    commands: ['check', 'import', 'pefa', 'review'],
  },
  {
    name: 'max-bytes',
    kind: 'string',
    placeholder: { en: 'N', zh: 'N' },
    needs: { en: 'a number of bytes', zh: '字节数' },
    default: '100M',
    description: {
      en: 'the most bytes a FILE may have; a larger one is refused before it is read (N bytes, or with K, M or G: KiB, MiB, GiB)',
      zh: '每个文件的最大字节数，超过的文件不读取、直接拒绝（N 字节，或带 K、M、G：KiB、MiB、GiB）',
    },
    commands: ['check', 'import', 'pefa', 'review'],
  },
  {
    name: 'band-ends',
    kind: 'choice',
    values: valuesOf(BAND_END_VALUES),
    default: 'inclusive',
    description: {
      en: 'PEFA bands: whether a figure on a band end is inside the band',
      zh: 'PEFA 分档：恰在端点上的数字是否属于该档',
    },
    commands: ['pefa'],
  },
  {
    name: 'scaling-base',
    kind: 'choice',
    values: valuesOf(SCALING_BASE_VALUES),
    default: 'dimension',
    description: {
      en: 'PEFA composition variance (PI-2, PI-3.2): what the budgets are scaled by',
      zh: 'PEFA 结构偏差（PI-2、PI-3.2）：预算按什么比例调整',
    },
    commands: ['pefa'],
  },
  {
    name: 'out',
    kind: 'string',
    placeholder: { en: 'FILE.html', zh: '文件.html' },
    needs: { en: 'a file name', zh: '文件名' },
    description: {
      en: 'where to write the offline page',
      zh: '离线页面写到哪个文件',
    },
    commands: ['web'],
  },
  {
    name: 'quiet',
    kind: 'flag',
    short: 'q',
    description: {
      en: 'errors only: warnings and info are not listed (text and markdown; the exit code and the summary line still count them)',
      zh: '只列出错误：不列警告和提示（text 与 markdown；退出码与小结仍计入）',
    },
    commands: ['check', 'review'],
  },
  {
    name: 'max-warnings',
    kind: 'string',
    placeholder: { en: 'N', zh: 'N' },
    needs: { en: 'a number of warnings', zh: '警告数' },
    description: {
      en: 'exit 1 when there are more than N warnings, whatever --fail-on says',
      zh: '警告多于 N 个时退出码为 1（不论 --fail-on）',
    },
    commands: ['check', 'review'],
  },
  {
    name: 'verbose',
    kind: 'flag',
    description: {
      en: 'list every info finding: without it, more than 5 of one code are one line with their count and first paths (text)',
      zh: '逐条列出全部提示：否则同一代码超过 5 条时合为一行，给出条数和前几个位置（text）',
    },
    commands: ['check'],
  },
  {
    name: 'rule',
    kind: 'string',
    multiple: true,
    placeholder: { en: 'CODE=SETTING', zh: '代码=设置' },
    needs: { en: 'a CODE=off|error|warning|info', zh: '代码=off|error|warning|info' },
    description: {
      en: 'turn a review rule off or give its findings a severity, by finding code or rule id (target-vague=off, 7=error); repeatable; wins over "review": { "rules" } of the config file',
      zh: '关闭一条审核规则或改变其级别，按问题代码或规则编号（target-vague=off、7=error）；可重复；优先于配置文件的 "review": { "rules" }',
    },
    commands: ['review'],
  },
  {
    name: 'color',
    kind: 'flag',
    description: {
      en: 'colours even when stdout is not a terminal (else FORCE_COLOR, NO_COLOR, a terminal decide)',
      zh: '即使标准输出不是终端也使用颜色（否则由 FORCE_COLOR、NO_COLOR 与是否为终端决定）',
    },
    commands: ['check', 'pefa', 'review'],
  },
  {
    name: 'no-color',
    kind: 'flag',
    description: { en: 'no colours, even on a terminal', zh: '不使用颜色，即使在终端中' },
    commands: ['check', 'pefa', 'review'],
  },
  {
    name: 'lang',
    kind: 'choice',
    values: valuesOf(LANG_VALUES),
    bilingualError: true,
    description: {
      en: 'language of the output and the messages (else the config file, then LC_ALL, LC_MESSAGES, LANG: zh* is zh, any other locale en; else zh)',
      zh: '输出与提示信息的语言（否则依次取配置文件、LC_ALL、LC_MESSAGES、LANG：zh* 为中文，其他为英文；都没有时为中文）',
    },
    commands: 'any',
  },
  {
    name: 'help',
    kind: 'flag',
    short: 'h',
    description: { en: 'show help', zh: '显示帮助' },
    commands: 'any',
  },
  {
    name: 'version',
    kind: 'flag',
    short: 'v',
    description: { en: 'show the version (also -V)', zh: '显示版本号（也可用 -V）' },
    commands: 'any',
  },
];

/** The option named `name`. */
export function optionNamed(name: OptionName): OptionSpec {
  const option = OPTIONS.find((o) => o.name === name);
  if (option === undefined) throw new Error(`no option --${name} in OPTIONS`);
  return option;
}

/** Whether `command` takes `option`. */
export function takes(command: CommandName, option: OptionSpec): boolean {
  return option.commands === 'any' || option.commands.includes(command);
}
