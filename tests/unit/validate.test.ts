import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { countSequences, sanitizeScenario, type RawScenario } from '../../src/state/validate';
import { describeWarning, previewValue, type StateWarning } from '../../src/state/warnings';

function withDefaults(changes: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, ...changes };
}

const DEFAULT_QUERY_TEXT = 'The dog barked\nThe cat sat on the mat';

describe('sanitizeScenario: worked examples', () => {
  it('sanitizeScenario({}): gives DEFAULT_SCENARIO and no warnings', () => {
    expect(sanitizeScenario({})).toEqual({ scenario: DEFAULT_SCENARIO, warnings: [] });
  });

  it('sanitizeScenario({ heads: undefined }): a missing value takes the default silently', () => {
    expect(sanitizeScenario({ heads: undefined })).toEqual({ scenario: DEFAULT_SCENARIO, warnings: [] });
  });

  it('sanitizeScenario(null): treats a non-object as {}', () => {
    expect(sanitizeScenario(null as unknown as RawScenario)).toEqual({ scenario: DEFAULT_SCENARIO, warnings: [] });
  });

  it('sanitizeScenario(DEFAULT_SCENARIO): returns an equal, separate object', () => {
    const { scenario } = sanitizeScenario(DEFAULT_SCENARIO);
    expect(scenario).toEqual(DEFAULT_SCENARIO);
    expect(scenario).not.toBe(DEFAULT_SCENARIO);
    expect(Object.isFrozen(scenario)).toBe(false);
  });

  // [raw, field, expected value, expected warnings]
  const cases: [RawScenario, keyof Scenario, unknown, StateWarning[]][] = [
    [{ heads: 'four' }, 'heads', 4, [{ param: 'heads', code: 'bad-value', value: 'four', used: '4' }]],
    [{ heads: '8' }, 'heads', 4, [{ param: 'heads', code: 'bad-value', value: '8', used: '4' }]],
    [{ heads: NaN }, 'heads', 4, [{ param: 'heads', code: 'bad-value', value: 'NaN', used: '4' }]],
    [{ heads: -Infinity }, 'heads', 4, [{ param: 'heads', code: 'bad-value', value: '-Infinity', used: '4' }]],
    [{ heads: 2.5 }, 'heads', 3, [{ param: 'heads', code: 'not-integer', value: '2.5', used: '3' }]],
    [{ heads: -0.4 }, 'heads', 1, [{ param: 'heads', code: 'out-of-range', value: '-0.4', used: '1' }]],
    [{ heads: 17 }, 'heads', 16, [{ param: 'heads', code: 'out-of-range', value: '17', used: '16' }]],
    [{ dK: 129 }, 'dK', 128, [{ param: 'dK', code: 'out-of-range', value: '129', used: '128' }]],
    [{ dK: 2 }, 'dK', 2, []],
    [{ queryLength: 4096 }, 'queryLength', 4096, []],
    [{ keyLength: 1e300 }, 'keyLength', 4096, [{ param: 'keyLength', code: 'out-of-range', value: '1e+300', used: '4096' }]],
    [{ batchSize: 0 }, 'batchSize', 1, [{ param: 'batchSize', code: 'out-of-range', value: '0', used: '1' }]],
    [{ seed: 2147483647 }, 'seed', 2147483647, []],
    [{ seed: 2 ** 31 }, 'seed', 2147483647, [{ param: 'seed', code: 'out-of-range', value: '2147483648', used: '2147483647' }]],
    [{ seed: -0 }, 'seed', 0, []],
    [{ viewBatch: 7 }, 'viewBatch', 1, [{ param: 'viewBatch', code: 'beyond-data', value: '7', used: '1' }]], // the default text's 2 lines
    [{ viewHead: -2 }, 'viewHead', 0, [{ param: 'viewHead', code: 'out-of-range', value: '-2', used: '0' }]],
    [{ viewHead: 0.5 }, 'viewHead', 1, [{ param: 'viewHead', code: 'not-integer', value: '0.5', used: '1' }]],
    [{ causal: 1 }, 'causal', false, [{ param: 'causal', code: 'bad-value', value: '1', used: 'false' }]],
    [{ keyPadding: 'false' }, 'keyPadding', true, [{ param: 'keyPadding', code: 'bad-value', value: 'false', used: 'true' }]],
    [{ queryPadding: null }, 'queryPadding', true, [{ param: 'queryPadding', code: 'bad-value', value: 'null', used: 'true' }]],
    [{ inputMode: 'TEXT' }, 'inputMode', 'text', [{ param: 'inputMode', code: 'bad-value', value: 'TEXT', used: 'text' }]],
    [{ causalAlignment: 'tl' }, 'causalAlignment', 'bottom-right',
      [{ param: 'causalAlignment', code: 'bad-value', value: 'tl', used: 'bottom-right' }]],
    [{ attention: ['cross'] }, 'attention', 'self',
      [{ param: 'attention', code: 'bad-value', value: '[object Array]', used: 'self' }]],
    [{ language: 'zh' }, 'language', 'zh', []],
    [{ queryText: 42 }, 'queryText', DEFAULT_QUERY_TEXT,
      [{ param: 'queryText', code: 'bad-value', value: '42', used: 'The dog barked\nThe cat sat on the mat' }]],
    [{ queryText: 'a\uD800b' }, 'queryText', 'a\uFFFDb',
      [{ param: 'queryText', code: 'bad-value', value: 'a\uD800b', used: 'a\uFFFDb' }]],
    [{ keyText: '\uDC00😀' }, 'keyText', '\uFFFD😀',
      [{ param: 'keyText', code: 'bad-value', value: '\uDC00😀', used: '\uFFFD😀' }]],
    [{ queryText: '1\n2\n3\n4\n5' }, 'queryText', '1\n2\n3\n4\n5',
      [{ param: 'queryText', code: 'too-many-lines', value: '5', used: '4' }]],
    [{ keyText: 'a\r\nb\r\nc\r\nd\r\ne\r\nf' }, 'keyText', 'a\r\nb\r\nc\r\nd\r\ne\r\nf',
      [{ param: 'keyText', code: 'too-many-lines', value: '6', used: '4' }]],
    [{ queryText: 'a\n\n \t\nb\nc\nd\n' }, 'queryText', 'a\n\n \t\nb\nc\nd\n', []],
  ];

  const titled = cases.map(([input, field, expected, warnings]) =>
    [input, field, expected, warningLabel(warnings), warnings] as const);

  it.each(titled)('sanitizeScenario(%j): sets %s to %j %s', (raw, field, expected, _label, warnings) => {
    const result = sanitizeScenario(raw);
    expect(result.scenario).toEqual(withDefaults({ [field]: expected }));
    expect(result.warnings).toEqual(warnings);
  });

  it('sanitizeScenario({ seed: -0 }): stores +0, not −0', () => {
    expect(Object.is(sanitizeScenario({ seed: -0 }).scenario.seed, 0)).toBe(true);
  });

  it('sanitizeScenario({ queryText: 20 005 × "x" }): cuts to 20 000 characters with a too-long warning', () => {
    const result = sanitizeScenario({ queryText: 'x'.repeat(20005) });
    expect(result.scenario.queryText).toBe('x'.repeat(20000));
    expect(result.warnings).toEqual([{ param: 'queryText', code: 'too-long', value: '20005', used: '20000' }]);
  });

  it('sanitizeScenario({ queryText: "x" + 10 000 × "😀" }): cuts before a split emoji, keeping 19 999 units', () => {
    const result = sanitizeScenario({ queryText: `x${'😀'.repeat(10000)}` });
    expect(result.scenario.queryText).toBe(`x${'😀'.repeat(9999)}`);
    expect(result.warnings).toEqual([{ param: 'queryText', code: 'too-long', value: '20001', used: '20000' }]);
  });

  it('sanitizeScenario({ queryText: 10 000 × "😀" }): exactly 20 000 units is within the limit', () => {
    expect(sanitizeScenario({ queryText: '😀'.repeat(10000) }).warnings).toEqual([]);
  });

  it('sanitizeScenario({ language: "fr", extra: 1 }): bad-value for language, then unknown-key for extra', () => {
    const raw = { language: 'fr', extra: 1 } as RawScenario;
    expect(sanitizeScenario(raw)).toEqual({
      scenario: DEFAULT_SCENARIO,
      warnings: [
        { param: 'language', code: 'bad-value', value: 'fr', used: 'en' },
        { param: 'extra', code: 'unknown-key', value: '1', used: '' },
      ],
    });
  });

  it('sanitizeScenario(object whose heads getter throws): reads heads as missing', () => {
    const raw = Object.defineProperty({ dK: 16 }, 'heads', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(sanitizeScenario(raw)).toEqual({ scenario: withDefaults({ dK: 16 }), warnings: [] });
  });

  it('sanitizeScenario(several problems): one warning per key, in Scenario key order', () => {
    const result = sanitizeScenario({ language: 'xx', heads: 0, inputMode: 'x', seed: 1.5 });
    expect(result.warnings.map((w) => [w.param, w.code])).toEqual([
      ['inputMode', 'bad-value'], ['seed', 'not-integer'], ['heads', 'out-of-range'], ['language', 'bad-value'],
    ]);
  });
});

describe('sanitizeScenario: properties', () => {
  const scenarioKeys = Object.keys(DEFAULT_SCENARIO);
  const rawArb = fc.oneof(
    fc.dictionary(fc.constantFrom(...scenarioKeys, 'extra', '__proto__'), fc.anything()),
    fc.dictionary(fc.constantFrom(...scenarioKeys), fc.oneof(
      fc.double(), fc.integer(), fc.boolean(), fc.string({ unit: 'binary' }),
      fc.constantFrom('self', 'cross', 'text', 'lengths', 'bottom-right', 'top-left', 'right', 'left', 'en', 'zh'),
    )),
  );

  it('sanitizeScenario(arbitrary values): never throws, and sanitizing the result changes nothing', () => {
    fc.assert(fc.property(rawArb, (raw) => {
      const first = sanitizeScenario(raw as RawScenario);
      const second = sanitizeScenario(first.scenario);
      expect(second.scenario).toEqual(first.scenario);
      expect(second.warnings.every((w) => w.code === 'too-many-lines')).toBe(true);
    }), { numRuns: 500 });
  });
});

describe('countSequences', () => {
  it.each([
    ['', 0],
    [' \n\t\n', 0],
    ['one', 1],
    ['a\nb', 2],
    ['a\r\nb\r\n', 2],
    ['a\n\nb\n \nc', 3],
  ])('countSequences(%j): %i', (text, expected) => {
    expect(countSequences(text)).toBe(expected);
  });
});

describe('describeWarning', () => {
  it.each<[StateWarning, string]>([
    [{ param: 'foo', code: 'unknown-key', value: 'bar', used: '' },
      'Unknown setting "foo" (value "bar") was ignored.'],
    [{ param: 'attention', code: 'bad-value', value: 'both', used: 'self' },
      'attention: "both" is not a valid value; using "self" instead.'],
    [{ param: 'heads', code: 'out-of-range', value: '99', used: '16' },
      'heads: 99 is outside the allowed range 1..16; using 16.'],
    [{ param: 'seed', code: 'out-of-range', value: '-1', used: '0' },
      'seed: -1 is outside the allowed range 0..2147483647; using 0.'],
    [{ param: 'heads', code: 'not-integer', value: '2.5', used: '3' },
      'heads: 2.5 is not a whole number; using 3.'],
    [{ param: 'queryText', code: 'too-long', value: '20001', used: '20000' },
      'queryText: the text has 20001 characters, more than the limit of 20000; only the first 20000 are kept.'],
    [{ param: 'keyText', code: 'too-many-lines', value: '6', used: '4' },
      'keyText: the text has 6 sequences (non-blank lines) but at most 4 are used; the rest are kept in the text but not shown.'],
    [{ param: 'v', code: 'bad-version', value: '3', used: '2' },
      'Schema version "3" is not supported (this app reads version 2); the rest is read as version 2 on a best-effort basis.'],
    [{ param: 'mystery', code: 'out-of-range', value: '5', used: '4' },
      'mystery: 5 is outside the allowed range; using 4.'],
  ])('describeWarning(%j): %s', (warning, expected) => {
    expect(describeWarning(warning)).toBe(expected);
  });
});

describe('previewValue', () => {
  it.each<[unknown, string]>([
    ['abc', 'abc'],
    [42, '42'],
    [false, 'false'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ a: 1 }, '[object Object]'],
    [Symbol('s'), 'Symbol(s)'],
    [10n, '10'],
  ])('previewValue(%s): %j', (raw, expected) => {
    expect(previewValue(raw)).toBe(expected);
  });

  it('previewValue(100 × "x"): shortens to 79 characters and "…"', () => {
    expect(previewValue('x'.repeat(100))).toBe(`${'x'.repeat(79)}…`);
  });

  it('previewValue("xy" + 50 × "😀"): does not split the emoji at the cut', () => {
    expect(previewValue(`xy${'😀'.repeat(50)}`)).toBe(`xy${'😀'.repeat(38)}…`);
  });
});

/** "with no warning", "with an out-of-range warning" …: test titles from the expected warnings. */
function warningLabel(warnings: readonly StateWarning[]): string {
  if (warnings.length === 0) return 'with no warning';
  const codes = warnings.map((w) => w.code).join(' + ');
  return `with ${/^[aeiou]/.test(codes) ? 'an' : 'a'} ${codes} warning`;
}
