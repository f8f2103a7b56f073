/**
 * The engine in a Web Worker, so that the page stays responsive while Q/K/V and every stage are
 * computed: derives the inputs from the scenario, picks the path (pathChoice.ts), runs it block by
 * block, reports progress, and drops a request as soon as a newer one arrives.
 */
import { choosePath, isSoftwareRenderer, type DeviceInfo } from '../engine/pathChoice';
import { calibratedFor, type Calibration } from '../engine/calibration';
import { measureCalibration } from './calibrate';
import { cellCount, type StageSet } from '../engine/headStages';
import { blockedFlags } from '../engine/blockedFlags';
import { buildStagePyramids, sendsPyramids } from '../engine/stagePyramids';
import { runAttention } from '../engine/runner';
import { kernelHeadCount } from '../engine/wasm/attentionKernels';
import type { BackendInfo, HeadRef } from '../engine/types';
import { loadGpt2 } from '../engine/gpt2Codec';
import { inputsFor } from './inputCache';
import { createScoreCache } from './scoreCache';
import { vectorSettingsKey } from '../scenario/derive';
import { probeDevice } from './probe';
import type { ComputeRequest, PageMessage, WorkerMessage } from './protocol';
import { webglLost } from './contextWatch';
import { checkWebgl } from './gpuCheck';
import { F16_EXACT_POSITIONS } from '../engine/thresholds';
import { ensureTfBackend, isWarm } from './tfSession';
import { pacer, yieldTask } from './pacing';
import { sentInputs, stageBuffers } from './transfer';

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
}
const scope = self as unknown as WorkerScope;

class Cancelled extends Error {}
/** The WebGL context was lost during the run: nothing it computed may be sent. */
class ContextLost extends Error {}

let latest = -1;
const scores = createScoreCache();
const device: DeviceInfo = probeDevice();
/** This device's calibration, from the page (stored) or measured here; "auto" decides by it once known. */
let calibration: Calibration | null = null;
scope.postMessage({ type: 'device', device });
// On a hardware GPU "auto" runs large sizes on WebGL: compile its shaders now, not on first use.
if (device.webglVersion > 0 && !isSoftwareRenderer(device.renderer)) void ensureTfBackend('webgl', reportLoss).catch(() => undefined);

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    latest = -1; // the run in flight stops at its next checkpoint
    return;
  }
  if (request.type === 'calibration') {
    if (calibratedFor(request.calibration, device.renderer)) calibration = request.calibration;
    return;
  }
  if (request.type === 'calibrate') return calibrateOnce();
  if (request.type === 'gpuCheck') {
    void oneAtATime(() => checkWebgl(reportLoss)).then((answer) => scope.postMessage({ type: 'gpuCheck', id: request.id, ...answer }));
    return;
  }
  latest = request.id;
  void oneAtATime(() => handle(request));
};

