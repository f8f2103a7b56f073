/**
 * One query row of a stage slice, as the row inspector shows it (pure; views into the slice's
 * arrays, except the masked row, derived: the slice stores no `masked`). The row sum is taken in
 * float64 over the float32 weights.
 */
import type { StageSlice } from '../compute/slices';
import { applyMask } from '../engine/rowStatus';

/** The numbers of query row `row` of a slice. Arrays are [Lk]: views into the slice's [Lq × Lk] arrays, `masked` a new one. */
export interface RowStats {
  row: number;
  /** Masked logits, [Lk]: −∞ at blocked keys (where(mask, logits, −∞) of the row). */
  masked: Float32Array;
  /** Weights, [Lk]: 0 at blocked keys. */
  weights: Float32Array;
  /** 1 = blocked key, [Lk]. */
  blocked: Uint8Array;
  /** Σ weights over the row (float64): 1 up to rounding, 0 for a fully masked row. */
  sum: number;
  /** Number of allowed keys. */
  allowed: number;
  /** Allowed key with the largest weight (the first of equal ones); −1 when no key is allowed. */
  argmax: number;
  /** True when no key is allowed (weights 0, output 0). */
  fullyMasked: boolean;
  /** True when the query is padding (its output is ignored). */
  padded: boolean;
}

/**
 * The numbers of query row `row` of `slice`.
 * @throws RangeError when row is not a whole number in [0, slice.rows)
 * @example rowStats(slice, 0) for weights [0.25, 0.75, 0] and blocked [0, 0, 1]
 *          // → sum 1, allowed 2, argmax 1, fullyMasked false
 */
export function rowStats(slice: StageSlice, row: number): RowStats {
  if (!Number.isInteger(row) || row < 0 || row >= slice.rows) {
    throw new RangeError(`rowStats: row ${row} is outside [0, ${slice.rows})`);
  }
  const n = slice.cols;
  const from = row * n;
  const weights = slice.weights.subarray(from, from + n);
  const blocked = slice.blocked.subarray(from, from + n);
  let sum = 0;
  let allowed = 0;
  let argmax = -1;
  for (let k = 0; k < n; k++) {
    const w = weights[k] as number;
    sum += w;
    if (blocked[k] !== 0) continue;
    allowed++;
    if (argmax < 0 || w > (weights[argmax] as number)) argmax = k;
  }
  return {
    row,
    masked: applyMask(slice.logits.subarray(from, from + n), slice.mask.subarray(from, from + n)),
    weights,
    blocked,
    sum,
    allowed,
    argmax,
    fullyMasked: slice.fullyMaskedRows[row] !== 0 || allowed === 0,
    padded: slice.paddedRows[row] !== 0,
  };
}
