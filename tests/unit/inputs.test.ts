import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeLines } from '../../src/engine/tokenize';
import { PAD_TOKEN, padBatch, placeholderBatch, positionIds } from '../../src/engine/sequences';
import { embedBatch, positionalEncoding, projectHeads, projectionMatrix, tokenEmbedding } from '../../src/engine/projections';
import { buildAttentionInputs } from '../../src/engine/inputs';
import { formatExpr } from '../../src/engine/mask';
import { expectArraysClose } from '../helpers/arrays';

describe('tokenize', () => {
  it('tokenize English: splits on spaces and punctuation', () => {
    expect(tokenize('The cat sat on the mat.')).toEqual(['The', 'cat', 'sat', 'on', 'the', 'mat', '.']);
    expect(tokenize("Hello, world! It's 3.5")).toEqual(['Hello', ',', 'world', '!', 'It', "'", 's', '3', '.', '5']);
  });

  it('tokenize Chinese: one token per character, punctuation apart', () => {
    expect(tokenize('猫坐在垫子上。')).toEqual(['猫', '坐', '在', '垫', '子', '上', '。']);
  });

  it('tokenize mixed scripts: Latin runs stay words, Han characters split, accents kept', () => {
    expect(tokenize('GPT模型 était')).toEqual(['GPT', '模', '型', 'était']);
  });

  it('tokenize blank text: no tokens', () => {
    expect(tokenize('  \n\t ')).toEqual([]);
  });

  it('tokenizeLines: one sequence per non-blank line', () => {
    expect(tokenizeLines('a b\n\n c \r\nd')).toEqual([['a', 'b'], ['c'], ['d']]);
  });
});

describe('padBatch and positions', () => {
  it('padBatch right: pads the shorter sequence at the end', () => {
    const batch = padBatch([['a', 'b', 'c'], ['d']], 'right');
    expect(batch.tokens).toEqual([['a', 'b', 'c'], ['d', PAD_TOKEN, PAD_TOKEN]]);
    expect(batch.isReal).toEqual([[true, true, true], [true, false, false]]);
    expect(batch.length).toBe(3);
  });

  it('padBatch left: pads the shorter sequence at the start', () => {
    const batch = padBatch([['a', 'b', 'c'], ['d']], 'left');
    expect(batch.tokens).toEqual([['a', 'b', 'c'], [PAD_TOKEN, PAD_TOKEN, 'd']]);
    expect(batch.isReal).toEqual([[true, true, true], [false, false, true]]);
  });

  it('padBatch with an empty sequence: throws', () => {
    expect(() => padBatch([['a'], []], 'right')).toThrow(/no empty sequence/);
  });

  it('positionIds: real tokens numbered from 0, padding at 0 (Hugging Face position_ids)', () => {
    expect(positionIds([false, false, true, true, true])).toEqual([0, 0, 0, 1, 2]);
    expect(positionIds([true, true, false])).toEqual([0, 1, 0]);
  });

  it('placeholderBatch: q0..q{L−1} for every batch item, none padded', () => {
    expect(placeholderBatch('q', 3, 2)).toEqual({
      tokens: [['q0', 'q1', 'q2'], ['q0', 'q1', 'q2']],
      isReal: [[true, true, true], [true, true, true]],
      length: 3,
    });
  });
});

describe('embeddings', () => {
  it('positionalEncoding(0): sin(0)=0 on even, cos(0)=1 on odd dimensions', () => {
    expectArraysClose(positionalEncoding(0, 4), [0, 1, 0, 1]);
  });

  it('positionalEncoding(1, d=4): [sin 1, cos 1, sin 0.01, cos 0.01] (Vaswani §3.5)', () => {
    expectArraysClose(positionalEncoding(1, 4), [Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)], 1e-12);
  });

  it('tokenEmbedding: the same token and seed give the same vector, another seed another', () => {
    expect([...tokenEmbedding('cat', 42, 8)]).toEqual([...tokenEmbedding('cat', 42, 8)]);
    expect([...tokenEmbedding('cat', 42, 8)]).not.toEqual([...tokenEmbedding('cat', 43, 8)]);
    expect([...tokenEmbedding('cat', 42, 8)]).not.toEqual([...tokenEmbedding('mat', 42, 8)]);
  });

  it('embedBatch, left vs right padding: the real tokens get identical vectors', () => {
    const right = padBatch([['a', 'b', 'c'], ['d', 'e']], 'right');
    const left = padBatch([['a', 'b', 'c'], ['d', 'e']], 'left');
    const width = 8;
    const r = embedBatch(right, 1, width);
    const l = embedBatch(left, 1, width);
    // batch item 1: right-padded 'd','e' at positions 0,1 of the row; left-padded at 1,2
    expect([...r.slice(3 * width, 5 * width)]).toEqual([...l.slice(4 * width, 6 * width)]);
  });
});

