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
 * Currencies of the reports outturn has read, by the signs and codes they print: the key is
 * the lower-case sign, the value the dimension's currency. 元 (CNY) is `money` itself.
 * `$` alone is not assumed to be US dollars: it compares only with `$`.
 */
const CURRENCIES: Readonly<Record<string, string>> = {
  '¥': '',
  rmb: '',
  cny: '',
  人民币: '',
  r: 'ZAR',
  zar: 'ZAR',
  rand: 'ZAR',
  us$: 'USD',
  usd: 'USD',
  $: '$',
  hk$: 'HKD',
  hkd: 'HKD',
  ushs: 'UGX',
  ugx: 'UGX',
  shs: 'UGX',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
};

/** Scale words after a currency (`R'000`, `US$ millions`, `Ushs thousands`, `$1.5 million`). */
const SCALES: Readonly<Record<string, string>> = {
  '': '1',
  "'000": '1000',
  '000': '1000',
  k: '1000',
  thousand: '1000',
  thousands: '1000',
  "'000000": '1000000',
  "'000'000": '1000000',
  m: '1000000',
  mn: '1000000',
  million: '1000000',
  millions: '1000000',
  bn: '1000000000',
  billion: '1000000000',
  billions: '1000000000',
  元: '1',
  千元: '1000',
  万元: '10000',
  百万元: '1000000',
  亿元: '100000000',
  万: '10000',
  亿: '100000000',
};

/**
 * The currency sign at the start of `s` (`¥`, `RMB`, `US$`, `R`, `Ushs` …), as printed, when a
 * number follows it (after optional spaces); null otherwise (internal, for parseQuantity).
 */
export function currencyPrefix(s: string): string | null {
  const lower = s.toLowerCase();
  let best: string | null = null;
  for (const sign of Object.keys(CURRENCIES)) {
    if (!lower.startsWith(sign) || (best !== null && sign.length <= best.length)) continue;
    let j = sign.length;
    while (s[j] === ' ') j += 1;
    const next = s[j] ?? '';
    if (next >= '0' && next <= '9') best = sign;
  }
  return best === null ? null : s.slice(0, best.length);
}

/** Scale words alone (`1.5 million`): a plain number, as 万 and 亿 are. */
const SCALE_WORDS = ['thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'bn'];

/**
 * Reads a money unit with a currency sign and a scale (internal): `R'000` (thousand rand),
 * `US$ millions`, `Ushs thousands`, `¥`, `RMB`, `$ million`, `RMB 万元`. The currency comes
 * first, the scale after it; spaces are ignored and Latin letters compared in lower case.
 * Returns null when the text is not of that shape.
 */
export function lookupMoneyUnit(text: string): UnitInfo | null {
  const t = text.replaceAll(' ', '').toLowerCase();
  if (t === '') return null;
  let best: string | null = null;
  for (const sign of Object.keys(CURRENCIES)) {
    if (t.startsWith(sign) && (best === null || sign.length > best.length)) {
      if (Object.hasOwn(SCALES, t.slice(sign.length))) best = sign;
    }
  }
  if (best === null) {
    if (SCALE_WORDS.includes(t))
      return { symbol: text.trim(), dimension: 'number', factor: dec(SCALES[t] as string) };
    return null;
  }
  const currency = CURRENCIES[best] as string;
  const factor = dec(SCALES[t.slice(best.length)] as string);
  return { symbol: text.trim(), dimension: currency === '' ? 'money' : `money:${currency}`, factor };
}

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
  const money = lookupMoneyUnit(text);
  if (money !== null) return money;
  if (text.length > MAX_UNKNOWN_LATIN_UNIT * 2) return null;
  const chars = [...text];
  const cjk = chars.some((c) => (c.codePointAt(0) ?? 0) >= 0x3400);
  const max = cjk ? MAX_UNKNOWN_CJK_UNIT : MAX_UNKNOWN_LATIN_UNIT;
  if (chars.length === 0 || chars.length > max || !chars.every(isUnitChar)) return null;
  return { symbol: text, dimension: `other:${text}`, factor: dec(1) };
}
