/**
 * Backend selection: WebGL first, CPU when WebGL is missing or fails (said in the UI).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { backendPrecision } from './tfStages';
import type { BackendInfo } from './types';

export { backendPrecision };

/**
 * Activates a tfjs backend and reports what it can do.
 * Sets `WEBGL_USE_SHAPES_UNIFORMS` so that shaders compile once per kind of shape, and turns
 * `WEBGL_CPU_FORWARD` off so that a status line saying "WebGL" is true even for tensors under
 * 128 elements (which tfjs would otherwise run on the CPU). Turns `WEBGL_FENCE_API_ENABLED` off:
 * a read then waits in getBufferSubData instead of polling a fence — on a lost context the fence
 * never passes and tfjs polls it with zero-delay messages forever, starving every timer of the
 * worker (the loss could not be noticed); without it the read returns and the loss is seen at
 * the next checkpoint (worker/contextWatch.ts). The engine runs in a worker, so the wait blocks
 * no page.
 * @param preferred 'webgl' (default) tries WebGL and falls back to the CPU; 'cpu' forces the CPU.
 * @returns the active backend; never throws (a WebGL failure becomes `fallbackReason`).
 */
export async function initBackend(preferred: 'webgl' | 'cpu' = 'webgl'): Promise<BackendInfo> {
  tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  tf.env().set('WEBGL_CPU_FORWARD', false);
  tf.env().set('WEBGL_FENCE_API_ENABLED', false);
  let fallbackReason = preferred === 'cpu' ? 'CPU requested' : '';
  if (preferred === 'webgl') {
    try {
      if (await tf.setBackend('webgl')) {
        await tf.ready();
        return describeBackend('');
      }
      fallbackReason = 'WebGL is not available in this browser';
    } catch (error) {
      fallbackReason = `WebGL failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return describeBackend(fallbackReason);
}

/** Reads the active backend's name, WebGL version, float precision and texture limit. */
export function describeBackend(fallbackReason: string): BackendInfo {
  const name = tf.getBackend();
  const isWebGL = name === 'webgl';
  const precision = backendPrecision();
  return {
    name,
    webglVersion: isWebGL ? tf.env().getNumber('WEBGL_VERSION') : 0,
    float32: precision === 'float32',
    precision,
    maxTextureSize: isWebGL ? tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE') : 0,
    fallbackReason,
  };
}

/**
 * The WebGL context of the active tfjs backend, or null when the backend is not WebGL. Its canvas
 * fires `webglcontextlost`; `isContextLost()` says at once whether the context is gone (every
 * number read back from it since is meaningless: zeros, or a read that never completes).
 */
export function activeWebglContext(): WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as MathBackendWebGL).gpgpu.gl;
}
