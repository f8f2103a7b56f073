import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { computeAttention } from '../../src/engine/attention';
import { referenceAttention } from '../../src/engine/reference';
import { buildMaskSpec } from '../../src/engine/masks';
import { RowStatus, type AttentionInputs } from '../../src/engine/types';
import { expectArraysClose, flat, sliceMatrix } from '../helpers/arrays';
import { ENGINE_CASES, EVERY_MODIFIER_CASE, makeInputs } from '../helpers/cases';

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
      expectArraysClose(got.logits, want.logits, tol);
      expectArraysClose(got.masked, want.masked, tol);
      expectArraysClose(got.weights, want.weights, tol);
      expectArraysClose(got.output, want.output, tol);
      for (const stage of [got.weights, got.output, got.scaled, got.logits]) expect(stage.some(Number.isNaN)).toBe(false);
      if (spec.scoreMods?.softcap) {
        const cap = spec.scoreMods.softcap;
        expect(got.logits.every((x) => Math.abs(x) <= cap)).toBe(true);
      }
    });
  }
});

/** Helper: one (batch 0, head h) matrix of a [B,H,R,C] stage. */
const matrix = (values: ArrayLike<number>, heads: number, rows: number, cols: number, h = 0) => sliceMatrix(values, { heads, rows, cols }, 0, h);

