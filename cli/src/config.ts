/**
 * The config file a team shares: `outturn.config.json`, or the `"outturn"` key of a
 * package.json, found from the current folder upward (the first folder holding either wins; the
 * search stops at a folder holding `.git` and at the filesystem root). Its keys are the names of
 * the options they set, and an option on the command line wins over them:
 *
 * ```json
 * { "profile": "bands-80-50", "fail-on": "warning", "lang": "en", "format": "text", "max-warnings": 10 }
 * ```
 *
 * and `"review": { "rules": { "target-vague": "off", "implicit-operator": "warning" } }` sets the
 * review rules of `outturn review` (rule-settings.ts; `--rule` on the command line wins).
 *
 * A config file that is not JSON, has an unknown key or a value the option does not allow is a
 * usage error that names the file and the key. A profile FILE.json is read from the folder of the
 * config file.
 *
 * @internal
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { type OptionName, optionNamed } from './options.js';
import { isProfileName } from './profile-names.js';
import { checkedRule, type RuleSettings } from './rule-settings.js';
import { nearest } from './text.js';

/** The options a config file may set. */
export const CONFIG_KEYS = ['profile', 'fail-on', 'lang', 'format', 'max-warnings'] as const;

/** A key of the config file: the name of the option it sets. */
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** What a config file sets: each value as the option would be given on the command line. */
export interface Config {
  /** The file the settings come from. */
  readonly file: string;
  readonly values: Readonly<Partial<Record<ConfigKey, string>>>;
  /** `"review": { "rules": … }`: the settings of the review rules, checked; undefined when not set. */
  readonly rules?: RuleSettings;
}

/** Every key of a config file: the options, and `review`. */
const KNOWN_KEYS: readonly string[] = [...CONFIG_KEYS, 'review'];

/** The most bytes a config file or a package.json may have. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function bad(file: string, key: string | null, en: string, zh: string): UsageError {
  const at = key === null ? file : `${file}: "${key}"`;
  const atZh = key === null ? file : `${file}：“${key}”`;
  return new UsageError({ en: `config file ${at}: ${en}`, zh: `配置文件 ${atZh}：${zh}` });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) throw new Error('too large');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw bad(file, null, `cannot be read (${why})`, `无法读取（${why}）`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw bad(file, null, `not JSON (${why})`, `不是有效的 JSON（${why}）`);
  }
}

/**
 * The settings of one config object, checked: every key known, every value one the option
 * allows. UsageError naming `file` and the key otherwise.
 */
export function configOf(file: string, value: unknown, where = ''): Config {
  const keyOf = (k: string) => `${where}${k}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(file, where === '' ? null : where.slice(0, -1), 'must be a JSON object', '应为 JSON 对象');
  }
  const values: Partial<Record<ConfigKey, string>> = {};
  let rules: RuleSettings | undefined;
  for (const [key, v] of Object.entries(value)) {
    if (key === '$schema') continue;
    if (key === 'review') {
      rules = reviewRulesOf(file, keyOf(key), v);
      continue;
    }
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const near = nearest(key, KNOWN_KEYS);
      const known = KNOWN_KEYS.join(', ');
      throw bad(
        file,
        keyOf(key),
        `unknown key${near === undefined ? '' : `; did you mean "${near}"?`} (known: ${known})`,
        `未知的键${near === undefined ? '' : `，是否应为“${near}”？`}（可用：${known}）`,
      );
    }
    values[key as ConfigKey] = settingOf(file, keyOf(key), key as ConfigKey, v);
  }
  return rules === undefined ? { file, values } : { file, values, rules };
}

/** `"review": { "rules": { CODE: SETTING } }`, checked (rule-settings.ts). */
function reviewRulesOf(file: string, shownKey: string, v: unknown): RuleSettings {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(v))
    throw bad(
      file,
      shownKey,
      'must be a JSON object { "rules": { … } }',
      '应为 JSON 对象 { "rules": { … } }',
    );
  for (const key of Object.keys(v)) {
    if (key !== 'rules') {
      throw bad(file, `${shownKey}.${key}`, 'unknown key (known: rules)', '未知的键（可用：rules）');
    }
  }
  const rules = v.rules;
  if (rules === undefined) return {};
  if (!isObject(rules)) {
    throw bad(
      file,
      `${shownKey}.rules`,
      'must be a JSON object of finding codes and settings ("target-vague": "off")',
      '应为由问题代码与设置组成的 JSON 对象（"target-vague": "off"）',
    );
  }
  const out: Record<string, RuleSettings[string]> = {};
  for (const [code, setting] of Object.entries(rules)) {
    const [k, s] = checkedRule(code, setting, {
      en: `config file ${file}: "${shownKey}.rules"`,
      zh: `配置文件 ${file}：“${shownKey}.rules”`,
    });
    out[k] = s;
  }
  return out;
}

function settingOf(file: string, shownKey: string, key: ConfigKey, v: unknown): string {
  if (key === 'max-warnings') {
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
    if (!/^(?:\d{1,15}|-1)$/.test(s)) {
      throw bad(
        file,
        shownKey,
        `must be a whole number of warnings (0 or more, or -1 for no limit), not ${JSON.stringify(v)}`,
        `应为警告数（0 或正整数，-1 表示不限），而不是 ${JSON.stringify(v)}`,
      );
    }
    return s;
  }
  if (typeof v !== 'string' || v === '') {
    throw bad(
      file,
      shownKey,
      `must be a non-empty string, not ${JSON.stringify(v)}`,
      `应为非空字符串，而不是 ${JSON.stringify(v)}`,
    );
  }
  const option = optionNamed(key as OptionName);
  if (option.kind === 'choice') {
    const names = option.values.map((o) => o.name);
    if (!names.includes(v)) {
      throw bad(
        file,
        shownKey,
        `must be ${names.join(', ')}, not "${v}"`,
        `应为 ${names.join('、')}，而不是“${v}”`,
      );
    }
  }
  if (key === 'profile' && !isProfileName(v) && !isAbsolute(v)) {
    // A profile file is named from the folder of the config file, not from wherever outturn runs.
    return resolve(dirname(file), v);
  }
  return v;
}

/**
 * The config file that applies in `cwd`: `outturn.config.json`, or the `"outturn"` key of a
 * package.json, in `cwd` or the nearest folder above it; the search stops after a folder that
 * holds `.git` and at the filesystem root. Null when there is none.
 */
export function findConfig(cwd: string): Config | null {
  let dir = resolve(cwd);
  for (;;) {
    const own = join(dir, 'outturn.config.json');
    if (isFile(own)) return configOf(own, readJson(own));
    const pkg = join(dir, 'package.json');
    if (isFile(pkg)) {
      const json = readJson(pkg);
      if (typeof json === 'object' && json !== null && Object.hasOwn(json, 'outturn')) {
        return configOf(pkg, (json as { outturn: unknown }).outturn, 'outturn.');
      }
    }
    const up = dirname(dir);
    if (up === dir || exists(join(dir, '.git'))) return null;
    dir = up;
  }
}
