/**
 * The invariants every computed attention must satisfy (DESIGN.md §1, issue #11 §5), checked
 * against the float64 reference: no NaN or infinity in weights or output; each row sums to 1
 * within ROW_SUM_TOLERANCE, or has no allowed key and then weights 0 and output 0 (flagged fully
 * masked); the mask equals the reference's; weights and output agree with the reference within
 * the given tolerances. Shared by the Node property test (JS path) and the WebGL sample.
 */
import type { ReferenceStages } from '../../src/engine/reference';
import { RowStatus } from '../../src/engine/types';

/** |Σ weights − 1| allowed for a row with at least one allowed key. */
export const ROW_SUM_TOLERANCE = 1e-5;

/** One head's stages as computed by an engine path: [Lq × Lk] cells, [Lq × dV] output, [Lq] row flags. */
export interface HeadResult {
  batch: number;
  head: number;
  mask: ArrayLike<number>;
  weights: ArrayLike<number>;
  output: ArrayLike<number>;
  rowStatus: ArrayLike<number>;
}

/**
 * Tolerances of a path. Each row's bound also grows with its largest allowed logit |ℓ|: every
 * engine path stores the logits in float32 (relative rounding 2^-24), and a logit off by δ moves
 * the softmax weights by at most about 2δ relative, so a row of logits near 1000 (temperature
 * 0.01, a soft-cap of 1000) may differ from float64 by ~1e-4 without anything being wrong.
 */
export interface Tolerances {
  /** absolute, on weights (in [0, 1]), plus `logitUlps` × 2^-24 × |ℓ|max of the row */
  weights: number;
  /** relative to max(1, |reference|), on output, plus `logitUlps` × 2^-24 × |ℓ|max of the row */
  output: number;
  /** float32 roundings of the logits the path may accumulate (4 for the JS path, more on WebGL) */
  logitUlps: number;
}

/** The largest |logit| over the allowed cells of row (bh, q) of the reference. */
function rowLogitScale(ref: ReferenceStages, row: number): number {
  const Lk = ref.shape.keyLength;
  let scale = 0;
  for (let k = 0, i = row * Lk; k < Lk; k++, i++) if (ref.mask[i]) scale = Math.max(scale, Math.abs(ref.logits[i] as number));
  return scale;
}

/**
 * The first broken invariant of one head, as a sentence naming the row and the values, or null.
 * @param ref the float64 reference of the same inputs (all heads).
 * @param logitFloor the least |ℓ|max a row's bound uses: the soft-cap c on a path that computes
 *   c·tanh(x/c) in float32 (WebGL), whose rounding is relative to c, not to the logit; else 0.
 */
export function headProblem(result: HeadResult, ref: ReferenceStages, tol: Tolerances, logitFloor = 0): string | null {
  const { heads: H, queryLength: Lq, keyLength: Lk, dV } = ref.shape;
  const bh = result.batch * H + result.head;
  const at = `b=${result.batch} h=${result.head}`;
  for (let q = 0; q < Lq; q++) {
    const logitError = tol.logitUlps * 2 ** -24 * Math.max(logitFloor, rowLogitScale(ref, bh * Lq + q));
    let sum = 0;
    let allowed = 0;
    for (let k = 0; k < Lk; k++) {
      const i = q * Lk + k;
      const w = result.weights[i] as number;
      if (!Number.isFinite(w)) return `${at} q=${q} k=${k}: weight ${w}`;
      if ((result.mask[i] ? 1 : 0) !== ref.mask[bh * Lq * Lk + i]) return `${at} q=${q} k=${k}: mask ${result.mask[i]}, reference ${ref.mask[bh * Lq * Lk + i]}`;
      if (result.mask[i]) allowed++;
      else if (w !== 0) return `${at} q=${q} k=${k}: blocked cell has weight ${w}`;
      sum += w;
      const expected = ref.weights[bh * Lq * Lk + i] as number;
      if (Math.abs(w - expected) > tol.weights + logitError) return `${at} q=${q} k=${k}: weight ${w}, reference ${expected}`;
    }
    const fullyMasked = ((result.rowStatus[q] as number) & RowStatus.fullyMasked) !== 0;
    if (fullyMasked !== (allowed === 0)) return `${at} q=${q}: ${allowed} allowed keys but fully-masked flag ${fullyMasked}`;
    if (allowed > 0 && Math.abs(sum - 1) > ROW_SUM_TOLERANCE) return `${at} q=${q}: weights sum to ${sum}`;
    if (allowed === 0 && sum !== 0) return `${at} q=${q}: fully masked row sums to ${sum}`;
    for (let d = 0; d < dV; d++) {
      const o = result.output[q * dV + d] as number;
      const expected = ref.output[(bh * Lq + q) * dV + d] as number;
      if (!Number.isFinite(o)) return `${at} q=${q} d=${d}: output ${o}`;
      if (allowed === 0 && o !== 0) return `${at} q=${q} d=${d}: fully masked row has output ${o}`;
      if (Math.abs(o - expected) > (tol.output + logitError) * Math.max(1, Math.abs(expected))) return `${at} q=${q} d=${d}: output ${o}, reference ${expected}`;
    }
  }
  return null;
}
