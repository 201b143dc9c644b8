/**
 * Text from a report made inert in HTML: the five characters that HTML gives a meaning to are
 * written as character references, and what would act on a terminal (a report file can be
 * `cat` to one) is shown as its escape first. Nothing from the input is ever written as markup.
 *
 * @internal
 */
import { visible } from './terminal.js';

const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A text as HTML character data or attribute value: `& < > " '` as references, control and
 * bidirectional characters as visible escapes (`\u001b`, see `visible`). Linear in the length.
 *
 * @example
 * ```ts
 * escapeHtml('<img src=x onerror="alert(1)">'); // '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 * escapeHtml('a\u001b[2Jb'); // 'a\\u001b[2Jb'
 * ```
 */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => REFERENCES[c] ?? c);
}
