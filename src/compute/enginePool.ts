/**
 * Engine workers on several cores. A request for the plain-JS path with many heads is split
 * head by head across the workers (each derives the same Q/K/V from the same Scenario) and the
 * parts are joined into one result; anything else goes to the first worker (one WebGL context,
 * warmed up once). The pool speaks the workers' own protocol, so to its user it is one worker.
 */
import type { Calibration } from '../engine/calibration';
import { copyHeadVectors, type StageSet } from '../engine/headStages';
import type { HeadRef } from '../engine/types';
import type { ComputeRequest, PageMessage, WorkerMessage } from '../worker/protocol';
import { engineWorkerScriptUrl } from './workerUrl';

/** A request's parts in flight: what came back so far. */
interface Parts {
  id: number;
  count: number;
  progress: { done: number; total: number }[];
  results: Extract<WorkerMessage, { type: 'result' }>[];
  failed: boolean;
}

export class EnginePool {
  private readonly workers: Worker[];
  private parts: Parts | null = null;
  /** Per worker: compute requests posted to it that it has not answered yet (result, error or cancelled). */
  private readonly unanswered: number[];
  /** Worker runs that stopped before their end (a newer request or a cancel), over the pool's life. */
  private cancelledRuns = 0;

  /**
   * @param size number of workers (≥ 1), e.g. navigator.hardwareConcurrency capped.
   * @param onMessage receives the pool's messages: 'device' once ('calibration' once when asked), then per request 'preparing',
   *   'progress' (summed over the parts), one 'result' (the parts joined) or one 'error'.
   * @param onFailure a worker could not start or crashed (message for the user).
   */
  constructor(size: number, onMessage: (message: WorkerMessage) => void, onFailure: (message: string) => void) {
    this.workers = Array.from({ length: Math.max(1, size) }, (_, i) => {
      const w = new Worker(engineWorkerScriptUrl(), { type: 'module' });
      w.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(i, event.data, onMessage);
      w.onerror = (event) => onFailure(event.message || 'the engine worker failed to start');
      return w;
    });
    this.unanswered = this.workers.map(() => 0);
    this.report(); // a pool that replaces a faulty one starts with nothing in flight
  }

  /** Workers a split request would use. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * Sends a request, replacing the one in flight. With `split` (the heads to compute, ≥ 2 of
   * them) the heads are dealt round-robin to the workers; otherwise the first worker does it all.
   */
  submit(request: ComputeRequest, split: HeadRef[] | null): void {
    const shares = split && split.length > 1 ? deal(split, this.workers.length) : null;
    const count = shares ? shares.length : 1;
    this.parts = { id: request.id, count, progress: Array.from({ length: count }, () => ({ done: 0, total: 0 })), results: [], failed: false };
    if (!shares) {
      this.post(0, request);
    } else {
      shares.forEach((heads, i) => this.post(i, { ...request, heads }));
    }
    this.report();
  }

  /** Drops the request in flight: its late messages are ignored and the workers stop it. */
  cancel(): void {
    this.parts = null;
    for (const w of this.workers) w.postMessage({ type: 'cancel' } satisfies PageMessage);
  }

  /** Asks the first worker (the one that runs WebGL) to check WebGL against the reference. */
  check(id: number): void {
    this.workers[0]?.postMessage({ type: 'gpuCheck', id } satisfies PageMessage);
  }

  /** Asks the first worker (the one that runs WebGL, already warm there) to measure the device's calibration. */
  calibrate(): void {
    this.workers[0]?.postMessage({ type: 'calibrate' } satisfies PageMessage);
  }

  /** Gives every worker the device's calibration ("auto" decides by it from their next request on). */
  useCalibration(calibration: Calibration): void {
    for (const w of this.workers) w.postMessage({ type: 'calibration', calibration } satisfies PageMessage);
  }

  terminate(): void {
    for (const w of this.workers) w.terminate();
  }

  private post(worker: number, request: ComputeRequest): void {
    const w = this.workers[worker];
    if (!w) return;
    w.postMessage(request);
    this.unanswered[worker] = (this.unanswered[worker] ?? 0) + 1;
  }

