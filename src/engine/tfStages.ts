/**
 * The one tfjs stage builder of the engine (Vaswani et al. 2017, eq. 1): scores = Q·Kᵀ,
 * scaled = scores × scale, logits = softcap(scaled + ALiBi bias), weights = softmax over the
 * allowed keys, output = weights·V. Used for the whole batch at once (attention.ts) and for one
 * head's block of query rows (tfChunks.ts), so both follow the same numerical rules (DESIGN.md §1).
 */
import * as tf from '@tensorflow/tfjs-core';
import { specializeMask } from './mask';
import { compileMask } from './mask/compile';
import { maskTensor } from './maskTensor';
import { maskedSoftmaxWebgl } from './tfMaskedSoftmax';
import { alibiSlope, alibiSlopes, changesLogits, effectiveScale, type ScoreMods } from './scoreMods';
import type { AttentionInputs, AttentionShape, Precision } from './types';

/**
 * What one tfjs computation covers: every batch item, head and query row ('whole': tensors
 * [B,H,Lq,·]), or query rows [start, end) of head (batch, head) ('rows': tensors [1,1,rows,·]).
 */
export type TfBlock = { kind: 'whole' } | { kind: 'rows'; batch: number; head: number; start: number; end: number };

/** The stages of one block as read back: float32 arrays row-major, the mask as 0/1 bytes. */
export interface TfStageArrays {
  scores: Float32Array;
  scaled: Float32Array;
  /** Equal to `scaled` (a copy) when no score modifier changes it. */
  logits: Float32Array;
  mask: Uint8Array;
  weights: Float32Array;
  output: Float32Array;
}

/**
 * Computes the stages of `block` on the active tfjs backend and reads them back. Every tensor is
 * built in tf.tidy and disposed before it resolves, also when reading fails.
 * `masked` (−∞ in blocked cells) is not made here: no infinity ever sits in a (possibly float16)
 * texture; callers make it from the read-back arrays (rowStatus.ts).
 * @throws Error from tfjs (e.g. a lost WebGL context) or when a mask table is malformed.
 */
