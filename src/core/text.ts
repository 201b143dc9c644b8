/**
 * Text normalisation shared by the parsers: width, script and punctuation variants that
 * published tables print for the same thing.
 *
 * @internal
 */
import { assertString } from './arguments.js';

/**
 * Traditional-script characters that occur in units, grades and indicator names of the
 * tables outturn reads, each followed by its simplified form. Only characters whose
 * simplified form is unambiguous in this domain are listed.
 */
const TRADITIONAL_PAIRS =
  '萬万億亿個个條条項项戶户間间臺台輛辆噸吨處处場场張张週周畝亩釐厘裡里歲岁們们達达預预較较顯显劃划規规範范無无實实際际執执據据標标準准確确時时為为與与進进開开優优帳账賬账費费經经資资額额數数結结轉转餘余調调職职員员編编採采購购產产滿满務务營营業业績绩評评價价總总體体國国區区縣县鎮镇鄉乡學学醫医療疗衛卫農农發发點点級级礎础設设備备護护養养頭头類类長长單单專专應应對对傳传導导後后來来現现從从會会過过書书車车號号廣广線线電电網网訊讯計计參参訓训課课講讲蓋盖內内於于殘残壞坏舊旧災灾險险兩两錢钱幣币圓圆齊齐適适當当顧顾問问題题關关係系環环穩稳態态積积極极獲获齡龄億亿規规項项稱称門门質质';

const TRAD_MAP = new Map<string, string>();
{
  const chars = [...TRADITIONAL_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) TRAD_MAP.set(chars[i] as string, chars[i + 1] as string);
}

/**
 * Maps the traditional-script characters outturn knows to simplified script.
 *
 * @throws TypeError when `text` is not a string.
 */
export function toSimplified(text: string): string {
  assertString('toSimplified', 'text', text);
  let out = '';
  for (const ch of text) out += TRAD_MAP.get(ch) ?? ch;
  return out;
}

/**
 * Width and punctuation normalisation: NFKC (full-width digits, letters, `％`, `＞＝`,
 * ideographic space), then the dashes, minus signs and comparators that NFKC leaves alone.
 *
 * @throws TypeError when `text` is not a string.
 */
export function normalizeWidth(text: string): string {
  assertString('normalizeWidth', 'text', text);
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    switch (ch) {
      case '\u2212': // minus sign
      case '\u2010':
      case '\u2011':
      case '\u2012':
      case '\uFE63':
        out += '-';
        break;
      case '\u2013': // en dash
      case '\u2014': // em dash
      case '\u2015':
        out += '—';
        break;
      case '\u301C': // wave dash
      case '\uFF5E': // full-width tilde (already ~ after NFKC)
        out += '~';
        break;
      case '\u00A0':
      case '\u2002':
      case '\u2003':
      case '\u2009':
      case '\u202F':
      case '\u3000':
      case '\t':
      case '\r':
      case '\n':
        out += ' ';
        break;
      case '\u201C':
      case '\u201D':
      case '\u2018':
      case '\u2019':
      case '\u300C':
      case '\u300D':
      case '\u300E':
      case '\u300F':
        out += '"';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** Width, script and space normalisation, trimmed: the form parsers work on. */
export function normalizeText(text: string): string {
  // Fast path: ASCII, ≤ ≥ and CJK unified ideographs are left alone by NFKC and by every
  // replacement of normalizeWidth, so only the traditional characters need mapping.
  if (PLAIN.test(text)) return (hasTraditional(text) ? toSimplified(text) : text).trim();
  return toSimplified(normalizeWidth(text)).trim();
}

/**
 * True when `text` is already in normal form (normalizeText would return it unchanged):
 * printable ASCII, `≤ ≥` and simplified CJK ideographs, no leading or trailing space.
 */
export function isNormalized(text: string): boolean {
  return PLAIN.test(text) && !hasTraditional(text) && text.trim() === text;
}

/** Text that normalizeWidth leaves unchanged: printable ASCII, `≤`, `≥`, CJK unified ideographs. */
const PLAIN = /^[\x20-\x7e\u2264\u2265\u4e00-\u9fff]*$/;

/** True when the text holds a traditional-script character that toSimplified maps. */
function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (TRAD_BITS[text.charCodeAt(i)] === 1) return true;
  }
  return false;
}

/** One byte per UTF-16 code unit: 1 where toSimplified maps the character. */
const TRAD_BITS = new Uint8Array(0x10000);
for (const ch of TRAD_MAP.keys()) TRAD_BITS[ch.charCodeAt(0)] = 1;

/**
 * A key to compare names and grades: width and script normalised, with spaces, quotes and
 * the punctuation PDF extraction scatters removed. `“三公经费”变动率` and `"三公经费" 变动率`
 * give the same key.
 *
 * @throws TypeError when `text` is not a string.
 */
export function nameKey(text: string): string {
  assertString('nameKey', 'text', text);
  const s = normalizeText(text);
  return KEY_DROPPED.test(s) ? s.replace(KEY_DROPPED_ALL, '') : s;
}

/** What nameKey drops: spaces and quotes. */
const KEY_DROPPED = /[ "'`]/;
const KEY_DROPPED_ALL = /[ "'`]/g;

/** True for an ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** True when the text contains an ASCII digit (after normalisation). */
export function hasDigit(text: string): boolean {
  // By code unit: an ASCII digit is one, and no half of a surrogate pair is one.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