describe('computeAttention score modifiers and the logits stage', () => {
  /** q = 0 so every score is 0: the logits are the bias alone. */
  const zeroScores = (heads: number, Lq: number, Lk: number, causal: null | 'bottom-right' = null): AttentionInputs => ({
    shape: { batch: 1, heads, queryLength: Lq, keyLength: Lk, dK: 2, dV: 1 },
    q: new Float32Array(heads * Lq * 2),
    k: Float32Array.from({ length: heads * Lk * 2 }, (_, i) => i % 3),
    v: Float32Array.from({ length: heads * Lk }, (_, i) => i),
    mask: buildMaskSpec({ causal, keyIsReal: null }),
    queryIsReal: [new Array<boolean>(Lq).fill(true)],
  });

  it('no modifier: logits equal scaled exactly, the engine sharing one buffer for both (engine and reference)', async () => {
    const inputs = makeInputs(ENGINE_CASES[7]!);
    const got = await computeAttention(inputs);
    expect([...got.logits]).toEqual([...got.scaled]);
    expect(got.logits.buffer).toBe(got.scaled.buffer);
    const want = referenceAttention(inputs);
    expect([...want.logits]).toEqual([...want.scaled]);
    const empty = await computeAttention({ ...inputs, scoreMods: { alibi: false, softcap: null } });
    expect([...empty.logits]).toEqual([...got.scaled]);
  });

  it('scoreMods.scale = 1 overrides 1/√dK and inputs.scale: scaled = scores', async () => {
    const inputs: AttentionInputs = {
      shape: { batch: 1, heads: 1, queryLength: 2, keyLength: 2, dK: 4, dV: 1 },
      q: Float32Array.from([1, 1, 0, 0, 0, 2, 0, 0]),
      k: Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0]),
      v: Float32Array.from([1, 2]),
      mask: buildMaskSpec({ causal: null, keyIsReal: null }),
      queryIsReal: [[true, true]],
      scale: 0.25,
    };
    const scores = flat([[1, 1], [0, 2]]);
    expectArraysClose((await computeAttention(inputs)).scaled, flat([[0.25, 0.25], [0, 0.5]]));
    const got = await computeAttention({ ...inputs, scoreMods: { scale: 1 } });
    expectArraysClose(got.scores, scores);
    expectArraysClose(got.scaled, scores);
    expectArraysClose(got.logits, scores);
    expectArraysClose(referenceAttention({ ...inputs, scoreMods: { scale: 1 } }).scaled, scores);
  });

  it('ALiBi, H=2 Lq=Lk=3, zero scores: logits are −m_h·|q − k| with m = 1/16, 1/256', async () => {
    const got = await computeAttention({ ...zeroScores(2, 3, 3), scoreMods: { alibi: true } });
    const distance = [[0, 1, 2], [1, 0, 1], [2, 1, 0]];
    expectArraysClose(matrix(got.logits, 2, 3, 3, 0).flat(), distance.flat().map((d) => -d / 16), 1e-7);
    expectArraysClose(matrix(got.logits, 2, 3, 3, 1).flat(), distance.flat().map((d) => -d / 256), 1e-7);
    expect([...got.scaled]).toEqual(new Array(18).fill(0));
  });

  it('ALiBi, H=1 Lq=2 Lk=4, causal bottom-right: queries at positions 2, 3; masked keeps −∞ above', async () => {
    const got = await computeAttention({ ...zeroScores(1, 2, 4, 'bottom-right'), scoreMods: { alibi: true } });
    const m = 1 / 256;
    expectArraysClose(got.logits, flat([[-2 * m, -m, 0, -m], [-3 * m, -2 * m, -m, 0]]), 1e-7);
    expectArraysClose(got.masked, flat([[-2 * m, -m, 0, -Infinity], [-3 * m, -2 * m, -m, 0]]), 1e-7);
  });

  it('ALiBi, H=8 head 0 (m = 1/2), zero scores: weights fall off as e^(−d/2) from the diagonal', async () => {
    const got = await computeAttention({ ...zeroScores(8, 3, 3), scoreMods: { alibi: true } });
    const e = Math.exp(-0.5);
    const row0 = [1, e, e * e].map((x) => x / (1 + e + e * e));
    const row1 = [e, 1, e].map((x) => x / (1 + 2 * e));
    expectArraysClose(matrix(got.weights, 8, 3, 3, 0).flat(), [...row0, ...row1, ...[...row0].reverse()], 1e-6);
  });

  it('softcap c=2 of scores [0, 2, 100]: logits [0, 2·tanh(1), ≈2], never above c', async () => {
    const inputs: AttentionInputs = {
      shape: { batch: 1, heads: 1, queryLength: 1, keyLength: 3, dK: 1, dV: 1 },
      q: Float32Array.from([1]),
      k: Float32Array.from([0, 2, 100]),
      v: Float32Array.from([1, 2, 3]),
      mask: buildMaskSpec({ causal: null, keyIsReal: null }),
      queryIsReal: [[true]],
      scoreMods: { scale: 1, softcap: 2 },
    };
    const got = await computeAttention(inputs);
    expectArraysClose(got.scaled, [0, 2, 100]);
    expectArraysClose(got.logits, [0, 2 * Math.tanh(1), 2], 1e-6);
    expect(got.logits[2]).toBeLessThanOrEqual(2);
    expectArraysClose(referenceAttention(inputs).logits, [0, 2 * Math.tanh(1), 2], 1e-12);
  });

  it('softcap c=50 of scores ±1e30: logits ±50, weights finite, no NaN or overflow', async () => {
    const inputs: AttentionInputs = {
      shape: { batch: 1, heads: 1, queryLength: 2, keyLength: 3, dK: 1, dV: 1 },
      q: Float32Array.from([1e15, -1e15]),
      k: Float32Array.from([1e15, -1e15, 0]),
      v: Float32Array.from([1, 2, 3]),
      mask: buildMaskSpec({ causal: null, keyIsReal: null }),
      queryIsReal: [[true, true]],
      scoreMods: { scale: 1, alibi: true, softcap: 50 },
    };
    const got = await computeAttention(inputs);
    expectArraysClose(got.scaled, flat([[1e30, -1e30, 0], [-1e30, 1e30, 0]]), 1e-6);
    // ALiBi first (H = 1: m = 1/256, query positions 1, 2), then the cap
    const m = 1 / 256;
    expectArraysClose(got.logits, flat([[50, -50, 50 * Math.tanh(-m / 50)], [-50, 50, 0]]), 1e-6);
    for (const stage of [got.logits, got.weights, got.output]) expect(stage.every(Number.isFinite)).toBe(true);
    expectArraysClose(got.weights, flat([[1, 0, 0], [0, 1, 0]]), 1e-6);
  });

  it('computeAttention with softcap 0, a negative softcap or a NaN scale: rejects naming the field', async () => {
    const inputs = makeInputs(ENGINE_CASES[0]!);
    await expect(computeAttention({ ...inputs, scoreMods: { softcap: 0 } })).rejects.toThrow(/scoreMods\.softcap must be a finite number > 0/);
    await expect(computeAttention({ ...inputs, scoreMods: { softcap: -3 } })).rejects.toThrow(/scoreMods\.softcap/);
    await expect(computeAttention({ ...inputs, scoreMods: { scale: Number.NaN } })).rejects.toThrow(/scoreMods\.scale must be a finite number/);
    expect(() => referenceAttention({ ...inputs, scoreMods: { softcap: Infinity } })).toThrow(/referenceAttention: scoreMods\.softcap/);
  });
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
  for (const name of [ENGINE_CASES[7]!.name, EVERY_MODIFIER_CASE]) {
    it(`does not leak tensors (${name}): the tensor count is unchanged after 25 computes`, async () => {
      const inputs = makeInputs(ENGINE_CASES.find((c) => c.name === name)!);
      await computeAttention(inputs); // first call may register kernels
      const before = tf.memory().numTensors;
      for (let i = 0; i < 25; i++) await computeAttention(inputs);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
