import { beforeAll, describe, expect, it } from 'vitest';
import { tokenizeLinesWith, tokenizeWith } from '../../src/engine/tokenizers';
import { gpt2Codec, loadGpt2 } from '../../src/engine/gpt2Codec';
import { gpt2Pieces, labelOf } from '../../src/engine/gpt2Pieces';
import { PAD_TOKEN } from '../../src/engine/sequences';
import { deriveInputs, computeSettingsKey, vectorSettingsKey } from '../../src/scenario/derive';
import { encdecScenarios } from '../../src/scenario/encdecInputs';
import { itemPieces } from '../../src/scenario/itemPieces';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { tokenize } from '../../src/engine/tokenize';
import { documentIdsFromTokens } from '../../src/engine/mask/catalogue/document';

const utf8 = new TextDecoder();

describe('tokenizeWith auto, char, word', () => {
  it('auto is tokenize: words and punctuation, one token per Han character', () => {
    const texts = ['The cat, 猫坐', '我 爱 你', 'GPT模型 était', '  '];
    for (const text of texts) expect(tokenizeWith(text, 'auto')).toEqual(tokenize(text));
    expect(tokenizeWith('我 爱 你', 'auto')).toEqual(['我', '爱', '你']);
  });

  it('char on English: one token per character, spaces dropped, punctuation a character', () => {
    expect(tokenizeWith('Hi, you', 'char')).toEqual(['H', 'i', ',', 'y', 'o', 'u']);
  });

  it('char on Chinese with and without spaces: one token per character either way', () => {
    expect(tokenizeWith('猫坐在垫子上', 'char')).toEqual(['猫', '坐', '在', '垫', '子', '上']);
    expect(tokenizeWith('我 爱　你', 'char')).toEqual(['我', '爱', '你']);
  });

  it('char keeps a letter with its combining mark and an emoji with its modifier whole', () => {
    expect(tokenizeWith('e\u0301t👍🏽', 'char')).toEqual(['e\u0301', 't', '👍🏽']);
  });

  it('word on English: split on whitespace only, punctuation stays with its word', () => {
    expect(tokenizeWith('Hello, world!  ok', 'word')).toEqual(['Hello,', 'world!', 'ok']);
  });

  it('word on Chinese: split on spaces (also U+3000), an unspaced run stays one token', () => {
    expect(tokenizeWith('我 爱 你', 'word')).toEqual(['我', '爱', '你']);
    expect(tokenizeWith('我们　喜欢 猫', 'word')).toEqual(['我们', '喜欢', '猫']);
    expect(tokenizeWith('猫坐在垫子上', 'word')).toEqual(['猫坐在垫子上']);
  });

  it('word on mixed text: GPT模型 is one word; pieces of only invisible characters are dropped', () => {
    expect(tokenizeWith('GPT模型 était \u200B', 'word')).toEqual(['GPT模型', 'était']);
  });

  it('every tokenizer: blank text has no token', () => {
    for (const id of ['auto', 'char', 'word', 'gpt2'] as const) expect(tokenizeWith(' \t　', id)).toEqual([]);
  });

  it('tokenizeLinesWith word: one sequence per line with a token', () => {
    expect(tokenizeLinesWith('我 爱 你\n\n  \nab c', 'word')).toEqual([['我', '爱', '你'], ['ab', 'c']]);
  });
});

describe('labelOf: readable GPT-2 pieces', () => {
  it('a leading space is ␣, a tab ⇥, a control character its hex byte', () => {
    expect(labelOf([0x20, 0x77, 0x6f])).toBe('␣wo');
    expect(labelOf([0x09, 0x0a])).toBe('⇥<0A>');
  });

  it('bytes that are part of a character are hex in angle brackets; whole characters stay text', () => {
    expect(labelOf([0xe6, 0x88])).toBe('<E6 88>');
    expect(labelOf([0x91])).toBe('<91>');
    expect(labelOf([0x20, 0xe7])).toBe('␣<E7>');
    expect(labelOf([0xe5, 0xad, 0x90])).toBe('子');
  });
});

