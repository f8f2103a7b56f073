/**
 * The tfjs path one (batch item, head) and one block of query rows at a time, so that no texture
 * exceeds the device's MAX_TEXTURE_SIZE and no chunk holds more than CHUNK_CELLS cells (the
 * block sizes: tfPlan.ts). The tensors are built by tfStages.ts, the same builder as the whole
 * batch's (attention.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { HeadStages } from './headStages';
import { rowFlags } from './rowStatus';
import { buildStagesTf, readStagesTf } from './tfStages';
import type { AttentionInputs } from './types';

export { backendPrecision, textureLimit } from './tfStages';

/**
 * Computes query rows [start, end) of head (out.batch, out.head) on the active tfjs backend and
 * copies every stage into `out`. Every tensor is disposed before it resolves.
 * @throws RangeError when the rows are outside [0, Lq); Error from tfjs (e.g. a lost context).
 */
export async function computeRowsTf(inputs: AttentionInputs, out: HeadStages, start: number, end: number): Promise<void> {
  const { queryLength: Lq, keyLength: Lk, dV } = inputs.shape;
  if (!(start >= 0 && start < end && end <= Lq)) throw new RangeError(`computeRowsTf: rows [${start}, ${end}) outside [0, ${Lq})`);
  const got = await readStagesTf(inputs, { kind: 'rows', batch: out.batch, head: out.head, start, end });
  const at = start * Lk;
  out.scores.set(got.scores, at);
  out.scaled.set(got.scaled, at);
  out.logits.set(got.logits, at);
  out.mask.set(got.mask, at);
  out.weights.set(got.weights, at);
  out.output.set(got.output, start * dV);
  finishRows(inputs, out, start, end);
}

/** The row flags of rows [start, end), from the read-back mask (`masked` is derived where read: HeadStages). */
function finishRows(inputs: AttentionInputs, out: HeadStages, start: number, end: number): void {
  const Lk = inputs.shape.keyLength;
  const real = inputs.queryIsReal[out.batch];
  for (let i = start; i < end; i++) {
    let allowed = false;
    for (let c = i * Lk; c < (i + 1) * Lk; c++) {
      if (out.mask[c] === 1) {
        allowed = true;
        break;
      }
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
    for (const input of inputs) built.push(...Object.values(tf.tidy(() => buildStagesTf(input, { kind: 'rows', batch: 0, head: 0, start: 0, end: input.shape.queryLength }))));
  } finally {
    tf.env().set('ENGINE_COMPILE_ONLY', false);
  }
  const backend = tf.backend() as unknown as { checkCompileCompletionAsync(): Promise<unknown>; getUniformLocations(): void };
  await backend.checkCompileCompletionAsync();
  backend.getUniformLocations();
  tf.dispose(built);
}
