import { describe, expect, it } from 'vitest';
import { allocateHead, joinStages, splitStages, type StageSet } from '../../src/engine/headStages';
import { mergeSets } from '../../src/compute/stageSets';
import { sliceStages, sliceQkv, countFullyMasked, maskedAt } from '../../src/compute/slices';
import { sentInputs, stageBuffers } from '../../src/worker/transfer';
import { RowStatus, type AttentionShape } from '../../src/engine/types';

const shape: AttentionShape = { batch: 2, heads: 3, queryLength: 2, keyLength: 3, dK: 2, dV: 2 };

/** A set whose heads hold their own index in every cell, so a mix-up shows. */
function setWith(indices: number[]): StageSet {
  const heads = Array.from({ length: shape.batch * shape.heads }, (_, i) => {
    if (!indices.includes(i)) return null;
    const h = allocateHead(shape, Math.floor(i / shape.heads), i % shape.heads);
    for (const a of [h.scores, h.weights, h.output]) a.fill(i);
    h.mask.fill(1);
    return h;
  });
  return { shape, heads };
}

describe('splitStages / joinStages', () => {
  it('round-trip full stages; a head is a view of its [b, h] block', () => {
    const full = joinStages(setWith([0, 1, 2, 3, 4, 5]))!;
    expect([...full.weights]).toEqual([0, 1, 2, 3, 4, 5].flatMap((i) => new Array<number>(6).fill(i)));
    const split = splitStages(full);
    expect(split.heads[4]).toMatchObject({ batch: 1, head: 1 });
    expect([...split.heads[4]!.output]).toEqual(new Array<number>(4).fill(4));
    expect(split.heads[4]!.weights.buffer).toBe(full.weights.buffer);
    expect(joinStages(split)).toEqual(full);
  });

  it('joinStages is null while a head is missing', () => {
    expect(joinStages(setWith([0, 1]))).toBeNull();
  });
});

describe('mergeSets', () => {
  it('takes the heads the new set lacks from the previous one', () => {
    const merged = mergeSets(setWith([0, 5]), setWith([2]));
    expect(merged.heads.map((h) => (h ? h.weights[0] : null))).toEqual([0, null, 2, null, null, 5]);
  });

  it('keeps at most maxCells cells (Lq·Lk per head): the new heads first, then old ones in order', () => {
    const merged = mergeSets(setWith([0, 1, 5]), setWith([2]), 2 * 6);
    expect(merged.heads.map((h) => (h ? h.weights[0] : null))).toEqual([0, null, 2, null, null, null]);
  });

  it('returns the new set as it is when it is complete or there is nothing before it', () => {
    const complete = setWith([0, 1, 2, 3, 4, 5]);
    expect(mergeSets(setWith([0]), complete)).toBe(complete);
    const partial = setWith([1]);
    expect(mergeSets(null, partial)).toBe(partial);
  });
});

describe('sliceStages and countFullyMasked', () => {
  it('slice flags come from the mask and the row status; a missing head gives null', () => {
    const set = setWith([3]);
    const head = set.heads[3]!;
    head.mask.set([1, 0, 1, 0, 0, 0]);
    head.rowStatus.set([RowStatus.paddedQuery, RowStatus.fullyMasked]);
    const slice = sliceStages(set, 1, 0)!;
    expect([...slice.blocked]).toEqual([0, 1, 0, 1, 1, 1]);
    expect([...slice.paddedRows]).toEqual([1, 0]);
    expect([...slice.fullyMaskedRows]).toEqual([0, 1]);
    expect(sliceStages(set, 0, 0)).toBeNull();
    expect(() => sliceStages(set, 2, 0)).toThrow(RangeError);
    expect(countFullyMasked(set)).toEqual({ rows: 1, heads: 1 });
  });

  it('a second slice of the same arrays gives the same flag arrays (a heatmap of unchanged rows is not redrawn); another row status its own', () => {
    const set = setWith([3, 4]);
    const a = sliceStages(set, 1, 0)!;
    const b = sliceStages(set, 1, 0)!;
    expect(b).not.toBe(a);
    expect(b.paddedRows).toBe(a.paddedRows);
    expect(b.fullyMaskedRows).toBe(a.fullyMaskedRows);
    expect(b.blocked).toBe(a.blocked);
    expect(sliceStages(set, 1, 1)!.paddedRows).not.toBe(a.paddedRows);
  });
});