describe('buildAttentionInputs', () => {
  const settings = { seed: 7, dK: 4, heads: 2 };

  it('self-attention: K and V come from the query tokens; shapes [B,H,L,dK]', () => {
    const batch = padBatch([['the', 'cat'], ['a']], 'right');
    const inputs = buildAttentionInputs(batch, batch, settings, { causal: 'bottom-right', keyPadding: true, queryPadding: true });
    expect(inputs.shape).toEqual({ batch: 2, heads: 2, queryLength: 2, keyLength: 2, dK: 4, dV: 4 });
    expect(inputs.q.length).toBe(2 * 2 * 2 * 4);
    expect(formatExpr(inputs.mask.expr)).toBe('k <= q + (Lk - Lq) && keyIsReal[b][k]');
    expect(inputs.mask.tables.keyIsReal).toEqual({ shape: [2, 2], data: Uint8Array.from([1, 1, 1, 0]) });
    expect(inputs.queryIsReal).toEqual([[true, true], [true, false]]);
  });

  it('cross-attention: keys from the source side, its padding for the keys, the target’s for the queries', () => {
    const target = padBatch([['x']], 'right');
    const source = padBatch([['a', 'b', 'c']], 'right');
    const inputs = buildAttentionInputs(target, source, settings, { causal: null, keyPadding: true, queryPadding: false });
    expect(inputs.shape.queryLength).toBe(1);
    expect(inputs.shape.keyLength).toBe(3);
    expect(inputs.k.length).toBe(1 * 2 * 3 * 4);
    expect(inputs.queryIsReal).toEqual([[true]]);
  });

  it('the same token at the same position gives the same q in both batch items', () => {
    const batch = padBatch([['cat', 'sat'], ['cat', 'ran']], 'right');
    const { q } = buildAttentionInputs(batch, batch, settings, { causal: null, keyPadding: false, queryPadding: false });
    const qAt = (b: number, h: number, i: number) => [...q.slice(((b * 2 + h) * 2 + i) * 4, ((b * 2 + h) * 2 + i + 1) * 4)];
    expect(qAt(0, 1, 0)).toEqual(qAt(1, 1, 0));
    expect(qAt(0, 1, 1)).not.toEqual(qAt(1, 1, 1));
  });

  it('different batch sizes on the two sides: throws naming both', () => {
    const one = padBatch([['a']], 'right');
    const two = padBatch([['a'], ['b']], 'right');
    expect(() => buildAttentionInputs(one, two, settings, { causal: null, keyPadding: false, queryPadding: false })).toThrow(/query side has 1 sequences, key side 2/);
  });
});

describe('tokenize emoji and invisible characters', () => {
  it('tokenize emoji: a ZWJ family, a skin tone and a flag are one token each', () => {
    expect(tokenize('hi 👨‍👩‍👧 👍🏽 🇫🇷!')).toEqual(['hi', '👨‍👩‍👧', '👍🏽', '🇫🇷', '!']);
  });

  it('tokenize drops invisible format characters (zero-width joiner, BOM) outside emoji', () => {
    expect(tokenize('a\u200Db \uFEFFc')).toEqual(['a', 'b', 'c']);
  });
});

describe('projectHeads', () => {
  /** x·W in plain float64, one sum per output in j order, rounded to float32. */
  function naive(x: Float64Array, B: number, L: number, d: number, name: string, seed: number, dK: number, H: number, heads: number[]): Float32Array {
    const out = new Float32Array(B * H * L * dK);
    for (const h of heads) {
      const w = projectionMatrix(name, h, seed, d, dK);
      for (let b = 0; b < B; b++) for (let i = 0; i < L; i++) for (let c = 0; c < dK; c++) {
        let sum = 0;
        for (let j = 0; j < d; j++) sum += (x[(b * L + i) * d + j] as number) * (w[j * dK + c] as number);
        out[((b * H + h) * L + i) * dK + c] = sum;
      }
    }
    return out;
  }
  it('equals x·W summed in order (blocked rows and columns, odd L, dK not a multiple of 4, some heads only), W kept between calls', () => {
    const [B, L, d, dK, H] = [2, 5, 32, 6, 3];
    const x = new Float64Array(B * L * d).map((_, i) => Math.sin(i * 0.37));
    for (const heads of [[0, 1, 2], [2]]) {
      for (let round = 0; round < 2; round++) {
        const got = projectHeads(x, { batch: B, length: L, width: d }, 'W_K', { seed: 9, dK, heads: H }, heads);
        expect([...got]).toEqual([...naive(x, B, L, d, 'W_K', 9, dK, H, heads)]);
      }
    }
  });
});
