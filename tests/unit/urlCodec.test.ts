import { formatMaskList } from '../../src/state/maskList';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { decodeScenario, encodeScenario, URL_KEYS } from '../../src/state/urlCodec';
import { sanitizeScenario } from '../../src/state/validate';
import type { StateWarning } from '../../src/state/warnings';
import { viewWithinData } from '../helpers/settingsArbitraries';

// ---------------------------------------------------------------------------------------------
// Arbitraries. Ranges are written out here (not read from the code under test).

/** Awkward fragments for URLs and text: CJK, URL syntax characters, emoji, fake escapes. */
const awkwardPiece = fc.constantFrom(
  '中文', '猫坐在垫子上', '&', '=', '%', '+', '#', '?', '/', ' ', '\t', '\r', '%20', '%zz', '%E4',
  'a=b&c=d', '😀', '👩‍👩‍👧', 'é', '\u0000', '\uFFFD', '\u2028',
);
const linePiece = fc.oneof(
  awkwardPiece,
  fc.string({ unit: 'binary', maxLength: 8 }).map((s) => s.replace(/\n/g, ' ')),
);
const line = fc.array(linePiece, { maxLength: 8 }).map((pieces) => pieces.join(''));
/** At most 4 lines, so at most 4 sequences: a valid queryText/keyText. */
const validText = fc.array(line, { maxLength: 4 }).map((lines) => lines.join('\n'));

const validScenario: fc.Arbitrary<Scenario> = fc.record({
  inputMode: fc.constantFrom('text', 'lengths'),
  attention: fc.constantFrom('self', 'cross', 'encdec'),
  queryText: fc.oneof(validText, fc.constant(DEFAULT_SCENARIO.queryText)),
  keyText: fc.oneof(validText, fc.constant(DEFAULT_SCENARIO.keyText)),
  tokenizer: fc.constantFrom('auto', 'char', 'word', 'gpt2'),
  queryLength: fc.integer({ min: 1, max: 4096 }),
  keyLength: fc.integer({ min: 1, max: 4096 }),
  batchSize: fc.integer({ min: 1, max: 4 }),
  paddingSide: fc.constantFrom('right', 'left'),
  causal: fc.boolean(),
  causalAlignment: fc.constantFrom('bottom-right', 'top-left'),
  causalLengths: fc.constantFrom('real', 'padded'),
  keyPadding: fc.boolean(),
  queryPadding: fc.boolean(),
  masks: fc
    .array(
      fc.record({
        id: fc.constantFrom('window', 'prefix-lm', 'bigbird', 'window-sinks'),
        negate: fc.boolean(),
        params: fc.dictionary(fc.constantFrom('W', 'P', 'S', 'r'), fc.integer({ min: -99, max: 999 }), { maxKeys: 3 }),
      }),
      { maxLength: 3 },
    )
    .map((items) => formatMaskList(items.map(({ negate, ...rest }) => (negate ? { ...rest, negate } : rest)))),
  maskJoin: fc.constantFrom('and', 'or'),
  customMask: fc.oneof(fc.constant(''), fc.constant('k <= q && q - k < 4'), fc.string({ maxLength: 40 }).map((s) => s.replace(/[\uD800-\uDFFF]/g, ''))),
  globalTokens: fc.oneof(fc.constant(''), fc.constant('0,5'), fc.constant('none')),
  paint: fc.oneof(fc.constant(''), fc.constant('0.1.0,2.0.1')),
  temperature: fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 100, noNaN: true }).map((x) => x + 0)),
  alibi: fc.boolean(),
  softcap: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true }).map((x) => x + 0)),
  seed: fc.oneof(fc.integer({ min: 0, max: 2147483647 }), fc.constantFrom(0, 42, 2147483647)),
  dK: fc.integer({ min: 2, max: 128 }),
  heads: fc.integer({ min: 1, max: 16 }),
  viewBatch: fc.integer({ min: 0, max: 3 }),
  viewHead: fc.integer({ min: 0, max: 15 }),
  weightScale: fc.constantFrom('unit', 'row'),
  tileSize: fc.constantFrom(0, 16, 32, 64, 128),
  engine: fc.constantFrom('auto', 'js', 'webgl', 'cpu'),
  language: fc.constantFrom('en', 'zh'),
  present: fc.boolean(),
  step: fc.constantFrom('tokens', 'qkv', 'scores', 'scaled', 'logits', 'mask', 'masked', 'weights', 'output'),
  focus: fc.constantFrom('', 'weights', 'qkv', 'frameworks', 'fully-masked', 'inspector', 'encoder', 'cross'),
  open: fc.subarray(['input', 'masks', 'modifiers', 'model', 'frameworks']).map((ids) => ids.join(',')),
  hide: fc.subarray(['share', 'causal', 'heads', 'masks', 'frameworks']).map((ids) => ids.join(',')),
  lock: fc.subarray(['lang', 'q', 'm', 'input', 'model']).map((ids) => ids.join(',')),
  row: fc.integer({ min: -1, max: 4095 }),
  quiz: fc.boolean(),
  // the batch item and head on screen exist in the data the other settings give (validate.ts fitView)
}).map(viewWithinData);

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const urlKey = fc.constantFrom(
  'v', 'mode', 'attn', 'q', 'k', 'lq', 'lk', 'b', 'pad', 'causal', 'align', 'causallen', 'kpad', 'qpad',
  'seed', 'dk', 'heads', 'vb', 'vh', 'wscale', 'tiles', 'lang', 'm', 'mj', 'cm', 'global', 'paint', 'temp', 'alibi', 'cap', 'present', 'step', 'focus', 'open', 'row', 'quiz', 'qz', 'kz', 'mz', 'cmz', 'globalz', 'paintz', 'x', '', '?', '%', 'Heads', '__proto__', 'constructor',
);
const urlValue = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 10 }),
  fc.constantFrom('%', '%E4', '%zz', '%ED%A0%80', '1', '0', 'true', 'false', '-1', '1e999', '2.5',
    'br', 'tl', 'real', 'padded', 'cross', 'encdec', 'weights', 'frameworks,masks', 'lengths', 'zh', 'left', 'a%0Ab%0Ac%0Ad%0Ae', 'NaN', '0x10', '',
    // lz-string data: '猫'×20, 'a\nb\nc\nd\ne', 'window(W=4)', and cut or altered copies.
    'tTONf5A', 'tTON', 'IYKARiDGICYgpkA', 'O4SwdgJg9sAUDqBeALASiA', 'O4Swd$$$', '!!!'),
  fc.double().map(String),
);
/** Query-like strings: known and unknown keys with good and bad values, and junk separators. */
const queryLike = fc
  .array(fc.tuple(urlKey, fc.constantFrom('=', '', '=='), urlValue), { maxLength: 12 })
  .chain((parts) =>
    fc.constantFrom('', '?', '??', '#').map((prefix) =>
      prefix + parts.map(([k, eq, v]) => `${k}${eq}${v}`).join('&')));

