/**
 * Which way an indicator is better (指标方向): higher (正向指标, ≥) or lower (反向指标, ≤), from
 * the head of its name and the group it is in. The comparator of a target printed without one
 * comes from here (target.ts), and so does the direction of a deviation.
 */

import { assertString, assertStringArray } from '../core/arguments.js';
import { nameKey } from '../core/text.js';

/**
 * Lower-is-better rates and measures, matched at the END of the indicator's name: Chinese
 * indicator names put the measured thing last (事故处理率 is a 处理率, not an 事故), so only the
 * head decides. From DESIGN §1 (预算调整率, 结转结余率, …控制率, …变动率, 投诉率, 事故) and the
 * indicators of 财预〔2020〕10号 templates that are 反向指标 (≤).
 */
const LOWER_BETTER_HEADS: readonly string[] = [
  '预算调整率',
  '结转结余率',
  '结余率',
  '控制率',
  '变动率',
  '发生率',
  '发病率',
  '时限',
  '用时',
  '耗时',
  '办理时间',
  '审批时间',
  '响应时间',
  '等待时间',
  '处理时间',
  '办理时长',
  '审批时长',
  '等待时长',
  '办理周期',
  '审批周期',
  '发生次数',
  '发生起数',
  '发生数',
  '单价',
  '人均费用',
];

/**
 * Things that only a lower figure improves (bad events and costs): a name that ENDS with one
 * of them, optionally followed by an event word ({@link EVENT_WORDS}) and a measure
 * ({@link MEASURE_WORDS}), is lower-is-better: 投诉次数, 投诉率, 安全事故发生起数, 设备故障率,
 * 城镇登记失业率, 孕产妇死亡率, 差错率, 返工率, 单项业务成本, 人均培训费用.
 */
const BAD_THINGS: readonly string[] = [
  '事故',
  '投诉',
  '差错',
  '失误',
  '故障',
  '失业',
  '死亡',
  '违规',
  '违纪',
  '逾期',
  '返工',
  '缺陷',
  '不合格',
  '超支',
  '损失',
  '空置',
  '流失',
  '辍学',
  '误差',
  '偏差',
  '误报',
  '漏报',
  '成本',
  '费用',
  '造价',
];

/** Words between a bad thing and its measure: 事故发生率, 违规问题数, 投诉案件数. */
const EVENT_WORDS: readonly string[] = ['发生', '出现', '问题', '行为', '事件', '案件', '总'];

/** Measures after a bad thing (longest first); '' is the thing itself (安全事故, 项目总成本). */
const MEASURE_WORDS: readonly string[] = [
  '次数',
  '起数',
  '件数',
  '人数',
  '例数',
  '天数',
  '数量',
  '总额',
  '金额',
  '情况',
  '率',
  '数',
  '量',
  '起',
  '件',
  '次',
  '额',
  '',
];

/**
 * Words that make a lower-is-better name higher-is-better: the name measures a saving or a
 * reduction (成本节约率, 投诉下降率, 降低运营成本), so more of it is better.
 */
const SAVING_PARTS: readonly string[] = ['节约', '节省', '节支', '降低', '下降', '减少', '压降', '压减'];

/**
 * English measure names that state a ceiling or a cost (Queensland Treasury 2018–19 service
 * standards: "Average cost per hour of advice", "… growth … does not exceed population growth",
 * "Target ongoing reduction in … debt-to-revenue ratio"). A name that measures the reduction
 * itself ("Percentage reduction in …") is higher-is-better and is not matched.
 */
const ENGLISH_LOWER_PARTS: readonly string[] = [
  'cost per',
  'average cost',
  'unit cost',
  'does not exceed',
  'not to exceed',
  'reduction in',
];

function englishLowerPart(name: string): string | null {
  // Each of the phrases and measure words has Latin letters.
  if (!/[a-z]/i.test(name)) return null;
  const n = name.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(?:the )?(?:percentage|per cent|percent|%|rate|proportion|share|number|amount)\b/.test(n)) {
    // "Percentage reduction in …", "Number of …": the measure itself, not a ceiling.
    if (!n.includes('cost per') && !n.includes('average cost') && !n.includes('unit cost')) return null;
  }
  return ENGLISH_LOWER_PARTS.find((p) => n.includes(p)) ?? null;
}

/** Which rule decided the direction of an indicator (see {@link indicatorDirection}). */
export interface IndicatorDirection {
  /** True when a lower figure is better: a bare target is then a ceiling (≤). */
  readonly lowerIsBetter: boolean;
  /**
   * `name`: the name ends with a lower-is-better head (`part`); `cost-group`: the indicator sits
   * under a cost category (成本指标, `part` is the category); `saving`: the name measures a saving
   * or a reduction (`part`), higher is better; `default`: none of these, higher is better.
   */
  readonly rule: 'name' | 'cost-group' | 'saving' | 'default';
  /** The word that decided, or null for `default`. */
  readonly part: string | null;
}

/** The name without a unit or note in brackets at its end: 投诉次数（次） → 投诉次数. */
function headOf(name: string): string {
  let key = nameKey(name);
  for (;;) {
    const close = key.endsWith(')') ? '(' : key.endsWith(']') ? '[' : null;
    if (close === null) return key;
    const open = key.lastIndexOf(close);
    if (open <= 0) return key;
    key = key.slice(0, open);
  }
}

