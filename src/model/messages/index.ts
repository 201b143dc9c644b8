/**
 * Findings are made here: a code, a path and the code's parameters; the message comes from the
 * catalogs (one per language), never from the rule that found the problem.
 */
import {
  DEFAULT_SEVERITY,
  type Finding,
  type FindingCode,
  type Lang,
  type Messages,
  type Path,
  type Severity,
} from '../findings.js';
import { EN } from './en.js';
import type { Catalog, FindingParams } from './params.js';
import { ZH } from './zh.js';

/** The built-in catalogs, by language. */
export const CATALOGS: Readonly<Record<Lang, Catalog>> = { en: EN, zh: ZH };

/**
 * A finding's `message`, rendered from its code and parameters when it is read: an own,
 * enumerable accessor (JSON.stringify, spreading and structured cloning read it as a value), so
 * that a result of many findings does not hold every message in both languages (a third of a
 * large result's memory) until someone asks for them.
 */
function messageOf(this: { readonly code: FindingCode; readonly params: unknown }): Messages {
  const render = (catalog: Catalog) => (catalog[this.code] as (p: unknown) => string)(this.params);
  return { en: render(EN), zh: render(ZH) };
}

/** Builds a finding (internal); `published`/`recomputed` are omitted when undefined. */
export function makeFinding<C extends FindingCode>(
  code: C,
  path: Path,
  params: FindingParams[C],
  extra: { severity?: Severity; published?: string | undefined; recomputed?: string | undefined } = {},
): Finding {
  const f: Record<string, unknown> = {
    code,
    severity: extra.severity ?? DEFAULT_SEVERITY[code],
    path: [...path],
  };
  // In the order of the keys before it became an accessor: the JSON of a finding is unchanged.
  Object.defineProperty(f, 'message', { get: messageOf, enumerable: true, configurable: true });
  f.params = params;
  if (extra.published !== undefined) f.published = extra.published;
  if (extra.recomputed !== undefined) f.recomputed = extra.recomputed;
  return f as unknown as Finding;
}

/**
 * A finding's message in a language, or through a catalog of your own.
 *
 * A catalog is one function per finding code, from the code's parameters (`finding.params`,
 * typed per code by {@link FindingParams}) to a text. Texts that come from deeper layers (the
 * reason a cell could not be read, a score's explanation) arrive as `{ en, zh }` in the
 * parameters: a catalog in another language picks one of them.
 *
 * @throws TypeError when `finding` has no known code or `lang` is neither a language nor a catalog.
 * @example
 * ```ts
 * formatFinding(result.findings[0], 'en'); // '"预算总金额": actual spending 430.93 exceeds …'
 * formatFinding(f, { ...CATALOGS.en, overspend: (p) => `${p.line} over by ${p.excess}` });
 * ```
 */
export function formatFinding(finding: Finding, lang: Lang | Catalog = 'zh'): string {
  const catalog = typeof lang === 'string' ? (Object.hasOwn(CATALOGS, lang) ? CATALOGS[lang] : null) : lang;
  if (catalog === null || typeof catalog !== 'object') {
    throw new TypeError(`formatFinding: lang must be 'en', 'zh' or a catalog, got ${String(lang)}`);
  }
  const code = finding?.code;
  const render = typeof code === 'string' && Object.hasOwn(catalog, code) ? catalog[code] : undefined;
  if (typeof render !== 'function') {
    throw new TypeError(`formatFinding: no message for the code ${String(code)}`);
  }
  return (render as (p: unknown) => string)(finding.params);
}
