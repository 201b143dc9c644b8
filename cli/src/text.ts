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
