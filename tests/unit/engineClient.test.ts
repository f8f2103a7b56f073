/**
 * The engine client's state machine (src/compute/engineClient.ts) in Node, on a fake worker pool
 * and fake timers: newest job wins, results merge, and GPU faults — a lost WebGL context, a run
 * that stops reporting (watchdog), a crashing worker — replace the pool, drop whatever the old one
 * computed, re-run on the JS path, and use WebGL again only after a check passes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, type PoolLike } from '../../src/compute/engineClient';
import type { EngineJob } from '../../src/compute/engineTypes';
import type { DeviceInfo } from '../../src/engine/pathChoice';
import type { Calibration } from '../../src/engine/calibration';
import { allocateHead, type StageSet } from '../../src/engine/headStages';
import type { AttentionShape } from '../../src/engine/types';
import { deriveInputs } from '../../src/scenario/derive';
import { DEFAULT_SCENARIO } from '../../src/state/scenario';
import type { ComputeRequest, RunInfo, WorkerMessage } from '../../src/worker/protocol';

const DEVICE: DeviceInfo = { webglVersion: 2, renderer: 'Some GPU', maxTextureSize: 8192 };

/** A pool that records what it is asked and lets the test answer as its workers would. */
class FakePool implements PoolLike {
  submitted: ComputeRequest[] = [];
  checks: number[] = [];
  cancelled = 0;
  terminated = false;
  constructor(readonly emit: (m: WorkerMessage) => void, readonly fail: (reason: string) => void) {}
  submit(request: ComputeRequest): void { this.submitted.push(request); }
  cancel(): void { this.cancelled++; }
  check(id: number): void { this.checks.push(id); }
  calibrations = 0;
  used: Calibration[] = [];
  calibrate(): void { this.calibrations++; }
  useCalibration(calibration: Calibration): void { this.used.push(calibration); }
  terminate(): void { this.terminated = true; }
  get last(): ComputeRequest {
    const r = this.submitted.at(-1);
    if (!r) throw new Error('nothing submitted');
    return r;
  }
}

function makeJob(settingsKey: string): EngineJob {
  const derived = deriveInputs({ ...DEFAULT_SCENARIO, engine: 'webgl' }, { vectors: false });
  if (!derived.ok) throw new Error(derived.error);
  return { settingsKey, scenario: { ...DEFAULT_SCENARIO, engine: 'webgl' }, heads: null, inputs: derived.inputs };
}

function resultFor(request: ComputeRequest, shape: AttentionShape, path: RunInfo['path'] = 'webgl'): WorkerMessage {
  const set: StageSet = { shape, heads: Array.from({ length: shape.batch * shape.heads }, (_, i) => allocateHead(shape, Math.floor(i / shape.heads), i % shape.heads)) };
  return { type: 'result', id: request.id, key: request.key, inputs: makeJob(request.key).inputs, set, run: { path, reason: 'chosen', backend: null, ms: 1, precision: 'float32' } };
}

