/**
 * The rows of one cell around the tables: the report's title at the top, and the caption
 * above a table (`七、预算信息`, `Table 2: Appropriation per economic classification`). A
 * caption names no column; it may give the report's kind and money unit (`单位：万元`).
 *
 * @internal
 */
import { normalizeWidth } from 'outturn';
import { amountUnitOf } from './headers.js';
import { isParenthesisedLine, isSectionTitle, kindOf, type Line, yearOf } from './lines.js';
import { readMonitoringTitle } from './monitoring.js';
import type { Reader } from './reader.js';
import { item } from './types.js';

/** Words of a table caption (预算信息, 部门整体自评表, Performance indicators …). */
const CAPTION =
  /表|信息|情况|指标|预算|决算|绩效|单位:|table|indicator|budget|statement|appropriation|expenditure|performance|programme|classification/i;

/** A one-cell row just above a header row (or above another such row): a table's caption. */
export function isCaption(reader: Reader, r: number): boolean {
  const { sheet } = reader;
  const next = sheet.nextContentRow(r + 1);
  if (next === null) return false;
  if (reader.header(next) !== null) return true;
  if (sheet.single(next) === null) return false;
  const after = sheet.nextContentRow(next + 1);
  return after !== null && reader.header(after) !== null;
}

/**
 * Reads a caption: its kind and money unit, when the report has none yet. A caption without
 * the usual words (表, 信息, 指标, Budget, Indicators …) gets a note: it might be a row of data.
 */
export function readCaption(reader: Reader, line: Line, r: number): void {
  const { meta, log } = reader;
  if (!CAPTION.test(line.wide) && !isSectionTitle(line)) {
    log.notes.push(
      item(reader.sheet.grid.locate(r), line.text, {
        en: 'a row with only this text above a table: read as the caption of the table, not as a row of it',
        zh: '表格上方只有这段文字的行：作为表格标题读取，而不是表格中的一行',
      }),
    );
  }
  const kind = kindOf(line.wide);
  if (kind !== null && meta.kind === undefined) meta.kind = kind;
  readMonitoringTitle(meta, line.text);
  const unit = amountUnitOf(line.text);
  if (unit !== null && meta.amountUnit === undefined) meta.amountUnit = unit;
}

/**
 * Reads the report's title from row `r`, joined with a following line in parentheses
 * (`（2023 年度）`), and the year and kind it names when the report has none yet. Returns the
 * row after the title.
 */
export function readTitle(reader: Reader, line: Line, r: number): number {
  const { sheet, meta } = reader;
  let title = line.text;
  let last = r;
  const next = sheet.nextContentRow(r + 1);
  const continued = next === null ? null : sheet.single(next);
  if (next !== null && continued !== null && isParenthesisedLine(continued)) {
    title += continued.text;
    last = next;
  }
  meta.title = title;
  const wide = normalizeWidth(title);
  const year = yearOf(wide);
  if (year !== null && meta.year === undefined) meta.year = year;
  const kind = kindOf(wide);
  if (kind !== null && meta.kind === undefined) meta.kind = kind;
  readMonitoringTitle(meta, title);
  const entity = annualReportEntity(wide);
  if (entity !== null && meta.entity === undefined) meta.entity = entity;
  return last + 1;
}

/**
 * The body an English annual report's title names: `Queensland Treasury 2018–2019 Annual
 * Report`, `Department of Social Development Annual Report 2021/22` (an annual report is the
 * report of one body, whose name its title starts with), or null.
 */
function annualReportEntity(wide: string): string | null {
  // Linear steps rather than one pattern with a lazy name before `\s+` (which backtracks).
  const text = wide.trim();
  const at = text.search(/\bAnnual Report\b/i);
  if (at <= 0 || !/\s$/.test(text.slice(0, at))) return null;
  const before = text.slice(0, at).trim();
  const year = /\s(?:19|20)\d{2} ?[/–—-] ?\d{2,4}$/.exec(before);
  const name = (year === null ? before : before.slice(0, year.index)).trim();
  if (!/^[a-z][a-z&,'’ -]*$/i.test(name)) return null;
  return name.split(/\s+/).length < 2 ? null : name;
}
