/**
 * The masks of issue #2 — causal (both alignments) and key padding — with one definition each,
 * used two ways: evaluated per cell in plain JS (`blockReason`, for the reference, the tests and
 * "why is this cell blocked?") and compiled to tfjs ops over index grids (`maskTensor`, for the
 * engine). A test checks that the two agree. Convention: true / 1 = the query MAY attend the key.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BlockReason, type AttentionShape, type MaskSpec } from './types';

/**
 * Causal predicate for one cell.
 * - bottom-right: k ≤ q + Lk − Lq (FlashAttention ≥ 2.1, xFormers `…FromBottomRightMask`).
 * - top-left:     k ≤ q           (PyTorch SDPA `is_causal=True`, Keras, JAX).
 * Example, Lq = 2, Lk = 4, bottom-right: row 0 → [1,1,1,0], row 1 → [1,1,1,1];
 * top-left: row 0 → [1,0,0,0], row 1 → [1,1,0,0].
 * @param q query index in [0, Lq); k key index in [0, Lk).
 */
export function causalAllows(
  q: number,
  k: number,
  queryLength: number,
  keyLength: number,
  alignment: 'bottom-right' | 'top-left',
): boolean {
  const offset = alignment === 'bottom-right' ? keyLength - queryLength : 0;
  return k <= q + offset;
}

/**
 * Why the cell (b, h, q, k) is blocked, as BlockReason bit flags (0 = allowed).
 * Every enabled mask is checked, so a cell blocked by two masks reports both.
 * @param spec the masks; `keyIsReal` is [B][Lk].
 * @param shape sizes; indices must lie inside them (not checked: this is the per-cell hot path).
 */
export function blockReason(
  spec: MaskSpec,
  shape: AttentionShape,
  b: number,
  q: number,
  k: number,
): number {
  let reason: number = BlockReason.allowed;
  if (spec.causal && !causalAllows(q, k, shape.queryLength, shape.keyLength, spec.causal)) {
    reason |= BlockReason.causal;
  }
  if (spec.keyIsReal && spec.keyIsReal[b]?.[k] === false) reason |= BlockReason.keyPadding;
  return reason;
}

/**
 * The mask evaluated cell by cell in JS.
 * @returns Uint8Array [B,H,Lq,Lk], 1 = may attend. The masks of this issue do not depend on the
 * head, so every head holds the same matrix.
 */
export function evaluateMask(spec: MaskSpec, shape: AttentionShape): Uint8Array {
  const { batch, heads, queryLength, keyLength } = shape;
  const out = new Uint8Array(batch * heads * queryLength * keyLength);
  let i = 0;
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      for (let q = 0; q < queryLength; q++) {
        for (let k = 0; k < keyLength; k++) out[i++] = blockReason(spec, shape, b, q, k) ? 0 : 1;
      }
    }
  }
  return out;
}

/**
 * The same mask compiled to tfjs ops over index grids (range + broadcast compare).
 * @returns a bool tensor [B,1,Lq,Lk] (true = may attend), broadcastable over heads. The caller
 * owns it (dispose it, or create it inside `tf.tidy`).
 * @throws Error when `keyIsReal` does not have B rows of Lk entries.
 */
export function maskTensor(spec: MaskSpec, shape: AttentionShape): tf.Tensor4D {
  const { batch, queryLength, keyLength } = shape;
  return tf.tidy(() => {
    let allowed: tf.Tensor = tf.ones([1, 1, queryLength, keyLength], 'bool');
    if (spec.causal) {
      const offset = spec.causal === 'bottom-right' ? keyLength - queryLength : 0;
      const qIndex = tf.reshape(tf.range(0, queryLength, 1, 'int32'), [1, 1, queryLength, 1]);
      const kIndex = tf.reshape(tf.range(0, keyLength, 1, 'int32'), [1, 1, 1, keyLength]);
      allowed = tf.logicalAnd(allowed, tf.lessEqual(kIndex, tf.add(qIndex, offset)));
    }
    if (spec.keyIsReal) {
      assertKeyIsReal(spec.keyIsReal, batch, keyLength);
      const real = tf.tensor4d(spec.keyIsReal.flat(), [batch, 1, 1, keyLength], 'bool');
      allowed = tf.logicalAnd(allowed, real);
    }
    return tf.broadcastTo(allowed, [batch, 1, queryLength, keyLength]) as tf.Tensor4D;
  });
}

function assertKeyIsReal(keyIsReal: boolean[][], batch: number, keyLength: number): void {
  if (keyIsReal.length !== batch || keyIsReal.some((row) => row.length !== keyLength)) {
    throw new Error(
      `maskTensor: keyIsReal must be [B=${batch}][Lk=${keyLength}], got ` +
        `[${keyIsReal.length}][${keyIsReal.map((r) => r.length).join('|')}]`,
    );
  }
}
