import { describe, expect, it } from 'vitest';
import { allocateHead, type StageSet } from '../../src/engine/headStages';
import { deal, joinResults, poolSize, sumProgress } from '../../src/compute/enginePool';
import { allHeads } from '../../src/engine/headStages';
import type { AttentionShape } from '../../src/engine/types';
import type { WorkerMessage } from '../../src/worker/protocol';

const shape: AttentionShape = { batch: 2, heads: 3, queryLength: 2, keyLength: 2, dK: 1, dV: 1 };

describe('allHeads and deal', () => {
  it('every (b, h) in order; dealt round-robin into at most n non-empty shares', () => {
    const heads = allHeads(shape);
    expect(heads.map((h) => `${h.batch}.${h.head}`)).toEqual(['0.0', '0.1', '0.2', '1.0', '1.1', '1.2']);
    const shares = deal(heads, 2);
    expect(shares.map((s) => s.map((h) => `${h.batch}.${h.head}`))).toEqual([['0.0', '0.2', '1.1'], ['0.1', '1.0', '1.2']]);
    expect(deal(heads.slice(0, 1), 4)).toHaveLength(1);
    expect(deal(heads, 4).flat()).toHaveLength(6);
  });
});

describe('joinResults', () => {
  /** A part that computed `indices` (b·H + h) and projected their vectors, filled with index + 1. */
  const part = (indices: number[], ms: number): Extract<WorkerMessage, { type: 'result' }> => {
    const set: StageSet = { shape, heads: allHeads(shape).map((r, i) => (indices.includes(i) ? allocateHead(shape, r.batch, r.head) : null)) };
    const vectors = (L: number, d: number) => Float32Array.from({ length: 6 * L * d }, (_, j) => (indices.includes(Math.floor(j / (L * d))) ? Math.floor(j / (L * d)) + 1 : 0));
    const inputs = { shape, q: vectors(2, 1), k: vectors(2, 1), v: vectors(2, 1) } as never;
    return { type: 'result', id: 1, key: 'k', inputs, set, run: { path: 'js', reason: 'softwareWebgl', backend: null, precision: 'float32', ms } };
  };

  it('takes each head from the part that computed it and the slowest part’s time', () => {
    const a = part([0, 2, 4], 30);
    const b = part([1, 3, 5], 45);
    const joined = joinResults([a, b]);
    expect(joined.set.heads.map((h) => h !== null)).toEqual([true, true, true, true, true, true]);
    expect(joined.set.heads[3]).toBe(b.set.heads[3]);
    expect(joined.set.heads[4]).toBe(a.set.heads[4]);
    expect(joined.run).toMatchObject({ ms: 45, workers: 2, path: 'js' });
    // every head's q, k, v come from the part that projected them
    for (const name of ['q', 'k', 'v'] as const) expect([...(joined.inputs[name] as Float32Array)]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
  });

  it('says the products ran in WebAssembly SIMD when any part’s did', () => {
    const plain = part([0, 2, 4], 30);
    const simd = { ...part([1, 3, 5], 45), run: { ...part([], 45).run, simd: true } };
    expect(joinResults([plain, simd]).run.simd).toBe(true);
    expect(joinResults([plain, part([1, 3, 5], 20)]).run.simd).toBe(false);
  });

  it('throws without a result', () => {
    expect(() => joinResults([])).toThrow('no result');
  });
});

describe('poolSize', () => {
  it('one worker per core, 1 to 4', () => {
    expect([poolSize(undefined), poolSize(1), poolSize(2), poolSize(16)]).toEqual([1, 1, 2, 4]);
  });
});

describe('sumProgress', () => {
  it('sums the parts; a part yet to report counts as the mean of the others, so the fraction never steps back when it does', () => {
    const early = sumProgress([{ done: 28, total: 100 }, { done: 0, total: 0 }]);
    expect(early).toEqual({ done: 28, total: 200 });
    const late = sumProgress([{ done: 28, total: 100 }, { done: 0, total: 100 }]);
    expect(late.done / late.total).toBeGreaterThanOrEqual(early.done / early.total);
    expect(sumProgress([{ done: 5, total: 60 }, { done: 7, total: 40 }])).toEqual({ done: 12, total: 100 });
    expect(sumProgress([{ done: 0, total: 0 }])).toEqual({ done: 0, total: 0 });
  });
});
