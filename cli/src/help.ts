/**
 * The help of `outturn --help`, `outturn check --help`, `outturn import --help` and
 * `outturn pefa --help`, in zh-CN and en. The usage lines and the options are generated from the one table of options.ts (the table
 * the argument parser reads), so every option the parser accepts is documented in both
 * languages; the prose around them (what a report is, exit codes) is written here.
 *
 * @internal
 */
import type { Lang } from 'outturn';
import type { Localized } from './errors.js';
import { type CommandName, OPTIONS, type OptionSpec, type OptionValue, takes } from './options.js';
import { displayWidth, wrap } from './render/terminal.js';
import { listOf } from './text.js';

/** Every line of the help fits an 80-column terminal. */
const WIDTH = 80;
/** Column where the description of an option starts. */
const DESCRIPTION_COLUMN = 33;
/** Column where the documented values of an option start, on the lines below it. */
const VALUE_COLUMN = 6;

/** `text` wrapped to the help's width, every line after `indent`; the first line may start further in. */
function indented(text: string, indent: number, first = ''): string[] {
  const lines = wrap(text, WIDTH - indent);
  const pad = ' '.repeat(indent);
  return lines.map(
    (l, i) =>
      (i === 0 && first !== '' ? first + ' '.repeat(Math.max(1, indent - displayWidth(first))) : pad) + l,
  );
}

/** `-h, --help`, `--format text|json|markdown`, `--sheet NAME`. */
function label(option: OptionSpec, lang: Lang): string {
  if (option.kind === 'flag')
    return option.short === undefined ? `--${option.name}` : `-${option.short}, --${option.name}`;
  if (option.kind === 'choice') return `--${option.name} ${option.values.map((v) => v.name).join('|')}`;
  const short = option.short === undefined ? '' : `-${option.short}, `;
  return `${short}--${option.name} ${option.placeholder[lang]}`;
}

function withDefault(text: string, option: OptionSpec, lang: Lang): string {
  if (option.kind === 'flag' || option.default === undefined) return text;
  return lang === 'zh' ? `${text}（默认 ${option.default}）` : `${text} (default: ${option.default})`;
}

/**
 * The description of an option. Compact (the overview of `outturn --help`): one paragraph,
 * naming the values a free option knows. Detailed (the help of a command): each value below the
 * option with its own description.
 */
function optionLines(option: OptionSpec, lang: Lang, detailed: boolean): string[] {
  let text = option.description[lang];
  if (!detailed && option.kind === 'string' && option.values !== undefined) {
    const names = option.values.map((v) => shown(v, lang));
    text += `${lang === 'zh' ? '：' : ': '}${listOf(names, lang)}`;
  }
  text = withDefault(text, option, lang);
  const head = `  ${label(option, lang)}`;
  const lines =
    displayWidth(head) <= DESCRIPTION_COLUMN - 2
      ? indented(text, DESCRIPTION_COLUMN, head)
      : [head, ...indented(text, DESCRIPTION_COLUMN)];
  if (detailed && option.kind !== 'flag' && option.values !== undefined) {
    lines.push(...valueLines(option.values, lang));
  }
  return lines;
}

/** A documented value as the help shows it. */
function shown(value: OptionValue, lang: Lang): string {
  return value.label?.[lang] ?? value.name;
}

function valueLines(values: readonly OptionValue[], lang: Lang): string[] {
  const nameWidth = Math.max(...values.map((v) => displayWidth(shown(v, lang)))) + 2;
  const pad = ' '.repeat(VALUE_COLUMN);
  return values.flatMap((v) => indented(v.description[lang], VALUE_COLUMN + nameWidth, pad + shown(v, lang)));
}

