/**
 * Bench worker: sends back every message it gets, shaped and transferred like the engine worker's
 * result (src/worker/engineWorker.ts), stamped with the time it was posted (timeOrigin-based ms).
 */
import type { StageSet } from '../src/engine/headStages';
import type { AttentionInputs } from '../src/engine/types';
import { sentInputs, stageBuffers } from '../src/worker/transfer';

interface Echo {
  id: number;
  inputs: AttentionInputs;
  set: StageSet;
}

const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; onmessage: ((e: MessageEvent<Echo>) => void) | null };

scope.onmessage = (event) => {
  const { id, inputs, set } = event.data;
  const run = { path: 'js', reason: 'small', backend: null, ms: 0 };
  // stamped before Q, K and V are copied for transfer, so the figure includes that copy
  const sentAt = performance.timeOrigin + performance.now();
  const sent = sentInputs(inputs, true);
  scope.postMessage({ type: 'result', id, key: 'bench', inputs: sent.inputs, set, run, sentAt }, [...stageBuffers(set), ...sent.buffers]);
};
