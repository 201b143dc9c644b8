/**
 * Rule 17: the figures of the goal text (年度目标) against the indicators they name. A figure
 * with a unit (`280人次`, `125公里`, `80万元`, `95%`) is matched to the rows whose target has a
 * unit of the same kind; the row it names is the one whose name shares the longest run of
 * words (three characters or more) with the words around the figure. Only a named row whose
 * target differs is a mismatch: a figure that names no row, or several equally, is left to
 * people.
 *
 * @internal
 */
import { type Dec, dec } from '../core/decimal.js';
import { parseQuantity, quantityValue } from '../core/quantity.js';
import { isDigit, normalizeText } from '../core/text.js';
import { lookupUnit, type UnitInfo } from '../core/units.js';
import type { Path } from '../model/findings.js';
import type { Emitter } from './review-emit.js';
import { cleanName, isRecord, type ReviewRow } from './review-read.js';
import { commonRun } from './review-table.js';

/** A figure of the goal text and what it was matched to. */
export interface GoalFigure {
  /** Where the goal text is: `["goals", 0]`. */
  readonly path: Path;
  /** The figure as printed, `280人次`. */
  readonly figure: string;
  /** The words before it, `主体班培训`. */
  readonly context: string;
  /**
   * `matched`: a row's target equals it; `mismatch`: the row it names says otherwise;
   * `unmatched`: no row of that unit, or none it names.
   */
  readonly status: 'matched' | 'mismatch' | 'unmatched';
  /** The row it was matched to (`["indicators", 0]`), or null. */
  readonly indicator: Path | null;
}

/** Characters that end the context of a goal figure (a string: no set built when the module loads). */
const STOPS = ',;。:!?()，；：！？';
/** Most characters of context on each side of a figure. */
const CONTEXT = 16;
/** Longest unit tried after a number. */
const MAX_UNIT = 4;
/** Most figures of the goal texts matched (a real goal has a dozen). */
const MAX_FIGURES = 200;
/** Most rows of one unit among which a figure's row is named. */
const MAX_NAMING = 200;
/** Shortest common run of characters that names a row. */
const NAMING_RUN = 3;

interface Scanned {
  readonly value: string;
  readonly unit: UnitInfo;
  readonly text: string;
  readonly before: string;
  readonly after: string;
}

const isUnitChar = (ch: string | undefined): boolean =>
  ch !== undefined && (ch === '%' || ch === '‰' || /[\u4e00-\u9fffA-Za-z]/u.test(ch));

/** The figures with a known unit in one goal text (one linear pass, units tried up to four characters). */
export function goalFigures(text: string): Scanned[] {
  const s = normalizeText(text);
  const out: Scanned[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s[i]) || (i > 0 && (isDigit(s[i - 1]) || s[i - 1] === '.'))) {
      i += 1;
      continue;
    }
    let j = i;
    while (isDigit(s[j]) || (s[j] === '.' && isDigit(s[j + 1]))) j += 1;
    const num = s.slice(i, j);
    const next = s[j];
    // Dates and years are not figures of a target: 2023年, 2023.07, 4月, 30日.
    const year =
      /^(?:19|20)\d\d$/u.test(num) && (next === '年' || next === '.' || next === '-' || next === '/');
    if (year || next === '月' || next === '日' || next === '号' || next === '-' || next === '.') {
      i = j;
      continue;
    }
    let unit: UnitInfo | null = null;
    let unitText = '';
    for (let n = MAX_UNIT; n >= 1 && unit === null; n -= 1) {
      const cand = s.slice(j, j + n);
      if (cand.length !== n || ![...cand].every(isUnitChar)) continue;
      const q = parseQuantity(`${num}${cand}`);
      if (!q.ok || q.quantity?.unit == null) continue;
      const u = lookupUnit(q.quantity.unit);
      if (u !== null && !u.dimension.startsWith('other:') && u.dimension !== 'number') {
        unit = u;
        unitText = cand;
      }
    }
    const end = j + unitText.length;
    // 704元/村, 5000元/年: a rate per unit, not a figure of an indicator.
    if (unit === null || s[end] === '/') {
      i = Math.max(end, j);
      continue;
    }
    let b = i;
    while (b > 0 && i - b < CONTEXT && !STOPS.includes(s[b - 1] as string) && !isDigit(s[b - 1])) b -= 1;
    let a = end;
    while (a < s.length && a - end < CONTEXT && !STOPS.includes(s[a] as string) && !isDigit(s[a])) a += 1;
    out.push({ value: num, unit, text: `${num}${unitText}`, before: s.slice(b, i), after: s.slice(end, a) });
    i = end;
  }
  return out;
}

