/**
 * The colour scale of attention weights: fixed [0, 1] (weights compare across rows, heads and
 * settings), or [0, largest weight shown] (long rows, where every weight is ≈ 1/Lk, still show
 * their pattern).
 */
import { sequentialScale } from '../viz/colorScales';
import type { WeightScale } from '../state/scenario';

export function weightColorScale(mode: WeightScale, weights: ArrayLike<number>) {
  const scale = sequentialScale();
  if (mode === 'unit') return scale;
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, weights[i] as number);
  return scale.domain([0, max > 0 ? max : 1]);
}
