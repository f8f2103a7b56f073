/**
 * Links of any length (issue #11 §4): the state in the URL fragment (v=2), long text compressed
 * with lz-string under `<key>z`, old `?` links (v=1), and values outside their documented range.
 * Expected compressed values come from lz-string itself, the library the format names.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import lzString from 'lz-string';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { decodeScenario, encodeScenario } from '../../src/state/urlCodec';
import { describeWarning, warningRange } from '../../src/state/warnings';
import { formEncodedLength } from '../../src/state/urlCompression';
import { linkState, tidiedLink } from '../../src/ui/linkState';

function withDefaults(changes: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, ...changes };
}

/** The value as URLSearchParams writes it (what follows `key=` in a link). */
function formEncoded(value: string): string {
  return new URLSearchParams([['x', value]]).toString().slice(2);
}

const DEFAULT_QUERY_TEXT = 'The dog barked\nThe cat sat on the mat';
const CATS = '猫'.repeat(20_000);

// Text from short to 20 000 characters, with CJK, emoji and URL syntax, at most 4 lines.
const piece = fc.constantFrom('猫坐在垫子上', 'the cat ', '&=%+#?', '😀', 'é', ' ', 'q0 q1 ', '\t');
const longLine = fc.tuple(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 1, max: 400 }))
  .map(([pieces, times]) => pieces.join('').repeat(times).slice(0, 4_900).replace(/[\uD800-\uDBFF]$/, ''));
const anyText = fc.array(longLine, { maxLength: 4 }).map((lines) => lines.join('\n'));
const scenarioWithLongText: fc.Arbitrary<Scenario> = fc.record({
  queryText: anyText,
  keyText: fc.oneof(anyText, fc.constant(DEFAULT_SCENARIO.keyText)),
  customMask: fc.oneof(fc.constant(''), fc.constant('k <= q && q - k < 4'), fc.constant(`${'k <= q && '.repeat(40)}k >= 0`)),
  paint: fc.array(fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 4095 }), fc.boolean()), { maxLength: 60 })
    .map((cells) => {
      const byCell = new Map(cells.map(([q, k, allow]) => [`${q}.${k}`, { q, k, allow }]));
      return [...byCell.values()].sort((a, b) => a.q - b.q || a.k - b.k).map(({ q, k, allow }) => `${q}.${k}.${allow ? 1 : 0}`).join(',');
    }),
  globalTokens: fc.oneof(fc.constant(''), fc.constant('none'), fc.uniqueArray(fc.integer({ min: 0, max: 4095 }), { maxLength: 90 })
    .map((positions) => positions.sort((a, b) => a - b).join(','))),
  heads: fc.integer({ min: 1, max: 16 }),
  softcap: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true })),
  causal: fc.boolean(),
}).map((changes) => withDefaults(changes));