const CODES = new Set(['unknown-key', 'bad-value', 'out-of-range', 'beyond-data', 'not-integer', 'too-long',
  'too-many-lines', 'bad-version', 'bad-compressed', 'bad-escape']);

function withDefaults(changes: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, ...changes };
}

// ---------------------------------------------------------------------------------------------

describe('encodeScenario', () => {
  it('encodeScenario(DEFAULT_SCENARIO): writes only the version, "v=2"', () => {
    expect(encodeScenario(DEFAULT_SCENARIO)).toBe('v=2');
  });

  it('encodeScenario(causal on, 2 heads): writes only the changed keys, "v=2&causal=1&heads=2"', () => {
    expect(encodeScenario(withDefaults({ causal: true, heads: 2 }))).toBe('v=2&causal=1&heads=2');
  });

  it('encodeScenario(lengths, cross, top-left …): writes keys in Scenario order with short tokens', () => {
    const s = withDefaults({
      inputMode: 'lengths', attention: 'cross', queryLength: 4, keyLength: 6, batchSize: 2,
      causal: true, causalAlignment: 'top-left', seed: 7, dK: 16, heads: 2,
    });
    expect(encodeScenario(s)).toBe(
      'v=2&mode=lengths&attn=cross&lq=4&lk=6&b=2&causal=1&align=tl&seed=7&dk=16&heads=2');
  });

  it('encodeScenario(keyPadding off, left padding, zh): writes kpad=0, pad=left, lang=zh', () => {
    const s = withDefaults({ keyPadding: false, queryPadding: false, paddingSide: 'left', language: 'zh' });
    expect(encodeScenario(s)).toBe('v=2&pad=left&kpad=0&qpad=0&lang=zh');
  });

  it('encodeScenario(text with space, newline, &, =, %, +, #, 中, 😀): percent-encodes every one', () => {
    const s = withDefaults({ queryText: 'a b\n&=%+#中😀', viewBatch: 1, viewHead: 3 });
    expect(encodeScenario(s)).toBe('v=2&q=a+b%0A%26%3D%25%2B%23%E4%B8%AD%F0%9F%98%80&vb=1&vh=3');
  });

  it('encodeScenario(two text lines, zh): gives the docs/url-format.md text example', () => {
    const s = withDefaults({ queryText: 'The cat sat\n猫坐在垫子上', language: 'zh' });
    expect(encodeScenario(s)).toBe(
      'v=2&q=The+cat+sat%0A%E7%8C%AB%E5%9D%90%E5%9C%A8%E5%9E%AB%E5%AD%90%E4%B8%8A&lang=zh');
  });

  it('encodeScenario(empty query text): writes "q=" because the default text is not empty', () => {
    expect(encodeScenario(withDefaults({ queryText: '' }))).toBe('v=2&q=');
  });

  it('encodeScenario(any valid scenario): uses only characters safe after "?" in a URL', () => {
    fc.assert(fc.property(validScenario, (s) => {
      expect(encodeScenario(s)).toMatch(/^v=2(&[a-z]+=[A-Za-z0-9*\-._%+]*)*$/);
    }));
  });
});

