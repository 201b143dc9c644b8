/**
 * The scoring rules of validateReport: printed scores, totals, weights and grades against
 * what a scoring profile gives.
 *
 * @internal
 */

import { type Dec, dec, isPos, toExact, toFixed, ZERO } from '../core/decimal.js';
import { comparePrinted } from '../core/printed.js';
import {
  isNothingPrinted,
  parseQuantity,
  type Quantity,
  quantityValue,
  showValue,
} from '../core/quantity.js';
import { nameKey, normalizeText } from '../core/text.js';
import type { BudgetLineFigures } from '../figures/budget.js';
import { type Evaluation, exactsOf } from '../figures/indicator.js';
import {
  budgetExecutionScore,
  gradeOf,
  inBand,
  type ScoreResult,
  type ScoringProfile,
  scoreEvaluation,
} from '../figures/scoring.js';
import { type Finding, makeFinding, type Path } from '../model/findings.js';
import type { BudgetLine, Figure, Indicator, Report } from '../model/report.js';

interface ScoreInput {
  readonly report: Report;
  readonly budget: readonly { readonly line: BudgetLine; readonly figures: BudgetLineFigures }[];
  readonly indicators: readonly {
    readonly row: Indicator;
    readonly figures: { readonly path: Path; readonly name: string; readonly evaluation: Evaluation };
  }[];
  readonly profile: ScoringProfile;
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

/** A cell that prints something: blank, `/`, `—` and `-` alone print nothing. */
function isPresent(v: unknown): v is Figure {
  if (typeof v === 'string') return !isNothingPrinted(normalizeText(v));
  return typeof v === 'number' && Number.isFinite(v);
}

function hasWeight(v: unknown): v is Figure {
  return isPresent(v);
}

/** Totals accumulated over the weighted rows of a table. */
class Totals {
  weights = ZERO;
  weighted = 0;
  printedSum = ZERO;
  printedComplete = true;
  recomputed: Dec | null = ZERO;

  add(weight: Dec | null, printed: Quantity | null, recomputed: Dec | null): void {
    this.weighted += 1;
    if (weight) this.weights = this.weights.plus(weight);
    if (printed) this.printedSum = this.printedSum.plus(quantityValue(printed));
    else this.printedComplete = false;
    this.recomputed =
      this.recomputed === null || recomputed === null ? null : this.recomputed.plus(recomputed);
  }
}

function readPrinted(raw: unknown, path: Path, findings: Finding[]): Quantity | null {
  if (!isPresent(raw)) return null;
  const q = parseQuantity(raw);
  if (!q.ok) {
    findings.push(makeFinding('unparsable-value', path, q.message, { published: showValue(raw) }));
    return null;
  }
  if (q.quantity && q.quantity.unit !== null && q.quantity.unit !== '分') {
    findings.push(
      makeFinding(
        'unparsable-value',
        path,
        { en: `"${showValue(raw)}" is not a score`, zh: `“${showValue(raw)}”不是得分` },
        { published: showValue(raw) },
      ),
    );
    return null;
  }
  return q.quantity;
}

function weightOf(raw: unknown): Dec | null {
  if (!hasWeight(raw)) return null;
  const q = parseQuantity(raw);
  return q.ok && q.quantity ? quantityValue(q.quantity) : null;
}

/** Checks one printed score against its recomputed result; returns the score that enters the total. */
function checkOne(
  r: ScoreResult,
  printed: Quantity | null,
  where: Path,
  label: { en: string; zh: string },
  met: boolean,
  findings: Finding[],
): Dec | null {
  if (!r.ok) {
    if (printed) {
      findings.push(
        makeFinding(
          'needs-judgement',
          where,
          {
            en: `${label.en}: the printed score ${printed.text} cannot be checked: ${r.message.en}`,
            zh: `${label.zh}：得分 ${printed.text} 无法核对：${r.message.zh}`,
          },
          { published: printed.text },
        ),
      );
    }
    return null;
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
          {
            en: `${label.en}: printed score ${printed.text} is outside its band ${range}: ${r.explanation.en}`,
            zh: `${label.zh}：得分 ${printed.text} 不在档次 ${range} 内：${r.explanation.zh}`,
          },
          { published: printed.text, recomputed: range },
        ),
      );
      return null;
    }
    return p;
  }
  const exact = dec(r.exact ?? '0');
  if (printed) {
    const cmp = comparePrinted(exact, printed);
    if (!cmp.consistent) {
      const below = met && quantityValue(printed).lt(dec(r.weight));
      findings.push(
        makeFinding(
          'score-mismatch',
          where,
          {
            en: `${label.en}: printed score ${printed.text} ≠ ${cmp.expected} (${r.explanation.en})${below ? '; a met target scores its full weight under every profile' : ''}`,
            zh: `${label.zh}：得分 ${printed.text} ≠ ${cmp.expected}（${r.explanation.zh}）${below ? '；已完成的指标在任何计分规则下都应得满分' : ''}`,
          },
          { published: printed.text, recomputed: cmp.expected },
        ),
      );
    }
  }
  return exact;
}

/**
 * Scores every weighted row and checks printed scores, the printed total, the weights and
 * the grade (internal; see validateReport).
 */
