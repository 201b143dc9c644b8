/**
 * The scoring rules of validateReport: printed scores, totals, weights and grades against
 * what a scoring profile gives, read from the row model (rows.ts, budget.ts).
 *
 * The table is read as a tree of scoring units (docs/conventions.md §12): the budget lines that
 * count (a 其中 line that repeats its parent's 分值 and 得分 is the same score shown again),
 * the groups of `report.groups` (一级/二级指标 that print their own 分值 or 得分) and the rows.
 * Weights are checked at the level where they are printed, printed scores are added where they
 * are printed (a group's 得分 stands for its rows), and a total or a grade is recomputed only
 * when the weights printed make up the whole table.
 *
 * Over 400 lines because it is one thing: the scores of one table, read as one tree of units
 * (budget lines, groups, rows) whose printed scores, weights and rule scores are checked against
 * each other at each level; splitting the tree from its checks would pass it around half-built.
 */
import { type Dec, dec, isPos, type RoundingMode, toExact, toFixed, ZERO } from '../core/decimal.js';
import {
  allowsPrinted,
  type Interval,
  point,
  printedInterval,
  printedRange,
  subtract as subtractIntervals,
  sum as sumIntervals,
} from '../core/intervals.js';
import { comparePrinted } from '../core/printed.js';
import { parseQuantity, type Quantity, quantityValue, showValue } from '../core/quantity.js';
import { nameKey } from '../core/text.js';
import type { EvaluateOptions, Evaluation, EvaluationExacts } from '../figures/evaluation.js';
import { evaluateExact } from '../figures/indicator.js';
import type { ScoringProfile } from '../figures/profiles.js';
import {
  budgetExecutionScore,
  gradeOf,
  inBand,
  type ScoreResult,
  scoreEvaluation,
} from '../figures/scoring.js';
import type { Finding, Path } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { ScoreSubject } from '../model/messages/params.js';
import type { BudgetLine, Figure, Report } from '../model/report.js';
import type { BudgetRow } from './budget.js';
import {
  actualReadingOf,
  type FigureCell,
  figureCell,
  type GroupRow,
  type IndicatorRow,
  inGroup,
  weightCell,
} from './rows.js';

interface ScoreInput {
  readonly report: Report;
  readonly budget: readonly BudgetRow[];
  readonly indicators: readonly IndicatorRow[];
  /** `report.groups`, read once (rows.ts). */
  readonly groups?: readonly GroupRow[];
  readonly profile: ScoringProfile;
  /** Over-achievement threshold in percent, or null (off): one value for every rule. */
  readonly threshold: Dec | null;
  /** How the indicators are evaluated: the same options, to rescore a rounded actual. */
  readonly evaluate?: EvaluateOptions;
  /** Rounding of the printed inputs (the report's actuals), default half-up. */
  readonly rounding?: RoundingMode;
  /** Printed inputs taken as exact: no rounding interval (`strictInputs`). */
  readonly strict?: boolean;
  readonly findings: Finding[];
}

interface ScoreOutput {
  readonly budget: readonly (ScoreResult | null)[];
  readonly indicators: readonly (ScoreResult | null)[];
  readonly totalScore: string | null;
  readonly grade: string | null;
}

/** Grade words as printed, mapped to the one-character grades of the profiles. */
const GRADE_WORDS: Readonly<Record<string, string>> = {
  优秀: '优',
  良好: '良',
  中等: '中',
  一般: '中',
  较差: '差',
};

function normalizeGrade(text: string): string {
  const k = nameKey(text);
  return Object.hasOwn(GRADE_WORDS, k) ? (GRADE_WORDS[k] ?? k) : k;
}

/**
 * One scoring unit of the table: a budget line that counts, a group or a row. `weight` is the
 * printed 分值 (null: none printed), `printed` the printed 得分, `entered` the score the rules
 * give (null: not computable), `ruleInterval` the scores the rules give for actuals that round to
 * the printed ones.
 */
interface Unit {
  readonly kind: 'budget' | 'group' | 'row';
  readonly name: string;
  readonly weight: Dec | null;
  readonly printed: Quantity | null;
  /** True when the unit prints something a total is made of (a weight or a score). */
  readonly scored: boolean;
  readonly entered: Dec | null;
  readonly ruleInterval: () => Interval | null;
  readonly children: Unit[];
  readonly group?: GroupRow;
}

/** A printed score read once in the row model; reports a cell that is not a score. */
function readPrinted(cell: FigureCell, path: Path, findings: Finding[]): Quantity | null {
  const q = cell.reading;
  if (q === null) return null;
  const raw = cell.raw;
  if (!q.ok) {
    findings.push(
      makeFinding(
        'unparsable-value',
        path,
        { kind: 'cell', detail: q.message },
        { published: showValue(raw) },
      ),
    );
    return null;
  }
  if (q.quantity && q.quantity.unit !== null && q.quantity.unit !== '分') {
    findings.push(
      makeFinding(
        'unparsable-value',
        path,
        { kind: 'not-a-score', text: showValue(raw) },
        { published: showValue(raw) },
      ),
    );
    return null;
  }
  return q.quantity;
}

