/**
 * What the page's engine client works with: a job (the settings and heads to compute), a result,
 * the status of the job in flight, and the GPU's health after a fault.
 */
import type { StageSet } from '../engine/headStages';
import type { AttentionInputs, EnginePath, HeadRef } from '../engine/types';
import type { Scenario } from '../state/scenario';
import type { RunInfo } from '../worker/protocol';

/** What to compute: the settings (and their key), and the heads (null = all). */
export interface EngineJob {
  /** computeSettingsKey of the scenario. */
  settingsKey: string;
  scenario: Scenario;
  heads: HeadRef[] | null;
  /** The inputs the settings give, Q/K/V left empty (their shape splits the heads across workers; their mask recomputes on the page). */
  inputs: AttentionInputs;
}

export interface EngineResult<J extends EngineJob> {
  job: J;
  /** The inputs the worker computed from (Q/K/V included). */
  inputs: AttentionInputs;
  set: StageSet;
  run: RunInfo;
}

/** The job in flight, as the worker reported it. */
export interface JobStatus<J> {
  /** The job these fields are about. */
  job: J | null;
  preparing: EnginePath | null;
  projecting?: boolean;
  error: string | null;
  done: boolean;
}

/**
 * A GPU or worker fault the user is told about (an i18n key under `engine.fault.`):
 * - contextLost: the worker's WebGL context was lost (webglcontextlost);
 * - stalled: the run in flight reported nothing for `seconds` (the watchdog);
 * - crashed: a worker failed (`reason`);
 * - restored: after a fault, WebGL passed a check against the float64 reference;
 * - checkFailed: it did not (`detail`), and no more checks are made.
 */
export type GpuNotice =
  | { kind: 'contextLost' }
  | { kind: 'stalled'; seconds: number }
  | { kind: 'crashed'; reason: string }
  | { kind: 'restored' }
  | { kind: 'checkFailed'; detail: string };

export interface GpuHealth {
  /** False from a fault until a check against the reference passes: WebGL is not used meanwhile. */
  usable: boolean;
  /** The last fault or recovery to tell the user about; null once dismissed. */
  notice: GpuNotice | null;
  /** Faults since the page loaded (for tests and the status line). */
  faults: number;
}