describe('encodeScenario: the fragment (v=2)', () => {
  it('encodeScenario(lengths mode, Lq=6, causal): a short link stays readable, "v=2&mode=lengths&lq=6&causal=1"', () => {
    expect(encodeScenario(withDefaults({ inputMode: 'lengths', queryLength: 6, causal: true }))).toBe('v=2&mode=lengths&lq=6&causal=1');
  });

  it('encodeScenario(a 150-character text, a short mask list): written plain, not compressed', () => {
    const queryText = 'the cat '.repeat(18) + 'sat!!!';
    const s = withDefaults({ queryText, masks: 'window(W=4)' });
    expect(encodeScenario(s)).toBe(`v=2&q=${formEncoded(queryText)}&m=window%28W%3D4%29`);
  });

  it('encodeScenario(20 000 × "猫"): the query side as qz=<lz-string>, a link of under 300 characters', () => {
    const link = encodeScenario(withDefaults({ queryText: CATS }));
    expect(link).toBe(`v=2&qz=${formEncoded(lzString.compressToEncodedURIComponent(CATS))}`);
    expect(link.length).toBeLessThan(300);
  });

  it('encodeScenario(long English text): compressed "+" is written %2B, so it survives form decoding', () => {
    const keyText = 'The cat sat on the mat. '.repeat(20);
    const compressed = lzString.compressToEncodedURIComponent(keyText);
    expect(compressed).toContain('+');
    expect(encodeScenario(withDefaults({ keyText }))).toBe(`v=2&kz=${compressed.replace(/\+/g, '%2B').replace(/\$/g, '%24')}`);
  });

  it('decodeScenario("#" + encodeScenario(s)): gives back s with no warnings, long texts included (property)', () => {
    fc.assert(fc.property(scenarioWithLongText, (s) => {
      expect(decodeScenario(`#${encodeScenario(s)}`)).toEqual({ scenario: s, warnings: [] });
    }), { numRuns: 150 });
  });

  it('a 240-character text whose compressed form (238) is shorter only before its "+" are encoded (242): written plain', () => {
    // found by a seeded search over random 10–20-letter alphabets: the one case in 300 000 such texts
    const queryText = 'fcflomdmjbhofelghhiffphpbkcomadjcbppdmphbbmhlkhfjgkeacphnibffiibogahhaiijanepfiappafneliddclffpgeidblaemnbblccdbifglpjpddflapideaihaepcplkibicmbibcakabkbfndbpgmihafnfpamffklckhohooefjbbnpjlidmmmdffphcfohhhjhjmejpgodakjljlaecjjljpbdganoediim';
    const compressed = lzString.compressToEncodedURIComponent(queryText);
    expect(compressed.length).toBeLessThan(queryText.length); // raw, it looks worth it
    expect(formEncodedLength(compressed)).toBe(new URLSearchParams([['', compressed]]).toString().length - 1);
    expect(formEncodedLength(compressed)).toBeGreaterThanOrEqual(queryText.length); // written, it is not
    expect(encodeScenario(withDefaults({ queryText }))).toBe(`v=2&q=${queryText}`);
  });

  it('encodeScenario(s): never longer than the plain (v=1-style) link, for long texts too (property)', () => {
    fc.assert(fc.property(scenarioWithLongText, (s) => {
      const plain = new URLSearchParams([['v', '2'], ['q', s.queryText]]).toString().length;
      const link = encodeScenario(withDefaults({ queryText: s.queryText }));
      expect(link.length).toBeLessThanOrEqual(plain);
    }), { numRuns: 60 });
  });
});

describe('decodeScenario: fragments and old links', () => {
  it('decodeScenario("#v=2&causal=1&lq=6"): reads the fragment, the leading "#" dropped', () => {
    expect(decodeScenario('#v=2&causal=1&lq=6')).toEqual({ scenario: withDefaults({ causal: true, queryLength: 6 }), warnings: [] });
  });

  it('decodeScenario("?v=1&…"): an old query-string link reads as before, no warning', () => {
    const query = '?v=1&q=The+cat+sat%0A%E7%8C%AB%E5%9D%90%E5%9C%A8%E5%9E%AB%E5%AD%90%E4%B8%8A&lang=zh&causal=1&heads=2';
    expect(decodeScenario(query)).toEqual({
      scenario: withDefaults({ queryText: 'The cat sat\n猫坐在垫子上', language: 'zh', causal: true, heads: 2 }),
      warnings: [],
    });
  });

  it('decodeScenario("?v=1&qz=…"): in a v=1 link a compressed key is unknown, exactly as before', () => {
    expect(decodeScenario('?v=1&qz=tTONf5A&heads=2')).toEqual({
      scenario: withDefaults({ heads: 2 }),
      warnings: [{ param: 'qz', code: 'unknown-key', value: 'tTONf5A', used: '' }],
    });
  });

  it('decodeScenario("#qz=…"): a link without v reads compressed keys (the current version)', () => {
    expect(decodeScenario('#qz=tTONf5A').scenario.queryText).toBe('猫'.repeat(20));
  });

  it('decodeScenario("#v=2&q=plain&qz=…"): the compressed value wins', () => {
    expect(decodeScenario('#v=2&q=plain&qz=tTONf5A').scenario.queryText).toBe('猫'.repeat(20));
  });

  it('decodeScenario(kz with "+" pasted unescaped, read as a space): still decompresses', () => {
    const keyText = 'The cat sat on the mat. '.repeat(20);
    const raw = lzString.compressToEncodedURIComponent(keyText);
    expect(decodeScenario(`#v=2&kz=${raw}`)).toEqual({ scenario: withDefaults({ keyText }), warnings: [] });
  });
});