describe('decodeScenario: round trip', () => {
  it('sanitizeScenario(any valid scenario): returns it unchanged with no warnings (generator check)', () => {
    fc.assert(fc.property(validScenario, (s) => {
      expect(sanitizeScenario(s)).toEqual({ scenario: s, warnings: [] });
    }));
  });

  it('decodeScenario(encodeScenario(s)): gives back s with no warnings, for any valid s', () => {
    fc.assert(fc.property(validScenario, (s) => {
      expect(decodeScenario(encodeScenario(s))).toEqual({ scenario: s, warnings: [] });
    }), { numRuns: 500 });
  });

  it('decodeScenario("?" + encodeScenario(s)): accepts the leading "?" too', () => {
    fc.assert(fc.property(validScenario, (s) => {
      expect(decodeScenario(`?${encodeScenario(s)}`)).toEqual({ scenario: s, warnings: [] });
    }));
  });

  it('decodeScenario(encodeScenario(s)) with 20 000 characters of CJK and emoji: round-trips', () => {
    const queryText = '猫😀'.repeat(6666) + '中\n'; // 6666 × 3 + 2 = 20 000 UTF-16 units
    const s = withDefaults({ queryText, keyText: '' });
    expect(decodeScenario(encodeScenario(s))).toEqual({ scenario: s, warnings: [] });
  });
});

describe('decodeScenario: any string', () => {
  function checkDecoded(query: string): void {
    const { scenario, warnings } = decodeScenario(query);
    const again = sanitizeScenario(scenario);
    expect(again.scenario).toEqual(scenario);
    expect(again.warnings.every((w) => w.code === 'too-many-lines')).toBe(true);
    expect(warnings.every((w) => CODES.has(w.code))).toBe(true);
    expect(decodeScenario(encodeScenario(scenario)).scenario).toEqual(scenario);
  }

  it('decodeScenario(arbitrary string, lone surrogates included): never throws; result passes sanitize unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 200 }), checkDecoded), { numRuns: 500 });
  });

  it('decodeScenario(arbitrary code points): never throws; result passes sanitize unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkDecoded), { numRuns: 300 });
  });

  it('decodeScenario(query-like string of known/unknown keys and bad values): never throws; result passes sanitize unchanged', () => {
    fc.assert(fc.property(queryLike, checkDecoded), { numRuns: 1000 });
  });
});

