/**
 * The goals block of a self-evaluation table: 年度总体目标 with its 预期目标 (expected) and
 * 实际完成情况 (what was done), printed between the budget rows and the indicator table of
 * the 项目支出绩效自评表 (财预〔2020〕10号 附件 and the provincial forms that follow it). The
 * texts go to the report's `goals` (`[{ expected, actual }]`, DESIGN §3), never to the budget
 * lines, whose table the block ends.
 *
 * Layouts read (cells of one row, the label in the first):
 * - `年度总体目标 | 预期目标 | 实际完成情况`, then one row per goal with the label cell empty
 *   (or covered by the label merged down): `| 预期… | 实际…`;
 * - `年度总体目标 | 预期… | 实际…`: the texts on the label's own row.
 * A column whose header says 完成/实际/综述 (年度总体目标完成情况综述) holds the actual text; any
 * other (预期目标, 年初设定目标, 目标) the expected one.
 *
 * @internal
 */
import { normalizeWidth } from 'outturn';
import type { Reader } from './reader.js';
import type { Sheet } from './sheet.js';
import { item } from './types.js';

/** A goal of the report JSON: the texts as printed. */
export interface Goal {
  readonly expected?: string;
  readonly actual?: string;
}

/**
 * 年度总体目标, 总体目标, 项目年度目标 (the Hubei and Sichuan forms), 当年绩效目标 (the Chongqing 部门整体
 * form: 年初绩效目标 | 全年（调整）绩效目标 | 全年目标实际完成情况), with a trailing colon; and the
 * row of what was done when the form gives it a label of its own (年度目标完成情况,
 * 年度总体目标完成情况).
 */
const LABEL =
  /^(?:(?:项目)?(?:年度)?总体(?:绩效)?目标|项目年度(?:绩效)?目标|当年绩效目标)(?:及完成情况)?[:：]?$/;
const DONE_LABEL = /^(?:项目)?(?:年度)?(?:总体)?(?:绩效)?目标完成情况(?:综述)?[:：]?$/;
/** Header words of the goal columns, short: a longer cell is a goal's text. */
const HEADER =
  /^(?:预期|年初|设定|计划|年度|总体|实际|全年|\(调整\)|绩效)*(?:目标|完成情况|完成情况综述|目标完成情况|目标完成情况综述|完成值|实际完成情况|目标实际完成情况)$/;
const ACTUAL = /完成|实际|综述/;

/**
 * A numbered goal with its points (`年度目标1:(80分)`, the Anhui 部门整体 form): the goal, and the
 * block of the indicator table below it, whose rows' paths start with `年度目标1` and whose group
 * has the points.
 */
const NUMBERED = /^((?:项目)?年度(?:绩效)?目标\d*)[:：]?(?:\((\d+(?:\.\d+)?)分\))?[:：]?$/;

/** A goal block that names the indicator block below it. */
export interface GoalHeading {
  /** The label without its points: `年度目标1`. */
  readonly name: string;
  /** The points, as printed (`80`), or null. */
  readonly weight: string | null;
  /** 0-based row of the label. */
  readonly row: number;
}

/** The heading a numbered goal row left for the next indicator table of its grid. */
const headings = new WeakMap<Reader, GoalHeading>();

/** The heading left by a numbered goal row (`年度目标1:(80分)`) for this indicator table, once. */
export function takeGoalHeading(reader: Reader): GoalHeading | null {
  const h = headings.get(reader);
  if (h === undefined) return null;
  headings.delete(reader);
  return h;
}

/** The numbered goal a label names (`年度目标1:(80分)` → 年度目标1, 80), or null (年度总体目标). */
function numbered(text: string): { name: string; weight: string | null } | null {
  const m = NUMBERED.exec(key(text));
  if (m?.[1] === undefined || (!/\d$/.test(m[1]) && m[2] === undefined)) return null;
  return { name: m[1], weight: m[2] ?? null };
}

function key(text: string): string {
  return normalizeWidth(text).replace(/\s+/g, '');
}

