/**
 * Float64 reference for scaled dot-product attention in plain TypeScript, independent of tfjs.
 * Tests compare the engine (CPU in Node, WebGL in Chromium) against it.
 */
import { evaluateMask } from './masks';
import { applyMask, rowStatuses } from './rowStatus';
import { cellLogit, checkScoreMods, effectiveScale } from './scoreMods';
import type { AttentionInputs, AttentionShape } from './types';

/** The reference's stages: the same layout as AttentionStages, in float64. */
export interface ReferenceStages {
  shape: AttentionShape;
  scores: Float64Array;
  scaled: Float64Array;
  /** scaled + ALiBi bias, soft-capped, cell by cell with `cellLogit` (= scaled with no modifier). */
  logits: Float64Array;
  mask: Uint8Array;
  masked: Float32Array;
  weights: Float64Array;
  output: Float64Array;
  rowStatus: Uint8Array;
}

/**
 * Computes every stage in float64 with straightforward loops (Vaswani et al. 2017, eq. 1), the
 * score modifiers cell by cell with `cellLogit` (scoreMods.ts).
 * Softmax of the logits over allowed cells only (max over allowed cells subtracted); a row with
 * no allowed key gets weights 0 and output 0.
 * @param inputs as for computeAttention; q, k, v are read as float64.
 * @throws Error when a score modifier is out of range (see checkScoreMods).
 */
export function referenceAttention(inputs: AttentionInputs): ReferenceStages {
  const { shape } = inputs;
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = shape;
  checkScoreMods(inputs.scoreMods, 'referenceAttention');
  const scale = effectiveScale(dK, inputs.scale, inputs.scoreMods);
  const mask = evaluateMask(inputs.mask, shape);
  const scores = new Float64Array(B * H * Lq * Lk);
  const scaled = new Float64Array(B * H * Lq * Lk);
  const logits = new Float64Array(B * H * Lq * Lk);
  const weights = new Float64Array(B * H * Lq * Lk);
  const output = new Float64Array(B * H * Lq * dV);
  for (let bh = 0; bh < B * H; bh++) {
    const h = bh % H;
    for (let q = 0; q < Lq; q++) {
      const row = (bh * Lq + q) * Lk;
      for (let k = 0; k < Lk; k++) {
        const score = dot(inputs.q, (bh * Lq + q) * dK, inputs.k, (bh * Lk + k) * dK, dK);
        scores[row + k] = score;
        scaled[row + k] = score * scale;
        logits[row + k] = cellLogit(score * scale, h, q, k, shape, inputs.scoreMods);
      }
      softmaxRow(logits, mask, row, Lk, weights);
      for (let d = 0; d < dV; d++) {
        let sum = 0;
        for (let k = 0; k < Lk; k++) sum += (weights[row + k] as number) * (inputs.v[(bh * Lk + k) * dV + d] as number);
        output[(bh * Lq + q) * dV + d] = sum;
      }
    }
  }
  return {
    shape,
    scores,
    scaled,
    logits,
    mask,
    masked: applyMask(logits, mask),
    weights,
    output,
    rowStatus: rowStatuses(mask, inputs.queryIsReal, shape),
  };
}

function dot(a: Float32Array, aStart: number, b: Float32Array, bStart: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[aStart + i] as number) * (b[bStart + i] as number);
  return sum;
}

function softmaxRow(logits: Float64Array, mask: Uint8Array, row: number, length: number, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < length; k++) {
    if (mask[row + k]) max = Math.max(max, logits[row + k] as number);
  }
  if (max === -Infinity) return; // fully masked: weights stay 0
  let sum = 0;
  for (let k = 0; k < length; k++) {
    const e = mask[row + k] ? Math.exp((logits[row + k] as number) - max) : 0;
    out[row + k] = e;
    sum += e;
  }
  for (let k = 0; k < length; k++) out[row + k] = (out[row + k] as number) / sum;
}
