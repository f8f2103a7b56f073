/**
 * Causal masks in a padded batch, read with each batch item's REAL lengths (issue #11 §3).
 *
 * Two readings of "causal" when a batch is padded (DESIGN.md §1):
 * - real lengths (Maskscope's default): positions count from each item's first real token and the
 *   bottom-right offset uses its real lengths — FlashAttention's variable-length kernels
 *   (`flash_attn_varlen_func(…, causal=True)` with `cu_seqlens_q` / `cu_seqlens_k`) and KV-cache
 *   decoding. Whatever the padding side, an item sees what it would see alone in its batch.
 * - padded shape: what a dense kernel given the padded tensors computes — the plain `k ≤ q` or
 *   `k ≤ q + Lk − Lq` of `causalTerm` (masks.ts) with the padded Lq, Lk: PyTorch SDPA
 *   `is_causal=True` (top-left); FlashAttention `flash_attn_func(…, causal=True)` and xFormers
 *   `LowerTriangularFromBottomRightMask` (bottom-right).
 *
 * The real reading is a mask expression over four per-item tables, so evaluation, the "why" tree,
 * the formula text, the tfjs compile and the code export all follow from this one definition.
 */
import { add, label, le, lookup, sub, vars, type MaskExpr, type MaskTable } from './mask';

/** How a causal mask reads a padded batch: each item's real lengths, or the padded shape. */
export type CausalLengths = 'real' | 'padded';

/** Names of the tables the real-lengths causal term reads, each [B] int32. */
export const CAUSAL_TABLES = {
  queryStart: 'queryStart',
  queryLen: 'queryLen',
  keyStart: 'keyStart',
  keyLen: 'keyLen',
} as const;

const { q, k, b } = vars;

/**
 * The first real token and the number of real tokens of each sequence of a batch.
 * Padding is at one end (padBatch), so the real tokens are start … start + length − 1.
 * Example: [[T,T,T,F], [F,T,T,T], [T,T,T,T]] → start [0,1,0], length [3,3,4].
 * @param isReal [B][L] flags, false for a padding token.
 * @returns start [B] and length [B]; a sequence with no real token gets start 0, length 0.
 * @throws Error when a sequence's real tokens are not one contiguous run.
 */
export function realExtents(isReal: readonly (readonly boolean[])[]): { start: Int32Array; length: Int32Array } {
  const start = new Int32Array(isReal.length);
  const length = new Int32Array(isReal.length);
  isReal.forEach((row, i) => {
    const first = row.indexOf(true);
    const count = row.filter(Boolean).length;
    if (first >= 0 && row.lastIndexOf(true) - first + 1 !== count) {
      throw new Error(`realExtents: the real tokens of sequence ${i} are not contiguous`);
    }
    start[i] = Math.max(first, 0);
    length[i] = count;
  });
  return { start, length };
}

/** True when some sequence of either side has a padding token. */
export function isPadded(...sides: readonly (readonly (readonly boolean[])[])[]): boolean {
  return sides.some((side) => side.some((row) => row.includes(false)));
}

/**
 * True when the two readings are the same mask for every batch item. Both are `k ≤ q + offset`:
 * real lengths with offset keyStart − queryStart (top-left) or (keyStart + keyLen) − (queryStart
 * + queryLen) (bottom-right), the padded shape with 0 or Lk − Lq; they agree iff the offsets do.
 * Always true for self-attention (one batch on both sides) and for an unpadded batch; true for
 * bottom-right with every item padded on the left on both sides.
 * @param queryIsReal [B][Lq]; @param keyIsReal [B][Lk].
 * @throws Error as causalLengthTables.
 */
export function readingsAgree(
  alignment: 'bottom-right' | 'top-left',
  queryIsReal: readonly (readonly boolean[])[],
  keyIsReal: readonly (readonly boolean[])[],
): boolean {
  if (queryIsReal === keyIsReal || !isPadded(queryIsReal, keyIsReal)) return true;
  const t = causalLengthTables(queryIsReal, keyIsReal);
  const at = (name: string, b: number) => t[name]?.data[b] ?? 0;
  const Lq = queryIsReal[0]?.length ?? 0;
  const Lk = keyIsReal[0]?.length ?? 0;
  return queryIsReal.every((_, b) => {
    const ks = at(CAUSAL_TABLES.keyStart, b);
    const qs = at(CAUSAL_TABLES.queryStart, b);
    if (alignment === 'top-left') return ks - qs === 0;
    return ks + at(CAUSAL_TABLES.keyLen, b) - (qs + at(CAUSAL_TABLES.queryLen, b)) === Lk - Lq;
  });
}

/**
 * The tables of the real-lengths causal term: queryStart, queryLen, keyStart, keyLen, each [B].
 * @param queryIsReal [B][Lq]; @param keyIsReal [B][Lk] (the same array for self-attention).
 * @throws Error when the two sides have different batch sizes, or a side's real tokens are not contiguous.
 */
export function causalLengthTables(
  queryIsReal: readonly (readonly boolean[])[],
  keyIsReal: readonly (readonly boolean[])[],
): Record<string, MaskTable> {
  if (queryIsReal.length !== keyIsReal.length) {
    throw new Error(`causalLengthTables: ${queryIsReal.length} query sequences but ${keyIsReal.length} key sequences`);
  }
  const query = realExtents(queryIsReal);
  const key = realExtents(keyIsReal);
  const table = (data: Int32Array): MaskTable => ({ shape: [data.length], data });
  return {
    [CAUSAL_TABLES.queryStart]: table(query.start),
    [CAUSAL_TABLES.queryLen]: table(query.length),
    [CAUSAL_TABLES.keyStart]: table(key.start),
    [CAUSAL_TABLES.keyLen]: table(key.length),
  };
}

/**
 * The causal mask with each batch item's real lengths, as an (unlabelled) expression:
 * - bottom-right: k − keyStart[b] ≤ q − queryStart[b] + (keyLen[b] − queryLen[b])
 * - top-left:     k − keyStart[b] ≤ q − queryStart[b]
 * Source: FlashAttention `flash_attn_varlen_func` (causal=True aligns each sequence's mask to the
 * bottom right of its own Lq × Lk block, README "Changelog 2.1"), KV-cache decoding.
 * Example, cross-attention, bottom-right, with key padding, item 0 with queries q0 q1 and keys
 * k0 k1 k2 <pad> (right padding): rows [1,1,0,0], [1,1,1,0] — as alone in its batch (the padded
 * shape gives [1,1,1,0], [1,1,1,0]); keys <pad> k0 k1 k2 (left padding): rows [0,1,1,0], [0,1,1,1].
 */
export function causalRealExpr(alignment: 'bottom-right' | 'top-left'): MaskExpr {
  const keyPos = sub(k, lookup(CAUSAL_TABLES.keyStart, b));
  const queryPos = sub(q, lookup(CAUSAL_TABLES.queryStart, b));
  if (alignment === 'top-left') return le(keyPos, queryPos);
  return le(keyPos, add(queryPos, sub(lookup(CAUSAL_TABLES.keyLen, b), lookup(CAUSAL_TABLES.queryLen, b))));
}

/** The real-lengths causal mask as a term labelled `labelText` (masks.ts passes 'causal'). */
export function causalRealTerm(alignment: 'bottom-right' | 'top-left', labelText: string): MaskExpr {
  return label(labelText, causalRealExpr(alignment));
}