  /**
   * Mirrors the pool's activity on <html> for tests: `data-engine-running` = worker runs in flight
   * (0: every worker is idle, nothing can answer late), `data-engine-cancelled` = worker runs that
   * stopped before their end (each worker's part counts).
   */
  private report(): void {
    const root = typeof document === 'undefined' ? null : document.documentElement;
    root?.setAttribute('data-engine-running', String(this.unanswered.reduce((a, b) => a + b, 0)));
    root?.setAttribute('data-engine-cancelled', String(this.cancelledRuns));
  }

  private receive(worker: number, message: WorkerMessage, emit: (message: WorkerMessage) => void): void {
    if (message.type === 'device' || message.type === 'gpuCheck' || message.type === 'calibration') {
      if (worker === 0) emit(message);
      return;
    }
    if (message.type === 'gpuLost') return emit(message);
    if (message.type === 'result' || message.type === 'error' || message.type === 'cancelled') {
      this.unanswered[worker] = Math.max(0, (this.unanswered[worker] ?? 0) - 1);
      if (message.type === 'cancelled') this.cancelledRuns++;
      this.report();
    }
    const parts = this.parts;
    if (!parts || message.id !== parts.id || parts.failed) return;
    if (message.type === 'progress') {
      parts.progress[worker] = { done: message.done, total: message.total };
      emit({ ...message, ...sumProgress(parts.progress) });
    } else if (message.type === 'result') {
      parts.results.push(message);
      if (parts.results.length === parts.count) emit(joinResults(parts.results));
    } else if (message.type === 'error') {
      parts.failed = true;
      emit(message);
    } else if (worker === 0 || message.type === 'cancelled') {
      emit(message); // 'preparing' and 'projecting' once, from the first worker
    }
  }
}

/**
 * The progress of a split run: rows done and in total over its parts, a part that has not
 * reported yet (total 0) counted as the mean of those that have (the shares are dealt evenly), so
 * the fraction does not step back when a late part first reports.
 */
export function sumProgress(parts: readonly { done: number; total: number }[]): { done: number; total: number } {
  const reported = parts.filter((p) => p.total > 0);
  const done = parts.reduce((n, p) => n + p.done, 0);
  const total = reported.reduce((n, p) => n + p.total, 0);
  return { done, total: reported.length === 0 ? 0 : Math.round((total * parts.length) / reported.length) };
}

/** Heads dealt round-robin into at most `n` non-empty shares. */
export function deal(heads: HeadRef[], n: number): HeadRef[][] {
  const shares: HeadRef[][] = Array.from({ length: Math.min(n, heads.length) }, () => []);
  heads.forEach((h, i) => shares[i % shares.length]?.push(h));
  return shares;
}

type Result = Extract<WorkerMessage, { type: 'result' }>;

/**
 * One result from the parts: every part's heads, the slowest part's time, and Q/K/V with each
 * head's vectors from the part that projected them (a worker projects only its own heads).
 */
export function joinResults(results: Result[]): Result {
  const [first, ...rest] = results;
  if (!first) throw new Error('joinResults: no result');
  const set: StageSet = { shape: first.set.shape, heads: first.set.heads.map((h, i) => h ?? rest.find((r) => r.set.heads[i])?.set.heads[i] ?? null) };
  for (const part of rest) copyHeadVectors(first.inputs, part.inputs, computedBlocks(part.set));
  const ms = Math.max(...results.map((r) => r.run.ms));
  return { ...first, set, run: { ...first.run, ms, workers: results.length, simd: results.some((r) => r.run.simd === true) } };
}

/** A pool with one worker per core (poolSize), for the engine client. */
export function createEnginePool(onMessage: (message: WorkerMessage) => void, onFailure: (message: string) => void): EnginePool {
  return new EnginePool(poolSize(navigator.hardwareConcurrency), onMessage, onFailure);
}

/** Workers in the pool: one per core, at most 4 (2 on a 2-core machine; 1 when unknown to be more). */
export function poolSize(cores: number | undefined): number {
  return Math.max(1, Math.min(4, cores ?? 1));
}

/** Indices b·H + h of the heads a set holds. */
function computedBlocks(set: StageSet): number[] {
  return set.heads.flatMap((head, bh) => (head ? [bh] : []));
}
