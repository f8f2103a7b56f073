/**
 * The page's engine client: a state machine in plain TypeScript that React reads with
 * useSyncExternalStore (subscribe / getSnapshot). One request at a time, the newest wins; a
 * result for the same settings but other heads is merged; on an error the previous result stays.
 *
 * GPU faults: when a worker reports a lost WebGL context, or the run in flight reports nothing
 * for `watchdogMs`, or a worker crashes, the pool is replaced by a fresh one (the old worker and
 * everything it would still send are dropped, so nothing computed after the fault is ever shown),
 * the job in flight is sent again with WebGL set aside (it runs on the plain-JS path), and WebGL
 * is checked against the float64 reference after each of `checkDelaysMs`; it is used again only
 * once a check passes.
 *
 * Calibration: when the device is probed, a calibration stored for its renderer (`storage`) is
 * handed to the workers; with none (and WebGL present) the first worker is asked, `calibrateAfterMs`
 * later, to measure one, which is stored and handed to every worker. The device in the snapshot
 * carries it, so every choosePath on the page decides by it too.
 */
import { mergeSets } from './stageSets';
import { createProgressStore, type ProgressStore } from './progressStore';
import type { DeviceInfo } from '../engine/pathChoice';
import type { HeadRef } from '../engine/types';
import type { Calibration } from '../engine/calibration';
import { formatCalibration, parseCalibration, type CalibrationStorage } from './calibrationCodec';
import type { ComputeRequest, WorkerMessage } from '../worker/protocol';
import type { EngineJob, EngineResult, GpuHealth, GpuNotice, JobStatus } from './engineTypes';
import { EngineWatchdog, type Timers } from './watchdog';
import { splitHeads } from './splitHeads';

/** The part of a worker pool the client uses (EnginePool; a fake in tests). */
export interface PoolLike {
  submit(request: ComputeRequest, split: ComputeRequest['heads']): void;
  cancel(): void;
  check(id: number): void;
  /** Asks one worker to measure the device's calibration (answered with a 'calibration' message). */
  calibrate(): void;
  /** Hands the device's calibration to every worker. */
  useCalibration(calibration: Calibration): void;
  terminate(): void;
}

export type PoolFactory = (onMessage: (message: WorkerMessage) => void, onFailure: (message: string) => void) => PoolLike;

export interface EngineSnapshot<J extends EngineJob> {
  device: DeviceInfo | null;
  result: EngineResult<J> | null;
  status: JobStatus<J>;
  gpu: GpuHealth;
  /**
   * Where device.calibration came from: 'stored' (this browser measured it before, on this
   * renderer), 'measured' (just now), null (none yet, or nothing to measure without WebGL).
   */
  calibrationSource: 'stored' | 'measured' | null;
}

export interface EngineClientOptions {
  /** Silence (ms) after which a run in flight is taken for stalled. */
  watchdogMs: number;
  /** Delays (ms) of the WebGL checks after a fault, one after the other until one passes. */
  checkDelaysMs: readonly number[];
  timers: Timers;
  /** Wait (ms) for a WebGL check's answer. */
  checkTimeoutMs: number;
  /** Where the calibration is kept between visits (none: measured on every start). */
  storage: CalibrationStorage;
  /** Wait (ms) after the device is probed before a worker measures the calibration (the first result goes first). */
  calibrateAfterMs: number;
}

/** 20 s: far above the longest gap between two progress messages seen in BENCHMARKS.md (a first WebGL shader compile). */
export const WATCHDOG_MS = 20_000;
export const CHECK_DELAYS_MS = [2_000, 10_000, 30_000] as const;
/** A WebGL check not answered within this is taken as failed (a read on a lost context may never end). */
export const CHECK_TIMEOUT_MS = 15_000;
/** 2 s: after a cold start's first result (BENCHMARKS.md §4a, under 0.5 s), while a lesson is still being read. */
export const CALIBRATE_AFTER_MS = 2_000;
/** Keeps nothing. */
const NO_STORAGE: CalibrationStorage = { load: () => null, save: () => undefined };
/** Worker crashes in a row (no result between them) after which the client stops restarting the pool and shows the error. */
const MAX_RESTARTS = 3;

