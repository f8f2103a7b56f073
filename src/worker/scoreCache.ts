/**
 * Raw scores Q·Kᵀ per head, kept by the worker between runs on the same Q and K: toggling a
 * mask, a modifier or the engine leaves them unchanged, so the plain-JS path copies them
 * instead of recomputing half of its work (runAttention's `knownScores`).
 */
import { headIndex, type StageSet } from '../engine/headStages';
import { MAX_KEPT_SCORE_CELLS } from '../engine/thresholds';

// MAX_KEPT_SCORE_CELLS: at most this many cells are kept, 16 MB of float32 (engine/thresholds.ts)
export { MAX_KEPT_SCORE_CELLS };

export interface ScoreCache {
  /** The kept scores of head (b, h) for Q and K of `key`, or null. */
  lookup(key: string, batch: number, head: number): Float32Array | null;
  /** Keeps a copy of the scores of every head computed in `set` (from Q and K of `key`), within MAX_KEPT_SCORE_CELLS. */
  keep(key: string, set: StageSet): void;
}

/** An empty cache; a new `key` (other Q or K) drops what was kept. */
export function createScoreCache(maxCells = MAX_KEPT_SCORE_CELLS): ScoreCache {
  /** Scores by b·H + h, for Q and K of `key`. */
  let kept: { key: string; heads: number; scores: Map<number, Float32Array>; cells: number } | null = null;
  return {
    lookup(key, batch, head) {
      if (kept?.key !== key) return null;
      return kept.scores.get(headIndex(kept, batch, head)) ?? null;
    },
    keep(key, set) {
      if (kept?.key !== key) kept = { key, heads: set.shape.heads, scores: new Map(), cells: 0 };
      for (const stages of set.heads) {
        if (!stages) continue;
        const at = headIndex(set.shape, stages.batch, stages.head);
        if (kept.scores.has(at) || kept.cells + stages.scores.length > maxCells) continue;
        kept.scores.set(at, stages.scores.slice());
        kept.cells += stages.scores.length;
      }
    },
  };
}
