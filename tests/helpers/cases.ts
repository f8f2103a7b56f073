/**
 * Seeded random attention inputs for engine-vs-reference tests (Node and Chromium alike).
 */
import { gaussians, mulberry32 } from '../../src/engine/random';
import { buildMaskSpec } from '../../src/engine/masks';
import type { AttentionInputs, AttentionShape } from '../../src/engine/types';

export interface CaseSpec {
  name: string;
  shape: AttentionShape;
  causal: null | 'bottom-right' | 'top-left';
  /** Real lengths of the keys per batch item (right padding), or null for no key padding. */
  keyLengths: number[] | null;
  /** Real lengths of the queries per batch item (right padding), or null. */
  queryLengths: number[] | null;
  seed: number;
  /** Multiplies q and k, to push scores far from 0 (e.g. towards ±1000). */
  magnitude?: number;
}

/** Builds inputs for a case: gaussian q, k, v from the case's seed. */
export function makeInputs(spec: CaseSpec): AttentionInputs {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = spec.shape;
  const random = mulberry32(spec.seed);
  const m = spec.magnitude ?? 1;
  const realFlags = (lengths: number[] | null, L: number) =>
    Array.from({ length: B }, (_, b) => Array.from({ length: L }, (_, i) => !lengths || i < (lengths[b] ?? L)));
  return {
    shape: spec.shape,
    q: Float32Array.from(gaussians(B * H * Lq * dK, random), (x) => x * m),
    k: Float32Array.from(gaussians(B * H * Lk * dK, random), (x) => x * m),
    v: Float32Array.from(gaussians(B * H * Lk * dV, random)),
    mask: buildMaskSpec({ causal: spec.causal, keyIsReal: spec.keyLengths ? realFlags(spec.keyLengths, Lk) : null }),
    queryIsReal: realFlags(spec.queryLengths, Lq),
  };
}

const shape = (batch: number, heads: number, queryLength: number, keyLength: number, dK = 4): AttentionShape => ({
  batch, heads, queryLength, keyLength, dK, dV: dK,
});

/** Every mask and combination, with B > 1, H > 1 and Lq ≠ Lk, plus the edge cases. */
export const ENGINE_CASES: CaseSpec[] = [
  { name: 'no mask, self', shape: shape(2, 3, 6, 6), causal: null, keyLengths: null, queryLengths: null, seed: 1 },
  { name: 'no mask, cross Lq<Lk', shape: shape(2, 3, 5, 7), causal: null, keyLengths: null, queryLengths: null, seed: 2 },
  { name: 'causal bottom-right, Lq<Lk', shape: shape(2, 2, 3, 7), causal: 'bottom-right', keyLengths: null, queryLengths: null, seed: 3 },
  { name: 'causal bottom-right, Lq>Lk', shape: shape(2, 2, 7, 4), causal: 'bottom-right', keyLengths: null, queryLengths: null, seed: 4 },
  { name: 'causal top-left, Lq<Lk', shape: shape(2, 2, 4, 6), causal: 'top-left', keyLengths: null, queryLengths: null, seed: 5 },
  { name: 'key padding', shape: shape(3, 2, 5, 6), causal: null, keyLengths: [6, 3, 1], queryLengths: null, seed: 6 },
  { name: 'query padding', shape: shape(2, 2, 5, 5), causal: null, keyLengths: null, queryLengths: [5, 2], seed: 7 },
  { name: 'causal + key + query padding', shape: shape(2, 4, 6, 6), causal: 'bottom-right', keyLengths: [6, 4], queryLengths: [6, 4], seed: 8 },
  { name: 'cross, causal top-left + key padding', shape: shape(3, 2, 5, 8), causal: 'top-left', keyLengths: [8, 5, 2], queryLengths: [5, 3, 1], seed: 9 },
  { name: 'L = 1', shape: shape(1, 1, 1, 1), causal: 'bottom-right', keyLengths: null, queryLengths: null, seed: 10 },
  { name: 'every key padded in one batch item', shape: shape(2, 2, 4, 4), causal: null, keyLengths: [4, 0], queryLengths: null, seed: 11 },
  { name: 'scores near ±1000', shape: shape(2, 2, 5, 5, 8), causal: 'bottom-right', keyLengths: [5, 3], queryLengths: null, seed: 12, magnitude: 18 },
  { name: 'larger, 8 heads dK 16', shape: shape(2, 8, 20, 24, 16), causal: 'bottom-right', keyLengths: [24, 17], queryLengths: [20, 9], seed: 13 },
];
