/**
 * Issue "One house", item 7: arguments checked at the door.
 *
 * A public function called with an argument of the wrong type throws a TypeError of its own,
 * `<function>: <argument> must be <expected>, got <received>`, never an accidental error from
 * deep inside (`value.trim is not a function`, a DecimalError, an out-of-memory). Bad data of
 * the right type (a non-finite number, text that is not a figure) is still a result with a
 * reason code, as before.
 *
 * - table rows: one per function and wrong argument, with the exact message;
 * - table rows: valid calls, with the results their JSDoc examples give;
 * - properties: for any values at all (fc.anything), every public function returns or throws
 *   its own TypeError, nothing else; for valid figures, the results do not depend on how the
 *   defaults are given.
 *
 * Everything comes from the public entry 'outturn' but checkValidateOptions, which the lead
 * wires into validateReport (it is imported from its module until then).
 */
import fc from 'fast-check';
import {
  adjustmentRate,
  budgetExecutionScore,
  carryoverRate,
  checkBudget,
  commonIndicatorOf,
  comparatorSymbol,
  compareGrades,
  convertUnit,
  declaredOutcome,
  evaluateIndicator,
  executionRate,
  formatQuantity,
  gradeOf,
  isLowerBetter,
  matchesPrinted,
  nameKey,
  normalizeWidth,
  parseQuantity,
  parseScoringProfile,
  parseTarget,
  profileNamed,
  SCORING_PROFILES,
  type ScoringProfile,
  scoreIndicator,
  staffControlRate,
  sumFigures,
  summarize,
  toSimplified,
} from 'outturn';
import { describe, expect, it } from 'vitest';
import { checkValidateOptions } from '../src/rules/options.js';

/** Calls with arguments of any type: the tests lie to the compiler on purpose. */
type AnyCall = (...args: never[]) => unknown;
const call =
  (f: AnyCall, ...args: unknown[]) =>
  (): unknown =>
    (f as (...a: unknown[]) => unknown)(...args);

