/**
 * The explanations of a PEFA assessment, in en and zh-CN: why each year graded as it did, why
 * each dimension scored what it did, and how the indicators aggregate. Internal to rules/pefa.ts.
 */
import type { PefaBand, PefaBandEnds, PefaGrade, PefaScore, PefaYearGrade } from '../figures/pefa-grades.js';
import type { Messages } from '../model/findings.js';

/** Why a year has no graded figure, or a D without one. */
export type PefaReason =
  | 'year-missing'
  | 'no-approved-budget'
  | 'no-data'
  | 'zero-budget'
  | 'zero-adjusted'
  | 'unreadable';

/** A band in words. */
export function bandWords(band: PefaBand, bandEnds: PefaBandEnds): Messages {
  if (band.low === null && band.high !== null) return { en: `below ${band.high}%`, zh: `低于${band.high}%` };
  if (band.low !== null && band.high === null) return { en: `above ${band.low}%`, zh: `高于${band.low}%` };
  const inclusive = band.ends === 'between' ? bandEnds === 'inclusive' : band.ends === 'inclusive';
  if (band.ends === 'exclusive') {
    return {
      en: `above ${band.low}% and below ${band.high}%`,
      zh: `高于${band.low}%且低于${band.high}%`,
    };
  }
  return inclusive
    ? { en: `within ${band.low}–${band.high}%`, zh: `在${band.low}%–${band.high}%之间` }
    : {
        en: `within ${band.low}–${band.high}% (ends excluded)`,
        zh: `在${band.low}%–${band.high}%之间（不含端点）`,
      };
}

/** The text of a reason for one year. */
export function reasonWords(year: string, reason: PefaReason): Messages {
  switch (reason) {
    case 'year-missing':
      return { en: `${year}: no data for this year → D`, zh: `${year}：该年无数据 → D` };
    case 'no-approved-budget':
      return {
        en: `${year}: no budget was approved this year → D`,
        zh: `${year}：该年未批准预算 → D`,
      };
    case 'no-data':
      return {
        en: `${year}: the figures of this dimension are not given → D`,
        zh: `${year}：未提供本维度所需数据 → D`,
      };
    case 'zero-budget':
      return {
        en: `${year}: the budget is zero, so the figure does not exist (counts as D)`,
        zh: `${year}：预算为零，该数值不存在（按 D 计）`,
      };
    case 'zero-adjusted':
      return {
        en: `${year}: the adjusted budgets sum to zero, so the figure does not exist (counts as D)`,
        zh: `${year}：调整后预算合计为零，该数值不存在（按 D 计）`,
      };
    default:
      return {
        en: `${year}: an amount cannot be read, so the figure is not computed (counts as D)`,
        zh: `${year}：有金额无法读取，该数值未计算（按 D 计）`,
      };
  }
}

const RANK: Readonly<Record<PefaYearGrade, number>> = { A: 4, B: 3, C: 2, D: 1 };

/** One year as the two-of-three explanation lists it. */
export interface YearFigure {
  readonly year: string;
  /** The printed figure (`"97.3%"`) or null. */
  readonly printed: string | null;
  readonly grade: PefaYearGrade | null;
}

/**
 * Why a dimension scored what it did by the two-of-three-years rule:
 * "2 of the last 3 years within 95–105% (2019/20 97.3%, 2020/21 104.1%) → A".
 */
export function twoOfThreeWords(
  score: PefaGrade,
  years: readonly YearFigure[],
  bands: readonly PefaBand[],
  bandEnds: PefaBandEnds,
  count: number,
): Messages {
  if (score === 'D*') return insufficientWords(count);
  const list = (ys: readonly YearFigure[], sep: string): string =>
    ys.map((y) => `${y.year} ${y.printed ?? '—'}`).join(sep);
  if (score === 'D') {
    const c = bands.find((b) => b.grade === 'C');
    const w = c === undefined ? { en: 'in the C band', zh: '在C档内' } : bandWords(c, bandEnds);
    return {
      en: `fewer than 2 of the last 3 years ${w.en} (${list(years, ', ')}) → D`,
      zh: `最近3年中不足2年${w.zh}（${list(years, '，')}）→ D`,
    };
  }
  const band = bands.find((b) => b.grade === score) as PefaBand;
  const w = bandWords(band, bandEnds);
  const meeting = years.filter((y) => y.grade !== null && RANK[y.grade] >= RANK[score]);
  return {
    en: `${meeting.length} of the last 3 years ${w.en} (${list(meeting, ', ')}) → ${score}`,
    zh: `最近3年中有${meeting.length}年${w.zh}（${list(meeting, '，')}）→ ${score}`,
  };
}

/** D* for too few years (count > 0) or no year with the dimension's figures (count 0). */
export function insufficientWords(count: number): Messages {
  return count > 0
    ? {
        en: `only ${count} fiscal year${count === 1 ? '' : 's'} of data: PEFA scores the last three completed years → D* (insufficient information)`,
        zh: `仅有 ${count} 个财年的数据，PEFA 按最近三个已完成财年评分 → D*（信息不足）`,
      }
    : {
        en: 'no year gives the figures of this dimension → D* (insufficient information)',
        zh: '没有任何一年提供本维度所需数据 → D*（信息不足）',
      };
}

/** How an indicator aggregates its dimensions. */
export function aggregationWords(
  method: 'M1' | 'M2',
  dimensions: readonly (readonly [string, PefaGrade])[],
  score: PefaScore,
): Messages {
  const list = dimensions.map(([id, g]) => `${id} ${g}`).join(', ');
  const zlist = dimensions.map(([id, g]) => `${id} ${g}`).join('，');
  const starred = dimensions.some(([, g]) => g === 'D*');
  return method === 'M1'
    ? {
        en: `M1 (weakest link: the lowest dimension score, + when another scores higher${starred ? '; D* counts as D' : ''}): ${list} → ${score}`,
        zh: `M1（最弱环节法：取最低维度得分，其他维度更高时加“+”${starred ? '；D* 按 D 计' : ''}）：${zlist} → ${score}`,
      }
    : {
        en: `M2 (averaging, by the Framework's conversion table${starred ? '; D* counts as D' : ''}): ${list} → ${score}`,
        zh: `M2（平均法，按框架换算表${starred ? '；D* 按 D 计' : ''}）：${zlist} → ${score}`,
      };
}
