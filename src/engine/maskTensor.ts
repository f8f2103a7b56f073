/** The scenario's mask as a tfjs tensor (kept apart from masks.ts so that the page never loads tfjs). */
import * as tf from '@tensorflow/tfjs-core';
import { compileMask } from './mask/compile';
import { assertKeyTable } from './masks';
import type { AttentionShape, MaskSpec } from './types';

/**
 * The same mask compiled to tfjs ops over index grids, broadcast to [B,H,Lq,Lk] (bool, true =
 * may attend). The caller owns the tensor.
 * @throws Error when a table the mask reads is missing or malformed, or keyIsReal is not [B, Lk]
 *   (before any tensor exists).
 */
export function maskTensor(spec: MaskSpec, shape: AttentionShape): tf.Tensor4D {
  assertKeyTable(spec, shape);
  const { batch, heads, queryLength, keyLength } = shape;
  return tf.tidy(() => tf.broadcastTo(compileMask(spec.expr, shape, spec.tables), [batch, heads, queryLength, keyLength]) as tf.Tensor4D);
}

