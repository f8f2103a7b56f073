/**
 * What a row's attention weights become under each way of applying a mask — computed in float32,
 * as the frameworks do, so a class can see why libraries disagree on a fully masked row (a query
 * with no allowed key): zeros, NaN, or a uniform 1/Lk.
 */

/**
 * The three behaviours (their names and who uses them are UI text: `conventions.maskedRow` in
 * ui/i18n):
 * - 'zeros': softmax over the allowed keys only; no allowed key → every weight 0 (output 0).
 *   Maskscope (default), PyTorch ≥ 2.5 scaled_dot_product_attention, FlashAttention, ONNX
 *   Attention, jax.nn.softmax(where=…).
 * - 'nan': softmax(where(mask, logits, −∞)) written by hand (PyTorch SDPA before 2.5): max = −∞,
 *   and exp(−∞ − (−∞)) = exp(NaN), so every weight is NaN, which then spreads to the output.
 * - 'uniform': logits + mask × −1e9 (old TensorFlow tutorial, many BERT-era codebases): every
 *   logit becomes ≈ −1e9, so the softmax spreads evenly, 1/Lk on every (blocked) key.
 */
export type MaskedRowConvention = 'zeros' | 'nan' | 'uniform';

/** One convention's result for a row. */
export interface MaskedRowOutcome {
  id: MaskedRowConvention;
  /** The row's weights, [Lk] (NaN where the convention gives NaN). */
  weights: number[];
  /** Σ weights (NaN when any weight is NaN). */
  sum: number;
  /**
   * True when every weight is 1/Lk (within float32 rounding, 1e-6 relative). 'uniform' is not
   * always uniform: float32 rounds x − 1e9 to a multiple of 64, so logits that round apart
   * (|x| ≥ 32, e.g. 0 and 100) keep a difference of 64 or more and the row is far from 1/Lk.
   */
  evenlySpread: boolean;
}

const f32 = Math.fround;
/** −1e9 as float32 (exact: 1e9 is a multiple of float32's spacing 64 there). */
const MINUS_1E9 = f32(-1e9);

/**
 * The weights of one row under one convention, in float32.
 *
 * Rules, with x the logits and m the mask (true = may attend):
 * - 'zeros' (selection, Maskscope's default; PyTorch ≥ 2.5 SDPA, FlashAttention): softmax over the
 *   allowed cells only, max subtracted over them; blocked cells 0; a row with no allowed cell is all 0.
 * - 'nan' (a naive softmax of where(m, x, −∞)): max over the row (−∞ when nothing is allowed), then
 *   exp(x − max) / Σ — for an empty row exp(−∞ − (−∞)) = exp(NaN), so every weight is NaN.
 * - 'uniform' (additive −1e9, the old TensorFlow tutorial): softmax of x + (m ? 0 : −1e9) in float32 —
 *   for an empty row every x − 1e9 rounds to about −1e9, so the weights are ≈ 1/Lk (exactly 1/Lk
 *   when |x| < 32, where float32's spacing of 64 near 1e9 swallows x).
 * Example, x = [1, 2, 3], nothing allowed: zeros [0, 0, 0]; nan [NaN, NaN, NaN]; uniform [⅓, ⅓, ⅓].
 *
 * @param logits [Lk] the row's logits (finite).
 * @param allowed [Lk] true = the query may attend that key.
 * @returns [Lk] weights.
 * @throws Error when the two rows differ in length.
 * Source: PyTorch 2.5 release notes (SDPA: fully masked rows give 0, not NaN); FlashAttention;
 * TensorFlow tutorial "Transformer model for language understanding" (`logits += mask * -1e9`).
 */
export function maskedRowWeights(logits: readonly number[], allowed: readonly boolean[], convention: MaskedRowConvention): number[] {
  if (logits.length !== allowed.length) {
    throw new Error(`maskedRowWeights: logits has ${logits.length} values but allowed has ${allowed.length}`);
  }
  const x = logits.map(f32);
  switch (convention) {
    case 'zeros': {
      if (!allowed.some(Boolean)) return x.map(() => 0);
      return softmax(x.map((v, i) => (allowed[i] ? v : -Infinity)));
    }
    case 'nan':
      return softmax(x.map((v, i) => (allowed[i] ? v : -Infinity)));
    case 'uniform':
      return softmax(x.map((v, i) => (allowed[i] ? v : f32(v + MINUS_1E9))));
  }
}

/** exp(x − max) / Σ in float32 (a row of only −∞ gives NaN everywhere, as IEEE arithmetic does). */
function softmax(x: readonly number[]): number[] {
  const max = x.reduce((a, b) => Math.max(a, b), -Infinity);
  const e = x.map((v) => f32(Math.exp(f32(v - max))));
  const sum = e.reduce((a, b) => f32(a + b), 0);
  return e.map((v) => f32(v / sum));
}

/**
 * A fully masked row (no key allowed) under each convention: zeros, NaN, uniform.
 * Example, logits [0.5, −1, 2]: zeros [0, 0, 0] (sum 0); nan [NaN, NaN, NaN]; uniform [⅓, ⅓, ⅓] (sum 1,
 * evenlySpread); logits [0, 100]: uniform [0, 1] (not evenly spread: float32 keeps 100 − 1e9 apart).
 * @param logits [Lk ≥ 1] the row's logits.
 * @returns one outcome per convention, in the order zeros, nan, uniform.
 * @throws Error when the row is empty.
 */
export function fullyMaskedRowComparison(logits: readonly number[]): MaskedRowOutcome[] {
  if (logits.length === 0) throw new Error('fullyMaskedRowComparison: the row needs at least one key');
  const none = logits.map(() => false);
  return (['zeros', 'nan', 'uniform'] as const).map((id) => {
    const weights = maskedRowWeights(logits, none, id);
    const even = 1 / weights.length;
    return { id, weights, sum: weights.reduce((a, b) => a + b, 0), evenlySpread: weights.every((w) => Math.abs(w - even) <= 1e-6 * even) };
  });
}
