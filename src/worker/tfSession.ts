/**
 * tfjs for the worker, loaded on first use only (the plain-JS path never needs it): activates the
 * requested backend and, the first time WebGL is active, compiles its shaders (warm-up).
 */
import { buildMaskSpec } from '../engine/masks';
import type { AttentionInputs, BackendInfo } from '../engine/types';

let warmed = false;
let active: BackendInfo | null = null;
let activeFor: 'webgl' | 'cpu' | null = null;

/**
 * Activates tfjs on `path` ('webgl' falls back to 'cpu' when WebGL fails; see initBackend).
 * @returns the active backend, with its fallback reason.
 */
export async function ensureTfBackend(path: 'webgl' | 'cpu'): Promise<BackendInfo> {
  const { initBackend } = await import('../engine/backend');
  const info = active && activeFor === path ? active : await initBackend(path);
  active = info;
  activeFor = path;
  if (info.name === 'webgl' && !warmed) {
    const { warmUpTf } = await import('../engine/tfChunks');
    await warmUpTf([warmUpInputs(false), warmUpInputs(true)]);
    warmed = true;
  }
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
