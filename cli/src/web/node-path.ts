/**
 * The two functions of `node:path` that the PDF reader uses, for the browser build of the
 * offline page (scripts/build-web.mjs puts this module in place of `node:path`). Paths here are
 * only names that the page's pdf.js data factory recognises (pdfjs.ts), never files.
 *
 * @internal
 */

/** The part of a `/`-separated path before its last `/` (`/a/b` → `/a`). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The parts joined by single `/`s. */
export function join(...parts: string[]): string {
  return parts.join('/').replace(/\/{2,}/g, '/');
}