describe('decodeScenario: the batch item and head on screen exist in the data (vb, vh)', () => {
  it.each([
    ['vh=3&heads=2', 'viewHead', 1, [{ param: 'vh', code: 'beyond-data', value: '3', used: '1' }]],
    ['heads=2&vh=1', 'viewHead', 1, []],
    ['vb=2&mode=lengths&b=3', 'viewBatch', 2, []],
    ['vb=3&mode=lengths&b=3', 'viewBatch', 2, [{ param: 'vb', code: 'beyond-data', value: '3', used: '2' }]],
    // cross-attention pairs lines: 2 query lines (the default) and 3 key lines make 2 items
    ['vb=2&attn=cross&k=one%0Atwo%0Athree', 'viewBatch', 1, [{ param: 'vb', code: 'beyond-data', value: '2', used: '1' }]],
    // blank lines are no batch item; an empty text still shows item 0
    ['vb=1&q=one%0A%20%0A', 'viewBatch', 0, [{ param: 'vb', code: 'beyond-data', value: '1', used: '0' }]],
    ['vb=1&q=', 'viewBatch', 0, [{ param: 'vb', code: 'beyond-data', value: '1', used: '0' }]],
    ['vb=3&q=a%0Ab%0Ac%0Ad%0Ae', 'viewBatch', 3, [{ param: 'q', code: 'too-many-lines', value: '5', used: '4' }]],
  ] as const)('decodeScenario(%j): %s = %j, warnings %j', (query, field, expected, warnings) => {
    const result = decodeScenario(query);
    expect(result.scenario[field]).toBe(expected);
    expect(result.warnings).toEqual(warnings);
  });
});

