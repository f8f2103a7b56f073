/**
 * "Transfer to the page": the time from the engine worker posting a result (the StageSet of every
 * head, its buffers transferred, and the inputs with Q/K/V copied in the worker and transferred, as
 * src/worker/transfer.ts sentInputs does) to the page's message handler.
 * An echo worker (echoWorker.ts) posts the same message the engine worker does; the clocks of
 * the two threads share performance.timeOrigin.
 */
import { allocateHead, type StageSet } from '../src/engine/headStages';
import { allHeads } from '../src/engine/runner';
import { changesLogits } from '../src/engine/scoreMods';
import { stageBuffers } from '../src/worker/transfer';
import { inputsFor } from './inputs';
import { median } from './timing';

let worker: Worker | null = null;

function echo(message: { id: number; inputs: unknown; set: StageSet }): Promise<{ set: StageSet; ms: number }> {
  worker ??= new Worker(new URL('./echoWorker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  return new Promise((resolve, reject) => {
    w.onmessage = (event: MessageEvent<{ set: StageSet; sentAt: number }>) => {
      resolve({ set: event.data.set, ms: performance.timeOrigin + performance.now() - event.data.sentAt });
    };
    w.onerror = (event) => reject(new Error(event.message));
    w.postMessage(message, stageBuffers(message.set));
  });
}

/** Median one-way worker → page time of a (B, H, L) result over `repeats` round trips, ms. */
export async function transfer(B: number, H: number, L: number, repeats: number): Promise<{ medianMs: number; runsMs: number[]; bytes: number }> {
  const inputs = inputsFor(B, H, L);
  const shared = !changesLogits(inputs.scoreMods); // as runAttention allocates
  let set: StageSet = { shape: inputs.shape, heads: allHeads(inputs.shape).map((r) => allocateHead(inputs.shape, r.batch, r.head, shared)) };
  const bytes = stageBuffers(set).reduce((n, b) => n + b.byteLength, 0);
  const runsMs: number[] = [];
  for (let id = 0; id <= repeats; id++) {
    const back = await echo({ id, inputs, set });
    set = back.set;
    if (id > 0) runsMs.push(back.ms); // the first round trip starts the worker
  }
  return { medianMs: median(runsMs), runsMs, bytes };
}
