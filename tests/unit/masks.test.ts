import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { blockReason, causalAllows, evaluateMask, maskTensor } from '../../src/engine/masks';
import { BlockReason, type AttentionShape, type MaskSpec } from '../../src/engine/types';
import { flat } from '../helpers/arrays';

const shape = (batch: number, queryLength: number, keyLength: number, heads = 1): AttentionShape => ({
  batch, heads, queryLength, keyLength, dK: 2, dV: 2,
});

describe('causal masks', () => {
  it('evaluateMask causal bottom-right, Lq=2 Lk=4: rows [1,1,1,0] and [1,1,1,1]', () => {
    const mask = evaluateMask({ causal: 'bottom-right', keyIsReal: null }, shape(1, 2, 4));
    expect([...mask]).toEqual(flat([[1, 1, 1, 0], [1, 1, 1, 1]]));
  });

  it('evaluateMask causal top-left, Lq=2 Lk=4: rows [1,0,0,0] and [1,1,0,0] (PyTorch is_causal)', () => {
    const mask = evaluateMask({ causal: 'top-left', keyIsReal: null }, shape(1, 2, 4));
    expect([...mask]).toEqual(flat([[1, 0, 0, 0], [1, 1, 0, 0]]));
  });

  it('evaluateMask causal bottom-right, Lq=4 Lk=2: the top Lq − Lk rows are fully masked', () => {
    const mask = evaluateMask({ causal: 'bottom-right', keyIsReal: null }, shape(1, 4, 2));
    expect([...mask]).toEqual(flat([[0, 0], [0, 0], [1, 0], [1, 1]]));
  });

  it('evaluateMask causal, Lq=Lk=3: both alignments give the lower triangle', () => {
    const lower = flat([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    expect([...evaluateMask({ causal: 'bottom-right', keyIsReal: null }, shape(1, 3, 3))]).toEqual(lower);
    expect([...evaluateMask({ causal: 'top-left', keyIsReal: null }, shape(1, 3, 3))]).toEqual(lower);
  });

  it('causalAllows bottom-right, Lq=1 Lk=5 (KV-cache decode step): the one query sees every key', () => {
    expect([0, 1, 2, 3, 4].map((k) => causalAllows(0, k, 1, 5, 'bottom-right'))).toEqual([true, true, true, true, true]);
  });
});

describe('key padding', () => {
  const keyIsReal = [
    [true, true, true],
    [true, false, false],
  ];

  it('evaluateMask key padding, B=2: padded keys block whole columns of their batch item only', () => {
    const mask = evaluateMask({ causal: null, keyIsReal }, shape(2, 2, 3));
    expect([...mask]).toEqual(flat([[1, 1, 1], [1, 1, 1], [1, 0, 0], [1, 0, 0]]));
  });

  it('blockReason causal + key padding: reports both masks when both block the cell', () => {
    const spec: MaskSpec = { causal: 'top-left', keyIsReal };
    expect(blockReason(spec, shape(2, 2, 3), 1, 0, 2)).toBe(BlockReason.causal | BlockReason.keyPadding);
    expect(blockReason(spec, shape(2, 2, 3), 1, 1, 1)).toBe(BlockReason.keyPadding);
    expect(blockReason(spec, shape(2, 2, 3), 0, 0, 1)).toBe(BlockReason.causal);
    expect(blockReason(spec, shape(2, 2, 3), 0, 1, 1)).toBe(BlockReason.allowed);
  });
});

describe('maskTensor (compiled) agrees with evaluateMask (per cell)', () => {
  tf.setBackend('cpu');

  it('for random shapes, alignments and padding (fast-check)', async () => {
    await tf.ready();
    const arbitrary = fc
      .record({
        batch: fc.integer({ min: 1, max: 3 }),
        heads: fc.integer({ min: 1, max: 3 }),
        queryLength: fc.integer({ min: 1, max: 9 }),
        keyLength: fc.integer({ min: 1, max: 9 }),
        causal: fc.constantFrom<MaskSpec['causal']>(null, 'bottom-right', 'top-left'),
        padding: fc.boolean(),
        seed: fc.integer(),
      })
      .map((r) => {
        const keyIsReal = r.padding
          ? Array.from({ length: r.batch }, (_, b) =>
              Array.from({ length: r.keyLength }, (_, k) => ((r.seed >>> (b * 9 + k)) & 1) === 1),
            )
          : null;
        return { shape: shape(r.batch, r.queryLength, r.keyLength, r.heads), spec: { causal: r.causal, keyIsReal } };
      });
    fc.assert(
      fc.property(arbitrary, ({ shape: s, spec }) => {
        const compiled = tf.tidy(() =>
          tf.broadcastTo(maskTensor(spec, s), [s.batch, s.heads, s.queryLength, s.keyLength]).dataSync(),
        );
        expect([...compiled]).toEqual([...evaluateMask(spec, s)]);
      }),
      { numRuns: 200 },
    );
  });

  it('maskTensor with keyIsReal of the wrong shape: throws naming the expected [B][Lk]', () => {
    expect(() => maskTensor({ causal: null, keyIsReal: [[true]] }, shape(2, 1, 1))).toThrow(/\[B=2\]\[Lk=1\]/);
  });
});
