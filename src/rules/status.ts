/**
 * Printed status words (完成情况 / 是否达成 / Achieved …): what a status cell says about a row,
 * read from closed vocabularies. A word outside them is `unknown`, never guessed.
 */
import { isNothingPrinted } from '../core/quantity.js';
import { nameKey, normalizeText } from '../core/text.js';

/**
 * What a printed status says: the target was `met`, `not-met`, or `partial` (部分达成 /
 * Partially achieved: not fully met); `unknown` for a word on no vocabulary below.
 */
export type StatusReading = 'met' | 'not-met' | 'partial' | 'unknown';

/**
 * The vocabularies, as keys (see {@link statusKey}). Sources: 达成预期指标 / 部分达成预期指标 /
 * 未达成预期指标 are the words of published 项目支出绩效自评表 (e.g. 池州市贵池区棠溪镇 2022, in
 * examples/reports/); 完成 / 未完成, 达标 / 未达标 are the grade pairs of docs/conventions.md §9;
 * "met / not met / partially met" are the categories of the UK Public Administration Committee's
 * review of PSA targets (HC 62, 2002-03, annex); "Achieved / Not achieved" and "Non
 * achievement" are the wording of South African annual performance reports (the Department of
 * Infrastructure Development's 2023/24 report, examples/reports/za-did-2023-24-jobs-indicators.json).
 */
const WORDS: Readonly<Record<Exclude<StatusReading, 'unknown'>, readonly string[]>> = {
  met: [
    '达成',
    '已达成',
    '全部达成',
    '完成',
    '已完成',
    '全部完成',
    '超额完成',
    '按期完成',
    '按时完成',
    '如期完成',
    '达标',
    '已达标',
    '实现',
    '已实现',
    '达到',
    '已达到',
    '是',
    '达成目标',
    '完成目标',
    '达成预期',
    '达到预期',
    '达成预期目标',
    '达成预期指标',
    '达到预期目标',
    '达到预期指标',
    'achieved',
    'fullyachieved',
    'targetachieved',
    'met',
    'targetmet',
    'exceeded',
    'targetexceeded',
    'overachieved',
    'achievedexceeded',
    'yes',
  ],
  'not-met': [
    '未达成',
    '没有达成',
    '未完成',
    '没有完成',
    '未能完成',
    '未按期完成',
    '未按时完成',
    '未达标',
    '不达标',
    '未实现',
    '没有实现',
    '未达到',
    '没有达到',
    '否',
    '未达成目标',
    '未完成目标',
    '未达成预期',
    '未达到预期',
    '未达成预期目标',
    '未达成预期指标',
    '未达到预期目标',
    '未达到预期指标',
    'notachieved',
    'targetnotachieved',
    'nonachievement',
    'notmet',
    'targetnotmet',
    'no',
  ],
  partial: [
    '部分达成',
    '基本达成',
    '部分完成',
    '基本完成',
    '部分实现',
    '基本实现',
    '部分达标',
    '基本达标',
    '部分达到',
    '基本达到',
    '部分达成预期目标',
    '部分达成预期指标',
    'partiallyachieved',
    'partlyachieved',
    'targetpartiallyachieved',
    'partiallymet',
    'partlymet',
    'targetpartiallymet',
    'substantiallyachieved',
  ],
};

const BY_KEY = new Map<string, Exclude<StatusReading, 'unknown'>>();
for (const [reading, words] of Object.entries(WORDS) as [Exclude<StatusReading, 'unknown'>, string[]][]) {
  for (const w of words) BY_KEY.set(w, reading);
}

/**
 * The comparison key of a status word: {@link nameKey} (width, script, spaces and quotes), ASCII
 * lower-cased, hyphens, underscores, slashes and final punctuation removed. `Not Achieved.`,
 * `not-achieved` and `NOT ACHIEVED` give `notachieved`; `已達成` gives `已达成`.
 */
function statusKey(text: string): string {
  const key = nameKey(text).toLowerCase().replace(/[-_/]/g, '');
  let end = key.length;
  while (end > 0 && FINAL_STOPS.has(key[end - 1] ?? '')) end -= 1;
  return key.slice(0, end);
}

/** Punctuation a status may end with (`Achieved.`, `已完成。`). */
const FINAL_STOPS: ReadonlySet<string> = new Set(['.', '。', '!', '！']);

/** Where a status cell's first word ends and an explanation begins: `已完成（超额）`, `Achieved: …`. */
const HEAD_END = /[，,。;；:：(（\n、]|\s[-–—]\s|\.\s/u;

/**
 * Reads a printed status cell. The whole cell is looked up first; when it is not a known word,
 * its head (the text before the first comma, colon, bracket, full stop or dash) is: `已完成（超额
 * 完成）` is met, `Not achieved: delays in procurement` is not met. A head that is not a whole
 * known word (`Achieved partially`, `完成90%`) stays `unknown`. Returns null when the cell prints
 * nothing (blank, `/`, `—`).
 *
 * @example
 * ```ts
 * readStatusWord('已达成');              // 'met'
 * readStatusWord('Not achieved');        // 'not-met'
 * readStatusWord('部分达成');            // 'partial'
 * readStatusWord('见说明');              // 'unknown'
 * readStatusWord('/');                   // null
 * ```
 */
export function readStatusWord(text: string): StatusReading | null {
  const s = normalizeText(text);
  if (isNothingPrinted(s)) return null;
  const whole = BY_KEY.get(statusKey(s));
  if (whole !== undefined) return whole;
  const end = HEAD_END.exec(s);
  if (end === null || end.index === 0) return 'unknown';
  return BY_KEY.get(statusKey(s.slice(0, end.index))) ?? 'unknown';
}
