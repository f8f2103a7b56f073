import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { blockingTerms, buildMaskSpec, evaluateMask } from '../../src/engine/masks';
import { causalLengthTables, isPadded, readingsAgree, realExtents } from '../../src/engine/causalLengths';
import { compileMaskRows, formatExpr } from '../../src/engine/mask';
import { maskTensor } from '../../src/engine/maskTensor';
import type { AttentionShape } from '../../src/engine/types';

type Alignment = 'bottom-right' | 'top-left';
type Reading = 'real' | 'padded';

/** [B][L] flags of sequences of the given real lengths, padded to L on one side. */
function flags(lengths: number[], L: number, side: 'right' | 'left'): boolean[][] {
  return lengths.map((n) => Array.from({ length: L }, (_, i) => (side === 'right' ? i < n : i >= L - n)));
}

const shapeOf = (queryIsReal: boolean[][], keyIsReal: boolean[][]): AttentionShape => ({
  batch: queryIsReal.length, heads: 1, queryLength: queryIsReal[0]?.length ?? 0, keyLength: keyIsReal[0]?.length ?? 0, dK: 2, dV: 2,
});

/** The mask (causal + key padding) of batch item b as rows of 0/1. */
function itemRows(alignment: Alignment, reading: Reading, queryIsReal: boolean[][], keyIsReal: boolean[][], b: number): number[][] {
  const spec = buildMaskSpec({
    causal: alignment, keyIsReal, realLengths: reading === 'real' ? { queryIsReal, keyIsReal } : null,
  });
  const s = shapeOf(queryIsReal, keyIsReal);
  const grid = evaluateMask(spec, s);
  const { queryLength: Lq, keyLength: Lk } = s;
  return Array.from({ length: Lq }, (_, q) => [...grid.slice((b * Lq + q) * Lk, (b * Lq + q + 1) * Lk)]);
}

describe('realExtents / causalLengthTables / isPadded', () => {
  it('realExtents: first real token and real length of right- and left-padded rows', () => {
    const { start, length } = realExtents([[true, true, true, false], [false, true, true, true], [true, true, true, true]]);
    expect([...start]).toEqual([0, 1, 0]);
    expect([...length]).toEqual([3, 3, 4]);
  });

  it('realExtents: real tokens with a gap throw, naming the sequence', () => {
    expect(() => realExtents([[true, false, true]])).toThrow(/sequence 0 are not contiguous/);
  });

  it('causalLengthTables: four [B] int32 tables; sides of different batch sizes throw', () => {
    const tables = causalLengthTables(flags([1, 2], 2, 'left'), flags([3, 4], 4, 'right'));
    expect(Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, [...t.data]]))).toEqual({
      queryStart: [1, 0], queryLen: [1, 2], keyStart: [0, 0], keyLen: [3, 4],
    });
    expect(() => causalLengthTables(flags([1], 1, 'right'), flags([1, 1], 1, 'right'))).toThrow(/1 query sequences but 2 key/);
  });

  it('isPadded: true only when some row of some side has a padding token', () => {
    expect(isPadded(flags([2, 2], 2, 'right'), flags([3], 3, 'right'))).toBe(false);
    expect(isPadded(flags([2, 2], 2, 'right'), flags([3, 4], 4, 'right'))).toBe(true);
  });
});