describe('decodeScenario: compressed data that cannot be read', () => {
  const defaultUsed = DEFAULT_QUERY_TEXT;

  it.each([
    ['!!!', 'not lz-string data'],
    ['', 'empty'],
    [lzString.compressToEncodedURIComponent('the cat sat on the mat '.repeat(300)).slice(0, 40), 'a link cut short'],
  ])('decodeScenario("#v=2&qz=%s&heads=2&causal=1") (%s): bad-compressed, the default text, the rest kept', (data) => {
    const { scenario, warnings } = decodeScenario(`#v=2&qz=${formEncoded(data)}&heads=2&causal=1`);
    expect(scenario).toEqual(withDefaults({ heads: 2, causal: true }));
    expect(warnings).toEqual([{ param: 'qz', code: 'bad-compressed', value: data, used: defaultUsed }]);
    expect(describeWarning(warnings[0]!)).toBe(
      `qz: the compressed text could not be read (the link may be cut short or altered); using the default "${defaultUsed}".`);
  });

  it('decodeScenario(qz of 8 193 characters): refused without decompressing (LZ can expand quadratically)', () => {
    const { scenario, warnings } = decodeScenario(`#v=2&qz=${'B'.repeat(8_193)}&kz=tTONf5A`);
    expect(scenario.queryText).toBe(DEFAULT_QUERY_TEXT);
    expect(scenario.keyText).toBe('猫'.repeat(20));
    expect(warnings.map((w) => [w.param, w.code])).toEqual([['qz', 'bad-compressed']]);
  });

  it('decodeScenario(qz holding 20 001 characters): cut to 20 000 with too-long, like plain text', () => {
    const { scenario, warnings } = decodeScenario(`#qz=${lzString.compressToEncodedURIComponent(`${CATS}猫`)}`);
    expect(scenario.queryText).toBe(CATS);
    expect(warnings).toEqual([{ param: 'q', code: 'too-long', value: '20001', used: '20000' }]);
  });
});

