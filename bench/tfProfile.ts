/**
 * The tfjs paths' time split by stage with the tfjs profiler (tf.profile around runAttention).
 * Kernels are attributed in the order the engine issues them per chunk (tfStages.ts buildStagesTf):
 * the mask's kernels; from the first BatchMatMul = scores, scale and score modifiers; from the
 * softmax (on WebGL the one fused MaskedSoftmax kernel, tfMaskedSoftmax.ts; elsewhere the chain
 * from its first ZerosLike) to the next BatchMatMul = softmax; that BatchMatMul = output; the next
 * kernel starts the next chunk's mask. Time outside kernels = uploads,
 * read-backs to JS, row status in JS. With GPU timer queries kernel times are GPU
 * times; without them (e.g. SwiftShader) tfjs times each kernel on the wall clock with a
 * synchronous read after it, which serialises the pipeline and adds one read-back per kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import { runAttention } from '../src/engine/runner';
import { MASKED_SOFTMAX_KERNEL } from '../src/engine/tfMaskedSoftmax';
import { resolvePath } from './compute';
import { inputsFor } from './inputs';
import { timeOnce } from './timing';

type Stage = 'scores' | 'mask' | 'softmax' | 'output';
type ProfileInfo = Awaited<ReturnType<typeof tf.profile>>;

export interface TfStageSplit {
  path: 'webgl' | 'cpu';
  /** Wall time of the profiled run, ms (slower than an unprofiled run). */
  wallMs: number;
  stagesMs: Record<Stage, number>;
  /** wallMs − the kernels: uploads, read-backs, JS post-processing. */
  outsideMs: number;
  kernels: number;
  /** How kernels were timed: GPU timer queries, or the wall clock (WebGL: with a synchronous read per kernel). */
  clock: 'gpu timer' | 'wall + sync read' | 'wall';
}

/** The kernels that begin the softmax stage: the fused WebGL kernel, or the chain's first op. */
const SOFTMAX_START = new Set([MASKED_SOFTMAX_KERNEL, 'ZerosLike']);

/** The stage of each kernel name, in issue order (see the file comment). */
function attribute(names: string[]): Stage[] {
  let stage: Stage = 'mask';
  return names.map((name) => {
    if (stage === 'output') stage = 'mask'; // the next chunk
    if (stage === 'mask' && name === 'BatchMatMul') stage = 'scores';
    if (stage === 'scores' && SOFTMAX_START.has(name)) stage = 'softmax';
    if (stage === 'softmax' && name === 'BatchMatMul') stage = 'output';
    return stage;
  });
}

/** One profiled runAttention (all heads) on a tfjs path at (B, H, L). */
export async function tfStages(path: 'webgl' | 'cpu', B: number, H: number, L: number): Promise<TfStageSplit> {
  const inputs = inputsFor(B, H, L);
  const { run, maxTextureSize } = await resolvePath(path, B * H * L * L);
  let info: ProfileInfo | null = null;
  const wallMs = await timeOnce(async () => {
    info = await tf.profile(async () => void (await runAttention(inputs, { path: run, maxTextureSize })));
  });
  const kernels = (info as ProfileInfo | null)?.kernels ?? [];
  const stages = attribute(kernels.map((k) => k.name));
  const stagesMs: Record<Stage, number> = { scores: 0, mask: 0, softmax: 0, output: 0 };
  let timed = true;
  kernels.forEach((k, i) => {
    if (typeof k.kernelTimeMs === 'number') stagesMs[stages[i] as Stage] += k.kernelTimeMs;
    else timed = false;
  });
  const sum = Object.values(stagesMs).reduce((a, b) => a + b, 0);
  if (!timed) throw new Error(`tfjs ${path}: kernel times unavailable`);
  const gpuTimer = tf.env().getNumber('WEBGL_DISJOINT_QUERY_TIMER_EXTENSION_RELIABLE') > 0;
  const clock = path === 'cpu' ? 'wall' : gpuTimer ? 'gpu timer' : 'wall + sync read';
  return { path, wallMs, stagesMs, outsideMs: wallMs - sum, kernels: kernels.length, clock };
}

/** Kernel names and their attributed stages at a small size (to check the attribution). */
export async function tfKernelNames(path: 'webgl' | 'cpu'): Promise<string[]> {
  const inputs = inputsFor(1, 1, 8);
  const { run, maxTextureSize } = await resolvePath(path, 64);
  const info = await tf.profile(async () => void (await runAttention(inputs, { path: run, maxTextureSize })));
  const stages = attribute(info.kernels.map((k) => k.name));
  return info.kernels.map((k, i) => `${k.name}:${stages[i]}`);
}