interface Pending<J> {
  id: number;
  job: J;
  /** Posted to the pool (jobs wait for the device probe, which decides whether to split). */
  sent: boolean;
  /** The head on screen when it was submitted (ComputeRequest.focus). */
  focus: HeadRef | null;
}

export class EngineClient<J extends EngineJob> {
  readonly progress: ProgressStore = createProgressStore();
  private pool: PoolLike | null = null;
  private pending: Pending<J> | null = null;
  private nextId = 0;
  private checkId = -1;
  private checksMade = 0;
  private crashes = 0;
  /** The job that stalled once: stalling again, it is not sent a third time. */
  private stalledJob: J | null = null;
  /** Why the client stopped restarting workers (null while it still does). */
  private gaveUp: string | null = null;
  private generation = 0;
  private usableDevice: { from: DeviceInfo | null; usable: boolean; value: DeviceInfo | null } = { from: null, usable: true, value: null };
  private checkTimer: unknown = null;
  private checkDeadline: unknown = null;
  private calibrateTimer: unknown = null;
  /** The pool was asked to measure the calibration (once per client). */
  private calibrateAsked = false;
  private snapshot: EngineSnapshot<J> = { device: null, result: null, status: { job: null, preparing: null, error: null, done: true }, gpu: { usable: true, notice: null, faults: 0 }, calibrationSource: null };
  private readonly listeners = new Set<() => void>();
  private readonly watchdog: EngineWatchdog;
  private readonly options: EngineClientOptions;

  constructor(private readonly createPool: PoolFactory, options: Partial<EngineClientOptions> = {}) {
    this.options = { watchdogMs: WATCHDOG_MS, checkDelaysMs: CHECK_DELAYS_MS, checkTimeoutMs: CHECK_TIMEOUT_MS, timers: globalTimers(), storage: NO_STORAGE, calibrateAfterMs: CALIBRATE_AFTER_MS, ...options };
    this.watchdog = new EngineWatchdog(this.options.timers, this.options.watchdogMs, () => this.fault({ kind: 'stalled', seconds: Math.round(this.options.watchdogMs / 1000) }));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): EngineSnapshot<J> => this.snapshot;

  /** Starts the workers (again after stop: a job sent to the stopped pool is sent again). */
  start(): void {
    if (this.pool || this.gaveUp) return;
    this.pool = this.openPool();
    if (this.pending && this.snapshot.device) this.send(this.pending);
  }

  /** Stops the workers and every timer; a later start opens new ones. */
  stop(): void {
    this.generation++;
    this.pool?.terminate();
    this.pool = null;
    this.watchdog.disarm();
    this.clearCheck();
    this.clearCalibrate();
  }

  /** The job sent or waiting to be sent, or null. */
  get pendingJob(): J | null {
    return this.pending?.job ?? null;
  }

  /**
   * The device as the engine may use it now: without WebGL while the GPU is set aside. The same
   * object until the device or the GPU's health changes (React memoises on it).
   */
  get device(): DeviceInfo | null {
    const { device, gpu } = this.snapshot;
    if (this.usableDevice.from !== device || this.usableDevice.usable !== gpu.usable) {
      this.usableDevice = { from: device, usable: gpu.usable, value: device && !gpu.usable ? { ...device, gpuFault: true } : device };
    }
    return this.usableDevice.value;
  }

  /**
   * Posts a job to the workers (once the device is known); the newest job wins. `focus`, the head
   * on screen, gets its pooled pyramids built by the worker (ComputeRequest.focus).
   */
  submit(job: J, focus: HeadRef | null = null): void {
    const p = { id: this.nextId++, job, sent: false, focus };
    this.pending = p;
    if (this.snapshot.device) this.send(p);
  }

  /** Drops the job in flight: its late messages are ignored and the workers stop it. */
  cancel(): void {
    if (!this.pending) return;
    this.pending = null;
    this.watchdog.disarm();
    this.pool?.cancel();
  }

  /** Keeps a result computed on the page as the last result (the basis of the next change). */
  keep(result: EngineResult<J>): void {
    this.update({ result });
  }

