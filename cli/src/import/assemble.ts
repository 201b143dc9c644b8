/**
 * One report from what the readers found: the budget trees and indicators of every grid (the
 * sheets of a workbook, or the files of one import) in order, and the report's facts, in the
 * order of the report JSON (DESIGN §3).
 *
 * @internal
 */
import type { Report } from 'outturn';
import type { TextEncoding } from './encoding.js';
import type { Meta } from './facts.js';
import { groupsOf } from './groups.js';
import { EXAMPLE_HEADERS } from './header-words.js';
import type { GridReading } from './read-grid.js';
import {
  failure,
  type ImportFailure,
  type ImportFormat,
  type ImportItem,
  type ImportResult,
  type ImportSuccess,
  item,
  type Location,
} from './types.js';

/** The failure of an input without a budget or an indicator table. */
export function noTable(at: Location | undefined): ImportFailure {
  return failure(
    `no budget or indicator table was found: a header row must name the columns, e.g. ${EXAMPLE_HEADERS.budget}; or ${EXAMPLE_HEADERS.indicators}`,
    `没有找到预算表或指标表：需要有一行表头说明各列，例如 ${EXAMPLE_HEADERS.budget}；或 ${EXAMPLE_HEADERS.indicators}`,
    at,
  );
}

/** The report of one input from the readings of its grids; a failure when no grid had a table. */
export function assemble(
  readings: readonly GridReading[],
  meta: Meta,
  format: ImportFormat,
  encoding: TextEncoding | null,
  notes: readonly ImportItem[],
  at: Location | undefined,
): ImportResult {
  const budgetTables = readings.reduce((n, r) => n + r.tables.budget, 0);
  const indicatorTables = readings.reduce((n, r) => n + r.tables.indicators, 0);
  if (budgetTables + indicatorTables === 0) return noTable(at);
  const report: Record<string, unknown> = {};
  // A monitoring table (绩效运行监控表) is its own kind (DESIGN §3), whether a project's or a
  // department's.
  if (meta.monitoring === true) report.kind = 'monitoring';
  else if (meta.kind !== undefined) report.kind = meta.kind;
  if (meta.title !== undefined) report.title = meta.title;
  if (meta.entity !== undefined) report.entity = meta.entity;
  if (meta.year !== undefined) report.year = meta.year;
  if (meta.monitoring === true && meta.period !== undefined) report.period = meta.period;
  if (meta.amountUnit !== undefined) report.amountUnit = meta.amountUnit;
  if (meta.source !== undefined) report.source = meta.source;
  if (budgetTables > 0) report.budget = readings.flatMap((r) => r.budget);
  const goals = readings.flatMap((r) => r.goals);
  if (goals.length > 0) report.goals = goals;
  if (indicatorTables > 0) report.indicators = readings.flatMap((r) => r.indicators);
  const groups = groupsOf(readings.flatMap((r) => r.groups));
  if (groups.length > 0) report.groups = groups;
  if (meta.authorized !== undefined || meta.actualStaff !== undefined) {
    const staffing: Record<string, string> = {};
    if (meta.authorized !== undefined) staffing.authorized = meta.authorized;
    if (meta.actualStaff !== undefined) staffing.actual = meta.actualStaff;
    if (meta.staffingNote !== undefined) staffing.note = meta.staffingNote;
    report.staffing = staffing;
  }
  if (meta.totalScore !== undefined || meta.grade !== undefined) {
    const published: Record<string, string> = {};
    if (meta.totalScore !== undefined) published.totalScore = meta.totalScore;
    if (meta.grade !== undefined) published.grade = meta.grade;
    report.published = published;
  }
  const allNotes = [...notes];
  if (meta.monitoring === true && meta.period === undefined) {
    allNotes.push(
      item(at ?? {}, '', {
        en: 'a monitoring table whose period was found in no header or title (1-6月执行数, 截至2023年6月30日): add "period" to the report JSON before checking its pace',
        zh: '监控表的表头和标题中都没有找到监控期间（如 1-6月执行数、截至2023年6月30日）：检查执行进度前请在报告 JSON 中补充 "period"',
      }),
    );
  }
  return {
    ok: true,
    report: report as Report,
    format,
    encoding,
    unplaced: readings.flatMap((r) => r.unplaced),
    notes: allNotes,
  };
}

/**
 * One report from the imports of several files: budget trees, goals, indicators and groups concatenated in
 * file order; every other field from the first file that states it, and a note for a later
 * file that states another value. Format and encoding are the first file's.
 */
export function merge(
  results: readonly ImportSuccess[],
  names: readonly (string | undefined)[],
): ImportSuccess {
  const report: Record<string, unknown> = {};
  const notes: ImportItem[] = [];
  const budget: unknown[] = [];
  const indicators: unknown[] = [];
  const lists: Record<'goals' | 'groups', unknown[]> = { goals: [], groups: [] };
  let hasBudget = false;
  let hasIndicators = false;
  results.forEach((r, k) => {
    const name = names[k];
    for (const [key, value] of Object.entries(r.report)) {
      if (key === 'budget') {
        hasBudget = true;
        budget.push(...(value as unknown[]));
      } else if (key === 'indicators') {
        hasIndicators = true;
        indicators.push(...(value as unknown[]));
      } else if (key === 'goals' || key === 'groups') {
        lists[key].push(...(value as unknown[]));
      } else if (!Object.hasOwn(report, key)) {
        report[key] = value;
      } else if (JSON.stringify(report[key]) !== JSON.stringify(value)) {
        notes.push(
          item(name === undefined ? {} : { file: name }, `${key}: ${JSON.stringify(value)}`, {
            en: `this file states another ${key} than an earlier file (${JSON.stringify(report[key])}): the earlier one is kept`,
            zh: `此文件的 ${key} 与前面的文件（${JSON.stringify(report[key])}）不同：保留前者`,
          }),
        );
      }
    }
  });
  const merged: Record<string, unknown> = {};
  for (const key of ['kind', 'title', 'entity', 'year', 'period', 'amountUnit', 'source']) {
    if (Object.hasOwn(report, key)) merged[key] = report[key];
  }
  if (hasBudget) merged.budget = budget;
  if (lists.goals.length > 0) merged.goals = lists.goals;
  if (hasIndicators) merged.indicators = indicators;
  if (lists.groups.length > 0) merged.groups = lists.groups;
  for (const [key, value] of Object.entries(report)) if (!Object.hasOwn(merged, key)) merged[key] = value;
  const first = results[0] as ImportSuccess;
  return {
    ok: true,
    report: merged as Report,
    format: first.format,
    encoding: first.encoding,
    unplaced: results.flatMap((r) => r.unplaced),
    notes: [...results.flatMap((r) => r.notes), ...notes],
  };
}
