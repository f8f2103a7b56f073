/**
 * Plain-JavaScript float32 baseline for the benchmark: the same stages as the engine
 * (scores = Q·Kᵀ, scaled, causal mask by selection, row softmax over allowed cells, output = W·V)
 * as straightforward loops over Float32Arrays. No tfjs, no tricks beyond hoisting row offsets.
 */
import type { AttentionShape } from '../src/engine/types';

/** The engine's shape type: [B,H,Lq,dK] queries, [B,H,Lk,dK] keys, [B,H,Lk,dV] values. */
export type BaselineShape = AttentionShape;

export interface BaselineStages {
  scores: Float32Array;
  weights: Float32Array;
  output: Float32Array;
}

/**
 * Scaled dot-product attention with a bottom-right causal mask (k ≤ q + Lk − Lq); fully masked
 * rows get weights 0 and output 0, like the engine.
 */
export function baselineAttention(shape: BaselineShape, q: Float32Array, k: Float32Array, v: Float32Array, causal: boolean): BaselineStages {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = shape;
  const scale = 1 / Math.sqrt(dK);
  const scores = new Float32Array(B * H * Lq * Lk);
  const weights = new Float32Array(B * H * Lq * Lk);
  const output = new Float32Array(B * H * Lq * dV);
  const offset = Lk - Lq;
  for (let bh = 0; bh < B * H; bh++) {
    const qBase = bh * Lq * dK;
    const kBase = bh * Lk * dK;
    const vBase = bh * Lk * dV;
    for (let i = 0; i < Lq; i++) {
      const row = (bh * Lq + i) * Lk;
      const qRow = qBase + i * dK;
      const last = causal ? Math.min(Lk - 1, i + offset) : Lk - 1;
      let max = -Infinity;
      for (let j = 0; j < Lk; j++) {
        const kRow = kBase + j * dK;
        let s = 0;
        for (let d = 0; d < dK; d++) s += (q[qRow + d] as number) * (k[kRow + d] as number);
        scores[row + j] = s;
        const scaled = Math.fround(s * scale);
        if (j <= last && scaled > max) max = scaled;
      }
      if (last < 0) continue; // fully masked row: weights and output stay 0
      let sum = 0;
      for (let j = 0; j <= last; j++) {
        const e = Math.exp((scores[row + j] as number) * scale - max);
        weights[row + j] = e;
        sum += e;
      }
      const inv = 1 / sum;
      const oRow = (bh * Lq + i) * dV;
      for (let j = 0; j <= last; j++) {
        const w = (weights[row + j] as number) * inv;
        weights[row + j] = w;
        const vRow = vBase + j * dV;
        for (let d = 0; d < dV; d++) output[oRow + d] = (output[oRow + d] as number) + w * (v[vRow + d] as number);
      }
    }
  }
  return { scores, weights, output };
}
