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

/**
 * The edit distance of two texts, counting an insertion, a deletion, a substitution and a swap
 * of two neighbours as one edit each (optimal string alignment, the restricted
 * Damerau–Levenshtein distance). Quadratic: for option and command names, not for report text.
 *
 * @example
 * ```ts
 * editDistance('--formt', '--format'); // 1
 * editDistance('chekc', 'check'); // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let before: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[n] ?? 0;
}

/**
 * The candidate nearest to `name` when it is at most `max` edits away (see
 * {@link editDistance}) and fewer than half the length of `name`; the first of equally near
 * ones; undefined when none is near enough or `name` is too long to be a typo of one.
 */
export function nearest(name: string, candidates: readonly string[], max = 2): string | undefined {
  if (name.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    // Fewer edits than half the name: `fr` is no typo of `zh`, though two edits away.
    if (d < bestDistance && d * 2 < name.length) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
