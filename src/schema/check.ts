/**
 * checkReport: the whole check of untrusted JSON, as `outturn check` runs it between reading
 * the file and printing.
 */
import type { Report } from '../model/report.js';
import { findingsOnly } from '../rules/cells.js';
import { checkValidateOptions } from '../rules/options.js';
import type { ValidateOptions, ValidationResult } from '../rules/result.js';
import { validateReport } from '../rules/validate.js';
import { parseReport } from './parse.js';
import { isWellFormedReport } from './shape.js';

/**
 * Checks untrusted JSON (typically `JSON.parse` of a file) as a report: the structural check of
 * {@link parseReport}, then {@link validateReport} with `options`.
 *
 * - Input of the report format gets every recomputed figure and every finding.
 * - Input that is not of the format gets only its `invalid-report` findings (severity `error`,
 *   each with its path), and empty figures: nothing is computed on a report with holes in it.
 * - Never throws for bad data; the input is never mutated.
 *
 * A report of the usual shape skips the structural copy ({@link isWellFormedReport}), so the
 * result is the same as `validateReport(json, options)` for it.
 *
 * @throws TypeError only for wrong `options` (see {@link validateReport}).
 * @example
 * ```ts
 * import { checkReport } from 'outturn/schema';
 * const result = checkReport(JSON.parse(text), { scoring: profileNamed('linear-deficit') ?? undefined });
 * result.summary; // { error: 3, warning: 5, info: 4 } for the reference report
 * checkReport([]).findings[0]?.code; // 'invalid-report'
 * ```
 */
export function checkReport(json: unknown, options: ValidateOptions = {}): ValidationResult {
  checkValidateOptions(options, 'checkReport');
  if (isWellFormedReport(json)) return validateReport(json as Report, options);
  const parsed = parseReport(json);
  return parsed.ok ? validateReport(parsed.report, options) : findingsOnly(parsed.findings);
}