describe('causal with real lengths vs the padded shape (hand-written matrices)', () => {
  // Cross-attention, queries q0 q1 in both items; keys k0 k1 k2 (+ padding) and k0 k1 k2 k3.
  const queries = flags([2, 2], 2, 'right');

  it('bottom-right, right-padded keys (issue #11): real lengths give item 0 what it gets alone', () => {
    const keys = flags([3, 4], 4, 'right');
    expect(itemRows('bottom-right', 'real', queries, keys, 0)).toEqual([[1, 1, 0, 0], [1, 1, 1, 0]]);
    expect(itemRows('bottom-right', 'padded', queries, keys, 0)).toEqual([[1, 1, 1, 0], [1, 1, 1, 0]]);
    // alone in its batch: Lq = 2, Lk = 3 → [1,1,0], [1,1,1]
    expect(itemRows('bottom-right', 'padded', flags([2], 2, 'right'), flags([3], 3, 'right'), 0)).toEqual([[1, 1, 0], [1, 1, 1]]);
    // the unpadded item is the same in both readings
    expect(itemRows('bottom-right', 'real', queries, keys, 1)).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
    expect(itemRows('bottom-right', 'padded', queries, keys, 1)).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
  });

  it('bottom-right, left-padded keys: both readings agree (the padding shifts k and Lk alike)', () => {
    const keys = flags([3, 4], 4, 'left');
    expect(itemRows('bottom-right', 'real', queries, keys, 0)).toEqual([[0, 1, 1, 0], [0, 1, 1, 1]]);
    expect(itemRows('bottom-right', 'padded', queries, keys, 0)).toEqual([[0, 1, 1, 0], [0, 1, 1, 1]]);
  });

  it('top-left, right-padded keys: both readings agree (k ≤ q)', () => {
    const keys = flags([3, 4], 4, 'right');
    expect(itemRows('top-left', 'real', queries, keys, 0)).toEqual([[1, 0, 0, 0], [1, 1, 0, 0]]);
    expect(itemRows('top-left', 'padded', queries, keys, 0)).toEqual([[1, 0, 0, 0], [1, 1, 0, 0]]);
  });

  it('top-left, left-padded keys: real lengths count keys from k0; the padded shape leaves row 0 fully masked', () => {
    const keys = flags([3, 4], 4, 'left');
    expect(itemRows('top-left', 'real', queries, keys, 0)).toEqual([[0, 1, 0, 0], [0, 1, 1, 0]]);
    expect(itemRows('top-left', 'padded', queries, keys, 0)).toEqual([[0, 0, 0, 0], [0, 1, 0, 0]]);
  });

  it('bottom-right, a right-padded query (one-query decode step beside a two-query item): real lengths see all 4 keys', () => {
    const decode = flags([1, 2], 2, 'right');
    const keys = flags([4, 4], 4, 'right');
    // row 1 is a padding query (marked, not blocked by the mask)
    expect(itemRows('bottom-right', 'real', decode, keys, 0)).toEqual([[1, 1, 1, 1], [1, 1, 1, 1]]);
    expect(itemRows('bottom-right', 'padded', decode, keys, 0)).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
  });

  it('bottom-right, a left-padded query: both readings agree; top-left differs', () => {
    const decode = flags([1, 2], 2, 'left');
    const keys = flags([4, 4], 4, 'right');
    expect(itemRows('bottom-right', 'real', decode, keys, 0)).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
    expect(itemRows('bottom-right', 'padded', decode, keys, 0)).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
    // real: the query at row 1 is the item's first, so it sees k0 (and row 0, padding, sees nothing)
    expect(itemRows('top-left', 'real', decode, keys, 0)).toEqual([[0, 0, 0, 0], [1, 0, 0, 0]]);
    expect(itemRows('top-left', 'padded', decode, keys, 0)).toEqual([[1, 0, 0, 0], [1, 1, 0, 0]]);
  });

  it('self-attention, right and left padding, both alignments: both readings give k ≤ q (with key padding)', () => {
    const right = flags([3, 1], 3, 'right');
    const left = flags([3, 1], 3, 'left');
    for (const alignment of ['bottom-right', 'top-left'] as const) {
      for (const reading of ['real', 'padded'] as const) {
        expect(itemRows(alignment, reading, right, right, 1)).toEqual([[1, 0, 0], [1, 0, 0], [1, 0, 0]]);
        expect(itemRows(alignment, reading, left, left, 1)).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 1]]);
        expect(itemRows(alignment, reading, right, right, 0)).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
      }
    }
  });

  it('formula and why: the real reading reads the four tables, and a blocked cell names causal', () => {
    const queryIsReal = queries;
    const keyIsReal = flags([3, 4], 4, 'right');
    const spec = buildMaskSpec({ causal: 'bottom-right', keyIsReal, realLengths: { queryIsReal, keyIsReal } });
    expect(formatExpr(spec.expr)).toBe('k - keyStart[b] <= q - queryStart[b] + (keyLen[b] - queryLen[b]) && keyIsReal[b][k]');
    expect(blockingTerms(spec, shapeOf(queryIsReal, keyIsReal), { b: 0, h: 0, q: 0, k: 2 })).toEqual(['causal']);
    const leftKeys = flags([3, 4], 4, 'left');
    const topLeft = buildMaskSpec({ causal: 'top-left', keyIsReal: null, realLengths: { queryIsReal, keyIsReal: leftKeys } });
    expect(formatExpr(topLeft.expr)).toBe('k - keyStart[b] <= q - queryStart[b]');
  });

  it('readingsAgree: self-attention, no padding, bottom-right with left padding, top-left with right padding', () => {
    const right = flags([3, 4], 4, 'right');
    const left = flags([3, 4], 4, 'left');
    expect(readingsAgree('bottom-right', right, right)).toBe(true);
    expect(readingsAgree('bottom-right', queries, left)).toBe(true);
    expect(readingsAgree('top-left', queries, right)).toBe(true);
    expect(readingsAgree('bottom-right', queries, right)).toBe(false);
    expect(readingsAgree('top-left', queries, left)).toBe(false);
    expect(readingsAgree('bottom-right', flags([1, 2], 2, 'right'), flags([4, 4], 4, 'right'))).toBe(false);
  });

  it('where the readings agree: the plain causal term (k <= q), without tables', () => {
    const selfFlags = flags([3, 1], 3, 'right');
    const self = buildMaskSpec({ causal: 'bottom-right', keyIsReal: null, realLengths: { queryIsReal: selfFlags, keyIsReal: selfFlags } });
    expect(formatExpr(self.expr)).toBe('k <= q + (Lk - Lq)');
    expect(self.tables).toEqual({});
  });

  it('no padding on either side: the plain causal term, without tables', () => {
    const real = flags([2], 2, 'right');
    const spec = buildMaskSpec({ causal: 'bottom-right', keyIsReal: null, realLengths: { queryIsReal: real, keyIsReal: flags([4], 4, 'right') } });
    expect(formatExpr(spec.expr)).toBe('k <= q + (Lk - Lq)');
    expect(spec.tables).toEqual({});
  });
});