describe('decodeScenario: worked examples', () => {
  it.each([
    ['', 'empty string'],
    ['?', 'a lone "?"'],
    ['v=1', 'only the version'],
    ['?v=1', 'the version with a leading "?"'],
    ['heads=4', 'a value equal to the default, without v'],
  ])('decodeScenario(%j): %s gives DEFAULT_SCENARIO and no warnings', (query) => {
    expect(decodeScenario(query)).toEqual({ scenario: DEFAULT_SCENARIO, warnings: [] });
  });

  it('decodeScenario(docs/url-format.md example): reads every key', () => {
    const query = '?v=1&mode=lengths&attn=cross&lq=4&lk=6&b=2&causal=1&align=tl&seed=7&dk=16&heads=2';
    expect(decodeScenario(query)).toEqual({
      scenario: withDefaults({
        inputMode: 'lengths', attention: 'cross', queryLength: 4, keyLength: 6, batchSize: 2,
        causal: true, causalAlignment: 'top-left', seed: 7, dK: 16, heads: 2,
      }),
      warnings: [],
    });
  });

  // [query, field, expected value, expected warnings]
  const cases: [string, keyof Scenario, unknown, StateWarning[]][] = [
    ['heads=99', 'heads', 16, [{ param: 'heads', code: 'out-of-range', value: '99', used: '16' }]],
    ['heads=0', 'heads', 1, [{ param: 'heads', code: 'out-of-range', value: '0', used: '1' }]],
    ['heads=abc', 'heads', 4, [{ param: 'heads', code: 'bad-value', value: 'abc', used: '4' }]],
    ['heads=', 'heads', 4, [{ param: 'heads', code: 'bad-value', value: '', used: '4' }]],
    ['heads', 'heads', 4, [{ param: 'heads', code: 'bad-value', value: '', used: '4' }]],
    ['heads=2.5', 'heads', 3, [{ param: 'heads', code: 'not-integer', value: '2.5', used: '3' }]],
    ['heads=16.7', 'heads', 16, [{ param: 'heads', code: 'out-of-range', value: '16.7', used: '16' }]],
    ['heads=0x10', 'heads', 4, [{ param: 'heads', code: 'bad-value', value: '0x10', used: '4' }]],
    ['heads=Infinity', 'heads', 4, [{ param: 'heads', code: 'bad-value', value: 'Infinity', used: '4' }]],
    ['heads=1e999', 'heads', 4, [{ param: 'heads', code: 'bad-value', value: '1e999', used: '4' }]],
    ['dk=1', 'dK', 2, [{ param: 'dk', code: 'out-of-range', value: '1', used: '2' }]],
    ['dk=1000', 'dK', 128, [{ param: 'dk', code: 'out-of-range', value: '1000', used: '128' }]],
    ['lq=0', 'queryLength', 1, [{ param: 'lq', code: 'out-of-range', value: '0', used: '1' }]],
    ['lq=4097', 'queryLength', 4096, [{ param: 'lq', code: 'out-of-range', value: '4097', used: '4096' }]],
    // a rejected number is named as the link writes it
    ['lq=1e9', 'queryLength', 4096, [{ param: 'lq', code: 'out-of-range', value: '1e9', used: '4096' }]],
    ['lq=+1e9', 'queryLength', 4096, [{ param: 'lq', code: 'out-of-range', value: '1e9', used: '4096' }]],
    ['heads=2.50', 'heads', 3, [{ param: 'heads', code: 'not-integer', value: '2.50', used: '3' }]],
    ['lk=-5', 'keyLength', 1, [{ param: 'lk', code: 'out-of-range', value: '-5', used: '1' }]],
    ['b=5', 'batchSize', 4, [{ param: 'b', code: 'out-of-range', value: '5', used: '4' }]],
    ['b=1.2', 'batchSize', 1, [{ param: 'b', code: 'not-integer', value: '1.2', used: '1' }]],
    ['seed=-1', 'seed', 0, [{ param: 'seed', code: 'out-of-range', value: '-1', used: '0' }]],
    ['seed=2147483648', 'seed', 2147483647,
      [{ param: 'seed', code: 'out-of-range', value: '2147483648', used: '2147483647' }]],
    ['seed=7.4', 'seed', 7, [{ param: 'seed', code: 'not-integer', value: '7.4', used: '7' }]],
    ['seed=1e3', 'seed', 1000, []],
    ['seed=+5', 'seed', 5, []], // '+' is a space in a query string; spaces around numbers are allowed
    ['seed=%2B5', 'seed', 5, []],
    ['seed=-0', 'seed', 0, []],
    ['vb=-1', 'viewBatch', 0, [{ param: 'vb', code: 'out-of-range', value: '-1', used: '0' }]],
    // past the data too (the default text has 2 lines, 4 heads): one warning, the last one shown
    ['vb=9', 'viewBatch', 1, [{ param: 'vb', code: 'beyond-data', value: '9', used: '1' }]],
    ['vh=20', 'viewHead', 3, [{ param: 'vh', code: 'beyond-data', value: '20', used: '3' }]],
    ['vh=3', 'viewHead', 3, []],
    ['mode=graph', 'inputMode', 'text', [{ param: 'mode', code: 'bad-value', value: 'graph', used: 'text' }]],
    ['attn=both', 'attention', 'self', [{ param: 'attn', code: 'bad-value', value: 'both', used: 'self' }]],
    ['pad=middle', 'paddingSide', 'right', [{ param: 'pad', code: 'bad-value', value: 'middle', used: 'right' }]],
    ['align=tl', 'causalAlignment', 'top-left', []],
    ['align=br', 'causalAlignment', 'bottom-right', []],
    ['align=top-left', 'causalAlignment', 'top-left', []],
    ['align=diag', 'causalAlignment', 'bottom-right',
      [{ param: 'align', code: 'bad-value', value: 'diag', used: 'br' }]],
    ['causallen=padded', 'causalLengths', 'padded', []],
    ['causallen=real', 'causalLengths', 'real', []],
    ['causallen=dense', 'causalLengths', 'real',
      [{ param: 'causallen', code: 'bad-value', value: 'dense', used: 'real' }]],
    ['causal=true', 'causal', true, []],
    ['causal=1', 'causal', true, []],
    ['kpad=false', 'keyPadding', false, []],
    ['qpad=0', 'queryPadding', false, []],
    ['causal=yes', 'causal', false, [{ param: 'causal', code: 'bad-value', value: 'yes', used: '0' }]],
    ['causal=TRUE', 'causal', false, [{ param: 'causal', code: 'bad-value', value: 'TRUE', used: '0' }]],
    ['lang=fr', 'language', 'en', [{ param: 'lang', code: 'bad-value', value: 'fr', used: 'en' }]],
    ['temp=0', 'temperature', 0.01, [{ param: 'temp', code: 'out-of-range', value: '0', used: '0.01' }]],
    ['temp=abc', 'temperature', 1, [{ param: 'temp', code: 'bad-value', value: 'abc', used: '1' }]],
    ['cap=-3', 'softcap', 0, [{ param: 'cap', code: 'out-of-range', value: '-3', used: '0' }]],
    ['alibi=2', 'alibi', false, [{ param: 'alibi', code: 'bad-value', value: '2', used: '0' }]],
    ['tiles=7', 'tileSize', 0, [{ param: 'tiles', code: 'bad-value', value: '7', used: '0' }]],
    ['wscale=log', 'weightScale', 'unit', [{ param: 'wscale', code: 'bad-value', value: 'log', used: 'unit' }]],
    ['lang=zh', 'language', 'zh', []],
    ['heads=2&heads=8', 'heads', 8, []],
    ['heads=99&heads=8', 'heads', 8, []],
    ['q=a+b', 'queryText', 'a b', []],
    ['q=', 'queryText', '', []],
    ['q=%E4%B8%AD%ZZ%', 'queryText', '中%ZZ%', [{ param: 'q', code: 'bad-escape', value: 'q=%E4%B8%AD%ZZ%', used: '中%ZZ%' }]],
    // an encoded lone surrogate is not UTF-8
    ['q=%ED%A0%80', 'queryText', '\uFFFD\uFFFD\uFFFD', [{ param: 'q', code: 'bad-escape', value: 'q=%ED%A0%80', used: '\uFFFD\uFFFD\uFFFD' }]],
    ['k=%F0%9F%98%80#x', 'keyText', '😀#x', []],
    ['q=a%0Ab%0Ac%0Ad%0Ae', 'queryText', 'a\nb\nc\nd\ne',
      [{ param: 'q', code: 'too-many-lines', value: '5', used: '4' }]],
    ['k=a%0D%0A%0D%0A++%0Ab%0Ac%0Ad', 'keyText', 'a\r\n\r\n  \nb\nc\nd', []], // blank lines are not sequences
  ];

  const titled = cases.map(([input, field, expected, warnings]) =>
    [input, field, expected, warningLabel(warnings), warnings] as const);

  it.each(titled)('decodeScenario(%j): sets %s to %j %s', (query, field, expected, _label, warnings) => {
    const result = decodeScenario(query);
    expect(result.scenario[field]).toEqual(expected);
    expect(result.scenario).toEqual(withDefaults({ [field]: expected }));
    expect(result.warnings).toEqual(warnings);
  });

  it('decodeScenario("q=" + 20 001 × "x"): keeps the first 20 000 characters with a too-long warning', () => {
    const result = decodeScenario(`q=${'x'.repeat(20001)}`);
    expect(result.scenario.queryText).toBe('x'.repeat(20000));
    expect(result.warnings).toEqual([{ param: 'q', code: 'too-long', value: '20001', used: '20000' }]);
  });

  it('decodeScenario("seed=" + 200 000 digits + "x"): rejects it as bad-value quickly (no regex backtracking)', () => {
    const result = decodeScenario(`seed=${'1'.repeat(200000)}x`);
    expect(result.scenario.seed).toBe(42);
    expect(result.warnings.map((w) => [w.param, w.code, w.used])).toEqual([['seed', 'bad-value', '42']]);
  });

  it('decodeScenario("foo=bar&heads=2"): ignores foo with an unknown-key warning, reads heads', () => {
    expect(decodeScenario('foo=bar&heads=2')).toEqual({
      scenario: withDefaults({ heads: 2 }),
      warnings: [{ param: 'foo', code: 'unknown-key', value: 'bar', used: '' }],
    });
  });

  it('decodeScenario("Heads=2&dK=2"): keys are case-sensitive, so both are unknown, each with the key it probably meant', () => {
    expect(decodeScenario('Heads=2&dK=2').warnings).toEqual([
      { param: 'Heads', code: 'unknown-key', value: '2', used: 'heads' },
      { param: 'dK', code: 'unknown-key', value: '2', used: 'dk' },
    ]);
  });

  it('decodeScenario("masks=…&queryText=hi"): a field written by its name is unknown, with its key (m, q) as the one meant', () => {
    const { scenario, warnings } = decodeScenario('v=2&masks=window(W=2)&queryText=hi');
    expect(scenario.masks).toBe('');
    expect(warnings.map((w) => [w.param, w.code, w.used])).toEqual([['masks', 'unknown-key', 'm'], ['queryText', 'unknown-key', 'q']]);
  });

  it('decodeScenario("x=1&x=2"): a repeated unknown key gives one warning with the last value', () => {
    expect(decodeScenario('x=1&x=2').warnings).toEqual([{ param: 'x', code: 'unknown-key', value: '2', used: '' }]);
  });

  it('decodeScenario("=x&%&__proto__=1"): odd keys are unknown keys, nothing else changes', () => {
    expect(decodeScenario('=x&%&__proto__=1')).toEqual({
      scenario: DEFAULT_SCENARIO,
      warnings: [
        { param: '', code: 'unknown-key', value: 'x', used: '' },
        { param: '%', code: 'unknown-key', value: '', used: '' },
        { param: '__proto__', code: 'unknown-key', value: '1', used: '' },
      ],
    });
  });

  it('decodeScenario("??heads=2"): only one leading "?" is removed, so "?heads" is unknown', () => {
    expect(decodeScenario('??heads=2')).toEqual({
      scenario: DEFAULT_SCENARIO,
      warnings: [{ param: '?heads', code: 'unknown-key', value: '2', used: '' }],
    });
  });

  it('decodeScenario("v=3&heads=2"): warns bad-version and still reads heads = 2', () => {
    expect(decodeScenario('v=3&heads=2')).toEqual({
      scenario: withDefaults({ heads: 2 }),
      warnings: [{ param: 'v', code: 'bad-version', value: '3', used: '2' }],
    });
  });

  it('decodeScenario("v=abc"): warns bad-version and uses the defaults', () => {
    expect(decodeScenario('v=abc')).toEqual({
      scenario: DEFAULT_SCENARIO,
      warnings: [{ param: 'v', code: 'bad-version', value: 'abc', used: '2' }],
    });
  });

  it('decodeScenario("foo=1&v=9&heads=99"): warnings in order version, fields, unknown keys', () => {
    expect(decodeScenario('foo=1&v=9&heads=99').warnings.map((w) => w.code))
      .toEqual(['bad-version', 'out-of-range', 'unknown-key']);
  });
});

