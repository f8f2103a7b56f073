/**
 * The pooled pyramids of one head's stages (issue #13), built where the head is computed — the
 * engine worker — and sent with it, so that the page's first draw of a 4096 × 4096 heatmap reads
 * about four pyramid entries per pixel instead of walking 16 M cells on the main thread.
 * Each pyramid pools its stage as the page's stage heatmap does (src/ui/stageCards.ts): the score
 * stages by magnitude (the Masked scores with the blocked cells), the mask and the weights by
 * max with the blocked cells. Pure; no DOM.
 */
import { buildPoolPyramid, type PoolBy, type PoolPyramid } from './poolPyramid';
import { PYRAMID_MIN_CELLS } from './thresholds';

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

/** The stages of one head a pyramid is built from: [Lq × Lk] each (mask: 1 = may attend). */
export type PyramidSource = Record<PyramidStage, Float32Array | Uint8Array>;

/**
 * The pyramids of every cell stage of one head, or null when the head has fewer than
 * PYRAMID_MIN_CELLS cells (a draw walks those directly).
 * Cost: one walk and a third of each stage (the six stages: about 0.12 s at 1024², 2.4 s at 4096²
 * on a 2-core EPYC, BENCHMARKS.md §2); memory about 9 bytes per 16 cells per stage. The worker
 * builds them from SENT_PYRAMID_MIN_CELLS.
 * @throws RangeError when a stage is not [Lq × Lk]
 */
export function buildStagePyramids(head: PyramidSource, Lq: number, Lk: number): StagePyramids | null {
  if (Lq * Lk < PYRAMID_MIN_CELLS) return null;
  const blocked = new Uint8Array(Lq * Lk);
  const mask = head.mask;
  if (mask.length !== Lq * Lk) throw new RangeError(`buildStagePyramids: mask has length ${mask.length}, expected [${Lq}×${Lk}]`);
  for (let i = 0; i < blocked.length; i++) blocked[i] = mask[i] ? 0 : 1;
  const build = (stage: PyramidStage): PoolPyramid => {
    const how = PYRAMID_POOLING[stage];
    return buildPoolPyramid(head[stage], Lq, Lk, how.blocked ? blocked : undefined, how.by);
  };
  const scaled = build('scaled');
  // no modifier: the logits are the scaled array itself (allocateHead), and so is their pyramid
  const logits = sameCells(head.logits, head.scaled) ? scaled : build('logits');
  return { scores: build('scores'), scaled, logits, mask: build('mask'), masked: build('masked'), weights: build('weights') };
}

/** True when two arrays are the same cells of one buffer. */
function sameCells(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.byteLength === b.byteLength;
}

/** The buffers of a head's pyramids, to transfer with it: each once (logits may share the scaled pyramid). */
export function pyramidBuffers(pyramids: StagePyramids): ArrayBuffer[] {
  const levels = [...new Set(Object.values(pyramids))].flatMap((p) => p.levels);
  return [...new Set(levels.flatMap((l) => [l.source.buffer, l.value.buffer, l.anyBlocked.buffer] as ArrayBuffer[]))];
}
