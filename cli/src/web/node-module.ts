/**
 * `createRequire` of `node:module` for the browser build of the offline page: the PDF reader
 * asks it only where the pdfjs-dist package is, to name its character maps; in the page the
 * maps are inline (pdfjs.ts), so any fixed directory name does.
 *
 * @internal
 */

/** The directory name the page's pdf.js data factory expects in front of a map's file name. */
export const PDFJS_DIR = '/pdfjs-dist';

/** A `require` whose `resolve` places every package in {@link PDFJS_DIR}. */
export function createRequire(_from: string | URL): { resolve(id: string): string } {
  return { resolve: (id: string) => `${PDFJS_DIR}/${id.split('/').pop() ?? ''}` };
}