/** The options `command` takes, detailed; or, for the overview, every option grouped by the commands that take it. */
function optionsBlock(command: CommandName | 'main', lang: Lang): string[] {
  if (command !== 'main') {
    return [
      lang === 'zh' ? '选项：' : 'Options:',
      ...OPTIONS.filter((o) => takes(command, o)).flatMap((o) => optionLines(o, lang, true)),
    ];
  }
  const groups = new Map<string, OptionSpec[]>();
  for (const o of OPTIONS) {
    const key = o.commands === 'any' ? 'any' : o.commands.join(' ');
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups].flatMap(([key, options], i) => {
    const heading =
      key === 'any'
        ? { en: 'General options:', zh: '通用选项：' }
        : {
            en: `Options of ${key.split(' ').join(' and ')}:`,
            zh: `${key.split(' ').join(' 与 ')} 的选项：`,
          };
    return [...(i > 0 ? [''] : []), heading[lang], ...options.flatMap((o) => optionLines(o, lang, false))];
  });
}

/** `Usage: outturn check FILE [--format …] …`, wrapped under the first option. */
function usageLines(command: CommandName, operand: Localized, lang: Lang): string[] {
  const head = `${lang === 'zh' ? '用法：' : 'Usage: '}outturn ${command} ${operand[lang] === '' ? '' : `${operand[lang]} `}`;
  const indent = ' '.repeat(displayWidth(head));
  const lines: string[] = [];
  let line = head;
  for (const o of OPTIONS) {
    if (o.kind === 'flag' || !takes(command, o)) continue;
    const item = `[${label(o, lang)}]`;
    if (line !== head && line !== indent && displayWidth(`${line} ${item}`) > WIDTH) {
      lines.push(line);
      line = indent;
    }
    line += line === head || line === indent ? item : ` ${item}`;
  }
  lines.push(line);
  return lines;
}

const FILE: Localized = { en: 'FILE', zh: '文件' };
const FILES: Localized = { en: 'FILE...', zh: '文件...' };

// The overview's command list and exit codes are aligned by hand (prose() would fold their spaces).

const MAIN_INTRO: Localized = {
  en: `outturn {v}: exact checks of budget performance reports (预算绩效自评报告)

Usage:
  outturn check FILE [options]   check a report figure by figure (JSON, or
                                 tables: CSV, text, .xlsx, .xls, .html, .docx,
                                 .pdf)
  outturn import FILE... [opts]  turn those tables into report JSON
  outturn pefa FILE [options]    PEFA 2016 PI-1, PI-2, PI-3 (budget reliability)
                                 from three years of budget and outturn
  outturn check --help           help on check: report format and outputs
  outturn import --help          help on import: tables, headers, encodings
  outturn pefa --help            help on pefa: dataset, scores, options
  outturn review FILE... [opts]  review target tables (绩效目标审核) as a
                                 finance bureau does
  outturn web --out FILE.html    write the offline page: check a file in a
                                 browser, nothing sent anywhere
  outturn --help                 this help (also: outturn help [COMMAND])
  outturn --version              the version (also: outturn version, -V)`,
  zh: `outturn {v}：预算绩效自评报告的精确复核工具

用法：
  outturn check 文件 [选项]      逐项复核一份报告（JSON，或表格：CSV、文字、
                                 .xlsx、.xls、.html、.docx、.pdf）中的数字
  outturn import 文件... [选项]  把这些表格转换为报告 JSON
  outturn pefa 文件 [选项]       按三年的预算与决算评 PEFA 2016 PI-1、PI-2、PI-3
                                 （预算可靠性）
  outturn check --help           check 的帮助：报告格式与输出格式
  outturn import --help          import 的帮助：表格、表头与编码
  outturn pefa --help            pefa 的帮助：数据集、评分与选项
  outturn review 文件... [选项]  按财政部门的做法审核绩效目标表
  outturn web --out 文件.html    写出离线页面：在浏览器中核对，数据不离开本机
  outturn --help                 本帮助（也可写 outturn help [命令]）
  outturn --version              显示版本号（也可写 outturn version、-V）`,
};