/** The error `run` throws, or a failure when it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw, got a result');
}

const DEFAULT = SCORING_PROFILES.default;
const ROUNDING = '"half-up", "half-even", "truncate"';

// ---------------------------------------------------------------------------------------------
// Wrong arguments: one row per function and argument, with the exact message

/** [what, the call, the message] */
const WRONG: readonly (readonly [string, () => unknown, string])[] = [
  // src/core
  [
    'parseQuantity(true)',
    call(parseQuantity, true),
    'parseQuantity: input must be a string or a number, got boolean',
  ],
  [
    'parseQuantity(null)',
    call(parseQuantity, null),
    'parseQuantity: input must be a string or a number, got null',
  ],
  [
    'parseQuantity({})',
    call(parseQuantity, {}),
    'parseQuantity: input must be a string or a number, got object',
  ],
  [
    'convertUnit(5, …)',
    call(convertUnit, 5, '万元', '元'),
    'convertUnit: value must be a string, got number',
  ],
  [
    'convertUnit(…, null, …)',
    call(convertUnit, '1', null, '元'),
    'convertUnit: from must be a string, got null',
  ],
  [
    'convertUnit(…, …, [])',
    call(convertUnit, '1', '元', []),
    'convertUnit: to must be a string, got an array',
  ],
  ['formatQuantity(null)', call(formatQuantity, null), 'formatQuantity: q must be an object, got null'],
  [
    'formatQuantity({ value: 5 })',
    call(formatQuantity, { value: 5, decimals: 0, unit: null, moreThan: false }),
    'formatQuantity: q.value must be a string, got number',
  ],
  [
    'formatQuantity({ unit: 5 })',
    call(formatQuantity, { value: '5', decimals: 0, unit: 5, moreThan: false }),
    'formatQuantity: q.unit must be a string or null, got number',
  ],
  [
    'formatQuantity({ moreThan: "no" })',
    call(formatQuantity, { value: '5', decimals: 0, unit: null, moreThan: 'no' }),
    'formatQuantity: q.moreThan must be true or false, got string',
  ],
  [
    'matchesPrinted(5, …)',
    call(matchesPrinted, 5, '5'),
    'matchesPrinted: exact must be a string, got number',
  ],
  [
    'matchesPrinted(…, null)',
    call(matchesPrinted, '5', null),
    'matchesPrinted: printed must be a string or a number, got null',
  ],
  [
    'matchesPrinted(…, …, "half_even")',
    call(matchesPrinted, '5', '5', 'half_even'),
    `matchesPrinted: mode must be one of ${ROUNDING}, got "half_even"`,
  ],
  [
    'matchesPrinted(…, …, "constructor")',
    call(matchesPrinted, '5', '5', 'constructor'),
    `matchesPrinted: mode must be one of ${ROUNDING}, got "constructor"`,
  ],
  ['sumFigures("1")', call(sumFigures, '1'), 'sumFigures: figures must be an array, got string'],
  [
    'sumFigures(["1", {}])',
    call(sumFigures, ['1', {}]),
    'sumFigures: figures[1] must be a string, a number or null, got object',
  ],
  ['normalizeWidth(5)', call(normalizeWidth, 5), 'normalizeWidth: text must be a string, got number'],
  ['toSimplified(null)', call(toSimplified, null), 'toSimplified: text must be a string, got null'],
  ['nameKey(5)', call(nameKey, 5), 'nameKey: text must be a string, got number'],
  // src/figures/target
  [
    'parseTarget(true)',
    call(parseTarget, true),
    'parseTarget: input must be a string, a number or { operator, value }, got boolean',
  ],
  [
    'parseTarget([])',
    call(parseTarget, []),
    'parseTarget: input must be a string, a number or { operator, value }, got an array',
  ],
  [
    'parseTarget({ operator: 5 })',
    call(parseTarget, { operator: 5, value: '1' }),
    'parseTarget: input.operator must be a string or null, got number',
  ],
  [
    'parseTarget({ value: {} })',
    call(parseTarget, { operator: '≥', value: {} }),
    'parseTarget: input.value must be a string, a number or null, got object',
  ],
  [
    'parseTarget(…, null)',
    call(parseTarget, '90', null),
    'parseTarget: context must be an object or undefined, got null',
  ],
  [
    'parseTarget(…, { path: "成本指标" })',
    call(parseTarget, '90', { path: '成本指标' }),
    'parseTarget: context.path must be an array of strings, got string',
  ],
  [
    'parseTarget(…, { path: ["a", 5] })',
    call(parseTarget, '90', { path: ['a', 5] }),
    'parseTarget: context.path[1] must be a string, got number',
  ],
  [
    'parseTarget(…, { name: 5 })',
    call(parseTarget, '90', { name: 5 }),
    'parseTarget: context.name must be a string, got number',
  ],
  [
    'parseTarget(…, { unit: 5 })',
    call(parseTarget, '90', { unit: 5 }),
    'parseTarget: context.unit must be a string or null, got number',
  ],
  ['isLowerBetter(5)', call(isLowerBetter, 5), 'isLowerBetter: name must be a string, got number'],
  [
    'isLowerBetter(…, "x")',
    call(isLowerBetter, 'a', 'x'),
    'isLowerBetter: path must be an array of strings, got string',
  ],
  [
    'comparatorSymbol(5)',
    call(comparatorSymbol, 5),
    'comparatorSymbol: op must be one of ">=", "<=", "=", ">", "<", got number',
  ],
  [
    'comparatorSymbol("≥")',
    call(comparatorSymbol, '≥'),
    'comparatorSymbol: op must be one of ">=", "<=", "=", ">", "<", got "≥"',
  ],
  // src/figures/indicator
  [
    'evaluateIndicator(null)',
    call(evaluateIndicator, null),
    'evaluateIndicator: indicator must be an object, got null',
  ],
  [
    'evaluateIndicator({ unit: 5 })',
    call(evaluateIndicator, { target: '≥1', actual: '1', unit: 5 }),
    'evaluateIndicator: indicator.unit must be a string or null, got number',
  ],
  [
    'evaluateIndicator({ actual: Object.create(null) })',
    call(evaluateIndicator, { target: '≥1', actual: Object.create(null) }),
    'evaluateIndicator: indicator.actual must be a string, a number or null, got object',
  ],
  [
    'evaluateIndicator({ actual: true })',
    call(evaluateIndicator, { target: '≥1', actual: true }),
    'evaluateIndicator: indicator.actual must be a string, a number or null, got boolean',
  ],
  [
    'evaluateIndicator({ target: [] })',
    call(evaluateIndicator, { target: ['≥1'], actual: '1' }),
    'evaluateIndicator: indicator.target must be a string, a number or { operator, value }, got an array',
  ],
  [
    'evaluateIndicator({ target: { operator: 1 } })',
    call(evaluateIndicator, { target: { operator: 1, value: '1' }, actual: '1' }),
    'evaluateIndicator: indicator.target.operator must be a string or null, got number',
  ],
  [
    'evaluateIndicator({ name: 5 })',
    call(evaluateIndicator, { target: '≥1', actual: '1', name: 5 }),
    'evaluateIndicator: indicator.name must be a string, got number',
  ],
  [
    'evaluateIndicator({ path: "成本指标" })',
    call(evaluateIndicator, { target: '90', actual: '1', path: '成本指标' }),
    'evaluateIndicator: indicator.path must be an array of strings, got string',
  ],
  [
    'evaluateIndicator(…, null)',
    call(evaluateIndicator, { target: '≥1', actual: '1' }, null),
    'evaluateIndicator: options must be an object or undefined, got null',
  ],
  [
    'evaluateIndicator(…, [])',
    call(evaluateIndicator, { target: '≥1', actual: '1' }, []),
    'evaluateIndicator: options must be an object or undefined, got an array',
  ],
  [
    'evaluateIndicator(…, { decimals: 1e9 })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { decimals: 1e9 }),
    'evaluateIndicator: options.decimals must be an integer from 0 to 20, got 1000000000',
  ],
  [
    'evaluateIndicator(…, { decimals: 21 })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { decimals: 21 }),
    'evaluateIndicator: options.decimals must be an integer from 0 to 20, got 21',
  ],
  [
    'evaluateIndicator(…, { decimals: 1.5 })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { decimals: 1.5 }),
    'evaluateIndicator: options.decimals must be an integer from 0 to 20, got 1.5',
  ],
  [
    'evaluateIndicator(…, { decimals: -1 })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { decimals: -1 }),
    'evaluateIndicator: options.decimals must be an integer from 0 to 20, got -1',
  ],
  [
    'evaluateIndicator(…, { decimals: NaN })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { decimals: Number.NaN }),
    'evaluateIndicator: options.decimals must be an integer from 0 to 20, got NaN',
  ],
  [
    'evaluateIndicator(…, { decimals: "2" })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { decimals: '2' }),
    'evaluateIndicator: options.decimals must be an integer from 0 to 20, got string',
  ],
  [
    'evaluateIndicator(…, { rounding: "constructor" })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { rounding: 'constructor' }),
    `evaluateIndicator: options.rounding must be one of ${ROUNDING}, got "constructor"`,
  ],
  [
    'evaluateIndicator(…, { deviationBasis: "percent" })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { deviationBasis: 'percent' }),
    'evaluateIndicator: options.deviationBasis must be one of "relative", "absolute", got "percent"',
  ],
  [
    'evaluateIndicator(…, { metInequality: "__proto__" })',
    call(evaluateIndicator, { target: '≥1', actual: '2' }, { metInequality: '__proto__' }),
    'evaluateIndicator: options.metInequality must be one of "signed", "zero", got "__proto__"',
  ],
  // src/figures/budget
  ['executionRate(null)', call(executionRate, null), 'executionRate: line must be an object, got null'],
  [
    'executionRate({ adjusted: true })',
    call(executionRate, { adjusted: true, actual: '1' }),
    'executionRate: line.adjusted must be a string, a number or null, got boolean',
  ],
  [
    'executionRate(…, null)',
    call(executionRate, { adjusted: '1', actual: '1' }, null),
    'executionRate: options must be an object or undefined, got null',
  ],
  [
    'executionRate(…, { decimals: 21 })',
    call(executionRate, { adjusted: '1', actual: '1' }, { decimals: 21 }),
    'executionRate: options.decimals must be an integer from 0 to 20, got 21',
  ],
  [
    'executionRate(…, { rounding: "half_even" })',
    call(executionRate, { adjusted: '3', actual: '1' }, { rounding: 'half_even' }),
    `executionRate: options.rounding must be one of ${ROUNDING}, got "half_even"`,
  ],
  [
    // Issue 12: amountUnit is any unit as printed ("toString" is an unknown unit, compared like
    // with like); an empty or non-string one is a programmer error.
    'executionRate(…, { amountUnit: "" })',
    call(executionRate, { adjusted: '3', actual: '1' }, { amountUnit: '' }),
    'executionRate: options.amountUnit must be a unit as printed (a non-empty string of at most 40 characters), got ""',
  ],
  ['adjustmentRate("1")', call(adjustmentRate, '1'), 'adjustmentRate: line must be an object, got string'],
  [
    'adjustmentRate({ initial: {} })',
    call(adjustmentRate, { initial: {}, adjusted: '1' }),
    'adjustmentRate: line.initial must be a string, a number or null, got object',
  ],
  [
    'adjustmentRate(…, 5)',
    call(adjustmentRate, { initial: '1', adjusted: '1' }, 5),
    'adjustmentRate: options must be an object or undefined, got number',
  ],
  ['checkBudget(null)', call(checkBudget, null), 'checkBudget: roots must be an array, got null'],
  ['checkBudget({})', call(checkBudget, {}), 'checkBudget: roots must be an array, got object'],
  [
    'checkBudget([], "x")',
    call(checkBudget, [], 'x'),
    'checkBudget: options must be an object or undefined, got string',
  ],
  [
    'checkBudget([], { rounding: "constructor" })',
    call(checkBudget, [], { rounding: 'constructor' }),
    `checkBudget: options.rounding must be one of ${ROUNDING}, got "constructor"`,
  ],
  [
    'checkBudget([], {}, "budget")',
    call(checkBudget, [], {}, 'budget'),
    'checkBudget: basePath must be an array of strings and numbers, got string',
  ],
  [
    'checkBudget([], {}, [{}])',
    call(checkBudget, [], {}, [{}]),
    'checkBudget: basePath[0] must be a string or a number, got object',
  ],
  // src/figures/common-indicators
  [
    'staffControlRate(null)',
    call(staffControlRate, null),
    'staffControlRate: staffing must be an object, got null',
  ],
  [
    'staffControlRate({ authorized: {} })',
    call(staffControlRate, { authorized: {}, actual: 1 }),
    'staffControlRate: staffing.authorized must be a string, a number or null, got object',
  ],
  [
    'staffControlRate({ actual: true })',
    call(staffControlRate, { authorized: 14, actual: true }),
    'staffControlRate: staffing.actual must be a string, a number or null, got boolean',
  ],
  ['carryoverRate(null)', call(carryoverRate, null), 'carryoverRate: figures must be an object, got null'],
  [
    'carryoverRate({ carryover: [] })',
    call(carryoverRate, { carryover: [], adjusted: '1' }),
    'carryoverRate: figures.carryover must be a string, a number or null, got an array',
  ],
  [
    'carryoverRate({ basis: "Actual" })',
    call(carryoverRate, { carryover: '1', adjusted: '10', actual: '5', basis: 'Actual' }),
    'carryoverRate: figures.basis must be one of "budget", "actual", got "Actual"',
  ],
  [
    'carryoverRate({ basis: "constructor" })',
    call(carryoverRate, { carryover: '1', adjusted: '10', basis: 'constructor' }),
    'carryoverRate: figures.basis must be one of "budget", "actual", got "constructor"',
  ],
  [
    'commonIndicatorOf(5)',
    call(commonIndicatorOf, 5),
    'commonIndicatorOf: name must be a string, got number',
  ],
  // src/figures/grades
  [
    'compareGrades(null, "好")',
    call(compareGrades, null, '好'),
    'compareGrades: expected must be a string, got null',
  ],
  [
    'compareGrades("好", 5)',
    call(compareGrades, '好', 5),
    'compareGrades: actual must be a string, got number',
  ],
  ['declaredOutcome()', call(declaredOutcome), 'declaredOutcome: actual must be a string, got undefined'],
  // src/figures/scoring
  [
    'scoreIndicator(null)',
    call(scoreIndicator, null),
    'scoreIndicator: indicator must be an object, got null',
  ],
  [
    'scoreIndicator({ weight: {} })',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: {} }),
    'scoreIndicator: indicator.weight must be a string, a number or null, got object',
  ],
  [
    'scoreIndicator({ unit: 5 })',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: '10', unit: 5 }),
    'scoreIndicator: indicator.unit must be a string or null, got number',
  ],
  [
    'scoreIndicator(…, null)',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: '10' }, null),
    'scoreIndicator: profile must be an object, got null',
  ],
  [
    'scoreIndicator(…, {})',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: '10' }, {}),
    'scoreIndicator: profile.name must be a string, got undefined',
  ],
  [
    'scoreIndicator(…, { decimals: 1e9 })',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: '10' }, { ...DEFAULT, decimals: 1e9 }),
    'scoreIndicator: profile.decimals must be an integer from 0 to 20, got 1000000000',
  ],
  [
    'scoreIndicator(…, { rounding: "constructor" })',
    call(
      scoreIndicator,
      { target: '≥1', actual: '2', weight: '10' },
      { ...DEFAULT, rounding: 'constructor' },
    ),
    `scoreIndicator: profile.rounding must be one of ${ROUNDING}, got "constructor"`,
  ],
  [
    'scoreIndicator(…, { lowerIsBetter: "log" })',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: '10' }, { ...DEFAULT, lowerIsBetter: 'log' }),
    'scoreIndicator: profile.lowerIsBetter must be one of "ratio", "linear-deficit", got "log"',
  ],
  [
    'scoreIndicator(…, { qualitativeBands: null })',
    call(
      scoreIndicator,
      { target: '好', actual: '好', weight: '10' },
      { ...DEFAULT, qualitativeBands: null },
    ),
    'scoreIndicator: profile.qualitativeBands must be an object, got null',
  ],
  [
    'scoreIndicator(…, { qualitativeBands: { achieved: "8O" } })',
    call(
      scoreIndicator,
      { target: '好', actual: '好', weight: '10' },
      { ...DEFAULT, qualitativeBands: { achieved: '8O', partial: '60' } },
    ),
    'scoreIndicator: profile.qualitativeBands.achieved must be a decimal string such as "90", got "8O"',
  ],
  [
    'scoreIndicator(…, { capBudgetExecution: "yes" })',
    call(
      scoreIndicator,
      { target: '≥1', actual: '2', weight: '10' },
      { ...DEFAULT, capBudgetExecution: 'yes' },
    ),
    'scoreIndicator: profile.capBudgetExecution must be true or false, got string',
  ],
  [
    'scoreIndicator(…, { overAchievementThreshold: 120 })',
    call(
      scoreIndicator,
      { target: '≥1', actual: '2', weight: '10' },
      { ...DEFAULT, overAchievementThreshold: 120 },
    ),
    'scoreIndicator: profile.overAchievementThreshold must be a decimal string such as "120", or null, got number',
  ],
  [
    'scoreIndicator(…, …, null)',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: '10' }, DEFAULT, null),
    'scoreIndicator: evaluate must be an object or undefined, got null',
  ],
  [
    'scoreIndicator(…, …, { decimals: 100 })',
    call(scoreIndicator, { target: '≥1', actual: '2', weight: '10' }, DEFAULT, { decimals: 100 }),
    'scoreIndicator: evaluate.decimals must be an integer from 0 to 20, got 100',
  ],
  [
    'budgetExecutionScore(null)',
    call(budgetExecutionScore, null),
    'budgetExecutionScore: input must be an object, got null',
  ],
  [
    'budgetExecutionScore({ weight })',
    call(budgetExecutionScore, { weight: '10' }),
    'budgetExecutionScore: input.rate must be a string or null, got undefined',
  ],
  [
    'budgetExecutionScore({ rate: 86.59 })',
    call(budgetExecutionScore, { rate: 86.59, weight: '10' }),
    'budgetExecutionScore: input.rate must be a string or null, got number',
  ],
  [
    'budgetExecutionScore({ weight: true })',
    call(budgetExecutionScore, { rate: '86.59', weight: true }),
    'budgetExecutionScore: input.weight must be a string, a number or null, got boolean',
  ],
  [
    'budgetExecutionScore(…, { grades: "优" })',
    call(budgetExecutionScore, { rate: '86.59', weight: '10' }, { ...DEFAULT, grades: '优' }),
    'budgetExecutionScore: profile.grades must be an array, got string',
  ],
  ['gradeOf(90)', call(gradeOf, 90), 'gradeOf: total must be a string, got number'],
  ['gradeOf(…, null)', call(gradeOf, '90', null), 'gradeOf: profile must be an object, got null'],
  [
    'gradeOf(…, { grades: [{ min: 90 }] })',
    call(gradeOf, '90', { ...DEFAULT, grades: [{ grade: '优', min: 90 }] }),
    'gradeOf: profile.grades[0].min must be a decimal string such as "90", got number',
  ],
  [
    'gradeOf(…, { grades: [null] })',
    call(gradeOf, '90', { ...DEFAULT, grades: [null] }),
    'gradeOf: profile.grades[0] must be an object, got null',
  ],
  ['profileNamed(5)', call(profileNamed, 5), 'profileNamed: name must be a string, got number'],
  // src/model/findings
  ['summarize(null)', call(summarize, null), 'summarize: findings must be an array, got null'],
  [
    'summarize(["error"])',
    call(summarize, ['error']),
    'summarize: findings[0] must be an object, got string',
  ],
  [
    'summarize([{ severity: "constructor" }])',
    call(summarize, [{ severity: 'constructor' }]),
    'summarize: findings[0].severity must be one of "error", "warning", "info", got "constructor"',
  ],
  [
    'summarize([…, { severity: "__proto__" }])',
    call(summarize, [{ severity: 'info' }, { severity: '__proto__' }]),
    'summarize: findings[1].severity must be one of "error", "warning", "info", got "__proto__"',
  ],
  [
    'summarize([{}])',
    call(summarize, [{}]),
    'summarize: findings[0].severity must be one of "error", "warning", "info", got undefined',
  ],
];