describe('sliceQkv', () => {
  it('views of (batch, head) — the same view objects on every call, each holding its own block', () => {
    const q = Float32Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => i);
    const v = Float32Array.from({ length: 2 * 3 * 3 * 2 }, (_, i) => -i);
    const inputs = { shape, q, k: v, v };
    const first = sliceQkv(inputs, 1, 2)!;
    const again = sliceQkv(inputs, 1, 2)!;
    expect(again.q).toBe(first.q);
    expect(again.v).toBe(first.v);
    expect([...first.q]).toEqual([20, 21, 22, 23]);
    expect([...first.v]).toEqual([-30, -31, -32, -33, -34, -35]);
    expect(sliceQkv(inputs, 0, 0)!.q).not.toBe(first.q);
    expect([...sliceQkv(inputs, 0, 0)!.q]).toEqual([0, 1, 2, 3]);
  });
});

describe('maskedAt', () => {
  it('is the logit where the key may be attended and −∞ where it is blocked: where(mask, logits, −∞)', () => {
    const slice = { logits: Float32Array.of(0.5, -2, 7, Number.NaN), mask: Uint8Array.of(1, 1, 0, 0) };
    expect([0, 1, 2, 3].map((i) => maskedAt(slice, i))).toEqual([0.5, -2, -Infinity, -Infinity]);
  });
});

describe('stageBuffers', () => {
  it('lists each buffer once, also when heads are views of one array', () => {
    const split = splitStages(joinStages(setWith([0, 1, 2, 3, 4, 5]))!);
    expect(stageBuffers(split)).toHaveLength(7); // scores, scaled, logits, mask, weights, output, rowStatus (no masked: derived)
    expect(stageBuffers(setWith([0, 2]))).toHaveLength(14);
  });

  it('lists a head whose logits share the scaled array with one buffer less (6, not 7), and each once', () => {
    const shared = allocateHead(shape, 0, 0, true);
    const buffers = stageBuffers({ shape, heads: [shared] });
    expect(buffers).toHaveLength(6);
    expect(new Set(buffers).size).toBe(6);
    expect(buffers).toContain(shared.logits.buffer);
  });
});

describe('sentInputs', () => {
  const inputs = {
    shape,
    q: Float32Array.of(1, 2, 3, 4),
    k: Float32Array.of(5, 6, 7, 8),
    v: new Float32Array(8).fill(9).subarray(2, 6),
    mask: { expr: { kind: 'all' }, tables: {} },
    queryIsReal: [[true, true]],
  } as unknown as import('../../src/engine/types').AttentionInputs;

  it('sends copies of Q, K and V in buffers of their own, transferred, and leaves the worker its own', () => {
    const sent = sentInputs(inputs, true);
    for (const name of ['q', 'k', 'v'] as const) {
      expect(Array.from(sent.inputs[name])).toEqual(Array.from(inputs[name]));
      expect(sent.inputs[name].buffer).not.toBe(inputs[name].buffer);
      expect(sent.inputs[name].byteLength).toBe(sent.inputs[name].buffer.byteLength);
      expect(sent.buffers).toContain(sent.inputs[name].buffer);
    }
    expect(sent.buffers).toHaveLength(3);
    expect(sent.inputs.queryIsReal).toBe(inputs.queryIsReal);
  });

  it('sends empty Q, K and V and transfers nothing without vectors', () => {
    const sent = sentInputs(inputs, false);
    expect([sent.inputs.q.length, sent.inputs.k.length, sent.inputs.v.length]).toEqual([0, 0, 0]);
    expect(sent.buffers).toEqual([]);
    expect(sent.inputs.mask).toBe(inputs.mask);
  });
});