const MAIN_END: Localized = {
  en: `Exit codes:
  0  no finding at or above --fail-on (import: a report was produced)
  1  at least one finding at or above --fail-on, or more warnings than
     --max-warnings
  2  usage error (a bad config file too), or FILE cannot be read: missing, a
     directory, a device or a FIFO, too large, no permission, empty, not UTF-8,
     not JSON (with line and column), no table found
  3  internal error (a bug in outturn: please report it)

Colours: --color or --no-color; else FORCE_COLOR (not 0) forces them and
NO_COLOR forbids them; else only when stdout is a terminal, never when piped.
Language: --lang; else the config file; else LC_ALL, LC_MESSAGES, LANG (zh* is
Chinese, any other locale English); else Chinese.
Config file: outturn.config.json, or the "outturn" key of package.json, in this
folder or the nearest one above (up to the one holding .git), with the keys
profile, fail-on, lang, format, max-warnings; the command line wins.`,
  zh: `退出码：
  0  没有达到 --fail-on 级别的问题（import：已生成报告）
  1  至少有一个达到 --fail-on 级别的问题，或警告多于 --max-warnings
  2  用法错误（包括配置文件有误），或无法读取文件：不存在、是目录、是设备或
     管道、过大、无权限、空文件、不是 UTF-8 编码、不是有效的 JSON（给出行号和
     列号）、找不到表格
  3  内部错误（outturn 自身的缺陷，请报告）

颜色：--color 或 --no-color；否则 FORCE_COLOR（非 0）强制使用，
NO_COLOR 禁用；否则仅当标准输出是终端时使用，输出到管道时不用。
语言：--lang；否则取配置文件；否则依次取 LC_ALL、LC_MESSAGES、LANG
（zh* 为中文，其他为英文）；都没有时为中文。
配置文件：当前或上级文件夹（直到含 .git 的一级）中的 outturn.config.json，
或 package.json 的 "outturn" 键，可设 profile、fail-on、lang、format、
max-warnings；命令行选项优先。`,
};

// Prose: one logical line per line, wrapped to 80 columns by `prose`; a blank line between paragraphs.

const CHECK_INTRO: Localized = {
  en: `FILE may also be tables: CSV, text copied from a PDF or a web page, an .xlsx or .xls workbook, a web page (.html), a Word document (.docx) or a PDF (see 'outturn import --help'); they are imported first, and what could not be placed is listed on stderr. Several table files make one report.

Reads FILE, a report in outturn's JSON format (UTF-8, a byte order mark is accepted): kind, title, entity, year, amountUnit, budget (a tree of lines with initial, adjustment, adjusted, actual and published.executionRate), indicators (name, target, actual, reason, published.deviation) and staffing. Figures are strings exactly as printed. Every printed figure is recomputed exactly; each problem becomes a finding with a code, a severity and a path into the file.`,
  zh: `文件也可以是表格：CSV、从 PDF 或网页复制的文字、.xlsx 或 .xls 工作簿、网页（.html）、Word 文档（.docx）或 PDF（见 outturn import --help）；先导入再复核，未能导入的内容列在标准错误输出上。多个表格文件合成一份报告。

读取一份 outturn JSON 格式的报告（UTF-8 编码，可带 BOM）：kind、title、entity、year、amountUnit、budget（预算行组成的树：initial、adjustment、adjusted、actual、published.executionRate）、indicators（name、target、actual、reason、published.deviation）和 staffing。数字按报告原样填写为字符串。outturn 精确复算每一个印出的数字，每个问题给出代码、级别和在文件中的位置。`,
};

const CHECK_END: Localized = {
  en: `Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage error or unreadable FILE; 3 internal error.
Example: outturn check report.json --format markdown --lang en > memo.md`,
  zh: `退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法错误或无法读取文件；3 内部错误。
示例：outturn check report.json --format markdown > 底稿.md`,
};

