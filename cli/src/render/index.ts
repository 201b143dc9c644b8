/**
 * Rendering of a validation result for the CLI: text (an 80-column terminal table, CJK
 * characters two columns wide), Markdown (for an audit memo) and the JSON object of DESIGN §3.
 *
 * Every function here is pure: it takes the result of the checks and the language and returns a
 * string (or a plain object). No figure is computed and the report is never read: printed cells
 * and their check state come from the result (`cells`, `header`), recomputed figures from the
 * result's figures.
 *
 * terminal.ts  display width, cutting, wrapping and colours
 * words.ts     the words of both languages
 * rows.ts      the rows text and Markdown share
 * text.ts, markdown.ts, json.ts   one output each
 * pefa.ts      the three outputs of `outturn pefa` (a PEFA assessment, not a report)
 *
 * @module outturn-cli/render
 */

export { csvField, renderCsv } from './csv.js';
// HTML report, audit workbook and CSV (issue 15): html.ts (+ html-*.ts), xlsx.ts, csv.ts.
export { HTML_CSP, type HtmlOptions, renderHtml } from './html.js';
export { escapeHtml } from './html-text.js';
export {
  type JsonFinding,
  type JsonLayout,
  type JsonOutput,
  joinPieces,
  jsonPieces,
  renderJson,
  toJsonOutput,
  writeJson,
  writePieces,
} from './json.js';
export { markdownCell, renderMarkdown } from './markdown.js';
export {
  type PefaMarkdownOptions,
  type PefaTextOptions,
  renderPefaJson,
  renderPefaMarkdown,
  renderPefaText,
  toPefaJson,
} from './pefa.js';
// outturn review (issue 17): the documents of one target table or many.
export {
  type ReviewDocumentOptions,
  type ReviewInput,
  renderReviewCsv,
  renderReviewHtml,
  renderReviewXlsx,
  reviewSheets,
} from './review-documents.js';
export type { RenderInput } from './rows.js';
export { displayWidth, stripAnsi, truncate, wrap } from './terminal.js';
export { renderText, type TextOptions } from './text.js';
export {
  type AuditOptions,
  type AuditSheet,
  auditSheets,
  findingsSheet,
  renderXlsx,
  type SheetCell,
} from './xlsx.js';