describe('a wrong argument throws a TypeError naming the function and the argument', () => {
  it.each(WRONG)('%s', (_, run, message) => {
    const e = thrown(run);
    expect(e).toBeInstanceOf(TypeError);
    expect((e as TypeError).message).toBe(message);
  });

  it('a long string is cut in the message', () => {
    const e = thrown(call(comparatorSymbol, 'x'.repeat(1_000_000))) as TypeError;
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message.length).toBeLessThan(200);
  });
});

// ---------------------------------------------------------------------------------------------
// checkValidateOptions: the options of validateReport

const OPTIONS_WRONG: readonly (readonly [string, unknown, string])[] = [
  ['null', null, 'validateReport: options must be an object or undefined, got null'],
  ['a string', 'half-up', 'validateReport: options must be an object or undefined, got string'],
  ['an array', [], 'validateReport: options must be an object or undefined, got an array'],
  [
    'rounding "constructor"',
    { rounding: 'constructor' },
    `validateReport: options.rounding must be one of ${ROUNDING}, got "constructor"`,
  ],
  [
    'rounding "half_even"',
    { rounding: 'half_even' },
    `validateReport: options.rounding must be one of ${ROUNDING}, got "half_even"`,
  ],
  [
    'rounding "__proto__"',
    { rounding: '__proto__' },
    `validateReport: options.rounding must be one of ${ROUNDING}, got "__proto__"`,
  ],
  [
    'rounding null',
    { rounding: null },
    `validateReport: options.rounding must be one of ${ROUNDING}, got null`,
  ],
  [
    'evaluate null',
    { evaluate: null },
    'validateReport: options.evaluate must be an object or undefined, got null',
  ],
  [
    'evaluate.decimals 1e9',
    { evaluate: { decimals: 1e9 } },
    'validateReport: options.evaluate.decimals must be an integer from 0 to 20, got 1000000000',
  ],
  [
    'evaluate.decimals Infinity',
    { evaluate: { decimals: Number.POSITIVE_INFINITY } },
    'validateReport: options.evaluate.decimals must be an integer from 0 to 20, got Infinity',
  ],
  [
    'evaluate.rounding "truncated"',
    { evaluate: { rounding: 'truncated' } },
    `validateReport: options.evaluate.rounding must be one of ${ROUNDING}, got "truncated"`,
  ],
  [
    'evaluate.deviationBasis "constructor"',
    { evaluate: { deviationBasis: 'constructor' } },
    'validateReport: options.evaluate.deviationBasis must be one of "relative", "absolute", got "constructor"',
  ],
  [
    'overAchievementThreshold "high"',
    { overAchievementThreshold: 'high' },
    'validateReport: options.overAchievementThreshold must be a number of percent such as 120 or "130%", or null, got "high"',
  ],
  [
    'overAchievementThreshold "120次"',
    { overAchievementThreshold: '120次' },
    'validateReport: options.overAchievementThreshold must be a number of percent such as 120 or "130%", or null, got "120次"',
  ],
  [
    'overAchievementThreshold NaN',
    { overAchievementThreshold: Number.NaN },
    'validateReport: options.overAchievementThreshold must be a number of percent such as 120 or "130%", or null, got NaN',
  ],
  [
    'overAchievementThreshold true',
    { overAchievementThreshold: true },
    'validateReport: options.overAchievementThreshold must be a number of percent such as 120 or "130%", or null, got boolean',
  ],
  ['scoring null', { scoring: null }, 'validateReport: options.scoring must be an object, got null'],
  [
    'scoring "default"',
    { scoring: 'default' },
    'validateReport: options.scoring must be an object, got string',
  ],
  [
    'scoring without grades',
    { scoring: { ...DEFAULT, grades: undefined } },
    'validateReport: options.scoring.grades must be an array, got undefined',
  ],
  [
    'scoring.decimals 30',
    { scoring: { ...DEFAULT, decimals: 30 } },
    'validateReport: options.scoring.decimals must be an integer from 0 to 20, got 30',
  ],
  [
    'scoring.totalWeight 100',
    { scoring: { ...DEFAULT, totalWeight: 100 } },
    'validateReport: options.scoring.totalWeight must be a decimal string such as "90", got number',
  ],
];