const IMPORT_INTRO: Localized = {
  en: `Turns the tables of a published report into outturn's report JSON, printed on stdout (2-space indented); what could not be placed in the report is listed on stderr with its line or cell, never dropped silently, followed by notes on what was inferred. Check the result with 'outturn check', or give the table file to 'outturn check' directly.

FILE holds a budget table and an indicator table, one below the other (or in two files), with the headers printed in reports: 年初预算数, 调整预算数/全年预算数, 实际支出数/全年执行数, 执行率, 分值, 得分; 一级指标/二级指标/三级指标/指标名称, 指标值/年度指标值/指标目标值, 实际完成值/指标完成值, 偏差情况, 原因分析, 度量单位, 指标性质 - or Budget, Final appropriation, Actual, Variance, Target, Actual output, Deviation, Reasons. Its format (csv, text, xlsx, xls, html, docx or pdf) is detected from the content; --from overrides it. Of a workbook, the text each cell displays is read (0.9 shown as 90% is "90%"); in PDF text, section titles such as 七、预算信息 and 九、部门整体自评表 separate the tables.
Encodings: UTF-8 (with or without a byte order mark), GB18030/GBK, UTF-16 with a byte order mark. Rows starting with # are comments (not in a PDF); rows such as "年度,2023" or "编制数,14" before the tables give the report's facts.
Limits: a FILE that is not a regular file (a device, a FIFO) or has more than --max-bytes is refused before it is read; a row of more than 1 MiB, more than 500,000 cells, or a header without data are refused with one line.
Templates: examples/templates/.`,
  zh: `把公开报告中的表格转换为 outturn 报告 JSON，输出到标准输出（缩进 2 格）；未能放入报告的内容连同行号或单元格列在标准错误输出上，绝不悄悄丢弃，随后是推断说明。结果可用 outturn check 复核，也可直接把表格文件交给 outturn check。

文件中是上下排列的预算表和指标表（或分成两个文件），表头与报告一致：年初预算数、调整预算数/全年预算数、实际支出数/全年执行数、执行率、分值、得分；一级指标/二级指标/三级指标/指标名称、指标值/年度指标值/指标目标值、实际完成值/指标完成值、偏差情况、原因分析、度量单位、指标性质；也接受英文表头 Budget、Final appropriation、Actual、Variance、Target、Actual output、Deviation、Reasons。文件格式（csv、text、xlsx、xls、html、docx 或 pdf）按内容自动识别，可用 --from 指定。工作簿读取单元格显示的文字（显示为 90% 的 0.9 读作“90%”）；PDF 文字以七、预算信息、九、部门整体自评表等章节标题分隔表格。
编码：UTF-8（带或不带 BOM）、GB18030/GBK、带 BOM 的 UTF-16。以 # 开头的行是注释（PDF 除外）；表格之前的“年度,2023”“编制数,14”等行给出报告的基本信息。
限制：不是普通文件（设备、管道）或超过 --max-bytes 的文件不读取、直接拒绝；超过 1 MiB 的一行、超过 500,000 个单元格、只有表头没有数据，均以一行提示拒绝。
模板见 examples/templates/。`,
};

const IMPORT_END: Localized = {
  en: `Exit codes: 0 a report was produced (even if some cells were not placed); 2 usage error, unreadable FILE or no table found; 3 internal error.
Example: outturn import report.csv > report.json`,
  zh: `退出码：0 已生成报告（即使有单元格未能导入）；2 用法错误、无法读取文件或找不到表格；3 内部错误。
示例：outturn import 报告.csv > 报告.json`,
};

