/**
 * The options of validateReport, checked at its door: a wrong option is a programmer error and
 * throws a TypeError naming the option, before any figure is computed. No option ever falls
 * back silently to its default because it was misspelt.
 *
 * @internal
 */
import {
  assertBoolean,
  assertOneOf,
  assertOptions,
  describeType,
  describeValue,
  rejectArgument,
} from '../core/arguments.js';
import { ROUNDING_MODES } from '../core/decimal.js';
import { parseQuantity } from '../core/quantity.js';
import { assertEvaluateOptions, assertProfile } from '../figures/checks.js';
import { checkMonitoringOptions } from './monitoring.js';

/**
 * Checks the options of validateReport (`ValidateOptions`); returns nothing when they are
 * valid. `fn` names the function in the messages (default `validateReport`; checkReport may
 * pass its own name).
 *
 * - `options`: an object, or undefined (all defaults);
 * - `rounding`: `'half-up'`, `'half-even'` or `'truncate'`, compared with the list (never a
 *   record lookup, so `'constructor'` or `'half_even'` is refused, not read as half-up);
 * - `evaluate`: an object or undefined, with `deviationBasis` `'relative'`/`'absolute'`,
 *   `metInequality` `'signed'`/`'zero'`, `decimals` an integer from 0 to 20 and `rounding` a
 *   rounding mode (each optional);
 * - `overAchievementThreshold`: null (off), undefined (120), or a figure in percent, a string or
 *   a finite number, that reads as a number without a unit or with `%` (`120`, `"130"`, `"130%"`);
 * - `strictInputs`: undefined, true or false (never a truthy string: `"false"` is refused);
 * - `monitoring`: undefined or `{ convention, thresholds, aheadOfSchedule }` (each optional;
 *   `convention` `'months'`/`'days'`, `thresholds` `{ basis: 'pace' | 'gap', red, amber }` with
 *   plain decimal strings in order, `aheadOfSchedule` a boolean);
 * - `scoring`: undefined or a scoring profile (every field of `ScoringProfile` with its type,
 *   decimal fields as plain decimal strings, `decimals` an integer from 0 to 20).
 *
 * Unknown option names are ignored.
 *
 * @throws TypeError for the first option that is not as above, e.g.
 *   `validateReport: options.rounding must be one of "half-up", "half-even", "truncate", got "half_even"`.
 * @example
 * ```ts
 * checkValidateOptions({ rounding: 'half-even', evaluate: { decimals: 2 } }); // returns
 * checkValidateOptions({ evaluate: { decimals: 1e9 } }); // throws TypeError
 * ```
 */
export function checkValidateOptions(options: unknown, fn = 'validateReport'): void {
  assertOptions(fn, 'options', options);
  if (options === undefined) return;
  if (options.rounding !== undefined) assertOneOf(fn, 'options.rounding', options.rounding, ROUNDING_MODES);
  assertEvaluateOptions(fn, 'options.evaluate', options.evaluate);
  const threshold = options.overAchievementThreshold;
  if (threshold !== undefined && threshold !== null && !isPercent(threshold)) {
    const got =
      typeof threshold === 'string' || typeof threshold === 'number'
        ? describeValue(threshold)
        : describeType(threshold);
    rejectArgument(
      fn,
      'options.overAchievementThreshold',
      'a number of percent such as 120 or "130%", or null',
      got,
    );
  }
  if (options.scoring !== undefined) assertProfile(fn, 'options.scoring', options.scoring);
  if (options.strictInputs !== undefined) assertBoolean(fn, 'options.strictInputs', options.strictInputs);
  checkMonitoringOptions(fn, options.monitoring);
}

/** A string or a finite number that reads as a number without a unit or with `%`. */
function isPercent(value: unknown): boolean {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return false;
  const q = parseQuantity(value);
  return q.ok && q.quantity !== null && (q.quantity.unit === null || q.quantity.unit === '%');
}
