/** The buffers to transfer (not copy) with a StageSet, its heads' pyramids included: each one once, even when heads share one. */
import type { StageSet } from '../engine/headStages';
import { pyramidBuffers } from '../engine/stagePyramids';

export function stageBuffers(set: StageSet): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const head of set.heads) {
    if (!head) continue;
    for (const a of [head.scores, head.scaled, head.logits, head.mask, head.masked, head.weights, head.output, head.rowStatus]) {
      buffers.add(a.buffer as ArrayBuffer);
    }
    for (const b of head.pyramids ? pyramidBuffers(head.pyramids) : []) buffers.add(b);
  }
  return [...buffers];
}
