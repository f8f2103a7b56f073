/**
 * The check WebGL must pass before the page uses it again after a fault: a small computation
 * (2 heads, 24 × 24, causal with left padding so one row is fully masked, ALiBi) on the WebGL
 * backend, every stage against the float64 reference.
 */
import { referenceAttention } from '../engine/reference';
import { runAttention } from '../engine/runner';
import { deriveInputs } from '../scenario/derive';
import { DEFAULT_SCENARIO, type Scenario } from '../state/scenario';
import { ensureTfBackend } from './tfSession';
import { webglLost } from './contextWatch';

/** Largest |WebGL − reference| accepted on weights and output: float32 textures, float16 ones (about 3 significant digits). */
export const CHECK_TOLERANCE = { float32: 2e-3, float16: 1e-2 } as const;

const CHECK_SCENARIO: Scenario = {
  ...DEFAULT_SCENARIO,
  inputMode: 'text',
  queryText: 'a b c d e f g h i j k l m n o p q r s t u v w x\nshort line',
  paddingSide: 'left',
  causal: true,
  keyPadding: true,
  heads: 2,
  dK: 8,
  alibi: true,
};

/**
 * Runs the check.
 * @param onLost passed to the context watch (the context may be lost again during the check).
 * @returns ok, or the reason it failed (no WebGL, context lost, the largest difference); never throws.
 */
export async function checkWebgl(onLost: () => void): Promise<{ ok: boolean; detail: string }> {
  try {
    const backend = await ensureTfBackend('webgl', onLost);
    if (backend.name !== 'webgl') return { ok: false, detail: backend.fallbackReason || 'WebGL is not available' };
    const derived = deriveInputs(CHECK_SCENARIO);
    if (!derived.ok) return { ok: false, detail: derived.error };
    const set = await runAttention(derived.inputs, { path: 'webgl', maxTextureSize: backend.maxTextureSize });
    if (webglLost()) return { ok: false, detail: 'the WebGL context was lost during the check' };
    const ref = referenceAttention(derived.inputs);
    const diff = largestDifference(set.heads.map((h) => h?.weights), ref.weights);
    const outDiff = largestDifference(set.heads.map((h) => h?.output), ref.output);
    const worst = Math.max(diff, outDiff);
    return worst <= CHECK_TOLERANCE[backend.precision] ? { ok: true, detail: '' } : { ok: false, detail: `WebGL differs from the reference by ${worst.toPrecision(3)}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** max |a − b| over the heads (laid out one after the other as in the reference); ∞ for a missing head or NaN. */
function largestDifference(heads: (Float32Array | undefined)[], reference: Float64Array): number {
  const size = reference.length / heads.length;
  let worst = 0;
  heads.forEach((head, h) => {
    if (!head) worst = Infinity;
    else for (let i = 0; i < size; i++) {
      const d = Math.abs((head[i] as number) - (reference[h * size + i] as number));
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    }
  });
  return worst;
}
