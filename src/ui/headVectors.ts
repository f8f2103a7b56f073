/**
 * The Q, K, V of the head on screen, for their heatmaps: from the result's inputs when the engine
 * sent them back, else projected on the page for that head alone (large sizes keep the vectors
 * in the engine worker), within PAGE_VECTOR_FLOATS.
 */
import type { AttentionInputs } from '../engine/types';
import type { Scenario } from '../state/scenario';
import { deriveInputs } from '../scenario/derive';
import { sliceQkv, type QkvSlice } from '../compute/slices';

/** Most floats of one [B,H,L,d] array (B·H·max(Lq, Lk)·dK) the page projects for the head on screen: 4 Mi (16 MB). */
export const PAGE_VECTOR_FLOATS = 1 << 22;

/**
 * Q [Lq × dK], K [Lk × dK], V [Lk × dV] of (batch, head) for `scenario`, whose result's inputs are
 * `inputs` (the same settings: equal vectors).
 * @returns null when the vectors are neither in `inputs` nor small enough to project here.
 */
export function headVectors(scenario: Scenario, inputs: AttentionInputs, batch: number, head: number): QkvSlice | null {
  const kept = sliceQkv(inputs, batch, head);
  if (kept) return kept;
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK } = inputs.shape;
  if (B * H * Math.max(Lq, Lk) * dK > PAGE_VECTOR_FLOATS) return null;
  const derived = deriveInputs(scenario, { heads: [head] });
  return derived.ok ? sliceQkv(derived.inputs, batch, head) : null;
}