/** True for a row whose first cell is the label of a goals block (年度总体目标, 总体目标). */
export function isGoalsRow(sheet: Sheet, r: number): boolean {
  const first = sheet.filled(r)[0];
  if (first === undefined) return false;
  const text = sheet.text(r, first);
  const k = key(text);
  // A numbered goal is a label and its text (`年度目标1:(80分) | 增强…`); with more cells the
  // label is merged down the left of indicator rows (`年度绩效目标（80分）`, a category).
  return LABEL.test(k) || DONE_LABEL.test(k) || (sheet.filled(r).length <= 2 && numbered(text) !== null);
}

/** Reads the goals block at row `r` (a goals row). Returns the goals and the row after the block. */
export function readGoals(reader: Reader, r: number): { goals: Goal[]; end: number } {
  const { sheet, log } = reader;
  const cells = sheet.filled(r);
  const label = cells[0] as number;
  const rest = cells.slice(1);
  const goals: Goal[] = [];
  const heading = numbered(sheet.text(r, label));
  if (heading !== null) headings.set(reader, { ...heading, row: r });
  const isHeader = rest.length > 0 && rest.every((c) => HEADER.test(key(sheet.text(r, c))));
  if (!isHeader) {
    // `年度目标完成情况 | 完成。` is what was done; below `项目年度目标 | …` it completes that goal.
    const done = DONE_LABEL.test(key(sheet.text(r, label)));
    const goal = goalOf(
      rest.map((c) => [sheet.text(r, c), done || (c === rest[rest.length - 1] && rest.length > 1)]),
    );
    let end = r + 1;
    const next = done ? null : sheet.nextContentRow(r + 1);
    const nextFirst = next === null ? undefined : sheet.filled(next)[0];
    if (next !== null && nextFirst !== undefined && DONE_LABEL.test(key(sheet.text(next, nextFirst)))) {
      const texts = sheet
        .filled(next)
        .slice(1)
        .map((c) => sheet.text(next, c));
      if (texts.length > 0) {
        const actual = texts.join('\n');
        goals.push({ ...(goal?.expected === undefined ? {} : { expected: goal.expected }), actual });
        return { goals, end: next + 1 };
      }
      end = next + 1;
    }
    if (goal !== null) goals.push(goal);
    return { goals, end };
  }
  const columns = rest.map((c) => ({ c, actual: ACTUAL.test(key(sheet.text(r, c))) }));
  let q = r + 1;
  for (; q < sheet.height; q++) {
    if (sheet.isComment(q)) continue;
    if (
      sheet.isBlank(q) ||
      sheet.text(q, label) !== '' ||
      reader.header(q) !== null ||
      reader.fact(q) !== null
    )
      break;
    const row: (readonly [string, boolean])[] = [];
    const used = new Set<number>();
    for (const col of columns) {
      // A text spans the columns to the next header cell (a merged cell, or one cell of CSV).
      const next = columns.find((d) => d.c > col.c)?.c ?? Number.POSITIVE_INFINITY;
      const texts = sheet.filled(q).filter((c) => c >= col.c && c < next);
      for (const c of texts) used.add(c);
      row.push([texts.map((c) => sheet.text(q, c)).join(''), col.actual]);
    }
    const outside = sheet.filled(q).filter((c) => !used.has(c) && c !== label);
    for (const c of outside) {
      log.unplaced.push(
        item(sheet.grid.locate(q, c), sheet.text(q, c), {
          en: 'a cell of the goals block (年度总体目标) under no column of it: not imported',
          zh: '年度总体目标栏中不在任何列下的单元格：未导入',
        }),
      );
    }
    const goal = goalOf(row);
    if (goal !== null) goals.push(goal);
  }
  if (goals.length === 0) {
    log.unplaced.push(
      item(sheet.grid.locate(r), sheet.rowText(r), {
        en: 'a goals block (年度总体目标) with no text under it: nothing imported',
        zh: '年度总体目标栏下没有文字：未导入',
      }),
    );
  }
  return { goals, end: q };
}

/** A goal from texts and whether each is the actual one; null when every text is empty. */
function goalOf(texts: readonly (readonly [string, boolean])[]): Goal | null {
  const expected = texts
    .filter(([t, a]) => !a && t !== '')
    .map(([t]) => t)
    .join('\n');
  const actual = texts
    .filter(([t, a]) => a && t !== '')
    .map(([t]) => t)
    .join('\n');
  if (expected === '' && actual === '') return null;
  return { ...(expected === '' ? {} : { expected }), ...(actual === '' ? {} : { actual }) };
}
