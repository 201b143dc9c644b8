/**
 * Zip archives (.xlsx, .docx), with fflate: the names and declared sizes in the central
 * directory, and members decompressed in one pass with a bound on their size that the archive
 * cannot lie about (the bytes are counted as they come out, whatever the directory declares).
 *
 * @internal
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/** The names of the members of a zip archive, from its central directory (nothing is decompressed). */
export function zipNames(bytes: Uint8Array): string[] {
  return zipMembers(bytes).map((m) => m.name);
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
  const r = inflate(bytes, cap, (n) => n === name, false);
  if (!r.ok) return r;
  const found = r.kept.get(name);
  return found === undefined ? { ok: false, reason: 'missing' } : { ok: true, bytes: found };
}

/** A member of a zip archive as its central directory declares it. */
export interface ZipMember {
  readonly name: string;
  /** The size it declares once decompressed (the archive may lie: see {@link inflateMembers}). */
  readonly declaredSize: number;
}

/**
 * The members of a zip archive with the sizes its central directory declares (nothing is
 * decompressed). Throws on a damaged archive, as {@link zipNames} does.
 *
 * @example
 * ```ts
 * zipMembers(zipSync({ 'a.xml': strToU8('<a/>') })); // [{ name: 'a.xml', declaredSize: 4 }]
 * ```
 */
export function zipMembers(bytes: Uint8Array): ZipMember[] {
  const members: ZipMember[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      members.push({ name: f.name, declaredSize: f.originalSize });
      return false;
    },
  });
  return members;
}

/** The result of {@link inflateMembers}. */
export type InflatedMembers =
  | {
      readonly ok: true;
      /** Bytes that came out of all the members, counted. */
      readonly total: number;
      /** Members met in the archive's body (its local headers), in order. */
      readonly count: number;
      /** The members `keep` asked for, decompressed. */
      readonly kept: ReadonlyMap<string, Uint8Array>;
    }
  | { readonly ok: false; readonly reason: 'too-large' | 'damaged' };

/**
 * Decompresses every member of a zip archive in one pass, counting the bytes as they come out:
 * `too-large` as soon as more than `cap` bytes have come out of all the members together
 * (whatever the directory declares), `damaged` for a broken stream. The members for which
 * `keep(name)` is true are returned; the others are counted and dropped.
 *
 * @example
 * ```ts
 * const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'b.bin': new Uint8Array(10) });
 * inflateMembers(zip, 100, (n) => n.endsWith('.xml'));
 * // { ok: true, total: 14, count: 2, kept: Map { 'a.xml' => Uint8Array(4) } }
 * inflateMembers(zip, 10, () => false); // { ok: false, reason: 'too-large' }
 * ```
 */
export function inflateMembers(
  bytes: Uint8Array,
  cap: number,
  keep: (name: string) => boolean,
): InflatedMembers {
  return inflate(bytes, cap, keep, true);
}

/**
 * The one pass of both readers: the members `keep` wants decompressed and returned, and with
 * `all` every other member decompressed and counted too (else skipped, and the pass stops once
 * the wanted ones are out). The first member of a name wins. `cap` bounds the bytes counted.
 */
function inflate(
  bytes: Uint8Array,
  cap: number,
  keep: (name: string) => boolean,
  all: boolean,
): InflatedMembers {
  const kept = new Map<string, Uint8Array>();
  const started = new Set<string>();
  let total = 0;
  let count = 0;
  let pending = 0;
  let outcome: 'too-large' | 'damaged' | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    count++;
    const wanted = keep(file.name) && !started.has(file.name);
    if (!wanted && !all) return;
    if (wanted) started.add(file.name);
    pending++;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (outcome !== null) return;
      if (err) {
        outcome = 'damaged';
        return;
      }
      total += chunk.length;
      size += chunk.length;
      if (total > cap) {
        outcome = 'too-large';
        file.terminate();
        return;
      }
      if (wanted) chunks.push(chunk);
      if (final) {
        pending--;
        if (wanted) kept.set(file.name, concat(chunks, size));
      }
    };
    try {
      file.start();
    } catch {
      outcome = 'damaged';
    }
  };
  const done = () => !all && started.size > 0 && pending === 0;
  try {
    for (let i = 0; i < bytes.length && outcome === null && !done(); i += SLICE) {
      const end = Math.min(i + SLICE, bytes.length);
      unzip.push(bytes.subarray(i, end), end === bytes.length);
    }
  } catch {
    if (outcome === null) outcome = 'damaged';
  }
  if (outcome !== null) return { ok: false, reason: outcome };
  if (pending !== 0) return { ok: false, reason: 'damaged' };
  return { ok: true, total, count, kept };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
