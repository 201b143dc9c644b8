/**
 * Types shared by the importers: where something is in the input, and what could not be
 * placed in the report.
 *
 * @internal
 */
import type { Lang, Messages } from 'outturn';

/** The formats outturn imports. */
export type ImportFormat = 'csv' | 'xlsx' | 'text';

/**
 * A place in an input file: a line (and column) of a CSV or text file, or a cell of a
 * worksheet. `lineEnd` makes it a range of lines.
 */
export interface Location {
  readonly file?: string;
  readonly sheet?: string;
  /** 1-based line of a CSV or text file (the line where the record starts). */
  readonly line?: number;
  /** Last line of a range of lines. */
  readonly lineEnd?: number;
  /** 1-based column (cell number in the row). */
  readonly column?: number;
  /** A worksheet cell (`B7`) or range (`B7:B12`). */
  readonly cell?: string;
}

/**
 * Something in the input that did not become part of the report (`unplaced`), or a decision
 * the importer made that a reader should know about (`notes`).
 */
export interface ImportItem {
  /** The location in words (English), e.g. `line 80, column 6` or `预算!B7`. */
  readonly where: string;
  /** The same location as data. */
  readonly at: Location;
  /** The text concerned, exactly as in the input (the cells of a row joined by `" | "`). */
  readonly text: string;
  /** Why, in both languages. */
  readonly reason: Messages;
}

/** Renders a location in one language (`budget.csv, line 5, column 3` / `budget.csv 第 5 行第 3 列`). */
export function formatLocation(at: Location, lang: Lang): string {
  const parts: string[] = [];
  if (at.sheet !== undefined) {
    const sheet = /^[\p{L}\p{N}_]+$/u.test(at.sheet) ? at.sheet : `'${at.sheet.replaceAll("'", "''")}'`;
    parts.push(at.cell !== undefined ? `${sheet}!${at.cell}` : sheet);
  } else if (at.line !== undefined) {
    const lines =
      at.lineEnd !== undefined && at.lineEnd !== at.line
        ? lang === 'zh'
          ? `第 ${at.line}–${at.lineEnd} 行`
          : `lines ${at.line}–${at.lineEnd}`
        : lang === 'zh'
          ? `第 ${at.line} 行`
          : `line ${at.line}`;
    const column =
      at.column === undefined ? '' : lang === 'zh' ? `第 ${at.column} 列` : `, column ${at.column}`;
    parts.push(`${lines}${column}`);
  }
  const place = parts.join('');
  if (at.file === undefined) return place;
  if (place === '') return at.file;
  return lang === 'zh' ? `${at.file} ${place}` : `${at.file}, ${place}`;
}

/** An item with its English `where`. */
export function item(at: Location, text: string, reason: Messages): ImportItem {
  return { where: formatLocation(at, 'en'), at, text, reason };
}

/** A failed import: one message in both languages, and where, when it is one place. */
export interface ImportFailure {
  readonly ok: false;
  readonly message: Messages;
  readonly at?: Location;
}

/** Builds an {@link ImportFailure}. */
export function failure(en: string, zh: string, at?: Location): ImportFailure {
  return at === undefined ? { ok: false, message: { en, zh } } : { ok: false, message: { en, zh }, at };
}

/**
 * Where the readers of one input put what they could not place (`unplaced`) and what they
 * inferred (`notes`), in the order they met it.
 */
export interface Log {
  readonly unplaced: ImportItem[];
  readonly notes: ImportItem[];
}
