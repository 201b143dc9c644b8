/**
 * Word documents (.docx) to a grid. Placeholder until the Word reader lands.
 *
 * @internal
 */
import type { DocumentResult, ReadContext } from './document.js';
import { failure } from './types.js';

/** Reads the tables and paragraphs of a Word document. */
export async function readDocx(_bytes: Uint8Array, ctx: ReadContext): Promise<DocumentResult> {
  return failure(
    'Word documents cannot be read yet',
    '暂不能读取 Word 文档',
    ctx.file === undefined ? undefined : { file: ctx.file },
  );
}
