/**
 * Score modifiers: what turns `scaled` into `logits` before the mask (DESIGN.md §1, issue #3
 * "Score modifiers"). Pure per-cell definitions in plain TypeScript — the float64 reference, the
 * tests and any per-cell read-out use these; the engine (attention.ts) builds the same numbers
 * with tfjs ops over index grids.
 *
 *   scaled = scores × scale                               scale = ScoreMods.scale ?? inputs.scale ?? 1/√dK
 *   biased = scaled + alibiBias(h, q, k)                  when ScoreMods.alibi
 *   logits = c·tanh(biased / c)                           when ScoreMods.softcap = c
 *   masked = where(mask, logits, −∞)                      the mask comes after every modifier
 *
 * With no ALiBi and no soft-cap, logits = scaled.
 */
import type { AttentionShape } from './types';

/**
 * Modifiers of the scores, applied before the mask. Every field is optional; `{}` changes nothing.
 */
export interface ScoreMods {
  /**
   * Multiplies the scores instead of 1/√dK (Vaswani et al. 2017, eq. 1). The one representation
   * of a scale or temperature override: a softmax temperature τ is the scale 1/(τ·√dK)
   * (`scaleFromTemperature`). Takes precedence over `AttentionInputs.scale`. Any finite number.
   */
  scale?: number;
  /**
   * ALiBi (Press et al. 2022): adds −m_h·|(q + Lk − Lq) − k| to the scaled scores, with per-head
   * slopes m_h = 2^(−8(h+1)/H) (`alibiSlopes`, `alibiBias`). Default false.
   */
  alibi?: boolean;
  /**
   * Tanh soft-capping (Gemma 2): logits = c·tanh(x / c), applied after ALiBi and before the mask,
   * so every logit lies in (−c, c). A finite number > 0, or null / absent for none.
   */
  softcap?: number | null;
}

/**
 * Temperature τ as a scale: scale = 1/(τ·√dK), so τ = 1 is the default 1/√dK, τ > 1 flattens
 * the weights and τ < 1 sharpens them.
 * Example: dK = 16, τ = 2 → scale = 1/8.
 * @param temperature τ, a finite number > 0.
 * @param dK key dimension, an integer ≥ 1.
 * @throws Error when τ is not a finite number > 0 or dK is not an integer ≥ 1.
 */
export function scaleFromTemperature(temperature: number, dK: number): number {
  if (!Number.isFinite(temperature) || temperature <= 0) {
    throw new Error(`scaleFromTemperature: temperature must be a finite number > 0, got ${temperature}`);
  }
  if (!Number.isInteger(dK) || dK < 1) throw new Error(`scaleFromTemperature: dK must be an integer ≥ 1, got ${dK}`);
  return 1 / (temperature * Math.sqrt(dK));
}

/**
 * The scale that multiplies the scores: `mods.scale`, else `scale` (AttentionInputs.scale),
 * else 1/√dK (Vaswani et al. 2017, eq. 1).
 * @param dK key dimension; mods and scale as on AttentionInputs.
 */
export function effectiveScale(dK: number, scale?: number, mods?: ScoreMods): number {
  return mods?.scale ?? scale ?? 1 / Math.sqrt(dK);
}

/** True when a modifier makes logits differ from scaled (ALiBi on, or a soft-cap set). */
export function changesLogits(mods?: ScoreMods): boolean {
  return mods?.alibi === true || (mods?.softcap !== undefined && mods.softcap !== null);
}

/**
 * Checks the modifiers' values.
 * @throws Error naming the field: `scale` not finite, `softcap` not a finite number > 0 (or null),
 *   `alibi` not a boolean. `who` (e.g. 'computeAttention') starts the message.
 */
export function checkScoreMods(mods: ScoreMods | undefined, who: string): void {
  if (!mods) return;
  if (mods.scale !== undefined && !Number.isFinite(mods.scale)) {
    throw new Error(`${who}: scoreMods.scale must be a finite number, got ${mods.scale}`);
  }
  if (mods.softcap !== undefined && mods.softcap !== null && !(Number.isFinite(mods.softcap) && mods.softcap > 0)) {
    throw new Error(`${who}: scoreMods.softcap must be a finite number > 0 or null, got ${mods.softcap}`);
  }
  if (mods.alibi !== undefined && typeof mods.alibi !== 'boolean') {
    throw new Error(`${who}: scoreMods.alibi must be a boolean, got ${String(mods.alibi)}`);
  }
}

/**
 * ALiBi slope of head h: m_h = 2^(−8(h+1)/H), the geometric sequence that starts at 2^(−8/H)
 * with that same ratio (Press et al. 2022, §3).
 * @param head h, 0-based, an integer in [0, H).
 * @param heads H, an integer ≥ 1.
 * @throws Error when H or h is out of range.
 */
