/**
 * The top level of a report: keys that look like misspellings of the format's keys, and reports
 * with nothing to check. Never an all-clear for nothing: `{}` or `{ "Budget": [...] }` is told so.
 */
import type { Finding } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { Report } from '../model/report.js';
import { isRecord } from './rows.js';

/**
 * The top-level keys of the report formats of DESIGN §3: self-evaluation reports (`kind`,
 * `title`, `entity`, `year`, `amountUnit`, `budget`, `indicators`, `staffing`, `published`,
 * `groups`, `goals`, `source`), monitoring tables (`period`, `fiscalYearStart`), target tables
 * (`project`, `truncated`) and PEFA datasets (`years`).
 */
export const KNOWN_REPORT_KEYS: readonly string[] = [
  'kind',
  'title',
  'entity',
  'year',
  'amountUnit',
  'budget',
  'indicators',
  'staffing',
  'published',
  'groups',
  'goals',
  'source',
  'period',
  'fiscalYearStart',
  'project',
  'truncated',
  'years',
];

const KNOWN: ReadonlySet<string> = new Set(KNOWN_REPORT_KEYS);

/**
 * Edit distance (optimal string alignment: insertions, deletions, substitutions and swaps of two
 * neighbouring characters, each 1) between two short strings, or `limit + 1` as soon as it is
 * known to exceed `limit`. `budegt` → `budget` is 1; `Budget` → `budget` is 1 (case counts here;
 * the caller lower-cases).
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}

/**
 * The known key an unknown top-level key looks like a misspelling of, or null. A key is a
 * misspelling when, compared case-insensitively, it equals a known key (`Budget`), is its
 * singular or plural (`indicator`, `budgets`, `entities`), or is within edit distance 2 of it (`budegt`,
 * `amount_unit`); keys of 4 characters or fewer only within distance 1, since two edits turn
 * most short words into another (`file` is not `title`). The nearest known key wins; on a tie,
 * the first in {@link KNOWN_REPORT_KEYS}.
 *
 * @example
 * ```ts
 * misspelledKey('Budget');    // 'budget'
 * misspelledKey('indicator'); // 'indicators'
 * misspelledKey('currency');  // null
 * ```
 */
export function misspelledKey(key: string): string | null {
  if (KNOWN.has(key)) return null;
  const k = key.toLowerCase();
  let nearest: string | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const known of KNOWN_REPORT_KEYS) {
    const n = known.toLowerCase();
    if (k === n || `${k}s` === n || k === `${n}s` || (n.endsWith('y') && k === `${n.slice(0, -1)}ies`))
      return known;
    const limit = Math.min(k.length, n.length) <= 4 ? 1 : 2;
    const d = distance(k, n, limit);
    if (d <= limit && d < nearestDistance) {
      nearest = known;
      nearestDistance = d;
    }
  }
  return nearest;
}

/** True when a list is present and not empty. */
const someOf = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** True when a value is given (not absent, not null). */
const given = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * True when the report has something `validateReport` checks: budget lines, indicator rows,
 * groups, a staff number or a printed total score or grade.
 */
function hasCheckable(report: Report): boolean {
  if (someOf(report.budget) || someOf(report.indicators) || someOf(report.groups)) return true;
  const s = report.staffing;
  if (isRecord(s) && (given(s.authorized) || given(s.actual))) return true;
  const p = report.published;
  return isRecord(p) && (given(p.totalScore) || given(p.grade));
}

/**
 * The top-level findings of a report:
 * - `unknown-field` (warning) at `[key]` for each top-level key that looks like a misspelling
 *   of a known one ({@link misspelledKey}), naming it. Other unknown keys (`currency`, `notes`,
 *   `printedUnit` …) are kept and ignored without a finding: unknown fields are never an error.
 * - `empty-report` (warning) at `[]` when nothing can be checked ({@link hasCheckable}) and no
 *   structural problem was already reported: `ignored` lists the unknown top-level keys.
 *
 * `findings` holds the findings raised so far; the new ones are appended.
 *
 * @example
 * ```ts
 * const findings: Finding[] = [];
 * checkTopLevel({ Budget: [], indicator: [] } as Report, findings);
 * findings.map((f) => f.code); // ['unknown-field', 'unknown-field', 'empty-report']
 * ```
 */
export function checkTopLevel(report: Report, findings: Finding[]): void {
  const unknown = Object.keys(report).filter((k) => !KNOWN.has(k));
  for (const key of unknown) {
    const nearest = misspelledKey(key);
    if (nearest !== null) findings.push(makeFinding('unknown-field', [key], { key, nearest }));
  }
  if (hasCheckable(report) || findings.some((f) => f.code === 'invalid-report')) return;
  findings.push(makeFinding('empty-report', [], { ignored: unknown }));
}
