import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { blockingTerms, buildMaskSpec, causalAllows, evaluateMask } from '../../src/engine/masks';
import { maskTensor } from '../../src/engine/maskTensor';
import type { AttentionShape } from '../../src/engine/types';
import { flat } from '../helpers/arrays';

const shape = (batch: number, queryLength: number, keyLength: number, heads = 1): AttentionShape => ({
  batch, heads, queryLength, keyLength, dK: 2, dV: 2,
});
const causal = (alignment: 'bottom-right' | 'top-left') => buildMaskSpec({ causal: alignment, keyIsReal: null });

describe('causal masks', () => {
  it('evaluateMask causal bottom-right, Lq=2 Lk=4: rows [1,1,1,0] and [1,1,1,1]', () => {
    expect([...evaluateMask(causal('bottom-right'), shape(1, 2, 4))]).toEqual(flat([[1, 1, 1, 0], [1, 1, 1, 1]]));
  });

  it('evaluateMask causal top-left, Lq=2 Lk=4: rows [1,0,0,0] and [1,1,0,0] (PyTorch is_causal)', () => {
    expect([...evaluateMask(causal('top-left'), shape(1, 2, 4))]).toEqual(flat([[1, 0, 0, 0], [1, 1, 0, 0]]));
  });

  it('evaluateMask causal bottom-right, Lq=4 Lk=2: the top Lq − Lk rows are fully masked', () => {
    expect([...evaluateMask(causal('bottom-right'), shape(1, 4, 2))]).toEqual(flat([[0, 0], [0, 0], [1, 0], [1, 1]]));
  });

  it('evaluateMask causal, Lq=Lk=3: both alignments give the lower triangle', () => {
    const lower = flat([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    expect([...evaluateMask(causal('bottom-right'), shape(1, 3, 3))]).toEqual(lower);
    expect([...evaluateMask(causal('top-left'), shape(1, 3, 3))]).toEqual(lower);
  });

  it('causalAllows bottom-right, Lq=1 Lk=5 (KV-cache decode step): the one query sees every key', () => {
    expect([0, 1, 2, 3, 4].map((k) => causalAllows(0, k, 1, 5, 'bottom-right'))).toEqual([true, true, true, true, true]);
  });

  it('buildMaskSpec with no mask: every cell allowed', () => {
    expect([...evaluateMask(buildMaskSpec({ causal: null, keyIsReal: null }), shape(1, 2, 2))]).toEqual([1, 1, 1, 1]);
  });
});

describe('key padding', () => {
  const keyIsReal = [
    [true, true, true],
    [true, false, false],
  ];

  it('evaluateMask key padding, B=2: padded keys block whole columns of their batch item only', () => {
    const mask = evaluateMask(buildMaskSpec({ causal: null, keyIsReal }), shape(2, 2, 3));
    expect([...mask]).toEqual(flat([[1, 1, 1], [1, 1, 1], [1, 0, 0], [1, 0, 0]]));
  });

  it('blockingTerms causal + key padding: names both masks when both block the cell, none when allowed', () => {
    const spec = buildMaskSpec({ causal: 'top-left', keyIsReal });
    const s = shape(2, 2, 3);
    expect(blockingTerms(spec, s, { b: 1, h: 0, q: 0, k: 2 })).toEqual(['causal', 'key padding']);
    expect(blockingTerms(spec, s, { b: 1, h: 0, q: 1, k: 1 })).toEqual(['key padding']);
    expect(blockingTerms(spec, s, { b: 0, h: 0, q: 0, k: 1 })).toEqual(['causal']);
    expect(blockingTerms(spec, s, { b: 0, h: 0, q: 1, k: 1 })).toEqual([]);
  });

  it('buildMaskSpec with ragged keyIsReal rows: throws', () => {
    expect(() => buildMaskSpec({ causal: null, keyIsReal: [[true, true], [true]] })).toThrow(/differ in length/);
  });
});

describe('maskTensor (compiled) agrees with evaluateMask (per cell)', () => {
  it('for random shapes, alignments and padding (fast-check)', async () => {
    await tf.setBackend('cpu');
    const arbitrary = fc
      .record({
        batch: fc.integer({ min: 1, max: 3 }),
        heads: fc.integer({ min: 1, max: 3 }),
        queryLength: fc.integer({ min: 1, max: 9 }),
        keyLength: fc.integer({ min: 1, max: 9 }),
        causal: fc.constantFrom<null | 'bottom-right' | 'top-left'>(null, 'bottom-right', 'top-left'),
        padding: fc.boolean(),
        seed: fc.integer(),
      })
      .map((r) => {
        const keyIsReal = r.padding
          ? Array.from({ length: r.batch }, (_, b) => Array.from({ length: r.keyLength }, (_, k) => ((r.seed >>> (b * 9 + k)) & 1) === 1))
          : null;
        return { shape: shape(r.batch, r.queryLength, r.keyLength, r.heads), spec: buildMaskSpec({ causal: r.causal, keyIsReal }) };
      });
    fc.assert(
      fc.property(arbitrary, ({ shape: s, spec }) => {
        const compiled = tf.tidy(() => maskTensor(spec, s).dataSync());
        expect([...compiled]).toEqual([...evaluateMask(spec, s)]);
      }),
      { numRuns: 200 },
    );
  });

  it('maskTensor with a keyIsReal table of the wrong batch size: throws naming the table', async () => {
    await tf.setBackend('cpu');
    const spec = buildMaskSpec({ causal: null, keyIsReal: [[true]] });
    expect(() => maskTensor(spec, shape(2, 1, 1))).toThrow(/keyIsReal must be \[B=2, Lk=1\], got \[1, 1\]/);
    expect(() => evaluateMask(spec, shape(2, 1, 1))).toThrow(/keyIsReal must be/);
  });
});