describe('values outside their documented range', () => {
  it.each([
    ['paint=0.1.0,9999.9999.1', { paint: '0.1.0' }, [{ param: 'paint', code: 'out-of-range', value: '9999.9999.1', used: '' }]],
    ['paint=4095.4095.1,4096.0.0', { paint: '4095.4095.1' }, [{ param: 'paint', code: 'out-of-range', value: '4096.0.0', used: '' }]],
    ['global=0,9999', { globalTokens: '0' }, [{ param: 'global', code: 'out-of-range', value: '9999', used: '' }]],
    ['global=4095', { globalTokens: '4095' }, []],
    ['cap=1e-300', { softcap: 0.01 }, [{ param: 'cap', code: 'out-of-range', value: '1e-300', used: '0.01' }]],
    ['cap=0.005', { softcap: 0.01 }, [{ param: 'cap', code: 'out-of-range', value: '0.005', used: '0.01' }]],
    ['cap=-5', { softcap: 0 }, [{ param: 'cap', code: 'out-of-range', value: '-5', used: '0' }]],
    ['cap=0', {}, []],
    ['cap=0.01', { softcap: 0.01 }, []],
    ['cap=2000', { softcap: 1000 }, [{ param: 'cap', code: 'out-of-range', value: '2000', used: '1000' }]],
    ['temp=0.001', { temperature: 0.01 }, [{ param: 'temp', code: 'out-of-range', value: '0.001', used: '0.01' }]],
    ['temp=1e3', { temperature: 100 }, [{ param: 'temp', code: 'out-of-range', value: '1e3', used: '100' }]],
    ['row=4096', { row: 4095 }, [{ param: 'row', code: 'out-of-range', value: '4096', used: '4095' }]],
  ])('decodeScenario("v=2&%s"): clamped or left out, with a warning', (query, changes, warnings) => {
    expect(decodeScenario(`v=2&${query}`)).toEqual({ scenario: withDefaults(changes), warnings });
  });

  it('decodeScenario(global= or open= longer than 500 characters): cut with too-long', () => {
    const global = Array.from({ length: 200 }, (_, i) => i).join(','); // 10 + 2·90 + 3·100 digits, 199 commas
    expect(global.length).toBe(689);
    const open = `${'input,'.repeat(83)}${','.repeat(60)}`; // 498 + 60 characters
    const { scenario, warnings } = decodeScenario(`v=2&global=${global}&open=${open}`);
    expect(scenario.open).toBe('input');
    expect(warnings).toEqual([
      { param: 'global', code: 'too-long', value: '689', used: '500' },
      { param: 'open', code: 'too-long', value: '558', used: '500' },
    ]);
  });

  it.each([
    ['heads', { min: 1, max: 16 }], ['dk', { min: 2, max: 128 }], ['dK', { min: 2, max: 128 }], ['lq', { min: 1, max: 4096 }],
    ['seed', { min: 0, max: 2147483647 }], ['row', { min: -1, max: 4095 }], ['temp', { min: 0.01, max: 100 }],
    ['cap', { min: 0.01, max: 1000, off: 0 }], ['softcap', { min: 0.01, max: 1000, off: 0 }],
    ['paint', { min: 0, max: 4095 }], ['global', { min: 0, max: 4095 }], ['globalTokens', { min: 0, max: 4095 }],
  ])('warningRange(%j): the documented range %j', (param, range) => {
    expect(warningRange(param)).toEqual(range);
  });

  it('warningRange of a setting without a numeric range (q, causal, an unknown key): undefined', () => {
    for (const param of ['q', 'causal', 'x']) expect(warningRange(param)).toBeUndefined();
  });

  it('describeWarning(paint out of range, left out): names the range 0..4095', () => {
    expect(describeWarning({ param: 'paint', code: 'out-of-range', value: '9999.9999.1', used: '' }))
      .toBe('paint: 9999.9999.1 is outside the allowed range 0..4095; left out.');
    expect(describeWarning({ param: 'cap', code: 'out-of-range', value: '1e-300', used: '0.01' }))
      .toBe('cap: 1e-300 is outside the allowed range 0 or 0.01..1000; using 0.01.');
  });
});

describe('linkState (ui): which part of the URL holds the state', () => {
  it.each([
    ['#v=2&heads=2', '?v=1&heads=3', '#v=2&heads=2'],
    ['#', '?v=1&heads=3', '?v=1&heads=3'],
    ['', '?v=1&heads=3', '?v=1&heads=3'],
    ['', '', ''],
  ])('linkState(%j, %j) → %j: the fragment when it has content, else the query string', (hash, search, expected) => {
    expect(linkState(hash, search)).toBe(expected);
  });
});

describe('tidiedLink (ui): the address an opened link is tidied to before tfjs loads', () => {
  it.each([
    ['/', '', '?v=1&heads=3', '/#v=1&heads=3'],
    ['/app/', '#', '?v=1&heads=3', '/app/#v=1&heads=3'],
    ['/', '#v=2&heads=2', '?v=1&heads=3', '/#v=2&heads=2'],
    ['/', '#v=2&heads=2', '', null],
    ['/', '', '', null],
  ])('tidiedLink(%j, %j, %j) → %j: no query string left, the state read kept in the fragment', (pathname, hash, search, expected) => {
    expect(tidiedLink(pathname, hash, search)).toBe(expected);
  });

  it('an old link reads the same from its tidied fragment as from its query string (any scenario, with warnings)', () => {
    fc.assert(fc.property(scenarioWithLongText, fc.constantFrom('', '&tfjsflags=WEBGL_CPU_FORWARD:false', '&heads=x&%E0%A4%A=1'), (scenario, extra) => {
      const search = `?${encodeScenario(scenario).replace(/^v=2/, 'v=1')}${extra}`;
      const tidied = tidiedLink('/', '', search)!;
      const hash = new URL(tidied, 'https://maskscope.test').hash;
      expect(decodeScenario(hash)).toEqual(decodeScenario(search));
    }), { numRuns: 60 });
  });
});
