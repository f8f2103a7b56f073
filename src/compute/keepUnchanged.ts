/**
 * A recomputed result that keeps the arrays of the last one wherever their values did not change.
 *
 * The views redraw a heatmap when its values change by reference (viz/heatmap.ts needsRepaint),
 * and rebuild a colour scale when its stage does (ui/stageCards.ts). A mask change leaves the raw
 * scores and the scaled scores as they were (and every stage of a head the new mask does not
 * touch): given the last result's arrays, those heatmaps, scales and thumbnails are not redrawn.
 * Likewise, the heads of one batch item usually have the same mask: sharing one array, a head
 * switch does not redraw the Mask heatmap.
 */
import type { HeadStages, StageSet } from '../engine/headStages';

/** The stages compared, in HeadStages' order: every array a head holds. */
const STAGES = ['scores', 'scaled', 'logits', 'mask', 'weights', 'output', 'rowStatus'] as const;

/**
 * `next` with each head's arrays replaced by those of `last`'s head at the same index where the
 * values are bitwise equal (so NaN, −0 and ±∞ count as themselves). A head whose every array
 * is replaced is `last`'s head object itself. Heads null in either set are left as `next` has
 * them; sets of other shapes are not compared.
 * @returns `next` itself when `last` is null or no array can be replaced.
 */
export function keepUnchanged(last: StageSet | null, next: StageSet): StageSet {
  if (!last || last.heads.length !== next.heads.length) return next;
  let changed = false;
  const heads = next.heads.map((head, i) => {
    const old = last.heads[i] ?? null;
    if (!head || !old) return head;
    const kept = keepHead(old, head);
    changed ||= kept !== head;
    return kept;
  });
  return changed ? { shape: next.shape, heads } : next;
}

/** `next` with `last`'s arrays where equal; `last` itself when all are; `next` when none is. */
function keepHead(last: HeadStages, next: HeadStages): HeadStages {
  if (last.batch !== next.batch || last.head !== next.head) return next;
  const kept: HeadStages = { ...next };
  let same = 0;
  for (const stage of STAGES) {
    if (!sameBits(last[stage], next[stage])) continue;
    (kept[stage] as HeadStages[typeof stage]) = last[stage];
    same++;
  }
  if (same === STAGES.length && next.pyramids === undefined && next.blocked === undefined) return last;
  return same === 0 ? next : kept;
}

/**
 * `set` with each head's `mask` and `rowStatus` replaced by those of the first head of its batch
 * item (head `first`'s batch item: that head first) wherever they are bitwise equal; the head
 * `first` and heads with nothing to replace stay the same objects.
 * @returns `set` itself when nothing is replaced.
 */
export function shareAcrossHeads(set: StageSet, first = -1): StageSet {
  const H = set.shape.heads;
  let changed = false;
  const heads = set.heads.slice();
  for (let b = 0; b < set.shape.batch; b++) {
    const order = Array.from({ length: H }, (_, h) => b * H + h);
    if (first >= b * H && first < (b + 1) * H) order.sort((x, y) => Number(y === first) - Number(x === first));
    const lead = order.map((i) => heads[i]).find((h) => h != null);
    if (!lead) continue;
    for (const i of order) {
      const head = heads[i];
      if (!head || head === lead) continue;
      const mask = sameBits(lead.mask, head.mask) ? lead.mask : head.mask;
      const rowStatus = sameBits(lead.rowStatus, head.rowStatus) ? lead.rowStatus : head.rowStatus;
      if (mask === head.mask && rowStatus === head.rowStatus) continue;
      heads[i] = { ...head, mask, rowStatus };
      changed = true;
    }
  }
  return changed ? { shape: set.shape, heads } : set;
}

/** True when `a` and `b` are the same kind of array with the same bits in each element. */
export function sameBits(a: Float32Array | Uint8Array, b: Float32Array | Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length || a.constructor !== b.constructor) return false;
  const x = a instanceof Float32Array ? new Int32Array(a.buffer, a.byteOffset, a.length) : a;
  const y = b instanceof Float32Array ? new Int32Array(b.buffer, b.byteOffset, b.length) : b;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
