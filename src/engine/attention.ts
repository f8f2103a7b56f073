/**
 * Scaled dot-product attention on TensorFlow.js, stage by stage (Vaswani et al. 2017, eq. 1):
 * scores = Q·Kᵀ, scaled = scores × scale, logits = softcap(scaled + ALiBi bias),
 * masked = where(mask, logits, −∞), weights = softmax(masked) over keys, output = weights·V.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkAttentionInputs } from './checkInputs';
import { maskTensor } from './maskTensor';
import { applyMask, rowStatuses } from './rowStatus';
import { alibiSlopes, changesLogits, effectiveScale, type ScoreMods } from './scoreMods';
import type { AttentionInputs, AttentionShape, AttentionStages } from './types';

/**
 * Computes every stage for every batch item and head on the active tfjs backend.
 *
 * The mask is applied by selection, never by adding a large negative number. The softmax
 * subtracts the row maximum over the allowed cells only; a fully masked row gets weights 0 and
 * output 0 (PyTorch ≥ 2.5 SDPA, FlashAttention, `jax.nn.softmax(where=)`), never NaN —
 * tfjs's own `softmax` returns NaN (CPU) or 1s (WebGL) for such rows, so it is not used.
 *
 * Asynchronous so that it can move to a worker without its callers changing. Every tensor it
 * creates is disposed before it resolves.
 *
 * Score modifiers (`inputs.scoreMods`, scoreMods.ts) act between `scaled` and the mask: the scale
 * override replaces 1/√dK, the ALiBi bias −m_h·|(q + Lk − Lq) − k| is added (built here from index
 * grids and broadcast over batch items), then c·tanh(x/c) soft-caps. tanh saturates, so a huge
 * |x| gives ±c, never ±∞ or NaN.
 *
 * @param inputs q [B,H,Lq,dK], k [B,H,Lk,dK], v [B,H,Lk,dV], masks, optional scale (default
 *   1/√dK) and score modifiers.
 * @returns the stages as row-major typed arrays (see AttentionStages).
 * @throws Error when an array's length does not match the shape (message names the argument), or
 *   a score modifier is out of range (see checkScoreMods).
 */
export async function computeAttention(inputs: AttentionInputs): Promise<AttentionStages> {
  checkAttentionInputs(inputs, 'computeAttention');
  const tensors = tf.tidy(() => buildStages(inputs));
  try {
    const [scores, scaled, logits, mask, weights, output] = await Promise.all([
      tensors.scores.data<'float32'>(),
      tensors.scaled.data<'float32'>(),
      // no modifier: logits is the scaled tensor itself; copied below rather than read twice
      tensors.logits === tensors.scaled ? null : tensors.logits.data<'float32'>(),
      tensors.mask.data<'bool'>(),
      tensors.weights.data<'float32'>(),
      tensors.output.data<'float32'>(),
    ]);
    const maskBytes = Uint8Array.from(mask);
    const logitValues = logits ?? Float32Array.from(scaled);
    return {
      shape: inputs.shape,
      scores,
      scaled,
      logits: logitValues,
      mask: maskBytes,
      masked: applyMask(logitValues, maskBytes),
      weights,
      output,
      rowStatus: rowStatuses(maskBytes, inputs.queryIsReal, inputs.shape),
    };
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

function buildStages(inputs: AttentionInputs) {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = inputs.shape;
  const q = tf.tensor4d(inputs.q, [B, H, Lq, dK]);
  const k = tf.tensor4d(inputs.k, [B, H, Lk, dK]);
  const v = tf.tensor4d(inputs.v, [B, H, Lk, dV]);
  const scores = tf.matMul(q, k, false, true);
  const scaled = tf.mul(scores, tf.scalar(effectiveScale(dK, inputs.scale, inputs.scoreMods)));
  const logits = applyScoreMods(scaled, inputs.shape, inputs.scoreMods);
  const mask = maskTensor(inputs.mask, inputs.shape);
  const weights = maskedSoftmax(logits, mask);
  const output = tf.matMul(weights, v);
  return { scores, scaled, logits, mask, weights, output };
}

/**
 * scaled → logits on tfjs: + ALiBi bias, then soft-cap (same order as `cellLogit`).
 * Returns `scaled` itself when no modifier changes it. Call inside tf.tidy.
 * @param scaled float32 [B,H,Lq,Lk], or [1,1,rows,Lk] for one head's row block (`rows`).
 * @param rows the heads' ALiBi slopes and the query rows [start, end) that `scaled` holds.
 */
export function applyScoreMods(
  scaled: tf.Tensor,
  shape: AttentionShape,
  mods: ScoreMods | undefined,
  rows: { slopes: number[]; start: number; end: number } = { slopes: alibiSlopes(shape.heads), start: 0, end: shape.queryLength },
): tf.Tensor {
  if (!changesLogits(mods)) return scaled;
  let x = scaled;
  if (mods?.alibi) x = tf.add(x, alibiBiasTensor(rows.slopes, rows.start, rows.end, shape));
  const cap = mods?.softcap;
  if (cap !== undefined && cap !== null) x = tf.mul(tf.tanh(tf.div(x, tf.scalar(cap))), tf.scalar(cap));
  return x;
}

/**
 * The ALiBi bias −m_h·|(q + Lk − Lq) − k| as a float32 tensor [1,heads,rows,Lk] for the query
 * rows [start, end), from index grids: query positions [rows,1] minus key positions [1,Lk],
 * broadcast against the slopes [1,heads,1,1]. Distances are small integers, exact in float32.
 * Same definition as `alibiBias` (scoreMods.ts).
 */
function alibiBiasTensor(slopes: number[], start: number, end: number, shape: AttentionShape): tf.Tensor {
  const { queryLength: Lq, keyLength: Lk } = shape;
  const rows = end - start;
  const queryPositions = tf.reshape(tf.range(start + Lk - Lq, end + Lk - Lq, 1, 'float32'), [rows, 1]);
  const keyPositions = tf.reshape(tf.range(0, Lk, 1, 'float32'), [1, Lk]);
  const distance = tf.reshape(tf.abs(tf.sub(queryPositions, keyPositions)), [1, 1, rows, Lk]);
  const negativeSlopes = tf.tensor4d(slopes.map((m) => -m), [1, slopes.length, 1, 1]);
  return tf.mul(negativeSlopes, distance);
}

/**
 * Row softmax over the allowed cells only, by selection.
 * max_allowed is found without infinities: blocked cells are replaced by the row's minimum
 * (≤ every allowed value), so no −∞ or huge constant ever sits in a (possibly float16) texture.
 * @param logits float32 [..., Lk]; mask bool of the same shape (true = may attend).
 * @returns weights of the same shape: rows sum to 1, or are all 0 when nothing is allowed.
 */
export function maskedSoftmax(logits: tf.Tensor, mask: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const zeros = tf.zerosLike(logits);
    const rowFloor = tf.min(tf.where(mask, logits, zeros), -1, true);
    const floorFilled = tf.broadcastTo(rowFloor, logits.shape);
    const rowMax = tf.max(tf.where(mask, logits, floorFilled), -1, true);
    const exps = tf.where(mask, tf.exp(tf.sub(logits, rowMax)), zeros);
    const sums = tf.sum(exps, -1, true);
    const safeSums = tf.where(tf.greater(sums, 0), sums, tf.onesLike(sums));
    return tf.div(exps, safeSums);
  });
}
