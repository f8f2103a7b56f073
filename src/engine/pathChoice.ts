/**
 * Which engine path runs, and why: the fastest for the device and the size, unless the user
 * chose one. Once the device is calibrated (engine/calibration.ts: JS and WebGL timed on it, in
 * the engine worker), "auto" picks the path its cost models predict faster. Until then it follows
 * rules read off this project's benchmark (BENCHMARKS.md): tfjs pays a fixed cost per operation
 * and per read-back, and on a software WebGL renderer (SwiftShader, llvmpipe) its shaders run on
 * the CPU, slower than plain JS loops at every size. The tfjs CPU backend is slower than plain JS
 * everywhere, so "auto" never picks it (and it is never calibrated).
 */
import { calibratedFor, fasterPath, type Calibration } from './calibration';
import { SMALL_CELLS } from './thresholds';
import type { EnginePath } from './types';

/** What the device offers, probed once (a WebGL2 context's renderer string and limits). */
export interface DeviceInfo {
  /** 2 = WebGL2, 1 = WebGL1, 0 = none. */
  webglVersion: number;
  /** UNMASKED_RENDERER_WEBGL (or RENDERER), '' when there is no WebGL. */
  renderer: string;
  /** MAX_TEXTURE_SIZE in texels, 0 without WebGL. */
  maxTextureSize: number;
  /** WebGL is set aside after a GPU fault (context lost, engine stalled) until it passes a check. */
  gpuFault?: boolean;
  /** What was measured on this device (ignored unless measured on this `renderer`); absent until then. */
  calibration?: Calibration | null;
}

export type EnginePreference = 'auto' | EnginePath;

/** Why a path was chosen; an i18n key under `engine.reason.`. */
export type PathReason =
  | 'chosen'
  | 'softwareWebgl'
  | 'noWebgl'
  | 'small'
  | 'large'
  | 'gpuFault'
  | 'float16Long'
  | 'calibratedJs'
  | 'calibratedWebgl';

// SMALL_CELLS: below this many cells plain JS beats a GPU's dispatch and read-back (thresholds.ts)
export { SMALL_CELLS };

/** Renderer strings of software WebGL implementations (shaders run on the CPU). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** True when the WebGL renderer is a software one. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/**
 * The path to run.
 * - A chosen path runs as chosen ('chosen'), except WebGL without WebGL, which falls to JS ('noWebgl').
 * - auto, device calibrated on its renderer: the path with the lower predicted ms
 *   ('calibratedJs', 'calibratedWebgl'; calibration.ts fasterPath).
 * - auto, not calibrated (yet): JS without WebGL ('noWebgl'), on a software renderer
 *   ('softwareWebgl') or below SMALL_CELLS ('small'); otherwise WebGL ('large').
 * - device.gpuFault: WebGL's context was lost or the engine stalled, and no check has passed since: what
 *   would run on WebGL runs on JS instead ('gpuFault').
 * @param cells B·H·Lq·Lk of the computation.
 */
export function choosePath(preference: EnginePreference, device: DeviceInfo, cells: number): { path: EnginePath; reason: PathReason } {
  const choice = choosePathOnDevice(preference, device, cells);
  return device.gpuFault && choice.path === 'webgl' ? { path: 'js', reason: 'gpuFault' } : choice;
}

/**
 * The path while the device is not yet probed (the engine worker reports it after it starts), where
 * no device could change it: plain JS when chosen, or for auto below SMALL_CELLS (plain JS even on
 * a hardware GPU; reason 'small'). So a cold start can compute its first, classroom-sized result
 * on the page without waiting for the worker. (A calibration, known only with the renderer, may
 * later put such a size on WebGL: only results computed before the probe follow this rule.)
 * @returns null when the device decides (a tfjs path chosen, or auto from SMALL_CELLS cells).
 */
export function choosePathUnprobed(preference: EnginePreference, cells: number): { path: 'js'; reason: PathReason } | null {
  if (preference === 'js') return { path: 'js', reason: 'chosen' };
  return preference === 'auto' && cells < SMALL_CELLS ? { path: 'js', reason: 'small' } : null;
}

function choosePathOnDevice(preference: EnginePreference, device: DeviceInfo, cells: number): { path: EnginePath; reason: PathReason } {
  const hasWebgl = device.webglVersion > 0;
  if (preference === 'webgl' && !hasWebgl) return { path: 'js', reason: 'noWebgl' };
  if (preference !== 'auto') return { path: preference, reason: 'chosen' };
  if (!hasWebgl) return { path: 'js', reason: 'noWebgl' };
  if (calibratedFor(device.calibration, device.renderer)) {
    return fasterPath(device.calibration, cells) === 'webgl' ? { path: 'webgl', reason: 'calibratedWebgl' } : { path: 'js', reason: 'calibratedJs' };
  }
  if (isSoftwareRenderer(device.renderer)) return { path: 'js', reason: 'softwareWebgl' };
  if (cells < SMALL_CELLS) return { path: 'js', reason: 'small' };
  return { path: 'webgl', reason: 'large' };
}