/**
 * The values a printed score stands for: ±½ unit of its last printed decimal, within [0, weight]
 * when its weight is known (a score is never below 0 nor above its weight); one point when
 * `strict`.
 */
function scoreInterval(printed: Quantity, weight: Dec | null, mode: RoundingMode, strict: boolean): Interval {
  const v = quantityValue(printed);
  if (strict) return point(v);
  const i = printedInterval(v, printed.decimals, mode);
  if (weight === null || v.lt(ZERO) || v.gt(weight)) return i;
  return { lo: i.lo.lt(ZERO) ? ZERO : i.lo, hi: i.hi.gt(weight) ? weight : i.hi };
}

interface CheckContext {
  readonly profile: ScoringProfile;
  readonly strict: boolean;
  readonly findings: Finding[];
}

/** Checks one printed score against its recomputed result; returns the score that enters the total. */
function checkOne(
  r: ScoreResult,
  printed: Quantity | null,
  where: Path,
  subject: ScoreSubject,
  met: boolean,
  ctx: CheckContext,
  ruleInterval: () => Interval | null,
): Dec | null {
  const { findings } = ctx;
  if (!r.ok) {
    if (printed) {
      findings.push(
        makeFinding(
          'needs-judgement',
          where,
          { kind: 'score-unchecked', subject, published: printed.text, detail: r.message },
          { published: printed.text },
        ),
      );
    }
    return null;
  }
  if (printed && quantityValue(printed).gt(dec(r.weight))) {
    findings.push(
      makeFinding(
        'score-above-weight',
        where,
        { subject, published: printed.text, weight: r.weight },
        { published: printed.text, recomputed: r.weight },
      ),
    );
    return r.band ? null : dec(r.exact ?? '0');
  }
  if (r.band) {
    if (!printed) return null;
    const p = quantityValue(printed);
    const range = `[${r.band.min}, ${r.band.max}${r.band.maxInclusive ? ']' : ')'}`;
    if (!inBand(p, r.band)) {
      findings.push(
        makeFinding(
          'score-out-of-band',
          where,
          { subject, published: printed.text, band: range, explanation: r.explanation },
          { published: printed.text, recomputed: range },
        ),
      );
      return null;
    }
    return p;
  }
  const exact = dec(r.exact ?? '0');
  if (printed) {
    const cmp = comparePrinted(exact, printed, ctx.profile.rounding);
    if (!cmp.consistent) {
      const p = quantityValue(printed);
      const interval = ctx.strict ? null : ruleInterval();
      if (interval && allowsPrinted(interval, p, printed.decimals, ctx.profile.rounding)) {
        const range = printedRange(interval, printed.decimals, ctx.profile.rounding);
        findings.push(
          makeFinding(
            'rounding-difference',
            where,
            {
              figure: 'score',
              name: subjectName(subject),
              published: printed.text,
              recomputed: cmp.expected,
              low: range.low,
              high: range.high,
            },
            { published: printed.text, recomputed: cmp.expected },
          ),
        );
      } else {
        const below = met && p.lt(dec(r.weight));
        findings.push(
          makeFinding(
            'score-mismatch',
            where,
            {
              subject,
              published: printed.text,
              expected: cmp.expected,
              explanation: r.explanation,
              metBelowWeight: below,
            },
            { published: printed.text, recomputed: cmp.expected },
          ),
        );
      }
    }
  }
  return exact;
}

function subjectName(s: ScoreSubject): string {
  return s.kind === 'indicator' ? s.name : s.kind === 'group' ? s.path.join(' / ') : s.line;
}

/**
 * The scores the rules give a row for every actual that rounds to the printed one (its printed
 * decimals, ±½ unit): the rules are monotone in the actual, so the scores at the two ends and at
 * the printed value bound them. A point when the actual is not a plain printed number.
 */
