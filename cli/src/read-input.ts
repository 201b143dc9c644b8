/**
 * Reading the input: the bytes of a file, whether they are a report JSON or tables, and JSON
 * parsing whose errors give a line and a column (from the engine's message, or found by a small
 * scanner when the message has no position). Every failure is a {@link UsageError}.
 *
 * @internal
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { ImportFormat } from './import/types.js';

/** A file as the user named it, and its bytes. */
export interface InputFile {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/**
 * The most bytes read from one file when `--max-bytes` is not given: 100 MiB, the importers'
 * own default (`DEFAULT_LIMITS.bytes` of import/document.ts). A real report is a few megabytes
 * (a 5 MB one needs about 400 MB of memory to check).
 */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** Bytes read at a time when a file's size is not known in advance (a /proc file says 0). */
const CHUNK = 1024 * 1024;

/**
 * Reads FILE's bytes, a relative name from `cwd`, at most `limit` of them. UsageError when it
 * cannot be read, is not a regular file (a device such as /dev/zero, a FIFO, a socket: they
 * are refused before a byte is read, and opening never waits for a FIFO's writer) or has more
 * than `limit` bytes (refused from its size, before it is read).
 */
export async function readBytes(file: string, cwd: string, limit = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  let read: Uint8Array | { size: number } | 'special';
  try {
    read = await readAtMost(resolve(cwd, file), limit);
  } catch (e) {
    throw readError(file, e);
  }
  if (read === 'special') {
    throw new UsageError({
      en: `${file} is not a regular file (a device, a FIFO or a socket): give a file`,
      zh: `${file} 不是普通文件（设备、管道或套接字）：请给出一个文件`,
    });
  }
  if (!(read instanceof Uint8Array)) {
    throw new UsageError({
      en: `${file} has ${read.size} bytes, more than the limit of ${limit} (--max-bytes)`,
      zh: `${file} 有 ${read.size} 字节，超过上限 ${limit} 字节（--max-bytes）`,
    });
  }
  return read;
}

/**
 * The bytes of `path`; `{ size }` when it has more than `limit` (its size, or at least the bytes
 * seen); 'special' when it is not a regular file.
 */
async function readAtMost(path: string, limit: number): Promise<Uint8Array | { size: number } | 'special'> {
  // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting; it changes
  // nothing for a regular file.
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    // A Unix socket cannot be opened (ENXIO); ENODEV / EOPNOTSUPP: a device that refuses it.
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ENXIO' || code === 'ENODEV' || code === 'EOPNOTSUPP') return 'special';
    throw e;
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stat.isFile()) return 'special';
    if (stat.size > limit) return { size: stat.size };
    // The file may grow while it is read: never more than limit + 1 bytes.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stat.size > 0 ? stat.size + 1 : CHUNK));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return { size: total };
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

/** The usage error of a file that cannot be read. */
function readError(file: string, e: unknown): UsageError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new UsageError({ en: `cannot read ${file}: no such file`, zh: `无法读取 ${file}：文件不存在` });
  }
  if (code === 'EISDIR') {
    return new UsageError({ en: `${file} is a directory, not a file`, zh: `${file} 是目录，不是文件` });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UsageError({
      en: `cannot read ${file}: permission denied`,
      zh: `无法读取 ${file}：没有读取权限`,
    });
  }
  const detail = code || (e instanceof Error ? e.message : String(e));
  return new UsageError({ en: `cannot read ${file}: ${detail}`, zh: `无法读取 ${file}：${detail}` });
}

/** The FILE that names standard input. */
export const STDIN = '-';

/**
 * Reads standard input to its end, at most `limit` bytes; UsageError when there is none to read,
 * when it has more than `limit` bytes (refused as soon as the limit is passed) or when it fails.
 */
