/**
 * docs/review.md and docs/zh/review.md document every rule of REVIEW_RULES: its section names
 * its code, its severity and each of its sources (and [UNSOURCED] where the rule is), and the
 * overview table gives the same facts on one row.
 */
import { readFileSync } from 'node:fs';
import { REVIEW_RULES } from 'outturn';
import { describe, expect, it } from 'vitest';

const docs = {
  en: {
    text: readFileSync(new URL('../docs/review.md', import.meta.url), 'utf8'),
    heading: 'Rule',
    sep: ', ',
  },
  zh: {
    text: readFileSync(new URL('../docs/zh/review.md', import.meta.url), 'utf8'),
    heading: '规则',
    sep: '、',
  },
} as const;

/** The text of `#### <heading> <id>` up to the next heading. */
function section(text: string, heading: string, id: string): string | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `#### ${heading} ${id}`);
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('#'));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The cells of every table row, trimmed (the tables are aligned by the formatter). */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
}

describe.each(Object.entries(docs))('docs/%s review.md', (_lang, doc) => {
  it.each(REVIEW_RULES.map((r) => [r.id, r] as const))('rule %s: code, severity and sources', (id, rule) => {
    const s = section(doc.text, doc.heading, id);
    expect(s, `no section "#### ${doc.heading} ${id}"`).not.toBeNull();
    expect(s).toContain(`\`${rule.code}\``);
    expect(s).toContain(`**${rule.severity}**`);
    for (const source of rule.sources) expect(s).toContain(source);
    expect((s ?? '').includes('[UNSOURCED]')).toBe(rule.unsourced);
    if (rule.note !== null) expect(s).toContain('**info**');
    const row = [
      id,
      `\`${rule.code}\``,
      rule.severity,
      `${rule.sources.join(doc.sep)}${rule.unsourced ? ' [UNSOURCED]' : ''}`,
    ];
    expect(tableRows(doc.text)).toContainEqual(row);
  });

  it('every source cited is in the table of sources', () => {
    const cited = new Set(REVIEW_RULES.flatMap((r) => r.sources).filter((s) => s.startsWith('S')));
    const first = tableRows(doc.text).map((r) => r[0]);
    for (const s of cited) expect(first).toContain(s);
  });

  it('no rule is documented that REVIEW_RULES does not have', () => {
    const ids = [...doc.text.matchAll(new RegExp(`^#### ${doc.heading} (\\S+)$`, 'gm'))].map((m) => m[1]);
    expect(ids).toEqual(REVIEW_RULES.map((r) => r.id));
  });
});