describe('causal with real lengths, any batch (fast-check)', () => {
  const batchArb = fc.record({
    queryLengths: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    keyLengths: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 3 }),
    side: fc.constantFrom<'right' | 'left'>('right', 'left'),
    alignment: fc.constantFrom<Alignment>('bottom-right', 'top-left'),
    selfAttention: fc.boolean(),
  }).map((r) => {
    const keyLengths = r.selfAttention ? r.queryLengths : r.keyLengths.slice(0, r.queryLengths.length);
    const queryIsReal = flags(r.queryLengths, Math.max(...r.queryLengths), r.side);
    const keyIsReal = r.selfAttention ? queryIsReal : flags(keyLengths, Math.max(...keyLengths), r.side);
    return { ...r, keyLengths, queryIsReal, keyIsReal };
  });

  it('each item\'s real block equals its mask alone in its batch, whatever the padding side', () => {
    fc.assert(fc.property(batchArb, (r) => {
      r.queryLengths.forEach((lq, b) => {
        const lk = r.keyLengths[b] ?? 0;
        const rows = itemRows(r.alignment, 'real', r.queryIsReal, r.keyIsReal, b);
        const qs = r.queryIsReal[b]?.indexOf(true) ?? 0;
        const ks = r.keyIsReal[b]?.indexOf(true) ?? 0;
        const block = rows.slice(qs, qs + lq).map((row) => row.slice(ks, ks + lk));
        expect(block).toEqual(itemRows(r.alignment, 'padded', flags([lq], lq, 'right'), flags([lk], lk, 'right'), 0));
      });
    }), { numRuns: 200 });
  });

  it('compiled to tfjs (maskTensor) and row by row (compileMaskRows): the same cells as evaluateMask', async () => {
    await tf.setBackend('cpu');
    fc.assert(fc.property(batchArb, (r) => {
      const spec = buildMaskSpec({ causal: r.alignment, keyIsReal: r.keyIsReal, realLengths: { queryIsReal: r.queryIsReal, keyIsReal: r.keyIsReal } });
      const s = shapeOf(r.queryIsReal, r.keyIsReal);
      const expected = [...evaluateMask(spec, s)];
      expect([...tf.tidy(() => maskTensor(spec, s).dataSync())]).toEqual(expected);
      const row = compileMaskRows(spec.expr, { Lq: s.queryLength, Lk: s.keyLength, tables: spec.tables });
      const rows = new Uint8Array(expected.length);
      for (let b = 0; b < s.batch; b++) for (let q = 0; q < s.queryLength; q++) row(b, 0, q, rows, (b * s.queryLength + q) * s.keyLength);
      expect([...rows]).toEqual(expected);
    }), { numRuns: 100 });
  });
});