const PEFA_INTRO: Localized = {
  en: `Scores budget reliability by the PEFA 2016 Framework, Pillar I: PI-1 aggregate expenditure outturn, PI-2 expenditure composition outturn (2.1 by function or administrative head, 2.2 by economic type, 2.3 contingency; aggregated by M1, the weakest link) and PI-3 revenue outturn (3.1 aggregate, 3.2 composition; aggregated by M2, averaging), over the last three fiscal years, against the original approved budget. Every figure is exact; each year's figures, grade and why are printed, and the assessor's annex tables with --format markdown.

FILE is a PEFA dataset: JSON { "kind": "pefa", "entity", "amountUnit", "years": [ { "year", "approvedBudget", "expenditure": { "administrative" (or "functional", "programme"), "economic", "contingency", "interest", "total" }, "revenue" } ] } with each line's "budget" and "actual" as printed; or a table in any format import reads with the columns year | table | line | budget | actual (年度 | 类别 | 项目 | 预算数 | 决算数), where table is administrative, functional, programme, economic, contingency, interest, total or revenue. Fewer than three years scores D* (insufficient information); a year without an approved budget scores D.`,
  zh: `按 PEFA 2016 框架第一支柱评价预算可靠性：PI-1 总支出执行结果、PI-2 支出结构执行结果（2.1 按功能或行政单位，2.2 按经济分类，2.3 预备费；按 M1 最弱环节法汇总）、PI-3 收入执行结果（3.1 总收入，3.2 收入结构；按 M2 平均法汇总），以最近三个财政年度的原始批准预算为基准。所有数字精确计算；逐年列出数字、档次与依据，--format markdown 给出评估报告附件的计算表。

文件是 PEFA 数据集：JSON { "kind": "pefa", "entity", "amountUnit", "years": [ { "year", "approvedBudget", "expenditure": { "administrative"（或 "functional"、"programme"）, "economic", "contingency", "interest", "total" }, "revenue" } ] }，各行的 "budget" 与 "actual" 按原样填写；或 import 能读取的任何格式的表格，列为 year | table | line | budget | actual（年度 | 类别 | 项目 | 预算数 | 决算数），table 取 administrative、functional、programme、economic、contingency、interest、total 或 revenue。不足三年评 D*（信息不足）；没有批准预算的年度评 D。`,
};

const PEFA_END: Localized = {
  en: `Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage error or unreadable FILE; 3 internal error.
Example: outturn pefa dataset.json --format markdown --lang en > annex.md`,
  zh: `退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法错误或无法读取文件；3 内部错误。
示例：outturn pefa 数据集.json --format markdown > 附件.md`,
};

const REVIEW_INTRO: Localized = {
  en: `Reviews a target table (绩效目标申报表) before the year, by the machine-decidable rules of 绩效目标审核 (docs/review.md lists each rule, its severity and its sources): the 产出 and 效益 blocks are there, every target has a value, a comparator and a unit, a cost is a ceiling within the funds (unit cost × quantity, exact), the funds add up, a deadline is inside the period, a target is not vague. FILE is the table as JSON ("kind": "declaration": project, goals, indicators with path, name, target, unit, weight, lastYear, standard), or a table file (CSV, .xlsx, .xls, .html, .docx, .pdf) that imports as a target table (docs/import.md).

Several FILEs, a directory (its report files, as check picks them) or - run as check does over many reports: a summary table (one row per table), then each review; json { reports, summary }, ndjson one line per table; html, xlsx and csv one document for all (the findings with their rule, code, severity and indicator, and the rules that ran). A file that cannot be read is one row, and the others go on; a self-evaluation report is for 'outturn check'.
Rules: --rule CODE=SETTING (repeatable) turns a rule off or sets its findings' severity, by finding code or rule id (target-vague=off, 7=error, 8=warning); the config file's "review": { "rules": { CODE: SETTING } } does the same, and --rule wins.`,
  zh: `在年度开始前按绩效目标审核中可由机器判定的规则审核绩效目标申报表（各条规则及其级别、出处见 docs/review.md）：是否有产出、效益指标；每个目标是否有数值、比较符和单位；成本是否为上限且不超过资金（单价 × 数量，精确计算）；资金是否相符；时限是否在实施期内；目标是否含糊。文件为 JSON 格式的目标表（"kind": "declaration"：project、goals、indicators，指标含 path、name、target、unit、weight、lastYear、standard），或导入后为绩效目标表的表格文件（CSV、.xlsx、.xls、.html、.docx、.pdf，见 docs/import.md）。

多个文件、目录（其中的报告文件，与 check 选取相同）或 - 按 check 处理多份报告的方式运行：先是汇总表（每张目标表一行），再是各表的审核结果；json 为 { reports, summary }，ndjson 每张表一行；html、xlsx、csv 为所有表合成的一个文档（问题及其规则、代码、级别、指标，以及执行的规则）。无法读取的文件占一行，其余照常审核；自评报告请用 outturn check。
规则：--rule 代码=设置（可重复）按问题代码或规则编号关闭规则或设定其级别（target-vague=off、7=error、8=warning）；配置文件的 "review": { "rules": { 代码: 设置 } } 作用相同，--rule 优先。`,
};

