/**
 * Watches the WebGL context of the worker's tfjs backend: once it is lost, WebGL is never trusted
 * again in this worker (tfjs does not rebuild its textures and programs after a restore), and the
 * page is told at once, so that it drops this worker and computes on the plain-JS path.
 */
let lost = false;
let watched: WebGLRenderingContext | null = null;

/**
 * Listens for `webglcontextlost` on the canvas of `gl` (once per context).
 * @param gl the WebGL backend's context (tfSession.ts `webglContext()`), null when tfjs is not on WebGL.
 * @param onLost called once, when the loss event arrives.
 */
export function watchWebglContext(gl: WebGLRenderingContext | null, onLost: () => void): void {
  if (!gl || gl === watched) return;
  watched = gl;
  const canvas = gl.canvas as EventTarget;
  canvas.addEventListener('webglcontextlost', () => {
    if (lost) return;
    lost = true;
    onLost();
  });
}

/** True once the watched context was lost, or reports being lost now (before its event arrives). */
export function webglLost(): boolean {
  if (!lost && watched?.isContextLost()) lost = true;
  return lost;
}
