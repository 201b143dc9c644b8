/**
 * The scoring rules of validateReport: printed scores, totals, weights and grades against
 * what a scoring profile gives, read from the row model (rows.ts, budget.ts).
 */
import { type Dec, dec, isPos, toExact, toFixed, ZERO } from '../core/decimal.js';
import { comparePrinted } from '../core/printed.js';
import { type Quantity, quantityValue, showValue } from '../core/quantity.js';
import { nameKey } from '../core/text.js';
import type { Evaluation, EvaluationExacts } from '../figures/indicator.js';
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
import type { Figure, Report } from '../model/report.js';
import type { BudgetRow } from './budget.js';
import { type FigureCell, figureCell, type IndicatorRow, weightCell } from './rows.js';

interface ScoreInput {
  readonly report: Report;
  readonly budget: readonly BudgetRow[];
  readonly indicators: readonly IndicatorRow[];
  readonly profile: ScoringProfile;
  /** Over-achievement threshold in percent, or null (off): one value for every rule. */
  readonly threshold: Dec | null;
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

/** A printed score, read once in the row model; reports a cell that is not a score. */
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

/** Checks one printed score against its recomputed result; returns the score that enters the total. */
function checkOne(
  r: ScoreResult,
  printed: Quantity | null,
  where: Path,
  subject: ScoreSubject,
  met: boolean,
  findings: Finding[],
): Dec | null {
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
    const cmp = comparePrinted(exact, printed);
    if (!cmp.consistent) {
      const below = met && quantityValue(printed).lt(dec(r.weight));
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
  return exact;
}

/**
 * Scores every weighted row and checks printed scores, the printed total, the weights and
 * the grade (internal; see validateReport).
 */
export function checkScores(input: ScoreInput): ScoreOutput {
  const { report, profile, findings } = input;
  const totals = new Totals();

  const budget = input.budget.map(({ source: line, figures }) => {
    const weight = weightCell(line.weight);
    if (!weight.present) return null;
    const where: Path = [...figures.path, 'published', 'score'];
    const r = budgetExecutionScore(
      { rate: figures.executionRateExact, weight: line.weight as Figure },
      profile,
    );
    const printed = readPrinted(figureCell(line.published?.score), where, findings);
    const subject: ScoreSubject = { kind: 'budget-execution', line: figures.name };
    const entered = checkOne(r, printed, where, subject, false, findings);
    totals.add(weight.value, printed, entered);
    return r;
  });

  const indicators = input.indicators.map((row) => {
    const ev = row.evaluation;
    if (!row.weight.present) {
      if (row.printedScore.present) {
        findings.push(
          makeFinding(
            'needs-judgement',
            [...row.path, 'published', 'score'],
            { kind: 'score-without-weight', name: row.name },
            { published: showValue(row.printedScore.raw) },
          ),
        );
      }
      return null;
    }
    const weight = row.weight.value;
    const where: Path = [...row.path, 'published', 'score'];
    const r: ScoreResult =
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
    const subject: ScoreSubject = { kind: 'indicator', name: row.name };
    const met = ev.status === 'met' && ev.target?.kind !== 'qualitative';
    const entered = checkOne(r, printed, where, subject, met, findings);
    totals.add(weight, printed, entered);
    overAchievement(ev, row.exacts, row.path, subject, input.threshold, findings);
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
        { sum: toExact(totals.weights), expected: profile.totalWeight },
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
  const publishedTotal = readPrinted(
    figureCell(report.published?.totalScore),
    ['published', 'totalScore'],
    findings,
  );
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
            { kind: 'printed-sum', published: publishedTotal.text, expected: cmp.expected },
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
            { kind: 'rules', published: publishedTotal.text, expected: cmp.expected, profile: profile.name },
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