export async function readStagesTf(inputs: AttentionInputs, block: TfBlock): Promise<TfStageArrays> {
  const tensors = tf.tidy(() => buildStagesTf(inputs, block));
  try {
    // no modifier: logits is the scaled tensor itself, read once; both stages share the array
    const sameLogits = tensors.logits === tensors.scaled;
    const [scores, scaled, logits, mask, weights, output] = await Promise.all([
      tensors.scores.data<'float32'>(),
      tensors.scaled.data<'float32'>(),
      sameLogits ? null : tensors.logits.data<'float32'>(),
      tensors.mask.data<'bool'>(),
      tensors.weights.data<'float32'>(),
      tensors.output.data<'float32'>(),
    ]);
    return { scores, scaled, logits: logits ?? scaled, mask: Uint8Array.from(mask), weights, output };
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

/**
 * Builds the stage tensors of `block` (call inside tf.tidy; the caller owns the result).
 * Shapes: whole [B,H,Lq,Lk] (output [B,H,Lq,dV]); rows [1,1,rows,Lk] (output [1,1,rows,dV]).
 * The mask of a row block is the scenario's mask with b, h fixed and q shifted by the block's
 * first row (specializeMask). Also used in compile-only mode to warm up the shaders (warmUpTf).
 */
export function buildStagesTf(inputs: AttentionInputs, block: TfBlock) {
  const { q, k, v, mask, rows } = block.kind === 'whole' ? wholeOperands(inputs) : rowOperands(inputs, block);
  const scores = tf.matMul(q, k, false, true);
  const scaled = tf.mul(scores, tf.scalar(effectiveScale(inputs.shape.dK, inputs.scale, inputs.scoreMods)));
  const logits = applyScoreMods(scaled, inputs.shape, inputs.scoreMods, rows);
  const weights = maskedSoftmax(logits, mask);
  const output = tf.matMul(weights, v);
  return { scores, scaled, logits, mask, weights, output };
}

interface Operands {
  q: tf.Tensor4D;
  k: tf.Tensor4D;
  v: tf.Tensor4D;
  mask: tf.Tensor;
  rows: { slopes: number[]; start: number; end: number };
}

function wholeOperands(inputs: AttentionInputs): Operands {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = inputs.shape;
  return {
    q: tf.tensor4d(inputs.q, [B, H, Lq, dK]),
    k: tf.tensor4d(inputs.k, [B, H, Lk, dK]),
    v: tf.tensor4d(inputs.v, [B, H, Lk, dV]),
    mask: maskTensor(inputs.mask, inputs.shape),
    rows: { slopes: alibiSlopes(H), start: 0, end: Lq },
  };
}

function rowOperands(inputs: AttentionInputs, { batch: b, head: h, start, end }: { batch: number; head: number; start: number; end: number }): Operands {
  const { heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = inputs.shape;
  const rows = end - start;
  const bh = b * H + h;
  const expr = specializeMask(inputs.mask.expr, { b, h, queryOffset: start, Lq, Lk });
  return {
    q: tf.tensor4d(inputs.q.subarray((bh * Lq + start) * dK, (bh * Lq + end) * dK), [1, 1, rows, dK]),
    k: tf.tensor4d(inputs.k.subarray(bh * Lk * dK, (bh + 1) * Lk * dK), [1, 1, Lk, dK]),
    v: tf.tensor4d(inputs.v.subarray(bh * Lk * dV, (bh + 1) * Lk * dV), [1, 1, Lk, dV]),
    mask: compileMask(expr, { batch: 1, heads: 1, queryLength: rows, keyLength: Lk }, inputs.mask.tables),
    rows: { slopes: inputs.scoreMods?.alibi ? [alibiSlope(h, H)] : [], start, end },
  };
}

/**
 * scaled → logits on tfjs: + ALiBi bias, then soft-cap c·tanh(x/c) (same order as `cellLogit`).
 * tanh saturates, so a huge |x| gives ±c, never ±∞ or NaN. Returns `scaled` itself when no
 * modifier changes it. Call inside tf.tidy.
 * @param scaled float32 [B,H,Lq,Lk], or [1,1,rows,Lk] for one head's row block.
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
 * Same definition as `alibiBias` (scoreMods.ts; Press et al. 2022, ALiBi).
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
 * Row softmax over the allowed cells only, by selection (never by adding a large negative
 * number, which overflows float16 textures).
 * max_allowed is found without infinities: blocked cells are replaced by the row's minimum
 * (≤ every allowed value), so no −∞ or huge constant ever sits in a texture. A row with no
 * allowed cell gets weights 0 (its sum is replaced by 1 in the division), never NaN: tfjs's own
 * `softmax` returns NaN (CPU) or 1s (WebGL) for such rows, so it is not used.
 * On the WebGL backend the same definition runs as one fused kernel of two programs
 * (tfMaskedSoftmax.ts) when mask and logits have the same non-empty shape; elsewhere (CPU, WASM,
 * a broadcast mask) as the chain of tfjs ops below.
 * Source: PyTorch ≥ 2.5 SDPA, FlashAttention, `jax.nn.softmax(where=)` for fully masked rows.
 * @param logits float32 [..., Lk]; mask bool of the same shape or broadcastable to it (true = may attend).
 * @returns weights of the same shape: rows sum to 1, or are all 0 when nothing is allowed.
 */
export function maskedSoftmax(logits: tf.Tensor, mask: tf.Tensor): tf.Tensor {
  const fused = tf.getBackend() === 'webgl' && logits.size > 0 && tf.util.arraysEqual(logits.shape, mask.shape);
  return fused ? maskedSoftmaxWebgl(logits, mask) : maskedSoftmaxChain(logits, mask);
}

/** maskedSoftmax as a chain of tfjs ops (any backend; the CPU backend's path). */
export function maskedSoftmaxChain(logits: tf.Tensor, mask: tf.Tensor): tf.Tensor {
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

/**
 * The device's WebGL MAX_TEXTURE_SIZE as tfjs uses it (the `WEBGL_MAX_TEXTURE_SIZE` flag), or 0
 * off WebGL; with `requested` > 0 (a caller's limit), the smaller of the two.
 */
export function textureLimit(requested = 0): number {
  const device = tf.getBackend() === 'webgl' ? tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE') : 0;
  if (device > 0 && requested > 0) return Math.min(device, requested);
  return device > 0 ? device : requested;
}

/**
 * The precision of the active backend: 'float16' on WebGL when tfjs stores tensors in half-float
 * textures — the device has no float32 render targets (`WEBGL_RENDER_FLOAT32_ENABLED` false) or
 * `WEBGL_FORCE_F16_TEXTURES` is set (tfjs flags, tfjs-backend-webgl `flags_webgl.ts`);
 * 'float32' otherwise (the CPU backend is always float32).
 */
export function backendPrecision(): Precision {
  if (tf.getBackend() !== 'webgl') return 'float32';
  const f16 = !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') || tf.env().getBool('WEBGL_FORCE_F16_TEXTURES');
  return f16 ? 'float16' : 'float32';
}
