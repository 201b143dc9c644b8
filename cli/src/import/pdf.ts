/**
 * Digital PDFs to a grid. Placeholder until the PDF reader lands.
 *
 * @internal
 */
import type { DocumentResult, ReadContext } from './document.js';
import { failure } from './types.js';

/** Reads the text of a PDF as lines of cells. */
export async function readPdf(_bytes: Uint8Array, ctx: ReadContext): Promise<DocumentResult> {
  return failure(
    'PDFs cannot be read yet',
    '暂不能读取 PDF',
    ctx.file === undefined ? undefined : { file: ctx.file },
  );
}
