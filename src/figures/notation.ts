/**
 * Rewrites of target notations into the symbols the target grammar reads (internal): the
 * English comparator words of English-language tables (`at least 95 per cent` → `≥95%`) and
 * the inclusion markers of Chinese ones (`90%以上（含）`, `5%以下(不含)`, `≥90%(含90%)`).
 *
 * @internal
 */

/** English comparator phrases before the number, longest first (matched case-insensitively). */
const ENGLISH_PREFIXES: readonly (readonly [string, string])[] = [
  ['not less than', '≥'],
  ['no less than', '≥'],
  ['not fewer than', '≥'],
  ['no fewer than', '≥'],
  ['greater than or equal to', '≥'],
  ['more than or equal to', '≥'],
  ['less than or equal to', '≤'],
  ['a minimum of', '≥'],
  ['minimum of', '≥'],
  ['at least', '≥'],
  ['minimum', '≥'],
  ['min.', '≥'],
  ['not more than', '≤'],
  ['no more than', '≤'],
  ['not greater than', '≤'],
  ['not exceeding', '≤'],
  ['a maximum of', '≤'],
  ['maximum of', '≤'],
  ['at most', '≤'],
  ['maximum', '≤'],
  ['max.', '≤'],
  ['up to', '≤'],
  ['within', '≤'],
  ['greater than', '>'],
  ['more than', '>'],
  ['higher than', '>'],
  ['in excess of', '>'],
  ['exceeding', '>'],
  ['above', '>'],
  ['over', '>'],
  ['less than', '<'],
  ['fewer than', '<'],
  ['lower than', '<'],
  ['below', '<'],
  ['under', '<'],
  ['equal to', '='],
  ['exactly', '='],
];

/** English comparator phrases after the number (`95% or more`). */
const ENGLISH_SUFFIXES: readonly (readonly [string, string])[] = [
  ['or more', '≥'],
  ['or above', '≥'],
  ['or higher', '≥'],
  ['or greater', '≥'],
  ['and above', '≥'],
  ['and more', '≥'],
  ['or less', '≤'],
  ['or fewer', '≤'],
  ['or below', '≤'],
  ['or lower', '≤'],
  ['and below', '≤'],
  ['and less', '≤'],
];

/** `95 per cent`, `95 percent`, `95 Per Cent` → `95%` (one pass, no regular expression). */
function perCentToSymbol(text: string): string {
  let s = text;
  for (const word of ['per cent', 'percent']) {
    let at = s.toLowerCase().indexOf(word);
    while (at >= 0) {
      const after = s[at + word.length] ?? '';
      if (/[a-z]/iu.test(after)) break;
      s = `${s.slice(0, at).trimEnd()}%${s.slice(at + word.length)}`;
      at = s.toLowerCase().indexOf(word);
    }
  }
  return s;
}

/** True when the text holds an ASCII letter (then the English phrases may apply). */
export function hasLatin(text: string): boolean {
  return /[A-Za-z]/u.test(text);
}

/**
 * Rewrites English comparator wording into symbols: `at least 95 per cent` → `≥95%`,
 * `between 80 and 90 per cent` → `80~90%`, `300 or more` → `≥300`. Text without those
 * phrases comes back unchanged.
 */
export function readEnglish(text: string): string {
  if (!hasLatin(text)) return text;
  let s = perCentToSymbol(text).trim();
  const lower = s.toLowerCase();
  const and = lower.indexOf(' and ');
  if (lower.startsWith('between ') && and > 0) {
    return `${s.slice('between '.length, and).trim()}~${s.slice(and + ' and '.length).trim()}`;
  }
  for (const [phrase, symbol] of ENGLISH_PREFIXES) {
    if (lower.startsWith(phrase) && !/[a-z]/u.test(lower[phrase.length] ?? '')) {
      return `${symbol}${s.slice(phrase.length).trim()}`;
    }
  }
  for (const [phrase, symbol] of ENGLISH_SUFFIXES) {
    if (lower.endsWith(phrase) && /[\s\d%]/u.test(lower[lower.length - phrase.length - 1] ?? '')) {
      s = s.slice(0, -phrase.length).trim();
      return `${symbol}${s}`;
    }
  }
  return s;
}

/** An inclusion marker read off a target: `含` (the number is included) or `不含`. */
export type Inclusion = 'included' | 'excluded' | null;

const INCLUSION = /\((不含|不包含|不包括|含|包含|包括)([^()]{0,12})\)/u;

/**
 * Strips one inclusion marker: `(含)`, `(不含)`, `(含90%)`, `(不含本数)` (full-width
 * parentheses are ASCII after normalisation). `90%以上(含)` → `90%以上`, included.
 */
export function stripInclusion(text: string): { readonly rest: string; readonly inclusion: Inclusion } {
  const m = INCLUSION.exec(text);
  if (m === null) return { rest: text, inclusion: null };
  // Words other than a number or 本数 inside the parentheses are a note (含结转), not a marker.
  const inner = (m[2] as string).trim();
  if (inner !== '' && inner !== '本数' && !/^[\d.,%‰]+\D{0,4}$/u.test(inner)) {
    return { rest: text, inclusion: null };
  }
  const rest = `${text.slice(0, m.index)}${text.slice(m.index + m[0].length)}`.trim();
  return { rest, inclusion: (m[1] as string).startsWith('不') ? 'excluded' : 'included' };
}