export async function readStdin(
  stdin: AsyncIterable<Uint8Array | string> | undefined,
  limit = DEFAULT_MAX_BYTES,
): Promise<Uint8Array> {
  if (stdin === undefined) {
    throw new UsageError({ en: 'no standard input to read for "-"', zh: '没有可供“-”读取的标准输入' });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.length;
      if (total > limit) {
        throw new UsageError({
          en: `standard input has more than the limit of ${limit} bytes (--max-bytes)`,
          zh: `标准输入超过上限 ${limit} 字节（--max-bytes）`,
        });
      }
      chunks.push(bytes);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new UsageError({
      en: `cannot read standard input: ${detail}`,
      zh: `无法读取标准输入：${detail}`,
    });
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads every file, in order, each of at most `limit` bytes (`-`: standard input, once);
 * UsageError at the first that cannot be read.
 */
export async function readAll(
  files: readonly string[],
  cwd: string,
  limit = DEFAULT_MAX_BYTES,
  stdin?: AsyncIterable<Uint8Array | string>,
): Promise<InputFile[]> {
  const out: InputFile[] = [];
  // Standard input is read once, however many times `-` is given.
  let piped: Uint8Array | undefined;
  for (const file of files) {
    if (file === STDIN && stdin !== undefined) {
      piped ??= await readStdin(stdin, limit);
      out.push({ file, bytes: piped });
    } else out.push({ file, bytes: await readBytes(file, cwd, limit) });
  }
  return out;
}

/**
 * Whether FILE is a report JSON rather than tables: a `.json` name, or text (not a zip
 * archive) whose first character is `{` or `[`. `--from` means tables.
 */
export function isJsonInput(file: string, bytes: Uint8Array, from: ImportFormat | undefined): boolean {
  if (from !== undefined) return false;
  if (extname(file).toLowerCase() === '.json') return true;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return false; // .xlsx (zip)
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/** Parses FILE's bytes as UTF-8 JSON (a BOM is stripped); UsageError otherwise. */
export function parseJsonBytes(file: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    // A UTF-8 byte order mark is stripped (ignoreBOM: false).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError({
      en: `${file} is not UTF-8 text (GBK or UTF-16? save it as UTF-8)`,
      zh: `${file} 不是 UTF-8 编码的文本（可能是 GBK 或 UTF-16，请另存为 UTF-8）`,
    });
  }
  if (text.trim() === '') {
    throw new UsageError({ en: `${file} is empty`, zh: `${file} 是空文件` });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw jsonError(file, text, e);
  }
}

function jsonError(file: string, text: string, e: unknown): UsageError {
  const message = e instanceof Error ? e.message : '';
  const pos = jsonErrorPosition(text, message);
  if (pos === null) {
    return new UsageError({ en: `${file} is not valid JSON`, zh: `${file} 不是有效的 JSON` });
  }
  const { line, column } = lineColumn(text, pos);
  if (pos >= text.length) {
    return new UsageError({
      en: `${file} is not valid JSON: unexpected end of file at line ${line}, column ${column}`,
      zh: `${file} 不是有效的 JSON：第 ${line} 行第 ${column} 列文件意外结束`,
    });
  }
  const cp = text.codePointAt(pos) ?? 0;
  const shown =
    cp < 0x20 || cp === 0x7f
      ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
      : String.fromCodePoint(cp);
  return new UsageError({
    en: `${file} is not valid JSON: unexpected "${shown}" at line ${line}, column ${column}`,
    zh: `${file} 不是有效的 JSON：第 ${line} 行第 ${column} 列有误（“${shown}”）`,
  });
}

/**
 * Offset (UTF-16 code units) of a JSON syntax error: from the engine's message when it says
 * `position N` (or `line L column C`), else found by scanning, else null.
 */
function jsonErrorPosition(text: string, message: string): number | null {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  const p = /at position (\d+)/.exec(message);
  if (p?.[1] !== undefined) {
    const n = Number(p[1]);
    if (Number.isSafeInteger(n) && n >= 0 && n <= text.length) return n;
  }
  if (lc?.[1] !== undefined && lc[2] !== undefined) {
    const line = Number(lc[1]);
    const column = Number(lc[2]);
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) return null;
      offset = nl + 1;
    }
    return Math.min(offset + column - 1, text.length);
  }
  if (/end of JSON input/i.test(message)) return text.length;
  try {
    return scanJson(text);
  } catch {
    return null; // nested too deep to scan
  }
}

/** 1-based line and column (in characters) of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: [...last].length + 1 };
}

/** Offset of the first JSON syntax error in `text`, or null when it is valid JSON. */
function scanJson(text: string): number | null {
  let i = 0;
  const WS = ' \t\n\r';
  const skip = () => {
    while (i < text.length && WS.includes(text[i] as string)) i++;
  };
  // Each returns false at the offending offset i.
  const literal = (word: string): boolean => {
    for (const ch of word) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const n = text[i + 1];
        if (n === undefined) {
          i++;
          return false;
        }
        if ('"\\/bfnrt'.includes(n)) i += 2;
        else if (n === 'u') {
          for (let k = 2; k < 6; k++) {
            if (!/[0-9a-f]/i.test(text[i + k] ?? '')) {
              i += k;
              return false;
            }
          }
          i += 6;
        } else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const digits = (): boolean => {
    const start = i;
    while (i < text.length && /\d/.test(text[i] as string)) i++;
    return i > start;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  const value = (): boolean => {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return true;
      }
      for (;;) {
        skip();
        if (text[i] !== '"' || !string()) return false;
        skip();
        if (text[i] !== ':') return false;
        i++;
        if (!value()) return false;
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return true;
        }
        return false;
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return true;
      }
      for (;;) {
        if (!value()) return false;
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return true;
        }
        return false;
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && /\d/.test(c))) return number();
    return false;
  };
  if (!value()) return Math.min(i, text.length);
  skip();
  return i < text.length ? i : null;
}
