/**
 * 完成目标可能性 (the likelihood of meeting a target) as printed in mid-year monitoring tables
 * (绩效运行监控表): the vocabularies of the templates in use, read into one scale.
 */
import { normalizeText, toSimplified } from '../core/text.js';

/**
 * 完成目标可能性 as read: `certain` (确定能), `likely` (很可能), `possible` (有可能), `unlikely`
 * (不太可能), `impossible` (完全不可能 / 不可能), or `unknown` for words outside these.
 */
export type LikelihoodReading = 'certain' | 'likely' | 'possible' | 'unlikely' | 'impossible' | 'unknown';

/**
 * The likelihood words outturn reads, by reading. The Chinese templates print three grades: 确定能 /
 * 有可能 / 完全不可能 (most provincial 绩效运行监控表) or 确定能 / 有可能 / 不可能 (黄石市 2019).
 */
export const LIKELIHOOD_WORDS: Readonly<Record<Exclude<LikelihoodReading, 'unknown'>, readonly string[]>> = {
  certain: [
    '确定能',
    '确定能完成',
    '确定',
    '肯定能',
    '能',
    '能完成',
    '能够完成',
    '可以完成',
    'certain',
    'yes',
    'will be met',
  ],
  likely: ['很可能', '较大可能', '大概率', 'likely', 'probable'],
  possible: ['有可能', '可能', '基本能', '基本能完成', '可能完成', 'possible', 'possibly'],
  unlikely: ['不太可能', '可能性较小', '较小可能', 'unlikely'],
  impossible: ['完全不可能', '不可能', '不能', '不能完成', '无法完成', 'impossible', 'no', 'will not be met'],
};

const MARKS = ['☑', '✓', '✔', '√', '■', '▣', '☒'];

function lookupLikelihood(word: string): LikelihoodReading | null {
  const w = word.toLowerCase();
  for (const [reading, words] of Object.entries(LIKELIHOOD_WORDS)) {
    if (words.includes(w)) return reading as LikelihoodReading;
  }
  return null;
}

/**
 * Reads a printed 完成目标可能性 (width, script, spaces and `。` ignored; `☑确定能 □有可能` reads
 * the ticked word). Returns null when nothing is printed (blank, `/`, `—`), `unknown` for a
 * word outside {@link LIKELIHOOD_WORDS}.
 *
 * @throws TypeError when `text` is not a string.
 * @example
 * ```ts
 * readLikelihood('确定能');      // 'certain'
 * readLikelihood('有可能');      // 'possible'
 * readLikelihood('完全不可能');  // 'impossible'
 * readLikelihood('☑确定能 □有可能 □完全不可能'); // 'certain'
 * readLikelihood('大概吧');      // 'unknown'
 * ```
 */
export function readLikelihood(value: string): LikelihoodReading | null {
  if (typeof value !== 'string')
    throw new TypeError(`readLikelihood: text must be a string, got ${typeof value}`);
  const t = toSimplified(normalizeText(value)).replace(/[。.]$/, '');
  if (t === '' || t === '/' || t === '-' || t === '—' || t === '——') return null;
  const tokens = t.split(/[\s、,，;；/]+/).filter((x) => x !== '');
  const marked = tokens.filter((x) => MARKS.some((m) => x.includes(m)));
  const strip = (x: string) => [...x].filter((c) => !MARKS.includes(c) && c !== '□' && c !== '☐').join('');
  if (marked.length === 1) return lookupLikelihood(strip(marked[0] as string)) ?? 'unknown';
  return lookupLikelihood(strip(tokens.join(' ')).trim()) ?? 'unknown';
}