describe('checkValidateOptions', () => {
  it.each(OPTIONS_WRONG)('throws for %s', (_, options, message) => {
    const e = thrown(() => checkValidateOptions(options));
    expect(e).toBeInstanceOf(TypeError);
    expect((e as TypeError).message).toBe(message);
  });

  it('names the function it is called for', () => {
    expect(() => checkValidateOptions(null, 'checkReport')).toThrow(
      'checkReport: options must be an object or undefined, got null',
    );
  });

  const valid: readonly unknown[] = [
    undefined,
    {},
    { rounding: 'half-up' },
    { rounding: 'half-even', evaluate: { decimals: 0, rounding: 'truncate' } },
    { evaluate: { deviationBasis: 'absolute', metInequality: 'zero', decimals: 20 } },
    { overAchievementThreshold: null },
    { overAchievementThreshold: 130 },
    { overAchievementThreshold: '130' },
    { overAchievementThreshold: '130%' },
    { scoring: SCORING_PROFILES.uncapped },
    { scoring: { ...DEFAULT, name: 'mine', grades: [{ grade: 'A', min: '75' }] } },
    { unknownOption: 'is ignored' },
    Object.assign(Object.create(null), { rounding: 'truncate' }),
  ];
  it.each(valid)('accepts %j', (options) => {
    expect(checkValidateOptions(options)).toBeUndefined();
  });

  it('accepts every shipped profile and every profile parseScoringProfile accepts', () => {
    for (const p of Object.values(SCORING_PROFILES))
      expect(checkValidateOptions({ scoring: p })).toBeUndefined();
    const parsed = parseScoringProfile({
      extends: 'bands-80-50',
      decimals: 1,
      grades: [{ grade: 'A', min: 1 }],
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(checkValidateOptions({ scoring: parsed.profile })).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Valid calls still work, with the results of their JSDoc examples

describe('valid calls give what they gave before', () => {
  it('core', () => {
    expect(parseQuantity('117余次')).toEqual({
      ok: true,
      quantity: { value: '117', decimals: 0, unit: '次', moreThan: true, text: '117余次' },
    });
    // A non-finite number is data, not a wrong type.
    expect(parseQuantity(Number.NaN)).toMatchObject({ ok: false, code: 'unparsable-value' });
    expect(convertUnit('430.93', '万元', '亿元')).toBe('0.043093');
    expect(convertUnit('5', '次', '家')).toBeNull();
    expect(formatQuantity({ value: '-7379', decimals: 0, unit: null, moreThan: false })).toBe('-7379');
    expect(formatQuantity({ value: '117', decimals: 0, unit: '次', moreThan: true })).toBe('117余次');
    expect(matchesPrinted('99.985', '99.98%')).toEqual({
      consistent: false,
      expected: '99.99',
      looksTruncated: true,
    });
    expect(matchesPrinted('99.985', '99.98%', 'truncate')?.consistent).toBe(true);
    expect(matchesPrinted('1', Number.POSITIVE_INFINITY)).toBeNull();
    expect(sumFigures(['1.2', '', '/', null, undefined, 4.5])).toEqual({ ok: true, exact: '5.7', count: 2 });
    expect(sumFigures(['1', Number.NaN])).toMatchObject({ ok: false, index: 1 });
    expect(nameKey('“三公经费” 变动率')).toBe(nameKey('"三公经费"变动率'));
    expect(normalizeWidth('１２％')).toBe('12%');
    expect(toSimplified('預算執行率')).toBe('预算执行率');
  });

  it('targets and indicators', () => {
    expect(parseTarget('控制在5%以内')).toMatchObject({
      ok: true,
      target: { kind: 'comparison', operator: '<=' },
    });
    expect(parseTarget('90', { path: ['产出指标', '成本指标'] })).toMatchObject({
      ok: true,
      target: { operator: '<=', implicit: true },
    });
    expect(parseTarget({ operator: '≥', value: 95 }, { unit: '%' })).toMatchObject({
      ok: true,
      target: { kind: 'comparison', operator: '>=', value: { value: '95', unit: '%' } },
    });
    expect(parseTarget({ operator: null, value: null } as never)).toEqual({ ok: true, target: null });
    expect(parseTarget(Number.NaN).ok).toBe(false);
    expect(isLowerBetter('项目计划总投资', ['产出指标', '成本指标'])).toBe(true);
    expect(comparatorSymbol('>=')).toBe('≥');
    expect(evaluateIndicator({ target: '=100%', actual: '93.74%' }).deviation).toEqual({
      relative: '-6.26',
      absolute: '-6.26',
      printed: '-6.26%',
      unit: '%',
    });
    expect(
      evaluateIndicator({ target: '≥100 次', actual: '329 次' }, { decimals: 0 }).deviation?.printed,
    ).toBe('229%');
    // A non-finite actual is data: read as text against a numeric target, not a throw.
    expect(evaluateIndicator({ target: '≥1', actual: Number.POSITIVE_INFINITY }).status).toBe(
      'needs-judgement',
    );
    expect(evaluateIndicator({ target: null, actual: '1', unit: null, name: 'x', path: [] }).status).toBe(
      'not-reported',
    );
  });

  it('budget and common indicators', () => {
    expect(executionRate({ adjusted: '321.19', actual: '430.93' }).ok && true).toBe(true);
    expect(executionRate({ adjusted: '57.21', actual: '49.54' })).toMatchObject({ printed: '86.59%' });
    expect(executionRate({ adjusted: '10', actual: Number.NaN })).toMatchObject({
      ok: false,
      code: 'unparsable-value',
    });
    expect(
      executionRate({ adjusted: '2 651 586', actual: '2,658,965' }, { amountUnit: '元', decimals: 4 }),
    ).toMatchObject({ printed: '100.2783%' });
    expect(adjustmentRate({ initial: '100', adjusted: '143.37' })).toMatchObject({ printed: '43.37%' });
    const { lines, findings } = checkBudget([{ name: '预算总金额', adjusted: '321.19', actual: '430.93' }]);
    expect(lines[0]?.executionRate).toBe('134.17%');
    expect(findings[0]?.code).toBe('overspend');
    // Lines of the wrong type are data: findings, not a throw.
    expect(checkBudget([5 as never], {}, ['report', 'budget']).findings[0]?.path).toEqual([
      'report',
      'budget',
      0,
    ]);
    expect(staffControlRate({ authorized: 14, actual: 10 })).toMatchObject({ printed: '71.43%' });
    expect(carryoverRate({ carryover: '12.5', adjusted: '250' })).toMatchObject({ printed: '5.00%' });
    expect(carryoverRate({ carryover: '12.5', actual: '125', basis: 'actual' })).toMatchObject({
      printed: '10.00%',
    });
    expect(commonIndicatorOf(' 在职人员 控制率')).toBe('staff-control-rate');
  });

  it('grades, scores and findings', () => {
    expect(compareGrades('较显著', '显著')).toBe('met');
    expect(declaredOutcome('达成预期指标')).toBe('achieved');
    expect(scoreIndicator({ target: '≥43.2', actual: '37.24', weight: '10' })).toMatchObject({
      printed: '8.62',
    });
    expect(
      scoreIndicator({ target: '≤10', actual: '12', weight: '10' }, SCORING_PROFILES['linear-deficit']),
    ).toMatchObject({ printed: '8.00' });
    expect(budgetExecutionScore({ rate: '134.17', weight: '10' })).toMatchObject({ printed: '10.00' });
    expect(budgetExecutionScore({ rate: null, weight: '10' })).toMatchObject({
      ok: false,
      code: 'not-scorable',
    });
    expect(gradeOf('89.99')).toBe('良');
    expect(gradeOf('80', SCORING_PROFILES['grades-80-70-60'])).toBe('优');
    expect(profileNamed('constructor')).toBeNull();
    expect(parseScoringProfile(null)).toMatchObject({ ok: false });
    expect(parseScoringProfile(Object.create(null))).toMatchObject({
      ok: true,
      profile: { name: 'default*' },
    });
    expect(summarize([])).toEqual({ error: 0, warning: 0, info: 0 });
    expect(summarize([{ severity: 'error' }, { severity: 'info' }, { severity: 'info' }] as never)).toEqual({
      error: 1,
      warning: 0,
      info: 2,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Any JS value, including null-prototype objects, boxed values, sparse arrays and bigints. */
const anything = fc.anything({
  maxDepth: 2,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Figures and texts as tables print them, right or wrong. */
const figureText = fc.constantFrom(
  '86.2',
  '134.17%',
  '≥90%',
  '控制在5%以内',
  '90%～95%',
  '10万元',
  '117余次',
  '(7 379)',
  '１２.５０％',
  '—',
  '/',
  '',
  '1e3',
  '较显著',
  '达成预期指标',
  'constructor',
  '__proto__',
);
const cellish = fc.oneof(figureText, fc.double(), fc.integer(), anything);
const stringish = fc.oneof(figureText, anything);
const optionValue = fc.oneof(
  fc.constantFrom(
    'half-up',
    'half-even',
    'truncate',
    'relative',
    'absolute',
    'signed',
    'zero',
    '万元',
    'actual',
  ),
  fc.integer({ min: -2, max: 30 }),
  anything,
);
/** An options-shaped object whose fields may hold anything. */
const optionsish = fc.oneof(
  anything,
  fc.record(
    {
      decimals: optionValue,
      rounding: optionValue,
      amountUnit: optionValue,
      deviationBasis: optionValue,
      metInequality: optionValue,
    },
    { requiredKeys: [] },
  ),
);
/** A row-shaped object whose fields may hold anything. */
const rowish = fc.oneof(
  anything,
  fc.record(
    {
      target: fc.oneof(cellish, fc.record({ operator: stringish, value: cellish }, { requiredKeys: [] })),
      actual: cellish,
      unit: stringish,
      name: stringish,
      path: fc.oneof(fc.array(stringish, { maxLength: 3 }), anything),
      weight: cellish,
      adjusted: cellish,
      initial: cellish,
      authorized: cellish,
      carryover: cellish,
      basis: fc.oneof(fc.constantFrom('budget', 'actual'), anything),
      rate: stringish,
      value: stringish,
      moreThan: fc.oneof(fc.boolean(), anything),
    },
    { requiredKeys: [] },
  ),
);
/** A profile-shaped object: a shipped profile with one field replaced by anything. */
const PROFILE_KEYS = Object.keys(DEFAULT) as (keyof ScoringProfile)[];
const profileish = fc.oneof(
  anything,
  fc.constantFrom(...Object.values(SCORING_PROFILES)),
  fc
    .tuple(fc.constantFrom(...Object.values(SCORING_PROFILES)), fc.constantFrom(...PROFILE_KEYS), optionValue)
    .map(([p, k, v]) => ({ ...p, [k]: v })),
);

/** Every public function of src/core and src/figures, and summarize, with arguments of any value. */
const FUNCTIONS: readonly (readonly [string, AnyCall, fc.Arbitrary<unknown[]>])[] = [
  ['parseQuantity', parseQuantity, fc.tuple(cellish)],
  ['convertUnit', convertUnit, fc.tuple(stringish, stringish, stringish)],
  ['formatQuantity', formatQuantity, fc.tuple(rowish)],
  ['matchesPrinted', matchesPrinted, fc.tuple(stringish, cellish, optionValue)],
  ['sumFigures', sumFigures, fc.oneof(fc.tuple(fc.array(cellish, { maxLength: 4 })), fc.tuple(anything))],
  ['normalizeWidth', normalizeWidth, fc.tuple(stringish)],
  ['toSimplified', toSimplified, fc.tuple(stringish)],
  ['nameKey', nameKey, fc.tuple(stringish)],
  ['parseTarget', parseTarget, fc.tuple(fc.oneof(cellish, rowish), rowish)],
  [
    'isLowerBetter',
    isLowerBetter,
    fc.tuple(stringish, fc.oneof(fc.array(stringish, { maxLength: 3 }), anything)),
  ],
  ['comparatorSymbol', comparatorSymbol, fc.tuple(fc.oneof(fc.constantFrom('>=', '<', '≥'), anything))],
  ['evaluateIndicator', evaluateIndicator, fc.tuple(rowish, optionsish)],
  ['executionRate', executionRate, fc.tuple(rowish, optionsish)],
  ['adjustmentRate', adjustmentRate, fc.tuple(rowish, optionsish)],
  [
    'checkBudget',
    checkBudget,
    fc.tuple(
      fc.oneof(fc.array(rowish, { maxLength: 3 }), anything),
      optionsish,
      fc.oneof(fc.array(cellish), anything),
    ),
  ],
  ['staffControlRate', staffControlRate, fc.tuple(rowish)],
  ['carryoverRate', carryoverRate, fc.tuple(rowish)],
  ['commonIndicatorOf', commonIndicatorOf, fc.tuple(stringish)],
  ['compareGrades', compareGrades, fc.tuple(stringish, stringish)],
  ['declaredOutcome', declaredOutcome, fc.tuple(stringish)],
  ['scoreIndicator', scoreIndicator, fc.tuple(rowish, profileish, optionsish)],
  ['budgetExecutionScore', budgetExecutionScore, fc.tuple(rowish, profileish)],
  ['gradeOf', gradeOf, fc.tuple(stringish, profileish)],
  ['profileNamed', profileNamed, fc.tuple(stringish)],
  [
    'summarize',
    summarize,
    fc.tuple(
      fc.oneof(
        anything,
        fc.array(
          fc.oneof(anything, fc.record({ severity: fc.oneof(fc.constantFrom('error', 'info'), anything) })),
          {
            maxLength: 3,
          },
        ),
      ),
    ),
  ],
];

describe('for any argument values, a public function returns or throws its own TypeError', () => {
  it.each(FUNCTIONS)('%s', (name, f, args) => {
    fc.assert(
      fc.property(args, (values) => {
        try {
          (f as (...a: unknown[]) => unknown)(...values);
        } catch (e) {
          // Its own TypeError, naming the function: never an accidental one from inside.
          expect(e).toBeInstanceOf(TypeError);
          expect((e as TypeError).message).toMatch(new RegExp(`^${name}: \\S+ must be .+, got .+$`));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parseScoringProfile never throws: bad JSON is ok: false', () => {
    const profileJson = fc.oneof(
      anything,
      fc.record(
        {
          extends: fc.oneof(fc.constantFrom('default', 'uncapped', 'constructor'), anything),
          name: stringish,
          lowerIsBetter: optionValue,
          qualitativeBands: fc.oneof(fc.record({ achieved: cellish, partial: cellish }), anything),
          capBudgetExecution: fc.oneof(fc.boolean(), anything),
          grades: fc.oneof(
            fc.array(fc.oneof(fc.record({ grade: stringish, min: cellish }), anything), { maxLength: 3 }),
            anything,
          ),
          totalWeight: cellish,
          overAchievementThreshold: cellish,
          decimals: optionValue,
          rounding: optionValue,
          description: stringish,
          source: stringish,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(profileJson, (json) => {
        const r = parseScoringProfile(json);
        // What it accepts, every function accepts as a profile (this would throw otherwise).
        if (r.ok) gradeOf('90', r.profile);
        else expect(r.message.en).toMatch(/^scoring profile: /);
      }),
      { numRuns: 1000 },
    );
  });
});

/** Valid figure strings: plain, signed, with units and decimals as tables print them. */
const digits = fc.stringMatching(/^\d{1,6}(?:\.\d{1,4})?$/);
const validFigure = fc.oneof(
  digits,
  digits.map((d) => `${d}%`),
  digits.map((d) => `-${d}`),
  digits.map((d) => `${d}万元`),
  digits.map((d) => `${d}次`),
);
const target = fc
  .tuple(fc.constantFrom('≥', '≤', '=', '>', '<', '', '不低于'), validFigure)
  .map(([op, v]) => `${op}${v}`);

describe('for valid figure strings, results do not depend on how the defaults are given', () => {
  it('evaluateIndicator and scoreIndicator', () => {
    fc.assert(
      fc.property(target, validFigure, digits, (t, actual, weight) => {
        const row = { target: t, actual };
        const ev = evaluateIndicator(row);
        expect(evaluateIndicator(row, {})).toEqual(ev);
        expect(
          evaluateIndicator(
            { ...row, unit: null, name: '', path: [] },
            { deviationBasis: 'relative', metInequality: 'signed', decimals: 2, rounding: 'half-up' },
          ),
        ).toEqual(ev);
        const score = scoreIndicator({ ...row, weight });
        expect(scoreIndicator({ ...row, weight }, DEFAULT, {})).toEqual(score);
        expect(scoreIndicator({ ...row, weight }, { ...DEFAULT })).toEqual(score);
      }),
      { numRuns: 500 },
    );
  });

  it('parseTarget, parseQuantity, matchesPrinted and sumFigures', () => {
    fc.assert(
      fc.property(target, validFigure, digits, (t, v, exact) => {
        expect(parseTarget(t, {})).toEqual(parseTarget(t));
        expect(parseTarget(t, { name: undefined, unit: null, path: [] })).toEqual(parseTarget(t));
        const q = parseQuantity(v);
        expect(q.ok).toBe(true);
        expect(matchesPrinted(exact, v, 'half-up')).toEqual(matchesPrinted(exact, v));
        expect(sumFigures([v, exact, null])).toEqual(sumFigures([v, exact]));
      }),
      { numRuns: 500 },
    );
  });

  it('the rate functions, gradeOf and budgetExecutionScore', () => {
    fc.assert(
      fc.property(digits, digits, (a, b) => {
        const r = executionRate({ adjusted: a, actual: b });
        expect(
          executionRate({ adjusted: a, actual: b }, { decimals: 2, rounding: 'half-up', amountUnit: '万元' }),
        ).toEqual(r);
        expect(adjustmentRate({ initial: a, adjusted: b }, {})).toEqual(
          adjustmentRate({ initial: a, adjusted: b }),
        );
        expect(staffControlRate({ authorized: a, actual: b })).toEqual(
          staffControlRate({ authorized: a, actual: b }),
        );
        expect(carryoverRate({ carryover: b, adjusted: a, basis: 'budget' })).toEqual(
          carryoverRate({ carryover: b, adjusted: a }),
        );
        expect(gradeOf(a, DEFAULT)).toBe(gradeOf(a));
        const s = budgetExecutionScore({ rate: a, weight: b });
        expect(budgetExecutionScore({ rate: a, weight: b }, { ...DEFAULT })).toEqual(s);
        expect(checkBudget([{ name: 'x', adjusted: a, actual: b }], {}, ['budget'])).toEqual(
          checkBudget([{ name: 'x', adjusted: a, actual: b }]),
        );
      }),
      { numRuns: 500 },
    );
  });
});
