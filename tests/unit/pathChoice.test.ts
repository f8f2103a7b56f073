import { describe, expect, it } from 'vitest';
import type { Calibration } from '../../src/engine/calibration';
import { choosePath, choosePathUnprobed, isSoftwareRenderer, SMALL_CELLS, type DeviceInfo } from '../../src/engine/pathChoice';

const gpu: DeviceInfo = { webglVersion: 2, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', maxTextureSize: 16384 };
const swiftshader: DeviceInfo = {
  webglVersion: 2,
  renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  maxTextureSize: 8192,
};
const none: DeviceInfo = { webglVersion: 0, renderer: '', maxTextureSize: 0 };
const large = 8 * 1024 * 1024;

describe('isSoftwareRenderer', () => {
  it('recognises SwiftShader, llvmpipe and Microsoft Basic Render, not hardware GPUs', () => {
    expect(isSoftwareRenderer(swiftshader.renderer)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.7, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11)')).toBe(true);
    expect(isSoftwareRenderer(gpu.renderer)).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
  });
});

describe('choosePath', () => {
  it('auto on a hardware GPU: JS below SMALL_CELLS, WebGL from there on', () => {
    expect(choosePath('auto', gpu, SMALL_CELLS - 1)).toEqual({ path: 'js', reason: 'small' });
    expect(choosePath('auto', gpu, SMALL_CELLS)).toEqual({ path: 'webgl', reason: 'large' });
    expect(choosePath('auto', gpu, large)).toEqual({ path: 'webgl', reason: 'large' });
  });

  it('auto on a software renderer or without WebGL: always JS, with the reason', () => {
    expect(choosePath('auto', swiftshader, large)).toEqual({ path: 'js', reason: 'softwareWebgl' });
    expect(choosePath('auto', swiftshader, 16)).toEqual({ path: 'js', reason: 'softwareWebgl' });
    expect(choosePath('auto', none, large)).toEqual({ path: 'js', reason: 'noWebgl' });
  });

  it('a chosen path runs as chosen, except WebGL where there is none', () => {
    expect(choosePath('webgl', swiftshader, 16)).toEqual({ path: 'webgl', reason: 'chosen' });
    expect(choosePath('cpu', gpu, large)).toEqual({ path: 'cpu', reason: 'chosen' });
    expect(choosePath('js', gpu, large)).toEqual({ path: 'js', reason: 'chosen' });
    expect(choosePath('webgl', none, large)).toEqual({ path: 'js', reason: 'noWebgl' });
    expect(choosePath('cpu', none, large)).toEqual({ path: 'cpu', reason: 'chosen' });
  });
});

describe('choosePath with a calibration', () => {
  // JS 0.1 µs/cell; WebGL 0.02 µs/cell + 16 ms: WebGL is faster from 200 001 cells on
  const measured = (renderer: string, webgl: Calibration['webgl'] = { fixedMs: 16, perCellMs: 2e-5 }): Calibration => ({ renderer, measuredAt: '2026-01-01T00:00:00.000Z', js: { fixedMs: 0, perCellMs: 1e-4 }, webgl });
  const calibrated: DeviceInfo = { ...gpu, calibration: measured(gpu.renderer) };

  it('auto picks the path predicted faster: JS up to the crossover, WebGL past it (not SMALL_CELLS)', () => {
    expect(choosePath('auto', calibrated, 200_000)).toEqual({ path: 'js', reason: 'calibratedJs' });
    expect(choosePath('auto', calibrated, 200_001)).toEqual({ path: 'webgl', reason: 'calibratedWebgl' });
    expect(200_001).toBeLessThan(SMALL_CELLS);
    expect(choosePath('auto', calibrated, large)).toEqual({ path: 'webgl', reason: 'calibratedWebgl' });
  });

  it('measured on a software renderer where WebGL is slower everywhere: JS at every size, said as measured', () => {
    const slow: DeviceInfo = { ...swiftshader, calibration: measured(swiftshader.renderer, { fixedMs: 30, perCellMs: 1e-3 }) };
    expect(choosePath('auto', slow, 16)).toEqual({ path: 'js', reason: 'calibratedJs' });
    expect(choosePath('auto', slow, large)).toEqual({ path: 'js', reason: 'calibratedJs' });
    expect(choosePath('auto', { ...gpu, calibration: measured(gpu.renderer, null) }, large)).toEqual({ path: 'js', reason: 'calibratedJs' });
  });

  it('a calibration of another renderer is ignored: the fixed rules decide', () => {
    const other: DeviceInfo = { ...gpu, calibration: measured('Another GPU') };
    expect(choosePath('auto', other, 200_001)).toEqual({ path: 'js', reason: 'small' });
    expect(choosePath('auto', other, large)).toEqual({ path: 'webgl', reason: 'large' });
  });

  it('a GPU fault, no WebGL and a chosen path still win over the calibration', () => {
    expect(choosePath('auto', { ...calibrated, gpuFault: true }, large)).toEqual({ path: 'js', reason: 'gpuFault' });
    expect(choosePath('auto', { ...calibrated, gpuFault: true }, 16)).toEqual({ path: 'js', reason: 'calibratedJs' });
    expect(choosePath('auto', { ...none, calibration: measured('') }, large)).toEqual({ path: 'js', reason: 'noWebgl' });
    expect(choosePath('js', calibrated, large)).toEqual({ path: 'js', reason: 'chosen' });
    expect(choosePath('webgl', calibrated, 16)).toEqual({ path: 'webgl', reason: 'chosen' });
    expect(choosePath('cpu', calibrated, large)).toEqual({ path: 'cpu', reason: 'chosen' });
  });
});

describe('choosePathUnprobed (no device yet)', () => {
  it('JS where no device could change it: chosen, or auto below SMALL_CELLS; else null (the device decides)', () => {
    expect(choosePathUnprobed('js', 1 << 24)).toEqual({ path: 'js', reason: 'chosen' });
    expect(choosePathUnprobed('auto', SMALL_CELLS - 1)).toEqual({ path: 'js', reason: 'small' });
    expect(choosePathUnprobed('auto', SMALL_CELLS)).toBeNull();
    expect(choosePathUnprobed('webgl', 16)).toBeNull();
    expect(choosePathUnprobed('cpu', 16)).toBeNull();
    // agrees with every probed device wherever it answers
    for (const device of [none, gpu, swiftshader]) {
      expect(choosePath('auto', device, SMALL_CELLS - 1).path).toBe('js');
      expect(choosePath('js', device, 1 << 24).path).toBe('js');
    }
  });
});
