import fc from 'fast-check';
import { matchesPrinted } from 'outturn';
import { describe, expect, it } from 'vitest';

describe('matchesPrinted: consistent at the printed precision, half-up (DESIGN §1 Rounding)', () => {
  it.each([
    ['86.2', '86%', '86'],
    ['86.2', '86.20%', '86.20'],
    ['86.2', '86.2%', '86.2'],
    ['86.2', 86, '86'],
    ['134.16669261184968398767084903016905881254086366325', '134.17%', '134.17'],
    ['1.005', '1.01%', '1.01'],
    ['0.125', '0.13', '0.13'],
    ['-6.255', '-6.26%', '-6.26'],
    ['-6.26', '-6.26%', '-6.26'],
    ['35.9', '35.9%', '35.9'],
    ['229', '229.00%', '229.00'],
    ['0', '0%', '0'],
    ['0', '0.00%', '0.00'],
    ['-0.004', '0.00%', '0.00'],
    ['-7379', '(7 379)', '-7379'],
    ['2651586', '2 651 586', '2651586'],
    [' 86.2 ', '86%', '86'],
    ['5.2631578947368421052631578947368421052631578947368', '5.26%', '5.26'],
    ['12', '12 次', '12'],
  ] as const)('%s is printed as %j (expected %s)', (exact, printed, expected) => {
    expect(matchesPrinted(exact, printed)).toEqual({ consistent: true, expected, looksTruncated: false });
  });

  it.each([
    ['99.985', '99.98%', '99.99', true],
    ['99.985', '99%', '100', true],
    ['1.005', '1.00%', '1.01', true],
    ['-6.255', '-6.25%', '-6.26', true],
    ['86.2', '87%', '86', false],
    ['86.2', '86.3%', '86.2', false],
    ['0.125', '0.12', '0.13', true],
    ['-6.26', '6.26%', '-6.26', false],
    ['43.37', '100%', '43', false],
  ] as const)('%s is not %j (expected %s, looks truncated: %s)', (exact, printed, expected, truncated) => {
    expect(matchesPrinted(exact, printed)).toEqual({
      consistent: false,
      expected,
      looksTruncated: truncated,
    });
  });

  it('takes the rounding mode as an option', () => {
    expect(matchesPrinted('99.985', '99.98%', 'truncate')).toEqual({
      consistent: true,
      expected: '99.98',
      looksTruncated: false,
    });
    expect(matchesPrinted('99.985', '99.99%', 'truncate')).toEqual({
      consistent: false,
      expected: '99.98',
      looksTruncated: false,
    });
    expect(matchesPrinted('0.125', '0.12', 'half-even')?.consistent).toBe(true);
    expect(matchesPrinted('0.125', '0.13', 'half-even')?.consistent).toBe(false);
    expect(matchesPrinted('0.135', '0.14', 'half-even')?.consistent).toBe(true);
  });

  it.each([
    ['abc', '86%'],
    ['1e3', '86%'],
    ['NaN', '86%'],
    ['', '86%'],
    ['86.2', '/'],
    ['86.2', '—'],
    ['86.2', ''],
    ['86.2', 'abc'],
    ['86.2', Number.NaN],
  ] as const)('is null for exact %j and printed %j', (exact, printed) => {
    expect(matchesPrinted(exact, printed)).toBeNull();
  });

  it('agrees with the printed figure it produces, for any decimal and precision', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }), // with 4 decimals, at most 24 digits (MAX_DIGITS)
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 4 }),
        (n, scale, d) => {
          const digits = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
          const exact = `${n < 0n ? '-' : ''}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
          const probe = d === 0 ? '0' : `0.${'0'.repeat(d)}`;
          const first = matchesPrinted(exact, probe);
          expect(first).not.toBeNull();
          const expected = first?.expected as string;
          expect(expected).toMatch(d === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${d}}$`));
          expect(matchesPrinted(exact, expected)?.consistent).toBe(true);
          expect(matchesPrinted(exact, `${expected}%`)?.consistent).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