describe('GPT-2 BPE (gpt-tokenizer r50k_base)', () => {
  beforeAll(async () => {
    await loadGpt2();
  });

  it("'Hello world' → GPT-2 ids [15496, 995], pieces 'Hello', ' world' (labelled ␣world)", () => {
    const codec = gpt2Codec();
    if (!codec) throw new Error('GPT-2 not loaded');
    const pieces = gpt2Pieces('Hello world', codec);
    expect(pieces.map((p) => p.id)).toEqual([15496, 995]);
    expect(pieces.map((p) => utf8.decode(new Uint8Array(p.bytes)))).toEqual(['Hello', ' world']);
    expect(tokenizeWith('Hello world', 'gpt2')).toEqual(['Hello', '␣world']);
  });

  it('a Chinese string: the pieces’ bytes decode back to the text; 我 is split as E6 88 | 91', () => {
    const codec = gpt2Codec();
    if (!codec) throw new Error('GPT-2 not loaded');
    for (const text of ['我爱你', '猫坐在垫子上', '我 爱 你', 'GPT模型 était 👍🏽']) {
      const pieces = gpt2Pieces(text, codec);
      expect(utf8.decode(new Uint8Array(pieces.flatMap((p) => p.bytes)))).toBe(text);
    }
    const wo = gpt2Pieces('我爱你', codec);
    expect(wo.slice(0, 2).map((p) => p.label)).toEqual(['<E6 88>', '<91>']);
    expect(wo[0]?.partial).toEqual([{ char: '我', from: 1, to: 2, of: 3 }]);
    expect(wo[1]?.partial).toEqual([{ char: '我', from: 3, to: 3, of: 3 }]);
  });

  it('whole characters carry no partial; the end-of-text token is one special piece', () => {
    const codec = gpt2Codec();
    if (!codec) throw new Error('GPT-2 not loaded');
    expect(gpt2Pieces(' the', codec)).toEqual([{ id: 262, bytes: [0x20, 0x74, 0x68, 0x65], label: '␣the', partial: [] }]);
    expect(gpt2Pieces('a<|endoftext|>b', codec).map((p) => [p.id, p.label])).toEqual([[64, 'a'], [50256, '<|endoftext|>'], [65, 'b']]);
  });

  it('deriveInputs gpt2: a padded batch uses the BPE lengths (2 and 6 pieces → L = 6, right padding)', () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, tokenizer: 'gpt2', queryText: 'Hello world\nThe cat sat on the mat' };
    const derived = deriveInputs(s, { vectors: false });
    if (!derived.ok) throw new Error(derived.error);
    expect(derived.query.tokens).toEqual([
      ['Hello', '␣world', PAD_TOKEN, PAD_TOKEN, PAD_TOKEN, PAD_TOKEN],
      ['The', '␣cat', '␣sat', '␣on', '␣the', '␣mat'],
    ]);
    expect(derived.query.isReal[0]).toEqual([true, true, false, false, false, false]);
    expect(derived.inputs.shape).toMatchObject({ batch: 2, queryLength: 6, keyLength: 6 });
  });

  it('deriveInputs gpt2, left padding: 我爱你 (7 pieces) and Hi (1) → Hi padded on the left', () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, tokenizer: 'gpt2', paddingSide: 'left', queryText: '我爱你\nHi' };
    const derived = deriveInputs(s, { vectors: false });
    if (!derived.ok) throw new Error(derived.error);
    expect(derived.query.length).toBe(7);
    expect(derived.query.tokens[1]).toEqual([...new Array<string>(6).fill(PAD_TOKEN), 'Hi']);
  });

  it('itemPieces: the pieces of line b of the key side in cross-attention', () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, tokenizer: 'gpt2', attention: 'cross', queryText: 'a\nb', keyText: 'x\n\n我' };
    expect(itemPieces(s, 'key', 1)?.map((p) => p.label)).toEqual(['<E6 88>', '<91>']);
    expect(itemPieces({ ...s, tokenizer: 'auto' }, 'key', 1)).toBeNull();
  });
});

describe('the tokenizer in the Scenario', () => {
  it('deriveInputs word on 我 爱 你: 3 tokens; auto: the same 3; char on 我爱你: 3', () => {
    const tokens = (patch: Partial<Scenario>) => {
      const d = deriveInputs({ ...DEFAULT_SCENARIO, ...patch }, { vectors: false });
      return d.ok ? d.key.tokens[0] : null;
    };
    expect(tokens({ tokenizer: 'word', queryText: '我们 爱 你' })).toEqual(['我们', '爱', '你']);
    expect(tokens({ tokenizer: 'auto', queryText: '我们 爱 你' })).toEqual(['我', '们', '爱', '你']);
    expect(tokens({ tokenizer: 'char', queryText: 'ab 猫' })).toEqual(['a', 'b', '猫']);
  });

  it('the tokenizer is a compute and a vector setting (Q/K/V follow the tokens)', () => {
    const other: Scenario = { ...DEFAULT_SCENARIO, tokenizer: 'char' };
    expect(computeSettingsKey(other)).not.toBe(computeSettingsKey(DEFAULT_SCENARIO));
    expect(vectorSettingsKey(other)).not.toBe(vectorSettingsKey(DEFAULT_SCENARIO));
  });

  it('encdecScenarios: lengths mode reads its placeholder lines with the automatic tokens', () => {
    const parts = encdecScenarios({ ...DEFAULT_SCENARIO, attention: 'encdec', inputMode: 'lengths', tokenizer: 'char', queryLength: 3, keyLength: 2 });
    const cross = deriveInputs(parts.cross, { vectors: false });
    if (!cross.ok) throw new Error(cross.error);
    expect(cross.query.tokens[0]).toEqual(['q0', 'q1', 'q2']);
    expect(cross.key.tokens[0]).toEqual(['k0', 'k1']);
  });
});

describe('GPT-2 pieces and the document mask', () => {
  it("documentIdsFromTokens on GPT-2's 'a b | c': the piece '␣|' separates documents like '|'", async () => {
    await loadGpt2();
    const tokens = tokenizeWith('a b | c', 'gpt2');
    expect(tokens).toEqual(['a', '␣b', '␣|', '␣c']);
    expect([...documentIdsFromTokens(tokens, '|')]).toEqual([0, 0, 0, 1]);
  });
});
