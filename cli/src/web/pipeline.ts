/**
 * What the offline page does with one file, without the page: its bytes to the result of the
 * same checks as `outturn check` (a report JSON checked with `checkReport`, any other file
 * imported with `importReport` and then checked), or a failure in both languages. Pure and
 * free of the DOM, so the unit tests run it in Node.js and the page (page.ts) only shows it.
 *
 * @internal
 */
import {
  isWellFormedReport,
  type Messages,
  type Report,
  SCORING_PROFILES,
  type ValidationResult,
  validateReport,
} from 'outturn';
import { checkReport } from 'outturn/schema';
import { formatLocation, type ImportFormat, type ImportItem, importReport } from '../import/index.js';
import type { RenderInput } from '../render/index.js';

/** The file types the page offers in its file picker (`accept`). */
export const ACCEPTED = '.json,.csv,.txt,.tsv,.xlsx,.xls,.docx,.html,.htm,.pdf';

/**
 * The most bytes the page reads from one file: 100 MiB, the importers' default and the CLI's
 * (`--max-bytes`). A larger file is refused from its size, before a byte is read.
 */
export const MAX_BYTES = 100 * 1024 * 1024;

/** The refusal of a file of `size` bytes, more than {@link MAX_BYTES}; null when it is not larger. */
export function tooLarge(fileName: string, size: number): PageFailure | null {
  if (size <= MAX_BYTES) return null;
  return {
    ok: false,
    message: {
      en: `${fileName} has ${size} bytes, more than the limit of ${MAX_BYTES}`,
      zh: `${fileName} 有 ${size} 字节，超过上限 ${MAX_BYTES} 字节`,
    },
  };
}

/** A file read and checked. */
export interface PageResult {
  readonly ok: true;
  /** The file name and the result of the checks, as the renderers take them. */
  readonly input: RenderInput;
  /** `json` for a report JSON, else the format the importer read. */
  readonly format: 'json' | ImportFormat;
  /** What the importer could not place in the report (empty for a report JSON). */
  readonly unplaced: readonly ImportItem[];
  /** What the importer inferred (empty for a report JSON). */
  readonly notes: readonly ImportItem[];
}

/** A file that could not be read: why, in both languages. */
export interface PageFailure {
  readonly ok: false;
  readonly message: Messages;
}

/**
 * Whether the bytes are a report JSON rather than tables: a `.json` name, or text (not a zip
 * archive) whose first character after a byte order mark and white space is `{` or `[` — the
 * rule of `outturn check`.
 */
export function isReportJson(fileName: string, bytes: Uint8Array): boolean {
  if (fileName.toLowerCase().endsWith('.json')) return true;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return false;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/** The JSON in the bytes (UTF-8, a byte order mark allowed), or a failure. */
function parseJson(fileName: string, bytes: Uint8Array): { ok: true; json: unknown } | PageFailure {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: {
        en: `${fileName} is not UTF-8 text (GBK or UTF-16? save it as UTF-8)`,
        zh: `${fileName} 不是 UTF-8 编码的文本（可能是 GBK 或 UTF-16，请另存为 UTF-8）`,
      },
    };
  }
  if (text.trim() === '')
    return { ok: false, message: { en: `${fileName} is empty`, zh: `${fileName} 是空文件` } };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    return {
      ok: false,
      message: {
        en: `${fileName} is not valid JSON${detail === '' ? '' : `: ${detail}`}`,
        zh: `${fileName} 不是有效的 JSON${detail === '' ? '' : `：${detail}`}`,
      },
    };
  }
}

/** The checks of `outturn check` with its default scoring profile. */
function checked(json: unknown): ValidationResult {
  const scoring = SCORING_PROFILES.default;
  return isWellFormedReport(json)
    ? validateReport(json as Report, { scoring })
    : checkReport(json, { scoring });
}

/**
 * Reads one file as the page does and checks it as `outturn check FILE` does (default
 * profile): a report JSON is checked as it is; a table file (CSV, PDF text, .xlsx, .xls, .docx,
 * .html, a digital PDF) is imported first. A file of more than {@link MAX_BYTES} is refused.
 * Never throws for bad input.
 *
 * @example
 * ```ts
 * const r = await checkFile(bytes, 'suzhou-commerce-service-center-2023.json');
 * // r.ok === true, r.format === 'json', r.input.result.summary.error === 3
 * ```
 */
export async function checkFile(bytes: Uint8Array, fileName: string): Promise<PageResult | PageFailure> {
  const large = tooLarge(fileName, bytes.length);
  if (large !== null) return large;
  if (isReportJson(fileName, bytes)) {
    const parsed = parseJson(fileName, bytes);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      input: { file: fileName, result: checked(parsed.json) },
      format: 'json',
      unplaced: [],
      notes: [],
    };
  }
  const imported = await importReport(bytes, { fileName });
  if (!imported.ok) {
    const at = imported.at ?? { file: fileName };
    const en = formatLocation(at, 'en');
    const zh = formatLocation(at, 'zh');
    return {
      ok: false,
      message: { en: `${en}: ${imported.message.en}`, zh: `${zh}：${imported.message.zh}` },
    };
  }
  return {
    ok: true,
    input: { file: fileName, result: checked(imported.report) },
    format: imported.format,
    unplaced: imported.unplaced,
    notes: imported.notes,
  };
}