function rowRuleInterval(
  row: IndicatorRow,
  exact: Dec,
  weight: Dec,
  profile: ScoringProfile,
  evaluate: EvaluateOptions,
  mode: RoundingMode,
): Interval {
  const reading = actualReadingOf(row);
  const q = reading?.ok ? reading.quantity : null;
  if (!q || q.moreThan) return point(exact);
  const v = quantityValue(q);
  const i = printedInterval(v, q.decimals, mode);
  const ends = [i.lo.lt(ZERO) && !v.lt(ZERO) ? ZERO : i.lo, i.hi];
  let lo = exact;
  let hi = exact;
  for (const end of ends) {
    const actual = `${toExact(end)}${q.unit ?? ''}`;
    const target = row.source.target as Parameters<typeof evaluateExact>[0]['target'];
    const { evaluation } = evaluateExact(
      { target, actual, unit: row.unit, name: row.name, path: row.category },
      evaluate,
      row.unitColumn,
    );
    const r = scoreEvaluation(evaluation, actual, weight, profile);
    if (!r.ok || r.band || r.exact === undefined || r.exact === null) return point(exact);
    const s = dec(r.exact);
    if (s.lt(lo)) lo = s;
    if (s.gt(hi)) hi = s;
  }
  return { lo, hi };
}

/**
 * Budget lines that count in the total, in printed order: each root that prints a weight, or
 * its split into ≥ 2 weighted children whose weights sum to its own; under a root with no
 * weight, its children by the same rule. A 其中 child that prints its parent's weight repeats
 * it (the same score shown again) and is never counted. Iterative: trees of any depth.
 */
function countedBudget(rows: readonly BudgetRow[]): BudgetRow[] {
  const bySource = new Map<unknown, BudgetRow>();
  for (const r of rows) if (!bySource.has(r.source)) bySource.set(r.source, r);
  const childrenOf = (r: BudgetRow): BudgetRow[] => {
    const kids: unknown[] = Array.isArray(r.source.children) ? r.source.children : [];
    return kids.flatMap((c) => {
      const row = bySource.get(c);
      return row && row !== r ? [row] : [];
    });
  };
  const out: BudgetRow[] = [];
  const seen = new Set<BudgetRow>();
  const roots = rows.filter((r) => r.figures.path.length === 2);
  const stack: BudgetRow[] = [...roots].reverse();
  while (stack.length > 0) {
    const r = stack.pop() as BudgetRow;
    if (seen.has(r)) continue;
    seen.add(r);
    const w = weightCell(r.source.weight);
    const kids = childrenOf(r);
    if (!w.present) {
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as BudgetRow);
      continue;
    }
    const wv = w.value;
    if (wv === null) {
      out.push(r);
      continue;
    }
    const parts = kids.filter((c) => {
      const cw = weightCell(c.source.weight).value;
      return cw !== null && !cw.equals(wv);
    });
    let partSum = ZERO;
    for (const c of parts) partSum = partSum.plus(weightCell(c.source.weight).value as Dec);
    if (parts.length >= 2 && partSum.equals(wv)) {
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as BudgetRow);
    } else out.push(r);
  }
  return out;
}

/** The printed scores of a unit and what they stand for, or 'missing' / 'none'. */
type Printed =
  | { readonly kind: 'sum'; readonly exact: Dec; readonly interval: Interval; readonly count: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'none' };

function printedOf(u: Unit, ctx: CheckContext): Printed {
  if (u.printed) {
    const exact = quantityValue(u.printed);
    return {
      kind: 'sum',
      exact,
      interval: scoreInterval(u.printed, u.weight, ctx.profile.rounding, ctx.strict),
      count: 1,
    };
  }
  // A row or a line that prints no score leaves the sum unknown, weight or not: its score is
  // not printed, not zero. A group that prints none stands for its rows; one with a weight and
  // nothing printed under it (a block cut off after its heading) leaves the sum unknown too.
  if (u.kind !== 'group') return { kind: 'missing' };
  const inner = sumPrinted(u.children, ctx);
  return inner.kind === 'none' && u.weight !== null ? { kind: 'missing' } : inner;
}

function sumPrinted(units: readonly Unit[], ctx: CheckContext): Printed {
  let exact = ZERO;
  const intervals: Interval[] = [];
  let count = 0;
  let missing = false;
  for (const c of units) {
    const p = printedOf(c, ctx);
    if (p.kind === 'missing') missing = true;
    else if (p.kind === 'sum') {
      exact = exact.plus(p.exact);
      intervals.push(p.interval);
      count += p.count;
    }
  }
  if (missing) return { kind: 'missing' };
  if (count === 0) return { kind: 'none' };
  return { kind: 'sum', exact, interval: sumIntervals(intervals), count };
}

/**
 * The weight behind the printed scores of a unit: its weight when it prints a score (at least
 * the score itself when no weight is printed), the sum over its children for a group that
 * prints none, 0 for a row that prints no score.
 */
function coveredWeight(u: Unit): Dec {
  if (u.printed) return weightOf(u) ?? quantityValue(u.printed);
  if (u.kind !== 'group') return ZERO;
  let s = ZERO;
  for (const c of u.children) s = s.plus(coveredWeight(c));
  return s;
}

/**
 * True when the nearest ancestor of `line` that prints a weight prints the same weight and the
 * same score: the 其中 line repeats its parent's 分值 and 得分 (太白镇 2021: three lines of
 * 10 / 10 under one budget execution score).
 */
