/**
 * What a result moves to the page by transfer (not by copy): the buffers of a StageSet (its heads'
 * blocked flags and pyramids included, each buffer once even when heads share one) and copies of Q, K and V.
 */
import type { StageSet } from '../engine/headStages';
import { pyramidBuffers } from '../engine/stagePyramids';
import type { AttentionInputs } from '../engine/types';

export function stageBuffers(set: StageSet): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const head of set.heads) {
    if (!head) continue;
    for (const a of [head.scores, head.scaled, head.logits, head.mask, head.weights, head.output, head.rowStatus]) {
      buffers.add(a.buffer as ArrayBuffer);
    }
    if (head.blocked) buffers.add(head.blocked.buffer as ArrayBuffer);
    for (const b of head.pyramids ? pyramidBuffers(head.pyramids) : []) buffers.add(b);
  }
  return [...buffers];
}

const NO_VECTORS = new Float32Array(0);

/**
 * The inputs to send with a result, and the buffers to transfer with them. With `vectors`, Q, K
 * and V are copied here (the worker keeps its own for later requests, inputCache.ts) and the copies
 * transferred, so the page never deserializes megabytes on its main thread; without, they are empty.
 */
export function sentInputs(inputs: AttentionInputs, vectors: boolean): { inputs: AttentionInputs; buffers: ArrayBuffer[] } {
  if (!vectors) return { inputs: { ...inputs, q: NO_VECTORS, k: NO_VECTORS, v: NO_VECTORS }, buffers: [] };
  const [q, k, v] = [inputs.q.slice(), inputs.k.slice(), inputs.v.slice()];
  return { inputs: { ...inputs, q, k, v }, buffers: [q.buffer, k.buffer, v.buffer] };
}
