/**
 * Watches the WebGL context of the worker's tfjs backend: once it is lost, WebGL is never trusted
 * again in this worker (tfjs does not rebuild its textures and programs after a restore), and the
 * page is told at once, so that it drops this worker and computes on the plain-JS path.
 *
 * Two ways of noticing, whichever comes first: the `webglcontextlost` event, and a poll of
 * `isContextLost()` every LOSS_POLL_MS. The poll is needed: in a worker, Chromium may not deliver
 * the event on an OffscreenCanvas, and a tfjs read on a lost context never settles, so a run
 * waiting on it reaches no checkpoint that could ask.
 */
let lost = false;
let watched: WebGLRenderingContext | null = null;
let poll: ReturnType<typeof setInterval> | null = null;

/** How often (ms) the watched context is asked whether it is lost: well inside the 2 s the notice has. */
export const LOSS_POLL_MS = 250;

/**
 * Watches `gl` (once per context; a new context replaces the old one's poll).
 * @param gl the WebGL backend's context (engine/backend.ts `activeWebglContext()`, watched by
 *   tfSession.ts from activation on), null when tfjs is not on WebGL.
 * @param onLost called once, when the loss is noticed.
 */
export function watchWebglContext(gl: WebGLRenderingContext | null, onLost: () => void): void {
  
  if (!gl || gl === watched) return;
  watched = gl;
  const notice = () => {
    if (lost) return;
    lost = true;
    if (poll !== null) clearInterval(poll);
    poll = null;
    onLost();
  };
  (gl.canvas as EventTarget).addEventListener('webglcontextlost', notice);
  if (poll !== null) clearInterval(poll);
  poll = setInterval(() => gl.isContextLost() && notice(), LOSS_POLL_MS);
}

/** True once the watched context was lost, or reports being lost now (before it is noticed). */
export function webglLost(): boolean {
  if (!lost && watched?.isContextLost()) lost = true;
  return lost;
}
