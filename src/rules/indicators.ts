/**
 * The indicator rules: each row's status notes, comparator, unit column, target, reason and
 * printed deviation, checked against the row model (rows.ts).
 */
import { type Dec, dec, HUNDRED, isNeg, isPos, ONE, type RoundingMode, toFixed } from '../core/decimal.js';
import { compareRounded, type Interval, printedInterval } from '../core/intervals.js';
import { consistentWithText } from '../core/printed.js';
import {
  convertValue,
  isFigure,
  isNothingPrinted,
  parseQuantity,
  type Quantity,
  quantityUnit,
  quantityValue,
  showValue,
} from '../core/quantity.js';
import { hasDigit, normalizeText } from '../core/text.js';
import { comparatorSymbol } from '../figures/target.js';
import { type Finding, formatPath } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { RowRef } from '../model/messages/params.js';
import { roundingFinding } from './rounding.js';
import { type IndicatorRow, isRecord, text } from './rows.js';

const rowLabel = (r: RowRef): string => (r.name === '' ? `indicator ${formatPath(r.path)}` : `"${r.name}"`);
const rowLabelZh = (r: RowRef): string => (r.name === '' ? `指标 ${formatPath(r.path)}` : `“${r.name}”`);

/** True when a reason cell says something (not empty, not `/`, `—`, `无`). */
function hasReason(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const s = normalizeText(v);
  return !isNothingPrinted(s) && s !== '无';
}

/**
 * Checks one row (findings in the order: status notes, comparator, unit column, target, reason,
 * deviation). `threshold` is the over-achievement threshold in percent, or null (off);
 * `strict` (the option `strictInputs`) compares the printed deviation with the printed actual
 * taken as exact.
 */
export function checkIndicatorRow(
  row: IndicatorRow,
  threshold: Dec | null,
  mode: RoundingMode,
  findings: Finding[],
  strict = false,
): void {
  const { evaluation: ev, path, targetText, actualText } = row;
  const t = ev.target;
  switch (ev.note?.code) {
    case 'unparsable-target':
      // On a row that prints no actual nothing depends on the target (no status, deviation or
      // score): info, not warning (scoring-rubric rows, 铜陵郊区 2021, 广水市 2021).
      findings.push(
        makeFinding(
          'unparsable-target',
          [...path, 'target'],
          { detail: ev.note.message },
          { published: targetText, ...(ev.status === 'not-reported' ? { severity: 'info' as const } : {}) },
        ),
      );
      break;
    case 'unparsable-value':
      findings.push(
        makeFinding(
          'unparsable-value',
          [...path, 'actual'],
          { kind: 'cell', detail: ev.note.message },
          { published: actualText },
        ),
      );
      break;
    case 'unit-mismatch':
      findings.push(
        makeFinding(
          'unit-mismatch',
          [...path, 'actual'],
          { kind: 'values', detail: ev.note.message },
          { published: actualText },
        ),
      );
      break;
    case 'unknown-grade':
    case 'approximate-actual':
    case 'qualitative-actual':
    case 'numeric-actual':
      findings.push(
        makeFinding(
          'needs-judgement',
          [...path, 'actual'],
          { kind: 'evaluation', row: row.ref, detail: ev.note.message },
          { published: actualText },
        ),
      );
      break;
    default:
      break;
  }

  if (t?.kind === 'comparison' && t.implicit) {
    const sym = comparatorSymbol(t.operator);
    findings.push(
      makeFinding(
        'implicit-operator',
        [...path, 'target'],
        { row: row.ref, target: targetText, reading: `${sym}${t.value.value}${t.value.unit ?? ''}` },
        { published: targetText },
      ),
    );
  }
  checkUnitColumn(row, findings);

  if (ev.status === 'not-met') {
    findings.push(
      makeFinding(
        'target-not-met',
        [...path, 'actual'],
        { row: row.ref, target: targetText, actual: actualText },
        { published: actualText },
      ),
    );
  }

  checkReason(row, threshold, findings);
  checkDeviation(row, mode, findings, strict);
}

function checkUnitColumn(row: IndicatorRow, findings: Finding[]): void {
  const { unit, evaluation: ev, path, unitColumn: column } = row;
  if (unit === null || ev.target?.kind !== 'comparison') return;
  if (!column.ok) {
    findings.push(
      makeFinding(
        'unit-mismatch',
        [...path, 'unit'],
        { kind: 'column-not-a-unit', row: row.ref, unit },
        { published: unit },
      ),
    );
    return;
  }
  const own = ev.target.value.unit;
  if (own !== null && column.unit !== null && own !== column.unit) {
    findings.push(
      makeFinding(
        'unit-mismatch',
        [...path, 'target'],
        { kind: 'column-differs', row: row.ref, own, unit },
        { published: text(row.source.target) },
      ),
    );
  }
}

