/**
 * Zip archives (.xlsx, .docx), with fflate: the names in the central directory, and one
 * member decompressed with a bound on its size that the archive cannot lie about (the bytes
 * are counted as they come out, whatever the directory declares).
 *
 * @internal
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/** The names of the members of a zip archive, from its central directory (nothing is decompressed). */
export function zipNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

/** The result of {@link readZipEntry}. */
export type ZipEntry =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'missing' | 'too-large' | 'damaged' };

/** Compressed bytes handed to the decompressor at a time: each gives at most about 66 MB. */
const SLICE = 64 * 1024;

/**
 * The bytes of the member `name` of a zip archive, decompressed, or why not: `missing`, `damaged`,
 * or `too-large` as soon as more than `cap` bytes have come out (counted, not taken from the
 * archive's directory, so a member that declares 1 KB and holds 1 GB stops at `cap`).
 */
export function readZipEntry(bytes: Uint8Array, name: string, cap: number): ZipEntry {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let found = false;
  let done = false;
  let outcome: 'too-large' | 'damaged' | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (err, chunk, final) => {
      if (outcome !== null) return;
      if (err) {
        outcome = 'damaged';
        return;
      }
      total += chunk.length;
      if (total > cap) {
        outcome = 'too-large';
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    try {
      file.start();
    } catch {
      outcome = 'damaged';
    }
  };
  try {
    for (let i = 0; i < bytes.length && outcome === null && !done; i += SLICE) {
      const end = Math.min(i + SLICE, bytes.length);
      unzip.push(bytes.subarray(i, end), end === bytes.length);
    }
  } catch {
    if (outcome === null) outcome = 'damaged';
  }
  if (outcome !== null) return { ok: false, reason: outcome };
  if (!found) return { ok: false, reason: 'missing' };
  if (!done) return { ok: false, reason: 'damaged' };
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes: out };
}
