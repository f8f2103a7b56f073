/**
 * Runs the engine for the current job: picks the backend once (WebGL, else CPU), then
 * recomputes whenever the job changes. A result that arrives after a newer job is dropped; on an
 * error the previous result stays.
 */
import { useEffect, useRef, useState } from 'react';
import { computeAttention } from '../engine/attention';
import { initBackend } from '../engine/backend';
import type { AttentionInputs, AttentionStages, BackendInfo } from '../engine/types';

export interface AttentionRun<J extends { inputs: AttentionInputs }> {
  backend: BackendInfo | null;
  /** The latest result, with the job (inputs and whatever came with them) it was computed from. */
  result: { job: J; stages: AttentionStages } | null;
  /** True while the current job has neither a result nor an error. */
  computing: boolean;
  /** Milliseconds of the last compute (engine only). */
  lastMs: number | null;
  /** The error of the current job, if it failed. */
  error: string | null;
}

interface Settled<J> {
  job: J;
  error: string | null;
  ms: number | null;
}

export function useAttention<J extends { inputs: AttentionInputs }>(job: J | null): AttentionRun<J> {
  const [backend, setBackend] = useState<BackendInfo | null>(null);
  const [result, setResult] = useState<AttentionRun<J>['result']>(null);
  const [settled, setSettled] = useState<Settled<J> | null>(null);
  const latest = useRef<J | null>(null);

  useEffect(() => {
    let live = true;
    void initBackend('webgl').then((info) => live && setBackend(info));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    latest.current = job;
    if (!backend || !job) return;
    const start = performance.now();
    computeAttention(job.inputs).then(
      (stages) => {
        if (latest.current !== job) return;
        setResult({ job, stages });
        setSettled({ job, error: null, ms: performance.now() - start });
      },
      (e: unknown) => {
        if (latest.current !== job) return;
        setSettled({ job, error: e instanceof Error ? e.message : String(e), ms: null });
      },
    );
  }, [backend, job]);

  const current = settled?.job === job ? settled : null;
  return {
    backend,
    result,
    computing: backend !== null && job !== null && current === null,
    lastMs: current?.ms ?? null,
    error: current?.error ?? null,
  };
}
