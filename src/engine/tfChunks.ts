/**
 * The tfjs path one (batch item, head) and one block of query rows at a time, so that no texture
 * exceeds the device's MAX_TEXTURE_SIZE and no chunk holds more than CHUNK_CELLS cells.
 * Same pipeline as computeAttention (attention.ts); the mask of the block is the scenario's mask
 * with b, h fixed and q shifted by the block's first row (specializeMask).
 */
import * as tf from '@tensorflow/tfjs-core';
import { applyScoreMods, maskedSoftmax } from './attention';
import type { HeadStages } from './headStages';
import { specializeMask } from './mask';
import { compileMask } from './mask/compile';
import { alibiSlope, effectiveScale } from './scoreMods';
import { rowFlags } from './rowStatus';
import type { AttentionInputs } from './types';

/** Most cells [rows × Lk] of one tfjs chunk: 4 Mi cells = 16 MB per float32 texture. */
export const CHUNK_CELLS = 1 << 22;

/**
 * Query rows per tfjs chunk: as many as fit in CHUNK_CELLS and in one MAX_TEXTURE_SIZE² texture.
 * @param maxTextureSize WebGL MAX_TEXTURE_SIZE in texels (0 = no WebGL limit, e.g. the CPU backend).
 * @returns an integer in [1, Lq].
 */
export function rowsPerChunk(queryLength: number, keyLength: number, maxTextureSize: number): number {
  const texels = maxTextureSize > 0 ? maxTextureSize * maxTextureSize : Infinity;
  const cells = Math.min(CHUNK_CELLS, texels);
  return Math.max(1, Math.min(queryLength, Math.floor(cells / keyLength)));
}

/**
 * Computes query rows [start, end) of head (out.batch, out.head) on the active tfjs backend and
 * copies every stage into `out`. Every tensor is disposed before it resolves.
 * @throws RangeError when the rows are outside [0, Lq); Error from tfjs (e.g. a lost context).
 */
export async function computeRowsTf(inputs: AttentionInputs, out: HeadStages, start: number, end: number): Promise<void> {
  const { queryLength: Lq, keyLength: Lk, dV } = inputs.shape;
  if (!(start >= 0 && start < end && end <= Lq)) throw new RangeError(`computeRowsTf: rows [${start}, ${end}) outside [0, ${Lq})`);
  const tensors = tf.tidy(() => buildChunk(inputs, out.batch, out.head, start, end));
  try {
    // no modifier: logits is the scaled tensor itself, read once
    const sameLogits = tensors.logits === tensors.scaled;
    const [scores, scaled, logits, mask, weights, output] = await Promise.all(
      [tensors.scores, tensors.scaled, sameLogits ? null : tensors.logits, tensors.mask, tensors.weights, tensors.output].map((t) => t?.data()),
    );
    const at = start * Lk;
    out.scores.set(scores as Float32Array, at);
    out.scaled.set(scaled as Float32Array, at);
    out.logits.set((logits ?? scaled) as Float32Array, at);
    out.mask.set(mask as Uint8Array, at);
    out.weights.set(weights as Float32Array, at);
    out.output.set(output as Float32Array, start * dV);
    finishRows(inputs, out, start, end);
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

function buildChunk(inputs: AttentionInputs, b: number, h: number, start: number, end: number) {
  const { heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = inputs.shape;
  const rows = end - start;
  const bh = b * H + h;
  const q = tf.tensor4d(inputs.q.subarray((bh * Lq + start) * dK, (bh * Lq + end) * dK), [1, 1, rows, dK]);
  const k = tf.tensor4d(inputs.k.subarray(bh * Lk * dK, (bh + 1) * Lk * dK), [1, 1, Lk, dK]);
  const v = tf.tensor4d(inputs.v.subarray(bh * Lk * dV, (bh + 1) * Lk * dV), [1, 1, Lk, dV]);
  const scores = tf.matMul(q, k, false, true);
  const scaled = tf.mul(scores, tf.scalar(effectiveScale(dK, inputs.scale, inputs.scoreMods)));
  const slopes = inputs.scoreMods?.alibi ? [alibiSlope(h, H)] : [];
  const logits = applyScoreMods(scaled, inputs.shape, inputs.scoreMods, { slopes, start, end });
  const expr = specializeMask(inputs.mask.expr, { b, h, queryOffset: start, Lq, Lk });
  const mask = compileMask(expr, { batch: 1, heads: 1, queryLength: rows, keyLength: Lk }, inputs.mask.tables);
  const weights = maskedSoftmax(logits, mask);
  const output = tf.matMul(weights, v);
  return { scores, scaled, logits, mask, weights, output };
}

/** masked = where(mask, logits, −∞) and the row flags of rows [start, end), from the read-back arrays. */
function finishRows(inputs: AttentionInputs, out: HeadStages, start: number, end: number): void {
  const Lk = inputs.shape.keyLength;
  const real = inputs.queryIsReal[out.batch];
  for (let i = start; i < end; i++) {
    let allowed = false;
    for (let c = i * Lk; c < (i + 1) * Lk; c++) {
      const m = out.mask[c] === 1;
      out.masked[c] = m ? (out.logits[c] as number) : -Infinity;
      allowed ||= m;
    }
    out.rowStatus[i] = rowFlags(allowed, real?.[i] !== false);
  }
}

/**
 * Compiles the WebGL shaders of the chunk pipeline ahead of the first request, in tfjs's
 * compile-only mode (ENGINE_COMPILE_ONLY): programs are compiled and linked but never run, and the
 * tensors built meanwhile hold no values, so they are disposed unread — nothing computed here is
 * ever shown. With WEBGL_USE_SHAPES_UNIFORMS the shaders then serve every size of the same kind.
 * Does nothing on a backend other than WebGL.
 * @param inputs small inputs whose masks and modifiers resemble the coming requests.
 */
export async function warmUpTf(inputs: AttentionInputs[]): Promise<void> {
  if (tf.getBackend() !== 'webgl') return;
  const built: tf.Tensor[] = [];
  tf.env().set('ENGINE_COMPILE_ONLY', true);
  try {
    for (const input of inputs) built.push(...Object.values(tf.tidy(() => buildChunk(input, 0, 0, 0, input.shape.queryLength))));
  } finally {
    tf.env().set('ENGINE_COMPILE_ONLY', false);
  }
  const backend = tf.backend() as unknown as { checkCompileCompletionAsync(): Promise<unknown>; getUniformLocations(): void };
  await backend.checkCompileCompletionAsync();
  backend.getUniformLocations();
  tf.dispose(built);
}
