/**
 * The calibration measured by the engine worker (src/worker/calibrate.ts), here in Node: plain JS
 * is timed, and tfjs's WebGL backend, absent in Node, falls back to the CPU (so no WebGL model).
 * Only the structure is checked: timings live in benchmarks.
 */
import { describe, expect, it } from 'vitest';
import { CALIBRATION_LENGTHS } from '../../src/engine/calibration';
import { runAttention } from '../../src/engine/runner';
import { referenceAttention } from '../../src/engine/reference';
import { calibrationInputs, measureCalibration } from '../../src/worker/calibrate';
import { expectArraysClose } from '../helpers/arrays';

describe('measureCalibration', () => {
  it('every timed run is a task of its own in the queue; JS gets a model, WebGL none where it cannot start', async () => {
    let tasks = 0;
    const queue = <T,>(task: () => Promise<T>): Promise<T> => {
      tasks++;
      return task();
    };
    const calibration = await measureCalibration('Some renderer', queue, () => undefined);
    expect(tasks).toBe(CALIBRATION_LENGTHS.length + 1); // one per JS length, one to start WebGL
    expect(calibration).toMatchObject({ renderer: 'Some renderer', webgl: null });
    expect(calibration.js.fixedMs).toBeGreaterThanOrEqual(0);
    expect(calibration.js.perCellMs).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(calibration.measuredAt))).toBe(false);
  });

  it('calibrationInputs(8): a causal 8 × 8 case the engine computes as the reference does (row 0 attends key 0 only)', async () => {
    const inputs = calibrationInputs(8);
    const set = await runAttention(inputs, { path: 'js' });
    const want = referenceAttention(inputs);
    expectArraysClose(set.heads[0]?.weights ?? new Float32Array(), want.weights, 1e-6);
    expect([...(set.heads[0]?.weights.slice(0, 8) ?? [])]).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });
});
