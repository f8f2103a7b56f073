/**
 * Stages of one (batch item, head): the unit the engine computes, chunks, transfers and draws.
 * A StageSet holds the heads computed so far; at large sizes only the heads being looked at are.
 */
import { applyMask } from './rowStatus';
import type { StagePyramids } from './stagePyramids';
import type { AttentionInputs, AttentionShape, AttentionStages, HeadRef } from './types';

/**
 * The stages of one (b, h): the arrays of AttentionStages (same meaning, same order), for this
 * head only — [Lq, Lk] for the cell stages, [Lq, dV] for `output`, [Lq] for `rowStatus` — except
 * `masked`, which is where(mask, logits, −∞) and is derived where it is read (compute/slices.ts
 * maskedAt for a cell, ui/rowStats.ts for a row, joinStages for an export): a head never stores,
 * sends or holds it (64 MiB less per 4096 × 4096 head; issue #13).
 */
export type HeadStages = Omit<AttentionStages, 'shape' | 'masked'> & {
  batch: number;
  head: number;
  /** The pooled pyramids of its cell stages, when the worker built them (Lq·Lk ≥ PYRAMID_MIN_CELLS). */
  pyramids?: StagePyramids;
  /** 1 − mask, [Lq × Lk] (1 = blocked), when the worker built the pyramids with it: sent, so the page does not derive it again. Never written. */
  blocked?: Uint8Array;
};

/** The heads of one computation: `heads[b·H + h]`, null where that head was not computed. */
export interface StageSet {
  shape: AttentionShape;
  heads: (HeadStages | null)[];
}

/** Cells of a computation, B·H·Lq·Lk: the size every threshold (paths, workers, heads on demand) is set in. */
export function cellCount(s: Pick<AttentionShape, 'batch' | 'heads' | 'queryLength' | 'keyLength'>): number {
  return s.batch * s.heads * s.queryLength * s.keyLength;
}

/**
 * Zero-filled stages for (b, h) of `shape`, to be filled row block by row block.
 * @param logitsAreScaled true when no score modifier changes the logits (scoreMods.ts changesLogits):
 *   then `logits` IS the `scaled` array (one buffer, the same numbers), a sixth less fresh memory —
 *   which is most of the plain-JS path's cost on a machine where first touching a page is slow
 *   (BENCHMARKS.md §1c "softmax & rest"). Writers store the same values into both.
 */
export function allocateHead(shape: AttentionShape, batch: number, head: number, logitsAreScaled = false): HeadStages {
  const { queryLength: Lq, keyLength: Lk, dV } = shape;
  const scaled = new Float32Array(Lq * Lk);
  return {
    batch,
    head,
    scores: new Float32Array(Lq * Lk),
    scaled,
    logits: logitsAreScaled ? scaled : new Float32Array(Lq * Lk),
    mask: new Uint8Array(Lq * Lk),
    weights: new Float32Array(Lq * Lk),
    output: new Float32Array(Lq * dV),
    rowStatus: new Uint8Array(Lq),
  };
}

/** Views (no copies) of every head of full [B,H,…] stages. */
export function splitStages(stages: AttentionStages): StageSet {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dV } = stages.shape;
  const heads: HeadStages[] = [];
  for (let bh = 0; bh < B * H; bh++) {
    const cells = <T extends Float32Array | Uint8Array>(a: T) => a.subarray(bh * Lq * Lk, (bh + 1) * Lq * Lk) as T;
    heads.push({
      batch: Math.floor(bh / H),
      head: bh % H,
      scores: cells(stages.scores),
      scaled: cells(stages.scaled),
      logits: cells(stages.logits),
      mask: cells(stages.mask),
      weights: cells(stages.weights),
      output: stages.output.subarray(bh * Lq * dV, (bh + 1) * Lq * dV),
      rowStatus: stages.rowStatus.subarray(bh * Lq, (bh + 1) * Lq),
    });
  }
  return { shape: stages.shape, heads };
}

/**
 * The full [B,H,…] stages of a set whose every head is computed (copies; `masked` derived), e.g. for export.
 * @returns null when a head is missing.
 */
export function joinStages(set: StageSet): AttentionStages | null {
  if (set.heads.some((h) => h === null)) return null;
  const heads = set.heads as HeadStages[];
  const join = <T extends Float32Array | Uint8Array>(pick: (h: HeadStages) => T, make: (n: number) => T): T => {
    const parts = heads.map(pick);
    const out = make(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  const floats = (n: number) => new Float32Array(n);
  const bytes = (n: number) => new Uint8Array(n);
  const logits = join((h) => h.logits, floats);
  const mask = join((h) => h.mask, bytes);
  return {
    shape: set.shape,
    scores: join((h) => h.scores, floats),
    scaled: join((h) => h.scaled, floats),
    logits,
    mask,
    masked: applyMask(logits, mask),
    weights: join((h) => h.weights, floats),
    output: join((h) => h.output, floats),
    rowStatus: join((h) => h.rowStatus, bytes),
  };
}

/** Every (b, h) of a shape, in the order of `StageSet.heads` (b·H + h). */
export function allHeads(shape: Pick<AttentionShape, 'batch' | 'heads'>): HeadRef[] {
  return Array.from({ length: shape.batch * shape.heads }, (_, i) => ({ batch: Math.floor(i / shape.heads), head: i % shape.heads }));
}

/**
 * Copies the q, k, v of the (b, h) blocks `blocks` (indices b·H + h) from `from` into `into`
 * ([B,H,L,d] layout), e.g. the heads one worker projected into another's arrays. Arrays of
 * another length (empty: not sent) are left alone.
 */
export function copyHeadVectors(into: AttentionInputs, from: AttentionInputs, blocks: Iterable<number>): void {
  const { queryLength: Lq, keyLength: Lk, dK, dV } = from.shape;
  const copy = (to: Float32Array, src: Float32Array, bh: number, L: number, d: number) => {
    if (to.length === src.length && src.length > 0) to.set(src.subarray(bh * L * d, (bh + 1) * L * d), bh * L * d);
  };
  for (const bh of blocks) {
    copy(into.q, from.q, bh, Lq, dK);
    copy(into.k, from.k, bh, Lk, dK);
    copy(into.v, from.v, bh, Lk, dV);
  }
}

/** Index of (b, h) in `StageSet.heads`. */
export function headIndex(shape: Pick<AttentionShape, 'heads'>, batch: number, head: number): number {
  return batch * shape.heads + head;
}
