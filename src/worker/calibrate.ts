/**
 * The device's calibration (engine/calibration.ts), measured in the engine worker: plain JS and
 * tfjs on WebGL each run a causal B = 1, H = 1, Lq = Lk = L case at CALIBRATION_LENGTHS, once
 * untimed (JIT, and WebGL's shader compile for that shape) and then twice timed, the faster time
 * kept; a line is fitted to each path's times (fitCost). tfjs on WebGL is activated (and warmed
 * up) before, untimed. Each run is a task of its own in the worker's queue, so a compute request
 * that arrives meanwhile waits for one run at most, never for the whole calibration.
 */
import { CALIBRATION_LENGTHS, fitCost, type CalibratedPath, type Calibration, type CostModel, type CostSample } from '../engine/calibration';
import { buildMaskSpec } from '../engine/masks';
import { runAttention } from '../engine/runner';
import type { AttentionInputs } from '../engine/types';
import { ensureTfBackend } from './tfSession';

/** Runs a task after those queued before it (engineWorker.ts oneAtATime): no run overlaps a compute. */
export type TaskQueue = <T>(task: () => Promise<T>) => Promise<T>;

/** Key dimension dK = dV of the timed case (the cost per cell grows with it; 32 is a mid-size head). */
const CALIBRATION_DK = 32;

/**
 * Measures both paths on this device.
 * @param renderer the device's WebGL renderer string, recorded with the result.
 * @param queue the worker's task queue; each timed run is queued separately.
 * @param onLost told if WebGL's context is lost (tfSession.ts).
 * @returns the calibration; `webgl` null when tfjs could not start on WebGL (it fell back to the CPU).
 * @throws what a run throws (e.g. a lost context's read): the page then has no calibration, and asks again next time.
 */
export async function measureCalibration(renderer: string, queue: TaskQueue, onLost: () => void): Promise<Calibration> {
  const js = await measurePath('js', queue, 0);
  const backend = await queue(() => ensureTfBackend('webgl', onLost));
  const webgl = backend.name === 'webgl' ? await measurePath('webgl', queue, backend.maxTextureSize, onLost) : null;
  return { renderer, measuredAt: new Date().toISOString(), js, webgl };
}

/** The cost model of `path`, one queued task per length. */
async function measurePath(path: CalibratedPath, queue: TaskQueue, maxTextureSize: number, onLost?: () => void): Promise<CostModel> {
  const samples: CostSample[] = [];
  for (const L of CALIBRATION_LENGTHS) {
    samples.push(await queue(async () => {
      // a compute on tfjs CPU may have switched the backend since: back to WebGL, untimed
      if (onLost) await ensureTfBackend('webgl', onLost);
      return timeRuns(path, L, maxTextureSize);
    }));
  }
  return fitCost(samples);
}

/** One untimed run, then the faster of two timed ones, of the L × L case on `path`. */
async function timeRuns(path: CalibratedPath, L: number, maxTextureSize: number): Promise<CostSample> {
  const inputs = calibrationInputs(L);
  const run = async () => {
    const started = performance.now();
    await runAttention(inputs, { path, maxTextureSize });
    return performance.now() - started;
  };
  await run();
  const ms = Math.min(await run(), await run());
  return { cells: L * L, ms };
}

/** A causal (bottom-right) B = 1, H = 1, L × L case with fixed, non-zero Q, K, V and no padding. */
export function calibrationInputs(L: number): AttentionInputs {
  const dK = CALIBRATION_DK;
  const values = Float32Array.from({ length: L * dK }, (_, i) => ((i * 37) % 101) / 101 - 0.5);
  return {
    shape: { batch: 1, heads: 1, queryLength: L, keyLength: L, dK, dV: dK },
    q: values,
    k: values,
    v: values,
    mask: buildMaskSpec({ causal: 'bottom-right', keyIsReal: null }),
    queryIsReal: [Array.from({ length: L }, () => true)],
  };
}
