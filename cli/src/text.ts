/**
 * Small text helpers of the command line.
 *
 * @internal
 */

/** Folds a text onto one line: every line trimmed, blank lines dropped, joined by spaces. */
export function oneLine(text: string): string {
  // Split and trim instead of one /\s*[\r\n]+\s*/ replace, which backtracks quadratically on
  // long runs of spaces.
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** Names as a list in words: `a, b or c` in English, `a、b 或 c` in Chinese. */
export function listOf(names: readonly string[], lang: 'en' | 'zh'): string {
  const head = names.slice(0, -1);
  const last = names[names.length - 1] ?? '';
  if (head.length === 0) return last;
  return lang === 'zh' ? `${head.join('、')} 或 ${last}` : `${head.join(', ')} or ${last}`;
}
