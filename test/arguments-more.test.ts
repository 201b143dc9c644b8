import { atLeast, type Severity } from 'outturn';
import { describe, expect, it } from 'vitest';

describe('atLeast', () => {
  it.each([
    ['error', 'warning', true],
    ['warning', 'warning', true],
    ['info', 'warning', false],
    ['error', 'info', true],
  ] as const)('%s at least %s: %s', (s, t, want) => {
    expect(atLeast(s, t)).toBe(want);
  });

  it.each(['constructor', 'fatal', '', 'toString'])('refuses the severity %j with a TypeError', (bad) => {
    expect(() => atLeast(bad as Severity, 'error')).toThrow(/atLeast: a severity must be one of/);
    expect(() => atLeast('error', bad as Severity)).toThrow(TypeError);
  });
});