describe('EngineClient', () => {
  let pools: FakePool[];
  let client: EngineClient<EngineJob>;
  const pool = () => pools.at(-1) as FakePool;

  beforeEach(() => {
    vi.useFakeTimers();
    pools = [];
    client = new EngineClient<EngineJob>((emit, fail) => {
      const p = new FakePool(emit, fail);
      pools.push(p);
      return p;
    }, { watchdogMs: 20_000, checkDelaysMs: [2_000, 10_000], checkTimeoutMs: 15_000 });
    client.start();
  });
  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('a job waits for the device, then is sent; its result becomes the snapshot; an older request’s messages are ignored', () => {
    const a = makeJob('a');
    client.submit(a);
    expect(pool().submitted).toHaveLength(0);
    pool().emit({ type: 'device', device: DEVICE });
    expect(pool().last.key).toBe('a');
    const first = pool().last;
    client.submit(makeJob('b'));
    pool().emit(resultFor(first, a.inputs.shape)); // the older request answers late
    expect(client.getSnapshot().result).toBeNull();
    pool().emit(resultFor(pool().last, a.inputs.shape));
    expect(client.getSnapshot().result?.job.settingsKey).toBe('b');
    expect(client.getSnapshot().status).toMatchObject({ done: true, error: null });
  });

  it('a lost WebGL context during a run: the pool is replaced, the job re-sent without WebGL (for the same head on screen), the old pool’s result dropped, a notice given', () => {
    const job = makeJob('a');
    pool().emit({ type: 'device', device: DEVICE });
    client.submit(job, { batch: 0, head: 1 });
    const old = pool();
    const request = old.last;
    expect(request).toMatchObject({ avoidWebgl: false, focus: { batch: 0, head: 1 } });
    old.emit({ type: 'progress', id: request.id, done: 1, total: 4 });
    old.emit({ type: 'gpuLost' });
    expect(old.terminated).toBe(true);
    expect(pools).toHaveLength(2);
    expect(pool().last).toMatchObject({ key: 'a', avoidWebgl: true, focus: { batch: 0, head: 1 } });
    expect(client.getSnapshot().gpu).toEqual({ usable: false, notice: { kind: 'contextLost' }, faults: 1 });
    expect(client.device?.gpuFault).toBe(true);
    old.emit(resultFor(request, job.inputs.shape)); // computed after the loss: never taken
    expect(client.getSnapshot().result).toBeNull();
    pool().emit(resultFor(pool().last, job.inputs.shape, 'js'));
    expect(client.getSnapshot().result?.run.path).toBe('js');
  });

  it('a run that stops reporting is caught by the watchdog; progress keeps it alive', () => {
    pool().emit({ type: 'device', device: DEVICE });
    client.submit(makeJob('a'));
    const request = pool().last;
    vi.advanceTimersByTime(15_000);
    pool().emit({ type: 'progress', id: request.id, done: 1, total: 4 });
    vi.advanceTimersByTime(15_000);
    expect(pools).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    expect(pools).toHaveLength(2);
    expect(client.getSnapshot().gpu.notice).toEqual({ kind: 'stalled', seconds: 20 });
    expect(pool().last).toMatchObject({ key: 'a', avoidWebgl: true });
  });

  it('an idle client never fires the watchdog', () => {
    pool().emit({ type: 'device', device: DEVICE });
    const job = makeJob('a');
    client.submit(job);
    pool().emit(resultFor(pool().last, job.inputs.shape));
    vi.advanceTimersByTime(120_000);
    expect(pools).toHaveLength(1);
    expect(client.getSnapshot().gpu.faults).toBe(0);
  });

  it('WebGL is used again only after a check passes; a failed check is retried, then reported', () => {
    pool().emit({ type: 'device', device: DEVICE });
    pool().emit({ type: 'gpuLost' }); // between computes
    expect(pool().checks).toEqual([]);
    vi.advanceTimersByTime(2_000);
    const [firstCheck] = pool().checks;
    expect(firstCheck).toBeTypeOf('number');
    pool().emit({ type: 'gpuCheck', id: firstCheck as number, ok: false, detail: 'differs by 0.5' });
    expect(client.getSnapshot().gpu.usable).toBe(false);
    vi.advanceTimersByTime(10_000);
    const secondCheck = pool().checks[1] as number;
    pool().emit({ type: 'gpuCheck', id: secondCheck, ok: false, detail: 'differs by 0.5' });
    expect(client.getSnapshot().gpu).toMatchObject({ usable: false, notice: { kind: 'checkFailed', detail: 'differs by 0.5' } });
    vi.advanceTimersByTime(60_000);
    expect(pool().checks).toHaveLength(2);
  });

  it('a passing check restores WebGL: the next job may use it', () => {
    pool().emit({ type: 'device', device: DEVICE });
    pool().emit({ type: 'gpuLost' });
    vi.advanceTimersByTime(2_000);
    const check = pool().checks[0] as number;
    pool().emit({ type: 'gpuCheck', id: check + 100, ok: true, detail: '' }); // not the check asked for
    expect(client.getSnapshot().gpu.usable).toBe(false);
    pool().emit({ type: 'gpuCheck', id: check, ok: true, detail: '' });
    expect(client.getSnapshot().gpu).toMatchObject({ usable: true, notice: { kind: 'restored' } });
    expect(client.device?.gpuFault).toBeUndefined();
    client.submit(makeJob('b'));
    expect(pool().last.avoidWebgl).toBe(false);
  });

  it('a worker that keeps crashing is restarted three times, then its error is shown', () => {
    pool().emit({ type: 'device', device: DEVICE });
    const job = makeJob('a');
    client.submit(job);
    for (let i = 0; i < 3; i++) pool().fail('boom');
    expect(pools).toHaveLength(4);
    expect(client.getSnapshot().gpu.notice).toEqual({ kind: 'crashed', reason: 'boom' });
    pool().fail('boom');
    expect(pools).toHaveLength(4);
    expect(client.getSnapshot().status).toMatchObject({ job, error: 'boom', done: true });
  });

  it('after the crash limit a new job shows the error at once: no pool is opened, no watchdog fires', () => {
    pool().emit({ type: 'device', device: DEVICE });
    client.submit(makeJob('a'));
    for (let i = 0; i < 4; i++) pool().fail('boom');
    const b = makeJob('b');
    client.submit(b);
    expect(client.getSnapshot().status).toMatchObject({ job: b, error: 'boom', done: true });
    vi.advanceTimersByTime(120_000);
    expect(pools).toHaveLength(4);
    expect(client.getSnapshot().gpu.notice).toEqual({ kind: 'crashed', reason: 'boom' });
  });

  it('crashes count in a row: a result between them resets the count', () => {
    pool().emit({ type: 'device', device: DEVICE });
    const job = makeJob('a');
    client.submit(job);
    for (let i = 0; i < 3; i++) pool().fail('boom');
    pool().emit(resultFor(pool().last, job.inputs.shape, 'js'));
    client.submit(makeJob('b'));
    for (let i = 0; i < 3; i++) pool().fail('boom');
    expect(pools).toHaveLength(7);
    expect(client.getSnapshot().status.error).toBeNull();
  });

  it('a fault after a job is answered sends nothing again', () => {
    pool().emit({ type: 'device', device: DEVICE });
    const job = makeJob('a');
    client.submit(job);
    pool().emit(resultFor(pool().last, job.inputs.shape));
    pool().emit({ type: 'gpuLost' });
    expect(pools).toHaveLength(2);
    expect(pool().submitted).toEqual([]);
    expect(client.pendingJob).toBeNull();
  });

  it('a check that never answers counts as failed after checkTimeoutMs; the next one is scheduled, the last reported', () => {
    pool().emit({ type: 'device', device: DEVICE });
    pool().emit({ type: 'gpuLost' });
    vi.advanceTimersByTime(2_000);
    expect(pool().checks).toHaveLength(1);
    vi.advanceTimersByTime(15_000 + 10_000);
    expect(pool().checks).toHaveLength(2);
    vi.advanceTimersByTime(15_000);
    expect(client.getSnapshot().gpu).toMatchObject({ usable: false, notice: { kind: 'checkFailed', detail: 'the check did not answer' } });
    pool().emit({ type: 'gpuCheck', id: pool().checks[1] as number, ok: true, detail: '' }); // too late: ignored
    expect(client.getSnapshot().gpu.usable).toBe(false);
  });

  it('stop() then start() with a job in flight: the new pool is sent it (StrictMode, hot reload)', () => {
    pool().emit({ type: 'device', device: DEVICE });
    client.submit(makeJob('a'));
    client.stop();
    expect(pools[0]?.terminated).toBe(true);
    client.start();
    expect(pools).toHaveLength(2);
    expect(pool().last.key).toBe('a');
  });

  it('a job that stalls again after its re-run is stopped with an error, not sent a third time', () => {
    pool().emit({ type: 'device', device: DEVICE });
    const job = makeJob('a');
    client.submit(job);
    vi.advanceTimersByTime(20_000);
    expect(pools).toHaveLength(2);
    expect(pool().submitted).toHaveLength(1);
    vi.advanceTimersByTime(20_000);
    expect(pools).toHaveLength(3);
    expect(pool().submitted).toEqual([]);
    expect(client.getSnapshot().status).toMatchObject({ job, done: true });
    expect(client.getSnapshot().status.error).toContain('stopped reporting progress');
    vi.advanceTimersByTime(60_000);
    expect(pools).toHaveLength(3);
  });

  it('the device given to the page is the same object until the GPU’s health changes', () => {
    pool().emit({ type: 'device', device: DEVICE });
    expect(client.device).toBe(client.device);
    pool().emit({ type: 'gpuLost' });
    const faulted = client.device;
    expect(faulted).toBe(client.device);
    expect(faulted).not.toBe(DEVICE);
  });
});

