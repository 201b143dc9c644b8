/**
 * Weights and scores printed on indicator groups (一级/二级指标) rather than on each row: in
 * the group's label (`产出指标（50分）`, `效益指标(30分)`, `项目绩效 85 分`), on a row of its own
 * (`产出指标,,,,50,48`), or in a 分值/得分 cell merged over the group's rows. The report JSON
 * holds them in `groups` (DESIGN §3): `{ path, weight?, published?: { score? } }`, the path
 * without the weight, as the rows' `path` gives it. A 总分/合计 row is never a group: its 得分
 * is the table's total score.
 *
 * @internal
 */
import { normalizeWidth } from 'outturn';
import type { Reader } from './reader.js';
import { item } from './types.js';

/** A total row (合计 of the weights, 总分): never a group of indicators. */
export const TOTAL = /^(?:合计|总计|共计|小计|总分|满分|得分合计|分值合计|total|subtotal|grandtotal)/i;

/** A group of the report JSON, as the importer builds it. */
export interface Group {
  readonly path: readonly string[];
  weight?: string;
  score?: string;
  /** 0-based grid row where the group starts (for notes). */
  readonly row: number;
}

/** A label and the weight it prints. */
export interface GroupLabel {
  /** The label without the weight, trimmed (`产出指标（50分）` → `产出指标`). */
  readonly name: string;
  /** The weight as printed, width-normalised (`50`), or null. */
  readonly weight: string | null;
}

/** `（50分）`, `(满分50分)`, `（分值：50）` at the end of a label, spaces removed. */
const IN_PARENS = /^(.*)\((?:(?:满分|分值|权重):?(\d+(?:\.\d+)?)分?|(\d+(?:\.\d+)?)分)\)$/;
/** `85分`, `40分` at the end of a label, spaces removed (the Hubei forms print `产出指标 40 分`). */
const TRAILING = /^(.*\D)(\d+(?:\.\d+)?)分$/;

/**
 * The label of a group and the weight it prints, or the label unchanged with no weight.
 * A number in parentheses is a weight only with 分 after it or 满分/分值/权重 before it:
 * `产出指标(2)` is a label, not a weight of 2.
 *
 * @example
 * ```ts
 * groupLabel('产出指标（50分）'); // { name: '产出指标', weight: '50' }
 * groupLabel('项目绩效 85 分');   // { name: '项目绩效', weight: '85' }
 * groupLabel('数量指标');         // { name: '数量指标', weight: null }
 * ```
 */
export function groupLabel(text: string): GroupLabel {
  const compact = normalizeWidth(text).replace(/\s+/g, '');
  const p = IN_PARENS.exec(compact);
  const weight = p?.[2] ?? p?.[3];
  if (p?.[1] !== undefined && weight !== undefined && p[1] !== '') return { name: cut(text, p[1]), weight };
  const t = TRAILING.exec(compact);
  if (t?.[1] !== undefined && t[2] !== undefined) return { name: cut(text, t[1]), weight: t[2] };
  return { name: text.trim(), weight: null };
}

/**
 * The printed label up to where its compact form `kept` (width-normalised, spaces removed)
 * ends: the label keeps its own characters and inner spaces, only the weight is removed.
 */
function cut(text: string, kept: string): string {
  const n = [...kept].length;
  let seen = 0;
  let out = '';
  for (const ch of text.trim()) {
    if (seen === n) break;
    out += ch;
    if (!/\s/.test(ch)) seen++;
  }
  return out.trim();
}

/** The `groups` of the report JSON: only groups that print a weight or a score. */
export function groupsOf(groups: readonly Group[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const g of groups) {
    if (g.weight === undefined && g.score === undefined) continue;
    const o: Record<string, unknown> = { path: [...g.path] };
    if (g.weight !== undefined) o.weight = g.weight;
    if (g.score !== undefined) o.published = { score: g.score };
    out.push(o);
  }
  return out;
}

/**
 * A 总分 / 合计 row of the indicator table that prints a 得分 or a grade: the table's total score
 * (`published.totalScore`) and grade (`published.grade`), unless a `总分,…` or `自评等级,…` fact
 * already gave another. Its 分值 (the maximum, usually 100) has no field of its own and is said
 * in the note.
 */
export function totalRow(
  reader: Reader,
  row: number,
  label: string,
  score: string | undefined,
  weight: string | undefined,
  grade?: string,
): void {
  const { sheet, log, meta } = reader;
  const scoreClash = score !== undefined && meta.totalScore !== undefined && meta.totalScore !== score;
  const gradeClash = grade !== undefined && meta.grade !== undefined && meta.grade !== grade;
  if (scoreClash || gradeClash) {
    const en = scoreClash
      ? `the score ${score}, while the report's total score is already ${meta.totalScore}`
      : `the grade ${grade}, while the report's grade is already ${meta.grade}`;
    const zh = scoreClash
      ? `得分 ${score}，而报告总分已为 ${meta.totalScore}`
      : `等级 ${grade}，而报告等级已为 ${meta.grade}`;
    log.unplaced.push(
      item(sheet.grid.locate(row), sheet.rowText(row), {
        en: `a ${label} row with ${en}: not imported`,
        zh: `“${label}”行${zh}：未导入`,
      }),
    );
    return;
  }
  if (score !== undefined) meta.totalScore = score;
  if (grade !== undefined) meta.grade = grade;
  const parts = { en: [] as string[], zh: [] as string[] };
  if (score !== undefined) {
    parts.en.push(`its score ${score} read as the total score (published.totalScore)`);
    parts.zh.push(`得分 ${score} 作为报告总分（published.totalScore）`);
  }
  if (grade !== undefined) {
    parts.en.push(`its grade ${grade} as the grade (published.grade)`);
    parts.zh.push(`等级 ${grade} 作为自评等级（published.grade）`);
  }
  if (weight !== undefined) {
    parts.en.push(`its weight ${weight} (the maximum) is not a field of the report`);
    parts.zh.push(`其分值 ${weight}（满分）不是报告中的字段`);
  }
  log.notes.push(
    item(sheet.grid.locate(row), sheet.rowText(row), {
      en: `the ${label} row of the indicator table: ${parts.en.join('; ')}`,
      zh: `指标表中的“${label}”行：${parts.zh.join('；')}`,
    }),
  );
}
