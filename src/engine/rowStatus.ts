import { RowStatus, type AttentionShape } from './types';

/**
 * Flags each (b, h, q) row: fully masked (no allowed key) and/or padded query.
 * Query padding never blocks cells; it only marks the row (DESIGN.md §1).
 * @param mask Uint8Array [B,H,Lq,Lk], 1 = may attend.
 * @param queryIsReal [B][Lq], false for a padding query token.
 * @returns Uint8Array [B,H,Lq] of RowStatus bit flags.
 */
export function rowStatuses(
  mask: Uint8Array,
  queryIsReal: boolean[][],
  shape: AttentionShape,
): Uint8Array {
  const { batch, heads, queryLength, keyLength } = shape;
  const status = new Uint8Array(batch * heads * queryLength);
  for (let row = 0; row < status.length; row++) {
    const b = Math.floor(row / (heads * queryLength));
    const q = row % queryLength;
    let anyAllowed = false;
    for (let k = 0, i = row * keyLength; k < keyLength; k++, i++) {
      if (mask[i]) {
        anyAllowed = true;
        break;
      }
    }
    status[row] = rowFlags(anyAllowed, queryIsReal[b]?.[q] !== false);
  }
  return status;
}

/**
 * The RowStatus flags of one row: fully masked when no key is allowed, padded query when the
 * query token is padding (it never blocks anything). Every engine path flags rows with this.
 */
export function rowFlags(anyAllowed: boolean, realQuery: boolean): number {
  return (anyAllowed ? RowStatus.normal : RowStatus.fullyMasked) | (realQuery ? 0 : RowStatus.paddedQuery);
}

/**
 * where(mask, logits, −∞), computed from read-back arrays so that no infinity ever lives in a
 * GPU texture. Blocked cells get −Infinity (never NaN, never a large negative number).
 * @param logits [B,H,Lq,Lk] (the scaled scores when no score modifier is on); mask [B,H,Lq,Lk], 1 = may attend.
 */
export function applyMask(logits: ArrayLike<number>, mask: Uint8Array): Float32Array {
  const out = new Float32Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = mask[i] ? (logits[i] as number) : -Infinity;
  return out;
}