describe('EngineClient: the device’s calibration', () => {
  const measured: Calibration = { renderer: DEVICE.renderer, measuredAt: '2026-12-05T20:00:00.000Z', js: { fixedMs: 0, perCellMs: 2e-5 }, webgl: { fixedMs: 18, perCellMs: 1e-6 } };
  let pools: FakePool[];
  let stored: string | null;
  let client: EngineClient<EngineJob>;
  const pool = () => pools.at(-1) as FakePool;

  beforeEach(() => {
    vi.useFakeTimers();
    pools = [];
    stored = null;
    client = new EngineClient<EngineJob>((emit, fail) => {
      const p = new FakePool(emit, fail);
      pools.push(p);
      return p;
    }, { storage: { load: () => stored, save: (text) => void (stored = text) }, calibrateAfterMs: 2_000 });
  });
  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('none stored: the first worker is asked to measure 2 s after the device, after the first job was sent; its answer is stored, handed to the workers and decides on the page', () => {
    client.start();
    const job = makeJob('a');
    client.submit(job);
    pool().emit({ type: 'device', device: DEVICE });
    expect(pool().submitted).toHaveLength(1);
    pool().emit(resultFor(pool().last, job.inputs.shape));
    vi.advanceTimersByTime(1_999);
    expect(pool().calibrations).toBe(0);
    vi.advanceTimersByTime(1);
    expect(pool().calibrations).toBe(1);
    pool().emit({ type: 'calibration', calibration: measured });
    expect(JSON.parse(stored ?? '')).toEqual(measured);
    expect(pool().used).toEqual([measured]);
    expect(client.device?.calibration).toEqual(measured);
    expect(client.getSnapshot().calibrationSource).toBe('measured');
    vi.advanceTimersByTime(60_000);
    expect(pool().calibrations).toBe(1);
  });

  it('one stored for this renderer: handed to the workers before the first job, never measured again', () => {
    stored = JSON.stringify(measured);
    client.start();
    const job = makeJob('a');
    client.submit(job);
    pool().emit({ type: 'device', device: DEVICE });
    expect(pool().used).toEqual([measured]);
    expect(pool().submitted).toHaveLength(1);
    pool().emit(resultFor(pool().last, job.inputs.shape));
    expect(client.device?.calibration).toEqual(measured);
    expect(client.getSnapshot().calibrationSource).toBe('stored');
    vi.advanceTimersByTime(60_000);
    expect(pool().calibrations).toBe(0);
  });

  it('one stored for another renderer, or corrupt: ignored and measured again (the new one replaces it)', () => {
    for (const text of [JSON.stringify({ ...measured, renderer: 'Old GPU' }), '{not json']) {
      stored = text;
      client.start();
      pool().emit({ type: 'device', device: DEVICE });
      expect(pool().used).toEqual([]);
      expect(client.device?.calibration).toBeUndefined();
      vi.advanceTimersByTime(2_000);
      expect(pool().calibrations).toBe(1);
      pool().emit({ type: 'calibration', calibration: measured });
      expect(JSON.parse(stored ?? '')).toEqual(measured);
      client.stop();
      client = new EngineClient<EngineJob>((emit, fail) => {
        const p = new FakePool(emit, fail);
        pools.push(p);
        return p;
      }, { storage: { load: () => stored, save: (t) => void (stored = t) }, calibrateAfterMs: 2_000 });
    }
  });

  it('a fault during the measurement (perhaps its own: a GPU that loses its context) is not followed by another measurement', () => {
    client.start();
    pool().emit({ type: 'device', device: DEVICE });
    vi.advanceTimersByTime(2_000);
    expect(pool().calibrations).toBe(1);
    pool().emit({ type: 'gpuLost' });
    pool().emit({ type: 'device', device: DEVICE });
    vi.advanceTimersByTime(60_000);
    expect(pools.map((p) => p.calibrations)).toEqual([1, 0]);
    expect(client.device?.calibration).toBeUndefined();
  });

  it('a fault before the measurement was asked: not asked while WebGL is set aside, asked once a check passes', () => {
    client.start();
    pool().emit({ type: 'device', device: DEVICE });
    pool().emit({ type: 'gpuLost' });
    pool().emit({ type: 'device', device: DEVICE });
    vi.advanceTimersByTime(2_000); // the first check (CHECK_DELAYS_MS[0])
    expect(pool().calibrations).toBe(0);
    const check = pool().checks.at(-1) as number;
    pool().emit({ type: 'gpuCheck', id: check, ok: true, detail: '' });
    vi.advanceTimersByTime(2_000);
    expect(pools.map((p) => p.calibrations)).toEqual([0, 1]);
  });

  it('without WebGL nothing is measured; a fault’s new pool is given the calibration already known', () => {
    client.start();
    pool().emit({ type: 'device', device: { webglVersion: 0, renderer: '', maxTextureSize: 0 } });
    vi.advanceTimersByTime(60_000);
    expect(pool().calibrations).toBe(0);
    expect(client.getSnapshot().calibrationSource).toBeNull();
    client.stop();
    stored = JSON.stringify(measured);
    client.start();
    pool().emit({ type: 'device', device: DEVICE });
    pool().emit({ type: 'gpuLost' });
    pool().emit({ type: 'device', device: DEVICE });
    expect(pool().used).toEqual([measured]);
    expect(client.device).toMatchObject({ gpuFault: true, calibration: measured });
  });
});
