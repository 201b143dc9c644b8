/**
 * Target tables as untrusted JSON: parseDeclaration and reviewDeclaration (outturn/schema).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { reviewTargets } from 'outturn';
import { parseDeclaration, reviewDeclaration } from 'outturn/schema';
import { describe, expect, it } from 'vitest';

const DIR = new URL('./fixtures/review/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('parseDeclaration', () => {
  it.each(files)('%s is of the format, and reviewDeclaration gives what reviewTargets gives', (file) => {
    const json: unknown = JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
    const parsed = parseDeclaration(json);
    expect(parsed.findings).toEqual([]);
    expect(parsed.ok).toBe(true);
    expect(reviewDeclaration(json)).toEqual(reviewTargets(json as never));
  });

  it.each([
    [{ indicators: [{ target: '≥90%' }] }, [['indicators', 0, 'name']]],
    [{ kind: 'project' }, [['kind']]],
    [{ truncated: 'yes' }, [['truncated']]],
    [{ year: 2023.5 }, [['year']]],
    [{ goals: [5] }, [['goals', 0]]],
    [{ project: { funds: { total: {} } } }, [['project', 'funds', 'total']]],
    [[], [[]]],
  ])('%j: invalid-report at each path, never a throw', (json, paths) => {
    const parsed = parseDeclaration(json);
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((f) => f.path)).toEqual(paths);
    expect(parsed.findings.every((f) => f.code === 'invalid-report' && f.severity === 'error')).toBe(true);
    const r = reviewDeclaration(json);
    expect(r.findings.map((f) => f.path)).toEqual(paths);
    expect(r.rules.every((x) => !x.applied)).toBe(true);
  });

  it('drops prototype keys and never mutates the input', () => {
    const json = JSON.parse(
      '{"kind":"declaration","__proto__":{"x":1},"indicators":[{"name":"a","target":"1人"}]}',
    );
    const copy = structuredClone(json);
    const parsed = parseDeclaration(json);
    expect(parsed.ok).toBe(true);
    expect(Object.hasOwn(parsed.declaration ?? {}, '__proto__')).toBe(false);
    expect(json).toEqual(copy);
  });

  it('a wrong option is a TypeError even for bad input', () => {
    expect(() => reviewDeclaration([], { rules: { '99': 'off' } })).toThrow(TypeError);
  });
});