/** Words of measure at the end of an indicator's name: 培训人次 is 培训 counted in 人次. */
const MEASURE_ENDS = [
  '人次',
  '人数',
  '次数',
  '个数',
  '户数',
  '数量',
  '面积',
  '里程',
  '长度',
  '规模',
  '金额',
  '总量',
  '数',
  '量',
  '率',
];

/** The name without its word of measure (`培训人次` → `培训`). */
function stemOf(key: string): string {
  const end = MEASURE_ENDS.find((m) => key.endsWith(m) && key.length > m.length);
  return end === undefined ? key : key.slice(0, -end.length);
}

/** The goal texts of a table: strings, or `{ expected }` blocks. */
function goalTexts(goals: unknown): { text: string; index: number }[] {
  if (!Array.isArray(goals)) return [];
  const out: { text: string; index: number }[] = [];
  goals.forEach((g: unknown, index: number) => {
    if (typeof g === 'string') out.push({ text: g, index });
    else if (isRecord(g) && typeof g.expected === 'string') out.push({ text: g.expected, index });
  });
  return out;
}

/** Rule 17 over every goal text; returns what each figure was matched to. */
export function checkGoals(goals: unknown, rows: readonly ReviewRow[], e: Emitter): GoalFigure[] {
  const texts = goalTexts(goals);
  if (texts.length === 0) {
    e.skip('17', 'no-goals');
    return [];
  }
  const result: GoalFigure[] = [];
  const reported = new Set<number>();
  const byDimension = new Map<string, { row: ReviewRow; value: Dec }[]>();
  for (const row of rows) {
    const t = row.target;
    if (t?.kind !== 'comparison' || t.value.unit === null || row.unitCost !== null) continue;
    const u = lookupUnit(t.value.unit);
    if (u === null) continue;
    const list = byDimension.get(u.dimension) ?? [];
    list.push({ row, value: quantityValue(t.value).times(u.factor) });
    byDimension.set(u.dimension, list);
  }
  let figures = 0;
  for (const { text, index } of texts) {
    for (const f of goalFigures(text)) {
      figures += 1;
      if (figures > MAX_FIGURES) return result;
      const value: Dec = dec(f.value).times(f.unit.factor);
      const candidates: { row: ReviewRow; value: Dec; run: number }[] = [];
      const same = byDimension.get(f.unit.dimension) ?? [];
      // Names are compared only among a bounded number of rows of the unit (a real table has a handful).
      const naming = same.length <= MAX_NAMING;
      for (const { row, value: rowValue } of same) {
        if (!naming) {
          candidates.push({ row, value: rowValue, run: 0 });
          continue;
        }
        const key = cleanName(row.name);
        const around = [cleanName(f.before), cleanName(f.after)];
        const stem = stemOf(key);
        // Named: three characters in common, or the name's stem (培训 of 培训人次) said in full.
        const whole = stem.length >= 2 && around.some((w) => w.includes(stem));
        const run = Math.max(...around.map((w) => commonRun(w, key)), whole ? NAMING_RUN : 0);
        candidates.push({ row, value: rowValue, run });
      }
      const named = candidates.filter((c) => c.run >= NAMING_RUN).sort((x, y) => y.run - x.run);
      const goalPath: Path = ['goals', index];
      const equal = (named.length > 0 ? named : candidates).find((c) => c.value.equals(value));
      if (equal !== undefined) {
        result.push({
          path: goalPath,
          figure: f.text,
          context: f.before,
          status: 'matched',
          indicator: equal.row.path,
        });
        continue;
      }
      const [first, second] = named;
      if (first === undefined || (second !== undefined && second.run === first.run)) {
        result.push({
          path: goalPath,
          figure: f.text,
          context: f.before,
          status: 'unmatched',
          indicator: null,
        });
        continue;
      }
      result.push({
        path: goalPath,
        figure: f.text,
        context: f.before,
        status: 'mismatch',
        indicator: first.row.path,
      });
      if (reported.has(first.row.index)) continue;
      reported.add(first.row.index);
      e.emit(
        '17',
        'goal-indicator-mismatch',
        [...first.row.path, 'target'],
        { row: first.row.ref, figure: f.text, context: f.before, target: first.row.targetText },
        { published: first.row.targetText, recomputed: f.text },
      );
    }
  }
  return result;
}
