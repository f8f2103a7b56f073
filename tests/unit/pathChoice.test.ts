import { describe, expect, it } from 'vitest';
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