describe('decodeScenario: broken percent-escapes (bad-escape)', () => {
  it('a character cut short (%E0%A4%A) is read as URLSearchParams reads it, and said: the piece as written, the value as read', () => {
    const { scenario, warnings } = decodeScenario('#v=2&q=%E0%A4%A');
    expect(scenario.queryText).toBe('\uFFFD%A');
    expect(warnings).toEqual([{ param: 'q', code: 'bad-escape', value: 'q=%E0%A4%A', used: '\uFFFD%A' }]);
  });

  it('a % without two hex digits: one warning per piece of a known key, before the warnings of the values read; an unknown key is only unknown', () => {
    const { warnings } = decodeScenario('heads=99&q=50%&k=%zz&%zz=1');
    expect(warnings.map((w) => [w.code, w.param])).toEqual([['bad-escape', 'q'], ['bad-escape', 'k'], ['out-of-range', 'heads'], ['unknown-key', '%zz']]);
    expect(warnings[0]).toMatchObject({ value: 'q=50%', used: '50%' });
  });

  it('well-formed escapes (UTF-8, %2B, + for a space) give none', () => {
    expect(decodeScenario('q=%E4%BD%A0%E5%A5%BD+%F0%9F%98%80&seed=%2B5').warnings).toEqual([]);
  });
});

