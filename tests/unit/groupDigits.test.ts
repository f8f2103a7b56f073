/**
 * groupDigits.ts: the same text as Intl.NumberFormat for every integer (and a few fractions) in the
 * app's languages, and no Intl.NumberFormat built for an integer under 1000 (the first one of a page
 * costs about 25 ms).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { groupDigits } from '../../src/ui/groupDigits';

const LANGUAGES = ['en', 'zh'] as const;

describe('groupDigits', () => {
  test('writes what Intl.NumberFormat writes, for integers of any size and fractions', () => {
    const reference = Object.fromEntries(LANGUAGES.map((l) => [l, new Intl.NumberFormat(l)]));
    fc.assert(fc.property(
      fc.constantFrom(...LANGUAGES),
      fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.integer(), fc.double({ noNaN: true, min: -1e7, max: 1e7 }), fc.constant(-0)),
      (language, value) => {
        expect(groupDigits(value, language)).toBe(reference[language]!.format(value));
      },
    ), { numRuns: 2000 });
    expect(groupDigits(8386560, 'en')).toBe('8,386,560');
  });

  test('builds no Intl.NumberFormat for integers under 1000, and one per language after', () => {
    const expected = new Intl.NumberFormat('fr-CA').format(1000);
    const Original = Intl.NumberFormat;
    let built = 0;
    // counts the formatters built while groupDigits runs
    Intl.NumberFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        built++;
      }
    } as typeof Intl.NumberFormat;
    try {
      for (const v of [0, 7, -42, 999, -999]) groupDigits(v, 'fr-CA');
      expect(built).toBe(0);
      expect(groupDigits(1000, 'fr-CA')).toBe(expected);
      groupDigits(123456, 'fr-CA');
      expect(built).toBe(1);
    } finally {
      Intl.NumberFormat = Original;
    }
  });

  test('a malformed language tag throws, as Intl does', () => {
    expect(() => groupDigits(12345, 'not a tag')).toThrow(RangeError);
  });
});
