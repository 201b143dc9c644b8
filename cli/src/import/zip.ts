/**
 * Zip archives (.xlsx, .docx), with fflate: the names in the central directory, and one
 * member decompressed with a bound on its size that the archive cannot lie about (the bytes
 * are counted as they come out, whatever the directory declares).
 *
 * @internal
 */
import { unzipSync } from 'fflate';

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
