/**
 * Web pages (.html, .htm) to a grid. Placeholder until the HTML reader lands.
 *
 * @internal
 */
import type { DocumentResult, ReadContext } from './document.js';
import { failure } from './types.js';

/** Reads the tables and paragraphs of a web page. */
export async function readHtml(_bytes: Uint8Array, ctx: ReadContext): Promise<DocumentResult> {
  return failure(
    'web pages cannot be read yet',
    '暂不能读取网页',
    ctx.file === undefined ? undefined : { file: ctx.file },
  );
}