function checkReason(row: IndicatorRow, threshold: Dec | null, findings: Finding[]): void {
  const { evaluation: ev, path, targetText, actualText } = row;
  if (hasReason(row.reason)) return;
  if (ev.status === 'not-met') {
    findings.push(
      makeFinding(
        'reason-missing',
        [...path, 'reason'],
        { kind: 'not-met', row: row.ref, target: targetText, actual: actualText },
        { published: actualText },
      ),
    );
    return;
  }
  const t = ev.target;
  if (threshold === null || ev.achievement === null || t?.kind !== 'comparison') return;
  if (t.operator === '<=' || t.operator === '<') return;
  const exacts = row.exacts;
  if (!exacts?.target || !isPos(exacts.target) || !exacts.achievement) return;
  const achievement = exacts.achievement;
  if (achievement.gte(threshold)) {
    const pct = `${toFixed(achievement, 2)}%`;
    findings.push(
      makeFinding(
        'reason-missing',
        [...path, 'reason'],
        {
          kind: 'over-achievement',
          row: row.ref,
          target: targetText,
          achieved: pct,
          threshold: threshold.toString(),
        },
        { severity: 'info', published: actualText, recomputed: pct },
      ),
    );
  }
}

/**
 * The interval of deviations that actuals rounding to the printed actual give, around the
 * exact deviation `exact` (DESIGN §1 "Rounding", docs/conventions.md §1), or null when the
 * printed actual is taken as exact.
 *
 * The target is a declared value (the plan's 指标目标值: `≥95%`, `=100%`, `10次`), exact as
 * printed; the actual is a measurement, printed rounded (`93.74%` stands for [93.735, 93.745]).
 * The deviation is increasing and linear in the actual: relative (a − t) ÷ |t| × 100, slope
 * 100 ÷ |t|; absolute a − t, slope 1; times the factor from the actual's unit to the target's.
 * So the interval is the exact deviation moved by the actual's interval times that slope.
 *
 * The actual is taken as exact (null) when it is a whole count in a counting unit (`329次`:
 * no count is rounded), a bound (`≥266米`, `117余次`), a relative deviation has a zero target,
 * the target is a range (the deviation is then piecewise), or a met inequality shows a zero
 * deviation (it may be the convention that prints 0 for a met target, which is not linear).
 */
function deviationInterval(
  row: IndicatorRow,
  exact: Dec,
  relative: boolean,
  mode: RoundingMode,
): Interval | null {
  const { evaluation: ev, exacts: x } = row;
  const target = ev.target;
  const q = ev.actual;
  if (target?.kind !== 'comparison' || q === null || x === null || x.target === null || x.absolute === null)
    return null;
  if (ev.actualOperator !== null || q.moreThan) return null;
  if (relative && x.target.isZero()) return null;
  if (x.absolute.isZero() && target.operator !== '=' && ev.status === 'met') return null;
  const unit = quantityUnit(q);
  if (unit?.dimension.startsWith('count:') && unit.factor.equals(ONE) && q.decimals === 0) return null;
  const v = quantityValue(q);
  // The factor from the actual's unit to the target's: by the units, checked against the
  // evaluation's own actual (t + (a − t)); a value of 0 cannot check it.
  const a = x.target.plus(x.absolute);
  const byUnits = convertValue(ONE, unit, quantityUnit(target.value)) ?? ONE;
  const k = v.isZero() || v.times(byUnits).equals(a) ? byUnits : a.dividedBy(v);
  const slope = relative ? k.times(HUNDRED).dividedBy(x.target.abs()) : k;
  const i = printedInterval(v, q.decimals, mode);
  return { lo: exact.plus(i.lo.minus(v).times(slope)), hi: exact.plus(i.hi.minus(v).times(slope)) };
}

