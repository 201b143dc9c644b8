/**
 * The one error the command raises on purpose: a usage error or unreadable input, which ends the
 * command with exit code 2 and one line on stderr.
 *
 * @internal
 */
import type { Lang } from 'outturn';

/** A text in both languages of the command line. */
export type Localized = Readonly<Record<Lang, string>>;

/** A problem that ends the command with exit code 2 and one line on stderr. */
export class UsageError extends Error {
  /**
   * @param text the line, in both languages
   * @param hint whether the line ends with "run 'outturn --help' for usage"
   */
  constructor(
    readonly text: Localized,
    readonly hint = false,
  ) {
    super(text.en);
  }
}
