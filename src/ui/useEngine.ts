/**
 * Runs the engine worker for the current job: one request at a time, the newest wins (the worker
 * drops an older one between row blocks). A result for the same settings but other heads is
 * merged (at large sizes only the heads looked at are computed). On an error the previous result
 * stays. The worker, and with it tfjs, loads after the first paint. A classroom-size job is
 * computed on the page instead, during the render (pageRecompute.ts); when that computes the head
 * on screen first, the other heads follow in a task after the frame that shows it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { choosePath, type DeviceInfo } from '../engine/pathChoice';
import type { AttentionInputs, EnginePath, HeadRef } from '../engine/types';
import type { Scenario } from '../state/scenario';
import type { ComputeRequest, RunInfo, WorkerMessage } from '../worker/protocol';
import { createProgressStore, type ProgressStore } from './progressStore';
import { mergeSets } from '../compute/stageSets';
import { completeOnPage, computeOnPage } from '../compute/pageRecompute';
import { afterNextFrame } from './drawQueue';
import { EnginePool, PARALLEL_CELLS, poolSize } from '../compute/enginePool';
import { allHeads, cellCount, headIndex, type StageSet } from '../engine/headStages';

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

export interface EngineState<J extends EngineJob> {
  device: DeviceInfo | null;
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
}

interface Status<J> {
  /** The job these fields are about. */
  job: J | null;
  preparing: EnginePath | null;
  projecting?: boolean;
  error: string | null;
  done: boolean;
}

interface Pending<J> {
  id: number;
  job: J;
  /** Posted to the pool (jobs wait for the device probe, which decides whether to split). */
  sent: boolean;
}

/**
 * The engine's state for `job`; `focus` is the head on screen (computed first on the page).
 * Only one component should use it: it owns a pool of workers.
 */
export function useEngine<J extends EngineJob>(job: J | null, focus: HeadRef | null = null): EngineState<J> {
  const worker = useRef<EnginePool | null>(null);
  const deviceRef = useRef<DeviceInfo | null>(null);
  const pending = useRef<Pending<J> | null>(null);
  const nextId = useRef(0);
  const [device, setDevice] = useState<DeviceInfo | null>(null);
  const [result, setResult] = useState<EngineResult<J> | null>(null);
  const [status, setStatus] = useState<Status<J>>({ job: null, preparing: null, error: null, done: true });
  const [progress] = useState(createProgressStore);
  // Posts a job to the workers (sent once the device is known); the newest job wins.
  const [submit] = useState(() => (next: J) => {
    const p = { id: nextId.current++, job: next, sent: false };
    pending.current = p;
    if (deviceRef.current) send(worker.current, deviceRef.current, p);
  });

  useEffect(() => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'device') {
        deviceRef.current = message.device;
        // a job that arrived before the device was known is sent now (it may be split)
        const waiting = pending.current;
        if (waiting && !waiting.sent) send(worker.current, message.device, waiting);
        return setDevice(message.device);
      }
      const current = pending.current;
      if (!current || message.id !== current.id) return;
      if (message.type === 'result') {
        setResult((previous) => ({ job: current.job, inputs: message.inputs, run: message.run, set: mergeSets(previous?.job.settingsKey === message.key ? previous.set : null, message.set) }));
        setStatus({ job: current.job, preparing: null, error: null, done: true });
      } else if (message.type === 'error') {
        setStatus({ job: current.job, preparing: null, error: message.message, done: true });
      } else if (message.type === 'preparing') {
        setStatus({ job: current.job, preparing: message.path, error: null, done: false });
      } else if (message.type === 'projecting') {
        setStatus({ job: current.job, preparing: null, projecting: true, error: null, done: false });
      } else if (message.type === 'progress') {
        progress.set({ job: current.job, done: message.done, total: message.total });
        setStatus((s) => (s.preparing || s.projecting ? { ...s, preparing: null, projecting: false } : s));
      }
    };
    const onFailure = (error: string) => setStatus({ job: pending.current?.job ?? null, preparing: null, error, done: true });
    const w = new EnginePool(poolSize(navigator.hardwareConcurrency), onMessage, onFailure);
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [progress]);

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
    if (pending.current) worker.current?.cancel();
    pending.current = null;
    // Kept as the last result, the basis of the next mask change. It is already on screen: the
    // render this causes shows the same object, so the memoised views skip it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setResult(onPage);
  }, [onPage]);

  useEffect(() => {
    if (!job || !worker.current || onPage) return;
    if (result && (satisfies(result, job) || completesOnPage(result, job))) {
      // The settings went back to those of the result (e.g. a toggle undone): drop the run in flight.
      if (pending.current && pending.current.job !== job) {
        pending.current = null;
        worker.current.cancel();
      }
      return;
    }
    submit(job);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job]);

  const shown = onPage ?? result;
  // Only the head on screen so far: the other heads are computed in a task after this frame, also
  // when the inputs have turned invalid meanwhile (no job: the result stays on screen, dimmed).
  const partial = shown && shown.run.onPage === 'focus' && (!job || completesOnPage(shown, job)) ? shown : null;
  useEffect(() => {
    if (!partial) return;
    const target = partial.job;
    return afterNextFrame(() => {
      // cannot fail where the head on screen did (the same inputs and plan); the worker is the fallback
      const whole = completeOnPage(partial, target, deviceRef.current);
      if (whole) setResult({ job: target, ...whole });
      else submit(target);
    });
  }, [partial, submit]);

  const current = status.job === job;
  const ready = shown !== null && job !== null && (satisfies(shown, job) || partial !== null);
  const waiting = job !== null && !ready && !(current && status.done);
  return {
    device,
    // the same settings and heads, asked for by a newer job (e.g. the view moved to a computed head)
    result: ready && shown.job !== job ? { ...shown, job } : shown,
    computing: waiting,
    completing: job !== null && partial !== null,
    preparing: waiting && current ? status.preparing : null,
    projecting: waiting && current && status.projecting === true,
    progress,
    job: waiting ? job : null,
    error: current ? status.error : null,
  };
}

/** Posts a job to the pool, split across its workers when worth it. */
function send(pool: EnginePool | null, device: DeviceInfo, p: Pending<EngineJob>): void {
  p.sent = true;
  // Heads on demand (over ALL_HEADS_CELLS) can never all be exported: their Q/K/V stay in the worker.
  const request: ComputeRequest = { type: 'compute', id: p.id, key: p.job.settingsKey, scenario: p.job.scenario, heads: p.job.heads, sendVectors: p.job.heads === null };
  pool?.submit(request, splitHeads(p.job, device));
}

/** The heads to deal to the workers: a plain-JS run of at least PARALLEL_CELLS cells; else null. */
function splitHeads(job: EngineJob, device: DeviceInfo): HeadRef[] | null {
  const { shape } = job.inputs;
  const cells = cellCount(shape);
  if (cells < PARALLEL_CELLS || choosePath(job.scenario.engine, device, cells).path !== 'js') return null;
  return job.heads ?? allHeads(shape);
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
