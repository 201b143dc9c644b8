/**
 * Which row of the HTML report each finding points at: the row whose path is the longest prefix
 * of the finding's path (`["indicators", 26, "actual"]` → the row of `["indicators", 26]`). The
 * anchors are ours (`r1-i26`), never built from text of the report.
 *
 * @internal
 */
import type { Finding, Path } from 'outturn';

/** What a row of the report is, to choose between two rows of the same path. */
export type RowKind = 'budget' | 'monitoring-budget' | 'indicator' | 'monitoring-indicator' | 'cross-check';

/** A row the report shows, with its anchor. */
export interface RowTarget {
  readonly path: Path;
  readonly id: string;
  readonly kind: RowKind;
}

/** Fields of a monitoring line or row: a finding on them points at the monitoring table. */
const MONITORING_FIELDS: ReadonlySet<string> = new Set([
  'periodActual',
  'expectedActual',
  'likelihood',
  'periodRate',
  'timeProgress',
]);

function preference(kind: RowKind, finding: Finding, rest: Path): number {
  const monitoringField = rest.some((p) => typeof p === 'string' && MONITORING_FIELDS.has(p));
  if (kind === 'cross-check') return finding.code.startsWith('cross-check') ? 3 : 0;
  if (kind === 'monitoring-budget' || kind === 'monitoring-indicator') return monitoringField ? 2 : 1;
  return monitoringField ? 1 : 2;
}

/**
 * The anchor of each finding (by its index in `findings`), and the findings each row links back
 * to (every row of that path). The anchor is the row of the longest path prefix, preferring the cross-check row for a `cross-check-*` finding
 * and the monitoring table for a monitoring field; `fallback(path)` when no row matches.
 * Linear in the total length of the paths.
 */
export function anchorFindings(
  findings: readonly Finding[],
  rows: readonly RowTarget[],
  fallback: (path: Path) => string,
): { readonly anchorOf: readonly string[]; readonly findingsAt: ReadonlyMap<string, readonly number[]> } {
  // A trie of the row paths, one level per segment: a finding's path is walked down it once.
  const root: TrieNode = { next: new Map(), rows: [] };
  for (const row of rows) {
    let node = root;
    for (const segment of row.path) {
      const key = segmentKey(segment);
      let child = node.next.get(key);
      if (child === undefined) {
        child = { next: new Map(), rows: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    node.rows.push(row);
  }
  const anchorOf: string[] = [];
  const findingsAt = new Map<string, number[]>();
  findings.forEach((f, index) => {
    let node: TrieNode | undefined = root;
    let deepest: { rows: RowTarget[]; depth: number } | null = null;
    for (let depth = 0; depth < f.path.length && node !== undefined; depth++) {
      node = node.next.get(segmentKey(f.path[depth] ?? ''));
      if (node !== undefined && node.rows.length > 0) deepest = { rows: node.rows, depth: depth + 1 };
    }
    let anchor: string;
    let at: readonly string[];
    if (deepest === null) {
      anchor = fallback(f.path);
      at = [anchor];
    } else {
      const rest = f.path.slice(deepest.depth);
      let best = deepest.rows[0] as RowTarget;
      for (const c of deepest.rows)
        if (preference(c.kind, f, rest) > preference(best.kind, f, rest)) best = c;
      anchor = best.id;
      // Every row of that path links back to the finding (an indicator and, for a cross-check
      // finding, its cross-check row too).
      at = deepest.rows
        .filter((r) => r.kind !== 'cross-check' || f.code.startsWith('cross-check'))
        .map((r) => r.id);
    }
    anchorOf.push(anchor);
    for (const id of at) {
      const list = findingsAt.get(id);
      if (list === undefined) findingsAt.set(id, [index]);
      else list.push(index);
    }
  });
  return { anchorOf, findingsAt };
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  readonly rows: RowTarget[];
}

/** A path segment as a key: numbers and strings apart (`0` is not `"0"`). */
function segmentKey(segment: string | number): string {
  return typeof segment === 'number' ? `#${segment}` : `.${segment}`;
}
