/**
 * Reads the budget and indicator tables of a grid (CSV records, PDF text lines or worksheet
 * rows), top to bottom: a header row starts a table (table.ts), a 年度总体目标 row starts a
 * goals block (goals.ts), a `key,value` row is a fact of
 * the report (facts.ts), a one-cell row may be the report's title or a table's caption
 * (captions.ts); any other row is listed as not imported, and PDF text between tables is
 * listed as one block of prose.
 *
 * Whatever is not placed in the report is listed (`unplaced`) with its location; whatever
 * was inferred is said (`notes`).
 *
 * @internal
 */
import type { BudgetLine, Indicator } from 'outturn';
import { isCaption, readCaption, readTitle } from './captions.js';
import type { Meta } from './facts.js';
import { recordFact } from './facts.js';
import { type Goal, isGoalsRow, readGoals } from './goals.js';
import type { Grid } from './grid.js';
import type { Group } from './groups.js';
import { isTitleLine } from './lines.js';
import { type Reader, readerOf } from './reader.js';
import { readTable } from './table.js';
import { type ImportItem, item } from './types.js';

/** What reading a grid gives. */
export interface GridReading {
  readonly budget: readonly BudgetLine[];
  readonly indicators: readonly Indicator[];
  /** Indicator groups that print a weight or a score, in the order of the tables. */
  readonly groups: readonly Group[];
  /** 年度总体目标 blocks (goals.ts). */
  readonly goals: readonly Goal[];
  readonly unplaced: readonly ImportItem[];
  readonly notes: readonly ImportItem[];
  /** Number of budget and of indicator tables found. */
  readonly tables: { readonly budget: number; readonly indicators: number };
}

/** Reads one grid; the report's facts go into `meta` (shared by the grids of one import). */
export function readGrid(grid: Grid, meta: Meta): GridReading {
  const reader = readerOf(grid, meta);
  const { sheet, log } = reader;
  const budget: BudgetLine[] = [];
  const indicators: Indicator[] = [];
  const groups: Group[] = [];
  const goals: Goal[] = [];
  const tables = { budget: 0, indicators: 0 };
  let narrative: number[] = [];
  const flushNarrative = () => {
    if (narrative.length > 0) listNarrative(reader, narrative);
    narrative = [];
  };
  let seenTitle = meta.title !== undefined;
  let r = 0;
  while (r < sheet.height) {
    if (sheet.isBlank(r) || sheet.isComment(r)) {
      r++;
      continue;
    }
    if (isGoalsRow(sheet, r)) {
      flushNarrative();
      const block = readGoals(reader, r);
      goals.push(...block.goals);
      r = block.end;
      continue;
    }
    const header = reader.header(r);
    if (header !== null) {
      flushNarrative();
      tables[header.kind]++;
      const table = readTable(reader, header);
      budget.push(...table.budget);
      indicators.push(...table.indicators);
      groups.push(...table.groups);
      r = table.end;
      continue;
    }
    const fact = reader.fact(r);
    if (fact !== null) {
      flushNarrative();
      const problem = recordFact(meta, fact);
      if (problem !== null) log.unplaced.push(item(grid.locate(r), sheet.rowText(r), problem));
      r++;
      continue;
    }
    const single = sheet.single(r);
    if (single !== null && !seenTitle && tables.budget + tables.indicators === 0 && isTitleLine(single)) {
      flushNarrative();
      seenTitle = true;
      r = readTitle(reader, single, r);
      continue;
    }
    if (single !== null && isCaption(reader, r)) {
      flushNarrative();
      readCaption(reader, single, r);
      r++;
      continue;
    }
    if (sheet.isText) {
      narrative.push(r);
    } else {
      log.unplaced.push(
        item(grid.locate(r), sheet.rowText(r), {
          en: 'a row outside the budget and indicator tables (no header row above it names its columns): not imported',
          zh: '不在预算表或指标表内的行（上方没有说明各列含义的表头行）：未导入',
        }),
      );
    }
    r++;
  }
  flushNarrative();
  return { budget, indicators, groups, goals, unplaced: log.unplaced, notes: log.notes, tables };
}

/** Lists lines of PDF text outside the tables as one item: prose, or prose and another table. */
function listNarrative(reader: Reader, rows: readonly number[]): void {
  const { sheet, log } = reader;
  const from = rows[0] as number;
  const to = rows[rows.length - 1] as number;
  const text = rows.map((r) => sheet.rowText(r)).join('\n');
  const table = rows.find((r) => sheet.filled(r).length > 1);
  log.unplaced.push(
    item(
      sheet.grid.locateRows(from, to),
      text,
      table === undefined
        ? {
            en: `narrative text (${rows.length} line${rows.length === 1 ? '' : 's'}, not a table): not part of the report JSON`,
            zh: `叙述性文字（共 ${rows.length} 行，不是表格）：不属于报告 JSON`,
          }
        : {
            en: `text and a table that is neither a budget nor an indicator table (its first row: "${sheet.rowText(table).replaceAll('\t', ' | ')}"): not imported`,
            zh: `文字及一个既非预算表也非指标表的表格（首行：“${sheet.rowText(table).replaceAll('\t', ' | ')}”）：未导入`,
          },
    ),
  );
}