  /** Hides the GPU notice. */
  dismissNotice(): void {
    this.update({ gpu: { ...this.snapshot.gpu, notice: null } });
  }

  /** A new pool; what an older (terminated) pool would still deliver is ignored. */
  private openPool(): PoolLike {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    return this.createPool(
      (message) => current() && this.receive(message),
      (reason) => current() && this.fault({ kind: 'crashed', reason }),
    );
  }

  private send(p: Pending<J>): void {
    if (!this.pool) {
      // stopped (start() sends it again), or given up after repeated crashes (say so, do not wait)
      p.sent = false;
      if (this.gaveUp) this.update({ status: { job: p.job, preparing: null, error: this.gaveUp, done: true } });
      return;
    }
    p.sent = true;
    const device = this.device as DeviceInfo;
    const avoidWebgl = device.gpuFault === true;
    // Heads on demand (over ALL_HEADS_CELLS) can never all be exported: their Q/K/V stay in the worker.
    const request: ComputeRequest = { type: 'compute', id: p.id, key: p.job.settingsKey, scenario: p.job.scenario, heads: p.job.heads, sendVectors: p.job.heads === null, avoidWebgl, focus: p.focus };
    this.pool.submit(request, splitHeads(p.job, device));
    this.watchdog.arm();
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'device') return this.onDevice(message.device);
    if (message.type === 'gpuLost') return this.fault({ kind: 'contextLost' });
    if (message.type === 'gpuCheck') return this.onCheck(message);
    if (message.type === 'calibration') return this.onCalibration(message.calibration);
    const current = this.pending;
    if (!current || message.id !== current.id) return;
    this.watchdog.arm();
    const job = current.job;
    if (message.type === 'result') {
      this.finish();
      this.crashes = 0;
      const previous = this.snapshot.result;
      const set = mergeSets(previous?.job.settingsKey === message.key ? previous.set : null, message.set);
      this.update({ result: { job, inputs: message.inputs, run: message.run, set }, status: { job, preparing: null, error: null, done: true } });
    } else if (message.type === 'error') {
      this.finish();
      this.update({ status: { job, preparing: null, error: message.message, done: true } });
    } else if (message.type === 'preparing') {
      this.update({ status: { job, preparing: message.path, error: null, done: false } });
    } else if (message.type === 'projecting') {
      this.update({ status: { job, preparing: null, projecting: true, error: null, done: false } });
    } else if (message.type === 'progress') {
      this.progress.set({ job, done: message.done, total: message.total });
      const s = this.snapshot.status;
      if (s.preparing || s.projecting) this.update({ status: { ...s, preparing: null, projecting: false } });
    }
  }

  /** The job in flight is answered: nothing is pending any more (a later fault re-sends nothing). */
  private finish(): void {
    this.watchdog.disarm();
    this.pending = null;
    this.stalledJob = null;
  }

  private onDevice(probed: DeviceInfo): void {
    // (again after a fault: the new pool probes the same device, and is given what is known of it)
    const known = probed.webglVersion > 0 ? (this.snapshot.device?.calibration ?? parseCalibration(this.options.storage.load(), probed.renderer)) : null;
    const calibration = known && known.renderer === probed.renderer ? known : null;
    const calibrationSource = calibration ? (this.snapshot.calibrationSource ?? 'stored') : null;
    this.update({ device: calibration ? { ...probed, calibration } : probed, calibrationSource });
    // before any request, so the workers decide the first one by it
    if (calibration) this.pool?.useCalibration(calibration);
    else if (probed.webglVersion > 0) this.scheduleCalibrate();
    // a job that arrived before the device was known is sent now (it may be split)
    if (this.pending && !this.pending.sent) this.send(this.pending);
  }

  /**
   * Asks the pool to measure the calibration `calibrateAfterMs` from now, once per client: a
   * measurement cut short by a fault (which may be its own doing, on a GPU that loses its
   * context) is not tried again until the next page load; nor is one asked while WebGL is set aside.
   */
  private scheduleCalibrate(): void {
    this.clearCalibrate();
    if (this.calibrateAsked || !this.snapshot.gpu.usable) return;
    this.calibrateTimer = this.options.timers.setTimeout(() => {
      this.calibrateTimer = null;
      if (!this.pool || !this.snapshot.gpu.usable) return;
      this.calibrateAsked = true;
      this.pool.calibrate();
    }, this.options.calibrateAfterMs);
  }

  private clearCalibrate(): void {
    if (this.calibrateTimer !== null) this.options.timers.clearTimeout(this.calibrateTimer);
    this.calibrateTimer = null;
  }

  /** A worker measured the device: kept in storage, handed to every worker, and decides on the page from now on. */
  private onCalibration(calibration: Calibration): void {
    const device = this.snapshot.device;
    if (!device || calibration.renderer !== device.renderer) return;
    this.options.storage.save(formatCalibration(calibration));
    this.pool?.useCalibration(calibration);
    this.update({ device: { ...device, calibration }, calibrationSource: 'measured' });
  }

  /**
   * A fault: the pool is replaced (nothing the old one computed is taken), WebGL is set aside
   * until a check passes, and the job in flight is sent again.
   */
  private fault(notice: GpuNotice): void {
    this.watchdog.disarm();
    this.pool?.terminate();
    this.progress.set(null);
    const job = this.pending?.job ?? null;
    const focus = this.pending?.focus ?? null;
    this.pending = null;
    if (notice.kind === 'crashed' && ++this.crashes > MAX_RESTARTS) {
      // a worker that cannot run (e.g. blocked from loading): say so once, do not loop
      this.pool = null;
      this.gaveUp = notice.reason;
      this.clearCheck();
      return this.update({ status: { job, preparing: null, error: notice.reason, done: true } });
    }
    this.clearCalibrate(); // not while WebGL is set aside: asked again once a check passes, if never asked
    this.pool = this.openPool();
    const { gpu } = this.snapshot;
    this.update({ gpu: { usable: false, notice, faults: gpu.faults + 1 }, status: { ...this.snapshot.status, preparing: null, projecting: false } });
    this.checksMade = 0;
    this.scheduleCheck();
    if (!job) return;
    if (notice.kind === 'stalled' && this.stalledJob === job) {
      // stalled on the JS path too: not a GPU fault; stop instead of restarting every watchdogMs
      this.stalledJob = null;
      return this.update({ status: { job, preparing: null, error: `the computation stopped reporting progress (twice, ${notice.seconds} s each)`, done: true } });
    }
    if (notice.kind === 'stalled') this.stalledJob = job;
    this.submit(job, focus);
  }

  private scheduleCheck(): void {
    this.clearCheck();
    const delay = this.options.checkDelaysMs[this.checksMade];
    if (delay === undefined) return;
    this.checkTimer = this.options.timers.setTimeout(() => {
      this.checkTimer = null;
      this.checksMade++;
      const id = (this.checkId = this.nextId++);
      this.pool?.check(id);
      this.checkDeadline = this.options.timers.setTimeout(() => this.onCheck({ type: 'gpuCheck', id, ok: false, detail: 'the check did not answer' }), this.options.checkTimeoutMs);
    }, delay);
  }

  private clearCheck(): void {
    const { timers } = this.options;
    if (this.checkTimer !== null) timers.clearTimeout(this.checkTimer);
    if (this.checkDeadline !== null) timers.clearTimeout(this.checkDeadline);
    this.checkTimer = null;
    this.checkDeadline = null;
    this.checkId = -1;
  }

  private onCheck(message: Extract<WorkerMessage, { type: 'gpuCheck' }>): void {
    if (message.id !== this.checkId) return;
    this.clearCheck();
    const { gpu } = this.snapshot;
    if (message.ok) {
      this.update({ gpu: { ...gpu, usable: true, notice: { kind: 'restored' } } });
      const device = this.snapshot.device;
      if (device && device.webglVersion > 0 && !device.calibration) this.scheduleCalibrate();
      return;
    }
    if (this.checksMade < this.options.checkDelaysMs.length) return this.scheduleCheck();
    this.update({ gpu: { ...gpu, notice: { kind: 'checkFailed', detail: message.detail } } });
  }

  private update(patch: Partial<EngineSnapshot<J>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function globalTimers(): Timers {
  return {
    now: () => performance.now(),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}
