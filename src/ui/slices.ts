/**
 * One (batch item, head) slice of every stage, as the heatmaps draw it. Pure; no copies of the
 * large arrays (subarray views), except the small per-slice flag arrays.
 */
import { RowStatus, type AttentionStages } from '../engine/types';

export interface StageSlice {
  batch: number;
  head: number;
  rows: number;
  cols: number;
  dV: number;
  scores: Float32Array;
  scaled: Float32Array;
  logits: Float32Array;
  masked: Float32Array;
  weights: Float32Array;
  /** 1 = may attend, [Lq × Lk]. */
  mask: Uint8Array;
  /** 1 = blocked, [Lq × Lk]. */
  blocked: Uint8Array;
  /** [Lq × dV]. */
  output: Float32Array;
  /** 1 = padded query row, [Lq]. */
  paddedRows: Uint8Array;
  /** 1 = fully masked row, [Lq]. */
  fullyMaskedRows: Uint8Array;
}

/**
 * Views of stage arrays [B,H,…] at (batch, head).
 * @throws RangeError when batch or head is outside the stages' shape.
 */
export function sliceStages(stages: AttentionStages, batch: number, head: number): StageSlice {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dV } = stages.shape;
  if (batch < 0 || batch >= B || head < 0 || head >= H) {
    throw new RangeError(`sliceStages: (batch ${batch}, head ${head}) outside B=${B}, H=${H}`);
  }
  const bh = batch * H + head;
  const cells = (a: Float32Array) => a.subarray(bh * Lq * Lk, (bh + 1) * Lq * Lk);
  const mask = stages.mask.subarray(bh * Lq * Lk, (bh + 1) * Lq * Lk);
  const status = stages.rowStatus.subarray(bh * Lq, (bh + 1) * Lq);
  return {
    batch,
    head,
    rows: Lq,
    cols: Lk,
    dV,
    scores: cells(stages.scores),
    scaled: cells(stages.scaled),
    logits: cells(stages.logits),
    masked: cells(stages.masked),
    weights: cells(stages.weights),
    mask,
    blocked: mask.map((m) => (m ? 0 : 1)),
    output: stages.output.subarray(bh * Lq * dV, (bh + 1) * Lq * dV),
    paddedRows: status.map((s) => (s & RowStatus.paddedQuery ? 1 : 0)),
    fullyMaskedRows: status.map((s) => (s & RowStatus.fullyMasked ? 1 : 0)),
  };
}

/** Counts the fully masked (b, h, q) rows of a whole result. */
export function countFullyMasked(stages: AttentionStages): number {
  let n = 0;
  for (const s of stages.rowStatus) if (s & RowStatus.fullyMasked) n++;
  return n;
}
