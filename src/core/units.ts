/**
 * Units as printed in budget performance tables, with the dimension each one measures and its
 * exact factor to the base unit of that dimension. Two quantities can be compared only when
 * their units share a dimension; count units (次, 家, 件 …) are each a dimension of their own,
 * so `5次` and `5家` are never compared.
 *
 * @internal
 */
import { type Dec, dec } from './decimal.js';

/** What a unit measures. Count units are `count:<unit>`; unknown units are `other:<unit>`. */
export type Dimension = string;

export interface UnitInfo {
  /** Canonical symbol, simplified script (`万元`, `%`, `人次`). */
  readonly symbol: string;
  /** What the unit measures (`money`, `ratio`, `count:次` …): units convert only within one. */
  readonly dimension: Dimension;
  /** Exact factor to the dimension's base unit (万元 → 10000 元). */
  readonly factor: Dec;
}

/** Percent-scale units: `%` is the base; ‰ is a tenth of it. English tables print `per cent`. */
const RATIO: Record<string, string> = {
  '%': '1',
  百分比: '1',
  '‰': '0.1',
  percent: '1',
  percentage: '1',
  pct: '1',
};

/**
 * 个百分点 (percentage points) is a difference of two percentages, not a level: `提高5个百分点`
 * against `85%` compares a change with a level, so it is a dimension of its own (the two are
 * never silently compared; a unit column 个百分点 with bare figures compares like with like).
 */
const POINTS: Record<string, string> = { 个百分点: '1', 百分点: '1', 'percentage points': '1', pp: '1' };

const MONEY: Record<string, string> = {
  元: '1',
  千元: '1000',
  万元: '10000',
  百万元: '1000000',
  亿元: '100000000',
};

const LENGTH: Record<string, string> = {
  毫米: '0.001',
  厘米: '0.01',
  米: '1',
  m: '1',
  千米: '1000',
  公里: '1000',
  km: '1000',
};

/** Area in 亩 as base: 1 平方米 = 0.0015 亩 and 1 公顷 = 15 亩 exactly. */
const AREA: Record<string, string> = {
  平方米: '0.0015',
  亩: '1',
  公顷: '15',
  平方公里: '1500',
};

const MASS: Record<string, string> = {
  克: '1',
  斤: '500',
  公斤: '1000',
  千克: '1000',
  吨: '1000000',
  万吨: '10000000000',
};

/** Time units that convert into each other exactly. 工作日 and 年 stand alone. */
const TIME_MINUTES: Record<string, string> = {
  分钟: '1',
  小时: '60',
  个小时: '60',
};
const TIME_DAYS: Record<string, string> = { 天: '1', 日: '1', 周: '7', 个周: '7' };
const TIME_MONTHS: Record<string, string> = { 月: '1', 个月: '1', 季度: '3', 个季度: '3', 年: '12' };

/**
 * Count units of real tables. Each is a dimension of its own; synonyms map to one symbol.
 * `万`/`亿` in front of any of them scales it (`1.2万人次` = 12000 人次).
 */
const COUNTS: readonly string[] = [
  '次',
  '家',
  '家次',
  '件',
  '个',
  '人',
  '人次',
  '名',
  '位',
  '条',
  '份',
  '篇',
  '批',
  '批次',
  '起',
  '项',
  '户',
  '台',
  '辆',
  '套',
  '张',
  '本',
  '册',
  '场',
  '场次',
  '期',
  '期次',
  '所',
  '座',
  '处',
  '栋',
  '间',
  '支',
  '只',
  '头',
  '株',
  '棵',
  '部',
  '页',
  '门',
  '种',
  '例',
  '宗',
  '课时',
  '学时',
  '轮',
  '类',
  '村',
  '个村',
  '所次',
  '工作日',
  '个工作日',
  '床',
  '张次',
  '班',
  '组',
  '队',
  '单',
  '笔',
  '宗次',
  '户次',
  '台次',
  '车次',
  '架次',
  '个次',
];

const SYNONYMS: Readonly<Record<string, string>> = {
  个工作日: '工作日',
  个村: '村',
  个小时: '小时',
  个周: '周',
  个季度: '季度',
  个月: '月',
  日: '天',
  百分比: '%',
  percent: '%',
  percentage: '%',
  pct: '%',
  'percentage points': '个百分点',
  pp: '个百分点',
  百分点: '个百分点',
  千克: '公斤',
  千米: '公里',
  km: '公里',
  m: '米',
};

