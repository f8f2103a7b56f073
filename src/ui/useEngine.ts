/**
 * Runs the engine worker for the current job: one request at a time, the newest wins (the worker
 * drops an older one between row blocks). A result for the same settings but other heads is
 * merged (at large sizes only the heads looked at are computed). On an error the previous result
 * stays. The worker, and with it tfjs, loads after the first paint.
 */
import { useEffect, useRef, useState } from 'react';
import type { StageSet } from '../engine/headStages';
import type { DeviceInfo } from '../engine/pathChoice';
import type { AttentionInputs, HeadRef } from '../engine/types';
import type { Scenario } from '../state/scenario';
import type { ComputeRequest, RunInfo, WorkerMessage } from '../worker/protocol';
import { createProgressStore, type ProgressStore } from './progressStore';
import { mergeSets } from './stageSets';

/** What to compute: the settings (and their key), and the heads (null = all). */
export interface EngineJob {
  /** computeSettingsKey of the scenario. */
  settingsKey: string;
  scenario: Scenario;
  heads: HeadRef[] | null;
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
  /** tfjs is loading or compiling its shaders for the current job. */
  preparing: boolean;
  /** Query rows done / in total, for `job` (read with useProgress, so that only the bar re-renders). */
  progress: ProgressStore;
  /** The job being computed (null when none is). */
  job: J | null;
  error: string | null;
}

interface Status<J> {
  /** The job these fields are about. */
  job: J | null;
  preparing: boolean;
  error: string | null;
  done: boolean;
}

interface Pending<J> {
  id: number;
  job: J;
}

export function useEngine<J extends EngineJob>(job: J | null): EngineState<J> {
  const worker = useRef<Worker | null>(null);
  const pending = useRef<Pending<J> | null>(null);
  const nextId = useRef(0);
  const [device, setDevice] = useState<DeviceInfo | null>(null);
  const [result, setResult] = useState<EngineResult<J> | null>(null);
  const [status, setStatus] = useState<Status<J>>({ job: null, preparing: false, error: null, done: true });
  const [progress] = useState(createProgressStore);

  useEffect(() => {
    const w = new Worker(new URL('../worker/engineWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'device') return setDevice(message.device);
      const current = pending.current;
      if (!current || message.id !== current.id) return;
      if (message.type === 'result') {
        setResult((previous) => ({ job: current.job, inputs: message.inputs, run: message.run, set: mergeSets(previous?.job.settingsKey === message.key ? previous.set : null, message.set) }));
        setStatus({ job: current.job, preparing: false, error: null, done: true });
      } else if (message.type === 'error') {
        setStatus({ job: current.job, preparing: false, error: message.message, done: true });
      } else if (message.type === 'preparing') {
        setStatus({ job: current.job, preparing: true, error: null, done: false });
      } else if (message.type === 'progress') {
        progress.set({ job: current.job, done: message.done, total: message.total });
        setStatus((s) => (s.preparing ? { ...s, preparing: false } : s));
      }
    };
    w.onerror = (event) =>
      setStatus({ job: pending.current?.job ?? null, preparing: false, error: event.message || 'the engine worker failed to start', done: true });
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [progress]);

  useEffect(() => {
    if (!job || !worker.current) return;
    if (result && satisfies(result, job)) return;
    const id = nextId.current++;
    pending.current = { id, job };
    const request: ComputeRequest = { type: 'compute', id, key: job.settingsKey, scenario: job.scenario, heads: job.heads };
    worker.current.postMessage(request);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job]);

  const current = status.job === job;
  const ready = result !== null && job !== null && satisfies(result, job);
  const waiting = job !== null && !ready && !(current && status.done);
  return {
    device,
    // the same settings and heads, asked for by a newer job (e.g. the view moved to a computed head)
    result: ready && result.job !== job ? { ...result, job } : result,
    computing: waiting,
    preparing: waiting && current && status.preparing,
    progress,
    job: waiting ? job : null,
    error: current ? status.error : null,
  };
}

/** True when the result already holds every head the job asks for, for the same settings. */
function satisfies<J extends EngineJob>(result: EngineResult<J>, job: J): boolean {
  if (result.job.settingsKey !== job.settingsKey) return false;
  const wanted = job.heads ?? null;
  if (wanted === null) return result.set.heads.every((h) => h !== null);
  return wanted.every((r) => result.set.heads[r.batch * result.set.shape.heads + r.head] != null);
}
