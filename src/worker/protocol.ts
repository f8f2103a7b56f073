/**
 * Messages between the page and the engine worker (engineWorker.ts). Everything is structured-
 * cloneable; stage arrays travel as transferred buffers.
 */
import type { Calibration } from '../engine/calibration';
import type { StageSet } from '../engine/headStages';
import type { DeviceInfo, PathReason } from '../engine/pathChoice';
import type { AttentionInputs, BackendInfo, EnginePath, HeadRef, Precision } from '../engine/types';
import type { Scenario } from '../state/scenario';

/** Compute the scenario's attention; a newer request cancels this one between row blocks. */
export interface ComputeRequest {
  type: 'compute';
  id: number;
  /** computeSettingsKey(scenario): the worker reuses Q/K/V while it is unchanged. */
  key: string;
  scenario: Scenario;
  /** The heads to compute; all when null. */
  heads: HeadRef[] | null;
  /**
   * Send Q, K, V back with the result (the page needs them only to export, which needs every head);
   * false sends empty arrays, sparing a clone of up to hundreds of MB at L = 4096.
   */
  sendVectors: boolean;
  /**
   * Do not use WebGL for this request (its context was lost or the engine stalled, and no check
   * has passed since): a WebGL choice runs on the plain-JS path instead (reason 'gpuFault').
   */
  avoidWebgl?: boolean;
  /**
   * The head on screen: its pooled pyramids (engine/stagePyramids.ts) are built and sent from
   * PYRAMID_MIN_CELLS cells, the other heads' from SENT_PYRAMID_MIN_CELLS (engine/thresholds.ts),
   * so that no first draw of the stage cards builds one on the main thread.
   */
  focus?: HeadRef | null;
}

/**
 * Check WebGL against the float64 reference (after a fault): a small computation on the WebGL
 * backend whose every stage must match; answered with a 'gpuCheck' message.
 */
export interface GpuCheckRequest {
  type: 'gpuCheck';
  id: number;
}

/**
 * Time the engine paths on this device (worker/calibrate.ts) when idle, and answer with a
 * 'calibration' message. The page asks one worker, once, when it holds no calibration for this
 * renderer and the device has WebGL (without it plain JS is the only fast path: nothing to measure).
 */
export interface CalibrateRequest {
  type: 'calibrate';
}

/** The device's calibration, from the page's storage or another worker: "auto" decides by it from now on. */
export interface UseCalibration {
  type: 'calibration';
  calibration: Calibration;
}

/** Drop the request in flight (the page no longer needs it: its settings were undone). */
export interface CancelRequest {
  type: 'cancel';
}

/** How a result was computed. */
export interface RunInfo {
  path: EnginePath;
  reason: PathReason;
  /** The tfjs backend, when a tfjs path ran (its fallback reason included). */
  backend: BackendInfo | null;
  /** What the stages were computed in: the backend's precision on a tfjs path, 'float32' on JS. */
  precision: Precision;
  /** Milliseconds from the request to the result: Q/K/V (when not cached) and every stage. */
  ms: number;
  /**
   * The plain-JS path ran Q·Kᵀ and weights·V of at least one head in the WebAssembly SIMD
   * kernels (engine/wasm/attentionKernels.ts); absent or false: in the JS loops (or a tfjs path).
   */
  simd?: boolean;
  /** Workers that shared the heads (set by the page's pool when more than one did). */
  workers?: number;
  /**
   * Computed on the page instead of a worker (compute/pageRecompute.ts): 'mask' from the last result's
   * Q/K/V and scores (only masks or modifiers changed), 'whole' from scratch (small enough),
   * 'focus' only the head on screen so far (the others follow after that frame).
   */
  onPage?: OnPageKind;
}

/** How a result was computed on the page (RunInfo.onPage). */
export type OnPageKind = 'mask' | 'whole' | 'focus';

export type WorkerMessage =
  | { type: 'device'; device: DeviceInfo }
  /** tfjs is loading and compiling its shaders (compile-only warm-up) for request `id`. */
  | { type: 'preparing'; id: number; path: EnginePath }
  /** Q, K and V are being projected (new tokens, seed, dK or heads) for request `id`. */
  | { type: 'projecting'; id: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; key: string; inputs: AttentionInputs; set: StageSet; run: RunInfo }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  /** The WebGL context of this worker was lost (webglcontextlost): its tfjs backend cannot be trusted any more. */
  | { type: 'gpuLost' }
  /** The answer to a GpuCheckRequest: ok when WebGL computed every stage within tolerance of the reference. */
  | { type: 'gpuCheck'; id: number; ok: boolean; detail: string }
  /** The answer to a CalibrateRequest: what was measured on this device. */
  | { type: 'calibration'; calibration: Calibration };

/** What the page sends to the worker. */
export type PageMessage = ComputeRequest | CancelRequest | GpuCheckRequest | CalibrateRequest | UseCalibration;
