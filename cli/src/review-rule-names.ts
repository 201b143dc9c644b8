/**
 * The ids and finding codes of the library's review rules (`REVIEW_RULES`), as `--rule` and the
 * config file's `"review": { "rules" }` accept them: a copy, so that parsing the command line
 * (which every command does, `--help` and `--version` included) does not load the library and
 * decimal.js. The copy cannot drift: cli/test/startup.test.ts checks that it equals the library's
 * table, entry by entry.
 *
 * @internal
 */

/** Each review rule as `[id, finding code]`, in the library's order. */
export const REVIEW_RULE_NAMES: readonly (readonly [id: string, code: string])[] = [
  ['1', 'dimension-missing'],
  ['2', 'dimension-missing'],
  ['3', 'dimension-missing'],
  ['4', 'dimension-missing'],
  ['6', 'target-missing'],
  ['7', 'target-vague'],
  ['8a', 'unit-missing'],
  ['8b', 'unit-mismatch'],
  ['9', 'implicit-operator'],
  ['10', 'cost-not-money'],
  ['11', 'cost-not-ceiling'],
  ['12', 'cost-over-funds'],
  ['13', 'deadline-outside-period'],
  ['14', 'value-out-of-bounds'],
  ['15', 'target-below-standard'],
  ['16', 'target-below-last-year'],
  ['17', 'goal-indicator-mismatch'],
  ['18', 'funds-mismatch'],
  ['19', 'weight-sum-mismatch'],
  ['20', 'template-residue'],
  ['21', 'process-measure-as-target'],
  ['22', 'misfiled-indicator'],
];
