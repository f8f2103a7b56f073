/** keepUnchanged (src/compute/keepUnchanged.ts): a recomputed set keeps the last set's arrays where the bits are equal. */
import { describe, expect, it } from 'vitest';
import { keepUnchanged, sameBits, shareAcrossHeads } from '../../src/compute/keepUnchanged';
import { allocateHead, type StageSet } from '../../src/engine/headStages';
import type { AttentionShape } from '../../src/engine/types';

const shape: AttentionShape = { batch: 1, heads: 2, queryLength: 2, keyLength: 2, dK: 1, dV: 1 };

/** A set of both heads, each float array filled with `value` (+ the head index), mask and row flags with `flag`. */
function setOf(value: number, flag = 1): StageSet {
  const heads = [0, 1].map((h) => {
    const head = allocateHead(shape, 0, h);
    for (const a of [head.scores, head.scaled, head.logits, head.weights, head.output]) a.fill(value + h);
    head.mask.fill(flag);
    head.rowStatus.fill(flag);
    return head;
  });
  return { shape, heads };
}

describe('sameBits', () => {
  it('compares bits: NaN equals NaN, −0 differs from 0, other lengths or element types differ', () => {
    expect(sameBits(new Float32Array([NaN, 1]), new Float32Array([NaN, 1]))).toBe(true);
    expect(sameBits(new Float32Array([-0]), new Float32Array([0]))).toBe(false);
    expect(sameBits(new Float32Array([1, 2]), new Float32Array([1, 2, 3]))).toBe(false);
    expect(sameBits(new Float32Array([1]), new Uint8Array([1]))).toBe(false);
    expect(sameBits(new Uint8Array([1, 0]), new Uint8Array([1, 0]))).toBe(true);
    // views into a larger buffer compare their own elements only
    const buffer = new Float32Array([9, 1, 2, 9]);
    expect(sameBits(buffer.subarray(1, 3), new Float32Array([1, 2]))).toBe(true);
  });
});

describe('keepUnchanged', () => {
  it('an equal head is the last head object; a head with one changed array keeps the others', () => {
    const last = setOf(1);
    const next = setOf(1);
    (next.heads[1]?.weights as Float32Array)[0] = 5;
    const kept = keepUnchanged(last, next);
    expect(kept.heads[0]).toBe(last.heads[0]);
    const h1 = kept.heads[1];
    expect(h1).not.toBe(last.heads[1]);
    expect(h1?.weights).toBe(next.heads[1]?.weights);
    expect(h1?.scores).toBe(last.heads[1]?.scores);
    expect(h1?.mask).toBe(last.heads[1]?.mask);
  });

  it('nothing equal, no last set, another head count or null heads: next (or its head) as it is', () => {
    const next = setOf(2);
    expect(keepUnchanged(setOf(1, 0), next)).toBe(next);
    expect(keepUnchanged(null, next)).toBe(next);
    expect(keepUnchanged({ shape, heads: [setOf(2).heads[0] ?? null] }, next)).toBe(next);
    const partial: StageSet = { shape, heads: [null, setOf(2).heads[1] ?? null] };
    const kept = keepUnchanged(partial, next);
    expect(kept.heads[0]).toBe(next.heads[0]);
    expect(kept.heads[1]).toBe(partial.heads[1]);
  });
});

describe('shareAcrossHeads', () => {
  const shape2: AttentionShape = { ...shape, batch: 2 };
  /** Two batch items of two heads; batch item 1's head 1 has another mask. */
  function fourHeads(): StageSet {
    const heads = [0, 1, 2, 3].map((i) => {
      const head = allocateHead(shape2, Math.floor(i / 2), i % 2);
      head.mask.set(i === 3 ? [1, 0, 1, 1] : [1, 0, 1, 0]);
      head.rowStatus.fill(0);
      return head;
    });
    return { shape: shape2, heads };
  }

  it('the heads of a batch item share the first head’s mask and row flags where equal; other masks stay their own', () => {
    const set = fourHeads();
    const shared = shareAcrossHeads(set);
    expect(shared.heads[0]).toBe(set.heads[0]);
    expect(shared.heads[1]?.mask).toBe(set.heads[0]?.mask);
    expect(shared.heads[1]?.rowStatus).toBe(set.heads[0]?.rowStatus);
    expect(shared.heads[1]?.weights).toBe(set.heads[1]?.weights);
    // batch item 1: its own lead, never batch item 0's arrays
    expect(shared.heads[2]).toBe(set.heads[2]);
    expect(shared.heads[3]?.mask).toBe(set.heads[3]?.mask);
    expect(shared.heads[3]?.rowStatus).toBe(set.heads[2]?.rowStatus);
  });

  it('head `first` leads its batch item and stays the same object; a set with nothing to share is returned as it is', () => {
    const set = fourHeads();
    const shared = shareAcrossHeads(set, 1);
    expect(shared.heads[1]).toBe(set.heads[1]);
    expect(shared.heads[0]?.mask).toBe(set.heads[1]?.mask);
    expect(shareAcrossHeads(shared, 1)).toBe(shared);
    const partial: StageSet = { shape: shape2, heads: [null, set.heads[1] ?? null, null, null] };
    expect(shareAcrossHeads(partial)).toBe(partial);
  });
});