describe('lesson keys (present, step, focus, open, row, attn=encdec)', () => {
  it('decodeScenario("present=1&step=weights&focus=frameworks&row=2&attn=encdec"): read with no warning', () => {
    const { scenario, warnings } = decodeScenario('v=1&present=1&step=weights&focus=frameworks&row=2&attn=encdec');
    expect(warnings).toEqual([]);
    expect(scenario).toMatchObject({ present: true, step: 'weights', focus: 'frameworks', row: 2, attention: 'encdec' });
  });

  it('decodeScenario("open=frameworks,input,input"): panels in canonical order, repeats dropped; encodes back as written', () => {
    const { scenario, warnings } = decodeScenario('open=frameworks,input,input');
    expect(warnings).toEqual([]);
    expect(scenario.open).toBe('input,frameworks');
    expect(encodeScenario(scenario)).toBe('v=2&open=input%2Cframeworks');
  });

  it('decodeScenario("open=frameworks,help"): the unknown panel is dropped with a bad-value warning', () => {
    const { scenario, warnings } = decodeScenario('open=frameworks,help');
    expect(scenario.open).toBe('frameworks');
    expect(warnings).toEqual([{ param: 'open', code: 'bad-value', value: 'help', used: '' }]);
  });

  it('decodeScenario("open=foo,help"): no panel known, so the default panels, with a bad-value warning that says so', () => {
    const { scenario, warnings } = decodeScenario('open=foo,help');
    expect(scenario.open).toBe(DEFAULT_SCENARIO.open);
    expect(warnings).toEqual([{ param: 'open', code: 'bad-value', value: 'foo,help', used: 'input,masks,modifiers,model' }]);
    expect(encodeScenario(scenario)).toBe('v=2');
  });

  it('decodeScenario("open="): every panel shut, no warning; the default opens the four settings panels', () => {
    expect(decodeScenario('open=')).toMatchObject({ scenario: { open: '' }, warnings: [] });
    expect(DEFAULT_SCENARIO.open).toBe('input,masks,modifiers,model');
  });

  it('decodeScenario("step=softmax&focus=nowhere&row=-5"): defaults and warnings that name the URL keys', () => {
    const { scenario, warnings } = decodeScenario('step=softmax&focus=nowhere&row=-5');
    expect(scenario).toMatchObject({ step: 'tokens', focus: '', row: -1 });
    expect(warnings).toEqual([
      { param: 'step', code: 'bad-value', value: 'softmax', used: 'tokens' },
      { param: 'focus', code: 'bad-value', value: 'nowhere', used: '' },
      { param: 'row', code: 'out-of-range', value: '-5', used: '-1' },
    ]);
  });
});

