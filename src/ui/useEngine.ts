/**
 * React's view of the engine client (compute/engineClient.ts): the current job is submitted to
 * it, its snapshot read with useSyncExternalStore. A classroom-size job is computed on the page
 * instead, during the render (compute/pageRecompute.ts); when that computes the head on screen
 * first, the other heads follow in a task after the frame that shows it.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DeviceInfo } from '../engine/pathChoice';
import type { EnginePath, HeadRef } from '../engine/types';
import type { ProgressStore } from '../compute/progressStore';
import { completeOnPage, computeOnPage, withProbedReason } from '../compute/pageRecompute';
import { afterNextFrame } from './drawQueue';
import { createEnginePool } from '../compute/enginePool';
import { EngineClient } from '../compute/engineClient';
import type { EngineJob, EngineResult, GpuHealth } from '../compute/engineTypes';
import { headIndex } from '../engine/headStages';
import { localCalibrationStorage } from './calibrationStorage';

export type { EngineJob, EngineResult } from '../compute/engineTypes';

export interface EngineState<J extends EngineJob> {
  /** The probed device, with its calibration once known (device.calibration). */
  device: DeviceInfo | null;
  /** Where device.calibration came from: this browser's storage or a measurement just now (null: none). */
  calibrationSource: 'stored' | 'measured' | null;
  result: EngineResult<J> | null;
  /** The current job has neither a result nor an error yet. */
  computing: boolean;
  /** The result holds the head on screen for the current job; the other heads follow right after this frame. */
  completing: boolean;
  /** tfjs is loading or compiling its shaders for the current job, for this path. */
  preparing: EnginePath | null;
  /** Q, K, V are being projected for the current job (new tokens, seed, dK or heads). */
  projecting: boolean;
  /** Query rows done / in total, for `job` (read with useProgress, so that only the bar re-renders). */
  progress: ProgressStore;
  /** The job being computed (null when none is). */
  job: J | null;
  error: string | null;
  /** WebGL's health after a fault, and the notice for the user. */
  gpu: GpuHealth;
  dismissGpuNotice(): void;
}

/** When no frame comes (a hidden tab), the workers start after this long, ms. */
const POOL_START_FALLBACK_MS = 1000;

/**
 * The engine's state for `job`; `focus` is the head on screen (computed first on the page).
 * Only one component should use it: its client owns a pool of workers.
 */
export function useEngine<J extends EngineJob>(job: J | null, focus: HeadRef | null = null): EngineState<J> {
  const [client] = useState(() => new EngineClient<J>(createEnginePool, { storage: localCalibrationStorage }));
  useEffect(() => {
    // The workers start after the first frame: the page computes the first result itself, and
    // their start (a module of tfjs to parse, a WebGL context to probe) would take the cores
    // from the first render.
    const cancel = afterNextFrame(() => client.start(), POOL_START_FALLBACK_MS);
    return () => {
      cancel();
      client.stop();
    };
  }, [client]);
  const { result, status, gpu, calibrationSource } = useSyncExternalStore(client.subscribe, client.getSnapshot);
  const device = client.device;

  // At classroom size the job is computed during this render (pageRecompute.ts), so the change
  // and its new numbers reach the screen in one frame, with no worker round trip.
  const focusBatch = focus?.batch ?? -1;
  const focusHead = focus?.head ?? -1;
  const onPage = useMemo(() => {
    const head = focusBatch < 0 ? null : { batch: focusBatch, head: focusHead };
    if (!job || (result && (satisfies(result, job) || holdsFocus(result, job, head)))) return null;
    const computed = computeOnPage(result, job, device, head);
    return computed && { job, ...computed };
  }, [job, result, device, focusBatch, focusHead]);

  useEffect(() => {
    if (!onPage) return;
    client.cancel();
    // Kept as the last result, the basis of the next mask change. It is already on screen: the
    // render this causes shows the same object, so the memoised views skip it.
    client.keep(onPage);
  }, [client, onPage]);

  useEffect(() => {
    if (!job || onPage) return;
    if (result && (satisfies(result, job) || completesOnPage(result, job))) {
      // The settings went back to those of the result (e.g. a toggle undone): drop the run in flight.
      if (client.pendingJob && client.pendingJob !== job) client.cancel();
      return;
    }
    client.submit(job, focusBatch < 0 ? null : { batch: focusBatch, head: focusHead });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job]);

  const computed = onPage ?? result;
  // a result decided before the device was known (a cold start) or calibrated: its reason is restated by it
  const shown = useMemo(() => computed && withProbedReason(computed, device), [computed, device]);
  // Only the head on screen so far: the other heads are computed in a task after this frame, also
  // when the inputs have turned invalid meanwhile (no job: the result stays on screen, dimmed).
  const partial = shown && shown.run.onPage === 'focus' && (!job || completesOnPage(shown, job)) ? shown : null;
  useEffect(() => {
    if (!partial) return;
    const target = partial.job;
    return afterNextFrame(() => {
      // cannot fail where the head on screen did (the same inputs and plan); the worker is the fallback
      const whole = completeOnPage(partial, target, client.device);
      if (whole) client.keep({ job: target, ...whole });
      else client.submit(target);
    });
  }, [partial, client]);

  const current = status.job === job;
  const ready = shown !== null && job !== null && (satisfies(shown, job) || partial !== null);
  const waiting = job !== null && !ready && !(current && status.done);
  return {
    device,
    calibrationSource,
    // the same settings and heads, asked for by a newer job (e.g. the view moved to a computed head)
    result: ready && shown.job !== job ? { ...shown, job } : shown,
    computing: waiting,
    completing: job !== null && partial !== null,
    preparing: waiting && current ? status.preparing : null,
    projecting: waiting && current && status.projecting === true,
    progress: client.progress,
    job: waiting ? job : null,
    error: current ? status.error : null,
    gpu,
    dismissGpuNotice: () => client.dismissNotice(),
  };
}

/** True when `result` is the head on screen computed first on the page for the settings of `job` (the others follow). */
function completesOnPage<J extends EngineJob>(result: EngineResult<J>, job: J): boolean {
  return result.run.onPage === 'focus' && result.job.settingsKey === job.settingsKey;
}

/** True when `result` is for the settings of `job` and holds the head `focus`. */
function holdsFocus<J extends EngineJob>(result: EngineResult<J>, job: J, focus: HeadRef | null): boolean {
  if (!focus || result.job.settingsKey !== job.settingsKey) return false;
  return result.set.heads[headIndex(result.set.shape, focus.batch, focus.head)] != null;
}

/** True when the result already holds every head the job asks for, for the same settings. */
function satisfies<J extends EngineJob>(result: EngineResult<J>, job: J): boolean {
  if (result.job.settingsKey !== job.settingsKey) return false;
  const wanted = job.heads ?? null;
  if (wanted === null) return result.set.heads.every((h) => h !== null);
  return wanted.every((r) => result.set.heads[r.batch * result.set.shape.heads + r.head] != null);
}
