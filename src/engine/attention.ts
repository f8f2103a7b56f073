/**
 * Scaled dot-product attention on TensorFlow.js, stage by stage (Vaswani et al. 2017, eq. 1):
 * scores = Q·Kᵀ, scaled = scores × scale, masked = where(mask, scaled, −∞),
 * weights = softmax(masked) over keys, output = weights·V.
 */
import * as tf from '@tensorflow/tfjs-core';
import { maskTensor } from './masks';
import { applyMask, rowStatuses } from './rowStatus';
import type { AttentionInputs, AttentionStages } from './types';

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
 * @param inputs q [B,H,Lq,dK], k [B,H,Lk,dK], v [B,H,Lk,dV], masks, optional scale (default 1/√dK).
 * @returns the stages as row-major typed arrays (see AttentionStages).
 * @throws Error when an array's length does not match the shape (message names the argument).
 */
export async function computeAttention(inputs: AttentionInputs): Promise<AttentionStages> {
  checkInputs(inputs);
  const tensors = tf.tidy(() => buildStages(inputs));
  try {
    const [scores, scaled, mask, weights, output] = await Promise.all([
      tensors.scores.data<'float32'>(),
      tensors.scaled.data<'float32'>(),
      tensors.mask.data<'bool'>(),
      tensors.weights.data<'float32'>(),
      tensors.output.data<'float32'>(),
    ]);
    const maskBytes = Uint8Array.from(mask);
    return {
      shape: inputs.shape,
      scores,
      scaled,
      mask: maskBytes,
      masked: applyMask(scaled, maskBytes),
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
  const scaled = tf.mul(scores, tf.scalar(inputs.scale ?? 1 / Math.sqrt(dK)));
  const mask = maskTensor(inputs.mask, inputs.shape);
  const weights = maskedSoftmax(scaled, mask);
  const output = tf.matMul(weights, v);
  return { scores, scaled, mask, weights, output };
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

function checkInputs({ shape, q, k, v, queryIsReal }: AttentionInputs): void {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = shape;
  const dims = [B, H, Lq, Lk, dK, dV];
  if (dims.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new Error(`computeAttention: every size must be an integer ≥ 1, got ${JSON.stringify(shape)}`);
  }
  const expect = (name: string, got: number, want: number, dimsText: string) => {
    if (got !== want) {
      throw new Error(`computeAttention: ${name} has ${got} values, expected ${dimsText} = ${want}`);
    }
  };
  expect('q', q.length, B * H * Lq * dK, `[B,H,Lq,dK] = [${B},${H},${Lq},${dK}]`);
  expect('k', k.length, B * H * Lk * dK, `[B,H,Lk,dK] = [${B},${H},${Lk},${dK}]`);
  expect('v', v.length, B * H * Lk * dV, `[B,H,Lk,dV] = [${B},${H},${Lk},${dV}]`);
  expect('queryIsReal', queryIsReal.length, B, `[B] = [${B}]`);
}
