/**
 * What every reader of a binary or marked-up format (a workbook, a web page, a Word document,
 * a PDF) gives: its parts as grids, each read by the table reader as a CSV grid is, and the
 * notes of the reading; and the limits that keep any file, hostile or not, in bounded time and
 * memory.
 *
 * @internal
 */
import type { Grid } from './grid.js';
import type { ImportFailure, ImportItem } from './types.js';

/** One part of a document: a worksheet of a workbook, or the whole of a page, document or PDF. */
export interface DocumentPart {
  /** The worksheet's name; null for a page, document or PDF. */
  readonly name: string | null;
  /** Its rows; null when the part is empty. */
  readonly grid: Grid | null;
}

/** The result of a document reader. */
export type DocumentResult =
  | { readonly ok: true; readonly parts: readonly DocumentPart[]; readonly notes: readonly ImportItem[] }
  | ImportFailure;

/** The bounds of one import. Every reader refuses, with one message, input that would pass them. */
export interface Limits {
  /** Bytes of the file. */
  readonly bytes: number;
  /** Bytes of a zip archive's members once decompressed (an .xlsx or .docx), in all. */
  readonly uncompressedBytes: number;
  /** Cells of a workbook, page, document or PDF, in all (empty cells inside a table included). */
  readonly cells: number;
}

/**
 * The default limits: 100 MiB of file, 200 MiB decompressed, half a million cells. A report's
 * tables hold a few thousand cells; half a million keeps the slowest reader (SheetJS, about
 * 10 µs a cell) within a few seconds and well under 1 GB of memory, where two million took
 * half a minute and 800 MB.
 */
export const DEFAULT_LIMITS: Limits = {
  bytes: 100 * 1024 * 1024,
  uncompressedBytes: 200 * 1024 * 1024,
  cells: 500_000,
};

/** What a reader is given besides the bytes. */
export interface ReadContext {
  /** The file's name, for locations. */
  readonly file: string | undefined;
  /** The worksheet wanted (workbooks only). */
  readonly sheet: string | undefined;
  readonly limits: Limits;
}
