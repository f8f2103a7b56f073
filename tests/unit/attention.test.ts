import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { computeAttention } from '../../src/engine/attention';
import { referenceAttention } from '../../src/engine/reference';
import { buildMaskSpec } from '../../src/engine/masks';
import { RowStatus, type AttentionInputs } from '../../src/engine/types';
import { expectArraysClose, flat, sliceMatrix } from '../helpers/arrays';
import { ENGINE_CASES, makeInputs } from '../helpers/cases';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Tolerance for float32 against float64: looser when scores are pushed towards ±1000. */
const tolerance = (magnitude = 1) => (magnitude > 1 ? 2e-3 : 2e-5);

describe('computeAttention (tfjs CPU) against the float64 reference', () => {
  for (const spec of ENGINE_CASES) {
    it(`${spec.name}: every stage matches, no NaN`, async () => {
      const inputs = makeInputs(spec);
      const got = await computeAttention(inputs);
      const want = referenceAttention(inputs);
      const tol = tolerance(spec.magnitude);
      expect([...got.mask]).toEqual([...want.mask]);
      expect([...got.rowStatus]).toEqual([...want.rowStatus]);
      expectArraysClose(got.scores, want.scores, tol);
      expectArraysClose(got.scaled, want.scaled, tol);
      expectArraysClose(got.masked, want.masked, tol);
      expectArraysClose(got.weights, want.weights, tol);
      expectArraysClose(got.output, want.output, tol);
      for (const stage of [got.weights, got.output, got.scaled]) expect(stage.some(Number.isNaN)).toBe(false);
    });
  }
});

describe('computeAttention edge cases', () => {
  it('every key padded: weights 0, output 0, row flagged fully masked, no NaN', async () => {
    const inputs = makeInputs(ENGINE_CASES.find((c) => c.name === 'every key padded in one batch item')!);
    const got = await computeAttention(inputs);
    const { heads, queryLength: Lq, keyLength: Lk, dV } = inputs.shape;
    const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));
    for (let h = 0; h < heads; h++) {
      expect(sliceMatrix(got.weights, { heads, rows: Lq, cols: Lk }, 1, h)).toEqual(zeros(Lq, Lk));
      expect(sliceMatrix(got.output, { heads, rows: Lq, cols: dV }, 1, h)).toEqual(zeros(Lq, dV));
      expect([...got.rowStatus.slice((heads + h) * Lq, (heads + h + 1) * Lq)]).toEqual(new Array(Lq).fill(RowStatus.fullyMasked));
    }
    expect(got.masked.slice(heads * Lq * Lk).every((x) => x === -Infinity)).toBe(true);
  });

  it('causal bottom-right, Lq=4 Lk=2: the top two rows have weights 0 and are flagged', async () => {
    const inputs = makeInputs({ name: '', shape: { batch: 1, heads: 1, queryLength: 4, keyLength: 2, dK: 2, dV: 2 }, causal: 'bottom-right', keyLengths: null, queryLengths: null, seed: 3 });
    const got = await computeAttention(inputs);
    expect([...got.weights.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect(got.weights[4]).toBe(1);
    expect(got.weights[5]).toBe(0);
    expect([...got.rowStatus]).toEqual([RowStatus.fullyMasked, RowStatus.fullyMasked, 0, 0]);
  });

  it('equal scores: weights are uniform over the allowed keys, 1/3 under causal row 2', async () => {
    const inputs: AttentionInputs = {
      shape: { batch: 1, heads: 1, queryLength: 3, keyLength: 3, dK: 2, dV: 2 },
      q: new Float32Array(6).fill(1),
      k: new Float32Array(6).fill(1),
      v: Float32Array.from([1, 0, 0, 1, 1, 1]),
      mask: buildMaskSpec({ causal: 'bottom-right', keyIsReal: null }),
      queryIsReal: [[true, true, true]],
    };
    const got = await computeAttention(inputs);
    expectArraysClose(got.weights, flat([[1, 0, 0], [0.5, 0.5, 0], [1 / 3, 1 / 3, 1 / 3]]), 1e-6);
    expectArraysClose(got.output, flat([[1, 0], [0.5, 0.5], [2 / 3, 2 / 3]]), 1e-6);
  });

  it('scores near ±1000: weights stay finite and one-hot, no overflow', async () => {
    const inputs: AttentionInputs = {
      shape: { batch: 1, heads: 1, queryLength: 2, keyLength: 3, dK: 1, dV: 1 },
      q: Float32Array.from([1000, -1000]),
      k: Float32Array.from([1, -1, 0.5]),
      v: Float32Array.from([1, 2, 3]),
      mask: buildMaskSpec({ causal: null, keyIsReal: null }),
      queryIsReal: [[true, true]],
      scale: 1,
    };
    const got = await computeAttention(inputs);
    expectArraysClose(got.scaled, flat([[1000, -1000, 500], [-1000, 1000, -500]]));
    expectArraysClose(got.weights, flat([[1, 0, 0], [0, 1, 0]]));
    expectArraysClose(got.output, [1, 2]);
  });

  it('computeAttention with a q of the wrong length: rejects naming q and its expected shape', async () => {
    const inputs = makeInputs(ENGINE_CASES[0]!);
    await expect(computeAttention({ ...inputs, q: new Float32Array(3) })).rejects.toThrow(/q has 3 values, expected \[B,H,Lq,dK\]/);
  });
});

describe('computeAttention memory', () => {
  it('does not leak tensors: the tensor count is unchanged after 25 computes', async () => {
    const inputs = makeInputs(ENGINE_CASES[7]!);
    await computeAttention(inputs); // first call may register kernels
    const before = tf.memory().numTensors;
    for (let i = 0; i < 25; i++) await computeAttention(inputs);
    expect(tf.memory().numTensors).toBe(before);
  });
});
