/**
 * How the tfjs path splits a computation so that no tensor outgrows a WebGL texture: tfjs lays a
 * tensor of n values in one texture of at most MAX_TEXTURE_SIZE × MAX_TEXTURE_SIZE texels (one
 * value per texel unpacked, four packed), and fails with "Requested texture size … greater than
 * WebGL maximum" beyond. Pure: the runner plans without loading tfjs.
 */
import { CHUNK_CELLS, F16_EXACT_POSITIONS } from './thresholds';
import type { AttentionShape, Precision } from './types';

/** One tfjs computation's extent. */
export interface TfPlan {
  /** Every head and row in one computation (fewer dispatches and read-backs than head by head). */
  wholeBatch: boolean;
  /** Query rows per chunk when computed one head at a time, in [1, Lq]. */
  rows: number;
}

/**
 * The most values one tfjs computation may hold in a tensor: CHUNK_CELLS, and at most
 * maxTextureSize² (0 = no texture limit, e.g. the CPU backend).
 */
export function chunkCells(maxTextureSize: number): number {
  return maxTextureSize > 0 ? Math.min(CHUNK_CELLS, maxTextureSize * maxTextureSize) : CHUNK_CELLS;
}

/**
 * Plans the tfjs path for `shape` under a texture limit.
 * Rule: the whole batch runs at once when B·H·Lq·max(Lk, dK, dV) and B·H·Lk·max(dK, dV) values
 * (scores, weights, mask, Q, K, V, output) each fit in chunkCells; otherwise one head at a time in
 * blocks of `rows` query rows, rows·max(Lk, dK, dV) ≤ chunkCells (at least 1 row).
 * One head's K and V [Lk, dK] are not split: the app's limits (Lk ≤ 4096, dK ≤ 128: 512 Ki
 * values) fit any MAX_TEXTURE_SIZE from 1024 on (WebGL 2 guarantees 2048).
 * Example: B = 1, H = 2, Lq = 5, Lk = 8, dK = dV = 4, limit 4 (16 texels): not whole (80 > 16);
 * rows = ⌊16 / 8⌋ = 2, so blocks of 2, 2 and 1 rows.
 * @param shape the computation's shape (Lq, Lk, dK, dV ≥ 1).
 * @param maxTextureSize WebGL MAX_TEXTURE_SIZE in texels, 0 = no limit.
 */
export function planTf(shape: AttentionShape, maxTextureSize: number): TfPlan {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = shape;
  const cells = chunkCells(maxTextureSize);
  const widest = Math.max(Lk, dK, dV);
  const wholeBatch = B * H * Lq * widest <= cells && B * H * Lk * Math.max(dK, dV) <= cells;
  return { wholeBatch, rows: Math.max(1, Math.min(Lq, Math.floor(cells / widest))) };
}

/**
 * Refuses the tfjs path where float16 textures would round the mask's positions: Lq + Lk above
 * F16_EXACT_POSITIONS (2048) on a float16 backend. float32 holds them exactly (up to 2^24).
 * @throws RangeError naming Lq, Lk and the fix (the plain-JS engine, or shorter sequences).
 */
export function checkPrecision(shape: AttentionShape, precision: Precision): void {
  const { queryLength: Lq, keyLength: Lk } = shape;
  if (precision === 'float16' && Lq + Lk > F16_EXACT_POSITIONS) {
    throw new RangeError(
      `This GPU computes in float16, which holds positions exactly only up to ${F16_EXACT_POSITIONS}: ` +
        `Lq + Lk = ${Lq} + ${Lk} would round the mask. Choose the plain-JS engine, or shorter sequences.`,
    );
  }
}
