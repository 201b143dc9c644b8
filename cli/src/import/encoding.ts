/**
 * Text encodings of the files people export from spreadsheets and PDF readers: UTF-8 (with or
 * without a byte order mark), GB18030/GBK (what Excel and WPS write on Chinese systems), and
 * UTF-16 with a byte order mark (Excel's "Unicode text"). Anything else is refused with a
 * message that names the likely encoding; bytes are never guessed into text silently.
 * {@link decodeText} is part of `outturn-cli/import`; the rest is internal.
 *
 * @module
 */
import type { Messages } from 'outturn';

/** The encodings {@link decodeText} recognises. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Result of {@link decodeText}. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly message: Messages };

const HAN = /\p{Script=Han}/u;

/**
 * True when `bytes` starts with `prefix`.
 *
 * @internal
 */
export function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes the bytes of a text file.
 *
 * 1. A UTF-16 byte order mark (`FF FE`, `FE FF`): UTF-16 little or big endian.
 * 2. A UTF-8 byte order mark (`EF BB BF`), or bytes that are valid UTF-8: UTF-8.
 * 3. Bytes that decode strictly as GB18030 (a superset of GBK and GB2312) into text with
 *    at least one Chinese character: GB18030. (Big5 and Latin-1 text whose accented letters
 *    come in pairs can decode as GB18030 too; such files must be saved as UTF-8.)
 * 4. Anything else is an error naming the likely encoding: UTF-16 without a byte order mark
 *    (NUL bytes), Latin-1/Windows-1252 (isolated bytes ≥ 0x80), or an unknown one.
 *
 * NUL bytes in otherwise valid UTF-8 are refused too: a text file has none, and they mean
 * UTF-16 without a byte order mark or a binary file. A byte order mark is not part of the
 * text returned; line ends are kept as they are.
 *
 * Returns `{ ok: true, text, encoding }`, or `{ ok: false, message: { en, zh } }` saying what
 * the bytes look like, where the first bad byte is and what to do. Never throws for bad bytes.
 *
 * @throws TypeError when `bytes` is not a `Uint8Array` (a programmer error).
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xd4, 0xa4, 0xcb, 0xe3]));  // 预算 in GBK, as Excel saves CSV in China
 * // { ok: true, text: '预算', encoding: 'gb18030' }
 * decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]));  // "Café" in Latin-1
 * // { ok: false, message: { en: 'cannot read the text: it is neither UTF-8 nor GB18030/GBK; it looks like Latin-1 …', zh: '无法读取文本：…' } }
 * ```
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (!(bytes instanceof Uint8Array))
    throw new TypeError('decodeText: bytes must be a Uint8Array (or a Buffer)');
  if (startsWithBytes(bytes, [0xff, 0xfe]) || startsWithBytes(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    const text = strict(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    if (text === null) {
      return bad(
        `it starts with a UTF-16 ${le ? 'little' : 'big'}-endian byte order mark but is not valid UTF-16`,
        `文件以 UTF-16 ${le ? '小端' : '大端'}字节顺序标记开头，但不是有效的 UTF-16 文本`,
      );
    }
    return { ok: true, text, encoding: le ? 'utf-16le' : 'utf-16be' };
  }
  const bom = startsWithBytes(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    return bad(
      `it contains NUL bytes (the first at byte ${nul + (bom ? 3 : 0)}): UTF-16 without a byte order mark, or not a text file`,
      `文件含有 NUL 字节（第一个在第 ${nul + (bom ? 3 : 0)} 字节）：可能是不带字节顺序标记的 UTF-16，或者不是文本文件`,
    );
  }
  const utf8 = strict('utf-8', body);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  const gb = strict('gb18030', body);
  // GB18030 maps almost every pair of high bytes to some character: a text without a single
  // Chinese character is not Chinese text, whatever it decodes to.
  if (gb !== null && HAN.test(gb)) {
    return { ok: true, text: gb, encoding: 'gb18030' };
  }
  const firstBad = firstInvalidUtf8(body) + (bom ? 3 : 0);
  if (looksLatin1(body)) {
    return bad(
      `it is neither UTF-8 nor GB18030/GBK; it looks like Latin-1 or Windows-1252 (byte 0x${hex(bytes[firstBad])} at offset ${firstBad})`,
      `既不是 UTF-8 也不是 GB18030/GBK 编码；看起来是 Latin-1 或 Windows-1252（偏移 ${firstBad} 处的字节 0x${hex(bytes[firstBad])}）`,
    );
  }
  return bad(
    `it is neither UTF-8 nor GB18030/GBK (first invalid byte 0x${hex(bytes[firstBad])} at offset ${firstBad})`,
    `既不是 UTF-8 也不是 GB18030/GBK 编码（偏移 ${firstBad} 处的字节 0x${hex(bytes[firstBad])} 无效）`,
  );
}

function bad(en: string, zh: string): DecodeResult {
  return {
    ok: false,
    message: {
      en: `cannot read the text: ${en}. Save the file as UTF-8 (or GB18030/GBK) and try again`,
      zh: `无法读取文本：${zh}。请另存为 UTF-8（或 GB18030/GBK）编码后重试`,
    },
  };
}

function hex(b: number | undefined): string {
  return (b ?? 0).toString(16).toUpperCase().padStart(2, '0');
}

/** Offset of the first byte that makes the input invalid UTF-8 (0 when none is found). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const n =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return 0;
}

/**
 * Latin-1 and Windows-1252 text has accented letters (bytes ≥ 0xC0, or 0x80–0x9F for
 * Windows-1252 punctuation) mostly between ASCII letters: most high bytes are isolated.
 */
function looksLatin1(bytes: Uint8Array): boolean {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    high++;
    const prev = bytes[i - 1] ?? 0;
    const next = bytes[i + 1] ?? 0;
    if (prev < 0x80 && next < 0x80) isolated++;
  }
  return high > 0 && isolated * 2 >= high;
}
