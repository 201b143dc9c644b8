/**
 * pdf.js for the offline page: scripts/build-web.mjs puts this module in place of
 * `pdfjs-dist/legacy/build/pdf.mjs` for the PDF reader (cli/src/import/pdf.ts), so the reader
 * runs in the browser unchanged.
 *
 * - **No worker file**: importing pdf.js's worker module sets `globalThis.pdfjsWorker`, and
 *   pdf.js then runs its parser on the page's own thread (its "fake worker") instead of loading
 *   a worker script by URL. Nothing is fetched; the page's Content-Security-Policy needs no
 *   `worker-src`.
 * - **No fetch of data files**: the character maps come from {@link CMAPS} (inline in the page)
 *   through a `BinaryDataFactory` of ours; a map or a standard font the page does not carry is
 *   refused at once, without a request (pdf.js then reads that font without it, as it reads
 *   an embedded font).
 *
 * @internal
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { CMAPS } from './cmap-data.js';

export * from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Bytes of a base64 string. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** pdf.js's data factory, answered from the inline maps: never a request. */
class InlineData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const data = kind === 'cMapUrl' ? CMAPS[filename] : undefined;
    if (data === undefined) throw new Error(`${filename} is not part of the offline page`);
    return fromBase64(data);
  }
}

type Source = Parameters<typeof pdfjs.getDocument>[0];

/** pdf.js's `getDocument` with the inline data factory (and the worker on this thread). */
export function getDocument(src: Source): ReturnType<typeof pdfjs.getDocument> {
  const options =
    typeof src === 'object' && src !== null && !(src instanceof Uint8Array) ? src : { data: src };
  return pdfjs.getDocument({
    ...(options as object),
    BinaryDataFactory: InlineData,
    useWorkerFetch: false,
  } as Source);
}
