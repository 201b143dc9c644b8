/**
 * How review rules report: a rule emits a finding by its id; the bureau's configuration
 * (`options.rules`) turns it off or sets its severity, and the emitter records which rules
 * ran and which were skipped, and why.
 *
 * @internal
 */
import type { Finding, FindingCode, Path, Severity } from '../model/findings.js';
import { makeFinding } from '../model/messages/index.js';
import type { FindingParams } from '../model/messages/params.js';
import { type ReviewRuleId, ruleById } from './review-rules.js';

/** Why a rule was not applied to a table. */
export type ReviewSkipReason =
  /** Turned off in `options.rules`. */
  | 'off'
  /** A completeness rule on a table marked `truncated`. */
  | 'truncated'
  /** The rows print no 一级/二级 category (a 部门整体 table without levels). */
  | 'no-categories'
  /** The table prints no funds to compare with. */
  | 'no-funds'
  /** No row prints a weight, or not every row does. */
  | 'no-weights'
  /** No goal text. */
  | 'no-goals';

/** A finding of the review, with the rule that raised it (null for `invalid-report`, `unparsable-target`, `table-truncated`). */
export type ReviewFinding = Finding & { readonly rule: ReviewRuleId | null };

/** A rule's configured severity, or off. */
export type RuleSetting = 'off' | Severity;

export interface Emitter {
  /** True when the rule is on. */
  on(id: ReviewRuleId): boolean;
  /** Emits a finding of rule `id`; `note` marks the weaker case the rule reports as info. */
  emit<C extends FindingCode>(
    id: ReviewRuleId,
    code: C,
    path: Path,
    params: FindingParams[C],
    extra?: { note?: boolean; published?: string; recomputed?: string },
  ): void;
  /** A finding that belongs to no rule. */
  plain(f: Finding): void;
  /** Marks a rule as not applied. */
  skip(id: ReviewRuleId, reason: ReviewSkipReason): void;
  readonly findings: ReviewFinding[];
  readonly settings: ReadonlyMap<ReviewRuleId, RuleSetting>;
  readonly skipped: Map<ReviewRuleId, ReviewSkipReason>;
}

export function makeEmitter(settings: ReadonlyMap<ReviewRuleId, RuleSetting>): Emitter {
  const findings: ReviewFinding[] = [];
  const skipped = new Map<ReviewRuleId, ReviewSkipReason>();
  for (const [id, s] of settings) if (s === 'off') skipped.set(id, 'off');
  return {
    findings,
    settings,
    skipped,
    on: (id) => settings.get(id) !== 'off' && !skipped.has(id),
    emit(id, code, path, params, extra = {}) {
      const setting = settings.get(id);
      if (setting === 'off' || skipped.has(id)) return;
      const rule = ruleById(id);
      const severity: Severity = extra.note ? 'info' : (setting ?? rule?.severity ?? 'info');
      const f = makeFinding(code, path, params, {
        severity,
        published: extra.published,
        recomputed: extra.recomputed,
      });
      findings.push({ ...f, rule: id });
    },
    plain(f) {
      findings.push({ ...f, rule: null });
    },
    skip(id, reason) {
      if (!skipped.has(id)) skipped.set(id, reason);
    },
  };
}
