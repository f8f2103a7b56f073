/**
 * Seeded random attention inputs for engine-vs-reference tests (Node and Chromium alike).
 */
import { gaussians, mulberry32 } from '../../src/engine/random';
import { buildMaskSpec } from '../../src/engine/masks';
import type { AttentionInputs, AttentionShape, ScoreMods } from '../../src/engine/types';

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
  /** Score modifiers (scale override, ALiBi, soft-cap), passed through to the inputs. */
  scoreMods?: ScoreMods;
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
    ...(spec.scoreMods ? { scoreMods: spec.scoreMods } : {}),
  };
}

const shape = (batch: number, heads: number, queryLength: number, keyLength: number, dK = 4): AttentionShape => ({
  batch, heads, queryLength, keyLength, dK, dV: dK,
});

/**
 * Every mask and combination, with B > 1, H > 1 and Lq ≠ Lk, plus the edge cases; then every score
 * modifier alone and combined, with causal (both alignments) and key padding. New cases go at the
 * end: tests refer to some cases by index.
 */
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
  // score modifiers
  { name: 'scale override 0.9, causal top-left + key padding', shape: shape(2, 2, 4, 6), causal: 'top-left', keyLengths: [6, 3], queryLengths: null, seed: 14, scoreMods: { scale: 0.9 } },
  { name: 'ALiBi, no mask, cross Lq<Lk (symmetric distance)', shape: shape(2, 4, 3, 7), causal: null, keyLengths: null, queryLengths: null, seed: 15, scoreMods: { alibi: true } },
  { name: 'ALiBi, causal bottom-right + key padding', shape: shape(2, 8, 6, 6), causal: 'bottom-right', keyLengths: [6, 2], queryLengths: null, seed: 16, scoreMods: { alibi: true } },
  { name: 'ALiBi, causal bottom-right, Lq>Lk (fully masked rows)', shape: shape(2, 2, 7, 4), causal: 'bottom-right', keyLengths: null, queryLengths: null, seed: 17, scoreMods: { alibi: true } },
  { name: 'ALiBi, 3 heads, causal top-left + key padding, Lq>Lk', shape: shape(3, 3, 6, 4), causal: 'top-left', keyLengths: [4, 2, 0], queryLengths: [6, 3, 1], seed: 18, scoreMods: { alibi: true } },
  { name: 'softcap 2, causal bottom-right + key padding', shape: shape(2, 2, 5, 6), causal: 'bottom-right', keyLengths: [6, 4], queryLengths: null, seed: 19, scoreMods: { softcap: 2 } },
  { name: 'softcap 30, scores near ±1000 (saturated), causal + key padding', shape: shape(2, 2, 5, 5, 8), causal: 'bottom-right', keyLengths: [5, 3], queryLengths: null, seed: 20, magnitude: 18, scoreMods: { softcap: 30 } },
  { name: 'scale 0.5 + ALiBi + softcap 1.5, causal top-left + key padding', shape: shape(3, 4, 5, 8), causal: 'top-left', keyLengths: [8, 5, 2], queryLengths: [5, 3, 1], seed: 21, scoreMods: { scale: 0.5, alibi: true, softcap: 1.5 } },
  { name: 'every modifier, causal bottom-right + key + query padding, 8 heads', shape: shape(2, 8, 12, 16, 8), causal: 'bottom-right', keyLengths: [16, 9], queryLengths: [12, 5], seed: 22, scoreMods: { scale: 0.3, alibi: true, softcap: 5 } },
  { name: 'ALiBi + softcap 50, every key padded in one batch item', shape: shape(2, 2, 4, 4), causal: null, keyLengths: [4, 0], queryLengths: null, seed: 23, scoreMods: { alibi: true, softcap: 50 } },
];

/** Name of the case with every modifier at once, used by the leak tests. */
export const EVERY_MODIFIER_CASE = 'every modifier, causal bottom-right + key + query padding, 8 heads';
