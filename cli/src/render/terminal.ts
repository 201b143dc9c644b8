/**
 * The terminal: how many columns a string takes (CJK characters two), cutting and wrapping to a
 * width, and ANSI colours. Nothing here knows about reports.
 *
 * @internal
 */

const ESC = String.fromCharCode(27);
const ANSI_SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/** Removes ANSI colour sequences (SGR) from a string. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_SGR, '');
}

/**
 * The UTF-16 code units that would act on the terminal instead of showing: a C0 control but tab
 * and line feed (ESC starts a control sequence, CR returns over the line), DEL, a C1 control,
 * or a bidirectional control (which can make a line read in another order than it is written):
 * U+061C Arabic letter mark, U+200E/U+200F left-to-right and right-to-left marks, U+202A–U+202E
 * embeddings and overrides, U+2066–U+2069 isolates. One character class, so that a text is
 * scanned by the regular-expression engine (native code) rather than a character at a time.
 */
/* eslint-disable no-control-regex -- the class names the controls to escape */
const ACTS_ON_TERMINAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class names the controls to escape
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** A backslash, `u` and the four hex digits of the code unit `c`. */
function escapeUnit(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Text from a report made safe for a terminal: each character that would act on the terminal
 * (see above) is shown as its escape, `\u001b`; everything else is unchanged. Linear in the
 * length of the text.
 *
 * @example
 * ```ts
 * visible('a\u001b[2Jb'); // 'a\\u001b[2Jb'
 * ```
 */
export function visible(text: string): string {
  return text.replace(ACTS_ON_TERMINAL, escapeUnit);
}

/** Columns a code point takes in a terminal: 0 (combining, control), 1 or 2 (East Asian wide). */
function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp === 0) return 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0; // control characters
  if (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritical marks
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, direction marks
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff ||
    (cp >= 0x1160 && cp <= 0x11ff) // Hangul jamo medial vowels and final consonants
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo initial consonants
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK Unified Ideographs extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xa960 && cp <= 0xa97f) || // Hangul Jamo extended A
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe10 && cp <= 0xfe19) || // vertical forms
    (cp >= 0xfe30 && cp <= 0xfe6f) || // CJK compatibility forms, small form variants
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) || // full-width signs
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
    (cp >= 0x1f900 && cp <= 0x1f9ff) || // supplemental symbols and pictographs
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B and later
  ) {
    return 2;
  }
  return 1;
}

/**
 * Columns a string takes in a terminal: CJK ideographs, CJK punctuation, full-width forms,
 * Hangul and kana count two; combining marks and control characters none; ANSI colour
 * sequences are ignored.
 *
 * @example
 * ```ts
 * displayWidth('预算执行率 93.74%'); // 17
 * ```
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of stripAnsi(text)) w += codePointWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/** Whether `text` holds an escape of {@link visible}, `\u001b`, at `i`. */
function isEscapeAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x5c || text[i + 1] !== 'u') return false;
  for (let k = i + 2; k < i + 6; k++) {
    const c = text.charCodeAt(k);
    const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
    if (!hex) return false;
  }
  return true;
}

/** The code points of `text`, an escape of {@link visible} (`\u001b`) counted as one. */
function units(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const n = isEscapeAt(text, i) ? 6 : String.fromCodePoint(text.codePointAt(i) ?? 0).length;
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/**
 * Cuts `text` to at most `width` columns, ending with `…` when something was cut. An escape
 * that {@link visible} wrote (`\u001b`) is cut whole or kept whole, never in half, so that what
 * is shown never reads as another character.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  let i = 0;
  while (i < text.length) {
    if (isEscapeAt(text, i)) {
      if (w + 6 > width - 1) break;
      out += text.slice(i, i + 6);
      w += 6;
      i += 6;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const cw = codePointWidth(cp);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
    i += ch.length;
  }
  return `${out}…`;
}

/** Punctuation that must not start a line. */
const CLOSING = new Set([...'，。、；：！？）》」』】〕”’,.;:!?)]}%…']);
/** Punctuation that must not end a line. */
const OPENING = new Set([...'（《「『【〔“‘([{']);

/**
 * Wraps text to lines of at most `width` columns: at spaces between words, and between any
 * two CJK characters (never before closing or after opening punctuation). A word wider than
 * a line is cut. Newlines in the text start a new line.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) out.push(...wrapParagraph(paragraph, Math.max(width, 2)));
  return out;
}

function wrapParagraph(text: string, width: number): string[] {
  // Atoms: a space, a word of narrow characters, or one wide character.
  const atoms: string[] = [];
  let word = '';
  for (const ch of text) {
    if (ch === ' ' || ch === '\t') {
      if (word) atoms.push(word);
      word = '';
      if (atoms[atoms.length - 1] !== ' ') atoms.push(' ');
    } else if (codePointWidth(ch.codePointAt(0) ?? 0) === 2) {
      if (word) atoms.push(word);
      word = '';
      atoms.push(ch);
    } else word += ch;
  }
  if (word) atoms.push(word);
  // Tokens, the units of wrapping: punctuation is glued to its neighbour.
  const tokens: string[] = [];
  for (const atom of atoms) {
    const last = tokens.length - 1;
    const prev = tokens[last];
    const glue =
      atom !== ' ' &&
      prev !== undefined &&
      prev !== ' ' &&
      (CLOSING.has(atom[0] ?? '') || OPENING.has(prev[prev.length - 1] ?? ''));
    if (glue) tokens[last] = prev + atom;
    else tokens.push(atom);
  }
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let space = false;
  for (const token of tokens) {
    if (token === ' ') {
      space = line !== '';
      continue;
    }
    const tw = displayWidth(token);
    const need = tw + (space ? 1 : 0);
    if (lineWidth + need <= width) {
      line += (space ? ' ' : '') + token;
      lineWidth += need;
    } else {
      if (line !== '') lines.push(line);
      line = '';
      lineWidth = 0;
      if (tw <= width) {
        line = token;
        lineWidth = tw;
      } else {
        // A word wider than a line is cut; an escape of `visible` (\u001b) stays on one line.
        for (const unit of units(token)) {
          const cw = unit.length === 6 && isEscapeAt(unit, 0) ? 6 : codePointWidth(unit.codePointAt(0) ?? 0);
          if (lineWidth + cw > width && line !== '') {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += unit;
          lineWidth += cw;
        }
      }
    }
    space = false;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Colours

/** Text styles of the text renderer. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

const SGR: Readonly<Record<Style, [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** Paints a text in a style; the identity when colours are off. */
export type Paint = (text: string, style: Style | undefined) => string;

/** A {@link Paint} that emits ANSI SGR sequences when `color` is true, and nothing otherwise. */
export function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, style) => {
    if (style === undefined || text === '') return text;
    const [on, off] = SGR[style];
    return `${ESC}[${on}m${text}${ESC}[${off}m`;
  };
}