/** Number words used as units: `1.2万` is 12000 (a bare number in the same dimension). */
const NUMBER_WORDS: Record<string, string> = {
  千: '1000',
  万: '10000',
  十万: '100000',
  百万: '1000000',
  千万: '10000000',
  亿: '100000000',
};

/** A bare number, in the dimension of the number words (factor 1). */
export const PLAIN_NUMBER: UnitInfo = { symbol: '', dimension: 'number', factor: dec(1) };

const REGISTRY = new Map<string, UnitInfo>();

function register(table: Record<string, string>, dimension: Dimension): void {
  for (const [symbol, factor] of Object.entries(table)) {
    REGISTRY.set(symbol, { symbol: SYNONYMS[symbol] ?? symbol, dimension, factor: dec(factor) });
  }
}

register(RATIO, 'ratio');
register(POINTS, 'ratio-points');
register(NUMBER_WORDS, 'number');
register(MONEY, 'money');
register(LENGTH, 'length');
register(AREA, 'area');
register(MASS, 'mass');
register({ 千瓦时: '1', 度: '1', 兆瓦时: '1000', kWh: '1' }, 'energy');
register({ 千瓦: '1', 兆瓦: '1000', kW: '1', MW: '1000' }, 'power');
register({ 立方米: '1', 方: '1', 万立方米: '10000' }, 'volume');
register({ 平方千米: '1500' }, 'area');
register(TIME_MINUTES, 'time:minutes');
register(TIME_DAYS, 'time:days');
register(TIME_MONTHS, 'time:months');
for (const c of COUNTS) {
  const symbol = SYNONYMS[c] ?? c;
  REGISTRY.set(c, { symbol, dimension: `count:${symbol}`, factor: dec(1) });
}

const SCALE_PREFIXES: Readonly<Record<string, string>> = { 万: '10000', 亿: '100000000' };

/**
 * Characters that never occur in a unit: words of time, approximation and completion
 * (`100左右`, `2023年底前完成`, `6月底前`). Text holding one is prose, not a unit.
 */
const NOT_IN_UNITS = new Set([...'前后底内外以约近完成达到及或和的于至超低高多少余左右上下每']);

/** Characters an unknown unit may consist of: CJK ideographs, ASCII letters, `/`, `²`, `³`. */
function isUnitChar(ch: string): boolean {
  if (NOT_IN_UNITS.has(ch)) return false;
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    ch === '/' ||
    ch === '²' ||
    ch === '³'
  );
}

/**
 * Longest unit text accepted as an unknown unit (千瓦时, 标准间, kWh); longer text is prose.
 * Latin units may be longer (`tonnes`), up to 8 letters.
 */
const MAX_UNKNOWN_CJK_UNIT = 3;
const MAX_UNKNOWN_LATIN_UNIT = 8;

/**
 * Looks up a unit as printed (already width- and script-normalised, no spaces).
 * Known units get their dimension and factor; `万`/`亿` + a known non-money unit is scaled;
 * a short run of CJK or Latin letters is an unknown unit comparable only with itself;
 * anything else is null (not a unit).
 */
export function lookupUnit(text: string): UnitInfo | null {
  const known = REGISTRY.get(text);
  if (known) return known;
  const head = text[0];
  const prefix = head === undefined ? undefined : SCALE_PREFIXES[head];
  if (prefix !== undefined && text.length > 1) {
    const base = REGISTRY.get(text.slice(1));
    if (base && base.dimension !== 'money' && base.dimension !== 'ratio') {
      return {
        symbol: `${head}${base.symbol}`,
        dimension: base.dimension,
        factor: base.factor.times(prefix),
      };
    }
  }
  if (text.length > MAX_UNKNOWN_LATIN_UNIT * 2) return null;
  const chars = [...text];
  const cjk = chars.some((c) => (c.codePointAt(0) ?? 0) >= 0x3400);
  const max = cjk ? MAX_UNKNOWN_CJK_UNIT : MAX_UNKNOWN_LATIN_UNIT;
  if (chars.length === 0 || chars.length > max || !chars.every(isUnitChar)) return null;
  return { symbol: text, dimension: `other:${text}`, factor: dec(1) };
}
