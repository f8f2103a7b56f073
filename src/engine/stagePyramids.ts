/**
 * The pooled pyramids of one head's stages (issue #13), built where the head is computed — the
 * engine worker — and sent with it, so that the page's first draw of a 4096 × 4096 heatmap reads
 * about four pyramid entries per pixel instead of walking 16 M cells on the main thread.
 * Each pyramid pools its stage as the page's stage heatmap does (src/ui/stageCards.ts): the score
 * stages by magnitude (the Masked scores with the blocked cells), the mask and the weights by
 * max with the blocked cells. Pure; no DOM.
 */
import { blockedFlags } from './blockedFlags';
import { buildPoolPyramid, withoutValues, type PoolBy, type PoolPyramid } from './poolPyramid';
import { headIndex } from './headStages';
import { PYRAMID_MIN_CELLS, SENT_PYRAMID_MIN_CELLS } from './thresholds';
import type { AttentionShape, HeadRef } from './types';

/** The cell stages ([Lq × Lk]) a pyramid is built for. */
export type PyramidStage = 'scores' | 'scaled' | 'logits' | 'mask' | 'masked' | 'weights';

/** A head's pyramids by stage: absent for a head under PYRAMID_MIN_CELLS cells, or computed on the page. */
export type StagePyramids = Record<PyramidStage, PoolPyramid>;

/** How each stage is pooled: by what, and whether the blocked cells (1 − mask) take part. */
export const PYRAMID_POOLING: Record<PyramidStage, { by: PoolBy; blocked: boolean }> = {
  scores: { by: 'magnitude', blocked: false },
  scaled: { by: 'magnitude', blocked: false },
  logits: { by: 'magnitude', blocked: false },
  mask: { by: 'max', blocked: true },
  masked: { by: 'magnitude', blocked: true },
  weights: { by: 'max', blocked: true },
};

/** The stages of one head the pyramids are built from: [Lq × Lk] each (mask: 1 = may attend). */
export type PyramidSource = Record<Exclude<PyramidStage, 'masked'>, Float32Array | Uint8Array>;

/**
 * The pyramids of every cell stage of one head, or null when the head has fewer than
 * PYRAMID_MIN_CELLS cells (a draw walks those directly). A level keeps each block's
 * representative cell (poolPyramid.ts), so stages that order every block's cells alike share one,
 * without the coarse levels' values (withoutValues) where those are another stage's:
 * - scaled = scores × scale rounded to float32, the same order of |value|: the scores' pyramid
 *   (where rounding makes two cells equally large, either is a largest), and the logits' too when
 *   no modifier changes them (then they are the scaled array), else their own;
 * - the mask's allowed cells are all 1, so any allowed representative draws the same pixel: the
 *   weights' pyramid (max over the allowed cells) has one exactly where a block has an allowed cell;
 * - masked = where(mask, logits, −∞): the logits' pyramid without the blocked cells, with the
 *   weights' anyBlocked arrays (the same blocked cells).
 * Cost: one walk and a third of scores, logits and weights (about 1.2 s at 4096² on a 2-core EPYC,
 * BENCHMARKS.md §2); memory 5 bytes per 16 cells per pyramid built, and about 1 per 12 for its
 * coarse levels' values. The worker builds them for the heads sendsPyramids names.
 * @param blocked [Lq × Lk], 1 = blocked: 1 − mask (blockedFlags), which the worker sends with the head
 * @throws RangeError when a stage or `blocked` is not [Lq × Lk]
 */
export function buildStagePyramids(head: PyramidSource, Lq: number, Lk: number, blocked?: Uint8Array): StagePyramids | null {
  if (Lq * Lk < PYRAMID_MIN_CELLS) return null;
  if (head.mask.length !== Lq * Lk) throw new RangeError(`buildStagePyramids: mask has length ${head.mask.length}, expected [${Lq}×${Lk}]`);
  const flags = blocked ?? blockedFlags(head.mask as Uint8Array);
  const build = (values: ArrayLike<number>, by: PoolBy, withBlocked: boolean) => buildPoolPyramid(values, Lq, Lk, withBlocked ? flags : undefined, by);
  const scores = build(head.scores, 'magnitude', false);
  const scaled = withoutValues(scores);
  const logits = sameCells(head.logits, head.scaled) ? scaled : build(head.logits, 'magnitude', false);
  const weights = build(head.weights, 'max', true);
  const own = build(head.logits, 'magnitude', true);
  // the masked scores are the logits at the allowed cells, where every representative is
  const masked = { ...own, levels: own.levels.map((l, i) => ({ ...l, anyBlocked: weights.levels[i]?.anyBlocked ?? l.anyBlocked })) };
  return { scores, scaled, logits, mask: withoutValues(weights), masked, weights };
}

/**
 * Whether the engine worker builds and sends the pyramids of the head at `index` (headIndex) of a
 * result of `shape`: every head from SENT_PYRAMID_MIN_CELLS cells, and the head on screen
 * (`focus`, when it is in the result) from PYRAMID_MIN_CELLS, so that its stage cards' first draws
 * build none on the main thread (at 1024² about 80 ms for the three on a 2-core EPYC, in a CPU
 * profile of the built app).
 */
export function sendsPyramids(shape: Pick<AttentionShape, 'batch' | 'heads' | 'queryLength' | 'keyLength'>, index: number, focus: HeadRef | null | undefined): boolean {
  const cells = shape.queryLength * shape.keyLength;
  if (cells >= SENT_PYRAMID_MIN_CELLS) return true;
  const focused = focus != null && focus.batch < shape.batch && focus.head < shape.heads && headIndex(shape, focus.batch, focus.head) === index;
  return focused && cells >= PYRAMID_MIN_CELLS;
}

/** True when two arrays are the same cells of one buffer. */
function sameCells(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.byteLength === b.byteLength;
}

/** The buffers of a head's pyramids, to transfer with it: each once (stages share pyramids and levels share arrays). */
export function pyramidBuffers(pyramids: StagePyramids): ArrayBuffer[] {
  const levels = [...new Set(Object.values(pyramids))].flatMap((p) => p.levels);
  return [...new Set(levels.flatMap((l) => [l.source.buffer, l.anyBlocked.buffer, ...(l.value ? [l.value.buffer] : [])] as ArrayBuffer[]))];
}
