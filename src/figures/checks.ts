/**
 * Argument checks of the figure functions: the shapes of their inputs, options and scoring
 * profiles, built from the generic checks of core/arguments.ts. Each public function calls
 * these first, so that a wrong argument type throws a TypeError naming the function and the
 * argument (`evaluateIndicator: options.decimals must be an integer from 0 to 20, got 1.5`),
 * never an error from deep inside. Bad report data inside a well-typed argument is not
 * checked here: it gives a reason code, as documented by each function.
 *
 * @internal
 */
import {
  assertArray,
  assertBoolean,
  assertCellOrNull,
  assertDecimalString,
  assertIntegerIn,
  assertObject,
  assertOneOf,
  assertOptionalString,
  assertOptions,
  assertString,
  assertStringArray,
  assertStringOrNull,
  describeType,
  describeValue,
  isObject,
  isPlainDecimal,
  rejectArgument,
} from '../core/arguments.js';
import { ROUNDING_MODES } from '../core/decimal.js';
import type { LowerIsBetterStrategy } from './profiles.js';
import type { Comparator } from './target.js';

/**
 * Most decimals a printed figure may be asked for (`decimals` of the options of
 * evaluateIndicator, executionRate, adjustmentRate, validateReport and of a scoring profile):
 * 0 to 20. Tables print 0 to 4; 20 is far beyond any of them and keeps a printed figure short
 * (a billion decimals would exhaust memory).
 */
export const MAX_DECIMALS = 20;

/** The five comparators, as `Comparator` lists them. */
export const COMPARATORS: readonly Comparator[] = ['>=', '<=', '=', '>', '<'];

const LOWER_IS_BETTER: readonly LowerIsBetterStrategy[] = ['ratio', 'linear-deficit'];
const DEVIATION_BASES: readonly ('relative' | 'absolute')[] = ['relative', 'absolute'];
const MET_INEQUALITY: readonly ('signed' | 'zero')[] = ['signed', 'zero'];

/** `amountUnit`: a non-empty string of at most 40 characters (any unit as printed). */
function assertAmountUnit(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 40) {
    rejectArgument(
      fn,
      name,
      'a unit as printed (a non-empty string of at most 40 characters)',
      describeValue(value),
    );
  }
}

/** `decimals` of an options object or profile: an integer from 0 to `MAX_DECIMALS`. */
export function assertDecimals(fn: string, name: string, value: unknown): void {
  assertIntegerIn(fn, name, value, 0, MAX_DECIMALS);
}

/** A target: a string, a number, or the cells `{ operator, value }`. */
export function assertTargetInput(fn: string, name: string, value: unknown): void {
  if (typeof value === 'string' || typeof value === 'number') return;
  if (!isObject(value)) {
    rejectArgument(fn, name, 'a string, a number or { operator, value }', describeType(value));
  }
  assertStringOrNull(fn, `${name}.operator`, value.operator);
  assertCellOrNull(fn, `${name}.value`, value.value);
}

/** The context of a target: `{ name?, unit?, path? }` or undefined. */
export function assertTargetContext(fn: string, name: string, value: unknown): void {
  assertOptions(fn, name, value);
  if (value === undefined) return;
  assertOptionalString(fn, `${name}.name`, value.name);
  assertStringOrNull(fn, `${name}.unit`, value.unit);
  if (value.path !== undefined) assertStringArray(fn, `${name}.path`, value.path);
}

/** An indicator row as evaluateIndicator reads it (and, with `weight`, as scoring reads it). */
export function assertIndicatorInput(fn: string, name: string, value: unknown, weighted = false): void {
  assertObject(fn, name, value);
  if (value.target !== null && value.target !== undefined)
    assertTargetInput(fn, `${name}.target`, value.target);
  assertCellOrNull(fn, `${name}.actual`, value.actual);
  assertStringOrNull(fn, `${name}.unit`, value.unit);
  assertOptionalString(fn, `${name}.name`, value.name);
  if (value.path !== undefined) assertStringArray(fn, `${name}.path`, value.path);
  if (weighted) assertCellOrNull(fn, `${name}.weight`, value.weight);
}

/** `EvaluateOptions`: `deviationBasis`, `metInequality`, `decimals`, `rounding`, `year`, `exact`, or undefined. */
export function assertEvaluateOptions(fn: string, name: string, value: unknown): void {
  assertOptions(fn, name, value);
  if (value === undefined) return;
  if (value.deviationBasis !== undefined) {
    assertOneOf(fn, `${name}.deviationBasis`, value.deviationBasis, DEVIATION_BASES);
  }
  if (value.metInequality !== undefined) {
    assertOneOf(fn, `${name}.metInequality`, value.metInequality, MET_INEQUALITY);
  }
  if (value.decimals !== undefined) assertDecimals(fn, `${name}.decimals`, value.decimals);
  if (value.rounding !== undefined) assertOneOf(fn, `${name}.rounding`, value.rounding, ROUNDING_MODES);
  if (value.year !== undefined) assertIntegerIn(fn, `${name}.year`, value.year, 1, 9999);
  if (value.exact !== undefined) assertBoolean(fn, `${name}.exact`, value.exact);
}

/** `RateOptions` (`decimals`, `rounding`, `amountUnit`) or `BudgetCheckOptions`, or undefined. */
export function assertRateOptions(fn: string, name: string, value: unknown): void {
  assertOptions(fn, name, value);
  if (value === undefined) return;
  if (value.decimals !== undefined) assertDecimals(fn, `${name}.decimals`, value.decimals);
  if (value.rounding !== undefined) assertOneOf(fn, `${name}.rounding`, value.rounding, ROUNDING_MODES);
  if (value.amountUnit !== undefined) assertAmountUnit(fn, `${name}.amountUnit`, value.amountUnit);
}