function repeatsParent(
  line: BudgetLine,
  weight: Dec | null,
  printed: Quantity,
  parentOf: ReadonlyMap<unknown, BudgetLine>,
): boolean {
  if (weight === null) return false;
  const seen = new Set<unknown>([line]);
  let p = parentOf.get(line);
  while (p !== undefined && !seen.has(p)) {
    seen.add(p);
    const w = weightCell(p.weight);
    if (w.present) {
      const score = figureCell(p.published?.score);
      const ps = score.present ? parseQuantity(showValue(score.raw)) : null;
      const parentScore = ps?.ok ? ps.quantity : null;
      return (
        w.value?.equals(weight) === true &&
        parentScore !== null &&
        quantityValue(parentScore).equals(quantityValue(printed))
      );
    }
    p = parentOf.get(p);
  }
  return false;
}

/**
 * True when a printed total exceeds the printed scores of `units`, beyond their rounding, by no
 * more than the weights the table does not show (`declared` − {@link coveredWeight}), each side
 * over its rounding interval: the lost rows,
 * scored anywhere from 0 to their weights, explain the total. Only the scores printed count
 * (a block cut off after its heading adds nothing and covers nothing); false when none is.
 */
function totalWithinMissing(
  total: Quantity,
  units: readonly Unit[],
  declared: Dec,
  ctx: CheckContext,
): boolean {
  const parts: Interval[] = [];
  let exact = ZERO;
  const collect = (u: Unit): void => {
    if (u.printed) {
      exact = exact.plus(quantityValue(u.printed));
      parts.push(scoreInterval(u.printed, u.weight, ctx.profile.rounding, ctx.strict));
    } else if (u.kind === 'group') for (const c of u.children) collect(c);
  };
  for (const u of units) collect(u);
  if (parts.length === 0) return false;
  const s = { exact, interval: sumIntervals(parts) };
  let shown = ZERO;
  for (const u of units) shown = shown.plus(coveredWeight(u));
  const missing = declared.minus(shown);
  const t = quantityValue(total);
  const ti = ctx.strict ? point(t) : printedInterval(t, total.decimals, ctx.profile.rounding);
  const gap = subtractIntervals(ti, ctx.strict ? point(s.exact) : s.interval);
  // Above the printed scores beyond their rounding (a total equal to them is theirs: the table
  // is whole), and by no more than the missing weights.
  return gap.lo.isPos() && !gap.lo.greaterThan(missing);
}

/** The weight a unit stands for: printed, or the sum of its children's when all of them print one. */
function weightOf(u: Unit): Dec | null {
  if (u.weight !== null) return u.weight;
  if (u.kind !== 'group') return null;
  const scored = u.children.filter((c) => c.scored);
  if (scored.length === 0) return null;
  let s = ZERO;
  for (const c of scored) {
    const w = weightOf(c);
    if (w === null) return null;
    s = s.plus(w);
  }
  return s;
}

/** The score the rules give a unit, with its rounding interval, or null. */
function ruleOf(u: Unit): { readonly exact: Dec; readonly interval: () => Interval | null } | null {
  if (u.kind !== 'group') {
    if (u.entered === null) return null;
    return { exact: u.entered, interval: u.ruleInterval };
  }
  return sumRules(u.children.filter((c) => c.scored));
}

/** The sum of the scores the rules give the units, with its rounding interval; null when one has none. */
function sumRules(units: readonly Unit[]): ReturnType<typeof ruleOf> {
  if (units.length === 0) return null;
  let exact = ZERO;
  const parts: (() => Interval | null)[] = [];
  for (const c of units) {
    const r = ruleOf(c);
    if (r === null) return null;
    exact = exact.plus(r.exact);
    parts.push(r.interval);
  }
  return {
    exact,
    interval: () => {
      const is: Interval[] = [];
      for (const p of parts) {
        const i = p();
        if (i === null) return null;
        is.push(i);
      }
      return sumIntervals(is);
    },
  };
}

/** The blocks of the 项目支出绩效自评表 template (财预〔2020〕10号 附件), by what their name holds. */
const TEMPLATE_BLOCKS: readonly { readonly name: string; readonly key: string }[] = [
  { name: '产出指标', key: '产出' },
  { name: '效益指标', key: '效益' },
  { name: '满意度指标', key: '满意' },
];

/** First-level names of the department-wide tables (部门整体支出): no project template applies. */
const DEPARTMENT_KEYS = ['决策', '过程', '履职', '管理'];

/**
 * The blocks of the project template that the table does not print at all (a table cut off
 * loses its tail: 满意度指标 first), or `[]` when the table is not of that template.
 */