const REVIEW_END: Localized = {
  en: `Exit codes: 0 no finding at or above --fail-on; 1 such findings, or more warnings than --max-warnings; 2 usage error or unreadable FILE; 3 internal error.
Example: outturn review declaration.json --format markdown --lang en > review.md
Example: outturn review declarations/ --summary --rule target-vague=error`,
  zh: `退出码：0 没有达到 --fail-on 级别的问题；1 有，或警告多于 --max-warnings；2 用法错误或无法读取文件；3 内部错误。
示例：outturn review 目标表.json --format markdown > 审核意见.md
示例：outturn review 目标表/ --summary --rule target-vague=error`,
};

const WEB_INTRO: Localized = {
  en: `Writes the offline page: one HTML file that a person opens from disk in a browser, drops a report on (JSON, CSV, .xlsx, .xls, .html, .docx or .pdf: whatever import reads), and sees the same checks as 'outturn check', in Chinese or English, with the HTML report to save. The page makes no request after it loads: its script is inline and its Content-Security-Policy forbids any connection.`,
  zh: `写出离线页面：一个 HTML 文件，用浏览器从本地打开，拖入报告（JSON、CSV、.xlsx、.xls、.html、.docx 或 .pdf，凡 import 能读取的格式），即可看到与 outturn check 相同的核对结果，可切换中英文，可保存 HTML 报告。页面加载后不发出任何请求：脚本内嵌，内容安全策略禁止一切连接。`,
};

const WEB_END: Localized = {
  en: `Exit codes: 0 the page was written; 2 usage error or the file cannot be written; 3 internal error.
Example: outturn web --out outturn.html`,
  zh: `退出码：0 已写出页面；2 用法错误或无法写入文件；3 内部错误。
示例：outturn web --out outturn.html`,
};

/** Prose wrapped to the help's width, line by line. */
function prose(text: string): string[] {
  return text.split('\n').flatMap((line) => (line === '' ? [''] : wrap(line, WIDTH)));
}

/** The help of `topic` in `lang`, for version `v`: lines of at most 80 columns, ending with a newline. */
export function helpText(topic: 'main' | CommandName, lang: Lang, v: string): string {
  const blocks: string[][] =
    topic === 'main'
      ? [[MAIN_INTRO[lang].replace('{v}', v)], optionsBlock('main', lang), [MAIN_END[lang]]]
      : topic === 'check'
        ? [
            [`outturn ${v}`],
            usageLines('check', FILE, lang),
            prose(CHECK_INTRO[lang]),
            optionsBlock('check', lang),
            prose(CHECK_END[lang]),
          ]
        : topic === 'review'
          ? [
              [`outturn ${v}`],
              usageLines('review', FILES, lang),
              prose(REVIEW_INTRO[lang]),
              optionsBlock('review', lang),
              prose(REVIEW_END[lang]),
            ]
          : topic === 'web'
            ? [
                [`outturn ${v}`],
                usageLines('web', { en: '', zh: '' }, lang),
                prose(WEB_INTRO[lang]),
                optionsBlock('web', lang),
                prose(WEB_END[lang]),
              ]
            : topic === 'pefa'
              ? [
                  [`outturn ${v}`],
                  usageLines('pefa', FILE, lang),
                  prose(PEFA_INTRO[lang]),
                  optionsBlock('pefa', lang),
                  prose(PEFA_END[lang]),
                ]
              : [
                  [`outturn ${v}`],
                  usageLines('import', FILES, lang),
                  prose(IMPORT_INTRO[lang]),
                  optionsBlock('import', lang),
                  prose(IMPORT_END[lang]),
                ];
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
