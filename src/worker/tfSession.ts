/**
 * tfjs for the worker, loaded on first use only (the plain-JS path never needs it): activates the
 * requested backend and, the first time WebGL is active, compiles its shaders (warm-up). On a
 * hardware GPU the worker starts this at once (`warmUpSoon`), so the first large request finds
 * the shaders ready.
 */
import { buildMaskSpec } from '../engine/masks';
import { watchWebglContext } from './contextWatch';
import type { AttentionInputs, BackendInfo } from '../engine/types';

let session: { path: 'webgl' | 'cpu'; ready: Promise<BackendInfo> } | null = null;

/**
 * Activates tfjs on `path` ('webgl' falls back to 'cpu' when WebGL fails; see initBackend) and
 * warms WebGL up once. Concurrent calls for the same path share one promise; a failed activation
 * is forgotten, so the next call tries again.
 * @param onLost told once if the WebGL context is lost — watched from activation on, so a loss
 *   during the warm-up counts (contextWatch.ts).
 * @returns the active backend, with its fallback reason; rejects when loading tfjs or the warm-up fails.
 */
export function ensureTfBackend(path: 'webgl' | 'cpu', onLost: () => void): Promise<BackendInfo> {
  if (session?.path !== path) {
    const started = { path, ready: activate(path, onLost) };
    started.ready.catch(() => {
      if (session === started) session = null;
    });
    session = started;
  }
  return session.ready;
}

/** True once `path` has been activated (and, for WebGL, warmed up); until then the page says "preparing". */
export function isWarm(path: 'webgl' | 'cpu'): boolean {
  return warm.has(path);
}

const warm = new Set<string>();

async function activate(path: 'webgl' | 'cpu', onLost: () => void): Promise<BackendInfo> {
  // loaded here, never statically: the worker's own chunk stays free of tfjs
  const { initBackend, activeWebglContext } = await import('../engine/backend');
  const info = await initBackend(path);
  watchWebglContext(activeWebglContext(), onLost);
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