/**
 * Runs `task` after every task queued before it has settled: tfjs has ONE global backend, so a
 * WebGL check must not switch it under a computation on the CPU backend (or the reverse). A
 * superseded computation ends at its next checkpoint, so a newer one waits for little.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function handle(request: ComputeRequest): Promise<void> {
  const started = performance.now();
  try {
    await yieldTask();
    // GPT-2's vocabulary is a chunk of its own, loaded on first use (the page loads its copy too)
    if (request.scenario.tokenizer === 'gpt2' && request.scenario.inputMode === 'text') await loadGpt2().catch(gpt2Failed);
    const inputs = inputsFor(request, () => scope.postMessage({ type: 'projecting', id: request.id }));
    checkCurrent(request.id);
    const choice = choosePath(request.scenario.engine, { ...device, calibration, gpuFault: request.avoidWebgl === true }, cellCount(inputs.shape));
    let backend: BackendInfo | null = null;
    if (choice.path !== 'js') {
      if (!isWarm(choice.path)) scope.postMessage({ type: 'preparing', id: request.id, path: choice.path });
      backend = await ensureTfBackend(choice.path, reportLoss);
      // a chosen CPU is not a fallback: only a failed WebGL keeps its reason
      if (choice.path === 'cpu') backend = { ...backend, fallbackReason: '' };
      checkCurrent(request.id);
    }
    // float16 textures round the mask's positions past F16_EXACT_POSITIONS: plain JS gives the right numbers there
    const inexact = backend?.precision === 'float16' && inputs.shape.queryLength + inputs.shape.keyLength > F16_EXACT_POSITIONS;
    const path = inexact ? 'js' : backend && backend.name !== choice.path ? 'cpu' : choice.path;
    const reason = inexact ? 'float16Long' : choice.reason;
    const pace = pacer();
    const scoresKey = vectorSettingsKey(request.scenario);
    const kernelsBefore = kernelHeadCount();
    const set = await runAttention(inputs, {
      path,
      heads: request.heads ?? undefined,
      maxTextureSize: backend?.maxTextureSize ?? 0,
      onProgress: (done, total) => pace.due() && scope.postMessage({ type: 'progress', id: request.id, done, total }),
      checkpoint: async () => {
        if (!pace.yieldDue()) return;
        await yieldTask();
        checkCurrent(request.id);
        if (path === 'webgl' && webglLost()) throw new ContextLost();
      },
      knownScores: (b, h) => scores.lookup(scoresKey, b, h),
    });
    if (path === 'webgl' && webglLost()) throw new ContextLost();
    if (path === 'js') scores.keep(scoresKey, set); // before the buffers are transferred away
    await addPyramids(set, request.id, request.focus ?? null);
    const tf = path === 'js' ? null : backend;
    const run = { path, reason, backend: tf, precision: tf?.precision ?? 'float32', ms: performance.now() - started, simd: kernelHeadCount() > kernelsBefore };
    const sent = sentInputs(inputs, request.sendVectors);
    scope.postMessage({ type: 'result', id: request.id, key: request.key, inputs: sent.inputs, set, run }, [...stageBuffers(set), ...sent.buffers]);
  } catch (error) {
    if (error instanceof Cancelled) scope.postMessage({ type: 'cancelled', id: request.id });
    else if (error instanceof ContextLost || webglLost()) reportLoss();
    else scope.postMessage({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Builds the pooled pyramids (engine/stagePyramids.ts) of the heads sendsPyramids names (the large
 * ones, and the head on screen, `focus`) here, so that the page's first draw of them does not walk
 * their cells, and sends the blocked flags they are built with, so that the page does not derive
 * them again; a newer request cancels between heads.
 */
async function addPyramids(set: StageSet, id: number, focus: HeadRef | null): Promise<void> {
  const { queryLength: Lq, keyLength: Lk } = set.shape;
  for (const [index, head] of set.heads.entries()) {
    if (!head || !sendsPyramids(set.shape, index, focus)) continue;
    const blocked = blockedFlags(head.mask);
    const pyramids = buildStagePyramids(head, Lq, Lk, blocked);
    if (!pyramids) continue;
    head.pyramids = pyramids;
    head.blocked = blocked;
    await yieldTask();
    checkCurrent(id);
  }
}

/**
 * Measures this device's calibration (calibrate.ts) unless it is known or being measured, one
 * timed run at a time through the queue (a compute request waits for one run at most), and posts
 * it. A failure posts nothing: the page asks again on its next start.
 */
let calibrating = false;
function calibrateOnce(): void {
  if (calibrating || calibration || device.webglVersion === 0) return;
  calibrating = true;
  measureCalibration(device.renderer, oneAtATime, reportLoss).then(
    (measured) => {
      calibration = measured;
      scope.postMessage({ type: 'calibration', calibration: measured });
    },
    () => undefined,
  ).finally(() => (calibrating = false));
}

/** Tells the page, once, that this worker's WebGL context is gone (it replaces the worker). */
let lossReported = false;
function reportLoss(): void {
  if (lossReported) return;
  lossReported = true;
  scope.postMessage({ type: 'gpuLost' });
}

function gpt2Failed(error: unknown): never {
  throw new Error(`The GPT-2 tokenizer could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
}

function checkCurrent(id: number): void {
  if (id !== latest) throw new Cancelled(`request ${id} was superseded by ${latest}`);
}

