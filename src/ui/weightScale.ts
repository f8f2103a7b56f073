/**
 * How the weights heatmaps are coloured. 'unit': the weight itself on a fixed [0, 1] scale, so
 * rows, heads and settings compare. 'row': each weight divided by the largest weight of its row,
 * so long rows (every weight ≈ 1/Lk) still show their pattern. The read-out always shows the
 * real weight.
 */
import type { WeightScale } from '../state/scenario';

/**
 * The values to colour for a weights matrix [rows × cols].
 * @returns `weights` itself for 'unit'; for 'row', w / max(row) (a row of zeros stays zeros).
 */
export function weightColorValues(mode: WeightScale, weights: Float32Array, rows: number, cols: number): Float32Array {
  if (mode === 'unit') return weights;
  const out = new Float32Array(weights.length);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, weights[r * cols + c] as number);
    for (let c = 0; c < cols; c++) out[r * cols + c] = max > 0 ? (weights[r * cols + c] as number) / max : 0;
  }
  return out;
}