export function checkScores(input: ScoreInput): ScoreOutput {
  const { report, profile, findings } = input;
  const totals = new Totals();

  const budget = input.budget.map(({ line, figures }) => {
    if (!hasWeight(line.weight)) return null;
    const where: Path = [...figures.path, 'published', 'score'];
    const r = budgetExecutionScore({ rate: figures.executionRateExact, weight: line.weight }, profile);
    const printed = readPrinted(line.published?.score, where, findings);
    const name = figures.name === '' ? 'budget execution' : `"${figures.name}" budget execution`;
    const zhName = figures.name === '' ? '预算执行率' : `“${figures.name}”预算执行率`;
    const entered = checkOne(r, printed, where, { en: name, zh: zhName }, false, findings);
    totals.add(weightOf(line.weight), printed, entered);
    return r;
  });

  const indicators = input.indicators.map(({ row, figures }) => {
    const ev = figures.evaluation;
    if (!hasWeight(row.weight)) {
      if (isPresent(row.published?.score)) {
        findings.push(
          makeFinding(
            'needs-judgement',
            [...figures.path, 'published', 'score'],
            {
              en: `"${figures.name}": a score is printed but no weight (分值), so it cannot be checked`,
              zh: `“${figures.name}”：印有得分但无分值，无法核对`,
            },
            { published: showValue(row.published?.score) },
          ),
        );
      }
      return null;
    }
    const weight = weightOf(row.weight);
    const where: Path = [...figures.path, 'published', 'score'];
    const actualText = row.actual === null || row.actual === undefined ? '' : String(row.actual);
    const r: ScoreResult =
      weight === null
        ? {
            ok: false,
            code: 'invalid-weight',
            message: {
              en: `the weight "${showValue(row.weight)}" is not a number`,
              zh: `分值“${showValue(row.weight)}”不是数值`,
            },
          }
        : scoreEvaluation(ev, actualText, weight, profile);
    const printed = readPrinted(row.published?.score, where, findings);
    const label = { en: `"${figures.name}"`, zh: `“${figures.name}”` };
    const met = ev.status === 'met' && ev.target?.kind !== 'qualitative';
    const entered = checkOne(r, printed, where, label, met, findings);
    totals.add(weight, printed, entered);
    overAchievement(ev, figures.path, label, profile, findings);
    return r;
  });

  if (totals.weighted === 0) return { budget, indicators, totalScore: null, grade: null };

  const declared = dec(profile.totalWeight);
  const weightsComplete = totals.weights.equals(declared);
  if (!weightsComplete) {
    findings.push(
      makeFinding(
        'weight-sum-mismatch',
        ['indicators'],
        {
          en: `the weights (分值) of the table sum to ${toExact(totals.weights)}, not ${profile.totalWeight}`,
          zh: `各项分值之和为 ${toExact(totals.weights)}，不是 ${profile.totalWeight}`,
        },
        { recomputed: toExact(totals.weights) },
      ),
    );
  }

  // A table whose weights do not reach the declared total has no meaningful total or grade.
  const totalScore =
    totals.recomputed === null || !weightsComplete
      ? null
      : toFixed(totals.recomputed, profile.decimals, profile.rounding);
  const grade = totalScore === null ? null : gradeOf(totalScore, profile);
  const publishedTotal = readPrinted(report.published?.totalScore, ['published', 'totalScore'], findings);
  if (publishedTotal) {
    let sumMismatch = false;
    if (totals.printedComplete) {
      const cmp = comparePrinted(totals.printedSum, publishedTotal);
      if (!cmp.consistent) {
        sumMismatch = true;
        findings.push(
          makeFinding(
            'total-score-mismatch',
            ['published', 'totalScore'],
            {
              en: `the printed total ${publishedTotal.text} is not the sum of the printed scores, ${cmp.expected}`,
              zh: `总分 ${publishedTotal.text} 不等于各项得分之和 ${cmp.expected}`,
            },
            { published: publishedTotal.text, recomputed: cmp.expected },
          ),
        );
      }
    }
    if (totals.recomputed !== null && !sumMismatch) {
      const cmp = comparePrinted(totals.recomputed, publishedTotal);
      if (!cmp.consistent) {
        findings.push(
          makeFinding(
            'total-score-mismatch',
            ['published', 'totalScore'],
            {
              en: `the printed total ${publishedTotal.text} is not what the scoring rules give, ${cmp.expected} (profile ${profile.name})`,
              zh: `总分 ${publishedTotal.text} 与按计分规则重算的 ${cmp.expected} 不符（计分方案 ${profile.name}）`,
            },
            { published: publishedTotal.text, recomputed: cmp.expected },
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
            en: `the printed grade ${printedGrade} does not match the total ${publishedTotal?.text ?? totalScore}: ${expected} (profile ${profile.name})`,
            zh: `等级“${printedGrade}”与总分 ${publishedTotal?.text ?? totalScore} 不符，应为“${expected}”（计分方案 ${profile.name}）`,
          },
          { published: printedGrade, recomputed: expected },
        ),
      );
    }
  }
  return { budget, indicators, totalScore, grade };
}

function overAchievement(
  ev: Evaluation,
  path: Path,
  label: { en: string; zh: string },
  profile: ScoringProfile,
  findings: Finding[],
): void {
  const t = ev.target;
  if (profile.overAchievementThreshold === null || ev.achievement === null || t?.kind !== 'comparison')
    return;
  const exacts = exactsOf(ev);
  if (t.operator === '<=' || t.operator === '<' || !exacts?.target || !isPos(exacts.target)) return;
  if (!exacts.achievement) return;
  const achievement = exacts.achievement;
  if (achievement.lt(profile.overAchievementThreshold)) return;
  const pct = `${toFixed(achievement, 2)}%`;
  findings.push(
    makeFinding(
      'over-achievement',
      [...path, 'actual'],
      {
        en: `${label.en}: achieved ${pct} of the target (≥ ${profile.overAchievementThreshold}%): flagged for review, not deducted; was the target set too low?`,
        zh: `${label.zh}：完成目标的 ${pct}（≥ ${profile.overAchievementThreshold}%），提请复核，不自动扣分；目标值是否偏低？`,
      },
      { recomputed: pct },
    ),
  );
}
