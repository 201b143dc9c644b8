/**
 * One indicator: was the target met, and by how much did the actual deviate (偏差)?
 *
 * The entry point and the targets that are not figures (qualitative wording, deadlines). A
 * figure against a figure is quantitative.ts, which reads the actual and brings both sides to
 * one unit (bare-side.ts for a value printed without one), decides the status on intervals
 * (status-interval.ts) and computes the deviation (deviation.ts); what an evaluation returns is
 * evaluation.ts.
 */
import { parseQuantity, printsNothing, readUnitColumn, type UnitColumn } from '../core/quantity.js';
import { hasDigit, normalizeText } from '../core/text.js';
import type { Figure } from '../model/report.js';
import { assertEvaluateOptions, assertIndicatorInput } from './checks.js';
import { type Deadline, formatDeadline, meetsDeadline } from './deadline.js';
import {
  type EvaluateOptions,
  type Evaluation,
  type ExactEvaluation,
  type IndicatorInput,
  note,
  plain,
  result,
} from './evaluation.js';
import { compareGrades } from './grades.js';
import { evaluateQuantitative } from './quantitative.js';
import type { ReportReadings } from './readings.js';
import { EvaluationContext, parseTargetIn, type Target } from './target.js';

/**
 * Evaluates one indicator: status (met or not) and deviation (偏差).
 *
 * Met: `≥` actual ≥ target, `≤` actual ≤ target, `=` equal, `>`/`<` strict; a range includes
 * both ends. Units are compared after exact conversion (10万元 = 100000元); a bare actual
 * takes the target's unit; units of different kinds (`次` against `家`) make the status
 * `unparsable` with note `unit-mismatch`. An actual printed as "more than" (`117余次`) or with
 * a repeated comparator (`≥266米`) is met only when every value it allows meets the target,
 * not met when none does, and `needs-judgement` otherwise.
 *
 * A bare number beside `%` or a scaled unit (万人次, 万元) is read in the unit its magnitude
 * agrees with (within 10× of the target; down to 1/100 under a ceiling): `=1` against `100%` is
 * =100%, `0.95` against `100%` is 95%, `10000` against `≥1万人次` is 10000人次; two readings that
 * agree, or none, give `needs-judgement` with note `unit-mismatch` (`22,483` against `80%`).
 * A target printed without a comparator takes the indicator's direction (`implicit-direction`
 * note: `0` for 投诉次数 is `≤0`).
 *
 * Qualitative targets: equal text, or a better grade on a known scale, is met (deviation 0%,
 * as the reference prints); a worse grade is not met; the opposite statement (无 against 有, 否
 * against 是) or direction (下降 against 提升) is not met; unknown wording is `needs-judgement`.
 *
 * Deviation (reference convention, 苏州市商务服务中心 2023): (actual − target) / |target| × 100%,
 * printed with 2 decimals half-up, also for met targets: ≥90% → 99% gives `"10.00%"`,
 * =100% → 93.74% gives `"-6.26%"`, the exact quotient rounded once. A zero target has no relative deviation unless the actual
 * is zero too; its absolute deviation is still given (=0% → 43.37%: absolute `"43.37"`).
 * A range's deviation is measured from the nearer bound, and is 0 inside the range.
 *
 * Status `not-reported` when the target or actual cell prints nothing.
 *
 * Cost: figures of up to 30 digits in one unit are computed on scaled integers, others with
 * decimal.js; the results are the same. With `options.exact: false` the exact strings
 * (`deviation.relative`, `deviation.absolute`, `achievement`) are null and not computed; the
 * status and `deviation.printed` are unchanged (docs/performance.md measures both).
 *
 * @throws TypeError when `input` (`indicator` in messages) is not an object; when `target` is
 *   not a string, a number, `{ operator, value }` or null, `actual` not a string, a number or
 *   null, `unit` neither a string nor null, `name` not a string or `path` not an array of
 *   strings (a non-finite number is data: status `unparsable`); when `options` is not an object
 *   or undefined,
 *   `deviationBasis` not `'relative'`/`'absolute'`, `metInequality` not `'signed'`/`'zero'`,
 *   `decimals` not an integer from 0 to 20, `rounding` not a rounding mode, or `exact` not a boolean.
 * @example
 * ```ts
 * evaluateIndicator({ target: '=100%', actual: '93.74%' });
 * // { status: 'not-met', deviation: { relative: '-6.26', absolute: '-6.26', printed: '-6.26%', unit: '%' }, … }
 * evaluateIndicator({ target: '≥100 次', actual: '329 次' }).deviation?.printed; // '229.00%'
 * evaluateIndicator({ target: '=0%', actual: '43.37%' }).deviation;
 * // { relative: null, absolute: '43.37', printed: null, unit: '%' }
 * evaluateIndicator({ target: '0', actual: '3', name: '投诉次数' }).status; // 'not-met' (≤0)
 * evaluateIndicator({ target: '=1', actual: '100%' }).status;              // 'met' (=100%)
 * evaluateIndicator({ target: '80%', actual: '22,483' }).note?.code;        // 'unit-mismatch'
 * evaluateIndicator({ target: '=100%', actual: '93.74%' }, { exact: false }).deviation;
 * // { relative: null, absolute: null, printed: '-6.26%', unit: '%' }
 * ```
 */
export function evaluateIndicator(input: IndicatorInput, options: EvaluateOptions = {}): Evaluation {
  assertIndicatorInput('evaluateIndicator', 'indicator', input);
  assertEvaluateOptions('evaluateIndicator', 'options', options);
  if (options.exact !== false) return evaluateExact(input, options).evaluation;
  return printedOnly(evaluateExact(input, options, readUnitColumn(input.unit), false).evaluation);
}