describe('URL_KEYS', () => {
  it('URL_KEYS: are the documented short keys, all different', () => {
    expect(URL_KEYS).toEqual({
      inputMode: 'mode', attention: 'attn', queryText: 'q', keyText: 'k', tokenizer: 'tok', queryLength: 'lq',
      keyLength: 'lk', batchSize: 'b', paddingSide: 'pad', causal: 'causal',
      causalAlignment: 'align', causalLengths: 'causallen', keyPadding: 'kpad', queryPadding: 'qpad', masks: 'm', maskJoin: 'mj', customMask: 'cm', globalTokens: 'global', paint: 'paint', temperature: 'temp', alibi: 'alibi', softcap: 'cap', seed: 'seed', dK: 'dk',
      heads: 'heads', viewBatch: 'vb', viewHead: 'vh', weightScale: 'wscale', tileSize: 'tiles', engine: 'engine', language: 'lang',
      present: 'present', step: 'step', focus: 'focus', open: 'open', hide: 'hide', lock: 'lock', row: 'row', quiz: 'quiz',
    });
  });
});

/** "with no warning", "with an out-of-range warning" …: test titles from the expected warnings. */
function warningLabel(warnings: readonly StateWarning[]): string {
  if (warnings.length === 0) return 'with no warning';
  const codes = warnings.map((w) => w.code).join(' + ');
  return `with ${/^[aeiou]/.test(codes) ? 'an' : 'a'} ${codes} warning`;
}

describe('quiz', () => {
  it('quiz=1 reads quiz: true and writes back as quiz=1; absent is false; quiz=yes is a bad-value warning', () => {
    expect(decodeScenario('v=2&quiz=1&causal=1').scenario).toMatchObject({ quiz: true, causal: true });
    expect(encodeScenario({ ...DEFAULT_SCENARIO, quiz: true })).toBe('v=2&quiz=1');
    expect(decodeScenario('v=2').scenario.quiz).toBe(false);
    const bad = decodeScenario('v=2&quiz=yes');
    expect(bad.scenario.quiz).toBe(false);
    expect(bad.warnings).toEqual([{ param: 'quiz', code: 'bad-value', value: 'yes', used: '0' }]);
  });
});

describe('tok (the tokenizer)', () => {
  it('tok: a link without it reads as auto; tok=gpt2 round-trips; an unknown value warns and reads auto', () => {
    expect(decodeScenario('v=2').scenario.tokenizer).toBe('auto');
    expect(encodeScenario({ ...DEFAULT_SCENARIO, tokenizer: 'word' })).toBe('v=2&tok=word');
    expect(decodeScenario('v=2&tok=gpt2').scenario.tokenizer).toBe('gpt2');
    const bad = decodeScenario('v=2&tok=bpe');
    expect(bad.scenario.tokenizer).toBe('auto');
    expect(bad.warnings).toEqual([expect.objectContaining({ param: 'tok', code: 'bad-value', value: 'bpe', used: 'auto' })]);
  });
});