function checkDeviation(row: IndicatorRow, mode: RoundingMode, findings: Finding[], strict: boolean): void {
  const { evaluation: ev, path, source: ind } = row;
  const raw = isRecord(ind.published) ? ind.published.deviation : undefined;
  if (raw === null || raw === undefined) return;
  const where = [...path, 'published', 'deviation'];
  if (!isFigure(raw)) {
    findings.push(
      makeFinding('invalid-report', where, {
        detail: {
          en: `${rowLabel(row.ref)}: the printed deviation must be a string or a finite number`,
          zh: `${rowLabelZh(row.ref)}：偏差应为字符串或有限数值`,
        },
      }),
    );
    return;
  }
  const p = parseQuantity(raw);
  if (!p.ok) {
    if (!hasDigit(normalizeText(showValue(raw)))) {
      // 无, None., 达到预期: words in a deviation column need a reader, not a parser.
      findings.push(
        makeFinding(
          'needs-judgement',
          where,
          { kind: 'deviation-text', row: row.ref, text: showValue(raw) },
          { published: showValue(raw) },
        ),
      );
      return;
    }
    findings.push(
      makeFinding(
        'unparsable-value',
        where,
        { kind: 'cell', detail: p.message },
        { published: showValue(raw) },
      ),
    );
    return;
  }
  if (p.quantity === null) return;
  const printed: Quantity = p.quantity;
  const d = ev.deviation;
  if (ev.status === 'not-reported') {
    findings.push(
      makeFinding(
        'needs-judgement',
        where,
        {
          kind: 'deviation-without-values',
          row: row.ref,
          published: printed.text,
          missing: ev.target === null ? 'target' : 'actual',
        },
        { published: printed.text },
      ),
    );
    return;
  }
  const relative = printed.unit === '%';
  // A deviation printed in 个百分点 (percentage points) beside percentages is the absolute one.
  const points = printed.unit === '个百分点' && d?.unit === '%';
  if (!relative && !points && printed.unit !== null && printed.unit !== d?.unit) {
    findings.push(
      makeFinding(
        'unit-mismatch',
        where,
        { kind: 'deviation-unit', row: row.ref, published: printed.text },
        { published: printed.text },
      ),
    );
    return;
  }
  if (d === null) return; // no recomputed deviation: the status finding says why
  if (relative && d.relative === null) {
    const abs = row.exacts?.absolute ?? dec(d.absolute ?? '0');
    const signed = `${isNeg(abs) ? '' : '+'}${toFixed(abs, 2)}`;
    findings.push(
      makeFinding(
        'deviation-undefined',
        where,
        { row: row.ref, published: printed.text, absolute: signed, unit: d.unit },
        { published: printed.text, recomputed: `${signed}${d.unit === '%' ? ' pp' : (d.unit ?? '')}` },
      ),
    );
    return;
  }
  const exact = relative ? d.relative : d.absolute;
  if (exact === null) return;
  // Most printed deviations are consistent: checked on the exact string, no decimal built.
  if (consistentWithText(exact, printed, mode)) return;
  const exacts = row.exacts;
  const exactDec = (relative ? exacts?.relative : exacts?.absolute) ?? dec(exact);
  const inputs = strict ? null : () => deviationInterval(row, exactDec, relative, mode);
  const cmp = compareRounded(exactDec, inputs, printed, mode);
  if (cmp.consistent) return;
  if (cmp.byRounding) {
    findings.push(roundingFinding('deviation', row.name, where, printed.text, cmp, relative ? '%' : ''));
    return;
  }
  const recomputed = `${cmp.expected}${relative ? '%' : ''}`;
  const zeroWhenMet =
    quantityValue(printed).isZero() &&
    ev.status === 'met' &&
    ev.target?.kind === 'comparison' &&
    ev.target.operator !== '=';
  findings.push(
    makeFinding(
      'deviation-mismatch',
      where,
      {
        row: row.ref,
        published: printed.text,
        recomputed,
        relative,
        hint: zeroWhenMet ? 'zero-when-met' : cmp.looksTruncated ? 'truncated' : null,
      },
      { published: printed.text, recomputed },
    ),
  );
}

/**
 * Checks a printed status (`published.status`: 完成情况 / 是否达成 / Achieved …) against the
 * status recomputed from the target and the actual (the words are read by `readStatusWord`).
 *
 * - `status-mismatch` (error): a word meaning met (达成, 已完成, Achieved, Target met, Yes …) on
 *   a row the figures give as not met, or a word meaning not met (未达成, 未完成, Not achieved,
 *   No …) on a row they give as met;
 * - 部分达成 / 基本完成 / Partially achieved on a row not met is consistent (a partial
 *   achievement is not full achievement); on a row met it is `needs-judgement` (info);
 * - a word on no known vocabulary is `needs-judgement` (info), never an error;
 * - nothing at all when the recomputation cannot decide (needs-judgement, unparsable,
 *   not-reported): the evaluation's own finding says why.
 *
 * Paths: `["indicators", i, "published", "status"]`. Example: 预算执行率 =100% / 93.74% printed
 * "已完成" → status-mismatch (recomputed not-met); printed "未完成" → nothing.
 */
export function checkPrintedStatus(row: IndicatorRow, findings: Finding[]): void {
  const cell = row.printedStatus;
  if (cell === null) return;
  const where = [...row.path, 'published', 'status'];
  if (cell.reading === null) {
    findings.push(
      makeFinding('invalid-report', where, {
        detail: {
          en: `${rowLabel(row.ref)}: the printed status must be a string`,
          zh: `${rowLabelZh(row.ref)}：完成情况应为字符串`,
        },
      }),
    );
    return;
  }
  const text = cell.raw as string;
  const status = row.evaluation.status;
  if (cell.reading === 'unknown' || (cell.reading === 'partial' && status === 'met')) {
    findings.push(
      makeFinding(
        'needs-judgement',
        where,
        { kind: 'status-word', row: row.ref, text, reading: cell.reading },
        { published: text },
      ),
    );
    return;
  }
  if (status !== 'met' && status !== 'not-met') return;
  const contradicts =
    (cell.reading === 'met' && status === 'not-met') || (cell.reading === 'not-met' && status === 'met');
  if (!contradicts) return;
  findings.push(
    makeFinding(
      'status-mismatch',
      where,
      { row: row.ref, published: text, recomputed: status },
      { published: text, recomputed: status },
    ),
  );
}
