/**
 * What "auto" knows of this device once measured: per engine path, a cost model fitted to a few
 * timed runs (worker/calibrate.ts). Pure: no timing, no storage here.
 *
 * The model is the one BENCHMARKS.md §1a/§1d reads off the grid: a run costs a fixed part (tfjs's
 * dispatch, read-back and per-op overhead; near 0 for plain JS) plus a part proportional to the
 * cells B·H·Lq·Lk (every stage is one float per cell):
 *
 *     ms ≈ fixedMs + perCellMs · cells
 *
 * Worked example: samples (4096 cells, 20.4096 ms), (32768, 23.2768 ms), (131072, 33.1072 ms) fit
 * fixedMs = 20, perCellMs = 1e-4 (0.1 µs/cell) exactly; at 2^20 cells that predicts 124.9 ms.
 */
import type { EnginePath } from './types';

/** ms ≈ fixedMs + perCellMs · cells; both ≥ 0. */
export interface CostModel {
  /** Milliseconds per run whatever its size. */
  fixedMs: number;
  /** Milliseconds per cell (B·H·Lq·Lk). */
  perCellMs: number;
}

/** One timed run: its cells (B·H·Lq·Lk) and its milliseconds. */
export interface CostSample {
  cells: number;
  ms: number;
}

/** The paths "auto" chooses between (tfjs CPU is slower than plain JS everywhere: never calibrated). */
export type CalibratedPath = Extract<EnginePath, 'js' | 'webgl'>;

/** A device's calibration: what was measured, where and when. */
export interface Calibration {
  /** The WebGL renderer string it was measured on (DeviceInfo.renderer); another renderer ignores it. */
  renderer: string;
  /** When it was measured, ISO 8601. */
  measuredAt: string;
  /** Plain JS: always present. */
  js: CostModel;
  /** tfjs on WebGL; null when WebGL could not be started (auto then runs JS). */
  webgl: CostModel | null;
}

/**
 * The least-squares line through `samples` (ordinary least squares of ms on cells), clamped so
 * that neither part is negative: a negative fixed part refits through the origin, a negative
 * slope keeps the mean as a fixed cost.
 * @param samples [n ≥ 1] timed runs; with one size (or one sample) the whole time is per cell.
 * @throws RangeError when `samples` is empty or holds a non-finite or negative number.
 */
export function fitCost(samples: readonly CostSample[]): CostModel {
  if (samples.length === 0) throw new RangeError('fitCost: no samples');
  for (const s of samples) {
    if (!(Number.isFinite(s.cells) && Number.isFinite(s.ms) && s.cells >= 0 && s.ms >= 0)) throw new RangeError(`fitCost: bad sample ${JSON.stringify(s)}`);
  }
  const n = samples.length;
  const meanX = samples.reduce((a, s) => a + s.cells, 0) / n;
  const meanY = samples.reduce((a, s) => a + s.ms, 0) / n;
  const sxx = samples.reduce((a, s) => a + (s.cells - meanX) ** 2, 0);
  const sxy = samples.reduce((a, s) => a + (s.cells - meanX) * (s.ms - meanY), 0);
  if (sxx === 0) return throughOrigin(samples);
  const slope = sxy / sxx;
  if (slope < 0) return { fixedMs: meanY, perCellMs: 0 };
  const intercept = meanY - slope * meanX;
  return intercept < 0 ? throughOrigin(samples) : { fixedMs: intercept, perCellMs: slope };
}

/** ms = perCellMs · cells, least squares (Σxy / Σx²); all fixed when every sample has 0 cells. */
function throughOrigin(samples: readonly CostSample[]): CostModel {
  const sxx = samples.reduce((a, s) => a + s.cells * s.cells, 0);
  const sxy = samples.reduce((a, s) => a + s.cells * s.ms, 0);
  if (sxx === 0) return { fixedMs: samples.reduce((a, s) => a + s.ms, 0) / samples.length, perCellMs: 0 };
  return { fixedMs: 0, perCellMs: sxy / sxx };
}

/** The model's milliseconds for `cells` (B·H·Lq·Lk). */
export function predictMs(model: CostModel, cells: number): number {
  return model.fixedMs + model.perCellMs * cells;
}

/**
 * The faster calibrated path for `cells` by the models (JS on a tie, or without a WebGL model).
 * Extrapolates past the measured sizes: the models are lines, as the benchmark grid is
 * (BENCHMARKS.md §1a: both paths grow about linearly in cells from 2^16 on).
 */
export function fasterPath(calibration: Calibration, cells: number): CalibratedPath {
  const { js, webgl } = calibration;
  return webgl && predictMs(webgl, cells) < predictMs(js, cells) ? 'webgl' : 'js';
}

/** True when `calibration` was measured on `renderer` (a new GPU or driver is measured again). */
export function calibratedFor(calibration: Calibration | null | undefined, renderer: string): calibration is Calibration {
  return !!calibration && renderer !== '' && calibration.renderer === renderer;
}

/**
 * The sizes timed, as L of a causal B = 1, H = 1, Lq = Lk = L case: 2^12, 2^14 and 2^16 cells.
 * Small enough that the whole calibration stays near a second of worker time on a software
 * renderer (SwiftShader: about 100 ms of WebGL at 2^16 cells, BENCHMARKS.md §1a), large enough
 * that the per-cell part shows above the fixed one.
 */
export const CALIBRATION_LENGTHS: readonly number[] = [64, 128, 256];
