/**
 * The benchmark's inputs, made the way the app makes them: a lengths-mode Scenario (placeholder
 * tokens, causal bottom-right, dK = 64) through deriveInputs (embeddings + Q/K/V projections).
 * Derived once per (B, H, L) and cached; `narrowed` gives the dK = 1 / dV = 1 variants used to
 * split the JS path's time by stage.
 */
import type { AttentionInputs } from '../src/engine/types';
import { DEFAULT_SCENARIO, type Scenario } from '../src/state/scenario';
import { deriveInputs } from '../src/scenario/derive';

export const D_K = 64;

/** The app's Scenario for a (B, H, L) self-attention computation with a causal mask. */
export function benchScenario(B: number, H: number, L: number): Scenario {
  return { ...DEFAULT_SCENARIO, inputMode: 'lengths', queryLength: L, keyLength: L, batchSize: B, heads: H, dK: D_K, causal: true, seed: 4242 };
}

/** deriveInputs with its vectors (Q/K/V projections), as the engine worker calls it. */
export function derive(B: number, H: number, L: number): AttentionInputs {
  const derived = deriveInputs(benchScenario(B, H, L));
  if (!derived.ok) throw new Error(`deriveInputs failed: ${derived.error}`);
  return derived.inputs;
}

const cache = new Map<string, AttentionInputs>();

/** The inputs of (B, H, L), derived on first use. */
export function inputsFor(B: number, H: number, L: number): AttentionInputs {
  const key = `${B}×${H}×${L}`;
  let inputs = cache.get(key);
  if (!inputs) {
    inputs = derive(B, H, L);
    cache.clear(); // one shape at a time: large shapes hold tens of MB
    cache.set(key, inputs);
  }
  return inputs;
}

/** The first `d` components of each [rows × width] vector. */
function firstColumns(a: Float32Array, width: number, d: number): Float32Array {
  const rows = a.length / width;
  const out = new Float32Array(rows * d);
  for (let r = 0; r < rows; r++) out.set(a.subarray(r * width, r * width + d), r * d);
  return out;
}

/** `inputs` with Q and K cut to dK = 1 (`which` = 'dK') or V to dV = 1 ('dV'): same mask, same lengths. */
export function narrowed(inputs: AttentionInputs, which: 'dK' | 'dV'): AttentionInputs {
  const { dK, dV } = inputs.shape;
  if (which === 'dK') {
    return { ...inputs, shape: { ...inputs.shape, dK: 1 }, q: firstColumns(inputs.q, dK, 1), k: firstColumns(inputs.k, dK, 1) };
  }
  return { ...inputs, shape: { ...inputs.shape, dV: 1 }, v: firstColumns(inputs.v, dV, 1) };
}
