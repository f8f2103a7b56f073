/**
 * tfjs for the worker, loaded on first use only (the plain-JS path never needs it): activates the
 * requested backend and, the first time WebGL is active, compiles its shaders (warm-up). On a
 * hardware GPU the worker starts this at once (`warmUpSoon`), so the first large request finds
 * the shaders ready.
 */
import { buildMaskSpec } from '../engine/masks';
import type { AttentionInputs, BackendInfo } from '../engine/types';

let session: { path: 'webgl' | 'cpu'; ready: Promise<BackendInfo> } | null = null;

/**
 * Activates tfjs on `path` ('webgl' falls back to 'cpu' when WebGL fails; see initBackend) and
 * warms WebGL up once. Concurrent calls for the same path share one promise.
 * @returns the active backend, with its fallback reason.
 */
export function ensureTfBackend(path: 'webgl' | 'cpu'): Promise<BackendInfo> {
  if (session?.path !== path) session = { path, ready: activate(path) };
  return session.ready;
}

/** True once `path` has been activated (and, for WebGL, warmed up); until then the page says "preparing". */
export function isWarm(path: 'webgl' | 'cpu'): boolean {
  return warm.has(path);
}

const warm = new Set<string>();

let context: WebGLRenderingContext | null = null;

/**
 * The WebGL context of the active tfjs backend, once WebGL is active (for watching its loss:
 * contextWatch.ts); null before, or on the CPU backend.
 */
export function webglContext(): WebGLRenderingContext | null {
  return context;
}

async function activate(path: 'webgl' | 'cpu'): Promise<BackendInfo> {
  // loaded here, never statically: the worker's own chunk stays free of tfjs
  const { initBackend, activeWebglContext } = await import('../engine/backend');
  const info = await initBackend(path);
  context = activeWebglContext();
  if (info.name === 'webgl') {
    const { warmUpTf } = await import('../engine/tfChunks');
    await warmUpTf([warmUpInputs(false), warmUpInputs(true)]);
  }
  warm.add(path);
  return info;
}

/** 8×8 inputs with causal and key-padding masks, with or without ALiBi and soft-capping. */
function warmUpInputs(mods: boolean): AttentionInputs {
  const L = 8;
  const dK = 8;
  const zeros = new Float32Array(L * dK);
  return {
    shape: { batch: 1, heads: 1, queryLength: L, keyLength: L, dK, dV: dK },
    q: zeros,
    k: zeros,
    v: zeros,
    mask: buildMaskSpec({ causal: 'bottom-right', keyIsReal: [Array.from({ length: L }, () => true)] }),
    queryIsReal: [Array.from({ length: L }, () => true)],
    scoreMods: mods ? { alibi: true, softcap: 30 } : {},
  };
}