/**
 * The words of a list that a text may end with, by the text's last character: those that end
 * with it, and '' (which every text ends with), in the list's order. So a scan for the first
 * word a text ends with tries only those, and finds the same word (internal; exported for its
 * test in test/fast-paths.test.ts).
 */
export function byLastCharacter(words: readonly string[]): (text: string) => readonly string[] {
  const groups = new Map<string, readonly string[]>();
  for (const w of words) {
    const last = w.slice(-1);
    if (last !== '' && !groups.has(last))
      groups.set(
        last,
        words.filter((x) => x === '' || x.endsWith(last)),
      );
  }
  const none = words.filter((x) => x === '');
  return (text) => groups.get(text.slice(-1)) ?? none;
}

const HEADS_ENDING = /* @__PURE__ */ byLastCharacter(LOWER_BETTER_HEADS);
const MEASURES_ENDING = /* @__PURE__ */ byLastCharacter(MEASURE_WORDS);
const THINGS_ENDING = /* @__PURE__ */ byLastCharacter(BAD_THINGS);

/** The lower-is-better word the name ends with, or null. */
function lowerHead(key: string): string | null {
  for (const head of HEADS_ENDING(key)) if (key.endsWith(head)) return head;
  for (const measure of MEASURES_ENDING(key)) {
    if (!key.endsWith(measure)) continue;
    let stem = key.slice(0, key.length - measure.length);
    for (const event of EVENT_WORDS) {
      if (event !== '' && stem.endsWith(event) && stem.length > event.length) {
        stem = stem.slice(0, -event.length);
        break;
      }
    }
    for (const thing of THINGS_ENDING(stem))
      if (stem.endsWith(thing)) return key.slice(stem.length - thing.length);
  }
  return null;
}

/**
 * Which way an indicator improves, and which rule says so. Used for the direction of a bare
 * target value (no comparator printed), and said in the evaluation's note.
 *
 * Rules, in order (the name is normalised and a bracketed unit at its end dropped:
 * 投诉次数（次） is 投诉次数):
 * 1. a name that measures a saving or a reduction (节约, 节省, 节支, 降低, 下降, 减少, 压降, 压减) is
 *    higher-is-better (`saving`): 成本节约率, 能耗下降率;
 * 2. a name that ENDS with a lower-is-better head is lower-is-better (`name`): the rates 预算调整率,
 *    结转结余率, …控制率, …变动率, …发生率; times 时限, 用时, 耗时, 办理时间 …; 单价, 人均费用; and a
 *    bad thing (事故, 投诉, 差错, 故障, 失业, 死亡, 违规, 返工, 成本, 费用 …) with an optional event
 *    word and measure: 投诉次数, 投诉率, 安全事故发生起数, 设备故障率. Only the end decides, so
 *    事故处理率, 投诉办结率 and 投诉处理满意度 are higher-is-better;
 * 3. a name under a cost category (a path segment with 成本, such as 成本指标) that is not a rate
 *    (…率, …度) is lower-is-better (`cost-group`): 项目计划总投资 under 成本指标;
 * 4. otherwise higher-is-better (`default`).
 *
 * @throws TypeError when `name` is not a string or `path` not an array of strings.
 * @example
 * ```ts
 * indicatorDirection('投诉次数');   // { lowerIsBetter: true, rule: 'name', part: '投诉次数' }
 * indicatorDirection('事故处理率'); // { lowerIsBetter: false, rule: 'default', part: null }
 * indicatorDirection('项目计划总投资', ['产出指标', '成本指标']); // { lowerIsBetter: true, rule: 'cost-group', part: '成本指标' }
 * ```
 */
export function indicatorDirection(name: string, path: readonly string[] = []): IndicatorDirection {
  assertString('indicatorDirection', 'name', name);
  assertStringArray('indicatorDirection', 'path', path);
  const key = headOf(name);
  const saving = SAVING_PARTS.find((p) => key.includes(p));
  if (saving !== undefined) return { lowerIsBetter: false, rule: 'saving', part: saving };
  const head = lowerHead(key) ?? englishLowerPart(name);
  if (head !== null) return { lowerIsBetter: true, rule: 'name', part: head };
  const rate = key.endsWith('率') || key.endsWith('度');
  const cost = rate ? undefined : path.find((segment) => nameKey(segment).includes('成本'));
  if (cost !== undefined) return { lowerIsBetter: true, rule: 'cost-group', part: cost };
  return { lowerIsBetter: false, rule: 'default', part: null };
}

/**
 * True when a lower figure of the indicator is better: {@link indicatorDirection}`.lowerIsBetter`
 * (a name ending with 预算调整率, …控制率, 投诉次数, 故障率, 时限, 成本 …, or under 成本指标;
 * never a saving such as 成本节约率; see docs/conventions.md §6). Used for the direction of a
 * bare target value.
 *
 * @throws TypeError when `name` is not a string or `path` not an array of strings.
 * @example
 * ```ts
 * isLowerBetter('公用经费控制率'); // true
 * isLowerBetter('投诉次数');       // true
 * isLowerBetter('投诉办结率');     // false
 * isLowerBetter('预算执行率');     // false
 * isLowerBetter('项目计划总投资', ['产出指标', '成本指标']); // true
 * ```
 */
export function isLowerBetter(name: string, path: readonly string[] = []): boolean {
  assertString('isLowerBetter', 'name', name);
  assertStringArray('isLowerBetter', 'path', path);
  return indicatorDirection(name, path).lowerIsBetter;
}