function missingBlocks(
  rows: readonly IndicatorRow[],
  groups: readonly GroupRow[],
  budgetWeighted: boolean,
): string[] {
  const firsts = [...rows.map((r) => r.category[0] ?? ''), ...groups.map((g) => g.category[0] ?? '')].map(
    nameKey,
  );
  if (firsts.some((f) => DEPARTMENT_KEYS.some((k) => f.includes(k)))) return [];
  const texts = [
    ...rows.flatMap((r) => [...r.category, r.name]),
    ...groups.flatMap((g) => [...g.category]),
  ].map(nameKey);
  const missing = TEMPLATE_BLOCKS.filter((b) => !texts.some((t) => t.includes(b.key))).map((b) => b.name);
  return budgetWeighted ? missing : ['预算执行率', ...missing];
}

/**
 * Scores every weighted row and checks printed scores, the printed total, the weights and
 * the grade (internal; see validateReport and docs/conventions.md §12).
 */
export function checkScores(input: ScoreInput): ScoreOutput {
  const { report, profile, findings } = input;
  const groups = input.groups ?? [];
  const evaluate = input.evaluate ?? {};
  const mode = input.rounding ?? 'half-up';
  const ctx: CheckContext = { profile, strict: input.strict === true, findings };

  // Budget lines: each weighted line's score is checked; only the lines that count enter the total.
  const budgetUnits = new Map<BudgetRow, Unit>();
  const parentOf = new Map<unknown, BudgetLine>();
  for (const { source } of input.budget) {
    if (Array.isArray(source.children)) for (const c of source.children) parentOf.set(c, source);
  }
  const budget = input.budget.map((row) => {
    const { source: line, figures } = row;
    const weight = weightCell(line.weight);
    if (!weight.present) return null;
    const where: Path = [...figures.path, 'published', 'score'];
    const r = budgetExecutionScore(
      { rate: figures.executionRateExact, weight: line.weight as Figure },
      profile,
    );
    const printed = readPrinted(figureCell(line.published?.score), where, findings);
    const subject: ScoreSubject = { kind: 'budget-execution', line: figures.name };
    const repeats = printed !== null && repeatsParent(line, weight.value, printed, parentOf);
    // A 其中 line that prints its parent's 分值 and 得分 is read two ways: the parent's score
    // shown again (the reading that counts it once), or a score of its own. When its own rate
    // does not give that score, say so (needs-judgement) instead of calling the table wrong.
    const local: Finding[] = [];
    const entered = checkOne(
      r,
      printed,
      where,
      subject,
      false,
      repeats ? { ...ctx, findings: local } : ctx,
      () => null,
    );
    if (repeats) {
      const wrong = local.some((f) => f.code === 'score-mismatch' || f.code === 'score-out-of-band');
      if (wrong && printed) {
        findings.push(
          makeFinding(
            'needs-judgement',
            where,
            {
              kind: 'score-unchecked',
              subject,
              published: printed.text,
              detail: {
                en: "this line prints its parent's weight and score: read as the parent's score shown again, not checked against its own execution rate",
                zh: '本行分值、得分与上级行相同：视为上级行得分的重复列示，不按本行执行率核对',
              },
            },
            { published: printed.text },
          ),
        );
      } else findings.push(...local);
    }
    if (!printed && weight.value !== null && !figureCell(line.published?.score).present) {
      findings.push(makeFinding('score-missing', where, { subject, weight: toExact(weight.value) }, {}));
    }
    budgetUnits.set(row, {
      kind: 'budget',
      name: figures.name,
      weight: weight.value,
      printed,
      scored: true,
      entered,
      ruleInterval: () => (entered === null ? null : point(entered)),
      children: [],
    });
    return r;
  });
  const counted = countedBudget(input.budget).flatMap((r) => {
    const u = budgetUnits.get(r);
    return u ? [u] : [];
  });

  // Groups: a forest by path prefix.
  const groupUnits: Unit[] = groups.map((g) => {
    const printed = readPrinted(g.printedScore, [...g.path, 'published', 'score'], findings);
    if (g.weight.present && g.weight.value === null) {
      findings.push(
        makeFinding(
          'unparsable-value',
          [...g.path, 'weight'],
          { kind: 'not-a-score', text: showValue(g.weight.raw) },
          { published: showValue(g.weight.raw) },
        ),
      );
    }
    return {
      kind: 'group',
      name: g.category.join(' / '),
      weight: g.weight.value,
      printed,
      scored: g.weight.value !== null || printed !== null,
      entered: null,
      ruleInterval: () => null,
      children: [],
      group: g,
    };
  });
  const deepest = (category: readonly string[], exceptIndex = -1): number => {
    let best = -1;
    groups.forEach((g, i) => {
      if (i === exceptIndex || !inGroup(g, category)) return;
      const better = best < 0 || g.keys.length > (groups[best] as GroupRow).keys.length;
      if (better && !(exceptIndex >= 0 && g.keys.length >= (groups[exceptIndex] as GroupRow).keys.length))
        best = i;
    });
    return best;
  };
  const topGroups: Unit[] = [];
  groups.forEach((g, i) => {
    const parent = deepest(g.category, i);
    const u = groupUnits[i] as Unit;
    if (parent >= 0) (groupUnits[parent] as Unit).children.push(u);
    else topGroups.push(u);
  });
  const weightedAbove = (gi: number): boolean => {
    for (let i = gi; i >= 0; i = deepest((groups[i] as GroupRow).category, i)) {
      if ((groupUnits[i] as Unit).weight !== null) return true;
    }
    return false;
  };

  const ungrouped: Unit[] = [];
  const indicators = input.indicators.map((row) => {
    const ev = row.evaluation;
    const gi = deepest(row.category);
    const where: Path = [...row.path, 'published', 'score'];
    const subject: ScoreSubject = { kind: 'indicator', name: row.name };
    let r: ScoreResult | null = null;
    let unit: Unit;
    if (!row.weight.present) {
      const printed = row.printedScore.present ? readPrinted(row.printedScore, where, findings) : null;
      if (row.printedScore.present && !(gi >= 0 && weightedAbove(gi))) {
        findings.push(
          makeFinding(
            'needs-judgement',
            where,
            { kind: 'score-without-weight', name: row.name },
            { published: showValue(row.printedScore.raw) },
          ),
        );
      }
      unit = {
        kind: 'row',
        name: row.name,
        weight: null,
        printed,
        scored: printed !== null,
        entered: null,
        ruleInterval: () => null,
        children: [],
      };
    } else {
      const weight = row.weight.value;
      r =
        weight === null
          ? {
              ok: false,
              code: 'invalid-weight',
              message: {
                en: `the weight "${showValue(row.weight.raw)}" is not a number`,
                zh: `分值“${showValue(row.weight.raw)}”不是数值`,
              },
            }
          : scoreEvaluation(ev, row.actualText, weight, profile);
      const printed = readPrinted(row.printedScore, where, findings);
      const met = ev.status === 'met' && ev.target?.kind !== 'qualitative';
      const rr = r;
      let cached: Interval | null | undefined;
      const ruleInterval = (): Interval | null => {
        if (cached !== undefined) return cached;
        cached =
          !rr.ok || weight === null
            ? null
            : rr.band
              ? printed
                ? point(quantityValue(printed))
                : null
              : rowRuleInterval(row, dec(rr.exact ?? '0'), weight, profile, evaluate, mode);
        return cached;
      };
      const entered = checkOne(r, printed, where, subject, met, ctx, ruleInterval);
      if (!printed && weight !== null && !row.printedScore.present) {
        findings.push(makeFinding('score-missing', where, { subject, weight: toExact(weight) }, {}));
      }
      unit = {
        kind: 'row',
        name: row.name,
        weight,
        printed,
        scored: true,
        entered,
        ruleInterval: () => (ctx.strict ? (entered === null ? null : point(entered)) : ruleInterval()),
        children: [],
      };
      overAchievement(ev, row.exacts, row.path, subject, input.threshold, findings);
    }
    if (gi >= 0) (groupUnits[gi] as Unit).children.push(unit);
    else ungrouped.push(unit);
    return r;
  });

  // Groups: their rows' weights, their printed score against their rows', scores above weights.
  const short: Unit[] = [];
  const groupMismatches: Finding[] = [];
  for (const u of groupUnits) checkGroup(u, ctx, short, groupMismatches);

  const top: Unit[] = [...counted, ...topGroups, ...ungrouped].filter((u) => u.scored);
  const anyWeight = top.some((u) => weightOf(u) !== null);
  const noScored = top.length === 0;
  if (noScored) return { budget, indicators, totalScore: null, grade: null };

  // Weights at the top level: the budget lines that count, top-level groups, ungrouped rows.
  const declared = dec(profile.totalWeight);
  let weights: Dec | null = ZERO;
  for (const u of top) {
    const w = weightOf(u);
    if (w === null) {
      weights = null;
      break;
    }
    weights = weights.plus(w);
  }
  const publishedTotalCell = figureCell(report.published?.totalScore);
  const publishedTotal = readPrinted(publishedTotalCell, ['published', 'totalScore'], findings);
  // A table that reaches its 总分 row is not cut off, unless the rows it lacks explain its
  // total: weights short by W and a printed total above the printed scores by at most W (a
  // copy that lost rows, not a table whose weights add up wrong). Then its weights are
  // incomplete and its total is not compared with the rows it shows.
  const lostRows =
    publishedTotal !== null &&
    anyWeight &&
    (short.length > 0 || weights?.lt(declared)) &&
    totalWithinMissing(publishedTotal, [...counted, ...topGroups, ...ungrouped], declared, ctx);
  const whole = publishedTotalCell.present && !lostRows;
  let weightsComplete = false;
  if (weights !== null && anyWeight) {
    if (weights.gt(declared) || (whole && weights.lt(declared))) {
      findings.push(
        makeFinding(
          'weight-sum-mismatch',
          ['indicators'],
          { sum: toExact(weights), expected: profile.totalWeight },
          { recomputed: toExact(weights) },
        ),
      );
    } else if (weights.lt(declared) || short.length > 0) {
      if (!whole) {
        const missing = weights.lt(declared)
          ? missingBlocks(
              input.indicators,
              groups,
              counted.some((u) => u.weight !== null),
            )
          : [];
        for (const s of short) missing.push(s.name);
        findings.push(
          makeFinding(
            'weights-incomplete',
            ['indicators'],
            { sum: toExact(weights), expected: profile.totalWeight, missing },
            { recomputed: toExact(weights) },
          ),
        );
      }
    } else weightsComplete = true;
    // A short group is a mismatch when the table is whole, a cut when it is not (said above).
    if (whole) findings.push(...groupMismatches.filter((f) => f.code === 'weight-sum-mismatch'));
  }
  findings.push(...groupMismatches.filter((f) => f.code !== 'weight-sum-mismatch'));

  // A table whose weights do not make up the whole has no meaningful total or grade.
  const rules = weightsComplete ? sumRules(top) : null;
  const totalScore = rules === null ? null : toFixed(rules.exact, profile.decimals, profile.rounding);
  const grade = totalScore === null ? null : gradeOf(totalScore, profile);
  if (publishedTotal && !lostRows) {
    const where: Path = ['published', 'totalScore'];
    // Every unit of the top level, printed score or not: a row that prints nothing is unknown.
    const printedSum = sumPrinted([...counted, ...topGroups, ...ungrouped], ctx);
    let sumMismatch = false;
    let explained = false;
    if (printedSum.kind === 'sum') {
      const verdict = compareTotal(publishedTotal, printedSum.exact, printedSum.interval, ctx);
      if (verdict.kind === 'rounding') {
        explained = true;
        findings.push(roundingFinding('total-score', '', where, publishedTotal, verdict));
      } else if (verdict.kind === 'mismatch') {
        sumMismatch = true;
        findings.push(
          makeFinding(
            'total-score-mismatch',
            where,
            { kind: 'printed-sum', published: publishedTotal.text, expected: verdict.expected },
            { published: publishedTotal.text, recomputed: verdict.expected },
          ),
        );
      }
    }
    if (rules !== null && !sumMismatch) {
      const interval = ctx.strict ? null : rules.interval();
      const verdict = compareTotal(publishedTotal, rules.exact, interval, ctx);
      if (verdict.kind === 'rounding' && !explained) {
        findings.push(roundingFinding('total-score', '', where, publishedTotal, verdict));
      } else if (verdict.kind === 'mismatch') {
        findings.push(
          makeFinding(
            'total-score-mismatch',
            where,
            {
              kind: 'rules',
              published: publishedTotal.text,
              expected: verdict.expected,
              profile: profile.name,
            },
            { published: publishedTotal.text, recomputed: verdict.expected },
          ),
        );
      }
    }
  }

  const printedGrade = report.published?.grade;
  if (typeof printedGrade === 'string' && printedGrade.trim() !== '') {
    const g = normalizeGrade(printedGrade);
    const ofPrinted = publishedTotal ? gradeOf(publishedTotal.value, profile) : null;
    const expected = ofPrinted ?? grade;
    if (expected !== null && g !== expected) {
      findings.push(
        makeFinding(
          'grade-mismatch',
          ['published', 'grade'],
          {
            published: printedGrade,
            total: publishedTotal?.text ?? totalScore ?? '',
            expected,
            profile: profile.name,
          },
          { published: printedGrade, recomputed: expected },
        ),
      );
    }
  }
  return { budget, indicators, totalScore, grade };
}

