/**
 * The report document the page shows (in a sandboxed frame, through `srcdoc`) and saves: the
 * HTML report of `outturn check --format html`, so that what a person saves from the page is the
 * file the CLI writes for the same report. Every text from the report is escaped by renderHtml
 * and the document carries its own Content-Security-Policy (no script, nothing loaded).
 *
 * @internal
 */
import type { Lang } from 'outturn';
import { type RenderInput, renderHtml } from '../render/index.js';

/** The self-contained HTML report of the checks of one file, in `lang`. */
export function reportDocument(input: RenderInput, lang: Lang): string {
  return renderHtml(input, { lang });
}
