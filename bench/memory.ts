/**
 * tfjs memory on the WebGL path after many updates: runAttention alternately on every head at
 * once (the whole-batch tfjs computation) and on one head (the chunked path), as the app does
 * below and above its all-heads limit; tensor count and GPU bytes read every `every` updates.
 */
import * as tf from '@tensorflow/tfjs-core';
import { runAttention } from '../src/engine/runner';
import { resolvePath } from './compute';
import { inputsFor } from './inputs';

export interface MemorySnapshot {
  updates: number;
  numTensors: number;
  numBytes: number;
  /** Bytes of live tensors' textures. */
  numBytesInGPU: number;
  /** The texture pool: held by tfjs (live + idle kept for reuse). */
  numBytesInGPUAllocated: number;
  numBytesInGPUFree: number;
}

function snapshot(updates: number): MemorySnapshot {
  const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number; numBytesInGPUAllocated?: number; numBytesInGPUFree?: number };
  return {
    updates, numTensors: m.numTensors, numBytes: m.numBytes, numBytesInGPU: m.numBytesInGPU ?? 0,
    numBytesInGPUAllocated: m.numBytesInGPUAllocated ?? 0, numBytesInGPUFree: m.numBytesInGPUFree ?? 0,
  };
}

export async function memory(updates: number, every: number, B: number, H: number, L: number): Promise<{ snapshots: MemorySnapshot[]; totalMs: number; backend: string }> {
  const inputs = inputsFor(B, H, L);
  const { run, maxTextureSize } = await resolvePath('webgl', B * H * L * L);
  const oneHead = [{ batch: B - 1, head: H - 1 }];
  const update = (i: number) => runAttention(inputs, { path: run, maxTextureSize, heads: i % 2 ? oneHead : undefined });
  await update(0);
  await update(1);
  const snapshots = [snapshot(0)];
  const t = performance.now();
  for (let i = 1; i <= updates; i++) {
    await update(i);
    if (i % every === 0) snapshots.push(snapshot(i));
  }
  return { snapshots, totalMs: performance.now() - t, backend: tf.getBackend() };
}