/** An evaluation without its exact strings (`exact: false`), printed figures unchanged. */
function printedOnly(evaluation: Evaluation): Evaluation {
  const d = evaluation.deviation;
  if (d === null || (d.relative === null && d.absolute === null && evaluation.achievement === null)) {
    return evaluation;
  }
  return { ...evaluation, deviation: { ...d, relative: null, absolute: null }, achievement: null };
}

/**
 * {@link evaluateIndicator} with the exact values behind the strings (internal). `column` is
 * the unit column as the caller already read it (read here when not given); `exact: false`
 * leaves the exact strings out; `targets` is the report's parse cache (validateReport).
 */
export function evaluateExact(
  input: IndicatorInput,
  options: EvaluateOptions = {},
  column: UnitColumn = readUnitColumn(input.unit),
  exact = true,
  targets: ReportReadings | null = null,
): ExactEvaluation {
  const context = new EvaluationContext(input.name, input.unit, input.path);
  const parsed =
    input.target === null || input.target === undefined
      ? ({ ok: true, target: null } as const)
      : targets === null
        ? parseTargetIn(input.target, context, column)
        : targets.parse(input.target, context, column);
  if (!parsed.ok) {
    // With no actual printed there is nothing to evaluate: the row is not reported, and the
    // note still says that its target cannot be read.
    const printedActual = input.actual === null || input.actual === undefined ? '' : String(input.actual);
    const status = printsNothing(printedActual) ? 'not-reported' : 'unparsable';
    return plain(result({ status, note: { code: 'unparsable-target', message: parsed.message } }));
  }
  const target = parsed.target;
  if (target === null) {
    return plain(
      result({
        status: 'not-reported',
        note: note('target-not-reported', 'no target is printed', '未填写目标值'),
      }),
    );
  }
  const actualRaw = input.actual;
  const actualText = actualRaw === null || actualRaw === undefined ? '' : String(actualRaw);
  if (printsNothing(actualText)) {
    return plain(
      result({
        status: 'not-reported',
        target,
        note: note('actual-not-reported', 'no actual value is printed', '未填写完成值'),
      }),
    );
  }
  if (target.kind === 'qualitative') {
    return plain(
      target.deadline === undefined
        ? evaluateQualitative(target, actualText)
        : evaluateDeadline(target, target.deadline, actualText, options),
    );
  }
  return evaluateQuantitative(
    target,
    actualRaw as Figure,
    actualText,
    column,
    options,
    context,
    exact,
    targets,
  );
}

function evaluateQualitative(target: Target & { kind: 'qualitative' }, actualText: string): Evaluation {
  // A figure has a digit (after normalisation): words need no reading as a number.
  const asNumber = hasDigit(normalizeText(actualText)) ? parseQuantity(actualText) : null;
  if (asNumber?.ok && asNumber.quantity !== null) {
    return result({
      status: 'needs-judgement',
      target,
      note: note(
        'numeric-actual',
        `a qualitative target "${target.text}" with a numeric actual "${actualText}"`,
        `定性目标“${target.text}”的完成值却是数值“${actualText}”`,
      ),
    });
  }
  const cmp = compareGrades(target.expected, actualText);
  if (cmp === 'met') {
    return result({
      status: 'met',
      target,
      deviation: { relative: '0', absolute: null, printed: '0%', unit: null },
    });
  }
  if (cmp === 'not-met') return result({ status: 'not-met', target });
  return result({
    status: 'needs-judgement',
    target,
    note: note(
      'unknown-grade',
      `"${actualText}" against "${target.text}" is on no known grade scale`,
      `“${actualText}”与“${target.text}”不在已知的等级序列上，需人工判断`,
    ),
  });
}

/**
 * A deadline target (完成时限: `9月前`, `2023年12月底前`, `年底前`, `6月30日前`) against its
 * actual: met or not by the date printed (`2023年10月`, `10月完成`, `2023-09-30`), met by
 * wording such as 按期完成/已完成/如期完成, not met by 未完成/延期/逾期, `needs-judgement`
 * otherwise (never `unparsable`). A met deadline has a deviation of 0%, as a met qualitative
 * target; the year of a side that prints none is `options.year` (the report's year) when
 * given, else the other side's year. See `meetsDeadline` in deadline.ts for the rules.
 */
function evaluateDeadline(
  target: Target & { kind: 'qualitative' },
  deadline: Deadline,
  actualText: string,
  options: EvaluateOptions,
): Evaluation {
  const outcome = meetsDeadline(deadline, actualText, options.year ?? null);
  if (outcome.status === 'met') {
    return result({
      status: 'met',
      target,
      deviation: { relative: '0', absolute: null, printed: '0%', unit: null },
    });
  }
  if (outcome.status === 'not-met') return result({ status: 'not-met', target });
  const due = formatDeadline(deadline);
  const why: Readonly<Record<typeof outcome.reason, readonly [string, string]>> = {
    'ambiguous-month': [
      `"${actualText}" is in the month of the deadline "${target.text}": met if it means by the end of that month (the usual reading), not met if it means before that month`,
      `完成值“${actualText}”在期限“${target.text}”所写的月份内：如指该月底前（通常的理解）则按期，如指该月之前则未按期`,
    ],
    'no-date': [
      `"${actualText}" gives no date that shows whether the deadline ${due} was kept`,
      `完成值“${actualText}”没有可判断是否在${due}完成的日期`,
    ],
    numeric: [
      `a deadline "${target.text}" with a numeric actual "${actualText}"`,
      `期限目标“${target.text}”的完成值却是数值“${actualText}”`,
    ],
  };
  const [en, zh] = why[outcome.reason] as readonly [string, string];
  return result({
    status: 'needs-judgement',
    target,
    note: note(outcome.reason === 'numeric' ? 'numeric-actual' : 'qualitative-actual', en, zh),
  });
}
