import { describe, expect, it } from 'vitest';
import { CALIBRATION_STORAGE_KEY, formatCalibration, parseCalibration } from '../../src/compute/calibrationCodec';
import type { Calibration } from '../../src/engine/calibration';

const RENDERER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const stored: Calibration = { renderer: RENDERER, measuredAt: '2026-12-05T20:00:00.000Z', js: { fixedMs: 0.1, perCellMs: 2.5e-5 }, webgl: { fixedMs: 18, perCellMs: 4.5e-4 } };

describe('parseCalibration', () => {
  it('formatCalibration → parseCalibration on the same renderer gives the calibration back (WebGL model or null)', () => {
    expect(parseCalibration(formatCalibration(stored), RENDERER)).toEqual(stored);
    const noWebgl = { ...stored, webgl: null };
    expect(parseCalibration(formatCalibration(noWebgl), RENDERER)).toEqual(noWebgl);
    expect(CALIBRATION_STORAGE_KEY).toBe('maskscope.calibration.v1');
  });

  it('measured on another renderer (a new GPU or driver): ignored, so the device is measured again', () => {
    expect(parseCalibration(formatCalibration(stored), 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)')).toBeNull();
    expect(parseCalibration(formatCalibration({ ...stored, renderer: '' }), '')).toBeNull();
  });

  it('nothing stored, or corrupt JSON: null, never a throw', () => {
    expect(parseCalibration(null, RENDERER)).toBeNull();
    for (const text of ['', '{', 'undefined', '{"renderer":', 'null', '42', '"text"', '[]']) expect(parseCalibration(text, RENDERER)).toBeNull();
  });

  it('a missing, mistyped, non-finite or negative field: null', () => {
    const bad: unknown[] = [
      { ...stored, renderer: 7 },
      { ...stored, measuredAt: undefined },
      { ...stored, js: undefined },
      { ...stored, js: { fixedMs: 0 } },
      { ...stored, js: { fixedMs: '0', perCellMs: 1e-5 } },
      { ...stored, webgl: undefined },
      { ...stored, webgl: { fixedMs: -1, perCellMs: 1e-5 } },
      { ...stored, webgl: [18, 4.5e-4] },
    ];
    for (const value of bad) expect(parseCalibration(JSON.stringify(value), RENDERER)).toBeNull();
    // JSON has no Infinity: 1e999 parses to it
    expect(parseCalibration(formatCalibration(stored).replace('0.1', '1e999'), RENDERER)).toBeNull();
  });
});
