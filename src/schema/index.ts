/**
 * outturn/schema: the report format as a zod schema, for untrusted JSON.
 *
 * `parseReport` turns any JSON value into a checked report or into `invalid-report` findings
 * with paths (never a ZodError); `checkReport` runs the whole check, as `outturn check` does.
 * This entry needs zod (an optional peer dependency of outturn); the main entry does not.
 *
 * @module outturn/schema
 */
export { checkReport } from './check.js';
// Target tables (kind "declaration", issue 17).
export {
  declarationSchema,
  type ParseDeclarationResult,
  parseDeclaration,
  reviewDeclaration,
} from './declaration.js';
export { type ParseReportResult, parseReport, reportSchema } from './parse.js';