type Verdict =
  | { readonly kind: 'consistent' }
  | {
      readonly kind: 'rounding';
      readonly expected: string;
      readonly low: string;
      readonly high: string;
    }
  | { readonly kind: 'mismatch'; readonly expected: string };

/**
 * A printed figure against an exact value and the interval that rounding of its inputs allows:
 * consistent at its printed precision, explained by rounding, or beyond it.
 */
function compareTotal(printed: Quantity, exact: Dec, interval: Interval | null, ctx: CheckContext): Verdict {
  const cmp = comparePrinted(exact, printed, ctx.profile.rounding);
  if (cmp.consistent) return { kind: 'consistent' };
  const p = quantityValue(printed);
  if (!ctx.strict && interval && allowsPrinted(interval, p, printed.decimals, ctx.profile.rounding)) {
    const r = printedRange(interval, printed.decimals, ctx.profile.rounding);
    return { kind: 'rounding', expected: cmp.expected, low: r.low, high: r.high };
  }
  return { kind: 'mismatch', expected: cmp.expected };
}

function roundingFinding(
  figure: 'total-score' | 'score',
  name: string,
  where: Path,
  printed: Quantity,
  v: { readonly expected: string; readonly low: string; readonly high: string },
): Finding {
  return makeFinding(
    'rounding-difference',
    where,
    { figure, name, published: printed.text, recomputed: v.expected, low: v.low, high: v.high },
    { published: printed.text, recomputed: v.expected },
  );
}