export function alibiSlope(head: number, heads: number): number {
  if (!Number.isInteger(heads) || heads < 1) throw new Error(`alibiSlope: heads must be an integer ≥ 1, got ${heads}`);
  if (!Number.isInteger(head) || head < 0 || head >= heads) {
    throw new Error(`alibiSlope: head must be an integer in [0, ${heads}), got ${head}`);
  }
  return 2 ** ((-8 * (head + 1)) / heads);
}

/**
 * ALiBi slopes of all H heads: m_h = 2^(−8(h+1)/H), h = 0 … H−1 (Press et al. 2022, §3).
 * Examples: H = 8 → [1/2, 1/4, …, 1/256]; H = 4 → [1/4, 1/16, 1/64, 1/256]; H = 1 → [1/256].
 *
 * For H not a power of 2 this is the paper's formula. The authors' code (ofirpress/attention_with_
 * linear_biases `get_slopes`), and BLOOM / MPT after it, instead take the 2^⌊log2 H⌋ power-of-2
 * slopes and fill up with every other slope of the next power of 2; the two agree whenever H is a
 * power of 2.
 * @param heads H, an integer ≥ 1.
 * @returns number[H].
 * @throws Error when H is not an integer ≥ 1.
 */
export function alibiSlopes(heads: number): number[] {
  if (!Number.isInteger(heads) || heads < 1) throw new Error(`alibiSlopes: heads must be an integer ≥ 1, got ${heads}`);
  return Array.from({ length: heads }, (_, h) => alibiSlope(h, heads));
}

/**
 * ALiBi bias of one cell: −m_h·|(q + Lk − Lq) − k|, added to the scaled score.
 *
 * Positions: key k sits at position k; query q at position q + Lk − Lq — the queries are the last
 * Lq positions of the key sequence, the same bottom-right alignment as the causal mask, a KV-cache
 * decoding step and x-transformers' `AlibiPositionalBias` (query positions arange(Lk − Lq, Lk)).
 * When Lq = Lk that is simply q. The alignment does not follow the causal
 * setting: with a top-left causal mask and Lq < Lk the bias differs from the top-left distance
 * −m·(q − k) by −m·(Lk − Lq) per row, which the softmax cancels.
 *
 * Distance: the paper defines ALiBi for causal models, bias −m·(i − j) for keys j ≤ i. The absolute
 * distance gives exactly those values on every cell a bottom-right causal mask allows, and extends
 * them symmetrically to keys after the query for bidirectional attention (the symmetric variant of
 * bidirectional ALiBi used by e.g. MosaicBERT and x-transformers). The per-key form m·j of the
 * authors' fairseq code (and BLOOM) differs from −m·(i − j) by a per-row constant, so it gives the
 * same weights under a causal mask only.
 *
 * Example, H = 1 (m = 1/256), Lq = Lk = 3:       Lq = 2, Lk = 4 (query positions 2, 3):
 *   −1/256 · [[0, 1, 2],                          −1/256 · [[2, 1, 0, 1],
 *             [1, 0, 1],                                    [3, 2, 1, 0]]
 *             [2, 1, 0]]
 * @param head h in [0, H); query q in [0, Lq); key k in [0, Lk).
 * @param shape heads H, queryLength Lq, keyLength Lk.
 * @throws Error when h is out of range (see alibiSlope).
 */
export function alibiBias(
  head: number,
  query: number,
  key: number,
  shape: Pick<AttentionShape, 'heads' | 'queryLength' | 'keyLength'>,
): number {
  const slope = alibiSlope(head, shape.heads);
  const distance = Math.abs(query + shape.keyLength - shape.queryLength - key);
  return distance === 0 ? 0 : -slope * distance; // never −0
}

/**
 * Tanh soft-capping (Gemma 2, `attn_logit_softcapping`): c·tanh(x / c). Smooth, odd, slope 1 at
 * 0, and bounded by ±c; tanh saturates, so no |x| overflows (±∞ maps to ±c).
 * Example: c = 2, x = [0, 2, 100] → [0, 2·tanh(1) ≈ 1.5232, ≈ 2].
 * @param x the (scaled, biased) score; cap c > 0.
 */
export function softcap(x: number, cap: number): number {
  return cap * Math.tanh(x / cap);
}

/**
 * The logit of one cell from its scaled score: ALiBi, then soft-capping (see the module comment).
 * @param scaled the scaled score of cell (b, h, q, k); head h, query q, key k.
 * @param shape heads H, queryLength Lq, keyLength Lk.
 * @param mods the modifiers; `scale` is not applied here (it is already in `scaled`).
 */
export function cellLogit(
  scaled: number,
  head: number,
  query: number,
  key: number,
  shape: Pick<AttentionShape, 'heads' | 'queryLength' | 'keyLength'>,
  mods?: ScoreMods,
): number {
  let x = scaled;
  if (mods?.alibi) x += alibiBias(head, query, key, shape);
  if (mods?.softcap !== undefined && mods.softcap !== null) x = softcap(x, mods.softcap);
  return x;
}
