/**
 * The engine in a Web Worker, so that the page stays responsive while Q/K/V and every stage are
 * computed: derives the inputs from the scenario, picks the path (pathChoice.ts), runs it block by
 * block, reports progress, and drops a request as soon as a newer one arrives.
 */
import { choosePath, isSoftwareRenderer, type DeviceInfo } from '../engine/pathChoice';
import { runAttention } from '../engine/runner';
import type { AttentionInputs, BackendInfo } from '../engine/types';
import { deriveInputs, vectorSettingsKey } from '../ui/derive';
import { probeDevice } from './probe';
import type { CancelRequest, ComputeRequest, WorkerMessage } from './protocol';
import { ensureTfBackend, isWarm } from './tfSession';
import { stageBuffers } from './transfer';

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ComputeRequest | CancelRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

class Cancelled extends Error {}

let latest = -1;
let cached: { key: string; inputs: AttentionInputs } | null = null;
/** Q, K, V of the current vector settings, and which heads have been projected into them. */
let vectors: { key: string; q: Float32Array; k: Float32Array; v: Float32Array; heads: Set<number> } | null = null;
const device: DeviceInfo = probeDevice();
scope.postMessage({ type: 'device', device });
// On a hardware GPU "auto" runs large sizes on WebGL: compile its shaders now, not on first use.
if (device.webglVersion > 0 && !isSoftwareRenderer(device.renderer)) void ensureTfBackend('webgl').catch(() => undefined);

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    latest = -1; // the run in flight stops at its next checkpoint
    return;
  }
  latest = request.id;
  void handle(request);
};

async function handle(request: ComputeRequest): Promise<void> {
  const started = performance.now();
  try {
    await yieldTask();
    const inputs = inputsFor(request);
    checkCurrent(request.id);
    const { batch, heads, queryLength, keyLength } = inputs.shape;
    const choice = choosePath(request.scenario.engine, device, batch * heads * queryLength * keyLength);
    let backend: BackendInfo | null = null;
    if (choice.path !== 'js') {
      if (!isWarm(choice.path)) scope.postMessage({ type: 'preparing', id: request.id, path: choice.path });
      backend = await ensureTfBackend(choice.path);
      // a chosen CPU is not a fallback: only a failed WebGL keeps its reason
      if (choice.path === 'cpu') backend = { ...backend, fallbackReason: '' };
      checkCurrent(request.id);
    }
    const path = backend && backend.name !== choice.path ? 'cpu' : choice.path;
    const pace = pacer();
    const set = await runAttention(inputs, {
      path,
      heads: request.heads ?? undefined,
      maxTextureSize: backend?.maxTextureSize ?? 0,
      onProgress: (done, total) => pace.due() && scope.postMessage({ type: 'progress', id: request.id, done, total }),
      checkpoint: async () => {
        if (!pace.yieldDue()) return;
        await yieldTask();
        checkCurrent(request.id);
      },
    });
    const run = { path, reason: choice.reason, backend, ms: performance.now() - started };
    scope.postMessage({ type: 'result', id: request.id, key: request.key, inputs, set, run }, stageBuffers(set));
  } catch (error) {
    if (error instanceof Cancelled) scope.postMessage({ type: 'cancelled', id: request.id });
    else scope.postMessage({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Q/K/V and masks for the request: all reused while the compute settings are unchanged, and
 * Q/K/V (the costly projections) while only masks, modifiers or the engine change. Only the
 * heads the request asks for are projected (at L = 4096 that is one head of many).
 */
function inputsFor(request: ComputeRequest): AttentionInputs {
  const s = request.scenario;
  const vectorKey = vectorSettingsKey(s);
  if (vectors?.key !== vectorKey) vectors = null;
  const wanted = [...new Set((request.heads ?? everyHead(s.heads)).map((r) => r.head))];
  const missing = wanted.filter((h) => !vectors?.heads.has(h));
  if (cached?.key === request.key && missing.length === 0) return cached.inputs;
  if (missing.length > 0) scope.postMessage({ type: 'projecting', id: request.id });
  const derived = deriveInputs(s, missing.length > 0 ? { heads: missing } : { vectors: false });
  if (!derived.ok) throw new Error(derived.error === 'emptyQuery' ? 'The query side has no token.' : 'The key side has no token.');
  if (missing.length > 0) vectors = addHeads(vectors, vectorKey, derived.inputs, missing);
  const held = vectors as NonNullable<typeof vectors>;
  const inputs = { ...derived.inputs, q: held.q, k: held.k, v: held.v };
  cached = { key: request.key, inputs };
  return inputs;
}

/** Every head index 0 … H−1 as a request of batch item 0 (only the head matters for projecting). */
function everyHead(heads: number): { batch: number; head: number }[] {
  return Array.from({ length: heads }, (_, head) => ({ batch: 0, head }));
}

/** The cache with the freshly projected heads copied in (or the fresh arrays, when there was none). */
function addHeads(held: typeof vectors, key: string, fresh: AttentionInputs, heads: number[]): NonNullable<typeof vectors> {
  if (!held) return { key, q: fresh.q, k: fresh.k, v: fresh.v, heads: new Set(heads) };
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = fresh.shape;
  const copy = (to: Float32Array, from: Float32Array, L: number, d: number) => {
    for (let b = 0; b < B; b++) for (const h of heads) to.set(from.subarray(((b * H + h) * L) * d, ((b * H + h + 1) * L) * d), ((b * H + h) * L) * d);
  };
  copy(held.q, fresh.q, Lq, dK);
  copy(held.k, fresh.k, Lk, dK);
  copy(held.v, fresh.v, Lk, dV);
  for (const h of heads) held.heads.add(h);
  return held;
}

function checkCurrent(id: number): void {
  if (id !== latest) throw new Cancelled(`request ${id} was superseded by ${latest}`);
}

/** Milliseconds between progress messages, and of work between looks at the message queue. */
const PROGRESS_EVERY_MS = 50;
const YIELD_EVERY_MS = 15;

/**
 * Paces a run: progress goes to the page at most every PROGRESS_EVERY_MS, and the worker looks
 * for a newer request every YIELD_EVERY_MS of work, so a small computation runs in one go
 * (no message or task switch per head) and a large one still stops promptly when cancelled.
 */
function pacer(): { due(): boolean; yieldDue(): boolean } {
  let lastProgress = performance.now();
  let lastYield = lastProgress;
  const since = (t: number, ms: number) => performance.now() - t >= ms;
  return {
    due() {
      if (!since(lastProgress, PROGRESS_EVERY_MS)) return false;
      lastProgress = performance.now();
      return true;
    },
    yieldDue() {
      if (!since(lastYield, YIELD_EVERY_MS)) return false;
      lastYield = performance.now();
      return true;
    },
  };
}

/** Lets queued messages (a newer request) in: resolves in a new task, without timer clamping. */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
