/**
 * Argument checks at the door of every public function.
 *
 * A wrong argument type is a programmer error (DESIGN §2): the function throws a `TypeError`
 * of its own, naming itself and the argument, e.g.
 * `evaluateIndicator: indicator.unit must be a string or null, got number`, instead of an
 * accidental error from deep inside. Bad report data never throws: it gives a reason code.
 *
 * Two kinds of figure, on purpose:
 * - a *cell* is a value as a report prints it: a string or a JS number. A non-finite number
 *   is bad data, not a wrong type: the function gives its documented `unparsable-value` (or
 *   null) result, as {@link parseQuantity} always has;
 * - a *figure setting* (an option such as `overAchievementThreshold`) has no result to carry a
 *   reason code, so a non-finite number there throws like a wrong type.
 *
 * Messages are English only and constant but for the function, the argument and what was
 * received: `<fn>: <argument> must be <expected>, got <received>`. What was received is its
 * type when the type is wrong (`got number`) and its value when only the value is
 * (`got "half_even"`, `got 1000000000`), strings cut to 40 characters.
 *
 * @internal
 */

/** Describes a value's type for programmer-error messages (never throws, whatever it is). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** A value of the right type but a wrong value, for messages: strings quoted and cut. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return describeType(value);
}

/** Throws the TypeError of a failed check: `<fn>: <name> must be <expected>, got <received>`. */
export function rejectArgument(fn: string, name: string, expected: string, received: string): never {
  throw new TypeError(`${fn}: ${name} must be ${expected}, got ${received}`);
}

/** True for a non-null object that is not an array (a record, an options object, a row). */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` is a non-null object that is not an array. */
export function assertObject(
  fn: string,
  name: string,
  value: unknown,
): asserts value is Readonly<Record<string, unknown>> {
  if (!isObject(value)) rejectArgument(fn, name, 'an object', describeType(value));
}

/** `value` is an options object or undefined (a default applies). */
export function assertOptions(
  fn: string,
  name: string,
  value: unknown,
): asserts value is Readonly<Record<string, unknown>> | undefined {
  if (value !== undefined && !isObject(value))
    rejectArgument(fn, name, 'an object or undefined', describeType(value));
}

/** `value` is a string. */
export function assertString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') rejectArgument(fn, name, 'a string', describeType(value));
}

/** `value` is a string or undefined (an optional text field). */
export function assertOptionalString(
  fn: string,
  name: string,
  value: unknown,
): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string')
    rejectArgument(fn, name, 'a string', describeType(value));
}

/** `value` is a string, null or undefined (a text cell that may print nothing). */
export function assertStringOrNull(
  fn: string,
  name: string,
  value: unknown,
): asserts value is string | null | undefined {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    rejectArgument(fn, name, 'a string or null', describeType(value));
  }
}

/** `value` is a boolean. */
export function assertBoolean(fn: string, name: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') rejectArgument(fn, name, 'true or false', describeType(value));
}

/**
 * `value` is a cell: a string or a number. A non-finite number passes: it is bad data, which
 * the function reports in its result (see the module comment).
 */
export function assertCell(fn: string, name: string, value: unknown): asserts value is string | number {
  if (typeof value !== 'string' && typeof value !== 'number') {
    rejectArgument(fn, name, 'a string or a number', describeType(value));
  }
}

/** `value` is a cell (a string or a number), null or undefined: null and undefined print nothing. */
export function assertCellOrNull(
  fn: string,
  name: string,
  value: unknown,
): asserts value is string | number | null | undefined {
  if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
    rejectArgument(fn, name, 'a string, a number or null', describeType(value));
  }
}

/** A plain decimal string: digits, an optional sign and one decimal point (`"90"`, `"-0.5"`). */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** True for a plain decimal string (`"90"`, `"-0.5"`), the form of every figure outturn computes. */
export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/** `value` is a plain decimal string (`"90"`, `"12.5"`), as the fields of a scoring profile. */
export function assertDecimalString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string')
    rejectArgument(fn, name, 'a decimal string such as "90"', describeType(value));
  if (!isPlainDecimal(value)) {
    rejectArgument(fn, name, 'a decimal string such as "90"', describeValue(value));
  }
}

/**
 * `value` is one of `allowed`. Compared with `===` against the list, never looked up in a
 * record: `'constructor'`, `'__proto__'` or a typo such as `'half_even'` never pass.
 */
export function assertOneOf<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return;
  const expected = `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
  rejectArgument(fn, name, expected, typeof value === 'string' ? describeValue(value) : describeType(value));
}

/** `value` is an integer from `min` to `max`, both included. */
export function assertIntegerIn(
  fn: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): asserts value is number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return;
  const expected = `an integer from ${min} to ${max}`;
  rejectArgument(fn, name, expected, typeof value === 'number' ? describeValue(value) : describeType(value));
}

/** `value` is an array. */
export function assertArray(fn: string, name: string, value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) rejectArgument(fn, name, 'an array', describeType(value));
}

/** `value` is an array of strings; a wrong element is named by its index (`path[1]`). */
export function assertStringArray(
  fn: string,
  name: string,
  value: unknown,
): asserts value is readonly string[] {
  if (!Array.isArray(value)) rejectArgument(fn, name, 'an array of strings', describeType(value));
  for (let i = 0; i < value.length; i += 1) {
    const v: unknown = value[i];
    if (typeof v !== 'string') rejectArgument(fn, `${name}[${i}]`, 'a string', describeType(v));
  }
}

/**
 * `value` is an array of cells: strings, numbers, null or undefined; a wrong element is named by
 * its index (`figures[2]`).
 */
export function assertCellArray(
  fn: string,
  name: string,
  value: unknown,
): asserts value is readonly (string | number | null | undefined)[] {
  if (!Array.isArray(value)) rejectArgument(fn, name, 'an array', describeType(value));
  for (let i = 0; i < value.length; i += 1) {
    const v: unknown = value[i];
    if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') {
      rejectArgument(fn, `${name}[${i}]`, 'a string, a number or null', describeType(v));
    }
  }
}
