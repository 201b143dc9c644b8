/**
 * The settings of the review rules a bureau gives (`outturn review --rule CODE=SETTING`, and
 * `"review": { "rules": { CODE: SETTING } }` in the config file): which rule, by its finding code
 * (`target-vague`) or its id in target-review-rules.md (`7`, `8a`; `8` is both parts of rule 8),
 * and `off` or the severity its findings get. Checked here, so that a typo is a usage error that
 * lists what is known (the library's TypeError is for programs). The rules' names come from
 * review-rule-names.ts, the library's table copied so that parsing loads no library.
 *
 * @internal
 */
import type { RuleSetting } from 'outturn';
import { type Localized, UsageError } from './errors.js';
import { REVIEW_RULE_NAMES } from './review-rule-names.js';
import { nearest } from './text.js';

/** The settings a rule may get. */
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

/** The finding codes of the review rules, each once, in the order of the rules. */
export const RULE_CODES: readonly string[] = [...new Set(REVIEW_RULE_NAMES.map(([, code]) => code))];

/** The rule ids, with `8` for both parts of rule 8. */
export const RULE_IDS: readonly string[] = [
  ...new Set(REVIEW_RULE_NAMES.flatMap(([id]) => (id.startsWith('8') ? ['8', id] : [id]))),
];

/** Per rule, its setting: what `reviewTargets`' `options.rules` takes. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/**
 * One rule's setting, checked: `where` names where it was given (`--rule`, or the config file
 * and its key) in the error. UsageError for an unknown rule or setting, listing the known ones
 * and the nearest when it is a likely typo.
 */
export function checkedRule(code: string, setting: unknown, where: Localized): [string, RuleSetting] {
  if (!RULE_CODES.includes(code) && !RULE_IDS.includes(code)) {
    const near = nearest(code, RULE_CODES);
    throw new UsageError(
      {
        en: `${where.en}: no review rule "${code}"${near === undefined ? '' : `; did you mean ${near}?`} (finding codes: ${RULE_CODES.join(', ')}; or rule ids: ${RULE_IDS.join(', ')})`,
        zh: `${where.zh}：没有审核规则“${code}”${near === undefined ? '' : `，是否应为 ${near}？`}（问题代码：${RULE_CODES.join('、')}；或规则编号：${RULE_IDS.join('、')}）`,
      },
      near === undefined,
    );
  }
  if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
    const shown = typeof setting === 'string' ? `"${setting}"` : (JSON.stringify(setting) ?? String(setting));
    const near = typeof setting === 'string' ? nearest(setting, RULE_SETTINGS) : undefined;
    throw new UsageError(
      {
        en: `${where.en}: the setting of "${code}" must be ${RULE_SETTINGS.join(', ')}, not ${shown}${near === undefined ? '' : `; did you mean ${near}?`}`,
        zh: `${where.zh}：“${code}”的设置应为 ${RULE_SETTINGS.join('、')}，而不是 ${shown}${near === undefined ? '' : `，是否应为 ${near}？`}`,
      },
      near === undefined,
    );
  }
  return [code, setting as RuleSetting];
}

/**
 * The values of `--rule` (`CODE=SETTING` each), checked, by rule id (`target-vague` is `7`). UsageError for a value without `=`,
 * an unknown rule or setting.
 */
export function rulesOfFlags(values: readonly string[]): RuleSettings {
  const out: Record<string, RuleSetting> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) {
      throw new UsageError(
        {
          en: `--rule takes CODE=SETTING (such as target-vague=off or 7=error), not "${value}"`,
          zh: `--rule 的值应为 代码=设置（如 target-vague=off 或 7=error），而不是“${value}”`,
        },
        true,
      );
    }
    const [code, setting] = checkedRule(value.slice(0, at).trim(), value.slice(at + 1).trim(), {
      en: '--rule',
      zh: '--rule',
    });
    // Spelled out by rule id, in the order given: the last one to name a rule wins.
    for (const id of idsOf(code)) out[id] = setting;
  }
  return out;
}

/** The ids of the rules a key names: its id, the rules of its finding code, both parts for `8`. */
function idsOf(key: string): string[] {
  return REVIEW_RULE_NAMES.filter(
    ([id, code]) => id === key || code === key || (key === '8' && id.startsWith('8')),
  ).map(([id]) => id);
}

/**
 * The settings of the config file with those of the command line over them, by rule id: each
 * key is spelled out into the rules it names (`target-vague` is rule 7, `dimension-missing` rules
 * 1 to 4), the file's first, then the command line's (rulesOfFlags), so that the command line wins however it
 * names a rule (`7` on the command line over `target-vague` in the file) and a rule the command
 * line does not name keeps the file's setting. Keyed by id, no rule is set twice: the order in
 * which a program reads the keys (integer-like keys first) cannot change the outcome.
 */
export function mergedRules(config: RuleSettings | undefined, flags: RuleSettings): RuleSettings {
  const out: Record<string, RuleSetting> = {};
  // In the file, a key that names fewer rules wins over one that names more (`"4": "info"` over
  // `"dimension-missing": "off"`): JSON objects have no order a program can rely on.
  const fromFile = Object.entries(config ?? {}).sort(([a], [b]) => idsOf(b).length - idsOf(a).length);
  for (const [key, setting] of [...fromFile, ...Object.entries(flags)]) {
    for (const id of idsOf(key)) out[id] = setting;
  }
  return out;
}