/**
 * One group: its rows' weights against its own (pushed to `mismatches`; `short` when they fall
 * below it), its printed score against its rows' printed scores, and scores above its weight.
 */
function checkGroup(u: Unit, ctx: CheckContext, short: Unit[], mismatches: Finding[]): void {
  const g = u.group as GroupRow;
  const subject: ScoreSubject = { kind: 'group', path: g.category };
  const scored = u.children.filter((c) => c.scored);
  if (u.weight !== null) {
    let sum: Dec | null = ZERO;
    for (const c of scored) {
      const w = weightOf(c);
      if (w === null) {
        sum = null;
        break;
      }
      sum = sum.plus(w);
    }
    // Rows that print no weight leave the group's split unknown: nothing to check. A group with
    // no rows under it is short only when it prints no score either (a block cut off after its
    // heading); with a score of its own it is a summary line.
    const empty = u.children.length === 0 && u.printed === null;
    if (sum !== null && (scored.length > 0 || empty) && !sum.equals(u.weight)) {
      if (sum.lt(u.weight)) short.push(u);
      const finding = makeFinding(
        'weight-sum-mismatch',
        [...g.path, 'weight'],
        { sum: toExact(sum), expected: toExact(u.weight), group: g.category },
        { published: toExact(u.weight), recomputed: toExact(sum) },
      );
      // Above the group's weight is never a cut: reported whole or not.
      if (sum.gt(u.weight)) ctx.findings.push(finding);
      else mismatches.push(finding);
    }
  }
  const where: Path = [...g.path, 'published', 'score'];
  const children = sumPrinted(u.children, ctx);
  if (u.weight !== null && u.printed && quantityValue(u.printed).gt(u.weight)) {
    mismatches.push(
      makeFinding(
        'score-above-weight',
        where,
        { subject, published: u.printed.text, weight: toExact(u.weight) },
        { published: u.printed.text, recomputed: toExact(u.weight) },
      ),
    );
  } else if (u.weight !== null && children.kind === 'sum' && children.interval.lo.gt(u.weight)) {
    const s = toExact(children.exact);
    mismatches.push(
      makeFinding(
        'score-above-weight',
        [...g.path, 'weight'],
        { subject, published: s, weight: toExact(u.weight) },
        { published: s, recomputed: toExact(u.weight) },
      ),
    );
  }
  if (u.printed && children.kind === 'sum') {
    const v = compareTotal(u.printed, children.exact, children.interval, ctx);
    if (v.kind === 'rounding') mismatches.push(roundingFinding('score', u.name, where, u.printed, v));
    else if (v.kind === 'mismatch') {
      mismatches.push(
        makeFinding(
          'score-mismatch',
          where,
          {
            subject,
            published: u.printed.text,
            expected: v.expected,
            explanation: {
              en: `the sum of the printed scores of its rows = ${toExact(children.exact)}`,
              zh: `其下各项得分之和 = ${toExact(children.exact)}`,
            },
            metBelowWeight: false,
          },
          { published: u.printed.text, recomputed: v.expected },
        ),
      );
    }
  }
  if (u.weight !== null && !u.printed && !g.printedScore.present && children.kind === 'none') {
    mismatches.push(makeFinding('score-missing', where, { subject, weight: toExact(u.weight) }, {}));
  }
}
function overAchievement(
  ev: Evaluation,
  exacts: EvaluationExacts | null,
  path: Path,
  subject: ScoreSubject,
  threshold: Dec | null,
  findings: Finding[],
): void {
  const t = ev.target;
  if (threshold === null || ev.achievement === null || t?.kind !== 'comparison') return;
  if (t.operator === '<=' || t.operator === '<' || !exacts?.target || !isPos(exacts.target)) return;
  if (!exacts.achievement) return;
  const achievement = exacts.achievement;
  if (achievement.lt(threshold)) return;
  const pct = `${toFixed(achievement, 2)}%`;
  findings.push(
    makeFinding(
      'over-achievement',
      [...path, 'actual'],
      { subject, achieved: pct, threshold: threshold.toString() },
      { recomputed: pct },
    ),
  );
}
