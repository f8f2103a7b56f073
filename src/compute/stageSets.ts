/** Combining the heads of results computed for the same settings (large sizes: heads on demand). */
import type { StageSet } from '../engine/headStages';
import { ALL_HEADS_CELLS } from '../engine/thresholds';

// ALL_HEADS_CELLS: most cells B·H·Lq·Lk computed at once (engine/thresholds.ts)
export { ALL_HEADS_CELLS };

/** Most cells of heads kept on the page: two 4096² heads (about 700 MB), so flipping between two is instant. */
export const KEPT_CELLS = 2 * ALL_HEADS_CELLS;

/**
 * `next` with the heads it lacks taken from `previous` (same settings, so the same shape), as
 * long as the heads kept hold at most `maxCells` cells (Lq·Lk each); the others are dropped, so
 * browsing heads at L = 4096 does not pile up gigabytes.
 * @returns `next` itself when there is nothing to take.
 */
export function mergeSets(previous: StageSet | null, next: StageSet, maxCells = KEPT_CELLS): StageSet {
  if (!previous || previous.heads.length !== next.heads.length) return next;
  if (next.heads.every((h) => h !== null)) return next;
  const perHead = next.shape.queryLength * next.shape.keyLength;
  let budget = maxCells - perHead * next.heads.filter((h) => h !== null).length;
  const heads = next.heads.map((h, i) => {
    if (h) return h;
    const old = previous.heads[i] ?? null;
    if (!old || budget < perHead) return null;
    budget -= perHead;
    return old;
  });
  return { shape: next.shape, heads };
}
