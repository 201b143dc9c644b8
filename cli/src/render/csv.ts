/**
 * The findings as CSV (`--format csv`): the Findings sheet of the audit workbook, RFC 4180
 * (fields quoted when they hold `"`, `,`, CR or LF; quotes doubled; CRLF line ends), UTF-8 with
 * a byte order mark so that Excel reads Chinese right.
 *
 * Formula injection: a spreadsheet program runs a CSV field that starts with `=`, `+`, `-`,
 * `@`, TAB or CR as a formula (`=HYPERLINK(…)`, `-2+3+cmd|' /C calc'!A0`). Such a field gets a
 * `'` in front, as OWASP's "CSV Injection" page recommends, so it opens as the text it is. A
 * plain signed figure (`-6.26%`, `+43.37 pp`, `-1,234.5`) is left as it is: it is data that no
 * program runs, and an auditor's figure must not change.
 *
 * @internal
 */
import type { RenderInput } from './rows.js';
import { type AuditOptions, type AuditSheet, findingsSheet, type SheetCell } from './xlsx.js';

/** The byte order mark that tells Excel the file is UTF-8. */
const BOM = '\uFEFF';

/** A plain signed figure as outturn and reports print them, or a run of dashes. */
function isPlainFigure(s: string): boolean {
  return /^-+$/.test(s) || /^[+-]\d+(?:[.,]\d+)*(?: ?%| ?pp)?$/.test(s);
}

/**
 * A field as written to CSV: `'` before a field a spreadsheet would run as a formula, then
 * quoted when it holds `"`, `,`, CR or LF (RFC 4180).
 *
 * @example
 * ```ts
 * csvField('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 * csvField('-6.26%'); // '-6.26%'
 * ```
 */
export function csvField(value: SheetCell): string {
  let s = typeof value === 'number' ? String(value) : value;
  const first = s[0];
  if (
    (first === '=' || first === '+' || first === '-' || first === '@' || first === '\t' || first === '\r') &&
    !isPlainFigure(s)
  )
    s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The findings of one report or many as CSV: a header row, then one row per finding (file,
 * path, code, severity, printed, recomputed, message), in `lang`; UTF-8 BOM, CRLF, RFC 4180,
 * formula-like fields prefixed with `'`.
 *
 * @example
 * ```ts
 * writeFileSync('findings.csv', renderCsv([{ file: 'a.json', result }], { lang: 'zh' }));
 * ```
 */
export function renderCsv(inputs: RenderInput | readonly RenderInput[], options: AuditOptions): string {
  return sheetCsv(findingsSheet(inputs, options.lang));
}

/** A sheet as CSV: its header row, then its rows; UTF-8 BOM, CRLF, every field through {@link csvField}. */
export function sheetCsv(sheet: AuditSheet): string {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