/** A path into the report JSON: an array of strings and numbers. */
export function assertPath(fn: string, name: string, value: unknown): void {
  if (!Array.isArray(value)) rejectArgument(fn, name, 'an array of strings and numbers', describeType(value));
  for (let i = 0; i < value.length; i += 1) {
    const v: unknown = value[i];
    if (typeof v !== 'string' && typeof v !== 'number') {
      rejectArgument(fn, `${name}[${i}]`, 'a string or a number', describeType(v));
    }
  }
}

/**
 * A `ScoringProfile`: every field of the type, with its type; the decimal fields are
 * plain decimal strings (`"90"`) and `decimals` an integer from 0 to `MAX_DECIMALS`.
 * Order and ranges of grades and bands are not checked here: `parseScoringProfile`
 * checks them for untrusted JSON.
 */
export function assertProfile(fn: string, name: string, value: unknown): void {
  assertObject(fn, name, value);
  assertString(fn, `${name}.name`, value.name);
  assertObject(fn, `${name}.description`, value.description);
  assertString(fn, `${name}.description.en`, value.description.en);
  assertString(fn, `${name}.description.zh`, value.description.zh);
  assertString(fn, `${name}.source`, value.source);
  assertOneOf(fn, `${name}.lowerIsBetter`, value.lowerIsBetter, LOWER_IS_BETTER);
  const bands = value.qualitativeBands;
  assertObject(fn, `${name}.qualitativeBands`, bands);
  assertDecimalString(fn, `${name}.qualitativeBands.achieved`, bands.achieved);
  assertDecimalString(fn, `${name}.qualitativeBands.partial`, bands.partial);
  assertBoolean(fn, `${name}.capBudgetExecution`, value.capBudgetExecution);
  const grades = value.grades;
  if (!Array.isArray(grades)) rejectArgument(fn, `${name}.grades`, 'an array', describeType(grades));
  for (let i = 0; i < grades.length; i += 1) {
    const step: unknown = grades[i];
    assertObject(fn, `${name}.grades[${i}]`, step);
    assertString(fn, `${name}.grades[${i}].grade`, step.grade);
    assertDecimalString(fn, `${name}.grades[${i}].min`, step.min);
  }
  assertDecimalString(fn, `${name}.totalWeight`, value.totalWeight);
  const threshold = value.overAchievementThreshold;
  if (threshold !== null && (typeof threshold !== 'string' || !isPlainDecimal(threshold))) {
    const got = typeof threshold === 'string' ? describeValue(threshold) : describeType(threshold);
    rejectArgument(fn, `${name}.overAchievementThreshold`, 'a decimal string such as "120", or null', got);
  }
  assertDecimals(fn, `${name}.decimals`, value.decimals);
  assertOneOf(fn, `${name}.rounding`, value.rounding, ROUNDING_MODES);
}

// ---------------------------------------------------------------------------------------------
// The checks of whole argument lists, one call at the entry of each public function

/** executionRate and adjustmentRate: `line` with its amount `fields`, and `options`. */
export function checkRateArguments(
  fn: string,
  line: unknown,
  fields: readonly string[],
  options: unknown,
): void {
  assertObject(fn, 'line', line);
  for (const f of fields) assertCellOrNull(fn, `line.${f}`, line[f]);
  assertRateOptions(fn, 'options', options);
}

/** checkBudget: `roots` (their contents are data), `options` and `basePath`. */
export function checkBudgetArguments(roots: unknown, options: unknown, basePath: unknown): void {
  assertArray('checkBudget', 'roots', roots);
  assertRateOptions('checkBudget', 'options', options);
  assertPath('checkBudget', 'basePath', basePath);
}

const BASES: readonly ('budget' | 'actual')[] = ['budget', 'actual'];

/** staffControlRate and carryoverRate: an object of figure `fields`, and `basis` when asked. */
export function checkCommonFigures(
  fn: string,
  name: string,
  value: unknown,
  fields: readonly string[],
  basis = false,
): void {
  assertObject(fn, name, value);
  for (const f of fields) assertCellOrNull(fn, `${name}.${f}`, value[f]);
  if (basis && value.basis !== undefined) assertOneOf(fn, `${name}.basis`, value.basis, BASES);
}

/** scoreIndicator: the weighted indicator, the profile and the options of evaluateIndicator. */
export function checkScoreArguments(indicator: unknown, profile: unknown, evaluate: unknown): void {
  assertIndicatorInput('scoreIndicator', 'indicator', indicator, true);
  assertProfile('scoreIndicator', 'profile', profile);
  assertEvaluateOptions('scoreIndicator', 'evaluate', evaluate);
}

/** budgetExecutionScore: `{ rate, weight }` and the profile. */
export function checkBudgetScoreArguments(input: unknown, profile: unknown): void {
  assertObject('budgetExecutionScore', 'input', input);
  // `rate` is required: null says there is no rate, undefined is a mistake.
  if (input.rate !== null && typeof input.rate !== 'string') {
    rejectArgument('budgetExecutionScore', 'input.rate', 'a string or null', describeType(input.rate));
  }
  assertCellOrNull('budgetExecutionScore', 'input.weight', input.weight);
  assertProfile('budgetExecutionScore', 'profile', profile);
}
