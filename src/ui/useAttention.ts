/**
 * Runs the engine for the current inputs: picks the backend once (WebGL, else CPU), then
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
  computing: boolean;
  /** Milliseconds of the last compute (engine only). */
  lastMs: number | null;
  error: string | null;
}

export function useAttention<J extends { inputs: AttentionInputs }>(job: J | null): AttentionRun<J> {
  const [backend, setBackend] = useState<BackendInfo | null>(null);
  const [result, setResult] = useState<AttentionRun<J>['result']>(null);
  const [computing, setComputing] = useState(false);
  const [lastMs, setLastMs] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    let live = true;
    void initBackend('webgl').then((info) => live && setBackend(info));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!backend || !job) return;
    const id = ++latest.current;
    const start = performance.now();
    setComputing(true);
    computeAttention(job.inputs)
      .then((stages) => {
        if (id !== latest.current) return;
        setResult({ job, stages });
        setLastMs(performance.now() - start);
        setError(null);
      })
      .catch((e: unknown) => id === latest.current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => id === latest.current && setComputing(false));
  }, [backend, job]);

  return { backend, result, computing, lastMs, error };
}
