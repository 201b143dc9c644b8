/**
 * Findings are a code and parameters; their texts come from one catalog per language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CATALOGS,
  type Catalog,
  DEFAULT_SEVERITY,
  type Finding,
  formatFinding,
  type Report,
  validateReport,
} from 'outturn';
import { describe, expect, it } from 'vitest';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));
const files = [
  join(EXAMPLES, 'suzhou-commerce-service-center-2023.json'),
  ...readdirSync(join(EXAMPLES, 'reports'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(EXAMPLES, 'reports', f)),
];
const findingsOf = (file: string): readonly Finding[] =>
  validateReport(JSON.parse(readFileSync(file, 'utf8')) as Report).findings;

describe('the message catalogs', () => {
  it('have one message for every finding code, in both languages', () => {
    const codes = Object.keys(DEFAULT_SEVERITY).sort();
    expect(Object.keys(CATALOGS.en).sort()).toEqual(codes);
    expect(Object.keys(CATALOGS.zh).sort()).toEqual(codes);
  });

  it.each(files.map((f) => [f.slice(EXAMPLES.length + 1), f]))(
    '%s: every message is what the catalog renders from the parameters',
    (_name, file) => {
      const findings = findingsOf(file);
      for (const f of findings) {
        expect(formatFinding(f, 'en')).toBe(f.message.en);
        expect(formatFinding(f, 'zh')).toBe(f.message.zh);
        expect(f.params).toBeTypeOf('object');
      }
    },
  );

  it('the examples give findings of many codes to render', () => {
    const codes = new Set(files.flatMap((f) => findingsOf(f).map((x) => x.code)));
    expect(codes.size).toBeGreaterThanOrEqual(12);
  });

  it('the reference report: the parameters carry the figures, not sentences', () => {
    const findings = findingsOf(files[0] as string);
    const cross = findings.find((f) => f.code === 'cross-check-mismatch' && f.params.name === '预算执行率');
    expect(cross?.params).toEqual({
      id: 'execution-rate',
      name: '预算执行率',
      published: '93.74%',
      recomputed: '134.17%',
    });
    const over = findings.find((f) => f.code === 'overspend');
    expect(over?.code === 'overspend' && over.params).toEqual({
      line: '预算总金额',
      actual: '430.93',
      budget: '321.19',
      excess: '109.74',
      rate: '134.17%',
      basis: 'adjusted',
    });
  });

  it('a program can bring its own catalog, for one code or all', () => {
    const over = findingsOf(files[0] as string).find((f) => f.code === 'overspend') as Finding;
    const mine: Catalog = {
      ...CATALOGS.en,
      overspend: (p) => `${p.line}: over by ${p.excess} (${p.rate ?? 'no rate'})`,
    };
    expect(formatFinding(over, mine)).toBe('预算总金额: over by 109.74 (134.17%)');
    expect(formatFinding(over)).toBe(over.message.zh);
  });

  it('refuses an unknown language or code with a TypeError', () => {
    const f = findingsOf(files[0] as string)[0] as Finding;
    expect(() => formatFinding(f, 'fr' as 'en')).toThrow(TypeError);
    expect(() => formatFinding(f, 'constructor' as 'en')).toThrow(TypeError);
    expect(() => formatFinding({ ...f, code: 'toString' } as unknown as Finding, 'en')).toThrow(TypeError);
  });
});
