/**
 * The character set of a web page (.html, .htm) and its text, for html.ts.
 *
 * - **Encoding**: a byte order mark; else the `<meta charset>` or `<meta http-equiv=
 *   "Content-Type" content="…; charset=…">` (or an XML declaration's `encoding`) in the first
 *   1024 bytes: GB2312, GBK, GB18030 and their aliases are read as GB18030, UTF-8 as UTF-8, any
 *   other character set is refused with its name (unless every byte is ASCII, which reads the
 *   same in all of them); bytes that are not valid in the declared set are read as
 *   {@link decodeText} reads them when they are valid UTF-8 or GB18030, with a note, and
 *   refused otherwise; without a declaration, as {@link decodeText} reads a text file.
 *
 * @internal
 */
import { Parser } from 'htmlparser2';
import { decodeText, startsWithBytes } from './encoding.js';

/** Where the declared character set of a page is, and its name as written (lower case). */
interface Declared {
  readonly charset: string;
  readonly where: string;
}

/**
 * The character set a page declares in its first 1024 bytes: a `<meta charset>`, a `<meta
 * http-equiv="Content-Type" content="…charset=…">`, or an XML declaration's `encoding`.
 *
 * @example
 * ```ts
 * declaredCharset(new TextEncoder().encode('<meta charset="GB2312">'));
 * // { charset: 'gb2312', where: '<meta charset>' }
 * ```
 */
export function declaredCharset(bytes: Uint8Array): Declared | null {
  let head = '';
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i] as number);
  let found: Declared | null = null;
  const parser = new Parser(
    {
      onprocessinginstruction: (_name, data) => {
        if (found !== null || !/^\?xml\s/i.test(data)) return;
        const m = /\sencoding\s*=\s*["']?([^"'\s?>]+)/i.exec(data);
        if (m?.[1] !== undefined) found = { charset: m[1].toLowerCase(), where: '<?xml encoding?>' };
      },
      onopentag: (name, attribs) => {
        if (found !== null || name !== 'meta') return;
        if (attribs.charset !== undefined && attribs.charset.trim() !== '') {
          found = { charset: attribs.charset.trim().toLowerCase(), where: '<meta charset>' };
          return;
        }
        if ((attribs['http-equiv'] ?? '').trim().toLowerCase() !== 'content-type') return;
        const m = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(attribs.content ?? '');
        if (m?.[1] !== undefined)
          found = { charset: m[1].toLowerCase(), where: '<meta http-equiv="Content-Type">' };
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(head);
  parser.end();
  if (found === null) return null;
  const f: Declared = found;
  return { charset: f.charset.slice(0, 40), where: f.where };
}

const GB = new Set([
  'gb2312',
  'gbk',
  'gb18030',
  'x-gbk',
  'cp936',
  'ms936',
  'windows-936',
  'csgb2312',
  'chinese',
  'iso-ir-58',
  'csiso58gb231280',
  'gb_2312',
  'gb_2312-80',
]);
const UTF8 = new Set([
  'utf-8',
  'utf8',
  'unicode-1-1-utf-8',
  'unicode11utf8',
  'unicode20utf8',
  'x-unicode20utf8',
]);
// The standard reads a page that declares UTF-16 in a <meta> as UTF-8 (the bytes of a real
// UTF-16 page start with a byte order mark, or could not hold the ASCII <meta> at all).
const UTF16 = new Set(['utf-16', 'utf-16le', 'utf-16be', 'unicode', 'ucs-2', 'csunicode', 'iso-10646-ucs-2']);

type Decoded =
  | { readonly ok: true; readonly text: string; readonly note: { en: string; zh: string } | null }
  | { readonly ok: false; readonly en: string; readonly zh: string };

function strictDecode(label: 'utf-8' | 'gb18030', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of a page, in the character set its bytes and its declaration give (see the module),
 * with a note when that is not UTF-8; or why not, in both languages.
 *
 * @example
 * ```ts
 * decodePage(new TextEncoder().encode('<meta charset="big5"><p>x</p>')); // ASCII only: read
 * // { ok: true, text: '<meta charset="big5"><p>x</p>', note: null }
 * ```
 */
export function decodePage(bytes: Uint8Array): Decoded {
  const bom =
    startsWithBytes(bytes, [0xef, 0xbb, 0xbf]) ||
    startsWithBytes(bytes, [0xff, 0xfe]) ||
    startsWithBytes(bytes, [0xfe, 0xff]);
  const fallback = (): Decoded => {
    const d = decodeText(bytes);
    if (!d.ok) return { ok: false, en: d.message.en, zh: d.message.zh };
    const note =
      d.encoding === 'gb18030'
        ? {
            en: 'the page declares no character set: read as GB18030/GBK, which its bytes are',
            zh: '网页未声明字符集：按其字节所属的 GB18030/GBK 编码读取',
          }
        : null;
    return { ok: true, text: d.text, note };
  };
  if (bom) return fallback();
  const declared = declaredCharset(bytes);
  if (declared === null) return fallback();
  const { charset, where } = declared;
  const label = GB.has(charset) ? 'gb18030' : UTF8.has(charset) || UTF16.has(charset) ? 'utf-8' : null;
  if (label === null) {
    if (bytes.every((b) => b < 0x80))
      return { ok: true, text: new TextDecoder('utf-8').decode(bytes), note: null };
    return {
      ok: false,
      en: `the web page declares the character set "${charset}" (${where}), which outturn does not read: save it as UTF-8 or GB18030 and try again`,
      zh: `网页声明的字符集为“${charset}”（${where}），outturn 不能读取：请另存为 UTF-8 或 GB18030 编码后重试`,
    };
  }
  const text = strictDecode(label, bytes);
  if (text !== null) {
    const note =
      label === 'gb18030'
        ? {
            en: `read as GB18030, as the page declares (${where}: "${charset}")`,
            zh: `按网页声明的字符集读取为 GB18030（${where}：“${charset}”）`,
          }
        : null;
    return { ok: true, text, note };
  }
  const other = decodeText(bytes);
  if (other.ok) {
    const name = other.encoding === 'gb18030' ? 'GB18030/GBK' : 'UTF-8';
    return {
      ok: true,
      text: other.text,
      note: {
        en: `the page declares "${charset}" (${where}) but its bytes are not valid ${label === 'gb18030' ? 'GB18030' : 'UTF-8'}: read as ${name}, which they are`,
        zh: `网页声明字符集“${charset}”（${where}），但其字节不是有效的 ${label === 'gb18030' ? 'GB18030' : 'UTF-8'}：按其实际的 ${name} 编码读取`,
      },
    };
  }
  return {
    ok: false,
    en: `the web page declares the character set "${charset}" (${where}) but is not valid ${label === 'gb18030' ? 'GB18030' : 'UTF-8'}, nor any other encoding outturn reads: save it as UTF-8 and try again`,
    zh: `网页声明的字符集为“${charset}”（${where}），但内容不是有效的 ${label === 'gb18030' ? 'GB18030' : 'UTF-8'}，也不是 outturn 能读取的其他编码：请另存为 UTF-8 编码后重试`,
  };
}
