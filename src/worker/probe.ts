/** What WebGL this browser offers, read from a throw-away context (no tfjs needed). */
import type { DeviceInfo } from '../engine/pathChoice';

/**
 * Probes WebGL2 (then WebGL1) on an OffscreenCanvas, or a canvas element on a page.
 * @returns webglVersion 0 and renderer '' when there is none; never throws.
 */
export function probeDevice(): DeviceInfo {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : null;
    if (!canvas) return { webglVersion: 0, renderer: '', maxTextureSize: 0 };
    const gl2 = canvas.getContext('webgl2');
    const gl = gl2 ?? canvas.getContext('webgl');
    if (!gl) return { webglVersion: 0, renderer: '', maxTextureSize: 0 };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    const maxTextureSize = Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)) || 0;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { webglVersion: gl2 ? 2 : 1, renderer, maxTextureSize };
  } catch {
    return { webglVersion: 0, renderer: '', maxTextureSize: 0 };
  }
}
